/*
 * The normal distribution and the Black-Scholes-Merton call (SPEC section 5):
 * textbook reference values, and the properties any correct implementation
 * has (put-call parity, the T -> 0 and sigma -> 0 limits, monotonicity) over
 * many inputs from a fixed pseudo-random sequence.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <stdint.h>

#include "paycalc/value.h"

/* Relative closeness for model doubles (never == on doubles). */
static bool close_rel(double got, double want, double rel)
{
    return fabs(got - want) <= rel * fabs(want);
}

typedef struct cdf_case {
    double x, expected;
} cdf_case;

/* References computed with 900-digit decimal arithmetic from the series of
 * erf (N(x) = (1 - erf(-x/sqrt 2)) / 2), rounded to 18 digits; N(-10),
 * N(-5) and N(1.96) agree with published tables. */
ParameterizedTestParameters(norm_cdf, matches_reference_values_to_a_few_ulps)
{
    static cdf_case cases[] = {
        {-37, 5.72557122252457710e-300}, {-30, 4.90671392714818718e-198},
        {-20, 2.75362411860623374e-89},  {-10, 7.619853024160527e-24},
        {-5, 2.866515718791939e-07},     {-1.96, 2.49978951482204351e-02},
        {-0.5, 3.08537538725986882e-01}, {0, 0.5},
        {1.96, 0.9750021048517795},      {3, 9.98650101968369897e-01},
    };
    return cr_make_param_array(cdf_case, cases, sizeof cases / sizeof cases[0]);
}

/* 1e-15 is a few units in the last place. Deep in the lower tail this fails
 * for the plain 0.5 * erfc(-x / sqrt 2), whose rounded argument costs about
 * 2x^2 ulps (1e-13 at x = -37). */
ParameterizedTest(cdf_case *c, norm_cdf, matches_reference_values_to_a_few_ulps)
{
    double got = pc_norm_cdf(c->x);
    cr_assert(close_rel(got, c->expected, 1e-15), "N(%g) = %.17g, expected %.17g", c->x, got,
              c->expected);
}

Test(norm_cdf, is_symmetric_about_zero)
{
    for (double x = -8; x <= 8; x += 0.03125) {
        double sum = pc_norm_cdf(x) + pc_norm_cdf(-x);
        cr_assert(fabs(sum - 1) <= 2e-16, "N(%g) + N(%g) = %.17g", x, -x, sum);
    }
}

Test(norm_cdf, is_increasing_and_bounded)
{
    double prev = 0;
    for (double x = -40; x <= 10; x += 0.01) {
        double v = pc_norm_cdf(x);
        cr_assert(v >= prev && v <= 1, "N(%g) = %.17g after %.17g", x, v, prev);
        prev = v;
    }
    cr_assert(pc_norm_cdf(-INFINITY) == 0);
    cr_assert(pc_norm_cdf(INFINITY) == 1);
}

/* Hull, Options, Futures, and Other Derivatives, Example 15.6 (9th and 10th
 * editions; Example 13.6 in the 7th): S = 42, K = 40, r = 10%, sigma = 20%,
 * T = 0.5 gives d1 = 0.7693, d2 = 0.6278 and a call worth 4.76. */
Test(bsm, matches_hull_example)
{
    pc_bsm_inputs in = {42, 40, 0.20, 0.10, 0, 0.5};
    pc_bsm_result r = pc_bsm_call(&in);
    cr_assert(fabs(r.value - 4.7594) < 5e-5, "value %.10f", r.value);
    cr_assert(fabs(r.d1 - 0.7693) < 5e-5, "d1 %.10f", r.d1);
    cr_assert(fabs(r.d2 - 0.6278) < 5e-5, "d2 %.10f", r.d2);
    cr_assert(close_rel(r.nd1, pc_norm_cdf(r.d1), 1e-15));
    cr_assert(close_rel(r.nd2, pc_norm_cdf(r.d2), 1e-15));
}

/* At the money, long term, with a dividend yield: d1 = (0.04 - 0.01 +
 * 0.045) * 6 / (0.3 * sqrt 6) = 0.612372, d2 = -0.122474, value
 * 100 e^-0.06 N(d1) - 100 e^-0.24 N(d2) = 33.2376. */
Test(bsm, values_long_at_the_money_option_with_dividends)
{
    pc_bsm_inputs in = {100, 100, 0.30, 0.04, 0.01, 6};
    pc_bsm_result r = pc_bsm_call(&in);
    cr_assert(fabs(r.value - 33.2376) < 5e-5, "value %.10f", r.value);
    cr_assert(fabs(r.d1 - 0.612372) < 5e-7, "d1 %.10f", r.d1);
    cr_assert(fabs(r.d2 - -0.122474) < 5e-7, "d2 %.10f", r.d2);
}

/* A fixed xorshift64* sequence: the same inputs on every run. */
typedef struct rng {
    uint64_t state;
} rng;

