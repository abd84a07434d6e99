/*
 * Exact money arithmetic (SPEC section 3). All rounding of the program goes
 * through round_div128: half away from zero, from quotient and remainder.
 */
#include "paycalc/money.h"

#include "paycalc/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef pc_i128 i128;

static const i128 I64_MAX = INT64_MAX;
static const i128 I64_MIN = INT64_MIN;

/* The single rounding rule of SPEC section 3: half away from zero, from the
 * quotient and the remainder. */
pc_i128 pc_round_div_i128(pc_i128 num, pc_i128 den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    i128 q = num / den;
    i128 r = num % den; /* same sign as num */
    i128 twice = r < 0 ? -2 * r : 2 * r;
    if (twice >= den)
        q += num < 0 ? -1 : 1;
    return q;
}

static pc_status round_div128(i128 num, i128 den, int64_t *out)
{
    *out = 0;
    if (den == 0)
        return PC_ERR_RANGE;
    i128 q = pc_round_div_i128(num, den);
    if (q > I64_MAX || q < I64_MIN)
        return PC_ERR_OVERFLOW;
    *out = (int64_t)q;
    return PC_OK;
}

pc_status pc_round_div(int64_t num, int64_t den, int64_t *out)
{
    return round_div128(num, den, out);
}

pc_status pc_mul_div_round(int64_t a, int64_t b, int64_t den, int64_t *out)
{
    return round_div128((i128)a * b, den, out);
}

pc_status pc_mul3_div_round(int64_t a, int64_t b, int64_t c, int64_t den, int64_t *out)
{
    *out = 0;
    i128 ab = (i128)a * b;
    /* |ab| < 2^126; refuse a third factor that would overflow 128 bits. */
    i128 limit = ((i128)1 << 125);
    if (c != 0 && (ab > limit / (c < 0 ? -(i128)c : c) || ab < -limit / (c < 0 ? -(i128)c : c)))
        return PC_ERR_OVERFLOW;
    return round_div128(ab * c, den, out);
}

pc_status pc_money_add(int64_t a, int64_t b, int64_t *out)
{
    if (__builtin_add_overflow(a, b, out))
        return PC_ERR_OVERFLOW;
    return PC_OK;
}

pc_status pc_money_sub(int64_t a, int64_t b, int64_t *out)
{
    if (__builtin_sub_overflow(a, b, out))
        return PC_ERR_OVERFLOW;
    return PC_OK;
}

pc_status pc_money_round(int64_t cents, int decimals, int64_t *out)
{
    *out = 0;
    if (decimals >= 2) {
        *out = cents;
        return PC_OK;
    }
    int64_t dollars;
    pc_status st = round_div128(cents, PC_CENTS, &dollars);
    if (st)
        return st;
    return pc_mul_div_round(dollars, PC_CENTS, 1, out);
}

/* R1: foreign cents / (per_usd micros / 10^6) = foreign cents * 10^6 / per_usd. */
pc_status pc_fx_convert(int64_t foreign_cents, int64_t per_usd_micro, int64_t *usd_cents)
{
    *usd_cents = 0;
    if (per_usd_micro <= 0)
        return PC_ERR_RANGE;
    return round_div128((i128)foreign_cents * PC_MICRO, per_usd_micro, usd_cents);
}

/* R2: shares * fv (10^-6 dollars) * probable (10^-6) is in 10^-12 dollars;
 * cents are 10^-2 dollars, so divide by 10^10. */
pc_status pc_tranche_value_exact(int64_t shares, int64_t fv_per_share_micro, int64_t probable_micro,
                                 int64_t *cents)
{
    return pc_mul3_div_round(shares, fv_per_share_micro, probable_micro, INT64_C(10000000000),
                             cents);
}

pc_status pc_money_from_double(double dollars, int64_t *cents)
{
    *cents = 0;
    if (!isfinite(dollars))
        return PC_ERR_RANGE;
    double c = round(dollars * 100.0); /* round() is half away from zero */
    if (c >= 9.2e18 || c <= -9.2e18)
        return PC_ERR_RANGE;
    *cents = (int64_t)c;
    return PC_OK;
}

double pc_micro_to_double(int64_t micro)
{
    return (double)micro / 1e6;
}

/* Magnitude of an int64 as unsigned, safe for INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

char *pc_money_format(int64_t cents, int decimals, char *buf, size_t size)
{
    if (decimals <= 0) {
        int64_t rounded;
        if (pc_round_div(cents, PC_CENTS, &rounded) != PC_OK)
            rounded = 0;
        snprintf(buf, size, "%lld", (long long)rounded);
        return buf;
    }
    uint64_t m = magnitude(cents);
    snprintf(buf, size, "%s%llu.%02llu", cents < 0 ? "-" : "", (unsigned long long)(m / 100),
             (unsigned long long)(m % 100));
    return buf;
}

char *pc_money_format_display(int64_t cents, int decimals, char *buf, size_t size)
{
    uint64_t m;
    unsigned frac = 0;
    if (decimals <= 0) {
        int64_t rounded = 0;
        (void)pc_round_div(cents, PC_CENTS, &rounded);
        m = magnitude(rounded);
    } else {
        m = magnitude(cents) / 100;
        frac = (unsigned)(magnitude(cents) % 100);
    }
    char grouped[PC_TEXT_GROUPED_SIZE];
    pc_text_group_digits((unsigned long long)m, grouped);
    bool negative = cents < 0 && (m != 0 || frac != 0);
    if (decimals <= 0)
        snprintf(buf, size, negative ? "(%s)" : "%s", grouped);
    else if (negative)
        snprintf(buf, size, "(%s.%02u)", grouped, frac);
    else
        snprintf(buf, size, "%s.%02u", grouped, frac);
    return buf;
}

char *pc_micro_format(int64_t micro, int min_decimals, char *buf, size_t size)
{
    uint64_t m = magnitude(micro);
    uint64_t whole = m / 1000000, frac = m % 1000000;
    char fs[8];
    snprintf(fs, sizeof fs, "%06llu", (unsigned long long)frac);
    int keep = 6;
    while (keep > min_decimals && keep > 0 && fs[keep - 1] == '0')
        keep--;
    fs[keep] = '\0';
    if (keep > 0)
        snprintf(buf, size, "%s%llu.%s", micro < 0 ? "-" : "", (unsigned long long)whole, fs);
    else
        snprintf(buf, size, "%s%llu", micro < 0 ? "-" : "", (unsigned long long)whole);
    return buf;
}
