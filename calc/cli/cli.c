/*
 * The command line of SPEC section 1: parses arguments, calls the library,
 * prints results and problems, and chooses the exit status. The only code
 * that prints, reads argv or picks exit statuses.
 */
#define _POSIX_C_SOURCE 200809L
#include "paycalc/cli.h"

#include "cli_common.h"
#include "cli_scenarios.h"
#include "paycalc/compute.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/engine.h"
#include "paycalc/ixbrl.h"
#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/text.h"
#include "paycalc/value.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"

static const char help_text[] =
    "\n"
    "Computes the Summary Compensation Table and the Pay versus Performance table\n"
    "(compensation actually paid) of a US proxy statement from an input set.\n"
    "\n"
    "  run      read INPUT_DIR, compute, write report.json and report.xlsx into\n"
    "           --out DIR (default reports/<name of INPUT_DIR>/), or to the files\n"
    "           named by --json and --xlsx; print the tables unless --quiet;\n"
    "           --labels zh-Hant or zh-Hans writes the workbook's titles, headers\n"
    "           and footnotes in Chinese; the tagged Inline XBRL section goes\n"
    "           into the folder ixbrl/ beside report.json, or --ixbrl DIR\n"
    "  check    read and validate INPUT_DIR, print every problem found\n"
    "  scenarios  compensation actually paid of the last covered year at\n"
    "           hypothetical year-end stock prices, with the break-even prices;\n"
    "           writes scenarios.json and scenarios.xlsx into --out DIR (default\n"
    "           reports/<name of INPUT_DIR>/)\n"
    "  verify   compare the published figures (reported.csv) with the computed\n"
    "           ones and check the published tables against each other;\n"
    "           --reported FILE alone runs only the internal checks; the skipped\n"
    "           checks are one line per check unless --verbose;\n"
    "           --ixbrl reads the tagged figures of filed proxies (Inline XBRL)\n"
    "           and checks them and their tags, against INPUT_DIR when given;\n"
    "           one summary line per filing, --json FILE writes JSON Lines\n"
    "  --prior FILE  (run, verify) last year's report.json or reported.csv: every\n"
    "           figure of a year both cover that moved is a `restated` finding;\n"
    "           a report.json of another company is refused unless\n"
    "           --prior-any-company (the company changed its name and ticker)\n"
    "  value option  print the Black-Scholes-Merton value of one option\n"
    "  init     write a new input set into DIR (new or empty): every file with\n"
    "           its header and one example row, and a README.txt\n"
    "\n"
    "Exit status: 0 success; 1 verify found a difference beyond rounding;\n"
    "2 usage error; 3 the input has errors (verify --ixbrl: a filing could\n"
    "not be read); 4 an output could not be written.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("paycalc: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    fputs(pc_cli_usage(), stderr);
    return PC_EXIT_USAGE;
}

static void print_padded(const char *s, int width)
{
    fputs(s, stdout);
    for (size_t w = pc_text_width(s); w < (size_t)width; w++)
        putchar(' ');
}

static const char *money(int64_t cents, int decimals, char *buf)
{
    return pc_money_format_display(cents, decimals, buf, 48);
}

static void print_sct(const pc_dataset *ds, const pc_report *r)
{
    static const char *heads[] = {"Salary",     "Bonus",        "Stock",     "Option",
                                  "Non-equity", "Pension/NQDC", "All other", "Total"};
    printf("Summary Compensation Table (USD)\n");
    print_padded("Name and principal position", 48);
    printf("%6s", "Year");
    for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
        printf(" %13s", heads[c]);
    putchar('\n');
    for (size_t i = 0; i < r->sct.count; i++) {
        const pc_sct_row *row = &r->sct.items[i];
        if (!row->in_table)
            continue;
        char buf[48];
        char *label = pc_text_format("%s, %s", ds->people.items[row->person].name,
                                     row->position ? row->position : "");
        print_padded(label ? label : ds->people.items[row->person].name, 48);
        free(label);
        printf("%6d", row->year);
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            printf(" %13s", money(row->column[c], 0, buf));
        putchar('\n');
    }
}

/* A number of shares with separators, or "-" for none (a proxy's nil). */
static const char *shares_text(int64_t n, char out[PC_TEXT_GROUPED_SIZE + 1])
{
    if (n == 0)
        return "-";
    char grouped[PC_TEXT_GROUPED_SIZE];
    pc_text_group_digits((unsigned long long)(n < 0 ? -n : n), grouped);
    snprintf(out, PC_TEXT_GROUPED_SIZE + 1, "%s%s", n < 0 ? "-" : "", grouped);
    return out;
}

/* Whole dollars with separators, or "-" for none. */
static const char *dollars_text(int64_t cents, char *buf)
{
    return cents == 0 ? "-" : money(cents, 0, buf);
}

