/*
 * The Charts sheet of report.xlsx (SPEC section 9; the relationship
 * disclosure of Item 402(v)(5)): compensation actually paid (each PEO and
 * the non-PEO NEO average, as columns) beside the company's and the peer
 * group's TSR, then net income and the company-selected measure, each
 * chart once, with axis titles and units, on a sheet of their own that
 * prints on one landscape page.
 *
 * The charts plot a small table under them on the same sheet, one row per
 * covered year oldest first, whose cells refer to the Pay vs Performance
 * table: the charts follow any change a reader makes there, run left to
 * right in time without a reversed axis (which would draw each cluster's
 * columns in the reverse of the legend's order), and the table shows what
 * they plot.
 *
 * libxlsxwriter 1.1.4 (Debian's) has neither combined charts nor a
 * secondary value axis, so a measure goes in its own chart beside the CAP
 * chart rather than on a second axis of it.
 *
 * Text from the inputs becomes a chart name only when it cannot be taken
 * for a formula: libxlsxwriter reads a name starting with '=' as a cell
 * reference, so the company-selected measure's name is used as it is
 * unless it starts with '=', when its header cell (a reference, never
 * parsed) names it instead.
 */
#include "sheets.h"

#include <stdio.h>

/* Charts are 480 x 259 pixels (the default 480 x 288 at 90% height), about
 * 13 rows of 20 pixels; two side by side, two rows of them on the page. */
#define CHART_Y_SCALE 0.9
#define CHART_ROWS 15
#define RIGHT_CHART_OFFSET 500
/* The chart table's columns: year, a CAP column per PEO slot, the average
 * CAP, TSR, peer TSR, net income, the measure. */
#define DATA_COL_YEAR 0

typedef struct chart_table {
    int32_t first_row, last_row; /* the years, oldest first */
    int peo_col[PC_MAX_PEOS * PC_MAX_YEARS];
    int avg_col, tsr_col, peer_col, ni_col, csm_col; /* PC_XLSX_NONE when not charted */
} chart_table;

static lxw_chart *new_chart(pc_xlsx *w, uint8_t type, const char *title, const char *y_name,
                            const char *num_format)
{
    lxw_chart *chart = workbook_add_chart(w->wb, type);
    if (!chart) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    /* libxlsxwriter copies the fonts. */
    lxw_chart_font title_font = {.size = 12, .bold = 1};
    lxw_chart_font axis_name_font = {.size = 9};
    if (title)
        chart_title_set_name(chart, pc_xlsx_words(w, title));
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_name(chart->x_axis, pc_xlsx_words(w, "Fiscal year"));
    chart_axis_set_name_font(chart->x_axis, &axis_name_font);
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    if (y_name) {
        chart_axis_set_name(chart->y_axis, pc_xlsx_words(w, y_name));
        chart_axis_set_name_font(chart->y_axis, &axis_name_font);
    }
    chart_axis_set_num_format(chart->y_axis, num_format);
    return chart;
}

static void add_series(pc_xlsx *w, lxw_chart *chart, const chart_table *t, const char *name,
                       int col)
{
    if (!chart || col == PC_XLSX_NONE)
        return;
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    chart_series_set_categories(s, PC_XLSX_SHEET_CHARTS, (lxw_row_t)t->first_row, DATA_COL_YEAR,
                                (lxw_row_t)t->last_row, DATA_COL_YEAR);
    chart_series_set_values(s, PC_XLSX_SHEET_CHARTS, (lxw_row_t)t->first_row, (lxw_col_t)col,
                            (lxw_row_t)t->last_row, (lxw_col_t)col);
    if (name)
        chart_series_set_name(s, pc_xlsx_words(w, name));
    else /* the company-selected measure: its header cell */
        chart_series_set_name_range(s, PC_XLSX_SHEET_CHARTS, (lxw_row_t)t->first_row - 1,
                                    (lxw_col_t)col);
    if (chart->type == LXW_CHART_LINE)
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
}

static void insert(pc_xlsx *w, lxw_chart *chart, int32_t row, bool right)
{
    if (!chart)
        return;
    lxw_chart_options opt = {
        .x_offset = right ? RIGHT_CHART_OFFSET : 0, .y_offset = 4, .y_scale = CHART_Y_SCALE};
    pc_xlsx_check(w, worksheet_insert_chart_opt(w->charts, (lxw_row_t)row, 0, chart, &opt));
}

/* A cell of the chart table: a reference to the Pay vs Performance cell
 * (at `pvp_row`, `pvp_col`) with its value, or a blank (a gap in the
 * chart) when the table has nothing there. */
