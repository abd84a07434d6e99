/*
 * Benchmark of the tranche valuation (value.h): how many tranche values per
 * second pc_value_tranche computes, lookups included.
 *
 * Builds an input set in memory, deterministically: N tranches (argv[1],
 * default 100000) in awards of 4 tranches, alternating options (Black-
 * Scholes-Merton) and restricted stock (half of it without dividend rights,
 * so discounted for the yield), every eighth award performance-conditioned;
 * weekday closing prices from 2015 to 2025 and monthly assumptions. Each
 * tranche is valued at 3 fiscal year ends (2021-12-31, a Friday; 2022-12-31
 * and 2023-12-31, a Saturday and a Sunday, which take an earlier close).
 * Only the valuations are timed. The checksum (the sum of all values) shows
 * that two runs did the same work.
 *
 * Usage: bench_value [N]
 */
#define _POSIX_C_SOURCE 199309L

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "paycalc/model.h"
#include "paycalc/money.h"
#include "paycalc/report.h"
#include "paycalc/value.h"

enum { TRANCHES_PER_AWARD = 4, DATES = 3 };

static int fill(pc_dataset *ds, size_t ntranches)
{
    ds->config.expected_term = PC_TERM_REMAINING_CONTRACTUAL;

    /* Weekday closes: a smooth deterministic path between about $8 and $32. */
    pc_date first = pc_date_from_ymd(2015, 1, 1), last = pc_date_from_ymd(2025, 12, 31);
    for (pc_date d = first; d <= last; d++) {
        /* 1970-01-01 (day 0) was a Thursday; 0 = Monday. */
        int weekday = (int)(((int64_t)d % 7 + 7 + 3) % 7);
        if (weekday >= 5)
            continue;
        pc_price *p = PC_ARRAY_PUSH(&ds->prices);
        if (!p)
            return -1;
        double close = 16.0 * exp(0.5 * sin((d - first) / 180.0) + 0.2 * sin((d - first) / 23.0));
        p->date = d;
        p->close_micro = (int64_t)llround(close * 1e6);
        p->line = (int)ds->prices.count + 1;
    }

    /* Monthly assumptions, first of each month. */
    for (int y = 2015; y <= 2025; y++)
        for (int m = 1; m <= 12; m++) {
            pc_assumption *a = PC_ARRAY_PUSH(&ds->assumptions);
            if (!a)
                return -1;
            int k = (y - 2015) * 12 + m;
            a->date = pc_date_from_ymd(y, m, 1);
            a->volatility_micro = 400000 + (k % 13) * 10000;
            a->rate_micro = 10000 + (k % 7) * 5000;
            a->yield_micro = (k % 5) * 2000;
            a->line = (int)ds->assumptions.count + 1;
        }

    size_t nawards = (ntranches + TRANCHES_PER_AWARD - 1) / TRANCHES_PER_AWARD;
    for (size_t i = 0; i < nawards; i++) {
        pc_award *a = PC_ARRAY_PUSH(&ds->awards);
        if (!a)
            return -1;
        char id[32];
        snprintf(id, sizeof id, "A%08zu", i);
        a->id = pc_strdup(id);
        if (!a->id)
            return -1;
        a->type = i % 2 ? PC_AWARD_STOCK : PC_AWARD_OPTION;
        a->condition = i % 8 == 7 ? PC_CONDITION_PERFORMANCE : PC_CONDITION_SERVICE;
        int grant_year = 2019 + (int)(i % 3);
        a->grant_date = pc_date_from_ymd(grant_year, 1 + (int)(i % 12), 15);
        a->shares = 0;
        a->dividend_rights = i % 4 != 1;
        a->expiration_date = PC_DATE_NONE;
        if (a->type == PC_AWARD_OPTION) {
            a->exercise_price_micro = 8000000 + (int64_t)(i % 25) * 1000000;
            a->expiration_date = pc_date_from_ymd(grant_year + 10, 1 + (int)(i % 12), 14);
        }
        a->line = (int)i + 2;
        size_t in_award = ntranches - i * TRANCHES_PER_AWARD;
        if (in_award > TRANCHES_PER_AWARD)
            in_award = TRANCHES_PER_AWARD;
        for (size_t k = 0; k < in_award; k++) {
            pc_tranche *t = PC_ARRAY_PUSH(&ds->tranches);
            if (!t)
                return -1;
            t->award = i;
            t->number = (int)k + 1;
            t->vest_date = pc_date_from_ymd(grant_year + 1 + (int)k, 1 + (int)(i % 12), 15);
            t->shares = 1000 + (int64_t)((i * 7 + k * 13) % 9000);
            t->line = (int)ds->tranches.count + 1;
            ds->awards.items[i].shares += t->shares;
        }
        if (ds->awards.items[i].condition == PC_CONDITION_PERFORMANCE) {
            pc_outcome *o = PC_ARRAY_PUSH(&ds->outcomes);
            if (!o)
                return -1;
            o->award = i;
            o->tranche = 0;
            o->date = ds->awards.items[i].grant_date;
            o->probable_micro = 750000;
            o->line = (int)ds->outcomes.count + 1;
        }
    }
    return pc_dataset_index(ds) == PC_OK ? 0 : -1;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t ntranches = 100000;
    if (argc > 2) {
        fprintf(stderr, "usage: bench_value [N]\n");
        return 2;
    }
    if (argc == 2) {
        char *end;
        errno = 0;
        long long n = strtoll(argv[1], &end, 10);
        if (errno || *end || n < 1 || n > 100000000) {
            fprintf(stderr, "bench_value: N must be a whole number from 1 to 100000000, not '%s'\n",
                    argv[1]);
            return 2;
        }
        ntranches = (size_t)n;
    }

    pc_dataset ds;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_diags_init(&diags);
    int rc = 1;
    if (fill(&ds, ntranches) != 0) {
        fprintf(stderr, "bench_value: out of memory building %zu tranches\n", ntranches);
        goto done;
    }

    const pc_date dates[DATES] = {pc_date_from_ymd(2021, 12, 31), pc_date_from_ymd(2022, 12, 31),
                                  pc_date_from_ymd(2023, 12, 31)};
    int64_t checksum = 0;
    size_t count = 0, by_method[3] = {0, 0, 0};
    double start = seconds_now();
    for (size_t t = 0; t < ds.tranches.count; t++)
        for (int k = 0; k < DATES; k++) {
            pc_valuation v;
            pc_status st = pc_value_tranche(&ds, t, dates[k], PC_PURPOSE_FYE, &v, NULL, &diags);
            if (st != PC_OK) {
                fprintf(stderr, "bench_value: tranche %zu: %s\n", t, pc_status_message(st));
                goto done;
            }
            checksum += v.value;
            by_method[v.method]++;
            count++;
        }
    double elapsed = seconds_now() - start;

    printf("tranches            %zu (%zu awards, %zu prices, %zu assumption rows)\n",
           ds.tranches.count, ds.awards.count, ds.prices.count, ds.assumptions.count);
    printf("valuations          %zu (black_scholes %zu, stock_price %zu)\n", count,
           by_method[PC_METHOD_BLACK_SCHOLES], by_method[PC_METHOD_STOCK_PRICE]);
    printf("seconds             %.3f\n", elapsed);
    printf("valuations/second   %.0f\n", count / elapsed);
    printf("ns/valuation        %.1f\n", elapsed * 1e9 / count);
    printf("checksum (cents)    %" PRId64 "\n", checksum);
    rc = 0;
done:
    pc_diags_fini(&diags);
    pc_dataset_fini(&ds);
    return rc;
}
