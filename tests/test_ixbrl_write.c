/*
 * The tagged Pay versus Performance section run writes (SPEC section 15):
 * every section written for CBAK, the golden set, Meridian and generated
 * sets (several PEOs in a year, a smaller reporting company, a larger one,
 * negative CAP, ECD 2023) passes the kit's syntax check and the project's
 * own check (tests/ixbrl_check.c); each rule of that check fails on a
 * defect seeded into a written section; the same inputs give the same
 * bytes; paycalc.json's cik and ecd_year and the disclosure/ texts.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ixbrl_check.h"
#include "paycalc/text.h"
#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"
#define MERIDIAN SOURCE_DIR "/inputs/meridian-fy2024"
#define GOLDEN SOURCE_DIR "/tests/data/golden-nonsrc"
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    snprintf(s, n, "%s/%s", a, b);
    return s;
}

/* Runs `set` into a new folder; returns the path of the .htm in its ixbrl/. */
static char *run_section(const char *set, char **out_dir)
{
    char *out = make_temp_dir();
    const char *args[] = {"run", set, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s: %s", set, r.err);
    run_result_free(&r);
    char *folder = join(out, "ixbrl");
    DIR *d = opendir(folder);
    cr_assert_not_null(d, "%s: no ixbrl/ folder", set);
    char *htm = NULL;
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.')
            files++;
        if (n > 4 && !strcmp(e->d_name + n - 4, ".htm"))
            htm = join(folder, e->d_name);
    }
    closedir(d);
    free(folder);
    cr_assert_eq(files, 5, "%s: ixbrl/ holds %d files, not the document and its taxonomy", set,
                 files);
    cr_assert_not_null(htm);
    *out_dir = out;
    return htm;
}

static void assert_clean(const char *set)
{
    char *out;
    char *htm = run_section(set, &out);
    char *findings = ixbrl_check(htm);
    cr_assert_str_empty(findings, "%s:\n%s", set, findings);
    free(findings);
    free(htm);
    remove_dir(out);
    free(out);
}

/* A generated input set (tests/gen_inputs.py) of `years` covered years. */
static char *generated(int years)
{
    char *dir = make_temp_dir();
    char y[8];
    snprintf(y, sizeof y, "%d", years);
    const char *args[] = {GENERATOR, dir,          "--neos", "4",       "--awards-per-person",
                          "3",       "--tranches", "3",      "--years", y,
                          "--seed",  "7",          NULL};
    run_result r = run_python(args);
    cr_assert_eq(r.status, 0, "gen_inputs.py: %s", r.err);
    run_result_free(&r);
    return dir;
}

