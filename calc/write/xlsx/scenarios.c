/*
 * scenarios.xlsx (README, Scenarios): the price scenarios of `paycalc
 * scenarios` as a workbook of five sheets and a chart.
 *
 * - Scenarios: one row per year-end price (the price a number cell, the
 *   input of that row), each PEO's CAP and SCT total, the NEO average CAP
 *   and TSR; a chart of CAP against the price with each PEO's SCT total as
 *   a reference line.
 * - CAP Lines: every reconciliation line of every scenario, each line a
 *   formula wherever CAP by Person writes one (xlsx/cap.c): a fair value
 *   line is ROUND(SUMIFS) over the Contribution column of Valuations plus
 *   the scenario's own contribution column, an average line ROUND(AVERAGE)
 *   over the NEOs' cells, and the lines that report.xlsx takes from Summary
 *   Compensation and Cash and FX (SCT total, the award deduction, pension
 *   and dividends), which no scenario changes, link to SCT Figures. CAP is
 *   the SUM of the lines, and the Scenarios sheet's CAP cells link to it.
 * - SCT Figures: those figures once per person (the run's).
 * - Valuations: the valuations of the year that feed a line, each once,
 *   row for row as Award Valuations shows them (xlsx/detail.c); one whose
 *   figures differ by scenario has each scenario's value per share and
 *   contribution in that scenario's two columns, live over the row and the
 *   scenario's price cell on Scenarios (a Monte Carlo value typed).
 * - Year-End Stock: the year-end values of stock awards valued at the
 *   stock price itself, as formulas of the scenario's price cell:
 *   ROUND(units x price, 2) x tranches, one row per scenario, person, CAP
 *   line and number of units a tranche holds (R2 rounds each tranche).
 *
 * Deterministic: fixed document properties, no dates of the run. Written
 * in libxlsxwriter's constant-memory mode (each sheet top to bottom, as
 * report.xlsx is): the Valuations sheet of a large input set holds many
 * rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "paycalc/money.h"
#include "paycalc/scenarios.h"
#include "scenarios_xlsx.h"
#include "sheets.h"

typedef struct book {
    lxw_workbook *wb;
    pc_xlsx w;     /* the report.xlsx writer's context on the same workbook */
    lxw_error err; /* the first error */
    lxw_format *bold, *money, *price, *units, *wrap, *tsr;
} book;

static void check(book *b, lxw_error err)
{
    if (err && !b->err)
        b->err = err;
}

static void text(book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    check(b, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s ? s : "", f));
}

