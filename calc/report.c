/*
 * The computed results: lifetime, names of keys, warnings (report.h).
 */
#include "paycalc/report.h"

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
    }
    return "?";
}

void pc_report_init(pc_report *report)
{
    memset(report, 0, sizeof *report);
}

void pc_checks_init(pc_checks *checks)
{
    memset(checks, 0, sizeof *checks);
}

void pc_checks_fini(pc_checks *checks)
{
    if (!checks)
        return;
    for (size_t i = 0; i < checks->findings.count; i++) {
        free(checks->findings.items[i].check);
        free(checks->findings.items[i].subject);
        free(checks->findings.items[i].item);
    }
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
    for (size_t i = 0; i < report->warnings.count; i++) {
        free(report->warnings.items[i].code);
        free(report->warnings.items[i].message);
        free(report->warnings.items[i].source);
    }
    free(report->warnings.items);
    pc_checks_fini(&report->checks);
    memset(report, 0, sizeof *report);
}

pc_status pc_report_warn(pc_report *report, const char *code, const char *source, const char *fmt,
                         ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    pc_warning_entry *w = PC_ARRAY_PUSH(&report->warnings);
    if (!w)
        return PC_ERR_NOMEM;
    w->code = pc_strdup(code);
    w->message = pc_strdup(text);
    w->source = pc_strdup(source);
    if (!w->code || !w->message || (source && !w->source))
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
