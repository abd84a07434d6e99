/*
 * Last year's figures for `--prior FILE` (SPEC section 8): the report.json
 * of last year's run, or the reported.csv of last year's proxy. Either way
 * they become published rows (table, year, subject, item, value) in a
 * dataset of their own, so the restated check compares two lists of the
 * same kind whatever the source.
 *
 * report.json is recognised by its content (a JSON object), not its name:
 * a yearly routine keeps last year's reports under any name. Its SCT
 * figures are whole dollars (R3); the other money figures carry cents.
 * Numbers are read through jansson's double and rounded to the cent, exact
 * for amounts below 90 trillion dollars.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/money.h"
#include "paycalc/read.h"
#include "paycalc/report.h"

#define AVERAGE "non_peo_neo_average"
#define COMPANY "company"

typedef struct prior_reader {
    const char *path;
    pc_dataset *ds;
    pc_diags *diags;
    pc_status st; /* the first failure: PC_ERR_INPUT or PC_ERR_NOMEM */
} prior_reader;

static void failed(prior_reader *r, pc_status st)
{
    if (r->st == PC_OK)
        r->st = st;
}

static void input_error(prior_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void input_error(prior_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_status st = pc_diags_addv(r->diags, PC_SEVERITY_ERROR, r->path, 0, 0, "bad_prior", fmt, ap);
    va_end(ap);
    failed(r, st == PC_ERR_NOMEM ? st : PC_ERR_INPUT);
}

/* One figure: `value` is a JSON number of `decimals` decimals at most. */
static void add(prior_reader *r, pc_reported_table table, int year, const char *subject,
                const char *item, json_t *value, int decimals)
{
    if (!value || json_is_null(value))
        return; /* not in last year's report: nothing to compare */
    if (!json_is_number(value)) {
        input_error(r, "%s for %d is not a number", item, year);
        return;
    }
    double scaled = json_number_value(value) * pow(10, decimals);
    if (!(fabs(scaled) < 9e15)) {
        input_error(r, "%s for %d is too large", item, year);
        return;
    }
    int64_t micro = (int64_t)llround(scaled);
    for (int d = decimals; d < 6; d++)
        micro *= 10;
    pc_reported *row = PC_ARRAY_PUSH(&r->ds->reported);
    if (!row) {
        failed(r, PC_ERR_NOMEM);
        return;
    }
    row->table = table;
    row->year = year;
    row->subject = pc_strdup(subject);
    row->item = pc_strdup(item);
    row->value_micro = micro;
    row->decimals = decimals;
    row->line = 0;
    if (!row->subject || !row->item)
        failed(r, PC_ERR_NOMEM);
}

/* The year of a row, or 0 (reported) when it has none. */
static int year_of(prior_reader *r, json_t *row, const char *table)
{
    json_t *year = json_object_get(row, "year");
    if (!json_is_integer(year) || json_integer_value(year) < 1900 ||
        json_integer_value(year) > 9999) {
        input_error(r, "a row of %s has no year", table);
        return 0;
    }
    return (int)json_integer_value(year);
}

static const char *text_of(json_t *row, const char *key)
{
    const char *s = json_string_value(json_object_get(row, key));
    return s && s[0] ? s : NULL;
}

static void read_sct(prior_reader *r, json_t *rows)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        int year = year_of(r, row, "summary_compensation_table");
        const char *person = text_of(row, "person_id");
        if (!year || !person) {
            if (year)
                input_error(r, "a row of %s for %d has no person_id", "summary_compensation_table",
                            year);
            continue;
        }
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            add(r, PC_REPORTED_SCT, year, person, pc_sct_key((pc_sct_column)c),
                json_object_get(row, pc_sct_key((pc_sct_column)c)), 0);
    }
}

