/*
 * The internal checks of verify (SPEC section 8): the published tables
 * against each other, with no inputs needed (footing, the CAP deduction
 * against the SCT, the PvP against the SCT and the reconciliation, the
 * average, TSR as the value of $100).
 */
#include "paycalc/verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "verify_set.h"

/* ------------------------------------------------------ internal checks */

/* A sum of published figures, with the most decimals any of them shows. */
typedef struct partial_sum {
    i128 sum;
    int decimals;
    bool any;
} partial_sum;

static void add_figure(partial_sum *s, const pc_reported *row)
{
    s->sum += row->value_micro;
    if (row->decimals > s->decimals)
        s->decimals = row->decimals;
    s->any = true;
}

static void add_sum(partial_sum *s, const partial_sum *more)
{
    s->sum += more->sum;
    if (more->decimals > s->decimals)
        s->decimals = more->decimals;
    s->any = s->any || more->any;
}

/* sct_does_not_foot: the published total against the sum of the published
 * columns of the same person and year (R3 makes a computed SCT foot
 * exactly; a published one should too). Columns not published count as 0
 * (a proxy prints a dash). */
static pc_status check_sct_footing(const published *pub, pc_checks *checks)
{
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        if (pub->refs[i].row->table != PC_REPORTED_SCT)
            continue;
        const pc_reported *total = pc_verify_group_item(pub, i, end, PC_SCT_TOTAL);
        partial_sum columns = {0};
        for (int c = 0; c < PC_SCT_TOTAL; c++) {
            const pc_reported *row = pc_verify_group_item(pub, i, end, c);
            if (row)
                add_figure(&columns, row);
        }
        if (total && columns.any) {
            pc_status st = pc_verify_compare(checks, "sct_does_not_foot", total,
                                             pc_verify_exact(columns.sum, columns.decimals, false));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* dct_does_not_foot: a director's published total against the sum of the
 * published columns of the Director Compensation table (Item 402(k)(2)(viii)
 * is the sum of the columns; R3 makes the computed table foot). */
static pc_status check_dct_footing(const published *pub, pc_checks *checks)
{
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        if (pub->refs[i].row->table != PC_REPORTED_DCT)
            continue;
        const pc_reported *total = pc_verify_group_item(pub, i, end, PC_DCT_TOTAL);
        partial_sum columns = {0};
        for (int c = 0; c < PC_DCT_TOTAL; c++) {
            const pc_reported *row = pc_verify_group_item(pub, i, end, c);
            if (row)
                add_figure(&columns, row);
        }
        if (total && columns.any) {
            pc_status st = pc_verify_compare(checks, "dct_does_not_foot", total,
                                             pc_verify_exact(columns.sum, columns.decimals, false));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* The reading of a reconciliation's subtotal, as a finding says it. */
static const char *reading_words(bool outside)
{
    return outside ? "dividends read as outside equity_award_adjustments, a line beside it"
                   : "dividends read as inside equity_award_adjustments, the sixth adjustment "
                     "of Item 402(v)(2)(iii)(C)(1)";
}

/* cap_does_not_foot: CAP against the sum of the published reconciliation
 * lines (R4), with `equity_award_adjustments` standing for the equity
 * lines when the five fair-value lines are not published; when both are,
 * the subtotal is checked against them as well. The subtotal holds
 * dividends or not as the published lines say (SPEC section 8,
 * pc_verify_dividends_outside); a finding where that reading changes the
 * expected value says which reading it took. */
static pc_status check_cap_footing(const published *pub, pc_checks *checks)
{
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        if (pub->refs[i].row->table != PC_REPORTED_CAP)
            continue;
        /* The five equity lines apart, since equity_award_adjustments may
         * stand for them; dividends apart, since it may hold them. */
        partial_sum before = {0}, equity = {0};
        for (int l = 0; l < PC_CAP_DIVIDENDS; l++) {
            const pc_reported *row = pc_verify_group_item(pub, i, end, CAP_RANK(l));
            if (row)
                add_figure(l >= FIRST_EQUITY_LINE ? &equity : &before, row);
        }
        const pc_reported *dividends =
            pc_verify_group_item(pub, i, end, CAP_RANK(PC_CAP_DIVIDENDS));
        const pc_reported *adjustments =
            pc_verify_group_item(pub, i, end, CAP_EQUITY_ADJUSTMENTS_RANK);
        const pc_reported *cap = pc_verify_group_item(pub, i, end, CAP_RANK(PC_CAP_CAP));
        bool outside = pc_verify_dividends_outside(pub, i, end);
        bool matters = pc_verify_dividends_matter(pub, i, end);
        pc_status st = PC_OK;
        size_t count = checks->findings.count;
        if (adjustments && equity.any) {
            partial_sum lines = equity;
            if (dividends && !outside)
                add_figure(&lines, dividends);
            st = pc_verify_compare(checks, "cap_does_not_foot", adjustments,
                                   pc_verify_exact(lines.sum, lines.decimals, false));
            if (st == PC_OK && matters)
                st = pc_verify_note(checks, count, "%s: compared with the five fair-value lines%s",
                                    reading_words(outside), outside ? "" : " plus dividends");
            if (st)
                return st;
        }
        /* The sum CAP should be: the five lines and dividends, or the
         * subtotal standing for them (with dividends beside it when they
         * are outside). */
        partial_sum sum = before;
        if (equity.any)
            add_sum(&sum, &equity);
        else if (adjustments)
            add_figure(&sum, adjustments);
        if (dividends && (equity.any || !adjustments || outside))
            add_figure(&sum, dividends);
        if (cap && sum.any) {
            count = checks->findings.count;
            st = pc_verify_compare(checks, "cap_does_not_foot", cap,
                                   pc_verify_exact(sum.sum, sum.decimals, false));
            if (st == PC_OK && matters && !equity.any)
                st = pc_verify_note(checks, count,
                                    "neither reading of equity_award_adjustments foots; the "
                                    "nearer taken: %s",
                                    reading_words(outside));
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* In the internal checks a PEO of a year is a person with a PvP row that
 * year (SPEC section 8). */
static bool is_peo(const published *pub, int year, size_t subject)
{
    size_t b, e;
    pc_verify_find_group(pub, PC_REPORTED_PVP, year, subject, &b, &e);
    return b < e;
}

/* The year's NEOs as the published tables show them: the people with SCT
 * rows that year who are not PEOs. Usable only when the published tables
 * (reported.csv, or the filing's tagged tables) give the year's `count` and
 * the SCT has exactly that many NEO rows (a current proxy's SCT does not show
 * every past NEO); otherwise the reason goes to `reason`. `neos` receives the
 * subject ranks; the caller releases the set with neo_set_fini. */
typedef struct neo_set {
    size_t *subjects;
    size_t count;
    bool usable;
    pc_buf reason;
} neo_set;

static void neo_set_fini(neo_set *set)
{
    free(set->subjects);
    pc_buf_fini(&set->reason);
}

static pc_status find_neos(const published *pub, int year, neo_set *set)
{
    memset(set, 0, sizeof *set);
    size_t average;
    const pc_reported *count = NULL;
    if (pc_verify_subject_rank(pub, AVERAGE_SUBJECT, &average))
        count = pc_verify_find_item(pub, PC_REPORTED_PVP, year, average, PVP_COUNT);
    if (!count) {
        pc_buf_printf(&set->reason,
                      "the published tables give no count of the NEOs in the %d average, so the "
                      "year's NEOs are not known",
                      year);
        return set->reason.failed ? PC_ERR_NOMEM : PC_OK;
    }
    if (count->value_micro <= 0 || count->value_micro % PC_MICRO != 0) {
        pc_buf_printf(&set->reason,
                      "the published count for the %d average is not a whole number of NEOs", year);
        return set->reason.failed ? PC_ERR_NOMEM : PC_OK;
    }
    long long covers = (long long)(count->value_micro / PC_MICRO);

    size_t b = pc_verify_lower_bound(pub, PC_REPORTED_SCT, year, 0, -1);
    size_t cap = 4;
    set->subjects = malloc(cap * sizeof *set->subjects);
    if (!set->subjects)
        return PC_ERR_NOMEM;
    for (size_t i = b, end; i < pub->count && pub->refs[i].row->table == PC_REPORTED_SCT &&
                            pub->refs[i].row->year == year;
         i = end) {
        end = pc_verify_group_end(pub, i);
        const ref *r = &pub->refs[i];
        if (!pc_verify_is_person(r->row->subject) || is_peo(pub, year, r->subject))
            continue;
        if (set->count == cap) {
            size_t *p = realloc(set->subjects, 2 * cap * sizeof *p);
            if (!p)
                return PC_ERR_NOMEM;
            set->subjects = p;
            cap *= 2;
        }
        set->subjects[set->count++] = r->subject;
    }
    if ((long long)set->count != covers) {
        pc_buf_printf(&set->reason,
                      "the published SCT has %zu NEO row%s for %d but the average covers %lld",
                      set->count, set->count == 1 ? "" : "s", year, covers);
        return set->reason.failed ? PC_ERR_NOMEM : PC_OK;
    }
    set->usable = true;
    return PC_OK;
}

/* Adds the SCT equity columns (stock_awards + option_awards) of a group. */
static void add_equity_columns(const published *pub, size_t begin, size_t end, partial_sum *s)
{
    const pc_reported *stock = pc_verify_group_item(pub, begin, end, PC_SCT_STOCK_AWARDS);
    const pc_reported *options = pc_verify_group_item(pub, begin, end, PC_SCT_OPTION_AWARDS);
    if (stock)
        add_figure(s, stock);
    if (options)
        add_figure(s, options);
}

/* deduction_differs_from_sct: the CAP line `less_equity_awards` is, by
 * Item 402(v)(2)(iii)(A), minus the SCT stock and option awards of the same
 * person and year; for the average, minus their mean over the year's NEOs. */
static pc_status check_deduction(const published *pub, pc_checks *checks)
{
    const char *check = "deduction_differs_from_sct";
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        const ref *head = &pub->refs[i];
        if (head->row->table != PC_REPORTED_CAP)
            continue;
        const pc_reported *less =
            pc_verify_group_item(pub, i, end, CAP_RANK(PC_CAP_LESS_EQUITY_AWARDS));
        if (!less)
            continue;
        int year = less->year;
        pc_status st = PC_OK;
        if (pc_verify_is_person(less->subject)) {
            size_t b, e;
            pc_verify_find_group(pub, PC_REPORTED_SCT, year, head->subject, &b, &e);
            if (b == e) {
                st = pc_verify_add_skipped(checks, check, year, less->subject,
                                           "the published SCT has no row for %s in %d",
                                           less->subject, year);
            } else {
                partial_sum awards = {0};
                add_equity_columns(pub, b, e, &awards);
                st = pc_verify_compare(checks, check, less,
                                       pc_verify_exact(-awards.sum, awards.decimals, false));
            }
        } else if (strcmp(less->subject, AVERAGE_SUBJECT) == 0) {
            neo_set set;
            st = find_neos(pub, year, &set);
            if (st == PC_OK && !set.usable)
                st = pc_verify_add_skipped(checks, check, year, less->subject, "%s",
                                           pc_buf_text(&set.reason));
            else if (st == PC_OK) {
                partial_sum awards = {0};
                for (size_t k = 0; k < set.count; k++) {
                    size_t b, e;
                    pc_verify_find_group(pub, PC_REPORTED_SCT, year, set.subjects[k], &b, &e);
                    add_equity_columns(pub, b, e, &awards);
                }
                st = pc_verify_compare(checks, check, less,
                                       (expected){-awards.sum, (int64_t)set.count, awards.decimals,
                                                  false, false, NULL});
            }
            neo_set_fini(&set);
        }
        if (st)
            return st;
    }
    return PC_OK;
}

/* pvp_sct_total_differs and pvp_cap_differs: a PEO's PvP figure against the
 * same figure in the SCT (total) or the reconciliation (cap). The average's
 * SCT total is average_differs' business. */
static pc_status check_pvp_against_tables(const published *pub, pc_checks *checks)
{
    static const struct {
        const char *check;
        int pvp_item;
        pc_reported_table table;
        int item;
        const char *missing;
    } pairs[] = {
        {"pvp_sct_total_differs", PVP_SCT_TOTAL, PC_REPORTED_SCT, PC_SCT_TOTAL,
         "the published SCT has no total"},
        {"pvp_cap_differs", PVP_CAP, PC_REPORTED_CAP, CAP_RANK(PC_CAP_CAP),
         "the published reconciliation has no CAP"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        for (size_t i = 0, end; i < pub->count; i = end) {
            end = pc_verify_group_end(pub, i);
            const ref *head = &pub->refs[i];
            if (head->row->table != PC_REPORTED_PVP || !strcmp(head->row->subject, COMPANY_SUBJECT))
                continue;
            bool average = !strcmp(head->row->subject, AVERAGE_SUBJECT);
            if (average && pairs[p].pvp_item == PVP_SCT_TOTAL)
                continue;
            const pc_reported *figure = pc_verify_group_item(pub, i, end, pairs[p].pvp_item);
            if (!figure)
                continue;
            const pc_reported *other = pc_verify_find_item(pub, pairs[p].table, figure->year,
                                                           head->subject, pairs[p].item);
            pc_status st;
            if (!other)
                st = pc_verify_add_skipped(checks, pairs[p].check, figure->year, figure->subject,
                                           "%s for %s in %d", pairs[p].missing, figure->subject,
                                           figure->year);
            else {
                expected exp = pc_verify_exact(other->value_micro, other->decimals, true);
                exp.other = other;
                st = pc_verify_compare(checks, pairs[p].check, figure, exp);
            }
            if (st)
                return st;
        }
    }
    return PC_OK;
}

/* cap_sct_total_differs (SPEC section 8): a reconciliation starts from the
 * SCT total of the same subject and year (Item 402(v)(2)(iii)); its
 * `sct_total` line is checked against the PvP SCT total, or, when the PvP
 * does not show it, against the published SCT total (a person only: the
 * average's SCT mean is average_differs' business). A reconciliation that
 * starts from a transposed figure can foot and still be wrong. */
static pc_status check_cap_start(const published *pub, pc_checks *checks)
{
    const char *check = "cap_sct_total_differs";
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        const ref *head = &pub->refs[i];
        if (head->row->table != PC_REPORTED_CAP)
            continue;
        const pc_reported *start = pc_verify_group_item(pub, i, end, CAP_RANK(PC_CAP_SCT_TOTAL));
        if (!start)
            continue;
        const pc_reported *other =
            pc_verify_find_item(pub, PC_REPORTED_PVP, start->year, head->subject, PVP_SCT_TOTAL);
        if (!other && pc_verify_is_person(start->subject))
            other =
                pc_verify_find_item(pub, PC_REPORTED_SCT, start->year, head->subject, PC_SCT_TOTAL);
        pc_status st;
        if (!other) {
            st = pc_verify_add_skipped(checks, check, start->year, start->subject,
                                       "neither the PvP table nor the SCT publishes the SCT total "
                                       "of %s in %d",
                                       start->subject, start->year);
        } else {
            expected exp = pc_verify_exact(other->value_micro, other->decimals, true);
            exp.other = other;
            st = pc_verify_compare(checks, check, start, exp);
        }
        if (st)
            return st;
    }
    return PC_OK;
}

/* average_differs: the PvP average SCT total against the exact mean of the
 * published SCT totals of the year's NEOs (Item 402(v)(2)(ii)). */
static pc_status check_average(const published *pub, pc_checks *checks)
{
    const char *check = "average_differs";
    size_t average;
    if (!pc_verify_subject_rank(pub, AVERAGE_SUBJECT, &average))
        return PC_OK;
    for (size_t i = 0, end; i < pub->count; i = end) {
        end = pc_verify_group_end(pub, i);
        const ref *head = &pub->refs[i];
        if (head->row->table != PC_REPORTED_PVP || head->subject != average)
            continue;
        const pc_reported *figure = pc_verify_group_item(pub, i, end, PVP_SCT_TOTAL);
        if (!figure)
            continue;
        int year = figure->year;
        neo_set set;
        pc_status st = find_neos(pub, year, &set);
        if (st == PC_OK && !set.usable)
            st = pc_verify_add_skipped(checks, check, year, figure->subject, "%s",
                                       pc_buf_text(&set.reason));
        else if (st == PC_OK) {
            partial_sum totals = {0};
            const pc_reported *missing = NULL;
            for (size_t k = 0; k < set.count && !missing; k++) {
                size_t b, e;
                pc_verify_find_group(pub, PC_REPORTED_SCT, year, set.subjects[k], &b, &e);
                const pc_reported *total = pc_verify_group_item(pub, b, e, PC_SCT_TOTAL);
                if (total)
                    add_figure(&totals, total);
                else
                    missing = pub->refs[b].row;
            }
            if (missing)
                st = pc_verify_add_skipped(checks, check, year, figure->subject,
                                           "the published SCT has no total for %s in %d",
                                           missing->subject, year);
            else
                st = pc_verify_compare(checks, check, figure,
                                       (expected){totals.sum, (int64_t)set.count, totals.decimals,
                                                  false, false, NULL});
        }
        neo_set_fini(&set);
        if (st)
            return st;
    }
    return PC_OK;
}

/* tsr_not_value_of_100: TSR (and peer group TSR) in the PvP table is the
 * value of a $100 investment (Item 402(v)(2)(iv)), never below 0. A
 * negative figure is a percentage change; the expected value shown is what
 * $100 would be worth after that change (100 + the published figure). */
static pc_status check_tsr(const published *pub, pc_checks *checks)
{
    for (size_t i = 0; i < pub->count; i++) {
        const ref *r = &pub->refs[i];
        if (r->row->table != PC_REPORTED_PVP || (r->item != PVP_TSR && r->item != PVP_PEER_TSR))
            continue;
        if (r->row->value_micro >= 0) {
            checks->checked++;
            continue;
        }
        pc_status st = pc_verify_compare(
            checks, "tsr_not_value_of_100", r->row,
            pc_verify_exact((i128)100 * PC_MICRO + r->row->value_micro, r->row->decimals, false));
        if (st)
            return st;
    }
    return PC_OK;
}

pc_status pc_verify_internal(const pc_dataset *ds, pc_checks *checks)
{
    if (!ds || !checks)
        return PC_ERR_USAGE;
    published pub;
    pc_status st = pc_verify_published_build(ds, &pub);
    if (st)
        return st;
    pc_status (*const steps[])(const published *, pc_checks *) = {
        check_sct_footing, check_cap_footing, check_deduction, check_pvp_against_tables,
        check_cap_start,   check_average,     check_tsr,       check_dct_footing,
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && st == PC_OK; i++)
        st = steps[i](&pub, checks);
    pc_verify_published_fini(&pub);
    return st;
}
