/*
 * Last year's figures for `--prior FILE` (SPEC section 8): the report.json
 * of last year's run, or the reported.csv of last year's proxy. Either way
 * they become published rows (table, year, subject, item, value) in a
 * dataset of their own, so the restated check compares two lists of the
 * same kind whatever the source.
 *
 * The file is loaded by the input readers' one loader (pc_read_load: size
 * limit, no FIFO or device, a UTF-8 byte-order mark skipped) and recognised
 * by its content, not its name: a JSON object is a report.json, anything
 * else a reported.csv. A yearly routine keeps last year's reports under any
 * name.
 *
 * report.json is read as a stream, one value at a time, never as a whole
 * tree: a report with a large award detail costs its own size in memory
 * plus the figures kept, not ten times its size in JSON nodes. Only the
 * three tables whose figures are compared (and the company, to refuse
 * another company's report) are looked at; every other value is checked
 * for syntax and skipped. A figure is read from its text by the same
 * overflow-checked decimal parser as the input files (pc_parse_decimal), so
 * 1e14 is "too large", never a wrapped integer. SCT figures are whole
 * dollars (R3); the other money figures carry cents.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/text.h"
#include "read_internal.h"

#define AVERAGE "non_peo_neo_average"
#define COMPANY "company"
#define MAX_DEPTH 64     /* nesting of the values skipped; a report.json has 4 */
#define MAX_EXPONENT 400 /* a JSON number's exponent: beyond it no amount is possible */

/* Where a value starts in the file, and how long its text is. */
typedef struct span {
    size_t at, len;
    int line, column; /* column: bytes from the start of the line, 1-based */
} span;

/* One figure of a row: `seen` once its key was read, `present` when its
 * value is a number (null means "not in last year's report"). */
typedef struct slot {
    bool seen, present;
    span value;
} slot;

typedef struct peo_entry {
    char *person;
    slot sct_total, cap;
    int line;
} peo_entry;

/* One row of a table, as read so far: its keys come in any order. */
typedef struct row {
    int line, column;
    bool year_seen, subject_seen;
    int year; /* 0 when it has none */
    char *subject;
    slot sct[PC_SCT_NCOLUMNS];
    slot cap[PC_CAP_NLINES];
    slot average[3]; /* count, sct_total, cap */
    bool average_seen;
    slot company[4]; /* tsr, peer_group_tsr, net_income, company_selected_measure */
    bool peo_seen;
    PC_ARRAY(peo_entry) peo;
} row;

static const char *const average_items[] = {"count", "sct_total", "cap"};
static const int average_decimals[] = {0, 2, 2};
static const char *const company_items[] = {"tsr", "peer_group_tsr", "net_income",
                                            "company_selected_measure"};
static const int company_decimals[] = {2, 2, 2, 6};

typedef struct prior_reader {
    pc_read_ctx *rd;
    const char *path;
    pc_dataset *ds;
    const char *text;
    size_t len, pos;
    int line;
    size_t line_start;
    bool broken; /* the JSON syntax is broken: reading stopped there */
} prior_reader;

static bool stopped(const prior_reader *r)
{
    return r->broken || pc_read_halted(r->rd);
}

static int column(const prior_reader *r)
{
    return (int)(r->pos - r->line_start) + 1;
}

static void syntax_error(prior_reader *r, const char *what)
{
    if (r->broken)
        return;
    r->broken = true;
    pc_read_error(r->rd, r->path, r->line, column(r), "bad_prior",
                  "last year's report is not valid JSON: %s", what);
}

static void skip_space(prior_reader *r)
{
    for (; r->pos < r->len; r->pos++) {
        char c = r->text[r->pos];
        if (c == '\n') {
            r->line++;
            r->line_start = r->pos + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            break;
        }
    }
}

static char peek(prior_reader *r)
{
    skip_space(r);
    return r->pos < r->len ? r->text[r->pos] : '\0';
}

static bool take(prior_reader *r, char c)
{
    if (peek(r) != c)
        return false;
    r->pos++;
    return true;
}

/* A JSON string at the cursor, decoded by jansson (escapes, UTF-8); NULL
 * after a syntax error (reported) or out of memory. */
