/*
 * The golden input set of a company that is not a smaller reporting company
 * (tests/data/golden-nonsrc, "Harbor Lane Industries"), run through the
 * program and compared with expected.json: the figures that
 * tests/data/golden-nonsrc/tools/expected.py computes from the same CSV files
 * by SPEC sections 3 to 7, independently of the C code. The set exercises
 * what the CBAK reference case does not: a June fiscal year end, three SCT
 * years, a CEO change, pay in euros at payment-date rates, pension lines,
 * Black-Scholes-Merton grant values with the simplified term, SARs, RSUs
 * without dividend rights, performance and market conditions, forfeitures,
 * dividends reinvested in TSR, peer TSR and a company-selected measure.
 *
 * Money is compared exactly: both sides are exact decimals of at most two
 * places written as JSON numbers, so a tolerance of a tenth of a cent only
 * absorbs the binary reading of "235853.85". Figures derived from the
 * Black-Scholes-Merton model or a discounted price are rounded to the cent
 * once (R2), so they must agree to the cent as well; expected.py refuses
 * inputs that put such a product within a millionth of a cent of a half-cent
 * tie, where two correct double-precision implementations could round apart.
 * The unrounded per-share model values and the TSR share counts are doubles
 * and are compared with a relative tolerance.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

#define GOLDEN SOURCE_DIR "/tests/data/golden-nonsrc"

/* Exact decimals of at most 2 places, read back from JSON as doubles. */
#define MONEY_TOLERANCE 0.001
/* Doubles computed by the model in two implementations (relative). */
#define MODEL_TOLERANCE 1e-9

static const char *const SCT_KEYS[] = {
    "salary",       "bonus",     "stock_awards", "option_awards", "non_equity_incentive",
    "pension_nqdc", "all_other", "total"};

static const char *const CAP_KEYS[] = {"sct_total",
                                       "less_equity_awards",
                                       "less_pension",
                                       "plus_pension_service",
                                       "plus_pension_prior_service",
                                       "fye_fv_granted_in_year",
                                       "change_fv_prior_unvested",
                                       "fv_at_vest_granted_in_year",
                                       "change_fv_prior_vested",
                                       "less_fv_forfeited",
                                       "dividends",
                                       "cap"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* One run of `paycalc run tests/data/golden-nonsrc --out TMP`. */
typedef struct golden {
    char *dir;        /* the output folder */
    json_t *report;   /* its report.json */
    json_t *expected; /* tests/data/golden-nonsrc/expected.json */
} golden;

static json_t *load_json(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    cr_assert_not_null(root, "%s:%d: %s", path, err.line, err.text);
    return root;
}

static golden run_golden(void)
{
    golden g;
    g.dir = make_temp_dir();
    const char *args[] = {"run", GOLDEN, "--out", g.dir, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run exited with %d: %s", r.status, r.err);
    run_result_free(&r);
    char path[4096];
    snprintf(path, sizeof path, "%s/report.json", g.dir);
    g.report = load_json(path);
    g.expected = load_json(GOLDEN "/expected.json");
    return g;
}

static void golden_free(golden *g)
{
    json_decref(g->report);
    json_decref(g->expected);
    remove_dir(g->dir);
    free(g->dir);
}

static json_t *section(json_t *root, const char *key)
{
    json_t *v = json_object_get(root, key);
    cr_assert_not_null(v, "no '%s'", key);
    return v;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    cr_assert_not_null(s, "'%s' is not a string", key);
    return s;
}

static json_int_t integer(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_integer(v), "'%s' is not an integer", key);
    return json_integer_value(v);
}

/* Money (or a TSR, a rate): both null, or both numbers equal to the cent. */
static void expect_money(json_t *expected, json_t *actual, const char *what)
{
    if (json_is_null(expected)) {
        cr_expect(json_is_null(actual), "%s: expected null", what);
        return;
    }
    cr_assert(json_is_number(expected), "%s: expected.json has no number", what);
    if (!json_is_number(actual)) {
        cr_expect_fail("%s: report.json has no number (expected %.2f)", what,
                       json_number_value(expected));
        return;
    }
    double e = json_number_value(expected), a = json_number_value(actual);
    cr_expect(fabs(e - a) <= MONEY_TOLERANCE, "%s: expected %.2f, paycalc %.2f", what, e, a);
}

/* A double the two implementations compute in floating point. */
static void expect_model(json_t *expected, json_t *actual, const char *what)
{
    cr_assert(json_is_number(expected) && json_is_number(actual), "%s: not numbers", what);
    double e = json_number_value(expected), a = json_number_value(actual);
    cr_expect(fabs(e - a) <= MODEL_TOLERANCE * fmax(1.0, fabs(e)),
              "%s: expected %.15g, paycalc %.15g", what, e, a);
}

/* SPEC 6: every SCT figure, and the rows in the order a proxy prints them
 * (grouped by person, PEOs first, in roles.csv order, years ascending). */
Test(golden, summary_compensation_table_matches_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "summary_compensation_table");
    json_t *act = section(g.report, "summary_compensation_table");
    cr_assert_eq(json_array_size(act), json_array_size(exp), "SCT rows: expected %zu, got %zu",
                 json_array_size(exp), json_array_size(act));
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        json_t *a = json_array_get(act, i);
        const char *person = str(e, "person_id");
        json_int_t year = integer(e, "year");
        cr_assert_str_eq(str(a, "person_id"), person, "SCT row %zu", i);
        cr_assert_eq(integer(a, "year"), year, "SCT row %zu (%s)", i, person);
        cr_expect_str_eq(str(a, "name"), str(e, "name"));
        cr_expect_str_eq(str(a, "position"), str(e, "position"), "%s %d position", person,
                         (int)year);
        for (size_t k = 0; k < COUNT(SCT_KEYS); k++) {
            char what[128];
            snprintf(what, sizeof what, "SCT %s %d %s", person, (int)year, SCT_KEYS[k]);
            expect_money(json_object_get(e, SCT_KEYS[k]), json_object_get(a, SCT_KEYS[k]), what);
        }
    }
    golden_free(&g);
}

