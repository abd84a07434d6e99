/*
 * verify --ixbrl (SPEC section 15, Reading): the reader (formats, scale,
 * sign, continuation, exclude, hidden, years), its refusals (XXE, billion
 * laughs, deep nesting, too many facts, not iXBRL), the tables and the
 * tagging findings (each produced exactly once by one seeded defect, none
 * on a document that agrees with its computation), the kit's real samples,
 * and the command over many filings.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/compute.h"
#include "paycalc/ixbrl.h"
#include "paycalc/money.h"
#include "paycalc/text.h"
#include "paycalc/verify.h"
#include "support.h"

#define DATA SOURCE_DIR "/tests/data/ixbrl/"
#define KIT DATA "kit/" /* copies of the ixbrl kit's samples/ */

/* ------------------------------------------------------------ helpers */

static void read_ok(const char *path, pc_ixbrl_doc *doc)
{
    pc_diags diags;
    pc_diags_init(&diags);
    pc_ixbrl_doc_init(doc);
    pc_status st = pc_ixbrl_read_file(path, doc, &diags);
    cr_assert_eq(st, PC_OK, "%s: %s", path,
                 diags.count ? diags.items[0].message : pc_status_message(st));
    pc_diags_fini(&diags);
}

/* The first fact of `concept` (and `context` when not NULL). */
static const pc_ixbrl_fact *fact(const pc_ixbrl_doc *doc, const char *concept, const char *context)
{
    for (size_t i = 0; i < doc->facts.count; i++) {
        const pc_ixbrl_fact *f = &doc->facts.items[i];
        if (!strcmp(f->concept, concept) && (!context || !strcmp(f->context, context)))
            return f;
    }
    cr_assert_fail("no fact %s", concept);
    return NULL;
}

/* Reads, builds and verifies `path` (against the computation of `dir`
 * when not NULL) into `checks`. */
static void verify_file(const char *path, const char *dir, pc_checks *checks)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    read_ok(path, &doc);
    pc_ixbrl_tables_init(&t);
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_checks_init(checks);
    if (dir)
        cr_assert_eq(pc_compute(dir, &ds, &report, &diags), PC_OK);
    cr_assert_eq(pc_ixbrl_build(&doc, dir ? &ds : NULL, &t), PC_OK);
    cr_assert_eq(pc_verify_ixbrl(&doc, &t, &ds, dir ? &report : NULL, checks), PC_OK);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
}

static size_t count_errors(const pc_checks *checks)
{
    size_t n = 0;
    for (size_t i = 0; i < checks->findings.count; i++)
        n += checks->findings.items[i].severity == PC_CHECK_ERROR;
    return n;
}

/* Reads bytes and expects a refusal with diagnostic `code`; returns the
 * message (caller frees). */
static char *refused(const char *text, size_t size, const char *code)
{
    pc_ixbrl_doc doc;
    pc_diags diags;
    pc_ixbrl_doc_init(&doc);
    pc_diags_init(&diags);
    pc_status st = pc_ixbrl_read_memory(text, size, "doc.htm", &doc, &diags);
    cr_assert_eq(st, PC_ERR_INPUT);
    cr_assert_geq(diags.count, 1);
    cr_assert_str_eq(diags.items[0].code, code, "%s", diags.items[0].message);
    cr_assert_str_eq(diags.items[0].file, "doc.htm");
    char *msg = pc_strdup(diags.items[0].message);
    pc_diags_fini(&diags);
    pc_ixbrl_doc_fini(&doc);
    return msg;
}

#define HEAD                                                                                       \
    "<?xml version=\"1.0\"?>\n"                                                                    \
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" "                                                \
    "xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "                                            \
    "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" "                                           \
    "xmlns:ecd=\"http://xbrl.sec.gov/ecd/2024\">"                                                  \
    "<body><ix:header><ix:resources><xbrli:context id=\"c\"><xbrli:entity><xbrli:identifier "      \
    "scheme=\"http://www.sec.gov/CIK\">1</xbrli:identifier></xbrli:entity><xbrli:period>"          \
    "<xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>"                     \
    "<xbrli:unit id=\"USD\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"               \
    "</ix:resources></ix:header>"

