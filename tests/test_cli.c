/*
 * The program end to end (SPEC section 1): the CBAK Energy reference case,
 * exit statuses, messages, and outputs that are deterministic and atomic.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    /* A rate of -1e300 once printed "-nan" with exit 0. */
    const char *args[] = {"value",  "option", "--price", "42",     "--strike",         "40",
                          "--vol",  "0.2",    "--rate",  "-1e300", "--dividend-yield", "0",
                          "--term", "0.5",    NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 2, "%s%s", r.out, r.err);
    cr_assert_null(strstr(r.out, "nan"), "%s", r.out);
    cr_assert_not_null(strstr(r.err, "no finite value"), "%s", r.err);
    run_result_free(&r);
}
