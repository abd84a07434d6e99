/*
 * The computed results: lifetime, names of keys, warnings (report.h).
 */
#include "paycalc/report.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pc_sct_key(pc_sct_column column)
{
    switch (column) {
    case PC_SCT_SALARY:
        return "salary";
    case PC_SCT_BONUS:
        return "bonus";
    case PC_SCT_STOCK_AWARDS:
        return "stock_awards";
    case PC_SCT_OPTION_AWARDS:
        return "option_awards";
    case PC_SCT_NON_EQUITY_INCENTIVE:
        return "non_equity_incentive";
    case PC_SCT_PENSION_NQDC:
        return "pension_nqdc";
    case PC_SCT_ALL_OTHER:
        return "all_other";
    case PC_SCT_TOTAL:
        return "total";
    case PC_SCT_NCOLUMNS:
        break;
    }
    return "?";
}

const char *pc_dct_key(pc_dct_column column)
{
    switch (column) {
    case PC_DCT_FEES:
        return "fees";
    case PC_DCT_STOCK_AWARDS:
        return "stock_awards";
    case PC_DCT_OPTION_AWARDS:
        return "option_awards";
    case PC_DCT_NON_EQUITY_INCENTIVE:
        return "non_equity_incentive";
    case PC_DCT_PENSION_NQDC:
        return "pension_nqdc";
    case PC_DCT_ALL_OTHER:
        return "all_other";
    case PC_DCT_TOTAL:
        return "total";
    case PC_DCT_NCOLUMNS:
        break;
    }
    return "?";
}

const char *pc_cap_key(pc_cap_line line)
{
    switch (line) {
    case PC_CAP_SCT_TOTAL:
        return "sct_total";
    case PC_CAP_LESS_EQUITY_AWARDS:
        return "less_equity_awards";
    case PC_CAP_LESS_PENSION:
        return "less_pension";
    case PC_CAP_PLUS_PENSION_SERVICE:
        return "plus_pension_service";
    case PC_CAP_PLUS_PENSION_PRIOR_SERVICE:
        return "plus_pension_prior_service";
    case PC_CAP_FYE_FV_GRANTED_IN_YEAR:
        return "fye_fv_granted_in_year";
    case PC_CAP_CHANGE_FV_PRIOR_UNVESTED:
        return "change_fv_prior_unvested";
    case PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR:
        return "fv_at_vest_granted_in_year";
    case PC_CAP_CHANGE_FV_PRIOR_VESTED:
        return "change_fv_prior_vested";
    case PC_CAP_LESS_FV_FORFEITED:
        return "less_fv_forfeited";
    case PC_CAP_DIVIDENDS:
        return "dividends";
    case PC_CAP_CAP:
        return "cap";
    case PC_CAP_NLINES:
        break;
    }
    return "?";
}

/* SPEC section 7, line by line (Item 402(v)(2)(iii)). */
static const pc_cap_rule cap_rules[PC_CAP_NLINES] = {
    [PC_CAP_SCT_TOTAL] = {.source = PC_CAP_FROM_SCT, .sign = 1, .sct = {PC_SCT_TOTAL}, .nsct = 1},
    /* (C)(1): deduct the SCT's stock and option awards. */
    [PC_CAP_LESS_EQUITY_AWARDS] = {.source = PC_CAP_FROM_SCT,
                                   .sign = -1,
                                   .sct = {PC_SCT_STOCK_AWARDS, PC_SCT_OPTION_AWARDS},
                                   .nsct = 2},
    /* (B): pension adjustments, not for SRCs (Item 402(v)(8)). */
    [PC_CAP_LESS_PENSION] = {.source = PC_CAP_FROM_COMPONENT,
                             .sign = -1,
                             .component = PC_COMP_CHANGE_IN_PENSION_VALUE,
                             .floored_whole = true,
                             .not_for_src = true},
    [PC_CAP_PLUS_PENSION_SERVICE] = {.source = PC_CAP_FROM_COMPONENT,
                                     .sign = 1,
                                     .component = PC_COMP_PENSION_SERVICE_COST,
                                     .not_for_src = true},
    [PC_CAP_PLUS_PENSION_PRIOR_SERVICE] = {.source = PC_CAP_FROM_COMPONENT,
                                           .sign = 1,
                                           .component = PC_COMP_PENSION_PRIOR_SERVICE_COST,
                                           .not_for_src = true},
    /* (C)(1)(i)-(v): the equity awards re-measured. */
    [PC_CAP_FYE_FV_GRANTED_IN_YEAR] = {.source = PC_CAP_FROM_FAIR_VALUES, .sign = 1},
    [PC_CAP_CHANGE_FV_PRIOR_UNVESTED] = {.source = PC_CAP_FROM_FAIR_VALUES, .sign = 1},
    [PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR] = {.source = PC_CAP_FROM_FAIR_VALUES, .sign = 1},
    [PC_CAP_CHANGE_FV_PRIOR_VESTED] = {.source = PC_CAP_FROM_FAIR_VALUES, .sign = 1},
    [PC_CAP_LESS_FV_FORFEITED] = {.source = PC_CAP_FROM_FAIR_VALUES, .sign = -1},
    /* (C)(1)(vi): dividends on unvested awards not otherwise reflected. */
    [PC_CAP_DIVIDENDS] = {.source = PC_CAP_FROM_COMPONENT,
                          .sign = 1,
                          .component = PC_COMP_UNVESTED_DIVIDENDS},
    [PC_CAP_CAP] = {.source = PC_CAP_FROM_LINES, .sign = 1},
};

