/*
 * Reading and validating an input set (SPEC section 2, read.h): the good
 * fixture in tests/data/read/good read value by value, harmless variations
 * that must give the same dataset, and one case per kind of error with its
 * file, line, column, code and message. Error cases copy the good fixture
 * into a scratch folder and replace one file.
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/read.h"
#include "support.h"

/* The readers' diagnostics context (calc/read internals), for the warning cap. */
#include "../calc/read/read_internal.h"

#define GOOD SOURCE_DIR "/tests/data/read/good"
#define PEOPLE_HEADER_CR "person_id,name,position\r"

/* ---- helpers -------------------------------------------------------------- */

typedef struct loaded {
    pc_status status;
    pc_dataset ds;
    pc_diags diags;
} loaded;

static void load(const char *dir, loaded *l)
{
    pc_dataset_init(&l->ds);
    pc_diags_init(&l->diags);
    l->status = pc_read_input_set(dir, &l->ds, &l->diags);
}

static void unload(loaded *l)
{
    pc_dataset_fini(&l->ds);
    pc_diags_fini(&l->diags);
}

static char *scratch_copy(void)
{
    char *dir = make_temp_dir();
    cr_assert(dir);
    cr_assert_eq(copy_dir(GOOD, dir), 0);
    return dir;
}

static void put(const char *dir, const char *file, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    cr_assert_eq(write_text(path, text), 0);
}

static void put_bytes(const char *dir, const char *file, const char *data, size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void drop(const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    cr_assert_eq(unlink(path), 0);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* All diagnostics, one a line, for failure messages. */
static char *listing(const pc_diags *d)
{
    size_t cap = 256 + d->count * 1200;
    char *out = malloc(cap);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->count; i++) {
        char buf[1100];
        used += (size_t)snprintf(out + used, cap - used, "  [%s] %s\n", d->items[i].code,
                                 pc_diag_format(&d->items[i], buf, sizeof buf));
    }
    return out;
}

static const pc_diag *find_diag(const pc_diags *d, pc_severity severity, const char *file_suffix,
                                int line, int column, const char *code, const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const pc_diag *g = &d->items[i];
        if (g->severity == severity && g->file && ends_with(g->file, file_suffix) &&
            g->line == line && g->column == column && strcmp(g->code, code) == 0 &&
            strstr(g->message, text))
            return g;
    }
    return NULL;
}

static void expect(const pc_diags *d, pc_severity severity, const char *file_suffix, int line,
                   int column, const char *code, const char *text)
{
    if (!find_diag(d, severity, file_suffix, line, column, code, text)) {
        char *all = listing(d);
        cr_assert_fail("expected %s %s:%d:%d [%s] containing \"%s\"; got:\n%s",
                       severity == PC_SEVERITY_ERROR ? "error" : "warning", file_suffix, line,
                       column, code, text, all);
    }
}

static void expect_errors(const pc_diags *d, size_t n)
{
    if (d->errors != n) {
        char *all = listing(d);
        cr_assert_fail("expected %zu errors, got %zu:\n%s", n, d->errors, all);
    }
}

static void expect_clean(const loaded *l)
{
    if (l->status != PC_OK || l->diags.count != 0) {
        char *all = listing(&l->diags);
        cr_assert_fail("status %d, expected a clean read; got:\n%s", l->status, all);
    }
}

/* ---- the good input set ------------------------------------------------------ */

Test(read, reads_the_configuration)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_config *c = &l.ds.config;
    cr_assert_str_eq(l.ds.name, "good");
    cr_assert_str_eq(c->company_name, "Example Battery Co.");
    cr_assert_str_eq(c->ticker, "EXB");
    cr_assert_eq(c->fiscal_year_end.month, 12);
    cr_assert_eq(c->fiscal_year_end.day, 31);
    cr_assert_eq(c->nyears, 2);
    cr_assert_eq(c->years[0], 2021);
    cr_assert_eq(c->years[1], 2022);
    cr_assert(c->smaller_reporting_company);
    cr_assert_eq(c->sct_years, 2);
    cr_assert_eq(c->fx_method, PC_FX_ANNUAL_AVERAGE);
    cr_assert_eq(c->expected_term, PC_TERM_SIMPLIFIED);
    cr_assert_eq(c->cap_decimals, 2);
    cr_assert_null(c->company_selected_measure);
    cr_assert(l.ds.files[PC_FILE_CONFIG].present);
    cr_assert(ends_with(l.ds.files[PC_FILE_CONFIG].path, "/read/good/paycalc.json"));
    unload(&l);
}

Test(read, folder_name_ignores_trailing_slashes)
{
    loaded l;
    load(GOOD "//", &l);
    expect_clean(&l);
    cr_assert_str_eq(l.ds.name, "good");
    cr_assert_str_eq(l.ds.files[PC_FILE_CASH].path, GOOD "/cash.csv");
    unload(&l);
}

/* The root folder has no name: "/", and "." or ".." resolving to it, are
 * named "root", so that run's default output folder is reports/root/ and
 * never reports/ itself (or, for "..", the current folder). */
Test(read, the_root_folder_is_named_root)
{
    static const char *const roots[] = {"/", "//", "/.", "/..", "/./"};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        loaded l;
        load(roots[i], &l);
        cr_assert_str_eq(l.ds.name, "root", "%s is named %s", roots[i], l.ds.name);
        unload(&l);
    }
    /* `paycalc run .` (or `..`) in the root folder; each test is its own
     * process, so the change of folder ends with it. */
    cr_assert_eq(chdir("/"), 0);
    static const char *const here[] = {".", "..", "./"};
    for (size_t i = 0; i < sizeof here / sizeof here[0]; i++) {
        loaded l;
        load(here[i], &l);
        cr_assert_str_eq(l.ds.name, "root", "%s in / is named %s", here[i], l.ds.name);
        unload(&l);
    }
}

Test(read, reads_people_and_roles_in_file_order)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->people.count, 3);
    cr_assert_str_eq(ds->people.items[0].id, "li");
    cr_assert_str_eq(ds->people.items[0].name, "\xe6\x9d\x8e\xe9\x9b\xb2\xe9\xa3\x9b"); /* 李雲飛 */
    cr_assert_str_eq(ds->people.items[0].position, "Chief Executive Officer");
    cr_assert_str_eq(ds->people.items[2].name, "Wang, Ming");
    cr_assert_str_eq(ds->people.items[2].position, "");
    cr_assert_eq(ds->people.items[2].line, 4);

    /* The 2020 row is outside the covered years. */
    cr_assert_eq(ds->roles.count, 5);
    const pc_role *r = ds->roles.items;
    cr_assert_eq(r[0].year, 2021);
    cr_assert_eq(r[0].person, 0);
    cr_assert_eq(r[0].role, PC_ROLE_PEO);
    cr_assert_null(r[0].position);
    cr_assert_eq(r[0].line, 3);
    cr_assert_eq(r[3].person, 1);
    cr_assert_str_eq(r[3].position, "Former interim CFO");
    cr_assert_eq(r[4].person, 2);
    cr_assert_eq(r[4].role, PC_ROLE_NEO); /* written "neo" */
    size_t index;
    cr_assert_not_null(pc_dataset_person(ds, "pei", &index));
    cr_assert_eq(index, 1);
    unload(&l);
}

Test(read, reads_cash_in_its_currency)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->cash.count, 5); /* the 2019 row is skipped */
    const pc_cash *c = ds->cash.items;
    cr_assert_eq(c[0].person, 0);
    cr_assert_eq(c[0].year, 2021);
    cr_assert_eq(c[0].component, PC_COMP_SALARY);
    cr_assert_eq(c[0].amount_cents, INT64_C(79000000));
    cr_assert_str_eq(c[0].currency, "CNY");
    cr_assert_eq(c[0].pay_date, PC_DATE_NONE);
    cr_assert_eq(c[1].pay_date, pc_date_from_ymd(2022, 12, 31));
    cr_assert_eq(c[2].amount_cents, 5000050);
    cr_assert_str_eq(c[2].currency, "USD");
    cr_assert_eq(c[3].component, PC_COMP_CHANGE_IN_PENSION_VALUE);
    cr_assert_eq(c[3].amount_cents, -100000);
    cr_assert_eq(c[4].component, PC_COMP_ALL_OTHER);
    cr_assert_eq(c[4].amount_cents, 123456);
    cr_assert_eq(c[4].line, 7);

    cr_assert_eq(ds->fx.count, 3);
    /* Indexed: fiscal-year rows first, then daily rows. */
    cr_assert_str_eq(ds->fx.items[0].currency, "CNY");
    cr_assert_eq(ds->fx.items[0].fiscal_year, 2022);
    cr_assert_eq(ds->fx.items[0].per_usd_micro, 6726400);
    cr_assert_eq(ds->fx.items[1].fiscal_year, 2021);
    cr_assert_eq(ds->fx.items[1].per_usd_micro, 6452500);
    cr_assert_eq(ds->fx.items[2].fiscal_year, 0);
    cr_assert_eq(ds->fx.items[2].date, pc_date_from_ymd(2022, 12, 30));
    unload(&l);
}

Test(read, reads_awards_and_their_tranches)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->awards.count, 3);
    size_t i;
    const pc_award *o = pc_dataset_award(ds, "O1", &i);
    cr_assert_not_null(o);
    cr_assert_eq(o->type, PC_AWARD_OPTION);
    cr_assert_eq(o->condition, PC_CONDITION_SERVICE);
    cr_assert_eq(o->grant_date, pc_date_from_ymd(2021, 11, 29));
    cr_assert_eq(o->shares, 30000);
    cr_assert_eq(o->exercise_price_micro, 4500000);
    cr_assert_eq(o->expiration_date, pc_date_from_ymd(2031, 11, 28));
    cr_assert_not(o->has_grant_fv);
    cr_assert(o->dividend_rights);
    cr_assert_eq(o->ntranches, 3);
    const pc_tranche *t = &ds->tranches.items[o->first_tranche];
    cr_assert_eq(t[0].award, i);
    cr_assert_eq(t[0].number, 1);
    cr_assert_eq(t[0].status, PC_TRANCHE_VESTED);
    /* A vested tranche's status date defaults to its vest date. */
    cr_assert_eq(t[0].status_date, pc_date_from_ymd(2022, 11, 29));
    cr_assert_eq(t[2].number, 3);
    cr_assert_eq(t[2].status, PC_TRANCHE_UNVESTED);
    cr_assert_eq(t[2].status_date, PC_DATE_NONE);

    const pc_award *s = pc_dataset_award(ds, "S1", NULL);
    cr_assert_eq(s->type, PC_AWARD_STOCK);
    cr_assert(s->has_grant_fv);
    cr_assert_eq(s->grant_fv_micro, 3250000);
    cr_assert_not(s->dividend_rights);
    cr_assert_eq(s->expiration_date, PC_DATE_NONE);
    cr_assert_eq(s->ntranches, 1);
    const pc_tranche *st = &ds->tranches.items[s->first_tranche];
    cr_assert_eq(st->status, PC_TRANCHE_FORFEITED);
    cr_assert_eq(st->status_date, pc_date_from_ymd(2022, 8, 15));

    const pc_award *p = pc_dataset_award(ds, "P1", NULL);
    cr_assert_eq(p->condition, PC_CONDITION_PERFORMANCE);
    cr_assert_eq(p->person, 2);
    cr_assert_eq(p->ntranches, 2);
    unload(&l);
}

Test(read, reads_market_data_outcomes_and_fair_values)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->prices.count, 4);
    cr_assert_eq(ds->prices.items[2].date, pc_date_from_ymd(2021, 12, 31));
    cr_assert_eq(ds->prices.items[2].close_micro, 5100000);
    cr_assert_eq(ds->prices.items[2].dividend_micro, 50000);
    cr_assert_eq(ds->prices.items[3].dividend_micro, 0);

    cr_assert_eq(ds->assumptions.count, 2);
    const pc_assumption *a = ds->assumptions.items;
    cr_assert_eq(a[0].volatility_micro, 850000);
    cr_assert_eq(a[0].rate_micro, 15000); /* 1.5% */
    cr_assert_eq(a[0].yield_micro, 0);
    cr_assert_not(a[0].has_term);
    cr_assert_eq(a[1].volatility_micro, 900000); /* 90% */
    cr_assert(a[1].has_term);
    cr_assert_eq(a[1].term_micro, 3500000);

    cr_assert_eq(ds->outcomes.count, 2);
    cr_assert_eq(ds->outcomes.items[0].tranche, 0); /* blank: every tranche */
    cr_assert_eq(ds->outcomes.items[0].probable_micro, 1000000);
    cr_assert_eq(ds->outcomes.items[1].tranche, 2);
    cr_assert_eq(ds->outcomes.items[1].probable_micro, 500000);

    cr_assert_eq(ds->fair_values.count, 1);
    cr_assert_eq(ds->fair_values.items[0].tranche, 1);
    cr_assert_eq(ds->fair_values.items[0].fv_micro, 1050000);
    cr_assert_str_eq(ds->fair_values.items[0].note, "Per the company's valuation report");
    unload(&l);
}

