/*
 * Equity Award Detail (SPEC section 9, workpapers): the support of every
 * figure of the three equity award disclosure sheets. One row per step the
 * engine took (equity.h, pc_equity_step): each tranche vested, unvested or
 * unearned at the year end, each exercise, each year-end market value, each
 * award's terms and each grant-date valuation, with the input line it comes
 * from. The shares counted and the values are live formulas over the row
 * (a grant-date value over its Award Valuations row), and each disclosure
 * figure is a SUM over its run of rows here, with a link to the first.
 *
 * The sheet is laid out before the disclosure sheets are written
 * (pc_xlsx_plan_equity_detail) and written after them, top to bottom.
 */
#include "equity.h"
#include "sheets.h"

#include "paycalc/mc_value.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Rows under the steps: a blank row, the count of steps left out and three
 * notes. */
#define DETAIL_NOTE_ROWS 5

static const char *const detail_titles[] = {
    "Executive",
    "Award ID",
    "Type",
    "Condition",
    "Tranche",
    "Step",
    "Date",
    "Figure It Adds To",
    "Shares (#)",
    "Probable Outcome",
    "Shares Counted (#)",
    "Closing Price ($)",
    "Price Date",
    "Exercise Price ($)",
    "Expiration Date",
    "Value ($)",
    "Source",
};
_Static_assert(sizeof detail_titles / sizeof detail_titles[0] == PC_XLSX_EQ_NCOLS,
               "a title for every column");

static const char *const table_titles[PC_XLSX_EQ_NTABLES] = {
    "Outstanding Equity Awards at Fiscal Year-End",
    "Option Exercises and Stock Vested",
    "Grants of Plan-Based Awards",
};

/* What each step is, in words. */
typedef enum step_kind {
    STEP_VESTED = 0,
    STEP_UNVESTED,
    STEP_EXERCISED_LESS,
    STEP_EXERCISED,
    STEP_YEAR_END,
    STEP_TERMS,
    STEP_VALUATION,
    STEP_NKINDS
} step_kind;

static const char *const step_words[STEP_NKINDS] = {
    "Vested",
    "Not vested at year end",
    "Exercised (deducted)",
    "Exercised",
    "Year-end market value",
    "Award terms",
    "Grant-date valuation",
};

/* The words above in the --labels language, looked up once per sheet, and
 * the Source column's format (indented from the amounts beside it). */
typedef struct detail_words {
    const char *step[STEP_NKINDS];
    const char *figure[PC_EQ_NITEMS];
    lxw_format *source;
} detail_words;

static step_kind kind_of(const pc_equity_step *s)
{
    switch (s->basis) {
    case PC_EQ_BASIS_TRANCHE:
        return s->item == PC_EQ_OPTIONS_EXERCISABLE || s->item == PC_EQ_STOCK_VESTED
                   ? STEP_VESTED
                   : STEP_UNVESTED;
    case PC_EQ_BASIS_EXERCISE:
        return s->item == PC_EQ_OPTIONS_EXERCISABLE ? STEP_EXERCISED_LESS : STEP_EXERCISED;
    case PC_EQ_BASIS_YEAR_END:
        return STEP_YEAR_END;
    case PC_EQ_BASIS_GRANT:
        return STEP_TERMS;
    case PC_EQ_BASIS_VALUATION:
        return STEP_VALUATION;
    }
    return STEP_TERMS;
}

/* ---- The rows of a table ----------------------------------------------- */

/* What the detail sheet needs of a row of any of the three tables. */
typedef struct eq_row {
    int year;
    size_t person, award, first_step, nsteps;
} eq_row;

static size_t table_count(const pc_equity_tables *t, pc_xlsx_eq_table table)
{
    return table == PC_XLSX_EQ_OEA    ? t->oea.count
           : table == PC_XLSX_EQ_OESV ? t->oesv.count
                                      : t->gpba.count;
}

static eq_row table_row(const pc_equity_tables *t, pc_xlsx_eq_table table, size_t i)
{
    if (table == PC_XLSX_EQ_OEA) {
        const pc_oea_row *r = &t->oea.items[i];
        return (eq_row){r->year, r->person, r->award, r->first_step, r->nsteps};
    }
    if (table == PC_XLSX_EQ_OESV) {
        const pc_oesv_row *r = &t->oesv.items[i];
        return (eq_row){r->year, r->person, r->award, r->first_step, r->nsteps};
    }
    const pc_gpba_row *r = &t->gpba.items[i];
    return (eq_row){r->year, r->person, r->award, r->first_step, r->nsteps};
}

