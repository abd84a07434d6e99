#!/usr/bin/python3
"""Opens report.xlsx the way its readers do: recalculated by LibreOffice
(headless), then every formula cell is compared with the value paycalc
stored in it and the figures of the disclosure sheets with report.json.

Usage:
  xlsx_recalc.py check BOOK.xlsx REPORT.json [BOOK.xlsx REPORT.json ...]
      Recalculates every workbook (one LibreOffice start for all of them)
      and compares. Prints one line per difference; exit 0 when there is
      none, 1 when there are, 2 when the check cannot run (LibreOffice
      missing: scripts/deps.sh --tests installs it; a test must fail, not skip).
  xlsx_recalc.py recalc OUTDIR BOOK.xlsx [...]
      Only recalculates, writing OUTDIR/<name>.xlsx (for the edit test).
  xlsx_recalc.py edit BOOK.xlsx REPORT.json LINE AMOUNT AWARD TRANCHE DATE FV
                       [CURRENCY YEAR RATE]
      The edit test: in a copy of the workbook, the Amount of the Cash and
      FX row of cash.csv line LINE becomes AMOUNT, the Fair Value per Share
      of every Award Valuations row of AWARD, TRANCHE valued on DATE
      (YYYY-MM-DD) becomes FV, and (when given) the Exchange Rates rate of
      CURRENCY for fiscal YEAR becomes RATE; LibreOffice recalculates the
      copy and its figures must agree with REPORT.json, the report of
      `paycalc run` on inputs carrying the same edits.
  xlsx_recalc.py edits BOOK.xlsx REPORT.json EDIT [EDIT ...]
      The same with any edits, each one of: cash:LINE=AMOUNT (the Amount
      of the Cash and FX row of cash.csv line LINE), rate:CURRENCY:YEAR=RATE
      (Exchange Rates), fv:AWARD:TRANCHE:DATE=FV (Award Valuations),
      vol:LINE=VOLATILITY (the volatility of every Award Valuations row
      whose source is assumptions.csv line LINE), price:DATE=CLOSE (the
      close of DATE on Prices).
  xlsx_recalc.py scenarios BOOK.xlsx SCENARIOS.json
      scenarios.xlsx recalculated: every formula cell against its stored
      value, every CAP Lines cell and the Scenarios sheet's CAP against
      scenarios.json to the cent, and every fair value line of a person a
      formula over the scenario's Valuations sheet.
  xlsx_recalc.py scenario-price BOOK.xlsx N PRICE SCENARIOS.json
      The price edit test of scenarios.xlsx: scenario N's (1-based) price
      cell on Scenarios becomes PRICE; recalculated, that scenario's CAP
      Lines and CAP must agree with the scenario at PRICE in SCENARIOS.json
      (a second `paycalc scenarios --year-end-price PRICE`).
  xlsx_recalc.py last-row BOOK.xlsx SHEET
      The last row SHEET uses.
  xlsx_recalc.py groups BOOK.xlsx SHEET TITLE [TITLE ...]
      Each distinct key of SHEET's data rows (the values in the columns
      titled TITLE...) and how many rows have it, in order of first row.
  xlsx_recalc.py columns BOOK.xlsx SHEET
      One line per column of SHEET: its width and its header (row 5), the
      header's line breaks as "|".
  xlsx_recalc.py check --no-figures BOOK.xlsx REPORT.json [...]
      The same without comparing figures with report.json (a workbook with
      --labels zh-Hant or zh-Hans, whose headers the comparison cannot read).
  xlsx_recalc.py text BOOK.xlsx
      Prints every text cell of the disclosure sheets, one per line
      (all-text: of every sheet, each followed by its footer's page words).
  xlsx_recalc.py stale BOOK.xlsx OUT.xlsx SHEET
      Copies the workbook with the stored value of the first formula cell
      of SHEET one more than it was, the way a stale cache looks: the test
      that proves `check` notices a value LibreOffice does not reproduce.

LibreOffice keeps the values an .xlsx file carries unless told to
recalculate on load: the helper starts it with a private profile whose
only setting is "always recalculate" (OOXMLRecalcMode 0), so the values
read back are LibreOffice's own, not paycalc's echoed.

Numbers agree when they are equal to 1e-9 relative (float noise of a
spreadsheet's double arithmetic, far below a cent); money figures against
report.json must agree to the cent.
"""

import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import zipfile

import openpyxl
import openpyxl.utils

from xlsx_check import strip_marker  # column titles carry footnote markers: "Salary ($)(1)"

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"):
        if os.access(path, os.X_OK):
            return path
    return None


