/*
 * The equity award tables (SPEC section 12, equity.h): Outstanding Equity
 * Awards at Fiscal Year-End (Item 402(f), 402(p) for a smaller reporting
 * company), Option Exercises and Stock Vested (Item 402(g)) and Grants of
 * Plan-Based Awards (Item 402(d)), computed from the same awards, tranches,
 * exercises and prices that feed the SCT and CAP, so the tables cannot
 * drift apart from the reconciliation (rules background OEA-3).
 *
 * Tranche states are read as CAP reads them (ledger.h): a tranche
 * is unvested at a date when it was granted on or before it and neither
 * vested nor forfeited on or before it; a vested tranche vested on its
 * status date (an accelerated vesting is simply an earlier date).
 *
 * Each figure of the last covered year also records the steps it is made
 * of (pc_equity_step: the tranches, exercises, year-end values, award
 * terms and valuations behind it), which the workbook lays out as the
 * support of the disclosure sheets.
 */
#include "paycalc/equity.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/ledger.h"
#include "paycalc/market.h"
#include "paycalc/money.h"
#include "paycalc/report.h"
#include "paycalc/value.h"

/* ---- The ledger, indexed once ---------------------------------------- */

/* What the year loops need, built once: the awards of each person in grant
 * order, the exercises of each award in date order, and each award's
 * grant-date value from the SCT step. Built from the report's index of
 * grant-date and market_outcome valuations (pc_report_add_valuation), so
 * only those valuations are read, not every one. */
typedef struct ledger {
    const pc_dataset *ds;
    const pc_report *report;
    pc_diags *diags;
    size_t *awards;       /* award indexes by person, grant date, file order */
    size_t *person_first; /* awards[person_first[p] .. person_first[p + 1]) */
    size_t *exercises;    /* exercise indexes by award, date, line */
    size_t *award_first;  /* exercises[award_first[a] .. award_first[a + 1]) */
    int64_t *grant_value; /* cents, per award: its SCT valuations summed */
    size_t *grants;       /* grant-date valuation indexes by award, in report order */
    size_t *grant_first;  /* grants[grant_first[a] .. grant_first[a + 1]) */
    size_t *known;        /* market_outcome valuation indexes by tranche, date */
    size_t nknown;
    pc_equity_tables *out; /* the tables being built, whose steps the rows add */
    pc_date last_end;      /* the last covered fiscal year end */
    bool steps;            /* the rows record their steps (the last covered year only) */
} ledger;

/* A sort key: two fields, then the position in its file. */
typedef struct sort_key {
    int64_t first, second;
    size_t index;
} sort_key;

static int by_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->second != b->second)
        return a->second < b->second ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts `n` keys, writes their indexes to `sorted` and groups them by
 * `first` into ranges: sorted[first[k] .. first[k + 1]) for k < nkeys. */
