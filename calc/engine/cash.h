/*
 * Cash rows in US dollars (SPEC sections 4 and 6, R1): the grouping and the
 * conversion the Summary Compensation Table and the Director Compensation
 * table share. A group is the rows of one person, fiscal year, component and
 * currency. Under `year_end` and `annual_average` a group is summed in its
 * currency and converted once; under `payment_date` each row is converted at
 * its own date and the dollars summed. Every rate used is recorded in the
 * report, for the Exchange Rates sheet and the audit trail.
 */
#ifndef PAYCALC_ENGINE_CASH_H
#define PAYCALC_ENGINE_CASH_H

#include <stddef.h>
#include <stdint.h>

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* A cash row's grouping key, sorted without a global context. */
typedef struct pc_cash_key {
    size_t person;
    int year;
    int component;
    char currency[4];
    size_t index; /* the row in ds->cash */
} pc_cash_key;

/* The rates already found, for the methods whose rate depends only on the
 * currency and the fiscal year (annual_average, year_end): every person's
 * cash of that year uses the same one, and a fiscal-year mean of daily rates
 * is worth computing once, not once per person and component. */
#define PC_CASH_RATE_CACHE 32
typedef struct pc_cash_rates {
    char currency[PC_CASH_RATE_CACHE][4];
    int year[PC_CASH_RATE_CACHE];
    int64_t per_usd_micro[PC_CASH_RATE_CACHE];
    int count;
} pc_cash_rates;

/* The key of cash row `index`. */
pc_cash_key pc_engine_cash_key(const pc_dataset *ds, size_t index);
/* Sorts keys by person, year, component, currency, then row. */
void pc_engine_cash_sort(pc_cash_key *keys, size_t n);

/* One group from keys[begin] on: `*end` receives the first key after it.
 * Under payment_date each row is converted (`*usd` is the sum in dollars);
 * otherwise the rows are summed in their currency (`*foreign`) for
 * pc_engine_cash_convert. PC_ERR_OVERFLOW when the sum does not fit (report
 * it with pc_engine_cash_overflow); the first conversion error otherwise. */
pc_status pc_engine_cash_group(const pc_dataset *ds, const pc_cash_key *keys, size_t begin,
                               size_t n, size_t *end, int64_t *foreign, int64_t *usd,
                               pc_cash_rates *rates, pc_report *report, pc_diags *diags);

/* Converts `foreign` cents of cash row `c`'s currency into `*usd` (R1) and
 * records the rate used; a missing rate is an input error naming the row. */
pc_status pc_engine_cash_convert(const pc_dataset *ds, const pc_cash *c, int64_t foreign,
                                 int64_t *usd, pc_cash_rates *rates, pc_report *report,
                                 pc_diags *diags);

/* The same for the amount in `column` of a row of `file` that converts as
 * cash does (plan_targets.csv: `c` holds its person, year, currency and
 * grant date as pay_date), naming that file and column in its errors;
 * `*per_usd_micro` receives the rate (PC_MICRO for US dollars), so that
 * the row's other amounts convert at the same one. */
pc_status pc_engine_convert_in(const pc_dataset *ds, pc_file file, const char *column,
                               const pc_cash *c, int64_t foreign, int64_t *usd,
                               int64_t *per_usd_micro, pc_cash_rates *rates, pc_report *report,
                               pc_diags *diags);

/* The error for amounts of a group that add up past what paycalc holds;
 * returns PC_ERR_INPUT. */
pc_status pc_engine_cash_overflow(const pc_dataset *ds, const pc_cash *first, pc_diags *diags);

#endif
