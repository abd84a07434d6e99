/*
 * report.xlsx as its readers open it (SPEC section 9, last paragraph): each
 * workbook `paycalc run` writes is recalculated by LibreOffice, headless,
 * and every formula cell must come out as the value paycalc stored in it,
 * and the disclosure figures as report.json has them (tests/xlsx_recalc.py,
 * run with Debian's /usr/bin/python3). LibreOffice is installed by
 * scripts/deps.sh --tests; where it is missing these tests fail, they never skip.
 *
 * Input sets: the CBAK Energy 2023 proxy (inputs/cbak-fy2022), the golden
 * non-SRC company (tests/data/golden-nonsrc) and synthetic sets from
 * tests/gen_inputs.py (an SRC and a company with pension lines, a peer
 * group and a company-selected measure).
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/text.h"
#include "support.h"

#define RECALC SOURCE_DIR "/tests/xlsx_recalc.py"
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

/* Runs /usr/bin/python3 SCRIPT args...; the result's strings are malloc'ed. */
static run_result python(const char *script, const char *const *args)
{
    const char *argv[24] = {script};
    size_t n = 1;
    for (size_t i = 0; args[i]; i++) {
        cr_assert(n < 23);
        argv[n++] = args[i];
    }
    argv[n] = NULL;
    return run_program(PYTHON, argv);
}

/* `paycalc run INPUT --out OUT --quiet` and its outputs' paths (into
 * xlsx and json, each of `size` bytes). */
static void run_into(const char *input, const char *out, char *xlsx, char *json, size_t size)
{
    const char *args[] = {"run", input, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run %s: %s", input, r.err);
    run_result_free(&r);
    snprintf(xlsx, size, "%s/report.xlsx", out);
    snprintf(json, size, "%s/report.json", out);
}

/* The helper's `check` over the given pairs: no difference at all. */
static void expect_no_difference(const char *const *pairs)
{
    const char *args[24] = {"check"};
    size_t n = 1;
    for (size_t i = 0; pairs[i]; i++) {
        cr_assert(n < 23);
        args[n++] = pairs[i];
    }
    args[n] = NULL;
    run_result r = python(RECALC, args);
    cr_expect_eq(r.status, 0, "LibreOffice's recalculation differs (exit %d):\n%s%s", r.status,
                 r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "no summary line:\n%s%s", r.out, r.err);
    run_result_free(&r);
}

Test(workbook, cbak_recalculates_in_libreoffice_to_its_stored_values_and_report_json)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512];
    run_into(SOURCE_DIR "/inputs/cbak-fy2022", out, xlsx, json, sizeof xlsx);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    remove_dir(out);
    free(out);
}

Test(workbook, golden_set_recalculates_in_libreoffice_to_its_stored_values_and_report_json)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512];
    run_into(SOURCE_DIR "/tests/data/golden-nonsrc", out, xlsx, json, sizeof xlsx);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    remove_dir(out);
    free(out);
}

/* Grants of Plan-Based Awards with plan_targets.csv: each non-equity plan
 * award's threshold, target and maximum, recalculated from Plan Targets
 * (EUR through its Exchange Rates row), equal report.json's
 * non_equity_plan_awards, the person's equity awards after them. */
Test(workbook, plan_targets_recalculate_to_report_json_in_grants_of_plan_based_awards)
{
    char *in = make_temp_dir(), *out = make_temp_dir();
    cr_assert_eq(copy_dir(SOURCE_DIR "/tests/data/golden-nonsrc", in), 0);
    char *file = path_join(in, "plan_targets.csv");
    cr_assert_eq(write_text(file,
                            "person_id,year,plan,threshold,target,maximum,currency,grant_date\n"
                            "anand,2024,Annual Incentive Plan,\"450,000.00\",\"900,000.00\","
                            "\"1,800,000.00\",USD,2023-08-15\n"
                            "papadopoulou,2024,Annual Incentive Plan,\"100,000.00\","
                            "\"200,000.00\",\"400,000.00\",EUR,2023-08-15\n"
                            "bell,2024,Sales Plan,,\"250,000.00\",,USD,\n"),
                 0);
    char xlsx[512], json[512];
    run_into(in, out, xlsx, json, sizeof xlsx);
    char *report = read_file(json, NULL);
    cr_assert_not_null(report);
    cr_assert_not_null(strstr(report, "\"non_equity_plan_awards\""));
    free(report);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    /* The EUR target is converted at its grant date's rate, and says so. */
    const char *all[] = {"all-text", xlsx, NULL};
    run_result r = python(RECALC, all);
    cr_expect(strstr(r.out, "Rate on the grant date on 2023-08-15") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "Rate on the payment date on 2023-08-15") == NULL, "%s", r.out);
    run_result_free(&r);
    free(file);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

static void replace_in_file(const char *path, const char *from, const char *to);

/* Meridian with its peer group TSR computed from peer_prices.csv (the
 * transport_peers set of peers.csv, weighted by market cap) instead of
 * given: Pay vs Performance's peer TSR refers to the Peer Group TSR
 * workpaper, whose formulas over the peers' closes and dividends
 * recalculate to report.json's peer_group_tsr to the cent. */
