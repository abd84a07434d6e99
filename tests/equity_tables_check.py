#!/usr/bin/python3
"""Recomputes the equity award tables from an input set and compares them
with a report.json, figure by figure.

    equity_tables_check.py INPUT_DIR REPORT_JSON

An implementation of SPEC section 12 written apart from the C engine
(standard library only): it reads the input files itself and rebuilds
Outstanding Equity Awards at Fiscal Year-End (Item 402(f)/(p)), Option
Exercises and Stock Vested (Item 402(g)) and Grants of Plan-Based Awards
(Item 402(d)) for every SCT year, then compares every row and figure of the
report's `outstanding_equity_awards`, `exercises_and_vesting` and
`plan_based_awards`. Exit status 0 when everything agrees, 1 with a list of
the differences otherwise, 2 on a usage or input problem.

The grant-date fair value of a plan-based award is recomputed when it needs
no option model: a `grant_fv_per_share`, a fair_values.csv row dated on the
grant date, or the grant-date close of stock with dividend rights. A value
from Black-Scholes-Merton or a dividend-discounted price is taken from the
report's own grant valuations (the golden test checks those against an
independent implementation); the summary line says how many were.
"""
import bisect
import csv
import datetime as dt
import json
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

STALE_DAYS = 10


def rows(folder, name, required=True):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        if required:
            raise SystemExit("equity_tables_check: missing %s" % path)
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = None
        out = []
        for row in reader:
            cells = [c.strip().strip("\u00a0") for c in row]
            if not any(cells):
                continue
            if header is None:
                header = [c.lower() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            out.append(dict(zip(header, cells)))
        return out


def number(text):
    """A decimal as the input files write it: separators, parentheses, %."""
    t = text.replace(",", "").strip()
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1]
    scale = Decimal(1)
    if t.endswith("%"):
        t, scale = t[:-1], Decimal("0.01")
    value = Decimal(t) * scale
    return -value if negative else value


def date(text):
    return dt.date.fromisoformat(text)


def rnd(x, places=0):
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def cents(x):
    return rnd(x, 2)


def fiscal_year_end(fye, year):
    month, day = fye
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day, last))


