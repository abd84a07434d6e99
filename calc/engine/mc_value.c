/*
 * Market-condition tranches valued from the input set (SPEC section 10): the
 * price series of the company and its peers become total-return indexes,
 * then the inputs of the Monte Carlo engine (TSR so far, the known days of
 * the averaging windows, volatilities, correlations, yields), or, on or
 * after the performance end, the payout known from the prices.
 *
 * market_assumptions.csv and correlations.csv, when they have a row for a
 * ticker or pair on or before the date, replace the estimates.
 *
 * Choices the SPEC leaves open, written down in the README:
 * - returns for volatilities and correlations are those of the total-return
 *   index (dividends reinvested), so an ex-dividend drop is not volatility;
 * - a dividend yield is the lookback's dividends per year over the latest
 *   close;
 * - future trading days (of a window not yet reached) are the weekdays;
 * - the company's own ticker in its peer set is left out of the peers.
 */
#include "paycalc/mc_value.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/market.h"
#include "paycalc/money.h"
#include "paycalc/montecarlo.h"
#include "paycalc/text.h"
#include "paycalc/value.h"

/* One company's prices up to the last date needed, oldest first. */
typedef struct series {
    const char *ticker;
    size_t n;
    pc_date *date;
    double *close;
    double *dividend;
    double *tr; /* total-return index: close x units, dividends reinvested */
} series;

typedef struct ctx {
    const pc_dataset *ds;
    const pc_market_condition *mc;
    const pc_award *award;
    const pc_tranche *tranche;
    pc_date date;
    pc_diags *diags;
    series *s; /* the company, then its peers */
    size_t count;
} ctx;

const pc_market_condition *pc_mc_condition_of(const pc_dataset *ds, size_t award)
{
    size_t lo = 0, hi = ds->market_conditions.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->market_conditions.items[mid].award < award)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ds->market_conditions.count && ds->market_conditions.items[lo].award == award)
        return &ds->market_conditions.items[lo];
    return NULL;
}

/* An error at the award's market_conditions.csv row: "award A tranche N on
 * D: <what>". Returns PC_ERR_MISSING (or PC_ERR_NOMEM). */
static pc_status __attribute__((format(printf, 2, 3))) problem(const ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = pc_text_vformat(fmt, ap);
    va_end(ap);
    char day[11];
    pc_status st = pc_error(
        c->diags, pc_dataset_path(c->ds, PC_FILE_MARKET_CONDITIONS), c->mc->line, 1,
        "missing_market_data", "award %s tranche %d, valued on %s: %s", c->award->id,
        c->tranche->number, pc_date_format(c->date, day), what ? what : "market data missing");
    free(what);
    return st == PC_OK ? PC_ERR_MISSING : st;
}

/* ---- Price series ---- */

static void series_free(series *s)
{
    free(s->date);
    free(s->close);
    free(s->dividend);
    free(s->tr);
    memset(s, 0, sizeof *s);
}

static bool series_alloc(series *s, size_t n)
{
    size_t k = n ? n : 1;
    s->date = malloc(k * sizeof *s->date);
    s->close = malloc(k * sizeof *s->close);
    s->dividend = malloc(k * sizeof *s->dividend);
    s->tr = malloc(k * sizeof *s->tr);
    s->n = 0;
    return s->date && s->close && s->dividend && s->tr;
}

static void series_add(series *s, pc_date date, int64_t close, int64_t dividend)
{
    size_t i = s->n++;
    s->date[i] = date;
    s->close[i] = pc_micro_to_double(close);
    s->dividend[i] = pc_micro_to_double(dividend);
    /* Section 7's units: a dividend buys close-priced shares on its ex-date. */
    double units = i == 0 ? 1.0 : s->tr[i - 1] / s->close[i - 1];
    if (i > 0 && s->dividend[i] > 0)
        units = pc_market_reinvest(units, s->dividend[i], s->close[i]);
    s->tr[i] = units * s->close[i];
}

