/*
 * Price scenarios (scenarios.h): the last covered fiscal year's CAP, TSR
 * and Monte Carlo values at hypothetical year-end prices.
 *
 * A scenario changes the market data only, never the engine: it is a
 * shallow copy of the input set whose prices (and, when asked, peer prices
 * and assumptions) are replaced by arrays built here, and the same steps
 * `run` uses (pc_engine_sct, pc_engine_cap, pc_engine_tsr) compute it. The
 * input set is read and indexed once; each scenario copies only its market
 * arrays, so scenarios are independent and run on several threads at once,
 * each into its own slot of the result array (the same bytes whatever the
 * number of threads).
 *
 * The market of a scenario at year-end price P (README, Scenarios):
 * - prices.csv rows after the as-of date are dropped (their dividends with
 *   them: none after the as-of date);
 * - when the as-of date reaches the year end's last weekday, the row the
 *   year end is valued from (pc_market_price_at) gets close P: the real
 *   close is then one scenario, `actual`;
 * - otherwise every weekday after the as-of date and before that last
 *   weekday gets the as-of close (the last real close, held, so a vesting
 *   date in between has a price), and the last weekday gets close P;
 * - peers and the index likewise: held at their last close up to the year
 *   end, or moved there by --peer-change;
 * - --vol and --rate: an assumptions.csv row on the year end, copied from
 *   the latest one on or before it with the volatility or rate replaced
 *   (and for --vol, a market_assumptions.csv row of the company's ticker).
 */
#include "paycalc/scenarios.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paycalc/engine.h"
#include "paycalc/market.h"
#include "paycalc/mc_value.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

struct pc_scenario_set {
    const pc_dataset *ds;
    pc_scenario_options opt;
    int year;      /* the last covered fiscal year */
    pc_date end;   /* its last day */
    pc_date day;   /* the last weekday on or before it: the scenario close's date */
    pc_date as_of; /* the last date with real prices */
    int64_t as_of_close;
    size_t nreal;   /* prices.csv rows kept: those dated on or before as_of */
    bool closed;    /* the real year-end close is among them ... */
    size_t end_row; /* ... in this row */
    /* The valuations every scenario shares: those dated before the first
     * market data a scenario changes, made once (value.h). */
    pc_valuation_memo memo;
    pc_valuation *known;
    size_t year_valuations; /* the year's valuations feeding a line, at the base close */
    bool keep_valuations;   /* pc_scenario_run keeps them (pc_scenario.valuations) */
};

typedef struct market market;
static pc_status build_market(const pc_scenario_set *set, int64_t price, market *m);
static pc_status remember_valuations(pc_scenario_set *set, pc_diags *diags);
static pc_date first_changed(const pc_scenario_set *set);

pc_scenario_options pc_scenario_options_default(void)
{
    return (pc_scenario_options){.as_of = PC_DATE_NONE};
}

void pc_scenario_fini(pc_scenario *s)
{
    if (!s)
        return;
    free(s->pvp.avg_people);
    free(s->cap);
    free(s->market);
    free(s->stock);
    free(s->valuations);
    *s = (pc_scenario){0};
}

int pc_scenario_year(const pc_scenario_set *set)
{
    return set->year;
}
pc_date pc_scenario_year_end(const pc_scenario_set *set)
{
    return set->end;
}
pc_date pc_scenario_as_of(const pc_scenario_set *set)
{
    return set->as_of;
}
int64_t pc_scenario_as_of_close(const pc_scenario_set *set)
{
    return set->as_of_close;
}

bool pc_scenario_actual_close(const pc_scenario_set *set, int64_t *close)
{
    if (set->closed)
        *close = set->ds->prices.items[set->end_row].close_micro;
    return set->closed;
}

int64_t pc_scenario_base_close(const pc_scenario_set *set)
{
    int64_t close = set->as_of_close;
    (void)pc_scenario_actual_close(set, &close);
    return close;
}

pc_status pc_scenario_price_change(int64_t price_micro, int64_t change_micro, int64_t *out)
{
    *out = 0;
    int64_t moved = 0;
    if (change_micro <= -PC_MICRO || change_micro > 1000 * PC_MICRO)
        return PC_ERR_RANGE;
    pc_status st = pc_mul_div_round(price_micro, PC_MICRO + change_micro, PC_MICRO, &moved);
    if (st)
        return st;
    if (moved <= 0)
        return PC_ERR_RANGE;
    *out = moved;
    return PC_OK;
}

