/*
 * Verify (SPEC section 8): the internal checks of published tables, the
 * comparison with computed figures, the severity rule, the readable table
 * and the JSON of the findings. Fixtures are built in memory; the CBAK case
 * uses the figures of the CBAK Energy 2023 proxy (seeds/README.md: the
 * Summary Compensation Table and the Pay versus Performance table with its
 * two reconciliation footnotes).
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/compute.h"
#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"
#include "support.h"

#define SCT PC_REPORTED_SCT
#define PVP PC_REPORTED_PVP
#define CAP PC_REPORTED_CAP
#define AVG "non_peo_neo_average"
#define M(dollars) ((int64_t)((dollars)*1000000LL)) /* whole dollars to micros */

/* ------------------------------------------------------------ fixtures */

/* Appends a published figure written as the proxy prints it ("293,557",
 * "(5,678.00)"); its decimals are the digits after the point. */
static void publish(pc_dataset *ds, pc_reported_table table, int year, const char *subject,
                    const char *item, const char *text)
{
    pc_reported *r = PC_ARRAY_PUSH(&ds->reported);
    cr_assert_not_null(r);
    char why[128] = "";
    cr_assert_eq(pc_parse_decimal(text, 6, 6, &r->value_micro, why, sizeof why), PC_OK, "%s: %s",
                 text, why);
    const char *dot = strchr(text, '.');
    if (dot)
        for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
            r->decimals++;
    r->table = table;
    r->year = year;
    r->subject = pc_strdup(subject);
    r->item = pc_strdup(item);
    r->line = (int)ds->reported.count + 1; /* line 1 is the header */
}

static void add_person(pc_dataset *ds, const char *id, const char *name)
{
    pc_person *p = PC_ARRAY_PUSH(&ds->people);
    cr_assert_not_null(p);
    p->id = pc_strdup(id);
    p->name = pc_strdup(name);
    p->line = (int)ds->people.count + 1;
}

/* One reconciliation as published: the lines CBAK prints, in order. */
static void publish_cap(pc_dataset *ds, int year, const char *subject, const char *sct_total,
                        const char *less_equity, const char *fye_granted,
                        const char *change_unvested, const char *change_vested,
                        const char *less_forfeited, const char *cap)
{
    publish(ds, CAP, year, subject, "sct_total", sct_total);
    publish(ds, CAP, year, subject, "less_equity_awards", less_equity);
    publish(ds, CAP, year, subject, "fye_fv_granted_in_year", fye_granted);
    publish(ds, CAP, year, subject, "change_fv_prior_unvested", change_unvested);
    publish(ds, CAP, year, subject, "change_fv_prior_vested", change_vested);
    publish(ds, CAP, year, subject, "less_fv_forfeited", less_forfeited);
    publish(ds, CAP, year, subject, "cap", cap);
}

/* The CBAK Energy 2023 proxy as printed: SCT (Li Yunfei PEO, Pei Xiangyu
 * former interim CFO), the PvP table and both reconciliation footnotes. */
static void cbak_published(pc_dataset *ds)
{
    add_person(ds, "li_yunfei", "李雲飛");
    add_person(ds, "pei_xiangyu", "裴翔宇");

    publish(ds, SCT, 2022, "li_yunfei", "salary", "117,658");
    publish(ds, SCT, 2022, "li_yunfei", "stock_awards", "60,000");
    publish(ds, SCT, 2022, "li_yunfei", "total", "177,658");
    publish(ds, SCT, 2021, "li_yunfei", "salary", "120,107");
    publish(ds, SCT, 2021, "li_yunfei", "stock_awards", "120,001");
    publish(ds, SCT, 2021, "li_yunfei", "option_awards", "53,450");
    publish(ds, SCT, 2021, "li_yunfei", "total", "293,557");
    publish(ds, SCT, 2022, "pei_xiangyu", "salary", "88,556");
    publish(ds, SCT, 2022, "pei_xiangyu", "stock_awards", "27,000");
    publish(ds, SCT, 2022, "pei_xiangyu", "total", "115,556");
    publish(ds, SCT, 2021, "pei_xiangyu", "salary", "74,979");
    publish(ds, SCT, 2021, "pei_xiangyu", "stock_awards", "54,000");
    publish(ds, SCT, 2021, "pei_xiangyu", "option_awards", "40,087");
    publish(ds, SCT, 2021, "pei_xiangyu", "total", "169,066");

    publish(ds, PVP, 2022, "li_yunfei", "sct_total", "177,658");
    publish(ds, PVP, 2022, "li_yunfei", "cap", "235,853.85");
    publish(ds, PVP, 2022, AVG, "sct_total", "115,556");
    publish(ds, PVP, 2022, AVG, "cap", "155,306.32");
    publish(ds, PVP, 2022, AVG, "count", "1");
    publish(ds, PVP, 2022, "company", "tsr", "19.57");
    publish(ds, PVP, 2022, "company", "net_income", "(11,327,811)");
    publish(ds, PVP, 2021, "li_yunfei", "sct_total", "293,557");
    publish(ds, PVP, 2021, "li_yunfei", "cap", "911,229.67");
    publish(ds, PVP, 2021, AVG, "sct_total", "169,066");
    publish(ds, PVP, 2021, AVG, "cap", "524,584.00");
    publish(ds, PVP, 2021, AVG, "count", "1");
    publish(ds, PVP, 2021, "company", "tsr", "30.83");
    publish(ds, PVP, 2021, "company", "net_income", "61,559,144");

    publish_cap(ds, 2022, "li_yunfei", "177,658.00", "(5,678.00)", "0", "45,207.09", "18,666.76",
                "0", "235,853.85");
    publish_cap(ds, 2021, "li_yunfei", "293,557.00", "(106,994.00)", "312,000.00", "233,333.33",
                "179,333.33", "0", "911,229.67");
    publish_cap(ds, 2022, AVG, "115,556.00", "(2,555.00)", "0", "33,905.32", "8,400.00", "0",
                "155,306.32");
    publish_cap(ds, 2021, AVG, "169,066.00", "(64,182.00)", "234,000.00", "105,000.00", "80,700.00",
                "0", "524,584.00");
}

/* A small, consistent set of published tables: a PEO and two NEOs in
 * 2022, the average SCT total an exact mean with a half dollar. */
static void clean_published(pc_dataset *ds)
{
    add_person(ds, "ceo", "Ann Chief");
    add_person(ds, "cfo", "Bob Money");
    add_person(ds, "coo", "Cy Works");
    ds->config.cap_decimals = 2;

    publish(ds, SCT, 2022, "ceo", "salary", "100,000");
    publish(ds, SCT, 2022, "ceo", "stock_awards", "50,000");
    publish(ds, SCT, 2022, "ceo", "option_awards", "25,000");
    publish(ds, SCT, 2022, "ceo", "total", "175,000");
    publish(ds, SCT, 2022, "cfo", "salary", "80,000");
    publish(ds, SCT, 2022, "cfo", "stock_awards", "20,000");
    publish(ds, SCT, 2022, "cfo", "total", "100,000");
    publish(ds, SCT, 2022, "coo", "salary", "70,001");
    publish(ds, SCT, 2022, "coo", "stock_awards", "10,000");
    publish(ds, SCT, 2022, "coo", "total", "80,001");

    publish(ds, PVP, 2022, "ceo", "sct_total", "175,000");
    publish(ds, PVP, 2022, "ceo", "cap", "181,234.56");
    publish(ds, PVP, 2022, AVG, "sct_total", "90,000.50");
    publish(ds, PVP, 2022, AVG, "cap", "95,000.75");
    publish(ds, PVP, 2022, AVG, "count", "2");
    publish(ds, PVP, 2022, "company", "tsr", "105.20");
    publish(ds, PVP, 2022, "company", "net_income", "1,000,000");

    publish_cap(ds, 2022, "ceo", "175,000.00", "(75,000.00)", "80,000.00", "1,234.56", "0", "0",
                "181,234.56");
    publish_cap(ds, 2022, AVG, "90,000.50", "(15,000.00)", "20,000.25", "0", "0", "0", "95,000.75");
}

static pc_sct_row *add_sct(pc_report *r, size_t person, int year, int64_t salary_cents,
                           int64_t stock_cents, int64_t option_cents)
{
    pc_sct_row *row = PC_ARRAY_PUSH(&r->sct);
    cr_assert_not_null(row);
    row->person = person;
    row->year = year;
    row->in_table = true;
    row->column[PC_SCT_SALARY] = salary_cents;
    row->column[PC_SCT_STOCK_AWARDS] = stock_cents;
    row->column[PC_SCT_OPTION_AWARDS] = option_cents;
    row->column[PC_SCT_TOTAL] = salary_cents + stock_cents + option_cents;
    return row;
}

static pc_cap_row *add_cap(pc_report *r, size_t subject, int year, int64_t sct_total,
                           int64_t less_equity, int64_t fye_granted, int64_t change_unvested)
{
    pc_cap_row *row = PC_ARRAY_PUSH(&r->cap);
    cr_assert_not_null(row);
    row->subject = subject;
    row->year = year;
    row->line[PC_CAP_SCT_TOTAL] = sct_total;
    row->line[PC_CAP_LESS_EQUITY_AWARDS] = less_equity;
    row->line[PC_CAP_FYE_FV_GRANTED_IN_YEAR] = fye_granted;
    row->line[PC_CAP_CHANGE_FV_PRIOR_UNVESTED] = change_unvested;
    row->line[PC_CAP_CAP] = sct_total + less_equity + fye_granted + change_unvested;
    return row;
}

/* What the engine computes for the clean fixture (cents). */
static void clean_computed(pc_report *r)
{
    pc_report_init(r);
    add_sct(r, 0, 2022, 10000000, 5000000, 2500000);
    add_sct(r, 1, 2022, 8000000, 2000000, 0);
    add_sct(r, 2, 2022, 7000100, 1000000, 0);
    pc_pvp_row *p = PC_ARRAY_PUSH(&r->pvp);
    cr_assert_not_null(p);
    p->year = 2022;
    p->npeo = 1;
    p->peo[0] = (pc_pvp_peo){0, 17500000, 18123456};
    p->has_average = true;
    p->avg_count = 2;
    p->avg_sct_total = 9000050;
    p->avg_cap = 9500075;
    p->tsr = 10520;
    p->has_net_income = true;
    p->net_income = 100000000;
    r->tsr.computed = true;
    add_cap(r, 0, 2022, 17500000, -7500000, 8000000, 123456);
    add_cap(r, PC_SUBJECT_AVERAGE, 2022, 9000050, -1500000, 2000025, 0);
}

