/*
 * Fair value of tranches at a date (SPEC section 5): the lookups of dated
 * inputs, each valuation method, the probable outcome and R2 rounding, the
 * expected-term choices and their warning, and every missing-data error with
 * the file, line, column and code it points at. Datasets are built in memory.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/money.h"
#include "paycalc/value.h"

static pc_dataset ds;
static pc_diags diags;
static pc_report report;

static void setup(void)
{
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    pc_report_init(&report);
}

static void teardown(void)
{
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

TestSuite(market, .init = setup, .fini = teardown);
TestSuite(value, .init = setup, .fini = teardown);

static pc_date day(const char *text)
{
    pc_date d;
    cr_assert_eq(pc_date_parse(text, &d), PC_OK, "bad test date %s", text);
    return d;
}

static const char *fmt_day(pc_date d, char *buf)
{
    return d == PC_DATE_NONE ? "none" : pc_date_format(d, buf);
}

/* vesting.csv as the reader would record it: read from in/vesting.csv with
 * vest_date in the third column. */
static void read_vesting_columns(void)
{
    static const char *const names[] = {"award_id", "tranche", "vest_date", "shares", "status"};
    pc_file_columns *fc = &ds.files[PC_FILE_VESTING];
    fc->present = true;
    fc->path = pc_strdup("in/vesting.csv");
    for (int i = 0; i < 5; i++)
        fc->names[i] = pc_strdup(names[i]);
    fc->count = 5;
}

static void add_price(const char *date, int64_t close_micro)
{
    pc_price *p = PC_ARRAY_PUSH(&ds.prices);
    cr_assert_not_null(p);
    p->date = day(date);
    p->close_micro = close_micro;
    p->line = (int)ds.prices.count + 1;
}

static void add_assumptions(const char *date, int64_t vol, int64_t rate, int64_t yield,
                            int64_t term_micro)
{
    pc_assumption *a = PC_ARRAY_PUSH(&ds.assumptions);
    cr_assert_not_null(a);
    a->date = day(date);
    a->volatility_micro = vol;
    a->rate_micro = rate;
    a->yield_micro = yield;
    a->has_term = term_micro > 0;
    a->term_micro = term_micro;
    a->line = (int)ds.assumptions.count + 1;
}

static size_t add_award(const char *id, pc_award_type type, pc_condition condition, int64_t shares)
{
    pc_award *a = PC_ARRAY_PUSH(&ds.awards);
    cr_assert_not_null(a);
    a->id = pc_strdup(id);
    a->type = type;
    a->condition = condition;
    a->grant_date = day("2021-01-04");
    a->shares = shares;
    a->expiration_date = PC_DATE_NONE;
    a->dividend_rights = true;
    a->line = (int)ds.awards.count + 1;
    return ds.awards.count - 1;
}

static size_t add_option(const char *id, int64_t shares, int64_t strike_micro,
                         const char *expiration)
{
    size_t a = add_award(id, PC_AWARD_OPTION, PC_CONDITION_SERVICE, shares);
    ds.awards.items[a].exercise_price_micro = strike_micro;
    ds.awards.items[a].expiration_date = day(expiration);
    return a;
}

static void add_tranche(size_t award, int number, const char *vest, int64_t shares, int line)
{
    pc_tranche *t = PC_ARRAY_PUSH(&ds.tranches);
    cr_assert_not_null(t);
    t->award = award;
    t->number = number;
    t->vest_date = day(vest);
    t->shares = shares;
    t->line = line;
}

static void add_outcome(size_t award, int tranche, const char *date, int64_t probable, int line)
{
    pc_outcome *o = PC_ARRAY_PUSH(&ds.outcomes);
    cr_assert_not_null(o);
    o->award = award;
    o->tranche = tranche;
    o->date = day(date);
    o->probable_micro = probable;
    o->line = line;
}

static void add_supplied(size_t award, int tranche, const char *date, int64_t fv, const char *note,
                         int line)
{
    pc_supplied_fv *f = PC_ARRAY_PUSH(&ds.fair_values);
    cr_assert_not_null(f);
    f->award = award;
    f->tranche = tranche;
    f->date = day(date);
    f->fv_micro = fv;
    f->note = pc_strdup(note);
    f->line = line;
}

static void index_dataset(void)
{
    cr_assert_eq(pc_dataset_index(&ds), PC_OK);
}

/* The tranche's index after indexing (the index sorts the tranches). */
static size_t tranche_of(size_t award, int number)
{
    for (size_t t = 0; t < ds.tranches.count; t++)
        if (ds.tranches.items[t].award == award && ds.tranches.items[t].number == number)
            return t;
    cr_assert_fail("no tranche %d of award %zu", number, award);
    return 0;
}

/* The only diagnostic recorded, checked whole. */
static void assert_one_error(const char *code, const char *file, int line, int column,
                             const char *message)
{
    cr_assert_eq(diags.count, 1, "%zu diagnostics", diags.count);
    const pc_diag *d = &diags.items[0];
    cr_assert_eq(d->severity, PC_SEVERITY_ERROR);
    cr_assert_str_eq(d->code, code);
    cr_assert_str_eq(d->file, file);
    cr_assert_eq(d->line, line);
    cr_assert_eq(d->column, column);
    cr_assert_str_eq(d->message, message);
}

