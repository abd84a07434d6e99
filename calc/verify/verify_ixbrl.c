/*
 * verify --ixbrl (SPEC sections 8 and 15): the tables built from a
 * document's tags go through every check of section 8, and the tagging
 * issues become findings, each once, each naming the concept, the context
 * id and the displayed text.
 *
 * When the reconciliation comes from tags, its footing and DQC_0177 are one
 * arithmetic: the footing's cap_does_not_foot is not reported beside
 * adjustments_do_not_sum but named in its `related`.
 */
#include "paycalc/verify.h"

#include <stdlib.h>
#include <string.h>

#include "paycalc/ixbrl.h"
#include "paycalc/money.h"
#include "paycalc/text.h"
#include "verify_set.h"

static const char *issue_check(pc_ixbrl_issue_kind kind)
{
    switch (kind) {
    case PC_IXBRL_TAGGED_SIGN:
        return "tagged_sign";
    case PC_IXBRL_PEO_ON_NON_PEO:
        return "peo_fact_on_non_peo";
    case PC_IXBRL_DUPLICATE_DIFFERS:
        return "duplicate_fact_differs";
    case PC_IXBRL_MISSING_FACT:
        return "missing_fact";
    case PC_IXBRL_ADJUSTMENTS_DO_NOT_SUM:
        return "adjustments_do_not_sum";
    case PC_IXBRL_UNMAPPED_MEMBER:
        return "unmapped_adjustment";
    }
    return "?";
}

static pc_status set_source(pc_finding *f, const char *concept, const char *context,
                            const char *displayed)
{
    free(f->concept);
    free(f->context);
    free(f->displayed);
    f->concept = pc_strdup(concept ? concept : "");
    f->context = pc_strdup(context ? context : "");
    f->displayed = pc_strdup(displayed ? displayed : "");
    return f->concept && f->context && f->displayed ? PC_OK : PC_ERR_NOMEM;
}

/* One unit of the last digit shown, in micros. */
static int64_t unit_of(int decimals)
{
    int64_t u = PC_MICRO;
    for (int d = decimals; d > 0 && u > 1; d--)
        u /= 10;
    for (int d = decimals; d < 0 && u < INT64_MAX / 10; d++)
        u *= 10;
    return u;
}

static pc_status add_issue_finding(pc_checks *checks, const pc_ixbrl_issue *i)
{
    if (i->kind == PC_IXBRL_UNMAPPED_MEMBER)
        return pc_verify_add_skipped(checks, issue_check(i->kind), i->year, i->subject,
                                     "member %s (%s, context %s, shown \"%s\") is no line of the "
                                     "reconciliation paycalc can place: it counts in the sum of "
                                     "the adjustments and is checked by nothing else",
                                     i->item, i->concept, i->context, i->displayed);
    pc_finding *f = PC_ARRAY_PUSH(&checks->findings);
    if (!f)
        return PC_ERR_NOMEM;
    f->check = pc_strdup(issue_check(i->kind));
    f->subject = pc_strdup(i->subject);
    f->item = pc_strdup(i->item);
    if (!f->check || !f->subject || !f->item)
        return PC_ERR_NOMEM;
    f->table = i->table;
    f->year = i->year;
    f->published_micro = i->published_micro;
    f->expected_micro = i->expected_micro;
    f->difference_micro = i->published_micro - i->expected_micro;
    f->decimals = i->decimals < 0 ? 0 : i->decimals > 2 ? 2 : i->decimals;
    f->line = i->line;
    /* A sum off by at most one unit of the last digit shown is rounding
     * (SPEC section 8); every other tagging issue is an error. */
    int64_t gap = f->difference_micro < 0 ? -f->difference_micro : f->difference_micro;
    f->severity = i->kind == PC_IXBRL_ADJUSTMENTS_DO_NOT_SUM && gap <= unit_of(i->decimals)
                      ? PC_CHECK_ROUNDING
                      : PC_CHECK_ERROR;
    return set_source(f, i->concept, i->context, i->displayed);
}