/* ------------------------------------------------------------ the reader */

Test(ixbrl_reader, formats_scale_and_sign)
{
    pc_ixbrl_doc doc;
    read_ok(DATA "formats.htm", &doc);
    cr_assert_eq(fact(&doc, "acme:Dot", NULL)->value_micro, 1234567 * PC_MICRO);
    cr_assert_eq(fact(&doc, "acme:Comma", NULL)->value_micro, 123456789 * (PC_MICRO / 100));
    cr_assert_eq(fact(&doc, "acme:Comma", NULL)->decimals, 2);
    cr_assert_eq(fact(&doc, "acme:OldDot", NULL)->value_micro, 7654 * PC_MICRO);
    cr_assert_eq(fact(&doc, "acme:FixedZero", NULL)->value_micro, 0);
    cr_assert_eq(fact(&doc, "acme:ZeroDash", NULL)->value_micro, 0);
    cr_assert_eq(fact(&doc, "acme:WordsNone", NULL)->value_micro, 0);
    cr_assert_eq(fact(&doc, "acme:WordsNo", NULL)->value_micro, 0);
    cr_assert_eq(fact(&doc, "acme:Thousands", NULL)->value_micro, 61559000LL * PC_MICRO);
    cr_assert_eq(fact(&doc, "acme:Thousands", NULL)->decimals, -3);
    cr_assert_eq(fact(&doc, "acme:Millions", NULL)->value_micro, 1200000LL * PC_MICRO);
    const pc_ixbrl_fact *neg = fact(&doc, "acme:Negative", NULL);
    cr_assert_eq(neg->value_micro, -5813000LL * PC_MICRO);
    cr_assert(neg->negative && neg->in_parentheses);
    cr_assert_str_eq(neg->displayed, "5,813,000");
    cr_assert_eq(fact(&doc, "acme:Plain", NULL)->value_micro, 12500000);
    cr_assert_eq(fact(&doc, "acme:Plain", NULL)->decimals, 1);
    cr_assert(fact(&doc, "acme:Nil", NULL)->nil);
    /* the ecd namespace under another prefix is still ecd */
    cr_assert_eq(fact(&doc, "ecd:TotalShareholderRtnAmt", NULL)->value_micro, 88 * PC_MICRO);
    pc_ixbrl_doc_fini(&doc);
}

Test(ixbrl_reader, continuation_exclude_hidden_and_nesting)
{
    pc_ixbrl_doc doc;
    read_ok(DATA "formats.htm", &doc);
    const pc_ixbrl_fact *block = fact(&doc, "ecd:PvpTableTextBlock", NULL);
    cr_assert_str_eq(block->displayed,
                     "First part of the block with a nested 99 figure second part third part.");
    cr_assert_eq(fact(&doc, "acme:Nested", NULL)->value_micro, 99 * PC_MICRO);
    const pc_ixbrl_fact *hidden = fact(&doc, "acme:HiddenAmount", NULL);
    cr_assert(hidden->hidden);
    cr_assert_eq(hidden->value_micro, 4321 * PC_MICRO);
    cr_assert_not(fact(&doc, "acme:Dot", NULL)->hidden);
    cr_assert_str_eq(fact(&doc, "ecd:PeoName", NULL)->displayed, "Ada Lovelace-Byron");
    pc_ixbrl_doc_fini(&doc);
}

