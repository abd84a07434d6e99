/*
 * The equity award tables (SPEC section 12): every column of Outstanding
 * Equity Awards at Fiscal Year-End (Item 402(f)/(p)), Option Exercises and
 * Stock Vested (Item 402(g)) and Grants of Plan-Based Awards (Item 402(d))
 * on a hand-built ledger whose awards pass through every state: exercised,
 * expired, forfeited, accelerated, performance and market conditions,
 * granted in the last year, and a person who left.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builder.h"
#include "paycalc/compute.h"
#include "paycalc/engine.h"
#include "paycalc/equity.h"
#include "support.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5))) /* dollars -> cents */
#define M(x) ((int64_t)((x)*1000000 + 0.5))                 /* decimal -> micros */

static pc_dataset ds;
static pc_report report;
static pc_diags diags;
#define tables (report.equity) /* what pc_engine_run computed */

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

/* Runs the engine, which computes the equity tables after the SCT and CAP. */
static pc_status compute(void)
{
    return pc_engine_run(&ds, &report, &diags);
}

static void compute_ok(void)
{
    pc_status st = compute();
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].severity == PC_SEVERITY_ERROR)
            cr_log_error("%s", diags.items[i].message);
    cr_assert_eq(st, PC_OK);
}

static size_t award_index(const char *id)
{
    for (size_t i = 0; i < ds.awards.count; i++)
        if (strcmp(ds.awards.items[i].id, id) == 0)
            return i;
    cr_assert_fail("no award %s", id);
    return 0;
}

static const pc_oea_row *oea(int year, const char *award)
{
    size_t a = award_index(award);
    for (size_t i = 0; i < tables.oea.count; i++)
        if (tables.oea.items[i].year == year && tables.oea.items[i].award == a)
            return &tables.oea.items[i];
    return NULL;
}

static const pc_oesv_row *oesv(int year, const char *award)
{
    size_t a = award_index(award);
    for (size_t i = 0; i < tables.oesv.count; i++)
        if (tables.oesv.items[i].year == year && tables.oesv.items[i].award == a)
            return &tables.oesv.items[i];
    return NULL;
}

static const pc_gpba_row *gpba(int year, const char *award)
{
    size_t a = award_index(award);
    for (size_t i = 0; i < tables.gpba.count; i++)
        if (tables.gpba.items[i].year == year && tables.gpba.items[i].award == a)
            return &tables.gpba.items[i];
    return NULL;
}

/* The ledger (fiscal years = calendar years 2020-2022; close 10.00 every day
 * except 2021-06-30 12, 2021-12-31 11, 2022-06-30 15, 2022-08-01 12,
 * 2022-10-01 13, 2022-12-31 9):
 * ceo (PEO):
 *   O1 service option, 2020-01-15, 4 x 100 at $10, expires 2030: tranches
 *      vested 2021-01-15 and 2022-01-15, two unvested; 60 exercised 2022-06-30.
 *   O2 service option, 2015-03-01, 100 at $8, vested 2016, expires
 *      2022-03-01; 30 exercised 2021-06-30.
 *   P1 performance option, 2021-11-29, 2 x 100 at $10: one vested
 *      2022-05-30, one unvested; probable 100%, then 75% at 2022-12-31.
 *   P2 performance stock, 2020-03-01, 100, vests 2022-03-01 at 50%.
 *   S1 service stock, 2022-02-01, 3 x 100: vested 2022-08-01, accelerated
 *      to 2022-10-01 (scheduled 2023), unvested.
 *   S2 performance stock, 2021-03-01, 200 unvested; probable 150% at
 *      2022-12-31; threshold 100, maximum 300.
 *   M1 market stock, 2022-06-01, 100 unvested; maximum 200.
 * cfo (NEO) left on 2022-06-30:
 *   L1 service stock, 2020-06-01, 2 x 100: vested 2021-06-01, forfeited.
 *   L2 service option, 2020-06-01, 100 at $10, vested 2021-06-01, expires 2025. */