pc_status pc_scenario_set_new(const pc_dataset *ds, const pc_scenario_options *opt,
                              pc_scenario_set **out, pc_diags *diags)
{
    *out = NULL;
    char day[11];
    if (ds->config.nyears < 1 || ds->prices.count == 0) {
        pc_error(diags, pc_dataset_path(ds, PC_FILE_PRICES), 0, 0, "no_prices",
                 "scenarios need prices.csv and at least one covered year");
        return PC_ERR_USAGE;
    }
    pc_scenario_set *set = calloc(1, sizeof *set);
    if (!set)
        return PC_ERR_NOMEM;
    set->ds = ds;
    set->opt = *opt;
    set->keep_valuations = true;
    set->year = ds->config.years[ds->config.nyears - 1];
    set->end = pc_fiscal_year_end(ds->config.fiscal_year_end, set->year);
    set->day = set->end;
    while (!pc_date_is_weekday(set->day))
        set->day--;
    set->as_of =
        opt->as_of != PC_DATE_NONE ? opt->as_of : ds->prices.items[ds->prices.count - 1].date;
    set->nreal = pc_market_prices_after(ds, set->as_of);
    if (set->nreal == 0) {
        pc_error(diags, pc_dataset_path(ds, PC_FILE_PRICES), 0, 0, "no_as_of_price",
                 "--as-of %s: prices.csv has no close on or before that date",
                 pc_date_format(set->as_of, day));
        free(set);
        return PC_ERR_USAGE;
    }
    set->as_of_close = ds->prices.items[set->nreal - 1].close_micro;
    if (set->as_of >= set->day) {
        /* The year end is valued from the last close on or before it
         * (pc_market_price_at); the as-of date has reached it. */
        size_t row = pc_market_prices_after(ds, set->end);
        if (row > set->nreal)
            row = set->nreal;
        if (row == 0 || set->end - ds->prices.items[row - 1].date > PC_STALE_DAYS) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_PRICES), 0, 0, "no_year_end_price",
                     "prices.csv has no close within %d days before the fiscal year end %s",
                     PC_STALE_DAYS, pc_date_format(set->end, day));
            free(set);
            return PC_ERR_USAGE;
        }
        set->closed = true;
        set->end_row = row - 1;
    }
    pc_status st = remember_valuations(set, diags);
    if (st) {
        pc_scenario_set_free(set);
        return st;
    }
    *out = set;
    return PC_OK;
}

void pc_scenario_set_free(pc_scenario_set *set)
{
    if (!set)
        return;
    free(set->known);
    free(set);
}

/* ---- The market of one scenario ---- */

/* The arrays a scenario's dataset owns (the rest is borrowed). */
struct market {
    pc_dataset ds; /* a shallow copy of the input set with these arrays */
    pc_price *prices;
    pc_peer_price *peer_prices;
    pc_assumption *assumptions;
    pc_market_assumption *market_assumptions;
    pc_supplied_fv *fair_values;
};

static void market_fini(market *m)
{
    free(m->prices);
    free(m->peer_prices);
    free(m->assumptions);
    free(m->market_assumptions);
    free(m->fair_values);
}

/* fair_values.csv values dated on or after the first changed day were
 * measured at the real prices: in any other scenario than the real close
 * they are left out, and the model values those tranches at the
 * scenario's price instead (where there is a model for them). */
static pc_status build_fair_values(const pc_scenario_set *set, int64_t price, market *m)
{
    const pc_dataset *ds = set->ds;
    int64_t actual = 0;
    if (ds->fair_values.count == 0 || (pc_scenario_actual_close(set, &actual) && actual == price))
        return PC_OK;
    pc_date from = first_changed(set);
    m->fair_values = malloc(ds->fair_values.count * sizeof *m->fair_values);
    if (!m->fair_values)
        return PC_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < ds->fair_values.count; i++) {
        const pc_supplied_fv *f = &ds->fair_values.items[i];
        /* A market-condition award without its condition in
         * market_conditions.csv has no model: it keeps its value. */
        bool modelled = ds->awards.items[f->award].condition != PC_CONDITION_MARKET ||
                        pc_mc_condition_of(ds, f->award) != NULL;
        if (f->date < from || !modelled)
            m->fair_values[k++] = *f;
    }
    m->ds.fair_values.items = m->fair_values;
    m->ds.fair_values.count = m->ds.fair_values.capacity = k;
    return PC_OK;
}