def recalc(books, outdir):
    """Recalculates each workbook into outdir (same base name); returns the
    paths written. One LibreOffice start for all of them."""
    exe = soffice()
    if not exe:
        sys.stderr.write("xlsx_recalc: LibreOffice (soffice) is not installed; "
                         "scripts/deps.sh --tests installs it\n")
        sys.exit(2)
    names = [os.path.basename(b) for b in books]
    if len(set(names)) != len(names):
        sys.stderr.write("xlsx_recalc: workbooks must have distinct file names\n")
        sys.exit(2)
    profile = tempfile.mkdtemp(prefix="pc-lo-profile-")
    try:
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE)
        cmd = [exe, "-env:UserInstallation=file://" + profile, "--headless",
               "--norestore", "--nolockcheck", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
               "--outdir", outdir] + list(books)
        env = dict(os.environ, HOME=profile)
        # No clock limit: a busy machine may take minutes to start
        # LibreOffice; the test's processor-time limit catches a hang.
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = [os.path.join(outdir, n) for n in names]
    missing = [p for p in out if not os.path.exists(p)]
    if done.returncode != 0 or missing:
        sys.stderr.write("xlsx_recalc: LibreOffice did not convert %s (exit %d): %s%s\n" % (
            ", ".join(missing) or "the workbooks", done.returncode,
            done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")))
        sys.exit(2)
    return out


def close(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def cents(x):
    return None if x is None else round(float(x) * 100)


class Book:
    """A workbook as written (formulas and stored values) and recalculated."""

    def __init__(self, path, recalculated):
        self.path = path
        self.formulas = openpyxl.load_workbook(path, data_only=False)
        self.stored = openpyxl.load_workbook(path, data_only=True)
        self.calc = openpyxl.load_workbook(recalculated, data_only=True)


def compare_formulas(book, problems):
    """Every formula cell: LibreOffice's value against the stored one."""
    count = 0
    for ws in book.formulas.worksheets:
        stored, calc = book.stored[ws.title], book.calc[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                count += 1
                want = stored[cell.coordinate].value
                got = calc[cell.coordinate].value
                if not close(want, got):
                    problems.append("%s!%s %s: stored %r, LibreOffice %r" % (
                        ws.title, cell.coordinate, cell.value, want, got))
    return count


# ----------------------------------------------------- figures vs report.json

SCT_HEADERS = [  # (words in the header, report.json key); first match wins
    ("Salary", "salary"), ("Bonus", "bonus"), ("Stock Awards", "stock_awards"),
    ("Option Awards", "option_awards"), ("Non-Equity", "non_equity_incentive"),
    ("Pension", "pension_nqdc"), ("Nonqualified", "pension_nqdc"),
    ("All Other", "all_other"), ("Total", "total"),
]

CAP_HEADERS = [
    ("Summary Compensation Table Total", "sct_total"),
    ("Less: Stock Awards", "less_equity_awards"),
    ("Prior Service", "plus_pension_prior_service"),
    ("Service Cost", "plus_pension_service"),
    ("Pension", "less_pension"),
    ("Year-End Fair Value of Awards Granted", "fye_fv_granted_in_year"),
    ("Prior-Year Awards Unvested", "change_fv_prior_unvested"),
    ("at Vesting of Awards Granted", "fv_at_vest_granted_in_year"),
    ("Prior-Year Awards Vested", "change_fv_prior_vested"),
    ("Forfeited", "less_fv_forfeited"),
    ("Dividends", "dividends"),
    ("Compensation Actually Paid", "cap"),
]


def header_map(ws, table, must):
    """(row, {column index: key}) of the first row holding `must` among its
    cells, each column mapped by the first entry of `table` its text has."""
    for row in ws.iter_rows(max_row=min(ws.max_row, 60)):
        texts = [strip_marker(c.value) if isinstance(c.value, str) else "" for c in row]
        if not any(t.startswith(must) for t in texts):
            continue
        cols = {}
        for i, t in enumerate(texts):
            for words, key in table:
                if words in t:
                    cols[i] = key
                    break
        return row[0].row, cols
    return None, {}


def expect_money(problems, where, got, want):
    if want is None and got in (None, ""):
        return 1
    if want is None or not isinstance(got, (int, float)) or cents(got) != cents(want):
        problems.append("%s: workbook %r, report.json %r" % (where, got, want))
    return 1


def compare_sct(book, report, problems):
    if "Summary Compensation" not in book.calc.sheetnames:
        return 0
    ws = book.calc["Summary Compensation"]
    hrow, cols = header_map(ws, SCT_HEADERS, "Name")
    if hrow is None:
        return 0
    year_col = next((i for i, c in enumerate(ws[hrow]) if c.value == "Year"), None)
    names = {}
    for e in report["summary_compensation_table"]:
        names.setdefault(e["name"], {})[e["year"]] = e
    count, person = 0, None
    for row in ws.iter_rows(min_row=hrow + 1):
        first = row[0].value
        if isinstance(first, str) and first in names:
            person = first
        year = row[year_col].value if year_col is not None else None
        if not isinstance(year, int) or person is None:
            continue
        entry = names[person].get(year)
        if entry is None:
            problems.append("Summary Compensation: %s %d is not in report.json" % (person, year))
            continue
        for i, key in cols.items():
            where = "Summary Compensation!%s (%s %d %s)" % (row[i].coordinate, person, year, key)
            got = row[i].value
            if got is None or got == "\u2014":  # an em dash prints nil
                got = 0 if entry[key] == 0 else got
            count += expect_money(problems, where, got, entry[key])
    return count


def subject_names(report):
    names = {e["person_id"]: e["name"] for e in report["summary_compensation_table"]}
    for y in report["pay_versus_performance"]:
        for p in y["peo"]:
            names[p["person_id"]] = p["name"]
    return names


def cap_entries(report):
    """{(year, name or "average"): reconciliation entry}."""
    names = subject_names(report)
    rows = {}
    for e in report["cap_reconciliation"]:
        subject = e["subject"]
        label = "average" if subject == "non_peo_neo_average" else names.get(subject, subject)
        rows[(e["year"], label)] = e
    return rows


def compare_cap_rows(book, sheet, report, problems):
    """A sheet with a row per person (or average) and year and a column
    per reconciliation line: CAP by Person."""
    if sheet not in book.calc.sheetnames:
        return 0
    ws = book.calc[sheet]
    hrow, cols = header_map(ws, CAP_HEADERS, "Fiscal Year")
    if hrow is None:
        hrow, cols = header_map(ws, CAP_HEADERS, "Year")
    if hrow is None:
        return 0
    heads = [c.value for c in ws[hrow]]
    who_col = heads.index("Executive") if "Executive" in heads else 1
    rows = cap_entries(report)
    count = 0
    for row in ws.iter_rows(min_row=hrow + 1):
        year, who = row[0].value, row[who_col].value
        if not isinstance(year, int) or not isinstance(who, str):
            continue
        label = "average" if who.startswith("Average") else who
        entry = rows.get((year, label))
        if entry is None:
            problems.append("%s: %s %d is not in report.json" % (sheet, who, year))
            continue
        for i, key in cols.items():
            where = "%s!%s (%s %d %s)" % (sheet, row[i].coordinate, who, year, key)
            count += expect_money(problems, where, row[i].value, entry[key])
    return count


def compare_cap_disclosure(book, report, problems):
    """CAP Reconciliation as a proxy prints it: a block per PEO and one for
    the non-PEO NEO average, the adjustments as rows, the years as columns
    (a header row of years above them). The old layout, a row per person
    and year, is read as CAP by Person is."""
    sheet = "CAP Reconciliation"
    if sheet not in book.calc.sheetnames:
        return 0
    ws = book.calc[sheet]
    year_cols, hrow = {}, None
    for row in ws.iter_rows(max_row=min(ws.max_row, 40)):
        years = {c.column - 1: int(str(c.value).split()[0]) for c in row
                 if isinstance(c.value, (int, str)) and str(c.value)[:4].isdigit()
                 and c.column > 1}
        if years and row[0].value not in (None, "") and not isinstance(row[0].value, int):
            year_cols, hrow = years, row[0].row
            break
    if not year_cols:
        return compare_cap_rows(book, sheet, report, problems)
    rows = cap_entries(report)
    # A PEO's block shows the years the person was PEO.
    peo_years = {(y["year"], p["name"]) for y in report["pay_versus_performance"] for p in y["peo"]}
    count, subject = 0, None
    for row in ws.iter_rows(min_row=hrow + 1):
        label = strip_marker(row[0].value)
        if not isinstance(label, str):
            continue
        if label.startswith("PEO"):
            subject = label.split(":", 1)[1].strip() if ":" in label else None
            continue
        if label.startswith("Average"):
            subject = "average"
            continue
        key = next((k for words, k in CAP_HEADERS if words in label), None)
        if key is None or subject is None:
            continue
        for col, year in year_cols.items():
            got = row[col].value
            entry = rows.get((year, subject))
            if subject != "average" and (year, subject) not in peo_years:
                entry = None
            if entry is None:
                if got not in (None, ""):
                    problems.append("%s!%s: %s %d has no reconciliation in report.json" % (
                        sheet, row[col].coordinate, subject, year))
                continue
            where = "%s!%s (%s %d %s)" % (sheet, row[col].coordinate, subject, year, key)
            count += expect_money(problems, where, got, entry[key])
    return count


def compare_pvp(book, report, problems):
    if "Pay vs Performance" not in book.calc.sheetnames:
        return 0
    ws = book.calc["Pay vs Performance"]
    hrow = None
    for row in ws.iter_rows(max_row=min(ws.max_row, 60)):
        if any(isinstance(c.value, str) and "Actually Paid" in c.value for c in row):
            hrow = row[0].row
            break
    if hrow is None:
        return 0
    heads = {c.column - 1: strip_marker(c.value) for c in ws[hrow] if isinstance(c.value, str)}
    by_year = {e["year"]: e for e in report["pay_versus_performance"]}
    count = 0
    for row in ws.iter_rows(min_row=hrow + 1):
        year = row[0].value
        if not isinstance(year, int) or year not in by_year:
            continue
        e = by_year[year]
        peo_sct, peo_cap = [], []
        for i, h in heads.items():
            got = row[i].value if i < len(row) else None
            where = "Pay vs Performance!%s (%d %s)" % (row[i].coordinate, year, h)
            avg = e["non_peo_neo_average"]
            if h.startswith("Average Summary"):
                count += expect_money(problems, where, got, avg and avg["sct_total"])
            elif h.startswith("Average Compensation"):
                count += expect_money(problems, where, got, avg and avg["cap"])
            elif h.startswith("Summary Compensation Table Total for PEO"):
                if isinstance(got, (int, float)):
                    peo_sct.append(cents(got))
            elif h.startswith("Compensation Actually Paid to PEO"):
                if isinstance(got, (int, float)):
                    peo_cap.append(cents(got))
            elif "Peer Group" in h:
                count += expect_money(problems, where, got, e["peer_group_tsr"])
            elif "Total Shareholder Return" in h:
                count += expect_money(problems, where, got, e["tsr"])
            elif h.startswith("Net Income"):
                count += expect_money(problems, where, got, e["net_income"])
        want_sct = sorted(cents(p["sct_total"]) for p in e["peo"])
        want_cap = sorted(cents(p["cap"]) for p in e["peo"])
        if sorted(peo_sct) != want_sct or sorted(peo_cap) != want_cap:
            problems.append("Pay vs Performance %d: PEO figures %r / %r, report.json %r / %r" % (
                year, peo_sct, peo_cap, want_sct, want_cap))
        count += len(want_sct) + len(want_cap)
    return count


def compare_tsr(book, report, problems):
    if "TSR" not in book.calc.sheetnames or not report.get("tsr"):
        return 0
    ws = book.calc["TSR"]
    hrow, cols = header_map(ws, [("Value of Initial Fixed $100", "value")], "Fiscal Year")
    col = next((i for i, k in cols.items() if k == "value"), None)
    if col is None:
        return 0
    want = {v["year"]: v["value"] for v in report["tsr"]["values"]}
    count = 0
    for row in ws.iter_rows(min_row=hrow + 1):
        year = row[0].value
        if isinstance(year, int) and year in want:
            count += expect_money(problems, "TSR!%s (%d)" % (row[col].coordinate, year),
                                  row[col].value, want[year])
    return count


DISCLOSURE = ("Summary Compensation", "Pay vs Performance", "CAP Reconciliation", "Charts",
              "Equity Awards at FYE", "Exercises and Vesting", "Plan-Based Awards")
FILE_NAME = re.compile(r"[A-Za-z_]+\.(csv|json)\b|\bline \d")


def check_disclosure_words(book, problems):
    """The disclosure sheets are pasted into the proxy: no file name, no
    line number of an input file."""
    for name in DISCLOSURE:
        if name not in book.formulas.sheetnames:
            continue
        for row in book.formulas[name].iter_rows():
            for c in row:
                if isinstance(c.value, str) and not c.value.startswith("=") \
                        and FILE_NAME.search(c.value):
                    problems.append("%s!%s names a file: %r" % (name, c.coordinate, c.value[:120]))


def check_checks_sheet(book, problems):
    """Checks: severity in words a reader knows, an error on a fill."""
    if "Checks" not in book.formulas.sheetnames:
        return
    for row in book.formulas["Checks"].iter_rows(min_row=6):
        c = row[1] if len(row) > 1 else None
        if c is None or c.value not in ("Error", "Rounding", "error", "rounding"):
            continue
        filled = c.fill is not None and c.fill.fill_type == "solid"
        if c.value not in ("Error", "Rounding") or (c.value == "Error") != filled:
            problems.append("Checks!%s: %r %s a fill" % (c.coordinate, c.value,
                                                         "with" if filled else "without"))


REFERENCE = re.compile(r"^=('[^']+'![A-Z]+[0-9]+)$")


FIRST_REFERENCE = re.compile(r"('[^']+'![A-Z]+[0-9]+)")


def check_equity_links(book, name, problems):
    """An equity award sheet: every figure (a number under the header, other
    than a nil) is a formula over Equity Award Detail that links to the
    first cell it reads."""
    count = 0
    ws = book.formulas[name]
    hrow, _ = header_map(ws, [], "Name")
    for row in ws.iter_rows(min_row=(hrow or 5) + 1):
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                m = FIRST_REFERENCE.search(c.value)
                link = c.hyperlink.location if c.hyperlink else None
                count += 1
                if not m or link != m.group(1):
                    problems.append("%s!%s %s links to %r" % (name, c.coordinate, c.value, link))
            elif isinstance(c.value, (int, float)) and c.value != 0:
                problems.append("%s!%s: the figure %r is typed in" % (name, c.coordinate,
                                                                      c.value))
    return count


def check_links(book, problems):
    """Each disclosure figure that takes its value from a workpaper cell
    links to that cell; the SCT's figures link to their first support row."""
    count = 0
    for name in ("Pay vs Performance", "CAP Reconciliation"):
        if name not in book.formulas.sheetnames:
            continue
        for row in book.formulas[name].iter_rows():
            for c in row:
                m = isinstance(c.value, str) and REFERENCE.match(c.value)
                if not m:
                    continue
                count += 1
                link = c.hyperlink.location if c.hyperlink else None
                if link != m.group(1):
                    problems.append("%s!%s %s links to %r" % (name, c.coordinate, c.value, link))
    for name in ("Equity Awards at FYE", "Exercises and Vesting", "Plan-Based Awards"):
        if name in book.formulas.sheetnames:
            count += check_equity_links(book, name, problems)
    if "Summary Compensation" in book.formulas.sheetnames:
        for row in book.formulas["Summary Compensation"].iter_rows():
            for c in row:
                if isinstance(c.value, str) and "SUMIFS(" in c.value:
                    stored = book.stored["Summary Compensation"][c.coordinate].value
                    if stored and not c.hyperlink:
                        problems.append("Summary Compensation!%s has no link to its support"
                                        % c.coordinate)
                    count += 1
    return count


def check_live(book, sheet, first_col, problems):
    """Every number of `sheet` under its header, from column `first_col`
    (0-based) on, is a formula: none typed in (SPEC 9: live to the last
    figure)."""
    if sheet not in book.formulas.sheetnames:
        return 0
    ws = book.formulas[sheet]
    count = 0
    for row in ws.iter_rows(min_row=6):
        for c in row[first_col:]:
            if isinstance(c.value, str) and c.value.startswith("="):
                count += 1
            elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                problems.append("%s!%s: the figure %r is typed in" % (sheet, c.coordinate,
                                                                      c.value))
    return count


PRICE_COLUMNS = [("Award Valuations", "Stock Price ($)"),
                 ("Equity Award Detail", "Closing Price ($)"),
                 ("TSR", "Closing Price ($)"), ("TSR", "Dividend per Share ($)")]


def check_prices_once(book, problems):
    """Each close and dividend is on Prices once (its dates distinct) and the
    sheets that use one refer to it: no price typed on Award Valuations,
    Equity Award Detail or TSR (SPEC 9: one cell per fact)."""
    if "Prices" not in book.formulas.sheetnames:
        problems.append("no Prices sheet")
        return 0
    ws = book.formulas["Prices"]
    hrow, date_col = column_of(ws, "Date")
    if hrow is None:  # headers in Chinese (--labels)
        return 0
    dates = [row[date_col].value for row in ws.iter_rows(min_row=hrow + 1)
             if hasattr(row[date_col].value, "year")]
    if len(set(dates)) != len(dates):
        problems.append("Prices: a date on more than one row")
    count = len(dates)
    for sheet, title in PRICE_COLUMNS:
        if sheet not in book.formulas.sheetnames:
            continue
        ws = book.formulas[sheet]
        hrow, col = column_of(ws, title)
        if hrow is None:
            problems.append("%s: no column %r" % (sheet, title))
            continue
        for row in ws.iter_rows(min_row=hrow + 1):
            c = row[col] if col < len(row) else None
            if c is None:
                continue
            if isinstance(c.value, str) and c.value.startswith("="):
                if not c.value.startswith("='Prices'!"):
                    problems.append("%s!%s %s is not a Prices cell" % (sheet, c.coordinate,
                                                                       c.value))
                count += 1
            elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                problems.append("%s!%s: the price %r is typed in" % (sheet, c.coordinate,
                                                                     c.value))
    return count


# A typed figure (SPEC 9, live to the last figure): in the body of a
# sheet, under its header, a number cell other than 0 that is not a
# formula (0 is nil, the em dash under a column that does not apply), or a
# formula that holds a money literal: a number with a decimal point or
# above 100. Formulas may hold the small integers 0 to 100 (signs,
# rounding digits, the $100 TSR base) and the keys SUMIFS matches (the
# value after a whole-column range: a fiscal year, a person number);
# columns that label a row (name, year, role) are left out. (sheet,
# 0-based columns of labels)
LIVE_SHEETS = [("Summary Compensation", (0, 1)), ("Pay vs Performance", (0,)),
               ("CAP by Person", (0, 1, 2)), ("Equity Awards at FYE", (0,)),
               ("Exercises and Vesting", (0,)), ("Plan-Based Awards", (0,))]

LITERAL = re.compile(r"(?<![A-Za-z_$!:.0-9])(\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![A-Za-z_(0-9])")


def money_literals(formula):
    """The numbers of a formula that are not an integer from 0 to 100
    (text in quotes and cell references left out)."""
    body = re.sub(r'"[^"]*"', '""', formula)
    body = re.sub(r"'[^']*'!", "S!", body)
    # A SUMIFS criterion (the value after a whole-column range) is a key:
    # a fiscal year, a person number.
    body = re.sub(r"(!?\$?[A-Z]+:\$?[A-Z]+),-?\d+(?=[,)])", r"\1,KEY", body)
    found = []
    for m in LITERAL.finditer(body):
        text = m.group(0)
        if "." in text or "e" in text.lower() or int(text) > 100:
            found.append(text)
    return found


def check_no_typed_figures(book, problems):
    """No typed figure (above) in CAP by Person, Summary Compensation, Pay vs
    Performance and the equity award tables; returns the cells looked at."""
    count = 0
    for sheet, labels in LIVE_SHEETS:
        if sheet not in book.formulas.sheetnames:
            continue
        ws = book.formulas[sheet]
        for row in ws.iter_rows(min_row=6):
            for c in row:
                if c.column - 1 in labels:
                    continue
                v = c.value
                if isinstance(v, str) and v.startswith("="):
                    count += 1
                    lits = money_literals(v)
                    if lits:
                        problems.append("%s!%s: the formula %s holds the figure %s" % (
                            sheet, c.coordinate, v, lits[0]))
                elif isinstance(v, (int, float)) and not isinstance(v, bool) and v != 0:
                    count += 1
                    problems.append("%s!%s: the figure %r is typed in" % (sheet, c.coordinate, v))
    return count


# The model inputs each stored once, on its input sheet, and referred to:
# (sheet, column title, input sheet, rows it applies to: a regular
# expression their Source must match, or None for every row).
INPUT_REFERENCES = [
    ("Award Valuations", "Volatility", "Assumptions", None),
    ("Award Valuations", "Risk-Free Rate", "Assumptions", None),
    ("Award Valuations", "Dividend Yield", "Assumptions", r"assumptions\.csv line"),
    ("Award Valuations", "Exercise Price", "Award Terms", None),
    ("Award Valuations", "Probable Outcome", "Outcomes", r"outcomes\.csv line"),
    ("Equity Award Detail", "Exercise Price", "Award Terms", None),
    ("Equity Award Detail", "Probable Outcome", "Outcomes", r"outcomes\.csv line"),
    ("Cash and FX", "Rate", "Exchange Rates", None),
    # performance.csv's figures; the company-selected measure follows net
    # income (check_performance_refs).
    ("Pay vs Performance", "Net Income", "Performance", None),
    # (given in performance.csv, or computed on Peer Group TSR)
    ("Pay vs Performance", "Peer Group", ("Performance", "Peer Group TSR"), None),
]

# Each input sheet: the columns whose values name one input once.
INPUT_KEYS = [("Assumptions", ("assumptions.csv Line",)), ("Outcomes", ("outcomes.csv Line",)),
              ("Award Terms", ("Award ID",)), ("Exchange Rates", ("Currency", "Fiscal Year", "Rate Date")),
              ("Performance", ("Fiscal Year",)), ("Performance", ("performance.csv Line",))]


def check_inputs_once(book, problems):
    """Each assumption, outcome, award's terms and exchange rate is on its
    input sheet once, and the sheets that use one refer to it (SPEC 9: one
    cell per fact): no volatility, rate, yield, exercise price, outcome or
    exchange rate typed on Award Valuations, Equity Award Detail or Cash
    and FX. Returns the references found."""
    count = 0
    for sheet, keys in INPUT_KEYS:
        if sheet not in book.formulas.sheetnames:
            problems.append("no %s sheet" % sheet)
            continue
        ws = book.formulas[sheet]
        cols = [column_of(ws, k) for k in keys]
        if cols[0][0] is None:  # headers in Chinese (--labels)
            continue
        hrow = cols[0][0]
        seen = set()
        for row in ws.iter_rows(min_row=hrow + 1):
            key = tuple(row[c].value for _, c in cols)
            if key[0] is None or key[0] == "":
                break
            if key in seen:
                problems.append("%s: %r on more than one row" % (sheet, key))
            seen.add(key)
    for sheet, title, source, rows in INPUT_REFERENCES:
        if sheet not in book.formulas.sheetnames:
            continue
        ws = book.formulas[sheet]
        hrow, col = column_of(ws, title)
        _, src_col = column_of(ws, "Source")
        if hrow is None:
            continue
        want = re.compile(rows) if rows else None
        for row in ws.iter_rows(min_row=hrow + 1):
            c = row[col] if col < len(row) else None
            if c is None or c.value is None or c.value == "":
                continue
            if want is not None:
                text = row[src_col].value if src_col is not None and src_col < len(row) else None
                if not (isinstance(text, str) and want.search(text)):
                    continue
            if sheet == "Cash and FX" and c.value == 1:
                continue  # a US dollar amount: no rate to look up
            if isinstance(c.value, str) and c.value.startswith("="):
                # A reference, or a peer group TSR rounded to the cent.
                sources = source if isinstance(source, tuple) else (source,)
                if not any(re.match(r"=(ROUND\()?'%s'!" % re.escape(name), c.value)
                           for name in sources):
                    problems.append("%s!%s %s is not a cell of %s" % (sheet, c.coordinate,
                                                                      c.value, source))
                count += 1
            elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                problems.append("%s!%s: %s %r is typed in, not a cell of %s" % (
                    sheet, c.coordinate, title, c.value, source))
    return count + check_performance_refs(book, problems)


def check_performance_refs(book, problems):
    """The company-selected measure of Pay vs Performance (the column after
    net income, titled with the measure's name) refers to Performance."""
    if "Pay vs Performance" not in book.formulas.sheetnames:
        return 0
    ws = book.formulas["Pay vs Performance"]
    hrow, col = column_of(ws, "Net Income")
    if hrow is None:
        return 0
    title = ws.cell(row=hrow, column=col + 2).value
    if not isinstance(title, str) or not title:
        return 0  # no measure (a smaller reporting company)
    count = 0
    for row in ws.iter_rows(min_row=hrow + 1):
        year = row[0].value
        if not isinstance(year, int):
            break
        c = row[col + 1]
        if isinstance(c.value, str) and c.value.startswith("="):
            if not c.value.startswith("='Performance'!"):
                problems.append("Pay vs Performance!%s %s is not a cell of Performance" % (
                    c.coordinate, c.value))
            count += 1
        elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
            problems.append("Pay vs Performance!%s: %s %r is typed in, not a cell of "
                            "Performance" % (c.coordinate, title, c.value))
    return count


def check_sources(book, problems):
    """Every Award Valuations row names the input lines it comes from
    (SPEC 9): its Source cell is not empty."""
    if "Award Valuations" not in book.formulas.sheetnames:
        return 0
    ws = book.formulas["Award Valuations"]
    hrow, id_col = column_of(ws, "Award ID")
    _, source_col = column_of(ws, "Source")
    if hrow is None:  # headers in Chinese (--labels)
        return 0
    if source_col is None:
        problems.append("Award Valuations: no Source column")
        return 0
    count = 0
    for row in ws.iter_rows(min_row=hrow + 1):
        if not isinstance(row[id_col].value, str):
            break
        count += 1
        if not row[source_col].value:
            problems.append("Award Valuations!%s: %s has no source" % (
                row[source_col].coordinate, row[id_col].value))
    return count


EQUITY_SHEETS = [  # (sheet, report.json list, [(words in the header, key)]); first match wins
    ("Equity Awards at FYE", "outstanding_equity_awards", [
        ("(#) Exercisable", "options_exercisable"), ("(#) Unexercisable", "options_unexercisable"),
        ("Unearned Options", "options_unearned"), ("Exercise Price", "exercise_price"),
        ("Market Value of Shares or Units", "stock_unvested_value"),
        ("Number of Shares or Units", "stock_unvested"),
        ("Market or Payout Value", "stock_unearned_value"),
        ("Number of Unearned Shares", "stock_unearned")]),
    ("Exercises and Vesting", "exercises_and_vesting", [
        ("Acquired on Exercise", "options_exercised"), ("Realized on Exercise", "exercise_value"),
        ("Acquired on Vesting", "stock_vested"), ("Realized on Vesting", "vesting_value")]),
    ("Plan-Based Awards", "plan_based_awards", [
        ("Non-Equity Incentive Plan Awards: Threshold", "threshold"),
        ("Non-Equity Incentive Plan Awards: Target", "target"),
        ("Non-Equity Incentive Plan Awards: Maximum", "maximum"),
        ("Threshold (#)", "threshold_shares"), ("Target (#)", "target_shares"),
        ("Maximum (#)", "maximum_shares"), ("Number of Shares of Stock", "other_stock_shares"),
        ("Securities Underlying Options", "other_option_shares"),
        ("Exercise or Base Price", "exercise_price"),
        ("Grant Date Fair Value", "grant_date_fair_value")]),
]


def whole_dollars(x):
    """A report.json amount as the disclosure tables show it: rounded to the
    dollar, half away from zero."""
    return int(decimal.Decimal(repr(x)).quantize(decimal.Decimal(1), decimal.ROUND_HALF_UP))


def per_person(entries, keys):
    """Option Exercises and Stock Vested shows one row per person (Item
    402(g)): report.json's entries of a person (one per award, each the sum
    of its exercises or vestings) summed, in their order, the cents exact
    until the sheet rounds the total to the dollar."""
    people = []
    for e in entries:
        if not people or people[-1]["person_id"] != e["person_id"]:
            people.append({"person_id": e["person_id"],
                           "award_id": "person " + e["person_id"]})
            people[-1].update({k: decimal.Decimal(0) for k in keys})
        for k in keys:
            people[-1][k] += decimal.Decimal(repr(e.get(k) or 0))
    ids = [p["person_id"] for p in people]
    if len(set(ids)) != len(ids):
        raise AssertionError("exercises_and_vesting: a person's awards are not together: %r"
                             % ids)
    for p in people:
        for k in keys:
            p[k] = float(p[k]) if p[k] != p[k].to_integral_value() else int(p[k])
    return people


def with_plan_targets(report, year, entries):
    """Grants of Plan-Based Awards shows each person's non-equity incentive
    plan awards (report.json's non_equity_plan_awards) before their equity
    awards, person by person in the SCT's order. A non-equity row has no
    equity figure (None: an em dash) and an equity row no plan level."""
    plans = [e for e in report.get("non_equity_plan_awards", []) if e["year"] == year]
    people = [r["person_id"] for r in report["summary_compensation_table"] if r["year"] == year]
    merged = []
    for pid in people:
        for e in plans:
            if e["person_id"] == pid:
                merged.append(dict(e, award_id="plan " + e["plan"]))
        merged.extend(e for e in entries if e["person_id"] == pid)
    if len(merged) != len(entries) + len(plans):
        raise AssertionError("plan_based_awards: rows of people not in the SCT of %s" % year)
    return merged


def compare_equity(book, report, problems):
    """The equity award tables of the last covered year, row by row in
    report.json's order: each figure (an em dash for nil) against the entry,
    as LibreOffice computes it."""
    count = 0
    year = max(report["years"]) if report.get("years") else None
    for sheet, key, table in EQUITY_SHEETS:
        if sheet not in book.calc.sheetnames:
            continue
        ws = book.calc[sheet]
        hrow, cols = header_map(ws, table, "Name")
        if hrow is None:
            problems.append("%s: no header row" % sheet)
            continue
        entries = [e for e in report.get(key, []) if e["year"] == year]
        if key == "exercises_and_vesting":
            entries = per_person(entries, [k for _, k in table])
        if key == "plan_based_awards":
            entries = with_plan_targets(report, year, entries)
        rows = list(ws.iter_rows(min_row=hrow + 1, max_row=hrow + len(entries)))
        for entry, row in zip(entries, rows):
            for col, item in cols.items():
                got, want = row[col].value, entry.get(item)
                where = "%s!%s (%s %s)" % (sheet, row[col].coordinate, entry["award_id"], item)
                count += 1
                if want in (None, 0):
                    if got not in (None, "", "\u2014", 0):
                        problems.append("%s: workbook %r, report.json %r" % (where, got, want))
                elif item == "exercise_price":
                    if not isinstance(got, (int, float)) or not close(got, want):
                        problems.append("%s: workbook %r, report.json %r" % (where, got, want))
                elif not isinstance(got, (int, float)) or got != whole_dollars(want):
                    problems.append("%s: workbook %r, report.json %r" % (where, got, want))
        if len(rows) != len(entries) or (entries and rows[-1][0].row != hrow + len(entries)):
            problems.append("%s: %d rows for %d entries of %s" % (sheet, len(rows), len(entries),
                                                                 key))
    return count


def compare_figures(book, report, problems):
    return (compare_sct(book, report, problems)
            + compare_cap_rows(book, "CAP by Person", report, problems)
            + compare_cap_disclosure(book, report, problems)
            + compare_pvp(book, report, problems) + compare_tsr(book, report, problems)
            + compare_equity(book, report, problems))


def check(pairs, figures_too=True):
    work = tempfile.mkdtemp(prefix="pc-recalc-")
    problems, lines = [], []
    try:
        # Copies under distinct names: every test writes report.xlsx.
        books = []
        for i, (xlsx, _) in enumerate(pairs):
            copy = os.path.join(work, "book%d.xlsx" % i)
            shutil.copyfile(xlsx, copy)
            books.append(copy)
        outdir = os.path.join(work, "recalculated")
        os.makedirs(outdir)
        recalculated = recalc(books, outdir)
        for (xlsx, report_path), copy, calc in zip(pairs, books, recalculated):
            with open(report_path, encoding="utf-8") as f:
                report = json.load(f)
            book = Book(copy, calc)
            before = len(problems)
            formulas = compare_formulas(book, problems)
            check_disclosure_words(book, problems)
            check_checks_sheet(book, problems)
            # CAP by Person: Fiscal Year, Executive, Role, then the lines.
            check_live(book, "CAP by Person", 3, problems)
            # SCT All Years: Executive, Year, then the figures.
            check_live(book, "SCT All Years", 2, problems)
            check_sources(book, problems)
            check_prices_once(book, problems)
            check_inputs_once(book, problems)
            check_no_typed_figures(book, problems)
            if check_links(book, problems) == 0:
                problems.append("%s: no disclosure figure to link" % xlsx)
            figures = compare_figures(book, report, problems) if figures_too else 0
            if formulas == 0:
                problems.append("%s: no formula cell at all" % xlsx)
            if figures == 0 and figures_too:
                problems.append("%s: no figure found to compare with report.json" % xlsx)
            for p in problems[before:]:
                lines.append("%s: %s" % (xlsx, p))
            print("%s: %d formula cells recalculated, %d figures against report.json, "
                  "%d differences" % (xlsx, formulas, figures, len(problems) - before))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for line in lines:
        print(line)
    return 1 if problems else 0


# ------------------------------------------------------------ scenarios.xlsx

CAP_KEYS = ["sct_total", "less_equity_awards", "less_pension", "plus_pension_service",
            "plus_pension_prior_service", "fye_fv_granted_in_year", "change_fv_prior_unvested",
            "fv_at_vest_granted_in_year", "change_fv_prior_vested", "less_fv_forfeited",
            "dividends", "cap"]
FAIR_VALUE_KEYS = CAP_KEYS[5:10]
SCT_KEYS = CAP_KEYS[0:5] + ["dividends"]
PENSION_KEYS = CAP_KEYS[2:5]
FIRST_SCENARIO_ROW = 5  # the Scenarios sheet's first scenario row (1-based)
FIRST_LINE_ROW = 4      # CAP Lines' first row (1-based)


def scenario_rows(book, index):
    """CAP Lines rows (1-based) of scenario `index` (0-based): the rows whose
    price cell links to that scenario's price cell."""
    ws = book.formulas["CAP Lines"]
    link = "=Scenarios!$A$%d" % (FIRST_SCENARIO_ROW + index)
    return [r for r in range(FIRST_LINE_ROW, ws.max_row + 1) if ws.cell(r, 1).value == link]


def compare_scenario(book, index, scenario, problems, live=True):
    """One scenario's CAP Lines and Scenarios CAP, recalculated, against its
    scenarios.json entry; returns the figures compared."""
    count = 0
    # Scenario N's contribution column on Valuations: after the 38 columns
    # of Award Valuations, two a scenario (value per share, contribution).
    own = "'Valuations'!$%s:" % openpyxl.utils.get_column_letter(38 + 2 * index + 2)
    smaller = book.formulas["CAP Lines"].cell(FIRST_LINE_ROW, 6).value == 0
    rows = scenario_rows(book, index)
    entries = scenario["cap_reconciliation"]
    calc, formulas = book.calc["CAP Lines"], book.formulas["CAP Lines"]
    if len(rows) != len(entries):
        problems.append("CAP Lines: %d rows of scenario %d for %d reconciliations" % (
            len(rows), index + 1, len(entries)))
        return 0
    for r, entry in zip(rows, entries):
        if list(entry["lines"]) != CAP_KEYS:
            problems.append("scenarios.json: lines %r" % list(entry["lines"]))
            return count
        for k, key in enumerate(CAP_KEYS):
            where = "CAP Lines!%s%d (%s, %s)" % (openpyxl.utils.get_column_letter(3 + k), r,
                                                entry["subject"], key)
            expect_money(problems, where, calc.cell(r, 3 + k).value, entry["lines"][key])
            count += 1
            f = formulas.cell(r, 3 + k).value
            formula = isinstance(f, str) and f.startswith("=")
            average = formula and "AVERAGE(" in f
            if live and key in FAIR_VALUE_KEYS and not (average or (
                    formula and "'Valuations'!$AF:$AF" in f and own in f)):
                problems.append("%s is not a formula over the Contribution column and "
                                "scenario %d's column %s of Valuations: %r" % (
                                    where, index + 1, own, f))
            # The lines of SCT origin: a link to SCT Figures (the pension
            # lines of a smaller reporting company are 0, figures).
            if key in SCT_KEYS and not (average or (formula and "'SCT Figures'!" in f) or (
                    smaller and key in PENSION_KEYS and f == 0)):
                problems.append("%s is not a formula over SCT Figures: %r" % (where, f))
    sheet = book.calc["Scenarios"]
    row = FIRST_SCENARIO_ROW + index
    for k, peo in enumerate(scenario["peo"]):
        expect_money(problems, "Scenarios!row %d PEO %d CAP" % (row, k + 1),
                     sheet.cell(row, 3 + 2 * k).value, peo["cap"])
        expect_money(problems, "Scenarios!row %d PEO %d SCT total" % (row, k + 1),
                     sheet.cell(row, 4 + 2 * k).value, peo["sct_total"])
        f = book.formulas["Scenarios"].cell(row, 4 + 2 * k).value
        if not (isinstance(f, str) and f.startswith("='SCT Figures'!")):
            problems.append("Scenarios!row %d PEO %d SCT total is not a link to SCT Figures: %r"
                            % (row, k + 1, f))
        count += 2
    return count



def column_of(ws, title, hrow=None):
    """(header row, 0-based column) of the first header cell whose text
    starts with `title`."""
    for row in ws.iter_rows(max_row=min(ws.max_row, 40)):
        for c in row:
            if isinstance(c.value, str) and c.value.startswith(title):
                return c.row, c.column - 1
    return None, None


def edit_rate(book, currency, year, rate, problems):
    """Sets the rate of `currency` for fiscal `year` on Exchange Rates; the
    Cash and FX rows it converts reference it."""
    rates = book["Exchange Rates"]
    hrow, cur_col = column_of(rates, "Currency")
    _, year_col = column_of(rates, "Fiscal Year")
    _, rate_col = column_of(rates, "Units per USD")
    edited = 0
    for row in rates.iter_rows(min_row=hrow + 1):
        if row[cur_col].value == currency and row[year_col].value == int(year):
            row[rate_col].value = float(rate)
            edited += 1
    if edited != 1:
        problems.append("Exchange Rates: %d rows of %s %s" % (edited, currency, year))


def edit_cash(book, line, amount, problems):
    """Sets the Amount of the Cash and FX row of cash.csv line `line`."""
    cash = book["Cash and FX"]
    hrow, line_col = column_of(cash, "cash.csv Line")
    _, amount_col = column_of(cash, "Amount")
    edited = 0
    for row in cash.iter_rows(min_row=hrow + 1):
        if row[line_col].value == int(line):
            row[amount_col].value = float(amount)
            edited += 1
    if edited != 1:
        problems.append("Cash and FX: %d rows of cash.csv line %s" % (edited, line))


def edit_fair_value(book, award, tranche, date, fv, problems):
    """Sets the Fair Value per Share of every Award Valuations row of
    `award`, `tranche` valued on `date` (YYYY-MM-DD)."""
    vals = book["Award Valuations"]
    hrow, id_col = column_of(vals, "Award ID")
    _, tranche_col = column_of(vals, "Tranche")
    _, date_col = column_of(vals, "Valuation Date")
    _, fv_col = column_of(vals, "Fair Value per Share")
    edited = 0
    for row in vals.iter_rows(min_row=hrow + 1):
        d = row[date_col].value
        if (row[id_col].value == award and row[tranche_col].value == int(tranche)
                and d is not None and d.strftime("%Y-%m-%d") == date):
            if isinstance(row[fv_col].value, str):
                problems.append("Award Valuations!%s is a formula" % row[fv_col].coordinate)
            row[fv_col].value = float(fv)
            edited += 1
    if edited == 0:
        problems.append("Award Valuations: no row of %s tranche %s on %s" % (award, tranche, date))


def edit_volatility(book, line, volatility, problems):
    """Sets the volatility of assumptions.csv line `line` on Assumptions,
    once; the Black-Scholes rows of Award Valuations that name that line
    refer to it (a Monte Carlo value is typed and would not move)."""
    sheet = book["Assumptions"]
    hrow, line_col = column_of(sheet, "assumptions.csv Line")
    _, vol_col = column_of(sheet, "Volatility")
    edited = 0
    for row in sheet.iter_rows(min_row=hrow + 1):
        if row[line_col].value == int(line):
            row[vol_col].value = float(volatility)
            edited += 1
    if edited != 1:
        problems.append("Assumptions: %d rows of assumptions.csv line %s" % (edited, line))
    vals = book["Award Valuations"]
    hrow, source_col = column_of(vals, "Source")
    _, vol_col = column_of(vals, "Volatility")
    _, method_col = column_of(vals, "Method")
    want = re.compile(r"\bassumptions\.csv line %d\b" % int(line))
    used = 0
    for row in vals.iter_rows(min_row=hrow + 1):
        source = row[source_col].value
        if not (isinstance(source, str) and want.search(source)):
            continue
        if row[method_col].value == "Monte Carlo simulation":
            problems.append("Award Valuations row %d: a Monte Carlo value of assumptions.csv "
                            "line %s" % (row[0].row, line))
        if isinstance(row[vol_col].value, str) and row[vol_col].value.startswith("='Assumptions'!"):
            used += 1
    if used == 0:
        problems.append("Award Valuations: no volatility refers to assumptions.csv line %s" % line)


def edit_price(book, date, close, problems):
    """Sets the close of `date` (YYYY-MM-DD) on Prices."""
    prices = book["Prices"]
    hrow, date_col = column_of(prices, "Date")
    _, close_col = column_of(prices, "Closing Price")
    edited = 0
    for row in prices.iter_rows(min_row=hrow + 1):
        d = row[date_col].value
        if hasattr(d, "strftime") and d.strftime("%Y-%m-%d") == date:
            row[close_col].value = float(close)
            edited += 1
    if edited != 1:
        problems.append("Prices: %d rows of %s" % (edited, date))


def apply_edit(book, spec, problems):
    """One edit of the `edits` command: cash:LINE=AMOUNT,
    rate:CURRENCY:YEAR=RATE or fv:AWARD:TRANCHE:DATE=FV."""
    what, _, value = spec.partition("=")
    parts = what.split(":")
    if parts[0] == "cash" and len(parts) == 2:
        edit_cash(book, parts[1], value, problems)
    elif parts[0] == "rate" and len(parts) == 3:
        edit_rate(book, parts[1], parts[2], value, problems)
    elif parts[0] == "price" and len(parts) == 2:
        edit_price(book, parts[1], value, problems)
    elif parts[0] == "vol" and len(parts) == 2:
        edit_volatility(book, parts[1], value, problems)
    elif parts[0] == "fv" and len(parts) == 4:
        edit_fair_value(book, parts[1], parts[2], parts[3], value, problems)
    else:
        sys.stderr.write("xlsx_recalc: unknown edit %r\n" % spec)
        sys.exit(2)


def edits(src, report_path, specs):
    """The edit test: the edits made in a copy of the workbook, which
    LibreOffice recalculates; its figures must agree with report_path."""
    work = tempfile.mkdtemp(prefix="pc-edit-")
    problems = []
    try:
        book = openpyxl.load_workbook(src)
        for spec in specs:
            apply_edit(book, spec, problems)
        copy = os.path.join(work, "edited.xlsx")
        book.save(copy)
        outdir = os.path.join(work, "recalculated")
        os.makedirs(outdir)
        calc = recalc([copy], outdir)[0]
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        edited = Book(copy, calc)
        figures = compare_figures(edited, report, problems)
        check_inputs_once(edited, problems)
        check_no_typed_figures(edited, problems)
        if figures == 0:
            problems.append("no figure found to compare with report.json")
        print("%s edited: %d figures against report.json, %d differences" % (
            src, figures, len(problems)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print(p)
    return 1 if problems else 0


def edit(src, report_path, line, amount, award, tranche, date, fv, currency=None, year=None,
         rate=None):
    specs = ["cash:%s=%s" % (line, amount), "fv:%s:%s:%s=%s" % (award, tranche, date, fv)]
    if currency is not None:
        specs.append("rate:%s:%s=%s" % (currency, year, rate))
    return edits(src, report_path, specs)


def stale(src, dst, sheet):
    """Copies src to dst with the first stored formula value of `sheet`
    raised by one; returns that cell's address."""
    book = openpyxl.load_workbook(src, read_only=True)
    index = book.sheetnames.index(sheet) + 1
    part = "xl/worksheets/sheet%d.xml" % index
    cell = re.compile(r'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f><v>)([-0-9.Ee+]+)(</v>)')
    changed = []

    def bump(m):
        if changed:
            return m.group(0)
        changed.append(m.group(2))
        return m.group(1) + repr(float(m.group(3)) + 1) + m.group(4)

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                data = cell.sub(bump, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    if not changed:
        sys.stderr.write("xlsx_recalc: %s has no stored formula value\n" % sheet)
        sys.exit(2)
    print(changed[0])
    return 0


def groups(src, sheet, titles):
    """Prints each distinct key of the data rows of `sheet` (the values in
    the columns titled `titles`, from the row under their header to the
    first row with no key) and how many rows have it, in order of their
    first row: "key key count"."""
    ws = openpyxl.load_workbook(src, read_only=True)[sheet]
    hrow, cols = None, []
    for t in titles:
        hrow, col = column_of(ws, t)
        if col is None:
            sys.stderr.write("xlsx_recalc: %s has no column %s\n" % (sheet, t))
            return 2
        cols.append(col)
    counts = {}
    for row in ws.iter_rows(min_row=hrow + 1, values_only=True):
        key = tuple(row[c] if c < len(row) else None for c in cols)
        if any(k is None or k == "" for k in key):
            break
        counts[key] = counts.get(key, 0) + 1
    for key, n in counts.items():
        print(" ".join("%g" % k if isinstance(k, float) else str(k) for k in key), n)
    return 0


def check_scenarios(src, json_path):
    work = tempfile.mkdtemp(prefix="pc-recalc-")
    problems = []
    try:
        copy = os.path.join(work, "scenarios.xlsx")
        shutil.copyfile(src, copy)
        outdir = os.path.join(work, "recalculated")
        os.makedirs(outdir)
        calc = recalc([copy], outdir)[0]
        with open(json_path, encoding="utf-8") as f:
            report = json.load(f)
        book = Book(copy, calc)
        formulas = compare_formulas(book, problems)
        figures = 0
        for i, scenario in enumerate(report["scenarios"]):
            figures += compare_scenario(book, i, scenario, problems)
        if formulas == 0 or figures == 0:
            problems.append("no formula or no figure to compare")
        print("%s: %d formula cells recalculated, %d figures against %s, %d differences" % (
            src, formulas, figures, json_path, len(problems)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print(p)
    return 1 if problems else 0


def scenario_price(src, n, price, json_path):
    work = tempfile.mkdtemp(prefix="pc-edit-")
    problems = []
    try:
        index = int(n) - 1
        book = openpyxl.load_workbook(src)
        book["Scenarios"].cell(FIRST_SCENARIO_ROW + index, 1).value = float(price)
        copy = os.path.join(work, "edited.xlsx")
        book.save(copy)
        outdir = os.path.join(work, "recalculated")
        os.makedirs(outdir)
        calc = recalc([copy], outdir)[0]
        with open(json_path, encoding="utf-8") as f:
            report = json.load(f)
        match = [s for s in report["scenarios"]
                 if decimal.Decimal(str(s["year_end_price"])) == decimal.Decimal(price)]
        figures = 0
        if len(match) != 1:
            problems.append("%s has no scenario at %s" % (json_path, price))
        else:
            figures = compare_scenario(Book(copy, calc), index, match[0], problems, live=False)
        print("%s, scenario %s at %s: %d figures against %s, %d differences" % (
            src, n, price, figures, json_path, len(problems)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print(p)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "scenarios":
        return check_scenarios(argv[2], argv[3])
    if len(argv) == 6 and argv[1] == "scenario-price":
        return scenario_price(*argv[2:])
    if len(argv) >= 5 and argv[1:3] == ["check", "--no-figures"] and len(argv) % 2 == 1:
        return check(list(zip(argv[3::2], argv[4::2])), figures_too=False)
    if len(argv) == 3 and argv[1] in ("text", "all-text"):
        book = openpyxl.load_workbook(argv[2])
        for name in DISCLOSURE if argv[1] == "text" else book.sheetnames:
            if name in book.sheetnames:
                for row in book[name].iter_rows():
                    for c in row:
                        if isinstance(c.value, str) and not c.value.startswith("="):
                            print(c.value)
                if argv[1] == "all-text":
                    print(book[name].oddFooter.right.text or "")
        return 0
    if len(argv) >= 4 and argv[1] == "groups":
        return groups(argv[2], argv[3], argv[4:])
    if len(argv) == 4 and argv[1] == "columns":
        ws = openpyxl.load_workbook(argv[2])[argv[3]]
        for c in range(1, ws.max_column + 1):
            letter = openpyxl.utils.get_column_letter(c)
            width = ws.column_dimensions[letter].width or 8.43
            title = ws.cell(row=5, column=c).value
            print("%.2f %s" % (width, str(title or "").replace("\n", "|")))
        return 0
    if len(argv) == 4 and argv[1] == "last-row":
        print(openpyxl.load_workbook(argv[2])[argv[3]].max_row)
        return 0
    if len(argv) in (10, 13) and argv[1] == "edit":
        return edit(*argv[2:])
    if len(argv) >= 5 and argv[1] == "edits":
        return edits(argv[2], argv[3], argv[4:])
    if len(argv) == 5 and argv[1] == "stale":
        return stale(argv[2], argv[3], argv[4])
    if len(argv) >= 3 and argv[1] == "check" and len(argv) % 2 == 0:
        pairs = list(zip(argv[2::2], argv[3::2]))
        return check(pairs)
    if len(argv) >= 4 and argv[1] == "recalc":
        recalc(argv[3:], argv[2])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
