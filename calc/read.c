/*
 * Reading an input set (SPEC section 2) into a pc_dataset: one row handler
 * per CSV file, the checks that span files (references between files, the
 * tranches of each award, the files one file makes necessary), and the
 * duplicate checks. The CSV and JSON mechanics are in read_csv.c and
 * read_config.c.
 *
 * Every problem is reported with file, line, column (the 1-based position of
 * the value in its row) and the value, and reading goes on, so that
 * `paycalc check` lists them all. Lookups go through the dataset's sorted
 * indexes (pc_dataset_index) and duplicates are found by sorting keys, so a
 * file of a million rows reads in linear-logarithmic time.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "read_internal.h"

typedef struct bool_array {
    bool *items;
    size_t count;
    size_t capacity;
} bool_array;

typedef struct reader {
    rd_ctx rd;
    pc_dataset *ds;
    bool standalone; /* pc_read_reported_file: no configuration, no people */
    pc_file file;    /* the file being read */
    const rd_column *columns;
    /* Per award: its shares or tranches could not all be read, so the
     * tranche total is not checked. */
    bool_array award_unsure;
    /* The first cash row not in USD (fx.csv is then required). */
    int foreign_line, foreign_column;
    char foreign_currency[4];
    /* The first performance-condition award (outcomes.csv is then required). */
    int performance_line, performance_column;
    char *performance_award;
    /* people.csv or awards.csv could not be read (the error is reported):
     * references to them are not reported one by one on top. */
    bool people_failed, awards_failed;
    /* Covered years with a PEO row in roles.csv and with a row in
     * performance.csv, counted even when the row has other errors (so a
     * wrong value does not also raise "no row for the year"). */
    bool peo_seen[PC_MAX_YEARS];
    bool performance_seen[PC_MAX_YEARS];
} reader;

static const char *path_of(const reader *r, pc_file file)
{
    return pc_dataset_path(r->ds, file);
}

static bool years_known(const reader *r)
{
    return !r->standalone && r->ds->config.nyears > 0;
}

static bool calendar_known(const reader *r)
{
    return !r->standalone && r->ds->config.fiscal_year_end.month > 0;
}

static char *dup_text(reader *r, const char *s)
{
    char *d = pc_strdup(s);
    if (!d)
        r->rd.nomem = true;
    return d;
}

static void *push(reader *r, void *pushed)
{
    if (!pushed)
        r->rd.nomem = true;
    return pushed;
}

/* ---- cells ---------------------------------------------------------------- */

static void cell_error(reader *r, const rd_row *row, int c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* An error at a value: the message starts with the column name (SPEC
 * section 2: every error names the file, line, column and the value). */
static void cell_error(reader *r, const rd_row *row, int c, const char *code, const char *fmt, ...)
{
    char text[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    rd_error(&r->rd, path_of(r, r->file), row->line_of[c], row->column[c], code, "%s: %s",
             r->columns[c].name, text);
}

static void cell_warning(reader *r, const rd_row *row, int c, const char *code, const char *fmt,
                         ...) __attribute__((format(printf, 5, 6)));

static void cell_warning(reader *r, const rd_row *row, int c, const char *code, const char *fmt,
                         ...)
{
    char text[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    rd_warning(&r->rd, path_of(r, r->file), row->line_of[c], row->column[c], code, "%s: %s",
               r->columns[c].name, text);
}

static bool has(const rd_row *row, int c)
{
    return row->value[c][0] != '\0';
}

static const char *val(const rd_row *row, int c)
{
    return row->value[c];
}

/* A required value: false (reported, unless already reported) when blank. */
static bool need(reader *r, const rd_row *row, int c, const char *why)
{
    if (has(row, c))
        return true;
    if (!row->silent[c])
        cell_error(r, row, c, "missing_value", "a value is required%s", why ? why : "");
    return false;
}

static bool parsed(reader *r, const rd_row *row, int c, pc_status st, const char *code,
                   const char *kind, const char *why)
{
    if (st == PC_OK)
        return true;
    cell_error(r, row, c, code, "invalid %s '%s': %s", kind, rd_show(&r->rd, val(row, c)), why);
    return false;
}

static bool get_date(reader *r, const rd_row *row, int c, pc_date *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(r, row, c, pc_parse_date(val(row, c), out, why, sizeof why), "bad_date", "date",
                  why);
}

static bool get_year(reader *r, const rd_row *row, int c, int *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(r, row, c, pc_parse_year(val(row, c), out, why, sizeof why), "bad_year", "year",
                  why);
}

static bool get_money(reader *r, const rd_row *row, int c, int64_t *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(r, row, c, pc_parse_money(val(row, c), out, why, sizeof why), "bad_amount",
                  "amount", why);
}

/* A price, per-share value or rate (6 decimals, micros), at least `min`
 * (in micros) and above it when `strict`. */
static bool get_price(reader *r, const rd_row *row, int c, const char *kind, int64_t min,
                      bool strict, int64_t *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    if (!parsed(r, row, c, pc_parse_price(val(row, c), out, why, sizeof why), "bad_number", kind,
                why))
        return false;
    if (*out < min || (strict && *out == min)) {
        cell_error(r, row, c, "bad_number", "invalid %s '%s': must be %s 0", kind,
                   rd_show(&r->rd, val(row, c)), strict ? "greater than" : "at least");
        return false;
    }
    return true;
}

/* A decimal of up to 6 places in micros, any sign. */
static bool get_decimal(reader *r, const rd_row *row, int c, const char *kind, int64_t *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(r, row, c, pc_parse_decimal(val(row, c), 6, 6, out, why, sizeof why),
                  "bad_number", kind, why);
}

static bool get_shares(reader *r, const rd_row *row, int c, int64_t *out)
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    if (!parsed(r, row, c, pc_parse_shares(val(row, c), out, why, sizeof why), "bad_shares",
                "number of shares", why))
        return false;
    if (*out <= 0) {
        cell_error(r, row, c, "bad_shares", "invalid number of shares '%s': must be more than 0",
                   rd_show(&r->rd, val(row, c)));
        return false;
    }
    return true;
}

/* A fraction (SPEC section 2): "0.85" or "85%"; above 5 without "%" is
 * refused as a likely percentage. */
static bool get_fraction(reader *r, const rd_row *row, int c, const char *kind, bool allow_negative,
                         int64_t *out)
{
    char why[200];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(
        r, row, c,
        pc_parse_fraction(val(row, c), 5 * PC_MICRO, allow_negative, out, why, sizeof why),
        "bad_fraction", kind, why);
}

static bool get_currency(reader *r, const rd_row *row, int c, char out[4])
{
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    return parsed(r, row, c, pc_parse_currency(val(row, c), out, why, sizeof why), "bad_currency",
                  "currency", why);
}

/* One of `names` (case does not matter): its index, or -1 (reported). */
static int get_choice(reader *r, const rd_row *row, int c, const char *const *names, int count)
{
    if (!need(r, row, c, NULL))
        return -1;
    for (int i = 0; i < count; i++)
        if (pc_read_same_word(val(row, c), names[i]))
            return i;
    char allowed[400] = "";
    size_t used = 0;
    for (int i = 0; i < count; i++)
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s",
                                 i == 0 ? "" : (i == count - 1 ? " or " : ", "), names[i]);
    cell_error(r, row, c, "bad_value", "invalid value '%s': use %s", rd_show(&r->rd, val(row, c)),
               allowed);
    return -1;
}

static bool get_person(reader *r, const rd_row *row, int c, size_t *index)
{
    if (!need(r, row, c, NULL))
        return false;
    if (pc_dataset_person(r->ds, val(row, c), index))
        return true;
    if (r->people_failed)
        return false;
    cell_error(r, row, c, "unknown_person", "unknown person '%s' (not in people.csv)",
               rd_show(&r->rd, val(row, c)));
    return false;
}

static bool get_award(reader *r, const rd_row *row, int c, size_t *index)
{
    if (!need(r, row, c, NULL))
        return false;
    if (pc_dataset_award(r->ds, val(row, c), index))
        return true;
    if (r->awards_failed)
        return false;
    cell_error(r, row, c, "unknown_award", "unknown award '%s' (not in awards.csv)",
               rd_show(&r->rd, val(row, c)));
    return false;
}

/* A tranche number: a whole number from 1. */
static bool get_tranche_number(reader *r, const rd_row *row, int c, int *out)
{
    int64_t n;
    char why[160];
    if (!need(r, row, c, NULL))
        return false;
    if (pc_parse_shares(val(row, c), &n, why, sizeof why) != PC_OK || n < 1 || n > INT_MAX) {
        cell_error(r, row, c, "bad_tranche",
                   "invalid tranche '%s': a tranche is numbered 1, 2, 3, ...",
                   rd_show(&r->rd, val(row, c)));
        return false;
    }
    *out = (int)n;
    return true;
}

/* The tranche of an award with that number (the tranches are indexed), or
 * NULL. */
static const pc_tranche *find_tranche(const pc_dataset *ds, size_t award, int number)
{
    size_t lo = 0, hi = ds->tranches.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const pc_tranche *t = &ds->tranches.items[mid];
        if (t->award < award || (t->award == award && t->number < number))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ds->tranches.count && ds->tranches.items[lo].award == award &&
        ds->tranches.items[lo].number == number)
        return &ds->tranches.items[lo];
    return NULL;
}

