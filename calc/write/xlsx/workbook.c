/*
 * report.xlsx (SPEC section 9): the workbook's lifecycle (open, formats,
 * the sheet writers in order, close). The sheet
 * writers (xlsx/sct.c, xlsx/cap.c, xlsx/pvp.c, xlsx/detail.c,
 * xlsx/charts.c) write over the cell toolkit of xlsx/cells.c and never call
 * back here.
 *
 * Atomic: libxlsxwriter opens the file by name, so it is given the name of
 * a temporary file inside the private folder of the atomic output
 * (paycalc/output.h, reports.c), where no one else can swap it; failures
 * come back as PC_ERR_WRITE with the report's path and libxlsxwriter's own
 * words (lxw_strerror) in `diags`.
 *
 * Deterministic: the same inputs give the same bytes. libxlsxwriter stamps
 * every zip entry with 1980-01-01 and takes the document's creation time
 * from the properties (the current time only when it is 0), so the writer
 * sets it to the last covered fiscal year end at 00:00 UTC.
 *
 * Memory: the workbook is written in libxlsxwriter's constant_memory mode,
 * in which each row goes to disk as soon as the next one starts (100,000
 * valuation rows take about 4 MB instead of 250 MB, and half the time).
 * That mode needs every sheet written strictly top to bottom, which all the
 * sheet writers do. It has a second effect the charts need: libxlsxwriter
 * then stores no cached chart values. In the default mode it caches a
 * formula cell or a blank as 0, so a viewer that does not recalculate would
 * draw every CAP as zero; without a cache every viewer reads the cells.
 */
#define _POSIX_C_SOURCE 200809L

#include "equity.h"
#include "sheets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paycalc/write.h"
#include "../report_files.h"

/* ------------------------------------------------------------- formats */

/* The formats of the proxy tables: an em dash for nil, a rule and a bold
 * name where each executive's rows start. */
static bool make_disclosure_formats(pc_xlsx *w)
{
    pc_xlsx_formats *f = &w->f;
    const char *cap =
        w->ds->config.cap_decimals == 2 ? PC_XLSX_FMT_CENTS_NIL : PC_XLSX_FMT_DOLLARS_NIL;
    lxw_format **all[] = {&f->name,      &f->nil_dollars, &f->nil_cap,     &f->nil_cap_sum,
                          &f->rule_name, &f->rule_year,   &f->rule_dollars};
    const char *num[] = {NULL, PC_XLSX_FMT_DOLLARS_NIL, cap, cap, NULL,
                         "0",  PC_XLSX_FMT_DOLLARS_NIL};
    _Static_assert(sizeof all / sizeof all[0] == sizeof num / sizeof num[0],
                   "a number format for every format");
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        *all[i] = pc_xlsx_add_format(w, num[i]);
        if (!*all[i])
            return false;
    }
    /* display_units: the value stays in dollars, the format scales it. */
    f->scaled[PC_UNITS_ONES] = f->nil_dollars;
    f->scaled[PC_UNITS_THOUSANDS] = pc_xlsx_add_format(w, "#,##0,;(#,##0,);\"\xe2\x80\x94\"");
    f->scaled[PC_UNITS_MILLIONS] = pc_xlsx_add_format(w, "#,##0.0,,;(#,##0.0,,);\"\xe2\x80\x94\"");
    if (!f->scaled[PC_UNITS_THOUSANDS] || !f->scaled[PC_UNITS_MILLIONS])
        return false;
    f->flag = pc_xlsx_add_format(w, NULL);
    if (!f->flag)
        return false;
    format_set_bold(f->flag);
    format_set_bg_color(f->flag, 0xF4B6B0);
    format_set_font_color(f->flag, 0x9C0006);
    format_set_bold(f->name);
    format_set_text_wrap(f->name);
    format_set_bold(f->nil_cap_sum);
    format_set_top(f->nil_cap_sum, LXW_BORDER_THIN);
    format_set_bold(f->rule_name);
    format_set_text_wrap(f->rule_name);
    format_set_align(f->rule_year, LXW_ALIGN_LEFT);
    lxw_format *ruled[] = {f->rule_name, f->rule_year, f->rule_dollars};
    for (size_t i = 0; i < sizeof ruled / sizeof ruled[0]; i++)
        format_set_top(ruled[i], LXW_BORDER_THIN);
    return true;
}

/* Every format the sheets use, once each has all its properties: formats
 * that came out the same (text and subtitle, cents and the CAP figures in
 * cents, a 0- or 2-decimal published figure and dollars or cents, ...)
 * become one (pc_xlsx_share_format says why). */
