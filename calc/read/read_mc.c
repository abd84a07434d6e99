/*
 * The inputs of market-condition awards (SPEC sections 10 and 11):
 * market_conditions.csv (the condition of each award: metric, period,
 * payout curve, averaging, peer set, negative-TSR cap), peers.csv (the
 * members of each named peer set) and peer_prices.csv (their daily closes
 * and dividends), and the checks between them.
 */
#include "paycalc/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "read_set.h"

/* ---- market_conditions.csv ---------------------------------------------------- */

enum {
    MC_AWARD,
    MC_METRIC,
    MC_START,
    MC_END,
    MC_CURVE,
    MC_AVERAGING_DAYS,
    MC_PEER_SET,
    MC_NEGATIVE_TSR_CAP
};

/* One "x:payout" point of a curve; false with the reason in `why`. */
static bool parse_point(const char *text, size_t len, pc_payout_point *out, char *why,
                        size_t why_size)
{
    char *item = malloc(len + 1);
    if (!item) {
        snprintf(why, why_size, "out of memory");
        return false;
    }
    memcpy(item, text, len);
    item[len] = '\0';
    char *colon = strchr(item, ':');
    bool ok = false;
    if (!colon) {
        snprintf(why, why_size, "a point must be written x:payout (25:50%%)");
    } else {
        *colon = '\0';
        ok = pc_parse_decimal(item, 6, 6, &out->x_micro, why, why_size) == PC_OK &&
             pc_parse_fraction(colon + 1, 10 * PC_MICRO, 0, &out->payout_micro, why, why_size) ==
                 PC_OK;
    }
    free(item);
    return ok;
}

/* "25:50%;50:100%;75:200%": points separated by ';', ascending in x. */
static bool get_curve(reader *r, const pc_read_row *row, pc_market_condition *mc)
{
    if (!pc_read_need(r, row, MC_CURVE, NULL))
        return false;
    const char *text = pc_read_val(row, MC_CURVE);
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ';';
    mc->curve = calloc(n, sizeof *mc->curve);
    if (!pc_read_push(r, mc->curve))
        return false;
    char why[200] = "";
    const char *p = text;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool ok = parse_point(p, len, &mc->curve[i], why, sizeof why);
        if (ok && i > 0 && mc->curve[i].x_micro <= mc->curve[i - 1].x_micro) {
            snprintf(why, sizeof why, "the points must be ascending in x");
            ok = false;
        }
        if (!ok) {
            pc_read_cell_error(r, row, MC_CURVE, "bad_curve",
                               "payout_curve: invalid curve '%s': %s", pc_read_show(&r->rd, text),
                               why);
            return false;
        }
        p = end ? end + 1 : p + len;
    }
    mc->curve_points = n;
    return true;
}

static bool get_averaging_days(reader *r, const pc_read_row *row, int *out)
{
    *out = 1;
    if (!pc_read_has(row, MC_AVERAGING_DAYS))
        return true;
    int64_t days = 0;
    char why[160];
    /* A count of trading days, read as a whole number: its own message,
     * not the one for a number of shares. */
    if (pc_parse_shares(pc_read_val(row, MC_AVERAGING_DAYS), &days, why, sizeof why) != PC_OK ||
        days < 1 || days > 252) {
        pc_read_cell_error(r, row, MC_AVERAGING_DAYS, "bad_value",
                           "invalid value '%s': use 1 to 252 trading days",
                           pc_read_show(&r->rd, pc_read_val(row, MC_AVERAGING_DAYS)));
        return false;
    }
    *out = (int)days;
    return true;
}

