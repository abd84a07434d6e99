/*
 * The Summary Compensation Table (SPEC section 6; Item 402(c), and 402(n)
 * for smaller reporting companies).
 *
 * Cash is converted to USD at the rates of SPEC section 4 (R1), summed per
 * column exactly in cents, and each column rounded to whole dollars (R3); the
 * total is the sum of the rounded columns, so the table always foots. Stock
 * and option awards are the grant-date values of the awards granted in the
 * fiscal year (Instruction 1 to Item 402(c)(2)(v) and (vi): aggregate
 * grant-date fair value under ASC 718; performance awards at the probable
 * outcome, Instruction 3). SCT rows are computed for every covered PvP year,
 * since the PvP table starts from them; `in_table` marks the SCT years.
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/ledger.h"
#include "paycalc/engine.h"
#include "paycalc/fx.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

#include "cash.h"

/* Exact USD cents per component of one SCT row, before rounding. */
typedef struct row_sums {
    int64_t component[PC_COMP_COUNT];
    int64_t stock_awards;
    int64_t option_awards;
    int pension_line; /* the first cash.csv row of the pension change, for warnings */
} row_sums;

static int compare_rate(const void *a, const void *b)
{
    const pc_rate_used *x = a, *y = b;
    int c = strcmp(x->currency, y->currency);
    if (c)
        return c;
    if (x->fiscal_year != y->fiscal_year)
        return x->fiscal_year < y->fiscal_year ? -1 : 1;
    return (x->date > y->date) - (x->date < y->date);
}

/* Keeps one entry per (currency, fiscal year, observation date). */
void pc_engine_tidy_rates(pc_report *report)
{
    if (report->rates.count < 2)
        return;
    qsort(report->rates.items, report->rates.count, sizeof(pc_rate_used), compare_rate);
    size_t k = 0;
    for (size_t i = 0; i < report->rates.count; i++) {
        if (k > 0 && compare_rate(&report->rates.items[k - 1], &report->rates.items[i]) == 0) {
            free(report->rates.items[i].source);
            continue;
        }
        report->rates.items[k++] = report->rates.items[i];
    }
    report->rates.count = k;
}

/* The SCT row of `person` in fiscal year `year` (counted from this run's
 * first row), or -1 when the year is not covered or the person holds no row
 * in it. `row_of` is person x covered year. */
static long row_in_year(const pc_dataset *ds, const long *row_of, size_t person, int year)
{
    int y = pc_config_year_index(&ds->config, year);
    return y < 0 ? -1 : row_of[person * (size_t)ds->config.nyears + (size_t)y];
}

/* Adds the converted cash of every person-year with a role into `sums`. */
static pc_status sum_cash(const pc_dataset *ds, const pc_ledger_roles *roles, const long *row_of,
                          row_sums *sums, pc_report *report, pc_diags *diags)
{
    size_t n = ds->cash.count;
    if (n == 0)
        return PC_OK;
    pc_cash_key *keys = malloc(n * sizeof *keys);
    if (!keys)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        keys[i] = pc_engine_cash_key(ds, i);
    pc_engine_cash_sort(keys, n);

    pc_status result = PC_OK;
    bool per_row = ds->config.fx_method == PC_FX_PAYMENT_DATE;
    pc_cash_rates cache = {.count = 0};
    for (size_t i = 0; i < n;) {
        const pc_cash *first = &ds->cash.items[keys[i].index];
        size_t j;
        int64_t foreign, usd;
        /* One group: same person, year, component and currency. */
        pc_status st =
            pc_engine_cash_group(ds, keys, i, n, &j, &foreign, &usd, &cache, report, diags);
        int r = pc_ledger_roles_get(roles, ds, first->person, first->year);
        if (r >= 0 && first->component == PC_COMP_FEES) {
            /* Fees are the Director Compensation table's column (b); an
             * executive's cash has a Summary Compensation Table column. */
            pc_error(diags, pc_dataset_path(ds, PC_FILE_CASH), first->line,
                     pc_dataset_column(ds, PC_FILE_CASH, "component"), "fees_of_executive",
                     "component: 'fees' is a director's fees earned or paid in cash, but %s is a "
                     "PEO or NEO in %d: report an executive's director fees as salary or "
                     "all_other",
                     ds->people.items[first->person].name, first->year);
            result = PC_ERR_INPUT;
            i = j;
            continue;
        }
        if (r >= 0 && !per_row && !st)
            st = pc_engine_cash_convert(ds, first, foreign, &usd, &cache, report, diags);
        if (st == PC_ERR_OVERFLOW)
            st = pc_engine_cash_overflow(ds, first, diags);
        if (st == PC_ERR_NOMEM) {
            result = st;
            break;
        }
        if (st) {
            result = PC_ERR_INPUT;
        } else if (r >= 0) {
            long row = row_in_year(ds, row_of, first->person, first->year);
            int64_t *acc = &sums[row].component[first->component];
            /* Amounts in different currencies can overflow only once they
             * are added up in dollars: say so, or the run fails with
             * "0 errors". */
            if (pc_money_add(*acc, usd, acc))
                result = pc_engine_cash_overflow(ds, first, diags);
            if (first->component == PC_COMP_CHANGE_IN_PENSION_VALUE &&
                (!sums[row].pension_line || first->line < sums[row].pension_line))
                sums[row].pension_line = first->line;
        }
        i = j;
    }
    free(keys);
    return result;
}

