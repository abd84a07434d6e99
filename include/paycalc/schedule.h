/*
 * Vesting schedules written as a pattern (SPEC section 13): the awards.csv
 * `schedule` column, `STEP[ then STEP...][ from YYYY-MM-DD]` with
 * STEP = `cliff Ny` | `cliff Nm` | `annual N` | `semiannual N` |
 * `quarterly N` | `monthly N` (N instalments), turned into the tranches a
 * vesting.csv would list one by one.
 *
 * Each step covers months: `cliff 1y` 12 months in one instalment,
 * `quarterly 8` 24 months in 8. Instalment k falls m_k months after the
 * anchor, m_k the months covered through instalment k: the anchor is the
 * grant date, or, with `from D`, D is the first vest date and instalment k
 * falls m_k - m_1 months after it. Adding months keeps the day of the month,
 * or the month's last day when it has fewer days (always counted from the
 * anchor, so a schedule from the 31st comes back to the 31st). Shares follow
 * the months: with M the schedule's total months and S the award's shares,
 * tranche k gets floor(S m_k / M) - floor(S m_(k-1) / M).
 *
 * Example: "cliff 1y then monthly 36" for 4,800 shares granted 2022-01-31:
 * tranche 1 of 1,200 shares on 2023-01-31, then 36 tranches of 100 shares,
 * 2023-02-28, 2023-03-31, ... 2026-01-31.
 *
 * No allocation: a pc_schedule is a plain value.
 */
#ifndef PAYCALC_SCHEDULE_H
#define PAYCALC_SCHEDULE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/status.h"

/* Limits that keep a pattern from asking for millions of tranches: at most
 * 100 years of vesting in at most 24 steps. */
#define PC_SCHEDULE_MAX_MONTHS 1200
#define PC_SCHEDULE_MAX_STEPS 24

typedef struct pc_schedule_step {
    int period_months; /* months between instalments (the whole cliff for a cliff) */
    int count;         /* instalments, at least 1 */
} pc_schedule_step;

typedef struct pc_schedule {
    pc_schedule_step steps[PC_SCHEDULE_MAX_STEPS];
    int nsteps;
    pc_date from;    /* the first vest date; PC_DATE_NONE: the grant date plus the first period */
    int instalments; /* the sum of the steps' counts */
    int months;      /* M: the months the whole schedule covers */
} pc_schedule;

/* What is wrong with a pattern. Values are stable. */
typedef enum pc_schedule_problem {
    PC_SCHEDULE_OK = 0,
    PC_SCHEDULE_EMPTY = 1,           /* no step at all */
    PC_SCHEDULE_UNKNOWN_STEP = 2,    /* a word that is not a step */
    PC_SCHEDULE_MISSING_COUNT = 3,   /* a step without its number */
    PC_SCHEDULE_BAD_COUNT = 4,       /* a number that is not a whole number from 1 */
    PC_SCHEDULE_BAD_CLIFF = 5,       /* a cliff's length is not Ny or Nm */
    PC_SCHEDULE_EXPECTED_THEN = 6,   /* after a step, something other than `then` or `from` */
    PC_SCHEDULE_MISSING_STEP = 7,    /* `then` with no step after it */
    PC_SCHEDULE_MISSING_DATE = 8,    /* `from` with no date after it */
    PC_SCHEDULE_BAD_DATE = 9,        /* the `from` date is not a valid YYYY-MM-DD */
    PC_SCHEDULE_TRAILING = 10,       /* text after the `from` date */
    PC_SCHEDULE_TOO_MANY_STEPS = 11, /* more than PC_SCHEDULE_MAX_STEPS steps */
    PC_SCHEDULE_TOO_LONG = 12        /* more than PC_SCHEDULE_MAX_MONTHS months */
} pc_schedule_problem;

/* Where a pattern went wrong: the problem and the word at fault as a byte
 * range of the text (len 0 only for an empty pattern). */
typedef struct pc_schedule_error {
    pc_schedule_problem problem;
    size_t at;
    size_t len;
} pc_schedule_error;

/* Plain words for a problem, to follow the pattern in a message ("is not a
 * step: use cliff Ny, ..."). Static storage, never NULL. */
const char *pc_schedule_problem_text(pc_schedule_problem problem);

/* Parses a pattern. Words are separated by spaces; keywords and the y/m of
 * a cliff are read without regard to case. On success *out holds the steps
 * and *err is {PC_SCHEDULE_OK, 0, 0}; otherwise the result is PC_ERR_SYNTAX
 * (PC_ERR_RANGE for a schedule over the limits), *out is emptied and *err
 * says what and where. */
pc_status pc_schedule_parse(const char *text, pc_schedule *out, pc_schedule_error *err);

/* Whether a schedule fits an award. Values are stable. */
typedef enum pc_schedule_fit {
    PC_SCHEDULE_FITS = 0,
    PC_SCHEDULE_BEFORE_GRANT = 1,   /* the first vest date is before the grant date */
    PC_SCHEDULE_TOO_FEW_SHARES = 2, /* more instalments than shares */
    PC_SCHEDULE_EMPTY_TRANCHE = 3,  /* an instalment would get no share (*tranche says which) */
    PC_SCHEDULE_PAST_CALENDAR = 4   /* the last vest date is after PC_YEAR_MAX */
} pc_schedule_fit;

/* Checks a parsed schedule against an award granted on `grant` with
 * `shares` (> 0) shares. *tranche receives the 1-based tranche at fault
 * (0 when the whole schedule is). */
pc_schedule_fit pc_schedule_check(const pc_schedule *s, pc_date grant, int64_t shares,
                                  int *tranche);

/* Instalment `k` (1-based, 1..instalments) of a schedule that fits: its
 * vest date and its shares. */
void pc_schedule_instalment(const pc_schedule *s, pc_date grant, int64_t shares, int k,
                            pc_date *date, int64_t *tranche_shares);

PC_API_END

#endif