Test(ixbrl_reader, a_context_belongs_to_the_year_its_end_falls_in)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    read_ok(DATA "formats.htm", &doc);
    pc_ixbrl_tables_init(&t);
    cr_assert_eq(pc_ixbrl_build(&doc, NULL, &t), PC_OK);
    /* fiscal years end 09-30: a context ending 2022-10-01 (a 52/53-week
     * year) is fiscal 2022; one ending 2022-12-31 is fiscal 2023 */
    bool tsr2022 = false;
    for (size_t i = 0; i < t.rows.count; i++)
        if (!strcmp(t.rows.items[i].item, "tsr"))
            tsr2022 = t.rows.items[i].year == 2022;
    cr_assert(tsr2022);
    cr_assert_eq(t.fiscal_year, 2023);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
}

Test(ixbrl_reader, text_that_does_not_fit_its_format_is_an_error_at_its_line)
{
    const char *text = HEAD "<p>\n<ix:nonFraction name=\"ecd:PeoTotalCompAmt\" contextRef=\"c\" "
                            "unitRef=\"USD\" decimals=\"0\" format=\"ixt:num-dot-decimal\">seven "
                            "million</ix:nonFraction></p></body></html>";
    pc_ixbrl_doc doc;
    pc_diags diags;
    pc_ixbrl_doc_init(&doc);
    pc_diags_init(&diags);
    cr_assert_eq(pc_ixbrl_read_memory(text, strlen(text), "doc.htm", &doc, &diags), PC_ERR_INPUT);
    cr_assert_str_eq(diags.items[0].code, "ixbrl_format");
    cr_assert_eq(diags.items[0].line, 3);
    cr_assert(strstr(diags.items[0].message, "'seven million'"), "%s", diags.items[0].message);
    pc_diags_fini(&diags);
    pc_ixbrl_doc_fini(&doc);
}

Test(ixbrl_reader, a_context_or_unit_that_resolves_to_nothing_is_an_error)
{
    const char *text = HEAD "<ix:nonFraction name=\"ecd:PeoTotalCompAmt\" contextRef=\"nope\" "
                            "unitRef=\"USD\" decimals=\"0\">1</ix:nonFraction></body></html>";
    char *msg = refused(text, strlen(text), "ixbrl_context");
    cr_assert(strstr(msg, "'nope'"), "%s", msg);
    free(msg);
}

/* ------------------------------------------------------------ refusals */

Test(ixbrl_refuses, an_external_entity)
{
    const char *text = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n<!ENTITY xxe SYSTEM "
                       "\"file:///etc/passwd\">\n]>\n<html><body>&xxe;</body></html>";
    char *msg = refused(text, strlen(text), "ixbrl_entity");
    cr_assert(strstr(msg, "'xxe'") && strstr(msg, "entities are refused"), "%s", msg);
    cr_assert_null(strstr(msg, "root:"));
    free(msg);
}

Test(ixbrl_refuses, billion_laughs)
{
    pc_buf b = {0};
    pc_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        pc_buf_printf(&b, "<!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            pc_buf_printf(&b, "&lol%s;", i == 1 ? "" : (char[]){(char)('0' + i - 1), 0});
        pc_buf_puts(&b, "\">\n");
    }
    pc_buf_puts(&b, "]>\n<html><body>&lol9;</body></html>");
    char *msg = refused(pc_buf_text(&b), b.len, "ixbrl_entity");
    cr_assert(strstr(msg, "'lol'"), "%s", msg);
    free(msg);
    pc_buf_fini(&b);
}

