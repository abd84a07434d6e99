/*
 * Modifications of awards (modifications.csv; ASC 718-20-35-3): the
 * incremental fair value, the modified award's value on the modification
 * date less the original's just before it by the same engine, in the SCT of
 * the year, and compensation actually paid re-measured from the new terms.
 * Two small input sets under tests/data/modifications/, with figures
 * computed by hand:
 *
 * repricing: 1,000 options granted 2021-01-04 at an exercise price of
 * $10.00 ($3.00 each at grant), 500 vested on 2022-01-04 and 500 vesting on
 * 2023-01-04, repriced to $3.00 on 2022-06-30 when the stock is at $4.00.
 * The assumptions are volatility 0, rate 0 and yield 0, so Black-Scholes
 * gives max(S - K, 0) a share. Just before: max(4 - 10, 0) = 0; modified:
 * max(4 - 3, 0) = 1.00; incremental 1,000 x 1.00 = $1,000 in the 2022 SCT.
 * CAP 2022: SCT 101,000, less 1,000; the unvested tranche at the year end
 * ($5.00) under the new price, 500 x 2.00 = 1,000, less 0 at FYE 2021
 * (change_fv_prior_unvested 1,000); the vested tranche's increment 500 x
 * 1.00 = 500 as granted and vested in the year; the tranche vested on
 * 2022-01-04 at $6.00 under the old price: 0 - 0. CAP 101,500.
 *
 * acceleration: 3,000 restricted stock units (annual 3, $10.00 at grant)
 * of an executive who retires on 2022-09-30; separations.csv forfeits the
 * unvested units, the modification accelerates them on that date.
 * Incremental value: 2,000 x $15.00 either way = 0. CAP 2022: tranche 1
 * vested 2022-01-04, 1,000 x (12 - 12) = 0; tranches 2 and 3 vested on
 * 2022-09-30, 2,000 x (15 - 12) = 6,000 (change_fv_prior_vested); CAP
 * 106,000. Without the modification they are forfeited: -24,000, CAP
 * 76,000.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/equity.h"
#include "paycalc/ledger.h"
#include "paycalc/read.h"
#include "support.h"
#include "xlsx_xml.h"

#define SETS SOURCE_DIR "/tests/data/modifications"

static pc_dataset ds;
static pc_report report;
static pc_diags diags;

static void setup(void)
{
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
}

static void teardown(void)
{
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

static void run(const char *dir)
{
    cr_assert_eq(pc_read_input_set(dir, &ds, &diags), PC_OK, "%s: %zu errors", dir, diags.errors);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK, "%s: %zu errors", dir, diags.errors);
}

static const pc_sct_row *sct_of(int year)
{
    for (size_t i = 0; i < report.sct.count; i++)
        if (report.sct.items[i].year == year)
            return &report.sct.items[i];
    cr_assert_fail("no SCT row for %d", year);
    return NULL;
}

static const pc_cap_row *cap_of(int year)
{
    for (size_t i = 0; i < report.cap.count; i++)
        if (report.cap.items[i].year == year && report.cap.items[i].subject == 0)
            return &report.cap.items[i];
    cr_assert_fail("no CAP row for %d", year);
    return NULL;
}

#define DOLLARS(x) ((int64_t)(x)*100)

TestSuite(modifications, .init = setup, .fini = teardown);

Test(modifications, repricing_reports_the_incremental_fair_value_in_the_sct)
{
    run(SETS "/repricing");
    cr_assert_eq(report.modifications.count, 1);
    const pc_modification_result *m = &report.modifications.items[0];
    cr_expect_eq(m->year, 2022);
    cr_expect_eq(m->before, 0);
    cr_expect_eq(m->after, DOLLARS(1000));
    cr_expect_eq(m->incremental, DOLLARS(1000));
    cr_expect_eq(sct_of(2021)->column[PC_SCT_OPTION_AWARDS], DOLLARS(3000));
    cr_expect_eq(sct_of(2022)->column[PC_SCT_OPTION_AWARDS], DOLLARS(1000));
    cr_expect_eq(sct_of(2022)->column[PC_SCT_TOTAL], DOLLARS(101000));
}

Test(modifications, repricing_re_measures_cap_from_the_new_exercise_price)
{
    run(SETS "/repricing");
    const pc_cap_row *c = cap_of(2022);
    cr_expect_eq(c->line[PC_CAP_SCT_TOTAL], DOLLARS(101000));
    cr_expect_eq(c->line[PC_CAP_LESS_EQUITY_AWARDS], -DOLLARS(1000));
    cr_expect_eq(c->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], DOLLARS(1000));
    cr_expect_eq(c->line[PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR], DOLLARS(500));
    cr_expect_eq(c->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], 0);
    cr_expect_eq(c->line[PC_CAP_CAP], DOLLARS(101500));
    /* The year before the repricing is measured under the old price. */
    cr_expect_eq(cap_of(2021)->line[PC_CAP_CAP], DOLLARS(100000));
}

Test(modifications, terms_change_on_the_modification_date)
{
    run(SETS "/repricing");
    const pc_award *a = &ds.awards.items[0];
    pc_date on = 0;
    cr_assert_eq(pc_date_parse("2022-06-30", &on), PC_OK);
    cr_expect_eq(pc_award_exercise_price_at(&ds, a, on - 1), 10000000);
    cr_expect_eq(pc_award_exercise_price_at(&ds, a, on), 3000000);
    cr_expect_not_null(pc_award_modified_by(&ds, a, on));
    cr_expect_null(pc_award_modified_by(&ds, a, on - 1));
}

