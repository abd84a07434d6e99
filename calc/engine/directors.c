/*
 * The Director Compensation table (Item 402(k); Item 402(r) for a smaller
 * reporting company): for the last covered fiscal year, one row per
 * non-employee director (a `director` row of roles.csv), with
 *   (b) fees earned or paid in cash: cash.csv `fees`, and any `salary` or
 *       `bonus` paid to the director (cash for board service is a fee);
 *   (c) stock awards and (d) option awards: the grant-date fair value of the
 *       awards granted in the year, by the SCT's valuation (Instruction to
 *       Item 402(k)(2)(iii) and (iv): computed as for the SCT);
 *   (e) non-equity incentive plan compensation;
 *   (f) change in pension value (floored at 0) and NQDC earnings, or NQDC
 *       earnings alone for a smaller reporting company (Item 402(r)(2)(vi));
 *   (g) all other compensation; (h) the total.
 * Cash is converted as the SCT converts it (SPEC section 4, R1), each column
 * is the exact sum of its cents rounded to whole dollars, and the total is
 * the sum of the rounded columns (R3), so the table foots. The footnote
 * figures (the aggregate stock and option awards outstanding at the year
 * end) are the Outstanding Equity Awards rules applied to the directors.
 * Directors never enter the SCT, the PvP or CAP: they are not executives.
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/equity.h"
#include "paycalc/fx.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

#include "cash.h"

/* The exact cents of each column of one director, before rounding. */
typedef struct director_sums {
    int64_t column[PC_DCT_NCOLUMNS];
    int64_t pension;  /* change in pension value, exact */
    int pension_line; /* its first cash.csv row, for the warnings */
} director_sums;

/* The column of Item 402(k)(2) a cash component belongs to, or -1 for the
 * components the table has no column for (pension service costs and
 * dividends on unvested awards are CAP lines; the change in pension value is
 * kept apart, to be floored). */
static int column_of(pc_component component)
{
    switch (component) {
    case PC_COMP_FEES:
    case PC_COMP_SALARY:
    case PC_COMP_BONUS:
        return PC_DCT_FEES;
    case PC_COMP_NON_EQUITY_INCENTIVE:
        return PC_DCT_NON_EQUITY_INCENTIVE;
    case PC_COMP_NQDC_EARNINGS:
        return PC_DCT_PENSION_NQDC;
    case PC_COMP_ALL_OTHER:
        return PC_DCT_ALL_OTHER;
    case PC_COMP_CHANGE_IN_PENSION_VALUE:
    case PC_COMP_PENSION_SERVICE_COST:
    case PC_COMP_PENSION_PRIOR_SERVICE_COST:
    case PC_COMP_UNVESTED_DIVIDENDS:
    case PC_COMP_COUNT:
        break;
    }
    return -1;
}

/* Adds a director's converted cash of one group into its column. */
static pc_status add_cash(const pc_dataset *ds, const pc_cash *first, int64_t usd, director_sums *s,
                          pc_diags *diags)
{
    int64_t *acc = first->component == PC_COMP_CHANGE_IN_PENSION_VALUE
                       ? &s->pension
                       : &s->column[column_of(first->component)];
    if (first->component == PC_COMP_CHANGE_IN_PENSION_VALUE &&
        (!s->pension_line || first->line < s->pension_line))
        s->pension_line = first->line;
    if (pc_money_add(*acc, usd, acc) == PC_OK)
        return PC_OK;
    return pc_engine_cash_overflow(ds, first, diags);
}

/* The cash of the year's directors: grouped, converted, summed. `row_of`
 * maps a person to their director row, or -1. */
static pc_status sum_cash(const pc_dataset *ds, int year, const long *row_of, director_sums *sums,
                          pc_report *report, pc_diags *diags)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->cash.count; i++) {
        const pc_cash *c = &ds->cash.items[i];
        if (c->year == year && row_of[c->person] >= 0 &&
            (column_of(c->component) >= 0 || c->component == PC_COMP_CHANGE_IN_PENSION_VALUE))
            n++;
    }
    if (n == 0)
        return PC_OK;
    pc_cash_key *keys = malloc(n * sizeof *keys);
    if (!keys)
        return PC_ERR_NOMEM;
    n = 0;
    for (size_t i = 0; i < ds->cash.count; i++) {
        const pc_cash *c = &ds->cash.items[i];
        if (c->year == year && row_of[c->person] >= 0 &&
            (column_of(c->component) >= 0 || c->component == PC_COMP_CHANGE_IN_PENSION_VALUE))
            keys[n++] = pc_engine_cash_key(ds, i);
    }
    pc_engine_cash_sort(keys, n);
    pc_status result = PC_OK;
    bool per_row = ds->config.fx_method == PC_FX_PAYMENT_DATE;
    pc_cash_rates rates = {.count = 0};
    for (size_t i = 0, j; i < n && result != PC_ERR_NOMEM; i = j) {
        const pc_cash *first = &ds->cash.items[keys[i].index];
        int64_t foreign, usd;
        pc_status st =
            pc_engine_cash_group(ds, keys, i, n, &j, &foreign, &usd, &rates, report, diags);
        if (!per_row && !st)
            st = pc_engine_cash_convert(ds, first, foreign, &usd, &rates, report, diags);
        if (st == PC_ERR_OVERFLOW)
            st = pc_engine_cash_overflow(ds, first, diags);
        if (!st)
            st = add_cash(ds, first, usd, &sums[row_of[first->person]], diags);
        if (st)
            result = st == PC_ERR_NOMEM ? st : PC_ERR_INPUT;
    }
    free(keys);
    return result;
}

