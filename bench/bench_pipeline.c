/*
 * Benchmark of the whole pipeline on one input set folder: how long each
 * stage of `paycalc run` takes, and how much memory the run needs at its
 * peak.
 *
 * Stages, timed one by one: reading and checking the input set
 * (pc_read_input_set), computing (pc_compute_dataset), writing report.json
 * (pc_write_json) and report.xlsx (pc_write_xlsx), both into a scratch
 * folder that is removed afterwards. The engine's tranche valuations
 * (report.valuations) give the size of the run and the valuations per second
 * of the compute stage. Peak memory is the resident set's high-water mark
 * (getrusage ru_maxrss) after each stage. Times are wall-clock
 * milliseconds; the labelled output also gives each stage's CPU time, which
 * other work on a shared machine does not stretch.
 *
 * For scale, the XLSX stage is compared with libxlsxwriter alone (the
 * raw_xlsx stage, bench/raw_xlsx.h): a workbook holding as many cells of
 * each kind as report.xlsx held over all its sheets (numbers, texts,
 * formulas, links, blanks: pc_write_xlsx_counted), written row by row in
 * constant-memory mode. That is the fastest libxlsxwriter writes those
 * cells; the report's XLSX stage should take at most 1.2 times as long.
 *
 * Usage: bench_pipeline INPUT_DIR [--markdown] [--until STAGE]
 *   --markdown     print one Markdown table row of CPU times (bench/run.sh
 *                  builds its table from them) instead of the labelled lines
 *   --until STAGE  stop after STAGE (read, compute, json, xlsx), to profile
 *                  the stages before it alone
 * Exit status: 0 success, 1 a stage failed, 2 usage error.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "paycalc/compute.h"
#include "paycalc/model.h"
#include "paycalc/read.h"
#include "paycalc/report.h"
#include "paycalc/status.h"
#include "paycalc/write.h"

#include "raw_xlsx.h"

enum stage { READ, COMPUTE, JSON, XLSX, RAW_XLSX, NSTAGES };
static const char *const stage_names[NSTAGES] = {"read", "compute", "json", "xlsx", "raw_xlsx"};

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds used so far, user and system: unlike the wall clock, not
 * stretched by other work on a shared machine. */
static double cpu_seconds(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* The resident set's high-water mark so far, in MiB (ru_maxrss is in KiB
 * on Linux). */
static double peak_mib(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)ru.ru_maxrss / 1024.0;
}

static void print_diags(const char *stage, const pc_diags *diags)
{
    char buf[1024];
    size_t shown = 0;
    for (size_t i = 0; i < diags->count && shown < 20; i++) {
        if (diags->items[i].severity != PC_SEVERITY_ERROR)
            continue;
        fprintf(stderr, "bench_pipeline: %s: %s\n", stage,
                pc_diag_format(&diags->items[i], buf, sizeof buf));
        shown++;
    }
    if (diags->errors > shown)
        fprintf(stderr, "bench_pipeline: %s: ... %zu errors in all\n", stage, diags->errors);
}