/* A blank tranche (0: every tranche of the award) or an existing one. */
static bool get_tranche_ref(reader *r, const rd_row *row, int c, bool have_award, size_t award,
                            int *out)
{
    *out = 0;
    if (!has(row, c))
        return !row->silent[c];
    if (!get_tranche_number(r, row, c, out))
        return false;
    if (have_award && r->ds->files[PC_FILE_VESTING].present && !find_tranche(r->ds, award, *out)) {
        cell_error(r, row, c, "unknown_tranche", "award '%s' has no tranche %d in vesting.csv",
                   rd_show(&r->rd, r->ds->awards.items[award].id), *out);
        return false;
    }
    return true;
}

/* Whether rows of `year` are read: the covered years only (SPEC section 2),
 * every year when there is no configuration to say which. */
static bool year_kept(const reader *r, int year)
{
    return !years_known(r) || pc_config_year_index(&r->ds->config, year) >= 0;
}

static const char *date_text(pc_date d, char *buf)
{
    return pc_date_format(d, buf);
}

/* ---- duplicates ------------------------------------------------------------ */

typedef struct dup_key {
    const char *s; /* may be NULL */
    int64_t a, b, c;
    size_t index; /* of the row in its dataset array */
    int line;
} dup_key;

static int compare_dup(const void *pa, const void *pb)
{
    const dup_key *x = pa, *y = pb;
    int c = strcmp(x->s ? x->s : "", y->s ? y->s : "");
    if (c)
        return c;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    if (x->c != y->c)
        return x->c < y->c ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static bool same_key(const dup_key *x, const dup_key *y)
{
    return strcmp(x->s ? x->s : "", y->s ? y->s : "") == 0 && x->a == y->a && x->b == y->b &&
           x->c == y->c;
}

typedef void (*dup_fn)(reader *r, size_t index, int first_line);

/* Sorts the keys (by key, then line) and reports every row whose key an
 * earlier line already has, naming that first line. Frees `keys`. */
static void report_duplicates(reader *r, dup_key *keys, size_t n, dup_fn fn)
{
    if (!keys) {
        if (n)
            r->rd.nomem = true;
        return;
    }
    qsort(keys, n, sizeof *keys, compare_dup);
    size_t first = 0;
    for (size_t i = 1; i < n; i++) {
        if (same_key(&keys[i], &keys[first]))
            fn(r, keys[i].index, keys[first].line);
        else
            first = i;
    }
    free(keys);
}

static dup_key *new_keys(size_t n)
{
    return calloc(n ? n : 1, sizeof(dup_key));
}

static void file_error(reader *r, pc_file file, int line, const char *column, const char *code,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* An error about a row of `file` after the fact, at a named column. */
static void file_error(reader *r, pc_file file, int line, const char *column, const char *code,
                       const char *fmt, ...)
{
    char text[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    rd_error(&r->rd, path_of(r, file), line, column ? pc_dataset_column(r->ds, file, column) : 0,
             code, "%s%s%s", column ? column : "", column ? ": " : "", text);
}

/* ---- people.csv ------------------------------------------------------------- */

enum { PEOPLE_ID, PEOPLE_NAME, PEOPLE_POSITION };
static const rd_column people_columns[] = {{"person_id", true}, {"name", true}, {"position", true}};

static void people_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    if (!need(r, row, PEOPLE_ID, NULL))
        return;
    need(r, row, PEOPLE_NAME, NULL);
    pc_person *p = push(r, PC_ARRAY_PUSH(&r->ds->people));
    if (!p)
        return;
    p->line = row->line;
    p->id = dup_text(r, val(row, PEOPLE_ID));
    p->name = dup_text(r, val(row, PEOPLE_NAME));
    p->position = dup_text(r, val(row, PEOPLE_POSITION)); /* "" when blank */
}

static void person_duplicate(reader *r, size_t index, int first_line)
{
    const pc_person *p = &r->ds->people.items[index];
    file_error(r, PC_FILE_PEOPLE, p->line, "person_id", "duplicate",
               "duplicate person '%s' (first at line %d)", rd_show(&r->rd, p->id), first_line);
}

static void check_people(reader *r)
{
    size_t n = r->ds->people.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){r->ds->people.items[i].id, 0, 0, 0, i, r->ds->people.items[i].line};
    report_duplicates(r, keys, n, person_duplicate);
}

/* ---- roles.csv ----------------------------------------------------------- */

enum { ROLES_YEAR, ROLES_PERSON, ROLES_ROLE, ROLES_POSITION };
static const rd_column roles_columns[] = {
    {"year", true}, {"person_id", true}, {"role", true}, {"position", false}};

static void roles_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = get_year(r, row, ROLES_YEAR, &year);
    if (ok && !year_kept(r, year))
        return;
    size_t person = 0;
    ok &= get_person(r, row, ROLES_PERSON, &person);
    static const char *const roles[] = {"PEO", "NEO"};
    int role = get_choice(r, row, ROLES_ROLE, roles, 2);
    int y = ok && years_known(r) ? pc_config_year_index(&r->ds->config, year) : -1;
    if (y >= 0 && role == 0)
        r->peo_seen[y] = true;
    if (!ok || role < 0)
        return;
    pc_role *ro = push(r, PC_ARRAY_PUSH(&r->ds->roles));
    if (!ro)
        return;
    ro->year = year;
    ro->person = person;
    ro->role = role == 0 ? PC_ROLE_PEO : PC_ROLE_NEO;
    ro->position = has(row, ROLES_POSITION) ? dup_text(r, val(row, ROLES_POSITION)) : NULL;
    ro->line = row->line;
}

static void role_duplicate(reader *r, size_t index, int first_line)
{
    const pc_role *ro = &r->ds->roles.items[index];
    file_error(r, PC_FILE_ROLES, ro->line, "person_id", "duplicate",
               "'%s' already has a role for %d (line %d): one row per person and year; a "
               "person who was PEO at any time in the year is PEO for that year",
               rd_show(&r->rd, r->ds->people.items[ro->person].id), ro->year, first_line);
}

