#!/usr/bin/env python3
"""Generate the cbak-fy2022 input set for paycalc (SPEC section 2).

CBAK Energy's 2023 proxy prints US-dollar totals only: the Summary
Compensation Table, the Pay versus Performance table, the two "compensation
actually paid" reconciliation footnotes and the outstanding-awards table. The
award-level and RMB-level detail that paycalc reads is reconstructed here so
that, under the rules of SPEC sections 3 to 7, the inputs reproduce every
figure of the proxy's SCT and its TSR exactly. ../README.md says which figure
comes from the proxy and which is reconstructed, and how.

The output is deterministic: the price path is drawn from a seeded random
generator and pinned at the anchor dates, and every search below picks its
answer by a fixed order. Run from anywhere:

    python3 inputs/cbak-fy2022/tools/generate.py

Standard library only. Money arithmetic uses decimal.Decimal with
ROUND_HALF_UP (half away from zero, as SPEC section 3 requires).
"""

import csv
import datetime as dt
import json
import math
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

CENT = Decimal("0.01")
DOLLAR = Decimal("1")
MICRO = Decimal("0.000001")


def r_cent(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def r_dollar(x):
    return x.quantize(DOLLAR, rounding=ROUND_HALF_UP)


def d(s):
    return dt.date.fromisoformat(s)


# ---------------------------------------------------------------------------
# Figures printed in the proxy (USD). Summary Compensation Table ("摘要 補償表").
PROXY_SCT = {
    ("li-yunfei", 2021): {"salary": 120107, "stock_awards": 120001, "option_awards": 53450},
    ("li-yunfei", 2022): {"salary": 117658, "stock_awards": 60000, "option_awards": 0},
    ("pei-xiangyu", 2021): {"salary": 74979, "stock_awards": 54000, "option_awards": 40087},
    ("pei-xiangyu", 2022): {"salary": 88556, "stock_awards": 27000, "option_awards": 0},
}
# SCT footnote (1): fiscal-year average RMB per USD.
FX = {2021: Decimal("6.4525"), 2022: Decimal("6.7264")}

# ---------------------------------------------------------------------------
# Trading calendar: weekdays less the NYSE/Nasdaq holidays of the period.
HOLIDAYS = {
    d(s)
    for s in [
        "2020-12-25",
        "2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31",
        "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24",
        "2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20",
        "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26",
    ]
}


def trading_days(start, end):
    day = start
    out = []
    while day <= end:
        if day.weekday() < 5 and day not in HOLIDAYS:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


# Price waypoints (close, USD). The first four marked "anchor" are fixed by the
# proxy: the TSR base (last trading day of 2020), the two fiscal year ends
# (TSR 30.83 and 19.57 against 5.87) and the option grant date (granted at the
# money, exercise price 1.96). The others shape a plausible path: CBAT rose to
# about $11 in February 2021 and then fell for two years.
WAYPOINTS = [
    ("2020-12-01", "3.05"),
    ("2020-12-31", "5.87"),  # anchor: TSR base date
    ("2021-02-09", "10.92"),
    ("2021-03-19", "6.48"),
    ("2021-05-14", "4.36"),
    ("2021-07-23", "3.91"),
    ("2021-09-17", "2.74"),
    ("2021-10-22", "2.31"),
    ("2021-11-29", "1.96"),  # anchor: option grant date, at the money
    ("2021-12-31", "1.81"),  # anchor: FYE 2021, TSR 30.83
    ("2022-02-25", "1.52"),
    ("2022-04-29", "1.31"),
    ("2022-06-17", "1.17"),
    ("2022-08-19", "1.58"),
    ("2022-10-21", "1.24"),
    ("2022-12-30", "1.149"),  # anchor: last trading day of FY2022, TSR 19.57
]
SEED = 20221231
DAILY_VOL = 0.055  # about 87% a year


def price_path():
    """Brownian bridges in log price between the waypoints, seeded."""
    rng = random.Random(SEED)
    days = trading_days(d("2020-12-01"), d("2022-12-31"))
    index = {day: i for i, day in enumerate(days)}
    closes = {}
    for (d0, p0), (d1, p1) in zip(WAYPOINTS, WAYPOINTS[1:]):
        i0, i1 = index[d(d0)], index[d(d1)]
        n = i1 - i0
        x0, x1 = math.log(float(p0)), math.log(float(p1))
        walk = [0.0]
        for _ in range(n):
            walk.append(walk[-1] + rng.gauss(0.0, DAILY_VOL))
        closes[days[i0]] = p0
        for k in range(1, n):
            frac = k / n
            x = x0 + (x1 - x0) * frac + walk[k] - frac * walk[n]
            closes[days[i0 + k]] = "%.2f" % math.exp(x)
        closes[days[i1]] = p1
    return [(day, closes[day]) for day in days]


def price_at(prices, day):
    """SPEC section 2: the close on the day or the last trading day before."""
    best = None
    for when, close in prices:
        if when <= day:
            best = (when, close)
    return best


# ---------------------------------------------------------------------------
# Black-Scholes-Merton (SPEC section 5), no dividends.
def norm_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def bsm_call(s, k, vol, rate, term, q=0.0):
    if term <= 0:
        return max(s - k, 0.0)
    sq = vol * math.sqrt(term)
    d1 = (math.log(s / k) + (rate - q + vol * vol / 2.0) * term) / sq
    d2 = d1 - sq
    return s * math.exp(-q * term) * norm_cdf(d1) - k * math.exp(-rate * term) * norm_cdf(d2)


def years_between(a, b):
    return (b - a).days / 365.0


# The options (proxy, outstanding-awards table and its footnotes).
OPTION_GRANT = d("2021-11-29")
OPTION_STRIKE = Decimal("1.96")
OPTION_EXPIRY = d("2027-09-26")
OPTION_VESTS = [
    d("%d-%s" % (year, md)) for year in range(2022, 2027) for md in ("05-30", "11-30")
]
OPTION_SHARES = {"li-yunfei": 200000, "pei-xiangyu": 150000}
# 53,450 / 200,000 = 0.26725 would give Pei 10 x 4,008.75 = 40,087.50 ->
# 40,088; 0.267249 gives 53,449.80 -> 53,450 and 40,087.40 -> 40,087.
OPTION_GRANT_FV = Decimal("0.267249")
# FYE 2021 value per option implied by the proxy: 312,000 / 200,000 and
# 234,000 / 150,000.
FYE2021_FV = Decimal("1.56")

# The three independent directors of the Director Compensation table
# (董事薪酬), names as the proxy prints them, and their 2022 pay: $20,000 of
# fees and $3,000 of stock awards each.
DIRECTORS = [("simon-xue", "J·薛西蒙"), ("martha-agee", "Martha C. Agee"), ("he-jianjun", "何建軍")]
DIRECTOR_FEES = Decimal("20000")
DIRECTOR_STOCK = Decimal("3000")
DIRECTOR_GRANT = d("2022-07-12")  # close $1.50: 2,000 shares make $3,000

# Valuation assumptions. Rates: continuously compounded, near the US Treasury
# curve at the five-to-seven-year point on each date. Volatility at FYE 2021
# is solved so that the model reproduces the proxy's 1.56 (see below).
RATE = {
    "2021-11-29": Decimal("0.0130"),
    "2021-12-31": Decimal("0.0135"),
    "2022-05-30": Decimal("0.0285"),
    "2022-11-30": Decimal("0.0380"),
    "2022-12-31": Decimal("0.0400"),
}
VOL = {
    "2022-05-30": Decimal("1.10"),
    "2022-11-30": Decimal("1.05"),
    "2022-12-31": Decimal("1.00"),
}


def implied_vol(target, s, k, rate, term):
    lo, hi = 0.01, 5.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if bsm_call(s, k, mid, rate, term) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# ---------------------------------------------------------------------------
def salary_months(target_usd, rate):
    """Twelve monthly RMB amounts whose sum S gives R3(R1(S / rate)) == target.

    Equal whole-yuan months when such a sum exists; otherwise eleven equal
    whole-yuan months and the last one adjusted (still whole yuan) to the
    admissible total nearest to twelve equal months.
    """
    def ok(total):
        return r_dollar(r_cent(total / rate)) == target_usd

    mid = Decimal(target_usd) * rate
    base = int(mid)
    candidates = [Decimal(t) for t in range(base - 20, base + 21) if ok(Decimal(t))]
    if not candidates:
        raise SystemExit("no whole-yuan annual salary for %s" % target_usd)
    equal = [t for t in candidates if t % 12 == 0]
    if equal:
        total = min(equal, key=lambda t: (abs(t - mid), t))
        return [total / 12] * 12
    monthly = r_dollar(mid / 12)
    total = min(candidates, key=lambda t: (abs(t - 12 * monthly), t))
    return [monthly] * 11 + [total - 11 * monthly]


def last_business_day(year, month):
    day = dt.date(year, month, 28) + dt.timedelta(days=4)
    day = day - dt.timedelta(days=day.day)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def stock_shares(target_usd, grants):
    """Share counts for the quarterly grants [(date, close)], each worth about
    a quarter of the year's stock award, whose R2 values sum (R3) to exactly
    the proxy's figure. The last two counts are moved as little as possible.
    """
    quarter = Decimal(target_usd) / len(grants)
    shares = [int(r_dollar(quarter / Decimal(close))) for _, close in grants]

    def total(counts):
        return r_dollar(sum(r_cent(n * Decimal(c)) for n, (_, c) in zip(counts, grants)))

    best = None
    for a in range(-60, 61):
        for b in range(-60, 61):
            trial = shares[:-2] + [shares[-2] + a, shares[-1] + b]
            if total(trial) == target_usd:
                key = (abs(a) + abs(b), abs(a), a, b)
                if best is None or key < best[0]:
                    best = (key, trial)
    if best is None:
        raise SystemExit("no share counts for stock award %s" % target_usd)
    return best[1]


# ---------------------------------------------------------------------------
def write_csv(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)


def fmt_money(x):
    return "%s" % r_cent(x)


def main():
    prices = price_path()
    closes = {day: close for day, close in prices}
    for day, close in WAYPOINTS:
        assert closes[d(day)] == close

    # paycalc.json
    config = {
        "company": {"name": "CBAK Energy Technology, Inc.", "ticker": "CBAT"},
        "fiscal_year_end": "12-31",
        "years": [2021, 2022],
        "smaller_reporting_company": True,
        "fx_method": "annual_average",
        "expected_term": "remaining_contractual",
        "cap_decimals": 2,
        "company_selected_measure": None,
    }
    with open(os.path.join(OUT, "paycalc.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
        f.write("\n")

    write_csv("people.csv", ["person_id", "name", "position"], [
        ["li-yunfei", "李雲飛", "President and Chief Executive Officer"],
        ["pei-xiangyu", "裴翔宇", "Interim Chief Financial Officer"],
    ] + [[pid, name, "Independent Director"] for pid, name in DIRECTORS])
    write_csv("roles.csv", ["year", "person_id", "role", "position"], [
        [2021, "li-yunfei", "PEO", ""],
        [2021, "pei-xiangyu", "NEO", "Former interim CFO"],
        [2022, "li-yunfei", "PEO", ""],
        [2022, "pei-xiangyu", "NEO", "Former interim CFO"],
    ] + [[2022, pid, "director", ""] for pid, _ in DIRECTORS])

    # cash.csv: monthly salary in RMB. Pei's last quarter of 2022 is written
    # with the code "RMB" (SPEC: accepted as CNY); the rows still add up with
    # her CNY rows of the year before the single conversion.
    cash = []
    for person in ("li-yunfei", "pei-xiangyu"):
        for year in (2021, 2022):
            months = salary_months(PROXY_SCT[(person, year)]["salary"], FX[year])
            for month, amount in enumerate(months, start=1):
                currency = "RMB" if (person, year) == ("pei-xiangyu", 2022) and month >= 10 else "CNY"
                cash.append([person, year, "salary", fmt_money(amount), currency,
                             last_business_day(year, month).isoformat()])
    # The independent directors' fees earned or paid in cash, in US dollars
    # (Director Compensation table: $20,000 each for 2022), paid quarterly.
    for pid, _ in DIRECTORS:
        for month in (3, 6, 9, 12):
            cash.append([pid, 2022, "fees", fmt_money(DIRECTOR_FEES / 4), "USD",
                         last_business_day(2022, month).isoformat()])
    write_csv("cash.csv", ["person_id", "year", "component", "amount", "currency", "pay_date"], cash)

    write_csv("fx.csv", ["currency", "period", "per_usd"], [
        ["CNY", 2021, "6.4525"],
        ["CNY", 2022, "6.7264"],
    ])

    # Stock awards: fully vested shares granted on the last trading day of each
    # quarter at that day's close.
    awards = []
    vesting = []
    for person, short in (("li-yunfei", "li"), ("pei-xiangyu", "pei")):
        for year in (2021, 2022):
            grants = []
            for month in (3, 6, 9, 12):
                day = last_business_day(year, month)
                while day not in closes:
                    day -= dt.timedelta(days=1)
                grants.append((day, closes[day]))
            counts = stock_shares(PROXY_SCT[(person, year)]["stock_awards"], grants)
            for quarter, ((day, close), n) in enumerate(zip(grants, counts), start=1):
                award_id = "%s-stock-%dq%d" % (short, year, quarter)
                awards.append([award_id, person, "stock", "service", day.isoformat(), n,
                               "", "", close, "yes"])
                vesting.append([award_id, 1, day.isoformat(), n, "vested", ""])

    # The directors' $3,000 of stock awards: the proxy does not say which
    # grant it is, so each is modelled as the simplest award that gives it:
    # fully vested shares granted on a 2022 trading day at its close, whose
    # count is a whole number (2,000 shares at $1.50).
    grant_close = closes[DIRECTOR_GRANT]
    grant_shares = DIRECTOR_STOCK / Decimal(grant_close)
    assert grant_shares == int(grant_shares)
    for pid, _ in DIRECTORS:
        award_id = "%s-stock-2022" % pid
        awards.append([award_id, pid, "stock", "service", DIRECTOR_GRANT.isoformat(),
                       int(grant_shares), "", "", grant_close, "yes"])
        vesting.append([award_id, 1, DIRECTOR_GRANT.isoformat(), int(grant_shares), "vested", ""])

    # The 2021-11-29 performance-based options.
    option_ids = {}
    for person, short in (("li-yunfei", "li"), ("pei-xiangyu", "pei")):
        award_id = "%s-option-2021-11-29" % short
        option_ids[person] = award_id
        total = OPTION_SHARES[person]
        awards.append([award_id, person, "option", "performance", OPTION_GRANT.isoformat(), total,
                       str(OPTION_STRIKE), OPTION_EXPIRY.isoformat(), str(OPTION_GRANT_FV), "no"])
        for tranche, vest in enumerate(OPTION_VESTS, start=1):
            status = "vested" if vest <= d("2022-12-31") else "unvested"
            vesting.append([award_id, tranche, vest.isoformat(), total // 10, status, ""])
    # The executives' awards first (as before the directors were added), then
    # the directors'.
    director_ids = [pid for pid, _ in DIRECTORS]
    awards.sort(key=lambda r: (r[1] in director_ids, director_ids.index(r[1]) if r[1] in director_ids
                               else 0, r[1], r[4], r[0]))
    write_csv("awards.csv", ["award_id", "person_id", "type", "condition", "grant_date", "shares",
                             "exercise_price", "expiration_date", "grant_fv_per_share",
                             "dividend_rights"], awards)
    order = {row[0]: i for i, row in enumerate(awards)}
    vesting.sort(key=lambda r: (order[r[0]], r[1]))
    write_csv("vesting.csv", ["award_id", "tranche", "vest_date", "shares", "status", "status_date"],
              vesting)

    write_csv("prices.csv", ["date", "close"], [[day.isoformat(), close] for day, close in prices])

    # Assumptions and fair values.
    strike = float(OPTION_STRIKE)
    fye21 = d("2021-12-31")
    s21 = float(price_at(prices, fye21)[1])
    vol21 = implied_vol(float(FYE2021_FV), s21, strike, float(RATE["2021-12-31"]),
                        years_between(fye21, OPTION_EXPIRY))
    vol21 = Decimal(vol21).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    vols = {"2021-11-29": vol21, "2021-12-31": vol21}
    vols.update(VOL)
    write_csv("assumptions.csv", ["date", "volatility", "risk_free_rate", "dividend_yield"], [
        [day, str(vols[day]), str(RATE[day]), "0"] for day in sorted(RATE)
    ])

    fair_values = []
    for person in ("li-yunfei", "pei-xiangyu"):
        award_id = option_ids[person]
        fair_values.append([award_id, "", "2021-12-31", str(FYE2021_FV),
                            "Proxy: FYE 2021 value of awards granted in 2021 "
                            "(312,000 / 200,000 = 234,000 / 150,000)"])
        for day in ("2022-05-30", "2022-11-30", "2022-12-31"):
            when = d(day)
            s = float(price_at(prices, when)[1])
            value = bsm_call(s, strike, float(vols[day]), float(RATE[day]),
                             years_between(when, OPTION_EXPIRY))
            per_share = Decimal(repr(value)).quantize(MICRO, rounding=ROUND_HALF_UP)
            fair_values.append([award_id, "", day, str(per_share),
                                "Black-Scholes-Merton, remaining contractual term, reconstructed"])
    write_csv("fair_values.csv", ["award_id", "tranche", "date", "fv_per_share", "note"], fair_values)

    # Probable outcome of the performance condition, as a fraction of target.
    outcomes = []
    for person in ("li-yunfei", "pei-xiangyu"):
        award_id = option_ids[person]
        outcomes += [
            [award_id, "", "2021-11-29", "1"],
            [award_id, "", "2021-12-31", "1"],
            [award_id, "", "2022-12-31", "0.75"],
        ]
    write_csv("outcomes.csv", ["award_id", "tranche", "date", "probable"], outcomes)

    write_csv("performance.csv", ["year", "net_income"], [
        [2021, "61,559,144"],
        [2022, "(11,327,811)"],
    ])

    # reported.csv: the proxy's figures as printed (currency signs dropped,
    # a dash entered as 0).
    rep = []
    sct_printed = {
        ("li-yunfei", 2021): ["120,107", "120,001", "53,450", "293,557"],
        ("li-yunfei", 2022): ["117,658", "60,000", "0", "177,658"],
        ("pei-xiangyu", 2021): ["74,979", "54,000", "40,087", "169,066"],
        ("pei-xiangyu", 2022): ["88,556", "27,000", "0", "115,556"],
    }
    for year in (2021, 2022):
        for person in ("li-yunfei", "pei-xiangyu"):
            for item, value in zip(["salary", "stock_awards", "option_awards", "total"],
                                   sct_printed[(person, year)]):
                rep.append(["sct", year, person, item, value])
    pvp_printed = {
        2022: ["177,658", "235,853.85", "115,556", "155,306.32", "19.57", "(11,327,811)"],
        2021: ["293,557", "911,229.67", "169,066", "524,584.00", "30.83", "61,559,144"],
    }
    for year in (2021, 2022):
        p = pvp_printed[year]
        rep += [
            ["pvp", year, "li-yunfei", "sct_total", p[0]],
            ["pvp", year, "li-yunfei", "cap", p[1]],
            ["pvp", year, "non_peo_neo_average", "sct_total", p[2]],
            ["pvp", year, "non_peo_neo_average", "cap", p[3]],
            ["pvp", year, "non_peo_neo_average", "count", "1"],
            ["pvp", year, "company", "tsr", p[4]],
            ["pvp", year, "company", "net_income", p[5]],
        ]
    cap_items = ["sct_total", "less_equity_awards", "fye_fv_granted_in_year",
                 "change_fv_prior_unvested", "change_fv_prior_vested", "less_fv_forfeited", "cap"]
    cap_printed = {
        ("li-yunfei", 2021): ["293,557.00", "-106,994.00", "312,000.00", "233,333.33",
                              "179,333.33", "0", "911,229.67"],
        ("li-yunfei", 2022): ["177,658.00", "-5,678.00", "0", "45,207.09", "18,666.76", "0",
                              "235,853.85"],
        ("non_peo_neo_average", 2021): ["169,066.00", "-64,182.00", "234,000.00", "105,000.00",
                                        "80,700.00", "0", "524,584.00"],
        ("non_peo_neo_average", 2022): ["115,556.00", "-2,555.00", "0", "33,905.32", "8,400.00",
                                        "0", "155,306.32"],
    }
    for year in (2021, 2022):
        for subject in ("li-yunfei", "non_peo_neo_average"):
            for item, value in zip(cap_items, cap_printed[(subject, year)]):
                rep.append(["cap", year, subject, item, value])
    # The Outstanding Equity Awards at FYE 2022 table, as printed: each
    # executive's one option award (a dash is a printed nil).
    oea_printed = {
        "li-yunfei": ["40,000", "-", "120,000"],
        "pei-xiangyu": ["30,000", "-", "9,000"],
    }
    for person in ("li-yunfei", "pei-xiangyu"):
        for item, value in zip(["options_exercisable", "options_unexercisable", "options_unearned"],
                               oea_printed[person]):
            rep.append(["oea", 2022, person, item, value])
        for item in ("stock_unvested", "stock_unvested_value", "stock_unearned",
                     "stock_unearned_value"):
            rep.append(["oea", 2022, person, item, "-"])
    # The Director Compensation table for 2022, as printed.
    for pid, _ in DIRECTORS:
        for item, value in (("fees", "20,000"), ("stock_awards", "3,000"), ("total", "23,000")):
            rep.append(["dct", 2022, pid, item, value])
    write_csv("reported.csv", ["table", "year", "subject", "item", "value"], rep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
