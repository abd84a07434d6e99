/*
 * The Cash and FX workpaper of report.xlsx (SPEC section 9): every cash.csv
 * row that reaches the Summary Compensation Table or the reconciliation,
 * converted to US dollars as SPEC section 4 says, so that the SCT's cash
 * columns and the reconciliation's pension and dividend lines are formulas
 * over it (SUMIFS + ROUND) and an edited amount or rate moves them.
 *
 * Rows come in the engine's groups: one person, fiscal year, component and
 * currency (calc/sct.c). With `annual_average` or `year_end` a group's
 * amounts are added up and converted once (R1): a group of several rows
 * lists them, then a total row that sums them and converts the sum; a
 * group of one row is converted on that row. With `payment_date` each row
 * is converted at its own rate, then the rows are summed. Either way the
 * USD column holds exactly the cent amounts the engine adds up, and
 * nothing else, so SUMIFS over it gives the engine's exact sums.
 *
 * The rate is a reference to its row on the Exchange Rates sheet when
 * there is one (editing the rate there moves everything), else the rate
 * itself (1 for US dollars).
 */
#include "sheets.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/fx.h"

static const char *const cash_titles[] = {
    "Executive", "Person No.",    "Fiscal Year", "Component", "Currency",      "Amount",
    "Pay Date",  "Units per USD", "Rate",        "USD ($)",   "cash.csv Line",
};
#define CASH_COLS (sizeof cash_titles / sizeof cash_titles[0])

/* A cash row's place in the engine's order: person, year, component,
 * currency, then file order. */
struct pc_xlsx_cash_key {
    size_t person;
    int year;
    int component;
    char currency[4];
    int line;
    size_t index; /* into ds->cash */
    int32_t row;  /* the row the cash row goes on, or PC_XLSX_NONE: its group does not fit */
};
typedef pc_xlsx_cash_key cash_key;

static int cash_key_cmp(const void *pa, const void *pb)
{
    const cash_key *a = pa, *b = pb;
    if (a->person != b->person)
        return a->person < b->person ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->component != b->component)
        return a->component < b->component ? -1 : 1;
    int c = strcmp(a->currency, b->currency);
    if (c)
        return c;
    return (a->line > b->line) - (a->line < b->line);
}

static bool same_group(const cash_key *a, const cash_key *b)
{
    return a->person == b->person && a->year == b->year && a->component == b->component &&
           strcmp(a->currency, b->currency) == 0;
}

/* The Exchange Rates rows in an order a cash row's rate is found by
 * bisection (a search per row would make the sheet quadratic in cash rows
 * and rates): currency, method, rate, date, and the fiscal year of a rate
 * without a date; equal keys in report order, so the first row that fits
 * is the one found. */
static int rate_key_cmp(const pc_rate_used *a, const char *currency, pc_fx_method method,
                        int64_t per_usd, pc_date date, int year)
{
    int c = strcmp(a->currency, currency);
    if (c)
        return c;
    if (a->method != method)
        return a->method < method ? -1 : 1;
    if (a->per_usd_micro != per_usd)
        return a->per_usd_micro < per_usd ? -1 : 1;
    if (a->date != date)
        return a->date < date ? -1 : 1;
    int ay = a->date == PC_DATE_NONE ? a->fiscal_year : 0;
    int by = date == PC_DATE_NONE ? year : 0;
    return (ay > by) - (ay < by);
}

static int rate_order_cmp(const void *pa, const void *pb)
{
    const pc_rate_used *a = *(const pc_rate_used *const *)pa, *b = *(const pc_rate_used *const *)pb;
    int c = rate_key_cmp(a, b->currency, b->method, b->per_usd_micro, b->date, b->fiscal_year);
    return c ? c : (a > b) - (a < b);
}

static void plan_rates(pc_xlsx *w)
{
    const pc_report *r = w->report;
    w->rate_order = malloc((r->rates.count + 1) * sizeof *w->rate_order);
    if (!w->rate_order) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < r->rates.count; i++)
        w->rate_order[i] = &r->rates.items[i];
    qsort(w->rate_order, r->rates.count, sizeof *w->rate_order, rate_order_cmp);
}