static void check_roles(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->roles.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){NULL, ds->roles.items[i].year, (int64_t)ds->roles.items[i].person, 0,
                            i,    ds->roles.items[i].line};
    report_duplicates(r, keys, n, role_duplicate);
    if (!years_known(r) || r->people_failed)
        return;
    /* Item 402(v) shows a PEO column per PEO of the year: every covered year
     * needs one, and the report has room for PC_MAX_PEOS. */
    int peos[PC_MAX_YEARS] = {0};
    for (size_t i = 0; i < n; i++) {
        const pc_role *ro = &ds->roles.items[i];
        int y = pc_config_year_index(&ds->config, ro->year);
        if (y < 0 || ro->role != PC_ROLE_PEO)
            continue;
        if (++peos[y] == PC_MAX_PEOS + 1)
            file_error(r, PC_FILE_ROLES, ro->line, "role", "too_many_peos",
                       "more than %d PEOs in %d", PC_MAX_PEOS, ro->year);
    }
    for (int y = 0; y < ds->config.nyears; y++)
        if (!r->peo_seen[y])
            file_error(r, PC_FILE_ROLES, 0, NULL, "no_peo",
                       "no PEO for covered year %d: add a row with role PEO", ds->config.years[y]);
}

/* ---- cash.csv ------------------------------------------------------------ */

enum { CASH_PERSON, CASH_YEAR, CASH_COMPONENT, CASH_AMOUNT, CASH_CURRENCY, CASH_PAY_DATE };
static const rd_column cash_columns[] = {{"person_id", true}, {"year", true},
                                         {"component", true}, {"amount", true},
                                         {"currency", true},  {"pay_date", false}};

static void cash_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = get_year(r, row, CASH_YEAR, &year);
    if (ok && !year_kept(r, year))
        return;
    size_t person = 0;
    ok &= get_person(r, row, CASH_PERSON, &person);
    const char *names[PC_COMP_COUNT];
    for (int i = 0; i < PC_COMP_COUNT; i++)
        names[i] = pc_component_name((pc_component)i);
    int component = get_choice(r, row, CASH_COMPONENT, names, PC_COMP_COUNT);
    int64_t amount = 0;
    if (get_money(r, row, CASH_AMOUNT, &amount)) {
        /* SPEC section 2: only the change in pension value may be negative. */
        if (amount < 0 && component >= 0 && component != PC_COMP_CHANGE_IN_PENSION_VALUE) {
            cell_error(r, row, CASH_AMOUNT, "negative_amount",
                       "negative amount '%s': only change_in_pension_value may be negative",
                       rd_show(&r->rd, val(row, CASH_AMOUNT)));
            ok = false;
        }
    } else {
        ok = false;
    }
    char currency[4] = "";
    bool have_currency = get_currency(r, row, CASH_CURRENCY, currency);
    ok &= have_currency;
    bool foreign = have_currency && strcmp(currency, "USD") != 0;
    if (foreign && !r->foreign_line) {
        r->foreign_line = row->line_of[CASH_CURRENCY];
        r->foreign_column = row->column[CASH_CURRENCY];
        memcpy(r->foreign_currency, currency, 4);
    }
    pc_date pay_date = PC_DATE_NONE;
    if (has(row, CASH_PAY_DATE)) {
        ok &= get_date(r, row, CASH_PAY_DATE, &pay_date);
    } else if (foreign && !r->standalone && r->ds->config.fx_method == PC_FX_PAYMENT_DATE) {
        /* SPEC section 4: payment_date converts each row at its own date. */
        ok &= need(r, row, CASH_PAY_DATE,
                   " when fx_method is payment_date (the amount is converted at the rate of its "
                   "payment date)");
    }
    if (!ok || component < 0)
        return;
    pc_cash *c = push(r, PC_ARRAY_PUSH(&r->ds->cash));
    if (!c)
        return;
    c->person = person;
    c->year = year;
    c->component = (pc_component)component;
    c->amount_cents = amount;
    memcpy(c->currency, currency, 4);
    c->pay_date = pay_date;
    c->line = row->line;
}

/* ---- fx.csv -------------------------------------------------------------- */

enum { FX_CURRENCY, FX_PERIOD, FX_PER_USD };
static const rd_column fx_columns[] = {{"currency", true}, {"period", true}, {"per_usd", true}};

static void fx_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    char currency[4] = "";
    bool ok = get_currency(r, row, FX_CURRENCY, currency);
    if (ok && strcmp(currency, "USD") == 0) {
        cell_error(r, row, FX_CURRENCY, "bad_currency",
                   "'%s' needs no exchange rate: a US dollar is always 1 US dollar; remove the "
                   "row",
                   rd_show(&r->rd, val(row, FX_CURRENCY)));
        ok = false;
    }
    int fiscal_year = 0;
    pc_date date = PC_DATE_NONE;
    if (need(r, row, FX_PERIOD, NULL)) {
        const char *p = val(row, FX_PERIOD);
        char why[160];
        pc_status st;
        if (strlen(p) == 4)
            st = pc_parse_year(p, &fiscal_year, why, sizeof why);
        else if (strlen(p) == 10)
            st = pc_parse_date(p, &date, why, sizeof why);
        else {
            st = PC_ERR_SYNTAX;
            snprintf(why, sizeof why,
                     "write a fiscal year (2022) for a published fiscal-year "
                     "average, or a date (2022-12-30) for a daily rate");
        }
        ok &= parsed(r, row, FX_PERIOD, st, "bad_period", "period", why);
    } else {
        ok = false;
    }
    int64_t rate = 0;
    ok &= get_price(r, row, FX_PER_USD, "exchange rate", 0, true, &rate);
    if (!ok)
        return;
    pc_fx_rate *fx = push(r, PC_ARRAY_PUSH(&r->ds->fx));
    if (!fx)
        return;
    memcpy(fx->currency, currency, 4);
    fx->fiscal_year = fiscal_year;
    fx->date = date;
    fx->per_usd_micro = rate;
    fx->line = row->line;
}

static void fx_duplicate(reader *r, size_t index, int first_line)
{
    const pc_fx_rate *fx = &r->ds->fx.items[index];
    char buf[16], period[16];
    if (fx->fiscal_year)
        snprintf(period, sizeof period, "%d", fx->fiscal_year);
    else
        snprintf(period, sizeof period, "%s", date_text(fx->date, buf));
    file_error(r, PC_FILE_FX, fx->line, "period", "duplicate",
               "duplicate rate for %s in period %s (first at line %d)", fx->currency, period,
               first_line);
}

static void check_fx(reader *r)
{
    size_t n = r->ds->fx.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_fx_rate *fx = &r->ds->fx.items[i];
        keys[i] = (dup_key){fx->currency, fx->fiscal_year, fx->date, 0, i, fx->line};
    }
    report_duplicates(r, keys, n, fx_duplicate);
}

/* ---- awards.csv ------------------------------------------------------------ */

enum {
    AWARDS_ID,
    AWARDS_PERSON,
    AWARDS_TYPE,
    AWARDS_CONDITION,
    AWARDS_GRANT_DATE,
    AWARDS_SHARES,
    AWARDS_EXERCISE_PRICE,
    AWARDS_EXPIRATION,
    AWARDS_GRANT_FV,
    AWARDS_DIVIDEND_RIGHTS
};
static const rd_column awards_columns[] = {
    {"award_id", true},        {"person_id", true},        {"type", true},
    {"condition", true},       {"grant_date", true},       {"shares", true},
    {"exercise_price", false}, {"expiration_date", false}, {"grant_fv_per_share", false},
    {"dividend_rights", false}};

