#!/usr/bin/env python3
"""Independent check of the cbak-fy2022 input set against SPEC.md.

Reads the CSV files and paycalc.json of the input set (not the generator's
constants), applies the rules of SPEC sections 3 to 8 with decimal.Decimal and
ROUND_HALF_UP, and

  * asserts what the reconstruction promises: the SCT salary, stock and
    option columns equal the proxy's to the dollar, the TSR and net income
    equal the proxy's, the FYE 2021 value of the 2021 option grants equals
    the proxy's, the supplied 2022 option values are the Black-Scholes-Merton
    values of assumptions.csv, every stock grant is priced at the day's close;
  * prints the expected SCT, CAP reconciliation, PvP table and TSR, and the
    findings `paycalc verify` should report against reported.csv.

    python3 tools/check.py                  # check and print (exit 1 on failure)
    python3 tools/check.py --update-readme  # also refresh the generated blocks of README.md
    python3 tools/check.py --diff-readme    # exit 1, with a diff, if README.md's blocks drifted
    python3 tools/check.py --json [--set DIR] [--reported FILE]
        # the CAP reconciliation and the verify findings as JSON, for another
        # input set of the same shape or another published file (the test
        # suite compares them with `paycalc run` and `paycalc verify --json`)

Standard library only.
"""

import csv
import datetime as dt
import json
import math
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)  # --set DIR replaces it
REPORTED = None  # --reported FILE replaces the set's reported.csv
CENT = Decimal("0.01")
DOLLAR = Decimal("1")
MICRO = Decimal("0.000001")

failures = []


def expect(cond, message):
    if not cond:
        failures.append(message)


def rnd(x, places):
    """Half away from zero (ROUND_HALF_UP in decimal is away from zero)."""
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# Reading (SPEC section 2)
def read_csv(name, required=True):
    path = REPORTED if name == "reported.csv" and REPORTED else os.path.join(SET, name)
    if not os.path.exists(path):
        if required:
            raise SystemExit("missing %s" % name)
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f)]
    return [r for r in rows if any((v or "").strip() for v in r.values())]


DECIMAL_RE = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


def parse_decimal(text, max_decimals=6):
    """-?digits[.digits], thousands separators and (accounting negatives)."""
    t = text.strip()
    if t in ("-", "\u2013", "\u2014"):  # a printed nil
        return Decimal(0), 0
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1]
    if not DECIMAL_RE.match(t):
        raise ValueError("not a number: %r" % text)
    value = Decimal(t.replace(",", ""))
    places = len(t.split(".")[1]) if "." in t else 0
    if places > max_decimals:
        raise ValueError("too many decimals: %r" % text)
    return (-value if neg else value), places


def parse_fraction(text):
    t = text.strip()
    if t.endswith("%"):
        return parse_decimal(t[:-1])[0] / 100
    return parse_decimal(t)[0]


def currency(text):
    c = text.strip().upper()
    return "CNY" if c == "RMB" else c


def date(text):
    return dt.date.fromisoformat(text.strip())


# ---------------------------------------------------------------------------
def norm_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def bsm(s, k, vol, rate, q, term):
    """SPEC section 5, with its limits, plus d1/d2 for the record."""
    if term <= 0:
        return max(s - k, 0.0), None, None
    if vol == 0:
        return max(s * math.exp(-q * term) - k * math.exp(-rate * term), 0.0), None, None
    sq = vol * math.sqrt(term)
    d1 = (math.log(s / k) + (rate - q + vol * vol / 2.0) * term) / sq
    d2 = d1 - sq
    value = s * math.exp(-q * term) * norm_cdf(d1) - k * math.exp(-rate * term) * norm_cdf(d2)
    return value, d1, d2


def years(a, b):
    return (b - a).days / 365.0


def vest_date_of(tranche):
    """The date a tranche vests for t_v (SPEC section 5): the date it actually
    vested when it has (early, on a departure, say), else its scheduled date."""
    if tranche["status"].strip() == "vested" and (tranche.get("status_date") or "").strip():
        return date(tranche["status_date"])
    return date(tranche["vest_date"])


