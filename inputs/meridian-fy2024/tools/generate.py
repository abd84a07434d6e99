#!/usr/bin/python3
"""Writes every file of inputs/meridian-fy2024 (a synthetic company).

Meridian Freight Systems, Inc. is made up: its people, pay, awards and every
price are invented, deterministically, by this script (Python's own random
generator with a fixed seed, standard library only), so that the input set is
the same on every machine. Prices are daily closes on weekdays (no holiday
calendar) from correlated geometric Brownian motion: one market factor, an
industry factor shared by the company and its peers, and each company's own
noise. The peer group TSR of performance.csv is computed here from
peer_prices.csv by the Item 201(e) method (dividends reinvested, weighted by
the market capitalisations of peers.csv at the start), so it matches the
prices in the set.

Usage: python3 inputs/meridian-fy2024/tools/generate.py
"""
import datetime as dt
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
RNG = random.Random(20241231)

FIRST, LAST = dt.date(2019, 1, 2), dt.date(2025, 1, 17)
DAYS = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
DAYS = [d for d in DAYS if d.weekday() < 5]

# Peers: ticker, start price, market-factor loading, own volatility, quarterly
# dividend per share (0: none), market cap at 2021-12-31 (USD).
PEERS = [
    ("ARCL", 52.0, 0.9, 0.22, 0.30, 8_400_000_000), ("BRKT", 31.0, 1.1, 0.30, 0.00, 2_900_000_000),
    ("CNVY", 74.0, 0.8, 0.20, 0.45, 12_100_000_000), ("DLVR", 18.5, 1.3, 0.38, 0.00, 1_450_000_000),
    ("EXPD", 95.0, 0.7, 0.18, 0.58, 15_800_000_000), ("FRTL", 27.0, 1.0, 0.28, 0.12, 2_300_000_000),
    ("GLDN", 43.0, 0.9, 0.24, 0.25, 4_700_000_000), ("HAUL", 61.0, 1.2, 0.33, 0.00, 5_200_000_000),
    ("INTR", 38.0, 0.8, 0.26, 0.20, 3_100_000_000), ("JETS", 22.0, 1.4, 0.42, 0.00, 1_100_000_000),
    ("KRGO", 84.0, 0.9, 0.21, 0.50, 9_900_000_000), ("LNHL", 47.0, 1.0, 0.27, 0.22, 3_800_000_000),
    ("MVRS", 15.0, 1.3, 0.45, 0.00, 750_000_000), ("NTWK", 66.0, 0.8, 0.23, 0.40, 7_300_000_000),
    ("OVLD", 29.0, 1.1, 0.31, 0.10, 1_900_000_000), ("PRTX", 58.0, 0.9, 0.25, 0.35, 6_600_000_000),
]
INDEX = "MKTIDX"
COMPANY = ("MRDN", 41.0, 1.0, 0.27, 0.21)
RATE = 0.03


def simulate():
    """Closes and ex-date dividends of the company, the peers and the index."""
    n = len(PEERS) + 2
    names = [COMPANY[0]] + [p[0] for p in PEERS] + [INDEX]
    start = [COMPANY[1]] + [p[1] for p in PEERS] + [3800.0]
    loading = [COMPANY[2]] + [p[2] for p in PEERS] + [1.0]
    own = [COMPANY[3]] + [p[3] for p in PEERS] + [0.0]
    dividend = [COMPANY[4]] + [p[4] for p in PEERS] + [0.0]
    market_vol, industry_vol, dt_year = 0.17, 0.12, 1 / 252
    price = list(start)
    closes = {name: [] for name in names}
    for day in DAYS:
        m = RNG.gauss(0, 1)
        ind = RNG.gauss(0, 1)
        for i in range(n):
            eps = RNG.gauss(0, 1)
            shock = loading[i] * market_vol * m
            if i < n - 1:
                shock += industry_vol * ind + own[i] * eps
            var = (loading[i] * market_vol) ** 2 + (industry_vol ** 2 + own[i] ** 2 if i < n - 1 else 0)
            price[i] *= math.exp((0.07 - 0.5 * var) * dt_year + shock * math.sqrt(dt_year))
            price[i] = max(price[i], 1.0)
            div = dividend[i] if day.month in (3, 6, 9, 12) and 14 <= day.day <= 18 and day.weekday() == 2 else 0.0
            if div:
                price[i] -= div
            closes[names[i]].append((day, round(price[i], 2), div))
    return names, closes


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join("" if v is None else str(v) for v in row) + "\n")


