/*
 * Company total shareholder return for the PvP table (SPEC section 7; Item
 * 402(v)(2)(iv) by the method of Item 201(e)): $100 invested at the close of
 * the last trading day before the earliest covered year, dividends
 * reinvested at the ex-dividend date's close, valued at each covered fiscal
 * year end, rounded to cents (R6).
 */
#include <math.h>

#include "paycalc/ledger.h"
#include "paycalc/engine.h"
#include "paycalc/market.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

pc_status pc_engine_tsr(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    const pc_config *cfg = &ds->config;
    if (cfg->nyears == 0)
        return PC_OK;
    const char *path = pc_dataset_path(ds, PC_FILE_PRICES);
    char d1[11], d2[11];
    pc_date first_day = pc_fiscal_year_start(cfg->fiscal_year_end, cfg->years[0]);
    /* The last trading day before the first day: the prices of the days
     * before it end where those after the day before it start. */
    long base = (long)pc_market_prices_after(ds, first_day - 1) - 1;
    if (base < 0) {
        pc_error(diags, path, 0, 0, "missing_price",
                 "no closing price before %s: the TSR base is the last trading day before the "
                 "first covered fiscal year",
                 pc_date_format(first_day, d1));
        return PC_ERR_INPUT;
    }
    const pc_price *b = &ds->prices.items[base];
    /* The base is the close of the last fiscal year end before the covered
     * years, or of a trading day at most PC_STALE_DAYS before it: the rule
     * of every other price at a date (pc_market_price_at). */
    pc_date prior_end = first_day - 1;
    if (pc_market_stale(prior_end, b->date)) {
        pc_status st = pc_report_warn_at(
            report, diags, ds, PC_FILE_PRICES, b->line, "stale_tsr_base",
            "the TSR base price is the close of %s, %d days before the fiscal year end %s that "
            "starts the TSR (at most %d days are expected: is a price missing?)",
            pc_date_format(b->date, d1), (int)(prior_end - b->date), pc_date_format(prior_end, d2),
            PC_STALE_DAYS);
        if (st != PC_OK)
            return st;
    }

    pc_tsr *tsr = &report->tsr;
    tsr->base_date = b->date;
    tsr->base_price_micro = b->close_micro;
    tsr->npoints = 0;
    double units = 1.0;
    bool reinvested = false;
    size_t next = (size_t)base + 1;
    pc_status result = PC_OK;
    for (int y = 0; y < cfg->nyears; y++) {
        pc_date end = pc_fiscal_year_end(cfg->fiscal_year_end, cfg->years[y]);
        const pc_price *at = pc_market_price_at(ds, end);
        if (!at) {
            pc_error(diags, path, 0, 0, "missing_price",
                     "no closing price on %s or in the 10 days before it: TSR needs the price "
                     "at the end of fiscal %d",
                     pc_date_format(end, d1), cfg->years[y]);
            result = PC_ERR_INPUT;
            continue;
        }
        /* Reinvest every dividend with an ex-date after the base, up to the
         * year end: units x (1 + dividend / close). */
        for (; next < ds->prices.count && ds->prices.items[next].date <= end; next++) {
            const pc_price *p = &ds->prices.items[next];
            if (p->dividend_micro > 0) {
                units =
                    pc_market_reinvest(units, (double)p->dividend_micro, (double)p->close_micro);
                reinvested = true;
            }
        }
        pc_tsr_point *pt = &tsr->points[tsr->npoints++];
        pt->year = cfg->years[y];
        pt->date = end;
        pt->price_date = at->date;
        pt->price_micro = at->close_micro;
        pt->units = units;
        pc_status st;
        if (!reinvested) {
            /* Exact: 100 x price / base price, in cents. */
            st = pc_mul_div_round(at->close_micro, 10000, b->close_micro, &pt->value);
        } else {
            st = pc_money_from_double(
                100.0 * units * (double)at->close_micro / (double)b->close_micro, &pt->value);
        }
        if (st) {
            pc_error(diags, path, at->line, 0, "overflow", "the TSR for %d is out of range",
                     cfg->years[y]);
            result = PC_ERR_INPUT;
        }
    }
    tsr->computed = result == PC_OK;
    if (result == PC_OK) {
        for (size_t i = 0; i < report->pvp.count; i++)
            for (size_t k = 0; k < tsr->npoints; k++)
                if (report->pvp.items[i].year == tsr->points[k].year)
                    report->pvp.items[i].tsr = tsr->points[k].value;
    }
    return result;
}
