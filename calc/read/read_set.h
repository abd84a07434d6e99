/*
 * The state of one input-set read and the cell helpers every file reader
 * uses (read_cells.c); each CSV file's row handler and cross-file checks
 * live in read_<files>.c and the whole input set is read by read.c. Not a
 * public header.
 */
#ifndef PAYCALC_READ_SET_H
#define PAYCALC_READ_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/model.h"
#include "paycalc/status.h"
#include "read_internal.h"

/* The columns of cash.csv (read.c makes pay_date required by the FX method). */
enum { CASH_PERSON, CASH_YEAR, CASH_COMPONENT, CASH_AMOUNT, CASH_CURRENCY, CASH_PAY_DATE };

typedef struct bool_array {
    bool *items;
    size_t count;
    size_t capacity;
} bool_array;

typedef struct reader {
    pc_read_ctx rd;
    pc_dataset *ds;
    bool standalone; /* pc_read_reported_file: no configuration, no people */
    pc_file file;    /* the file being read */
    const pc_read_column *columns;
    /* Per award: its shares or tranches could not all be read, so the
     * tranche total is not checked. */
    bool_array award_unsure;
    /* The first cash row not in USD (fx.csv is then required). */
    int foreign_line, foreign_column;
    char foreign_currency[4];
    /* The same for plan_targets.csv. */
    int plan_foreign_line, plan_foreign_column;
    char plan_foreign_currency[4];
    /* The first performance-condition award (outcomes.csv is then required). */
    int performance_line, performance_column;
    char *performance_award;
    /* people.csv or awards.csv could not be read (the error is reported):
     * references to them are not reported one by one on top. */
    bool people_failed, awards_failed;
    /* awards.csv had an error: the terms of its awards are not checked
     * against by later files (modifications.csv). */
    bool awards_erred;
    /* roles.csv lost rows (a missing column, malformed quoting): a covered
     * year without a PEO may only be one of them. */
    bool roles_failed;
    /* Covered years with a PEO row in roles.csv and with a row in
     * performance.csv, counted even when the row has other errors (so a
     * wrong value does not also raise "no row for the year"). */
    bool peo_seen[PC_MAX_YEARS];
    /* The first award without a schedule (vesting.csv is then required). */
    int unscheduled_line;
    /* Tranches laid out from schedules so far, against PC_LIMIT_ROWS. */
    long scheduled_tranches;
    bool performance_seen[PC_MAX_YEARS];
} reader;

void pc_read_cell_error(reader *r, const pc_read_row *row, int c, const char *code, const char *fmt,
                        ...) __attribute__((format(printf, 5, 6)));

void pc_read_cell_warning(reader *r, const pc_read_row *row, int c, const char *code,
                          const char *fmt, ...) __attribute__((format(printf, 5, 6)));

typedef struct dup_key {
    const char *s; /* may be NULL */
    int64_t a, b, c;
    size_t index; /* of the row in its dataset array */
    int line;
} dup_key;

typedef void (*dup_fn)(reader *r, size_t index, int first_line);

