/*
 * Compensation actually paid and the Pay versus Performance table
 * (SPEC section 7; Item 402(v)(2)(iii) and (v)(2)(ii)).
 *
 * For each covered year and each PEO or NEO of that year, the reconciliation
 * starts from the SCT total, deducts the SCT's equity award columns and
 * (non-SRC) the pension change shown there, adds back pension service costs,
 * and adds the equity values re-measured at the fiscal year end and the
 * vesting dates, tranche by tranche, per Item 402(v)(2)(iii)(C)(1)(i)-(vi).
 * Each line is rounded to cap_decimals and CAP is the sum of the rounded
 * lines (R4), so the reconciliation always foots. The non-PEO NEO average is
 * the exact mean of each line over the year's NEOs, rounded (R5).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/ledger.h"
#include "paycalc/engine.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

/* Awards grouped by person: awards[start[p] .. start[p+1]), and the date
 * each tranche is treated as vested on retirement eligibility (retired[t],
 * PC_DATE_NONE when it is not). */
typedef struct awards_by_person {
    size_t *start;
    size_t *awards;
    pc_date *retired;
} awards_by_person;

/* SPEC section 13, C&DI 128D.18: a service-condition tranche of an award
 * that vests in full on retirement is vested, for CAP, once its holder is
 * eligible to retire: on the later of the grant date and the eligibility
 * date, when that is within the covered years and the tranche has not
 * vested or been forfeited by then. A performance or market condition is
 * met only when the tranche vests, so such a tranche is left as it is. */
static pc_date retirement_vested_on(const pc_dataset *ds, const pc_tranche *t, pc_date last_end)
{
    const pc_award *a = &ds->awards.items[t->award];
    assert(a->person < ds->people.count); /* the reader resolved the holder */
    if (!a->retirement_vesting || a->condition != PC_CONDITION_SERVICE)
        return PC_DATE_NONE;
    const pc_person *holder = &ds->people.items[a->person];
    if (!holder->retirement_eligible)
        return PC_DATE_NONE;
    pc_date on = holder->retirement_eligible_date > a->grant_date ? holder->retirement_eligible_date
                                                                  : a->grant_date;
    pc_date v = pc_tranche_cap_vested_on(t), f = pc_tranche_forfeited_on(t);
    if (on > last_end || (v != PC_DATE_NONE && v <= on) || (f != PC_DATE_NONE && f <= on))
        return PC_DATE_NONE;
    return on;
}

/* Fills g->retired and lists each tranche so treated in the report. */
static pc_status find_retirement_vesting(const pc_dataset *ds, awards_by_person *g,
                                         pc_report *report)
{
    size_t n = ds->tranches.count;
    g->retired = malloc((n ? n : 1) * sizeof *g->retired);
    if (!g->retired)
        return PC_ERR_NOMEM;
    pc_date last_end = PC_DATE_NONE;
    if (ds->config.nyears > 0)
        last_end =
            pc_fiscal_year_end(ds->config.fiscal_year_end, ds->config.years[ds->config.nyears - 1]);
    for (size_t t = 0; t < n; t++) {
        const pc_tranche *tr = &ds->tranches.items[t];
        g->retired[t] = retirement_vested_on(ds, tr, last_end);
        if (g->retired[t] == PC_DATE_NONE)
            continue;
        pc_retirement_entry *e = PC_ARRAY_PUSH(&report->retirement);
        if (!e)
            return PC_ERR_NOMEM;
        e->tranche = t;
        e->eligible_date =
            ds->people.items[ds->awards.items[tr->award].person].retirement_eligible_date;
        e->treated_vested_on = g->retired[t];
    }
    return PC_OK;
}

/* When CAP takes a tranche as vested and as forfeited (SPEC sections 7 and
 * 13): a tranche treated as vested on retirement eligibility is vested
 * then, and a later forfeiture no longer concerns it. */
typedef struct cap_facts {
    pc_date vested, forfeited;
} cap_facts;