const pc_cap_rule *pc_cap_rule_of(pc_cap_line line)
{
    assert(line >= 0 && line < PC_CAP_NLINES);
    return &cap_rules[line];
}

int64_t pc_sct_component(const pc_sct_row *row, pc_component component)
{
    switch (component) {
    case PC_COMP_CHANGE_IN_PENSION_VALUE:
        return row->pension_change;
    case PC_COMP_PENSION_SERVICE_COST:
        return row->pension_service_cost;
    case PC_COMP_PENSION_PRIOR_SERVICE_COST:
        return row->pension_prior_service_cost;
    case PC_COMP_UNVESTED_DIVIDENDS:
        return row->unvested_dividends;
    case PC_COMP_SALARY:
    case PC_COMP_BONUS:
    case PC_COMP_NON_EQUITY_INCENTIVE:
    case PC_COMP_NQDC_EARNINGS:
    case PC_COMP_ALL_OTHER:
    case PC_COMP_FEES:
    case PC_COMP_COUNT:
        break;
    }
    assert(!"a component that is no reconciliation line");
    return 0;
}

const char *pc_purpose_name(pc_purpose purpose)
{
    switch (purpose) {
    case PC_PURPOSE_GRANT:
        return "grant";
    case PC_PURPOSE_PRIOR_FYE:
        return "prior_fye";
    case PC_PURPOSE_FYE:
        return "fye";
    case PC_PURPOSE_VEST:
        return "vest";
    case PC_PURPOSE_BEFORE_MODIFICATION:
        return "before_modification";
    case PC_PURPOSE_MODIFIED:
        return "modified";
    }
    return "?";
}

const char *pc_method_name(pc_method method)
{
    switch (method) {
    case PC_METHOD_SUPPLIED:
        return "supplied";
    case PC_METHOD_STOCK_PRICE:
        return "stock_price";
    case PC_METHOD_BLACK_SCHOLES:
        return "black_scholes";
    case PC_METHOD_MONTE_CARLO:
        return "monte_carlo";
    case PC_METHOD_MARKET_OUTCOME:
        return "market_outcome";
    }
    return "?";
}

void pc_report_init(pc_report *report)
{
    memset(report, 0, sizeof *report);
}

/* Appends `at` to `index` when `member`; false when out of memory. */
static bool index_add(size_t **items, size_t *count, size_t *capacity, bool member, size_t at)
{
    return !member || pc_array_append((void **)items, count, capacity, sizeof at, &at);
}

