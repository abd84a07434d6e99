/*
 * The Monte Carlo engine (SPEC section 10): Philox's published known answers,
 * the two closed forms of section 10 at several (sigma, rho, T, h), TSR to
 * date against the closed form with a shifted hurdle, the standard error's
 * 1/sqrt(paths) law, antithetic paths, thread-count and instruction-set
 * independence, an averaging-window case and a price hurdle against an
 * independent numpy implementation (tests/mc_oracle.py), and the repair of
 * correlations.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/montecarlo.h"
#include "support.h"

#define PYTHON "/usr/bin/python3"

/* The standard normal distribution from the C library's erfc (not the
 * library's own pc_norm_cdf), so the closed forms are independent. */
static double norm_cdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

/* ---- Philox4x32-10 ---- */

/* Random123's kat_vectors, the three "philox4x32 10" lines. */
Test(philox, matches_the_random123_known_answers)
{
    static const uint32_t cases[3][10] = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d,
         0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09,
         0x94fdcceb, 0x5001e420, 0x24126ea1},
    };
    for (int i = 0; i < 3; i++) {
        uint32_t out[4];
        pc_mc_philox(cases[i], cases[i] + 4, out);
        for (int k = 0; k < 4; k++)
            cr_assert_eq(out[k], cases[i][6 + k], "vector %d word %d: %08x, expected %08x", i, k,
                         out[k], cases[i][6 + k]);
    }
}

Test(philox, stream_differs_by_award_tranche_and_date)
{
    uint64_t base = pc_mc_stream("PSU-1", 1, 19358);
    cr_assert_eq(base, pc_mc_stream("PSU-1", 1, 19358));
    cr_assert_neq(base, pc_mc_stream("PSU-2", 1, 19358));
    cr_assert_neq(base, pc_mc_stream("PSU-1", 2, 19358));
    cr_assert_neq(base, pc_mc_stream("PSU-1", 1, 19359));
}

/* The normals against Box-Muller done in long double with the C library's
 * logl, sinl and cosl on the same Philox outputs: within 2^-50 relative for
 * every normal, four units in the last place (the error of log, sqrt, the
 * constant pi/2, the angle and sin or cos added up; the angle's reduction is
 * exact, so even a normal near 0 keeps its relative accuracy). Paths past
 * 2^32 and ranges that start inside a Philox block included. */
Test(normals, are_box_muller_on_philox_to_four_units_in_the_last_place)
{
    const uint64_t seed = 0x123456789abcdefu, stream = pc_mc_stream("PSU-1", 3, 19358);
    const uint64_t paths[] = {0, 1, 7, 255, 4096, 0xffffffffu, 0x100000005u};
    const uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    const long double two_pi = 6.283185307179586476925286766559L;
    double worst = 0;
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        enum { COUNT = 20003, FIRST = 5 };
        static double z[COUNT];
        pc_mc_normals(seed, stream, paths[p], FIRST, COUNT, z);
        for (size_t i = FIRST; i < FIRST + COUNT; i++) {
            uint32_t ctr[4] = {(uint32_t)(i / 4), (uint32_t)paths[p], (uint32_t)stream,
                               (uint32_t)(stream >> 32) ^ (uint32_t)(paths[p] >> 32)};
            uint32_t out[4];
            pc_mc_philox(ctr, key, out);
            size_t pair = (i % 4) / 2;
            long double u0 = ((long double)out[2 * pair] + 0.5L) / 4294967296.0L;
            long double u1 = ((long double)out[2 * pair + 1] + 0.5L) / 4294967296.0L;
            long double rho = sqrtl(-2.0L * logl(u0));
            /* 2 pi u1 = q pi/2 + theta, reduced exactly (2 pi u1 rounded would
             * be off by 1e-19, a large part of a normal near 0). */
            long double q = roundl(4.0L * u1), theta = (4.0L * u1 - q) * (two_pi / 4.0L);
            long double angle_cos = cosl(theta), angle_sin = sinl(theta);
            for (int turn = 0; turn < (int)q; turn++) { /* (cos, sin) -> (-sin, cos) */
                long double c = angle_cos;
                angle_cos = -angle_sin;
                angle_sin = c;
            }
            long double want = rho * (i % 2 == 0 ? angle_cos : angle_sin);
            double got = z[i - FIRST];
            double error = (double)(fabsl((long double)got - want) / fabsl(want));
            worst = error > worst ? error : worst;
            cr_assert(error <= 0x1p-50, "path %llu normal %zu: %.17g, expected %.20Lg",
                      (unsigned long long)paths[p], i, got, want);
        }
    }
    cr_log_info("largest relative error of the normals: %.3g", worst);
}

/* ---- Helpers to build a valuation ---- */