static char *read_string(prior_reader *r)
{
    if (peek(r) != '"') {
        syntax_error(r, "a string was expected");
        return NULL;
    }
    size_t end = r->pos + 1;
    while (end < r->len && r->text[end] != '"')
        end += r->text[end] == '\\' ? 2 : 1;
    if (end >= r->len) {
        syntax_error(r, "a string is not closed");
        return NULL;
    }
    json_error_t err;
    json_t *s = json_loadb(r->text + r->pos, end + 1 - r->pos, JSON_DECODE_ANY, &err);
    if (!s) {
        syntax_error(r, err.text);
        return NULL;
    }
    char *out = pc_strdup(json_string_value(s));
    json_decref(s);
    if (!out)
        r->rd->nomem = true;
    r->pos = end + 1;
    return out;
}

static bool is_digit_at(const prior_reader *r, size_t p)
{
    return p < r->len && isdigit((unsigned char)r->text[p]);
}

/* A JSON number at the cursor (RFC 8259 section 6): its span. */
static bool scan_number(prior_reader *r, span *out)
{
    size_t p = r->pos;
    if (p < r->len && r->text[p] == '-')
        p++;
    if (!is_digit_at(r, p)) {
        syntax_error(r, "a value was expected");
        return false;
    }
    if (r->text[p] == '0')
        p++;
    else
        while (is_digit_at(r, p))
            p++;
    if (p < r->len && r->text[p] == '.') {
        if (!is_digit_at(r, ++p)) {
            syntax_error(r, "a digit was expected after the decimal point");
            return false;
        }
        while (is_digit_at(r, p))
            p++;
    }
    if (p < r->len && (r->text[p] == 'e' || r->text[p] == 'E')) {
        p++;
        if (p < r->len && (r->text[p] == '+' || r->text[p] == '-'))
            p++;
        if (!is_digit_at(r, p)) {
            syntax_error(r, "a digit was expected in the exponent");
            return false;
        }
        while (is_digit_at(r, p))
            p++;
    }
    *out = (span){r->pos, p - r->pos, r->line, column(r)};
    r->pos = p;
    return true;
}

/* true, false or null at the cursor. */
static bool take_literal(prior_reader *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->pos < n || memcmp(r->text + r->pos, word, n) != 0)
        return false;
    r->pos += n;
    return true;
}

typedef void (*member_fn)(prior_reader *r, const char *key, void *ctx, int depth);
typedef void (*element_fn)(prior_reader *r, void *ctx, int depth);

static void skip_value(prior_reader *r, int depth);

/* An object at the cursor: `fn` reads each member's value (NULL: skipped). */
static void walk_object(prior_reader *r, int depth, member_fn fn, void *ctx)
{
    if (!take(r, '{')) {
        syntax_error(r, "'{' was expected");
        return;
    }
    if (take(r, '}'))
        return;
    while (!stopped(r)) {
        char *key = read_string(r);
        if (!key)
            return;
        if (!take(r, ':')) {
            free(key);
            syntax_error(r, "':' was expected after a key");
            return;
        }
        if (fn)
            fn(r, key, ctx, depth + 1);
        else
            skip_value(r, depth + 1);
        free(key);
        if (stopped(r) || take(r, '}'))
            return;
        if (!take(r, ',')) {
            syntax_error(r, "',' or '}' was expected");
            return;
        }
    }
}

/* An array at the cursor: `fn` reads each element (NULL: skipped). */
static void walk_array(prior_reader *r, int depth, element_fn fn, void *ctx)
{
    if (!take(r, '[')) {
        syntax_error(r, "'[' was expected");
        return;
    }
    if (take(r, ']'))
        return;
    while (!stopped(r)) {
        if (fn)
            fn(r, ctx, depth + 1);
        else
            skip_value(r, depth + 1);
        if (stopped(r) || take(r, ']'))
            return;
        if (!take(r, ',')) {
            syntax_error(r, "',' or ']' was expected");
            return;
        }
    }
}