pc_status pc_report_add_valuation(pc_report *report, const pc_valuation *v)
{
    size_t at = report->valuations.count, ngrant = report->grant_valuations.count,
           noutcome = report->outcome_valuations.count;
    if (!PC_ARRAY_APPEND(&report->valuations, v))
        return PC_ERR_NOMEM;
    if (index_add(&report->grant_valuations.items, &report->grant_valuations.count,
                  &report->grant_valuations.capacity, v->purpose == PC_PURPOSE_GRANT, at) &&
        index_add(&report->outcome_valuations.items, &report->outcome_valuations.count,
                  &report->outcome_valuations.capacity, v->method == PC_METHOD_MARKET_OUTCOME,
                  at) &&
        (v->inputs.supplied_line <= 0 ||
         PC_ARRAY_APPEND(&report->supplied_lines, &v->inputs.supplied_line)))
        return PC_OK;
    /* All or nothing: the valuation and its places in the index go. */
    report->valuations.count = at;
    report->grant_valuations.count = ngrant;
    report->outcome_valuations.count = noutcome;
    return PC_ERR_NOMEM;
}

void pc_checks_init(pc_checks *checks)
{
    memset(checks, 0, sizeof *checks);
}

void pc_finding_fini(pc_finding *f)
{
    free(f->check);
    free(f->subject);
    free(f->item);
    free(f->other_subject);
    free(f->other_item);
    for (size_t k = 0; k < f->related.count; k++)
        free(f->related.items[k]);
    free(f->related.items);
    free(f->concept);
    free(f->context);
    free(f->displayed);
    free(f->note);
}

void pc_checks_fini(pc_checks *checks)
{
    if (!checks)
        return;
    for (size_t i = 0; i < checks->findings.count; i++)
        pc_finding_fini(&checks->findings.items[i]);
    free(checks->findings.items);
    for (size_t i = 0; i < checks->skipped.count; i++) {
        free(checks->skipped.items[i].check);
        free(checks->skipped.items[i].subject);
        free(checks->skipped.items[i].reason);
    }
    free(checks->skipped.items);
    memset(checks, 0, sizeof *checks);
}

void pc_report_fini(pc_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->rates.count; i++)
        free(report->rates.items[i].source);
    free(report->rates.items);
    free(report->sct.items);
    for (size_t i = 0; i < report->pvp.count; i++)
        free(report->pvp.items[i].avg_people);
    free(report->pvp.items);
    free(report->cap.items);
    free(report->valuations.items);
    free(report->grant_valuations.items);
    free(report->outcome_valuations.items);
    free(report->supplied_lines.items);
    free(report->retirement.items);
    free(report->modifications.items);
    free(report->maximum_values.items);
    for (size_t i = 0; i < report->market_details.count; i++) {
        pc_market_detail *d = &report->market_details.items[i];
        free(d->tickers);
        free(d->volatilities);
        free(d->yields);
        free(d->correlations);
        free(d->tsr_to_date);
        free(d->tsr);
    }
    free(report->market_details.items);
    for (size_t i = 0; i < report->warnings.count; i++) {
        free(report->warnings.items[i].code);
        free(report->warnings.items[i].message);
        free(report->warnings.items[i].source);
    }
    free(report->warnings.items);
    pc_equity_tables_fini(&report->equity);
    free(report->term_notes.items);
    free(report->repair_notes.items);
    free(report->directors.items);
    free(report->director_grants.items);
    pc_checks_fini(&report->checks);
    memset(report, 0, sizeof *report);
}

pc_status pc_report_warn(pc_report *report, const char *code, const char *source, const char *fmt,
                         ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!text)
        return PC_ERR_NOMEM;
    pc_warning_entry *w = PC_ARRAY_PUSH(&report->warnings);
    if (!w) {
        free(text);
        return PC_ERR_NOMEM;
    }
    w->code = pc_strdup(code);
    w->message = text;
    w->source = pc_strdup(source);
    if (!w->code || (source && !w->source))
        return PC_ERR_NOMEM;
    return PC_OK;
}

const pc_sct_row *pc_report_sct(const pc_report *report, size_t person, int year)
{
    for (size_t i = 0; i < report->sct.count; i++)
        if (report->sct.items[i].person == person && report->sct.items[i].year == year)
            return &report->sct.items[i];
    return NULL;
}

