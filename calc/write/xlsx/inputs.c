/*
 * The input sheets of report.xlsx beside Prices (SPEC section 9: one cell
 * per fact): Assumptions (each assumptions.csv row: volatility, risk-free
 * rate, dividend yield and expected term at its date), Outcomes (each
 * outcomes.csv row: the probable outcome of an award or tranche assessed
 * on a date) and Award Terms (each awards.csv row: grant date, shares,
 * exercise price, expiration and the vesting schedule). Each holds its
 * input once, with the line it comes from; Award Valuations and Equity
 * Award Detail refer to these cells instead of copying the figures, so a
 * volatility, an outcome or an exercise price edited here moves every
 * value built on it, as `paycalc run` does with the same edit in the CSV.
 *
 * Every row of the three inputs gets a row, in the dataset's order (the
 * assumptions by date, the outcomes by award, tranche and date, the awards
 * in file order), so the row of an input is its index: a lookup is direct.
 * The outcomes are also found by their outcomes.csv line (the equity award
 * steps record the line), through an index sorted once by line. Rows past
 * the sheet's limit are left out and said so; the sheets that use them
 * then hold the figure itself.
 */
#include "sheets.h"

#include "paycalc/date.h"
#include "paycalc/money.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

/* Columns other sheets refer to. */
#define ASSUMPTION_COL_VOLATILITY 1
#define ASSUMPTION_COL_RATE 2
#define ASSUMPTION_COL_YIELD 3
#define ASSUMPTION_COL_TERM 4
#define OUTCOME_COL_PROBABLE 4
#define TERMS_COL_EXERCISE_PRICE 7

/* The rows an input sheet has room for above a blank row, the count left
 * out and two notes. */
static size_t input_room(const pc_xlsx *w)
{
    return (size_t)(w->last_row - PC_XLSX_FIRST_DATA_ROW + 1 - 4);
}

/* The row of input `index` (of `count`) on its sheet, or PC_XLSX_NONE. */
static int32_t input_row(const pc_xlsx *w, size_t index, size_t count)
{
    /* Every caller names an input of the set: a loop over them, a pointer
     * into them, or the award of a tranche the reader resolved. */
    assert(index < count);
    (void)count; /* only asserted */
    if (index >= input_room(w))
        return PC_XLSX_NONE;
    return PC_XLSX_FIRST_DATA_ROW + (int32_t)index;
}

/* A formula "=<sheet>!<cell>" at (row, col) of `ws` with `value` stored,
 * or the figure itself when the input has no row. */
static void input_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *sheet,
                       int32_t at, int at_col, double value, lxw_format *fmt)
{
    if (at == PC_XLSX_NONE || !w->input_sheets) {
        pc_xlsx_number(w, ws, row, col, value, fmt);
        return;
    }
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
    pc_xlsx_ref(ref, sizeof ref, sheet, at, at_col);
    snprintf(formula, sizeof formula, "=%s", ref);
    pc_xlsx_formula(w, ws, row, col, formula, fmt, value);
}

/* ---- Lookups for the sheets that refer to these ---------------------------- */

typedef struct line_key {
    int line;
    size_t index;
} line_key;

static int line_key_cmp(const void *pa, const void *pb)
{
    const line_key *a = pa, *b = pb;
    if (a->line != b->line)
        return (a->line > b->line) - (a->line < b->line);
    return (a->index > b->index) - (a->index < b->index);
}

void pc_xlsx_plan_inputs(pc_xlsx *w)
{
    w->input_sheets = true;
    size_t n = w->ds->outcomes.count;
    line_key *keys = malloc((n ? n : 1) * sizeof *keys);
    w->outcome_by_line = malloc((n ? n : 1) * sizeof *w->outcome_by_line);
    if (!keys || !w->outcome_by_line) {
        free(keys);
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (line_key){w->ds->outcomes.items[i].line, i};
    qsort(keys, n, sizeof *keys, line_key_cmp);
    for (size_t i = 0; i < n; i++)
        w->outcome_by_line[i] = keys[i].index;
    free(keys);
}

/* The outcomes.csv row of `line` (a binary search of the planned index). */
static const pc_outcome *outcome_of_line(const pc_xlsx *w, int line)
{
    const pc_dataset *ds = w->ds;
    if (!w->outcome_by_line)
        return NULL;
    size_t lo = 0, hi = ds->outcomes.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->outcomes.items[w->outcome_by_line[mid]].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == ds->outcomes.count || ds->outcomes.items[w->outcome_by_line[lo]].line != line)
        return NULL;
    return &ds->outcomes.items[w->outcome_by_line[lo]];
}

