/*
 * The bodies of the fuzzing harnesses (fuzz_bodies.h): what one fuzz input
 * goes through, and the properties checked on the way. Compiled into each
 * harness by tests/fuzz/run.sh and included by tests/test_fuzz_regressions.c.
 *
 * Properties, beyond "no sanitizer report and no hang":
 * - a read or a computation that fails has said why: at least one error in
 *   the diagnostics (the command line would otherwise print "0 errors" and
 *   write nothing), and one that succeeds has no error;
 * - every diagnostic has a code and a message and formats;
 * - the tables foot: each SCT total is the sum of its columns (R3), each CAP
 *   the sum of its lines (R4, R5);
 * - report.json is valid JSON and the same report gives the same bytes;
 * - report.xlsx is written (for a share of the inputs: it is slow);
 * - a parsed value formats back to text that parses to the same value.
 */
#define _POSIX_C_SOURCE 200809L

#include "fuzz_bodies.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/cli.h"
#include "paycalc/compute.h"
#include "paycalc/date.h"
#include "paycalc/engine.h"
#include "paycalc/ixbrl.h"
#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/status.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"
#include "xlsx_xml.h"

#ifndef FUZZ_BASE_DIR
#error "FUZZ_BASE_DIR must name tests/fuzz/base"
#endif

/* A property does not hold: say which, and crash so the fuzzer keeps the
 * input. */
#define FUZZ_REQUIRE(cond)                                                                         \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);            \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* ---- the scratch input set ---------------------------------------------------- */

/* One process-lifetime copy of tests/fuzz/base (in PAYCALC_FUZZ_TMPDIR when
 * set, else in /dev/shm when there is one, so the fuzzer's file writes stay
 * in memory). Each input replaces one file and puts the original back
 * afterwards. Test code: the one global. */
typedef struct scratch {
    char *dir;
    char *original[PC_FILE_COUNT]; /* each file's original text */
    size_t original_size[PC_FILE_COUNT];
} scratch;

static scratch fuzz_scratch;

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    fclose(f);
    if (size)
        *size = len;
    return buf;
}

static void put(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    FUZZ_REQUIRE(fd >= 0);
    const char *p = data;
    while (size > 0) {
        ssize_t w = write(fd, p, size);
        FUZZ_REQUIRE(w > 0);
        p += w;
        size -= (size_t)w;
    }
    FUZZ_REQUIRE(close(fd) == 0);
}

static void path_in(char *buf, size_t size, const char *dir, pc_file file)
{
    snprintf(buf, size, "%s/%s", dir, pc_file_name(file));
}

static void scratch_remove(void)
{
    if (!fuzz_scratch.dir)
        return;
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        char path[4096];
        path_in(path, sizeof path, fuzz_scratch.dir, (pc_file)f);
        unlink(path);
        free(fuzz_scratch.original[f]);
        fuzz_scratch.original[f] = NULL;
    }
    static const char *const outputs[] = {"out/report.json", "out/report.xlsx", "out/.paycalc.lock",
                                          "report.xlsx"};
    for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", fuzz_scratch.dir, outputs[i]);
        unlink(path);
    }
    char out[4096];
    snprintf(out, sizeof out, "%s/out", fuzz_scratch.dir);
    rmdir(out);
    rmdir(fuzz_scratch.dir);
    free(fuzz_scratch.dir);
    fuzz_scratch.dir = NULL;
}

static const char *scratch_dir(void)
{
    if (fuzz_scratch.dir)
        return fuzz_scratch.dir;
    /* libFuzzer ends a timed run with _Exit, which skips atexit: run.sh
     * names a folder it removes itself. */
    struct stat st;
    const char *root = getenv("PAYCALC_FUZZ_TMPDIR");
    if (!root)
        root = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0
                   ? "/dev/shm"
                   : "/tmp";
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/paycalc-fuzz-XXXXXX", root);
    FUZZ_REQUIRE(mkdtemp(tmpl) != NULL);
    fuzz_scratch.dir = strdup(tmpl);
    FUZZ_REQUIRE(fuzz_scratch.dir != NULL);
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        char from[4096], to[4096];
        path_in(from, sizeof from, FUZZ_BASE_DIR, (pc_file)f);
        path_in(to, sizeof to, fuzz_scratch.dir, (pc_file)f);
        size_t n = 0;
        char *text = slurp(from, &n);
        FUZZ_REQUIRE(text != NULL); /* tests/fuzz/base holds every file */
        put(to, text, n);
        fuzz_scratch.original[f] = text;
        fuzz_scratch.original_size[f] = n;
    }
    atexit(scratch_remove);
    return fuzz_scratch.dir;
}