static void share_formats(pc_xlsx *w)
{
    pc_xlsx_formats *f = &w->f;
    lxw_format **all[] = {
        &f->title,     &f->subtitle,     &f->header,    &f->text,        &f->wrap,
        &f->bold,      &f->note,         &f->note_more, &f->year,        &f->integer,
        &f->dollars,   &f->cents,        &f->cap,       &f->cap_sum,     &f->cap_total,
        &f->cap_label, &f->rate,         &f->tsr,       &f->price,       &f->percent,
        &f->decimal,   &f->date,         &f->centred,   &f->micros[0],   &f->micros[1],
        &f->micros[2], &f->micros[3],    &f->micros[4], &f->micros[5],   &f->micros[6],
        &f->name,      &f->nil_dollars,  &f->nil_cap,   &f->nil_cap_sum, &f->rule_name,
        &f->rule_year, &f->rule_dollars, &f->flag,      &f->scaled[0],   &f->scaled[1],
        &f->scaled[2]};
    _Static_assert(sizeof all / sizeof all[0] == sizeof(pc_xlsx_formats) / sizeof(lxw_format *),
                   "every format of pc_xlsx_formats");
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        *all[i] = pc_xlsx_share_format(w, *all[i]);
}

bool pc_xlsx_make_formats(pc_xlsx *w)
{
    pc_xlsx_formats *f = &w->f;
    bool cents_cap = w->ds->config.cap_decimals == 2;
    lxw_format **all[] = {&f->title,     &f->subtitle, &f->header,    &f->text,    &f->wrap,
                          &f->bold,      &f->note,     &f->note_more, &f->year,    &f->integer,
                          &f->dollars,   &f->cents,    &f->cap,       &f->cap_sum, &f->cap_total,
                          &f->cap_label, &f->rate,     &f->tsr,       &f->price,   &f->percent,
                          &f->decimal,   &f->date,     &f->centred};
    const char *num[] = {NULL,
                         NULL,
                         NULL,
                         NULL,
                         NULL,
                         NULL,
                         NULL,
                         NULL,
                         "0",
                         "#,##0;(#,##0)", /* shares deducted print (10,000), as in a proxy */
                         PC_XLSX_FMT_DOLLARS,
                         PC_XLSX_FMT_CENTS,
                         cents_cap ? PC_XLSX_FMT_CENTS : PC_XLSX_FMT_DOLLARS,
                         cents_cap ? PC_XLSX_FMT_CENTS : PC_XLSX_FMT_DOLLARS,
                         cents_cap ? PC_XLSX_FMT_CENTS : PC_XLSX_FMT_DOLLARS,
                         NULL,
                         PC_XLSX_FMT_RATE,
                         PC_XLSX_FMT_TSR,
                         "#,##0.00####",
                         "0.00%",
                         "0.000000",
                         "yyyy-mm-dd",
                         "0"};
    _Static_assert(sizeof all / sizeof all[0] == sizeof num / sizeof num[0],
                   "a number format for every format");
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        *all[i] = pc_xlsx_add_format(w, num[i]);
        if (!*all[i])
            return false;
    }
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_CENTER);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_BOTTOM);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->wrap);
    format_set_bold(f->bold);
    format_set_font_size(f->note, 10);
    format_set_text_wrap(f->note);
    format_set_font_size(f->note_more, 10);
    format_set_text_wrap(f->note_more);
    format_set_indent(f->note_more, 2);
    format_set_align(f->year, LXW_ALIGN_LEFT);
    /* Dates, years and line numbers centred where they stand beside text or
     * amounts, so the two do not run together. */
    format_set_align(f->date, LXW_ALIGN_CENTER);
    format_set_align(f->centred, LXW_ALIGN_CENTER);
    format_set_bold(f->cap_sum);
    format_set_bold(f->cap_total);
    format_set_top(f->cap_total, LXW_BORDER_THIN);
    format_set_bold(f->cap_label);
    format_set_top(f->cap_label, LXW_BORDER_THIN);
    format_set_text_wrap(f->cap_label);
    for (int d = 0; d <= 6; d++) {
        char fmt[64];
        pc_xlsx_decimal_format(d, fmt, sizeof fmt);
        f->micros[d] = pc_xlsx_add_format(w, fmt);
        if (!f->micros[d])
            return false;
    }
    if (!make_disclosure_formats(w))
        return false;
    share_formats(w);
    return true;
}

/* ------------------------------------------------------------ workbook */

static lxw_worksheet *add_sheet(pc_xlsx *w, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
    if (!ws)
        pc_xlsx_fail(w, PC_ERR_WRITE, "libxlsxwriter could not add the sheet '%s'", name);
    return ws;
}