/* Weekdays in (from, to): the held days of a scenario. */
static size_t held_days(pc_date from, pc_date to)
{
    size_t n = 0;
    for (pc_date d = from + 1; d < to; d++)
        n += pc_date_is_weekday(d);
    return n;
}

static pc_status build_prices(const pc_scenario_set *set, int64_t price, market *m)
{
    const pc_dataset *ds = set->ds;
    size_t extra = set->closed ? 0 : held_days(set->as_of, set->day) + 1;
    size_t n = set->nreal + extra;
    m->prices = malloc(n * sizeof *m->prices);
    if (!m->prices)
        return PC_ERR_NOMEM;
    memcpy(m->prices, ds->prices.items, set->nreal * sizeof *m->prices);
    if (set->closed) {
        m->prices[set->end_row].close_micro = price;
    } else {
        size_t k = set->nreal;
        for (pc_date d = set->as_of + 1; d < set->day; d++)
            if (pc_date_is_weekday(d))
                m->prices[k++] = (pc_price){d, set->as_of_close, 0, 0};
        m->prices[k++] = (pc_price){set->day, price, 0, 0};
    }
    m->ds.prices.items = m->prices;
    m->ds.prices.count = m->ds.prices.capacity = n;
    return PC_OK;
}

/* Peer and index closes: rows after the as-of date dropped; then held at
 * the last close to the year end, or moved there by the peer change. */
static pc_status build_peer_prices(const pc_scenario_set *set, market *m)
{
    const pc_dataset *ds = set->ds;
    size_t total = ds->peer_prices.count;
    if (total == 0)
        return PC_OK;
    size_t held = set->closed ? 0 : held_days(set->as_of, set->day) + 1;
    size_t tickers = 0;
    for (size_t i = 0; i < total; i++)
        tickers += i == 0 || strcmp(ds->peer_prices.items[i].ticker,
                                    ds->peer_prices.items[i - 1].ticker) != 0;
    m->peer_prices = malloc((total + tickers * held) * sizeof *m->peer_prices);
    if (!m->peer_prices)
        return PC_ERR_NOMEM;
    size_t k = 0;
    for (size_t first = 0; first < total;) {
        size_t end = first;
        while (end < total &&
               strcmp(ds->peer_prices.items[end].ticker, ds->peer_prices.items[first].ticker) == 0)
            end++;
        size_t start = k;
        for (size_t i = first; i < end; i++)
            if (ds->peer_prices.items[i].date <= set->as_of)
                m->peer_prices[k++] = ds->peer_prices.items[i];
        if (k > start && set->closed && set->opt.has_peer_change) {
            /* The row the year end is valued from moves. */
            size_t row = k;
            while (row > start && m->peer_prices[row - 1].date > set->end)
                row--;
            if (row > start && set->end - m->peer_prices[row - 1].date <= PC_STALE_DAYS) {
                pc_peer_price *p = &m->peer_prices[row - 1];
                pc_status st = pc_scenario_price_change(p->close_micro, set->opt.peer_change_micro,
                                                        &p->close_micro);
                if (st)
                    return st;
            }
        } else if (k > start && !set->closed) {
            pc_peer_price last = m->peer_prices[k - 1];
            for (pc_date d = set->as_of + 1; d < set->day; d++)
                if (pc_date_is_weekday(d))
                    m->peer_prices[k++] = (pc_peer_price){last.ticker, d, last.close_micro, 0, 0};
            int64_t close = last.close_micro;
            if (set->opt.has_peer_change) {
                pc_status st = pc_scenario_price_change(close, set->opt.peer_change_micro, &close);
                if (st)
                    return st;
            }
            m->peer_prices[k++] = (pc_peer_price){last.ticker, set->day, close, 0, 0};
        }
        first = end;
    }
    m->ds.peer_prices.items = m->peer_prices;
    m->ds.peer_prices.count = m->ds.peer_prices.capacity = k;
    return PC_OK;
}

