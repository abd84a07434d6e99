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
#include "paycalc/schedule.h"
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
    AWARDS_MAXIMUM,
    AWARDS_SCHEDULE,
    AWARDS_RETIREMENT_VESTING
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

/* A schedule's problem, quoting the pattern and the word at fault. */
static void schedule_error(reader *r, const pc_read_row *row, const pc_schedule_error *err)
{
    const char *text = pc_read_val(row, AWARDS_SCHEDULE);
    char *quoted = pc_read_dup_text(r, pc_read_show(&r->rd, text));
    char *word = malloc(err->len + 1);
    if (!word || !quoted) {
        r->rd.nomem = true;
    } else {
        memcpy(word, text + err->at, err->len);
        word[err->len] = '\0';
        /* 'then' and 'from' name themselves in the problem's words. */
        if (err->problem == PC_SCHEDULE_MISSING_STEP || err->problem == PC_SCHEDULE_MISSING_DATE ||
            err->len == 0)
            pc_read_cell_error(r, row, AWARDS_SCHEDULE, "bad_schedule", "'%s': %s", quoted,
                               pc_schedule_problem_text(err->problem));
        else
            pc_read_cell_error(r, row, AWARDS_SCHEDULE, "bad_schedule", "'%s': '%s' %s", quoted,
                               pc_read_show(&r->rd, word), pc_schedule_problem_text(err->problem));
    }
    free(word);
    free(quoted);
}

/* Whether the award's schedule is well formed and fits its grant date and
 * shares (SPEC section 13); every problem is reported at the cell. */
static bool check_schedule(reader *r, const pc_read_row *row, pc_date grant, int64_t shares)
{
    const char *text = pc_read_val(row, AWARDS_SCHEDULE);
    pc_schedule s;
    pc_schedule_error err;
    if (pc_schedule_parse(text, &s, &err) != PC_OK) {
        schedule_error(r, row, &err);
        return false;
    }
    if (grant == PC_DATE_NONE || shares <= 0)
        return false; /* the grant date or shares are wrong: reported already */
    int tranche = 0;
    char buf[16], buf2[16];
    const char *shown = pc_read_show(&r->rd, text);
    switch (pc_schedule_check(&s, grant, shares, &tranche)) {
    case PC_SCHEDULE_FITS:
        break;
    case PC_SCHEDULE_BEFORE_GRANT:
        pc_read_cell_error(r, row, AWARDS_SCHEDULE, "schedule_does_not_fit",
                           "'%s': the first vest date %s is before the grant date %s", shown,
                           pc_read_date_text(s.from, buf), pc_read_date_text(grant, buf2));
        return false;
    case PC_SCHEDULE_TOO_FEW_SHARES:
        pc_read_cell_error(r, row, AWARDS_SCHEDULE, "schedule_does_not_fit",
                           "'%s' has %d instalments but the award has only %lld shares", shown,
                           s.instalments, (long long)shares);
        return false;
    case PC_SCHEDULE_EMPTY_TRANCHE:
        pc_read_cell_error(r, row, AWARDS_SCHEDULE, "schedule_does_not_fit",
                           "'%s' leaves instalment %d of %d without a share when %lld shares are "
                           "split by months: list the tranches in vesting.csv instead",
                           shown, tranche, s.instalments, (long long)shares);
        return false;
    case PC_SCHEDULE_PAST_CALENDAR:
        pc_read_cell_error(r, row, AWARDS_SCHEDULE, "schedule_does_not_fit",
                           "'%s' vests after the last year paycalc accepts (%d)", shown,
                           PC_YEAR_MAX);
        return false;
    }
    r->scheduled_tranches += s.instalments;
    if (r->scheduled_tranches > PC_LIMIT_ROWS) {
        pc_read_cell_error(r, row, AWARDS_SCHEDULE, "limit",
                           "'%s': the schedules lay out more than %ld tranches in all", shown,
                           PC_LIMIT_ROWS);
        return false;
    }
    return true;
}

/* An option's or SAR's exercise price and expiration date (required); for
 * stock they are ignored with a warning. Outputs stay 0 / PC_DATE_NONE when
 * absent or wrong (reported). */