/* The Assumptions row of `a` when `value` is its field at `col` (a model
 * input the engine took from it unchanged), else PC_XLSX_NONE. */
static int32_t assumption_at(const pc_xlsx *w, const pc_assumption *a, int col, double value)
{
    if (!a)
        return PC_XLSX_NONE;
    int64_t micro = 0;
    switch (col) {
    case ASSUMPTION_COL_VOLATILITY:
        micro = a->volatility_micro;
        break;
    case ASSUMPTION_COL_RATE:
        micro = a->rate_micro;
        break;
    case ASSUMPTION_COL_YIELD:
        micro = a->yield_micro;
        break;
    case ASSUMPTION_COL_TERM:
        if (!a->has_term)
            return PC_XLSX_NONE;
        micro = a->term_micro;
        break;
    default: /* pc_xlsx_assumption_cell passes one of the four columns */
        assert(!"an Assumptions column");
        return PC_XLSX_NONE;
    }
    if (pc_micro_to_double(micro) != value)
        return PC_XLSX_NONE;
    return input_row(w, (size_t)(a - w->ds->assumptions.items), w->ds->assumptions.count);
}

void pc_xlsx_assumption_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col,
                             const pc_assumption *a, pc_xlsx_assumption field, double value,
                             lxw_format *fmt)
{
    int at_col = field == PC_XLSX_VOLATILITY ? ASSUMPTION_COL_VOLATILITY
                 : field == PC_XLSX_RATE     ? ASSUMPTION_COL_RATE
                 : field == PC_XLSX_YIELD    ? ASSUMPTION_COL_YIELD
                                             : ASSUMPTION_COL_TERM;
    input_cell(w, ws, row, col, PC_XLSX_SHEET_ASSUMPTIONS, assumption_at(w, a, at_col, value),
               at_col, value, fmt);
}

void pc_xlsx_outcome_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const pc_outcome *o,
                          int line, int64_t probable_micro)
{
    if (!o && line > 0)
        o = outcome_of_line(w, line);
    int32_t at = PC_XLSX_NONE;
    if (o && o->probable_micro == probable_micro)
        at = input_row(w, (size_t)(o - w->ds->outcomes.items), w->ds->outcomes.count);
    input_cell(w, ws, row, col, PC_XLSX_SHEET_OUTCOMES, at, OUTCOME_COL_PROBABLE,
               pc_xlsx_micros_value(probable_micro), w->f.percent);
}

void pc_xlsx_exercise_price_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, size_t award)
{
    const pc_dataset *ds = w->ds;
    input_cell(w, ws, row, col, PC_XLSX_SHEET_AWARD_TERMS, input_row(w, award, ds->awards.count),
               TERMS_COL_EXERCISE_PRICE,
               pc_xlsx_micros_value(ds->awards.items[award].exercise_price_micro), w->f.price);
}

/* ---- The sheets ------------------------------------------------------------- */

/* The note under a sheet: the rows left out, then what the sheet is for. */
static void input_notes(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t count, const char *none,
                        const char *what)
{
    row++;
    size_t room = input_room(w);
    if (count > room)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more rows are not shown: a sheet holds at most %d rows; "
                            "the sheets that use them hold their figures.",
                            count - room, w->last_row + 1);
    if (count == 0)
        row = pc_xlsx_note(w, ws, row, none);
    pc_xlsx_note(w, ws, row, what);
}

static void heading(pc_xlsx *w, lxw_worksheet *ws, const char *title)
{
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, title, first, last);
}

