/*
 * The equity award tables of a proxy statement, from the same ledger as the
 * SCT and CAP (SPEC section 12):
 *   - Outstanding Equity Awards at Fiscal Year-End (Item 402(f); 402(p) for a
 *     smaller reporting company),
 *   - Option Exercises and Stock Vested (Item 402(g)),
 *   - Grants of Plan-Based Awards (Item 402(d); not for a smaller reporting
 *     company).
 * One row per person, award and year, for every SCT year and every person
 * with a role in that year; an award with nothing to show in a table has no
 * row in it.
 *
 * Units: shares and options as whole numbers; money in cents (exact: shares
 * times a closing price or a price difference, rounded to the cent once, R2);
 * prices in micros.
 */
#ifndef PAYCALC_EQUITY_H
#define PAYCALC_EQUITY_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/model.h"
#include "paycalc/status.h"

/* The person totals a proxy's reader (and reported.csv) compares: the item
 * names of SPEC section 12, in this order. */
typedef enum pc_equity_item {
    PC_EQ_OPTIONS_EXERCISABLE = 0,
    PC_EQ_OPTIONS_UNEXERCISABLE,
    PC_EQ_OPTIONS_UNEARNED,
    PC_EQ_STOCK_UNVESTED,
    PC_EQ_STOCK_UNVESTED_VALUE,
    PC_EQ_STOCK_UNEARNED,
    PC_EQ_STOCK_UNEARNED_VALUE,
    PC_EQ_OPTIONS_EXERCISED,
    PC_EQ_EXERCISE_VALUE,
    PC_EQ_STOCK_VESTED,
    PC_EQ_VESTING_VALUE,
    PC_EQ_THRESHOLD_SHARES,
    PC_EQ_TARGET_SHARES,
    PC_EQ_MAXIMUM_SHARES,
    PC_EQ_OTHER_STOCK_SHARES,
    PC_EQ_OTHER_OPTION_SHARES,
    PC_EQ_GRANT_DATE_FAIR_VALUE,
    PC_EQ_NITEMS
} pc_equity_item;

/* What a figure of the tables is made of (the workbook's Equity Award
 * Detail, SPEC section 9: each disclosure figure links to its support). */
typedef enum pc_equity_basis {
    PC_EQ_BASIS_TRANCHE = 0, /* index: a tranche, vested or unvested at the date */
    PC_EQ_BASIS_EXERCISE,    /* index: an exercise */
    PC_EQ_BASIS_YEAR_END,    /* index: the award; its shares counted x the year-end close */
    PC_EQ_BASIS_GRANT,       /* index: the award; its terms on the grant date */
    PC_EQ_BASIS_VALUATION,   /* index: a grant-date valuation (report->valuations) */
} pc_equity_basis;

/* One step behind a figure: a tranche, an exercise, a year-end value, an
 * award's terms or a valuation, with the numbers it adds. The steps of a
 * table row are steps.items[first_step .. first_step + nsteps), ordered by
 * item (pc_equity_item order), then as the row met them, so each figure's
 * steps are one run; a _value item of the Outstanding table follows the
 * shares it values. Only the rows of the last covered year (the year the
 * workbook's equity sheets show) keep their steps; the rows of earlier
 * years have nsteps 0. */
typedef struct pc_equity_step {
    pc_equity_item item; /* the figure it adds to */
    pc_equity_basis basis;
    size_t index;     /* per basis (above) */
    pc_date date;     /* vest, exercise, fiscal year end or grant date */
    int64_t shares;   /* as the input gives them; an exercise is negative where it
                         takes options out of the exercisable */
    bool has_outcome; /* the shares counted are shares x probable outcome */
    int64_t outcome_micro;
    int outcome_line;    /* its outcomes.csv line */
    int64_t counted;     /* shares counted (YEAR_END: the run of shares it values) */
    int64_t price_micro; /* the close that values it, or 0 */
    pc_date price_date;
    int price_line; /* its prices.csv line */
    int64_t value;  /* cents: what it adds to a value figure, or 0 */
} pc_equity_step;

/* Outstanding Equity Awards at Fiscal Year-End: one award held at the end of
 * `year`. Option columns are 0 for stock and stock columns 0 for options. */
