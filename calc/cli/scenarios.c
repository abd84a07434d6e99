/*
 * `paycalc scenarios`: compensation actually paid of the last covered year
 * at hypothetical year-end prices (scenarios.h), printed as a table and
 * written to scenarios.json and scenarios.xlsx.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli_scenarios.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "paycalc/cli.h"
#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/scenarios.h"
#include "paycalc/text.h"
#include "paycalc/write.h"

static int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("paycalc: scenarios: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    fputs(pc_cli_usage(), stderr);
    return PC_EXIT_USAGE;
}

/* A comma-separated list of prices (prices.csv's rules: at most 6
 * decimals, positive) or of changes ("-30%" or "-0.3", above -100%).
 * Returns 0 or an exit status after saying why. */
static int parse_list(const char *option, const char *text, bool changes, int64_t **values,
                      size_t *count)
{
    *values = NULL;
    *count = 0;
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ',';
    if (n > PC_SCENARIOS_MAX)
        return usage("%s: at most %d scenarios (%zu given)", option, PC_SCENARIOS_MAX, n);
    int64_t *v = calloc(n, sizeof *v);
    char *copy = pc_strdup(text);
    if (!v || !copy) {
        free(v);
        free(copy);
        fprintf(stderr, "paycalc: out of memory\n");
        return PC_EXIT_INPUT;
    }
    int rc = 0;
    size_t k = 0;
    char *item = copy;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        char why[160] = "";
        pc_status st;
        if (changes) {
            st = pc_parse_fraction(item, 0, 1, &v[k], why, sizeof why);
            if (st == PC_OK && v[k] <= -PC_MICRO) {
                snprintf(why, sizeof why, "a change must be above -100%%");
                st = PC_ERR_RANGE;
            }
        } else {
            st = pc_parse_price(item, &v[k], why, sizeof why);
            if (st == PC_OK && v[k] <= 0) {
                snprintf(why, sizeof why, "a price must be positive");
                st = PC_ERR_RANGE;
            }
        }
        if (st != PC_OK)
            rc = usage("%s: '%s': %s", option, item, why[0] ? why : "not a number");
        k++;
        if (comma)
            item = comma + 1;
    }
    free(copy);
    if (rc) {
        free(v);
        return rc;
    }
    *values = v;
    *count = k;
    return 0;
}

static const char *dollars(int64_t cents, int decimals, char *buf)
{
    return pc_money_format_display(cents, decimals, buf, 48);
}

static const char *price_text(int64_t micro, char *buf)
{
    return pc_micro_format(micro, 2, buf, 48);
}

static void print_padded(const char *s, int width)
{
    fputs(s, stdout);
    for (size_t w = pc_text_width(s); w < (size_t)width; w++)
        putchar(' ');
}

static void print_table(const pc_dataset *ds, const pc_scenario_report *r)
{
    int d = ds->config.cap_decimals;
    char a[48], b[48], c[48];
    printf("Price scenarios: compensation actually paid for fiscal %d (year end %s)\n", r->year,
           pc_date_format(r->year_end, a));
    printf("Real prices to %s (close %s)", pc_date_format(r->as_of, a),
           price_text(r->as_of_close_micro, b));
    if (r->has_actual)
        printf("; the real year-end close %s is marked \"actual\"",
               price_text(r->actual_close_micro, c));
    printf("\n\n");
    print_padded("Year-end price", 16);
    if (r->by_change)
        printf(" %8s", "Change");
    const pc_pvp_row *first = &r->items[0].pvp;
    for (size_t k = 0; k < first->npeo; k++) {
        char *head = pc_text_format("CAP %s", ds->people.items[first->peo[k].person].name);
        putchar(' ');
        size_t w = head ? pc_text_width(head) : 0;
        for (; w < 18; w++)
            putchar(' ');
        fputs(head ? head : "CAP", stdout);
        free(head);
    }
    printf(" %18s %9s", "Avg NEO CAP", "TSR");
    bool market = false;
    for (size_t i = 0; i < r->count; i++)
        market |= r->items[i].nmarket > 0;
    if (market)
        printf(" %18s", "Market awards");
    putchar('\n');
    for (size_t i = 0; i < r->count; i++) {
        const pc_scenario *s = &r->items[i];
        char price[64];
        snprintf(price, sizeof price, "%s%s", price_text(s->price_micro, a),
                 s->actual ? " actual" : "");
        print_padded(price, 16);
        if (r->by_change)
            printf(" %7.2f%%", (double)r->change_micro[i] / 1e4);
        for (size_t k = 0; k < s->pvp.npeo; k++)
            printf(" %18s", dollars(s->pvp.peo[k].cap, d, a));
        printf(" %18s %9s", s->pvp.has_average ? dollars(s->pvp.avg_cap, d, b) : "-",
               dollars(s->pvp.tsr, 2, c));
        if (market) {
            int64_t total = 0;
            for (size_t m = 0; m < s->nmarket; m++)
                total += s->market[m].value;
            printf(" %18s", dollars(total, 0, a));
        }
        putchar('\n');
    }
    putchar('\n');
    for (size_t k = 0; k < r->npeo; k++) {
        const pc_break_even *be = &r->peo[k];
        const char *name = ds->people.items[be->person].name;
        printf("%s: CAP equals the SCT total of %s at a year-end price of ", name,
               dollars(be->sct_total, 0, a));
        if (be->has_sct_price)
            printf("%s", price_text(be->sct_price_micro, b));
        else
            printf("none between %s and %s", price_text(r->search_low_micro, b),
                   price_text(r->search_high_micro, c));
        printf("; CAP is zero at ");
        if (be->has_zero_price)
            printf("%s\n", price_text(be->zero_price_micro, b));
        else
            printf("none between %s and %s\n", price_text(r->search_low_micro, b),
                   price_text(r->search_high_micro, c));
    }
}