/* --vol and --rate: an assumptions.csv row on the year end, the latest row
 * on or before it with the volatility or rate replaced. */
static pc_status build_assumptions(const pc_scenario_set *set, market *m)
{
    const pc_dataset *ds = set->ds;
    const pc_scenario_options *o = &set->opt;
    if (!o->has_volatility && !o->has_rate)
        return PC_OK;
    size_t n = ds->assumptions.count;
    m->assumptions = malloc((n + 1) * sizeof *m->assumptions);
    if (!m->assumptions)
        return PC_ERR_NOMEM;
    const pc_assumption *base = pc_market_assumptions_at(ds, set->end);
    pc_assumption row = base ? *base : (pc_assumption){0};
    row.date = set->end;
    row.line = 0;
    if (o->has_volatility)
        row.volatility_micro = o->volatility_micro;
    if (o->has_rate)
        row.rate_micro = o->rate_micro;
    size_t k = 0;
    bool placed = false;
    for (size_t i = 0; i < n; i++) {
        const pc_assumption *a = &ds->assumptions.items[i];
        if (!placed && a->date >= set->end) {
            m->assumptions[k++] = row;
            placed = true;
        }
        if (a->date != set->end)
            m->assumptions[k++] = *a;
    }
    if (!placed)
        m->assumptions[k++] = row;
    m->ds.assumptions.items = m->assumptions;
    m->ds.assumptions.count = m->ds.assumptions.capacity = k;

    /* The company's Monte Carlo volatility (SPEC section 10) comes from
     * market_assumptions.csv or its price history: --vol replaces it too. */
    if (!o->has_volatility || ds->market_conditions.count == 0)
        return PC_OK;
    const char *ticker = ds->config.ticker ? ds->config.ticker : "company";
    size_t mn = ds->market_assumptions.count;
    m->market_assumptions = malloc((mn + 1) * sizeof *m->market_assumptions);
    if (!m->market_assumptions)
        return PC_ERR_NOMEM;
    pc_market_assumption mine = {.date = set->end, .ticker = (char *)ticker};
    const pc_market_assumption *latest = NULL;
    k = 0;
    for (size_t i = 0; i < mn; i++) {
        const pc_market_assumption *a = &ds->market_assumptions.items[i];
        bool company = strcmp(a->ticker, ticker) == 0;
        if (company && a->date <= set->end && (!latest || a->date >= latest->date))
            latest = a;
        if (!(company && a->date == set->end))
            m->market_assumptions[k++] = *a;
    }
    if (latest && latest->has_yield) {
        mine.has_yield = true;
        mine.yield_micro = latest->yield_micro;
    }
    mine.has_volatility = true;
    mine.volatility_micro = o->volatility_micro;
    m->market_assumptions[k++] = mine;
    m->ds.market_assumptions.items = m->market_assumptions;
    m->ds.market_assumptions.count = m->ds.market_assumptions.capacity = k;
    return PC_OK;
}

static pc_status build_market(const pc_scenario_set *set, int64_t price, market *m)
{
    *m = (market){0};
    m->ds = *set->ds;
    m->ds.memo = set->known ? &set->memo : NULL;
    pc_status st = build_prices(set, price, m);
    if (!st)
        st = build_peer_prices(set, m);
    if (!st)
        st = build_assumptions(set, m);
    if (!st)
        st = build_fair_values(set, price, m);
    return st;
}

/* ---- Running one scenario ---- */

