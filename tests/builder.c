/*
 * In-memory input sets for engine tests (builder.h).
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *need(void *p)
{
    if (!p) {
        fputs("builder: out of memory\n", stderr);
        abort();
    }
    return p;
}

pc_date b_date(const char *ymd)
{
    pc_date d;
    if (!ymd)
        return PC_DATE_NONE;
    if (pc_date_parse(ymd, &d) != PC_OK) {
        fprintf(stderr, "builder: bad date %s\n", ymd);
        abort();
    }
    return d;
}

void b_init(pc_dataset *ds, int fye_month, int fye_day, int first_year, int last_year, bool src)
{
    pc_dataset_init(ds);
    ds->name = need(pc_strdup("test"));
    ds->config.company_name = need(pc_strdup("Test Company"));
    ds->config.ticker = need(pc_strdup("TEST"));
    ds->config.fiscal_year_end = (pc_fiscal_calendar){fye_month, fye_day};
    ds->config.nyears = 0;
    for (int y = first_year; y <= last_year; y++)
        ds->config.years[ds->config.nyears++] = y;
    ds->config.smaller_reporting_company = src;
    ds->config.sct_years = src ? 2 : 3;
    ds->config.cap_decimals = 2;
}

size_t b_person(pc_dataset *ds, const char *id, const char *name)
{
    pc_person *p = need(PC_ARRAY_PUSH(&ds->people));
    p->id = need(pc_strdup(id));
    p->name = need(pc_strdup(name));
    p->position = need(pc_strdup("Officer"));
    p->line = (int)ds->people.count + 1;
    pc_dataset_index(ds);
    return ds->people.count - 1;
}

void b_role(pc_dataset *ds, int year, size_t person, pc_role_kind role)
{
    /* Directors are kept apart from the executives, as the reader keeps them. */
    bool director = role == PC_ROLE_DIRECTOR;
    pc_role *r = need(director ? PC_ARRAY_PUSH(&ds->directors) : PC_ARRAY_PUSH(&ds->roles));
    r->year = year;
    r->person = person;
    r->role = role;
    r->line = (int)(ds->roles.count + ds->directors.count) + 1;
}

void b_cash(pc_dataset *ds, size_t person, int year, pc_component c, int64_t cents,
            const char *currency, const char *pay_date)
{
    pc_cash *k = need(PC_ARRAY_PUSH(&ds->cash));
    k->person = person;
    k->year = year;
    k->component = c;
    k->amount_cents = cents;
    memcpy(k->currency, currency, 4);
    k->pay_date = b_date(pay_date);
    k->line = (int)ds->cash.count + 1;
}

void b_fx_year(pc_dataset *ds, const char *currency, int year, int64_t per_usd_micro)
{
    pc_fx_rate *r = need(PC_ARRAY_PUSH(&ds->fx));
    memcpy(r->currency, currency, 4);
    r->fiscal_year = year;
    r->date = PC_DATE_NONE;
    r->per_usd_micro = per_usd_micro;
    r->line = (int)ds->fx.count + 1;
}

void b_fx_day(pc_dataset *ds, const char *currency, const char *date, int64_t per_usd_micro)
{
    pc_fx_rate *r = need(PC_ARRAY_PUSH(&ds->fx));
    memcpy(r->currency, currency, 4);
    r->fiscal_year = 0;
    r->date = b_date(date);
    r->per_usd_micro = per_usd_micro;
    r->line = (int)ds->fx.count + 1;
}

size_t b_award(pc_dataset *ds, const char *id, size_t person, pc_award_type type,
               pc_condition condition, const char *grant, int64_t shares, int64_t strike_micro,
               const char *expiry, int64_t grant_fv_micro)
{
    pc_award *a = need(PC_ARRAY_PUSH(&ds->awards));
    a->id = need(pc_strdup(id));
    a->person = person;
    a->type = type;
    a->condition = condition;
    a->grant_date = b_date(grant);
    a->shares = shares;
    a->exercise_price_micro = strike_micro;
    a->expiration_date = b_date(expiry);
    a->has_grant_fv = grant_fv_micro >= 0;
    a->grant_fv_micro = grant_fv_micro >= 0 ? grant_fv_micro : 0;
    a->dividend_rights = true;
    a->line = (int)ds->awards.count + 1;
    return ds->awards.count - 1;
}

