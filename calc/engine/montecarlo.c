/*
 * The Monte Carlo engine for market-condition awards (SPEC section 10): the
 * Philox4x32-10 generator, the payout of a market condition, the simulation
 * of correlated total-return paths over the rest of the performance period,
 * the estimation of volatilities and correlations from prices, and the
 * repair of a correlation matrix that is not positive definite. See
 * include/paycalc/montecarlo.h for the choices and why.
 */
#define _POSIX_C_SOURCE 200809L

#include "paycalc/montecarlo.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- Philox4x32-10 (Salmon et al. 2011; the constants of Random123) ---- */

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

void pc_mc_philox(const uint32_t counter[4], const uint32_t key[2], uint32_t out[4])
{
    uint32_t c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3];
    uint32_t k0 = key[0], k1 = key[1];
    for (int round = 0; round < 10; round++) {
        if (round > 0) {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        uint64_t p0 = (uint64_t)PHILOX_M0 * c0;
        uint64_t p1 = (uint64_t)PHILOX_M1 * c2;
        uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
        uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
        c0 = n0;
        c1 = (uint32_t)p1;
        c2 = n2;
        c3 = (uint32_t)p0;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
}

static uint64_t fnv1a(uint64_t hash, const unsigned char *bytes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        hash ^= bytes[i];
        hash *= 0x100000001B3u;
    }
    return hash;
}

uint64_t pc_mc_stream(const char *award_id, uint32_t tranche, int32_t date_days)
{
    /* The id's bytes, a 0 separator, then the two numbers little-endian, so
     * the stream does not depend on the machine's byte order. */
    uint64_t hash = fnv1a(0xCBF29CE484222325u, (const unsigned char *)award_id, strlen(award_id));
    unsigned char tail[9] = {0};
    uint32_t date = (uint32_t)date_days;
    for (int i = 0; i < 4; i++) {
        tail[1 + i] = (unsigned char)(tranche >> (8 * i));
        tail[5 + i] = (unsigned char)(date >> (8 * i));
    }
    return fnv1a(hash, tail, sizeof tail);
}

/* ---- Normals: Philox blocks and Box-Muller, several paths at a time ----
 *
 * The simulation works on PC_MC_LANES base paths at once (consecutive path
 * numbers), every per-path quantity stored lane by lane (structure of
 * arrays), so the compiler turns each loop over the lanes into vector
 * instructions. The functions below compute log, sin, cos and exp with the
 * algorithms of fdlibm (Sun's freely distributable libm, the source of most
 * C libraries' scalar routines; errors under one unit in the last place) in
 * plain arithmetic, without branches or tables, so they vectorise, and give
 * the same bits on every machine (the C library picks a different
 * implementation of each function for each processor). */

enum { LANES = 8 };

/* A double's bits and back (through a union, which C11 defines and the
 * vectoriser sees through). */
typedef union number_bits {
    double x;
    uint64_t b;
} number_bits;

static uint64_t bits_of(double x)
{
    return (number_bits){.x = x}.b;
}

static double double_of(uint64_t b)
{
    return (number_bits){.b = b}.x;
}

/* ln(x) for a positive normal x (fdlibm e_log.c): x = 2^k (1 + f) with
 * 1 + f in [sqrt(2)/2, sqrt(2)), then log(1 + f) = f - hfsq + s (hfsq + R),
 * s = f / (2 + f). */
static double log_positive(double x)
{
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01,
                 lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01,
                 lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
                 lg7 = 1.479819860511658591e-01;
    uint64_t b = bits_of(x);
    uint64_t high = (b >> 32) & 0x000fffffu;
    uint64_t half = (high + 0x95f64u) & 0x100000u; /* the mantissa is past sqrt(2) */
    double mantissa = double_of((b & 0x000fffffffffffffu) | ((half ^ 0x3ff00000u) << 32));
    /* The exponent as a double without an integer conversion: 2^52 + e. */
    uint64_t e = ((b >> 52) & 0x7ffu) + (half >> 20);
    double k = double_of(0x4330000000000000u | e) - (4503599627370496.0 + 1023.0);
    double f = mantissa - 1.0;
    double s = f / (2.0 + f), z = s * s, w = z * z;
    double t1 = w * (lg2 + w * (lg4 + w * lg6));
    double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    double r = t2 + t1, hfsq = 0.5 * f * f;
    return k * ln2_hi - ((hfsq - (s * (hfsq + r) + k * ln2_lo)) - f);
}

/* sin(x) and cos(x) for |x| <= pi/4 (fdlibm k_sin.c and k_cos.c). */
static double sin_kernel(double x)
{
    const double s1 = -1.66666666666666324348e-01, s2 = 8.33333333332248946124e-03,
                 s3 = -1.98412698298579493134e-04, s4 = 2.75573137070700676789e-06,
                 s5 = -2.50507602534068634195e-08, s6 = 1.58969099521155010221e-10;
    double z = x * x, v = z * x;
    double r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)));
    return x + v * (s1 + z * r);
}

static double cos_kernel(double x)
{
    const double c1 = 4.16666666666666019037e-02, c2 = -1.38888888888741095749e-03,
                 c3 = 2.48015872894767294178e-05, c4 = -2.75573143513906633035e-07,
                 c5 = 2.08757232129817482790e-09, c6 = -1.13596475577881948265e-11;
    double z = x * x;
    double r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
    /* 1 - z/2 loses bits when |x| >= 0.3: fdlibm takes qx (about x^2/4,
     * 0.28125 from 0.78125 on) out of both terms exactly. */
    double ax = fabs(x);
    double qx = ax < 0x1.3333300000000p-2 ? 0.0 /* fdlibm's high word below 0x3fd33333 */
                : ax >= 0x1.9000100000000p-1
                    ? 0.28125 /* high word above 0x3fe90000 */
                    : double_of((bits_of(ax) - 0x0020000000000000u) & 0xffffffff00000000u);
    double hz = 0.5 * z - qx;
    return (1.0 - qx) - (hz - z * r);
}

/* e^x (fdlibm e_exp.c) for |x| <= 700: x = k ln2 + r, |r| <= ln2 / 2,
 * e^r = 1 + 2r / (2 - c) with c = r - r^2 (P1 + ...), times 2^k. */