static void awards_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    /* An award with an id is kept even when other values are wrong, so its
     * tranches and outcomes do not raise "unknown award" on top. */
    if (!need(r, row, AWARDS_ID, NULL))
        return;
    size_t person = 0;
    get_person(r, row, AWARDS_PERSON, &person);
    static const char *const types[] = {"option", "sar", "stock"};
    int type = get_choice(r, row, AWARDS_TYPE, types, 3);
    static const char *const conditions[] = {"service", "performance", "market"};
    int condition = get_choice(r, row, AWARDS_CONDITION, conditions, 3);
    pc_date grant = PC_DATE_NONE;
    if (!get_date(r, row, AWARDS_GRANT_DATE, &grant))
        grant = PC_DATE_NONE;
    int64_t shares = 0;
    bool shares_ok = get_shares(r, row, AWARDS_SHARES, &shares);

    int64_t strike = 0;
    pc_date expiration = PC_DATE_NONE;
    bool is_option = type == PC_AWARD_OPTION || type == PC_AWARD_SAR;
    if (is_option) {
        const char *why = " for an option or SAR";
        if (need(r, row, AWARDS_EXERCISE_PRICE, why))
            get_price(r, row, AWARDS_EXERCISE_PRICE, "exercise price", 0, true, &strike);
        if (need(r, row, AWARDS_EXPIRATION, why) &&
            get_date(r, row, AWARDS_EXPIRATION, &expiration) && grant != PC_DATE_NONE &&
            expiration <= grant) {
            char buf[16];
            cell_error(r, row, AWARDS_EXPIRATION, "bad_date",
                       "expiration date %s is not after the grant date %s",
                       val(row, AWARDS_EXPIRATION), date_text(grant, buf));
        }
    } else if (type == PC_AWARD_STOCK) {
        if (has(row, AWARDS_EXERCISE_PRICE))
            cell_warning(r, row, AWARDS_EXERCISE_PRICE, "ignored_value",
                         "'%s' is ignored: a stock award has no exercise price",
                         rd_show(&r->rd, val(row, AWARDS_EXERCISE_PRICE)));
        if (has(row, AWARDS_EXPIRATION))
            cell_warning(r, row, AWARDS_EXPIRATION, "ignored_value",
                         "'%s' is ignored: a stock award has no expiration date",
                         rd_show(&r->rd, val(row, AWARDS_EXPIRATION)));
    }
    int64_t grant_fv = 0;
    bool has_grant_fv = has(row, AWARDS_GRANT_FV) &&
                        get_price(r, row, AWARDS_GRANT_FV, "fair value", 0, false, &grant_fv);
    bool dividend_rights = true;
    if (has(row, AWARDS_DIVIDEND_RIGHTS)) {
        static const char *const yes_no[] = {"yes", "no"};
        dividend_rights = get_choice(r, row, AWARDS_DIVIDEND_RIGHTS, yes_no, 2) != 1;
    }

    /* award_unsure runs parallel to the awards. */
    bool *unsure = push(r, PC_ARRAY_PUSH(&r->award_unsure));
    if (!unsure)
        return;
    pc_award *a = push(r, PC_ARRAY_PUSH(&r->ds->awards));
    if (!a) {
        r->award_unsure.count--;
        return;
    }
    a->id = dup_text(r, val(row, AWARDS_ID));
    a->person = person;
    a->type = type >= 0 ? (pc_award_type)type : PC_AWARD_STOCK;
    a->condition = condition >= 0 ? (pc_condition)condition : PC_CONDITION_SERVICE;
    a->grant_date = grant;
    a->shares = shares;
    a->exercise_price_micro = strike;
    a->expiration_date = expiration;
    a->has_grant_fv = has_grant_fv;
    a->grant_fv_micro = grant_fv;
    a->dividend_rights = dividend_rights;
    a->line = row->line;
    *unsure = !shares_ok;
    if (condition == PC_CONDITION_PERFORMANCE && !r->performance_line) {
        r->performance_line = row->line_of[AWARDS_CONDITION];
        r->performance_column = row->column[AWARDS_CONDITION];
        free(r->performance_award);
        r->performance_award = dup_text(r, val(row, AWARDS_ID));
    }
}

static void award_duplicate(reader *r, size_t index, int first_line)
{
    const pc_award *a = &r->ds->awards.items[index];
    r->award_unsure.items[index] = true;
    file_error(r, PC_FILE_AWARDS, a->line, "award_id", "duplicate",
               "duplicate award '%s' (first at line %d)", rd_show(&r->rd, a->id), first_line);
}

static void check_awards(reader *r)
{
    size_t n = r->ds->awards.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){r->ds->awards.items[i].id, 0, 0, 0, i, r->ds->awards.items[i].line};
    report_duplicates(r, keys, n, award_duplicate);
}

/* ---- vesting.csv --------------------------------------------------------- */

enum { VEST_AWARD, VEST_TRANCHE, VEST_DATE, VEST_SHARES, VEST_STATUS, VEST_STATUS_DATE };
static const rd_column vesting_columns[] = {{"award_id", true},  {"tranche", true},
                                            {"vest_date", true}, {"shares", true},
                                            {"status", true},    {"status_date", false}};

static void vesting_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    pc_dataset *ds = r->ds;
    size_t award = 0;
    bool have_award = get_award(r, row, VEST_AWARD, &award);
    const pc_award *a = have_award ? &ds->awards.items[award] : NULL;
    int number = 0;
    bool have_number = get_tranche_number(r, row, VEST_TRANCHE, &number);
    char buf[16], buf2[16];

    pc_date vest = PC_DATE_NONE;
    bool ok = get_date(r, row, VEST_DATE, &vest);
    if (ok && a && a->grant_date != PC_DATE_NONE && vest < a->grant_date) {
        cell_error(r, row, VEST_DATE, "before_grant",
                   "vest date %s is before the grant date %s of award '%s'", date_text(vest, buf),
                   date_text(a->grant_date, buf2), rd_show(&r->rd, a->id));
        ok = false;
    }
    int64_t shares = 0;
    bool shares_ok = get_shares(r, row, VEST_SHARES, &shares);
    static const char *const statuses[] = {"unvested", "vested", "forfeited"};
    int status = get_choice(r, row, VEST_STATUS, statuses, 3);

    /* SPEC section 2: vested on status_date (default the vest date),
     * forfeited on status_date (required). */
    pc_date status_date = PC_DATE_NONE;
    int status_cell = VEST_STATUS_DATE;
    if (has(row, VEST_STATUS_DATE)) {
        if (get_date(r, row, VEST_STATUS_DATE, &status_date)) {
            if (a && a->grant_date != PC_DATE_NONE && status_date < a->grant_date) {
                cell_error(r, row, VEST_STATUS_DATE, "before_grant",
                           "status date %s is before the grant date %s of award '%s'",
                           date_text(status_date, buf), date_text(a->grant_date, buf2),
                           rd_show(&r->rd, a->id));
                ok = false;
            }
            if (status == PC_TRANCHE_UNVESTED)
                cell_warning(r, row, VEST_STATUS_DATE, "ignored_value",
                             "'%s' is ignored: an unvested tranche has no status date",
                             rd_show(&r->rd, val(row, VEST_STATUS_DATE)));
        } else {
            ok = false;
        }
    } else if (status == PC_TRANCHE_VESTED) {
        status_date = vest;
        status_cell = VEST_STATUS;
    } else if (status == PC_TRANCHE_FORFEITED) {
        ok &= need(r, row, VEST_STATUS_DATE,
                   " for a forfeited tranche: the date it was cancelled or its condition was "
                   "determined to have failed");
    }
    /* The status is as of the last covered fiscal year end: a tranche that
     * vests or is forfeited later is still unvested then. */
    if ((status == PC_TRANCHE_VESTED || status == PC_TRANCHE_FORFEITED) &&
        status_date != PC_DATE_NONE && years_known(r) && calendar_known(r)) {
        pc_date last_end =
            pc_fiscal_year_end(ds->config.fiscal_year_end, ds->config.years[ds->config.nyears - 1]);
        if (status_date > last_end) {
            cell_error(r, row, status_cell, "status_after_year_end",
                       "the tranche is %s on %s, after the last covered fiscal year end %s; "
                       "the status is as of that year end, so it is unvested",
                       statuses[status], date_text(status_date, buf), date_text(last_end, buf2));
            ok = false;
        }
    }
    if (!have_award)
        return;
    if (!have_number || !shares_ok || !ok || status < 0) {
        /* The award's tranche total cannot be checked without this row. */
        r->award_unsure.items[award] = true;
        return;
    }
    pc_tranche *t = push(r, PC_ARRAY_PUSH(&ds->tranches));
    if (!t)
        return;
    t->award = award;
    t->number = number;
    t->vest_date = vest;
    t->shares = shares;
    t->status = (pc_tranche_status)status;
    t->status_date = status_date;
    t->line = row->line;
}