static void sort_group(sort_key *keys, size_t n, size_t nkeys, size_t *sorted, size_t *first)
{
    qsort(keys, n, sizeof *keys, by_key);
    size_t at = 0;
    for (size_t k = 0; k <= nkeys; k++) {
        while (at < n && (size_t)keys[at].first < k)
            at++;
        first[k] = at;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = keys[i].index;
}

static void ledger_fini(ledger *lg)
{
    free(lg->awards);
    free(lg->person_first);
    free(lg->exercises);
    free(lg->award_first);
    free(lg->grant_value);
    free(lg->grants);
    free(lg->grant_first);
    free(lg->known);
}

static pc_status ledger_build(ledger *lg, const pc_dataset *ds, const pc_report *report,
                              pc_diags *diags)
{
    memset(lg, 0, sizeof *lg);
    lg->ds = ds;
    lg->report = report;
    lg->diags = diags;
    size_t na = ds->awards.count, np = ds->people.count, ne = ds->exercises.count;
    lg->awards = malloc((na ? na : 1) * sizeof *lg->awards);
    lg->person_first = malloc((np + 1) * sizeof *lg->person_first);
    lg->exercises = malloc((ne ? ne : 1) * sizeof *lg->exercises);
    lg->award_first = malloc((na + 1) * sizeof *lg->award_first);
    lg->grant_value = calloc(na ? na : 1, sizeof *lg->grant_value);
    size_t ngrants = report->grant_valuations.count, noutcomes = report->outcome_valuations.count;
    lg->grants = malloc((ngrants ? ngrants : 1) * sizeof *lg->grants);
    lg->grant_first = malloc((na + 1) * sizeof *lg->grant_first);
    if (!lg->awards || !lg->person_first || !lg->exercises || !lg->award_first ||
        !lg->grant_value || !lg->grants || !lg->grant_first)
        return PC_ERR_NOMEM;
    size_t nkeys = na > ne ? na : ne;
    nkeys = nkeys > ngrants ? nkeys : ngrants;
    nkeys = nkeys > noutcomes ? nkeys : noutcomes;
    sort_key *keys = malloc((nkeys ? nkeys : 1) * sizeof *keys);
    if (!keys)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < na; i++) {
        const pc_award *a = &ds->awards.items[i];
        keys[i] = (sort_key){(int64_t)a->person, a->grant_date, i};
    }
    sort_group(keys, na, np, lg->awards, lg->person_first);
    for (size_t i = 0; i < ne; i++) {
        const pc_exercise *e = &ds->exercises.items[i];
        keys[i] = (sort_key){(int64_t)e->award, e->date, i};
    }
    sort_group(keys, ne, na, lg->exercises, lg->award_first);
    size_t ng = 0;
    for (size_t k = 0; k < ngrants; k++) {
        size_t i = report->grant_valuations.items[k];
        const pc_valuation *v = &report->valuations.items[i];
        size_t a = ds->tranches.items[v->tranche].award;
        keys[ng++] = (sort_key){(int64_t)a, 0, i};
        if (pc_money_add(lg->grant_value[a], v->value, &lg->grant_value[a])) {
            free(keys);
            return PC_ERR_OVERFLOW;
        }
    }
    sort_group(keys, ng, na, lg->grants, lg->grant_first);
    /* The payouts known once a market condition's period has ended (SPEC
     * section 10: method market_outcome), for counted_shares. */
    lg->known = malloc((noutcomes ? noutcomes : 1) * sizeof *lg->known);
    if (!lg->known) {
        free(keys);
        return PC_ERR_NOMEM;
    }
    size_t nk = 0;
    for (size_t k = 0; k < noutcomes; k++) {
        size_t i = report->outcome_valuations.items[k];
        const pc_valuation *v = &report->valuations.items[i];
        keys[nk++] = (sort_key){(int64_t)v->tranche, v->date, i};
    }
    qsort(keys, nk, sizeof *keys, by_key);
    for (size_t i = 0; i < nk; i++)
        lg->known[i] = keys[i].index;
    lg->nknown = nk;
    free(keys);
    const pc_config *cfg = &ds->config;
    lg->last_end = pc_fiscal_year_end(cfg->fiscal_year_end, cfg->years[cfg->nyears - 1]);
    return PC_OK;
}

static bool is_option(const pc_award *a)
{
    return a->type == PC_AWARD_OPTION || a->type == PC_AWARD_SAR;
}

static int column(const pc_dataset *ds, pc_file file, const char *name)
{
    int c = pc_dataset_column(ds, file, name);
    return c > 0 ? c : 1;
}

/* ---- Exercises: never more than is vested and unexercised -------------- */

/* A vested tranche of the award being checked: when, and how many. */
typedef struct vest_point {
    pc_date date;
    int64_t shares;
} vest_point;

static int by_vest_date(const void *pa, const void *pb)
{
    const vest_point *a = pa, *b = pb;
    return a->date < b->date ? -1 : a->date > b->date;
}

/* One award's exercises, in date order, against the award's life and the
 * options vested and not yet exercised on each date (SPEC section 12: more
 * than that is an error). The vested tranches are sorted by date into
 * `points` (room for the award's tranches) and walked beside the exercises,
 * so an award is checked in one pass however many rows it has. Exercises
 * after the last covered fiscal year end belong to a later year's tables
 * and are not read. */
static pc_status check_award_exercises(const ledger *lg, size_t a, vest_point *points)
{
    const pc_dataset *ds = lg->ds;
    const pc_award *award = &ds->awards.items[a];
    const char *path = pc_dataset_path(ds, PC_FILE_EXERCISES);
    size_t n = 0;
    for (size_t t = award->first_tranche; t < award->first_tranche + award->ntranches; t++) {
        pc_date v = pc_tranche_vested_on(&ds->tranches.items[t]);
        if (v != PC_DATE_NONE)
            points[n++] = (vest_point){v, ds->tranches.items[t].shares};
    }
    qsort(points, n, sizeof *points, by_vest_date);
    pc_status result = PC_OK;
    size_t next = 0;
    int64_t vested = 0, done = 0; /* both at most the award's shares */
    for (size_t k = lg->award_first[a]; k < lg->award_first[a + 1]; k++) {
        const pc_exercise *e = &ds->exercises.items[lg->exercises[k]];
        char day[11], end[11];
        if (e->date > lg->last_end)
            continue;
        if (!is_option(award)) {
            pc_error(lg->diags, path, e->line, column(ds, PC_FILE_EXERCISES, "award_id"),
                     "not_an_option",
                     "award_id: award '%s' is a stock award; only options and SARs are exercised",
                     award->id);
            result = PC_ERR_INPUT;
            continue;
        }
        pc_date_format(e->date, day);
        if (e->date > pc_award_expires_on(award, e->date)) {
            pc_error(lg->diags, path, e->line, column(ds, PC_FILE_EXERCISES, "date"),
                     "exercise_after_expiry", "date: '%s' is after award '%s' expired on %s", day,
                     award->id, pc_date_format(pc_award_expires_on(award, e->date), end));
            result = PC_ERR_INPUT;
            continue;
        }
        while (next < n && points[next].date <= e->date)
            vested += points[next++].shares;
        int64_t open = vested - done;
        if (e->shares > open) {
            pc_error(lg->diags, path, e->line, column(ds, PC_FILE_EXERCISES, "shares"),
                     "exercise_exceeds_vested",
                     "shares: '%lld' exercised on %s, but only %lld of award '%s' were vested "
                     "and not yet exercised then",
                     (long long)e->shares, day, (long long)(open > 0 ? open : 0), award->id);
            result = PC_ERR_INPUT;
            continue;
        }
        done += e->shares;
    }
    return result;
}