static const pc_finding *find(const pc_checks *c, const char *check, int year, const char *subject,
                              const char *item)
{
    for (size_t i = 0; i < c->findings.count; i++) {
        const pc_finding *f = &c->findings.items[i];
        if (!strcmp(f->check, check) && f->year == year && !strcmp(f->subject, subject) &&
            !strcmp(f->item, item))
            return f;
    }
    return NULL;
}

static size_t count_check(const pc_checks *c, const char *check)
{
    size_t n = 0;
    for (size_t i = 0; i < c->findings.count; i++)
        n += !strcmp(c->findings.items[i].check, check);
    return n;
}

static const pc_skipped *find_skipped(const pc_checks *c, const char *check, int year,
                                      const char *subject)
{
    for (size_t i = 0; i < c->skipped.count; i++) {
        const pc_skipped *s = &c->skipped.items[i];
        if (!strcmp(s->check, check) && s->year == year && !strcmp(s->subject, subject))
            return s;
    }
    return NULL;
}

static void assert_finding(const pc_finding *f, pc_check_severity severity, int64_t published,
                           int64_t expected, int decimals)
{
    cr_assert_not_null(f);
    cr_assert_eq(f->severity, severity, "%s %d %s %s: severity %d", f->check, f->year, f->subject,
                 f->item, (int)f->severity);
    cr_assert_eq(f->published_micro, published, "%s: published %lld", f->check,
                 (long long)f->published_micro);
    cr_assert_eq(f->expected_micro, expected, "%s %d %s: expected %lld, wanted %lld", f->check,
                 f->year, f->subject, (long long)f->expected_micro, (long long)expected);
    cr_assert_eq(f->difference_micro, published - expected);
    cr_assert_eq(f->decimals, decimals, "%s: decimals %d", f->check, f->decimals);
}

/* ------------------------------------------------------ the CBAK proxy */

Test(verify, cbak_proxy_internal_findings_have_the_right_severity)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    cbak_published(&ds);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);

    /* 120,107 + 120,001 + 53,450 = 293,558 against a printed 293,557. */
    const pc_finding *f = find(&c, "sct_does_not_foot", 2021, "li_yunfei", "total");
    assert_finding(f, PC_CHECK_ROUNDING, M(293557), M(293558), 0);
    cr_assert_eq(f->table, PC_REPORTED_SCT);
    cr_assert_eq(f->line, 8);

    /* The 2021 PEO lines add up to 911,229.66, CAP is printed 911,229.67. */
    assert_finding(find(&c, "cap_does_not_foot", 2021, "li_yunfei", "cap"), PC_CHECK_ROUNDING,
                   911229670000, 911229660000, 2);

    /* The equity deduction is not the SCT stock + option awards. */
    assert_finding(find(&c, "deduction_differs_from_sct", 2021, "li_yunfei", "less_equity_awards"),
                   PC_CHECK_ERROR, M(-106994), M(-173451), 2);
    assert_finding(find(&c, "deduction_differs_from_sct", 2022, "li_yunfei", "less_equity_awards"),
                   PC_CHECK_ERROR, M(-5678), M(-60000), 2);
    assert_finding(find(&c, "deduction_differs_from_sct", 2021, AVG, "less_equity_awards"),
                   PC_CHECK_ERROR, M(-64182), M(-94087), 2);
    assert_finding(find(&c, "deduction_differs_from_sct", 2022, AVG, "less_equity_awards"),
                   PC_CHECK_ERROR, M(-2555), M(-27000), 2);

    /* Nothing else: the PvP agrees with the SCT and the reconciliations,
     * the averages cover Pei alone, TSRs are right. */
    cr_assert_eq(c.findings.count, 6);
    cr_assert_eq(c.skipped.count, 0);
    cr_assert_eq(c.errors, 4);
    cr_assert_eq(c.rounding, 2);
    /* 4 SCT footings, 4 CAP footings, 4 deductions, 2 PvP SCT totals,
     * 4 PvP CAPs, 4 reconciliation starts, 2 averages, 2 TSRs. */
    cr_assert_eq(c.checked, 26);
    cr_assert(pc_verify_failed(&c, false));
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, cbak_findings_come_in_check_then_table_order)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    cbak_published(&ds);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    static const struct {
        const char *check;
        int year;
        const char *subject;
    } order[] = {
        {"sct_does_not_foot", 2021, "li_yunfei"},
        {"cap_does_not_foot", 2021, "li_yunfei"},
        {"deduction_differs_from_sct", 2021, "li_yunfei"},
        {"deduction_differs_from_sct", 2021, AVG},
        {"deduction_differs_from_sct", 2022, "li_yunfei"},
        {"deduction_differs_from_sct", 2022, AVG},
    };
    cr_assert_eq(c.findings.count, sizeof order / sizeof order[0]);
    for (size_t i = 0; i < c.findings.count; i++) {
        cr_assert_str_eq(c.findings.items[i].check, order[i].check);
        cr_assert_eq(c.findings.items[i].year, order[i].year);
        cr_assert_str_eq(c.findings.items[i].subject, order[i].subject);
    }
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, consistent_published_tables_have_no_findings)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_published(&ds);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    for (size_t i = 0; i < c.findings.count; i++)
        cr_log_error("unexpected %s %d %s %s", c.findings.items[i].check, c.findings.items[i].year,
                     c.findings.items[i].subject, c.findings.items[i].item);
    cr_assert_eq(c.findings.count, 0);
    cr_assert_eq(c.skipped.count, 0);
    /* 3 SCT footings, 2 CAP footings, 2 deductions, 1 PvP SCT total,
     * 2 PvP CAPs, 2 reconciliation starts, 1 average, 1 TSR. */
    cr_assert_eq(c.checked, 14);
    cr_assert_not(pc_verify_failed(&c, true));
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, consistent_tables_agree_with_their_computed_figures)
{
    pc_dataset ds;
    pc_report r;
    pc_dataset_init(&ds);
    clean_published(&ds);
    clean_computed(&r);
    cr_assert_eq(pc_verify_all(&ds, &r, &r.checks), PC_OK);
    cr_assert_eq(r.checks.findings.count, 0);
    cr_assert_eq(r.checks.skipped.count, 0);
    /* 14 internal comparisons and every one of the 31 published figures. */
    cr_assert_eq(r.checks.checked, 14 + ds.reported.count);
    cr_assert_eq(r.checks.errors, 0);
    cr_assert_eq(r.checks.rounding, 0);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
}

/* ------------------------------------------------------ severity rule */

/* Criterion may run each case in a fresh process: the strings live in the
 * case itself, not behind pointers. */
typedef struct severity_case {
    char column[16];  /* the one published column */
    char total[16];   /* the published total */
    int outcome;      /* -1: no finding; else pc_check_severity */
    int64_t expected; /* micros */
} severity_case;

ParameterizedTestParameters(verify, footing_severity_is_one_unit_of_the_last_shown_digit)
{
    static severity_case cases[] = {
        {"100", "100", -1, M(100)},
        {"99", "100", PC_CHECK_ROUNDING, M(99)},
        {"98", "100", PC_CHECK_ERROR, M(98)},
        {"101", "100", PC_CHECK_ROUNDING, M(101)},
        {"102", "100", PC_CHECK_ERROR, M(102)},
        {"99.99", "100.00", PC_CHECK_ROUNDING, 99990000},
        {"99.98", "100.00", PC_CHECK_ERROR, 99980000},
        /* A total in whole dollars over cent columns: shown correctly
         * rounded is no finding; within a dollar is rounding. */
        {"99.60", "100", -1, 99600000},
        {"99.40", "100", PC_CHECK_ROUNDING, 99400000},
        {"98.60", "100", PC_CHECK_ERROR, 98600000},
        {"(99)", "(100)", PC_CHECK_ROUNDING, M(-99)},
        {"(98)", "(100)", PC_CHECK_ERROR, M(-98)},
        {"0", "0.01", PC_CHECK_ROUNDING, 0},
        {"0", "0.02", PC_CHECK_ERROR, 0},
    };
    return cr_make_param_array(severity_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(severity_case *sc, verify, footing_severity_is_one_unit_of_the_last_shown_digit)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "salary", sc->column);
    publish(&ds, SCT, 2022, "ceo", "total", sc->total);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.checked, 1);
    if (sc->outcome < 0) {
        cr_assert_eq(c.findings.count, 0, "%s vs %s", sc->column, sc->total);
    } else {
        cr_assert_eq(c.findings.count, 1, "%s vs %s", sc->column, sc->total);
        const pc_finding *f = &c.findings.items[0];
        cr_assert_str_eq(f->check, "sct_does_not_foot");
        cr_assert_eq((int)f->severity, sc->outcome, "%s vs %s", sc->column, sc->total);
        cr_assert_eq(f->expected_micro, sc->expected);
        cr_assert_eq(f->difference_micro, f->published_micro - sc->expected);
    }
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* A figure 1,000 times or more off is a wrong unit whatever the unit's
 * last digit allows: a salary of 120,107 transcribed as "1 bn" is one
 * billion, not a rounded 120,107 (it passed as rounding). */