static void remove_scratch(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char path[4096];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

int main(int argc, char **argv)
{
    const char *input = NULL;
    bool markdown = false, usage = false;
    int last = RAW_XLSX;
    for (int i = 1; i < argc && !usage; i++) {
        if (strcmp(argv[i], "--markdown") == 0) {
            markdown = true;
        } else if (strcmp(argv[i], "--until") == 0 && i + 1 < argc) {
            i++;
            last = -1;
            for (int s = 0; s < RAW_XLSX; s++)
                if (strcmp(argv[i], stage_names[s]) == 0)
                    last = s;
            usage = last < 0;
        } else if (!input && argv[i][0] != '-') {
            input = argv[i];
        } else {
            usage = true;
        }
    }
    if (usage || !input) {
        fprintf(stderr, "usage: bench_pipeline INPUT_DIR [--markdown] [--until "
                        "read|compute|json|xlsx]\n");
        return 2;
    }

    char scratch[] = "/tmp/paycalc-bench-XXXXXX";
    if (!mkdtemp(scratch)) {
        perror("bench_pipeline: scratch folder");
        return 1;
    }
    char json_path[sizeof scratch + 32], xlsx_path[sizeof scratch + 32],
        raw_path[sizeof scratch + 32];
    snprintf(json_path, sizeof json_path, "%s/report.json", scratch);
    snprintf(xlsx_path, sizeof xlsx_path, "%s/report.xlsx", scratch);
    snprintf(raw_path, sizeof raw_path, "%s/raw.xlsx", scratch);

    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    double ms[NSTAGES] = {0}, cpu_ms[NSTAGES] = {0}, peak[NSTAGES] = {0};
    int rc = 1;
    enum stage failed = NSTAGES;
    pc_status st = PC_OK;

    /* The stages in pipeline order; each runs only when those before it
     * succeeded. */
    pc_xlsx_cell_counts cells = {0};
    for (int s = 0; s <= last; s++) {
        double t0 = seconds_now(), c0 = cpu_seconds();
        switch ((enum stage)s) {
        case READ:
            st = pc_read_input_set(input, &ds, &diags);
            break;
        case COMPUTE:
            st = pc_compute_dataset(&ds, &report, &diags);
            break;
        case JSON:
            st = pc_write_json(&ds, &report, json_path, &diags);
            break;
        case XLSX:
            st = pc_write_xlsx_counted(&ds, &report, xlsx_path, &diags, &cells);
            break;
        case RAW_XLSX:
            st = raw_xlsx_write(raw_path, scratch, &cells) ? PC_ERR_WRITE : PC_OK;
            break;
        case NSTAGES:
            break;
        }
        ms[s] = (seconds_now() - t0) * 1e3;
        cpu_ms[s] = (cpu_seconds() - c0) * 1e3;
        peak[s] = peak_mib();
        if (st != PC_OK) {
            failed = (enum stage)s;
            goto done;
        }
    }

    size_t n = report.valuations.count;
    double per_second = ms[COMPUTE] > 0 ? (double)n / (ms[COMPUTE] / 1e3) : 0;
    double ncells = (double)raw_xlsx_cells(&cells);
    double raw_rate = ms[RAW_XLSX] > 0 ? ncells / (ms[RAW_XLSX] / 1e3) : 0;
    double xlsx_rate = ms[XLSX] > 0 ? ncells / (ms[XLSX] / 1e3) : 0;
    if (markdown) {
        /* CPU time (user and system), which other work on a shared machine
         * stretches far less than the wall clock. */
        double cpu_per_second = cpu_ms[COMPUTE] > 0 ? (double)n / (cpu_ms[COMPUTE] / 1e3) : 0;
        printf("| %zu | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.0f | %.1f |\n", n,
               ds.tranches.count, cpu_ms[READ], cpu_ms[COMPUTE], cpu_ms[JSON], cpu_ms[XLSX],
               cpu_ms[RAW_XLSX], cpu_ms[RAW_XLSX] > 0 ? cpu_ms[XLSX] / cpu_ms[RAW_XLSX] : 0,
               cpu_per_second, peak_mib());
    } else {
        printf("input               %s\n", input);
        printf("tranches            %zu (%zu awards, %zu people)\n", ds.tranches.count,
               ds.awards.count, ds.people.count);
        printf("valuations          %zu\n", n);
        for (int s = 0; s <= last; s++)
            printf("%-8s ms         %.1f (CPU %.1f; peak %.1f MiB after it)\n", stage_names[s],
                   ms[s], cpu_ms[s], peak[s]);
        printf("valuations/second   %.0f (compute stage)\n", per_second);
        if (last >= XLSX) {
            printf("xlsx cells          %.0f (%zu numbers, %zu texts, %zu formulas of which %zu "
                   "links, %zu blanks)\n",
                   ncells, cells.numbers, cells.texts, cells.formulas, cells.links, cells.blanks);
            printf("xlsx cells/second   %.0f paycalc, %.0f libxlsxwriter alone (%.0f%%)\n",
                   xlsx_rate, raw_rate, raw_rate > 0 ? 100.0 * xlsx_rate / raw_rate : 0);
            if (cpu_ms[RAW_XLSX] > 0)
                printf("xlsx / raw          %.2f wall-clock, %.2f CPU\n",
                       ms[RAW_XLSX] > 0 ? ms[XLSX] / ms[RAW_XLSX] : 0,
                       cpu_ms[XLSX] / cpu_ms[RAW_XLSX]);
        }
        printf("peak memory MiB     %.1f\n", peak_mib());
    }
    rc = 0;
done:
    if (failed != NSTAGES) {
        fprintf(stderr, "bench_pipeline: %s stage failed on %s: %s\n", stage_names[failed], input,
                pc_status_message(st));
        print_diags(stage_names[failed], &diags);
    }
    remove_scratch(scratch);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    return rc;
}
