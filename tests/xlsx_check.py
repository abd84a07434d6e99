#!/usr/bin/python3
"""Reads a report.xlsx back with openpyxl and checks it against the figures
the test expects (a JSON file written by tests/test_xlsx.c from the same
in-memory report the workbook was written from).

Usage: /usr/bin/python3 xlsx_check.py REPORT.xlsx EXPECTED.json

It checks what a reader relies on: sheet names and order; that every total,
CAP and average is a live formula whose stored value is the engine's exact
figure and whose formula, evaluated over the stored values of the cells it
names, gives that figure again; that text from the inputs is text (never a
formula); charts; number formats; frozen headers; fixed timestamps; the
print setup (landscape, fitted, header row repeated, footer), footnotes
merged across the table and wrapped in rows tall enough, headers whose words
fit their columns, rows tall enough for wrapped cells; the Checks legend.
Rows are found by their labels (year, name), not by position, so the test
does not depend on the layout beyond what a reader sees.

Exit status 0 when everything holds; otherwise 1, with one line per problem.
"""

import json
import re
import sys
import zipfile
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

problems = []


def fail(msg):
    problems.append(msg)


# ---------------------------------------------------------------- formulas

TOKEN = re.compile(
    r"\s*(?:(?P<fn>[A-Z]+)\("
    r"|(?P<ref>(?:'(?P<qs>[^']+)'!|(?P<us>[A-Za-z_][A-Za-z0-9_]*)!)?"
    r"\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d+))?)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<op>[-+*/(),]))"
)


def excel_round(x, n):
    """Excel's ROUND: half away from zero on the decimal the cell shows."""
    q = Decimal(1).scaleb(-int(n))
    d = Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)
    return float(d)


