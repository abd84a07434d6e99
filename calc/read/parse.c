/*
 * Parsers for the value syntax of SPEC section 2. Exact: decimals become
 * scaled integers digit by digit, never through binary floating point.
 */
#include "paycalc/parse.h"

#include "paycalc/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pc_status pc_parse_fail(pc_status st, char *why, size_t size, const char *fmt, ...)
{
    if (!why || !size)
        return st;
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    /* A reason longer than the caller's room is shortened between
     * characters, never inside one. */
    pc_text_copy_cut(why, size, text);
    free(text);
    return st;
}

static bool is_currency_sign(const char *p)
{
    static const char *signs[] = {"$",        "\xc2\xa5",     "\xe2\x82\xac",
                                  "\xc2\xa3", "\xef\xbf\xa5", "\xe5\x85\x83"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (strncmp(p, signs[i], strlen(signs[i])) == 0)
            return true;
    return false;
}

static bool has_currency_sign(const char *s)
{
    for (const char *p = s; *p; p++)
        if (is_currency_sign(p))
            return true;
    if (strstr(s, "US") || strstr(s, "RMB") || strstr(s, "USD") || strstr(s, "CNY"))
        return true;
    return false;
}

static pc_status parse_decimal(const char *text, int max_decimals, int scale, int64_t *out,
                               char *why, size_t why_size);

pc_status pc_parse_decimal(const char *text, int max_decimals, int scale, int64_t *out, char *why,
                           size_t why_size)
{
    pc_status st = parse_decimal(text, max_decimals, scale, out, why, why_size);
    /* Only a value that is not a number can hold a currency sign: looking
     * for one then, not in every value, keeps reading fast. */
    if (st == PC_ERR_SYNTAX && has_currency_sign(text))
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size,
                             "currency signs are not accepted; write the number alone and give the "
                             "currency in its own column");
    return st;
}

__extension__ typedef unsigned __int128 u128;

/* The largest magnitude kept while reading digits (checked again at the
 * end against INT64_MAX once scaled). */
#define DIGITS_CAP ((u128)INT64_MAX * 10)

/* Integer part: digits, optionally grouped by commas in threes, up to the
 * decimal point or the end. *i is left at the point (or at len). */
static pc_status integer_digits(const char *p, size_t len, size_t *i, u128 *value,
                                size_t *int_digits, char *why, size_t why_size)
{
    size_t group = 0;
    bool grouped = false;
    for (; *i < len && p[*i] != '.'; (*i)++) {
        char c = p[*i];
        if (c == ',') {
            if (*int_digits == 0 || (grouped && group != 3) || (!grouped && group > 3))
                return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "misplaced thousands separator");
            grouped = true;
            group = 0;
            continue;
        }
        if (!isdigit((unsigned char)c))
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "not a number");
        *value = *value * 10 + (unsigned)(c - '0');
        if (*value > DIGITS_CAP)
            return pc_parse_fail(PC_ERR_OVERFLOW, why, why_size, "too large");
        (*int_digits)++;
        group++;
    }
    if (grouped && group != 3)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "misplaced thousands separator");
    return PC_OK;
}

/* Fraction part after the point at p[i]: at most max_decimals significant
 * decimals (trailing zeros beyond are harmless), kept up to `scale`. */
static pc_status fraction_digits(const char *p, size_t len, size_t i, int max_decimals, int scale,
                                 u128 *value, int *decimals, char *why, size_t why_size)
{
    i++; /* the point */
    if (i == len)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "no digits after the decimal point");
    /* Anything but digits first: "61.559.144" (dots for thousands) is not a
     * number, rather than a number with too many decimals. */
    for (size_t k = i; k < len; k++)
        if (!isdigit((unsigned char)p[k]))
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "not a number");
    for (; i < len; i++) {
        char c = p[i];
        if (*decimals >= max_decimals) {
            if (c == '0')
                continue;
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "at most %d decimal%s", max_decimals,
                                 max_decimals == 1 ? "" : "s");
        }
        if (*decimals >= scale)
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "at most %d decimals", scale);
        *value = *value * 10 + (unsigned)(c - '0');
        if (*value > DIGITS_CAP * 1000000)
            return pc_parse_fail(PC_ERR_OVERFLOW, why, why_size, "too large");
        (*decimals)++;
    }
    return PC_OK;
}

static pc_status parse_decimal(const char *text, int max_decimals, int scale, int64_t *out,
                               char *why, size_t why_size)
{
    *out = 0;
    const char *p = text;
    size_t len = strlen(text);
    bool negative = false, parens = false;
    if (len == 0)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a number is required");
    if (p[0] == '(') {
        if (p[len - 1] != ')')
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "unbalanced parenthesis");
        parens = negative = true;
        p++;
        len -= 2;
    } else if (p[0] == '-' || p[0] == '+') {
        negative = p[0] == '-';
        p++;
        len--;
    }
    if (parens && len > 0 && (p[0] == '-' || p[0] == '+'))
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a sign inside parentheses");

    u128 value = 0;
    size_t i = 0, int_digits = 0;
    int decimals = 0;
    pc_status st = integer_digits(p, len, &i, &value, &int_digits, why, why_size);
    if (!st && i < len)
        st = fraction_digits(p, len, i, max_decimals, scale, &value, &decimals, why, why_size);
    if (st)
        return st;
    if (int_digits == 0 && decimals == 0)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "not a number");
    if (int_digits == 0)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size,
                             "write a digit before the decimal point");
    for (; decimals < scale; decimals++) {
        value *= 10;
        if (value > (u128)INT64_MAX)
            return pc_parse_fail(PC_ERR_OVERFLOW, why, why_size, "too large");
    }
    if (value > (u128)INT64_MAX)
        return pc_parse_fail(PC_ERR_OVERFLOW, why, why_size, "too large");
    *out = negative ? -(int64_t)value : (int64_t)value;
    return PC_OK;
}