/* ---- Lookups ---------------------------------------------------------- */

Test(market, price_on_a_trading_day_is_that_days_close)
{
    add_price("2021-12-31", 3100000);
    add_price("2021-12-29", 2900000);
    add_price("2021-12-30", 3000000); /* out of order: the index sorts */
    index_dataset();
    const pc_price *p = pc_market_price_at(&ds, day("2021-12-30"));
    cr_assert_not_null(p);
    cr_assert_eq(p->close_micro, 3000000);
    cr_assert_eq(pc_market_price_at(&ds, day("2021-12-31"))->close_micro, 3100000);
}

/* Criterion runs each parameter in a fresh process: parameters hold their
 * text, not pointers into this one. */
typedef struct price_case {
    char date[11];
    char expected[11]; /* the price date found, or "" for none */
} price_case;

/* Closes on Friday 2022-12-30 and Tuesday 2023-01-03 (Monday a holiday). */
ParameterizedTestParameters(market, price_on_other_days_is_the_last_close_within_ten_days)
{
    static price_case cases[] = {
        {"2022-12-31", "2022-12-30"}, /* Saturday fiscal year end */
        {"2023-01-01", "2022-12-30"}, /* Sunday */
        {"2023-01-02", "2022-12-30"}, /* holiday */
        {"2023-01-03", "2023-01-03"},
        {"2023-01-13", "2023-01-03"}, /* 10 days after the last close: still used */
        {"2023-01-14", ""},           /* 11 days: stale */
        {"2022-12-29", ""},           /* before the first close */
    };
    return cr_make_param_array(price_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(price_case *c, market, price_on_other_days_is_the_last_close_within_ten_days)
{
    add_price("2022-12-30", 5000000);
    add_price("2023-01-03", 5100000);
    index_dataset();
    const pc_price *p = pc_market_price_at(&ds, day(c->date));
    char got[11];
    if (!c->expected[0])
        cr_assert_null(p, "price at %s found on %s", c->date, fmt_day(p->date, got));
    else {
        cr_assert_not_null(p, "no price at %s", c->date);
        cr_assert_eq(p->date, day(c->expected), "price at %s from %s, expected %s", c->date,
                     fmt_day(p->date, got), c->expected);
    }
}

Test(market, no_prices_at_all_finds_nothing)
{
    index_dataset();
    cr_assert_null(pc_market_price_at(&ds, day("2022-12-31")));
    cr_assert_null(pc_market_assumptions_at(&ds, day("2022-12-31")));
}

Test(market, assumptions_are_the_latest_row_on_or_before_the_date)
{
    add_assumptions("2021-07-01", 600000, 20000, 0, 0);
    add_assumptions("2021-01-01", 500000, 10000, 0, 0);
    index_dataset();
    cr_assert_null(pc_market_assumptions_at(&ds, day("2020-12-31")));
    cr_assert_eq(pc_market_assumptions_at(&ds, day("2021-01-01"))->volatility_micro, 500000);
    cr_assert_eq(pc_market_assumptions_at(&ds, day("2021-06-30"))->volatility_micro, 500000);
    cr_assert_eq(pc_market_assumptions_at(&ds, day("2021-07-01"))->volatility_micro, 600000);
    /* Assumptions stand until revised: no staleness limit. */
    cr_assert_eq(pc_market_assumptions_at(&ds, day("2030-01-01"))->volatility_micro, 600000);
}

/* Award P: whole-award rows on 03-01 (50%) and 09-01 (100%), tranche 1 rows
 * on 03-01 (80%) and 06-01 (90%). Award Q, indexed before P, has rows that
 * must never be taken for P's. */
static void outcome_rows(size_t *p)
{
    size_t q = add_award("Q", PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, 100);
    *p = add_award("P", PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, 200);
    add_tranche(q, 1, "2023-01-01", 100, 2);
    add_tranche(*p, 1, "2023-01-01", 100, 3);
    add_tranche(*p, 2, "2024-01-01", 100, 4);
    add_outcome(q, 1, "2021-01-01", 10000, 2);
    add_outcome(q, 0, "2021-01-01", 20000, 3);
    add_outcome(*p, 0, "2021-03-01", 500000, 4);
    add_outcome(*p, 1, "2021-03-01", 800000, 5);
    add_outcome(*p, 1, "2021-06-01", 900000, 6);
    add_outcome(*p, 0, "2021-09-01", 1000000, 7);
    index_dataset();
}

typedef struct outcome_case {
    int tranche;
    char date[11];
    int line; /* outcomes.csv line found, 0 for none */
} outcome_case;

ParameterizedTestParameters(market, outcome_is_the_latest_assessment_tranche_first_on_a_tie)
{
    static outcome_case cases[] = {
        {1, "2021-02-28", 0}, /* before any assessment of P */
        {1, "2021-03-01", 5}, /* same date: the tranche row beats the award row */
        {1, "2021-05-31", 5}, /* the same assessment still stands */
        {1, "2021-06-30", 6}, /* a later tranche row */
        {1, "2021-09-01", 7}, /* a later award row beats an earlier tranche row */
        {2, "2021-03-01", 4}, /* no tranche 2 rows: the award row */
        {2, "2021-08-31", 4}, /* the same assessment still stands */
        {2, "2022-12-31", 7}, /* the later award row */
    };
    return cr_make_param_array(outcome_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(outcome_case *c, market, outcome_is_the_latest_assessment_tranche_first_on_a_tie)
{
    size_t p;
    outcome_rows(&p);
    const pc_outcome *o = pc_market_outcome_at(&ds, tranche_of(p, c->tranche), day(c->date));
    if (c->line == 0)
        cr_assert_null(o, "tranche %d at %s found line %d", c->tranche, c->date, o->line);
    else {
        cr_assert_not_null(o, "tranche %d at %s: nothing found", c->tranche, c->date);
        cr_assert_eq(o->line, c->line, "tranche %d at %s: line %d, expected %d", c->tranche,
                     c->date, o->line, c->line);
    }
}

Test(market, supplied_value_only_on_its_exact_date_tranche_row_first)
{
    size_t other = add_award("A0", PC_AWARD_STOCK, PC_CONDITION_MARKET, 100);
    size_t a = add_award("A1", PC_AWARD_STOCK, PC_CONDITION_MARKET, 200);
    add_tranche(other, 1, "2023-01-01", 100, 2);
    add_tranche(a, 1, "2023-01-01", 100, 3);
    add_tranche(a, 2, "2024-01-01", 100, 4);
    add_supplied(other, 2, "2021-12-31", 9000000, NULL, 2);
    add_supplied(a, 1, "2021-12-31", 3000000, NULL, 3);
    add_supplied(a, 0, "2021-12-31", 2000000, NULL, 4);
    add_supplied(a, 2, "2021-06-30", 4000000, NULL, 5);
    index_dataset();
    size_t t1 = tranche_of(a, 1), t2 = tranche_of(a, 2);
    cr_assert_eq(pc_market_supplied_at(&ds, t1, day("2021-12-31"))->line, 3);
    cr_assert_eq(pc_market_supplied_at(&ds, t2, day("2021-12-31"))->line, 4);
    cr_assert_eq(pc_market_supplied_at(&ds, t2, day("2021-06-30"))->line, 5);
    /* Never carried forward or back to another date. */
    cr_assert_null(pc_market_supplied_at(&ds, t2, day("2021-07-01")));
    cr_assert_null(pc_market_supplied_at(&ds, t1, day("2021-12-30")));
    cr_assert_null(pc_market_supplied_at(&ds, t1, day("2022-01-01")));
    cr_assert_null(pc_market_supplied_at(&ds, tranche_of(other, 1), day("2021-12-31")));
}

/* ---- Stock ------------------------------------------------------------ */

Test(value, stock_is_the_closing_price_exactly)
{
    read_vesting_columns();
    size_t a = add_award("RSU-1", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 1000);
    add_tranche(a, 1, "2023-01-04", 1000, 7);
    add_price("2022-12-30", 3456789);
    index_dataset();
    pc_valuation v;
    v.year = 2022;
    v.line = PC_CAP_FYE_FV_GRANTED_IN_YEAR;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2022-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_STOCK_PRICE);
    cr_assert(v.per_share_exact);
    cr_assert_eq(v.per_share_micro, 3456789);
    cr_assert_eq(v.shares, 1000);
    cr_assert_eq(v.probable_micro, PC_MICRO);
    cr_assert_eq(v.value, 345679); /* 3,456.789 -> $3,456.79 */
    cr_assert(v.inputs.has_price);
    cr_assert_eq(v.inputs.price_date, day("2022-12-30"));
    cr_assert_eq(v.inputs.price_micro, 3456789);
    cr_assert_not(v.inputs.has_assumptions);
    cr_assert_eq(v.date, day("2022-12-31"));
    cr_assert_eq(v.purpose, PC_PURPOSE_FYE);
    /* year and line belong to the caller. */
    cr_assert_eq(v.year, 2022);
    cr_assert_eq(v.line, PC_CAP_FYE_FV_GRANTED_IN_YEAR);
    cr_assert_eq(diags.count, 0);
}

/* Stock without dividend rights, 2 years (730 days) before vesting, yield 2%:
 * 10.00 x exp(-0.02 x 2) = 9.6078943915, x 1,000 shares = $9,607.89. */
Test(value, stock_without_dividend_rights_is_discounted_for_the_yield)
{
    size_t a = add_award("RSU-2", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 1000);
    ds.awards.items[a].dividend_rights = false;
    add_tranche(a, 1, "2023-12-31", 1000, 2);
    add_price("2021-12-31", 10000000);
    add_assumptions("2021-06-30", 500000, 30000, 20000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_STOCK_PRICE);
    cr_assert_not(v.per_share_exact);
    cr_assert(fabs(v.per_share - 9.607894391523232) < 1e-12, "per share %.15f", v.per_share);
    cr_assert_eq(v.value, 960789);
    cr_assert(v.inputs.has_assumptions);
    cr_assert_eq(v.inputs.assumption_date, day("2021-06-30"));
    cr_assert(fabs(v.inputs.yield - 0.02) < 1e-15);
    cr_assert(fabs(v.inputs.vest_time - 2.0) < 1e-15);
}

Test(value, an_early_vesting_ends_the_discount_on_the_day_it_vested)
{
    /* Scheduled for 2023-12-31 but vested on 2022-03-31 (accelerated on a
     * departure): at 2021-12-31 the holder misses 90 days of dividends, not
     * two years. */
    size_t a = add_award("RSU-5", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 1000);
    ds.awards.items[a].dividend_rights = false;
    add_tranche(a, 1, "2023-12-31", 1000, 2);
    ds.tranches.items[0].status = PC_TRANCHE_VESTED;
    ds.tranches.items[0].status_date = day("2022-03-31");
    add_price("2021-12-31", 10000000);
    add_assumptions("2021-06-30", 500000, 30000, 20000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(
        pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_PRIOR_FYE, &v, &report, &diags),
        PC_OK);
    cr_assert(fabs(v.inputs.vest_time - 90.0 / 365.0) < 1e-15);
    cr_assert(fabs(v.per_share - 10.0 * exp(-0.02 * 90.0 / 365.0)) < 1e-12);
}

Test(value, stock_without_dividend_rights_at_vesting_needs_no_yield)
{
    size_t a = add_award("RSU-3", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 1000);
    ds.awards.items[a].dividend_rights = false;
    add_tranche(a, 1, "2021-12-31", 1000, 2);
    add_price("2021-12-31", 10000000);
    index_dataset(); /* no assumptions at all */
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_VEST, &v, &report, &diags),
                 PC_OK);
    cr_assert(v.per_share_exact);
    cr_assert_eq(v.value, 1000000);
}

Test(value, stock_without_dividend_rights_and_zero_yield_is_the_price_exactly)
{
    size_t a = add_award("RSU-4", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 3);
    ds.awards.items[a].dividend_rights = false;
    add_tranche(a, 1, "2023-12-31", 3, 2);
    add_price("2021-12-31", 1005);
    add_assumptions("2021-01-01", 500000, 30000, 0, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert(v.per_share_exact);
    cr_assert(v.inputs.has_assumptions);
    cr_assert_eq(v.value, 0); /* 3 x $0.001005 = $0.003015 -> $0.00 */
}

Test(value, stock_without_dividend_rights_before_vesting_needs_assumptions)
{
    read_vesting_columns();
    size_t a = add_award("RSU-5", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 1000);
    ds.awards.items[a].dividend_rights = false;
    add_tranche(a, 1, "2023-12-31", 1000, 9);
    add_price("2021-12-31", 10000000);
    add_assumptions("2022-01-01", 500000, 30000, 20000, 0); /* too late */
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_MISSING);
    assert_one_error("missing_assumptions", "in/vesting.csv", 9, 3,
                     "award RSU-5 tranche 1: no valuation assumptions dated on or before "
                     "2021-12-31 (assumptions.csv) for the dividend yield (the award has no "
                     "dividend rights), needed for the value at the fiscal year end 2021-12-31");
}

/* ---- Performance conditions and R2 ------------------------------------ */

/* 15,000 x 1.068996 x 25% = 4,008.735 exactly, which rounds half away from
 * zero to $4,008.74 (in double precision it would be 4008.7349999...). */
Test(value, performance_award_is_valued_at_the_probable_outcome_exactly)
{
    size_t a = add_award("PSU-1", PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, 15000);
    add_tranche(a, 1, "2023-12-31", 15000, 2);
    add_price("2022-12-30", 1068996);
    add_outcome(a, 0, "2022-06-30", 250000, 4);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2022-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.probable_micro, 250000);
    cr_assert(v.inputs.has_outcome);
    cr_assert_eq(v.inputs.outcome_date, day("2022-06-30"));
    cr_assert_eq(v.value, 400874);
}

