/*
 * The streaming JSON writer (calc/write/json/stream.h): its text must be byte for
 * byte what jansson writes with PC_JSON_FLAGS, since report.json mixes the
 * two. jansson itself is the reference: the same numbers and strings dumped
 * by json_dumps, and the whole report read back and dumped again.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/write/json/stream.h"
#include "../calc/write/json/util.h"
#include "builder.h"
#include "paycalc/engine.h"
#include "paycalc/write.h"
#include "support.h"

#define M(x) ((int64_t)llround((x)*1e6)) /* decimal -> micros */

/* jansson's text of one real, as report.json holds it. */
static char *jansson_real(double value)
{
    json_t *r = json_real(value);
    cr_assert_not_null(r);
    char *text = json_dumps(r, JSON_ENCODE_ANY | PC_JSON_FLAGS);
    json_decref(r);
    return text;
}

static void assert_real_as_jansson(double value)
{
    char *want = jansson_real(value), got[64];
    size_t n = pc_json_format_real(value, got);
    cr_assert_str_eq(got, want, "%.17g", value);
    cr_assert_eq(n, strlen(want));
    free(want);
}

static double real_cases[] = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    0.5,
    2.5,
    235853.85,
    100.0,
    1e14,
    1e15,
    1e16,
    1e21,
    1e22,
    1e23,
    123456789012345.0,
    999999999999999.4,
    999999999999999.6,
    9.999999999999995e-5,
    0.0001,
    0.00012345,
    1e-5,
    1.5e-7,
    1e-8,
    1e-300,
    5e-324,
    1.7976931348623157e308,
    0.30000000000000004,
    1.0 / 3,
    -2.0 / 3,
    6.7264,
    0.267249,
    1.2383,
    9.87671232876712,
    -0.123456789012345678,
    // Ties at the 15th digit: the exact binary value decides, which printf knows.
    0.1000000000000005,
    2.0000000000000005,
    1234567.8901234565,
};

ParameterizedTestParameters(json_stream, real_matches_jansson)
{
    return cr_make_param_array(double, real_cases, sizeof real_cases / sizeof real_cases[0]);
}

ParameterizedTest(double *value, json_stream, real_matches_jansson)
{
    assert_real_as_jansson(*value);
}

Test(json_stream, reals_of_every_magnitude_match_jansson)
{
    /* A fixed pseudo-random walk over signs, mantissas and exponents, and
     * the amounts report.json is full of: cents and micros as dollars. */
    unsigned long long x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double unit = (double)(x >> 11) / 9007199254740992.0;
        double v;
        switch (i % 4) {
        case 0:
            v = unit * pow(10, (int)(x % 48) - 24) * ((x >> 7) & 1 ? -1 : 1);
            break;
        case 1:
            v = (double)(long long)(x % 100000000000000ULL) / 100.0;
            break;
        case 2:
            v = (double)(long long)(x % 10000000000000ULL) / 1e6;
            break;
        default:
            v = unit * 4 - 2;
            break;
        }
        assert_real_as_jansson(v);
    }
}

/* The text itself, not a pointer: Criterion runs each parameter in a new
 * process, where a pointer into this one means nothing. */
typedef struct text_case {
    char text[64];
    bool valid;
} text_case;

static text_case text_cases[] = {
    {"", true},
    {"plain ASCII, with commas", true},
    {"quote \" and backslash \\ and slash /", true},
    {"tab\tnewline\ncarriage\rfeed\fbell\b", true},
    {"control \x01 and \x1f and DEL \x7f", true},
    {"李雲飛", true},
    {"emoji \xF0\x9F\x98\x80 outside the BMP", true},
    {"overlong \xC0\xAF", false},
    {"cut short \xE6\x9D", false},
    {"surrogate \xED\xA0\x80", false},
    {"above U+10FFFF \xF4\x90\x80\x80", false},
    {"stray continuation \x80", false},
};

ParameterizedTestParameters(json_stream, string_matches_jansson)
{
    return cr_make_param_array(text_case, text_cases, sizeof text_cases / sizeof text_cases[0]);
}

ParameterizedTest(text_case *c, json_stream, string_matches_jansson)
{
    pc_jw w;
    pc_jw_init(&w, -1, 0);
    pc_jw_string(&w, c->text);
    json_t *s = json_string(c->text);
    if (!c->valid) {
        cr_assert_null(s, "jansson refuses it");
        cr_assert(w.bad_text, "the writer refuses it too");
        cr_assert_not(pc_jw_ok(&w));
    } else {
        cr_assert_not_null(s);
        char *want = json_dumps(s, JSON_ENCODE_ANY | PC_JSON_FLAGS);
        pc_jw_raw(&w, "", 1);
        cr_assert(pc_jw_ok(&w));
        cr_assert_str_eq(w.buf, want);
        free(want);
    }
    json_decref(s);
    pc_jw_fini(&w);
}

