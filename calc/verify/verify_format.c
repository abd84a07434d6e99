/*
 * The findings of verify as the readable table `paycalc verify` prints
 * (SPEC section 8), aligned by display width so names in any script line up.
 */
#include "paycalc/verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "verify_set.h"

/* ------------------------------------------------------- readable table */

/* A micros figure with thousands separators and at least `decimals`
 * decimals (more when the value needs them, as an exact mean may).
 * Negatives in parentheses as the proxy prints them, or with a sign for a
 * difference. */
static void format_figure(int64_t micro, int decimals, bool signed_style, char *buf, size_t size)
{
    int needed = pc_verify_decimals_needed(micro);
    int shown = pc_verify_clamp_decimals(decimals > needed ? decimals : needed);
    uint64_t m = micro < 0 ? (uint64_t)0 - (uint64_t)micro : (uint64_t)micro;
    char grouped[PC_TEXT_GROUPED_SIZE], fraction[8];
    pc_text_group_digits((unsigned long long)(m / (uint64_t)PC_MICRO), grouped);
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
    case PC_REPORTED_OEA:
        return "Outstanding awards";
    case PC_REPORTED_OESV:
        return "Exercises/vesting";
    case PC_REPORTED_GPBA:
        return "Plan-based awards";
    case PC_REPORTED_DCT:
        return "Director comp";
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
    if (ds && pc_verify_find_person(ix, subject, &person) && ds->people.items[person].name &&
        ds->people.items[person].name[0])
        return ds->people.items[person].name;
    return subject;
}

#define FINDING_COLUMNS 9
#define SKIPPED_COLUMNS 4

/* Writes rows of cells with each column as wide as its widest cell; the
 * columns flagged in `right` are aligned right, the last one is not
 * padded. */
static void write_rows(pc_buf *t, char **cells, size_t nrows, size_t ncolumns, const bool *right)
{
    size_t width[FINDING_COLUMNS] = {0};
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncolumns; c++) {
            size_t w = pc_text_width(cells[r * ncolumns + c]);
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < ncolumns; c++) {
            const char *cell = cells[r * ncolumns + c];
            size_t pad = width[c] - pc_text_width(cell);
            if (c > 0)
                pc_buf_puts(t, "  ");
            if (right[c])
                pc_buf_pad(t, pad);
            pc_buf_puts(t, cell);
            if (!right[c] && c + 1 < ncolumns)
                pc_buf_pad(t, pad);
        }
        pc_buf_puts(t, "\n");
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
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    return text;
}

/* The check a finding failed, and the other checks the same published cell
 * failed for the same cause: "sct_does_not_foot (also mismatch,
 * pvp_sct_total_differs)". */
