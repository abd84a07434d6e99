/*
 * Exchange rates (SPEC section 4). fx.csv rows are indexed (model.c) by
 * currency, then fiscal-year rows, then daily rows by date, so each lookup is
 * a binary search.
 */
#include "paycalc/fx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/market.h"
#include "paycalc/money.h"
#include "paycalc/text.h"
#include "paycalc/value.h"

const char *pc_fx_method_name(pc_fx_method method)
{
    switch (method) {
    case PC_FX_ANNUAL_AVERAGE:
        return "annual_average";
    case PC_FX_PAYMENT_DATE:
        return "payment_date";
    case PC_FX_YEAR_END:
        return "year_end";
    }
    return "?";
}

/* The rows of one currency: [*lo, *hi). */
static void currency_range(const pc_dataset *ds, const char *currency, size_t *lo, size_t *hi)
{
    const pc_fx_rate *fx = ds->fx.items;
    size_t a = 0, b = ds->fx.count;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(fx[m].currency, currency) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = ds->fx.count;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(fx[m].currency, currency) <= 0)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
}

/* First daily row (fiscal_year == 0) of the range with date >= `date`. */
static size_t first_daily_on_or_after(const pc_dataset *ds, size_t lo, size_t hi, pc_date date)
{
    const pc_fx_rate *fx = ds->fx.items;
    /* Fiscal-year rows come first in the range. */
    size_t a = lo, b = hi;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (fx[m].fiscal_year > 0 || fx[m].date < date)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

pc_status pc_fx_annual_average(const pc_dataset *ds, const char *currency, int year,
                               pc_rate_used *out)
{
    size_t lo, hi;
    currency_range(ds, currency, &lo, &hi);
    memset(out, 0, sizeof *out);
    memcpy(out->currency, currency, 4);
    out->fiscal_year = year;
    out->method = PC_FX_ANNUAL_AVERAGE;
    out->date = PC_DATE_NONE;
    const char *file = pc_file_name(PC_FILE_FX);

    /* A published fiscal-year average wins. */
    for (size_t i = lo; i < hi && ds->fx.items[i].fiscal_year > 0; i++) {
        if (ds->fx.items[i].fiscal_year == year) {
            out->per_usd_micro = ds->fx.items[i].per_usd_micro;
            out->observations = 1;
            out->published_average = true;
            out->first_line = out->last_line = ds->fx.items[i].line;
            out->source = pc_text_format("published fiscal %d average, %s line %d", year, file,
                                         ds->fx.items[i].line);
            return out->source ? PC_OK : PC_ERR_NOMEM;
        }
    }
    /* Otherwise the mean of the daily observations inside the fiscal year,
     * rounded to 4 decimals (SPEC section 4): micros / 100 = 4 decimals. */
    pc_date start = pc_fiscal_year_start(ds->config.fiscal_year_end, year);
    pc_date end = pc_fiscal_year_end(ds->config.fiscal_year_end, year);
    size_t first = first_daily_on_or_after(ds, lo, hi, start);
    int64_t sum = 0;
    int64_t n = 0;
    int min_line = 0, max_line = 0;
    for (size_t i = first; i < hi && ds->fx.items[i].date <= end; i++) {
        if (pc_money_add(sum, ds->fx.items[i].per_usd_micro, &sum))
            return PC_ERR_OVERFLOW;
        int line = ds->fx.items[i].line;
        if (n == 0 || line < min_line)
            min_line = line;
        if (n == 0 || line > max_line)
            max_line = line;
        n++;
    }
    if (n == 0)
        return PC_ERR_MISSING;
    int64_t ten_thousandths;
    pc_status st = pc_round_div(sum, n * 100, &ten_thousandths);
    if (st)
        return st;
    out->per_usd_micro = ten_thousandths * 100;
    out->observations = (int)n;
    out->first_line = min_line;
    out->last_line = max_line;
    char a[11], b[11];
    out->source = pc_text_format("mean of %lld daily rates from %s to %s, rounded to 4 decimals, "
                                 "%s lines %d-%d",
                                 (long long)n, pc_date_format(start, a), pc_date_format(end, b),
                                 file, min_line, max_line);
    return out->source ? PC_OK : PC_ERR_NOMEM;
}

pc_status pc_fx_daily(const pc_dataset *ds, const char *currency, pc_date date, pc_rate_used *out)
{
    size_t lo, hi;
    currency_range(ds, currency, &lo, &hi);
    memset(out, 0, sizeof *out);
    memcpy(out->currency, currency, 4);
    out->date = PC_DATE_NONE;
    /* The latest observation on or before `date`: one before the first after it. */
    size_t after = first_daily_on_or_after(ds, lo, hi, date + 1);
    if (after == lo || ds->fx.items[after - 1].fiscal_year > 0)
        return PC_ERR_MISSING;
    const pc_fx_rate *r = &ds->fx.items[after - 1];
    if (pc_market_stale(date, r->date))
        return PC_ERR_MISSING;
    char d[11];
    out->per_usd_micro = r->per_usd_micro;
    out->date = r->date;
    out->observations = 1;
    out->first_line = out->last_line = r->line;
    out->source = pc_text_format("rate of %s, %s line %d", pc_date_format(r->date, d),
                                 pc_file_name(PC_FILE_FX), r->line);
    return out->source ? PC_OK : PC_ERR_NOMEM;
}

pc_status pc_fx_rate_for_cash(const pc_dataset *ds, const pc_cash *cash, pc_rate_used *out)
{
    /* Set on every path, before the first return: the caller frees
     * out->source whatever the status. */
    memset(out, 0, sizeof *out);
    memcpy(out->currency, cash->currency, 4);
    out->date = PC_DATE_NONE;
    out->fiscal_year = cash->year;
    out->method = ds->config.fx_method;
    pc_status st;
    switch (ds->config.fx_method) {
    case PC_FX_ANNUAL_AVERAGE:
        return pc_fx_annual_average(ds, cash->currency, cash->year, out);
    case PC_FX_PAYMENT_DATE:
        if (cash->pay_date == PC_DATE_NONE)
            return PC_ERR_MISSING;
        st = pc_fx_daily(ds, cash->currency, cash->pay_date, out);
        break;
    case PC_FX_YEAR_END:
        st = pc_fx_daily(ds, cash->currency,
                         pc_fiscal_year_end(ds->config.fiscal_year_end, cash->year), out);
        break;
    default:
        return PC_ERR_USAGE;
    }
    out->fiscal_year = cash->year;
    out->method = ds->config.fx_method;
    return st;
}
