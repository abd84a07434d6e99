/*
 * Monte Carlo valuation of market-condition awards (SPEC section 10).
 *
 * The engine values one tranche at one date: the company and its peers follow
 * risk-neutral correlated geometric Brownian motion (total return grows at r,
 * the company's price at r - q), the TSR already achieved is an input, and
 * only the rest of the performance period is simulated; days inside an
 * averaging window still to come are simulated one by one (252 a year). The
 * value per target share is E[exp(-r tau) x payout x S(tau)], with its
 * standard error and 95% interval.
 *
 * Random numbers: Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel
 * random numbers: as easy as 1, 2, 3", SC11). It is counter-based: the
 * numbers of path p are a pure function of (key, counter), so a path is
 * computed without generating the paths before it. That is what makes a
 * valuation the same alone or among thousands, on one thread or many, and
 * lets an auditor re-perform any single path. Philox passes TestU01's
 * BigCrush, needs no state table (unlike the Mersenne Twister), and uses
 * only 32-bit multiplies, so it is fast on any CPU. The key is the 64-bit
 * seed; the counter holds the path number, the draw number within the path
 * and a 64-bit stream number derived from (award, tranche, date).
 *
 * Normals come from Box-Muller on 32-bit uniforms. Antithetic pairs reuse a
 * path's normals with the opposite sign; the standard error is then computed
 * from the pair means (the pairs, not the paths, are independent).
 *
 * Threads: the paths are cut into fixed blocks; each thread takes blocks in
 * a fixed stripe, each block's sums are kept apart and added in block order,
 * so the result is bit-identical whatever the number of threads.
 *
 * Nothing here reads files or touches the dataset: the caller supplies the
 * numbers (prices as ratios, volatilities, correlations), so the engine can
 * be checked against closed forms with in-memory data alone.
 */
#ifndef PAYCALC_MONTECARLO_H
#define PAYCALC_MONTECARLO_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/status.h"

/* Trading days in a year: the spacing of simulated days in a window. */
#define PC_MC_DAYS_PER_YEAR 252
/* The most paths one valuation may use. */
#define PC_MC_MAX_PATHS 100000000u
/* The most companies (company and peers) one valuation may simulate. */
#define PC_MC_MAX_ASSETS 1000u
/* Base paths (antithetic pairs, or single paths) per block of work. */
#define PC_MC_BLOCK 256u

/* Philox4x32-10: one block of four 32-bit outputs from a 128-bit counter
 * and a 64-bit key. Matches the Random123 known-answer vectors. */
void pc_mc_philox(const uint32_t counter[4], const uint32_t key[2], uint32_t out[4]);

/* The stream number of a valuation: FNV-1a (64-bit) over the award id, the
 * tranche number and the valuation date (days since 1970-01-01), so two
 * valuations share no random numbers. `award_id` must not be NULL. */
uint64_t pc_mc_stream(const char *award_id, uint32_t tranche, int32_t date_days);

/* Normals number first .. first + count - 1 of base path `path` of the
 * valuation with this seed and stream, into out[0 .. count - 1]: normal i is
 * drawn from output i % 4 of Philox block (counter: i / 4, path, stream;
 * key: the seed), by Box-Muller on the block's pairs of uniforms
 * (out + 1/2) / 2^32. The simulation draws a step's normals for every
 * company in turn (company first), steps in date order; an antithetic twin
 * uses the same normals negated. For an auditor re-performing one path. */
void pc_mc_normals(uint64_t seed, uint64_t stream, uint64_t path, size_t first, size_t count,
                   double *out);

typedef enum pc_mc_metric {
    PC_MC_RELATIVE_TSR = 0, /* percentile rank of the company's TSR among company and peers */
    PC_MC_INDEX_TSR = 1,    /* company TSR minus the index's, percentage points */
    PC_MC_ABSOLUTE_TSR = 2, /* company TSR, percent */
    PC_MC_PRICE_HURDLE = 3  /* highest level reached by the company's moving average close */
} pc_mc_metric;