static bool has_table(const pc_xlsx *w, pc_xlsx_eq_table table)
{
    return table != PC_XLSX_EQ_GPBA || !w->ds->config.smaller_reporting_company;
}

int pc_xlsx_equity_year(const pc_xlsx *w)
{
    const pc_config *c = &w->ds->config;
    return c->nyears > 0 ? c->years[c->nyears - 1] : 0;
}

void pc_xlsx_plan_equity_detail(pc_xlsx *w)
{
    const pc_equity_tables *t = &w->report->equity;
    int year = pc_xlsx_equity_year(w);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    w->at.equity_last = w->last_row - DETAIL_NOTE_ROWS;
    for (int table = 0; table < PC_XLSX_EQ_NTABLES; table++) {
        w->at.equity_first[table] = PC_XLSX_NONE;
        if (!has_table(w, (pc_xlsx_eq_table)table))
            continue;
        size_t steps = 0;
        for (size_t i = 0; i < table_count(t, (pc_xlsx_eq_table)table); i++) {
            eq_row r = table_row(t, (pc_xlsx_eq_table)table, i);
            if (r.year == year)
                steps += r.nsteps;
        }
        /* The title row, the steps, a blank row; rows past the sheet's end
         * are not written (equity_last). */
        w->at.equity_first[table] = row + 1;
        size_t next = (size_t)row + 2 + steps;
        row = next < (size_t)w->last_row ? (int32_t)next : w->last_row;
    }
    /* The notes start under the last table, or where the rows stop. */
    w->at.equity_end = row < w->at.equity_last + 1 ? row : w->at.equity_last + 1;
}

/* ---- One step ------------------------------------------------------------- */

static void cell_ref(char *buf, size_t size, int32_t row, pc_xlsx_eq_col col)
{
    pc_xlsx_ref(buf, size, NULL, row, (int)col);
}

/* "vesting.csv line 7, outcomes.csv line 3, prices.csv line 250": the input
 * lines of a step. */
static void step_source(pc_xlsx *w, const pc_equity_step *s, pc_buf *b)
{
    const pc_dataset *ds = w->ds;
    pc_buf_clear(b);
    switch (s->basis) {
    case PC_EQ_BASIS_TRANCHE: {
        const pc_tranche *t = &ds->tranches.items[s->index];
        pc_xlsx_put_line(w, b, "", t->scheduled ? "awards.csv" : "vesting.csv", t->line);
        if (t->scheduled)
            pc_buf_puts(b, pc_xlsx_words(w, " (schedule)"));
        break;
    }
    case PC_EQ_BASIS_EXERCISE:
        pc_xlsx_put_line(w, b, "", "exercises.csv", ds->exercises.items[s->index].line);
        break;
    case PC_EQ_BASIS_GRANT:
        pc_xlsx_put_line(w, b, "", "awards.csv", ds->awards.items[s->index].line);
        break;
    case PC_EQ_BASIS_VALUATION: {
        int col;
        int32_t at = pc_xlsx_valuation_value_at(w, s->index, &col);
        if (at != PC_XLSX_NONE)
            pc_buf_printf(b, pc_xlsx_words(w, "Award Valuations row %ld"), (long)at + 1);
        break;
    }
    case PC_EQ_BASIS_YEAR_END:
        break;
    }
    if (s->has_outcome && s->outcome_line > 0)
        pc_xlsx_put_line(w, b, pc_buf_text(b)[0] ? ", " : "", "outcomes.csv", s->outcome_line);
    else if (s->has_outcome && s->basis == PC_EQ_BASIS_TRANCHE) {
        /* A tranche step names a tranche of the set (the engine's ledger
         * walks them; the row writer reads it unchecked too). */
        assert(s->index < w->ds->tranches.count);
        /* A market condition's payout earned (calc/engine/equity_tables.c). */
        const pc_market_condition *mc =
            pc_mc_condition_of(w->ds, w->ds->tranches.items[s->index].award);
        if (mc) {
            pc_xlsx_put_line(w, b, pc_buf_text(b)[0] ? ", " : "", "market_conditions.csv",
                             mc->line);
            pc_buf_puts(b, pc_xlsx_words(w, " (the payout earned)"));
        }
    }
    if (s->price_line > 0)
        pc_xlsx_put_line(w, b, pc_buf_text(b)[0] ? ", " : "", "prices.csv", s->price_line);
}

