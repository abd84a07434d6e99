/*
 * restated (SPEC section 8, --prior): last year's figures against this
 * year's, from last year's report.json or reported.csv; and the yearly
 * roll-forward through the program.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/model.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/verify.h"
#include "support.h"

#define SCT PC_REPORTED_SCT
#define PVP PC_REPORTED_PVP
#define CAP PC_REPORTED_CAP
#define AVG "non_peo_neo_average"

/* A figure as the proxy prints it (pc_parse_printed). */
static void publish(pc_dataset *ds, pc_reported_table table, int year, const char *subject,
                    const char *item, const char *text)
{
    pc_printed p;
    char why[160] = "";
    cr_assert_eq(pc_parse_printed(text, &p, why, sizeof why), PC_OK, "%s: %s", text, why);
    pc_reported *r = PC_ARRAY_PUSH(&ds->reported);
    cr_assert_not_null(r);
    r->table = table;
    r->year = year;
    r->subject = pc_strdup(subject);
    r->item = pc_strdup(item);
    r->value_micro = p.value_micro;
    r->decimals = p.decimals;
    r->line = (int)ds->reported.count + 1;
}

typedef struct pair {
    pc_dataset prior, now;
    pc_checks checks;
} pair;

static void pair_init(pair *p)
{
    pc_dataset_init(&p->prior);
    pc_dataset_init(&p->now);
    pc_checks_init(&p->checks);
}

static void pair_fini(pair *p)
{
    pc_dataset_fini(&p->prior);
    pc_dataset_fini(&p->now);
    pc_checks_fini(&p->checks);
}

static const pc_finding *finding(const pc_checks *c, size_t i)
{
    cr_assert_lt(i, c->findings.count);
    return &c->findings.items[i];
}

Test(restated, the_same_figures_a_year_later_are_not_restated)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.prior, PVP, 2022, "li", "cap", "235,853.85");
    publish(&p.prior, CAP, 2022, AVG, "less_equity_awards", "(2,555.00)");
    publish(&p.now, SCT, 2022, "li", "total", "$177,658");
    publish(&p.now, PVP, 2022, "li", "cap", "$ 235,853.85");
    publish(&p.now, CAP, 2022, AVG, "less_equity_awards", "$(2,555.00)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.checked, 3);
    pair_fini(&p);
}

Test(restated, a_moved_figure_names_both_values)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2022, "li", "salary", "117,658");
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2022, "li", "salary", "117,658");
    publish(&p.now, SCT, 2022, "li", "total", "178,658");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    const pc_finding *f = finding(&p.checks, 0);
    cr_assert_str_eq(f->check, "restated");
    cr_assert_eq(f->severity, PC_CHECK_ERROR);
    cr_assert_eq(f->table, SCT);
    cr_assert_eq(f->year, 2022);
    cr_assert_str_eq(f->subject, "li");
    cr_assert_str_eq(f->item, "total");
    cr_assert_eq(f->published_micro, 178658000000LL); /* this year's */
    cr_assert_eq(f->expected_micro, 177658000000LL);  /* last year's */
    cr_assert_eq(f->difference_micro, 1000000000LL);
    cr_assert_eq(p.checks.errors, 1);
    cr_assert(pc_verify_failed(&p.checks, false));
    pair_fini(&p);
}

Test(restated, figures_of_different_precision_compare_at_the_coarser)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2022, "li", "cap", "235,854"); /* whole dollars */
    publish(&p.prior, PVP, 2022, AVG, "cap", "155,306");  /* whole dollars */
    publish(&p.prior, PVP, 2022, "company", "net_income", "(11.3) M");
    publish(&p.now, PVP, 2022, "li", "cap", "235,853.85"); /* rounds to 235,854 */
    publish(&p.now, PVP, 2022, AVG, "cap", "155,307.32");  /* rounds to 155,307 */
    publish(&p.now, PVP, 2022, "company", "net_income", "(11,327,811)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    cr_assert_str_eq(finding(&p.checks, 0)->subject, AVG);
    pair_fini(&p);
}

Test(restated, only_figures_both_years_hold_are_compared)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2021, "li", "total", "293,557"); /* dropped from this year's */
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2023, "li", "total", "190,000");  /* new this year */
    publish(&p.now, SCT, 2022, "pei", "total", "115,556"); /* not in last year's */
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.checked, 1);
    pair_fini(&p);
}