Test(workbook, computed_peer_group_tsr_recalculates_to_report_json)
{
    char *in = make_temp_dir(), *out = make_temp_dir();
    cr_assert_eq(copy_dir(SOURCE_DIR "/inputs/meridian-fy2024", in), 0);
    char *json_in = path_join(in, "paycalc.json");
    replace_in_file(json_in, "\"cap_decimals\": 0,",
                    "\"cap_decimals\": 0,\n  \"peer_group\": \"transport_peers\",");
    char *perf = path_join(in, "performance.csv");
    cr_assert_eq(write_text(perf, "year,net_income,company_selected_measure\n"
                                  "2022,\"212,400,000.00\",\"388,100,000.00\"\n"
                                  "2023,\"178,900,000.00\",\"351,700,000.00\"\n"
                                  "2024,\"240,300,000.00\",\"402,600,000.00\"\n"),
                 0);
    char xlsx[512], json[512];
    run_into(in, out, xlsx, json, sizeof xlsx);
    char *report = read_file(json, NULL);
    cr_assert_not_null(report);
    cr_assert_not_null(strstr(report, "\"peer_group_tsr\""));
    free(report);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    free(json_in);
    free(perf);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* Two generated sets, checked in one LibreOffice start: a smaller reporting
 * company over 3 years with a June year end, and a larger company over 5
 * years (pension lines, peer TSR, a company-selected measure). */
Test(workbook, generated_sets_recalculate_in_libreoffice_to_their_stored_values)
{
    const char *const gen_args[2][14] = {
        {"--neos", "3", "--awards-per-person", "3", "--tranches", "3", "--years", "3", "--seed",
         "11", "--fiscal-year-end", "06-30", NULL},
        {"--neos", "4", "--awards-per-person", "2", "--tranches", "4", "--years", "5", "--seed",
         "5", "--fiscal-year-end", "12-31", NULL},
    };
    char *in[2], *out[2];
    char xlsx[2][512], json[2][512];
    for (int k = 0; k < 2; k++) {
        in[k] = make_temp_dir();
        out[k] = make_temp_dir();
        const char *args[16] = {GENERATOR, in[k]};
        size_t n = 2;
        for (size_t i = 0; gen_args[k][i]; i++)
            args[n++] = gen_args[k][i];
        args[n] = NULL;
        run_result g = run_program(PYTHON, args);
        cr_assert_eq(g.status, 0, "generator: %s", g.err);
        run_result_free(&g);
        run_into(in[k], out[k], xlsx[k], json[k], sizeof xlsx[k]);
    }
    const char *pairs[] = {xlsx[0], json[0], xlsx[1], json[1], NULL};
    expect_no_difference(pairs);
    for (int k = 0; k < 2; k++) {
        remove_dir(in[k]);
        remove_dir(out[k]);
        free(in[k]);
        free(out[k]);
    }
}

/* The comparison itself can fail: a stored value that LibreOffice does not
 * reproduce (a stale cache) is reported, with its cell and both values. */
Test(workbook, stored_value_libreoffice_does_not_reproduce_is_reported)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512], stale[600];
    run_into(SOURCE_DIR "/inputs/cbak-fy2022", out, xlsx, json, sizeof xlsx);
    snprintf(stale, sizeof stale, "%s/stale.xlsx", out);
    const char *make[] = {"stale", xlsx, stale, "Pay vs Performance", NULL};
    run_result r = python(RECALC, make);
    cr_assert_eq(r.status, 0, "%s", r.err);
    char cell[32];
    snprintf(cell, sizeof cell, "Pay vs Performance!%.*s", (int)strcspn(r.out, "\n"), r.out);
    run_result_free(&r);

    const char *args[] = {"check", stale, json, NULL};
    r = python(RECALC, args);
    cr_expect_eq(r.status, 1, "exit %d:\n%s%s", r.status, r.out, r.err);
    cr_expect(strstr(r.out, cell) != NULL, "%s not named:\n%s", cell, r.out);
    cr_expect(strstr(r.out, "LibreOffice") != NULL, "%s", r.out);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

/* Replaces the first `from` in a file with `to`; asserts it was there. */
static void replace_in_file(const char *path, const char *from, const char *to)
{
    char *text = read_file(path, NULL);
    cr_assert_not_null(text, "cannot read %s", path);
    char *at = strstr(text, from);
    cr_assert_not_null(at, "%s has no '%s'", path, from);
    size_t head = (size_t)(at - text), len = strlen(text) - head - strlen(from);
    char *out = malloc(head + strlen(to) + len + 1);
    cr_assert_not_null(out);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    cr_assert_eq(write_text(path, out), 0);
    free(out);
    free(text);
}

/* The figure of a PvP year's first PEO (`key`: sct_total or cap), in cents. */
static long long pvp_peo_cents(const char *json_path, int year, const char *key)
{
    json_error_t error;
    json_t *root = json_load_file(json_path, 0, &error);
    cr_assert_not_null(root, "%s: %s", json_path, error.text);
    json_t *rows = json_object_get(root, "pay_versus_performance"), *row;
    size_t i;
    long long cents = -1;
    json_array_foreach(rows, i, row)
    {
        if (json_integer_value(json_object_get(row, "year")) == year) {
            json_t *peo = json_array_get(json_object_get(row, "peo"), 0);
            cents = llround(json_number_value(json_object_get(peo, key)) * 100);
        }
    }
    json_decref(root);
    return cents;
}

/* A figure of a PvP year (`key`: tsr, net_income ...), in cents. */
static long long pvp_cents(const char *json_path, int year, const char *key)
{
    json_error_t error;
    json_t *root = json_load_file(json_path, 0, &error);
    cr_assert_not_null(root, "%s: %s", json_path, error.text);
    json_t *rows = json_object_get(root, "pay_versus_performance"), *row;
    size_t i;
    long long cents = -1;
    json_array_foreach(rows, i, row)
    {
        if (json_integer_value(json_object_get(row, "year")) == year)
            cents = llround(json_number_value(json_object_get(row, key)) * 100);
    }
    json_decref(root);
    return cents;
}