/* The equity award tables of the last covered year (SPEC section 12), one
 * line per award, as the workbook's disclosure sheets show them. */
static void print_equity(const pc_dataset *ds, const pc_report *r)
{
    if (ds->config.nyears < 1)
        return;
    int year = ds->config.years[ds->config.nyears - 1];
    const pc_equity_tables *t = &r->equity;
    char a[PC_TEXT_GROUPED_SIZE + 1], b[PC_TEXT_GROUPED_SIZE + 1], c[PC_TEXT_GROUPED_SIZE + 1],
        e[PC_TEXT_GROUPED_SIZE + 1], m1[48], m2[48], day[11];
    printf("\nOutstanding Equity Awards at Fiscal Year-End %d\n", year);
    print_padded("Name", 20);
    print_padded("Award", 24);
    printf(" %11s %11s %11s %8s %10s %11s %12s %11s %12s\n", "Exercisable", "Unexercis.",
           "Unearned", "Price", "Expires", "Stock unv.", "Value ($)", "Unearned", "Value ($)");
    for (size_t i = 0; i < t->oea.count; i++) {
        const pc_oea_row *o = &t->oea.items[i];
        if (o->year != year)
            continue;
        print_padded(ds->people.items[o->person].name, 20);
        print_padded(ds->awards.items[o->award].id, 24);
        bool option = o->expiration_date != PC_DATE_NONE;
        char price[32] = "-";
        if (option)
            pc_micro_format(o->exercise_price_micro, 2, price, sizeof price);
        printf(" %11s %11s %11s %8s %10s %11s %12s %11s %12s\n",
               shares_text(o->options_exercisable, a), shares_text(o->options_unexercisable, b),
               shares_text(o->options_unearned, c), price,
               option ? pc_date_format(o->expiration_date, day) : "-",
               shares_text(o->stock_unvested, e), dollars_text(o->stock_unvested_value, m1),
               shares_text(o->stock_unearned, a), dollars_text(o->stock_unearned_value, m2));
    }
    printf("\nOption Exercises and Stock Vested %d\n", year);
    print_padded("Name", 20);
    printf(" %11s %14s %11s %14s\n", "Exercised", "Realized ($)", "Vested", "Realized ($)");
    /* One row per executive, as the proxy's table and the workbook show it
     * (each award's figures are in report.json). */
    size_t at = 0;
    while (at < t->oesv.count) {
        if (t->oesv.items[at].year != year) {
            at++;
            continue;
        }
        pc_oesv_row o;
        if (pc_equity_oesv_person(t, &at, year, &o) != PC_OK)
            break; /* a total past the money type: the files hold each award's figures */
        print_padded(ds->people.items[o.person].name, 20);
        printf(" %11s %14s %11s %14s\n", shares_text(o.options_exercised, a),
               dollars_text(o.exercise_value, m1), shares_text(o.stock_vested, b),
               dollars_text(o.vesting_value, m2));
    }
    if (ds->config.smaller_reporting_company)
        return;
    printf("\nGrants of Plan-Based Awards %d\n", year);
    print_padded("Name", 20);
    print_padded("Award", 24);
    printf(" %10s %11s %11s %11s %11s %11s %8s %14s\n", "Granted", "Threshold", "Target", "Maximum",
           "Stock", "Options", "Price", "Fair value ($)");
    for (size_t i = 0; i < t->gpba.count; i++) {
        const pc_gpba_row *g = &t->gpba.items[i];
        if (g->year != year)
            continue;
        print_padded(ds->people.items[g->person].name, 20);
        print_padded(ds->awards.items[g->award].id, 24);
        char price[32] = "-";
        if (ds->awards.items[g->award].type != PC_AWARD_STOCK)
            pc_micro_format(g->exercise_price_micro, 2, price, sizeof price);
        printf(" %10s %11s %11s %11s %11s %11s %8s %14s\n", pc_date_format(g->grant_date, day),
               shares_text(g->threshold_shares, a), shares_text(g->target_shares, b),
               shares_text(g->maximum_shares, c), shares_text(g->other_stock_shares, e),
               shares_text(g->other_option_shares, a), price,
               dollars_text(g->grant_date_fair_value, m1));
    }
}

