/*
 * Internal: scenarios.json's text (json/scenarios.c), for the atomic
 * writer of the scenario files (write/reports.c).
 */
#ifndef PAYCALC_SCENARIOS_JSON_H
#define PAYCALC_SCENARIOS_JSON_H

#include "paycalc/model.h"
#include "paycalc/scenarios.h"

/* The whole file, ending in a newline (malloc'ed; NULL when out of memory). */
char *pc_json_scenarios_dumps(const pc_dataset *ds, const pc_scenario_report *r);

#endif