Test(value, performance_award_without_an_assessment_is_an_error)
{
    size_t a = add_award("PSU-2", PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, 100);
    add_tranche(a, 2, "2023-12-31", 100, 5);
    add_price("2022-12-30", 1000000);
    add_outcome(a, 0, "2023-01-15", 250000, 2); /* after the date */
    index_dataset();
    pc_valuation v;
    cr_assert_eq(
        pc_value_tranche(&ds, 0, day("2022-12-31"), PC_PURPOSE_PRIOR_FYE, &v, &report, &diags),
        PC_ERR_MISSING);
    /* No vesting.csv columns known: the file's bare name and column 1. */
    assert_one_error("missing_outcome", "vesting.csv", 5, 1,
                     "award PSU-2 tranche 2: no probable outcome assessed on or before "
                     "2022-12-31 (outcomes.csv), needed for the value at the prior fiscal year "
                     "end 2022-12-31");
}

/* ---- Supplied values -------------------------------------------------- */

Test(value, grant_date_value_is_the_awards_grant_fv_per_share)
{
    size_t a = add_award("PSU-3", PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE, 3000);
    ds.awards.items[a].has_grant_fv = true;
    ds.awards.items[a].grant_fv_micro = 2345678;
    add_tranche(a, 1, "2022-01-04", 1000, 2);
    add_tranche(a, 2, "2023-01-04", 2000, 3);
    add_outcome(a, 0, "2021-01-04", 1200000, 2);
    add_price("2021-01-04", 2000000);
    add_supplied(a, 0, "2021-01-04", 9999999, "not for the grant", 2);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, tranche_of(a, 2), day("2021-01-04"), PC_PURPOSE_GRANT, &v,
                                  &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_SUPPLIED);
    cr_assert(v.per_share_exact);
    cr_assert_eq(v.per_share_micro, 2345678);
    cr_assert_eq(v.shares, 2000);
    cr_assert_eq(v.probable_micro, 1200000);
    cr_assert_eq(v.value, 562963); /* 2,000 x 2.345678 x 120% = 5,629.6272 */
    cr_assert_eq(v.inputs.supplied_line, 0);
    cr_assert_str_eq(v.inputs.note, "grant_fv_per_share in awards.csv");
    cr_assert_not(v.inputs.has_price);

    /* The same date for another purpose uses the dated inputs. */
    cr_assert_eq(pc_value_tranche(&ds, tranche_of(a, 2), day("2021-01-04"), PC_PURPOSE_VEST, &v,
                                  &report, &diags),
                 PC_OK);
    cr_assert_eq(v.per_share_micro, 9999999);
    cr_assert_eq(v.inputs.supplied_line, 2);
}

