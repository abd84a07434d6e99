/*
 * What the commands of the program share (calc/cli/common.c).
 */
#ifndef PAYCALC_CLI_COMMON_H
#define PAYCALC_CLI_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/status.h"

/* The usage text of every command. */
const char *pc_cli_usage(void);
/* Prints every diagnostic once, in the order of the input (a tranche valued
 * twice on one date would otherwise warn twice), as "paycalc: FILE:LINE:
 * COLUMN: error: message"; warnings only when `warnings`. Returns how many
 * warnings were printed, the count a summary gives. */
size_t pc_cli_print_diags(pc_diags *diags, bool warnings);
/* mkdir -p; 0, or -1 with errno. */
int pc_cli_make_dirs(const char *path);

#endif
