/*
 * Price scenarios (scenarios.h, `paycalc scenarios`): the real year-end
 * close gives `run`'s figures exactly; CAP rises with the price when every
 * award is stock; a break-even price fed back gives CAP = SCT total; a
 * year end after the as-of date with no price rows works; bad prices are
 * refused.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builder.h"
#include "paycalc/compute.h"
#include "paycalc/engine.h"
#include "paycalc/read.h"
#include "paycalc/scenarios.h"
#include "paycalc/write.h"
#include "support.h"

#define D(x) ((int64_t)((x)*100 + ((x) >= 0 ? 0.5 : -0.5))) /* dollars -> cents */
#define M(x) ((int64_t)((x)*1000000 + 0.5))                 /* decimal -> micros */

static void log_errors(const pc_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == PC_SEVERITY_ERROR)
            cr_log_error("%s", diags->items[i].message);
}

static const pc_pvp_row *pvp_of(const pc_report *r, int year)
{
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].year == year)
            return &r->pvp.items[i];
    cr_assert_fail("no PvP row for %d", year);
    return NULL;
}

/* The scenario at the real year-end close against `run` (pc_compute):
 * every PvP figure and every CAP line of the last covered year, exactly. */
static void actual_equals_run(const char *set)
{
    char *dir = pc_text_format("%s/inputs/%s", SOURCE_DIR, set);
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_status st = pc_compute(dir, &ds, &report, &diags);
    log_errors(&diags);
    cr_assert_eq(st, PC_OK);

    pc_scenario_options opt = pc_scenario_options_default();
    pc_scenario_set *scen = NULL;
    cr_assert_eq(pc_scenario_set_new(&ds, &opt, &scen, &diags), PC_OK);
    int64_t close = 0;
    cr_assert(pc_scenario_actual_close(scen, &close), "%s has its year-end close", set);
    pc_scenario s;
    st = pc_scenario_run(scen, close, &s, &diags);
    log_errors(&diags);
    cr_assert_eq(st, PC_OK);
    cr_expect(s.actual);

    int year = ds.config.years[ds.config.nyears - 1];
    const pc_pvp_row *want = pvp_of(&report, year);
    cr_assert_eq(s.pvp.npeo, want->npeo);
    for (size_t k = 0; k < want->npeo; k++) {
        cr_expect_eq(s.pvp.peo[k].cap, want->peo[k].cap, "PEO %zu CAP", k);
        cr_expect_eq(s.pvp.peo[k].sct_total, want->peo[k].sct_total);
    }
    cr_expect_eq(s.pvp.has_average, want->has_average);
    cr_expect_eq(s.pvp.avg_cap, want->avg_cap);
    cr_expect_eq(s.pvp.avg_sct_total, want->avg_sct_total);
    cr_expect_eq(s.pvp.tsr, want->tsr);
    size_t k = 0;
    for (size_t i = 0; i < report.cap.count; i++) {
        const pc_cap_row *row = &report.cap.items[i];
        if (row->year != year)
            continue;
        cr_assert_lt(k, s.ncap);
        cr_expect_eq(s.cap[k].subject, row->subject);
        for (int l = 0; l < PC_CAP_NLINES; l++)
            cr_expect_eq(s.cap[k].line[l], row->line[l], "%s line %d", set, l);
        k++;
    }
    cr_expect_eq(k, s.ncap);
    /* The Monte Carlo values at the year end, with their standard errors. */
    size_t market = 0;
    for (size_t i = 0; i < report.valuations.count; i++) {
        const pc_valuation *v = &report.valuations.items[i];
        if (v->year != year || v->purpose != PC_PURPOSE_FYE ||
            (v->method != PC_METHOD_MONTE_CARLO && v->method != PC_METHOD_MARKET_OUTCOME))
            continue;
        cr_assert_lt(market, s.nmarket);
        cr_expect_eq(s.market[market].tranche, v->tranche);
        cr_expect_eq(s.market[market].value, v->value);
        cr_expect(s.market[market].standard_error == v->inputs.standard_error);
        market++;
    }
    cr_expect_eq(market, s.nmarket);

    pc_scenario_fini(&s);
    pc_scenario_set_free(scen);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
    free(dir);
}

Test(scenarios, real_close_gives_run_figures_cbak)
{
    actual_equals_run("cbak-fy2022");
}

/* Meridian has market-condition awards: the Monte Carlo values too. */
Test(scenarios, real_close_gives_run_figures_meridian, .timeout = 600)
{
    actual_equals_run("meridian-fy2024");
}

