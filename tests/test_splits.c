/*
 * Stock splits (corporate_actions.csv, calc/read/read_splits.c).
 *
 * tests/data/splits/golden-presplit is the golden input set
 * (tests/data/golden-nonsrc) as it would be written by someone who kept
 * every figure in the terms of its own date, with a 2-for-1 split effective
 * 2023-01-03, in the middle of the PvP measurement period and of A-PSU-2021's
 * performance period: closes and dividends before that date are twice
 * golden's, the awards granted before it have half the shares at twice the
 * exercise price and grant-date fair value, the exercises and supplied fair
 * values before it likewise. Restated, it is the same company described in
 * post-split terms, so its report.json must be golden's, key for key, with
 * corporate_actions added: TSR, every SCT figure, every CAP line, every
 * valuation and the equity tables.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"
#include "xlsx_xml.h"

#define GOLDEN SOURCE_DIR "/tests/data/golden-nonsrc"
#define PRESPLIT SOURCE_DIR "/tests/data/splits/golden-presplit"

/* Removes what the tests make in a temporary folder: its out/ and set/
 * folders (remove_dir goes one level deep), then the folder. */
static void remove_temp(char *tmp)
{
    const char *inner[] = {"out", "set"};
    for (size_t i = 0; i < 2; i++) {
        char *p = path_join(tmp, inner[i]);
        remove_dir(p);
        free(p);
    }
    remove_dir(tmp);
    free(tmp);
}

/* A copy of the pre-split set in TMP/set. */
static char *copy_presplit(const char *tmp)
{
    char *set = path_join(tmp, "set");
    cr_assert_eq(mkdir(set, 0700), 0);
    cr_assert_eq(copy_dir(PRESPLIT, set), 0);
    return set;
}

static json_t *run_report(const char *set, char **tmp_out)
{
    char *tmp = make_temp_dir();
    char *out = path_join(tmp, "out");
    const char *args[] = {"run", set, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "run %s: %s", set, r.err);
    run_result_free(&r);
    char *path = path_join(out, "report.json");
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    cr_assert_not_null(root, "%s: %s", path, err.text);
    free(path);
    free(out);
    *tmp_out = tmp;
    return root;
}

/* The row of an award in a year of an equity table ("outstanding_equity_awards"). */
static json_t *table_row(json_t *report, const char *table, const char *award, int year)
{
    json_t *rows = json_object_get(report, table);
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        if (!strcmp(json_string_value(json_object_get(row, "award_id")), award) &&
            json_integer_value(json_object_get(row, "year")) == year)
            return row;
    }
    cr_assert_fail("no %s row for %s in %d", table, award, year);
    return NULL;
}

static json_t *oea_row(json_t *report, const char *award, int year)
{
    return table_row(report, "outstanding_equity_awards", award, year);
}

static json_int_t int_at(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_integer(v), "%s is not an integer", key);
    return json_integer_value(v);
}

static double num_at(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_number(v), "%s is not a number", key);
    return json_number_value(v);
}

Test(splits, a_split_mid_period_reports_exactly_what_the_post_split_set_does)
{
    char *tmp_a, *tmp_b;
    json_t *golden = run_report(GOLDEN, &tmp_a);
    json_t *presplit = run_report(PRESPLIT, &tmp_b);
    cr_assert_null(json_object_get(golden, "corporate_actions"),
                   "a set without corporate_actions.csv has no corporate_actions key");
    cr_assert_not_null(json_object_get(presplit, "corporate_actions"));
    /* Section by section first, so a failure names the part that moved. */
    const char *sections[] = {"tsr",
                              "summary_compensation_table",
                              "pay_versus_performance",
                              "cap_reconciliation",
                              "award_valuations",
                              "outstanding_equity_awards",
                              "exercises_and_vesting",
                              "plan_based_awards",
                              "warnings"};
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        cr_expect(json_equal(json_object_get(golden, sections[i]),
                             json_object_get(presplit, sections[i])),
                  "%s differs between the pre-split and the post-split set", sections[i]);
    /* Then everything else: only corporate_actions is new. */
    cr_assert_eq(json_object_del(presplit, "corporate_actions"), 0);
    cr_assert(json_equal(golden, presplit), "the reports differ beyond corporate_actions");
    json_decref(golden);
    json_decref(presplit);
    /* The workbook shows the split on its own sheet, and only then. */
    char *xlsx_a = path_join(tmp_a, "out/report.xlsx"),
         *xlsx_b = path_join(tmp_b, "out/report.xlsx");
    char why[256];
    cr_assert_gt(xlsx_xml_check(xlsx_b, why, sizeof why), 0, "%s", why);
    cr_expect_gt(xlsx_xml_contains(xlsx_b, "Corporate Actions"), 0);
    cr_expect_gt(xlsx_xml_contains(xlsx_b, "2 : 1"), 0);
    cr_expect_gt(xlsx_xml_contains(xlsx_b, "Stock split of 2023-01-03, 2 new shares for 1"), 0,
                 "Prices names the split");
    cr_expect_eq(xlsx_xml_contains(xlsx_a, "Corporate Actions"), 0);
    free(xlsx_a);
    free(xlsx_b);
    remove_temp(tmp_a);
    remove_temp(tmp_b);
}

