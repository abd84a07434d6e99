/*
 * The equity award disclosure sheets (SPEC sections 9 and 12): Outstanding
 * Equity Awards at Fiscal Year-End (Item 402(f), 402(p) for a smaller
 * reporting company), Option Exercises and Stock Vested (Item 402(g)) and
 * Grants of Plan-Based Awards (Item 402(d)), for the last covered fiscal
 * year, in the proxy's layout: one row per award, the person's name on the
 * first of their rows, the columns of the Item in its order, an em dash for
 * nil, footnotes in a proxy's words. Each prints one page wide, landscape.
 */
#include "xlsx_equity.h"

#include <stdio.h>
#include <string.h>

#include "paycalc/equity.h"

/* Number formats with an em dash for zero, as a proxy prints a nil. */
#define FMT_SHARES_NIL "#,##0;(#,##0);\"\xE2\x80\x94\""
#define FMT_DOLLARS_NIL "#,##0;(#,##0);\"\xE2\x80\x94\""
#define FMT_PRICE "#,##0.00##"

typedef struct sheet_formats {
    lxw_format *shares; /* a number of shares, em dash for 0 */
    lxw_format *money;  /* whole dollars, em dash for 0 */
    lxw_format *price;  /* an exercise price: at least 2 decimals */
    lxw_format *date;   /* an expiration or grant date */
    lxw_format *dash;   /* an em dash in a column that does not apply */
} sheet_formats;

static lxw_format *format_of(pc_xlsx *w, const char *num_format, uint8_t align)
{
    lxw_format *f = pc_xlsx_add_format(w, num_format);
    if (f)
        format_set_align(f, align);
    return f;
}

static bool make_formats(pc_xlsx *w, sheet_formats *f)
{
    f->shares = format_of(w, FMT_SHARES_NIL, LXW_ALIGN_RIGHT);
    f->money = format_of(w, FMT_DOLLARS_NIL, LXW_ALIGN_RIGHT);
    f->price = format_of(w, FMT_PRICE, LXW_ALIGN_RIGHT);
    f->date = format_of(w, "mm/dd/yyyy", LXW_ALIGN_CENTER);
    f->dash = format_of(w, NULL, LXW_ALIGN_RIGHT);
    return f->shares && f->money && f->price && f->date && f->dash;
}

static void dash(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const sheet_formats *f)
{
    pc_xlsx_text(w, ws, row, col, "\xE2\x80\x94", f->dash);
}

static void shares(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t n,
                   const sheet_formats *f)
{
    pc_xlsx_number(w, ws, row, col, (double)n, f->shares);
}

/* A value in whole dollars (SPEC section 9: whole dollars in the
 * disclosure tables); the exact cents are in report.json. */
static void dollars(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t cents,
                    const sheet_formats *f)
{
    int64_t whole = 0;
    if (pc_money_round(cents, 0, &whole) != PC_OK)
        whole = cents;
    pc_xlsx_cents(w, ws, row, col, whole, f->money);
}

/* The person's name on the first of their rows, a rule of white space
 * (nothing) on the others, as a proxy prints it. */
static void name_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t person, size_t *last)
{
    if (*last != person)
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, person), w->f.bold);
    *last = person;
}

static int last_year(const pc_xlsx *w)
{
    const pc_config *c = &w->ds->config;
    return c->nyears > 0 ? c->years[c->nyears - 1] : 0;
}

/* ---- Outstanding Equity Awards at Fiscal Year-End ------------------------ */

static const char *const oea_titles[] = {
    "Name",
    "Number of Securities Underlying Unexercised Options (#) Exercisable",
    "Number of Securities Underlying Unexercised Options (#) Unexercisable",
    "Equity Incentive Plan Awards: Number of Securities Underlying Unexercised Unearned Options "
    "(#)\xC2\xB9",
    "Option Exercise Price ($)",
    "Option Expiration Date",
    "Number of Shares or Units of Stock That Have Not Vested (#)",
    "Market Value of Shares or Units of Stock That Have Not Vested ($)\xC2\xB2",
    "Equity Incentive Plan Awards: Number of Unearned Shares, Units or Other Rights That Have Not "
    "Vested (#)\xC2\xB9",
    "Equity Incentive Plan Awards: Market or Payout Value of Unearned Shares, Units or Other "
    "Rights That Have Not Vested ($)\xC2\xB2",
};