static void read_exercise_terms(reader *r, const pc_read_row *row, int type, pc_date grant,
                                int64_t *strike, pc_date *expiration)
{
    *strike = 0;
    *expiration = PC_DATE_NONE;
    if (type == PC_AWARD_OPTION || type == PC_AWARD_SAR) {
        const char *why = " for an option or SAR";
        if (pc_read_need(r, row, AWARDS_EXERCISE_PRICE, why))
            pc_read_get_price(r, row, AWARDS_EXERCISE_PRICE, "exercise price", 0, true, strike);
        if (pc_read_need(r, row, AWARDS_EXPIRATION, why) &&
            pc_read_get_date(r, row, AWARDS_EXPIRATION, expiration) && grant != PC_DATE_NONE &&
            *expiration <= grant) {
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
}

/* A yes/no column: `absent` when blank, else whether it says yes. */
static bool yes_no(reader *r, const pc_read_row *row, int c, bool absent)
{
    static const char *const words[] = {"yes", "no"};
    if (!pc_read_has(row, c))
        return absent;
    int k = pc_read_get_choice(r, row, c, words, 2);
    return k < 0 ? absent : k == 0;
}

/* The terms of an award row into `a` (all but its id and schedule text);
 * false when its shares or its schedule are wrong, so its tranches cannot
 * be checked against it. */
static bool award_terms(reader *r, const pc_read_row *row, pc_award *a)
{
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
    a->person = person;
    a->type = type >= 0 ? (pc_award_type)type : PC_AWARD_STOCK;
    a->condition = condition >= 0 ? (pc_condition)condition : PC_CONDITION_SERVICE;
    a->grant_date = grant;
    a->shares = shares;
    read_exercise_terms(r, row, type, grant, &a->exercise_price_micro, &a->expiration_date);
    a->has_grant_fv =
        pc_read_has(row, AWARDS_GRANT_FV) &&
        pc_read_get_price(r, row, AWARDS_GRANT_FV, "fair value", 0, false, &a->grant_fv_micro);
    /* The holder receives dividends on unvested shares unless it says no. */
    a->dividend_rights = yes_no(r, row, AWARDS_DIVIDEND_RIGHTS, true);
    a->retirement_vesting = yes_no(r, row, AWARDS_RETIREMENT_VESTING, false);
    bool has_schedule = pc_read_has(row, AWARDS_SCHEDULE);
    bool schedule_ok = !has_schedule || check_schedule(r, row, grant, shares_ok ? shares : 0);
    a->has_threshold =
        award_level(r, row, AWARDS_THRESHOLD, condition, shares, shares_ok, &a->threshold_shares);
    a->has_maximum =
        award_level(r, row, AWARDS_MAXIMUM, condition, shares, shares_ok, &a->maximum_shares);
    a->line = row->line;
    return shares_ok && schedule_ok;
}

void pc_read_awards_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    /* An award with an id is kept even when other values are wrong, so its
     * tranches and outcomes do not raise "unknown award" on top. */
    if (!pc_read_need(r, row, AWARDS_ID, NULL))
        return;
    pc_award terms = {0};
    bool sure = award_terms(r, row, &terms);

    /* award_unsure runs parallel to the awards. */
    bool *unsure = pc_read_push(r, PC_ARRAY_PUSH(&r->award_unsure));
    if (!unsure)
        return;
    pc_award *a = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->awards));
    if (!a) {
        r->award_unsure.count--;
        return;
    }
    *a = terms;
    a->id = pc_read_dup_text(r, pc_read_val(row, AWARDS_ID));
    bool has_schedule = pc_read_has(row, AWARDS_SCHEDULE);
    a->schedule = has_schedule ? pc_read_dup_text(r, pc_read_val(row, AWARDS_SCHEDULE)) : NULL;
    /* A schedule that is wrong lays out no tranches: its award is not
     * checked for them either. */
    *unsure = !sure;
    if (!has_schedule && !r->unscheduled_line)
        r->unscheduled_line = row->line;
    if (a->condition == PC_CONDITION_PERFORMANCE && !r->performance_line) {
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

/* The status is as of the last covered fiscal year end: a tranche vested or
 * forfeited after it is an error (it is still unvested then), and one still
 * unvested though due on or before it is the warning past_due_unvested
 * (tranche `number`, 0 when unknown: no warning). False on the error. */
static bool check_status_at_year_end(reader *r, const pc_read_row *row, int status,
                                     pc_date status_date, int status_cell, pc_date vest, int number)
{
    if (!pc_read_years_known(r) || !pc_read_calendar_known(r))
        return true;
    const pc_config *c = &r->ds->config;
    pc_date last_end = pc_fiscal_year_end(c->fiscal_year_end, c->years[c->nyears - 1]);
    char buf[16], buf2[16];
    if ((status == PC_TRANCHE_VESTED || status == PC_TRANCHE_FORFEITED) &&
        status_date != PC_DATE_NONE && status_date > last_end) {
        pc_read_cell_error(r, row, status_cell, "status_after_year_end",
                           "the tranche is %s on %s, after the last covered fiscal year end %s; "
                           "the status is as of that year end, so it is unvested",
                           status == PC_TRANCHE_VESTED ? "vested" : "forfeited",
                           pc_read_date_text(status_date, buf), pc_read_date_text(last_end, buf2));
        return false;
    }
    if (status == PC_TRANCHE_UNVESTED && number > 0 && vest <= last_end)
        pc_read_cell_warning(r, row, VEST_STATUS, "past_due_unvested",
                             "tranche %d of award '%s' was due to vest on %s, on or before the "
                             "last covered fiscal year end %s, but is still unvested: mark it "
                             "vested (or forfeited, with the date) or correct its vest date",
                             number, pc_read_show(&r->rd, pc_read_val(row, VEST_AWARD)),
                             pc_read_date_text(vest, buf), pc_read_date_text(last_end, buf2));
    return true;
}

/* The status date of a vesting.csv row (SPEC section 2: vested on
 * status_date, default the vest date; forfeited on status_date, required)
 * and the cell it comes from; false when it is wrong (reported). */
static bool status_date_of(reader *r, const pc_read_row *row, const pc_award *a, int status,
                           pc_date vest, pc_date *status_date, int *status_cell)
{
    char buf[16], buf2[16];
    bool ok = true;
    *status_date = PC_DATE_NONE;
    *status_cell = VEST_STATUS_DATE;
    if (pc_read_has(row, VEST_STATUS_DATE)) {
        if (!pc_read_get_date(r, row, VEST_STATUS_DATE, status_date))
            return false;
        if (a && a->grant_date != PC_DATE_NONE && *status_date < a->grant_date) {
            pc_read_cell_error(r, row, VEST_STATUS_DATE, "before_grant",
                               "status date %s is before the grant date %s of award '%s'",
                               pc_read_date_text(*status_date, buf),
                               pc_read_date_text(a->grant_date, buf2), pc_read_show(&r->rd, a->id));
            ok = false;
        }
        if (status == PC_TRANCHE_UNVESTED)
            pc_read_cell_warning(r, row, VEST_STATUS_DATE, "ignored_value",
                                 "'%s' is ignored: an unvested tranche has no status date",
                                 pc_read_show(&r->rd, pc_read_val(row, VEST_STATUS_DATE)));
    } else if (status == PC_TRANCHE_VESTED) {
        *status_date = vest;
        *status_cell = VEST_STATUS;
    } else if (status == PC_TRANCHE_FORFEITED) {
        ok = pc_read_need(r, row, VEST_STATUS_DATE,
                          " for a forfeited tranche: the date it was cancelled or its condition "
                          "was determined to have failed");
    }
    return ok;
}

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

    pc_date status_date = PC_DATE_NONE;
    int status_cell = VEST_STATUS_DATE;
    if (!status_date_of(r, row, a, status, vest, &status_date, &status_cell))
        ok = false;
    bool in_time = check_status_at_year_end(r, row, status, status_date, status_cell, vest,
                                            ok && have_number ? number : 0);
    ok = ok && in_time;
    if (!have_award)
        return;
    if (a->schedule) {
        /* SPEC section 13: the tranches come from the schedule or from
         * vesting.csv, never from both. */
        pc_read_cell_error(r, row, VEST_AWARD, "schedule_and_vesting",
                           "award '%s' has a schedule in awards.csv (line %d), which gives its "
                           "tranches: list them in one place only",
                           pc_read_show(&r->rd, a->id), a->line);
        return;
    }
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
