/*
 * Exchange rates (SPEC section 4) and the SCT's conversion of cash (R1, R3).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "paycalc/engine.h"
#include "paycalc/fx.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5)))
#define M(x) ((int64_t)((x)*1000000 + 0.5))

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

Test(fx, published_fiscal_year_average_wins_over_daily_rates, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    b_fx_day(&ds, "CNY", "2022-03-01", M(6.3));
    b_fx_year(&ds, "CNY", 2022, M(6.7264));
    b_done(&ds);
    pc_rate_used r;
    cr_assert_eq(pc_fx_annual_average(&ds, "CNY", 2022, &r), PC_OK);
    cr_assert_eq(r.per_usd_micro, M(6.7264));
    cr_assert(strstr(r.source, "fx.csv line 3") != NULL, "%s", r.source);
    free(r.source);
}

Test(fx, daily_mean_is_rounded_to_four_decimals, .init = setup, .fini = teardown)
{
    /* (6.50001 + 6.50004 + 6.50010) / 3 = 6.50005 -> 6.5001 (half away from
     * zero). The 2021 observation is outside fiscal 2022. */
    b_init(&ds, 12, 31, 2022, 2022, true);
    b_fx_day(&ds, "HKD", "2021-12-31", M(9));
    b_fx_day(&ds, "HKD", "2022-01-03", M(6.50001));
    b_fx_day(&ds, "HKD", "2022-06-30", M(6.50004));
    b_fx_day(&ds, "HKD", "2022-12-30", M(6.5001));
    b_done(&ds);
    pc_rate_used r;
    cr_assert_eq(pc_fx_annual_average(&ds, "HKD", 2022, &r), PC_OK);
    cr_assert_eq(r.per_usd_micro, M(6.5001));
    cr_assert_eq(r.observations, 3);
    free(r.source);
    cr_assert_eq(pc_fx_annual_average(&ds, "HKD", 2020, &r), PC_ERR_MISSING);
    free(r.source);
    cr_assert_eq(pc_fx_annual_average(&ds, "EUR", 2022, &r), PC_ERR_MISSING);
    free(r.source);
}

Test(fx, june_fiscal_year_takes_daily_rates_from_july_to_june, .init = setup, .fini = teardown)
{
    /* Fiscal 2022 with a 06-30 year end runs 2021-07-01 to 2022-06-30. */
    b_init(&ds, 6, 30, 2022, 2022, true);
    b_fx_day(&ds, "CNY", "2021-06-30", M(9.9));
    b_fx_day(&ds, "CNY", "2021-07-01", M(6.4));
    b_fx_day(&ds, "CNY", "2022-06-30", M(6.6));
    b_fx_day(&ds, "CNY", "2022-07-01", M(9.9));
    b_done(&ds);
    pc_rate_used r;
    cr_assert_eq(pc_fx_annual_average(&ds, "CNY", 2022, &r), PC_OK);
    cr_assert_eq(r.per_usd_micro, M(6.5));
    cr_assert(strstr(r.source, "2021-07-01 to 2022-06-30") != NULL, "%s", r.source);
    free(r.source);
}

Test(fx, daily_lookup_takes_the_latest_rate_within_ten_days, .init = setup, .fini = teardown)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    b_fx_day(&ds, "CNY", "2022-12-20", M(6.9));
    b_done(&ds);
    pc_rate_used r;
    cr_assert_eq(pc_fx_daily(&ds, "CNY", b_date("2022-12-30"), &r), PC_OK);
    cr_assert_eq(r.date, b_date("2022-12-20"));
    free(r.source);
    cr_assert_eq(pc_fx_daily(&ds, "CNY", b_date("2022-12-31"), &r), PC_ERR_MISSING);
    free(r.source);
    cr_assert_eq(pc_fx_daily(&ds, "CNY", b_date("2022-12-19"), &r), PC_ERR_MISSING);
    free(r.source);
}

static size_t cbak_like(pc_fx_method method)
{
    b_init(&ds, 12, 31, 2022, 2022, true);
    ds.config.fx_method = method;
    size_t p = b_person(&ds, "li", "李雲飛");
    b_role(&ds, 2022, p, PC_ROLE_PEO);
    b_price(&ds, "2021-12-31", M(1.81), 0);
    b_price(&ds, "2022-12-30", M(1.149), 0);
    b_performance(&ds, 2022, 0);
    return p;
}

