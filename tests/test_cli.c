/*
 * The program end to end (SPEC section 1): the CBAK Energy reference case,
 * exit statuses, messages, and outputs that are deterministic and atomic;
 * `verify` against the findings inputs/cbak-fy2022/tools/check.py derives
 * on its own; reader warnings carried into report.json.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"

static json_t *load_json(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    cr_assert_not_null(root, "%s: %s", path, err.text);
    return root;
}

static json_t *find(json_t *array, const char *key1, const char *val1, const char *key2,
                    json_int_t val2)
{
    size_t i;
    json_t *o;
    json_array_foreach(array, i, o)
    {
        const char *s = json_string_value(json_object_get(o, key1));
        if (s && strcmp(s, val1) == 0 && json_integer_value(json_object_get(o, key2)) == val2)
            return o;
    }
    cr_assert_fail("no %s=%s %s=%lld", key1, val1, key2, (long long)val2);
    return NULL;
}

static double num(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_number(v), "%s is not a number", key);
    return json_number_value(v);
}

static char *run_cbak(const char *outdir)
{
    const char *args[] = {"run", CBAK, "--out", outdir, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "Summary Compensation Table") != NULL);
    cr_assert(strstr(r.out, "Pay versus Performance") != NULL);
    cr_assert(strstr(r.out, "李雲飛") != NULL);
    char *path = malloc(strlen(outdir) + 16);
    sprintf(path, "%s/report.json", outdir);
    run_result_free(&r);
    return path;
}

/* The proxy's SCT: salary, stock awards, option awards (SPEC 6; proxy p. 18). */
Test(cli, cbak_summary_compensation_table_matches_the_proxy)
{
    char *dir = make_temp_dir();
    char *path = run_cbak(dir);
    json_t *root = load_json(path);
    json_t *sct = json_object_get(root, "summary_compensation_table");
    cr_assert_eq(json_array_size(sct), 4);
    struct {
        const char *id;
        int year;
        double salary, stock, option, total;
    } rows[] = {
        {"li-yunfei", 2021, 120107, 120001, 53450, 293558},
        {"li-yunfei", 2022, 117658, 60000, 0, 177658},
        {"pei-xiangyu", 2021, 74979, 54000, 40087, 169066},
        {"pei-xiangyu", 2022, 88556, 27000, 0, 115556},
    };
    for (size_t i = 0; i < 4; i++) {
        json_t *row = find(sct, "person_id", rows[i].id, "year", rows[i].year);
        cr_assert_eq(num(row, "salary"), rows[i].salary, "%s %d", rows[i].id, rows[i].year);
        cr_assert_eq(num(row, "stock_awards"), rows[i].stock);
        cr_assert_eq(num(row, "option_awards"), rows[i].option);
        cr_assert_eq(num(row, "bonus"), 0);
        /* The table foots: the proxy's own 2021 total for Li is 293,557. */
        cr_assert_eq(num(row, "total"), rows[i].total);
    }
    json_t *pei = find(sct, "person_id", "pei-xiangyu", "year", 2022);
    cr_assert_str_eq(json_string_value(json_object_get(pei, "position")), "Former interim CFO");
    cr_assert_str_eq(json_string_value(json_object_get(pei, "name")), "裴翔宇");

    json_t *rates = json_object_get(root, "exchange_rates");
    cr_assert_eq(json_array_size(rates), 2);
    json_t *r21 = find(rates, "currency", "CNY", "fiscal_year", 2021);
    json_t *r22 = find(rates, "currency", "CNY", "fiscal_year", 2022);
    cr_assert_eq(num(r21, "per_usd"), 6.4525);
    cr_assert_eq(num(r22, "per_usd"), 6.7264);
    cr_assert_str_eq(json_string_value(json_object_get(r22, "method")), "annual_average");
    json_decref(root);
    free(path);
    remove_dir(dir);
    free(dir);
}