static void print_pvp(const pc_dataset *ds, const pc_report *r)
{
    int d = ds->config.cap_decimals;
    bool src = ds->config.smaller_reporting_company;
    printf("\nPay versus Performance (USD)\n");
    printf("%-6s %-24s %14s %16s %14s %16s %8s", "Year", "PEO", "SCT total", "CAP", "Avg SCT total",
           "Avg CAP", "TSR");
    if (!src)
        printf(" %8s", "Peer TSR");
    printf(" %16s", "Net income");
    if (!src && ds->config.company_selected_measure)
        printf(" %s", ds->config.company_selected_measure);
    putchar('\n');
    for (size_t i = r->pvp.count; i-- > 0;) { /* newest first, as a proxy prints it */
        const pc_pvp_row *row = &r->pvp.items[i];
        size_t lines = row->npeo > 0 ? row->npeo : 1;
        for (size_t k = 0; k < lines; k++) {
            char a[48], b[48], c[48], e[48], f[48], g[48];
            printf("%-6d ", row->year);
            if (row->npeo > 0) {
                print_padded(ds->people.items[row->peo[k].person].name, 24);
                printf(" %14s %16s", money(row->peo[k].sct_total, 0, a),
                       money(row->peo[k].cap, d, b));
            } else {
                print_padded("(none)", 24);
                printf(" %14s %16s", "", "");
            }
            if (k == 0 && row->has_average)
                printf(" %14s %16s", money(row->avg_sct_total, d, c), money(row->avg_cap, d, e));
            else
                printf(" %14s %16s", "-", "-");
            printf(" %8s", k == 0 && r->tsr.computed ? money(row->tsr, 2, f) : "");
            if (!src)
                printf(" %8s", k == 0 && row->has_peer_tsr ? money(row->peer_tsr, 2, g) : "");
            printf(" %16s", k == 0 && row->has_net_income ? money(row->net_income, 0, a) : "");
            if (!src && ds->config.company_selected_measure && k == 0 && row->has_csm) {
                /* With separators, like the money beside it; a measure with
                 * more than 2 decimals (a ratio) is shown as given. */
                char m[48];
                if (row->csm_micro % 10000 == 0)
                    money(row->csm_micro / 10000, row->csm_micro % 1000000 ? 2 : 0, m);
                else
                    pc_micro_format(row->csm_micro, 0, m, sizeof m);
                printf(" %s", m);
            }
            putchar('\n');
        }
    }
}

/* The Director Compensation table (Item 402(k); 402(r) for a smaller
 * reporting company) of the last covered year, after the PvP table as the
 * proxy prints it, and the awards each director held at the year end. */
static void print_directors(const pc_dataset *ds, const pc_report *r)
{
    if (r->directors.count == 0)
        return;
    static const char *heads[] = {"Fees (cash)",  "Stock",     "Option", "Non-equity",
                                  "Pension/NQDC", "All other", "Total"};
    printf("\nDirector Compensation %d (USD)\n", r->directors.items[0].year);
    print_padded("Name", 24);
    for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
        printf(" %12s", c == PC_DCT_PENSION_NQDC && ds->config.smaller_reporting_company
                            ? "NQDC"
                            : heads[c]);
    printf(" %14s %14s\n", "Stock held", "Options held");
    for (size_t i = 0; i < r->directors.count; i++) {
        const pc_director_row *d = &r->directors.items[i];
        char buf[48], a[PC_TEXT_GROUPED_SIZE + 1], b[PC_TEXT_GROUPED_SIZE + 1];
        print_padded(ds->people.items[d->person].name, 24);
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            printf(" %12s", dollars_text(d->column[c], buf));
        printf(" %14s %14s\n", shares_text(d->stock_outstanding, a),
               shares_text(d->options_outstanding, b));
    }
}

/* Where the two reports go: --json and --xlsx as given, the rest in the
 * output folder (made when missing). Prints why when it cannot. */
static int report_paths(const char *out, const char *json, const char *xlsx, const char *name,
                        char **json_path, char **xlsx_path)
{
    *json_path = NULL;
    *xlsx_path = NULL;
    char *outdir = out ? pc_strdup(out) : pc_text_format("reports/%s", name);
    if (!outdir)
        return PC_EXIT_WRITE;
    int rc = PC_EXIT_OK;
    /* A folder whose report paths would be longer than a path may be is
     * refused before any of it is created (it left 2,048 nested folders). */
    size_t room = strlen(outdir) + sizeof "/report.xlsx";
    if ((!json || !xlsx) && room > PATH_MAX) {
        fprintf(stderr,
                "paycalc: error: the output folder's name has %zu characters; with "
                "/report.xlsx a path may have at most %d\n",
                strlen(outdir), PATH_MAX - 1);
        rc = PC_EXIT_WRITE;
    } else if ((!json || !xlsx) && pc_cli_make_dirs(outdir) != 0) {
        fprintf(stderr, "paycalc: %s: error: cannot create the output folder: %s\n", outdir,
                strerror(errno));
        rc = PC_EXIT_WRITE;
    } else {
        *json_path = json ? pc_strdup(json) : pc_text_format("%s/report.json", outdir);
        *xlsx_path = xlsx ? pc_strdup(xlsx) : pc_text_format("%s/report.xlsx", outdir);
        if (!*json_path || !*xlsx_path)
            rc = PC_EXIT_WRITE;
    }
    free(outdir);
    return rc;
}

