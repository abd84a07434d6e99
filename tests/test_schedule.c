/*
 * Vesting patterns (schedule.h, SPEC section 13): the grammar, the dates by
 * month arithmetic, the share split by months, and the checks that a
 * pattern fits its award. Expected tranches are worked by hand in each test.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdint.h>
#include <string.h>

#include "paycalc/schedule.h"

static pc_date ymd(int y, int m, int d)
{
    return pc_date_from_ymd(y, m, d);
}

static pc_schedule parsed(const char *text)
{
    pc_schedule s;
    pc_schedule_error err;
    pc_status st = pc_schedule_parse(text, &s, &err);
    cr_assert_eq(st, PC_OK, "'%s' does not parse: %s", text, pc_schedule_problem_text(err.problem));
    return s;
}

/* Instalment k as "YYYY-MM-DD shares". */
static void expect_instalment(const pc_schedule *s, pc_date grant, int64_t shares, int k,
                              pc_date date, int64_t want)
{
    pc_date got_date;
    int64_t got_shares;
    pc_schedule_instalment(s, grant, shares, k, &got_date, &got_shares);
    char a[11], b[11];
    cr_assert_eq(got_date, date, "instalment %d on %s, expected %s", k, pc_date_format(got_date, a),
                 pc_date_format(date, b));
    cr_assert_eq(got_shares, want, "instalment %d has %lld shares, expected %lld", k,
                 (long long)got_shares, (long long)want);
}

Test(schedule, annual_splits_shares_by_months_with_the_remainder_last)
{
    /* 10,000 / 3: floor(10000*12/36) = 3333, floor(10000*24/36) = 6666,
     * 10000: tranches 3333, 3333, 3334. */
    pc_schedule s = parsed("annual 3");
    cr_assert_eq(s.instalments, 3);
    cr_assert_eq(s.months, 36);
    pc_date grant = ymd(2021, 3, 15);
    expect_instalment(&s, grant, 10000, 1, ymd(2022, 3, 15), 3333);
    expect_instalment(&s, grant, 10000, 2, ymd(2023, 3, 15), 3333);
    expect_instalment(&s, grant, 10000, 3, ymd(2024, 3, 15), 3334);
}

Test(schedule, a_cliff_then_monthly_gives_the_cliff_its_months_share)
{
    /* 4,800 shares, 48 months: the 12-month cliff carries 12/48 = 1,200,
     * then 36 instalments of 100 each, the last on 2026-01-31. */
    pc_schedule s = parsed("cliff 1y then monthly 36");
    cr_assert_eq(s.instalments, 37);
    cr_assert_eq(s.months, 48);
    pc_date grant = ymd(2022, 1, 31);
    expect_instalment(&s, grant, 4800, 1, ymd(2023, 1, 31), 1200);
    expect_instalment(&s, grant, 4800, 2, ymd(2023, 2, 28), 100);
    expect_instalment(&s, grant, 4800, 3, ymd(2023, 3, 31), 100);
    expect_instalment(&s, grant, 4800, 14, ymd(2024, 2, 29), 100);
    expect_instalment(&s, grant, 4800, 37, ymd(2026, 1, 31), 100);
}

Test(schedule, month_ends_come_back_to_the_anchor_day)
{
    /* From the 31st: February takes its last day, March is the 31st again. */
    pc_schedule s = parsed("monthly 3 from 2023-01-31");
    pc_date grant = ymd(2022, 12, 1);
    expect_instalment(&s, grant, 300, 1, ymd(2023, 1, 31), 100);
    expect_instalment(&s, grant, 300, 2, ymd(2023, 2, 28), 100);
    expect_instalment(&s, grant, 300, 3, ymd(2023, 3, 31), 100);
}

Test(schedule, from_sets_the_first_vest_date_as_in_the_cbak_option)
{
    /* CBAK's 2021-11-29 option of 200,000 shares vests in ten semiannual
     * instalments of 20,000 from 2022-05-30 to 2026-11-30. */
    pc_schedule s = parsed("semiannual 10 from 2022-05-30");
    cr_assert_eq(s.months, 60);
    pc_date grant = ymd(2021, 11, 29);
    expect_instalment(&s, grant, 200000, 1, ymd(2022, 5, 30), 20000);
    expect_instalment(&s, grant, 200000, 2, ymd(2022, 11, 30), 20000);
    expect_instalment(&s, grant, 200000, 10, ymd(2026, 11, 30), 20000);
}

