/*
 * Stock splits (corporate_actions.csv): reading the rows, and restating
 * every figure dated before a split into the terms that hold after it, so
 * that the TSR, the equity award tables, the Summary Compensation Table and
 * CAP run on one continuous share count.
 *
 * Neither ASC 718 nor Item 402 prescribes the arithmetic; what paycalc does
 * is what a proxy filed after a split shows ("share and per-share amounts
 * have been adjusted to reflect the split"), with the equitable adjustment
 * that plans make to outstanding awards (ASC 718-20-35-6: an adjustment
 * required by the plan's antidilution terms is not a modification). For a
 * split of new_shares for old_shares effective on its date:
 *   - prices.csv: each close and dividend dated before the date is
 *     multiplied by old/new;
 *   - each award granted before the date: its shares, tranche shares,
 *     threshold and maximum shares are multiplied by new/old, its exercise
 *     price, grant-date fair value per share and price-hurdle levels
 *     multiplied by old/new;
 *   - exercises.csv rows and fair_values.csv values dated before the date,
 *     the same way (those dated on or after it are already in the new terms).
 * Per-share figures round to the micro (six decimals, the unit of every
 * price), half away from zero (SPEC section 3's one rounding rule). Shares
 * round down to a whole share, as plans and transfer agents do (the
 * fraction is paid in cash or dropped, never issued): the tranches of an
 * award round on their running total, so they still add up to the award's
 * shares. Several splits apply one after the other, in date order, each
 * rounding as the plan records did at the time. Peer prices are not
 * touched: peers report their own split-adjusted prices.
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/text.h"
#include "read_set.h"

enum { SPLIT_DATE, SPLIT_RATIO };

/* At most this many splits: each restates every earlier row, so the work
 * stays linear in the rows (no company has split a hundred times). */
#define SPLITS_MAX 100

/* The largest side of a ratio once in lowest terms (1,000,000,000 : 1). */
#define RATIO_SIDE_MAX INT64_C(1000000000)

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* "2" (2 new shares per old share), "0.1" (a 1-for-10 reverse split), or
 * "3:2" (3 new shares for 2 old ones, which no decimal writes exactly when
 * it is 1:3): both sides positive, reduced to lowest terms. */
static pc_status parse_ratio(const char *text, int64_t *new_shares, int64_t *old_shares, char *why,
                             size_t why_size)
{
    *new_shares = *old_shares = 0;
    int64_t num = 0, den = 0;
    const char *colon = strchr(text, ':');
    if (colon) {
        size_t left = (size_t)(colon - text);
        char *first = malloc(left + 1);
        if (!first)
            return PC_ERR_NOMEM;
        memcpy(first, text, left);
        first[left] = '\0';
        pc_status st = pc_parse_shares(first, &num, why, why_size);
        free(first);
        if (st == PC_OK)
            st = pc_parse_shares(colon + 1, &den, why, why_size);
        if (st != PC_OK)
            return pc_parse_fail(st, why, why_size,
                                 "write new shares:old shares as two whole numbers (3:2)");
    } else {
        pc_status st =
            pc_parse_decimal(text, PC_PRICE_DECIMALS, PC_PRICE_DECIMALS, &num, why, why_size);
        if (st != PC_OK)
            return st;
        den = 1000000;
    }
    if (num <= 0 || den <= 0)
        return pc_parse_fail(PC_ERR_RANGE, why, why_size,
                             "must be more than 0 (new shares per old share: 2 for a 2-for-1 "
                             "split, 0.1 or 1:10 for a 1-for-10 reverse split)");
    int64_t g = gcd64(num, den);
    num /= g;
    den /= g;
    if (num > RATIO_SIDE_MAX || den > RATIO_SIDE_MAX)
        return pc_parse_fail(PC_ERR_RANGE, why, why_size,
                             "more than 1,000,000,000 shares on one side of the ratio");
    *new_shares = num;
    *old_shares = den;
    return PC_OK;
}