void pc_xlsx_write_assumptions(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_dataset *ds = w->ds;
    heading(w, ws, "Valuation Assumptions");
    static const char *const titles[] = {"Date",
                                         "Volatility (\u03c3)",
                                         "Risk-Free Rate (r)",
                                         "Dividend Yield (q)",
                                         "Expected Term (T, Years)",
                                         "assumptions.csv Line"};
    static const double widths[] = {11, 12, 14, 14, 14, 14};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 6);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
    /* An expected term in years as assumptions.csv gives it: 5.0, 6.25,
     * 5.997260 (all its decimals, at least one; not 5.000000). */
    lxw_format *term = pc_xlsx_share_format(w, pc_xlsx_add_format(w, "0.0#####"));
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < ds->assumptions.count && pc_xlsx_ok(w); i++) {
        if (input_row(w, i, ds->assumptions.count) == PC_XLSX_NONE)
            break; /* the rest are left out (input_notes) */
        row = input_row(w, i, ds->assumptions.count);
        const pc_assumption *a = &ds->assumptions.items[i];
        pc_xlsx_date(w, ws, row, 0, a->date, w->f.date);
        pc_xlsx_micros(w, ws, row, ASSUMPTION_COL_VOLATILITY, a->volatility_micro, w->f.percent);
        pc_xlsx_micros(w, ws, row, ASSUMPTION_COL_RATE, a->rate_micro, w->f.percent);
        pc_xlsx_micros(w, ws, row, ASSUMPTION_COL_YIELD, a->yield_micro, w->f.percent);
        if (a->has_term)
            pc_xlsx_micros(w, ws, row, ASSUMPTION_COL_TERM, a->term_micro, term);
        pc_xlsx_number(w, ws, row, 5, a->line, w->f.centred);
        row++;
    }
    input_notes(w, ws, row, ds->assumptions.count, "No valuation assumptions were given.",
                "Each row of assumptions.csv, once: the Black-Scholes values and the dividend "
                "discounts of Award Valuations refer to these cells; a blank expected term is "
                "computed by the expected_term method of paycalc.json.");
}

void pc_xlsx_write_outcomes(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_dataset *ds = w->ds;
    heading(w, ws, "Probable Outcomes of Performance Conditions");
    static const char *const titles[] = {"Award ID", "Executive",        "Tranche",
                                         "Date",     "Probable Outcome", "outcomes.csv Line"};
    double widths[] = {12, 14, 8, 11, 11, 12};
    widths[0] = pc_xlsx_award_id_width(w, widths[0], 40);
    widths[1] = pc_xlsx_name_width(w, widths[1], 30);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 6);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < ds->outcomes.count && pc_xlsx_ok(w); i++) {
        if (input_row(w, i, ds->outcomes.count) == PC_XLSX_NONE)
            break; /* the rest are left out (input_notes) */
        row = input_row(w, i, ds->outcomes.count);
        const pc_outcome *o = &ds->outcomes.items[i];
        const pc_award *a = &ds->awards.items[o->award];
        pc_xlsx_text(w, ws, row, 0, a->id, w->f.text);
        pc_xlsx_text(w, ws, row, 1, pc_xlsx_person_name(w, a->person), w->f.text);
        if (o->tranche > 0)
            pc_xlsx_number(w, ws, row, 2, o->tranche, w->f.centred);
        else
            pc_xlsx_text(w, ws, row, 2, pc_xlsx_words(w, "All"), w->f.centred);
        pc_xlsx_date(w, ws, row, 3, o->date, w->f.date);
        pc_xlsx_micros(w, ws, row, OUTCOME_COL_PROBABLE, o->probable_micro, w->f.percent);
        pc_xlsx_number(w, ws, row, 5, o->line, w->f.centred);
        row++;
    }
    input_notes(w, ws, row, ds->outcomes.count, "No probable outcome was given.",
                "Each row of outcomes.csv, once: the probable outcome as a fraction of the target "
                "shares, assessed on the date. Award Valuations and Equity Award Detail refer to "
                "these cells.");
}

/* "2023-03-01: 10,000; 2024-03-01: 10,000": the award's tranches, and
 * their vesting.csv lines "2, 3". */
static void vesting_words(const pc_xlsx *w, const pc_award *a, pc_buf *schedule, pc_buf *lines)
{
    const pc_dataset *ds = w->ds;
    for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches; t++) {
        const pc_tranche *tr = &ds->tranches.items[t];
        char day[32], shares[PC_TEXT_GROUPED_SIZE];
        pc_buf_printf(schedule, "%s%s%s%s", t > a->first_tranche ? pc_xlsx_words(w, "; ") : "",
                      pc_xlsx_day_text(w, tr->vest_date, day, sizeof day), pc_xlsx_words(w, ": "),
                      pc_text_group_digits((unsigned long long)tr->shares, shares));
        if (!tr->scheduled)
            pc_buf_printf(lines, "%s%d", pc_buf_text(lines)[0] ? ", " : "", tr->line);
    }
}

