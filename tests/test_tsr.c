/*
 * Total shareholder return (SPEC section 7, Item 201(e) method).
 */
#include <criterion/criterion.h>

#include <string.h>

#include "builder.h"
#include "paycalc/engine.h"

#define M(x) ((int64_t)((x)*1000000 + 0.5))

Test(tsr, reinvests_dividends_at_the_ex_date_close)
{
    /* Base $50; a $0.50 dividend reinvested at $45; year end $48:
     * 100 x (1 + 0.5/45) x 48/50 = 97.0667 -> 97.07. */
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    b_init(&ds, 12, 31, 2022, 2022, true);
    b_price(&ds, "2021-12-31", M(50), 0);
    b_price(&ds, "2022-06-15", M(45), M(0.5));
    b_price(&ds, "2022-12-30", M(48), 0);
    b_done(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_engine_tsr(&ds, &report, &diags), PC_OK);
    cr_assert(report.tsr.computed);
    cr_assert_eq(report.tsr.base_date, b_date("2021-12-31"));
    cr_assert_eq(report.tsr.points[0].price_date, b_date("2022-12-30"));
    cr_assert_eq(report.tsr.points[0].value, 9707);
    cr_assert_float_eq(report.tsr.points[0].units, 1.0 + 0.5 / 45.0, 1e-12);
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

Test(tsr, without_dividends_is_exact_from_one_base_for_every_year)
{
    /* CBAK: base 5.87 on 2020-12-31; 1.81 and 1.149 give 30.83 and 19.57. */
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    b_init(&ds, 12, 31, 2021, 2022, true);
    b_price(&ds, "2020-12-30", M(6.00), 0);
    b_price(&ds, "2020-12-31", M(5.87), 0);
    b_price(&ds, "2021-12-31", M(1.81), 0);
    b_price(&ds, "2022-12-30", M(1.149), 0);
    b_done(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_engine_tsr(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.tsr.npoints, 2);
    cr_assert_eq(report.tsr.points[0].value, 3083);
    cr_assert_eq(report.tsr.points[1].value, 1957);
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

Test(tsr, needs_a_price_before_the_first_covered_year)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    b_init(&ds, 12, 31, 2022, 2022, true);
    b_price(&ds, "2022-01-03", M(10), 0);
    b_price(&ds, "2022-12-30", M(11), 0);
    b_done(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_engine_tsr(&ds, &report, &diags), PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].code, "missing_price");
    cr_assert(strstr(diags.items[0].message, "2022-01-01") != NULL);
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

/* The base may be up to 10 days older than the fiscal year end before the
 * covered years (as any price at a date); older, the run warns. */
Test(tsr, a_base_more_than_ten_days_before_the_prior_year_end_is_a_warning)
{
    static const struct {
        const char *base;
        size_t warnings;
    } cases[] = {{"2021-12-31", 0}, {"2021-12-21", 0}, {"2021-12-20", 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pc_dataset ds;
        pc_report report;
        pc_diags diags;
        b_init(&ds, 12, 31, 2022, 2022, true);
        b_price(&ds, cases[i].base, M(10), 0);
        b_price(&ds, "2022-12-30", M(11), 0);
        b_done(&ds);
        pc_report_init(&report);
        pc_diags_init(&diags);
        cr_assert_eq(pc_engine_tsr(&ds, &report, &diags), PC_OK);
        cr_assert_eq(report.warnings.count, cases[i].warnings, "base %s", cases[i].base);
        cr_assert_eq(diags.warnings, cases[i].warnings, "base %s", cases[i].base);
        if (cases[i].warnings) {
            cr_assert_str_eq(report.warnings.items[0].code, "stale_tsr_base");
            cr_assert_str_eq(report.warnings.items[0].message,
                             "the TSR base price is the close of 2021-12-20, 11 days before the "
                             "fiscal year end 2021-12-31 that starts the TSR (at most 10 days are "
                             "expected: is a price missing?)");
        }
        pc_report_fini(&report);
        pc_diags_fini(&diags);
        pc_dataset_fini(&ds);
    }
}