/* The Exchange Rates row of the rate that converts `cash`, or PC_XLSX_NONE. */
static int32_t rate_row(const pc_xlsx *w, const pc_cash *cash, const pc_rate_used *rate)
{
    const pc_report *r = w->report;
    if (!w->rate_order)
        return PC_XLSX_NONE;
    size_t lo = 0, hi = r->rates.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rate_key_cmp(w->rate_order[mid], cash->currency, rate->method, rate->per_usd_micro,
                         rate->date, cash->year) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == r->rates.count || rate_key_cmp(w->rate_order[lo], cash->currency, rate->method,
                                             rate->per_usd_micro, rate->date, cash->year) != 0)
        return PC_XLSX_NONE;
    size_t index = (size_t)(w->rate_order[lo] - r->rates.items);
    if (index >= pc_xlsx_rates_room(w))
        return PC_XLSX_NONE; /* not on the sheet: the row holds the rate */
    return PC_XLSX_FIRST_DATA_ROW + (int32_t)index;
}

static int64_t rate_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_cash *cash)
{
    return pc_xlsx_rate_cells(w, ws, row, 7, cash, pc_xlsx_fx_method_words(PC_FX_PAYMENT_DATE));
}

int64_t pc_xlsx_rate_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const pc_cash *cash,
                           const char *own_date)
{
    if (strcmp(cash->currency, "USD") == 0) {
        pc_xlsx_number(w, ws, row, col, 1.0, w->f.rate);
        pc_xlsx_text(w, ws, row, col + 1, pc_xlsx_words(w, "US dollars"), w->f.text);
        return PC_MICRO;
    }
    pc_rate_used rate;
    memset(&rate, 0, sizeof rate);
    pc_status st = pc_fx_rate_for_cash(w->ds, cash, &rate);
    if (st != PC_OK) {
        free(rate.source);
        if (st == PC_ERR_NOMEM)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        else /* the engine converted this row: a report that does not match its inputs */
            pc_xlsx_fail(w, PC_ERR_USAGE, "line %d has no exchange rate", cash->line);
        return 0;
    }
    int32_t at = rate_row(w, cash, &rate);
    if (at != PC_XLSX_NONE) {
        char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
        pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_RATES, at, 4);
        snprintf(formula, sizeof formula, "=%s", ref);
        pc_xlsx_formula(w, ws, row, col, formula, w->f.rate, (double)rate.per_usd_micro / 1e6);
    } else {
        pc_xlsx_micros(w, ws, row, col, rate.per_usd_micro, w->f.rate);
    }
    char date[32];
    const char *method = pc_xlsx_words(
        w, rate.method == PC_FX_PAYMENT_DATE ? own_date : pc_xlsx_fx_method_words(rate.method));
    if (rate.date != PC_DATE_NONE)
        pc_xlsx_textf(w, ws, row, col + 1, w->f.text, pc_xlsx_words(w, "%s on %s"), method,
                      pc_xlsx_day_text(w, rate.date, date, sizeof date));
    else
        pc_xlsx_textf(w, ws, row, col + 1, w->f.text, pc_xlsx_words(w, "%s %d"), method,
                      cash->year);
    int64_t per_usd = rate.per_usd_micro;
    free(rate.source);
    return per_usd;
}

/* The USD cell (J) of a row that converts: =ROUND(amount/rate,2) (R1). */
static void usd_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int64_t foreign, int64_t per_usd)
{
    int64_t usd = 0;
    if (per_usd > 0 && pc_fx_convert(foreign, per_usd, &usd) != PC_OK)
        pc_xlsx_fail(w, PC_ERR_OVERFLOW, "a cash amount is too large to convert");
    char amount[PC_XLSX_REF_SIZE], rate[PC_XLSX_REF_SIZE], formula[3 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(amount, sizeof amount, NULL, row, 5);
    pc_xlsx_ref(rate, sizeof rate, NULL, row, 7);
    snprintf(formula, sizeof formula, "=ROUND(%s/%s,2)", amount, rate);
    pc_xlsx_formula(w, ws, row, 9, formula, w->f.cents, (double)usd / 100.0);
}

/* The columns every row has: executive, person number, year, component,
 * currency. */
static void key_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_cash *c,
                      lxw_format *text)
{
    pc_xlsx_text(w, ws, row, 0, pc_xlsx_person_name(w, c->person), text);
    pc_xlsx_number(w, ws, row, 1, (double)c->person + 1, w->f.centred);
    pc_xlsx_number(w, ws, row, 2, c->year, w->f.centred);
    pc_xlsx_text(w, ws, row, 3, pc_component_name(c->component), text);
    /* The currency by its name in Chinese (人民幣), its code in English. */
    pc_xlsx_text(w, ws, row, 4, pc_xlsx_words(w, c->currency), text);
}