Test(schedule, quarterly_and_month_cliffs_count_their_months)
{
    /* cliff 6m then quarterly 2: 12 months; shares 6/12, 3/12, 3/12 of 1,001:
     * floor(500.5) = 500, floor(750.75) = 750, 1001: 500, 250, 251. */
    pc_schedule s = parsed("cliff 6m then quarterly 2");
    cr_assert_eq(s.months, 12);
    pc_date grant = ymd(2020, 8, 31);
    expect_instalment(&s, grant, 1001, 1, ymd(2021, 2, 28), 500);
    expect_instalment(&s, grant, 1001, 2, ymd(2021, 5, 31), 250);
    expect_instalment(&s, grant, 1001, 3, ymd(2021, 8, 31), 251);
}

Test(schedule, keywords_ignore_case_and_extra_spaces)
{
    pc_schedule s = parsed("  Cliff 2Y  THEN Annual 2 ");
    cr_assert_eq(s.nsteps, 2);
    cr_assert_eq(s.steps[0].period_months, 24);
    cr_assert_eq(s.steps[1].period_months, 12);
    cr_assert_eq(s.months, 48);
    cr_assert_eq(s.from, PC_DATE_NONE);
}

Test(schedule, shares_always_add_up_to_the_award)
{
    static const char *const patterns[] = {"annual 4", "cliff 1y then monthly 36", "semiannual 10",
                                           "quarterly 8 then cliff 7m", "monthly 1200"};
    static const int64_t shares[] = {1200, 1201, 99999, 7777777, INT64_MAX / 2, INT64_MAX};
    for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        pc_schedule s = parsed(patterns[p]);
        for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
            int tranche;
            cr_assert_eq(pc_schedule_check(&s, ymd(2020, 1, 1), shares[i], &tranche),
                         PC_SCHEDULE_FITS, "%s with %lld shares", patterns[p],
                         (long long)shares[i]);
            int64_t sum = 0;
            pc_date last = ymd(2020, 1, 1);
            for (int k = 1; k <= s.instalments; k++) {
                pc_date d;
                int64_t n;
                pc_schedule_instalment(&s, ymd(2020, 1, 1), shares[i], k, &d, &n);
                cr_assert(n > 0 && d > last);
                last = d;
                sum = (int64_t)((uint64_t)sum + (uint64_t)n);
            }
            cr_assert_eq(sum, shares[i], "%s: %lld shares add up to %lld", patterns[p],
                         (long long)shares[i], (long long)sum);
        }
    }
}

/* Malformed patterns: the problem and the word quoted. */
typedef struct bad_case {
    char text[64];
    pc_schedule_problem problem;
    char word[24]; /* the word at fault ("" for an empty pattern) */
} bad_case;

static bad_case bad_cases[] = {
    {"", PC_SCHEDULE_EMPTY, ""},
    {"   ", PC_SCHEDULE_EMPTY, ""},
    {"annualy 4", PC_SCHEDULE_UNKNOWN_STEP, "annualy"},
    {"4 annual", PC_SCHEDULE_UNKNOWN_STEP, "4"},
    {"annual", PC_SCHEDULE_MISSING_COUNT, "annual"},
    {"annual four", PC_SCHEDULE_BAD_COUNT, "four"},
    {"monthly 0", PC_SCHEDULE_BAD_COUNT, "0"},
    {"quarterly 2.5", PC_SCHEDULE_BAD_COUNT, "2.5"},
    {"monthly -3", PC_SCHEDULE_BAD_COUNT, "-3"},
    {"cliff 1", PC_SCHEDULE_BAD_CLIFF, "1"},
    {"cliff 1w", PC_SCHEDULE_BAD_CLIFF, "1w"},
    {"cliff 0y", PC_SCHEDULE_BAD_CLIFF, "0y"},
    {"cliff y", PC_SCHEDULE_BAD_CLIFF, "y"},
    {"cliff 1yr", PC_SCHEDULE_BAD_CLIFF, "1yr"},
    {"cliff 1y monthly 36", PC_SCHEDULE_EXPECTED_THEN, "monthly"},
    {"cliff 1y and monthly 36", PC_SCHEDULE_EXPECTED_THEN, "and"},
    {"cliff 1y then", PC_SCHEDULE_MISSING_STEP, "then"},
    {"annual 4 from", PC_SCHEDULE_MISSING_DATE, "from"},
    {"annual 4 from 2022-02-30", PC_SCHEDULE_BAD_DATE, "2022-02-30"},
    {"annual 4 from 30/05/2022", PC_SCHEDULE_BAD_DATE, "30/05/2022"},
    {"annual 4 from 2022-5-30", PC_SCHEDULE_BAD_DATE, "2022-5-30"},
    {"annual 4 from 2022-05-30 then monthly 2", PC_SCHEDULE_TRAILING, "then"},
    {"monthly 1201", PC_SCHEDULE_TOO_LONG, "1201"},
    {"annual 99999999999999999999", PC_SCHEDULE_TOO_LONG, "99999999999999999999"},
    {"cliff 101y", PC_SCHEDULE_TOO_LONG, "101y"},
    {"annual 50 then annual 51", PC_SCHEDULE_TOO_LONG, "51"},
};

