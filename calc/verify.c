/*
 * Verify (SPEC section 8): checks the figures a proxy published
 * (reported.csv, in ds->reported) against each other and against the
 * computed report, and prints the findings as a readable table.
 *
 * Every comparison puts one published figure (the one being checked: a
 * total, a CAP deduction, a PvP figure) against an expected value and
 * decides two things:
 *  - whether there is a finding at all: the published figure differs from
 *    the expected value rounded (half away from zero) to the decimals the
 *    published figure shows. A mean of SCT totals shown correctly rounded is
 *    not a finding; a total one dollar off its columns is.
 *  - its severity: `rounding` when the published figure is at most one unit
 *    of its last shown digit away from the unrounded expected value, `error`
 *    beyond. When the expected value is the same figure shown independently
 *    elsewhere (the computed figure, or the PvP against the SCT or the
 *    reconciliation), either side may be the rounded one, so the unit is
 *    that of the coarser of the two. When it is derived exactly from
 *    published figures (a sum of columns or lines, a mean, the SCT equity
 *    columns), the unit is that of the figure being checked.
 *
 * Published rows are looked up through one sorted index (table, year,
 * subject, item), so every check is a binary search or a walk over a
 * contiguous group: O(n log n) for n published rows. Subjects are ordered by
 * their first appearance in reported.csv and items in table order, so the
 * findings come out in the order a reader of the proxy meets the figures.
 */
#include "paycalc/verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"

__extension__ typedef __int128 i128;

#define AVERAGE_SUBJECT "non_peo_neo_average"
#define COMPANY_SUBJECT "company"
/* Published values are micros: at most 6 decimals are meaningful. */
#define MAX_DECIMALS 6

/* ---------------------------------------------------------------- names */

const char *pc_check_severity_name(pc_check_severity severity)
{
    switch (severity) {
    case PC_CHECK_ERROR:
        return "error";
    case PC_CHECK_ROUNDING:
        return "rounding";
    }
    return "?";
}

const char *pc_reported_table_name(pc_reported_table table)
{
    switch (table) {
    case PC_REPORTED_SCT:
        return "sct";
    case PC_REPORTED_PVP:
        return "pvp";
    case PC_REPORTED_CAP:
        return "cap";
    }
    return "?";
}

/* PvP items of reported.csv (SPEC section 2), in the order of the table. */
enum {
    PVP_SCT_TOTAL = 0,
    PVP_CAP,
    PVP_COUNT,
    PVP_TSR,
    PVP_PEER_TSR,
    PVP_NET_INCOME,
    PVP_CSM,
    PVP_NITEMS
};
static const char *const pvp_items[PVP_NITEMS] = {
    "sct_total", "cap", "count", "tsr", "peer_group_tsr", "net_income", "company_selected_measure"};

/* CAP items rank 2 x the line, so that `equity_award_adjustments` (the
 * total of the five equity lines, published instead of them) sorts right
 * after the last of the five. */
#define CAP_RANK(line) (2 * (int)(line))
#define CAP_EQUITY_ADJUSTMENTS_RANK (CAP_RANK(PC_CAP_LESS_FV_FORFEITED) + 1)
#define FIRST_EQUITY_LINE PC_CAP_FYE_FV_GRANTED_IN_YEAR
#define LAST_EQUITY_LINE PC_CAP_LESS_FV_FORFEITED
#define UNKNOWN_RANK 1000

static int item_rank(pc_reported_table table, const char *item)
{
    switch (table) {
    case PC_REPORTED_SCT:
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            if (strcmp(item, pc_sct_key((pc_sct_column)c)) == 0)
                return c;
        break;
    case PC_REPORTED_PVP:
        for (int i = 0; i < PVP_NITEMS; i++)
            if (strcmp(item, pvp_items[i]) == 0)
                return i;
        break;
    case PC_REPORTED_CAP:
        for (int l = 0; l < PC_CAP_NLINES; l++)
            if (strcmp(item, pc_cap_key((pc_cap_line)l)) == 0)
                return CAP_RANK(l);
        if (strcmp(item, "equity_award_adjustments") == 0)
            return CAP_EQUITY_ADJUSTMENTS_RANK;
        break;
    }
    return UNKNOWN_RANK;
}

static bool is_person(const char *subject)
{
    return strcmp(subject, AVERAGE_SUBJECT) != 0 && strcmp(subject, COMPANY_SUBJECT) != 0;
}

/* ------------------------------------------------------ published index */

typedef struct ref {
    const pc_reported *row;
    size_t order;   /* position in reported.csv */
    size_t subject; /* the subject's rank: position of its first appearance */
    int item;       /* item_rank */
} ref;

typedef struct subject_name {
    const char *name;
    size_t rank;
} subject_name;

typedef struct published {
    ref *refs; /* by table, year, subject rank, item rank, order */
    size_t count;
    subject_name *names; /* one per subject, by name */
    size_t nnames;
} published;

static int compare_by_subject(const void *a, const void *b)
{
    const ref *x = a, *y = b;
    int c = strcmp(x->row->subject, y->row->subject);
    if (c)
        return c;
    return (x->order > y->order) - (x->order < y->order);
}

static int compare_key(int table_a, int year_a, size_t subject_a, int item_a, int table_b,
                       int year_b, size_t subject_b, int item_b)
{
    if (table_a != table_b)
        return table_a < table_b ? -1 : 1;
    if (year_a != year_b)
        return year_a < year_b ? -1 : 1;
    if (subject_a != subject_b)
        return subject_a < subject_b ? -1 : 1;
    return (item_a > item_b) - (item_a < item_b);
}

static int compare_ref(const void *a, const void *b)
{
    const ref *x = a, *y = b;
    int c = compare_key((int)x->row->table, x->row->year, x->subject, x->item, (int)y->row->table,
                        y->row->year, y->subject, y->item);
    if (c)
        return c;
    if (x->item == UNKNOWN_RANK) {
        c = strcmp(x->row->item, y->row->item);
        if (c)
            return c;
    }
    return (x->order > y->order) - (x->order < y->order);
}

static void published_fini(published *pub)
{
    free(pub->refs);
    free(pub->names);
    memset(pub, 0, sizeof *pub);
}