Test(cli, cbak_pay_versus_performance_follows_the_rules)
{
    char *dir = make_temp_dir();
    char *path = run_cbak(dir);
    json_t *root = load_json(path);
    json_t *pvp = json_object_get(root, "pay_versus_performance");
    cr_assert_eq(json_array_size(pvp), 2);
    json_t *y21 = json_array_get(pvp, 0), *y22 = json_array_get(pvp, 1);
    cr_assert_eq(num(y21, "year"), 2021);
    /* TSR from the 2020-12-31 base, as the proxy prints it. */
    cr_assert_eq(num(y21, "tsr"), 30.83);
    cr_assert_eq(num(y22, "tsr"), 19.57);
    cr_assert_eq(num(y21, "net_income"), 61559144);
    cr_assert_eq(num(y22, "net_income"), -11327811);
    cr_assert(json_is_null(json_object_get(y22, "peer_group_tsr")), "an SRC shows no peer TSR");
    json_t *peo = json_array_get(json_object_get(y21, "peo"), 0);
    cr_assert_eq(num(peo, "sct_total"), 293558);
    /* The line the proxy gets right (312,000 = 200,000 options at $1.56),
     * and CAP under the rules (inputs/cbak-fy2022/README.md). */
    json_t *cap = json_object_get(root, "cap_reconciliation");
    json_t *li21 = find(cap, "subject", "li-yunfei", "year", 2021);
    cr_assert_eq(num(li21, "less_equity_awards"), -173451);
    cr_assert_eq(num(li21, "fye_fv_granted_in_year"), 312000);
    cr_assert_eq(num(li21, "cap"), 552108.28);
    cr_assert_eq(num(peo, "cap"), 552108.28);
    json_t *avg21 = find(cap, "subject", "non_peo_neo_average", "year", 2021);
    cr_assert_eq(num(avg21, "fye_fv_granted_in_year"), 234000);
    cr_assert_eq(num(avg21, "cap"), 362979.01);
    json_t *li22 = find(cap, "subject", "li-yunfei", "year", 2022);
    cr_assert_eq(num(li22, "cap"), -8046.50);
    json_t *avg = json_object_get(y22, "non_peo_neo_average");
    cr_assert_eq(num(avg, "count"), 1);
    cr_assert_eq(num(avg, "cap"), -23722.19);
    json_t *tsr = json_object_get(root, "tsr");
    cr_assert_str_eq(json_string_value(json_object_get(tsr, "base_date")), "2020-12-31");
    json_decref(root);
    free(path);
    remove_dir(dir);
    free(dir);
}

Test(cli, reruns_give_identical_bytes)
{
    char *a = make_temp_dir(), *b = make_temp_dir();
    free(run_cbak(a));
    free(run_cbak(b));
    const char *names[] = {"report.json", "report.xlsx"};
    for (int i = 0; i < 2; i++) {
        char pa[512], pb[512];
        snprintf(pa, sizeof pa, "%s/%s", a, names[i]);
        snprintf(pb, sizeof pb, "%s/%s", b, names[i]);
        size_t na, nb;
        char *ta = read_file(pa, &na), *tb = read_file(pb, &nb);
        cr_assert_not_null(ta, "%s missing", pa);
        cr_assert_eq(na, nb, "%s differs in size", names[i]);
        cr_assert(memcmp(ta, tb, na) == 0, "%s differs", names[i]);
        free(ta);
        free(tb);
    }
    remove_dir(a);
    remove_dir(b);
    free(a);
    free(b);
}

Test(cli, check_accepts_the_reference_case)
{
    const char *args[] = {"check", CBAK, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "no errors") != NULL);
    run_result_free(&r);
}

