/*
 * Figures as a proxy prints them (SPEC section 8), for reported.csv: a
 * transcriber copies "$ 1,234", "(445) M", "$1.2 billion", "14.51%", "—" or
 * "n/a" from the filing, and each must mean what the reader of the proxy
 * takes it to mean. Currency signs ($, US$, RMB, ¥) are dropped, a unit
 * suffix scales the value and the step of its last shown digit, a
 * percentage stays a number of percent, a run of dashes is a printed nil, a
 * trailing footnote marker is dropped and an empty cell or "n/a" is a
 * figure the proxy does not publish.
 *
 * The number itself goes through pc_parse_decimal, so separators,
 * parentheses and the limit of 6 decimals are those of every input file.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/parse.h"

/* Marks a proxy prints around a figure that carry no value: white space
 * (a no-break space too) and the currency signs of SPEC section 8. Longest
 * first, so "US$" is not read as "US" then "$". */
static size_t skippable(const char *p)
{
    static const char *const marks[] = {
        "US$",          "RMB", "$", "\xc2\xa5", /* ¥ */
        "\xef\xbf\xa5",                         /* fullwidth ¥ */
        "\xc2\xa0",                             /* no-break space */
        "\xe2\x80\xaf",                         /* narrow no-break space */
        "\xe2\x80\x89",                         /* thin space */
    };
    if (*p == ' ' || *p == '\t')
        return 1;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (strncmp(p, marks[i], n) == 0)
            return n;
    }
    return 0;
}

/* The text without currency signs and spaces, with the dashes a proxy uses
 * for a minus sign or a nil (en dash, em dash, U+2212) made '-'. */
static char *compact(const char *text)
{
    char *out = malloc(strlen(text) + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (const char *p = text; *p;) {
        size_t skip = skippable(p);
        if (skip) {
            p += skip;
        } else if (!strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3) ||
                   !strncmp(p, "\xe2\x88\x92", 3)) {
            out[k++] = '-';
            p += 3;
        } else {
            out[k++] = *p++;
        }
    }
    out[k] = '\0';
    return out;
}

/* A unit word (any case): its power of ten, or -1. */
static int unit_power(const char *unit)
{
    static const struct {
        const char *word;
        int power;
    } units[] = {
        {"k", 3},  {"thousand", 3}, {"thousands", 3}, {"m", 6},        {"mm", 6},
        {"mn", 6}, {"mil", 6},      {"million", 6},   {"millions", 6}, {"b", 9},
        {"bn", 9}, {"billion", 9},  {"billions", 9},
    };
    char lower[16];
    size_t n = strlen(unit);
    if (n >= sizeof lower)
        return -1;
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)tolower((unsigned char)unit[i]);
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(lower, units[i].word))
            return units[i].power;
    return -1;
}

/* The length of a footnote mark that is one symbol at the end of `c`
 * (`len` bytes): `*`, a dagger, a superscript digit; 0 when there is none. */
static size_t symbol_marker(const char *c, size_t len)
{
    static const char *const marks[] = {
        "*",
        "\xe2\x80\xa0", /* † */
        "\xe2\x80\xa1", /* ‡ */
        "\xc2\xb9",
        "\xc2\xb2",
        "\xc2\xb3", /* ¹ ² ³ */
        "\xe2\x81\xb0",
        "\xe2\x81\xb4",
        "\xe2\x81\xb5",
        "\xe2\x81\xb6",
        "\xe2\x81\xb7",
        "\xe2\x81\xb8",
        "\xe2\x81\xb9", /* ⁰ ⁴ to ⁹ */
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (len >= n && memcmp(c + len - n, marks[i], n) == 0)
            return n;
    }
    return 0;
}

/* The length of a footnote reference in parentheses at the end of `c`:
 * "(6)", "(a)", "(iv)" (one to three letters or digits) right after a
 * figure, its unit or its closing parenthesis; 0 when there is none. A
 * figure in parentheses alone, "(6)", is the negative figure it prints. */
static size_t parenthesised_marker(const char *c, size_t len)
{
    if (len < 4 || c[len - 1] != ')')
        return 0;
    size_t open = len - 1, inside = 0;
    while (open > 0 && isalnum((unsigned char)c[open - 1]) && inside < 4) {
        open--;
        inside++;
    }
    if (open == 0 || c[open - 1] != '(' || inside < 1 || inside > 3)
        return 0;
    open--;
    if (open == 0)
        return 0;
    unsigned char before = (unsigned char)c[open - 1];
    if (!(isalnum(before) || before == ')' || before == '%'))
        return 0;
    return len - open;
}

/* Drops the footnote markers a proxy prints after a figure (SPEC section
 * 8): "2,810,846 (6)", "2,810,846(a)", "2,810,846*", "2,810,846¹", in any
 * number. `c` has no spaces left (compact). */
