/*
 * What the parts of the XLSX writer share (calc/xlsx.c, calc/xlsx_tables.c,
 * calc/xlsx_detail.c, calc/xlsx_charts.c); private to them, not a public
 * header, because it names libxlsxwriter types and only the writers may see
 * that library (STYLE.md, "The shape").
 *
 * Every sheet is written strictly top to bottom, one row after the other,
 * as libxlsxwriter's constant_memory mode requires (calc/xlsx.c says why
 * the writer uses it); a write above the current row would fail. The first
 * libxlsxwriter error is kept in the context and turned into a pc_diag once
 * the workbook is closed; later calls still run so the workbook is always
 * closed and freed (workbook_close writes and frees even after an error).
 */
#ifndef PAYCALC_XLSX_INTERNAL_H
#define PAYCALC_XLSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xlsxwriter.h>

#include "paycalc/date.h"
#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/report.h"
#include "paycalc/status.h"
#include "paycalc/text.h"

/* Sheet names, in workbook order (SPEC section 9). */
#define PC_XLSX_SHEET_SCT "Summary Compensation"
#define PC_XLSX_SHEET_PVP "Pay vs Performance"
#define PC_XLSX_SHEET_CAP "CAP Reconciliation"
#define PC_XLSX_SHEET_VALUATIONS "Award Valuations"
#define PC_XLSX_SHEET_RATES "Exchange Rates"
#define PC_XLSX_SHEET_TSR "TSR"
#define PC_XLSX_SHEET_CHECKS "Checks"
#define PC_XLSX_SHEET_CASH "Cash and FX"
#define PC_XLSX_SHEET_CHARTS "Charts"
#define PC_XLSX_SHEET_AUDIT "Audit Notes"
#define PC_XLSX_SHEET_CAP_PERSON "CAP by Person"
#define PC_XLSX_SHEET_RETIREMENT "Retirement Eligibility"
#define PC_XLSX_SHEET_EQUITY_DETAIL "Equity Award Detail"

/* Every table sheet: title, company, years, a blank row, then the column
 * headers on PC_XLSX_HEADER_ROW and the data from the row after it. */
#define PC_XLSX_HEADER_ROW 4
#define PC_XLSX_FIRST_DATA_ROW 5

/* Excel's last row (0-based). */
#define PC_XLSX_LAST_ROW 1048575

/* Cell addresses: buffers big enough for "'CAP Reconciliation'!XFD1048576". */
#define PC_XLSX_REF_SIZE 64

/* Number formats (SPEC section 9; negative amounts in parentheses). */
#define PC_XLSX_FMT_DOLLARS "#,##0;(#,##0)"
#define PC_XLSX_FMT_CENTS "#,##0.00;(#,##0.00)"
/* The same in the disclosure tables, where a proxy prints nil as an em dash. */
#define PC_XLSX_FMT_DOLLARS_NIL "#,##0;(#,##0);\"\xe2\x80\x94\""
#define PC_XLSX_FMT_CENTS_NIL "#,##0.00;(#,##0.00);\"\xe2\x80\x94\""
#define PC_XLSX_FMT_RATE "0.0000##"
#define PC_XLSX_FMT_TSR "0.00"

/* No PvP cell or CAP line cell. */
#define PC_XLSX_NONE (-1)

/* The most columns a table has (Pay vs Performance with a pair of columns
 * for each PEO of each year). */
#define PC_XLSX_MAX_COLS (2 * PC_MAX_PEOS * PC_MAX_YEARS + 8)

typedef struct pc_xlsx_formats {
    lxw_format *title;     /* the table's title */
    lxw_format *subtitle;  /* company, years */
    lxw_format *header;    /* column headers: bold, wrapped, bottom border */
    lxw_format *text;      /* plain text, top aligned */
    lxw_format *wrap;      /* text that wraps in its cell */
    lxw_format *bold;      /* a section label */
    lxw_format *note;      /* footnote text: wrapped, merged across the table */
    lxw_format *note_more; /* a footnote paragraph continuing the numbered one above */
    lxw_format *year;      /* 2022 (no thousands separator) */
    lxw_format *integer;   /* shares, counts: 1,234 */
    lxw_format *dollars;   /* whole dollars */
    lxw_format *cents;     /* dollars and cents */
    lxw_format *cap;       /* CAP figures: dollars or cents per cap_decimals */
    lxw_format *cap_sum;   /* a person's CAP: bold */
    lxw_format *cap_total; /* an average row: bold, top border */
    lxw_format *cap_label; /* the label of an average row */
    lxw_format *rate;      /* exchange rates */
    lxw_format *tsr;       /* TSR values */
    lxw_format *price;     /* prices and per-share values */
    lxw_format *percent;   /* volatility, rates, yields, probable outcomes */
    lxw_format *decimal;   /* model intermediates (d1, d2, terms, units) */
    lxw_format *date;      /* yyyy-mm-dd, centred */
    lxw_format *centred;   /* a whole number centred: a year beside amounts, a line number */
    lxw_format *micros[7]; /* a published figure shown with 0..6 decimals */
    /* The disclosure tables (proxy conventions, SPEC section 9). */
    lxw_format *name;         /* an executive's name: bold, wrapped */
    lxw_format *nil_dollars;  /* whole dollars, nil as an em dash */
    lxw_format *nil_cap;      /* CAP figures (cap_decimals), nil as an em dash */
    lxw_format *nil_cap_sum;  /* a CAP: bold, top border, nil as an em dash */
    lxw_format *rule_name;    /* the first row of an executive: a rule above it */
    lxw_format *rule_year;    /* ... its year */
    lxw_format *rule_dollars; /* ... its figures */
    lxw_format *flag;         /* an error on the Checks sheet: bold on a red fill */
    lxw_format *scaled[3];    /* [PC_UNITS_THOUSANDS], [PC_UNITS_MILLIONS]: display_units */
} pc_xlsx_formats;

