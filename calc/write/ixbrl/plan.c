/*
 * The names the tagged section's files share (calc/write/ixbrl/ixbrl.h):
 * file stem, company prefix and namespace, the members of people and of
 * reconciliation lines, and the build of all five files.
 */
#include "ixbrl.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Section 7's lines in order, with the ECD 2024/2025 standard member each
 * one names (SPEC section 15) and the company member ECD 2023 needs. The
 * labels use the words a reader maps lines by ("deduct", "grant date",
 * "year end", "vesting date", "forfeited", "dividends", "pension"). */
const ix_line pc_ix_lines[IX_NLINES] = {
    {PC_CAP_LESS_EQUITY_AWARDS, "EqtyAwrdsInSummryCompstnTblForAplblYrMember",
     "GrantDateValueOfEquityAwardsDeductedMember",
     "Deduct: grant date fair value of equity awards reported in the Summary Compensation Table"},
    {PC_CAP_LESS_PENSION, "AggtChngPnsnValInSummryCompstnTblForAplblYrMember",
     "ChangeInPensionValueDeductedMember",
     "Deduct: change in pension value reported in the Summary Compensation Table"},
    {PC_CAP_PLUS_PENSION_SERVICE, "PnsnAdjsSvcCstMember", "PensionServiceCostMember",
     "Add: pension service cost for the year"},
    {PC_CAP_PLUS_PENSION_PRIOR_SERVICE, "PnsnAdjsPrrSvcCstMember", "PensionPriorServiceCostMember",
     "Add: pension prior service cost for the year"},
    {PC_CAP_FYE_FV_GRANTED_IN_YEAR, "YrEndFrValOfEqtyAwrdsGrntdInCvrdYrOutsdngAndUnvstdMember",
     "YearEndFairValueOfAwardsGrantedInYearMember",
     "Add: year end fair value of equity awards granted in the year and unvested at year end"},
    {PC_CAP_CHANGE_FV_PRIOR_UNVESTED, "ChngInFrValOfOutsdngAndUnvstdEqtyAwrdsGrntdInPrrYrsMember",
     "ChangeInFairValueOfPriorYearAwardsOutstandingMember",
     "Add: change in fair value of prior-year awards outstanding and unvested at year end"},
    {PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR, "VstngDtFrValOfEqtyAwrdsGrntdAndVstdInCvrdYrMember",
     "VestingDateFairValueOfAwardsGrantedAndVestedInYearMember",
     "Add: vesting date fair value of equity awards granted and vested in the year"},
    {PC_CAP_CHANGE_FV_PRIOR_VESTED, "ChngInFrValAsOfVstngDtOfPrrYrEqtyAwrdsVstdInCvrdYrMember",
     "ChangeInFairValueOfPriorYearAwardsVestedMember",
     "Add: change in fair value to the vesting date of prior-year awards vested in the year"},
    {PC_CAP_LESS_FV_FORFEITED,
     "FrValAsOfPrrYrEndOfEqtyAwrdsGrntdInPrrYrsFldVstngCondsDrngCvrdYrMember",
     "PriorYearEndFairValueOfAwardsForfeitedMember",
     "Deduct: prior year end fair value of prior-year awards forfeited in the year"},
    {PC_CAP_DIVIDENDS, "DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember",
     "DividendsOnUnvestedAwardsMember",
     "Add: dividends or other earnings paid on unvested equity awards in the year"},
};

bool pc_ix_line_shown(const ix_plan *plan, pc_cap_line line)
{
    bool pension = line == PC_CAP_LESS_PENSION || line == PC_CAP_PLUS_PENSION_SERVICE ||
                   line == PC_CAP_PLUS_PENSION_PRIOR_SERVICE;
    return !(pension && plan->src);
}

void pc_ix_put_line_member(const ix_plan *plan, pc_buf *b, const ix_line *line)
{
    if (plan->ecd_year >= 2024)
        pc_buf_printf(b, "ecd:%s", line->standard);
    else
        pc_buf_printf(b, "%s:%s", plan->prefix, line->company);
}

void pc_ix_put_escaped(pc_buf *b, const char *text)
{
    const char *run = text;
    for (const char *p = text; *p; p++) {
        const char *with = *p == '&'   ? "&amp;"
                           : *p == '<' ? "&lt;"
                           : *p == '>' ? "&gt;"
                           : *p == '"' ? "&quot;"
                                       : NULL;
        if (!with)
            continue;
        pc_buf_append(b, run, (size_t)(p - run));
        pc_buf_puts(b, with);
        run = p + 1;
    }
    pc_buf_puts(b, run);
}