/* The last covered year's figures out of the engine's report. */
static pc_status keep_year(const pc_scenario_set *set, int64_t price, pc_report *r,
                           bool keep_valuations, pc_scenario *out)
{
    const pc_dataset *ds = set->ds;
    out->price_micro = price;
    int64_t actual = 0;
    out->actual = pc_scenario_actual_close(set, &actual) && actual == price;
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].year == set->year) {
            out->pvp = r->pvp.items[i];
            r->pvp.items[i].avg_people = NULL; /* now the scenario's */
        }
    size_t ncap = 0, nmarket = 0, nstock = 0, nvaluations = 0;
    for (size_t i = 0; i < r->cap.count; i++)
        ncap += r->cap.items[i].year == set->year;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        nvaluations += keep_valuations && v->year == set->year && v->line >= 0;
        if (v->year != set->year || v->date != set->end || v->line < 0)
            continue;
        nmarket += v->method == PC_METHOD_MONTE_CARLO || v->method == PC_METHOD_MARKET_OUTCOME;
        nstock += v->method == PC_METHOD_STOCK_PRICE && v->per_share_exact &&
                  v->per_share_micro == price && v->inputs.price_micro == price;
    }
    out->cap = malloc((ncap ? ncap : 1) * sizeof *out->cap);
    out->market = malloc((nmarket ? nmarket : 1) * sizeof *out->market);
    out->stock = malloc((nstock ? nstock : 1) * sizeof *out->stock);
    out->valuations = malloc((nvaluations ? nvaluations : 1) * sizeof *out->valuations);
    if (!out->cap || !out->market || !out->stock || !out->valuations)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < r->cap.count; i++)
        if (r->cap.items[i].year == set->year)
            out->cap[out->ncap++] = r->cap.items[i];
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (keep_valuations && v->year == set->year && v->line >= 0) {
            out->valuations[out->nvaluations] = *v;
            out->valuations[out->nvaluations++].inputs.detail = 0; /* in this report only */
        }
        if (v->year != set->year || v->date != set->end || v->line < 0)
            continue;
        if (v->method == PC_METHOD_MONTE_CARLO || v->method == PC_METHOD_MARKET_OUTCOME)
            out->market[out->nmarket++] = (pc_scenario_market){
                v->tranche, v->method,       v->per_share,  v->inputs.standard_error,
                v->value,   v->inputs.paths, v->inputs.seed};
        else if (v->method == PC_METHOD_STOCK_PRICE && v->per_share_exact &&
                 v->per_share_micro == price && v->inputs.price_micro == price) {
            const pc_tranche *t = &ds->tranches.items[v->tranche];
            out->stock[out->nstock++] =
                (pc_scenario_stock){v->tranche,        ds->awards.items[t->award].person,
                                    v->line,           v->shares,
                                    v->probable_micro, v->value};
        }
    }
    return PC_OK;
}

static pc_status run_one(const pc_scenario_set *set, int64_t price_micro, bool keep_valuations,
                         pc_scenario *out, pc_diags *diags);

pc_status pc_scenario_run(const pc_scenario_set *set, int64_t price_micro, pc_scenario *out,
                          pc_diags *diags)
{
    return run_one(set, price_micro, set->keep_valuations, out, diags);
}

/* pc_scenario_run, keeping the year's valuations or not. */
static pc_status run_one(const pc_scenario_set *set, int64_t price_micro, bool keep_valuations,
                         pc_scenario *out, pc_diags *diags)
{
    *out = (pc_scenario){0};
    if (price_micro <= 0)
        return PC_ERR_RANGE;
    market m;
    pc_report report;
    pc_report_init(&report);
    pc_status st = build_market(set, price_micro, &m);
    size_t errors = diags->errors;
    /* The steps of pc_engine_run that the PvP row needs (the equity award
     * tables and peer group TSR do not move CAP): the SCT and CAP of the
     * last covered year alone, as a year's reconciliation reads nothing of
     * the other years but the prior year end (SPEC section 7); TSR over
     * every covered year, from the base before the first. */
    pc_dataset last = m.ds;
    last.config.years[0] = set->year;
    last.config.nyears = 1;
    if (last.config.sct_years > 1)
        last.config.sct_years = 1;
    if (!st)
        st = pc_engine_sct(&last, &report, diags);
    if (!st)
        st = pc_engine_cap(&last, &report, diags);
    if (!st)
        st = pc_engine_tsr(&m.ds, &report, diags);
    if (!st && diags->errors > errors)
        st = PC_ERR_INPUT;
    if (!st)
        st = keep_year(set, price_micro, &report, keep_valuations, out);
    if (st)
        pc_scenario_fini(out);
    pc_report_fini(&report);
    market_fini(&m);
    return st;
}

/* The first date whose market data a scenario changes: the as-of date's
 * next day, or, when prices.csv has the year end, the day of the close
 * that moves (and of a peer's, which is at most PC_STALE_DAYS before the
 * year end). */