Test(read, reads_performance_and_reported_figures)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->performance.count, 2); /* 2023 is not covered */
    cr_assert_eq(ds->performance.items[0].net_income_cents, INT64_C(6165000000));
    cr_assert_eq(ds->performance.items[1].net_income_cents, INT64_C(-1234567890));
    cr_assert_not(ds->performance.items[1].has_csm);
    cr_assert_not(ds->performance.items[1].has_peer_tsr);

    cr_assert_eq(ds->reported.count, 4); /* the 2020 row is not covered */
    const pc_reported *r = ds->reported.items;
    cr_assert_eq(r[0].table, PC_REPORTED_SCT);
    cr_assert_str_eq(r[0].subject, "li");
    cr_assert_str_eq(r[0].item, "salary");
    cr_assert_eq(r[0].value_micro, INT64_C(117447000000));
    cr_assert_eq(r[0].decimals, 0);
    cr_assert_eq(r[1].value_micro, 14670000);
    cr_assert_eq(r[1].decimals, 2);
    cr_assert_eq(r[2].value_micro, 2000000);
    cr_assert_eq(r[3].table, PC_REPORTED_CAP);
    cr_assert_eq(r[3].value_micro, -123450000);
    cr_assert_eq(r[3].decimals, 2);
    unload(&l);
}

/* plan_targets.csv: money as cash.csv reads it, blank levels
 * not given, the rows of an uncovered year skipped. */
Test(read, reads_plan_targets_in_their_currency)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->plan_targets.count, 2); /* the 2020 row is not covered */
    const pc_plan_target *t = ds->plan_targets.items;
    cr_assert_str_eq(ds->people.items[t[0].person].id, "li");
    cr_assert_eq(t[0].year, 2022);
    cr_assert_str_eq(t[0].plan, "Annual Incentive Plan");
    cr_assert(t[0].has_threshold && t[0].has_maximum);
    cr_assert_eq(t[0].threshold_cents, INT64_C(60000000));
    cr_assert_eq(t[0].target_cents, INT64_C(120000000));
    cr_assert_eq(t[0].maximum_cents, INT64_C(240000050));
    cr_assert_str_eq(t[0].currency, "USD");
    cr_assert_eq(t[0].grant_date, pc_date_from_ymd(2022, 3, 1));
    cr_assert_eq(t[0].line, 2);
    cr_assert_str_eq(t[1].plan, "年度獎勵計劃");
    cr_assert_not(t[1].has_threshold);
    cr_assert_not(t[1].has_maximum);
    cr_assert_eq(t[1].target_cents, INT64_C(30000000));
    cr_assert_eq(t[1].grant_date, PC_DATE_NONE);
    unload(&l);
}

Test(read, records_the_columns_of_each_file)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    for (int f = 0; f < PC_FILE_COUNT; f++)
        cr_assert(ds->files[f].present, "%s", pc_file_name((pc_file)f));
    cr_assert_eq(ds->files[PC_FILE_CASH].count, 6);
    cr_assert_eq(pc_dataset_column(ds, PC_FILE_CASH, "amount"), 4);
    cr_assert_eq(pc_dataset_column(ds, PC_FILE_AWARDS, "dividend_rights"), 10);
    cr_assert(ends_with(pc_dataset_path(ds, PC_FILE_VESTING), "/good/vesting.csv"));
    unload(&l);
}

Test(read, optional_files_may_be_absent)
{
    char *dir = scratch_copy();
    const char *optional[] = {"assumptions.csv", "fair_values.csv", "reported.csv",
                              "outcomes.csv",    "vesting.csv",     "awards.csv",
                              "exercises.csv",   "separations.csv", "modifications.csv"};
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++)
        drop(dir, optional[i]);
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    cr_assert_not(l.ds.files[PC_FILE_AWARDS].present);
    cr_assert_eq(l.ds.awards.count, 0);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, fx_is_optional_when_every_amount_is_in_usd)
{
    char *dir = scratch_copy();
    drop(dir, "fx.csv");
    put(dir, "cash.csv", "person_id,year,component,amount,currency\nli,2022,salary,100,USD\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- harmless variations -------------------------------------------------- */

static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* Everything but line numbers (a blank line moves them) and header
 * positions. */
static void assert_same_dataset(const pc_dataset *a, const pc_dataset *b)
{
    cr_assert(same_text(a->config.company_name, b->config.company_name));
    cr_assert(same_text(a->config.ticker, b->config.ticker));
    cr_assert_eq(a->config.nyears, b->config.nyears);
    cr_assert_eq(a->people.count, b->people.count);
    for (size_t i = 0; i < a->people.count; i++) {
        cr_assert(same_text(a->people.items[i].id, b->people.items[i].id));
        cr_assert(same_text(a->people.items[i].name, b->people.items[i].name), "name %zu", i);
        cr_assert(same_text(a->people.items[i].position, b->people.items[i].position));
    }
    cr_assert_eq(a->roles.count, b->roles.count);
    for (size_t i = 0; i < a->roles.count; i++) {
        const pc_role *x = &a->roles.items[i], *y = &b->roles.items[i];
        cr_assert(x->year == y->year && x->person == y->person && x->role == y->role &&
                  same_text(x->position, y->position));
    }
    cr_assert_eq(a->cash.count, b->cash.count);
    for (size_t i = 0; i < a->cash.count; i++) {
        const pc_cash *x = &a->cash.items[i], *y = &b->cash.items[i];
        cr_assert(x->person == y->person && x->year == y->year && x->component == y->component &&
                      x->amount_cents == y->amount_cents && strcmp(x->currency, y->currency) == 0 &&
                      x->pay_date == y->pay_date,
                  "cash row %zu", i);
    }
    cr_assert_eq(a->fx.count, b->fx.count);
    for (size_t i = 0; i < a->fx.count; i++) {
        const pc_fx_rate *x = &a->fx.items[i], *y = &b->fx.items[i];
        cr_assert(strcmp(x->currency, y->currency) == 0 && x->fiscal_year == y->fiscal_year &&
                  x->date == y->date && x->per_usd_micro == y->per_usd_micro);
    }
    cr_assert_eq(a->awards.count, b->awards.count);
    for (size_t i = 0; i < a->awards.count; i++) {
        const pc_award *x = &a->awards.items[i], *y = &b->awards.items[i];
        cr_assert(
            same_text(x->id, y->id) && x->person == y->person && x->type == y->type &&
                x->condition == y->condition && x->grant_date == y->grant_date &&
                x->shares == y->shares && x->exercise_price_micro == y->exercise_price_micro &&
                x->expiration_date == y->expiration_date && x->has_grant_fv == y->has_grant_fv &&
                x->grant_fv_micro == y->grant_fv_micro &&
                x->dividend_rights == y->dividend_rights && x->first_tranche == y->first_tranche &&
                x->ntranches == y->ntranches,
            "award %zu", i);
    }
    cr_assert_eq(a->tranches.count, b->tranches.count);
    for (size_t i = 0; i < a->tranches.count; i++) {
        const pc_tranche *x = &a->tranches.items[i], *y = &b->tranches.items[i];
        cr_assert(x->award == y->award && x->number == y->number && x->vest_date == y->vest_date &&
                  x->shares == y->shares && x->status == y->status &&
                  x->status_date == y->status_date);
    }
    cr_assert_eq(a->prices.count, b->prices.count);
    for (size_t i = 0; i < a->prices.count; i++) {
        const pc_price *x = &a->prices.items[i], *y = &b->prices.items[i];
        cr_assert(x->date == y->date && x->close_micro == y->close_micro &&
                  x->dividend_micro == y->dividend_micro);
    }
    cr_assert_eq(a->assumptions.count, b->assumptions.count);
    for (size_t i = 0; i < a->assumptions.count; i++) {
        const pc_assumption *x = &a->assumptions.items[i], *y = &b->assumptions.items[i];
        cr_assert(x->date == y->date && x->volatility_micro == y->volatility_micro &&
                  x->rate_micro == y->rate_micro && x->yield_micro == y->yield_micro &&
                  x->has_term == y->has_term && x->term_micro == y->term_micro);
    }
    cr_assert_eq(a->outcomes.count, b->outcomes.count);
    for (size_t i = 0; i < a->outcomes.count; i++) {
        const pc_outcome *x = &a->outcomes.items[i], *y = &b->outcomes.items[i];
        cr_assert(x->award == y->award && x->tranche == y->tranche && x->date == y->date &&
                  x->probable_micro == y->probable_micro);
    }
    cr_assert_eq(a->fair_values.count, b->fair_values.count);
    for (size_t i = 0; i < a->fair_values.count; i++) {
        const pc_supplied_fv *x = &a->fair_values.items[i], *y = &b->fair_values.items[i];
        cr_assert(x->award == y->award && x->tranche == y->tranche && x->date == y->date &&
                  x->fv_micro == y->fv_micro && same_text(x->note, y->note));
    }
    cr_assert_eq(a->performance.count, b->performance.count);
    for (size_t i = 0; i < a->performance.count; i++) {
        const pc_performance *x = &a->performance.items[i], *y = &b->performance.items[i];
        cr_assert(x->year == y->year && x->net_income_cents == y->net_income_cents &&
                  x->has_csm == y->has_csm && x->csm_micro == y->csm_micro &&
                  x->has_peer_tsr == y->has_peer_tsr && x->peer_tsr_micro == y->peer_tsr_micro);
    }
    cr_assert_eq(a->reported.count, b->reported.count);
    for (size_t i = 0; i < a->reported.count; i++) {
        const pc_reported *x = &a->reported.items[i], *y = &b->reported.items[i];
        cr_assert(x->table == y->table && x->year == y->year && same_text(x->subject, y->subject) &&
                  same_text(x->item, y->item) && x->value_micro == y->value_micro &&
                  x->decimals == y->decimals);
    }
}

static const char *const csv_files[] = {"people.csv",      "roles.csv",       "cash.csv",
                                        "fx.csv",          "awards.csv",      "vesting.csv",
                                        "prices.csv",      "assumptions.csv", "outcomes.csv",
                                        "fair_values.csv", "performance.csv", "reported.csv"};

/* Rewrites a file with a BOM, CRLF line ends, a blank line after the header
 * and blank lines (one of blanks only) at the end. */
static void dress_up(const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t n;
    char *text = read_file(path, &n);
    cr_assert(text);
    char *out = malloc(2 * n + 64);
    size_t o = 0;
    memcpy(out, "\xEF\xBB\xBF", 3);
    o = 3;
    bool header = true;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n') {
            memcpy(out + o, "\r\n", 2);
            o += 2;
            if (header) {
                memcpy(out + o, "\r\n", 2);
                o += 2;
                header = false;
            }
        } else {
            out[o++] = text[i];
        }
    }
    memcpy(out + o, "\r\n  \t \r\n\r\n", 10);
    o += 10;
    put_bytes(dir, file, out, o);
    free(out);
    free(text);
}

Test(read, bom_crlf_and_blank_lines_change_nothing)
{
    char *dir = scratch_copy();
    for (size_t i = 0; i < sizeof csv_files / sizeof csv_files[0]; i++)
        dress_up(dir, csv_files[i]);
    loaded good, variant;
    load(GOOD, &good);
    load(dir, &variant);
    expect_clean(&variant);
    assert_same_dataset(&good.ds, &variant.ds);
    /* Line numbers are physical lines: the blank line after the header counts. */
    cr_assert_eq(variant.ds.people.items[0].line, 3);
    unload(&good);
    unload(&variant);
    remove_dir(dir);
    free(dir);
}

