/*
 * The working sheets of report.xlsx (SPEC section 9): every award valuation
 * with its inputs (SPEC section 5), the exchange rates used (section 4), the
 * TSR computation (section 7, Item 201(e)) and the verify findings
 * (section 8). These are the audit trail behind the proxy tables: one row
 * per item, filterable, in the units the inputs use.
 *
 * The valuation sheet can hold hundreds of thousands of rows; it does a
 * constant amount of work per row (index lookups, no searches) and writes
 * rows strictly in order, as constant_memory mode needs.
 */
#include "equity.h"
#include "sheets.h"

#include "paycalc/ledger.h"
#include "paycalc/market.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ Award Valuations */

static const char *const valuation_titles[] = {
    "Award ID",
    "Tranche",
    "Executive",
    "Person No.",
    "Type",
    "Condition",
    "Grant Date",
    "Vest Date",
    "Valuation Date",
    "Purpose",
    "Method",
    "Stock Price ($)",
    "Price Date",
    "Exercise Price ($)",
    "Volatility (\u03c3)",
    "Risk-Free Rate (r)",
    "Dividend Yield (q)",
    "Time to Vest (t_v, Years)",
    "Time to Expiration (t_c, Years)",
    "Expected Term (T, Years)",
    "d1",
    "d2",
    "N(d1)",
    "N(d2)",
    "Probable Outcome",
    "Fair Value per Share ($)",
    "Shares (#)",
    "Value ($)",
    "Fiscal Year",
    "Feeds",
    "Line",
    "Contribution ($)",
    "Source",
    "Note",
    "Monte Carlo Paths",
    "Seed",
    "Standard Error ($)",
    "Expected Payout",
};
#define VALUATION_COLS (sizeof valuation_titles / sizeof valuation_titles[0])
/* Columns other sheets and the code below name. */
#define VAL_COL_PRICE 11
#define VAL_COL_PROBABLE 24
#define VAL_COL_PER_SHARE 25
#define VAL_COL_SHARES 26
#define VAL_COL_VALUE 27
#define VAL_COL_LINE 30
#define VAL_COL_CONTRIBUTION 31
_Static_assert(VAL_COL_CONTRIBUTION + 7 == VALUATION_COLS, "the columns as titled");
_Static_assert(PC_XLSX_VALUATION_COLS == VALUATION_COLS, "the columns as titled");

/* The method in words; a share price discounted for dividends the holder
 * does not receive says so, with the formula its columns rebuild. */
static const char *method_words(const pc_valuation *v)
{
    if (v->method == PC_METHOD_STOCK_PRICE && !v->per_share_exact)
        return "Closing stock price less dividends not received: price x exp(-q x t_v)";
    return pc_xlsx_method_words(v->method);
}

/* Whether a Black-Scholes value is written as live formulas over its row:
 * the model's general case (calc/engine/bsm.c). Its degenerate cases (T,
 * sigma, K or S of 0: the payoff is certain, d1 and d2 have no finite
 * value) stay figures, as does a value whose price is not on the row. */
static bool bs_live(const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    return v->method == PC_METHOD_BLACK_SCHOLES && in->has_price && in->has_assumptions &&
           in->price_micro > 0 && in->strike > 0 && in->volatility > 0 && in->term > 0;
}

/* The Black-Scholes-Merton call of the row (SPEC section 5, VAL-1) as the
 * engine computes it, over the row's S, K, sigma, r, q and T cells:
 * d1 = (ln(S/K) + (r - q + sigma^2/2) T) / (sigma sqrt(T)), d2 = d1 - sigma
 * sqrt(T), and the value S e^(-qT) N(d1) - K e^(-rT) N(d2), never below 0;
 * each with the engine's figure stored. */
static void bs_formulas(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    char s[PC_XLSX_REF_SIZE], k[PC_XLSX_REF_SIZE], sigma[PC_XLSX_REF_SIZE], r[PC_XLSX_REF_SIZE],
        q[PC_XLSX_REF_SIZE], t[PC_XLSX_REF_SIZE], d1[PC_XLSX_REF_SIZE], d2[PC_XLSX_REF_SIZE],
        nd1[PC_XLSX_REF_SIZE], nd2[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(s, sizeof s, NULL, row, VAL_COL_PRICE);
    pc_xlsx_ref(k, sizeof k, NULL, row, VAL_COL_PRICE + 2);
    pc_xlsx_ref(sigma, sizeof sigma, NULL, row, VAL_COL_PRICE + 3);
    pc_xlsx_ref(r, sizeof r, NULL, row, VAL_COL_PRICE + 4);
    pc_xlsx_ref(q, sizeof q, NULL, row, VAL_COL_PRICE + 5);
    pc_xlsx_ref(t, sizeof t, NULL, row, VAL_COL_PRICE + 8);
    pc_xlsx_ref(d1, sizeof d1, NULL, row, VAL_COL_PRICE + 9);
    pc_xlsx_ref(d2, sizeof d2, NULL, row, VAL_COL_PRICE + 10);
    pc_xlsx_ref(nd1, sizeof nd1, NULL, row, VAL_COL_PRICE + 11);
    pc_xlsx_ref(nd2, sizeof nd2, NULL, row, VAL_COL_PRICE + 12);
    const char *f = pc_xlsx_formula_text(w, "=(LN(", s, "/", k, ")+(", r, "-", q, "+", sigma, "*",
                                         sigma, "/2)*", t, ")/(", sigma, "*SQRT(", t, "))", NULL);
    pc_xlsx_formula(w, ws, row, VAL_COL_PRICE + 9, f, w->f.decimal, in->d1);
    f = pc_xlsx_formula_text(w, "=", d1, "-", sigma, "*SQRT(", t, ")", NULL);
    pc_xlsx_formula(w, ws, row, VAL_COL_PRICE + 10, f, w->f.decimal, in->d2);
    f = pc_xlsx_formula_text(w, "=_xlfn.NORM.S.DIST(", d1, ",TRUE)", NULL);
    pc_xlsx_formula(w, ws, row, VAL_COL_PRICE + 11, f, w->f.decimal, in->nd1);
    f = pc_xlsx_formula_text(w, "=_xlfn.NORM.S.DIST(", d2, ",TRUE)", NULL);
    pc_xlsx_formula(w, ws, row, VAL_COL_PRICE + 12, f, w->f.decimal, in->nd2);
    f = pc_xlsx_formula_text(w, "=MAX(", s, "*EXP(-", q, "*", t, ")*", nd1, "-", k, "*EXP(-", r,
                             "*", t, ")*", nd2, ",0)", NULL);
    pc_xlsx_formula(w, ws, row, VAL_COL_PER_SHARE, f, w->f.price, v->per_share);
}

/* Whether a valuation's close is the one each scenario of scenarios.xlsx
 * sets (its price cell on Scenarios). */
static bool scenario_close(const pc_xlsx *w, const pc_valuation *v)
{
    return w->scenario_row && v->inputs.has_price && v->inputs.price_date == w->price_ref_date;
}

/* The model inputs: price, exercise price, assumptions, times, d1, d2. */
static void model_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v)
{
    const pc_valuation_inputs *in = &v->inputs;
    /* A row of scenarios.xlsx whose figures differ by scenario: the close
     * the scenario sets is its price cell, and the model's outputs are in
     * the scenario's columns (pc_xlsx_valuation_scenario_cells). */
    bool per_scenario = w->scenario_row;
    if (in->has_price) {
        if (!per_scenario || !scenario_close(w, v))
            pc_xlsx_price_cell(w, ws, row, VAL_COL_PRICE, in->price_date, in->price_micro, false);
        pc_xlsx_date(w, ws, row, VAL_COL_PRICE + 1, in->price_date, w->f.date);
    }
    bool model = v->method == PC_METHOD_BLACK_SCHOLES;
    bool discounted = v->method == PC_METHOD_STOCK_PRICE && !v->per_share_exact;
    /* The exercise price from Award Terms, the assumptions from their
     * Assumptions row (SPEC section 9: one cell per fact). */
    const pc_award *award = &w->ds->awards.items[w->ds->tranches.items[v->tranche].award];
    if (model) {
        if (pc_micro_to_double(award->exercise_price_micro) == in->strike)
            pc_xlsx_exercise_price_cell(w, ws, row, VAL_COL_PRICE + 2,
                                        w->ds->tranches.items[v->tranche].award);
        else
            pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 2, in->strike, w->f.price);
    }
    const pc_assumption *as = NULL;
    if (in->has_assumptions) {
        as = pc_market_assumptions_at(w->ds, in->assumption_date);
        if (as && as->date != in->assumption_date)
            as = NULL;
    }
    if (in->has_assumptions && (model || discounted)) {
        if (model) {
            pc_xlsx_assumption_cell(w, ws, row, VAL_COL_PRICE + 3, as, PC_XLSX_VOLATILITY,
                                    in->volatility, w->f.percent);
            pc_xlsx_assumption_cell(w, ws, row, VAL_COL_PRICE + 4, as, PC_XLSX_RATE, in->rate,
                                    w->f.percent);
        }
        pc_xlsx_assumption_cell(w, ws, row, VAL_COL_PRICE + 5, as, PC_XLSX_YIELD, in->yield,
                                w->f.percent);
    }
    if (model || discounted)
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 6, in->vest_time, w->f.decimal);
    if (model) {
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 7, in->contractual, w->f.decimal);
        pc_xlsx_assumption_cell(w, ws, row, VAL_COL_PRICE + 8, in->has_assumptions ? as : NULL,
                                PC_XLSX_TERM, in->term, w->f.decimal);
        if (per_scenario)
            return;
        if (bs_live(v)) {
            bs_formulas(w, ws, row, v);
            return;
        }
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 9, in->d1, w->f.decimal);
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 10, in->d2, w->f.decimal);
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 11, in->nd1, w->f.decimal);
        pc_xlsx_number(w, ws, row, VAL_COL_PRICE + 12, in->nd2, w->f.decimal);
    }
}

