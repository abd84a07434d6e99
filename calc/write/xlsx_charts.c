/*
 * The charts of report.xlsx (SPEC section 9; the relationship disclosure of
 * Item 402(v)(5)): compensation actually paid against the company's TSR,
 * against net income and against the company-selected measure, and the
 * company's TSR against the peer group's. They sit on the Pay vs
 * Performance sheet under the table and plot its cells, so they follow any
 * change a reader makes there.
 *
 * libxlsxwriter 1.1.4 (Debian's) has neither combined charts nor a
 * secondary value axis, and CAP (hundreds of thousands of dollars) and TSR
 * (around $100) on one axis would flatten the TSR line. So each
 * relationship is a labelled pair side by side: CAP as columns by year on
 * the left, the measure as a line over the same years on the right. The two
 * TSR series share a scale and share one chart.
 *
 * Text from the inputs becomes a chart name only when it cannot be taken
 * for a formula: libxlsxwriter reads a name starting with '=' as a cell
 * reference, so series are named with fixed words, and the
 * company-selected measure's name is used as it is unless it starts with
 * '=', when its header cell (a reference, never parsed) names it instead.
 */
#include "xlsx_internal.h"

#include <stdio.h>

/* Charts are 480 x 259 pixels (the default 480 x 288 at 90% height), about
 * 13 rows of 20 pixels: a pair takes its label row and 15 rows, so two pairs
 * fit on a printed landscape page. The right chart of a pair starts 500
 * pixels from column A. */
#define CHART_Y_SCALE 0.9
#define CHART_ROWS 15
#define CHART_WIDTH_PX 480
#define RIGHT_CHART_OFFSET 500
/* Printable width of a landscape Letter page with the margins of
 * pc_xlsx_page_setup (11 - 2 x 0.4 inches), in pixels of 1/96 inch. */
#define PRINTABLE_WIDTH_PX (10.2 * 96)

/* A column's width in pixels: 7 per unit of width plus 5 of padding, as
 * Excel draws columns in 11-point Calibri. */
static double column_px(double width)
{
    return width * 7 + 5;
}

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
        chart_title_set_name(chart, title);
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    /* The table lists the most recent year first; the charts run left to
     * right in time, with the value axis kept on the left. */
    chart_axis_set_reverse(chart->x_axis);
    chart_axis_set_crossing_max(chart->x_axis);
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_axis_set_name(chart->x_axis, "Fiscal year");
    chart_axis_set_name_font(chart->x_axis, &axis_name_font);
    if (y_name) {
        chart_axis_set_name(chart->y_axis, y_name);
        chart_axis_set_name_font(chart->y_axis, &axis_name_font);
    }
    chart_axis_set_num_format(chart->y_axis, num_format);
    return chart;
}

static void add_series(pc_xlsx *w, lxw_chart *chart, const char *name, int col)
{
    if (!chart || col == PC_XLSX_NONE)
        return;
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    chart_series_set_categories(s, PC_XLSX_SHEET_PVP, (lxw_row_t)w->at.pvp_first_row, 0,
                                (lxw_row_t)w->at.pvp_last_row, 0);
    chart_series_set_values(s, PC_XLSX_SHEET_PVP, (lxw_row_t)w->at.pvp_first_row, (lxw_col_t)col,
                            (lxw_row_t)w->at.pvp_last_row, (lxw_col_t)col);
    if (name)
        chart_series_set_name(s, name);
    else /* the company-selected measure: its header cell */
        chart_series_set_name_range(s, PC_XLSX_SHEET_PVP, PC_XLSX_HEADER_ROW, (lxw_col_t)col);
    if (chart->type == LXW_CHART_LINE)
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
}

static void insert(pc_xlsx *w, lxw_chart *chart, int32_t row, bool right)
{
    if (!chart)
        return;
    lxw_chart_options opt = {
        .x_offset = right ? RIGHT_CHART_OFFSET : 0, .y_offset = 4, .y_scale = CHART_Y_SCALE};
    pc_xlsx_check(w, worksheet_insert_chart_opt(w->pvp, (lxw_row_t)row, 0, chart, &opt));
}

/* Columns of compensation actually paid: each PEO and the NEO average. */
static lxw_chart *cap_chart(pc_xlsx *w)
{
    lxw_chart *chart =
        new_chart(w, LXW_CHART_COLUMN, "Compensation Actually Paid", "USD", PC_XLSX_FMT_DOLLARS);
    bool any_average = false;
    for (size_t i = 0; i < w->report->pvp.count; i++)
        any_average = any_average || w->report->pvp.items[i].has_average;
    for (size_t k = 0; k < w->at.pvp_npeo_cols; k++) {
        char name[32];
        if (w->at.pvp_npeo_cols == 1)
            snprintf(name, sizeof name, "PEO");
        else
            snprintf(name, sizeof name, "PEO %zu", k + 1);
        add_series(w, chart, name, w->at.pvp_peo_cap_col[k]);
    }
    if (any_average)
        add_series(w, chart, "Average of non-PEO NEOs", w->at.pvp_avg_cap_col);
    return chart;
}