/* SPEC 7: every reconciliation line of every PEO, NEO and average, in order
 * (per year: PEOs, NEOs, then the average), and each CAP the sum of its
 * lines (R4, R5). */
Test(golden, cap_reconciliation_matches_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "cap_reconciliation");
    json_t *act = section(g.report, "cap_reconciliation");
    cr_assert_eq(json_array_size(act), json_array_size(exp), "CAP rows: expected %zu, got %zu",
                 json_array_size(exp), json_array_size(act));
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        json_t *a = json_array_get(act, i);
        const char *subject = str(e, "subject");
        json_int_t year = integer(e, "year");
        cr_assert_str_eq(str(a, "subject"), subject, "CAP row %zu", i);
        cr_assert_eq(integer(a, "year"), year, "CAP row %zu (%s)", i, subject);
        double lines = 0;
        for (size_t k = 0; k < COUNT(CAP_KEYS); k++) {
            char what[128];
            snprintf(what, sizeof what, "CAP %s %d %s", subject, (int)year, CAP_KEYS[k]);
            json_t *v = json_object_get(a, CAP_KEYS[k]);
            expect_money(json_object_get(e, CAP_KEYS[k]), v, what);
            if (k + 1 < COUNT(CAP_KEYS))
                lines += json_number_value(v);
        }
        /* cap_decimals is 0: every line is whole dollars, so the sum is exact. */
        cr_expect(fabs(lines - json_number_value(json_object_get(a, "cap"))) <= MONEY_TOLERANCE,
                  "CAP %s %d does not foot", subject, (int)year);
    }
    golden_free(&g);
}

/* SPEC 7: the PvP table: both PEOs of the CEO-change year in roles.csv
 * order, the NEO averages and who they cover, TSR, peer TSR, net income and
 * the company-selected measure. */