/* Value (R2) and its signed contribution to its line: a formula over the
 * row when the per-share value is an exact decimal. */
static void value_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v)
{
    /* The probable outcome from its Outcomes row (outcomes.csv). */
    const pc_outcome *o = v->inputs.has_outcome
                              ? pc_market_outcome_at(w->ds, v->tranche, v->inputs.outcome_date)
                              : NULL;
    if (o && o->date != v->inputs.outcome_date)
        o = NULL;
    if (o)
        pc_xlsx_outcome_cell(w, ws, row, VAL_COL_PROBABLE, o, 0, v->probable_micro);
    else
        pc_xlsx_micros(w, ws, row, VAL_COL_PROBABLE, v->probable_micro, w->f.percent);
    /* A live Black-Scholes value is the model's formula (model_cells). */
    bool live = bs_live(v);
    char price[PC_XLSX_REF_SIZE], yield[PC_XLSX_REF_SIZE], t_v[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(price, sizeof price, NULL, row, VAL_COL_PRICE);
    pc_xlsx_ref(yield, sizeof yield, NULL, row, VAL_COL_PRICE + 5);
    pc_xlsx_ref(t_v, sizeof t_v, NULL, row, VAL_COL_PRICE + 6);
    /* A value at the closing price is the price cell (so an edited close on
     * Prices moves it); one less the dividends not received is price x
     * exp(-q x t_v) over the row, as calc/engine/value.c computes it. */
    bool at_price = v->method == PC_METHOD_STOCK_PRICE && v->inputs.has_price;
    bool discounted = at_price && !v->per_share_exact;
    if (w->scenario_row) {
        pc_xlsx_number(w, ws, row, VAL_COL_SHARES, (double)v->shares, w->f.integer);
        return;
    }
    if (at_price && v->per_share_exact) {
        pc_xlsx_formula(w, ws, row, VAL_COL_PER_SHARE, pc_xlsx_formula_text(w, "=", price, NULL),
                        w->f.price, pc_xlsx_micros_value(v->per_share_micro));
    } else if (discounted) {
        const char *f = pc_xlsx_formula_text(w, "=", price, "*EXP(-", yield, "*", t_v, ")", NULL);
        pc_xlsx_formula(w, ws, row, VAL_COL_PER_SHARE, f, w->f.price, v->per_share);
    } else if (v->per_share_exact) {
        pc_xlsx_micros(w, ws, row, VAL_COL_PER_SHARE, v->per_share_micro, w->f.price);
    } else if (!live) {
        pc_xlsx_number(w, ws, row, VAL_COL_PER_SHARE, v->per_share, w->f.price);
    }
    pc_xlsx_number(w, ws, row, VAL_COL_SHARES, (double)v->shares, w->f.integer);
    char per_share[PC_XLSX_REF_SIZE], shares[PC_XLSX_REF_SIZE], probable[PC_XLSX_REF_SIZE],
        value[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(per_share, sizeof per_share, NULL, row, VAL_COL_PER_SHARE);
    pc_xlsx_ref(shares, sizeof shares, NULL, row, VAL_COL_SHARES);
    pc_xlsx_ref(probable, sizeof probable, NULL, row, VAL_COL_PROBABLE);
    pc_xlsx_ref(value, sizeof value, NULL, row, VAL_COL_VALUE);
    if (v->per_share_exact || live || discounted) {
        /* R2 (calc/engine/value.c): shares x per share x probable outcome,
         * rounded to the cent. */
        const char *f =
            pc_xlsx_formula_text(w, "=ROUND(", per_share, "*", shares, "*", probable, ",2)", NULL);
        pc_xlsx_formula(w, ws, row, VAL_COL_VALUE, f, w->f.cents, (double)v->value / 100.0);
    } else {
        pc_xlsx_cents(w, ws, row, VAL_COL_VALUE, v->value, w->f.cents);
    }
    bool deducted = pc_valuation_deducted(v);
    int64_t contribution = pc_valuation_contribution(v);
    pc_xlsx_formula(w, ws, row, VAL_COL_CONTRIBUTION,
                    pc_xlsx_formula_text(w, deducted ? "=-" : "=", value, NULL), w->f.cents,
                    (double)contribution / 100.0);
}

void pc_xlsx_valuation_scenario_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row,
                                      const pc_valuation *v, int col, const char *price)
{
    const pc_valuation_inputs *in = &v->inputs;
    char s[PC_XLSX_REF_SIZE], k[PC_XLSX_REF_SIZE], sigma[PC_XLSX_REF_SIZE], r[PC_XLSX_REF_SIZE],
        q[PC_XLSX_REF_SIZE], t[PC_XLSX_REF_SIZE], t_v[PC_XLSX_REF_SIZE],
        per_share[PC_XLSX_REF_SIZE], shares[PC_XLSX_REF_SIZE], probable[PC_XLSX_REF_SIZE];
    if (scenario_close(w, v))
        snprintf(s, sizeof s, "%s", price);
    else
        pc_xlsx_ref(s, sizeof s, NULL, row, VAL_COL_PRICE);
    pc_xlsx_ref(k, sizeof k, NULL, row, VAL_COL_PRICE + 2);
    pc_xlsx_ref(sigma, sizeof sigma, NULL, row, VAL_COL_PRICE + 3);
    pc_xlsx_ref(r, sizeof r, NULL, row, VAL_COL_PRICE + 4);
    pc_xlsx_ref(q, sizeof q, NULL, row, VAL_COL_PRICE + 5);
    pc_xlsx_ref(t_v, sizeof t_v, NULL, row, VAL_COL_PRICE + 6);
    pc_xlsx_ref(t, sizeof t, NULL, row, VAL_COL_PRICE + 8);
    pc_xlsx_ref(per_share, sizeof per_share, NULL, row, col);
    pc_xlsx_ref(shares, sizeof shares, NULL, row, VAL_COL_SHARES);
    pc_xlsx_ref(probable, sizeof probable, NULL, row, VAL_COL_PROBABLE);
    bool live = bs_live(v);
    bool at_price = v->method == PC_METHOD_STOCK_PRICE && in->has_price;
    bool discounted = at_price && !v->per_share_exact;
    if (live) {
        /* bs_formulas' d1, d2, N(d1), N(d2) and value in one cell, the
         * same operations in the same order. */
        const char *f = pc_xlsx_formula_text(
            w, "=MAX(", s, "*EXP(-", q, "*", t, ")*_xlfn.NORM.S.DIST((LN(", s, "/", k, ")+(", r,
            "-", q, "+", sigma, "*", sigma, "/2)*", t, ")/(", sigma, "*SQRT(", t, ")),TRUE)-", k,
            "*EXP(-", r, "*", t, ")*_xlfn.NORM.S.DIST((LN(", s, "/", k, ")+(", r, "-", q, "+",
            sigma, "*", sigma, "/2)*", t, ")/(", sigma, "*SQRT(", t, "))-", sigma, "*SQRT(", t,
            "),TRUE),0)", NULL);
        pc_xlsx_formula(w, ws, row, col, f, w->f.price, v->per_share);
    } else if (at_price && v->per_share_exact) {
        pc_xlsx_formula(w, ws, row, col, pc_xlsx_formula_text(w, "=", s, NULL), w->f.price,
                        pc_xlsx_micros_value(v->per_share_micro));
    } else if (discounted) {
        const char *f = pc_xlsx_formula_text(w, "=", s, "*EXP(-", q, "*", t_v, ")", NULL);
        pc_xlsx_formula(w, ws, row, col, f, w->f.price, v->per_share);
    } else if (v->per_share_exact) {
        pc_xlsx_micros(w, ws, row, col, v->per_share_micro, w->f.price);
    } else {
        pc_xlsx_number(w, ws, row, col, v->per_share, w->f.price);
    }
    int64_t contribution = pc_valuation_contribution(v);
    if (v->per_share_exact || live || discounted) {
        const char *f = pc_xlsx_formula_text(w, pc_valuation_deducted(v) ? "=-ROUND(" : "=ROUND(",
                                             per_share, "*", shares, "*", probable, ",2)", NULL);
        pc_xlsx_formula(w, ws, row, col + 1, f, w->f.cents, (double)contribution / 100.0);
    } else {
        pc_xlsx_cents(w, ws, row, col + 1, contribution, w->f.cents);
    }
}

/* The input lines a valuation comes from (SPEC section 9: every
 * valuation row names them): the close (prices.csv), the assumptions row,
 * the probable outcome (outcomes.csv), a supplied value (fair_values.csv or
 * awards.csv's grant_fv_per_share) and a market condition
 * (market_conditions.csv), joined by "; ". Each row is found by a binary
 * search of the dataset (paycalc/market.h). */
static void valuation_source(pc_xlsx *w, const pc_valuation *v, const pc_award *a, pc_buf *b)
{
    const pc_valuation_inputs *in = &v->inputs;
    const char *sep = "";
    if (v->method == PC_METHOD_MONTE_CARLO || v->method == PC_METHOD_MARKET_OUTCOME) {
        pc_xlsx_put_line(w, b, "", "market_conditions.csv", in->condition_line);
        sep = "; ";
    } else if (in->supplied_line > 0) {
        pc_xlsx_put_line(w, b, "", "fair_values.csv", in->supplied_line);
        sep = "; ";
    } else if (v->method == PC_METHOD_SUPPLIED) {
        pc_xlsx_put_line(w, b, "", "awards.csv", a->line);
        pc_buf_puts(b, pc_xlsx_words(w, " (grant_fv_per_share)"));
        sep = "; ";
    }
    const pc_price *price = in->has_price ? pc_market_price_at(w->ds, in->price_date) : NULL;
    if (price && price->date == in->price_date) {
        pc_xlsx_put_line(w, b, sep, "prices.csv", price->line);
        sep = "; ";
    }
    const pc_assumption *as =
        in->has_assumptions ? pc_market_assumptions_at(w->ds, in->assumption_date) : NULL;
    if (as && as->date == in->assumption_date) {
        pc_xlsx_put_line(w, b, sep, "assumptions.csv", as->line);
        sep = "; ";
    }
    const pc_outcome *o =
        in->has_outcome ? pc_market_outcome_at(w->ds, v->tranche, in->outcome_date) : NULL;
    if (o && o->date == in->outcome_date) {
        pc_xlsx_put_line(w, b, sep, "outcomes.csv", o->line);
        sep = "; ";
    }
    /* A value under an award's modified terms, or of its original terms
     * just before the change (ASC 718-20-35-3), names the modification. */
    const pc_modification *m = pc_award_modified_by(w->ds, a, v->date);
    if (m)
        pc_xlsx_put_line(w, b, sep, pc_file_name(PC_FILE_MODIFICATIONS), m->line);
}

/* The lines the fixed words of a valuation row (its method, the line it
 * feeds) take in their cells, measured once for each: a few distinct texts
 * over every row (wrapping one measured every character of it, 3.6% of the
 * workbook's time). Keyed by the text's address, so only for texts that
 * are string constants. */
typedef struct words_lines {
    const char *text[16];
    int col[16];
    size_t lines[16];
    size_t count;
    /* The same texts in the --labels language, looked up once each. */
    const char *en[16], *words[16];
    size_t nwords;
} words_lines;

/* A fixed text of a valuation row (a string constant) in the --labels
 * language. */
static const char *fixed_words(const pc_xlsx *w, words_lines *memo, const char *en)
{
    if (w->ds->config.labels == PC_LABELS_EN || !en)
        return en;
    for (size_t i = 0; i < memo->nwords; i++)
        if (memo->en[i] == en)
            return memo->words[i];
    const char *words = pc_xlsx_words(w, en);
    if (memo->nwords < sizeof memo->en / sizeof memo->en[0]) {
        memo->en[memo->nwords] = en;
        memo->words[memo->nwords++] = words;
    }
    return words;
}

static size_t fixed_words_lines(pc_xlsx *w, words_lines *memo, int col, const char *text)
{
    for (size_t i = 0; i < memo->count; i++)
        if (memo->text[i] == text && memo->col[i] == col)
            return memo->lines[i];
    size_t lines = pc_xlsx_cell_lines(w, col, text);
    if (memo->count < sizeof memo->text / sizeof memo->text[0]) {
        memo->text[memo->count] = text;
        memo->col[memo->count] = col;
        memo->lines[memo->count++] = lines;
    }
    return lines;
}

static void valuation_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v,
                          size_t index, words_lines *memo);

