/*
 * The synthetic input generator (tests/gen_inputs.py), which the benchmark
 * (bench/run.sh) feeds paycalc with: what it writes must be a valid input
 * set that `paycalc check` accepts and `paycalc run` computes, with as many
 * tranche valuations as the generator planned, and the same seed must give
 * the same bytes. The generator needs Python 3 (standard library only,
 * installed by scripts/deps.sh --tests); without it the tests fail.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"
#include "xlsx_xml.h"

#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

/* Runs the generator into `dir` with the extra arguments `args` (NULL-
 * terminated); returns its exit status and its standard output in *out
 * (malloc'ed). A missing Python fails the test. */
static int generate(const char *dir, const char *const *args, char **out)
{
    require_python_module("json");
    const char *argv[32] = {GENERATOR, dir};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    run_result r = run_python(argv);
    *out = r.out;
    r.out = NULL;
    run_result_free(&r);
    return r.status;
}

/* "... N planned tranche valuations" from the generator's summary line. */
static long planned_valuations(const char *summary)
{
    const char *end = strstr(summary, " planned tranche valuations");
    cr_assert_not_null(end, "summary line: %s", summary);
    const char *start = end;
    while (start > summary && start[-1] >= '0' && start[-1] <= '9')
        start--;
    return strtol(start, NULL, 10);
}

/* The generator's arguments, as text (Criterion runs each parameter in a
 * new process, where a pointer into this one means nothing). */
typedef struct gen_case {
    char neos[8], awards[8], tranches[8], years[8], seed[8], fye[8], term[24];
} gen_case;

static gen_case gen_cases[] = {
    {"3", "4", "2", "5", "42", "12-31", "remaining_contractual"}, /* not an SRC: CSM, peer TSR */
    {"2", "3", "3", "3", "7", "06-30", "remaining_contractual"},  /* SRC, June year end */
    {"1", "5", "1", "1", "9", "02-28", "simplified"},             /* one person, one year */
    {"6", "2", "12", "4", "3", "09-30", "simplified"},            /* monthly tranches */
};

ParameterizedTestParameters(gen, writes_an_input_set_paycalc_accepts_and_computes)
{
    return cr_make_param_array(gen_case, gen_cases, sizeof gen_cases / sizeof gen_cases[0]);
}

ParameterizedTest(gen_case *c, gen, writes_an_input_set_paycalc_accepts_and_computes)
{
    char *dir = make_temp_dir(), *out_dir = make_temp_dir();
    cr_assert(dir && out_dir);
    char *input = path_join(dir, "set");
    const char *args[] = {"--neos",
                          c->neos,
                          "--awards-per-person",
                          c->awards,
                          "--tranches",
                          c->tranches,
                          "--years",
                          c->years,
                          "--seed",
                          c->seed,
                          "--fiscal-year-end",
                          c->fye,
                          "--expected-term",
                          c->term,
                          NULL};
    char *summary = NULL;
    cr_assert_eq(generate(input, args, &summary), 0, "generator failed: %s", summary);
    long planned = planned_valuations(summary);
    cr_assert(planned > 0);

    const char *check[] = {"check", input, NULL};
    run_result r = run_paycalc(check);
    cr_assert_eq(r.status, 0, "paycalc check: %s", r.err);
    run_result_free(&r);

    const char *run[] = {"run", input, "--out", out_dir, "--quiet", NULL};
    r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "paycalc run: %s", r.err);
    run_result_free(&r);

    /* The engine values exactly the tranches and dates the generator
     * planned by the rules of SPEC sections 6 and 7. */
    char *report = path_join(out_dir, "report.json");
    json_error_t error;
    json_t *root = json_load_file(report, 0, &error);
    cr_assert_not_null(root, "%s: %s", report, error.text);
    cr_assert_eq((long)json_array_size(json_object_get(root, "award_valuations")), planned);
    cr_assert_eq((long)json_array_size(json_object_get(root, "pay_versus_performance")),
                 atol(c->years));
    json_decref(root);

    free(report);
    free(input);
    free(summary);
    remove_dir(dir);
    remove_dir(out_dir);
    free(dir);
    free(out_dir);
}

/* A sheet holds at most 65,530 hyperlinks (libxlsxwriter refuses more).
 * 40,000 awards outstanding at the year end put about 65,000 figures on
 * Equity Awards at FYE, each a link to its support: past the limit the
 * figures link by their own HYPERLINK formula and the run still writes a
 * workbook Excel opens. */