Test(value, supplied_value_on_the_date_replaces_the_model)
{
    size_t a = add_option("OPT-S", 500, 5000000, "2030-01-01");
    ds.awards.items[a].condition = PC_CONDITION_PERFORMANCE;
    add_tranche(a, 1, "2023-01-01", 500, 2);
    add_supplied(a, 1, "2022-12-31", 1234567, "valuation report of 2023-02-10", 6);
    add_outcome(a, 1, "2022-12-31", 500000, 3);
    index_dataset(); /* no price, no assumptions: none needed */
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2022-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_SUPPLIED);
    cr_assert(v.per_share_exact);
    cr_assert_eq(v.per_share_micro, 1234567);
    cr_assert_eq(v.inputs.supplied_line, 6);
    cr_assert_str_eq(v.inputs.note, "valuation report of 2023-02-10");
    cr_assert_eq(v.probable_micro, 500000);
    cr_assert_eq(v.value, 30864); /* 500 x 1.234567 x 50% = 308.64175 */
    cr_assert_not(v.inputs.has_price);
}

Test(value, market_condition_award_needs_a_supplied_value_on_the_date)
{
    read_vesting_columns();
    size_t a = add_award("TSR-1", PC_AWARD_STOCK, PC_CONDITION_MARKET, 100);
    add_tranche(a, 1, "2023-12-31", 100, 4);
    add_price("2022-12-30", 1000000);
    add_supplied(a, 0, "2021-12-31", 800000, NULL, 2);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(
        pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_PRIOR_FYE, &v, &report, &diags),
        PC_OK);
    cr_assert_eq(v.value, 8000); /* 100 x $0.80 */
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2022-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_MISSING);
    assert_one_error("missing_fair_value", "in/vesting.csv", 4, 3,
                     "award TSR-1 tranche 1: a market-condition award needs its condition in "
                     "market_conditions.csv or a supplied fair value on 2022-12-31 "
                     "(fair_values.csv), needed for the value at the fiscal year end 2022-12-31");
}

