#!/usr/bin/env python3
"""Write a synthetic, valid paycalc input set of any size (SPEC section 2).

For the benchmark (bench/run.sh) and the tests: a company with N named
executive officers over Y covered fiscal years, each holding A equity awards
of T tranches, with every file an input set can have:

  paycalc.json     not a smaller reporting company when Y > 3 (a CSM, peer
                   TSR and pension lines), a smaller reporting company else;
  people.csv       a few names in Chinese script, positions with commas;
  roles.csv        one PEO a year (a CEO change half way), the rest NEOs;
  cash.csv         monthly salary in CNY, a bonus in USD, pension lines and
                   dividends on unvested awards (not for a smaller reporting
                   company), and a year before the covered ones (ignored);
  fx.csv           daily CNY rates only, so each fiscal year's rate is the
                   mean of the daily observations (SPEC section 4);
  awards.csv       restricted stock, options and SARs with service,
                   performance and market conditions, with and without a
                   grant_fv_per_share and dividend rights; threshold and
                   maximum shares for most performance and market awards;
  vesting.csv      tranches adding up to the award's shares, with statuses as
                   of the last covered fiscal year end: vested when the vest
                   date is on or before it, some forfeited on a status_date;
  exercises.csv    some vested options and SARs exercised, never more than
                   is vested and not yet exercised on the day;
  prices.csv       closes on trading days from a year before the earliest
                   grant through the last fiscal year end, a yearly dividend;
  assumptions.csv  monthly rows, an expected_term now and then;
  outcomes.csv     probable outcomes of performance awards at the grant date
                   and at each fiscal year end after it;
  fair_values.csv  values of market-condition awards at every date they are
                   valued: the grant date, each fiscal year end from the one
                   before the first covered year, each vest date inside the
                   covered years;
  performance.csv  net income (thousands separators, accounting negatives),
                   and the CSM and peer group TSR when not an SRC.

    python3 tests/gen_inputs.py OUTDIR --neos N --awards-per-person A \
        --tranches T --years Y --seed S [--cover FIRST:LAST]

--cover writes the same company as the input set of a proxy that covers
only FIRST..LAST of the generated years: two runs with different --cover
give last year's and this year's input sets of a yearly roll-forward.

The same arguments give the same bytes (one seeded generator, drawn in a
fixed order; no clock, no hash order). It prints the counts, among them the
planned number of tranche valuations: the grant-date values and the values
of SPEC section 7 the engine computes, counted by the same rules.

Standard library only.
"""

import argparse
import bisect
import csv
import datetime as dt
import json
import math
import os
import random
import sys

DAY = dt.timedelta(days=1)

CJK_NAMES = ["李雲飛", "裴翔宇", "王芳", "張偉", "陳靜", "劉洋", "趙敏", "黃磊"]
TITLES = [
    "Chief Financial Officer",
    "Chief Operating Officer",
    "Executive Vice President, Sales and Marketing",
    "General Counsel",
    "Chief Technology Officer",
    "Senior Vice President, Operations",
]


def parse_fye(text):
    month, day = (int(x) for x in text.split("-"))
    dt.date(2001, month, day)  # rejects an impossible date (and 02-29)
    return month, day


def fiscal_year_end(fye, year):
    return dt.date(year, fye[0], fye[1])


def add_months(date, months):
    """The same day `months` later, pulled back to the month's last day."""
    m = date.month - 1 + months
    year, month = date.year + m // 12, m % 12 + 1
    day = date.day
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def is_trading_day(date):
    if date.weekday() >= 5:
        return False
    return (date.month, date.day) not in ((1, 1), (7, 4), (12, 25))


def fmt_money(cents, separators=False):
    """Cents as a decimal with 2 places; with separators, "1,234.56" and
    accounting negatives "(1,234.56)"."""
    sign, cents = ("-", -cents) if cents < 0 else ("", cents)
    whole, frac = divmod(cents, 100)
    if not separators:
        return "%s%d.%02d" % (sign, whole, frac)
    text = "{:,}.{:02d}".format(whole, frac)
    return "(%s)" % text if sign else text


