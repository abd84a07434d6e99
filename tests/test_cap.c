/*
 * Compensation actually paid (SPEC section 7; Item 402(v)(2)(iii)): every
 * reconciliation line with hand-computed figures, the PvP rows, averages.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "builder.h"
#include "paycalc/engine.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5))) /* dollars -> cents */
#define M(x) ((int64_t)((x)*1000000 + 0.5))                 /* decimal -> micros */

static pc_dataset ds;
static pc_report report;
static pc_diags diags;

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

static void run_ok(void)
{
    pc_status st = pc_engine_run(&ds, &report, &diags);
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].severity == PC_SEVERITY_ERROR)
            cr_log_error("%s", diags.items[i].message);
    cr_assert_eq(st, PC_OK);
}

static const pc_cap_row *cap_of(int year, size_t subject)
{
    for (size_t i = 0; i < report.cap.count; i++)
        if (report.cap.items[i].year == year && report.cap.items[i].subject == subject)
            return &report.cap.items[i];
    cr_assert_fail("no CAP row for %d", year);
    return NULL;
}

static const pc_pvp_row *pvp_of(int year)
{
    for (size_t i = 0; i < report.pvp.count; i++)
        if (report.pvp.items[i].year == year)
            return &report.pvp.items[i];
    cr_assert_fail("no PvP row for %d", year);
    return NULL;
}

/* A PEO with two stock awards whose tranches pass through every state:
 *   S1 granted 2020-06-30 (before the window), 3 x 100 shares:
 *     T1 vests 2021-06-30 (price 11): 2021 line (iv) 1,100 - 1,000 = 100
 *     T2 forfeited 2022-03-31: 2021 line (ii) 1,200 - 1,000 = 200; 2022 line (v) -1,200
 *     T3 unvested: 2021 line (ii) +200; 2022 line (ii) 900 - 1,200 = -300
 *   S2 granted 2021-03-31 at $10.50 (SCT 2,100), 2 x 100 shares:
 *     T1 vests 2021-09-30 (price 11.50): 2021 line (iii) 1,150
 *     T2 vests 2022-09-30 (price 8): 2021 line (i) 1,200; 2022 line (iv) 800 - 1,200 = -400
 * Prices: 2020-12-31 10, 2021-12-31 12, 2022-12-31 9. */
static size_t every_state(bool src)
{
    b_init(&ds, 12, 31, 2021, 2022, src);
    size_t ceo = b_person(&ds, "ceo", "Chief Executive");
    b_role(&ds, 2021, ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, ceo, PC_ROLE_PEO);
    b_cash(&ds, ceo, 2021, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_cash(&ds, ceo, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
    size_t s1 = b_award(&ds, "S1", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-30", 300, 0,
                        NULL, -1);
    b_tranche(&ds, s1, 1, "2021-06-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, s1, 2, "2022-06-30", 100, PC_TRANCHE_FORFEITED, "2022-03-31");
    b_tranche(&ds, s1, 3, "2023-06-30", 100, PC_TRANCHE_UNVESTED, NULL);
    size_t s2 = b_award(&ds, "S2", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2021-03-31", 200, 0,
                        NULL, M(10.5));
    b_tranche(&ds, s2, 1, "2021-09-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, s2, 2, "2022-09-30", 100, PC_TRANCHE_VESTED, NULL);
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-06-30", M(11), 0);
    b_price(&ds, "2021-09-30", M(11.5), 0);
    b_price(&ds, "2021-12-31", M(12), 0);
    b_price(&ds, "2022-09-30", M(8), 0);
    b_price(&ds, "2022-12-31", M(9), 0);
    b_performance(&ds, 2021, D(1000000));
    b_performance(&ds, 2022, D(-500000));
    b_done(&ds);
    return ceo;
}

Test(cap, every_tranche_state_feeds_its_line, .init = setup, .fini = teardown)
{
    size_t ceo = every_state(false);
    run_ok();
    const pc_cap_row *y1 = cap_of(2021, ceo);
    cr_assert_eq(y1->line[PC_CAP_SCT_TOTAL], D(102100));
    cr_assert_eq(y1->line[PC_CAP_LESS_EQUITY_AWARDS], D(-2100));
    cr_assert_eq(y1->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR], D(1200));
    cr_assert_eq(y1->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(400));
    cr_assert_eq(y1->line[PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR], D(1150));
    cr_assert_eq(y1->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], D(100));
    cr_assert_eq(y1->line[PC_CAP_LESS_FV_FORFEITED], 0);
    cr_assert_eq(y1->line[PC_CAP_CAP], D(102850));

    const pc_cap_row *y2 = cap_of(2022, ceo);
    cr_assert_eq(y2->line[PC_CAP_SCT_TOTAL], D(100000));
    cr_assert_eq(y2->line[PC_CAP_LESS_EQUITY_AWARDS], 0);
    cr_assert_eq(y2->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR], 0);
    cr_assert_eq(y2->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(-300));
    cr_assert_eq(y2->line[PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR], 0);
    cr_assert_eq(y2->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], D(-400));
    cr_assert_eq(y2->line[PC_CAP_LESS_FV_FORFEITED], D(-1200));
    cr_assert_eq(y2->line[PC_CAP_CAP], D(98100));

    const pc_pvp_row *p = pvp_of(2022);
    cr_assert_eq(p->npeo, 1);
    cr_assert_eq(p->peo[0].sct_total, D(100000));
    cr_assert_eq(p->peo[0].cap, D(98100));
    cr_assert_not(p->has_average, "a year with no NEO has a null average");
    cr_assert_eq(p->net_income, D(-500000));
}

