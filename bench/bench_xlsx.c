/*
 * How long report.xlsx takes to write for a report with many award
 * valuations (the biggest sheet: one row per tranche per valuation date).
 *
 * Usage: bench_xlsx [VALUATIONS [PATH]]
 *   VALUATIONS  number of valuation rows (default 100000)
 *   PATH        where to write the workbook (default /tmp/bench_xlsx.xlsx)
 * Prints the rows, the seconds taken and the file size; then the same
 * number of rows of the Award Valuations sheet's shape (34 cells: award,
 * executive and words as text, dates and figures as numbers, the value and
 * contribution as formulas) written with libxlsxwriter alone in the same
 * constant_memory mode, and paycalc's rate as a share of that raw rate
 * (the target: at least 50%).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <xlsxwriter.h>

#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/report.h"
#include "paycalc/write.h"

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

/* The raw rate: n rows of 34 cells with libxlsxwriter alone. */
static double raw_seconds(size_t n, const char *path)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Award Valuations");
    lxw_format *num = workbook_add_format(wb);
    format_set_num_format(num, "#,##0.00;(#,##0.00)");
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(i + 5);
        char id[32], f1[64], f2[64];
        snprintf(id, sizeof id, "A-%04zu", i % 2000);
        snprintf(f1, sizeof f1, "=ROUND(Z%u*AA%u*Y%u,2)", row + 1, row + 1, row + 1);
        snprintf(f2, sizeof f2, "=-AB%u", row + 1);
        for (lxw_col_t c = 0; c < 34; c++) {
            if (c == 0 || c == 2 || c == 4 || c == 5 || c == 9 || c == 10 || c == 29 || c == 30)
                worksheet_write_string(ws, row, c, c == 0 ? id : "Fiscal year end", NULL);
            else if (c == 27)
                worksheet_write_formula_num(ws, row, c, f1, num, 1234.5);
            else if (c == 31)
                worksheet_write_formula_num(ws, row, c, f2, num, -1234.5);
            else if (c < 32)
                worksheet_write_number(ws, row, c, (double)(i % 1000) + c / 7.0, num);
        }
    }
    lxw_error err = workbook_close(wb);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (err != LXW_NO_ERROR)
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
    pc_status st = pc_write_xlsx(&ds, &r, path, &diags);
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
    double raw = raw_seconds(n, "/tmp/bench_xlsx_raw.xlsx");
    if (raw > 0 && seconds > 0)
        printf("libxlsxwriter alone, %zu rows of 34 cells: %.2f s; paycalc writes at %.0f%% of "
               "that rate\n",
               n, raw, 100.0 * raw / seconds);
    remove("/tmp/bench_xlsx_raw.xlsx");
    pc_diags_fini(&diags);
    pc_report_fini(&r);
    pc_dataset_fini(&ds);
    return 0;
}