/* The company from prices.csv, up to `last`. */
static bool company_series(const pc_dataset *ds, pc_date last, series *s)
{
    s->ticker = ds->config.ticker ? ds->config.ticker : "company";
    if (!series_alloc(s, ds->prices.count))
        return false;
    for (size_t i = 0; i < ds->prices.count && ds->prices.items[i].date <= last; i++)
        series_add(s, ds->prices.items[i].date, ds->prices.items[i].close_micro,
                   ds->prices.items[i].dividend_micro);
    return true;
}

/* A peer from peer_prices.csv (sorted by ticker and date), up to `last`. */
static bool peer_series(const pc_dataset *ds, const char *ticker, pc_date last, series *s)
{
    size_t lo, end;
    pc_market_peer_rows(ds, ticker, &lo, &end);
    s->ticker = ticker;
    if (!series_alloc(s, end - lo))
        return false;
    for (size_t i = lo; i < end && ds->peer_prices.items[i].date <= last; i++)
        series_add(s, ds->peer_prices.items[i].date, ds->peer_prices.items[i].close_micro,
                   ds->peer_prices.items[i].dividend_micro);
    return true;
}

/* Index of the last day on or before `date`, or -1. */
static long at_or_before(const series *s, pc_date date)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->date[mid] <= date)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

/* The company and the peers of the condition's set (the company's own
 * ticker left out), each up to `last`. */
static pc_status load_series(ctx *c, pc_date last)
{
    const pc_dataset *ds = c->ds;
    bool peers = c->mc->metric != PC_METRIC_ABSOLUTE_TSR &&
                 c->mc->metric != PC_METRIC_PRICE_HURDLE && c->mc->peer_set;
    size_t n = 1;
    for (size_t i = 0; peers && i < ds->peers.count; i++)
        n += strcmp(ds->peers.items[i].set, c->mc->peer_set) == 0;
    c->s = calloc(n, sizeof *c->s);
    if (!c->s)
        return PC_ERR_NOMEM;
    c->count = 1;
    if (!company_series(ds, last, &c->s[0]))
        return PC_ERR_NOMEM;
    for (size_t i = 0; peers && i < ds->peers.count; i++) {
        const pc_peer *p = &ds->peers.items[i];
        if (strcmp(p->set, c->mc->peer_set) != 0 ||
            (ds->config.ticker && strcmp(p->ticker, ds->config.ticker) == 0))
            continue;
        if (!peer_series(ds, p->ticker, last, &c->s[c->count++]))
            return PC_ERR_NOMEM;
    }
    for (size_t a = 0; a < c->count; a++) {
        long v = at_or_before(&c->s[a], c->date);
        if (v < 0 || pc_market_stale(c->date, c->s[a].date[v]))
            return problem(c, "no close of '%s' on that day or in the %d days before it (%s)",
                           c->s[a].ticker, PC_STALE_DAYS, a ? "peer_prices.csv" : "prices.csv");
    }
    return PC_OK;
}

static void free_series(ctx *c)
{
    for (size_t a = 0; c->s && a < c->count; a++)
        series_free(&c->s[a]);
    free(c->s);
    c->s = NULL;
}

/* ---- Windows ---- */

/* The last trading day on or before `d` counting weekdays only. */
static pc_date last_weekday(pc_date d)
{
    while (!pc_date_is_weekday(d))
        d--;
    return d;
}

/* Weekdays in (from, to]. */
static size_t weekdays_between(pc_date from, pc_date to)
{
    size_t n = 0;
    for (pc_date d = from + 1; d <= to; d++)
        n += pc_date_is_weekday(d);
    return n;
}

/* The averaging window ending on `end` (SPEC section 10: `days` trading
 * days ending on the last trading day on or before it): its future part
 * counted in weekdays, and each company's known closes summed as ratios to
 * the total-return index on the valuation date. */