Test(verify, a_figure_a_thousand_times_off_is_an_error_whatever_its_unit)
{
    static const struct {
        const char *column, *total;
        int outcome; /* -1: no finding; else pc_check_severity */
    } cases[] = {
        {"120,107", "1 bn", PC_CHECK_ERROR},
        {"120,107", "0.1 M", -1},
        {"400", "1 K", PC_CHECK_ROUNDING},
        {"0.40", "1 K", PC_CHECK_ERROR},
        {"1,400", "1 K", -1},
        {"999,999", "1 bn", PC_CHECK_ERROR},
        {"1,000,001", "1 bn", PC_CHECK_ROUNDING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pc_dataset ds;
        pc_checks c;
        pc_dataset_init(&ds);
        pc_checks_init(&c);
        publish(&ds, SCT, 2022, "ceo", "salary", cases[i].column);
        pc_reported *total = PC_ARRAY_PUSH(&ds.reported);
        cr_assert_not_null(total);
        pc_printed printed;
        char why[128] = "";
        cr_assert_eq(pc_parse_printed(cases[i].total, &printed, why, sizeof why), PC_OK, "%s", why);
        *total = (pc_reported){SCT,
                               2022,
                               pc_strdup("ceo"),
                               pc_strdup("total"),
                               printed.value_micro,
                               printed.decimals,
                               false,
                               3};
        cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
        if (cases[i].outcome < 0) {
            cr_assert_eq(c.findings.count, 0, "%s vs %s", cases[i].column, cases[i].total);
        } else {
            cr_assert_eq(c.findings.count, 1, "%s vs %s", cases[i].column, cases[i].total);
            cr_assert_eq((int)c.findings.items[0].severity, cases[i].outcome, "%s vs %s",
                         cases[i].column, cases[i].total);
        }
        pc_checks_fini(&c);
        pc_dataset_fini(&ds);
    }
}

/* ------------------------------------------------------ each check */

Test(verify, sct_total_off_by_more_than_a_dollar_is_an_error)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "salary", "100,000");
    publish(&ds, SCT, 2022, "ceo", "bonus", "5,000");
    publish(&ds, SCT, 2022, "ceo", "all_other", "1,000");
    publish(&ds, SCT, 2022, "ceo", "total", "160,000");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    assert_finding(find(&c, "sct_does_not_foot", 2022, "ceo", "total"), PC_CHECK_ERROR, M(160000),
                   M(106000), 0);
    cr_assert(pc_verify_failed(&c, false));
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, an_sct_total_alone_or_columns_alone_are_not_a_footing)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "total", "175,000");
    publish(&ds, SCT, 2022, "cfo", "salary", "80,000");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 0);
    cr_assert_eq(c.checked, 0);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, cap_foots_on_equity_award_adjustments_when_the_five_lines_are_absent)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, CAP, 2022, "ceo", "sct_total", "177,658.00");
    publish(&ds, CAP, 2022, "ceo", "less_equity_awards", "(60,000.00)");
    publish(&ds, CAP, 2022, "ceo", "equity_award_adjustments", "63,873.85");
    publish(&ds, CAP, 2022, "ceo", "cap", "181,531.85");
    publish(&ds, CAP, 2021, "ceo", "sct_total", "100,000.00");
    publish(&ds, CAP, 2021, "ceo", "equity_award_adjustments", "5,000.00");
    publish(&ds, CAP, 2021, "ceo", "cap", "95,000.00");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 1);
    assert_finding(find(&c, "cap_does_not_foot", 2021, "ceo", "cap"), PC_CHECK_ERROR, M(95000),
                   M(105000), 2);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, equity_award_adjustments_must_equal_the_five_lines_when_both_are_published)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, CAP, 2022, "ceo", "sct_total", "177,658.00");
    publish(&ds, CAP, 2022, "ceo", "less_equity_awards", "(5,678.00)");
    publish(&ds, CAP, 2022, "ceo", "change_fv_prior_unvested", "45,207.09");
    publish(&ds, CAP, 2022, "ceo", "change_fv_prior_vested", "18,666.76");
    publish(&ds, CAP, 2022, "ceo", "equity_award_adjustments", "63,873.86");
    publish(&ds, CAP, 2022, "ceo", "cap", "235,853.85");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    /* The five lines win for CAP (it foots); their total is 63,873.85. */
    cr_assert_eq(count_check(&c, "cap_does_not_foot"), 1);
    assert_finding(find(&c, "cap_does_not_foot", 2022, "ceo", "equity_award_adjustments"),
                   PC_CHECK_ROUNDING, 63873860000, 63873850000, 2);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, deduction_without_an_sct_row_is_skipped)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, CAP, 2020, "ceo", "less_equity_awards", "(5,000)");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    const pc_skipped *s = find_skipped(&c, "deduction_differs_from_sct", 2020, "ceo");
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason, "the published SCT has no row for ceo in 2020");
    cr_assert_eq(c.findings.count, 0);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, deduction_counts_absent_equity_columns_as_zero)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "salary", "100,000");
    publish(&ds, CAP, 2022, "ceo", "less_equity_awards", "0");
    publish(&ds, SCT, 2021, "ceo", "salary", "100,000");
    publish(&ds, CAP, 2021, "ceo", "less_equity_awards", "(2)");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 1);
    assert_finding(find(&c, "deduction_differs_from_sct", 2021, "ceo", "less_equity_awards"),
                   PC_CHECK_ERROR, M(-2), 0, 0);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, pvp_sct_total_against_the_sct_tolerates_the_coarser_precision)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    /* 2022: PvP in cents, SCT in dollars, a dollar apart: rounding.
     * 2021: three dollars apart: error. 2020: no SCT total: skipped. */
    publish(&ds, SCT, 2022, "ceo", "total", "177,659");
    publish(&ds, PVP, 2022, "ceo", "sct_total", "177,658.00");
    publish(&ds, SCT, 2021, "ceo", "total", "293,560");
    publish(&ds, PVP, 2021, "ceo", "sct_total", "293,557");
    publish(&ds, PVP, 2020, "ceo", "sct_total", "100,000");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    assert_finding(find(&c, "pvp_sct_total_differs", 2022, "ceo", "sct_total"), PC_CHECK_ROUNDING,
                   M(177658), M(177659), 2);
    assert_finding(find(&c, "pvp_sct_total_differs", 2021, "ceo", "sct_total"), PC_CHECK_ERROR,
                   M(293557), M(293560), 0);
    const pc_skipped *s = find_skipped(&c, "pvp_sct_total_differs", 2020, "ceo");
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason, "the published SCT has no total for ceo in 2020");
    cr_assert_eq(c.findings.count, 2);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, pvp_cap_against_the_reconciliation_for_a_peo_and_the_average)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    /* Shown to the dollar in the PvP, to the cent in the reconciliation:
     * correctly rounded, no finding. */
    publish(&ds, PVP, 2022, "ceo", "cap", "235,854");
    publish(&ds, CAP, 2022, "ceo", "cap", "235,853.85");
    /* The reverse, PvP in cents and reconciliation in dollars: a rounding. */
    publish(&ds, PVP, 2021, "ceo", "cap", "911,229.67");
    publish(&ds, CAP, 2021, "ceo", "cap", "911,229");
    /* The average CAP off by a hundred dollars. */
    publish(&ds, PVP, 2022, AVG, "cap", "155,406.32");
    publish(&ds, CAP, 2022, AVG, "cap", "155,306.32");
    /* No reconciliation for the 2021 average. */
    publish(&ds, PVP, 2021, AVG, "cap", "524,584.00");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_null(find(&c, "pvp_cap_differs", 2022, "ceo", "cap"));
    assert_finding(find(&c, "pvp_cap_differs", 2021, "ceo", "cap"), PC_CHECK_ROUNDING, 911229670000,
                   M(911229), 2);
    assert_finding(find(&c, "pvp_cap_differs", 2022, AVG, "cap"), PC_CHECK_ERROR, 155406320000,
                   155306320000, 2);
    const pc_skipped *s = find_skipped(&c, "pvp_cap_differs", 2021, AVG);
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason, "the published reconciliation has no CAP for " AVG " in 2021");
    cr_assert_eq(c.findings.count, 2);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* Two NEOs whose SCT totals average to 90,000.50, and a PEO. */
static void two_neos(pc_dataset *ds, int year, const char *average, const char *count)
{
    publish(ds, SCT, year, "ceo", "total", "175,000");
    publish(ds, SCT, year, "cfo", "total", "100,000");
    publish(ds, SCT, year, "coo", "total", "80,001");
    publish(ds, PVP, year, "ceo", "sct_total", "175,000");
    publish(ds, PVP, year, AVG, "sct_total", average);
    if (count)
        publish(ds, PVP, year, AVG, "count", count);
}

typedef struct average_case {
    char average[16];
    int outcome; /* -1: no finding */
} average_case;

ParameterizedTestParameters(verify, average_is_compared_with_the_exact_mean)
{
    static average_case cases[] = {
        {"90,000.50", -1},                /* exact */
        {"90,001", -1},                   /* rounded half away from zero */
        {"90,000", PC_CHECK_ROUNDING},    /* half a dollar off */
        {"90,000.51", PC_CHECK_ROUNDING}, /* a cent off */
        {"90,000.49", PC_CHECK_ROUNDING},
        {"90,000.52", PC_CHECK_ERROR},
        {"90,002", PC_CHECK_ERROR},
    };
    return cr_make_param_array(average_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(average_case *ac, verify, average_is_compared_with_the_exact_mean)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    two_neos(&ds, 2022, ac->average, "2");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    const pc_finding *f = find(&c, "average_differs", 2022, AVG, "sct_total");
    cr_assert_eq(c.skipped.count, 0);
    if (ac->outcome < 0) {
        cr_assert_null(f, "%s", ac->average);
    } else {
        cr_assert_not_null(f, "%s", ac->average);
        cr_assert_eq((int)f->severity, ac->outcome, "%s", ac->average);
        cr_assert_eq(f->expected_micro, 90000500000);
    }
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, average_checks_are_skipped_when_the_sct_does_not_show_every_neo)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    two_neos(&ds, 2021, "90,000.50", "3");
    publish(&ds, CAP, 2021, AVG, "less_equity_awards", "(15,000.00)");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    const pc_skipped *s = find_skipped(&c, "average_differs", 2021, AVG);
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason,
                     "the published SCT has 2 NEO rows for 2021 but the average covers 3");
    s = find_skipped(&c, "deduction_differs_from_sct", 2021, AVG);
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason,
                     "the published SCT has 2 NEO rows for 2021 but the average covers 3");
    cr_assert_eq(count_check(&c, "average_differs"), 0);
    cr_assert_eq(count_check(&c, "deduction_differs_from_sct"), 0);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, average_checks_are_skipped_without_a_published_count)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    two_neos(&ds, 2022, "90,000.50", NULL);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    const pc_skipped *s = find_skipped(&c, "average_differs", 2022, AVG);
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason,
                     "the published tables give no count of the NEOs in the 2022 average, so "
                     "the year's NEOs are not known");
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, average_check_is_skipped_when_an_neo_has_no_sct_total)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "cfo", "salary", "80,000");
    publish(&ds, PVP, 2022, AVG, "sct_total", "80,000");
    publish(&ds, PVP, 2022, AVG, "count", "1");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    const pc_skipped *s = find_skipped(&c, "average_differs", 2022, AVG);
    cr_assert_not_null(s);
    cr_assert_str_eq(s->reason, "the published SCT has no total for cfo in 2022");
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, average_deduction_is_the_mean_over_the_neos)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "stock_awards", "50,000");
    publish(&ds, PVP, 2022, "ceo", "cap", "1");
    publish(&ds, SCT, 2022, "cfo", "stock_awards", "20,000");
    publish(&ds, SCT, 2022, "coo", "option_awards", "10,001");
    publish(&ds, SCT, 2022, "cto", "stock_awards", "1");
    publish(&ds, PVP, 2022, AVG, "count", "3");
    /* -(20,000 + 10,001 + 1) / 3 = -10,000.666667: shown as (10,000.67) is
     * right; (10,000.66) is within a cent; (10,001.00) is not. */
    publish(&ds, CAP, 2022, AVG, "less_equity_awards", "(10,000.67)");
    publish(&ds, CAP, 2021, AVG, "less_equity_awards", "(10,000.66)");
    publish(&ds, CAP, 2020, AVG, "less_equity_awards", "(10,001.00)");
    for (int year = 2020; year <= 2021; year++) {
        publish(&ds, SCT, year, "ceo", "stock_awards", "50,000");
        publish(&ds, PVP, year, "ceo", "cap", "1");
        publish(&ds, SCT, year, "cfo", "stock_awards", "20,000");
        publish(&ds, SCT, year, "coo", "option_awards", "10,001");
        publish(&ds, SCT, year, "cto", "stock_awards", "1");
        publish(&ds, PVP, year, AVG, "count", "3");
    }
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_null(find(&c, "deduction_differs_from_sct", 2022, AVG, "less_equity_awards"));
    assert_finding(find(&c, "deduction_differs_from_sct", 2021, AVG, "less_equity_awards"),
                   PC_CHECK_ROUNDING, -10000660000, -10000666667, 2);
    assert_finding(find(&c, "deduction_differs_from_sct", 2020, AVG, "less_equity_awards"),
                   PC_CHECK_ERROR, M(-10001), -10000666667, 2);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* SPEC section 8: a `less_` line printed unsigned under a "Minus:" heading
 * is the deduction its label says; its printed sign is no finding, and the
 * footing and the deduction read it as negative. */