class InputSet:
    def __init__(self, ignore_supplied=()):
        with open(os.path.join(SET, "paycalc.json"), encoding="utf-8") as f:
            self.config = json.load(f)
        self.years = self.config["years"]
        mm, dd = (int(x) for x in self.config["fiscal_year_end"].split("-"))
        self.fye = lambda y: dt.date(y, mm, dd)
        self.cap_places = int(self.config["cap_decimals"])
        self.people = {r["person_id"]: r for r in read_csv("people.csv")}
        self.roles = [r for r in read_csv("roles.csv") if int(r["year"]) in self.years]
        self.cash = read_csv("cash.csv")
        self.fx = read_csv("fx.csv")
        self.awards = {r["award_id"]: r for r in read_csv("awards.csv")}
        self.tranches = read_csv("vesting.csv")
        self.prices = sorted((date(r["date"]), parse_decimal(r["close"])[0],
                              parse_decimal(r.get("dividend") or "0")[0])
                             for r in read_csv("prices.csv"))
        self.assumptions = sorted((date(r["date"]), r) for r in read_csv("assumptions.csv"))
        self.outcomes = read_csv("outcomes.csv")
        self.fair_values = [r for r in read_csv("fair_values.csv", required=False)
                            if r["date"] not in ignore_supplied]
        self.performance = {int(r["year"]): r for r in read_csv("performance.csv")}
        self.reported = read_csv("reported.csv", required=False)
        self.valuations = []

    # -- market data ---------------------------------------------------------
    def price_at(self, day):
        best = None
        for when, close, _ in self.prices:
            if when <= day:
                best = (when, close)
            else:
                break
        if best is None or (day - best[0]).days > 10:
            raise SystemExit("no price within 10 days before %s" % day)
        return best

    def assumption_at(self, day):
        best = None
        for when, row in self.assumptions:
            if when <= day:
                best = row
        if best is None:
            raise SystemExit("no assumptions on or before %s" % day)
        return best

    def probable_at(self, award_id, tranche, day):
        best = None  # (date, is_tranche_row, value)
        for r in self.outcomes:
            if r["award_id"] != award_id:
                continue
            when = date(r["date"])
            t = r["tranche"].strip()
            if when > day or (t and int(t) != tranche):
                continue
            key = (when, bool(t))
            if best is None or key > best[0]:
                best = (key, parse_fraction(r["probable"]))
        if best is None:
            raise SystemExit("no probable outcome for %s tranche %d at %s" % (award_id, tranche, day))
        return best[1]

    def supplied_at(self, award_id, tranche, day):
        best = None
        for r in self.fair_values:
            if r["award_id"] != award_id or date(r["date"]) != day:
                continue
            t = r["tranche"].strip()
            if t and int(t) != tranche:
                continue
            if best is None or (t and not best[0]):
                best = (bool(t), parse_decimal(r["fv_per_share"])[0])
        return None if best is None else best[1]

    # -- valuation (SPEC section 5, R2) -------------------------------------
    def tranche_value(self, tranche, day, purpose, line, year):
        award = self.awards[tranche["award_id"]]
        number = int(tranche["tranche"])
        shares = int(tranche["shares"])
        performance = award["condition"] == "performance"
        probable = self.probable_at(award["award_id"], number, day) if performance else Decimal(1)
        supplied = self.supplied_at(award["award_id"], number, day)
        if supplied is not None:
            method, per_share = "supplied", supplied
            value = rnd(shares * supplied * probable, 2)
        elif award["type"] == "stock":
            method, per_share = "stock_price", self.price_at(day)[1]
            value = rnd(shares * per_share * probable, 2)
        else:
            s = float(self.price_at(day)[1])
            k = float(parse_decimal(award["exercise_price"])[0])
            a = self.assumption_at(day)
            expiry = date(award["expiration_date"])
            t_c = max(years(day, expiry), 0.0)
            if self.config.get("expected_term", "remaining_contractual") == "simplified":
                t_v = max(years(day, vest_date_of(tranche)), 0.0)
                term = (t_v + t_c) / 2
            else:
                term = t_c
            if (a.get("expected_term") or "").strip():
                term = min(float(a["expected_term"]), t_c)
            v, _, _ = bsm(s, k, float(parse_fraction(a["volatility"])),
                          float(parse_fraction(a["risk_free_rate"])),
                          float(parse_fraction(a["dividend_yield"])), term)
            method, per_share = "black_scholes", v
            value = rnd(Decimal(shares * v * float(probable)), 2)
        self.valuations.append((award["award_id"], number, award["person_id"], day, purpose,
                                method, per_share, shares, probable, value, year, line))
        return value

    def grant_value(self, tranche):
        award = self.awards[tranche["award_id"]]
        grant = date(award["grant_date"])
        if (award["grant_fv_per_share"] or "").strip():
            number = int(tranche["tranche"])
            per_share = parse_decimal(award["grant_fv_per_share"])[0]
            probable = (self.probable_at(award["award_id"], number, grant)
                        if award["condition"] == "performance" else Decimal(1))
            return rnd(int(tranche["shares"]) * per_share * probable, 2)
        return self.tranche_value(tranche, grant, "grant", "sct", grant.year)

    # -- SCT (sections 4 and 6) ---------------------------------------------
    def rate(self, cur, year):
        for r in self.fx:
            if currency(r["currency"]) == cur and r["period"].strip() == str(year):
                return parse_decimal(r["per_usd"])[0]
        raise SystemExit("no %s rate for %d" % (cur, year))

    def sct(self, person, year):
        assert self.config["fx_method"] == "annual_average"
        sums = {}
        for r in self.cash:
            if r["person_id"] == person and int(r["year"]) == year:
                key = (r["component"], currency(r["currency"]))
                sums[key] = sums.get(key, Decimal(0)) + parse_decimal(r["amount"], 2)[0]
        cents = {}
        for (component, cur), amount in sums.items():
            usd = amount if cur == "USD" else rnd(amount / self.rate(cur, year), 2)  # R1
            cents[component] = cents.get(component, Decimal(0)) + usd
        start, end = self.fye(year - 1), self.fye(year)
        stock = option = Decimal(0)
        for t in self.tranches:
            award = self.awards[t["award_id"]]
            if award["person_id"] != person:
                continue
            if start < date(award["grant_date"]) <= end:
                value = self.grant_value(t)
                if award["type"] == "stock":
                    stock += value
                else:
                    option += value
        pension = max(cents.get("change_in_pension_value", Decimal(0)), Decimal(0))
        row = {
            "salary": rnd(cents.get("salary", Decimal(0)), 0),
            "bonus": rnd(cents.get("bonus", Decimal(0)), 0),
            "stock_awards": rnd(stock, 0),
            "option_awards": rnd(option, 0),
            "non_equity_incentive": rnd(cents.get("non_equity_incentive", Decimal(0)), 0),
            "pension_nqdc": rnd(pension + cents.get("nqdc_earnings", Decimal(0)), 0),
            "all_other": rnd(cents.get("all_other", Decimal(0)), 0),
        }
        row["total"] = sum(row.values())
        return row, cents

    # -- CAP (section 7) ----------------------------------------------------
    def cap(self, person, year):
        p, e = self.fye(year - 1), self.fye(year)
        sct, cents = self.sct(person, year)
        src = self.config["smaller_reporting_company"]
        lines = {k: Decimal(0) for k in CAP_KEYS}
        lines["sct_total"] = sct["total"]
        lines["less_equity_awards"] = -(sct["stock_awards"] + sct["option_awards"])
        if not src:
            lines["less_pension"] = -rnd(max(cents.get("change_in_pension_value", Decimal(0)), 0), 0)
            lines["plus_pension_service"] = cents.get("pension_service_cost", Decimal(0))
            lines["plus_pension_prior_service"] = cents.get("pension_prior_service_cost", Decimal(0))
        for t in self.tranches:
            award = self.awards[t["award_id"]]
            if award["person_id"] != person:
                continue
            grant = date(award["grant_date"])
            status = t["status"].strip()
            when = date(t["status_date"]) if (t.get("status_date") or "").strip() else (
                date(t["vest_date"]) if status == "vested" else None)

            def unvested(x):
                return grant <= x and not (status in ("vested", "forfeited") and when <= x)

            granted = p < grant <= e
            vested = status == "vested" and p < when <= e
            forfeited = status == "forfeited" and p < when <= e
            if granted and unvested(e):
                lines["fye_fv_granted_in_year"] += self.tranche_value(t, e, "fye", "fye_fv_granted_in_year", year)
            elif unvested(p) and unvested(e):
                lines["change_fv_prior_unvested"] += (
                    self.tranche_value(t, e, "fye", "change_fv_prior_unvested", year)
                    - self.tranche_value(t, p, "prior_fye", "change_fv_prior_unvested", year))
            elif granted and vested:
                lines["fv_at_vest_granted_in_year"] += self.tranche_value(t, when, "vest", "fv_at_vest_granted_in_year", year)
            elif unvested(p) and vested:
                lines["change_fv_prior_vested"] += (
                    self.tranche_value(t, when, "vest", "change_fv_prior_vested", year)
                    - self.tranche_value(t, p, "prior_fye", "change_fv_prior_vested", year))
            elif unvested(p) and forfeited:
                lines["less_fv_forfeited"] -= self.tranche_value(t, p, "prior_fye", "less_fv_forfeited", year)
        lines["dividends"] = cents.get("unvested_dividends", Decimal(0))
        for k in CAP_KEYS[:-1]:
            lines[k] = rnd(lines[k], self.cap_places)  # R4
        lines["cap"] = sum(lines[k] for k in CAP_KEYS[:-1])
        return lines

    def average(self, people, year):
        per = [self.cap(pid, year) for pid in people]
        avg = {k: rnd(sum(c[k] for c in per) / len(per), self.cap_places) for k in CAP_KEYS[:-1]}  # R5
        avg["cap"] = sum(avg[k] for k in CAP_KEYS[:-1])
        return avg

    def tsr(self):
        first = self.fye(self.years[0] - 1) + dt.timedelta(days=1)
        base = max(p for p in self.prices if p[0] < first)
        out = {}
        for y in self.years:
            e = self.fye(y)
            units = Decimal(1)
            for when, close, div in self.prices:
                if base[0] < when <= e and div:
                    units *= 1 + div / close
            when, close = self.price_at(e)
            out[y] = (when, close, units, rnd(100 * units * close / base[1], 2))
        return base, out


