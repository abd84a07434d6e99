/*
 * The engine's entry point and the helpers its steps share: the order of
 * people in the tables, the role of a person in a year, tranche states.
 */
#include "paycalc/engine.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/equity.h"
#include "paycalc/ledger.h"

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* SPEC section 5: a fair_values.csv row that no valuation used is a warning
 * naming its line, since a value meant to count would otherwise be passed
 * over in silence (a report dated on a day no valuation falls on). */
static pc_status warn_unused_fair_values(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t n = report->supplied_lines.count, used = 0;
    if (ds->fair_values.count == 0)
        return PC_OK;
    int *lines = malloc((n ? n : 1) * sizeof *lines);
    if (!lines)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        lines[used++] = report->supplied_lines.items[i];
    qsort(lines, used, sizeof *lines, compare_int);
    pc_status st = PC_OK;
    for (size_t i = 0; i < ds->fair_values.count && !st; i++) {
        const pc_supplied_fv *f = &ds->fair_values.items[i];
        if (bsearch(&f->line, lines, used, sizeof *lines, compare_int))
            continue;
        char day[11], which[32] = "every tranche";
        if (f->tranche)
            snprintf(which, sizeof which, "tranche %d", f->tranche);
        st = pc_report_warn_at(report, diags, ds, PC_FILE_FAIR_VALUES, f->line, "unused_fair_value",
                               "the fair value of award %s (%s) on %s is used by no valuation: "
                               "awards are valued at grant, at fiscal year ends and at vesting, "
                               "on that date or, when it is not a trading day, on the trading "
                               "day whose close is used for it",
                               ds->awards.items[f->award].id, which, pc_date_format(f->date, day));
    }
    free(lines);
    return st;
}

pc_status pc_engine_run(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t errors_before = diags->errors;
    /* The valuations' room at once: a grant-date value per tranche and about
     * one more per covered year (a fiscal year end or a vesting date), so
     * the largest array of the report is not copied at each doubling. Only
     * what is written is touched; past the estimate it grows as before, so
     * a failure here is not one. */
    size_t years = ds->config.nyears > 0 ? (size_t)ds->config.nyears : 0;
    if (ds->tranches.count < SIZE_MAX / (years + 1))
        (void)PC_ARRAY_RESERVE(&report->valuations, ds->tranches.count * (years + 1));
    pc_status st = pc_engine_sct(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    if (st == PC_OK)
        st = pc_engine_cap(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    /* The equity award tables read the SCT's grant-date values (SPEC
     * section 12); they run when the SCT did. */
    if (st == PC_OK)
        st = pc_equity_tables_compute(ds, report, &report->equity, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    /* The Director Compensation table (Item 402(k)), beside the
     * executives' tables and apart from them. */
    if (st == PC_OK)
        st = pc_engine_plan_targets(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    if (st == PC_OK)
        st = pc_engine_directors(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    pc_status tsr = pc_engine_tsr(ds, report, diags);
    if (tsr == PC_OK)
        tsr = pc_engine_peer_tsr(ds, report, diags);
    if (tsr == PC_ERR_NOMEM)
        return tsr;
    if (st == PC_OK)
        st = tsr;
    pc_status grouped = pc_engine_group_warnings(ds, report, diags);
    if (grouped == PC_ERR_NOMEM)
        return grouped;
    if (st == PC_OK && diags->errors > errors_before)
        st = PC_ERR_INPUT;
    if (st == PC_OK)
        st = warn_unused_fair_values(ds, report, diags);
    pc_report_dedupe_warnings(report);
    return st;
}
