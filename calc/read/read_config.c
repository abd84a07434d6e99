/*
 * paycalc.json (SPEC section 2): the company, its fiscal calendar, the
 * covered years and the calculation settings, read with jansson.
 *
 * jansson gives a line and column for a syntax error but none for a value
 * once parsed, so a message about a value points at the place where its key
 * is written in the text (found by searching for `"key":`); the column is
 * then a character position in that line, as in jansson's own messages.
 */
#include "read_internal.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/read.h"

typedef struct config_reader {
    pc_read_ctx *rd;
    const char *path;
    const char *text;
    size_t len;
} config_reader;

/* Offset of `"key"` followed by a colon, searching from `from`; -1 if none. */
static long find_key(const config_reader *cr, long from, const char *key)
{
    size_t klen = strlen(key);
    if (from < 0)
        from = 0;
    for (const char *p = cr->text + from; (p = strchr(p, '"')) != NULL; p++) {
        if (strncmp(p + 1, key, klen) != 0 || p[1 + klen] != '"')
            continue;
        const char *q = p + klen + 2;
        while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
            q++;
        if (*q == ':')
            return (long)(p - cr->text);
    }
    return -1;
}

/* Line and character column (1-based) of a byte offset. */
static void position(const config_reader *cr, long offset, int *line, int *column)
{
    *line = 0;
    *column = 0;
    if (offset < 0)
        return;
    int l = 1, c = 1;
    for (long i = 0; i < offset; i++) {
        unsigned char ch = (unsigned char)cr->text[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

typedef struct key_ref {
    const char *name; /* as shown in messages: "company.name" */
    long offset;      /* where the key is written, or -1 */
} key_ref;

static key_ref locate(const config_reader *cr, long from, const char *key, const char *shown)
{
    key_ref k = {shown, find_key(cr, from, key)};
    return k;
}

static void key_error(config_reader *cr, key_ref key, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void key_error(config_reader *cr, key_ref key, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!text) {
        cr->rd->nomem = true;
        return;
    }
    int line, column;
    position(cr, key.offset, &line, &column);
    pc_read_error(cr->rd, cr->path, line, column, code, "%s: %s", key.name, text);
    free(text);
}

static const char *kind_of(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "a list";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "a whole number";
    case JSON_REAL:
        return "a decimal number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "true or false";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

static void wrong_type(config_reader *cr, key_ref key, const json_t *v, const char *expected)
{
    key_error(cr, key, "bad_type", "must be %s, not %s", expected, kind_of(v));
}

static void missing(config_reader *cr, key_ref key, const char *what)
{
    /* The key is nowhere: point at the file itself. */
    pc_read_error(cr->rd, cr->path, 0, 0, "missing_setting", "%s: required setting missing (%s)",
                  key.name, what);
}

/* A required non-empty string; NULL (reported) otherwise. */
/* A text setting is held to the length of a CSV value (PC_LIMIT_FIELD_BYTES):
 * a 50 MB measure name once made a 100 MB chart part. */
static bool too_long(config_reader *cr, key_ref ref, const json_t *v)
{
    size_t n = json_string_length(v);
    if (n <= PC_LIMIT_FIELD_BYTES)
        return false;
    key_error(cr, ref, "limit", "the text is %zu bytes long; a setting may have at most %d", n,
              PC_LIMIT_FIELD_BYTES);
    return true;
}

static char *required_string(config_reader *cr, json_t *obj, long from, const char *key,
                             const char *shown, const char *what)
{
    key_ref ref = locate(cr, from, key, shown);
    json_t *v = obj ? json_object_get(obj, key) : NULL;
    if (!v) {
        missing(cr, ref, what);
        return NULL;
    }
    if (!json_is_string(v)) {
        wrong_type(cr, ref, v, "a string");
        return NULL;
    }
    if (too_long(cr, ref, v))
        return NULL;
    const char *s = json_string_value(v);
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    if (n == 0) {
        key_error(cr, ref, "missing_value", "must not be empty");
        return NULL;
    }
    char *copy = malloc(n + 1);
    if (!copy) {
        cr->rd->nomem = true;
        return NULL;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

/* One of `names` (index returned), or `fallback` when the key is absent. */
static int choice(config_reader *cr, json_t *root, const char *key, const char *const *names,
                  int count, int fallback)
{
    key_ref ref = locate(cr, 0, key, key);
    json_t *v = json_object_get(root, key);
    if (!v)
        return fallback;
    if (!json_is_string(v)) {
        wrong_type(cr, ref, v, "a string");
        return fallback;
    }
    for (int i = 0; i < count; i++)
        if (strcmp(json_string_value(v), names[i]) == 0)
            return i;
    char allowed[200] = "";
    for (int i = 0; i < count; i++) {
        strcat(allowed, i ? (i == count - 1 ? " or " : ", ") : "");
        strcat(allowed, names[i]);
    }
    key_error(cr, ref, "bad_value", "invalid value '%s': use %s",
              pc_read_show(cr->rd, json_string_value(v)), allowed);
    return fallback;
}

/* Unknown settings are listed up to this many per object, then counted. */
#define SHOWN_UNKNOWN 20

/* Unknown keys, each searched for from where the previous one was found
 * (jansson keeps the order they are written in) and only the first
 * SHOWN_UNKNOWN of them: one pass over the text however many there are. */
static void check_unknown_keys(config_reader *cr, json_t *obj, long from, const char *prefix,
                               const char *const *known, size_t nknown)
{
    const char *key;
    json_t *value;
    size_t unknown = 0;
    long cursor = from;
    json_object_foreach(obj, key, value)
    {
        bool found = false;
        for (size_t i = 0; i < nknown && !found; i++)
            found = strcmp(key, known[i]) == 0;
        if (found || ++unknown > SHOWN_UNKNOWN)
            continue;
        long at = find_key(cr, cursor, key);
        if (at >= 0)
            cursor = at + 1;
        int line, column;
        position(cr, at, &line, &column);
        pc_read_warning(cr->rd, cr->path, line, column, "unknown_setting",
                        "%s%s: unknown setting, ignored (a misspelt name?)", prefix,
                        pc_read_show(cr->rd, key));
    }
    if (unknown > SHOWN_UNKNOWN)
        pc_read_warning(cr->rd, cr->path, 0, 0, "unknown_setting",
                        "%zu more unknown settings%s%.*s, ignored (only the first %d are listed)",
                        unknown - SHOWN_UNKNOWN, *prefix ? " in " : "",
                        (int)(*prefix ? strlen(prefix) - 1 : 0), prefix, SHOWN_UNKNOWN);
}

static void read_company(config_reader *cr, json_t *root, pc_config *config)
{
    key_ref ref = locate(cr, 0, "company", "company");
    json_t *company = json_object_get(root, "company");
    if (!company) {
        missing(cr, ref, "{\"name\": ..., \"ticker\": ...}");
        return;
    }
    if (!json_is_object(company)) {
        wrong_type(cr, ref, company, "an object with \"name\" and \"ticker\"");
        return;
    }
    config->company_name =
        required_string(cr, company, ref.offset, "name", "company.name", "the company's name");
    config->ticker = required_string(cr, company, ref.offset, "ticker", "company.ticker",
                                     "the stock ticker symbol");
    static const char *const known[] = {"name", "ticker"};
    check_unknown_keys(cr, company, ref.offset, "company.", known, 2);
}

static void read_fiscal_year_end(config_reader *cr, json_t *root, pc_config *config)
{
    key_ref ref = locate(cr, 0, "fiscal_year_end", "fiscal_year_end");
    json_t *v = json_object_get(root, "fiscal_year_end");
    if (!v) {
        missing(cr, ref, "the month and day of the fiscal year end, \"MM-DD\"");
        return;
    }
    if (!json_is_string(v)) {
        wrong_type(cr, ref, v, "a string \"MM-DD\"");
        return;
    }
    const char *s = json_string_value(v);
    bool form = strlen(s) == 5 && s[2] == '-';
    for (int i = 0; form && i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            form = false;
    if (!form) {
        key_error(cr, ref, "bad_date",
                  "invalid value '%s': write the month and day as MM-DD "
                  "(12-31)",
                  pc_read_show(cr->rd, s));
        return;
    }
    int month = (s[0] - '0') * 10 + (s[1] - '0');
    int day = (s[3] - '0') * 10 + (s[4] - '0');
    if (month == 2 && day == 29) {
        key_error(cr, ref, "bad_date",
                  "invalid value '02-29': a fiscal year end must exist every year; use 02-28");
        return;
    }
    /* 2001 is not a leap year: any month-day valid in it is valid every year. */
    if (!pc_date_valid_ymd(2001, month, day)) {
        key_error(cr, ref, "bad_date", "invalid value '%s': no such day", s);
        return;
    }
    config->fiscal_year_end.month = month;
    config->fiscal_year_end.day = day;
}

static void read_years(config_reader *cr, json_t *root, pc_config *config, bool src_known, bool src)
{
    key_ref ref = locate(cr, 0, "years", "years");
    json_t *v = json_object_get(root, "years");
    if (!v) {
        missing(cr, ref, "the covered fiscal years, such as [2021, 2022]");
        return;
    }
    if (!json_is_array(v)) {
        wrong_type(cr, ref, v, "a list of fiscal years ([2021, 2022])");
        return;
    }
    size_t n = json_array_size(v);
    /* Item 402(v): five covered years, three for a smaller reporting company. */
    size_t max = src_known && src ? 3 : PC_MAX_YEARS;
    if (n == 0 || n > max) {
        key_error(cr, ref, "bad_years", "%zu years given; list 1 to %zu covered fiscal years%s", n,
                  max, max == 3 ? " (a smaller reporting company covers at most 3)" : "");
        return;
    }
    int years[PC_MAX_YEARS];
    for (size_t i = 0; i < n; i++) {
        json_t *y = json_array_get(v, i);
        if (!json_is_integer(y)) {
            key_error(cr, ref, "bad_years", "item %zu must be a year (2022), not %s", i + 1,
                      kind_of(y));
            return;
        }
        json_int_t year = json_integer_value(y);
        if (year < PC_YEAR_MIN || year > PC_YEAR_MAX) {
            key_error(cr, ref, "bad_years",
                      "item %zu: %" JSON_INTEGER_FORMAT " is not a year from %d to %d", i + 1, year,
                      PC_YEAR_MIN, PC_YEAR_MAX);
            return;
        }
        years[i] = (int)year;
        if (i > 0 && years[i] != years[i - 1] + 1) {
            key_error(cr, ref, "bad_years",
                      "the years must be consecutive and ascending (%d follows %d)", years[i],
                      years[i - 1]);
            return;
        }
    }
    memcpy(config->years, years, n * sizeof years[0]);
    config->nyears = (int)n;
}

static void read_sct_years(config_reader *cr, json_t *root, pc_config *config)
{
    /* SPEC section 2: the SCT shows the last 2 covered years for an SRC
     * (Item 402(n)) and the last 3 otherwise (Item 402(c)). */
    int sct = config->smaller_reporting_company ? 2 : 3;
    key_ref ref = locate(cr, 0, "sct_years", "sct_years");
    json_t *v = json_object_get(root, "sct_years");
    if (v) {
        if (!json_is_integer(v)) {
            wrong_type(cr, ref, v, "a whole number");
        } else if (json_integer_value(v) < 1) {
            key_error(cr, ref, "bad_value", "must be at least 1, not %" JSON_INTEGER_FORMAT,
                      json_integer_value(v));
        } else if (config->nyears > 0 && json_integer_value(v) > config->nyears) {
            int line, column;
            position(cr, ref.offset, &line, &column);
            pc_read_warning(cr->rd, cr->path, line, column, "sct_years_clamped",
                            "sct_years: %" JSON_INTEGER_FORMAT
                            " is more than the %d covered years; the SCT shows %d",
                            json_integer_value(v), config->nyears, config->nyears);
            sct = config->nyears;
        } else {
            sct = (int)json_integer_value(v);
        }
    }
    if (config->nyears > 0 && sct > config->nyears)
        sct = config->nyears;
    config->sct_years = sct;
}

/* display_units (SPEC section 2): {"net_income": "thousands", ...}, the
 * unit of the workbook's disclosure columns; ones when absent. */
static void read_display_units(config_reader *cr, json_t *root, pc_config *config)
{
    key_ref ref = locate(cr, 0, "display_units", "display_units");
    json_t *units = json_object_get(root, "display_units");
    if (!units)
        return;
    if (!json_is_object(units)) {
        wrong_type(cr, ref, units, "an object such as {\"net_income\": \"thousands\"}");
        return;
    }
    static const char *const keys[] = {"net_income", "company_selected_measure"};
    static const char *const paths[] = {"display_units.net_income",
                                        "display_units.company_selected_measure"};
    pc_units *out[] = {&config->net_income_units, &config->csm_units};
    static const char *const names[] = {"ones", "thousands", "millions"};
    for (int k = 0; k < 2; k++) {
        json_t *v = json_object_get(units, keys[k]);
        if (!v)
            continue;
        key_ref at = locate(cr, ref.offset, keys[k], paths[k]);
        int found = -1;
        for (int i = 0; i < 3 && json_is_string(v); i++)
            if (strcmp(json_string_value(v), names[i]) == 0)
                found = i;
        if (!json_is_string(v))
            wrong_type(cr, at, v, "\"ones\", \"thousands\" or \"millions\"");
        else if (found < 0)
            key_error(cr, at, "bad_value", "invalid value '%s': use ones, thousands or millions",
                      pc_read_show(cr->rd, json_string_value(v)));
        else
            *out[k] = (pc_units)found;
    }
    check_unknown_keys(cr, units, ref.offset, "display_units.", keys, 2);
}

/* A whole number of "monte_carlo" from `min` to `max`, or false (reported). */
static bool mc_integer(config_reader *cr, json_t *mc, long from, const char *key, const char *shown,
                       json_int_t min, json_int_t max, const char *what, json_int_t *out)
{
    json_t *v = json_object_get(mc, key);
    if (!v)
        return false;
    key_ref ref = locate(cr, from, key, shown);
    if (!json_is_integer(v)) {
        wrong_type(cr, ref, v, what);
        return false;
    }
    if (json_integer_value(v) < min || json_integer_value(v) > max) {
        key_error(cr, ref, "bad_value", "invalid value %" JSON_INTEGER_FORMAT ": must be %s",
                  json_integer_value(v), what);
        return false;
    }
    *out = json_integer_value(v);
    return true;
}

/* "monte_carlo": {"paths": 100000, "seed": 1, "antithetic": true} (SPEC
 * section 10; these defaults when absent) and "peer_group" (section 11). */
static void read_monte_carlo(config_reader *cr, json_t *root, pc_config *config)
{
    key_ref ref = locate(cr, 0, "monte_carlo", "monte_carlo");
    json_t *mc = json_object_get(root, "monte_carlo");
    if (mc && !json_is_object(mc)) {
        wrong_type(cr, ref, mc, "an object with \"paths\", \"seed\" and \"antithetic\"");
    } else if (mc) {
        json_int_t v;
        if (mc_integer(cr, mc, ref.offset, "paths", "monte_carlo.paths", 1000, 10000000,
                       "a whole number of paths from 1,000 to 10,000,000", &v))
            config->monte_carlo.paths = (size_t)v;
        if (mc_integer(cr, mc, ref.offset, "seed", "monte_carlo.seed", 0, (json_int_t)INT64_MAX,
                       "a whole number from 0", &v))
            config->monte_carlo.seed = (uint64_t)v;
        if (mc_integer(cr, mc, ref.offset, "threads", "monte_carlo.threads", 0, 1024,
                       "a whole number of threads from 0 (every core) to 1,024", &v))
            config->monte_carlo.threads = (unsigned)v;
        json_t *anti = json_object_get(mc, "antithetic");
        if (anti && !json_is_boolean(anti))
            wrong_type(cr, locate(cr, ref.offset, "antithetic", "monte_carlo.antithetic"), anti,
                       "true or false");
        else if (anti)
            config->monte_carlo.antithetic = json_is_true(anti);
        if (config->monte_carlo.antithetic && config->monte_carlo.paths % 2 != 0)
            key_error(cr, locate(cr, ref.offset, "paths", "monte_carlo.paths"), "bad_value",
                      "invalid value %zu: antithetic paths come in pairs, use an even number",
                      config->monte_carlo.paths);
        static const char *const known[] = {"paths", "seed", "antithetic", "threads"};
        check_unknown_keys(cr, mc, ref.offset, "monte_carlo.", known, 4);
    }
    key_ref peer_ref = locate(cr, 0, "peer_group", "peer_group");
    json_t *peer = json_object_get(root, "peer_group");
    if (peer && !json_is_null(peer)) {
        if (!json_is_string(peer) || json_string_length(peer) == 0) {
            wrong_type(cr, peer_ref, peer, "the name of a set of peers.csv");
        } else {
            config->peer_group = pc_strdup(json_string_value(peer));
            if (!config->peer_group)
                cr->rd->nomem = true;
        }
    }
}

/* "cik" (the SEC Central Index Key, a string of 10 digits, optional) and
 * "ecd_year" (the ECD/DEI taxonomy of the Inline XBRL section: 2023, 2024 or
 * 2025, the newest by default): SPEC section 15. */
static void read_filing(config_reader *cr, json_t *root, pc_config *config)
{
    key_ref cik_ref = locate(cr, 0, "cik", "cik");
    json_t *cik = json_object_get(root, "cik");
    if (cik && !json_is_null(cik)) {
        const char *t = json_is_string(cik) ? json_string_value(cik) : NULL;
        size_t n = t ? json_string_length(cik) : 0;
        bool digits = t && n == 10;
        for (size_t i = 0; digits && i < n; i++)
            digits = t[i] >= '0' && t[i] <= '9';
        if (!t)
            wrong_type(cr, cik_ref, cik, "the 10 digits of the Central Index Key as a string");
        else if (!digits)
            key_error(cr, cik_ref, "bad_value",
                      "invalid value '%s': the Central Index Key is 10 digits, with its leading "
                      "zeros (\"0001234567\")",
                      pc_read_show(cr->rd, t));
        else
            memcpy(config->cik, t, 11);
    }
    key_ref year_ref = locate(cr, 0, "ecd_year", "ecd_year");
    json_t *year = json_object_get(root, "ecd_year");
    config->ecd_year = PC_ECD_YEAR_DEFAULT;
    if (year) {
        if (!json_is_integer(year))
            wrong_type(cr, year_ref, year, "2023, 2024 or 2025");
        else if (json_integer_value(year) < 2023 || json_integer_value(year) > 2025)
            key_error(cr, year_ref, "bad_value",
                      "invalid value %" JSON_INTEGER_FORMAT
                      ": the ECD taxonomies paycalc writes are 2023, 2024 and 2025",
                      json_integer_value(year));
        else
            config->ecd_year = (int)json_integer_value(year);
    }
}

static void read_settings(config_reader *cr, json_t *root, pc_config *config)
{
    read_company(cr, root, config);
    read_fiscal_year_end(cr, root, config);

    key_ref src_ref = locate(cr, 0, "smaller_reporting_company", "smaller_reporting_company");
    json_t *src = json_object_get(root, "smaller_reporting_company");
    bool src_known = false;
    if (!src) {
        missing(cr, src_ref, "true or false");
    } else if (!json_is_boolean(src)) {
        wrong_type(cr, src_ref, src, "true or false");
    } else {
        src_known = true;
        config->smaller_reporting_company = json_is_true(src);
    }
    read_years(cr, root, config, src_known, config->smaller_reporting_company);

    static const char *const fx_methods[] = {"annual_average", "payment_date", "year_end"};
    static const pc_fx_method fx_values[] = {PC_FX_ANNUAL_AVERAGE, PC_FX_PAYMENT_DATE,
                                             PC_FX_YEAR_END};
    config->fx_method = fx_values[choice(cr, root, "fx_method", fx_methods, 3, 0)];

    static const char *const terms[] = {"remaining_contractual", "simplified"};
    config->expected_term = choice(cr, root, "expected_term", terms, 2, 0)
                                ? PC_TERM_SIMPLIFIED
                                : PC_TERM_REMAINING_CONTRACTUAL;

    key_ref dec_ref = locate(cr, 0, "cap_decimals", "cap_decimals");
    json_t *dec = json_object_get(root, "cap_decimals");
    config->cap_decimals = 2;
    if (dec) {
        if (!json_is_integer(dec))
            wrong_type(cr, dec_ref, dec, "0 or 2");
        else if (json_integer_value(dec) != 0 && json_integer_value(dec) != 2)
            key_error(cr, dec_ref, "bad_value",
                      "invalid value %" JSON_INTEGER_FORMAT ": use 0 (whole dollars) or 2 (cents)",
                      json_integer_value(dec));
        else
            config->cap_decimals = (int)json_integer_value(dec);
    }

    key_ref csm_ref = locate(cr, 0, "company_selected_measure", "company_selected_measure");
    json_t *csm = json_object_get(root, "company_selected_measure");
    if (csm && !json_is_null(csm)) {
        if (!json_is_string(csm)) {
            wrong_type(cr, csm_ref, csm, "the measure's name or null");
        } else if (too_long(cr, csm_ref, csm)) {
            /* reported; the measure is left out */
        } else if (json_string_length(csm) > 0) {
            config->company_selected_measure = pc_strdup(json_string_value(csm));
            if (!config->company_selected_measure)
                cr->rd->nomem = true;
        }
    }

    read_sct_years(cr, root, config);
    read_display_units(cr, root, config);
    read_monte_carlo(cr, root, config);
    read_filing(cr, root, config);

    static const char *const known[] = {
        "company",   "fiscal_year_end", "years",        "smaller_reporting_company",
        "fx_method", "expected_term",   "cap_decimals", "company_selected_measure",
        "sct_years", "monte_carlo",     "peer_group",   "display_units",
        "cik",       "ecd_year"};
    check_unknown_keys(cr, root, 0, "", known, sizeof known / sizeof known[0]);
}

/* The character a JSON escape at text[i] ('\\' then b, f or uXXXX) stands
 * for when XML 1.0 forbids it, else 0; *width is the escape's length. */
static unsigned forbidden_escape(const char *t, size_t n, size_t i, size_t *width)
{
    *width = i + 1 < n ? 2 : 1;
    if (*width == 1)
        return 0;
    if (t[i + 1] == 'b' || t[i + 1] == 'f')
        return t[i + 1] == 'b' ? 0x08 : 0x0C;
    if (t[i + 1] != 'u' || i + 5 >= n)
        return 0;
    unsigned v = 0;
    for (size_t k = i + 2; k < i + 6; k++) {
        char c = t[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return 0;
        v = v * 16 + (unsigned)d;
    }
    *width = 6;
    /* U+0000 jansson refuses itself; tab, LF and CR are allowed. */
    bool bad =
        (v > 0 && v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF;
    return bad ? v : 0;
}

/* Characters XML 1.0 forbids, written as they are (U+FFFE, U+FFFF) or as
 * JSON escapes ("\\uFFFF", "\\u0001", "\\b", "\\f"), each refused at its
 * line and column (SPEC section 9): no text of paycalc.json can then break
 * the workbook. Raw control characters are jansson's own syntax errors. */
static void check_forbidden(config_reader *cr)
{
    const char *t = cr->text;
    size_t n = cr->len;
    int line = 1, column = 1;
    for (size_t i = 0; i < n;) {
        size_t width = 1;
        unsigned cp = 0;
        if (t[i] == '\\')
            cp = forbidden_escape(t, n, i, &width);
        else if ((unsigned char)t[i] == 0xEF)
            (void)pc_text_xml_forbidden_at(t + i, n - i < 3 ? n - i : 3, &cp);
        if (cp)
            pc_read_error(cr->rd, cr->path, line, column, "forbidden_character",
                          "the text holds the character U+%04X (%s), which a workbook cannot "
                          "hold; remove it",
                          cp, cp < 0x20 ? "a control character" : "a noncharacter");
        for (size_t k = i; k < i + width && k < n; k++) {
            if (t[k] == '\n') {
                line++;
                column = 1;
            } else if (((unsigned char)t[k] & 0xC0) != 0x80) {
                column++;
            }
        }
        i += width;
    }
}

pc_read_open pc_read_config(pc_read_ctx *rd, const char *path, pc_config *config)
{
    char *data;
    const char *text;
    size_t len;
    pc_read_open opened = pc_read_load(rd, path, &data, &text, &len);
    if (opened != PC_READ_READ)
        return opened;
    config_reader cr = {rd, path, text, len};
    check_forbidden(&cr);
    json_error_t err;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        pc_read_error(rd, path, err.line > 0 ? err.line : 0, err.column > 0 ? err.column : 0,
                      "bad_json", "invalid JSON: %s", err.text);
    } else if (!json_is_object(root)) {
        pc_read_error(
            rd, path, 1, 1, "bad_json",
            "the file must hold one JSON object ({\"company\": ..., \"years\": ...}), not %s",
            kind_of(root));
    } else {
        read_settings(&cr, root, config);
    }
    json_decref(root);
    free(data);
    return PC_READ_READ;
}