static pc_status published_build(const pc_dataset *ds, published *pub)
{
    memset(pub, 0, sizeof *pub);
    size_t n = ds->reported.count;
    pub->refs = malloc((n ? n : 1) * sizeof *pub->refs);
    ref *by_subject = malloc((n ? n : 1) * sizeof *by_subject);
    pub->names = malloc((n ? n : 1) * sizeof *pub->names);
    if (!pub->refs || !by_subject || !pub->names) {
        free(by_subject);
        published_fini(pub);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const pc_reported *row = &ds->reported.items[i];
        pub->refs[i] = (ref){row, i, 0, item_rank(row->table, row->item)};
        by_subject[i] = pub->refs[i];
    }
    /* Rank subjects by first appearance: sort by name, then take the
     * smallest position of each name. */
    qsort(by_subject, n, sizeof *by_subject, compare_by_subject);
    for (size_t i = 0; i < n;) {
        size_t j = i, rank = by_subject[i].order;
        pub->names[pub->nnames++] = (subject_name){by_subject[i].row->subject, rank};
        while (j < n && strcmp(by_subject[j].row->subject, by_subject[i].row->subject) == 0)
            pub->refs[by_subject[j++].order].subject = rank;
        i = j;
    }
    free(by_subject);
    qsort(pub->refs, n, sizeof *pub->refs, compare_ref);
    pub->count = n;
    return PC_OK;
}