Test(ixbrl_refuses, nesting_100000_deep)
{
    pc_buf b = {0};
    pc_buf_puts(&b, "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">");
    for (int i = 0; i < 100000; i++)
        pc_buf_puts(&b, "<div>");
    for (int i = 0; i < 100000; i++)
        pc_buf_puts(&b, "</div>");
    pc_buf_puts(&b, "</html>");
    cr_assert_not(b.failed);
    char *msg = refused(pc_buf_text(&b), b.len, "ixbrl_too_deep");
    cr_assert(strstr(msg, "more than 256 deep"), "%s", msg);
    free(msg);
    pc_buf_fini(&b);
}

Test(ixbrl_refuses, more_facts_than_the_limit)
{
    pc_buf b = {0};
    pc_buf_puts(&b, HEAD);
    for (int i = 0; i <= PC_IXBRL_MAX_FACTS; i++)
        pc_buf_puts(&b, "<ix:nonNumeric name=\"ecd:PeoName\" contextRef=\"c\">A</ix:nonNumeric>");
    pc_buf_puts(&b, "</body></html>");
    char *msg = refused(pc_buf_text(&b), b.len, "ixbrl_too_many_facts");
    cr_assert(strstr(msg, "more than 100000 facts"), "%s", msg);
    free(msg);
    pc_buf_fini(&b);
}

Test(ixbrl_refuses, a_document_that_is_not_inline_xbrl_or_not_xml)
{
    const char *xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>1,234</p></body>"
                        "</html>";
    char *msg = refused(xhtml, strlen(xhtml), "ixbrl_not_inline");
    cr_assert(strstr(msg, "no ix:header"), "%s", msg);
    free(msg);
    const char *html = "<html><body><p>unclosed</body></html>";
    msg = refused(html, strlen(html), "ixbrl_not_xml");
    free(msg);
}

/* ------------------------------------------------------------ members and names */

Test(ixbrl_tables, members_map_to_their_lines)
{
    cr_assert_str_eq(pc_ixbrl_member_line("ecd:EqtyAwrdsInSummryCompstnTblForAplblYrMember"),
                     "less_equity_awards");
    cr_assert_str_eq(pc_ixbrl_member_line(
                         "ecd:DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember"),
                     "dividends");
    cr_assert_str_eq(pc_ixbrl_member_line("ecd:AggtPnsnAdjsSvcCstMember"), "pension_adjustments");
    struct {
        const char *member, *line;
    } company[] = {
        {"acme:DeductionForGrantDateFairValueOfStockAwardsMember", "less_equity_awards"},
        {"acme:LessStockAwardsReportedInSctMember", "less_equity_awards"},
        {"acme:YearEndFairValueOfAwardsGrantedInYearMember", "fye_fv_granted_in_year"},
        {"acme:ChangeInFairValueOfPriorYearUnvestedAwardsMember", "change_fv_prior_unvested"},
        {"acme:ChangeInFairValueOfPriorYearAwardsVestedMember", "change_fv_prior_vested"},
        {"acme:FairValueAtVestingOfAwardsGrantedAndVestedInYearMember",
         "fv_at_vest_granted_in_year"},
        {"acme:ForfeitedAwardsMember", "less_fv_forfeited"},
        {"acme:DividendsOnUnvestedSharesMember", "dividends"},
        {"acme:ChangeInPensionValueMember", "less_pension"},
        {"acme:PensionServiceCostMember", "plus_pension_service"},
        {"acme:PensionPriorServiceCostMember", "plus_pension_prior_service"},
        {"acme:TotalEquityAwardAdjustmentsMember", "equity_award_adjustments"},
    };
    for (size_t i = 0; i < sizeof company / sizeof company[0]; i++) {
        const char *line = pc_ixbrl_member_line(company[i].member);
        cr_assert(line && !strcmp(line, company[i].line), "%s -> %s", company[i].member,
                  line ? line : "(none)");
    }
    cr_assert_null(pc_ixbrl_member_line("acme:SpecialRetentionTrueUpMember"));
    /* a company member named like a standard one is read by its words */
    cr_assert_str_eq(pc_ixbrl_member_line("acme:EqtyAwrdsInSummryCompstnTblForAplblYrMember"),
                     "less_equity_awards");
}

Test(ixbrl_tables, a_name_becomes_an_id)
{
    char *id = pc_ixbrl_name_id("  Marc DeBevoise ");
    cr_assert_str_eq(id, "marc_debevoise");
    free(id);
    id = pc_ixbrl_name_id("Grace B. Hopper");
    cr_assert_str_eq(id, "grace_b_hopper");
    free(id);
    id = pc_ixbrl_name_id("李雲飛");
    cr_assert_str_eq(id, "李雲飛");
    free(id);
}

Test(ixbrl_tables, two_peos_in_a_year_are_their_ecd_peo_names)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    read_ok(KIT "brightcove-2024.htm", &doc);
    pc_ixbrl_tables_init(&t);
    cr_assert_eq(pc_ixbrl_build(&doc, NULL, &t), PC_OK);
    int found = 0;
    for (size_t i = 0; i < t.rows.count; i++) {
        const pc_reported *r = &t.rows.items[i];
        if (r->table == PC_REPORTED_PVP && r->year == 2022 && !strcmp(r->item, "sct_total")) {
            if (!strcmp(r->subject, "marc_debevoise"))
                found += r->value_micro == 5288315LL * PC_MICRO;
            if (!strcmp(r->subject, "jeff_ray"))
                found += 10 * (r->value_micro == 979872LL * PC_MICRO);
        }
        if (r->table == PC_REPORTED_PVP && r->year == 2022 && !strcmp(r->item, "cap") &&
            !strcmp(r->subject, "non_peo_neo_average"))
            found += 100 * (r->value_micro == -144936LL * PC_MICRO);
    }
    cr_assert_eq(found, 111);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
}

