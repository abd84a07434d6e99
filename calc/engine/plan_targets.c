/*
 * Grants of Plan-Based Awards, non-equity incentive plan awards (Item
 * 402(d)(2)(iii), columns (c) to (e)): the threshold, target and maximum
 * payouts of plan_targets.csv for each person of the SCT in each SCT year,
 * in US dollars. The amounts are converted as cash is (SPEC section 4, R1,
 * calc/engine/cash.c): at the rate of the currency and fiscal year, or of
 * the grant date under payment_date; all three amounts of a row at the one
 * rate, each rounded to the cent.
 */
#include "paycalc/engine.h"

#include <stdlib.h>
#include <string.h>

#include "cash.h"
#include "paycalc/equity.h"
#include "paycalc/money.h"

/* One amount of row `t` at `per_usd_micro` (the rate its target converted
 * at); an amount too large is an input error at its column. */
static pc_status convert_level(const pc_dataset *ds, const pc_plan_target *t, const char *column,
                               int64_t foreign, int64_t per_usd_micro, int64_t *usd,
                               pc_diags *diags)
{
    if (pc_fx_convert(foreign, per_usd_micro, usd) == PC_OK)
        return PC_OK;
    pc_error(diags, pc_dataset_path(ds, PC_FILE_PLAN_TARGETS), t->line,
             pc_dataset_column(ds, PC_FILE_PLAN_TARGETS, column), "overflow",
             "%s: the converted amount is too large", column);
    return PC_ERR_INPUT;
}

static pc_status add_row(const pc_dataset *ds, size_t index, pc_cash_rates *rates,
                         pc_report *report, pc_diags *diags)
{
    const pc_plan_target *t = &ds->plan_targets.items[index];
    pc_cash as_cash = {.person = t->person,
                       .year = t->year,
                       .component = PC_COMP_NON_EQUITY_INCENTIVE,
                       .amount_cents = t->target_cents,
                       .pay_date = t->grant_date,
                       .line = t->line};
    memcpy(as_cash.currency, t->currency, 4);
    pc_nonequity_row row = {.year = t->year, .person = t->person, .target = index};
    pc_status st =
        pc_engine_convert_in(ds, PC_FILE_PLAN_TARGETS, "target", &as_cash, t->target_cents,
                             &row.target_payout, &row.per_usd_micro, rates, report, diags);
    if (!st && t->has_threshold)
        st = convert_level(ds, t, "threshold", t->threshold_cents, row.per_usd_micro,
                           &row.threshold, diags);
    if (!st && t->has_maximum)
        st = convert_level(ds, t, "maximum", t->maximum_cents, row.per_usd_micro, &row.maximum,
                           diags);
    if (st)
        return st;
    pc_nonequity_row *slot = PC_ARRAY_PUSH(&report->equity.nonequity);
    if (!slot)
        return PC_ERR_NOMEM;
    *slot = row;
    return PC_OK;
}

/* The rows no table shows, each with a warning (a row of a year the SCT
 * does not show, or of a person not named in it that year). */
static pc_status warn_unused(const pc_dataset *ds, const bool *used, pc_report *report,
                             pc_diags *diags)
{
    for (size_t i = 0; i < ds->plan_targets.count; i++) {
        if (used[i])
            continue;
        const pc_plan_target *t = &ds->plan_targets.items[i];
        pc_status st = pc_report_warn_at(
            report, diags, ds, PC_FILE_PLAN_TARGETS, t->line, "plan_target_not_shown",
            "%s %d: plan '%s' is not shown: Grants of Plan-Based Awards covers the named "
            "executive officers of the Summary Compensation Table's years, and %s is not one "
            "in %d",
            ds->people.items[t->person].name, t->year, t->plan, ds->people.items[t->person].name,
            t->year);
        if (st)
            return st;
    }
    return PC_OK;
}

pc_status pc_engine_plan_targets(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t n = ds->plan_targets.count, npeople = ds->people.count;
    /* Item 402(n): a smaller reporting company has no Grants of Plan-Based
     * Awards table; its plan_targets.csv is read and checked, and kept for
     * the year it is not (the starter set's example is such a file). */
    if (n == 0 || ds->config.smaller_reporting_company)
        return PC_OK;
    /* The rows of each person, in file order (a counting sort: linear in
     * rows and people). */
    size_t *first = calloc(npeople + 1, sizeof *first);
    size_t *order = malloc(n * sizeof *order);
    if (!first || !order) {
        free(first);
        free(order);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        first[ds->plan_targets.items[i].person + 1]++;
    for (size_t p = 0; p < npeople; p++)
        first[p + 1] += first[p];
    size_t *next = order; /* fill from the front of each person's run */
    size_t *at = calloc(npeople, sizeof *at);
    if (!at) {
        free(first);
        free(order);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        size_t p = ds->plan_targets.items[i].person;
        next[first[p] + at[p]++] = i;
    }
    free(at);
    bool *used = calloc(n, sizeof *used);
    if (!used) {
        free(first);
        free(order);
        return PC_ERR_NOMEM;
    }
    pc_status result = PC_OK;
    pc_cash_rates rates = {.count = 0};
    /* SCT years, and in each the SCT's people in its order, as the equity
     * tables go (SPEC section 12). */
    for (int y = 0; y < ds->config.nyears && result != PC_ERR_NOMEM; y++) {
        int year = ds->config.years[y];
        for (size_t i = 0; i < report->sct.count && result != PC_ERR_NOMEM; i++) {
            const pc_sct_row *sct = &report->sct.items[i];
            if (sct->year != year || !sct->in_table)
                continue;
            for (size_t k = first[sct->person]; k < first[sct->person + 1]; k++) {
                if (ds->plan_targets.items[order[k]].year != year)
                    continue;
                used[order[k]] = true;
                pc_status st = add_row(ds, order[k], &rates, report, diags);
                if (st == PC_ERR_NOMEM) {
                    result = st;
                    break;
                }
                if (st)
                    result = PC_ERR_INPUT;
            }
        }
    }
    if (result != PC_ERR_NOMEM) {
        pc_status st = warn_unused(ds, used, report, diags);
        if (st)
            result = st;
    }
    free(used);
    free(first);
    free(order);
    pc_engine_tidy_rates(report);
    return result;
}