/* A PEO with stock awards only: unvested at the year end, vesting in the
 * year, granted in the year. */
static void stock_only(pc_dataset *ds)
{
    b_init(ds, 12, 31, 2022, 2023, false);
    size_t ceo = b_person(ds, "ceo", "Chief Executive");
    b_role(ds, 2022, ceo, PC_ROLE_PEO);
    b_role(ds, 2023, ceo, PC_ROLE_PEO);
    b_cash(ds, ceo, 2022, PC_COMP_SALARY, D(300000), "USD", NULL);
    b_cash(ds, ceo, 2023, PC_COMP_SALARY, D(300000), "USD", NULL);
    size_t a = b_award(ds, "R1", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2022-03-01", 3000, 0,
                       NULL, -1);
    b_tranche(ds, a, 1, "2023-03-01", 1000, PC_TRANCHE_VESTED, NULL);
    b_tranche(ds, a, 2, "2024-03-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    b_tranche(ds, a, 3, "2025-03-01", 1000, PC_TRANCHE_UNVESTED, NULL);
    size_t b = b_award(ds, "R2", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2023-03-01", 2000, 0,
                       NULL, -1);
    b_tranche(ds, b, 1, "2024-03-01", 2000, PC_TRANCHE_UNVESTED, NULL);
    b_prices_flat(ds, "2021-12-01", "2023-12-29", M(20));
    b_set_close(ds, "2022-12-30", M(18));
    b_performance(ds, 2022, D(1000000));
    b_performance(ds, 2023, D(1000000));
    b_done(ds);
}

Test(scenarios, cap_rises_with_the_price_for_stock_awards)
{
    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    stock_only(&ds);
    pc_scenario_options opt = pc_scenario_options_default();
    opt.threads = 2;
    int64_t values[] = {M(1), M(5), M(12.5), M(20), M(20.01), M(33.333333), M(100), M(250)};
    size_t n = sizeof values / sizeof *values;
    pc_scenario_report r;
    pc_status st = pc_scenario_report_compute(&ds, &opt, values, n, false, &r, &diags);
    log_errors(&diags);
    cr_assert_eq(st, PC_OK);
    /* The real close, 20.00 on 2023-12-29, is one of them. */
    cr_assert_eq(r.count, n);
    cr_expect(r.items[3].actual && r.items[3].price_micro == M(20));
    for (size_t i = 1; i < r.count; i++) {
        cr_expect_gt(r.items[i].price_micro, r.items[i - 1].price_micro);
        cr_expect_gt(r.items[i].pvp.peo[0].cap, r.items[i - 1].pvp.peo[0].cap,
                     "CAP at %lld micros not above CAP at %lld", (long long)r.items[i].price_micro,
                     (long long)r.items[i - 1].price_micro);
        cr_expect_gt(r.items[i].pvp.tsr, r.items[i - 1].pvp.tsr);
    }
    /* 4,000 unvested shares at the year end: every dollar adds $4,000. */
    cr_expect_eq(r.items[1].pvp.peo[0].cap - r.items[0].pvp.peo[0].cap, D(4000) * 4);
    pc_scenario_report_fini(&r);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
}

/* CAP of PEO `k` at `price`. */
static int64_t cap_at(pc_scenario_set *set, size_t k, int64_t price, pc_diags *diags)
{
    pc_scenario s;
    cr_assert_eq(pc_scenario_run(set, price, &s, diags), PC_OK);
    int64_t cap = s.pvp.peo[k].cap;
    pc_scenario_fini(&s);
    return cap;
}

/* A break-even price fed back as a scenario: CAP is within a cent of the
 * target, or, where one micro-dollar of price moves CAP by more than a
 * cent (120,000 options), within that one step, CAP being on the other
 * side of the target a micro-dollar lower. */
static void reaches(pc_scenario_set *set, size_t k, int64_t price, int64_t target, pc_diags *diags)
{
    int64_t at = cap_at(set, k, price, diags) - target;
    int64_t below = cap_at(set, k, price - 1, diags) - target;
    int64_t step = at - below < 0 ? below - at : at - below;
    int64_t off = at < 0 ? -at : at;
    cr_expect(off <= 1 || off <= step, "CAP - target = %lld cents at %lld micros (step %lld)",
              (long long)at, (long long)price, (long long)step);
    cr_expect(at == 0 || (at > 0) != (below > 0), "the first price to reach the target");
}

/* The break-even prices fed back as scenarios. */
static void break_even_holds(pc_dataset *ds)
{
    pc_diags diags;
    pc_diags_init(&diags);
    pc_scenario_options opt = pc_scenario_options_default();
    int64_t values[] = {0};
    pc_scenario_report r;
    pc_status st = pc_scenario_report_compute(ds, &opt, values, 1, true, &r, &diags);
    log_errors(&diags);
    cr_assert_eq(st, PC_OK);
    cr_assert_gt(r.npeo, 0);
    pc_scenario_set *set = NULL;
    cr_assert_eq(pc_scenario_set_new(ds, &opt, &set, &diags), PC_OK);
    for (size_t k = 0; k < r.npeo; k++) {
        cr_assert(r.peo[k].has_sct_price);
        reaches(set, k, r.peo[k].sct_price_micro, r.peo[k].sct_total, &diags);
        if (r.peo[k].has_zero_price)
            reaches(set, k, r.peo[k].zero_price_micro, 0, &diags);
    }
    pc_scenario_set_free(set);
    pc_scenario_report_fini(&r);
    pc_diags_fini(&diags);
}

Test(scenarios, break_even_price_gives_cap_equal_to_sct_total)
{
    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    char *dir = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    cr_assert_eq(pc_read_input_set(dir, &ds, &diags), PC_OK);
    break_even_holds(&ds);
    free(dir);
    pc_dataset_fini(&ds);
    pc_diags_fini(&diags);
}

Test(scenarios, break_even_of_stock_awards)
{
    pc_dataset ds;
    pc_dataset_init(&ds);
    stock_only(&ds);
    break_even_holds(&ds);
    pc_dataset_fini(&ds);
}

/* A year end after the as-of date: prices.csv ends in September, and the
 * same figures come from the whole file with --as-of. */
Test(scenarios, year_end_after_as_of_with_no_price_rows)
{
    char *tmp = make_temp_dir();
    char *from = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    char *in = pc_text_format("%s/in", tmp);
    char *out = pc_text_format("%s/out", tmp);
    cr_assert_eq(mkdir(in, 0700), 0);
    cr_assert_eq(copy_dir(from, in), 0);
    char *prices_path = pc_text_format("%s/prices.csv", in);
    char *text = read_file(prices_path, NULL);
    cr_assert_not_null(text);
    char *cut = strstr(text, "\n2022-10-");
    cr_assert_not_null(cut);
    cut[1] = '\0';
    cr_assert_eq(write_text(prices_path, text), 0);

    const char *args[] = {"scenarios", in, "--year-end-price", "0.8,1.149,2", "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_expect_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "Real prices to 2022-09-30") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "marked") == NULL, "no real year-end close: %s", r.out);

    const char *args2[] = {"scenarios",   from,    "--as-of", "2022-09-30", "--year-end-price",
                           "0.8,1.149,2", "--out", out,       NULL};
    run_result r2 = run_paycalc(args2);
    cr_expect_eq(r2.status, 0, "stderr: %s", r2.err);
    cr_expect_str_eq(r2.out, r.out);
    run_result_free(&r);
    run_result_free(&r2);
    free(text);
    free(prices_path);
    free(in);
    free(out);
    free(from);
    remove_dir(tmp);
    free(tmp);
}

typedef struct bad_case {
    const char *option, *value, *message;
} bad_case;

static const bad_case bad_cases[] = {
    {"--year-end-price", "0", "'0': a price must be positive"},
    {"--year-end-price", "-1.5", "'-1.5': a price must be positive"},
    {"--year-end-price", "1.1234567", "'1.1234567'"},
    {"--year-end-price", "1,abc", "'abc'"},
    {"--year-end-price", "1,,2", "''"},
    {"--price-change", "-100%", "'-100%': a change must be above -100%"},
    {"--price-change", "5%,x", "'x'"},
};

#define NBAD (sizeof bad_cases / sizeof *bad_cases)

ParameterizedTestParameters(scenarios, bad_prices_are_usage_errors)
{
    static int index[NBAD];
    for (size_t i = 0; i < NBAD; i++)
        index[i] = (int)i;
    return cr_make_param_array(int, index, NBAD);
}

ParameterizedTest(int *i, scenarios, bad_prices_are_usage_errors)
{
    const bad_case *c = &bad_cases[*i];
    char *dir = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    const char *args[] = {"scenarios", dir, c->option, c->value, "--out", "/nonexistent", NULL};
    run_result r = run_paycalc(args);
    cr_expect_eq(r.status, 2, "%s %s: %s", c->option, c->value, r.err);
    cr_expect(strstr(r.err, c->message) != NULL, "%s", r.err);
    cr_expect_str_eq(r.out, "");
    run_result_free(&r);
    free(dir);
}

/* scenarios.json and scenarios.xlsx: written together, the same bytes
 * every time, the real close marked. */
Test(scenarios, files_are_deterministic)
{
    char *tmp = make_temp_dir();
    char *dir = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    char *outs[2] = {pc_text_format("%s/a", tmp), pc_text_format("%s/b", tmp)};
    for (int k = 0; k < 2; k++) {
        const char *args[] = {"scenarios", dir, "--price-change", "-30%,0%,30%", "--out",
                              outs[k],     NULL};
        run_result r = run_paycalc(args);
        cr_assert_eq(r.status, 0, "%s", r.err);
        run_result_free(&r);
    }
    const char *names[] = {"scenarios.json", "scenarios.xlsx"};
    for (int n = 0; n < 2; n++) {
        char *pa = pc_text_format("%s/%s", outs[0], names[n]);
        char *pb = pc_text_format("%s/%s", outs[1], names[n]);
        size_t sa = 0, sb = 0;
        char *a = read_file(pa, &sa), *b = read_file(pb, &sb);
        cr_assert(a && b && sa > 0, "%s written", names[n]);
        cr_expect(sa == sb && memcmp(a, b, sa) == 0, "%s differs between runs", names[n]);
        if (n == 0) {
            cr_expect(strstr(a, "\"actual_year_end_close\": 1.149") != NULL);
            cr_expect(strstr(a, "\"cap\": -8046.5") != NULL, "the real close's CAP");
        }
        free(a);
        free(b);
        free(pa);
        free(pb);
    }
    free(outs[0]);
    free(outs[1]);
    free(dir);
    char *cmd = pc_text_format("rm -rf '%s'", tmp);
    cr_expect_eq(system(cmd), 0);
    free(cmd);
    free(tmp);
}

/* The valuations kept for scenarios.xlsx are bounded (options.live_rows):
 * past the bound the figures are the same, the scenarios hold no
 * valuations and the workbook is still written; within it every scenario
 * keeps the year's valuations. */
Test(scenarios, kept_valuations_are_bounded)
{
    char *dir = pc_text_format("%s/inputs/cbak-fy2022", SOURCE_DIR);
    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_input_set(dir, &ds, &diags), PC_OK);
    int64_t changes[] = {-300000, 0, 300000};
    pc_scenario_report all, bounded;
    pc_scenario_options opt = pc_scenario_options_default();
    cr_assert_eq(pc_scenario_report_compute(&ds, &opt, changes, 3, true, &all, &diags), PC_OK);
    opt.live_rows = 1;
    cr_assert_eq(pc_scenario_report_compute(&ds, &opt, changes, 3, true, &bounded, &diags), PC_OK);
    log_errors(&diags);
    cr_expect(all.valuations_kept);
    cr_expect(!bounded.valuations_kept);
    cr_assert_eq(all.count, bounded.count);
    for (size_t i = 0; i < all.count; i++) {
        cr_expect_gt(all.items[i].nvaluations, 0);
        cr_expect_eq(bounded.items[i].nvaluations, 0);
        cr_assert_eq(all.items[i].ncap, bounded.items[i].ncap);
        for (size_t k = 0; k < all.items[i].ncap; k++)
            cr_expect_eq(memcmp(all.items[i].cap[k].line, bounded.items[i].cap[k].line,
                                sizeof all.items[i].cap[k].line),
                         0, "scenario %zu, row %zu", i, k);
    }
    char *tmp = make_temp_dir();
    char *json = pc_text_format("%s/scenarios.json", tmp);
    char *xlsx = pc_text_format("%s/scenarios.xlsx", tmp);
    cr_expect_eq(pc_write_scenarios(&ds, &bounded, json, xlsx, &diags), PC_OK);
    log_errors(&diags);
    char *book = read_file(xlsx, NULL);
    cr_expect_not_null(book, "scenarios.xlsx written");
    free(book);
    pc_scenario_report_fini(&all);
    pc_scenario_report_fini(&bounded);
    remove_dir(tmp);
    free(json);
    free(xlsx);
    free(tmp);
    free(dir);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}