Test(fx, annual_average_converts_the_year_sum_once, .init = setup, .fini = teardown)
{
    /* Twelve payroll rows of RMB 66,000.82 = 792,009.84; at 6.7264 that is
     * 117,746.35 (R1, once on the sum), shown as 117,746 (R3). Converting
     * each month (9,812.2056... -> 9,812.21 x 12 = 117,746.52) would show
     * 117,747. */
    size_t p = cbak_like(PC_FX_ANNUAL_AVERAGE);
    for (int m = 1; m <= 12; m++)
        b_cash(&ds, p, 2022, PC_COMP_SALARY, D(66000.82), "CNY", NULL);
    b_fx_year(&ds, "CNY", 2022, M(6.7264));
    b_done(&ds);
    cr_assert_eq(pc_engine_sct(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.sct.count, 1);
    cr_assert_eq(report.sct.items[0].column[PC_SCT_SALARY], D(117746));
    cr_assert_eq(report.rates.count, 1);
    cr_assert_eq(report.rates.items[0].per_usd_micro, M(6.7264));
    cr_assert_eq(report.rates.items[0].fiscal_year, 2022);
}

Test(fx, payment_date_converts_each_row_at_its_own_rate, .init = setup, .fini = teardown)
{
    size_t p = cbak_like(PC_FX_PAYMENT_DATE);
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(700), "CNY", "2022-03-31");
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(700), "CNY", "2022-09-30");
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(50), "USD", "2022-09-30");
    b_fx_day(&ds, "CNY", "2022-03-31", M(7));
    b_fx_day(&ds, "CNY", "2022-09-28", M(3.5));
    b_done(&ds);
    cr_assert_eq(pc_engine_sct(&ds, &report, &diags), PC_OK);
    /* 700/7 + 700/3.5 + 50 = 100 + 200 + 50. */
    cr_assert_eq(report.sct.items[0].column[PC_SCT_BONUS], D(350));
    cr_assert_eq(report.rates.count, 2);
}

