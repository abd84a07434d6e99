/*
 * The Black-Scholes-Merton call with a continuous dividend yield, and the
 * standard normal distribution it needs (SPEC section 5, rules background
 * VAL-1).
 *
 * The model works in double precision; its result becomes money only in
 * value.c, through pc_money_from_double (R2). The degenerate cases (T = 0,
 * sigma = 0, K = 0, S = 0) are handled as the limits of the formula, never
 * by dividing by zero, so every figure of a pc_bsm_result is finite and can
 * be written to JSON as it is.
 */
#include "paycalc/value.h"

#include <math.h>

/* 1/sqrt(2) split into a head that is the double nearest to it and the tail
 * that is left over, so x/sqrt(2) can be formed to about twice double
 * precision (M_SQRT1_2 is not part of ISO C). */
static const double inv_sqrt2_hi = 0.70710678118654757;
static const double inv_sqrt2_lo = -4.8336466567264567e-17;
/* 2/sqrt(pi), the derivative of erfc at 0 with its sign changed. */
static const double two_over_sqrt_pi = 1.1283791670955126;

/*
 * N(x) = erfc(-x/sqrt(2)) / 2. libm's erfc has a small relative error even
 * deep in the tail, where 1 - erf would cancel to 0. What is left is the
 * rounding of the argument: erfc(z) changes by a relative 2z * dz, so an
 * error of one unit in z's last place costs about 2z^2 units in N(x) (1e-13
 * at x = -37). The argument's rounding error dz is recovered with fma and
 * put back by one step of Taylor: erfc(z + dz) = erfc(z) - dz * 2/sqrt(pi) *
 * exp(-z^2).
 */
double pc_norm_cdf(double x)
{
    if (isnan(x))
        return x;
    double z = -x * inv_sqrt2_hi;
    double dz = fma(-x, inv_sqrt2_hi, -z) + -x * inv_sqrt2_lo;
    double tail = erfc(z);
    if (z > 0.5 && tail > 0)
        tail -= dz * two_over_sqrt_pi * exp(-z * z);
    return 0.5 * tail;
}

/* The result of a degenerate case: the payoff is certain, so N(d1) and N(d2)
 * are the exercise probabilities 1 or 0 and value = S e^(-qT) N(d1) -
 * K e^(-rT) N(d2) still holds for the figures reported. d1 and d2 have no
 * finite value there (they tend to plus or minus infinity, or are 0/0); they
 * are reported as 0 so that every field stays a finite number. */
static pc_bsm_result certain(double spot_disc, double strike_disc)
{
    pc_bsm_result res = {0};
    bool exercised = spot_disc > strike_disc;
    res.nd1 = res.nd2 = exercised ? 1.0 : 0.0;
    res.value = exercised ? spot_disc - strike_disc : 0.0;
    return res;
}

pc_bsm_result pc_bsm_call(const pc_bsm_inputs *in)
{
    double s = in->spot, k = in->strike, sigma = in->volatility;
    double r = in->rate, q = in->yield, t = in->term;

    if (!isfinite(s) || !isfinite(k) || !isfinite(sigma) || !isfinite(r) || !isfinite(q) ||
        !isfinite(t) || s < 0 || k < 0 || sigma < 0 || t < 0) {
        /* Outside the documented domain: a NaN value, which
         * pc_money_from_double refuses, rather than a plausible number. */
        pc_bsm_result bad = {NAN, NAN, NAN, NAN, NAN};
        return bad;
    }

    /* T = 0: the option is exercised now or never, max(S - K, 0). */
    if (t == 0)
        return certain(s, k);

    double spot_disc = s * exp(-q * t);   /* S e^(-qT) */
    double strike_disc = k * exp(-r * t); /* K e^(-rT) */

    /* sigma = 0: the price path is certain, max(S e^(-qT) - K e^(-rT), 0).
     * K = 0: always exercised, worth the share less the dividends, S e^(-qT).
     * S = 0: the share is worthless and stays so. */
    if (sigma == 0 || k == 0 || s == 0)
        return certain(spot_disc, strike_disc);

    double vol_sqrt_t = sigma * sqrt(t);
    pc_bsm_result res;
    res.d1 = (log(s / k) + (r - q + 0.5 * sigma * sigma) * t) / vol_sqrt_t;
    res.d2 = res.d1 - vol_sqrt_t;
    res.nd1 = pc_norm_cdf(res.d1);
    res.nd2 = pc_norm_cdf(res.d2);
    res.value = spot_disc * res.nd1 - strike_disc * res.nd2;
    /* Deep out of the money both terms round to nearly equal tiny numbers;
     * a call is never worth less than 0. */
    if (res.value < 0)
        res.value = 0;
    return res;
}