/* Shares Counted: the shares, times the probable outcome where one applies;
 * a year-end value counts the run of shares above it (rows run_first to
 * row - 1). */
static void counted_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_equity_step *s,
                         int32_t run_first)
{
    char shares[PC_XLSX_REF_SIZE], outcome[PC_XLSX_REF_SIZE], first[PC_XLSX_REF_SIZE],
        last[PC_XLSX_REF_SIZE], formula[4 * PC_XLSX_REF_SIZE];
    if (s->basis == PC_EQ_BASIS_VALUATION)
        return; /* its shares are the valuation's; the value says the rest */
    cell_ref(shares, sizeof shares, row, PC_XLSX_EQ_COL_SHARES);
    cell_ref(outcome, sizeof outcome, row, PC_XLSX_EQ_COL_OUTCOME);
    if (s->basis == PC_EQ_BASIS_YEAR_END) {
        cell_ref(first, sizeof first, run_first, PC_XLSX_EQ_COL_COUNTED);
        cell_ref(last, sizeof last, row - 1, PC_XLSX_EQ_COL_COUNTED);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", first, last);
    } else if (s->has_outcome) {
        snprintf(formula, sizeof formula, "=ROUND(%s*%s,0)", shares, outcome);
    } else {
        snprintf(formula, sizeof formula, "=%s", shares);
    }
    pc_xlsx_formula(w, ws, row, PC_XLSX_EQ_COL_COUNTED, formula, w->f.integer, (double)s->counted);
}

/* Value: shares counted x the close (less the exercise price for an
 * exercise), rounded to the cent as the engine rounds it (R2); a grant-date
 * value is its Award Valuations row's. */
static void value_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_equity_step *s)
{
    char counted[PC_XLSX_REF_SIZE], price[PC_XLSX_REF_SIZE], strike[PC_XLSX_REF_SIZE],
        formula[4 * PC_XLSX_REF_SIZE];
    double value = (double)s->value / 100.0;
    if (s->basis == PC_EQ_BASIS_VALUATION) {
        int col;
        int32_t at = pc_xlsx_valuation_value_at(w, s->index, &col);
        if (at == PC_XLSX_NONE) {
            pc_xlsx_cents(w, ws, row, PC_XLSX_EQ_COL_VALUE, s->value, w->f.cents);
            return;
        }
        char ref[PC_XLSX_REF_SIZE];
        pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_VALUATIONS, at, col);
        snprintf(formula, sizeof formula, "=%s", ref);
        pc_xlsx_formula_link(w, ws, row, PC_XLSX_EQ_COL_VALUE, formula, w->f.cents, value,
                             PC_XLSX_SHEET_VALUATIONS, at, col);
        return;
    }
    if (s->price_line <= 0)
        return;
    cell_ref(counted, sizeof counted, row, PC_XLSX_EQ_COL_COUNTED);
    cell_ref(price, sizeof price, row, PC_XLSX_EQ_COL_PRICE);
    cell_ref(strike, sizeof strike, row, PC_XLSX_EQ_COL_STRIKE);
    if (s->basis == PC_EQ_BASIS_EXERCISE)
        snprintf(formula, sizeof formula, "=ROUND(%s*(%s-%s),2)", counted, price, strike);
    else
        snprintf(formula, sizeof formula, "=ROUND(%s*%s,2)", counted, price);
    pc_xlsx_formula(w, ws, row, PC_XLSX_EQ_COL_VALUE, formula, w->f.cents, value);
}