/* Adds one grant-date tranche valuation of a performance award at the
 * highest level of performance to `max` (Instruction 3 to Item
 * 402(c)(2)(v) and (vi)). The level is maximum_shares / shares when
 * awards.csv gives maximum_shares, else the target, or the probable
 * outcome at the grant date when that is higher. The value is R2's with the
 * level in place of the probable outcome: exact for an exact per-share
 * value, else computed in double precision and rounded once. */
static pc_status add_maximum(const pc_award *award, const pc_valuation *v, pc_maximum_value *max)
{
    int64_t cents, shares;
    pc_status st;
    if (award->has_maximum && award->shares > 0) {
        if (award->shares > INT64_MAX / (PC_MICRO / 100) ||
            pc_mul_div_round(v->shares, award->maximum_shares, award->shares, &shares))
            return PC_ERR_OVERFLOW;
        if (v->per_share_exact)
            st = pc_mul3_div_round(v->shares, v->per_share_micro, award->maximum_shares,
                                   award->shares * (PC_MICRO / 100), &cents);
        else
            st = pc_money_from_double(v->per_share * (double)v->shares *
                                          (double)award->maximum_shares / (double)award->shares,
                                      &cents);
    } else {
        int64_t level = v->probable_micro > PC_MICRO ? v->probable_micro : PC_MICRO;
        if (pc_mul_div_round(v->shares, level, PC_MICRO, &shares))
            return PC_ERR_OVERFLOW;
        if (v->per_share_exact)
            st = pc_tranche_value_exact(v->shares, v->per_share_micro, level, &cents);
        else
            st = pc_money_from_double(v->per_share * (double)v->shares * pc_micro_to_double(level),
                                      &cents);
    }
    if (st || pc_money_add(max->value, cents, &max->value) ||
        pc_money_add(max->maximum_shares, shares, &max->maximum_shares))
        return PC_ERR_OVERFLOW;
    max->from_maximum = award->has_maximum;
    return PC_OK;
}

/* Values the awards granted in each fiscal year of a person with a role
 * that year (Item 402(c)(2)(v)-(vi)), and each performance award's
 * grant-date value at the highest level of performance (add_maximum). */
static pc_status value_grants(const pc_dataset *ds, const long *row_of, row_sums *sums,
                              pc_report *report, pc_diags *diags)
{
    pc_status result = PC_OK;
    for (size_t a = 0; a < ds->awards.count; a++) {
        const pc_award *award = &ds->awards.items[a];
        int year = pc_fiscal_year_of(ds->config.fiscal_year_end, award->grant_date);
        long row = row_in_year(ds, row_of, award->person, year);
        if (row < 0)
            continue;
        pc_maximum_value max = {.award = a, .year = year};
        bool maximum_ok = award->condition == PC_CONDITION_PERFORMANCE;
        for (size_t t = award->first_tranche; t < award->first_tranche + award->ntranches; t++) {
            pc_valuation v;
            pc_status st =
                pc_value_tranche(ds, t, award->grant_date, PC_PURPOSE_GRANT, &v, report, diags);
            if (st == PC_ERR_NOMEM)
                return st;
            if (st) {
                result = PC_ERR_INPUT;
                continue;
            }
            v.year = year;
            v.line = -1;
            if (pc_report_add_valuation(report, &v))
                return PC_ERR_NOMEM;
            int64_t *acc =
                award->type == PC_AWARD_STOCK ? &sums[row].stock_awards : &sums[row].option_awards;
            if (pc_money_add(*acc, v.value, acc) || (maximum_ok && add_maximum(award, &v, &max))) {
                pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), award->line, 1, "overflow",
                         "award_id: the grant-date values of '%s' are too large", award->id);
                result = PC_ERR_INPUT;
                maximum_ok = false;
            }
        }
        if (maximum_ok && !result) {
            pc_maximum_value *slot = PC_ARRAY_PUSH(&report->maximum_values);
            if (!slot)
                return PC_ERR_NOMEM;
            *slot = max;
        }
    }
    return result;
}