static void tranche_duplicate(reader *r, size_t index, int first_line)
{
    const pc_tranche *t = &r->ds->tranches.items[index];
    r->award_unsure.items[t->award] = true;
    file_error(r, PC_FILE_VESTING, t->line, "tranche", "duplicate",
               "duplicate tranche %d of award '%s' (first at line %d)", t->number,
               rd_show(&r->rd, r->ds->awards.items[t->award].id), first_line);
}

/* Tranches of each award: no duplicates, at least one, and shares adding up
 * to the award's (SPEC section 2). Needs the tranches indexed. */
static void check_tranches(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->tranches.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_tranche *t = &ds->tranches.items[i];
        keys[i] = (dup_key){NULL, (int64_t)t->award, t->number, 0, i, t->line};
    }
    report_duplicates(r, keys, n, tranche_duplicate);
    for (size_t a = 0; a < ds->awards.count; a++) {
        const pc_award *aw = &ds->awards.items[a];
        if (r->award_unsure.items[a])
            continue;
        if (aw->ntranches == 0) {
            file_error(r, PC_FILE_AWARDS, aw->line, "award_id", "no_tranches",
                       "award '%s' has no tranches in vesting.csv", rd_show(&r->rd, aw->id));
            continue;
        }
        int64_t sum = 0;
        for (size_t t = aw->first_tranche; t < aw->first_tranche + aw->ntranches; t++) {
            int64_t shares = ds->tranches.items[t].shares; /* > 0 */
            sum = sum > INT64_MAX - shares ? INT64_MAX : sum + shares;
        }
        if (sum != aw->shares)
            file_error(r, PC_FILE_AWARDS, aw->line, "shares", "tranche_shares",
                       "award '%s' has %lld shares but its tranches in vesting.csv add up to "
                       "%lld",
                       rd_show(&r->rd, aw->id), (long long)aw->shares, (long long)sum);
    }
}

/* ---- prices.csv ----------------------------------------------------------- */

enum { PRICES_DATE, PRICES_CLOSE, PRICES_DIVIDEND };
static const rd_column prices_columns[] = {{"date", true}, {"close", true}, {"dividend", false}};

static void prices_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    pc_date date;
    bool ok = get_date(r, row, PRICES_DATE, &date);
    int64_t close = 0, dividend = 0;
    ok &= get_price(r, row, PRICES_CLOSE, "price", 0, true, &close);
    if (has(row, PRICES_DIVIDEND))
        ok &= get_price(r, row, PRICES_DIVIDEND, "dividend", 0, false, &dividend);
    if (!ok)
        return;
    pc_price *p = push(r, PC_ARRAY_PUSH(&r->ds->prices));
    if (!p)
        return;
    p->date = date;
    p->close_micro = close;
    p->dividend_micro = dividend;
    p->line = row->line;
}

static void price_duplicate(reader *r, size_t index, int first_line)
{
    const pc_price *p = &r->ds->prices.items[index];
    char buf[16];
    file_error(r, PC_FILE_PRICES, p->line, "date", "duplicate",
               "duplicate price for %s (first at line %d)", date_text(p->date, buf), first_line);
}

static void check_prices(reader *r)
{
    size_t n = r->ds->prices.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, r->ds->prices.items[i].date, 0, 0, i, r->ds->prices.items[i].line};
    report_duplicates(r, keys, n, price_duplicate);
}

/* ---- assumptions.csv --------------------------------------------------------- */

enum { ASSUME_DATE, ASSUME_VOLATILITY, ASSUME_RATE, ASSUME_YIELD, ASSUME_TERM };
static const rd_column assumptions_columns[] = {{"date", true},
                                                {"volatility", true},
                                                {"risk_free_rate", true},
                                                {"dividend_yield", true},
                                                {"expected_term", false}};

static void assumptions_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    pc_date date;
    bool ok = get_date(r, row, ASSUME_DATE, &date);
    int64_t vol = 0, rate = 0, yield = 0, term = 0;
    ok &= get_fraction(r, row, ASSUME_VOLATILITY, "volatility", false, &vol);
    ok &= get_fraction(r, row, ASSUME_RATE, "rate", true, &rate);
    ok &= get_fraction(r, row, ASSUME_YIELD, "dividend yield", false, &yield);
    bool has_term = has(row, ASSUME_TERM);
    if (has_term)
        ok &= get_price(r, row, ASSUME_TERM, "term (years)", 0, true, &term);
    if (!ok)
        return;
    pc_assumption *a = push(r, PC_ARRAY_PUSH(&r->ds->assumptions));
    if (!a)
        return;
    a->date = date;
    a->volatility_micro = vol;
    a->rate_micro = rate;
    a->yield_micro = yield;
    a->has_term = has_term;
    a->term_micro = term;
    a->line = row->line;
}

static void assumption_duplicate(reader *r, size_t index, int first_line)
{
    const pc_assumption *a = &r->ds->assumptions.items[index];
    char buf[16];
    file_error(r, PC_FILE_ASSUMPTIONS, a->line, "date", "duplicate",
               "duplicate assumptions for %s (first at line %d)", date_text(a->date, buf),
               first_line);
}

static void check_assumptions(reader *r)
{
    size_t n = r->ds->assumptions.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){NULL, r->ds->assumptions.items[i].date, 0, 0,
                            i,    r->ds->assumptions.items[i].line};
    report_duplicates(r, keys, n, assumption_duplicate);
}

/* ---- outcomes.csv and fair_values.csv ---------------------------------------- */

enum { OUT_AWARD, OUT_TRANCHE, OUT_DATE, OUT_PROBABLE };
static const rd_column outcomes_columns[] = {
    {"award_id", true}, {"tranche", true}, {"date", true}, {"probable", true}};

static void outcomes_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    size_t award = 0;
    bool ok = get_award(r, row, OUT_AWARD, &award);
    if (ok && r->ds->awards.items[award].condition != PC_CONDITION_PERFORMANCE)
        cell_warning(r, row, OUT_AWARD, "outcome_not_used",
                     "award '%s' has no performance condition: its probable outcomes are not "
                     "used",
                     rd_show(&r->rd, val(row, OUT_AWARD)));
    int tranche = 0;
    ok &= get_tranche_ref(r, row, OUT_TRANCHE, ok, award, &tranche);
    pc_date date;
    ok &= get_date(r, row, OUT_DATE, &date);
    int64_t probable = 0;
    ok &= get_fraction(r, row, OUT_PROBABLE, "probable outcome", false, &probable);
    if (!ok)
        return;
    pc_outcome *o = push(r, PC_ARRAY_PUSH(&r->ds->outcomes));
    if (!o)
        return;
    o->award = award;
    o->tranche = tranche;
    o->date = date;
    o->probable_micro = probable;
    o->line = row->line;
}