static void table_cell(pc_xlsx *w, int32_t row, int col, int32_t pvp_row, int pvp_col, bool has,
                       double value, lxw_format *fmt)
{
    if (col == PC_XLSX_NONE)
        return;
    if (!has || pvp_col == PC_XLSX_NONE) {
        pc_xlsx_blank(w, w->charts, row, col, fmt);
        return;
    }
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
    pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_PVP, pvp_row, pvp_col);
    snprintf(formula, sizeof formula, "=%s", ref);
    pc_xlsx_formula(w, w->charts, row, col, formula, fmt, value);
}

/* The chart table, under the charts: headers, then a row per covered year,
 * oldest first (the Pay vs Performance table lists the most recent first,
 * from w->at.pvp_first_row). */
static void write_table(pc_xlsx *w, int32_t row, chart_table *t)
{
    const pc_report *r = w->report;
    const char *titles[PC_MAX_PEOS * PC_MAX_YEARS + 8];
    char slot_titles[PC_MAX_PEOS * PC_MAX_YEARS][48];
    double widths[PC_MAX_PEOS * PC_MAX_YEARS + 8];
    size_t n = 0;
    titles[n] = "Fiscal Year";
    widths[n++] = 10;
    for (size_t k = 0; k < w->at.pvp_npeo_cols; k++) {
        if (w->at.pvp_npeo_cols == 1)
            snprintf(slot_titles[k], sizeof slot_titles[k], "PEO");
        else
            snprintf(slot_titles[k], sizeof slot_titles[k], "PEO %zu", k + 1);
        t->peo_col[k] = (int)n;
        titles[n] = slot_titles[k];
        widths[n++] = 14;
    }
    t->avg_col = (int)n;
    titles[n] = "Average of Non-PEO NEOs";
    /* "Average of Non-PEO" on one line: in a narrower column a spreadsheet
     * breaks at the hyphen ("Non-" / "PEO NEOs"). */
    widths[n++] = 20;
    t->tsr_col = (int)n;
    titles[n] = "Company TSR";
    widths[n++] = 12;
    t->peer_col = t->ni_col = t->csm_col = PC_XLSX_NONE;
    if (w->at.pvp_peer_col != PC_XLSX_NONE) {
        t->peer_col = (int)n;
        titles[n] = "Peer Group TSR";
        widths[n++] = 12;
    }
    t->ni_col = (int)n;
    titles[n] = "Net Income";
    widths[n++] = 16;
    const char *measure = w->ds->config.company_selected_measure;
    if (w->at.pvp_csm_col != PC_XLSX_NONE && measure) {
        t->csm_col = (int)n;
        titles[n] = measure;
        widths[n++] = 16;
    }
    pc_xlsx_headers(w, w->charts, row, titles, widths, n);
    t->first_row = ++row;
    size_t years = r->pvp.count;
    for (size_t y = 0; y < years && pc_xlsx_ok(w); y++, row++) {
        /* Ascending years: the engine keeps r->pvp ascending. */
        const pc_pvp_row *p = &r->pvp.items[y];
        int32_t at = w->at.pvp_first_row + (int32_t)(years - 1 - y);
        pc_xlsx_number(w, w->charts, row, DATA_COL_YEAR, p->year, w->f.year);
        for (size_t k = 0; k < w->at.pvp_npeo_cols; k++) {
            const pc_pvp_peo *peo = pc_xlsx_slot_peo(w, k, p);
            table_cell(w, row, t->peo_col[k], at, w->at.pvp_peo_cap_col[k], peo != NULL,
                       peo ? (double)peo->cap / 100.0 : 0, w->f.cap);
        }
        table_cell(w, row, t->avg_col, at, w->at.pvp_avg_cap_col, p->has_average,
                   (double)p->avg_cap / 100.0, w->f.cap);
        table_cell(w, row, t->tsr_col, at, w->at.pvp_tsr_col, true, (double)p->tsr / 100.0,
                   w->f.tsr);
        table_cell(w, row, t->peer_col, at, w->at.pvp_peer_col, p->has_peer_tsr,
                   (double)p->peer_tsr / 100.0, w->f.tsr);
        table_cell(w, row, t->ni_col, at, w->at.pvp_net_income_col, p->has_net_income,
                   (double)p->net_income / 100.0, w->f.scaled[w->ds->config.net_income_units]);
        table_cell(w, row, t->csm_col, at, w->at.pvp_csm_col, p->has_csm,
                   (double)p->csm_micro / 1e6,
                   w->ds->config.csm_units != PC_UNITS_ONES ? w->f.scaled[w->ds->config.csm_units]
                                                            : w->f.micros[w->at.pvp_csm_decimals]);
    }
    t->last_row = row - 1;
}