Test(read, column_order_case_whitespace_and_rmb_change_nothing)
{
    char *dir = scratch_copy();
    put(dir, "people.csv",
        " Position , NAME ,person_id\n"
        "Chief Executive Officer,  \xe6\x9d\x8e\xe9\x9b\xb2\xe9\xa3\x9b ,li\n"
        "\" Interim Chief Financial Officer \",\xe8\xa3\xb4\xe7\xbf\x94\xe5\xae\x87,pei\n"
        ",\"Wang, Ming\" , wang \n");
    put(dir, "cash.csv",
        "currency,amount,component,year,person_id,pay_date\n"
        "rmb, \"790,000.00\" ,salary,2021,li,\n"
        "RMB,\t790000.00,salary,2022,li,  2022-12-31\n"
        "usd,\"50,000.50\",BONUS,2022,pei,\n"
        "USD,-1000,change_in_pension_value,2022,li,\n"
        "USD,1,salary,2019,li,\n"
        "CNY,1234.56,all_other,2022,wang,\n");
    put(dir, "awards.csv",
        "dividend_rights,grant_fv_per_share,expiration_date,exercise_price,shares,grant_date,"
        "condition,type,person_id,award_id\n"
        ",,2031-11-28,4.500000,30000,2021-11-29,Service,Option,li,O1\n"
        "NO,3.25,,,\"1,000\",2022-03-01,service,stock,pei,S1\n"
        "Yes,,,,2000,2022-06-01,performance,STOCK,wang,P1\n");
    put(dir, "vesting.csv",
        "status_date,status,shares,vest_date,tranche,award_id\n"
        ",Vested,10000,2022-11-29,1,O1\n"
        ",unvested,10000,2023-11-29,2,O1\n"
        ",unvested,\"10,000\",2024-11-29,3,O1\n"
        "2022-08-15,FORFEITED,1000,2022-09-01,1,S1\n"
        ",unvested,1000,2023-06-01,1,P1\n"
        ",unvested,1000,2024-06-01,2,P1\n");
    loaded good, variant;
    load(GOOD, &good);
    load(dir, &variant);
    expect_clean(&variant);
    assert_same_dataset(&good.ds, &variant.ds);
    cr_assert_eq(pc_dataset_column(&variant.ds, PC_FILE_CASH, "amount"), 2);
    unload(&good);
    unload(&variant);
    remove_dir(dir);
    free(dir);
}

Test(read, quoted_values_may_span_lines)
{
    char *dir = scratch_copy();
    put(dir, "roles.csv",
        "year,person_id,position,role\n"
        "2021,li,,PEO\n"
        "2022,li,\"Chief\nExecutive\",PEO\n"
        "2022,pei,\"Former\ninterim CFO\",\"BO\nSS\"\n"
        "2022,wang,,NEO\n");
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    /* The row starts on line 5; its role starts on line 6 and ends on 7. */
    expect(&l.diags, PC_SEVERITY_ERROR, "roles.csv", 6, 4, "bad_value",
           "role: invalid value 'BO SS'");
    expect_errors(&l.diags, 1);
    cr_assert_str_eq(l.ds.roles.items[1].position, "Chief\nExecutive");
    cr_assert_eq(l.ds.roles.items[2].line, 8);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, carriage_returns_alone_end_lines_too)
{
    char *dir = scratch_copy();
    put(dir, "people.csv", PEOPLE_HEADER_CR "li,A,\rpei,B,\rwang,,\r");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "people.csv", 4, 2, "missing_value",
           "name: a value is required");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- one case per error ----------------------------------------------------- */

typedef struct error_case {
    const char *file; /* the file replaced */
    const char *text; /* its new content */
    const char *at;   /* the file the error is reported in (NULL: `file`) */
    int line, column;
    const char *code;
    const char *message; /* a part of the message */
    int errors;          /* how many errors in all (no follow-on errors) */
} error_case;

#define PEOPLE_HEADER "person_id,name,position\n"
#define ROLES_HEADER "year,person_id,role\n"
#define CASH_HEADER "person_id,year,component,amount,currency,pay_date\n"
#define FX_HEADER "currency,period,per_usd\n"
#define AWARDS_HEADER                                                                              \
    "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,"          \
    "grant_fv_per_share,dividend_rights\n"
#define AWARDS_HEADER_LEVELS                                                                       \
    "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,"          \
    "grant_fv_per_share,dividend_rights,threshold_shares,maximum_shares\n"
#define AWARD_S1 "S1,pei,stock,service,2022-03-01,1000,,,3.25,no\n"
#define AWARD_P1 "P1,wang,stock,performance,2022-06-01,2000,,,,yes\n"
#define VESTING_HEADER "award_id,tranche,vest_date,shares,status,status_date\n"
#define VESTING_O1                                                                                 \
    "O1,1,2022-11-29,10000,vested,\nO1,2,2023-11-29,10000,unvested,\n"                             \
    "O1,3,2024-11-29,10000,unvested,\n"
#define VESTING_REST                                                                               \
    "S1,1,2022-09-01,1000,forfeited,2022-08-15\nP1,1,2023-06-01,1000,unvested,\n"                  \
    "P1,2,2024-06-01,1000,unvested,\n"

#define AWARDS_HEADER_S                                                                            \
    "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,"          \
    "grant_fv_per_share,dividend_rights,schedule,retirement_vesting\n"
#define AWARD_ROWS_S                                                                               \
    "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,,,\n"                                   \
    "S1,pei,stock,service,2022-03-01,1000,,,3.25,no,,\n"                                           \
    "P1,wang,stock,performance,2022-06-01,2000,,,,yes,,\n"
#define SEPARATIONS_HEADER "person_id,date,unvested,award_id\n"
#define WINDOW_HEADER "person_id,date,unvested,award_id,exercise_window\n"

/* At file scope: Criterion runs each case in a new process, where only the
 * parameter's bytes arrive, so the parameter is an index into this table. */