/* Where the writer put the figures the Pay vs Performance formulas point at. */
typedef struct pc_xlsx_layout {
    int32_t *sct_row; /* per report->sct item: its Summary Compensation row, or PC_XLSX_NONE */
    /* The first grant-date Award Valuations row of each person's stock and
     * option awards of each covered year (xlsx_sct.c), or PC_XLSX_NONE. */
    int32_t *sct_grant_row;
    lxw_col_t sct_total_col;
    int32_t *cap_row; /* per report->cap item: its CAP Reconciliation row, or PC_XLSX_NONE */
    int cap_col[PC_CAP_NLINES];    /* column of each line, or PC_XLSX_NONE when not shown */
    int32_t tsr_row[PC_MAX_YEARS]; /* per report->tsr point: its TSR row */
    lxw_col_t tsr_value_col;
    /* Pay vs Performance: the table's rows and the columns the charts use. */
    int32_t pvp_first_row, pvp_last_row;
    int pvp_peo_cap_col[PC_MAX_PEOS * PC_MAX_YEARS];
    size_t pvp_npeo_cols;
    bool pvp_per_person;                                /* a column pair per PEO ... */
    size_t pvp_slot_person[PC_MAX_PEOS * PC_MAX_YEARS]; /* ... for these people */
    int pvp_avg_cap_col, pvp_tsr_col, pvp_peer_col, pvp_net_income_col, pvp_csm_col;
    int pvp_csm_decimals; /* decimals the company-selected measure is shown with */
    int32_t pvp_next_row; /* the first free row under the table and its notes */
    /* Equity Award Detail: the row of the first step of each equity table
     * (PC_XLSX_EQ_OEA, _OESV, _GPBA; xlsx_equity.h), and the last row its
     * steps may use. */
    int32_t equity_first[3];
    int32_t equity_last;
    int32_t equity_end; /* the first row under the tables, for the notes */
} pc_xlsx_layout;

/* A cash row's place on the Cash and FX sheet (calc/write/xlsx_cash.c). */
typedef struct pc_xlsx_cash_key pc_xlsx_cash_key;

typedef struct pc_xlsx {
    const pc_dataset *ds;
    const pc_report *report;
    lxw_workbook *wb;
    lxw_worksheet *sct, *pvp, *cap, *charts, *cap_person, *valuations, *cash, *rates, *tsr, *checks,
        *audit;
    pc_xlsx_formats f;
    pc_xlsx_layout at;
    pc_xlsx_cash_key *cash_keys; /* the Cash and FX rows, planned before any sheet */
    size_t ncash_keys;
    const pc_rate_used **rate_order; /* the Exchange Rates rows, sorted (xlsx_cash.c) */
    /* The column widths of the table being written (set by pc_xlsx_headers), so
     * the footnotes under it wrap across its width. */
    double col_width[PC_XLSX_MAX_COLS];
    size_t ncols;
    int32_t last_row;  /* the last row a long sheet may use: PC_XLSX_LAST_ROW (lower in tests) */
    lxw_error err;     /* the first libxlsxwriter error, or LXW_NO_ERROR */
    pc_status status;  /* the first error of our own, or PC_OK */
    char problem[512]; /* what that error was, for the diagnostic */
} pc_xlsx;

