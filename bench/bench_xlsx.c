/*
 * How long report.xlsx takes to write for a report with many award
 * valuations (the biggest sheet: one row per tranche per valuation date).
 *
 * Usage: bench_xlsx [VALUATIONS [PATH]]
 *   VALUATIONS  number of valuation rows (default 100000)
 *   PATH        where to write the workbook (default /tmp/bench_xlsx.xlsx)
 * Prints the rows, the seconds taken and the file size; then as many cells
 * of each kind as the workbook held over all its sheets written with
 * libxlsxwriter alone in the same constant_memory mode (bench/raw_xlsx.h),
 * and paycalc's time as a multiple of that raw time (the target: at most
 * 1.2).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/report.h"
#include "paycalc/write.h"

#include "raw_xlsx.h"

#define PEOPLE 6
#define AWARDS 200
#define TRANCHES_PER_AWARD 10

static void build(pc_dataset *ds, pc_report *r, size_t nvaluations)
{
    pc_dataset_init(ds);
    pc_report_init(r);
    ds->config.company_name = pc_strdup("Benchmark Holdings, Inc.");
    ds->config.fiscal_year_end = (pc_fiscal_calendar){12, 31};
    ds->config.nyears = 3;
    for (int y = 0; y < 3; y++)
        ds->config.years[y] = 2020 + y;
    ds->config.cap_decimals = 2;
    ds->config.sct_years = 3;
    for (int i = 0; i < PEOPLE; i++) {
        pc_person *p = PC_ARRAY_PUSH(&ds->people);
        char id[16], name[32];
        snprintf(id, sizeof id, "p%d", i);
        snprintf(name, sizeof name, i == 0 ? "李雲飛" : "Executive %d", i);
        p->id = pc_strdup(id);
        p->name = pc_strdup(name);
        p->position = pc_strdup(i == 0 ? "Chief Executive Officer" : "Vice President");
    }
    for (int a = 0; a < AWARDS; a++) {
        pc_award *aw = PC_ARRAY_PUSH(&ds->awards);
        char id[16];
        snprintf(id, sizeof id, "A-%04d", a);
        aw->id = pc_strdup(id);
        aw->person = (size_t)(a % PEOPLE);
        aw->type = a % 2 ? PC_AWARD_OPTION : PC_AWARD_STOCK;
        aw->line = a + 2;
        for (int t = 0; t < TRANCHES_PER_AWARD; t++) {
            pc_tranche *tr = PC_ARRAY_PUSH(&ds->tranches);
            tr->award = (size_t)a;
            tr->number = t + 1;
        }
    }
    for (int y = 0; y < 3; y++) {
        for (int i = 0; i < PEOPLE; i++) {
            pc_sct_row *s = PC_ARRAY_PUSH(&r->sct);
            s->person = (size_t)i;
            s->year = 2020 + y;
            s->role = i == 0 ? PC_ROLE_PEO : PC_ROLE_NEO;
            s->column[PC_SCT_SALARY] = 25000000 + i * 100;
            s->column[PC_SCT_TOTAL] = s->column[PC_SCT_SALARY];
            s->in_table = true;
        }
    }
    for (size_t i = 0; i < nvaluations; i++) {
        pc_valuation *v = PC_ARRAY_PUSH(&r->valuations);
        v->tranche = i % (AWARDS * TRANCHES_PER_AWARD);
        v->date = pc_date_from_ymd(2020 + (int)(i % 3), 12, 31);
        v->purpose = PC_PURPOSE_FYE;
        v->method = i % 2 ? PC_METHOD_BLACK_SCHOLES : PC_METHOD_STOCK_PRICE;
        v->per_share = 1.2345 + (double)(i % 100) / 1000.0;
        v->shares = 1000 + (int64_t)(i % 5000);
        v->probable_micro = PC_MICRO;
        v->value = (int64_t)i * 37;
        v->year = 2020 + (int)(i % 3);
        v->line = PC_CAP_CHANGE_FV_PRIOR_UNVESTED;
        v->inputs.has_price = true;
        v->inputs.price_date = v->date;
        v->inputs.price_micro = 1960000;
        if (v->method == PC_METHOD_BLACK_SCHOLES) {
            v->inputs.has_assumptions = true;
            v->inputs.volatility = 0.85;
            v->inputs.rate = 0.012;
            v->inputs.term = 4.5;
            v->inputs.strike = 1.96;
            v->inputs.d1 = 0.9;
            v->inputs.d2 = -0.9;
        }
    }
}

/* The seconds libxlsxwriter alone takes to write the same cells. */
static double raw_seconds(const pc_xlsx_cell_counts *cells, const char *path)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = raw_xlsx_write(path, NULL, cells);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc != 0)
        return -1;
    return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
    const char *path = argc > 2 ? argv[2] : "/tmp/bench_xlsx.xlsx";
    pc_dataset ds;
    pc_report r;
    build(&ds, &r, n);
    pc_diags diags;
    pc_diags_init(&diags);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pc_xlsx_cell_counts cells;
    pc_status st = pc_write_xlsx_counted(&ds, &r, path, &diags, &cells);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (st != PC_OK) {
        char line[1200];
        fprintf(stderr, "bench_xlsx: %s\n",
                diags.count ? pc_diag_format(&diags.items[0], line, sizeof line)
                            : pc_status_message(st));
        return 1;
    }
    struct stat sb;
    long long size = stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
    printf("%zu valuation rows: %.2f s, %lld bytes (%s)\n", n, seconds, size, path);
    double raw = raw_seconds(&cells, "/tmp/bench_xlsx_raw.xlsx");
    if (raw > 0 && seconds > 0)
        printf("libxlsxwriter alone, the same %zu cells (%zu numbers, %zu texts, %zu formulas, "
               "%zu links, %zu blanks): %.2f s; paycalc takes %.2f times as long\n",
               raw_xlsx_cells(&cells), cells.numbers, cells.texts, cells.formulas, cells.links,
               cells.blanks, raw, seconds / raw);
    remove("/tmp/bench_xlsx_raw.xlsx");
    pc_diags_fini(&diags);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
    return 0;
}
