/*
 * Dated market inputs of a valuation: the price, the assumptions, the
 * probable outcome and a supplied fair value "at" a date (SPEC section 2,
 * the prices.csv, assumptions.csv, outcomes.csv and fair_values.csv rules).
 *
 * Every lookup is a binary search over the arrays pc_dataset_index sorted:
 * prices and assumptions by date; outcomes and fair values by award, tranche
 * (0 = every tranche of the award) and date, then file line. Where two rows
 * share the whole key (a duplicate the readers let through), the one further
 * down its file is used, as a later statement of the same thing.
 */
#include "paycalc/market.h"

#include <string.h>

size_t pc_market_prices_after(const pc_dataset *ds, pc_date date)
{
    size_t lo = 0, hi = ds->prices.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->prices.items[mid].date <= date)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const pc_price *pc_market_price_at(const pc_dataset *ds, pc_date date)
{
    size_t after = pc_market_prices_after(ds, date);
    if (after == 0)
        return NULL;
    const pc_price *p = &ds->prices.items[after - 1];
    /* A weekend or holiday takes the last close before it, but a gap longer
     * than PC_STALE_DAYS means the file is missing data, not that the market
     * was shut (SPEC section 2, prices.csv). */
    if (pc_market_stale(date, p->date))
        return NULL;
    return p;
}

const pc_assumption *pc_market_assumptions_at(const pc_dataset *ds, pc_date date)
{
    size_t lo = 0, hi = ds->assumptions.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->assumptions.items[mid].date <= date)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Assumptions are set when the company revises them and stand until the
     * next revision: no staleness limit. */
    return lo ? &ds->assumptions.items[lo - 1] : NULL;
}

/* (award, tranche, date) ordering shared by outcomes and fair values. */
static int compare_key(size_t award, int tranche, pc_date date, size_t key_award, int key_tranche,
                       pc_date key_date)
{
    if (award != key_award)
        return award < key_award ? -1 : 1;
    if (tranche != key_tranche)
        return tranche < key_tranche ? -1 : 1;
    return (date > key_date) - (date < key_date);
}

/* The last outcome row with key <= (award, tranche, date) if it belongs to
 * (award, tranche): the latest assessment on or before `date`. */
static const pc_outcome *latest_outcome(const pc_dataset *ds, size_t award, int tranche,
                                        pc_date date)
{
    size_t lo = 0, hi = ds->outcomes.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const pc_outcome *o = &ds->outcomes.items[mid];
        if (compare_key(o->award, o->tranche, o->date, award, tranche, date) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const pc_outcome *o = &ds->outcomes.items[lo - 1];
    return o->award == award && o->tranche == tranche ? o : NULL;
}

const pc_outcome *pc_market_outcome_at(const pc_dataset *ds, size_t tranche, pc_date date)
{
    if (tranche >= ds->tranches.count)
        return NULL;
    const pc_tranche *t = &ds->tranches.items[tranche];
    const pc_outcome *own = latest_outcome(ds, t->award, t->number, date);
    const pc_outcome *award = latest_outcome(ds, t->award, 0, date);
    if (!own)
        return award;
    if (!award)
        return own;
    /* The latest assessment wins, whichever rows it is in; on the same date
     * the row that names the tranche is the more specific statement. */
    return award->date > own->date ? award : own;
}

/* The supplied value row for exactly (award, tranche, date), or NULL. */
static const pc_supplied_fv *exact_fv(const pc_dataset *ds, size_t award, int tranche, pc_date date)
{
    size_t lo = 0, hi = ds->fair_values.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const pc_supplied_fv *f = &ds->fair_values.items[mid];
        if (compare_key(f->award, f->tranche, f->date, award, tranche, date) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const pc_supplied_fv *f = &ds->fair_values.items[lo - 1];
    return compare_key(f->award, f->tranche, f->date, award, tranche, date) == 0 ? f : NULL;
}

const pc_supplied_fv *pc_market_supplied_at(const pc_dataset *ds, size_t tranche, pc_date date)
{
    if (tranche >= ds->tranches.count)
        return NULL;
    const pc_tranche *t = &ds->tranches.items[tranche];
    /* A value supplied for this tranche beats one for the whole award. */
    const pc_supplied_fv *own = exact_fv(ds, t->award, t->number, date);
    if (!own)
        own = exact_fv(ds, t->award, 0, date);
    if (own)
        return own;
    /* SPEC section 5: on a date that is not a trading day, a value dated on
     * the trading day whose close the price lookup uses (a valuation report
     * dated Friday serves a Saturday year end). Any other date is never
     * carried over. */
    const pc_price *p = pc_market_price_at(ds, date);
    if (!p || p->date == date)
        return NULL;
    own = exact_fv(ds, t->award, t->number, p->date);
    return own ? own : exact_fv(ds, t->award, 0, p->date);
}

void pc_market_peer_rows(const pc_dataset *ds, const char *ticker, size_t *first, size_t *end)
{
    size_t lo = 0, hi = ds->peer_prices.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ds->peer_prices.items[mid].ticker, ticker) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = *end = lo;
    while (*end < ds->peer_prices.count && strcmp(ds->peer_prices.items[*end].ticker, ticker) == 0)
        (*end)++;
}
