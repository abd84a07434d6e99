/*
 * awards.csv and vesting.csv (SPEC section 2): the equity awards and their
 * tranches, with the check that each award's tranches add up to its shares.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "read_set.h"

/* ---- awards.csv ------------------------------------------------------------ */

enum {
    AWARDS_ID,
    AWARDS_PERSON,
    AWARDS_TYPE,
    AWARDS_CONDITION,
    AWARDS_GRANT_DATE,
    AWARDS_SHARES,
    AWARDS_EXERCISE_PRICE,
    AWARDS_EXPIRATION,
    AWARDS_GRANT_FV,
    AWARDS_DIVIDEND_RIGHTS,
    AWARDS_THRESHOLD,
    AWARDS_MAXIMUM
};

/* threshold_shares and maximum_shares (Item 402(d)(2)(vi)-(viii)): the
 * levels of an equity incentive plan award, so only for an award with a
 * performance or market condition; threshold at most the target, maximum
 * at least the target. Returns whether the level was given and is valid. */
static bool award_level(reader *r, const pc_read_row *row, int c, int condition, int64_t target,
                        bool target_ok, int64_t *out)
{
    *out = 0;
    if (!pc_read_has(row, c))
        return false;
    if (condition == PC_CONDITION_SERVICE) {
        pc_read_cell_warning(r, row, c, "ignored_value",
                             "'%s' is ignored: threshold and maximum shares are for awards with a "
                             "performance or market condition",
                             pc_read_show(&r->rd, pc_read_val(row, c)));
        return false;
    }
    if (!pc_read_get_shares(r, row, c, out))
        return false;
    bool threshold = c == AWARDS_THRESHOLD;
    if (target_ok && (threshold ? *out > target : *out < target)) {
        pc_read_cell_error(
            r, row, c, "bad_level", "%s shares '%s' are %s the target of %lld shares",
            threshold ? "threshold" : "maximum", pc_read_show(&r->rd, pc_read_val(row, c)),
            threshold ? "more than" : "fewer than", (long long)target);
        return false;
    }
    return true;
}