class Formula:
    """A tiny evaluator for the formulas the writer uses: + - * /, cell
    references (sheet-qualified or not), ranges, SUM, AVERAGE, ROUND."""

    def __init__(self, text, sheet, values):
        if not text.startswith("="):
            raise ValueError("not a formula: %r" % text)
        self.tokens = []
        pos, body = 0, text[1:]
        while pos < len(body):
            m = TOKEN.match(body, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot read formula %r at %d" % (text, pos))
            self.tokens.append(m)
            pos = m.end()
        self.i = 0
        self.sheet = sheet
        self.values = values
        self.cells = []  # (sheet, row, col) of every cell read

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take_op(self, ch):
        t = self.peek()
        if t is not None and t.group("op") == ch:
            self.i += 1
            return True
        return False

    def cell(self, sheet, col, row):
        self.cells.append((sheet, row, col))
        v = self.values[sheet].cell(row=row, column=col).value
        return v

    def ref(self, m):
        sheet = m.group("qs") or m.group("us") or self.sheet
        c1, r1 = column_index_from_string(m.group("c1")), int(m.group("r1"))
        if m.group("c2") is None:
            return self.cell(sheet, c1, r1)
        c2, r2 = column_index_from_string(m.group("c2")), int(m.group("r2"))
        return [self.cell(sheet, c, r) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def args(self):
        out = []
        if self.take_op(")"):
            return out
        while True:
            out.append(self.expr(allow_range=True))
            if self.take_op(")"):
                return out
            if not self.take_op(","):
                raise ValueError("expected , or )")

    def factor(self, allow_range=False):
        t = self.peek()
        if t is None:
            raise ValueError("formula ends too early")
        self.i += 1
        if t.group("op") == "-":
            return -self.factor()
        if t.group("op") == "(":
            v = self.expr()
            if not self.take_op(")"):
                raise ValueError("expected )")
            return v
        if t.group("num"):
            return float(t.group("num"))
        if t.group("ref"):
            v = self.ref(t)
            if isinstance(v, list) and not allow_range:
                raise ValueError("range outside a function")
            return v
        if t.group("fn"):
            name, args = t.group("fn"), self.args()
            flat = []
            for a in args:
                flat.extend(a if isinstance(a, list) else [a])
            nums = [x for x in flat if isinstance(x, (int, float))]
            if name == "SUM":
                return float(sum(nums))
            if name == "AVERAGE":
                return float(sum(nums)) / len(nums)
            if name == "ROUND":
                return excel_round(args[0], args[1])
            raise ValueError("unknown function " + name)
        raise ValueError("unexpected token %r" % t.group(0))

    def term(self, allow_range=False):
        v = self.factor(allow_range)
        while True:
            if self.take_op("*"):
                v = v * self.factor()
            elif self.take_op("/"):
                v = v / self.factor()
            else:
                return v

    def expr(self, allow_range=False):
        v = self.term(allow_range)
        while True:
            if self.take_op("+"):
                v = v + self.term()
            elif self.take_op("-"):
                v = v - self.term()
            else:
                return v

    def evaluate(self):
        v = self.expr()
        if self.i != len(self.tokens):
            raise ValueError("unread tokens")
        return v


# ------------------------------------------------------------------ helpers


class Book:
    def __init__(self, path):
        self.f = openpyxl.load_workbook(path, data_only=False)  # formulas
        self.v = openpyxl.load_workbook(path, data_only=True)  # stored values

    def formula_cell(self, sheet, row, col, expected, what, prefix=None):
        """A formula cell whose stored value is `expected` and whose formula
        gives it again. Returns the evaluator (for the cells it read)."""
        fc = self.f[sheet].cell(row=row, column=col)
        stored = self.v[sheet].cell(row=row, column=col).value
        where = "%s!%s%d (%s)" % (sheet, get_column_letter(col), row, what)
        if fc.data_type != "f" or not isinstance(fc.value, str):
            fail("%s: expected a formula, found %r" % (where, fc.value))
            return None
        if prefix and not fc.value.startswith(prefix):
            fail("%s: formula %r does not start with %r" % (where, fc.value, prefix))
        if stored != expected:
            fail("%s: stored value %r, expected %r" % (where, stored, expected))
        try:
            ev = Formula(fc.value, sheet, self.v)
            got = ev.evaluate()
        except (ValueError, TypeError, KeyError, ZeroDivisionError) as e:
            fail("%s: cannot evaluate %r: %s" % (where, fc.value, e))
            return None
        # Sums of cent amounts in binary floating point are off by far less
        # than a cent; a twentieth of a cent tells a wrong cell from that.
        if abs(got - expected) > 0.0005:
            fail("%s: %r evaluates to %r, expected %r" % (where, fc.value, got, expected))
        return ev

    def number_cell(self, sheet, row, col, expected, what):
        v = self.v[sheet].cell(row=row, column=col).value
        if v != expected:
            fail("%s!%s%d (%s): %r, expected %r" % (sheet, get_column_letter(col), row, what, v, expected))


def header_row(ws, first_label, col=1):
    for row in range(1, 40):
        if ws.cell(row=row, column=col).value == first_label:
            return row
    return None


# A footnote marker as the proxy tables print it after a title: "Salary ($)(1)".
MARKER = re.compile(r"\s*\((\d+)\)$")


def strip_marker(title):
    """A column title without its trailing footnote marker ("Net Income ($)
    (6)" is looked up as "Net Income ($)"): marker numbers follow the
    footnotes that apply to the data, the title stays the same."""
    return MARKER.sub("", title) if isinstance(title, str) else title


def marker_of(title):
    """The footnote number a title carries, or None."""
    m = MARKER.search(title) if isinstance(title, str) else None
    return int(m.group(1)) if m else None


def headers(ws, row):
    out = {}
    for c in range(1, ws.max_column + 1):
        v = ws.cell(row=row, column=c).value
        if isinstance(v, str):
            out[strip_marker(v)] = c
    return out


def footnote_markers(ws, header_row):
    """({marker: [cells]} of the titles in the table, {number: cell} of the
    footnotes under it) of a proxy table sheet. Titles are the header row
    and the block labels of column A; footnotes are the column A cells that
    start with "(n) "; a table cell is any above the first footnote."""
    notes, marks = {}, {}
    first_note = None
    for r in range(header_row, ws.max_row + 1):
        v = ws.cell(row=r, column=1).value
        m = re.match(r"\((\d+)\) ", v) if isinstance(v, str) else None
        if m:
            first_note = first_note or r
            n = int(m.group(1))
            if n in notes:
                fail("%s!A%d: footnote (%d) twice (also %s)" % (ws.title, r, n, notes[n]))
            notes[n] = "A%d" % r
    last = (first_note or ws.max_row + 1) - 1
    for r in range(header_row, last + 1):
        cols = range(1, ws.max_column + 1) if r == header_row else (1,)
        for c in cols:
            n = marker_of(ws.cell(row=r, column=c).value)
            if n is not None:
                marks.setdefault(n, []).append("%s%d" % (get_column_letter(c), r))
    return marks, notes


def check_footnote_markers(book):
    """Every footnote marker on a title of Pay vs Performance and CAP
    Reconciliation has its footnote under the table, every footnote there
    is marked on some title, and the footnotes are numbered 1, 2, 3... in
    order. Returns the markers seen."""
    seen = 0
    for name in ("Pay vs Performance", "CAP Reconciliation"):
        if name not in book.f.sheetnames:
            continue
        ws = book.f[name]
        marks, notes = footnote_markers(ws, 5)
        for n, cells in sorted(marks.items()):
            if n not in notes:
                fail("%s: %s marked (%d), but no footnote (%d) under the table" % (name, ", ".join(cells), n, n))
        for n, cell in sorted(notes.items()):
            if n not in marks:
                fail("%s!%s: footnote (%d) is marked on no title" % (name, cell, n))
        order = [n for n, _ in sorted(notes.items(), key=lambda kv: int(kv[1][1:]))]
        if order != list(range(1, len(order) + 1)):
            fail("%s: footnotes numbered %r" % (name, order))
        seen += sum(len(c) for c in marks.values())
    return seen


def cents(x):
    return x / 100


def ooxml_text(value):
    """A string cell as Excel shows it: "_xHHHH_" is the character HHHH
    (ECMA-376 Part 1, 22.4.2.4); openpyxl leaves those escapes as they are."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


# ------------------------------------------------------------------- checks


def check_package(path, exp):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for info in z.infolist():
            if info.date_time != (1980, 1, 1, 0, 0, 0):
                fail("zip entry %s has time %r, not the fixed 1980-01-01" % (info.filename, info.date_time))
        charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        if len(charts) != exp["charts"]:
            fail("%d charts, expected %d" % (len(charts), exp["charts"]))
        for n in charts:
            xml = z.read(n).decode("utf-8")
            if not re.search(r"(?:'Charts'|Charts)!\$", xml):
                fail("%s does not plot the chart table of the Charts sheet" % n)
            # A cached copy would hold 0 for formula cells: none is stored.
            if "<c:numCache>" in xml:
                fail("%s stores cached values" % n)
        core = z.read("docProps/core.xml").decode("utf-8")
        for tag in ("created", "modified"):
            m = re.search(r"<dcterms:%s[^>]*>([^<]*)<" % tag, core)
            if not m or m.group(1) != exp["created"]:
                fail("document %s time %r, expected %r" % (tag, m and m.group(1), exp["created"]))
        # The Charts sheet (the fourth) holds the drawing.
        rels = z.read("xl/worksheets/_rels/sheet4.xml.rels").decode("utf-8") if "xl/worksheets/_rels/sheet4.xml.rels" in names else ""
        if exp["charts"] and "drawing" not in rels:
            fail("the charts are not on the Charts sheet")
        # Input text is never a formula: no <f> element holds it.
        for n in names:
            if n.startswith("xl/worksheets/sheet"):
                xml = z.read(n).decode("utf-8")
                for t in exp["text_cells"]:
                    body = t[1:] if t[:1] in "=+-@" else t
                    esc = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    if "<f>" + esc + "</f>" in xml:
                        fail("%s: %r was written as a formula" % (n, t))


def check_text(book, exp):
    found = {t: 0 for t in exp["text_cells"]}
    for ws in book.f.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                if c.data_type == "f" and any(str(c.value).startswith(t) for t in exp["text_cells"]):
                    fail("%s!%s: input text %r became a formula" % (ws.title, c.coordinate, c.value))
                if isinstance(c.value, str):
                    for t in found:
                        if t in ooxml_text(c.value).split("\n"):
                            if c.data_type != "s":
                                fail("%s!%s: %r is not a text cell (%s)" % (ws.title, c.coordinate, t, c.data_type))
                            found[t] += 1
    for t, n in found.items():
        if n == 0:
            fail("text %r is not in any cell, or changed on the way" % t)


def check_sct(book, exp):
    sheet = "Summary Compensation"
    ws = book.f[sheet]
    hr = header_row(ws, "Name and Principal Position")
    if hr is None:
        fail("Summary Compensation: no header row")
        return
    h = headers(ws, hr)
    want = ["Name and Principal Position", "Year", "Salary ($)", "Bonus ($)", "Stock Awards ($)",
            "Option Awards ($)", "Non-Equity Incentive Plan Compensation ($)", exp["sct_pension_header"],
            "All Other Compensation ($)", "Total ($)"]
    # Footnote markers ("Salary ($)(1)") on the headers they explain.
    got = [strip_marker(ws.cell(row=hr, column=c).value or "") for c in range(1, len(want) + 1)]
    if got != want:
        fail("Summary Compensation headers %r" % got)
        return
    if ws.freeze_panes is None:
        fail("Summary Compensation: header rows are not frozen")
    names = {r["name"] for r in exp["sct"]}
    rows = {}
    person = None
    r = hr + 1
    # Each executive: the name on the first row, the position beneath it
    # (on a row of its own when the executive has one year), until the notes.
    while r <= ws.max_row and not re.match(r"\(\d+\) ", str(ws.cell(row=r, column=1).value)):
        a = ws.cell(row=r, column=1).value
        if isinstance(a, str) and a.split("\n")[0] in names:
            person = a.split("\n")[0]
        y = book.v[sheet].cell(row=r, column=2).value
        if isinstance(y, (int, float)):
            rows[(person, int(y))] = r
        r += 1
    if len(rows) != len(exp["sct"]):
        fail("Summary Compensation: %d rows, expected %d" % (len(rows), len(exp["sct"])))
    keys = want[2:9]
    for e in exp["sct"]:
        row = rows.get((e["name"], e["year"]))
        if row is None:
            fail("Summary Compensation: no row for %s %d" % (e["name"], e["year"]))
            continue
        for k, v in zip(keys, e["columns"]):
            book.number_cell(sheet, row, h[k], cents(v), "%s %d %s" % (e["name"], e["year"], k))
        book.formula_cell(sheet, row, h["Total ($)"], cents(e["total"]), "total", "=SUM(")
        fmt = ws.cell(row=row, column=h["Total ($)"]).number_format
        if fmt != '#,##0;(#,##0);"\u2014"':
            fail("Summary Compensation total format %r" % fmt)


def cap_rows(book):
    sheet = "CAP by Person"
    ws = book.f[sheet]
    hr = header_row(ws, "Fiscal Year")
    h = headers(ws, hr)
    rows = {}
    r = hr + 1
    blank = 0
    while blank < 2:
        y = book.v[sheet].cell(row=r, column=1).value
        if isinstance(y, (int, float)):
            blank = 0
            rows[(int(y), ws.cell(row=r, column=2).value)] = r
        else:
            blank += 1
        r += 1
    return hr, h, rows


def check_cap(book, exp):
    sheet = "CAP by Person"
    ws = book.f[sheet]
    hr, h, rows = cap_rows(book)
    if ws.freeze_panes is None:
        fail("CAP by Person: header rows are not frozen")
    cap_col = h.get("Compensation Actually Paid ($)")
    role_col = h.get("Role")
    if cap_col is None or role_col is None:
        fail("CAP by Person: headers %r" % sorted(h))
        return
    line_cols = list(range(role_col + 1, cap_col))
    fmt_want = "#,##0.00;(#,##0.00)" if exp["cap_decimals"] == 2 else "#,##0;(#,##0)"
    for e in exp["cap"]:
        label = e["name"] if e["name"] is not None else "Average of non-PEO NEOs"
        row = rows.get((e["year"], label))
        if row is None:
            fail("CAP by Person: no row for %s %d" % (label, e["year"]))
            continue
        lines = e["lines"]
        if len(line_cols) != len(lines):
            # Pension lines left out (smaller reporting company): they must be 0.
            skipped = [2, 3, 4]
            if len(line_cols) != len(lines) - 3 or any(lines[i] for i in skipped):
                fail("CAP by Person: %d line columns for %d lines" % (len(line_cols), len(lines)))
                continue
            lines = [v for i, v in enumerate(lines) if i not in skipped]
        what = "%s %d" % (label, e["year"])
        for col, v in zip(line_cols, lines):
            if e["name"] is None:
                ev = book.formula_cell(sheet, row, col, cents(v), what + " average line", "=ROUND(AVERAGE(")
                if ev is not None:
                    # The average reads exactly the year's NEO rows of this sheet.
                    read = sorted({ws.cell(row=rr, column=2).value for (_, rr, _) in ev.cells})
                    years = {book.v[sheet].cell(row=rr, column=1).value for (_, rr, _) in ev.cells}
                    if read != sorted(e["neos"]) or years != {e["year"]}:
                        fail("%s: averages %r of %r, expected %r" % (what, read, years, sorted(e["neos"])))
                    if ev.cells and any(s != sheet for (s, _, _) in ev.cells):
                        fail("%s: average reads another sheet" % what)
            else:
                book.number_cell(sheet, row, col, cents(v), what)
            if ws.cell(row=row, column=col).number_format != fmt_want:
                fail("%s: number format %r" % (what, ws.cell(row=row, column=col).number_format))
        book.formula_cell(sheet, row, cap_col, cents(e["cap"]), what + " CAP", "=SUM(")


def check_pvp(book, exp):
    sheet = "Pay vs Performance"
    ws = book.f[sheet]
    hr = header_row(ws, "Year")
    if hr is None:
        fail("Pay vs Performance: no header row")
        return
    if ws.freeze_panes is None:
        fail("Pay vs Performance: header rows are not frozen")
    h = headers(ws, hr)
    for t in exp["pvp_headers"]:
        if t not in h:
            fail("Pay vs Performance: no column %r (have %r)" % (t, list(h)))
    for t in exp.get("pvp_absent_headers", []):
        if t in h:
            fail("Pay vs Performance: column %r should not be there" % t)
    if any(t not in h for t in exp["pvp_headers"]):
        return
    rows = {}
    r = hr + 1
    while isinstance(book.v[sheet].cell(row=r, column=1).value, (int, float)):
        rows[int(book.v[sheet].cell(row=r, column=1).value)] = r
        r += 1
    years = [e["year"] for e in exp["pvp"]]
    if list(rows) != sorted(years, reverse=True):
        fail("Pay vs Performance years %r, expected most recent first %r" % (list(rows), sorted(years, reverse=True)))
    notes = "\n".join(str(ws.cell(row=rr, column=1).value) for rr in range(r, ws.max_row + 1)
                      if isinstance(ws.cell(row=rr, column=1).value, str))
    for e in exp["pvp"]:
        row = rows.get(e["year"])
        if row is None:
            fail("Pay vs Performance: no row for %d" % e["year"])
            continue
        y = e["year"]
        for p in e["peo"]:
            sct_h, cap_h = p["columns"]
            book.formula_cell(sheet, row, h[sct_h], cents(p["sct_total"]), "%d %s" % (y, sct_h),
                              p["sct_ref"])
            book.formula_cell(sheet, row, h[cap_h], cents(p["cap"]), "%d %s" % (y, cap_h),
                              "='CAP by Person'!")
            if p["name"] not in notes:
                fail("Pay vs Performance notes do not name PEO %r" % p["name"])
        avg_sct = "Average Summary Compensation Table Total for Non-PEO NEOs ($)"
        avg_cap = "Average Compensation Actually Paid to Non-PEO NEOs ($)"
        if e["avg"] is None:
            for t in (avg_sct, avg_cap):
                if book.v[sheet].cell(row=row, column=h[t]).value is not None:
                    fail("Pay vs Performance %d: %s should be blank" % (y, t))
        else:
            book.formula_cell(sheet, row, h[avg_sct], cents(e["avg"]["sct_total"]), "%d average SCT" % y,
                              "='CAP by Person'!")
            book.formula_cell(sheet, row, h[avg_cap], cents(e["avg"]["cap"]), "%d average CAP" % y,
                              "='CAP by Person'!")
            for n in e["avg"]["names"]:
                if n not in notes:
                    fail("Pay vs Performance notes do not name NEO %r" % n)
        tsr_h = "Total Shareholder Return ($)"
        span = ws.cell(row=hr - 1, column=h[tsr_h]).value
        if span != "Value of Initial Fixed $100 Investment Based On:":
            fail("Pay vs Performance: no spanning header over the TSR columns (%r)" % span)
        book.formula_cell(sheet, row, h[tsr_h], cents(e["tsr"]), "%d TSR" % y, "='TSR'!")
        book.number_cell(sheet, row, h["Net Income ($)"], cents(e["net_income"]), "%d net income" % y)
        if "peer_tsr" in e:
            book.number_cell(sheet, row, h["Peer Group Total Shareholder Return ($)"], cents(e["peer_tsr"]),
                             "%d peer TSR" % y)
        if "csm" in e:
            book.number_cell(sheet, row, h[exp["csm_name"]], e["csm"], "%d company-selected measure" % y)
        for t, want in (("Net Income ($)", None), (tsr_h, "0.00")):
            fmt = ws.cell(row=row, column=h[t]).number_format
            if want and fmt != want:
                fail("Pay vs Performance %d %s: format %r" % (y, t, fmt))
    # Whole dollars beside whole dollars: the average SCT total is in the
    # PEO SCT total's format unless some year's mean has cents.
    avgs = [e["avg"]["sct_total"] for e in exp["pvp"] if e["avg"] is not None]
    if avgs and "Average Summary Compensation Table Total for Non-PEO NEOs ($)" in h:
        col = h["Average Summary Compensation Table Total for Non-PEO NEOs ($)"]
        want = "#,##0;(#,##0)" if all(v % 100 == 0 for v in avgs) else "#,##0.00;(#,##0.00)"
        for row in rows.values():
            fmt = ws.cell(row=row, column=col).number_format
            if fmt != want:
                fail("Pay vs Performance!%s%d average SCT total: format %r, expected %r" % (
                    get_column_letter(col), row, fmt, want))
    for needle in exp["pvp_notes"]:
        if needle not in notes:
            fail("Pay vs Performance notes lack %r" % needle)


def check_valuations(book, exp):
    sheet = "Award Valuations"
    ws = book.v[sheet]
    hr = header_row(book.f[sheet], "Award ID")
    if hr is None:
        fail("Award Valuations: no header row")
        return
    h = headers(book.f[sheet], hr)
    if not book.f[sheet].auto_filter.ref:
        fail("Award Valuations: no autofilter")
    n = 0
    for i, e in enumerate(exp["valuations"]):
        r = hr + 1 + e.get("index", i)
        got = (ws.cell(row=r, column=h["Award ID"]).value, ws.cell(row=r, column=h["Tranche"]).value,
               ws.cell(row=r, column=h["Executive"]).value, ws.cell(row=r, column=h["Value ($)"]).value,
               ws.cell(row=r, column=h["Line"]).value, ws.cell(row=r, column=h["Fiscal Year"]).value)
        want = (e["award_id"], e["tranche"], e["name"], cents(e["value"]), e["key"], e["year"])
        if got != want:
            fail("Award Valuations row %d: %r, expected %r" % (r, got, want))
        note = ooxml_text(ws.cell(row=r, column=h["Note"]).value)
        if "note" in e and note != e["note"]:
            fail("Award Valuations row %d note %r" % (r, note if len(note or "") < 80 else "%d chars" % len(note)))
        n += 1
    count = 0
    r = hr + 1
    while ws.cell(row=r, column=h["Value ($)"]).value is not None:
        count += 1
        r += 1
    if count != exp["valuation_count"]:
        fail("Award Valuations: %d rows, expected %d" % (count, exp["valuation_count"]))


def check_rates(book, exp):
    sheet = "Exchange Rates"
    ws = book.v[sheet]
    hr = header_row(book.f[sheet], "Currency")
    h = headers(book.f[sheet], hr)
    for i, e in enumerate(exp["rates"]):
        r = hr + 1 + i
        got = (ws.cell(row=r, column=h["Currency"]).value, ws.cell(row=r, column=h["Fiscal Year"]).value,
               ws.cell(row=r, column=h["Units per USD"]).value, ws.cell(row=r, column=h["Source"]).value)
        want = (e["currency"], e["year"], e["per_usd"], e["source"])
        if got != want:
            fail("Exchange Rates row %d: %r, expected %r" % (r, got, want))
    for needle in exp["sct_notes"]:
        text = "\n".join(str(c.value) for c in book.v["Summary Compensation"]["A"] if isinstance(c.value, str))
        if needle not in text:
            fail("Summary Compensation notes lack %r" % needle)


def check_tsr(book, exp):
    sheet = "TSR"
    hr = header_row(book.f[sheet], "Fiscal Year")
    h = headers(book.f[sheet], hr)
    col = h["Value of Initial Fixed $100 Investment ($)"]
    for i, e in enumerate(exp["tsr"]):
        book.formula_cell(sheet, hr + 2 + i, col, cents(e["value"]), "TSR %d" % e["year"], "=ROUND(")


def check_equity(book, exp):
    """Outstanding Equity Awards at FYE: one row per award of the last
    covered year, the name on a person's first row, the option columns of an
    option and the stock columns of stock, an em dash where a column does
    not apply, whole dollars."""
    sheet = "Equity Awards at FYE"
    ws = book.v[sheet]
    hr = header_row(ws, "Name")
    if hr is None:
        fail("%s: no header row" % sheet)
        return
    dash = "\u2014"
    for i, e in enumerate(exp["oea"]):
        r = hr + 1 + i
        got = [ws.cell(row=r, column=c).value for c in range(1, 11)]
        if got[0] != e["name"]:
            fail("%s row %d: name %r, expected %r" % (sheet, r, got[0], e["name"]))
        if e["option"]:
            want = e["options"] + [e["price"]]
            if got[1:5] != want or got[6:10] != [dash] * 4:
                fail("%s row %d: %r, expected options %r" % (sheet, r, got, want))
        else:
            if got[6:10] != e["stock"] or got[1:6] != [dash] * 5:
                fail("%s row %d: %r, expected stock %r" % (sheet, r, got, e["stock"]))
    after = ws.cell(row=hr + 1 + len(exp["oea"]), column=2).value
    if after is not None:
        fail("%s: a row after the %d expected: %r" % (sheet, len(exp["oea"]), after))


def check_rows(book, sheet, want, cols, what):
    """Rows under the header of `sheet`: the name on a person's first row,
    then the figures in `cols` (1-based columns after the name)."""
    if sheet not in book.v.sheetnames:
        if want:
            fail("no sheet %s" % sheet)
        return
    ws = book.v[sheet]
    hr = header_row(ws, "Name")
    for i, e in enumerate(want):
        r = hr + 1 + i
        got = [ws.cell(row=r, column=1).value] + [ws.cell(row=r, column=c).value for c in cols]
        if got != e:
            fail("%s row %d: %r, expected %s %r" % (sheet, r, got, what, e))


def check_oesv_gpba(book, exp):
    """Option Exercises and Stock Vested: shares and whole-dollar values;
    Grants of Plan-Based Awards: target, maximum, other stock and option
    shares and the grant-date fair value (a non-SRC only)."""
    check_rows(book, "Exercises and Vesting", exp["oesv"], [2, 3, 4, 5], "shares and values")
    if "Plan-Based Awards" in exp["sheets"]:
        check_rows(book, "Plan-Based Awards", exp["gpba"], [7, 8, 9, 10, 12], "grant")


def check_checks(book, exp):
    if "Checks" not in book.v.sheetnames:
        return
    ws = book.v["Checks"]
    text = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    # A check is named in words; the legend gives its key: "SCT total does
    # not foot (sct_does_not_foot)".
    for needle in exp["checks"]:
        if not any(t == needle or (isinstance(t, str) and t.endswith("(%s)" % needle))
                   for t in text):
            fail("Checks sheet lacks %r" % needle)
    # Each check that appears is explained in words under the findings.
    if "What each check compares" not in text:
        fail("Checks sheet has no legend of the checks")
    # ... as "its words (its key)", and a finding or skipped check names it
    # by those words, never by the key.
    for code in exp["check_codes"]:
        legend = [t for t in text if isinstance(t, str) and t.endswith(" (%s)" % code)]
        words = legend[0][:-len(code) - 3] if legend else None
        named = words is not None and any(
            isinstance(t, str) and t not in legend and (t.startswith(words) or
                                                        ("also: " + words) in t)
            for t in text)
        if not named or code in text:
            fail("Checks sheet does not explain check %r" % code)
    # Severity in words a reader knows; an error stands out on a fill, a
    # rounding difference does not.
    severities = 0
    for row in book.f["Checks"].iter_rows(min_row=6):
        c = row[1] if len(row) > 1 else None
        if c is None or c.value not in ("Error", "Rounding"):
            continue
        severities += 1
        filled = c.fill is not None and c.fill.fgColor is not None and c.fill.fill_type == "solid"
        if (c.value == "Error") != filled:
            fail("Checks!%s: %s %s a fill" % (c.coordinate, c.value, "without" if c.value == "Error" else "with"))
    if exp["checks"] and severities == 0:
        fail("Checks sheet: no finding says Error or Rounding")


# ---------------------------------------------------------- print and layout

# What a cell of a given width holds at most, in characters per unit of
# column width: more than any font standing in for Calibri fits (bold
# 11-point headers about 1.0, 10-point notes about 1.35). A text longer than
# this needs more lines than one.
MAX_CHARS_PER_UNIT = 1.6


def text_width(text):
    """Characters a text takes on screen: East Asian characters take two."""
    return sum(2 if ord(ch) >= 0x1000 else 1 for ch in text)


def column_widths(ws):
    return {c: (ws.column_dimensions[get_column_letter(c)].width or 8.43) for c in range(1, ws.max_column + 1)}


def check_print(book, exp):
    """Every sheet prints landscape with its company, name and page in the
    footer; the tables fit the page width (Award Valuations one page, all
    its columns on it; Equity Award Detail two) with
    the header row repeated;
    the Charts sheet prints on one page."""
    for ws in book.f.worksheets:
        name = ws.title
        if ws.page_setup.orientation != "landscape":
            fail("%s: prints %r, not landscape" % (name, ws.page_setup.orientation))
        if "&P" not in (ws.oddFooter.right.text or "") or ws.oddFooter.center.text != "&A":
            fail("%s: footer %r / %r has no sheet name or page number" % (name, ws.oddFooter.center.text, ws.oddFooter.right.text))
        if exp["company"] and not (ws.oddFooter.left.text or "").startswith(exp["company"].replace("&", "&&")[:40]):
            fail("%s: footer does not name the company: %r" % (name, ws.oddFooter.left.text))
        fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        if name == "Charts":
            if not fit or int(ws.page_setup.fitToWidth or 1) != 1 or int(ws.page_setup.fitToHeight or 1) != 1:
                fail("%s: not fitted to one page" % name)
            continue
        wide = {"Equity Award Detail": 2}.get(name, 1)
        if not fit or int(ws.page_setup.fitToWidth or 1) != wide or int(ws.page_setup.fitToHeight or 0) != 0:
            fail("%s: not fitted to %d page(s) wide (fit %r, %r x %r)" % (name, wide, fit, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight))
        if ws.print_title_rows != "$5:$5":
            fail("%s: header row not repeated on printed pages (%r)" % (name, ws.print_title_rows))
        if name == "Award Valuations" and ws.print_title_cols:
            fail("%s: prints one page wide, yet repeats columns %r" % (name, ws.print_title_cols))


def check_headers_fit(book):
    """No word of a column header is wider than its column, so none is cut
    in the middle ("reported.csv" in "reported.csv Line"), and a header marks
    its footnote as every proxy table here does, "($)(1)", not "($)¹"."""
    for ws in book.f.worksheets:
        widths = column_widths(ws)
        for c in range(1, ws.max_column + 1):
            title = ws.cell(row=5, column=c).value
            if not isinstance(title, str):
                continue
            if any(ch in title for ch in "\u00b9\u00b2\u00b3"):
                fail("%s: header %r marks its footnote in superscript, not \"(1)\"" % (ws.title, title))
            mark = MARKER.search(title)
            if mark and text_width(title) == len(title) and ws.title in ("Pay vs Performance", "CAP Reconciliation"):
                # Wrapped at about a character a unit (bold headers), the
                # marker fits on the last line of the words before it.
                cap, last = widths[c] - 1.0, 0
                for word in strip_marker(title).split():
                    last = len(word) if last and last + 1 + len(word) > cap else last + (1 if last else 0) + len(word)
                if last + len(mark.group(0)) > cap:
                    fail("%s: the marker of header %r wraps alone in a column %.1f wide" % (ws.title, title, widths[c]))
            longest = max(text_width(word) for word in title.split())
            if longest > widths[c]:
                fail("%s: header %r has a word of %d characters in a column %.1f wide" % (ws.title, title, longest, widths[c]))


def check_notes_wrap(book):
    """Footnotes under the proxy tables are paragraphs: each is one cell merged
    across the table's width, wrapped, in a row tall enough for its lines
    (not one long line running off the page)."""
    for name in ("Summary Compensation", "Pay vs Performance", "CAP Reconciliation"):
        ws = book.f[name]
        widths = column_widths(ws)
        last = max(c for c in range(1, ws.max_column + 1) if isinstance(ws.cell(row=5, column=c).value, str))
        merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        notes = 0
        for r in range(6, ws.max_row + 1):
            v = ws.cell(row=r, column=1).value
            if not (isinstance(v, str) and re.match(r"\(\d+\) ", v)):
                continue
            notes += 1
            m = merged.get((r, 1))
            if m is None or m.max_row != r or m.max_col != last:
                fail("%s!A%d: note not merged across A..%s: %s" % (name, r, get_column_letter(last), m))
                continue
            if not ws.cell(row=r, column=1).alignment.wrap_text:
                fail("%s!A%d: note does not wrap" % (name, r))
            width = sum(widths[c] for c in range(1, last + 1))
            lines = -(-text_width(v) // int(width * MAX_CHARS_PER_UNIT))
            height = ws.row_dimensions[r].height
            if height is None or height < 12 * lines:
                fail("%s!A%d: row height %r for a note of at least %d lines" % (name, r, height, lines))
        if notes == 0:
            fail("%s: no numbered footnotes found" % name)


def check_wrapped_rows(book):
    """A data cell whose text takes more than one line has a row tall enough
    for it (spreadsheets do not size rows on opening a file), and award IDs
    are not cut."""
    ws = book.f["Award Valuations"]
    widths = column_widths(ws)
    h = headers(ws, 5)
    ids = [ws.cell(row=r, column=h["Award ID"]).value for r in range(6, ws.max_row + 1)
           if isinstance(book.v["Award Valuations"].cell(row=r, column=h["Value ($)"]).value, (int, float))]
    longest = max((text_width(i) for i in ids if isinstance(i, str)), default=0)
    if longest > widths[h["Award ID"]]:
        fail("Award Valuations: award IDs of %d characters in a column %.1f wide" % (longest, widths[h["Award ID"]]))
    for sheet, cols in (("Award Valuations", ("Feeds", "Source", "Note")),):
        ws = book.f[sheet]
        hh = headers(ws, 5)
        for r in range(6, ws.max_row + 1):
            for t in cols:
                v = ws.cell(row=r, column=hh[t]).value
                if not isinstance(v, str):
                    continue
                lines = min(-(-text_width(v) // int(widths[hh[t]] * MAX_CHARS_PER_UNIT)), 27)
                height = ws.row_dimensions[r].height
                if lines > 1 and (height is None or height < 14 * lines):
                    fail("%s!%s%d: %d-line text in a row of height %r" % (sheet, get_column_letter(hh[t]), r, lines, height))


def check_headers_break(paths):
    """`xlsx_check.py headers BOOK.xlsx...`: a Chinese column title (row 5
    of every sheet) breaks only between words, so each of its lines fits
    its column with room to spare (a spreadsheet would otherwise break it
    between any two characters, mid-word, or print it against the next
    column's title); prints how many Chinese titles each workbook has."""
    for path in paths:
        book = Book(path)
        seen = 0
        for ws in book.f.worksheets:
            widths = column_widths(ws)
            for c in range(1, ws.max_column + 1):
                title = ws.cell(row=5, column=c).value
                if not isinstance(title, str) or text_width(title) == len(title):
                    continue
                seen += 1
                if any(ch in title for ch in "\u00b9\u00b2\u00b3"):
                    fail("%s!%s5: header %r marks its footnote in superscript, not \"(1)\""
                         % (ws.title, get_column_letter(c), title))
                for line in title.split("\n"):
                    if text_width(line) / 0.95 + 1.5 > widths[c]:
                        fail("%s!%s5: header line %r (%d characters) in a column %.1f wide"
                             % (ws.title, get_column_letter(c), line, text_width(line), widths[c]))
        print("%s: %d Chinese titles" % (path, seen))
    for p in problems:
        print(p)
    return 1 if problems else 0


def check_formats(paths):
    """`xlsx_check.py formats BOOK.xlsx...`: figures print as a proxy prints
    them: an expected term on Assumptions with its own decimals, not padded
    to six (5.000000); the dates of the equity tables in a Chinese workbook
    as Chinese dates (2027年9月26日), not 09/26/2027. Prints how many cells
    each workbook has of each."""
    for path in paths:
        book = Book(path)
        terms = dates = 0
        if "Assumptions" in book.f.sheetnames:
            ws = book.f["Assumptions"]
            col = next((c for c in range(1, ws.max_column + 1)
                        if "(T" in str(ws.cell(row=5, column=c).value) or "期限" in str(ws.cell(row=5, column=c).value)), None)
            for r in range(6, ws.max_row + 1) if col else ():
                cell = ws.cell(row=r, column=col)
                if isinstance(cell.value, (int, float)):
                    terms += 1
                    if cell.number_format.endswith("000000"):
                        fail("Assumptions!%s%d: term %r prints as %r" % (get_column_letter(col), r, cell.value, cell.number_format))
        title = str(book.f.worksheets[0].cell(row=1, column=1).value or "")
        chinese = text_width(title) != len(title)
        for name in ("Equity Awards at FYE", "Plan-Based Awards"):
            if name not in book.f.sheetnames:
                continue
            for row in book.f[name].iter_rows(min_row=6):
                for cell in row:
                    if "yy" in (getattr(cell, "number_format", None) or ""):
                        dates += 1
                        if chinese and "年" not in cell.number_format:
                            fail("%s!%s: a date in a Chinese workbook prints as %r" % (name, cell.coordinate, cell.number_format))
        # Equity Award Detail: a deducted share count prints (10,000), not
        # -10,000; in Chinese its type and condition are Chinese words.
        negatives = words = 0
        if "Equity Award Detail" in book.f.sheetnames:
            ws = book.f["Equity Award Detail"]
            h = headers(ws, 5)
            for row in ws.iter_rows(min_row=6):
                for cell in row:
                    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.value < 0:
                        negatives += 1
                        if ";(" not in (cell.number_format or ""):
                            fail("Equity Award Detail!%s: %r prints as %r" % (cell.coordinate, cell.value, cell.number_format))
            # A table's title wraps in the two columns every printed page
            # repeats (past them a later page cuts it off).
            merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
            for r in range(6, ws.max_row + 1):
                a = ws.cell(row=r, column=1)
                rest = [ws.cell(row=r, column=c).value for c in range(2, ws.max_column + 1)]
                if isinstance(a.value, str) and a.font.b and all(v is None for v in rest):
                    m = merged.get((r, 1))
                    if m is None or m.max_col != 2 or not a.alignment.wrap_text:
                        fail("Equity Award Detail!A%d: title %r runs past the repeated columns" % (r, a.value))
            keys = {"stock", "option", "sar", "service", "performance", "market"}
            for t in ("Type", "Condition", "類型", "类型", "歸屬條件", "归属条件"):
                for r in range(6, ws.max_row + 1) if t in h else ():
                    v = ws.cell(row=r, column=h[t]).value
                    if chinese and v in keys:
                        words += 1
                        fail("Equity Award Detail!%s%d: %r left in English" % (get_column_letter(h[t]), r, v))
        # Checks in Chinese: its items, people and legend in words, no
        # report.json key (less_equity_awards) or id ((li-yunfei)).
        keys = 0
        if chinese and "Checks" in book.f.sheetnames:
            for row in book.f["Checks"].iter_rows(min_row=6):
                for cell in row:
                    v = cell.value
                    if isinstance(v, str) and (re.fullmatch(r"[a-z]+(_[a-z]+)+|cap|total|tsr", v) or
                                               re.search(r"\((?:[a-z0-9]+[-_])+[a-z0-9]+\)", v)):
                        keys += 1
                        fail("Checks!%s: a key left in a Chinese workbook: %r" % (cell.coordinate, v[:80]))
        print("%s: %d terms, %d dates, %d negative shares" % (path, terms, dates, negatives))
    for p in problems:
        print(p)
    return 1 if problems else 0


def check_markers(paths):
    """`xlsx_check.py markers BOOK.xlsx...`: only the footnote markers of
    the proxy tables (check_footnote_markers), for workbooks written in any
    --labels language; prints each workbook's marker count."""
    for path in paths:
        seen = check_footnote_markers(Book(path))
        if seen == 0:
            fail("%s: no footnote markers on the Pay vs Performance and CAP Reconciliation titles" % path)
        print("%s: %d markers" % (path, seen))
    for p in problems:
        print(p)
    return 1 if problems else 0


def main():
    if sys.argv[1] == "markers":
        return check_markers(sys.argv[2:])
    if sys.argv[1] == "formats":
        return check_formats(sys.argv[2:])
    if sys.argv[1] == "headers":
        return check_headers_break(sys.argv[2:])
    path, exp_path = sys.argv[1], sys.argv[2]
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    book = Book(path)
    if book.f.sheetnames != exp["sheets"]:
        fail("sheets %r, expected %r" % (book.f.sheetnames, exp["sheets"]))
    check_package(path, exp)
    check_text(book, exp)
    check_sct(book, exp)
    check_cap(book, exp)
    check_pvp(book, exp)
    check_valuations(book, exp)
    check_rates(book, exp)
    check_tsr(book, exp)
    check_equity(book, exp)
    check_oesv_gpba(book, exp)
    check_checks(book, exp)
    check_print(book, exp)
    check_headers_fit(book)
    check_notes_wrap(book)
    check_wrapped_rows(book)
    if check_footnote_markers(book) == 0:
        fail("no footnote markers on the Pay vs Performance and CAP Reconciliation titles")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