/* The Outstanding Equity Awards table shows the price held at each year
 * end: $10.00 at FYE 2021, the new $3.00 at FYE 2022. */
Test(modifications, outstanding_awards_show_the_new_exercise_price_after_the_repricing)
{
    run(SETS "/repricing");
    size_t seen = 0;
    for (size_t i = 0; i < report.equity.oea.count; i++) {
        const pc_oea_row *row = &report.equity.oea.items[i];
        cr_expect_eq(row->exercise_price_micro, row->year == 2021 ? 10000000 : 3000000, "%d",
                     row->year);
        seen++;
    }
    cr_expect_eq(seen, 2);
}

/* An option exchange: the same repricing giving 1,500 options for the
 * 1,000 (a modifications.csv rewritten with shares). The tranches get 750
 * and 750 (floor(1,500 x 500 / 1,000) and the rest); modified value 1,500
 * x 1.00, incremental $1,500; the unvested tranche at FYE 2022 750 x 2.00
 * = 1,500; the vested tranche's increment 750; CAP 101,500 - 1,500 +
 * 1,500 + 750 = 102,250. */
Test(modifications, new_shares_are_spread_over_the_tranches_from_the_date)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    cr_assert_eq(copy_dir(SETS "/repricing", dir), 0);
    char *mods = path_join(dir, "modifications.csv");
    cr_assert_eq(write_text(mods, "award_id,date,exercise_price,vesting,shares\n"
                                  "opt-2021,2022-06-30,3.00,,\"1,500\"\n"),
                 0);
    run(dir);
    cr_expect_eq(ds.tranches.items[0].modified_shares, 750);
    cr_expect_eq(ds.tranches.items[1].modified_shares, 750);
    cr_assert_eq(report.modifications.count, 1);
    cr_expect_eq(report.modifications.items[0].incremental, DOLLARS(1500));
    const pc_cap_row *c = cap_of(2022);
    cr_expect_eq(c->line[PC_CAP_SCT_TOTAL], DOLLARS(101500));
    cr_expect_eq(c->line[PC_CAP_LESS_EQUITY_AWARDS], -DOLLARS(1500));
    cr_expect_eq(c->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED], DOLLARS(1500));
    cr_expect_eq(c->line[PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR], DOLLARS(750));
    cr_expect_eq(c->line[PC_CAP_CAP], DOLLARS(102250));
    free(mods);
    remove_dir(dir);
    free(dir);
}

Test(modifications, acceleration_on_retirement_vests_the_unvested_tranches_on_the_date)
{
    run(SETS "/acceleration");
    pc_date on = 0;
    cr_assert_eq(pc_date_parse("2022-09-30", &on), PC_OK);
    cr_assert_eq(ds.tranches.count, 3);
    for (size_t t = 1; t < 3; t++) {
        cr_expect_eq(ds.tranches.items[t].status, PC_TRANCHE_VESTED, "tranche %zu", t + 1);
        cr_expect_eq(pc_tranche_vested_on(&ds.tranches.items[t]), on, "tranche %zu", t + 1);
    }
    cr_assert_eq(report.modifications.count, 1);
    cr_expect_eq(report.modifications.items[0].before, DOLLARS(30000));
    cr_expect_eq(report.modifications.items[0].incremental, 0);
    cr_expect_eq(sct_of(2022)->column[PC_SCT_STOCK_AWARDS], 0);
    const pc_cap_row *c = cap_of(2022);
    cr_expect_eq(c->line[PC_CAP_CHANGE_FV_PRIOR_VESTED], DOLLARS(6000));
    cr_expect_eq(c->line[PC_CAP_LESS_FV_FORFEITED], 0);
    cr_expect_eq(c->line[PC_CAP_CAP], DOLLARS(106000));
}

Test(modifications, without_the_acceleration_the_retirement_forfeits)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    cr_assert_eq(copy_dir(SETS "/acceleration", dir), 0);
    char *mods = path_join(dir, "modifications.csv");
    cr_assert_eq(remove(mods), 0);
    run(dir);
    const pc_cap_row *c = cap_of(2022);
    cr_expect_eq(c->line[PC_CAP_LESS_FV_FORFEITED], -DOLLARS(24000));
    cr_expect_eq(c->line[PC_CAP_CAP], DOLLARS(76000));
    free(mods);
    remove_dir(dir);
    free(dir);
}

/* report.json lists the modification with its figures and source line, and
 * the valuations behind the incremental value feed the SCT. */
Test(modifications, report_json_shows_the_modification_and_its_source)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    const char *args[] = {"run", SETS "/repricing", "--out", dir, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    char *path = path_join(dir, "report.json");
    char *json = read_file(path, NULL);
    cr_assert_not_null(json);
    cr_expect_not_null(strstr(json, "\"incremental_fair_value\": 1000,"), "%s", json);
    cr_expect_not_null(strstr(json, "\"source\": \"modifications.csv:2\""));
    cr_expect_not_null(strstr(json, "\"purpose\": \"before_modification\""));
    cr_expect_not_null(strstr(json, "\"purpose\": \"modified\""));
    /* The workbook names the row on Award Valuations and Audit Notes, and
     * the SCT footnote says the amounts include the increment. */
    char *xlsx = path_join(dir, "report.xlsx");
    cr_expect_geq(xlsx_xml_contains(xlsx, "modifications.csv line 2"), 1);
    cr_expect_eq(xlsx_xml_contains(xlsx, "Incremental fair value of the modification of award "
                                         "opt-2021 (option awards)"),
                 1);
    cr_expect_geq(xlsx_xml_contains(xlsx, "the incremental fair value of the modification"), 1);
    free(xlsx);
    free(json);
    free(path);
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
}