Test(verify, an_unsigned_less_line_is_the_deduction_its_label_says)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "salary", "100,000");
    publish(&ds, SCT, 2022, "ceo", "stock_awards", "5,678");
    publish(&ds, SCT, 2022, "ceo", "total", "105,678");
    publish(&ds, CAP, 2022, "ceo", "sct_total", "105,678.00");
    publish(&ds, CAP, 2022, "ceo", "less_equity_awards", "5,678.00");
    publish(&ds, CAP, 2022, "ceo", "less_pension", "12");
    publish(&ds, CAP, 2022, "ceo", "change_fv_prior_unvested", "(45,207.09)");
    publish(&ds, CAP, 2022, "ceo", "less_fv_forfeited", "(1,000.00)");
    publish(&ds, CAP, 2022, "ceo", "cap", "53,780.91");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 0, "first: %s %s",
                 c.findings.count ? c.findings.items[0].check : "",
                 c.findings.count ? c.findings.items[0].item : "");
    /* The SCT and CAP footings, the deduction against the SCT and the
     * reconciliation's start. */
    cr_assert_eq(c.checked, 4, "%zu", c.checked);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, a_negative_tsr_is_not_the_value_of_100_dollars)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, PVP, 2022, "company", "tsr", "-20.43");
    publish(&ds, PVP, 2022, "company", "peer_group_tsr", "(5.1)");
    publish(&ds, PVP, 2021, "company", "tsr", "0");
    publish(&ds, PVP, 2021, "company", "peer_group_tsr", "112.40");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 2);
    cr_assert_eq(c.checked, 4);
    assert_finding(find(&c, "tsr_not_value_of_100", 2022, "company", "tsr"), PC_CHECK_ERROR,
                   -20430000, 79570000, 2);
    assert_finding(find(&c, "tsr_not_value_of_100", 2022, "company", "peer_group_tsr"),
                   PC_CHECK_ERROR, -5100000, 94900000, 1);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, internal_checks_need_no_people)
{
    /* `paycalc verify --reported FILE`: people.csv is not read. */
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    cbak_published(&ds);
    for (size_t i = 0; i < ds.people.count; i++) {
        free(ds.people.items[i].id);
        free(ds.people.items[i].name);
    }
    ds.people.count = 0;
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 6);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, duplicate_published_figures_use_the_first)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, SCT, 2022, "ceo", "salary", "100");
    publish(&ds, SCT, 2022, "ceo", "salary", "100");
    publish(&ds, SCT, 2022, "ceo", "total", "100");
    publish(&ds, SCT, 2022, "ceo", "total", "500");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 0);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* ------------------------------------------------ against the computed */

Test(verify, published_figures_differing_from_the_computed_are_mismatches)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_published(&ds);
    clean_computed(&r);
    /* The engine computed a different salary for the CFO (80,005), a CAP
     * one cent away for the CEO, a different TSR and NEO count. */
    r.sct.items[1].column[PC_SCT_SALARY] = 8000500;
    r.pvp.items[0].peo[0].cap = 18123457;
    r.pvp.items[0].tsr = 10530;
    r.pvp.items[0].avg_count = 3;
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
    assert_finding(find(&c, "mismatch", 2022, "cfo", "salary"), PC_CHECK_ERROR, M(80000), M(80005),
                   0);
    assert_finding(find(&c, "mismatch", 2022, "ceo", "cap"), PC_CHECK_ROUNDING, 181234560000,
                   181234570000, 2);
    assert_finding(find(&c, "mismatch", 2022, "company", "tsr"), PC_CHECK_ERROR, 105200000,
                   105300000, 2);
    assert_finding(find(&c, "mismatch", 2022, AVG, "count"), PC_CHECK_ERROR, M(2), M(3), 0);
    cr_assert_eq(c.findings.count, 4);
    cr_assert_eq(c.checked, ds.reported.count);
    cr_assert_eq(c.skipped.count, 0);
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, mismatch_tolerance_uses_the_coarser_of_published_and_computed)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    add_person(&ds, "ceo", "Ann Chief");
    ds.config.cap_decimals = 0;
    pc_report_init(&r);
    /* With cap_decimals 0 the engine shows 235,854; a proxy in cents that
     * shows 235,853.85 is within a dollar: rounding, not error. */
    add_cap(&r, 0, 2022, 17765800, -567800, 0, 6387400);
    publish(&ds, CAP, 2022, "ceo", "cap", "235,853.85");
    publish(&ds, CAP, 2022, "ceo", "sct_total", "177,658");
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
    cr_assert_eq(c.findings.count, 1);
    assert_finding(find(&c, "mismatch", 2022, "ceo", "cap"), PC_CHECK_ROUNDING, 235853850000,
                   M(235854), 2);
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, equity_award_adjustments_is_compared_with_the_five_computed_lines)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    add_person(&ds, "ceo", "Ann Chief");
    pc_report_init(&r);
    pc_cap_row *row = add_cap(&r, 0, 2022, 17765800, -567800, 0, 4520709);
    row->line[PC_CAP_CHANGE_FV_PRIOR_VESTED] = 1866676;
    row->line[PC_CAP_LESS_FV_FORFEITED] = -100;
    publish(&ds, CAP, 2022, "ceo", "equity_award_adjustments", "63,873.85");
    publish(&ds, CAP, 2022, "ceo", "less_fv_forfeited", "(1.00)");
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
    cr_assert_eq(c.findings.count, 1);
    assert_finding(find(&c, "mismatch", 2022, "ceo", "equity_award_adjustments"), PC_CHECK_ERROR,
                   63873850000, 63872850000, 2);
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* SPEC section 8: equity_award_adjustments may hold dividends or not; the
 * published lines decide, and the computed figures are read the same way. */
typedef struct dividends_case {
    char adjustments[16]; /* the published subtotal */
    char cap[16];         /* the published CAP, "" for none */
    bool five_lines;      /* the five fair-value lines published too */
    size_t findings;
    char item[32]; /* the finding's item */
    int64_t expected_micro;
    char note[64]; /* part of its note */
} dividends_case;

ParameterizedTestParameters(verify, equity_adjustments_hold_dividends_as_the_published_lines_say)
{
    /* Lines before the equity lines: 700,000 - 400,000 = 300,000; five
     * fair-value lines 330,000 when published; dividends 20,000. */
    static dividends_case cases[] = {
        /* CAP foots with the subtotal alone: dividends inside. */
        {"350,000", "650,000", false, 0, "", 0, ""},
        {"350,000", "650,000", true, 0, "", 0, ""},
        /* CAP foots only with dividends added: outside. */
        {"330,000", "650,000", false, 0, "", 0, ""},
        {"330,000", "650,000", true, 0, "", 0, ""},
        /* Neither: the nearer reading, named. */
        {"350,000", "700,000", false, 1, "cap", M(670000),
         "nearer taken: dividends read as outside"},
        {"350,000", "640,000", false, 1, "cap", M(650000),
         "nearer taken: dividends read as inside"},
        /* Five lines and CAP foot; the subtotal fits neither reading. */
        {"345,000", "650,000", true, 1, "equity_award_adjustments", M(350000),
         "dividends read as inside"},
        {"332,000", "650,000", true, 1, "equity_award_adjustments", M(330000),
         "dividends read as outside"},
        /* No CAP: the subtotal against the five lines decides. */
        {"350,000", "", true, 0, "", 0, ""},
        {"330,000", "", true, 0, "", 0, ""},
        {"343,000", "", true, 1, "equity_award_adjustments", M(350000), "read as inside"},
    };
    return cr_make_param_array(dividends_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(dividends_case *dc, verify,
                  equity_adjustments_hold_dividends_as_the_published_lines_say)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, CAP, 2023, AVG, "sct_total", "700,000");
    publish(&ds, CAP, 2023, AVG, "less_equity_awards", "(400,000)");
    if (dc->five_lines) {
        publish(&ds, CAP, 2023, AVG, "fye_fv_granted_in_year", "300,000");
        publish(&ds, CAP, 2023, AVG, "change_fv_prior_unvested", "30,000");
    }
    publish(&ds, CAP, 2023, AVG, "equity_award_adjustments", dc->adjustments);
    publish(&ds, CAP, 2023, AVG, "dividends", "20,000");
    if (dc->cap[0])
        publish(&ds, CAP, 2023, AVG, "cap", dc->cap);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, dc->findings, "%s / %s: %zu findings, first on %s",
                 dc->adjustments, dc->cap, c.findings.count,
                 c.findings.count ? c.findings.items[0].item : "-");
    if (dc->findings) {
        const pc_finding *f = find(&c, "cap_does_not_foot", 2023, AVG, dc->item);
        cr_assert_not_null(f, "%s", dc->item);
        cr_assert_eq(f->expected_micro, dc->expected_micro, "%lld", (long long)f->expected_micro);
        cr_assert_not_null(f->note);
        cr_assert(strstr(f->note, dc->note), "%s", f->note);
    }
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* A finding's note is a line under the table and a `note` in the JSON;
 * a finding without one has no `note` key. */
