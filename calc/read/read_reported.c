/*
 * reported.csv (SPEC section 2 and 8): the figures as published, read with
 * the input set or on its own (`verify --reported`).
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/equity.h"
#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "read_set.h"

/* ---- reported.csv ------------------------------------------------------------ */

enum { REP_TABLE, REP_YEAR, REP_SUBJECT, REP_ITEM, REP_VALUE };

#define SUBJECT_AVERAGE "non_peo_neo_average"
#define SUBJECT_COMPANY "company"

/* The `table` words, in pc_reported_table order. */
static const char *const tables[] = {"sct", "pvp", "cap", "oea", "oesv", "gpba", "dct"};

/* Which subjects an item accepts (SPEC section 2, reported.csv). */
enum { FOR_PERSON = 1, FOR_AVERAGE = 2, FOR_COMPANY = 4 };

static int item_subjects(pc_reported_table table, const char *item)
{
    if (table == PC_REPORTED_SCT) {
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            if (strcmp(item, pc_sct_key((pc_sct_column)c)) == 0)
                return FOR_PERSON;
        return 0;
    }
    if (table == PC_REPORTED_DCT) {
        for (int c = 0; c < PC_DCT_NCOLUMNS; c++)
            if (strcmp(item, pc_dct_key((pc_dct_column)c)) == 0)
                return FOR_PERSON;
        return 0;
    }
    if (table == PC_REPORTED_CAP) {
        for (int l = 0; l < PC_CAP_NLINES; l++)
            if (strcmp(item, pc_cap_key((pc_cap_line)l)) == 0)
                return FOR_PERSON | FOR_AVERAGE;
        return strcmp(item, "equity_award_adjustments") == 0 ? FOR_PERSON | FOR_AVERAGE : 0;
    }
    if (table == PC_REPORTED_OEA || table == PC_REPORTED_OESV || table == PC_REPORTED_GPBA)
        return pc_equity_item_table(pc_equity_item_of(item)) == (int)table ? FOR_PERSON : 0;
    if (strcmp(item, "sct_total") == 0 || strcmp(item, "cap") == 0)
        return FOR_PERSON | FOR_AVERAGE;
    if (strcmp(item, "count") == 0)
        return FOR_AVERAGE;
    if (strcmp(item, "tsr") == 0 || strcmp(item, "peer_group_tsr") == 0 ||
        strcmp(item, "net_income") == 0 || strcmp(item, "company_selected_measure") == 0)
        return FOR_COMPANY;
    return 0;
}

static const char *items_of(pc_reported_table table)
{
    switch (table) {
    case PC_REPORTED_SCT:
        return "salary, bonus, stock_awards, option_awards, non_equity_incentive, pension_nqdc, "
               "all_other or total";
    case PC_REPORTED_CAP:
        return "a reconciliation key of SPEC section 7 (sct_total, less_equity_awards, ..., cap) "
               "or equity_award_adjustments";
    case PC_REPORTED_PVP:
        return "sct_total, cap, tsr, peer_group_tsr, net_income, company_selected_measure or "
               "count";
    case PC_REPORTED_OEA:
        return "options_exercisable, options_unexercisable, options_unearned, stock_unvested, "
               "stock_unvested_value, stock_unearned or stock_unearned_value";
    case PC_REPORTED_OESV:
        return "options_exercised, exercise_value, stock_vested or vesting_value";
    case PC_REPORTED_GPBA:
        return "threshold_shares, target_shares, maximum_shares, other_stock_shares, "
               "other_option_shares or grant_date_fair_value";
    case PC_REPORTED_DCT:
        return "fees, stock_awards, option_awards, non_equity_incentive, pension_nqdc, "
               "all_other or total";
    }
    return "?";
}

/* A value as a proxy prints it (SPEC section 8, pc_parse_printed): currency
 * signs dropped, units and percentages understood, a dash a printed nil.
 * Returns 1 for a published figure, 0 for one the proxy does not publish
 * (empty or "n/a": the row is checked by nothing), -1 on an error. */
static int get_printed(reader *r, const pc_read_row *row, int c, pc_printed *out)
{
    char why[200];
    pc_status st = pc_parse_printed(pc_read_val(row, c), out, why, sizeof why);
    if (st == PC_ERR_NOMEM) {
        r->rd.nomem = true;
        return -1;
    }
    if (!pc_read_parsed(r, row, c, st, "bad_number", "value", why))
        return -1;
    return out->published ? 1 : 0;
}

/* The PvP `count` is how many NEOs an average covers: a whole number of at
 * least 1 (SPEC section 8). */
static bool count_valid(reader *r, const pc_read_row *row, const pc_printed *p)
{
    if (!p->percent && p->value_micro >= PC_MICRO && p->value_micro % PC_MICRO == 0)
        return true;
    pc_read_cell_error(r, row, REP_VALUE, "bad_count",
                       "invalid count '%s': the number of NEOs the average covers is a whole "
                       "number of at least 1",
                       pc_read_show(&r->rd, pc_read_val(row, REP_VALUE)));
    return false;
}