/* Replaces the first `from` in the file `dir`/`name` by `to`. */
static void edit_file(const char *dir, const char *name, const char *from, const char *to)
{
    char *path = join(dir, name);
    char *text = read_file(path, NULL);
    cr_assert_not_null(text, "%s", path);
    char *at = strstr(text, from);
    cr_assert_not_null(at, "%s: no '%s'", path, from);
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *edited = malloc(n);
    snprintf(edited, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    cr_assert_eq(write_text(path, edited), 0);
    free(edited);
    free(text);
    free(path);
}

static char *copy_of(const char *set)
{
    char *dir = make_temp_dir();
    cr_assert_eq(copy_dir(set, dir), 0);
    return dir;
}

Test(ixbrl_write, the_sections_of_cbak_the_golden_set_and_meridian_pass_every_check)
{
    assert_clean(CBAK);
    assert_clean(GOLDEN);
    assert_clean(MERIDIAN);
}

Test(ixbrl_write, generated_sets_pass_larger_smaller_and_two_peos_in_a_year)
{
    char *larger = generated(5), *smaller = generated(3);
    assert_clean(larger);
    assert_clean(smaller);
    /* Two PEOs in 2019: each on ecd:IndividualAxis with his name. */
    edit_file(larger, "roles.csv", "2019,p00001,NEO,", "2019,p00001,PEO,");
    char *out;
    char *htm = run_section(larger, &out);
    char *findings = ixbrl_check(htm);
    cr_assert_str_empty(findings, "two PEOs:\n%s", findings);
    char *text = read_file(htm, NULL);
    cr_assert_not_null(strstr(text, "dimension=\"ecd:IndividualAxis\""));
    cr_assert_not_null(strstr(text, "name=\"ecd:PeoName\" contextRef=\"D2019_P00001Member\""));
    free(text);
    free(findings);
    free(htm);
    remove_dir(out);
    free(out);
    /* ECD 2023: company members for every line, declared in the schema. */
    edit_file(larger, "paycalc.json", "\"smaller_reporting_company\"",
              "\"ecd_year\": 2023, \"cik\": \"0000123456\", \"smaller_reporting_company\"");
    assert_clean(larger);
    remove_dir(larger);
    remove_dir(smaller);
    free(larger);
    free(smaller);
}

Test(ixbrl_write, negative_figures_are_magnitudes_with_sign_and_parentheses_outside_the_tag)
{
    char *out;
    char *htm = run_section(CBAK, &out);
    char *text = read_file(htm, NULL);
    /* CBAK's PEO CAP for 2022 is -$8,046.50. */
    cr_assert_not_null(strstr(text, "$(<ix:nonFraction name=\"ecd:PeoActuallyPaidCompAmt\" "
                                    "contextRef=\"D2022\" unitRef=\"USD\" decimals=\"2\" "
                                    "format=\"ixt:num-dot-decimal\" sign=\"-\">8,046.50"
                                    "</ix:nonFraction>)"));
    /* A smaller reporting company: no peer TSR, measure or tabular list. */
    cr_assert_null(strstr(text, "PeerGroupTotalShareholderRtnAmt"));
    cr_assert_null(strstr(text, "CoSelectedMeasure"));
    cr_assert_null(strstr(text, "TabularListTableTextBlock"));
    cr_assert_null(strstr(text, "EntityCentralIndexKey"), "no cik, no CIK fact");
    free(text);
    free(htm);
    remove_dir(out);
    free(out);
}

Test(ixbrl_write, the_same_inputs_give_the_same_bytes)
{
    char *a, *b;
    char *ha = run_section(MERIDIAN, &a), *hb = run_section(MERIDIAN, &b);
    static const char *const files[] = {"mrdn-20241231.htm", "mrdn-20241231.xsd",
                                        "mrdn-20241231_def.xml", "mrdn-20241231_pre.xml",
                                        "mrdn-20241231_lab.xml"};
    for (size_t i = 0; i < 5; i++) {
        char *da = join(a, "ixbrl"), *db = join(b, "ixbrl");
        char *pa = join(da, files[i]), *pb = join(db, files[i]);
        size_t na, nb;
        char *x = read_file(pa, &na), *y = read_file(pb, &nb);
        cr_assert_not_null(x, "%s", pa);
        cr_assert(y && na == nb && !memcmp(x, y, na), "%s differs between runs", files[i]);
        free(x);
        free(y);
        free(pa);
        free(pb);
        free(da);
        free(db);
    }
    free(ha);
    free(hb);
    remove_dir(a);
    remove_dir(b);
    free(a);
    free(b);
}

/* ---- each rule fails on its seeded defect ------------------------------------------ */

typedef struct defect {
    const char *rule;
    const char *from; /* the first occurrence is replaced ... */
    const char *to;
    int occurrence; /* ... or this one (1-based; 0 means 1) */
    bool alone;     /* the rule is the only one to fire */
} defect;

static char *replace_nth(const char *text, const char *from, const char *to, int nth)
{
    const char *at = text;
    for (int i = 0; i < (nth ? nth : 1); i++) {
        at = strstr(i ? at + 1 : at, from);
        cr_assert_not_null(at, "no occurrence %d of '%s'", i + 1, from);
    }
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return s;
}

static void seed(const char *htm, const defect *d)
{
    char *text = read_file(htm, NULL);
    char *bad = replace_nth(text, d->from, d->to, d->occurrence);
    cr_assert_eq(write_text(htm, bad), 0);
    char *findings = ixbrl_check(htm);
    cr_assert_gt(ixbrl_count(findings, d->rule), 0, "%s not found for '%s':\n%s", d->rule, d->to,
                 findings);
    if (d->alone) {
        int all = 0;
        for (const char *p = findings; *p; p++)
            all += *p == '\n';
        cr_assert_eq(all, ixbrl_count(findings, d->rule), "%s: other rules fired too:\n%s", d->rule,
                     findings);
    }
    cr_assert_eq(write_text(htm, text), 0); /* the next defect starts from the written section */
    free(findings);
    free(bad);
    free(text);
}

Test(ixbrl_write, each_rule_fails_on_its_seeded_defect)
{
    char *out;
    char *htm = run_section(MERIDIAN, &out);
    char *clean = ixbrl_check(htm);
    cr_assert_str_empty(clean, "%s", clean);
    free(clean);
    const defect defects[] = {
        {"syntax", "<ix:hidden>", "<ix:hidden><ix:bogus/>", 0, true},
        {"unresolved_ref", "name=\"ecd:TotalShareholderRtnAmt\" contextRef=\"D2024\"",
         "name=\"ecd:TotalShareholderRtnAmt\" contextRef=\"D1999\"", 0, true},
        {"unresolved_ref", "unitRef=\"USD\"", "unitRef=\"EUR\"", 0, true},
        {"unknown_concept", "name=\"ecd:TotalShareholderRtnAmt\"",
         "name=\"ecd:TotalShareholderReturnAmt\"", 0, true},
        {"unknown_member",
         "ecd:DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember<",
         "mrdn:DividendsMember<", 0, true},
        {"dimension_not_allowed", "name=\"ecd:TotalShareholderRtnAmt\" contextRef=\"D2024\"",
         "name=\"ecd:TotalShareholderRtnAmt\" contextRef=\"D2024_Neo_dividends\"", 0, true},
        /* a deduction tagged positive: the sign slip of real filings */
        {"dqc_0177", "format=\"ixt:num-dot-decimal\" sign=\"-\">",
         "format=\"ixt:num-dot-decimal\">", 0, false},
        {"dqc_0191", "name=\"ecd:PeoTotalCompAmt\" contextRef=\"D2024\"",
         "name=\"ecd:PeoTotalCompAmt\" contextRef=\"D2024_Neo_dividends\"", 0, false},
    };
    for (size_t i = 0; i < sizeof defects / sizeof *defects; i++)
        seed(htm, &defects[i]);
    free(htm);
    remove_dir(out);
    free(out);
}

/* duplicate_differs and dqc_0177 need a changed figure, not a changed tag:
 * the second PEO SCT total of 2024 (the reconciliation's) and an adjustment
 * get another digit. */
static void change_digit_after(const char *htm, const char *tag, int nth, const char *rule)
{
    char *text = read_file(htm, NULL);
    char *at = text;
    for (int i = 0; i < nth; i++) {
        at = strstr(i ? at + 1 : at, tag);
        cr_assert_not_null(at, "no occurrence %d of %s", i + 1, tag);
    }
    char *digit = strchr(at, '>') + 1;
    cr_assert(*digit >= '0' && *digit <= '9', "%.40s", digit);
    char *before = pc_strdup(text);
    *digit = *digit == '9' ? '1' : (char)(*digit + 1);
    cr_assert_eq(write_text(htm, text), 0);
    char *findings = ixbrl_check(htm);
    cr_assert_gt(ixbrl_count(findings, rule), 0, "%s not found:\n%s", rule, findings);
    int all = 0;
    for (const char *p = findings; *p; p++)
        all += *p == '\n';
    cr_assert_eq(all, ixbrl_count(findings, rule), "other rules fired too:\n%s", findings);
    cr_assert_eq(write_text(htm, before), 0);
    free(findings);
    free(before);
    free(text);
}

Test(ixbrl_write, a_changed_figure_fails_duplicates_or_dqc_0177_alone)
{
    char *out;
    char *htm = run_section(MERIDIAN, &out);
    change_digit_after(htm, "name=\"ecd:PeoTotalCompAmt\" contextRef=\"D2024\"", 2,
                       "duplicate_differs");
    change_digit_after(htm, "name=\"ecd:AdjToCompAmt\"", 1, "dqc_0177");
    free(htm);
    remove_dir(out);
    free(out);
}

Test(ixbrl_write, dqc_0188_fails_when_ecd_2024_has_no_standard_member)
{
    /* A section written with ECD 2023 company members, relabelled 2025. */
    char *set = copy_of(MERIDIAN);
    edit_file(set, "paycalc.json", "\"smaller_reporting_company\"",
              "\"ecd_year\": 2023, \"smaller_reporting_company\"");
    char *out;
    char *htm = run_section(set, &out);
    char *text = read_file(htm, NULL);
    char *a = replace_nth(text, "http://xbrl.sec.gov/ecd/2023", "http://xbrl.sec.gov/ecd/2025", 0);
    char *b = replace_nth(a, "http://xbrl.sec.gov/dei/2023", "http://xbrl.sec.gov/dei/2025", 0);
    char *c = replace_nth(b, "http://fasb.org/us-gaap/2023", "http://fasb.org/us-gaap/2025", 0);
    cr_assert_eq(write_text(htm, c), 0);
    char *findings = ixbrl_check(htm);
    cr_assert_eq(ixbrl_count(findings, "dqc_0188"), 1, "%s", findings);
    free(findings);
    free(a);
    free(b);
    free(c);
    free(text);
    free(htm);
    remove_dir(out);
    free(out);
    remove_dir(set);
    free(set);
}

/* ---- paycalc.json and disclosure/ ----------------------------------------------------- */

static run_result check_with(const char *set)
{
    const char *args[] = {"check", set, NULL};
    return run_paycalc(args);
}

Test(ixbrl_write, cik_and_ecd_year_are_checked_where_they_are_written)
{
    static const char *const bad[][2] = {{"\"cik\": \"123\", ", "cik: invalid value '123'"},
                                         {"\"cik\": 1117171, ", "cik: must be"},
                                         {"\"ecd_year\": 2022, ", "ecd_year: invalid value 2022"}};
    for (size_t i = 0; i < 3; i++) {
        char *set = copy_of(CBAK);
        char *edited = malloc(strlen(bad[i][0]) + 40);
        sprintf(edited, "%s\"smaller_reporting_company\"", bad[i][0]);
        edit_file(set, "paycalc.json", "\"smaller_reporting_company\"", edited);
        run_result r = check_with(set);
        cr_assert_eq(r.status, 3, "%s", r.err);
        cr_assert_not_null(strstr(r.err, bad[i][1]), "%s", r.err);
        cr_assert_not_null(strstr(r.err, "paycalc.json:"), "names the file: %s", r.err);
        run_result_free(&r);
        free(edited);
        remove_dir(set);
        free(set);
    }
}

Test(ixbrl_write, disclosure_texts_go_into_their_blocks_escaped)
{
    char *set = copy_of(MERIDIAN);
    char *folder = join(set, "disclosure");
    cr_assert_eq(mkdir(folder, 0755), 0);
    char *tsr = join(folder, "relationship-cap-tsr.md");
    cr_assert_eq(write_text(tsr, "# CAP and TSR\n\nCAP <rose> & fell with TSR.\n- one\n- two\n"),
                 0);
    char *list = join(folder, "tabular-list.txt");
    cr_assert_eq(write_text(list, "- Adjusted operating income\n- Revenue\n- Relative TSR\n"), 0);
    edit_file(set, "paycalc.json", "\"smaller_reporting_company\"",
              "\"cik\": \"0001234567\", \"smaller_reporting_company\"");
    char *out;
    char *htm = run_section(set, &out);
    char *findings = ixbrl_check(htm);
    cr_assert_str_empty(findings, "%s", findings);
    char *text = read_file(htm, NULL);
    cr_assert_not_null(strstr(text, "name=\"ecd:CompActuallyPaidVsTotalShareholderRtnTextBlock\""));
    cr_assert_not_null(strstr(text, "CAP &lt;rose&gt; &amp; fell with TSR."));
    cr_assert_not_null(strstr(text, "<li>two</li>"));
    cr_assert_not_null(strstr(text, "contextRef=\"D2024_Measure3\">Relative TSR<"));
    cr_assert_not_null(strstr(text, ">0001234567</xbrli:identifier>"));
    cr_assert_not_null(strstr(text, "name=\"dei:EntityCentralIndexKey\""));
    free(text);
    free(findings);
    free(htm);
    remove_dir(out);
    free(out);
    free(tsr);
    free(list);
    free(folder);
    remove_dir(set);
    free(set);
}

Test(ixbrl_write, the_folder_goes_beside_the_json_or_where_ixbrl_says)
{
    char *dir = make_temp_dir();
    char *json = join(dir, "pvp.json"), *xlsx = join(dir, "pvp.xlsx");
    const char *exact[] = {"run", CBAK, "--json", json, "--xlsx", xlsx, "--quiet", NULL};
    run_result r = run_paycalc(exact);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    char *beside = join(dir, "ixbrl/cbat-20221231.htm");
    cr_assert_eq(access(beside, F_OK), 0, "no ixbrl/ beside the JSON");
    char *elsewhere = join(dir, "section");
    const char *named[] = {"run", CBAK, "--out", dir, "--ixbrl", elsewhere, "--quiet", NULL};
    r = run_paycalc(named);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    char *there = join(elsewhere, "cbat-20221231_lab.xml");
    cr_assert_eq(access(there, F_OK), 0, "no section in --ixbrl DIR");
    free(there);
    free(elsewhere);
    free(beside);
    free(json);
    free(xlsx);
    remove_dir(dir);
    free(dir);
}

/* ---- The round trip with verify --ixbrl (SPEC section 15) ---- */

/* The JSON Lines object of one filing read back by verify --ixbrl against
 * its input set; the exit status in *status. */
static char *read_back(const char *htm, const char *set, const char *dir, int *status)
{
    char *jsonl = join(dir, "back.jsonl");
    const char *args[] = {"verify", "--ixbrl", htm, set, "--json", jsonl, NULL};
    run_result r = run_paycalc(args);
    *status = r.status;
    run_result_free(&r);
    char *text = read_file(jsonl, NULL);
    cr_assert_not_null(text, "verify --ixbrl wrote no %s", jsonl);
    free(jsonl);
    return text;
}

/* How many times `key` is in a filing's JSON line: findings are the
 * objects with a "severity" (the skipped checks have none). */
static int count_of(const char *line, const char *key)
{
    int n = 0;
    for (const char *p = line; (p = strstr(p, key)); p += strlen(key))
        n++;
    return n;
}

Test(ixbrl_write, the_exported_section_read_back_with_its_inputs_gives_no_finding)
{
    const char *sets[] = {CBAK, MERIDIAN, GOLDEN};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        char *out;
        char *htm = run_section(sets[i], &out);
        int status;
        char *line = read_back(htm, sets[i], out, &status);
        cr_assert_eq(status, 0, "%s:\n%s", sets[i], line);
        cr_assert_eq(count_of(line, "\"severity\":"), 0, "%s read back has findings:\n%s", sets[i],
                     line);
        free(line);
        free(htm);
        remove_dir(out);
        free(out);
    }
}