/* Hand-computed from the pre-split inputs: the TSR base close of 2021-06-30
 * is $80.00 before the split, $40.00 after; A-OPT-2022 was granted
 * 2022-09-15 as 60,000 options at $90.40 in three tranches of 20,000, one
 * vested 2023-09-15: at the fiscal 2024 year end the table shows 40,000
 * exercisable and 80,000 unexercisable at $45.20. */
Test(splits, the_tsr_base_is_halved_and_an_option_doubles_at_half_the_price)
{
    char *tmp;
    json_t *report = run_report(PRESPLIT, &tmp);
    json_t *tsr = json_object_get(report, "tsr");
    cr_expect_str_eq(json_string_value(json_object_get(tsr, "base_date")), "2021-06-30");
    cr_expect_float_eq(num_at(tsr, "base_price"), 40.0, 1e-9);

    json_t *row = oea_row(report, "A-OPT-2022", 2024);
    cr_expect_eq(int_at(row, "options_exercisable"), 40000);
    cr_expect_eq(int_at(row, "options_unexercisable"), 80000);
    cr_expect_float_eq(num_at(row, "exercise_price"), 45.2, 1e-9);

    json_t *actions = json_object_get(report, "corporate_actions");
    cr_assert_eq(json_array_size(actions), 1);
    json_t *split = json_array_get(actions, 0);
    cr_expect_str_eq(json_string_value(json_object_get(split, "type")), "split");
    cr_expect_str_eq(json_string_value(json_object_get(split, "date")), "2023-01-03");
    cr_expect_str_eq(json_string_value(json_object_get(split, "ratio")), "2:1");
    /* prices.csv rows 2 to 402 are dated 2021-06-01 to 2022-12-30, seven
     * of them with a dividend; three exercises and two W-TSR-2020 fair
     * values are dated before the split, and ten awards granted before it. */
    cr_expect_eq(int_at(split, "prices_restated"), 401);
    cr_expect_eq(int_at(split, "dividends_restated"), 7);
    cr_expect_eq(int_at(split, "exercises_restated"), 3);
    cr_expect_eq(int_at(split, "fair_values_restated"), 2);
    json_t *awards = json_object_get(split, "awards_restated");
    cr_assert_eq(json_array_size(awards), 10);
    size_t i;
    json_t *a;
    bool seen = false;
    json_array_foreach(awards, i, a)
    {
        if (strcmp(json_string_value(json_object_get(a, "award_id")), "A-OPT-2022") != 0)
            continue;
        seen = true;
        cr_expect_eq(int_at(a, "shares_before"), 60000);
        cr_expect_eq(int_at(a, "shares_after"), 120000);
        cr_expect_float_eq(num_at(a, "exercise_price_before"), 90.4, 1e-9);
        cr_expect_float_eq(num_at(a, "exercise_price_after"), 45.2, 1e-9);
    }
    cr_expect(seen, "A-OPT-2022 is among the restated awards");
    json_decref(report);
    remove_temp(tmp);
}

