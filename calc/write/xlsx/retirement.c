/*
 * The workbook's `Retirement Eligibility` sheet (SPEC section 13): every
 * tranche that compensation actually paid treats as vested because its
 * holder became eligible to retire with it (C&DI 128D.18), with the dates
 * behind the treatment, so a reader of the CAP reconciliation sees why a
 * tranche vested earlier there than on its schedule. Written only when
 * some tranche is so treated; it reads the report and the dataset and
 * nothing else of the workbook.
 */
#include "sheets.h"

void pc_xlsx_write_retirement(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_report *r = w->report;
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Awards Treated as Vested on Retirement Eligibility", first, last);
    static const char *const titles[] = {"Executive",
                                         "Award",
                                         "Tranche",
                                         "Shares",
                                         "Grant Date",
                                         "Scheduled Vest Date",
                                         "Eligible to Retire",
                                         "Treated as Vested On"};
    static const double widths[] = {24, 22, 8, 10, 11, 11, 11, 11};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 8);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < r->retirement.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW - 4;
         i++, row++) {
        const pc_retirement_entry *e = &r->retirement.items[i];
        const pc_tranche *t = &ds->tranches.items[e->tranche];
        const pc_award *a = &ds->awards.items[t->award];
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, a->person), w->f.text);
        pc_xlsx_text(w, ws, row, 1, a->id, w->f.text);
        pc_xlsx_number(w, ws, row, 2, t->number, w->f.centred);
        pc_xlsx_number(w, ws, row, 3, (double)t->shares, w->f.integer);
        pc_xlsx_date(w, ws, row, 4, a->grant_date, w->f.date);
        pc_xlsx_date(w, ws, row, 5, t->vest_date, w->f.date);
        pc_xlsx_date(w, ws, row, 6, e->eligible_date, w->f.date);
        pc_xlsx_date(w, ws, row, 7, e->treated_vested_on, w->f.date);
    }
    if (row >= PC_XLSX_LAST_ROW - 4)
        row = pc_xlsx_notef(w, ws, row, "%zu more tranches are listed in report.json.",
                            r->retirement.count - (size_t)(row - PC_XLSX_FIRST_DATA_ROW));
    row++;
    pc_xlsx_note(w, ws, row,
                 "For compensation actually paid only, an award that vests in full on "
                 "retirement counts as vested once its holder is eligible to retire, since no "
                 "substantive condition remains (Regulation S-K C&DI 128D.18): each service-"
                 "condition tranche still unvested then is treated as vested on the later of "
                 "its grant date and the eligibility date, and valued on that date. Tranches "
                 "with a performance or market condition are not. The Summary Compensation "
                 "Table and the equity award tables are unchanged.");
}
