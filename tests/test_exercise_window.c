/*
 * The post-termination exercise window of a separation (SPEC section 13,
 * separations.csv exercise_window): the vested options of a departed
 * executive expire at its end, leave the Outstanding Equity Awards table,
 * cannot be exercised after it, and change nothing in compensation actually
 * paid, which stopped following the tranches when they vested or were
 * forfeited. Hand-computed figures.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "builder.h"
#include "paycalc/engine.h"
#include "paycalc/ledger.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5))) /* dollars -> cents */
#define M(x) ((int64_t)((x)*1000000 + 0.5))                 /* decimal -> micros */

static pc_dataset ds;
static pc_report report;
static pc_diags diags;
static size_t li, option;

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

/* Li leaves on 2022-06-30. Of 2,000 options (granted 2021-01-04 at $3.00,
 * exercise price $10, expiring 2030-12-31), 1,000 vested on 2022-03-01 and
 * 1,000 are forfeited on leaving. Fair values: $4.00 at FYE 2021, $5.00 on
 * the vest date. `window`: a 90-day window, ending 2022-09-28. */
static void build(bool window, const char *exercise_date)
{
    b_init(&ds, 12, 31, 2021, 2022, false);
    li = b_person(&ds, "li", "Li");
    b_role(&ds, 2021, li, PC_ROLE_PEO);
    b_role(&ds, 2022, li, PC_ROLE_PEO);
    b_cash(&ds, li, 2021, PC_COMP_SALARY, D(100000), "USD", NULL);
    b_cash(&ds, li, 2022, PC_COMP_SALARY, D(50000), "USD", NULL);
    option = b_award(&ds, "O1", li, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2021-01-04", 2000,
                     M(10), "2030-12-31", M(3));
    b_tranche(&ds, option, 1, "2022-03-01", 1000, PC_TRANCHE_VESTED, NULL);
    b_tranche(&ds, option, 2, "2023-03-01", 1000, PC_TRANCHE_FORFEITED, "2022-06-30");
    b_fair_value(&ds, option, 0, "2021-12-31", M(4));
    b_fair_value(&ds, option, 0, "2022-03-01", M(5));
    if (exercise_date)
        b_exercise(&ds, option, exercise_date, 100);
    if (window) {
        ds.awards.items[option].has_window_end = true;
        ds.awards.items[option].window_end = b_date("2022-06-30") + 90;
        ds.awards.items[option].separated_on = b_date("2022-06-30");
    }
    b_prices_flat(&ds, "2020-12-01", "2022-12-31", M(8));
    b_performance(&ds, 2021, D(1000000));
    b_performance(&ds, 2022, D(1000000));
    b_done(&ds);
}

static pc_status run(void)
{
    return pc_engine_run(&ds, &report, &diags);
}

static const pc_cap_row *cap_of(int year)
{
    for (size_t i = 0; i < report.cap.count; i++)
        if (report.cap.items[i].year == year && report.cap.items[i].subject == li)
            return &report.cap.items[i];
    cr_assert_fail("no CAP row for %d", year);
    return NULL;
}

static size_t oea_rows(int year)
{
    size_t n = 0;
    for (size_t i = 0; i < report.equity.oea.count; i++)
        n += report.equity.oea.items[i].year == year;
    return n;
}

Test(window, the_window_ends_the_vested_options_before_their_term, .init = setup, .fini = teardown)
{
    build(true, NULL);
    cr_assert_eq(pc_award_expires_on(&ds.awards.items[option], b_date("2022-12-31")),
                 b_date("2022-09-28"));
    cr_assert_eq(pc_award_expires_on(&ds.awards.items[option], b_date("2022-06-29")),
                 b_date("2030-12-31"), "before leaving, the award's own term");
    cr_assert_eq(run(), PC_OK);
    /* At FYE 2022 the 1,000 vested options expired on 2022-09-28: no row. */
    cr_assert_eq(oea_rows(2022), 0);
    /* FYE 2021 (an SCT year): all 2,000 unexercisable, expiring 2030. */
    cr_assert_eq(oea_rows(2021), 1);
    cr_assert_eq(report.equity.oea.items[0].options_unexercisable, 2000);
    cr_assert_eq(report.equity.oea.items[0].expiration_date, b_date("2030-12-31"));
}

Test(window, without_a_window_the_vested_options_stay_outstanding, .init = setup, .fini = teardown)
{
    build(false, NULL);
    cr_assert_eq(run(), PC_OK);
    cr_assert_eq(oea_rows(2022), 1);
    const pc_oea_row *o = &report.equity.oea.items[report.equity.oea.count - 1];
    cr_assert_eq(o->year, 2022);
    cr_assert_eq(o->options_exercisable, 1000);
    cr_assert_eq(o->expiration_date, b_date("2030-12-31"));
}

Test(window, compensation_actually_paid_is_the_same_with_or_without_it, .init = setup,
     .fini = teardown)
{
    /* 2022: the vested tranche 1,000 x ($5.00 - $4.00) = 1,000; the
     * forfeited one -1,000 x $4.00 = -4,000; nothing after either. */
    build(true, NULL);
    cr_assert_eq(run(), PC_OK);
    const pc_cap_row *with = cap_of(2022);
    cr_assert_eq(with->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], D(1000));
    cr_assert_eq(with->line[PC_CAP_LESS_FV_FORFEITED], D(-4000));
    cr_assert_eq(with->line[PC_CAP_CAP], D(50000 + 1000 - 4000));
    int64_t lines[PC_CAP_NLINES];
    memcpy(lines, with->line, sizeof lines);

    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    pc_report_init(&report);
    build(false, NULL);
    cr_assert_eq(run(), PC_OK);
    cr_assert_arr_eq(cap_of(2022)->line, lines, sizeof lines);
}

Test(window, an_exercise_on_its_last_day_counts_and_one_after_it_is_an_error, .init = setup,
     .fini = teardown)
{
    build(true, "2022-09-28");
    cr_assert_eq(run(), PC_OK);
    cr_assert_eq(oea_rows(2022), 0);

    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
    pc_report_init(&report);
    pc_diags_init(&diags);
    build(true, "2022-09-29");
    cr_assert_eq(run(), PC_ERR_INPUT);
    bool found = false;
    for (size_t i = 0; i < diags.count; i++)
        found |= strstr(diags.items[i].message, "after award 'O1' expired on 2022-09-28") != NULL;
    cr_assert(found, "the exercise after the window names the date it ended");
}
