/*
 * Exact money and fixed-point decimals.
 *
 * Money is an int64_t count of cents (of US dollars, or of the currency an
 * amount was paid in). Prices, per-share values, exchange rates and fractions
 * are int64_t counts of millionths ("micros": 6.7264 is 6726400). Products
 * that can exceed 64 bits go through 128-bit intermediates, and a result that
 * does not fit is PC_ERR_OVERFLOW, never a wrap.
 *
 * Rounding is half away from zero (what Excel's ROUND does) and happens in
 * one function, pc_round_div, called only at the points SPEC section 3 names
 * (R1 to R6). Model values computed in double precision become money at one
 * named step, pc_money_from_double.
 *
 * Example: converting RMB 790,000.00 at 6.7264 RMB per USD (R1):
 *     int64_t usd;
 *     pc_fx_convert(79000000, 6726400, &usd);   // usd == 11744767 ($117,447.67)
 */
#ifndef PAYCALC_MONEY_H
#define PAYCALC_MONEY_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/status.h"

/* Scale of the fixed-point decimals: one unit is 1,000,000 micros. */
#define PC_MICRO INT64_C(1000000)
/* One dollar is 100 cents. */
#define PC_CENTS INT64_C(100)

/* 128-bit integers for intermediates that can exceed 64 bits (shares x
 * price x scale). */
__extension__ typedef __int128 pc_i128;

/* num / den rounded half away from zero (SPEC section 3), den != 0: the one
 * rounding rule; every entry point below goes through it. */
pc_i128 pc_round_div_i128(pc_i128 num, pc_i128 den);

/* num / den rounded half away from zero, both 64-bit. den must not be 0.
 * PC_ERR_OVERFLOW if the quotient does not fit (INT64_MIN / -1). */
pc_status pc_round_div(int64_t num, int64_t den, int64_t *out);

/* (a * b) / den rounded half away from zero, with a 128-bit product. */
pc_status pc_mul_div_round(int64_t a, int64_t b, int64_t den, int64_t *out);

/* (a * b * c) / den rounded half away from zero, with a 128-bit product. */
pc_status pc_mul3_div_round(int64_t a, int64_t b, int64_t c, int64_t den, int64_t *out);

/* Checked sum and difference; PC_ERR_OVERFLOW instead of wrapping. */
pc_status pc_money_add(int64_t a, int64_t b, int64_t *out);
pc_status pc_money_sub(int64_t a, int64_t b, int64_t *out);

/* Rounds an amount in cents to `decimals` decimal places (0 or 2), half away
 * from zero; the result is still in cents (so 0 decimals gives a multiple of
 * 100). Used for R3 (whole dollars), R4 and R5 (cap_decimals). */
pc_status pc_money_round(int64_t cents, int decimals, int64_t *out);

/* R1: an amount in cents of a foreign currency divided exactly by `per_usd`
 * (micros of currency per US dollar) and rounded to the cent. */
pc_status pc_fx_convert(int64_t foreign_cents, int64_t per_usd_micro, int64_t *usd_cents);

/* R2, exact case: shares x fair value per share (micros) x probable outcome
 * (micros; pass PC_MICRO for 100%), rounded to the cent. */
pc_status pc_tranche_value_exact(int64_t shares, int64_t fv_per_share_micro, int64_t probable_micro,
                                 int64_t *cents);

/* The one step where a model value in double precision becomes money: a
 * dollar amount rounded half away from zero to the cent. PC_ERR_RANGE for a
 * NaN, an infinity or an amount beyond the int64 range. */
pc_status pc_money_from_double(double dollars, int64_t *cents);

/* A micros decimal as a double (for models and charts only, never for sums). */
double pc_micro_to_double(int64_t micro);

/* Writes cents as a plain decimal with `decimals` places (0 or 2), no
 * separators: "235853.85", "-5678", "0.05". With 0 decimals the amount must
 * already be whole dollars (it is rounded if not). Returns `buf`. */
char *pc_money_format(int64_t cents, int decimals, char *buf, size_t size);

/* Writes cents with thousands separators, negatives in parentheses, as a
 * reader sees them in a proxy table: "(5,678)", "235,853.85". */
char *pc_money_format_display(int64_t cents, int decimals, char *buf, size_t size);

/* Writes micros as a decimal with the fewest places (at least `min_decimals`)
 * that show it exactly: 6726400 -> "6.7264". Returns `buf`. */
char *pc_micro_format(int64_t micro, int min_decimals, char *buf, size_t size);

PC_API_END

#endif