static pc_status window(ctx *c, pc_date end, pc_mc_window *w, double *known, bool is_start)
{
    size_t days = (size_t)c->mc->averaging_days;
    size_t future = end > c->date ? weekdays_between(c->date, end) : 0;
    if (future > days)
        future = days;
    *w = (pc_mc_window){days, future, future ? (double)(last_weekday(end) - c->date) / 365.0 : 0};
    pc_date known_until = end < c->date ? end : c->date;
    for (size_t a = 0; a < c->count; a++) {
        const series *s = &c->s[a];
        long last = at_or_before(s, known_until), v = at_or_before(s, c->date);
        size_t need = days - future;
        if (need > 0 && (last < 0 || (size_t)last + 1 < need))
            return problem(c,
                           "the %s of the performance period needs %zu closes of '%s' up to %s "
                           "(%s)",
                           is_start ? "start" : "end", need, s->ticker, "that date",
                           a ? "peer_prices.csv" : "prices.csv");
        double sum = 0;
        for (size_t k = 0; k < need; k++)
            sum += s->tr[(size_t)last - k] / s->tr[v];
        known[a] = sum;
    }
    return PC_OK;
}

/* ---- Volatilities, dividend yields and correlations over the lookback ---- */

/* The lookback (SPEC section 10): the trading days in the period ending on
 * the valuation date as long as the rest of the performance period, at
 * least a year. Its first excluded day and its length in years. */
static pc_date lookback_from(const ctx *c, double *years)
{
    pc_date length = c->mc->performance_end - c->date;
    if (length < 365)
        length = 365;
    *years = (double)length / 365.0;
    return c->date - length;
}

/* The latest market_assumptions.csv row of `ticker` on or before the date. */
static const pc_market_assumption *supplied_assumption(const ctx *c, const char *ticker)
{
    const pc_market_assumption *best = NULL;
    for (size_t i = 0; i < c->ds->market_assumptions.count; i++) {
        const pc_market_assumption *m = &c->ds->market_assumptions.items[i];
        if (m->date <= c->date && strcmp(m->ticker, ticker) == 0 &&
            (!best || m->date > best->date || (m->date == best->date && m->line > best->line)))
            best = m;
    }
    return best;
}

/* The latest correlations.csv row of the pair (either order) on or before
 * the date. */
static const pc_correlation *supplied_correlation(const ctx *c, const char *a, const char *b)
{
    const pc_correlation *best = NULL;
    for (size_t i = 0; i < c->ds->correlations.count; i++) {
        const pc_correlation *x = &c->ds->correlations.items[i];
        bool pair = (strcmp(x->ticker_a, a) == 0 && strcmp(x->ticker_b, b) == 0) ||
                    (strcmp(x->ticker_a, b) == 0 && strcmp(x->ticker_b, a) == 0);
        if (pair && x->date <= c->date &&
            (!best || x->date > best->date || (x->date == best->date && x->line > best->line)))
            best = x;
    }
    return best;
}

/* A company's volatility and dividend yield: market_assumptions.csv's when
 * it has them, else estimated over the lookback. */
static pc_status estimate_one(ctx *c, size_t a, pc_date from, double years, double *vol,
                              double *yield)
{
    const series *s = &c->s[a];
    const pc_market_assumption *m = supplied_assumption(c, s->ticker);
    long lo = at_or_before(s, from) + 1, hi = at_or_before(s, c->date);
    size_t count = hi >= lo ? (size_t)(hi - lo + 1) : 0;
    pc_status st = PC_OK;
    if (m && m->has_volatility)
        *vol = pc_micro_to_double(m->volatility_micro);
    else if ((st = pc_mc_estimate_volatility(s->tr + lo, count, vol)) == PC_ERR_NOMEM)
        return st; /* not a lack of closes */
    else if (st != PC_OK)
        return problem(c,
                       "estimating the volatility of '%s' needs at least 3 closes in the "
                       "lookback, %zu found (%s)",
                       s->ticker, count, a ? "peer_prices.csv" : "prices.csv");
    if (m && m->has_yield) {
        *yield = pc_micro_to_double(m->yield_micro);
        return PC_OK;
    }
    double dividends = 0;
    for (long i = lo; i <= hi; i++)
        dividends += s->dividend[i];
    *yield = count > 0 ? dividends / years / s->close[hi] : 0;
    return PC_OK;
}