typedef struct setup {
    pc_mc_asset asset[2];
    double corr[4];
    pc_mc_point curve[1];
    pc_mc_terms terms;
    pc_mc_market market;
    pc_mc_settings settings;
} setup;

/* A point-to-point award (one-day windows, the start known, TSR so far
 * `tsr_so_far`) over the next `term` years: company and, when
 * `peer_vol` >= 0, one peer; payout 100% at or above `x`. */
static void point_to_point(setup *s, pc_mc_metric metric, double x, double term, double vol,
                           double peer_vol, double rho, double rate, double tsr_so_far)
{
    memset(s, 0, sizeof *s);
    s->asset[0] = (pc_mc_asset){50, vol, 0, 1 / (1 + tsr_so_far), 0};
    s->asset[1] = (pc_mc_asset){20, peer_vol, 0, 1, 0};
    s->corr[0] = s->corr[3] = 1;
    s->corr[1] = s->corr[2] = rho;
    s->curve[0] = (pc_mc_point){x, 1.0};
    s->terms = (pc_mc_terms){.metric = metric,
                             .curve = s->curve,
                             .curve_points = 1,
                             .start = {1, 0, 0},
                             .end = {1, 1, term}};
    s->market = (pc_mc_market){peer_vol >= 0 ? 2 : 1, s->asset, s->corr, rate};
    s->settings = (pc_mc_settings){.seed = 7,
                                   .stream = pc_mc_stream("A", 1, 0),
                                   .paths = 40000,
                                   .antithetic = true,
                                   .threads = 0};
}

static pc_mc_result value_of(setup *s)
{
    pc_mc_result r;
    pc_diags d;
    pc_diags_init(&d);
    pc_status st = pc_mc_value(&s->terms, &s->market, &s->settings, &r, &d);
    cr_assert_eq(st, PC_OK, "status %d: %s", st, d.count ? d.items[0].message : "");
    pc_diags_fini(&d);
    return r;
}

static void assert_within_3se(pc_mc_result r, double want, const char *what)
{
    cr_assert(r.standard_error > 0, "%s: no standard error", what);
    cr_assert(fabs(r.value - want) <= 3 * r.standard_error,
              "%s: %.6f, closed form %.6f, %.2f standard errors apart", what, r.value, want,
              (r.value - want) / r.standard_error);
}

/* ---- Closed forms (SPEC section 10) ---- */

typedef struct beat_case {
    double vol_a, vol_b, rho, term;
} beat_case;

ParameterizedTestParameters(closed_form, beating_one_peer_is_worth_s_n_sigma_root_t_over_2)
{
    static beat_case cases[] = {
        {0.30, 0.30, 0.5, 3.0}, {0.50, 0.20, 0.0, 1.0},  {0.25, 0.40, -0.3, 2.0},
        {0.60, 0.60, 0.9, 0.5}, {0.15, 0.35, 0.3, 2.75},
    };
    return cr_make_param_array(beat_case, cases, sizeof cases / sizeof cases[0]);
}

/* One peer, payout 100% when the company's TSR beats the peer's (its rank is
 * then 100), no dividends: S N(sigma sqrt(T) / 2) with sigma^2 = sigma_a^2 +
 * sigma_b^2 - 2 rho sigma_a sigma_b, whatever r. */
ParameterizedTest(beat_case *c, closed_form, beating_one_peer_is_worth_s_n_sigma_root_t_over_2)
{
    setup s;
    point_to_point(&s, PC_MC_RELATIVE_TSR, 100, c->term, c->vol_a, c->vol_b, c->rho, 0.04, 0);
    double sigma =
        sqrt(c->vol_a * c->vol_a + c->vol_b * c->vol_b - 2 * c->rho * c->vol_a * c->vol_b);
    double want = 50 * norm_cdf(sigma * sqrt(c->term) / 2);
    assert_within_3se(value_of(&s), want, "relative TSR against one peer");
}

typedef struct hurdle_case {
    double vol, term, hurdle, rate;
} hurdle_case;

ParameterizedTestParameters(closed_form, absolute_tsr_hurdle_is_asset_or_nothing)
{
    static hurdle_case cases[] = {
        {0.30, 3.0, 0.25, 0.04}, {0.50, 1.0, 0.0, 0.02},   {0.20, 2.0, 0.10, 0.05},
        {0.80, 0.5, 0.50, 0.01}, {0.35, 2.5, -0.20, 0.03},
    };
    return cr_make_param_array(hurdle_case, cases, sizeof cases / sizeof cases[0]);
}

static double asset_or_nothing(double spot, double vol, double term, double hurdle, double rate)
{
    double d1 = (log(1 / (1 + hurdle)) + (rate + vol * vol / 2) * term) / (vol * sqrt(term));
    return spot * norm_cdf(d1);
}