static void ledger(bool src)
{
    b_init(&ds, 12, 31, src ? 2021 : 2020, 2022, src);
    size_t ceo = b_person(&ds, "ceo", "Chief Executive");
    size_t cfo = b_person(&ds, "cfo", "Finance Chief");
    for (int y = src ? 2021 : 2020; y <= 2022; y++) {
        b_role(&ds, y, ceo, PC_ROLE_PEO);
        b_role(&ds, y, cfo, PC_ROLE_NEO);
        b_cash(&ds, ceo, y, PC_COMP_SALARY, D(100000), "USD", NULL);
        b_cash(&ds, cfo, y, PC_COMP_SALARY, D(80000), "USD", NULL);
        b_performance(&ds, y, D(1000000));
    }
    b_prices_flat(&ds, "2019-12-01", "2023-01-10", M(10));
    b_set_close(&ds, "2021-06-30", M(12));
    b_set_close(&ds, "2021-12-31", M(11));
    b_set_close(&ds, "2022-06-30", M(15));
    b_set_close(&ds, "2022-08-01", M(12));
    b_set_close(&ds, "2022-10-01", M(13));
    b_set_close(&ds, "2022-12-31", M(9));
    b_assumption(&ds, "2015-01-01", M(0.4), M(0.02), 0);

    size_t o1 = b_award(&ds, "O1", ceo, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2020-01-15", 400,
                        M(10), "2030-01-15", M(3));
    b_tranche(&ds, o1, 1, "2021-01-15", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, o1, 2, "2022-01-15", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, o1, 3, "2023-01-15", 100, PC_TRANCHE_UNVESTED, NULL);
    b_tranche(&ds, o1, 4, "2024-01-15", 100, PC_TRANCHE_UNVESTED, NULL);
    b_exercise(&ds, o1, "2022-06-30", 60);

    size_t o2 = b_award(&ds, "O2", ceo, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2015-03-01", 100,
                        M(8), "2022-03-01", M(2));
    b_tranche(&ds, o2, 1, "2016-03-01", 100, PC_TRANCHE_VESTED, NULL);
    b_exercise(&ds, o2, "2021-06-30", 30);

    size_t p1 = b_award(&ds, "P1", ceo, PC_AWARD_OPTION, PC_CONDITION_PERFORMANCE, "2021-11-29",
                        200, M(10), "2027-09-26", M(4));
    b_tranche(&ds, p1, 1, "2022-05-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, p1, 2, "2023-05-30", 100, PC_TRANCHE_UNVESTED, NULL);
    b_outcome(&ds, p1, 0, "2021-11-29", M(1));
    b_outcome(&ds, p1, 0, "2022-12-31", M(0.75));

    size_t p2 = b_award(&ds, "P2", ceo, PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, "2020-03-01", 100,
                        0, NULL, M(10));
    b_tranche(&ds, p2, 1, "2022-03-01", 100, PC_TRANCHE_VESTED, NULL);
    b_outcome(&ds, p2, 0, "2020-03-01", M(1));
    b_outcome(&ds, p2, 0, "2022-03-01", M(0.5));

    size_t s1 = b_award(&ds, "S1", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2022-02-01", 300, 0,
                        NULL, M(12));
    b_tranche(&ds, s1, 1, "2022-08-01", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, s1, 2, "2023-08-01", 100, PC_TRANCHE_VESTED, "2022-10-01");
    b_tranche(&ds, s1, 3, "2024-08-01", 100, PC_TRANCHE_UNVESTED, NULL);

    size_t s2 = b_award(&ds, "S2", ceo, PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, "2021-03-01", 200,
                        0, NULL, M(10));
    b_tranche(&ds, s2, 1, "2023-03-01", 200, PC_TRANCHE_UNVESTED, NULL);
    b_outcome(&ds, s2, 0, "2021-03-01", M(1));
    b_outcome(&ds, s2, 0, "2022-12-31", M(1.5));
    b_levels(&ds, s2, 100, 300);

    size_t m1 = b_award(&ds, "M1", ceo, PC_AWARD_STOCK, PC_CONDITION_MARKET, "2022-06-01", 100, 0,
                        NULL, M(5.5));
    b_tranche(&ds, m1, 1, "2025-06-01", 100, PC_TRANCHE_UNVESTED, NULL);
    b_fair_value(&ds, m1, 0, "2022-12-31", M(4));
    b_levels(&ds, m1, -1, 200);

    size_t l1 = b_award(&ds, "L1", cfo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-01", 200, 0,
                        NULL, M(10));
    b_tranche(&ds, l1, 1, "2021-06-01", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, l1, 2, "2023-06-01", 100, PC_TRANCHE_FORFEITED, "2022-06-30");
    size_t l2 = b_award(&ds, "L2", cfo, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2020-06-01", 100,
                        M(10), "2025-06-01", M(3));
    b_tranche(&ds, l2, 1, "2021-06-01", 100, PC_TRANCHE_VESTED, NULL);
}

/* ---- Outstanding Equity Awards at Fiscal Year-End ------------------------ */

Test(oea, vested_unexercised_unexpired_option_is_exercisable, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    /* Two tranches vested (2021, 2022), 60 exercised: 140; the 2021 tranche
     * stays exercisable in 2022 although it vested a year before. */
    cr_assert_eq(oea(2022, "O1")->options_exercisable, 140);
    cr_assert_eq(oea(2021, "O1")->options_exercisable, 100);
    cr_assert_eq(oea(2020, "O1")->options_exercisable, 0);
}

Test(oea, unvested_service_options_are_unexercisable, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2020, "O1")->options_unexercisable, 400);
    cr_assert_eq(oea(2021, "O1")->options_unexercisable, 300);
    cr_assert_eq(oea(2022, "O1")->options_unexercisable, 200);
    cr_assert_eq(oea(2022, "O1")->options_unearned, 0);
}

Test(oea, unvested_performance_options_are_unearned_at_the_probable_outcome, .init = setup,
     .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2021, "P1")->options_unearned, 200);
    cr_assert_eq(oea(2021, "P1")->options_exercisable, 0);
    /* 100 unvested x 75%; the vested tranche is exercisable, not unearned. */
    cr_assert_eq(oea(2022, "P1")->options_unearned, 75);
    cr_assert_eq(oea(2022, "P1")->options_exercisable, 100);
    cr_assert_eq(oea(2022, "P1")->options_unexercisable, 0);
}

Test(oea, option_rows_carry_exercise_price_and_expiration, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_oea_row *r = oea(2022, "P1");
    cr_assert_eq(r->exercise_price_micro, M(10));
    cr_assert_eq(r->expiration_date, b_date("2027-09-26"));
    cr_assert_eq(oea(2021, "O2")->exercise_price_micro, M(8));
    cr_assert_eq(oea(2022, "S1")->expiration_date, PC_DATE_NONE);
    cr_assert_eq(oea(2022, "S1")->exercise_price_micro, 0);
}