void pc_xlsx_valuation_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v,
                           size_t index)
{
    words_lines memo = {0};
    valuation_row(w, ws, row, v, index, &memo);
}

static void valuation_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v,
                          size_t index, words_lines *memo)
{
    const pc_dataset *ds = w->ds;
    const pc_valuation_inputs *in = &v->inputs;
    if (v->tranche >= ds->tranches.count ||
        ds->tranches.items[v->tranche].award >= ds->awards.count) {
        pc_xlsx_fail(w, PC_ERR_USAGE,
                     "award valuation %zu refers to tranche %zu, which the input set does not have",
                     index + 1, v->tranche);
        return;
    }
    const pc_tranche *t = &ds->tranches.items[v->tranche];
    const pc_award *a = &ds->awards.items[t->award];
    if (v->line >= PC_CAP_NLINES) {
        pc_xlsx_fail(w, PC_ERR_USAGE, "award valuation %zu feeds line %d, which does not exist",
                     index + 1, v->line);
        return;
    }
    pc_xlsx_text(w, ws, row, 0, a->id, w->f.text);
    pc_xlsx_number(w, ws, row, 1, t->number, w->f.year);
    pc_xlsx_text(w, ws, row, 2, pc_xlsx_person_name(w, a->person), w->f.text);
    pc_xlsx_number(w, ws, row, 3, (double)a->person + 1, w->f.centred);
    pc_xlsx_text(w, ws, row, 4, pc_xlsx_type_key(a->type), w->f.text);
    pc_xlsx_text(w, ws, row, 5, pc_xlsx_condition_key(a->condition), w->f.text);
    pc_xlsx_date(w, ws, row, 6, a->grant_date, w->f.date);
    pc_xlsx_date(w, ws, row, 7, t->vest_date, w->f.date);
    pc_xlsx_date(w, ws, row, 8, v->date, w->f.date);
    pc_xlsx_text(w, ws, row, 9, fixed_words(w, memo, pc_xlsx_purpose_words(v->purpose)), w->f.text);
    const char *method = fixed_words(w, memo, method_words(v));
    pc_xlsx_text(w, ws, row, 10, method, w->f.wrap);
    model_cells(w, ws, row, v);
    value_cells(w, ws, row, v);
    pc_xlsx_number(w, ws, row, VAL_COL_VALUE + 1, v->year, w->f.centred);
    bool modification =
        v->purpose == PC_PURPOSE_BEFORE_MODIFICATION || v->purpose == PC_PURPOSE_MODIFIED;
    const char *feeds = fixed_words(
        w, memo,
        v->line >= 0   ? pc_xlsx_cap_line_words((pc_cap_line)v->line)
        : modification ? "Summary Compensation Table (incremental fair value of a modification)"
                       : "Summary Compensation Table (grant-date value)");
    pc_xlsx_text(w, ws, row, VAL_COL_VALUE + 2, feeds, w->f.wrap);
    pc_xlsx_text(w, ws, row, VAL_COL_LINE, v->line < 0 ? "sct" : pc_cap_key((pc_cap_line)v->line),
                 w->f.text);
    /* Built in the writer's reused buffer: no allocation a row. */
    pc_buf *source = &w->scratch;
    pc_buf_clear(source);
    valuation_source(w, v, a, source);
    if (source->failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_xlsx_text(w, ws, row, VAL_COL_CONTRIBUTION + 1, pc_buf_text(source), w->f.wrap);
    size_t source_lines = pc_xlsx_cell_lines(w, VAL_COL_CONTRIBUTION + 1, pc_buf_text(source));
    /* The note of a supplied value is fair_values.csv's own text; a grant
     * date value from awards.csv has the engine's words for its source. */
    const char *note = v->method == PC_METHOD_SUPPLIED && in->supplied_line <= 0
                           ? fixed_words(w, memo, in->note)
                           : in->note;
    pc_xlsx_text(w, ws, row, VAL_COL_CONTRIBUTION + 2, note, w->f.wrap);
    /* Monte Carlo (SPEC section 10): the paths, seed and standard error of
     * a simulated value, the expected payout of a market condition. */
    if (v->method == PC_METHOD_MONTE_CARLO) {
        pc_xlsx_number(w, ws, row, VAL_COL_CONTRIBUTION + 3, (double)in->paths, w->f.integer);
        /* The seed is the same in every scenario; the standard error and
         * expected payout are the scenario's (scenarios.json). */
        /* As text: a spreadsheet number holds 53 bits, a seed 64, and a
         * seed rounded to the nearest double would not reproduce the
         * paths. */
        pc_buf_clear(source);
        pc_xlsx_put_uint(source, (unsigned long long)in->seed);
        pc_xlsx_text(w, ws, row, VAL_COL_CONTRIBUTION + 4, pc_buf_text(source), w->f.text);
        if (!w->scenario_row)
            pc_xlsx_number(w, ws, row, VAL_COL_CONTRIBUTION + 5, in->standard_error, w->f.price);
    }
    if ((v->method == PC_METHOD_MONTE_CARLO || v->method == PC_METHOD_MARKET_OUTCOME) &&
        !w->scenario_row)
        pc_xlsx_number(w, ws, row, VAL_COL_CONTRIBUTION + 6, in->expected_payout, w->f.percent);
    size_t lines = fixed_words_lines(w, memo, VAL_COL_VALUE + 2, feeds);
    size_t more = source_lines;
    lines = more > lines ? more : lines;
    more = pc_xlsx_cell_lines(w, VAL_COL_CONTRIBUTION + 2, note);
    lines = more > lines ? more : lines;
    more = fixed_words_lines(w, memo, 10, method);
    pc_xlsx_row_lines(w, ws, row, more > lines ? more : lines);
}

/* How many table rows a sheet has room for above `note_rows` rows of notes.
 * A sheet holds 1,048,576 rows; beyond that the rows are left out and the
 * sheet says so (report.json has them all). */
static size_t room_above_notes(const pc_xlsx *w, int32_t note_rows)
{
    return (size_t)(w->last_row - PC_XLSX_FIRST_DATA_ROW + 1 - note_rows);
}

/* Award Valuations' notes: a blank row, the count of rows left out and the
 * three notes below it (each one row). */
static size_t valuation_room(const pc_xlsx *w)
{
    return room_above_notes(w, 5);
}

int32_t pc_xlsx_valuation_value_at(const pc_xlsx *w, size_t index, int *col)
{
    *col = VAL_COL_VALUE;
    /* The callers name a valuation of the report: a loop over them, or an
     * equity step made from one. */
    assert(index < w->report->valuations.count);
    if (!w->valuation_row) /* out of memory when planned: already an error */
        return PC_XLSX_NONE;
    return w->valuation_row[index];
}

/* The place of a person's year in w->valuation_cut; SIZE_MAX for a year
 * that is not covered. */
static size_t cut_slot(const pc_xlsx *w, size_t person, int year)
{
    const pc_config *config = &w->ds->config;
    for (int y = 0; y < config->nyears; y++)
        if (config->years[y] == year)
            return person * (size_t)config->nyears + (size_t)y;
    return SIZE_MAX;
}

/* The group a valuation belongs to on Award Valuations: its executive's
 * fiscal year (the rows a Summary Compensation or reconciliation figure
 * adds up), or SIZE_MAX when no figure adds it up (a year not covered, or
 * a tranche the input set does not have, which stops the writer in
 * valuation_row). */
static size_t valuation_group(const pc_xlsx *w, const pc_valuation *v)
{
    const pc_dataset *ds = w->ds;
    if (v->tranche >= ds->tranches.count)
        return SIZE_MAX;
    size_t award = ds->tranches.items[v->tranche].award;
    if (award >= ds->awards.count)
        return SIZE_MAX;
    return cut_slot(w, ds->awards.items[award].person, v->year);
}

/* The plan, before any sheet refers to a valuation's row. The rows stay in
 * report order. A sheet holds 1,048,576 rows (w->last_row): past them the
 * sheet keeps whole groups, as Cash and FX does (pc_xlsx_fit_group), each
 * group being an executive's valuations of one fiscal year, taken in the
 * order of their first row: a group with no room left is left out whole
 * and the later groups that fit are still shown. A figure over the sheet
 * then either has all its rows or none, and the Summary Compensation and
 * reconciliation figures of the groups left out are written as values
 * (pc_xlsx_valuations_whole). */
void pc_xlsx_plan_valuations(pc_xlsx *w)
{
    const pc_dataset *ds = w->ds;
    const pc_report *r = w->report;
    size_t cells = ds->people.count * (size_t)(ds->config.nyears > 0 ? ds->config.nyears : 1);
    w->valuation_cut = calloc(cells + 1, sizeof *w->valuation_cut);
    w->valuation_row = malloc((r->valuations.count + 1) * sizeof *w->valuation_row);
    /* Per group: its rows, then 0 once it is placed. */
    size_t *rows = calloc(cells + 1, sizeof *rows);
    if (!w->valuation_cut || !w->valuation_row || !rows) {
        free(rows);
        free(w->valuation_row);
        w->valuation_row = NULL;
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < r->valuations.count; i++) {
        size_t g = valuation_group(w, &r->valuations.items[i]);
        if (g < cells)
            rows[g]++;
    }
    /* Which groups fit, in the order of their first row; a valuation of no
     * group is a group of its own. */
    int32_t next = PC_XLSX_FIRST_DATA_ROW;
    int32_t last = PC_XLSX_FIRST_DATA_ROW + (int32_t)valuation_room(w) - 1;
    for (size_t i = 0; i < r->valuations.count; i++) {
        size_t g = valuation_group(w, &r->valuations.items[i]);
        if (g >= cells) {
            w->valuation_row[i] = pc_xlsx_fit_group(&next, last, 1) ? 0 : PC_XLSX_NONE;
            continue;
        }
        if (rows[g]) {
            w->valuation_cut[g] = !pc_xlsx_fit_group(&next, last, rows[g]);
            rows[g] = 0;
        }
        w->valuation_row[i] = w->valuation_cut[g] ? PC_XLSX_NONE : 0;
    }
    free(rows);
    /* The rows of the valuations shown, in report order. */
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < r->valuations.count; i++)
        if (w->valuation_row[i] != PC_XLSX_NONE)
            w->valuation_row[i] = row++;
    assert(row == next);
}