/* Values the awards granted to the directors in the year, tranche by
 * tranche at the grant date (R2), as the SCT values an executive's; each
 * award's value is kept for the footnote. */
static pc_status value_grants(const pc_dataset *ds, int year, const long *row_of,
                              director_sums *sums, pc_report *report, pc_diags *diags)
{
    pc_status result = PC_OK;
    size_t first = report->director_grants.count;
    for (size_t a = 0; a < ds->awards.count; a++) {
        const pc_award *award = &ds->awards.items[a];
        long row = row_of[award->person];
        if (row < 0 || pc_fiscal_year_of(ds->config.fiscal_year_end, award->grant_date) != year)
            continue;
        int64_t value = 0;
        bool ok = true;
        for (size_t t = award->first_tranche; t < award->first_tranche + award->ntranches; t++) {
            pc_valuation v;
            pc_status st =
                pc_value_tranche(ds, t, award->grant_date, PC_PURPOSE_GRANT, &v, report, diags);
            if (st == PC_ERR_NOMEM)
                return st;
            if (st || pc_money_add(value, v.value, &value)) {
                if (!st)
                    pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), award->line, 1, "overflow",
                             "award_id: the grant-date values of '%s' are too large", award->id);
                ok = false;
                break;
            }
        }
        if (!ok) {
            result = PC_ERR_INPUT;
            continue;
        }
        int64_t *acc = &sums[row].column[award->type == PC_AWARD_STOCK ? PC_DCT_STOCK_AWARDS
                                                                       : PC_DCT_OPTION_AWARDS];
        if (pc_money_add(*acc, value, acc)) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), award->line, 1, "overflow",
                     "award_id: the grant-date values of '%s' are too large", award->id);
            result = PC_ERR_INPUT;
            continue;
        }
        pc_director_grant *g = PC_ARRAY_PUSH(&report->director_grants);
        if (!g)
            return PC_ERR_NOMEM;
        *g = (pc_director_grant){a, value};
    }
    /* Each director's grants are one run, in awards.csv order within it. */
    size_t n = report->director_grants.count - first;
    pc_director_grant *grants = report->director_grants.items + first;
    size_t *count = calloc(report->directors.count + 1, sizeof *count);
    pc_director_grant *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!count || !sorted) {
        free(count);
        free(sorted);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        count[row_of[ds->awards.items[grants[i].award].person] + 1]++;
    for (size_t d = 0; d < report->directors.count; d++) {
        report->directors.items[d].first_grant = first + count[d];
        report->directors.items[d].ngrants = count[d + 1];
        count[d + 1] += count[d];
    }
    for (size_t i = 0; i < n; i++)
        sorted[count[row_of[ds->awards.items[grants[i].award].person]]++] = grants[i];
    if (n)
        memcpy(grants, sorted, n * sizeof *sorted);
    free(count);
    free(sorted);
    return result;
}

/* Column (f) and R3 for one director: PC_ERR_OVERFLOW when a figure is too
 * large, PC_ERR_NOMEM when a warning could not be recorded. */
static pc_status finish_row(const pc_dataset *ds, pc_director_row *row, director_sums *s,
                            pc_report *report, pc_diags *diags)
{
    const char *name = ds->people.items[row->person].name;
    int64_t pension = s->pension;
    /* A warning that cannot be recorded (out of memory) fails the run, as
     * in the SCT (calc/engine/sct.c). */
    pc_status st = PC_OK;
    if (ds->config.smaller_reporting_company) {
        /* Item 402(r)(2)(vi): NQDC earnings only. */
        if (pension != 0)
            st = pc_report_warn_at(report, diags, ds, PC_FILE_CASH, s->pension_line,
                                   "pension_ignored_for_src",
                                   "%s %d: change_in_pension_value is not part of a smaller "
                                   "reporting company's Director Compensation table and was "
                                   "left out",
                                   name, row->year);
        pension = 0;
    } else if (pension < 0) {
        char amount[48];
        st = pc_report_warn_at(
            report, diags, ds, PC_FILE_CASH, s->pension_line, "negative_pension_change",
            "%s %d: the change in pension value is a decrease of %s and is shown as 0 "
            "in the Director Compensation table",
            name, row->year, pc_money_format_display(-pension, 2, amount, sizeof amount));
        pension = 0;
    }
    if (st != PC_OK)
        return st;
    if (pc_money_add(s->column[PC_DCT_PENSION_NQDC], pension, &s->column[PC_DCT_PENSION_NQDC]))
        return PC_ERR_OVERFLOW;
    int64_t total = 0;
    for (int c = 0; c < PC_DCT_TOTAL; c++) {
        if (pc_money_round(s->column[c], 0, &row->column[c]))
            return PC_ERR_OVERFLOW;
        if (pc_money_add(total, row->column[c], &total))
            return PC_ERR_OVERFLOW;
    }
    row->column[PC_DCT_TOTAL] = total;
    return PC_OK;
}