static void skip_value(prior_reader *r, int depth)
{
    if (depth > MAX_DEPTH) {
        syntax_error(r, "values are nested too deeply");
        return;
    }
    char c = peek(r);
    span ignored;
    if (c == '{') {
        walk_object(r, depth, NULL, NULL);
    } else if (c == '[') {
        walk_array(r, depth, NULL, NULL);
    } else if (c == '"') {
        free(read_string(r));
    } else if (c == '-' || isdigit((unsigned char)c)) {
        (void)scan_number(r, &ignored);
    } else if (!take_literal(r, "true") && !take_literal(r, "false") && !take_literal(r, "null")) {
        syntax_error(r, c ? "a value was expected" : "the file ends inside a value");
    }
}

/* The error of one key in the current row, at the cursor. */
static void key_error(prior_reader *r, const char *key, const char *what)
{
    pc_read_error(r->rd, r->path, r->line, column(r), "bad_prior", "'%s' %s", key, what);
}

/* A figure's value at the cursor: a number, or null. */
static void read_figure(prior_reader *r, const char *key, slot *s, int depth)
{
    char c = peek(r);
    if (s->seen)
        key_error(r, key, "appears twice in one row");
    s->seen = true;
    if (c == '-' || isdigit((unsigned char)c)) {
        s->present = scan_number(r, &s->value);
    } else if (c == 'n' && take_literal(r, "null")) {
        s->present = false;
    } else {
        key_error(r, key, "is not a number");
        s->present = false;
        skip_value(r, depth);
    }
}

/* A text value at the cursor; NULL when it is not a string or is empty
 * (the row then has none). */
static char *read_text(prior_reader *r, int depth)
{
    if (peek(r) != '"') {
        skip_value(r, depth);
        return NULL;
    }
    char *s = read_string(r);
    if (s && !s[0]) {
        free(s);
        s = NULL;
    }
    return s;
}

static void read_year(prior_reader *r, row *w, int depth)
{
    if (w->year_seen)
        key_error(r, "year", "appears twice in one row");
    w->year_seen = true;
    span y;
    char c = peek(r);
    if (!isdigit((unsigned char)c)) {
        skip_value(r, depth);
        return;
    }
    if (!scan_number(r, &y))
        return;
    int year = 0;
    for (size_t i = 0; i < y.len && year < 10000; i++)
        year = isdigit((unsigned char)r->text[y.at + i]) ? year * 10 + (r->text[y.at + i] - '0')
                                                         : 10000;
    w->year = year >= 1900 && year <= 9999 ? year : 0;
}

static void read_subject(prior_reader *r, row *w, const char *key, int depth)
{
    if (w->subject_seen)
        key_error(r, key, "appears twice in one row");
    w->subject_seen = true;
    free(w->subject);
    w->subject = read_text(r, depth);
}

/* The figure slot of `key` among `n` keys, or NULL. */
static slot *find_slot(slot *slots, const char *const *keys, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(keys[i], key))
            return &slots[i];
    return NULL;
}

static void sct_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    row *w = ctx;
    for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
        if (!strcmp(key, pc_sct_key((pc_sct_column)c))) {
            read_figure(r, key, &w->sct[c], depth);
            return;
        }
    if (!strcmp(key, "year"))
        read_year(r, w, depth);
    else if (!strcmp(key, "person_id"))
        read_subject(r, w, key, depth);
    else
        skip_value(r, depth);
}

static void cap_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    row *w = ctx;
    for (int l = 0; l < PC_CAP_NLINES; l++)
        if (!strcmp(key, pc_cap_key((pc_cap_line)l))) {
            read_figure(r, key, &w->cap[l], depth);
            return;
        }
    if (!strcmp(key, "year"))
        read_year(r, w, depth);
    else if (!strcmp(key, "subject"))
        read_subject(r, w, key, depth);
    else
        skip_value(r, depth);
}

static void peo_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    peo_entry *p = ctx;
    if (!strcmp(key, "sct_total")) {
        read_figure(r, key, &p->sct_total, depth);
    } else if (!strcmp(key, "cap")) {
        read_figure(r, key, &p->cap, depth);
    } else if (!strcmp(key, "person_id")) {
        free(p->person);
        p->person = read_text(r, depth);
    } else {
        skip_value(r, depth);
    }
}