Test(verify, a_findings_note_is_shown_under_the_table_and_in_the_json)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    publish(&ds, CAP, 2023, AVG, "sct_total", "700,000");
    publish(&ds, CAP, 2023, AVG, "less_equity_awards", "(400,000)");
    publish(&ds, CAP, 2023, AVG, "equity_award_adjustments", "350,000");
    publish(&ds, CAP, 2023, AVG, "dividends", "20,000");
    publish(&ds, CAP, 2023, AVG, "cap", "700,000");
    publish(&ds, SCT, 2023, "ceo", "salary", "1");
    publish(&ds, SCT, 2023, "ceo", "total", "2");
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 2);
    char *table = pc_verify_format_table(&c, &ds);
    cr_assert_not_null(table);
    cr_assert(strstr(table, "\nNotes\n- 2023 CAP Non-PEO NEO average cap: neither reading of "
                            "equity_award_adjustments foots; the nearer taken: dividends read as "
                            "outside equity_award_adjustments, a line beside it\n"),
              "%s", table);
    cr_assert_null(strstr(table, "- 2023 SCT"), "%s", table);
    free(table);
    char *text = pc_checks_dumps(&c);
    cr_assert_not_null(text);
    json_t *root = json_loads(text, 0, NULL);
    cr_assert_not_null(root);
    json_t *findings = json_object_get(root, "findings");
    size_t notes = 0;
    for (size_t i = 0; i < json_array_size(findings); i++) {
        json_t *note = json_object_get(json_array_get(findings, i), "note");
        if (note) {
            notes++;
            cr_assert(strstr(json_string_value(note), "nearer taken"));
        }
    }
    cr_assert_eq(notes, 1, "%s", text);
    json_decref(root);
    free(text);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* The computed subtotal takes the reading of the published lines: the five
 * computed lines plus computed dividends when they are inside. */
Test(verify, computed_equity_adjustments_take_the_published_reading)
{
    static const struct {
        const char *adjustments, *dividends, *cap;
        int64_t expected_micro; /* 0: no finding */
        const char *note;
    } cases[] = {
        {"350,000", "20,000", "650,000", 0, NULL},
        {"330,000", "20,000", "650,000", 0, NULL},
        {"350,000", NULL, "650,000", 0, NULL},
        {"351,000", "20,000", "651,000", M(350000), "read as inside"},
        {"331,000", "20,000", "651,000", M(330000), "read as outside"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pc_dataset ds;
        pc_report r;
        pc_checks c;
        pc_dataset_init(&ds);
        pc_checks_init(&c);
        pc_report_init(&r);
        pc_cap_row *row =
            add_cap(&r, PC_SUBJECT_AVERAGE, 2023, 70000000, -40000000, 30000000, 3000000);
        row->line[PC_CAP_DIVIDENDS] = 2000000;
        row->line[PC_CAP_CAP] += 2000000;
        publish(&ds, CAP, 2023, AVG, "equity_award_adjustments", cases[k].adjustments);
        if (cases[k].dividends)
            publish(&ds, CAP, 2023, AVG, "dividends", cases[k].dividends);
        publish(&ds, CAP, 2023, AVG, "less_equity_awards", "(400,000)");
        publish(&ds, CAP, 2023, AVG, "sct_total", "700,000");
        publish(&ds, CAP, 2023, AVG, "cap", cases[k].cap);
        cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
        const pc_finding *f = find(&c, "mismatch", 2023, AVG, "equity_award_adjustments");
        if (!cases[k].expected_micro) {
            cr_assert_null(f, "case %zu: expected %lld", k, f ? (long long)f->expected_micro : 0);
        } else {
            cr_assert_not_null(f, "case %zu", k);
            cr_assert_eq(f->expected_micro, cases[k].expected_micro, "case %zu: %lld", k,
                         (long long)f->expected_micro);
            cr_assert(f->note && strstr(f->note, cases[k].note), "case %zu: %s", k,
                      f->note ? f->note : "(no note)");
        }
        pc_report_fini(&r);
        pc_checks_fini(&c);
        pc_dataset_fini(&ds);
    }
}

Test(verify, company_figures_are_compared_with_the_computed_pvp_row)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_computed(&r);
    pc_pvp_row *p = &r.pvp.items[0];
    p->has_peer_tsr = true;
    p->peer_tsr = 9875;
    p->has_csm = true;
    p->csm_micro = 1234567;
    publish(&ds, PVP, 2022, "company", "net_income", "1,000,000");
    publish(&ds, PVP, 2022, "company", "peer_group_tsr", "98.76");
    publish(&ds, PVP, 2022, "company", "company_selected_measure", "1.234567");
    publish(&ds, PVP, 2022, "company", "tsr", "105.20");
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
    cr_assert_eq(c.checked, 4);
    cr_assert_eq(c.findings.count, 1);
    assert_finding(find(&c, "mismatch", 2022, "company", "peer_group_tsr"), PC_CHECK_ROUNDING,
                   98760000, 98750000, 2);
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* A net income published in thousands or millions without its unit (or
 * given so in performance.csv) is still a mismatch, and says so. */
Test(verify, a_net_income_off_by_a_thousand_says_published_in_thousands)
{
    static const struct {
        const char *published;
        const char *note; /* NULL: no note */
    } cases[] = {
        {"61,559", "published in thousands? the computed figure in thousands is the published "
                   "one: write it with its unit (K)"},
        {"62", "published in millions?"},
        {"61.6", "published in millions?"},
        {"61,559,144,000", "net_income in performance.csv given in thousands? the published "
                           "figure is the computed one times 1,000"},
        {"61,560", NULL},
        {"61,559,145", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pc_dataset ds;
        pc_report r;
        pc_checks c;
        pc_dataset_init(&ds);
        pc_checks_init(&c);
        clean_computed(&r);
        r.pvp.items[0].has_net_income = true;
        r.pvp.items[0].net_income = 6155914400; /* 61,559,144.00 */
        publish(&ds, PVP, 2022, "company", "net_income", cases[k].published);
        cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
        const pc_finding *f = find(&c, "mismatch", 2022, "company", "net_income");
        cr_assert_not_null(f, "%s", cases[k].published);
        if (cases[k].note)
            cr_assert(f->note && strstr(f->note, cases[k].note), "%s: %s", cases[k].published,
                      f->note ? f->note : "(no note)");
        else
            cr_assert_null(f->note, "%s: %s", cases[k].published, f->note);
        pc_report_fini(&r);
        pc_checks_fini(&c);
        pc_dataset_fini(&ds);
    }
}

Test(verify, published_figures_without_a_computed_counterpart_are_skipped_once)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_published(&ds);
    clean_computed(&r);
    r.tsr.computed = false;
    /* An unknown person with three figures: one skipped entry. */
    publish(&ds, SCT, 2022, "dan", "salary", "1");
    publish(&ds, SCT, 2022, "dan", "bonus", "1");
    publish(&ds, SCT, 2022, "dan", "total", "2");
    publish(&ds, SCT, 2020, "ceo", "total", "2");
    publish(&ds, PVP, 2020, "ceo", "sct_total", "2");
    publish(&ds, PVP, 2022, "cfo", "cap", "2");
    publish(&ds, PVP, 2022, "company", "peer_group_tsr", "98.76");
    publish(&ds, CAP, 2021, "ceo", "cap", "2");
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);

    static const struct {
        int year;
        const char *subject;
        const char *reason;
    } expected[] = {
        {2020, "ceo", "no computed figure: the computed SCT has no row for ceo in 2020"},
        {2022, "dan", "no computed figure: 'dan' is not in people.csv"},
        {2020, "ceo", "no computed figure: 2020 is not a covered year"},
        {2022, "cfo", "no computed figure: cfo is not a PEO in 2022 in the computed PvP table"},
        {2022, "company", "no computed figure: TSR was not computed"},
        {2022, "company", "no computed figure: performance.csv gives no peer group TSR for 2022"},
        {2021, "ceo", "no computed figure: the computed reconciliation has no row for ceo in 2021"},
    };
    for (size_t i = 0; i < c.skipped.count; i++)
        cr_log_info("skipped %d %s: %s", c.skipped.items[i].year, c.skipped.items[i].subject,
                    c.skipped.items[i].reason);
    cr_assert_eq(c.skipped.count, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < c.skipped.count; i++) {
        cr_assert_str_eq(c.skipped.items[i].check, "mismatch");
        cr_assert_eq(c.skipped.items[i].year, expected[i].year);
        cr_assert_str_eq(c.skipped.items[i].subject, expected[i].subject);
        cr_assert_str_eq(c.skipped.items[i].reason, expected[i].reason);
    }
    cr_assert_eq(c.findings.count, 0);
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, verify_all_runs_both_and_counts)
{
    pc_dataset ds;
    pc_report r;
    pc_dataset_init(&ds);
    clean_published(&ds);
    clean_computed(&r);
    /* One slip, the CEO's SCT total: it does not foot, it mismatches the
     * computation, and the PvP (right) differs from it. One published cell,
     * one finding, naming the other two checks. */
    ds.reported.items[3].value_micro = M(175001);
    cr_assert_eq(pc_verify_all(&ds, &r, &r.checks), PC_OK);
    cr_assert_eq(r.checks.findings.count, 1);
    const pc_finding *f = &r.checks.findings.items[0];
    cr_assert_str_eq(f->check, "sct_does_not_foot");
    cr_assert_eq(f->related.count, 2);
    cr_assert_str_eq(f->related.items[0], "pvp_sct_total_differs");
    cr_assert_str_eq(f->related.items[1], "mismatch");
    cr_assert_eq(r.checks.errors, 0);
    cr_assert_eq(r.checks.rounding, 1);
    cr_assert_eq(r.checks.checked, 14 + ds.reported.count);
    cr_assert_not(pc_verify_failed(&r.checks, false));
    cr_assert(pc_verify_failed(&r.checks, true));
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
}

