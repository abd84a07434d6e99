/*
 * report.json's equity award tables (SPEC sections 9 and 12):
 * `outstanding_equity_awards`, `exercises_and_vesting` and
 * `plan_based_awards`, one object per person, award and year, streamed like
 * the other per-row tables. Shares are integers, money and prices exact
 * decimals; a column that does not apply to the award (an exercise price for
 * stock, a threshold nobody set) is null rather than 0, so a reader can tell
 * "none" from "not applicable".
 */
#include "equity.h"

#include "paycalc/model.h"

static void row_start(pc_jw *w, const pc_dataset *ds, int year, size_t person, size_t award)
{
    pc_jw_element(w);
    pc_jw_open(w, '{');
    pc_jw_key(w, "year");
    pc_jw_integer(w, year);
    pc_jw_key(w, "person_id");
    pc_jw_string(w, ds->people.items[person].id);
    pc_jw_key(w, "award_id");
    pc_jw_string(w, ds->awards.items[award].id);
}

static void shares(pc_jw *w, const char *key, int64_t n)
{
    pc_jw_key(w, key);
    pc_jw_integer(w, (long long)n);
}

static void shares_or_null(pc_jw *w, const char *key, bool given, int64_t n)
{
    pc_jw_key(w, key);
    if (given)
        pc_jw_integer(w, (long long)n);
    else
        pc_jw_raw(w, "null", 4);
}

static void money(pc_jw *w, const char *key, int64_t cents)
{
    pc_jw_key(w, key);
    pc_jw_money(w, cents);
}

static void price_or_null(pc_jw *w, const char *key, int64_t micro, bool given)
{
    pc_jw_key(w, key);
    if (given)
        pc_jw_micro(w, micro);
    else
        pc_jw_raw(w, "null", 4);
}

void pc_json_equity_oea(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < t->oea.count && pc_jw_ok(w); i++) {
        const pc_oea_row *r = &t->oea.items[i];
        bool option = r->expiration_date != PC_DATE_NONE;
        row_start(w, ds, r->year, r->person, r->award);
        shares(w, "options_exercisable", r->options_exercisable);
        shares(w, "options_unexercisable", r->options_unexercisable);
        shares(w, "options_unearned", r->options_unearned);
        price_or_null(w, "exercise_price", r->exercise_price_micro, option);
        pc_jw_key(w, "expiration_date");
        pc_jw_date(w, r->expiration_date);
        shares(w, "stock_unvested", r->stock_unvested);
        money(w, "stock_unvested_value", r->stock_unvested_value);
        shares(w, "stock_unearned", r->stock_unearned);
        money(w, "stock_unearned_value", r->stock_unearned_value);
        price_or_null(w, "close", r->close_micro, r->close_date != PC_DATE_NONE);
        pc_jw_key(w, "close_date");
        pc_jw_date(w, r->close_date);
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

void pc_json_equity_oesv(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < t->oesv.count && pc_jw_ok(w); i++) {
        const pc_oesv_row *r = &t->oesv.items[i];
        row_start(w, ds, r->year, r->person, r->award);
        shares(w, "options_exercised", r->options_exercised);
        money(w, "exercise_value", r->exercise_value);
        shares(w, "stock_vested", r->stock_vested);
        money(w, "vesting_value", r->vesting_value);
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}

void pc_json_equity_gpba(pc_jw *w, const pc_dataset *ds, const pc_equity_tables *t)
{
    pc_jw_open(w, '[');
    for (size_t i = 0; i < t->gpba.count && pc_jw_ok(w); i++) {
        const pc_gpba_row *r = &t->gpba.items[i];
        const pc_award *a = &ds->awards.items[r->award];
        bool option = a->type != PC_AWARD_STOCK;
        row_start(w, ds, r->year, r->person, r->award);
        pc_jw_key(w, "grant_date");
        pc_jw_date(w, r->grant_date);
        shares_or_null(w, "threshold_shares", r->has_threshold, r->threshold_shares);
        shares_or_null(w, "target_shares", r->incentive_plan, r->target_shares);
        shares_or_null(w, "maximum_shares", r->has_maximum, r->maximum_shares);
        shares(w, "other_stock_shares", r->other_stock_shares);
        shares(w, "other_option_shares", r->other_option_shares);
        price_or_null(w, "exercise_price", r->exercise_price_micro, option);
        money(w, "grant_date_fair_value", r->grant_date_fair_value);
        pc_jw_close(w, '}');
    }
    pc_jw_close(w, ']');
}
