/*
 * The equity award tables as the report holds them (equity.h): their
 * lifetime, the names of their items and a person's total of an item, which
 * the readers (reported.csv), verify and the writers share.
 */
#include "paycalc/equity.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"

void pc_equity_tables_init(pc_equity_tables *tables)
{
    memset(tables, 0, sizeof *tables);
}

void pc_equity_tables_fini(pc_equity_tables *tables)
{
    if (!tables)
        return;
    free(tables->oea.items);
    free(tables->oesv.items);
    free(tables->nonequity.items);
    free(tables->gpba.items);
    free(tables->steps.items);
    memset(tables, 0, sizeof *tables);
}

const char *pc_equity_item_key(pc_equity_item item)
{
    switch (item) {
    case PC_EQ_OPTIONS_EXERCISABLE:
        return "options_exercisable";
    case PC_EQ_OPTIONS_UNEXERCISABLE:
        return "options_unexercisable";
    case PC_EQ_OPTIONS_UNEARNED:
        return "options_unearned";
    case PC_EQ_STOCK_UNVESTED:
        return "stock_unvested";
    case PC_EQ_STOCK_UNVESTED_VALUE:
        return "stock_unvested_value";
    case PC_EQ_STOCK_UNEARNED:
        return "stock_unearned";
    case PC_EQ_STOCK_UNEARNED_VALUE:
        return "stock_unearned_value";
    case PC_EQ_OPTIONS_EXERCISED:
        return "options_exercised";
    case PC_EQ_EXERCISE_VALUE:
        return "exercise_value";
    case PC_EQ_STOCK_VESTED:
        return "stock_vested";
    case PC_EQ_VESTING_VALUE:
        return "vesting_value";
    case PC_EQ_THRESHOLD_SHARES:
        return "threshold_shares";
    case PC_EQ_TARGET_SHARES:
        return "target_shares";
    case PC_EQ_MAXIMUM_SHARES:
        return "maximum_shares";
    case PC_EQ_OTHER_STOCK_SHARES:
        return "other_stock_shares";
    case PC_EQ_OTHER_OPTION_SHARES:
        return "other_option_shares";
    case PC_EQ_GRANT_DATE_FAIR_VALUE:
        return "grant_date_fair_value";
    case PC_EQ_NITEMS:
        break;
    }
    return "?";
}

pc_equity_item pc_equity_item_of(const char *key)
{
    for (int i = 0; i < PC_EQ_NITEMS; i++)
        if (strcmp(key, pc_equity_item_key((pc_equity_item)i)) == 0)
            return (pc_equity_item)i;
    return PC_EQ_NITEMS;
}

int pc_equity_item_table(pc_equity_item item)
{
    if (item <= PC_EQ_STOCK_UNEARNED_VALUE)
        return PC_REPORTED_OEA;
    if (item <= PC_EQ_VESTING_VALUE)
        return PC_REPORTED_OESV;
    return item < PC_EQ_NITEMS ? PC_REPORTED_GPBA : -1;
}

bool pc_equity_item_is_money(pc_equity_item item)
{
    return item == PC_EQ_STOCK_UNVESTED_VALUE || item == PC_EQ_STOCK_UNEARNED_VALUE ||
           item == PC_EQ_EXERCISE_VALUE || item == PC_EQ_VESTING_VALUE ||
           item == PC_EQ_GRANT_DATE_FAIR_VALUE;
}

static int64_t oea_item(const pc_oea_row *r, pc_equity_item item)
{
    switch (item) {
    case PC_EQ_OPTIONS_EXERCISABLE:
        return r->options_exercisable;
    case PC_EQ_OPTIONS_UNEXERCISABLE:
        return r->options_unexercisable;
    case PC_EQ_OPTIONS_UNEARNED:
        return r->options_unearned;
    case PC_EQ_STOCK_UNVESTED:
        return r->stock_unvested;
    case PC_EQ_STOCK_UNVESTED_VALUE:
        return r->stock_unvested_value;
    case PC_EQ_STOCK_UNEARNED:
        return r->stock_unearned;
    default:
        return r->stock_unearned_value;
    }
}

static int64_t oesv_item(const pc_oesv_row *r, pc_equity_item item)
{
    switch (item) {
    case PC_EQ_OPTIONS_EXERCISED:
        return r->options_exercised;
    case PC_EQ_EXERCISE_VALUE:
        return r->exercise_value;
    case PC_EQ_STOCK_VESTED:
        return r->stock_vested;
    default:
        return r->vesting_value;
    }
}

static int64_t gpba_item(const pc_gpba_row *r, pc_equity_item item)
{
    switch (item) {
    case PC_EQ_THRESHOLD_SHARES:
        return r->has_threshold ? r->threshold_shares : 0;
    case PC_EQ_TARGET_SHARES:
        return r->incentive_plan ? r->target_shares : 0;
    case PC_EQ_MAXIMUM_SHARES:
        return r->has_maximum ? r->maximum_shares : 0;
    case PC_EQ_OTHER_STOCK_SHARES:
        return r->other_stock_shares;
    case PC_EQ_OTHER_OPTION_SHARES:
        return r->other_option_shares;
    default:
        return r->grant_date_fair_value;
    }
}

int64_t pc_equity_person_total(const pc_equity_tables *tables, int year, size_t person,
                               pc_equity_item item, bool *found)
{
    int64_t sum = 0;
    *found = false;
    int table = pc_equity_item_table(item);
    if (table == PC_REPORTED_OEA) {
        for (size_t i = 0; i < tables->oea.count; i++) {
            const pc_oea_row *r = &tables->oea.items[i];
            if (r->year == year && r->person == person) {
                *found = true;
                sum += oea_item(r, item);
            }
        }
    } else if (table == PC_REPORTED_OESV) {
        for (size_t i = 0; i < tables->oesv.count; i++) {
            const pc_oesv_row *r = &tables->oesv.items[i];
            if (r->year == year && r->person == person) {
                *found = true;
                sum += oesv_item(r, item);
            }
        }
    } else if (table == PC_REPORTED_GPBA) {
        for (size_t i = 0; i < tables->gpba.count; i++) {
            const pc_gpba_row *r = &tables->gpba.items[i];
            if (r->year == year && r->person == person) {
                *found = true;
                sum += gpba_item(r, item);
            }
        }
    }
    return sum;
}

pc_status pc_equity_oesv_person(const pc_equity_tables *tables, size_t *i, int year,
                                pc_oesv_row *sum)
{
    while (*i < tables->oesv.count && tables->oesv.items[*i].year != year)
        ++*i;
    assert(*i < tables->oesv.count); /* callers stop at the end */
    *sum = tables->oesv.items[*i];
    sum->options_exercised = sum->exercise_value = sum->stock_vested = sum->vesting_value = 0;
    pc_status st = PC_OK;
    for (; *i < tables->oesv.count; ++*i) {
        const pc_oesv_row *r = &tables->oesv.items[*i];
        if (r->year != year)
            continue;
        if (r->person != sum->person)
            break;
        if (pc_money_add(sum->options_exercised, r->options_exercised, &sum->options_exercised) ||
            pc_money_add(sum->exercise_value, r->exercise_value, &sum->exercise_value) ||
            pc_money_add(sum->stock_vested, r->stock_vested, &sum->stock_vested) ||
            pc_money_add(sum->vesting_value, r->vesting_value, &sum->vesting_value))
            st = PC_ERR_OVERFLOW;
    }
    return st;
}