const char *pc_ix_dtr_types(int ecd_year)
{
    return ecd_year >= 2024 ? "2024-01-31" : "2022-03-31";
}

/* The ticker as filers write it in file names and as the prefix of their
 * extension: lower case letters and digits only ("BRK.B" is "brkb"), a
 * letter first; "company" when nothing is left. */
static char *ticker_stem(const char *ticker)
{
    pc_buf b;
    pc_buf_init(&b);
    for (const char *p = ticker ? ticker : ""; *p; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (b.len == 0 && c >= '0' && c <= '9')
                pc_buf_puts(&b, "c");
            pc_buf_append(&b, &c, 1);
        }
    }
    if (b.len == 0)
        pc_buf_puts(&b, "company");
    return pc_buf_take(&b);
}

/* A person's IndividualAxis member: the person_id's letters and digits in
 * CamelCase ("wu_di" is WuDiMember), a number added when two ids give the
 * same name. */
static char *person_member(const char *id, char **taken, size_t ntaken)
{
    pc_buf b;
    pc_buf_init(&b);
    bool up = true;
    for (const char *p = id; *p; p++) {
        char c = *p;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            up = true;
            continue;
        }
        if (b.len == 0 && c >= '0' && c <= '9')
            pc_buf_puts(&b, "Person");
        if (up && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        up = false;
        pc_buf_append(&b, &c, 1);
    }
    if (b.len == 0)
        pc_buf_puts(&b, "Person");
    size_t base = b.len;
    for (unsigned n = 2;; n++) {
        pc_buf_puts(&b, "Member");
        bool clash = false;
        for (size_t i = 0; i < ntaken && !clash && !b.failed; i++)
            clash = taken[i] && !strcmp(taken[i], pc_buf_text(&b));
        if (!clash || b.failed)
            break;
        b.len = base;
        pc_buf_printf(&b, "%u", n);
    }
    return pc_buf_take(&b);
}

pc_status pc_ix_plan_init(ix_plan *plan, const pc_dataset *ds, const pc_report *report)
{
    memset(plan, 0, sizeof *plan);
    plan->ds = ds;
    plan->report = report;
    plan->ecd_year = ds->config.ecd_year ? ds->config.ecd_year : PC_ECD_YEAR_DEFAULT;
    plan->src = ds->config.smaller_reporting_company;
    plan->last_year = ds->config.nyears ? ds->config.years[ds->config.nyears - 1] : 0;
    memcpy(plan->cik, ds->config.cik[0] ? ds->config.cik : "0000000000", 11);
    int y, m, d;
    pc_date_to_ymd(pc_fiscal_year_end(ds->config.fiscal_year_end, plan->last_year), &y, &m, &d);
    plan->prefix = ticker_stem(ds->config.ticker);
    plan->stem = plan->prefix ? pc_text_format("%s-%04d%02d%02d", plan->prefix, y, m, d) : NULL;
    plan->ns = plan->prefix
                   ? pc_text_format("http://www.%s.com/%04d%02d%02d", plan->prefix, y, m, d)
                   : NULL;
    size_t npeople = ds->people.count;
    plan->member = calloc(npeople ? npeople : 1, sizeof *plan->member);
    if (!plan->stem || !plan->ns || !plan->member)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < report->pvp.count; i++) {
        const pc_pvp_row *row = &report->pvp.items[i];
        for (size_t k = 0; row->npeo > 1 && k < row->npeo; k++) {
            size_t p = row->peo[k].person;
            assert(p < npeople); /* a PEO of roles.csv, which the reader resolved */
            if (plan->member[p])
                continue;
            plan->member[p] = person_member(ds->people.items[p].id, plan->member, npeople);
            if (!plan->member[p])
                return PC_ERR_NOMEM;
        }
    }
    return PC_OK;
}

void pc_ix_plan_fini(ix_plan *plan)
{
    if (plan->member)
        for (size_t i = 0; i < plan->ds->people.count; i++)
            free(plan->member[i]);
    free(plan->member);
    free(plan->stem);
    free(plan->prefix);
    free(plan->ns);
}

void pc_ixbrl_files_fini(pc_ixbrl_files *files)
{
    for (int i = 0; i < IX_NFILES; i++) {
        free(files->name[i]);
        pc_buf_fini(&files->text[i]);
    }
}