Test(cap, valuations_say_which_year_and_line_they_feed, .init = setup, .fini = teardown)
{
    every_state(false);
    run_ok();
    int forfeited = 0, grants = 0;
    for (size_t i = 0; i < report.valuations.count; i++) {
        const pc_valuation *v = &report.valuations.items[i];
        if (v->line == PC_CAP_LESS_FV_FORFEITED) {
            forfeited++;
            cr_assert_eq(v->year, 2022);
            cr_assert_eq(v->purpose, PC_PURPOSE_PRIOR_FYE);
            cr_assert_eq(v->value, D(1200));
        }
        if (v->line == -1) {
            grants++;
            cr_assert_eq(v->purpose, PC_PURPOSE_GRANT);
            cr_assert_eq(v->method, PC_METHOD_SUPPLIED);
        }
    }
    cr_assert_eq(forfeited, 1);
    cr_assert_eq(grants, 2, "S2's two tranches are valued for the 2021 SCT");
}

Test(cap, granted_and_forfeited_in_the_same_year_adds_nothing, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    size_t a = b_award(&ds, "A", p, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2022-02-01", 100, 0,
                       NULL, M(5));
    b_tranche(&ds, a, 1, "2023-02-01", 100, PC_TRANCHE_FORFEITED, "2022-08-01");
    b_price(&ds, "2021-12-31", M(5), 0);
    b_price(&ds, "2022-12-31", M(6), 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();
    const pc_cap_row *r = cap_of(2022, p);
    cr_assert_eq(r->line[PC_CAP_LESS_EQUITY_AWARDS], D(-500));
    for (int l = PC_CAP_FYE_FV_GRANTED_IN_YEAR; l <= PC_CAP_LESS_FV_FORFEITED; l++)
        cr_assert_eq(r->line[l], 0, "line %d", l);
    cr_assert_eq(r->line[PC_CAP_CAP], 0);
}

Test(cap, performance_award_follows_the_probable_outcome, .init = setup, .fini = teardown)
{
    /* 1,000 shares granted at $20 with 100% probable: SCT 20,000. At FYE
     * 2021 the outcome is 50% at $12: line (i) 6,000. At FYE 2022 it is 150%
     * at $9: line (ii) 13,500 - 6,000 = 7,500. */
    b_init(&ds, 12, 31, 2021, 2022, false);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2021, p, PC_ROLE_PEO);
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    size_t a = b_award(&ds, "PSU", p, PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, "2021-01-15", 1000,
                       0, NULL, M(20));
    b_tranche(&ds, a, 1, "2023-01-15", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_outcome(&ds, a, 0, "2021-01-15", M(1));
    b_outcome(&ds, a, 0, "2021-12-31", M(0.5));
    b_outcome(&ds, a, 1, "2022-06-30", M(1.5));
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-12-31", M(12), 0);
    b_price(&ds, "2022-12-31", M(9), 0);
    b_performance(&ds, 2021, 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();
    cr_assert_eq(pc_report_sct(&report, p, 2021)->column[PC_SCT_STOCK_AWARDS], D(20000));
    cr_assert_eq(cap_of(2021, p)->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR], D(6000));
    cr_assert_eq(cap_of(2022, p)->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(7500));
}

Test(cap, ceo_change_year_has_two_peo_columns_and_a_promoted_neo_keeps_old_awards, .init = setup,
     .fini = teardown)
{
    /* Old CEO is PEO in both years; the new CEO is an NEO in 2021 and a PEO
     * in 2022 (both served as PEO during 2022). The new CEO's 2020 award
     * counts in 2021 (C&DI 128D.02). */
    b_init(&ds, 12, 31, 2021, 2022, false);
    size_t old_ceo = b_person(&ds, "old", "Old CEO");
    size_t new_ceo = b_person(&ds, "new", "New CEO");
    size_t cfo = b_person(&ds, "cfo", "CFO");
    b_role(&ds, 2021, old_ceo, PC_ROLE_PEO);
    b_role(&ds, 2021, new_ceo, PC_ROLE_NEO);
    b_role(&ds, 2021, cfo, PC_ROLE_NEO);
    b_role(&ds, 2022, old_ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, new_ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, cfo, PC_ROLE_NEO);
    b_cash(&ds, old_ceo, 2021, PC_COMP_SALARY, D(300000), "USD", NULL);
    b_cash(&ds, old_ceo, 2022, PC_COMP_SALARY, D(150000), "USD", NULL);
    b_cash(&ds, new_ceo, 2021, PC_COMP_SALARY, D(200000), "USD", NULL);
    b_cash(&ds, new_ceo, 2022, PC_COMP_SALARY, D(250000), "USD", NULL);
    b_cash(&ds, cfo, 2021, PC_COMP_SALARY, D(100000.01), "USD", NULL);
    b_cash(&ds, new_ceo, 2021, PC_COMP_UNVESTED_DIVIDENDS, 1, "USD", NULL);
    b_cash(&ds, cfo, 2022, PC_COMP_SALARY, D(120000), "USD", NULL);
    size_t a = b_award(&ds, "N1", new_ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-05-01", 1000,
                       0, NULL, -1);
    b_tranche(&ds, a, 1, "2023-05-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-12-31", M(12), 0);
    b_price(&ds, "2022-12-31", M(9), 0);
    b_performance(&ds, 2021, 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();

    /* 2021: new CEO (NEO) gets line (ii) 12,000 - 10,000 = 2,000. */
    cr_assert_eq(cap_of(2021, new_ceo)->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(2000));
    const pc_pvp_row *p21 = pvp_of(2021);
    cr_assert_eq(p21->npeo, 1);
    cr_assert(p21->has_average);
    cr_assert_eq(p21->avg_count, 2);
    /* R5, line by line: SCT totals 200,000 and 100,000 -> 150,000; line
     * (ii) 2,000 and 0 -> 1,000; dividends 0.01 and 0 -> 0.005 -> 0.01; the
     * average CAP is the sum of the averaged lines, 151,000.01. */
    cr_assert_eq(p21->avg_sct_total, D(150000));
    cr_assert_eq(p21->avg_cap, D(151000.01));
    const pc_cap_row *avg = cap_of(2021, PC_SUBJECT_AVERAGE);
    cr_assert_eq(avg->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(1000));
    cr_assert_eq(avg->line[PC_CAP_SCT_TOTAL], D(150000));
    cr_assert_eq(avg->line[PC_CAP_DIVIDENDS], 1);
    cr_assert_eq(avg->line[PC_CAP_CAP], D(151000.01));
    /* The SCT rounds the CFO's 100,000.01 salary to whole dollars (R3). */
    cr_assert_eq(pc_report_sct(&report, cfo, 2021)->column[PC_SCT_TOTAL], D(100000));

    const pc_pvp_row *p22 = pvp_of(2022);
    cr_assert_eq(p22->npeo, 2);
    cr_assert_eq(p22->peo[0].person, old_ceo);
    cr_assert_eq(p22->peo[1].person, new_ceo);
    /* New CEO 2022: 250,000 + (9,000 - 12,000) = 247,000. */
    cr_assert_eq(p22->peo[1].cap, D(247000));
    cr_assert_eq(p22->avg_count, 1);
    cr_assert_eq(p22->avg_people[0], cfo);
}

Test(cap, average_rounds_to_whole_dollars_when_cap_decimals_is_0, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    ds.config.cap_decimals = 0;
    size_t peo = b_person(&ds, "peo", "PEO");
    size_t n1 = b_person(&ds, "n1", "N1");
    size_t n2 = b_person(&ds, "n2", "N2");
    b_role(&ds, 2022, peo, PC_ROLE_PEO);
    b_role(&ds, 2022, n1, PC_ROLE_NEO);
    b_role(&ds, 2022, n2, PC_ROLE_NEO);
    b_cash(&ds, n1, 2022, PC_COMP_SALARY, D(100001), "USD", NULL);
    b_cash(&ds, n2, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_price(&ds, "2021-12-31", M(10), 0);
    b_price(&ds, "2022-12-31", M(10), 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();
    /* Mean 100,000.50 -> 100,001 (half away from zero). */
    cr_assert_eq(pvp_of(2022)->avg_sct_total, D(100001));
    cr_assert_eq(pvp_of(2022)->avg_cap, D(100001));
}

Test(cap, cap_can_be_negative, .init = setup, .fini = teardown)
{
    /* 10,000 unvested shares fall from $10 to $1: line (ii) -90,000 against
     * a 50,000 salary. */
    b_init(&ds, 12, 31, 2021, 2021, true);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2021, p, PC_ROLE_PEO);
    b_cash(&ds, p, 2021, PC_COMP_SALARY, D(50000), "USD", NULL);
    size_t a = b_award(&ds, "A", p, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2019-01-01", 10000, 0,
                       NULL, -1);
    b_tranche(&ds, a, 1, "2024-01-01", 10000, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-12-31", M(1), 0);
    b_performance(&ds, 2021, 0);
    b_done(&ds);
    run_ok();
    cr_assert_eq(cap_of(2021, p)->line[PC_CAP_CAP], D(-40000));
    cr_assert_eq(pvp_of(2021)->peo[0].cap, D(-40000));
}

Test(cap, non_calendar_fiscal_year_uses_its_own_year_ends, .init = setup, .fini = teardown)
{
    /* Fiscal 2022 runs 2021-07-01 to 2022-06-30. A grant on 2021-08-01 is a
     * fiscal 2022 grant, valued at 2022-06-30 for line (i). */
    b_init(&ds, 6, 30, 2022, 2022, true);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    size_t a = b_award(&ds, "A", p, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2021-08-01", 100, 0,
                       NULL, M(7));
    b_tranche(&ds, a, 1, "2023-08-01", 100, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2021-06-30", M(6), 0);
    b_price(&ds, "2022-06-30", M(8), 0);
    b_price(&ds, "2022-12-31", M(1), 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();
    cr_assert_eq(pc_report_sct(&report, p, 2022)->column[PC_SCT_STOCK_AWARDS], D(700));
    cr_assert_eq(cap_of(2022, p)->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR], D(800));
    cr_assert_eq(report.tsr.base_date, b_date("2021-06-30"));
    cr_assert_eq(report.tsr.points[0].value, D(133.33));
}

Test(cap, pension_lines_only_for_companies_that_are_not_src, .init = setup, .fini = teardown)
{
    for (int src = 0; src <= 1; src++) {
        pc_report_fini(&report);
        pc_report_init(&report);
        pc_dataset_fini(&ds);
        b_init(&ds, 12, 31, 2022, 2022, src);
        size_t p = b_person(&ds, "p", "P");
        b_role(&ds, 2022, p, PC_ROLE_PEO);
        b_cash(&ds, p, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
        b_cash(&ds, p, 2022, PC_COMP_CHANGE_IN_PENSION_VALUE, D(5000.4), "USD", NULL);
        b_cash(&ds, p, 2022, PC_COMP_NQDC_EARNINGS, D(1000), "USD", NULL);
        b_cash(&ds, p, 2022, PC_COMP_PENSION_SERVICE_COST, D(1200.25), "USD", NULL);
        b_cash(&ds, p, 2022, PC_COMP_PENSION_PRIOR_SERVICE_COST, D(300), "USD", NULL);
        b_cash(&ds, p, 2022, PC_COMP_UNVESTED_DIVIDENDS, D(250), "USD", NULL);
        b_price(&ds, "2021-12-31", M(10), 0);
        b_price(&ds, "2022-12-31", M(10), 0);
        b_performance(&ds, 2022, 0);
        b_done(&ds);
        run_ok();
        const pc_sct_row *s = pc_report_sct(&report, p, 2022);
        const pc_cap_row *c = cap_of(2022, p);
        if (!src) {
            /* Column (h): 5,000.40 + 1,000 = 6,000.40 -> 6,000. */
            cr_assert_eq(s->column[PC_SCT_PENSION_NQDC], D(6000));
            cr_assert_eq(s->column[PC_SCT_TOTAL], D(106000));
            cr_assert_eq(c->line[PC_CAP_LESS_PENSION], D(-5000));
            cr_assert_eq(c->line[PC_CAP_PLUS_PENSION_SERVICE], D(1200.25));
            cr_assert_eq(c->line[PC_CAP_PLUS_PENSION_PRIOR_SERVICE], D(300));
            cr_assert_eq(c->line[PC_CAP_DIVIDENDS], D(250));
            cr_assert_eq(c->line[PC_CAP_CAP], D(106000 - 5000 + 1200.25 + 300 + 250));
        } else {
            cr_assert_eq(s->column[PC_SCT_PENSION_NQDC], D(1000));
            cr_assert_eq(c->line[PC_CAP_LESS_PENSION], 0);
            cr_assert_eq(c->line[PC_CAP_PLUS_PENSION_SERVICE], 0);
            cr_assert_eq(c->line[PC_CAP_PLUS_PENSION_PRIOR_SERVICE], 0);
            cr_assert_eq(c->line[PC_CAP_CAP], D(101000 + 250));
            cr_assert_eq(report.warnings.count, 1);
        }
    }
}

Test(cap, negative_pension_change_shows_as_zero_with_a_warning, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, false);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    b_cash(&ds, p, 2022, PC_COMP_CHANGE_IN_PENSION_VALUE, D(-7000), "USD", NULL);
    b_cash(&ds, p, 2022, PC_COMP_PENSION_SERVICE_COST, D(900), "USD", NULL);
    b_price(&ds, "2021-12-31", M(10), 0);
    b_price(&ds, "2022-12-31", M(10), 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();
    cr_assert_eq(pc_report_sct(&report, p, 2022)->column[PC_SCT_PENSION_NQDC], 0);
    cr_assert_eq(cap_of(2022, p)->line[PC_CAP_LESS_PENSION], 0);
    cr_assert_eq(cap_of(2022, p)->line[PC_CAP_PLUS_PENSION_SERVICE], D(900));
    cr_assert_eq(report.warnings.count, 1);
    cr_assert_str_eq(report.warnings.items[0].code, "negative_pension_change");
}

/* Item 402(v)(2)(ii): the NEO average. Two NEOs whose figures each fit the
 * money type but whose sum does not: an 'overflow' error naming the year
 * and the number of NEOs (before, a bare status with no message). */
Test(cap, an_neo_average_too_large_to_add_up_is_an_error_with_its_message, .init = setup,
     .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, false);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    const char *ids[] = {"n1", "n2"};
    for (int i = 0; i < 2; i++) {
        size_t n = b_person(&ds, ids[i], ids[i]);
        b_role(&ds, 2022, n, PC_ROLE_NEO);
        b_cash(&ds, n, 2022, PC_COMP_SALARY, INT64_MAX / 2 + 100, "USD", NULL);
    }
    b_price(&ds, "2021-12-31", M(10), 0);
    b_price(&ds, "2022-12-31", M(10), 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_ERR_INPUT);
    const pc_diag *d = NULL;
    for (size_t i = 0; i < diags.count && !d; i++)
        if (diags.items[i].severity == PC_SEVERITY_ERROR)
            d = &diags.items[i];
    cr_assert_not_null(d, "no error message");
    cr_assert_str_eq(d->code, "overflow");
    cr_assert_str_eq(d->message, "the average compensation of the 2 non-PEO NEOs for 2022 is too "
                                 "large to add up exactly");
}

Test(cap, missing_price_at_a_year_end_is_an_input_error, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    size_t p = b_person(&ds, "p", "P");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    size_t a =
        b_award(&ds, "A", p, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-01-01", 100, 0, NULL, -1);
    b_tranche(&ds, a, 1, "2024-01-01", 100, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2021-12-31", M(10), 0);
    b_price(&ds, "2022-11-30", M(10), 0); /* 31 days before the year end */
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_ERR_INPUT);
    cr_assert_geq(diags.errors, 1);
    bool found = false;
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].code && strcmp(diags.items[i].code, "missing_price") == 0)
            found = true;
    cr_assert(found);
}

Test(cap, each_subject_starts_from_their_own_sct_total_whatever_the_order_of_people, .init = setup,
     .fini = teardown)
{
    /* people.csv order differs from the table order (PEOs first, then by
     * first appearance in roles.csv), and one NEO has a role in the second
     * year only: the CAP row of every person and year must start from that
     * person's SCT total for that year, found through the engine's index. */
    enum { N = 40 };
    b_init(&ds, 12, 31, 2021, 2022, true);
    size_t who[N];
    char id[16];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "p%02d", i);
        who[i] = b_person(&ds, id, id);
    }
    for (int y = 2021; y <= 2022; y++)
        for (int i = N - 1; i >= 0; i--) {
            if (y == 2021 && i == 7)
                continue;
            b_role(&ds, y, who[i], i == 3 ? PC_ROLE_PEO : PC_ROLE_NEO);
            b_cash(&ds, who[i], y, PC_COMP_SALARY, D(1000 * (i + 1) + (y - 2020)), "USD", NULL);
        }
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-12-31", M(11), 0);
    b_price(&ds, "2022-12-30", M(12), 0);
    b_performance(&ds, 2021, 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    run_ok();

    for (int y = 2021; y <= 2022; y++)
        for (int i = 0; i < N; i++) {
            if (y == 2021 && i == 7) {
                for (size_t r = 0; r < report.cap.count; r++)
                    cr_assert_not(report.cap.items[r].year == 2021 &&
                                      report.cap.items[r].subject == who[i],
                                  "no role in 2021, so no CAP row");
                continue;
            }
            const pc_cap_row *row = cap_of(y, who[i]);
            cr_assert_eq(row->line[PC_CAP_SCT_TOTAL], D(1000 * (i + 1) + (y - 2020)), "p%02d %d", i,
                         y);
            cr_assert_eq(row->line[PC_CAP_CAP], row->line[PC_CAP_SCT_TOTAL]);
        }
    cr_assert_eq(pvp_of(2022)->peo[0].sct_total, D(4002));
    cr_assert_eq(pvp_of(2021)->avg_count, N - 2);
}

/* ---- retirement eligibility (SPEC section 13, C&DI 128D.18) ---------------------- */

/* A PEO with $100,000 salary a year in 2021-2022 (an SRC: no pension
 * lines) and one award with retirement_vesting, and these closes:
 * 2020-12-31 9, 2021-03-31 10, 2021-06-30 11, 2021-12-31 12, 2022-03-31 13,
 * 2022-06-30 13.50, 2022-12-31 14. */
static size_t retiring_ceo(const char *eligible)
{
    b_init(&ds, 12, 31, 2021, 2022, true);
    size_t ceo = b_person(&ds, "ceo", "Chief Executive");
    if (eligible)
        b_retirement_eligible(&ds, ceo, eligible);
    b_role(&ds, 2021, ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, ceo, PC_ROLE_PEO);
    b_cash(&ds, ceo, 2021, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_cash(&ds, ceo, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_price(&ds, "2020-12-31", M(9), 0);
    b_price(&ds, "2021-03-31", M(10), 0);
    b_price(&ds, "2021-06-30", M(11), 0);
    b_price(&ds, "2021-12-31", M(12), 0);
    b_price(&ds, "2022-03-31", M(13), 0);
    b_price(&ds, "2022-06-30", M(13.5), 0);
    b_price(&ds, "2022-12-31", M(14), 0);
    b_performance(&ds, 2021, D(1000000));
    b_performance(&ds, 2022, D(1000000));
    return ceo;
}

/* The equity lines of a year, in order (i) to (v), and CAP. */
static void expect_equity(int year, size_t who, double fye_granted, double prior_unvested,
                          double vest_granted, double prior_vested, double forfeited, double cap)
{
    const pc_cap_row *r = cap_of(year, who);
    cr_assert_eq(r->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR], D(fye_granted), "%d (i)", year);
    cr_assert_eq(r->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], D(prior_unvested), "%d (ii)", year);
    cr_assert_eq(r->line[PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR], D(vest_granted), "%d (iii)", year);
    cr_assert_eq(r->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], D(prior_vested), "%d (iv)", year);
    cr_assert_eq(r->line[PC_CAP_LESS_FV_FORFEITED], D(forfeited), "%d (v)", year);
    cr_assert_eq(r->line[PC_CAP_CAP], D(cap), "%d CAP %lld", year, (long long)r->line[PC_CAP_CAP]);
}

static void expect_retirement(size_t i, int tranche, const char *eligible, const char *treated)
{
    cr_assert(i < report.retirement.count);
    const pc_retirement_entry *e = &report.retirement.items[i];
    cr_assert_eq(ds.tranches.items[e->tranche].number, tranche);
    cr_assert_eq(e->eligible_date, b_date(eligible));
    cr_assert_eq(e->treated_vested_on, b_date(treated));
}

Test(cap, eligible_at_grant_the_award_is_granted_and_vested_in_the_same_year, .init = setup,
     .fini = teardown)
{
    /* Granted 2021-03-31 at $10 (SCT 3,000), 3 x 100 shares vesting
     * 2022-03-31 (vested), 2023-03-31, 2024-03-31; eligible since 2019.
     * CAP: every tranche vested on the grant date, line (iii) at the grant
     * date close: 300 x 10 = 3,000 (without retirement: (i) 300 x 12 =
     * 3,600 in 2021, and 100 + 2 x 200 = 500 in 2022). 2021 CAP: 103,000 -
     * 3,000 + 3,000 = 103,000; 2022: nothing left to re-measure. */
    size_t ceo = retiring_ceo("2019-01-01");
    size_t r = b_award(&ds, "R", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2021-03-31", 300, 0,
                       NULL, M(10));
    b_retirement_vesting(&ds, r);
    b_tranche(&ds, r, 1, "2022-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 2, "2023-03-31", 100, PC_TRANCHE_UNVESTED, NULL);
    b_tranche(&ds, r, 3, "2024-03-31", 100, PC_TRANCHE_UNVESTED, NULL);
    b_done(&ds);
    run_ok();
    const pc_cap_row *y1 = cap_of(2021, ceo);
    cr_assert_eq(y1->line[PC_CAP_SCT_TOTAL], D(103000), "the SCT is unchanged");
    cr_assert_eq(y1->line[PC_CAP_LESS_EQUITY_AWARDS], D(-3000));
    expect_equity(2021, ceo, 0, 0, 3000, 0, 0, 103000);
    expect_equity(2022, ceo, 0, 0, 0, 0, 0, 100000);
    cr_assert_eq(report.retirement.count, 3);
    for (int k = 0; k < 3; k++)
        expect_retirement((size_t)k, k + 1, "2019-01-01", "2021-03-31");
}

Test(cap, eligible_mid_year_the_unvested_tranches_vest_at_eligibility, .init = setup,
     .fini = teardown)
{
    /* Granted 2020-06-30, 3 x 100 shares: T1 vests 2021-03-31, T2
     * 2022-06-30, T3 2023-06-30; eligible 2021-06-30. 2021: T1 (iv)
     * 1,000 - 900 = 100; T2 and T3 vested at eligibility, (iv) 1,100 - 900
     * = 200 each: (iv) 500, CAP 100,500 (without retirement: (ii) 600 and
     * (iv) 100). 2022: nothing. */
    size_t ceo = retiring_ceo("2021-06-30");
    size_t r = b_award(&ds, "R", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-30", 300, 0,
                       NULL, M(8));
    b_retirement_vesting(&ds, r);
    b_tranche(&ds, r, 1, "2021-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 2, "2022-06-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 3, "2023-06-30", 100, PC_TRANCHE_UNVESTED, NULL);
    b_done(&ds);
    run_ok();
    expect_equity(2021, ceo, 0, 0, 0, 500, 0, 100500);
    expect_equity(2022, ceo, 0, 0, 0, 0, 0, 100000);
    cr_assert_eq(report.retirement.count, 2);
    expect_retirement(0, 2, "2021-06-30", "2021-06-30");
    expect_retirement(1, 3, "2021-06-30", "2021-06-30");
}

Test(cap, eligible_after_the_last_vest_date_changes_nothing, .init = setup, .fini = teardown)
{
    /* Granted 2020-06-30, 2 x 100 shares vesting 2021-03-31 and 2022-03-31;
     * eligible 2022-06-30, after both. 2021: T1 (iv) 1,000 - 900 = 100, T2
     * (ii) 1,200 - 900 = 300: CAP 100,400. 2022: T2 (iv) 1,300 - 1,200 =
     * 100: CAP 100,100. */
    size_t ceo = retiring_ceo("2022-06-30");
    size_t r = b_award(&ds, "R", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-30", 200, 0,
                       NULL, M(8));
    b_retirement_vesting(&ds, r);
    b_tranche(&ds, r, 1, "2021-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 2, "2022-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_done(&ds);
    run_ok();
    expect_equity(2021, ceo, 0, 300, 0, 100, 0, 100400);
    expect_equity(2022, ceo, 0, 0, 0, 100, 0, 100100);
    cr_assert_eq(report.retirement.count, 0);
}

Test(cap, a_performance_condition_keeps_its_tranches_until_they_vest, .init = setup,
     .fini = teardown)
{
    /* Performance shares granted 2020-06-30 at a probable outcome of 100%,
     * 2 x 100 vesting 2022-03-31 and 2023-03-31; eligible since 2019. The
     * condition is met only at vesting, so nothing changes: 2021 (ii)
     * (1,200 - 900) x 2 = 600, CAP 100,600; 2022: T1 (iv) 1,300 - 1,200 =
     * 100, T2 (ii) 1,400 - 1,200 = 200, CAP 100,300. */
    size_t ceo = retiring_ceo("2019-01-01");
    size_t r = b_award(&ds, "R", ceo, PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, "2020-06-30", 200,
                       0, NULL, M(8));
    b_retirement_vesting(&ds, r);
    b_tranche(&ds, r, 1, "2022-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 2, "2023-03-31", 100, PC_TRANCHE_UNVESTED, NULL);
    b_outcome(&ds, r, 0, "2020-06-30", M(1));
    b_done(&ds);
    run_ok();
    expect_equity(2021, ceo, 0, 600, 0, 0, 0, 100600);
    expect_equity(2022, ceo, 0, 200, 0, 100, 0, 100300);
    cr_assert_eq(report.retirement.count, 0);
}

Test(cap, without_retirement_vesting_eligibility_changes_nothing, .init = setup, .fini = teardown)
{
    /* The mid-year case with an award that does not vest on retirement:
     * 2021 (ii) (1,200 - 900) x 2 = 600 and (iv) 100, CAP 100,700. */
    size_t ceo = retiring_ceo("2021-06-30");
    size_t r = b_award(&ds, "R", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-30", 300, 0,
                       NULL, M(8));
    b_tranche(&ds, r, 1, "2021-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 2, "2022-06-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, r, 3, "2023-06-30", 100, PC_TRANCHE_UNVESTED, NULL);
    b_done(&ds);
    run_ok();
    expect_equity(2021, ceo, 0, 600, 0, 100, 0, 100700);
    cr_assert_eq(report.retirement.count, 0);
}

/* ---- supplied values on trading days (SPEC section 5) --------------------------- */

/* An option of 1,000 shares granted 2021-03-31 (grant-date value given),
 * unvested through 2022; valuation reports dated Friday 2021-12-31 ($2.00)
 * and Friday 2022-12-30 ($2.75), the latter for the Saturday year end
 * 2022-12-31, and one dated Thursday 2022-12-29 ($9.99) that serves no
 * valuation. No assumptions: the model could not run, so only the supplied
 * values can give these lines. 2021 (i) 1,000 x 2.00 = 2,000; 2022 (ii)
 * 1,000 x (2.75 - 2.00) = 750. */
Test(cap, a_friday_valuation_report_serves_a_saturday_year_end, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2021, 2022, true);
    size_t ceo = b_person(&ds, "ceo", "Chief Executive");
    b_role(&ds, 2021, ceo, PC_ROLE_PEO);
    b_role(&ds, 2022, ceo, PC_ROLE_PEO);
    b_cash(&ds, ceo, 2021, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_cash(&ds, ceo, 2022, PC_COMP_SALARY, D(100000), "USD", NULL);
    size_t o = b_award(&ds, "OPT", ceo, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2021-03-31", 1000,
                       M(3), "2031-03-30", M(1.5));
    b_tranche(&ds, o, 1, "2024-03-31", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_price(&ds, "2020-12-31", M(3), 0);
    b_price(&ds, "2021-12-31", M(4), 0);
    b_price(&ds, "2022-12-29", M(4.5), 0);
    b_price(&ds, "2022-12-30", M(5), 0);
    b_fair_value(&ds, o, 0, "2021-12-31", M(2));    /* line 2 */
    b_fair_value(&ds, o, 0, "2022-12-29", M(9.99)); /* line 3: used by nothing */
    b_fair_value(&ds, o, 0, "2022-12-30", M(2.75)); /* line 4 */
    b_performance(&ds, 2021, D(1000000));
    b_performance(&ds, 2022, D(1000000));
    b_done(&ds);
    run_ok();
    expect_equity(2021, ceo, 2000, 0, 0, 0, 0, 102000); /* 101,500 - 1,500 + 2,000 */
    expect_equity(2022, ceo, 0, 750, 0, 0, 0, 100750);
    bool friday = false;
    for (size_t i = 0; i < report.valuations.count; i++) {
        const pc_valuation *v = &report.valuations.items[i];
        if (v->date == b_date("2022-12-31")) {
            cr_assert_eq(v->method, PC_METHOD_SUPPLIED);
            cr_assert_eq(v->inputs.supplied_line, 4);
            cr_assert_eq(v->value, D(2750));
            friday = true;
        }
    }
    cr_assert(friday, "the year end 2022-12-31 is valued");
    /* The Thursday report warns, naming its line; the others are used. */
    cr_assert_eq(report.warnings.count, 1);
    const pc_warning_entry *w = &report.warnings.items[0];
    cr_assert_str_eq(w->code, "unused_fair_value");
    cr_assert_str_eq(w->source, "fair_values.csv:3");
    cr_assert(strstr(w->message, "the fair value of award OPT (every tranche) on 2022-12-29 is "
                                 "used by no valuation"),
              "%s", w->message);
}