/* One group of rows from keys[i] to keys[end - 1]; returns the next row. */
static int32_t write_group(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const cash_key *keys,
                           size_t i, size_t end, bool per_row)
{
    const pc_dataset *ds = w->ds;
    int32_t first = row;
    int64_t sum = 0;
    for (size_t k = i; k < end; k++, row++) {
        const pc_cash *c = &ds->cash.items[keys[k].index];
        key_cells(w, ws, row, c, w->f.text);
        pc_xlsx_cents(w, ws, row, 5, c->amount_cents, w->f.cents);
        pc_xlsx_date(w, ws, row, 6, c->pay_date, w->f.date);
        pc_xlsx_number(w, ws, row, 10, c->line, w->f.centred);
        if (pc_money_add(sum, c->amount_cents, &sum) != PC_OK)
            pc_xlsx_fail(w, PC_ERR_OVERFLOW, "the cash amounts of one group add up to too much");
        if (per_row || end - i == 1)
            usd_cell(w, ws, row, c->amount_cents, rate_cells(w, ws, row, c));
    }
    if (per_row || end - i == 1)
        return row;
    /* The group's total, converted once (R1 on the sum). */
    const pc_cash *c = &ds->cash.items[keys[i].index];
    key_cells(w, ws, row, c, w->f.bold);
    char a[PC_XLSX_REF_SIZE], b[PC_XLSX_REF_SIZE], formula[3 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(a, sizeof a, NULL, first, 5);
    pc_xlsx_ref(b, sizeof b, NULL, row - 1, 5);
    snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
    pc_xlsx_formula(w, ws, row, 5, formula, w->f.cap_total, (double)sum / 100.0);
    usd_cell(w, ws, row, sum, rate_cells(w, ws, row, c));
    return row + 1;
}

/* The rows under the table: a blank row, the count of rows left out and
 * the two notes (each one row). */
#define CASH_NOTE_ROWS 4

/* The plan: every cash row the engine adds up (a person with a role in the
 * year), in the engine's order, each with its row on the sheet, so that
 * the Summary Compensation Table, written first, can link to them. A
 * sheet holds 1,048,576 rows (w->last_row): a group that would run past
 * them, with the notes under the table, is left out whole and the next
 * groups take its place (pc_xlsx_fit_group, which Award Valuations
 * shares), so every group shown is complete and the only
 * figures over Cash and FX that would come out short are those of the
 * groups left out, which the sheets then write as values
 * (pc_xlsx_cash_whole). */
void pc_xlsx_plan_cash(pc_xlsx *w)
{
    const pc_dataset *ds = w->ds;
    plan_rates(w);
    w->ncash_keys = 0;
    w->cash_keys = malloc((ds->cash.count + 1) * sizeof *w->cash_keys);
    if (!w->cash_keys) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    cash_key *keys = w->cash_keys;
    pc_sct_index sct = {0};
    if (pc_sct_index_build(&sct, ds, w->report)) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < ds->cash.count; i++) {
        const pc_cash *c = &ds->cash.items[i];
        if (!pc_sct_index_find(&sct, ds, w->report, c->person, c->year))
            continue;
        cash_key *k = &keys[n++];
        k->person = c->person;
        k->year = c->year;
        k->component = (int)c->component;
        memcpy(k->currency, c->currency, sizeof k->currency);
        k->line = c->line;
        k->index = i;
    }
    pc_sct_index_fini(&sct);
    qsort(keys, n, sizeof *keys, cash_key_cmp);
    bool per_row = ds->config.fx_method == PC_FX_PAYMENT_DATE;
    int32_t row = PC_XLSX_FIRST_DATA_ROW, last = w->last_row - CASH_NOTE_ROWS;
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        while (end < n && same_group(&keys[i], &keys[end]))
            end++;
        /* Its rows, and the group's total when there are several. */
        size_t rows = end - i + (!per_row && end - i > 1 ? 1 : 0);
        int32_t at = row;
        bool fits = pc_xlsx_fit_group(&row, last, rows);
        for (size_t k = i; k < end; k++)
            keys[k].row = fits ? at + (int32_t)(k - i) : PC_XLSX_NONE;
        i = end;
    }
    w->ncash_keys = n;
}