static pc_status check_exercises(const ledger *lg)
{
    const pc_dataset *ds = lg->ds;
    size_t most = 1;
    for (size_t a = 0; a < ds->awards.count; a++)
        if (ds->awards.items[a].ntranches > most)
            most = ds->awards.items[a].ntranches;
    vest_point *points = malloc(most * sizeof *points);
    if (!points)
        return PC_ERR_NOMEM;
    pc_status result = PC_OK;
    for (size_t a = 0; a < ds->awards.count; a++)
        if (lg->award_first[a] < lg->award_first[a + 1] &&
            check_award_exercises(lg, a, points) != PC_OK)
            result = PC_ERR_INPUT;
    free(points);
    return result;
}

/* ---- Prices and outcomes at a date --------------------------------------- */

/* The close at `date` (SPEC section 2's lookup), or an error at the award's
 * line naming the date and the table that needs it. */
static pc_status close_at(const ledger *lg, const pc_award *a, pc_date date, const char *why,
                          const pc_price **out)
{
    *out = pc_market_price_at(lg->ds, date);
    if (*out)
        return PC_OK;
    char day[11];
    pc_error(lg->diags, pc_dataset_path(lg->ds, PC_FILE_AWARDS), a->line,
             column(lg->ds, PC_FILE_AWARDS, "award_id"), "missing_price",
             "award_id: '%s': no closing price on %s or in the %d days before it (prices.csv), "
             "needed for %s",
             a->id, pc_date_format(date, day), PC_STALE_DAYS, why);
    return PC_ERR_MISSING;
}

/* The market_outcome valuation of tranche `t` at `date` (its payout is
 * known: the performance period has ended), or NULL; a binary search. */
static const pc_valuation *known_outcome(const ledger *lg, size_t t, pc_date date)
{
    size_t lo = 0, hi = lg->nknown;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const pc_valuation *v = &lg->report->valuations.items[lg->known[mid]];
        if (v->tranche < t || (v->tranche == t && v->date < date))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == lg->nknown)
        return NULL;
    const pc_valuation *v = &lg->report->valuations.items[lg->known[lo]];
    return v->tranche == t && v->date == date ? v : NULL;
}

/* Shares of a tranche counted at `date`: all of them under a service
 * condition; the target times the probable outcome at the date under a
 * performance condition (SPEC section 12, the level Instruction 3 to Item
 * 402(f)(2) reports); under a market condition the payout earned once its
 * period has ended (the market_outcome valuation at the date), before then
 * the probable outcome when outcomes.csv assesses one, else the target. Rounded to whole shares,
 * half away from zero. The tranche's step records the shares, the outcome and the count. */