static const error_case error_cases[] = {
    /* people.csv */
    {"people.csv", PEOPLE_HEADER "li,A,\npei,B,\nwang,C,\nli,D,\n", NULL, 5, 1, "duplicate",
     "person_id: duplicate person 'li' (first at line 2)", 1},
    {"people.csv", PEOPLE_HEADER "li,A,\npei,B,\nwang,,\n", NULL, 4, 2, "missing_value",
     "name: a value is required", 1},
    {"people.csv", PEOPLE_HEADER "li,Li \xC0 Yunfei,\npei,B,\nwang,C,\n", NULL, 2, 2, "bad_utf8",
     "name: invalid UTF-8 (byte 0xC0", 1},
    {"people.csv", PEOPLE_HEADER "li,\"Li\n\xE6\x9d\n\",\npei,B,\nwang,C,\n", NULL, 3, 2,
     "bad_utf8", "name: invalid UTF-8", 1},
    {"people.csv", "person_id,position\nli,\npei,\nwang,\n", NULL, 1, 0, "missing_column",
     "name: required column missing from the header", 1},
    {"people.csv", PEOPLE_HEADER "li,A,\npei,B,x,y\nwang,C,\n", NULL, 3, 4, "extra_field",
     "column 4: the row has 4 values but the header names 3 columns", 1},
    /* A number split at an unquoted thousands separator is named as such,
     * and the columns after it are read where they belong: one error. */
    {"cash.csv", "person_id,year,component,amount,currency\nli,2022,salary,90,000,USD\n", NULL, 2,
     4, "unquoted_separator",
     "amount: the row has 6 values but the header names 5 columns: '90,000' is one number split "
     "at an unquoted thousands separator, which shifts the columns after it; did you mean "
     "\"90,000\"? (a value with a comma must be in quotes)",
     1},
    {"cash.csv", CASH_HEADER "li,2022,salary,90,000,USD,2022-12-31\n", NULL, 2, 4,
     "unquoted_separator", "did you mean \"90,000\"?", 1},
    {"cash.csv", CASH_HEADER "li,2022,salary,90,000,USD,\n", NULL, 2, 4, "unquoted_separator",
     "did you mean \"90,000\"?", 1},
    {"cash.csv", CASH_HEADER "li,2022,salary,1,234,567.89,USD,,\n", NULL, 2, 4,
     "unquoted_separator", "did you mean \"1,234,567.89\"?", 1},
    /* Two runs could be the number: not guessed. */
    {"cash.csv", "person_id,year,component,amount,currency\nli,2022,12,345,678,USD\n", NULL, 2, 6,
     "extra_field", "the row has 6 values but the header names 5 columns", 3},
    {"people.csv", PEOPLE_HEADER "li,A,\npei,B \"the\" C,\nwang,C,\n", NULL, 3, 2, "bad_quote",
     "name: a quote inside a value that is not enclosed in quotes", 1},
    {"people.csv", PEOPLE_HEADER "li,\"A\"x,\npei,B,\nwang,C,\n", NULL, 2, 2, "bad_quote",
     "name: text after the closing quote", 1},
    {"people.csv", PEOPLE_HEADER "li,A,\npei,B,\nwang,C,\"CEO\n\n", NULL, 4, 3, "bad_quote",
     "position: a quote opened here is never closed", 1},
    {"people.csv", "", NULL, 0, 0, "empty_file", "the file is empty", 0},
    {"people.csv", "\n \n\r\n", NULL, 0, 0, "empty_file", "the file is empty", 0},
    {"people.csv", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n", NULL, 1, 17, "limit",
     "header: 17 columns; a file may have at most 16", 0},

    /* roles.csv */
    {"roles.csv", ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n2022,zhang,NEO\n", NULL, 4, 2,
     "unknown_person", "person_id: unknown person 'zhang' (not in people.csv)", 1},
    {"roles.csv", ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n2022,pei,CFO\n", NULL, 4, 3, "bad_value",
     "role: invalid value 'CFO': use PEO, NEO or director", 1},
    {"roles.csv", ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n2022,li,NEO\n", NULL, 4, 2, "duplicate",
     "'li' already has a role for 2022 (line 3)", 1},
    {"roles.csv", ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n22,pei,NEO\n", NULL, 4, 1, "bad_year",
     "year: invalid year '22': a year is four digits", 1},
    {"roles.csv", ROLES_HEADER "2021,li,PEO\n2022,pei,NEO\n", NULL, 0, 0, "no_peo",
     "no PEO for covered year 2022", 1},

    /* cash.csv */
    {"cash.csv", CASH_HEADER "li,2022,salary,100,USD,2022/12/31\n", NULL, 2, 6, "bad_date",
     "pay_date: invalid date '2022/12/31': dates must be written YYYY-MM-DD", 1},
    {"cash.csv", CASH_HEADER "li,2022,wages,100,USD,\n", NULL, 2, 3, "bad_value",
     "component: invalid value 'wages': use salary, bonus,", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,-5,USD,\n", NULL, 2, 4, "negative_amount",
     "amount: negative amount '-5': only change_in_pension_value may be negative", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,\"12,34O.00\",USD,\n", NULL, 2, 4, "bad_amount",
     "amount: invalid amount '12,34O.00': not a number", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,1.234,USD,\n", NULL, 2, 4, "bad_amount",
     "amount: invalid amount '1.234': at most 2 decimals", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,$100,USD,\n", NULL, 2, 4, "bad_amount",
     "currency signs are not accepted", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,100,XYZ,\n", NULL, 2, 5, "bad_currency",
     "currency: invalid currency 'XYZ': not an ISO 4217 currency code", 1},
    {"cash.csv", CASH_HEADER "li,2022,bonus,100,USD,\nli,2022,bonus,,USD,\n", NULL, 3, 4,
     "missing_value", "amount: a value is required", 1},
    {"cash.csv", "person_id,year,component,amount\nli,2022,salary,100\n", NULL, 1, 0,
     "missing_column", "currency: required column missing", 1},

    /* fx.csv */
    {"fx.csv", FX_HEADER "CNY,2022,6.7264\nUSD,2022,1\n", NULL, 3, 1, "bad_currency",
     "currency: 'USD' needs no exchange rate", 1},
    {"fx.csv", FX_HEADER "CNY,FY2022,6.7264\n", NULL, 2, 2, "bad_period",
     "period: invalid period 'FY2022': write a fiscal year (2022)", 1},
    {"fx.csv", FX_HEADER "CNY,2022-13-01,6.7264\n", NULL, 2, 2, "bad_period",
     "period: invalid period '2022-13-01': no such date", 1},
    {"fx.csv", FX_HEADER "CNY,2022,0\n", NULL, 2, 3, "bad_number",
     "per_usd: invalid exchange rate '0': must be greater than 0", 1},
    {"fx.csv", FX_HEADER "CNY,2022,6.7264\nCNY,2021,6.45\nRMB,2022,6.8\n", NULL, 4, 2, "duplicate",
     "duplicate rate for CNY in period 2022 (first at line 2)", 1},
    {"fx.csv", FX_HEADER "CNY,2022-12-30,6.9\nCNY,2022-12-30,6.9\n", NULL, 3, 2, "duplicate",
     "duplicate rate for CNY in period 2022-12-30 (first at line 2)", 1},

    /* awards.csv */
    {"awards.csv",
     AWARDS_HEADER "O1,zhang,option,service,2021-11-29,30000,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 2, "unknown_person", "person_id: unknown person 'zhang'", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,rsu,service,2021-11-29,30000,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1, NULL,
     2, 3, "bad_value", "type: invalid value 'rsu': use option, sar or stock", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,time,2021-11-29,30000,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1, NULL,
     2, 4, "bad_value", "condition: invalid value 'time': use service, performance or market", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000,,2031-11-28,,\n" AWARD_S1 AWARD_P1, NULL,
     2, 7, "missing_value", "exercise_price: a value is required for an option or SAR", 1},
    {"awards.csv", AWARDS_HEADER "O1,li,sar,service,2021-11-29,30000,4.5,,,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 8, "missing_value", "expiration_date: a value is required for an option or SAR", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000,4.5,2021-11-29,,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 8, "bad_date",
     "expiration_date: expiration date 2021-11-29 is not after the grant date 2021-11-29", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000,0,2031-11-28,,\n" AWARD_S1 AWARD_P1, NULL,
     2, 7, "bad_number", "exercise_price: invalid exercise price '0': must be greater than 0", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,11/29/2021,30000,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 5, "bad_date",
     "grant_date: invalid date '11/29/2021': dates must be written YYYY-MM-DD", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,0,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1, NULL,
     2, 6, "bad_shares", "shares: invalid number of shares '0': must be more than 0", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000.5,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 6, "bad_shares", "shares must be a whole number", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,-1,\n" AWARD_S1 AWARD_P1,
     NULL, 2, 9, "bad_number", "grant_fv_per_share: invalid fair value '-1': must be at least 0",
     1},
    {"awards.csv",
     AWARDS_HEADER
     "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,maybe\n" AWARD_S1 AWARD_P1,
     NULL, 2, 10, "bad_value", "dividend_rights: invalid value 'maybe': use yes or no", 1},
    {"awards.csv",
     AWARDS_HEADER "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,\n" AWARD_S1 AWARD_P1
                   "O1,li,stock,service,2022-01-01,5,,,,\n",
     NULL, 5, 1, "duplicate", "award_id: duplicate award 'O1' (first at line 2)", 1},

    /* vesting.csv */
    {"vesting.csv", VESTING_HEADER VESTING_O1 VESTING_REST "X9,1,2022-01-01,5,vested,\n", NULL, 8,
     1, "unknown_award", "award_id: unknown award 'X9' (not in awards.csv)", 1},
    {"vesting.csv", VESTING_HEADER VESTING_O1 VESTING_REST "O1,0,2025-01-01,5,unvested,\n", NULL, 8,
     2, "bad_tranche", "tranche: invalid tranche '0': a tranche is numbered 1, 2, 3", 1},
    {"vesting.csv",
     VESTING_HEADER "O1,1,2021-11-28,10000,vested,\nO1,2,2023-11-29,10000,unvested,\n"
                    "O1,3,2024-11-29,10000,unvested,\n" VESTING_REST,
     NULL, 2, 3, "before_grant",
     "vest_date: vest date 2021-11-28 is before the grant date 2021-11-29 of award 'O1'", 1},
    {"vesting.csv",
     VESTING_HEADER VESTING_O1 "S1,1,2022-09-01,1000,forfeited,2022-02-28\n"
                               "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n",
     NULL, 5, 6, "before_grant",
     "status_date: status date 2022-02-28 is before the grant date 2022-03-01", 1},
    {"vesting.csv",
     VESTING_HEADER VESTING_O1 "S1,1,2022-09-01,1000,lapsed,\n"
                               "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n",
     NULL, 5, 5, "bad_value", "status: invalid value 'lapsed': use unvested, vested or forfeited",
     1},
    {"vesting.csv",
     VESTING_HEADER VESTING_O1 "S1,1,2022-09-01,1000,forfeited,\n"
                               "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n",
     NULL, 5, 6, "missing_value", "status_date: a value is required for a forfeited tranche", 1},
    {"vesting.csv",
     VESTING_HEADER "O1,1,2022-11-29,10000,vested,\nO1,2,2023-11-29,10000,vested,\n"
                    "O1,3,2024-11-29,10000,unvested,\n" VESTING_REST,
     NULL, 3, 5, "status_after_year_end",
     "status: the tranche is vested on 2023-11-29, after the last covered fiscal year end "
     "2022-12-31",
     1},
    {"vesting.csv",
     VESTING_HEADER VESTING_O1 "S1,1,2022-09-01,1000,forfeited,2023-01-01\n"
                               "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n",
     NULL, 5, 6, "status_after_year_end", "status_date: the tranche is forfeited on 2023-01-01", 1},
    {"vesting.csv", VESTING_HEADER VESTING_O1 VESTING_REST "O1,2,2025-01-01,5,unvested,\n", NULL, 8,
     2, "duplicate", "tranche: duplicate tranche 2 of award 'O1' (first at line 3)", 1},
    {"vesting.csv",
     VESTING_HEADER "O1,1,2022-11-29,10000,vested,\nO1,2,2023-11-29,10000,unvested,\n"
                    "O1,3,2024-11-29,9999,unvested,\n" VESTING_REST,
     "awards.csv", 2, 6, "tranche_shares",
     "shares: award 'O1' has 30000 shares but its tranches in vesting.csv add up to 29999", 1},
    {"vesting.csv",
     VESTING_HEADER VESTING_O1 "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n",
     "awards.csv", 3, 1, "no_tranches", "award_id: award 'S1' has no tranches in vesting.csv", 1},

    /* schedules (SPEC section 13): each at the schedule cell, the pattern quoted */
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,1200,,,,,annualy 4,\n", NULL, 5,
     11, "bad_schedule",
     "schedule: 'annualy 4': 'annualy' is not a step: use cliff Ny, cliff Nm, annual N", 1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,1200,,,,,annual 0,\n", NULL, 5,
     11, "bad_schedule",
     "schedule: 'annual 0': '0' is not a number of instalments: a whole number from 1", 1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,1200,,,,,cliff 1y then,\n", NULL,
     5, 11, "bad_schedule", "schedule: 'cliff 1y then': 'then' must be followed by another step",
     1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,1200,,,,,cliff 1 year,\n", NULL,
     5, 11, "bad_schedule", "schedule: 'cliff 1 year': '1' is not a cliff length", 1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S
     "M1,li,stock,service,2022-01-31,1200,,,,,annual 4 from 2022-01-30,\n",
     NULL, 5, 11, "schedule_does_not_fit",
     "schedule: 'annual 4 from 2022-01-30': the first vest date 2022-01-30 is before the grant "
     "date 2022-01-31",
     1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,30,,,,,monthly 36,\n", NULL, 5,
     11, "schedule_does_not_fit",
     "schedule: 'monthly 36' has 36 instalments but the award has only 30 shares", 1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S
     "M1,li,stock,service,2022-01-31,3,,,,,cliff 46m then monthly 2,\n",
     NULL, 5, 11, "schedule_does_not_fit",
     "schedule: 'cliff 46m then monthly 2' leaves instalment 2 of 3 without a share", 1},
    {"awards.csv",
     AWARDS_HEADER_S AWARD_ROWS_S "M1,li,stock,service,2022-01-31,1200,,,,,annual 4,maybe\n", NULL,
     5, 12, "bad_value", "retirement_vesting: invalid value 'maybe': use yes or no", 1},
    {"people.csv",
     "person_id,name,position,retirement_eligible_date\nli,A,,2021-02-30\npei,B,,\nwang,C,,\n",
     NULL, 2, 4, "bad_date", "retirement_eligible_date: invalid date '2021-02-30'", 1},

    /* separations.csv */
    {"separations.csv", SEPARATIONS_HEADER "zhang,2022-06-30,forfeit,\n", NULL, 2, 1,
     "unknown_person", "person_id: unknown person 'zhang'", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,2022-06-30,leave,\n", NULL, 2, 3, "bad_value",
     "unvested: invalid value 'leave': use forfeit, accelerate or continue", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,30/06/2022,forfeit,\n", NULL, 2, 2, "bad_date",
     "date: invalid date '30/06/2022'", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,2021-11-28,forfeit,O1\n", NULL, 2, 2, "before_grant",
     "date: separation date 2021-11-28 is before the grant date 2021-11-29 of award 'O1'", 1},
    {"separations.csv", SEPARATIONS_HEADER "pei,2022-06-30,forfeit,O1\n", NULL, 2, 4,
     "wrong_person", "award_id: award 'O1' is held by 'li', not by 'pei'", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,2022-06-30,forfeit,X9\n", NULL, 2, 4,
     "unknown_award", "award_id: unknown award 'X9'", 1},
    {"separations.csv", WINDOW_HEADER "li,2022-06-30,forfeit,,90 days\n", NULL, 2, 5, "bad_window",
     "exercise_window: invalid exercise window '90 days': write days (90d), months (12m, at most "
     "1200) or the last day (YYYY-MM-DD)",
     1},
    {"separations.csv", WINDOW_HEADER "li,2022-06-30,forfeit,,2022-06-29\n", NULL, 2, 5,
     "window_before_separation",
     "exercise_window: 2022-06-29 is before the separation date 2022-06-30", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,2022-06-30,forfeit,\nli,2022-07-30,continue,\n",
     NULL, 3, 1, "duplicate", "person_id: a second separation for 'li' (first at line 2)", 1},
    {"separations.csv", SEPARATIONS_HEADER "li,2022-06-30,forfeit,O1\nli,2022-07-30,continue,O1\n",
     NULL, 3, 4, "duplicate", "award_id: a second separation for award 'O1' (first at line 2)", 1},

    /* prices.csv */
    {"prices.csv", "date,close\n2021-12-31,5.10\n2021-12-31,5.20\n", NULL, 3, 1, "duplicate",
     "date: duplicate price for 2021-12-31 (first at line 2)", 1},
    {"prices.csv", "date,close\n2021-12-31,0\n", NULL, 2, 2, "bad_number",
     "close: invalid price '0': must be greater than 0", 1},
    {"prices.csv", "date,close\n2021-12-31,5.1234567\n", NULL, 2, 2, "bad_number",
     "close: invalid price '5.1234567': at most 6 decimals", 1},
    {"prices.csv", "date,close,dividend\n2021-12-31,5.1,-0.05\n", NULL, 2, 3, "bad_number",
     "dividend: invalid dividend '-0.05': must be at least 0", 1},
    {"prices.csv", "date,close\n2021-02-29,5.1\n", NULL, 2, 1, "bad_date",
     "date: invalid date '2021-02-29': no such date", 1},

    /* assumptions.csv */
    {"assumptions.csv", "date,volatility,risk_free_rate,dividend_yield\n2022-12-30,85,0.04,0\n",
     NULL, 2, 2, "bad_fraction", "volatility: invalid volatility '85': a fraction above 5", 1},
    {"assumptions.csv",
     "date,volatility,risk_free_rate,dividend_yield\n2022-12-30,0.85,-0.5%,-0.01\n", NULL, 2, 4,
     "bad_fraction", "dividend_yield: invalid dividend yield '-0.01': must not be negative", 1},
    {"assumptions.csv",
     "date,volatility,risk_free_rate,dividend_yield,expected_term\n2022-12-30,0.85,0.04,0,0\n",
     NULL, 2, 5, "bad_number", "expected_term: invalid term (years) '0': must be greater than 0",
     1},
    {"assumptions.csv",
     "date,volatility,risk_free_rate,dividend_yield\n2022-12-30,0.85,0.04,0\n"
     "2022-12-30,0.8,0.04,0\n",
     NULL, 3, 1, "duplicate", "date: duplicate assumptions for 2022-12-30 (first at line 2)", 1},

    /* outcomes.csv */
    {"outcomes.csv", "award_id,tranche,date,probable\nP1,3,2022-12-30,1\n", NULL, 2, 2,
     "unknown_tranche", "tranche: award 'P1' has no tranche 3 in vesting.csv", 1},
    {"outcomes.csv", "award_id,tranche,date,probable\nP1,,2022-12-30,-0.1\n", NULL, 2, 4,
     "bad_fraction", "probable: invalid probable outcome '-0.1': must not be negative", 1},
    {"outcomes.csv", "award_id,tranche,date,probable\nP1,,2022-12-30,120\n", NULL, 2, 4,
     "bad_fraction", "did you mean 120%", 1},
    {"outcomes.csv", "award_id,tranche,date,probable\nQ1,,2022-12-30,1\n", NULL, 2, 1,
     "unknown_award", "award_id: unknown award 'Q1'", 1},
    {"outcomes.csv",
     "award_id,tranche,date,probable\nP1,1,2022-12-30,1\nP1,,2022-12-30,1\nP1,1,2022-12-30,0.5\n",
     NULL, 4, 3, "duplicate",
     "date: duplicate outcome for award 'P1', tranche 1, on 2022-12-30 (first at line 2)", 1},

    /* fair_values.csv */
    {"fair_values.csv", "award_id,tranche,date,fv_per_share\nP1,1,2022-12-30,-1\n", NULL, 2, 4,
     "bad_number", "fv_per_share: invalid fair value '-1': must be at least 0", 1},
    {"fair_values.csv", "award_id,tranche,date,fv_per_share\nP1,,2022-12-30,1\nP1,,2022-12-30,2\n",
     NULL, 3, 3, "duplicate",
     "date: duplicate fair value for award 'P1', every tranche, on 2022-12-30 (first at line 2)",
     1},
    {"fair_values.csv", "award_id,tranche,date,fv_per_share\nO1,x,2022-12-30,1\n", NULL, 2, 2,
     "bad_tranche", "tranche: invalid tranche 'x'", 1},

    /* performance.csv */
    {"performance.csv", "year,net_income\n2021,5\n", NULL, 0, 0, "missing_year",
     "year: no row for covered year 2022", 1},
    {"performance.csv", "year,net_income\n2021,5\n2022,6\n2022,7\n", NULL, 4, 1, "duplicate",
     "year: duplicate row for 2022 (first at line 3)", 1},
    {"performance.csv", "year,net_income\n2021,5\n2022,5.001\n", NULL, 3, 2, "bad_amount",
     "net_income: invalid amount '5.001': at most 2 decimals", 1},
    {"performance.csv", "year,net_income,peer_group_tsr\n2021,5,\n2022,5,-3\n", NULL, 3, 3,
     "bad_number", "peer_group_tsr: invalid TSR '-3'", 1},

    /* reported.csv */
    {"reported.csv", "table,year,subject,item,value\nsummary,2022,li,salary,1\n", NULL, 2, 1,
     "bad_value", "table: invalid value 'summary': use sct, pvp, cap, oea, oesv, gpba or dct", 1},
    {"reported.csv", "table,year,subject,item,value\nsct,2022,li,wages,1\n", NULL, 2, 4,
     "bad_value", "item: invalid item 'wages' for table sct", 1},
    {"reported.csv", "table,year,subject,item,value\npvp,2022,li,tsr,1\n", NULL, 2, 3,
     "bad_subject", "subject: 'li' cannot have item tsr: use the subject 'company'", 1},
    {"reported.csv", "table,year,subject,item,value\nsct,2022,company,total,1\n", NULL, 2, 3,
     "bad_subject", "subject: 'company' cannot have item total: use a person_id", 1},
    {"reported.csv", "table,year,subject,item,value\ncap,2022,zhang,cap,1\n", NULL, 2, 3,
     "unknown_person", "subject: unknown person 'zhang' (not in people.csv)", 1},
    {"reported.csv", "table,year,subject,item,value\ncap,2022,li,cap,12 apples\n", NULL, 2, 5,
     "bad_number", "value: invalid value '12 apples': unknown unit 'apples'", 1},
    {"reported.csv", "table,year,subject,item,value\npvp,2022,non_peo_neo_average,count,1.5\n",
     NULL, 2, 5, "bad_count",
     "value: invalid count '1.5': the number of NEOs the average covers is a whole number of at "
     "least 1",
     1},
    {"reported.csv", "table,year,subject,item,value\npvp,2022,non_peo_neo_average,count,-\n", NULL,
     2, 5, "bad_count", "value: invalid count '-'", 1},
    {"reported.csv",
     "table,year,subject,item,value\ncap,2022,li,dividends,1\ncap,2022,li,dividends,2\n", NULL, 3,
     4, "duplicate", "item: duplicate figure: cap 2022 'li' dividends (first at line 2)", 1},
};

