/*
 * The Audit Notes workpaper of report.xlsx (SPEC section 9): where each
 * figure the disclosure sheets' footnotes and columns quote from the inputs
 * came from, by file and line, since the disclosure sheets themselves are
 * pasted into the proxy and name no file: the exchange rates of the SCT
 * footnote, the TSR base price of the PvP footnote, and the net income,
 * company-selected measure and peer group TSR of each covered year, and
 * the modifications whose incremental fair value is in the SCT.
 */
#include "sheets.h"

#include <stdio.h>

static const char *const audit_titles[] = {
    "Disclosure Sheet", "Figure", "Fiscal Year", "Value", "Source",
};
#define AUDIT_COLS (sizeof audit_titles / sizeof audit_titles[0])

/* One row: the sheet and figure it explains, the year (0: none), the value
 * in micros with `decimals`, and the source in words. */
static int32_t audit_row(pc_xlsx *w, int32_t row, const char *sheet, const char *figure, int year,
                         int64_t micros, int decimals, const char *source)
{
    lxw_worksheet *ws = w->audit;
    pc_xlsx_text(w, ws, row, 0, pc_xlsx_words(w, sheet), w->f.text);
    pc_xlsx_text(w, ws, row, 1, figure, w->f.wrap);
    if (year > 0)
        pc_xlsx_number(w, ws, row, 2, year, w->f.centred);
    pc_xlsx_micros(w, ws, row, 3, micros,
                   w->f.micros[decimals < 0   ? 0
                               : decimals > 6 ? 6
                                              : decimals]);
    pc_xlsx_text(w, ws, row, 4, source, w->f.wrap);
    size_t lines = pc_xlsx_cell_lines(w, 4, source), more = pc_xlsx_cell_lines(w, 1, figure);
    pc_xlsx_row_lines(w, ws, row, more > lines ? more : lines);
    return row + 1;
}

/* "performance.csv line 3" */
static void line_source(const pc_xlsx *w, pc_file file, int line, char *buf, size_t size)
{
    snprintf(buf, size, pc_xlsx_words(w, "%s line %d"), pc_file_name(file), line);
}

void pc_xlsx_write_audit(pc_xlsx *w)
{
    lxw_worksheet *ws = w->audit;
    const pc_report *r = w->report;
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Audit Notes: Where the Footnote Figures Come From", first, last);
    static const double widths[AUDIT_COLS] = {22, 40, 9, 16, 60};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, audit_titles, widths, AUDIT_COLS);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);

    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    char figure[96], source[96];
    pc_buf rate_source = {0};
    for (size_t i = 0; i < r->rates.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW - 64; i++) {
        const pc_rate_used *rt = &r->rates.items[i];
        snprintf(figure, sizeof figure,
                 pc_xlsx_words(w, "Exchange rate, %s per US dollar (footnote)"),
                 pc_xlsx_words(w, rt->currency)); /* 人民幣 for CNY in Chinese */
        row = audit_row(w, row, PC_XLSX_SHEET_SCT, figure, rt->fiscal_year, rt->per_usd_micro, 4,
                        pc_xlsx_rate_source(w, rt, &rate_source));
    }
    pc_buf_fini(&rate_source);
    if (r->tsr.computed) {
        for (size_t i = 0; i < ds->prices.count; i++)
            if (ds->prices.items[i].date == r->tsr.base_date) {
                line_source(w, PC_FILE_PRICES, ds->prices.items[i].line, source, sizeof source);
                row = audit_row(w, row, PC_XLSX_SHEET_PVP,
                                pc_xlsx_words(w, "TSR base: closing price before the first "
                                                 "covered year (footnote)"),
                                0, r->tsr.base_price_micro, 2, source);
                break;
            }
    }
    for (size_t i = 0; i < ds->performance.count && pc_xlsx_ok(w); i++) {
        const pc_performance *p = &ds->performance.items[i];
        if (p->year < first || p->year > last)
            continue;
        line_source(w, PC_FILE_PERFORMANCE, p->line, source, sizeof source);
        row = audit_row(w, row, PC_XLSX_SHEET_PVP, pc_xlsx_words(w, "Net income"), p->year,
                        p->net_income_cents * 10000, 0, source);
        if (p->has_csm && config->company_selected_measure)
            row = audit_row(w, row, PC_XLSX_SHEET_PVP, pc_xlsx_words(w, "Company-selected measure"),
                            p->year, p->csm_micro, 2, source);
        if (p->has_peer_tsr)
            row = audit_row(w, row, PC_XLSX_SHEET_PVP, pc_xlsx_words(w, "Peer group TSR"), p->year,
                            p->peer_tsr_micro, 2, source);
    }
    /* modifications.csv (ASC 718-20-35-3): the incremental fair value in
     * the SCT's stock or option awards column of the year. */
    for (size_t i = 0; i < r->modifications.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW - 64;
         i++) {
        const pc_modification_result *res = &r->modifications.items[i];
        const pc_modification *m = &ds->modifications.items[res->modification];
        const pc_award *a = &ds->awards.items[m->award];
        pc_buf text = {0};
        pc_buf_printf(
            &text,
            pc_xlsx_words(w, "Incremental fair value of the modification of award %s "
                             "(%s)"),
            a->id, pc_xlsx_words(w, a->type == PC_AWARD_STOCK ? "stock awards" : "option awards"));
        line_source(w, PC_FILE_MODIFICATIONS, m->line, source, sizeof source);
        if (text.failed)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        else
            row = audit_row(w, row, PC_XLSX_SHEET_SCT, pc_buf_text(&text), res->year,
                            res->incremental * 10000, 2, source);
        pc_buf_fini(&text);
    }
    row++;
    pc_xlsx_note(w, ws, row,
                 "The disclosure sheets name no input file, as a proxy does not; this sheet "
                 "says which line of which input each quoted figure comes from. Every computed "
                 "figure is traced on the other workpapers.");
}