Test(gen, more_figures_than_a_sheet_has_links_for_still_give_a_workbook)
{
    char *dir = make_temp_dir(), *out_dir = make_temp_dir();
    cr_assert(dir && out_dir);
    char *input = path_join(dir, "set");
    const char *args[] = {
        "--neos", "2", "--awards-per-person", "20000", "--tranches", "1", "--years", "1", "--seed",
        "1",      NULL};
    char *summary = NULL;
    cr_assert_eq(generate(input, args, &summary), 0, "generator failed: %s", summary);

    const char *run[] = {"run", input, "--out", out_dir, "--quiet", NULL};
    run_result r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "paycalc run: %s", r.err);
    run_result_free(&r);

    char *xlsx = path_join(out_dir, "report.xlsx"), why[512] = "";
    cr_assert_gt(xlsx_xml_check(xlsx, why, sizeof why), 0, "%s", why);
    /* The links past the limit are formulas; only Equity Awards at FYE has
     * that many figures. */
    cr_assert_eq(xlsx_xml_contains(xlsx, "HYPERLINK(\"#'"
                                         "Equity Award Detail"
                                         "'!"),
                 1);

    free(xlsx);
    free(input);
    free(summary);
    remove_dir(dir);
    remove_dir(out_dir);
    free(dir);
    free(out_dir);
}

static const char *const set_files[] = {
    "paycalc.json",    "people.csv",   "roles.csv",       "cash.csv",
    "fx.csv",          "awards.csv",   "vesting.csv",     "prices.csv",
    "assumptions.csv", "outcomes.csv", "fair_values.csv", "performance.csv",
};

Test(gen, the_same_seed_gives_the_same_bytes_and_another_seed_other_ones)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    char *a = path_join(dir, "a"), *b = path_join(dir, "b"), *c = path_join(dir, "c");
    const char *seed1[] = {"--neos", "3", "--awards-per-person", "3", "--seed", "5", NULL};
    const char *seed2[] = {"--neos", "3", "--awards-per-person", "3", "--seed", "6", NULL};
    char *out[3];
    cr_assert_eq(generate(a, seed1, &out[0]), 0);
    cr_assert_eq(generate(b, seed1, &out[1]), 0);
    cr_assert_eq(generate(c, seed2, &out[2]), 0);

    bool differs = false;
    for (size_t i = 0; i < sizeof set_files / sizeof set_files[0]; i++) {
        char *pa = path_join(a, set_files[i]), *pb = path_join(b, set_files[i]),
             *pc = path_join(c, set_files[i]);
        size_t na, nb, nc;
        char *ta = read_file(pa, &na), *tb = read_file(pb, &nb), *tc = read_file(pc, &nc);
        free(pa);
        free(pb);
        free(pc);
        cr_assert(ta && tb && tc, "%s was written", set_files[i]);
        cr_assert(na == nb && memcmp(ta, tb, na) == 0, "%s differs for the same seed",
                  set_files[i]);
        differs = differs || na != nc || memcmp(ta, tc, na) != 0;
        free(ta);
        free(tb);
        free(tc);
    }
    cr_assert(differs, "another seed gives another input set");
    for (int i = 0; i < 3; i++)
        free(out[i]);
    free(a);
    free(b);
    free(c);
    remove_dir(dir);
    free(dir);
}

/* ---- the same awards as patterns and as tranches ---------------------------- */

/* The report's SCT and CAP reconciliation as compact JSON with sorted keys
 * (malloc'ed), for a byte comparison. */
static char *tables_of(const char *out_dir)
{
    char *path = path_join(out_dir, "report.json");
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    cr_assert_not_null(root, "%s: %s", path, error.text);
    free(path);
    json_t *tables = json_pack("{sOsO}", "summary_compensation_table",
                               json_object_get(root, "summary_compensation_table"),
                               "cap_reconciliation", json_object_get(root, "cap_reconciliation"));
    char *text = json_dumps(tables, JSON_SORT_KEYS | JSON_COMPACT);
    json_decref(tables);
    json_decref(root);
    cr_assert_not_null(text);
    return text;
}

/* Generates one ledger form into dir/name and runs paycalc on it; returns
 * the tables and the generator's planned valuations. */
/* "separations: F tranches forfeited, A accelerated, C continued" from the
 * generator's summary: how many tranches separations changed. */