Test(restated, tsr_from_another_base_year_is_skipped_with_the_reason)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.prior, PVP, 2022, "company", "tsr", "19.57");
    publish(&p.prior, PVP, 2022, "company", "net_income", "(11,327,811)");
    publish(&p.now, PVP, 2022, "company", "tsr", "63.48");
    publish(&p.now, PVP, 2023, "company", "tsr", "70.00");
    publish(&p.now, PVP, 2022, "company", "net_income", "(11,327,811)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.skipped.count, 1);
    cr_assert_str_eq(p.checks.skipped.items[0].check, "restated");
    cr_assert_eq(p.checks.skipped.items[0].year, 2022);
    cr_assert(strstr(p.checks.skipped.items[0].reason, "2022 now and 2021 last year"), "%s",
              p.checks.skipped.items[0].reason);
    pair_fini(&p);
}

Test(restated, tsr_from_the_same_base_year_must_not_move)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.prior, PVP, 2022, "company", "tsr", "19.57");
    publish(&p.now, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.now, PVP, 2022, "company", "tsr", "19.75");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    cr_assert_str_eq(finding(&p.checks, 0)->item, "tsr");
    cr_assert_eq(p.checks.skipped.count, 0);
    pair_fini(&p);
}

/* ------------------------------------------------------ reading --prior */

static char *scratch_file(const char *name, const char *text)
{
    char *dir = make_temp_dir();
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    cr_assert_eq(write_text(path, text), 0);
    free(dir);
    return path;
}

Test(restated, prior_report_json_gives_every_table_figure)
{
    char *path = scratch_file(
        "last-year.json",
        "{\"schema_version\": 1,\n"
        " \"summary_compensation_table\": [{\"person_id\": \"li\", \"year\": 2022,"
        " \"salary\": 117658, \"bonus\": 0, \"stock_awards\": 60000, \"option_awards\": 0,"
        " \"non_equity_incentive\": 0, \"pension_nqdc\": 0, \"all_other\": 0, \"total\": "
        "177658}],\n"
        " \"pay_versus_performance\": [{\"year\": 2022, \"peo\": [{\"person_id\": \"li\","
        " \"sct_total\": 177658, \"cap\": 235853.85}], \"non_peo_neo_average\": {\"count\": 1,"
        " \"person_ids\": [\"pei\"], \"sct_total\": 115556, \"cap\": 155306.32}, \"tsr\": 19.57,"
        " \"peer_group_tsr\": null, \"net_income\": -11327811, \"company_selected_measure\":"
        " null}],\n"
        " \"cap_reconciliation\": [{\"year\": 2022, \"subject\": \"li\", \"sct_total\": 177658,"
        " \"less_equity_awards\": -5678, \"cap\": 235853.85}]}\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_OK);
    cr_assert_eq(diags.errors, 0);
    /* 8 SCT + 2 PEO + 3 average + tsr + net income + 3 reconciliation lines */
    cr_assert_eq(prior.reported.count, 18, "%zu figures", prior.reported.count);
    bool cap_seen = false, deduction_seen = false;
    for (size_t i = 0; i < prior.reported.count; i++) {
        const pc_reported *r = &prior.reported.items[i];
        if (r->table == PVP && !strcmp(r->subject, "li") && !strcmp(r->item, "cap")) {
            cap_seen = true;
            cr_assert_eq(r->value_micro, 235853850000LL);
        }
        if (r->table == CAP && !strcmp(r->item, "less_equity_awards")) {
            deduction_seen = true;
            cr_assert_eq(r->value_micro, -5678000000LL);
        }
    }
    cr_assert(cap_seen && deduction_seen);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}

Test(restated, prior_reported_csv_is_read_like_this_years)
{
    char *path = scratch_file("reported.csv", "table,year,subject,item,value\n"
                                              "sct,2022,li,total,\"$177,658\"\n"
                                              "pvp,2022,company,net_income,(11.3) M\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_OK);
    cr_assert_eq(prior.reported.count, 2);
    cr_assert_eq(prior.reported.items[0].value_micro, 177658000000LL);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}

Test(restated, a_prior_that_is_neither_is_an_input_error_naming_the_file)
{
    char *path = scratch_file("other.json", "{\"hello\": 1}\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].file, path);
    cr_assert(strstr(diags.items[0].message, "schema_version"), "%s", diags.items[0].message);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}