static void number(book *b, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    check(b, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

/* A formula with its value as computed, so a reader that does not
 * recalculate (and the tests) see the figure. */
static void formula(book *b, lxw_worksheet *ws, int row, int col, const char *f, double value,
                    lxw_format *fmt)
{
    check(b, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, f, fmt, value));
}

static double cents(int64_t c)
{
    return (double)c / 100.0;
}
static double micros(int64_t m)
{
    return (double)m / 1e6;
}

/* "A5" for a 0-based row and column. */
static void cell(char *buf, size_t size, int row, int col)
{
    lxw_rowcol_to_cell(buf, (lxw_row_t)row, (lxw_col_t)col);
    (void)size;
}

#define FIRST_ROW 4 /* the Scenarios sheet's first scenario row (0-based) */

static const char *cap_line_words(pc_cap_line line)
{
    switch (line) {
    case PC_CAP_SCT_TOTAL:
        return "SCT total";
    case PC_CAP_LESS_EQUITY_AWARDS:
        return "Less: stock and option awards in the SCT";
    case PC_CAP_LESS_PENSION:
        return "Less: change in pension value";
    case PC_CAP_PLUS_PENSION_SERVICE:
        return "Plus: pension service cost";
    case PC_CAP_PLUS_PENSION_PRIOR_SERVICE:
        return "Plus: pension prior service cost";
    case PC_CAP_FYE_FV_GRANTED_IN_YEAR:
        return "Plus: year-end value of awards granted in the year, unvested";
    case PC_CAP_CHANGE_FV_PRIOR_UNVESTED:
        return "Plus: change in value of prior awards unvested at year end";
    case PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR:
        return "Plus: value at vesting of awards granted and vested in the year";
    case PC_CAP_CHANGE_FV_PRIOR_VESTED:
        return "Plus: change in value of prior awards vested in the year";
    case PC_CAP_LESS_FV_FORFEITED:
        return "Less: prior year-end value of awards forfeited";
    case PC_CAP_DIVIDENDS:
        return "Plus: dividends on unvested awards";
    case PC_CAP_CAP:
        return "Compensation actually paid";
    case PC_CAP_NLINES:
        break;
    }
    return "";
}

static const char *subject_name(const pc_dataset *ds, size_t subject)
{
    return subject == PC_SUBJECT_AVERAGE ? "Non-PEO NEO average" : ds->people.items[subject].name;
}

/* ---- The shared Valuations sheet ----
 *
 * Every scenario values the same tranches; most valuations of the year are
 * the same in all of them (those dated before the day a scenario changes),
 * and the rest differ by the figures the price moves. The sheet holds each
 * valuation once: its inputs in Award Valuations' columns, and, where its
 * figures differ by scenario, a value per share and a contribution for
 * each scenario in that scenario's two columns to the right. A valuation
 * whose inputs differ too (a supplied fair value in the actual scenario,
 * the model at the others) is a row of each kind, with the columns of the
 * scenarios that have it. */

#define VALUATIONS_SHEET "Valuations"

/* One valuation of one scenario. */
typedef struct entry {
    const pc_valuation *v;
    size_t scenario;
    int64_t price_key; /* the close, unless it is the one the scenario sets */
    size_t occurrence; /* the how-manieth of its kind in its scenario */
} entry;

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

static int cmp_double(double a, double b)
{
    return (a > b) - (a < b);
}

/* The inputs of a valuation that no scenario's price moves, in the
 * sheet's order: tranche, date, purpose, line, then the rest. */
static int compare_inputs(const entry *ex, const entry *ey)
{
    const pc_valuation *x = ex->v, *y = ey->v;
    const pc_valuation_inputs *a = &x->inputs, *b = &y->inputs;
    int c;
    if ((c = cmp_i64((int64_t)x->tranche, (int64_t)y->tranche)) ||
        (c = cmp_i64(x->date, y->date)) || (c = cmp_i64(x->purpose, y->purpose)) ||
        (c = cmp_i64(x->line, y->line)) || (c = cmp_i64(x->method, y->method)) ||
        (c = cmp_i64(x->year, y->year)) || (c = cmp_i64(x->per_share_exact, y->per_share_exact)) ||
        (c = cmp_i64(x->shares, y->shares)) ||
        (c = cmp_i64(x->probable_micro, y->probable_micro)) ||
        (c = cmp_i64(a->has_price, b->has_price)) || (c = cmp_i64(a->price_date, b->price_date)) ||
        (c = cmp_i64(ex->price_key, ey->price_key)) ||
        (c = cmp_i64(a->has_assumptions, b->has_assumptions)) ||
        (c = cmp_i64(a->assumption_date, b->assumption_date)) ||
        (c = cmp_i64(a->has_outcome, b->has_outcome)) ||
        (c = cmp_i64(a->outcome_date, b->outcome_date)) ||
        (c = cmp_i64(a->supplied_line, b->supplied_line)) ||
        (c = cmp_i64(a->condition_line, b->condition_line)) ||
        (c = cmp_double(a->strike, b->strike)) || (c = cmp_double(a->volatility, b->volatility)) ||
        (c = cmp_double(a->rate, b->rate)) || (c = cmp_double(a->yield, b->yield)) ||
        (c = cmp_double(a->term, b->term)) || (c = cmp_double(a->vest_time, b->vest_time)) ||
        (c = cmp_double(a->contractual, b->contractual)) ||
        (c = cmp_i64((int64_t)a->paths, (int64_t)b->paths)) ||
        (c = (a->seed > b->seed) - (a->seed < b->seed)))
        return c;
    if (a->note != b->note)
        return !a->note ? -1 : !b->note ? 1 : strcmp(a->note, b->note);
    return 0;
}

static int compare_entry(const void *p, const void *q)
{
    const entry *x = p, *y = q;
    int c = compare_inputs(x, y);
    if (c)
        return c;
    if (x->scenario != y->scenario)
        return x->scenario < y->scenario ? -1 : 1;
    return (x->v > y->v) - (x->v < y->v); /* the engine's order within a scenario */
}

/* The figures a scenario's price moves, the same bits in both. */
static bool same_figures(const pc_valuation *x, const pc_valuation *y)
{
    const pc_valuation_inputs *a = &x->inputs, *b = &y->inputs;
    double dx[] = {x->per_share, a->d1,        a->d2,
                   a->nd1,       a->nd2,       a->standard_error,
                   a->ci95_low,  a->ci95_high, a->expected_payout,
                   a->metric};
    double dy[] = {y->per_share, b->d1,        b->d2,
                   b->nd1,       b->nd2,       b->standard_error,
                   b->ci95_low,  b->ci95_high, b->expected_payout,
                   b->metric};
    return x->per_share_micro == y->per_share_micro && x->value == y->value &&
           a->price_micro == b->price_micro && memcmp(dx, dy, sizeof dx) == 0;
}

/* The plan of the sheet: every kept valuation of every scenario, sorted so
 * that each row's entries are together. */
typedef struct plan {
    entry *e;
    size_t n;
    size_t rows; /* rows of the sheet */
    bool live;   /* the sheet is written and the lines are formulas over it */
} plan;

/* The end of the group of entries with the same inputs as e[first]. */
static size_t group_end(const plan *p, size_t first)
{
    size_t end = first + 1;
    while (end < p->n && compare_inputs(&p->e[first], &p->e[end]) == 0)
        end++;
    return end;
}

/* A group that is one row whose figures every scenario shares: written
 * once, its contribution in the Contribution column. */
static bool shared_group(const plan *p, size_t first, size_t end, size_t count, pc_date day)
{
    const pc_valuation *v = p->e[first].v;
    if (end - first != count || (v->inputs.has_price && v->inputs.price_date == day))
        return false;
    for (size_t k = first + 1; k < end; k++)
        if (p->e[k].scenario != p->e[k - 1].scenario + 1 || !same_figures(v, p->e[k].v))
            return false;
    return true;
}

/* The rows a group takes: one per occurrence. */
static size_t group_rows(const plan *p, size_t first, size_t end)
{
    size_t most = 0;
    for (size_t k = first; k < end; k++)
        most = p->e[k].occurrence > most ? p->e[k].occurrence : most;
    return most + 1;
}

static bool make_plan(book *b, const pc_scenario_report *r, plan *p)
{
    *p = (plan){0};
    if (!r->valuations_kept)
        return true;
    for (size_t i = 0; i < r->count; i++)
        p->n += r->items[i].nvaluations;
    p->e = malloc((p->n ? p->n : 1) * sizeof *p->e);
    if (!p->e) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        for (size_t k = 0; k < r->items[i].nvaluations; k++) {
            const pc_valuation *v = &r->items[i].valuations[k];
            bool at_day = v->inputs.has_price && v->inputs.price_date == r->price_date;
            p->e[n++] = (entry){v, i, at_day ? 0 : v->inputs.price_micro, 0};
        }
    if (p->n > 1)
        qsort(p->e, p->n, sizeof *p->e, compare_entry);
    for (size_t first = 0; first < p->n;) {
        size_t end = group_end(p, first);
        for (size_t k = first + 1; k < end; k++)
            if (p->e[k].scenario == p->e[k - 1].scenario)
                p->e[k].occurrence = p->e[k - 1].occurrence + 1;
        p->rows += group_rows(p, first, end);
        first = end;
    }
    /* A sheet's rows, above its notes. */
    p->live = p->rows <= (size_t)(PC_XLSX_LAST_ROW - PC_XLSX_FIRST_DATA_ROW - 4);
    return true;
}

/* Scenario i's columns on Valuations: its value per share, then its
 * contribution. */
static int scenario_col(size_t i)
{
    return PC_XLSX_VALUATION_COLS + 2 * (int)i;
}

static void scenario_price_ref(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, "Scenarios!$A$%d", FIRST_ROW + (int)i + 1);
}

