/*
 * The warnings that are one per award (SPEC section 1: warnings go out one
 * per award and cause, naming the dates): the simplified-term warning of
 * SPEC section 5 and the repaired correlation matrix of section 10. A plain
 * option program valued with the simplified expected term meets the same
 * cause at every fiscal year end and vesting date of every tranche, and a
 * market-condition award whose correlations no matrix can have meets it at
 * every valuation; one line per award names them all instead of a screen
 * of near-identical lines.
 *
 * The valuations note each occurrence (report->term_notes,
 * report->repair_notes); this step sorts them by award, date and tranche,
 * drops repeats (a tranche valued twice on one date), and writes one
 * warning per award into the report and the diagnostics, pointing at the
 * award's row in awards.csv (simplified term) or market_conditions.csv
 * (correlations).
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/money.h"
#include "paycalc/text.h"

#define TERM_CODE "simplified_term_not_at_the_money"
#define REPAIR_CODE "correlation_repaired"

/* One noted occurrence: the award, the tranche's number, the date, and the
 * note's index in its report array. Both causes are grouped by the same
 * steps over these. */
typedef struct note_ref {
    size_t award;
    int tranche;
    pc_date date;
    size_t note;
} note_ref;

static int compare_ref(const void *pa, const void *pb)
{
    const note_ref *a = pa, *b = pb;
    if (a->award != b->award)
        return a->award < b->award ? -1 : 1;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return (a->tranche > b->tranche) - (a->tranche < b->tranche);
}

/* Appends one date of an award: its notes are refs[i, end). */
typedef void (*describe_date_fn)(pc_buf *b, const pc_report *report, const note_ref *refs, size_t i,
                                 size_t end);

/* "A, B and C": each date of refs[begin, end) (one award) described. */
static void add_dates(pc_buf *b, const pc_report *report, const note_ref *refs, size_t begin,
                      size_t end, describe_date_fn describe)
{
    size_t ndates = 0;
    for (size_t i = begin; i < end; ndates++) {
        size_t j = i + 1;
        while (j < end && refs[j].date == refs[i].date)
            j++;
        if (ndates > 0)
            pc_buf_puts(b, j == end ? " and " : ", ");
        describe(b, report, refs, i, j);
        i = j;
    }
}

static void add_tranches(pc_buf *b, const note_ref *refs, size_t i, size_t end)
{
    pc_buf_puts(b, end - i > 1 ? "tranches " : "tranche ");
    for (size_t k = i; k < end; k++)
        pc_buf_printf(b, "%s%d", k > i ? ", " : "", refs[k].tranche);
}

/* ---- simplified expected term (SPEC section 5, C&DI 128D.21) ----------------- */

/* "2021-12-31 (stock price 4.00; tranches 1, 2)". */
static void describe_term_date(pc_buf *b, const pc_report *report, const note_ref *refs, size_t i,
                               size_t end)
{
    char day[11], spot[40];
    const pc_term_note *note = &report->term_notes.items[refs[i].note];
    pc_buf_printf(b, "%s (stock price %s; ", pc_date_format(refs[i].date, day),
                  pc_micro_format(note->spot_micro, 2, spot, sizeof spot));
    add_tranches(b, refs, i, end);
    pc_buf_puts(b, ")");
}

/* The warning of one award, at its awards.csv row: notes refs[begin, end). */
static pc_status warn_term(const pc_dataset *ds, pc_report *report, pc_diags *diags,
                           const note_ref *refs, size_t begin, size_t end)
{
    const pc_award *aw = &ds->awards.items[refs[begin].award];
    char strike[40];
    pc_buf b = {0};
    pc_buf_printf(&b,
                  "award %s: the simplified expected term is used for an option that is not at "
                  "the money (outside 90%%-110%% of the exercise price %s) on ",
                  aw->id, pc_micro_format(aw->exercise_price_micro, 2, strike, sizeof strike));
    add_dates(&b, report, refs, begin, end, describe_term_date);
    pc_buf_puts(&b, "; SEC staff guidance (Regulation S-K C&DI 128D.21) says the simplified method "
                    "does not suit such an option: give an expected_term in assumptions.csv or a "
                    "fair value in fair_values.csv");
    char *text = pc_buf_take(&b);
    char *source = pc_text_format("%s:%d", pc_file_name(PC_FILE_AWARDS), aw->line);
    pc_status st = PC_ERR_NOMEM;
    if (text && source) {
        st = pc_report_warn(report, TERM_CODE, source, "%s", text);
        if (st == PC_OK)
            st = pc_warning(diags, pc_dataset_path(ds, PC_FILE_AWARDS), aw->line,
                            pc_dataset_column(ds, PC_FILE_AWARDS, "award_id"), TERM_CODE, "%s",
                            text);
    }
    free(text);
    free(source);
    return st;
}