Test(golden, pay_versus_performance_matches_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "pay_versus_performance");
    json_t *act = section(g.report, "pay_versus_performance");
    cr_assert_eq(json_array_size(act), json_array_size(exp));
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        json_t *a = json_array_get(act, i);
        int year = (int)integer(e, "year");
        cr_assert_eq(integer(a, "year"), year);
        char what[128];

        json_t *epeo = json_object_get(e, "peo"), *apeo = json_object_get(a, "peo");
        cr_assert_eq(json_array_size(apeo), json_array_size(epeo), "%d: number of PEOs", year);
        for (size_t p = 0; p < json_array_size(epeo); p++) {
            json_t *ep = json_array_get(epeo, p), *ap = json_array_get(apeo, p);
            const char *id = str(ep, "person_id");
            cr_expect_str_eq(str(ap, "person_id"), id, "%d: PEO %zu", year, p + 1);
            cr_expect_str_eq(str(ap, "name"), str(ep, "name"));
            snprintf(what, sizeof what, "PvP %d PEO %s sct_total", year, id);
            expect_money(json_object_get(ep, "sct_total"), json_object_get(ap, "sct_total"), what);
            snprintf(what, sizeof what, "PvP %d PEO %s cap", year, id);
            expect_money(json_object_get(ep, "cap"), json_object_get(ap, "cap"), what);
        }

        json_t *eavg = json_object_get(e, "non_peo_neo_average");
        json_t *aavg = json_object_get(a, "non_peo_neo_average");
        cr_assert(json_is_object(eavg) && json_is_object(aavg), "%d: NEO average", year);
        cr_expect_eq(integer(aavg, "count"), integer(eavg, "count"), "%d: NEO count", year);
        json_t *eids = json_object_get(eavg, "person_ids"),
               *aids = json_object_get(aavg, "person_ids");
        cr_assert_eq(json_array_size(aids), json_array_size(eids), "%d: averaged NEOs", year);
        for (size_t n = 0; n < json_array_size(eids); n++)
            cr_expect_str_eq(json_string_value(json_array_get(aids, n)),
                             json_string_value(json_array_get(eids, n)), "%d: NEO %zu", year, n);
        snprintf(what, sizeof what, "PvP %d average sct_total", year);
        expect_money(json_object_get(eavg, "sct_total"), json_object_get(aavg, "sct_total"), what);
        snprintf(what, sizeof what, "PvP %d average cap", year);
        expect_money(json_object_get(eavg, "cap"), json_object_get(aavg, "cap"), what);

        static const char *const company[] = {"tsr", "peer_group_tsr", "net_income",
                                              "company_selected_measure"};
        for (size_t k = 0; k < COUNT(company); k++) {
            snprintf(what, sizeof what, "PvP %d %s", year, company[k]);
            cr_assert(!json_is_null(json_object_get(e, company[k])), "%s: expected a figure", what);
            expect_money(json_object_get(e, company[k]), json_object_get(a, company[k]), what);
        }
    }
    golden_free(&g);
}

/* A valuation's identity: award, tranche, date, purpose and fiscal year. */
static void valuation_key(json_t *v, char *buf, size_t size)
{
    snprintf(buf, size, "%s|%d|%s|%s|%d", str(v, "award_id"), (int)integer(v, "tranche"),
             str(v, "date"), str(v, "purpose"), (int)integer(v, "year"));
}

typedef struct keyed {
    char key[160];
    json_t *value;
} keyed;