static void valuations_sheet(book *b, const pc_scenario_report *r, const plan *p)
{
    if (!p->live || b->err || !pc_xlsx_ok(&b->w))
        return;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, VALUATIONS_SHEET);
    if (!ws) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    char title[160], price[48], head[160], ref[32];
    snprintf(title, sizeof title, "Award Valuations of fiscal %d in every price scenario", r->year);
    pc_xlsx_valuation_header(&b->w, ws, title, r->year, r->year);
    for (size_t i = 0; i < r->count; i++) {
        const pc_scenario *s = &r->items[i];
        pc_micro_format(s->price_micro, 2, price, sizeof price);
        snprintf(head, sizeof head, "Value per Share ($), scenario %zu at %s%s", i + 1, price,
                 s->actual ? " (actual)" : "");
        text(b, ws, PC_XLSX_HEADER_ROW, scenario_col(i), head, b->w.f.header);
        snprintf(head, sizeof head, "Contribution ($), scenario %zu at %s%s", i + 1, price,
                 s->actual ? " (actual)" : "");
        text(b, ws, PC_XLSX_HEADER_ROW, scenario_col(i) + 1, head, b->w.f.header);
    }
    check(b, worksheet_set_column(ws, (lxw_col_t)scenario_col(0),
                                  (lxw_col_t)(scenario_col(r->count) - 1), 13, NULL));
    b->w.price_ref = NULL;
    b->w.price_ref_date = r->price_date;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t shared = 0, varying = 0;
    for (size_t first = 0; first < p->n && pc_xlsx_ok(&b->w);) {
        size_t end = group_end(p, first);
        if (shared_group(p, first, end, r->count, r->price_date)) {
            b->w.scenario_row = false;
            pc_xlsx_valuation_row(&b->w, ws, row++, p->e[first].v, shared++);
            first = end;
            continue;
        }
        size_t rows = group_rows(p, first, end);
        for (size_t o = 0; o < rows && pc_xlsx_ok(&b->w); o++, row++) {
            bool written = false;
            for (size_t k = first; k < end; k++) {
                const entry *e = &p->e[k];
                if (e->occurrence != o)
                    continue;
                if (!written) {
                    b->w.scenario_row = true;
                    pc_xlsx_valuation_row(&b->w, ws, row, e->v, varying++);
                    written = true;
                }
                scenario_price_ref(ref, sizeof ref, e->scenario);
                pc_xlsx_valuation_scenario_cells(&b->w, ws, row, e->v, scenario_col(e->scenario),
                                                 ref);
            }
        }
        first = end;
    }
    b->w.scenario_row = false;
    pc_xlsx_valuation_filter(&b->w, ws, row - 1);
    pc_xlsx_notef(&b->w, ws, row + 1,
                  "%zu valuations are the same in every scenario: their value and contribution "
                  "are in the Value and Contribution columns. %zu rows differ by scenario: the "
                  "close the scenario sets is its price cell on Scenarios, and each scenario's "
                  "value per share and contribution are in its own two columns to the right "
                  "(blank where the scenario has no such valuation). A fair value line of "
                  "scenario N on CAP Lines is the Contribution column plus scenario N's "
                  "contribution column, summed by person, fiscal year and line.",
                  shared, varying);
}