CAP_KEYS = ["sct_total", "less_equity_awards", "less_pension", "plus_pension_service",
            "plus_pension_prior_service", "fye_fv_granted_in_year", "change_fv_prior_unvested",
            "fv_at_vest_granted_in_year", "change_fv_prior_vested", "less_fv_forfeited",
            "dividends", "cap"]
SCT_KEYS = ["salary", "bonus", "stock_awards", "option_awards", "non_equity_incentive",
            "pension_nqdc", "all_other", "total"]


def money(x, places=2):
    x = rnd(Decimal(x), places)
    s = "{:,.{p}f}".format(abs(x), p=places)
    return "(%s)" % s if x < 0 else s


# ---------------------------------------------------------------------------
def compute(ignore_supplied=()):
    ds = InputSet(ignore_supplied)
    out = {"ds": ds, "sct": {}, "cap": {}, "avg": {}, "peo": {}, "neo": {}}
    for y in ds.years:
        out["peo"][y] = [r["person_id"] for r in ds.roles if int(r["year"]) == y and r["role"] == "PEO"]
        out["neo"][y] = [r["person_id"] for r in ds.roles if int(r["year"]) == y and r["role"] == "NEO"]
        for pid in out["peo"][y] + out["neo"][y]:
            out["sct"][(pid, y)] = ds.sct(pid, y)[0]
            out["cap"][(pid, y)] = ds.cap(pid, y)
        out["avg"][y] = ds.average(out["neo"][y], y) if out["neo"][y] else None
    out["tsr"] = ds.tsr()
    out["dct"] = directors(ds)
    return out


def directors(ds):
    """The Director Compensation table (Item 402(k)) of the last covered
    year: for each `director` row of roles.csv, the fees (cash.csv `fees`,
    `salary`, `bonus`), the other cash columns, the grant-date value of the
    stock and option awards granted in the year (shares x grant_fv_per_share,
    R2), each column rounded to whole dollars and the total their sum (R3)."""
    y = ds.years[-1]
    out = {}
    for r in ds.roles:
        if int(r["year"]) != y or r["role"] != "director":
            continue
        pid = r["person_id"]
        cents = {"fees": Decimal(0), "stock_awards": Decimal(0), "option_awards": Decimal(0),
                 "non_equity_incentive": Decimal(0), "pension_nqdc": Decimal(0), "all_other": Decimal(0)}
        for c in ds.cash:
            if c["person_id"] != pid or int(c["year"]) != y:
                continue
            column = {"fees": "fees", "salary": "fees", "bonus": "fees",
                      "non_equity_incentive": "non_equity_incentive", "nqdc_earnings": "pension_nqdc",
                      "all_other": "all_other"}.get(c["component"])
            if column:
                usd = parse_decimal(c["amount"], 2)[0]
                if currency(c["currency"]) != "USD":
                    usd = rnd(usd / ds.rate(currency(c["currency"]), y), 2)
                cents[column] += usd
        for a in ds.awards.values():
            if a["person_id"] == pid and date(a["grant_date"]).year == y:
                v = rnd(int(a["shares"]) * parse_decimal(a["grant_fv_per_share"])[0], 2)
                cents["stock_awards" if a["type"] == "stock" else "option_awards"] += v
        row = {k: rnd(v, 0) for k, v in cents.items()}
        row["total"] = sum(row.values())
        out[pid] = row
    return out


