/*
 * scenarios.json (README, Scenarios): the price scenarios of `paycalc
 * scenarios` (scenarios.h), money in dollars with the exact decimals of
 * report.json, prices with up to 6 decimals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/scenarios.h"
#include "scenarios_json.h"
#include "util.h"

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if ((expr) != 0)                                                                           \
            goto fail;                                                                             \
    } while (0)

static json_t *optional_micro(bool has, int64_t micro)
{
    return has ? pc_json_micro(micro) : json_null();
}

static json_t *person_ref(const pc_dataset *ds, size_t person, json_t *o)
{
    if (!o)
        return NULL;
    const pc_person *p = &ds->people.items[person];
    if (pc_json_set(o, "person_id", pc_json_string(p->id)) ||
        pc_json_set(o, "name", pc_json_string(p->name))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *cap_rows(const pc_dataset *ds, const pc_scenario *s)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < s->ncap; i++) {
        const pc_cap_row *row = &s->cap[i];
        json_t *o = json_object(), *lines = json_object();
        const char *subject = row->subject == PC_SUBJECT_AVERAGE
                                  ? "non_peo_neo_average"
                                  : ds->people.items[row->subject].id;
        bool bad = !o || !lines || pc_json_set(o, "subject", pc_json_string(subject));
        for (int l = 0; !bad && l < PC_CAP_NLINES; l++)
            bad = pc_json_set(lines, pc_cap_key((pc_cap_line)l), pc_json_money(row->line[l]));
        if (!bad)
            bad = pc_json_set(o, "lines", lines) != 0;
        else
            json_decref(lines);
        if (bad || json_array_append_new(a, o)) {
            if (!bad)
                o = NULL;
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *market_values(const pc_dataset *ds, const pc_scenario *s)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < s->nmarket; i++) {
        const pc_scenario_market *m = &s->market[i];
        const pc_tranche *t = &ds->tranches.items[m->tranche];
        char seed[24];
        snprintf(seed, sizeof seed, "%llu", (unsigned long long)m->seed);
        json_t *o = json_object();
        CHECK(pc_json_set(o, "award_id", pc_json_string(ds->awards.items[t->award].id)));
        CHECK(pc_json_set(o, "tranche", json_integer(t->number)));
        CHECK(pc_json_set(o, "method", json_string(pc_method_name(m->method))));
        CHECK(pc_json_set(o, "value_per_share", pc_json_double(m->per_share)));
        CHECK(pc_json_set(o, "standard_error", pc_json_double(m->standard_error)));
        CHECK(pc_json_set(o, "value", pc_json_money(m->value)));
        CHECK(pc_json_set(o, "paths", json_integer((json_int_t)m->paths)));
        /* As text: a seed above 2^53 would not survive a JSON number. */
        CHECK(pc_json_set(o, "seed", json_string(seed)));
        CHECK(json_array_append_new(a, o));
        continue;
    fail:
        json_decref(o);
        json_decref(a);
        return NULL;
    }
    return a;
}

static json_t *scenario(const pc_dataset *ds, const pc_scenario_report *r, size_t i)
{
    const pc_scenario *s = &r->items[i];
    json_t *o = json_object(), *peos = json_array(), *avg = NULL;
    CHECK(!o || !peos);
    CHECK(pc_json_set(o, "year_end_price", pc_json_micro(s->price_micro)));
    CHECK(pc_json_set(o, "price_change", optional_micro(r->by_change, r->change_micro[i])));
    CHECK(pc_json_set(o, "actual", json_boolean(s->actual)));
    for (size_t k = 0; k < s->pvp.npeo; k++) {
        json_t *p = person_ref(ds, s->pvp.peo[k].person, json_object());
        CHECK(!p);
        if (pc_json_set(p, "sct_total", pc_json_money(s->pvp.peo[k].sct_total)) ||
            pc_json_set(p, "cap", pc_json_money(s->pvp.peo[k].cap)) ||
            json_array_append_new(peos, p)) {
            json_decref(p);
            goto fail;
        }
    }
    CHECK(pc_json_set(o, "peo", peos));
    peos = NULL;
    if (s->pvp.has_average) {
        avg = json_object();
        CHECK(pc_json_set(avg, "count", json_integer((json_int_t)s->pvp.avg_count)));
        CHECK(pc_json_set(avg, "sct_total", pc_json_money(s->pvp.avg_sct_total)));
        CHECK(pc_json_set(avg, "cap", pc_json_money(s->pvp.avg_cap)));
    } else {
        avg = json_null();
    }
    CHECK(pc_json_set(o, "non_peo_neo_average", avg));
    avg = NULL;
    CHECK(pc_json_set(o, "tsr", pc_json_money(s->pvp.tsr)));
    CHECK(pc_json_set(o, "cap_reconciliation", cap_rows(ds, s)));
    CHECK(pc_json_set(o, "market_condition_awards", market_values(ds, s)));
    return o;
fail:
    json_decref(avg);
    json_decref(peos);
    json_decref(o);
    return NULL;
}