Test(verify, failure_depends_on_errors_or_strictness)
{
    pc_checks c;
    pc_checks_init(&c);
    cr_assert_not(pc_verify_failed(&c, false));
    cr_assert_not(pc_verify_failed(&c, true));
    pc_finding *f = PC_ARRAY_PUSH(&c.findings);
    cr_assert_not_null(f);
    f->severity = PC_CHECK_ROUNDING;
    cr_assert_not(pc_verify_failed(&c, false));
    cr_assert(pc_verify_failed(&c, true));
    f->severity = PC_CHECK_ERROR;
    cr_assert(pc_verify_failed(&c, false));
    pc_checks_fini(&c);
}

Test(verify, bad_arguments_are_refused)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    cr_assert_eq(pc_verify_internal(NULL, &c), PC_ERR_USAGE);
    cr_assert_eq(pc_verify_against(&ds, NULL, &c), PC_ERR_USAGE);
    cr_assert_eq(pc_verify_all(&ds, NULL, &c), PC_ERR_USAGE);
    cr_assert_null(pc_verify_format_table(NULL, &ds));
    cr_assert_eq(pc_write_checks_json(NULL, "x.json", NULL), PC_ERR_USAGE);
    pc_dataset_fini(&ds);
}

Test(verify, many_rows_are_checked_in_one_pass)
{
    /* 60,000 people with a footing error each: sorted lookups keep this
     * fast (a quadratic search would take minutes). */
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    char id[32];
    for (int i = 0; i < 60000; i++) {
        snprintf(id, sizeof id, "p%05d", i);
        publish(&ds, SCT, 2022, id, "salary", "100");
        publish(&ds, SCT, 2022, id, "total", "103");
    }
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 60000);
    cr_assert_str_eq(c.findings.items[0].subject, "p00000");
    cr_assert_str_eq(c.findings.items[59999].subject, "p59999");
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* ------------------------------------------------------ readable table */

static pc_status cbak_checks(pc_dataset *ds, pc_checks *c)
{
    pc_dataset_init(ds);
    pc_checks_init(c);
    cbak_published(ds);
    /* A 2020 average that the SCT cannot check, to show a skipped entry. */
    publish(ds, PVP, 2020, AVG, "sct_total", "100,000");
    return pc_verify_internal(ds, c);
}

Test(verify, table_lists_findings_skipped_checks_and_a_summary)
{
    pc_dataset ds;
    pc_checks c;
    cr_assert_eq(cbak_checks(&ds, &c), PC_OK);
    char *table = pc_verify_format_table(&c, &ds);
    cr_assert_not_null(table);
    cr_log_info("%s", table);
    cr_assert(strncmp(table, "Findings\n", 9) == 0);
    cr_assert_not_null(strstr(table, "Check"));
    cr_assert_not_null(strstr(table, "Difference\n"));
    /* The person's name, the figures as the proxy prints them, a signed
     * difference. */
    cr_assert_not_null(strstr(table, "李雲飛"));
    cr_assert_not_null(strstr(table, "Non-PEO NEO average"));
    cr_assert_not_null(strstr(table, "293,557  "));
    cr_assert_not_null(strstr(table, "(106,994.00)"));
    cr_assert_not_null(strstr(table, "(173,451.00)"));
    cr_assert_not_null(strstr(table, "+66,457.00"));
    cr_assert_not_null(strstr(table, "+0.01"));
    cr_assert_not_null(strstr(table, "-1\n"));
    cr_assert_not_null(strstr(table, "\nSkipped checks\n"));
    cr_assert_not_null(
        strstr(table, "the published tables give no count of the NEOs in the 2020 average"));
    const char *summary = "\n26 figures checked: 4 errors, 2 rounding differences\n";
    size_t n = strlen(table), k = strlen(summary);
    cr_assert(n > k && strcmp(table + n - k, summary) == 0, "ends with: %s",
              n > 80 ? table + n - 80 : table);
    free(table);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, table_columns_line_up)
{
    pc_dataset ds;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_published(&ds);
    ds.reported.items[3].value_micro = M(175001);   /* ceo total */
    ds.reported.items[15].value_micro = -75000000;  /* tsr */
    char *table = pc_verify_format_table(&c, NULL); /* before: no findings */
    cr_assert_not_null(table);
    cr_assert_str_eq(table, "No findings: the published figures checked agree.\n\n"
                            "0 figures checked: 0 errors, 0 rounding differences\n");
    free(table);
    cr_assert_eq(pc_verify_internal(&ds, &c), PC_OK);
    cr_assert_eq(c.findings.count, 3);
    table = pc_verify_format_table(&c, NULL);
    cr_assert_not_null(table);
    cr_log_info("%s", table);
    /* Every row of the findings block (ASCII here) is as wide as the
     * header, since the last column is aligned right. */
    char *line = strchr(table, '\n') + 1;
    size_t width = strcspn(line, "\n");
    for (int row = 0; row < 4; row++) {
        cr_assert_eq(strcspn(line, "\n"), width, "row %d: %.*s", row, (int)width, line);
        line += width + 1;
    }
    cr_assert_not_null(strstr(table, " figures checked: 1 error, 2 rounding differences\n"));
    free(table);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

/* ------------------------------------------------------------ JSON */

static json_t *load(const char *text)
{
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    cr_assert_not_null(root, "%s at %d:%d", error.text, error.line, error.column);
    return root;
}

Test(verify, json_has_the_keys_of_spec_section_8_in_order)
{
    pc_dataset ds;
    pc_checks c;
    cr_assert_eq(cbak_checks(&ds, &c), PC_OK);
    char *text = pc_checks_dumps(&c);
    cr_assert_not_null(text);
    cr_log_info("%s", text);
    /* Top level, then a finding's keys, in the order the SPEC lists. */
    const char *top[] = {"\"findings\"", "\"skipped\"", "\"summary\""};
    const char *finding[] = {"\"check\"",      "\"severity\"", "\"table\"",     "\"year\"",
                             "\"subject\"",    "\"item\"",     "\"published\"", "\"expected\"",
                             "\"difference\"", "\"related\""};
    const char *at = text;
    for (size_t i = 0; i < 3; i++) {
        const char *p = strstr(text, top[i]);
        cr_assert(p && p >= at, "%s out of order", top[i]);
        at = p;
    }
    at = text;
    for (size_t i = 0; i < 10; i++) {
        const char *p = strstr(at, finding[i]);
        cr_assert_not_null(p, "%s missing", finding[i]);
        at = p;
    }
    cr_assert_lt(at - text, strstr(text, "\"skipped\"") - text);

    json_t *root = load(text);
    json_t *f0 = json_array_get(json_object_get(root, "findings"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(f0, "check")), "sct_does_not_foot");
    cr_assert_str_eq(json_string_value(json_object_get(f0, "severity")), "rounding");
    cr_assert_str_eq(json_string_value(json_object_get(f0, "table")), "sct");
    cr_assert_eq(json_integer_value(json_object_get(f0, "year")), 2021);
    cr_assert_str_eq(json_string_value(json_object_get(f0, "subject")), "li_yunfei");
    cr_assert_str_eq(json_string_value(json_object_get(f0, "item")), "total");
    cr_assert_eq(json_integer_value(json_object_get(f0, "published")), 293557);
    cr_assert_eq(json_integer_value(json_object_get(f0, "expected")), 293558);
    cr_assert_eq(json_integer_value(json_object_get(f0, "difference")), -1);
    json_t *s0 = json_array_get(json_object_get(root, "skipped"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(s0, "check")), "average_differs");
    cr_assert_eq(json_integer_value(json_object_get(s0, "year")), 2020);
    cr_assert_str_eq(json_string_value(json_object_get(s0, "subject")), AVG);
    cr_assert_not_null(json_string_value(json_object_get(s0, "reason")));
    json_t *summary = json_object_get(root, "summary");
    cr_assert_eq(json_integer_value(json_object_get(summary, "checked")), 26);
    cr_assert_eq(json_integer_value(json_object_get(summary, "errors")), 4);
    cr_assert_eq(json_integer_value(json_object_get(summary, "rounding")), 2);
    json_decref(root);
    free(text);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, json_figures_are_exact_decimals)
{
    pc_dataset ds;
    pc_checks c;
    cr_assert_eq(cbak_checks(&ds, &c), PC_OK);
    /* A mismatch on the 2022 PEO CAP, as a computed 235,853.84 would give. */
    pc_finding *f = PC_ARRAY_PUSH(&c.findings);
    cr_assert_not_null(f);
    f->check = pc_strdup("mismatch");
    f->subject = pc_strdup("li_yunfei");
    f->item = pc_strdup("cap");
    f->table = PC_REPORTED_PVP;
    f->year = 2022;
    f->severity = PC_CHECK_ROUNDING;
    f->published_micro = 235853850000;
    f->expected_micro = 235853840000;
    f->difference_micro = 10000;
    f->decimals = 2;
    char *text = pc_checks_dumps(&c);
    cr_assert_not_null(text);
    cr_assert_not_null(strstr(text, "\"published\": 235853.85,"));
    cr_assert_not_null(strstr(text, "\"expected\": 235853.84,"));
    cr_assert_not_null(strstr(text, "\"published\": 911229.67,"));
    cr_assert_not_null(strstr(text, "\"expected\": 911229.66,"));
    cr_assert_not_null(strstr(text, "\"difference\": 0.01,\n"));
    cr_assert_not_null(strstr(text, "\"published\": -106994,"));
    cr_assert_not_null(strstr(text, "\"difference\": 66457,\n"));
    cr_assert_null(strstr(text, "00000000"), "a figure printed with binary noise");
    cr_assert_null(strstr(text, ".0,"), "a whole figure printed as a real");
    /* And they read back as the same decimals. */
    json_t *root = load(text);
    json_t *last = json_array_get(json_object_get(root, "findings"), 6);
    cr_assert_str_eq(json_string_value(json_object_get(last, "check")), "mismatch");
    int64_t cents;
    cr_assert_eq(pc_money_from_double(json_real_value(json_object_get(last, "published")), &cents),
                 PC_OK);
    cr_assert_eq(cents, 23585385);
    json_decref(root);
    free(text);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, json_of_no_findings_is_still_complete)
{
    pc_checks c;
    pc_checks_init(&c);
    char *text = pc_checks_dumps(&c);
    cr_assert_not_null(text);
    cr_assert_str_eq(text,
                     "{\n  \"findings\": [],\n  \"skipped\": [],\n  \"summary\": {\n"
                     "    \"checked\": 0,\n    \"errors\": 0,\n    \"rounding\": 0\n  }\n}\n");
    free(text);
}

Test(verify, json_is_written_atomically_and_deterministically)
{
    pc_dataset ds;
    pc_checks c;
    pc_diags diags;
    pc_diags_init(&diags);
    cr_assert_eq(cbak_checks(&ds, &c), PC_OK);
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/checks.json", dir);
    cr_assert_eq(write_text(path, "an earlier report"), 0);

    cr_assert_eq(pc_write_checks_json(&c, path, &diags), PC_OK);
    char *first = read_file(path, NULL);
    char *expected = pc_checks_dumps(&c);
    cr_assert_not_null(first);
    cr_assert_str_eq(first, expected);
    /* The temporary file is gone and the report is an ordinary file. */
    cr_assert_eq(count_entries(dir), 1);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0644);

    cr_assert_eq(pc_write_checks_json(&c, path, &diags), PC_OK);
    char *second = read_file(path, NULL);
    cr_assert_str_eq(first, second);
    cr_assert_eq(diags.count, 0);
    free(first);
    free(second);
    free(expected);
    remove_dir(dir);
    free(dir);
    pc_diags_fini(&diags);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}