static void peo_element(prior_reader *r, void *ctx, int depth)
{
    row *w = ctx;
    peo_entry *p = PC_ARRAY_PUSH(&w->peo);
    if (!p) {
        r->rd->nomem = true;
        r->broken = true;
        return;
    }
    memset(p, 0, sizeof *p);
    p->line = (skip_space(r), r->line);
    if (peek(r) == '{')
        walk_object(r, depth, peo_member, p);
    else
        skip_value(r, depth);
}

static void average_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    row *w = ctx;
    slot *s = find_slot(w->average, average_items, 3, key);
    if (s)
        read_figure(r, key, s, depth);
    else
        skip_value(r, depth);
}

static void pvp_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    row *w = ctx;
    slot *s = find_slot(w->company, company_items, 4, key);
    if (s) {
        read_figure(r, key, s, depth);
    } else if (!strcmp(key, "year")) {
        read_year(r, w, depth);
    } else if (!strcmp(key, "peo")) {
        if (w->peo_seen)
            key_error(r, key, "appears twice in one row");
        w->peo_seen = true;
        if (peek(r) == '[')
            walk_array(r, depth, peo_element, w);
        else
            skip_value(r, depth);
    } else if (!strcmp(key, AVERAGE)) {
        if (w->average_seen)
            key_error(r, key, "appears twice in one row");
        w->average_seen = true;
        if (peek(r) == '{')
            walk_object(r, depth, average_member, w);
        else
            skip_value(r, depth);
    } else {
        skip_value(r, depth);
    }
}

/* The JSON number `t` (n bytes, already checked by scan_number) as a plain
 * decimal into `out`: an exponent is written out ("1e14" becomes
 * "100000000000000", "2.5E-1" becomes "0.25") so that the one decimal
 * parser reads every figure and judges its size. False when out of memory. */
static bool plain_decimal(const char *t, size_t n, pc_buf *out)
{
    size_t e = 0;
    while (e < n && t[e] != 'e' && t[e] != 'E')
        e++;
    if (e == n)
        return pc_buf_append(out, t, n);
    /* Beyond MAX_EXPONENT no amount is possible either way: the parser
     * then says "too large" or "at most N decimals". */
    long exponent = strtol(t + e + 1, NULL, 10);
    if (exponent > MAX_EXPONENT)
        exponent = MAX_EXPONENT;
    if (exponent < -MAX_EXPONENT)
        exponent = -MAX_EXPONENT;
    size_t start = t[0] == '-' ? 1 : 0;
    const char *dot = memchr(t + start, '.', e - start);
    size_t int_len = (size_t)((dot ? dot : t + e) - (t + start));
    pc_buf digits;
    pc_buf_init(&digits);
    pc_buf_append(&digits, t + start, int_len);
    if (dot)
        pc_buf_append(&digits, dot + 1, (size_t)(t + e - dot - 1));
    long ndigits = (long)digits.len;
    long point = (long)int_len + exponent; /* digits before the point */
    const char *d = pc_buf_text(&digits);
    pc_buf_append(out, t, start);
    if (point <= 0) {
        pc_buf_puts(out, "0.");
        for (long z = 0; z < -point; z++)
            pc_buf_puts(out, "0");
        pc_buf_append(out, d, (size_t)ndigits);
    } else if (point >= ndigits) {
        pc_buf_append(out, d, (size_t)ndigits);
        for (long z = ndigits; z < point; z++)
            pc_buf_puts(out, "0");
    } else {
        pc_buf_append(out, d, (size_t)point);
        pc_buf_puts(out, ".");
        pc_buf_append(out, d + point, (size_t)(ndigits - point));
    }
    bool ok = !digits.failed && !out->failed;
    pc_buf_fini(&digits);
    return ok;
}

/* One figure into the dataset: its text read as a decimal of at most
 * `decimals` decimals, in millionths (SPEC section 3). */