/* ---- The SCT figures ---- */

#define SCT_SHEET "SCT Figures"

/* Whether a line comes from the Summary Compensation Table or Cash and FX
 * (no scenario changes it). */
static bool sct_line(int l)
{
    pc_cap_source source = pc_cap_rule_of((pc_cap_line)l)->source;
    return source == PC_CAP_FROM_SCT || source == PC_CAP_FROM_COMPONENT;
}

/* Whether every scenario has the first one's reconciliations with the same
 * SCT lines: then SCT Figures holds them once. */
static bool sct_shared(const pc_scenario_report *r)
{
    const pc_scenario *s0 = &r->items[0];
    for (size_t i = 1; i < r->count; i++) {
        const pc_scenario *s = &r->items[i];
        if (s->ncap != s0->ncap)
            return false;
        for (size_t k = 0; k < s->ncap; k++) {
            if (s->cap[k].subject != s0->cap[k].subject)
                return false;
            for (int l = 0; l < PC_CAP_CAP; l++)
                if (sct_line(l) && s->cap[k].line[l] != s0->cap[k].line[l])
                    return false;
        }
    }
    return true;
}

/* SCT Figures: a row per person of the year's reconciliations (the first
 * scenario's order), the lines of SCT origin as the SCT and Cash and FX
 * show them (a deduction as a positive amount). */
#define SCT_FIRST_ROW 3

static int sct_col(int l)
{
    int col = 1;
    for (int k = 0; k < l; k++)
        col += sct_line(k);
    return col;
}

static const char *sct_words(pc_cap_line line)
{
    switch (line) {
    case PC_CAP_SCT_TOTAL:
        return "SCT total";
    case PC_CAP_LESS_EQUITY_AWARDS:
        return "Stock and option awards in the SCT";
    case PC_CAP_LESS_PENSION:
        return "Change in pension value in the SCT";
    case PC_CAP_PLUS_PENSION_SERVICE:
        return "Pension service cost";
    case PC_CAP_PLUS_PENSION_PRIOR_SERVICE:
        return "Pension prior service cost";
    case PC_CAP_DIVIDENDS:
        return "Dividends on unvested awards";
    default:
        return cap_line_words(line);
    }
}

static void sct_sheet(book *b, const pc_dataset *ds, const pc_scenario_report *r)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, SCT_SHEET);
    if (!ws) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    char title[200];
    snprintf(title, sizeof title,
             "Summary Compensation figures of fiscal %d that no scenario changes (report.xlsx's "
             "Summary Compensation and Cash and FX)",
             r->year);
    text(b, ws, 0, 0, title, b->bold);
    text(b, ws, SCT_FIRST_ROW - 1, 0, "Person", b->wrap);
    for (int l = 0; l < PC_CAP_CAP; l++)
        if (sct_line(l))
            text(b, ws, SCT_FIRST_ROW - 1, sct_col(l), sct_words((pc_cap_line)l), b->wrap);
    check(b, worksheet_set_column(ws, 0, 0, 22, NULL));
    check(b, worksheet_set_column(ws, 1, (lxw_col_t)sct_col(PC_CAP_CAP), 18, NULL));
    check(b, worksheet_set_row(ws, SCT_FIRST_ROW - 1, 45, NULL));
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    const pc_scenario *s0 = &r->items[0];
    int row = SCT_FIRST_ROW;
    for (size_t k = 0; k < s0->ncap; k++) {
        const pc_cap_row *c = &s0->cap[k];
        if (c->subject == PC_SUBJECT_AVERAGE)
            continue;
        text(b, ws, row, 0, subject_name(ds, c->subject), NULL);
        for (int l = 0; l < PC_CAP_CAP; l++)
            if (sct_line(l))
                number(b, ws, row, sct_col(l),
                       cents(c->line[l] * pc_cap_rule_of((pc_cap_line)l)->sign), b->money);
        row++;
    }
}