Test(verify, json_to_a_missing_folder_fails_with_a_message)
{
    pc_checks c;
    pc_diags diags;
    pc_checks_init(&c);
    pc_diags_init(&diags);
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/no/such/folder/checks.json", dir);
    cr_assert_eq(pc_write_checks_json(&c, path, &diags), PC_ERR_WRITE);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].file, path);
    cr_assert_not_null(strstr(diags.items[0].message, "checks.json"));
    cr_assert_not_null(strstr(diags.items[0].message, "No such file or directory"));
    cr_assert_eq(count_entries(dir), 0);
    remove_dir(dir);
    free(dir);
    pc_diags_fini(&diags);
}

/* ---- The equity award tables (SPEC section 12) ----------------------------- */

/* The CBAK input set read and computed, with its reported.csv checked. */
static void cbak_computed(pc_dataset *ds, pc_report *r)
{
    pc_diags diags;
    pc_diags_init(&diags);
    pc_dataset_init(ds);
    pc_report_init(r);
    cr_assert_eq(pc_compute(SOURCE_DIR "/inputs/cbak-fy2022", ds, r, &diags), PC_OK);
    pc_diags_fini(&diags);
    cr_assert(r->has_checks);
}

Test(verify, cbak_outstanding_awards_finding_is_peis_unearned_options)
{
    pc_dataset ds;
    pc_report r;
    cbak_computed(&ds, &r);
    const pc_finding *f = find(&r.checks, "mismatch", 2022, "pei-xiangyu", "options_unearned");
    cr_assert_not_null(f);
    cr_assert_eq(f->table, PC_REPORTED_OEA);
    cr_assert_eq(f->severity, PC_CHECK_ERROR);
    cr_assert_eq(f->published_micro, M(9000));
    cr_assert_eq(f->expected_micro, M(90000));
    cr_assert_eq(f->difference_micro, M(-81000));
    /* Li Yunfei's 40,000 / 120,000, Pei's 30,000 and every printed dash agree. */
    size_t oea = 0;
    for (size_t i = 0; i < r.checks.findings.count; i++)
        oea += r.checks.findings.items[i].table == PC_REPORTED_OEA;
    cr_assert_eq(oea, 1);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
}

/* Changes a published 2022 Outstanding Equity Awards figure of the CBAK set. */
static void republish(pc_dataset *ds, const char *subject, const char *item, int64_t micro)
{
    for (size_t i = 0; i < ds->reported.count; i++) {
        pc_reported *p = &ds->reported.items[i];
        if (p->table == PC_REPORTED_OEA && p->year == 2022 && !strcmp(p->subject, subject) &&
            !strcmp(p->item, item)) {
            p->value_micro = micro;
            return;
        }
    }
    cr_assert_fail("no published %s %s", subject, item);
}

Test(verify, market_value_is_shares_times_the_year_end_close)
{
    pc_dataset ds;
    pc_report r;
    cbak_computed(&ds, &r);
    /* The 2022 close is 1.149 (Friday 2022-12-30, for Saturday's year end);
     * the proxy prints dashes in these cells, replaced here. */
    republish(&ds, "li-yunfei", "stock_unvested", M(1000));
    republish(&ds, "li-yunfei", "stock_unvested_value", M(1149));
    republish(&ds, "pei-xiangyu", "stock_unearned", M(2000));
    republish(&ds, "pei-xiangyu", "stock_unearned_value", M(2500));
    /* The computed tables agree with every published figure (so no mismatch
     * hides the check): only the published tables' own arithmetic is off. */
    size_t li, pei;
    cr_assert_not_null(pc_dataset_person(&ds, "li-yunfei", &li));
    cr_assert_not_null(pc_dataset_person(&ds, "pei-xiangyu", &pei));
    pc_oea_row *o = PC_ARRAY_PUSH(&r.equity.oea);
    *o = (pc_oea_row){
        .year = 2022, .person = li, .stock_unvested = 1000, .stock_unvested_value = 114900};
    o = PC_ARRAY_PUSH(&r.equity.oea);
    *o = (pc_oea_row){
        .year = 2022, .person = pei, .stock_unearned = 2000, .stock_unearned_value = 250000};
    pc_checks c;
    pc_checks_init(&c);
    cr_assert_eq(pc_verify_all(&ds, &r, &c), PC_OK);
    cr_assert_null(find(&c, "oea_market_value_differs", 2022, "li-yunfei", "stock_unvested_value"));
    const pc_finding *f =
        find(&c, "oea_market_value_differs", 2022, "pei-xiangyu", "stock_unearned_value");
    cr_assert_not_null(f);
    cr_assert_eq(f->published_micro, M(2500));
    cr_assert_eq(f->expected_micro, M(2298));
    cr_assert_eq(f->severity, PC_CHECK_ERROR);
    cr_assert_eq(count_check(&c, "oea_market_value_differs"), 1);
    pc_checks_fini(&c);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
}

Test(verify, equity_items_belong_to_their_own_table)
{
    pc_dataset ds;
    pc_report r;
    cbak_computed(&ds, &r);
    /* 2022: nothing exercised, nothing vested but the stock grants. */
    publish(&ds, PC_REPORTED_OESV, 2022, "li-yunfei", "options_exercised", "0");
    publish(&ds, PC_REPORTED_OESV, 2022, "li-yunfei", "stock_vested", "48,204");
    pc_checks c;
    pc_checks_init(&c);
    cr_assert_eq(pc_verify_all(&ds, &r, &c), PC_OK);
    cr_assert_null(find(&c, "mismatch", 2022, "li-yunfei", "options_exercised"));
    cr_assert_null(find(&c, "mismatch", 2022, "li-yunfei", "stock_vested"));
    pc_checks_fini(&c);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
}

/* ------------------------------------- published tables as proxies print */

#define FIXTURES SOURCE_DIR "/tests/data/verify/"

/* `paycalc verify ARGS... --json FILE`: the exit status, standard output
 * and the findings as JSON (caller frees). */
typedef struct verify_run {
    int status;
    char *out, *err;
    json_t *json;
} verify_run;

static verify_run run_verify(const char *a, const char *b, const char *c, const char *d)
{
    char *dir = make_temp_dir();
    char json_path[600];
    snprintf(json_path, sizeof json_path, "%s/findings.json", dir);
    const char *args[8] = {"verify"};
    size_t n = 1;
    const char *given[] = {a, b, c, d};
    for (size_t i = 0; i < 4 && given[i]; i++)
        args[n++] = given[i];
    args[n++] = "--json";
    args[n++] = json_path;
    args[n] = NULL;
    run_result r = run_paycalc(args);
    verify_run v = {r.status, r.out, r.err, NULL};
    json_error_t err;
    v.json = json_load_file(json_path, 0, &err);
    remove_dir(dir);
    free(dir);
    return v;
}

static void verify_run_free(verify_run *v)
{
    free(v->out);
    free(v->err);
    json_decref(v->json);
}

static json_t *findings_of(const verify_run *v)
{
    cr_assert_not_null(v->json, "no JSON findings: %s", v->err);
    return json_object_get(v->json, "findings");
}

static const char *text_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

