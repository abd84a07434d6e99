/*
 * Price scenarios (`paycalc scenarios`): compensation actually paid of the
 * last covered fiscal year at hypothetical year-end stock prices, from the
 * same engine as `run` (calc/scenarios.c).
 *
 * Each scenario is the input set with a different market: the company's
 * prices up to the as-of date (the last date with real prices), then the
 * scenario's close at the fiscal year end; peers and the index held at
 * their last close (or moved by a given change); no dividends after the
 * as-of date; optionally another volatility or risk-free rate from the year
 * end on. The engine (SCT, CAP, TSR; engine.h) runs on that dataset and the
 * last covered year's figures are kept. Nothing of the valuation is done a
 * second time here.
 *
 * Example:
 *     pc_scenario_set *set;
 *     pc_scenario_options opt = pc_scenario_options_default();
 *     if (pc_scenario_set_new(&ds, &opt, &set, &diags) == PC_OK) {
 *         int64_t prices[] = {1000000, 1500000};       // $1.00 and $1.50
 *         pc_scenario *out = calloc(2, sizeof *out);
 *         st = pc_scenario_run_all(set, prices, 2, out, &diags);
 *         ...
 *         pc_scenario_fini(&out[0]); pc_scenario_fini(&out[1]); free(out);
 *     }
 *     pc_scenario_set_free(set);
 */
#ifndef PAYCALC_SCENARIOS_H
#define PAYCALC_SCENARIOS_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* What every scenario of a run shares. */
typedef struct pc_scenario_options {
    pc_date as_of; /* the last date with real prices; PC_DATE_NONE: the last prices.csv row */
    bool has_volatility;
    int64_t volatility_micro; /* replaces the year end's volatility (options and the company's
                                 Monte Carlo volatility) */
    bool has_rate;
    int64_t rate_micro; /* replaces the year end's risk-free rate */
    bool has_peer_change;
    int64_t peer_change_micro; /* every peer's and index's year-end close moves by this
                                  fraction of its last close (150000 = +15%) */
    unsigned threads;          /* scenarios run at once; 0: every core */
    /* pc_scenario_report_compute keeps each scenario's valuations (for
     * scenarios.xlsx's Valuations sheet, which holds each once with the
     * figures that differ by scenario in the scenario's columns) only
     * while the scenarios times the year's valuations stay within this
     * many; 0: PC_SCENARIOS_LIVE_ROWS. */
    size_t live_rows;
} pc_scenario_options;

/* The default bound of live_rows: about 140 MB of kept valuations. */
#define PC_SCENARIOS_LIVE_ROWS 500000

pc_scenario_options pc_scenario_options_default(void);

/* A Monte Carlo (or known-outcome) value of a market-condition tranche at
 * the year end in one scenario. */
typedef struct pc_scenario_market {
    size_t tranche; /* index into dataset tranches */
    pc_method method;
    double per_share;      /* dollars per target share */
    double standard_error; /* of per_share, dollars (0 for a known outcome) */
    int64_t value;         /* cents (R2) */
    size_t paths;
    uint64_t seed;
} pc_scenario_market;

/* A year-end valuation of a tranche at the stock price itself (stock
 * awards without dividend discount): shares x probable outcome x price,
 * what the workbook turns into a formula of the scenario price. */
typedef struct pc_scenario_stock {
    size_t tranche;
    size_t person;
    int line; /* the pc_cap_line it feeds */
    int64_t shares;
    int64_t probable_micro;
    int64_t value; /* cents (R2) */
} pc_scenario_stock;

/* The last covered year's figures at one year-end price. Owned arrays. */
typedef struct pc_scenario {
    int64_t price_micro;
    bool actual;     /* the price is the real year-end close in prices.csv */
    pc_pvp_row pvp;  /* the PvP row (avg_people owned) */
    pc_cap_row *cap; /* the year's reconciliations: PEOs, NEOs, the average */
    size_t ncap;
    pc_scenario_market *market;
    size_t nmarket;
    pc_scenario_stock *stock;
    size_t nstock;
    /* Every valuation of the year that feeds a reconciliation line, in the
     * engine's order (inputs.detail cleared): what scenarios.xlsx shows
     * each line's formula over. */
    pc_valuation *valuations;
    size_t nvaluations;
} pc_scenario;

void pc_scenario_fini(pc_scenario *s); /* accepts NULL */

/* The prepared scenarios of one input set (opaque). */
typedef struct pc_scenario_set pc_scenario_set;

/* Prepares scenarios over `ds` (indexed, as pc_read_input_set leaves it;
 * borrowed, and must outlive the set). PC_ERR_USAGE with a message in
 * `diags` when the as-of date has no price on or before it, or is not
 * before the year after the last covered year ends. */