def money(x):
    return '"{:,.2f}"'.format(x)


def close_on(series, day):
    """The close on `day` or the last weekday before it."""
    best = None
    for d, c, _ in series:
        if d <= day:
            best = c
        else:
            break
    return best


def total_return(series, base_day, day):
    """Value of $1 invested at the close of base_day, dividends reinvested."""
    units, base = None, None
    for d, c, div in series:
        if d <= base_day:
            units, base = 1.0, c
            continue
        if d > day:
            break
        if div:
            units *= 1 + div / c
    last = close_on(series, day)
    return units * last / base


def peer_group_tsr(closes, year):
    base = dt.date(2021, 12, 31)
    end = dt.date(year, 12, 31)
    weights = [p[5] for p in PEERS]
    value = sum(w * total_return(closes[p[0]], base, end) for p, w in zip(PEERS, weights))
    return "{:.2f}".format(100 * value / sum(weights))


def main():
    names, closes = simulate()
    company = closes[COMPANY[0]]
    write("prices.csv", "date,close,dividend",
          [(d.isoformat(), "{:.2f}".format(c), "{:.2f}".format(v) if v else None) for d, c, v in company])
    rows = []
    for name in names[1:]:
        for d, c, v in closes[name]:
            rows.append((name, d.isoformat(), "{:.2f}".format(c), "{:.2f}".format(v) if v else None))
    write("peer_prices.csv", "ticker,date,close,dividend", rows)
    write("peers.csv", "peer_set,ticker,market_cap",
          [("transport_peers", p[0], p[5]) for p in PEERS] + [("market_index", INDEX, None)])

    hurdle_base = close_on(company, dt.date(2023, 6, 1))
    levels = [round(hurdle_base * 1.25), round(hurdle_base * 1.5), round(hurdle_base * 1.75)]
    write("market_conditions.csv",
          "award_id,metric,performance_start,performance_end,payout_curve,averaging_days,peer_set,negative_tsr_cap",
          [("HOLT-TSR-2022", "relative_tsr", "2022-01-01", "2024-12-31", "25:50%;50:100%;75:200%", 20,
            "transport_peers", "100%"),
           ("HOLT-IDX-2023", "index_tsr", "2023-01-01", "2025-12-31", "-15:50%;0:100%;15:200%", 20,
            "market_index", None),
           ("HOLT-HRD-2023", "price_hurdle", "2023-06-01", "2026-05-31",
            '"{}:50%;{}:100%;{}:150%"'.format(*levels), 20, None, None),
           ("OKAFOR-TSR-2023", "relative_tsr", "2023-01-01", "2025-12-31", "30:50%;55:100%;80:200%", 20,
            "transport_peers", "100%")])

    write("awards.csv",
          "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,grant_fv_per_share,dividend_rights",
          [("HOLT-RSU-2022", "holt", "stock", "service", "2022-03-01", 30000, None, None, None, "yes"),
           ("HOLT-TSR-2022", "holt", "stock", "market", "2022-03-01", 40000, None, None, None, "yes"),
           ("HOLT-IDX-2023", "holt", "stock", "market", "2023-03-01", 25000, None, None, None, "yes"),
           ("HOLT-HRD-2023", "holt", "stock", "market", "2023-06-01", 20000, None, None, None, "yes"),
           ("OKAFOR-RSU-2022", "okafor", "stock", "service", "2022-03-01", 12000, None, None, None, "yes"),
           ("OKAFOR-TSR-2023", "okafor", "stock", "market", "2023-03-01", 15000, None, None, None, "yes")])
    write("vesting.csv", "award_id,tranche,vest_date,shares,status,status_date",
          [("HOLT-RSU-2022", 1, "2023-03-01", 10000, "vested", None),
           ("HOLT-RSU-2022", 2, "2024-03-01", 10000, "vested", None),
           ("HOLT-RSU-2022", 3, "2025-03-01", 10000, "unvested", None),
           ("HOLT-TSR-2022", 1, "2025-03-01", 40000, "unvested", None),
           ("HOLT-IDX-2023", 1, "2026-03-01", 25000, "unvested", None),
           ("HOLT-HRD-2023", 1, "2026-06-01", 20000, "unvested", None),
           ("OKAFOR-RSU-2022", 1, "2023-03-01", 4000, "vested", None),
           ("OKAFOR-RSU-2022", 2, "2024-03-01", 4000, "vested", None),
           ("OKAFOR-RSU-2022", 3, "2025-03-01", 4000, "unvested", None),
           ("OKAFOR-TSR-2023", 1, "2026-03-01", 15000, "unvested", None)])
    write("people.csv", "person_id,name,position",
          [("holt", "Dana Holt", "President and Chief Executive Officer"),
           ("okafor", "Chinedu Okafor", "Executive Vice President and Chief Financial Officer")])
    write("roles.csv", "year,person_id,role,position",
          [(y, p, r, None) for y in (2022, 2023, 2024) for p, r in (("holt", "PEO"), ("okafor", "NEO"))])
    cash = []
    for y, (s1, b1, n1, s2, b2, n2) in zip((2022, 2023, 2024), (
            (950000, 0, 1140000, 520000, 0, 410000),
            (990000, 150000, 870000, 545000, 50000, 300000),
            (1030000, 0, 1290000, 570000, 0, 455000))):
        cash += [("holt", y, "salary", money(s1), "USD"), ("holt", y, "non_equity_incentive", money(n1), "USD"),
                 ("okafor", y, "salary", money(s2), "USD"), ("okafor", y, "non_equity_incentive", money(n2), "USD")]
        if b1:
            cash.append(("holt", y, "bonus", money(b1), "USD"))
        if b2:
            cash.append(("okafor", y, "bonus", money(b2), "USD"))
        cash.append(("holt", y, "all_other", money(18300 + 400 * (y - 2022)), "USD"))
        cash.append(("okafor", y, "all_other", money(12100 + 300 * (y - 2022)), "USD"))
    write("cash.csv", "person_id,year,component,amount,currency", cash)
    dates = ["2021-12-31", "2022-03-01", "2022-12-30", "2023-03-01", "2023-06-01", "2023-12-29",
             "2024-03-01", "2024-12-31"]
    write("assumptions.csv", "date,volatility,risk_free_rate,dividend_yield,expected_term",
          [(d, "0.30", "{:.4f}".format(0.012 + 0.004 * i), "0.02", None) for i, d in enumerate(dates)])
    write("performance.csv", "year,net_income,company_selected_measure,peer_group_tsr",
          [(2022, money(212_400_000), money(388_100_000), peer_group_tsr(closes, 2022)),
           (2023, money(178_900_000), money(351_700_000), peer_group_tsr(closes, 2023)),
           (2024, money(240_300_000), money(402_600_000), peer_group_tsr(closes, 2024))])
    with open(os.path.join(OUT, "paycalc.json"), "w") as f:
        f.write("""{
  "company": {"name": "Meridian Freight Systems, Inc.", "ticker": "MRDN"},
  "fiscal_year_end": "12-31",
  "years": [2022, 2023, 2024],
  "smaller_reporting_company": false,
  "cap_decimals": 0,
  "company_selected_measure": "Adjusted operating income",
  "monte_carlo": {"paths": 20000, "seed": 2024, "antithetic": true}
}
""")


if __name__ == "__main__":
    main()