/* ---- properties --------------------------------------------------------------- */

static void check_diags(const pc_diags *diags)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < diags->count; i++) {
        const pc_diag *d = &diags->items[i];
        FUZZ_REQUIRE(d->code && d->code[0]);
        FUZZ_REQUIRE(d->message && d->message[0]);
        FUZZ_REQUIRE(d->line >= 0 && d->column >= 0);
        FUZZ_REQUIRE(d->severity == PC_SEVERITY_ERROR || d->severity == PC_SEVERITY_WARNING);
        errors += d->severity == PC_SEVERITY_ERROR;
        warnings += d->severity == PC_SEVERITY_WARNING;
        char buf[1400];
        FUZZ_REQUIRE(pc_diag_format(d, buf, sizeof buf) == buf && buf[0] != '\0');
    }
    FUZZ_REQUIRE(errors == diags->errors && warnings == diags->warnings);
}

/* A failed step has reported at least one error; a successful one none. */
static void check_outcome(pc_status st, const pc_diags *diags, size_t errors_before)
{
    FUZZ_REQUIRE(st == PC_OK || st == PC_ERR_INPUT || st == PC_ERR_NOMEM);
    if (st == PC_ERR_INPUT)
        FUZZ_REQUIRE(diags->errors > errors_before);
    if (st == PC_OK)
        FUZZ_REQUIRE(diags->errors == errors_before);
}

static void check_report(const pc_dataset *ds, const pc_report *report)
{
    for (size_t i = 0; i < report->sct.count; i++) {
        const pc_sct_row *row = &report->sct.items[i];
        int64_t sum = 0;
        for (int c = 0; c < PC_SCT_TOTAL; c++) {
            FUZZ_REQUIRE(row->column[c] % 100 == 0); /* R3: whole dollars */
            FUZZ_REQUIRE(pc_money_add(sum, row->column[c], &sum) == PC_OK);
        }
        FUZZ_REQUIRE(sum == row->column[PC_SCT_TOTAL]);
    }
    int64_t unit = ds->config.cap_decimals == 0 ? 100 : 1;
    for (size_t i = 0; i < report->cap.count; i++) {
        const pc_cap_row *row = &report->cap.items[i];
        int64_t sum = 0;
        for (int l = 0; l < PC_CAP_CAP; l++) {
            FUZZ_REQUIRE(row->line[l] % unit == 0); /* R4, R5 */
            FUZZ_REQUIRE(pc_money_add(sum, row->line[l], &sum) == PC_OK);
        }
        FUZZ_REQUIRE(sum == row->line[PC_CAP_CAP]);
    }
    FUZZ_REQUIRE(report->pvp.count == (size_t)ds->config.nyears);
}

static void check_json(const pc_dataset *ds, const pc_report *report)
{
    char *a = pc_json_dumps(ds, report);
    char *b = pc_json_dumps(ds, report);
    FUZZ_REQUIRE(a && b);
    FUZZ_REQUIRE(strcmp(a, b) == 0);
    json_error_t err;
    json_t *root = json_loads(a, 0, &err);
    if (!root)
        fprintf(stderr, "report.json does not parse: %s (line %d)\n", err.text, err.line);
    FUZZ_REQUIRE(root != NULL);
    FUZZ_REQUIRE(json_is_object(root));
    json_decref(root);
    free(a);
    free(b);
}

static void check_checks(const pc_checks *checks, const pc_dataset *ds)
{
    FUZZ_REQUIRE(checks->errors + checks->rounding <= checks->findings.count);
    char *table = pc_verify_format_table(checks, ds);
    FUZZ_REQUIRE(table != NULL);
    free(table);
    char *json = pc_checks_dumps(checks);
    FUZZ_REQUIRE(json != NULL);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    FUZZ_REQUIRE(root != NULL);
    json_decref(root);
    free(json);
}

/* Every part of a written workbook parses as XML (SPEC section 9: no
 * character XML 1.0 forbids reaches a sheet). */
static void require_workbook_parses(const char *path)
{
    char why[512];
    int parts = xlsx_xml_check(path, why, sizeof why);
    if (parts <= 0)
        fprintf(stderr, "%s: %s\n", path, why);
    FUZZ_REQUIRE(parts > 0);
}