void pc_xlsx_write_award_terms(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_dataset *ds = w->ds;
    heading(w, ws, "Award Terms");
    static const char *const titles[] = {"Award ID",
                                         "Executive",
                                         "Type",
                                         "Condition",
                                         "Grant Date",
                                         "Shares (#)",
                                         "Vesting (Date: Shares)",
                                         "Exercise Price ($)",
                                         "Expiration Date",
                                         "awards.csv Line",
                                         "vesting.csv Lines"};
    double widths[] = {12, 14, 8, 12, 11, 11, 44, 10, 11, 10, 12};
    widths[0] = pc_xlsx_award_id_width(w, widths[0], 40);
    widths[1] = pc_xlsx_name_width(w, widths[1], 30);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 11);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    pc_buf schedule = {0}, lines = {0};
    for (size_t i = 0; i < ds->awards.count && pc_xlsx_ok(w); i++) {
        if (input_row(w, i, ds->awards.count) == PC_XLSX_NONE)
            break; /* the rest are left out (input_notes) */
        row = input_row(w, i, ds->awards.count);
        const pc_award *a = &ds->awards.items[i];
        pc_xlsx_text(w, ws, row, 0, a->id, w->f.text);
        pc_xlsx_text(w, ws, row, 1, pc_xlsx_person_name(w, a->person), w->f.text);
        pc_xlsx_text(w, ws, row, 2, pc_xlsx_type_key(a->type), w->f.text);
        pc_xlsx_text(w, ws, row, 3, pc_xlsx_condition_key(a->condition), w->f.text);
        pc_xlsx_date(w, ws, row, 4, a->grant_date, w->f.date);
        pc_xlsx_number(w, ws, row, 5, (double)a->shares, w->f.integer);
        pc_buf_clear(&schedule);
        pc_buf_clear(&lines);
        vesting_words(w, a, &schedule, &lines);
        if (schedule.failed || lines.failed) {
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
            break;
        }
        pc_xlsx_text(w, ws, row, 6, pc_buf_text(&schedule), w->f.wrap);
        if (a->type != PC_AWARD_STOCK) {
            pc_xlsx_micros(w, ws, row, TERMS_COL_EXERCISE_PRICE, a->exercise_price_micro,
                           w->f.price);
            pc_xlsx_date(w, ws, row, 8, a->expiration_date, w->f.date);
        }
        pc_xlsx_number(w, ws, row, 9, a->line, w->f.centred);
        pc_xlsx_text(w, ws, row, 10, pc_buf_text(&lines), w->f.wrap);
        size_t n = pc_xlsx_cell_lines(w, 6, pc_buf_text(&schedule));
        size_t more = pc_xlsx_cell_lines(w, 10, pc_buf_text(&lines));
        pc_xlsx_row_lines(w, ws, row, more > n ? more : n);
        row++;
    }
    pc_buf_fini(&schedule);
    pc_buf_fini(&lines);
    input_notes(w, ws, row, ds->awards.count, "No equity awards were granted.",
                "Each award of awards.csv, once, with its vesting schedule (vesting.csv, or the "
                "schedule laid out from awards.csv): Award Valuations and Equity Award Detail "
                "refer to the exercise prices here.");
}

/* ---- Performance ------------------------------------------------------------ */

/* The columns of Performance: fiscal year, net income, the measure when Pay
 * vs Performance shows one, the peer group TSR when performance.csv gives
 * one that Pay vs Performance shows, and the line. */
typedef struct performance_cols {
    int net_income, measure, peer, line, count;
} performance_cols;

static performance_cols performance_layout(const pc_xlsx *w)
{
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    bool src = config->smaller_reporting_company;
    bool peer = false;
    for (size_t i = 0; i < ds->performance.count && !src && !peer; i++)
        peer = ds->performance.items[i].has_peer_tsr;
    performance_cols c = {.net_income = 1, .measure = PC_XLSX_NONE, .peer = PC_XLSX_NONE};
    int next = 2;
    /* As Pay vs Performance decides (xlsx/pvp.c, pvp_layout). */
    if (!src && config->company_selected_measure && *config->company_selected_measure)
        c.measure = next++;
    if (peer)
        c.peer = next++;
    c.line = next++;
    c.count = next;
    return c;
}