/* The document properties: title, company, and a fixed creation time. */
static bool set_properties(pc_xlsx *w)
{
    const pc_config *config = &w->ds->config;
    /* A copy: libxlsxwriter's properties are not const (it copies them). */
    char *company = pc_strdup(config->company_name ? config->company_name : "");
    if (!company) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return false;
    }
    /* The creation time is fixed (see the top of this file): the last
     * covered fiscal year end at 00:00 UTC, never 0 (0 means "now"). */
    time_t created = 86400;
    if (config->nyears > 0) {
        pc_date end =
            pc_fiscal_year_end(config->fiscal_year_end, config->years[config->nyears - 1]);
        if (end > 0)
            created = (time_t)end * 86400;
    }
    lxw_doc_properties props = {
        .title = "Summary Compensation and Pay versus Performance",
        .subject = company,
        .comments = "Written by paycalc " PAYCALC_VERSION,
        .created = created,
    };
    pc_xlsx_check(w, workbook_set_properties(w->wb, &props));
    free(company);
    return pc_xlsx_ok(w);
}

/* Fills the workbook; every path ends with the caller's workbook_close. */
static void fill_workbook(pc_xlsx *w)
{
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;

    if (!set_properties(w))
        return;
    if (!pc_xlsx_make_formats(w))
        return;
    w->sct = add_sheet(w, PC_XLSX_SHEET_SCT);
    w->pvp = add_sheet(w, PC_XLSX_SHEET_PVP);
    w->cap = add_sheet(w, PC_XLSX_SHEET_CAP);
    w->charts = add_sheet(w, PC_XLSX_SHEET_CHARTS);
    lxw_worksheet *oea = add_sheet(w, PC_XLSX_SHEET_OEA);
    lxw_worksheet *oesv = add_sheet(w, PC_XLSX_SHEET_OESV);
    /* Item 402(d): not for a smaller reporting company. */
    lxw_worksheet *gpba =
        config->smaller_reporting_company ? NULL : add_sheet(w, PC_XLSX_SHEET_GPBA);
    /* The last disclosure sheet, only when the input set names directors. */
    lxw_worksheet *directors = r->directors.count ? add_sheet(w, PC_XLSX_SHEET_DIRECTORS) : NULL;
    w->cap_person = add_sheet(w, PC_XLSX_SHEET_CAP_PERSON);
    /* The SCT rows of every covered year, which CAP by Person starts from. */
    w->sct_all = add_sheet(w, PC_XLSX_SHEET_SCT_ALL);
    w->valuations = add_sheet(w, PC_XLSX_SHEET_VALUATIONS);
    /* Only when some tranche is treated as vested on retirement (SPEC
     * section 13), beside the valuations it explains. */
    lxw_worksheet *retirement = r->retirement.count ? add_sheet(w, PC_XLSX_SHEET_RETIREMENT) : NULL;
    /* The support of the equity award sheets' figures. */
    lxw_worksheet *equity_detail = add_sheet(w, PC_XLSX_SHEET_EQUITY_DETAIL);
    w->cash = add_sheet(w, PC_XLSX_SHEET_CASH);
    w->prices = add_sheet(w, PC_XLSX_SHEET_PRICES);
    /* Beside Prices, only when the input set has a stock split. */
    lxw_worksheet *splits = w->ds->splits.count ? add_sheet(w, PC_XLSX_SHEET_SPLITS) : NULL;
    w->rates = add_sheet(w, PC_XLSX_SHEET_RATES);
    lxw_worksheet *assumptions = add_sheet(w, PC_XLSX_SHEET_ASSUMPTIONS);
    lxw_worksheet *outcomes = add_sheet(w, PC_XLSX_SHEET_OUTCOMES);
    lxw_worksheet *terms = add_sheet(w, PC_XLSX_SHEET_AWARD_TERMS);
    /* Only when Grants of Plan-Based Awards shows a non-equity plan award. */
    lxw_worksheet *plan_targets =
        r->equity.nonequity.count ? add_sheet(w, PC_XLSX_SHEET_PLAN_TARGETS) : NULL;
    lxw_worksheet *performance = add_sheet(w, PC_XLSX_SHEET_PERFORMANCE);
    w->tsr = add_sheet(w, PC_XLSX_SHEET_TSR);
    lxw_worksheet *peer_tsr =
        pc_xlsx_has_peer_tsr_sheet(w) ? add_sheet(w, PC_XLSX_SHEET_PEER_TSR) : NULL;
    if (pc_xlsx_has_checks_sheet(r))
        w->checks = add_sheet(w, PC_XLSX_SHEET_CHECKS);
    w->audit = add_sheet(w, PC_XLSX_SHEET_AUDIT);
    if (!pc_xlsx_ok(w))
        return;

    /* Calloc'ed with a count of at least 1, so an empty report needs no
     * special case. */
    w->at.sct_row = calloc(r->sct.count + 1, sizeof *w->at.sct_row);
    w->at.cap_row = calloc(r->cap.count + 1, sizeof *w->at.cap_row);
    if (!w->at.sct_row || !w->at.cap_row) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }

    /* The sheets Pay vs Performance points into come first. */
    pc_xlsx_plan_cash(w);
    pc_xlsx_plan_valuations(w);
    pc_xlsx_plan_prices(w);
    pc_xlsx_plan_inputs(w);
    pc_xlsx_plan_peer_tsr(w);
    pc_xlsx_plan_equity_detail(w);
    pc_xlsx_write_sct(w);
    pc_xlsx_write_sct_all(w);
    pc_xlsx_write_cap_person(w);
    pc_xlsx_write_cap(w);
    pc_xlsx_write_tsr(w);
    pc_xlsx_write_pvp(w);
    pc_xlsx_write_charts(w);
    pc_xlsx_write_equity_oea(w, oea);
    pc_xlsx_write_equity_oesv(w, oesv);
    if (gpba)
        pc_xlsx_write_equity_gpba(w, gpba);
    if (directors)
        pc_xlsx_write_directors(w, directors);
    pc_xlsx_write_valuations(w);
    if (retirement)
        pc_xlsx_write_retirement(w, retirement);
    pc_xlsx_write_equity_detail(w, equity_detail);
    pc_xlsx_write_cash(w);
    pc_xlsx_write_prices(w);
    if (splits)
        pc_xlsx_write_splits(w, splits);
    pc_xlsx_write_rates(w);
    pc_xlsx_write_assumptions(w, assumptions);
    pc_xlsx_write_outcomes(w, outcomes);
    pc_xlsx_write_award_terms(w, terms);
    if (plan_targets)
        pc_xlsx_write_plan_targets(w, plan_targets);
    pc_xlsx_write_performance(w, performance);
    if (peer_tsr)
        pc_xlsx_write_peer_tsr(w, peer_tsr);
    if (w->checks)
        pc_xlsx_write_checks(w);
    pc_xlsx_write_audit(w);
    worksheet_activate(w->pvp);
}