/* The rank of a subject name; false when reported.csv never names it. */
static bool subject_rank(const published *pub, const char *name, size_t *rank)
{
    size_t lo = 0, hi = pub->nnames;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(pub->names[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < pub->nnames && strcmp(pub->names[lo].name, name) == 0) {
        *rank = pub->names[lo].rank;
        return true;
    }
    return false;
}

/* First position whose key is not below (table, year, subject, item). */
static size_t lower_bound(const published *pub, pc_reported_table table, int year, size_t subject,
                          int item)
{
    size_t lo = 0, hi = pub->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ref *r = &pub->refs[mid];
        if (compare_key((int)r->row->table, r->row->year, r->subject, r->item, (int)table, year,
                        subject, item) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool same_group(const ref *a, const ref *b)
{
    return a->row->table == b->row->table && a->row->year == b->row->year &&
           a->subject == b->subject;
}

/* The rows of one table, year and subject: [*begin, *end). */
static void find_group(const published *pub, pc_reported_table table, int year, size_t subject,
                       size_t *begin, size_t *end)
{
    size_t b = lower_bound(pub, table, year, subject, -1);
    size_t e = b;
    while (e < pub->count && pub->refs[e].row->table == table && pub->refs[e].row->year == year &&
           pub->refs[e].subject == subject)
        e++;
    *begin = b;
    *end = e;
}

static size_t group_end(const published *pub, size_t begin)
{
    size_t e = begin + 1;
    while (e < pub->count && same_group(&pub->refs[e], &pub->refs[begin]))
        e++;
    return e;
}

/* The first published row of an item in a group (duplicates: the first in
 * reported.csv wins), or NULL. */
static const pc_reported *group_item(const published *pub, size_t begin, size_t end, int item)
{
    for (size_t i = begin; i < end; i++)
        if (pub->refs[i].item == item)
            return pub->refs[i].row;
    return NULL;
}

static const pc_reported *find_item(const published *pub, pc_reported_table table, int year,
                                    size_t subject, int item)
{
    size_t i = lower_bound(pub, table, year, subject, item);
    if (i < pub->count) {
        const ref *r = &pub->refs[i];
        if (r->row->table == table && r->row->year == year && r->subject == subject &&
            r->item == item)
            return r->row;
    }
    return NULL;
}

/* ------------------------------------------------------------ findings */

static int clamp_decimals(int decimals)
{
    return decimals < 0 ? 0 : decimals > MAX_DECIMALS ? MAX_DECIMALS : decimals;
}

/* One unit of the last digit shown with `decimals` decimals, in micros. */
static int64_t unit_micro(int decimals)
{
    int64_t unit = 1;
    for (int d = clamp_decimals(decimals); d < MAX_DECIMALS; d++)
        unit *= 10;
    return unit;
}

/* The fewest decimals that show `micro` exactly. */
static int decimals_needed(int64_t micro)
{
    int d = MAX_DECIMALS;
    while (d > 0 && micro % 10 == 0) {
        micro /= 10;
        d--;
    }
    return d;
}

/* num / den rounded half away from zero (SPEC section 3's one rule), den > 0. */
static i128 div_round(i128 num, i128 den)
{
    i128 q = num / den, r = num % den;
    i128 twice = r < 0 ? -2 * r : 2 * r;
    if (twice >= den)
        q += num < 0 ? -1 : 1;
    return q;
}

static bool fits_int64(i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

static pc_status add_skipped(pc_checks *checks, const char *check, int year, const char *subject,
                             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static pc_status add_skipped(pc_checks *checks, const char *check, int year, const char *subject,
                             const char *fmt, ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    pc_skipped *s = PC_ARRAY_PUSH(&checks->skipped);
    if (!s)
        return PC_ERR_NOMEM;
    s->check = pc_strdup(check);
    s->year = year;
    s->subject = pc_strdup(subject);
    s->reason = pc_strdup(reason);
    if (!s->check || !s->subject || !s->reason)
        return PC_ERR_NOMEM;
    return PC_OK;
}

/* An expected value: num / den micros (den > 0: a mean divides by the
 * number of NEOs), with the decimals of the figures it comes from. */
typedef struct expected {
    i128 num;
    int64_t den;
    int decimals;
    /* true: the same figure shown independently (computed, or in another
     * table), so the coarser precision sets the tolerance. */
    bool independent;
    /* true: a count of people, never rounded, so any difference is an
     * error. */
    bool whole_count;
} expected;

static expected exact(i128 micro, int decimals, bool independent)
{
    return (expected){micro, 1, decimals, independent, false};
}

/* Counts one comparison of `pub` against `exp` and records a finding when
 * they differ (see the top of the file for the rule). */
static pc_status compare(pc_checks *checks, const char *check, const pc_reported *pub, expected exp)
{
    checks->checked++;
    int pub_decimals = clamp_decimals(pub->decimals);
    int exp_decimals = clamp_decimals(exp.decimals);
    i128 pub_unit = unit_micro(pub_decimals);
    i128 den = exp.den;

    /* The expected value as the published figure would show it. */
    i128 shown = div_round(exp.num, den * pub_unit) * pub_unit;
    if (shown == pub->value_micro)
        return PC_OK;

    i128 unit = pub_unit;
    if (exp.independent && unit_micro(exp_decimals) > unit)
        unit = unit_micro(exp_decimals);
    i128 gap = (i128)pub->value_micro * den - exp.num;
    if (gap < 0)
        gap = -gap;

    i128 expected_micro = div_round(exp.num, den);
    if (!fits_int64(expected_micro) || !fits_int64(pub->value_micro - expected_micro))
        return PC_ERR_OVERFLOW;

    pc_finding *f = PC_ARRAY_PUSH(&checks->findings);
    if (!f)
        return PC_ERR_NOMEM;
    f->check = pc_strdup(check);
    f->subject = pc_strdup(pub->subject);
    f->item = pc_strdup(pub->item);
    if (!f->check || !f->subject || !f->item)
        return PC_ERR_NOMEM;
    f->severity = gap <= unit * den && !exp.whole_count ? PC_CHECK_ROUNDING : PC_CHECK_ERROR;
    f->table = pub->table;
    f->year = pub->year;
    f->published_micro = pub->value_micro;
    f->expected_micro = (int64_t)expected_micro;
    f->difference_micro = (int64_t)(pub->value_micro - expected_micro);
    f->decimals = pub_decimals > exp_decimals ? pub_decimals : exp_decimals;
    f->line = pub->line;
    if (f->severity == PC_CHECK_ERROR)
        checks->errors++;
    else
        checks->rounding++;
    return PC_OK;
}

/* ------------------------------------------------------ internal checks */

/* A sum of published figures, with the most decimals any of them shows. */
typedef struct partial_sum {
    i128 sum;
    int decimals;
    bool any;
} partial_sum;

static void add_figure(partial_sum *s, const pc_reported *row)
{
    s->sum += row->value_micro;
    if (row->decimals > s->decimals)
        s->decimals = row->decimals;
    s->any = true;
}

static void add_sum(partial_sum *s, const partial_sum *more)
{
    s->sum += more->sum;
    if (more->decimals > s->decimals)
        s->decimals = more->decimals;
    s->any = s->any || more->any;
}

/* sct_does_not_foot: the published total against the sum of the published
 * columns of the same person and year (R3 makes a computed SCT foot
 * exactly; a published one should too). Columns not published count as 0
 * (a proxy prints a dash). */
static pc_status check_sct_footing(const published *pub, pc_checks *checks)
{
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = group_end(pub, i);
        if (pub->refs[i].row->table != PC_REPORTED_SCT)
            continue;
        const pc_reported *total = group_item(pub, i, end, PC_SCT_TOTAL);
        partial_sum columns = {0};
        for (int c = 0; c < PC_SCT_TOTAL; c++) {
            const pc_reported *row = group_item(pub, i, end, c);
            if (row)
                add_figure(&columns, row);
        }
        if (total && columns.any) {
            pc_status st = compare(checks, "sct_does_not_foot", total,
                                   exact(columns.sum, columns.decimals, false));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* cap_does_not_foot: CAP against the sum of the published reconciliation
 * lines (R4), with `equity_award_adjustments` standing for the five equity
 * lines when they are not published; when both are, the total of the five
 * is checked as well. */
static pc_status check_cap_footing(const published *pub, pc_checks *checks)
{
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = group_end(pub, i);
        if (pub->refs[i].row->table != PC_REPORTED_CAP)
            continue;
        /* The five equity lines apart, since equity_award_adjustments may
         * stand for them. */
        partial_sum other = {0}, equity = {0};
        for (int l = 0; l < PC_CAP_CAP; l++) {
            const pc_reported *row = group_item(pub, i, end, CAP_RANK(l));
            if (row)
                add_figure(l >= FIRST_EQUITY_LINE && l <= LAST_EQUITY_LINE ? &equity : &other, row);
        }
        const pc_reported *adjustments = group_item(pub, i, end, CAP_EQUITY_ADJUSTMENTS_RANK);
        const pc_reported *cap = group_item(pub, i, end, CAP_RANK(PC_CAP_CAP));
        pc_status st;
        if (adjustments && equity.any) {
            st = compare(checks, "cap_does_not_foot", adjustments,
                         exact(equity.sum, equity.decimals, false));
            if (st)
                return st;
        }
        if (adjustments && !equity.any)
            add_figure(&equity, adjustments);
        if (cap && (other.any || equity.any)) {
            add_sum(&other, &equity);
            st = compare(checks, "cap_does_not_foot", cap, exact(other.sum, other.decimals, false));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* In the internal checks a PEO of a year is a person with a PvP row that
 * year (SPEC section 8). */
static bool is_peo(const published *pub, int year, size_t subject)
{
    size_t b, e;
    find_group(pub, PC_REPORTED_PVP, year, subject, &b, &e);
    return b < e;
}

/* The year's NEOs as the published tables show them: the people with SCT
 * rows that year who are not PEOs. Usable only when reported.csv gives the
 * year's `count` and the SCT has exactly that many NEO rows (a current
 * proxy's SCT does not show every past NEO); otherwise the reason goes to
 * `reason`. `neos` receives the subject ranks (caller frees). */
typedef struct neo_set {
    size_t *subjects;
    size_t count;
    bool usable;
    char reason[256];
} neo_set;

static pc_status find_neos(const published *pub, int year, neo_set *set)
{
    memset(set, 0, sizeof *set);
    size_t average;
    const pc_reported *count = NULL;
    if (subject_rank(pub, AVERAGE_SUBJECT, &average))
        count = find_item(pub, PC_REPORTED_PVP, year, average, PVP_COUNT);
    if (!count) {
        snprintf(set->reason, sizeof set->reason,
                 "reported.csv gives no count of the NEOs in the %d average, so the year's NEOs "
                 "are not known",
                 year);
        return PC_OK;
    }
    if (count->value_micro <= 0 || count->value_micro % PC_MICRO != 0) {
        snprintf(set->reason, sizeof set->reason,
                 "the published count for the %d average is not a whole number of NEOs", year);
        return PC_OK;
    }
    long long covers = (long long)(count->value_micro / PC_MICRO);

    size_t b = lower_bound(pub, PC_REPORTED_SCT, year, 0, -1);
    size_t cap = 4;
    set->subjects = malloc(cap * sizeof *set->subjects);
    if (!set->subjects)
        return PC_ERR_NOMEM;
    for (size_t i = b, end; i < pub->count && pub->refs[i].row->table == PC_REPORTED_SCT &&
                            pub->refs[i].row->year == year;
         i = end) {
        end = group_end(pub, i);
        const ref *r = &pub->refs[i];
        if (!is_person(r->row->subject) || is_peo(pub, year, r->subject))
            continue;
        if (set->count == cap) {
            size_t *p = realloc(set->subjects, 2 * cap * sizeof *p);
            if (!p)
                return PC_ERR_NOMEM;
            set->subjects = p;
            cap *= 2;
        }
        set->subjects[set->count++] = r->subject;
    }
    if ((long long)set->count != covers) {
        snprintf(set->reason, sizeof set->reason,
                 "the published SCT has %zu NEO row%s for %d but the average covers %lld",
                 set->count, set->count == 1 ? "" : "s", year, covers);
        return PC_OK;
    }
    set->usable = true;
    return PC_OK;
}

/* Adds the SCT equity columns (stock_awards + option_awards) of a group. */
static void add_equity_columns(const published *pub, size_t begin, size_t end, partial_sum *s)
{
    const pc_reported *stock = group_item(pub, begin, end, PC_SCT_STOCK_AWARDS);
    const pc_reported *options = group_item(pub, begin, end, PC_SCT_OPTION_AWARDS);
    if (stock)
        add_figure(s, stock);
    if (options)
        add_figure(s, options);
}

/* deduction_differs_from_sct: the CAP line `less_equity_awards` is, by
 * Item 402(v)(2)(iii)(A), minus the SCT stock and option awards of the same
 * person and year; for the average, minus their mean over the year's NEOs. */
static pc_status check_deduction(const published *pub, pc_checks *checks)
{
    const char *check = "deduction_differs_from_sct";
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = group_end(pub, i);
        const ref *head = &pub->refs[i];
        if (head->row->table != PC_REPORTED_CAP)
            continue;
        const pc_reported *less = group_item(pub, i, end, CAP_RANK(PC_CAP_LESS_EQUITY_AWARDS));
        if (!less)
            continue;
        int year = less->year;
        pc_status st = PC_OK;
        if (is_person(less->subject)) {
            size_t b, e;
            find_group(pub, PC_REPORTED_SCT, year, head->subject, &b, &e);
            if (b == e) {
                st = add_skipped(checks, check, year, less->subject,
                                 "the published SCT has no row for %s in %d", less->subject, year);
            } else {
                partial_sum awards = {0};
                add_equity_columns(pub, b, e, &awards);
                st = compare(checks, check, less, exact(-awards.sum, awards.decimals, false));
            }
        } else if (strcmp(less->subject, AVERAGE_SUBJECT) == 0) {
            neo_set set;
            st = find_neos(pub, year, &set);
            if (st == PC_OK && !set.usable)
                st = add_skipped(checks, check, year, less->subject, "%s", set.reason);
            else if (st == PC_OK) {
                partial_sum awards = {0};
                for (size_t k = 0; k < set.count; k++) {
                    size_t b, e;
                    find_group(pub, PC_REPORTED_SCT, year, set.subjects[k], &b, &e);
                    add_equity_columns(pub, b, e, &awards);
                }
                st = compare(
                    checks, check, less,
                    (expected){-awards.sum, (int64_t)set.count, awards.decimals, false, false});
            }
            free(set.subjects);
        }
        if (st)
            return st;
    }
    return PC_OK;
}

/* pvp_sct_total_differs and pvp_cap_differs: a PEO's PvP figure against the
 * same figure in the SCT (total) or the reconciliation (cap). The average's
 * SCT total is average_differs' business. */
static pc_status check_pvp_against_tables(const published *pub, pc_checks *checks)
{
    static const struct {
        const char *check;
        int pvp_item;
        pc_reported_table table;
        int item;
        const char *missing;
    } pairs[] = {
        {"pvp_sct_total_differs", PVP_SCT_TOTAL, PC_REPORTED_SCT, PC_SCT_TOTAL,
         "the published SCT has no total"},
        {"pvp_cap_differs", PVP_CAP, PC_REPORTED_CAP, CAP_RANK(PC_CAP_CAP),
         "the published reconciliation has no CAP"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        for (size_t i = 0, end; i < pub->count; i = end) {
            end = group_end(pub, i);
            const ref *head = &pub->refs[i];
            if (head->row->table != PC_REPORTED_PVP || !strcmp(head->row->subject, COMPANY_SUBJECT))
                continue;
            bool average = !strcmp(head->row->subject, AVERAGE_SUBJECT);
            if (average && pairs[p].pvp_item == PVP_SCT_TOTAL)
                continue;
            const pc_reported *figure = group_item(pub, i, end, pairs[p].pvp_item);
            if (!figure)
                continue;
            const pc_reported *other =
                find_item(pub, pairs[p].table, figure->year, head->subject, pairs[p].item);
            pc_status st;
            if (!other)
                st =
                    add_skipped(checks, pairs[p].check, figure->year, figure->subject,
                                "%s for %s in %d", pairs[p].missing, figure->subject, figure->year);
            else
                st = compare(checks, pairs[p].check, figure,
                             exact(other->value_micro, other->decimals, true));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* average_differs: the PvP average SCT total against the exact mean of the
 * published SCT totals of the year's NEOs (Item 402(v)(2)(ii)). */
static pc_status check_average(const published *pub, pc_checks *checks)
{
    const char *check = "average_differs";
    size_t average;
    if (!subject_rank(pub, AVERAGE_SUBJECT, &average))
        return PC_OK;
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = group_end(pub, i);
        const ref *head = &pub->refs[i];
        if (head->row->table != PC_REPORTED_PVP || head->subject != average)
            continue;
        const pc_reported *figure = group_item(pub, i, end, PVP_SCT_TOTAL);
        if (!figure)
            continue;
        int year = figure->year;
        neo_set set;
        pc_status st = find_neos(pub, year, &set);
        if (st == PC_OK && !set.usable)
            st = add_skipped(checks, check, year, figure->subject, "%s", set.reason);
        else if (st == PC_OK) {
            partial_sum totals = {0};
            const pc_reported *missing = NULL;
            for (size_t k = 0; k < set.count && !missing; k++) {
                size_t b, e;
                find_group(pub, PC_REPORTED_SCT, year, set.subjects[k], &b, &e);
                const pc_reported *total = group_item(pub, b, e, PC_SCT_TOTAL);
                if (total)
                    add_figure(&totals, total);
                else
                    missing = pub->refs[b].row;
            }
            if (missing)
                st = add_skipped(checks, check, year, figure->subject,
                                 "the published SCT has no total for %s in %d", missing->subject,
                                 year);
            else
                st = compare(
                    checks, check, figure,
                    (expected){totals.sum, (int64_t)set.count, totals.decimals, false, false});
        }
        free(set.subjects);
        if (st)
            return st;
    }
    return PC_OK;
}

/* wrong_sign: a `less_` line of the reconciliation is a deduction and is
 * published as a negative amount (or zero); a positive one is the sign
 * error that creeps into tagged filings. Expected: the same amount
 * negated. */
static pc_status check_signs(const published *pub, pc_checks *checks)
{
    for (size_t i = 0; i < pub->count; i++) {
        const pc_reported *row = pub->refs[i].row;
        if (row->table != PC_REPORTED_CAP || strncmp(row->item, "less_", 5) != 0)
            continue;
        if (row->value_micro <= 0) {
            checks->checked++;
            continue;
        }
        pc_status st = compare(checks, "wrong_sign", row,
                               exact(-(i128)row->value_micro, row->decimals, false));
        if (st)
            return st;
    }
    return PC_OK;
}

/* tsr_not_value_of_100: TSR (and peer group TSR) in the PvP table is the
 * value of a $100 investment (Item 402(v)(2)(iv)), never below 0. A
 * negative figure is a percentage change; the expected value shown is what
 * $100 would be worth after that change (100 + the published figure). */
static pc_status check_tsr(const published *pub, pc_checks *checks)
{
    for (size_t i = 0; i < pub->count; i++) {
        const ref *r = &pub->refs[i];
        if (r->row->table != PC_REPORTED_PVP || (r->item != PVP_TSR && r->item != PVP_PEER_TSR))
            continue;
        if (r->row->value_micro >= 0) {
            checks->checked++;
            continue;
        }
        pc_status st =
            compare(checks, "tsr_not_value_of_100", r->row,
                    exact((i128)100 * PC_MICRO + r->row->value_micro, r->row->decimals, false));
        if (st)
            return st;
    }
    return PC_OK;
}

pc_status pc_verify_internal(const pc_dataset *ds, pc_checks *checks)
{
    if (!ds || !checks)
        return PC_ERR_USAGE;
    published pub;
    pc_status st = published_build(ds, &pub);
    if (st)
        return st;
    pc_status (*const steps[])(const published *, pc_checks *) = {
        check_sct_footing, check_cap_footing, check_deduction, check_pvp_against_tables,
        check_average,     check_signs,       check_tsr,
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && st == PC_OK; i++)
        st = steps[i](&pub, checks);
    published_fini(&pub);
    return st;
}

/* ------------------------------------------------ against the computed */

typedef struct person_ref {
    const char *id;
    size_t index;
} person_ref;

typedef struct row_key {
    size_t subject; /* person index, or PC_SUBJECT_AVERAGE */
    int year;
    size_t index;
} row_key;

typedef struct computed_index {
    person_ref *people; /* by id */
    size_t npeople;
    row_key *sct; /* by person, year */
    size_t nsct;
    row_key *cap; /* by subject, year */
    size_t ncap;
} computed_index;

static int compare_person_ref(const void *a, const void *b)
{
    const person_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int compare_row_key(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->subject != y->subject)
        return x->subject < y->subject ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static void computed_index_fini(computed_index *ix)
{
    free(ix->people);
    free(ix->sct);
    free(ix->cap);
}

static pc_status computed_index_build(const pc_dataset *ds, const pc_report *report,
                                      computed_index *ix)
{
    memset(ix, 0, sizeof *ix);
    ix->people = malloc((ds->people.count ? ds->people.count : 1) * sizeof *ix->people);
    ix->sct = malloc((report->sct.count ? report->sct.count : 1) * sizeof *ix->sct);
    ix->cap = malloc((report->cap.count ? report->cap.count : 1) * sizeof *ix->cap);
    if (!ix->people || !ix->sct || !ix->cap) {
        computed_index_fini(ix);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < ds->people.count; i++)
        if (ds->people.items[i].id)
            ix->people[ix->npeople++] = (person_ref){ds->people.items[i].id, i};
    for (size_t i = 0; i < report->sct.count; i++)
        ix->sct[ix->nsct++] = (row_key){report->sct.items[i].person, report->sct.items[i].year, i};
    for (size_t i = 0; i < report->cap.count; i++)
        ix->cap[ix->ncap++] = (row_key){report->cap.items[i].subject, report->cap.items[i].year, i};
    qsort(ix->people, ix->npeople, sizeof *ix->people, compare_person_ref);
    qsort(ix->sct, ix->nsct, sizeof *ix->sct, compare_row_key);
    qsort(ix->cap, ix->ncap, sizeof *ix->cap, compare_row_key);
    return PC_OK;
}

static bool find_person(const computed_index *ix, const char *id, size_t *index)
{
    size_t lo = 0, hi = ix->npeople;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ix->people[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->npeople && strcmp(ix->people[lo].id, id) == 0) {
        *index = ix->people[lo].index;
        return true;
    }
    return false;
}

static bool find_row(const row_key *keys, size_t n, size_t subject, int year, size_t *index)
{
    row_key key = {subject, year, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_row_key(&keys[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && keys[lo].subject == subject && keys[lo].year == year) {
        *index = keys[lo].index;
        return true;
    }
    return false;
}

/* The computed counterpart of a published figure, in micros, with the
 * decimals the rules give it (R3: SCT whole dollars; R4/R5: cap_decimals;
 * R6: TSR cents); or why there is none. */
typedef struct counterpart {
    bool found;
    i128 micro;
    int decimals;
    char why[256];
} counterpart;

#define CENTS_TO_MICRO(c) ((i128)(c) * (PC_MICRO / PC_CENTS))

static void none(counterpart *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void none(counterpart *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->why, sizeof c->why, fmt, ap);
    va_end(ap);
    c->found = false;
}

static void found(counterpart *c, i128 micro, int decimals)
{
    c->found = true;
    c->micro = micro;
    c->decimals = decimals;
}

static const pc_pvp_row *pvp_row(const pc_report *report, int year)
{
    /* One row per covered year: at most PC_MAX_YEARS, a scan is enough. */
    for (size_t i = 0; i < report->pvp.count; i++)
        if (report->pvp.items[i].year == year)
            return &report->pvp.items[i];
    return NULL;
}

static void pvp_counterpart(const pc_dataset *ds, const pc_report *report, const computed_index *ix,
                            const pc_reported *row, int item, counterpart *c)
{
    int cap_decimals = ds->config.cap_decimals;
    const pc_pvp_row *pvp = pvp_row(report, row->year);
    if (!pvp) {
        none(c, "no computed figure: %d is not a covered year", row->year);
        return;
    }
    if (!strcmp(row->subject, COMPANY_SUBJECT)) {
        switch (item) {
        case PVP_TSR:
            if (!report->tsr.computed)
                none(c, "no computed figure: TSR was not computed");
            else
                found(c, CENTS_TO_MICRO(pvp->tsr), 2);
            return;
        case PVP_PEER_TSR:
            if (!pvp->has_peer_tsr)
                none(c, "no computed figure: performance.csv gives no peer group TSR for %d",
                     row->year);
            else
                found(c, CENTS_TO_MICRO(pvp->peer_tsr), 2);
            return;
        case PVP_NET_INCOME:
            if (!pvp->has_net_income)
                none(c, "no computed figure: performance.csv gives no net income for %d",
                     row->year);
            else
                found(c, CENTS_TO_MICRO(pvp->net_income), 2);
            return;
        case PVP_CSM:
            if (!pvp->has_csm)
                none(c,
                     "no computed figure: performance.csv gives no company-selected measure "
                     "for %d",
                     row->year);
            else
                found(c, pvp->csm_micro, MAX_DECIMALS);
            return;
        default:
            none(c, "no computed figure: '%s' is not a company figure of the PvP table", row->item);
            return;
        }
    }
    if (!strcmp(row->subject, AVERAGE_SUBJECT)) {
        if (!pvp->has_average) {
            none(c,
                 "no computed figure: the computed PvP table has no non-PEO NEO average for "
                 "%d (no NEO that year)",
                 row->year);
            return;
        }
        switch (item) {
        case PVP_SCT_TOTAL:
            found(c, CENTS_TO_MICRO(pvp->avg_sct_total), cap_decimals);
            return;
        case PVP_CAP:
            found(c, CENTS_TO_MICRO(pvp->avg_cap), cap_decimals);
            return;
        case PVP_COUNT:
            found(c, (i128)pvp->avg_count * PC_MICRO, 0);
            return;
        default:
            none(c, "no computed figure: '%s' is not a figure of the PvP average", row->item);
            return;
        }
    }
    size_t person;
    if (!find_person(ix, row->subject, &person)) {
        none(c, "no computed figure: '%s' is not in people.csv", row->subject);
        return;
    }
    for (size_t k = 0; k < pvp->npeo && k < PC_MAX_PEOS; k++) {
        if (pvp->peo[k].person != person)
            continue;
        if (item == PVP_SCT_TOTAL)
            found(c, CENTS_TO_MICRO(pvp->peo[k].sct_total), 0);
        else if (item == PVP_CAP)
            found(c, CENTS_TO_MICRO(pvp->peo[k].cap), cap_decimals);
        else
            none(c, "no computed figure: '%s' is not a figure of a PEO in the PvP table",
                 row->item);
        return;
    }
    none(c, "no computed figure: %s is not a PEO in %d in the computed PvP table", row->subject,
         row->year);
}

static void counterpart_of(const pc_dataset *ds, const pc_report *report, const computed_index *ix,
                           const ref *r, counterpart *c)
{
    const pc_reported *row = r->row;
    if (r->item == UNKNOWN_RANK) {
        none(c, "no computed figure: '%s' is not an item of the %s table", row->item,
             pc_reported_table_name(row->table));
        return;
    }
    if (row->table == PC_REPORTED_PVP) {
        pvp_counterpart(ds, report, ix, row, r->item, c);
        return;
    }
    size_t subject = PC_SUBJECT_AVERAGE, index;
    bool average = !strcmp(row->subject, AVERAGE_SUBJECT);
    if (!is_person(row->subject) && !(average && row->table == PC_REPORTED_CAP)) {
        none(c, "no computed figure: the %s table has no row for '%s'",
             pc_reported_table_name(row->table), row->subject);
        return;
    }
    if (!average && !find_person(ix, row->subject, &subject)) {
        none(c, "no computed figure: '%s' is not in people.csv", row->subject);
        return;
    }
    if (row->table == PC_REPORTED_SCT) {
        if (!find_row(ix->sct, ix->nsct, subject, row->year, &index)) {
            none(c, "no computed figure: the computed SCT has no row for %s in %d", row->subject,
                 row->year);
            return;
        }
        found(c, CENTS_TO_MICRO(report->sct.items[index].column[r->item]), 0);
        return;
    }
    if (!find_row(ix->cap, ix->ncap, subject, row->year, &index)) {
        none(c, "no computed figure: the computed reconciliation has no row for %s in %d",
             row->subject, row->year);
        return;
    }
    const pc_cap_row *cap = &report->cap.items[index];
    i128 cents = 0;
    if (r->item == CAP_EQUITY_ADJUSTMENTS_RANK)
        for (int l = FIRST_EQUITY_LINE; l <= LAST_EQUITY_LINE; l++)
            cents += cap->line[l];
    else
        cents = cap->line[r->item / 2];
    found(c, CENTS_TO_MICRO(cents), ds->config.cap_decimals);
}

pc_status pc_verify_against(const pc_dataset *ds, const pc_report *report, pc_checks *checks)
{
    if (!ds || !report || !checks)
        return PC_ERR_USAGE;
    published pub;
    computed_index ix;
    pc_status st = published_build(ds, &pub);
    if (st)
        return st;
    st = computed_index_build(ds, report, &ix);
    if (st) {
        published_fini(&pub);
        return st;
    }
    for (size_t i = 0, end; i < pub.count && st == PC_OK; i = end) {
        end = group_end(&pub, i);
        /* One skipped entry per reason and group: an unknown person would
         * otherwise repeat the same reason for every column. */
        char reasons[16][sizeof(((counterpart *)0)->why)];
        size_t nreasons = 0;
        for (size_t j = i; j < end && st == PC_OK; j++) {
            const ref *r = &pub.refs[j];
            counterpart c;
            counterpart_of(ds, report, &ix, r, &c);
            if (c.found) {
                expected exp = exact(c.micro, c.decimals, true);
                exp.whole_count = r->row->table == PC_REPORTED_PVP && r->item == PVP_COUNT;
                st = compare(checks, "mismatch", r->row, exp);
                continue;
            }
            bool seen = false;
            for (size_t k = 0; k < nreasons && !seen; k++)
                seen = strcmp(reasons[k], c.why) == 0;
            if (seen)
                continue;
            st = add_skipped(checks, "mismatch", r->row->year, r->row->subject, "%s", c.why);
            if (nreasons < sizeof reasons / sizeof reasons[0])
                memcpy(reasons[nreasons++], c.why, sizeof c.why);
        }
    }
    computed_index_fini(&ix);
    published_fini(&pub);
    return st;
}

pc_status pc_verify_all(const pc_dataset *ds, const pc_report *report, pc_checks *checks)
{
    pc_status st = pc_verify_internal(ds, checks);
    if (st)
        return st;
    st = pc_verify_against(ds, report, checks);
    if (st)
        return st;
    /* Recount from the findings themselves, so the summary holds even when
     * `checks` arrived with findings added by hand. */
    checks->errors = checks->rounding = 0;
    for (size_t i = 0; i < checks->findings.count; i++) {
        if (checks->findings.items[i].severity == PC_CHECK_ERROR)
            checks->errors++;
        else
            checks->rounding++;
    }
    return PC_OK;
}

bool pc_verify_failed(const pc_checks *checks, bool strict)
{
    if (!checks)
        return false;
    for (size_t i = 0; i < checks->findings.count; i++)
        if (strict || checks->findings.items[i].severity == PC_CHECK_ERROR)
            return true;
    return false;
}

/* ------------------------------------------------------- readable table */

/* A growing text buffer; `failed` once an allocation fails. */
typedef struct text {
    char *s;
    size_t len, cap;
    bool failed;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 1024;
        while (t->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(t->s, cap);
        if (!p) {
            t->failed = true;
            return;
        }
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void text_puts(text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

static void text_printf(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void text_printf(text *t, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        t->failed = true;
    else
        text_add(t, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* East Asian wide characters take two columns in a terminal (names may be
 * in any script: 李雲飛). */
static bool is_wide(uint32_t cp)
{
    static const uint32_t ranges[][2] = {
        {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x20000, 0x3FFFD},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return false;
}

/* Columns a UTF-8 string takes on screen (a malformed byte counts as one). */
static size_t display_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t width = 0;
    while (*p) {
        size_t n = *p < 0x80             ? 1
                   : (*p & 0xE0) == 0xC0 ? 2
                   : (*p & 0xF0) == 0xE0 ? 3
                   : (*p & 0xF8) == 0xF0 ? 4
                                         : 1;
        uint32_t cp = n == 1 ? *p : (uint32_t)(*p & (0x7F >> n));
        for (size_t k = 1; k < n; k++) {
            if ((p[k] & 0xC0) != 0x80) {
                n = 1;
                break;
            }
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        width += n > 1 && is_wide(cp) ? 2 : 1;
        p += n;
    }
    return width;
}

static void text_pad(text *t, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        text_add(t, spaces, k);
        n -= k;
    }
}

/* A micros figure with thousands separators and at least `decimals`
 * decimals (more when the value needs them, as an exact mean may).
 * Negatives in parentheses as the proxy prints them, or with a sign for a
 * difference. */
static void format_figure(int64_t micro, int decimals, bool signed_style, char *buf, size_t size)
{
    int needed = decimals_needed(micro);
    int shown = clamp_decimals(decimals > needed ? decimals : needed);
    uint64_t m = micro < 0 ? (uint64_t)0 - (uint64_t)micro : (uint64_t)micro;
    char digits[32], grouped[48], fraction[8];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)(m / (uint64_t)PC_MICRO));
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(fraction, sizeof fraction, "%06llu", (unsigned long long)(m % (uint64_t)PC_MICRO));
    fraction[shown] = '\0';
    const char *dot = shown > 0 ? "." : "";
    if (signed_style)
        snprintf(buf, size, "%s%s%s%s",
                 micro < 0   ? "-"
                 : micro > 0 ? "+"
                             : "",
                 grouped, dot, fraction);
    else if (micro < 0)
        snprintf(buf, size, "(%s%s%s)", grouped, dot, fraction);
    else
        snprintf(buf, size, "%s%s%s", grouped, dot, fraction);
}

static const char *table_label(pc_reported_table table)
{
    switch (table) {
    case PC_REPORTED_SCT:
        return "SCT";
    case PC_REPORTED_PVP:
        return "PvP";
    case PC_REPORTED_CAP:
        return "CAP";
    }
    return "?";
}

/* Who a finding is about, as a reader names them. */
static const char *who(const computed_index *ix, const pc_dataset *ds, const char *subject)
{
    if (!strcmp(subject, AVERAGE_SUBJECT))
        return "Non-PEO NEO average";
    if (!strcmp(subject, COMPANY_SUBJECT))
        return "Company";
    size_t person;
    if (ds && find_person(ix, subject, &person) && ds->people.items[person].name &&
        ds->people.items[person].name[0])
        return ds->people.items[person].name;
    return subject;
}

#define FINDING_COLUMNS 9
#define SKIPPED_COLUMNS 4

/* Writes rows of cells with each column as wide as its widest cell; the
 * columns flagged in `right` are aligned right, the last one is not
 * padded. */
static void write_rows(text *t, char **cells, size_t nrows, size_t ncolumns, const bool *right)
{
    size_t width[FINDING_COLUMNS] = {0};
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncolumns; c++) {
            size_t w = display_width(cells[r * ncolumns + c]);
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < ncolumns; c++) {
            const char *cell = cells[r * ncolumns + c];
            size_t pad = width[c] - display_width(cell);
            if (c > 0)
                text_puts(t, "  ");
            if (right[c])
                text_pad(t, pad);
            text_puts(t, cell);
            if (!right[c] && c + 1 < ncolumns)
                text_pad(t, pad);
        }
        text_puts(t, "\n");
    }
}

static void free_cells(char **cells, size_t n)
{
    if (!cells)
        return;
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

static char *cell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *cell(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return pc_strdup(buf);
}

static bool fill_findings(const pc_checks *checks, const pc_dataset *ds, const computed_index *ix,
                          char **cells)
{
    static const char *const header[FINDING_COLUMNS] = {
        "Check", "Severity", "Year", "Table", "Who", "Item", "Published", "Expected", "Difference"};
    for (size_t c = 0; c < FINDING_COLUMNS; c++)
        if (!(cells[c] = pc_strdup(header[c])))
            return false;
    for (size_t i = 0; i < checks->findings.count; i++) {
        const pc_finding *f = &checks->findings.items[i];
        char **row = cells + (i + 1) * FINDING_COLUMNS;
        char shown[64], expected_[64], difference[64];
        format_figure(f->published_micro, f->decimals, false, shown, sizeof shown);
        format_figure(f->expected_micro, f->decimals, false, expected_, sizeof expected_);
        format_figure(f->difference_micro, f->decimals, true, difference, sizeof difference);
        row[0] = cell("%s", f->check);
        row[1] = cell("%s", pc_check_severity_name(f->severity));
        row[2] = cell("%d", f->year);
        row[3] = cell("%s", table_label(f->table));
        row[4] = cell("%s", who(ix, ds, f->subject));
        row[5] = cell("%s", f->item);
        row[6] = cell("%s", shown);
        row[7] = cell("%s", expected_);
        row[8] = cell("%s", difference);
        for (size_t c = 0; c < FINDING_COLUMNS; c++)
            if (!row[c])
                return false;
    }
    return true;
}

static bool fill_skipped(const pc_checks *checks, const pc_dataset *ds, const computed_index *ix,
                         char **cells)
{
    static const char *const header[SKIPPED_COLUMNS] = {"Check", "Year", "Who", "Reason"};
    for (size_t c = 0; c < SKIPPED_COLUMNS; c++)
        if (!(cells[c] = pc_strdup(header[c])))
            return false;
    for (size_t i = 0; i < checks->skipped.count; i++) {
        const pc_skipped *s = &checks->skipped.items[i];
        char **row = cells + (i + 1) * SKIPPED_COLUMNS;
        row[0] = cell("%s", s->check);
        row[1] = cell("%d", s->year);
        row[2] = cell("%s", who(ix, ds, s->subject));
        row[3] = cell("%s", s->reason);
        for (size_t c = 0; c < SKIPPED_COLUMNS; c++)
            if (!row[c])
                return false;
    }
    return true;
}

char *pc_verify_format_table(const pc_checks *checks, const pc_dataset *ds)
{
    if (!checks)
        return NULL;
    /* Only the people index is needed here (names by id). */
    computed_index ix;
    memset(&ix, 0, sizeof ix);
    if (ds && ds->people.count) {
        ix.people = malloc(ds->people.count * sizeof *ix.people);
        if (!ix.people)
            return NULL;
        for (size_t i = 0; i < ds->people.count; i++)
            if (ds->people.items[i].id)
                ix.people[ix.npeople++] = (person_ref){ds->people.items[i].id, i};
        qsort(ix.people, ix.npeople, sizeof *ix.people, compare_person_ref);
    }

    text t = {0};
    size_t nf = (checks->findings.count + 1) * FINDING_COLUMNS;
    size_t ns = (checks->skipped.count + 1) * SKIPPED_COLUMNS;
    char **fcells = calloc(nf, sizeof *fcells);
    char **scells = calloc(ns, sizeof *scells);
    if (!fcells || !scells || !fill_findings(checks, ds, &ix, fcells) ||
        !fill_skipped(checks, ds, &ix, scells)) {
        t.failed = true;
        goto done;
    }

    size_t errors = 0, rounding = 0;
    for (size_t i = 0; i < checks->findings.count; i++) {
        if (checks->findings.items[i].severity == PC_CHECK_ERROR)
            errors++;
        else
            rounding++;
    }
    if (checks->findings.count) {
        static const bool right[FINDING_COLUMNS] = {false, false, true, false, false,
                                                    false, true,  true, true};
        text_puts(&t, "Findings\n");
        write_rows(&t, fcells, checks->findings.count + 1, FINDING_COLUMNS, right);
    } else {
        text_puts(&t, "No findings: the published figures checked agree.\n");
    }
    if (checks->skipped.count) {
        static const bool right[SKIPPED_COLUMNS] = {false, true, false, false};
        text_puts(&t, "\nSkipped checks\n");
        write_rows(&t, scells, checks->skipped.count + 1, SKIPPED_COLUMNS, right);
    }
    text_printf(&t, "\n%zu figure%s checked: %zu error%s, %zu rounding difference%s\n",
                checks->checked, checks->checked == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                rounding, rounding == 1 ? "" : "s");
done:
    free_cells(fcells, fcells ? nf : 0);
    free_cells(scells, scells ? ns : 0);
    free(ix.people);
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s;
}