/* SPEC 9: an analyst edits one salary payment (Cash and FX), the 2022
 * RMB rate (Exchange Rates) and one per-share fair value (Award
 * Valuations) in a copy of CBAK's workbook and recalculates it in
 * LibreOffice: the SCT, CAP by Person, CAP Reconciliation and Pay vs
 * Performance all move, and agree with `paycalc run` on inputs carrying the
 * same three edits (cash.csv line 2, fx.csv's 2022 rate, and a
 * fair_values.csv row for that tranche and date). */
Test(workbook, edited_cash_rate_and_fair_value_move_every_table_as_paycalc_would)
{
    char *in = make_temp_dir(), *before = make_temp_dir(), *after = make_temp_dir();
    cr_assert_eq(copy_dir(SOURCE_DIR "/inputs/cbak-fy2022", in), 0);
    char xlsx[512], json[512], edited_xlsx[512], edited_json[512], path[600];
    run_into(in, before, xlsx, json, sizeof xlsx);

    snprintf(path, sizeof path, "%s/cash.csv", in);
    replace_in_file(path, "li-yunfei,2021,salary,64583.00,CNY,2021-01-29",
                    "li-yunfei,2021,salary,70000.00,CNY,2021-01-29");
    snprintf(path, sizeof path, "%s/fx.csv", in);
    replace_in_file(path, "CNY,2022,6.7264", "CNY,2022,6.9");
    snprintf(path, sizeof path, "%s/fair_values.csv", in);
    char *fv = read_file(path, NULL);
    cr_assert_not_null(fv);
    size_t len = strlen(fv);
    char *more = malloc(len + 64);
    snprintf(more, len + 64, "%sli-option-2021-11-29,3,2022-12-31,0.9,edited\n", fv);
    cr_assert_eq(write_text(path, more), 0);
    free(more);
    free(fv);
    run_into(in, after, edited_xlsx, edited_json, sizeof edited_xlsx);

    /* The edits reach the SCT (2021) and CAP (2021 through the SCT total,
     * 2022 through the fair value), so "agree" means "moved". */
    cr_assert_neq(pvp_peo_cents(json, 2021, "sct_total"),
                  pvp_peo_cents(edited_json, 2021, "sct_total"));
    cr_assert_neq(pvp_peo_cents(json, 2022, "cap"), pvp_peo_cents(edited_json, 2022, "cap"));
    cr_assert_neq(pvp_peo_cents(json, 2022, "sct_total"),
                  pvp_peo_cents(edited_json, 2022, "sct_total"));

    const char *args[] = {"edit", xlsx,         edited_json, "2",   "70000", "li-option-2021-11-29",
                          "3",    "2022-12-31", "0.9",       "CNY", "2022",  "6.9",
                          NULL};
    run_result r = python(RECALC, args);
    cr_expect_eq(r.status, 0, "the recalculated copy disagrees with paycalc (exit %d):\n%s%s",
                 r.status, r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "%s%s", r.out, r.err);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(before);
    remove_dir(after);
    free(in);
    free(before);
    free(after);
}

/* The number of the first line of a file that starts with `prefix` (1:
 * the first line). */
static int line_starting(const char *path, const char *prefix)
{
    char *text = read_file(path, NULL);
    cr_assert_not_null(text, "cannot read %s", path);
    int line = 1;
    const char *at = text;
    while (strncmp(at, prefix, strlen(prefix)) != 0) {
        at = strchr(at, '\n');
        cr_assert_not_null(at, "%s has no line starting '%s'", path, prefix);
        at++;
        line++;
    }
    free(text);
    return line;
}

/* Sets the amount (the 4th field) of the first line of cash.csv in `dir`
 * that starts with `prefix`; returns that line's number (1: the header). */
static int edit_cash_line(const char *dir, const char *prefix, const char *amount)
{
    char path[600];
    snprintf(path, sizeof path, "%s/cash.csv", dir);
    char *text = read_file(path, NULL);
    cr_assert_not_null(text, "cannot read %s", path);
    size_t plen = strlen(prefix);
    int line = 1;
    char *at = text;
    while (strncmp(at, prefix, plen) != 0) {
        at = strchr(at, '\n');
        cr_assert_not_null(at, "%s has no line starting '%s'", path, prefix);
        at++;
        line++;
    }
    /* person_id,year,component,amount,...: the amount after the third comma. */
    char *start = at;
    for (int k = 0; k < 3; k++)
        start = strchr(start, ',') + 1;
    char *end = strchr(start, ',');
    cr_assert_not_null(end);
    size_t head = (size_t)(start - text);
    char *out = malloc(strlen(text) + strlen(amount) + 1);
    cr_assert_not_null(out);
    memcpy(out, text, head);
    strcpy(out + head, amount);
    strcat(out, end);
    cr_assert_eq(write_text(path, out), 0);
    free(out);
    free(text);
    return line;
}

/* SPEC 9, live to the last figure: in a five-year company the disclosure
 * SCT shows 2021-2023, and CAP by Person takes 2019 and 2020 from SCT All
 * Years. An older year's salary, a change in pension value and a pension
 * service cost edited on Cash and FX, a volatility on Assumptions (which
 * the Black-Scholes values refer to), the 2021 year-end close on Prices
 * and the 2020 RMB rate on Exchange Rates move SCT All Years, CAP by
 * Person, CAP Reconciliation, TSR and Pay vs Performance exactly as
 * `paycalc run` moves them with the same edits in cash.csv,
 * assumptions.csv, prices.csv and fx.csv (a fiscal-year row, which
 * replaces the average of the daily rates, SPEC 4). The check of the
 * recalculated copy also finds no typed figure in the disclosure tables
 * and CAP by Person, and each price, rate, assumption, outcome and
 * exercise price on its input sheet once (xlsx_recalc.py). */
