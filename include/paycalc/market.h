/*
 * The dated market inputs of the input set, looked up "at" a date the way
 * SPEC section 2 defines it for prices.csv, assumptions.csv, outcomes.csv
 * and fair_values.csv (calc/model/market.c). Every lookup is a binary
 * search over the arrays pc_dataset_index sorted.
 */
#ifndef PAYCALC_MARKET_H
#define PAYCALC_MARKET_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/model.h"

/* How far back a price or rate may be taken from (calendar days). */
#define PC_STALE_DAYS 10

/* The one staleness rule of every price and rate at a date (SPEC section 2):
 * an observation of `have` stands for the date `wanted` when it is at most
 * PC_STALE_DAYS calendar days before it. */
static inline bool pc_market_stale(pc_date wanted, pc_date have)
{
    return (int64_t)wanted - have > PC_STALE_DAYS;
}

/* Item 201(e)'s reinvestment, the one rule behind the company's TSR, each
 * peer's and the Monte Carlo's total-return index: a dividend buys shares at
 * its ex-date close, so `units` held become units x (1 + dividend / close).
 * Dividend and close in the same unit. */
static inline double pc_market_reinvest(double units, double dividend, double close)
{
    return units * (1.0 + dividend / close);
}

/* Market data lookups over an indexed dataset (each a binary search). */

/* The index of the first price dated after `date` in ds->prices (sorted by
 * date): the trading days after a date start there. */
size_t pc_market_prices_after(const pc_dataset *ds, pc_date date);

/* The price at `date`: the close on that date or on the last trading day
 * before it, at most PC_STALE_DAYS before. NULL when there is none. */
const pc_price *pc_market_price_at(const pc_dataset *ds, pc_date date);

/* The assumptions row with the latest date on or before `date`, or NULL. */
const pc_assumption *pc_market_assumptions_at(const pc_dataset *ds, pc_date date);

/* The probable outcome of a tranche at `date`: the latest assessment on or
 * before it; on the same date a row for the tranche beats a row for the
 * whole award. NULL when there is none. */
const pc_outcome *pc_market_outcome_at(const pc_dataset *ds, size_t tranche, pc_date date);

/* A supplied fair value for the tranche on `date` or, when `date` is not a
 * trading day, on the trading day whose close pc_market_price_at uses for
 * it (SPEC section 5); a tranche row beats an award row, and a row on
 * `date` itself beats one on that trading day. NULL when there is none. */
const pc_supplied_fv *pc_market_supplied_at(const pc_dataset *ds, size_t tranche, pc_date date);

/* The rows of `ticker` in peer_prices.csv (sorted by ticker, then date):
 * ds->peer_prices.items[*first, *end), empty when there are none. */
void pc_market_peer_rows(const pc_dataset *ds, const char *ticker, size_t *first, size_t *end);

PC_API_END

#endif
