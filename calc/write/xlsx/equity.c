/*
 * The equity award disclosure sheets (SPEC sections 9 and 12): Outstanding
 * Equity Awards at Fiscal Year-End (Item 402(f), 402(p) for a smaller
 * reporting company), Option Exercises and Stock Vested (Item 402(g)) and
 * Grants of Plan-Based Awards (Item 402(d)), for the last covered fiscal
 * year, in the proxy's layout: one row per award, the person's name on the
 * first of their rows (Option Exercises and Stock Vested: one row per
 * person, their exercises and vestings summed), the columns of the Item in its order, an em dash
 * for nil, footnotes in a proxy's words. Each prints one page wide, landscape.
 *
 * Every figure is a formula over its support on Equity Award Detail (SPEC
 * section 9: each disclosure figure links to its support): the SUM of the
 * run of detail rows behind it, rounded to the dollar for an amount, with
 * an internal link to the first of them; a nil with nothing behind it is
 * the only number typed in.
 */
#include "equity.h"
#include "sheets.h"

#include <stdio.h>
#include <string.h>

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
    /* The same formats on each of the three sheets. */
    return pc_xlsx_share_format(w, f);
}

static bool make_formats(pc_xlsx *w, sheet_formats *f)
{
    f->shares = format_of(w, FMT_SHARES_NIL, LXW_ALIGN_RIGHT);
    f->money = format_of(w, FMT_DOLLARS_NIL, LXW_ALIGN_RIGHT);
    f->price = format_of(w, FMT_PRICE, LXW_ALIGN_RIGHT);
    /* A date as the proxy prints it in a table: 09/26/2027, or under
     * Chinese labels 2027年9月26日 (as pc_xlsx_day_text writes one in a
     * sentence). */
    f->date = format_of(
        w, w->ds->config.labels == PC_LABELS_EN ? "mm/dd/yyyy" : "yyyy\"年\"m\"月\"d\"日\"",
        LXW_ALIGN_CENTER);
    f->dash = format_of(w, NULL, LXW_ALIGN_RIGHT);
    return f->shares && f->money && f->price && f->date && f->dash;
}

static void dash(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const sheet_formats *f)
{
    pc_xlsx_text(w, ws, row, col, "\xE2\x80\x94", f->dash);
}

/* The person's name on the first of their rows, a rule of white space
 * (nothing) on the others, as a proxy prints it. */
static void name_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t person, size_t *last)
{
    if (*last != person)
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, person), w->f.bold);
    *last = person;
}

/* ---- Links to Equity Award Detail ----------------------------------------- */

/* Where a disclosure row's steps are on Equity Award Detail: steps[0] on
 * `first_row`, the others under it. */
typedef struct support {
    const pc_equity_step *steps;
    size_t n;
    int32_t first_row;
} support;

/* The support of the next row of `table` (the rows of the year follow one
 * another on the detail sheet, from its planned first row). */
static support next_support(const pc_xlsx *w, int32_t *at, size_t first_step, size_t nsteps)
{
    support s = {&w->report->equity.steps.items[first_step], nsteps, *at};
    *at += (int32_t)nsteps;
    return s;
}

/* The detail rows of the steps of `item` (one run, equity.h): false when
 * the row has none or the sheet had no room for them. */
static bool run_rows(const pc_xlsx *w, const support *s, pc_equity_item item, int32_t *r0,
                     int32_t *r1)
{
    size_t k = 0;
    while (k < s->n && s->steps[k].item != item)
        k++;
    if (k == s->n)
        return false;
    size_t end = k;
    while (end + 1 < s->n && s->steps[end + 1].item == item)
        end++;
    *r0 = s->first_row + (int32_t)k;
    *r1 = s->first_row + (int32_t)end;
    return *r1 <= w->at.equity_last;
}

/* The SUM of the `dcol` cells of detail rows r0..r1 (rounded to the dollar
 * when `dollars`), linked to the first. */
