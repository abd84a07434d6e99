/*
 * Peer group TSR (SPEC section 11) through the program on the reference set
 * inputs/meridian-fy2024, whose performance.csv holds the peer group TSR
 * its generator computed independently (tools/generate.py, market-cap
 * weights, dividends reinvested): with that column removed and
 * "peer_group" named, paycalc must find the same figures; without market
 * caps the weights are equal, with a warning; a one-ticker set is an index.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "xlsx_xml.h"

#define SET SOURCE_DIR "/inputs/meridian-fy2024"

static char *copy_set(const char *peer_group)
{
    char *dir = make_temp_dir();
    cr_assert(dir);
    cr_assert_eq(copy_dir(SET, dir), 0);
    char path[4096], text[2048];
    snprintf(path, sizeof path, "%s/paycalc.json", dir);
    snprintf(text, sizeof text,
             "{\"company\": {\"name\": \"Meridian Freight Systems, Inc.\", \"ticker\": \"MRDN\"},\n"
             " \"fiscal_year_end\": \"12-31\", \"years\": [2022, 2023, 2024],\n"
             " \"smaller_reporting_company\": false, \"peer_group\": \"%s\",\n"
             " \"monte_carlo\": {\"paths\": 2000}}\n",
             peer_group);
    cr_assert_eq(write_text(path, text), 0);
    snprintf(path, sizeof path, "%s/performance.csv", dir);
    cr_assert_eq(write_text(path, "year,net_income\n2022,212400000\n2023,178900000\n"
                                  "2024,240300000\n"),
                 0);
    return dir;
}

/* The PvP peer group TSR of each covered year, from report.json. */
static void peer_tsr_of(const char *dir, double out[3], char **err)
{
    char json[4096], xlsx[4096];
    snprintf(json, sizeof json, "%s/out.json", dir);
    snprintf(xlsx, sizeof xlsx, "%s/out.xlsx", dir);
    const char *args[] = {"run", dir, "--json", json, "--xlsx", xlsx, NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    *err = r.err;
    r.err = NULL;
    run_result_free(&r);
    json_error_t e;
    json_t *root = json_load_file(json, 0, &e);
    cr_assert(root, "%s", e.text);
    json_t *pvp = json_object_get(root, "pay_versus_performance");
    cr_assert_eq(json_array_size(pvp), 3);
    for (size_t i = 0; i < 3; i++) {
        json_t *v = json_object_get(json_array_get(pvp, i), "peer_group_tsr");
        cr_assert(json_is_number(v), "year %zu has no peer group TSR", i);
        out[i] = json_number_value(v);
    }
    json_decref(root);
}

Test(peer_tsr, market_cap_weights_match_the_generators_figures)
{
    /* performance.csv as generated: the last value of each year's line. */
    char path[4096];
    snprintf(path, sizeof path, "%s/performance.csv", SET);
    char *original = read_file(path, NULL);
    cr_assert(original);
    double want[3];
    const char *line = strchr(original, '\n') + 1;
    for (int i = 0; i < 3; i++) {
        const char *next = strchr(line, '\n'), *last = line;
        for (const char *p = line; p < next; p++)
            if (*p == ',')
                last = p;
        want[i] = strtod(last + 1, NULL);
        line = next + 1;
    }
    char *dir = copy_set("transport_peers");
    double got[3];
    char *err;
    peer_tsr_of(dir, got, &err);
    for (int i = 0; i < 3; i++)
        cr_assert(fabs(got[i] - want[i]) < 0.005, "year %d: %.2f, generator %.2f", 2022 + i, got[i],
                  want[i]);
    cr_assert_null(strstr(err, "equal_peer_weights"));
    /* The Pay vs Performance footnote names the group paycalc.json names. */
    char xlsx[4096];
    snprintf(xlsx, sizeof xlsx, "%s/out.xlsx", dir);
    cr_expect_eq(xlsx_xml_contains(xlsx, "return of the peer group transport_peers, on"), 1,
                 "the peer TSR footnote does not name the peer group");
    free(err);
    free(original);
    remove_dir(dir);
    free(dir);
}

Test(peer_tsr, without_market_caps_the_weights_are_equal_with_a_warning)
{
    char *dir = copy_set("transport_peers");
    char path[4096];
    snprintf(path, sizeof path, "%s/peers.csv", dir);
    cr_assert_eq(write_text(path, "peer_set,ticker\ntransport_peers,ARCL\ntransport_peers,BRKT\n"
                                  "market_index,MKTIDX\n"),
                 0);
    double equal[3];
    char *err;
    peer_tsr_of(dir, equal, &err);
    cr_assert(strstr(err, "weights them equally"), "%s", err);
    free(err);
    /* Each alone, as a one-ticker set (an index: no weights). */
    double alone[2][3];
    const char *tickers[] = {"ARCL", "BRKT"};
    for (int k = 0; k < 2; k++) {
        char text[256];
        snprintf(text, sizeof text, "peer_set,ticker\ntransport_peers,%s\nmarket_index,MKTIDX\n",
                 tickers[k]);
        cr_assert_eq(write_text(path, text), 0);
        peer_tsr_of(dir, alone[k], &err);
        cr_assert_null(strstr(err, "weights them equally"));
        free(err);
    }
    for (int i = 0; i < 3; i++)
        cr_assert(fabs(equal[i] - (alone[0][i] + alone[1][i]) / 2) <= 0.01,
                  "year %d: %.2f is not the mean of %.2f and %.2f", 2022 + i, equal[i], alone[0][i],
                  alone[1][i]);
    remove_dir(dir);
    free(dir);
}
