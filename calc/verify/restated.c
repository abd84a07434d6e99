/*
 * restated (SPEC section 8, `--prior FILE`): a yearly rerun shows at once
 * what moved since the last proxy. Every SCT figure, PvP figure and
 * reconciliation line of a year that last year's figures and this year's
 * both hold must be equal; a difference is an error finding naming both
 * values: `published` is this year's figure, `expected` last year's, the
 * difference what moved.
 *
 * This year's figures are the computed report when there is one (run, and
 * verify with an input set), else the published reported.csv (verify
 * --reported alone). Only the rows the report shows are compared: the SCT
 * rows of the SCT years, the PvP table and the reconciliations, as
 * report.json holds them.
 *
 * Two figures shown with different precision (whole dollars last year,
 * cents now) are compared at the coarser one. TSR is cumulative from the
 * first covered year (Item 201(e)), so when that year moved with the roll
 * forward a year's TSR legitimately changes: it is compared only when both
 * sets start in the same year, and skipped with the reason otherwise.
 *
 * Both lists are sorted by (table, year, subject, item) and walked once:
 * O(n log n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/equity.h"
#include "paycalc/money.h"
#include "paycalc/text.h"
#include "paycalc/verify.h"

__extension__ typedef __int128 i128;

#define AVERAGE "non_peo_neo_average"
#define COMPANY "company"
#define CENTS_TO_MICRO(c) ((int64_t)(c) * (PC_MICRO / PC_CENTS))

typedef struct figure {
    pc_reported_table table;
    int year;
    const char *subject; /* borrowed */
    const char *item;    /* borrowed */
    int64_t micro;
    int decimals;
    int line; /* reported.csv line, 0 for a computed figure */
} figure;

typedef PC_ARRAY(figure) figures;

static bool push(figures *list, pc_reported_table table, int year, const char *subject,
                 const char *item, int64_t micro, int decimals, int line)
{
    figure *f = PC_ARRAY_PUSH(list);
    if (!f)
        return false;
    *f = (figure){table, year, subject, item, micro, decimals, line};
    return true;
}

static const char *person_id(const pc_dataset *ds, size_t person)
{
    return person == PC_SUBJECT_AVERAGE ? AVERAGE : ds->people.items[person].id;
}

static bool pvp_figures(const pc_dataset *ds, const pc_report *report, figures *out)
{
    int d = ds->config.cap_decimals;
    bool ok = true;
    for (size_t i = 0; i < report->pvp.count && ok; i++) {
        const pc_pvp_row *row = &report->pvp.items[i];
        int y = row->year;
        for (size_t k = 0; k < row->npeo && ok; k++) {
            const char *id = person_id(ds, row->peo[k].person);
            ok = push(out, PC_REPORTED_PVP, y, id, "sct_total",
                      CENTS_TO_MICRO(row->peo[k].sct_total), 0, 0) &&
                 push(out, PC_REPORTED_PVP, y, id, "cap", CENTS_TO_MICRO(row->peo[k].cap), d, 0);
        }
        if (ok && row->has_average)
            ok = push(out, PC_REPORTED_PVP, y, AVERAGE, "count", (int64_t)row->avg_count * PC_MICRO,
                      0, 0) &&
                 push(out, PC_REPORTED_PVP, y, AVERAGE, "sct_total",
                      CENTS_TO_MICRO(row->avg_sct_total), d, 0) &&
                 push(out, PC_REPORTED_PVP, y, AVERAGE, "cap", CENTS_TO_MICRO(row->avg_cap), d, 0);
        if (ok && report->tsr.computed)
            ok = push(out, PC_REPORTED_PVP, y, COMPANY, "tsr", CENTS_TO_MICRO(row->tsr), 2, 0);
        if (ok && row->has_peer_tsr)
            ok = push(out, PC_REPORTED_PVP, y, COMPANY, "peer_group_tsr",
                      CENTS_TO_MICRO(row->peer_tsr), 2, 0);
        if (ok && row->has_net_income)
            ok = push(out, PC_REPORTED_PVP, y, COMPANY, "net_income",
                      CENTS_TO_MICRO(row->net_income), 2, 0);
        if (ok && row->has_csm)
            ok = push(out, PC_REPORTED_PVP, y, COMPANY, "company_selected_measure", row->csm_micro,
                      6, 0);
    }
    return ok;
}

