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
 * No text from the inputs becomes a chart name: libxlsxwriter reads a name
 * starting with '=' as a cell reference, so series are named with fixed
 * words and the company-selected measure's name is taken from its header
 * cell (a reference, never parsed).
 */
#include "xlsx_internal.h"

#include <stdio.h>

/* Default chart size is 480 x 288 pixels: about 15 rows of 20 pixels. */
#define CHART_ROWS 17
#define RIGHT_CHART_OFFSET 500

static lxw_chart *new_chart(xw *w, uint8_t type, const char *title, const char *num_format)
{
    lxw_chart *chart = workbook_add_chart(w->wb, type);
    if (!chart) {
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (title)
        chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    /* The table lists the most recent year first; the charts run left to
     * right in time, with the value axis kept on the left. */
    chart_axis_set_reverse(chart->x_axis);
    chart_axis_set_crossing_max(chart->x_axis);
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_axis_set_num_format(chart->y_axis, num_format);
    return chart;
}

static void add_series(xw *w, lxw_chart *chart, const char *name, int col)
{
    if (!chart || col == XW_NONE)
        return;
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s) {
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    chart_series_set_categories(s, XW_SHEET_PVP, (lxw_row_t)w->at.pvp_first_row, 0,
                                (lxw_row_t)w->at.pvp_last_row, 0);
    chart_series_set_values(s, XW_SHEET_PVP, (lxw_row_t)w->at.pvp_first_row, (lxw_col_t)col,
                            (lxw_row_t)w->at.pvp_last_row, (lxw_col_t)col);
    if (name)
        chart_series_set_name(s, name);
    else /* the company-selected measure: its header cell */
        chart_series_set_name_range(s, XW_SHEET_PVP, XW_HEADER_ROW, (lxw_col_t)col);
    if (chart->type == LXW_CHART_LINE)
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
}

static void insert(xw *w, lxw_chart *chart, int32_t row, bool right)
{
    if (!chart)
        return;
    lxw_chart_options opt = {.x_offset = right ? RIGHT_CHART_OFFSET : 0, .y_offset = 4};
    xw_check(w, worksheet_insert_chart_opt(w->pvp, (lxw_row_t)row, 0, chart, &opt));
}

/* Columns of compensation actually paid: each PEO and the NEO average. */
static lxw_chart *cap_chart(xw *w)
{
    lxw_chart *chart = new_chart(w, LXW_CHART_COLUMN, "Compensation Actually Paid", "#,##0");
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

static int32_t pair(xw *w, int32_t row, const char *label, lxw_chart *measure)
{
    xw_text(w, w->pvp, row, 0, label, w->f.bold);
    insert(w, cap_chart(w), row + 1, false);
    insert(w, measure, row + 1, true);
    return row + 1 + CHART_ROWS;
}

void xw_write_charts(xw *w)
{
    const pc_report *r = w->report;
    if (r->pvp.count == 0 || !xw_ok(w))
        return;
    bool net_income = false, csm = false, peer = false;
    for (size_t i = 0; i < r->pvp.count; i++) {
        net_income = net_income || r->pvp.items[i].has_net_income;
        csm = csm || r->pvp.items[i].has_csm;
        peer = peer || r->pvp.items[i].has_peer_tsr;
    }
    int32_t row = w->at.pvp_next_row;

    lxw_chart *tsr = new_chart(w, LXW_CHART_LINE, "Company TSR (Value of $100 Invested)", "0");
    add_series(w, tsr, "Company TSR", w->at.pvp_tsr_col);
    row = pair(w, row, "Compensation Actually Paid vs. Total Shareholder Return", tsr);

    if (net_income) {
        lxw_chart *ni = new_chart(w, LXW_CHART_LINE, "Net Income", "#,##0");
        add_series(w, ni, "Net Income", w->at.pvp_net_income_col);
        row = pair(w, row, "Compensation Actually Paid vs. Net Income", ni);
    }
    if (csm && w->at.pvp_csm_col != XW_NONE) {
        lxw_chart *m = new_chart(w, LXW_CHART_LINE, NULL, "General");
        chart_title_set_name_range(m, XW_SHEET_PVP, XW_HEADER_ROW, (lxw_col_t)w->at.pvp_csm_col);
        add_series(w, m, NULL, w->at.pvp_csm_col);
        row = pair(w, row, "Compensation Actually Paid vs. the Company-Selected Measure", m);
    }
    if (peer && w->at.pvp_peer_col != XW_NONE) {
        xw_text(w, w->pvp, row, 0, "Company TSR vs. Peer Group TSR", w->f.bold);
        lxw_chart *both = new_chart(w, LXW_CHART_LINE, "Value of $100 Invested", "0");
        add_series(w, both, "Company TSR", w->at.pvp_tsr_col);
        add_series(w, both, "Peer Group TSR", w->at.pvp_peer_col);
        insert(w, both, row + 1, false);
    }
}
