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

/* A row of one of the three tables, by person and year. */
typedef struct total_key {
    size_t person;
    int year;
    int table; /* 0 oea, 1 oesv, 2 gpba */
    size_t row;
} total_key;

static int compare_total_key(const void *a, const void *b)
{
    const total_key *x = a, *y = b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->table != y->table)
        return x->table < y->table ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

static int64_t row_item(const pc_equity_tables *t, const total_key *k, pc_equity_item item)
{
    if (k->table == 0)
        return oea_item(&t->oea.items[k->row], item);
    if (k->table == 1)
        return oesv_item(&t->oesv.items[k->row], item);
    return gpba_item(&t->gpba.items[k->row], item);
}

/* The items a table's rows carry. */
static bool item_in_table(pc_equity_item item, int table)
{
    return pc_equity_item_table(item) == PC_REPORTED_OEA + table;
}

pc_status pc_equity_totals_build(const pc_equity_tables *tables, pc_equity_totals *totals)
{
    totals->items = NULL;
    totals->count = 0;
    size_t n = tables->oea.count + tables->oesv.count + tables->gpba.count;
    total_key *keys = malloc((n ? n : 1) * sizeof *keys);
    pc_equity_total *out = calloc(n ? n : 1, sizeof *out);
    if (!keys || !out) {
        free(keys);
        free(out);
        return PC_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < tables->oea.count; i++)
        keys[k++] = (total_key){tables->oea.items[i].person, tables->oea.items[i].year, 0, i};
    for (size_t i = 0; i < tables->oesv.count; i++)
        keys[k++] = (total_key){tables->oesv.items[i].person, tables->oesv.items[i].year, 1, i};
    for (size_t i = 0; i < tables->gpba.count; i++)
        keys[k++] = (total_key){tables->gpba.items[i].person, tables->gpba.items[i].year, 2, i};
    qsort(keys, n, sizeof *keys, compare_total_key);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == 0 || out[m - 1].person != keys[i].person || out[m - 1].year != keys[i].year)
            out[m++] = (pc_equity_total){.person = keys[i].person, .year = keys[i].year};
        pc_equity_total *t = &out[m - 1];
        t->has_rows[keys[i].table] = true;
        for (int item = 0; item < PC_EQ_NITEMS; item++)
            if (item_in_table((pc_equity_item)item, keys[i].table) &&
                pc_money_add(t->item[item], row_item(tables, &keys[i], (pc_equity_item)item),
                             &t->item[item]) != PC_OK)
                t->overflow = true;
    }
    free(keys);
    totals->items = out;
    totals->count = m;
    return PC_OK;
}

void pc_equity_totals_fini(pc_equity_totals *totals)
{
    free(totals->items);
    totals->items = NULL;
    totals->count = 0;
}

int64_t pc_equity_person_total(const pc_equity_totals *totals, int year, size_t person,
                               pc_equity_item item, bool *found, bool *overflow)
{
    *found = false;
    if (overflow)
        *overflow = false;
    int table = pc_equity_item_table(item) - PC_REPORTED_OEA;
    if (table < 0 || table > 2)
        return 0;
    size_t lo = 0, hi = totals->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const pc_equity_total *t = &totals->items[mid];
        if (t->person < person || (t->person == person && t->year < year))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == totals->count || totals->items[lo].person != person ||
        totals->items[lo].year != year || !totals->items[lo].has_rows[table])
        return 0;
    *found = true;
    if (totals->items[lo].overflow) {
        if (overflow)
            *overflow = true;
        return 0;
    }
    return totals->items[lo].item[item];
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