/* One point of a payout curve: at metric value `x` (percentile, percentage
 * points, percent, or a price in dollars for a hurdle) the payout fraction
 * `payout` (1.0 = 100% of target). */
typedef struct pc_mc_point {
    double x;
    double payout;
} pc_mc_point;

/* An averaging window of `days` trading days ending on `end_years` after the
 * valuation date (years of 365 days). The last `future_days` of them are after
 * the valuation date and simulated, one trading day (1/252 year) apart, the
 * last on end_years (when the days would reach back before the valuation
 * date they are spread evenly over (0, end_years] instead). The others are
 * known: their total-return values are summed in pc_mc_asset. */
typedef struct pc_mc_window {
    size_t days;
    size_t future_days;
    double end_years;
} pc_mc_window;

/* The award's market condition. */
typedef struct pc_mc_terms {
    pc_mc_metric metric;
    const pc_mc_point *curve; /* borrowed; ascending in x, at least one point */
    size_t curve_points;
    bool has_negative_tsr_cap;
    double negative_tsr_cap; /* payout cap when the company's own TSR is below 0 */
    size_t index_asset;      /* PC_MC_INDEX_TSR: the asset that is the index (>= 1) */
    pc_mc_window start;      /* TSR metrics: the start window */
    pc_mc_window end;        /* TSR metrics: the end window; its end is the performance end */
    /* PC_MC_PRICE_HURDLE only: */
    double term_years;    /* valuation date to the performance end */
    size_t hurdle_days;   /* closes averaged (>= 1) */
    const double *recent; /* borrowed: closes (dollars) of up to hurdle_days - 1 trading days
                             of the period ending on the valuation date, oldest first */
    size_t recent_count;  /* how many */
    double best_to_date;  /* highest moving average already reached in the period (0: none) */
} pc_mc_terms;

/* One simulated company: asset 0 is the award's company, then the peers.
 * `start_known` and `end_known` are the sums, over the known (past) days of
 * the start and end windows, of the total-return index on that day divided
 * by its value on the valuation date (0 when no day is known). */
typedef struct pc_mc_asset {
    double spot;       /* close on the valuation date, dollars (used for the company) */
    double volatility; /* annualised, 0.35 = 35% */
    double yield;      /* continuous dividend yield (the company's price grows at r - q) */
    double start_known;
    double end_known;
} pc_mc_asset;

typedef struct pc_mc_market {
    size_t assets;             /* company and peers, at least 1 */
    const pc_mc_asset *asset;  /* borrowed, `assets` of them */
    const double *correlation; /* borrowed, assets x assets, row-major; NULL: independent */
    double rate;               /* risk-free rate, continuous, 0.04 = 4% */
} pc_mc_market;

/* Vector instruction sets of the simulation, narrowest first: SSE2 (every
 * x86-64 processor, and the only set elsewhere), AVX2, AVX-512. */
typedef enum pc_mc_instructions {
    PC_MC_WIDEST = 0,
    PC_MC_SSE2 = 1,
    PC_MC_AVX2 = 2,
    PC_MC_AVX512 = 3
} pc_mc_instructions;

typedef struct pc_mc_settings {
    uint64_t seed;
    uint64_t stream; /* pc_mc_stream() of the valuation */
    size_t paths;    /* total paths; even when antithetic */
    bool antithetic;
    unsigned threads; /* 0: every core of the machine */
    /* NULL, or room for assets x assets doubles: when the correlations are
     * repaired, the matrix the simulation used is written here (it may be
     * the market's own correlation buffer), so a caller that records it
     * need not repeat the repair, which costs assets^3 an iteration. */
    double *repaired;
    /* The widest vector instructions the simulation may use
     * (pc_mc_instructions; 0: the widest this processor has). Every set gives
     * the same bits: the same IEEE operations in the same order, never a
     * fused multiply-add, only more paths' lanes an instruction. */
    unsigned instructions;
} pc_mc_settings;