/* ---- Options ---------------------------------------------------------- */

/* Hull's inputs over exactly one year (365 days to expiration):
 * S = 42, K = 40, sigma = 20%, r = 10%: 6.8370716 per option, 1,000 options
 * $6,837.07. */
Test(value, option_is_valued_with_black_scholes_over_the_remaining_term)
{
    size_t a = add_option("OPT-1", 1000, 40000000, "2022-12-31");
    add_tranche(a, 1, "2022-06-30", 1000, 2);
    add_price("2021-12-31", 42000000);
    add_assumptions("2021-12-01", 200000, 100000, 0, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_BLACK_SCHOLES);
    cr_assert_not(v.per_share_exact);
    cr_assert(fabs(v.per_share - 6.837071647101215) < 1e-12, "per share %.15f", v.per_share);
    cr_assert_eq(v.value, 683707);
    const pc_valuation_inputs *in = &v.inputs;
    cr_assert(fabs(in->term - 1.0) < 1e-15 && fabs(in->contractual - 1.0) < 1e-15);
    cr_assert(fabs(in->strike - 40.0) < 1e-12);
    cr_assert(fabs(in->volatility - 0.2) < 1e-15 && fabs(in->rate - 0.1) < 1e-15);
    cr_assert(fabs(in->d1 - 0.8439508208471602) < 1e-12, "d1 %.15f", in->d1);
    cr_assert(fabs(in->d2 - 0.6439508208471603) < 1e-12, "d2 %.15f", in->d2);
    cr_assert(fabs(in->nd1 - pc_norm_cdf(in->d1)) < 1e-15);
    cr_assert_eq(in->assumption_date, day("2021-12-01"));
    cr_assert_eq(in->price_date, day("2021-12-31"));
    cr_assert_eq(diags.count, 0);
    cr_assert_eq(report.warnings.count, 0);
}

Test(value, sar_is_valued_like_an_option)
{
    size_t a = add_option("SAR-1", 1000, 40000000, "2022-12-31");
    ds.awards.items[a].type = PC_AWARD_SAR;
    add_tranche(a, 1, "2022-06-30", 1000, 2);
    add_price("2021-12-31", 42000000);
    add_assumptions("2021-12-01", 200000, 100000, 0, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.method, PC_METHOD_BLACK_SCHOLES);
    cr_assert_eq(v.value, 683707);
}

