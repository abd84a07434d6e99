/*
 * The award ledger written the short way (SPEC section 13): separations.csv,
 * modifications.csv (new terms of an award on a date, ASC 718-20-35-3),
 * and the tranches of every award with a `schedule`, laid out by the
 * pattern's rules (schedule.h) with statuses derived from their dates as of
 * the last covered fiscal year end and from the separations.
 *
 * Each laid-out tranche is exactly what a vesting.csv row would have given
 * (numbered 1, 2, ... in date order; its line is the award's awards.csv
 * line), so every later stage reads the two forms alike.
 */
#include <stdlib.h>
#include <string.h>

#include "paycalc/ledger.h"
#include "paycalc/schedule.h"
#include "read_set.h"

/* ---- separations.csv --------------------------------------------------------- */

enum { SEP_PERSON, SEP_DATE, SEP_UNVESTED, SEP_AWARD, SEP_WINDOW };

/* The post-termination exercise window (SPEC section 13): `90d` (days),
 * `12m` (months: the same day of the month, or the month's last day), or
 * the date itself; at most 100 years. The last day the vested options can
 * be exercised goes to *end. */
static bool get_window(reader *r, const pc_read_row *row, pc_date separated, pc_date *end)
{
    const char *v = pc_read_val(row, SEP_WINDOW);
    size_t n = strlen(v);
    if (n >= 2 && (v[n - 1] == 'd' || v[n - 1] == 'm' || v[n - 1] == 'D' || v[n - 1] == 'M')) {
        long count = 0;
        bool digits = n <= 6;
        for (size_t i = 0; digits && i + 1 < n; i++) {
            digits = v[i] >= '0' && v[i] <= '9';
            count = count * 10 + (v[i] - '0');
        }
        bool days = v[n - 1] == 'd' || v[n - 1] == 'D';
        if (digits && count <= (days ? 36500 : 1200)) {
            if (separated == PC_DATE_NONE)
                return false; /* the date's error is reported */
            *end = days ? separated + (pc_date)count : pc_date_add_months(separated, (int)count);
            return true;
        }
    } else if (pc_date_parse(v, end) == PC_OK) {
        if (separated == PC_DATE_NONE || *end >= separated)
            return separated != PC_DATE_NONE;
        char a[16], b[16];
        pc_read_cell_error(r, row, SEP_WINDOW, "window_before_separation",
                           "exercise_window: %s is before the separation date %s",
                           pc_read_date_text(*end, a), pc_read_date_text(separated, b));
        return false;
    }
    pc_read_cell_error(r, row, SEP_WINDOW, "bad_window",
                       "exercise_window: invalid exercise window '%s': write days (90d), months "
                       "(12m, at most 1200) or the last day (YYYY-MM-DD)",
                       pc_read_show(&r->rd, v));
    return false;
}

void pc_read_separations_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    size_t person = 0;
    bool ok = pc_read_get_person(r, row, SEP_PERSON, &person);
    pc_date date = PC_DATE_NONE;
    ok &= pc_read_get_date(r, row, SEP_DATE, &date);
    static const char *const kinds[] = {"forfeit", "accelerate", "continue"};
    int kind = pc_read_get_choice(r, row, SEP_UNVESTED, kinds, 3);
    ok &= kind >= 0;
    size_t award = 0;
    bool has_award = pc_read_has(row, SEP_AWARD);
    if (has_award && pc_read_get_award(r, row, SEP_AWARD, &award)) {
        const pc_award *a = &r->ds->awards.items[award];
        char buf[16], buf2[16];
        /* When people.csv lost rows, the awards' holders are not known. */
        if (ok && a->person != person && !r->people_failed) {
            pc_read_cell_error(r, row, SEP_AWARD, "wrong_person",
                               "award '%s' is held by '%s', not by '%s'",
                               pc_read_show(&r->rd, a->id),
                               pc_read_show(&r->rd, r->ds->people.items[a->person].id),
                               pc_read_show(&r->rd, pc_read_val(row, SEP_PERSON)));
            ok = false;
        } else if (ok && a->grant_date != PC_DATE_NONE && date < a->grant_date) {
            pc_read_cell_error(r, row, SEP_DATE, "before_grant",
                               "separation date %s is before the grant date %s of award '%s'",
                               pc_read_date_text(date, buf), pc_read_date_text(a->grant_date, buf2),
                               pc_read_show(&r->rd, a->id));
            ok = false;
        }
    } else if (has_award) {
        ok = false; /* reported */
    }
    pc_date window_end = PC_DATE_NONE;
    bool has_window = pc_read_has(row, SEP_WINDOW);
    if (has_window && !get_window(r, row, date, &window_end))
        ok = false;
    if (!ok)
        return;
    pc_separation *s = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->separations));
    if (!s)
        return;
    s->person = person;
    s->date = date;
    s->unvested = (pc_separation_kind)kind;
    s->has_award = has_award;
    s->award = award;
    s->has_window = has_window;
    s->window_end = window_end;
    s->line = row->line;
}

