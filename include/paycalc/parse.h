/*
 * The value syntax of input files (SPEC section 2, "Values").
 *
 * Each parser takes the text of one field (already trimmed of surrounding
 * white space), and on failure returns PC_ERR_SYNTAX, PC_ERR_RANGE or
 * PC_ERR_OVERFLOW with a short English reason in `why` ("use YYYY-MM-DD",
 * "at most 2 decimals"), which the reader puts after the column name and the
 * quoted value.
 */
#ifndef PAYCALC_PARSE_H
#define PAYCALC_PARSE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/status.h"

/* Decimals allowed by kind (SPEC section 2). */
#define PC_MONEY_DECIMALS 2 /* money amounts */
#define PC_PRICE_DECIMALS 6 /* prices, per-share values, rates */

/* Writes the reason a value was refused into `why` (when it is not NULL;
 * shortened between characters to fit `size`) and returns `st`: the one
 * way the parsers report a reason. */
pc_status pc_parse_fail(pc_status st, char *why, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A decimal "-?digits[.digits]", with optional thousands separators
 * ("1,234.56") and accounting negatives ("(1,234.56)"), at most
 * `max_decimals` places, scaled to `scale` decimal places: with scale 2 the
 * result is in cents, with scale 6 in micros. Currency signs are refused. */
pc_status pc_parse_decimal(const char *text, int max_decimals, int scale, int64_t *out, char *why,
                           size_t why_size);

/* Money: at most 2 decimals, result in cents. */
pc_status pc_parse_money(const char *text, int64_t *cents, char *why, size_t why_size);

/* A price, per-share value or exchange rate: at most 6 decimals, in micros. */
pc_status pc_parse_price(const char *text, int64_t *micro, char *why, size_t why_size);

/* A fraction in micros: "0.85" or "85%" (0.85). A value above `max_plain`
 * written without "%" is refused with a reason suggesting a percentage was
 * meant (SPEC: a volatility or rate above 5). Negative values are refused
 * unless `allow_negative` (risk-free rates may be negative). */
pc_status pc_parse_fraction(const char *text, int64_t max_plain_micro, int allow_negative,
                            int64_t *micro, char *why, size_t why_size);

/* A whole number of shares (separators accepted), not negative. */
pc_status pc_parse_shares(const char *text, int64_t *shares, char *why, size_t why_size);

/* A date, exactly YYYY-MM-DD. */
pc_status pc_parse_date(const char *text, pc_date *date, char *why, size_t why_size);

/* A four-digit year. */
pc_status pc_parse_year(const char *text, int *year, char *why, size_t why_size);

/* An ISO 4217 currency code, upper-cased into out[4]; "RMB" is accepted as
 * "CNY". */
pc_status pc_parse_currency(const char *text, char out[4], char *why, size_t why_size);

/* A figure as a proxy prints it (reported.csv, SPEC section 8). */
typedef struct pc_printed {
    bool published;      /* false: empty or "n/a", a figure the proxy does not show */
    int64_t value_micro; /* the figure x 10^6 (dollars, or percent when `percent`) */
    int decimals;        /* the last shown digit: 2 cents, 0 dollars, -6 millions ("445 M") */
    bool percent;        /* printed with "%": value_micro counts percent */
} pc_printed;

/* Reads a published figure: "$ 1,234", "(1,234)", "-1,234", "US$1.2 billion",
 * "61,559 K", "445 M", "14.51%", "RMB 3.5", "¥3.5"; a run of dashes ("-",
 * "---", en or em dashes, "$ —") is a printed nil (published, 0); a trailing
 * footnote marker ("(6)", "(a)", "*", "¹") is dropped; empty or "n/a" is not
 * published. A value that cannot be read is PC_ERR_SYNTAX with a reason that
 * says what a figure looks like.
 * Units K/thousand, M/million, B/billion scale the value and lower
 * `decimals` by 3, 6 or 9. `*out` is set on every path. */
pc_status pc_parse_printed(const char *text, pc_printed *out, char *why, size_t why_size);

PC_API_END

#endif