static long separated_tranches(const char *summary)
{
    long f = 0, a = 0, c = 0;
    const char *line = strstr(summary, "separations: ");
    cr_assert_not_null(line, "summary: %s", summary);
    cr_assert_eq(sscanf(line, "separations: %ld tranches forfeited, %ld accelerated, %ld continued",
                        &f, &a, &c),
                 3, "summary: %s", summary);
    return f + a + c;
}

static char *run_form(const char *dir, const char *name, const char *const *args, long *planned,
                      long *separated)
{
    char *input = path_join(dir, name);
    char *out = malloc(strlen(input) + sizeof "-out");
    cr_assert_not_null(out);
    strcpy(out, input);
    strcat(out, "-out");
    char *summary = NULL;
    cr_assert_eq(generate(input, args, &summary), 0, "generator failed: %s", summary);
    *planned = planned_valuations(summary);
    *separated = separated_tranches(summary);
    free(summary);
    const char *run[] = {"run", input, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "paycalc run %s: %s", name, r.err);
    run_result_free(&r);
    char *tables = tables_of(out);
    char *report = path_join(out, "report.json");
    json_error_t error;
    json_t *root = json_load_file(report, 0, &error);
    cr_assert_eq((long)json_array_size(json_object_get(root, "award_valuations")), *planned,
                 "%s: the valuations the generator planned", name);
    json_decref(root);
    free(report);
    free(out);
    free(input);
    return tables;
}

/* Lines of a file, header included (0 when it cannot be read). */
static size_t line_count(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    size_t n = 0, count = 0;
    char *text = read_file(path, &n);
    free(path);
    for (size_t i = 0; text && i < n; i++)
        count += text[i] == '\n';
    free(text);
    return count;
}

typedef struct ledger_case {
    char seed[8], neos[8], years[8], fye[8], term[24];
} ledger_case;

static ledger_case ledger_cases[] = {
    {"1", "4", "3", "12-31", "remaining_contractual"},
    {"2", "3", "5", "06-30", "simplified"},
    {"3", "5", "2", "12-31", "simplified"},
    {"4", "3", "4", "03-31", "remaining_contractual"},
    {"5", "6", "3", "09-30", "remaining_contractual"},
    {"6", "4", "5", "12-31", "simplified"},
};

ParameterizedTestParameters(
    gen, patterns_with_separations_give_the_tables_of_the_tranches_they_stand_for)
{
    return cr_make_param_array(ledger_case, ledger_cases,
                               sizeof ledger_cases / sizeof ledger_cases[0]);
}

/* SPEC section 13: an award's schedule and the separations.csv rows are
 * another way of writing its vesting.csv tranches and statuses, so the two
 * forms of a random ledger must give byte-identical SCTs and CAP
 * reconciliations. */
ParameterizedTest(ledger_case *c, gen,
                  patterns_with_separations_give_the_tables_of_the_tranches_they_stand_for)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    const char *tranches[] = {"--neos",      c->neos,           "--awards-per-person",
                              "4",           "--years",         c->years,
                              "--seed",      c->seed,           "--fiscal-year-end",
                              c->fye,        "--expected-term", c->term,
                              "--schedules", "--separations",   NULL};
    const char *schedule[] = {"--neos",
                              c->neos,
                              "--awards-per-person",
                              "4",
                              "--years",
                              c->years,
                              "--seed",
                              c->seed,
                              "--fiscal-year-end",
                              c->fye,
                              "--expected-term",
                              c->term,
                              "--schedules",
                              "--separations",
                              "--ledger",
                              "schedule",
                              NULL};
    long planned_tranches = 0, planned_schedule = 0, separated = 0;
    char *a = run_form(dir, "tranches", tranches, &planned_tranches, &separated);
    char *b = run_form(dir, "schedule", schedule, &planned_schedule, &separated);
    cr_assert_eq(planned_tranches, planned_schedule);
    cr_assert_gt(separated, 0, "the separations change some tranches");

    /* The schedule form really is shorter: no vesting.csv, a few rows of
     * separations; the tranche form lists every tranche. */
    char *path = path_join(dir, "schedule");
    cr_assert_eq(line_count(path, "vesting.csv"), 0, "the schedule form has no vesting.csv");
    cr_assert_gt(line_count(path, "separations.csv"), 1, "the ledger has separations");
    free(path);
    path = path_join(dir, "tranches");
    cr_assert_gt(line_count(path, "vesting.csv"), 4 * (size_t)atoi(c->neos));
    free(path);

    cr_assert_str_eq(a, b, "the SCT and CAP of the two forms differ");
    free(a);
    free(b);
    remove_dir(dir);
    free(dir);
}