Test(json_stream, containers_indent_like_jansson)
{
    /* {"a": [1, {}, [], {"b": null}], "c": {"d": "e"}, "f": []} */
    json_t *root = json_pack("{s:[i,{},[],{s:n}],s:{s:s},s:[]}", "a", 1, "b", "c", "d", "e", "f");
    cr_assert_not_null(root);
    char *want = json_dumps(root, PC_JSON_FLAGS);
    json_decref(root);

    pc_jw w;
    pc_jw_init(&w, -1, 0);
    pc_jw_open(&w, '{');
    pc_jw_key(&w, "a");
    pc_jw_open(&w, '[');
    pc_jw_element(&w);
    pc_jw_integer(&w, 1);
    pc_jw_element(&w);
    pc_jw_open(&w, '{');
    pc_jw_close(&w, '}');
    pc_jw_element(&w);
    pc_jw_open(&w, '[');
    pc_jw_close(&w, ']');
    pc_jw_element(&w);
    pc_jw_open(&w, '{');
    pc_jw_key(&w, "b");
    pc_jw_string(&w, NULL);
    pc_jw_close(&w, '}');
    pc_jw_close(&w, ']');
    pc_jw_key(&w, "c");
    pc_jw_open(&w, '{');
    pc_jw_key(&w, "d");
    pc_jw_string(&w, "e");
    pc_jw_close(&w, '}');
    pc_jw_key(&w, "f");
    pc_jw_open(&w, '[');
    pc_jw_close(&w, ']');
    pc_jw_close(&w, '}');
    pc_jw_raw(&w, "", 1);
    cr_assert(pc_jw_ok(&w));
    cr_assert_str_eq(w.buf, want);
    free(want);
    pc_jw_fini(&w);
}

Test(json_stream, integers_money_and_micros_match_json_util)
{
    static const int64_t values[] = {0,
                                     1,
                                     -1,
                                     99,
                                     100,
                                     -100,
                                     123456,
                                     -123456,
                                     1000000,
                                     -1000001,
                                     5,
                                     -5,
                                     INT64_MAX / 1000,
                                     INT64_MIN / 1000,
                                     12345678901234};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        json_t *a = json_array();
        json_array_append_new(a, pc_json_money(values[i]));
        json_array_append_new(a, pc_json_micro(values[i]));
        json_array_append_new(a, json_integer(values[i]));
        char *want = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(15));
        json_decref(a);
        pc_jw w;
        pc_jw_init(&w, -1, 0);
        pc_jw_raw(&w, "[", 1);
        pc_jw_money(&w, values[i]);
        pc_jw_raw(&w, ",", 1);
        pc_jw_micro(&w, values[i]);
        pc_jw_raw(&w, ",", 1);
        pc_jw_integer(&w, values[i]);
        pc_jw_raw(&w, "]", 2);
        cr_assert_str_eq(w.buf, want, "%lld", (long long)values[i]);
        free(want);
        pc_jw_fini(&w);
    }
}

Test(json_stream, small_buffers_to_a_file_give_the_same_text)
{
    /* Past the flush size the text goes out in pieces; the pieces must
     * join up to what the in-memory writer holds. */
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/out.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    pc_jw file, mem;
    pc_jw_init(&file, fileno(f), 1);
    pc_jw_init(&mem, -1, 1);
    pc_jw *both[2] = {&file, &mem};
    for (int k = 0; k < 2; k++) {
        pc_jw *w = both[k];
        pc_jw_open(w, '[');
        for (int i = 0; i < 150000; i++) {
            pc_jw_element(w);
            pc_jw_open(w, '{');
            pc_jw_key(w, "n");
            pc_jw_integer(w, i);
            pc_jw_key(w, "x");
            pc_jw_real(w, i / 7.0);
            pc_jw_close(w, '}');
        }
        pc_jw_close(w, ']');
    }
    cr_assert_eq(pc_jw_flush(&file), 0);
    fclose(f);
    size_t size;
    char *text = read_file(path, &size);
    cr_assert_eq(size, mem.len);
    cr_assert(size > (2u << 20), "large enough to have been flushed more than once");
    cr_assert_eq(memcmp(text, mem.buf, size), 0);
    free(text);
    pc_jw_fini(&file);
    pc_jw_fini(&mem);
    remove_dir(dir);
    free(dir);
}