static double exp_bounded(double x)
{
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                 inv_ln2 = 1.44269504088896338700e+00, shift = 6755399441055744.0; /* 1.5 2^52 */
    const double p1 = 1.66666666666666019037e-01, p2 = -2.77777777770155933842e-03,
                 p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06,
                 p5 = 4.13813679705723846039e-08;
    double t = x * inv_ln2 + shift; /* k, rounded to the nearest, in the low bits */
    double k = t - shift;
    double hi = x - k * ln2_hi, lo = k * ln2_lo, r = hi - lo;
    double rr = r * r;
    double c = r - rr * (p1 + rr * (p2 + rr * (p3 + rr * (p4 + rr * p5))));
    double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    return y * double_of((bits_of(t) + 1023u) << 52);
}

/* out[i] = e^x[i]; `bounded`: every |x[i]| <= 700 (else the C library's
 * exp, which overflows as it should). */
static void exp_array(const double *restrict x, double *restrict out, size_t count, bool bounded)
{
    if (bounded)
        for (size_t i = 0; i < count; i++)
            out[i] = exp_bounded(x[i]);
    else
        for (size_t i = 0; i < count; i++)
            out[i] = exp(x[i]);
}

/* Box-Muller on two 32-bit outputs of a Philox block, per lane: uniforms
 * u = (out + 1/2) / 2^32 in (0, 1), normals sqrt(-2 ln u0) cos 2 pi u1 and
 * sqrt(-2 ln u0) sin 2 pi u1. The angle is reduced exactly: 4 u1 = q + d
 * with q the nearest whole number (a quarter turn) and |d| <= 1/2, taken
 * from the integer. */
static void box_muller_lanes(const uint32_t *restrict radius, const uint32_t *restrict angle,
                             double *restrict cos_out, double *restrict sin_out)
{
    const double half_pi_scaled = 1.5707963267948966 / 1073741824.0; /* pi/2 / 2^30 */
    const double scale = 1.0 / 4294967296.0;
    for (int l = 0; l < LANES; l++) {
        /* out as a double through a signed conversion (it vectorises). */
        double u = ((double)(int32_t)(radius[l] ^ 0x80000000u) + 2147483648.5) * scale;
        double rho = sqrt(-2.0 * log_positive(u));
        uint64_t q = (angle[l] >> 30) + ((angle[l] >> 29) & 1u);
        int32_t d = (int32_t)(angle[l] - ((uint32_t)q << 30)); /* modulo 2^32: |d| <= 2^29 */
        double theta = ((double)d + 0.5) * half_pi_scaled;
        uint64_t s = bits_of(sin_kernel(theta)), c = bits_of(cos_kernel(theta));
        /* Quarter turns: (cos, sin) -> (-sin, cos) -> (-cos, -sin) -> (sin, -cos), by
         * swapping and flipping sign bits. */
        uint64_t swap = 0 - (q & 1u);
        uint64_t cos_v = (s & swap) | (c & ~swap), sin_v = (c & swap) | (s & ~swap);
        cos_out[l] = rho * double_of(cos_v ^ (((q + 1u) & 2u) << 62));
        sin_out[l] = rho * double_of(sin_v ^ ((q & 2u) << 62));
    }
}

/* Philox4x32-10 on LANES counters at once: block `block` of base paths
 * path0 .. path0 + LANES - 1 (counter = block, path, stream). The same
 * rounds as pc_mc_philox; on x86-64, four lanes an instruction with SSE2's
 * 32 x 32 -> 64-bit multiply (two lanes a multiply, even then odd). */
static void philox_lanes(const uint32_t key[2], uint64_t stream, uint64_t path0, uint32_t block,
                         uint32_t (*out)[LANES])
{
    uint32_t c[4][LANES];
    for (int l = 0; l < LANES; l++) {
        uint64_t path = path0 + (uint64_t)l;
        c[0][l] = block;
        c[1][l] = (uint32_t)path;
        c[2][l] = (uint32_t)stream;
        c[3][l] = (uint32_t)(stream >> 32) ^ (uint32_t)(path >> 32);
    }
#if defined(__SSE2__)
    const __m128i m0 = _mm_set1_epi32((int)PHILOX_M0), m1 = _mm_set1_epi32((int)PHILOX_M1);
    const __m128i low = _mm_set1_epi64x(0xffffffff);
    for (int g = 0; g < LANES; g += 4) {
        __m128i c0 = _mm_loadu_si128((const __m128i *)&c[0][g]);
        __m128i c1 = _mm_loadu_si128((const __m128i *)&c[1][g]);
        __m128i c2 = _mm_loadu_si128((const __m128i *)&c[2][g]);
        __m128i c3 = _mm_loadu_si128((const __m128i *)&c[3][g]);
        uint32_t k0 = key[0], k1 = key[1];
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += PHILOX_W0;
                k1 += PHILOX_W1;
            }
            /* p = m x c in each lane: even lanes' products, then odd lanes'. */
            __m128i e0 = _mm_mul_epu32(c0, m0), o0 = _mm_mul_epu32(_mm_srli_epi64(c0, 32), m0);
            __m128i e1 = _mm_mul_epu32(c2, m1), o1 = _mm_mul_epu32(_mm_srli_epi64(c2, 32), m1);
            __m128i hi0 = _mm_or_si128(_mm_srli_epi64(e0, 32), _mm_andnot_si128(low, o0));
            __m128i lo0 = _mm_or_si128(_mm_and_si128(e0, low), _mm_slli_epi64(o0, 32));
            __m128i hi1 = _mm_or_si128(_mm_srli_epi64(e1, 32), _mm_andnot_si128(low, o1));
            __m128i lo1 = _mm_or_si128(_mm_and_si128(e1, low), _mm_slli_epi64(o1, 32));
            c0 = _mm_xor_si128(_mm_xor_si128(hi1, c1), _mm_set1_epi32((int)k0));
            c2 = _mm_xor_si128(_mm_xor_si128(hi0, c3), _mm_set1_epi32((int)k1));
            c1 = lo1;
            c3 = lo0;
        }
        _mm_storeu_si128((__m128i *)&out[0][g], c0);
        _mm_storeu_si128((__m128i *)&out[1][g], c1);
        _mm_storeu_si128((__m128i *)&out[2][g], c2);
        _mm_storeu_si128((__m128i *)&out[3][g], c3);
    }
