/*
 * Benchmark of the Monte Carlo engine (SPEC section 10): a 3-year
 * relative-TSR award against 20 peers with 20-day averaging windows, valued
 * at the start of its performance period with 100,000 paths (antithetic),
 * on every core, with the widest vector instructions the processor has.
 * Prints the median time of several valuations, the value, its standard
 * error as a share of the value, the CPU time of all threads; the CPU time
 * of the same valuation on SSE2 alone (and fails unless its bits are the
 * same); then the same valuation by the vectorised numpy implementation of
 * tests/mc_oracle.py (run here, in the same benchmark run) with the ratio of
 * the two times.
 *
 * The market is deterministic and made up: volatilities from 25% to 63%,
 * pairwise correlations 0.2 to 0.6 (a one-factor structure, so the matrix
 * is a valid correlation matrix), dividend yields 0 to 3%, a 20-day start
 * window already observed.
 *
 * Usage: bench_montecarlo [PATHS] [RUNS]   (defaults 100000 and 5)
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "paycalc/montecarlo.h"

enum { ASSETS = 21, WINDOW = 20 };

static double now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct market_data {
    pc_mc_asset asset[ASSETS];
    double corr[ASSETS * ASSETS];
} market_data;

/* Loadings of a one-factor model give the correlations: rho_ij = b_i b_j. */
static void make_market(market_data *m)
{
    double loading[ASSETS];
    for (int i = 0; i < ASSETS; i++) {
        loading[i] = 0.45 + 0.33 * (double)((i * 7) % ASSETS) / ASSETS;
        double known = 0;
        for (int d = 0; d < WINDOW; d++) /* the start window: closes a little below today's */
            known += 1.0 - 0.002 * (double)(WINDOW - 1 - d) * (1 + i % 3) / 3;
        m->asset[i] = (pc_mc_asset){20.0 + 3 * i, 0.25 + 0.019 * ((i * 5) % ASSETS),
                                    0.0015 * (i % 21), known, 0};
    }
    for (int i = 0; i < ASSETS; i++)
        for (int j = 0; j < ASSETS; j++)
            m->corr[i * ASSETS + j] = i == j ? 1.0 : loading[i] * loading[j];
}

/* The same valuation as JSON for tests/mc_oracle.py. */
static void write_spec(FILE *f, const market_data *m, size_t paths)
{
    fprintf(f,
            "{\"rate\": 0.04, \"metric\": \"relative_tsr\", \"negative_tsr_cap\": 1.0,"
            " \"curve\": [[25, 0.5], [50, 1.0], [75, 2.0]],"
            " \"start\": {\"days\": %d, \"future_days\": 0, \"end_years\": 0},"
            " \"end\": {\"days\": %d, \"future_days\": %d, \"end_years\": 3.0},"
            " \"paths\": %zu, \"seed\": 1, \"chunk\": 25000",
            WINDOW, WINDOW, WINDOW, paths);
    const char *keys[] = {"spots", "vols", "yields", "start_known", "end_known"};
    for (int k = 0; k < 5; k++) {
        fprintf(f, ", \"%s\": [", keys[k]);
        for (int i = 0; i < ASSETS; i++) {
            const pc_mc_asset *a = &m->asset[i];
            double v[5] = {a->spot, a->volatility, a->yield, a->start_known, a->end_known};
            fprintf(f, "%s%.17g", i ? ", " : "", v[k]);
        }
        fprintf(f, "]");
    }
    fprintf(f, ", \"corr\": [");
    for (int i = 0; i < ASSETS; i++) {
        fprintf(f, "%s[", i ? ", " : "");
        for (int j = 0; j < ASSETS; j++)
            fprintf(f, "%s%.17g", j ? ", " : "", m->corr[i * ASSETS + j]);
        fprintf(f, "]");
    }
    fprintf(f, "]}\n");
}