/* Payout 100% when the company's TSR reaches h: S N(d1), d1 = (ln(1/(1+h))
 * + (r + sigma^2/2) T) / (sigma sqrt T). */
ParameterizedTest(hurdle_case *c, closed_form, absolute_tsr_hurdle_is_asset_or_nothing)
{
    setup s;
    point_to_point(&s, PC_MC_ABSOLUTE_TSR, 100 * c->hurdle, c->term, c->vol, -1, 0, c->rate, 0);
    assert_within_3se(value_of(&s), asset_or_nothing(50, c->vol, c->term, c->hurdle, c->rate),
                      "absolute TSR hurdle");
}

/* Halfway through, with 20% already achieved, a 30% hurdle over the whole
 * period is a hurdle of 1.3 / 1.2 - 1 over the rest of it. */
Test(closed_form, tsr_to_date_shifts_the_hurdle)
{
    const double so_far[] = {0.20, -0.25, 0.45};
    for (int i = 0; i < 3; i++) {
        setup s;
        point_to_point(&s, PC_MC_ABSOLUTE_TSR, 30, 1.5, 0.4, -1, 0, 0.03, so_far[i]);
        double shifted = 1.3 / (1 + so_far[i]) - 1;
        assert_within_3se(value_of(&s), asset_or_nothing(50, 0.4, 1.5, shifted, 0.03),
                          "hurdle with TSR to date");
    }
}

/* ---- Precision and determinism ---- */

Test(precision, standard_error_halves_with_four_times_the_paths)
{
    setup s;
    point_to_point(&s, PC_MC_RELATIVE_TSR, 100, 3, 0.35, 0.30, 0.4, 0.04, 0);
    s.settings.paths = 20000;
    double small = value_of(&s).standard_error;
    s.settings.paths = 80000;
    s.settings.seed = 8;
    double large = value_of(&s).standard_error;
    double ratio = small / large;
    cr_assert(ratio > 1.85 && ratio < 2.15, "standard errors %.6f and %.6f: ratio %.4f", small,
              large, ratio);
}

Test(precision, antithetic_paths_do_not_raise_the_standard_error)
{
    setup s;
    point_to_point(&s, PC_MC_ABSOLUTE_TSR, 25, 3, 0.35, -1, 0, 0.04, 0);
    s.settings.antithetic = false;
    double plain = value_of(&s).standard_error;
    s.settings.antithetic = true;
    double paired = value_of(&s).standard_error;
    cr_assert(paired <= plain * 1.05, "antithetic %.6f, plain %.6f", paired, plain);
}

Test(determinism, one_and_two_threads_give_the_same_bits)
{
    setup s;
    point_to_point(&s, PC_MC_RELATIVE_TSR, 100, 3, 0.35, 0.30, 0.4, 0.04, 0.1);
    s.settings.paths = 30002; /* blocks of unequal size */
    s.settings.threads = 1;
    pc_mc_result one = value_of(&s);
    s.settings.threads = 2;
    pc_mc_result two = value_of(&s);
    s.settings.threads = 7;
    pc_mc_result seven = value_of(&s);
    cr_assert(memcmp(&one.value, &two.value, sizeof one.value) == 0, "%.17g vs %.17g", one.value,
              two.value);
    cr_assert(memcmp(&one.standard_error, &two.standard_error, sizeof(double)) == 0);
    cr_assert(memcmp(&one.value, &seven.value, sizeof one.value) == 0);
    cr_assert(memcmp(&one.expected_payout, &seven.expected_payout, sizeof(double)) == 0);
}

/* The SSE2, AVX2 and AVX-512 copies of the simulation give the same bits:
 * a relative TSR with averaging windows and antithetic twins, the same
 * without twins, and a price hurdle. A processor without a set runs the
 * next narrower one; under CI the machine must have AVX2, so the comparison
 * never passes by running one copy three times. */
static void assert_same_bits_on_every_set(const pc_mc_terms *t, const pc_mc_market *m,
                                          pc_mc_settings s, const char *what)
{
    pc_mc_result r[4];
    for (unsigned set = PC_MC_SSE2; set <= PC_MC_AVX512; set++) {
        s.instructions = set;
        cr_assert_eq(pc_mc_value(t, m, &s, &r[set], NULL), PC_OK);
        cr_assert_leq(r[set].instructions, set, "%s: asked for set %u, ran %u", what, set,
                      r[set].instructions);
    }
    cr_assert_eq(r[PC_MC_SSE2].instructions, PC_MC_SSE2);
    if (getenv("CI"))
        cr_assert_geq(r[PC_MC_AVX512].instructions, PC_MC_AVX2,
                      "%s: this machine ran no wider set than SSE2", what);
    cr_log_info("%s: sets %u %u %u", what, r[1].instructions, r[2].instructions, r[3].instructions);
    for (unsigned set = PC_MC_AVX2; set <= PC_MC_AVX512; set++) {
        cr_assert(memcmp(&r[set].value, &r[PC_MC_SSE2].value, sizeof(double)) == 0,
                  "%s: set %u gives %.17g, SSE2 %.17g", what, r[set].instructions, r[set].value,
                  r[PC_MC_SSE2].value);
        cr_assert(memcmp(&r[set].standard_error, &r[PC_MC_SSE2].standard_error, sizeof(double)) ==
                  0);
        cr_assert(memcmp(&r[set].expected_payout, &r[PC_MC_SSE2].expected_payout, sizeof(double)) ==
                  0);
    }
}