typedef struct pc_mc_result {
    double value;               /* per target share, dollars */
    double standard_error;      /* of `value`, dollars */
    double ci95_low, ci95_high; /* value -/+ 1.959964 standard errors */
    double expected_payout;     /* mean payout fraction */
    size_t paths;               /* paths simulated */
    bool repaired;              /* the correlation matrix was not positive definite */
    double repair_change;       /* then: the largest change made to one correlation */
    unsigned instructions;      /* the pc_mc_instructions set the simulation used */
} pc_mc_result;

/* Values one tranche per target share (SPEC section 10). Fills `result` on
 * every path (zeros on error). A correlation matrix that is not positive
 * definite is replaced by the nearest one (pc_mc_nearest_correlation) and a
 * warning "correlation_repaired" goes to `diags` (when not NULL).
 * Errors: PC_ERR_USAGE when the inputs do not fit (a message in `diags`),
 * PC_ERR_LIMIT beyond PC_MC_MAX_PATHS or PC_MC_MAX_ASSETS, PC_ERR_NOMEM.
 *
 *     pc_mc_point curve[] = {{25, 0.5}, {50, 1.0}, {75, 2.0}};
 *     pc_mc_terms terms = {.metric = PC_MC_RELATIVE_TSR, .curve = curve,
 *                          .curve_points = 3, .start = {1, 0, 0},
 *                          .end = {20, 20, 2.5}};
 *     pc_mc_settings s = {.seed = 1, .stream = pc_mc_stream("PSU-1", 1, 19358),
 *                         .paths = 100000, .antithetic = true};
 *     pc_mc_value(&terms, &market, &s, &result, &diags);
 */
pc_status pc_mc_value(const pc_mc_terms *terms, const pc_mc_market *market,
                      const pc_mc_settings *settings, pc_mc_result *result, pc_diags *diags);

/* The metric for known TSRs (fractions, 0.12 = 12%; company first):
 * the percentile rank (PERCENTRANK.INC within company and peers, ties count
 * half, x 100), the index difference or the company's TSR in percent. */
double pc_mc_metric_value(const pc_mc_terms *terms, const double *tsr, size_t count);

/* The payout fraction for a metric value: 0 below the first point, linear
 * between points, the last payout above the last point (a price hurdle
 * steps: the payout of the highest level reached); then the negative-TSR cap
 * when `company_tsr` is below 0. */
double pc_mc_payout(const pc_mc_terms *terms, double metric, double company_tsr);

/* Annualised volatility of daily log returns of `closes` (n - 1 divisor,
 * x sqrt(252)). Needs at least 3 positive closes: PC_ERR_MISSING otherwise
 * (`out` is then 0). */
pc_status pc_mc_estimate_volatility(const double *closes, size_t count, double *out);

/* Pearson correlation of the daily log returns of two series observed on the
 * same dates. Needs at least 3 positive closes each: PC_ERR_MISSING
 * otherwise. A series that never moves has correlation 0. */
pc_status pc_mc_estimate_correlation(const double *a, const double *b, size_t count, double *out);

/* Replaces the symmetric matrix `m` (n x n, row-major, unit diagonal) by the
 * nearest correlation matrix in the Frobenius norm (Higham 2002, alternating
 * projections with Dykstra's correction), with every eigenvalue at least
 * 1e-8 so that it can be factorised. `*change` (may be NULL) receives the
 * largest change to one entry. PC_ERR_NOMEM, else PC_OK. */
pc_status pc_mc_nearest_correlation(double *m, size_t n, double *change);

/* Cholesky factor of `m` (n x n) into `lower` (row-major, upper part 0).
 * Returns false when `m` is not positive definite. */
bool pc_mc_cholesky(const double *m, size_t n, double *lower);

PC_API_END

#endif