static void outcome_duplicate(reader *r, size_t index, int first_line)
{
    const pc_outcome *o = &r->ds->outcomes.items[index];
    char buf[16], which[40] = "every tranche";
    if (o->tranche)
        snprintf(which, sizeof which, "tranche %d", o->tranche);
    file_error(r, PC_FILE_OUTCOMES, o->line, "date", "duplicate",
               "duplicate outcome for award '%s', %s, on %s (first at line %d)",
               rd_show(&r->rd, r->ds->awards.items[o->award].id), which, date_text(o->date, buf),
               first_line);
}

static void check_outcomes(reader *r)
{
    size_t n = r->ds->outcomes.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_outcome *o = &r->ds->outcomes.items[i];
        keys[i] = (dup_key){NULL, (int64_t)o->award, o->tranche, o->date, i, o->line};
    }
    report_duplicates(r, keys, n, outcome_duplicate);
}

enum { FV_AWARD, FV_TRANCHE, FV_DATE, FV_VALUE, FV_NOTE };
static const rd_column fair_values_columns[] = {
    {"award_id", true}, {"tranche", true}, {"date", true}, {"fv_per_share", true}, {"note", false}};

static void fair_values_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    size_t award = 0;
    bool ok = get_award(r, row, FV_AWARD, &award);
    int tranche = 0;
    ok &= get_tranche_ref(r, row, FV_TRANCHE, ok, award, &tranche);
    pc_date date;
    ok &= get_date(r, row, FV_DATE, &date);
    int64_t fv = 0;
    ok &= get_price(r, row, FV_VALUE, "fair value", 0, false, &fv);
    if (!ok)
        return;
    pc_supplied_fv *f = push(r, PC_ARRAY_PUSH(&r->ds->fair_values));
    if (!f)
        return;
    f->award = award;
    f->tranche = tranche;
    f->date = date;
    f->fv_micro = fv;
    f->note = has(row, FV_NOTE) ? dup_text(r, val(row, FV_NOTE)) : NULL;
    f->line = row->line;
}

static void fair_value_duplicate(reader *r, size_t index, int first_line)
{
    const pc_supplied_fv *f = &r->ds->fair_values.items[index];
    char buf[16], which[40] = "every tranche";
    if (f->tranche)
        snprintf(which, sizeof which, "tranche %d", f->tranche);
    file_error(r, PC_FILE_FAIR_VALUES, f->line, "date", "duplicate",
               "duplicate fair value for award '%s', %s, on %s (first at line %d)",
               rd_show(&r->rd, r->ds->awards.items[f->award].id), which, date_text(f->date, buf),
               first_line);
}

static void check_fair_values(reader *r)
{
    size_t n = r->ds->fair_values.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_supplied_fv *f = &r->ds->fair_values.items[i];
        keys[i] = (dup_key){NULL, (int64_t)f->award, f->tranche, f->date, i, f->line};
    }
    report_duplicates(r, keys, n, fair_value_duplicate);
}

/* ---- performance.csv --------------------------------------------------------- */

enum { PERF_YEAR, PERF_NET_INCOME, PERF_CSM, PERF_PEER_TSR };
static const rd_column performance_columns[] = {{"year", true},
                                                {"net_income", true},
                                                {"company_selected_measure", false},
                                                {"peer_group_tsr", false}};

static void performance_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = get_year(r, row, PERF_YEAR, &year);
    if (ok && !year_kept(r, year))
        return;
    if (ok && years_known(r))
        r->performance_seen[pc_config_year_index(&r->ds->config, year)] = true;
    int64_t net_income = 0, csm = 0, peer = 0;
    ok &= get_money(r, row, PERF_NET_INCOME, &net_income);
    bool has_csm = has(row, PERF_CSM);
    if (has_csm)
        ok &= get_decimal(r, row, PERF_CSM, "number", &csm);
    bool has_peer = has(row, PERF_PEER_TSR);
    if (has_peer && get_decimal(r, row, PERF_PEER_TSR, "number", &peer)) {
        if (peer < 0) {
            cell_error(r, row, PERF_PEER_TSR, "bad_number",
                       "invalid TSR '%s': the value of a $100 investment cannot be negative",
                       rd_show(&r->rd, val(row, PERF_PEER_TSR)));
            ok = false;
        }
    } else if (has_peer) {
        ok = false;
    }
    if (!ok)
        return;
    pc_performance *p = push(r, PC_ARRAY_PUSH(&r->ds->performance));
    if (!p)
        return;
    p->year = year;
    p->net_income_cents = net_income;
    p->has_csm = has_csm;
    p->csm_micro = csm;
    p->has_peer_tsr = has_peer;
    p->peer_tsr_micro = peer;
    p->line = row->line;
}

static void performance_duplicate(reader *r, size_t index, int first_line)
{
    const pc_performance *p = &r->ds->performance.items[index];
    file_error(r, PC_FILE_PERFORMANCE, p->line, "year", "duplicate",
               "duplicate row for %d (first at line %d)", p->year, first_line);
}

static void check_performance(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->performance.count;
    dup_key *keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, ds->performance.items[i].year, 0, 0, i, ds->performance.items[i].line};
    report_duplicates(r, keys, n, performance_duplicate);
    if (!years_known(r))
        return;
    /* Item 402(v)(2)(iv)-(v): net income for every covered year. */
    for (int y = 0; y < ds->config.nyears; y++)
        if (!r->performance_seen[y])
            file_error(r, PC_FILE_PERFORMANCE, 0, NULL, "missing_year",
                       "year: no row for covered year %d (net income is required for every "
                       "covered year)",
                       ds->config.years[y]);
}

/* ---- reported.csv ------------------------------------------------------------ */

enum { REP_TABLE, REP_YEAR, REP_SUBJECT, REP_ITEM, REP_VALUE };
static const rd_column reported_columns[] = {
    {"table", true}, {"year", true}, {"subject", true}, {"item", true}, {"value", true}};

#define SUBJECT_AVERAGE "non_peo_neo_average"
#define SUBJECT_COMPANY "company"

/* Which subjects an item accepts (SPEC section 2, reported.csv). */
enum { FOR_PERSON = 1, FOR_AVERAGE = 2, FOR_COMPANY = 4 };

static int item_subjects(pc_reported_table table, const char *item)
{
    if (table == PC_REPORTED_SCT) {
        for (int c = 0; c < PC_SCT_NCOLUMNS; c++)
            if (strcmp(item, pc_sct_key((pc_sct_column)c)) == 0)
                return FOR_PERSON;
        return 0;
    }
    if (table == PC_REPORTED_CAP) {
        for (int l = 0; l < PC_CAP_NLINES; l++)
            if (strcmp(item, pc_cap_key((pc_cap_line)l)) == 0)
                return FOR_PERSON | FOR_AVERAGE;
        return strcmp(item, "equity_award_adjustments") == 0 ? FOR_PERSON | FOR_AVERAGE : 0;
    }
    if (strcmp(item, "sct_total") == 0 || strcmp(item, "cap") == 0)
        return FOR_PERSON | FOR_AVERAGE;
    if (strcmp(item, "count") == 0)
        return FOR_AVERAGE;
    if (strcmp(item, "tsr") == 0 || strcmp(item, "peer_group_tsr") == 0 ||
        strcmp(item, "net_income") == 0 || strcmp(item, "company_selected_measure") == 0)
        return FOR_COMPANY;
    return 0;
}

static const char *items_of(pc_reported_table table)
{
    switch (table) {
    case PC_REPORTED_SCT:
        return "salary, bonus, stock_awards, option_awards, non_equity_incentive, pension_nqdc, "
               "all_other or total";
    case PC_REPORTED_CAP:
        return "a reconciliation key of SPEC section 7 (sct_total, less_equity_awards, ..., cap) "
               "or equity_award_adjustments";
    case PC_REPORTED_PVP:
        return "sct_total, cap, tsr, peer_group_tsr, net_income, company_selected_measure or "
               "count";
    }
    return "?";
}