def verify(res):
    """SPEC section 8: mismatches and the internal checks of reported.csv."""
    ds = res["ds"]
    findings = []
    rows = []
    for r in ds.reported:
        value, places = parse_decimal(r["value"])
        rows.append((r["table"], int(r["year"]), r["subject"], r["item"], value, places))

    def finding(check, table, year, subject, item, published, expected, places):
        diff = published - expected
        if diff == 0:
            return
        unit = Decimal(1).scaleb(-places)
        severity = "rounding" if abs(diff) <= unit else "error"
        findings.append((check, severity, table, year, subject, item, published, expected, diff, places))

    for table, year, subject, item, value, places in rows:
        if year not in ds.years:
            continue
        expected = None
        if table == "sct" and (subject, year) in res["sct"]:
            expected = res["sct"][(subject, year)].get(item)
        elif table == "cap":
            src = res["avg"][year] if subject == "non_peo_neo_average" else res["cap"].get((subject, year))
            if src is not None and item in src:
                expected = src[item]
            elif src is not None and item == "equity_award_adjustments":
                expected = sum(src[k] for k in ("fye_fv_granted_in_year", "change_fv_prior_unvested",
                                                "fv_at_vest_granted_in_year", "change_fv_prior_vested",
                                                "less_fv_forfeited"))
        elif table == "pvp":
            if subject == "company":
                if item == "tsr":
                    expected = res["tsr"][1][year][3]
                elif item == "net_income":
                    expected = parse_decimal(ds.performance[year]["net_income"])[0]
            elif subject == "non_peo_neo_average":
                neos = res["neo"][year]
                if item == "count":
                    expected = Decimal(len(neos))
                elif item == "sct_total":
                    expected = rnd(sum(res["sct"][(n, year)]["total"] for n in neos) / len(neos), 2)
                elif item == "cap":
                    expected = res["avg"][year]["cap"]
            elif (subject, year) in res["cap"]:
                expected = (res["sct"][(subject, year)]["total"] if item == "sct_total"
                            else res["cap"][(subject, year)]["cap"] if item == "cap" else None)
        elif table == "dct" and subject in res["dct"] and year == ds.years[-1]:
            expected = res["dct"][subject].get(item)
        elif table == "oea" and year == ds.years[-1]:
            expected = oea_totals(res).get((subject, item))
        if expected is not None:
            finding("mismatch", table, year, subject, item, value, expected, places)

    # Internal checks of the published tables. A `less_` line printed
    # positive is one wrong_sign finding; every other check reads it as the
    # deduction its label says (SPEC section 8).
    printed = {(t, y, s, i): (v, p) for t, y, s, i, v, p in rows}
    pub = {k: ((-v if k[0] == "cap" and k[3].startswith("less_") and v > 0 else v), p)
           for k, (v, p) in printed.items()}
    years = sorted({y for _, y, _, _, _, _ in rows})
    for y in years:
        sct_people = sorted({s for t, yy, s, _, _, _ in rows if t == "sct" and yy == y})
        peos = sorted({s for t, yy, s, _, _, _ in rows
                       if t == "pvp" and yy == y and s not in ("company", "non_peo_neo_average")})
        neos = [s for s in sct_people if s not in peos]
        for s in sct_people:
            cols = [pub[k][0] for k in pub if k[0] == "sct" and k[1] == y and k[2] == s and k[3] != "total"]
            if ("sct", y, s, "total") in pub:
                total, places = pub[("sct", y, s, "total")]
                finding("sct_does_not_foot", "sct", y, s, "total", total, sum(cols), places)
        subjects = sorted({s for t, yy, s, _, _, _ in rows if t == "cap" and yy == y})
        for s in subjects:
            lines = [pub[k][0] for k in pub if k[0] == "cap" and k[1] == y and k[2] == s and k[3] != "cap"]
            if ("cap", y, s, "cap") in pub:
                cap, places = pub[("cap", y, s, "cap")]
                finding("cap_does_not_foot", "cap", y, s, "cap", cap, sum(lines), places)
            for k in printed:
                if k[0] == "cap" and k[1] == y and k[2] == s and k[3].startswith("less_") and printed[k][0] > 0:
                    finding("wrong_sign", "cap", y, s, k[3], printed[k][0], -printed[k][0], printed[k][1])
            if ("cap", y, s, "less_equity_awards") in pub:
                ded, places = pub[("cap", y, s, "less_equity_awards")]

                def awards_of(person):
                    return sum(pub.get(("sct", y, person, i), (Decimal(0), 0))[0]
                               for i in ("stock_awards", "option_awards"))
                count = pub.get(("pvp", y, "non_peo_neo_average", "count"))
                if s != "non_peo_neo_average":
                    finding("deduction_differs_from_sct", "cap", y, s, "less_equity_awards", ded,
                            -awards_of(s), places)
                elif count is not None and int(count[0]) == len(neos):
                    finding("deduction_differs_from_sct", "cap", y, s, "less_equity_awards", ded,
                            -rnd(sum(awards_of(n) for n in neos) / len(neos), 2), places)
            # cap_sct_total_differs: the reconciliation starts from the PvP
            # SCT total (a person without one: the published SCT total).
            if ("cap", y, s, "sct_total") in pub:
                start, places = pub[("cap", y, s, "sct_total")]
                other = pub.get(("pvp", y, s, "sct_total"))
                if other is None and s != "non_peo_neo_average":
                    other = pub.get(("sct", y, s, "total"))
                if other is not None and rnd(other[0], places) != start:
                    finding("cap_sct_total_differs", "cap", y, s, "sct_total", start, other[0], places)
            if ("pvp", y, s, "cap") in pub and ("cap", y, s, "cap") in pub:
                v, places = pub[("pvp", y, s, "cap")]
                finding("pvp_cap_differs", "pvp", y, s, "cap", v, pub[("cap", y, s, "cap")][0], places)
        for s in peos:
            if ("pvp", y, s, "sct_total") in pub and ("sct", y, s, "total") in pub:
                v, places = pub[("pvp", y, s, "sct_total")]
                finding("pvp_sct_total_differs", "pvp", y, s, "sct_total", v, pub[("sct", y, s, "total")][0], places)
        count = pub.get(("pvp", y, "non_peo_neo_average", "count"))
        if count is not None and int(count[0]) == len(neos) and ("pvp", y, "non_peo_neo_average", "sct_total") in pub:
            v, places = pub[("pvp", y, "non_peo_neo_average", "sct_total")]
            mean = rnd(sum(pub[("sct", y, n, "total")][0] for n in neos) / len(neos), places)
            finding("average_differs", "pvp", y, "non_peo_neo_average", "sct_total", v, mean, places)
        # SPEC section 12: a published market value is the published shares
        # times the fiscal-year-end close.
        close = ds.price_at(ds.fye(y))[1] if y in ds.years else None
        for s in sorted({s for t, yy, s, _, _, _ in rows if t == "oea" and yy == y}):
            for shares, value in (("stock_unvested", "stock_unvested_value"),
                                  ("stock_unearned", "stock_unearned_value")):
                if close is not None and ("oea", y, s, shares) in pub and ("oea", y, s, value) in pub:
                    v, places = pub[("oea", y, s, value)]
                    finding("oea_market_value_differs", "oea", y, s, value, v,
                            rnd(pub[("oea", y, s, shares)][0] * close, places), places)
        if ("pvp", y, "company", "tsr") in pub and pub[("pvp", y, "company", "tsr")][0] < 0:
            v, places = pub[("pvp", y, "company", "tsr")]
            finding("tsr_not_value_of_100", "pvp", y, "company", "tsr", v, abs(v), places)
    return one_per_cell(findings)