/* Three companies, a 10-day start window of which 4 days are known and 6
 * still to come, a 20-day end window a year out, a three-point curve with a
 * negative-TSR cap (the terms and market point into the struct: set it up
 * where it stays). */
typedef struct windows_case {
    pc_mc_asset as[3];
    double corr[9];
    pc_mc_point curve[3];
    pc_mc_terms terms;
    pc_mc_market market;
} windows_case;

static void windows_case_init(windows_case *c)
{
    *c = (windows_case){.as = {{40, 0.45, 0.02, 4 * 0.97, 0},
                               {25, 0.30, 0.0, 4 * 1.02, 0},
                               {60, 0.25, 0.01, 4 * 1.01, 0}},
                        .corr = {1, 0.5, 0.3, 0.5, 1, 0.6, 0.3, 0.6, 1},
                        .curve = {{25, 0.5}, {50, 1.0}, {75, 2.0}}};
    c->terms = (pc_mc_terms){.metric = PC_MC_RELATIVE_TSR,
                             .curve = c->curve,
                             .curve_points = 3,
                             .has_negative_tsr_cap = true,
                             .negative_tsr_cap = 1.0,
                             .start = {10, 6, 0.03},
                             .end = {20, 20, 1.0}};
    c->market = (pc_mc_market){3, c->as, c->corr, 0.035};
}

Test(determinism, every_instruction_set_gives_the_same_bits)
{
    windows_case c;
    windows_case_init(&c);
    const pc_mc_terms t = c.terms;
    const pc_mc_market m = c.market;
    pc_mc_settings s = {.seed = 3, .stream = 9, .paths = 20002, .antithetic = true};
    assert_same_bits_on_every_set(&t, &m, s, "relative TSR, antithetic");
    s.antithetic = false;
    s.paths = 20001;
    assert_same_bits_on_every_set(&t, &m, s, "relative TSR, plain paths");

    const double recent[] = {30.5, 31.2, 29.8, 30.1, 30.9};
    pc_mc_asset co = {31, 0.5, 0.015, 0, 0};
    pc_mc_point levels[] = {{36, 0.5}, {42, 1.0}, {50, 1.5}};
    pc_mc_terms h = {.metric = PC_MC_PRICE_HURDLE,
                     .curve = levels,
                     .curve_points = 3,
                     .term_years = 1.5,
                     .hurdle_days = 20,
                     .recent = recent,
                     .recent_count = 5,
                     .best_to_date = 31.5};
    pc_mc_market one = {1, &co, NULL, 0.04};
    pc_mc_settings hs = {.seed = 5, .stream = 2, .paths = 4000, .antithetic = true};
    assert_same_bits_on_every_set(&h, &one, hs, "price hurdle");
}

Test(determinism, an_unknown_instruction_set_is_refused)
{
    setup s;
    point_to_point(&s, PC_MC_ABSOLUTE_TSR, 25, 3, 0.35, -1, 0, 0.04, 0);
    s.settings.instructions = PC_MC_AVX512 + 1;
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&s.terms, &s.market, &s.settings, &r, NULL), PC_ERR_USAGE);
}

Test(determinism, seed_and_stream_change_the_draws)
{
    setup s;
    point_to_point(&s, PC_MC_RELATIVE_TSR, 100, 3, 0.35, 0.30, 0.4, 0.04, 0);
    double base = value_of(&s).value;
    s.settings.seed = 8;
    double seeded = value_of(&s).value;
    s.settings.seed = 7;
    s.settings.stream = pc_mc_stream("A", 2, 0);
    double streamed = value_of(&s).value;
    cr_assert(base != seeded && base != streamed && seeded != streamed);
}

Test(precision, result_carries_interval_and_expected_payout)
{
    setup s;
    point_to_point(&s, PC_MC_ABSOLUTE_TSR, 0, 2, 0.3, -1, 0, 0.04, 0);
    pc_mc_result r = value_of(&s);
    cr_assert_eq(r.paths, 40000);
    cr_assert(fabs(r.ci95_high - r.value - 1.959964 * r.standard_error) < 1e-6);
    cr_assert(fabs(r.value - r.ci95_low - 1.959964 * r.standard_error) < 1e-6);
    /* P(TSR >= 0) under the risk-neutral measure: N((r - sigma^2/2) T / (sigma sqrt T)). */
    double want = norm_cdf((0.04 - 0.045) * 2 / (0.3 * sqrt(2.0)));
    cr_assert(fabs(r.expected_payout - want) < 0.01, "expected payout %.4f, want %.4f",
              r.expected_payout, want);
}

