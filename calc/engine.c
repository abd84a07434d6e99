/*
 * The engine's entry point and the helpers its steps share: the order of
 * people in the tables, the role of a person in a year, tranche states.
 */
#include "paycalc/engine.h"

#include <stdarg.h>
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

pc_status pc_engine_warn(pc_report *report, pc_diags *diags, const pc_dataset *ds, pc_file file,
                         int line, const char *code, const char *fmt, ...)
{
    char text[1024], source[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    const char *src = NULL;
    if (file < PC_FILE_COUNT && line > 0)
        src = pc_source_line(ds, file, line, source, sizeof source);
    pc_status st = pc_report_warn(report, code, src, "%s", text);
    if (st)
        return st;
    return pc_warning(diags, file < PC_FILE_COUNT ? pc_dataset_path(ds, file) : NULL, line, 0, code,
                      "%s", text);
}

typedef struct warning_ref {
    const pc_warning_entry *w;
    size_t index;
} warning_ref;

static int compare_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int compare_warning(const void *pa, const void *pb)
{
    const warning_ref *a = pa, *b = pb;
    int c = compare_text(a->w->code, b->w->code);
    if (!c)
        c = compare_text(a->w->message, b->w->message);
    if (!c)
        c = compare_text(a->w->source, b->w->source);
    if (!c)
        c = (a->index > b->index) - (a->index < b->index);
    return c;
}

void pc_engine_dedupe_warnings(pc_report *report)
{
    size_t n = report->warnings.count;
    if (n < 2)
        return;
    warning_ref *refs = malloc(n * sizeof *refs);
    bool *drop = calloc(n, sizeof *drop);
    if (!refs || !drop) {
        free(refs);
        free(drop);
        return; /* repeated warnings are harmless */
    }
    for (size_t i = 0; i < n; i++)
        refs[i] = (warning_ref){&report->warnings.items[i], i};
    qsort(refs, n, sizeof *refs, compare_warning);
    for (size_t i = 1; i < n; i++) {
        const pc_warning_entry *a = refs[i - 1].w, *b = refs[i].w;
        if (!compare_text(a->code, b->code) && !compare_text(a->message, b->message) &&
            !compare_text(a->source, b->source))
            drop[refs[i].index] = true;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        pc_warning_entry *w = &report->warnings.items[i];
        if (drop[i]) {
            free(w->code);
            free(w->message);
            free(w->source);
        } else {
            report->warnings.items[k++] = *w;
        }
    }
    report->warnings.count = k;
    free(refs);
    free(drop);
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
    pc_engine_dedupe_warnings(report);
    return st;
}