static void step_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const eq_row *r,
                     const pc_equity_step *s, int32_t run_first, const detail_words *words,
                     pc_buf *source)
{
    const pc_dataset *ds = w->ds;
    const pc_award *a = &ds->awards.items[r->award];
    bool option = a->type != PC_AWARD_STOCK;
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_NAME, pc_xlsx_person_name(w, r->person), w->f.text);
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_AWARD, a->id, w->f.text);
    /* awards.csv's words, in Chinese under Chinese labels (no SUMIFS
     * selects by them here, unlike on Award Valuations). */
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_TYPE, pc_xlsx_words(w, pc_xlsx_type_key(a->type)),
                 w->f.text);
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_CONDITION,
                 pc_xlsx_words(w, pc_xlsx_condition_key(a->condition)), w->f.text);
    if (s->basis == PC_EQ_BASIS_TRANCHE)
        pc_xlsx_number(w, ws, row, PC_XLSX_EQ_COL_TRANCHE, ds->tranches.items[s->index].number,
                       w->f.centred);
    else if (s->basis == PC_EQ_BASIS_VALUATION)
        pc_xlsx_number(w, ws, row, PC_XLSX_EQ_COL_TRANCHE,
                       ds->tranches.items[w->report->valuations.items[s->index].tranche].number,
                       w->f.centred);
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_STEP, words->step[kind_of(s)], w->f.text);
    pc_xlsx_date(w, ws, row, PC_XLSX_EQ_COL_DATE, s->date, w->f.date);
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_FIGURE, words->figure[s->item], w->f.wrap);
    if (s->basis != PC_EQ_BASIS_YEAR_END)
        pc_xlsx_number(w, ws, row, PC_XLSX_EQ_COL_SHARES, (double)s->shares, w->f.integer);
    if (s->has_outcome && s->outcome_line > 0)
        pc_xlsx_outcome_cell(w, ws, row, PC_XLSX_EQ_COL_OUTCOME, NULL, s->outcome_line,
                             s->outcome_micro);
    else if (s->has_outcome)
        pc_xlsx_micros(w, ws, row, PC_XLSX_EQ_COL_OUTCOME, s->outcome_micro, w->f.percent);
    counted_cell(w, ws, row, s, run_first);
    if (s->price_line > 0) {
        pc_xlsx_price_cell(w, ws, row, PC_XLSX_EQ_COL_PRICE, s->price_date, s->price_micro, false);
        pc_xlsx_date(w, ws, row, PC_XLSX_EQ_COL_PRICE_DATE, s->price_date, w->f.date);
    }
    if (option) {
        pc_xlsx_exercise_price_cell(w, ws, row, PC_XLSX_EQ_COL_STRIKE, r->award);
        pc_xlsx_date(w, ws, row, PC_XLSX_EQ_COL_EXPIRES, a->expiration_date, w->f.date);
    }
    value_cell(w, ws, row, s);
    step_source(w, s, source);
    pc_xlsx_text(w, ws, row, PC_XLSX_EQ_COL_SOURCE, pc_buf_text(source), words->source);
    size_t lines = pc_xlsx_cell_lines(w, PC_XLSX_EQ_COL_FIGURE, words->figure[s->item]);
    size_t more = pc_xlsx_cell_lines(w, PC_XLSX_EQ_COL_SOURCE, pc_buf_text(source));
    pc_xlsx_row_lines(w, ws, row, more > lines ? more : lines);
}

/* ---- The sheet ------------------------------------------------------------ */

/* One step at `*row` (counted as left out past the sheet's end). */
static void put_step(pc_xlsx *w, lxw_worksheet *ws, int32_t *row, const eq_row *r,
                     const pc_equity_step *s, int32_t run_first, const detail_words *words,
                     pc_buf *source, size_t *left_out)
{
    if (*row > w->at.equity_last)
        ++*left_out;
    else
        step_row(w, ws, *row, r, s, run_first, words, source);
    ++*row;
}

/* Option Exercises and Stock Vested shows one row per person (Item 402(g)
 * sums a person's year): their steps go person by person, the exercises of
 * all their awards first, then the vestings, so each of the person's four
 * figures is the SUM of one run (xlsx/equity.c reads them in this order).
 * Rows rows[i..] of the person; returns the index past them. */
static size_t write_oesv_person(pc_xlsx *w, lxw_worksheet *ws, size_t i, int32_t *row,
                                const detail_words *words, pc_buf *source, size_t *left_out)
{
    const pc_equity_tables *t = &w->report->equity;
    int year = pc_xlsx_equity_year(w);
    size_t person = t->oesv.items[i].person, end = i;
    while (end < t->oesv.count &&
           (t->oesv.items[end].year != year || t->oesv.items[end].person == person))
        end++;
    for (int exercised = 1; exercised >= 0; exercised--) {
        for (size_t j = i; j < end; j++) {
            eq_row r = table_row(t, PC_XLSX_EQ_OESV, j);
            if (r.year != year)
                continue;
            for (size_t k = 0; k < r.nsteps; k++) {
                const pc_equity_step *s = &t->steps.items[r.first_step + k];
                if ((s->item == PC_EQ_OPTIONS_EXERCISED) == (exercised != 0))
                    put_step(w, ws, row, &r, s, *row, words, source, left_out);
            }
        }
    }
    return end;
}