static void sum_formula(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int32_t r0, int32_t r1,
                        pc_xlsx_eq_col dcol, bool dollars, double value, lxw_format *fmt)
{
    char first[PC_XLSX_REF_SIZE], last[PC_XLSX_REF_SIZE], sum[3 * PC_XLSX_REF_SIZE],
        formula[4 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(first, sizeof first, PC_XLSX_SHEET_EQUITY_DETAIL, r0, (int)dcol);
    pc_xlsx_ref(last, sizeof last, NULL, r1, (int)dcol);
    if (r0 == r1)
        snprintf(sum, sizeof sum, "%s", first);
    else
        snprintf(sum, sizeof sum, "SUM(%s:%s)", first, last);
    if (dollars)
        snprintf(formula, sizeof formula, "=ROUND(%s,0)", sum);
    else
        snprintf(formula, sizeof formula, "=%s", sum);
    pc_xlsx_formula_link(w, ws, row, col, formula, fmt, value, PC_XLSX_SHEET_EQUITY_DETAIL, r0,
                         (int)dcol);
}

/* A figure as the sum of the `col` cells of its run of detail rows (rounded
 * to the dollar when `dollars`), linked to the first; a typed-in value when
 * it has no run (a nil). */
static void figure(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                   pc_equity_item item, pc_xlsx_eq_col dcol, bool dollars, double value,
                   lxw_format *fmt)
{
    int32_t r0, r1;
    if (!run_rows(w, s, item, &r0, &r1)) {
        pc_xlsx_number(w, ws, row, col, value, fmt);
        return;
    }
    sum_formula(w, ws, row, col, r0, r1, dcol, dollars, value, fmt);
}

static void shares_of(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                      pc_equity_item item, int64_t n, const sheet_formats *f)
{
    figure(w, ws, row, col, s, item, PC_XLSX_EQ_COL_COUNTED, false, (double)n, f->shares);
}

/* A value in whole dollars (SPEC section 9: whole dollars in the disclosure
 * tables; the exact cents are in report.json), summed over the Value cells
 * of the run of `item`. */
static void dollars_of(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                       pc_equity_item item, int64_t cents, const sheet_formats *f)
{
    int64_t whole = 0;
    if (pc_money_round(cents, 0, &whole) != PC_OK)
        whole = cents;
    figure(w, ws, row, col, s, item, PC_XLSX_EQ_COL_VALUE, true, (double)whole / 100.0, f->money);
}

/* An award term (exercise price, expiration or grant date) as a reference to
 * the first detail row of a disclosure row, linked to it. */
static void term_of(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                    pc_xlsx_eq_col dcol, double value, lxw_format *fmt)
{
    if (s->n == 0 || s->first_row > w->at.equity_last) {
        pc_xlsx_number(w, ws, row, col, value, fmt);
        return;
    }
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
    pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_EQUITY_DETAIL, s->first_row, (int)dcol);
    snprintf(formula, sizeof formula, "=%s", ref);
    pc_xlsx_formula_link(w, ws, row, col, formula, fmt, value, PC_XLSX_SHEET_EQUITY_DETAIL,
                         s->first_row, (int)dcol);
}

/* A date term; a date with no Excel serial is written as pc_xlsx_date
 * writes it (as text). */
static void date_of(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                    pc_xlsx_eq_col dcol, pc_date date, lxw_format *fmt)
{
    double serial;
    if (pc_xlsx_date_serial(date, &serial))
        term_of(w, ws, row, col, s, dcol, serial, fmt);
    else
        pc_xlsx_date(w, ws, row, col, date, fmt);
}

/* ---- Outstanding Equity Awards at Fiscal Year-End ------------------------ */