void pc_read_market_conditions_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_market_condition mc = {0};
    bool ok = pc_read_get_award(r, row, MC_AWARD, &mc.award);
    if (ok && r->ds->awards.items[mc.award].condition != PC_CONDITION_MARKET)
        pc_read_cell_warning(r, row, MC_AWARD, "condition_not_used",
                             "award_id: award '%s' has no market condition: this row is not used",
                             pc_read_show(&r->rd, pc_read_val(row, MC_AWARD)));
    static const char *const metrics[] = {"relative_tsr", "index_tsr", "absolute_tsr",
                                          "price_hurdle"};
    int metric = pc_read_get_choice(r, row, MC_METRIC, metrics, 4);
    ok &= metric >= 0;
    mc.metric = (pc_market_metric)(metric < 0 ? 0 : metric);
    ok &= pc_read_get_date(r, row, MC_START, &mc.performance_start);
    if (pc_read_get_date(r, row, MC_END, &mc.performance_end)) {
        if (ok && mc.performance_end <= mc.performance_start) {
            pc_read_cell_error(r, row, MC_END, "bad_date",
                               "performance_end: '%s' is not after performance_start",
                               pc_read_show(&r->rd, pc_read_val(row, MC_END)));
            ok = false;
        }
    } else {
        ok = false;
    }
    ok &= get_averaging_days(r, row, &mc.averaging_days);
    if (pc_read_has(row, MC_NEGATIVE_TSR_CAP)) {
        mc.has_negative_tsr_cap = true;
        ok &= pc_read_get_fraction(r, row, MC_NEGATIVE_TSR_CAP, "negative-TSR cap", false,
                                   &mc.negative_tsr_cap_micro);
    }
    if (pc_read_has(row, MC_PEER_SET)) {
        mc.peer_set = pc_read_dup_text(r, pc_read_val(row, MC_PEER_SET));
        ok &= mc.peer_set != NULL;
    } else if (metric == PC_METRIC_RELATIVE_TSR || metric == PC_METRIC_INDEX_TSR) {
        pc_read_cell_error(r, row, MC_PEER_SET, "missing_value",
                           "peer_set: required for %s (the set of peers.csv it is measured "
                           "against)",
                           metrics[metric]);
        ok = false;
    }
    ok = get_curve(r, row, &mc) && ok;
    pc_market_condition *slot =
        ok ? pc_read_push(r, PC_ARRAY_PUSH(&r->ds->market_conditions)) : NULL;
    if (!slot) {
        free(mc.curve);
        free(mc.peer_set);
        return;
    }
    mc.line = row->line;
    *slot = mc;
}

static void condition_duplicate(reader *r, size_t index, int first_line)
{
    const pc_market_condition *mc = &r->ds->market_conditions.items[index];
    pc_read_file_error(r, PC_FILE_MARKET_CONDITIONS, mc->line, "award_id", "duplicate",
                       "award '%s' already has its market condition at line %d",
                       r->ds->awards.items[mc->award].id, first_line);
}

/* How many peers.csv rows set `name` has. */
static size_t set_size(const pc_dataset *ds, const char *name)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->peers.count; i++)
        n += strcmp(ds->peers.items[i].set, name) == 0;
    return n;
}

/* One row per award; a peer set that peers.csv has (one ticker for an
 * index). Runs after peers.csv is read. */
void pc_read_check_market_conditions(reader *r)
{
    size_t n = r->ds->market_conditions.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_market_condition *mc = &r->ds->market_conditions.items[i];
        keys[i] = (dup_key){NULL, (int64_t)mc->award, 0, 0, i, mc->line};
    }
    pc_read_report_duplicates(r, keys, n, condition_duplicate);
    for (size_t i = 0; i < n; i++) {
        const pc_market_condition *mc = &r->ds->market_conditions.items[i];
        if (!mc->peer_set || mc->metric == PC_METRIC_ABSOLUTE_TSR ||
            mc->metric == PC_METRIC_PRICE_HURDLE)
            continue;
        size_t members = set_size(r->ds, mc->peer_set);
        if (members == 0)
            pc_read_file_error(r, PC_FILE_MARKET_CONDITIONS, mc->line, "peer_set",
                               "unknown_peer_set", "no set '%s' in peers.csv",
                               pc_read_show(&r->rd, mc->peer_set));
        else if (mc->metric == PC_METRIC_INDEX_TSR && members != 1)
            pc_read_file_error(r, PC_FILE_MARKET_CONDITIONS, mc->line, "peer_set", "bad_peer_set",
                               "an index_tsr condition is measured against one ticker "
                               "(the index), but set '%s' has %zu",
                               pc_read_show(&r->rd, mc->peer_set), members);
    }
}

/* ---- peers.csv ---------------------------------------------------------------- */

enum { PEERS_SET, PEERS_TICKER, PEERS_MARKET_CAP };

