/*
 * The workbook's `Corporate Actions` sheet: each stock split of
 * corporate_actions.csv with its ratio and the factor applied to the prices
 * before it, how many rows of prices.csv, exercises.csv and fair_values.csv
 * it restated, and each award granted before it with its shares, exercise
 * price and grant-date fair value per share just before and just after
 * (calc/read/read_splits.c restates them; the other sheets show the
 * restated figures). Written only when the input set has a split; it reads
 * the dataset and nothing else of the workbook.
 */
#include "sheets.h"

#define NCOLUMNS 10

void pc_xlsx_write_splits(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Stock Splits", first, last);
    static const char *const split_titles[8] = {"Split Date",
                                                "Ratio (New Shares : Old Shares)",
                                                "Price Factor",
                                                "Share Factor",
                                                "Prices Restated (#)",
                                                "Dividends Restated (#)",
                                                "Exercises Restated (#)",
                                                "Fair Values Restated (#)"};
    double widths[NCOLUMNS] = {
        pc_xlsx_award_id_width(w, 12, 40), 14, 12, 12, 12, 12, 12, 12, 14, 14};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, split_titles, widths, 8);
    pc_xlsx_page_setup(w, ws, 1, false);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < ds->splits.count && pc_xlsx_ok(w); i++, row++) {
        const pc_split *s = &ds->splits.items[i];
        pc_xlsx_date(w, ws, row, 0, s->date, w->f.date);
        pc_xlsx_textf(w, ws, row, 1, w->f.centred, "%lld : %lld", (long long)s->new_shares,
                      (long long)s->old_shares);
        /* The factors as formulas over the ratio's two sides would need
         * them in cells of their own; they are shown as numbers. */
        pc_xlsx_number(w, ws, row, 2, (double)s->old_shares / (double)s->new_shares,
                       w->f.micros[6]);
        pc_xlsx_number(w, ws, row, 3, (double)s->new_shares / (double)s->old_shares,
                       w->f.micros[6]);
        pc_xlsx_number(w, ws, row, 4, (double)s->prices, w->f.integer);
        pc_xlsx_number(w, ws, row, 5, (double)s->dividends, w->f.integer);
        pc_xlsx_number(w, ws, row, 6, (double)s->exercises, w->f.integer);
        pc_xlsx_number(w, ws, row, 7, (double)s->fair_values, w->f.integer);
    }
    row++;
    static const char *const award_titles[NCOLUMNS] = {"Award",
                                                       "Executive",
                                                       "Grant Date",
                                                       "Split Date",
                                                       "Shares Before (#)",
                                                       "Shares After (#)",
                                                       "Exercise Price Before ($)",
                                                       "Exercise Price After ($)",
                                                       "Grant Date Fair Value per Share Before ($)",
                                                       "Grant Date Fair Value per Share After ($)"};
    pc_xlsx_headers(w, ws, row++, award_titles, widths, NCOLUMNS);
    size_t shown = 0;
    for (size_t i = 0; i < ds->split_awards.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW - 8;
         i++, row++, shown++) {
        const pc_split_award *sa = &ds->split_awards.items[i];
        const pc_award *a = &ds->awards.items[sa->award];
        pc_xlsx_text(w, ws, row, 0, a->id, w->f.text);
        pc_xlsx_text(w, ws, row, 1, pc_xlsx_person_name(w, a->person), w->f.text);
        pc_xlsx_date(w, ws, row, 2, a->grant_date, w->f.date);
        pc_xlsx_date(w, ws, row, 3, ds->splits.items[sa->split].date, w->f.date);
        pc_xlsx_number(w, ws, row, 4, (double)sa->shares_before, w->f.integer);
        pc_xlsx_number(w, ws, row, 5, (double)sa->shares_after, w->f.integer);
        if (a->type != PC_AWARD_STOCK) {
            pc_xlsx_micros(w, ws, row, 6, sa->exercise_price_before_micro, w->f.micros[2]);
            pc_xlsx_micros(w, ws, row, 7, sa->exercise_price_after_micro, w->f.micros[2]);
        }
        if (a->has_grant_fv) {
            pc_xlsx_micros(w, ws, row, 8, sa->grant_fv_before_micro, w->f.micros[2]);
            pc_xlsx_micros(w, ws, row, 9, sa->grant_fv_after_micro, w->f.micros[2]);
        }
    }
    if (shown < ds->split_awards.count)
        row = pc_xlsx_notef(w, ws, row, "%zu more restated awards are listed in report.json.",
                            ds->split_awards.count - shown);
    row++;
    row = pc_xlsx_note(
        w, ws, row,
        "Each split is applied to every figure dated before it, so that total shareholder "
        "return, the equity award tables, the Summary Compensation Table and compensation "
        "actually paid run on one share count: closing prices and dividends are multiplied by "
        "the price factor; an award granted before the split has its shares multiplied by the "
        "share factor and its exercise price, grant date fair value per share and price "
        "hurdles by the price factor; exercises and supplied fair values dated before it "
        "likewise. Figures dated on or after the split date are already in its terms.");
    row = pc_xlsx_note(w, ws, row,
                       "Per-share figures are rounded to six decimals, half away from zero. "
                       "Shares are rounded down to a whole share, as plans do with fractional "
                       "shares; the tranches of an award are rounded on their running total, so "
                       "they still add up to the award. An equitable adjustment the plan "
                       "requires is not a modification (FASB ASC 718-20-35-6).");
    pc_xlsx_note(w, ws, row,
                 "The peer group's prices (peer_prices.csv) are not restated: each peer's "
                 "prices are its own, adjusted for its own splits.");
}
