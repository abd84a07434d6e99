/*
 * The simplified-term warning of SPEC section 5, one per award (SPEC
 * section 1: warnings go out one per award and cause, naming the dates). A
 * plain option program valued with the simplified expected term meets the
 * same cause at every fiscal year end and vesting date of every tranche;
 * one line per award names them all instead of a screen of near-identical
 * lines.
 *
 * The valuations note each occurrence (report->term_notes); this step sorts
 * them by award, date and tranche, drops repeats (a tranche valued twice on
 * one date), and writes one warning per award into the report and the
 * diagnostics, pointing at the award's row in awards.csv.
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/money.h"
#include "paycalc/text.h"

#define CODE "simplified_term_not_at_the_money"

typedef struct note_ref {
    size_t award;
    int tranche; /* the tranche's number */
    const pc_term_note *note;
} note_ref;

static int compare_note(const void *pa, const void *pb)
{
    const note_ref *a = pa, *b = pb;
    if (a->award != b->award)
        return a->award < b->award ? -1 : 1;
    if (a->note->date != b->note->date)
        return a->note->date < b->note->date ? -1 : 1;
    return (a->tranche > b->tranche) - (a->tranche < b->tranche);
}

/* "2021-12-31 (stock price 4.00; tranches 1, 2)" for the notes [i, end) of
 * one award and date. */
static void add_date(pc_buf *b, const note_ref *refs, size_t i, size_t end)
{
    char day[11], spot[40];
    pc_buf_printf(b, "%s (stock price %s; tranche%s ", pc_date_format(refs[i].note->date, day),
                  pc_micro_format(refs[i].note->spot_micro, 2, spot, sizeof spot),
                  end - i > 1 ? "s" : "");
    for (size_t k = i; k < end; k++)
        pc_buf_printf(b, "%s%d", k > i ? ", " : "", refs[k].tranche);
    pc_buf_puts(b, ")");
}

/* The warning of one award: its notes are refs[begin, end). */
static pc_status warn_award(const pc_dataset *ds, pc_report *report, pc_diags *diags,
                            const note_ref *refs, size_t begin, size_t end)
{
    const pc_award *aw = &ds->awards.items[refs[begin].award];
    char strike[40];
    pc_buf b = {0};
    pc_buf_printf(&b,
                  "award %s: the simplified expected term is used for an option that is not at "
                  "the money (outside 90%%-110%% of the exercise price %s) on ",
                  aw->id, pc_micro_format(aw->exercise_price_micro, 2, strike, sizeof strike));
    size_t ndates = 0;
    for (size_t i = begin; i < end; ndates++) {
        size_t j = i + 1;
        while (j < end && refs[j].note->date == refs[i].note->date)
            j++;
        bool last = j == end;
        if (ndates > 0)
            pc_buf_puts(&b, last ? " and " : ", ");
        add_date(&b, refs, i, j);
        i = j;
    }
    pc_buf_puts(&b, "; SEC staff guidance (Regulation S-K C&DI 128D.21) says the simplified method "
                    "does not suit such an option: give an expected_term in assumptions.csv or a "
                    "fair value in fair_values.csv");
    char *text = pc_buf_take(&b);
    char *source = pc_text_format("%s:%d", pc_file_name(PC_FILE_AWARDS), aw->line);
    pc_status st = PC_ERR_NOMEM;
    if (text && source) {
        st = pc_report_warn(report, CODE, source, "%s", text);
        if (st == PC_OK)
            st = pc_warning(diags, pc_dataset_path(ds, PC_FILE_AWARDS), aw->line,
                            pc_dataset_column(ds, PC_FILE_AWARDS, "award_id"), CODE, "%s", text);
    }
    free(text);
    free(source);
    return st;
}

pc_status pc_engine_group_warnings(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t n = report->term_notes.count;
    if (n == 0)
        return PC_OK;
    note_ref *refs = malloc(n * sizeof *refs);
    if (!refs)
        return PC_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const pc_term_note *note = &report->term_notes.items[i];
        const pc_tranche *t = &ds->tranches.items[note->tranche];
        refs[kept++] = (note_ref){t->award, t->number, note};
    }
    qsort(refs, kept, sizeof *refs, compare_note);
    /* A tranche valued twice on one date is one occurrence. */
    size_t unique = 0;
    for (size_t i = 0; i < kept; i++)
        if (unique == 0 || compare_note(&refs[unique - 1], &refs[i]) != 0)
            refs[unique++] = refs[i];
    pc_status st = PC_OK;
    for (size_t i = 0, j; i < unique && st == PC_OK; i = j) {
        j = i + 1;
        while (j < unique && refs[j].award == refs[i].award)
            j++;
        st = warn_award(ds, report, diags, refs, i, j);
    }
    free(refs);
    free(report->term_notes.items);
    report->term_notes.items = NULL;
    report->term_notes.count = report->term_notes.capacity = 0;
    return st;
}