/* The workbook of a computed report always writes: whatever text the
 * inputs hold (names, notes, the measure's name) must fit it. */
static void check_workbook(const pc_dataset *ds, const pc_report *report)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.xlsx", scratch_dir());
    pc_diags diags;
    pc_diags_init(&diags);
    pc_status st = pc_write_xlsx(ds, report, path, &diags);
    if (st != PC_OK && diags.count > 0)
        fprintf(stderr, "report.xlsx: %s\n", diags.items[0].message);
    FUZZ_REQUIRE(st == PC_OK);
    check_diags(&diags);
    pc_diags_fini(&diags);
    require_workbook_parses(path);
    unlink(path);
}

/* What `paycalc run` does with an input set: report.json is made in
 * memory, the workbook written when `workbook`. */
static void run_input_set(const char *dir, bool workbook)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_status st = pc_compute(dir, &ds, &report, &diags);
    check_outcome(st, &diags, 0);
    if (st == PC_OK) {
        check_report(&ds, &report);
        if (ds.reported.count > 0) {
            FUZZ_REQUIRE(report.has_checks);
            check_checks(&report.checks, &ds);
        }
        check_json(&ds, &report);
        if (workbook)
            check_workbook(&ds, &report);
    }
    check_diags(&diags);
    pc_diags_sort(&diags);
    check_diags(&diags);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
}

/* Replaces one file of the scratch set with the input, runs, restores. */
static void run_with_file(pc_file file, const uint8_t *data, size_t size, bool workbook)
{
    const char *dir = scratch_dir();
    char path[4096];
    path_in(path, sizeof path, dir, file);
    put(path, data, size);
    run_input_set(dir, workbook);
    put(path, fuzz_scratch.original[file], fuzz_scratch.original_size[file]);
}

/* ---- the harness bodies ------------------------------------------------------- */

void fuzz_csv_body(const uint8_t *data, size_t size)
{
    if (size < 1)
        return;
    /* The CSV files are people.csv (PC_FILE_PEOPLE) to the last of
     * pc_file, the market-condition files included. A first byte of '0'
     * picks people.csv, '1' roles.csv and so on, '<' market_conditions.csv
     * to '@' correlations.csv, 'A' exercises.csv, 'B' separations.csv, 'C'
     * corporate_actions.csv, 'D' modifications.csv, 'E' plan_targets.csv
     * (the seeds and regressions are named that way). */
    int ncsv = PC_FILE_COUNT - PC_FILE_PEOPLE;
    pc_file file = (pc_file)(PC_FILE_PEOPLE + (data[0] + ncsv - '0' % ncsv) % ncsv);
    /* A first byte of 0xF0 or more also writes the workbook. */
    run_with_file(file, data + 1, size - 1, data[0] >= 0xF0);
}

void fuzz_config_body(const uint8_t *data, size_t size)
{
    /* One input in eight (by its length) also writes the workbook. */
    run_with_file(PC_FILE_CONFIG, data, size, size % 8 == 0);
}

/* The text of one field: the bytes up to the first NUL (a reader never
 * hands a parser a NUL), trimmed as the CSV layer trims. */