static void clear_reported(pc_dataset *ds)
{
    for (size_t i = 0; i < ds->reported.count; i++) {
        free(ds->reported.items[i].subject);
        free(ds->reported.items[i].item);
    }
    ds->reported.count = 0;
}

/* A row's key and index, to find the fact behind a finding. */
typedef struct row_ref {
    pc_reported_table table;
    int year;
    const char *subject, *item;
    size_t row;
} row_ref;

static int compare_row_refs(const void *a, const void *b)
{
    const row_ref *x = a, *y = b;
    if (x->table != y->table)
        return x->table < y->table ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    c = c ? c : strcmp(x->item, y->item);
    if (c || x->row == y->row)
        return c;
    return x->row < y->row ? -1 : 1;
}

/* The first row of the finding's table, year, subject and item. */
static const row_ref *row_of(const row_ref *refs, size_t n, const pc_finding *f)
{
    row_ref key = {f->table, f->year, f->subject, f->item, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_row_refs(&refs[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    key.row = lo < n ? refs[lo].row : 0;
    return lo < n && compare_row_refs(&refs[lo], &key) == 0 ? &refs[lo] : NULL;
}

pc_status pc_verify_ixbrl(const pc_ixbrl_doc *doc, const pc_ixbrl_tables *t, pc_dataset *ds,
                          const pc_report *report, pc_checks *checks)
{
    /* The tagged tables stand in for reported.csv. */
    clear_reported(ds);
    for (size_t i = 0; i < t->rows.count; i++) {
        pc_reported *r = PC_ARRAY_PUSH(&ds->reported);
        if (!r)
            return PC_ERR_NOMEM;
        *r = t->rows.items[i];
        r->subject = pc_strdup(t->rows.items[i].subject);
        r->item = pc_strdup(t->rows.items[i].item);
        if (!r->subject || !r->item)
            return PC_ERR_NOMEM;
    }
    size_t first = checks->findings.count;
    pc_status st = report ? pc_verify_all(ds, report, checks) : pc_verify_internal(ds, checks);
    if (st)
        return st;

    /* The reconciliation's footing is DQC_0177's arithmetic: drop it, the
     * sum's finding names it. Others get their fact's concept, context and
     * displayed text. */
    /* the rows by table, year, subject and item, to find a finding's fact */
    row_ref *refs = malloc((t->rows.count ? t->rows.count : 1) * sizeof *refs);
    if (!refs)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < t->rows.count; i++) {
        const pc_reported *r = &t->rows.items[i];
        refs[i] = (row_ref){r->table, r->year, r->subject, r->item, i};
    }
    if (t->rows.count > 1)
        qsort(refs, t->rows.count, sizeof *refs, compare_row_refs);
    size_t k = first;
    for (size_t i = first; i < checks->findings.count; i++) {
        pc_finding *f = &checks->findings.items[i];
        if (!strcmp(f->check, "cap_does_not_foot") && f->table == PC_REPORTED_CAP) {
            pc_finding_fini(f);
            continue;
        }
        const row_ref *hit = st ? NULL : row_of(refs, t->rows.count, f);
        if (hit) {
            const pc_ixbrl_fact *fact = &doc->facts.items[t->sources.items[hit->row].fact];
            st = set_source(f, fact->concept, fact->context, fact->displayed);
        }
        checks->findings.items[k++] = *f;
    }
    checks->findings.count = k;
    free(refs);
    for (size_t i = 0; i < t->issues.count && !st; i++) {
        st = add_issue_finding(checks, &t->issues.items[i]);
        if (!st && t->issues.items[i].kind == PC_IXBRL_ADJUSTMENTS_DO_NOT_SUM) {
            pc_finding *f = &checks->findings.items[checks->findings.count - 1];
            char **slot = PC_ARRAY_PUSH(&f->related);
            if (!slot || !(*slot = pc_strdup("cap_does_not_foot")))
                st = PC_ERR_NOMEM;
        }
    }
    /* every tagged figure was checked for its sign and duplicates */
    checks->checked += t->tagged;
    if (!st)
        st = pc_verify_relate(checks);
    return st;
}