/* Item 402(v)(6): the measures of the latest year, in MeasureAxis order. */
Test(ixbrl_tables, the_tabular_list_is_read_in_its_order)
{
    pc_ixbrl_doc doc;
    pc_ixbrl_tables t;
    read_ok(KIT "brightcove-2024.htm", &doc);
    pc_ixbrl_tables_init(&t);
    cr_assert_eq(pc_ixbrl_build(&doc, NULL, &t), PC_OK);
    cr_assert_eq(t.measures.count, 3);
    cr_assert_str_eq(t.measures.items[0], "Revenue");
    cr_assert_str_eq(t.measures.items[1], "Relative Total Shareholder Return");
    cr_assert_str_eq(t.measures.items[2], "Operating Cash Flow");
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
    /* a smaller reporting company's section has none */
    read_ok(DATA "cbak-agree.htm", &doc);
    pc_ixbrl_tables_init(&t);
    cr_assert_eq(pc_ixbrl_build(&doc, NULL, &t), PC_OK);
    cr_assert_eq(t.measures.count, 0);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
}

/* ------------------------------------------------------------ findings */

Test(ixbrl_findings, the_kit_samples_have_no_error)
{
    const char *samples[] = {KIT "brightcove-2024.htm", KIT "nrc-health-2023.htm"};
    for (size_t i = 0; i < 2; i++) {
        pc_checks checks;
        verify_file(samples[i], NULL, &checks);
        cr_assert_eq(count_errors(&checks), 0, "%s", samples[i]);
        cr_assert_gt(checks.checked, 0);
        pc_checks_fini(&checks);
    }
}

Test(ixbrl_findings, tags_that_agree_with_the_computation_give_no_finding)
{
    pc_checks checks;
    verify_file(DATA "cbak-agree.htm", SOURCE_DIR "/inputs/cbak-fy2022", &checks);
    cr_assert_eq(checks.findings.count, 0, "%s",
                 checks.findings.count ? checks.findings.items[0].check : "");
    /* the computation was compared: 24 tagged figures and their checks */
    cr_assert_geq(checks.checked, 40);
    pc_checks_fini(&checks);
    verify_file(DATA "cbak-agree.htm", NULL, &checks);
    cr_assert_eq(checks.findings.count, 0);
    pc_checks_fini(&checks);
}