static pc_date first_changed(const pc_scenario_set *set)
{
    if (!set->closed)
        return set->as_of + 1;
    pc_date first = set->ds->prices.items[set->end_row].date;
    if (set->opt.has_peer_change && set->end - PC_STALE_DAYS < first)
        first = set->end - PC_STALE_DAYS;
    return first;
}

/* Runs the engine once at the base close and keeps every valuation dated
 * before the first changed day: the same in every scenario. */
static pc_status remember_valuations(pc_scenario_set *set, pc_diags *diags)
{
    market m;
    pc_report report;
    pc_report_init(&report);
    size_t errors = diags->errors;
    pc_status st = build_market(set, pc_scenario_base_close(set), &m);
    if (!st)
        st = pc_engine_sct(&m.ds, &report, diags);
    if (!st)
        st = pc_engine_cap(&m.ds, &report, diags);
    if (!st && diags->errors > errors)
        st = PC_ERR_INPUT;
    pc_date before = first_changed(set);
    for (size_t i = 0; !st && i < report.valuations.count; i++)
        set->year_valuations +=
            report.valuations.items[i].year == set->year && report.valuations.items[i].line >= 0;
    size_t n = 0;
    for (size_t i = 0; !st && i < report.valuations.count; i++)
        n += report.valuations.items[i].date < before;
    if (!st && n > 0) {
        set->known = malloc(n * sizeof *set->known);
        if (!set->known)
            st = PC_ERR_NOMEM;
    }
    if (!st && n > 0) {
        size_t k = 0;
        for (size_t i = 0; i < report.valuations.count; i++)
            if (report.valuations.items[i].date < before) {
                set->known[k] = report.valuations.items[i];
                set->known[k].inputs.detail = 0; /* the detail is in that report only */
                k++;
            }
        if (n > 1)
            qsort(set->known, n, sizeof *set->known, pc_valuation_memo_compare);
        size_t unique = 0;
        for (size_t i = 0; i < n; i++)
            if (unique == 0 || pc_valuation_memo_compare(&set->known[unique - 1], &set->known[i]))
                set->known[unique++] = set->known[i];
        set->memo = (pc_valuation_memo){before, set->known, unique};
    }
    pc_report_fini(&report);
    market_fini(&m);
    return st;
}

/* ---- Several at once ---- */

typedef struct job {
    const pc_scenario_set *set;
    const int64_t *prices;
    size_t count, first, stride;
    pc_scenario *out;
    pc_status *status;
    pc_diags *diags; /* one list per scenario */
} job;

static void *work(void *arg)
{
    const job *j = arg;
    for (size_t i = j->first; i < j->count; i += j->stride)
        j->status[i] = pc_scenario_run(j->set, j->prices[i], &j->out[i], &j->diags[i]);
    return NULL;
}

/* Moves the diagnostics of `from` to the end of `to`. */
static pc_status copy_diags(const pc_diags *from, pc_diags *to)
{
    for (size_t i = 0; i < from->count; i++) {
        const pc_diag *d = &from->items[i];
        pc_status st =
            pc_diags_add(to, d->severity, d->file, d->line, d->column, d->code, "%s", d->message);
        if (st)
            return st;
    }
    return PC_OK;
}

pc_status pc_scenario_run_all(const pc_scenario_set *set, const int64_t *prices_micro, size_t count,
                              pc_scenario *out, pc_diags *diags)
{
    if (count == 0)
        return PC_OK;
    long cores = set->opt.threads > 0 ? (long)set->opt.threads : sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cores < 1 ? 1 : (size_t)cores;
    if (threads > count)
        threads = count;
    pc_status *status = calloc(count, sizeof *status);
    pc_diags *lists = calloc(count, sizeof *lists);
    job *jobs = calloc(threads, sizeof *jobs);
    pthread_t *tid = calloc(threads, sizeof *tid);
    bool *started = calloc(threads, sizeof *started);
    pc_status st = PC_OK;
    if (!status || !lists || !jobs || !tid || !started) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < count; i++)
        pc_diags_init(&lists[i]);
    for (size_t t = 0; t < threads; t++) {
        jobs[t] = (job){set, prices_micro, count, t, threads, out, status, lists};
        started[t] = t > 0 && pthread_create(&tid[t], NULL, work, &jobs[t]) == 0;
    }
    for (size_t t = 0; t < threads; t++)
        if (!started[t])
            work(&jobs[t]);
    for (size_t t = 0; t < threads; t++)
        if (started[t])
            pthread_join(tid[t], NULL);
    /* The first failure in scenario order, so the report is the same
     * whatever ran first. */
    for (size_t i = 0; i < count && !st; i++)
        if (status[i]) {
            st = status[i];
            if (copy_diags(&lists[i], diags))
                st = PC_ERR_NOMEM;
        }
    for (size_t i = 0; i < count; i++)
        pc_diags_fini(&lists[i]);