pc_status pc_parse_money(const char *text, int64_t *cents, char *why, size_t why_size)
{
    return pc_parse_decimal(text, PC_MONEY_DECIMALS, 2, cents, why, why_size);
}

pc_status pc_parse_price(const char *text, int64_t *micro, char *why, size_t why_size)
{
    return pc_parse_decimal(text, PC_PRICE_DECIMALS, 6, micro, why, why_size);
}

pc_status pc_parse_fraction(const char *text, int64_t max_plain_micro, int allow_negative,
                            int64_t *micro, char *why, size_t why_size)
{
    *micro = 0;
    size_t len = strlen(text);
    int64_t v;
    pc_status st;
    if (len > 0 && text[len - 1] == '%') {
        char buf[64];
        if (len >= sizeof buf)
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "not a number");
        memcpy(buf, text, len - 1);
        buf[len - 1] = '\0';
        /* 85.5% is 0.855: a percentage may have 4 decimals to stay within 6. */
        st = pc_parse_decimal(buf, 4, 4, &v, why, why_size);
        if (st)
            return st;
        /* v is in 10^-4 percent = 10^-6 of one. */
    } else {
        st = pc_parse_decimal(text, 6, 6, &v, why, why_size);
        if (st)
            return st;
        if (max_plain_micro > 0 && v > max_plain_micro) {
            return pc_parse_fail(
                PC_ERR_RANGE, why, why_size,
                "a fraction above %lld is not plausible here; write 0.85 or 85%% (did "
                "you mean %s%%?)",
                (long long)(max_plain_micro / 1000000), text);
        }
    }
    if (v < 0 && !allow_negative)
        return pc_parse_fail(PC_ERR_RANGE, why, why_size, "must not be negative");
    *micro = v;
    return PC_OK;
}

pc_status pc_parse_shares(const char *text, int64_t *shares, char *why, size_t why_size)
{
    *shares = 0;
    int64_t v;
    pc_status st = pc_parse_decimal(text, 0, 0, &v, why, why_size);
    if (st == PC_ERR_SYNTAX && strchr(text, '.'))
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "shares must be a whole number");
    if (st)
        return st;
    if (v < 0)
        return pc_parse_fail(PC_ERR_RANGE, why, why_size, "must not be negative");
    *shares = v;
    return PC_OK;
}

pc_status pc_parse_date(const char *text, pc_date *date, char *why, size_t why_size)
{
    pc_status st = pc_date_parse(text, date);
    if (st == PC_ERR_SYNTAX)
        return pc_parse_fail(st, why, why_size, "dates must be written YYYY-MM-DD");
    if (st == PC_ERR_RANGE)
        return pc_parse_fail(st, why, why_size, "no such date (years %d to %d)", PC_YEAR_MIN,
                             PC_YEAR_MAX);
    return st;
}

pc_status pc_parse_year(const char *text, int *year, char *why, size_t why_size)
{
    *year = 0;
    if (strlen(text) != 4)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a year is four digits (2022)");
    int v = 0;
    for (int i = 0; i < 4; i++) {
        if (!isdigit((unsigned char)text[i]))
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size, "a year is four digits (2022)");
        v = v * 10 + text[i] - '0';
    }
    if (v < PC_YEAR_MIN || v > PC_YEAR_MAX)
        return pc_parse_fail(PC_ERR_RANGE, why, why_size, "a year from %d to %d", PC_YEAR_MIN,
                             PC_YEAR_MAX);
    *year = v;
    return PC_OK;
}

/* Active ISO 4217 codes, sorted. */
static const char *const iso4217[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL"};

static int compare_code(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

pc_status pc_parse_currency(const char *text, char out[4], char *why, size_t why_size)
{
    out[0] = '\0';
    char code[4];
    if (strlen(text) != 3)
        return pc_parse_fail(PC_ERR_SYNTAX, why, why_size,
                             "a currency is a three-letter ISO 4217 code "
                             "(USD, CNY, HKD)");
    for (int i = 0; i < 3; i++) {
        if (!isalpha((unsigned char)text[i]))
            return pc_parse_fail(PC_ERR_SYNTAX, why, why_size,
                                 "a currency is a three-letter ISO 4217 code (USD, CNY, HKD)");
        code[i] = (char)toupper((unsigned char)text[i]);
    }
    code[3] = '\0';
    if (strcmp(code, "RMB") == 0)
        memcpy(code, "CNY", 4);
    if (!bsearch(code, iso4217, sizeof iso4217 / sizeof iso4217[0], sizeof iso4217[0],
                 compare_code))
        return pc_parse_fail(PC_ERR_RANGE, why, why_size, "not an ISO 4217 currency code");
    memcpy(out, code, 4);
    return PC_OK;
}
