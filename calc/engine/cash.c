/*
 * Cash rows in US dollars, grouped (SPEC sections 4 and 6, R1): see cash.h.
 */
#include "cash.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/date.h"
#include "paycalc/fx.h"
#include "paycalc/money.h"

pc_cash_key pc_engine_cash_key(const pc_dataset *ds, size_t index)
{
    const pc_cash *c = &ds->cash.items[index];
    pc_cash_key key = {c->person, c->year, (int)c->component, {0}, index};
    memcpy(key.currency, c->currency, sizeof key.currency);
    return key;
}

static int compare_key(const void *a, const void *b)
{
    const pc_cash_key *x = a, *y = b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->component != y->component)
        return x->component < y->component ? -1 : 1;
    int c = strcmp(x->currency, y->currency);
    if (c)
        return c;
    return (x->index > y->index) - (x->index < y->index);
}

void pc_engine_cash_sort(pc_cash_key *keys, size_t n)
{
    if (n > 1)
        qsort(keys, n, sizeof *keys, compare_key);
}

static bool same_group(const pc_cash_key *a, const pc_cash_key *b)
{
    return a->person == b->person && a->year == b->year && a->component == b->component &&
           strcmp(a->currency, b->currency) == 0;
}

pc_status pc_engine_cash_group(const pc_dataset *ds, const pc_cash_key *keys, size_t begin,
                               size_t n, size_t *end, int64_t *foreign, int64_t *usd,
                               pc_cash_rates *rates, pc_report *report, pc_diags *diags)
{
    bool per_row = ds->config.fx_method == PC_FX_PAYMENT_DATE;
    pc_status st = PC_OK;
    *foreign = 0;
    *usd = 0;
    size_t j = begin;
    for (; j < n && same_group(&keys[j], &keys[begin]); j++) {
        const pc_cash *c = &ds->cash.items[keys[j].index];
        if (st)
            continue;
        if (per_row) { /* payment_date: convert each row, then sum */
            int64_t one = 0;
            st = pc_engine_cash_convert(ds, c, c->amount_cents, &one, rates, report, diags);
            if (!st && pc_money_add(*usd, one, usd))
                st = PC_ERR_OVERFLOW;
        } else if (pc_money_add(*foreign, c->amount_cents, foreign)) {
            st = PC_ERR_OVERFLOW;
        }
    }
    *end = j;
    return st;
}

static pc_status missing_rate(const pc_dataset *ds, pc_file file, const pc_cash *c, pc_diags *diags)
{
    const char *path = pc_dataset_path(ds, file);
    int col = pc_dataset_column(ds, file, "currency");
    /* The date a payment_date rate is taken on: cash.csv's pay_date, or a
     * plan target's grant_date. */
    const char *date_column = file == PC_FILE_CASH ? "pay_date" : "grant_date";
    switch (ds->config.fx_method) {
    case PC_FX_ANNUAL_AVERAGE:
        return pc_error(diags, path, c->line, col, "missing_rate",
                        "currency: no %s rate for fiscal %d: add a row '%s,%d,<units per USD>' "
                        "or daily rates for that year to fx.csv",
                        c->currency, c->year, c->currency, c->year);
    case PC_FX_PAYMENT_DATE: {
        char d[11];
        if (c->pay_date == PC_DATE_NONE)
            return pc_error(diags, path, c->line, pc_dataset_column(ds, file, date_column),
                            "missing_pay_date",
                            "%s: a date is required when fx_method is payment_date", date_column);
        return pc_error(diags, path, c->line, col, "missing_rate",
                        "currency: no %s rate in fx.csv on %s or in the 10 days before it",
                        c->currency, pc_date_format(c->pay_date, d));
    }
    case PC_FX_YEAR_END: {
        char d[11];
        return pc_error(diags, path, c->line, col, "missing_rate",
                        "currency: no %s rate in fx.csv on the fiscal year end %s or in the 10 "
                        "days before it",
                        c->currency,
                        pc_date_format(pc_fiscal_year_end(ds->config.fiscal_year_end, c->year), d));
    }
    }
    return PC_ERR_USAGE;
}

pc_status pc_engine_cash_convert(const pc_dataset *ds, const pc_cash *c, int64_t foreign,
                                 int64_t *usd, pc_cash_rates *rates, pc_report *report,
                                 pc_diags *diags)
{
    int64_t per_usd;
    return pc_engine_convert_in(ds, PC_FILE_CASH, "amount", c, foreign, usd, &per_usd, rates,
                                report, diags);
}

pc_status pc_engine_convert_in(const pc_dataset *ds, pc_file file, const char *column,
                               const pc_cash *c, int64_t foreign, int64_t *usd,
                               int64_t *per_usd_micro, pc_cash_rates *rates, pc_report *report,
                               pc_diags *diags)
{
    *usd = 0;
    *per_usd_micro = PC_MICRO;
    if (strcmp(c->currency, "USD") == 0) {
        *usd = foreign;
        return PC_OK;
    }
    bool cacheable = ds->config.fx_method != PC_FX_PAYMENT_DATE;
    for (int i = 0; cacheable && i < rates->count; i++) {
        if (rates->year[i] == c->year && strcmp(rates->currency[i], c->currency) == 0) {
            *per_usd_micro = rates->per_usd_micro[i];
            if (pc_fx_convert(foreign, rates->per_usd_micro[i], usd) == PC_OK)
                return PC_OK;
            break; /* the overflow is reported below, as the first time */
        }
    }
    pc_rate_used rate;
    pc_status st = pc_fx_rate_for_cash(ds, c, &rate);
    if (st == PC_ERR_MISSING) {
        free(rate.source);
        missing_rate(ds, file, c, diags);
        return PC_ERR_INPUT;
    }
    if (st) {
        free(rate.source);
        return st;
    }
    *per_usd_micro = rate.per_usd_micro;
    st = pc_fx_convert(foreign, rate.per_usd_micro, usd);
    if (st) {
        free(rate.source);
        pc_error(diags, pc_dataset_path(ds, file), c->line, pc_dataset_column(ds, file, column),
                 "overflow", "%s: the converted amount is too large", column);
        return PC_ERR_INPUT;
    }
    if (cacheable && rates->count < PC_CASH_RATE_CACHE) {
        memcpy(rates->currency[rates->count], c->currency, 4);
        rates->year[rates->count] = c->year;
        rates->per_usd_micro[rates->count] = rate.per_usd_micro;
        rates->count++;
    }
    pc_rate_used *slot = PC_ARRAY_PUSH(&report->rates);
    if (!slot) {
        free(rate.source);
        return PC_ERR_NOMEM;
    }
    *slot = rate;
    return PC_OK;
}

pc_status pc_engine_cash_overflow(const pc_dataset *ds, const pc_cash *first, pc_diags *diags)
{
    pc_error(diags, pc_dataset_path(ds, PC_FILE_CASH), first->line,
             pc_dataset_column(ds, PC_FILE_CASH, "amount"), "overflow",
             "amount: the amounts of %s for %d add up to more than paycalc can hold",
             pc_component_name(first->component), first->year);
    return PC_ERR_INPUT;
}