Test(oea, expired_option_is_no_longer_outstanding, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2020, "O2")->options_exercisable, 100);
    cr_assert_eq(oea(2021, "O2")->options_exercisable, 70); /* 30 exercised */
    cr_assert_null(oea(2022, "O2"));                        /* expired 2022-03-01 */
}

Test(oea, unvested_service_stock_at_the_year_end_close, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    /* S1: one vested, one accelerated into 2022, one unvested at $9. */
    const pc_oea_row *r = oea(2022, "S1");
    cr_assert_eq(r->stock_unvested, 100);
    cr_assert_eq(r->stock_unvested_value, D(900));
    cr_assert_eq(r->close_micro, M(9));
    cr_assert_eq(r->close_date, b_date("2022-12-31"));
    cr_assert_eq(r->stock_unearned, 0);
    cr_assert_eq(r->stock_unearned_value, 0);
}

Test(oea, unearned_performance_and_market_stock_and_its_value, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2021, "S2")->stock_unearned, 200);
    cr_assert_eq(oea(2021, "S2")->stock_unearned_value, D(2200)); /* 200 x $11 */
    cr_assert_eq(oea(2022, "S2")->stock_unearned, 300);           /* 200 x 150% */
    cr_assert_eq(oea(2022, "S2")->stock_unearned_value, D(2700));
    cr_assert_eq(oea(2022, "S2")->stock_unvested, 0);
    /* A market condition with no assessed outcome counts at target. */
    cr_assert_eq(oea(2022, "M1")->stock_unearned, 100);
    cr_assert_eq(oea(2022, "M1")->stock_unearned_value, D(900));
    cr_assert_null(oea(2021, "M1")); /* not granted yet */
}

Test(oea, forfeited_and_vested_stock_leave_the_table, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2021, "L1")->stock_unvested, 100);
    cr_assert_eq(oea(2021, "L1")->stock_unvested_value, D(1100));
    cr_assert_null(oea(2022, "L1")); /* the cfo left: forfeited 2022-06-30 */
    cr_assert_null(oea(2022, "P2")); /* vested 2022-03-01 */
}

Test(oea, person_who_left_keeps_vested_options, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2022, "L2")->options_exercisable, 100);
    cr_assert_eq(oea(2022, "L2")->options_unexercisable, 0);
}

Test(oea, performance_outcome_for_a_tranche_beats_the_award_row, .init = setup, .fini = teardown)
{
    ledger(false);
    b_outcome(&ds, award_index("P1"), 2, "2022-12-31", M(0.333335));
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2022, "P1")->options_unearned, 33); /* 33.3335 rounds to 33 */
}

/* ---- Option Exercises and Stock Vested ------------------------------------ */

Test(oesv, exercises_and_value_realised, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oesv(2022, "O1")->options_exercised, 60);
    cr_assert_eq(oesv(2022, "O1")->exercise_value, D(300)); /* 60 x (15 - 10) */
    cr_assert_eq(oesv(2021, "O2")->options_exercised, 30);
    cr_assert_eq(oesv(2021, "O2")->exercise_value, D(120)); /* 30 x (12 - 8) */
    cr_assert_null(oesv(2021, "O1"));
    cr_assert_eq(oesv(2022, "O1")->stock_vested, 0);
}

Test(oesv, stock_vested_including_an_accelerated_tranche, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_oesv_row *r = oesv(2022, "S1");
    cr_assert_eq(r->stock_vested, 200);
    cr_assert_eq(r->vesting_value, D(2500)); /* 100 x $12 + 100 x $13 */
    cr_assert_eq(r->options_exercised, 0);
    cr_assert_null(oesv(2021, "P2")); /* vested in 2022, not in 2021 */
}

Test(oesv, performance_stock_vests_at_its_outcome, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oesv(2022, "P2")->stock_vested, 50);
    cr_assert_eq(oesv(2022, "P2")->vesting_value, D(500));
}

Test(oesv, person_who_left_shows_what_vested_before, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oesv(2021, "L1")->stock_vested, 100);
    cr_assert_eq(oesv(2021, "L1")->vesting_value, D(1000));
    cr_assert_null(oesv(2022, "L1"));
    cr_assert_null(oesv(2021, "L2")); /* vested options are not in 402(g) until exercised */
}

/* ---- Grants of Plan-Based Awards ----------------------------------------- */

Test(gpba, incentive_plan_awards_show_threshold_target_maximum, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_gpba_row *r = gpba(2021, "S2");
    cr_assert(r->incentive_plan);
    cr_assert(r->has_threshold);
    cr_assert_eq(r->threshold_shares, 100);
    cr_assert_eq(r->target_shares, 200);
    cr_assert(r->has_maximum);
    cr_assert_eq(r->maximum_shares, 300);
    cr_assert_eq(r->other_stock_shares, 0);
    cr_assert_eq(r->grant_date, b_date("2021-03-01"));
    cr_assert_eq(r->grant_date_fair_value, D(2000));
    const pc_gpba_row *m = gpba(2022, "M1");
    cr_assert_not(m->has_threshold);
    cr_assert_eq(m->target_shares, 100);
    cr_assert_eq(m->maximum_shares, 200);
    cr_assert_eq(m->grant_date_fair_value, D(550));
}

