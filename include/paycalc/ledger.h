/*
 * Facts of the award ledger and the roles, read the same way by every stage
 * after the readers (the engine, the equity tables, the workbook): who is
 * listed in what order, who holds which role in a covered year, and what
 * state a tranche is in at a date (SPEC section 7).
 */
#ifndef PAYCALC_LEDGER_H
#define PAYCALC_LEDGER_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/status.h"

/* People who hold a role in a covered year, in table order: those who are
 * PEO in any covered year first, then the others, each group in order of
 * first appearance in roles.csv. Returns a malloc'ed array of person indexes
 * and its length in *count (NULL with *count 0 when there are no roles or
 * memory ran out). */
size_t *pc_ledger_people_order(const pc_dataset *ds, size_t *count);

/* The role of each person in each covered year, for lookups in loops (a
 * scan of roles.csv per lookup would be quadratic). */
typedef struct pc_ledger_roles {
    int nyears;
    size_t npeople;
    int *role_of; /* [person * nyears + year_index]: -1 none, else the roles.csv index */
} pc_ledger_roles;

/* Builds the index; PC_ERR_NOMEM leaves `index` empty (safe to fini). */
pc_status pc_ledger_roles_build(const pc_dataset *ds, pc_ledger_roles *index);
void pc_ledger_roles_fini(pc_ledger_roles *index);
/* The roles.csv index of (person, year), or -1. */
int pc_ledger_roles_get(const pc_ledger_roles *index, const pc_dataset *ds, size_t person,
                        int year);

/* The date a tranche vested (status `vested`: its status date, else its
 * vest date), or PC_DATE_NONE. */
pc_date pc_tranche_vested_on(const pc_tranche *t);
/* The date compensation actually paid takes a tranche as vested (SPEC
 * section 13): the date it vested, or, earlier, the date a `continue`
 * separation left it with no condition but the passage of time (C&DI
 * 128D.18); PC_DATE_NONE when neither. Retirement eligibility is the CAP
 * step's own rule (it needs the holder and the covered years). */
pc_date pc_tranche_cap_vested_on(const pc_tranche *t);
/* The date an option or SAR expires, as known at date `at`: its
 * expiration_date, or, earlier, the end of the exercise window after its
 * holder's separation once the separation has happened by `at` (SPEC
 * section 13, separations.csv exercise_window). An award expired on a date
 * is no longer outstanding after it. */
pc_date pc_award_expires_on(const pc_award *a, pc_date at);
/* modifications.csv (ASC 718-20-35-3): the award's modification when it
 * took place on or before `at`, else NULL. Borrowed from the dataset. */
const pc_modification *pc_award_modified_by(const pc_dataset *ds, const pc_award *a, pc_date at);
/* The terms in force on `at`: the modification's exercise price or shares
 * from its date on, the original ones before. The value "immediately before
 * the modification" asks for the terms of the day before its date. */
int64_t pc_award_exercise_price_at(const pc_dataset *ds, const pc_award *a, pc_date at);
int64_t pc_tranche_shares_at(const pc_dataset *ds, const pc_tranche *t, pc_date at);
/* Whether the award's modification (on or before `at`) changed this
 * tranche: options and SARs not forfeited and not expired by the date,
 * vested or not (a repricing reprices the vested options too); stock
 * unvested just before the date (shares already delivered are the
 * holder's). */
bool pc_tranche_modified(const pc_dataset *ds, const pc_tranche *t, pc_date at);
/* The date a tranche was forfeited, or PC_DATE_NONE. */
pc_date pc_tranche_forfeited_on(const pc_tranche *t);
/* SPEC section 7's "unvested at a date x": granted on or before x, and
 * neither vested nor forfeited on or before x (PC_DATE_NONE: never). The
 * one rule; the callers differ only in the dates they take as vested. */
bool pc_unvested_at(pc_date granted, pc_date vested, pc_date forfeited, pc_date x);
/* The same for a tranche as the ledger records it. */
bool pc_tranche_unvested_at(const pc_dataset *ds, const pc_tranche *t, pc_date x);

PC_API_END

#endif