static json_t *break_even(const pc_dataset *ds, const pc_scenario_report *r)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < r->npeo; k++) {
        const pc_break_even *b = &r->peo[k];
        json_t *o = person_ref(ds, b->person, json_object());
        CHECK(!o);
        CHECK(pc_json_set(o, "sct_total", pc_json_money(b->sct_total)));
        CHECK(pc_json_set(o, "cap_equals_sct_total_at",
                          optional_micro(b->has_sct_price, b->sct_price_micro)));
        CHECK(
            pc_json_set(o, "cap_zero_at", optional_micro(b->has_zero_price, b->zero_price_micro)));
        CHECK(json_array_append_new(a, o));
        continue;
    fail:
        json_decref(o);
        json_decref(a);
        return NULL;
    }
    return a;
}

char *pc_json_scenarios_dumps(const pc_dataset *ds, const pc_scenario_report *r)
{
    const pc_scenario_options *opt = &r->options;
    char generator[64];
    snprintf(generator, sizeof generator, "paycalc %s", PAYCALC_VERSION);
    json_t *root = json_object(), *market = json_object(), *search = json_object(),
           *list = json_array();
    CHECK(!root || !market || !search || !list);
    CHECK(pc_json_set(root, "generator", json_string(generator)));
    CHECK(pc_json_set(root, "company", pc_json_string(ds->config.company_name)));
    CHECK(pc_json_set(root, "ticker", pc_json_string(ds->config.ticker)));
    CHECK(pc_json_set(root, "fiscal_year", json_integer(r->year)));
    CHECK(pc_json_set(root, "year_end", pc_json_date(r->year_end)));
    CHECK(pc_json_set(market, "as_of", pc_json_date(r->as_of)));
    CHECK(pc_json_set(market, "as_of_close", pc_json_micro(r->as_of_close_micro)));
    CHECK(pc_json_set(market, "actual_year_end_close",
                      optional_micro(r->has_actual, r->actual_close_micro)));
    CHECK(pc_json_set(market, "price_change_base", pc_json_micro(r->base_close_micro)));
    CHECK(pc_json_set(market, "volatility",
                      optional_micro(opt->has_volatility, opt->volatility_micro)));
    CHECK(pc_json_set(market, "risk_free_rate", optional_micro(opt->has_rate, opt->rate_micro)));
    CHECK(pc_json_set(market, "peer_change",
                      optional_micro(opt->has_peer_change, opt->peer_change_micro)));
    CHECK(pc_json_set(root, "market", market));
    market = NULL;
    for (size_t i = 0; i < r->count; i++)
        CHECK(json_array_append_new(list, scenario(ds, r, i)));
    CHECK(pc_json_set(root, "scenarios", list));
    list = NULL;
    CHECK(pc_json_set(search, "low", pc_json_micro(r->search_low_micro)));
    CHECK(pc_json_set(search, "high", pc_json_micro(r->search_high_micro)));
    CHECK(pc_json_set(root, "break_even_search", search));
    search = NULL;
    CHECK(pc_json_set(root, "break_even", break_even(ds, r)));
    char *text = json_dumps(root, PC_JSON_FLAGS);
    json_decref(root);
    if (!text)
        return NULL;
    size_t n = strlen(text);
    char *lined = realloc(text, n + 2);
    if (!lined) {
        free(text);
        return NULL;
    }
    lined[n] = '\n';
    lined[n + 1] = '\0';
    return lined;
fail:
    json_decref(list);
    json_decref(search);
    json_decref(market);
    json_decref(root);
    return NULL;
}
