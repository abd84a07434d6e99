/*
 * The `scenarios` command (calc/cli/scenarios.c).
 */
#ifndef PAYCALC_CLI_SCENARIOS_H
#define PAYCALC_CLI_SCENARIOS_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/status.h"

/* `paycalc scenarios INPUT_DIR ...` (argv after the command name); returns
 * the exit status. */
int pc_cli_scenarios(int argc, char **argv);

#endif