class Ledger:
    def __init__(self, folder):
        cfg = json.load(open(os.path.join(folder, "paycalc.json"), encoding="utf-8"))
        m, d = cfg["fiscal_year_end"].split("-")
        self.fye = (int(m), int(d))
        self.years = cfg["years"]
        self.src = cfg["smaller_reporting_company"]
        n = cfg.get("sct_years", 2 if self.src else 3)
        self.sct_years = self.years[-min(n, len(self.years)):]
        people = [r["person_id"] for r in rows(folder, "people.csv")]
        self.roles = {}
        for r in rows(folder, "roles.csv"):
            # Directors (Item 402(k)) are in no executive table.
            if int(r["year"]) in self.years and r["role"].lower() != "director":
                self.roles.setdefault(int(r["year"]), []).append(r["person_id"])
        self.people = people
        self.awards = {}
        for r in rows(folder, "awards.csv", required=False):
            a = dict(r)
            a["type"] = r["type"].lower()
            a["condition"] = r["condition"].lower()
            a["grant"] = date(r["grant_date"])
            a["shares"] = int(number(r["shares"]))
            option = a["type"] in ("option", "sar")
            a["option"] = option
            a["strike"] = number(r["exercise_price"]) if option else None
            a["expiry"] = date(r["expiration_date"]) if option else None
            a["fv"] = number(r["grant_fv_per_share"]) if r.get("grant_fv_per_share") else None
            a["rights"] = (r.get("dividend_rights") or "yes").lower()
            for level in ("threshold_shares", "maximum_shares"):
                a[level] = int(number(r[level])) if r.get(level) else None
            a["tranches"] = []
            a["exercises"] = []
            self.awards[r["award_id"]] = a
        for r in rows(folder, "vesting.csv", required=bool(self.awards)):
            status = r["status"].lower()
            vest = date(r["vest_date"])
            sd = date(r["status_date"]) if r.get("status_date") else None
            self.awards[r["award_id"]]["tranches"].append({
                "number": int(r["tranche"]), "shares": int(number(r["shares"])),
                "vested": (sd or vest) if status == "vested" else None,
                "forfeited": sd if status == "forfeited" else None,
            })
        for r in rows(folder, "exercises.csv", required=False):
            self.awards[r["award_id"]]["exercises"].append(
                (date(r["date"]), int(number(r["shares"]))))
        self.prices = sorted((date(r["date"]), number(r["close"]))
                             for r in rows(folder, "prices.csv"))
        self.dates = [d for d, c in self.prices]
        self.outcomes = {}
        for r in rows(folder, "outcomes.csv", required=False):
            key = (r["award_id"], int(r["tranche"]) if r["tranche"] else 0)
            self.outcomes.setdefault(key, []).append((date(r["date"]), number(r["probable"])))
        self.supplied = {}
        for r in rows(folder, "fair_values.csv", required=False):
            key = (r["award_id"], int(r["tranche"]) if r["tranche"] else 0, date(r["date"]))
            self.supplied[key] = number(r["fv_per_share"])

    def close(self, day):
        """The close on `day` or the last trading day before it (10 days)."""
        i = bisect.bisect_right(self.dates, day)
        best = self.prices[i - 1] if i else None
        if best is None or (day - best[0]).days > STALE_DAYS:
            raise SystemExit("equity_tables_check: no price at %s" % day)
        return best[1]

    def outcome(self, award_id, number, day):
        """The latest assessment on or before `day`; a tranche row beats
        the award's row on the same date."""
        best = None
        for key, rank in (((award_id, 0), 0), ((award_id, number), 1)):
            for d, p in self.outcomes.get(key, []):
                if d <= day and (best is None or (d, rank) > best[:2]):
                    best = (d, rank, p)
        return None if best is None else best[2]

    def counted(self, award_id, a, t, day):
        """Shares counted at `day`: target x probable outcome under a
        performance or market condition (target when a market award has no
        assessment), rounded half away from zero."""
        if a["condition"] == "service":
            return t["shares"]
        p = self.outcome(award_id, t["number"], day)
        if p is None:
            if a["condition"] == "market":
                return t["shares"]
            raise SystemExit("equity_tables_check: no outcome for %s at %s" % (award_id, day))
        return int(rnd(t["shares"] * p))


def unvested_at(a, t, x):
    if a["grant"] > x:
        return False
    if t["vested"] and t["vested"] <= x:
        return False
    if t["forfeited"] and t["forfeited"] <= x:
        return False
    return True


def oea_row(lg, aid, a, end):
    r = {k: 0 for k in ("options_exercisable", "options_unexercisable", "options_unearned",
                        "stock_unvested", "stock_unearned")}
    if a["option"] and a["expiry"] <= end:
        return None
    for t in a["tranches"]:
        if t["vested"] and t["vested"] <= end:
            if a["option"]:
                r["options_exercisable"] += t["shares"]
            continue
        if not unvested_at(a, t, end):
            continue
        n = lg.counted(aid, a, t, end)
        kind = ("options_" if a["option"] else "stock_") + (
            ("unexercisable" if a["option"] else "unvested") if a["condition"] == "service"
            else "unearned")
        r[kind] += n
    r["options_exercisable"] -= sum(s for d, s in a["exercises"] if d <= end)
    if not any(r.values()):
        return None
    close = lg.close(end) if (r["stock_unvested"] or r["stock_unearned"]) else Decimal(0)
    r["stock_unvested_value"] = cents(r["stock_unvested"] * close)
    r["stock_unearned_value"] = cents(r["stock_unearned"] * close)
    r["exercise_price"] = a["strike"]
    r["expiration_date"] = a["expiry"].isoformat() if a["expiry"] else None
    return r


def oesv_row(lg, aid, a, prior, end):
    r = {"options_exercised": 0, "exercise_value": Decimal(0), "stock_vested": 0,
         "vesting_value": Decimal(0)}
    if a["option"]:
        for d, s in a["exercises"]:
            if prior < d <= end:
                r["options_exercised"] += s
                r["exercise_value"] += cents(s * (lg.close(d) - a["strike"]))
    else:
        for t in a["tranches"]:
            v = t["vested"]
            if v and prior < v <= end:
                n = lg.counted(aid, a, t, v)
                r["stock_vested"] += n
                r["vesting_value"] += cents(n * lg.close(v))
    if not (r["options_exercised"] or r["stock_vested"]):
        return None
    return r


