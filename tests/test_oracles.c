/*
 * The two independent Python oracles, written from the SPEC alone, against
 * what is committed from them: inputs/cbak-fy2022/tools/check.py (its self
 * checks against the proxy, and the generated blocks of the set's
 * README.md) and tests/data/golden-nonsrc/tools/expected.py (expected.json,
 * which tests/test_golden.c compares with paycalc). A change to an oracle,
 * to the inputs or to the rules that is not carried into the committed
 * expectations fails here. One variant of the CBAK set (the simplified term
 * and a tranche that vested early) is computed by both check.py and paycalc.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"
#define CHECK_PY CBAK "/tools/check.py"
#define GOLDEN SOURCE_DIR "/tests/data/golden-nonsrc"
#define EXPECTED_PY GOLDEN "/tools/expected.py"

Test(oracles, check_py_passes_its_checks_and_the_readme_blocks_are_current)
{
    require_python_module("json");
    const char *args[] = {CHECK_PY, "--diff-readme", NULL};
    run_result r = run_python(args);
    cr_assert_eq(r.status, 0, "check.py --diff-readme:\n%s%s", r.out, r.err);
    cr_assert(strstr(r.err, "all checks passed") != NULL, "%s", r.err);
    run_result_free(&r);
}

Test(oracles, expected_py_reproduces_the_committed_expected_json)
{
    require_python_module("json");
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/expected.json", dir);
    const char *args[] = {EXPECTED_PY, "--out", path, NULL};
    run_result r = run_python(args);
    cr_assert_eq(r.status, 0, "expected.py:\n%s%s", r.out, r.err);
    size_t n_got, n_want;
    char *got = read_file(path, &n_got);
    char *want = read_file(GOLDEN "/expected.json", &n_want);
    cr_assert_not_null(got);
    cr_assert_not_null(want);
    /* The first differing line, for the message. */
    size_t at = 0, line = 1;
    while (at < n_got && at < n_want && got[at] == want[at])
        line += got[at++] == '\n';
    cr_assert(n_got == n_want && at == n_got,
              "expected.py's output differs from the committed expected.json at line %zu "
              "(python3 tests/data/golden-nonsrc/tools/expected.py rewrites it)",
              line);
    free(got);
    free(want);
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
}

/* Edits a file of the set: replaces the one occurrence of `from`. */
static void replace_in(const char *dir, const char *name, const char *from, const char *to)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = read_file(path, NULL);
    cr_assert_not_null(text, "%s", path);
    char *hit = strstr(text, from);
    cr_assert_not_null(hit, "%s has no '%s'", name, from);
    char *out = malloc(strlen(text) - strlen(from) + strlen(to) + 1);
    sprintf(out, "%.*s%s%s", (int)(hit - text), text, to, hit + strlen(from));
    cr_assert_eq(write_text(path, out), 0);
    free(out);
    free(text);
}

static json_t *load(const char *text, const char *what)
{
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    cr_assert_not_null(root, "%s: %s", what, err.text);
    return root;
}

static json_t *row_of(json_t *rows, json_int_t year, const char *subject)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        if (json_integer_value(json_object_get(row, "year")) == year &&
            strcmp(json_string_value(json_object_get(row, "subject")), subject) == 0)
            return row;
    }
    cr_assert_fail("report.json has no CAP row for %s %lld", subject, (long long)year);
    return NULL;
}

/* SPEC section 5: under the simplified method t_v runs to the date a
 * tranche actually vested. In the CBAK set with the simplified term, no
 * supplied fair values (the model values every date) and Li Yunfei's third
 * option tranche vested early on 2022-09-30 (scheduled 2023-05-30), every
 * CAP line paycalc computes equals check.py's to the cent. */
Test(oracles, early_vested_simplified_term_agrees_between_check_py_and_paycalc)
{
    require_python_module("json");
    char *in = make_temp_dir(), *out = make_temp_dir();
    cr_assert_eq(copy_dir(CBAK, in), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/fair_values.csv", in);
    cr_assert_eq(unlink(path), 0);
    replace_in(in, "paycalc.json", "\"remaining_contractual\"", "\"simplified\"");
    replace_in(in, "vesting.csv", "li-option-2021-11-29,3,2023-05-30,20000,unvested,",
               "li-option-2021-11-29,3,2023-05-30,20000,vested,2022-09-30");

    const char *run[] = {"run", in, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    snprintf(path, sizeof path, "%s/report.json", out);
    char *text = read_file(path, NULL);
    json_t *report = load(text, "report.json");
    free(text);

    const char *oracle[] = {CHECK_PY, "--json", "--set", in, NULL};
    r = run_python(oracle);
    cr_assert_eq(r.status, 0, "check.py --json:\n%s", r.err);
    json_t *want = load(r.out, "check.py --json");
    run_result_free(&r);

    json_t *rows = json_object_get(want, "cap_reconciliation");
    cr_assert_gt(json_array_size(rows), 0);
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        json_int_t year = json_integer_value(json_object_get(row, "year"));
        const char *subject = json_string_value(json_object_get(row, "subject"));
        json_t *got = row_of(json_object_get(report, "cap_reconciliation"), year, subject);
        const char *key;
        json_t *value;
        json_object_foreach(row, key, value)
        {
            if (!json_is_string(value) || strcmp(key, "subject") == 0)
                continue;
            long long want_cents = llround(strtod(json_string_value(value), NULL) * 100);
            long long got_cents = llround(json_number_value(json_object_get(got, key)) * 100);
            cr_assert_eq(got_cents, want_cents, "%s %lld %s: paycalc %lld cents, check.py %lld",
                         subject, (long long)year, key, got_cents, want_cents);
        }
    }
    json_decref(want);
    json_decref(report);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}
