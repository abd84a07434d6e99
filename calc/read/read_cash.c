/*
 * cash.csv and fx.csv (SPEC sections 2 and 4): cash compensation in the
 * currency it was paid in, and the exchange rates that convert it.
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

/* ---- cash.csv ------------------------------------------------------------ */

void pc_read_cash_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = pc_read_get_year(r, row, CASH_YEAR, &year);
    if (ok && !pc_read_year_kept(r, year))
        return;
    size_t person = 0;
    ok &= pc_read_get_person(r, row, CASH_PERSON, &person);
    const char *names[PC_COMP_COUNT];
    for (int i = 0; i < PC_COMP_COUNT; i++)
        names[i] = pc_component_name((pc_component)i);
    int component = pc_read_get_choice(r, row, CASH_COMPONENT, names, PC_COMP_COUNT);
    int64_t amount = 0;
    if (pc_read_get_money(r, row, CASH_AMOUNT, &amount)) {
        /* SPEC section 2: only the change in pension value may be negative. */
        if (amount < 0 && component >= 0 && component != PC_COMP_CHANGE_IN_PENSION_VALUE) {
            pc_read_cell_error(r, row, CASH_AMOUNT, "negative_amount",
                               "negative amount '%s': only change_in_pension_value may be negative",
                               pc_read_show(&r->rd, pc_read_val(row, CASH_AMOUNT)));
            ok = false;
        }
    } else {
        ok = false;
    }
    char currency[4] = "";
    bool have_currency = pc_read_get_currency(r, row, CASH_CURRENCY, currency);
    ok &= have_currency;
    bool foreign = have_currency && strcmp(currency, "USD") != 0;
    if (foreign && !r->foreign_line) {
        r->foreign_line = row->line_of[CASH_CURRENCY];
        r->foreign_column = row->column[CASH_CURRENCY];
        memcpy(r->foreign_currency, currency, 4);
    }
    pc_date pay_date = PC_DATE_NONE;
    if (pc_read_has(row, CASH_PAY_DATE)) {
        ok &= pc_read_get_date(r, row, CASH_PAY_DATE, &pay_date);
    } else if (foreign && !r->standalone && r->ds->config.fx_method == PC_FX_PAYMENT_DATE) {
        /* SPEC section 4: payment_date converts each row at its own date. */
        ok &= pc_read_need(
            r, row, CASH_PAY_DATE,
            " when fx_method is payment_date (the amount is converted at the rate of its "
            "payment date)");
    }
    if (!ok || component < 0)
        return;
    pc_cash *c = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->cash));
    if (!c)
        return;
    c->person = person;
    c->year = year;
    c->component = (pc_component)component;
    c->amount_cents = amount;
    memcpy(c->currency, currency, 4);
    c->pay_date = pay_date;
    c->line = row->line;
}

/* ---- fx.csv -------------------------------------------------------------- */

enum { FX_CURRENCY, FX_PERIOD, FX_PER_USD };

void pc_read_fx_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    char currency[4] = "";
    bool ok = pc_read_get_currency(r, row, FX_CURRENCY, currency);
    if (ok && strcmp(currency, "USD") == 0) {
        pc_read_cell_error(
            r, row, FX_CURRENCY, "bad_currency",
            "'%s' needs no exchange rate: a US dollar is always 1 US dollar; remove the "
            "row",
            pc_read_show(&r->rd, pc_read_val(row, FX_CURRENCY)));
        ok = false;
    }
    int fiscal_year = 0;
    pc_date date = PC_DATE_NONE;
    if (pc_read_need(r, row, FX_PERIOD, NULL)) {
        const char *p = pc_read_val(row, FX_PERIOD);
        char why[160];
        pc_status st;
        if (strlen(p) == 4)
            st = pc_parse_year(p, &fiscal_year, why, sizeof why);
        else if (strlen(p) == 10)
            st = pc_parse_date(p, &date, why, sizeof why);
        else {
            st = PC_ERR_SYNTAX;
            snprintf(why, sizeof why,
                     "write a fiscal year (2022) for a published fiscal-year "
                     "average, or a date (2022-12-30) for a daily rate");
        }
        ok &= pc_read_parsed(r, row, FX_PERIOD, st, "bad_period", "period", why);
    } else {
        ok = false;
    }
    int64_t rate = 0;
    ok &= pc_read_get_price(r, row, FX_PER_USD, "exchange rate", 0, true, &rate);
    if (!ok)
        return;
    pc_fx_rate *fx = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->fx));
    if (!fx)
        return;
    memcpy(fx->currency, currency, 4);
    fx->fiscal_year = fiscal_year;
    fx->date = date;
    fx->per_usd_micro = rate;
    fx->line = row->line;
}

static void fx_duplicate(reader *r, size_t index, int first_line)
{
    const pc_fx_rate *fx = &r->ds->fx.items[index];
    char buf[16], period[16];
    if (fx->fiscal_year)
        snprintf(period, sizeof period, "%d", fx->fiscal_year);
    else
        snprintf(period, sizeof period, "%s", pc_read_date_text(fx->date, buf));
    pc_read_file_error(r, PC_FILE_FX, fx->line, "period", "duplicate",
                       "duplicate rate for %s in period %s (first at line %d)", fx->currency,
                       period, first_line);
}

void pc_read_check_fx(reader *r)
{
    size_t n = r->ds->fx.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_fx_rate *fx = &r->ds->fx.items[i];
        keys[i] = (dup_key){fx->currency, fx->fiscal_year, fx->date, 0, i, fx->line};
    }
    pc_read_report_duplicates(r, keys, n, fx_duplicate);
}