pc_status pc_sct_index_build(pc_sct_index *index, const pc_dataset *ds, const pc_report *report)
{
    index->npeople = ds->people.count;
    index->nyears = (size_t)(ds->config.nyears > 0 ? ds->config.nyears : 1);
    size_t cells = index->npeople * index->nyears;
    index->rows = malloc((cells ? cells : 1) * sizeof *index->rows);
    if (!index->rows)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < cells; i++)
        index->rows[i] = -1;
    /* Backwards, so that the first row of a person and year wins. */
    for (size_t i = report->sct.count; i-- > 0;) {
        const pc_sct_row *row = &report->sct.items[i];
        int y = pc_config_year_index(&ds->config, row->year);
        /* The SCT step makes rows only for covered years and people the
         * reader resolved (calc/engine/sct.c). */
        assert(y >= 0 && row->person < index->npeople);
        index->rows[row->person * index->nyears + (size_t)y] = (long)i;
    }
    return PC_OK;
}

const pc_sct_row *pc_sct_index_find(const pc_sct_index *index, const pc_dataset *ds,
                                    const pc_report *report, size_t person, int year)
{
    int y = pc_config_year_index(&ds->config, year);
    if (y < 0 || person >= index->npeople)
        return NULL;
    long row = index->rows[person * index->nyears + (size_t)y];
    return row < 0 ? NULL : &report->sct.items[row];
}

void pc_sct_index_fini(pc_sct_index *index)
{
    free(index->rows);
    index->rows = NULL;
}

pc_status pc_report_warn_at(pc_report *report, pc_diags *diags, const pc_dataset *ds, pc_file file,
                            int line, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    char *source =
        file < PC_FILE_COUNT && line > 0 ? pc_text_format("%s:%d", pc_file_name(file), line) : NULL;
    pc_status st = PC_ERR_NOMEM;
    if (text && (source || !(file < PC_FILE_COUNT && line > 0))) {
        st = pc_report_warn(report, code, source, "%s", text);
        if (!st)
            st = pc_warning(diags, file < PC_FILE_COUNT ? pc_dataset_path(ds, file) : NULL, line, 0,
                            code, "%s", text);
    }
    free(text);
    free(source);
    return st;
}

typedef struct warning_ref {
    const pc_warning_entry *w;
    size_t index;
} warning_ref;

static int compare_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int compare_warning(const void *pa, const void *pb)
{
    const warning_ref *a = pa, *b = pb;
    int c = compare_text(a->w->code, b->w->code);
    if (!c)
        c = compare_text(a->w->message, b->w->message);
    if (!c)
        c = compare_text(a->w->source, b->w->source);
    if (!c)
        c = (a->index > b->index) - (a->index < b->index);
    return c;
}

void pc_report_dedupe_warnings(pc_report *report)
{
    size_t n = report->warnings.count;
    if (n < 2)
        return;
    warning_ref *refs = malloc(n * sizeof *refs);
    bool *drop = calloc(n, sizeof *drop);
    if (!refs || !drop) {
        free(refs);
        free(drop);
        return; /* repeated warnings are harmless */
    }
    for (size_t i = 0; i < n; i++)
        refs[i] = (warning_ref){&report->warnings.items[i], i};
    qsort(refs, n, sizeof *refs, compare_warning);
    for (size_t i = 1; i < n; i++) {
        const pc_warning_entry *a = refs[i - 1].w, *b = refs[i].w;
        if (!compare_text(a->code, b->code) && !compare_text(a->message, b->message) &&
            !compare_text(a->source, b->source))
            drop[refs[i].index] = true;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        pc_warning_entry *w = &report->warnings.items[i];
        if (drop[i]) {
            free(w->code);
            free(w->message);
            free(w->source);
        } else {
            report->warnings.items[k++] = *w;
        }
    }
    report->warnings.count = k;
    free(refs);
    free(drop);
}

bool pc_valuation_deducted(const pc_valuation *v)
{
    /* SPEC section 7: a line adds the value at E or at vesting less the
     * value at P; the value at P of a forfeited tranche is deducted. An
     * incremental fair value is the modified award's value less the
     * original's just before (ASC 718-20-35-3). */
    return v->purpose == PC_PURPOSE_PRIOR_FYE || v->purpose == PC_PURPOSE_BEFORE_MODIFICATION;
}

int64_t pc_valuation_contribution(const pc_valuation *v)
{
    return pc_valuation_deducted(v) ? -v->value : v->value;
}
