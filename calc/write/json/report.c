/*
 * report.json (SPEC section 9): the computed tables as data, in USD, every
 * money amount exact (json/util.h), keys in the order the SPEC lists them,
 * no timestamps, so the same inputs give the same bytes.
 */
#define _POSIX_C_SOURCE 200809L
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "equity.h"
#include "stream.h"
#include "util.h"
#include "paycalc/fx.h"
#include "paycalc/write.h"
#include "../report_files.h"

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if ((expr) != 0)                                                                           \
            goto fail;                                                                             \
    } while (0)

static const char *person_id(const pc_dataset *ds, size_t person)
{
    return person < ds->people.count ? ds->people.items[person].id : "?";
}

static json_t *company(const pc_dataset *ds)
{
    const pc_config *c = &ds->config;
    json_t *o = json_object();
    char fye[8];
    snprintf(fye, sizeof fye, "%02d-%02d", c->fiscal_year_end.month % 100,
             c->fiscal_year_end.day % 100);
    CHECK(pc_json_set(o, "name", pc_json_string(c->company_name)));
    CHECK(pc_json_set(o, "ticker", pc_json_string(c->ticker)));
    CHECK(pc_json_set(o, "fiscal_year_end", json_string(fye)));
    CHECK(pc_json_set(o, "smaller_reporting_company", json_boolean(c->smaller_reporting_company)));
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *years(const pc_dataset *ds)
{
    json_t *a = json_array();
    for (int i = 0; a && i < ds->config.nyears; i++)
        if (json_array_append_new(a, json_integer(ds->config.years[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *rates(const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->rates.count; i++) {
        const pc_rate_used *u = &r->rates.items[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o))
            goto fail;
        CHECK(pc_json_set(o, "currency", json_string(u->currency)));
        CHECK(pc_json_set(o, "fiscal_year", json_integer(u->fiscal_year)));
        CHECK(pc_json_set(o, "method", json_string(pc_fx_method_name(u->method))));
        CHECK(pc_json_set(o, "per_usd", pc_json_micro(u->per_usd_micro)));
        CHECK(pc_json_set(o, "source", pc_json_string(u->source)));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
}

/* The tables that grow with the input (one row per person and year, one
 * per valuation, one per warning) are streamed (json/stream.h) rather than
 * built as a jansson tree: a tree costs kilobytes and dozens of allocations
 * per row, gigabytes for a large award ledger. The keys and values are the
 * ones pc_json_money, pc_json_micro, pc_json_double, pc_json_date and
 * pc_json_string give. */
static void sct(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < r->sct.count && pc_jw_ok(w); i++) {
        const pc_sct_row *row = &r->sct.items[i];
        if (!row->in_table)
            continue;
        pc_jw_element(w);
        pc_jw_open(w, '{');
        pc_jw_key(w, "person_id");
        pc_jw_string(w, person_id(ds, row->person));
        pc_jw_key(w, "name");
        pc_jw_string(w, ds->people.items[row->person].name);
        pc_jw_key(w, "position");
        pc_jw_string(w, row->position);
        pc_jw_key(w, "year");
        pc_jw_integer(w, row->year);
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++) {
            pc_jw_key(w, pc_sct_key((pc_sct_column)c));
            pc_jw_money(w, row->column[c]);
        }
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

static void pvp(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < r->pvp.count && pc_jw_ok(w); i++) {
        const pc_pvp_row *row = &r->pvp.items[i];
        pc_jw_element(w);
        pc_jw_open(w, '{');
        pc_jw_key(w, "year");
        pc_jw_integer(w, row->year);
        pc_jw_key(w, "peo");
        pc_jw_open(w, '[');
        for (size_t k = 0; k < row->npeo; k++) {
            pc_jw_element(w);
            pc_jw_open(w, '{');
            pc_jw_key(w, "person_id");
            pc_jw_string(w, person_id(ds, row->peo[k].person));
            pc_jw_key(w, "name");
            pc_jw_string(w, ds->people.items[row->peo[k].person].name);
            pc_jw_key(w, "sct_total");
            pc_jw_money(w, row->peo[k].sct_total);
            pc_jw_key(w, "cap");
            pc_jw_money(w, row->peo[k].cap);
            pc_jw_close(w, '}');
        }
        pc_jw_close(w, ']');
        pc_jw_key(w, "non_peo_neo_average");
        if (row->has_average) {
            pc_jw_open(w, '{');
            pc_jw_key(w, "count");
            pc_jw_integer(w, (long long)row->avg_count);
            pc_jw_key(w, "person_ids");
            pc_jw_open(w, '[');
            for (size_t k = 0; k < row->avg_count; k++) {
                pc_jw_element(w);
                pc_jw_string(w, person_id(ds, row->avg_people[k]));
            }
            pc_jw_close(w, ']');
            pc_jw_key(w, "sct_total");
            pc_jw_money(w, row->avg_sct_total);
            pc_jw_key(w, "cap");
            pc_jw_money(w, row->avg_cap);
            pc_jw_close(w, '}');
        } else {
            pc_jw_raw(w, "null", 4);
        }
        pc_jw_key(w, "tsr");
        if (r->tsr.computed)
            pc_jw_money(w, row->tsr);
        else
            pc_jw_raw(w, "null", 4);
        pc_jw_key(w, "peer_group_tsr");
        if (row->has_peer_tsr)
            pc_jw_money(w, row->peer_tsr);
        else
            pc_jw_raw(w, "null", 4);
        pc_jw_key(w, "net_income");
        if (row->has_net_income)
            pc_jw_money(w, row->net_income);
        else
            pc_jw_raw(w, "null", 4);
        pc_jw_key(w, "company_selected_measure");
        if (row->has_csm)
            pc_jw_micro(w, row->csm_micro);
        else
            pc_jw_raw(w, "null", 4);
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

static void cap(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < r->cap.count && pc_jw_ok(w); i++) {
        const pc_cap_row *row = &r->cap.items[i];
        pc_jw_element(w);
        pc_jw_open(w, '{');
        pc_jw_key(w, "year");
        pc_jw_integer(w, row->year);
        pc_jw_key(w, "subject");
        pc_jw_string(w, row->subject == PC_SUBJECT_AVERAGE ? "non_peo_neo_average"
                                                           : person_id(ds, row->subject));
        for (int l = 0; l < PC_CAP_NLINES; l++) {
            pc_jw_key(w, pc_cap_key((pc_cap_line)l));
            pc_jw_money(w, row->line[l]);
        }
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

/* A list of doubles, null where a value is not a number. */
static void doubles(pc_jw *w, const char *key, const double *x, size_t n)
{
    if (!x)
        return;
    pc_jw_key(w, key);
    pc_jw_open(w, '[');
    for (size_t i = 0; i < n; i++) {
        pc_jw_element(w);
        pc_jw_double(w, x[i]);
    }
    pc_jw_close(w, ']');
}

/* The per-company detail of a market-condition valuation (SPEC section 10):
 * the tickers, then each list in their order. */
static void market_detail(pc_jw *w, const pc_market_detail *d)
{
    pc_jw_key(w, "tickers");
    pc_jw_open(w, '[');
    for (size_t i = 0; i < d->count; i++) {
        pc_jw_element(w);
        pc_jw_string(w, d->tickers[i]);
    }
    pc_jw_close(w, ']');
    doubles(w, "volatilities", d->volatilities, d->count);
    doubles(w, "dividend_yields", d->yields, d->count);
    if (d->correlations) {
        pc_jw_key(w, "correlations");
        pc_jw_open(w, '[');
        for (size_t i = 0; i < d->count; i++) {
            pc_jw_element(w);
            pc_jw_open(w, '[');
            for (size_t j = 0; j < d->count; j++) {
                pc_jw_element(w);
                pc_jw_double(w, d->correlations[i * d->count + j]);
            }
            pc_jw_close(w, ']');
        }
        pc_jw_close(w, ']');
    }
    doubles(w, "tsr_to_date", d->tsr_to_date, d->count);
    doubles(w, "tsr", d->tsr, d->count);
}

/* monte_carlo and market_outcome valuations: the simulation's precision or
 * the outcome, and what they used. */
static void market_inputs(pc_jw *w, const pc_report *r, const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    pc_jw_key(w, "market_conditions_line");
    pc_jw_integer(w, in->condition_line);
    if (v->method == PC_METHOD_MONTE_CARLO) {
        pc_jw_key(w, "term");
        pc_jw_double(w, in->term);
        pc_jw_key(w, "paths");
        pc_jw_integer(w, (long long)in->paths);
        pc_jw_key(w, "seed");
        pc_jw_integer(w, (long long)in->seed);
        pc_jw_key(w, "standard_error");
        pc_jw_double(w, in->standard_error);
        pc_jw_key(w, "ci95");
        pc_jw_open(w, '[');
        pc_jw_element(w);
        pc_jw_double(w, in->ci95_low);
        pc_jw_element(w);
        pc_jw_double(w, in->ci95_high);
        pc_jw_close(w, ']');
        pc_jw_key(w, "expected_payout");
        pc_jw_double(w, in->expected_payout);
    } else {
        pc_jw_key(w, "payout");
        pc_jw_double(w, in->expected_payout);
        pc_jw_key(w, "metric");
        pc_jw_double(w, in->metric);
    }
    if (in->detail > 0) {
        /* Set by the engine to the detail it recorded in the same report
         * (calc/engine/mc_value.c); a valuation copied into another report
         * has it cleared (calc/scenarios.c). */
        assert(in->detail <= r->market_details.count);
        market_detail(w, &r->market_details.items[in->detail - 1]);
    }
}

static void valuation_inputs(pc_jw *w, const pc_report *r, const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    pc_jw_open(w, '{');
    if (in->has_price) {
        pc_jw_key(w, "price");
        pc_jw_micro(w, in->price_micro);
        pc_jw_key(w, "price_date");
        pc_jw_date(w, in->price_date);
    }
    if (in->has_assumptions) {
        pc_jw_key(w, "assumptions_date");
        pc_jw_date(w, in->assumption_date);
        pc_jw_key(w, "volatility");
        pc_jw_double(w, in->volatility);
        pc_jw_key(w, "risk_free_rate");
        pc_jw_double(w, in->rate);
        pc_jw_key(w, "dividend_yield");
        pc_jw_double(w, in->yield);
    }
    if (v->method == PC_METHOD_BLACK_SCHOLES) {
        pc_jw_key(w, "exercise_price");
        pc_jw_double(w, in->strike);
        pc_jw_key(w, "expected_term");
        pc_jw_double(w, in->term);
        pc_jw_key(w, "time_to_vest");
        pc_jw_double(w, in->vest_time);
        pc_jw_key(w, "remaining_contractual_term");
        pc_jw_double(w, in->contractual);
        pc_jw_key(w, "d1");
        pc_jw_double(w, in->d1);
        pc_jw_key(w, "d2");
        pc_jw_double(w, in->d2);
        pc_jw_key(w, "n_d1");
        pc_jw_double(w, in->nd1);
        pc_jw_key(w, "n_d2");
        pc_jw_double(w, in->nd2);
    } else if (v->method == PC_METHOD_STOCK_PRICE && in->has_assumptions) {
        pc_jw_key(w, "time_to_vest");
        pc_jw_double(w, in->vest_time);
    }
    if (in->has_outcome) {
        pc_jw_key(w, "outcome_date");
        pc_jw_date(w, in->outcome_date);
    }
    if (in->supplied_line > 0) {
        pc_jw_key(w, "fair_values_line");
        pc_jw_integer(w, in->supplied_line);
    }
    if (in->note) {
        pc_jw_key(w, "note");
        pc_jw_string(w, in->note);
    }
    if (v->method == PC_METHOD_MONTE_CARLO || v->method == PC_METHOD_MARKET_OUTCOME)
        market_inputs(w, r, v);
    pc_jw_close(w, '}');
}

static void valuations(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < r->valuations.count && pc_jw_ok(w); i++) {
        const pc_valuation *v = &r->valuations.items[i];
        const pc_tranche *t = &ds->tranches.items[v->tranche];
        const pc_award *aw = &ds->awards.items[t->award];
        pc_jw_element(w);
        pc_jw_open(w, '{');
        pc_jw_key(w, "award_id");
        pc_jw_string(w, aw->id);
        pc_jw_key(w, "tranche");
        pc_jw_integer(w, t->number);
        pc_jw_key(w, "person_id");
        pc_jw_string(w, person_id(ds, aw->person));
        pc_jw_key(w, "date");
        pc_jw_date(w, v->date);
        pc_jw_key(w, "purpose");
        pc_jw_string(w, pc_purpose_name(v->purpose));
        pc_jw_key(w, "method");
        pc_jw_string(w, pc_method_name(v->method));
        pc_jw_key(w, "per_share");
        if (v->per_share_exact)
            pc_jw_micro(w, v->per_share_micro);
        else
            pc_jw_double(w, v->per_share);
        pc_jw_key(w, "shares");
        pc_jw_integer(w, v->shares);
        pc_jw_key(w, "probable");
        pc_jw_micro(w, v->probable_micro);
        pc_jw_key(w, "value");
        pc_jw_money(w, v->value);
        pc_jw_key(w, "inputs");
        valuation_inputs(w, r, v);
        pc_jw_key(w, "year");
        pc_jw_integer(w, v->year);
        pc_jw_key(w, "line");
        pc_jw_string(w, v->line < 0 ? "sct" : pc_cap_key((pc_cap_line)v->line));
        pc_jw_key(w, "contribution");
        pc_jw_money(w, pc_valuation_contribution(v));
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

static json_t *tsr(const pc_report *r)
{
    if (!r->tsr.computed)
        return json_null();
    json_t *o = json_object(), *values = json_array();
    if (!o || !values || pc_json_set(o, "base_date", pc_json_date(r->tsr.base_date)) ||
        pc_json_set(o, "base_price", pc_json_micro(r->tsr.base_price_micro)) ||
        pc_json_set(o, "values", values)) {
        json_decref(o);
        return NULL;
    }
    for (size_t i = 0; i < r->tsr.npoints; i++) {
        const pc_tsr_point *p = &r->tsr.points[i];
        json_t *v = json_object();
        if (!v || json_array_append_new(values, v))
            goto fail;
        CHECK(pc_json_set(v, "year", json_integer(p->year)));
        CHECK(pc_json_set(v, "date", pc_json_date(p->date)));
        CHECK(pc_json_set(v, "price", pc_json_micro(p->price_micro)));
        CHECK(pc_json_set(v, "units", pc_json_double(p->units)));
        CHECK(pc_json_set(v, "value", pc_json_money(p->value)));
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

/* SPEC section 13: the tranches CAP treats as vested on retirement
 * eligibility, with the dates behind the treatment. */
static json_t *retirement(const pc_dataset *ds, const pc_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->retirement.count; i++) {
        const pc_retirement_entry *e = &r->retirement.items[i];
        const pc_tranche *t = &ds->tranches.items[e->tranche];
        const pc_award *aw = &ds->awards.items[t->award];
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "award_id", json_string(aw->id)) ||
            pc_json_set(o, "tranche", json_integer(t->number)) ||
            pc_json_set(o, "person_id", json_string(person_id(ds, aw->person))) ||
            pc_json_set(o, "eligible_date", pc_json_date(e->eligible_date)) ||
            pc_json_set(o, "treated_vested_on", pc_json_date(e->treated_vested_on))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* modifications.csv (ASC 718-20-35-3): each modification of a covered
 * year, its new terms, the values just before and after on its date and
 * the incremental fair value the SCT reports, with its source line. */
static json_t *modifications(const pc_dataset *ds, const pc_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->modifications.count; i++) {
        const pc_modification_result *res = &r->modifications.items[i];
        const pc_modification *m = &ds->modifications.items[res->modification];
        const pc_award *aw = &ds->awards.items[m->award];
        json_t *o = json_object();
        char source[48];
        snprintf(source, sizeof source, "%s:%d", pc_file_name(PC_FILE_MODIFICATIONS), m->line);
        json_t *vesting = m->vesting == PC_MODIFIED_VESTING_ACCELERATE ? json_string("accelerate")
                          : m->vesting == PC_MODIFIED_VESTING_DATE     ? pc_json_date(m->vest_date)
                                                                       : json_null();
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "award_id", json_string(aw->id)) ||
            pc_json_set(o, "person_id", json_string(person_id(ds, aw->person))) ||
            pc_json_set(o, "date", pc_json_date(m->date)) ||
            pc_json_set(o, "year", json_integer(res->year)) ||
            pc_json_set(o, "exercise_price",
                        m->has_exercise_price ? pc_json_micro(m->exercise_price_micro)
                                              : json_null()) ||
            pc_json_set(o, "vesting", vesting) ||
            pc_json_set(o, "shares", m->has_shares ? json_integer(m->shares) : json_null()) ||
            pc_json_set(o, "value_before", pc_json_money(res->before)) ||
            pc_json_set(o, "value_modified", pc_json_money(res->after)) ||
            pc_json_set(o, "incremental_fair_value", pc_json_money(res->incremental)) ||
            pc_json_set(
                o, "sct_column",
                json_string(aw->type == PC_AWARD_STOCK ? "stock_awards" : "option_awards")) ||
            pc_json_set(o, "source", json_string(source))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* Grants of Plan-Based Awards' non-equity incentive plan awards (Item
 * 402(d)(2)(iii), plan_targets.csv): the threshold, target and maximum in
 * US dollars (null for a level the plan does not set), with the amounts as
 * given, their currency and the rate that converted them. */
static json_t *money_or_null(bool given, int64_t cents)
{
    return given ? pc_json_money(cents) : json_null();
}

static json_t *non_equity_plan_awards(const pc_dataset *ds, const pc_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->equity.nonequity.count; i++) {
        const pc_nonequity_row *row = &r->equity.nonequity.items[i];
        const pc_plan_target *t = &ds->plan_targets.items[row->target];
        json_t *o = json_object();
        char source[48];
        snprintf(source, sizeof source, "%s:%d", pc_file_name(PC_FILE_PLAN_TARGETS), t->line);
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "year", json_integer(row->year)) ||
            pc_json_set(o, "person_id", json_string(person_id(ds, row->person))) ||
            pc_json_set(o, "plan", pc_json_string(t->plan)) ||
            pc_json_set(o, "grant_date", pc_json_date(t->grant_date)) ||
            pc_json_set(o, "threshold", money_or_null(t->has_threshold, row->threshold)) ||
            pc_json_set(o, "target", pc_json_money(row->target_payout)) ||
            pc_json_set(o, "maximum", money_or_null(t->has_maximum, row->maximum)) ||
            pc_json_set(o, "currency", json_string(t->currency)) ||
            pc_json_set(o, "threshold_in_currency",
                        money_or_null(t->has_threshold, t->threshold_cents)) ||
            pc_json_set(o, "target_in_currency", pc_json_money(t->target_cents)) ||
            pc_json_set(o, "maximum_in_currency",
                        money_or_null(t->has_maximum, t->maximum_cents)) ||
            pc_json_set(o, "per_usd", pc_json_micro(row->per_usd_micro)) ||
            pc_json_set(o, "source", json_string(source))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* The Director Compensation table (Item 402(k)): each director's columns in
 * whole dollars, the awards outstanding at the year end (the footnote of
 * Instruction to Item 402(k)(2)(iii) and (iv), in shares), and each award
 * granted in the year with its grant-date fair value. */
static json_t *director_grants(const pc_dataset *ds, const pc_report *r, const pc_director_row *d)
{
    static const char *const types[] = {"option", "sar", "stock"};
    json_t *list = json_array();
    for (size_t k = d->first_grant; list && k < d->first_grant + d->ngrants; k++) {
        const pc_director_grant *g = &r->director_grants.items[k];
        const pc_award *aw = &ds->awards.items[g->award];
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "award_id", json_string(aw->id)) ||
            pc_json_set(o, "type", json_string(types[aw->type])) ||
            pc_json_set(o, "grant_date", pc_json_date(aw->grant_date)) ||
            pc_json_set(o, "shares", json_integer(aw->shares)) ||
            pc_json_set(o, "grant_date_fair_value", pc_json_money(g->value))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *directors(const pc_dataset *ds, const pc_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->directors.count; i++) {
        const pc_director_row *d = &r->directors.items[i];
        json_t *o = json_object();
        json_t *held = json_object();
        if (!o || json_array_append_new(list, o) || !held ||
            pc_json_set(o, "person_id", json_string(person_id(ds, d->person))) ||
            pc_json_set(o, "name", pc_json_string(ds->people.items[d->person].name)) ||
            pc_json_set(o, "position", pc_json_string(d->position)) ||
            pc_json_set(o, "year", json_integer(d->year)))
            goto fail;
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            if (pc_json_set(o, pc_dct_key((pc_dct_column)c), pc_json_money(d->column[c])))
                goto fail;
        if (pc_json_set(held, "stock_awards", json_integer(d->stock_outstanding)) ||
            pc_json_set(held, "options", json_integer(d->options_outstanding)))
            goto fail;
        json_t *moved = held;
        held = NULL;
        if (pc_json_set(o, "outstanding_at_fye", moved) ||
            pc_json_set(o, "grants", director_grants(ds, r, d)))
            goto fail;
        continue;
    fail:
        json_decref(held);
        json_decref(list);
        return NULL;
    }
    return list;
}

/* The stock splits of corporate_actions.csv and what each restated: the
 * rows of prices, exercises and fair values dated before it, and each
 * award granted before it with its terms just before and just after. */
static json_t *split_awards(const pc_dataset *ds, size_t split)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < ds->split_awards.count; i++) {
        const pc_split_award *sa = &ds->split_awards.items[i];
        if (sa->split != split)
            continue;
        const pc_award *aw = &ds->awards.items[sa->award];
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "award_id", json_string(aw->id)) ||
            pc_json_set(o, "person_id", json_string(person_id(ds, aw->person))) ||
            pc_json_set(o, "grant_date", pc_json_date(aw->grant_date)) ||
            pc_json_set(o, "shares_before", json_integer(sa->shares_before)) ||
            pc_json_set(o, "shares_after", json_integer(sa->shares_after)) ||
            (aw->type != PC_AWARD_STOCK &&
             (pc_json_set(o, "exercise_price_before",
                          pc_json_micro(sa->exercise_price_before_micro)) ||
              pc_json_set(o, "exercise_price_after",
                          pc_json_micro(sa->exercise_price_after_micro)))) ||
            (aw->has_grant_fv && (pc_json_set(o, "grant_fv_per_share_before",
                                              pc_json_micro(sa->grant_fv_before_micro)) ||
                                  pc_json_set(o, "grant_fv_per_share_after",
                                              pc_json_micro(sa->grant_fv_after_micro))))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *corporate_actions(const pc_dataset *ds)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < ds->splits.count; i++) {
        const pc_split *s = &ds->splits.items[i];
        char ratio[48];
        snprintf(ratio, sizeof ratio, "%lld:%lld", (long long)s->new_shares,
                 (long long)s->old_shares);
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) || pc_json_set(o, "type", json_string("split")) ||
            pc_json_set(o, "date", pc_json_date(s->date)) ||
            pc_json_set(o, "ratio", json_string(ratio)) ||
            pc_json_set(o, "new_shares", json_integer(s->new_shares)) ||
            pc_json_set(o, "old_shares", json_integer(s->old_shares)) ||
            pc_json_set(o, "prices_restated", json_integer((json_int_t)s->prices)) ||
            pc_json_set(o, "dividends_restated", json_integer((json_int_t)s->dividends)) ||
            pc_json_set(o, "exercises_restated", json_integer((json_int_t)s->exercises)) ||
            pc_json_set(o, "fair_values_restated", json_integer((json_int_t)s->fair_values)) ||
            pc_json_set(o, "awards_restated", split_awards(ds, i))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static void warnings(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    (void)ds;
    pc_jw_open(w, '[');
    for (size_t i = 0; i < r->warnings.count && pc_jw_ok(w); i++) {
        const pc_warning_entry *e = &r->warnings.items[i];
        pc_jw_element(w);
        pc_jw_open(w, '{');
        pc_jw_key(w, "code");
        pc_jw_string(w, e->code);
        pc_jw_key(w, "message");
        pc_jw_string(w, e->message);
        pc_jw_key(w, "source");
        pc_jw_string(w, e->source);
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

/* Whether the Summary Compensation Table shows the year of a performance
 * award's grant, so its maximum value belongs in that table's footnote. */
static bool maximum_in_sct(const pc_dataset *ds, const pc_report *r, const pc_maximum_value *m)
{
    const pc_sct_row *s = pc_report_sct(r, ds->awards.items[m->award].person, m->year);
    return s && s->in_table;
}

/* Instruction 3 to Item 402(c)(2)(v) and (vi): each performance award
 * granted in a year the SCT shows, at the highest level of performance
 * (SPEC section 9 as the README extends it). */
static json_t *maximum_values(const pc_dataset *ds, const pc_report *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->maximum_values.count; i++) {
        const pc_maximum_value *m = &r->maximum_values.items[i];
        if (!maximum_in_sct(ds, r, m))
            continue;
        const pc_award *aw = &ds->awards.items[m->award];
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) ||
            pc_json_set(o, "award_id", json_string(aw->id)) ||
            pc_json_set(o, "person_id", json_string(person_id(ds, aw->person))) ||
            pc_json_set(o, "year", json_integer(m->year)) ||
            pc_json_set(
                o, "sct_column",
                json_string(aw->type == PC_AWARD_STOCK ? "stock_awards" : "option_awards")) ||
            pc_json_set(o, "level", json_string(m->from_maximum ? "maximum_shares" : "target")) ||
            pc_json_set(o, "maximum_shares", json_integer(m->maximum_shares)) ||
            pc_json_set(o, "grant_date_value_at_maximum", pc_json_money(m->value))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static bool any_maximum_in_sct(const pc_dataset *ds, const pc_report *r)
{
    for (size_t i = 0; i < r->maximum_values.count; i++)
        if (maximum_in_sct(ds, r, &r->maximum_values.items[i]))
            return true;
    return false;
}

static json_t *build(const pc_dataset *ds, const pc_report *r)
{
    json_t *root = json_object();
    char generator[64];
    snprintf(generator, sizeof generator, "paycalc %s", PAYCALC_VERSION);
    if (!root)
        return NULL;
    CHECK(pc_json_set(root, "schema_version", json_integer(1)));
    CHECK(pc_json_set(root, "generator", json_string(generator)));
    CHECK(pc_json_set(root, "company", company(ds)));
    CHECK(pc_json_set(root, "years", years(ds)));
    CHECK(pc_json_set(root, "exchange_rates", rates(r)));
    /* Placeholders: emit() puts the streamed tables in their place. */
    CHECK(pc_json_set(root, "summary_compensation_table", json_array()));
    CHECK(pc_json_set(root, "pay_versus_performance", json_array()));
    CHECK(pc_json_set(root, "cap_reconciliation", json_array()));
    CHECK(pc_json_set(root, "award_valuations", json_array()));
    CHECK(pc_json_set(root, "outstanding_equity_awards", json_array()));
    CHECK(pc_json_set(root, "exercises_and_vesting", json_array()));
    CHECK(pc_json_set(root, "plan_based_awards", json_array()));
    /* Only with plan_targets.csv rows, so that a set without them reads as
     * before. */
    if (r->equity.nonequity.count)
        CHECK(pc_json_set(root, "non_equity_plan_awards", non_equity_plan_awards(ds, r)));
    /* Only with directors, so that a set without them reads as before. */
    if (r->directors.count)
        CHECK(pc_json_set(root, "director_compensation", directors(ds, r)));
    /* Only with stock splits, for the same reason. */
    if (ds->splits.count)
        CHECK(pc_json_set(root, "corporate_actions", corporate_actions(ds)));
    CHECK(pc_json_set(root, "retirement_eligible", retirement(ds, r)));
    /* Only with modifications, so that a set without them reads as before. */
    if (r->modifications.count)
        CHECK(pc_json_set(root, "modifications", modifications(ds, r)));
    /* Only with performance awards granted in a year the SCT shows, for
     * the same reason. */
    if (any_maximum_in_sct(ds, r))
        CHECK(pc_json_set(root, "maximum_performance_values", maximum_values(ds, r)));
    CHECK(pc_json_set(root, "tsr", tsr(r)));
    CHECK(pc_json_set(root, "warnings", json_array()));
    if (r->has_checks)
        CHECK(pc_json_set(root, "checks", pc_json_findings(&r->checks)));
    return root;
fail:
    json_decref(root);
    return NULL;
}

/* The equity award tables (json/equity.c). */
static void oea(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_json_equity_oea(w, ds, &r->equity);
}

static void oesv(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_json_equity_oesv(w, ds, &r->equity);
}

static void gpba(pc_jw *w, const pc_dataset *ds, const pc_report *r)
{
    pc_json_equity_gpba(w, ds, &r->equity);
}

/* The streamed tables, in document order, each with jansson's text of its
 * empty placeholder (a top-level key, at indent 2). */
typedef void streamer(pc_jw *w, const pc_dataset *ds, const pc_report *r);
static const struct {
    const char *placeholder;
    streamer *write;
} streamed[] = {
    {"\n  \"summary_compensation_table\": []", sct}, {"\n  \"pay_versus_performance\": []", pvp},
    {"\n  \"cap_reconciliation\": []", cap},         {"\n  \"award_valuations\": []", valuations},
    {"\n  \"outstanding_equity_awards\": []", oea},  {"\n  \"exercises_and_vesting\": []", oesv},
    {"\n  \"plan_based_awards\": []", gpba},         {"\n  \"warnings\": []", warnings},
};

/* The whole document into `w`: jansson's text of the small parts, with each
 * streamed table in place of its placeholder. */
static pc_status emit(const pc_dataset *ds, const pc_report *r, pc_jw *w)
{
    json_t *root = build(ds, r);
    if (!root)
        return PC_ERR_NOMEM;
    char *text = json_dumps(root, PC_JSON_FLAGS);
    json_decref(root);
    if (!text)
        return PC_ERR_NOMEM;
    /* Strings are escaped, so a line break followed by two spaces and a
     * quote only ever starts a top-level key. */
    const char *rest = text;
    for (size_t i = 0; i < sizeof streamed / sizeof streamed[0]; i++) {
        const char *at = strstr(rest, streamed[i].placeholder);
        if (!at) {
            free(text);
            return PC_ERR_USAGE;
        }
        size_t len = strlen(streamed[i].placeholder);
        pc_jw_raw(w, rest, (size_t)(at - rest) + len - 2); /* up to the '[' */
        streamed[i].write(w, ds, r);
        rest = at + len; /* after the ']' */
    }
    pc_jw_raw(w, rest, strlen(rest));
    free(text);
    return PC_OK;
}

char *pc_json_dumps(const pc_dataset *ds, const pc_report *report)
{
    pc_jw w;
    pc_jw_init(&w, -1, 1);
    pc_status st = emit(ds, report, &w);
    pc_jw_raw(&w, "", 1); /* the terminator */
    if (st != PC_OK || !pc_jw_ok(&w)) {
        pc_jw_fini(&w);
        return NULL;
    }
    return w.buf;
}

/* Streams to `fd` (the temporary file of the atomic output, reports.c):
 * memory stays in proportion to the buffer, not to the report. */
pc_status pc_json_write_fd(const pc_dataset *ds, const pc_report *report, int fd, const char *path,
                           pc_diags *diags)
{
    pc_jw w;
    pc_jw_init(&w, fd, 1);
    pc_status st = emit(ds, report, &w);
    pc_jw_raw(&w, "\n", 1); /* end with a newline, as text files do */
    if (st == PC_OK && w.bad_text) {
        pc_error(diags, path, 0, 0, "write_failed",
                 "could not write '%s': a text from the inputs is not valid UTF-8", path);
        st = PC_ERR_WRITE;
    } else if (st == PC_OK && w.error == ENOMEM) {
        st = PC_ERR_NOMEM;
    } else if (st == PC_OK && pc_jw_flush(&w) != 0) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write '%s': %s", path,
                 strerror(w.error ? w.error : errno));
        st = PC_ERR_WRITE;
    }
    pc_jw_fini(&w);
    return st;
}
