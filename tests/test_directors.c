/*
 * The Director Compensation table (Item 402(k); 402(r) for a smaller
 * reporting company): each column from hand-computed inputs, the footnote
 * of awards outstanding at the year end, directors kept out of every
 * executive table, and `verify` on published `dct` figures.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "paycalc/engine.h"
#include "paycalc/report.h"
#include "paycalc/text.h"
#include "paycalc/verify.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5))) /* dollars -> cents */
#define M(x) ((int64_t)((x)*1000000 + 0.5))                 /* decimal -> micros */

static pc_dataset ds;
static pc_report report;
static pc_diags diags;
static size_t ceo, ada, bo, cy;

static void setup(void)
{
    pc_report_init(&report);
    pc_diags_init(&diags);
}

static void teardown(void)
{
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

/* A company with a CEO and three directors: Ada (2022, everything), Bo
 * (2021 only: not in the 2022 table) and Cy (2022, paid nothing).
 * `pension_cents`: Ada's change in pension value for 2022. */
static void build(bool src, int64_t pension_cents)
{
    b_init(&ds, 12, 31, 2021, 2022, src);
    ceo = b_person(&ds, "ceo", "Chief");
    ada = b_person(&ds, "ada", "Ada Board");
    bo = b_person(&ds, "bo", "Bo Former");
    cy = b_person(&ds, "cy", "Cy Unpaid");
    b_role(&ds, 2021, ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, ada, PC_ROLE_DIRECTOR);
    b_role(&ds, 2021, bo, PC_ROLE_DIRECTOR);
    b_role(&ds, 2022, cy, PC_ROLE_DIRECTOR);
    b_cash(&ds, ceo, 2021, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_cash(&ds, ceo, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
    /* (b): 30,000.40 + 10,000 CNY / 6.4 (= 1,562.50) + a 500.00 bonus
     * = 32,062.90 -> 32,063. */
    b_cash(&ds, ada, 2022, PC_COMP_FEES, D(20000.40), "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_FEES, D(10000), "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_FEES, D(10000), "CNY", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_BONUS, D(500), "USD", NULL);
    b_fx_year(&ds, "CNY", 2022, M(6.4));
    /* (e) 2,000.49 -> 2,000; (f) 100.50 + the pension change; (g) 999.50 ->
     * 1,000 (half away from zero); a service cost has no column. */
    b_cash(&ds, ada, 2022, PC_COMP_NON_EQUITY_INCENTIVE, D(2000.49), "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_NQDC_EARNINGS, D(100.50), "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_CHANGE_IN_PENSION_VALUE, pension_cents, "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_ALL_OTHER, D(999.50), "USD", NULL);
    b_cash(&ds, ada, 2022, PC_COMP_PENSION_SERVICE_COST, D(777), "USD", NULL);
    b_cash(&ds, bo, 2021, PC_COMP_FEES, D(40000), "USD", NULL);
    /* (c): 1,000 shares x 12.345 = 12,345.00, half vested in 2022. */
    size_t s22 = b_award(&ds, "ada-rsu-2022", ada, PC_AWARD_STOCK, PC_CONDITION_SERVICE,
                         "2022-03-01", 1000, 0, NULL, M(12.345));
    b_tranche(&ds, s22, 1, "2022-09-01", 500, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, s22, 2, "2023-03-01", 500, PC_TRANCHE_UNVESTED, NULL);
    /* (d): 2,000 options x 2.50 = 5,000.00; 1,000 vested, 300 of them
     * exercised in 2022. */
    size_t o22 = b_award(&ds, "ada-opt-2022", ada, PC_AWARD_OPTION, PC_CONDITION_SERVICE,
                         "2022-06-01", 2000, M(10), "2032-06-01", M(2.5));
    b_tranche(&ds, o22, 1, "2022-12-01", 1000, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, o22, 2, "2023-06-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_exercise(&ds, o22, "2022-12-15", 300);
    /* Granted in 2021: not in the 2022 columns, but outstanding. */
    size_t s21 = b_award(&ds, "ada-rsu-2021", ada, PC_AWARD_STOCK, PC_CONDITION_SERVICE,
                         "2021-05-01", 400, 0, NULL, M(9));
    b_tranche(&ds, s21, 1, "2023-05-01", 400, PC_TRANCHE_UNVESTED, NULL);
    b_prices_flat(&ds, "2020-12-01", "2022-12-31", M(11));
    b_performance(&ds, 2021, D(1000000));
    b_performance(&ds, 2022, D(1000000));
    b_done(&ds);
}

static void run_ok(void)
{
    pc_status st = pc_engine_run(&ds, &report, &diags);
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].severity == PC_SEVERITY_ERROR)
            cr_log_error("%s", diags.items[i].message);
    cr_assert_eq(st, PC_OK);
}

static bool warned(const char *code)
{
    for (size_t i = 0; i < report.warnings.count; i++)
        if (strcmp(report.warnings.items[i].code, code) == 0)
            return true;
    return false;
}

Test(directors, each_column_from_its_inputs_rounded_as_the_sct, .init = setup, .fini = teardown)
{
    build(false, D(-50));
    run_ok();
    cr_assert_eq(report.directors.count, 2, "Ada and Cy serve in 2022; Bo only in 2021");
    const pc_director_row *a = &report.directors.items[0];
    cr_assert_eq(a->person, ada);
    cr_assert_eq(a->year, 2022);
    cr_assert_eq(a->column[PC_DCT_FEES], D(32063));
    cr_assert_eq(a->column[PC_DCT_STOCK_AWARDS], D(12345));
    cr_assert_eq(a->column[PC_DCT_OPTION_AWARDS], D(5000));
    cr_assert_eq(a->column[PC_DCT_NON_EQUITY_INCENTIVE], D(2000));
    /* A decrease in pension value is 0: 100.50 -> 101. */
    cr_assert_eq(a->column[PC_DCT_PENSION_NQDC], D(101));
    cr_assert_eq(a->column[PC_DCT_ALL_OTHER], D(1000));
    cr_assert_eq(a->column[PC_DCT_TOTAL], D(32063 + 12345 + 5000 + 2000 + 101 + 1000));
    cr_assert(warned("negative_pension_change"));

    const pc_director_row *c = &report.directors.items[1];
    cr_assert_eq(c->person, cy);
    for (int k = 0; k < PC_DCT_NCOLUMNS; k++)
        cr_assert_eq(c->column[k], 0);
    cr_assert_eq(c->ngrants, 0);
}

Test(directors, the_footnote_counts_awards_outstanding_and_each_grant, .init = setup,
     .fini = teardown)
{
    build(false, 0);
    run_ok();
    const pc_director_row *a = &report.directors.items[0];
    /* 500 of the 2022 grant and the 400 of 2021 not vested; 2,000 options
     * less the 300 exercised. */
    cr_assert_eq(a->stock_outstanding, 900);
    cr_assert_eq(a->options_outstanding, 1700);
    cr_assert_eq(a->ngrants, 2);
    const pc_director_grant *g = &report.director_grants.items[a->first_grant];
    cr_assert_str_eq(ds.awards.items[g[0].award].id, "ada-rsu-2022");
    cr_assert_eq(g[0].value, D(12345));
    cr_assert_str_eq(ds.awards.items[g[1].award].id, "ada-opt-2022");
    cr_assert_eq(g[1].value, D(5000));
}

Test(directors, a_smaller_reporting_company_shows_nqdc_earnings_only, .init = setup,
     .fini = teardown)
{
    build(true, D(300));
    run_ok();
    /* Item 402(r)(2)(vi): 100.50 of NQDC earnings, the 300.00 pension change
     * left out with a warning. */
    cr_assert_eq(report.directors.items[0].column[PC_DCT_PENSION_NQDC], D(101));
    cr_assert(warned("pension_ignored_for_src"));
}

Test(directors, a_company_that_is_not_src_adds_the_pension_change, .init = setup, .fini = teardown)
{
    build(false, D(300));
    run_ok();
    cr_assert_eq(report.directors.items[0].column[PC_DCT_PENSION_NQDC], D(401));
}

Test(directors, directors_are_in_no_executive_table, .init = setup, .fini = teardown)
{
    build(false, 0);
    run_ok();
    for (size_t i = 0; i < report.sct.count; i++)
        cr_assert_eq(report.sct.items[i].person, ceo, "only the CEO is in the SCT");
    for (size_t i = 0; i < report.cap.count; i++)
        cr_assert(report.cap.items[i].subject == ceo ||
                  report.cap.items[i].subject == PC_SUBJECT_AVERAGE);
    for (size_t i = 0; i < report.equity.oea.count; i++)
        cr_assert_eq(report.equity.oea.items[i].person, ceo);
    for (size_t i = 0; i < report.valuations.count; i++)
        cr_assert_eq(
            ds.awards.items[ds.tranches.items[report.valuations.items[i].tranche].award].person,
            ceo, "a director's grant feeds no reconciliation line");
    const pc_pvp_row *p = &report.pvp.items[1];
    cr_assert_not(p->has_average, "a director is not a non-PEO NEO");
    cr_assert_eq(p->peo[0].sct_total, D(100000));
}

static void published(const char *subject, const char *item, int64_t dollars)
{
    pc_reported *r = PC_ARRAY_PUSH(&ds.reported);
    cr_assert_not_null(r);
    r->table = PC_REPORTED_DCT;
    r->year = 2022;
    r->subject = pc_strdup(subject);
    r->item = pc_strdup(item);
    r->value_micro = dollars * 1000000;
    r->decimals = 0;
    r->line = (int)ds.reported.count + 1;
}

static const pc_finding *finding(const pc_checks *c, const char *check, const char *item)
{
    for (size_t i = 0; i < c->findings.count; i++)
        if (!strcmp(c->findings.items[i].check, check) && !strcmp(c->findings.items[i].item, item))
            return &c->findings.items[i];
    return NULL;
}

Test(directors, verify_compares_each_published_column_and_its_footing, .init = setup,
     .fini = teardown)
{
    build(false, 0);
    published("ada", "fees", 32063);
    published("ada", "stock_awards", 12346); /* one dollar off: rounding */
    published("ada", "option_awards", 5000);
    published("cy", "fees", 0);
    published("cy", "total", 100); /* neither the computation nor its columns */
    run_ok();
    pc_checks checks;
    pc_checks_init(&checks);
    cr_assert_eq(pc_verify_all(&ds, &report, &checks), PC_OK);
    const pc_finding *f = finding(&checks, "mismatch", "stock_awards");
    cr_assert_not_null(f);
    cr_assert_eq(f->severity, PC_CHECK_ROUNDING);
    cr_assert_eq(f->expected_micro, (int64_t)12345 * 1000000);
    cr_assert_null(finding(&checks, "mismatch", "fees"));
    const pc_finding *t = NULL;
    for (size_t i = 0; i < checks.findings.count; i++)
        if (!strcmp(checks.findings.items[i].subject, "cy") &&
            !strcmp(checks.findings.items[i].item, "total"))
            t = &checks.findings.items[i];
    cr_assert_not_null(t, "Cy's published total of 100 is no figure of the table");
    cr_assert_eq(t->severity, PC_CHECK_ERROR);
    bool foot = false;
    for (size_t i = 0; i < checks.findings.count; i++) {
        const pc_finding *x = &checks.findings.items[i];
        foot |= !strcmp(x->check, "dct_does_not_foot") && !strcmp(x->subject, "cy");
        for (size_t k = 0; k < x->related.count; k++)
            foot |= !strcmp(x->related.items[k], "dct_does_not_foot") && !strcmp(x->subject, "cy");
    }
    cr_assert(foot, "Cy's published total is not the sum of the published columns");
    pc_checks_fini(&checks);
}