/* ---- The market condition ---- */

Test(payout, interpolates_between_points_and_holds_beyond_them)
{
    pc_mc_point curve[] = {{25, 0.5}, {50, 1.0}, {75, 2.0}};
    pc_mc_terms t = {.metric = PC_MC_RELATIVE_TSR, .curve = curve, .curve_points = 3};
    const double cases[][2] = {{0, 0},    {24.99, 0}, {25, 0.5}, {37.5, 0.75},
                               {50, 1.0}, {60, 1.4},  {75, 2.0}, {100, 2.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double got = pc_mc_payout(&t, cases[i][0], 0.1);
        cr_assert(fabs(got - cases[i][1]) < 1e-12, "rank %g: payout %g, expected %g", cases[i][0],
                  got, cases[i][1]);
    }
}

Test(payout, negative_tsr_caps_the_payout)
{
    pc_mc_point curve[] = {{25, 0.5}, {50, 1.0}, {75, 2.0}};
    pc_mc_terms t = {.metric = PC_MC_RELATIVE_TSR,
                     .curve = curve,
                     .curve_points = 3,
                     .has_negative_tsr_cap = true,
                     .negative_tsr_cap = 1.0};
    cr_assert(fabs(pc_mc_payout(&t, 90, -0.01) - 1.0) < 1e-12);
    cr_assert(fabs(pc_mc_payout(&t, 90, 0.01) - 2.0) < 1e-12);
    cr_assert(fabs(pc_mc_payout(&t, 30, -0.01) - 0.6) < 1e-12);
}

Test(payout, price_hurdle_steps_to_the_highest_level_reached)
{
    pc_mc_point curve[] = {{10, 0.5}, {15, 1.0}, {20, 1.5}};
    pc_mc_terms t = {.metric = PC_MC_PRICE_HURDLE, .curve = curve, .curve_points = 3};
    cr_assert(fabs(pc_mc_payout(&t, 9.99, 0)) < 1e-12);
    cr_assert(fabs(pc_mc_payout(&t, 14.99, 0) - 0.5) < 1e-12);
    cr_assert(fabs(pc_mc_payout(&t, 19, 0) - 1.0) < 1e-12);
    cr_assert(fabs(pc_mc_payout(&t, 25, 0) - 1.5) < 1e-12);
}

Test(metric, percent_rank_counts_a_tie_as_half)
{
    pc_mc_terms t = {.metric = PC_MC_RELATIVE_TSR};
    const double tsr[] = {0.1, 0.0, 0.1, 0.2, 0.3};
    cr_assert(fabs(pc_mc_metric_value(&t, tsr, 5) - 37.5) < 1e-12);
    const double top[] = {0.5, 0.0, 0.1, 0.2, 0.3};
    cr_assert(fabs(pc_mc_metric_value(&t, top, 5) - 100) < 1e-12);
    const double bottom[] = {-0.5, 0.0, 0.1, 0.2, 0.3};
    cr_assert(fabs(pc_mc_metric_value(&t, bottom, 5)) < 1e-12);
}

Test(metric, index_and_absolute_tsr_are_in_percent)
{
    const double tsr[] = {0.12, 0.30, 0.05};
    pc_mc_terms t = {.metric = PC_MC_INDEX_TSR, .index_asset = 2};
    cr_assert(fabs(pc_mc_metric_value(&t, tsr, 3) - 7) < 1e-12);
    t.metric = PC_MC_ABSOLUTE_TSR;
    cr_assert(fabs(pc_mc_metric_value(&t, tsr, 3) - 12) < 1e-12);
}

Test(price_hurdle, a_level_already_reached_pays_for_certain)
{
    pc_mc_point curve[] = {{40, 1.0}};
    pc_mc_asset co = {50, 0.4, 0.02, 0, 0};
    pc_mc_terms t = {.metric = PC_MC_PRICE_HURDLE,
                     .curve = curve,
                     .curve_points = 1,
                     .term_years = 2,
                     .hurdle_days = 20,
                     .best_to_date = 41};
    pc_mc_market m = {1, &co, NULL, 0.04};
    pc_mc_settings s = {.seed = 1, .stream = 1, .paths = 1000, .antithetic = true};
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    /* E[e^(-rT) S(T)] = S e^(-qT): Monte Carlo noise only from S(T) itself. */
    cr_assert(fabs(r.value - 50 * exp(-0.04)) <= 3 * r.standard_error, "%.6f", r.value);
    cr_assert(fabs(r.expected_payout - 1) < 1e-12);
}

/* ---- Estimation from prices ---- */

Test(estimate, volatility_of_alternating_returns)
{
    /* Returns +x, -x, +x, -x: mean 0, sample standard deviation x sqrt(4/3). */
    double x = 0.02, closes[5] = {100};
    for (int i = 1; i < 5; i++)
        closes[i] = closes[i - 1] * exp(i % 2 ? x : -x);
    double vol;
    cr_assert_eq(pc_mc_estimate_volatility(closes, 5, &vol), PC_OK);
    cr_assert(fabs(vol - x * sqrt(4.0 / 3.0) * sqrt(252.0)) < 1e-12, "%.15f", vol);
    const double steady[] = {10, 11, 12.1, 13.31};
    cr_assert_eq(pc_mc_estimate_volatility(steady, 4, &vol), PC_OK);
    cr_assert(fabs(vol) < 1e-9);
    cr_assert_eq(pc_mc_estimate_volatility(closes, 2, &vol), PC_ERR_MISSING);
    cr_assert_eq(vol, 0);
    const double bad[] = {10, 0, 12};
    cr_assert_eq(pc_mc_estimate_volatility(bad, 3, &vol), PC_ERR_MISSING);
}

Test(estimate, correlation_of_related_series)
{
    double a[6] = {100, 103, 99, 104, 101, 108}, sq[6], inv[6], flat[6];
    for (int i = 0; i < 6; i++) {
        sq[i] = a[i] * a[i]; /* log returns doubled: correlation 1 */
        inv[i] = 1e4 / a[i]; /* log returns negated: correlation -1 */
        flat[i] = 5;
    }
    double rho;
    cr_assert_eq(pc_mc_estimate_correlation(a, sq, 6, &rho), PC_OK);
    cr_assert(fabs(rho - 1) < 1e-12, "%.15f", rho);
    cr_assert_eq(pc_mc_estimate_correlation(a, inv, 6, &rho), PC_OK);
    cr_assert(fabs(rho + 1) < 1e-12, "%.15f", rho);
    cr_assert_eq(pc_mc_estimate_correlation(a, flat, 6, &rho), PC_OK);
    cr_assert_eq(rho, 0);
}

/* ---- Correlation matrices ---- */

/* Higham (2002), section 4: the nearest correlation matrix to
 * [1 1 0; 1 1 1; 0 1 1] has 0.7607 and 0.1573 off the diagonal. */
Test(correlation, nearest_matches_highams_example)
{
    double m[9] = {1, 1, 0, 1, 1, 1, 0, 1, 1}, lower[9], change;
    cr_assert_not(pc_mc_cholesky(m, 3, lower));
    cr_assert_eq(pc_mc_nearest_correlation(m, 3, &change), PC_OK);
    const double want[9] = {1, 0.7607, 0.1573, 0.7607, 1, 0.7607, 0.1573, 0.7607, 1};
    for (int i = 0; i < 9; i++)
        cr_assert(fabs(m[i] - want[i]) < 5e-5, "entry %d: %.6f, expected %.4f", i, m[i], want[i]);
    cr_assert(pc_mc_cholesky(m, 3, lower));
    cr_assert(fabs(change - 0.2393) < 5e-4, "largest change %.6f", change);
}

Test(correlation, valuation_repairs_a_matrix_that_is_not_positive_definite)
{
    pc_mc_asset as[3] = {{50, 0.3, 0, 1, 0}, {20, 0.3, 0, 1, 0}, {30, 0.3, 0, 1, 0}};
    double corr[9] = {1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1};
    pc_mc_point curve[] = {{50, 1.0}};
    pc_mc_terms t = {.metric = PC_MC_RELATIVE_TSR,
                     .curve = curve,
                     .curve_points = 1,
                     .start = {1, 0, 0},
                     .end = {1, 1, 1.0}};
    pc_mc_market m = {3, as, corr, 0.03};
    pc_mc_settings s = {.seed = 1, .stream = 1, .paths = 2000, .antithetic = true};
    pc_mc_result r;
    pc_diags d;
    pc_diags_init(&d);
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, &d), PC_OK);
    cr_assert(r.repaired);
    cr_assert(r.repair_change > 0.1 && r.repair_change < 1, "%.6f", r.repair_change);
    cr_assert_eq(d.count, 1);
    cr_assert_eq(d.items[0].severity, PC_SEVERITY_WARNING);
    cr_assert_str_eq(d.items[0].code, "correlation_repaired");
    cr_assert(isfinite(r.value) && r.value > 0);
    pc_diags_fini(&d);
}