/* A value as printed (SPEC section 2): a decimal with up to 6 places,
 * thousands separators, '-' or parentheses for negatives; a dash alone is
 * the nil a proxy table prints for zero. Also how many decimals it shows. */
static bool get_printed(reader *r, const rd_row *row, int c, int64_t *micro, int *decimals)
{
    if (!need(r, row, c, NULL))
        return false;
    const char *v = val(row, c);
    if (strcmp(v, "-") == 0 || strcmp(v, "\xE2\x80\x94") == 0 || strcmp(v, "\xE2\x80\x93") == 0) {
        *micro = 0;
        *decimals = 0;
        return true;
    }
    char why[160];
    if (!parsed(r, row, c, pc_parse_decimal(v, 6, 6, micro, why, sizeof why), "bad_number", "value",
                why))
        return false;
    const char *dot = strchr(v, '.');
    int d = 0;
    if (dot)
        for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
            d++;
    *decimals = d > 6 ? 6 : d;
    return true;
}

static void reported_row(void *ctx, const rd_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = get_year(r, row, REP_YEAR, &year);
    if (ok && !year_kept(r, year))
        return;
    static const char *const tables[] = {"sct", "pvp", "cap"};
    int table = get_choice(r, row, REP_TABLE, tables, 3);
    ok &= table >= 0;
    int accepts = 0;
    /* Items are keys: "Salary" is taken as "salary" and stored so. */
    char item[64] = "";
    for (size_t i = 0; val(row, REP_ITEM)[i] && i + 1 < sizeof item; i++) {
        char ch = val(row, REP_ITEM)[i];
        item[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    if (table >= 0 && need(r, row, REP_ITEM, NULL)) {
        accepts = item_subjects((pc_reported_table)table, item);
        if (!accepts) {
            cell_error(r, row, REP_ITEM, "bad_value", "invalid item '%s' for table %s: use %s",
                       rd_show(&r->rd, val(row, REP_ITEM)), tables[table],
                       items_of((pc_reported_table)table));
            ok = false;
        }
    } else {
        ok = false;
    }
    if (need(r, row, REP_SUBJECT, NULL)) {
        const char *s = val(row, REP_SUBJECT);
        int kind = strcmp(s, SUBJECT_AVERAGE) == 0   ? FOR_AVERAGE
                   : strcmp(s, SUBJECT_COMPANY) == 0 ? FOR_COMPANY
                                                     : FOR_PERSON;
        if (accepts && !(accepts & kind)) {
            const char *expected = accepts == FOR_COMPANY   ? "the subject 'company'"
                                   : accepts == FOR_AVERAGE ? "the subject '" SUBJECT_AVERAGE "'"
                                   : accepts == FOR_PERSON  ? "a person_id"
                                                           : "a person_id or '" SUBJECT_AVERAGE "'";
            cell_error(r, row, REP_SUBJECT, "bad_subject", "'%s' cannot have item %s: use %s",
                       rd_show(&r->rd, s), item, expected);
            ok = false;
        } else if (kind == FOR_PERSON && !r->standalone && !r->people_failed &&
                   !pc_dataset_person(r->ds, s, NULL)) {
            cell_error(r, row, REP_SUBJECT, "unknown_person",
                       "unknown person '%s' (not in people.csv)", rd_show(&r->rd, s));
            ok = false;
        }
    } else {
        ok = false;
    }
    int64_t value = 0;
    int decimals = 0;
    ok &= get_printed(r, row, REP_VALUE, &value, &decimals);
    if (!ok)
        return;
    pc_reported *rep = push(r, PC_ARRAY_PUSH(&r->ds->reported));
    if (!rep)
        return;
    rep->table = (pc_reported_table)table;
    rep->year = year;
    rep->subject = dup_text(r, val(row, REP_SUBJECT));
    rep->item = dup_text(r, item);
    rep->value_micro = value;
    rep->decimals = decimals;
    rep->line = row->line;
}

static void reported_duplicate(reader *r, size_t index, int first_line)
{
    const pc_reported *rep = &r->ds->reported.items[index];
    static const char *const tables[] = {"sct", "pvp", "cap"};
    file_error(r, PC_FILE_REPORTED, rep->line, "item", "duplicate",
               "duplicate figure: %s %d '%s' %s (first at line %d)", tables[rep->table], rep->year,
               rd_show(&r->rd, rep->subject), rd_show(&r->rd, rep->item), first_line);
}

static void check_reported(reader *r)
{
    size_t n = r->ds->reported.count;
    dup_key *keys = NULL;
    /* The key joins subject and item (neither holds a NUL). */
    char **joined = calloc(n ? n : 1, sizeof *joined);
    if (joined)
        keys = new_keys(n);
    for (size_t i = 0; keys && i < n; i++) {
        const pc_reported *rep = &r->ds->reported.items[i];
        size_t ls = strlen(rep->subject), li = strlen(rep->item);
        joined[i] = malloc(ls + li + 2);
        if (!joined[i]) {
            free(keys);
            keys = NULL;
            break;
        }
        memcpy(joined[i], rep->subject, ls);
        joined[i][ls] = '\x1f';
        memcpy(joined[i] + ls + 1, rep->item, li + 1);
        keys[i] = (dup_key){joined[i], rep->table, rep->year, 0, i, rep->line};
    }
    if (!keys && n)
        r->rd.nomem = true;
    else
        report_duplicates(r, keys, n, reported_duplicate);
    for (size_t i = 0; joined && i < n; i++)
        free(joined[i]);
    free(joined);
}

/* ---- the input set ------------------------------------------------------------ */

typedef struct file_spec {
    pc_file file;
    const rd_column *columns;
    int ncolumns;
    rd_row_fn row;
    bool required;
    const char *purpose; /* for the missing-file message */
} file_spec;

#define COLUMNS(a) a, (int)(sizeof a / sizeof a[0])

/* Reads one CSV file of the set. */
static rd_open read_file(reader *r, const file_spec *spec)
{
    if (rd_halted(&r->rd))
        return RD_FAILED;
    r->file = spec->file;
    r->columns = spec->columns;
    pc_file_columns *out = &r->ds->files[spec->file];
    bool lost = false;
    rd_open opened =
        rd_read_csv(&r->rd, out->path, spec->columns, spec->ncolumns, out, spec->row, r, &lost);
    /* Rows lost (malformed quoting, a missing column): references to what
     * they held would only repeat that error, file after file. */
    if (lost && spec->file == PC_FILE_PEOPLE)
        r->people_failed = true;
    if (lost && spec->file == PC_FILE_AWARDS)
        r->awards_failed = true;
    if (opened == RD_ABSENT && spec->required)
        rd_error(&r->rd, out->path, 0, 0, "missing_file", "required file missing: %s",
                 spec->purpose);
    return opened;
}

static bool index_dataset(reader *r)
{
    if (pc_dataset_index(r->ds) != PC_OK) {
        r->rd.nomem = true;
        return false;
    }
    return true;
}

/* The folder's last path component, without trailing slashes ("inputs/x/"
 * is "x"); "." and ".." are resolved to the folder they stand for. */
static char *folder_name(const char *dir)
{
    size_t end = strlen(dir);
    while (end > 1 && dir[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    size_t n = end - start;
    if ((n == 1 && dir[start] == '.') || (n == 2 && dir[start] == '.' && dir[start + 1] == '.')) {
        char *resolved = realpath(dir, NULL);
        if (resolved && strcmp(resolved, "/") != 0) {
            char *name = folder_name(resolved);
            free(resolved);
            return name;
        }
        free(resolved);
    }
    if (n == 0) /* "/" */
        return pc_strdup("/");
    char *name = malloc(n + 1);
    if (name) {
        memcpy(name, dir + start, n);
        name[n] = '\0';
    }
    return name;
}

static bool set_paths(pc_dataset *ds, const char *dir)
{
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        const char *name = pc_file_name((pc_file)f);
        size_t n = len + 1 + strlen(name) + 1;
        char *path = malloc(n);
        if (!path)
            return false;
        if (len == 1 && dir[0] == '/')
            snprintf(path, n, "/%s", name);
        else
            snprintf(path, n, "%.*s/%s", (int)len, dir, name);
        free(ds->files[f].path);
        ds->files[f].path = path;
    }
    return true;
}

static pc_status finish(reader *r)
{
    free(r->award_unsure.items);
    free(r->performance_award);
    if (!r->rd.nomem && pc_dataset_index(r->ds) != PC_OK)
        r->rd.nomem = true;
    if (r->rd.nomem)
        return PC_ERR_NOMEM;
    return r->rd.diags->errors > r->rd.base_errors ? PC_ERR_INPUT : PC_OK;
}

pc_status pc_read_input_set(const char *dir, pc_dataset *ds, pc_diags *diags)
{
    reader r;
    memset(&r, 0, sizeof r);
    rd_init(&r.rd, diags);
    r.ds = ds;
    if (!dir[0])
        dir = ".";
    free(ds->name);
    ds->name = folder_name(dir);
    if (!ds->name || !set_paths(ds, dir)) {
        r.rd.nomem = true;
        return finish(&r);
    }

    r.file = PC_FILE_CONFIG;
    rd_open config = rd_read_config(&r.rd, ds->files[PC_FILE_CONFIG].path, &ds->config);
    if (config == RD_ABSENT)
        rd_error(&r.rd, ds->files[PC_FILE_CONFIG].path, 0, 0, "missing_file",
                 "required file missing: paycalc.json gives the company, its fiscal year end "
                 "and the covered years");
    ds->files[PC_FILE_CONFIG].present = config == RD_READ;

    /* pay_date is a required column when every foreign amount is converted
     * at its payment date (SPEC section 4). */
    rd_column cash_cols[sizeof cash_columns / sizeof cash_columns[0]];
    memcpy(cash_cols, cash_columns, sizeof cash_columns);
    cash_cols[CASH_PAY_DATE].required = ds->config.fx_method == PC_FX_PAYMENT_DATE;

    const file_spec people = {PC_FILE_PEOPLE, COLUMNS(people_columns), people_row, true,
                              "people.csv lists each person (person_id,name,position)"};
    const file_spec roles = {PC_FILE_ROLES, COLUMNS(roles_columns), roles_row, true,
                             "roles.csv says who is PEO or NEO in each covered year "
                             "(year,person_id,role)"};
    const file_spec cash = {PC_FILE_CASH, COLUMNS(cash_cols), cash_row, true,
                            "cash.csv holds salaries and other cash compensation "
                            "(person_id,year,component,amount,currency)"};
    const file_spec fx = {PC_FILE_FX, COLUMNS(fx_columns), fx_row, false, ""};
    const file_spec awards = {PC_FILE_AWARDS, COLUMNS(awards_columns), awards_row, false, ""};
    const file_spec vesting = {PC_FILE_VESTING, COLUMNS(vesting_columns), vesting_row, false, ""};
    const file_spec prices = {PC_FILE_PRICES, COLUMNS(prices_columns), prices_row, true,
                              "prices.csv holds the closing stock prices (date,close) for the TSR "
                              "and the fair values"};
    const file_spec assumptions = {PC_FILE_ASSUMPTIONS, COLUMNS(assumptions_columns),
                                   assumptions_row, false, ""};
    const file_spec outcomes = {PC_FILE_OUTCOMES, COLUMNS(outcomes_columns), outcomes_row, false,
                                ""};
    const file_spec fair_values = {PC_FILE_FAIR_VALUES, COLUMNS(fair_values_columns),
                                   fair_values_row, false, ""};
    const file_spec performance = {PC_FILE_PERFORMANCE, COLUMNS(performance_columns),
                                   performance_row, true,
                                   "performance.csv holds net income for each covered year "
                                   "(year,net_income)"};
    const file_spec reported = {PC_FILE_REPORTED, COLUMNS(reported_columns), reported_row, false,
                                ""};

    /* People first: every other file refers to them. */
    if (read_file(&r, &people) != RD_READ)
        r.people_failed = true;
    if (!r.people_failed && index_dataset(&r))
        check_people(&r);
    if (read_file(&r, &roles) == RD_READ)
        check_roles(&r);
    read_file(&r, &cash);
    rd_open have_fx = read_file(&r, &fx);
    if (have_fx == RD_READ)
        check_fx(&r);
    if (r.foreign_line && have_fx == RD_ABSENT && !rd_halted(&r.rd))
        rd_error(&r.rd, ds->files[PC_FILE_CASH].path, r.foreign_line, r.foreign_column,
                 "missing_file",
                 "currency: amounts in %s need exchange rates, but fx.csv is missing "
                 "(currency,period,per_usd)",
                 r.foreign_currency);

    rd_open have_awards = read_file(&r, &awards);
    if (have_awards == RD_FAILED)
        r.awards_failed = true;
    if (have_awards == RD_READ && index_dataset(&r)) {
        check_awards(&r);
        rd_open have_vesting = read_file(&r, &vesting);
        if (have_vesting == RD_READ) {
            if (index_dataset(&r))
                check_tranches(&r);
        } else if (have_vesting == RD_ABSENT) {
            rd_error(&r.rd, ds->files[PC_FILE_VESTING].path, 0, 0, "missing_file",
                     "required file missing: vesting.csv gives the tranches of the awards in "
                     "awards.csv (award_id,tranche,vest_date,shares,status)");
        }
    }
    if (read_file(&r, &prices) == RD_READ)
        check_prices(&r);
    if (read_file(&r, &assumptions) == RD_READ)
        check_assumptions(&r);
    rd_open have_outcomes = read_file(&r, &outcomes);
    if (have_outcomes == RD_READ)
        check_outcomes(&r);
    else if (have_outcomes == RD_ABSENT && r.performance_line)
        rd_error(&r.rd, ds->files[PC_FILE_AWARDS].path, r.performance_line, r.performance_column,
                 "missing_file",
                 "condition: award '%s' has a performance condition and is valued at its "
                 "probable outcome, but outcomes.csv is missing (award_id,tranche,date,probable)",
                 rd_show(&r.rd, r.performance_award ? r.performance_award : ""));
    if (read_file(&r, &fair_values) == RD_READ)
        check_fair_values(&r);
    if (read_file(&r, &performance) == RD_READ)
        check_performance(&r);
    if (read_file(&r, &reported) == RD_READ)
        check_reported(&r);
    return finish(&r);
}

pc_status pc_read_reported_file(const char *path, pc_dataset *ds, pc_diags *diags)
{
    reader r;
    memset(&r, 0, sizeof r);
    rd_init(&r.rd, diags);
    r.ds = ds;
    r.standalone = true;
    free(ds->files[PC_FILE_REPORTED].path);
    ds->files[PC_FILE_REPORTED].path = pc_strdup(path);
    if (!ds->files[PC_FILE_REPORTED].path) {
        r.rd.nomem = true;
        return finish(&r);
    }
    const file_spec reported = {PC_FILE_REPORTED, COLUMNS(reported_columns), reported_row, true,
                                "the figures as published (table,year,subject,item,value)"};
    if (read_file(&r, &reported) == RD_READ)
        check_reported(&r);
    return finish(&r);
}