static cap_facts facts_of(const pc_tranche *t, pc_date retired)
{
    cap_facts f = {pc_tranche_cap_vested_on(t), pc_tranche_forfeited_on(t)};
    if (retired != PC_DATE_NONE) {
        f.vested = retired;
        f.forfeited = PC_DATE_NONE;
    }
    return f;
}

/* Granted on or before x, and neither vested nor forfeited on or before x,
 * as CAP sees the tranche. */
static bool unvested_at(const pc_award *a, cap_facts f, pc_date x)
{
    return pc_unvested_at(a->grant_date, f.vested, f.forfeited, x);
}

static pc_status group_awards(const pc_dataset *ds, awards_by_person *g)
{
    size_t np = ds->people.count, na = ds->awards.count;
    g->start = calloc(np + 1, sizeof *g->start);
    g->awards = malloc((na ? na : 1) * sizeof *g->awards);
    if (!g->start || !g->awards)
        return PC_ERR_NOMEM;
    for (size_t a = 0; a < na; a++)
        g->start[ds->awards.items[a].person + 1]++;
    for (size_t p = 0; p < np; p++)
        g->start[p + 1] += g->start[p];
    size_t *fill = calloc(np + 1, sizeof *fill);
    if (!fill)
        return PC_ERR_NOMEM;
    for (size_t a = 0; a < na; a++) {
        size_t p = ds->awards.items[a].person;
        g->awards[g->start[p] + fill[p]++] = a;
    }
    free(fill);
    return PC_OK;
}

/* Values one tranche at `date` and records the valuation for `year`/`line`.
 * *value receives the cents (R2). */
static pc_status value_at(const pc_dataset *ds, size_t tranche, pc_date date, pc_purpose purpose,
                          int year, pc_cap_line line, int64_t *value, pc_report *report,
                          pc_diags *diags)
{
    *value = 0;
    pc_valuation v;
    pc_status st = pc_value_tranche(ds, tranche, date, purpose, &v, report, diags);
    if (st)
        return st;
    v.year = year;
    v.line = (int)line;
    if (pc_report_add_valuation(report, &v))
        return PC_ERR_NOMEM;
    *value = v.value;
    return PC_OK;
}

/* Adds `amount` (signed) to an exact line sum. */
static pc_status add_line(int64_t *exact, pc_cap_line line, int64_t amount)
{
    return pc_money_add(exact[line], amount, &exact[line]) ? PC_ERR_OVERFLOW : PC_OK;
}

/* What one person-year's equity lines share. */
typedef struct line_job {
    const pc_dataset *ds;
    int year;
    pc_date prior; /* the prior fiscal year end */
    int64_t *exact;
    pc_report *report;
    pc_diags *diags;
} line_job;

/* Adds to `line` a tranche's value at `at` (none when PC_DATE_NONE), less
 * its value at the prior year end when `less_prior`: the shape of every
 * equity line of Item 402(v)(2)(iii)(C)(1). */
static pc_status add_value(const line_job *j, size_t tranche, pc_cap_line line, pc_date at,
                           pc_purpose purpose, bool less_prior)
{
    int64_t now = 0, before = 0;
    pc_status st = PC_OK;
    if (at != PC_DATE_NONE)
        st = value_at(j->ds, tranche, at, purpose, j->year, line, &now, j->report, j->diags);
    if (!st && less_prior)
        st = value_at(j->ds, tranche, j->prior, PC_PURPOSE_PRIOR_FYE, j->year, line, &before,
                      j->report, j->diags);
    int64_t change = 0;
    if (!st && pc_money_sub(now, before, &change))
        st = PC_ERR_OVERFLOW;
    if (!st)
        st = add_line(j->exact, line, change);
    return st;
}

static int compare_result(const void *key, const void *item)
{
    size_t m = *(const size_t *)key, other = ((const pc_modification_result *)item)->modification;
    return (m > other) - (m < other);
}