Test(workbook, older_years_salary_pension_volatility_and_price_edits_move_cap_as_paycalc_would,
     .timeout = 300)
{
    char *in = make_temp_dir(), *before = make_temp_dir(), *after = make_temp_dir();
    const char *gen[] = {GENERATOR, in,           "--neos", "4",       "--awards-per-person",
                         "2",       "--tranches", "4",      "--years", "5",
                         "--seed",  "5",          NULL};
    run_result g = run_program(PYTHON, gen);
    cr_assert_eq(g.status, 0, "generator: %s", g.err);
    run_result_free(&g);
    char xlsx[512], json[512], edited_xlsx[512], edited_json[512];
    run_into(in, before, xlsx, json, sizeof xlsx);

    /* p00000 is the PEO of 2019-2021; p00003 a non-PEO NEO. */
    int salary = edit_cash_line(in, "p00000,2020,salary,", "200000.00");
    int service = edit_cash_line(in, "p00000,2020,pension_service_cost,", "50000.00");
    int pension = edit_cash_line(in, "p00003,2019,change_in_pension_value,", "90000.00");
    /* The volatility of the assumptions the 2021 year-end option values use. */
    char path[600];
    snprintf(path, sizeof path, "%s/assumptions.csv", in);
    int volatility = line_starting(path, "2021-12-01,0.7356,");
    replace_in_file(path, "2021-12-01,0.7356,", "2021-12-01,0.5,");
    /* The close of the 2021 fiscal year end, on Prices once. */
    snprintf(path, sizeof path, "%s/prices.csv", in);
    replace_in_file(path, "\n2021-12-31,17.97,", "\n2021-12-31,25,");
    /* The 2020 RMB rate: a fiscal-year row in fx.csv, the rate itself on
     * Exchange Rates. */
    snprintf(path, sizeof path, "%s/fx.csv", in);
    char *fx = read_file(path, NULL);
    cr_assert_not_null(fx);
    size_t fxlen = strlen(fx);
    char *fxmore = malloc(fxlen + 32);
    cr_assert_not_null(fxmore);
    snprintf(fxmore, fxlen + 32, "%sCNY,2020,7.5\n", fx);
    cr_assert_eq(write_text(path, fxmore), 0);
    free(fxmore);
    free(fx);
    run_into(in, after, edited_xlsx, edited_json, sizeof edited_xlsx);
    cr_assert_neq(pvp_peo_cents(json, 2020, "sct_total"),
                  pvp_peo_cents(edited_json, 2020, "sct_total"));
    cr_assert_neq(pvp_peo_cents(json, 2020, "cap"), pvp_peo_cents(edited_json, 2020, "cap"));
    cr_assert_neq(pvp_peo_cents(json, 2021, "cap"), pvp_peo_cents(edited_json, 2021, "cap"));
    cr_assert_neq(pvp_cents(json, 2021, "tsr"), pvp_cents(edited_json, 2021, "tsr"));

    char e1[64], e2[64], e3[64], e4[64], e5[64] = "price:2021-12-31=25",
                                         e6[64] = "rate:CNY:2020=7.5";
    snprintf(e1, sizeof e1, "cash:%d=200000", salary);
    snprintf(e2, sizeof e2, "cash:%d=50000", service);
    snprintf(e3, sizeof e3, "cash:%d=90000", pension);
    snprintf(e4, sizeof e4, "vol:%d=0.5", volatility);
    const char *args[] = {"edits", xlsx, edited_json, e1, e2, e3, e4, e5, e6, NULL};
    run_result r = python(RECALC, args);
    cr_expect_eq(r.status, 0, "the recalculated copy disagrees with paycalc (exit %d):\n%s%s",
                 r.status, r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "%s%s", r.out, r.err);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(before);
    remove_dir(after);
    free(in);
    free(before);
    free(after);
}

/* `paycalc run CBAK --labels LABELS` into a new folder; the workbook's
 * disclosure text (malloc'ed) after checking that it recalculates to its
 * stored values. */