/* Where the Inline XBRL section goes (SPEC section 15): --ixbrl DIR as
 * given (without trailing slashes), else the folder ixbrl/ beside
 * report.json, whether that is in --out or where --json puts it. */
static char *ixbrl_folder(const char *ixbrl, const char *json_path)
{
    if (ixbrl) {
        size_t n = strlen(ixbrl);
        while (n > 1 && ixbrl[n - 1] == '/')
            n--;
        return pc_text_format("%.*s", (int)n, ixbrl);
    }
    const char *slash = strrchr(json_path, '/');
    if (!slash)
        return pc_strdup("ixbrl");
    return pc_text_format("%.*sixbrl", (int)(slash - json_path + 1), json_path);
}

/* Reads and computes, and compares with last year's figures when `prior`
 * is not NULL; prints problems. Returns an exit status. */
static int load_and_compute(const char *dir, const char *prior, bool any_company, pc_dataset *ds,
                            pc_report *report, bool quiet)
{
    pc_diags diags;
    pc_diags_init(&diags);
    pc_status st = pc_compute(dir, ds, report, &diags);
    if (st == PC_OK && diags.errors == 0 && prior)
        st = pc_compute_restated(prior, ds, report, true, any_company, &diags);
    pc_cli_print_diags(&diags, !quiet);
    size_t errors = diags.errors;
    pc_diags_fini(&diags);
    if (st == PC_ERR_NOMEM) {
        fprintf(stderr, "paycalc: out of memory\n");
        return PC_EXIT_INPUT;
    }
    if (st != PC_OK || errors > 0) {
        /* Every failure should have said why; if one ever does not, the
         * status itself is better than "0 errors". */
        if (errors == 0)
            fprintf(stderr, "paycalc: %s: error: %s\n", dir, pc_status_message(st));
        fprintf(stderr, "paycalc: %zu error%s in %s; nothing was written\n", errors ? errors : 1,
                errors == 1 || errors == 0 ? "" : "s", dir);
        return PC_EXIT_INPUT;
    }
    return PC_EXIT_OK;
}