/* A modification in the year of a tranche CAP already took as vested
 * before it (a repricing of vested options): the tranche's own track has
 * ended, so the incremental fair value that the SCT reports, and that
 * less_equity_awards deducts, comes back as a value granted and vested in
 * the year, at the modification date (Item 402(v)(2)(iii)(C)(1)(iii)).
 * The tranches still unvested keep their own track: their change in fair
 * value is measured from the original terms at the prior year end to the
 * modified terms at the year end or the vesting date (ASC 718-20-35-3;
 * SPEC section 7). */
static pc_status add_modified_vested(const line_job *j, const pc_award *award, size_t tranche,
                                     cap_facts facts, pc_date end)
{
    const pc_modification *m = pc_award_modified_by(j->ds, award, end);
    if (!m || m->date <= j->prior || facts.vested == PC_DATE_NONE || facts.vested >= m->date ||
        !pc_tranche_modified(j->ds, &j->ds->tranches.items[tranche], m->date))
        return PC_OK;
    size_t index = (size_t)(m - j->ds->modifications.items);
    const pc_modification_result *res =
        j->report->modifications.count
            ? bsearch(&index, j->report->modifications.items, j->report->modifications.count,
                      sizeof *res, compare_result)
            : NULL;
    if (!res || res->incremental <= 0)
        return PC_OK;
    int64_t after = 0, before = 0, change = 0;
    pc_cap_line line = PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR;
    pc_status st = value_at(j->ds, tranche, m->date, PC_PURPOSE_MODIFIED, j->year, line, &after,
                            j->report, j->diags);
    if (!st)
        st = value_at(j->ds, tranche, m->date, PC_PURPOSE_BEFORE_MODIFICATION, j->year, line,
                      &before, j->report, j->diags);
    if (!st && pc_money_sub(after, before, &change))
        st = PC_ERR_OVERFLOW;
    if (!st)
        st = add_line(j->exact, line, change);
    return st;
}

/* The five equity lines of Item 402(v)(2)(iii)(C)(1)(i)-(v) for one person
 * and year, as exact cents. */
static pc_status equity_lines(const pc_dataset *ds, const awards_by_person *g, size_t person,
                              int year, int64_t *exact, pc_report *report, pc_diags *diags)
{
    pc_fiscal_calendar cal = ds->config.fiscal_year_end;
    pc_date end = pc_fiscal_year_end(cal, year);
    pc_date prior = pc_fiscal_year_end(cal, year - 1);
    pc_status result = PC_OK;
    for (size_t k = g->start[person]; k < g->start[person + 1]; k++) {
        const pc_award *award = &ds->awards.items[g->awards[k]];
        bool granted_in = award->grant_date > prior && award->grant_date <= end;
        for (size_t t = award->first_tranche; t < award->first_tranche + award->ntranches; t++) {
            cap_facts facts = facts_of(&ds->tranches.items[t], g->retired[t]);
            pc_date v = facts.vested, f = facts.forfeited;
            bool vested_in = v != PC_DATE_NONE && v > prior && v <= end;
            bool forfeited_in = f != PC_DATE_NONE && f > prior && f <= end;
            bool unvested_prior = unvested_at(award, facts, prior);
            bool unvested_end = unvested_at(award, facts, end);
            line_job job = {ds, year, prior, exact, report, diags};
            pc_status st = PC_OK;
            /* (i) granted in the year, outstanding and unvested at its end. */
            if (granted_in && unvested_end)
                st = add_value(&job, t, PC_CAP_FYE_FV_GRANTED_IN_YEAR, end, PC_PURPOSE_FYE, false);
            /* (ii) granted earlier, unvested at both year ends: the change. */
            else if (unvested_prior && unvested_end)
                st = add_value(&job, t, PC_CAP_CHANGE_FV_PRIOR_UNVESTED, end, PC_PURPOSE_FYE, true);
            /* (iii) granted and vested in the year: the value at vesting. */
            else if (granted_in && vested_in)
                st = add_value(&job, t, PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR, v, PC_PURPOSE_VEST,
                               false);
            /* (iv) granted earlier, vested in the year: change from the prior
             * year end to the vesting date. */
            else if (unvested_prior && vested_in)
                st = add_value(&job, t, PC_CAP_CHANGE_FV_PRIOR_VESTED, v, PC_PURPOSE_VEST, true);
            /* (v) granted earlier, failed or forfeited in the year: minus the
             * prior year-end value. A tranche granted and forfeited in the
             * same year adds nothing. */
            else if (unvested_prior && forfeited_in)
                st = add_value(&job, t, PC_CAP_LESS_FV_FORFEITED, PC_DATE_NONE, PC_PURPOSE_FYE,
                               true);
            if (!st)
                st = add_modified_vested(&job, award, t, facts, end);
            if (st == PC_ERR_NOMEM)
                return st;
            if (st == PC_ERR_OVERFLOW) {
                pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), award->line, 1, "overflow",
                         "award_id: the values of '%s' are too large to add up exactly", award->id);
                return PC_ERR_INPUT;
            }
            if (st)
                result = PC_ERR_INPUT;
        }
    }
    return result;
}

