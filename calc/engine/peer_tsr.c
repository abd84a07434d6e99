/*
 * Peer group TSR for the PvP table (SPEC section 11; Item 402(v)(2)(iv) by
 * the method of Item 201(e)), for the years performance.csv gives none when
 * paycalc.json names a `peer_group`: over the company's TSR base date, each
 * peer's $1 with dividends reinvested at the ex-date close, weighted by its
 * market_cap at the start of the period (equal weights, with a warning, only
 * when every market_cap is blank), as the value of $100, rounded to cents
 * (R6). A set with one ticker is a published index and takes no weights.
 */
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/market.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

/* The growth of $1 from the close on or before `base` to the close on or
 * before `end` (each within PC_STALE_DAYS), dividends reinvested; false when
 * a close is missing. */
static bool growth(const pc_dataset *ds, const char *ticker, pc_date base, pc_date end, double *out)
{
    size_t first, stop;
    pc_market_peer_rows(ds, ticker, &first, &stop);
    const pc_peer_price *b = NULL, *e = NULL;
    double units = 1.0;
    for (size_t i = first; i < stop && ds->peer_prices.items[i].date <= end; i++) {
        const pc_peer_price *p = &ds->peer_prices.items[i];
        if (p->date <= base) {
            b = p;
        } else if (b && p->dividend_micro > 0) {
            units = pc_market_reinvest(units, (double)p->dividend_micro, (double)p->close_micro);
        }
        e = p;
    }
    *out = 0;
    if (!b || !e || pc_market_stale(base, b->date) || pc_market_stale(end, e->date))
        return false;
    *out = units * (double)e->close_micro / (double)b->close_micro;
    return true;
}

/* The weighted value of $100 of the set at `end`. */
static pc_status set_value(const pc_dataset *ds, pc_report *report, pc_diags *diags, pc_date base,
                           pc_date end, int64_t *cents)
{
    const char *set = ds->config.peer_group;
    double total = 0, weights = 0;
    size_t members = 0, capped = 0;
    for (size_t i = 0; i < ds->peers.count; i++)
        if (strcmp(ds->peers.items[i].set, set) == 0) {
            members++;
            capped += ds->peers.items[i].has_market_cap;
        }
    for (size_t i = 0; i < ds->peers.count; i++) {
        const pc_peer *p = &ds->peers.items[i];
        if (strcmp(p->set, set) != 0)
            continue;
        char d1[11], d2[11];
        if (members > 1 && capped > 0 && !p->has_market_cap)
            return pc_error(diags, pc_dataset_path(ds, PC_FILE_PEERS), p->line, 3, "missing_value",
                            "market_cap: '%s' has none, but other peers of set '%s' have one: "
                            "the peer group TSR weights every peer by its market cap",
                            p->ticker, set) == PC_ERR_NOMEM
                       ? PC_ERR_NOMEM
                       : PC_ERR_INPUT;
        double g;
        if (!growth(ds, p->ticker, base, end, &g))
            return pc_error(diags, pc_dataset_path(ds, PC_FILE_PEER_PRICES), 0, 0, "missing_price",
                            "the peer group TSR needs closes of '%s' on or shortly before %s and "
                            "%s",
                            p->ticker, pc_date_format(base, d1),
                            pc_date_format(end, d2)) == PC_ERR_NOMEM
                       ? PC_ERR_NOMEM
                       : PC_ERR_INPUT;
        double w = members > 1 && capped > 0 ? (double)p->market_cap_cents : 1.0;
        total += w * g;
        weights += w;
    }
    if (members > 1 && capped == 0 &&
        pc_report_warn_at(report, diags, ds, PC_FILE_PEERS, 0, "equal_peer_weights",
                          "no peer of set '%s' has a market_cap: the peer group TSR weights them "
                          "equally",
                          set) == PC_ERR_NOMEM)
        return PC_ERR_NOMEM;
    return pc_money_from_double(100.0 * total / weights, cents) == PC_OK ? PC_OK : PC_ERR_OVERFLOW;
}

pc_status pc_engine_peer_tsr(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    const pc_config *cfg = &ds->config;
    if (!cfg->peer_group || cfg->smaller_reporting_company || !report->tsr.computed)
        return PC_OK;
    pc_status result = PC_OK;
    for (size_t i = 0; i < report->pvp.count; i++) {
        pc_pvp_row *row = &report->pvp.items[i];
        if (row->has_peer_tsr)
            continue;
        pc_date end = pc_fiscal_year_end(cfg->fiscal_year_end, row->year);
        pc_status st = set_value(ds, report, diags, report->tsr.base_date, end, &row->peer_tsr);
        if (st == PC_ERR_NOMEM)
            return st;
        row->has_peer_tsr = st == PC_OK;
        if (st != PC_OK)
            result = PC_ERR_INPUT;
    }
    return result;
}
