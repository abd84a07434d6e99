/*
 * Helpers shared by the engine's modules (sct.c, cap.c, engine.c); not part
 * of the public interface.
 */
#ifndef PAYCALC_ENGINE_INTERNAL_H
#define PAYCALC_ENGINE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/report.h"

/* People who hold a role in a covered year, in table order: those who are
 * PEO in any covered year first, then the others, each group in order of
 * first appearance in roles.csv. Returns a malloc'ed array of person indexes
 * and its length in *count (NULL with *count 0 when there are no roles). */
size_t *pc_engine_people_order(const pc_dataset *ds, size_t *count);

/* The role of a person in a covered year, or NULL (a linear scan would be
 * quadratic: roles are few per year, but use the index below in loops). */
typedef struct pc_role_index {
    int nyears;
    size_t npeople;
    int *role_of; /* [person * nyears + year_index]: -1 none, else the roles.csv index */
} pc_role_index;

pc_status pc_role_index_build(const pc_dataset *ds, pc_role_index *index);
void pc_role_index_fini(pc_role_index *index);
/* The roles.csv index of (person, year), or -1. */
int pc_role_index_get(const pc_role_index *index, const pc_dataset *ds, size_t person, int year);

/* Dates of a tranche's vesting or forfeiture, as SPEC section 7 reads them. */
pc_date pc_tranche_vested_on(const pc_tranche *t);    /* PC_DATE_NONE if not vested */
pc_date pc_tranche_forfeited_on(const pc_tranche *t); /* PC_DATE_NONE if not forfeited */
/* Granted on or before x, and neither vested nor forfeited on or before x. */
bool pc_tranche_unvested_at(const pc_dataset *ds, const pc_tranche *t, pc_date x);

/* A warning of the computation, in both places it belongs: the report's
 * `warnings` (with source "file:line" when line > 0) and the diagnostics.
 * `file` is an input file or PC_FILE_COUNT for none. */
pc_status pc_engine_warn(pc_report *report, pc_diags *diags, const pc_dataset *ds, pc_file file,
                         int line, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Removes repeated warnings (same code, message and source), keeping the
 * first of each: a tranche valued twice on one date warns once. */
void pc_engine_dedupe_warnings(pc_report *report);

/* "vesting.csv:12" for messages (static buffer per call site: pass one). */
char *pc_source_line(const pc_dataset *ds, pc_file file, int line, char *buf, size_t size);

#endif
