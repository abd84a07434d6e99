/*
 * Verify against the computation (SPEC section 8): each published figure
 * against the figure paycalc computed for the same table, year, subject and
 * item (`mismatch`), and pc_verify_all, which runs the internal checks too.
 */
#include "paycalc/verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/equity.h"
#include "paycalc/market.h"
#include "verify_set.h"

/* ------------------------------------------------ against the computed */

int pc_verify_compare_person_ref(const void *a, const void *b)
{
    const person_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int compare_row_key(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->subject != y->subject)
        return x->subject < y->subject ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static void computed_index_fini(computed_index *ix)
{
    free(ix->people);
    free(ix->sct);
    free(ix->cap);
    free(ix->dct);
    pc_equity_totals_fini(&ix->equity);
}

static pc_status computed_index_build(const pc_dataset *ds, const pc_report *report,
                                      computed_index *ix)
{
    memset(ix, 0, sizeof *ix);
    ix->people = malloc((ds->people.count ? ds->people.count : 1) * sizeof *ix->people);
    ix->sct = malloc((report->sct.count ? report->sct.count : 1) * sizeof *ix->sct);
    ix->cap = malloc((report->cap.count ? report->cap.count : 1) * sizeof *ix->cap);
    ix->dct = malloc((report->directors.count ? report->directors.count : 1) * sizeof *ix->dct);
    if (!ix->people || !ix->sct || !ix->cap || !ix->dct ||
        pc_equity_totals_build(&report->equity, &ix->equity) != PC_OK) {
        computed_index_fini(ix);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < ds->people.count; i++)
        if (ds->people.items[i].id)
            ix->people[ix->npeople++] = (person_ref){ds->people.items[i].id, i};
    for (size_t i = 0; i < report->sct.count; i++)
        ix->sct[ix->nsct++] = (row_key){report->sct.items[i].person, report->sct.items[i].year, i};
    for (size_t i = 0; i < report->cap.count; i++)
        ix->cap[ix->ncap++] = (row_key){report->cap.items[i].subject, report->cap.items[i].year, i};
    qsort(ix->people, ix->npeople, sizeof *ix->people, pc_verify_compare_person_ref);
    qsort(ix->sct, ix->nsct, sizeof *ix->sct, compare_row_key);
    for (size_t i = 0; i < report->directors.count; i++)
        ix->dct[ix->ndct++] =
            (row_key){report->directors.items[i].person, report->directors.items[i].year, i};
    qsort(ix->cap, ix->ncap, sizeof *ix->cap, compare_row_key);
    qsort(ix->dct, ix->ndct, sizeof *ix->dct, compare_row_key);
    return PC_OK;
}

bool pc_verify_find_person(const computed_index *ix, const char *id, size_t *index)
{
    size_t lo = 0, hi = ix->npeople;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ix->people[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->npeople && strcmp(ix->people[lo].id, id) == 0) {
        *index = ix->people[lo].index;
        return true;
    }
    return false;
}

static bool find_row(const row_key *keys, size_t n, size_t subject, int year, size_t *index)
{
    row_key key = {subject, year, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_row_key(&keys[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && keys[lo].subject == subject && keys[lo].year == year) {
        *index = keys[lo].index;
        return true;
    }
    return false;
}

/* The computed counterpart of a published figure, in micros, with the
 * decimals the rules give it (R3: SCT whole dollars; R4/R5: cap_decimals;
 * R6: TSR cents); or why there is none. */
typedef struct counterpart {
    bool found;
    i128 micro;
    int decimals;
    char *why; /* malloc'ed; NULL when found, or out of memory */
    /* equity_award_adjustments: the computed dividends line, which the
     * reading of the subtotal adds or leaves out (cents). */
    int64_t dividends_cents;
} counterpart;

#define CENTS_TO_MICRO(c) ((i128)(c) * (PC_MICRO / PC_CENTS))

static void none(counterpart *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void none(counterpart *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(c->why);
    c->why = pc_text_vformat(fmt, ap);
    va_end(ap);
    c->found = false;
}

static void found(counterpart *c, i128 micro, int decimals)
{
    c->found = true;
    c->micro = micro;
    c->decimals = decimals;
}

static const pc_pvp_row *pvp_row(const pc_report *report, int year)
{
    /* One row per covered year: at most PC_MAX_YEARS, a scan is enough. */
    for (size_t i = 0; i < report->pvp.count; i++)
        if (report->pvp.items[i].year == year)
            return &report->pvp.items[i];
    return NULL;
}

/* A company figure of the PvP: TSR, peer TSR, net income, the measure. */
static void company_counterpart(const pc_report *report, const pc_pvp_row *pvp,
                                const pc_reported *row, int item, counterpart *c)
{
    switch (item) {
    case PVP_TSR:
        if (!report->tsr.computed)
            none(c, "no computed figure: TSR was not computed");
        else
            found(c, CENTS_TO_MICRO(pvp->tsr), 2);
        return;
    case PVP_PEER_TSR:
        if (!pvp->has_peer_tsr)
            none(c, "no computed figure: performance.csv gives no peer group TSR for %d",
                 row->year);
        else
            found(c, CENTS_TO_MICRO(pvp->peer_tsr), 2);
        return;
    case PVP_NET_INCOME:
        if (!pvp->has_net_income)
            none(c, "no computed figure: performance.csv gives no net income for %d", row->year);
        else
            found(c, CENTS_TO_MICRO(pvp->net_income), 2);
        return;
    case PVP_CSM:
        if (!pvp->has_csm)
            none(c,
                 "no computed figure: performance.csv gives no company-selected measure "
                 "for %d",
                 row->year);
        else
            /* As precise as performance.csv gives it. */
            found(c, pvp->csm_micro, pc_verify_decimals_needed(pvp->csm_micro));
        return;
    default:
        none(c, "no computed figure: '%s' is not a company figure of the PvP table", row->item);
        return;
    }
}

/* A figure of the non-PEO NEO average. */
static void average_counterpart(const pc_pvp_row *pvp, int cap_decimals, const pc_reported *row,
                                int item, counterpart *c)
{
    if (!pvp->has_average) {
        none(c,
             "no computed figure: the computed PvP table has no non-PEO NEO average for "
             "%d (no NEO that year)",
             row->year);
        return;
    }
    switch (item) {
    case PVP_SCT_TOTAL:
        found(c, CENTS_TO_MICRO(pvp->avg_sct_total), cap_decimals);
        return;
    case PVP_CAP:
        found(c, CENTS_TO_MICRO(pvp->avg_cap), cap_decimals);
        return;
    case PVP_COUNT:
        found(c, (i128)pvp->avg_count * PC_MICRO, 0);
        return;
    default:
        none(c, "no computed figure: '%s' is not a figure of the PvP average", row->item);
        return;
    }
}

/* A PEO's SCT total or CAP. */
static void peo_counterpart(const computed_index *ix, const pc_pvp_row *pvp, int cap_decimals,
                            const pc_reported *row, int item, counterpart *c)
{
    size_t person;
    if (!pc_verify_find_person(ix, row->subject, &person)) {
        none(c, "no computed figure: '%s' is not in people.csv", row->subject);
        return;
    }
    for (size_t k = 0; k < pvp->npeo && k < PC_MAX_PEOS; k++) {
        if (pvp->peo[k].person != person)
            continue;
        if (item == PVP_SCT_TOTAL)
            found(c, CENTS_TO_MICRO(pvp->peo[k].sct_total), 0);
        else if (item == PVP_CAP)
            found(c, CENTS_TO_MICRO(pvp->peo[k].cap), cap_decimals);
        else
            none(c, "no computed figure: '%s' is not a figure of a PEO in the PvP table",
                 row->item);
        return;
    }
    none(c, "no computed figure: %s is not a PEO in %d in the computed PvP table", row->subject,
         row->year);
}

static void pvp_counterpart(const pc_dataset *ds, const pc_report *report, const computed_index *ix,
                            const pc_reported *row, int item, counterpart *c)
{
    const pc_pvp_row *pvp = pvp_row(report, row->year);
    if (!pvp)
        none(c, "no computed figure: %d is not a covered year", row->year);
    else if (!strcmp(row->subject, COMPANY_SUBJECT))
        company_counterpart(report, pvp, row, item, c);
    else if (!strcmp(row->subject, AVERAGE_SUBJECT))
        average_counterpart(pvp, ds->config.cap_decimals, row, item, c);
    else
        peo_counterpart(ix, pvp, ds->config.cap_decimals, row, item, c);
}

static bool is_equity_table(pc_reported_table table)
{
    return table == PC_REPORTED_OEA || table == PC_REPORTED_OESV || table == PC_REPORTED_GPBA;
}

/* A person's total of an equity table item for the year (SPEC section 12):
 * 0 when the person is in the year's SCT but holds nothing the table shows. */
static void equity_counterpart(const pc_report *report, const computed_index *ix,
                               const pc_reported *row, size_t person, int item, counterpart *c)
{
    size_t index;
    if (!find_row(ix->sct, ix->nsct, person, row->year, &index) ||
        !report->sct.items[index].in_table) {
        none(c,
             "no computed figure: the equity award tables cover the people of the SCT, and %s "
             "is not in it for %d",
             row->subject, row->year);
        return;
    }
    bool any = false, overflow = false;
    int64_t total = pc_equity_person_total(&ix->equity, row->year, person, (pc_equity_item)item,
                                           &any, &overflow);
    if (overflow) {
        none(c, "no computed figure: %s's total for %d passes the largest exact amount",
             row->subject, row->year);
        return;
    }
    bool money = pc_equity_item_is_money((pc_equity_item)item);
    found(c, money ? CENTS_TO_MICRO(total) : (i128)total * PC_MICRO, money ? 2 : 0);
}

/* A director's figure of the Director Compensation table (Item 402(k)): the
 * table covers the last covered fiscal year. */
static void director_counterpart(const pc_report *report, const computed_index *ix,
                                 const pc_reported *row, size_t person, int item, counterpart *c)
{
    size_t index;
    if (find_row(ix->dct, ix->ndct, person, row->year, &index)) {
        found(c, CENTS_TO_MICRO(report->directors.items[index].column[item]), 0);
        return;
    }
    none(c,
         "no computed figure: the Director Compensation table covers the directors of roles.csv "
         "in the last covered year, and %s is not one of them in %d",
         row->subject, row->year);
}

/* `dividends_outside`: the reading of the group's equity_award_adjustments
 * (pc_verify_dividends_outside). */
static void counterpart_of(const pc_dataset *ds, const pc_report *report, const computed_index *ix,
                           const ref *r, bool dividends_outside, counterpart *c)
{
    const pc_reported *row = r->row;
    if (r->item == UNKNOWN_RANK) {
        none(c, "no computed figure: '%s' is not an item of the %s table", row->item,
             pc_reported_table_name(row->table));
        return;
    }
    if (row->table == PC_REPORTED_PVP) {
        pvp_counterpart(ds, report, ix, row, r->item, c);
        return;
    }
    size_t subject = PC_SUBJECT_AVERAGE, index;
    bool average = !strcmp(row->subject, AVERAGE_SUBJECT);
    if (!pc_verify_is_person(row->subject) && !(average && row->table == PC_REPORTED_CAP)) {
        none(c, "no computed figure: the %s table has no row for '%s'",
             pc_reported_table_name(row->table), row->subject);
        return;
    }
    if (!average && !pc_verify_find_person(ix, row->subject, &subject)) {
        none(c, "no computed figure: '%s' is not in people.csv", row->subject);
        return;
    }
    if (is_equity_table(row->table)) {
        equity_counterpart(report, ix, row, subject, r->item, c);
        return;
    }
    if (row->table == PC_REPORTED_DCT) {
        director_counterpart(report, ix, row, subject, r->item, c);
        return;
    }
    if (row->table == PC_REPORTED_SCT) {
        if (!find_row(ix->sct, ix->nsct, subject, row->year, &index)) {
            none(c, "no computed figure: the computed SCT has no row for %s in %d", row->subject,
                 row->year);
            return;
        }
        found(c, CENTS_TO_MICRO(report->sct.items[index].column[r->item]), 0);
        return;
    }
    if (!find_row(ix->cap, ix->ncap, subject, row->year, &index)) {
        none(c, "no computed figure: the computed reconciliation has no row for %s in %d",
             row->subject, row->year);
        return;
    }
    const pc_cap_row *cap = &report->cap.items[index];
    i128 cents = 0;
    if (r->item == CAP_EQUITY_ADJUSTMENTS_RANK) {
        /* SPEC section 8: the same reading as the internal checks. */
        for (int l = FIRST_EQUITY_LINE; l <= LAST_EQUITY_LINE; l++)
            cents += cap->line[l];
        if (!dividends_outside)
            cents += cap->line[PC_CAP_DIVIDENDS];
        c->dividends_cents = cap->line[PC_CAP_DIVIDENDS];
    } else
        cents = cap->line[r->item / 2];
    found(c, CENTS_TO_MICRO(cents), ds->config.cap_decimals);
}

/* SPEC section 12: a published market value of stock in the Outstanding
 * Equity Awards table is the published number of shares times the closing
 * price at the fiscal year end (Instruction 3 to Item 402(f)(2)), checked
 * for each person and year that publishes both figures. */
static pc_status check_market_values(const pc_dataset *ds, const published *pub, pc_checks *checks)
{
    static const pc_equity_item pairs[][2] = {{PC_EQ_STOCK_UNVESTED, PC_EQ_STOCK_UNVESTED_VALUE},
                                              {PC_EQ_STOCK_UNEARNED, PC_EQ_STOCK_UNEARNED_VALUE}};
    pc_status st = PC_OK;
    for (size_t i = 0, end; i < pub->count && st == PC_OK; i = end) {
        end = pc_verify_group_end(pub, i);
        const pc_reported *head = pub->refs[i].row;
        if (head->table != PC_REPORTED_OEA)
            continue;
        for (size_t k = 0; k < 2 && st == PC_OK; k++) {
            const pc_reported *shares = NULL, *value = NULL;
            for (size_t j = i; j < end; j++) {
                if (pub->refs[j].item == (int)pairs[k][0])
                    shares = pub->refs[j].row;
                if (pub->refs[j].item == (int)pairs[k][1])
                    value = pub->refs[j].row;
            }
            if (!shares || !value)
                continue;
            pc_date fye = pc_fiscal_year_end(ds->config.fiscal_year_end, head->year);
            const pc_price *close = pc_market_price_at(ds, fye);
            if (!close) {
                st = pc_verify_add_skipped(checks, "oea_market_value_differs", head->year,
                                           head->subject,
                                           "no closing price at the fiscal year end in prices.csv");
                continue;
            }
            /* shares (micros of a share) x close (micros of a dollar). */
            i128 micro = (i128)shares->value_micro * close->close_micro / PC_MICRO;
            st = pc_verify_compare(checks, "oea_market_value_differs", value,
                                   pc_verify_exact(micro, 2, false));
        }
    }
    return st;
}

/* A net income published in thousands or millions of dollars without the
 * unit ("61,559" for 61,559,144), or given so in performance.csv: the
 * published figure is the computed one divided (or multiplied) by 1,000 or
 * 1,000,000, to the digits it shows. The finding says which it seems to be,
 * so the reader fixes the unit rather than hunting for a difference. */
static pc_status note_scale(pc_checks *checks, size_t before, const pc_reported *row,
                            i128 computed_micro)
{
    static const struct {
        int64_t factor;
        const char *words, *unit;
    } scales[] = {{1000, "thousands", "K"}, {1000000, "millions", "M"}};
    if (row->value_micro == 0 || computed_micro == 0 || row->percent)
        return PC_OK;
    i128 unit = 1; /* one unit of the published figure's last shown digit, in micros */
    for (int d = pc_verify_clamp_decimals(row->decimals); d < MAX_DECIMALS; d++)
        unit *= 10;
    for (int d = row->decimals; d < 0; d++)
        unit *= 10;
    for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
        i128 f = scales[k].factor;
        if (pc_round_div_i128(computed_micro, f * unit) * unit == row->value_micro)
            return pc_verify_note(checks, before,
                                  "published in %s? the computed figure in %s is the published "
                                  "one: write it with its unit (%s)",
                                  scales[k].words, scales[k].words, scales[k].unit);
        if (pc_round_div_i128(computed_micro * f, unit) * unit == row->value_micro)
            return pc_verify_note(checks, before,
                                  "net_income in performance.csv given in %s? the published "
                                  "figure is the computed one times %s",
                                  scales[k].words, k == 0 ? "1,000" : "1,000,000");
    }
    return PC_OK;
}

/* The published figures of one group (pub.refs[first .. end)) against their
 * computed counterparts; one skipped entry per reason and group, since an
 * unknown person would otherwise repeat the same reason for every column
 * (a group has at most one entry per item of its table). */
static pc_status verify_group(const pc_dataset *ds, const pc_report *report,
                              const computed_index *ix, const published *pub, size_t first,
                              size_t end, pc_checks *checks)
{
    pc_status st = PC_OK;
    char *reasons[16];
    size_t nreasons = 0;
    bool outside = pub->refs[first].row->table == PC_REPORTED_CAP &&
                   pc_verify_dividends_outside(pub, first, end);
    for (size_t j = first; j < end && st == PC_OK; j++) {
        const ref *r = &pub->refs[j];
        counterpart c = {0};
        counterpart_of(ds, report, ix, r, outside, &c);
        if (c.found) {
            expected exp = pc_verify_exact(c.micro, c.decimals, true);
            exp.whole_count = r->row->table == PC_REPORTED_PVP && r->item == PVP_COUNT;
            size_t count = checks->findings.count;
            st = pc_verify_compare(checks, "mismatch", r->row, exp);
            if (st == PC_OK && r->row->table == PC_REPORTED_PVP && r->item == PVP_NET_INCOME)
                st = note_scale(checks, count, r->row, c.micro);
            if (st == PC_OK && c.dividends_cents != 0)
                st = pc_verify_note(checks, count,
                                    "dividends read as %s equity_award_adjustments: compared "
                                    "with the five computed fair-value lines%s",
                                    outside ? "outside" : "inside",
                                    outside ? "" : " plus computed dividends");
            free(c.why);
            continue;
        }
        if (!c.why) {
            st = PC_ERR_NOMEM;
            break;
        }
        bool seen = false;
        for (size_t k = 0; k < nreasons && !seen; k++)
            seen = strcmp(reasons[k], c.why) == 0;
        if (!seen)
            st = pc_verify_add_skipped(checks, "mismatch", r->row->year, r->row->subject, "%s",
                                       c.why);
        if (!seen && nreasons < sizeof reasons / sizeof reasons[0])
            reasons[nreasons++] = c.why;
        else
            free(c.why);
    }
    for (size_t k = 0; k < nreasons; k++)
        free(reasons[k]);
    return st;
}

pc_status pc_verify_against(const pc_dataset *ds, const pc_report *report, pc_checks *checks)
{
    if (!ds || !report || !checks)
        return PC_ERR_USAGE;
    published pub;
    computed_index ix;
    pc_status st = pc_verify_published_build(ds, &pub);
    if (st)
        return st;
    st = computed_index_build(ds, report, &ix);
    if (st) {
        pc_verify_published_fini(&pub);
        return st;
    }
    for (size_t i = 0, end; i < pub.count && st == PC_OK; i = end) {
        end = pc_verify_group_end(&pub, i);
        st = verify_group(ds, report, &ix, &pub, i, end, checks);
    }
    if (st == PC_OK)
        st = check_market_values(ds, &pub, checks);
    computed_index_fini(&ix);
    pc_verify_published_fini(&pub);
    return st;
}

pc_status pc_verify_all(const pc_dataset *ds, const pc_report *report, pc_checks *checks)
{
    pc_status st = pc_verify_internal(ds, checks);
    if (st)
        return st;
    st = pc_verify_against(ds, report, checks);
    if (st)
        return st;
    /* One published cell, one finding; the counts come from the findings
     * themselves, so the summary holds even when `checks` arrived with
     * findings added by hand. */
    return pc_verify_relate(checks);
}

bool pc_verify_failed(const pc_checks *checks, bool strict)
{
    if (!checks)
        return false;
    for (size_t i = 0; i < checks->findings.count; i++)
        if (strict || checks->findings.items[i].severity == PC_CHECK_ERROR)
            return true;
    return false;
}