Test(gpba, service_awards_are_other_stock_and_option_awards, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_gpba_row *s = gpba(2022, "S1");
    cr_assert_not(s->incentive_plan);
    cr_assert_eq(s->other_stock_shares, 300);
    cr_assert_eq(s->other_option_shares, 0);
    cr_assert_eq(s->target_shares, 0);
    cr_assert_eq(s->exercise_price_micro, 0);
    cr_assert_eq(s->grant_date_fair_value, D(3600));
    const pc_gpba_row *o = gpba(2020, "O1");
    cr_assert_eq(o->other_option_shares, 400);
    cr_assert_eq(o->exercise_price_micro, M(10));
    cr_assert_eq(o->grant_date_fair_value, D(1200));
}

Test(gpba, performance_option_value_is_the_sct_value, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_gpba_row *r = gpba(2021, "P1");
    cr_assert(r->incentive_plan);
    cr_assert_eq(r->target_shares, 200);
    cr_assert_eq(r->exercise_price_micro, M(10));
    cr_assert_eq(r->grant_date_fair_value, D(800));
    const pc_sct_row *sct = pc_report_sct(&report, 0, 2021);
    /* P1 (800) is the year's only option grant of the PEO. */
    cr_assert_eq(sct->column[PC_SCT_OPTION_AWARDS], D(800));
}

Test(gpba, only_awards_granted_in_the_year, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    cr_assert_null(gpba(2022, "O1"));
    cr_assert_null(gpba(2021, "S1"));
    size_t n2022 = 0;
    for (size_t i = 0; i < tables.gpba.count; i++)
        n2022 += tables.gpba.items[i].year == 2022;
    cr_assert_eq(n2022, 2); /* S1 and M1 */
}

Test(gpba, not_for_a_smaller_reporting_company, .init = setup, .fini = teardown)
{
    ledger(true);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(tables.gpba.count, 0);
    cr_assert_not_null(oea(2022, "S1")); /* the other two tables are */
    cr_assert_not_null(oesv(2022, "S1"));
}

/* ---- Order, totals and errors --------------------------------------------- */

Test(equity, rows_by_year_then_person_then_grant_date, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    for (size_t i = 1; i < tables.oea.count; i++) {
        const pc_oea_row *a = &tables.oea.items[i - 1], *b = &tables.oea.items[i];
        const pc_award *x = &ds.awards.items[a->award], *y = &ds.awards.items[b->award];
        cr_assert(a->year < b->year || (a->year == b->year && (a->person < b->person ||
                                                               (a->person == b->person &&
                                                                x->grant_date <= y->grant_date))));
    }
    cr_assert_eq(tables.oea.items[0].award, award_index("O2")); /* granted 2015 */
}

Test(equity, person_totals_add_the_rows_of_a_year, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    pc_equity_totals totals;
    cr_assert_eq(pc_equity_totals_build(&tables, &totals), PC_OK);
    bool found, overflow;
    /* O1 140 + P1 100 */
    cr_assert_eq(
        pc_equity_person_total(&totals, 2022, 0, PC_EQ_OPTIONS_EXERCISABLE, &found, &overflow),
        240);
    cr_assert(found && !overflow);
    /* S2 2,700 + M1 900 */
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 0, PC_EQ_STOCK_UNEARNED_VALUE, &found, NULL),
                 D(3600));
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 0, PC_EQ_VESTING_VALUE, &found, NULL),
                 D(3000));
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 1, PC_EQ_STOCK_VESTED, &found, NULL), 0);
    cr_assert_not(found);
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 0, PC_EQ_MAXIMUM_SHARES, &found, NULL), 200);
    cr_assert_eq(pc_equity_person_total(&totals, 2019, 0, PC_EQ_MAXIMUM_SHARES, &found, NULL), 0);
    cr_assert_not(found);
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 7, PC_EQ_MAXIMUM_SHARES, &found, NULL), 0);
    cr_assert_not(found);
    pc_equity_totals_fini(&totals);
}

/* Two rows whose sum passes the exact type: the total is refused, not
 * wrapped. */
Test(equity, a_person_total_past_the_money_type_is_no_figure)
{
    pc_equity_tables t;
    pc_equity_tables_init(&t);
    pc_oesv_row rows[2] = {{.year = 2022, .person = 3, .vesting_value = INT64_MAX - 5},
                           {.year = 2022, .person = 3, .vesting_value = 10, .stock_vested = 4}};
    t.oesv.items = rows;
    t.oesv.count = 2;
    pc_equity_totals totals;
    cr_assert_eq(pc_equity_totals_build(&t, &totals), PC_OK);
    bool found, overflow;
    cr_assert_eq(pc_equity_person_total(&totals, 2022, 3, PC_EQ_VESTING_VALUE, &found, &overflow),
                 0);
    cr_assert(found && overflow);
    pc_equity_totals_fini(&totals);
}

Test(equity, item_keys_are_unique_and_read_back)
{
    for (int i = 0; i < PC_EQ_NITEMS; i++) {
        const char *key = pc_equity_item_key((pc_equity_item)i);
        cr_assert_eq(pc_equity_item_of(key), (pc_equity_item)i, "%s", key);
    }
    cr_assert_eq(pc_equity_item_of("salary"), PC_EQ_NITEMS);
    cr_assert(pc_equity_item_is_money(PC_EQ_EXERCISE_VALUE));
    cr_assert_not(pc_equity_item_is_money(PC_EQ_OPTIONS_UNEARNED));
}

static const pc_diag *error_with(const char *code)
{
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].severity == PC_SEVERITY_ERROR && strcmp(diags.items[i].code, code) == 0)
            return &diags.items[i];
    cr_assert_fail("no %s error", code);
    return NULL;
}

