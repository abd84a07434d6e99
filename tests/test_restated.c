/*
 * restated (SPEC section 8, --prior): last year's figures against this
 * year's, from last year's report.json or reported.csv; and the yearly
 * roll-forward through the program.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paycalc/model.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/verify.h"
#include "support.h"

#define SCT PC_REPORTED_SCT
#define PVP PC_REPORTED_PVP
#define CAP PC_REPORTED_CAP
#define AVG "non_peo_neo_average"

/* A figure as the proxy prints it (pc_parse_printed). */
static void publish(pc_dataset *ds, pc_reported_table table, int year, const char *subject,
                    const char *item, const char *text)
{
    pc_printed p;
    char why[160] = "";
    cr_assert_eq(pc_parse_printed(text, &p, why, sizeof why), PC_OK, "%s: %s", text, why);
    pc_reported *r = PC_ARRAY_PUSH(&ds->reported);
    cr_assert_not_null(r);
    r->table = table;
    r->year = year;
    r->subject = pc_strdup(subject);
    r->item = pc_strdup(item);
    r->value_micro = p.value_micro;
    r->decimals = p.decimals;
    r->line = (int)ds->reported.count + 1;
}

typedef struct pair {
    pc_dataset prior, now;
    pc_checks checks;
} pair;

static void pair_init(pair *p)
{
    pc_dataset_init(&p->prior);
    pc_dataset_init(&p->now);
    pc_checks_init(&p->checks);
}

static void pair_fini(pair *p)
{
    pc_dataset_fini(&p->prior);
    pc_dataset_fini(&p->now);
    pc_checks_fini(&p->checks);
}

static const pc_finding *finding(const pc_checks *c, size_t i)
{
    cr_assert_lt(i, c->findings.count);
    return &c->findings.items[i];
}

Test(restated, the_same_figures_a_year_later_are_not_restated)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.prior, PVP, 2022, "li", "cap", "235,853.85");
    publish(&p.prior, CAP, 2022, AVG, "less_equity_awards", "(2,555.00)");
    publish(&p.now, SCT, 2022, "li", "total", "$177,658");
    publish(&p.now, PVP, 2022, "li", "cap", "$ 235,853.85");
    publish(&p.now, CAP, 2022, AVG, "less_equity_awards", "$(2,555.00)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.checked, 3);
    pair_fini(&p);
}

Test(restated, a_moved_figure_names_both_values)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2022, "li", "salary", "117,658");
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2022, "li", "salary", "117,658");
    publish(&p.now, SCT, 2022, "li", "total", "178,658");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    const pc_finding *f = finding(&p.checks, 0);
    cr_assert_str_eq(f->check, "restated");
    cr_assert_eq(f->severity, PC_CHECK_ERROR);
    cr_assert_eq(f->table, SCT);
    cr_assert_eq(f->year, 2022);
    cr_assert_str_eq(f->subject, "li");
    cr_assert_str_eq(f->item, "total");
    cr_assert_eq(f->published_micro, 178658000000LL); /* this year's */
    cr_assert_eq(f->expected_micro, 177658000000LL);  /* last year's */
    cr_assert_eq(f->difference_micro, 1000000000LL);
    cr_assert_eq(p.checks.errors, 1);
    cr_assert(pc_verify_failed(&p.checks, false));
    pair_fini(&p);
}

Test(restated, an_unsigned_deduction_is_read_as_the_deduction_it_is)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, CAP, 2022, "li", "less_equity_awards", "(5,678.00)");
    publish(&p.now, CAP, 2022, "li", "less_equity_awards", "5,678.00"); /* under "Minus:" */
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.checked, 1);
    pair_fini(&p);
}

Test(restated, figures_of_different_precision_compare_at_the_coarser)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2022, "li", "cap", "235,854"); /* whole dollars */
    publish(&p.prior, PVP, 2022, AVG, "cap", "155,306");  /* whole dollars */
    publish(&p.prior, PVP, 2022, "company", "net_income", "(11.3) M");
    publish(&p.now, PVP, 2022, "li", "cap", "235,853.85"); /* rounds to 235,854 */
    publish(&p.now, PVP, 2022, AVG, "cap", "155,307.32");  /* rounds to 155,307 */
    publish(&p.now, PVP, 2022, "company", "net_income", "(11,327,811)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    cr_assert_str_eq(finding(&p.checks, 0)->subject, AVG);
    pair_fini(&p);
}