static void add(prior_reader *r, pc_reported_table table, int year, const char *subject,
                const char *item, const slot *s, int decimals)
{
    if (!s->present || stopped(r))
        return;
    const char *t = r->text + s->value.at;
    size_t n = s->value.len;
    pc_buf plain;
    pc_buf_init(&plain);
    if (!plain_decimal(t, n, &plain)) {
        pc_buf_fini(&plain);
        r->rd->nomem = true;
        return;
    }
    int64_t micro;
    char why[160];
    pc_status st = pc_parse_decimal(pc_buf_text(&plain), decimals, 6, &micro, why, sizeof why);
    if (st != PC_OK) {
        pc_buf_fini(&plain);
        char *shown = pc_text_format("%.*s", (int)(n > 40 ? 40 : n), t);
        pc_read_error(r->rd, r->path, s->value.line, s->value.column, "bad_prior",
                      "%s of %s for %d: %s ('%s')", item, subject, year,
                      st == PC_ERR_SYNTAX && decimals == 0 ? "a whole number was expected" : why,
                      shown ? shown : "");
        free(shown);
        return;
    }
    pc_buf_fini(&plain);
    pc_reported *out = PC_ARRAY_PUSH(&r->ds->reported);
    if (!out) {
        r->rd->nomem = true;
        return;
    }
    out->table = table;
    out->year = year;
    out->subject = pc_strdup(subject);
    out->item = pc_strdup(item);
    out->value_micro = micro;
    out->decimals = decimals;
    out->percent = false;
    out->line = 0;
    if (!out->subject || !out->item)
        r->rd->nomem = true;
}

static void row_fini(row *w)
{
    free(w->subject);
    for (size_t i = 0; i < w->peo.count; i++)
        free(w->peo.items[i].person);
    free(w->peo.items);
}

typedef enum table_kind { SCT, PVP, CAP } table_kind;

static const char *const table_names[] = {"summary_compensation_table", "pay_versus_performance",
                                          "cap_reconciliation"};

/* A row of one of the three tables, its figures added once it is whole. */
static void read_row(prior_reader *r, table_kind kind, int depth)
{
    row w;
    memset(&w, 0, sizeof w);
    skip_space(r);
    w.line = r->line;
    w.column = column(r);
    static const member_fn members[] = {sct_member, pvp_member, cap_member};
    if (peek(r) == '{')
        walk_object(r, depth, members[kind], &w);
    else
        skip_value(r, depth);
    const char *table = table_names[kind];
    if (stopped(r)) {
        row_fini(&w);
        return;
    }
    if (!w.year) {
        pc_read_error(r->rd, r->path, w.line, w.column, "bad_prior", "a row of %s has no year",
                      table);
    } else if (kind == SCT || kind == CAP) {
        if (!w.subject) {
            pc_read_error(r->rd, r->path, w.line, w.column, "bad_prior",
                          "a row of %s for %d has no %s", table, w.year,
                          kind == SCT ? "person_id" : "subject");
        } else if (kind == SCT) {
            for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
                add(r, PC_REPORTED_SCT, w.year, w.subject, pc_sct_key((pc_sct_column)c), &w.sct[c],
                    0);
        } else {
            for (int l = 0; l < PC_CAP_NLINES; l++)
                add(r, PC_REPORTED_CAP, w.year, w.subject, pc_cap_key((pc_cap_line)l), &w.cap[l],
                    2);
        }
    } else {
        for (size_t i = 0; i < w.peo.count; i++) {
            const peo_entry *p = &w.peo.items[i];
            if (!p->person) {
                pc_read_error(r->rd, r->path, p->line, 0, "bad_prior",
                              "a PEO of %s for %d has no person_id", table, w.year);
                continue;
            }
            add(r, PC_REPORTED_PVP, w.year, p->person, "sct_total", &p->sct_total, 0);
            add(r, PC_REPORTED_PVP, w.year, p->person, "cap", &p->cap, 2);
        }
        for (size_t m = 0; m < 3; m++)
            add(r, PC_REPORTED_PVP, w.year, AVERAGE, average_items[m], &w.average[m],
                average_decimals[m]);
        for (size_t m = 0; m < 4; m++)
            add(r, PC_REPORTED_PVP, w.year, COMPANY, company_items[m], &w.company[m],
                company_decimals[m]);
    }
    row_fini(&w);
}

static void sct_row(prior_reader *r, void *ctx, int depth)
{
    (void)ctx;
    read_row(r, SCT, depth);
}