static void oea_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_oea_row *r,
                    const sheet_formats *f)
{
    bool option = r->expiration_date != PC_DATE_NONE;
    if (option) {
        shares(w, ws, row, 1, r->options_exercisable, f);
        shares(w, ws, row, 2, r->options_unexercisable, f);
        shares(w, ws, row, 3, r->options_unearned, f);
        pc_xlsx_micros(w, ws, row, 4, r->exercise_price_micro, f->price);
        pc_xlsx_date(w, ws, row, 5, r->expiration_date, f->date);
        for (int c = 6; c <= 9; c++)
            dash(w, ws, row, c, f);
        return;
    }
    for (int c = 1; c <= 5; c++)
        dash(w, ws, row, c, f);
    shares(w, ws, row, 6, r->stock_unvested, f);
    dollars(w, ws, row, 7, r->stock_unvested_value, f);
    shares(w, ws, row, 8, r->stock_unearned, f);
    dollars(w, ws, row, 9, r->stock_unearned_value, f);
}

/* "June 28, 2024", as a proxy writes a date in a footnote. */
static void date_words(pc_date date, char *buf, size_t size)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int y, m, d;
    pc_date_to_ymd(date, &y, &m, &d);
    snprintf(buf, size, "%s %d, %d", months[(m >= 1 && m <= 12 ? m : 1) - 1], d, y);
}

static int32_t oea_notes(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int year)
{
    const pc_equity_tables *t = &w->report->equity;
    pc_date close_date = PC_DATE_NONE;
    int64_t close = 0;
    for (size_t i = 0; i < t->oea.count; i++)
        if (t->oea.items[i].year == year && t->oea.items[i].close_date != PC_DATE_NONE) {
            close_date = t->oea.items[i].close_date;
            close = t->oea.items[i].close_micro;
        }
    row =
        pc_xlsx_note(w, ws, row,
                     "(1) Awards whose vesting depends on a performance or market condition, shown "
                     "at the number of shares the company expected to be earned at fiscal year end "
                     "(the probable outcome of the condition); a market-condition award with no "
                     "assessment is shown at target.");
    if (close_date != PC_DATE_NONE) {
        char day[32], price[32];
        date_words(close_date, day, sizeof day);
        pc_micro_format(close, 2, price, sizeof price);
        row = pc_xlsx_notef(w, ws, row,
                            "(2) Market value is the number of shares times $%s, the closing price "
                            "of our common stock on %s, the last trading day of fiscal %d.",
                            price, day, year);
    } else {
        row =
            pc_xlsx_notef(w, ws, row,
                          "(2) Market value is the number of shares times the closing price of our "
                          "common stock on the last trading day of fiscal %d.",
                          year);
    }
    return row;
}

void pc_xlsx_write_equity_oea(pc_xlsx *w, lxw_worksheet *ws)
{
    sheet_formats f;
    if (!make_formats(w, &f))
        return;
    int year = last_year(w);
    pc_xlsx_heading(w, ws, "Outstanding Equity Awards at Fiscal Year-End", year, year);
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 13, 13, 16, 10, 12, 14, 14, 17, 17};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, oea_titles, widths, 10);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t last = (size_t)-1;
    const pc_equity_tables *t = &w->report->equity;
    for (size_t i = 0; i < t->oea.count && pc_xlsx_ok(w); i++) {
        const pc_oea_row *r = &t->oea.items[i];
        if (r->year != year)
            continue;
        name_cell(w, ws, row, r->person, &last);
        oea_row(w, ws, row++, r, &f);
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_note(w, ws, row, "No equity awards were outstanding at fiscal year end.");
    oea_notes(w, ws, row + 1, year);
}

/* ---- Option Exercises and Stock Vested ------------------------------------ */

static const char *const oesv_titles[] = {
    "Name",
    "Option Awards: Number of Shares Acquired on Exercise (#)",
    "Option Awards: Value Realized on Exercise ($)\xC2\xB9",
    "Stock Awards: Number of Shares Acquired on Vesting (#)",
    "Stock Awards: Value Realized on Vesting ($)\xC2\xB2",
};