/* Pearson correlation of a and b over their common dates in the lookback. */
static pc_status estimate_pair(ctx *c, size_t a, size_t b, pc_date from, double *rho)
{
    const series *x = &c->s[a], *y = &c->s[b];
    size_t i = (size_t)(at_or_before(x, from) + 1), j = (size_t)(at_or_before(y, from) + 1);
    size_t room = x->n < y->n ? x->n : y->n, n = 0;
    double *xa = malloc((room ? room : 1) * sizeof *xa),
           *ya = malloc((room ? room : 1) * sizeof *ya);
    pc_status st = PC_ERR_NOMEM;
    if (xa && ya) {
        while (i < x->n && j < y->n && x->date[i] <= c->date && y->date[j] <= c->date) {
            if (x->date[i] == y->date[j]) {
                xa[n] = x->tr[i++];
                ya[n++] = y->tr[j++];
            } else if (x->date[i] < y->date[j]) {
                i++;
            } else {
                j++;
            }
        }
        st = pc_mc_estimate_correlation(xa, ya, n, rho);
        if (st == PC_ERR_MISSING)
            st = problem(c,
                         "the correlation of '%s' and '%s' needs at least 3 common dates in the "
                         "lookback, %zu found",
                         x->ticker, y->ticker, n);
    }
    free(xa);
    free(ya);
    return st;
}

static pc_status estimate(ctx *c, double *vol, double *yield, double *corr)
{
    double years;
    pc_date from = lookback_from(c, &years);
    size_t n = c->count;
    for (size_t a = 0; a < n; a++) {
        pc_status st = estimate_one(c, a, from, years, &vol[a], &yield[a]);
        if (st != PC_OK)
            return st;
        corr[a * n + a] = 1;
        for (size_t b = 0; b < a; b++) {
            const pc_correlation *x = supplied_correlation(c, c->s[a].ticker, c->s[b].ticker);
            if (x)
                corr[a * n + b] = pc_micro_to_double(x->correlation_micro);
            else if ((st = estimate_pair(c, a, b, from, &corr[a * n + b])) != PC_OK)
                return st;
            corr[b * n + a] = corr[a * n + b];
        }
    }
    return PC_OK;
}

/* ---- The terms of the condition ---- */

static pc_mc_metric engine_metric(pc_market_metric m)
{
    switch (m) {
    case PC_METRIC_RELATIVE_TSR:
        return PC_MC_RELATIVE_TSR;
    case PC_METRIC_INDEX_TSR:
        return PC_MC_INDEX_TSR;
    case PC_METRIC_ABSOLUTE_TSR:
        return PC_MC_ABSOLUTE_TSR;
    case PC_METRIC_PRICE_HURDLE:
        return PC_MC_PRICE_HURDLE;
    }
    assert(!"a market metric"); /* the reader accepts only these four */
    return PC_MC_ABSOLUTE_TSR;
}

static pc_mc_point *curve_of(const pc_market_condition *mc, pc_mc_terms *t)
{
    pc_mc_point *curve = malloc((mc->curve_points ? mc->curve_points : 1) * sizeof *curve);
    if (!curve)
        return NULL;
    for (size_t i = 0; i < mc->curve_points; i++)
        curve[i] = (pc_mc_point){pc_micro_to_double(mc->curve[i].x_micro),
                                 pc_micro_to_double(mc->curve[i].payout_micro)};
    *t = (pc_mc_terms){.metric = engine_metric(mc->metric),
                       .curve = curve,
                       .curve_points = mc->curve_points,
                       .has_negative_tsr_cap = mc->has_negative_tsr_cap,
                       .negative_tsr_cap = pc_micro_to_double(mc->negative_tsr_cap_micro),
                       .index_asset = 1};
    return curve;
}

