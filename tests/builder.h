/*
 * Building input sets in memory for engine tests, without files.
 * Every function aborts the test on out-of-memory; amounts are in the
 * library's units (cents, micros) and dates are "YYYY-MM-DD" strings.
 */
#ifndef PAYCALC_TEST_BUILDER_H
#define PAYCALC_TEST_BUILDER_H

#include <stdint.h>

#include "paycalc/model.h"

/* Sets up a dataset: fiscal year end, covered years (first..last), SRC. */
void b_init(pc_dataset *ds, int fye_month, int fye_day, int first_year, int last_year, bool src);
pc_date b_date(const char *ymd);
size_t b_person(pc_dataset *ds, const char *id, const char *name);
void b_role(pc_dataset *ds, int year, size_t person, pc_role_kind role);
void b_cash(pc_dataset *ds, size_t person, int year, pc_component c, int64_t cents,
            const char *currency, const char *pay_date);
void b_fx_year(pc_dataset *ds, const char *currency, int year, int64_t per_usd_micro);
void b_fx_day(pc_dataset *ds, const char *currency, const char *date, int64_t per_usd_micro);
/* grant_fv_micro < 0: none. strike/expiry ignored for stock (pass 0, NULL). */
size_t b_award(pc_dataset *ds, const char *id, size_t person, pc_award_type type,
               pc_condition condition, const char *grant, int64_t shares, int64_t strike_micro,
               const char *expiry, int64_t grant_fv_micro);
/* status_date may be NULL. */
void b_tranche(pc_dataset *ds, size_t award, int number, const char *vest, int64_t shares,
               pc_tranche_status status, const char *status_date);
void b_price(pc_dataset *ds, const char *date, int64_t close_micro, int64_t dividend_micro);
/* Closes every calendar day from..to (inclusive) at one price. */
void b_prices_flat(pc_dataset *ds, const char *from, const char *to, int64_t close_micro);
void b_assumption(pc_dataset *ds, const char *date, int64_t vol, int64_t rate, int64_t yield);
void b_outcome(pc_dataset *ds, size_t award, int tranche, const char *date, int64_t probable);
void b_fair_value(pc_dataset *ds, size_t award, int tranche, const char *date, int64_t fv);
/* Sets an award's threshold and maximum shares (Item 402(d)); < 0: blank. */
void b_levels(pc_dataset *ds, size_t award, int64_t threshold, int64_t maximum);
void b_exercise(pc_dataset *ds, size_t award, const char *date, int64_t shares);
/* Changes the close of an existing price row (after b_prices_flat). */
void b_set_close(pc_dataset *ds, const char *date, int64_t close_micro);
void b_performance(pc_dataset *ds, int year, int64_t net_income_cents);
/* Indexes the dataset (call after adding everything). */
void b_done(pc_dataset *ds);

#endif