static char *check_cell(const pc_finding *f)
{
    pc_buf b = {0};
    pc_buf_puts(&b, f->check);
    for (size_t i = 0; i < f->related.count; i++) {
        pc_buf_puts(&b, i == 0 ? " (also " : ", ");
        pc_buf_puts(&b, f->related.items[i]);
    }
    if (f->related.count)
        pc_buf_puts(&b, ")");
    return pc_buf_take(&b);
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
        /* A percentage is compared as one and shown as one. */
        const char *pct = f->percent ? "%" : "";
        row[0] = check_cell(f);
        row[1] = cell("%s", pc_check_severity_name(f->severity));
        row[2] = cell("%d", f->year);
        row[3] = cell("%s", table_label(f->table));
        row[4] = cell("%s", who(ix, ds, f->subject));
        row[5] = cell("%s", f->item);
        row[6] = cell("%s%s", shown, pct);
        row[7] = cell("%s%s", expected_, pct);
        row[8] = cell("%s%s", difference, pct);
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

/* The skipped checks one line per check (SPEC section 8 lists each; a run
 * on a current proxy skips the same check for every past year and person,
 * which buries the findings): how often, over which years, and the first
 * reason. `cells` holds a header row and one row per check; returns the
 * number of rows, or 0 when out of memory. The checks are few (each is a
 * name in the code), so finding a check's row is a short scan. */
static size_t fill_skipped_summary(const pc_checks *checks, char **cells)
{
    static const char *const header[SKIPPED_COLUMNS] = {"Check", "Skipped", "Years",
                                                        "First reason"};
    for (size_t c = 0; c < SKIPPED_COLUMNS; c++)
        if (!(cells[c] = pc_strdup(header[c])))
            return 0;
    size_t n = checks->skipped.count, rows = 0;
    size_t *first = malloc((n ? n : 1) * sizeof *first), *count = calloc(n ? n : 1, sizeof *count);
    int *lo = malloc((n ? n : 1) * sizeof *lo), *hi = malloc((n ? n : 1) * sizeof *hi);
    bool ok = first && count && lo && hi;
    for (size_t i = 0; ok && i < n; i++) {
        const pc_skipped *s = &checks->skipped.items[i];
        size_t r = 0;
        while (r < rows && strcmp(checks->skipped.items[first[r]].check, s->check) != 0)
            r++;
        if (r == rows) {
            first[rows] = i;
            lo[rows] = hi[rows] = s->year;
            rows++;
        }
        count[r]++;
        if (s->year < lo[r])
            lo[r] = s->year;
        if (s->year > hi[r])
            hi[r] = s->year;
    }
    for (size_t r = 0; ok && r < rows; r++) {
        const pc_skipped *s = &checks->skipped.items[first[r]];
        char **row = cells + (r + 1) * SKIPPED_COLUMNS;
        row[0] = cell("%s", s->check);
        row[1] = cell("%zu", count[r]);
        row[2] = lo[r] == hi[r] ? cell("%d", lo[r]) : cell("%d-%d", lo[r], hi[r]);
        row[3] = count[r] > 1 ? cell("%s (and %zu more)", s->reason, count[r] - 1)
                              : cell("%s", s->reason);
        for (size_t c = 0; c < SKIPPED_COLUMNS; c++)
            ok = ok && row[c];
    }
    free(first);
    free(count);
    free(lo);
    free(hi);
    return ok ? rows : 0;
}

/* The findings' notes, one line each under the table: how a figure was
 * read, or what its difference suggests. */
static void write_notes(pc_buf *t, const pc_checks *checks, const pc_dataset *ds,
                        const computed_index *ix)
{
    bool any = false;
    for (size_t i = 0; i < checks->findings.count; i++) {
        const pc_finding *f = &checks->findings.items[i];
        if (!f->note)
            continue;
        if (!any)
            pc_buf_puts(t, "Notes\n");
        any = true;
        pc_buf_printf(t, "- %d %s %s %s: %s\n", f->year, table_label(f->table),
                      who(ix, ds, f->subject), f->item, f->note);
    }
}

char *pc_verify_format_table(const pc_checks *checks, const pc_dataset *ds)
{
    return pc_verify_format(checks, ds, true);
}

char *pc_verify_format(const pc_checks *checks, const pc_dataset *ds, bool verbose)
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
        qsort(ix.people, ix.npeople, sizeof *ix.people, pc_verify_compare_person_ref);
    }

    pc_buf t = {0};
    size_t nf = (checks->findings.count + 1) * FINDING_COLUMNS;
    size_t ns = (checks->skipped.count + 1) * SKIPPED_COLUMNS;
    char **fcells = calloc(nf, sizeof *fcells);
    char **scells = calloc(ns, sizeof *scells);
    size_t nskipped = checks->skipped.count;
    if (!fcells || !scells || !fill_findings(checks, ds, &ix, fcells) ||
        (verbose ? !fill_skipped(checks, ds, &ix, scells)
                 : nskipped && !(nskipped = fill_skipped_summary(checks, scells)))) {
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
        pc_buf_puts(&t, "Findings\n");
        write_rows(&t, fcells, checks->findings.count + 1, FINDING_COLUMNS, right);
        bool restated = false;
        for (size_t i = 0; i < checks->findings.count && !restated; i++)
            restated = !strcmp(checks->findings.items[i].check, "restated");
        if (restated)
            pc_buf_puts(&t, "(restated: Published is this year's figure, Expected last year's.)\n");
        write_notes(&t, checks, ds, &ix);
    } else {
        pc_buf_puts(&t, "No findings: the published figures checked agree.\n");
    }
    if (checks->skipped.count && verbose) {
        static const bool right[SKIPPED_COLUMNS] = {false, true, false, false};
        pc_buf_puts(&t, "\nSkipped checks\n");
        write_rows(&t, scells, checks->skipped.count + 1, SKIPPED_COLUMNS, right);
    } else if (checks->skipped.count) {
        static const bool right[SKIPPED_COLUMNS] = {false, true, false, false};
        pc_buf_puts(&t, "\nSkipped checks (one line per check; --verbose lists each)\n");
        write_rows(&t, scells, nskipped + 1, SKIPPED_COLUMNS, right);
    }
    pc_buf_printf(&t, "\n%zu figure%s checked: %zu error%s, %zu rounding difference%s\n",
                  checks->checked, checks->checked == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                  rounding, rounding == 1 ? "" : "s");
done:
    free_cells(fcells, fcells ? nf : 0);
    free_cells(scells, scells ? ns : 0);
    free(ix.people);
    return pc_buf_take(&t);
}