/* R4: every line rounded to cap_decimals; CAP the sum of the rounded lines. */
static pc_status round_lines(const int64_t *exact, int decimals, int64_t *line)
{
    int64_t cap = 0;
    for (int l = 0; l < PC_CAP_CAP; l++) {
        if (pc_money_round(exact[l], decimals, &line[l]))
            return PC_ERR_OVERFLOW;
        if (pc_money_add(cap, line[l], &cap))
            return PC_ERR_OVERFLOW;
    }
    line[PC_CAP_CAP] = cap;
    return PC_OK;
}

static pc_status person_row(const pc_dataset *ds, const awards_by_person *g, const pc_sct_row *sct,
                            pc_cap_row *row, pc_report *report, pc_diags *diags)
{
    bool src = ds->config.smaller_reporting_company;
    int64_t exact[PC_CAP_NLINES] = {0};
    /* The lines from the SCT and cash.csv, by the rules of SPEC section 7
     * (pc_cap_rule_of); the fair-value lines by equity_lines below. */
    for (int l = 0; l < PC_CAP_CAP; l++) {
        const pc_cap_rule *r = pc_cap_rule_of((pc_cap_line)l);
        if (r->not_for_src && src)
            continue;
        int64_t amount = 0;
        if (r->source == PC_CAP_FROM_SCT)
            for (int k = 0; k < r->nsct; k++)
                amount += sct->column[r->sct[k]];
        else if (r->source == PC_CAP_FROM_COMPONENT)
            amount = pc_sct_component(sct, r->component);
        exact[l] = r->sign * amount;
    }
    pc_status st = equity_lines(ds, g, sct->person, sct->year, exact, report, diags);
    if (st)
        return st;
    row->year = sct->year;
    row->subject = sct->person;
    if (round_lines(exact, ds->config.cap_decimals, row->line)) {
        pc_error(diags, pc_dataset_path(ds, PC_FILE_AWARDS), 0, 0, "overflow",
                 "compensation actually paid to %s for %d is too large to add up exactly",
                 ds->people.items[sct->person].name, sct->year);
        return PC_ERR_INPUT;
    }
    return PC_OK;
}

/* R5: each line the exact mean over the NEOs, rounded to cap_decimals; the
 * average CAP the sum of the averaged lines. */
static pc_status average_row(const pc_cap_row *neos, size_t n, int decimals, pc_cap_row *avg)
{
    assert(n > 0); /* year_rows averages only when there are NEOs */
    int64_t unit = decimals >= 2 ? 1 : PC_CENTS;
    int64_t cap = 0;
    for (int l = 0; l < PC_CAP_CAP; l++) {
        int64_t sum = 0, mean;
        for (size_t i = 0; i < n; i++)
            if (pc_money_add(sum, neos[i].line[l], &sum))
                return PC_ERR_OVERFLOW;
        if (pc_round_div(sum, (int64_t)n * unit, &mean))
            return PC_ERR_OVERFLOW;
        avg->line[l] = mean * unit;
        if (pc_money_add(cap, avg->line[l], &cap))
            return PC_ERR_OVERFLOW;
    }
    avg->line[PC_CAP_CAP] = cap;
    avg->subject = PC_SUBJECT_AVERAGE;
    return PC_OK;
}