/* The repaired matrix comes back in settings.repaired (here the market's
 * own buffer, as the engine passes it), so the engine records the matrix
 * used without repeating the repair (assets^3 an iteration): the same
 * matrix pc_mc_nearest_correlation gives, and nothing written when no
 * repair was needed. */
Test(correlation, valuation_returns_the_repaired_matrix_it_used)
{
    pc_mc_asset as[3] = {{50, 0.3, 0, 1, 0}, {20, 0.3, 0, 1, 0}, {30, 0.3, 0, 1, 0}};
    double corr[9] = {1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1};
    double want[9];
    memcpy(want, corr, sizeof want);
    cr_assert_eq(pc_mc_nearest_correlation(want, 3, NULL), PC_OK);
    pc_mc_point curve[] = {{50, 1.0}};
    pc_mc_terms t = {.metric = PC_MC_RELATIVE_TSR,
                     .curve = curve,
                     .curve_points = 1,
                     .start = {1, 0, 0},
                     .end = {1, 1, 1.0}};
    pc_mc_market m = {3, as, corr, 0.03};
    pc_mc_settings s = {.seed = 1, .stream = 1, .paths = 2000, .antithetic = true};
    s.repaired = corr;
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    cr_assert(r.repaired);
    cr_assert_eq(memcmp(corr, want, sizeof want), 0, "corr[1] %.6f, expected %.6f", corr[1],
                 want[1]);

    double valid[9] = {1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1}, untouched[9];
    for (int i = 0; i < 9; i++)
        untouched[i] = -7;
    m.correlation = valid;
    s.repaired = untouched;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    cr_assert(!r.repaired);
    for (int i = 0; i < 9; i++)
        cr_assert_eq(untouched[i], -7);
}