static pc_status write_file(const pc_dataset *ds, const pc_report *report, const char *file,
                            const char *path, int32_t last_row, pc_xlsx_cell_counts *counts,
                            pc_diags *diags);

pc_status pc_xlsx_write_file_counted(const pc_dataset *ds, const pc_report *report,
                                     const char *file, const char *path,
                                     pc_xlsx_cell_counts *counts, pc_diags *diags)
{
    return write_file(ds, report, file, path, PC_XLSX_LAST_ROW, counts, diags);
}

pc_status pc_xlsx_write_file_rows(const pc_dataset *ds, const pc_report *report, const char *file,
                                  const char *path, int32_t last_row, pc_diags *diags)
{
    return write_file(ds, report, file, path, last_row, NULL, diags);
}

static pc_status write_file(const pc_dataset *ds, const pc_report *report, const char *file,
                            const char *path, int32_t last_row, pc_xlsx_cell_counts *counts,
                            pc_diags *diags)
{
    pc_xlsx w;
    memset(&w, 0, sizeof w);
    w.ds = ds;
    w.report = report;
    w.last_row = last_row > PC_XLSX_FIRST_DATA_ROW && last_row < PC_XLSX_LAST_ROW
                     ? last_row
                     : PC_XLSX_LAST_ROW;
    lxw_workbook_options options = {
        .constant_memory = LXW_TRUE, /* see the top of this file */
        .tmpdir = NULL,
        .use_zip64 = 0,
    };
    w.wb = workbook_new_opt(file, &options);
    if (!w.wb) {
        pc_xlsx_fail(&w, PC_ERR_WRITE, "libxlsxwriter could not start the workbook");
    } else {
        fill_workbook(&w);
        /* Always closed: it writes the file and frees the workbook even
         * after an error, and the caller discards the file then. */
        pc_xlsx_check(&w, workbook_close(w.wb));
    }
    if (counts && w.status == PC_OK && w.err == LXW_NO_ERROR)
        *counts = w.cells;
    for (size_t i = 0; i < PC_MAX_YEARS; i++)
        pc_buf_fini(&w.peer_tsr_formula[i]);
    pc_buf_fini(&w.formula);
    pc_buf_fini(&w.scratch);
    free(w.cash_keys);
    free(w.rate_order);
    free(w.price_row);
    free(w.valuation_cut);
    free(w.valuation_row);
    free(w.outcome_by_line);
    free(w.at.sct_row);
    free(w.at.sct_grant_row);
    free(w.at.cap_row);

    if (w.status != PC_OK) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write '%s': %s", path, w.problem);
        return w.status;
    }
    if (w.err != LXW_NO_ERROR) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write '%s': %s", path,
                 lxw_strerror(w.err));
        return PC_ERR_WRITE;
    }
    return PC_OK;
}