/* Runs the numpy implementation; its wall-clock and CPU time in *seconds, *cpu. */
static int run_numpy(const market_data *m, size_t paths, double *value, double *se, double *seconds,
                     double *cpu)
{
    char spec[] = "/tmp/bench_montecarlo_XXXXXX";
    int fd = mkstemp(spec);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    if (!f)
        return -1;
    write_spec(f, m, paths);
    fclose(f);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/tests/mc_oracle.py < %s", PAYCALC_SOURCE_DIR,
             spec);
    FILE *p = popen(cmd, "r");
    int got = p ? fscanf(p, "%lf %lf %lf %lf", value, se, seconds, cpu) : 0;
    int status = p ? pclose(p) : -1;
    remove(spec);
    return got == 4 && status == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    size_t paths = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    market_data m;
    make_market(&m);
    pc_mc_point curve[] = {{25, 0.5}, {50, 1.0}, {75, 2.0}};
    pc_mc_terms terms = {.metric = PC_MC_RELATIVE_TSR,
                         .curve = curve,
                         .curve_points = 3,
                         .has_negative_tsr_cap = true,
                         .negative_tsr_cap = 1.0,
                         .start = {WINDOW, 0, 0},
                         .end = {WINDOW, WINDOW, 3.0}};
    pc_mc_market market = {ASSETS, m.asset, m.corr, 0.04};
    pc_mc_settings settings = {.seed = 1,
                               .stream = pc_mc_stream("PSU-2023", 1, 19358),
                               .paths = paths,
                               .antithetic = true,
                               .threads = 0};
    double times[100], cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
    pc_mc_result r = {0};
    for (int i = 0; i < runs; i++) {
        double t0 = now(CLOCK_MONOTONIC);
        if (pc_mc_value(&terms, &market, &settings, &r, NULL) != PC_OK) {
            fprintf(stderr, "bench_montecarlo: the valuation failed\n");
            return 1;
        }
        times[i] = now(CLOCK_MONOTONIC) - t0;
    }
    double cpu = (now(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / runs;
    qsort(times, (size_t)runs, sizeof times[0], compare);
    double median = times[runs / 2];
    /* The same valuation on the narrowest instruction set (SSE2), which
     * every x86-64 processor has: its time, and whether its bits agree. */
    pc_mc_settings narrow = settings;
    narrow.instructions = PC_MC_SSE2;
    pc_mc_result rn = {0};
    double ncpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 0; i < runs; i++)
        if (pc_mc_value(&terms, &market, &narrow, &rn, NULL) != PC_OK) {
            fprintf(stderr, "bench_montecarlo: the valuation failed\n");
            return 1;
        }
    double narrow_cpu = (now(CLOCK_PROCESS_CPUTIME_ID) - ncpu0) / runs;
    bool same = memcmp(&rn.value, &r.value, sizeof r.value) == 0 &&
                memcmp(&rn.standard_error, &r.standard_error, sizeof r.value) == 0;
    static const char *const set_name[] = {"", "SSE2", "AVX2", "AVX-512"};
    printf("relative TSR, 3 years, %d peers, %d-day windows, %zu paths (antithetic)\n", ASSETS - 1,
           WINDOW, r.paths);
    printf("paycalc: %.4f per share, standard error %.4f (%.3f%% of the value), "
           "expected payout %.4f\n"
           "         median %.3f s wall-clock of %d runs, %.3f s of CPU time each (all threads)\n",
           r.value, r.standard_error, 100 * r.standard_error / r.value, r.expected_payout, median,
           runs, cpu);
    printf("instructions: %s; on SSE2 alone %.3f s of CPU time, %s\n",
           set_name[r.instructions < 4 ? r.instructions : 0], narrow_cpu,
           same ? "the same bits" : "DIFFERENT BITS");
    if (!same) {
        fprintf(stderr, "bench_montecarlo: SSE2 gives %.17g, %s gives %.17g\n", rn.value,
                set_name[r.instructions < 4 ? r.instructions : 0], r.value);
        return 1;
    }
    double nv, nse, nsec, ncpu;
    if (run_numpy(&m, paths, &nv, &nse, &nsec, &ncpu) != 0) {
        fprintf(stderr, "bench_montecarlo: /usr/bin/python3 with numpy is needed for the "
                        "comparison (scripts/deps.sh --tests installs it)\n");
        return 1;
    }
    printf("numpy:   %.4f per share, standard error %.4f, %.3f s wall-clock, %.3f s of CPU time\n",
           nv, nse, nsec, ncpu);
    printf("paycalc is %.1fx faster in wall-clock time, %.1fx in CPU time; the two values are "
           "%.2f combined standard errors apart\n",
           nsec / median, ncpu / cpu,
           fabs(r.value - nv) / sqrt(r.standard_error * r.standard_error + nse * nse));
    /* The figures bench/run.sh --check guards (bench/check.py). */
    printf("metric montecarlo_cpu_s %.4f lower\n", cpu);
    printf("metric montecarlo_numpy_cpu_ratio %.3f higher\n", ncpu / cpu);
    return 0;
}