#define NCASES(table) (sizeof table / sizeof table[0])

ParameterizedTestParameters(read, reports_each_error_where_it_is)
{
    static size_t indexes[NCASES(error_cases)];
    for (size_t i = 0; i < NCASES(error_cases); i++)
        indexes[i] = i;
    return cr_make_param_array(size_t, indexes, NCASES(error_cases));
}

ParameterizedTest(size_t *index, read, reports_each_error_where_it_is)
{
    const error_case *c = &error_cases[*index];
    char *dir = scratch_copy();
    put(dir, c->file, c->text);
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT, "%s: status %d", c->file, l.status);
    expect(&l.diags, PC_SEVERITY_ERROR, c->at ? c->at : c->file, c->line, c->column, c->code,
           c->message);
    if (c->errors)
        expect_errors(&l.diags, (size_t)c->errors);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- files that are required, or required by others ---------------------------- */

static const char *const required_files[] = {"paycalc.json", "people.csv", "roles.csv",
                                             "cash.csv",     "prices.csv", "performance.csv"};

ParameterizedTestParameters(read, a_missing_required_file_is_an_error)
{
    static size_t indexes[NCASES(required_files)];
    for (size_t i = 0; i < NCASES(required_files); i++)
        indexes[i] = i;
    return cr_make_param_array(size_t, indexes, NCASES(required_files));
}

ParameterizedTest(size_t *index, read, a_missing_required_file_is_an_error)
{
    const char *const *file = &required_files[*index];
    char *dir = scratch_copy();
    drop(dir, *file);
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    expect(&l.diags, PC_SEVERITY_ERROR, *file, 0, 0, "missing_file", "required file missing");
    /* Nothing else: no "unknown person" for every row when people.csv is gone. */
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, fx_is_required_by_a_foreign_amount)
{
    char *dir = scratch_copy();
    drop(dir, "fx.csv");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "cash.csv", 2, 5, "missing_file",
           "currency: amounts in CNY need exchange rates, but fx.csv is missing");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, vesting_is_required_with_awards)
{
    char *dir = scratch_copy();
    drop(dir, "vesting.csv");
    drop(dir, "outcomes.csv");
    drop(dir, "fair_values.csv");
    drop(dir, "exercises.csv");
    drop(dir, "modifications.csv");
    put(dir, "awards.csv", AWARDS_HEADER AWARD_S1);
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "vesting.csv", 0, 0, "missing_file",
           "vesting.csv gives the tranches of the awards in awards.csv");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- schedules, separations, retirement (SPEC section 13) ------------------------- */

/* The good set with O1 (30,000 options granted 2021-11-29, li) written as
 * `schedule` and its vesting.csv rows dropped; `separations` replaces
 * separations.csv. Covered years 2021-2022: the last year end is
 * 2022-12-31. */
static void load_scheduled(const char *schedule, const char *separations, loaded *l, char **dir)
{
    *dir = scratch_copy();
    char awards[1024];
    snprintf(awards, sizeof awards,
             AWARDS_HEADER_S "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,,%s,yes\n"
                             "S1,pei,stock,service,2022-03-01,1000,,,3.25,no,,\n"
                             "P1,wang,stock,performance,2022-06-01,2000,,,,yes,,\n",
             schedule);
    put(*dir, "awards.csv", awards);
    put(*dir, "vesting.csv", VESTING_HEADER VESTING_REST);
    put(*dir, "separations.csv", separations);
    load(*dir, l);
}

static const pc_tranche *tranche_of(const pc_dataset *ds, const char *award, int number)
{
    const pc_award *a = pc_dataset_award(ds, award, NULL);
    cr_assert_not_null(a);
    cr_assert(number >= 1 && (size_t)number <= a->ntranches, "%s has %zu tranches", award,
              a->ntranches);
    const pc_tranche *t = &ds->tranches.items[a->first_tranche + (size_t)number - 1];
    cr_assert_eq(t->number, number);
    return t;
}

static void expect_tranche(const pc_tranche *t, const char *vest, int64_t shares,
                           pc_tranche_status status, const char *status_date)
{
    pc_date v, sd = PC_DATE_NONE;
    cr_assert_eq(pc_date_parse(vest, &v), PC_OK);
    if (status_date)
        cr_assert_eq(pc_date_parse(status_date, &sd), PC_OK);
    char a[11], b[11];
    cr_assert_eq(t->vest_date, v, "tranche %d vests %s, expected %s", t->number,
                 pc_date_format(t->vest_date, a), vest);
    cr_assert_eq(t->shares, shares, "tranche %d: %lld shares", t->number, (long long)t->shares);
    cr_assert_eq(t->status, status, "tranche %d: status %d, expected %d", t->number, t->status,
                 status);
    cr_assert_eq(t->status_date, sd, "tranche %d: status date %s", t->number,
                 t->status_date == PC_DATE_NONE ? "none" : pc_date_format(t->status_date, b));
}

