/*
 * The command line (SPEC section 1). The only code that prints, reads argv
 * and picks exit statuses.
 */
#ifndef PAYCALC_CLI_H
#define PAYCALC_CLI_H

#include "paycalc/api.h"
PC_API_BEGIN

/* Exit statuses. */
enum {
    PC_EXIT_OK = 0,
    PC_EXIT_VERIFY_FAILED = 1,
    PC_EXIT_USAGE = 2,
    PC_EXIT_INPUT = 3,
    PC_EXIT_WRITE = 4
};

/* Runs paycalc with the given arguments; returns the exit status. */
int pc_cli_main(int argc, char **argv);

PC_API_END

#endif
