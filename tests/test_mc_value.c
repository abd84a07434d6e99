/*
 * Market-condition awards valued from an input set (mc_value.c, SPEC section
 * 10), through the program on the reference set inputs/meridian-fy2024 and
 * variations of it: the same bytes on one and two threads, each simulation's
 * precision in report.json, the outcome after the performance end, a
 * supplied value winning, and missing peer prices as an error at the
 * condition's row.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "xlsx_xml.h"

#define SET SOURCE_DIR "/inputs/meridian-fy2024"

static const char *const CONFIG_HEAD =
    "{\"company\": {\"name\": \"Meridian Freight Systems, Inc.\", \"ticker\": \"MRDN\"},\n"
    " \"fiscal_year_end\": \"12-31\", \"years\": [2022, 2023, 2024],\n"
    " \"smaller_reporting_company\": false, \"cap_decimals\": 0,\n"
    " \"company_selected_measure\": \"Adjusted operating income\",\n";

/* A copy of the reference set with `monte_carlo` replaced. */
static char *copy_set(const char *monte_carlo)
{
    char *dir = make_temp_dir();
    cr_assert(dir);
    cr_assert_eq(copy_dir(SET, dir), 0);
    char path[4096], text[2048];
    snprintf(path, sizeof path, "%s/paycalc.json", dir);
    snprintf(text, sizeof text, "%s \"monte_carlo\": %s}\n", CONFIG_HEAD, monte_carlo);
    cr_assert_eq(write_text(path, text), 0);
    return dir;
}

static void put(const char *dir, const char *file, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    cr_assert_eq(write_text(path, text), 0);
}

/* Runs `paycalc run DIR` into DIR/out.json and DIR/out.xlsx. */
static run_result run_set(const char *dir)
{
    char json[4096], xlsx[4096];
    snprintf(json, sizeof json, "%s/out.json", dir);
    snprintf(xlsx, sizeof xlsx, "%s/out.xlsx", dir);
    const char *args[] = {"run", dir, "--json", json, "--xlsx", xlsx, "--quiet", NULL};
    return run_paycalc(args);
}

static json_t *report_of(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/out.json", dir);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    cr_assert(root, "report.json: %s", err.text);
    return root;
}

static char *file_in(const char *dir, const char *name, size_t *size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *data = read_file(path, size);
    cr_assert(data, "%s unreadable", path);
    return data;
}

/* The valuation of `award` on `date` for `purpose`, or NULL. */
static json_t *valuation(json_t *report, const char *award, const char *date, const char *purpose)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(report, "award_valuations"), i, v)
    {
        if (strcmp(json_string_value(json_object_get(v, "award_id")), award) == 0 &&
            strcmp(json_string_value(json_object_get(v, "date")), date) == 0 &&
            strcmp(json_string_value(json_object_get(v, "purpose")), purpose) == 0)
            return v;
    }
    return NULL;
}

static double number(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    cr_assert(json_is_number(v), "%s is not a number", key);
    return json_number_value(v);
}

Test(mc_value, reports_are_the_same_bytes_on_one_and_two_threads)
{
    char *one = copy_set("{\"paths\": 4000, \"seed\": 7, \"threads\": 1}");
    char *two = copy_set("{\"paths\": 4000, \"seed\": 7, \"threads\": 2}");
    run_result a = run_set(one), b = run_set(two);
    cr_assert_eq(a.status, 0, "%s", a.err);
    cr_assert_eq(b.status, 0, "%s", b.err);
    const char *names[] = {"out.json", "out.xlsx"};
    for (int k = 0; k < 2; k++) {
        size_t na, nb;
        char *x = file_in(one, names[k], &na), *y = file_in(two, names[k], &nb);
        cr_assert(na == nb && memcmp(x, y, na) == 0, "%s differs between 1 and 2 threads",
                  names[k]);
        free(x);
        free(y);
    }
    json_t *r = report_of(one);
    cr_assert_not_null(valuation(r, "HOLT-TSR-2022", "2022-12-31", "fye"));
    json_decref(r);
    run_result_free(&a);
    run_result_free(&b);
    remove_dir(one);
    remove_dir(two);
    free(one);
    free(two);
}

/* Every simulation records its paths, seed, standard error and interval;
 * the relative-TSR award after its period is the outcome from prices. */
