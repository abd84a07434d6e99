/*
 * The cell helpers every CSV reader of the input set uses (read_set.h): a
 * value parsed by the rules of SPEC section 2 (dates, money, prices,
 * fractions, shares, currencies, choices, references to people, awards and
 * tranches), errors and warnings at a value with file, line, column and the
 * value quoted, and the duplicate-key check (sorted keys, so a file of a
 * million rows is checked in linear-logarithmic time).
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
#include "read_set.h"

const char *pc_read_path_of(const reader *r, pc_file file)
{
    return pc_dataset_path(r->ds, file);
}

bool pc_read_years_known(const reader *r)
{
    return !r->standalone && r->ds->config.nyears > 0;
}

bool pc_read_calendar_known(const reader *r)
{
    return !r->standalone && r->ds->config.fiscal_year_end.month > 0;
}

char *pc_read_dup_text(reader *r, const char *s)
{
    char *d = pc_strdup(s);
    if (!d)
        r->rd.nomem = true;
    return d;
}

void *pc_read_push(reader *r, void *pushed)
{
    if (!pushed)
        r->rd.nomem = true;
    return pushed;
}

/* ---- cells ---------------------------------------------------------------- */

/* An error at a value: the message starts with the column name (SPEC
 * section 2: every error names the file, line, column and the value). */
void pc_read_cell_error(reader *r, const pc_read_row *row, int c, const char *code, const char *fmt,
                        ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!text) {
        r->rd.nomem = true;
        return;
    }
    pc_read_error(&r->rd, pc_read_path_of(r, r->file), row->line_of[c], row->column[c], code,
                  "%s: %s", r->columns[c].name, text);
    free(text);
}

void pc_read_cell_warning(reader *r, const pc_read_row *row, int c, const char *code,
                          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!text) {
        r->rd.nomem = true;
        return;
    }
    pc_read_warning(&r->rd, pc_read_path_of(r, r->file), row->line_of[c], row->column[c], code,
                    "%s: %s", r->columns[c].name, text);
    free(text);
}

bool pc_read_has(const pc_read_row *row, int c)
{
    return row->value[c][0] != '\0';
}

const char *pc_read_val(const pc_read_row *row, int c)
{
    return row->value[c];
}

/* A required value: false (reported, unless already reported) when blank. */
bool pc_read_need(reader *r, const pc_read_row *row, int c, const char *why)
{
    if (pc_read_has(row, c))
        return true;
    if (!row->silent[c])
        pc_read_cell_error(r, row, c, "missing_value", "a value is required%s", why ? why : "");
    return false;
}

bool pc_read_parsed(reader *r, const pc_read_row *row, int c, pc_status st, const char *code,
                    const char *kind, const char *why)
{
    if (st == PC_OK)
        return true;
    pc_read_cell_error(r, row, c, code, "invalid %s '%s': %s", kind,
                       pc_read_show(&r->rd, pc_read_val(row, c)), why);
    return false;
}

bool pc_read_get_date(reader *r, const pc_read_row *row, int c, pc_date *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(r, row, c, pc_parse_date(pc_read_val(row, c), out, why, sizeof why),
                          "bad_date", "date", why);
}

bool pc_read_get_year(reader *r, const pc_read_row *row, int c, int *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(r, row, c, pc_parse_year(pc_read_val(row, c), out, why, sizeof why),
                          "bad_year", "year", why);
}

bool pc_read_get_money(reader *r, const pc_read_row *row, int c, int64_t *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(r, row, c, pc_parse_money(pc_read_val(row, c), out, why, sizeof why),
                          "bad_amount", "amount", why);
}

/* A price, per-share value or rate (6 decimals, micros), at least `min`
 * (in micros) and above it when `strict`. */
bool pc_read_get_price(reader *r, const pc_read_row *row, int c, const char *kind, int64_t min,
                       bool strict, int64_t *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    if (!pc_read_parsed(r, row, c, pc_parse_price(pc_read_val(row, c), out, why, sizeof why),
                        "bad_number", kind, why))
        return false;
    if (*out < min || (strict && *out == min)) {
        pc_read_cell_error(r, row, c, "bad_number", "invalid %s '%s': must be %s 0", kind,
                           pc_read_show(&r->rd, pc_read_val(row, c)),
                           strict ? "greater than" : "at least");
        return false;
    }
    return true;
}

/* A decimal of up to 6 places in micros, any sign. */
bool pc_read_get_decimal(reader *r, const pc_read_row *row, int c, const char *kind, int64_t *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(r, row, c,
                          pc_parse_decimal(pc_read_val(row, c), 6, 6, out, why, sizeof why),
                          "bad_number", kind, why);
}

bool pc_read_get_shares(reader *r, const pc_read_row *row, int c, int64_t *out)
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    if (!pc_read_parsed(r, row, c, pc_parse_shares(pc_read_val(row, c), out, why, sizeof why),
                        "bad_shares", "number of shares", why))
        return false;
    if (*out <= 0) {
        pc_read_cell_error(r, row, c, "bad_shares",
                           "invalid number of shares '%s': must be more than 0",
                           pc_read_show(&r->rd, pc_read_val(row, c)));
        return false;
    }
    return true;
}

/* A fraction (SPEC section 2): "0.85" or "85%"; above 5 without "%" is
 * refused as a likely percentage. */