#else
    uint32_t k0 = key[0], k1 = key[1];
    for (int round = 0; round < 10; round++) {
        if (round > 0) {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        for (int l = 0; l < LANES; l++) {
            uint64_t p0 = (uint64_t)PHILOX_M0 * c[0][l];
            uint64_t p1 = (uint64_t)PHILOX_M1 * c[2][l];
            c[0][l] = (uint32_t)(p1 >> 32) ^ c[1][l] ^ k0;
            c[1][l] = (uint32_t)p1;
            c[2][l] = (uint32_t)(p0 >> 32) ^ c[3][l] ^ k1;
            c[3][l] = (uint32_t)p0;
        }
    }
    memcpy(out, c, sizeof c);
#endif
}

/* Normals number first .. first + count - 1 of base paths path0 ..
 * path0 + LANES - 1, into z[(i - first) * LANES + lane]: normal i is output
 * i % 4 of Philox block i / 4 of its path, so any range of a path's normals
 * is computed without the ones before it. */
static void normals_lanes(const uint32_t key[2], uint64_t stream, uint64_t path0, size_t first,
                          size_t count, double *z)
{
    for (size_t block = first / 4; block * 4 < first + count; block++) {
        uint32_t out[4][LANES];
        double n[4][LANES];
        philox_lanes(key, stream, path0, (uint32_t)block, out);
        box_muller_lanes(out[0], out[1], n[0], n[1]);
        box_muller_lanes(out[2], out[3], n[2], n[3]);
        for (size_t k = 0; k < 4; k++) {
            size_t i = block * 4 + k;
            if (i >= first && i < first + count)
                memcpy(z + (i - first) * LANES, n[k], sizeof n[k]);
        }
    }
}

void pc_mc_normals(uint64_t seed, uint64_t stream, uint64_t path, size_t first, size_t count,
                   double *out)
{
    const uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    double z[4 * LANES];
    for (size_t done = 0; done < count;) {
        size_t i = first + done, take = 4 - i % 4; /* up to the end of a Philox block */
        take = take < count - done ? take : count - done;
        normals_lanes(key, stream, path, i, take, z);
        for (size_t k = 0; k < take; k++)
            out[done + k] = z[k * LANES];
        done += take;
    }
}

/* ---- The market condition: metric and payout ---- */

double pc_mc_metric_value(const pc_mc_terms *terms, const double *tsr, size_t count)
{
    switch (terms->metric) {
    case PC_MC_RELATIVE_TSR: {
        /* PERCENTRANK.INC of the company within company and peers: the share
         * of the other values below it, a tie counting half. */
        if (count < 2)
            return 0;
        double below = 0;
        for (size_t i = 1; i < count; i++)
            below += tsr[i] < tsr[0] ? 1.0 : tsr[i] == tsr[0] ? 0.5 : 0.0;
        return 100.0 * below / (double)(count - 1);
    }
    case PC_MC_INDEX_TSR:
        return 100.0 * (tsr[0] - tsr[terms->index_asset]);
    case PC_MC_ABSOLUTE_TSR:
        return 100.0 * tsr[0];
    case PC_MC_PRICE_HURDLE:
        return tsr[0];
    }
    return 0;
}

double pc_mc_payout(const pc_mc_terms *terms, double metric, double company_tsr)
{
    const pc_mc_point *pt = terms->curve;
    size_t n = terms->curve_points;
    double payout = 0;
    if (n == 0 || metric < pt[0].x) {
        payout = 0;
    } else if (metric >= pt[n - 1].x) {
        payout = pt[n - 1].payout;
    } else {
        size_t i = 0;
        while (metric >= pt[i + 1].x)
            i++;
        if (terms->metric == PC_MC_PRICE_HURDLE) {
            payout = pt[i].payout; /* levels step: no interpolation */
        } else {
            double w = (metric - pt[i].x) / (pt[i + 1].x - pt[i].x);
            payout = pt[i].payout + w * (pt[i + 1].payout - pt[i].payout);
        }
    }
    if (terms->has_negative_tsr_cap && company_tsr < 0 && payout > terms->negative_tsr_cap)
        payout = terms->negative_tsr_cap;
    return payout;
}

/* ---- Estimation from prices ---- */

static pc_status log_returns(const double *closes, size_t count, double **out)
{
    *out = NULL;
    if (count < 3)
        return PC_ERR_MISSING;
    for (size_t i = 0; i < count; i++)
        if (!(closes[i] > 0) || !isfinite(closes[i]))
            return PC_ERR_MISSING;
    double *r = malloc((count - 1) * sizeof *r);
    if (!r)
        return PC_ERR_NOMEM;
    for (size_t i = 1; i < count; i++)
        r[i - 1] = log(closes[i] / closes[i - 1]);
    *out = r;
    return PC_OK;
}

static double mean_of(const double *x, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    return sum / (double)n;
}

pc_status pc_mc_estimate_volatility(const double *closes, size_t count, double *out)
{
    *out = 0;
    double *r;
    pc_status st = log_returns(closes, count, &r);
    if (st != PC_OK)
        return st;
    size_t n = count - 1;
    double m = mean_of(r, n), ss = 0;
    for (size_t i = 0; i < n; i++)
        ss += (r[i] - m) * (r[i] - m);
    free(r);
    *out = sqrt(ss / (double)(n - 1) * PC_MC_DAYS_PER_YEAR);
    return PC_OK;
}

pc_status pc_mc_estimate_correlation(const double *a, const double *b, size_t count, double *out)
{
    *out = 0;
    double *ra, *rb;
    pc_status st = log_returns(a, count, &ra);
    if (st != PC_OK)
        return st;
    st = log_returns(b, count, &rb);
    if (st != PC_OK) {
        free(ra);
        return st;
    }
    size_t n = count - 1;
    double ma = mean_of(ra, n), mb = mean_of(rb, n), sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; i++) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    free(ra);
    free(rb);
    if (saa > 0 && sbb > 0) {
        double rho = sab / sqrt(saa * sbb);
        *out = rho > 1 ? 1 : rho < -1 ? -1 : rho;
    }
    return PC_OK;
}

/* ---- Correlation matrices: Cholesky, eigenvalues, nearest correlation ---- */

bool pc_mc_cholesky(const double *m, size_t n, double *lower)
{
    memset(lower, 0, n * n * sizeof *lower);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j <= i; j++) {
            double sum = m[i * n + j];
            for (size_t k = 0; k < j; k++)
                sum -= lower[i * n + k] * lower[j * n + k];
            if (i == j) {
                if (!(sum > 1e-12))
                    return false;
                lower[i * n + i] = sqrt(sum);
            } else {
                lower[i * n + j] = sum / lower[j * n + j];
            }
        }
    }
    return true;
}