done:
    free(status);
    free(lists);
    free(jobs);
    free(tid);
    free(started);
    return st;
}

/* ---- Break-even ---- */

/* CAP of PEO slot `peo` less `target` at `price`, in cents. */
static pc_status gap_at(const pc_scenario_set *set, size_t peo, int64_t target, int64_t price,
                        int64_t *gap, pc_diags *diags)
{
    pc_scenario s;
    pc_status st = run_one(set, price, false, &s, diags); /* CAP alone */
    if (st)
        return st;
    if (peo >= s.pvp.npeo)
        st = PC_ERR_USAGE;
    else if (pc_money_sub(s.pvp.peo[peo].cap, target, gap))
        st = PC_ERR_OVERFLOW;
    pc_scenario_fini(&s);
    return st;
}

static int sign_of(int64_t x)
{
    return (x > 0) - (x < 0);
}

pc_status pc_scenario_break_even(const pc_scenario_set *set, size_t peo, int64_t target,
                                 bool *found, int64_t *price_micro, pc_diags *diags)
{
    *found = false;
    *price_micro = 0;
    int64_t base = pc_scenario_base_close(set);
    int64_t lo = base / 100, hi = 0;
    if (lo < 1)
        lo = 1;
    if (pc_mul_div_round(base, 100, 1, &hi))
        return PC_ERR_OVERFLOW;
    int64_t glo = 0, ghi = 0;
    pc_status st = gap_at(set, peo, target, lo, &glo, diags);
    if (!st)
        st = gap_at(set, peo, target, hi, &ghi, diags);
    if (st)
        return st;
    if (glo == 0 || ghi == 0 || sign_of(glo) == sign_of(ghi)) {
        *found = glo == 0 || ghi == 0;
        *price_micro = glo == 0 ? lo : ghi == 0 ? hi : 0;
        return PC_OK;
    }
    /* False position with the Illinois change (a few runs where CAP is
     * nearly straight in the price), bisection when it stalls. Invariant:
     * the gap at lo has the sign of the first glo (never 0); the gap at hi
     * is 0 or of the other sign. */
    int side = 0, stalls = 0;
    double flo = (double)glo, fhi = (double)ghi;
    while (hi - lo > 1) {
        int64_t width = hi - lo;
        int64_t mid = lo + width / 2;
        if (stalls < 3) {
            double x = (double)lo + flo * (double)(hi - lo) / (flo - fhi);
            if (x > (double)lo && x < (double)hi)
                mid = (int64_t)(x + 0.5);
            if (mid <= lo)
                mid = lo + 1;
            if (mid >= hi)
                mid = hi - 1;
        }
        int64_t gmid = 0;
        st = gap_at(set, peo, target, mid, &gmid, diags);
        if (st)
            return st;
        if (gmid != 0 && sign_of(gmid) == sign_of(glo)) {
            lo = mid;
            flo = (double)gmid;
            if (side == -1)
                fhi /= 2;
            side = -1;
        } else {
            hi = mid;
            fhi = (double)gmid;
            if (side == 1)
                flo /= 2;
            side = 1;
        }
        stalls = hi - lo > width / 2 ? stalls + 1 : 0;
        if (stalls > 3)
            stalls = 0; /* one bisection step, then interpolate again */
    }
    *found = true;
    *price_micro = hi;
    return PC_OK;
}

/* ---- The whole run ---- */

void pc_scenario_report_fini(pc_scenario_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; r->items && i < r->count; i++)
        pc_scenario_fini(&r->items[i]);
    free(r->items);
    free(r->change_micro);
    *r = (pc_scenario_report){0};
}

typedef struct priced {
    int64_t price, change;
} priced;

static int compare_priced(const void *a, const void *b)
{
    int64_t x = ((const priced *)a)->price, y = ((const priced *)b)->price;
    return (x > y) - (x < y);
}