bool pc_read_get_fraction(reader *r, const pc_read_row *row, int c, const char *kind,
                          bool allow_negative, int64_t *out)
{
    char why[200];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(
        r, row, c,
        pc_parse_fraction(pc_read_val(row, c), 5 * PC_MICRO, allow_negative, out, why, sizeof why),
        "bad_fraction", kind, why);
}

bool pc_read_get_currency(reader *r, const pc_read_row *row, int c, char out[4])
{
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    return pc_read_parsed(r, row, c, pc_parse_currency(pc_read_val(row, c), out, why, sizeof why),
                          "bad_currency", "currency", why);
}

/* One of `names` (case does not matter): its index, or -1 (reported). */
int pc_read_get_choice(reader *r, const pc_read_row *row, int c, const char *const *names,
                       int count)
{
    if (!pc_read_need(r, row, c, NULL))
        return -1;
    for (int i = 0; i < count; i++)
        if (pc_read_same_word(pc_read_val(row, c), names[i]))
            return i;
    char allowed[400] = "";
    size_t used = 0;
    for (int i = 0; i < count; i++)
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s",
                                 i == 0 ? "" : (i == count - 1 ? " or " : ", "), names[i]);
    pc_read_cell_error(r, row, c, "bad_value", "invalid value '%s': use %s",
                       pc_read_show(&r->rd, pc_read_val(row, c)), allowed);
    return -1;
}

bool pc_read_get_person(reader *r, const pc_read_row *row, int c, size_t *index)
{
    if (!pc_read_need(r, row, c, NULL))
        return false;
    if (pc_dataset_person(r->ds, pc_read_val(row, c), index))
        return true;
    if (r->people_failed)
        return false;
    pc_read_cell_error(r, row, c, "unknown_person", "unknown person '%s' (not in people.csv)",
                       pc_read_show(&r->rd, pc_read_val(row, c)));
    return false;
}

bool pc_read_get_award(reader *r, const pc_read_row *row, int c, size_t *index)
{
    if (!pc_read_need(r, row, c, NULL))
        return false;
    if (pc_dataset_award(r->ds, pc_read_val(row, c), index))
        return true;
    if (r->awards_failed)
        return false;
    pc_read_cell_error(r, row, c, "unknown_award", "unknown award '%s' (not in awards.csv)",
                       pc_read_show(&r->rd, pc_read_val(row, c)));
    return false;
}

/* A tranche number: a whole number from 1. */
bool pc_read_get_tranche_number(reader *r, const pc_read_row *row, int c, int *out)
{
    int64_t n;
    char why[160];
    if (!pc_read_need(r, row, c, NULL))
        return false;
    if (pc_parse_shares(pc_read_val(row, c), &n, why, sizeof why) != PC_OK || n < 1 ||
        n > INT_MAX) {
        pc_read_cell_error(r, row, c, "bad_tranche",
                           "invalid tranche '%s': a tranche is numbered 1, 2, 3, ...",
                           pc_read_show(&r->rd, pc_read_val(row, c)));
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
bool pc_read_get_tranche_ref(reader *r, const pc_read_row *row, int c, bool have_award,
                             size_t award, int *out)
{
    *out = 0;
    if (!pc_read_has(row, c))
        return !row->silent[c];
    if (!pc_read_get_tranche_number(r, row, c, out))
        return false;
    if (!have_award)
        return true;
    const pc_award *a = &r->ds->awards.items[award];
    /* A schedule's tranches are known once it is laid out (SPEC section
     * 13), unless it was wrong (reported); vesting.csv's once it is read. */
    bool known =
        a->schedule ? !r->award_unsure.items[award] : r->ds->files[PC_FILE_VESTING].present;
    if (known && !find_tranche(r->ds, award, *out)) {
        pc_read_cell_error(r, row, c, "unknown_tranche", "award '%s' has no tranche %d in %s",
                           pc_read_show(&r->rd, a->id), *out,
                           a->schedule ? "its schedule" : "vesting.csv");
        return false;
    }
    return true;
}

/* Whether rows of `year` are read: the covered years only (SPEC section 2),
 * every year when there is no configuration to say which. */
bool pc_read_year_kept(const reader *r, int year)
{
    return !pc_read_years_known(r) || pc_config_year_index(&r->ds->config, year) >= 0;
}

const char *pc_read_date_text(pc_date d, char *buf)
{
    return pc_date_format(d, buf);
}

/* ---- duplicates ------------------------------------------------------------ */

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

/* Sorts the keys (by key, then line) and reports every row whose key an
 * earlier line already has, naming that first line. Frees `keys`. */
void pc_read_report_duplicates(reader *r, dup_key *keys, size_t n, dup_fn fn)
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

dup_key *pc_read_new_keys(size_t n)
{
    return calloc(n ? n : 1, sizeof(dup_key));
}

/* An error about a row of `file` after the fact, at a named column. */
void pc_read_file_error(reader *r, pc_file file, int line, const char *column, const char *code,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!text) {
        r->rd.nomem = true;
        return;
    }
    pc_read_error(&r->rd, pc_read_path_of(r, file), line,
                  column ? pc_dataset_column(r->ds, file, column) : 0, code, "%s%s%s",
                  column ? column : "", column ? ": " : "", text);
    free(text);
}
