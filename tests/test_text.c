/*
 * The core text utilities (text.h): the one display width every output
 * measures with, UTF-8 validity and safe prefixes, the growable buffer and
 * digit grouping.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/text.h"

typedef struct width_case {
    char text[40];
    size_t width;
} width_case;

ParameterizedTestParameters(text, measures_display_width)
{
    static width_case cases[] = {
        {"", 0},
        {"Li Yunfei", 9},
        {"李雲飛", 6},           /* CJK ideographs: two columns each */
        {"€1,000", 6},           /* the euro sign is narrow */
        {"Chief’s officer", 15}, /* a typographic apostrophe is narrow */
        {"Ｐ", 2},               /* fullwidth Latin */
        {"한국", 4},             /* hangul */
        {"e\xCC\x81", 1},        /* e + combining acute accent */
        {"\xFF"
         "a",
         2},             /* a malformed byte counts one */
        {"カタカナ", 8}, /* katakana */
    };
    return cr_make_param_array(width_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(width_case *c, text, measures_display_width)
{
    cr_assert_eq(pc_text_width(c->text), c->width, "'%s': %zu, expected %zu", c->text,
                 pc_text_width(c->text), c->width);
}

Test(text, finds_the_first_invalid_utf8_byte)
{
    cr_assert_eq(pc_text_utf8_invalid_at("abc", 3), 3);
    cr_assert_eq(pc_text_utf8_invalid_at("李雲飛", strlen("李雲飛")), strlen("李雲飛"));
    cr_assert_eq(pc_text_utf8_invalid_at("ab\xC0\xAF", 4), 2);       /* overlong '/' */
    cr_assert_eq(pc_text_utf8_invalid_at("a\xED\xA0\x80", 4), 1);    /* surrogate */
    cr_assert_eq(pc_text_utf8_invalid_at("\xF4\x90\x80\x80", 4), 0); /* above U+10FFFF */
    cr_assert_eq(pc_text_utf8_invalid_at("x\xE6\x9D", 3), 1);        /* cut short */
    cr_assert_eq(pc_text_utf8_invalid_at("\xEF\xBF\xBF", 3), 3);     /* U+FFFF is UTF-8 */
}

Test(text, never_cuts_inside_a_character)
{
    const char *s = "李雲飛"; /* 3 x 3 bytes */
    size_t len = strlen(s);
    cr_assert_eq(pc_text_utf8_prefix(s, len, 100), len);
    cr_assert_eq(pc_text_utf8_prefix(s, len, 9), 9);
    for (size_t max = 0; max < 9; max++)
        cr_assert_eq(pc_text_utf8_prefix(s, len, max), max / 3 * 3, "max %zu", max);
    cr_assert_eq(pc_text_utf8_prefix("abc", 3, 2), 2);
}

Test(text, buffer_grows_without_limit_and_hands_over_its_text)
{
    pc_buf b;
    pc_buf_init(&b);
    cr_assert_str_eq(pc_buf_text(&b), "");
    for (int i = 0; i < 10000; i++)
        pc_buf_puts(&b, "李");
    cr_assert_eq(b.len, 30000);
    pc_buf_printf(&b, "%s-%d", "x", 42);
    cr_assert_eq(b.len, 30004);
    cr_assert_str_eq(pc_buf_text(&b) + 30000, "x-42");
    pc_buf_clear(&b);
    cr_assert_str_eq(pc_buf_text(&b), "");
    /* A formatted piece longer than any fixed buffer the code used to have. */
    char *big = malloc(5001);
    memset(big, 'a', 5000);
    big[5000] = '\0';
    pc_buf_printf(&b, "[%s]", big);
    cr_assert_eq(b.len, 5002);
    pc_buf_pad(&b, 3);
    cr_assert_eq(b.len, 5005);
    char *taken = pc_buf_take(&b);
    cr_assert_eq(strlen(taken), 5005);
    cr_assert_null(b.data);
    free(taken);
    free(big);
    pc_buf_fini(&b);
    pc_buf_fini(NULL);
}

Test(text, formats_into_a_new_string)
{
    char *s = pc_text_format("%s:%d", "cash.csv", 12);
    cr_assert_str_eq(s, "cash.csv:12");
    free(s);
    cr_assert_null(pc_strdup(NULL));
}

typedef struct group_case {
    unsigned long long value;
    char text[40];
} group_case;

ParameterizedTestParameters(text, groups_digits_by_three)
{
    static group_case cases[] = {
        {0, "0"},
        {999, "999"},
        {1000, "1,000"},
        {235853, "235,853"},
        {1234567, "1,234,567"},
        {18446744073709551615ULL, "18,446,744,073,709,551,615"},
    };
    return cr_make_param_array(group_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(group_case *c, text, groups_digits_by_three)
{
    char out[PC_TEXT_GROUPED_SIZE];
    cr_assert_str_eq(pc_text_group_digits(c->value, out), c->text);
}