# The checks in the order they run; the first error on a published cell
# (else its first finding) is the one reported, the others are `related`.
CHECK_ORDER = ["sct_does_not_foot", "cap_does_not_foot", "deduction_differs_from_sct",
               "pvp_sct_total_differs", "pvp_cap_differs", "cap_sct_total_differs",
               "average_differs", "wrong_sign", "tsr_not_value_of_100", "mismatch"]

# Checks between two published cells, and the other cell they look at.
def other_cell(f, cells):
    check, _, table, year, subject, item = f[:6]
    if check == "pvp_sct_total_differs":
        return ("sct", year, subject, "total")
    if check == "pvp_cap_differs":
        return ("cap", year, subject, "cap")
    if check == "cap_sct_total_differs":
        pvp = ("pvp", year, subject, "sct_total")
        return pvp if pvp in cells or subject == "non_peo_neo_average" else ("sct", year, subject, "total")
    return None


def one_per_cell(findings):
    """SPEC section 8: one published cell, one finding. Findings on the same
    cell become one; a check between two cells that failed nothing else on
    its own cell joins the other cell's finding when that cell failed a
    check of its own. Each finding gains an 11th element: its related
    checks, in the order they run."""
    order = sorted(findings, key=lambda f: CHECK_ORDER.index(f[0]))
    cells = {}
    for f in order:
        cells.setdefault((f[2], f[3], f[4], f[5]), []).append(f)
    keep = {}
    for cell, fs in cells.items():
        errors = [f for f in fs if f[1] == "error"]
        keep[cell] = (errors or fs)[0]
    merged = {cell: [f] for cell, f in keep.items()}
    for cell, fs in cells.items():
        for f in fs:
            if f is not keep[cell]:
                merged[cell].append(f)
    for cell, fs in list(cells.items()):
        if len(fs) != 1 or cell not in merged:
            continue
        other = other_cell(fs[0], cells)
        if other is None or other not in merged or other == cell:
            continue
        mine = merged[other]
        if len(cells[other]) > 1 or other_cell(keep[other], cells) is None:
            mine.append(fs[0])
            del merged[cell]
    out = []
    for f in order:
        cell = (f[2], f[3], f[4], f[5])
        if cell in merged and merged[cell][0] is f:
            related = []
            for g in sorted(merged[cell][1:], key=lambda g: CHECK_ORDER.index(g[0])):
                if g[0] != f[0] and g[0] not in related:
                    related.append(g[0])
            out.append(f + (related,))
    return out


# ---------------------------------------------------------------------------
def self_checks(res):
    ds = res["ds"]
    # Vesting schedules add up; every award has tranches.
    for aid, award in ds.awards.items():
        tr = [t for t in ds.tranches if t["award_id"] == aid]
        expect(tr, "%s has no tranches" % aid)
        expect(sum(int(t["shares"]) for t in tr) == int(award["shares"]), "%s tranche shares do not add up" % aid)
        if award["type"] == "stock":
            when, close = ds.price_at(date(award["grant_date"]))
            expect(when == date(award["grant_date"]), "%s granted on a non-trading day" % aid)
            expect(parse_decimal(award["grant_fv_per_share"])[0] == close,
                   "%s grant_fv_per_share is not the close of its grant date" % aid)
    # The SCT columns the proxy prints are reproduced to the dollar.
    for r in ds.reported:
        if r["table"] == "sct" and r["item"] != "total":
            got = res["sct"][(r["subject"], int(r["year"]))][r["item"]]
            expect(got == parse_decimal(r["value"])[0],
                   "SCT %s %s %s: computed %s, proxy %s" % (r["year"], r["subject"], r["item"], got, r["value"]))
        if r["table"] == "dct":
            got = res["dct"].get(r["subject"], {}).get(r["item"])
            expect(got == parse_decimal(r["value"])[0],
                   "Director Compensation %s %s %s: computed %s, proxy %s" % (
                       r["year"], r["subject"], r["item"], got, r["value"]))
        if r["table"] == "pvp" and r["item"] in ("tsr", "net_income"):
            y = int(r["year"])
            got = (res["tsr"][1][y][3] if r["item"] == "tsr"
                   else parse_decimal(ds.performance[y]["net_income"])[0])
            expect(got == parse_decimal(r["value"])[0], "PvP %s %s: %s vs proxy %s" % (y, r["item"], got, r["value"]))
        if r["table"] == "cap" and r["item"] == "fye_fv_granted_in_year" and r["year"] == "2021":
            src = res["avg"][2021] if r["subject"] == "non_peo_neo_average" else res["cap"][(r["subject"], 2021)]
            expect(src[r["item"]] == parse_decimal(r["value"])[0],
                   "CAP 2021 %s fye_fv_granted_in_year: %s vs proxy %s" % (r["subject"], src[r["item"]], r["value"]))
    # The supplied values that say they are Black-Scholes-Merton are the model
    # value of assumptions.csv, rounded to 6 decimals.
    for r in ds.fair_values:
        if "Black-Scholes" not in (r.get("note") or ""):
            continue
        award = ds.awards[r["award_id"]]
        day = date(r["date"])
        a = ds.assumption_at(day)
        expect(a["date"] == r["date"], "fair value %s %s has no assumptions row of its own date" % (r["award_id"], r["date"]))
        v, _, _ = bsm(float(ds.price_at(day)[1]), float(parse_decimal(award["exercise_price"])[0]),
                      float(parse_fraction(a["volatility"])), float(parse_fraction(a["risk_free_rate"])),
                      float(parse_fraction(a["dividend_yield"])), years(day, date(award["expiration_date"])))
        expect(rnd(Decimal(repr(v)), 6) == parse_decimal(r["fv_per_share"])[0],
               "fair value %s %s: model %.6f vs supplied %s" % (r["award_id"], r["date"], v, r["fv_per_share"]))