/* Options exercised before a change of their price or number are no longer
 * the holder's to modify, and which tranches they came from is not
 * recorded: such a modification is refused rather than valued wrongly. */
static pc_status check_exercises(const pc_dataset *ds, const pc_modification *m, pc_diags *diags)
{
    if (!m->has_exercise_price && !m->has_shares)
        return PC_OK;
    for (size_t i = 0; i < ds->exercises.count; i++) {
        const pc_exercise *e = &ds->exercises.items[i];
        if (e->award != m->award || e->date >= m->date)
            continue;
        char on[11], ex[11];
        pc_error(diags, pc_dataset_path(ds, PC_FILE_MODIFICATIONS), m->line,
                 pc_dataset_column(ds, PC_FILE_MODIFICATIONS, "award_id"), "exercised_before",
                 "award_id: options of '%s' were exercised on %s (exercises.csv line %d), before "
                 "their modification on %s: paycalc values a new exercise price or number of "
                 "options only for an award with no exercise before it",
                 ds->awards.items[m->award].id, pc_date_format(e->date, ex), e->line,
                 pc_date_format(m->date, on));
        return PC_ERR_INPUT;
    }
    return PC_OK;
}

/* Values the tranches one modification changed on its date, under the
 * original terms just before it and under the new ones (ASC 718-20-35-3).
 * The valuations go into `vals` (owned by the caller). */
static pc_status value_modification(const pc_dataset *ds, const pc_modification *m, int year,
                                    pc_valuation **vals, size_t *nvals, pc_report *report,
                                    pc_diags *diags)
{
    const pc_award *award = &ds->awards.items[m->award];
    *vals = malloc((award->ntranches ? award->ntranches : 1) * 2 * sizeof **vals);
    *nvals = 0;
    if (!*vals)
        return PC_ERR_NOMEM;
    pc_status result = PC_OK;
    for (size_t t = award->first_tranche; t < award->first_tranche + award->ntranches; t++) {
        if (!pc_tranche_modified(ds, &ds->tranches.items[t], m->date))
            continue;
        static const pc_purpose both[2] = {PC_PURPOSE_BEFORE_MODIFICATION, PC_PURPOSE_MODIFIED};
        for (int k = 0; k < 2; k++) {
            pc_valuation *v = &(*vals)[*nvals];
            pc_status st = pc_value_tranche(ds, t, m->date, both[k], v, report, diags);
            if (st == PC_ERR_NOMEM)
                return st;
            if (st) {
                result = PC_ERR_INPUT;
                continue;
            }
            v->year = year;
            v->line = -1;
            (*nvals)++;
        }
    }
    return result;
}

/* The incremental fair value of each modification in a covered year
 * (ASC 718-20-35-3), reported in the SCT column of the award's type for
 * that year (Instruction 2 to Item 402(c)(2)(v) and (vi): the incremental
 * fair value of a modified award), with the valuations behind it. */