Test(mc_value, report_json_records_each_simulation_and_the_outcome)
{
    char *dir = copy_set("{\"paths\": 10000, \"seed\": 11}");
    run_result res = run_set(dir);
    cr_assert_eq(res.status, 0, "%s", res.err);
    json_t *r = report_of(dir);
    size_t i, simulated = 0;
    json_t *v;
    json_array_foreach(json_object_get(r, "award_valuations"), i, v)
    {
        if (strcmp(json_string_value(json_object_get(v, "method")), "monte_carlo") != 0)
            continue;
        simulated++;
        json_t *in = json_object_get(v, "inputs");
        double per_share = number(v, "per_share"), se = number(in, "standard_error");
        cr_assert_eq(number(in, "paths"), 10000);
        cr_assert_eq(number(in, "seed"), 11);
        cr_assert(se > 0 && se < 0.02 * per_share, "standard error %g of %g", se, per_share);
        json_t *ci = json_object_get(in, "ci95");
        double lo = json_number_value(json_array_get(ci, 0));
        double hi = json_number_value(json_array_get(ci, 1));
        cr_assert(fabs(per_share - lo - 1.959964 * se) < 1e-6 &&
                  fabs(hi - per_share - 1.959964 * se) < 1e-6);
        cr_assert(json_array_size(json_object_get(in, "volatilities")) ==
                  json_array_size(json_object_get(in, "tickers")));
    }
    cr_assert_geq(simulated, 10);
    /* 16 peers: the rank is a multiple of 100/16, the payout the curve's. */
    json_t *out = valuation(r, "HOLT-TSR-2022", "2024-12-31", "fye");
    cr_assert_not_null(out);
    cr_assert_str_eq(json_string_value(json_object_get(out, "method")), "market_outcome");
    json_t *in = json_object_get(out, "inputs");
    double rank = number(in, "metric"), payout = number(in, "payout");
    cr_assert(fabs(rank / 6.25 - round(rank / 6.25)) < 1e-9, "rank %g", rank);
    double want = rank < 25   ? 0
                  : rank < 50 ? 0.5 + (rank - 25) / 50
                  : rank < 75 ? 1 + (rank - 50) / 25
                              : 2;
    double company_tsr = json_number_value(json_array_get(json_object_get(in, "tsr"), 0));
    if (company_tsr < 0) /* the negative-TSR cap of 100% */
        want = want > 1 ? 1 : want;
    cr_assert(fabs(payout - want) < 1e-9, "payout %g at rank %g", payout, rank);
    cr_assert(fabs(number(out, "per_share") - payout * number(in, "price")) < 1e-9);
    json_decref(r);
    run_result_free(&res);
    remove_dir(dir);
    free(dir);
}

Test(mc_value, a_supplied_fair_value_still_wins)
{
    char *dir = copy_set("{\"paths\": 2000}");
    put(dir, "fair_values.csv",
        "award_id,tranche,date,fv_per_share,note\nHOLT-TSR-2022,,2022-03-01,61.25,valuation "
        "firm\n");
    run_result res = run_set(dir);
    cr_assert_eq(res.status, 0, "%s", res.err);
    json_t *r = report_of(dir);
    json_t *v = valuation(r, "HOLT-TSR-2022", "2022-03-01", "grant");
    cr_assert_str_eq(json_string_value(json_object_get(v, "method")), "supplied");
    cr_assert(fabs(number(v, "per_share") - 61.25) < 1e-12);
    v = valuation(r, "HOLT-TSR-2022", "2022-12-31", "fye");
    cr_assert_str_eq(json_string_value(json_object_get(v, "method")), "monte_carlo");
    json_decref(r);
    run_result_free(&res);
    remove_dir(dir);
    free(dir);
}

Test(mc_value, a_peer_without_prices_is_an_error_at_the_condition)
{
    char *dir = copy_set("{\"paths\": 2000}");
    char *peers = file_in(dir, "peers.csv", NULL);
    char *more = malloc(strlen(peers) + 64);
    sprintf(more, "%stransport_peers,NOPX,1000000\n", peers);
    put(dir, "peers.csv", more);
    run_result res = run_set(dir);
    cr_assert_eq(res.status, 3, "status %d: %s", res.status, res.err);
    cr_assert(strstr(res.err, "market_conditions.csv:2:1: error: award HOLT-TSR-2022 tranche 1, "
                              "valued on 2022-03-01: no close of 'NOPX' on that day or in the 10 "
                              "days before it (peer_prices.csv)"),
              "%s", res.err);
    free(peers);
    free(more);
    run_result_free(&res);
    remove_dir(dir);
    free(dir);
}