static void separation_duplicate(reader *r, size_t index, int first_line)
{
    const pc_separation *s = &r->ds->separations.items[index];
    if (s->has_award)
        pc_read_file_error(r, PC_FILE_SEPARATIONS, s->line, "award_id", "duplicate",
                           "a second separation for award '%s' (first at line %d)",
                           pc_read_show(&r->rd, r->ds->awards.items[s->award].id), first_line);
    else
        pc_read_file_error(r, PC_FILE_SEPARATIONS, s->line, "person_id", "duplicate",
                           "a second separation for '%s' (first at line %d): a row per award "
                           "says what happens to each",
                           pc_read_show(&r->rd, r->ds->people.items[s->person].id), first_line);
}

void pc_read_check_separations(reader *r)
{
    size_t n = r->ds->separations.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_separation *s = &r->ds->separations.items[i];
        /* One row per person without an award, one per award. */
        int64_t which = s->has_award ? (int64_t)s->award + 1 : 0;
        keys[i] = (dup_key){NULL, (int64_t)s->person, which, 0, i, s->line};
    }
    pc_read_report_duplicates(r, keys, n, separation_duplicate);
}

/* ---- tranches laid out from schedules ------------------------------------------ */

/* The separation that applies to an award: its own row, else its holder's
 * (a person's row only to awards granted by its date). Rows after the last
 * covered fiscal year end have not happened yet as of that year end. NULL
 * when none applies. */
static const pc_separation *separation_of(const pc_dataset *ds, const size_t *by_award,
                                          const size_t *by_person, size_t award, pc_date last_end)
{
    const pc_award *a = &ds->awards.items[award];
    size_t i = by_award[award];
    if (!i && a->person < ds->people.count)
        i = by_person[a->person];
    if (!i)
        return NULL;
    const pc_separation *s = &ds->separations.items[i - 1];
    if (s->date > last_end || s->date < a->grant_date)
        return NULL;
    return s;
}

/* The status of a laid-out tranche vesting on `vest` (SPEC section 13):
 * vested on its date when that is on or before the last fiscal year end,
 * unless a separation on an earlier date says otherwise. */
static void derive_status(const pc_award *a, const pc_separation *s, pc_date last_end,
                          pc_tranche *t)
{
    t->status = PC_TRANCHE_UNVESTED;
    t->status_date = PC_DATE_NONE;
    if (s && t->vest_date > s->date) {
        switch (s->unvested) {
        case PC_SEPARATION_FORFEIT:
            t->status = PC_TRANCHE_FORFEITED;
            t->status_date = s->date;
            return;
        case PC_SEPARATION_ACCELERATE:
            t->status = PC_TRANCHE_VESTED;
            t->status_date = s->date;
            return;
        case PC_SEPARATION_CONTINUE:
            /* No service is required any more: for CAP the tranche is
             * vested now (C&DI 128D.18), unless a performance or market
             * condition still has to be met. */
            if (a->condition == PC_CONDITION_SERVICE) {
                t->cap_vested_early = true;
                t->cap_vested_on = s->date;
            }
            break;
        }
    }
    if (t->vest_date <= last_end) {
        t->status = PC_TRANCHE_VESTED;
        t->status_date = t->vest_date;
    }
}

/* The last covered fiscal year end, or the latest date when the
 * configuration could not say (nothing is then vested). */
static pc_date last_year_end(const reader *r)
{
    if (!pc_read_years_known(r) || !pc_read_calendar_known(r))
        return PC_DATE_NONE;
    const pc_config *c = &r->ds->config;
    return pc_fiscal_year_end(c->fiscal_year_end, c->years[c->nyears - 1]);
}

static void lay_out_award(reader *r, size_t award, const pc_separation *s, pc_date last_end)
{
    pc_dataset *ds = r->ds;
    const pc_award *a = &ds->awards.items[award];
    pc_schedule sched;
    pc_schedule_error err;
    int at = 0;
    /* Checked when awards.csv was read; a schedule found wrong then was
     * reported and marked unsure. */
    if (pc_schedule_parse(a->schedule, &sched, &err) != PC_OK ||
        pc_schedule_check(&sched, a->grant_date, a->shares, &at) != PC_SCHEDULE_FITS)
        return;
    for (int k = 1; k <= sched.instalments; k++) {
        pc_tranche *t = pc_read_push(r, PC_ARRAY_PUSH(&ds->tranches));
        if (!t)
            return;
        a = &ds->awards.items[award];
        t->award = award;
        t->number = k;
        pc_schedule_instalment(&sched, a->grant_date, a->shares, k, &t->vest_date, &t->shares);
        t->scheduled = true;
        t->line = a->line;
        t->cap_vested_on = PC_DATE_NONE;
        derive_status(a, s, last_end, t);
    }
}