static void drop_markers(char *c)
{
    size_t len = strlen(c), n;
    while ((n = symbol_marker(c, len)) != 0 || (n = parenthesised_marker(c, len)) != 0) {
        if (n >= len)
            break; /* a mark alone is no figure: left for the error */
        len -= n;
        c[len] = '\0';
    }
}

/* A run of dashes ("-", "--", "---", en and em dashes, made '-' by
 * compact) is a printed nil. */
static bool is_nil(const char *c)
{
    return c[0] == '-' && c[strspn(c, "-")] == '\0';
}

static bool is_not_published(const char *c)
{
    static const char *const words[] = {"", "n/a", "na", "n.a.", "nm"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        bool same = strlen(c) == n;
        for (size_t k = 0; same && k < n; k++)
            same = tolower((unsigned char)c[k]) == words[i][k];
        if (same)
            return true;
    }
    return false;
}

/* Splits "-(1,234.5)M" into sign, parentheses, number and suffix (the unit
 * or "%", inside or outside the parentheses). The number and the suffix
 * are written into `number` and `suffix`, each as long as `c`. */
static pc_status split(const char *c, bool *negative, char *number, char *suffix, char *why,
                       size_t why_size)
{
    bool minus = *c == '-', parens;
    if (minus)
        c++;
    parens = *c == '(';
    if (parens)
        c++;
    if (minus && parens)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a minus sign and parentheses together");
    if (*c == '-' || *c == '+')
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a sign inside the figure");
    size_t n = strspn(c, "0123456789,.");
    memcpy(number, c, n);
    number[n] = '\0';
    c += n;
    size_t s = strcspn(c, ")");
    memcpy(suffix, c, s);
    suffix[s] = '\0';
    c += s;
    if (parens != (*c == ')'))
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "unbalanced parenthesis");
    if (parens) {
        c++;
        if (*c && suffix[0])
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "two units");
        if (*c)
            memcpy(suffix, c, strlen(c) + 1);
    }
    *negative = minus || parens;
    return PC_OK;
}

/* Scales `micro` by 10^power (a unit), refusing an overflow. */
static pc_status scale(int64_t *micro, int power, char *why, size_t why_size)
{
    for (int i = 0; i < power; i++) {
        if (*micro > INT64_MAX / 10)
            return pc_parse_fail(PC_ERR_OVERFLOW, why, why_size, "too large");
        *micro *= 10;
    }
    return PC_OK;
}

/* A value that cannot be read says what a figure looks like (SPEC section
 * 8), after the reason the parser gave. */
static pc_status expected_figure(pc_status st, char *why, size_t why_size)
{
    if (st != PC_ERR_SYNTAX || !why || !why_size)
        return st;
    size_t n = strlen(why);
    snprintf(why + n, why_size - n, "%s",
             ": expected a figure as printed, such as 1,234, (1,234), $1.2 million, 14.51%, a "
             "dash for nil, or n/a");
    return st;
}

static pc_status parse_compact(const char *c, pc_printed *out, char *why, size_t why_size)
{
    if (is_not_published(c))
        return PC_OK;
    out->published = true;
    if (is_nil(c))
        return PC_OK;
    size_t len = strlen(c);
    char *number = malloc(len + 1), *suffix = malloc(len + 1);
    pc_status st = PC_ERR_NOMEM;
    bool negative = false;
    if (!number || !suffix)
        goto done;
    st = split(c, &negative, number, suffix, why, why_size);
    if (st == PC_OK && !number[0])
        st = pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "no figure");
    st = expected_figure(st, why, why_size);
    if (st)
        goto done;
    int power = 0;
    if (!strcmp(suffix, "%"))
        out->percent = true;
    else if (suffix[0] && (power = unit_power(suffix)) < 0) {
        st = pc_parse_fail(
            PC_ERR_SYNTAX, why, why_size,
            "unknown unit '%s': use K or thousand, M or million, B or billion, or %%", suffix);
        goto done;
    }
    st = expected_figure(pc_parse_decimal(number, 6, 6, &out->value_micro, why, why_size), why,
                         why_size);
    if (st)
        goto done;
    const char *dot = strchr(number, '.');
    int shown = dot ? (int)strlen(dot + 1) : 0;
    out->decimals = (shown > 6 ? 6 : shown) - power;
    st = scale(&out->value_micro, power, why, why_size);
    if (negative)
        out->value_micro = -out->value_micro;
done:
    free(number);
    free(suffix);
    return st;
}

pc_status pc_parse_printed(const char *text, pc_printed *out, char *why, size_t why_size)
{
    *out = (pc_printed){false, 0, 0, false};
    if (why && why_size)
        why[0] = '\0';
    char *c = compact(text);
    if (!c)
        return PC_ERR_NOMEM;
    drop_markers(c);
    pc_status st = parse_compact(c, out, why, why_size);
    free(c);
    if (st)
        *out = (pc_printed){false, 0, 0, false};
    return st;
}