static const char *const oea_titles[] = {
    "Name",
    "Number of Securities Underlying Unexercised Options (#) Exercisable",
    "Number of Securities Underlying Unexercised Options (#) Unexercisable",
    "Equity Incentive Plan Awards: Number of Securities Underlying Unexercised Unearned Options "
    "(#)(1)",
    "Option Exercise Price ($)",
    "Option Expiration Date",
    "Number of Shares or Units of Stock That Have Not Vested (#)",
    "Market Value of Shares or Units of Stock That Have Not Vested ($)(2)",
    "Equity Incentive Plan Awards: Number of Unearned Shares, Units or Other Rights That Have Not "
    "Vested (#)(1)",
    "Equity Incentive Plan Awards: Market or Payout Value of Unearned Shares, Units or Other "
    "Rights That Have Not Vested ($)(2)",
};

static void oea_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_oea_row *r,
                    const support *s, const sheet_formats *f)
{
    bool option = r->expiration_date != PC_DATE_NONE;
    if (option) {
        shares_of(w, ws, row, 1, s, PC_EQ_OPTIONS_EXERCISABLE, r->options_exercisable, f);
        shares_of(w, ws, row, 2, s, PC_EQ_OPTIONS_UNEXERCISABLE, r->options_unexercisable, f);
        shares_of(w, ws, row, 3, s, PC_EQ_OPTIONS_UNEARNED, r->options_unearned, f);
        term_of(w, ws, row, 4, s, PC_XLSX_EQ_COL_STRIKE,
                pc_xlsx_micros_value(r->exercise_price_micro), f->price);
        date_of(w, ws, row, 5, s, PC_XLSX_EQ_COL_EXPIRES, r->expiration_date, f->date);
        for (int c = 6; c <= 9; c++)
            dash(w, ws, row, c, f);
        return;
    }
    for (int c = 1; c <= 5; c++)
        dash(w, ws, row, c, f);
    shares_of(w, ws, row, 6, s, PC_EQ_STOCK_UNVESTED, r->stock_unvested, f);
    dollars_of(w, ws, row, 7, s, PC_EQ_STOCK_UNVESTED_VALUE, r->stock_unvested_value, f);
    shares_of(w, ws, row, 8, s, PC_EQ_STOCK_UNEARNED, r->stock_unearned, f);
    dollars_of(w, ws, row, 9, s, PC_EQ_STOCK_UNEARNED_VALUE, r->stock_unearned_value, f);
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
                     "assessment is shown at target. A market-condition award whose performance "
                     "period has ended is earned: its shares earned are shown as stock not "
                     "vested until they vest.");
    if (close_date != PC_DATE_NONE) {
        char day[32], price[32];
        pc_xlsx_date_words(w, close_date, day, sizeof day);
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
    int year = pc_xlsx_equity_year(w);
    pc_xlsx_heading(w, ws, "Outstanding Equity Awards at Fiscal Year-End", year, year);
    /* A Chinese date (2027年9月26日) takes 14 characters. */
    double date_width = w->ds->config.labels == PC_LABELS_EN ? 12 : 14;
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 13, 13, 16, 10, date_width, 14, 14, 17, 17};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, oea_titles, widths, 10);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t last = (size_t)-1;
    const pc_equity_tables *t = &w->report->equity;
    int32_t at = w->at.equity_first[PC_XLSX_EQ_OEA];
    for (size_t i = 0; i < t->oea.count && pc_xlsx_ok(w); i++) {
        const pc_oea_row *r = &t->oea.items[i];
        if (r->year != year)
            continue;
        support s = next_support(w, &at, r->first_step, r->nsteps);
        name_cell(w, ws, row, r->person, &last);
        oea_row(w, ws, row++, r, &s, &f);
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_note(w, ws, row, "No equity awards were outstanding at fiscal year end.");
    oea_notes(w, ws, row + 1, year);
}

/* ---- Option Exercises and Stock Vested ------------------------------------ */

static const char *const oesv_titles[] = {
    "Name",
    "Option Awards: Number of Shares Acquired on Exercise (#)",
    "Option Awards: Value Realized on Exercise ($)(1)",
    "Stock Awards: Number of Shares Acquired on Vesting (#)",
    "Stock Awards: Value Realized on Vesting ($)(2)",
};