static void read_pvp(prior_reader *r, json_t *rows)
{
    size_t i, k;
    json_t *row, *peo;
    json_array_foreach(rows, i, row)
    {
        int year = year_of(r, row, "pay_versus_performance");
        if (!year)
            continue;
        json_array_foreach(json_object_get(row, "peo"), k, peo)
        {
            const char *person = text_of(peo, "person_id");
            if (!person) {
                input_error(r, "a PEO of %s for %d has no person_id", "pay_versus_performance",
                            year);
                continue;
            }
            add(r, PC_REPORTED_PVP, year, person, "sct_total", json_object_get(peo, "sct_total"),
                0);
            add(r, PC_REPORTED_PVP, year, person, "cap", json_object_get(peo, "cap"), 2);
        }
        json_t *average = json_object_get(row, AVERAGE);
        if (json_is_object(average)) {
            add(r, PC_REPORTED_PVP, year, AVERAGE, "count", json_object_get(average, "count"), 0);
            static const char *const money[] = {"sct_total", "cap"};
            for (size_t m = 0; m < 2; m++)
                add(r, PC_REPORTED_PVP, year, AVERAGE, money[m], json_object_get(average, money[m]),
                    2);
        }
        static const char *const company[] = {"tsr", "peer_group_tsr", "net_income"};
        for (size_t m = 0; m < 3; m++)
            add(r, PC_REPORTED_PVP, year, COMPANY, company[m], json_object_get(row, company[m]), 2);
        add(r, PC_REPORTED_PVP, year, COMPANY, "company_selected_measure",
            json_object_get(row, "company_selected_measure"), 6);
    }
}

static void read_cap(prior_reader *r, json_t *rows)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        int year = year_of(r, row, "cap_reconciliation");
        const char *subject = text_of(row, "subject");
        if (!year || !subject) {
            if (year)
                input_error(r, "a row of %s for %d has no subject", "cap_reconciliation", year);
            continue;
        }
        for (int l = 0; l < PC_CAP_NLINES; l++)
            add(r, PC_REPORTED_CAP, year, subject, pc_cap_key((pc_cap_line)l),
                json_object_get(row, pc_cap_key((pc_cap_line)l)), 2);
    }
}

static pc_status read_report_json(prior_reader *r)
{
    json_error_t err;
    json_t *root = json_load_file(r->path, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        pc_status st = pc_error(r->diags, r->path, err.line > 0 ? err.line : 0,
                                err.column > 0 ? err.column : 0, "bad_prior",
                                "last year's report is not valid JSON: %s", err.text);
        return st == PC_ERR_NOMEM ? st : PC_ERR_INPUT;
    }
    static const char *const tables[] = {"summary_compensation_table", "pay_versus_performance",
                                         "cap_reconciliation"};
    void (*const readers[])(prior_reader *, json_t *) = {read_sct, read_pvp, read_cap};
    json_t *version = json_object_get(root, "schema_version");
    if (!json_is_integer(version) || json_integer_value(version) != 1) {
        input_error(r, "last year's report is not a paycalc report.json of schema_version 1 "
                       "(nor a reported.csv)");
    } else {
        for (size_t t = 0; t < 3; t++) {
            json_t *rows = json_object_get(root, tables[t]);
            if (!json_is_array(rows))
                input_error(r, "last year's report has no %s list", tables[t]);
            else
                readers[t](r, rows);
        }
    }
    json_decref(root);
    return r->st;
}

/* True when the file's first character (after a byte-order mark and white
 * space) opens a JSON object. */
static bool looks_like_json(FILE *f)
{
    int c;
    unsigned char bom[3];
    size_t got = fread(bom, 1, 3, f);
    if (!(got == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF))
        rewind(f);
    while ((c = fgetc(f)) == ' ' || c == '\t' || c == '\r' || c == '\n')
        ;
    return c == '{';
}

pc_status pc_read_prior(const char *path, pc_dataset *prior, pc_diags *diags)
{
    if (!path || !prior || !diags)
        return PC_ERR_USAGE;
    /* A regular file no larger than an input file may be (SPEC section 14). */
    struct stat st;
    const char *why = stat(path, &st) != 0               ? strerror(errno)
                      : !S_ISREG(st.st_mode)             ? "not a regular file"
                      : st.st_size > PC_LIMIT_FILE_BYTES ? "larger than an input file may be"
                                                         : NULL;
    FILE *f = why ? NULL : fopen(path, "rb");
    if (!why && !f)
        why = strerror(errno);
    if (why) {
        pc_status e = pc_error(diags, path, 0, 0, "bad_prior",
                               "cannot read last year's figures (--prior): %s", why);
        return e == PC_ERR_NOMEM ? e : PC_ERR_INPUT;
    }
    bool json = looks_like_json(f);
    fclose(f);
    free(prior->files[PC_FILE_REPORTED].path);
    prior->files[PC_FILE_REPORTED].path = pc_strdup(path);
    if (!prior->files[PC_FILE_REPORTED].path)
        return PC_ERR_NOMEM;
    if (!json)
        return pc_read_reported_file(path, prior, diags);
    prior_reader r = {path, prior, diags, PC_OK};
    return read_report_json(&r);
}