typedef struct pc_oea_row {
    int year;
    size_t person; /* index into people */
    size_t award;  /* index into awards */
    /* (b) vested, not exercised, not expired */
    int64_t options_exercisable;
    /* (c) unvested, service condition */
    int64_t options_unexercisable;
    /* (d) unvested, performance or market condition: target x probable outcome */
    int64_t options_unearned;
    int64_t exercise_price_micro; /* (e) options and SARs; 0 for stock */
    pc_date expiration_date;      /* (f) options and SARs; PC_DATE_NONE for stock */
    int64_t stock_unvested;       /* (g) unvested stock, service condition */
    int64_t stock_unvested_value; /* (h) cents: (g) x the fiscal-year-end close */
    int64_t stock_unearned;       /* (i) unvested stock, performance or market condition */
    int64_t stock_unearned_value; /* (j) cents: (i) x the fiscal-year-end close */
    pc_date close_date;           /* the trading day whose close values (h) and (j) */
    int64_t close_micro;          /* that close; 0 when no stock column needs it */
    size_t first_step, nsteps;    /* its steps (pc_equity_step) */
} pc_oea_row;

/* Option Exercises and Stock Vested: what one award delivered in `year`. */
typedef struct pc_oesv_row {
    int year;
    size_t person;
    size_t award;
    int64_t options_exercised; /* shares acquired on exercise in the year */
    int64_t exercise_value;    /* cents: sum of shares x (close on the exercise date - price) */
    int64_t stock_vested;      /* shares acquired on vesting in the year */
    int64_t vesting_value;     /* cents: sum of shares x close on the vest date */
    size_t first_step, nsteps;
} pc_oesv_row;

/* Grants of Plan-Based Awards: one award granted in `year`. */
typedef struct pc_gpba_row {
    int year;
    size_t person;
    size_t award;
    pc_date grant_date;
    bool incentive_plan;           /* performance or market condition: columns (f)-(h) */
    bool has_threshold;            /* awards.csv threshold_shares given */
    int64_t threshold_shares;      /* (f) */
    int64_t target_shares;         /* (g): the award's shares */
    bool has_maximum;              /* awards.csv maximum_shares given */
    int64_t maximum_shares;        /* (h) */
    int64_t other_stock_shares;    /* (i) service-condition stock */
    int64_t other_option_shares;   /* (j) service-condition options and SARs */
    int64_t exercise_price_micro;  /* (k) options and SARs; 0 for stock */
    int64_t grant_date_fair_value; /* (l) cents: the award's SCT value (R2 sum) */
    size_t first_step, nsteps;
} pc_gpba_row;

/* Grants of Plan-Based Awards, a non-equity incentive plan award
 * (plan_targets.csv): its estimated possible payouts, columns (c)-(e) of
 * Item 402(d)(2)(iii), in US dollars converted as cash is (SPEC section 4,
 * R1: each amount at the rate of its currency and year, or of its grant
 * date under payment_date). */
typedef struct pc_nonequity_row {
    int year;
    size_t person;
    size_t target;         /* index into the dataset's plan_targets */
    int64_t threshold;     /* (c) cents; 0 when has_threshold is false */
    int64_t target_payout; /* (d) cents */
    int64_t maximum;       /* (e) cents; 0 when has_maximum is false */
    int64_t per_usd_micro; /* the rate used; PC_MICRO for US dollars */
} pc_nonequity_row;

/* The three tables; each list in year order, then people in SCT order, then
 * awards in grant-date order (awards.csv order among equal dates). */
typedef struct pc_equity_tables {
    PC_ARRAY(pc_oea_row) oea;
    PC_ARRAY(pc_oesv_row) oesv;
    PC_ARRAY(pc_gpba_row) gpba; /* empty for a smaller reporting company */
    /* Grants of Plan-Based Awards' non-equity incentive plan awards, in the
     * same order (year, SCT people, then plan_targets.csv order); empty
     * for a smaller reporting company (pc_engine_plan_targets). */
    PC_ARRAY(pc_nonequity_row) nonequity;
    PC_ARRAY(pc_equity_step) steps; /* what the rows' figures are made of */
} pc_equity_tables;

