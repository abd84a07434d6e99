/*
 * The error catalogue: every way an input set can be wrong, each run through
 * the command line on a copy of the CBAK reference set (inputs/cbak-fy2022)
 * with one or two files changed. Each case asserts exit status 3, the
 * message at its file, line and column with its text, and that nothing was
 * written: the --out folder keeps the earlier report.json byte for byte and
 * gains no file (SPEC section 1: "3 the input has errors ... nothing is
 * written"; section 2: "Every error names the file, line, column and the
 * value").
 *
 * Then the other side: harmless variations of the same inputs (a byte-order
 * mark, CRLF line ends, reordered columns, RMB for CNY, blank lines, white
 * space around values, ...) give a report.json byte-identical to the clean
 * run's; the limits of read.h are refused with a message; extreme but valid
 * inputs finish (status 0 or 3) rather than crash or hang; and an output
 * that cannot be written exits 4 leaving earlier reports as they were.
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/output.h"
#include "paycalc/read.h"
#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"

/* ---- editing a copy of the reference set ------------------------------------ */

typedef enum edit_op {
    EDIT_NONE = 0,
    EDIT_REPLACE,     /* the first `a` becomes `b` */
    EDIT_REPLACE_ALL, /* every `a` becomes `b` */
    EDIT_WRITE,       /* the whole file becomes `a` */
    EDIT_APPEND,      /* `a` is added at the end */
    EDIT_DROP_LINES,  /* lines starting with `a` are removed */
    EDIT_KEEP_BEFORE, /* the file is cut just before the first `a` */
    EDIT_NUL_AT,      /* a NUL byte replaces the first byte of `a` */
    EDIT_DELETE,      /* the file is removed */
    EDIT_FOLDER,      /* the file is replaced by a folder */
    EDIT_REVERSE,     /* the columns of an unquoted CSV file are reversed */
    EDIT_CRLF,        /* every LF becomes CRLF */
    EDIT_BLANK_LINES, /* a blank line, then one of spaces, after every line */
    EDIT_PREPEND,     /* `a` is put before the text */
    EDIT_CR           /* every LF becomes CR (old Macintosh line ends) */
} edit_op;

typedef struct edit {
    const char *file;
    edit_op op;
    const char *a;
    const char *b;
} edit;

/* Replaces the first (or every) `from` in `text` (which is freed). */
static char *replace(char *text, const char *from, const char *to, bool all)
{
    size_t lf = strlen(from), lt = strlen(to);
    size_t count = 0;
    for (const char *p = text; (p = strstr(p, from)) != NULL; p += lf) {
        count++;
        if (!all)
            break;
    }
    cr_assert_gt(count, 0, "the reference set no longer holds '%s'", from);
    char *out = malloc(strlen(text) + count * (lt + 1) + 1);
    char *o = out;
    const char *p = text;
    for (size_t i = 0; i < count; i++) {
        const char *hit = strstr(p, from);
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, to, lt);
        o += lt;
        p = hit + lf;
    }
    strcpy(o, p);
    free(text);
    return out;
}

static char *drop_lines(char *text, const char *prefix)
{
    char *out = malloc(strlen(text) + 1);
    char *o = out;
    size_t dropped = 0;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (strncmp(line, prefix, strlen(prefix)) != 0) {
            memcpy(o, line, n);
            o += n;
        } else {
            dropped++;
        }
        line += n;
    }
    *o = '\0';
    cr_assert_gt(dropped, 0, "no line starts with '%s'", prefix);
    free(text);
    return out;
}

/* Columns reversed, for files without quoted values. */
static char *reverse_columns(char *text)
{
    cr_assert_null(strchr(text, '"'), "EDIT_REVERSE needs a file without quotes");
    char *out = malloc(strlen(text) + 2);
    char *o = out;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *fields[32];
        size_t lens[32], nf = 0;
        const char *f = line;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || line[i] == ',') {
                cr_assert_lt(nf, 32);
                fields[nf] = f;
                lens[nf++] = (size_t)(line + i - f);
                f = line + i + 1;
            }
        }
        for (size_t k = nf; k-- > 0;) {
            memcpy(o, fields[k], lens[k]);
            o += lens[k];
            if (k)
                *o++ = ',';
        }
        if (nl)
            *o++ = '\n';
        line += n + (nl ? 1 : 0);
    }
    *o = '\0';
    free(text);
    return out;
}

static char *crlf(char *text)
{
    return replace(text, "\n", "\r\n", true);
}

static char *blank_lines(char *text)
{
    return replace(text, "\n", "\n\n   \t\n", true);
}

static void write_bytes(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    cr_assert_eq(fclose(f), 0);
}

static void apply(const char *dir, const edit *e)
{
    if (e->op == EDIT_NONE)
        return;
    char *path = path_join(dir, e->file);
    if (e->op == EDIT_DELETE) {
        cr_assert_eq(unlink(path), 0, "%s", path);
        free(path);
        return;
    }
    if (e->op == EDIT_FOLDER) {
        unlink(path);
        cr_assert_eq(mkdir(path, 0755), 0);
        free(path);
        return;
    }
    size_t n = 0;
    char *text = read_file(path, &n);
    /* EDIT_WRITE may create an optional file the set does not have. */
    if (!text && e->op == EDIT_WRITE)
        text = strdup("");
    cr_assert_not_null(text, "%s", path);
    switch (e->op) {
    case EDIT_REPLACE:
    case EDIT_REPLACE_ALL:
        text = replace(text, e->a, e->b, e->op == EDIT_REPLACE_ALL);
        n = strlen(text);
        break;
    case EDIT_WRITE:
        free(text);
        text = strdup(e->a);
        n = strlen(text);
        break;
    case EDIT_APPEND: {
        size_t la = strlen(e->a);
        text = realloc(text, n + la + 1);
        memcpy(text + n, e->a, la + 1);
        n += la;
        break;
    }
    case EDIT_DROP_LINES:
        text = drop_lines(text, e->a);
        n = strlen(text);
        break;
    case EDIT_KEEP_BEFORE: {
        char *cut = strstr(text, e->a);
        cr_assert_not_null(cut, "no '%s' in %s", e->a, e->file);
        n = (size_t)(cut - text);
        break;
    }
    case EDIT_NUL_AT: {
        char *at = strstr(text, e->a);
        cr_assert_not_null(at, "no '%s' in %s", e->a, e->file);
        *at = '\0';
        break;
    }
    case EDIT_REVERSE:
        text = reverse_columns(text);
        n = strlen(text);
        break;
    case EDIT_CRLF:
        text = crlf(text);
        n = strlen(text);
        break;
    case EDIT_BLANK_LINES:
        text = blank_lines(text);
        n = strlen(text);
        break;
    case EDIT_PREPEND: {
        size_t la = strlen(e->a);
        char *joined = malloc(la + n + 1);
        memcpy(joined, e->a, la);
        memcpy(joined + la, text, n + 1);
        free(text);
        text = joined;
        n += la;
        break;
    }
    case EDIT_CR:
        text = replace(text, "\n", "\r", true);
        break;
    case EDIT_NONE:
    case EDIT_DELETE:
    case EDIT_FOLDER:
        break;
    }
    write_bytes(path, text, n);
    free(text);
    free(path);
}

/* A copy of the reference set with the edits applied. */
static char *edited_set(const edit *edits, size_t nedits)
{
    char *dir = make_temp_dir();
    cr_assert_not_null(dir);
    cr_assert_eq(copy_dir(CBAK, dir), 0);
    for (size_t i = 0; i < nedits; i++)
        apply(dir, &edits[i]);
    return dir;
}

/* An output folder holding an earlier report.json. */
static const char earlier[] = "{\"earlier\": \"report\"}\n";

static char *output_with_earlier_report(void)
{
    char *out = make_temp_dir();
    char *report = path_join(out, "report.json");
    cr_assert_eq(write_text(report, earlier), 0);
    free(report);
    return out;
}

static void assert_nothing_written(const char *out, const char *label)
{
    char *report = path_join(out, "report.json");
    size_t n = 0;
    char *kept = read_file(report, &n);
    cr_assert_not_null(kept, "%s: the earlier report.json is gone", label);
    cr_assert_eq(n, strlen(earlier), "%s: the earlier report.json changed", label);
    cr_assert(memcmp(kept, earlier, n) == 0, "%s: the earlier report.json changed", label);
    free(kept);
    free(report);
    cr_assert_eq(count_entries(out), 1, "%s: something else was written to the output folder",
                 label);
}

/* The line of `err` that holds `where` (after a slash: the exact file name)
 * and `text`; NULL when there is none. */
static bool has_message(const char *err, const char *where, const char *text)
{
    char needle[300];
    snprintf(needle, sizeof needle, "/%s", where);
    for (const char *line = err; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        char *copy = strndup(line, n);
        bool hit = strstr(copy, needle) && strstr(copy, text);
        free(copy);
        if (hit)
            return true;
        line += n + (nl ? 1 : 0);
    }
    return false;
}

/* ---- the catalogue ----------------------------------------------------------- */

typedef struct error_case {
    const char *name;
    edit edits[2];
    const char *where;   /* "cash.csv:2:4: error: " (column 0: "cash.csv:1: error: ") */
    const char *text;    /* part of the message: column name, value, reason */
    const char *summary; /* the last line when the count is known: "1 error in" */
} error_case;

#define E1(file, op, a, b)                                                                         \
    {                                                                                              \
        {file, op, a, b},                                                                          \
        {                                                                                          \
            NULL, EDIT_NONE, NULL, NULL                                                            \
        }                                                                                          \
    }
#define E2(f1, op1, a1, b1, f2, op2, a2, b2)                                                       \
    {                                                                                              \
        {f1, op1, a1, b1},                                                                         \
        {                                                                                          \
            f2, op2, a2, b2                                                                        \
        }                                                                                          \
    }

