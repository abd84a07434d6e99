/*
 * The pipeline in one place (compute.h): read -> engine -> the readers'
 * warnings into the report -> verify.
 */
#include "paycalc/compute.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/engine.h"
#include "paycalc/read.h"
#include "paycalc/verify.h"

/* The readers' warnings (the first `count` diagnostics) go into the report
 * before the computation's own, as "file:line" sources. */
static pc_status add_input_warnings(pc_report *report, const pc_diags *diags, size_t count)
{
    pc_report input;
    pc_report_init(&input);
    pc_status st = PC_OK;
    for (size_t i = 0; i < count && !st; i++) {
        const pc_diag *d = &diags->items[i];
        if (d->severity != PC_SEVERITY_WARNING)
            continue;
        const char *base = d->file ? strrchr(d->file, '/') : NULL;
        base = base ? base + 1 : d->file;
        char *source = NULL;
        if (base) {
            source = d->line > 0 ? pc_text_format("%s:%d", base, d->line) : pc_strdup(base);
            if (!source) {
                st = PC_ERR_NOMEM;
                break;
            }
        }
        st = pc_report_warn(&input, d->code ? d->code : "input", source, "%s", d->message);
        free(source);
    }
    for (size_t i = 0; i < report->warnings.count && !st; i++) {
        pc_warning_entry *slot = PC_ARRAY_PUSH(&input.warnings);
        if (!slot) {
            st = PC_ERR_NOMEM;
            break;
        }
        *slot = report->warnings.items[i];
        report->warnings.items[i] = (pc_warning_entry){0};
    }
    if (!st) {
        free(report->warnings.items);
        report->warnings = input.warnings;
        input.warnings.items = NULL;
        input.warnings.count = 0;
        input.warnings.capacity = 0;
    }
    pc_report_fini(&input);
    return st;
}

pc_status pc_compute_dataset(const pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    size_t input_diags = diags->count;
    pc_status st = pc_engine_run(ds, report, diags);
    if (st == PC_OK)
        st = add_input_warnings(report, diags, input_diags);
    if (st == PC_OK && ds->reported.count > 0) {
        report->has_checks = true;
        st = pc_verify_all(ds, report, &report->checks);
    }
    return st;
}

pc_status pc_compute(const char *dir, pc_dataset *ds, pc_report *report, pc_diags *diags)
{
    pc_status st = pc_read_input_set(dir, ds, diags);
    if (st == PC_OK)
        st = pc_compute_dataset(ds, report, diags);
    return st;
}

/* Whether two company names are the same, ignoring case and how the
 * spaces fall ("Meridian  freight" is "MERIDIAN Freight"). */
static bool same_name(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++;
        b++;
    }
}

static bool has_text(const char *s)
{
    return s && s[0];
}

/* Whether last year's figures (`prior`) may be of another company than
 * this year's: by ticker when both name one (a renamed company keeps its
 * ticker), else by name. A reported.csv names no company, nor does
 * `verify --reported` alone: then nothing can be told apart. */
static bool other_company(const pc_config *prior, const pc_config *now)
{
    if (has_text(prior->ticker) && has_text(now->ticker))
        return !same_name(prior->ticker, now->ticker);
    if (has_text(prior->company_name) && has_text(now->company_name))
        return !same_name(prior->company_name, now->company_name);
    return false;
}

static const char *shown(const char *s)
{
    return has_text(s) ? s : "no ticker";
}

static const char *named(const char *s)
{
    return has_text(s) ? s : "this company";
}

pc_status pc_compute_restated(const char *prior_path, const pc_dataset *ds, pc_report *report,
                              bool report_is_computed, bool any_company, pc_diags *diags)
{
    pc_dataset prior;
    pc_dataset_init(&prior);
    pc_status st = pc_read_prior(prior_path, &prior, diags);
    if (st == PC_OK && !any_company && other_company(&prior.config, &ds->config)) {
        st = pc_error(diags, prior_path, 0, 0, "prior_company",
                      "last year's report is of %s (%s), this input set of %s (%s): the "
                      "figures of two companies cannot be compared. Give last year's report of "
                      "%s, or add --prior-any-company if the company changed its name and ticker",
                      has_text(prior.config.company_name) ? prior.config.company_name
                                                          : "another company",
                      shown(prior.config.ticker), named(ds->config.company_name),
                      shown(ds->config.ticker), named(ds->config.company_name));
        if (st != PC_ERR_NOMEM)
            st = PC_ERR_INPUT;
    }
    if (st == PC_OK) {
        report->has_checks = true;
        st = pc_verify_restated(&prior, ds, report_is_computed ? report : NULL, &report->checks);
    }
    if (st == PC_OK) {
        /* The counts come from the findings themselves. */
        report->checks.errors = report->checks.rounding = 0;
        for (size_t i = 0; i < report->checks.findings.count; i++) {
            if (report->checks.findings.items[i].severity == PC_CHECK_ERROR)
                report->checks.errors++;
            else
                report->checks.rounding++;
        }
    }
    pc_dataset_fini(&prior);
    return st;
}
