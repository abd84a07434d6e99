/*
 * The dated inputs of the valuations and the PvP (SPEC section 2):
 * prices.csv, assumptions.csv, outcomes.csv, fair_values.csv and
 * performance.csv.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "read_set.h"

/* ---- prices.csv ----------------------------------------------------------- */

enum { PRICES_DATE, PRICES_CLOSE, PRICES_DIVIDEND };

void pc_read_prices_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_date date;
    bool ok = pc_read_get_date(r, row, PRICES_DATE, &date);
    int64_t close = 0, dividend = 0;
    ok &= pc_read_get_price(r, row, PRICES_CLOSE, "price", 0, true, &close);
    if (pc_read_has(row, PRICES_DIVIDEND))
        ok &= pc_read_get_price(r, row, PRICES_DIVIDEND, "dividend", 0, false, &dividend);
    if (!ok)
        return;
    pc_price *p = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->prices));
    if (!p)
        return;
    p->date = date;
    p->close_micro = close;
    p->dividend_micro = dividend;
    p->line = row->line;
}

static void price_duplicate(reader *r, size_t index, int first_line)
{
    const pc_price *p = &r->ds->prices.items[index];
    char buf[16];
    pc_read_file_error(r, PC_FILE_PRICES, p->line, "date", "duplicate",
                       "duplicate price for %s (first at line %d)", pc_read_date_text(p->date, buf),
                       first_line);
}

void pc_read_check_prices(reader *r)
{
    size_t n = r->ds->prices.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, r->ds->prices.items[i].date, 0, 0, i, r->ds->prices.items[i].line};
    pc_read_report_duplicates(r, keys, n, price_duplicate);
}

/* ---- assumptions.csv --------------------------------------------------------- */

enum { ASSUME_DATE, ASSUME_VOLATILITY, ASSUME_RATE, ASSUME_YIELD, ASSUME_TERM };

void pc_read_assumptions_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_date date;
    bool ok = pc_read_get_date(r, row, ASSUME_DATE, &date);
    int64_t vol = 0, rate = 0, yield = 0, term = 0;
    ok &= pc_read_get_fraction(r, row, ASSUME_VOLATILITY, "volatility", false, &vol);
    ok &= pc_read_get_fraction(r, row, ASSUME_RATE, "rate", true, &rate);
    ok &= pc_read_get_fraction(r, row, ASSUME_YIELD, "dividend yield", false, &yield);
    bool has_term = pc_read_has(row, ASSUME_TERM);
    if (has_term)
        ok &= pc_read_get_price(r, row, ASSUME_TERM, "term (years)", 0, true, &term);
    if (!ok)
        return;
    pc_assumption *a = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->assumptions));
    if (!a)
        return;
    a->date = date;
    a->volatility_micro = vol;
    a->rate_micro = rate;
    a->yield_micro = yield;
    a->has_term = has_term;
    a->term_micro = term;
    a->line = row->line;
}

static void assumption_duplicate(reader *r, size_t index, int first_line)
{
    const pc_assumption *a = &r->ds->assumptions.items[index];
    char buf[16];
    pc_read_file_error(r, PC_FILE_ASSUMPTIONS, a->line, "date", "duplicate",
                       "duplicate assumptions for %s (first at line %d)",
                       pc_read_date_text(a->date, buf), first_line);
}

void pc_read_check_assumptions(reader *r)
{
    size_t n = r->ds->assumptions.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){NULL, r->ds->assumptions.items[i].date, 0, 0,
                            i,    r->ds->assumptions.items[i].line};
    pc_read_report_duplicates(r, keys, n, assumption_duplicate);
}

/* ---- outcomes.csv and fair_values.csv ---------------------------------------- */

enum { OUT_AWARD, OUT_TRANCHE, OUT_DATE, OUT_PROBABLE };

void pc_read_outcomes_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    size_t award = 0;
    bool ok = pc_read_get_award(r, row, OUT_AWARD, &award);
    if (ok && r->ds->awards.items[award].condition != PC_CONDITION_PERFORMANCE)
        pc_read_cell_warning(
            r, row, OUT_AWARD, "outcome_not_used",
            "award '%s' has no performance condition: its probable outcomes are not "
            "used",
            pc_read_show(&r->rd, pc_read_val(row, OUT_AWARD)));
    int tranche = 0;
    ok &= pc_read_get_tranche_ref(r, row, OUT_TRANCHE, ok, award, &tranche);
    pc_date date;
    ok &= pc_read_get_date(r, row, OUT_DATE, &date);
    int64_t probable = 0;
    ok &= pc_read_get_fraction(r, row, OUT_PROBABLE, "probable outcome", false, &probable);
    if (!ok)
        return;
    pc_outcome *o = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->outcomes));
    if (!o)
        return;
    o->award = award;
    o->tranche = tranche;
    o->date = date;
    o->probable_micro = probable;
    o->line = row->line;
}

static void outcome_duplicate(reader *r, size_t index, int first_line)
{
    const pc_outcome *o = &r->ds->outcomes.items[index];
    char buf[16], which[40] = "every tranche";
    if (o->tranche)
        snprintf(which, sizeof which, "tranche %d", o->tranche);
    pc_read_file_error(r, PC_FILE_OUTCOMES, o->line, "date", "duplicate",
                       "duplicate outcome for award '%s', %s, on %s (first at line %d)",
                       pc_read_show(&r->rd, r->ds->awards.items[o->award].id), which,
                       pc_read_date_text(o->date, buf), first_line);
}