Test(equity, exercising_more_than_vested_and_unexercised_is_an_error, .init = setup,
     .fini = teardown)
{
    ledger(false);
    /* 200 vested by 2022-07-01, 60 already exercised: 141 is one too many. */
    b_exercise(&ds, award_index("O1"), "2022-07-01", 141);
    b_done(&ds);
    cr_assert_eq(compute(), PC_ERR_INPUT);
    const pc_diag *d = error_with("exercise_exceeds_vested");
    cr_assert_str_eq(d->file, "exercises.csv");
    cr_assert_eq(d->line, 4); /* the third exercise, under the header */
    cr_assert_str_eq(d->message, "shares: '141' exercised on 2022-07-01, but only 140 of award "
                                 "'O1' were vested and not yet exercised then");
}

Test(equity, exercising_exactly_what_is_open_is_fine, .init = setup, .fini = teardown)
{
    ledger(false);
    b_exercise(&ds, award_index("O1"), "2022-07-01", 140);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2022, "O1")->options_exercisable, 0);
    cr_assert_eq(oea(2022, "O1")->options_unexercisable, 200);
}

Test(equity, exercising_before_vesting_is_an_error, .init = setup, .fini = teardown)
{
    ledger(false);
    b_exercise(&ds, award_index("P1"), "2022-05-29", 1);
    /* A later exercise that is fine does not make up for it. */
    b_exercise(&ds, award_index("P1"), "2022-06-01", 50);
    b_done(&ds);
    cr_assert_eq(compute(), PC_ERR_INPUT);
    cr_assert_eq(error_with("exercise_exceeds_vested")->line, 4);
    cr_assert_eq(diags.errors, 1);
    /* The module's own status says so too, not only the count of errors. */
    pc_equity_tables again;
    pc_equity_tables_init(&again);
    cr_assert_eq(pc_equity_tables_compute(&ds, &report, &again, &diags), PC_ERR_INPUT);
    pc_equity_tables_fini(&again);
}

Test(equity, exercising_after_expiry_is_an_error, .init = setup, .fini = teardown)
{
    ledger(false);
    b_exercise(&ds, award_index("O2"), "2022-03-02", 10);
    b_done(&ds);
    cr_assert_eq(compute(), PC_ERR_INPUT);
    const pc_diag *d = error_with("exercise_after_expiry");
    cr_assert_eq(d->line, 4); /* the third exercise, under the header */
    cr_assert_str_eq(d->message, "date: '2022-03-02' is after award 'O2' expired on 2022-03-01");
}

Test(equity, exercises_after_the_last_year_end_are_not_read, .init = setup, .fini = teardown)
{
    ledger(false);
    b_exercise(&ds, award_index("O1"), "2023-02-01", 100000);
    b_done(&ds);
    compute_ok();
    cr_assert_eq(oea(2022, "O1")->options_exercisable, 140);
}

Test(equity, missing_year_end_price_for_unvested_stock_is_an_error, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    size_t ceo = b_person(&ds, "ceo", "Chief Executive");
    b_role(&ds, 2022, ceo, PC_ROLE_PEO);
    b_performance(&ds, 2022, D(1));
    b_prices_flat(&ds, "2021-12-01", "2022-12-31", M(10));
    size_t s = b_award(&ds, "S", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2022-02-01", 100, 0,
                       NULL, M(10));
    b_tranche(&ds, s, 1, "2024-02-01", 100, PC_TRANCHE_UNVESTED, NULL);
    b_done(&ds);
    pc_status st = pc_engine_run(&ds, &report, &diags);
    cr_assert_eq(st, PC_OK);
    cr_assert_eq(report.equity.oea.items[0].stock_unvested_value, D(1000));
    /* Take the year-end price away after the CAP step has used it. */
    ds.prices.count = 300;
    pc_equity_tables again;
    pc_equity_tables_init(&again);
    cr_assert_eq(pc_equity_tables_compute(&ds, &report, &again, &diags), PC_ERR_INPUT);
    pc_equity_tables_fini(&again);
    const pc_diag *d = error_with("missing_price");
    cr_assert_eq(d->line, 2);
    cr_assert_str_eq(d->message, "award_id: 'S': no closing price on 2022-12-31 or in the 10 days "
                                 "before it (prices.csv), needed for the market value of stock not "
                                 "vested at the fiscal year end");
}

Test(equity, exercising_a_stock_award_is_an_error, .init = setup, .fini = teardown)
{
    ledger(false);
    b_exercise(&ds, award_index("S1"), "2022-09-01", 10);
    b_done(&ds);
    cr_assert_eq(compute(), PC_ERR_INPUT);
    const pc_diag *d = error_with("not_an_option");
    cr_assert_eq(d->line, 4);
    cr_assert_str_eq(d->message, "award_id: award 'S1' is a stock award; only options and SARs "
                                 "are exercised");
}

/* ---- An independent recomputation (tests/equity_tables_check.py) ----------- */

#define PYTHON "/usr/bin/python3"
#define CHECKER SOURCE_DIR "/tests/equity_tables_check.py"
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

/* Runs argv[0] with argv (no shell); its exit status, and its standard
 * output and error together in *out (malloc'ed). */
