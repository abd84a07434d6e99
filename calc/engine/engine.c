/*
 * The engine's entry point and the helpers its steps share: the order of
 * people in the tables, the role of a person in a year, tranche states.
 */
#include "paycalc/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/equity.h"
#include "paycalc/ledger.h"

pc_status pc_engine_run(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t errors_before = diags->errors;
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
    pc_report_dedupe_warnings(report);
    return st;
}
