/*
 * Fair value of award tranches at a date (SPEC section 5).
 *
 * Three things are kept apart, as QuantLib separates instrument, pricing
 * engine and market data: the award's terms (pc_award, pc_tranche in the
 * dataset), the dated market inputs (prices, assumptions, outcomes, supplied
 * values: the lookups below) and the result, a pc_valuation that carries the
 * inputs it used and its intermediates. Valuing a tranche at several dates is
 * several calls.
 */
#ifndef PAYCALC_VALUE_H
#define PAYCALC_VALUE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>

#include "paycalc/market.h"
#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* Black-Scholes-Merton inputs: S and K in dollars, sigma, r and q as
 * fractions (0.85 = 85%), T in years. */
typedef struct pc_bsm_inputs {
    double spot, strike, volatility, rate, yield, term;
} pc_bsm_inputs;

typedef struct pc_bsm_result {
    double value; /* call value per share, dollars */
    double d1, d2;
    double nd1, nd2; /* N(d1), N(d2) */
} pc_bsm_result;

/* The standard normal cumulative distribution, accurate in the tails
 * (relative error near machine precision for x down to -37). */
double pc_norm_cdf(double x);

/* Black-Scholes-Merton call with continuous dividend yield (SPEC section 5),
 * with the limits T = 0 (intrinsic value) and sigma = 0 (discounted
 * intrinsic value). Inputs must be finite, S, K >= 0, sigma, T >= 0. */
pc_bsm_result pc_bsm_call(const pc_bsm_inputs *in);

/* Values tranche `tranche` on `date` for `purpose` (SPEC section 5, R2):
 * supplied value, or the stock price model, or Black-Scholes-Merton; times
 * the probable outcome for performance-condition awards. With purpose
 * PC_PURPOSE_GRANT and a grant_fv_per_share on the award, that value is used
 * (method "supplied"). Fills `out` (year and line are left for the caller).
 * Missing data (no price within 10 days, no assumptions, no outcome for a
 * performance award, no supplied value for a market-condition award) is an
 * error in `diags` naming the tranche and the date, pointing at the
 * awards.csv or vesting.csv line; the result is then PC_ERR_MISSING.
 * A warning (simplified term on an option away from the money, C&DI
 * 128D.21) goes to `report` when it is not NULL. */
pc_status pc_value_tranche(const pc_dataset *ds, size_t tranche, pc_date date, pc_purpose purpose,
                           pc_valuation *out, pc_report *report, pc_diags *diags);

/* Valuations of one input set made before, for datasets that differ from
 * it only in market data dated on or after `before` (price scenarios):
 * a valuation on an earlier date reads nothing later (SPEC sections 5 and
 * 10), so pc_value_tranche returns the one found here, by tranche, date and
 * purpose, as it was (without its warnings, and with no market detail). */
typedef struct pc_valuation_memo {
    pc_date before;
    const pc_valuation *items; /* sorted by tranche, date, purpose; unique */
    size_t count;
} pc_valuation_memo;

/* Orders valuations by tranche, date and purpose (the memo's order). */
int pc_valuation_memo_compare(const void *a, const void *b);

PC_API_END

#endif