Test(value, expired_option_is_worth_its_intrinsic_value)
{
    size_t a = add_option("OPT-X", 1000, 40000000, "2021-06-30");
    add_tranche(a, 1, "2021-01-04", 1000, 2);
    add_price("2021-07-02", 42500000);
    add_assumptions("2021-01-01", 200000, 100000, 0, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-07-02"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(v.inputs.term, 0.0);
    cr_assert_eq(v.value, 250000); /* (42.50 - 40.00) x 1,000 */
    cr_assert_eq(v.inputs.d1, 0.0);
    cr_assert_eq(v.inputs.nd1, 1.0);
}

typedef struct term_case {
    int64_t row_term_micro; /* assumptions.csv expected_term, 0 for blank */
    double expected_term;   /* years */
} term_case;

/* 2021-12-31 to expiration 2026-12-30 is 1,825 days, t_c = 5 years. */
ParameterizedTestParameters(value, expected_term_in_the_assumptions_replaces_the_method_capped)
{
    static term_case cases[] = {
        {3000000, 3.0}, /* replaces t_c */
        {7000000, 5.0}, /* capped at t_c */
        {0, 5.0},       /* blank: remaining contractual */
        {5000000, 5.0},
    };
    return cr_make_param_array(term_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(term_case *c, value, expected_term_in_the_assumptions_replaces_the_method_capped)
{
    size_t a = add_option("OPT-T", 100, 10000000, "2026-12-30");
    add_tranche(a, 1, "2023-12-31", 100, 2);
    add_price("2021-12-31", 10000000);
    add_assumptions("2021-12-31", 400000, 30000, 10000, c->row_term_micro);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert(fabs(v.inputs.contractual - 5.0) < 1e-15);
    cr_assert(fabs(v.inputs.term - c->expected_term) < 1e-15, "T %.15f", v.inputs.term);
    pc_bsm_inputs in = {10, 10, 0.4, 0.03, 0.01, c->expected_term};
    cr_assert(fabs(v.per_share - pc_bsm_call(&in).value) < 1e-12);
}

typedef struct simplified_case {
    int64_t spot_micro; /* strike is 10.00 */
    bool warns;
} simplified_case;

ParameterizedTestParameters(value, simplified_term_warns_away_from_the_money)
{
    static simplified_case cases[] = {
        {10000000, false}, {9000000, false}, {11000000, false}, /* 90% and 110% are inside */
        {8999999, true},   {11000001, true}, {4000000, true},   {25000000, true},
    };
    return cr_make_param_array(simplified_case, cases, sizeof cases / sizeof cases[0]);
}

/* Simplified term: t_v = 730/365 = 2, t_c = 1825/365 = 5, T = 3.5. */
ParameterizedTest(simplified_case *c, value, simplified_term_warns_away_from_the_money)
{
    read_vesting_columns();
    ds.config.expected_term = PC_TERM_SIMPLIFIED;
    size_t a = add_option("OPT-2", 100, 10000000, "2026-12-30");
    add_tranche(a, 3, "2023-12-31", 100, 12);
    add_price("2021-12-31", c->spot_micro);
    add_assumptions("2021-12-31", 400000, 30000, 10000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert(fabs(v.inputs.vest_time - 2.0) < 1e-15);
    cr_assert(fabs(v.inputs.contractual - 5.0) < 1e-15);
    cr_assert(fabs(v.inputs.term - 3.5) < 1e-15, "T %.15f", v.inputs.term);
    if (!c->warns) {
        cr_assert_eq(report.term_notes.count, 0);
        cr_assert_eq(pc_engine_group_warnings(&ds, &report, &diags), PC_OK);
        cr_assert_eq(report.warnings.count, 0);
        cr_assert_eq(diags.count, 0);
        return;
    }
    /* Noted during the run, written once per award when it ends. */
    cr_assert_eq(report.warnings.count, 0);
    cr_assert_eq(report.term_notes.count, 1);
    cr_assert_eq(pc_engine_group_warnings(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.term_notes.count, 0);
    cr_assert_eq(report.warnings.count, 1);
    const pc_warning_entry *w = &report.warnings.items[0];
    cr_assert_str_eq(w->code, "simplified_term_not_at_the_money");
    cr_assert_str_eq(w->source, "awards.csv:2");
    cr_assert(strstr(w->message, "award OPT-2: ") == w->message, "%s", w->message);
    cr_assert_not_null(strstr(w->message, "exercise price 10.00"), "%s", w->message);
    cr_assert_not_null(strstr(w->message, "C&DI 128D.21"), "%s", w->message);
    char spot[40], expect[96];
    snprintf(expect, sizeof expect, " on 2021-12-31 (stock price %s; tranche 3);",
             pc_micro_format(c->spot_micro, 2, spot, sizeof spot));
    cr_assert_not_null(strstr(w->message, expect), "%s lacks '%s'", w->message, expect);

    cr_assert_eq(diags.count, 1);
    cr_assert_eq(diags.errors, 0);
    const pc_diag *d = &diags.items[0];
    cr_assert_eq(d->severity, PC_SEVERITY_WARNING);
    cr_assert_str_eq(d->code, "simplified_term_not_at_the_money");
    cr_assert_str_eq(d->file, "awards.csv");
    cr_assert_eq(d->line, 2);
    cr_assert_str_eq(d->message, w->message);
}

Test(value, simplified_term_warning_without_a_report_still_reaches_the_diagnostics)
{
    ds.config.expected_term = PC_TERM_SIMPLIFIED;
    size_t a = add_option("OPT-3", 100, 10000000, "2026-12-30");
    add_tranche(a, 1, "2023-12-31", 100, 2);
    add_price("2021-12-31", 5000000);
    add_assumptions("2021-12-31", 400000, 30000, 10000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, NULL, &diags),
                 PC_OK);
    cr_assert_eq(diags.warnings, 1);
    cr_assert_str_eq(diags.items[0].code, "simplified_term_not_at_the_money");
}

Test(value, simplified_term_replaced_by_the_rows_expected_term_does_not_warn)
{
    ds.config.expected_term = PC_TERM_SIMPLIFIED;
    size_t a = add_option("OPT-4", 100, 10000000, "2026-12-30");
    add_tranche(a, 1, "2023-12-31", 100, 2);
    add_price("2021-12-31", 5000000);
    add_assumptions("2021-12-31", 400000, 30000, 10000, 4000000);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert(fabs(v.inputs.term - 4.0) < 1e-15);
    cr_assert_eq(v.inputs.vest_time, 0.0); /* not used */
    cr_assert_eq(report.warnings.count, 0);
    cr_assert_eq(diags.count, 0);
}

/* ---- Missing data ----------------------------------------------------- */

typedef struct purpose_case {
    pc_purpose purpose;
    char words[64];
} purpose_case;

ParameterizedTestParameters(value, missing_price_names_the_date_and_the_value_needed)
{
    static purpose_case cases[] = {
        {PC_PURPOSE_GRANT, "the grant-date value on 2021-12-31"},
        {PC_PURPOSE_PRIOR_FYE, "the value at the prior fiscal year end 2021-12-31"},
        {PC_PURPOSE_FYE, "the value at the fiscal year end 2021-12-31"},
        {PC_PURPOSE_VEST, "the value at vesting on 2021-12-31"},
    };
    return cr_make_param_array(purpose_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(purpose_case *c, value, missing_price_names_the_date_and_the_value_needed)
{
    read_vesting_columns();
    size_t a = add_option("OPT-5", 100, 10000000, "2026-12-30");
    add_tranche(a, 2, "2023-12-31", 100, 8);
    add_price("2021-12-20", 10000000); /* 11 days before: stale */
    add_assumptions("2021-12-31", 400000, 30000, 10000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), c->purpose, &v, &report, &diags),
                 PC_ERR_MISSING);
    char message[512];
    snprintf(message, sizeof message,
             "award OPT-5 tranche 2: no closing price on 2021-12-31 or in the 10 days before it "
             "(prices.csv), needed for %s",
             c->words);
    assert_one_error("missing_price", "in/vesting.csv", 8, 3, message);
}

Test(value, a_missing_price_for_a_scheduled_tranche_points_at_its_schedule)
{
    /* A tranche laid out from awards.csv's schedule (SPEC section 13) has
     * no vesting.csv row: the error is at the award's schedule cell. */
    static const char *const names[] = {"award_id",   "person_id", "type",    "condition",
                                        "grant_date", "shares",    "schedule"};
    pc_file_columns *fc = &ds.files[PC_FILE_AWARDS];
    fc->present = true;
    fc->path = pc_strdup("in/awards.csv");
    for (int i = 0; i < 7; i++)
        fc->names[i] = pc_strdup(names[i]);
    fc->count = 7;
    read_vesting_columns();
    size_t a = add_award("RSU-7", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 400);
    add_tranche(a, 3, "2023-12-31", 100, 4);
    ds.tranches.items[0].scheduled = true;
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_MISSING);
    assert_one_error("missing_price", "in/awards.csv", 4, 7,
                     "award RSU-7 tranche 3: no closing price on 2021-12-31 or in the 10 days "
                     "before it (prices.csv), needed for the value at the fiscal year end "
                     "2021-12-31");
}

Test(value, option_without_assumptions_is_an_error)
{
    read_vesting_columns();
    size_t a = add_option("OPT-6", 100, 10000000, "2026-12-30");
    add_tranche(a, 1, "2023-12-31", 100, 3);
    add_price("2021-12-31", 10000000);
    add_assumptions("2022-01-03", 400000, 30000, 10000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_VEST, &v, &report, &diags),
                 PC_ERR_MISSING);
    assert_one_error("missing_assumptions", "in/vesting.csv", 3, 3,
                     "award OPT-6 tranche 1: no valuation assumptions dated on or before "
                     "2021-12-31 (assumptions.csv) for the option model, needed for the value at "
                     "vesting on 2021-12-31");
}

Test(value, option_without_an_expiration_date_is_an_error_at_its_award)
{
    size_t a = add_option("OPT-7", 100, 10000000, "2026-12-30");
    ds.awards.items[a].expiration_date = PC_DATE_NONE;
    add_tranche(a, 1, "2023-12-31", 100, 3);
    add_price("2021-12-31", 10000000);
    add_assumptions("2021-12-31", 400000, 30000, 10000, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_MISSING);
    assert_one_error("missing_expiration_date", "awards.csv", ds.awards.items[a].line, 1,
                     "expiration_date: award OPT-7 is an option or SAR and needs an expiration "
                     "date to be valued");
}

Test(value, value_beyond_the_money_range_is_an_error_not_a_wrap)
{
    size_t a = add_option("OPT-8", INT64_C(4000000000000000000), 0, "2026-12-30");
    add_tranche(a, 1, "2023-12-31", INT64_C(4000000000000000000), 3);
    add_price("2021-12-31", 10000000);
    add_assumptions("2021-12-31", 400000, 30000, 0, 0);
    index_dataset();
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_RANGE);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].code, "value_out_of_range");
}