static pc_status counted_shares(const ledger *lg, size_t t, pc_date date, pc_equity_step *step)
{
    const pc_tranche *tr = &lg->ds->tranches.items[t];
    const pc_award *a = &lg->ds->awards.items[tr->award];
    step->basis = PC_EQ_BASIS_TRANCHE;
    step->index = t;
    step->shares = tr->shares;
    step->counted = tr->shares;
    if (a->condition == PC_CONDITION_SERVICE)
        return PC_OK;
    /* A market condition whose period has ended counts the shares earned:
     * the payout the prices give, the outcome CAP values it at. */
    const pc_valuation *known =
        a->condition == PC_CONDITION_MARKET ? known_outcome(lg, t, date) : NULL;
    if (known) {
        double micro = round(known->inputs.expected_payout * (double)PC_MICRO);
        if (!(micro >= 0 && micro < 9e18))
            return PC_ERR_OVERFLOW;
        step->has_outcome = true;
        step->outcome_micro = (int64_t)micro;
        step->outcome_line = 0;
        return pc_mul_div_round(tr->shares, step->outcome_micro, PC_MICRO, &step->counted);
    }
    const pc_outcome *o = pc_market_outcome_at(lg->ds, t, date);
    if (!o) {
        if (a->condition == PC_CONDITION_MARKET)
            return PC_OK;
        char day[11];
        pc_error(lg->diags, pc_dataset_path(lg->ds, PC_FILE_VESTING), tr->line,
                 column(lg->ds, PC_FILE_VESTING, "tranche"), "missing_outcome",
                 "tranche: award %s tranche %d has no probable outcome assessed on or before %s "
                 "(outcomes.csv), needed for the equity award tables",
                 a->id, tr->number, pc_date_format(date, day));
        return PC_ERR_MISSING;
    }
    step->has_outcome = true;
    step->outcome_micro = o->probable_micro;
    step->outcome_line = o->line;
    return pc_mul_div_round(tr->shares, o->probable_micro, PC_MICRO, &step->counted);
}

/* shares x a price in micros, in cents (rounded once, half away from zero). */
static pc_status shares_value(int64_t shares, int64_t price_micro, int64_t *cents)
{
    return pc_mul_div_round(shares, price_micro, PC_MICRO / PC_CENTS, cents);
}

/* ---- Steps: what each figure is made of ----------------------------------- */

/* Records a step when the rows being computed keep theirs (lg->steps). */
static pc_status add_step(const ledger *lg, const pc_equity_step *step)
{
    if (!lg->steps)
        return PC_OK;
    return PC_ARRAY_APPEND(&lg->out->steps, step) ? PC_OK : PC_ERR_NOMEM;
}

/* The close at `date` on a step: its price, day and prices.csv line. */
static void step_price(pc_equity_step *step, const pc_price *close)
{
    step->price_micro = close->close_micro;
    step->price_date = close->date;
    step->price_line = close->line;
}

/* Orders the steps added since `first` by item, keeping the order they were
 * added in within an item (a counting sort, linear in the steps), so each
 * figure's steps are one run (equity.h). */
static pc_status order_steps(const ledger *lg, size_t first)
{
    pc_equity_step *all = lg->out->steps.items;
    size_t n = lg->out->steps.count - first;
    if (n < 2)
        return PC_OK;
    pc_equity_step *sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        return PC_ERR_NOMEM;
    size_t at[PC_EQ_NITEMS + 1] = {0};
    for (size_t i = 0; i < n; i++)
        at[all[first + i].item + 1]++;
    for (size_t k = 1; k <= PC_EQ_NITEMS; k++)
        at[k] += at[k - 1];
    for (size_t i = 0; i < n; i++)
        sorted[at[all[first + i].item]++] = all[first + i];
    memcpy(all + first, sorted, n * sizeof *sorted);
    free(sorted);
    return PC_OK;
}

/* ---- Outstanding Equity Awards at Fiscal Year-End ------------------------ */

/* The year-end market value of the `item` shares of an Outstanding row
 * (Instruction 3 to Item 402(f)(2): the closing market price at the end of
 * the last completed fiscal year, times the shares), as a step. */
static pc_status year_end_value(const ledger *lg, size_t ai, pc_date end, const pc_price *close,
                                pc_equity_item item, int64_t shares, int64_t *cents)
{
    pc_status st = shares_value(shares, close->close_micro, cents);
    if (st || shares == 0)
        return st;
    pc_equity_step step = {.item = item,
                           .basis = PC_EQ_BASIS_YEAR_END,
                           .index = ai,
                           .date = end,
                           .counted = shares,
                           .value = *cents};
    step_price(&step, close);
    return add_step(lg, &step);
}

/* The options of an award exercised on or before `end`: out of the
 * exercisable column, each a step. */
static pc_status oea_exercises(const ledger *lg, size_t ai, pc_date end, pc_oea_row *row)
{
    const pc_dataset *ds = lg->ds;
    pc_status st = PC_OK;
    for (size_t k = lg->award_first[ai]; k < lg->award_first[ai + 1] && !st; k++) {
        const pc_exercise *e = &ds->exercises.items[lg->exercises[k]];
        if (e->date > end)
            continue;
        row->options_exercisable -= e->shares;
        pc_equity_step step = {.item = PC_EQ_OPTIONS_EXERCISABLE,
                               .basis = PC_EQ_BASIS_EXERCISE,
                               .index = lg->exercises[k],
                               .date = e->date,
                               .shares = -e->shares,
                               .counted = -e->shares};
        st = add_step(lg, &step);
    }
    return st;
}

