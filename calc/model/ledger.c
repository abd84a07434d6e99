/*
 * Facts of the ledger that every later stage reads the same way: the order
 * of people in the tables, the role of a person in a covered year, and the
 * state of a tranche at a date (SPEC section 7: vested on, forfeited on,
 * unvested at).
 */
#include "paycalc/ledger.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>

size_t *pc_ledger_people_order(const pc_dataset *ds, size_t *count)
{
    *count = 0;
    size_t np = ds->people.count;
    if (np == 0 || ds->roles.count == 0)
        return NULL;
    /* first[p]: roles.csv index of the person's first role + 1 (0: none). */
    size_t *first = calloc(np, sizeof *first);
    bool *peo = calloc(np, sizeof *peo);
    size_t *order = malloc(np * sizeof *order);
    if (!first || !peo || !order) {
        free(first);
        free(peo);
        free(order);
        return NULL;
    }
    for (size_t r = 0; r < ds->roles.count; r++) {
        const pc_role *role = &ds->roles.items[r];
        assert(role->person < np); /* the reader resolved every person_id */
        if (!first[role->person])
            first[role->person] = r + 1;
        if (role->role == PC_ROLE_PEO)
            peo[role->person] = true;
    }
    /* Walk roles.csv in order twice: PEOs, then the others. */
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < ds->roles.count; r++) {
            size_t p = ds->roles.items[r].person;
            if (p < np && first[p] == r + 1 && peo[p] == (pass == 0))
                order[n++] = p;
        }
    }
    free(first);
    free(peo);
    *count = n;
    return order;
}

pc_status pc_ledger_roles_build(const pc_dataset *ds, pc_ledger_roles *index)
{
    index->nyears = ds->config.nyears;
    index->npeople = ds->people.count;
    size_t cells = index->npeople * (size_t)(index->nyears > 0 ? index->nyears : 1);
    index->role_of = malloc((cells ? cells : 1) * sizeof *index->role_of);
    if (!index->role_of)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < cells; i++)
        index->role_of[i] = -1;
    for (size_t r = 0; r < ds->roles.count; r++) {
        const pc_role *role = &ds->roles.items[r];
        int y = pc_config_year_index(&ds->config, role->year);
        assert(role->person < index->npeople);
        if (y < 0)
            continue; /* a row of a year outside the covered years */
        index->role_of[role->person * (size_t)index->nyears + (size_t)y] = (int)r;
    }
    return PC_OK;
}

void pc_ledger_roles_fini(pc_ledger_roles *index)
{
    free(index->role_of);
    index->role_of = NULL;
}

int pc_ledger_roles_get(const pc_ledger_roles *index, const pc_dataset *ds, size_t person, int year)
{
    int y = pc_config_year_index(&ds->config, year);
    if (y < 0 || person >= index->npeople)
        return -1;
    return index->role_of[person * (size_t)index->nyears + (size_t)y];
}

pc_date pc_tranche_vested_on(const pc_tranche *t)
{
    if (t->status != PC_TRANCHE_VESTED)
        return PC_DATE_NONE;
    return t->status_date != PC_DATE_NONE ? t->status_date : t->vest_date;
}

pc_date pc_tranche_cap_vested_on(const pc_tranche *t)
{
    pc_date v = pc_tranche_vested_on(t);
    if (t->cap_vested_early && (v == PC_DATE_NONE || t->cap_vested_on < v))
        return t->cap_vested_on;
    return v;
}

pc_date pc_award_expires_on(const pc_award *a, pc_date at)
{
    if (a->has_window_end && a->separated_on <= at && a->window_end < a->expiration_date)
        return a->window_end;
    return a->expiration_date;
}

pc_date pc_tranche_forfeited_on(const pc_tranche *t)
{
    return t->status == PC_TRANCHE_FORFEITED ? t->status_date : PC_DATE_NONE;
}

bool pc_unvested_at(pc_date granted, pc_date vested, pc_date forfeited, pc_date x)
{
    return granted <= x && !(vested != PC_DATE_NONE && vested <= x) &&
           !(forfeited != PC_DATE_NONE && forfeited <= x);
}

bool pc_tranche_unvested_at(const pc_dataset *ds, const pc_tranche *t, pc_date x)
{
    const pc_award *a = &ds->awards.items[t->award];
    return pc_unvested_at(a->grant_date, pc_tranche_vested_on(t), pc_tranche_forfeited_on(t), x);
}

const pc_modification *pc_award_modified_by(const pc_dataset *ds, const pc_award *a, pc_date at)
{
    if (a->modification == 0 || a->modification > ds->modifications.count)
        return NULL;
    const pc_modification *m = &ds->modifications.items[a->modification - 1];
    return m->date <= at ? m : NULL;
}

int64_t pc_award_exercise_price_at(const pc_dataset *ds, const pc_award *a, pc_date at)
{
    const pc_modification *m = pc_award_modified_by(ds, a, at);
    return m && m->has_exercise_price ? m->exercise_price_micro : a->exercise_price_micro;
}

int64_t pc_tranche_shares_at(const pc_dataset *ds, const pc_tranche *t, pc_date at)
{
    const pc_modification *m = pc_award_modified_by(ds, &ds->awards.items[t->award], at);
    return m && m->has_shares ? t->modified_shares : t->shares;
}

bool pc_tranche_modified(const pc_dataset *ds, const pc_tranche *t, pc_date at)
{
    const pc_award *a = &ds->awards.items[t->award];
    const pc_modification *m = pc_award_modified_by(ds, a, at);
    if (!m)
        return false;
    pc_date f = pc_tranche_forfeited_on(t);
    if (f != PC_DATE_NONE && f <= m->date)
        return false;
    if (a->type != PC_AWARD_STOCK)
        return pc_award_expires_on(a, m->date) >= m->date;
    /* Shares delivered before the date are the holder's own. */
    return pc_unvested_at(a->grant_date, pc_tranche_vested_on(t), f, m->date - 1);
}