Test(read, a_schedule_lays_out_tranches_whose_status_follows_their_dates)
{
    /* annual 3 of 30,000 from the grant 2021-11-29: 10,000 on 2022-11-29
     * (on or before 2022-12-31: vested), 2023-11-29, 2024-11-29 (unvested). */
    loaded l;
    char *dir;
    load_scheduled("annual 3", SEPARATIONS_HEADER, &l, &dir);
    expect_clean(&l);
    const pc_award *o = pc_dataset_award(&l.ds, "O1", NULL);
    cr_assert_str_eq(o->schedule, "annual 3");
    cr_assert(o->retirement_vesting);
    cr_assert_eq(o->ntranches, 3);
    expect_tranche(tranche_of(&l.ds, "O1", 1), "2022-11-29", 10000, PC_TRANCHE_VESTED,
                   "2022-11-29");
    expect_tranche(tranche_of(&l.ds, "O1", 2), "2023-11-29", 10000, PC_TRANCHE_UNVESTED, NULL);
    expect_tranche(tranche_of(&l.ds, "O1", 3), "2024-11-29", 10000, PC_TRANCHE_UNVESTED, NULL);
    const pc_tranche *t = tranche_of(&l.ds, "O1", 3);
    cr_assert(t->scheduled);
    cr_assert_eq(t->line, 2, "a laid-out tranche points at its awards.csv line");
    cr_assert_not(t->cap_vested_early);
    /* Awards without a schedule keep their vesting.csv rows. */
    cr_assert_not(tranche_of(&l.ds, "S1", 1)->scheduled);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, separations_forfeit_accelerate_or_continue_what_is_unvested)
{
    loaded l;
    char *dir;
    /* li leaves 2022-06-30, before the first instalment (2022-11-29). */
    load_scheduled("annual 3", SEPARATIONS_HEADER "li,2022-06-30,forfeit,\n", &l, &dir);
    expect_clean(&l);
    for (int k = 1; k <= 3; k++)
        cr_assert_eq(tranche_of(&l.ds, "O1", k)->status, PC_TRANCHE_FORFEITED);
    expect_tranche(tranche_of(&l.ds, "O1", 2), "2023-11-29", 10000, PC_TRANCHE_FORFEITED,
                   "2022-06-30");
    unload(&l);
    remove_dir(dir);
    free(dir);

    load_scheduled("annual 3", SEPARATIONS_HEADER "li,2022-06-30,accelerate,O1\n", &l, &dir);
    expect_clean(&l);
    for (int k = 1; k <= 3; k++)
        expect_tranche(tranche_of(&l.ds, "O1", k),
                       k == 1   ? "2022-11-29"
                       : k == 2 ? "2023-11-29"
                                : "2024-11-29",
                       10000, PC_TRANCHE_VESTED, "2022-06-30");
    unload(&l);
    remove_dir(dir);
    free(dir);

    /* continue: the schedule goes on (the first instalment vests on its
     * date), and for CAP every unvested tranche is vested on 2022-06-30. */
    load_scheduled("annual 3", SEPARATIONS_HEADER "li,2022-06-30,continue,\n", &l, &dir);
    expect_clean(&l);
    expect_tranche(tranche_of(&l.ds, "O1", 1), "2022-11-29", 10000, PC_TRANCHE_VESTED,
                   "2022-11-29");
    expect_tranche(tranche_of(&l.ds, "O1", 3), "2024-11-29", 10000, PC_TRANCHE_UNVESTED, NULL);
    for (int k = 1; k <= 3; k++) {
        const pc_tranche *t = tranche_of(&l.ds, "O1", k);
        cr_assert(t->cap_vested_early);
        cr_assert_eq(t->cap_vested_on, pc_date_from_ymd(2022, 6, 30));
    }
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* separations.csv exercise_window (SPEC section 13): days, months or the
 * last day, for the options and SARs the separation covers. */
Test(read, an_exercise_window_ends_the_options_of_the_awards_a_separation_covers)
{
    static const struct {
        const char *window;
        const char *end;
    } cases[] = {{"90d", "2022-09-28"}, {"12m", "2023-06-30"}, {"2022-07-31", "2022-07-31"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        loaded l;
        char *dir;
        char text[128];
        snprintf(text, sizeof text, WINDOW_HEADER "li,2022-06-30,forfeit,,%s\n", cases[i].window);
        load_scheduled("annual 3", text, &l, &dir);
        expect_clean(&l);
        const pc_award *o = pc_dataset_award(&l.ds, "O1", NULL);
        pc_date end;
        cr_assert_eq(pc_date_parse(cases[i].end, &end), PC_OK);
        cr_assert(o->has_window_end, "%s", cases[i].window);
        cr_assert_eq(o->window_end, end, "%s", cases[i].window);
        cr_assert_eq(o->separated_on, pc_date_from_ymd(2022, 6, 30));
        cr_assert_not(pc_dataset_award(&l.ds, "S1", NULL)->has_window_end,
                      "another holder's award is not covered");
        unload(&l);
        remove_dir(dir);
        free(dir);
    }
}

Test(read, a_separation_leaves_alone_what_vested_before_it_and_what_it_does_not_cover)
{
    loaded l;
    char *dir;
    /* On 2022-11-29 itself the first instalment vests; the award's own row
     * beats the person's; a separation after the last year end has not
     * happened yet. */
    load_scheduled("annual 3",
                   SEPARATIONS_HEADER "li,2022-11-29,forfeit,O1\nli,2022-01-15,accelerate,\n", &l,
                   &dir);
    expect_clean(&l);
    expect_tranche(tranche_of(&l.ds, "O1", 1), "2022-11-29", 10000, PC_TRANCHE_VESTED,
                   "2022-11-29");
    expect_tranche(tranche_of(&l.ds, "O1", 2), "2023-11-29", 10000, PC_TRANCHE_FORFEITED,
                   "2022-11-29");
    unload(&l);
    remove_dir(dir);
    free(dir);

    load_scheduled("annual 3", SEPARATIONS_HEADER "li,2023-01-15,forfeit,\n", &l, &dir);
    expect_clean(&l);
    expect_tranche(tranche_of(&l.ds, "O1", 2), "2023-11-29", 10000, PC_TRANCHE_UNVESTED, NULL);
    unload(&l);
    remove_dir(dir);
    free(dir);

    /* A person's row before an award's grant leaves that award alone. */
    load_scheduled("annual 3", SEPARATIONS_HEADER "li,2021-10-01,forfeit,\n", &l, &dir);
    expect_clean(&l);
    expect_tranche(tranche_of(&l.ds, "O1", 1), "2022-11-29", 10000, PC_TRANCHE_VESTED,
                   "2022-11-29");
    unload(&l);
    remove_dir(dir);
    free(dir);

    /* vesting.csv statuses win: P1's tranches stay unvested. */
    load_scheduled("annual 3", SEPARATIONS_HEADER "wang,2022-07-01,forfeit,\n", &l, &dir);
    expect_clean(&l);
    cr_assert_eq(tranche_of(&l.ds, "P1", 1)->status, PC_TRANCHE_UNVESTED);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, continue_keeps_a_performance_award_on_its_schedule_for_cap_too)
{
    /* P1 (wang, performance shares granted 2022-06-01) as `annual 2`: its
     * condition still has to be met, so a `continue` separation leaves
     * both tranches unvested and not vested early for CAP. */
    char *dir = scratch_copy();
    put(dir, "awards.csv",
        AWARDS_HEADER_S "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,,,\n"
                        "S1,pei,stock,service,2022-03-01,1000,,,3.25,no,,\n"
                        "P1,wang,stock,performance,2022-06-01,2000,,,,yes,annual 2,\n");
    put(dir, "vesting.csv",
        VESTING_HEADER VESTING_O1 "S1,1,2022-09-01,1000,forfeited,2022-08-15\n");
    put(dir, "separations.csv", SEPARATIONS_HEADER "wang,2022-09-30,continue,\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    for (int k = 1; k <= 2; k++) {
        const pc_tranche *t = tranche_of(&l.ds, "P1", k);
        cr_assert_eq(t->status, PC_TRANCHE_UNVESTED);
        cr_assert_not(t->cap_vested_early, "tranche %d", k);
    }
    expect_tranche(tranche_of(&l.ds, "P1", 2), "2024-06-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_scheduled_award_listed_in_vesting_csv_too_is_an_error_at_each_row)
{
    char *dir = scratch_copy();
    put(dir, "awards.csv",
        AWARDS_HEADER_S "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,,annual 3,\n"
                        "S1,pei,stock,service,2022-03-01,1000,,,3.25,no,,\n"
                        "P1,wang,stock,performance,2022-06-01,2000,,,,yes,,\n");
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    for (int line = 2; line <= 4; line++)
        expect(&l.diags, PC_SEVERITY_ERROR, "vesting.csv", line, 1, "schedule_and_vesting",
               "award_id: award 'O1' has a schedule in awards.csv (line 2), which gives its "
               "tranches: list them in one place only");
    expect_errors(&l.diags, 3);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, vesting_csv_is_not_needed_when_every_award_has_a_schedule)
{
    char *dir = scratch_copy();
    drop(dir, "vesting.csv");
    drop(dir, "outcomes.csv");
    drop(dir, "fair_values.csv");
    put(dir, "awards.csv",
        AWARDS_HEADER_S
        "O1,li,option,service,2021-11-29,30000,4.5,2031-11-28,,,cliff 6m then "
        "quarterly 4,\nS1,pei,stock,service,2022-03-01,1000,,,3.25,no,monthly 12,\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    cr_assert_eq(pc_dataset_award(&l.ds, "O1", NULL)->ntranches, 5);
    /* S1's separation (2022-08-15, forfeit) takes the instalments after it:
     * 2022-04-01 .. 2022-08-01 vested, 2022-09-01 on forfeited. */
    expect_tranche(tranche_of(&l.ds, "S1", 5), "2022-08-01", 83, PC_TRANCHE_VESTED, "2022-08-01");
    expect_tranche(tranche_of(&l.ds, "S1", 6), "2022-09-01", 84, PC_TRANCHE_FORFEITED,
                   "2022-08-15");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, outcomes_of_a_scheduled_award_name_only_its_tranches)
{
    loaded l;
    char *dir;
    load_scheduled("annual 3", SEPARATIONS_HEADER, &l, &dir);
    unload(&l);
    put(dir, "fair_values.csv", "award_id,tranche,date,fv_per_share\nO1,4,2022-12-30,1\n");
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "fair_values.csv", 2, 2, "unknown_tranche",
           "tranche: award 'O1' has no tranche 4 in its schedule");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_past_due_unvested_tranche_is_a_warning_naming_its_row)
{
    char *dir = scratch_copy();
    put(dir, "vesting.csv",
        VESTING_HEADER "O1,1,2022-11-29,10000,unvested,\nO1,2,2023-11-29,10000,unvested,\n"
                       "O1,3,2024-11-29,10000,unvested,\n" VESTING_REST);
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_OK);
    expect(&l.diags, PC_SEVERITY_WARNING, "vesting.csv", 2, 5, "past_due_unvested",
           "status: tranche 1 of award 'O1' was due to vest on 2022-11-29, on or before the "
           "last covered fiscal year end 2022-12-31, but is still unvested");
    cr_assert_eq(l.diags.warnings, 1, "only the past-due row warns");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, reads_retirement_eligibility)
{
    char *dir = scratch_copy();
    put(dir, "people.csv",
        "person_id,name,position,retirement_eligible_date\nli,A,,2021-06-30\npei,B,,\nwang,C,,\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    const pc_person *li = pc_dataset_person(&l.ds, "li", NULL);
    cr_assert(li->retirement_eligible);
    cr_assert_eq(li->retirement_eligible_date, pc_date_from_ymd(2021, 6, 30));
    const pc_person *pei = pc_dataset_person(&l.ds, "pei", NULL);
    cr_assert_not(pei->retirement_eligible);
    cr_assert_eq(pei->retirement_eligible_date, PC_DATE_NONE);
    cr_assert_not(pc_dataset_award(&l.ds, "O1", NULL)->retirement_vesting, "default no");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, outcomes_are_required_by_a_performance_award)
{
    char *dir = scratch_copy();
    drop(dir, "outcomes.csv");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "awards.csv", 4, 4, "missing_file",
           "condition: award 'P1' has a performance condition");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, payment_date_method_needs_pay_dates_of_foreign_amounts)
{
    char *dir = scratch_copy();
    put(dir, "paycalc.json",
        "{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\", "
        "\"years\": [2021, 2022], \"smaller_reporting_company\": true, "
        "\"fx_method\": \"payment_date\"}");
    put(dir, "cash.csv",
        CASH_HEADER "li,2021,salary,100,USD,\nli,2022,salary,100,CNY,2022-06-30\n"
                    "li,2022,bonus,100,CNY,\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "cash.csv", 4, 6, "missing_value",
           "pay_date: a value is required when fx_method is payment_date");
    expect_errors(&l.diags, 1);
    unload(&l);

    put(dir, "cash.csv", "person_id,year,component,amount,currency\nli,2022,salary,100,CNY\n");
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "cash.csv", 1, 0, "missing_column",
           "pay_date: required column missing");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, more_than_four_peos_in_a_year_is_an_error)
{
    char *dir = scratch_copy();
    put(dir, "people.csv", PEOPLE_HEADER "li,A,\npei,B,\nwang,C,\nd,D,\ne,E,\n");
    put(dir, "roles.csv",
        ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n2022,pei,PEO\n2022,wang,PEO\n2022,d,PEO\n"
                     "2022,e,PEO\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "roles.csv", 7, 3, "too_many_peos",
           "role: more than 4 PEOs in 2022");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_missing_id_column_is_reported_once)
{
    char *dir = scratch_copy();
    put(dir, "awards.csv",
        "id,person_id,type,condition,grant_date,shares\nS1,pei,stock,service,2022-03-01,1000\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "awards.csv", 1, 0, "missing_column",
           "award_id: required column missing");
    /* Not also "unknown award" for every tranche, outcome and fair value. */
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, malformed_quoting_in_the_header_stops_the_file)
{
    char *dir = scratch_copy();
    put(dir, "fx.csv", "currency,pe\"riod,per_usd\nCNY,2021,6.4525\nCNY,2022,6.7264\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "fx.csv", 1, 2, "bad_quote", "header: a quote inside");
    expect_errors(&l.diags, 1);
    cr_assert_eq(l.ds.fx.count, 0);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_column_named_twice_is_an_error)
{
    char *dir = scratch_copy();
    put(dir, "prices.csv", "date,close,Date\n2021-12-31,5.10,2021-12-30\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "prices.csv", 1, 3, "duplicate_column",
           "date: the column appears twice in the header (first as column 1)");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_folder_in_place_of_a_file_is_an_error)
{
    char *dir = scratch_copy();
    drop(dir, "prices.csv");
    char path[4096];
    snprintf(path, sizeof path, "%s/prices.csv", dir);
    cr_assert_eq(mkdir(path, 0700), 0);
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "prices.csv", 0, 0, "unreadable", "a folder, not a file");
    expect_errors(&l.diags, 1);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- warnings ---------------------------------------------------------------- */

Test(read, an_unknown_column_is_a_warning_at_its_header_cell)
{
    char *dir = scratch_copy();
    put(dir, "prices.csv", "date,close,volume\n2021-12-31,5.10,1000\n");
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_OK);
    cr_assert_eq(l.diags.errors, 0);
    expect(&l.diags, PC_SEVERITY_WARNING, "prices.csv", 1, 3, "unknown_column",
           "volume: unknown column");
    cr_assert_str_eq(l.ds.files[PC_FILE_PRICES].names[2], "volume");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, outcomes_of_an_award_without_performance_condition_are_a_warning)
{
    char *dir = scratch_copy();
    put(dir, "outcomes.csv",
        "award_id,tranche,date,probable\nP1,,2022-06-01,1\nO1,,2022-06-01,1\n");
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_OK);
    expect(&l.diags, PC_SEVERITY_WARNING, "outcomes.csv", 3, 1, "outcome_not_used",
           "award 'O1' has no performance condition");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- paycalc.json ------------------------------------------------------------- */

typedef struct config_case {
    const char *json;
    int line, column;
    const char *code;
    const char *message;
} config_case;

static const config_case config_cases[] = {
    {"{\n  \"company\": {\"name\": \"X\", \"ticker\": \"X\"},\n  \"years\": [2021 2022]\n}", 3, 21,
     "bad_json", "invalid JSON: ']' expected near '2022'"},
    {"[1, 2]", 1, 1, "bad_json", "must hold one JSON object"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": \"yes\"}",
     2, 24, "bad_type", "smaller_reporting_company: must be true or false, not a string"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022]}",
     0, 0, "missing_setting", "smaller_reporting_company: required setting missing"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": 7}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true}",
     1, 27, "bad_type", "company.ticker: must be a string, not a whole number"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"02-29\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true}",
     1, 43, "bad_date", "fiscal_year_end: invalid value '02-29'"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"06-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true}",
     1, 43, "bad_date", "fiscal_year_end: invalid value '06-31': no such day"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12/31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true}",
     1, 43, "bad_date", "write the month and day as MM-DD"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2023], \"smaller_reporting_company\": true}",
     2, 1, "bad_years", "years: the years must be consecutive and ascending (2023 follows 2021)"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2019, 2020, 2021, 2022], \"smaller_reporting_company\": true}",
     2, 1, "bad_years", "a smaller reporting company covers at most 3"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2017, 2018, 2019, 2020, 2021, 2022], \"smaller_reporting_company\": false}",
     2, 1, "bad_years", "6 years given; list 1 to 5 covered fiscal years"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [\"2021\"], \"smaller_reporting_company\": false}",
     2, 1, "bad_years", "item 1 must be a year (2022), not a string"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"fx_method\": \"spot\"}",
     2, 59, "bad_value",
     "fx_method: invalid value 'spot': use annual_average, payment_date or year_end"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"cap_decimals\": 1}",
     2, 59, "bad_value", "cap_decimals: invalid value 1: use 0 (whole dollars) or 2 (cents)"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"sct_years\": 0}",
     2, 59, "bad_value", "sct_years: must be at least 1, not 0"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, "
     "\"expected_term\": \"long\"}",
     2, 59, "bad_value",
     "expected_term: invalid value 'long': use remaining_contractual or simplified"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, "
     "\"company_selected_measure\": 5}",
     2, 59, "bad_type",
     "company_selected_measure: must be the measure's name or null, not a whole number"},
    {"{\"company\": {\"name\": \"\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true}",
     1, 14, "missing_value", "company.name: must not be empty"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, "
     "\"display_units\": {\"net_income\": \"hundreds\"}}",
     2, 77, "bad_value",
     "display_units.net_income: invalid value 'hundreds': use ones, "
     "thousands or millions"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"display_units\": 3}",
     2, 59, "bad_type", "display_units: must be an object"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"years\": [2022], \"smaller_reporting_company\": true}",
     2, 30, "bad_json", "duplicate object key"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"monte_carlo\": {\"paths\": "
     "1001}}",
     2, 75, "bad_value",
     "monte_carlo.paths: invalid value 1001: antithetic paths come in pairs, use an even number"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"monte_carlo\": {\"paths\": "
     "10}}",
     2, 75, "bad_value",
     "monte_carlo.paths: invalid value 10: must be a whole number of paths from 1,000 to "
     "10,000,000"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"monte_carlo\": 5}",
     2, 59, "bad_type", "monte_carlo: must be an object"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"monte_carlo\": "
     "{\"antithetic\": \"yes\"}}",
     2, 75, "bad_type", "monte_carlo.antithetic: must be true or false, not a string"},
    {"{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
     "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"peer_group\": 3}",
     2, 59, "bad_type", "peer_group: must be the name of a set of peers.csv"},
};