/* What one person acquired in the year, over all their awards: a proxy's
 * Item 402(g) table has one row per executive. Their steps lie on Equity
 * Award Detail as pc_xlsx_write_equity_detail lays them out: the exercises
 * (award by award) from `first_row`, then the vestings, so each figure is
 * the SUM of one run of rows. */
typedef struct oesv_person {
    size_t person;
    int64_t options_exercised, exercise_value; /* shares; cents */
    int64_t stock_vested, vesting_value;       /* shares; cents */
    size_t nexercised, nvested;                /* steps of each run */
    int32_t first_row;
} oesv_person;

/* The person of the rows of `year` from rows[*i] on, summed; *i moves past
 * them. A total past the exact money type is the writer's error (it cannot
 * happen for totals the engine computed award by award, but it is not
 * wrapped). */
static oesv_person next_person(pc_xlsx *w, size_t *i, int year, int32_t *at)
{
    const pc_equity_tables *t = &w->report->equity;
    size_t from = *i;
    pc_oesv_row sum;
    if (pc_equity_oesv_person(t, i, year, &sum) != PC_OK)
        pc_xlsx_fail(w, PC_ERR_OVERFLOW, "an Option Exercises and Stock Vested total overflows");
    oesv_person p = {.person = sum.person,
                     .options_exercised = sum.options_exercised,
                     .exercise_value = sum.exercise_value,
                     .stock_vested = sum.stock_vested,
                     .vesting_value = sum.vesting_value,
                     .first_row = *at};
    for (size_t k = from; k < *i; k++) {
        const pc_oesv_row *r = &t->oesv.items[k];
        if (r->year != year)
            continue;
        for (size_t s = 0; s < r->nsteps; s++) {
            if (t->steps.items[r->first_step + s].item == PC_EQ_OPTIONS_EXERCISED)
                p.nexercised++;
            else
                p.nvested++;
        }
    }
    *at += (int32_t)(p.nexercised + p.nvested);
    return p;
}

/* A person's figure: the SUM of its run of `n` detail rows from `r0` (a
 * typed value when there is none, or it did not fit on the sheet). */
static void person_figure(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int32_t r0, size_t n,
                          pc_xlsx_eq_col dcol, bool dollars, int64_t value, lxw_format *fmt)
{
    double shown = (double)value;
    if (dollars) {
        int64_t whole = 0;
        if (pc_money_round(value, 0, &whole) != PC_OK)
            whole = value;
        shown = (double)whole / 100.0;
    }
    int32_t r1 = r0 + (int32_t)n - 1;
    if (n == 0 || r1 > w->at.equity_last) {
        pc_xlsx_number(w, ws, row, col, shown, fmt);
        return;
    }
    sum_formula(w, ws, row, col, r0, r1, dcol, dollars, shown, fmt);
}