/* The footnote: each director's stock not vested and options not exercised
 * at the year end, from the Outstanding Equity Awards rules. */
static pc_status outstanding(const pc_dataset *ds, int year, const long *row_of, pc_report *report,
                             pc_diags *diags)
{
    size_t n = report->directors.count;
    size_t *people = malloc(n * sizeof *people);
    if (!people)
        return PC_ERR_NOMEM;
    for (size_t d = 0; d < n; d++)
        people[d] = report->directors.items[d].person;
    pc_equity_tables held;
    pc_equity_tables_init(&held);
    pc_status st = pc_equity_oea_people(ds, report, people, n, year, &held, diags);
    for (size_t i = 0; i < held.oea.count && !st; i++) {
        const pc_oea_row *o = &held.oea.items[i];
        pc_director_row *row = &report->directors.items[row_of[o->person]];
        if (pc_money_add(row->stock_outstanding, o->stock_unvested, &row->stock_outstanding) ||
            pc_money_add(row->stock_outstanding, o->stock_unearned, &row->stock_outstanding) ||
            pc_money_add(row->options_outstanding, o->options_exercisable,
                         &row->options_outstanding) ||
            pc_money_add(row->options_outstanding, o->options_unexercisable,
                         &row->options_outstanding) ||
            pc_money_add(row->options_outstanding, o->options_unearned,
                         &row->options_outstanding)) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), ds->awards.items[o->award].line, 1,
                     "overflow", "award_id: the awards outstanding of %s are too large",
                     ds->people.items[o->person].name);
            st = PC_ERR_INPUT;
        }
    }
    pc_equity_tables_fini(&held);
    free(people);
    return st;
}

pc_status pc_engine_directors(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    const pc_config *cfg = &ds->config;
    if (ds->directors.count == 0 || cfg->nyears < 1)
        return PC_OK;
    int year = cfg->years[cfg->nyears - 1];
    long *row_of = malloc((ds->people.count ? ds->people.count : 1) * sizeof *row_of);
    director_sums *sums = NULL;
    if (!row_of)
        return PC_ERR_NOMEM;
    for (size_t p = 0; p < ds->people.count; p++)
        row_of[p] = -1;
    pc_status st = PC_OK;
    /* One row per director of the year, in roles.csv order (the reader
     * refused a second row for the same person and year). */
    for (size_t i = 0; i < ds->directors.count; i++) {
        const pc_role *role = &ds->directors.items[i];
        if (role->year != year)
            continue;
        pc_director_row *row = PC_ARRAY_PUSH(&report->directors);
        if (!row) {
            st = PC_ERR_NOMEM;
            goto done;
        }
        row->person = role->person;
        row->year = year;
        row->position = role->position ? role->position : ds->people.items[role->person].position;
        row_of[role->person] = (long)(report->directors.count - 1);
    }
    if (report->directors.count == 0)
        goto done;
    sums = calloc(report->directors.count, sizeof *sums);
    if (!sums) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    pc_status cash = sum_cash(ds, year, row_of, sums, report, diags);
    pc_engine_tidy_rates(report);
    if (cash == PC_ERR_NOMEM) {
        st = cash;
        goto done;
    }
    pc_status grants = value_grants(ds, year, row_of, sums, report, diags);
    if (grants == PC_ERR_NOMEM) {
        st = grants;
        goto done;
    }
    st = cash ? cash : grants;
    for (size_t d = 0; d < report->directors.count && !st; d++) {
        pc_director_row *row = &report->directors.items[d];
        pc_status row_st = finish_row(ds, row, &sums[d], report, diags);
        if (row_st == PC_ERR_NOMEM) {
            st = row_st;
        } else if (row_st) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_CASH), 0, 0, "overflow",
                     "the compensation of director %s for %d is too large to add up exactly",
                     ds->people.items[row->person].name, year);
            st = PC_ERR_INPUT;
        }
    }
    if (!st)
        st = outstanding(ds, year, row_of, report, diags);
done:
    free(sums);
    free(row_of);
    return st;
}