ParameterizedTestParameters(read, reports_configuration_errors)
{
    static size_t indexes[NCASES(config_cases)];
    for (size_t i = 0; i < NCASES(config_cases); i++)
        indexes[i] = i;
    return cr_make_param_array(size_t, indexes, NCASES(config_cases));
}

ParameterizedTest(size_t *index, read, reports_configuration_errors)
{
    const config_case *c = &config_cases[*index];
    char *dir = scratch_copy();
    put(dir, "paycalc.json", c->json);
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    expect(&l.diags, PC_SEVERITY_ERROR, "paycalc.json", c->line, c->column, c->code, c->message);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, configuration_defaults_and_warnings)
{
    char *dir = scratch_copy();
    put(dir, "paycalc.json",
        "\xEF\xBB\xBF{\"company\": {\"name\": \"X\", \"ticker\": \"X\", \"cik\": 1},\n"
        "\"fiscal_year_end\": \"12-31\", \"years\": [2021, 2022],\n"
        "\"smaller_reporting_company\": false, \"sct_years\": 4, \"colour\": \"red\",\n"
        "\"company_selected_measure\": \"Revenue\"}");
    loaded l;
    load(dir, &l);
    expect_errors(&l.diags, 0);
    const pc_config *c = &l.ds.config;
    cr_assert_eq(c->fx_method, PC_FX_ANNUAL_AVERAGE);
    cr_assert_eq(c->expected_term, PC_TERM_REMAINING_CONTRACTUAL);
    cr_assert_eq(c->cap_decimals, 2);
    cr_assert_eq(c->sct_years, 2); /* 4 asked, 2 covered years */
    cr_assert_str_eq(c->company_selected_measure, "Revenue");
    expect(&l.diags, PC_SEVERITY_WARNING, "paycalc.json", 3, 37, "sct_years_clamped",
           "sct_years: 4 is more than the 2 covered years");
    expect(&l.diags, PC_SEVERITY_WARNING, "paycalc.json", 3, 53, "unknown_setting",
           "colour: unknown setting");
    expect(&l.diags, PC_SEVERITY_WARNING, "paycalc.json", 1, 42, "unknown_setting",
           "company.cik: unknown setting");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* display_units: the unit of the workbook's net income and measure columns. */
Test(read, display_units_choose_the_workbook_units)
{
    char *dir = scratch_copy();
    put(dir, "paycalc.json",
        "{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\", "
        "\"years\": [2021, 2022], \"smaller_reporting_company\": true, \"display_units\": "
        "{\"net_income\": \"thousands\", \"company_selected_measure\": \"millions\"}}");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    cr_assert_eq(l.ds.config.net_income_units, PC_UNITS_THOUSANDS);
    cr_assert_eq(l.ds.config.csm_units, PC_UNITS_MILLIONS);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, sct_years_defaults_by_company_size)
{
    char *dir = scratch_copy();
    put(dir, "paycalc.json",
        "{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\", "
        "\"years\": [2018, 2019, 2020, 2021, 2022], \"smaller_reporting_company\": false}");
    put(dir, "roles.csv",
        ROLES_HEADER "2018,li,PEO\n2019,li,PEO\n2020,li,PEO\n2021,li,PEO\n"
                     "2022,li,PEO\n");
    put(dir, "performance.csv", "year,net_income\n2018,1\n2019,1\n2020,1\n2021,1\n2022,1\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    cr_assert_eq(l.ds.config.sct_years, 3);
    cr_assert_eq(l.ds.config.nyears, 5);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- limits and damaged files -------------------------------------------------- */

Test(read, a_nul_byte_is_not_text)
{
    char *dir = scratch_copy();
    put_bytes(dir, "prices.csv", "date,close\n2021-12-31,5.1\n2022-12-30,1\0.1\n", 39);
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "prices.csv", 3, 0, "not_text", "not a text file");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_value_longer_than_the_limit_is_refused)
{
    char *dir = scratch_copy();
    size_t n = PC_LIMIT_FIELD_BYTES + 1;
    char *text = malloc(n + 200);
    strcpy(text, PEOPLE_HEADER "li,");
    size_t o = strlen(text);
    memset(text + o, 'x', n);
    strcpy(text + o + n, ",\npei,B,\nwang,C,\n");
    put(dir, "people.csv", text);
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "people.csv", 2, 2, "limit",
           "name: the value is 4097 bytes long; a value may have at most 4096");
    expect_errors(&l.diags, 1);

    /* The same length inside quotes that never close: the quote is the problem. */
    text[o] = '"';
    put(dir, "people.csv", text);
    unload(&l);
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "people.csv", 2, 2, "limit",
           "is its closing quote missing?");
    unload(&l);
    free(text);
    remove_dir(dir);
    free(dir);
}

Test(read, a_file_larger_than_the_limit_is_refused_before_reading)
{
    char *dir = scratch_copy();
    char path[4096];
    snprintf(path, sizeof path, "%s/prices.csv", dir);
    /* A sparse file: its size is all that is looked at. */
    cr_assert_eq(truncate(path, PC_LIMIT_FILE_BYTES + 1), 0);
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "prices.csv", 0, 0, "limit",
           "an input file may have at most 536870912");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, more_rows_than_the_limit_are_refused)
{
    char *dir = scratch_copy();
    /* Rows of an uncovered year are checked for their year and skipped: a
     * cheap way to reach the row limit without errors. */
    const char *header = ROLES_HEADER "2021,li,PEO\n2022,li,PEO\n";
    const char *row = "2000,x,\n";
    size_t rows = (size_t)PC_LIMIT_ROWS;
    size_t n = strlen(header) + rows * strlen(row);
    char *text = malloc(n + 1);
    strcpy(text, header);
    char *p = text + strlen(header);
    for (size_t i = 0; i < rows - 2; i++, p += 8)
        memcpy(p, row, 8);
    *p = '\0';
    put(dir, "roles.csv", text);
    loaded l;
    load(dir, &l);
    expect_clean(&l); /* exactly at the limit */
    unload(&l);

    memcpy(p, row, 9);
    put(dir, "roles.csv", text);
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "roles.csv", (int)PC_LIMIT_ROWS + 2, 0, "limit",
           "more than 5000000 rows");
    unload(&l);
    free(text);
    remove_dir(dir);
    free(dir);
}

Test(read, stops_after_the_error_limit)
{
    char *dir = scratch_copy();
    size_t rows = PC_LIMIT_ERRORS + 50;
    char *text = malloc(64 + rows * 32);
    strcpy(text, CASH_HEADER);
    for (size_t i = 0; i < rows; i++)
        strcat(text, "li,2022,salary,abc,USD,\n");
    put(dir, "cash.csv", text);
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    cr_assert_eq(l.diags.errors, PC_LIMIT_ERRORS + 1);
    const pc_diag *last = &l.diags.items[l.diags.count - 1];
    cr_assert_str_eq(last->code, "too_many_errors");
    cr_assert(strstr(last->message, "stopped after 1000"));
    unload(&l);
    free(text);
    remove_dir(dir);
    free(dir);
}

Test(read, earlier_errors_of_the_caller_do_not_count_toward_the_limit)
{
    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    for (int i = 0; i < PC_LIMIT_ERRORS; i++)
        pc_error(&diags, NULL, 0, 0, "earlier", "an earlier error");
    cr_assert_eq(pc_read_input_set(GOOD, &ds, &diags), PC_OK);
    cr_assert_eq(diags.errors, PC_LIMIT_ERRORS);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
}

/* ---- reported.csv alone ----------------------------------------------------------- */

Test(read, reads_a_standalone_reported_file)
{
    char *dir = make_temp_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/published.csv", dir);
    cr_assert_eq(write_text(path, "table,year,subject,item,value\n"
                                  "sct,2019,anyone,total,\"1,234\"\n"
                                  "pvp,2022,company,tsr,-\n"
                                  "CAP,2022,non_peo_neo_average,Less_Equity_Awards,(12.5)\n"),
                 0);
    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_reported_file(path, &ds, &diags), PC_OK);
    cr_assert_eq(diags.count, 0);
    cr_assert_eq(ds.reported.count, 3);
    cr_assert_eq(ds.reported.items[0].year, 2019);
    cr_assert_str_eq(ds.reported.items[0].subject, "anyone");
    cr_assert_eq(ds.reported.items[0].value_micro, INT64_C(1234000000));
    cr_assert_eq(ds.reported.items[1].value_micro, 0); /* a dash is a printed nil */
    cr_assert_eq(ds.reported.items[2].value_micro, -12500000);
    cr_assert_eq(ds.reported.items[2].decimals, 1);
    cr_assert_eq(ds.reported.items[2].table, PC_REPORTED_CAP);
    cr_assert_str_eq(ds.reported.items[2].item, "less_equity_awards");
    cr_assert_str_eq(pc_dataset_path(&ds, PC_FILE_REPORTED), path);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);

    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    snprintf(path, sizeof path, "%s/absent.csv", dir);
    cr_assert_eq(pc_read_reported_file(path, &ds, &diags), PC_ERR_INPUT);
    expect(&diags, PC_SEVERITY_ERROR, "absent.csv", 0, 0, "missing_file", "required file missing");
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
    remove_dir(dir);
    free(dir);
}

/* ---- exercises.csv and the levels of an equity incentive plan award -------- */

Test(read, reads_exercises_and_incentive_plan_levels)
{
    loaded l;
    load(GOOD, &l);
    expect_clean(&l);
    const pc_dataset *ds = &l.ds;
    cr_assert_eq(ds->exercises.count, 1);
    const pc_exercise *e = &ds->exercises.items[0];
    cr_assert_str_eq(ds->awards.items[e->award].id, "O1");
    cr_assert_eq(e->shares, 4000);
    cr_assert_eq(e->date, pc_date_from_ymd(2023, 1, 10));
    cr_assert_eq(e->line, 2);
    size_t p1;
    const pc_award *a = pc_dataset_award(ds, "P1", &p1);
    cr_assert(a->has_threshold);
    cr_assert_eq(a->threshold_shares, 1000);
    cr_assert(a->has_maximum);
    cr_assert_eq(a->maximum_shares, 4000);
    cr_assert_not(pc_dataset_award(ds, "O1", &p1)->has_threshold);
    unload(&l);
}