void pc_read_corporate_actions_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_date date = PC_DATE_NONE;
    bool ok = pc_read_get_date(r, row, SPLIT_DATE, &date);
    int64_t new_shares = 0, old_shares = 0;
    if (pc_read_need(r, row, SPLIT_RATIO, NULL)) {
        char why[200];
        pc_status st =
            parse_ratio(pc_read_val(row, SPLIT_RATIO), &new_shares, &old_shares, why, sizeof why);
        if (st == PC_ERR_NOMEM)
            r->rd.nomem = true;
        else
            ok &= pc_read_parsed(r, row, SPLIT_RATIO, st, "bad_ratio", "split ratio", why);
        ok &= st == PC_OK;
    } else {
        ok = false;
    }
    if (!ok)
        return;
    if (r->ds->splits.count >= SPLITS_MAX) {
        pc_read_cell_error(r, row, SPLIT_DATE, "limit",
                           "more than %d stock splits; corporate_actions.csv holds at most %d",
                           SPLITS_MAX, SPLITS_MAX);
        return;
    }
    pc_split *s = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->splits));
    if (!s)
        return;
    s->date = date;
    s->new_shares = new_shares;
    s->old_shares = old_shares;
    s->line = row->line;
}

static void split_duplicate(reader *r, size_t index, int first_line)
{
    const pc_split *s = &r->ds->splits.items[index];
    char buf[16];
    pc_read_file_error(r, PC_FILE_CORPORATE_ACTIONS, s->line, "date", "duplicate",
                       "a second split on %s (first at line %d): one row gives the whole ratio",
                       pc_read_date_text(s->date, buf), first_line);
}

static int compare_split(const void *pa, const void *pb)
{
    const pc_split *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

void pc_read_check_corporate_actions(reader *r)
{
    size_t n = r->ds->splits.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, r->ds->splits.items[i].date, 0, 0, i, r->ds->splits.items[i].line};
    pc_read_report_duplicates(r, keys, n, split_duplicate);
    if (n > 1)
        qsort(r->ds->splits.items, n, sizeof *r->ds->splits.items, compare_split);
}

/* ---- the restatement ----------------------------------------------------------- */

typedef struct restater {
    reader *r;
    const pc_split *split;
    bool ok;
} restater;

/* The ratio as it is written in messages ("2:1"). */
static char *ratio_text(const pc_split *s)
{
    return pc_text_format("%lld:%lld", (long long)s->new_shares, (long long)s->old_shares);
}

/* An error at the split's row: what the restatement could not do. */
static void restate_error(restater *rs, const char *what, const char *file, int line)
{
    char day[16];
    char *ratio = ratio_text(rs->split);
    pc_read_file_error(rs->r, PC_FILE_CORPORATE_ACTIONS, rs->split->line, "ratio", "bad_split",
                       "the %s split of %s would leave %s of %s line %d at zero (or past the "
                       "largest figure paycalc holds)",
                       ratio ? ratio : "", pc_read_date_text(rs->split->date, day), what, file,
                       line);
    free(ratio);
    rs->ok = false;
}

/* A price or per-share value times old/new, to the micro, half away from
 * zero; a positive value stays positive. */
static int64_t per_share(restater *rs, int64_t micro, const char *what, pc_file file, int line)
{
    int64_t out = 0;
    if (pc_mul_div_round(micro, rs->split->old_shares, rs->split->new_shares, &out) != PC_OK ||
        (micro > 0 && out <= 0)) {
        restate_error(rs, what, pc_file_name(file), line);
        return micro;
    }
    return out;
}

/* A number of shares times new/old, rounded down to a whole share. */
static bool shares_floor(const pc_split *s, int64_t shares, int64_t *out)
{
    pc_i128 v = (pc_i128)shares * s->new_shares / s->old_shares;
    if (v > INT64_MAX)
        return false;
    *out = (int64_t)v;
    return true;
}

static int64_t shares_of(restater *rs, int64_t shares, const char *what, pc_file file, int line)
{
    int64_t out = 0;
    if (!shares_floor(rs->split, shares, &out) || (shares > 0 && out <= 0)) {
        restate_error(rs, what, pc_file_name(file), line);
        return shares;
    }
    return out;
}

/* The tranches of one award, on their running total: tranche k gets
 * floor(total of 1..k x new/old) - floor(total of 1..k-1 x new/old), so
 * the restated tranches add up to the restated award. */
static void restate_tranches(restater *rs, const pc_award *a)
{
    pc_dataset *ds = rs->r->ds;
    int64_t total = 0, before = 0;
    for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches; t++) {
        pc_tranche *tr = &ds->tranches.items[t];
        int64_t after = 0;
        if (total > INT64_MAX - tr->shares ||
            !shares_floor(rs->split, total + tr->shares, &after) || after - before <= 0) {
            restate_error(rs, "the tranche's shares",
                          pc_file_name(tr->scheduled ? PC_FILE_AWARDS : PC_FILE_VESTING), tr->line);
            return;
        }
        total += tr->shares;
        tr->shares = after - before;
        before = after;
    }
}