void pc_equity_tables_init(pc_equity_tables *tables);
void pc_equity_tables_fini(pc_equity_tables *tables);

/* The key of an item ("options_unearned"), as report.json and reported.csv
 * spell it. */
const char *pc_equity_item_key(pc_equity_item item);
/* The item of a key, or PC_EQ_NITEMS when there is none. */
pc_equity_item pc_equity_item_of(const char *key);
/* The reported.csv table an item belongs to: PC_REPORTED_OEA, _OESV or
 * _GPBA; -1 for PC_EQ_NITEMS. */
int pc_equity_item_table(pc_equity_item item);
/* True when the item is money (cents), false for a number of shares. */
bool pc_equity_item_is_money(pc_equity_item item);

/* Every person's totals of every item for each year, summed over the rows
 * of the three tables (money in cents, shares whole): built once by sorting
 * the rows (n log n), then each lookup a binary search, so checking every
 * figure of a long reported.csv never rescans the tables. */
typedef struct pc_equity_total {
    size_t person;
    int year;
    bool has_rows[3]; /* rows in oea, oesv, gpba that year */
    bool overflow;    /* a total passed the exact money type: no figure */
    int64_t item[PC_EQ_NITEMS];
} pc_equity_total;

typedef struct pc_equity_totals {
    pc_equity_total *items; /* by person, then year */
    size_t count;
} pc_equity_totals;

/* PC_ERR_NOMEM when memory runs out (`totals` is then empty). */
pc_status pc_equity_totals_build(const pc_equity_tables *tables, pc_equity_totals *totals);
void pc_equity_totals_fini(pc_equity_totals *totals);

/* A person's total of one item for a year, over the rows of the table the
 * item belongs to (oea, oesv or gpba). `found` says whether the person has
 * any row in that table that year; `overflow` (may be NULL) whether the
 * total passed the exact money type (the result is then 0). */
int64_t pc_equity_person_total(const pc_equity_totals *totals, int year, size_t person,
                               pc_equity_item item, bool *found, bool *overflow);

/* One person's Option Exercises and Stock Vested figures for `year` (Item
 * 402(g): one row per executive), summed over their awards: the rows of
 * `year` from tables->oesv.items[*i] on while they are the same person's
 * (pc_equity_tables_compute appends a person's rows together), skipping
 * rows of other years. `sum` gets the person, the year and the four
 * totals (award and steps are the first row's); *i moves past the run.
 * PC_ERR_OVERFLOW when a total passes the exact money type. */
pc_status pc_equity_oesv_person(const pc_equity_tables *tables, size_t *i, int year,
                                pc_oesv_row *sum);

struct pc_report;

/* Computes the three tables for every SCT year of an indexed dataset, after
 * the SCT step (the grant-date fair values of Grants of Plan-Based Awards are
 * the SCT's award values, the grant-date valuations that
 * report->grant_valuations lists). Appends to
 * `tables`, which must be initialised.
 *
 * Input errors go to `diags` with their file, line and column, and the
 * result is PC_ERR_INPUT: an exercise of more options than are vested and
 * unexercised on its date (or after the award expired), a missing closing
 * price at a date a value needs, a performance award with no probable
 * outcome at a fiscal year end. PC_ERR_NOMEM when memory runs out. */
pc_status pc_equity_tables_compute(const pc_dataset *ds, const struct pc_report *report,
                                   pc_equity_tables *tables, pc_diags *diags);

/* The Outstanding Equity Awards rows of `people` (person indexes) at the end
 * of fiscal `year`, by the rules of pc_equity_tables_compute, into `tables`
 * (initialised; only its oea rows and their steps are added). For the
 * directors' footnote of Item 402(k) (Instruction to paragraphs (k)(2)(iii)
 * and (iv)), whose holders are in no SCT. Same errors. */
pc_status pc_equity_oea_people(const pc_dataset *ds, const struct pc_report *report,
                               const size_t *people, size_t npeople, int year,
                               pc_equity_tables *tables, pc_diags *diags);
PC_API_END

#endif