void pc_read_check_outcomes(reader *r)
{
    size_t n = r->ds->outcomes.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_outcome *o = &r->ds->outcomes.items[i];
        keys[i] = (dup_key){NULL, (int64_t)o->award, o->tranche, o->date, i, o->line};
    }
    pc_read_report_duplicates(r, keys, n, outcome_duplicate);
}

enum { FV_AWARD, FV_TRANCHE, FV_DATE, FV_VALUE, FV_NOTE };

void pc_read_fair_values_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    size_t award = 0;
    bool ok = pc_read_get_award(r, row, FV_AWARD, &award);
    int tranche = 0;
    ok &= pc_read_get_tranche_ref(r, row, FV_TRANCHE, ok, award, &tranche);
    pc_date date;
    ok &= pc_read_get_date(r, row, FV_DATE, &date);
    int64_t fv = 0;
    ok &= pc_read_get_price(r, row, FV_VALUE, "fair value", 0, false, &fv);
    if (!ok)
        return;
    pc_supplied_fv *f = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->fair_values));
    if (!f)
        return;
    f->award = award;
    f->tranche = tranche;
    f->date = date;
    f->fv_micro = fv;
    f->note = pc_read_has(row, FV_NOTE) ? pc_read_dup_text(r, pc_read_val(row, FV_NOTE)) : NULL;
    f->line = row->line;
}

static void fair_value_duplicate(reader *r, size_t index, int first_line)
{
    const pc_supplied_fv *f = &r->ds->fair_values.items[index];
    char buf[16], which[40] = "every tranche";
    if (f->tranche)
        snprintf(which, sizeof which, "tranche %d", f->tranche);
    pc_read_file_error(r, PC_FILE_FAIR_VALUES, f->line, "date", "duplicate",
                       "duplicate fair value for award '%s', %s, on %s (first at line %d)",
                       pc_read_show(&r->rd, r->ds->awards.items[f->award].id), which,
                       pc_read_date_text(f->date, buf), first_line);
}

void pc_read_check_fair_values(reader *r)
{
    size_t n = r->ds->fair_values.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_supplied_fv *f = &r->ds->fair_values.items[i];
        keys[i] = (dup_key){NULL, (int64_t)f->award, f->tranche, f->date, i, f->line};
    }
    pc_read_report_duplicates(r, keys, n, fair_value_duplicate);
}

/* ---- performance.csv --------------------------------------------------------- */

enum { PERF_YEAR, PERF_NET_INCOME, PERF_CSM, PERF_PEER_TSR };

void pc_read_performance_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = pc_read_get_year(r, row, PERF_YEAR, &year);
    if (ok && !pc_read_year_kept(r, year))
        return;
    if (ok && pc_read_years_known(r))
        r->performance_seen[pc_config_year_index(&r->ds->config, year)] = true;
    int64_t net_income = 0, csm = 0, peer = 0;
    ok &= pc_read_get_money(r, row, PERF_NET_INCOME, &net_income);
    bool has_csm = pc_read_has(row, PERF_CSM);
    if (has_csm)
        ok &= pc_read_get_decimal(r, row, PERF_CSM, "number", &csm);
    bool has_peer = pc_read_has(row, PERF_PEER_TSR);
    if (has_peer && pc_read_get_decimal(r, row, PERF_PEER_TSR, "number", &peer)) {
        if (peer < 0) {
            pc_read_cell_error(
                r, row, PERF_PEER_TSR, "bad_number",
                "invalid TSR '%s': the value of a $100 investment cannot be negative",
                pc_read_show(&r->rd, pc_read_val(row, PERF_PEER_TSR)));
            ok = false;
        }
    } else if (has_peer) {
        ok = false;
    }
    if (!ok)
        return;
    pc_performance *p = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->performance));
    if (!p)
        return;
    p->year = year;
    p->net_income_cents = net_income;
    p->has_csm = has_csm;
    p->csm_micro = csm;
    p->has_peer_tsr = has_peer;
    p->peer_tsr_micro = peer;
    p->line = row->line;
}

static void performance_duplicate(reader *r, size_t index, int first_line)
{
    const pc_performance *p = &r->ds->performance.items[index];
    pc_read_file_error(r, PC_FILE_PERFORMANCE, p->line, "year", "duplicate",
                       "duplicate row for %d (first at line %d)", p->year, first_line);
}

void pc_read_check_performance(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->performance.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, ds->performance.items[i].year, 0, 0, i, ds->performance.items[i].line};
    pc_read_report_duplicates(r, keys, n, performance_duplicate);
    if (!pc_read_years_known(r))
        return;
    /* Item 402(v)(2)(iv)-(v): net income for every covered year. */
    for (int y = 0; y < ds->config.nyears; y++)
        if (!r->performance_seen[y])
            pc_read_file_error(r, PC_FILE_PERFORMANCE, 0, NULL, "missing_year",
                               "year: no row for covered year %d (net income is required for every "
                               "covered year)",
                               ds->config.years[y]);
}