pc_status pc_scenario_report_compute(const pc_dataset *ds, const pc_scenario_options *opt,
                                     const int64_t *values, size_t count, bool changes,
                                     pc_scenario_report *out, pc_diags *diags)
{
    *out = (pc_scenario_report){0};
    pc_scenario_set *set = NULL;
    priced *list = NULL;
    int64_t *prices = NULL;
    if (count == 0 || count > PC_SCENARIOS_MAX) {
        pc_error(diags, NULL, 0, 0, "scenario_count", "give 1 to %d scenarios (%zu given)",
                 PC_SCENARIOS_MAX, count);
        return PC_ERR_USAGE;
    }
    pc_status st = pc_scenario_set_new(ds, opt, &set, diags);
    if (st)
        return st;
    out->year = set->year;
    out->year_end = set->end;
    out->as_of = set->as_of;
    out->as_of_close_micro = set->as_of_close;
    out->base_close_micro = pc_scenario_base_close(set);
    out->has_actual = pc_scenario_actual_close(set, &out->actual_close_micro);
    out->price_date = set->closed ? ds->prices.items[set->end_row].date : set->day;
    out->options = *opt;
    out->by_change = changes;
    list = malloc((count + 1) * sizeof *list);
    if (!list) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        priced p = {values[i], 0};
        if (changes) {
            p.change = values[i];
            if (pc_scenario_price_change(out->base_close_micro, values[i], &p.price)) {
                char close[32];
                pc_error(diags, NULL, 0, 0, "bad_price_change",
                         "--price-change: a change of %.4g%% leaves no positive price from the "
                         "base close %s",
                         (double)values[i] / 1e4,
                         pc_micro_format(out->base_close_micro, 2, close, sizeof close));
                st = PC_ERR_USAGE;
                goto done;
            }
        }
        if (p.price <= 0) {
            pc_error(diags, NULL, 0, 0, "bad_price", "--year-end-price: a price must be positive");
            st = PC_ERR_USAGE;
            goto done;
        }
        list[n++] = p;
    }
    if (out->has_actual) {
        int64_t change = 0;
        if (out->base_close_micro > 0)
            (void)pc_mul_div_round(out->actual_close_micro - out->base_close_micro, PC_MICRO,
                                   out->base_close_micro, &change);
        list[n++] = (priced){out->actual_close_micro, change};
    }
    if (n > 1)
        qsort(list, n, sizeof *list, compare_priced);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++)
        if (unique == 0 || list[unique - 1].price != list[i].price)
            list[unique++] = list[i];
    out->items = calloc(unique, sizeof *out->items);
    out->change_micro = calloc(unique, sizeof *out->change_micro);
    prices = malloc(unique * sizeof *prices);
    if (!out->items || !out->change_micro || !prices) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    out->count = unique;
    for (size_t i = 0; i < unique; i++) {
        prices[i] = list[i].price;
        out->change_micro[i] = list[i].change;
    }
    /* The valuations kept for the workbook, within a bound of memory. */
    size_t live = opt->live_rows ? opt->live_rows : PC_SCENARIOS_LIVE_ROWS;
    set->keep_valuations = set->year_valuations <= live / unique;
    out->valuations_kept = set->keep_valuations;
    st = pc_scenario_run_all(set, prices, unique, out->items, diags);
    if (st)
        goto done;

    /* Break-even prices of each PEO of the year. */
    const pc_pvp_row *pvp = &out->items[0].pvp;
    out->search_low_micro = out->base_close_micro / 100 > 0 ? out->base_close_micro / 100 : 1;
    out->search_high_micro = out->base_close_micro * 100;
    for (size_t k = 0; k < pvp->npeo && !st; k++) {
        pc_break_even *b = &out->peo[out->npeo++];
        b->person = pvp->peo[k].person;
        b->sct_total = pvp->peo[k].sct_total;
        st = pc_scenario_break_even(set, k, b->sct_total, &b->has_sct_price, &b->sct_price_micro,
                                    diags);
        if (!st)
            st = pc_scenario_break_even(set, k, 0, &b->has_zero_price, &b->zero_price_micro, diags);
    }
done:
    free(prices);
    free(list);
    pc_scenario_set_free(set);
    return st;
}