def oea_totals(res):
    """Each person's Outstanding Equity Awards items at the last FYE (SPEC
    section 12): the options are performance-condition awards, so their
    unvested tranches are unearned, at the probable outcome; every stock
    award had vested."""
    totals = {}
    for pid, aid, vested, unvested, unearned in outstanding_table(res):
        for item, n in (("options_exercisable", vested), ("options_unexercisable", 0),
                        ("options_unearned", unearned)):
            totals[(pid, item)] = totals.get((pid, item), Decimal(0)) + Decimal(n)
        for item in ("stock_unvested", "stock_unvested_value", "stock_unearned",
                     "stock_unearned_value"):
            totals[(pid, item)] = Decimal(0)
    return totals


def outstanding_table(res):
    """The proxy's outstanding-awards columns at the last FYE, from vesting.csv."""
    ds = res["ds"]
    e = ds.fye(ds.years[-1])
    out = []
    for aid, award in sorted(ds.awards.items()):
        if award["type"] != "option":
            continue
        tr = [t for t in ds.tranches if t["award_id"] == aid]
        vested = sum(int(t["shares"]) for t in tr if t["status"] == "vested")
        unvested = [t for t in tr if t["status"] == "unvested"]
        unearned = sum(int(t["shares"]) * ds.probable_at(aid, int(t["tranche"]), e) for t in unvested)
        out.append((award["person_id"], aid, vested, sum(int(t["shares"]) for t in unvested), unearned))
    return out


# ---------------------------------------------------------------------------
# Markdown output
CAP_LABELS = {
    "sct_total": "SCT total",
    "less_equity_awards": "Less: SCT stock and option awards",
    "less_pension": "Less: change in pension value",
    "plus_pension_service": "Plus: pension service cost",
    "plus_pension_prior_service": "Plus: pension prior service cost",
    "fye_fv_granted_in_year": "Plus: FYE value of awards granted in the year, unvested",
    "change_fv_prior_unvested": "Plus: change in value of prior-year awards unvested at FYE",
    "fv_at_vest_granted_in_year": "Plus: value at vesting of awards granted and vested in the year",
    "change_fv_prior_vested": "Plus: change in value of prior-year awards vested in the year",
    "less_fv_forfeited": "Less: prior FYE value of awards forfeited in the year",
    "dividends": "Plus: dividends on unvested awards",
    "cap": "Compensation actually paid",
}


def md_sct(res):
    ds = res["ds"]
    lines = ["| Name | Year | Salary | Stock awards | Option awards | Total |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for pid in ds.people:
        for y in ds.years:
            if (pid, y) in res["sct"]:
                s = res["sct"][(pid, y)]
                lines.append("| %s (%s) | %d | %s | %s | %s | %s |" % (
                    ds.people[pid]["name"], pid, y, money(s["salary"], 0), money(s["stock_awards"], 0),
                    money(s["option_awards"], 0), money(s["total"], 0)))
    return "\n".join(lines)


def md_cap(res, subjects=None):
    ds = res["ds"]
    cols = []
    for y in ds.years:
        for pid in res["peo"][y]:
            cols.append(("%s %d" % (pid, y), res["cap"][(pid, y)]))
        for pid in res["neo"][y]:
            cols.append(("%s %d" % (pid, y), res["cap"][(pid, y)]))
        if res["avg"][y] is not None:
            cols.append(("NEO average %d" % y, res["avg"][y]))
    src = ds.config["smaller_reporting_company"]
    keys = [k for k in CAP_KEYS if not (src and k in ("less_pension", "plus_pension_service", "plus_pension_prior_service"))]
    lines = ["| Line (key) | " + " | ".join(c[0] for c in cols) + " |",
             "| --- |" + " ---: |" * len(cols)]
    for k in keys:
        lines.append("| %s (`%s`) | " % (CAP_LABELS[k], k) + " | ".join(money(c[1][k]) for c in cols) + " |")
    return "\n".join(lines)


def md_pvp(res):
    ds = res["ds"]
    base, tsr = res["tsr"]
    lines = ["| Year | PEO SCT total | PEO CAP | Average NEO SCT total | Average NEO CAP | TSR (value of $100) | Net income |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for y in reversed(ds.years):
        peo = res["peo"][y][0]
        neos = res["neo"][y]
        avg_sct = rnd(sum(res["sct"][(n, y)]["total"] for n in neos) / len(neos), 2)
        lines.append("| %d | %s | %s | %s | %s | %s | %s |" % (
            y, money(res["sct"][(peo, y)]["total"], 0), money(res["cap"][(peo, y)]["cap"]),
            money(avg_sct, 0 if avg_sct == avg_sct.to_integral() else 2), money(res["avg"][y]["cap"]),
            money(tsr[y][3]), money(parse_decimal(ds.performance[y]["net_income"])[0], 0)))
    return "\n".join(lines)


def md_tsr(res):
    base, tsr = res["tsr"]
    lines = ["| | Date | Close | Units | Value of $100 |", "| --- | --- | ---: | ---: | ---: |",
             "| Base | %s | %s | 1 | 100.00 |" % (base[0], base[1])]
    for y, (when, close, units, value) in sorted(tsr.items()):
        lines.append("| FY%d | %s | %s | %s | %s |" % (y, when, close, units, value))
    return "\n".join(lines)


def md_valuations(res):
    ds = res["ds"]
    seen = set()
    lines = ["| Award | Tranches | Date | Purpose | Method | Per share | Probable | Value per tranche | Feeds |",
             "| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |"]
    groups = {}
    for (aid, number, pid, day, purpose, method, per_share, shares, probable, value, year, line) in ds.valuations:
        key = (aid, day, purpose, line, year, number)
        if key in seen:
            continue
        seen.add(key)
        g = groups.setdefault((aid, day, purpose, method, str(per_share), probable, value, line), [])
        g.append(number)
    for (aid, day, purpose, method, per_share, probable, value, line), numbers in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][7])):
        if aid.startswith(("li-stock", "pei-stock")):
            continue
        numbers = sorted(set(numbers))
        span = "%d" % numbers[0] if len(numbers) == 1 else "%d-%d" % (numbers[0], numbers[-1])
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | `%s` |" % (
            aid, span, day, purpose, method, per_share, probable, money(value), line))
    return "\n".join(lines)