/* A small input set with a valuation of every method: a stock award at the
 * price, a stock award without dividend rights (discounted), an option
 * (Black-Scholes-Merton), a market-condition award (supplied values with a
 * note that needs escaping) and a performance award (probable outcome). */
static void valued_dataset(pc_dataset *ds)
{
    b_init(ds, 12, 31, 2021, 2022, false);
    size_t ceo = b_person(ds, "ceo", "李雲飛");
    size_t cfo = b_person(ds, "cfo", "Chief \"Numbers\" Officer");
    for (int y = 2021; y <= 2022; y++) {
        b_role(ds, y, ceo, PC_ROLE_PEO);
        b_role(ds, y, cfo, PC_ROLE_NEO);
        b_cash(ds, ceo, y, PC_COMP_SALARY, 12345678, "USD", NULL);
        b_cash(ds, cfo, y, PC_COMP_SALARY, 9876501, "USD", NULL);
        b_performance(ds, y, -123456789);
    }
    /* A negative change in pension value: a warning in report.json. */
    b_cash(ds, cfo, 2022, PC_COMP_CHANGE_IN_PENSION_VALUE, -250001, "USD", NULL);
    size_t s = b_award(ds, "stock", ceo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2020-06-30", 300, 0,
                       NULL, -1);
    b_tranche(ds, s, 1, "2021-06-30", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(ds, s, 2, "2022-06-30", 100, PC_TRANCHE_FORFEITED, "2022-03-31");
    b_tranche(ds, s, 3, "2023-06-30", 100, PC_TRANCHE_UNVESTED, NULL);
    size_t nd = b_award(ds, "no-dividends", cfo, PC_AWARD_STOCK, PC_CONDITION_SERVICE, "2021-03-31",
                        200, 0, NULL, -1);
    ds->awards.items[nd].dividend_rights = false;
    b_tranche(ds, nd, 1, "2022-03-31", 100, PC_TRANCHE_VESTED, NULL);
    b_tranche(ds, nd, 2, "2024-03-31", 100, PC_TRANCHE_UNVESTED, NULL);
    size_t o = b_award(ds, "option", ceo, PC_AWARD_OPTION, PC_CONDITION_SERVICE, "2021-03-31", 1000,
                       M(10.5), "2031-03-31", -1);
    b_tranche(ds, o, 1, "2022-03-31", 500, PC_TRANCHE_VESTED, NULL);
    b_tranche(ds, o, 2, "2023-03-31", 500, PC_TRANCHE_UNVESTED, NULL);
    size_t m = b_award(ds, "market", cfo, PC_AWARD_STOCK, PC_CONDITION_MARKET, "2021-03-31", 400, 0,
                       NULL, M(7.25));
    b_tranche(ds, m, 1, "2023-03-31", 400, PC_TRANCHE_UNVESTED, NULL);
    b_fair_value(ds, m, 0, "2021-12-31", M(8.123456));
    b_fair_value(ds, m, 0, "2022-12-31", M(0.000012));
    ds->fair_values.items[ds->fair_values.count - 1].note =
        pc_strdup("Monte Carlo \"TSR\"\n\t(v2)");
    size_t p = b_award(ds, "performance", ceo, PC_AWARD_STOCK, PC_CONDITION_PERFORMANCE,
                       "2021-06-30", 300, 0, NULL, -1);
    b_tranche(ds, p, 1, "2022-06-30", 150, PC_TRANCHE_VESTED, NULL);
    b_tranche(ds, p, 2, "2023-06-30", 150, PC_TRANCHE_UNVESTED, NULL);
    b_outcome(ds, p, 0, "2021-06-30", M(1.25));
    b_outcome(ds, p, 0, "2021-12-31", M(0.8));
    b_outcome(ds, p, 2, "2022-12-31", M(0.333333));
    const char *days[] = {"2020-06-30", "2020-12-31", "2021-03-31", "2021-06-30",
                          "2021-12-31", "2022-03-31", "2022-06-30", "2022-12-30"};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
        b_price(ds, days[i], M(9.87 + (double)i * 1.111111), i == 4 ? M(0.12) : 0);
    b_assumption(ds, "2020-01-01", M(0.6543), M(0.0123), M(0.021));
    b_assumption(ds, "2022-01-01", M(0.5), M(0.031), M(0.0));
    b_done(ds);
}

Test(json_stream, report_json_is_what_jansson_would_write)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_report_init(&report);
    pc_diags_init(&diags);
    valued_dataset(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
    bool methods[3] = {false, false, false};
    for (size_t i = 0; i < report.valuations.count; i++)
        methods[report.valuations.items[i].method] = true;
    cr_assert(methods[PC_METHOD_SUPPLIED] && methods[PC_METHOD_STOCK_PRICE] &&
              methods[PC_METHOD_BLACK_SCHOLES]);

    cr_assert(report.warnings.count > 0 && report.cap.count > 0 && report.sct.count > 0);

    char *text = pc_json_dumps(&ds, &report);
    cr_assert_not_null(text);
    /* Read back and dumped by jansson: the same bytes, so the streamed
     * award_valuations are laid out exactly as the rest. */
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    cr_assert_not_null(root, "%s at line %d", error.text, error.line);
    char *again = json_dumps(root, PC_JSON_FLAGS);
    cr_assert_str_eq(again, text);

    /* And the valuations are the engine's, in its order. */
    json_t *vals = json_object_get(root, "award_valuations");
    cr_assert_eq(json_array_size(vals), report.valuations.count);
    for (size_t i = 0; i < report.valuations.count; i++) {
        const pc_valuation *v = &report.valuations.items[i];
        json_t *o = json_array_get(vals, i);
        const pc_award *aw = &ds.awards.items[ds.tranches.items[v->tranche].award];
        cr_assert_str_eq(json_string_value(json_object_get(o, "award_id")), aw->id);
        cr_assert_eq(llround(json_number_value(json_object_get(o, "value")) * 100), v->value);
        cr_assert_str_eq(json_string_value(json_object_get(o, "purpose")),
                         pc_purpose_name(v->purpose));
    }
    /* Every streamed table holds what the report does. */
    cr_assert_eq(json_array_size(json_object_get(root, "cap_reconciliation")), report.cap.count);
    cr_assert_eq(json_array_size(json_object_get(root, "pay_versus_performance")),
                 report.pvp.count);
    cr_assert_eq(json_array_size(json_object_get(root, "warnings")), report.warnings.count);
    json_t *sct = json_object_get(root, "summary_compensation_table");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(sct, 0), "name")), "李雲飛");
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "company"), "ticker")),
                     "TEST");

    /* The escaped note came through intact. */
    bool note = false;
    for (size_t i = 0; i < json_array_size(vals); i++) {
        const char *n = json_string_value(
            json_object_get(json_object_get(json_array_get(vals, i), "inputs"), "note"));
        note = note || (n && strcmp(n, "Monte Carlo \"TSR\"\n\t(v2)") == 0);
    }
    cr_assert(note);

    /* The file holds the same text and a final newline. */
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/report.json", dir);
    cr_assert_eq(pc_write_json(&ds, &report, path, &diags), PC_OK);
    size_t size;
    char *file = read_file(path, &size);
    cr_assert_eq(size, strlen(text) + 1);
    cr_assert_eq(memcmp(file, text, size - 1), 0);
    cr_assert_eq(file[size - 1], '\n');
    cr_assert_eq(count_entries(dir), 1, "no temporary file left behind");

    free(file);
    remove_dir(dir);
    free(dir);
    free(again);
    json_decref(root);
    free(text);
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}

Test(json_stream, text_that_is_not_utf8_fails_the_write_and_keeps_the_old_report)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_report_init(&report);
    pc_diags_init(&diags);
    valued_dataset(&ds);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
    for (size_t i = 0; i < ds.fair_values.count; i++)
        if (ds.fair_values.items[i].note)
            ds.fair_values.items[i].note[0] = (char)0xC0;

    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/report.json", dir);
    cr_assert_eq(write_text(path, "old"), 0);
    size_t errors = diags.errors;
    cr_assert_eq(pc_write_json(&ds, &report, path, &diags), PC_ERR_WRITE);
    cr_assert_eq(diags.errors, errors + 1);
    cr_assert(strstr(diags.items[diags.count - 1].message, "not valid UTF-8"));
    char *kept = read_file(path, NULL);
    cr_assert_str_eq(kept, "old");
    cr_assert_eq(count_entries(dir), 1, "no temporary file left behind");
    cr_assert_null(pc_json_dumps(&ds, &report));

    free(kept);
    remove_dir(dir);
    free(dir);
    pc_report_fini(&report);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
}