static void pvp_row(prior_reader *r, void *ctx, int depth)
{
    (void)ctx;
    read_row(r, PVP, depth);
}

static void cap_row(prior_reader *r, void *ctx, int depth)
{
    (void)ctx;
    read_row(r, CAP, depth);
}

static void company_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    pc_config *config = ctx;
    char **to = !strcmp(key, "name")     ? &config->company_name
                : !strcmp(key, "ticker") ? &config->ticker
                                         : NULL;
    if (!to) {
        skip_value(r, depth);
        return;
    }
    free(*to);
    *to = read_text(r, depth);
}

/* What the top level of report.json held. */
typedef struct top {
    bool seen[5]; /* schema_version, company, the three tables */
    bool version_1;
    bool table_is_list[3];
} top;

static void top_member(prior_reader *r, const char *key, void *ctx, int depth)
{
    top *t = ctx;
    static const char *const keys[] = {"schema_version", "company", "summary_compensation_table",
                                       "pay_versus_performance", "cap_reconciliation"};
    size_t k = 0;
    while (k < 5 && strcmp(keys[k], key) != 0)
        k++;
    if (k == 5) {
        skip_value(r, depth);
        return;
    }
    if (t->seen[k])
        key_error(r, key, "appears twice in last year's report");
    t->seen[k] = true;
    char c = peek(r);
    if (k == 0) {
        span v;
        if (c == '1' && scan_number(r, &v))
            t->version_1 = v.len == 1;
        else
            skip_value(r, depth);
    } else if (k == 1 && c == '{') {
        walk_object(r, depth, company_member, &r->ds->config);
    } else if (k >= 2 && c == '[') {
        static const element_fn rows[] = {sct_row, pvp_row, cap_row};
        t->table_is_list[k - 2] = true;
        walk_array(r, depth, rows[k - 2], NULL);
    } else {
        skip_value(r, depth);
    }
}

static void read_report_json(prior_reader *r)
{
    top t;
    memset(&t, 0, sizeof t);
    walk_object(r, 0, top_member, &t);
    if (!stopped(r) && peek(r) != '\0')
        syntax_error(r, "there is more text after the report's closing '}'");
    if (stopped(r))
        return;
    if (!t.version_1) {
        pc_read_error(r->rd, r->path, 0, 0, "bad_prior",
                      "last year's report is not a paycalc report.json of schema_version 1 "
                      "(nor a reported.csv)");
        return;
    }
    for (size_t k = 0; k < 3; k++)
        if (!t.table_is_list[k])
            pc_read_error(r->rd, r->path, 0, 0, "bad_prior", "last year's report has no %s list",
                          table_names[k]);
}

pc_status pc_read_prior(const char *path, pc_dataset *prior, pc_diags *diags)
{
    if (!path || !prior || !diags)
        return PC_ERR_USAGE;
    pc_read_ctx rd;
    pc_read_init(&rd, diags);
    char *data = NULL;
    const char *text;
    size_t len;
    pc_read_open opened = pc_read_load(&rd, path, &data, &text, &len);
    if (opened == PC_READ_ABSENT)
        pc_read_error(&rd, path, 0, 0, "bad_prior",
                      "cannot read last year's figures (--prior): there is no such file");
    bool json = false;
    if (opened == PC_READ_READ) {
        size_t i = 0;
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            i++;
        json = i < len && text[i] == '{';
    }
    if (opened == PC_READ_READ && json) {
        free(prior->files[PC_FILE_REPORTED].path);
        prior->files[PC_FILE_REPORTED].path = pc_strdup(path);
        if (!prior->files[PC_FILE_REPORTED].path)
            rd.nomem = true;
        prior_reader r = {&rd, path, prior, text, len, 0, 1, 0, false};
        if (!rd.nomem)
            read_report_json(&r);
    }
    free(data);
    bool failed = opened != PC_READ_READ || rd.diags->errors > rd.base_errors;
    bool nomem = rd.nomem;
    pc_read_fini(&rd);
    if (nomem)
        return PC_ERR_NOMEM;
    if (failed)
        return PC_ERR_INPUT;
    if (!json) /* a reported.csv, read like this year's */
        return pc_read_reported_file(path, prior, diags);
    return PC_OK;
}