Test(restated, only_figures_both_years_hold_are_compared)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, SCT, 2021, "li", "total", "293,557"); /* dropped from this year's */
    publish(&p.prior, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2022, "li", "total", "177,658");
    publish(&p.now, SCT, 2023, "li", "total", "190,000");  /* new this year */
    publish(&p.now, SCT, 2022, "pei", "total", "115,556"); /* not in last year's */
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.checked, 1);
    pair_fini(&p);
}

Test(restated, tsr_from_another_base_year_is_skipped_with_the_reason)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.prior, PVP, 2022, "company", "tsr", "19.57");
    publish(&p.prior, PVP, 2022, "company", "net_income", "(11,327,811)");
    publish(&p.now, PVP, 2022, "company", "tsr", "63.48");
    publish(&p.now, PVP, 2023, "company", "tsr", "70.00");
    publish(&p.now, PVP, 2022, "company", "net_income", "(11,327,811)");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 0);
    cr_assert_eq(p.checks.skipped.count, 1);
    cr_assert_str_eq(p.checks.skipped.items[0].check, "restated");
    cr_assert_eq(p.checks.skipped.items[0].year, 2022);
    cr_assert(strstr(p.checks.skipped.items[0].reason, "2022 now and 2021 last year"), "%s",
              p.checks.skipped.items[0].reason);
    pair_fini(&p);
}

Test(restated, tsr_from_the_same_base_year_must_not_move)
{
    pair p;
    pair_init(&p);
    publish(&p.prior, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.prior, PVP, 2022, "company", "tsr", "19.57");
    publish(&p.now, PVP, 2021, "company", "tsr", "30.83");
    publish(&p.now, PVP, 2022, "company", "tsr", "19.75");
    cr_assert_eq(pc_verify_restated(&p.prior, &p.now, NULL, &p.checks), PC_OK);
    cr_assert_eq(p.checks.findings.count, 1);
    cr_assert_str_eq(finding(&p.checks, 0)->item, "tsr");
    cr_assert_eq(p.checks.skipped.count, 0);
    pair_fini(&p);
}

/* ------------------------------------------------------ reading --prior */

static char *scratch_file(const char *name, const char *text)
{
    char *dir = make_temp_dir();
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    cr_assert_eq(write_text(path, text), 0);
    free(dir);
    return path;
}