Test(fx, year_end_converts_at_the_fiscal_year_end_rate, .init = setup, .fini = teardown)
{
    size_t p = cbak_like(PC_FX_YEAR_END);
    b_cash(&ds, p, 2022, PC_COMP_SALARY, D(1000), "CNY", NULL);
    b_fx_day(&ds, "CNY", "2022-12-30", M(8));
    b_done(&ds);
    cr_assert_eq(pc_engine_sct(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.sct.items[0].column[PC_SCT_SALARY], D(125));
    cr_assert_eq(report.rates.items[0].date, b_date("2022-12-30"));
}

Test(fx, missing_rate_names_the_cash_row_and_currency, .init = setup, .fini = teardown)
{
    size_t p = cbak_like(PC_FX_ANNUAL_AVERAGE);
    b_cash(&ds, p, 2022, PC_COMP_SALARY, D(1000), "CNY", NULL);
    b_fx_year(&ds, "CNY", 2021, M(6.4525));
    b_done(&ds);
    cr_assert_eq(pc_engine_sct(&ds, &report, &diags), PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_eq(diags.items[0].line, 2);
    cr_assert_str_eq(diags.items[0].code, "missing_rate");
    cr_assert(strstr(diags.items[0].message, "no CNY rate for fiscal 2022") != NULL, "%s",
              diags.items[0].message);
}

Test(fx, every_person_and_component_converts_at_the_rate_of_its_currency_and_year, .init = setup,
     .fini = teardown)
{
    /* Two currencies, two years, several people and components: each sum
     * is converted at its own currency and year's daily mean (the SCT finds
     * each rate once and reuses it), and each rate is listed once. */
    b_init(&ds, 12, 31, 2021, 2022, true);
    b_fx_day(&ds, "CNY", "2021-03-01", M(6.4));
    b_fx_day(&ds, "CNY", "2021-09-01", M(6.6)); /* 2021: 6.5 */
    b_fx_day(&ds, "CNY", "2022-06-01", M(8));   /* 2022: 8 */
    b_fx_day(&ds, "HKD", "2021-06-01", M(8));   /* 2021: 8 */
    b_fx_day(&ds, "HKD", "2022-06-01", M(7.8)); /* 2022: 7.8 */
    size_t p[3];
    const char *ids[3] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        p[i] = b_person(&ds, ids[i], ids[i]);
        for (int y = 2021; y <= 2022; y++) {
            b_role(&ds, y, p[i], i == 0 ? PC_ROLE_PEO : PC_ROLE_NEO);
            b_cash(&ds, p[i], y, PC_COMP_SALARY, D(65000) * (i + 1), "CNY", NULL);
            b_cash(&ds, p[i], y, PC_COMP_BONUS, D(15600) * (i + 1), "HKD", NULL);
            b_cash(&ds, p[i], y, PC_COMP_ALL_OTHER, D(1300), "CNY", NULL);
        }
    }
    b_price(&ds, "2020-12-31", M(10), 0);
    b_price(&ds, "2021-12-31", M(10), 0);
    b_price(&ds, "2022-12-30", M(10), 0);
    b_performance(&ds, 2021, 0);
    b_performance(&ds, 2022, 0);
    b_done(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
    for (int i = 0; i < 3; i++) {
        const pc_sct_row *r21 = pc_report_sct(&report, p[i], 2021);
        const pc_sct_row *r22 = pc_report_sct(&report, p[i], 2022);
        cr_assert_eq(r21->column[PC_SCT_SALARY], D(10000) * (i + 1)); /* 65,000 / 6.5 */
        cr_assert_eq(r21->column[PC_SCT_BONUS], D(1950) * (i + 1));   /* 15,600 / 8 */
        cr_assert_eq(r21->column[PC_SCT_ALL_OTHER], D(200));          /* 1,300 / 6.5 */
        cr_assert_eq(r22->column[PC_SCT_SALARY], D(8125) * (i + 1));  /* 65,000 / 8 */
        cr_assert_eq(r22->column[PC_SCT_BONUS], D(2000) * (i + 1));   /* 15,600 / 7.8 */
        cr_assert_eq(r22->column[PC_SCT_ALL_OTHER], D(163));          /* 162.50 -> 163 */
    }
    cr_assert_eq(report.rates.count, 4);
    const struct {
        const char *currency;
        int year;
        int64_t per_usd;
    } want[4] = {
        {"CNY", 2021, M(6.5)}, {"CNY", 2022, M(8)}, {"HKD", 2021, M(8)}, {"HKD", 2022, M(7.8)}};
    for (int k = 0; k < 4; k++) {
        cr_assert_str_eq(report.rates.items[k].currency, want[k].currency);
        cr_assert_eq(report.rates.items[k].fiscal_year, want[k].year);
        cr_assert_eq(report.rates.items[k].per_usd_micro, want[k].per_usd);
    }
}

/* Every path of pc_fx_rate_for_cash sets its output, so a caller can free
 * `source` whatever the status (the SCT's conversion does). `out` starts as
 * garbage here, as an uninitialised local would. */
Test(fx, rate_for_cash_without_a_pay_date_sets_its_output, .init = setup, .fini = teardown)
{
    size_t p = cbak_like(PC_FX_PAYMENT_DATE);
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(700), "CNY", NULL);
    b_fx_day(&ds, "CNY", "2022-03-31", M(7));
    b_done(&ds);
    pc_rate_used r;
    memset(&r, 0xA5, sizeof r);
    cr_assert_eq(pc_fx_rate_for_cash(&ds, &ds.cash.items[0], &r), PC_ERR_MISSING);
    cr_assert_null(r.source);
    cr_assert_eq(r.per_usd_micro, 0);
    cr_assert_eq(r.date, PC_DATE_NONE);
    cr_assert_str_eq(r.currency, "CNY");
    cr_assert_eq(r.fiscal_year, 2022);
}

Test(fx, rate_for_cash_under_an_unknown_method_sets_its_output, .init = setup, .fini = teardown)
{
    size_t p = cbak_like((pc_fx_method)99);
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(700), "CNY", "2022-03-31");
    b_done(&ds);
    pc_rate_used r;
    memset(&r, 0xA5, sizeof r);
    cr_assert_eq(pc_fx_rate_for_cash(&ds, &ds.cash.items[0], &r), PC_ERR_USAGE);
    cr_assert_null(r.source);
    cr_assert_eq(r.per_usd_micro, 0);
}

/* The same row through the SCT: one error naming the row's missing pay
 * date (where the conversion used to free the unset `source`). */
Test(fx, cash_without_a_pay_date_under_payment_date_is_one_error_naming_the_row, .init = setup,
     .fini = teardown)
{
    size_t p = cbak_like(PC_FX_PAYMENT_DATE);
    b_cash(&ds, p, 2022, PC_COMP_BONUS, D(700), "CNY", NULL);
    b_done(&ds);
    cr_assert_eq(pc_engine_sct(&ds, &report, &diags), PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].code, "missing_pay_date");
    cr_assert_eq(diags.items[0].line, 2);
}