void pc_read_awards_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    /* An award with an id is kept even when other values are wrong, so its
     * tranches and outcomes do not raise "unknown award" on top. */
    if (!pc_read_need(r, row, AWARDS_ID, NULL))
        return;
    size_t person = 0;
    pc_read_get_person(r, row, AWARDS_PERSON, &person);
    static const char *const types[] = {"option", "sar", "stock"};
    int type = pc_read_get_choice(r, row, AWARDS_TYPE, types, 3);
    static const char *const conditions[] = {"service", "performance", "market"};
    int condition = pc_read_get_choice(r, row, AWARDS_CONDITION, conditions, 3);
    pc_date grant = PC_DATE_NONE;
    if (!pc_read_get_date(r, row, AWARDS_GRANT_DATE, &grant))
        grant = PC_DATE_NONE;
    int64_t shares = 0;
    bool shares_ok = pc_read_get_shares(r, row, AWARDS_SHARES, &shares);

    int64_t strike = 0;
    pc_date expiration = PC_DATE_NONE;
    bool is_option = type == PC_AWARD_OPTION || type == PC_AWARD_SAR;
    if (is_option) {
        const char *why = " for an option or SAR";
        if (pc_read_need(r, row, AWARDS_EXERCISE_PRICE, why))
            pc_read_get_price(r, row, AWARDS_EXERCISE_PRICE, "exercise price", 0, true, &strike);
        if (pc_read_need(r, row, AWARDS_EXPIRATION, why) &&
            pc_read_get_date(r, row, AWARDS_EXPIRATION, &expiration) && grant != PC_DATE_NONE &&
            expiration <= grant) {
            char buf[16];
            pc_read_cell_error(r, row, AWARDS_EXPIRATION, "bad_date",
                               "expiration date %s is not after the grant date %s",
                               pc_read_val(row, AWARDS_EXPIRATION), pc_read_date_text(grant, buf));
        }
    } else if (type == PC_AWARD_STOCK) {
        if (pc_read_has(row, AWARDS_EXERCISE_PRICE))
            pc_read_cell_warning(r, row, AWARDS_EXERCISE_PRICE, "ignored_value",
                                 "'%s' is ignored: a stock award has no exercise price",
                                 pc_read_show(&r->rd, pc_read_val(row, AWARDS_EXERCISE_PRICE)));
        if (pc_read_has(row, AWARDS_EXPIRATION))
            pc_read_cell_warning(r, row, AWARDS_EXPIRATION, "ignored_value",
                                 "'%s' is ignored: a stock award has no expiration date",
                                 pc_read_show(&r->rd, pc_read_val(row, AWARDS_EXPIRATION)));
    }
    int64_t grant_fv = 0;
    bool has_grant_fv =
        pc_read_has(row, AWARDS_GRANT_FV) &&
        pc_read_get_price(r, row, AWARDS_GRANT_FV, "fair value", 0, false, &grant_fv);
    bool dividend_rights = true;
    if (pc_read_has(row, AWARDS_DIVIDEND_RIGHTS)) {
        static const char *const yes_no[] = {"yes", "no"};
        dividend_rights = pc_read_get_choice(r, row, AWARDS_DIVIDEND_RIGHTS, yes_no, 2) != 1;
    }

    int64_t threshold = 0, maximum = 0;
    bool has_threshold =
        award_level(r, row, AWARDS_THRESHOLD, condition, shares, shares_ok, &threshold);
    bool has_maximum = award_level(r, row, AWARDS_MAXIMUM, condition, shares, shares_ok, &maximum);

    /* award_unsure runs parallel to the awards. */
    bool *unsure = pc_read_push(r, PC_ARRAY_PUSH(&r->award_unsure));
    if (!unsure)
        return;
    pc_award *a = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->awards));
    if (!a) {
        r->award_unsure.count--;
        return;
    }
    a->id = pc_read_dup_text(r, pc_read_val(row, AWARDS_ID));
    a->person = person;
    a->type = type >= 0 ? (pc_award_type)type : PC_AWARD_STOCK;
    a->condition = condition >= 0 ? (pc_condition)condition : PC_CONDITION_SERVICE;
    a->grant_date = grant;
    a->shares = shares;
    a->exercise_price_micro = strike;
    a->expiration_date = expiration;
    a->has_grant_fv = has_grant_fv;
    a->grant_fv_micro = grant_fv;
    a->dividend_rights = dividend_rights;
    a->has_threshold = has_threshold;
    a->threshold_shares = threshold;
    a->has_maximum = has_maximum;
    a->maximum_shares = maximum;
    a->line = row->line;
    *unsure = !shares_ok;
    if (condition == PC_CONDITION_PERFORMANCE && !r->performance_line) {
        r->performance_line = row->line_of[AWARDS_CONDITION];
        r->performance_column = row->column[AWARDS_CONDITION];
        free(r->performance_award);
        r->performance_award = pc_read_dup_text(r, pc_read_val(row, AWARDS_ID));
    }
}

static void award_duplicate(reader *r, size_t index, int first_line)
{
    const pc_award *a = &r->ds->awards.items[index];
    r->award_unsure.items[index] = true;
    pc_read_file_error(r, PC_FILE_AWARDS, a->line, "award_id", "duplicate",
                       "duplicate award '%s' (first at line %d)", pc_read_show(&r->rd, a->id),
                       first_line);
}

void pc_read_check_awards(reader *r)
{
    size_t n = r->ds->awards.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){r->ds->awards.items[i].id, 0, 0, 0, i, r->ds->awards.items[i].line};
    pc_read_report_duplicates(r, keys, n, award_duplicate);
}

/* ---- vesting.csv --------------------------------------------------------- */

enum { VEST_AWARD, VEST_TRANCHE, VEST_DATE, VEST_SHARES, VEST_STATUS, VEST_STATUS_DATE };