Test(restated, prior_report_json_gives_every_table_figure)
{
    char *path = scratch_file(
        "last-year.json",
        "{\"schema_version\": 1,\n"
        " \"summary_compensation_table\": [{\"person_id\": \"li\", \"year\": 2022,"
        " \"salary\": 117658, \"bonus\": 0, \"stock_awards\": 60000, \"option_awards\": 0,"
        " \"non_equity_incentive\": 0, \"pension_nqdc\": 0, \"all_other\": 0, \"total\": "
        "177658}],\n"
        " \"pay_versus_performance\": [{\"year\": 2022, \"peo\": [{\"person_id\": \"li\","
        " \"sct_total\": 177658, \"cap\": 235853.85}], \"non_peo_neo_average\": {\"count\": 1,"
        " \"person_ids\": [\"pei\"], \"sct_total\": 115556, \"cap\": 155306.32}, \"tsr\": 19.57,"
        " \"peer_group_tsr\": null, \"net_income\": -11327811, \"company_selected_measure\":"
        " null}],\n"
        " \"cap_reconciliation\": [{\"year\": 2022, \"subject\": \"li\", \"sct_total\": 177658,"
        " \"less_equity_awards\": -5678, \"cap\": 235853.85}]}\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_OK);
    cr_assert_eq(diags.errors, 0);
    /* 8 SCT + 2 PEO + 3 average + tsr + net income + 3 reconciliation lines */
    cr_assert_eq(prior.reported.count, 18, "%zu figures", prior.reported.count);
    bool cap_seen = false, deduction_seen = false;
    for (size_t i = 0; i < prior.reported.count; i++) {
        const pc_reported *r = &prior.reported.items[i];
        if (r->table == PVP && !strcmp(r->subject, "li") && !strcmp(r->item, "cap")) {
            cap_seen = true;
            cr_assert_eq(r->value_micro, 235853850000LL);
        }
        if (r->table == CAP && !strcmp(r->item, "less_equity_awards")) {
            deduction_seen = true;
            cr_assert_eq(r->value_micro, -5678000000LL);
        }
    }
    cr_assert(cap_seen && deduction_seen);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}

Test(restated, prior_reported_csv_is_read_like_this_years)
{
    char *path = scratch_file("reported.csv", "table,year,subject,item,value\n"
                                              "sct,2022,li,total,\"$177,658\"\n"
                                              "pvp,2022,company,net_income,(11.3) M\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_OK);
    cr_assert_eq(prior.reported.count, 2);
    cr_assert_eq(prior.reported.items[0].value_micro, 177658000000LL);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}

Test(restated, a_prior_that_is_neither_is_an_input_error_naming_the_file)
{
    char *path = scratch_file("other.json", "{\"hello\": 1}\n");
    pc_dataset prior;
    pc_diags diags;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_prior(path, &prior, &diags), PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_str_eq(diags.items[0].file, path);
    cr_assert(strstr(diags.items[0].message, "schema_version"), "%s", diags.items[0].message);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    free(path);
}

/* Reads `text` as last year's report.json; the status, diagnostics in *diags. */
static pc_status read_prior_text(const char *text, pc_dataset *prior, pc_diags *diags)
{
    char *path = scratch_file("last-year.json", text);
    pc_dataset_init(prior);
    pc_diags_init(diags);
    pc_status st = pc_read_prior(path, prior, diags);
    free(path);
    return st;
}

#define PRIOR_TABLES " \"pay_versus_performance\": [], \"cap_reconciliation\": []}\n"

Test(restated, a_prior_figure_beyond_any_amount_is_an_error_at_its_place_not_a_wrap)
{
    /* 1e14 dollars is 1e20 millionths: read through a double and scaled,
     * it overflowed int64 (undefined behaviour, a wrapped value). */
    pc_dataset prior;
    pc_diags diags;
    pc_status st = read_prior_text("{\"schema_version\": 1,\n"
                                   " \"summary_compensation_table\": [{\"person_id\": \"li\","
                                   " \"year\": 2022,\n  \"salary\": 1e14}],\n" PRIOR_TABLES,
                                   &prior, &diags);
    cr_assert_eq(st, PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_eq(diags.items[0].line, 3);
    cr_assert_eq(diags.items[0].column, 13);
    cr_assert_str_eq(diags.items[0].message, "salary of li for 2022: too large ('1e14')");
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
}

Test(restated, prior_figures_are_read_exactly_from_their_text_whatever_the_notation)
{
    pc_dataset prior;
    pc_diags diags;
    pc_status st = read_prior_text(
        "{\"schema_version\": 1, \"summary_compensation_table\": [],\n"
        " \"cap_reconciliation\": [{\"year\": 2022, \"subject\": \"li\","
        " \"cap\": 2.3585385E5, \"sct_total\": 9007199254740993, \"less_equity_awards\": -0.5e1},\n"
        " {\"year\": 2022, \"subject\": \"pei\", \"cap\": 0.015}],\n"
        " \"pay_versus_performance\": []}\n",
        &prior, &diags);
    cr_assert_eq(st, PC_ERR_INPUT);
    cr_assert_eq(prior.reported.count, 2, "%zu figures", prior.reported.count);
    /* 2^53 + 1 dollars is not a double: read from the text, it is exact
     * until the millionths overflow; here it does, and says so. */
    cr_assert_eq(diags.errors, 2);
    cr_assert(strstr(diags.items[0].message, "sct_total of li for 2022: too large"), "%s",
              diags.items[0].message);
    cr_assert(strstr(diags.items[1].message, "cap of pei for 2022: at most 2 decimals ('0.015')"),
              "%s", diags.items[1].message);
    size_t checked = 0;
    for (size_t i = 0; i < prior.reported.count; i++) {
        const pc_reported *r = &prior.reported.items[i];
        int64_t want = !strcmp(r->item, "cap") ? 235853850000LL : -5000000LL;
        cr_assert_eq(r->value_micro, want, "%s: %lld", r->item, (long long)r->value_micro);
        checked += !strcmp(r->subject, "li");
    }
    cr_assert_eq(checked, 2);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
}

Test(restated, a_prior_saved_with_a_byte_order_mark_is_read)
{
    pc_dataset prior;
    pc_diags diags;
    pc_status st = read_prior_text("\xEF\xBB\xBF{\"schema_version\": 1,\n"
                                   " \"company\": {\"name\": \"CBAK Energy\", \"ticker\": "
                                   "\"CBAT\"},\n"
                                   " \"summary_compensation_table\": [{\"person_id\": \"li\","
                                   " \"year\": 2022, \"salary\": 117658}],\n" PRIOR_TABLES,
                                   &prior, &diags);
    cr_assert_eq(st, PC_OK, "%s", diags.count ? diags.items[0].message : "");
    cr_assert_eq(prior.reported.count, 1);
    cr_assert_eq(prior.reported.items[0].value_micro, 117658000000LL);
    cr_assert_str_eq(prior.config.company_name, "CBAK Energy");
    cr_assert_str_eq(prior.config.ticker, "CBAT");
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
}

Test(restated, broken_json_in_a_prior_is_an_error_at_its_line_and_column)
{
    pc_dataset prior;
    pc_diags diags;
    pc_status st = read_prior_text("{\"schema_version\": 1,\n"
                                   " \"award_valuations\": [{\"x\": [1, 2,]}],\n" PRIOR_TABLES,
                                   &prior, &diags);
    cr_assert_eq(st, PC_ERR_INPUT);
    cr_assert_eq(diags.errors, 1);
    cr_assert_eq(diags.items[0].line, 2);
    cr_assert_eq(diags.items[0].column, 35);
    cr_assert(strstr(diags.items[0].message, "not valid JSON"), "%s", diags.items[0].message);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
}

Test(restated, a_key_twice_in_a_prior_row_is_an_error)
{
    pc_dataset prior;
    pc_diags diags;
    pc_status st =
        read_prior_text("{\"schema_version\": 1,\n"
                        " \"summary_compensation_table\": [{\"person_id\": \"li\","
                        " \"year\": 2022, \"salary\": 1, \"salary\": 2}],\n" PRIOR_TABLES,
                        &prior, &diags);
    cr_assert_eq(st, PC_ERR_INPUT);
    cr_assert(strstr(diags.items[0].message, "'salary' appears twice"), "%s",
              diags.items[0].message);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
}

/* ------------------------------------------------ the yearly roll-forward */

#define PYTHON "/usr/bin/python3" /* Debian's, installed by scripts/deps.sh --tests */
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

/* The generated company of the roll-forward, as the input set of the proxy
 * covering `cover` ("2021:2023"). A missing Python fails the test. */
static void generate(const char *dir, const char *cover)
{
    cr_assert_eq(access(PYTHON, X_OK), 0, "the roll-forward needs %s (scripts/deps.sh --tests)",
                 PYTHON);
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        const char *argv[] = {PYTHON, GENERATOR,    dir, "--neos",  "3",   "--awards-per-person",
                              "2",    "--tranches", "3", "--years", "4",   "--last-year",
                              "2024", "--seed",     "7", "--cover", cover, NULL};
        if (!freopen("/dev/null", "w", stdout))
            _exit(126);
        execv(PYTHON, (char *const *)argv);
        _exit(127);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the generator failed");
}

static void run_ok(const char *const *args)
{
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc %s %s: exit %d\n%s", args[0], args[1], r.status, r.err);
    run_result_free(&r);
}

/* A figure's key, "table year subject item", as report.json's tables and
 * its restated findings name it. */
static char *key_of(const char *table, json_int_t year, const char *subject, const char *item)
{
    char *k = malloc(strlen(subject) + strlen(item) + 40);
    cr_assert_not_null(k);
    sprintf(k, "%s %lld %s %s", table, (long long)year, subject, item);
    return k;
}

/* Every figure of a report.json as "key=value" lines in `out` (an object:
 * key -> number), read independently of paycalc's own reader. TSR is left
 * out: its base moves with the first covered year. */
static void put_row(json_t *out, const char *table, json_t *row, const char *subject)
{
    const char *k;
    json_t *v;
    json_int_t year = json_integer_value(json_object_get(row, "year"));
    json_object_foreach(row, k, v)
    {
        if (!json_is_number(v) || !strcmp(k, "year") || !strcmp(k, "tsr") ||
            !strcmp(k, "peer_group_tsr"))
            continue;
        char *key = key_of(table, year, subject, k);
        json_object_set(out, key, v);
        free(key);
    }
}

static json_t *figures_of(const char *report_path)
{
    json_error_t err;
    json_t *root = json_load_file(report_path, 0, &err);
    cr_assert_not_null(root, "%s: %s", report_path, err.text);
    json_t *out = json_object();
    size_t i, k;
    json_t *row, *peo;
    json_array_foreach(json_object_get(root, "summary_compensation_table"), i, row)
        put_row(out, "sct", row, json_string_value(json_object_get(row, "person_id")));
    json_array_foreach(json_object_get(root, "cap_reconciliation"), i, row)
        put_row(out, "cap", row, json_string_value(json_object_get(row, "subject")));
    json_array_foreach(json_object_get(root, "pay_versus_performance"), i, row)
    {
        put_row(out, "pvp", row, "company");
        json_array_foreach(json_object_get(row, "peo"), k, peo)
        {
            json_object_set(peo, "year", json_object_get(row, "year"));
            put_row(out, "pvp", peo, json_string_value(json_object_get(peo, "person_id")));
        }
        json_t *avg = json_object_get(row, AVG);
        if (json_is_object(avg)) {
            json_object_set(avg, "year", json_object_get(row, "year"));
            put_row(out, "pvp", avg, AVG);
        }
    }
    json_decref(root);
    return out;
}

/* The restated findings of a report.json, as a sorted list of keys. */
static json_t *restated_of(const char *report_path)
{
    json_error_t err;
    json_t *root = json_load_file(report_path, 0, &err);
    cr_assert_not_null(root, "%s: %s", report_path, err.text);
    json_t *checks = json_object_get(root, "checks");
    cr_assert(json_is_array(checks), "report.json has its checks");
    json_t *keys = json_object();
    size_t i;
    json_t *f;
    json_array_foreach(checks, i, f)
    {
        if (strcmp(json_string_value(json_object_get(f, "check")), "restated") != 0)
            continue;
        char *key = key_of(json_string_value(json_object_get(f, "table")),
                           json_integer_value(json_object_get(f, "year")),
                           json_string_value(json_object_get(f, "subject")),
                           json_string_value(json_object_get(f, "item")));
        cr_assert_null(json_object_get(keys, key), "one finding per figure: %s", key);
        json_object_set_new(keys, key, json_true());
        free(key);
    }
    json_decref(root);
    return keys;
}

/* How many rows of the workbook's Checks sheet are `check` findings (read
 * with openpyxl, as an analyst's spreadsheet reads it). */
static int checks_sheet_rows(const char *xlsx, const char *check)
{
    /* The findings are the rows under the header "Check", up to the first
     * empty row (the skipped checks and the legend follow). */
    static const char script[] =
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1])['Checks']\n"
        "rows = [v for (v,) in ws.iter_rows(min_col=1, max_col=1, values_only=True)]\n"
        "first = rows.index('Check') + 1\n"
        "end = rows.index(None, first) if None in rows[first:] else len(rows)\n"
        "print(sum(1 for v in rows[first:end] if v.startswith(sys.argv[2])))\n";
    int pipefd[2];
    cr_assert_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        dup2(pipefd[1], 1);
        close(pipefd[0]);
        close(pipefd[1]);
        const char *argv[] = {PYTHON, "-c", script, xlsx, check, NULL};
        execv(PYTHON, (char *const *)argv);
        _exit(127);
    }
    close(pipefd[1]);
    char out[64] = "";
    size_t got = 0;
    ssize_t n;
    while (got < sizeof out - 1 && (n = read(pipefd[0], out + got, sizeof out - 1 - got)) > 0)
        got += (size_t)n;
    close(pipefd[0]);
    int status;
    waitpid(pid, &status, 0);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0 && got > 0,
              "reading the Checks sheet needs openpyxl (scripts/deps.sh --tests): status %d, '%s'",
              status, out);
    return atoi(out);
}