/* Records a libxlsxwriter result; keeps the first error. */
void pc_xlsx_check(pc_xlsx *w, lxw_error err);
/* Records an error of our own (an inconsistent report, out of memory). */
void pc_xlsx_fail(pc_xlsx *w, pc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Whether nothing has gone wrong so far. */
bool pc_xlsx_ok(const pc_xlsx *w);

/* Cell writers. Text is always written as text (worksheet_write_string), so
 * "=1+1" or "@x" from an input stays what it is; NULL or "" is a blank. */
void pc_xlsx_text(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *text,
                  lxw_format *fmt);
void pc_xlsx_textf(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt,
                   const char *fmtstr, ...) __attribute__((format(printf, 6, 7)));
void pc_xlsx_number(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, double value,
                    lxw_format *fmt);
/* An exact amount in cents, converted to dollars only here (STYLE.md, "Money"). */
void pc_xlsx_cents(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t cents,
                   lxw_format *fmt);
void pc_xlsx_micros(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t micros,
                    lxw_format *fmt);
/* The number pc_xlsx_micros writes, for a formula's stored value. */
double pc_xlsx_micros_value(int64_t micros);
/* A date's Excel serial, as pc_xlsx_date writes it; false for no date or a
 * date before March 1900 (written as text). */
bool pc_xlsx_date_serial(pc_date date, double *serial);
/* A calendar date as an Excel date; PC_DATE_NONE is a blank. */
void pc_xlsx_date(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                  lxw_format *fmt);
void pc_xlsx_blank(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt);
/* A formula with its computed value stored (formula starts with '='). */
void pc_xlsx_formula(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                     lxw_format *fmt, double value);

/* A footnote paragraph under the table: one cell merged across the table's
 * width (the columns of the last pc_xlsx_headers), wrapped, in a row tall enough
 * for its lines, so a long note neither runs off the page nor hides behind
 * the next cell. Returns the next row. pc_xlsx_note_more indents a paragraph
 * that continues the numbered note above it. */
int32_t pc_xlsx_note(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text);
int32_t pc_xlsx_notef(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int32_t pc_xlsx_note_more(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text);
/* Wrapped text in a data cell: spreadsheets do not size a row for it when
 * they open a file (LibreOffice keeps the default height and the lines
 * overlap the next row), so the writer sets the height itself.
 * pc_xlsx_cell_lines is how many lines a text takes in column `col` of the table
 * (11-point text); pc_xlsx_row_lines makes the row tall enough for that many
 * (nothing for one line). */
size_t pc_xlsx_cell_lines(const pc_xlsx *w, int col, const char *text);
void pc_xlsx_row_lines(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t lines);
/* The same from column `first_col` to the table's last column, in `fmt`. */
int32_t pc_xlsx_wrapped(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col, const char *text,
                        lxw_format *fmt);

/* "C7"; "'CAP Reconciliation'!C7" when sheet is not NULL. */
void pc_xlsx_ref(char *buf, size_t size, const char *sheet, int32_t row, int col);

/* The title block of a sheet: title, company name, fiscal years. */
void pc_xlsx_heading(pc_xlsx *w, lxw_worksheet *ws, const char *title, int first_year,
                     int last_year);
/* A header row of wrapped column titles, tall enough for the longest; a
 * column is widened where a single word of its title would not fit. Sets the
 * column widths and records them for the footnotes (w->col_width). */
void pc_xlsx_headers(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *const *titles,
                     const double *widths, size_t count);
/* Print setup of a sheet: landscape, narrow margins, a footer with the
 * company, sheet and page, the header row repeated on every page when
 * `repeat_header`, and scaled to `pages_wide` pages across (0: not fitted;
 * the caller may set a scale). */
void pc_xlsx_page_setup(pc_xlsx *w, lxw_worksheet *ws, uint16_t pages_wide, bool repeat_header);

/* A column width for the people's names: the longest name, within
 * [min, max] characters. */
double pc_xlsx_name_width(pc_xlsx *w, double min, double max);
/* A column width for the award IDs (a cut-off ID reads as another award):
 * the longest, within [min, max] characters. */
double pc_xlsx_award_id_width(const pc_xlsx *w, double min, double max);

/* The name of a person, or "" for a bad index (flagged as an error). */
const char *pc_xlsx_person_name(pc_xlsx *w, size_t person);
/* "December 31" for a fiscal year end. */
void pc_xlsx_fiscal_year_end_words(const pc_config *config, char *buf, size_t size);
/* Human words for report enums. */
const char *pc_xlsx_fx_method_words(pc_fx_method method);
const char *pc_xlsx_purpose_words(pc_purpose purpose);
const char *pc_xlsx_method_words(pc_method method);
const char *pc_xlsx_cap_line_words(pc_cap_line line);
/* awards.csv's words for a type ("stock", "option", "sar") and a condition
 * ("service", "performance", "market"), which the SUMIFS select by. */
const char *pc_xlsx_type_key(pc_award_type type);
const char *pc_xlsx_condition_key(pc_condition condition);
/* "#,##0.00;(#,##0.00)" for 2 decimals: an amount with that many decimals
 * (0 to 6), negatives in parentheses. */
void pc_xlsx_decimal_format(int decimals, char *buf, size_t size);
/* "6.7264" (at least 4 decimals, as many as the rate has). */
void pc_xlsx_rate_text(int64_t per_usd_micro, char *buf, size_t size);

/* The sheets, each written top to bottom (calc/xlsx_tables.c,
 * calc/xlsx_detail.c). Summary Compensation, CAP Reconciliation and TSR
 * record their cell addresses in w->at, which Pay vs Performance then
 * references, so they are written first. */
void pc_xlsx_write_sct(pc_xlsx *w);
void pc_xlsx_write_cap_person(pc_xlsx *w);
void pc_xlsx_write_cap(pc_xlsx *w);
void pc_xlsx_write_tsr(pc_xlsx *w);
void pc_xlsx_write_pvp(pc_xlsx *w);
void pc_xlsx_write_valuations(pc_xlsx *w);
/* The row and column of a valuation's Value cell on Award Valuations, or
 * PC_XLSX_NONE when the sheet has no room for it. */
int32_t pc_xlsx_valuation_value_at(const pc_xlsx *w, size_t index, int *col);
void pc_xlsx_write_rates(pc_xlsx *w);
/* How many rates Exchange Rates has rows for (w->last_row); the Cash and FX
 * rows of a rate past them hold the rate itself. */
size_t pc_xlsx_rates_room(const pc_xlsx *w);
void pc_xlsx_write_checks(pc_xlsx *w);
/* Audit Notes (calc/write/xlsx_audit.c). */
void pc_xlsx_write_audit(pc_xlsx *w);
/* The tranches treated as vested on retirement eligibility (SPEC section
 * 13), on their own sheet `ws` (xlsx_retirement.c). */
void pc_xlsx_write_retirement(pc_xlsx *w, lxw_worksheet *ws);

/* The Charts sheet, over the Pay vs Performance table (calc/write/xlsx_charts.c). */
void pc_xlsx_write_charts(pc_xlsx *w);

/* Whether the Checks sheet is written (SPEC section 9: when there are
 * findings to show). */
bool pc_xlsx_has_checks_sheet(const pc_report *report);

/* Shared by the proxy table writers (xlsx_sct.c, xlsx_cap.c, xlsx_pvp.c). */
int pc_xlsx_year_cmp_desc(const void *a, const void *b);

const pc_pvp_row *pc_xlsx_pvp_for_year(const pc_report *r, int year);

/* The index of the CAP row of a subject in a year, or PC_XLSX_NONE. */
long pc_xlsx_cap_index(const pc_report *r, int year, size_t subject);

bool pc_xlsx_is_peo(const pc_pvp_row *p, size_t person);
/* The PEO a Pay vs Performance column pair shows in a year, or NULL. */
const pc_pvp_peo *pc_xlsx_slot_peo(const pc_xlsx *w, size_t slot, const pc_pvp_row *p);

/* "3 from fair values supplied by the company, 2 at the closing stock
 * price, ...)." : how many valuations each method gave, for a footnote. */
void pc_xlsx_add_method_counts(pc_buf *b, const size_t *by_method);

/* Appends "SUMIFS('Award Valuations'!$AF:$AF,...)": the sum of the signed
 * contributions of a person's valuations of a year that feed `line` (a
 * reconciliation key, or "sct"), of awards of `type` ("stock", "option",
 * "sar") unless NULL (no leading '='). */
void pc_xlsx_valuation_sumifs(pc_buf *b, size_t person, int year, const char *line,
                              const char *type);
/* Cash and FX (calc/write/xlsx_cash.c): plan its rows (before the SCT,
 * which links to them), write it, and the first row of a person's
 * component in a year (PC_XLSX_NONE when there is none). */
void pc_xlsx_plan_cash(pc_xlsx *w);
void pc_xlsx_write_cash(pc_xlsx *w);
int32_t pc_xlsx_cash_row(const pc_xlsx *w, size_t person, int year, pc_component component);
/* The workbook's words in the --labels language (calc/write/xlsx_labels.c):
 * the translation of an English title, header or footnote format, or the
 * English itself. Borrowed, static. */
const char *pc_xlsx_words(const pc_xlsx *w, const char *en) __attribute__((format_arg(2)));
/* A formula that is also an internal hyperlink to the cell it comes from
 * (SPEC section 9: each disclosure figure links to its support). */
void pc_xlsx_formula_link(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                          lxw_format *fmt, double value, const char *sheet, int32_t to_row,
                          int to_col);
/* Appends "SUMIFS('Cash and FX'!$J:$J,...)": the exact USD sum of a person's
 * component in a year (no leading '='). */
void pc_xlsx_cash_sumifs(pc_buf *b, size_t person, int year, pc_component component);

/* A new format in the workbook's font, top-aligned, with `num_format`
 * (NULL: general); NULL (and the writer failed) when out of memory. */
lxw_format *pc_xlsx_add_format(pc_xlsx *w, const char *num_format);

#endif