def md_stock(res):
    ds = res["ds"]
    lines = ["| Award | Grant (= vest) date | Shares | Close | Value (R2) |",
             "| --- | --- | ---: | ---: | ---: |"]
    for aid, a in ds.awards.items():
        if a["type"] != "stock" or a["person_id"] in res["dct"]:
            continue
        v = rnd(int(a["shares"]) * parse_decimal(a["grant_fv_per_share"])[0], 2)
        lines.append("| %s | %s | %s | %s | %s |" % (aid, a["grant_date"], "{:,}".format(int(a["shares"])),
                                                  a["grant_fv_per_share"], money(v)))
    return "\n".join(lines)


def md_directors(res):
    """The Director Compensation table of the last covered year, with each
    award granted in it."""
    ds = res["ds"]
    lines = ["| Director | Fees (cash) | Awards granted (shares x close) | Stock awards | Option awards | Total |",
             "| --- | ---: | --- | ---: | ---: | ---: |"]
    for pid, row in res["dct"].items():
        grants = ["%s: %s x %s" % (aid, "{:,}".format(int(a["shares"])), a["grant_fv_per_share"])
                  for aid, a in ds.awards.items()
                  if a["person_id"] == pid and date(a["grant_date"]).year == ds.years[-1]]
        lines.append("| %s (%s) | %s | %s | %s | %s | %s |" % (
            ds.people[pid]["name"], pid, money(row["fees"], 0), "; ".join(grants) or "none",
            money(row["stock_awards"], 0), money(row["option_awards"], 0), money(row["total"], 0)))
    return "\n".join(lines)


