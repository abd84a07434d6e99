/*
 * How long verify --ixbrl takes to read a proxy-sized Inline XBRL document:
 * a generated DEF 14A of about 5 MB (narrative paragraphs in nested spans
 * and tables, as filing agents write them, around a tagged Pay versus
 * Performance table, both reconciliations and 2,000 further facts).
 *
 * Usage: bench_ixbrl [MEGABYTES]   (default 5)
 * Prints the size, the facts read, and the best of five runs of reading,
 * building the tables and running every check, in processor time and wall
 * time (not a timed test).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "paycalc/ixbrl.h"
#include "paycalc/text.h"
#include "paycalc/verify.h"

static const char *const lines[] = {
    "EqtyAwrdsInSummryCompstnTblForAplblYrMember",
    "YrEndFrValOfEqtyAwrdsGrntdInCvrdYrOutsdngAndUnvstdMember",
    "ChngInFrValOfOutsdngAndUnvstdEqtyAwrdsGrntdInPrrYrsMember",
    "ChngInFrValAsOfVstngDtOfPrrYrEqtyAwrdsVstdInCvrdYrMember",
};

static void context(pc_buf *b, const char *id, int year, const char *category, const char *member)
{
    pc_buf_printf(b,
                  "<xbrli:context id=\"%s\"><xbrli:entity><xbrli:identifier "
                  "scheme=\"http://www.sec.gov/CIK\">0000000009</xbrli:identifier>",
                  id);
    if (category)
        pc_buf_printf(
            b,
            "<xbrli:segment><xbrldi:explicitMember dimension=\"ecd:ExecutiveCategoryAxis\">"
            "ecd:%s</xbrldi:explicitMember><xbrldi:explicitMember "
            "dimension=\"ecd:AdjToCompAxis\">ecd:%s</xbrldi:explicitMember></xbrli:segment>",
            category, member);
    pc_buf_printf(b,
                  "</xbrli:entity><xbrli:period><xbrli:startDate>%d-01-01</xbrli:startDate>"
                  "<xbrli:endDate>%d-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n",
                  year, year);
}

static void amount(pc_buf *b, const char *concept, const char *ctx, long value)
{
    if (value < 0)
        pc_buf_puts(b, "(");
    pc_buf_printf(b,
                  "<ix:nonFraction name=\"%s\" contextRef=\"%s\" unitRef=\"USD\" decimals=\"0\" "
                  "format=\"ixt:num-dot-decimal\"%s>%ld,%03ld</ix:nonFraction>",
                  concept, ctx, value < 0 ? " sign=\"-\"" : "", labs(value) / 1000,
                  labs(value) % 1000);
    if (value < 0)
        pc_buf_puts(b, ")");
}

static char *generate(size_t bytes)
{
    pc_buf b = {0};
    pc_buf_puts(
        &b,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html "
        "xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
        "xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" "
        "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" "
        "xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" xmlns:dei=\"http://xbrl.sec.gov/dei/2024\" "
        "xmlns:ecd=\"http://xbrl.sec.gov/ecd/2024\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" "
        "xmlns:bench=\"http://bench.example/2024\"><head><title>DEF 14A</title></head><body>\n"
        "<div style=\"display:none\"><ix:header><ix:hidden>"
        "<ix:nonNumeric name=\"dei:DocumentType\" contextRef=\"FY2024\">DEF 14A</ix:nonNumeric>"
        "<ix:nonNumeric name=\"dei:EntityRegistrantName\" contextRef=\"FY2024\">Benchmark "
        "Holdings, Inc.</ix:nonNumeric>");
    for (int y = 2020; y <= 2024; y++)
        pc_buf_printf(&b,
                      "<ix:nonNumeric name=\"ecd:PeoName\" contextRef=\"FY%d\">Pat Q. "
                      "Example</ix:nonNumeric>",
                      y);
    for (int i = 0; i < 2000; i++)
        pc_buf_printf(
            &b,
            "<ix:nonFraction name=\"bench:Other%d\" contextRef=\"FY2024\" unitRef=\"USD\" "
            "decimals=\"0\" format=\"ixt:num-dot-decimal\">%d,%03d</ix:nonFraction>",
            i, i + 1, i % 1000);
    pc_buf_puts(&b, "</ix:hidden><ix:resources>");
    char id[64];
    for (int y = 2020; y <= 2024; y++) {
        snprintf(id, sizeof id, "FY%d", y);
        context(&b, id, y, NULL, NULL);
        for (int c = 0; c < 2; c++)
            for (int l = 0; l < 4; l++) {
                snprintf(id, sizeof id, "FY%d_%d_%d", y, c, l);
                context(&b, id, y, c ? "NonPeoNeoMember" : "PeoMember", lines[l]);
            }
    }
    pc_buf_puts(&b, "<xbrli:unit id=\"USD\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"
                    "</ix:resources></ix:header></div>\n");
    /* the PvP table and the reconciliations: SCT 1,000,000 less 600,000
     * plus 700,000, 50,000 and -30,000 is CAP 1,120,000 */
    pc_buf_puts(&b, "<ix:nonNumeric name=\"ecd:PvpTableTextBlock\" contextRef=\"FY2024\" "
                    "escape=\"true\"><table>");
    for (int y = 2024; y >= 2020; y--) {
        snprintf(id, sizeof id, "FY%d", y);
        pc_buf_printf(&b, "<tr><td>%d</td><td><span>$ ", y);
        amount(&b, "ecd:PeoTotalCompAmt", id, 1000000);
        pc_buf_puts(&b, "</span></td><td>$ ");
        amount(&b, "ecd:PeoActuallyPaidCompAmt", id, 1120000);
        pc_buf_puts(&b, "</td><td>$ ");
        amount(&b, "ecd:NonPeoNeoAvgTotalCompAmt", id, 1000000);
        pc_buf_puts(&b, "</td><td>$ ");
        amount(&b, "ecd:NonPeoNeoAvgCompActuallyPaidAmt", id, 1120000);
        pc_buf_puts(&b, "</td><td>$ ");
        amount(&b, "us-gaap:NetIncomeLoss", id, -5813000);
        pc_buf_puts(&b, "</td></tr>");
    }
    pc_buf_puts(&b, "</table></ix:nonNumeric>\n<table>");
    static const long values[] = {-600000, 700000, 50000, -30000};
    for (int y = 2020; y <= 2024; y++)
        for (int c = 0; c < 2; c++)
            for (int l = 0; l < 4; l++) {
                snprintf(id, sizeof id, "FY%d_%d_%d", y, c, l);
                pc_buf_printf(&b, "<tr><td>%s</td><td>$ ", lines[l]);
                amount(&b, "ecd:AdjToCompAmt", id, values[l]);
                pc_buf_puts(&b, "</td></tr>\n");
            }
    pc_buf_puts(&b, "</table>\n");
    /* the rest of the proxy: narrative in nested spans, and untagged tables */
    for (int p = 0; b.len < bytes; p++) {
        pc_buf_printf(
            &b,
            "<p style=\"margin:0 0 6pt 0\"><span style=\"font-family:Arial\"><span "
            "style=\"font-size:10pt\">Proposal %d. The Board recommends that shareholders "
            "vote FOR the approval, on an advisory basis, of the compensation of our named "
            "executive officers as described in the Compensation Discussion and "
            "Analysis&#160;section, the compensation tables and the narrative "
            "discussion.</span></span></p>\n",
            p);
        if (p % 20 == 0)
            pc_buf_printf(&b,
                          "<table><tr><td>Director %d</td><td>$&#160;95,000</td><td>$&#160;"
                          "120,012</td><td>$&#160;215,012</td></tr></table>\n",
                          p);
    }
    pc_buf_puts(&b, "</body></html>\n");
    return pc_buf_take(&b);
}