/* One tranche of an award at the fiscal year end `end`, into its column. */
static pc_status oea_tranche(const ledger *lg, size_t t, pc_date end, pc_oea_row *row)
{
    const pc_dataset *ds = lg->ds;
    const pc_tranche *tr = &ds->tranches.items[t];
    const pc_award *a = &ds->awards.items[tr->award];
    pc_date v = pc_tranche_vested_on(tr);
    if (v != PC_DATE_NONE && v <= end) {
        /* Vested, not exercised, not expired: exercisable (column (b)),
         * whatever the condition was. Stock that vested is no longer
         * an outstanding award. */
        if (!is_option(a))
            return PC_OK;
        row->options_exercisable += tr->shares;
        pc_equity_step step = {.item = PC_EQ_OPTIONS_EXERCISABLE,
                               .basis = PC_EQ_BASIS_TRANCHE,
                               .index = t,
                               .date = v,
                               .shares = tr->shares,
                               .counted = tr->shares};
        return add_step(lg, &step);
    }
    if (!pc_tranche_unvested_at(ds, tr, end))
        return PC_OK; /* forfeited, or granted after the year end */
    /* Earned: nothing but service stands between the tranche and its
     * shares. A service condition is earned from the grant; a market
     * condition once its performance period has ended (its payout is known,
     * the market_outcome valuation at the year end). Earned shares that
     * have not vested are columns (c) and (g) of Item 402(f)(2); columns
     * (d) and (i) are for equity incentive plan awards not yet earned. */
    bool earned = a->condition == PC_CONDITION_SERVICE ||
                  (a->condition == PC_CONDITION_MARKET && known_outcome(lg, t, end));
    pc_equity_step step = {
        .item = is_option(a) ? (earned ? PC_EQ_OPTIONS_UNEXERCISABLE : PC_EQ_OPTIONS_UNEARNED)
                             : (earned ? PC_EQ_STOCK_UNVESTED : PC_EQ_STOCK_UNEARNED),
        .date = tr->vest_date};
    pc_status st = counted_shares(lg, t, end, &step);
    if (st)
        return st;
    int64_t *column_of = is_option(a)
                             ? (earned ? &row->options_unexercisable : &row->options_unearned)
                             : (earned ? &row->stock_unvested : &row->stock_unearned);
    /* Shares times an outcome above 100% can pass the int64 range. */
    st = pc_money_add(*column_of, step.counted, column_of);
    return st ? st : add_step(lg, &step);
}

/* One award at the fiscal year end `end`: Item 402(f)(2) columns (b)-(j). */
static pc_status oea_award(const ledger *lg, size_t ai, pc_date end, pc_oea_row *row)
{
    const pc_dataset *ds = lg->ds;
    const pc_award *a = &ds->awards.items[ai];
    pc_status st = PC_OK;
    if (is_option(a)) {
        /* A repricing on or before the year end is the price held then
         * (modifications.csv). */
        row->exercise_price_micro = pc_award_exercise_price_at(ds, a, end);
        /* The end of a post-termination exercise window, when it comes
         * first, is the date the options expire. */
        row->expiration_date = pc_award_expires_on(a, end);
        /* An option that expired on or before the year end is no longer held. */
        if (row->expiration_date <= end)
            return PC_OK;
    }
    for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches && !st; t++)
        st = oea_tranche(lg, t, end, row);
    if (st)
        return st;
    if (is_option(a))
        return oea_exercises(lg, ai, end, row);
    if (row->stock_unvested == 0 && row->stock_unearned == 0)
        return PC_OK;
    const pc_price *close;
    st =
        close_at(lg, a, end, "the market value of stock not vested at the fiscal year end", &close);
    if (st)
        return st;
    row->close_date = close->date;
    row->close_micro = close->close_micro;
    st = year_end_value(lg, ai, end, close, PC_EQ_STOCK_UNVESTED_VALUE, row->stock_unvested,
                        &row->stock_unvested_value);
    if (!st)
        st = year_end_value(lg, ai, end, close, PC_EQ_STOCK_UNEARNED_VALUE, row->stock_unearned,
                            &row->stock_unearned_value);
    return st;
}

static bool oea_has_figures(const pc_oea_row *r)
{
    return r->options_exercisable || r->options_unexercisable || r->options_unearned ||
           r->stock_unvested || r->stock_unearned;
}

/* ---- Option Exercises and Stock Vested ------------------------------------ */

/* An exercise in the year: the value realised is the market price at
 * exercise less the exercise price, times the shares (Item
 * 402(g)(2)(iii)). */