/* ---- repaired correlations (SPEC section 10) ---------------------------------- */

/* "2022-06-30 (tranches 1, 2; largest change 0.002905)". */
static void describe_repair_date(pc_buf *b, const pc_report *report, const note_ref *refs, size_t i,
                                 size_t end)
{
    double change = 0;
    char day[11];
    pc_buf_printf(b, "%s (", pc_date_format(refs[i].date, day));
    add_tranches(b, refs, i, end);
    for (size_t k = i; k < end; k++) {
        double c = report->repair_notes.items[refs[k].note].change;
        if (c > change)
            change = c;
    }
    pc_buf_printf(b, "; largest change %.6f)", change);
}

/* The warning of one award, at its market_conditions.csv row. */
static pc_status warn_repaired(const pc_dataset *ds, pc_report *report, pc_diags *diags,
                               const note_ref *refs, size_t begin, size_t end)
{
    const pc_award *aw = &ds->awards.items[refs[begin].award];
    pc_buf b = {0};
    pc_buf_printf(&b,
                  "award %s: the correlations are not a valid correlation matrix (not positive "
                  "definite) on ",
                  aw->id);
    add_dates(&b, report, refs, begin, end, describe_repair_date);
    pc_buf_puts(&b, "; the nearest valid one was used");
    char *text = pc_buf_take(&b);
    int line = report->repair_notes.items[refs[begin].note].line;
    pc_status st = text ? pc_report_warn_at(report, diags, ds, PC_FILE_MARKET_CONDITIONS, line,
                                            REPAIR_CODE, "%s", text)
                        : PC_ERR_NOMEM;
    free(text);
    return st;
}

/* ---- grouping ------------------------------------------------------------------ */

typedef pc_status (*warn_fn)(const pc_dataset *ds, pc_report *report, pc_diags *diags,
                             const note_ref *refs, size_t begin, size_t end);

/* Sorts refs by award, date and tranche, drops repeats (a tranche valued
 * twice on one date is one occurrence) and warns once per award. */
static pc_status group(const pc_dataset *ds, pc_report *report, pc_diags *diags, note_ref *refs,
                       size_t n, warn_fn warn)
{
    qsort(refs, n, sizeof *refs, compare_ref);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++)
        if (unique == 0 || compare_ref(&refs[unique - 1], &refs[i]) != 0)
            refs[unique++] = refs[i];
    pc_status st = PC_OK;
    for (size_t i = 0, j; i < unique && st == PC_OK; i = j) {
        j = i + 1;
        while (j < unique && refs[j].award == refs[i].award)
            j++;
        st = warn(ds, report, diags, refs, i, j);
    }
    return st;
}

/* The ref of note i of tranche t on date d. */
static note_ref ref_of(const pc_dataset *ds, size_t t, pc_date d, size_t i)
{
    const pc_tranche *tr = &ds->tranches.items[t];
    return (note_ref){tr->award, tr->number, d, i};
}

pc_status pc_engine_group_warnings(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t nterm = report->term_notes.count, nrepair = report->repair_notes.count;
    note_ref *term = malloc((nterm ? nterm : 1) * sizeof *term);
    note_ref *repair = malloc((nrepair ? nrepair : 1) * sizeof *repair);
    pc_status st = PC_ERR_NOMEM, repaired = PC_ERR_NOMEM;
    if (term && repair) {
        for (size_t i = 0; i < nterm; i++)
            term[i] = ref_of(ds, report->term_notes.items[i].tranche,
                             report->term_notes.items[i].date, i);
        for (size_t i = 0; i < nrepair; i++)
            repair[i] = ref_of(ds, report->repair_notes.items[i].tranche,
                               report->repair_notes.items[i].date, i);
        st = group(ds, report, diags, term, nterm, warn_term);
        repaired = group(ds, report, diags, repair, nrepair, warn_repaired);
    }
    free(term);
    free(repair);
    free(report->term_notes.items);
    report->term_notes.items = NULL;
    report->term_notes.count = report->term_notes.capacity = 0;
    free(report->repair_notes.items);
    report->repair_notes.items = NULL;
    report->repair_notes.count = report->repair_notes.capacity = 0;
    return st != PC_OK ? st : repaired;
}