void pc_read_lay_out_schedules(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t na = ds->awards.count, np = ds->people.count;
    /* Index + 1 of each award's and each person's separation row. */
    size_t *by_award = calloc(na + 1, sizeof *by_award);
    size_t *by_person = calloc(np + 1, sizeof *by_person);
    if (!by_award || !by_person) {
        r->rd.nomem = true;
        goto done;
    }
    for (size_t i = 0; i < ds->separations.count; i++) {
        const pc_separation *s = &ds->separations.items[i];
        size_t *slot = s->has_award ? &by_award[s->award] : &by_person[s->person];
        if (!*slot) /* a duplicate is reported; the first row counts */
            *slot = i + 1;
    }
    pc_date last_end = last_year_end(r);
    /* A separation's exercise window ends the vested options and SARs of
     * the awards it covers, whether their tranches are laid out here or
     * listed in vesting.csv. */
    for (size_t a = 0; a < na; a++) {
        pc_award *aw = &ds->awards.items[a];
        if (aw->type == PC_AWARD_STOCK || aw->grant_date == PC_DATE_NONE)
            continue;
        const pc_separation *s = separation_of(ds, by_award, by_person, a, last_end);
        if (s && s->has_window) {
            aw->has_window_end = true;
            aw->window_end = s->window_end;
            aw->separated_on = s->date;
        }
    }
    for (size_t a = 0; a < na && !pc_read_halted(&r->rd); a++) {
        const pc_award *aw = &ds->awards.items[a];
        if (!aw->schedule || r->award_unsure.items[a] || aw->grant_date == PC_DATE_NONE)
            continue;
        lay_out_award(r, a, separation_of(ds, by_award, by_person, a, last_end), last_end);
    }
done:
    free(by_award);
    free(by_person);
}

/* ---- modifications.csv ------------------------------------------------------ */

enum { MOD_AWARD, MOD_DATE, MOD_PRICE, MOD_VESTING, MOD_SHARES };

/* A change of an award's terms (ASC 718-20-35-3): on a date inside the
 * award's life (after its grant, not after an option's expiration), at
 * least one new term, an exercise price only for options and SARs, new
 * vesting dates no earlier than the modification. */
