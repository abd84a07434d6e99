/*
 * Market-condition awards valued from the input set (SPEC section 10): the
 * bridge between the dataset (market_conditions.csv, peers.csv,
 * peer_prices.csv, prices.csv, assumptions.csv) and the Monte Carlo engine
 * (montecarlo.h), which knows nothing of files.
 *
 * At a valuation date before the performance end the tranche is simulated
 * (method monte_carlo): each company's total-return index (dividends
 * reinvested at the ex-date close, as for the company's TSR) gives the TSR
 * achieved so far and the known days of the averaging windows; the
 * volatilities, correlations and dividend yields are estimated over the
 * lookback; the risk-free rate is assumptions.csv's. On or after the end the
 * payout is known from the prices (method market_outcome) and the value is
 * payout x the close at the date.
 */
#ifndef PAYCALC_MC_VALUE_H
#define PAYCALC_MC_VALUE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* The market_conditions.csv row of award `award` (indexed dataset), or NULL. */
const pc_market_condition *pc_mc_condition_of(const pc_dataset *ds, size_t award);

/* Values tranche `tranche` of a market-condition award at `date` per target
 * share: sets out->method, per_share and the Monte Carlo fields of
 * out->inputs (paths, seed, standard_error, ci95, expected_payout); when
 * `report` is not NULL the per-company detail (volatilities, correlations,
 * TSR so far) is added to report->market_details and out->inputs.detail
 * points at it, and a repaired correlation matrix is a warning there.
 * Missing prices or rates are errors in `diags` at the market_conditions.csv
 * row: PC_ERR_MISSING. PC_ERR_NOMEM. */
pc_status pc_mc_value_tranche(const pc_dataset *ds, const pc_market_condition *mc, size_t tranche,
                              pc_date date, pc_valuation *out, pc_report *report, pc_diags *diags);

PC_API_END

#endif