Test(value, unindexed_dataset_or_unknown_tranche_is_a_usage_error)
{
    size_t a = add_award("RSU-9", PC_AWARD_STOCK, PC_CONDITION_SERVICE, 100);
    add_tranche(a, 1, "2023-12-31", 100, 3);
    add_price("2021-12-31", 10000000);
    pc_valuation v;
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_USAGE);
    index_dataset();
    cr_assert_eq(pc_value_tranche(&ds, 1, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_USAGE);
    cr_assert_eq(pc_value_tranche(&ds, 0, day("2021-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_OK);
    cr_assert_eq(diags.count, 0);
}

Test(market, a_supplied_value_on_the_trading_day_serves_a_date_that_is_not_one)
{
    size_t a = add_award("A1", PC_AWARD_STOCK, PC_CONDITION_MARKET, 200);
    add_tranche(a, 1, "2024-01-01", 100, 3);
    add_tranche(a, 2, "2024-01-01", 100, 4);
    add_price("2022-12-29", 4000000); /* Thursday */
    add_price("2022-12-30", 5000000); /* Friday */
    add_supplied(a, 0, "2022-12-29", 1000000, NULL, 2);
    add_supplied(a, 0, "2022-12-30", 2000000, NULL, 3);
    add_supplied(a, 2, "2022-12-30", 3000000, NULL, 4);
    add_supplied(a, 2, "2023-01-01", 4000000, NULL, 5);
    index_dataset();
    size_t t1 = tranche_of(a, 1), t2 = tranche_of(a, 2);
    /* Saturday 2022-12-31 takes Friday's close, and so Friday's value. */
    cr_assert_eq(pc_market_supplied_at(&ds, t1, day("2022-12-31"))->line, 3);
    cr_assert_eq(pc_market_supplied_at(&ds, t2, day("2022-12-31"))->line, 4, "tranche row first");
    /* A row on the date itself beats one on the trading day. */
    cr_assert_eq(pc_market_supplied_at(&ds, t2, day("2023-01-01"))->line, 5);
    cr_assert_eq(pc_market_supplied_at(&ds, t1, day("2023-01-01"))->line, 3);
    /* A trading day never takes another day's value. */
    cr_assert_eq(pc_market_supplied_at(&ds, t1, day("2022-12-29"))->line, 2);
    /* Past the stale limit there is no price, and no trading day to use. */
    cr_assert_null(pc_market_supplied_at(&ds, t1, day("2023-01-20")));
}

/* A tranche index the dataset does not hold is a usage error, and the
 * valuation is still set (no note to free, no value), not left as it was. */
Test(value, unknown_tranche_is_a_usage_error_with_the_valuation_set)
{
    cr_assert_eq(pc_dataset_index(&ds), PC_OK);
    pc_valuation v;
    memset(&v, 0xA5, sizeof v);
    cr_assert_eq(pc_value_tranche(&ds, 5, day("2022-12-31"), PC_PURPOSE_FYE, &v, &report, &diags),
                 PC_ERR_USAGE);
    cr_assert_null(v.inputs.note);
    cr_assert_eq(v.value, 0);
    cr_assert_eq(v.shares, 0);
    cr_assert_eq(v.tranche, 5);
}

/* The report's arrays from 2 MiB grow onto 2 MiB pages (model.c): every
 * element survives each move, whether the array doubles or is reserved
 * ahead, and a reservation never shrinks it. */
Test(arrays, keep_every_element_across_large_growth_and_reservation)
{
    struct {
        int64_t *items;
        size_t count, capacity;
    } a = {0};
    const size_t n = 1500000; /* 12 MB: several moves past the 2 MiB mark */
    for (size_t i = 0; i < n; i++) {
        int64_t x = (int64_t)(i * 7919u);
        cr_assert_not_null(PC_ARRAY_APPEND(&a, &x));
    }
    cr_assert(PC_ARRAY_RESERVE(&a, 3 * n));
    cr_assert_eq(a.capacity, 3 * n);
    cr_assert(PC_ARRAY_RESERVE(&a, 10));
    cr_assert_eq(a.capacity, 3 * n, "a reservation never shrinks the array");
    cr_assert_eq(a.count, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(a.items[i], (int64_t)(i * 7919u), "element %zu", i);
    struct {
        int64_t *items;
        size_t count, capacity;
    } b = {0};
    int64_t one = 42;
    cr_assert_not_null(PC_ARRAY_APPEND(&b, &one));
    cr_assert(PC_ARRAY_RESERVE(&b, n));
    cr_assert_eq(b.count, 1);
    cr_assert_eq(b.items[0], 42);
    free(a.items);
    free(b.items);
}
