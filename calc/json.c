/*
 * report.json (SPEC section 9): the computed tables as data, in USD, every
 * money amount exact (json_util.h), keys in the order the SPEC lists them,
 * no timestamps, so the same inputs give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "paycalc/fx.h"
#include "paycalc/write.h"

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

static json_t *sct(const pc_dataset *ds, const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->sct.count; i++) {
        const pc_sct_row *row = &r->sct.items[i];
        if (!row->in_table)
            continue;
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o))
            goto fail;
        CHECK(pc_json_set(o, "person_id", json_string(person_id(ds, row->person))));
        CHECK(pc_json_set(o, "name", json_string(ds->people.items[row->person].name)));
        CHECK(pc_json_set(o, "position", pc_json_string(row->position)));
        CHECK(pc_json_set(o, "year", json_integer(row->year)));
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            CHECK(pc_json_set(o, pc_sct_key((pc_sct_column)c), pc_json_money(row->column[c])));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
}

static json_t *pvp(const pc_dataset *ds, const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->pvp.count; i++) {
        const pc_pvp_row *row = &r->pvp.items[i];
        json_t *o = json_object(), *peos = json_array();
        if (!o || json_array_append_new(a, o) || !peos)
            goto fail;
        CHECK(pc_json_set(o, "year", json_integer(row->year)));
        CHECK(pc_json_set(o, "peo", peos));
        for (size_t k = 0; k < row->npeo; k++) {
            json_t *p = json_object();
            if (!p || json_array_append_new(peos, p))
                goto fail;
            CHECK(pc_json_set(p, "person_id", json_string(person_id(ds, row->peo[k].person))));
            CHECK(pc_json_set(p, "name", json_string(ds->people.items[row->peo[k].person].name)));
            CHECK(pc_json_set(p, "sct_total", pc_json_money(row->peo[k].sct_total)));
            CHECK(pc_json_set(p, "cap", pc_json_money(row->peo[k].cap)));
        }
        if (row->has_average) {
            json_t *avg = json_object(), *ids = json_array();
            if (!avg || !ids || pc_json_set(o, "non_peo_neo_average", avg)) {
                json_decref(ids);
                goto fail;
            }
            CHECK(pc_json_set(avg, "count", json_integer((json_int_t)row->avg_count)));
            CHECK(pc_json_set(avg, "person_ids", ids));
            for (size_t k = 0; k < row->avg_count; k++)
                CHECK(json_array_append_new(ids, json_string(person_id(ds, row->avg_people[k]))));
            CHECK(pc_json_set(avg, "sct_total", pc_json_money(row->avg_sct_total)));
            CHECK(pc_json_set(avg, "cap", pc_json_money(row->avg_cap)));
        } else {
            CHECK(pc_json_set(o, "non_peo_neo_average", json_null()));
        }
        CHECK(pc_json_set(o, "tsr", r->tsr.computed ? pc_json_money(row->tsr) : json_null()));
        CHECK(pc_json_set(o, "peer_group_tsr",
                          row->has_peer_tsr ? pc_json_money(row->peer_tsr) : json_null()));
        CHECK(pc_json_set(o, "net_income",
                          row->has_net_income ? pc_json_money(row->net_income) : json_null()));
        CHECK(pc_json_set(o, "company_selected_measure",
                          row->has_csm ? pc_json_micro(row->csm_micro) : json_null()));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
}

static json_t *cap(const pc_dataset *ds, const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->cap.count; i++) {
        const pc_cap_row *row = &r->cap.items[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o))
            goto fail;
        CHECK(pc_json_set(o, "year", json_integer(row->year)));
        CHECK(pc_json_set(o, "subject",
                          json_string(row->subject == PC_SUBJECT_AVERAGE
                                          ? "non_peo_neo_average"
                                          : person_id(ds, row->subject))));
        for (int l = 0; l < PC_CAP_NLINES; l++)
            CHECK(pc_json_set(o, pc_cap_key((pc_cap_line)l), pc_json_money(row->line[l])));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
}

static json_t *valuation_inputs(const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (in->has_price) {
        CHECK(pc_json_set(o, "price", pc_json_micro(in->price_micro)));
        CHECK(pc_json_set(o, "price_date", pc_json_date(in->price_date)));
    }
    if (in->has_assumptions) {
        CHECK(pc_json_set(o, "assumptions_date", pc_json_date(in->assumption_date)));
        CHECK(pc_json_set(o, "volatility", pc_json_double(in->volatility)));
        CHECK(pc_json_set(o, "risk_free_rate", pc_json_double(in->rate)));
        CHECK(pc_json_set(o, "dividend_yield", pc_json_double(in->yield)));
    }
    if (v->method == PC_METHOD_BLACK_SCHOLES) {
        CHECK(pc_json_set(o, "exercise_price", pc_json_double(in->strike)));
        CHECK(pc_json_set(o, "expected_term", pc_json_double(in->term)));
        CHECK(pc_json_set(o, "time_to_vest", pc_json_double(in->vest_time)));
        CHECK(pc_json_set(o, "remaining_contractual_term", pc_json_double(in->contractual)));
        CHECK(pc_json_set(o, "d1", pc_json_double(in->d1)));
        CHECK(pc_json_set(o, "d2", pc_json_double(in->d2)));
        CHECK(pc_json_set(o, "n_d1", pc_json_double(in->nd1)));
        CHECK(pc_json_set(o, "n_d2", pc_json_double(in->nd2)));
    } else if (v->method == PC_METHOD_STOCK_PRICE && in->has_assumptions) {
        CHECK(pc_json_set(o, "time_to_vest", pc_json_double(in->vest_time)));
    }
    if (in->has_outcome)
        CHECK(pc_json_set(o, "outcome_date", pc_json_date(in->outcome_date)));
    if (in->supplied_line > 0)
        CHECK(pc_json_set(o, "fair_values_line", json_integer(in->supplied_line)));
    if (in->note)
        CHECK(pc_json_set(o, "note", json_string(in->note)));
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *valuations(const pc_dataset *ds, const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        const pc_tranche *t = &ds->tranches.items[v->tranche];
        const pc_award *aw = &ds->awards.items[t->award];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o))
            goto fail;
        CHECK(pc_json_set(o, "award_id", json_string(aw->id)));
        CHECK(pc_json_set(o, "tranche", json_integer(t->number)));
        CHECK(pc_json_set(o, "person_id", json_string(person_id(ds, aw->person))));
        CHECK(pc_json_set(o, "date", pc_json_date(v->date)));
        CHECK(pc_json_set(o, "purpose", json_string(pc_purpose_name(v->purpose))));
        CHECK(pc_json_set(o, "method", json_string(pc_method_name(v->method))));
        CHECK(pc_json_set(o, "per_share", v->per_share_exact ? pc_json_micro(v->per_share_micro)
                                                             : pc_json_double(v->per_share)));
        CHECK(pc_json_set(o, "shares", json_integer(v->shares)));
        CHECK(pc_json_set(o, "probable", pc_json_micro(v->probable_micro)));
        CHECK(pc_json_set(o, "value", pc_json_money(v->value)));
        CHECK(pc_json_set(o, "inputs", valuation_inputs(v)));
        CHECK(pc_json_set(o, "year", json_integer(v->year)));
        CHECK(pc_json_set(o, "line", json_string(v->line < 0 ? "sct"
                                                              : pc_cap_key((pc_cap_line)v->line))));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
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

static json_t *warnings(const pc_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->warnings.count; i++) {
        const pc_warning_entry *w = &r->warnings.items[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o))
            goto fail;
        CHECK(pc_json_set(o, "code", pc_json_string(w->code)));
        CHECK(pc_json_set(o, "message", pc_json_string(w->message)));
        CHECK(pc_json_set(o, "source", pc_json_string(w->source)));
    }
    return a;
fail:
    json_decref(a);
    return NULL;
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
    CHECK(pc_json_set(root, "summary_compensation_table", sct(ds, r)));
    CHECK(pc_json_set(root, "pay_versus_performance", pvp(ds, r)));
    CHECK(pc_json_set(root, "cap_reconciliation", cap(ds, r)));
    CHECK(pc_json_set(root, "award_valuations", valuations(ds, r)));
    CHECK(pc_json_set(root, "tsr", tsr(r)));
    CHECK(pc_json_set(root, "warnings", warnings(r)));
    if (r->has_checks)
        CHECK(pc_json_set(root, "checks", pc_json_findings(&r->checks)));
    return root;
fail:
    json_decref(root);
    return NULL;
}

char *pc_json_dumps(const pc_dataset *ds, const pc_report *report)
{
    json_t *root = build(ds, report);
    if (!root)
        return NULL;
    char *text = json_dumps(root, PC_JSON_FLAGS);
    json_decref(root);
    return text;
}

pc_status pc_write_json(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags)
{
    json_t *root = build(ds, report);
    if (!root)
        return PC_ERR_NOMEM;
    pc_status st = pc_json_write_atomic(root, path, diags);
    json_decref(root);
    return st;
}