void pc_xlsx_write_equity_oesv(pc_xlsx *w, lxw_worksheet *ws)
{
    sheet_formats f;
    if (!make_formats(w, &f))
        return;
    int year = pc_xlsx_equity_year(w);
    pc_xlsx_heading(w, ws, "Option Exercises and Stock Vested", year, year);
    double widths[] = {pc_xlsx_name_width(w, 24, 40), 16, 16, 16, 16};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, oesv_titles, widths, 5);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    const pc_equity_tables *t = &w->report->equity;
    int32_t at = w->at.equity_first[PC_XLSX_EQ_OESV];
    size_t i = 0;
    while (i < t->oesv.count && pc_xlsx_ok(w)) {
        if (t->oesv.items[i].year != year) {
            i++;
            continue;
        }
        oesv_person p = next_person(w, &i, year, &at);
        int32_t vested_row = p.first_row + (int32_t)p.nexercised;
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, p.person), w->f.bold);
        person_figure(w, ws, row, 1, p.first_row, p.nexercised, PC_XLSX_EQ_COL_COUNTED, false,
                      p.options_exercised, f.shares);
        person_figure(w, ws, row, 2, p.first_row, p.nexercised, PC_XLSX_EQ_COL_VALUE, true,
                      p.exercise_value, f.money);
        person_figure(w, ws, row, 3, vested_row, p.nvested, PC_XLSX_EQ_COL_COUNTED, false,
                      p.stock_vested, f.shares);
        person_figure(w, ws, row, 4, vested_row, p.nvested, PC_XLSX_EQ_COL_VALUE, true,
                      p.vesting_value, f.money);
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
    "Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Threshold ($)",
    "Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Target ($)",
    "Estimated Possible Payouts Under Non-Equity Incentive Plan Awards: Maximum ($)",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Threshold (#)",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Target (#)",
    "Estimated Future Payouts Under Equity Incentive Plan Awards: Maximum (#)",
    "All Other Stock Awards: Number of Shares of Stock or Units (#)",
    "All Other Option Awards: Number of Securities Underlying Options (#)",
    "Exercise or Base Price of Option Awards ($/Sh)",
    "Grant Date Fair Value of Stock and Option Awards ($)(1)",
};

static void shares_or_dash(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const support *s,
                           pc_equity_item item, bool given, int64_t n, const sheet_formats *f)
{
    if (given)
        shares_of(w, ws, row, col, s, item, n, f);
    else
        dash(w, ws, row, col, f);
}

static void gpba_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_gpba_row *r,
                     const support *s, const sheet_formats *f)
{
    date_of(w, ws, row, 1, s, PC_XLSX_EQ_COL_DATE, r->grant_date, f->date);
    for (int c = 2; c <= 4; c++)
        dash(w, ws, row, c, f);
    shares_or_dash(w, ws, row, 5, s, PC_EQ_THRESHOLD_SHARES, r->has_threshold, r->threshold_shares,
                   f);
    shares_or_dash(w, ws, row, 6, s, PC_EQ_TARGET_SHARES, r->incentive_plan, r->target_shares, f);
    shares_or_dash(w, ws, row, 7, s, PC_EQ_MAXIMUM_SHARES, r->has_maximum, r->maximum_shares, f);
    shares_of(w, ws, row, 8, s, PC_EQ_OTHER_STOCK_SHARES, r->other_stock_shares, f);
    shares_of(w, ws, row, 9, s, PC_EQ_OTHER_OPTION_SHARES, r->other_option_shares, f);
    if (w->ds->awards.items[r->award].type != PC_AWARD_STOCK)
        term_of(w, ws, row, 10, s, PC_XLSX_EQ_COL_STRIKE,
                pc_xlsx_micros_value(r->exercise_price_micro), f->price);
    else
        dash(w, ws, row, 10, f);
    dollars_of(w, ws, row, 11, s, PC_EQ_GRANT_DATE_FAIR_VALUE, r->grant_date_fair_value, f);
}

/* A non-equity incentive plan award's level in whole dollars: a reference
 * to its dollars on Plan Targets, rounded, linked to it; an em dash for a
 * level the plan does not set. */
static void plan_level(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, size_t index, int level,
                       bool given, int64_t cents, const sheet_formats *f)
{
    if (!given) {
        dash(w, ws, row, col, f);
        return;
    }
    int64_t whole = 0;
    if (pc_money_round(cents, 0, &whole) != PC_OK)
        whole = cents;
    double shown = (double)whole / 100.0;
    int32_t at = pc_xlsx_plan_target_row(w, index);
    if (at == PC_XLSX_NONE) {
        pc_xlsx_number(w, ws, row, col, shown, f->money);
        return;
    }
    int dcol = pc_xlsx_plan_target_col(level);
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 16];
    pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_PLAN_TARGETS, at, dcol);
    snprintf(formula, sizeof formula, "=ROUND(%s,0)", ref);
    pc_xlsx_formula_link(w, ws, row, col, formula, f->money, shown, PC_XLSX_SHEET_PLAN_TARGETS, at,
                         dcol);
}