void pc_read_peers_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    bool ok = pc_read_need(r, row, PEERS_SET, NULL);
    ok &= pc_read_need(r, row, PEERS_TICKER, NULL);
    int64_t cap = 0;
    bool has_cap = pc_read_has(row, PEERS_MARKET_CAP);
    if (has_cap)
        ok &= pc_read_get_money(r, row, PEERS_MARKET_CAP, &cap);
    if (has_cap && ok && cap <= 0) {
        pc_read_cell_error(r, row, PEERS_MARKET_CAP, "bad_value",
                           "market_cap: invalid value '%s': must be above 0",
                           pc_read_show(&r->rd, pc_read_val(row, PEERS_MARKET_CAP)));
        ok = false;
    }
    if (!ok)
        return;
    char *set = pc_read_dup_text(r, pc_read_val(row, PEERS_SET));
    char *ticker = pc_read_dup_text(r, pc_read_val(row, PEERS_TICKER));
    pc_peer *p = set && ticker ? pc_read_push(r, PC_ARRAY_PUSH(&r->ds->peers)) : NULL;
    if (!p) {
        free(set);
        free(ticker);
        return;
    }
    *p = (pc_peer){set, ticker, has_cap, cap, row->line};
}

static void peer_duplicate(reader *r, size_t index, int first_line)
{
    const pc_peer *p = &r->ds->peers.items[index];
    pc_read_file_error(r, PC_FILE_PEERS, p->line, "ticker", "duplicate",
                       "ticker '%s' is already in set '%s' at line %d",
                       pc_read_show(&r->rd, p->ticker), pc_read_show(&r->rd, p->set), first_line);
}

static int by_set_then_line(const void *a, const void *b)
{
    const pc_peer *x = *(const pc_peer *const *)a, *y = *(const pc_peer *const *)b;
    int c = strcmp(x->set, y->set);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* At most PC_MAX_PEERS_IN_SET tickers a set: the error names the row of the
 * first ticker past the limit (sorted once: n log n in the rows). */
static void check_set_sizes(reader *r)
{
    size_t n = r->ds->peers.count;
    const pc_peer **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        r->rd.nomem = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = &r->ds->peers.items[i];
    qsort(order, n, sizeof *order, by_set_then_line);
    for (size_t i = 0, first = 0; i < n; i++) {
        if (i > 0 && strcmp(order[i]->set, order[i - 1]->set) != 0)
            first = i;
        if (i - first == PC_MAX_PEERS_IN_SET)
            pc_read_file_error(r, PC_FILE_PEERS, order[i]->line, "ticker", "limit",
                               "peer set '%s' has more than %d tickers ('%s' is number %d): "
                               "a set holds at most %d peers",
                               pc_read_show(&r->rd, order[i]->set), PC_MAX_PEERS_IN_SET,
                               pc_read_show(&r->rd, order[i]->ticker), PC_MAX_PEERS_IN_SET + 1,
                               PC_MAX_PEERS_IN_SET);
    }
    free(order);
}

/* A ticker once per set, and sets within the size limit. */
void pc_read_check_peers(reader *r)
{
    check_set_sizes(r);
    size_t n = r->ds->peers.count;
    dup_key *keys = pc_read_new_keys(n);
    char **joined = calloc(n ? n : 1, sizeof *joined);
    bool ok = keys && joined;
    for (size_t i = 0; ok && i < n; i++) {
        const pc_peer *p = &r->ds->peers.items[i];
        joined[i] = pc_text_format("%s\n%s", p->set, p->ticker);
        ok = joined[i] != NULL;
        keys[i] = (dup_key){joined[i], 0, 0, 0, i, p->line};
    }
    if (ok)
        pc_read_report_duplicates(r, keys, n, peer_duplicate);
    else {
        free(keys);
        r->rd.nomem = true;
    }
    for (size_t i = 0; joined && i < n; i++)
        free(joined[i]);
    free(joined);
}

/* ---- peer_prices.csv ------------------------------------------------------------ */

enum { PEER_PRICES_TICKER, PEER_PRICES_DATE, PEER_PRICES_CLOSE, PEER_PRICES_DIVIDEND };

void pc_read_peer_prices_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    bool ok = pc_read_need(r, row, PEER_PRICES_TICKER, NULL);
    pc_date date;
    ok &= pc_read_get_date(r, row, PEER_PRICES_DATE, &date);
    int64_t close = 0, dividend = 0;
    ok &= pc_read_get_price(r, row, PEER_PRICES_CLOSE, "price", 0, true, &close);
    if (pc_read_has(row, PEER_PRICES_DIVIDEND))
        ok &= pc_read_get_price(r, row, PEER_PRICES_DIVIDEND, "dividend", 0, false, &dividend);
    if (!ok)
        return;
    char *ticker = pc_read_dup_text(r, pc_read_val(row, PEER_PRICES_TICKER));
    pc_peer_price *p = ticker ? pc_read_push(r, PC_ARRAY_PUSH(&r->ds->peer_prices)) : NULL;
    if (!p) {
        free(ticker);
        return;
    }
    *p = (pc_peer_price){ticker, date, close, dividend, row->line};
}