static const error_case catalogue[] = {
    /* Dates (SPEC section 2: YYYY-MM-DD only). */
    {"date without leading zeros",
     E1("awards.csv", EDIT_REPLACE, "2021-03-31,5155", "2021-3-31,5155"), "awards.csv:2:5: error: ",
     "grant_date: invalid date '2021-3-31': dates must be written YYYY-MM-DD", "1 error in"},
    {"date in US order", E1("cash.csv", EDIT_REPLACE, "2021-01-29", "01/29/2021"),
     "cash.csv:2:6: error: ",
     "pay_date: invalid date '01/29/2021': dates must be written YYYY-MM-DD", "1 error in"},
    {"impossible date 2022-02-30", E1("cash.csv", EDIT_REPLACE, "2021-01-29", "2022-02-30"),
     "cash.csv:2:6: error: ", "pay_date: invalid date '2022-02-30': no such date", "1 error in"},
    {"29 February of a common year", E1("vesting.csv", EDIT_REPLACE, "2022-05-30", "2022-02-29"),
     "vesting.csv:5:3: error: ", "vest_date: invalid date '2022-02-29': no such date", NULL},
    {"year 1850 in a date", E1("prices.csv", EDIT_REPLACE, "2020-12-01", "1850-12-01"),
     "prices.csv:2:1: error: ",
     "date: invalid date '1850-12-01': no such date (years 1900 to 2200)", "1 error in"},
    {"date with a time", E1("prices.csv", EDIT_REPLACE, "2020-12-01", "2020-12-01T00:00"),
     "prices.csv:2:1: error: ", "date: invalid date '2020-12-01T00:00'", "1 error in"},
    {"vest date before the grant",
     E1("vesting.csv", EDIT_REPLACE, "li-stock-2021q1,1,2021-03-31",
        "li-stock-2021q1,1,2021-03-30"),
     "vesting.csv:2:3: error: ",
     "vest date 2021-03-30 is before the grant date 2021-03-31 of award 'li-stock-2021q1'",
     "1 error in"},
    /* Vesting patterns and separations (SPEC section 13). */
    {"a schedule with a misspelt word",
     E2("awards.csv", EDIT_REPLACE, "dividend_rights\n", "dividend_rights,schedule\n", "awards.csv",
        EDIT_REPLACE, ",0.267249,no\n", ",0.267249,no,semiannual 10 form 2022-05-30\n"),
     "awards.csv:5:11: error: ",
     "schedule: 'semiannual 10 form 2022-05-30': 'form' cannot follow a step: steps are joined "
     "by 'then', and 'from YYYY-MM-DD' may end the schedule",
     NULL},
    {"a schedule whose first vest date is before the grant",
     E2("awards.csv", EDIT_REPLACE, "dividend_rights\n", "dividend_rights,schedule\n", "awards.csv",
        EDIT_REPLACE, ",0.267249,no\n", ",0.267249,no,semiannual 10 from 2021-11-28\n"),
     "awards.csv:5:11: error: ",
     "schedule: 'semiannual 10 from 2021-11-28': the first vest date 2021-11-28 is before the "
     "grant date 2021-11-29",
     NULL},
    {"a separation before the grant",
     E1("separations.csv", EDIT_WRITE,
        "person_id,date,unvested,award_id\nli-yunfei,2021-03-30,forfeit,li-stock-2021q1\n", NULL),
     "separations.csv:2:2: error: ",
     "date: separation date 2021-03-30 is before the grant date 2021-03-31 of award "
     "'li-stock-2021q1'",
     "1 error in"},
    {"expiration before the grant", E1("awards.csv", EDIT_REPLACE, "2027-09-26", "2020-09-26"),
     "awards.csv:5:8: error: ",
     "expiration_date: expiration date 2020-09-26 is not after the grant date 2021-11-29",
     "1 error in"},
    {"forfeited without a date",
     E1("vesting.csv", EDIT_REPLACE, "li-option-2021-11-29,3,2023-05-30,20000,unvested,",
        "li-option-2021-11-29,3,2023-05-30,20000,forfeited,"),
     "vesting.csv:7:6: error: ", "status_date: a value is required for a forfeited tranche",
     "1 error in"},
    {"vested after the last covered year end",
     E1("vesting.csv", EDIT_REPLACE, "li-option-2021-11-29,3,2023-05-30,20000,unvested,",
        "li-option-2021-11-29,3,2023-05-30,20000,vested,"),
     "vesting.csv:7:5: error: ", "after the last covered fiscal year end 2022-12-31", "1 error in"},

    /* Money: at most 2 decimals, no currency signs, exact and bounded. */
    {"letter O for a zero", E1("cash.csv", EDIT_REPLACE, "64583.00", "64583.O0"),
     "cash.csv:2:4: error: ", "amount: invalid amount '64583.O0': not a number", "1 error in"},
    {"three decimals in an amount", E1("cash.csv", EDIT_REPLACE, "64583.00", "64583.001"),
     "cash.csv:2:4: error: ", "amount: invalid amount '64583.001': at most 2 decimals",
     "1 error in"},
    {"currency sign in an amount", E1("cash.csv", EDIT_REPLACE, "64583.00", "$64583.00"),
     "cash.csv:2:4: error: ", "amount: invalid amount '$64583.00': currency signs are not accepted",
     "1 error in"},
    {"yuan sign in an amount", E1("cash.csv", EDIT_REPLACE, "64583.00", "¥64583.00"),
     "cash.csv:2:4: error: ", "amount: invalid amount '¥64583.00': currency signs are not accepted",
     "1 error in"},
    {"misplaced thousands separator", E1("cash.csv", EDIT_REPLACE, "64583.00", "\"6,4583.00\""),
     "cash.csv:2:4: error: ", "amount: invalid amount '6,4583.00': misplaced thousands separator",
     "1 error in"},
    {"amount beyond any int64", E1("cash.csv", EDIT_REPLACE, "64583.00", "99999999999999999999.00"),
     "cash.csv:2:4: error: ", "amount: invalid amount '99999999999999999999.00': too large",
     "1 error in"},
    {"amounts whose sum overflows",
     E1("cash.csv", EDIT_REPLACE, "64583.00", "92233720368547758.07"), "cash.csv:2:4: error: ",
     "amount: the amounts of salary for 2021 add up to more than paycalc can hold", "1 error in"},
    {"amounts in two currencies whose dollar sum overflows",
     E1("cash.csv", EDIT_REPLACE, "64583.00,CNY", "92233720368547758.07,USD"),
     "cash.csv:2:4: error: ",
     "amount: the amounts of salary for 2021 add up to more than paycalc can hold", "1 error in"},
    {"negative salary", E1("cash.csv", EDIT_REPLACE, "64583.00", "(64583.00)"),
     "cash.csv:2:4: error: ",
     "amount: negative amount '(64583.00)': only change_in_pension_value may be negative",
     "1 error in"},
    {"blank amount", E1("cash.csv", EDIT_REPLACE, "64583.00", ""),
     "cash.csv:2:4: error: ", "amount: a value is required", "1 error in"},
    {"net income with dots for thousands",
     E1("performance.csv", EDIT_REPLACE, "\"61,559,144\"", "61.559.144"),
     "performance.csv:2:2: error: ", "net_income: invalid amount '61.559.144': not a number",
     "1 error in"},
    {"net income with an unbalanced parenthesis",
     E1("performance.csv", EDIT_REPLACE, "\"(11,327,811)\"", "\"(11,327,811\""),
     "performance.csv:3:2: error: ",
     "net_income: invalid amount '(11,327,811': unbalanced parenthesis", "1 error in"},

    /* Prices and per-share values: at most 6 decimals, above 0. */
    {"price with a letter", E1("prices.csv", EDIT_REPLACE, "2020-12-01,3.05", "2020-12-01,3.O5"),
     "prices.csv:2:2: error: ", "close: invalid price '3.O5': not a number", "1 error in"},
    {"price with 7 decimals",
     E1("prices.csv", EDIT_REPLACE, "2020-12-01,3.05", "2020-12-01,3.0512345"),
     "prices.csv:2:2: error: ", "close: invalid price '3.0512345': at most 6 decimals",
     "1 error in"},
    {"price of zero", E1("prices.csv", EDIT_REPLACE, "2020-12-01,3.05", "2020-12-01,0"),
     "prices.csv:2:2: error: ", "close: invalid price '0': must be greater than 0", "1 error in"},
    {"exercise price with a letter", E1("awards.csv", EDIT_REPLACE, ",1.96,", ",1.96O,"),
     "awards.csv:5:7: error: ", "exercise_price: invalid exercise price '1.96O': not a number",
     "1 error in"},
    {"option without an exercise price", E1("awards.csv", EDIT_REPLACE, ",1.96,", ",,"),
     "awards.csv:5:7: error: ", "exercise_price: a value is required for an option or SAR",
     "1 error in"},
    {"fair value with two points",
     E1("fair_values.csv", EDIT_REPLACE, "2021-12-31,1.56", "2021-12-31,1.5.6"),
     "fair_values.csv:2:4: error: ", "fv_per_share: invalid fair value '1.5.6': not a number",
     "1 error in"},
    {"exchange rate of zero", E1("fx.csv", EDIT_REPLACE, "6.4525", "0"), "fx.csv:2:3: error: ",
     "per_usd: invalid exchange rate '0': must be greater than 0", "1 error in"},

    /* Fractions: 0.85 or 85%; above 5 without % is a percentage forgotten. */
    {"volatility 85 without %", E1("assumptions.csv", EDIT_REPLACE, "1.2383", "85"),
     "assumptions.csv:2:2: error: ",
     "volatility: invalid volatility '85': a fraction above 5 is not plausible here; write 0.85 or "
     "85% (did you mean 85%?)",
     "1 error in"},
    {"negative volatility", E1("assumptions.csv", EDIT_REPLACE, "1.2383", "-0.5"),
     "assumptions.csv:2:2: error: ", "volatility: invalid volatility '-0.5': must not be negative",
     "1 error in"},
    {"rate in words", E1("assumptions.csv", EDIT_REPLACE, "0.0130", "1.3pct"),
     "assumptions.csv:2:3: error: ", "risk_free_rate: invalid rate '1.3pct': not a number",
     "1 error in"},
    {"percentage with 5 decimals", E1("assumptions.csv", EDIT_REPLACE, "0.0130", "1.30001%"),
     "assumptions.csv:2:3: error: ", "risk_free_rate: invalid rate '1.30001%': at most 4 decimals",
     "1 error in"},
    {"probable outcome 150 without %",
     E1("outcomes.csv", EDIT_REPLACE, "2021-11-29,1\n", "2021-11-29,150\n"),
     "outcomes.csv:2:4: error: ", "probable: invalid probable outcome '150': a fraction above 5",
     "1 error in"},
    {"negative dividend yield", E1("assumptions.csv", EDIT_REPLACE, "0.0130,0", "0.0130,-0.01"),
     "assumptions.csv:2:4: error: ",
     "dividend_yield: invalid dividend yield '-0.01': must not be "
     "negative",
     "1 error in"},

    /* Shares: whole numbers above 0. */
    {"fractional shares", E1("awards.csv", EDIT_REPLACE, ",5155,", ",5155.5,"),
     "awards.csv:2:6: error: ",
     "shares: invalid number of shares '5155.5': shares must be a whole "
     "number",
     "1 error in"},
    {"zero shares in a tranche", E1("vesting.csv", EDIT_REPLACE, ",5155,vested", ",0,vested"),
     "vesting.csv:2:4: error: ", "shares: invalid number of shares '0': must be more than 0", NULL},
    {"negative shares", E1("awards.csv", EDIT_REPLACE, ",5155,", ",-5155,"),
     "awards.csv:2:6: error: ", "shares: invalid number of shares '-5155': must not be negative",
     "1 error in"},

    /* Currencies: ISO 4217 codes. */
    {"unknown currency code", E1("cash.csv", EDIT_REPLACE, "CNY", "CNX"), "cash.csv:2:5: error: ",
     "currency: invalid currency 'CNX': not an ISO 4217 currency code", "1 error in"},
    {"currency in words", E1("cash.csv", EDIT_REPLACE, "CNY", "yuan"), "cash.csv:2:5: error: ",
     "currency: invalid currency 'yuan': a currency is a three-letter ISO 4217 code", "1 error in"},
    {"exchange rate for the dollar", E1("fx.csv", EDIT_APPEND, "USD,2022,1\n", NULL),
     "fx.csv:4:1: error: ", "currency: 'USD' needs no exchange rate", "1 error in"},

    /* Years: four digits, 1900 to 2200. */
    {"two-digit year", E1("cash.csv", EDIT_REPLACE, "li-yunfei,2021", "li-yunfei,21"),
     "cash.csv:2:2: error: ", "year: invalid year '21': a year is four digits (2022)",
     "1 error in"},
    {"year out of range", E1("performance.csv", EDIT_REPLACE, "2021,", "1850,"),
     "performance.csv:2:1: error: ", "year: invalid year '1850': a year from 1900 to 2200", NULL},
    {"fiscal year period in words", E1("fx.csv", EDIT_REPLACE, "CNY,2021", "CNY,FY21"),
     "fx.csv:2:2: error: ", "period: invalid period 'FY21'", "1 error in"},

    /* Words from a fixed list. */
    {"unknown cash component", E1("cash.csv", EDIT_REPLACE, "salary", "wages"),
     "cash.csv:2:3: error: ", "component: invalid value 'wages': use salary, bonus,", "1 error in"},
    {"unknown award type",
     E1("awards.csv", EDIT_REPLACE, ",stock,service,2021-03-31", ",shares,service,2021-03-31"),
     "awards.csv:2:3: error: ", "type: invalid value 'shares': use option, sar or stock",
     "1 error in"},
    {"unknown vesting condition",
     E1("awards.csv", EDIT_REPLACE, ",service,2021-03-31", ",time,2021-03-31"),
     "awards.csv:2:4: error: ",
     "condition: invalid value 'time': use service, performance or market", "1 error in"},
    {"unknown role", E1("roles.csv", EDIT_REPLACE, "2021,li-yunfei,PEO", "2021,li-yunfei,CEO"),
     "roles.csv:2:3: error: ", "role: invalid value 'CEO': use PEO, NEO or director", NULL},
    {"unknown tranche status", E1("vesting.csv", EDIT_REPLACE, ",5155,vested", ",5155,done"),
     "vesting.csv:2:5: error: ", "status: invalid value 'done': use unvested, vested or forfeited",
     "1 error in"},
    {"dividend rights maybe", E1("awards.csv", EDIT_REPLACE, ",yes", ",maybe"),
     "awards.csv:2:10: error: ", "dividend_rights: invalid value 'maybe': use yes or no",
     "1 error in"},
    {"unknown published table", E1("reported.csv", EDIT_REPLACE, "sct,2021", "sxt,2021"),
     "reported.csv:2:1: error: ",
     "table: invalid value 'sxt': use sct, pvp, cap, oea, oesv, gpba or dct", "1 error in"},
    {"an unreadable published figure",
     E1("reported.csv", EDIT_REPLACE, "li-yunfei,salary,\"120,107\"",
        "li-yunfei,salary,\"120,107 (see note)\""),
     "reported.csv:2:5: error: ",
     "value: invalid value '120,107 (see note)': unbalanced parenthesis: expected a figure as "
     "printed, such as 1,234, (1,234), $1.2 million, 14.51%, a dash for nil, or n/a",
     "1 error in"},
    {"unknown published item",
     E1("reported.csv", EDIT_REPLACE, "li-yunfei,salary", "li-yunfei,wage"),
     "reported.csv:2:4: error: ", "item: invalid item 'wage' for table sct", "1 error in"},

    /* Required columns, at least one per file. */
    {"people.csv without person_id", E1("people.csv", EDIT_REPLACE, "person_id,", "person,"),
     "people.csv:1: error: ", "person_id: required column missing from the header", NULL},
    {"roles.csv without role", E1("roles.csv", EDIT_REPLACE, ",role,", ",kind,"),
     "roles.csv:1: error: ", "role: required column missing from the header", "1 error in"},
    {"cash.csv without amount", E1("cash.csv", EDIT_REPLACE, ",amount,", ",amt,"),
     "cash.csv:1: error: ", "amount: required column missing from the header", NULL},
    {"fx.csv without per_usd", E1("fx.csv", EDIT_REPLACE, "per_usd", "rate"),
     "fx.csv:1: error: ", "per_usd: required column missing from the header", NULL},
    {"awards.csv without grant_date", E1("awards.csv", EDIT_REPLACE, ",grant_date,", ",granted,"),
     "awards.csv:1: error: ", "grant_date: required column missing from the header", NULL},
    {"vesting.csv without vest_date", E1("vesting.csv", EDIT_REPLACE, ",vest_date,", ",vests,"),
     "vesting.csv:1: error: ", "vest_date: required column missing from the header", NULL},
    {"prices.csv without close", E1("prices.csv", EDIT_REPLACE, "date,close", "date,price"),
     "prices.csv:1: error: ", "close: required column missing from the header", NULL},
    {"assumptions.csv without volatility",
     E1("assumptions.csv", EDIT_REPLACE, ",volatility,", ",vol,"),
     "assumptions.csv:1: error: ", "volatility: required column missing from the header", NULL},
    {"outcomes.csv without probable", E1("outcomes.csv", EDIT_REPLACE, ",probable", ",probability"),
     "outcomes.csv:1: error: ", "probable: required column missing from the header", NULL},
    {"fair_values.csv without fv_per_share",
     E1("fair_values.csv", EDIT_REPLACE, ",fv_per_share,", ",fv,"),
     "fair_values.csv:1: error: ", "fv_per_share: required column missing from the header", NULL},
    {"performance.csv without net_income",
     E1("performance.csv", EDIT_REPLACE, "net_income", "income"),
     "performance.csv:1: error: ", "net_income: required column missing from the header", NULL},
    {"reported.csv without value", E1("reported.csv", EDIT_REPLACE, ",value", ",amount"),
     "reported.csv:1: error: ", "value: required column missing from the header", NULL},
    {"a column twice in the header",
     E1("cash.csv", EDIT_REPLACE, "currency,pay_date", "currency,amount"), "cash.csv:1:6: error: ",
     "amount: the column appears twice in the header (first as column 4)", NULL},

    /* References between files. */
    {"unknown person in cash.csv", E1("cash.csv", EDIT_REPLACE, "li-yunfei,2021", "li-yunfel,2021"),
     "cash.csv:2:1: error: ", "person_id: unknown person 'li-yunfel' (not in people.csv)",
     "1 error in"},
    {"unknown person in roles.csv",
     E1("roles.csv", EDIT_REPLACE, "2021,pei-xiangyu", "2021,pei-xiangyou"),
     "roles.csv:3:2: error: ", "person_id: unknown person 'pei-xiangyou' (not in people.csv)",
     "1 error in"},
    {"unknown PEO in roles.csv", E1("roles.csv", EDIT_REPLACE, "2022,li-yunfei", "2022,li-yunfe"),
     "roles.csv:4:2: error: ", "person_id: unknown person 'li-yunfe' (not in people.csv)",
     "1 error in"},
    {"unknown person holding an award",
     E1("awards.csv", EDIT_REPLACE, "li-stock-2021q1,li-yunfei", "li-stock-2021q1,li-yun"),
     "awards.csv:2:2: error: ", "person_id: unknown person 'li-yun' (not in people.csv)", NULL},
    {"unknown person in the published figures",
     E1("reported.csv", EDIT_REPLACE, "sct,2021,li-yunfei", "sct,2021,li-yunfeii"),
     "reported.csv:2:3: error: ", "subject: unknown person 'li-yunfeii' (not in people.csv)",
     "1 error in"},
    {"unknown award in vesting.csv",
     E1("vesting.csv", EDIT_REPLACE, "li-stock-2021q1,1", "li-stock-2021qX,1"),
     "vesting.csv:2:1: error: ", "award_id: unknown award 'li-stock-2021qX' (not in awards.csv)",
     NULL},
    {"unknown award in outcomes.csv",
     E1("outcomes.csv", EDIT_REPLACE, "li-option-2021-11-29,,2021-12-31",
        "li-option-2021-11-30,,2021-12-31"),
     "outcomes.csv:3:1: error: ", "award_id: unknown award 'li-option-2021-11-30'", "1 error in"},
    {"unknown award in fair_values.csv",
     E1("fair_values.csv", EDIT_REPLACE, "li-option-2021-11-29,,2021-12-31",
        "li-option-2021,,2021-12-31"),
     "fair_values.csv:2:1: error: ", "award_id: unknown award 'li-option-2021' (not in awards.csv)",
     "1 error in"},
    {"unknown tranche in fair_values.csv",
     E1("fair_values.csv", EDIT_REPLACE, "li-option-2021-11-29,,2021-12-31",
        "li-option-2021-11-29,11,2021-12-31"),
     "fair_values.csv:2:2: error: ",
     "tranche: award 'li-option-2021-11-29' has no tranche 11 in vesting.csv", "1 error in"},
    {"tranche numbered 0",
     E1("outcomes.csv", EDIT_REPLACE, "li-option-2021-11-29,,2021-11-29",
        "li-option-2021-11-29,0,2021-11-29"),
     "outcomes.csv:2:2: error: ", "tranche: invalid tranche '0': a tranche is numbered 1, 2, 3",
     "1 error in"},
    {"award without tranches", E1("vesting.csv", EDIT_DROP_LINES, "li-stock-2021q2,", NULL),
     "awards.csv:3:1: error: ", "award_id: award 'li-stock-2021q2' has no tranches in vesting.csv",
     "1 error in"},

    /* Duplicates. */
    {"person twice", E1("people.csv", EDIT_APPEND, "li-yunfei,Li Yunfei,CEO\n", NULL),
     "people.csv:7:1: error: ", "person_id: duplicate person 'li-yunfei' (first at line 2)",
     "1 error in"},
    {"two roles in one year", E1("roles.csv", EDIT_APPEND, "2022,li-yunfei,NEO,\n", NULL),
     "roles.csv:9:2: error: ", "'li-yunfei' already has a role for 2022 (line 4)", "1 error in"},
    {"a director twice in one year",
     E1("roles.csv", EDIT_APPEND, "2022,simon-xue,director,\n", NULL),
     "roles.csv:9:2: error: ", "'simon-xue' is already a director in 2022 (line 6)", "1 error in"},
    /* Item 402(k): an executive's pay for board service is in the SCT. */
    {"an executive also a director",
     E1("roles.csv", EDIT_APPEND, "2022,li-yunfei,director,\n", NULL), "roles.csv:9:3: error: ",
     "role: 'li-yunfei' is a PEO or NEO in 2022 (line 4): an executive's pay for board service "
     "belongs in the Summary Compensation Table",
     "1 error in"},
    {"fees of an executive",
     E1("cash.csv", EDIT_APPEND, "li-yunfei,2022,fees,100.00,USD,2022-12-30\n", NULL),
     "cash.csv:62:3: error: ",
     "component: 'fees' is a director's fees earned or paid in cash, but 李雲飛 is a PEO or NEO in "
     "2022",
     "1 error in"},
    {"an item of no director column",
     E1("reported.csv", EDIT_APPEND, "dct,2022,simon-xue,salary,1\n", NULL),
     "reported.csv:83:4: error: ",
     "item: invalid item 'salary' for table dct: use fees, stock_awards, option_awards",
     "1 error in"},
    {"award twice",
     E1("awards.csv", EDIT_APPEND,
        "li-stock-2021q1,li-yunfei,stock,service,2021-03-31,5155,,,5.82,yes\n", NULL),
     "awards.csv:23:1: error: ", "award_id: duplicate award 'li-stock-2021q1' (first at line 2)",
     NULL},
    {"tranche twice",
     E1("vesting.csv", EDIT_APPEND, "li-stock-2021q1,1,2021-03-31,5155,vested,\n", NULL),
     "vesting.csv:41:2: error: ",
     "tranche: duplicate tranche 1 of award 'li-stock-2021q1' (first at "
     "line 2)",
     "1 error in"},
    {"rate twice", E1("fx.csv", EDIT_APPEND, "CNY,2022,6.80\n", NULL), "fx.csv:4:2: error: ",
     "period: duplicate rate for CNY in period 2022 (first at line 3)", "1 error in"},
    {"price twice",
     E1("prices.csv", EDIT_REPLACE, "2020-12-02,3.25\n", "2020-12-02,3.25\n2020-12-01,3.30\n"),
     "prices.csv:4:1: error: ", "date: duplicate price for 2020-12-01 (first at line 2)",
     "1 error in"},
    {"assumptions twice", E1("assumptions.csv", EDIT_APPEND, "2021-12-31,1.2,0.01,0\n", NULL),
     "assumptions.csv:7:1: error: ", "date: duplicate assumptions for 2021-12-31 (first at line 3)",
     "1 error in"},
    {"outcome twice",
     E1("outcomes.csv", EDIT_APPEND, "li-option-2021-11-29,,2021-12-31,0.5\n", NULL),
     "outcomes.csv:8:3: error: ",
     "date: duplicate outcome for award 'li-option-2021-11-29', every tranche, on 2021-12-31 "
     "(first "
     "at line 3)",
     "1 error in"},
    {"fair value twice",
     E1("fair_values.csv", EDIT_APPEND, "li-option-2021-11-29,,2021-12-31,1.50,\n", NULL),
     "fair_values.csv:10:3: error: ", "duplicate fair value for award 'li-option-2021-11-29'",
     "1 error in"},
    {"net income twice", E1("performance.csv", EDIT_APPEND, "2022,1\n", NULL),
     "performance.csv:4:1: error: ", "year: duplicate row for 2022 (first at line 3)",
     "1 error in"},
    {"published figure twice",
     E1("reported.csv", EDIT_APPEND, "sct,2021,li-yunfei,salary,1\n", NULL),
     "reported.csv:83:4: error: ",
     "duplicate figure: sct 2021 'li-yunfei' salary (first at line 2)", "1 error in"},

    /* Rules across rows and files. */
    {"exercise of more options than are vested",
     E1("exercises.csv", EDIT_WRITE,
        "award_id,date,shares\nli-option-2021-11-29,2022-12-15,40001\n", NULL),
     "exercises.csv:2:3: error: ",
     "shares: '40001' exercised on 2022-12-15, but only 40000 of award 'li-option-2021-11-29' "
     "were vested and not yet exercised then",
     "1 error in"},
    {"exercise of a stock award",
     E1("exercises.csv", EDIT_WRITE, "award_id,date,shares\nli-stock-2021q1,2022-01-10,10\n", NULL),
     "exercises.csv:2:1: error: ",
     "award_id: award 'li-stock-2021q1' is a stock award; only options and SARs are exercised",
     "1 error in"},
    {"tranche shares do not add up",
     E1("vesting.csv", EDIT_REPLACE, ",5155,vested", ",5150,vested"), "awards.csv:2:6: error: ",
     "shares: award 'li-stock-2021q1' has 5155 shares but its tranches in vesting.csv add up to "
     "5150",
     "1 error in"},
    {"no PEO in a covered year", E1("roles.csv", EDIT_DROP_LINES, "2022,li-yunfei", NULL),
     "roles.csv: error: ", "no PEO for covered year 2022: add a row with role PEO", "1 error in"},
    {"no net income for a covered year", E1("performance.csv", EDIT_DROP_LINES, "2022,", NULL),
     "performance.csv: error: ", "year: no row for covered year 2022", "1 error in"},

    /* Market data and rates the computation needs. */
    {"no price around a fiscal year end", E1("prices.csv", EDIT_DROP_LINES, "2021-12-", NULL),
     "prices.csv: error: ",
     "no closing price on 2021-12-31 or in the 10 days before it: TSR needs the price at the end "
     "of fiscal 2021",
     NULL},
    {"no price at a vesting date", E1("prices.csv", EDIT_DROP_LINES, "2021-12-", NULL),
     "vesting.csv:15:3: error: ",
     "award li-stock-2021q4 tranche 1: no closing price on 2021-12-31 or in the 10 days before it",
     NULL},
    {"no price before the first covered year", E1("prices.csv", EDIT_DROP_LINES, "2020-12-", NULL),
     "prices.csv: error: ", "no closing price before 2021-01-01: the TSR base", "1 error in"},
    {"no assumptions for an option without a supplied value",
     E2("fair_values.csv", EDIT_DROP_LINES, "li-option-2021-11-29,,2022-12-31", NULL,
        "assumptions.csv", EDIT_WRITE, "date,volatility,risk_free_rate,dividend_yield\n", NULL),
     "vesting.csv:7:3: error: ", "award li-option-2021-11-29 tranche 3:", NULL},
    {"no probable outcome at the grant",
     E1("outcomes.csv", EDIT_DROP_LINES, "li-option-2021-11-29,,2021-11-29", NULL),
     "vesting.csv:5:3: error: ",
     "award li-option-2021-11-29 tranche 1: no probable outcome assessed on or before 2021-11-29",
     NULL},
    {"no exchange rates at all", E1("fx.csv", EDIT_WRITE, "currency,period,per_usd\n", NULL),
     "cash.csv:2:5: error: ", "currency: no CNY rate for fiscal 2021", NULL},
    {"no exchange rate for one year", E1("fx.csv", EDIT_DROP_LINES, "CNY,2022", NULL),
     "cash.csv:14:5: error: ",
     "currency: no CNY rate for fiscal 2022: add a row 'CNY,2022,<units per USD>'", NULL},
    {"daily rates outside the fiscal year",
     E1("fx.csv", EDIT_WRITE, "currency,period,per_usd\nCNY,2021,6.4525\nCNY,2023-01-03,6.90\n",
        NULL),
     "cash.csv:14:5: error: ", "currency: no CNY rate for fiscal 2022", NULL},

    /* Whole files. */
    {"empty file", E1("people.csv", EDIT_WRITE, "", NULL), "people.csv: error: ",
     "the file is empty: it needs at least a header row naming its columns", "1 error in"},
    {"file of blank lines", E1("awards.csv", EDIT_WRITE, "\n  \n\r\n", NULL),
     "awards.csv: error: ", "the file is empty", "1 error in"},
    {"header and no rows", E1("performance.csv", EDIT_WRITE, "year,net_income\n", NULL),
     "performance.csv: error: ", "year: no row for covered year 2021", NULL},
    {"NUL byte in a CSV file",
     E1("cash.csv", EDIT_NUL_AT, "li-yunfei,2021,salary,64583.00,CNY,2021-02-26", NULL),
     "cash.csv:3: error: ", "not a text file: it holds a NUL byte", "1 error in"},
    {"old Excel workbook saved as prices.csv",
     E1("prices.csv", EDIT_WRITE, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", NULL),
     "prices.csv:1:1: error: ", "header: invalid UTF-8 (byte 0xD0 at byte 1 of the value)", NULL},
    {"invalid UTF-8", E1("people.csv", EDIT_REPLACE, "李雲飛", "Zo\xEB"), "people.csv:2:2: error: ",
     "name: invalid UTF-8 (byte 0xEB at byte 3 of the value); save the file as CSV UTF-8",
     "1 error in"},
    {"quote never closed", E1("people.csv", EDIT_APPEND, "x,\"unterminated,CEO\n", NULL),
     "people.csv:7:2: error: ", "name: a quote opened here is never closed", "1 error in"},
    {"quote inside an unquoted value", E1("people.csv", EDIT_REPLACE, "李雲飛", "李\"雲\"飛"),
     "people.csv:2:2: error: ", "name: a quote inside a value that is not enclosed in quotes",
     "1 error in"},
    {"text after a closing quote", E1("people.csv", EDIT_REPLACE, "李雲飛", "\"李雲飛\" Li"),
     "people.csv:2:2: error: ", "name: text after the closing quote of a quoted value",
     "1 error in"},
    {"thousands separator without quotes", E1("cash.csv", EDIT_REPLACE, "64583.00", "64,583.00"),
     "cash.csv:2:4: error: ",
     "amount: the row has 7 values but the header names 6 columns: '64,583.00' is one number "
     "split at an unquoted thousands separator, which shifts the columns after it; did you mean "
     "\"64,583.00\"? (a value with a comma must be in quotes)",
     "1 error in"},
    {"a folder where a file should be", E1("cash.csv", EDIT_FOLDER, NULL, NULL),
     "cash.csv: error: ", "this is a folder, not a file", "1 error in"},
    {"missing people.csv", E1("people.csv", EDIT_DELETE, NULL, NULL),
     "people.csv: error: ", "required file missing: people.csv lists each person", "1 error in"},
    {"missing roles.csv", E1("roles.csv", EDIT_DELETE, NULL, NULL),
     "roles.csv: error: ", "required file missing: roles.csv", "1 error in"},
    {"missing cash.csv", E1("cash.csv", EDIT_DELETE, NULL, NULL),
     "cash.csv: error: ", "required file missing: cash.csv", "1 error in"},
    {"missing prices.csv", E1("prices.csv", EDIT_DELETE, NULL, NULL),
     "prices.csv: error: ", "required file missing: prices.csv", "1 error in"},
    {"missing performance.csv", E1("performance.csv", EDIT_DELETE, NULL, NULL),
     "performance.csv: error: ", "required file missing: performance.csv", "1 error in"},
    {"missing vesting.csv with awards", E1("vesting.csv", EDIT_DELETE, NULL, NULL),
     "vesting.csv: error: ", "required file missing: vesting.csv gives the tranches", "1 error in"},
    {"missing fx.csv with amounts in RMB", E1("fx.csv", EDIT_DELETE, NULL, NULL),
     "cash.csv:2:5: error: ", "currency: amounts in CNY need exchange rates, but fx.csv is missing",
     "1 error in"},
    {"missing outcomes.csv with a performance award", E1("outcomes.csv", EDIT_DELETE, NULL, NULL),
     "awards.csv:5:4: error: ",
     "condition: award 'li-option-2021-11-29' has a performance condition", "1 error in"},
    {"missing paycalc.json", E1("paycalc.json", EDIT_DELETE, NULL, NULL),
     "paycalc.json: error: ", "required file missing: paycalc.json", "1 error in"},

    /* paycalc.json. */
    {"truncated paycalc.json", E1("paycalc.json", EDIT_KEEP_BEFORE, "\"smaller", NULL),
     "paycalc.json:11:2: error: ", "invalid JSON: string or '}' expected near end of file",
     "1 error in"},
    {"empty paycalc.json", E1("paycalc.json", EDIT_WRITE, "", NULL),
     "paycalc.json:", "invalid JSON", "1 error in"},
    {"years as a string",
     E1("paycalc.json", EDIT_REPLACE, "[\n    2021,\n    2022\n  ]", "\"2021-2022\""),
     "paycalc.json:7:3: error: ",
     "years: must be a list of fiscal years ([2021, 2022]), not a string", "1 error in"},
    {"paycalc.json holding a list", E1("paycalc.json", EDIT_WRITE, "[2021, 2022]\n", NULL),
     "paycalc.json:1:1: error: ", "the file must hold one JSON object", "1 error in"},
    {"years not consecutive", E1("paycalc.json", EDIT_REPLACE, "2022\n  ]", "2023\n  ]"),
     "paycalc.json:7:3: error: ",
     "years: the years must be consecutive and ascending (2023 follows "
     "2021)",
     "1 error in"},
    {"four years for a smaller reporting company",
     E1("paycalc.json", EDIT_REPLACE, "2021,\n    2022\n", "2019, 2020, 2021,\n    2022\n"),
     "paycalc.json:7:3: error: ",
     "years: 4 years given; list 1 to 3 covered fiscal years (a smaller reporting company covers "
     "at most 3)",
     "1 error in"},
    {"year as text in the list", E1("paycalc.json", EDIT_REPLACE, "2022\n  ]", "\"2022\"\n  ]"),
     "paycalc.json:7:3: error: ", "years: item 2 must be a year (2022), not a string",
     "1 error in"},
    {"fiscal year end 02-30", E1("paycalc.json", EDIT_REPLACE, "\"12-31\"", "\"02-30\""),
     "paycalc.json:6:3: error: ", "fiscal_year_end: invalid value '02-30': no such day",
     "1 error in"},
    {"fiscal year end 02-29", E1("paycalc.json", EDIT_REPLACE, "\"12-31\"", "\"02-29\""),
     "paycalc.json:6:3: error: ",
     "fiscal_year_end: invalid value '02-29': a fiscal year end must "
     "exist every year",
     "1 error in"},
    {"fiscal year end as a date", E1("paycalc.json", EDIT_REPLACE, "\"12-31\"", "\"2022-12-31\""),
     "paycalc.json:6:3: error: ",
     "fiscal_year_end: invalid value '2022-12-31': write the month and "
     "day as MM-DD",
     "1 error in"},
    {"unknown exchange-rate method", E1("paycalc.json", EDIT_REPLACE, "annual_average", "monthly"),
     "paycalc.json:12:3: error: ",
     "fx_method: invalid value 'monthly': use annual_average, payment_date or year_end",
     "1 error in"},
    {"cap_decimals 3",
     E1("paycalc.json", EDIT_REPLACE, "\"cap_decimals\": 2", "\"cap_decimals\": 3"),
     "paycalc.json:14:3: error: ",
     "cap_decimals: invalid value 3: use 0 (whole dollars) or 2 "
     "(cents)",
     "1 error in"},
    {"smaller reporting company as a word", E1("paycalc.json", EDIT_REPLACE, "true", "\"yes\""),
     "paycalc.json:11:3: error: ", "smaller_reporting_company: must be true or false, not a string",
     "1 error in"},
    {"company missing",
     E1("paycalc.json", EDIT_REPLACE,
        "\"company\": {\n    \"name\": \"CBAK Energy Technology, Inc.\",\n    \"ticker\": "
        "\"CBAT\"\n  },\n",
        ""),
     "paycalc.json: error: ", "company: required setting missing", "1 error in"},
    {"a key twice",
     E1("paycalc.json", EDIT_REPLACE, "\"cap_decimals\": 2",
        "\"cap_decimals\": 2, \"cap_decimals\": 0"),
     "paycalc.json:14:", "invalid JSON: duplicate object key", "1 error in"},
    {"payment-date rates without payment dates",
     E2("paycalc.json", EDIT_REPLACE, "annual_average", "payment_date", "cash.csv", EDIT_REPLACE,
        ",2021-01-29", ","),
     "cash.csv:2:6: error: ", "pay_date: a value is required when fx_method is payment_date", NULL},
    /* Characters XML 1.0 forbids, refused where they are read (SPEC section 9):
     * they once went into the workbook's XML and made it corrupt. */
    {"U+FFFF in a name", E1("people.csv", EDIT_REPLACE, "李雲飛", "李雲\xEF\xBF\xBF飛"),
     "people.csv:2:2: error: ",
     "name: the value holds the character U+FFFF (a noncharacter), which a workbook cannot "
     "hold; remove it",
     "1 error in"},
    {"U+FFFE in a position",
     E1("people.csv", EDIT_REPLACE, "Interim Chief", "Interim\xEF\xBF\xBE Chief"),
     "people.csv:3:3: error: ", "position: the value holds the character U+FFFE", "1 error in"},
    {"a control character in a name", E1("people.csv", EDIT_REPLACE, "裴翔宇", "裴\x01翔宇"),
     "people.csv:3:2: error: ", "name: the value holds the character U+0001 (a control character)",
     "1 error in"},
    {"U+FFFF escaped in paycalc.json",
     E1("paycalc.json", EDIT_REPLACE, "CBAK Energy", "CBAK \\uFFFF Energy"),
     "paycalc.json:3:19: error: ", "the text holds the character U+FFFF (a noncharacter)",
     "1 error in"},
    {"U+FFFF as it is in paycalc.json",
     E1("paycalc.json", EDIT_REPLACE, "CBAK Energy", "CBAK\xEF\xBF\xBF Energy"),
     "paycalc.json:3:18: error: ", "the text holds the character U+FFFF", "1 error in"},
    {"a backspace escaped in paycalc.json",
     E1("paycalc.json", EDIT_REPLACE, "CBAK Energy", "CBAK\\b Energy"),
     "paycalc.json:3:18: error: ", "the text holds the character U+0008 (a control character)",
     "1 error in"},
    /* The column limit holds for every row, not only the header (SPEC 14). */
    {"a data row of more than 16 values",
     E1("cash.csv", EDIT_REPLACE, "2021-01-29\n", "2021-01-29,,,,,,,,,,,,,,\n"),
     "cash.csv:2:17: error: ",
     "the row has 20 values; a row may have at most 16 (the row was not read)", "1 error in"},
    /* A published average covers a whole, positive number of NEOs. */
    {"a negative NEO count",
     E1("reported.csv", EDIT_REPLACE, "non_peo_neo_average,count,1",
        "non_peo_neo_average,count,-3"),
     "reported.csv:22:5: error: ",
     "value: invalid count '-3': the number of NEOs the average covers is a whole number of at "
     "least 1",
     "1 error in"},
    {"a fractional NEO count",
     E1("reported.csv", EDIT_REPLACE, "non_peo_neo_average,count,1",
        "non_peo_neo_average,count,2.5"),
     "reported.csv:22:5: error: ", "value: invalid count '2.5'", "1 error in"},
    /* A CR alone ends a line in a CRLF file too: the line numbers follow. */
    {"mixed CR and CRLF line ends",
     E2("cash.csv", EDIT_CRLF, NULL, NULL, "cash.csv", EDIT_REPLACE,
        "2021-01-29\r\nli-yunfei,2021,salary,64583.00",
        "2021-01-29\rli-yunfei,2021,salary,64583.0O"),
     "cash.csv:3:4: error: ", "amount: invalid amount '64583.0O'", "1 error in"},
};

#define NCASES (sizeof catalogue / sizeof catalogue[0])

ParameterizedTestParameters(errors, each_bad_input_exits_3_names_the_cell_and_writes_nothing)
{
    static int index[NCASES];
    for (size_t i = 0; i < NCASES; i++)
        index[i] = (int)i;
    return cr_make_param_array(int, index, NCASES);
}

ParameterizedTest(int *i, errors, each_bad_input_exits_3_names_the_cell_and_writes_nothing)
{
    const error_case *c = &catalogue[*i];
    size_t nedits = c->edits[1].op == EDIT_NONE ? 1 : 2;
    char *in = edited_set(c->edits, nedits);
    char *out = output_with_earlier_report();
    const char *args[] = {"run", in, "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s: exit status %d, expected 3\n%s", c->name, r.status, r.err);
    cr_assert(has_message(r.err, c->where, c->text ? c->text : ""),
              "%s: no message at '%s' saying '%s' in:\n%s", c->name, c->where,
              c->text ? c->text : "", r.err);
    cr_assert(strstr(r.err, "; nothing was written\n") != NULL, "%s:\n%s", c->name, r.err);
    if (c->summary)
        cr_assert(strstr(r.err, c->summary) != NULL, "%s: expected '%s' (no follow-on errors):\n%s",
                  c->name, c->summary, r.err);
    cr_assert_eq(r.out[0], '\0', "%s: tables printed for a failed run", c->name);
    assert_nothing_written(out, c->name);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* ---- harmless variations ------------------------------------------------------ */

typedef struct variation {
    const char *name;
    edit edits[6];
} variation;

static const variation variations[] = {
    {"byte-order marks",
     {{"cash.csv", EDIT_PREPEND, "\xEF\xBB\xBF", NULL},
      {"people.csv", EDIT_PREPEND, "\xEF\xBB\xBF", NULL},
      {"prices.csv", EDIT_PREPEND, "\xEF\xBB\xBF", NULL},
      {"paycalc.json", EDIT_PREPEND, "\xEF\xBB\xBF", NULL}}},
    {"CRLF line ends",
     {{"cash.csv", EDIT_CRLF, NULL, NULL},
      {"awards.csv", EDIT_CRLF, NULL, NULL},
      {"vesting.csv", EDIT_CRLF, NULL, NULL},
      {"fx.csv", EDIT_CRLF, NULL, NULL},
      {"fair_values.csv", EDIT_CRLF, NULL, NULL},
      {"paycalc.json", EDIT_CRLF, NULL, NULL}}},
    {"old Macintosh line ends",
     {{"cash.csv", EDIT_CR, NULL, NULL}, {"prices.csv", EDIT_CR, NULL, NULL}}},
    {"columns in another order",
     {{"cash.csv", EDIT_REVERSE, NULL, NULL},
      {"awards.csv", EDIT_REVERSE, NULL, NULL},
      {"vesting.csv", EDIT_REVERSE, NULL, NULL},
      {"prices.csv", EDIT_REVERSE, NULL, NULL},
      {"roles.csv", EDIT_REVERSE, NULL, NULL},
      {"people.csv", EDIT_REVERSE, NULL, NULL}}},
    /* SPEC section 13: the CBAK ledger as patterns, every stock grant
     * vesting in one instalment on its grant date and the options in ten
     * half-yearly ones, in place of vesting.csv's 36 rows. */
    {"the ledger written as patterns",
     {{"awards.csv", EDIT_WRITE,
       "award_id,person_id,type,condition,grant_date,shares,exercise_price,expiration_date,grant_"
       "fv_per_share,dividend_rights,schedule\n"
       "li-stock-2021q1,li-yunfei,stock,service,2021-03-31,5155,,,5.82,yes,annual 1 from "
       "2021-03-31\n"
       "li-stock-2021q2,li-yunfei,stock,service,2021-06-30,7673,,,3.91,yes,annual 1 from "
       "2021-06-30\n"
       "li-stock-2021q3,li-yunfei,stock,service,2021-09-30,12146,,,2.47,yes,annual 1 from "
       "2021-09-30\n"
       "li-option-2021-11-29,li-yunfei,option,performance,2021-11-29,200000,1.96,2027-09-26,0."
       "267249,no,semiannual 10 from 2022-05-30\n"
       "li-stock-2021q4,li-yunfei,stock,service,2021-12-31,16573,,,1.81,yes,annual 1 from "
       "2021-12-31\n"
       "li-stock-2022q1,li-yunfei,stock,service,2022-03-31,14151,,,1.06,yes,annual 1 from "
       "2022-03-31\n"
       "li-stock-2022q2,li-yunfei,stock,service,2022-06-30,9804,,,1.53,yes,annual 1 from "
       "2022-06-30\n"
       "li-stock-2022q3,li-yunfei,stock,service,2022-09-30,11194,,,1.34,yes,annual 1 from "
       "2022-09-30\n"
       "li-stock-2022q4,li-yunfei,stock,service,2022-12-30,13055,,,1.149,yes,annual 1 from "
       "2022-12-30\n"
       "pei-stock-2021q1,pei-xiangyu,stock,service,2021-03-31,2320,,,5.82,yes,annual 1 from "
       "2021-03-31\n"
       "pei-stock-2021q2,pei-xiangyu,stock,service,2021-06-30,3453,,,3.91,yes,annual 1 from "
       "2021-06-30\n"
       "pei-stock-2021q3,pei-xiangyu,stock,service,2021-09-30,5466,,,2.47,yes,annual 1 from "
       "2021-09-30\n"
       "pei-option-2021-11-29,pei-xiangyu,option,performance,2021-11-29,150000,1.96,2027-09-26,0."
       "267249,no,semiannual 10 from 2022-05-30\n"
       "pei-stock-2021q4,pei-xiangyu,stock,service,2021-12-31,7456,,,1.81,yes,annual 1 from "
       "2021-12-31\n"
       "pei-stock-2022q1,pei-xiangyu,stock,service,2022-03-31,6368,,,1.06,yes,annual 1 from "
       "2022-03-31\n"
       "pei-stock-2022q2,pei-xiangyu,stock,service,2022-06-30,4412,,,1.53,yes,annual 1 from "
       "2022-06-30\n"
       "pei-stock-2022q3,pei-xiangyu,stock,service,2022-09-30,5037,,,1.34,yes,annual 1 from "
       "2022-09-30\n"
       "pei-stock-2022q4,pei-xiangyu,stock,service,2022-12-30,5875,,,1.149,yes,annual 1 from "
       "2022-12-30\n"
       "simon-xue-stock-2022,simon-xue,stock,service,2022-07-12,2000,,,1.50,yes,annual 1 from "
       "2022-07-12\n"
       "martha-agee-stock-2022,martha-agee,stock,service,2022-07-12,2000,,,1.50,yes,annual 1 "
       "from 2022-07-12\n"
       "he-jianjun-stock-2022,he-jianjun,stock,service,2022-07-12,2000,,,1.50,yes,annual 1 from "
       "2022-07-12\n",
       NULL},
      {"vesting.csv", EDIT_DELETE, NULL, NULL}}},
    {"RMB for CNY",
     {{"cash.csv", EDIT_REPLACE_ALL, ",CNY,", ",RMB,"},
      {"fx.csv", EDIT_REPLACE_ALL, "CNY,", "RMB,"}}},
    {"blank lines",
     {{"cash.csv", EDIT_BLANK_LINES, NULL, NULL},
      {"prices.csv", EDIT_BLANK_LINES, NULL, NULL},
      {"vesting.csv", EDIT_BLANK_LINES, NULL, NULL},
      {"awards.csv", EDIT_BLANK_LINES, NULL, NULL},
      {"roles.csv", EDIT_BLANK_LINES, NULL, NULL}}},
    {"white space around values",
     {{"cash.csv", EDIT_REPLACE_ALL, ",", " ,  "},
      {"prices.csv", EDIT_REPLACE_ALL, ",", "\t,\t"},
      {"awards.csv", EDIT_REPLACE_ALL, ",", ", "},
      /* The no-break space that values copied from a filing carry. */
      {"people.csv", EDIT_REPLACE_ALL, ",", "\xC2\xA0,\xC2\xA0"}}},
    {"upper and lower case in names and words",
     {{"cash.csv", EDIT_REPLACE, "person_id,year,component,amount,currency",
       "PERSON_ID,Year,Component,AMOUNT,Currency"},
      {"cash.csv", EDIT_REPLACE_ALL, ",salary,", ",Salary,"},
      {"cash.csv", EDIT_REPLACE_ALL, ",CNY,", ",cny,"},
      {"roles.csv", EDIT_REPLACE_ALL, ",PEO,", ",peo,"},
      {"vesting.csv", EDIT_REPLACE_ALL, ",vested,", ",Vested,"},
      {"awards.csv", EDIT_REPLACE_ALL, ",stock,service,", ",Stock,SERVICE,"}}},
    {"amounts quoted with thousands separators and trailing zeros",
     {{"cash.csv", EDIT_REPLACE_ALL, ",64583.00,", ",\"64,583.0000\","},
      {"awards.csv", EDIT_REPLACE, ",200000,", ",\"200,000\","},
      {"prices.csv", EDIT_REPLACE_ALL, ",3.05\n", ",3.050000000\n"}}},
    {"every value quoted",
     {{"roles.csv", EDIT_WRITE,
       "\"year\",\"person_id\",\"role\",\"position\"\n"
       "\"2021\",\"li-yunfei\",\"PEO\",\"\"\n"
       "\"2021\",\"pei-xiangyu\",\"NEO\",\"Former interim CFO\"\n"
       "\"2022\",\"li-yunfei\",\"PEO\",\"\"\n"
       "\"2022\",\"pei-xiangyu\",\"NEO\",\"Former interim CFO\"\n"
       "\"2022\",\"simon-xue\",\"director\",\"\"\n"
       "\"2022\",\"martha-agee\",\"director\",\"\"\n"
       "\"2022\",\"he-jianjun\",\"director\",\"\"\n",
       NULL}}},
    {"no line end after the last row",
     {{"cash.csv", EDIT_REPLACE, "he-jianjun,2022,fees,5000.00,USD,2022-12-30\n",
       "he-jianjun,2022,fees,5000.00,USD,2022-12-30"}}},
    {"rows for years outside the covered years",
     {{"cash.csv", EDIT_APPEND, "li-yunfei,2019,salary,1.00,USD,\nli-yunfei,2025,bonus,oops,USD,\n",
       NULL},
      {"performance.csv", EDIT_APPEND, "2020,12\n", NULL},
      {"roles.csv", EDIT_APPEND, "2020,li-yunfei,PEO,\n", NULL}}},
};

#define NVARIATIONS (sizeof variations / sizeof variations[0])

static char *clean_report(void)
{
    char *in = edited_set(NULL, 0);
    char *out = make_temp_dir();
    const char *args[] = {"run", in, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "the reference set: %s", r.err);
    run_result_free(&r);
    char *path = path_join(out, "report.json");
    char *text = read_file(path, NULL);
    cr_assert_not_null(text);
    free(path);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
    return text;
}

ParameterizedTestParameters(variations, harmless_variations_give_the_same_report_bytes)
{
    static int index[NVARIATIONS];
    for (size_t i = 0; i < NVARIATIONS; i++)
        index[i] = (int)i;
    return cr_make_param_array(int, index, NVARIATIONS);
}

ParameterizedTest(int *i, variations, harmless_variations_give_the_same_report_bytes)
{
    const variation *v = &variations[*i];
    char *clean = clean_report();
    size_t nedits = 0;
    while (nedits < 6 && v->edits[nedits].op != EDIT_NONE)
        nedits++;
    char *in = edited_set(v->edits, nedits);
    char *out = make_temp_dir();
    const char *args[] = {"run", in, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s: exit status %d\n%s", v->name, r.status, r.err);
    char *path = path_join(out, "report.json");
    size_t n = 0;
    char *text = read_file(path, &n);
    cr_assert_not_null(text, "%s: no report.json", v->name);
    cr_assert_eq(n, strlen(clean), "%s: report.json differs in length", v->name);
    size_t at = 0;
    while (at < n && text[at] == clean[at])
        at++;
    cr_assert_eq(at, n, "%s: report.json differs from byte %zu: ...%.60s...", v->name, at,
                 text + (at > 30 ? at - 30 : 0));
    free(text);
    free(path);
    free(clean);
    run_result_free(&r);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* ---- limits (read.h) ----------------------------------------------------------- */

/* Runs `run` on the edited copy and asserts a refusal with exit status 3
 * and nothing written; returns the run for more checks (caller frees). */
static run_result refused(const char *in, const char *label)
{
    char *out = output_with_earlier_report();
    const char *args[] = {"run", in, "--out", out, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s: exit status %d\n%.2000s", label, r.status, r.err);
    assert_nothing_written(out, label);
    remove_dir(out);
    free(out);
    return r;
}

static char *repeat(char c, size_t n)
{
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

Test(limits, a_value_over_4096_bytes_is_refused_with_its_length)
{
    char *name = repeat('x', PC_LIMIT_FIELD_BYTES + 1);
    edit e = {"people.csv", EDIT_REPLACE, "李雲飛", name};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "long value");
    cr_assert(has_message(r.err, "people.csv:2:2: error: ",
                          "name: the value is 4097 bytes long; a value may have at most 4096"),
              "%s", r.err);
    cr_assert(strstr(r.err, "1 error in") != NULL, "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(name);
}

Test(limits, a_text_setting_over_4096_bytes_is_refused_with_its_length)
{
    /* A 50 MB measure name once made a 100 MB chart part. */
    char *name = repeat('x', PC_LIMIT_FIELD_BYTES + 1);
    edit e = {"paycalc.json", EDIT_REPLACE, "CBAK Energy Technology, Inc.", name};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "long company name");
    cr_assert(has_message(r.err, "paycalc.json:3:5: error: ",
                          "company.name: the text is 4097 bytes long; a setting may have at most "
                          "4096"),
              "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(name);
}

Test(limits, a_value_of_exactly_4096_bytes_is_read)
{
    /* The limit itself is allowed: a 4096-byte position reads and is shown. */
    char *position = repeat('p', PC_LIMIT_FIELD_BYTES);
    edit e = {"people.csv", EDIT_REPLACE, "President and Chief Executive Officer", position};
    char *in = edited_set(&e, 1);
    const char *args[] = {"check", in, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%.2000s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(position);
}

Test(limits, a_quote_left_open_over_many_lines_stops_at_the_field_limit)
{
    /* An opening quote never closed swallows the rest of the file: it is
     * reported where it starts once it passes the limit, not read on. */
    size_t rows = 2000;
    char *tail = malloc(rows * 40 + 64);
    char *o = tail + sprintf(tail, "x,\"Unclosed,CEO\n");
    for (size_t i = 0; i < rows; i++)
        o += sprintf(o, "p%zu,Person %zu,Director\n", i, i);
    edit e = {"people.csv", EDIT_APPEND, tail, NULL};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "open quote");
    cr_assert(has_message(r.err, "people.csv:7:2: error: ",
                          "name: a quoted value longer than 4096 bytes starts here (is its closing "
                          "quote missing?)"),
              "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(tail);
}

Test(limits, more_errors_than_the_limit_stop_the_list_with_a_message)
{
    /* 1500 bad amounts: the first 1000 are listed, then one line says the
     * list stops there. */
    size_t rows = PC_LIMIT_ERRORS + 500;
    char *text = malloc(rows * 64 + 128);
    char *o = text + sprintf(text, "person_id,year,component,amount,currency\n");
    for (size_t i = 0; i < rows; i++)
        o += sprintf(o, "li-yunfei,2021,salary,%zu.O0,USD\n", i);
    edit e = {"cash.csv", EDIT_WRITE, text, NULL};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "too many errors");
    size_t errors = 0;
    for (const char *p = r.err; (p = strstr(p, ": error: ")) != NULL; p++)
        errors++;
    cr_assert_eq(errors, PC_LIMIT_ERRORS + 1, "%zu error lines", errors);
    cr_assert(has_message(r.err, "cash.csv: error: ",
                          "too many errors: stopped after 1000; correct these and check again"),
              "%.3000s", r.err + (strlen(r.err) > 3000 ? strlen(r.err) - 3000 : 0));
    /* The last listed is the 1000th bad row (line 1001). */
    cr_assert(has_message(r.err, "cash.csv:1001:4: error: ", "'999.O0'"));
    cr_assert_null(strstr(r.err, "cash.csv:1002:4:"), "listed past the limit");
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(text);
}

Test(limits, a_file_over_512_mb_is_refused_before_it_is_read)
{
    /* A sparse file: the size check comes from stat, before any read, so
     * the test is quick and uses no disk. */
    char *in = edited_set(NULL, 0);
    char *path = path_join(in, "prices.csv");
    int fd = open(path, O_WRONLY | O_TRUNC);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)PC_LIMIT_FILE_BYTES + 1), 0);
    close(fd);
    run_result r = refused(in, "large file");
    cr_assert(has_message(r.err, "prices.csv: error: ",
                          "the file has 536870913 bytes; an input file may have at most 536870912 "
                          "(512 MB)"),
              "%s", r.err);
    cr_assert(strstr(r.err, "1 error in") != NULL, "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
    free(path);
}

Test(limits, a_header_of_more_than_16_columns_is_refused)
{
    edit e = {"performance.csv", EDIT_REPLACE, "year,net_income",
              "year,net_income,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o"};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "wide header");
    cr_assert(has_message(r.err, "performance.csv:1:17: error: ",
                          "header: 17 columns; a file may have at most 16"),
              "%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
}

/* ---- extreme inputs: finish, never crash or hang -------------------------------- */

typedef struct extreme_case {
    const char *name;
    edit edits[12];
} extreme_case;

static const extreme_case extremes[] = {
    {"prices two centuries apart",
     {{"prices.csv", EDIT_APPEND, "1900-01-01,1\n2200-12-31,1000000\n", NULL}}},
    {"only two prices, two centuries apart",
     {{"prices.csv", EDIT_WRITE, "date,close\n1900-01-01,1\n2200-12-31,1000000\n", NULL}}},
    {"share counts near the int64 limit",
     {{"awards.csv", EDIT_REPLACE, ",5155,", ",9000000000000000000,"},
      {"vesting.csv", EDIT_REPLACE, ",5155,vested", ",9000000000000000000,vested"}}},
    {"share counts of a billion billion on an option",
     {{"awards.csv", EDIT_REPLACE, ",200000,1.96,", ",\"9,000,000,000,000,000,000\",1.96,"},
      {"vesting.csv", EDIT_REPLACE_ALL, "li-option-2021-11-29,10,2026-11-30,20000,",
       "li-option-2021-11-29,10,2026-11-30,8999999999999820000,"}}},
    {"volatility 5 and 500%, rates of -5 and 5, a term of a millionth of a year",
     {{"assumptions.csv", EDIT_WRITE,
       "date,volatility,risk_free_rate,dividend_yield,expected_term\n"
       "2021-11-29,5,-5,5,0.000001\n2021-12-31,500%,5,0,200\n2022-12-31,0,0,0,0.000001\n",
       NULL},
      {"fair_values.csv", EDIT_WRITE, "award_id,tranche,date,fv_per_share\n", NULL}}},
    {"options expiring in 2200 valued by the model",
     {{"awards.csv", EDIT_REPLACE_ALL, "2027-09-26", "2200-12-31"},
      {"fair_values.csv", EDIT_WRITE, "award_id,tranche,date,fv_per_share\n", NULL}}},
    {"prices of a few thousandths of a dollar",
     {{"prices.csv", EDIT_REPLACE_ALL, ".", ""},
      {"prices.csv", EDIT_REPLACE_ALL, ",", ",0.00"},
      {"prices.csv", EDIT_REPLACE, "date,0.00close", "date,close"}}},
    {"prices of nine trillion dollars",
     {{"prices.csv", EDIT_REPLACE_ALL, ",", ",9000000000"},
      {"prices.csv", EDIT_REPLACE, "date,9000000000close", "date,close"}}},
    {"a dividend of millions on every day",
     {{"prices.csv", EDIT_REPLACE_ALL, "\n", ",9999999\n"},
      {"prices.csv", EDIT_REPLACE, "date,close,9999999", "date,close,dividend"}}},
    {"an exchange rate of a millionth",
     {{"fx.csv", EDIT_WRITE, "currency,period,per_usd\nCNY,2021,0.000001\nCNY,2022,0.000001\n",
       NULL}}},
    {"an exchange rate of a trillion",
     {{"fx.csv", EDIT_WRITE,
       "currency,period,per_usd\nCNY,2021,1000000000000\nCNY,2022,999999999999.999999\n", NULL}}},
    {"the largest amounts in every cash row",
     {{"cash.csv", EDIT_REPLACE_ALL, ",salary,", ",all_other,"},
      {"cash.csv", EDIT_REPLACE_ALL, ".00,", "000000000000.00,"}}},
    {"a fiscal year ending on 1 January 1900",
     {{"paycalc.json", EDIT_REPLACE, "\"12-31\"", "\"01-01\""},
      {"paycalc.json", EDIT_REPLACE, "2021,\n    2022\n", "1900,\n    1901\n"},
      {"performance.csv", EDIT_WRITE, "year,net_income\n1900,1\n1901,2\n", NULL},
      {"roles.csv", EDIT_REPLACE_ALL, "2021,", "1900,"},
      {"roles.csv", EDIT_REPLACE_ALL, "2022,", "1901,"},
      {"cash.csv", EDIT_REPLACE_ALL, ",2021,", ",1900,"},
      {"prices.csv", EDIT_APPEND, "1900-01-01,2\n1901-01-01,3\n", NULL},
      {"awards.csv", EDIT_DELETE, NULL, NULL},
      {"vesting.csv", EDIT_DELETE, NULL, NULL},
      {"outcomes.csv", EDIT_DELETE, NULL, NULL},
      {"fair_values.csv", EDIT_DELETE, NULL, NULL},
      {"fx.csv", EDIT_APPEND, "CNY,1900,6.6\n", NULL}}},
    {"the covered years 2199 and 2200",
     {{"paycalc.json", EDIT_REPLACE, "2021,\n    2022\n", "2199,\n    2200\n"},
      {"performance.csv", EDIT_WRITE, "year,net_income\n2199,1\n2200,2\n", NULL},
      {"roles.csv", EDIT_REPLACE_ALL, "2021,", "2199,"},
      {"roles.csv", EDIT_REPLACE_ALL, "2022,", "2200,"},
      {"cash.csv", EDIT_REPLACE_ALL, ",2022,", ",2200,"},
      {"prices.csv", EDIT_APPEND, "2198-12-31,1\n2199-12-31,2\n2200-12-31,3\n", NULL},
      {"fx.csv", EDIT_APPEND, "CNY,2200,6.6\n", NULL}}},
    {"probable outcomes of 500%", {{"outcomes.csv", EDIT_REPLACE_ALL, ",1\n", ",500%\n"}}},
};

#define NEXTREMES (sizeof extremes / sizeof extremes[0])

ParameterizedTestParameters(extremes, extreme_inputs_finish_with_0_or_3)
{
    static int index[NEXTREMES];
    for (size_t i = 0; i < NEXTREMES; i++)
        index[i] = (int)i;
    return cr_make_param_array(int, index, NEXTREMES);
}

/* The processor-time limit of every test (CMakeLists.txt) catches a hang;
 * the exit status catches a crash (a signal gives -1). */
ParameterizedTest(int *i, extremes, extreme_inputs_finish_with_0_or_3)
{
    const extreme_case *c = &extremes[*i];
    size_t nedits = 0;
    while (nedits < 12 && c->edits[nedits].op != EDIT_NONE)
        nedits++;
    char *in = edited_set(c->edits, nedits);
    char *out = output_with_earlier_report();
    const char *args[] = {"run", in, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert(r.status == 0 || r.status == 3, "%s: exit status %d\n%.2000s", c->name, r.status,
              r.err);
    if (getenv("PAYCALC_TEST_SHOW"))
        fprintf(stderr, "%s: %d %.300s\n", c->name, r.status, r.err);
    if (r.status == 3) {
        cr_assert(strstr(r.err, ": error: ") != NULL, "%s: no message:\n%s", c->name, r.err);
        cr_assert_null(strstr(r.err, "paycalc: 0 errors"), "%s:\n%s", c->name, r.err);
        assert_nothing_written(out, c->name);
    } else {
        char *path = path_join(out, "report.json");
        json_error_t err;
        json_t *root = json_load_file(path, 0, &err);
        cr_assert_not_null(root, "%s: report.json: %s", c->name, err.text);
        json_decref(root);
        free(path);
        cr_assert_eq(count_entries(out), 3, "%s: report.json, report.xlsx and ixbrl/ only",
                     c->name);
    }
    run_result_free(&r);
    remove_dir(in);
    remove_dir(out);
    free(in);
    free(out);
}

/* ---- outputs that cannot be written ---------------------------------------------- */

/* Entries of a folder whose name starts with '.': the writers' temporary
 * files (".report.json.XXXXXX"). */
static int hidden_entries(const char *dir)
{
    char cmd[600];
    /* The lock file an output folder keeps is not a leftover. */
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -v '^%s$' | grep -c '^\\.'", dir,
             PC_OUTPUT_LOCK_NAME);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

Test(output, a_workbook_target_that_is_a_folder_exits_4_and_keeps_the_earlier_json)
{
    /* The workbook is written first: when it fails, report.json is not
     * touched either. Tests run as root, so permissions cannot make a folder
     * unwritable: a target that is a folder fails the rename instead. */
    char *dir = make_temp_dir();
    char *json = path_join(dir, "report.json");
    char *xlsx = path_join(dir, "report.xlsx");
    cr_assert_eq(write_text(json, earlier), 0);
    cr_assert_eq(mkdir(xlsx, 0755), 0);
    const char *args[] = {"run", CBAK, "--json", json, "--xlsx", xlsx, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "report.xlsx") != NULL, "the message names the file: %s", r.err);
    char *kept = read_file(json, NULL);
    cr_assert_str_eq(kept, earlier, "report.json changed");
    free(kept);
    cr_assert_eq(count_entries(dir), 2, "report.json and the folder only");
    cr_assert_eq(count_entries(xlsx), 0);
    cr_assert_eq(hidden_entries(dir), 0, "a temporary file was left behind");
    run_result_free(&r);
    free(json);
    free(xlsx);
    remove_dir(dir);
    free(dir);
}

Test(output, a_json_target_that_is_a_folder_exits_4_and_leaves_no_temporary_file)
{
    char *dir = make_temp_dir();
    char *json = path_join(dir, "report.json");
    cr_assert_eq(mkdir(json, 0755), 0);
    const char *args[] = {"run", CBAK, "--out", dir, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "report.json") != NULL, "%s", r.err);
    /* The folder named report.json only: the reports are a pair, and the
     * workbook is not put in place without its JSON (SPEC section 14). */
    cr_assert_eq(count_entries(dir), 1);
    cr_assert_eq(hidden_entries(dir), 0, "a temporary file was left behind");
    cr_assert_eq(count_entries(json), 0);
    run_result_free(&r);
    free(json);
    remove_dir(dir);
    free(dir);
}

Test(output, an_output_folder_below_a_file_exits_4_and_writes_nothing)
{
    char *dir = make_temp_dir();
    char *file = path_join(dir, "reports");
    cr_assert_eq(write_text(file, earlier), 0);
    char *out = path_join(file, "cbak");
    const char *args[] = {"run", CBAK, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 4, "%s", r.err);
    cr_assert(strstr(r.err, "cannot create the output folder") != NULL, "%s", r.err);
    char *kept = read_file(file, NULL);
    cr_assert_str_eq(kept, earlier);
    cr_assert_eq(count_entries(dir), 1);
    run_result_free(&r);
    free(kept);
    free(out);
    free(file);
    remove_dir(dir);
    free(dir);
}

Test(output, a_failed_run_over_earlier_reports_keeps_both_byte_for_byte)
{
    /* A first run writes both reports; a second run whose JSON cannot be
     * written (--json names a folder) leaves the first run's report.json as
     * it was, and an input error in a third run leaves both. */
    char *dir = make_temp_dir();
    const char *first[] = {"run", CBAK, "--out", dir, "--quiet", NULL};
    run_result r = run_paycalc(first);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    char *json = path_join(dir, "report.json");
    char *xlsx = path_join(dir, "report.xlsx");
    size_t njson, nxlsx;
    char *json_before = read_file(json, &njson);
    char *xlsx_before = read_file(xlsx, &nxlsx);
    cr_assert_not_null(json_before);
    cr_assert_not_null(xlsx_before);

    char *sub = path_join(dir, "folder");
    cr_assert_eq(mkdir(sub, 0755), 0);
    const char *second[] = {"run", CBAK, "--json", sub, "--out", dir, "--quiet", NULL};
    r = run_paycalc(second);
    cr_assert_eq(r.status, 4, "%s", r.err);
    run_result_free(&r);

    edit e = {"cash.csv", EDIT_REPLACE, "64583.00", "64583.O0"};
    char *in = edited_set(&e, 1);
    const char *third[] = {"run", in, "--out", dir, "--quiet", NULL};
    r = run_paycalc(third);
    cr_assert_eq(r.status, 3, "%s", r.err);
    run_result_free(&r);

    size_t n;
    char *json_after = read_file(json, &n);
    cr_assert(n == njson && memcmp(json_after, json_before, n) == 0, "report.json changed");
    char *xlsx_after = read_file(xlsx, &n);
    cr_assert(n == nxlsx && memcmp(xlsx_after, xlsx_before, n) == 0, "report.xlsx changed");
    cr_assert_eq(count_entries(dir), 4, "report.json, report.xlsx, ixbrl/ and the folder only");
    cr_assert_eq(count_entries(sub), 0);
    cr_assert_eq(hidden_entries(dir), 0);
    free(json_before);
    free(xlsx_before);
    free(json_after);
    free(xlsx_after);
    free(json);
    free(xlsx);
    free(sub);
    remove_dir(in);
    free(in);
    remove_dir(dir);
    free(dir);
}

/* ---- verify --reported FILE on its own ------------------------------------------- */

Test(errors, a_bad_published_file_on_its_own_exits_3_and_writes_no_findings)
{
    char *dir = make_temp_dir();
    char *reported = path_join(dir, "published.csv");
    char *json = path_join(dir, "findings.json");
    cr_assert_eq(write_text(reported, "table,year,subject,item,value\n"
                                      "sct,2021,li,salary,12,3\n"
                                      "sct,20x1,li,total,1\n"
                                      "sct,2021,li,wages,1\n"),
                 0);
    const char *args[] = {"verify", "--reported", reported, "--json", json, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(has_message(r.err, "published.csv:2:6: error: ",
                          "column 6: the row has 6 values but the header names 5 columns"),
              "%s", r.err);
    cr_assert(has_message(r.err, "published.csv:3:2: error: ", "year: invalid year '20x1'"), "%s",
              r.err);
    cr_assert(has_message(r.err, "published.csv:4:4: error: ", "item: invalid item 'wages'"), "%s",
              r.err);
    cr_assert(strstr(r.err, "nothing was verified") != NULL, "%s", r.err);
    cr_assert_eq(count_entries(dir), 1, "no findings file");
    run_result_free(&r);

    const char *missing[] = {"verify", "--reported", json, NULL};
    r = run_paycalc(missing);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert(has_message(r.err, "findings.json: error: ", "required file missing"), "%s", r.err);
    run_result_free(&r);
    free(reported);
    free(json);
    remove_dir(dir);
    free(dir);
}

/* A bad value is quoted in its message shortened to about 60 bytes between
 * characters, never inside one, with "..." for the rest: 50 Chinese
 * characters (150 bytes) in an amount are quoted as their first 20. */
Test(limits, a_long_bad_value_is_quoted_shortened_between_characters)
{
    char value[151], first20[61 + 3], first21[64];
    for (int i = 0; i < 50; i++)
        memcpy(value + 3 * i, "\xe6\x9d\x8e", 3); /* 李 */
    value[150] = '\0';
    snprintf(first20, sizeof first20, "%.60s...", value);
    snprintf(first21, sizeof first21, "%.63s", value);
    edit e = {"cash.csv", EDIT_REPLACE, "64583.00", value};
    char *in = edited_set(&e, 1);
    run_result r = refused(in, "long bad amount");
    cr_assert(strstr(r.err, "cash.csv:2:4: error: ") != NULL, "%s", r.err);
    cr_assert(strstr(r.err, first20) != NULL, "no '%s' in:\n%s", first20, r.err);
    cr_assert(strstr(r.err, first21) == NULL, "more than 60 bytes quoted:\n%s", r.err);
    run_result_free(&r);
    remove_dir(in);
    free(in);
}