bool pc_xlsx_valuations_whole(const pc_xlsx *w, size_t person, int year)
{
    size_t slot = cut_slot(w, person, year);
    return slot == SIZE_MAX || !w->valuation_cut || !w->valuation_cut[slot];
}

void pc_xlsx_valuation_header(pc_xlsx *w, lxw_worksheet *ws, const char *title, int first, int last)
{
    pc_xlsx_heading(w, ws, title, first, last);
    /* The award IDs and names decide their columns' widths (a cut-off ID
     * reads as another award); the long texts wrap in their cells, in
     * columns narrow enough that the whole table prints a page wide. */
    double widths[VALUATION_COLS] = {10, 8,  14, 7,  8,  11, 11, 11, 11, 16, 18, 9, 11,
                                     9,  11, 9,  9,  10, 11, 10, 8,  8,  8,  8,  9, 10,
                                     10, 12, 7,  24, 14, 13, 24, 28, 9,  8,  10, 9};
    widths[0] = pc_xlsx_award_id_width(w, widths[0], 40);
    widths[2] = pc_xlsx_name_width(w, widths[2], 30);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, valuation_titles, widths, VALUATION_COLS);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 3);
    /* 38 columns on one landscape page wide, so a row reads across one
     * sheet of paper; the header row repeats on each page down. */
    pc_xlsx_page_setup(w, ws, 1, true);
}