void pc_read_modifications_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    pc_dataset *ds = r->ds;
    size_t award = 0;
    bool ok = pc_read_get_award(r, row, MOD_AWARD, &award);
    /* Awards whose rows were wrong are not checked against. */
    const pc_award *a = ok && !r->awards_erred ? &ds->awards.items[award] : NULL;
    pc_date date = PC_DATE_NONE;
    char buf[16], buf2[16];
    if (!pc_read_get_date(r, row, MOD_DATE, &date)) {
        ok = false;
    } else if (a && a->grant_date != PC_DATE_NONE && date <= a->grant_date) {
        pc_read_cell_error(r, row, MOD_DATE, "outside_award_life",
                           "%s is not after the grant date %s of award '%s': a change on "
                           "the grant date is part of the grant",
                           pc_read_date_text(date, buf), pc_read_date_text(a->grant_date, buf2),
                           pc_read_show(&r->rd, a->id));
        ok = false;
    } else if (a && a->type != PC_AWARD_STOCK && a->expiration_date != PC_DATE_NONE &&
               date > a->expiration_date) {
        pc_read_cell_error(r, row, MOD_DATE, "outside_award_life",
                           "%s is after award '%s' expired on %s", pc_read_date_text(date, buf),
                           pc_read_show(&r->rd, a->id),
                           pc_read_date_text(a->expiration_date, buf2));
        ok = false;
    }
    pc_modification m = {.award = award, .date = date, .line = row->line};
    if (pc_read_has(row, MOD_PRICE)) {
        if (a && a->type == PC_AWARD_STOCK) {
            pc_read_cell_error(r, row, MOD_PRICE, "price_of_stock",
                               "award '%s' is stock, which has no exercise price",
                               pc_read_show(&r->rd, a->id));
            ok = false;
        } else if (pc_read_get_price(r, row, MOD_PRICE, "exercise price", 0, true,
                                     &m.exercise_price_micro)) {
            m.has_exercise_price = true;
        } else {
            ok = false;
        }
    }
    if (pc_read_has(row, MOD_VESTING)) {
        const char *v = pc_read_val(row, MOD_VESTING);
        if (strcmp(v, "accelerate") == 0 || strcmp(v, "ACCELERATE") == 0) {
            m.vesting = PC_MODIFIED_VESTING_ACCELERATE;
        } else if (pc_date_parse(v, &m.vest_date) == PC_OK) {
            m.vesting = PC_MODIFIED_VESTING_DATE;
            if (date != PC_DATE_NONE && m.vest_date < date) {
                pc_read_cell_error(r, row, MOD_VESTING, "vesting_before_modification",
                                   "the new vesting date %s is before the modification "
                                   "on %s",
                                   pc_read_date_text(m.vest_date, buf),
                                   pc_read_date_text(date, buf2));
                ok = false;
            }
        } else {
            pc_read_cell_error(r, row, MOD_VESTING, "bad_vesting",
                               "invalid vesting '%s': write 'accelerate' (the unvested "
                               "tranches vest on the modification date) or the new vesting date "
                               "(YYYY-MM-DD)",
                               pc_read_show(&r->rd, v));
            ok = false;
        }
    }
    if (pc_read_has(row, MOD_SHARES)) {
        if (pc_read_get_shares(r, row, MOD_SHARES, &m.shares))
            m.has_shares = true;
        else
            ok = false;
    }
    if (ok && !m.has_exercise_price && !m.has_shares && m.vesting == PC_MODIFIED_VESTING_NONE) {
        pc_read_cell_error(r, row, MOD_AWARD, "no_new_terms",
                           "the modification of '%s' on %s gives no new term: fill "
                           "exercise_price, vesting or shares",
                           pc_read_show(&r->rd, pc_read_val(row, MOD_AWARD)),
                           pc_read_date_text(date, buf));
        ok = false;
    }
    if (!ok)
        return;
    pc_modification *slot = pc_read_push(r, PC_ARRAY_PUSH(&ds->modifications));
    if (slot)
        *slot = m;
}

static void modification_duplicate(reader *r, size_t index, int first_line)
{
    const pc_modification *m = &r->ds->modifications.items[index];
    pc_read_file_error(r, PC_FILE_MODIFICATIONS, m->line, "award_id", "duplicate",
                       "a second modification of award '%s' (first at line %d): paycalc takes "
                       "one modification per award; give the combined new terms in one row",
                       pc_read_show(&r->rd, r->ds->awards.items[m->award].id), first_line);
}

void pc_read_check_modifications(reader *r)
{
    size_t n = r->ds->modifications.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_modification *m = &r->ds->modifications.items[i];
        keys[i] = (dup_key){NULL, (int64_t)m->award, 0, 0, i, m->line};
    }
    pc_read_report_duplicates(r, keys, n, modification_duplicate);
}

/* New vesting dates (ASC 718-20-35-3; an acceleration on retirement is the
 * usual case): every tranche of the award still unvested just before the
 * modification vests on the new date, which is then its status as of the
 * last covered fiscal year end when it falls on or before it; a tranche
 * forfeited before the new date stays forfeited. The modification is the
 * record of the change, so it wins over a status in vesting.csv. Needs the
 * tranches indexed. */
void pc_read_apply_modifications(reader *r)
{
    pc_dataset *ds = r->ds;
    pc_date last_end = last_year_end(r);
    for (size_t i = 0; i < ds->modifications.count; i++) {
        const pc_modification *m = &ds->modifications.items[i];
        if (m->vesting == PC_MODIFIED_VESTING_NONE)
            continue;
        const pc_award *a = &ds->awards.items[m->award];
        pc_date on = m->vesting == PC_MODIFIED_VESTING_ACCELERATE ? m->date : m->vest_date;
        for (size_t k = a->first_tranche; k < a->first_tranche + a->ntranches; k++) {
            pc_tranche *t = &ds->tranches.items[k];
            pc_date f = pc_tranche_forfeited_on(t);
            if (!pc_unvested_at(a->grant_date, pc_tranche_vested_on(t), f, m->date - 1))
                continue;
            t->vest_modified = true;
            t->original_vest_date = t->vest_date;
            t->vest_date = on;
            if (f != PC_DATE_NONE && f < on)
                continue;
            if (on <= last_end) {
                t->status = PC_TRANCHE_VESTED;
                t->status_date = on;
            } else {
                t->status = PC_TRANCHE_UNVESTED;
                t->status_date = PC_DATE_NONE;
            }
        }
    }
}