/* Changes the first cash.csv row starting with `prefix` to `row`. */
static void replace_cash_row(const char *dir, const char *prefix, const char *row)
{
    char *path = malloc(strlen(dir) + 16);
    sprintf(path, "%s/cash.csv", dir);
    char *text = read_file(path, NULL);
    cr_assert_not_null(text);
    char *at = strstr(text, prefix);
    cr_assert_not_null(at, "cash.csv has a row %s", prefix);
    char *end = strchr(at, '\n');
    cr_assert_not_null(end);
    size_t n = strlen(text) + strlen(row) + 2;
    char *changed = malloc(n);
    snprintf(changed, n, "%.*s%s%s", (int)(at - text), text, row, end);
    cr_assert_eq(write_text(path, changed), 0);
    free(changed);
    free(text);
    free(path);
}

Test(restated, a_yearly_roll_forward_reports_exactly_the_figures_that_moved)
{
    char *tmp = make_temp_dir();
    char last[512], now[512], last_out[512], now_out[512], prior[600], report[600];
    snprintf(last, sizeof last, "%s/fy2023", tmp);
    snprintf(now, sizeof now, "%s/fy2024", tmp);
    snprintf(last_out, sizeof last_out, "%s/reports-2023", tmp);
    snprintf(now_out, sizeof now_out, "%s/reports-2024", tmp);
    snprintf(prior, sizeof prior, "%s/report.json", last_out);
    snprintf(report, sizeof report, "%s/report.json", now_out);
    generate(last, "2021:2023");
    generate(now, "2022:2024");

    const char *run_last[] = {"run", last, "--out", last_out, "--quiet", NULL};
    run_ok(run_last);
    const char *run_now[] = {"run", now, "--out", now_out, "--prior", prior, "--quiet", NULL};
    run_ok(run_now);
    json_t *moved = restated_of(report);
    cr_assert_eq(json_object_size(moved), 0, "nothing moved, nothing restated");
    json_decref(moved);

    /* One 2022 cash row changed: a bonus paid in USD to the second person. */
    replace_cash_row(now, "p00001,2022,bonus,", "p00001,2022,bonus,123456.78,USD,2022-12-31");
    run_ok(run_now);
    moved = restated_of(report);
    json_t *then = figures_of(prior), *later = figures_of(report);
    size_t differing = 0;
    const char *key;
    json_t *value;
    json_object_foreach(then, key, value)
    {
        json_t *other = json_object_get(later, key);
        if (!other)
            continue;
        bool differs = json_number_value(other) != json_number_value(value);
        differing += differs;
        cr_assert_eq(differs, json_object_get(moved, key) != NULL, "%s: %g last year, %g now, %s",
                     key, json_number_value(value), json_number_value(other),
                     differs ? "not reported" : "reported");
        cr_assert(!differs || strstr(key, " 2022 "), "only 2022 moved: %s", key);
    }
    cr_assert_gt(differing, 0);
    cr_assert_eq(json_object_size(moved), differing);
    /* The workbook's Checks sheet lists them too, one row each. */
    char xlsx[600];
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", now_out);
    /* The Checks sheet names the check in words. */
    cr_assert_eq(checks_sheet_rows(xlsx, "Figure restated since the prior proxy"), (int)differing);
    cr_assert_not_null(json_object_get(moved, "sct 2022 p00001 bonus"));
    cr_assert_not_null(json_object_get(moved, "pvp 2022 non_peo_neo_average sct_total"));
    json_decref(then);
    json_decref(later);
    json_decref(moved);
    free(tmp);
}

Test(restated, an_unreadable_prior_is_an_input_error_and_nothing_is_written)
{
    char *tmp = make_temp_dir();
    char out[512], missing[512];
    snprintf(out, sizeof out, "%s/reports", tmp);
    snprintf(missing, sizeof missing, "%s/no-such-report.json", tmp);
    const char *run[] = {
        "run", SOURCE_DIR "/inputs/cbak-fy2022", "--out", out, "--prior", missing, "--quiet", NULL};
    run_result r = run_paycalc(run);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(strstr(r.err, "no-such-report.json: error: cannot read last year's figures"), "%s",
              r.err);
    cr_assert_eq(count_entries(tmp), 0, "nothing was written");
    run_result_free(&r);
    const char *usage[] = {"run", SOURCE_DIR "/inputs/cbak-fy2022", "--prior", NULL};
    r = run_paycalc(usage);
    cr_assert_eq(r.status, 2);
    run_result_free(&r);
    free(tmp);
}
