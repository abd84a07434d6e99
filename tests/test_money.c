/*
 * Exact money: rounding, conversion, tranche values, formatting (SPEC
 * section 3).
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "paycalc/money.h"

typedef struct div_case {
    int64_t num, den, expected;
} div_case;

ParameterizedTestParameters(money, rounds_half_away_from_zero)
{
    static div_case cases[] = {
        {5, 10, 1},
        {-5, 10, -1},
        {4, 10, 0},
        {-4, 10, 0},
        {15, 10, 2},
        {-15, 10, -2},
        {25, 10, 3},
        {-25, 10, -3},
        {0, 7, 0},
        {6, 10, 1},
        {1, 3, 0},
        {2, 3, 1},
        {-2, 3, -1},
        {5, -10, -1},
        {-5, -10, 1},
        {INT64_MAX, 1, INT64_MAX},
        {INT64_MIN, 1, INT64_MIN},
        {INT64_MAX, 2, INT64_MAX / 2 + 1},
    };
    return cr_make_param_array(div_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(div_case *c, money, rounds_half_away_from_zero)
{
    int64_t out = 12345;
    cr_assert_eq(pc_round_div(c->num, c->den, &out), PC_OK);
    cr_assert_eq(out, c->expected, "%lld / %lld gave %lld, expected %lld", (long long)c->num,
                 (long long)c->den, (long long)out, (long long)c->expected);
}

Test(money, division_overflow_is_an_error_not_a_wrap)
{
    int64_t out;
    cr_assert_eq(pc_round_div(INT64_MIN, -1, &out), PC_ERR_OVERFLOW);
    cr_assert_eq(pc_mul_div_round(INT64_MAX, 3, 1, &out), PC_ERR_OVERFLOW);
    cr_assert_eq(pc_money_add(INT64_MAX, 1, &out), PC_ERR_OVERFLOW);
    cr_assert_eq(pc_money_sub(INT64_MIN, 1, &out), PC_ERR_OVERFLOW);
    cr_assert_eq(pc_tranche_value_exact(INT64_MAX, INT64_MAX, INT64_MAX, &out), PC_ERR_OVERFLOW);
}

Test(money, wide_products_are_exact)
{
    int64_t out;
    /* 10^12 shares x $1,000,000 x 100% needs 128 bits on the way. */
    cr_assert_eq(
        pc_tranche_value_exact(INT64_C(1000000), INT64_C(1000000) * PC_MICRO, PC_MICRO, &out),
        PC_OK);
    cr_assert_eq(out, INT64_C(100000000000000));
}

Test(money, converts_cbak_salaries_at_the_published_rates)
{
    int64_t usd;
    /* R1: exact division by the rate, rounded to the cent. */
    cr_assert_eq(pc_fx_convert(100, 6452500, &usd), PC_OK);   /* 1.00 RMB */
    cr_assert_eq(usd, 15);                                    /* 0.154978 -> 0.15 */
    cr_assert_eq(pc_fx_convert(67264, 6726400, &usd), PC_OK); /* 672.64 RMB = $100 */
    cr_assert_eq(usd, 10000);
    cr_assert_eq(pc_fx_convert(-67264, 6726400, &usd), PC_OK);
    cr_assert_eq(usd, -10000);
    cr_assert_eq(pc_fx_convert(100, 0, &usd), PC_ERR_RANGE);
}

Test(money, tranche_value_rounds_once_at_the_cent)
{
    int64_t cents;
    /* 15,000 x 1.068996 x 25% = 4,008.735 -> 4,008.74 (R2, half away from zero). */
    cr_assert_eq(pc_tranche_value_exact(15000, 1068996, 250000, &cents), PC_OK);
    cr_assert_eq(cents, 400874);
}

Test(money, rounds_cents_to_whole_dollars)
{
    int64_t out;
    cr_assert_eq(pc_money_round(12345650, 0, &out), PC_OK);
    cr_assert_eq(out, 12345700);
    cr_assert_eq(pc_money_round(-50, 0, &out), PC_OK);
    cr_assert_eq(out, -100);
    cr_assert_eq(pc_money_round(-49, 0, &out), PC_OK);
    cr_assert_eq(out, 0);
    cr_assert_eq(pc_money_round(-49, 2, &out), PC_OK);
    cr_assert_eq(out, -49);
}

Test(money, model_values_become_cents_at_one_step)
{
    int64_t cents;
    cr_assert_eq(pc_money_from_double(235853.845, &cents), PC_OK);
    cr_assert(cents == 23585385 || cents == 23585384); /* binary 235853.845 is inexact */
    cr_assert_eq(pc_money_from_double(0.125, &cents), PC_OK);
    cr_assert_eq(cents, 13);
    cr_assert_eq(pc_money_from_double(-0.125, &cents), PC_OK);
    cr_assert_eq(cents, -13);
    cr_assert_eq(pc_money_from_double(1.0 / 0.0, &cents), PC_ERR_RANGE);
    cr_assert_eq(pc_money_from_double(1e300, &cents), PC_ERR_RANGE);
}

Test(money, formats_plain_and_display)
{
    char buf[64];
    cr_assert_str_eq(pc_money_format(23585385, 2, buf, sizeof buf), "235853.85");
    cr_assert_str_eq(pc_money_format(-567800, 0, buf, sizeof buf), "-5678");
    cr_assert_str_eq(pc_money_format(5, 2, buf, sizeof buf), "0.05");
    cr_assert_str_eq(pc_money_format(-5, 2, buf, sizeof buf), "-0.05");
    cr_assert_str_eq(pc_money_format_display(-567800, 0, buf, sizeof buf), "(5,678)");
    cr_assert_str_eq(pc_money_format_display(23585385, 2, buf, sizeof buf), "235,853.85");
    cr_assert_str_eq(pc_money_format_display(0, 0, buf, sizeof buf), "0");
    cr_assert_str_eq(pc_money_format_display(-1132781100, 0, buf, sizeof buf), "(11,327,811)");
    cr_assert_str_eq(pc_micro_format(6726400, 0, buf, sizeof buf), "6.7264");
    cr_assert_str_eq(pc_micro_format(1960000, 2, buf, sizeof buf), "1.96");
    cr_assert_str_eq(pc_micro_format(-500000, 0, buf, sizeof buf), "-0.5");
}

/* A failed operation still sets its output (to 0), as jansson and
 * libxlsxwriter do: a caller that uses it after an unchecked failure gets 0,
 * never what happened to be in memory. */
Test(money, failed_operations_set_their_output_to_zero)
{
    int64_t out;
    out = 77;
    cr_assert_eq(pc_fx_convert(100, 0, &out), PC_ERR_RANGE);
    cr_assert_eq(out, 0);
    out = 77;
    cr_assert_eq(pc_round_div(1, 0, &out), PC_ERR_RANGE);
    cr_assert_eq(out, 0);
    out = 77;
    cr_assert_eq(pc_mul3_div_round(INT64_MAX, INT64_MAX, INT64_MAX, 1, &out), PC_ERR_OVERFLOW);
    cr_assert_eq(out, 0);
    out = 77;
    cr_assert_eq(pc_money_from_double(1e300, &out), PC_ERR_RANGE);
    cr_assert_eq(out, 0);
}
