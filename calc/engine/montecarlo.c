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

/* Standard normals number 0..count-1 of base path `path`: four per Philox
 * block (counter = block, path, stream), Box-Muller on each pair of
 * uniforms in (0, 1). */
static void fill_normals(const uint32_t key[2], uint64_t stream, uint64_t path, double *z,
                         size_t count)
{
    const double two_pi = 6.283185307179586;
    const double scale = 1.0 / 4294967296.0;
    for (size_t i = 0; i < count; i += 4) {
        uint32_t ctr[4] = {(uint32_t)(i / 4), (uint32_t)path, (uint32_t)stream,
                           (uint32_t)(stream >> 32) ^ (uint32_t)(path >> 32)};
        uint32_t out[4];
        pc_mc_philox(ctr, key, out);
        double u[4];
        for (int k = 0; k < 4; k++)
            u[k] = ((double)out[k] + 0.5) * scale;
        double r0 = sqrt(-2.0 * log(u[0])), r1 = sqrt(-2.0 * log(u[2]));
        double n[4] = {r0 * cos(two_pi * u[1]), r0 * sin(two_pi * u[1]), r1 * cos(two_pi * u[3]),
                       r1 * sin(two_pi * u[3])};
        for (size_t k = 0; k < 4 && i + k < count; k++)
            z[i + k] = n[k];
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
    size_t normals;           /* normals per base path */
    size_t base_paths;        /* antithetic pairs, or paths */
    size_t blocks;
    uint32_t key[2];
    uint64_t stream;
    bool antithetic;
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
static pc_status factor_correlations(plan *p, pc_mc_result *result, pc_diags *diags)
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
        st = pc_warning(diags, NULL, 0, 0, "correlation_repaired",
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

/* ---- One path ---- */

typedef struct scratch {
    double *z;           /* the base path's normals */
    double *tr;          /* per path and asset: total return since the valuation date */
    double *start, *end; /* per path and asset: sums of the window's total-return ratios */
    double *tsr;
    double *ring; /* price hurdle: the closes of the moving average */
} scratch;

/* One TSR base path and, when `twins` is 2, its antithetic twin (the same
 * shocks negated). The shocks are correlated once for both, and the twin's
 * growth over a step is exp(2 drift) / the path's, which saves an exp.
 * Sets the discounted value per target share and the payout of each. */
static void paths_tsr(const plan *p, scratch *w, int twins, double value[2], double payout[2])
{
    size_t n = p->assets;
    const pc_mc_asset *as = p->market->asset;
    for (int k = 0; k < twins; k++)
        for (size_t a = 0; a < n; a++) {
            w->tr[k * n + a] = 1;
            w->start[k * n + a] = as[a].start_known;
            w->end[k * n + a] = as[a].end_known;
        }
    for (size_t s = 0; s < p->steps; s++) {
        const double *z = w->z + s * n, *drift = p->drift + s * n, *diff = p->diffusion + s * n;
        const double *twin = p->twin + s * n;
        for (size_t a = 0; a < n; a++) {
            const double *row = p->lower + a * n;
            double shock = 0;
            for (size_t k = 0; k <= a; k++)
                shock += row[k] * z[k];
            double growth = exp(drift[a] + diff[a] * shock);
            w->tr[a] *= growth;
            if (twins == 2)
                w->tr[n + a] *= twin[a] / growth;
        }
        unsigned char in = p->in_window[s];
        for (size_t i = 0; i < (size_t)twins * n; i++) {
            if (in & 1)
                w->start[i] += w->tr[i];
            if (in & 2)
                w->end[i] += w->tr[i];
        }
    }
    const pc_mc_terms *t = p->terms;
    for (int k = 0; k < twins; k++) {
        for (size_t a = 0; a < n; a++)
            w->tsr[a] = (w->end[k * n + a] / (double)t->end.days) /
                            (w->start[k * n + a] / (double)t->start.days) -
                        1;
        payout[k] = pc_mc_payout(t, pc_mc_metric_value(t, w->tsr, n), w->tsr[0]);
        double price = as[0].spot * w->tr[k * n] * exp(-as[0].yield * p->tau);
        value[k] = p->discount * payout[k] * price;
    }
}

/* One price-hurdle path: the moving average of `hurdle_days` closes, the
 * highest level it reaches, that level's payout. */
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
        log_tr += p->drift[s] + sign * p->diffusion[s] * w->z[s];
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

static void run_block(const plan *p, scratch *w, size_t block, block_sums *out)
{
    size_t first = block * PC_MC_BLOCK, last = first + PC_MC_BLOCK;
    if (last > p->base_paths)
        last = p->base_paths;
    bool hurdle = p->terms->metric == PC_MC_PRICE_HURDLE;
    block_sums sums = {0, 0, 0};
    for (size_t path = first; path < last; path++) {
        fill_normals(p->key, p->stream, path, w->z, p->normals);
        double v[2] = {0, 0}, pay[2] = {0, 0};
        if (hurdle) {
            v[0] = path_hurdle(p, w, 1, &pay[0]);
            if (p->antithetic)
                v[1] = path_hurdle(p, w, -1, &pay[1]);
        } else {
            paths_tsr(p, w, p->antithetic ? 2 : 1, v, pay);
        }
        double y = p->antithetic ? 0.5 * (v[0] + v[1]) : v[0];
        sums.value += y;
        sums.square += y * y;
        sums.payout += pay[0] + pay[1];
    }
    *out = sums;
}

/* ---- Threads ---- */

typedef struct worker {
    const plan *p;
    block_sums *sums;
    size_t index, stride;
    bool failed;
} worker;

static void *work(void *arg)
{
    worker *wk = arg;
    const plan *p = wk->p;
    size_t n = p->assets;
    scratch w;
    double *buf = malloc((p->normals + 4 + 7 * n + p->terms->hurdle_days) * sizeof *buf);
    if (!buf) {
        wk->failed = true;
        return NULL;
    }
    w.z = buf;
    w.tr = buf + p->normals + 4;
    w.start = w.tr + 2 * n;
    w.end = w.start + 2 * n;
    w.tsr = w.end + 2 * n;
    w.ring = w.tsr + n;
    for (size_t b = wk->index; b < p->blocks; b += wk->stride)
        run_block(p, &w, b, &wk->sums[b]);
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
static pc_status run_blocks(const plan *p, block_sums *sums, unsigned threads)
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
        wk[i] = (worker){p, sums, i, threads, false};
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
        st = factor_correlations(&p, result, diags);
    if (st == PC_OK && !(sums = calloc(p.blocks, sizeof *sums)))
        st = PC_ERR_NOMEM;
    if (st == PC_OK) {
        step_coefficients(&p);
        p.normals = p.steps * p.assets;
        p.discount = exp(-market->rate * p.tau);
        st = run_blocks(&p, sums, thread_count(settings, p.blocks));
    }
    if (st == PC_OK) {
        bool repaired = result->repaired;
        double change = result->repair_change;
        summarise(&p, sums, settings->paths, result);
        result->repaired = repaired;
        result->repair_change = change;
    } else {
        *result = (pc_mc_result){0};
    }
    free(sums);
    plan_free(&p);
    return st;
}