static pc_status oesv_exercise(const ledger *lg, size_t k, pc_oesv_row *row)
{
    const pc_exercise *e = &lg->ds->exercises.items[k];
    const pc_award *a = &lg->ds->awards.items[e->award];
    const pc_price *close;
    pc_equity_step step = {.item = PC_EQ_OPTIONS_EXERCISED,
                           .basis = PC_EQ_BASIS_EXERCISE,
                           .index = k,
                           .date = e->date,
                           .shares = e->shares,
                           .counted = e->shares};
    pc_status st = close_at(lg, a, e->date, "the value realised on an exercise", &close);
    if (st)
        return st;
    step_price(&step, close);
    st = shares_value(e->shares, close->close_micro - a->exercise_price_micro, &step.value);
    if (!st)
        st = pc_money_add(row->exercise_value, step.value, &row->exercise_value);
    row->options_exercised += e->shares;
    return st ? st : add_step(lg, &step);
}

/* A tranche of stock vested on `v` in the year: the value realised on
 * vesting is the market value of the shares on the vesting date (Item
 * 402(g)(2)(v)). */
static pc_status oesv_vesting(const ledger *lg, size_t t, pc_date v, pc_oesv_row *row)
{
    const pc_award *a = &lg->ds->awards.items[lg->ds->tranches.items[t].award];
    pc_equity_step step = {.item = PC_EQ_STOCK_VESTED, .date = v};
    const pc_price *close;
    pc_status st = counted_shares(lg, t, v, &step);
    if (!st)
        st = close_at(lg, a, v, "the value realised on vesting", &close);
    if (st)
        return st;
    step_price(&step, close);
    st = shares_value(step.counted, close->close_micro, &step.value);
    if (!st)
        st = pc_money_add(row->vesting_value, step.value, &row->vesting_value);
    if (!st)
        st = pc_money_add(row->stock_vested, step.counted, &row->stock_vested);
    return st ? st : add_step(lg, &step);
}

/* One award over the fiscal year (prior, end]: Item 402(g)(2) columns (b)-(e). */
static pc_status oesv_award(const ledger *lg, size_t ai, pc_date prior, pc_date end,
                            pc_oesv_row *row)
{
    const pc_dataset *ds = lg->ds;
    const pc_award *a = &ds->awards.items[ai];
    pc_status st = PC_OK;
    if (is_option(a)) {
        for (size_t k = lg->award_first[ai]; k < lg->award_first[ai + 1] && !st; k++) {
            const pc_exercise *e = &ds->exercises.items[lg->exercises[k]];
            if (e->date > prior && e->date <= end)
                st = oesv_exercise(lg, lg->exercises[k], row);
        }
        return st;
    }
    for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches && !st; t++) {
        pc_date v = pc_tranche_vested_on(&ds->tranches.items[t]);
        if (v != PC_DATE_NONE && v > prior && v <= end)
            st = oesv_vesting(lg, t, v, row);
    }
    return st;
}

/* ---- Grants of Plan-Based Awards ----------------------------------------- */

/* A number of shares of an award's terms (awards.csv), as a step. */
static pc_status grant_shares(const ledger *lg, size_t ai, pc_equity_item item, int64_t shares)
{
    pc_equity_step step = {.item = item,
                           .basis = PC_EQ_BASIS_GRANT,
                           .index = ai,
                           .date = lg->ds->awards.items[ai].grant_date,
                           .shares = shares,
                           .counted = shares};
    return add_step(lg, &step);
}

/* The grant-date valuations of an award (its SCT value), each a step. */
static pc_status grant_valuations(const ledger *lg, size_t ai)
{
    pc_status st = PC_OK;
    for (size_t k = lg->grant_first[ai]; k < lg->grant_first[ai + 1] && !st; k++) {
        const pc_valuation *v = &lg->report->valuations.items[lg->grants[k]];
        pc_equity_step step = {.item = PC_EQ_GRANT_DATE_FAIR_VALUE,
                               .basis = PC_EQ_BASIS_VALUATION,
                               .index = lg->grants[k],
                               .date = v->date,
                               .shares = v->shares,
                               .counted = v->shares,
                               .value = v->value};
        st = add_step(lg, &step);
    }
    return st;
}

/* One award granted in the year: Item 402(d)(2) columns (b) and (f)-(l).
 * An award with a performance or market condition is an equity incentive
 * plan award (threshold, target, maximum); one with only a service
 * condition is an "all other" stock or option award. */
