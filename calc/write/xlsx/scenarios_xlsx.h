/*
 * Internal: scenarios.xlsx (xlsx/scenarios.c), for the atomic writer of
 * the scenario files (write/reports.c).
 */
#ifndef PAYCALC_SCENARIOS_XLSX_H
#define PAYCALC_SCENARIOS_XLSX_H

#include "paycalc/model.h"
#include "paycalc/scenarios.h"
#include "paycalc/status.h"

/* Writes the workbook to `file` (the output's temporary file); `path` is
 * the name for messages. PC_ERR_WRITE with a message on failure. */
pc_status pc_xlsx_scenarios_write_file(const pc_dataset *ds, const pc_scenario_report *r,
                                       const char *file, const char *path, pc_diags *diags);

#endif