Test(read, incentive_plan_levels_must_bracket_the_target)
{
    char *dir = scratch_copy();
    put(dir, "awards.csv",
        AWARDS_HEADER_LEVELS "O1,li,option,service,2021-11-29,\"30,000\",4.50,2031-11-28,,,,\n"
                             "S1,pei,stock,service,2022-03-01,1000,,,3.25,no,500,\n"
                             "P1,wang,stock,performance,2022-06-01,2000,,,,yes,2001,1999\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "awards.csv", 4, 11, "bad_level",
           "threshold_shares: threshold shares '2001' are more than the target of 2000 shares");
    expect(&l.diags, PC_SEVERITY_ERROR, "awards.csv", 4, 12, "bad_level",
           "maximum_shares: maximum shares '1999' are fewer than the target of 2000 shares");
    expect(&l.diags, PC_SEVERITY_WARNING, "awards.csv", 3, 11, "ignored_value",
           "'500' is ignored: threshold and maximum shares are for awards with a performance or "
           "market condition");
    expect_errors(&l.diags, 2);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- market_conditions.csv, peers.csv, peer_prices.csv ------------------------ */

/* The reference awards plus M1, a market-condition award. */
static char *scratch_with_market_award(void)
{
    char *dir = scratch_copy();
    put(dir, "awards.csv",
        "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,"
        "grant_fv_per_share,dividend_rights\n"
        "O1,li,option,service,2021-11-29,\"30,000\",4.50,2031-11-28,,\n"
        "S1,pei,stock,service,2022-03-01,1000,,,3.25,no\n"
        "P1,wang,stock,performance,2022-06-01,2000,,,,yes\n"
        "M1,li,stock,market,2022-01-03,1000,,,5.00,yes\n");
    put(dir, "vesting.csv",
        "award_id,tranche,vest_date,shares,status,status_date\n"
        "O1,1,2022-11-29,10000,vested,\nO1,2,2023-11-29,10000,unvested,\n"
        "O1,3,2024-11-29,10000,unvested,\nS1,1,2022-09-01,1000,forfeited,2022-08-15\n"
        "P1,1,2023-06-01,1000,unvested,\nP1,2,2024-06-01,1000,unvested,\n"
        "M1,1,2025-01-03,1000,unvested,\n");
    return dir;
}

Test(read, reads_market_conditions_peers_and_peer_prices)
{
    char *dir = scratch_with_market_award();
    put(dir, "market_conditions.csv",
        "award_id,metric,performance_start,performance_end,payout_curve,averaging_days,peer_set,"
        "negative_tsr_cap\n"
        "M1,relative_tsr,2022-01-01,2024-12-31,\"25:50%;50:100%;75:2\",20,peers,100%\n");
    loaded l;
    load(dir, &l);
    expect_clean(&l);
    cr_assert_eq(l.ds.market_conditions.count, 1);
    const pc_market_condition *mc = &l.ds.market_conditions.items[0];
    cr_assert_eq(mc->metric, PC_METRIC_RELATIVE_TSR);
    cr_assert_eq(mc->curve_points, 3);
    cr_assert_eq(mc->curve[0].x_micro, 25000000);
    cr_assert_eq(mc->curve[0].payout_micro, 500000);
    cr_assert_eq(mc->curve[2].payout_micro, 2000000);
    cr_assert_eq(mc->averaging_days, 20);
    cr_assert_str_eq(mc->peer_set, "peers");
    cr_assert(mc->has_negative_tsr_cap);
    cr_assert_eq(mc->negative_tsr_cap_micro, 1000000);
    cr_assert_eq(l.ds.peers.count, 2);
    cr_assert_eq(l.ds.peers.items[0].market_cap_cents, INT64_C(100000000000));
    cr_assert_eq(l.ds.peer_prices.count, 3);
    cr_assert_eq(l.ds.peer_prices.items[1].dividend_micro, 100000);
    cr_assert_eq(l.ds.market_assumptions.count, 2);
    cr_assert(l.ds.market_assumptions.items[0].has_volatility);
    cr_assert_eq(l.ds.market_assumptions.items[0].volatility_micro, 350000);
    cr_assert_not(l.ds.market_assumptions.items[0].has_yield);
    cr_assert_eq(l.ds.market_assumptions.items[1].yield_micro, 10000);
    cr_assert_eq(l.ds.correlations.count, 1);
    cr_assert_eq(l.ds.correlations.items[0].correlation_micro, 450000);
    cr_assert_eq(l.ds.config.monte_carlo.paths, 100000);
    cr_assert_eq(l.ds.config.monte_carlo.seed, 1);
    cr_assert(l.ds.config.monte_carlo.antithetic);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, exercise_errors_point_at_their_cell)
{
    char *dir = scratch_copy();
    put(dir, "exercises.csv",
        "award_id,date,shares\n"
        "O9,2023-01-10,10\n"
        "O1,2021-11-28,10\n"
        "O1,2023-01-10,1.5\n"
        "O1,10/01/2023,10\n");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "exercises.csv", 2, 1, "unknown_award",
           "unknown award 'O9'");
    expect(&l.diags, PC_SEVERITY_ERROR, "exercises.csv", 3, 2, "before_grant",
           "exercise date 2021-11-28 is before the grant date 2021-11-29 of award 'O1'");
    expect(&l.diags, PC_SEVERITY_ERROR, "exercises.csv", 4, 3, "bad_shares", "'1.5'");
    expect(&l.diags, PC_SEVERITY_ERROR, "exercises.csv", 5, 2, "bad_date", "'10/01/2023'");
    expect_errors(&l.diags, 4);
    cr_assert_eq(l.ds.exercises.count, 0);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, market_condition_errors_point_at_their_cells)
{
    char *dir = scratch_with_market_award();
    put(dir, "market_conditions.csv",
        "award_id,metric,performance_start,performance_end,payout_curve,averaging_days,peer_set,"
        "negative_tsr_cap\n"
        "M1,relative_tsr,2022-01-01,2024-12-31,25:50%;20:100%,20,peers,100%\n"
        "M1,relative_tsr,2022-01-01,2021-12-31,25:50%,20,peers,\n"
        "M1,relative_tsr,2022-01-01,2024-12-31,25:50%,,,\n"
        "M1,index_tsr,2022-01-01,2024-12-31,0:100%,,peers,\n"
        "M1,absolute_tsr,2022-01-01,2024-12-31,10:1,300,,\n"
        "O1,absolute_tsr,2022-01-01,2024-12-31,10:1,,,\n"
        "M1,relative_tsr,2022-01-01,2024-12-31,25:50%,5,nosuch,\n"
        "M1,sharpe,2022-01-01,2024-12-31,25:50%,5,peers,\n");
    put(dir, "peers.csv", "peer_set,ticker,market_cap\npeers,AAA,-5\npeers,BBB,\npeers,BBB,\n");
    put(dir, "peer_prices.csv",
        "ticker,date,close\nAAA,2022-01-03,10\nAAA,2022-01-03,11\nBBB,2022-13-01,5\n");
    put(dir, "correlations.csv",
        "date,ticker_a,ticker_b,correlation\n2022-01-03,AAA,BBB,1.5\n2022-01-03,AAA,AAA,0.5\n");
    put(dir, "market_assumptions.csv",
        "date,ticker,volatility,dividend_yield\n2022-01-03,AAA,35,\n");
    loaded l;
    load(dir, &l);
    cr_assert_eq(l.status, PC_ERR_INPUT);
    const char *mcf = "market_conditions.csv";
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 2, 5, "bad_curve",
           "payout_curve: invalid curve '25:50%;20:100%': the points must be ascending in x");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 3, 4, "bad_date",
           "performance_end: '2021-12-31' is not after performance_start");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 4, 7, "missing_value",
           "peer_set: required for relative_tsr");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 5, 7, "bad_peer_set",
           "peer_set: an index_tsr condition is measured against one ticker (the index), but set "
           "'peers' has 2");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 6, 6, "bad_value",
           "averaging_days: invalid value '300': use 1 to 252 trading days");
    expect(&l.diags, PC_SEVERITY_WARNING, mcf, 7, 1, "condition_not_used",
           "award 'O1' has no market condition");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 8, 1, "duplicate",
           "award 'M1' already has its market condition at line 5");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 8, 7, "unknown_peer_set",
           "peer_set: no set 'nosuch' in peers.csv");
    expect(&l.diags, PC_SEVERITY_ERROR, mcf, 9, 2, "bad_value", "sharpe");
    expect(&l.diags, PC_SEVERITY_ERROR, "peers.csv", 2, 3, "bad_value",
           "market_cap: invalid value '-5': must be above 0");
    expect(&l.diags, PC_SEVERITY_ERROR, "peers.csv", 4, 2, "duplicate",
           "ticker 'BBB' is already in set 'peers' at line 3");
    expect(&l.diags, PC_SEVERITY_ERROR, "peer_prices.csv", 3, 2, "duplicate",
           "duplicate price of 'AAA' for 2022-01-03 (first at line 2)");
    expect(&l.diags, PC_SEVERITY_ERROR, "peer_prices.csv", 4, 2, "bad_date", "2022-13-01");
    expect(&l.diags, PC_SEVERITY_ERROR, "correlations.csv", 2, 4, "bad_value",
           "correlation: invalid value '1.5': must be between -1 and 1");
    expect(&l.diags, PC_SEVERITY_ERROR, "correlations.csv", 3, 3, "bad_value",
           "ticker_b: 'AAA' is ticker_a too");
    expect(&l.diags, PC_SEVERITY_ERROR, "market_assumptions.csv", 2, 3, "bad_fraction",
           "volatility");
    unload(&l);
    remove_dir(dir);
    free(dir);
}

Test(read, a_peer_group_must_name_a_set_of_peers)
{
    char *dir = scratch_copy();
    put(dir, "paycalc.json",
        "{\"company\": {\"name\": \"X\", \"ticker\": \"X\"}, \"fiscal_year_end\": \"12-31\",\n"
        "\"years\": [2021, 2022], \"smaller_reporting_company\": false, \"peer_group\": \"dow\",\n"
        "\"monte_carlo\": {\"paths\": 5000, \"seed\": 9, \"antithetic\": false, \"threads\": 2}}");
    loaded l;
    load(dir, &l);
    expect(&l.diags, PC_SEVERITY_ERROR, "paycalc.json", 0, 0, "unknown_peer_set",
           "peer_group: no set 'dow' in peers.csv");
    cr_assert_eq(l.ds.config.monte_carlo.paths, 5000);
    cr_assert_eq(l.ds.config.monte_carlo.seed, 9);
    cr_assert_not(l.ds.config.monte_carlo.antithetic);
    cr_assert_eq(l.ds.config.monte_carlo.threads, 2);
    unload(&l);
    remove_dir(dir);
    free(dir);
}

/* ---- the warning cap (read.h, PC_LIMIT_WARNINGS) ------------------------------ */

/* Warnings are listed up to PC_LIMIT_WARNINGS; one more says the rest are
 * not listed, and reading goes on (only errors stop it). */
Test(read, warnings_past_the_limit_are_counted_as_one_and_reading_goes_on)
{
    pc_diags diags;
    pc_diags_init(&diags);
    pc_read_ctx rd;
    pc_read_init(&rd, &diags);
    for (int i = 0; i < PC_LIMIT_WARNINGS + 500; i++)
        pc_read_warning(&rd, "vesting.csv", i + 2, 6, "ignored_value", "warning %d", i);
    cr_assert_eq(diags.warnings, PC_LIMIT_WARNINGS + 1);
    cr_assert_eq(diags.count, PC_LIMIT_WARNINGS + 1);
    const pc_diag *last = &diags.items[diags.count - 1];
    cr_assert_str_eq(last->code, "too_many_warnings");
    char want[80];
    snprintf(want, sizeof want, "more than %d warnings: the rest are not listed",
             PC_LIMIT_WARNINGS);
    cr_assert_str_eq(last->message, want);
    cr_assert_str_eq(diags.items[PC_LIMIT_WARNINGS - 1].message, "warning 999");
    cr_assert_not(pc_read_halted(&rd), "a warning stopped the read");
    pc_read_error(&rd, "vesting.csv", 3000, 1, "bad", "an error after them");
    cr_assert_eq(diags.errors, 1, "an error after the cap is still listed");
    pc_read_fini(&rd);
    pc_diags_fini(&diags);
}