pc_status pc_scenario_set_new(const pc_dataset *ds, const pc_scenario_options *opt,
                              pc_scenario_set **out, pc_diags *diags);
void pc_scenario_set_free(pc_scenario_set *set);

/* The last covered fiscal year and its end. */
int pc_scenario_year(const pc_scenario_set *set);
pc_date pc_scenario_year_end(const pc_scenario_set *set);
/* The as-of date used and its close (the last real close on or before it). */
pc_date pc_scenario_as_of(const pc_scenario_set *set);
int64_t pc_scenario_as_of_close(const pc_scenario_set *set);
/* The close --price-change starts from: the real year-end close when
 * prices.csv has it by the as-of date, else the as-of close. */
int64_t pc_scenario_base_close(const pc_scenario_set *set);
/* Whether prices.csv has the real year-end close (then *close holds it). */
bool pc_scenario_actual_close(const pc_scenario_set *set, int64_t *close);

/* `price_micro` changed by `change_micro` (-300000 = -30%), rounded half
 * away from zero to the micro. PC_ERR_RANGE unless the result is positive. */
pc_status pc_scenario_price_change(int64_t price_micro, int64_t change_micro, int64_t *out);

/* Runs one scenario. `out` is filled (pc_scenario_fini it) on PC_OK; on
 * PC_ERR_INPUT the engine's errors are in `diags`. */
pc_status pc_scenario_run(const pc_scenario_set *set, int64_t price_micro, pc_scenario *out,
                          pc_diags *diags);

/* Runs `count` scenarios, several at once (options.threads), into out[0..
 * count), which must be zeroed. The results never depend on the number of
 * threads. On an error the diagnostics of the first failing scenario are in
 * `diags`, and every out[i] is still safe to pc_scenario_fini. */
pc_status pc_scenario_run_all(const pc_scenario_set *set, const int64_t *prices_micro, size_t count,
                              pc_scenario *out, pc_diags *diags);

/* The year-end price at which the CAP of PEO slot `peo` (pvp.peo order)
 * equals `target` cents (its SCT total, or 0), by bisection on the engine
 * over 1% to 100 times the base close: the price in micros where CAP
 * first reaches the target coming from the side of the lower bound. *found
 * false when CAP stays on one side of the target over the whole range. */
pc_status pc_scenario_break_even(const pc_scenario_set *set, size_t peo, int64_t target,
                                 bool *found, int64_t *price_micro, pc_diags *diags);

/* The break-even prices of one PEO (pc_scenario_break_even). */
typedef struct pc_break_even {
    size_t person;
    int64_t sct_total;  /* cents */
    bool has_sct_price; /* CAP equals the SCT total at sct_price_micro */
    int64_t sct_price_micro;
    bool has_zero_price; /* CAP is zero at zero_price_micro */
    int64_t zero_price_micro;
} pc_break_even;

/* At most this many scenarios in one run. */
#define PC_SCENARIOS_MAX 1000

/* Everything `paycalc scenarios` shows and writes. */
typedef struct pc_scenario_report {
    int year;
    pc_date year_end;
    pc_date as_of;
    int64_t as_of_close_micro;
    int64_t base_close_micro; /* what --price-change moves */
    bool has_actual;          /* prices.csv has the year-end close by the as-of date */
    int64_t actual_close_micro;
    pc_date price_date;   /* the trading day whose close each scenario sets */
    bool valuations_kept; /* each item's valuations are kept (options.live_rows) */
    pc_scenario_options options;
    bool by_change;        /* the scenarios were given as changes of the base close */
    pc_scenario *items;    /* ascending by price, one per price; owned */
    int64_t *change_micro; /* by_change: the change of each item (the actual close: its own) */
    size_t count;
    pc_break_even peo[PC_MAX_PEOS];
    size_t npeo;
    int64_t search_low_micro, search_high_micro; /* the break-even search range */
} pc_scenario_report;

/* The whole run: prepares the scenarios over `ds`, turns `values` (prices
 * in micros, or with `changes` fractions of the base close in micros) into
 * year-end prices, adds the real year-end close when prices.csv has it,
 * sorts them and drops repeats, runs them, and finds each PEO's break-even
 * prices. PC_ERR_USAGE (message in `diags`) for a bad as-of date, a change
 * that leaves no positive price, or more than PC_SCENARIOS_MAX scenarios;
 * PC_ERR_INPUT for the engine's errors. `out` is pc_scenario_report_fini'd
 * by the caller in every case. */
pc_status pc_scenario_report_compute(const pc_dataset *ds, const pc_scenario_options *opt,
                                     const int64_t *values, size_t count, bool changes,
                                     pc_scenario_report *out, pc_diags *diags);
void pc_scenario_report_fini(pc_scenario_report *r);

PC_API_END

#endif