def grant_value(lg, aid, a):
    """The SCT grant-date value; None when it needs an option model."""
    total = Decimal(0)
    for t in a["tranches"]:
        if a["fv"] is not None:
            fv = a["fv"]
        elif (aid, t["number"], a["grant"]) in lg.supplied:
            fv = lg.supplied[(aid, t["number"], a["grant"])]
        elif (aid, 0, a["grant"]) in lg.supplied:
            fv = lg.supplied[(aid, 0, a["grant"])]
        elif a["type"] == "stock" and a["rights"] != "no":
            fv = lg.close(a["grant"])
        else:
            return None
        p = Decimal(1)
        if a["condition"] == "performance":
            p = lg.outcome(aid, t["number"], a["grant"])
        total += cents(t["shares"] * fv * p)
    return total


def gpba_row(lg, aid, a):
    incentive = a["condition"] != "service"
    return {
        "grant_date": a["grant"].isoformat(),
        "threshold_shares": a["threshold_shares"] if incentive else None,
        "target_shares": a["shares"] if incentive else None,
        "maximum_shares": a["maximum_shares"] if incentive else None,
        "other_stock_shares": a["shares"] if not incentive and not a["option"] else 0,
        "other_option_shares": a["shares"] if not incentive and a["option"] else 0,
        "exercise_price": a["strike"],
    }


def expected(lg, report):
    report_grant = {}
    for v in report.get("award_valuations", []):
        if v["purpose"] == "grant":
            report_grant[v["award_id"]] = report_grant.get(v["award_id"], Decimal(0)) + \
                Decimal(str(v["value"]))
    oea, oesv, gpba = {}, {}, {}
    from_report = 0
    for year in lg.sct_years:
        end = fiscal_year_end(lg.fye, year)
        prior = fiscal_year_end(lg.fye, year - 1)
        for pid in lg.roles.get(year, []):
            for aid, a in lg.awards.items():
                if a["person_id"] != pid:
                    continue
                key = (year, pid, aid)
                r = oea_row(lg, aid, a, end)
                if r:
                    oea[key] = r
                r = oesv_row(lg, aid, a, prior, end)
                if r:
                    oesv[key] = r
                if not lg.src and prior < a["grant"] <= end:
                    r = gpba_row(lg, aid, a)
                    value = grant_value(lg, aid, a)
                    if value is None:
                        value = report_grant.get(aid, Decimal(0))
                        from_report += 1
                    r["grant_date_fair_value"] = value
                    gpba[key] = r
    return oea, oesv, gpba, from_report


def same(want, got):
    if want is None or got is None:
        return want is None and got is None
    if isinstance(want, str):
        return want == got
    return Decimal(str(want)) == Decimal(str(got))


def compare(name, want, entries, problems):
    got = {}
    for e in entries:
        got[(e["year"], e["person_id"], e["award_id"])] = e
    for key in sorted(set(want) | set(got)):
        if key not in got:
            problems.append("%s %s: missing from the report" % (name, key))
            continue
        if key not in want:
            problems.append("%s %s: in the report, not expected" % (name, key))
            continue
        for field, value in want[key].items():
            if field not in got[key]:
                problems.append("%s %s %s: missing" % (name, key, field))
            elif not same(value, got[key][field]):
                problems.append("%s %s %s: expected %s, report has %s"
                                % (name, key, field, value, got[key][field]))


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    lg = Ledger(argv[1])
    report = json.load(open(argv[2], encoding="utf-8"))
    oea, oesv, gpba, from_report = expected(lg, report)
    problems = []
    compare("outstanding_equity_awards", oea, report.get("outstanding_equity_awards", []), problems)
    compare("exercises_and_vesting", oesv, report.get("exercises_and_vesting", []), problems)
    compare("plan_based_awards", gpba, report.get("plan_based_awards", []), problems)
    for p in problems:
        print(p)
    print("equity tables: %d outstanding, %d exercises/vesting, %d grants; %d differences; "
          "%d grant values taken from the report" % (len(oea), len(oesv), len(gpba),
                                                      len(problems), from_report))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