/* ---- Inputs that do not fit ---- */

Test(inputs, odd_antithetic_paths_and_missing_peers_are_refused)
{
    setup s;
    point_to_point(&s, PC_MC_RELATIVE_TSR, 100, 1, 0.3, 0.3, 0, 0.03, 0);
    s.settings.paths = 1001;
    pc_mc_result r;
    pc_diags d;
    pc_diags_init(&d);
    cr_assert_eq(pc_mc_value(&s.terms, &s.market, &s.settings, &r, &d), PC_ERR_USAGE);
    cr_assert_str_eq(d.items[0].message, "Monte Carlo valuation: antithetic paths come in pairs: "
                                         "the number of paths must be even");
    cr_assert_eq(r.value, 0);
    s.settings.paths = 1000;
    s.market.assets = 1;
    cr_assert_eq(pc_mc_value(&s.terms, &s.market, &s.settings, &r, &d), PC_ERR_USAGE);
    cr_assert_str_eq(d.items[1].message,
                     "Monte Carlo valuation: a relative TSR needs at least one peer");
    s.market.assets = 2;
    s.settings.paths = PC_MC_MAX_PATHS + 2;
    cr_assert_eq(pc_mc_value(&s.terms, &s.market, &s.settings, &r, &d), PC_ERR_LIMIT);
    pc_diags_fini(&d);
}

/* ---- Against an independent numpy implementation ---- */

/* Runs tests/mc_oracle.py on `spec` (JSON); returns its value and standard
 * error. Fails the test when Python or numpy is missing. */
static void oracle(const char *spec, double *value, double *se)
{
    char *dir = make_temp_dir();
    cr_assert(dir);
    char path[512], cmd[1200];
    snprintf(path, sizeof path, "%s/spec.json", dir);
    cr_assert_eq(write_text(path, spec), 0);
    snprintf(cmd, sizeof cmd, "%s %s/tests/mc_oracle.py < %s", PYTHON, SOURCE_DIR, path);
    FILE *p = popen(cmd, "r");
    cr_assert(p, "cannot run %s", PYTHON);
    double seconds, cpu;
    int got = fscanf(p, "%lf %lf %lf %lf", value, se, &seconds, &cpu);
    int status = pclose(p);
    remove_dir(dir);
    free(dir);
    cr_assert(got == 4 && status == 0,
              "%s with numpy is needed (scripts/deps.sh --tests installs python3-numpy)", PYTHON);
}

static void assert_agree(pc_mc_result r, double want, double want_se, const char *what)
{
    double se = sqrt(r.standard_error * r.standard_error + want_se * want_se);
    cr_assert(se < 0.01 * want, "%s: standard errors too wide to test (%.5f)", what, se);
    cr_assert(fabs(r.value - want) <= 3 * se, "%s: paycalc %.5f (se %.5f), numpy %.5f (se %.5f)",
              what, r.value, r.standard_error, want, want_se);
}