static pc_status value_modifications(const pc_dataset *ds, const long *row_of, row_sums *sums,
                                     pc_report *report, pc_diags *diags)
{
    pc_status result = PC_OK;
    for (size_t i = 0; i < ds->modifications.count; i++) {
        const pc_modification *m = &ds->modifications.items[i];
        const pc_award *award = &ds->awards.items[m->award];
        int year = pc_fiscal_year_of(ds->config.fiscal_year_end, m->date);
        long row = row_in_year(ds, row_of, award->person, year);
        if (row < 0)
            continue;
        pc_status st = check_exercises(ds, m, diags);
        if (st) {
            result = st;
            continue;
        }
        pc_valuation *vals = NULL;
        size_t nvals = 0;
        st = value_modification(ds, m, year, &vals, &nvals, report, diags);
        pc_modification_result res = {i, year, 0, 0, 0, true};
        for (size_t k = 0; !st && k < nvals; k++) {
            int64_t *acc = vals[k].purpose == PC_PURPOSE_MODIFIED ? &res.after : &res.before;
            if (pc_money_add(*acc, vals[k].value, acc))
                st = PC_ERR_OVERFLOW;
        }
        if (!st && pc_money_sub(res.after, res.before, &res.incremental))
            st = PC_ERR_OVERFLOW;
        /* A modification that lowers the fair value adds no cost: the
         * original grant-date value stands (ASC 718-20-35-3). */
        if (!st && res.incremental > 0) {
            int64_t *acc =
                award->type == PC_AWARD_STOCK ? &sums[row].stock_awards : &sums[row].option_awards;
            if (pc_money_add(*acc, res.incremental, acc))
                st = PC_ERR_OVERFLOW;
        }
        if (!st && res.incremental < 0)
            res.incremental = 0;
        for (size_t k = 0; !st && res.incremental > 0 && k < nvals; k++) {
            pc_valuation *slot = PC_ARRAY_PUSH(&report->valuations);
            if (!slot)
                st = PC_ERR_NOMEM;
            else
                *slot = vals[k];
        }
        free(vals);
        if (st == PC_ERR_OVERFLOW) {
            pc_error(diags, pc_dataset_path(ds, PC_FILE_MODIFICATIONS), m->line, 1, "overflow",
                     "award_id: the values of the modification of '%s' are too large", award->id);
            st = PC_ERR_INPUT;
        }
        if (st == PC_ERR_NOMEM)
            return st;
        if (st) {
            result = PC_ERR_INPUT;
            continue;
        }
        pc_modification_result *slot = PC_ARRAY_PUSH(&report->modifications);
        if (!slot)
            return PC_ERR_NOMEM;
        *slot = res;
    }
    return result;
}

/* R3: each column the exact sum of its cents rounded to whole dollars; the
 * total the sum of the rounded columns. */
static pc_status finish_row(const pc_dataset *ds, pc_sct_row *row, const row_sums *s,
                            pc_report *report, pc_diags *diags)
{
    int64_t exact[PC_SCT_NCOLUMNS] = {0};
    exact[PC_SCT_SALARY] = s->component[PC_COMP_SALARY];
    exact[PC_SCT_BONUS] = s->component[PC_COMP_BONUS];
    exact[PC_SCT_STOCK_AWARDS] = s->stock_awards;
    exact[PC_SCT_OPTION_AWARDS] = s->option_awards;
    exact[PC_SCT_NON_EQUITY_INCENTIVE] = s->component[PC_COMP_NON_EQUITY_INCENTIVE];
    exact[PC_SCT_ALL_OTHER] = s->component[PC_COMP_ALL_OTHER];

    /* Column (h): a negative change in pension value is shown as 0
     * (Instruction 3 to Item 402(c)(2)(viii)); SRCs have no pension
     * component in this column (Item 402(n)(2)(viii)). */
    int64_t pension = s->component[PC_COMP_CHANGE_IN_PENSION_VALUE];
    const pc_person *who = &ds->people.items[row->person];
    if (ds->config.smaller_reporting_company) {
        if (pension != 0 &&
            pc_report_warn_at(report, diags, ds, PC_FILE_CASH, s->pension_line,
                              "pension_ignored_for_src",
                              "%s %d: change_in_pension_value is not part of a smaller reporting "
                              "company's Summary Compensation Table and was left out",
                              who->name, row->year) != PC_OK)
            return PC_ERR_NOMEM;
        pension = 0;
    } else if (pension < 0) {
        char amount[48];
        if (pc_report_warn_at(
                report, diags, ds, PC_FILE_CASH, s->pension_line, "negative_pension_change",
                "%s %d: the change in pension value is a decrease of %s and is shown as 0 "
                "in the Summary Compensation Table",
                who->name, row->year,
                pc_money_format_display(-pension, 2, amount, sizeof amount)) != PC_OK)
            return PC_ERR_NOMEM;
        pension = 0;
    }
    if (pc_money_add(pension, s->component[PC_COMP_NQDC_EARNINGS], &exact[PC_SCT_PENSION_NQDC]))
        return PC_ERR_OVERFLOW;
    if (pc_money_round(pension, 0, &row->pension_change))
        return PC_ERR_OVERFLOW;

    int64_t total = 0;
    for (int c = 0; c < PC_SCT_TOTAL; c++) {
        if (pc_money_round(exact[c], 0, &row->column[c]))
            return PC_ERR_OVERFLOW;
        if (pc_money_add(total, row->column[c], &total))
            return PC_ERR_OVERFLOW;
    }
    row->column[PC_SCT_TOTAL] = total;
    row->pension_service_cost = s->component[PC_COMP_PENSION_SERVICE_COST];
    row->pension_prior_service_cost = s->component[PC_COMP_PENSION_PRIOR_SERVICE_COST];
    row->unvested_dividends = s->component[PC_COMP_UNVESTED_DIVIDENDS];
    return PC_OK;
}