Test(cli, input_errors_exit_3_name_the_cell_and_write_nothing)
{
    char *in = make_temp_dir(), *out = make_temp_dir();
    cr_assert_eq(copy_dir(CBAK, in), 0);
    char cash[512], report[512];
    snprintf(cash, sizeof cash, "%s/cash.csv", in);
    char *text = read_file(cash, NULL);
    /* A letter O for a zero in the first amount (line 2, column 4). */
    char *first = strstr(text, "64583.00");
    cr_assert_not_null(first);
    memcpy(first, "64583.O0", 8);
    cr_assert_eq(write_text(cash, text), 0);
    free(text);
    snprintf(report, sizeof report, "%s/report.json", out);
    cr_assert_eq(write_text(report, "earlier\n"), 0);

    const char *args[] = {"run", in, "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(strstr(r.err, "cash.csv:2:4: error: amount:") != NULL, "%s", r.err);
    cr_assert(strstr(r.err, "'64583.O0'") != NULL, "%s", r.err);
    char *kept = read_file(report, NULL);
    cr_assert_str_eq(kept, "earlier\n");
    free(kept);
    cr_assert_eq(count_entries(out), 1, "nothing else written");
    run_result_free(&r);

    const char *check[] = {"check", in, NULL};
    r = run_paycalc(check);
    cr_assert_eq(r.status, 3);
    cr_assert(strstr(r.err, "cash.csv:2:4: error:") != NULL, "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* An absurd risk-free rate (-90000%) makes Black-Scholes give no number:
 * the error names the assumptions.csv row and its rate column, not the
 * tranche's vesting.csv row, and says nothing of "nan". */
Test(cli, absurd_assumptions_are_blamed_on_their_row)
{
    char *in = make_temp_dir();
    cr_assert_eq(copy_dir(SOURCE_DIR "/tests/data/golden-nonsrc", in), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/assumptions.csv", in);
    char *text = read_file(path, NULL);
    char *row = strstr(text, "2021-09-01,31%,0.0110,");
    cr_assert_not_null(row);
    const char *edited = "2021-09-01,31%,-90000%,";
    size_t old = strlen("2021-09-01,31%,0.0110,"), add = strlen(edited);
    size_t n = strlen(text);
    char *out = malloc(n + add + 1);
    size_t head = (size_t)(row - text);
    memcpy(out, text, head);
    memcpy(out + head, edited, add);
    strcpy(out + head + add, row + old);
    cr_assert_eq(write_text(path, out), 0);
    free(out);
    free(text);

    const char *args[] = {"check", in, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(strstr(r.err, "assumptions.csv:3:3: error: risk_free_rate: the assumptions of "
                            "2021-09-01") != NULL,
              "%s", r.err);
    cr_assert_null(strstr(r.err, "vesting.csv"), "%s", r.err);
    cr_assert_null(strstr(r.err, "nan"), "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
}

Test(cli, unwritable_output_exits_4_and_keeps_earlier_reports)
{
    char *dir = make_temp_dir();
    char file[512], out[600];
    snprintf(file, sizeof file, "%s/plain-file", dir);
    cr_assert_eq(write_text(file, "x"), 0);
    /* An output folder below a regular file cannot be created. */
    snprintf(out, sizeof out, "%s/plain-file/reports", dir);
    const char *args[] = {"run", CBAK, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 4, "%s", r.err);
    run_result_free(&r);
    /* An explicit --json target that is a folder: the rename fails. */
    char json[600], xlsx[600];
    snprintf(json, sizeof json, "%s", dir);
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", dir);
    cr_assert_eq(write_text(xlsx, "earlier"), 0);
    const char *args2[] = {"run", CBAK, "--json", json, "--xlsx", xlsx, "--quiet", NULL};
    r = run_paycalc(args2);
    cr_assert_eq(r.status, 4, "%s", r.err);
    run_result_free(&r);
    cr_assert_eq(count_entries(dir), 2, "no temporary files left behind");
    remove_dir(dir);
    free(dir);
}

Test(cli, usage_errors_exit_2)
{
    const char *none[] = {NULL};
    const char *unknown[] = {"frobnicate", NULL};
    const char *bad_opt[] = {"run", CBAK, "--colour", NULL};
    const char *no_dir[] = {"check", NULL};
    const char *const *cases[] = {none, unknown, bad_opt, no_dir};
    for (size_t i = 0; i < 4; i++) {
        run_result r = run_paycalc(cases[i]);
        cr_assert_eq(r.status, 2, "case %zu", i);
        cr_assert(strstr(r.err, "usage:") != NULL);
        run_result_free(&r);
    }
}

Test(cli, help_and_version_go_to_standard_output)
{
    const char *help[] = {"--help", NULL};
    run_result r = run_paycalc(help);
    cr_assert_eq(r.status, 0);
    cr_assert(strstr(r.out, "paycalc run INPUT_DIR") != NULL);
    run_result_free(&r);
    const char *version[] = {"--version", NULL};
    r = run_paycalc(version);
    cr_assert_eq(r.status, 0);
    cr_assert(strncmp(r.out, "paycalc ", 8) == 0);
    run_result_free(&r);
}

Test(cli, value_option_prints_the_value_first_for_a_hand_check)
{
    /* Hull, Options, Futures, and Other Derivatives: S=42, K=40, r=10%,
     * sigma=20%, T=0.5 gives a call of 4.76. */
    const char *args[] = {"value",  "option", "--price", "42",  "--strike",         "40",
                          "--vol",  "0.2",    "--rate",  "10%", "--dividend-yield", "0",
                          "--term", "0.5",    NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    double v = strtod(r.out, NULL);
    cr_assert_float_eq(v, 4.759422, 1e-6);
    char *nl = strchr(r.out, '\n');
    cr_assert_not_null(nl);
    cr_assert_geq(nl - r.out, 11, "at least 10 significant digits: %s", r.out);
    cr_assert(strstr(r.out, "d1: ") && strstr(r.out, "N(d2): ") && strstr(r.out, "term"));
    run_result_free(&r);
    const char *missing[] = {"value", "option", "--price", "42", NULL};
    r = run_paycalc(missing);
    cr_assert_eq(r.status, 2);
    run_result_free(&r);
}

Test(cli, value_option_refuses_inputs_that_give_no_finite_value)
{
    /* A rate of -1e300 once printed "-nan" with exit 0; it is refused as
     * the input files refuse it, and a value that is not finite would be. */
    const char *args[] = {"value",  "option", "--price", "42",     "--strike",         "40",
                          "--vol",  "0.2",    "--rate",  "-1e300", "--dividend-yield", "0",
                          "--term", "0.5",    NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 2, "%s%s", r.out, r.err);
    cr_assert_null(strstr(r.out, "nan"), "%s", r.out);
    cr_assert_str_eq(r.out, "");
    run_result_free(&r);
}

/* The proxy's Outstanding Equity Awards at FYE 2022 (Item 402(p)): 40,000
 * and 30,000 exercisable at $1.96 expiring 2027-09-26, 120,000 unearned for
 * Li Yunfei; the ledger gives Pei Xiangyu 90,000 where the proxy prints 9,000. */
Test(cli, cbak_outstanding_equity_awards_match_the_proxy)
{
    char *dir = make_temp_dir();
    char *path = run_cbak(dir);
    json_t *root = load_json(path);
    json_t *oea = json_object_get(root, "outstanding_equity_awards");
    struct {
        const char *id;
        double exercisable, unearned;
    } rows[] = {{"li-yunfei", 40000, 120000}, {"pei-xiangyu", 30000, 90000}};
    size_t in_2022 = 0;
    for (size_t i = 0; i < json_array_size(oea); i++)
        in_2022 += json_integer_value(json_object_get(json_array_get(oea, i), "year")) == 2022;
    cr_assert_eq(in_2022, 2);
    for (size_t i = 0; i < 2; i++) {
        json_t *row = find(oea, "person_id", rows[i].id, "year", 2022);
        cr_assert_eq(num(row, "options_exercisable"), rows[i].exercisable, "%s", rows[i].id);
        cr_assert_eq(num(row, "options_unexercisable"), 0);
        cr_assert_eq(num(row, "options_unearned"), rows[i].unearned);
        cr_assert_eq(num(row, "exercise_price"), 1.96);
        cr_assert_str_eq(json_string_value(json_object_get(row, "expiration_date")), "2027-09-26");
        cr_assert_eq(num(row, "stock_unvested"), 0);
        cr_assert_eq(num(row, "stock_unearned"), 0);
    }
    /* A smaller reporting company has no Grants of Plan-Based Awards. */
    cr_assert_eq(json_array_size(json_object_get(root, "plan_based_awards")), 0);
    json_decref(root);
    free(path);
    remove_dir(dir);
    free(dir);
}

/* value option reads its inputs by the rules of the input files (SPEC
 * section 2): 50 for a volatility is refused as a likely percentage, 50%
 * is 0.5, a negative strike is refused, a negative rate is not. */
Test(cli, value_option_reads_fractions_and_percentages_like_the_input_files)
{
    const char *fifty[] = {"value",  "option", "--price", "42",  "--strike",         "40",
                           "--vol",  "50",     "--rate",  "10%", "--dividend-yield", "0",
                           "--term", "0.5",    NULL};
    run_result r = run_paycalc(fifty);
    cr_assert_eq(r.status, 2, "%s", r.out);
    cr_assert(strstr(r.err, "--vol: invalid value '50'") && strstr(r.err, "50%"), "%s", r.err);
    cr_assert_str_eq(r.out, "");
    run_result_free(&r);

    const char *percent[] = {"value",  "option", "--price", "42",  "--strike",         "40",
                             "--vol",  "50%",    "--rate",  "0.1", "--dividend-yield", "0%",
                             "--term", "0.5",    NULL};
    const char *fraction[] = {"value",  "option", "--price", "42",  "--strike",         "40",
                              "--vol",  "0.5",    "--rate",  "10%", "--dividend-yield", "0",
                              "--term", "0.5",    NULL};
    run_result a = run_paycalc(percent), b = run_paycalc(fraction);
    cr_assert_eq(a.status, 0, "%s", a.err);
    cr_assert_eq(b.status, 0, "%s", b.err);
    cr_assert_str_eq(a.out, b.out);
    cr_assert(strstr(a.out, "volatility (sigma): 0.5\n"), "%s", a.out);
    run_result_free(&a);
    run_result_free(&b);

    const char *negative[] = {"value",  "option", "--price", "42",  "--strike",         "-40",
                              "--vol",  "0.2",    "--rate",  "-1%", "--dividend-yield", "0",
                              "--term", "0.5",    NULL};
    r = run_paycalc(negative);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--strike: invalid value '-40': must not be negative"), "%s", r.err);
    run_result_free(&r);
    negative[5] = "40";
    r = run_paycalc(negative);
    cr_assert_eq(r.status, 0, "a negative rate is allowed: %s", r.err);
    run_result_free(&r);
}

/* The option loop reads name-value pairs in any order; a name without its
 * value, or a value where a name belongs, is a usage error that says so. */
Test(cli, value_option_reads_its_inputs_as_pairs_in_any_order)
{
    const char *shuffled[] = {"value",    "option", "--term",  "0.5",   "--dividend-yield",
                              "0",        "--rate", "10%",     "--vol", "0.2",
                              "--strike", "40",     "--price", "42",    NULL};
    run_result r = run_paycalc(shuffled);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_float_eq(strtod(r.out, NULL), 4.759422, 1e-6);
    run_result_free(&r);

    const char *no_value[] = {"value", "option", "--price", "42", "--term", NULL};
    r = run_paycalc(no_value);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--term needs a value") != NULL, "%s", r.err);
    run_result_free(&r);

    const char *stray[] = {"value", "option", "--price", "42", "40", "--strike", NULL};
    r = run_paycalc(stray);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "unknown option '40'") != NULL, "%s", r.err);
    run_result_free(&r);
}

/* Each usage error says what was wrong, in words, and exits 2. */
Test(cli, usage_errors_say_what_was_wrong)
{
    struct {
        const char *args[16];
        const char *says;
    } cases[] = {
        {{"run", CBAK, "--out", NULL}, "--out needs a value"},
        {{"run", CBAK, CBAK, NULL}, "unexpected argument"},
        {{"run", NULL}, "run needs an INPUT_DIR"},
        {{"verify", CBAK, "--loose", NULL}, "unknown option '--loose' for verify"},
        {{"verify", CBAK, "--json", NULL}, "--json needs a value"},
        {{"verify", NULL}, "verify needs an INPUT_DIR or --reported FILE"},
        {{"verify", CBAK, CBAK, NULL}, "unexpected argument"},
        {{"value", NULL}, "value needs 'option' and its inputs"},
        {{"value", "option", "--price", "42", NULL}, "value option needs --strike"},
        {{"value", "option", "--price", "4x2", NULL}, "--price: invalid value '4x2': not a number"},
        {{"value", "option", "--price", "-1", "--strike", "40", "--vol", "0.2", "--rate", "0.1",
          "--dividend-yield", "0", "--term", "1"},
         "must not be negative"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result r = run_paycalc(cases[i].args);
        cr_assert_eq(r.status, 2, "case %zu: %s", i, r.err);
        cr_assert(strstr(r.err, cases[i].says) != NULL, "case %zu: no '%s' in: %s", i,
                  cases[i].says, r.err);
        run_result_free(&r);
    }
}

/* verify of a set without published figures is an input error naming the
 * file; findings that cannot be written exit 4. */
Test(cli, verify_without_published_figures_or_with_an_unwritable_json_fails_plainly)
{
    char *in = make_temp_dir();
    cr_assert_eq(copy_dir(CBAK, in), 0);
    char reported[512];
    snprintf(reported, sizeof reported, "%s/reported.csv", in);
    cr_assert_eq(unlink(reported), 0);
    const char *args[] = {"verify", in, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(strstr(r.err, "reported.csv is missing or empty") != NULL, "%s", r.err);
    run_result_free(&r);

    const char *unwritable[] = {"verify", CBAK, "--json", "/nonexistent-folder/findings.json",
                                NULL};
    r = run_paycalc(unwritable);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "/nonexistent-folder/findings.json") != NULL, "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
}

/* ------------------------------------------------- verify, end to end */

#define CHECK_PY CBAK "/tools/check.py"

/* check.py's independent findings for the CBAK set (with `reported`, for
 * that published file instead of the set's own): its JSON, parsed. */
static json_t *oracle_findings(const char *reported)
{
    const char *args[] = {CHECK_PY, "--json", reported ? "--reported" : NULL, reported, NULL};
    run_result r = run_python(args);
    cr_assert_eq(r.status, 0, "check.py --json failed:\n%s", r.err);
    json_error_t err;
    json_t *root = json_loads(r.out, 0, &err);
    cr_assert_not_null(root, "check.py --json: %s", err.text);
    run_result_free(&r);
    json_t *findings = json_incref(json_object_get(root, "findings"));
    json_decref(root);
    cr_assert(json_is_array(findings));
    return findings;
}

/* A figure in cents: check.py writes decimal text, paycalc JSON numbers. */
static long long cents_of(json_t *v)
{
    double x = json_is_string(v) ? strtod(json_string_value(v), NULL) : json_number_value(v);
    cr_assert(json_is_string(v) || json_is_number(v));
    return llround(x * 100);
}

/* One finding as comparable text: every field, the figures in cents. */
static char *finding_key(json_t *f)
{
    char *key = NULL;
    size_t size = 0;
    FILE *s = open_memstream(&key, &size);
    fprintf(s, "%s|%s|%s|%lld|%s|%s", json_string_value(json_object_get(f, "check")),
            json_string_value(json_object_get(f, "severity")),
            json_string_value(json_object_get(f, "table")),
            (long long)json_integer_value(json_object_get(f, "year")),
            json_string_value(json_object_get(f, "subject")),
            json_string_value(json_object_get(f, "item")));
    const char *figures[] = {"published", "expected", "difference"};
    for (int i = 0; i < 3; i++)
        fprintf(s, "|%lld", cents_of(json_object_get(f, figures[i])));
    fclose(s);
    return key;
}

static int compare_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The two lists hold the same findings, in any order. */
static void assert_same_findings(json_t *got, json_t *want)
{
    size_t n = json_array_size(want);
    cr_assert_eq(json_array_size(got), n, "paycalc lists %zu findings, check.py %zu",
                 json_array_size(got), n);
    char **a = calloc(n + 1, sizeof *a), **b = calloc(n + 1, sizeof *b);
    for (size_t i = 0; i < n; i++) {
        a[i] = finding_key(json_array_get(got, i));
        b[i] = finding_key(json_array_get(want, i));
    }
    qsort(a, n, sizeof *a, compare_text);
    qsort(b, n, sizeof *b, compare_text);
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(a[i], b[i], "paycalc and check.py differ");
        free(a[i]);
        free(b[i]);
    }
    free(a);
    free(b);
}

static size_t count_severity(json_t *findings, const char *severity)
{
    size_t i, n = 0;
    json_t *f;
    json_array_foreach(findings, i, f) n +=
        strcmp(json_string_value(json_object_get(f, "severity")), severity) == 0;
    return n;
}

Test(cli, verify_cbak_exits_1_with_the_findings_check_py_derives_in_its_json)
{
    require_python_module("json");
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/findings.json", dir);
    const char *args[] = {"verify", CBAK, "--json", path, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 1, "the proxy's CAP figures differ beyond rounding: %s", r.err);
    json_t *root = load_json(path);
    json_t *want = oracle_findings(NULL);
    cr_assert_gt(json_array_size(want), 20);
    assert_same_findings(json_object_get(root, "findings"), want);
    json_t *summary = json_object_get(root, "summary");
    cr_assert_eq(json_integer_value(json_object_get(summary, "errors")),
                 (json_int_t)count_severity(want, "error"));
    cr_assert_eq(json_integer_value(json_object_get(summary, "rounding")),
                 (json_int_t)count_severity(want, "rounding"));
    json_decref(want);
    json_decref(root);
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
}

Test(cli, run_prints_the_equity_tables_after_the_sct_unless_quiet)
{
    char *dir = make_temp_dir();
    const char *args[] = {"run", CBAK, "--out", dir, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    const char *sct = strstr(r.out, "Summary Compensation Table");
    const char *oea = strstr(r.out, "Outstanding Equity Awards at Fiscal Year-End 2022");
    const char *oesv = strstr(r.out, "Option Exercises and Stock Vested 2022");
    const char *pvp = strstr(r.out, "Pay versus Performance");
    cr_assert(sct && oea && oesv && pvp && sct < oea && oea < oesv && oesv < pvp, "%s", r.out);
    cr_assert_null(strstr(r.out, "Grants of Plan-Based Awards"));
    const char *li = strstr(oea, "li-option-2021-11-29");
    cr_assert_not_null(li);
    cr_assert(strstr(li, "40,000") && strstr(li, "120,000") && strstr(li, "2027-09-26"));
    const char *pei = strstr(oea, "pei-option-2021-11-29");
    cr_assert(pei && strstr(pei, "30,000") && strstr(pei, "90,000"));
    /* 2022's quarterly stock grants vested on their grant dates, $15,000
     * each: one row per executive, as the proxy's table, with the four
     * vestings summed (14,151 + 9,804 + 11,194 + 13,055 shares). */
    cr_assert_null(strstr(oesv, "li-stock-2022q4"), "%s", oesv);
    const char *li_row = strstr(oesv, "\xE6\x9D\x8E\xE9\x9B\xB2\xE9\xA3\x9B"); /* 李雲飛 */
    cr_assert(li_row && li_row < pvp, "%s", oesv);
    cr_assert(strstr(li_row, "48,204") && strstr(li_row, "60,000") &&
                  strstr(li_row, "48,204") < strchr(li_row, '\n'),
              "%s", oesv);
    const char *again = strstr(li_row + 1, "\xE6\x9D\x8E\xE9\x9B\xB2\xE9\xA3\x9B");
    cr_assert(!again || again > pvp, "a second row for the same executive: %s", oesv);
    run_result_free(&r);
    const char *quiet[] = {"run", CBAK, "--out", dir, "--quiet", NULL};
    r = run_paycalc(quiet);
    cr_assert_eq(r.status, 0);
    cr_assert_str_eq(r.out, "");
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
}

/* The figure as the printed table shows it: thousands separators, the
 * published number of decimals, negatives in parentheses. */
static void printed_figure(json_t *v, int places, char *buf, size_t size)
{
    long long c = cents_of(v);
    long long units = llabs(c) / 100, frac = llabs(c) % 100;
    char digits[32], grouped[48];
    int n = snprintf(digits, sizeof digits, "%lld", units), k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    char body[64];
    if (places == 2)
        snprintf(body, sizeof body, "%s.%02lld", grouped, frac);
    else
        snprintf(body, sizeof body, "%s", grouped);
    snprintf(buf, size, c < 0 ? "(%s)" : "%s", body);
}

/* A line of `text` holding every word of `words`, in that order. */
static bool has_line_with(const char *text, const char *const *words)
{
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = strndup(line, len);
        const char *at = copy;
        bool all = true;
        for (size_t i = 0; words[i] && all; i++) {
            const char *hit = strstr(at, words[i]);
            all = hit != NULL;
            if (hit)
                at = hit + strlen(words[i]);
        }
        free(copy);
        if (all)
            return true;
        line = end ? end + 1 : NULL;
    }
    return false;
}

static const char *table_label(const char *table)
{
    static const char *const labels[][2] = {{"sct", "SCT"},
                                            {"cap", "CAP"},
                                            {"pvp", "PvP"},
                                            {"oea", "Outstanding awards"},
                                            {"oesv", "Exercises/vesting"},
                                            {"gpba", "Plan-based awards"}};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(table, labels[i][0]) == 0)
            return labels[i][1];
    cr_assert_fail("unknown table %s", table);
    return NULL;
}

Test(cli, verify_cbak_prints_every_finding_check_py_derives_and_a_summary)
{
    require_python_module("json");
    const char *args[] = {"verify", CBAK, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    json_t *want = oracle_findings(NULL);
    size_t i;
    json_t *f;
    json_array_foreach(want, i, f)
    {
        const char *published = json_string_value(json_object_get(f, "published"));
        const char *dot = strchr(published, '.');
        int places = dot ? (int)strlen(dot + 1) : 0;
        char year[16], pub[64], exp[64];
        snprintf(year, sizeof year, "%lld",
                 (long long)json_integer_value(json_object_get(f, "year")));
        printed_figure(json_object_get(f, "published"), places, pub, sizeof pub);
        printed_figure(json_object_get(f, "expected"), places, exp, sizeof exp);
        const char *words[] = {json_string_value(json_object_get(f, "check")),
                               json_string_value(json_object_get(f, "severity")),
                               year,
                               table_label(json_string_value(json_object_get(f, "table"))),
                               json_string_value(json_object_get(f, "name")),
                               json_string_value(json_object_get(f, "item")),
                               pub,
                               exp,
                               NULL};
        cr_assert(has_line_with(r.out, words), "no printed line for %s %s %s %s %s %s %s %s:\n%s",
                  words[0], words[1], words[2], words[3], words[4], words[5], pub, exp, r.out);
    }
    char summary[128];
    snprintf(summary, sizeof summary, ": %zu errors, %zu rounding differences",
             count_severity(want, "error"), count_severity(want, "rounding"));
    cr_assert(strstr(r.out, summary) != NULL, "no '%s' in:\n%s", summary, r.out);
    json_decref(want);
    run_result_free(&r);
}

/* Published figures that differ from the computed ones by rounding alone:
 * the CBAK proxy's 2021 SCT row of its PEO, whose total is a dollar short.
 * verify passes them; with --strict it fails on them. */
Test(cli, verify_strict_fails_on_rounding_differences_that_verify_alone_passes)
{
    require_python_module("json");
    char *dir = make_temp_dir();
    char reported[512], path[512];
    snprintf(reported, sizeof reported, "%s/published.csv", dir);
    snprintf(path, sizeof path, "%s/findings.json", dir);
    cr_assert_eq(write_text(reported, "table,year,subject,item,value\n"
                                      "sct,2021,li-yunfei,salary,\"120,107\"\n"
                                      "sct,2021,li-yunfei,stock_awards,\"120,001\"\n"
                                      "sct,2021,li-yunfei,option_awards,\"53,450\"\n"
                                      "sct,2021,li-yunfei,total,\"293,557\"\n"),
                 0);
    json_t *want = oracle_findings(reported);
    cr_assert_gt(json_array_size(want), 0);
    cr_assert_eq(count_severity(want, "error"), 0, "check.py sees more than rounding");

    const char *plain[] = {"verify", CBAK, "--reported", reported, "--json", path, NULL};
    run_result r = run_paycalc(plain);
    cr_assert_eq(r.status, 0, "rounding alone passes without --strict: %s%s", r.out, r.err);
    json_t *root = load_json(path);
    assert_same_findings(json_object_get(root, "findings"), want);
    json_decref(root);
    run_result_free(&r);

    const char *strict[] = {"verify", CBAK, "--reported", reported, "--strict", NULL};
    r = run_paycalc(strict);
    cr_assert_eq(r.status, 1, "--strict fails on rounding: %s%s", r.out, r.err);
    run_result_free(&r);
    json_decref(want);
    remove_dir(dir);
    free(dir);
}

/* A reader's warning (here an unknown column, perhaps a misspelt name) is
 * kept in report.json, naming the file and line, not only printed. */
Test(cli, reader_warnings_reach_report_json)
{
    char *in = make_temp_dir(), *out = make_temp_dir();
    cr_assert_eq(copy_dir(CBAK, in), 0);
    char people[512], report[512];
    snprintf(people, sizeof people, "%s/people.csv", in);
    char *text = read_file(people, NULL);
    char *eol = strchr(text, '\n');
    cr_assert_not_null(eol);
    size_t head = (size_t)(eol - text);
    char *edited = malloc(strlen(text) + 16);
    sprintf(edited, "%.*s,nickname%s", (int)head, text, eol);
    cr_assert_eq(write_text(people, edited), 0);
    free(edited);
    free(text);

    const char *args[] = {"run", in, "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.err, "nickname") != NULL, "the warning is printed: %s", r.err);
    snprintf(report, sizeof report, "%s/report.json", out);
    json_t *root = load_json(report);
    json_t *warnings = json_object_get(root, "warnings");
    size_t i, found = 0;
    json_t *w;
    json_array_foreach(warnings, i, w)
    {
        const char *code = json_string_value(json_object_get(w, "code"));
        const char *message = json_string_value(json_object_get(w, "message"));
        const char *source = json_string_value(json_object_get(w, "source"));
        if (code && strcmp(code, "unknown_column") == 0) {
            found++;
            cr_assert(message && strstr(message, "nickname") != NULL, "%s", message);
            cr_assert_str_eq(source, "people.csv:1");
        }
    }
    cr_assert_eq(found, 1, "one unknown_column warning in report.json");
    json_decref(root);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* ------------------------------------------- the default output folder */

static bool exists(const char *dir, const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    struct stat st;
    return stat(path, &st) == 0;
}

/* `run DIR` writes to reports/<the folder's own name>/ whatever the path
 * looks like: ".", "..", a trailing slash or a trailing "/." all name the
 * folder they stand for, never reports/ itself or the current folder. */
Test(cli, default_output_folder_is_named_after_the_input_folder_however_it_is_written)
{
    char *top = make_temp_dir();
    char set[1024], sub[1100];
    snprintf(set, sizeof set, "%s/acme-fy2022", top);
    snprintf(sub, sizeof sub, "%s/sub", set);
    cr_assert_eq(mkdir(set, 0755), 0);
    cr_assert_eq(copy_dir(CBAK, set), 0);
    cr_assert_eq(mkdir(sub, 0755), 0);

    struct {
        const char *cwd, *arg, *report; /* report: where it must land, from cwd */
    } cases[] = {
        {set, ".", "reports/acme-fy2022/report.json"},
        {sub, "..", "reports/acme-fy2022/report.json"},
        {top, "acme-fy2022/", "reports/acme-fy2022/report.json"},
        {top, "./acme-fy2022/.", "reports/acme-fy2022/report.json"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cr_assert_eq(chdir(cases[i].cwd), 0);
        const char *args[] = {"run", cases[i].arg, "--quiet", NULL};
        run_result r = run_paycalc(args);
        cr_assert_eq(r.status, 0, "run %s: %s", cases[i].arg, r.err);
        run_result_free(&r);
        cr_assert(exists(cases[i].cwd, cases[i].report), "run %s (in %s) wrote no %s", cases[i].arg,
                  cases[i].cwd, cases[i].report);
        cr_assert(!exists(cases[i].cwd, "reports/report.json"), "run %s wrote into reports/",
                  cases[i].arg);
        cr_assert(!exists(cases[i].cwd, "report.json"), "run %s wrote into the current folder",
                  cases[i].arg);
        char reports[4200];
        snprintf(reports, sizeof reports, "%s/reports", cases[i].cwd);
        remove_dir(reports);
    }
    cr_assert_eq(chdir("/"), 0);
    remove_dir(top);
    free(top);
}