/* One tagging slip seeded into the exported section: read back with its
 * inputs, it gives exactly one finding, of `check`. */
static void one_slip(const char *htm, const char *set, const char *dir, const char *from,
                     const char *to, const char *check)
{
    char *text = read_file(htm, NULL);
    char *at = strstr(text, from);
    cr_assert_not_null(at, "no %s in the section", from);
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *bad = malloc(n);
    snprintf(bad, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    cr_assert_eq(write_text(htm, bad), 0);
    int status;
    char *line = read_back(htm, set, dir, &status);
    cr_assert_eq(status, 1, "%s: exit %d:\n%s", check, status, line);
    char key[80];
    snprintf(key, sizeof key, "\"check\":\"%s\",\"severity\":", check);
    cr_assert_eq(count_of(line, "\"severity\":"), 1, "%s: not exactly one finding:\n%s", check,
                 line);
    cr_assert_eq(count_of(line, key), 1, "%s: the finding is another one:\n%s", check, line);
    cr_assert_eq(write_text(htm, text), 0);
    free(line);
    free(bad);
    free(text);
}

/* The slip of a figure printed with its tag taken off: the first
 * ix:nonFraction whose attributes start with `attrs` loses its tag but keeps
 * its text; read back, it is exactly one missing_fact. */
static void untag_slip(const char *htm, const char *set, const char *dir, const char *attrs)
{
    char *text = read_file(htm, NULL);
    char *at = strstr(text, attrs);
    cr_assert_not_null(at, "no %s in the section", attrs);
    char *open = at;
    while (open > text && strncmp(open, "<ix:nonFraction", 15))
        open--;
    char *body = strchr(at, '>') + 1;
    char *close = strstr(body, "</ix:nonFraction>");
    cr_assert(open > text && close);
    char *from = pc_text_format("%.*s", (int)(close + 17 - open), open);
    char *to = pc_text_format("%.*s", (int)(close - body), body);
    one_slip(htm, set, dir, from, to, "missing_fact");
    free(from);
    free(to);
    free(text);
}

Test(ixbrl_write, each_tagging_slip_in_the_exported_section_gives_exactly_one_finding)
{
    char *out;
    char *htm = run_section(MERIDIAN, &out);
    /* a deduction tagged positive */
    one_slip(htm, MERIDIAN, out, "format=\"ixt:num-dot-decimal\" sign=\"-\">",
             "format=\"ixt:num-dot-decimal\">", "tagged_sign");
    /* a PEO concept on the NEO category */
    one_slip(htm, MERIDIAN, out, "name=\"ecd:PeoTotalCompAmt\" contextRef=\"D2024\"",
             "name=\"ecd:PeoTotalCompAmt\" contextRef=\"D2024_Neo_dividends\"",
             "peo_fact_on_non_peo");
    /* a printed figure left untagged (the 2024 TSR) */
    untag_slip(htm, MERIDIAN, out, "name=\"ecd:TotalShareholderRtnAmt\" contextRef=\"D2024\"");
    free(htm);
    remove_dir(out);
    free(out);
}