static const pc_sct_row *sct_of(const pc_dataset *ds, const pc_report *report,
                                const pc_sct_index *index, size_t person, int year)
{
    /* A role of a covered year (year_rows), of a person the reader knows. */
    assert(pc_config_year_index(&ds->config, year) >= 0 && person < ds->people.count);
    return pc_sct_index_find(index, ds, report, person, year);
}

static const pc_performance *performance_of(const pc_dataset *ds, int year)
{
    for (size_t i = 0; i < ds->performance.count; i++)
        if (ds->performance.items[i].year == year)
            return &ds->performance.items[i];
    return NULL;
}

/* Micros to cents of the $100 value, rounded to 2 decimals (R6). */
static int64_t micro_to_cents(int64_t micro)
{
    int64_t cents = 0;
    (void)pc_round_div(micro, 10000, &cents);
    return cents;
}

/* The reconciliation of each PEO, then each NEO, of `year`, in roles.csv
 * order; the PEOs' figures go into the PvP row. *neo_start and *nneo say
 * where the NEOs' rows are in report->cap. */
static pc_status person_rows(const pc_dataset *ds, const awards_by_person *g,
                             const pc_sct_index *sct_rows, int year, pc_report *report,
                             pc_diags *diags, pc_pvp_row *pvp, size_t *neo_start, size_t *nneo)
{
    pc_status result = PC_OK;
    *neo_start = report->cap.count;
    *nneo = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            *neo_start = report->cap.count;
        for (size_t r = 0; r < ds->roles.count; r++) {
            const pc_role *role = &ds->roles.items[r];
            if (role->year != year || (role->role == PC_ROLE_PEO) != (pass == 0))
                continue;
            const pc_sct_row *sct = sct_of(ds, report, sct_rows, role->person, year);
            if (!sct)
                continue; /* the SCT step already reported why */
            pc_cap_row row = {0};
            pc_status st = person_row(ds, g, sct, &row, report, diags);
            if (st == PC_ERR_NOMEM)
                return st;
            if (st) {
                result = PC_ERR_INPUT;
                continue;
            }
            pc_cap_row *slot = PC_ARRAY_PUSH(&report->cap);
            if (!slot)
                return PC_ERR_NOMEM;
            *slot = row;
            if (pass == 1) {
                (*nneo)++;
            } else if (pvp->npeo == PC_MAX_PEOS) {
                pc_error(diags, pc_dataset_path(ds, PC_FILE_ROLES), role->line,
                         pc_dataset_column(ds, PC_FILE_ROLES, "role"), "too_many_peos",
                         "role: more than %d PEOs in %d", PC_MAX_PEOS, year);
                result = PC_ERR_INPUT;
            } else {
                pvp->peo[pvp->npeo].person = role->person;
                pvp->peo[pvp->npeo].sct_total = sct->column[PC_SCT_TOTAL];
                pvp->peo[pvp->npeo].cap = row.line[PC_CAP_CAP];
                pvp->npeo++;
            }
        }
    }
    return result;
}

/* The non-PEO NEO average of the `nneo` rows from `neo_start` (R5), as a
 * reconciliation row and in the PvP row. */