/* The SCT Figures row of the first scenario's reconciliation k. */
static int sct_row(const pc_scenario *s0, size_t k)
{
    int row = SCT_FIRST_ROW;
    for (size_t j = 0; j < k; j++)
        row += s0->cap[j].subject != PC_SUBJECT_AVERAGE;
    return row;
}

/* One line of person reconciliation k of scenario i: the formula CAP by
 * Person would write over this workbook's sheets, or the figure. */
static void cap_line_cell(book *b, lxw_worksheet *ws, int row, const pc_scenario_report *r,
                          size_t i, size_t k, int l, bool sct, const plan *p, pc_buf *f)
{
    const pc_cap_row *c = &r->items[i].cap[k];
    const pc_cap_rule *rule = pc_cap_rule_of((pc_cap_line)l);
    bool src_nil = rule->not_for_src && b->w.ds->config.smaller_reporting_company;
    int decimals = b->w.ds->config.cap_decimals == 2 ? 2 : 0;
    pc_buf_clear(f);
    if (sct_line(l) && sct && !src_nil) {
        char ref[PC_XLSX_REF_SIZE];
        pc_xlsx_ref(ref, sizeof ref, SCT_SHEET, sct_row(&r->items[0], k), sct_col(l));
        pc_buf_printf(f, "=%s%s", rule->sign < 0 ? "-" : "", ref);
    } else if (rule->source == PC_CAP_FROM_FAIR_VALUES && p->live) {
        pc_buf_printf(f, "=ROUND(");
        pc_xlsx_valuation_sumifs_col(f, VALUATIONS_SHEET, PC_XLSX_VALUATION_COLS - 7, c->subject,
                                     c->year, pc_cap_key((pc_cap_line)l), NULL);
        pc_buf_printf(f, "+");
        pc_xlsx_valuation_sumifs_col(f, VALUATIONS_SHEET, scenario_col(i) + 1, c->subject, c->year,
                                     pc_cap_key((pc_cap_line)l), NULL);
        pc_buf_printf(f, ",%d)", decimals);
    }
    if (f->len && !f->failed)
        formula(b, ws, row, 2 + l, pc_buf_text(f), cents(c->line[l]), b->money);
    else
        number(b, ws, row, 2 + l, cents(c->line[l]), b->money);
}

/* CAP Lines: returns, for each scenario, the row of its first
 * reconciliation (the PEOs come first, in PvP order). */
static void cap_lines(book *b, const pc_dataset *ds, const pc_scenario_report *r, int *first,
                      bool sct, const plan *p)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "CAP Lines");
    if (!ws) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    text(b, ws, 0, 0, "Compensation actually paid, line by line, in each price scenario", b->bold);
    text(b, ws, 2, 0, "Year-end price", b->wrap);
    text(b, ws, 2, 1, "Person", b->wrap);
    for (int l = 0; l < PC_CAP_NLINES; l++)
        text(b, ws, 2, 2 + l, cap_line_words((pc_cap_line)l), b->wrap);
    check(b, worksheet_set_column(ws, 0, 0, 12, NULL));
    check(b, worksheet_set_column(ws, 1, 1, 22, NULL));
    check(b, worksheet_set_column(ws, 2, 2 + PC_CAP_NLINES, 16, NULL));
    check(b, worksheet_set_row(ws, 2, 75, NULL));
    worksheet_freeze_panes(ws, 3, 2);
    int row = 3;
    char from[16], to[16], f[96], avg[4200];
    pc_buf line = {0};
    size_t *subjects = NULL;
    int32_t *rows = NULL;
    for (size_t i = 0; i < r->count && !b->err; i++) {
        const pc_scenario *s = &r->items[i];
        first[i] = row;
        free(subjects);
        free(rows);
        subjects = malloc((s->ncap + 1) * sizeof *subjects);
        rows = malloc((s->ncap + 1) * sizeof *rows);
        if (!subjects || !rows) {
            check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            break;
        }
        size_t npeople = 0;
        for (size_t k = 0; k < s->ncap; k++, row++) {
            const pc_cap_row *c = &s->cap[k];
            snprintf(f, sizeof f, "=Scenarios!$A$%d", FIRST_ROW + (int)i + 1);
            formula(b, ws, row, 0, f, micros(s->price_micro), b->price);
            text(b, ws, row, 1, subject_name(ds, c->subject), NULL);
            if (c->subject != PC_SUBJECT_AVERAGE) {
                subjects[npeople] = c->subject;
                rows[npeople++] = row;
            }
            for (int l = 0; l < PC_CAP_CAP; l++) {
                if (c->subject != PC_SUBJECT_AVERAGE)
                    cap_line_cell(b, ws, row, r, i, k, l, sct, p, &line);
                else if (pc_xlsx_cap_average_formula(&b->w, &s->pvp, subjects, rows, npeople, 2 + l,
                                                     avg, sizeof avg))
                    formula(b, ws, row, 2 + l, avg, cents(c->line[l]), b->money);
                else
                    number(b, ws, row, 2 + l, cents(c->line[l]), b->money);
            }
            cell(from, sizeof from, row, 2);
            cell(to, sizeof to, row, 2 + PC_CAP_CAP - 1);
            snprintf(f, sizeof f, "=SUM(%s:%s)", from, to);
            formula(b, ws, row, 2 + PC_CAP_CAP, f, cents(c->line[PC_CAP_CAP]), b->money);
        }
    }
    if (line.failed)
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    pc_buf_fini(&line);
    free(subjects);
    free(rows);
}