/* Eigenvalues `d` and eigenvectors (columns of `v`) of the symmetric matrix
 * `a` (destroyed), by cyclic Jacobi rotations (Golub and Van Loan, 8.5). */
static void jacobi_eigen(double *a, size_t n, double *d, double *v)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            v[i * n + j] = i == j;
    for (int sweep = 0; sweep < 100; sweep++) {
        double off = 0, all = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                all += a[i * n + j] * a[i * n + j];
                off += i != j ? a[i * n + j] * a[i * n + j] : 0;
            }
        if (off <= 1e-30 * all)
            break;
        for (size_t p = 0; p + 1 < n; p++) {
            for (size_t q = p + 1; q < n; q++) {
                double apq = a[p * n + q];
                if (apq == 0)
                    continue;
                double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                double t = (theta >= 0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1));
                double c = 1 / sqrt(t * t + 1), s = t * c;
                for (size_t k = 0; k < n; k++) {
                    double akp = a[k * n + p], akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (size_t k = 0; k < n; k++) {
                    double apk = a[p * n + k], aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (size_t k = 0; k < n; k++) {
                    double vkp = v[k * n + p], vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        d[i] = a[i * n + i];
}

/* `m` := V max(D, floor) V^T, its eigenvalues raised to at least `floor`.
 * `work` holds 2 n^2 + n doubles. */
static void clip_eigenvalues(double *m, size_t n, double floor, double *work)
{
    double *a = work, *v = work + n * n, *d = work + 2 * n * n;
    memcpy(a, m, n * n * sizeof *a);
    jacobi_eigen(a, n, d, v);
    for (size_t i = 0; i < n; i++)
        d[i] = d[i] < floor ? floor : d[i];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++) {
            double sum = 0;
            for (size_t k = 0; k < n; k++)
                sum += v[i * n + k] * d[k] * v[j * n + k];
            m[i * n + j] = m[j * n + i] = sum;
        }
}

pc_status pc_mc_nearest_correlation(double *m, size_t n, double *change)
{
    if (change)
        *change = 0;
    size_t nn = n * n;
    double *buf = malloc((6 * nn + n) * sizeof *buf);
    if (!buf)
        return PC_ERR_NOMEM;
    double *orig = buf, *y = buf + nn, *ds = buf + 2 * nn, *r = buf + 3 * nn, *work = buf + 4 * nn;
    memcpy(orig, m, nn * sizeof *m);
    memcpy(y, m, nn * sizeof *m);
    memset(ds, 0, nn * sizeof *ds);
    /* Higham (2002), "Computing the nearest correlation matrix", IMA J.
     * Numer. Anal. 22: project alternately on the positive semidefinite
     * matrices (with Dykstra's correction ds) and the unit-diagonal ones. */
    for (int iter = 0; iter < 200; iter++) {
        for (size_t i = 0; i < nn; i++)
            r[i] = m[i] = y[i] - ds[i];
        clip_eigenvalues(m, n, 0, work);
        double step = 0;
        for (size_t i = 0; i < nn; i++) {
            ds[i] = m[i] - r[i];
            double yi = (i % (n + 1) == 0) ? 1.0 : m[i];
            step = fmax(step, fabs(yi - y[i]));
            y[i] = yi;
        }
        if (step < 1e-12)
            break;
    }
    /* Raise the smallest eigenvalues a little so Cholesky succeeds, then put
     * the unit diagonal back exactly. */
    memcpy(m, y, nn * sizeof *m);
    clip_eigenvalues(m, n, 1e-8, work);
    for (size_t i = 0; i < n; i++)
        work[i] = sqrt(m[i * n + i]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            m[i * n + j] = i == j ? 1.0 : m[i * n + j] / (work[i] * work[j]);
    if (change)
        for (size_t i = 0; i < nn; i++)
            *change = fmax(*change, fabs(m[i] - orig[i]));
    free(buf);
    return PC_OK;
}

/* ---- The simulation plan: what every path does, computed once ---- */

typedef struct plan {
    const pc_mc_terms *terms;
    const pc_mc_market *market;
    size_t assets;            /* simulated companies (1 for a price hurdle) */
    size_t steps;             /* simulated dates */
    double *lower;            /* Cholesky factor, assets x assets */
    double *times;            /* years after the valuation date, per step */
    unsigned char *in_window; /* per step: 1 start window, 2 end window */
    double *drift;            /* per step and asset: (r - sigma^2 / 2) dt */
    double *diffusion;        /* per step and asset: sigma sqrt(dt) */
    double *twin;             /* per step and asset: exp(2 drift), for the antithetic twin */
    double tau;               /* years to the performance end */
    double discount;          /* exp(-r tau) */
    size_t base_paths;        /* antithetic pairs, or paths */
    size_t blocks;
    uint32_t key[2];
    uint64_t stream;
    bool antithetic;
    bool exp_bounded; /* every step's log growth is within [-700, 700] */
} plan;

/* Per block: the sums of the samples (pair means when antithetic), of their
 * squares, and of the payouts of every path. */
typedef struct block_sums {
    double value, square, payout;
} block_sums;

/* The simulated days of a window, in years after the valuation date. */
static size_t window_times(const pc_mc_window *w, double *out)
{
    size_t f = w->future_days;
    double spacing = 1.0 / PC_MC_DAYS_PER_YEAR;
    if (f > 0 && w->end_years - (double)(f - 1) * spacing <= 1e-9)
        spacing = w->end_years / (double)f;
    for (size_t k = 0; k < f; k++)
        out[k] = w->end_years - (double)(f - 1 - k) * spacing;
    return f;
}

/* Merges the start and end windows' days into the steps (sorted, a day in
 * both windows once). */
static void tsr_steps(plan *p, const double *ts, size_t ns, const double *te, size_t ne)
{
    size_t i = 0, j = 0, k = 0;
    while (i < ns || j < ne) {
        bool take_s = j >= ne || (i < ns && ts[i] <= te[j] + 1e-12);
        bool take_e = i >= ns || (j < ne && te[j] <= ts[i] + 1e-12);
        p->times[k] = take_s ? ts[i] : te[j];
        p->in_window[k] = (unsigned char)((take_s ? 1 : 0) | (take_e ? 2 : 0));
        i += take_s;
        j += take_e;
        k++;
    }
    p->steps = k;
}

static void step_coefficients(plan *p)
{
    double prev = 0;
    for (size_t s = 0; s < p->steps; s++) {
        double dt = p->times[s] - prev;
        prev = p->times[s];
        for (size_t a = 0; a < p->assets; a++) {
            double vol = p->market->asset[a].volatility;
            p->drift[s * p->assets + a] = (p->market->rate - 0.5 * vol * vol) * dt;
            p->diffusion[s * p->assets + a] = vol * sqrt(dt);
            p->twin[s * p->assets + a] = exp(2 * p->drift[s * p->assets + a]);
        }
    }
}

/* Whether every step's log growth, drift + sigma sqrt(dt) x (row of the
 * Cholesky factor . normals), stays within [-700, 700], where exp_bounded
 * holds: a Box-Muller normal is at most sqrt(-2 ln 2^-33) < 6.8 in size. */
static bool log_growth_bounded(const plan *p)
{
    size_t n = p->assets;
    for (size_t a = 0; a < n; a++) {
        double row = 0;
        for (size_t k = 0; k <= a; k++)
            row += fabs(p->lower[a * n + k]);
        for (size_t s = 0; s < p->steps; s++)
            if (!(fabs(p->drift[s * n + a]) + p->diffusion[s * n + a] * 6.8 * row <= 700.0))
                return false;
    }
    return true;
}

static pc_status plan_alloc(plan *p, size_t steps)
{
    size_t n = p->assets;
    p->lower = calloc(n * n, sizeof *p->lower);
    p->times = calloc(steps + 1, sizeof *p->times);
    p->in_window = calloc(steps + 1, 1);
    p->drift = calloc((steps + 1) * n, sizeof *p->drift);
    p->diffusion = calloc((steps + 1) * n, sizeof *p->diffusion);
    p->twin = calloc((steps + 1) * n, sizeof *p->twin);
    if (!p->lower || !p->times || !p->in_window || !p->drift || !p->diffusion || !p->twin)
        return PC_ERR_NOMEM;
    return PC_OK;
}

static void plan_free(plan *p)
{
    free(p->lower);
    free(p->times);
    free(p->in_window);
    free(p->drift);
    free(p->diffusion);
    free(p->twin);
}

/* The Cholesky factor of the correlations, repairing a matrix that is not
 * positive definite (with a warning). */
static pc_status factor_correlations(plan *p, double *repaired, pc_mc_result *result,
                                     pc_diags *diags)
{
    size_t n = p->assets;
    const double *c = p->market->correlation;
    if (!c || n == 1) {
        for (size_t i = 0; i < n; i++)
            p->lower[i * n + i] = 1;
        return PC_OK;
    }
    if (pc_mc_cholesky(c, n, p->lower))
        return PC_OK;
    double *fixed = malloc(n * n * sizeof *fixed);
    if (!fixed)
        return PC_ERR_NOMEM;
    memcpy(fixed, c, n * n * sizeof *fixed);
    pc_status st = pc_mc_nearest_correlation(fixed, n, &result->repair_change);
    if (st == PC_OK) {
        result->repaired = true;
        bool ok = pc_mc_cholesky(fixed, n, p->lower);
        (void)ok; /* every eigenvalue is at least 1e-8 after the repair */
        /* The market's correlations are not read again past this point,
         * so `repaired` may be their buffer. */
        if (repaired)
            memcpy(repaired, fixed, n * n * sizeof *fixed);
        /* `diags` may be NULL (the header's promise). */
        st = !diags
                 ? PC_OK
                 : pc_warning(diags, NULL, 0, 0, "correlation_repaired",
                              "the correlations are not a valid correlation matrix (not positive "
                              "definite); the nearest valid one was used (largest change %.6f)",
                              result->repair_change);
        st = st == PC_ERR_NOMEM ? st : PC_OK;
    }
    free(fixed);
    return st;
}

static pc_status plan_tsr(plan *p)
{
    const pc_mc_terms *t = p->terms;
    size_t ns = t->start.future_days, ne = t->end.future_days;
    pc_status st = plan_alloc(p, ns + ne);
    if (st != PC_OK)
        return st;
    double *buf = malloc((ns + ne + 1) * sizeof *buf);
    if (!buf)
        return PC_ERR_NOMEM;
    window_times(&t->start, buf);
    window_times(&t->end, buf + ns);
    tsr_steps(p, buf, ns, buf + ns, ne);
    free(buf);
    p->tau = ne > 0 ? t->end.end_years : 0;
    return PC_OK;
}

static pc_status plan_hurdle(plan *p)
{
    const pc_mc_terms *t = p->terms;
    double days = ceil(t->term_years * PC_MC_DAYS_PER_YEAR - 1e-9);
    size_t steps = t->term_years > 0 ? (size_t)(days < 1 ? 1 : days) : 0;
    pc_status st = plan_alloc(p, steps);
    if (st != PC_OK)
        return st;
    for (size_t s = 0; s < steps; s++) {
        p->times[s] = t->term_years * (double)(s + 1) / (double)steps;
        p->in_window[s] = 2;
    }
    p->steps = steps;
    p->tau = steps > 0 ? t->term_years : 0;
    return PC_OK;
}

/* ---- LANES paths at a time ---- */

typedef struct scratch {
    double *z;           /* normals of a step (a hurdle: of the path), lane by lane */
    double *tr;          /* per asset and lane: total return since the valuation date */
    double *twin_tr;     /* the same for the antithetic twins */
    double *x, *growth;  /* per asset and lane: a step's log growth, and its exp */
    double *start, *end; /* per asset and lane, then the twins': sums of the window's ratios */
    double *tsr;
    double *path_z; /* a price hurdle: one path's normals */
    double *ring;   /* a price hurdle: the closes of the moving average */
} scratch;

/* sums[l] = row[0] z[0][l] + row[1] z[1][l] + ... + row[count - 1] z[count - 1][l],
 * added in that order in each lane: one row of the triangular multiply. With
 * GCC's (and Clang's) vector types the eight sums stay in four registers of
 * two doubles; the arithmetic is the same as the plain loop's. */
#if defined(__GNUC__) && defined(__SSE2__)
typedef double double_pair __attribute__((vector_size(16)));

static void lower_times_z(const double *row, size_t count, const double *z, double *sums)
{
    double_pair acc[LANES / 2] = {{0, 0}};
    for (size_t k = 0; k < count; k++) {
        double_pair r = {row[k], row[k]}, zk[LANES / 2];
        memcpy(zk, z + k * LANES, sizeof zk);
        for (int j = 0; j < LANES / 2; j++)
            acc[j] += r * zk[j];
    }
    memcpy(sums, acc, sizeof acc);
}
#else
static void lower_times_z(const double *row, size_t count, const double *z, double *sums)
{
    for (int l = 0; l < LANES; l++)
        sums[l] = 0;
    for (size_t k = 0; k < count; k++)
        for (int l = 0; l < LANES; l++)
            sums[l] += row[k] * z[k * LANES + l];
}
#endif

/* The TSR base paths path0 .. path0 + LANES - 1 and, when `twins` is 2, their
 * antithetic twins (the same shocks negated). Each step correlates its
 * normals with one triangular multiply of the Cholesky factor by the
 * assets x lanes block of normals, each lane's sum in the order of the
 * factor's row. The twin's growth over a step is exp(2 drift) / the path's,
 * which saves an exp. Sets the discounted value per target share and the
 * payout of each path: value[k * LANES + lane], twin k. */
static void paths_tsr(const plan *p, scratch *w, uint64_t path0, int twins, double *value,
                      double *payout)
{
    size_t n = p->assets;
    const pc_mc_asset *as = p->market->asset;
    double *tr = w->tr, *twin_tr = w->twin_tr, *start = w->start, *end = w->end;
    for (size_t a = 0; a < n; a++)
        for (int l = 0; l < LANES; l++) {
            tr[a * LANES + l] = twin_tr[a * LANES + l] = 1;
            start[a * LANES + l] = start[(n + a) * LANES + l] = as[a].start_known;
            end[a * LANES + l] = end[(n + a) * LANES + l] = as[a].end_known;
        }
    for (size_t s = 0; s < p->steps; s++) {
        normals_lanes(p->key, p->stream, path0, s * n, n, w->z);
        const double *drift = p->drift + s * n, *diff = p->diffusion + s * n;
        const double *twin = p->twin + s * n;
        /* The triangular multiply: shock = lower x z, lane by lane. */
        for (size_t a = 0; a < n; a++) {
            const double *row = p->lower + a * n;
            double shock[LANES];
            lower_times_z(row, a + 1, w->z, shock);
            for (int l = 0; l < LANES; l++)
                w->x[a * LANES + l] = drift[a] + diff[a] * shock[l];
        }
        exp_array(w->x, w->growth, n * LANES, p->exp_bounded);
        for (size_t i = 0; i < n * LANES; i++)
            tr[i] *= w->growth[i];
        if (twins == 2)
            for (size_t a = 0; a < n; a++)
                for (int l = 0; l < LANES; l++)
                    twin_tr[a * LANES + l] *= twin[a] / w->growth[a * LANES + l];
        unsigned char in = p->in_window[s];
        for (int k = 0; k < twins; k++) {
            const double *t = k ? twin_tr : tr;
            double *sum_s = start + (size_t)k * n * LANES, *sum_e = end + (size_t)k * n * LANES;
            for (size_t i = 0; i < n * LANES; i++) {
                if (in & 1)
                    sum_s[i] += t[i];
                if (in & 2)
                    sum_e[i] += t[i];
            }
        }
    }
    const pc_mc_terms *t = p->terms;
    double dividends = exp(-as[0].yield * p->tau);
    for (int k = 0; k < twins; k++) {
        const double *sum_s = start + (size_t)k * n * LANES, *sum_e = end + (size_t)k * n * LANES;
        for (int l = 0; l < LANES; l++) {
            for (size_t a = 0; a < n; a++)
                w->tsr[a] = (sum_e[a * LANES + l] / (double)t->end.days) /
                                (sum_s[a * LANES + l] / (double)t->start.days) -
                            1;
            double pay = pc_mc_payout(t, pc_mc_metric_value(t, w->tsr, n), w->tsr[0]);
            double price = as[0].spot * (k ? twin_tr : tr)[l] * dividends;
            payout[k * LANES + l] = pay;
            value[k * LANES + l] = p->discount * pay * price;
        }
    }
}

/* One price-hurdle path (its normals in w->path_z): the moving average of
 * `hurdle_days` closes, the highest level it reaches, that level's payout. */
static double path_hurdle(const plan *p, scratch *w, double sign, double *payout)
{
    const pc_mc_terms *t = p->terms;
    const pc_mc_asset *co = &p->market->asset[0];
    size_t days = t->hurdle_days, filled = 0, next = 0;
    double sum = 0, best = t->best_to_date, log_tr = 0, price = co->spot;
    size_t first = t->recent_count > days - 1 ? t->recent_count - (days - 1) : 0;
    for (size_t i = first; i < t->recent_count; i++) {
        w->ring[next] = t->recent[i];
        sum += t->recent[i];
        next = (next + 1) % days;
        filled++;
    }
    for (size_t s = 0; s < p->steps; s++) {
        log_tr += p->drift[s] + sign * p->diffusion[s] * w->path_z[s];
        price = co->spot * exp(log_tr - co->yield * p->times[s]);
        if (filled == days)
            sum -= w->ring[next];
        else
            filled++;
        w->ring[next] = price;
        sum += price;
        next = (next + 1) % days;
        if (filled == days && sum / (double)days > best)
            best = sum / (double)days;
    }
    *payout = pc_mc_payout(t, best, 0);
    return p->discount * *payout * price;
}

static void paths_hurdle(const plan *p, scratch *w, uint64_t path0, double *value, double *payout)
{
    normals_lanes(p->key, p->stream, path0, 0, p->steps, w->z);
    for (int l = 0; l < LANES; l++) {
        for (size_t s = 0; s < p->steps; s++)
            w->path_z[s] = w->z[s * LANES + l];
        value[l] = path_hurdle(p, w, 1, &payout[l]);
        if (p->antithetic)
            value[LANES + l] = path_hurdle(p, w, -1, &payout[LANES + l]);
    }
}

static void run_block(const plan *p, scratch *w, size_t block, block_sums *out)
{
    size_t first = block * PC_MC_BLOCK, last = first + PC_MC_BLOCK;
    if (last > p->base_paths)
        last = p->base_paths;
    bool hurdle = p->terms->metric == PC_MC_PRICE_HURDLE;
    block_sums sums = {0, 0, 0};
    for (size_t path0 = first; path0 < last; path0 += LANES) {
        double v[2 * LANES] = {0}, pay[2 * LANES] = {0};
        if (hurdle)
            paths_hurdle(p, w, path0, v, pay);
        else
            paths_tsr(p, w, path0, p->antithetic ? 2 : 1, v, pay);
        /* The lanes past the block's last path are simulated and left out. */
        for (size_t l = 0; l < LANES && path0 + l < last; l++) {
            double y = p->antithetic ? 0.5 * (v[l] + v[LANES + l]) : v[l];
            sums.value += y;
            sums.square += y * y;
            sums.payout += pay[l] + pay[LANES + l];
        }
    }
    *out = sums;
}

/* ---- Vector instructions ----
 *
 * The blocks run in one of three copies of run_block and everything it
 * calls, compiled for SSE2, AVX2 and AVX-512 (GCC and Clang on x86-64; the
 * widest the processor has, or the caller's limit). The wider sets take
 * four or eight lanes an instruction instead of two. The bits do not change:
 * -ffp-contract=off keeps every multiply and add two roundings (the
 * AVX-512 copy could fuse them otherwise), the vectoriser never reorders a
 * floating-point sum without -ffast-math, and the functions above use only
 * operations IEEE 754 rounds exactly (add, multiply, divide, square root,
 * conversions). tests/test_montecarlo.c compares the three copies bit for
 * bit. */

typedef void block_runner(const plan *p, scratch *w, size_t block, block_sums *out);

#if defined(__x86_64__) && defined(__GNUC__)
#define MC_WIDE_COPIES 1

__attribute__((target("avx2"), flatten)) static void run_block_avx2(const plan *p, scratch *w,
                                                                    size_t block, block_sums *out)
{
    run_block(p, w, block, out);
}

__attribute__((target("avx512f"), flatten)) static void
run_block_avx512(const plan *p, scratch *w, size_t block, block_sums *out)
{
    run_block(p, w, block, out);
}
#else
#define MC_WIDE_COPIES 0
#endif

/* The widest set allowed by `limit` (0: none) that the processor runs. */
static pc_mc_instructions pick_instructions(unsigned limit, block_runner **run)
{
    unsigned wanted = limit == PC_MC_WIDEST ? PC_MC_AVX512 : limit;
    *run = run_block;
#if MC_WIDE_COPIES
    __builtin_cpu_init();
    if (wanted >= PC_MC_AVX512 && __builtin_cpu_supports("avx512f")) {
        *run = run_block_avx512;
        return PC_MC_AVX512;
    }
    if (wanted >= PC_MC_AVX2 && __builtin_cpu_supports("avx2")) {
        *run = run_block_avx2;
        return PC_MC_AVX2;
    }
#else
    (void)wanted;
#endif
    return PC_MC_SSE2;
}

/* ---- Threads ---- */

typedef struct worker {
    const plan *p;
    block_runner *run;
    block_sums *sums;
    size_t index, stride;
    bool failed;
} worker;

static void *work(void *arg)
{
    worker *wk = arg;
    const plan *p = wk->p;
    size_t n = p->assets, steps = p->steps;
    size_t z_rows = p->terms->metric == PC_MC_PRICE_HURDLE ? steps : n;
    scratch w;
    /* z, tr, twin_tr, start and end (twice), x, growth, tsr, path_z, ring */
    double *buf =
        malloc(((z_rows + 8 * n) * LANES + n + steps + p->terms->hurdle_days + 1) * sizeof *buf);
    if (!buf) {
        wk->failed = true;
        return NULL;
    }
    w.z = buf;
    w.tr = w.z + z_rows * LANES;
    w.twin_tr = w.tr + n * LANES;
    w.start = w.twin_tr + n * LANES;
    w.end = w.start + 2 * n * LANES;
    w.x = w.end + 2 * n * LANES;
    w.growth = w.x + n * LANES;
    w.tsr = w.growth + n * LANES;
    w.path_z = w.tsr + n;
    w.ring = w.path_z + steps;
    for (size_t b = wk->index; b < p->blocks; b += wk->stride)
        wk->run(p, &w, b, &wk->sums[b]);
    free(buf);
    return NULL;
}

static unsigned thread_count(const pc_mc_settings *s, size_t blocks)
{
    long cores = s->threads > 0 ? (long)s->threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        cores = 1;
    if ((size_t)cores > blocks)
        cores = (long)blocks;
    return cores < 1 ? 1 : (unsigned)cores;
}

/* Runs every block on `threads` threads (a thread that cannot start has its
 * stripe run here), so the sums never depend on how many ran. */
static pc_status run_blocks(const plan *p, block_sums *sums, unsigned threads, block_runner *run)
{
    worker *wk = calloc(threads, sizeof *wk);
    pthread_t *tid = calloc(threads, sizeof *tid);
    bool *started = calloc(threads, sizeof *started);
    pc_status st = PC_OK;
    if (!wk || !tid || !started) {
        st = PC_ERR_NOMEM;
        goto done;
    }
    for (unsigned i = 0; i < threads; i++) {
        wk[i] = (worker){p, run, sums, i, threads, false};
        started[i] = i > 0 && pthread_create(&tid[i], NULL, work, &wk[i]) == 0;
    }
    for (unsigned i = 0; i < threads; i++)
        if (!started[i])
            work(&wk[i]);
    for (unsigned i = 0; i < threads; i++) {
        if (started[i])
            pthread_join(tid[i], NULL);
        if (wk[i].failed)
            st = PC_ERR_NOMEM;
    }
done:
    free(wk);
    free(tid);
    free(started);
    return st;
}

/* ---- Checks on what the caller passed (the readers check the files) ---- */

static pc_status misfit(pc_diags *diags, const char *what)
{
    if (diags)
        pc_error(diags, NULL, 0, 0, "monte_carlo_input", "Monte Carlo valuation: %s", what);
    return PC_ERR_USAGE;
}

static pc_status check_market(const pc_mc_market *m, const pc_mc_terms *t, pc_diags *diags)
{
    size_t n = m->assets;
    if (n < 1 || !m->asset || !isfinite(m->rate))
        return misfit(diags, "no company to simulate, or a rate that is not a number");
    if (n > PC_MC_MAX_ASSETS)
        return PC_ERR_LIMIT;
    for (size_t a = 0; a < n; a++) {
        const pc_mc_asset *x = &m->asset[a];
        if (!(x->spot > 0) || !isfinite(x->spot) || !(x->volatility >= 0) ||
            !isfinite(x->volatility) || !isfinite(x->yield))
            return misfit(diags, "a price, volatility or dividend yield is not usable");
        bool start_known = t->metric == PC_MC_PRICE_HURDLE || t->start.future_days > 0;
        if (!(x->start_known >= 0) || !isfinite(x->start_known) || !(x->end_known >= 0) ||
            !isfinite(x->end_known) || (!start_known && !(x->start_known > 0)))
            return misfit(diags, "a TSR start or end value is not usable");
    }
    if (!m->correlation)
        return PC_OK;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double c = m->correlation[i * n + j];
            if (!isfinite(c) || fabs(c) > 1 || fabs(c - m->correlation[j * n + i]) > 1e-12 ||
                (i == j && c != 1))
                return misfit(diags, "the correlations are not symmetric, between -1 and 1 "
                                     "with 1 on the diagonal");
        }
    return PC_OK;
}

static bool window_ok(const pc_mc_window *w)
{
    return w->days >= 1 && w->future_days <= w->days &&
           (w->future_days == 0 || (w->end_years > 0 && isfinite(w->end_years)));
}

static pc_status check_terms(const pc_mc_terms *t, const pc_mc_market *m, pc_diags *diags)
{
    if (t->curve_points < 1 || !t->curve)
        return misfit(diags, "the payout curve has no point");
    for (size_t i = 0; i < t->curve_points; i++)
        if (!isfinite(t->curve[i].x) || !(t->curve[i].payout >= 0) ||
            !isfinite(t->curve[i].payout) || (i > 0 && !(t->curve[i].x > t->curve[i - 1].x)))
            return misfit(diags, "the payout curve is not ascending, or has a negative payout");
    if (t->has_negative_tsr_cap && !(t->negative_tsr_cap >= 0))
        return misfit(diags, "the negative-TSR cap is below 0");
    if (t->metric == PC_MC_PRICE_HURDLE) {
        if (t->hurdle_days < 1 || !(t->term_years >= 0) || !isfinite(t->term_years) ||
            (t->recent_count > 0 && !t->recent) || !(t->best_to_date >= 0))
            return misfit(diags, "the price hurdle's days, term or prices to date are not usable");
        for (size_t i = 0; i < t->recent_count; i++)
            if (!(t->recent[i] > 0) || !isfinite(t->recent[i]))
                return misfit(diags, "a close to date of the price hurdle is not positive");
        return PC_OK;
    }
    if (!window_ok(&t->start) || !window_ok(&t->end) ||
        (t->start.future_days > 0 && t->start.end_years > t->end.end_years) ||
        (t->start.future_days > 0 && t->end.future_days == 0))
        return misfit(diags, "the averaging windows do not fit the performance period");
    if (t->metric == PC_MC_RELATIVE_TSR && m->assets < 2)
        return misfit(diags, "a relative TSR needs at least one peer");
    if (t->metric == PC_MC_INDEX_TSR && (t->index_asset < 1 || t->index_asset >= m->assets))
        return misfit(diags, "an index TSR needs its index among the simulated companies");
    return PC_OK;
}

static pc_status check_settings(const pc_mc_settings *s, pc_diags *diags)
{
    if (s->paths > PC_MC_MAX_PATHS)
        return PC_ERR_LIMIT;
    if (s->paths < (s->antithetic ? 4u : 2u))
        return misfit(diags, "too few paths for a standard error");
    if (s->antithetic && s->paths % 2 != 0)
        return misfit(diags, "antithetic paths come in pairs: the number of paths must be even");
    if (s->instructions > PC_MC_AVX512)
        return misfit(diags, "unknown set of vector instructions");
    return PC_OK;
}

/* ---- The valuation ---- */

static void summarise(const plan *p, const block_sums *sums, size_t paths, pc_mc_result *r)
{
    double value = 0, square = 0, payout = 0;
    for (size_t b = 0; b < p->blocks; b++) { /* block order: the same on any thread count */
        value += sums[b].value;
        square += sums[b].square;
        payout += sums[b].payout;
    }
    double m = (double)p->base_paths, mean = value / m;
    double var = (square - value * mean) / (m - 1);
    r->value = mean;
    r->standard_error = var > 0 ? sqrt(var / m) : 0;
    r->ci95_low = mean - 1.959963984540054 * r->standard_error;
    r->ci95_high = mean + 1.959963984540054 * r->standard_error;
    r->expected_payout = payout / (double)paths;
    r->paths = paths;
}

pc_status pc_mc_value(const pc_mc_terms *terms, const pc_mc_market *market,
                      const pc_mc_settings *settings, pc_mc_result *result, pc_diags *diags)
{
    *result = (pc_mc_result){0};
    pc_status st = check_settings(settings, diags);
    if (st == PC_OK)
        st = check_market(market, terms, diags);
    if (st == PC_OK)
        st = check_terms(terms, market, diags);
    if (st != PC_OK)
        return st;
    plan p = {.terms = terms,
              .market = market,
              .stream = settings->stream,
              .antithetic = settings->antithetic};
    p.assets = terms->metric == PC_MC_PRICE_HURDLE ? 1 : market->assets;
    p.key[0] = (uint32_t)settings->seed;
    p.key[1] = (uint32_t)(settings->seed >> 32);
    p.base_paths = settings->antithetic ? settings->paths / 2 : settings->paths;
    p.blocks = (p.base_paths + PC_MC_BLOCK - 1) / PC_MC_BLOCK;
    block_sums *sums = NULL;
    st = terms->metric == PC_MC_PRICE_HURDLE ? plan_hurdle(&p) : plan_tsr(&p);
    if (st == PC_OK)
        st = factor_correlations(&p, settings->repaired, result, diags);
    if (st == PC_OK && !(sums = calloc(p.blocks, sizeof *sums)))
        st = PC_ERR_NOMEM;
    if (st == PC_OK) {
        step_coefficients(&p);
        p.exp_bounded = log_growth_bounded(&p);
        p.discount = exp(-market->rate * p.tau);
        block_runner *run;
        result->instructions = pick_instructions(settings->instructions, &run);
        st = run_blocks(&p, sums, thread_count(settings, p.blocks), run);
    }
    if (st == PC_OK) {
        bool repaired = result->repaired;
        double change = result->repair_change;
        unsigned instructions = result->instructions;
        summarise(&p, sums, settings->paths, result);
        result->repaired = repaired;
        result->repair_change = change;
        result->instructions = instructions;
    } else {
        *result = (pc_mc_result){0};
    }
    free(sums);
    plan_free(&p);
    return st;
}