Test(ixbrl_findings, a_company_member_no_line_fits_is_kept_and_named)
{
    pc_checks checks;
    verify_file(DATA "company-members.htm", NULL, &checks);
    cr_assert_eq(checks.findings.count, 0, "%s",
                 checks.findings.count ? checks.findings.items[0].check : "");
    bool named = false;
    for (size_t i = 0; i < checks.skipped.count; i++)
        named |= !strcmp(checks.skipped.items[i].check, "unmapped_adjustment") &&
                 strstr(checks.skipped.items[i].reason, "acme:SpecialRetentionTrueUpMember");
    cr_assert(named);
    pc_checks_fini(&checks);
}

/* One seeded defect, one finding, naming its fact. */
static void expect_one(const char *file, const char *check, const char *concept,
                       const char *context, const char *displayed)
{
    pc_checks checks;
    verify_file(file, NULL, &checks);
    cr_assert_eq(checks.findings.count, 1, "%s: %zu findings, first %s", file,
                 checks.findings.count,
                 checks.findings.count ? checks.findings.items[0].check : "");
    const pc_finding *f = &checks.findings.items[0];
    cr_assert_str_eq(f->check, check);
    cr_assert_eq(f->severity, PC_CHECK_ERROR);
    cr_assert_str_eq(f->concept, concept);
    cr_assert_str_eq(f->context, context);
    cr_assert_str_eq(f->displayed, displayed);
    pc_checks_fini(&checks);
}

Test(ixbrl_findings, each_seeded_defect_is_one_finding)
{
    expect_one(DATA "defect-tagged-sign.htm", "tagged_sign", "ecd:AdjToCompAmt",
               "FY2021_PeoMember_less_equity_awards", "173,451");
    expect_one(DATA "defect-sum.htm", "adjustments_do_not_sum", "ecd:PeoActuallyPaidCompAmt",
               "FY2022", "8,046.50");
    expect_one(DATA "defect-peo-on-non-peo.htm", "peo_fact_on_non_peo", "ecd:PeoTotalCompAmt",
               "FY2022_NonPeoNeo", "115,556");
    expect_one(DATA "defect-duplicate.htm", "duplicate_fact_differs", "ecd:PeoTotalCompAmt",
               "FY2022", "177,685");
    expect_one(DATA "defect-missing.htm", "missing_fact", "ecd:TotalShareholderRtnAmt", "",
               "30.83");
}

Test(ixbrl_findings, a_sum_that_fails_names_the_footing_as_related)
{
    pc_checks checks;
    verify_file(DATA "defect-sum.htm", NULL, &checks);
    const pc_finding *f = &checks.findings.items[0];
    cr_assert_eq(f->related.count, 1);
    cr_assert_str_eq(f->related.items[0], "cap_does_not_foot");
    cr_assert_eq(f->difference_micro, -1000 * PC_MICRO);
    pc_checks_fini(&checks);
}

Test(ixbrl_findings, a_figure_in_parentheses_tagged_positive_is_a_sign_slip_once)
{
    size_t size;
    char *text = read_file(DATA "company-members.htm", &size);
    cr_assert_not_null(text);
    /* the net loss keeps its parentheses but loses sign="-" */
    char *at = strstr(text, "name=\"us-gaap:NetIncomeLoss\"");
    cr_assert_not_null(at);
    char *sign = strstr(at, " sign=\"-\"");
    cr_assert_not_null(sign);
    memcpy(sign, "         ", 9);
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
    cr_assert_eq(pc_ixbrl_read_memory(text, size, "paren.htm", &doc, &diags), PC_OK);
    cr_assert_eq(pc_ixbrl_build(&doc, NULL, &t), PC_OK);
    cr_assert_eq(pc_verify_ixbrl(&doc, &t, &ds, NULL, &checks), PC_OK);
    cr_assert_eq(checks.findings.count, 1);
    cr_assert_str_eq(checks.findings.items[0].check, "tagged_sign");
    cr_assert_str_eq(checks.findings.items[0].item, "net_income");
    cr_assert_eq(checks.findings.items[0].expected_micro, -5813000LL * PC_MICRO);
    pc_diags_fini(&diags);
    pc_checks_fini(&checks);
    pc_dataset_fini(&ds);
    pc_ixbrl_tables_fini(&t);
    pc_ixbrl_doc_fini(&doc);
    free(text);
}