static int run(const char *const *argv, char **out)
{
    int pipefd[2];
    cr_assert_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        dup2(pipefd[1], 1);
        dup2(pipefd[1], 2);
        close(pipefd[0]);
        close(pipefd[1]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(pipefd[1]);
    size_t len = 0, cap = 4096;
    char *text = malloc(cap);
    cr_assert_not_null(text);
    ssize_t got;
    while ((got = read(pipefd[0], text + len, cap - len - 1)) > 0) {
        len += (size_t)got;
        if (cap - len - 1 == 0) {
            text = realloc(text, cap *= 2);
            cr_assert_not_null(text);
        }
    }
    text[len] = '\0';
    close(pipefd[0]);
    int status;
    waitpid(pid, &status, 0);
    *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The checker needs Debian's Python (scripts/deps.sh --tests installs it): without
 * it the test fails, it is not skipped. */
static void need_python(void)
{
    cr_assert_eq(access(PYTHON, X_OK), 0, "%s is missing: run scripts/deps.sh --tests", PYTHON);
}

/* `paycalc run INPUT --out OUT --quiet`, then the checker on its report;
 * returns the checker's summary line. */
static char *run_and_check(const char *input, const char *out_dir)
{
    char *out = NULL;
    const char *paycalc[] = {PAYCALC, "run", input, "--out", out_dir, "--quiet", NULL};
    int rc = run(paycalc, &out);
    cr_assert_eq(rc, 0, "paycalc run %s: %s", input, out);
    free(out);
    char json[4096];
    snprintf(json, sizeof json, "%s/report.json", out_dir);
    const char *check[] = {PYTHON, CHECKER, input, json, NULL};
    rc = run(check, &out);
    cr_assert_eq(rc, 0, "equity_tables_check.py disagrees on %s:\n%s", input, out);
    return out;
}

/* "equity tables: N outstanding, ..." : N. */
static long outstanding_rows(const char *summary)
{
    const char *p = strstr(summary, "equity tables: ");
    cr_assert_not_null(p, "%s", summary);
    return strtol(p + strlen("equity tables: "), NULL, 10);
}

Test(oracle, golden_set_agrees_on_every_figure)
{
    need_python();
    char *dir = make_temp_dir();
    char *summary = run_and_check(SOURCE_DIR "/tests/data/golden-nonsrc", dir);
    /* 23 outstanding awards, 12 exercises or vestings, 9 grants. */
    cr_assert_not_null(strstr(summary, "23 outstanding, 12 exercises/vesting, 9 grants; 0 "
                                       "differences"),
                       "%s", summary);
    free(summary);
    remove_dir(dir);
    free(dir);
}

typedef struct gen_set {
    char neos[4], awards[4], tranches[4], years[4], seed[4], fye[8];
} gen_set;

static gen_set gen_sets[] = {
    {"4", "6", "4", "5", "21", "12-31"}, /* not an SRC: Grants of Plan-Based Awards */
    {"3", "8", "3", "3", "5", "06-30"},  /* an SRC, June year end */
    {"2", "5", "12", "4", "8", "09-30"}, /* monthly tranches */
};

ParameterizedTestParameters(oracle, generated_sets_agree_on_every_figure)
{
    return cr_make_param_array(gen_set, gen_sets, sizeof gen_sets / sizeof gen_sets[0]);
}

ParameterizedTest(gen_set *g, oracle, generated_sets_agree_on_every_figure)
{
    need_python();
    char *dir = make_temp_dir();
    char input[4096], output[4096];
    snprintf(input, sizeof input, "%s/in", dir);
    snprintf(output, sizeof output, "%s/out", dir);
    const char *gen[] = {
        PYTHON,    GENERATOR,           input,       "--neos",  g->neos,  "--awards-per-person",
        g->awards, "--tranches",        g->tranches, "--years", g->years, "--seed",
        g->seed,   "--fiscal-year-end", g->fye,      NULL};
    char *out = NULL;
    cr_assert_eq(run(gen, &out), 0, "gen_inputs.py: %s", out);
    free(out);
    char *summary = run_and_check(input, output);
    cr_assert_gt(outstanding_rows(summary), 5, "%s", summary);
    free(summary);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    free(dir);
}

Test(oracle, a_figure_off_by_one_share_is_found)
{
    need_python();
    char *dir = make_temp_dir();
    free(run_and_check(SOURCE_DIR "/inputs/cbak-fy2022", dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/report.json", dir);
    char *text = read_file(path, NULL);
    cr_assert_not_null(text);
    char *at = strstr(text, "\"options_unearned\": 90000");
    cr_assert_not_null(at);
    memcpy(at, "\"options_unearned\": 90001", strlen("\"options_unearned\": 90001"));
    cr_assert_eq(write_text(path, text), 0);
    free(text);
    char *out = NULL;
    const char *check[] = {PYTHON, CHECKER, SOURCE_DIR "/inputs/cbak-fy2022", path, NULL};
    cr_assert_eq(run(check, &out), 1, "%s", out);
    cr_assert_not_null(strstr(out, "options_unearned: expected 90000, report has 90001"), "%s",
                       out);
    free(out);
    remove_dir(dir);
    free(dir);
}

/* ---- Steps: what each figure is made of (the workbook's Equity Award
 * Detail sums them) ------------------------------------------------------ */

/* The sum over a row's steps of `item`: shares counted, or values. */
static int64_t steps_sum(size_t first, size_t n, pc_equity_item item, bool value)
{
    int64_t sum = 0;
    for (size_t k = first; k < first + n; k++) {
        const pc_equity_step *s = &tables.steps.items[k];
        if (s->item == item)
            sum += value ? s->value : s->counted;
    }
    return sum;
}

/* Each row's steps are grouped by item (one run per figure). */
static void expect_runs(size_t first, size_t n)
{
    for (size_t k = first + 1; k < first + n; k++)
        cr_expect_leq(tables.steps.items[k - 1].item, tables.steps.items[k].item,
                      "steps %zu and %zu out of item order", k - 1, k);
}

/* The fixture's last covered year: the only year whose rows keep their
 * steps (the year the workbook shows). */
#define LAST_YEAR 2022

/* Whether a row of `year` keeps its steps (those of the last year, in item
 * runs); a row of an earlier year must have none. */
static bool kept_steps(int year, size_t first, size_t n)
{
    if (year != LAST_YEAR) {
        cr_expect_eq(n, 0, "a step kept for %d", year);
        return false;
    }
    expect_runs(first, n);
    return true;
}

Test(steps, every_figure_is_the_sum_of_its_steps, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    size_t rows = 0;
    for (size_t i = 0; i < tables.oea.count; i++) {
        const pc_oea_row *r = &tables.oea.items[i];
        size_t f = r->first_step, n = r->nsteps;
        if (!kept_steps(r->year, f, n))
            continue;
        rows++;
        cr_expect_eq(steps_sum(f, n, PC_EQ_OPTIONS_EXERCISABLE, false), r->options_exercisable);
        cr_expect_eq(steps_sum(f, n, PC_EQ_OPTIONS_UNEXERCISABLE, false), r->options_unexercisable);
        cr_expect_eq(steps_sum(f, n, PC_EQ_OPTIONS_UNEARNED, false), r->options_unearned);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_UNVESTED, false), r->stock_unvested);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_UNVESTED_VALUE, true), r->stock_unvested_value);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_UNEARNED, false), r->stock_unearned);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_UNEARNED_VALUE, true), r->stock_unearned_value);
    }
    for (size_t i = 0; i < tables.oesv.count; i++) {
        const pc_oesv_row *r = &tables.oesv.items[i];
        size_t f = r->first_step, n = r->nsteps;
        if (!kept_steps(r->year, f, n))
            continue;
        rows++;
        cr_expect_eq(steps_sum(f, n, PC_EQ_OPTIONS_EXERCISED, false), r->options_exercised);
        cr_expect_eq(steps_sum(f, n, PC_EQ_OPTIONS_EXERCISED, true), r->exercise_value);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_VESTED, false), r->stock_vested);
        cr_expect_eq(steps_sum(f, n, PC_EQ_STOCK_VESTED, true), r->vesting_value);
    }
    for (size_t i = 0; i < tables.gpba.count; i++) {
        const pc_gpba_row *r = &tables.gpba.items[i];
        size_t f = r->first_step, n = r->nsteps;
        if (!kept_steps(r->year, f, n))
            continue;
        rows++;
        cr_expect_eq(steps_sum(f, n, PC_EQ_TARGET_SHARES, false), r->target_shares);
        cr_expect_eq(steps_sum(f, n, PC_EQ_OTHER_STOCK_SHARES, false), r->other_stock_shares);
        cr_expect_eq(steps_sum(f, n, PC_EQ_OTHER_OPTION_SHARES, false), r->other_option_shares);
        cr_expect_eq(steps_sum(f, n, PC_EQ_GRANT_DATE_FAIR_VALUE, true), r->grant_date_fair_value);
    }
    cr_assert_gt(rows, 5);
}

