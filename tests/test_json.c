/*
 * report.json (SPEC section 9): exact money, keys, determinism.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builder.h"
#include "paycalc/engine.h"
#include "paycalc/write.h"
#include "support.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5)))
#define M(x) ((int64_t)((x)*1000000 + 0.5))

static pc_dataset ds;
static pc_report report;
static pc_diags diags;

/* A PEO whose CAP is 235,853.85: salary 200,000 plus a supplied fair value
 * change of 35,853.85 on 1,000 unvested shares. */
static void setup(void)
{
    pc_report_init(&report);
    pc_diags_init(&diags);
    b_init(&ds, 12, 31, 2022, 2022, true);
    size_t p = b_person(&ds, "li-yunfei", "李雲飛");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    b_cash(&ds, p, 2022, PC_COMP_SALARY, D(200000), "USD", NULL);
    size_t a = b_award(&ds, "A1", p, PC_AWARD_STOCK, PC_CONDITION_MARKET, "2021-06-01", 1000, 0,
                       NULL, M(3));
    b_tranche(&ds, a, 1, "2024-06-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_fair_value(&ds, a, 0, "2021-12-31", M(10));
    b_fair_value(&ds, a, 0, "2022-12-31", M(45.85385));
    b_price(&ds, "2021-12-31", M(5.87), 0);
    b_price(&ds, "2022-12-30", M(1.149), 0);
    b_performance(&ds, 2022, D(-11327811));
    b_done(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
}

static void teardown(void)
{
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

Test(json, money_prints_exactly, .init = setup, .fini = teardown)
{
    char *text = pc_json_dumps(&ds, &report);
    cr_assert_not_null(text);
    cr_assert(strstr(text, "\"cap\": 235853.85") != NULL, "%s", text);
    cr_assert(strstr(text, "235853.84999") == NULL);
    cr_assert(strstr(text, "\"net_income\": -11327811") != NULL);
    cr_assert(strstr(text, "\"tsr\": 19.57") != NULL);
    cr_assert(strstr(text, "李雲飛") != NULL, "names stay UTF-8, not escaped");
    free(text);
}

Test(json, has_every_top_level_key_in_order, .init = setup, .fini = teardown)
{
    char *text = pc_json_dumps(&ds, &report);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    cr_assert_not_null(root, "%s", err.text);
    static const char *keys[] = {"schema_version",
                                 "generator",
                                 "company",
                                 "years",
                                 "exchange_rates",
                                 "summary_compensation_table",
                                 "pay_versus_performance",
                                 "cap_reconciliation",
                                 "award_valuations",
                                 "retirement_eligible",
                                 "tsr",
                                 "warnings"};
    const char *prev = text;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\n  \"%s\":", keys[i]); /* top level */
        const char *at = strstr(text, quoted);
        cr_assert_not_null(at, "missing %s", keys[i]);
        cr_assert_gt(at, prev, "%s out of order", keys[i]);
        prev = at;
    }
    cr_assert_eq(json_integer_value(json_object_get(root, "schema_version")), 1);
    json_t *pvp = json_array_get(json_object_get(root, "pay_versus_performance"), 0);
    cr_assert(json_is_null(json_object_get(pvp, "non_peo_neo_average")));
    json_t *val = json_array_get(json_object_get(root, "award_valuations"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(val, "method")), "supplied");
    cr_assert_str_eq(json_string_value(json_object_get(val, "line")), "change_fv_prior_unvested");
    cr_assert_null(json_object_get(root, "checks"), "checks only with reported.csv");
    json_decref(root);
    free(text);
}

Test(json, same_report_gives_the_same_bytes, .init = setup, .fini = teardown)
{
    char *dir = make_temp_dir();
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/a.json", dir);
    snprintf(b, sizeof b, "%s/b.json", dir);
    cr_assert_eq(pc_write_json(&ds, &report, a, &diags), PC_OK);
    cr_assert_eq(pc_write_json(&ds, &report, b, &diags), PC_OK);
    size_t na, nb;
    char *ta = read_file(a, &na), *tb = read_file(b, &nb);
    cr_assert_eq(na, nb);
    cr_assert(memcmp(ta, tb, na) == 0);
    cr_assert_eq(ta[na - 1], '\n');
    free(ta);
    free(tb);
    cr_assert_eq(count_entries(dir), 2, "no temporary file is left behind");
    remove_dir(dir);
    free(dir);
}

Test(json, failed_write_leaves_the_earlier_report_untouched, .init = setup, .fini = teardown)
{
    char *dir = make_temp_dir();
    char path[512], bad[600];
    snprintf(path, sizeof path, "%s/report.json", dir);
    cr_assert_eq(write_text(path, "earlier report\n"), 0);
    /* A folder that does not exist: the temporary file cannot be made. */
    snprintf(bad, sizeof bad, "%s/missing/report.json", dir);
    cr_assert_eq(pc_write_json(&ds, &report, bad, &diags), PC_ERR_WRITE);
    cr_assert_geq(diags.errors, 1);
    /* A target that is a folder: the rename fails after the write. */
    char sub[600];
    snprintf(sub, sizeof sub, "%s/folder", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    cr_assert_eq(pc_write_json(&ds, &report, sub, &diags), PC_ERR_WRITE);
    char *text = read_file(path, NULL);
    cr_assert_str_eq(text, "earlier report\n");
    free(text);
    cr_assert_eq(count_entries(dir), 2, "no temporary file is left behind");
    remove_dir(dir);
    free(dir);
}

Test(json, lists_the_tranches_cap_treats_as_vested_on_retirement, .init = setup, .fini = teardown)
{
    /* The setup's PEO, eligible from 2022-03-15, gets a service award with
     * retirement_vesting granted 2022-01-10: treated as vested on the
     * eligibility date (the later of the two). */
    pc_report_fini(&report);
    pc_report_init(&report);
    size_t p = 0;
    b_retirement_eligible(&ds, p, "2022-03-15");
    size_t a = b_award(&ds, "R1", p, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2022-01-10", 100, 0,
                       NULL, M(2));
    b_retirement_vesting(&ds, a);
    b_tranche(&ds, a, 1, "2025-01-10", 100, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2022-03-15", M(4), 0);
    b_done(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
    char *text = pc_json_dumps(&ds, &report);
    cr_assert_not_null(text);
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    cr_assert_not_null(root, "%s", error.text);
    json_t *list = json_object_get(root, "retirement_eligible");
    cr_assert(json_is_array(list));
    cr_assert_eq(json_array_size(list), 1);
    char *entry = json_dumps(json_array_get(list, 0), JSON_SORT_KEYS | JSON_COMPACT);
    cr_assert_str_eq(entry, "{\"award_id\":\"R1\",\"eligible_date\":\"2022-03-15\",\"person_id\":"
                            "\"li-yunfei\",\"tranche\":1,\"treated_vested_on\":\"2022-03-15\"}");
    free(entry);
    json_decref(root);
    free(text);
}

Test(json, retirement_eligible_is_an_empty_list_when_nothing_is_treated, .init = setup,
     .fini = teardown)
{
    char *text = pc_json_dumps(&ds, &report);
    cr_assert_not_null(text);
    cr_assert(strstr(text, "\"retirement_eligible\": []") != NULL, "%s", text);
    free(text);
}

/* SPEC section 9: each valuation carries `contribution`, the signed amount
 * it adds to its line; a line's contributions add up to the line (here
 * 45,853.85 at the year end less 10,000.00 at the prior year end). */
Test(json, valuation_contributions_add_up_to_their_line, .init = setup, .fini = teardown)
{
    char *text = pc_json_dumps(&ds, &report);
    cr_assert_not_null(text);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    cr_assert_not_null(root, "%s", err.text);
    double sum = 0, deducted = 0;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(root, "award_valuations"), i, v)
    {
        json_t *c = json_object_get(v, "contribution");
        cr_assert(json_is_number(c), "valuation %zu has no contribution", i);
        if (strcmp(json_string_value(json_object_get(v, "line")), "change_fv_prior_unvested"))
            continue;
        sum += json_number_value(c);
        if (!strcmp(json_string_value(json_object_get(v, "purpose")), "prior_fye"))
            deducted += json_number_value(c);
    }
    cr_assert_float_eq(deducted, -10000.0, 1e-9);
    json_t *cap = json_array_get(json_object_get(root, "cap_reconciliation"), 0);
    double line = json_number_value(json_object_get(cap, "change_fv_prior_unvested"));
    cr_assert_float_eq(line, 35853.85, 1e-9);
    cr_assert_float_eq(sum, line, 1e-6);
    json_decref(root);
    free(text);
}