/* The figures of the computed report, as report.json shows them. */
static bool computed_figures(const pc_dataset *ds, const pc_report *report, figures *out)
{
    for (size_t i = 0; i < report->sct.count; i++) {
        const pc_sct_row *row = &report->sct.items[i];
        if (!row->in_table)
            continue;
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            if (!push(out, PC_REPORTED_SCT, row->year, person_id(ds, row->person),
                      pc_sct_key((pc_sct_column)c), CENTS_TO_MICRO(row->column[c]), 0, 0))
                return false;
    }
    if (!pvp_figures(ds, report, out))
        return false;
    for (size_t i = 0; i < report->cap.count; i++) {
        const pc_cap_row *row = &report->cap.items[i];
        for (int l = 0; l < PC_CAP_NLINES; l++)
            if (!push(out, PC_REPORTED_CAP, row->year, person_id(ds, row->subject),
                      pc_cap_key((pc_cap_line)l), CENTS_TO_MICRO(row->line[l]),
                      ds->config.cap_decimals, 0))
                return false;
    }
    return true;
}

/* The figures of a reported.csv. A `less_` line published unsigned is read
 * as the deduction its label says (SPEC section 8: a proxy prints
 * deductions in parentheses or unsigned under a "Less:" heading, so a
 * change of printed sign is no restatement). */
static bool published_figures(const pc_dataset *ds, figures *out)
{
    for (size_t i = 0; i < ds->reported.count; i++) {
        const pc_reported *r = &ds->reported.items[i];
        int64_t micro = r->value_micro;
        if (r->table == PC_REPORTED_CAP && strncmp(r->item, "less_", 5) == 0 && micro > 0)
            micro = -micro;
        if (!push(out, r->table, r->year, r->subject, r->item, micro, r->decimals, r->line))
            return false;
    }
    return true;
}

/* An item's place in its table, so the findings read in the order of the
 * proxy's columns and lines (unknown items last, by name). */
static int item_rank(pc_reported_table table, const char *item)
{
    static const char *const pvp[] = {"sct_total",
                                      "cap",
                                      "count",
                                      "tsr",
                                      "peer_group_tsr",
                                      "net_income",
                                      "company_selected_measure"};
    switch (table) {
    case PC_REPORTED_SCT:
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            if (!strcmp(item, pc_sct_key((pc_sct_column)c)))
                return c;
        break;
    case PC_REPORTED_CAP:
        for (int l = 0; l < PC_CAP_NLINES; l++)
            if (!strcmp(item, pc_cap_key((pc_cap_line)l)))
                return 2 * l;
        if (!strcmp(item, "equity_award_adjustments"))
            return 2 * PC_CAP_LESS_FV_FORFEITED + 1;
        break;
    case PC_REPORTED_PVP:
        for (int i = 0; i < (int)(sizeof pvp / sizeof pvp[0]); i++)
            if (!strcmp(item, pvp[i]))
                return i;
        break;
    case PC_REPORTED_OEA:
    case PC_REPORTED_OESV:
    case PC_REPORTED_GPBA:
        /* The equity tables' items, in their SPEC section 12 order. */
        if (pc_equity_item_of(item) != PC_EQ_NITEMS)
            return (int)pc_equity_item_of(item);
        break;
    case PC_REPORTED_DCT:
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            if (!strcmp(item, pc_dct_key((pc_dct_column)c)))
                return c;
        break;
    }
    return 1000;
}

static int compare_figure(const void *pa, const void *pb)
{
    const figure *a = pa, *b = pb;
    if (a->table != b->table)
        return a->table < b->table ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    int c = strcmp(a->subject, b->subject);
    if (c)
        return c;
    int ra = item_rank(a->table, a->item), rb = item_rank(b->table, b->item);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return strcmp(a->item, b->item);
}

/* The first covered year of a list: its earliest PvP year (0 if none). */
static int first_pvp_year(const figures *list)
{
    int first = 0;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].table == PC_REPORTED_PVP && (first == 0 || list->items[i].year < first))
            first = list->items[i].year;
    return first;
}