void pc_xlsx_write_equity_oesv(pc_xlsx *w, lxw_worksheet *ws)
{
    sheet_formats f;
    if (!make_formats(w, &f))
        return;
    int year = last_year(w);
    pc_xlsx_heading(w, ws, "Option Exercises and Stock Vested", year, year);
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 16, 16, 16, 16};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, oesv_titles, widths, 5);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t last = (size_t)-1;
    const pc_equity_tables *t = &w->report->equity;
    for (size_t i = 0; i < t->oesv.count && pc_xlsx_ok(w); i++) {
        const pc_oesv_row *r = &t->oesv.items[i];
        if (r->year != year)
            continue;
        name_cell(w, ws, row, r->person, &last);
        shares(w, ws, row, 1, r->options_exercised, &f);
        dollars(w, ws, row, 2, r->exercise_value, &f);
        shares(w, ws, row, 3, r->stock_vested, &f);
        dollars(w, ws, row, 4, r->vesting_value, &f);
        row++;
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_notef(w, ws, row,
                            "No options were exercised and no stock vested in fiscal %d.", year);
    row++;
    row = pc_xlsx_note(w, ws, row,
                       "(1) The closing price of our common stock on the exercise date less the "
                       "exercise price, times the number of shares acquired.");
    pc_xlsx_note(
        w, ws, row,
        "(2) The closing price of our common stock on the vesting date times the number of "
        "shares acquired; for an award with a performance condition, the shares earned at "
        "the outcome assessed on that date.");
}

/* ---- Grants of Plan-Based Awards ----------------------------------------- */

static const char *const gpba_titles[] = {
    "Name",
    "Grant Date",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Threshold (#)",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Target (#)",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Maximum (#)",
    "All Other Stock Awards: Number of Shares of Stock or Units (#)",
    "All Other Option Awards: Number of Securities Underlying Options (#)",
    "Exercise or Base Price of Option Awards ($/Sh)",
    "Grant Date Fair Value of Stock and Option Awards ($)\xC2\xB9",
};

static void shares_or_dash(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, bool given,
                           int64_t n, const sheet_formats *f)
{
    if (given)
        shares(w, ws, row, col, n, f);
    else
        dash(w, ws, row, col, f);
}

void pc_xlsx_write_equity_gpba(pc_xlsx *w, lxw_worksheet *ws)
{
    sheet_formats f;
    if (!make_formats(w, &f))
        return;
    int year = last_year(w);
    pc_xlsx_heading(w, ws, "Grants of Plan-Based Awards", year, year);
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 12, 14, 14, 14, 14, 14, 12, 16};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, gpba_titles, widths, 9);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t last = (size_t)-1;
    const pc_equity_tables *t = &w->report->equity;
    for (size_t i = 0; i < t->gpba.count && pc_xlsx_ok(w); i++) {
        const pc_gpba_row *r = &t->gpba.items[i];
        if (r->year != year)
            continue;
        name_cell(w, ws, row, r->person, &last);
        pc_xlsx_date(w, ws, row, 1, r->grant_date, f.date);
        shares_or_dash(w, ws, row, 2, r->has_threshold, r->threshold_shares, &f);
        shares_or_dash(w, ws, row, 3, r->incentive_plan, r->target_shares, &f);
        shares_or_dash(w, ws, row, 4, r->has_maximum, r->maximum_shares, &f);
        shares(w, ws, row, 5, r->other_stock_shares, &f);
        shares(w, ws, row, 6, r->other_option_shares, &f);
        if (w->ds->awards.items[r->award].type != PC_AWARD_STOCK)
            pc_xlsx_micros(w, ws, row, 7, r->exercise_price_micro, f.price);
        else
            dash(w, ws, row, 7, &f);
        dollars(w, ws, row, 8, r->grant_date_fair_value, &f);
        row++;
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_notef(w, ws, row, "No equity awards were granted in fiscal %d.", year);
    pc_xlsx_note(w, ws, row + 1,
                 "(1) The grant date fair value of each award computed in accordance with FASB ASC "
                 "Topic 718, as reported in the Summary Compensation Table; for an award with a "
                 "performance condition, at the probable outcome of the condition on the grant "
                 "date.");
}