void pc_read_reported_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = pc_read_get_year(r, row, REP_YEAR, &year);
    if (ok && !pc_read_year_kept(r, year))
        return;
    int table =
        pc_read_get_choice(r, row, REP_TABLE, tables, (int)(sizeof tables / sizeof tables[0]));
    ok &= table >= 0;
    int accepts = 0;
    /* Items are keys: "Salary" is taken as "salary" and stored so. */
    char item[64] = "";
    for (size_t i = 0; pc_read_val(row, REP_ITEM)[i] && i + 1 < sizeof item; i++) {
        char ch = pc_read_val(row, REP_ITEM)[i];
        item[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    if (table >= 0 && pc_read_need(r, row, REP_ITEM, NULL)) {
        accepts = item_subjects((pc_reported_table)table, item);
        if (!accepts) {
            pc_read_cell_error(r, row, REP_ITEM, "bad_value",
                               "invalid item '%s' for table %s: use %s",
                               pc_read_show(&r->rd, pc_read_val(row, REP_ITEM)), tables[table],
                               items_of((pc_reported_table)table));
            ok = false;
        }
    } else {
        ok = false;
    }
    if (pc_read_need(r, row, REP_SUBJECT, NULL)) {
        const char *s = pc_read_val(row, REP_SUBJECT);
        int kind = strcmp(s, SUBJECT_AVERAGE) == 0   ? FOR_AVERAGE
                   : strcmp(s, SUBJECT_COMPANY) == 0 ? FOR_COMPANY
                                                     : FOR_PERSON;
        if (accepts && !(accepts & kind)) {
            const char *expected = accepts == FOR_COMPANY   ? "the subject 'company'"
                                   : accepts == FOR_AVERAGE ? "the subject '" SUBJECT_AVERAGE "'"
                                   : accepts == FOR_PERSON  ? "a person_id"
                                                           : "a person_id or '" SUBJECT_AVERAGE "'";
            pc_read_cell_error(r, row, REP_SUBJECT, "bad_subject",
                               "'%s' cannot have item %s: use %s", pc_read_show(&r->rd, s), item,
                               expected);
            ok = false;
        } else if (kind == FOR_PERSON && !r->standalone && !r->people_failed &&
                   !pc_dataset_person(r->ds, s, NULL)) {
            pc_read_cell_error(r, row, REP_SUBJECT, "unknown_person",
                               "unknown person '%s' (not in people.csv)", pc_read_show(&r->rd, s));
            ok = false;
        }
    } else {
        ok = false;
    }
    pc_printed printed;
    int published = get_printed(r, row, REP_VALUE, &printed);
    if (published == 1 && table == PC_REPORTED_PVP && !strcmp(item, "count"))
        ok &= count_valid(r, row, &printed);
    else if (published == 1 && printed.percent && strcmp(item, "company_selected_measure") != 0) {
        /* Only the company-selected measure may be a return or a margin;
         * every other figure is dollars (or shares), and a percentage there
         * (a salary of "120107%") is a transcription slip, whatever its
         * value: never rounding. */
        pc_read_cell_error(r, row, REP_VALUE, "bad_number",
                           "'%s' is a percentage, but %s is an amount: only "
                           "company_selected_measure may be a percentage",
                           pc_read_show(&r->rd, pc_read_val(row, REP_VALUE)), item);
        ok = false;
    }
    if (!ok || published != 1)
        return;
    pc_reported *rep = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->reported));
    if (!rep)
        return;
    rep->table = (pc_reported_table)table;
    rep->year = year;
    rep->subject = pc_read_dup_text(r, pc_read_val(row, REP_SUBJECT));
    rep->item = pc_read_dup_text(r, item);
    rep->value_micro = printed.value_micro;
    rep->decimals = printed.decimals;
    rep->percent = printed.percent;
    rep->line = row->line;
}

static void reported_duplicate(reader *r, size_t index, int first_line)
{
    const pc_reported *rep = &r->ds->reported.items[index];
    pc_read_file_error(r, PC_FILE_REPORTED, rep->line, "item", "duplicate",
                       "duplicate figure: %s %d '%s' %s (first at line %d)", tables[rep->table],
                       rep->year, pc_read_show(&r->rd, rep->subject),
                       pc_read_show(&r->rd, rep->item), first_line);
}

void pc_read_check_reported(reader *r)
{
    if (r->rd.nomem)
        return; /* a figure may have lost its subject or item */
    size_t n = r->ds->reported.count;
    dup_key *keys = NULL;
    /* The key joins subject and item (neither holds a NUL). */
    char **joined = calloc(n ? n : 1, sizeof *joined);
    if (joined)
        keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_reported *rep = &r->ds->reported.items[i];
        size_t ls = strlen(rep->subject), li = strlen(rep->item);
        joined[i] = malloc(ls + li + 2);
        if (!joined[i]) {
            free(keys);
            keys = NULL;
            break;
        }
        memcpy(joined[i], rep->subject, ls);
        joined[i][ls] = '\x1f';
        memcpy(joined[i] + ls + 1, rep->item, li + 1);
        keys[i] = (dup_key){joined[i], rep->table, rep->year, 0, i, rep->line};
    }
    if (!keys && n)
        r->rd.nomem = true;
    else
        pc_read_report_duplicates(r, keys, n, reported_duplicate);
    for (size_t i = 0; joined && i < n; i++)
        free(joined[i]);
    free(joined);
}