static void restate_award(restater *rs, size_t index, size_t split_index)
{
    pc_dataset *ds = rs->r->ds;
    pc_award *a = &ds->awards.items[index];
    pc_split_award *rec = pc_read_push(rs->r, PC_ARRAY_PUSH(&ds->split_awards));
    if (!rec) {
        rs->ok = false;
        return;
    }
    /* The record may move when the array grows: fill it last. */
    pc_split_award was = {.split = split_index,
                          .award = index,
                          .shares_before = a->shares,
                          .exercise_price_before_micro = a->exercise_price_micro,
                          .grant_fv_before_micro = a->grant_fv_micro};
    a->shares = shares_of(rs, a->shares, "the shares", PC_FILE_AWARDS, a->line);
    if (a->has_threshold)
        a->threshold_shares =
            shares_of(rs, a->threshold_shares, "the threshold shares", PC_FILE_AWARDS, a->line);
    if (a->has_maximum)
        a->maximum_shares =
            shares_of(rs, a->maximum_shares, "the maximum shares", PC_FILE_AWARDS, a->line);
    if (a->type != PC_AWARD_STOCK)
        a->exercise_price_micro =
            per_share(rs, a->exercise_price_micro, "the exercise price", PC_FILE_AWARDS, a->line);
    if (a->has_grant_fv)
        a->grant_fv_micro = per_share(rs, a->grant_fv_micro, "the grant-date fair value per share",
                                      PC_FILE_AWARDS, a->line);
    restate_tranches(rs, a);
    was.shares_after = a->shares;
    was.exercise_price_after_micro = a->exercise_price_micro;
    was.grant_fv_after_micro = a->grant_fv_micro;
    *rec = was;
}

/* One split over everything dated before it. */
static void restate_split(restater *rs, size_t split_index)
{
    pc_dataset *ds = rs->r->ds;
    pc_split *s = &ds->splits.items[split_index];
    rs->split = s;
    for (size_t i = 0; i < ds->prices.count && rs->ok; i++) {
        pc_price *p = &ds->prices.items[i];
        if (p->date >= s->date)
            continue;
        p->close_micro = per_share(rs, p->close_micro, "the close", PC_FILE_PRICES, p->line);
        if (p->dividend_micro) {
            p->dividend_micro =
                per_share(rs, p->dividend_micro, "the dividend", PC_FILE_PRICES, p->line);
            s->dividends++;
        }
        s->prices++;
    }
    for (size_t i = 0; i < ds->awards.count && rs->ok; i++)
        if (ds->awards.items[i].grant_date < s->date)
            restate_award(rs, i, split_index);
    for (size_t i = 0; i < ds->exercises.count && rs->ok; i++) {
        pc_exercise *e = &ds->exercises.items[i];
        if (e->date >= s->date)
            continue;
        e->shares = shares_of(rs, e->shares, "the shares exercised", PC_FILE_EXERCISES, e->line);
        s->exercises++;
    }
    for (size_t i = 0; i < ds->fair_values.count && rs->ok; i++) {
        pc_supplied_fv *f = &ds->fair_values.items[i];
        if (f->date >= s->date)
            continue;
        f->fv_micro =
            per_share(rs, f->fv_micro, "the fair value per share", PC_FILE_FAIR_VALUES, f->line);
        s->fair_values++;
    }
    /* A price hurdle is a price (SPEC section 10): restated with the award. */
    for (size_t i = 0; i < ds->market_conditions.count && rs->ok; i++) {
        pc_market_condition *m = &ds->market_conditions.items[i];
        if (m->metric != PC_METRIC_PRICE_HURDLE || ds->awards.items[m->award].grant_date >= s->date)
            continue;
        for (size_t k = 0; k < m->curve_points && rs->ok; k++)
            m->curve[k].x_micro = per_share(rs, m->curve[k].x_micro, "a price hurdle",
                                            PC_FILE_MARKET_CONDITIONS, m->line);
    }
}

void pc_read_restate_splits(reader *r)
{
    pc_dataset *ds = r->ds;
    restater rs = {.r = r, .split = NULL, .ok = true};
    for (size_t k = 0; k < ds->splits.count && rs.ok && !pc_read_halted(&r->rd); k++)
        restate_split(&rs, k);
}