static int keyed_cmp(const void *a, const void *b)
{
    return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

/* SPEC 5 and 9: every tranche valuation behind the SCT and CAP figures: the
 * same set, each with its method, the line it feeds, its shares, probable
 * outcome, per-share value and value to the cent (Black-Scholes-Merton
 * grant and re-measured values included). */
Test(golden, award_valuations_match_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "award_valuations");
    json_t *act = section(g.report, "award_valuations");
    size_t n = json_array_size(act);
    cr_assert_eq(n, json_array_size(exp), "valuations: expected %zu, got %zu", json_array_size(exp),
                 n);
    keyed *index = calloc(n, sizeof *index);
    cr_assert_not_null(index);
    for (size_t i = 0; i < n; i++) {
        index[i].value = json_array_get(act, i);
        valuation_key(index[i].value, index[i].key, sizeof index[i].key);
    }
    qsort(index, n, sizeof *index, keyed_cmp);
    for (size_t i = 1; i < n; i++)
        cr_assert(strcmp(index[i - 1].key, index[i].key) != 0, "valuation %s twice", index[i].key);

    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        keyed probe;
        valuation_key(e, probe.key, sizeof probe.key);
        keyed *hit = bsearch(&probe, index, n, sizeof *index, keyed_cmp);
        cr_assert_not_null(hit, "no valuation %s in report.json", probe.key);
        json_t *a = hit->value;
        cr_expect_str_eq(str(a, "method"), str(e, "method"), "%s method", probe.key);
        cr_expect_str_eq(str(a, "line"), str(e, "line"), "%s line", probe.key);
        cr_expect_str_eq(str(a, "person_id"), str(e, "person_id"), "%s person", probe.key);
        cr_expect_eq(integer(a, "shares"), integer(e, "shares"), "%s shares", probe.key);
        char what[200];
        snprintf(what, sizeof what, "%s probable", probe.key);
        expect_model(json_object_get(e, "probable"), json_object_get(a, "probable"), what);
        snprintf(what, sizeof what, "%s per_share", probe.key);
        expect_model(json_object_get(e, "per_share"), json_object_get(a, "per_share"), what);
        snprintf(what, sizeof what, "%s value", probe.key);
        expect_money(json_object_get(e, "value"), json_object_get(a, "value"), what);
    }
    free(index);
    golden_free(&g);
}

/* SPEC 7 (Item 201(e)): the base date and price, and each year's price,
 * shares held after reinvesting the dividends, and value of $100 (R6). */
Test(golden, tsr_matches_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "tsr");
    json_t *act = section(g.report, "tsr");
    cr_expect_str_eq(str(act, "base_date"), str(exp, "base_date"));
    expect_money(json_object_get(exp, "base_price"), json_object_get(act, "base_price"),
                 "TSR base price");
    json_t *ev = json_object_get(exp, "values"), *av = json_object_get(act, "values");
    cr_assert_eq(json_array_size(av), json_array_size(ev));
    size_t i;
    json_t *e;
    json_array_foreach(ev, i, e)
    {
        json_t *a = json_array_get(av, i);
        int year = (int)integer(e, "year");
        char what[64];
        cr_assert_eq(integer(a, "year"), year);
        cr_expect_str_eq(str(a, "date"), str(e, "date"), "TSR %d date", year);
        snprintf(what, sizeof what, "TSR %d price", year);
        expect_money(json_object_get(e, "price"), json_object_get(a, "price"), what);
        snprintf(what, sizeof what, "TSR %d units", year);
        expect_model(json_object_get(e, "units"), json_object_get(a, "units"), what);
        cr_expect(json_number_value(json_object_get(a, "units")) > 1.0,
                  "TSR %d: the dividends were reinvested", year);
        snprintf(what, sizeof what, "TSR %d value", year);
        expect_money(json_object_get(e, "value"), json_object_get(a, "value"), what);
    }
    golden_free(&g);
}

/* SPEC 4 (payment_date): every EUR rate used, by fiscal year, with the pay
 * date's observation (the latest on or before it) and its fx.csv line. The
 * fiscal-year row in fx.csv must not be among them. */
Test(golden, exchange_rates_match_expected)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "exchange_rates");
    json_t *act = section(g.report, "exchange_rates");
    cr_assert_eq(json_array_size(act), json_array_size(exp), "rates: expected %zu, got %zu",
                 json_array_size(exp), json_array_size(act));
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        char line[32];
        snprintf(line, sizeof line, "fx.csv line %d", (int)integer(e, "fx_line"));
        const char *date = str(e, "rate_date");
        int matches = 0;
        size_t j;
        json_t *a;
        json_array_foreach(act, j, a)
        {
            if (strcmp(str(a, "currency"), str(e, "currency")) == 0 &&
                integer(a, "fiscal_year") == integer(e, "fiscal_year") &&
                strcmp(str(a, "method"), str(e, "method")) == 0 &&
                fabs(json_number_value(json_object_get(a, "per_usd")) -
                     json_number_value(json_object_get(e, "per_usd"))) < 1e-9 &&
                strstr(str(a, "source"), line) && strstr(str(a, "source"), date))
                matches++;
        }
        cr_expect_eq(matches, 1, "rate %s fiscal %d of %s (%s): %d matches", str(e, "currency"),
                     (int)integer(e, "fiscal_year"), date, line, matches);
    }
    golden_free(&g);
}

