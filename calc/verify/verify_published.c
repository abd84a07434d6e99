/*
 * The published figures of reported.csv as verify reads them (SPEC section
 * 8): one sorted index (table, year, subject, item), and the comparison
 * rule every check shares.
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
 * Published rows are looked up through one sorted index, so every check is
 * a binary search or a walk over a contiguous group: O(n log n) for n
 * published rows. Subjects are ordered by their first appearance in
 * reported.csv and items in table order, so the findings come out in the
 * order a reader of the proxy meets the figures.
 */
#include "paycalc/verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/equity.h"
#include "verify_set.h"

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
    case PC_REPORTED_OEA:
        return "oea";
    case PC_REPORTED_OESV:
        return "oesv";
    case PC_REPORTED_GPBA:
        return "gpba";
    case PC_REPORTED_DCT:
        return "dct";
    }
    return "?";
}

static const char *const pvp_items[PVP_NITEMS] = {
    "sct_total", "cap", "count", "tsr", "peer_group_tsr", "net_income", "company_selected_measure"};

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
    case PC_REPORTED_OEA:
    case PC_REPORTED_OESV:
    case PC_REPORTED_GPBA: {
        /* The equity tables' items, in their SPEC section 12 order. */
        pc_equity_item it = pc_equity_item_of(item);
        if (pc_equity_item_table(it) == (int)table)
            return (int)it;
        break;
    }
    case PC_REPORTED_DCT:
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            if (strcmp(item, pc_dct_key((pc_dct_column)c)) == 0)
                return c;
        break;
    }
    return UNKNOWN_RANK;
}

bool pc_verify_is_person(const char *subject)
{
    return strcmp(subject, AVERAGE_SUBJECT) != 0 && strcmp(subject, COMPANY_SUBJECT) != 0;
}

/* ------------------------------------------------------ published index */

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

void pc_verify_published_fini(published *pub)
{
    free(pub->rows);
    free(pub->refs);
    free(pub->names);
    memset(pub, 0, sizeof *pub);
}