/* The steps of one table's rows of the year, from its planned first row;
 * returns how many did not fit on the sheet. */
static size_t write_table(pc_xlsx *w, lxw_worksheet *ws, pc_xlsx_eq_table table,
                          const detail_words *words, pc_buf *source)
{
    const pc_equity_tables *t = &w->report->equity;
    int year = pc_xlsx_equity_year(w);
    int32_t row = w->at.equity_first[table];
    size_t left_out = 0;
    if (row - 1 <= w->at.equity_last) {
        /* The title wraps in the two columns every page repeats: text
         * spilling past them would be cut where a later page goes on
         * with other columns ("Outstanding Equity Awards at Fiscal Y"). */
        const char *title = pc_xlsx_words(w, table_titles[table]);
        pc_xlsx_merge(w, ws, row - 1, 0, 1, w->f.name);
        pc_xlsx_text(w, ws, row - 1, 0, title, w->f.name);
        double width = w->col_width[0] + w->col_width[1];
        pc_xlsx_check(w, worksheet_set_row(ws, (lxw_row_t)(row - 1),
                                           pc_xlsx_header_height(width, title), NULL));
    }
    size_t i = 0;
    while (i < table_count(t, table) && pc_xlsx_ok(w)) {
        eq_row r = table_row(t, table, i);
        if (r.year != year) {
            i++;
            continue;
        }
        if (table == PC_XLSX_EQ_OESV) {
            i = write_oesv_person(w, ws, i, &row, words, source, &left_out);
            continue;
        }
        int32_t run_first = row;
        for (size_t k = 0; k < r.nsteps; k++) {
            const pc_equity_step *s = &t->steps.items[r.first_step + k];
            if (k > 0 && s->item != t->steps.items[r.first_step + k - 1].item &&
                s->basis != PC_EQ_BASIS_YEAR_END)
                run_first = row;
            put_step(w, ws, &row, &r, s, run_first, words, source, &left_out);
        }
        i++;
    }
    return left_out;
}

static void detail_headers(pc_xlsx *w, lxw_worksheet *ws)
{
    double widths[PC_XLSX_EQ_NCOLS] = {14, 10, 8,  12, 8,  21, 11, 26, 11,
                                       10, 11, 10, 11, 10, 11, 13, 36};
    widths[0] = pc_xlsx_name_width(w, widths[0], 30);
    widths[1] = pc_xlsx_award_id_width(w, widths[1], 40);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, detail_titles, widths, PC_XLSX_EQ_NCOLS);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 2);
    pc_xlsx_page_setup(w, ws, 2, true);
    pc_xlsx_check(w, worksheet_repeat_columns(ws, 0, 1));
}

void pc_xlsx_write_equity_detail(pc_xlsx *w, lxw_worksheet *ws)
{
    int year = pc_xlsx_equity_year(w);
    pc_xlsx_heading(w, ws, "Equity Award Detail", year, year);
    detail_headers(w, ws);
    detail_words words;
    for (int k = 0; k < STEP_NKINDS; k++)
        words.step[k] = pc_xlsx_words(w, step_words[k]);
    for (int k = 0; k < PC_EQ_NITEMS; k++)
        words.figure[k] = pc_xlsx_equity_item_words(w, (pc_equity_item)k);
    words.source = pc_xlsx_add_format(w, NULL);
    if (!words.source)
        return;
    format_set_text_wrap(words.source);
    format_set_indent(words.source, 1);
    words.source = pc_xlsx_share_format(w, words.source);
    pc_buf source;
    pc_buf_init(&source);
    size_t left_out = 0;
    for (int table = 0; table < PC_XLSX_EQ_NTABLES; table++)
        if (w->at.equity_first[table] != PC_XLSX_NONE)
            left_out += write_table(w, ws, (pc_xlsx_eq_table)table, &words, &source);
    pc_buf_fini(&source);
    int32_t row = w->at.equity_end;
    if (left_out)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more steps are not shown: a sheet holds at most %d rows.",
                            left_out, w->last_row + 1);
    row = pc_xlsx_note(w, ws, row,
                       "Shares counted: shares x probable outcome, rounded to a whole share "
                       "(performance conditions).");
    row = pc_xlsx_note(w, ws, row,
                       "Value: shares counted x closing price (less the exercise price for an "
                       "exercise), rounded to the cent.");
    pc_xlsx_note(w, ws, row,
                 "Each equity table figure is the sum of its rows here (dollars rounded) and "
                 "links to the first of them.");
}