static char *field_text(const uint8_t *data, size_t size)
{
    size_t n = 0;
    while (n < size && data[n] != 0)
        n++;
    char *s = malloc(n + 1);
    FUZZ_REQUIRE(s != NULL);
    memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

static void check_why(pc_status st, const char *why)
{
    if (st == PC_OK)
        return;
    FUZZ_REQUIRE(st == PC_ERR_SYNTAX || st == PC_ERR_RANGE || st == PC_ERR_OVERFLOW);
    FUZZ_REQUIRE(why[0] != '\0');
}

void fuzz_values_body(const uint8_t *data, size_t size)
{
    if (size < 2)
        return;
    uint8_t knobs = data[0], knobs2 = data[1];
    char *text = field_text(data + 2, size - 2);
    char why[200], buf[64];
    int64_t v;

    /* Decimals allowed and scale: the readers use (2,2), (6,6), (4,4), (0,0). */
    int scale = knobs % 10;
    int max_decimals = (knobs / 10) % (scale + 1);
    why[0] = '\0';
    pc_status st = pc_parse_decimal(text, max_decimals, scale, &v, why, sizeof why);
    check_why(st, why);

    int64_t cents = 0;
    why[0] = '\0';
    st = pc_parse_money(text, &cents, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK) {
        /* Formatting back gives text that parses to the same cents. */
        int64_t again;
        pc_money_format(cents, 2, buf, sizeof buf);
        FUZZ_REQUIRE(pc_parse_money(buf, &again, why, sizeof why) == PC_OK && again == cents);
        pc_money_format_display(cents, 2, buf, sizeof buf);
        FUZZ_REQUIRE(pc_parse_money(buf, &again, why, sizeof why) == PC_OK && again == cents);
        /* Rounding to whole dollars moves by at most half a dollar. */
        int64_t whole;
        if (pc_money_round(cents, 0, &whole) == PC_OK) {
            FUZZ_REQUIRE(whole % 100 == 0);
            int64_t diff = whole - cents;
            FUZZ_REQUIRE(diff >= -50 && diff <= 50);
        }
    }

    int64_t micro = 0;
    why[0] = '\0';
    st = pc_parse_price(text, &micro, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK) {
        int64_t again;
        pc_micro_format(micro, knobs2 % 7, buf, sizeof buf);
        FUZZ_REQUIRE(pc_parse_price(buf, &again, why, sizeof why) == PC_OK && again == micro);
        /* A rate divides an amount: never a crash, only a status. */
        int64_t usd;
        if (micro > 0)
            (void)pc_fx_convert(cents, micro, &usd);
        int64_t value;
        (void)pc_tranche_value_exact(cents, micro, micro, &value);
        (void)pc_mul_div_round(cents, micro, micro ? micro : 1, &value);
        (void)pc_mul3_div_round(cents, micro, cents, micro ? micro : 1, &value);
        (void)pc_round_div(cents, micro ? micro : 1, &value);
        (void)pc_money_from_double(pc_micro_to_double(micro) * 1e6, &value);
    }

    why[0] = '\0';
    int64_t max_plain = (int64_t)(knobs2 % 8) * PC_MICRO;
    st = pc_parse_fraction(text, max_plain, knobs2 & 0x80, &micro, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK && !(knobs2 & 0x80))
        FUZZ_REQUIRE(micro >= 0);

    /* A published figure as printed: never a crash; its precision within
     * the units it knows; a plain number reads as the price parser reads it. */
    pc_printed printed;
    why[0] = '\0';
    st = pc_parse_printed(text, &printed, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK && printed.published) {
        FUZZ_REQUIRE(printed.decimals >= -9 && printed.decimals <= 6);
        int64_t plain;
        if (pc_parse_price(text, &plain, why, sizeof why) == PC_OK)
            FUZZ_REQUIRE(printed.value_micro == plain && !printed.percent);
    }
    if (st != PC_OK)
        FUZZ_REQUIRE(!printed.published && printed.value_micro == 0);

    int64_t shares;
    why[0] = '\0';
    st = pc_parse_shares(text, &shares, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK)
        FUZZ_REQUIRE(shares >= 0);

    pc_date date;
    why[0] = '\0';
    st = pc_parse_date(text, &date, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK) {
        /* Only YYYY-MM-DD is accepted, so the date prints as it was written. */
        char out[16];
        FUZZ_REQUIRE(strcmp(pc_date_format(date, out), text) == 0);
        int y, m, d;
        pc_date_to_ymd(date, &y, &m, &d);
        FUZZ_REQUIRE(pc_date_valid_ymd(y, m, d) && pc_date_from_ymd(y, m, d) == date);
        /* Fiscal calendars from the knobs (never 02-29). */
        pc_fiscal_calendar cal = {1 + knobs % 12, 1 + knobs2 % 28};
        int fy = pc_fiscal_year_of(cal, date);
        if (fy > PC_YEAR_MIN && fy < PC_YEAR_MAX) {
            FUZZ_REQUIRE(pc_fiscal_year_start(cal, fy) <= date);
            FUZZ_REQUIRE(date <= pc_fiscal_year_end(cal, fy));
        }
    }

    int year;
    why[0] = '\0';
    st = pc_parse_year(text, &year, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK)
        FUZZ_REQUIRE(year >= PC_YEAR_MIN && year <= PC_YEAR_MAX);

    char code[4];
    why[0] = '\0';
    st = pc_parse_currency(text, code, why, sizeof why);
    check_why(st, why);
    if (st == PC_OK)
        FUZZ_REQUIRE(strlen(code) == 3 && code[0] >= 'A' && code[0] <= 'Z');
    free(text);
}

void fuzz_cli_body(const uint8_t *data, size_t size)
{
    const char *dir = scratch_dir();
    bool changed[PC_FILE_COUNT] = {false};
    size_t start = 0;
    int file = 0;
    for (size_t i = 0; i <= size && file < PC_FILE_COUNT; i++) {
        if (i < size && data[i] != '\f')
            continue;
        if (i > start) {
            char path[4096];
            path_in(path, sizeof path, dir, (pc_file)file);
            put(path, data + start, i - start);
            changed[file] = true;
        }
        file++;
        start = i + 1;
    }
    char out[4096], json[4200], xlsx[4200];
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(json, sizeof json, "%s/report.json", out);
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    unlink(json);
    unlink(xlsx);
    char *argv[] = {"paycalc", "run", (char *)dir, "--out", out, "--quiet", NULL};
    int rc = pc_cli_main(6, argv);
    if (rc != 0 && rc != 3)
        fprintf(stderr, "paycalc run exited %d\n", rc);
    FUZZ_REQUIRE(rc == 0 || rc == 3);
    if (rc == 0) {
        json_error_t err;
        json_t *root = json_load_file(json, 0, &err);
        FUZZ_REQUIRE(root != NULL);
        json_decref(root);
        require_workbook_parses(xlsx);
    } else {
        FUZZ_REQUIRE(access(json, F_OK) != 0 && access(xlsx, F_OK) != 0);
    }
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        if (changed[f]) {
            char path[4096];
            path_in(path, sizeof path, dir, (pc_file)f);
            put(path, fuzz_scratch.original[f], fuzz_scratch.original_size[f]);
        }
    }
}