pc_status pc_verify_published_build(const pc_dataset *ds, published *pub)
{
    memset(pub, 0, sizeof *pub);
    size_t n = ds->reported.count;
    pub->rows = malloc((n ? n : 1) * sizeof *pub->rows);
    pub->refs = malloc((n ? n : 1) * sizeof *pub->refs);
    ref *by_subject = malloc((n ? n : 1) * sizeof *by_subject);
    pub->names = malloc((n ? n : 1) * sizeof *pub->names);
    if (!pub->rows || !pub->refs || !by_subject || !pub->names) {
        free(by_subject);
        pc_verify_published_fini(pub);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        pc_reported *row = &pub->rows[i];
        *row = ds->reported.items[i];
        /* SPEC section 8: proxies print deductions in parentheses or
         * unsigned under a "Less:" or "Minus:" heading, and both are
         * correct; a `less_` line is the deduction its label says whatever
         * its printed sign, and its sign is no finding. */
        if (pc_verify_is_deduction(row) && row->value_micro > 0)
            row->value_micro = -row->value_micro;
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
bool pc_verify_subject_rank(const published *pub, const char *name, size_t *rank)
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
size_t pc_verify_lower_bound(const published *pub, pc_reported_table table, int year,
                             size_t subject, int item)
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
void pc_verify_find_group(const published *pub, pc_reported_table table, int year, size_t subject,
                          size_t *begin, size_t *end)
{
    size_t b = pc_verify_lower_bound(pub, table, year, subject, -1);
    size_t e = b;
    while (e < pub->count && pub->refs[e].row->table == table && pub->refs[e].row->year == year &&
           pub->refs[e].subject == subject)
        e++;
    *begin = b;
    *end = e;
}

size_t pc_verify_group_end(const published *pub, size_t begin)
{
    size_t e = begin + 1;
    while (e < pub->count && same_group(&pub->refs[e], &pub->refs[begin]))
        e++;
    return e;
}

/* The first published row of an item in a group (duplicates: the first in
 * reported.csv wins), or NULL. */
const pc_reported *pc_verify_group_item(const published *pub, size_t begin, size_t end, int item)
{
    for (size_t i = begin; i < end; i++)
        if (pub->refs[i].item == item)
            return pub->refs[i].row;
    return NULL;
}

const pc_reported *pc_verify_find_item(const published *pub, pc_reported_table table, int year,
                                       size_t subject, int item)
{
    size_t i = pc_verify_lower_bound(pub, table, year, subject, item);
    if (i < pub->count) {
        const ref *r = &pub->refs[i];
        if (r->row->table == table && r->row->year == year && r->subject == subject &&
            r->item == item)
            return r->row;
    }
    return NULL;
}

/* ------------------------------------------------ equity adjustments */

bool pc_verify_dividends_matter(const published *pub, size_t begin, size_t end)
{
    const pc_reported *dividends =
        pc_verify_group_item(pub, begin, end, CAP_RANK(PC_CAP_DIVIDENDS));
    return dividends && dividends->value_micro != 0 &&
           pc_verify_group_item(pub, begin, end, CAP_EQUITY_ADJUSTMENTS_RANK);
}

/* Item 402(v)(2)(iii)(C)(1) lists six equity adjustments, the five
 * fair-value lines and dividends (vi); filings print the subtotal both
 * with dividends inside it and with dividends as a column beside it. The
 * published lines decide (SPEC section 8): the reading under which the
 * published CAP is nearer the sum of its lines (CAP = the lines before the
 * equity lines + the subtotal, or + the subtotal + dividends); without a
 * CAP, the one under which the subtotal is nearer the five published
 * fair-value lines (plus dividends, or not). A tie, and a group where the
 * reading changes nothing, is read as inside: the six of the rule. */
bool pc_verify_dividends_outside(const published *pub, size_t begin, size_t end)
{
    if (!pc_verify_dividends_matter(pub, begin, end))
        return false;
    const pc_reported *adjustments =
        pc_verify_group_item(pub, begin, end, CAP_EQUITY_ADJUSTMENTS_RANK);
    const pc_reported *dividends =
        pc_verify_group_item(pub, begin, end, CAP_RANK(PC_CAP_DIVIDENDS));
    const pc_reported *cap = pc_verify_group_item(pub, begin, end, CAP_RANK(PC_CAP_CAP));
    i128 inside; /* published - expected when dividends are inside */
    if (cap) {
        i128 lines = adjustments->value_micro;
        for (int l = 0; l < FIRST_EQUITY_LINE; l++) {
            const pc_reported *row = pc_verify_group_item(pub, begin, end, CAP_RANK(l));
            if (row)
                lines += row->value_micro;
        }
        inside = (i128)cap->value_micro - lines;
    } else {
        i128 five = 0;
        bool any = false;
        for (int l = FIRST_EQUITY_LINE; l <= LAST_EQUITY_LINE; l++) {
            const pc_reported *row = pc_verify_group_item(pub, begin, end, CAP_RANK(l));
            if (row) {
                five += row->value_micro;
                any = true;
            }
        }
        if (!any)
            return false;
        inside = (i128)adjustments->value_micro - five - dividends->value_micro;
    }
    /* Outside, the expected CAP gains the dividends (published - expected
     * loses them); without a CAP, the expected subtotal loses them. */
    i128 outside = cap ? inside - dividends->value_micro : inside + dividends->value_micro;
    if (inside < 0)
        inside = -inside;
    if (outside < 0)
        outside = -outside;
    return outside < inside;
}

/* ------------------------------------------------------------ findings */

pc_status pc_verify_note(pc_checks *checks, size_t before, const char *fmt, ...)
{
    if (checks->findings.count == before)
        return PC_OK;
    pc_finding *f = &checks->findings.items[checks->findings.count - 1];
    va_list ap;
    va_start(ap, fmt);
    char *note = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!note)
        return PC_ERR_NOMEM;
    free(f->note);
    f->note = note;
    return PC_OK;
}

int pc_verify_clamp_decimals(int decimals)
{
    return decimals < 0 ? 0 : decimals > MAX_DECIMALS ? MAX_DECIMALS : decimals;
}

/* The precision of a figure: decimals from MIN_DECIMALS (billions) to 6. */
static int precision(int decimals)
{
    return decimals < MIN_DECIMALS   ? MIN_DECIMALS
           : decimals > MAX_DECIMALS ? MAX_DECIMALS
                                     : decimals;
}

/* One unit of the last digit shown with `decimals` decimals, in micros
 * (10^15 for a figure shown in billions). */
static int64_t unit_micro(int decimals)
{
    int64_t unit = 1;
    for (int d = precision(decimals); d < MAX_DECIMALS; d++)
        unit *= 10;
    return unit;
}

bool pc_verify_is_deduction(const pc_reported *row)
{
    return row->table == PC_REPORTED_CAP && strncmp(row->item, "less_", 5) == 0;
}

/* The fewest decimals that show `micro` exactly. */
int pc_verify_decimals_needed(int64_t micro)
{
    int d = MAX_DECIMALS;
    while (d > 0 && micro % 10 == 0) {
        micro /= 10;
        d--;
    }
    return d;
}

/* num / den rounded half away from zero (SPEC section 3's one rule), den > 0. */

static bool fits_int64(i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

pc_status pc_verify_add_skipped(pc_checks *checks, const char *check, int year, const char *subject,
                                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *reason = pc_text_vformat(fmt, ap);
    va_end(ap);
    pc_skipped *s = reason ? PC_ARRAY_PUSH(&checks->skipped) : NULL;
    if (!s) {
        free(reason);
        return PC_ERR_NOMEM;
    }
    s->check = pc_strdup(check);
    s->year = year;
    s->subject = pc_strdup(subject);
    s->reason = reason;
    if (!s->check || !s->subject || !s->reason)
        return PC_ERR_NOMEM;
    return PC_OK;
}

expected pc_verify_exact(i128 micro, int decimals, bool independent)
{
    return (expected){micro, 1, decimals, independent, false, NULL};
}

/* Whether the published figure is 1,000 times or more off the expected one
 * (both over `den`): a wrong unit or a slipped scale (a salary of 120,107
 * transcribed as "1 bn"), never rounding, however coarse its unit makes the
 * last shown digit. A nil on either side has no scale to slip. */
static bool off_by_a_scale(i128 pub, i128 exp)
{
    if (pub < 0)
        pub = -pub;
    if (exp < 0)
        exp = -exp;
    if (pub == 0 || exp == 0)
        return false;
    return pub / 1000 >= exp || exp / 1000 >= pub;
}

/* Counts one comparison of `pub` against `exp` and records a finding when
 * they differ (see the top of the file for the rule). */
pc_status pc_verify_compare(pc_checks *checks, const char *check, const pc_reported *pub,
                            expected exp)
{
    checks->checked++;
    int pub_decimals = precision(pub->decimals);
    int exp_decimals = precision(exp.decimals);
    i128 pub_unit = unit_micro(pub_decimals);
    i128 den = exp.den;

    /* The expected value as the published figure would show it. */
    i128 shown = pc_round_div_i128(exp.num, den * pub_unit) * pub_unit;
    if (shown == pub->value_micro)
        return PC_OK;

    i128 unit = pub_unit;
    if (exp.independent && unit_micro(exp_decimals) > unit)
        unit = unit_micro(exp_decimals);
    i128 gap = (i128)pub->value_micro * den - exp.num;
    if (gap < 0)
        gap = -gap;

    i128 expected_micro = pc_round_div_i128(exp.num, den);
    if (!fits_int64(expected_micro) || !fits_int64(pub->value_micro - expected_micro)) {
        /* A figure beyond what a finding holds (more than 9 trillion
         * dollars): the check is skipped with its reason, rather than the
         * whole run failing without a word. */
        checks->checked--;
        return pc_verify_add_skipped(checks, check, pub->year, pub->subject,
                                     "%s %s: the figures are too large to compare",
                                     pc_reported_table_name(pub->table), pub->item);
    }

    pc_finding *f = PC_ARRAY_PUSH(&checks->findings);
    if (!f)
        return PC_ERR_NOMEM;
    f->check = pc_strdup(check);
    f->subject = pc_strdup(pub->subject);
    f->item = pc_strdup(pub->item);
    if (!f->check || !f->subject || !f->item)
        return PC_ERR_NOMEM;
    bool rounding = gap <= unit * den && !exp.whole_count &&
                    !off_by_a_scale((i128)pub->value_micro * den, exp.num);
    f->severity = rounding ? PC_CHECK_ROUNDING : PC_CHECK_ERROR;
    f->table = pub->table;
    f->year = pub->year;
    f->published_micro = pub->value_micro;
    f->expected_micro = (int64_t)expected_micro;
    f->difference_micro = (int64_t)(pub->value_micro - expected_micro);
    f->decimals =
        pc_verify_clamp_decimals(pub_decimals > exp_decimals ? pub_decimals : exp_decimals);
    f->percent = pub->percent;
    f->line = pub->line;
    if (exp.other) {
        f->other_table = exp.other->table;
        f->other_subject = pc_strdup(exp.other->subject);
        f->other_item = pc_strdup(exp.other->item);
        if (!f->other_subject || !f->other_item)
            return PC_ERR_NOMEM;
    }
    if (f->severity == PC_CHECK_ERROR)
        checks->errors++;
    else
        checks->rounding++;
    return PC_OK;
}