static pc_status gpba_award(const ledger *lg, size_t ai, pc_gpba_row *row)
{
    const pc_award *a = &lg->ds->awards.items[ai];
    pc_status st = PC_OK;
    row->grant_date = a->grant_date;
    row->incentive_plan = a->condition != PC_CONDITION_SERVICE;
    if (row->incentive_plan) {
        row->has_threshold = a->has_threshold;
        row->threshold_shares = a->threshold_shares;
        row->target_shares = a->shares;
        row->has_maximum = a->has_maximum;
        row->maximum_shares = a->maximum_shares;
        if (a->has_threshold)
            st = grant_shares(lg, ai, PC_EQ_THRESHOLD_SHARES, a->threshold_shares);
        if (!st)
            st = grant_shares(lg, ai, PC_EQ_TARGET_SHARES, a->shares);
        if (!st && a->has_maximum)
            st = grant_shares(lg, ai, PC_EQ_MAXIMUM_SHARES, a->maximum_shares);
    } else if (is_option(a)) {
        row->other_option_shares = a->shares;
        st = grant_shares(lg, ai, PC_EQ_OTHER_OPTION_SHARES, a->shares);
    } else {
        row->other_stock_shares = a->shares;
        st = grant_shares(lg, ai, PC_EQ_OTHER_STOCK_SHARES, a->shares);
    }
    row->exercise_price_micro = is_option(a) ? a->exercise_price_micro : 0;
    row->grant_date_fair_value = lg->grant_value[ai];
    return st ? st : grant_valuations(lg, ai);
}

/* ---- The year loop -------------------------------------------------------- */

/* Keeps the steps added since `mark` as a row's, ordered by item, when the
 * row is kept and is of the last covered year (the year the workbook shows:
 * equity.h); drops them otherwise, so they take memory for one year, not
 * for every SCT year. The rows of other years add none (lg->steps). */
static pc_status keep_steps(const ledger *lg, size_t mark, bool keep, int year, size_t *first,
                            size_t *n)
{
    if (!keep || year != lg->ds->config.years[lg->ds->config.nyears - 1]) {
        lg->out->steps.count = mark;
        return PC_OK;
    }
    *first = mark;
    *n = lg->out->steps.count - mark;
    return order_steps(lg, mark);
}

/* An award's row of each table for one person and year, where it has one. */
static pc_status oea_add(const ledger *lg, size_t person, size_t ai, int year, pc_date end)
{
    pc_oea_row oea = {.year = year,
                      .person = person,
                      .award = ai,
                      .expiration_date = PC_DATE_NONE,
                      .close_date = PC_DATE_NONE};
    size_t mark = lg->out->steps.count;
    pc_status st = oea_award(lg, ai, end, &oea);
    bool keep = st == PC_OK && oea_has_figures(&oea);
    pc_status kept = keep_steps(lg, mark, keep, year, &oea.first_step, &oea.nsteps);
    if (st || kept || !keep)
        return st ? st : kept;
    return PC_ARRAY_APPEND(&lg->out->oea, &oea) ? PC_OK : PC_ERR_NOMEM;
}

static pc_status oesv_add(const ledger *lg, size_t person, size_t ai, int year, pc_date prior,
                          pc_date end)
{
    pc_oesv_row oesv = {.year = year, .person = person, .award = ai};
    size_t mark = lg->out->steps.count;
    pc_status st = oesv_award(lg, ai, prior, end, &oesv);
    bool keep = st == PC_OK && (oesv.options_exercised || oesv.stock_vested);
    pc_status kept = keep_steps(lg, mark, keep, year, &oesv.first_step, &oesv.nsteps);
    if (st || kept || !keep)
        return st ? st : kept;
    return PC_ARRAY_APPEND(&lg->out->oesv, &oesv) ? PC_OK : PC_ERR_NOMEM;
}

static pc_status gpba_add(const ledger *lg, size_t person, size_t ai, int year)
{
    pc_gpba_row gpba = {.year = year, .person = person, .award = ai};
    size_t mark = lg->out->steps.count;
    pc_status st = gpba_award(lg, ai, &gpba);
    pc_status kept = keep_steps(lg, mark, st == PC_OK, year, &gpba.first_step, &gpba.nsteps);
    if (st || kept)
        return st ? st : kept;
    return PC_ARRAY_APPEND(&lg->out->gpba, &gpba) ? PC_OK : PC_ERR_NOMEM;
}

static pc_status person_year(const ledger *lg, size_t person, int year)
{
    const pc_dataset *ds = lg->ds;
    const pc_config *cfg = &ds->config;
    pc_date end = pc_fiscal_year_end(cfg->fiscal_year_end, year);
    pc_date prior = pc_fiscal_year_end(cfg->fiscal_year_end, year - 1);
    pc_status result = PC_OK;
    /* In grant order: the awards granted after the year end have no figure
     * in it (their tranches vest, and their options are exercised, on or
     * after the grant date: the reader checks it), and end the walk. */
    for (size_t k = lg->person_first[person];
         k < lg->person_first[person + 1] && ds->awards.items[lg->awards[k]].grant_date <= end;
         k++) {
        size_t ai = lg->awards[k];
        const pc_award *a = &ds->awards.items[ai];
        pc_status st = oea_add(lg, person, ai, year, end);
        pc_status st2 = oesv_add(lg, person, ai, year, prior, end);
        pc_status st3 = PC_OK;
        if (!cfg->smaller_reporting_company && a->grant_date > prior && a->grant_date <= end)
            st3 = gpba_add(lg, person, ai, year);
        if (st == PC_ERR_NOMEM || st2 == PC_ERR_NOMEM || st3 == PC_ERR_NOMEM)
            return PC_ERR_NOMEM;
        if (st == PC_ERR_OVERFLOW || st2 == PC_ERR_OVERFLOW)
            pc_error(lg->diags, pc_dataset_path(ds, PC_FILE_AWARDS), a->line,
                     column(ds, PC_FILE_AWARDS, "shares"), "overflow",
                     "shares: the equity award table figures of award '%s' in %d are too large",
                     a->id, year);
        if (st || st2 || st3)
            result = PC_ERR_INPUT;
    }
    return result;
}

