/*
 * The SCT All Years workpaper of report.xlsx (SPEC section 9): a Summary
 * Compensation row for every executive and every covered fiscal year.
 *
 * Pay versus Performance covers up to five years while the disclosure SCT
 * shows the last three (Item 402(c)(1); Item 402(v)(2)(ii) starts each
 * year's CAP from that year's SCT total). CAP by Person takes the SCT total
 * and the equity deduction of every year from a cell: for a year the
 * disclosure SCT shows, its cell there; for an earlier year, the row here.
 * So an edited salary, pension or grant-date value of an earlier year moves
 * CAP as it moves the SCT.
 *
 * One cell per fact: a row of a year the disclosure SCT shows refers to its
 * cells there (and links to them); an earlier year's row holds the same
 * formulas the disclosure SCT uses (pc_xlsx_sct_figures: SUMIFS over Cash
 * and FX and Award Valuations, the total a SUM of the row). Rows in the
 * engine's order: each executive's years together, oldest first.
 */
#include "sheets.h"

#include <assert.h>
#include <string.h>

/* Columns as on Summary Compensation: name, year, the figures. */
#define SCT_ALL_COLS (2 + PC_SCT_NCOLUMNS)

/* The rows the sheet has room for: the rows above a blank row and its two
 * notes. */
static size_t sct_all_room(const pc_xlsx *w)
{
    return (size_t)(w->last_row - PC_XLSX_FIRST_DATA_ROW + 1 - 3);
}

int32_t pc_xlsx_sct_all_row(const pc_xlsx *w, size_t index)
{
    /* `index` names an item of report->sct (cap.c takes it from a pointer
     * into them). */
    assert(index < w->report->sct.count);
    if (index >= sct_all_room(w))
        return PC_XLSX_NONE;
    return PC_XLSX_FIRST_DATA_ROW + (int32_t)index;
}

/* A row of a year the disclosure SCT shows: each figure a reference to its
 * cell there, linked to it. */
static void shown_row(pc_xlsx *w, int32_t row, const pc_sct_row *s, int32_t sct_row)
{
    for (int c = 0; c < PC_SCT_NCOLUMNS; c++) {
        char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
        pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_SCT, sct_row, 2 + c);
        snprintf(formula, sizeof formula, "=%s", ref);
        pc_xlsx_formula_link(w, w->sct_all, row, 2 + c, formula, w->f.dollars,
                             (double)s->column[c] / 100.0, PC_XLSX_SHEET_SCT, sct_row, 2 + c);
    }
}

void pc_xlsx_write_sct_all(pc_xlsx *w)
{
    lxw_worksheet *ws = w->sct_all;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Summary Compensation, All Covered Years", first, last);
    static const char *const titles[SCT_ALL_COLS] = {
        "Executive",
        "Year",
        "Salary ($)",
        "Bonus ($)",
        "Stock Awards ($)",
        "Option Awards ($)",
        "Non-Equity Incentive Plan Compensation ($)",
        "Change in Pension Value and Nonqualified Deferred Compensation Earnings ($)",
        "All Other Compensation ($)",
        "Total ($)",
    };
    double widths[SCT_ALL_COLS] = {0, 7, 12, 12, 12, 12, 15, 19, 13, 13};
    widths[0] = pc_xlsx_name_width(w, 24, 50);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, SCT_ALL_COLS);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 2);

    size_t room = sct_all_room(w);
    size_t n = r->sct.count < room ? r->sct.count : room, shown = 0;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < n && pc_xlsx_ok(w); i++, row++) {
        const pc_sct_row *s = &r->sct.items[i];
        const char *name = pc_xlsx_person_name(w, s->person);
        pc_xlsx_text(w, ws, row, 0, name, w->f.wrap);
        pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, name));
        pc_xlsx_number(w, ws, row, 1, s->year, w->f.year);
        int32_t sct_row = s->in_table && w->at.sct_row ? w->at.sct_row[i] : PC_XLSX_NONE;
        if (sct_row != PC_XLSX_NONE) {
            shown_row(w, row, s, sct_row);
            shown++;
        } else {
            pc_xlsx_sct_figures(w, ws, row, s, w->f.dollars);
        }
    }
    row++;
    if (n < r->sct.count)
        row =
            pc_xlsx_notef(w, ws, row, "%zu more rows are not shown: a sheet holds at most %d rows.",
                          r->sct.count - n, w->last_row + 1);
    if (r->sct.count == 0)
        row = pc_xlsx_note(w, ws, row, "No named executive officer rows.");
    if (shown < r->sct.count)
        pc_xlsx_note(w, ws, row,
                     "The rows of the years the Summary Compensation Table shows refer to its "
                     "cells; the earlier years' rows hold the same formulas, and CAP by Person "
                     "takes their totals and award columns.");
    else
        pc_xlsx_note(w, ws, row,
                     "Every row refers to its cells on the Summary Compensation Table, which "
                     "shows every covered year.");
}