void fuzz_reported_body(const uint8_t *data, size_t size)
{
    const char *dir = scratch_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/published.csv", dir);
    put(path, data, size);
    pc_dataset ds;
    pc_checks checks;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_checks_init(&checks);
    pc_diags_init(&diags);
    pc_status st = pc_read_reported_file(path, &ds, &diags);
    check_outcome(st, &diags, 0);
    if (st == PC_OK) {
        FUZZ_REQUIRE(pc_verify_internal(&ds, &checks) == PC_OK);
        check_checks(&checks, &ds);
        check_checks(&checks, NULL);
    }
    check_diags(&diags);
    pc_diags_fini(&diags);
    pc_checks_fini(&checks);
    pc_dataset_fini(&ds);
    /* The same bytes as last year's figures (--prior): a reported.csv, or,
     * when they open a JSON object, a report.json read value by value. */
    pc_dataset prior;
    pc_dataset_init(&prior);
    pc_diags_init(&diags);
    check_outcome(pc_read_prior(path, &prior, &diags), &diags, 0);
    check_diags(&diags);
    pc_diags_fini(&diags);
    pc_dataset_fini(&prior);
    unlink(path);
}

void fuzz_ixbrl_body(const uint8_t *data, size_t size)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    pc_dataset ds;
    pc_checks checks;
    pc_diags diags;
    pc_ixbrl_doc_init(&doc);
    pc_ixbrl_tables_init(&t);
    pc_dataset_init(&ds);
    pc_checks_init(&checks);
    pc_diags_init(&diags);
    pc_status st = pc_ixbrl_read_memory((const char *)data, size, "fuzz.htm", &doc, &diags);
    check_outcome(st, &diags, 0);
    if (st == PC_OK) {
        FUZZ_REQUIRE(pc_ixbrl_build(&doc, NULL, &t) == PC_OK);
        FUZZ_REQUIRE(t.rows.count == t.sources.count);
        for (size_t i = 0; i < t.sources.count; i++)
            FUZZ_REQUIRE(t.sources.items[i].fact < doc.facts.count);
        FUZZ_REQUIRE(pc_verify_ixbrl(&doc, &t, &ds, NULL, &checks) == PC_OK);
        check_checks(&checks, NULL);
        /* every finding of a tagged figure names its fact */
        for (size_t i = 0; i < checks.findings.count; i++)
            FUZZ_REQUIRE(checks.findings.items[i].concept != NULL);
        char *line = pc_checks_json_line(&checks, "fuzz.htm", t.company, t.fiscal_year, NULL);
        FUZZ_REQUIRE(line != NULL && strchr(line, '\n') == NULL);
        json_error_t error;
        json_t *parsed = json_loads(line, 0, &error);
        FUZZ_REQUIRE(parsed != NULL);
        json_decref(parsed);
        free(line);
    }
    check_diags(&diags);
    pc_diags_fini(&diags);
    pc_checks_fini(&checks);
    pc_dataset_fini(&ds);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
}