static int count_code(json_t *warnings, const char *code)
{
    int n = 0;
    size_t i;
    json_t *w;
    json_array_foreach(warnings, i, w)
    {
        if (strcmp(str(w, "code"), code) == 0)
            n++;
    }
    return n;
}

static int has_warning(json_t *warnings, const char *code, const char *text1, const char *text2)
{
    size_t i;
    json_t *w;
    json_array_foreach(warnings, i, w)
    {
        const char *msg = str(w, "message");
        if (strcmp(str(w, "code"), code) == 0 && strstr(msg, text1) && strstr(msg, text2))
            return 1;
    }
    return 0;
}

/* SPEC 6 and 5: the negative pension change shown as 0, and the simplified
 * term used for an option or SAR outside 90%-110% of its exercise price
 * (C&DI 128D.21), once for each tranche and date expected.py found. */
Test(golden, warnings_name_negative_pension_and_off_the_money_simplified_term)
{
    golden g = run_golden();
    json_t *act = section(g.report, "warnings");
    json_t *exp = section(g.expected, "warnings");

    json_t *pension = json_object_get(exp, "negative_pension_change");
    cr_assert_eq(count_code(act, "negative_pension_change"), (int)json_array_size(pension));
    cr_assert(json_array_size(pension) > 0, "the set has a negative pension change");
    size_t i;
    json_t *e;
    json_array_foreach(pension, i, e)
    {
        /* The message names the person (as in the SCT) and the year. */
        const char *name = NULL;
        size_t j;
        json_t *row;
        json_array_foreach(section(g.expected, "summary_compensation_table"), j, row)
        {
            if (strcmp(str(row, "person_id"), str(e, "person_id")) == 0)
                name = str(row, "name");
        }
        cr_assert_not_null(name, "%s is not in the SCT", str(e, "person_id"));
        char year[16];
        snprintf(year, sizeof year, "%d", (int)integer(e, "year"));
        cr_expect(has_warning(act, "negative_pension_change", name, year),
                  "no negative_pension_change warning for %s %s", name, year);
    }

    /* One warning per award (SPEC section 1), naming each date. */
    json_t *simplified = json_object_get(exp, "simplified_term_not_at_the_money");
    cr_assert(json_array_size(simplified) > 0, "the set has off-the-money simplified terms");
    json_t *awards = json_object();
    json_array_foreach(simplified, i, e)
    {
        json_object_set_new(awards, str(e, "award_id"), json_true());
        char which[96], when[32];
        snprintf(which, sizeof which, "award %s: ", str(e, "award_id"));
        snprintf(when, sizeof when, "%s (stock price ", str(e, "date"));
        cr_expect(has_warning(act, "simplified_term_not_at_the_money", which, when),
                  "no simplified_term_not_at_the_money warning for %s%s", which, when);
    }
    cr_expect_eq(count_code(act, "simplified_term_not_at_the_money"),
                 (int)json_object_size(awards));
    json_decref(awards);
    golden_free(&g);
}

/* SPEC 8: reported.csv is the computed proxy with one error (net income)
 * and one rounding difference (TSR): exactly those two findings. */