void b_retirement_eligible(pc_dataset *ds, size_t person, const char *date)
{
    ds->people.items[person].retirement_eligible = true;
    ds->people.items[person].retirement_eligible_date = b_date(date);
}

void b_retirement_vesting(pc_dataset *ds, size_t award)
{
    ds->awards.items[award].retirement_vesting = true;
}

void b_tranche(pc_dataset *ds, size_t award, int number, const char *vest, int64_t shares,
               pc_tranche_status status, const char *status_date)
{
    pc_tranche *t = need(PC_ARRAY_PUSH(&ds->tranches));
    t->award = award;
    t->number = number;
    t->vest_date = b_date(vest);
    t->shares = shares;
    t->status = status;
    t->status_date = status_date ? b_date(status_date)
                                 : (status == PC_TRANCHE_VESTED ? t->vest_date : PC_DATE_NONE);
    t->line = (int)ds->tranches.count + 1;
}

void b_price(pc_dataset *ds, const char *date, int64_t close_micro, int64_t dividend_micro)
{
    pc_price *p = need(PC_ARRAY_PUSH(&ds->prices));
    p->date = b_date(date);
    p->close_micro = close_micro;
    p->dividend_micro = dividend_micro;
    p->line = (int)ds->prices.count + 1;
}

void b_prices_flat(pc_dataset *ds, const char *from, const char *to, int64_t close_micro)
{
    for (pc_date d = b_date(from); d <= b_date(to); d++) {
        pc_price *p = need(PC_ARRAY_PUSH(&ds->prices));
        p->date = d;
        p->close_micro = close_micro;
        p->line = (int)ds->prices.count + 1;
    }
}

void b_assumption(pc_dataset *ds, const char *date, int64_t vol, int64_t rate, int64_t yield)
{
    pc_assumption *a = need(PC_ARRAY_PUSH(&ds->assumptions));
    a->date = b_date(date);
    a->volatility_micro = vol;
    a->rate_micro = rate;
    a->yield_micro = yield;
    a->line = (int)ds->assumptions.count + 1;
}

void b_outcome(pc_dataset *ds, size_t award, int tranche, const char *date, int64_t probable)
{
    pc_outcome *o = need(PC_ARRAY_PUSH(&ds->outcomes));
    o->award = award;
    o->tranche = tranche;
    o->date = b_date(date);
    o->probable_micro = probable;
    o->line = (int)ds->outcomes.count + 1;
}

void b_fair_value(pc_dataset *ds, size_t award, int tranche, const char *date, int64_t fv)
{
    pc_supplied_fv *f = need(PC_ARRAY_PUSH(&ds->fair_values));
    f->award = award;
    f->tranche = tranche;
    f->date = b_date(date);
    f->fv_micro = fv;
    f->line = (int)ds->fair_values.count + 1;
}

void b_levels(pc_dataset *ds, size_t award, int64_t threshold, int64_t maximum)
{
    pc_award *a = &ds->awards.items[award];
    a->has_threshold = threshold >= 0;
    a->threshold_shares = threshold >= 0 ? threshold : 0;
    a->has_maximum = maximum >= 0;
    a->maximum_shares = maximum >= 0 ? maximum : 0;
}

void b_exercise(pc_dataset *ds, size_t award, const char *date, int64_t shares)
{
    pc_exercise *e = need(PC_ARRAY_PUSH(&ds->exercises));
    e->award = award;
    e->date = b_date(date);
    e->shares = shares;
    e->line = (int)ds->exercises.count + 1;
}

void b_set_close(pc_dataset *ds, const char *date, int64_t close_micro)
{
    pc_date d = b_date(date);
    for (size_t i = 0; i < ds->prices.count; i++)
        if (ds->prices.items[i].date == d) {
            ds->prices.items[i].close_micro = close_micro;
            return;
        }
    fprintf(stderr, "builder: no price on %s\n", date);
    abort();
}

void b_performance(pc_dataset *ds, int year, int64_t net_income_cents)
{
    pc_performance *p = need(PC_ARRAY_PUSH(&ds->performance));
    p->year = year;
    p->net_income_cents = net_income_cents;
    p->line = (int)ds->performance.count + 1;
}

void b_done(pc_dataset *ds)
{
    if (pc_dataset_index(ds) != PC_OK)
        abort();
}