/* market_assumptions.csv and correlations.csv replace the estimates (the
 * latest row on or before the date); correlations that no matrix can have
 * are repaired, with a warning at the condition's row. */
Test(mc_value, supplied_assumptions_and_correlations_are_used_and_repaired)
{
    char *dir = copy_set("{\"paths\": 2000}");
    put(dir, "market_assumptions.csv",
        "date,ticker,volatility,dividend_yield\n2021-01-04,MRDN,10%,0.5%\n"
        "2022-01-03,MRDN,41%,\n2030-01-01,MRDN,99%,\n");
    put(dir, "correlations.csv",
        "date,ticker_a,ticker_b,correlation\n2022-01-03,MRDN,ARCL,0.99\n"
        "2022-01-03,BRKT,MRDN,0.99\n2022-01-03,ARCL,BRKT,-0.99\n");
    run_result res = run_set(dir);
    cr_assert_eq(res.status, 0, "%s", res.err);
    json_t *r = report_of(dir);
    json_t *in = json_object_get(valuation(r, "HOLT-TSR-2022", "2022-03-01", "grant"), "inputs");
    /* One warning per award, naming the three dates it was simulated on. */
    json_t *ws = json_object_get(r, "warnings");
    cr_assert_eq(json_array_size(ws), 2);
    json_t *w = json_array_get(ws, 0);
    cr_assert_str_eq(json_string_value(json_object_get(w, "code")), "correlation_repaired");
    cr_assert_str_eq(json_string_value(json_object_get(w, "source")), "market_conditions.csv:2");
    const char *m = json_string_value(json_object_get(w, "message"));
    cr_assert(strstr(m, "award HOLT-TSR-2022: the correlations are not a valid correlation "
                        "matrix (not positive definite) on 2022-03-01 (tranche 1; largest "
                        "change ") == m,
              "%s", m);
    cr_assert(strstr(m, "), 2022-12-31 (tranche 1; ") && strstr(m, ") and 2023-12-31 (tranche 1; "),
              "%s", m);
    w = json_array_get(ws, 1);
    cr_assert_str_eq(json_string_value(json_object_get(w, "source")), "market_conditions.csv:5");
    cr_assert(fabs(json_number_value(json_array_get(json_object_get(in, "volatilities"), 0)) -
                   0.41) < 1e-12);
    /* The yield is estimated (the 2022 row leaves it blank). */
    cr_assert(json_number_value(json_array_get(json_object_get(in, "dividend_yields"), 0)) > 0.01);
    json_t *row0 = json_array_get(json_object_get(in, "correlations"), 0);
    double c01 = json_number_value(json_array_get(row0, 1));
    cr_assert(c01 > 0.5 && c01 < 0.99, "repaired correlation %g", c01);
    json_decref(r);
    run_result_free(&res);
    /* On standard error too: one line per award, and `check` counts them. */
    const char *check[] = {"check", dir, NULL};
    res = run_paycalc(check);
    cr_assert_eq(res.status, 0, "%s", res.err);
    size_t lines = 0;
    for (const char *p = res.err; *p;) {
        size_t len = strcspn(p, "\n");
        char *line = strndup(p, len);
        cr_assert_not_null(line);
        lines += strstr(line, "warning: award ") && strstr(line, "correlations are not a valid");
        free(line);
        p += len + (p[len] == '\n');
    }
    cr_assert_eq(lines, 2, "%s", res.err);
    cr_assert_not_null(strstr(res.out, "no errors, 2 warnings"), "%s", res.out);
    run_result_free(&res);
    remove_dir(dir);
    free(dir);
}

/* A seed above 2^53 is not a number a spreadsheet holds exactly: the
 * workbook writes it as text, digit for digit, as report.json has it, so the
 * paths can be reproduced from either. */
Test(mc_value, a_seed_above_two_to_the_53_is_written_exactly_in_both_reports)
{
    char *dir = copy_set("{\"paths\": 1000, \"seed\": 9007199254740993}");
    run_result r = run_set(dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    char *json = file_in(dir, "out.json", NULL);
    cr_assert(strstr(json, "\"seed\": 9007199254740993") != NULL);
    free(json);
    char xlsx[4096];
    snprintf(xlsx, sizeof xlsx, "%s/out.xlsx", dir);
    cr_assert_gt(xlsx_xml_contains(xlsx, ">9007199254740993<"), 0, "no exact seed in the workbook");
    cr_assert_eq(xlsx_xml_contains(xlsx, "9007199254740992"), 0, "a seed rounded to a double");
    remove_dir(dir);
    free(dir);
}
