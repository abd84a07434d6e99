/*
 * The workbook's `Director Compensation` sheet: the table of Item 402(k)
 * (Item 402(r) for a smaller reporting company, whose column (f) is NQDC
 * earnings only) for the last covered fiscal year, one row per non-employee
 * director in roles.csv order, with the footnotes a proxy gives: the
 * grant-date fair value of each award granted in the year, and each
 * director's aggregate stock and option awards outstanding at the year end
 * (Instruction to Item 402(k)(2)(iii) and (iv)). Written only when the input
 * set names directors; it reads the report and the dataset and nothing else
 * of the workbook.
 */
#include "sheets.h"

#include "paycalc/money.h"

/* Footnote (1): the grant-date fair value of each award of the year
 * (Instruction to Item 402(k)(2)(iii) and (iv)). */
static int32_t grant_notes(pc_xlsx *w, lxw_worksheet *ws, int32_t row)
{
    const pc_report *r = w->report;
    const pc_dataset *ds = w->ds;
    pc_buf b;
    pc_buf_init(&b);
    pc_buf_puts(&b, pc_xlsx_words(w, "(1) The grant date fair value of the awards granted in the "
                                     "fiscal year, computed in accordance with FASB ASC Topic "
                                     "718"));
    bool any = false;
    for (size_t i = 0; i < r->directors.count; i++) {
        const pc_director_row *d = &r->directors.items[i];
        for (size_t k = d->first_grant; k < d->first_grant + d->ngrants; k++) {
            const pc_director_grant *g = &r->director_grants.items[k];
            const pc_award *a = &ds->awards.items[g->award];
            char day[32], value[48], shares[PC_TEXT_GROUPED_SIZE];
            pc_buf_puts(&b, pc_xlsx_words(w, any ? "; " : ": "));
            pc_buf_printf(&b,
                          pc_xlsx_words(w, a->type == PC_AWARD_STOCK
                                               ? "%s, %s shares granted on %s, $%s"
                                               : "%s, %s options granted on %s, $%s"),
                          pc_xlsx_person_name(w, d->person),
                          pc_text_group_digits((unsigned long long)a->shares, shares),
                          pc_xlsx_day_text(w, a->grant_date, day, sizeof day),
                          pc_money_format_display(g->value, 2, value, sizeof value));
            any = true;
        }
    }
    pc_buf_puts(&b, pc_xlsx_words(w, any ? "." : ": none were granted."));
    int32_t next = pc_xlsx_note(w, ws, row, pc_buf_text(&b));
    pc_buf_fini(&b);
    return next;
}

static const char *const titles[] = {
    "Name",
    "Fees Earned or Paid in Cash ($)",
    "Stock Awards ($)(1)",
    "Option Awards ($)(1)",
    "Non-Equity Incentive Plan Compensation ($)",
    "Change in Pension Value and Nonqualified Deferred Compensation Earnings ($)",
    "All Other Compensation ($)",
    "Total ($)",
};

void pc_xlsx_write_directors(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_report *r = w->report;
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    int year = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Director Compensation", year, year);
    const char *shown[PC_DCT_NCOLUMNS + 1];
    for (size_t c = 0; c < sizeof titles / sizeof titles[0]; c++)
        shown[c] = titles[c];
    /* Item 402(r)(2)(vi): a smaller reporting company's column (f). */
    if (config->smaller_reporting_company)
        shown[5] = "Nonqualified Deferred Compensation Earnings ($)";
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 14, 14, 14, 16, 20, 14, 14};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, shown, widths, PC_DCT_NCOLUMNS + 1);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < r->directors.count && pc_xlsx_ok(w); i++, row++) {
        const pc_director_row *d = &r->directors.items[i];
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, d->person), w->f.bold);
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            pc_xlsx_cents(w, ws, row, c + 1, d->column[c], w->f.nil_dollars);
    }
    row++;
    row = grant_notes(w, ws, row);
    /* Footnote (2): the awards each director held at the year end. */
    pc_buf b;
    pc_buf_init(&b);
    pc_buf_puts(&b,
                pc_xlsx_words(w, "(2) Awards outstanding at fiscal year end (unvested stock "
                                 "awards; options and stock appreciation rights not exercised)"));
    for (size_t i = 0; i < r->directors.count; i++) {
        const pc_director_row *d = &r->directors.items[i];
        char stock[PC_TEXT_GROUPED_SIZE], options[PC_TEXT_GROUPED_SIZE];
        pc_buf_puts(&b, pc_xlsx_words(w, i ? "; " : ": "));
        pc_buf_printf(&b, pc_xlsx_words(w, "%s, %s shares of stock and %s options"),
                      pc_xlsx_person_name(w, d->person),
                      pc_text_group_digits((unsigned long long)d->stock_outstanding, stock),
                      pc_text_group_digits((unsigned long long)d->options_outstanding, options));
    }
    pc_buf_puts(&b, pc_xlsx_words(w, "."));
    row = pc_xlsx_note(w, ws, row, pc_buf_text(&b));
    pc_buf_fini(&b);
    pc_xlsx_note(w, ws, row,
                 config->smaller_reporting_company
                     ? "The table lists the directors who are not named executive officers; an "
                       "executive's pay for service as a director is in the Summary "
                       "Compensation Table (Item 402(r) of Regulation S-K)."
                     : "The table lists the directors who are not named executive officers; an "
                       "executive's pay for service as a director is in the Summary "
                       "Compensation Table (Item 402(k) of Regulation S-K).");
}