/* An exercise takes its options out of the exercisable column: a step of
 * negative shares on the exercise date, beside the vested tranches. */
Test(steps, an_exercise_is_a_negative_step_of_the_exercisable, .init = setup, .fini = teardown)
{
    ledger(false);
    b_done(&ds);
    compute_ok();
    const pc_oea_row *r = oea(2022, "O1");
    cr_assert_not_null(r);
    size_t exercises = 0, vested = 0;
    for (size_t k = r->first_step; k < r->first_step + r->nsteps; k++) {
        const pc_equity_step *s = &tables.steps.items[k];
        if (s->basis == PC_EQ_BASIS_EXERCISE) {
            exercises++;
            cr_expect_eq(s->item, PC_EQ_OPTIONS_EXERCISABLE);
            cr_expect_lt(s->shares, 0);
        } else if (s->item == PC_EQ_OPTIONS_EXERCISABLE) {
            vested++;
            cr_expect_eq(s->basis, PC_EQ_BASIS_TRANCHE);
        }
    }
    cr_expect_gt(exercises, 0);
    cr_expect_gt(vested, 0);
}

/* SPEC section 12: an award whose performance period has ended shows the
 * shares it earned, the outcome CAP values it at; earned but not yet
 * vested, they are stock not vested (Item 402(f)(2) columns (g) and (h)),
 * not unearned equity incentive plan shares (columns (i) and (j)). In
 * Meridian's set the relative-TSR award HOLT-TSR-2022 ended on 2024-12-31
 * at a 200% payout and vests on 2025-03-01: CAP values its 40,000 target
 * shares at 2 x the close, and Outstanding Equity Awards at the 2024 year
 * end shows 80,000 shares not vested at that close, none unearned. Every
 * market_outcome valuation at the year end is checked the same way, and
 * the market awards still in their period stay unearned. */