/* A price hurdle's state at the valuation date: the closes of the period
 * before it that the next moving averages use, and the best average so far. */
static void hurdle_to_date(const ctx *c, pc_mc_terms *t)
{
    const series *s = &c->s[0];
    size_t days = (size_t)c->mc->averaging_days;
    long first = at_or_before(s, c->mc->performance_start - 1) + 1;
    long last =
        at_or_before(s, c->date < c->mc->performance_end ? c->date : c->mc->performance_end);
    t->hurdle_days = days;
    t->term_years =
        c->date < c->mc->performance_end ? (double)(c->mc->performance_end - c->date) / 365.0 : 0;
    t->best_to_date = 0;
    t->recent = NULL;
    t->recent_count = 0;
    if (last < first)
        return;
    size_t count = (size_t)(last - first + 1);
    double sum = 0;
    for (size_t k = 0; k < count; k++) {
        sum += s->close[(size_t)first + k];
        if (k >= days)
            sum -= s->close[(size_t)first + k - days];
        if (k + 1 >= days && sum / (double)days > t->best_to_date)
            t->best_to_date = sum / (double)days;
    }
    t->recent_count = count < days - 1 ? count : days - 1;
    t->recent = s->close + (size_t)last + 1 - t->recent_count;
}

/* ---- The valuation ---- */

static double *copy_of(const double *x, size_t n)
{
    double *y = x ? malloc((n ? n : 1) * sizeof *y) : NULL;
    if (y)
        memcpy(y, x, n * sizeof *y);
    return y;
}

/* What the valuation used per company, kept in the report for report.json
 * and the workbook. `vol`, `yield` and `corr` are NULL for an outcome. */
static pc_status record_detail(const ctx *c, pc_report *report, const double *vol,
                               const double *yield, const double *corr, const double *so_far,
                               const double *tsr, pc_valuation *out)
{
    if (!report)
        return PC_OK;
    pc_market_detail *d = PC_ARRAY_PUSH(&report->market_details);
    if (!d)
        return PC_ERR_NOMEM;
    size_t n = c->count;
    d->count = n;
    d->tickers = malloc(n * sizeof *d->tickers);
    d->volatilities = copy_of(vol, n);
    d->yields = copy_of(yield, n);
    d->correlations = copy_of(corr, n * n);
    d->tsr_to_date = copy_of(so_far, n);
    d->tsr = copy_of(tsr, n);
    if (!d->tickers || (vol && (!d->volatilities || !d->yields || !d->correlations)) ||
        (so_far && !d->tsr_to_date) || (tsr && !d->tsr))
        return PC_ERR_NOMEM;
    for (size_t a = 0; a < n; a++)
        d->tickers[a] = c->s[a].ticker;
    out->inputs.detail = report->market_details.count;
    return PC_OK;
}

/* Scratch of one valuation: per company the engine's inputs and what the
 * valuation records. */
typedef struct work {
    pc_mc_asset *asset;
    double *vol, *yield, *corr, *start_known, *end_known, *so_far, *tsr;
} work;

static bool work_alloc(work *w, size_t n)
{
    w->asset = calloc(n, sizeof *w->asset);
    double *buf = calloc(6 * n + n * n, sizeof *buf);
    if (!w->asset || !buf) {
        /* Nothing kept: work_free, which the caller runs on every path,
         * then frees nothing twice. */
        free(w->asset);
        free(buf);
        w->asset = NULL;
        return false;
    }
    w->vol = buf;
    w->yield = buf + n;
    w->start_known = buf + 2 * n;
    w->end_known = buf + 3 * n;
    w->so_far = buf + 4 * n;
    w->tsr = buf + 5 * n;
    w->corr = buf + 6 * n;
    return true;
}