static double uniform(rng *g, double lo, double hi)
{
    g->state ^= g->state >> 12;
    g->state ^= g->state << 25;
    g->state ^= g->state >> 27;
    uint64_t x = g->state * UINT64_C(2685821657736338717);
    return lo + (hi - lo) * ((double)(x >> 11) / 9007199254740992.0);
}

/* Inputs of the kind a proxy meets: penny stocks to large caps, deep in and
 * out of the money, volatilities from 5% to 150%, rates from -1% to 10%. */
static pc_bsm_inputs random_inputs(rng *g)
{
    pc_bsm_inputs in;
    in.spot = exp(uniform(g, log(0.5), log(500)));
    in.strike = in.spot * exp(uniform(g, -1.5, 1.5));
    in.volatility = uniform(g, 0.05, 1.5);
    in.rate = uniform(g, -0.01, 0.10);
    in.yield = uniform(g, 0, 0.08);
    in.term = uniform(g, 0.01, 10);
    return in;
}

enum { PROPERTY_CASES = 20000 };

/* A European put priced on its own, from the inputs alone (Hull's
 * Black-Scholes-Merton put with a continuous dividend yield): p = K e^(-rT) N(-d2) -
 * S e^(-qT) N(-d1), d1 = (ln(S/K) + (r - q + sigma^2 / 2) T) / (sigma sqrt T),
 * d2 = d1 - sigma sqrt T. Nothing here comes from pc_bsm_call, so a wrong
 * d1 or d2 there breaks parity. */
static double put_value(const pc_bsm_inputs *in)
{
    double vol_sqrt_t = in->volatility * sqrt(in->term);
    double d1 = (log(in->spot / in->strike) +
                 (in->rate - in->yield + in->volatility * in->volatility / 2) * in->term) /
                vol_sqrt_t;
    double d2 = d1 - vol_sqrt_t;
    return in->strike * exp(-in->rate * in->term) * pc_norm_cdf(-d2) -
           in->spot * exp(-in->yield * in->term) * pc_norm_cdf(-d1);
}

/* The put itself against Hull's Example 15.6: S = 42, K = 40, r = 10%,
 * sigma = 20%, T = 0.5 gives a put worth 0.81. */
Test(bsm, independent_put_matches_hull_example)
{
    pc_bsm_inputs in = {42, 40, 0.20, 0.10, 0, 0.5};
    cr_assert(fabs(put_value(&in) - 0.8086) < 5e-5, "put %.10f", put_value(&in));
}

/* C - P = S e^(-qT) - K e^(-rT), the call from pc_bsm_call and the put
 * priced independently above. */
Test(bsm, satisfies_put_call_parity)
{
    rng g = {UINT64_C(0x9E3779B97F4A7C15)};
    for (int i = 0; i < PROPERTY_CASES; i++) {
        pc_bsm_inputs in = random_inputs(&g);
        pc_bsm_result c = pc_bsm_call(&in);
        double sd = in.spot * exp(-in.yield * in.term);
        double kd = in.strike * exp(-in.rate * in.term);
        double put = put_value(&in);
        double gap = (c.value - put) - (sd - kd);
        cr_assert(fabs(gap) <= 1e-12 * (sd + kd),
                  "case %d: S=%g K=%g sigma=%g r=%g q=%g T=%g: "
                  "C - P - (S e^-qT - K e^-rT) = %g",
                  i, in.spot, in.strike, in.volatility, in.rate, in.yield, in.term, gap);
        cr_assert(c.value >= 0 && c.value <= sd * (1 + 1e-15), "case %d: value %g outside [0, %g]",
                  i, c.value, sd);
    }
}

Test(bsm, tends_to_intrinsic_value_as_term_goes_to_zero)
{
    rng g = {UINT64_C(12345)};
    for (int i = 0; i < PROPERTY_CASES; i++) {
        pc_bsm_inputs in = random_inputs(&g);
        double intrinsic = fmax(in.spot - in.strike, 0);
        double scale = fmax(in.spot, in.strike);
        for (double t = 1e-2; t >= 1e-10; t /= 100) {
            in.term = t;
            double gap = fabs(pc_bsm_call(&in).value - intrinsic);
            /* The gap is at most of order S sigma sqrt(T) + (r + q) S T, a
             * bound that shrinks to 0 with T. (The gap itself need not
             * shrink at every step: the time value and the carry r K - q S
             * can cancel at one T and not at a smaller one.) */
            cr_assert(gap <= scale * (in.volatility * sqrt(t) + 0.2 * t) + 1e-12 * scale,
                      "case %d: T=%g value off intrinsic %g by %g", i, t, intrinsic, gap);
        }
        in.term = 0;
        pc_bsm_result at0 = pc_bsm_call(&in);
        cr_assert(fabs(at0.value - intrinsic) <= 1e-15 * scale, "case %d: T=0 gave %.17g", i,
                  at0.value);
    }
}