static pc_status add_average(const pc_dataset *ds, size_t neo_start, size_t nneo, int year,
                             pc_report *report, pc_diags *diags, pc_pvp_row *pvp)
{
    pc_cap_row avg = {0};
    avg.year = year;
    if (average_row(&report->cap.items[neo_start], nneo, ds->config.cap_decimals, &avg)) {
        pc_status st = pc_error(diags, pc_dataset_path(ds, PC_FILE_ROLES), 0, 0, "overflow",
                                "the average compensation of the %zu non-PEO NEOs for %d is too "
                                "large to add up exactly",
                                nneo, year);
        return st == PC_ERR_NOMEM ? st : PC_ERR_INPUT;
    }
    pvp->has_average = true;
    pvp->avg_count = nneo;
    pvp->avg_people = malloc(nneo * sizeof *pvp->avg_people);
    if (!pvp->avg_people)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < nneo; i++)
        pvp->avg_people[i] = report->cap.items[neo_start + i].subject;
    pvp->avg_sct_total = avg.line[PC_CAP_SCT_TOTAL];
    pvp->avg_cap = avg.line[PC_CAP_CAP];
    pc_cap_row *slot = PC_ARRAY_PUSH(&report->cap);
    if (!slot)
        return PC_ERR_NOMEM;
    *slot = avg;
    return PC_OK;
}

/* Net income, peer TSR and the company-selected measure of the PvP row. */
static void add_performance(const pc_dataset *ds, int year, pc_pvp_row *pvp)
{
    const pc_config *cfg = &ds->config;
    const pc_performance *perf = performance_of(ds, year);
    if (!perf)
        return;
    pvp->has_net_income = true;
    pvp->net_income = perf->net_income_cents;
    /* Item 402(v)(8): SRCs show neither peer TSR nor a company-selected
     * measure. */
    if (!cfg->smaller_reporting_company && perf->has_peer_tsr) {
        pvp->has_peer_tsr = true;
        pvp->peer_tsr = micro_to_cents(perf->peer_tsr_micro);
    }
    if (!cfg->smaller_reporting_company && cfg->company_selected_measure && perf->has_csm) {
        pvp->has_csm = true;
        pvp->csm_micro = perf->csm_micro;
    }
}

static pc_status year_rows(const pc_dataset *ds, const awards_by_person *g,
                           const pc_sct_index *sct_rows, int year, pc_report *report,
                           pc_diags *diags)
{
    pc_pvp_row pvp = {0};
    pvp.year = year;
    size_t neo_start = 0, nneo = 0;
    pc_status st = person_rows(ds, g, sct_rows, year, report, diags, &pvp, &neo_start, &nneo);
    if (st)
        return st;
    if (pvp.npeo == 0) {
        st = pc_report_warn_at(report, diags, ds, PC_FILE_ROLES, 0, "no_peo",
                               "%d: roles.csv names no PEO for this year", year);
        if (st)
            return st;
    }
    if (nneo > 0) {
        st = add_average(ds, neo_start, nneo, year, report, diags, &pvp);
        if (st) {
            free(pvp.avg_people);
            return st;
        }
    }
    add_performance(ds, year, &pvp);
    pc_pvp_row *slot = PC_ARRAY_PUSH(&report->pvp);
    if (!slot) {
        free(pvp.avg_people);
        return PC_ERR_NOMEM;
    }
    *slot = pvp;
    return PC_OK;
}

pc_status pc_engine_cap(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    awards_by_person g = {0};
    pc_sct_index sct_rows = {0};
    pc_status st = group_awards(ds, &g);
    if (!st)
        st = find_retirement_vesting(ds, &g, report);
    if (!st)
        st = pc_sct_index_build(&sct_rows, ds, report);
    pc_status result = st;
    for (int y = 0; !st && y < ds->config.nyears; y++) {
        st = year_rows(ds, &g, &sct_rows, ds->config.years[y], report, diags);
        if (st == PC_ERR_NOMEM || st == PC_ERR_OVERFLOW) {
            result = st;
            break;
        }
        if (st)
            result = PC_ERR_INPUT;
        st = PC_OK;
    }
    pc_sct_index_fini(&sct_rows);
    free(g.start);
    free(g.awards);
    free(g.retired);
    return result;
}