def fmt_micro(micro, places):
    """Micros as a decimal with `places` places (micro must be a multiple)."""
    step = 10 ** (6 - places)
    assert micro % step == 0
    sign, micro = ("-", -micro) if micro < 0 else ("", micro)
    whole, frac = divmod(micro // step, 10**places)
    if places == 0:
        return "%s%d" % (sign, whole)
    return "%s%d.%0*d" % (sign, whole, places, frac)


def to_micro(x, places):
    """A float rounded to `places` decimals, as an integer count of micros."""
    return int(round(x * 10**places)) * 10 ** (6 - places)


class Market:
    """Trading-day closes (micros) and lookups "at" a date (SPEC section 2)."""

    def __init__(self, rng, first, last):
        self.dates, self.closes, self.dividends = [], [], {}
        close = 20.0
        date = first
        while date <= last:
            if is_trading_day(date):
                close *= math.exp(rng.gauss(0.0002, 0.022))
                close = min(max(close, 2.0), 400.0)
                self.dates.append(date)
                self.closes.append(to_micro(close, 2))
            date += DAY
        # A yearly dividend, ex-date the first trading day of June.
        for year in range(first.year, last.year + 1):
            i = bisect.bisect_left(self.dates, dt.date(year, 6, 1))
            if i < len(self.dates) and (self.dates[i].year, self.dates[i].month) == (year, 6):
                self.dividends[self.dates[i]] = to_micro(rng.uniform(0.05, 0.40), 2)

    def close_at(self, date):
        i = bisect.bisect_right(self.dates, date) - 1
        assert i >= 0 and (date - self.dates[i]).days <= 10, date
        return self.closes[i]


class Tranche:
    __slots__ = ("number", "vest", "shares", "status", "status_date")

    def __init__(self, number, vest, shares):
        self.number, self.vest, self.shares = number, vest, shares
        self.status, self.status_date = "unvested", None

    def vested_on(self):
        if self.status != "vested":
            return None
        return self.status_date or self.vest

    def forfeited_on(self):
        return self.status_date if self.status == "forfeited" else None


class Award:
    __slots__ = (
        "id", "person", "type", "condition", "grant", "shares", "strike", "expiration",
        "grant_fv", "dividend_rights", "tranches", "forfeit", "threshold", "maximum",
    )


def status_as_of(award, tr, date):
    """A tranche's status and status_date as of the fiscal year end `date`
    (vesting.csv's statuses are as of the last covered fiscal year end)."""
    if award.forfeit is not None and tr.vest > award.forfeit and award.forfeit <= date:
        return "forfeited", award.forfeit
    if tr.vest <= date:
        return "vested", None
    return "unvested", None


def unvested_at(award, tr, x):
    """SPEC section 7: granted on or before x, neither vested nor forfeited
    on or before x."""
    if award.grant > x:
        return False
    v, f = tr.vested_on(), tr.forfeited_on()
    return not (v is not None and v <= x) and not (f is not None and f <= x)


def valuation_dates(award, tr, fye, years):
    """The dates the engine values one tranche at, by the rules of SPEC
    sections 6 and 7 (every person holds a role in every covered year):
    the grant date when the grant falls in a covered year, then for each
    covered year the values its reconciliation line needs."""
    out = []
    first = fiscal_year_end(fye, years[0] - 1)
    last = fiscal_year_end(fye, years[-1])
    if first < award.grant <= last:
        out.append(award.grant)
    for year in years:
        end, prior = fiscal_year_end(fye, year), fiscal_year_end(fye, year - 1)
        granted_in = prior < award.grant <= end
        v, f = tr.vested_on(), tr.forfeited_on()
        vested_in = v is not None and prior < v <= end
        forfeited_in = f is not None and prior < f <= end
        u_prior, u_end = unvested_at(award, tr, prior), unvested_at(award, tr, end)
        if granted_in and u_end:
            out.append(end)
        elif u_prior and u_end:
            out += [end, prior]
        elif granted_in and vested_in:
            out.append(v)
        elif u_prior and vested_in:
            out += [v, prior]
        elif u_prior and forfeited_in:
            out.append(prior)
    return out


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def generate(args):
    rng = random.Random(args.seed)
    fye = parse_fye(args.fiscal_year_end)
    years = list(range(args.last_year - args.years + 1, args.last_year + 1))
    # --cover: the same company's data, as the input set of a proxy covering
    # fewer of its years (a roll-forward): those years in paycalc.json and
    # the statuses as of their last fiscal year end; every other file is
    # unchanged (rows for other years are ignored).
    covered = years
    if args.cover:
        first, last = (int(x) for x in args.cover.split(":"))
        covered = list(range(first, last + 1))
        if not (years[0] <= first <= last <= years[-1]):
            raise SystemExit("--cover must lie within the generated years")
    src = args.years <= 3
    first_start = fiscal_year_end(fye, years[0] - 1) + DAY
    prior_first = fiscal_year_end(fye, years[0] - 1)
    last_fye = fiscal_year_end(fye, years[-1])
    # Grants from three years before the covered years, so that awards
    # granted earlier are still unvested when the window opens.
    grant_from = add_months(first_start, -36)
    grant_to = last_fye - 30 * DAY
    price_from = add_months(grant_from, -13)
    market = Market(rng, price_from, last_fye)
    os.makedirs(args.outdir, exist_ok=True)
    out = lambda name: os.path.join(args.outdir, name)  # noqa: E731

    config = {
        "company": {"name": "Synthetic Holdings %d, Inc." % args.seed, "ticker": "SYN"},
        "fiscal_year_end": "%02d-%02d" % fye,
        "years": covered,
        "smaller_reporting_company": src,
        "fx_method": "annual_average",
        "expected_term": args.expected_term,
        "cap_decimals": 2,
        "company_selected_measure": None if src else "Adjusted EBITDA",
    }
    with open(out("paycalc.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=2)
        f.write("\n")

    # people.csv and roles.csv: a CEO change half way through the covered
    # years; the former CEO stays on as an NEO.
    n = args.neos
    ids = ["p%05d" % i for i in range(n)]
    people = []
    for i, pid in enumerate(ids):
        name = CJK_NAMES[i] if i < len(CJK_NAMES) and i % 3 == 1 else "Executive %d" % (i + 1)
        title = "Chief Executive Officer" if i < 2 else TITLES[i % len(TITLES)]
        people.append((pid, name, title))
    write_csv(out("people.csv"), ["person_id", "name", "position"], people)
    change = (len(years) + 1) // 2
    roles = []
    for k, year in enumerate(years):
        peo = 0 if k < change or n < 2 else 1
        roles.append((year, ids[peo], "PEO", ""))
        for i in range(n):
            if i == peo:
                continue
            position = "Former Chief Executive Officer" if i == 0 else ""
            roles.append((year, ids[i], "NEO", position))
    write_csv(out("roles.csv"), ["year", "person_id", "role", "position"], roles)

    # cash.csv: also rows for the year before the covered ones, which the
    # reader ignores (SPEC section 2).
    cash = []
    for i, pid in enumerate(ids):
        annual_cny = rng.randint(60, 400) * 1_000_000  # cents of CNY
        for year in [years[0] - 1] + years:
            start = fiscal_year_end(fye, year - 1)
            paid = 0
            for m in range(12):
                month = annual_cny // 12 if m < 11 else annual_cny - paid
                paid += month
                day = start + dt.timedelta(days=round(30.4 * (m + 1)) - 15)
                while day.weekday() >= 5:
                    day -= DAY
                cash.append((pid, year, "salary", fmt_money(month), "CNY", day.isoformat()))
            bonus = rng.randint(0, 300_000) * 100 + rng.randint(0, 99)
            cash.append((pid, year, "bonus", fmt_money(bonus), "USD",
                         fiscal_year_end(fye, year).isoformat()))
            if not src and i % 3 == 0:
                # One negative change (shown as 0, with a warning); the rest
                # positive, so a large set does not drown in warnings.
                change_cents = rng.randint(1_000, 80_000) * 100
                if i == 0 and year == years[0]:
                    change_cents = -change_cents
                cash.append((pid, year, "change_in_pension_value", fmt_money(change_cents), "USD", ""))
                cash.append((pid, year, "pension_service_cost",
                             fmt_money(rng.randint(5_000, 30_000) * 100), "USD", ""))
            if i % 4 == 1:
                cash.append((pid, year, "all_other", fmt_money(rng.randint(1_000, 50_000) * 100 + 37),
                             "USD", ""))
                cash.append((pid, year, "unvested_dividends",
                             fmt_money(rng.randint(100, 9_000) * 100), "USD", ""))
            annual_cny += annual_cny // 20
    write_csv(out("cash.csv"), ["person_id", "year", "component", "amount", "currency", "pay_date"],
              cash)

    # fx.csv: daily CNY observations on trading days, no fiscal-year rows.
    fx = []
    rate = 6.80
    day = fiscal_year_end(fye, years[0] - 2) + DAY
    while day <= last_fye:
        if is_trading_day(day):
            rate = min(max(rate * math.exp(rng.gauss(0, 0.002)), 6.0), 7.6)
            fx.append(("CNY", day.isoformat(), "%.4f" % rate))
        day += DAY
    write_csv(out("fx.csv"), ["currency", "period", "per_usd"], fx)

    # prices.csv
    prices = []
    for date, close in zip(market.dates, market.closes):
        div = market.dividends.get(date)
        prices.append((date.isoformat(), fmt_micro(close, 2), fmt_micro(div, 2) if div else ""))
    write_csv(out("prices.csv"), ["date", "close", "dividend"], prices)

    # assumptions.csv: the first of each month from the first price on.
    assumptions = []
    month = dt.date(price_from.year, price_from.month, 1)
    while month <= last_fye:
        vol = to_micro(rng.uniform(0.30, 0.95), 4)
        rfr = to_micro(rng.uniform(0.005, 0.05), 4)
        yld = to_micro(rng.uniform(0.0, 0.03), 4)
        term = fmt_micro(to_micro(rng.uniform(3.0, 7.0), 2), 2) if rng.random() < 0.1 else ""
        vol_text = fmt_micro(vol, 4)
        if rng.random() < 0.1:  # now and then a percentage, as SPEC section 2 allows
            vol_text = fmt_micro(vol * 100, 2) + "%"
        assumptions.append((month.isoformat(), vol_text, fmt_micro(rfr, 4), fmt_micro(yld, 4), term))
        month = add_months(month, 1)
    write_csv(out("assumptions.csv"),
              ["date", "volatility", "risk_free_rate", "dividend_yield", "expected_term"],
              assumptions)

    # awards.csv and vesting.csv
    span = (grant_to - grant_from).days
    step = max(1, 48 // args.tranches)  # months between tranches: 4 years in all
    awards = []
    for i, pid in enumerate(ids):
        for k in range(args.awards_per_person):
            a = Award()
            a.id = "%s-a%06d" % (pid, k)
            a.person = pid
            r = rng.random()
            if r < 0.35:
                a.type, a.condition = "stock", "service"
            elif r < 0.55:
                a.type, a.condition = ("sar" if rng.random() < 0.2 else "option"), "service"
            elif r < 0.75:
                a.type, a.condition = "stock", "performance"
            elif r < 0.82:
                a.type, a.condition = "option", "performance"
            else:
                a.type, a.condition = "stock", "market"
            a.grant = grant_from + dt.timedelta(days=rng.randrange(span))
            while not is_trading_day(a.grant):
                a.grant -= DAY
            a.shares = rng.randint(args.tranches * 100, args.tranches * 25_000)
            close = market.close_at(a.grant)
            if a.type == "stock":
                a.strike = a.expiration = None
                a.grant_fv = close if rng.random() < 0.5 else None
            else:
                a.strike = close
                a.expiration = add_months(a.grant, 120)
                a.grant_fv = to_micro(close / 1e6 * rng.uniform(0.25, 0.6), 4) \
                    if rng.random() < 0.5 else None
            if a.condition == "market" and rng.random() < 0.5:
                a.grant_fv = to_micro(close / 1e6 * rng.uniform(0.6, 1.2), 4)
            a.dividend_rights = rng.choice(["yes", "no", ""])
            # Tranches: equal shares, the remainder in the last one.
            each = a.shares // args.tranches
            a.tranches = []
            for t in range(args.tranches):
                shares = each if t < args.tranches - 1 else a.shares - each * (args.tranches - 1)
                a.tranches.append(Tranche(t + 1, add_months(a.grant, step * (t + 1)), shares))
            # Statuses as of the last fiscal year end; about one award in
            # twelve loses its unvested tranches on a forfeiture date.
            forfeit = a.forfeit = None
            if rng.random() < 1 / 12:
                forfeit = a.grant + dt.timedelta(days=rng.randint(30, max(30, (last_fye - a.grant).days)))
                if forfeit > last_fye:
                    forfeit = None
                a.forfeit = forfeit
            for tr in a.tranches:
                if forfeit is not None and tr.vest > forfeit:
                    tr.status, tr.status_date = "forfeited", forfeit
                elif tr.vest <= last_fye:
                    tr.status = "vested"
            awards.append(a)

    # Equity incentive plan levels and exercises come from a generator of
    # their own, so the files above stay as they were for a seed.
    xrng = random.Random(args.seed * 7919 + 1)
    exercises = []
    for a in awards:
        a.threshold = a.maximum = None
        if a.condition != "service" and xrng.random() < 0.7:
            a.threshold = a.shares // 2 if xrng.random() < 0.8 else None
            a.maximum = a.shares * 2
        if a.type == "stock":
            continue
        # Now and then part of what is vested is exercised, on a trading day
        # after a tranche vested and before the award expires.
        done = 0
        for tr in a.tranches:
            v = tr.vested_on()
            if v is None or xrng.random() < 0.5:
                continue
            day = v + dt.timedelta(days=xrng.randint(1, 400))
            while not is_trading_day(day):
                day += DAY
            if day > last_fye or day > a.expiration:
                continue
            vested = sum(t.shares for t in a.tranches
                         if t.vested_on() is not None and t.vested_on() <= day)
            shares = xrng.randint(1, vested - done) if vested > done else 0
            if shares:
                done += shares
                exercises.append((a.id, day.isoformat(), shares))
    exercises.sort(key=lambda e: (e[1], e[0]))
    write_csv(out("exercises.csv"), ["award_id", "date", "shares"], exercises)

    award_rows, vesting_rows = [], []
    for a in awards:
        award_rows.append((
            a.id, a.person, a.type, a.condition, a.grant.isoformat(), a.shares,
            fmt_micro(a.strike, 2) if a.strike is not None else "",
            a.expiration.isoformat() if a.expiration else "",
            fmt_micro(a.grant_fv, 4) if a.grant_fv is not None else "",
            a.dividend_rights,
            a.threshold if a.threshold is not None else "",
            a.maximum if a.maximum is not None else "",
        ))
        for tr in a.tranches:
            status, status_date = tr.status, tr.status_date
            if args.cover:
                status, status_date = status_as_of(a, tr, fiscal_year_end(fye, covered[-1]))
            vesting_rows.append((a.id, tr.number, tr.vest.isoformat(), tr.shares, status,
                                 status_date.isoformat() if status_date else ""))
    write_csv(out("awards.csv"),
              ["award_id", "person_id", "type", "condition", "grant_date", "shares",
               "exercise_price", "expiration_date", "grant_fv_per_share", "dividend_rights",
               "threshold_shares", "maximum_shares"],
              award_rows)
    write_csv(out("vesting.csv"),
              ["award_id", "tranche", "vest_date", "shares", "status", "status_date"],
              vesting_rows)

    # outcomes.csv: at the grant date and each fiscal year end after it,
    # for the whole award; now and then a tranche of its own.
    fyes = [fiscal_year_end(fye, y) for y in range(years[0] - 4, years[-1] + 1)]
    outcomes = []
    for a in awards:
        if a.condition != "performance":
            continue
        dates = [a.grant] + [d for d in fyes if d > a.grant]
        for date in dates:
            probable = to_micro(rng.choice([0.5, 0.75, 0.9, 1.0, 1.0, 1.25, 1.5]), 2)
            outcomes.append((a.id, "", date.isoformat(), fmt_micro(probable, 2)))
            if rng.random() < 0.1:
                tr = rng.choice(a.tranches)
                outcomes.append((a.id, tr.number, date.isoformat(), fmt_micro(to_micro(rng.uniform(0, 1.5), 2), 2)))
    write_csv(out("outcomes.csv"), ["award_id", "tranche", "date", "probable"], outcomes)

    # fair_values.csv: market-condition awards at every date they are valued.
    fair_values = []
    window = [d for d in fyes if prior_first <= d]
    for a in awards:
        if a.condition != "market":
            continue
        dates = [a.grant] + [d for d in window if d > a.grant]
        for date in dates:
            fv = to_micro(market.close_at(date) / 1e6 * rng.uniform(0.5, 1.1), 4)
            fair_values.append((a.id, "", date.isoformat(), fmt_micro(fv, 4), "Monte Carlo, TSR condition"))
        for tr in a.tranches:
            v = tr.vested_on()
            if v is not None and prior_first < v <= last_fye:
                fv = to_micro(market.close_at(v) / 1e6 * rng.uniform(0.5, 1.1), 4)
                fair_values.append((a.id, tr.number, v.isoformat(), fmt_micro(fv, 4), ""))
    write_csv(out("fair_values.csv"), ["award_id", "tranche", "date", "fv_per_share", "note"],
              fair_values)

    # performance.csv
    perf = []
    header = ["year", "net_income"] + ([] if src else ["company_selected_measure", "peer_group_tsr"])
    for year in years:
        row = [year, fmt_money(rng.randint(-50_000_000, 400_000_000) * 100 + rng.randint(0, 99), True)]
        if not src:
            row += [fmt_micro(to_micro(rng.uniform(1e6, 9e8), 2), 2),
                    fmt_micro(to_micro(rng.uniform(60, 180), 2), 2)]
        perf.append(row)
    write_csv(out("performance.csv"), header, perf)

    ntranches = sum(len(a.tranches) for a in awards)
    planned = sum(len(valuation_dates(a, tr, fye, years)) for a in awards for tr in a.tranches)
    return {"people": n, "awards": len(awards), "tranches": ntranches, "valuations": planned}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--neos", type=int, default=5, help="named executive officers, PEO included")
    p.add_argument("--awards-per-person", type=int, default=4)
    p.add_argument("--tranches", type=int, default=4, help="tranches per award (1-100)")
    p.add_argument("--years", type=int, default=5, help="covered years (1-5; 3 or fewer: SRC)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--last-year", type=int, default=2023)
    p.add_argument("--fiscal-year-end", default="12-31", help="MM-DD")
    p.add_argument("--cover", metavar="FIRST:LAST",
                   help="write the input set of a proxy covering only these of the generated "
                        "years (paycalc.json years, vesting statuses as of LAST's year end)")
    p.add_argument("--expected-term", default="remaining_contractual",
                   choices=["remaining_contractual", "simplified"],
                   help="simplified: a warning for each option valued away from the money")
    args = p.parse_args(argv)
    if args.neos < 1 or args.awards_per_person < 0 or not 1 <= args.tranches <= 100 \
            or not 1 <= args.years <= 5:
        p.error("need --neos >= 1, --awards-per-person >= 0, --tranches 1-100, --years 1-5")
    counts = generate(args)
    print("%s: %d people, %d awards, %d tranches, %d planned tranche valuations"
          % (args.outdir, counts["people"], counts["awards"], counts["tranches"],
             counts["valuations"]))


if __name__ == "__main__":
    main(sys.argv[1:])