static char *labelled_text(const char *labels, char **out_dir)
{
    char *out = make_temp_dir();
    const char *args[] = {
        "run", SOURCE_DIR "/inputs/cbak-fy2022", "--out", out, "--quiet", "--labels", labels, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run --labels %s: %s", labels, r.err);
    run_result_free(&r);
    char xlsx[512], json[512];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    snprintf(json, sizeof json, "%s/report.json", out);
    const char *check[] = {"check", "--no-figures", xlsx, json, NULL};
    r = python(RECALC, check);
    cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
    run_result_free(&r);
    const char *text[] = {"text", xlsx, NULL};
    r = python(RECALC, text);
    cr_assert_eq(r.status, 0, "%s", r.err);
    free(r.err);
    *out_dir = out;
    return r.out;
}

/* SPEC 9: --labels zh-Hant writes the titles, headers and footnotes in the
 * reference proxy's Chinese terms (../shared/seeds: 摘要補償表, 薪酬與績效,
 * 實際支付的薪酬, 股東總回報); names and numbers are unchanged. */
Test(workbook, zh_hant_labels_use_the_reference_proxys_terms)
{
    char *out;
    char *text = labelled_text("zh-Hant", &out);
    const char *terms[] = {"摘要補償表",     "薪酬與績效", "實際支付的薪酬", "股東總回報",
                           "姓名和主要職位", "首席執行官", "李雲飛",         "1.00美元兌6.7264"};
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
        cr_expect(strstr(text, terms[i]) != NULL, "no '%s' in:\n%s", terms[i], text);
    cr_expect(strstr(text, "Summary Compensation Table") == NULL, "an English title:\n%s", text);
    /* One name for the Summary Compensation Table, the one the proxy heads it with. */
    cr_expect(strstr(text, "薪酬彙總表") == NULL, "a second name for the SCT:\n%s", text);
    /* The equity table's title and headers too. */
    cr_expect(strstr(text, "財年末未償還股權獎勵") != NULL, "%s", text);
    cr_expect(strstr(text, "期權行權價\n($)") != NULL, "%s", text);
    cr_expect(strstr(text, "(2) 市值為股數乘以") != NULL, "the equity table's note:\n%s", text);
    free(text);
    /* The workpapers' column headers as well (the inputs' own text stays). */
    char xlsx[512];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    const char *all[] = {"all-text", xlsx, NULL};
    run_result r = python(RECALC, all);
    cr_assert_eq(r.status, 0, "%s", r.err);
    /* A Chinese header breaks only between words: at its spaces. */
    const char *headers[] = {"每股公允價值\n($)", "無風險利率\n(r)", "股息收益率\n(q)",
                             "貢獻額\n($)",       "收盤價\n($)",     "嚴重程度",
                             "匯率日期",          "股權獎勵明細",    "計入股數\n(#)",
                             "可行使期權 (#)"};
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        cr_expect(strstr(r.out, headers[i]) != NULL, "no '%s' in the workpapers", headers[i]);
    cr_expect(strstr(r.out, "Fair Value per Share ($)") == NULL, "an English header");
    /* CAP by Person's headers, roles and notes, and every sheet's footer. */
    const char *workpaper[] = {"身份", "1位指定執行官", "非首席執行官指定執行官的平均值",
                               "股權獎勵已根據FASB ASC第718號主題", "第&P頁，共&N頁",
                               /* Checks and Audit Notes */
                               "摘要補償表總計與各欄之和不符", "各項檢查比較的內容",
                               "匯率：每1美元兌人民幣（腳註）", "performance.csv 第2行"};
    for (size_t i = 0; i < sizeof workpaper / sizeof workpaper[0]; i++)
        cr_expect(strstr(r.out, workpaper[i]) != NULL, "no '%s' in the workpapers", workpaper[i]);
    const char *english[] = {"Page &P of &N",
                             "Average of non-PEO NEOs",
                             "Each line is rounded",
                             "Non-PEO NEO\n",
                             "Equity awards were re-measured",
                             "SCT total does not foot",
                             "What each check compares",
                             "per US dollar (footnote)",
                             "Checks skipped"};
    for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
        cr_expect(strstr(r.out, english[i]) == NULL, "'%s' left in English", english[i]);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

Test(workbook, zh_hans_labels_are_in_simplified_characters)
{
    char *out;
    char *text = labelled_text("zh-Hans", &out);
    cr_expect(strstr(text, "摘要补偿表") != NULL, "%s", text);
    cr_expect(strstr(text, "薪酬与绩效") != NULL, "%s", text);
    cr_expect(strstr(text, "摘要補償表") == NULL, "a traditional title:\n%s", text);
    cr_expect(strstr(text, "薪酬汇总表") == NULL, "a second name for the SCT:\n%s", text);
    free(text);
    remove_dir(out);
    free(out);
}

/* Words of paycalc's own English that a Chinese workbook must not keep: the
 * abbreviations (FV, NEO, CNY), the words of the sources ("prices.csv line
 * 12", "published fiscal 2021 average"), the valuation methods and purposes,
 * the workpapers' notes and titles. None is a word of the inputs' own text
 * (names, positions, notes), which stays as it is. */
static const char *const untranslated[] = {
    "FV",         "NEO",       "NEOs",  "CNY",      "line",     "lines",   "average",   "Fiscal",
    "fiscal",     "published", "mean",  "daily",    "Supplied", "Closing", "closing",   "Monte",
    "simulation", "Vesting",   "Grant", "Prior",    "Plus",     "Less",    "Topic",     "Base",
    "Dividend",   "Every",     "Each",  "Value",    "Stock",    "Prices",  "Used",      "rate",
    "rates",      "dollars",   "cent",  "shares",   "the",      "Covered", "Years",     "Summary",
    "Pay",        "Rate",      "US",    "Exercise", "Market",   "outcome", "condition", "Shares",
};

/* The first word of `untranslated` in `text` (malloc'ed, with its line), or
 * NULL. A word is a run of ASCII letters; one inside a file name
 * ("prices.csv") or a key ("grant_fv_per_share", "fv_at_vest") is not text. */
static char *english_word_in(const char *text)
{
    for (const char *p = text; *p;) {
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) {
            p++;
            continue;
        }
        const char *start = p;
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_' ||
               (*p >= '0' && *p <= '9'))
            p++;
        bool key = memchr(start, '_', (size_t)(p - start)) != NULL || *p == '_' ||
                   (start > text && start[-1] == '_');
        bool file = *p == '.' && (strncmp(p, ".csv", 4) == 0 || strncmp(p, ".json", 5) == 0);
        if (key || file)
            continue;
        for (size_t i = 0; i < sizeof untranslated / sizeof untranslated[0]; i++) {
            size_t n = strlen(untranslated[i]);
            if ((size_t)(p - start) == n && strncmp(start, untranslated[i], n) == 0) {
                const char *bol = start, *eol = p;
                while (bol > text && bol[-1] != '\n')
                    bol--;
                eol += strcspn(eol, "\n");
                size_t len = (size_t)(eol - bol);
                char *found = malloc(n + len + 8);
                cr_assert(found);
                snprintf(found, n + len + 8, "'%s' in: %.*s", untranslated[i], (int)len, bol);
                return found;
            }
        }
    }
    return NULL;
}

static char *set_workbook_text(const char *set, const char *labels);

/* SPEC 9: a zh-Hant or zh-Hans workbook has every word of paycalc's own in
 * Chinese, on every sheet (titles, headers, the workpapers' methods, sources
 * and notes, the exchange rates' sources); only names, input text, file
 * names and keys stay as they are. */