void pc_read_vesting_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_dataset *ds = r->ds;
    size_t award = 0;
    bool have_award = pc_read_get_award(r, row, VEST_AWARD, &award);
    const pc_award *a = have_award ? &ds->awards.items[award] : NULL;
    int number = 0;
    bool have_number = pc_read_get_tranche_number(r, row, VEST_TRANCHE, &number);
    char buf[16], buf2[16];

    pc_date vest = PC_DATE_NONE;
    bool ok = pc_read_get_date(r, row, VEST_DATE, &vest);
    if (ok && a && a->grant_date != PC_DATE_NONE && vest < a->grant_date) {
        pc_read_cell_error(r, row, VEST_DATE, "before_grant",
                           "vest date %s is before the grant date %s of award '%s'",
                           pc_read_date_text(vest, buf), pc_read_date_text(a->grant_date, buf2),
                           pc_read_show(&r->rd, a->id));
        ok = false;
    }
    int64_t shares = 0;
    bool shares_ok = pc_read_get_shares(r, row, VEST_SHARES, &shares);
    static const char *const statuses[] = {"unvested", "vested", "forfeited"};
    int status = pc_read_get_choice(r, row, VEST_STATUS, statuses, 3);

    /* SPEC section 2: vested on status_date (default the vest date),
     * forfeited on status_date (required). */
    pc_date status_date = PC_DATE_NONE;
    int status_cell = VEST_STATUS_DATE;
    if (pc_read_has(row, VEST_STATUS_DATE)) {
        if (pc_read_get_date(r, row, VEST_STATUS_DATE, &status_date)) {
            if (a && a->grant_date != PC_DATE_NONE && status_date < a->grant_date) {
                pc_read_cell_error(r, row, VEST_STATUS_DATE, "before_grant",
                                   "status date %s is before the grant date %s of award '%s'",
                                   pc_read_date_text(status_date, buf),
                                   pc_read_date_text(a->grant_date, buf2),
                                   pc_read_show(&r->rd, a->id));
                ok = false;
            }
            if (status == PC_TRANCHE_UNVESTED)
                pc_read_cell_warning(r, row, VEST_STATUS_DATE, "ignored_value",
                                     "'%s' is ignored: an unvested tranche has no status date",
                                     pc_read_show(&r->rd, pc_read_val(row, VEST_STATUS_DATE)));
        } else {
            ok = false;
        }
    } else if (status == PC_TRANCHE_VESTED) {
        status_date = vest;
        status_cell = VEST_STATUS;
    } else if (status == PC_TRANCHE_FORFEITED) {
        ok &=
            pc_read_need(r, row, VEST_STATUS_DATE,
                         " for a forfeited tranche: the date it was cancelled or its condition was "
                         "determined to have failed");
    }
    /* The status is as of the last covered fiscal year end: a tranche that
     * vests or is forfeited later is still unvested then. */
    if ((status == PC_TRANCHE_VESTED || status == PC_TRANCHE_FORFEITED) &&
        status_date != PC_DATE_NONE && pc_read_years_known(r) && pc_read_calendar_known(r)) {
        pc_date last_end =
            pc_fiscal_year_end(ds->config.fiscal_year_end, ds->config.years[ds->config.nyears - 1]);
        if (status_date > last_end) {
            pc_read_cell_error(
                r, row, status_cell, "status_after_year_end",
                "the tranche is %s on %s, after the last covered fiscal year end %s; "
                "the status is as of that year end, so it is unvested",
                statuses[status], pc_read_date_text(status_date, buf),
                pc_read_date_text(last_end, buf2));
            ok = false;
        }
    }
    if (!have_award)
        return;
    if (!have_number || !shares_ok || !ok || status < 0) {
        /* The award's tranche total cannot be checked without this row. */
        r->award_unsure.items[award] = true;
        return;
    }
    pc_tranche *t = pc_read_push(r, PC_ARRAY_PUSH(&ds->tranches));
    if (!t)
        return;
    t->award = award;
    t->number = number;
    t->vest_date = vest;
    t->shares = shares;
    t->status = (pc_tranche_status)status;
    t->status_date = status_date;
    t->line = row->line;
}