static void peer_price_duplicate(reader *r, size_t index, int first_line)
{
    const pc_peer_price *p = &r->ds->peer_prices.items[index];
    char buf[16];
    pc_read_file_error(r, PC_FILE_PEER_PRICES, p->line, "date", "duplicate",
                       "duplicate price of '%s' for %s (first at line %d)",
                       pc_read_show(&r->rd, p->ticker), pc_read_date_text(p->date, buf),
                       first_line);
}

/* One close per ticker and date. */
void pc_read_check_peer_prices(reader *r)
{
    size_t n = r->ds->peer_prices.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_peer_price *p = &r->ds->peer_prices.items[i];
        keys[i] = (dup_key){p->ticker, p->date, 0, 0, i, p->line};
    }
    pc_read_report_duplicates(r, keys, n, peer_price_duplicate);
}

/* ---- market_assumptions.csv and correlations.csv --------------------------------- */

enum { MA_DATE, MA_TICKER, MA_VOLATILITY, MA_YIELD };

void pc_read_market_assumptions_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_market_assumption a = {0};
    bool ok = pc_read_get_date(r, row, MA_DATE, &a.date);
    ok &= pc_read_need(r, row, MA_TICKER, NULL);
    a.has_volatility = pc_read_has(row, MA_VOLATILITY);
    if (a.has_volatility)
        ok &= pc_read_get_fraction(r, row, MA_VOLATILITY, "volatility", false, &a.volatility_micro);
    a.has_yield = pc_read_has(row, MA_YIELD);
    if (a.has_yield)
        ok &= pc_read_get_fraction(r, row, MA_YIELD, "dividend yield", false, &a.yield_micro);
    if (!ok)
        return;
    a.ticker = pc_read_dup_text(r, pc_read_val(row, MA_TICKER));
    pc_market_assumption *slot =
        a.ticker ? pc_read_push(r, PC_ARRAY_PUSH(&r->ds->market_assumptions)) : NULL;
    if (!slot) {
        free(a.ticker);
        return;
    }
    a.line = row->line;
    *slot = a;
}

enum { CORR_DATE, CORR_A, CORR_B, CORR_VALUE };

void pc_read_correlations_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_correlation c = {0};
    bool ok = pc_read_get_date(r, row, CORR_DATE, &c.date);
    ok &= pc_read_need(r, row, CORR_A, NULL);
    ok &= pc_read_need(r, row, CORR_B, NULL);
    ok &= pc_read_get_decimal(r, row, CORR_VALUE, "correlation", &c.correlation_micro);
    if (ok && (c.correlation_micro < -PC_MICRO || c.correlation_micro > PC_MICRO)) {
        pc_read_cell_error(r, row, CORR_VALUE, "bad_value",
                           "correlation: invalid value '%s': must be between -1 and 1",
                           pc_read_show(&r->rd, pc_read_val(row, CORR_VALUE)));
        ok = false;
    }
    if (ok && strcmp(pc_read_val(row, CORR_A), pc_read_val(row, CORR_B)) == 0) {
        pc_read_cell_error(r, row, CORR_B, "bad_value",
                           "ticker_b: '%s' is ticker_a too: a ticker's correlation with itself "
                           "is 1",
                           pc_read_show(&r->rd, pc_read_val(row, CORR_B)));
        ok = false;
    }
    if (!ok)
        return;
    c.ticker_a = pc_read_dup_text(r, pc_read_val(row, CORR_A));
    c.ticker_b = pc_read_dup_text(r, pc_read_val(row, CORR_B));
    pc_correlation *slot =
        c.ticker_a && c.ticker_b ? pc_read_push(r, PC_ARRAY_PUSH(&r->ds->correlations)) : NULL;
    if (!slot) {
        free(c.ticker_a);
        free(c.ticker_b);
        return;
    }
    c.line = row->line;
    *slot = c;
}
