/*
 * The engine's entry point and the helpers its steps share: the order of
 * people in the tables, the role of a person in a year, tranche states.
 */
#include "paycalc/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

size_t *pc_engine_people_order(const pc_dataset *ds, size_t *count)
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
        if (role->person >= np)
            continue;
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

pc_status pc_role_index_build(const pc_dataset *ds, pc_role_index *index)
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
        if (y < 0 || role->person >= index->npeople)
            continue;
        index->role_of[role->person * (size_t)index->nyears + (size_t)y] = (int)r;
    }
    return PC_OK;
}

void pc_role_index_fini(pc_role_index *index)
{
    free(index->role_of);
    index->role_of = NULL;
}

int pc_role_index_get(const pc_role_index *index, const pc_dataset *ds, size_t person, int year)
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

pc_date pc_tranche_forfeited_on(const pc_tranche *t)
{
    return t->status == PC_TRANCHE_FORFEITED ? t->status_date : PC_DATE_NONE;
}

bool pc_tranche_unvested_at(const pc_dataset *ds, const pc_tranche *t, pc_date x)
{
    const pc_award *a = &ds->awards.items[t->award];
    if (a->grant_date > x)
        return false;
    pc_date v = pc_tranche_vested_on(t), f = pc_tranche_forfeited_on(t);
    if (v != PC_DATE_NONE && v <= x)
        return false;
    if (f != PC_DATE_NONE && f <= x)
        return false;
    return true;
}

char *pc_source_line(const pc_dataset *ds, pc_file file, int line, char *buf, size_t size)
{
    (void)ds;
    snprintf(buf, size, "%s:%d", pc_file_name(file), line);
    return buf;
}

pc_status pc_engine_run(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t errors_before = diags->errors;
    pc_status st = pc_engine_sct(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    if (st == PC_OK)
        st = pc_engine_cap(ds, report, diags);
    if (st == PC_ERR_NOMEM)
        return st;
    pc_status tsr = pc_engine_tsr(ds, report, diags);
    if (tsr == PC_ERR_NOMEM)
        return tsr;
    if (st == PC_OK)
        st = tsr;
    if (st == PC_OK && diags->errors > errors_before)
        st = PC_ERR_INPUT;
    return st;
}