pc_status pc_equity_tables_compute(const pc_dataset *ds, const pc_report *report,
                                   pc_equity_tables *tables, pc_diags *diags)
{
    if (ds->config.nyears < 1)
        return PC_OK;
    ledger lg;
    pc_status st = ledger_build(&lg, ds, report, diags);
    lg.out = tables;
    pc_status result = st;
    if (!st)
        result = check_exercises(&lg);
    /* The tables' room at once, so they are not copied at each doubling: a
     * row per award and year at most (a grant row per award), and about two
     * steps per tranche and one per exercise in the last year. Only what is
     * written is touched; past the estimate they grow as before. */
    size_t na = ds->awards.count, ny = (size_t)ds->config.nyears;
    if (!st && na < SIZE_MAX / 2 / ny && ds->tranches.count < SIZE_MAX / 4 &&
        ds->exercises.count < SIZE_MAX / 2 &&
        (!PC_ARRAY_RESERVE(&tables->oea, tables->oea.count + na * ny) ||
         !PC_ARRAY_RESERVE(&tables->oesv, tables->oesv.count + na * ny) ||
         !PC_ARRAY_RESERVE(&tables->gpba, tables->gpba.count + na) ||
         !PC_ARRAY_RESERVE(&tables->steps,
                           tables->steps.count + 2 * ds->tranches.count + ds->exercises.count)))
        result = PC_ERR_NOMEM;
    /* Every SCT year, and in it every person of the SCT, in the SCT's order
     * (SPEC section 12: the last covered year, and every SCT year in
     * report.json). */
    for (int y = 0; y < ds->config.nyears && result != PC_ERR_NOMEM && !st; y++) {
        int year = ds->config.years[y];
        lg.steps = y == ds->config.nyears - 1;
        for (size_t i = 0; i < report->sct.count; i++) {
            const pc_sct_row *row = &report->sct.items[i];
            if (row->year != year || !row->in_table)
                continue;
            pc_status r = person_year(&lg, row->person, year);
            if (r == PC_ERR_NOMEM) {
                result = r;
                break;
            }
            if (r)
                result = PC_ERR_INPUT;
        }
    }
    ledger_fini(&lg);
    if (st == PC_ERR_OVERFLOW)
        return PC_ERR_INPUT;
    return result;
}

pc_status pc_equity_oea_people(const pc_dataset *ds, const pc_report *report, const size_t *people,
                               size_t npeople, int year, pc_equity_tables *tables, pc_diags *diags)
{
    if (ds->config.nyears < 1 || npeople == 0)
        return PC_OK;
    ledger lg;
    pc_status st = ledger_build(&lg, ds, report, diags);
    lg.out = tables;
    pc_status result = st;
    pc_date end = pc_fiscal_year_end(ds->config.fiscal_year_end, year);
    lg.steps = year == ds->config.years[ds->config.nyears - 1];
    for (size_t i = 0; i < npeople && !st && result != PC_ERR_NOMEM; i++) {
        size_t person = people[i];
        assert(person < ds->people.count);
        for (size_t k = lg.person_first[person];
             k < lg.person_first[person + 1] && ds->awards.items[lg.awards[k]].grant_date <= end;
             k++) {
            pc_status r = oea_add(&lg, person, lg.awards[k], year, end);
            if (r == PC_ERR_NOMEM) {
                result = r;
                break;
            }
            if (r == PC_ERR_OVERFLOW)
                pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS),
                         ds->awards.items[lg.awards[k]].line, column(ds, PC_FILE_AWARDS, "shares"),
                         "overflow",
                         "shares: the outstanding awards of award '%s' at the end of %d are too "
                         "large",
                         ds->awards.items[lg.awards[k]].id, year);
            if (r)
                result = PC_ERR_INPUT;
        }
    }
    ledger_fini(&lg);
    if (st == PC_ERR_OVERFLOW)
        return PC_ERR_INPUT;
    return result;
}