typedef struct stock_group {
    size_t person;
    int line;
    int64_t units_micro; /* shares x probable outcome, micros of a share */
    size_t tranches;
    int64_t value; /* cents */
} stock_group;

static int compare_group(const void *a, const void *b)
{
    const stock_group *x = a, *y = b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->units_micro > y->units_micro) - (x->units_micro < y->units_micro);
}

static void year_end_stock(book *b, const pc_dataset *ds, const pc_scenario_report *r)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Year-End Stock");
    if (!ws) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    text(b, ws, 0, 0,
         "Year-end values of stock awards at each scenario's price: ROUND(units x price, 2) for "
         "each tranche (R2), times the tranches with those units",
         b->bold);
    static const char *heads[] = {"Year-end price",    "Person",   "CAP line",
                                  "Units per tranche", "Tranches", "Value"};
    for (int c = 0; c < 6; c++)
        text(b, ws, 2, c, heads[c], b->wrap);
    check(b, worksheet_set_column(ws, 0, 0, 12, NULL));
    check(b, worksheet_set_column(ws, 1, 1, 22, NULL));
    check(b, worksheet_set_column(ws, 2, 2, 44, NULL));
    check(b, worksheet_set_column(ws, 3, 5, 16, NULL));
    worksheet_freeze_panes(ws, 3, 0);
    int row = 3;
    char f[128];
    for (size_t i = 0; i < r->count && !b->err; i++) {
        const pc_scenario *s = &r->items[i];
        stock_group *g = calloc(s->nstock ? s->nstock : 1, sizeof *g);
        if (!g) {
            check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        for (size_t k = 0; k < s->nstock; k++) {
            const pc_scenario_stock *t = &s->stock[k];
            g[k] = (stock_group){t->person, t->line, t->shares * t->probable_micro, 1, t->value};
        }
        qsort(g, s->nstock, sizeof *g, compare_group);
        size_t n = 0;
        for (size_t k = 0; k < s->nstock; k++) {
            if (n > 0 && compare_group(&g[n - 1], &g[k]) == 0) {
                g[n - 1].tranches++;
                g[n - 1].value += g[k].value;
            } else {
                g[n++] = g[k];
            }
        }
        for (size_t k = 0; k < n && row < 1048575; k++, row++) {
            snprintf(f, sizeof f, "=Scenarios!$A$%d", FIRST_ROW + (int)i + 1);
            formula(b, ws, row, 0, f, micros(s->price_micro), b->price);
            text(b, ws, row, 1, ds->people.items[g[k].person].name, NULL);
            text(b, ws, row, 2, cap_line_words((pc_cap_line)g[k].line), NULL);
            number(b, ws, row, 3, (double)g[k].units_micro / 1e6, b->units);
            number(b, ws, row, 4, (double)g[k].tranches, NULL);
            snprintf(f, sizeof f, "=ROUND(D%d*A%d,2)*E%d", row + 1, row + 1, row + 1);
            formula(b, ws, row, 5, f, cents(g[k].value), b->money);
        }
        free(g);
    }
}

