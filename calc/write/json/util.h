/*
 * Internal: jansson helpers shared by the JSON writers, so every money
 * amount is written the same exact way.
 */
#ifndef PAYCALC_JSON_UTIL_H
#define PAYCALC_JSON_UTIL_H

#include <jansson.h>
#include <stdint.h>

#include "paycalc/status.h"

/* jansson 2.14 prints reals with 17 significant digits by default
 * (235853.85 becomes 235853.84999999999). With 15 the shortest decimal that
 * reads back to the same double is printed for every amount up to
 * $9,999,999,999,999.99 and every 6-decimal value below 10^9. */
#define PC_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(15))

/* Cents as a JSON number: an integer when whole dollars, else 2 decimals. */
json_t *pc_json_money(int64_t cents);
/* Micros as a JSON number with at most 6 decimals. */
json_t *pc_json_micro(int64_t micro);
/* A model double, or null when not finite. */
json_t *pc_json_double(double value);
/* A string, or null for NULL. */
json_t *pc_json_string(const char *text);
/* A date "YYYY-MM-DD". */
json_t *pc_json_date(int32_t date);

/* Sets key on obj, stealing value; returns -1 if value is NULL. */
int pc_json_set(json_t *obj, const char *key, json_t *value);

/* The verify findings as a JSON array (SPEC section 8 keys); json/verify.c. */
struct pc_checks;
json_t *pc_json_findings(const struct pc_checks *checks);

/* Dumps `root` and writes it atomically to `path`. */
pc_status pc_json_write_atomic(const json_t *root, const char *path, pc_diags *diags);

#endif