Test(workbook, chinese_workbooks_leave_no_english_word_of_paycalcs, .timeout = 300)
{
    const char *sets[] = {SOURCE_DIR "/inputs/cbak-fy2022", SOURCE_DIR "/inputs/meridian-fy2024"};
    const char *labels[] = {"zh-Hant", "zh-Hans"};
    for (size_t s = 0; s < 2; s++) {
        for (size_t l = 0; l < 2; l++) {
            char *text = set_workbook_text(sets[s], labels[l]);
            char *found = english_word_in(text);
            cr_expect(found == NULL, "%s --labels %s: %s", sets[s], labels[l], found);
            free(found);
            free(text);
        }
    }
    /* The check itself: an English source line and a key are told apart. */
    char *found = english_word_in("prices.csv 第84行；awards.csv 第2行（grant_fv_per_share）");
    cr_expect(found == NULL, "%s", found);
    free(found);
    found = english_word_in("股價\nprices.csv line 84");
    cr_expect(found != NULL && strstr(found, "'line' in: prices.csv line 84"), "%s", found);
    free(found);
}

/* The width and header of each column of `sheet` in `xlsx`, as
 * "WIDTH HEADER" lines (malloc'ed). */
static char *sheet_columns(const char *xlsx, const char *sheet)
{
    const char *args[] = {"columns", xlsx, sheet, NULL};
    run_result r = python(RECALC, args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    free(r.err);
    return r.out;
}

/* Print in Chinese: CAP by Person's Chinese line headers wrap in columns as
 * narrow as the English ones (they once took 60 characters each, and the
 * sheet, fitted a page wide, printed at a tiny scale); the Checks column
 * is as wide as its longest Chinese check name (up to 44, wrapped beyond),
 * and no header breaks "reported.csv" or a line its translation breaks
 * itself (差額：|已公佈－預期). */
Test(workbook, chinese_workpapers_wrap_their_headers_and_fit_their_checks)
{
    char *out = make_temp_dir();
    const char *args[] = {
        "run", SOURCE_DIR "/inputs/cbak-fy2022", "--out", out, "--quiet", "--labels", "zh-Hant",
        NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run: %s", r.err);
    run_result_free(&r);
    char xlsx[512];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);

    char *cap = sheet_columns(xlsx, "CAP by Person");
    size_t lines = 0;
    for (char *line = strtok(cap, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        double width = atof(line);
        cr_expect(width <= 30, "a CAP by Person column %.1f wide: %s", width, line);
    }
    cr_expect(lines >= 8, "CAP by Person has %zu columns", lines);
    free(cap);

    char *checks = sheet_columns(xlsx, "Checks");
    double check_width = atof(checks);
    /* 實際支付的薪酬中的扣減與摘要補償表獎勵欄不符（另：公佈數字與paycalc計算結果不符）
     * is wider than 44: the column takes 44. */
    cr_expect(check_width > 43 && check_width < 46, "the Check column is %.1f wide", check_width);
    cr_expect(strstr(checks, "差額：|已公佈－預期") != NULL, "%s", checks);
    for (char *line = strtok(checks, "\n"); line; line = strtok(NULL, "\n")) {
        double width = atof(line);
        if (strstr(line, "reported.csv"))
            cr_expect(width >= 13, "reported.csv broken in a column %.1f wide", width);
        if (strstr(line, "已公佈－預期"))
            cr_expect(width >= 13, "已公佈－預期 broken in a column %.1f wide", width);
    }
    free(checks);
    remove_dir(out);
    free(out);
}

/* An unknown --labels value is a usage error (exit 2), and nothing is written. */
Test(workbook, unknown_labels_are_a_usage_error)
{
    char *out = make_temp_dir();
    const char *args[] = {
        "run", SOURCE_DIR "/inputs/cbak-fy2022", "--out", out, "--labels", "zh-TW", NULL};
    run_result r = run_paycalc(args);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "--labels 'zh-TW': use en, zh-Hant or zh-Hans") != NULL, "%s", r.err);
    cr_expect_eq(count_entries(out), 0);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

/* `paycalc run CBAK [--labels LABELS]` and the text of every sheet
 * (malloc'ed); no recalculation. */
static char *workbook_text(const char *labels)
{
    char *out = make_temp_dir();
    const char *args[] = {"run",     SOURCE_DIR "/inputs/cbak-fy2022", "--out", out,
                          "--quiet", labels ? "--labels" : NULL,       labels,  NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run: %s", r.err);
    run_result_free(&r);
    char xlsx[512];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    const char *text[] = {"all-text", xlsx, NULL};
    r = python(RECALC, text);
    cr_assert_eq(r.status, 0, "%s", r.err);
    free(r.err);
    remove_dir(out);
    free(out);
    return r.out;
}

/* `paycalc run SET --labels LABELS` and the text of every sheet with its
 * footer (malloc'ed); no recalculation. */
static char *set_workbook_text(const char *set, const char *labels)
{
    char *out = make_temp_dir();
    const char *args[] = {"run", set, "--out", out, "--quiet", "--labels", labels, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run %s: %s", set, r.err);
    run_result_free(&r);
    char xlsx[512];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    const char *text[] = {"all-text", xlsx, NULL};
    r = python(RECALC, text);
    cr_assert_eq(r.status, 0, "%s", r.err);
    free(r.err);
    remove_dir(out);
    free(out);
    return r.out;
}

/* Proxy wording: one line for a PEO of consecutive years ("PEO in
 * 2021-2022: name."), no "(average of 1)" for a single non-PEO NEO, the
 * TSR base date as a proxy prints it, the Checks sheet's checks in words;
 * in Chinese the same, with full-width
 * punctuation, 加： beside 減：, 非合格遞延薪酬收益, the currency by its name,
 * and no FV, NEO or CNY left in the Chinese text. */
Test(workbook, proxy_wording_in_english_and_chinese)
{
    char *en = workbook_text(NULL);
    cr_expect(strstr(en, "(1) PEO in 2021-2022: 李雲飛.") != NULL, "%s", en);
    cr_expect(strstr(en, "PEO in 2021:") == NULL, "a line per year:\n%s", en);
    cr_expect(strstr(en, "average of 1)") == NULL, "%s", en);
    cr_expect(strstr(en, "(2) Non-PEO NEO in 2021-2022: 裴翔宇.") != NULL, "%s", en);
    cr_expect(strstr(en, "NEO in 2021:") == NULL, "a line per year:\n%s", en);
    cr_expect(strstr(en, "at the close of December 31, 2020") != NULL, "%s", en);
    /* Checks: each check in words, not its key. */
    cr_expect(strstr(en, "SCT total does not foot (also: Published figure differs from "
                         "paycalc's)") != NULL,
              "%s", en);
    cr_expect(strstr(en, "sct_does_not_foot (also") == NULL, "%s", en);
    /* Instruction 3 to Item 402(c)(2)(v) and (vi), worked by hand: each
     * option tranche is 20,000 x $0.267249 = $5,344.98 (15,000: $4,008.735,
     * $4,008.74), ten tranches, no maximum_shares: at target. */
    cr_expect(strstr(en, "the grant-date fair value of the awards subject to performance "
                         "conditions would be: 李雲飛, $53,450 (2021); 裴翔宇, $40,087 (2021). "
                         "Awards for which no maximum number of shares is set are included at "
                         "target.") != NULL,
              "%s", en);
    free(en);
    char *zh = workbook_text("zh-Hant");
    const char *want[] = {"(1) 2021至2022年首席執行官：李雲飛。",
                          "(2) 2021至2022年非首席執行官的指定執行官：裴翔宇。",
                          "非合格遞延薪酬收益",
                          "加：",
                          "減：",
                          "以人民幣於2022財年支付",
                          "於2020年12月31日收盤時",
                          ("受績效條件限制的獎勵的授予日公允價值為：李雲飛，53,450美元（2021年）；"
                           "裴翔宇，40,087美元（2021年）。未設定最高股數的獎勵按目標水平計入。")};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        cr_expect(strstr(zh, want[i]) != NULL, "no '%s' in:\n%s", want[i], zh);
    const char *unwanted[] = {"不合格", "另外：", "減去："};
    for (size_t i = 0; i < sizeof unwanted / sizeof unwanted[0]; i++)
        cr_expect(strstr(zh, unwanted[i]) == NULL, "'%s' in:\n%s", unwanted[i], zh);
    /* No FV, NEO or CNY inside a line of Chinese text. */
    for (char *line = strtok(zh, "\n"); line; line = strtok(NULL, "\n")) {
        bool chinese = false;
        for (const unsigned char *c = (const unsigned char *)line; *c && !chinese; c++)
            chinese = *c >= 0xe4 && *c <= 0xe9; /* the lead byte of a CJK ideograph */
        if (chinese)
            cr_expect(!strstr(line, "FV") && !strstr(line, "NEO") && !strstr(line, "CNY"),
                      "an English abbreviation in: %s", line);
    }
    free(zh);
}

/* `paycalc run` of the source tree's `set` with `--labels label` into
 * OUT/N; `path` gets its report.xlsx. */
static void run_labelled(const char *out, size_t n, const char *set, const char *label,
                         char path[640])
{
    char input[512], dir[600];
    snprintf(input, sizeof input, "%s%s", SOURCE_DIR, set);
    snprintf(dir, sizeof dir, "%s/%zu", out, n);
    const char *run[] = {"run", input, "--out", dir, "--quiet", "--labels", label, NULL};
    run_result r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "paycalc run %s --labels %s: %s", input, label, r.err);
    run_result_free(&r);
    snprintf(path, 640, "%s/report.xlsx", dir);
}

/* Footnote markers as proxies print them: each title of Pay vs Performance
 * and CAP Reconciliation that a footnote explains ends in "(n)" as the Summary Compensation titles
 * do, in every
 * --labels language, and the markers and the footnotes under each table
 * match one for one (tests/xlsx_check.py markers): an SRC with one PEO
 * (CBAK) and a company with two PEOs, a peer group and a measure (the
 * golden set), whose footnotes are numbered differently. */
Test(workbook, footnote_markers_match_the_footnotes_in_every_language)
{
    char *out = make_temp_dir();
    const char *sets[] = {"/inputs/cbak-fy2022", "/tests/data/golden-nonsrc"};
    const char *labels[] = {"en", "zh-Hant", "zh-Hans"};
    char paths[6][640];
    const char *args[8] = {"markers"};
    size_t n = 0;
    for (size_t s = 0; s < 2; s++)
        for (size_t l = 0; l < 3; l++, n++) {
            run_labelled(out, n, sets[s], labels[l], paths[n]);
            args[1 + n] = paths[n];
        }
    args[1 + n] = NULL;
    run_result r = python(SOURCE_DIR "/tests/xlsx_check.py", args);
    cr_expect_eq(r.status, 0, "markers and footnotes differ:\n%s%s", r.out, r.err);
    /* CBAK (SRC): PEO and NEO names, CAP twice, TSR, net income on Pay vs
     * Performance; the adjustments and the average on CAP Reconciliation.
     * Golden: two PEO pairs, the peer group and the measure as well. */
    cr_expect(strstr(r.out, "/0/report.xlsx: 8 markers") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "/5/report.xlsx: 12 markers") != NULL, "%s", r.out);
    run_result_free(&r);
    /* Each PEO's years as one range, oldest first, not "2023, 2022". */
    const char *text[] = {"all-text", paths[3], NULL};
    r = python(RECALC, text);
    cr_expect(strstr(r.out, "(1) PEO 1: Catherine Whitfield (PEO in 2022-2023).") != NULL, "%s",
              r.out);
    cr_expect(strstr(r.out, "PEO 2: Rajiv Anand (PEO in 2023-2024).") != NULL, "%s", r.out);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

/* Chinese has no spaces: a spreadsheet breaks a Chinese column title
 * between any two characters, and a title that just fits runs into the
 * next one. In zh-Hant and zh-Hans every Chinese title of every sheet
 * breaks between words, each line clear of its column's edge
 * (tests/xlsx_check.py headers), for an SRC (CBAK) and the golden set. */
Test(workbook, chinese_headers_break_between_words)
{
    char *out = make_temp_dir();
    const char *sets[] = {"/inputs/cbak-fy2022", "/tests/data/golden-nonsrc"};
    const char *labels[] = {"zh-Hant", "zh-Hans"};
    char paths[4][640];
    const char *args[6] = {"headers"};
    size_t n = 0;
    for (size_t s = 0; s < 2; s++)
        for (size_t l = 0; l < 2; l++, n++) {
            run_labelled(out, n, sets[s], labels[l], paths[n]);
            args[1 + n] = paths[n];
        }
    args[1 + n] = NULL;
    run_result r = python(SOURCE_DIR "/tests/xlsx_check.py", args);
    cr_expect_eq(r.status, 0, "Chinese headers break mid-word:\n%s%s", r.out, r.err);
    cr_expect(strstr(r.out, "/0/report.xlsx: 184 Chinese titles") != NULL, "%s", r.out);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

/* Figures and words print as a proxy prints them (tests/xlsx_check.py formats): the
 * golden set's expected term as 5.0, not 5.000000, and its deducted shares
 * on Equity Award Detail as (10,000), not -10,000; the equity tables'
 * dates in CBAK's zh-Hant and the golden set's zh-Hans workbooks as
 * 2027年9月26日, not 09/26/2027, and Equity Award Detail's types and
 * conditions in Chinese (期權, 業績), and the Checks sheet names items,
 * people and checks in Chinese words, not report.json keys and ids; Equity
 * Award Detail's table titles wrap in the columns every page repeats. */
Test(workbook, terms_and_chinese_dates_print_as_a_proxy_prints_them)
{
    char *out = make_temp_dir();
    const char *sets[] = {"/tests/data/golden-nonsrc", "/inputs/cbak-fy2022",
                          "/tests/data/golden-nonsrc"};
    const char *labels[] = {"en", "zh-Hant", "zh-Hans"};
    char paths[3][640];
    const char *args[5] = {"formats"};
    for (size_t n = 0; n < 3; n++) {
        run_labelled(out, n, sets[n], labels[n], paths[n]);
        args[1 + n] = paths[n];
    }
    args[4] = NULL;
    run_result r = python(SOURCE_DIR "/tests/xlsx_check.py", args);
    cr_expect_eq(r.status, 0, "figures print unlike a proxy:\n%s%s", r.out, r.err);
    cr_expect(strstr(r.out, "/0/report.xlsx: 1 terms, 6 dates, 3 negative shares") != NULL, "%s",
              r.out);
    cr_expect(strstr(r.out, "/1/report.xlsx: 0 terms, 2 dates") != NULL, "%s", r.out);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}

/* `paycalc scenarios INPUT --out OUT` with `what` (--price-change or
 * --year-end-price) and its values. */
static void scenarios_into(const char *input, const char *what, const char *values, const char *out)
{
    const char *args[] = {"scenarios", input, what, values, "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc scenarios %s: %s", input, r.err);
    run_result_free(&r);
}

/* scenarios.xlsx recalculated by LibreOffice: every formula cell as
 * stored, every reconciliation line and CAP as scenarios.json has them,
 * each fair value line a formula over its scenario's valuations; and the
 * workbook is live down to the price cell: a scenario's price edited in the
 * workbook gives the CAP of a second run at that price. */
Test(workbook, scenarios_recalculate_and_follow_an_edited_price, .timeout = 900)
{
    char *out = make_temp_dir();
    char *dir = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    char *first = pc_text_format("%s/first", out), *second = pc_text_format("%s/second", out);
    scenarios_into(dir, "--price-change", "-30%,0%,30%", first);
    scenarios_into(dir, "--year-end-price", "1.25", second);
    char *xlsx = pc_text_format("%s/scenarios.xlsx", first);
    char *json = pc_text_format("%s/scenarios.json", first);
    char *json2 = pc_text_format("%s/scenarios.json", second);

    const char *check[] = {"scenarios", xlsx, json, NULL};
    run_result r = python(RECALC, check);
    cr_expect_eq(r.status, 0, "scenarios.xlsx differs (exit %d):\n%s%s", r.status, r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "no summary line:\n%s%s", r.out, r.err);
    run_result_free(&r);

    /* Scenario 1 is -30% (0.8043); its price cell becomes 1.25. */
    const char *edit[] = {"scenario-price", xlsx, "1", "1.25", json2, NULL};
    r = python(RECALC, edit);
    cr_expect_eq(r.status, 0, "the edited price (exit %d):\n%s%s", r.status, r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "no summary line:\n%s%s", r.out, r.err);
    run_result_free(&r);
    free(xlsx);
    free(json);
    free(json2);
    free(first);
    free(second);
    free(dir);
    free(out);
}