static void scenarios_sheet(book *b, lxw_worksheet *ws, const pc_dataset *ds,
                            const pc_scenario_report *r, const int *first, bool sct, const plan *p)
{
    char title[160], line[256], day[11], p1[48], p2[48];
    snprintf(title, sizeof title,
             "Price scenarios: compensation actually paid for fiscal %d (year end %s)", r->year,
             pc_date_format(r->year_end, day));
    text(b, ws, 0, 0, title, b->bold);
    pc_micro_format(r->as_of_close_micro, 2, p1, sizeof p1);
    if (r->has_actual)
        snprintf(line, sizeof line,
                 "Real prices to %s (close %s); the real year-end close %s is marked actual",
                 pc_date_format(r->as_of, day), p1,
                 pc_micro_format(r->actual_close_micro, 2, p2, sizeof p2));
    else
        snprintf(line, sizeof line, "Real prices to %s (close %s)", pc_date_format(r->as_of, day),
                 p1);
    text(b, ws, 1, 0, line, NULL);

    const pc_pvp_row *pvp = &r->items[0].pvp;
    int col = 0;
    text(b, ws, 3, col++, "Year-end price", b->wrap);
    text(b, ws, 3, col++, "Real year-end close", b->wrap);
    for (size_t k = 0; k < pvp->npeo; k++) {
        const char *name = ds->people.items[pvp->peo[k].person].name;
        snprintf(line, sizeof line, "CAP, %s (PEO)", name);
        text(b, ws, 3, col++, line, b->wrap);
        snprintf(line, sizeof line, "SCT total, %s (PEO)", name);
        text(b, ws, 3, col++, line, b->wrap);
    }
    int avg_col = col;
    text(b, ws, 3, col++, "Average CAP, non-PEO NEOs", b->wrap);
    text(b, ws, 3, col++, "TSR (value of $100)", b->wrap);
    check(b, worksheet_set_column(ws, 0, (lxw_col_t)col, 16, NULL));
    check(b, worksheet_set_row(ws, 3, 45, NULL));
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 1);

    char f[96], ref[PC_XLSX_REF_SIZE];
    for (size_t i = 0; i < r->count; i++) {
        const pc_scenario *s = &r->items[i];
        int row = FIRST_ROW + (int)i;
        number(b, ws, row, 0, micros(s->price_micro), b->price);
        text(b, ws, row, 1, s->actual ? "actual" : "", NULL);
        for (size_t k = 0; k < s->pvp.npeo; k++) {
            cell(ref, sizeof ref, first[i] + (int)k, 2 + PC_CAP_CAP);
            snprintf(f, sizeof f, "='CAP Lines'!%s", ref);
            formula(b, ws, row, 2 + 2 * (int)k, f, cents(s->pvp.peo[k].cap), b->money);
            /* The PEO's SCT total: their row on SCT Figures. */
            size_t at = s->ncap;
            for (size_t j = 0; sct && j < s->ncap; j++)
                if (s->cap[j].subject == s->pvp.peo[k].person)
                    at = j;
            if (at < s->ncap && s->cap[at].line[PC_CAP_SCT_TOTAL] == s->pvp.peo[k].sct_total) {
                pc_xlsx_ref(ref, sizeof ref, SCT_SHEET, sct_row(&r->items[0], at),
                            sct_col(PC_CAP_SCT_TOTAL));
                snprintf(f, sizeof f, "=%s", ref);
                formula(b, ws, row, 3 + 2 * (int)k, f, cents(s->pvp.peo[k].sct_total), b->money);
            } else {
                number(b, ws, row, 3 + 2 * (int)k, cents(s->pvp.peo[k].sct_total), b->money);
            }
        }
        if (s->pvp.has_average) {
            cell(ref, sizeof ref, first[i] + (int)s->ncap - 1, 2 + PC_CAP_CAP);
            snprintf(f, sizeof f, "='CAP Lines'!%s", ref);
            formula(b, ws, row, avg_col, f, cents(s->pvp.avg_cap), b->money);
        }
        number(b, ws, row, avg_col + 1, cents(s->pvp.tsr), b->tsr); /* R6: 2 decimals */
    }

    int row = FIRST_ROW + (int)r->count + 1;
    for (size_t k = 0; k < r->npeo; k++, row++) {
        const pc_break_even *be = &r->peo[k];
        char a[48], c[48];
        snprintf(line, sizeof line,
                 "%s: CAP equals the SCT total at a year-end price of %s; CAP is zero at %s",
                 ds->people.items[be->person].name,
                 be->has_sct_price ? pc_micro_format(be->sct_price_micro, 2, a, sizeof a) : "none",
                 be->has_zero_price ? pc_micro_format(be->zero_price_micro, 2, c, sizeof c)
                                    : "none");
        text(b, ws, row, 0, line, NULL);
    }
    snprintf(line, sizeof line, "Break-even prices searched between %s and %s",
             pc_micro_format(r->search_low_micro, 2, p1, sizeof p1),
             pc_micro_format(r->search_high_micro, 2, p2, sizeof p2));
    text(b, ws, row++, 0, line, NULL);
    if (!p->live) {
        snprintf(line, sizeof line,
                 "The fair value lines are figures, without a Valuations sheet: %zu scenarios "
                 "of this input set exceed %zu valuations. Fewer scenarios give live lines.",
                 r->count,
                 r->options.live_rows ? r->options.live_rows : (size_t)PC_SCENARIOS_LIVE_ROWS);
        text(b, ws, row++, 0, line, NULL);
    }

    /* CAP against the price, with the SCT totals as reference lines. */
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
    if (!chart) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    lxw_row_t last = (lxw_row_t)(FIRST_ROW + r->count - 1);
    for (size_t k = 0; k < pvp->npeo; k++) {
        for (int ref_line = 0; ref_line < 2; ref_line++) {
            lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
            if (!series) {
                check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
                return;
            }
            lxw_col_t c = (lxw_col_t)(2 + 2 * k + (size_t)ref_line);
            chart_series_set_categories(series, "Scenarios", FIRST_ROW, 0, last, 0);
            chart_series_set_values(series, "Scenarios", FIRST_ROW, c, last, c);
            chart_series_set_name_range(series, "Scenarios", 3, c);
            if (ref_line) {
                lxw_chart_line dash = {.dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1.5};
                chart_series_set_line(series, &dash);
                chart_series_set_marker_type(series, LXW_CHART_MARKER_NONE);
            }
        }
    }
    lxw_chart_font title_font = {.size = 12, .bold = 1};
    chart_title_set_name(chart, "Compensation actually paid against the year-end price");
    chart_title_set_name_font(chart, &title_font);
    chart_axis_set_name(chart->x_axis, "Year-end stock price (USD)");
    chart_axis_set_name(chart->y_axis, "USD");
    chart_axis_set_num_format(chart->y_axis, "#,##0;(#,##0)");
    chart_axis_set_num_format(chart->x_axis, "0.00");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.5, .object_position = 1};
    check(b, worksheet_insert_chart_opt(ws, (lxw_row_t)row + 1, 0, chart, &opt));
}

