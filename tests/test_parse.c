/*
 * The value syntax of the input files (SPEC section 2, "Values").
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "paycalc/parse.h"

/* Criterion runs each parameter in its own process: keep text in arrays. */
typedef struct decimal_case {
    char text[32];
    int max_decimals, scale;
    pc_status status;
    int64_t value;
} decimal_case;

ParameterizedTestParameters(parse, decimals)
{
    static decimal_case cases[] = {
        {"1234.56", 2, 2, PC_OK, 123456},
        {"1,234.56", 2, 2, PC_OK, 123456},
        {"(1,234.56)", 2, 2, PC_OK, -123456},
        {"-1234.5", 2, 2, PC_OK, -123450},
        {"+7", 2, 2, PC_OK, 700},
        {"0.05", 2, 2, PC_OK, 5},
        {"12,345,678", 2, 2, PC_OK, 1234567800},
        {"1.50000", 2, 2, PC_OK, 150}, /* trailing zeros beyond the limit */
        {"6.7264", 6, 6, PC_OK, 6726400},
        {"1.149", 6, 6, PC_OK, 1149000},
        {"1.001", 2, 2, PC_ERR_SYNTAX, 0}, /* too many decimals for money */
        {"1.0000001", 6, 6, PC_ERR_SYNTAX, 0},
        {"$100", 2, 2, PC_ERR_SYNTAX, 0}, /* currency signs */
        {"100 USD", 2, 2, PC_ERR_SYNTAX, 0},
        {"\xc2\xa5"
         "100",
         2, 2, PC_ERR_SYNTAX, 0},
        {"12,34", 2, 2, PC_ERR_SYNTAX, 0}, /* misplaced separator */
        {"1,2345", 2, 2, PC_ERR_SYNTAX, 0},
        {",123", 2, 2, PC_ERR_SYNTAX, 0},
        {"12,34O.00", 2, 2, PC_ERR_SYNTAX, 0},
        {"(12", 2, 2, PC_ERR_SYNTAX, 0},
        {"(-12)", 2, 2, PC_ERR_SYNTAX, 0},
        {".5", 2, 2, PC_ERR_SYNTAX, 0},
        {"5.", 2, 2, PC_ERR_SYNTAX, 0},
        {"", 2, 2, PC_ERR_SYNTAX, 0},
        {"-", 2, 2, PC_ERR_SYNTAX, 0},
        {"1e5", 2, 2, PC_ERR_SYNTAX, 0},
        {"92233720368547758.08", 2, 2, PC_ERR_OVERFLOW, 0},
        {"92233720368547758.07", 2, 2, PC_OK, INT64_MAX},
        {"99999999999999999999999", 2, 2, PC_ERR_OVERFLOW, 0},
    };
    return cr_make_param_array(decimal_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(decimal_case *c, parse, decimals)
{
    int64_t v = 0;
    char why[128] = "";
    pc_status st = pc_parse_decimal(c->text, c->max_decimals, c->scale, &v, why, sizeof why);
    cr_assert_eq(st, c->status, "'%s': status %d (%s)", c->text, st, why);
    if (st == PC_OK)
        cr_assert_eq(v, c->value, "'%s' gave %lld", c->text, (long long)v);
    else
        cr_assert_neq(why[0], '\0', "'%s' has a reason", c->text);
}

Test(parse, reasons_tell_the_user_what_to_fix)
{
    int64_t v;
    char why[200];
    cr_assert_eq(pc_parse_money("1.001", &v, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_str_eq(why, "at most 2 decimals");
    cr_assert_eq(pc_parse_money("$5", &v, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert(strstr(why, "currency signs are not accepted") != NULL);
    cr_assert_eq(pc_parse_fraction("85", 5000000, 0, &v, why, sizeof why), PC_ERR_RANGE);
    cr_assert(strstr(why, "85%") != NULL, "%s", why);
}

Test(parse, fractions_accept_percentages)
{
    int64_t v;
    char why[200];
    cr_assert_eq(pc_parse_fraction("0.85", 5000000, 0, &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, 850000);
    cr_assert_eq(pc_parse_fraction("85%", 5000000, 0, &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, 850000);
    cr_assert_eq(pc_parse_fraction("85.25%", 5000000, 0, &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, 852500);
    cr_assert_eq(pc_parse_fraction("5", 5000000, 0, &v, why, sizeof why), PC_OK);
    cr_assert_eq(pc_parse_fraction("5.01", 5000000, 0, &v, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_fraction("150%", 5000000, 0, &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, 1500000);
    cr_assert_eq(pc_parse_fraction("-0.5%", 5000000, 1, &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, -5000);
    cr_assert_eq(pc_parse_fraction("-0.5%", 5000000, 0, &v, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_fraction("%", 5000000, 0, &v, why, sizeof why), PC_ERR_SYNTAX);
}

Test(parse, shares_are_whole_numbers)
{
    int64_t v;
    char why[200];
    cr_assert_eq(pc_parse_shares("200,000", &v, why, sizeof why), PC_OK);
    cr_assert_eq(v, 200000);
    cr_assert_eq(pc_parse_shares("1.5", &v, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_str_eq(why, "shares must be a whole number");
    cr_assert_eq(pc_parse_shares("-5", &v, why, sizeof why), PC_ERR_RANGE);
}

Test(parse, dates_are_iso_only)
{
    pc_date d;
    char why[200];
    cr_assert_eq(pc_parse_date("2022-12-31", &d, why, sizeof why), PC_OK);
    cr_assert_eq(d, pc_date_from_ymd(2022, 12, 31));
    cr_assert_eq(pc_parse_date("2024-02-29", &d, why, sizeof why), PC_OK);
    cr_assert_eq(pc_parse_date("2022-02-29", &d, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_date("2022-02-30", &d, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_date("2022-13-01", &d, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_date("12/31/2022", &d, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_str_eq(why, "dates must be written YYYY-MM-DD");
    cr_assert_eq(pc_parse_date("2022-1-31", &d, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(pc_parse_date("2022-12-31T00", &d, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(pc_parse_date("1899-12-31", &d, why, sizeof why), PC_ERR_RANGE);
}

Test(parse, currencies_are_iso_4217_and_rmb_is_cny)
{
    char code[4];
    char why[200];
    cr_assert_eq(pc_parse_currency("RMB", code, why, sizeof why), PC_OK);
    cr_assert_str_eq(code, "CNY");
    cr_assert_eq(pc_parse_currency("rmb", code, why, sizeof why), PC_OK);
    cr_assert_str_eq(code, "CNY");
    cr_assert_eq(pc_parse_currency("hkd", code, why, sizeof why), PC_OK);
    cr_assert_str_eq(code, "HKD");
    cr_assert_eq(pc_parse_currency("XYZ", code, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(pc_parse_currency("US$", code, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(pc_parse_currency("USDD", code, why, sizeof why), PC_ERR_SYNTAX);
}

Test(parse, years_are_four_digits)
{
    int y;
    char why[200];
    cr_assert_eq(pc_parse_year("2022", &y, why, sizeof why), PC_OK);
    cr_assert_eq(y, 2022);
    cr_assert_eq(pc_parse_year("22", &y, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(pc_parse_year("FY22", &y, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(pc_parse_year("1800", &y, why, sizeof why), PC_ERR_RANGE);
}

/* A value that does not parse still sets the output (0, no date, an empty
 * code), so a reader that records it anyway never records garbage. */
Test(parse, failed_parses_set_their_output)
{
    char why[200];
    int64_t v = 77;
    cr_assert_eq(pc_parse_money("12,34O.00", &v, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_eq(v, 0);
    v = 77;
    cr_assert_eq(pc_parse_fraction("-5%", 0, 0, &v, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(v, 0);
    v = 77;
    cr_assert_eq(pc_parse_shares("-3", &v, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(v, 0);
    int year = 77;
    cr_assert_eq(pc_parse_year("1800", &year, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(year, 0);
    pc_date d = 77;
    cr_assert_eq(pc_parse_date("2022-02-30", &d, why, sizeof why), PC_ERR_RANGE);
    cr_assert_eq(d, PC_DATE_NONE);
    char code[4] = "XYZ";
    cr_assert_eq(pc_parse_currency("US", code, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert_str_eq(code, "");
}
