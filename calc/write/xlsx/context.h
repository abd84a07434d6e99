/*
 * The workbook writer's context (calc/write/xlsx/): the workbook being
 * written, its formats, where each sheet put the cells others refer to, and
 * the first error. Private to the writer, not a public header, because it
 * names libxlsxwriter types and only the writers may see that library
 * (STYLE.md, "The shape"). The cell toolkit (cells.h) works on it; the
 * sheets (sheets.h) write through the toolkit; workbook.c runs the sheets.
 *
 * Every sheet is written strictly top to bottom, one row after the other,
 * as libxlsxwriter's constant_memory mode requires (workbook.c says why
 * the writer uses it); a write above the current row would fail. The first
 * libxlsxwriter error is kept in the context and turned into a pc_diag once
 * the workbook is closed; later calls still run so the workbook is always
 * closed and freed (workbook_close writes and frees even after an error).
 */
#ifndef PAYCALC_XLSX_CONTEXT_H
#define PAYCALC_XLSX_CONTEXT_H

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
#include "paycalc/write.h"

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
#define PC_XLSX_SHEET_SCT_ALL "SCT All Years"
#define PC_XLSX_SHEET_PRICES "Prices"
#define PC_XLSX_SHEET_SPLITS "Corporate Actions"
#define PC_XLSX_SHEET_ASSUMPTIONS "Assumptions"
#define PC_XLSX_SHEET_OUTCOMES "Outcomes"
#define PC_XLSX_SHEET_AWARD_TERMS "Award Terms"
#define PC_XLSX_SHEET_PERFORMANCE "Performance"
#define PC_XLSX_SHEET_PEER_TSR "Peer Group TSR"

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
     * option awards of each covered year (xlsx/sct.c), or PC_XLSX_NONE. */
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
    /* Peer Group TSR (xlsx/peer_tsr.c): per year paycalc computed its peer
     * group TSR, the row of its value (PC_XLSX_NONE: a figure) and the
     * value in cents; the row of the detail's headers. */
    size_t npeer_tsr;
    int peer_tsr_year[PC_MAX_YEARS];
    int32_t peer_tsr_row[PC_MAX_YEARS];
    int64_t peer_tsr_value[PC_MAX_YEARS];
    int32_t peer_tsr_detail;
} pc_xlsx_layout;

/* A cash row's place on the Cash and FX sheet (calc/write/xlsx/cash.c). */
typedef struct pc_xlsx_cash_key pc_xlsx_cash_key;

typedef struct pc_xlsx {
    const pc_dataset *ds;
    const pc_report *report;
    lxw_workbook *wb;
    lxw_worksheet *sct, *sct_all, *prices, *pvp, *cap, *charts, *cap_person, *valuations, *cash,
        *rates, *tsr, *checks, *audit;
    pc_xlsx_formats f;
    pc_xlsx_layout at;
    pc_xlsx_cash_key *cash_keys; /* the Cash and FX rows, planned before any sheet */
    size_t ncash_keys;
    const pc_rate_used **rate_order; /* the Exchange Rates rows, sorted (xlsx/cash.c) */
    /* Per ds->prices row: its row on Prices, or PC_XLSX_NONE when the
     * workbook does not use it (xlsx/prices.c); how many used ones did not
     * fit. */
    int32_t *price_row;
    size_t prices_left_out;
    /* Per person and covered year (person * nyears + year index): their
     * valuations of the year were left out of Award Valuations, which has
     * no room for them (xlsx/detail.c); per report->valuations item: its
     * row on Award Valuations, or PC_XLSX_NONE when left out. */
    bool *valuation_cut;
    int32_t *valuation_row;
    /* scenarios.xlsx (xlsx/scenarios.c): the sheet the reconciliation
     * lines sum (NULL: Award Valuations), and the cell holding the close of
     * `price_ref_date` that a price cell of that date refers to instead of
     * Prices (NULL: none). */
    const char *valuation_sheet;
    const char *price_ref;
    pc_date price_ref_date;
    /* scenarios.xlsx: the valuation row being written differs by scenario
     * (pc_xlsx_valuation_scenario_cells); price_ref_date is the day whose
     * close each scenario sets. */
    bool scenario_row;
    /* The ds->outcomes indexes by outcomes.csv line (xlsx/inputs.c). */
    size_t *outcome_by_line;
    /* The workbook has the Assumptions, Outcomes and Award Terms sheets
     * (pc_xlsx_plan_inputs; scenarios.xlsx has none): cells refer to them. */
    bool input_sheets;
    /* The column widths of the table being written (set by pc_xlsx_headers), so
     * the footnotes under it wrap across its width. */
    double col_width[PC_XLSX_MAX_COLS];
    size_t ncols;
    int32_t last_row; /* the last row a long sheet may use: PC_XLSX_LAST_ROW (lower in tests) */
    pc_xlsx_cell_counts cells; /* the cells written so far (the cell writers count them) */
    /* One format for each set of properties (pc_xlsx_share_format); past
     * the last slot a format is used as it is, which is only slower. */
    lxw_format *shared[96];
    size_t nshared;
    pc_buf peer_tsr_formula[PC_MAX_YEARS]; /* the Peer Group TSR values (xlsx/peer_tsr.c) */
    pc_buf formula;                        /* the formula being built (pc_xlsx_formula_text) */
    pc_buf scratch;                        /* a row's text being built, reused from row to row */
    lxw_error err;                         /* the first libxlsxwriter error, or LXW_NO_ERROR */
    pc_status status;                      /* the first error of our own, or PC_OK */
    char problem[512];                     /* what that error was, for the diagnostic */
} pc_xlsx;

/* Records a libxlsxwriter result; keeps the first error. */
void pc_xlsx_check(pc_xlsx *w, lxw_error err);
/* Records an error of our own (an inconsistent report, out of memory). */
void pc_xlsx_fail(pc_xlsx *w, pc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Whether nothing has gone wrong so far. */
bool pc_xlsx_ok(const pc_xlsx *w);

#endif
