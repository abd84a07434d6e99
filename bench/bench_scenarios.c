/*
 * The price scenarios benchmark: `paycalc scenarios` on one input set,
 * stage by stage.
 *
 *   build-bench/bench_scenarios INPUT_DIR [SCENARIOS [THREADS]]
 *
 * SCENARIOS (default 21) year-end prices from -50% to +50% of the base
 * close; THREADS (default 0: every core). Stages: reading the input set;
 * preparing (one engine run whose valuations before the changed days every
 * scenario shares); the scenarios themselves (pc_scenario_run_all); the
 * break-even search of each PEO; writing scenarios.json and scenarios.xlsx
 * to a scratch folder. Each stage's wall-clock and CPU seconds (the process's,
 * all threads) are printed; the machine may be shared, so CPU time is the
 * steadier figure; "command" adds up reading, the whole run and writing
 * (what `paycalc scenarios` does). "metric" lines are for bench/run.sh's
 * --check and --record (bench/check.py). A benchmark, never a test.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paycalc/read.h"
#include "paycalc/scenarios.h"
#include "paycalc/write.h"

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double w0, c0;
static double last_wall, last_cpu; /* the stage just stopped */

static void start(void)
{
    w0 = wall();
    c0 = cpu();
}

static void stop(const char *stage)
{
    last_wall = wall() - w0;
    last_cpu = cpu() - c0;
    printf("%-12s %9.3f s wall %9.3f s CPU\n", stage, last_wall, last_cpu);
}

/* A figure for bench/run.sh --check and --record (bench/check.py): CPU
 * seconds are guarded ("lower"), wall-clock seconds on a shared machine
 * only recorded ("info"). */
static void metric(const char *name, const char *what, double value, const char *better)
{
    printf("metric %s_%s %.3f %s\n", name, what, value, better);
}

static int fail(const char *what, pc_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        fprintf(stderr, "bench_scenarios: %s\n", diags->items[i].message);
    fprintf(stderr, "bench_scenarios: %s failed\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: bench_scenarios INPUT_DIR [SCENARIOS [THREADS]]\n");
        return 2;
    }
    size_t n = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 21;
    if (n < 2 || n > PC_SCENARIOS_MAX)
        n = 21;
    pc_scenario_options opt = pc_scenario_options_default();
    opt.threads = argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : 0;

    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    start();
    if (pc_read_input_set(argv[1], &ds, &diags) != PC_OK || diags.errors)
        return fail("reading", &diags);
    stop("read");
    double command_wall = last_wall, command_cpu = last_cpu;

    start();
    pc_scenario_set *set = NULL;
    if (pc_scenario_set_new(&ds, &opt, &set, &diags) != PC_OK)
        return fail("preparing", &diags);
    stop("prepare");

    int64_t *prices = malloc(n * sizeof *prices);
    pc_scenario *out = calloc(n, sizeof *out);
    if (!prices || !out)
        return 1;
    for (size_t i = 0; i < n; i++) {
        int64_t change = -500000 + (int64_t)(1000000 * i / (n - 1));
        pc_scenario_price_change(pc_scenario_base_close(set), change, &prices[i]);
    }
    start();
    if (pc_scenario_run_all(set, prices, n, out, &diags) != PC_OK)
        return fail("the scenarios", &diags);
    char label[32];
    snprintf(label, sizeof label, "%zu scenarios", n);
    stop(label);
    snprintf(label, sizeof label, "scenarios_%zu", n);
    metric(label, "cpu_s", last_cpu, "lower");
    metric(label, "wall_s", last_wall, "info");

    start();
    size_t npeo = out[0].pvp.npeo;
    for (size_t k = 0; k < npeo; k++) {
        bool found;
        int64_t price;
        if (pc_scenario_break_even(set, k, out[0].pvp.peo[k].sct_total, &found, &price, &diags) ||
            pc_scenario_break_even(set, k, 0, &found, &price, &diags))
            return fail("the break-even search", &diags);
    }
    stop("break-even");

    /* The whole command's work as one report, written to a scratch folder. */
    pc_scenario_report report;
    start();
    if (pc_scenario_report_compute(&ds, &opt, prices, n, false, &report, &diags) != PC_OK)
        return fail("the whole run", &diags);
    stop("whole run");
    command_wall += last_wall;
    command_cpu += last_cpu;
    char dir[] = "/tmp/bench_scenarios_XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char json[64], xlsx[64], lock[64];
    snprintf(json, sizeof json, "%s/scenarios.json", dir);
    snprintf(xlsx, sizeof xlsx, "%s/scenarios.xlsx", dir);
    snprintf(lock, sizeof lock, "%s/.paycalc.lock", dir);
    start();
    if (pc_write_scenarios(&ds, &report, json, xlsx, &diags) != PC_OK)
        return fail("writing", &diags);
    stop("write");
    metric("scenarios_write", "cpu_s", last_cpu, "lower");
    metric("scenarios_write", "wall_s", last_wall, "info");
    /* What `paycalc scenarios` does with these prices: read, the whole run
     * (prepare, scenarios, break-even), write. */
    command_wall += last_wall;
    command_cpu += last_cpu;
    printf("%-12s %9.3f s wall %9.3f s CPU\n", "command", command_wall, command_cpu);
    metric("scenarios_command", "cpu_s", command_cpu, "lower");
    metric("scenarios_command", "wall_s", command_wall, "info");
    unlink(json);
    unlink(xlsx);
    unlink(lock);
    rmdir(dir);

    pc_scenario_report_fini(&report);
    for (size_t i = 0; i < n; i++)
        pc_scenario_fini(&out[i]);
    free(out);
    free(prices);
    pc_scenario_set_free(set);
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
    return 0;
}