ParameterizedTestParameters(schedule, malformed_patterns_say_what_and_where)
{
    return cr_make_param_array(bad_case, bad_cases, sizeof bad_cases / sizeof bad_cases[0]);
}

ParameterizedTest(bad_case *c, schedule, malformed_patterns_say_what_and_where)
{
    pc_schedule s;
    pc_schedule_error err;
    pc_status st = pc_schedule_parse(c->text, &s, &err);
    cr_assert_neq(st, PC_OK, "'%s' parsed", c->text);
    cr_assert_eq(err.problem, c->problem, "'%s': problem %d, expected %d", c->text, err.problem,
                 c->problem);
    cr_assert_eq(err.len, strlen(c->word), "'%s': word of %zu bytes, expected '%s'", c->text,
                 err.len, c->word);
    cr_assert(memcmp(c->text + err.at, c->word, err.len) == 0, "'%s': wrong word at %zu", c->text,
              err.at);
    cr_assert_eq(s.nsteps, 0, "a failed parse leaves no steps");
    cr_assert_eq(s.from, PC_DATE_NONE);
}

Test(schedule, more_than_24_steps_is_refused)
{
    char text[400] = "monthly 1";
    for (int i = 0; i < 24; i++)
        strcat(text, " then monthly 1");
    pc_schedule s;
    pc_schedule_error err;
    cr_assert_eq(pc_schedule_parse(text, &s, &err), PC_ERR_RANGE);
    cr_assert_eq(err.problem, PC_SCHEDULE_TOO_MANY_STEPS);
}

Test(schedule, every_problem_has_its_own_words)
{
    for (int a = PC_SCHEDULE_OK; a <= PC_SCHEDULE_TOO_LONG; a++)
        for (int b = a + 1; b <= PC_SCHEDULE_TOO_LONG; b++)
            cr_assert_str_neq(pc_schedule_problem_text((pc_schedule_problem)a),
                              pc_schedule_problem_text((pc_schedule_problem)b));
}

Test(schedule, a_first_date_before_the_grant_does_not_fit)
{
    pc_schedule s = parsed("annual 4 from 2021-03-01");
    int tranche = -1;
    cr_assert_eq(pc_schedule_check(&s, ymd(2021, 3, 2), 400, &tranche), PC_SCHEDULE_BEFORE_GRANT);
    cr_assert_eq(tranche, 0);
    /* On the grant date itself it fits (granted fully vested in part). */
    cr_assert_eq(pc_schedule_check(&s, ymd(2021, 3, 1), 400, &tranche), PC_SCHEDULE_FITS);
}

Test(schedule, more_instalments_than_shares_do_not_fit)
{
    pc_schedule s = parsed("monthly 36");
    int tranche = -1;
    cr_assert_eq(pc_schedule_check(&s, ymd(2021, 3, 2), 35, &tranche), PC_SCHEDULE_TOO_FEW_SHARES);
    cr_assert_eq(pc_schedule_check(&s, ymd(2021, 3, 2), 36, &tranche), PC_SCHEDULE_FITS);
}

Test(schedule, an_instalment_that_would_get_no_share_is_named)
{
    /* 3 shares over 48 months: floor(3*46/48) = 2 and floor(3*47/48) = 2,
     * so instalment 2 would get nothing. */
    pc_schedule s = parsed("cliff 46m then monthly 2");
    int tranche = -1;
    cr_assert_eq(pc_schedule_check(&s, ymd(2021, 3, 2), 3, &tranche), PC_SCHEDULE_EMPTY_TRANCHE);
    cr_assert_eq(tranche, 2);
}

Test(schedule, a_schedule_past_the_calendar_does_not_fit)
{
    pc_schedule s = parsed("annual 4 from 2199-06-30");
    int tranche = -1;
    cr_assert_eq(pc_schedule_check(&s, ymd(2199, 1, 1), 4, &tranche), PC_SCHEDULE_PAST_CALENDAR);
}
