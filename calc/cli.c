/*
 * The command line of SPEC section 1: parses arguments, calls the library,
 * prints results and errors, and chooses the exit status.
 */
#include "paycalc/cli.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: paycalc run INPUT_DIR [--out DIR] [--json FILE] [--xlsx FILE] [--quiet]\n"
    "       paycalc check INPUT_DIR\n"
    "       paycalc verify INPUT_DIR [--reported FILE] [--json FILE] [--strict]\n"
    "       paycalc verify --reported FILE [--json FILE] [--strict]\n"
    "       paycalc value option --price P --strike K --vol V --rate R --dividend-yield Q "
    "--term T\n"
    "       paycalc --help | --version\n";

int pc_cli_main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("paycalc %s\n", PAYCALC_VERSION);
        return PC_EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
        fputs(usage_text, stdout);
        return PC_EXIT_OK;
    }
    fputs(usage_text, stderr);
    return PC_EXIT_USAGE;
}