void pc_xlsx_valuation_filter(pc_xlsx *w, lxw_worksheet *ws, int32_t last_row)
{
    pc_xlsx_check(
        w, worksheet_autofilter(
               ws, PC_XLSX_HEADER_ROW, 0,
               (lxw_row_t)(last_row >= PC_XLSX_FIRST_DATA_ROW ? last_row : PC_XLSX_HEADER_ROW),
               (lxw_col_t)(VALUATION_COLS - 1)));
}

void pc_xlsx_write_valuations(pc_xlsx *w)
{
    lxw_worksheet *ws = w->valuations;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_valuation_header(w, ws, "Award Valuations", first, last);

    /* The groups that fit, as planned (pc_xlsx_plan_valuations). */
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t left_out = 0;
    words_lines memo = {0};
    for (size_t i = 0; i < r->valuations.count && pc_xlsx_ok(w); i++) {
        if (!w->valuation_row || w->valuation_row[i] == PC_XLSX_NONE) {
            left_out++;
            continue;
        }
        assert(w->valuation_row[i] == row);
        valuation_row(w, ws, row++, &r->valuations.items[i], i, &memo);
    }
    pc_xlsx_valuation_filter(w, ws, row - 1);
    row++;
    if (left_out)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more valuations are not shown: a sheet holds at most %d rows. "
                            "The Summary Compensation and reconciliation figures of their "
                            "executives' years are values, not formulas; report.json lists them "
                            "all.",
                            left_out, w->last_row + 1);
    if (r->valuations.count == 0)
        row = pc_xlsx_note(w, ws, row, "No equity awards were valued.");
    row = pc_xlsx_note(w, ws, row,
                       "Value = shares x fair value per share x probable outcome, rounded to the "
                       "cent; a model value uses the unrounded per-share value.");
    row =
        pc_xlsx_note(w, ws, row,
                     "Stock price: the close on the valuation date or the last trading day before "
                     "it. Rates and yields are continuously compounded; times are in years of "
                     "365 days.");
    pc_xlsx_note(w, ws, row,
                 "Monte Carlo simulation (market conditions): the mean discounted payout of the "
                 "simulated paths per target share, with its standard error; the expected payout "
                 "is the mean payout as a share of target. Volatility and dividend yield are the "
                 "company's; report.json lists each peer's and the correlations.");
}

/* --------------------------------------------------------- Exchange Rates */

/* The rates the sheet has room for, above a blank row, the count left out
 * and two notes. */
size_t pc_xlsx_rates_room(const pc_xlsx *w)
{
    return room_above_notes(w, 4);
}

void pc_xlsx_write_rates(pc_xlsx *w)
{
    lxw_worksheet *ws = w->rates;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Exchange Rates Used", first, last);
    static const char *const titles[] = {"Currency",  "Fiscal Year",   "Method",
                                         "Rate Date", "Units per USD", "Daily Rates Averaged",
                                         "Source"};
    static const double widths[] = {10, 8, 26, 11, 12, 10, 50};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 7);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t n = r->rates.count < pc_xlsx_rates_room(w) ? r->rates.count : pc_xlsx_rates_room(w);
    pc_buf source = {0};
    for (size_t i = 0; i < n && pc_xlsx_ok(w); i++, row++) {
        const pc_rate_used *rt = &r->rates.items[i];
        /* The currency by its name in Chinese (人民幣), its code in English. */
        pc_xlsx_text(w, ws, row, 0, pc_xlsx_words(w, rt->currency), w->f.text);
        pc_xlsx_number(w, ws, row, 1, rt->fiscal_year, w->f.year);
        pc_xlsx_text(w, ws, row, 2, pc_xlsx_words(w, pc_xlsx_fx_method_words(rt->method)),
                     w->f.text);
        pc_xlsx_date(w, ws, row, 3, rt->date, w->f.date);
        pc_xlsx_micros(w, ws, row, 4, rt->per_usd_micro, w->f.rate);
        if (rt->method == PC_FX_ANNUAL_AVERAGE && rt->observations > 1)
            pc_xlsx_number(w, ws, row, 5, rt->observations, w->f.integer);
        pc_xlsx_text(w, ws, row, 6, pc_xlsx_rate_source(w, rt, &source), w->f.text);
    }
    pc_buf_fini(&source);
    row++;
    if (n < r->rates.count)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more rates are not shown: a sheet holds at most %d rows. "
                            "report.json lists them all.",
                            r->rates.count - n, w->last_row + 1);
    if (r->rates.count == 0)
        row = pc_xlsx_note(w, ws, row,
                           "Every amount was paid in US dollars: no exchange rate was needed.");
    pc_xlsx_note(
        w, ws, row,
        "An amount in another currency is divided exactly by the rate and rounded to the "
        "cent; a mean of daily rates is rounded to 4 decimals and that rounded rate is used.");
}

/* -------------------------------------------------------------------- TSR */

/* The title block and column titles of the TSR sheet. */
static void tsr_header(pc_xlsx *w)
{
    lxw_worksheet *ws = w->tsr;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Cumulative Total Shareholder Return", first, last);
    static const char *const titles[] = {"Fiscal Year",
                                         "Date",
                                         "Price Date",
                                         "Closing Price ($)",
                                         "Shares Held (Dividends Reinvested)",
                                         "Value of Initial Fixed $100 Investment ($)",
                                         "Dividend per Share ($)"};
    static const double widths[] = {10, 11, 11, 12, 16, 18, 12};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 7);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
}

/* A reinvested dividend on its own row: shares = the row above x (1 +
 * dividend / close). */