/* The unit a measure's name carries at its end, "(%)" in "Return on
 * equity (%)": where its text starts, with its length; false for a name
 * without one. */
static bool csm_own_unit(const char *name, size_t *at, size_t *len)
{
    size_t n = strlen(name);
    if (n < 3 || name[n - 1] != ')')
        return false;
    const char *open = strrchr(name, '(');
    if (!open || (size_t)(open - name) + 2 >= n)
        return false;
    *at = (size_t)(open - name) + 1;
    *len = n - 1 - *at;
    return true;
}

/* The measure's title in `units`. */
static void csm_title_in(pc_xlsx *w, pc_buf *out, pc_units units)
{
    const pc_config *config = &w->ds->config;
    const char *name = config->company_selected_measure ? config->company_selected_measure : "";
    size_t at, len;
    if (csm_own_unit(name, &at, &len)) {
        static const char *const scale[] = {"", " (in thousands)", " (in millions)"};
        pc_buf_printf(out, "%s%s", name, pc_xlsx_words(w, scale[units]));
        return;
    }
    if (units == PC_UNITS_THOUSANDS)
        pc_buf_printf(out, pc_xlsx_words(w, "%s ($ in thousands)"), name);
    else if (units == PC_UNITS_MILLIONS)
        pc_buf_printf(out, pc_xlsx_words(w, "%s ($ in millions)"), name);
    else
        pc_buf_printf(out, pc_xlsx_words(w, "%s ($)"), name);
}

void pc_xlsx_csm_title(pc_xlsx *w, pc_buf *out)
{
    csm_title_in(w, out, w->ds->config.csm_units);
}

void pc_xlsx_csm_input_title(pc_xlsx *w, pc_buf *out)
{
    csm_title_in(w, out, PC_UNITS_ONES);
}

const char *pc_xlsx_csm_axis(pc_xlsx *w, pc_buf *own)
{
    const pc_config *config = &w->ds->config;
    const char *name = config->company_selected_measure ? config->company_selected_measure : "";
    size_t at, len;
    if (csm_own_unit(name, &at, &len)) {
        pc_buf_append(own, name + at, len);
        if (own->failed)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return pc_buf_text(own);
    }
    static const char *const axis[] = {"USD", "USD thousands", "USD millions"};
    return axis[config->csm_units];
}

/* The decimals the figures of a column need (at most 6, at least `min`). */
static int performance_decimals(const pc_dataset *ds, bool peer, int min)
{
    int decimals = min;
    for (size_t i = 0; i < ds->performance.count; i++) {
        const pc_performance *p = &ds->performance.items[i];
        if (peer ? !p->has_peer_tsr : !p->has_csm)
            continue;
        int64_t v = peer ? p->peer_tsr_micro : p->csm_micro;
        v = v < 0 ? -v : v;
        int d = 6;
        while (d > decimals && v % 10 == 0) {
            v /= 10;
            d--;
        }
        if (d > decimals)
            decimals = d;
    }
    return decimals;
}