static int cmd_run(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL, *json = NULL, *xlsx = NULL, *prior = NULL;
    const char *ixbrl = NULL;
    bool quiet = false, any_company = false;
    pc_labels labels = PC_LABELS_EN;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strcmp(a, "--prior-any-company")) {
            any_company = true;
        } else if (!strcmp(a, "--labels")) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            if (!pc_labels_parse(argv[++i], &labels))
                return usage_error("--labels '%s': use en, zh-Hant or zh-Hans", argv[i]);
        } else if (!strcmp(a, "--ixbrl")) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            ixbrl = argv[++i];
        } else if (!strcmp(a, "--out") || !strcmp(a, "--json") || !strcmp(a, "--xlsx") ||
                   !strcmp(a, "--prior")) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            const char **slot = a[2] == 'o'   ? &out
                                : a[2] == 'j' ? &json
                                : a[2] == 'x' ? &xlsx
                                              : &prior;
            *slot = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s' for run", a);
        } else if (!dir) {
            dir = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    if (!dir)
        return usage_error("%s", "run needs an INPUT_DIR");
    if (out && !*out)
        return usage_error("%s", "--out needs a folder name (it was empty)");
    if (ixbrl && !*ixbrl)
        return usage_error("%s", "--ixbrl needs a folder name (it was empty)");
    if ((json && !*json) || (xlsx && !*xlsx))
        return usage_error("%s", "--json and --xlsx need a file name (one was empty)");
    if (json && xlsx && !strcmp(json, xlsx))
        return usage_error("--json and --xlsx name the same file '%s'; each report needs its own",
                           json);

    pc_dataset ds;
    pc_report report;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    int rc = load_and_compute(dir, prior, any_company, &ds, &report, quiet);
    if (rc != PC_EXIT_OK)
        goto done;
    ds.config.labels = labels;

    char *json_path, *xlsx_path;
    rc = report_paths(out, json, xlsx, ds.name, &json_path, &xlsx_path);
    if (rc == PC_EXIT_OK) {
        /* The reports first (SPEC section 14): a reader of standard output
         * that goes away must not cost them. */
        pc_diags diags;
        pc_diags_init(&diags);
        char *ixbrl_path = ixbrl_folder(ixbrl, json_path);
        pc_status st =
            ixbrl_path ? pc_write_report_set(&ds, &report, json_path, xlsx_path, ixbrl_path, &diags)
                       : PC_ERR_NOMEM;
        free(ixbrl_path);
        pc_cli_print_diags(&diags, !quiet);
        pc_diags_fini(&diags);
        rc = st == PC_OK ? PC_EXIT_OK : st == PC_ERR_USAGE ? PC_EXIT_USAGE : PC_EXIT_WRITE;
    }
    if (rc == PC_EXIT_OK && !quiet) {
        print_sct(&ds, &report);
        print_equity(&ds, &report);
        print_pvp(&ds, &report);
        print_directors(&ds, &report);
        char *ixbrl_path = ixbrl_folder(ixbrl, json_path);
        printf("\nReports written: %s, %s and the Inline XBRL section in %s/\n", json_path,
               xlsx_path, ixbrl_path ? ixbrl_path : "ixbrl");
        free(ixbrl_path);
        if (!ds.config.cik[0])
            printf("The section names the entity 0000000000: add \"cik\" to paycalc.json before "
                   "it is filed\n");
        size_t n = report.warnings.count;
        if (n)
            printf("%zu warning%s (on standard error above, and in report.json)\n", n,
                   n == 1 ? "" : "s");
    }
    free(json_path);
    free(xlsx_path);
done:
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    if (argc != 1 || argv[0][0] == '-')
        return usage_error("%s", "check takes exactly one INPUT_DIR");
    pc_dataset ds;
    pc_report report;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags diags;
    pc_diags_init(&diags);
    /* Computing finds what reading cannot: a missing rate or price. */
    pc_status st = pc_compute(argv[0], &ds, &report, &diags);
    /* The count is of the warnings shown, one per award and cause. */
    size_t warnings = pc_cli_print_diags(&diags, true);
    int rc = PC_EXIT_OK;
    if (st != PC_OK || diags.errors > 0) {
        fprintf(stderr, "paycalc: %zu error%s, %zu warning%s in %s\n", diags.errors,
                diags.errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", argv[0]);
        rc = PC_EXIT_INPUT;
    } else {
        printf("%s: no errors, %zu warning%s\n", argv[0], warnings, warnings == 1 ? "" : "s");
    }
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    return rc;
}

/* The checks of `verify` into report->checks: with an input set, the
 * published figures (its reported.csv, or `reported`) against the
 * computation and each other; with `reported` alone, the internal checks;
 * then, with `prior`, this year's figures against last year's (the
 * computed ones when there is an input set, else the published ones). */
static pc_status verify_checks(const char *dir, const char *reported, const char *prior,
                               bool any_company, pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    pc_status st;
    if (dir) {
        st = pc_read_input_set(dir, ds, diags);
        if (st == PC_OK && reported) {
            /* A published table from elsewhere replaces the set's own. */
            for (size_t i = 0; i < ds->reported.count; i++) {
                free(ds->reported.items[i].subject);
                free(ds->reported.items[i].item);
            }
            ds->reported.count = 0;
            st = pc_read_reported_file(reported, ds, diags);
        }
        if (st == PC_OK)
            st = pc_compute_dataset(ds, report, diags);
        if (st == PC_OK && ds->reported.count == 0 && !prior) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_REPORTED), 0, 0, "missing_file",
                     "verify needs the published figures: reported.csv is missing or empty "
                     "(or last year's figures: --prior FILE)");
            st = PC_ERR_INPUT;
        }
    } else {
        st = pc_read_reported_file(reported, ds, diags);
        if (st == PC_OK)
            st = pc_verify_internal(ds, &report->checks);
        if (st == PC_OK)
            st = pc_verify_relate(&report->checks);
    }
    if (st == PC_OK && diags->errors == 0 && prior)
        st = pc_compute_restated(prior, ds, report, dir != NULL, any_company, diags);
    return st;
}

/* ---- verify --ixbrl (SPEC section 15) ---- */

/* The first error of a file that could not be read, for its summary line. */
static const char *first_error(const pc_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == PC_SEVERITY_ERROR)
            return diags->items[i].message;
    return "unreadable";
}

static const char *figure(int64_t micro, char *buf, size_t size)
{
    return pc_micro_format(micro, 0, buf, size);
}

/* The tagged facts behind the findings, one line each. */
static void print_tagged_findings(const pc_checks *checks, const char *indent)
{
    for (size_t i = 0; i < checks->findings.count; i++) {
        const pc_finding *f = &checks->findings.items[i];
        char pub[64], exp[64];
        printf("%s%s %s %d %s %s: tagged %s, expected %s", indent, f->check,
               pc_check_severity_name(f->severity), f->year, f->subject, f->item,
               figure(f->published_micro, pub, sizeof pub),
               figure(f->expected_micro, exp, sizeof exp));
        if (f->concept)
            printf("; %s, context %s, shown \"%s\"", f->concept[0] ? f->concept : "(no tag)",
                   f->context && f->context[0] ? f->context : "(none)",
                   f->displayed ? f->displayed : "");
        if (f->line)
            printf(" (line %d)", f->line);
        putchar('\n');
    }
}