static void tsr_dividend_row(pc_xlsx *w, int32_t row, const pc_price *d, double held)
{
    lxw_worksheet *ws = w->tsr;
    pc_xlsx_text(w, ws, row, 0, pc_xlsx_words(w, "Dividend"), w->f.text);
    pc_xlsx_date(w, ws, row, 1, d->date, w->f.date);
    pc_xlsx_date(w, ws, row, 2, d->date, w->f.date);
    pc_xlsx_price_cell(w, ws, row, 3, d->date, d->close_micro, false);
    char prev[PC_XLSX_REF_SIZE], div[PC_XLSX_REF_SIZE], close[PC_XLSX_REF_SIZE];
    char formula[4 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(prev, sizeof prev, NULL, row - 1, 4);
    pc_xlsx_ref(div, sizeof div, NULL, row, 6);
    pc_xlsx_ref(close, sizeof close, NULL, row, 3);
    snprintf(formula, sizeof formula, "=%s*(1+%s/%s)", prev, div, close);
    pc_xlsx_formula(w, ws, row, 4, formula, w->f.decimal, held);
    pc_xlsx_price_cell(w, ws, row, 6, d->date, d->dividend_micro, true);
}

/* A fiscal year end: the shares held after the last reinvestment and the
 * value of $100 (R6: 100 x units x price / base price, rounded to 2
 * decimals). */
static void tsr_year_row(pc_xlsx *w, int32_t row, const pc_tsr_point *p, const char *base_ref)
{
    lxw_worksheet *ws = w->tsr;
    pc_xlsx_number(w, ws, row, 0, p->year, w->f.year);
    pc_xlsx_date(w, ws, row, 1, p->date, w->f.date);
    pc_xlsx_date(w, ws, row, 2, p->price_date, w->f.date);
    pc_xlsx_price_cell(w, ws, row, 3, p->price_date, p->price_micro, false);
    char held_ref[PC_XLSX_REF_SIZE], held_formula[PC_XLSX_REF_SIZE + 2];
    pc_xlsx_ref(held_ref, sizeof held_ref, NULL, row - 1, 4);
    snprintf(held_formula, sizeof held_formula, "=%s", held_ref);
    pc_xlsx_formula(w, ws, row, 4, held_formula, w->f.decimal, p->units);
    char units[PC_XLSX_REF_SIZE], price[PC_XLSX_REF_SIZE], formula[4 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(units, sizeof units, NULL, row, 4);
    pc_xlsx_ref(price, sizeof price, NULL, row, 3);
    if (w->report->tsr.base_price_micro > 0) {
        snprintf(formula, sizeof formula, "=ROUND(100*%s*%s/%s,2)", units, price, base_ref);
        pc_xlsx_formula(w, ws, row, 5, formula, w->f.tsr, (double)p->value / 100.0);
    } else {
        pc_xlsx_cents(w, ws, row, 5, p->value, w->f.tsr);
    }
}

void pc_xlsx_write_tsr(pc_xlsx *w)
{
    lxw_worksheet *ws = w->tsr;
    const pc_tsr *tsr = &w->report->tsr;
    tsr_header(w);
    w->at.tsr_value_col = 5;
    for (size_t i = 0; i < PC_MAX_YEARS; i++)
        w->at.tsr_row[i] = PC_XLSX_NONE;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    if (!tsr->computed) {
        pc_xlsx_note(w, ws, row + 1, "Total shareholder return was not computed.");
        return;
    }
    int32_t base = row++;
    pc_xlsx_text(w, ws, base, 0, pc_xlsx_words(w, "Base"), w->f.text);
    pc_xlsx_date(w, ws, base, 1, tsr->base_date, w->f.date);
    pc_xlsx_date(w, ws, base, 2, tsr->base_date, w->f.date);
    pc_xlsx_price_cell(w, ws, base, 3, tsr->base_date, tsr->base_price_micro, false);
    pc_xlsx_number(w, ws, base, 4, 1.0, w->f.decimal);
    pc_xlsx_number(w, ws, base, 5, 100.0, w->f.tsr);
    char price0[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(price0, sizeof price0, NULL, base, 3);
    /* Absolute row for the base price: "D$6". */
    char base_ref[PC_XLSX_REF_SIZE];
    size_t letters = strcspn(price0, "0123456789");
    snprintf(base_ref, sizeof base_ref, "%.*s$%s", (int)letters, price0, price0 + letters);
    /* Item 201(e): each dividend is reinvested on its ex-date at that day's
     * close, a row of its own, as calc/engine/tsr.c computes them. */
    const pc_dataset *ds = w->ds;
    size_t next = pc_market_prices_after(ds, tsr->base_date);
    double held = 1.0;
    for (size_t i = 0; i < tsr->npoints && i < PC_MAX_YEARS; i++, row++) {
        const pc_tsr_point *p = &tsr->points[i];
        for (; next < ds->prices.count && ds->prices.items[next].date <= p->date && pc_xlsx_ok(w);
             next++) {
            const pc_price *d = &ds->prices.items[next];
            if (d->dividend_micro <= 0)
                continue;
            held *= 1.0 + (double)d->dividend_micro / (double)d->close_micro;
            tsr_dividend_row(w, row++, d, held);
        }
        tsr_year_row(w, row, p, base_ref);
        w->at.tsr_row[i] = row;
    }
    row++;
    row = pc_xlsx_note(
        w, ws, row,
        "Base: the close of the last trading day before the first covered fiscal year. "
        "On each ex-dividend date the dividend is reinvested at that day's close "
        "(shares x (1 + dividend / close)).");
    pc_xlsx_note(w, ws, row,
                 "Value = 100 x shares held x closing price / base price, rounded to the cent "
                 "(Item 201(e) of Regulation S-K).");
}

/* ------------------------------------------------------------------ Checks */

static const char *table_words(pc_reported_table table)
{
    switch (table) {
    case PC_REPORTED_SCT:
        return "Summary Compensation";
    case PC_REPORTED_PVP:
        return "Pay vs Performance";
    case PC_REPORTED_CAP:
        return "CAP Reconciliation";
    case PC_REPORTED_OEA:
        return "Outstanding Equity Awards";
    case PC_REPORTED_OESV:
        return "Option Exercises and Stock Vested";
    case PC_REPORTED_GPBA:
        return "Grants of Plan-Based Awards";
    case PC_REPORTED_DCT:
        return "Director Compensation";
    }
    return "?";
}

/* Each check in the words a compensation committee reads, as the Checks
 * sheet names it ("SCT total does not foot"; the key, as verify prints it,
 * is in the legend beside its meaning). */
static const struct {
    const char *check, *words;
} check_names[] = {
    {"mismatch", "Published figure differs from paycalc's"},
    {"sct_does_not_foot", "SCT total does not foot"},
    {"cap_does_not_foot", "CAP does not foot"},
    {"deduction_differs_from_sct", "CAP deduction differs from the SCT award columns"},
    {"pvp_sct_total_differs", "PvP SCT total differs from the SCT"},
    {"pvp_cap_differs", "PvP CAP differs from the reconciliation"},
    {"average_differs", "NEO average differs from the NEOs' figures"},
    {"cap_sct_total_differs", "Reconciliation's SCT total differs from the SCT"},
    {"wrong_sign", "Adjustment has the wrong sign"},
    {"restated", "Figure restated since the prior proxy"},
    {"oea_market_value_differs", "Market value differs from shares x year-end close"},
};

static const char *check_name(const pc_xlsx *w, const char *check)
{
    for (size_t k = 0; check && k < sizeof check_names / sizeof check_names[0]; k++)
        if (strcmp(check_names[k].check, check) == 0)
            return pc_xlsx_words(w, check_names[k].words);
    return check ? check : "";
}

/* What each check compares (SPEC section 8; the README's table of checks),
 * for the legend under the findings. */
static const struct {
    const char *check;
    const char *meaning;
} check_meanings[] = {
    {"mismatch", "A published figure against the figure computed from the inputs."},
    {"sct_does_not_foot",
     "The published Summary Compensation Table total against the sum of its published columns."},
    {"dct_does_not_foot",
     "A director's published Director Compensation total against the sum of its published "
     "columns."},
    {"cap_does_not_foot", "The published compensation actually paid against the sum of the "
                          "published reconciliation lines."},
    {"deduction_differs_from_sct",
     "The published deduction for equity awards (less_equity_awards) against minus the "
     "published Stock Awards and Option Awards of the same person and year (for the average, "
     "minus their mean over the year's non-PEO NEOs)."},
    {"pvp_sct_total_differs", "A PEO's Summary Compensation Table total in the Pay versus "
                              "Performance table against their published SCT total."},
    {"pvp_cap_differs", "Compensation actually paid in the Pay versus Performance table (PEO "
                        "and average) against the published reconciliation."},
    {"average_differs", "The average Summary Compensation Table total in the Pay versus "
                        "Performance table against the mean of the published SCT totals of the "
                        "year's non-PEO NEOs."},
    {"cap_sct_total_differs", "The Summary Compensation Table total a published reconciliation "
                              "starts from against the SCT total in the Pay versus Performance "
                              "table (or, without one, in the published SCT)."},
    {"restated", "A figure of a year last year's report also covers that moved since: Published "
                 "is this year's figure, Expected last year's."},
    {"tsr_not_value_of_100",
     "A TSR below 0: a percentage was published instead of the value of $100."},
    {"oea_market_value_differs",
     "A published market value in the Outstanding Equity Awards table against the published "
     "number of shares times the closing price at the fiscal year end."},
};
#define NCHECK_MEANINGS (sizeof check_meanings / sizeof check_meanings[0])

/* People by id, to name the subject of a finding (reported.csv names
 * people by their person_id). */
typedef struct person_id {
    const char *id;
    size_t person;
} person_id;

static int person_id_cmp(const void *a, const void *b)
{
    return strcmp(((const person_id *)a)->id, ((const person_id *)b)->id);
}

/* Who a finding is about, as a reader names them: "李雲飛 (li-yunfei)",
 * "Non-PEO NEO average", "Company"; an unknown id as it is. */
static const char *subject_words(pc_xlsx *w, const person_id *ids, size_t nids, const char *subject,
                                 pc_buf *buf)
{
    if (!subject)
        return "";
    if (strcmp(subject, "non_peo_neo_average") == 0)
        return pc_xlsx_words(w, "Non-PEO NEO average");
    if (strcmp(subject, "company") == 0)
        return pc_xlsx_words(w, "Company");
    person_id key = {subject, 0};
    const person_id *hit = ids ? bsearch(&key, ids, nids, sizeof *ids, person_id_cmp) : NULL;
    if (!hit)
        return subject;
    const char *name = pc_xlsx_person_name(w, hit->person);
    if (!*name || strcmp(name, subject) == 0)
        return subject;
    /* A Chinese reader gets the name alone: the id is report.json's. */
    if (w->ds->config.labels != PC_LABELS_EN)
        return name;
    pc_buf_clear(buf);
    pc_buf_printf(buf, "%s (%s)", name, subject);
    return buf->failed ? subject : pc_buf_text(buf);
}

/* The figure each equity item adds to, as Equity Award Detail and the
 * Checks sheet name it (kept here, below both, so neither sheet's file
 * depends on the other's). */
static const char *const figure_words[PC_EQ_NITEMS] = {
    "Options exercisable (#)",
    "Options unexercisable (#)",
    "Unearned options (#)",
    "Shares not vested (#)",
    "Market value of shares not vested ($)",
    "Unearned shares (#)",
    "Market value of unearned shares ($)",
    "Shares acquired on exercise (#) and value realized ($)",
    "Value realized on exercise ($)",
    "Shares acquired on vesting (#) and value realized ($)",
    "Value realized on vesting ($)",
    "Threshold (#)",
    "Target (#)",
    "Maximum (#)",
    "All other stock awards (#)",
    "All other option awards (#)",
    "Grant date fair value ($)",
};

const char *pc_xlsx_equity_item_words(const pc_xlsx *w, pc_equity_item item)
{
    return item < PC_EQ_NITEMS ? pc_xlsx_words(w, figure_words[item]) : "";
}

/* What a finding compares, in words under Chinese labels ("減：摘要補償表中的
 *股票獎勵和期權獎勵", not less_equity_awards): a reconciliation line, an SCT
 * column, a Pay vs Performance figure or an equity table figure. English
 * keeps report.json's key, as `paycalc verify` prints it; a key with no
 * words stays as it is. */
static const char *item_words(pc_xlsx *w, const char *item)
{
    static const char *const sct[PC_SCT_NCOLUMNS] = {
        "Salary ($)",
        "Bonus ($)",
        "Stock Awards ($)",
        "Option Awards ($)",
        "Non-Equity Incentive Plan Compensation ($)",
        "Nonqualified Deferred Compensation Earnings ($)",
        "All Other Compensation ($)",
        "Total ($)",
    };
    static const char *const pvp[][2] = {
        {"tsr", "Company TSR"},
        {"peer_group_tsr", "Peer Group TSR"},
        {"net_income", "Net Income"},
        {"company_selected_measure", "Company-selected measure"},
    };
    if (!item || w->ds->config.labels == PC_LABELS_EN)
        return item;
    for (int l = 0; l < PC_CAP_NLINES; l++)
        if (strcmp(item, pc_cap_key((pc_cap_line)l)) == 0)
            return pc_xlsx_words(w, pc_xlsx_cap_line_words((pc_cap_line)l));
    for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
        if (strcmp(item, pc_sct_key((pc_sct_column)c)) == 0)
            return pc_xlsx_words(w, sct[c]);
    for (size_t i = 0; i < sizeof pvp / sizeof pvp[0]; i++)
        if (strcmp(item, pvp[i][0]) == 0)
            return pc_xlsx_words(w, pvp[i][1]);
    pc_equity_item e = pc_equity_item_of(item);
    return e < PC_EQ_NITEMS ? pc_xlsx_equity_item_words(w, e) : item;
}

/* The check a finding failed and the other checks its published cell
 * failed for the same cause, in words ("SCT total does not foot (also:
 * Published figure differs from paycalc's)");
 * malloc'ed, NULL when out of memory. */
static char *check_words(const pc_xlsx *w, const pc_finding *f)
{
    pc_buf b = {0};
    pc_buf_puts(&b, check_name(w, f->check));
    for (size_t i = 0; i < f->related.count; i++) {
        pc_buf_puts(&b, pc_xlsx_words(w, i == 0 ? " (also: " : "; "));
        pc_buf_puts(&b, check_name(w, f->related.items[i]));
    }
    if (f->related.count)
        pc_buf_puts(&b, pc_xlsx_words(w, ")"));
    return pc_buf_take(&b);
}

static bool check_used(const pc_checks *c, const char *check)
{
    for (size_t i = 0; i < c->findings.count; i++) {
        const pc_finding *f = &c->findings.items[i];
        if (f->check && strcmp(f->check, check) == 0)
            return true;
        for (size_t k = 0; k < f->related.count; k++)
            if (strcmp(f->related.items[k], check) == 0)
                return true;
    }
    for (size_t i = 0; i < c->skipped.count; i++)
        if (c->skipped.items[i].check && strcmp(c->skipped.items[i].check, check) == 0)
            return true;
    return false;
}

/* Characters of 11-point Chinese text per unit of column width (a Chinese
 * character, two characters wide, takes a little over two units). */
#define CHECK_CHARS_PER_UNIT 0.95

/* The title block, the summary line and the column titles of Checks. */
static void checks_header(pc_xlsx *w)
{
    lxw_worksheet *ws = w->checks;
    const pc_checks *c = &w->report->checks;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Checks of the Published Figures", first, last);
    pc_xlsx_textf(w, ws, 3, 0, w->f.subtitle,
                  pc_xlsx_words(w, "Checked %zu figures and relations: %zu error%s, %zu rounding "
                                   "difference%s (at most 1 in the last digit shown)."),
                  c->checked, c->errors, c->errors == 1 ? "" : "s", c->rounding,
                  c->rounding == 1 ? "" : "s");
    static const char *const titles[] = {"Check",
                                         "Severity",
                                         "Table",
                                         "Fiscal Year",
                                         "Subject",
                                         "Item",
                                         "Published",
                                         "Expected",
                                         "Difference (Published - Expected)",
                                         "reported.csv Line"};
    double widths[] = {27, 10, 20, 8, 26, 25, 14, 14, 14, 10};
    /* The Check column as wide as its longest text, up to 44 (a longer one
     * wraps): the checks' Chinese names are wider than the English column.
     * English keeps its column. */
    if (config->labels != PC_LABELS_EN) {
        size_t longest = 0;
        for (size_t i = 0; i < c->findings.count && pc_xlsx_ok(w); i++) {
            char *check = check_words(w, &c->findings.items[i]);
            if (!check) {
                pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
                break;
            }
            size_t width = pc_text_width(check);
            longest = width > longest ? width : longest;
            free(check);
        }
        for (size_t i = 0; i < c->skipped.count; i++) {
            size_t width = pc_text_width(check_name(w, c->skipped.items[i].check));
            longest = width > longest ? width : longest;
        }
        double need = (double)longest / CHECK_CHARS_PER_UNIT + 1.0;
        widths[0] = need > widths[0] ? (need < 44 ? need : 44) : widths[0];
        /* The Item column holds a reconciliation line's words (wrapped). */
        widths[5] = 30;
        /* The longest table name, 財年末未償還股權獎勵, whole. */
        widths[2] = 24;
    }
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 10);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
}

/* One row per finding; returns the row after them (and their note). */
static int32_t checks_findings(pc_xlsx *w, const person_id *ids, size_t nids, pc_buf *who)
{
    lxw_worksheet *ws = w->checks;
    const pc_checks *c = &w->report->checks;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t i = 0;
    for (; i < c->findings.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW / 2; i++, row++) {
        const pc_finding *f = &c->findings.items[i];
        lxw_format *num = w->f.micros[f->decimals < 0 ? 0 : f->decimals > 6 ? 6 : f->decimals];
        char *check = check_words(w, f);
        if (!check) {
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
            break;
        }
        /* A Chinese check name longer than its column wraps in it (English
         * as it always was). */
        if (w->ds->config.labels != PC_LABELS_EN) {
            pc_xlsx_text(w, ws, row, 0, check, w->f.wrap);
            size_t lines = pc_xlsx_cell_lines(w, 0, check);
            size_t item = pc_xlsx_cell_lines(w, 5, item_words(w, f->item));
            pc_xlsx_row_lines(w, ws, row, item > lines ? item : lines);
        } else {
            pc_xlsx_text(w, ws, row, 0, check, w->f.text);
        }
        free(check);
        /* An error stands out; a rounding difference (at most 1 in the
         * last digit shown) does not. */
        pc_xlsx_text(w, ws, row, 1,
                     pc_xlsx_words(w, f->severity == PC_CHECK_ERROR ? "Error" : "Rounding"),
                     f->severity == PC_CHECK_ERROR ? w->f.flag : w->f.text);
        pc_xlsx_text(w, ws, row, 2, pc_xlsx_words(w, table_words(f->table)), w->f.text);
        pc_xlsx_number(w, ws, row, 3, f->year, w->f.year);
        pc_xlsx_text(w, ws, row, 4, subject_words(w, ids, nids, f->subject, who), w->f.text);
        pc_xlsx_text(w, ws, row, 5, item_words(w, f->item),
                     w->ds->config.labels != PC_LABELS_EN ? w->f.wrap : w->f.text);
        pc_xlsx_micros(w, ws, row, 6, f->published_micro, num);
        pc_xlsx_micros(w, ws, row, 7, f->expected_micro, num);
        pc_xlsx_micros(w, ws, row, 8, f->difference_micro, num);
        if (f->line > 0)
            pc_xlsx_number(w, ws, row, 9, f->line, w->f.centred);
    }
    if (c->findings.count == 0)
        row = pc_xlsx_note(w, ws, row, "No differences found.");
    else if (i < c->findings.count)
        row = pc_xlsx_notef(w, ws, row, "%zu more findings are in the verify output.",
                            c->findings.count - i);
    return row;
}

/* The checks that could not run, with their reasons. */
static int32_t checks_skipped(pc_xlsx *w, int32_t row, const person_id *ids, size_t nids,
                              pc_buf *who)
{
    lxw_worksheet *ws = w->checks;
    const pc_checks *c = &w->report->checks;
    if (c->skipped.count == 0)
        return row;
    row++;
    pc_xlsx_text(w, ws, row++, 0, pc_xlsx_words(w, "Checks skipped"), w->f.bold);
    /* Same columns as the findings where they mean the same thing; the
     * reason takes the rest of the row. */
    pc_xlsx_text(w, ws, row, 0, pc_xlsx_words(w, "Check"), w->f.header);
    for (int col = 1; col < 3; col++)
        pc_xlsx_blank(w, ws, row, col, w->f.header);
    pc_xlsx_text(w, ws, row, 3, pc_xlsx_words(w, "Fiscal Year"), w->f.header);
    pc_xlsx_text(w, ws, row, 4, pc_xlsx_words(w, "Subject"), w->f.header);
    pc_xlsx_merge(w, ws, row, 5, 9, w->f.header);
    pc_xlsx_text(w, ws, row, 5, pc_xlsx_words(w, "Reason"), w->f.header);
    pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 3, "Fiscal Year"));
    row++;
    for (size_t k = 0; k < c->skipped.count && pc_xlsx_ok(w) && row < PC_XLSX_LAST_ROW - 2 - 10;
         k++) {
        const pc_skipped *s = &c->skipped.items[k];
        pc_xlsx_text(w, ws, row, 0, check_name(w, s->check), w->f.text);
        pc_xlsx_number(w, ws, row, 3, s->year, w->f.year);
        pc_xlsx_text(w, ws, row, 4, subject_words(w, ids, nids, s->subject, who), w->f.text);
        row = pc_xlsx_wrapped(w, ws, row, 5, s->reason, w->f.wrap);
    }
    return row;
}