/* ------------------------------------------------------------ the command */

Test(ixbrl_command, many_filings_with_a_broken_one_in_the_middle)
{
    char *dir = make_temp_dir();
    char *broken = pc_text_format("%s/broken.htm", dir);
    char *jsonl = pc_text_format("%s/season.jsonl", dir);
    cr_assert_eq(write_text(broken, "<html><body>not closed</html>"), 0);
    const char *args[] = {
        "verify", "--ixbrl", DATA "cbak-agree.htm", broken, DATA "defect-sum.htm", "--json",
        jsonl,    NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 3, "%s%s", r.out, r.err);
    /* one summary line per filing, in order; the findings indented */
    char *first = strstr(r.out, "cbak-agree.htm: CBAK Energy Technology, Inc., DEF 14A, fiscal "
                                "2022: ");
    char *second = strstr(r.out, "broken.htm: cannot be read: not well-formed XML");
    char *third = strstr(r.out, "defect-sum.htm: CBAK Energy Technology, Inc., DEF 14A, fiscal "
                                "2022: 40 checked, 1 error, 0 rounding");
    cr_assert(first && second && third && first < second && second < third, "%s", r.out);
    cr_assert(strstr(third, "    adjustments_do_not_sum error 2022"), "%s", r.out);
    char *lines = read_file(jsonl, NULL);
    cr_assert_not_null(lines);
    int n = 0;
    for (char *p = lines; *p; p++)
        n += *p == '\n';
    cr_assert_eq(n, 3, "%s", lines);
    char *l2 = strchr(lines, '\n') + 1;
    cr_assert(!strncmp(l2, "{\"file\":\"", 9) && strstr(l2, "\"status\":\"unreadable\""), "%s",
              lines);
    cr_assert(strstr(lines, "\"concept\":\"ecd:PeoActuallyPaidCompAmt\",\"context\":\"FY2022\","
                            "\"displayed\":\"8,046.50\""),
              "%s", lines);
    free(lines);
    run_result_free(&r);

    /* without the broken file: findings exit 1; the agreeing one alone 0 */
    const char *args2[] = {"verify", "--ixbrl", DATA "cbak-agree.htm", DATA "defect-sum.htm", NULL};
    r = run_paycalc(args2);
    cr_assert_eq(r.status, 1, "%s%s", r.out, r.err);
    run_result_free(&r);
    const char *args3[] = {"verify", "--ixbrl", DATA "cbak-agree.htm",
                           SOURCE_DIR "/inputs/cbak-fy2022", NULL};
    r = run_paycalc(args3);
    cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
    cr_assert(strstr(r.out, "No findings"), "%s", r.out);
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
    free(broken);
    free(jsonl);
}

Test(ixbrl_findings, against_the_computation_a_wrong_tag_is_a_mismatch_naming_its_fact)
{
    pc_checks checks;
    verify_file(DATA "defect-sum.htm", SOURCE_DIR "/inputs/cbak-fy2022", &checks);
    cr_assert_eq(checks.findings.count, 2);
    bool mismatch = false, sum = false;
    for (size_t i = 0; i < checks.findings.count; i++) {
        const pc_finding *f = &checks.findings.items[i];
        if (!strcmp(f->check, "mismatch")) {
            mismatch =
                !strcmp(f->subject, "li-yunfei") && !strcmp(f->item, "change_fv_prior_unvested") &&
                f->difference_micro == 1000 * PC_MICRO && !strcmp(f->concept, "ecd:AdjToCompAmt") &&
                !strcmp(f->context, "FY2022_PeoMember_change_fv_prior_unvested");
        }
        sum |= !strcmp(f->check, "adjustments_do_not_sum");
    }
    cr_assert(mismatch && sum);
    pc_checks_fini(&checks);
}
