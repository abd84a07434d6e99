/*
 * Exchange rates (SPEC section 4): which rate converts an amount, and the
 * conversion itself (R1, in money.h).
 */
#ifndef PAYCALC_FX_H
#define PAYCALC_FX_H

#include "paycalc/api.h"
PC_API_BEGIN

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
pc_status pc_fx_daily(const pc_dataset *ds, const char *currency, pc_date date, pc_rate_used *out);

/* The rate that converts cash row `cash` under the configured fx_method
 * (annual_average: the fiscal year's average; payment_date: the rate of its
 * pay_date; year_end: the rate at its fiscal year end). PC_ERR_MISSING when
 * there is none. `out->source` is allocated. */
pc_status pc_fx_rate_for_cash(const pc_dataset *ds, const pc_cash *cash, pc_rate_used *out);

/* The method's name as paycalc.json spells it ("annual_average"). */
const char *pc_fx_method_name(pc_fx_method method);

PC_API_END

#endif