def md_salary(res):
    ds = res["ds"]
    lines = ["| Person | Year | Monthly rows (RMB) | Sum (RMB) | Rate (RMB per USD) | USD (R1) | SCT salary (R3) |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for pid in ds.people:
        if pid in res["dct"]:
            continue
        for y in ds.years:
            months = [parse_decimal(r["amount"], 2)[0] for r in ds.cash
                      if r["person_id"] == pid and int(r["year"]) == y and r["component"] == "salary"]
            runs = []
            for m in months:
                if runs and runs[-1][0] == m:
                    runs[-1][1] += 1
                else:
                    runs.append([m, 1])
            shape = " + ".join(("%d x %s" % (n, money(m)) if n > 1 else money(m)) for m, n in runs)
            total = sum(months)
            rate = ds.rate("CNY", y)
            usd = rnd(total / rate, 2)
            lines.append("| %s | %d | %s | %s | %s | %s | %s |" % (pid, y, shape, money(total), rate, money(usd),
                                                                money(rnd(usd, 0), 0)))
    return "\n".join(lines)


def md_bsm(res):
    """Black-Scholes-Merton at each assumptions.csv date for each distinct
    option contract, with everything `paycalc value option` prints."""
    ds = res["ds"]
    contracts = sorted({(a["exercise_price"], a["expiration_date"]) for a in ds.awards.values()
                        if a["type"] in ("option", "sar")})
    lines = ["| Date | Close used (date) | K | T (years) | Volatility | Rate | d1 | d2 | N(d1) | N(d2) | Value | Rounded (6 dp) | fair_values.csv |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for strike, expiry in contracts:
        for when, a in ds.assumptions:
            pday, close = ds.price_at(when)
            term = years(when, date(expiry))
            vol = parse_fraction(a["volatility"])
            rate = parse_fraction(a["risk_free_rate"])
            v, d1, d2 = bsm(float(close), float(parse_decimal(strike)[0]), float(vol), float(rate),
                            float(parse_fraction(a["dividend_yield"])), term)
            supplied = sorted({r["fv_per_share"] for r in ds.fair_values if r["date"] == a["date"]})
            lines.append("| %s | %s (%s) | %s | %.6f | %s | %s | %.6f | %.6f | %.6f | %.6f | %.10f | %s | %s |" % (
                when, close, pday, strike, term, vol, rate, d1, d2, norm_cdf(d1), norm_cdf(d2), v,
                rnd(Decimal(repr(v)), 6), ", ".join(supplied) or "none"))
    return "\n".join(lines)


def md_departures(res):
    """The proxy's reconciliation lines against the lines under the rules."""
    ds = res["ds"]
    pub = {(r["year"], r["subject"], r["item"]): parse_decimal(r["value"])[0]
           for r in ds.reported if r["table"] == "cap"}
    src = ds.config["smaller_reporting_company"]
    keys = [k for k in CAP_KEYS if not (src and k in ("less_pension", "plus_pension_service",
                                                      "plus_pension_prior_service", "dividends"))]
    lines = ["| Year | Subject | Line | Proxy | Under the rules | Difference (proxy - rules) |",
             "| --- | --- | --- | ---: | ---: | ---: |"]
    for y in reversed(ds.years):
        for subject in res["peo"][y] + ["non_peo_neo_average"]:
            c = res["avg"][y] if subject == "non_peo_neo_average" else res["cap"][(subject, y)]
            for k in keys:
                p = pub.get((str(y), subject, k))
                lines.append("| %d | %s | `%s` | %s | %s | %s |" % (
                    y, subject, k, "not shown" if p is None else money(p), money(c[k]),
                    "" if p is None else money(p - c[k])))
    return "\n".join(lines)


def md_findings(findings):
    lines = ["| Check | Severity | Table | Year | Subject | Item | Published | Expected | Difference |",
             "| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: |"]
    for check, sev, table, year, subject, item, pub, exp, diff, places, related in findings:
        if related:
            check += " (also %s)" % ", ".join(related)
        lines.append("| %s | %s | %s | %d | %s | %s | %s | %s | %s |" % (
            check, sev, table, year, subject, item, money(pub, places), money(exp, places), money(diff, places)))
    return "\n".join(lines)


def md_outstanding(res):
    lines = ["| Person | Award | Exercisable (vested) | Unvested | Unearned at probable outcome | Proxy: exercisable / unearned |",
             "| --- | --- | ---: | ---: | ---: | --- |"]
    printed = {"li-yunfei": "40,000 / 120,000", "pei-xiangyu": "30,000 / 9,000"}
    for pid, aid, vested, unvested, unearned in outstanding_table(res):
        lines.append("| %s | %s | {:,} | {:,} | {:,} | %s |".format(vested, unvested, int(unearned)) % (
            pid, aid, printed.get(pid, "")))
    return "\n".join(lines)


def md_model_variant(res, model):
    """CAP lines when the 2022 values are left to the model (no supplied rows
    for the 2022 dates): the program's Black-Scholes path, rounded per R2 from
    the unrounded double."""
    ds = res["ds"]
    lines = ["| Subject | Year | Line | With supplied 6-decimal values | Computed from assumptions.csv |",
             "| --- | --- | --- | ---: | ---: |"]
    for (pid, y), c in sorted(res["cap"].items()):
        for k in ("change_fv_prior_unvested", "change_fv_prior_vested", "cap"):
            m = model["cap"][(pid, y)][k]
            if m != c[k] or k == "cap":
                lines.append("| %s | %d | `%s` | %s | %s |" % (pid, y, k, money(c[k]), money(m)))
    return "\n".join(lines)


def update_readme(blocks):
    path = os.path.join(SET, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for name, body in blocks.items():
        pattern = re.compile(r"(<!-- BEGIN generated:%s -->\n).*?(<!-- END generated:%s -->)" % (name, name), re.S)
        if not pattern.search(text):
            raise SystemExit("README.md has no generated block %s" % name)
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def diff_readme(blocks):
    """The generated blocks of README.md against what this script computes
    now: a unified diff per block that drifted (empty when none did)."""
    import difflib
    with open(os.path.join(SET, "README.md"), encoding="utf-8") as f:
        text = f.read()
    out = []
    for name, body in blocks.items():
        m = re.search(r"<!-- BEGIN generated:%s -->\n(.*?)<!-- END generated:%s -->" % (name, name), text, re.S)
        if not m:
            out.append("README.md has no generated block %s\n" % name)
            continue
        if m.group(1) != body + "\n":
            out.extend(difflib.unified_diff(m.group(1).splitlines(True), (body + "\n").splitlines(True),
                                            "README.md generated:%s" % name, "check.py %s" % name))
    return "".join(out)


def as_json(res, findings):
    """The CAP reconciliation of every PEO, NEO and the NEO average, and the
    findings, with every figure as decimal text."""
    ds = res["ds"]
    cap = []
    for y in ds.years:
        subjects = [(pid, res["cap"][(pid, y)]) for pid in res["peo"][y] + res["neo"][y]]
        if res["avg"][y] is not None:
            subjects.append(("non_peo_neo_average", res["avg"][y]))
        for pid, lines in subjects:
            row = {"year": y, "subject": pid}
            row.update({k: str(lines[k]) for k in CAP_KEYS})
            cap.append(row)
    keys = ("check", "severity", "table", "year", "subject", "item", "published", "expected",
            "difference")
    out = [dict(zip(keys, [str(v) if isinstance(v, Decimal) else v for v in f[:9]]), related=f[10])
           for f in findings]
    for f in out:  # the subject as the printed table names it
        f["name"] = (ds.people[f["subject"]]["name"] if f["subject"] in ds.people
                     else "Non-PEO NEO average" if f["subject"] == "non_peo_neo_average" else f["subject"])
    return json.dumps({"cap_reconciliation": cap, "findings": out}, ensure_ascii=False, indent=1)


def option_value(argv, name):
    if name not in argv:
        return None
    i = argv.index(name)
    if i + 1 >= len(argv):
        raise SystemExit("%s needs a value" % name)
    return argv[i + 1]


def main(argv):
    global SET, REPORTED
    SET = option_value(argv, "--set") or SET
    REPORTED = option_value(argv, "--reported")
    if "--json" in argv:
        res = compute()
        print(as_json(res, verify(res)))
        return 0
    res = compute()
    self_checks(res)
    findings = verify(res)
    model = compute(ignore_supplied=("2022-05-30", "2022-11-30", "2022-12-31"))
    blocks = {
        "salary": md_salary(res),
        "sct": md_sct(res),
        "stock": md_stock(res),
        "directors": md_directors(res),
        "valuations": md_valuations(res),
        "cap": md_cap(res),
        "pvp": md_pvp(res),
        "tsr": md_tsr(res),
        "outstanding": md_outstanding(res),
        "findings": md_findings(findings),
        "bsm": md_bsm(res),
        "departures": md_departures(res),
        "model": md_model_variant(res, model),
    }
    if "--diff-readme" in argv:
        drift = diff_readme(blocks)
        if drift:
            print(drift)
            failures.append("README.md's generated blocks differ from what check.py computes "
                            "(python3 tools/check.py --update-readme refreshes them)")
    else:
        for name, body in blocks.items():
            print("## %s\n\n%s\n" % (name, body))
    if "--update-readme" in argv:
        update_readme(blocks)
    if failures:
        for f in failures:
            print("FAIL: " + f, file=sys.stderr)
        return 1
    print("all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