/* Reads, builds and checks one filing. Returns PC_EXIT_INPUT when it could
 * not be read, else PC_EXIT_VERIFY_FAILED or PC_EXIT_OK; appends its JSON
 * line to `jsonl` when not NULL. */
static int verify_one_filing(const char *file, pc_dataset *ds, const pc_report *report,
                             bool detailed, bool strict, bool verbose, pc_buf *jsonl)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    pc_checks checks;
    pc_diags diags;
    pc_dataset standalone;
    pc_ixbrl_doc_init(&doc);
    pc_ixbrl_tables_init(&t);
    pc_checks_init(&checks);
    pc_diags_init(&diags);
    pc_dataset_init(&standalone);
    int rc = PC_EXIT_OK;
    char *line = NULL;
    pc_status st = pc_ixbrl_read_file(file, &doc, &diags);
    if (st == PC_OK)
        st = pc_ixbrl_build(&doc, report ? ds : NULL, &t);
    if (st == PC_OK)
        st = pc_verify_ixbrl(&doc, &t, report ? ds : &standalone, report, &checks);
    if (st != PC_OK) {
        pc_cli_print_diags(&diags, true);
        const char *why = st == PC_ERR_NOMEM ? "out of memory" : first_error(&diags);
        printf("%s: cannot be read: %s\n", file, why);
        if (jsonl)
            line = pc_checks_json_line(NULL, file, NULL, 0, why);
        rc = PC_EXIT_INPUT;
    } else {
        size_t errors = 0, rounding = 0;
        for (size_t i = 0; i < checks.findings.count; i++)
            *(checks.findings.items[i].severity == PC_CHECK_ERROR ? &errors : &rounding) += 1;
        if (detailed) {
            char *table = pc_verify_format(&checks, report ? ds : NULL, verbose);
            if (table) {
                fputs(table, stdout);
                free(table);
            }
            if (t.measures.count) {
                printf("\nTabular list of the most important measures (Item 402(v)(6))\n");
                for (size_t k = 0; k < t.measures.count; k++)
                    printf("  %zu. %s\n", k + 1, t.measures.items[k]);
            }
            if (checks.findings.count) {
                printf("\nTagged facts of the findings\n");
                print_tagged_findings(&checks, "  ");
            }
            putchar('\n');
        }
        printf("%s: %s%s", file, t.company ? t.company : "company not tagged",
               t.document ? ", " : "");
        if (t.document)
            printf("%s", t.document);
        if (t.fiscal_year)
            printf(", fiscal %d", t.fiscal_year);
        printf(": %zu checked, %zu error%s, %zu rounding\n", checks.checked, errors,
               errors == 1 ? "" : "s", rounding);
        if (!detailed)
            print_tagged_findings(&checks, "    ");
        if (jsonl)
            line = pc_checks_json_line(&checks, file, t.company, t.fiscal_year, NULL);
        rc = pc_verify_failed(&checks, strict) ? PC_EXIT_VERIFY_FAILED : PC_EXIT_OK;
    }
    if (jsonl && (!line || !pc_buf_puts(jsonl, line) || !pc_buf_puts(jsonl, "\n")))
        jsonl->failed = true;
    free(line);
    pc_dataset_fini(&standalone);
    pc_diags_fini(&diags);
    pc_checks_fini(&checks);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
    return rc;
}

/* verify --ixbrl FILE.htm [FILE2.htm ...] [INPUT_DIR] [--json FILE]
 * [--strict]: one summary line per filing (with a single filing, the full
 * table first); exit 3 when any filing could not be read, else 1 when any
 * failed, else 0. */