static void work_free(work *w)
{
    free(w->asset);
    free(w->vol);
}

/* On or after the performance end: the payout the prices give (method
 * market_outcome), times the close at the date. */
static pc_status known_outcome(const ctx *c, const pc_mc_terms *t, work *w, const pc_price *price,
                               pc_valuation *out, pc_report *report)
{
    double metric, company_tsr = 0;
    if (t->metric == PC_MC_PRICE_HURDLE) {
        metric = t->best_to_date;
    } else {
        for (size_t a = 0; a < c->count; a++)
            w->tsr[a] = w->end_known[a] / w->start_known[a] - 1;
        metric = pc_mc_metric_value(t, w->tsr, c->count);
        company_tsr = w->tsr[0];
    }
    double payout = pc_mc_payout(t, metric, company_tsr);
    out->method = PC_METHOD_MARKET_OUTCOME;
    out->per_share = payout * pc_micro_to_double(price->close_micro);
    out->inputs.expected_payout = payout;
    out->inputs.metric = metric;
    return record_detail(c, report, NULL, NULL, NULL, NULL,
                         t->metric == PC_MC_PRICE_HURDLE ? NULL : w->tsr, out);
}

/* Passes the engine's correlation warning on, at the condition's row. In a
 * run (a report) a repair is noted instead: the warning is one per award
 * naming every date (SPEC section 1), written by pc_engine_group_warnings. */
static pc_status pass_warnings(const ctx *c, const pc_diags *local, const pc_mc_result *r,
                               pc_report *report)
{
    if (report && r->repaired) {
        pc_repair_note *note = PC_ARRAY_PUSH(&report->repair_notes);
        if (!note)
            return PC_ERR_NOMEM;
        *note = (pc_repair_note){(size_t)(c->tranche - c->ds->tranches.items), c->date,
                                 r->repair_change, c->mc->line};
    }
    for (size_t i = 0; i < local->count; i++) {
        const pc_diag *d = &local->items[i];
        if (d->severity != PC_SEVERITY_WARNING ||
            (report && r->repaired && strcmp(d->code, "correlation_repaired") == 0))
            continue;
        pc_status st = report
                           ? pc_report_warn_at(report, c->diags, c->ds, PC_FILE_MARKET_CONDITIONS,
                                               c->mc->line, d->code, "award %s tranche %d: %s",
                                               c->award->id, c->tranche->number, d->message)
                           : pc_warning(c->diags, pc_dataset_path(c->ds, PC_FILE_MARKET_CONDITIONS),
                                        c->mc->line, 0, d->code, "award %s tranche %d: %s",
                                        c->award->id, c->tranche->number, d->message);
        if (st == PC_ERR_NOMEM)
            return st;
    }
    return PC_OK;
}