Test(oea, meridian_award_past_its_period_shows_the_shares_cap_values)
{
    char *out = make_temp_dir();
    const char *args[] = {"run", SOURCE_DIR "/inputs/meridian-fy2024", "--out", out, "--quiet",
                          NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    char path[600];
    snprintf(path, sizeof path, "%s/report.json", out);
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    cr_assert_not_null(root, "%s", error.text);
    json_t *vals = json_object_get(root, "award_valuations"), *v;
    json_t *oeas = json_object_get(root, "outstanding_equity_awards"), *e;
    size_t i, k, checked = 0;
    json_array_foreach(vals, i, v)
    {
        if (strcmp(json_string_value(json_object_get(v, "method")), "market_outcome") != 0 ||
            strcmp(json_string_value(json_object_get(v, "date")), "2024-12-31") != 0 ||
            strcmp(json_string_value(json_object_get(v, "purpose")), "fye") != 0)
            continue;
        const char *award = json_string_value(json_object_get(v, "award_id"));
        double payout = json_number_value(json_object_get(json_object_get(v, "inputs"), "payout"));
        long long earned =
            llround((double)json_integer_value(json_object_get(v, "shares")) * payout);
        json_array_foreach(oeas, k, e)
        {
            if (json_integer_value(json_object_get(e, "year")) != 2024 ||
                strcmp(json_string_value(json_object_get(e, "award_id")), award) != 0)
                continue;
            long long shown = json_integer_value(json_object_get(e, "stock_unvested"));
            cr_expect_eq(shown, earned, "%s: %lld shares not vested, %lld earned (payout %g)",
                         award, shown, earned, payout);
            cr_expect_eq(json_integer_value(json_object_get(e, "stock_unearned")), 0,
                         "%s: earned shares are not unearned", award);
            double close = json_number_value(json_object_get(e, "close"));
            cr_expect_eq(
                llround(json_number_value(json_object_get(e, "stock_unvested_value")) * 100),
                llround((double)earned * close * 100), "%s: value", award);
            checked++;
        }
    }
    cr_expect_eq(checked, 1, "HOLT-TSR-2022 is the one award past its period at 2024's end");
    /* The market awards whose periods end after 2024 are still unearned. */
    const char *running[] = {"HOLT-IDX-2023", "HOLT-HRD-2023", "OKAFOR-TSR-2023"};
    for (size_t n = 0; n < sizeof running / sizeof *running; n++) {
        size_t found = 0;
        json_array_foreach(oeas, k, e)
        {
            if (json_integer_value(json_object_get(e, "year")) != 2024 ||
                strcmp(json_string_value(json_object_get(e, "award_id")), running[n]) != 0)
                continue;
            cr_expect_gt(json_integer_value(json_object_get(e, "stock_unearned")), 0, "%s",
                         running[n]);
            cr_expect_eq(json_integer_value(json_object_get(e, "stock_unvested")), 0, "%s",
                         running[n]);
            found++;
        }
        cr_expect_eq(found, 1, "%s has its 2024 row", running[n]);
    }
    json_decref(root);
    remove_dir(out);
    free(out);
}

/* The report's index of grant-date and market_outcome valuations and of
 * the fair_values.csv lines used, which the equity tables and the unused
 * fair value warning read instead of every valuation, lists exactly the
 * valuations of each kind, in order. */
static void expect_index(const pc_report *r, const size_t *index, size_t n, int kind,
                         const char *set)
{
    size_t k = 0;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (kind == 0 ? v->purpose != PC_PURPOSE_GRANT : v->method != PC_METHOD_MARKET_OUTCOME)
            continue;
        cr_assert_lt(k, n, "%s: index %d misses valuation %zu", set, kind, i);
        cr_assert_eq(index[k], i, "%s: index %d lists %zu where valuation %zu is", set, kind,
                     index[k], i);
        k++;
    }
    cr_assert_eq(k, n, "%s: index %d lists %zu valuations, %zu are of its kind", set, kind, n, k);
}

static void expect_lines(const pc_report *r, const char *set)
{
    size_t k = 0;
    for (size_t i = 0; i < r->valuations.count; i++) {
        int line = r->valuations.items[i].inputs.supplied_line;
        if (line <= 0)
            continue;
        cr_assert_lt(k, r->supplied_lines.count, "%s: no line of valuation %zu", set, i);
        cr_assert_eq(r->supplied_lines.items[k], line, "%s: valuation %zu", set, i);
        k++;
    }
    cr_assert_eq(k, r->supplied_lines.count, "%s", set);
}

Test(equity, the_valuation_index_lists_every_valuation_of_its_kind)
{
    const char *sets[] = {SOURCE_DIR "/inputs/cbak-fy2022", SOURCE_DIR "/inputs/meridian-fy2024",
                          SOURCE_DIR "/tests/data/golden-nonsrc"};
    size_t seen[3] = {0};
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        pc_dataset d;
        pc_report r;
        pc_diags g;
        pc_dataset_init(&d);
        pc_report_init(&r);
        pc_diags_init(&g);
        cr_assert_eq(pc_compute(sets[s], &d, &r, &g), PC_OK, "%s", sets[s]);
        expect_index(&r, r.grant_valuations.items, r.grant_valuations.count, 0, sets[s]);
        expect_index(&r, r.outcome_valuations.items, r.outcome_valuations.count, 1, sets[s]);
        expect_lines(&r, sets[s]);
        seen[0] += r.grant_valuations.count;
        seen[1] += r.outcome_valuations.count;
        seen[2] += r.supplied_lines.count;
        pc_diags_fini(&g);
        pc_report_fini(&r);
        pc_dataset_fini(&d);
    }
    /* Each kind is there to be checked. */
    cr_assert(seen[0] > 0 && seen[1] > 0 && seen[2] > 0);
}