/* The first key of (person, year, component), or w->ncash_keys. */
static size_t first_key(const pc_xlsx *w, size_t person, int year, pc_component component)
{
    size_t lo = 0, hi = w->ncash_keys;
    while (lo < hi) { /* the first key not before (person, year, component) */
        size_t mid = lo + (hi - lo) / 2;
        const cash_key *k = &w->cash_keys[mid];
        bool before = k->person != person ? k->person < person
                      : k->year != year   ? k->year < year
                                          : k->component < (int)component;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_key(const pc_xlsx *w, size_t k, size_t person, int year, pc_component component)
{
    return k < w->ncash_keys && w->cash_keys[k].person == person && w->cash_keys[k].year == year &&
           w->cash_keys[k].component == (int)component;
}

int32_t pc_xlsx_cash_row(const pc_xlsx *w, size_t person, int year, pc_component component)
{
    size_t k = first_key(w, person, year, component);
    return is_key(w, k, person, year, component) ? w->cash_keys[k].row : PC_XLSX_NONE;
}

bool pc_xlsx_cash_whole(const pc_xlsx *w, size_t person, int year, pc_component component)
{
    for (size_t k = first_key(w, person, year, component); is_key(w, k, person, year, component);
         k++)
        if (w->cash_keys[k].row == PC_XLSX_NONE)
            return false;
    return true;
}

void pc_xlsx_write_cash(pc_xlsx *w)
{
    lxw_worksheet *ws = w->cash;
    const pc_dataset *ds = w->ds;
    const pc_config *config = &ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Cash Compensation and Exchange Rates", first, last);
    double widths[CASH_COLS] = {14, 8, 8, 24, 9, 15, 11, 10, 26, 14, 9};
    widths[0] = pc_xlsx_name_width(w, widths[0], 30);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, cash_titles, widths, CASH_COLS);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    pc_xlsx_page_setup(w, ws, 1, true);

    const cash_key *keys = w->cash_keys;
    size_t n = w->ncash_keys;
    bool per_row = config->fx_method == PC_FX_PAYMENT_DATE;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    /* The groups that fit, as planned (pc_xlsx_plan_cash); the sheet says
     * how many rows were left out, and report.json has every figure. */
    size_t i = 0, left_out = 0;
    while (i < n && pc_xlsx_ok(w)) {
        size_t end = i + 1;
        while (end < n && same_group(&keys[i], &keys[end]))
            end++;
        if (keys[i].row == PC_XLSX_NONE) {
            left_out += end - i;
        } else {
            assert(keys[i].row == row);
            row = write_group(w, ws, row, keys, i, end, per_row);
        }
        i = end;
    }
    pc_xlsx_check(w, worksheet_autofilter(
                         ws, PC_XLSX_HEADER_ROW, 0,
                         (lxw_row_t)(row > PC_XLSX_FIRST_DATA_ROW ? row - 1 : PC_XLSX_HEADER_ROW),
                         (lxw_col_t)(CASH_COLS - 1)));
    row++;
    if (left_out)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more cash rows are not shown: a sheet holds at most %d rows. "
                            "The Summary Compensation and reconciliation figures they add up to "
                            "are values, not formulas; report.json has every figure.",
                            left_out, w->last_row + 1);
    if (n == 0)
        row =
            pc_xlsx_note(w, ws, row, "No cash compensation for the executives in the years shown.");
    row = pc_xlsx_note(w, ws, row,
                       per_row
                           ? "Each payment is converted at the rate of its pay date and rounded to "
                             "the cent; the converted payments are added up."
                           : "The amounts of one executive, year, component and currency are added "
                             "up and the sum is converted once, rounded to the cent (a total row "
                             "when there are several).");
    pc_xlsx_note(
        w, ws, row,
        "The Summary Compensation Table's cash columns and the reconciliation's pension and "
        "dividend lines add up the USD column by person number, year and component.");
}

void pc_xlsx_cash_sumifs(pc_buf *b, size_t person, int year, pc_component component)
{
#define C "'" PC_XLSX_SHEET_CASH "'!"
    pc_buf_printf(b, "SUMIFS(" C "$J:$J," C "$B:$B,%zu," C "$C:$C,%d," C "$D:$D,\"%s\")",
                  person + 1, year, pc_component_name(component));
#undef C
}