/* scenarios.json and scenarios.xlsx into `out` (default reports/<name of
 * the input set>/), before anything is printed, as `run` does. */
static int write_files(const pc_dataset *ds, const pc_scenario_report *r, const char *out)
{
    char *dir = out ? pc_strdup(out) : pc_text_format("reports/%s", ds->name);
    char *json = dir ? pc_text_format("%s/scenarios.json", dir) : NULL;
    char *xlsx = dir ? pc_text_format("%s/scenarios.xlsx", dir) : NULL;
    int rc = PC_EXIT_OK;
    if (!json || !xlsx) {
        fprintf(stderr, "paycalc: out of memory\n");
        rc = PC_EXIT_WRITE;
    } else if (pc_cli_make_dirs(dir) != 0) {
        fprintf(stderr, "paycalc: %s: error: cannot create the output folder: %s\n", dir,
                strerror(errno));
        rc = PC_EXIT_WRITE;
    } else {
        pc_diags diags;
        pc_diags_init(&diags);
        pc_status st = pc_write_scenarios(ds, r, json, xlsx, &diags);
        pc_cli_print_diags(&diags, true);
        pc_diags_fini(&diags);
        rc = st == PC_OK ? PC_EXIT_OK : PC_EXIT_WRITE;
    }
    free(dir);
    free(json);
    free(xlsx);
    return rc;
}

int pc_cli_scenarios(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL, *list = NULL, *list_option = NULL;
    pc_scenario_options opt = pc_scenario_options_default();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool takes_value = !strcmp(a, "--year-end-price") || !strcmp(a, "--price-change") ||
                           !strcmp(a, "--as-of") || !strcmp(a, "--vol") || !strcmp(a, "--rate") ||
                           !strcmp(a, "--peer-change") || !strcmp(a, "--out");
        if (takes_value && i + 1 >= argc)
            return usage("%s needs a value", a);
        char why[160] = "";
        if (!strcmp(a, "--year-end-price") || !strcmp(a, "--price-change")) {
            if (list)
                return usage("give one of --year-end-price and --price-change, once");
            list_option = a;
            list = argv[++i];
        } else if (!strcmp(a, "--as-of")) {
            if (pc_parse_date(argv[++i], &opt.as_of, why, sizeof why))
                return usage("--as-of '%s': %s", argv[i], why);
        } else if (!strcmp(a, "--vol")) {
            opt.has_volatility = true;
            if (pc_parse_fraction(argv[++i], 5 * PC_MICRO, 0, &opt.volatility_micro, why,
                                  sizeof why))
                return usage("--vol '%s': %s", argv[i], why);
        } else if (!strcmp(a, "--rate")) {
            opt.has_rate = true;
            if (pc_parse_fraction(argv[++i], 5 * PC_MICRO, 1, &opt.rate_micro, why, sizeof why))
                return usage("--rate '%s': %s", argv[i], why);
        } else if (!strcmp(a, "--peer-change")) {
            opt.has_peer_change = true;
            if (pc_parse_fraction(argv[++i], 0, 1, &opt.peer_change_micro, why, sizeof why))
                return usage("--peer-change '%s': %s", argv[i], why);
            if (opt.peer_change_micro <= -PC_MICRO)
                return usage("--peer-change '%s': a change must be above -100%%", argv[i]);
        } else if (!strcmp(a, "--out")) {
            out = argv[++i];
            if (!*out)
                return usage("--out needs a folder name (it was empty)");
        } else if (a[0] == '-' && a[1]) {
            return usage("unknown option '%s'", a);
        } else if (!dir) {
            dir = a;
        } else {
            return usage("unexpected argument '%s'", a);
        }
    }
    if (!dir)
        return usage("an INPUT_DIR is required");
    if (!list)
        return usage("give the year-end prices (--year-end-price 8,10,12) or changes "
                     "(--price-change -30%%,0%%,30%%)");
    bool changes = !strcmp(list_option, "--price-change");
    int64_t *values = NULL;
    size_t count = 0;
    int rc = parse_list(list_option, list, changes, &values, &count);
    if (rc)
        return rc;

    pc_dataset ds;
    pc_diags diags;
    pc_scenario_report report = {0};
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    pc_status st = pc_read_input_set(dir, &ds, &diags);
    if (st == PC_OK && diags.errors == 0)
        st = pc_scenario_report_compute(&ds, &opt, values, count, changes, &report, &diags);
    pc_cli_print_diags(&diags, false);
    if (st == PC_ERR_USAGE) {
        fputs(pc_cli_usage(), stderr);
        rc = PC_EXIT_USAGE;
    } else if (st == PC_ERR_NOMEM) {
        fprintf(stderr, "paycalc: out of memory\n");
        rc = PC_EXIT_INPUT;
    } else if (st != PC_OK || diags.errors > 0) {
        size_t errors = diags.errors;
        if (errors == 0)
            fprintf(stderr, "paycalc: %s: error: %s\n", dir, pc_status_message(st));
        fprintf(stderr, "paycalc: %zu error%s in %s; nothing was written\n", errors ? errors : 1,
                errors <= 1 ? "" : "s", dir);
        rc = PC_EXIT_INPUT;
    }
    if (rc == PC_EXIT_OK)
        rc = write_files(&ds, &report, out);
    if (rc == PC_EXIT_OK)
        print_table(&ds, &report);
    pc_scenario_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
    free(values);
    return rc;
}