pc_status pc_xlsx_scenarios_write_file(const pc_dataset *ds, const pc_scenario_report *r,
                                       const char *file, const char *path, pc_diags *diags)
{
    book b = {0};
    int *first = calloc(r->count ? r->count : 1, sizeof *first);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    b.wb = first ? workbook_new_opt(file, &options) : NULL;
    if (!b.wb) {
        free(first);
        pc_error(diags, path, 0, 0, "write_failed", "could not start the workbook '%s'", path);
        return PC_ERR_WRITE;
    }
    b.bold = workbook_add_format(b.wb);
    b.money = workbook_add_format(b.wb);
    b.price = workbook_add_format(b.wb);
    b.units = workbook_add_format(b.wb);
    b.wrap = workbook_add_format(b.wb);
    b.tsr = workbook_add_format(b.wb);
    if (b.bold && b.money && b.price && b.units && b.wrap && b.tsr) {
        format_set_num_format(b.tsr, "0.00");
        format_set_bold(b.bold);
        format_set_num_format(b.money, ds->config.cap_decimals == 2 ? "#,##0.00;(#,##0.00)"
                                                                    : "#,##0;(#,##0)");
        format_set_num_format(b.price, "0.00####");
        format_set_num_format(b.units, "#,##0.######");
        format_set_text_wrap(b.wrap);
        format_set_bold(b.wrap);
        format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
    } else {
        check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    lxw_doc_properties props = {
        .title = "Price scenarios: compensation actually paid",
        .subject = ds->config.company_name,
        .comments = "Written by paycalc " PAYCALC_VERSION,
        .created = 86400, /* fixed: the same inputs give the same bytes */
    };
    check(&b, workbook_set_properties(b.wb, &props));
    b.w.ds = ds;
    b.w.wb = b.wb;
    b.w.last_row = PC_XLSX_LAST_ROW;
    if (!b.err && !pc_xlsx_make_formats(&b.w))
        check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    /* The Scenarios sheet first (the one a reader opens), filled last: its
     * CAP cells link to the rows of CAP Lines. */
    lxw_worksheet *main = workbook_add_worksheet(b.wb, "Scenarios");
    if (!main)
        check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    plan p = {0};
    bool sct = r->count > 0 && sct_shared(r);
    if (!b.err && make_plan(&b, r, &p)) {
        cap_lines(&b, ds, r, first, sct, &p);
        if (!b.err)
            year_end_stock(&b, ds, r);
        if (!b.err)
            scenarios_sheet(&b, main, ds, r, first, sct, &p);
        if (!b.err && sct)
            sct_sheet(&b, ds, r);
        if (!b.err)
            valuations_sheet(&b, r, &p);
    }
    free(p.e);
    lxw_error closed = workbook_close(b.wb);
    check(&b, closed);
    check(&b, b.w.err);
    /* The row buffers the shared valuation and formula writers reuse. */
    pc_buf_fini(&b.w.formula);
    pc_buf_fini(&b.w.scratch);
    free(first);
    if (b.w.status != PC_OK) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write the workbook '%s': %s", path,
                 b.w.problem);
        return b.w.status;
    }
    if (b.err) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write the workbook '%s': %s", path,
                 lxw_strerror(b.err));
        return PC_ERR_WRITE;
    }
    return PC_OK;
}