static void tranche_duplicate(reader *r, size_t index, int first_line)
{
    const pc_tranche *t = &r->ds->tranches.items[index];
    r->award_unsure.items[t->award] = true;
    pc_read_file_error(r, PC_FILE_VESTING, t->line, "tranche", "duplicate",
                       "duplicate tranche %d of award '%s' (first at line %d)", t->number,
                       pc_read_show(&r->rd, r->ds->awards.items[t->award].id), first_line);
}

/* Tranches of each award: no duplicates, at least one, and shares adding up
 * to the award's (SPEC section 2). Needs the tranches indexed. */
void pc_read_check_tranches(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->tranches.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_tranche *t = &ds->tranches.items[i];
        keys[i] = (dup_key){NULL, (int64_t)t->award, t->number, 0, i, t->line};
    }
    pc_read_report_duplicates(r, keys, n, tranche_duplicate);
    for (size_t a = 0; a < ds->awards.count; a++) {
        const pc_award *aw = &ds->awards.items[a];
        if (r->award_unsure.items[a])
            continue;
        if (aw->ntranches == 0) {
            pc_read_file_error(r, PC_FILE_AWARDS, aw->line, "award_id", "no_tranches",
                               "award '%s' has no tranches in vesting.csv",
                               pc_read_show(&r->rd, aw->id));
            continue;
        }
        int64_t sum = 0;
        for (size_t t = aw->first_tranche; t < aw->first_tranche + aw->ntranches; t++) {
            int64_t shares = ds->tranches.items[t].shares; /* > 0 */
            sum = sum > INT64_MAX - shares ? INT64_MAX : sum + shares;
        }
        if (sum != aw->shares)
            pc_read_file_error(
                r, PC_FILE_AWARDS, aw->line, "shares", "tranche_shares",
                "award '%s' has %lld shares but its tranches in vesting.csv add up to "
                "%lld",
                pc_read_show(&r->rd, aw->id), (long long)aw->shares, (long long)sum);
    }
}

/* ---- exercises.csv ------------------------------------------------------- */

enum { EXERCISE_AWARD, EXERCISE_DATE, EXERCISE_SHARES };

/* An exercise of an option or SAR (SPEC section 12). Whether the award is
 * an option (its type may itself be wrong), whether that many options were
 * vested and not yet exercised on the date and whether the award had
 * expired need the whole ledger: the equity tables check them
 * (calc/engine/equity_tables.c). */
void pc_read_exercises_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_dataset *ds = r->ds;
    size_t award = 0;
    bool ok = pc_read_get_award(r, row, EXERCISE_AWARD, &award);
    const pc_award *a = ok ? &ds->awards.items[award] : NULL;
    pc_date date = PC_DATE_NONE;
    char buf[16], buf2[16];
    if (!pc_read_get_date(r, row, EXERCISE_DATE, &date)) {
        ok = false;
    } else if (a && a->grant_date != PC_DATE_NONE && date < a->grant_date) {
        pc_read_cell_error(r, row, EXERCISE_DATE, "before_grant",
                           "exercise date %s is before the grant date %s of award '%s'",
                           pc_read_date_text(date, buf), pc_read_date_text(a->grant_date, buf2),
                           pc_read_show(&r->rd, a->id));
        ok = false;
    }
    int64_t shares = 0;
    ok &= pc_read_get_shares(r, row, EXERCISE_SHARES, &shares);
    if (!ok)
        return;
    pc_exercise *e = pc_read_push(r, PC_ARRAY_PUSH(&ds->exercises));
    if (!e)
        return;
    e->award = award;
    e->date = date;
    e->shares = shares;
    e->line = row->line;
}