/* A legend of the checks that appear above, in words. */
static void checks_legend(pc_xlsx *w, int32_t row)
{
    lxw_worksheet *ws = w->checks;
    const pc_checks *c = &w->report->checks;
    if (row >= PC_XLSX_LAST_ROW - (int32_t)NCHECK_MEANINGS - 1)
        return;
    bool any = false;
    for (size_t k = 0; k < NCHECK_MEANINGS && pc_xlsx_ok(w); k++) {
        if (!check_used(c, check_meanings[k].check))
            continue;
        if (!any)
            pc_xlsx_text(w, ws, row++, 0, pc_xlsx_words(w, "What each check compares"), w->f.bold);
        any = true;
        /* English names the key `paycalc verify` prints beside it. */
        pc_buf name = {0};
        if (w->ds->config.labels == PC_LABELS_EN)
            pc_buf_printf(&name, "%s (%s)", check_name(w, check_meanings[k].check),
                          check_meanings[k].check);
        else
            pc_buf_printf(&name, "%s", check_name(w, check_meanings[k].check));
        if (name.failed)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        pc_xlsx_text(w, ws, row, 0, pc_buf_text(&name), w->f.note);
        /* A Chinese check name and its key may take more lines than the
         * meaning beside them (English as it always was). */
        size_t lines =
            w->ds->config.labels != PC_LABELS_EN ? pc_xlsx_cell_lines(w, 0, pc_buf_text(&name)) : 1;
        row = pc_xlsx_wrapped_beside(w, ws, row, 1, pc_xlsx_words(w, check_meanings[k].meaning),
                                     w->f.note, lines);
        pc_buf_fini(&name);
    }
}

