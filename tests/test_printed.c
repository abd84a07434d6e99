/*
 * Figures as proxies print them (SPEC section 8), read from reported.csv:
 * currency signs, unit suffixes with their precision, percentages, dashes
 * and "n/a".
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "paycalc/parse.h"

/* Criterion runs each parameter in its own process: keep text in arrays. */
typedef struct printed_case {
    char text[48];
    pc_status status;
    bool published;
    int64_t micro;
    int decimals;
    bool percent;
} printed_case;

#define M 1000000LL

ParameterizedTestParameters(printed, figures_read_as_the_proxy_prints_them)
{
    static printed_case cases[] = {
        {"1,234", PC_OK, true, 1234 * M, 0, false},
        {"$1,234", PC_OK, true, 1234 * M, 0, false},
        {"$ 1,234.56", PC_OK, true, 123456 * M / 100, 2, false},
        {"US$ 309,023", PC_OK, true, 309023 * M, 0, false},
        {"RMB 3.5", PC_OK, true, 35 * M / 10, 1, false},
        {"\xc2\xa5"
         "3.5",
         PC_OK, true, 35 * M / 10, 1, false},
        {"$(96,480)", PC_OK, true, -96480 * M, 0, false},
        {"($96,480)", PC_OK, true, -96480 * M, 0, false},
        {"-$96,480", PC_OK, true, -96480 * M, 0, false},
        {"\xe2\x88\x92"
         "96,480",
         PC_OK, true, -96480 * M, 0, false}, /* U+2212 minus sign */
        {"445 M", PC_OK, true, 445 * M * M, -6, false},
        {"$1.2 billion", PC_OK, true, 1200 * M * M, -8, false},
        {"61,559 K", PC_OK, true, 61559000 * M, -3, false},
        {"(12.5) million", PC_OK, true, -12500000 * M, -5, false},
        {"(12.5 million)", PC_OK, true, -12500000 * M, -5, false},
        {"3.2bn", PC_OK, true, 3200 * M * M, -8, false},
        {"14.51%", PC_OK, true, 1451 * M / 100, 2, true},
        {"(3.2%)", PC_OK, true, -32 * M / 10, 1, true},
        {"-", PC_OK, true, 0, 0, false},
        {"$ -", PC_OK, true, 0, 0, false},
        {"\xe2\x80\x94", PC_OK, true, 0, 0, false}, /* em dash */
        {"\xe2\x80\x93", PC_OK, true, 0, 0, false}, /* en dash */
        /* Any run of dashes is a printed nil (SPEC section 8). */
        {"--", PC_OK, true, 0, 0, false},
        {"---", PC_OK, true, 0, 0, false},
        {"$ ---", PC_OK, true, 0, 0, false},
        {"\xe2\x80\x94\xe2\x80\x94", PC_OK, true, 0, 0, false}, /* two em dashes */
        {"$ \xe2\x80\x94", PC_OK, true, 0, 0, false},           /* $ em dash */
        /* A trailing footnote marker is dropped. */
        {"2,810,846 (6)", PC_OK, true, 2810846 * M, 0, false},
        {"2,810,846(a)", PC_OK, true, 2810846 * M, 0, false},
        {"2,810,846*", PC_OK, true, 2810846 * M, 0, false},
        {"2,810,846\xc2\xb9", PC_OK, true, 2810846 * M, 0, false},      /* ¹ */
        {"2,810,846 \xe2\x81\xb4", PC_OK, true, 2810846 * M, 0, false}, /* ⁴ */
        {"$(96,480) (iv)", PC_OK, true, -96480 * M, 0, false},
        {"445 M (2)", PC_OK, true, 445 * M * M, -6, false},
        {"14.51%*", PC_OK, true, 1451 * M / 100, 2, true},
        {"1,234 (a)(3)", PC_OK, true, 1234 * M, 0, false},
        {"\xe2\x80\x94\xe2\x80\xa0", PC_OK, true, 0, 0, false}, /* em dash, dagger */
        {"n/a (1)", PC_OK, false, 0, 0, false},
        {"(6)", PC_OK, true, -6 * M, 0, false}, /* a figure, not a marker */
        {"*", PC_ERR_SYNTAX, false, 0, 0, false},
        {"(a)", PC_ERR_SYNTAX, false, 0, 0, false},
        {"1,234 (abcd)", PC_ERR_SYNTAX, false, 0, 0, false},
        {"", PC_OK, false, 0, 0, false},
        {"n/a", PC_OK, false, 0, 0, false},
        {"N/A", PC_OK, false, 0, 0, false},
        {"12 apples", PC_ERR_SYNTAX, false, 0, 0, false},
        {"(12", PC_ERR_SYNTAX, false, 0, 0, false},
        {"-(12)", PC_ERR_SYNTAX, false, 0, 0, false},
        {"(12) M%", PC_ERR_SYNTAX, false, 0, 0, false},
        {"12,34", PC_ERR_SYNTAX, false, 0, 0, false},
        {"9,999,999,999 billion", PC_ERR_OVERFLOW, false, 0, 0, false},
        {"1.2.3", PC_ERR_SYNTAX, false, 0, 0, false},
    };
    return cr_make_param_array(printed_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(printed_case *c, printed, figures_read_as_the_proxy_prints_them)
{
    pc_printed p;
    char why[160] = "";
    pc_status st = pc_parse_printed(c->text, &p, why, sizeof why);
    cr_assert_eq(st, c->status, "'%s': status %d, expected %d (%s)", c->text, st, c->status, why);
    cr_assert_eq(p.published, c->published, "'%s': published", c->text);
    cr_assert_eq(p.value_micro, c->micro, "'%s': %lld micros, expected %lld", c->text,
                 (long long)p.value_micro, (long long)c->micro);
    cr_assert_eq(p.decimals, c->decimals, "'%s': decimals %d, expected %d", c->text, p.decimals,
                 c->decimals);
    cr_assert_eq(p.percent, c->percent, "'%s': percent", c->text);
    if (st != PC_OK)
        cr_assert(why[0] != '\0', "'%s': an error says why", c->text);
}

Test(printed, an_unknown_unit_is_named_in_the_reason)
{
    pc_printed p;
    char why[160] = "";
    cr_assert_eq(pc_parse_printed("12 lakh", &p, why, sizeof why), PC_ERR_SYNTAX);
    cr_assert(strstr(why, "'lakh'"), "%s", why);
    cr_assert(!p.published);
}

/* A value that still cannot be read says what was expected (SPEC section
 * 8). */
Test(printed, an_unreadable_value_says_what_a_figure_looks_like)
{
    static const char *const bad[] = {"12.3.4", "abc", "-(12)", "1,234 (abcd)"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pc_printed p;
        char why[200] = "";
        cr_assert_eq(pc_parse_printed(bad[i], &p, why, sizeof why), PC_ERR_SYNTAX, "%s", bad[i]);
        cr_assert(strstr(why, ": expected a figure as printed, such as 1,234, (1,234), $1.2 "
                              "million, 14.51%, a dash for nil, or n/a"),
                  "'%s': %s", bad[i], why);
    }
}
