/*
 * Exchange rates (SPEC section 4): which rate converts an amount, and the
 * conversion itself (R1, in money.h).
 */
#ifndef PAYCALC_FX_H
#define PAYCALC_FX_H

#include "paycalc/model.h"
#include "paycalc/report.h"

/* The annual_average rate of `currency` for fiscal year `year`: the fx.csv
 * fiscal-year row if there is one, otherwise the mean of the daily
 * observations inside the fiscal year rounded to 4 decimals. Fills `out`
 * (its `source` is allocated: free it, or hand it to a report).
 * PC_ERR_MISSING when there is no rate. */
pc_status pc_fx_annual_average(const pc_dataset *ds, const char *currency, int year,
                               pc_rate_used *out);

/* The daily observation of `currency` on or before `date`, at most 10 days
 * before it. PC_ERR_MISSING when there is none. */
pc_status pc_fx_daily(const pc_dataset *ds, const char *currency, pc_date date,
                      pc_rate_used *out);

#endif