/* A 1-for-7 reverse split: shares round down to a whole share on the
 * running total of the tranches, prices are multiplied by 7. A-OPT-2022's
 * 60,000 options in tranches of 20,000 become floor(20,000/7) = 2,857,
 * floor(40,000/7) - 2,857 = 5,714 - 2,857 = 2,857 and floor(60,000/7) -
 * 5,714 = 8,571 - 5,714 = 2,857 (8,571 in all, the 3/7 of a share of the
 * award dropped); the exercise price $90.40 x 7 = $632.80. W-RSU-2020's
 * four tranches of 3,000 become 428, 429 (857 - 428), 428 (1,285 - 857)
 * and 429 (1,714 - 1,285): Exercises and Vesting shows 428 vested in
 * fiscal 2022 (2021-08-15) and 429 + 428 = 857 in fiscal 2023 (2022-08-15
 * and 2023-02-28), where rounding each tranche alone would give 856. The 2024
 * exercise of B-OPT-2021, after the split in golden's (post-2:1) terms, is
 * left out: it would be more than the restated award. */
Test(splits, a_reverse_split_rounds_shares_down_on_the_running_total)
{
    char *tmp = make_temp_dir();
    char *set = copy_presplit(tmp);
    char *actions = path_join(set, "corporate_actions.csv");
    char *exercises = path_join(set, "exercises.csv");
    cr_assert_eq(write_text(actions, "date,ratio\n2023-01-03,1:7\n"), 0);
    cr_assert_eq(write_text(exercises, "award_id,date,shares\n"
                                       "B-OPT-2021,2022-06-15,4000\n"
                                       "W-OPT-2021,2022-09-06,15000\n"
                                       "P-SAR-2021,2022-09-06,5000\n"),
                 0);
    char *out_tmp;
    json_t *report = run_report(set, &out_tmp);
    json_t *row = oea_row(report, "A-OPT-2022", 2024);
    cr_expect_eq(int_at(row, "options_exercisable"), 2857);
    cr_expect_eq(int_at(row, "options_unexercisable"), 5714);
    cr_expect_float_eq(num_at(row, "exercise_price"), 632.8, 1e-9);
    cr_expect_eq(
        int_at(table_row(report, "exercises_and_vesting", "W-RSU-2020", 2022), "stock_vested"),
        428);
    cr_expect_eq(
        int_at(table_row(report, "exercises_and_vesting", "W-RSU-2020", 2023), "stock_vested"),
        857);
    json_t *split = json_array_get(json_object_get(report, "corporate_actions"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(split, "ratio")), "1:7");
    json_t *awards = json_object_get(split, "awards_restated");
    size_t i;
    json_t *a;
    json_array_foreach(awards, i, a)
    {
        if (!strcmp(json_string_value(json_object_get(a, "award_id")), "A-OPT-2022"))
            cr_expect_eq(int_at(a, "shares_after"), 8571);
    }
    /* The TSR base: $80.00 x 7. */
    cr_expect_float_eq(num_at(json_object_get(report, "tsr"), "base_price"), 560.0, 1e-9);
    json_decref(report);
    remove_temp(out_tmp);
    free(actions);
    free(exercises);
    free(set);
    remove_temp(tmp);
}

/* A ratio that is not a positive number stops `run` with exit status 3,
 * the file, line, column and value in the message, and no report. */
Test(splits, a_bad_ratio_is_refused_and_nothing_is_written)
{
    const char *bad[] = {"0", "-2", "two", "1:0"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        char *tmp = make_temp_dir();
        char *set = copy_presplit(tmp);
        char *actions = path_join(set, "corporate_actions.csv");
        char text[64];
        snprintf(text, sizeof text, "date,ratio\n2023-01-03,%s\n", bad[k]);
        cr_assert_eq(write_text(actions, text), 0);
        char *out = path_join(tmp, "out");
        const char *args[] = {"run", set, "--out", out, "--quiet", NULL};
        run_result r = run_paycalc(args);
        cr_expect_eq(r.status, 3, "ratio '%s': exit %d", bad[k], r.status);
        char expected[128];
        snprintf(expected, sizeof expected,
                 "corporate_actions.csv:2:2: error: ratio: invalid split ratio '%s'", bad[k]);
        cr_expect(strstr(r.err, expected), "ratio '%s': %s", bad[k], r.err);
        char *json = path_join(out, "report.json");
        cr_expect_null(read_file(json, NULL), "a report was written for ratio '%s'", bad[k]);
        run_result_free(&r);
        free(json);
        free(out);
        free(actions);
        free(set);
        remove_temp(tmp);
    }
}