void pc_read_file_error(reader *r, pc_file file, int line, const char *column, const char *code,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

const char *pc_read_path_of(const reader *r, pc_file file);

bool pc_read_years_known(const reader *r);

bool pc_read_calendar_known(const reader *r);

char *pc_read_dup_text(reader *r, const char *s);

void *pc_read_push(reader *r, void *pushed);

/* An error at a value: the message starts with the column name (SPEC
 * section 2: every error names the file, line, column and the value). */
void pc_read_cell_error(reader *r, const pc_read_row *row, int c, const char *code, const char *fmt,
                        ...);

void pc_read_cell_warning(reader *r, const pc_read_row *row, int c, const char *code,
                          const char *fmt, ...);

bool pc_read_has(const pc_read_row *row, int c);

const char *pc_read_val(const pc_read_row *row, int c);

/* A required value: false (reported, unless already reported) when blank. */
bool pc_read_need(reader *r, const pc_read_row *row, int c, const char *why);

bool pc_read_parsed(reader *r, const pc_read_row *row, int c, pc_status st, const char *code,
                    const char *kind, const char *why);

bool pc_read_get_date(reader *r, const pc_read_row *row, int c, pc_date *out);

bool pc_read_get_year(reader *r, const pc_read_row *row, int c, int *out);

bool pc_read_get_money(reader *r, const pc_read_row *row, int c, int64_t *out);

/* A price, per-share value or rate (6 decimals, micros), at least `min`
 * (in micros) and above it when `strict`. */
bool pc_read_get_price(reader *r, const pc_read_row *row, int c, const char *kind, int64_t min,
                       bool strict, int64_t *out);

/* A decimal of up to 6 places in micros, any sign. */
bool pc_read_get_decimal(reader *r, const pc_read_row *row, int c, const char *kind, int64_t *out);

bool pc_read_get_shares(reader *r, const pc_read_row *row, int c, int64_t *out);

/* A fraction (SPEC section 2): "0.85" or "85%"; above 5 without "%" is
 * refused as a likely percentage. */
bool pc_read_get_fraction(reader *r, const pc_read_row *row, int c, const char *kind,
                          bool allow_negative, int64_t *out);

bool pc_read_get_currency(reader *r, const pc_read_row *row, int c, char out[4]);

/* One of `names` (case does not matter): its index, or -1 (reported). */
int pc_read_get_choice(reader *r, const pc_read_row *row, int c, const char *const *names,
                       int count);

bool pc_read_get_person(reader *r, const pc_read_row *row, int c, size_t *index);

bool pc_read_get_award(reader *r, const pc_read_row *row, int c, size_t *index);

/* A tranche number: a whole number from 1. */
bool pc_read_get_tranche_number(reader *r, const pc_read_row *row, int c, int *out);

/* A blank tranche (0: every tranche of the award) or an existing one. */
bool pc_read_get_tranche_ref(reader *r, const pc_read_row *row, int c, bool have_award,
                             size_t award, int *out);

/* Whether rows of `year` are read: the covered years only (SPEC section 2),
 * every year when there is no configuration to say which. */
bool pc_read_year_kept(const reader *r, int year);

const char *pc_read_date_text(pc_date d, char *buf);

/* Sorts the keys (by key, then line) and reports every row whose key an
 * earlier line already has, naming that first line. Frees `keys`. */
void pc_read_report_duplicates(reader *r, dup_key *keys, size_t n, dup_fn fn);

dup_key *pc_read_new_keys(size_t n);

/* An error about a row of `file` after the fact, at a named column. */
void pc_read_file_error(reader *r, pc_file file, int line, const char *column, const char *code,
                        const char *fmt, ...);

void pc_read_people_row(void *ctx, const pc_read_row *row);

void pc_read_check_people(reader *r);

void pc_read_roles_row(void *ctx, const pc_read_row *row);

void pc_read_check_roles(reader *r);

void pc_read_cash_row(void *ctx, const pc_read_row *row);

void pc_read_fx_row(void *ctx, const pc_read_row *row);

void pc_read_check_fx(reader *r);

void pc_read_awards_row(void *ctx, const pc_read_row *row);

void pc_read_check_awards(reader *r);

void pc_read_vesting_row(void *ctx, const pc_read_row *row);

/* separations.csv (read_ledger.c): one row per departure, per person or
 * per award; no second row for the same person or award. */
void pc_read_separations_row(void *ctx, const pc_read_row *row);
/* plan_targets.csv (read_cash.c): at most one row per person, year and
 * plan. */
void pc_read_plan_targets_row(void *ctx, const pc_read_row *row);
void pc_read_check_plan_targets(reader *r);
void pc_read_check_separations(reader *r);

/* modifications.csv (read_ledger.c): at most one row per award; the new
 * vesting dates are applied to the tranches once they are indexed. */
void pc_read_modifications_row(void *ctx, const pc_read_row *row);
void pc_read_check_modifications(reader *r);
void pc_read_apply_modifications(reader *r);

/* Lays out the tranches of every award with a valid schedule, with the
 * statuses derived from their dates and the separations (SPEC section 13).
 * Needs the awards and separations read, before the tranches are indexed. */
void pc_read_lay_out_schedules(reader *r);

/* Tranches of each award: no duplicates, at least one, and shares adding up
 * to the award's (SPEC section 2). Needs the tranches indexed. */
void pc_read_check_tranches(reader *r);

/* exercises.csv: options and SARs exercised (SPEC section 12). */
void pc_read_exercises_row(void *ctx, const pc_read_row *row);

/* corporate_actions.csv (read_splits.c): the stock splits, one per date,
 * sorted by date once checked; then, on an input set read without errors,
 * every figure dated before each split restated into its terms. Needs the
 * dataset indexed. */
void pc_read_corporate_actions_row(void *ctx, const pc_read_row *row);
void pc_read_check_corporate_actions(reader *r);
void pc_read_restate_splits(reader *r);

void pc_read_prices_row(void *ctx, const pc_read_row *row);

void pc_read_check_prices(reader *r);

void pc_read_assumptions_row(void *ctx, const pc_read_row *row);

void pc_read_check_assumptions(reader *r);

void pc_read_outcomes_row(void *ctx, const pc_read_row *row);

void pc_read_check_outcomes(reader *r);

void pc_read_fair_values_row(void *ctx, const pc_read_row *row);

void pc_read_check_fair_values(reader *r);

void pc_read_performance_row(void *ctx, const pc_read_row *row);

void pc_read_check_performance(reader *r);

void pc_read_reported_row(void *ctx, const pc_read_row *row);

/* market_conditions.csv, peers.csv and peer_prices.csv (read_mc.c). */
void pc_read_market_conditions_row(void *ctx, const pc_read_row *row);

/* One row per award, peer sets that exist; after peers.csv. */
void pc_read_check_market_conditions(reader *r);

void pc_read_peers_row(void *ctx, const pc_read_row *row);

void pc_read_check_peers(reader *r);

void pc_read_peer_prices_row(void *ctx, const pc_read_row *row);

void pc_read_check_peer_prices(reader *r);

void pc_read_market_assumptions_row(void *ctx, const pc_read_row *row);

void pc_read_correlations_row(void *ctx, const pc_read_row *row);

void pc_read_check_reported(reader *r);

#endif
