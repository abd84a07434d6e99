/*
 * The `scenarios` command (calc/cli/scenarios.c) and what it shares with
 * the rest of the command line (calc/cli/cli.c).
 */
#ifndef PAYCALC_CLI_SCENARIOS_H
#define PAYCALC_CLI_SCENARIOS_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/status.h"

/* `paycalc scenarios INPUT_DIR ...` (argv after the command name); returns
 * the exit status. */
int pc_cli_scenarios(int argc, char **argv);

/* From cli.c: every diagnostic printed once, in input order (warnings only
 * when `warnings`); mkdir -p; the usage text. */
size_t pc_cli_print_diags(pc_diags *diags, bool warnings);
int pc_cli_make_dirs(const char *path);
const char *pc_cli_usage(void);

#endif