static int cmd_verify_ixbrl(int argc, char **argv)
{
    const char *dir = NULL, *json = NULL;
    bool strict = false, verbose = false;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return PC_EXIT_WRITE;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        struct stat sb;
        if (!strcmp(a, "--ixbrl")) {
            continue;
        } else if (!strcmp(a, "--strict")) {
            strict = true;
        } else if (!strcmp(a, "--verbose")) {
            verbose = true;
        } else if (!strcmp(a, "--json")) {
            if (i + 1 >= argc) {
                free(files);
                return usage_error("%s needs a value", a);
            }
            json = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return usage_error("option '%s' does not go with verify --ixbrl", a);
        } else if (stat(a, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            if (dir) {
                free(files);
                return usage_error("verify --ixbrl takes one INPUT_DIR ('%s' and '%s' given)", dir,
                                   a);
            }
            dir = a;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!nfiles) {
        free(files);
        return usage_error("%s", "verify --ixbrl needs at least one FILE.htm");
    }
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    int rc = PC_EXIT_OK;
    if (dir) {
        pc_status st = pc_compute(dir, &ds, &report, &diags);
        pc_cli_print_diags(&diags, true);
        if (st != PC_OK || diags.errors > 0) {
            fprintf(stderr, "paycalc: the input has errors; nothing was verified\n");
            rc = PC_EXIT_INPUT;
        }
    }
    pc_buf jsonl = {0};
    bool unreadable = false, failed = false;
    for (size_t i = 0; i < nfiles && rc == PC_EXIT_OK; i++) {
        if (nfiles > 1 && i == 0)
            fflush(stdout);
        int one = verify_one_filing(files[i], &ds, dir ? &report : NULL, nfiles == 1, strict,
                                    verbose, json ? &jsonl : NULL);
        unreadable |= one == PC_EXIT_INPUT;
        failed |= one == PC_EXIT_VERIFY_FAILED;
    }
    if (rc == PC_EXIT_OK && json) {
        pc_diags wd;
        pc_diags_init(&wd);
        if (jsonl.failed || pc_write_file_atomic(json, jsonl.len ? pc_buf_text(&jsonl) : "",
                                                 jsonl.len, &wd) != PC_OK)
            rc = PC_EXIT_WRITE;
        pc_cli_print_diags(&wd, true);
        pc_diags_fini(&wd);
    }
    if (rc == PC_EXIT_OK)
        rc = unreadable ? PC_EXIT_INPUT : failed ? PC_EXIT_VERIFY_FAILED : PC_EXIT_OK;
    if (nfiles > 1 && rc != PC_EXIT_WRITE && rc != PC_EXIT_OK)
        fprintf(stderr, "paycalc: %zu filing%s verified%s%s\n", nfiles, nfiles == 1 ? "" : "s",
                unreadable ? "; some could not be read" : "", failed ? "; some have findings" : "");
    pc_buf_fini(&jsonl);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    free(files);
    return rc;
}

static int cmd_verify(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (!strcmp(argv[i], "--ixbrl"))
            return cmd_verify_ixbrl(argc, argv);
    const char *dir = NULL, *reported = NULL, *json = NULL, *prior = NULL;
    bool strict = false, any_company = false, verbose = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--strict")) {
            strict = true;
        } else if (!strcmp(a, "--prior-any-company")) {
            any_company = true;
        } else if (!strcmp(a, "--verbose")) {
            verbose = true;
        } else if (!strcmp(a, "--reported") || !strcmp(a, "--json") || !strcmp(a, "--prior")) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            const char **slot = a[2] == 'r' ? &reported : a[2] == 'j' ? &json : &prior;
            *slot = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s' for verify", a);
        } else if (!dir) {
            dir = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    if (!dir && !reported)
        return usage_error("%s", "verify needs an INPUT_DIR or --reported FILE");

    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    int rc = PC_EXIT_OK;
    pc_status st = verify_checks(dir, reported, prior, any_company, &ds, &report, &diags);
    const pc_checks *checks = &report.checks;
    pc_cli_print_diags(&diags, true);
    if (st != PC_OK || diags.errors > 0) {
        fprintf(stderr, "paycalc: the input has errors; nothing was verified\n");
        rc = PC_EXIT_INPUT;
        goto done;
    }
    if (json) { /* the findings file first, then the table (SPEC section 14) */
        pc_diags wd;
        pc_diags_init(&wd);
        if (pc_write_checks_json(checks, json, &wd) != PC_OK)
            rc = PC_EXIT_WRITE;
        pc_cli_print_diags(&wd, true);
        pc_diags_fini(&wd);
        if (rc)
            goto done;
    }
    char *table = pc_verify_format(checks, &ds, verbose);
    if (table) {
        fputs(table, stdout);
        free(table);
    }
    rc = pc_verify_failed(checks, strict) ? PC_EXIT_VERIFY_FAILED : PC_EXIT_OK;
done:
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    return rc;
}

static int cmd_init(int argc, char **argv)
{
    if (argc != 1 || argv[0][0] == '-')
        return usage_error("%s", "init takes exactly one DIR");
    if (!argv[0][0])
        return usage_error("%s", "init needs a folder name (it was empty)");
    pc_diags diags;
    pc_diags_init(&diags);
    pc_status st = pc_write_starter(argv[0], &diags);
    pc_cli_print_diags(&diags, true);
    pc_diags_fini(&diags);
    if (st == PC_ERR_NOMEM) {
        fprintf(stderr, "paycalc: out of memory\n");
        return PC_EXIT_WRITE;
    }
    if (st != PC_OK)
        return PC_EXIT_WRITE;
    printf("A new input set is in %s: replace the example rows with the company's own "
           "(README.txt there says what each file holds), then run\n"
           "  paycalc check %s\n",
           argv[0], argv[0]);
    return PC_EXIT_OK;
}