pc_status pc_engine_sct(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    const pc_config *cfg = &ds->config;
    pc_ledger_roles roles = {0};
    size_t npeople = 0;
    size_t *people = NULL;
    long *row_of = NULL;
    row_sums *sums = NULL;
    pc_status st = pc_ledger_roles_build(ds, &roles);
    if (st)
        return st;
    people = pc_ledger_people_order(ds, &npeople);
    size_t cells = ds->people.count * (size_t)(cfg->nyears > 0 ? cfg->nyears : 1);
    row_of = malloc((cells ? cells : 1) * sizeof *row_of);
    if (!row_of || (ds->roles.count && !people)) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < cells; i++)
        row_of[i] = -1;

    /* One row per person and covered year with a role, in table order. */
    size_t first_row = report->sct.count;
    int sct_years = cfg->sct_years > 0 ? cfg->sct_years : (cfg->smaller_reporting_company ? 2 : 3);
    for (size_t i = 0; i < npeople; i++) {
        size_t p = people[i];
        for (int y = 0; y < cfg->nyears; y++) {
            int r = pc_ledger_roles_get(&roles, ds, p, cfg->years[y]);
            if (r < 0)
                continue;
            const pc_role *role = &ds->roles.items[r];
            pc_sct_row *row = PC_ARRAY_PUSH(&report->sct);
            if (!row) {
                st = PC_ERR_NOMEM;
                goto done;
            }
            row->person = p;
            row->year = cfg->years[y];
            row->role = role->role;
            row->position = role->position ? role->position : ds->people.items[p].position;
            row->in_table = y >= cfg->nyears - sct_years;
            row_of[p * (size_t)cfg->nyears + (size_t)y] = (long)(report->sct.count - 1 - first_row);
        }
    }
    size_t nrows = report->sct.count - first_row;
    sums = calloc(nrows ? nrows : 1, sizeof *sums);
    if (!sums) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    pc_status cash = sum_cash(ds, &roles, row_of, sums, report, diags);
    pc_engine_tidy_rates(report);
    if (cash == PC_ERR_NOMEM) {
        st = cash;
        goto done;
    }
    pc_status grants = value_grants(ds, row_of, sums, report, diags);
    if (grants == PC_ERR_NOMEM) {
        st = grants;
        goto done;
    }
    pc_status modified = grants ? PC_OK : value_modifications(ds, row_of, sums, report, diags);
    if (modified == PC_ERR_NOMEM) {
        st = modified;
        goto done;
    }
    st = cash ? cash : grants ? grants : modified;
    if (st == PC_OK) {
        for (size_t i = 0; i < nrows; i++) {
            pc_sct_row *row = &report->sct.items[first_row + i];
            pc_status finished = finish_row(ds, row, &sums[i], report, diags);
            if (finished == PC_ERR_NOMEM) {
                st = finished; /* a warning it could not keep, not an overflow */
                goto done;
            }
            if (finished) {
                pc_error(diags, pc_dataset_path(ds, PC_FILE_CASH), 0, 0, "overflow",
                         "the compensation of %s for %d is too large to add up exactly",
                         ds->people.items[row->person].name, row->year);
                st = PC_ERR_INPUT;
            }
        }
    }
done:
    free(sums);
    free(row_of);
    free(people);
    pc_ledger_roles_fini(&roles);
    return st;
}
