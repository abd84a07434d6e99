/*
 * One published cell, one finding (SPEC section 8). A published figure
 * that fails several checks for the same cause (a misfooted SCT total that
 * also mismatches the computation and the PvP) is reported once, with the
 * names of the other checks in `related`.
 *
 * Two passes over the findings:
 *  1. Findings on the same cell (table, year, subject, item) become one:
 *     the first error (else the first finding) is kept, the others'
 *     checks go into its `related`.
 *  2. A check between two published cells (the PvP figure against the SCT,
 *     the reconciliation against the PvP) is attributed to the cell that
 *     is wrong: when its own cell failed nothing else and the other cell
 *     did, it joins the other cell's finding. When neither cell failed
 *     anything else, there is no telling which side slipped, and the
 *     finding stays where it was found.
 * The order of the findings that remain is kept. Sorting keys makes it
 * O(n log n).
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/verify.h"

typedef struct cell_ref {
    pc_reported_table table;
    int year;
    const char *subject;
    const char *item;
    size_t finding; /* index of the finding */
} cell_ref;

static int compare_cell(const void *pa, const void *pb)
{
    const cell_ref *a = pa, *b = pb;
    if (a->table != b->table)
        return a->table < b->table ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    int c = strcmp(a->subject, b->subject);
    if (!c)
        c = strcmp(a->item, b->item);
    if (!c)
        c = (a->finding > b->finding) - (a->finding < b->finding);
    return c;
}

static bool same_cell(const cell_ref *a, const cell_ref *b)
{
    return a->table == b->table && a->year == b->year && !strcmp(a->subject, b->subject) &&
           !strcmp(a->item, b->item);
}

/* The first finding kept on a cell, or -1 (binary search over the sorted
 * cells; `keep` maps a finding to the finding it joined). */
static long kept_on(const cell_ref *cells, size_t n, const size_t *keep, pc_reported_table table,
                    int year, const char *subject, const char *item)
{
    cell_ref key = {table, year, subject, item, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_cell(&cells[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && same_cell(&cells[lo], &key))
        return (long)keep[cells[lo].finding];
    return -1;
}

static pc_status add_related(pc_finding *into, const char *check)
{
    for (size_t i = 0; i < into->related.count; i++)
        if (!strcmp(into->related.items[i], check))
            return PC_OK;
    if (!strcmp(into->check, check))
        return PC_OK;
    char **slot = PC_ARRAY_PUSH(&into->related);
    if (!slot)
        return PC_ERR_NOMEM;
    *slot = pc_strdup(check);
    return *slot ? PC_OK : PC_ERR_NOMEM;
}

/* Moves finding `from` into finding `into` (its check, its related, and
 * its note when `into` has none). */
static pc_status join(pc_finding *into, pc_finding *from)
{
    pc_status st = add_related(into, from->check);
    for (size_t i = 0; i < from->related.count && st == PC_OK; i++)
        st = add_related(into, from->related.items[i]);
    if (st == PC_OK && !into->note) {
        into->note = from->note;
        from->note = NULL;
    }
    return st;
}

/* Pass 1: per cell, the finding kept (first error, else first). */
static void choose_kept(const pc_checks *checks, const cell_ref *cells, size_t n, size_t *keep)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, kept = cells[i].finding;
        while (j < n && same_cell(&cells[j], &cells[i])) {
            size_t f = cells[j].finding;
            if (checks->findings.items[kept].severity != PC_CHECK_ERROR &&
                checks->findings.items[f].severity == PC_CHECK_ERROR)
                kept = f;
            j++;
        }
        for (size_t k = i; k < j; k++)
            keep[cells[k].finding] = kept;
        i = j;
    }
}

/* Pass 2: a check between two cells joins the other cell's finding when it
 * is alone on its own cell. */
static void attribute_relations(const pc_checks *checks, const cell_ref *cells, size_t n,
                                size_t *keep, const size_t *on_cell)
{
    for (size_t f = 0; f < n; f++) {
        const pc_finding *x = &checks->findings.items[f];
        if (!x->other_subject || !x->other_item || on_cell[f] > 1)
            continue;
        long other =
            kept_on(cells, n, keep, x->other_table, x->year, x->other_subject, x->other_item);
        if (other < 0 || (size_t)other == f)
            continue;
        /* The other cell failed a check of its own, not only one between
         * cells like this one. */
        if (on_cell[other] > 1 || !checks->findings.items[other].other_subject)
            keep[f] = (size_t)other;
    }
}

pc_status pc_verify_relate(pc_checks *checks)
{
    if (!checks)
        return PC_ERR_USAGE;
    size_t n = checks->findings.count;
    cell_ref *cells = malloc((n ? n : 1) * sizeof *cells);
    size_t *keep = malloc((n ? n : 1) * sizeof *keep),
           *on_cell = calloc(n ? n : 1, sizeof *on_cell);
    pc_status st = PC_ERR_NOMEM;
    if (!cells || !keep || !on_cell)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const pc_finding *f = &checks->findings.items[i];
        cells[i] = (cell_ref){f->table, f->year, f->subject, f->item, i};
    }
    qsort(cells, n, sizeof *cells, compare_cell);
    choose_kept(checks, cells, n, keep);
    for (size_t i = 0; i < n; i++)
        on_cell[keep[i]]++;
    for (size_t i = 0; i < n; i++)
        on_cell[i] = on_cell[keep[i]];
    attribute_relations(checks, cells, n, keep, on_cell);
    /* A finding may have joined one that itself joined another: follow. */
    for (size_t i = 0; i < n; i++)
        while (keep[keep[i]] != keep[i])
            keep[i] = keep[keep[i]];
    st = PC_OK;
    for (size_t i = 0; i < n && st == PC_OK; i++)
        if (keep[i] != i)
            st = join(&checks->findings.items[keep[i]], &checks->findings.items[i]);
    if (st)
        goto done;
    size_t k = 0;
    checks->errors = checks->rounding = 0;
    for (size_t i = 0; i < n; i++) {
        pc_finding *f = &checks->findings.items[i];
        if (keep[i] != i) {
            pc_finding_fini(f);
            continue;
        }
        if (f->severity == PC_CHECK_ERROR)
            checks->errors++;
        else
            checks->rounding++;
        checks->findings.items[k++] = *f;
    }
    checks->findings.count = k;
done:
    free(cells);
    free(keep);
    free(on_cell);
    return st;
}
