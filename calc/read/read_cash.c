/*
 * cash.csv and fx.csv (SPEC sections 2 and 4): cash compensation in the
 * currency it was paid in, and the exchange rates that convert it; and
 * plan_targets.csv, the threshold, target and maximum payouts of non-equity
 * incentive plan awards, amounts in a currency converted the same way.
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

/* ---- plan_targets.csv ---------------------------------------------------- */

enum {
    PT_PERSON,
    PT_YEAR,
    PT_PLAN,
    PT_THRESHOLD,
    PT_TARGET,
    PT_MAXIMUM,
    PT_CURRENCY,
    PT_GRANT_DATE
};

/* A payout level: an amount of money, not negative (a plan pays nothing or
 * something). `given` is false for a blank optional level. */
static bool plan_amount(reader *r, const pc_read_row *row, int c, bool required, bool *given,
                        int64_t *out)
{
    *given = false;
    *out = 0;
    if (!required && !pc_read_has(row, c))
        return true;
    if (!pc_read_get_money(r, row, c, out))
        return false;
    if (*out < 0) {
        pc_read_cell_error(r, row, c, "negative_amount",
                           "negative amount '%s': a plan's payout is zero or more",
                           pc_read_show(&r->rd, pc_read_val(row, c)));
        return false;
    }
    *given = true;
    return true;
}

/* Item 402(d)(2)(iii): threshold <= target <= maximum, each where given. */
static bool plan_levels_ordered(reader *r, const pc_read_row *row, const pc_plan_target *t)
{
    char b[32];
    if (t->has_threshold && t->threshold_cents > t->target_cents) {
        pc_money_format_display(t->target_cents, 2, b, sizeof b);
        pc_read_cell_error(r, row, PT_THRESHOLD, "bad_value",
                           "threshold '%s' is above the target %s: the threshold is the lowest "
                           "payout the plan makes",
                           pc_read_show(&r->rd, pc_read_val(row, PT_THRESHOLD)), b);
        return false;
    }
    if (t->has_maximum && t->maximum_cents < t->target_cents) {
        pc_money_format_display(t->target_cents, 2, b, sizeof b);
        pc_read_cell_error(r, row, PT_MAXIMUM, "bad_value",
                           "maximum '%s' is below the target %s: the maximum is the highest "
                           "payout the plan makes",
                           pc_read_show(&r->rd, pc_read_val(row, PT_MAXIMUM)), b);
        return false;
    }
    return true;
}

void pc_read_plan_targets_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = pc_read_get_year(r, row, PT_YEAR, &year);
    if (ok && !pc_read_year_kept(r, year))
        return;
    pc_plan_target t = {.year = year, .grant_date = PC_DATE_NONE, .line = row->line};
    ok &= pc_read_get_person(r, row, PT_PERSON, &t.person);
    ok &= pc_read_need(r, row, PT_PLAN, " (the name of the incentive plan, as the proxy gives it)");
    bool target_given;
    ok &= plan_amount(r, row, PT_THRESHOLD, false, &t.has_threshold, &t.threshold_cents);
    bool target_ok = plan_amount(r, row, PT_TARGET, true, &target_given, &t.target_cents);
    ok &= target_ok;
    ok &= plan_amount(r, row, PT_MAXIMUM, false, &t.has_maximum, &t.maximum_cents);
    if (ok)
        ok = plan_levels_ordered(r, row, &t);
    bool have_currency = pc_read_get_currency(r, row, PT_CURRENCY, t.currency);
    ok &= have_currency;
    bool foreign = have_currency && strcmp(t.currency, "USD") != 0;
    if (foreign && !r->plan_foreign_line) {
        r->plan_foreign_line = row->line_of[PT_CURRENCY];
        r->plan_foreign_column = row->column[PT_CURRENCY];
        memcpy(r->plan_foreign_currency, t.currency, 4);
    }
    if (pc_read_has(row, PT_GRANT_DATE)) {
        bool dated = pc_read_get_date(r, row, PT_GRANT_DATE, &t.grant_date);
        ok &= dated;
        if (dated && year && pc_read_calendar_known(r)) {
            pc_date first = pc_fiscal_year_start(r->ds->config.fiscal_year_end, year);
            pc_date last = pc_fiscal_year_end(r->ds->config.fiscal_year_end, year);
            if (t.grant_date < first || t.grant_date > last) {
                char d1[11], d2[11];
                pc_read_cell_error(r, row, PT_GRANT_DATE, "bad_date",
                                   "grant date '%s' is not in fiscal %d (%s to %s)",
                                   pc_read_show(&r->rd, pc_read_val(row, PT_GRANT_DATE)), year,
                                   pc_date_format(first, d1), pc_date_format(last, d2));
                ok = false;
            }
        }
    } else if (foreign && !r->standalone && r->ds->config.fx_method == PC_FX_PAYMENT_DATE) {
        /* SPEC section 4: payment_date converts at the rate of the day. */
        ok &= pc_read_need(r, row, PT_GRANT_DATE,
                           " when fx_method is payment_date (the amounts are converted at the "
                           "rate of the grant date)");
    }
    if (!ok)
        return;
    t.plan = pc_read_dup_text(r, pc_read_val(row, PT_PLAN));
    if (!t.plan)
        return;
    pc_plan_target *slot = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->plan_targets));
    if (!slot) {
        free(t.plan);
        return;
    }
    *slot = t;
}

static void plan_target_duplicate(reader *r, size_t index, int first_line)
{
    const pc_plan_target *t = &r->ds->plan_targets.items[index];
    pc_read_file_error(r, PC_FILE_PLAN_TARGETS, t->line, "plan", "duplicate",
                       "duplicate plan '%s' of %s for %d (first at line %d)",
                       pc_read_show(&r->rd, t->plan), r->ds->people.items[t->person].id, t->year,
                       first_line);
}

void pc_read_check_plan_targets(reader *r)
{
    size_t n = r->ds->plan_targets.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_plan_target *t = &r->ds->plan_targets.items[i];
        keys[i] = (dup_key){t->plan, (int64_t)t->person, t->year, 0, i, t->line};
    }
    pc_read_report_duplicates(r, keys, n, plan_target_duplicate);
}