/* The unit of an axis: "USD", "USD thousands", "USD millions". */
static const char *money_axis(pc_units units)
{
    return units == PC_UNITS_THOUSANDS  ? "USD thousands"
           : units == PC_UNITS_MILLIONS ? "USD millions"
                                        : "USD";
}

static const char *scaled_format(pc_units units)
{
    return units == PC_UNITS_THOUSANDS  ? "#,##0,"
           : units == PC_UNITS_MILLIONS ? "#,##0.0,,"
                                        : PC_XLSX_FMT_DOLLARS;
}

void pc_xlsx_write_charts(pc_xlsx *w)
{
    lxw_worksheet *ws = w->charts;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Compensation Actually Paid and Performance", first, last);
    pc_xlsx_page_setup(w, ws, 1, false);
    worksheet_fit_to_pages(ws, 1, 1);
    if (r->pvp.count == 0) {
        pc_xlsx_note(w, ws, PC_XLSX_HEADER_ROW, "No covered years: nothing to chart.");
        return;
    }
    bool net_income = false, csm = false, peer = false;
    int64_t csm_min = 0;
    for (size_t i = 0; i < r->pvp.count; i++) {
        net_income = net_income || r->pvp.items[i].has_net_income;
        csm = csm || r->pvp.items[i].has_csm;
        if (r->pvp.items[i].has_csm && r->pvp.items[i].csm_micro < csm_min)
            csm_min = r->pvp.items[i].csm_micro;
        peer = peer || r->pvp.items[i].has_peer_tsr;
    }
    /* The charts take two rows of CHART_ROWS from the header row; their
     * table follows. */
    int32_t top = PC_XLSX_HEADER_ROW;
    chart_table t;
    write_table(w, top + 2 * CHART_ROWS + 1, &t);

    lxw_chart *cap =
        new_chart(w, LXW_CHART_COLUMN, "Compensation Actually Paid", "USD", PC_XLSX_FMT_DOLLARS);
    for (size_t k = 0; k < w->at.pvp_npeo_cols; k++) {
        char name[32];
        if (w->at.pvp_npeo_cols == 1)
            snprintf(name, sizeof name, "PEO");
        else
            snprintf(name, sizeof name, "PEO %zu", k + 1);
        add_series(w, cap, &t, name, t.peo_col[k]);
    }
    add_series(w, cap, &t, "Average of Non-PEO NEOs", t.avg_col);
    insert(w, cap, top, false);

    lxw_chart *tsr = new_chart(w, LXW_CHART_LINE, "Total Shareholder Return",
                               "Value of $100 invested (USD)", "#,##0");
    add_series(w, tsr, &t, "Company TSR", t.tsr_col);
    if (peer)
        add_series(w, tsr, &t, "Peer Group TSR", t.peer_col);
    insert(w, tsr, top, true);

    if (net_income) {
        lxw_chart *ni =
            new_chart(w, LXW_CHART_LINE, "Net Income", money_axis(config->net_income_units),
                      scaled_format(config->net_income_units));
        add_series(w, ni, &t, "Net Income", t.ni_col);
        insert(w, ni, top + CHART_ROWS, false);
    }
    if (csm && t.csm_col != PC_XLSX_NONE) {
        /* The measure's own name as the title, unless libxlsxwriter would
         * read it as a reference; then its header cell. */
        const char *name = config->company_selected_measure;
        bool literal = name && *name && *name != '=';
        char fmt[64];
        if (config->csm_units != PC_UNITS_ONES)
            snprintf(fmt, sizeof fmt, "%s", scaled_format(config->csm_units));
        else
            pc_xlsx_decimal_format(w->at.pvp_csm_decimals, fmt, sizeof fmt);
        pc_buf own_unit = {0};
        lxw_chart *m = new_chart(w, LXW_CHART_LINE, literal ? name : NULL,
                                 pc_xlsx_csm_axis(w, &own_unit), fmt);
        pc_buf_fini(&own_unit); /* libxlsxwriter copies the axis title */
        /* The value axis starts at zero, so the line's height reads as the
         * measure's size, as the CAP columns' do (a negative year lets the
         * axis go below it). */
        if (m && csm_min >= 0)
            chart_axis_set_min(m->y_axis, 0);
        if (m && !literal)
            chart_title_set_name_range(m, PC_XLSX_SHEET_CHARTS, (lxw_row_t)t.first_row - 1,
                                       (lxw_col_t)t.csm_col);
        add_series(w, m, &t, literal ? name : NULL, t.csm_col);
        insert(w, m, top + CHART_ROWS, true);
    }
}