Test(golden, verify_finds_the_two_planted_differences)
{
    golden g = run_golden();
    json_t *exp = section(g.expected, "checks");
    json_t *act = section(g.report, "checks");
    cr_assert_eq(json_array_size(act), json_array_size(exp), "findings: expected %zu, got %zu",
                 json_array_size(exp), json_array_size(act));
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e)
    {
        int found = 0;
        size_t j;
        json_t *a;
        json_array_foreach(act, j, a)
        {
            if (strcmp(str(a, "check"), str(e, "check")) == 0 &&
                strcmp(str(a, "table"), str(e, "table")) == 0 &&
                integer(a, "year") == integer(e, "year") &&
                strcmp(str(a, "subject"), str(e, "subject")) == 0 &&
                strcmp(str(a, "item"), str(e, "item")) == 0) {
                found = 1;
                cr_expect_str_eq(str(a, "severity"), str(e, "severity"), "%s %s", str(e, "item"),
                                 str(e, "check"));
                static const char *const nums[] = {"published", "expected", "difference"};
                for (size_t k = 0; k < COUNT(nums); k++) {
                    char what[96];
                    snprintf(what, sizeof what, "finding %s %s", str(e, "item"), nums[k]);
                    expect_money(json_object_get(e, nums[k]), json_object_get(a, nums[k]), what);
                }
            }
        }
        cr_expect(found, "no %s finding for %s %d %s", str(e, "check"), str(e, "subject"),
                  (int)integer(e, "year"), str(e, "item"));
    }
    golden_free(&g);
}

/* SPEC 9: the run also writes the workbook (a zip archive). */
Test(golden, workbook_is_written)
{
    golden g = run_golden();
    char path[4096];
    snprintf(path, sizeof path, "%s/report.xlsx", g.dir);
    size_t size = 0;
    char *data = read_file(path, &size);
    cr_assert_not_null(data, "no %s", path);
    cr_expect(size > 4 && memcmp(data, "PK\x03\x04", 4) == 0, "report.xlsx is not a zip archive");
    free(data);
    golden_free(&g);
}

/* The company block: a June fiscal year end and not an SRC. */
Test(golden, company_is_not_a_smaller_reporting_company)
{
    golden g = run_golden();
    json_t *company = section(g.report, "company");
    cr_expect_str_eq(str(company, "name"), "Harbor Lane Industries, Inc.");
    cr_expect_str_eq(str(company, "fiscal_year_end"), "06-30");
    cr_expect(json_is_false(json_object_get(company, "smaller_reporting_company")));
    cr_expect(json_equal(section(g.report, "years"), section(g.expected, "years")));
    golden_free(&g);
}

/* Instruction 3 to Item 402(c)(2)(v) and (vi): the grant-date value of each
 * performance award at the highest level of performance, worked by hand
 * from awards.csv (maximum_shares x grant_fv_per_share, exact decimals):
 * A-PSU-2021 (fiscal 2022) 40,000 x $42.10 = $1,684,000.00 and P-PSU-2023
 * (fiscal 2024) 12,000 x $34.60 = $415,200.00. The market-condition award
 * is not listed (its grant-date value already reflects every outcome). */
Test(golden, performance_awards_at_their_maximum_for_the_sct_footnote)
{
    golden g = run_golden();
    json_t *list = section(g.report, "maximum_performance_values");
    static const struct {
        const char *award, *person;
        int year;
        json_int_t shares;
        double value;
    } want[] = {{"A-PSU-2021", "anand", 2022, 40000, 1684000.00},
                {"P-PSU-2023", "papadopoulou", 2024, 12000, 415200.00}};
    cr_assert_eq(json_array_size(list), 2, "%zu entries", json_array_size(list));
    for (size_t i = 0; i < 2; i++) {
        json_t *e = json_array_get(list, i);
        cr_expect_str_eq(str(e, "award_id"), want[i].award);
        cr_expect_str_eq(str(e, "person_id"), want[i].person);
        cr_expect_eq(integer(e, "year"), want[i].year);
        cr_expect_str_eq(str(e, "sct_column"), "stock_awards");
        cr_expect_str_eq(str(e, "level"), "maximum_shares");
        cr_expect_eq(integer(e, "maximum_shares"), want[i].shares);
        json_t *value = json_real(want[i].value);
        expect_money(value, json_object_get(e, "grant_date_value_at_maximum"), want[i].award);
        json_decref(value);
    }
    golden_free(&g);
}