/* The three-company averaging-window case (windows_case) against numpy. */
Test(oracle, averaging_windows_match_numpy)
{
    windows_case c;
    windows_case_init(&c);
    const pc_mc_terms t = c.terms;
    const pc_mc_market m = c.market;
    pc_mc_settings s = {.seed = 3, .stream = 9, .paths = 200000, .antithetic = true};
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    double want, want_se;
    oracle("{\"rate\": 0.035, \"spots\": [40, 25, 60], \"vols\": [0.45, 0.30, 0.25],"
           " \"yields\": [0.02, 0.0, 0.01],"
           " \"corr\": [[1, 0.5, 0.3], [0.5, 1, 0.6], [0.3, 0.6, 1]],"
           " \"metric\": \"relative_tsr\", \"curve\": [[25, 0.5], [50, 1.0], [75, 2.0]],"
           " \"negative_tsr_cap\": 1.0,"
           " \"start\": {\"days\": 10, \"future_days\": 6, \"end_years\": 0.03},"
           " \"end\": {\"days\": 20, \"future_days\": 20, \"end_years\": 1.0},"
           " \"start_known\": [3.88, 4.08, 4.04], \"end_known\": [0, 0, 0],"
           " \"paths\": 400000, \"seed\": 11}",
           &want, &want_se);
    assert_agree(r, want, want_se, "relative TSR with averaging windows");
}

/* A 20-day moving-average price hurdle with 5 closes of the period known. */
Test(oracle, price_hurdle_matches_numpy)
{
    const double recent[] = {30.5, 31.2, 29.8, 30.1, 30.9};
    pc_mc_asset co = {31, 0.5, 0.015, 0, 0};
    pc_mc_point curve[] = {{36, 0.5}, {42, 1.0}, {50, 1.5}};
    pc_mc_terms t = {.metric = PC_MC_PRICE_HURDLE,
                     .curve = curve,
                     .curve_points = 3,
                     .term_years = 1.5,
                     .hurdle_days = 20,
                     .recent = recent,
                     .recent_count = 5,
                     .best_to_date = 31.5};
    pc_mc_market m = {1, &co, NULL, 0.04};
    pc_mc_settings s = {.seed = 5, .stream = 2, .paths = 100000, .antithetic = true};
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    double want, want_se;
    oracle("{\"rate\": 0.04, \"spots\": [31], \"vols\": [0.5], \"yields\": [0.015],"
           " \"corr\": [[1]], \"metric\": \"price_hurdle\","
           " \"curve\": [[36, 0.5], [42, 1.0], [50, 1.5]], \"negative_tsr_cap\": null,"
           " \"term_years\": 1.5, \"hurdle_days\": 20,"
           " \"recent\": [30.5, 31.2, 29.8, 30.1, 30.9], \"best_to_date\": 31.5,"
           " \"paths\": 120000, \"seed\": 13, \"chunk\": 20000}",
           &want, &want_se);
    assert_agree(r, want, want_se, "price hurdle");
}

/* A long end window close to the valuation date, where the spacing of the
 * simulated days matters: absolute TSR against an index, 60-day windows. */
Test(oracle, long_index_windows_match_numpy)
{
    pc_mc_asset as[2] = {{40, 0.55, 0.0, 8 * 1.05, 0}, {3000, 0.2, 0.015, 8 * 0.99, 0}};
    double corr[4] = {1, 0.4, 0.4, 1};
    pc_mc_point curve[] = {{-10, 0.25}, {0, 1.0}, {10, 1.5}};
    pc_mc_terms t = {.metric = PC_MC_INDEX_TSR,
                     .curve = curve,
                     .curve_points = 3,
                     .index_asset = 1,
                     .start = {20, 12, 0.05},
                     .end = {60, 60, 0.4}};
    pc_mc_market m = {2, as, corr, 0.04};
    pc_mc_settings s = {.seed = 3, .stream = 4, .paths = 200000, .antithetic = true};
    pc_mc_result r;
    cr_assert_eq(pc_mc_value(&t, &m, &s, &r, NULL), PC_OK);
    double want, want_se;
    oracle("{\"rate\": 0.04, \"spots\": [40, 3000], \"vols\": [0.55, 0.2],"
           " \"yields\": [0.0, 0.015], \"corr\": [[1, 0.4], [0.4, 1]],"
           " \"metric\": \"index_tsr\", \"index\": 1,"
           " \"curve\": [[-10, 0.25], [0, 1.0], [10, 1.5]], \"negative_tsr_cap\": null,"
           " \"start\": {\"days\": 20, \"future_days\": 12, \"end_years\": 0.05},"
           " \"end\": {\"days\": 60, \"future_days\": 60, \"end_years\": 0.4},"
           " \"start_known\": [8.4, 7.92], \"end_known\": [0, 0],"
           " \"paths\": 400000, \"seed\": 17, \"chunk\": 20000}",
           &want, &want_se);
    assert_agree(r, want, want_se, "index TSR with long windows");
}