static int32_t pair(pc_xlsx *w, int32_t row, const char *label, lxw_chart *measure)
{
    pc_xlsx_text(w, w->pvp, row, 0, label, w->f.bold);
    insert(w, cap_chart(w), row + 1, false);
    insert(w, measure, row + 1, true);
    return row + 1 + CHART_ROWS;
}

/* Print setup of the Pay vs Performance sheet: a fixed scale that fits the
 * table and the charts across the page, rather than "fit to width", since
 * Excel ignores manual page breaks under "fit to" and the charts need them:
 * the table prints alone on its first page and each page after it holds
 * two chart pairs, none cut in two. Pages break between columns, so the
 * width to fit runs to the end of the column the charts end in. */
static void print_scale(pc_xlsx *w, double content_px)
{
    double px = 0;
    for (size_t c = 0; c < w->ncols || px < content_px; c++)
        px += column_px(c < w->ncols ? w->col_width[c] : LXW_DEF_COL_WIDTH);
    /* 8% to spare: LibreOffice draws columns about 5% wider than Excel. */
    double scale = px > 0 ? PRINTABLE_WIDTH_PX * 0.92 / px * 100 : 100;
    if (scale > 100)
        scale = 100;
    if (scale < 10)
        scale = 10;
    worksheet_set_print_scale(w->pvp, (uint16_t)scale);
}

void pc_xlsx_write_charts(pc_xlsx *w)
{
    const pc_report *r = w->report;
    if (r->pvp.count == 0 || !pc_xlsx_ok(w)) {
        print_scale(w, 0);
        return;
    }
    print_scale(w, RIGHT_CHART_OFFSET + CHART_WIDTH_PX);

    bool net_income = false, csm = false, peer = false;
    for (size_t i = 0; i < r->pvp.count; i++) {
        net_income = net_income || r->pvp.items[i].has_net_income;
        csm = csm || r->pvp.items[i].has_csm;
        peer = peer || r->pvp.items[i].has_peer_tsr;
    }
    int32_t row = w->at.pvp_next_row;
    /* A page break before the first pair and before every second one. */
    lxw_row_t breaks[4];
    size_t nbreaks = 0;
    breaks[nbreaks++] = (lxw_row_t)row;

    lxw_chart *tsr =
        new_chart(w, LXW_CHART_LINE, "Company TSR", "Value of $100 invested ($)", "#,##0");
    add_series(w, tsr, "Company TSR", w->at.pvp_tsr_col);
    row = pair(w, row, "Compensation Actually Paid vs. Total Shareholder Return", tsr);
    size_t pairs = 1;

    if (net_income) {
        lxw_chart *ni = new_chart(w, LXW_CHART_LINE, "Net Income", "USD", PC_XLSX_FMT_DOLLARS);
        add_series(w, ni, "Net Income", w->at.pvp_net_income_col);
        if (pairs++ % 2 == 0)
            breaks[nbreaks++] = (lxw_row_t)row;
        row = pair(w, row, "Compensation Actually Paid vs. Net Income", ni);
    }
    if (csm && w->at.pvp_csm_col != PC_XLSX_NONE) {
        /* The measure's own name as the title, unless libxlsxwriter would
         * read it as a reference; then its header cell, which Excel shows
         * but LibreOffice does not. */
        const char *name = w->ds->config.company_selected_measure;
        bool literal = name && *name && *name != '=';
        char fmt[64];
        pc_xlsx_decimal_format(w->at.pvp_csm_decimals, fmt, sizeof fmt);
        lxw_chart *m = new_chart(w, LXW_CHART_LINE, literal ? name : NULL, NULL, fmt);
        if (m && !literal)
            chart_title_set_name_range(m, PC_XLSX_SHEET_PVP, PC_XLSX_HEADER_ROW,
                                       (lxw_col_t)w->at.pvp_csm_col);
        add_series(w, m, literal ? name : NULL, w->at.pvp_csm_col);
        if (pairs++ % 2 == 0)
            breaks[nbreaks++] = (lxw_row_t)row;
        row = pair(w, row, "Compensation Actually Paid vs. the Company-Selected Measure", m);
    }
    if (peer && w->at.pvp_peer_col != PC_XLSX_NONE) {
        if (pairs++ % 2 == 0)
            breaks[nbreaks++] = (lxw_row_t)row;
        pc_xlsx_text(w, w->pvp, row, 0, "Company TSR vs. Peer Group TSR", w->f.bold);
        lxw_chart *both = new_chart(w, LXW_CHART_LINE, "Total Shareholder Return",
                                    "Value of $100 invested ($)", "#,##0");
        add_series(w, both, "Company TSR", w->at.pvp_tsr_col);
        add_series(w, both, "Peer Group TSR", w->at.pvp_peer_col);
        insert(w, both, row + 1, false);
    }
    breaks[nbreaks] = 0;
    pc_xlsx_check(w, worksheet_set_h_pagebreaks(w->pvp, breaks));
}