/* micro rounded half away from zero to `decimals` (SPEC section 3's rule);
 * decimals below 0 are steps of tens ("445 M"). */
static i128 shown_at(int64_t micro, int decimals)
{
    i128 unit = 1;
    for (int d = decimals < 6 ? decimals : 6; d < 6; d++)
        unit *= 10;
    i128 q = micro / unit, r = micro % unit;
    if ((r < 0 ? -r : r) * 2 >= unit)
        q += micro < 0 ? -1 : 1;
    return q * unit;
}

static bool is_tsr(const figure *f)
{
    return f->table == PC_REPORTED_PVP &&
           (!strcmp(f->item, "tsr") || !strcmp(f->item, "peer_group_tsr"));
}

static pc_status add_finding(pc_checks *checks, const figure *now, const figure *then)
{
    pc_finding *f = PC_ARRAY_PUSH(&checks->findings);
    if (!f)
        return PC_ERR_NOMEM;
    f->check = pc_strdup("restated");
    f->subject = pc_strdup(now->subject);
    f->item = pc_strdup(now->item);
    if (!f->check || !f->subject || !f->item)
        return PC_ERR_NOMEM;
    f->severity = PC_CHECK_ERROR;
    f->table = now->table;
    f->year = now->year;
    f->published_micro = now->micro;
    f->expected_micro = then->micro;
    f->difference_micro = now->micro - then->micro;
    int d = now->decimals > then->decimals ? now->decimals : then->decimals;
    f->decimals = d < 0 ? 0 : d > 6 ? 6 : d;
    f->line = now->line;
    checks->errors++;
    return PC_OK;
}

static pc_status skip_tsr(pc_checks *checks, int year, int now_first, int then_first)
{
    pc_skipped *s = PC_ARRAY_PUSH(&checks->skipped);
    if (!s)
        return PC_ERR_NOMEM;
    s->check = pc_strdup("restated");
    s->year = year;
    s->subject = pc_strdup(COMPANY);
    s->reason = pc_text_format("TSR is cumulative from the first covered year, %d now and %d last "
                               "year, so a year's TSR is not expected to stay the same",
                               now_first, then_first);
    return s->check && s->subject && s->reason ? PC_OK : PC_ERR_NOMEM;
}

/* Walks both sorted lists and compares the figures they share. */
static pc_status compare_lists(const figures *now, const figures *then, pc_checks *checks)
{
    int now_first = first_pvp_year(now), then_first = first_pvp_year(then);
    int skipped_year = 0;
    size_t i = 0, j = 0;
    while (i < now->count && j < then->count) {
        const figure *a = &now->items[i], *b = &then->items[j];
        int c = compare_figure(a, b);
        if (c < 0) {
            i++;
            continue;
        }
        if (c > 0) {
            j++;
            continue;
        }
        i++;
        j++;
        pc_status st = PC_OK;
        if (is_tsr(a) && now_first != then_first) {
            if (a->year != skipped_year)
                st = skip_tsr(checks, a->year, now_first, then_first);
            skipped_year = a->year;
            if (st)
                return st;
            continue;
        }
        checks->checked++;
        int d = a->decimals < b->decimals ? a->decimals : b->decimals;
        if (shown_at(a->micro, d) != shown_at(b->micro, d) && (st = add_finding(checks, a, b)))
            return st;
    }
    return PC_OK;
}

pc_status pc_verify_restated(const pc_dataset *prior, const pc_dataset *ds, const pc_report *report,
                             pc_checks *checks)
{
    if (!prior || !ds || !checks)
        return PC_ERR_USAGE;
    figures now = {0}, then = {0};
    pc_status st = PC_ERR_NOMEM;
    bool ok = report ? computed_figures(ds, report, &now) : published_figures(ds, &now);
    if (ok && published_figures(prior, &then)) {
        if (now.count)
            qsort(now.items, now.count, sizeof *now.items, compare_figure);
        if (then.count)
            qsort(then.items, then.count, sizeof *then.items, compare_figure);
        st = compare_lists(&now, &then, checks);
    }
    free(now.items);
    free(then.items);
    return st;
}