Test(bsm, tends_to_discounted_intrinsic_value_as_volatility_goes_to_zero)
{
    rng g = {UINT64_C(777)};
    for (int i = 0; i < PROPERTY_CASES; i++) {
        pc_bsm_inputs in = random_inputs(&g);
        double limit =
            fmax(in.spot * exp(-in.yield * in.term) - in.strike * exp(-in.rate * in.term), 0);
        double scale = fmax(in.spot, in.strike);
        for (double sigma = 1e-2; sigma >= 1e-10; sigma /= 100) {
            in.volatility = sigma;
            double gap = fabs(pc_bsm_call(&in).value - limit);
            /* At the forward money the gap is S e^-qT sigma sqrt(T / 2 pi). */
            cr_assert(gap <= scale * sigma * sqrt(in.term) + 1e-12 * scale,
                      "case %d: sigma=%g value off the limit %g by %g", i, sigma, limit, gap);
        }
        in.volatility = 0;
        cr_assert(fabs(pc_bsm_call(&in).value - limit) <= 1e-15 * scale, "case %d: sigma=0", i);
    }
}

Test(bsm, increases_with_price_and_volatility)
{
    rng g = {UINT64_C(31337)};
    for (int i = 0; i < PROPERTY_CASES; i++) {
        pc_bsm_inputs in = random_inputs(&g);
        double base = pc_bsm_call(&in).value;
        double tol = 1e-13 * fmax(in.spot, in.strike);

        pc_bsm_inputs up = in;
        up.spot *= 1.01;
        double v = pc_bsm_call(&up).value;
        cr_assert(v >= base - tol, "case %d: S up 1%% lowered the value %g -> %g", i, base, v);
        /* Delta is at most e^-qT: the value rises by no more than the share. */
        cr_assert(v - base <= (up.spot - in.spot) * exp(-in.yield * in.term) + tol,
                  "case %d: value rose faster than the share", i);

        up = in;
        up.volatility += 0.01;
        v = pc_bsm_call(&up).value;
        cr_assert(v >= base - tol, "case %d: sigma up lowered the value %g -> %g", i, base, v);
    }
}

Test(bsm, zero_strike_is_the_share_less_dividends)
{
    pc_bsm_inputs in = {25, 0, 0.4, 0.03, 0.02, 4};
    pc_bsm_result r = pc_bsm_call(&in);
    cr_assert(close_rel(r.value, 25 * exp(-0.08), 1e-15), "value %.17g", r.value);
    cr_assert(r.nd1 == 1 && r.nd2 == 1);
}

typedef struct limit_case {
    pc_bsm_inputs in;
    double value;
    double nd; /* N(d1) = N(d2) reported for a certain outcome */
} limit_case;

/* The degenerate cases report d1 = d2 = 0 (they have no finite value) and
 * N(d1) = N(d2) = the exercise probability, 1 or 0, so that the reported
 * figures still satisfy value = S e^-qT N(d1) - K e^-rT N(d2) and can be
 * written to JSON. */
ParameterizedTestParameters(bsm, degenerate_cases_report_finite_figures)
{
    static limit_case cases[] = {
        {{42, 40, 0.2, 0.1, 0, 0}, 2, 1},                          /* T = 0, in the money */
        {{38, 40, 0.2, 0.1, 0, 0}, 0, 0},                          /* T = 0, out of the money */
        {{40, 40, 0.2, 0.1, 0, 0}, 0, 0},                          /* T = 0, at the money */
        {{40, 40, 0, 0.05, 0, 1}, 40 - 40 * 0.951229424500714, 1}, /* sigma = 0 */
        {{40, 45, 0, 0.05, 0, 1}, 0, 0},                           /* sigma = 0, forward below K */
        {{0, 40, 0.3, 0.05, 0, 2}, 0, 0},                          /* S = 0 */
    };
    return cr_make_param_array(limit_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(limit_case *c, bsm, degenerate_cases_report_finite_figures)
{
    pc_bsm_result r = pc_bsm_call(&c->in);
    cr_assert(fabs(r.value - c->value) <= 1e-12, "value %.17g, expected %.17g", r.value, c->value);
    cr_assert(r.d1 == 0 && r.d2 == 0, "d1 %g d2 %g", r.d1, r.d2);
    cr_assert(r.nd1 == c->nd && r.nd2 == c->nd, "N(d1) %g N(d2) %g", r.nd1, r.nd2);
}

Test(bsm, inputs_outside_the_domain_give_nan_not_a_number_that_looks_right)
{
    pc_bsm_inputs bad[] = {
        {-1, 40, 0.2, 0.1, 0, 1},  {42, -1, 0.2, 0.1, 0, 1},  {42, 40, -0.2, 0.1, 0, 1},
        {42, 40, 0.2, 0.1, 0, -1}, {NAN, 40, 0.2, 0.1, 0, 1}, {42, 40, 0.2, INFINITY, 0, 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert(isnan(pc_bsm_call(&bad[i]).value), "case %zu", i);
}