void pc_xlsx_write_checks(pc_xlsx *w)
{
    checks_header(w);
    /* Sorted once, so each subject is a binary search. */
    size_t nids = w->ds->people.count;
    person_id *ids = malloc((nids + 1) * sizeof *ids);
    if (!ids) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    size_t n = 0;
    for (size_t k = 0; k < nids; k++)
        if (w->ds->people.items[k].id)
            ids[n++] = (person_id){w->ds->people.items[k].id, k};
    nids = n;
    qsort(ids, nids, sizeof *ids, person_id_cmp);

    pc_buf who;
    pc_buf_init(&who);
    int32_t row = checks_findings(w, ids, nids, &who);
    row = checks_skipped(w, row, ids, nids, &who);
    pc_buf_fini(&who);
    free(ids);
    checks_legend(w, row + 1);
}

/* Column letters of the Award Valuations columns the SUMIFS read. */
static void column_letters(int col, char *buf, size_t size)
{
    char ref[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(ref, sizeof ref, NULL, 0, col);
    snprintf(buf, size, "%.*s", (int)strcspn(ref, "0123456789"), ref);
}

void pc_xlsx_valuation_sumifs(pc_buf *b, size_t person, int year, const char *line,
                              const char *type)
{
    pc_xlsx_valuation_sumifs_on(b, PC_XLSX_SHEET_VALUATIONS, person, year, line, type);
}

void pc_xlsx_valuation_sumifs_on(pc_buf *b, const char *sheet, size_t person, int year,
                                 const char *line, const char *type)
{
    pc_xlsx_valuation_sumifs_col(b, sheet, VAL_COL_CONTRIBUTION, person, year, line, type);
}

void pc_xlsx_valuation_sumifs_col(pc_buf *b, const char *sheet, int col, size_t person, int year,
                                  const char *line, const char *type)
{
    char contribution[8], person_col[8], year_col[8], line_col[8], type_col[8];
    column_letters(col, contribution, sizeof contribution);
    column_letters(3, person_col, sizeof person_col);
    column_letters(VAL_COL_VALUE + 1, year_col, sizeof year_col);
    column_letters(VAL_COL_LINE, line_col, sizeof line_col);
    column_letters(4, type_col, sizeof type_col);
#define V "'%s'!"
    pc_buf_printf(b, "SUMIFS(" V "$%s:$%s," V "$%s:$%s,%zu," V "$%s:$%s,%d," V "$%s:$%s,\"%s\"",
                  sheet, contribution, contribution, sheet, person_col, person_col, person + 1,
                  sheet, year_col, year_col, year, sheet, line_col, line_col, line);
    if (type)
        pc_buf_printf(b, "," V "$%s:$%s,\"%s\"", sheet, type_col, type_col, type);
    pc_buf_printf(b, ")");
#undef V
}