void pc_xlsx_performance_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int year,
                              pc_xlsx_performance field, double value, lxw_format *fmt)
{
    const pc_dataset *ds = w->ds;
    performance_cols c = performance_layout(w);
    const pc_performance *p = NULL;
    size_t index = 0;
    /* performance.csv has one row per year (the reader refuses a second),
     * and Pay vs Performance at most PC_MAX_YEARS rows. */
    for (size_t i = 0; i < ds->performance.count && !p; i++)
        if (ds->performance.items[i].year == year) {
            p = &ds->performance.items[i];
            index = i;
        }
    int at_col = PC_XLSX_NONE;
    bool round = false;
    if (p && field == PC_XLSX_NET_INCOME && (double)p->net_income_cents / 100.0 == value) {
        at_col = c.net_income;
    } else if (p && field == PC_XLSX_MEASURE && p->has_csm &&
               pc_xlsx_micros_value(p->csm_micro) == value) {
        at_col = c.measure;
    } else if (p && field == PC_XLSX_PEER_GROUP_TSR && p->has_peer_tsr) {
        /* The value of $100 to the cent (R6), as Pay vs Performance shows it. */
        int64_t cents = 0;
        if (pc_round_div(p->peer_tsr_micro, 10000, &cents) == PC_OK &&
            (double)cents / 100.0 == value) {
            at_col = c.peer;
            round = p->peer_tsr_micro % 10000 != 0;
        }
    }
    int32_t at = at_col != PC_XLSX_NONE && w->input_sheets
                     ? input_row(w, index, ds->performance.count)
                     : PC_XLSX_NONE;
    if (at == PC_XLSX_NONE && field == PC_XLSX_PEER_GROUP_TSR) {
        /* A peer group TSR paycalc computed from peer_prices.csv: its
         * value on Peer Group TSR. */
        int32_t peer = pc_xlsx_peer_tsr_row(w, year);
        for (size_t i = 0; peer != PC_XLSX_NONE && i < w->at.npeer_tsr; i++)
            if (w->at.peer_tsr_year[i] == year && (double)w->at.peer_tsr_value[i] / 100.0 != value)
                peer = PC_XLSX_NONE;
        if (peer != PC_XLSX_NONE) {
            char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
            pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_PEER_TSR, peer, 1);
            snprintf(formula, sizeof formula, "=%s", ref);
            pc_xlsx_formula_link(w, ws, row, col, formula, fmt, value, PC_XLSX_SHEET_PEER_TSR, peer,
                                 1);
            return;
        }
    }
    if (at == PC_XLSX_NONE) {
        pc_xlsx_number(w, ws, row, col, value, fmt);
        return;
    }
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 16];
    pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_PERFORMANCE, at, at_col);
    snprintf(formula, sizeof formula, round ? "=ROUND(%s,2)" : "=%s", ref);
    pc_xlsx_formula_link(w, ws, row, col, formula, fmt, value, PC_XLSX_SHEET_PERFORMANCE, at,
                         at_col);
}

void pc_xlsx_write_performance(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_dataset *ds = w->ds;
    performance_cols c = performance_layout(w);
    heading(w, ws, "Performance Measures");
    pc_buf measure = {0};
    const char *titles[5];
    double widths[5];
    titles[0] = "Fiscal Year";
    widths[0] = 10;
    titles[c.net_income] = "Net Income ($)";
    widths[c.net_income] = 18;
    if (c.measure != PC_XLSX_NONE) {
        pc_xlsx_csm_input_title(w, &measure);
        if (measure.failed)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        titles[c.measure] = pc_buf_text(&measure);
        widths[c.measure] = 18;
    }
    if (c.peer != PC_XLSX_NONE) {
        titles[c.peer] = "Peer Group Total Shareholder Return ($)";
        widths[c.peer] = 16;
    }
    titles[c.line] = "performance.csv Line";
    widths[c.line] = 12;
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, (size_t)c.count);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);

    lxw_format *ni_fmt = w->f.dollars;
    for (size_t i = 0; i < ds->performance.count; i++)
        if (ds->performance.items[i].net_income_cents % 100 != 0)
            ni_fmt = w->f.cents;
    lxw_format *csm_fmt = w->f.micros[performance_decimals(ds, false, 0)];
    lxw_format *peer_fmt = w->f.micros[performance_decimals(ds, true, 2)];
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < ds->performance.count && pc_xlsx_ok(w); i++) {
        if (input_row(w, i, ds->performance.count) == PC_XLSX_NONE)
            break; /* the rest are left out (input_notes) */
        row = input_row(w, i, ds->performance.count);
        const pc_performance *p = &ds->performance.items[i];
        pc_xlsx_number(w, ws, row, 0, p->year, w->f.year);
        pc_xlsx_cents(w, ws, row, c.net_income, p->net_income_cents, ni_fmt);
        if (c.measure != PC_XLSX_NONE && p->has_csm)
            pc_xlsx_micros(w, ws, row, c.measure, p->csm_micro, csm_fmt);
        if (c.peer != PC_XLSX_NONE && p->has_peer_tsr)
            pc_xlsx_micros(w, ws, row, c.peer, p->peer_tsr_micro, peer_fmt);
        pc_xlsx_number(w, ws, row, c.line, p->line, w->f.centred);
        row++;
    }
    pc_buf_fini(&measure);
    input_notes(w, ws, row, ds->performance.count, "No performance figures were given.",
                "Each row of performance.csv, once, as given (net income in dollars, the "
                "company-selected measure in its own unit, the peer group TSR as the value of "
                "$100): Pay vs Performance refers to these cells.");
}