/* Before the performance end: the simulation (method monte_carlo). */
static pc_status simulate(const ctx *c, pc_mc_terms *t, work *w, pc_valuation *out,
                          pc_report *report)
{
    const pc_assumption *as = pc_market_assumptions_at(c->ds, c->date);
    if (!as)
        return problem(c, "the risk-free rate comes from assumptions.csv, which has no row on or "
                          "before that date");
    pc_status st = estimate((ctx *)c, w->vol, w->yield, w->corr);
    if (st != PC_OK)
        return st;
    for (size_t a = 0; a < c->count; a++) {
        const series *s = &c->s[a];
        w->asset[a] = (pc_mc_asset){s->close[at_or_before(s, c->date)], w->vol[a], w->yield[a],
                                    w->start_known[a], w->end_known[a]};
    }
    const pc_config *cfg = &c->ds->config;
    pc_mc_market market = {c->count, w->asset, w->corr, pc_micro_to_double(as->rate_micro)};
    pc_mc_settings settings = {
        .seed = cfg->monte_carlo.seed,
        .stream = pc_mc_stream(c->award->id, (uint32_t)c->tranche->number, c->date),
        .paths = cfg->monte_carlo.paths,
        .antithetic = cfg->monte_carlo.antithetic,
        .threads = cfg->monte_carlo.threads,
        .repaired = w->corr};
    pc_mc_result r;
    pc_diags local;
    pc_diags_init(&local);
    st = pc_mc_value(t, &market, &settings, &r, &local);
    if (st == PC_OK)
        st = pass_warnings(c, &local, &r, report);
    else if (st != PC_ERR_NOMEM)
        st = problem(c, "the simulation could not run: %s",
                     local.count ? local.items[0].message : pc_status_message(st));
    pc_diags_fini(&local);
    /* w->corr now holds the matrix the engine used (settings.repaired),
     * which the report records. */
    if (st != PC_OK)
        return st;
    out->method = PC_METHOD_MONTE_CARLO;
    out->per_share = r.value;
    pc_valuation_inputs *in = &out->inputs;
    in->has_assumptions = true;
    in->assumption_date = as->date;
    in->volatility = w->vol[0];
    in->rate = market.rate;
    in->yield = w->yield[0];
    in->term = t->metric == PC_MC_PRICE_HURDLE ? t->term_years : t->end.end_years;
    in->paths = r.paths;
    in->seed = settings.seed;
    in->standard_error = r.standard_error;
    in->ci95_low = r.ci95_low;
    in->ci95_high = r.ci95_high;
    in->expected_payout = r.expected_payout;
    return record_detail(c, report, w->vol, w->yield, w->corr,
                         t->metric == PC_MC_PRICE_HURDLE ? NULL : w->so_far, NULL, out);
}

/* The TSR windows, and the TSR so far (NAN while the start window is still
 * to come). */
static pc_status tsr_windows(ctx *c, pc_mc_terms *t, work *w)
{
    pc_status st = window(c, c->mc->performance_start, &t->start, w->start_known, true);
    if (st == PC_OK)
        st = window(c, c->mc->performance_end, &t->end, w->end_known, false);
    for (size_t a = 0; st == PC_OK && a < c->count; a++)
        w->so_far[a] =
            t->start.future_days == 0 ? (double)t->start.days / w->start_known[a] - 1 : NAN;
    return st;
}

pc_status pc_mc_value_tranche(const pc_dataset *ds, const pc_market_condition *mc, size_t tranche,
                              pc_date date, pc_valuation *out, pc_report *report, pc_diags *diags)
{
    const pc_tranche *tr = &ds->tranches.items[tranche];
    ctx c = {ds, mc, &ds->awards.items[tr->award], tr, date, diags, NULL, 0};
    out->inputs.condition_line = mc->line;
    const pc_price *price = pc_market_price_at(ds, date);
    if (!price)
        return problem(&c, "no closing price on that day or in the %d days before it (prices.csv)",
                       PC_STALE_DAYS);
    out->inputs.has_price = true;
    out->inputs.price_date = price->date;
    out->inputs.price_micro = price->close_micro;
    pc_mc_terms t;
    pc_mc_point *curve = NULL;
    work w = {0};
    pc_status st = load_series(&c, date);
    if (st == PC_OK && (!(curve = curve_of(mc, &t)) || !work_alloc(&w, c.count)))
        st = PC_ERR_NOMEM;
    if (st == PC_OK && mc->metric == PC_METRIC_PRICE_HURDLE)
        hurdle_to_date(&c, &t);
    else if (st == PC_OK)
        st = tsr_windows(&c, &t, &w);
    if (st == PC_OK)
        st = date >= mc->performance_end ? known_outcome(&c, &t, &w, price, out, report)
                                         : simulate(&c, &t, &w, out, report);
    work_free(&w);
    free(curve);
    free_series(&c);
    return st;
}