/* An input of `value option`, read by the rules of the input files (SPEC
 * section 2, one parser for both): prices and the term as decimals of at
 * most 6 places, volatility, rate and yield as fractions ("0.3" or "30%"),
 * where a value above 5 without "%" is refused as a likely percentage.
 * Only the risk-free rate may be negative. On failure `why` says why. */
static bool parse_value_input(int k, const char *text, double *out, char *why, size_t size)
{
    int64_t micro = 0;
    pc_status st;
    switch (k) {
    case 2: /* --vol */
    case 4: /* --dividend-yield */
        st = pc_parse_fraction(text, 5 * PC_MICRO, 0, &micro, why, size);
        break;
    case 3: /* --rate */
        st = pc_parse_fraction(text, 5 * PC_MICRO, 1, &micro, why, size);
        break;
    default: /* --price, --strike, --term */
        st = pc_parse_decimal(text, 6, 6, &micro, why, size);
        if (st == PC_OK && micro < 0) {
            snprintf(why, size, "must not be negative");
            st = PC_ERR_RANGE;
        }
        break;
    }
    *out = pc_micro_to_double(micro);
    return st == PC_OK;
}

static int cmd_value(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "option") != 0)
        return usage_error("%s", "value needs 'option' and its inputs");
    static const char *names[] = {"--price", "--strike",         "--vol",
                                  "--rate",  "--dividend-yield", "--term"};
    double v[6];
    bool seen[6] = {false};
    /* Options come in pairs: a name, then its value. */
    for (int i = 1; i < argc; i += 2) {
        int k = -1;
        for (int n = 0; n < 6; n++)
            if (!strcmp(argv[i], names[n]))
                k = n;
        if (k < 0)
            return usage_error("unknown option '%s' for value option", argv[i]);
        if (i + 1 >= argc)
            return usage_error("%s needs a value", argv[i]);
        char why[200] = "";
        if (!parse_value_input(k, argv[i + 1], &v[k], why, sizeof why))
            return usage_error("%s: invalid value '%s': %s", argv[i], argv[i + 1], why);
        seen[k] = true;
    }
    for (int n = 0; n < 6; n++)
        if (!seen[n])
            return usage_error("value option needs %s", names[n]);
    pc_bsm_inputs in = {v[0], v[1], v[2], v[3], v[4], v[5]};
    pc_bsm_result r = pc_bsm_call(&in);
    if (!isfinite(r.value) || !isfinite(r.d1) || !isfinite(r.d2))
        return usage_error("these inputs give no finite value (a rate, yield or volatility far "
                           "outside any market: rate %g, dividend yield %g, volatility %g)",
                           in.rate, in.yield, in.volatility);
    printf("%.12g\n", r.value);
    printf("d1: %.12g\n", r.d1);
    printf("d2: %.12g\n", r.d2);
    printf("N(d1): %.12g\n", r.nd1);
    printf("N(d2): %.12g\n", r.nd2);
    printf("price (S): %.12g\n", in.spot);
    printf("exercise price (K): %.12g\n", in.strike);
    printf("volatility (sigma): %.12g\n", in.volatility);
    printf("risk-free rate (r): %.12g\n", in.rate);
    printf("dividend yield (q): %.12g\n", in.yield);
    printf("term in years (T): %.12g\n", in.term);
    return PC_EXIT_OK;
}

static int run_command(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "a command is required");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version")) {
        printf("paycalc %s\n", PAYCALC_VERSION);
        return PC_EXIT_OK;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(pc_cli_usage(), stdout);
        fputs(help_text, stdout);
        return PC_EXIT_OK;
    }
    if (!strcmp(cmd, "run"))
        return cmd_run(argc - 2, argv + 2);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 2, argv + 2);
    if (!strcmp(cmd, "verify"))
        return cmd_verify(argc - 2, argv + 2);
    if (!strcmp(cmd, "value"))
        return cmd_value(argc - 2, argv + 2);
    if (!strcmp(cmd, "init"))
        return cmd_init(argc - 2, argv + 2);
    if (!strcmp(cmd, "scenarios"))
        return pc_cli_scenarios(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}

/* Standard output that could not be written (a full disk, a reader that
 * went away: SIGPIPE is ignored by the program) is a failed output, exit 4;
 * the reports were written before anything was printed. */
int pc_cli_main(int argc, char **argv)
{
    int rc = run_command(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "paycalc: error: could not write to standard output: %s\n",
                strerror(errno));
        if (rc == PC_EXIT_OK || rc == PC_EXIT_VERIFY_FAILED)
            rc = PC_EXIT_WRITE;
    }
    return rc;
}