/* Processor time of this process: on a shared machine wall time measures
 * the neighbours (both are printed). */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    double megabytes = argc > 1 ? atof(argv[1]) : 5;
    if (megabytes <= 0 || megabytes > 60) {
        fprintf(stderr, "usage: bench_ixbrl [MEGABYTES (0-60)]\n");
        return 2;
    }
    char *text = generate((size_t)(megabytes * 1024 * 1024));
    if (!text)
        return 1;
    size_t size = 0;
    while (text[size])
        size++;
    double best = 1e9, best_cpu = 1e9;
    size_t facts = 0, findings = 0;
    for (int run = 0; run < 5; run++) {
        pc_ixbrl_doc doc;
        pc_ixbrl_tables t;
        pc_dataset ds;
        pc_checks checks;
        pc_diags diags;
        pc_ixbrl_doc_init(&doc);
        pc_ixbrl_tables_init(&t);
        pc_dataset_init(&ds);
        pc_checks_init(&checks);
        pc_diags_init(&diags);
        double t0 = now(), c0 = cpu_now();
        pc_status st = pc_ixbrl_read_memory(text, size, "bench.htm", &doc, &diags);
        if (st == PC_OK)
            st = pc_ixbrl_build(&doc, NULL, &t);
        if (st == PC_OK)
            st = pc_verify_ixbrl(&doc, &t, &ds, NULL, &checks);
        double dt = now() - t0, dc = cpu_now() - c0;
        if (st != PC_OK) {
            fprintf(stderr, "bench_ixbrl: %s\n",
                    diags.count ? diags.items[0].message : pc_status_message(st));
            return 1;
        }
        if (dt < best)
            best = dt;
        if (dc < best_cpu)
            best_cpu = dc;
        facts = doc.facts.count;
        findings = checks.findings.count;
        pc_diags_fini(&diags);
        pc_checks_fini(&checks);
        pc_dataset_fini(&ds);
        pc_ixbrl_tables_fini(&t);
        pc_ixbrl_doc_fini(&doc);
    }
    printf("bench_ixbrl: %.1f MB, %zu facts, %zu findings: read, tables and checks in %.3f s of "
           "processor time, %.3f s wall (best of 5)\n",
           (double)size / (1024 * 1024), facts, findings, best_cpu, best);
    free(text);
    return 0;
}
