/*
 * The benchmarks' reference for report.xlsx (bench_pipeline.c,
 * bench_xlsx.c): libxlsxwriter alone, in the same constant_memory mode,
 * writing as many cells of each kind as the report's workbook held over all
 * its sheets (pc_write_xlsx_counted): numbers in a number format, texts of
 * the lengths the report's words have, formulas with a stored value, each
 * link a URL cell that a formula then takes over (as pc_xlsx_formula_link
 * writes it), and formatted blanks. The kinds are interleaved in their
 * proportions, rows of RAW_XLSX_COLUMNS cells (the Award Valuations sheet's
 * width), a new sheet every RAW_XLSX_SHEET_ROWS rows. Formats are made once;
 * each row's formula and link target are built once for the row. That is
 * the fastest libxlsxwriter writes this mix of cells, the rate the report's
 * XLSX stage is measured against.
 *
 * A header of static functions, included by the two benchmark programs
 * only.
 */
#ifndef PAYCALC_BENCH_RAW_XLSX_H
#define PAYCALC_BENCH_RAW_XLSX_H

#include <stdio.h>

#include <xlsxwriter.h>

#include "paycalc/write.h"

enum { RAW_XLSX_COLUMNS = 38, RAW_XLSX_SHEET_ROWS = 1000000 };

enum raw_kind { RAW_NUMBER, RAW_TEXT, RAW_FORMULA, RAW_LINK, RAW_BLANK, RAW_NKINDS };

/* All the cells of the counts. */
static size_t raw_xlsx_cells(const pc_xlsx_cell_counts *n)
{
    return n->numbers + n->texts + n->formulas + n->blanks;
}

/* Texts like the report's: award IDs, names, keys, words and sources. */
static const char *const raw_texts[] = {
    "A-000123",
    "Executive 3",
    "stock",
    "performance",
    "Fiscal year end",
    "Black-Scholes-Merton",
    ("Change in fair value during the year of awards granted in prior years that remained "
     "unvested at year end"),
    "fye_change_unvested",
    "prices.csv line 1234; assumptions.csv line 56; outcomes.csv line 789",
};

/* Writes the workbook to `path` (temporary files in `tmpdir`, NULL for the
 * default); 0 on success, -1 on a libxlsxwriter error. */
static int raw_xlsx_write(const char *path, const char *tmpdir, const pc_xlsx_cell_counts *n)
{
    lxw_workbook_options options = {
        .constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir, .use_zip64 = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb)
        return -1;
    lxw_format *num = workbook_add_format(wb), *text = workbook_add_format(wb);
    if (!num || !text) {
        workbook_close(wb);
        return -1;
    }
    format_set_num_format(num, "#,##0.00;(#,##0.00)");
    format_set_align(num, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    size_t target[RAW_NKINDS] = {n->numbers, n->texts, n->formulas - n->links, n->links, n->blanks};
    size_t done[RAW_NKINDS] = {0};
    size_t total = raw_xlsx_cells(n);
    lxw_worksheet *ws = NULL;
    int sheets = 0, rc = 0;
    char formula[64], url[64];
    lxw_row_t row = 0;
    size_t sheet_links = 0;
    for (size_t i = 0; i < total && rc == 0; i++) {
        lxw_col_t col = (lxw_col_t)(i % RAW_XLSX_COLUMNS);
        if (col == 0) {
            row++;
            /* A new sheet at the row limit, or before Excel's limit of
             * 65,530 links a sheet. */
            if (!ws || row == RAW_XLSX_SHEET_ROWS || sheet_links + RAW_XLSX_COLUMNS > 65530) {
                char name[32];
                snprintf(name, sizeof name, "Sheet %d", ++sheets);
                ws = workbook_add_worksheet(wb, name);
                if (!ws) {
                    rc = -1;
                    break;
                }
                row = 0;
                sheet_links = 0;
            }
            snprintf(formula, sizeof formula, "=ROUND(Z%u*AA%u*Y%u,2)", row + 1, row + 1, row + 1);
            snprintf(url, sizeof url, "internal:'Award Valuations'!AB%u", row + 1);
        }
        /* The kind furthest behind its share so far. */
        int kind = 0;
        double behind = -1e300;
        for (int k = 0; k < RAW_NKINDS; k++) {
            if (done[k] >= target[k])
                continue;
            double b = (double)target[k] * (double)(i + 1) / (double)total - (double)done[k];
            if (b > behind) {
                behind = b;
                kind = k;
            }
        }
        done[kind]++;
        lxw_error err = LXW_NO_ERROR;
        double value = (double)(i % 100003) * 0.37;
        switch ((enum raw_kind)kind) {
        case RAW_NUMBER:
            err = worksheet_write_number(ws, row, col, value, num);
            break;
        case RAW_TEXT:
            err = worksheet_write_string(
                ws, row, col, raw_texts[i % (sizeof raw_texts / sizeof raw_texts[0])], text);
            break;
        case RAW_LINK:
            sheet_links++;
            err = worksheet_write_url(ws, row, col, url, num);
            if (err == LXW_NO_ERROR)
                err = worksheet_write_formula_num(ws, row, col, formula, num, value);
            break;
        case RAW_FORMULA:
            err = worksheet_write_formula_num(ws, row, col, formula, num, value);
            break;
        case RAW_BLANK:
        case RAW_NKINDS:
            err = worksheet_write_blank(ws, row, col, text);
            break;
        }
        if (err != LXW_NO_ERROR)
            rc = -1;
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        rc = -1;
    return rc;
}

#endif