/* A non-equity incentive plan award (plan_targets.csv, Item
 * 402(d)(2)(iii)): grant date, threshold, target and maximum in dollars;
 * the equity columns do not apply. */
static void nonequity_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t index,
                          const sheet_formats *f)
{
    const pc_nonequity_row *r = &w->report->equity.nonequity.items[index];
    const pc_plan_target *p = &w->ds->plan_targets.items[r->target];
    if (p->grant_date != PC_DATE_NONE)
        pc_xlsx_date(w, ws, row, 1, p->grant_date, f->date);
    else
        dash(w, ws, row, 1, f);
    plan_level(w, ws, row, 2, index, 0, p->has_threshold, r->threshold, f);
    plan_level(w, ws, row, 3, index, 1, true, r->target_payout, f);
    plan_level(w, ws, row, 4, index, 2, p->has_maximum, r->maximum, f);
    for (int c = 5; c <= 11; c++)
        dash(w, ws, row, c, f);
}

void pc_xlsx_write_equity_gpba(pc_xlsx *w, lxw_worksheet *ws)
{
    sheet_formats f;
    if (!make_formats(w, &f))
        return;
    int year = pc_xlsx_equity_year(w);
    pc_xlsx_heading(w, ws, "Grants of Plan-Based Awards", year, year);
    double date_width = w->ds->config.labels == PC_LABELS_EN ? 12 : 14;
    double widths[] = {
        pc_xlsx_name_width(w, 24, 40), date_width, 14, 14, 14, 14, 14, 14, 14, 14, 12, 16};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, gpba_titles, widths, 12);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t last = (size_t)-1;
    const pc_equity_tables *t = &w->report->equity;
    int32_t at = w->at.equity_first[PC_XLSX_EQ_GPBA];
    /* Person by person in the SCT's order (both lists are in it): the
     * person's non-equity plan awards, then their equity awards. */
    size_t g = 0, n = 0, shown_nonequity = 0;
    for (size_t k = 0; k < w->report->sct.count && pc_xlsx_ok(w); k++) {
        const pc_sct_row *sct = &w->report->sct.items[k];
        if (sct->year != year || !sct->in_table)
            continue;
        while (n < t->nonequity.count && t->nonequity.items[n].year < year)
            n++;
        for (; n < t->nonequity.count && t->nonequity.items[n].year == year &&
               t->nonequity.items[n].person == sct->person;
             n++) {
            name_cell(w, ws, row, sct->person, &last);
            nonequity_row(w, ws, row++, n, &f);
            shown_nonequity++;
        }
        while (g < t->gpba.count && t->gpba.items[g].year < year)
            g++;
        for (; g < t->gpba.count && t->gpba.items[g].year == year &&
               t->gpba.items[g].person == sct->person;
             g++) {
            const pc_gpba_row *r = &t->gpba.items[g];
            support s = next_support(w, &at, r->first_step, r->nsteps);
            name_cell(w, ws, row, r->person, &last);
            gpba_row(w, ws, row++, r, &s, &f);
        }
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_notef(w, ws, row, "No equity awards were granted in fiscal %d.", year);
    row = pc_xlsx_note(w, ws, row + 1,
                       "(1) The grant date fair value of each award computed in accordance with "
                       "FASB ASC Topic 718, as reported in the Summary Compensation Table; for an "
                       "award with a performance condition, at the probable outcome of the "
                       "condition on the grant date.");
    if (shown_nonequity)
        pc_xlsx_note(w, ws, row,
                     "Non-equity incentive plan awards: the threshold, target and maximum "
                     "payouts the plan sets for the year; an amount set in another currency is "
                     "converted into US dollars as the Summary Compensation Table converts cash.");
}
