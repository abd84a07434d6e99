/*
 * What the commands of the program share (cli.c, scenarios.c): the usage
 * text, the diagnostics printed the way compilers print them, and mkdir -p.
 * Below every command; it calls none.
 */
#include "cli_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/text.h"

static const char usage_text[] =
    "usage: paycalc run INPUT_DIR [--out DIR] [--json FILE] [--xlsx FILE] [--prior FILE] "
    "[--quiet]\n"
    "                  [--labels en|zh-Hant|zh-Hans] [--ixbrl DIR] [--prior-any-company]\n"
    "       paycalc check INPUT_DIR\n"
    "       paycalc scenarios INPUT_DIR --year-end-price P1,P2,... | --price-change C1,C2,...\n"
    "                  [--as-of DATE] [--vol V] [--rate R] [--peer-change X%] [--out DIR]\n"
    "       paycalc verify INPUT_DIR [--reported FILE] [--prior FILE] [--json FILE] [--strict]\n"
    "                     [--prior-any-company] [--verbose]\n"
    "       paycalc verify --reported FILE [--prior FILE] [--json FILE] [--strict] [--verbose]\n"
    "       paycalc verify --ixbrl FILE.htm [FILE.htm ...] [INPUT_DIR] [--json FILE] "
    "[--strict] [--verbose]\n"
    "       paycalc value option --price P --strike K --vol V --rate R --dividend-yield Q "
    "--term T\n"
    "       paycalc init DIR\n"
    "       paycalc --help | --version\n";

const char *pc_cli_usage(void)
{
    return usage_text;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* One diagnostic the way compilers print it ("FILE:LINE:COLUMN: error:
 * message"), however long the message. */
static void print_diag(const pc_diag *d)
{
    const char *sev = d->severity == PC_SEVERITY_ERROR ? "error" : "warning";
    fputs("paycalc: ", stderr);
    if (d->file && d->line > 0 && d->column > 0)
        fprintf(stderr, "%s:%d:%d: ", d->file, d->line, d->column);
    else if (d->file && d->line > 0)
        fprintf(stderr, "%s:%d: ", d->file, d->line);
    else if (d->file)
        fprintf(stderr, "%s: ", d->file);
    fprintf(stderr, "%s: %s\n", sev, d->message);
}

/* Prints every diagnostic once, in the order of the input (a tranche valued
 * twice on one date would otherwise warn twice); warnings only when
 * `warnings`. Returns how many warnings were printed, the count a summary
 * gives. */
size_t pc_cli_print_diags(pc_diags *diags, bool warnings)
{
    size_t shown = 0;
    pc_diags_sort(diags);
    size_t group = 0;
    for (size_t i = 0; i < diags->count; i++) {
        const pc_diag *d = &diags->items[i];
        const pc_diag *g = &diags->items[group];
        if (!same_text(d->file, g->file) || d->line != g->line || d->column != g->column)
            group = i;
        bool repeated = false;
        for (size_t k = group; k < i && !repeated; k++)
            repeated = same_text(diags->items[k].message, d->message) &&
                       diags->items[k].severity == d->severity;
        if (repeated || (!warnings && d->severity == PC_SEVERITY_WARNING))
            continue;
        print_diag(d);
        shown += d->severity == PC_SEVERITY_WARNING;
    }
    return shown;
}

/* mkdir -p. No length limit of its own: a path the system cannot take
 * fails there, with the system's reason (never cut and created shorter). */
int pc_cli_make_dirs(const char *path)
{
    char *buf = pc_strdup(path);
    if (!buf) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(buf);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char saved = buf[i];
        buf[i] = '\0';
        bool failed = mkdir(buf, 0777) != 0 && errno != EEXIST;
        buf[i] = saved;
        if (failed) {
            int why = errno;
            free(buf);
            errno = why;
            return -1;
        }
    }
    free(buf);
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}