Test(verify, tables_printed_with_signs_dashes_units_and_percentages_agree)
{
    verify_run v = run_verify("--reported", FIXTURES "printed.csv", NULL, NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert(strstr(v.out, "No findings"), "%s", v.out);
    cr_assert_eq(json_array_size(findings_of(&v)), 0);
    /* 4 SCT footings, 4 CAP footings, 4 deductions, 2 PvP SCT totals,
     * 4 PvP CAPs, 4 reconciliation starts, 2 averages, 2 TSRs and
     * 2 peer TSRs. */
    json_t *summary = json_object_get(v.json, "summary");
    cr_assert_eq(json_integer_value(json_object_get(summary, "checked")), 28);
    verify_run_free(&v);
}

/* The same tables as printed.csv with footnote markers ("(1)", "(a)", "*",
 * "¹") and nils of several dashes ("---", "--", "– –"): read as the same
 * figures, SPEC section 8. */
Test(verify, footnote_markers_and_runs_of_dashes_are_read_as_printed)
{
    verify_run v = run_verify("--reported", FIXTURES "markers.csv", NULL, NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert_eq(json_array_size(findings_of(&v)), 0, "%s", v.out);
    json_t *summary = json_object_get(v.json, "summary");
    cr_assert_eq(json_integer_value(json_object_get(summary, "checked")), 28);
    verify_run_free(&v);
}

/* A subtotal "Total Equity Award Adjustments" with
 * dividends inside it (two reconciliations), and with dividends beside it
 * (two more), each as printed: no finding. */
Test(verify, subtotals_with_and_without_dividends_check_clean)
{
    verify_run v = run_verify("--reported", FIXTURES "dividends.csv", NULL, NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert_eq(json_array_size(findings_of(&v)), 0, "%s", v.out);
    verify_run_free(&v);
}

/* Without --verbose the skipped checks are one line per check; the JSON
 * keeps every entry, and --verbose lists each. */
Test(verify, skipped_checks_are_one_line_per_check_unless_verbose)
{
    verify_run v = run_verify("--reported", FIXTURES "skipped.csv", NULL, NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert_eq(json_array_size(json_object_get(v.json, "skipped")), 4);
    cr_assert(strstr(v.out,
                     "Skipped checks (one line per check; --verbose lists each)\n"
                     "Check                       Skipped  Years      First reason\n"
                     "deduction_differs_from_sct        2  2022-2023  the published tables give "
                     "no count of the NEOs in the 2022 average, so the year's NEOs are not "
                     "known (and 1 more)\n"
                     "average_differs                   2  2022-2023  "),
              "%s", v.out);
    cr_assert_null(strstr(v.out, "2023 average, so"), "%s", v.out);
    verify_run_free(&v);

    v = run_verify("--reported", FIXTURES "skipped.csv", "--verbose", NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert(strstr(v.out, "\nSkipped checks\nCheck                       Year  Who"), "%s",
              v.out);
    cr_assert(strstr(v.out, "average_differs             2023  Non-PEO NEO average  "
                            "the published tables give no count of the NEOs in the 2023 average"),
              "%s", v.out);
    cr_assert_eq(json_array_size(json_object_get(v.json, "skipped")), 4);
    verify_run_free(&v);
}

Test(verify, a_reconciliation_starting_from_a_transposed_total_is_one_finding)
{
    verify_run v = run_verify("--reported", FIXTURES "wrong-start.csv", NULL, NULL);
    cr_assert_eq(v.status, 1, "%s%s", v.out, v.err);
    json_t *f = findings_of(&v);
    cr_assert_eq(json_array_size(f), 1, "%s", v.out);
    json_t *f0 = json_array_get(f, 0);
    cr_assert_str_eq(text_of(f0, "check"), "cap_sct_total_differs");
    cr_assert_str_eq(text_of(f0, "severity"), "error");
    cr_assert_str_eq(text_of(f0, "subject"), "ceo");
    cr_assert_eq(json_integer_value(json_object_get(f0, "published")), 1560000);
    cr_assert_eq(json_integer_value(json_object_get(f0, "expected")), 1650000);
    verify_run_free(&v);
}

Test(verify, deductions_printed_unsigned_under_a_minus_heading_are_no_finding)
{
    verify_run v = run_verify("--reported", FIXTURES "unsigned.csv", NULL, NULL);
    cr_assert_eq(v.status, 0, "%s%s", v.out, v.err);
    cr_assert_eq(json_array_size(findings_of(&v)), 0, "%s", v.out);
    cr_assert(strstr(v.out, "No findings"), "%s", v.out);
    verify_run_free(&v);
}

Test(verify, a_misfooted_sct_total_is_one_row_naming_the_checks_it_failed)
{
    verify_run v = run_verify("--reported", FIXTURES "misfooted.csv", NULL, NULL);
    cr_assert_eq(v.status, 1, "%s%s", v.out, v.err);
    json_t *f = findings_of(&v);
    cr_assert_eq(json_array_size(f), 1, "%s", v.out);
    json_t *f0 = json_array_get(f, 0);
    cr_assert_str_eq(text_of(f0, "check"), "sct_does_not_foot");
    json_t *related = json_object_get(f0, "related");
    cr_assert_eq(json_array_size(related), 1);
    cr_assert_str_eq(json_string_value(json_array_get(related, 0)), "pvp_sct_total_differs");
    cr_assert(strstr(v.out, "sct_does_not_foot (also pvp_sct_total_differs)"), "%s", v.out);
    verify_run_free(&v);
}

Test(verify, a_count_that_is_not_a_whole_number_of_neos_is_an_input_error)
{
    verify_run v = run_verify("--reported", FIXTURES "bad-count.csv", NULL, NULL);
    cr_assert_eq(v.status, 3, "%s%s", v.out, v.err);
    cr_assert(strstr(v.err, "bad-count.csv:22:5: error: value: invalid count '1.5'"), "%s", v.err);
    cr_assert(strstr(v.err, "bad-count.csv:31:5: error: value: invalid count '0'"), "%s", v.err);
    cr_assert_null(v.json, "nothing was written");
    verify_run_free(&v);
}

Test(verify, last_years_published_tables_against_this_years_name_what_moved)
{
    verify_run v =
        run_verify("--reported", FIXTURES "wrong-start.csv", "--prior", FIXTURES "printed.csv");
    cr_assert_eq(v.status, 1, "%s%s", v.out, v.err);
    json_t *f = findings_of(&v);
    size_t i, restated = 0;
    json_t *x;
    json_array_foreach(f, i, x)
    {
        if (strcmp(text_of(x, "check"), "restated") != 0)
            continue;
        restated++;
        cr_assert_eq(json_integer_value(json_object_get(x, "year")), 2023);
        cr_assert_str_eq(text_of(x, "subject"), "ceo");
    }
    /* The reconciliation's start and CAP, and the PvP CAP. */
    cr_assert_eq(restated, 3, "%s", v.out);
    cr_assert(strstr(v.out, "Published is this year's figure, Expected last year's"), "%s", v.out);
    verify_run_free(&v);
}

/* Net income printed in millions, as a proxy may: compared at the precision
 * shown (one unit of the last digit, $100,000, is a rounding difference). */
Test(verify, figures_in_millions_are_compared_at_the_precision_shown)
{
    char *dir = make_temp_dir();
    char path[600];
    snprintf(path, sizeof path, "%s/reported.csv", dir);
    cr_assert_eq(write_text(path, "table,year,subject,item,value\n"
                                  "pvp,2021,company,net_income,$61.6 M\n"
                                  "pvp,2022,company,net_income,$(11.4) million\n"
                                  "pvp,2022,company,tsr,$ 20.57\n"),
                 0);
    verify_run v = run_verify(SOURCE_DIR "/inputs/cbak-fy2022", "--reported", path, NULL);
    cr_assert_eq(v.status, 1, "%s%s", v.out, v.err);
    json_t *f = findings_of(&v);
    cr_assert_eq(json_array_size(f), 2, "%s", v.out);
    /* In the order of the PvP table: TSR, then net income. */
    json_t *tsr = json_array_get(f, 0), *income = json_array_get(f, 1);
    cr_assert_str_eq(text_of(income, "item"), "net_income");
    cr_assert_str_eq(text_of(income, "severity"), "rounding");
    cr_assert_eq(json_integer_value(json_object_get(income, "published")), -11400000);
    cr_assert_eq(json_integer_value(json_object_get(income, "expected")), -11327811);
    cr_assert_str_eq(text_of(tsr, "item"), "tsr");
    cr_assert_str_eq(text_of(tsr, "severity"), "error");
    verify_run_free(&v);
    remove_dir(dir);
    free(dir);
}

/* A company-selected measure printed as a percentage ("14.51%", a return)
 * is compared as a number of percent with performance.csv's value (14.51)
 * and shown with its sign. */
Test(verify, a_percentage_is_compared_and_shown_as_a_percentage)
{
    static const char *const printed[] = {"14.51%", "14.61%"};
    for (size_t k = 0; k < 2; k++) {
        pc_dataset ds;
        pc_report r;
        pc_checks c;
        pc_dataset_init(&ds);
        pc_checks_init(&c);
        clean_computed(&r);
        r.pvp.items[0].has_csm = true;
        r.pvp.items[0].csm_micro = 14510000;
        pc_printed p;
        char why[160] = "";
        cr_assert_eq(pc_parse_printed(printed[k], &p, why, sizeof why), PC_OK, "%s", why);
        pc_reported *row = PC_ARRAY_PUSH(&ds.reported);
        *row = (pc_reported){PVP,
                             2022,
                             pc_strdup("company"),
                             pc_strdup("company_selected_measure"),
                             p.value_micro,
                             p.decimals,
                             p.percent,
                             2};
        cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
        if (k == 0) {
            cr_assert_eq(c.findings.count, 0);
        } else {
            cr_assert_eq(c.findings.count, 1);
            const pc_finding *f = &c.findings.items[0];
            cr_assert(f->percent);
            cr_assert_eq(f->severity, PC_CHECK_ERROR);
            cr_assert_eq(f->published_micro, 14610000);
            cr_assert_eq(f->expected_micro, 14510000);
            char *table = pc_verify_format_table(&c, &ds);
            cr_assert(strstr(table, "14.61%") && strstr(table, "14.51%") && strstr(table, "+0.10%"),
                      "%s", table);
            free(table);
        }
        pc_report_fini(&r);
        pc_checks_fini(&c);
        pc_dataset_fini(&ds);
    }
}

/* A reason quotes the subject as the input gives it, however long: a name
 * of 300 Chinese characters (900 bytes) comes through whole, not cut at a
 * fixed size. */
Test(verify, a_long_unknown_subject_is_quoted_whole_in_its_reason)
{
    pc_dataset ds;
    pc_report r;
    pc_checks c;
    pc_dataset_init(&ds);
    pc_checks_init(&c);
    clean_published(&ds);
    clean_computed(&r);
    char subject[901];
    for (int i = 0; i < 300; i++)
        memcpy(subject + 3 * i, "\xe6\x9d\x8e", 3); /* 李 */
    subject[900] = '\0';
    publish(&ds, SCT, 2022, subject, "salary", "1");
    cr_assert_eq(pc_verify_against(&ds, &r, &c), PC_OK);
    char want[1000];
    snprintf(want, sizeof want, "no computed figure: '%s' is not in people.csv", subject);
    bool seen = false;
    for (size_t i = 0; i < c.skipped.count; i++)
        seen = seen || strcmp(c.skipped.items[i].reason, want) == 0;
    cr_expect(seen, "no skipped entry quoting the whole subject");
    pc_report_fini(&r);
    pc_checks_fini(&c);
    pc_dataset_fini(&ds);
}
