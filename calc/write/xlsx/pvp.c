/*
 * The Pay vs Performance sheet of report.xlsx (SPEC section 9; Item
 * 402(v)(2)): its figures point at the cells of the SCT and reconciliation
 * sheets, most recent year first, as filings print them (the CBAK 2023
 * proxy does).
 */
#include "sheets.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------- Pay vs Performance */

/* A PvP column pair per PEO: one pair when no year has two PEOs (the names
 * per year go in a footnote), else one pair per person who was PEO in any
 * covered year ("PEO 1", "PEO 2", named in a footnote). */
typedef struct peo_slots {
    bool per_person;
    size_t count;
    size_t person[PC_MAX_PEOS * PC_MAX_YEARS];
} peo_slots;

static void find_slots(const pc_report *r, peo_slots *s)
{
    memset(s, 0, sizeof *s);
    s->count = 1;
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].npeo > 1)
            s->per_person = true;
    if (!s->per_person)
        return;
    s->count = 0;
    for (size_t i = 0; i < r->pvp.count; i++) {
        const pc_pvp_row *p = &r->pvp.items[i];
        for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++) {
            bool seen = false;
            for (size_t j = 0; j < s->count && !seen; j++)
                seen = s->person[j] == p->peo[k].person;
            if (!seen && s->count < PC_MAX_PEOS * PC_MAX_YEARS)
                s->person[s->count++] = p->peo[k].person;
        }
    }
    if (s->count == 0) {
        s->per_person = false;
        s->count = 1;
    }
}

const pc_pvp_peo *pc_xlsx_slot_peo(const pc_xlsx *w, size_t slot, const pc_pvp_row *p)
{
    if (!w->at.pvp_per_person)
        return p->npeo > 0 ? &p->peo[0] : NULL;
    for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++)
        if (p->peo[k].person == w->at.pvp_slot_person[slot])
            return &p->peo[k];
    return NULL;
}

/* A figure as a reference to the cell it comes from when that cell holds
 * exactly the same figure, else as a number. */
static void put_ref_or_number(pc_xlsx *w, int32_t row, int col, const char *sheet, int32_t at_row,
                              int at_col, bool same, int64_t cents, lxw_format *fmt)
{
    if (same && at_row != PC_XLSX_NONE && at_col != PC_XLSX_NONE) {
        char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
        pc_xlsx_ref(ref, sizeof ref, sheet, at_row, at_col);
        snprintf(formula, sizeof formula, "=%s", ref);
        pc_xlsx_formula_link(w, w->pvp, row, col, formula, fmt, (double)cents / 100.0, sheet,
                             at_row, at_col);
    } else {
        pc_xlsx_cents(w, w->pvp, row, col, cents, fmt);
    }
}

static void pvp_peo_cells(pc_xlsx *w, int32_t row, int col, const pc_pvp_row *p,
                          const pc_pvp_peo *peo)
{
    const pc_report *r = w->report;
    if (!peo) {
        pc_xlsx_blank(w, w->pvp, row, col, w->f.dollars);
        pc_xlsx_blank(w, w->pvp, row, col + 1, w->f.cap);
        return;
    }
    long ci = pc_xlsx_cap_index(r, p->year, peo->person);
    const pc_cap_row *c = ci >= 0 ? &r->cap.items[ci] : NULL;
    int32_t cap_row = c ? w->at.cap_row[ci] : PC_XLSX_NONE;
    /* SCT total: the Summary Compensation total where the SCT shows the
     * year, else the first line of the reconciliation (the same figure). */
    const pc_sct_row *s = pc_report_sct(r, peo->person, p->year);
    int32_t sct_row = s ? w->at.sct_row[s - r->sct.items] : PC_XLSX_NONE;
    if (s && sct_row != PC_XLSX_NONE && s->column[PC_SCT_TOTAL] == peo->sct_total)
        put_ref_or_number(w, row, col, PC_XLSX_SHEET_SCT, sct_row, w->at.sct_total_col, true,
                          peo->sct_total, w->f.dollars);
    else
        put_ref_or_number(
            w, row, col, PC_XLSX_SHEET_CAP_PERSON, cap_row, w->at.cap_col[PC_CAP_SCT_TOTAL],
            c && c->line[PC_CAP_SCT_TOTAL] == peo->sct_total, peo->sct_total, w->f.dollars);
    put_ref_or_number(w, row, col + 1, PC_XLSX_SHEET_CAP_PERSON, cap_row, w->at.cap_col[PC_CAP_CAP],
                      c && c->line[PC_CAP_CAP] == peo->cap, peo->cap, w->f.cap);
}

/* The number format of the company-selected measure: as many decimals as
 * its values have (at most 6); the charts use the same (w->at). */
static lxw_format *csm_format(pc_xlsx *w)
{
    if (w->ds->config.csm_units != PC_UNITS_ONES) {
        w->at.pvp_csm_decimals = 0;
        return w->f.scaled[w->ds->config.csm_units];
    }
    int decimals = 0;
    for (size_t i = 0; i < w->report->pvp.count; i++) {
        const pc_pvp_row *p = &w->report->pvp.items[i];
        if (!p->has_csm)
            continue;
        int64_t v = p->csm_micro < 0 ? -p->csm_micro : p->csm_micro;
        int d = 6;
        while (d > 0 && v % 10 == 0) {
            v /= 10;
            d--;
        }
        if (d > decimals)
            decimals = d;
    }
    w->at.pvp_csm_decimals = decimals;
    return w->f.micros[decimals];
}

static lxw_format *net_income_format(pc_xlsx *w)
{
    if (w->ds->config.net_income_units != PC_UNITS_ONES)
        return w->f.scaled[w->ds->config.net_income_units];
    for (size_t i = 0; i < w->report->pvp.count; i++) {
        const pc_pvp_row *p = &w->report->pvp.items[i];
        if (p->has_net_income && p->net_income % 100 != 0)
            return w->f.cents;
    }
    return w->f.dollars;
}

/* The covered years in which a test holds, given most recent first, as a
 * proxy names them: oldest first, a run of consecutive years as one range
 * ("2021-2022, 2024", "2023"). */
/* Whether two years' PvP rows have the same non-PEO NEOs, in the same
 * order (or both none), so that one footnote line names both years. */
static bool same_neos(const pc_pvp_row *a, const pc_pvp_row *b)
{
    size_t na = a && a->has_average ? a->avg_count : 0;
    size_t nb = b && b->has_average ? b->avg_count : 0;
    if (na != nb)
        return false;
    for (size_t k = 0; k < na; k++)
        if (a->avg_people[k] != b->avg_people[k])
            return false;
    return true;
}

static void years_text(char *buf, size_t size, const int *years, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t end = n; end > 0 && len < size;) {
        size_t start = end - 1; /* years[start] is the oldest year of this run */
        size_t top = start;
        while (top > 0 && years[top - 1] == years[top] + 1)
            top--;
        int k = top == start
                    ? snprintf(buf + len, size - len, "%s%d", len ? ", " : "", years[start])
                    : snprintf(buf + len, size - len, "%s%d-%d", len ? ", " : "", years[start],
                               years[top]);
        if (k < 0)
            break;
        len += (size_t)k;
        end = top;
    }
}

/* The footnotes under the table, in the order they are printed. A
 * footnote is there only when it applies (no peer group for a smaller
 * reporting company, no TSR without prices, no measure without one), so
 * their numbers are given where the columns are laid out (pvp_layout) and
 * the column titles carry the same numbers as markers. */
typedef enum pvp_note {
    NOTE_PEOS = 0,   /* who the PEOs were: on the PEO SCT total titles */
    NOTE_NEOS,       /* the NEOs averaged: on the average SCT total */
    NOTE_CAP,        /* how CAP is computed: on every CAP title */
    NOTE_TSR,        /* the $100 investment */
    NOTE_PEER,       /* the peer group's TSR */
    NOTE_NET_INCOME, /* net income as reported */
    NOTE_CSM,        /* the company-selected measure */
    NOTE_COUNT
} pvp_note;

/* Footnotes of the names: who the PEOs and the averaged NEOs were in each
 * year, as filings name them in a footnote to the table. */
static int32_t pvp_name_notes(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const peo_slots *slots,
                              const int *number, const int *desc, size_t ndesc)
{
    char peo_lead[16], neo_lead[16];
    snprintf(peo_lead, sizeof peo_lead, "(%d) ", number[NOTE_PEOS]);
    snprintf(neo_lead, sizeof neo_lead, "(%d) ", number[NOTE_NEOS]);
    const pc_report *r = w->report;
    pc_buf b = {0};
    if (slots->per_person) {
        for (size_t k = 0; k < slots->count; k++) {
            int years[PC_MAX_YEARS];
            size_t n = 0;
            for (size_t y = 0; y < ndesc; y++) {
                const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, desc[y]);
                if (p && pc_xlsx_is_peo(p, slots->person[k]) && n < PC_MAX_YEARS)
                    years[n++] = desc[y];
            }
            char list[64];
            years_text(list, sizeof list, years, n);
            pc_buf_clear(&b);
            pc_buf_printf(&b, pc_xlsx_words(w, "%sPEO %zu: %s (PEO in %s)."),
                          k == 0 ? peo_lead : "", k + 1, pc_xlsx_person_name(w, slots->person[k]),
                          list);
            row = k == 0 ? pc_xlsx_note(w, ws, row, pc_buf_text(&b))
                         : pc_xlsx_note_more(w, ws, row, pc_buf_text(&b));
        }
    } else {
        /* One line per run of consecutive years with the same PEO, as a
         * proxy names them: "PEO in 2021-2023: name." */
        for (size_t y = 0; y < ndesc;) {
            const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, desc[y]);
            bool has = p && p->npeo > 0;
            size_t person = has ? p->peo[0].person : SIZE_MAX;
            size_t end = y + 1;
            while (end < ndesc && desc[end] == desc[end - 1] - 1) {
                const pc_pvp_row *q = pc_xlsx_pvp_for_year(r, desc[end]);
                size_t other = q && q->npeo > 0 ? q->peo[0].person : SIZE_MAX;
                if (other != person)
                    break;
                end++;
            }
            pc_buf_clear(&b); /* reuse the buffer: the next add writes from the start */
            const char *lead = y == 0 ? peo_lead : "";
            if (end - y > 1)
                pc_buf_printf(&b, pc_xlsx_words(w, "%sPEO in %d-%d: "), lead, desc[end - 1],
                              desc[y]);
            else
                pc_buf_printf(&b, pc_xlsx_words(w, "%sPEO in %d: "), lead, desc[y]);
            if (has)
                pc_buf_printf(&b, pc_xlsx_words(w, "%s."), pc_xlsx_person_name(w, person));
            else
                pc_buf_printf(&b, "%s", pc_xlsx_words(w, "none."));
            row = y == 0 ? pc_xlsx_note(w, ws, row, pc_buf_text(&b))
                         : pc_xlsx_note_more(w, ws, row, pc_buf_text(&b));
            y = end;
        }
    }
    /* One line per run of consecutive years with the same non-PEO NEOs, as
     * for the PEO: "Non-PEO NEO in 2021-2022: name." */
    for (size_t y = 0; y < ndesc;) {
        const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, desc[y]);
        size_t end = y + 1;
        while (end < ndesc && desc[end] == desc[end - 1] - 1 &&
               same_neos(p, pc_xlsx_pvp_for_year(r, desc[end])))
            end++;
        char years[32];
        if (end - y > 1)
            snprintf(years, sizeof years, pc_xlsx_words(w, "%d-%d"), desc[end - 1], desc[y]);
        else
            snprintf(years, sizeof years, "%d", desc[y]);
        pc_buf_clear(&b);
        const char *lead = y == 0 ? neo_lead : "";
        if (!p || !p->has_average || p->avg_count == 0) {
            pc_buf_printf(
                &b, pc_xlsx_words(w, "%sNon-PEO NEOs in %s: none; the averages are left blank."),
                lead, years);
        } else if (p->avg_count == 1) {
            pc_buf_printf(&b, pc_xlsx_words(w, "%sNon-PEO NEO in %s: "), lead, years);
            pc_buf_printf(&b, pc_xlsx_words(w, "%s."), pc_xlsx_person_name(w, p->avg_people[0]));
        } else {
            pc_buf_printf(&b, pc_xlsx_words(w, "%sNon-PEO NEOs in %s (average of %zu): "), lead,
                          years, p->avg_count);
            for (size_t k = 0; k < p->avg_count; k++)
                pc_buf_printf(&b, "%s%s", k ? pc_xlsx_words(w, ", ") : "",
                              pc_xlsx_person_name(w, p->avg_people[k]));
            pc_buf_printf(&b, "%s", pc_xlsx_words(w, "."));
        }
        row = y == 0 ? pc_xlsx_note(w, ws, row, pc_buf_text(&b))
                     : pc_xlsx_note_more(w, ws, row, pc_buf_text(&b));
        y = end;
    }
    if (b.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_buf_fini(&b);
    return row;
}

/* The columns of the table: one pair per PEO slot, the averages, the TSR
 * pair, net income and the measure, with their titles and widths. */
typedef struct pvp_columns {
    peo_slots slots;
    const char *titles[2 * PC_MAX_PEOS * PC_MAX_YEARS + 8];
    double widths[2 * PC_MAX_PEOS * PC_MAX_YEARS + 8];
    int markers[2 * PC_MAX_PEOS * PC_MAX_YEARS + 8]; /* the footnote number of each title, or 0 */
    int number[NOTE_COUNT];                          /* each footnote's number, 0 when absent */
    size_t count;
    int avg_sct_col;
    bool has_csm;
    pc_buf slot_titles; /* the PEO titles, NUL-separated, pointed at by titles */
    size_t slot_title_at[PC_MAX_PEOS * PC_MAX_YEARS][2];
    pc_buf csm_title;
} pvp_columns;

static void add_column(pvp_columns *c, const char *title, double width, pvp_note note)
{
    c->titles[c->count] = title;
    c->markers[c->count] = note < NOTE_COUNT ? c->number[note] : 0;
    c->widths[c->count++] = width;
}

/* Numbers the footnotes that apply, from (1), in the order pvp_name_notes
 * and pvp_notes print them. */
static void number_notes(const pc_xlsx *w, pvp_columns *c)
{
    const pc_report *r = w->report;
    bool src = w->ds->config.smaller_reporting_company;
    bool applies[NOTE_COUNT] = {
        [NOTE_PEOS] = r->pvp.count > 0,
        [NOTE_NEOS] = r->pvp.count > 0,
        [NOTE_CAP] = true,
        [NOTE_TSR] = r->tsr.computed,
        [NOTE_PEER] = !src,
        [NOTE_NET_INCOME] = true,
        [NOTE_CSM] = c->has_csm,
    };
    int next = 1;
    for (int k = 0; k < NOTE_COUNT; k++)
        c->number[k] = applies[k] ? next++ : 0;
}

/* Ends the title just printed into slot_titles; returns where the next one
 * starts. Titles are pointed at only once the buffer is complete (it may
 * move while it grows). */
static size_t end_title(pvp_columns *c)
{
    pc_buf_append(&c->slot_titles, "", 1); /* keeps the NUL as a separator */
    return c->slot_titles.len;
}

static void pvp_layout(pc_xlsx *w, pvp_columns *c)
{
    const pc_config *config = &w->ds->config;
    bool src = config->smaller_reporting_company;
    c->has_csm = !src && config->company_selected_measure && *config->company_selected_measure;
    find_slots(w->report, &c->slots);
    w->at.pvp_per_person = c->slots.per_person;
    memcpy(w->at.pvp_slot_person, c->slots.person, sizeof c->slots.person);
    number_notes(w, c);

    add_column(c, "Year", 8, NOTE_COUNT);
    size_t at = 0;
    for (size_t k = 0; k < c->slots.count; k++) {
        c->slot_title_at[k][0] = at;
        if (c->slots.per_person)
            pc_buf_printf(&c->slot_titles,
                          pc_xlsx_words(w, "Summary Compensation Table Total for PEO %zu ($)"),
                          k + 1);
        else
            pc_buf_puts(&c->slot_titles,
                        pc_xlsx_words(w, "Summary Compensation Table Total for PEO ($)"));
        c->slot_title_at[k][1] = at = end_title(c);
        if (c->slots.per_person)
            pc_buf_printf(&c->slot_titles,
                          pc_xlsx_words(w, "Compensation Actually Paid to PEO %zu ($)"), k + 1);
        else
            pc_buf_puts(&c->slot_titles, pc_xlsx_words(w, "Compensation Actually Paid to PEO ($)"));
        at = end_title(c);
        w->at.pvp_peo_cap_col[k] = (int)c->count + 1;
        add_column(c, NULL, 16, NOTE_PEOS);
        add_column(c, NULL, 16, NOTE_CAP);
    }
    for (size_t k = 0; k < c->slots.count; k++) {
        c->titles[1 + 2 * k] = pc_buf_text(&c->slot_titles) + c->slot_title_at[k][0];
        c->titles[2 + 2 * k] = pc_buf_text(&c->slot_titles) + c->slot_title_at[k][1];
    }
    w->at.pvp_npeo_cols = c->slots.count;
    c->avg_sct_col = (int)c->count;
    add_column(c, "Average Summary Compensation Table Total for Non-PEO NEOs ($)", 18, NOTE_NEOS);
    w->at.pvp_avg_cap_col = (int)c->count;
    add_column(c, "Average Compensation Actually Paid to Non-PEO NEOs ($)", 18, NOTE_CAP);
    /* The two TSR columns sit under one spanning header (pvp_header). */
    w->at.pvp_tsr_col = (int)c->count;
    add_column(c, "Total Shareholder Return ($)", 16, NOTE_TSR);
    w->at.pvp_peer_col = PC_XLSX_NONE;
    if (!src) {
        w->at.pvp_peer_col = (int)c->count;
        add_column(c, "Peer Group Total Shareholder Return ($)", 16, NOTE_PEER);
    }
    /* Net income and the measure in the unit display_units gives. */
    static const char *const ni_titles[] = {"Net Income ($)", "Net Income ($ in thousands)",
                                            "Net Income ($ in millions)"};
    w->at.pvp_net_income_col = (int)c->count;
    add_column(c, ni_titles[config->net_income_units], 16, NOTE_NET_INCOME);
    w->at.pvp_csm_col = PC_XLSX_NONE;
    if (c->has_csm) {
        pc_xlsx_csm_title(w, &c->csm_title);
        w->at.pvp_csm_col = (int)c->count;
        add_column(c, pc_buf_text(&c->csm_title), 16, NOTE_CSM);
    }
    if (c->slot_titles.failed || c->csm_title.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
}

/* The title block, the spanning TSR header and the column titles. */
static void pvp_header(pc_xlsx *w, const pvp_columns *c)
{
    lxw_worksheet *ws = w->pvp;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Pay Versus Performance", first, last);
    /* Written before the header row (constant_memory: top to bottom).
     * Item 402(v)(2)(iv): "Value of Initial Fixed $100 Investment Based On:"
     * over the company's and the peer group's TSR. */
    int span_last = w->at.pvp_peer_col != PC_XLSX_NONE ? w->at.pvp_peer_col : w->at.pvp_tsr_col;
    const char *span = pc_xlsx_words(w, "Value of Initial Fixed $100 Investment Based On:");
    pc_xlsx_merge(w, ws, PC_XLSX_HEADER_ROW - 1, w->at.pvp_tsr_col, span_last, w->f.header);
    pc_xlsx_text(w, ws, PC_XLSX_HEADER_ROW - 1, w->at.pvp_tsr_col, span, w->f.header);
    /* Tall enough for the whole text over the columns it spans (one
     * column for a smaller reporting company: several lines). */
    double span_width = 0;
    for (int k = w->at.pvp_tsr_col; k <= span_last && (size_t)k < c->count; k++)
        span_width += c->widths[k];
    pc_xlsx_check(w, worksheet_set_row(ws, PC_XLSX_HEADER_ROW - 1,
                                       pc_xlsx_header_height(span_width, span), NULL));
    pc_xlsx_headers_marked(w, ws, PC_XLSX_HEADER_ROW, c->titles, c->markers, c->widths, c->count);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
}

/* The format of the average SCT total: whole dollars, as the PEO's SCT
 * total beside it, when every year's average is a whole-dollar figure (one
 * NEO's total, or a mean that came out even); cents only when the mean of
 * some year has them (R5 with cap_decimals 2). */
static lxw_format *average_sct_format(const pc_xlsx *w)
{
    for (size_t i = 0; i < w->report->pvp.count; i++) {
        const pc_pvp_row *p = &w->report->pvp.items[i];
        if (p->has_average && p->avg_sct_total % 100 != 0)
            return w->f.cap;
    }
    return w->f.dollars;
}

/* The non-PEO NEO averages of a year: references to CAP by Person. */
static void pvp_average_cells(pc_xlsx *w, int32_t row, int avg_sct_col, const pc_pvp_row *p)
{
    const pc_report *r = w->report;
    lxw_format *sct_fmt = average_sct_format(w);
    if (!p->has_average) {
        pc_xlsx_blank(w, w->pvp, row, avg_sct_col, sct_fmt);
        pc_xlsx_blank(w, w->pvp, row, w->at.pvp_avg_cap_col, w->f.cap);
        return;
    }
    long ai = pc_xlsx_cap_index(r, p->year, PC_SUBJECT_AVERAGE);
    const pc_cap_row *a = ai >= 0 ? &r->cap.items[ai] : NULL;
    int32_t at_row = a ? w->at.cap_row[ai] : PC_XLSX_NONE;
    put_ref_or_number(
        w, row, avg_sct_col, PC_XLSX_SHEET_CAP_PERSON, at_row, w->at.cap_col[PC_CAP_SCT_TOTAL],
        a && a->line[PC_CAP_SCT_TOTAL] == p->avg_sct_total, p->avg_sct_total, sct_fmt);
    put_ref_or_number(w, row, w->at.pvp_avg_cap_col, PC_XLSX_SHEET_CAP_PERSON, at_row,
                      w->at.cap_col[PC_CAP_CAP], a && a->line[PC_CAP_CAP] == p->avg_cap, p->avg_cap,
                      w->f.cap);
}

/* TSR (a reference to the TSR sheet's value for the year), peer TSR, net
 * income and the measure of a year. */
static void pvp_company_cells(pc_xlsx *w, int32_t row, const pc_pvp_row *p, lxw_format *ni_fmt,
                              lxw_format *csm_fmt)
{
    const pc_report *r = w->report;
    lxw_worksheet *ws = w->pvp;
    int32_t tsr_row = PC_XLSX_NONE;
    bool same = false;
    for (size_t t = 0; r->tsr.computed && t < r->tsr.npoints && t < PC_MAX_YEARS; t++)
        if (r->tsr.points[t].year == p->year) {
            tsr_row = w->at.tsr_row[t];
            same = r->tsr.points[t].value == p->tsr;
        }
    put_ref_or_number(w, row, w->at.pvp_tsr_col, PC_XLSX_SHEET_TSR, tsr_row, w->at.tsr_value_col,
                      same, p->tsr, w->f.tsr);
    /* The performance.csv figures refer to the Performance sheet. */
    if (w->at.pvp_peer_col != PC_XLSX_NONE) {
        if (p->has_peer_tsr)
            pc_xlsx_performance_cell(w, ws, row, w->at.pvp_peer_col, p->year,
                                     PC_XLSX_PEER_GROUP_TSR, (double)p->peer_tsr / 100.0, w->f.tsr);
        else
            pc_xlsx_blank(w, ws, row, w->at.pvp_peer_col, w->f.tsr);
    }
    if (p->has_net_income)
        pc_xlsx_performance_cell(w, ws, row, w->at.pvp_net_income_col, p->year, PC_XLSX_NET_INCOME,
                                 (double)p->net_income / 100.0, ni_fmt);
    else
        pc_xlsx_blank(w, ws, row, w->at.pvp_net_income_col, ni_fmt);
    if (w->at.pvp_csm_col != PC_XLSX_NONE) {
        if (p->has_csm)
            pc_xlsx_performance_cell(w, ws, row, w->at.pvp_csm_col, p->year, PC_XLSX_MEASURE,
                                     pc_xlsx_micros_value(p->csm_micro), csm_fmt);
        else
            pc_xlsx_blank(w, ws, row, w->at.pvp_csm_col, csm_fmt);
    }
}

/* The footnotes after the PEO and NEO names: CAP, TSR, peer TSR, net
 * income and the measure, each with the number pvp_layout gave it. */
static int32_t pvp_notes(pc_xlsx *w, int32_t row, const pvp_columns *c)
{
    lxw_worksheet *ws = w->pvp;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    const int *number = c->number;
    row = pc_xlsx_notef(
        w, ws, row,
        "(%d) Compensation actually paid is computed as Item 402(v)(2)(iii) of Regulation S-K "
        "requires; the adjustments from the Summary Compensation Table total are shown in the "
        "reconciliation table.",
        number[NOTE_CAP]);
    if (number[NOTE_TSR]) {
        char base[48] = "?";
        char price[48];
        if (r->tsr.base_date != PC_DATE_NONE)
            pc_xlsx_date_words(w, r->tsr.base_date, base, sizeof base);
        pc_micro_format(r->tsr.base_price_micro, 2, price, sizeof price);
        row = pc_xlsx_notef(
            w, ws, row,
            "(%d) Cumulative total shareholder return: the value at each fiscal year end of "
            "$100 invested in the company's stock at the close of %s ($%s per share), with "
            "dividends reinvested (Item 201(e) of Regulation S-K).",
            number[NOTE_TSR], base, price);
    }
    /* The peer group by the name paycalc.json gives it (section 11), when
     * it gives one; performance.csv's figures come without a name. */
    if (number[NOTE_PEER] && config->peer_group && *config->peer_group)
        row = pc_xlsx_notef(w, ws, row,
                            "(%d) Total shareholder return of the peer group %s, on the same $100 "
                            "basis.",
                            number[NOTE_PEER], config->peer_group);
    else if (number[NOTE_PEER])
        row = pc_xlsx_notef(w, ws, row,
                            "(%d) Total shareholder return of the peer group, on the same $100 "
                            "basis.",
                            number[NOTE_PEER]);
    row = pc_xlsx_notef(
        w, ws, row, "(%d) Net income as reported in the company's audited financial statements.",
        number[NOTE_NET_INCOME]);
    if (number[NOTE_CSM])
        row = pc_xlsx_notef(w, ws, row,
                            "(%d) %s is the company-selected measure: in the company's "
                            "assessment, the most important financial performance measure used "
                            "to link compensation actually paid to company performance for the "
                            "most recent fiscal year.",
                            number[NOTE_CSM], config->company_selected_measure);
    return row;
}

void pc_xlsx_write_pvp(pc_xlsx *w)
{
    lxw_worksheet *ws = w->pvp;
    const pc_report *r = w->report;
    pvp_columns c;
    memset(&c, 0, sizeof c);
    pvp_layout(w, &c);
    pvp_header(w, &c);

    /* Most recent year first. */
    int desc[PC_MAX_YEARS * 4];
    size_t ndesc = 0;
    for (size_t i = 0; i < r->pvp.count && ndesc < sizeof desc / sizeof desc[0]; i++)
        desc[ndesc++] = r->pvp.items[i].year;
    qsort(desc, ndesc, sizeof *desc, pc_xlsx_year_cmp_desc);

    lxw_format *ni_fmt = net_income_format(w);
    lxw_format *csm_fmt = c.has_csm ? csm_format(w) : NULL;
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    w->at.pvp_first_row = row;
    for (size_t y = 0; y < ndesc; y++, row++) {
        const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, desc[y]);
        pc_xlsx_number(w, ws, row, 0, p->year, w->f.year);
        for (size_t k = 0; k < c.slots.count; k++)
            pvp_peo_cells(w, row, 1 + 2 * (int)k, p, pc_xlsx_slot_peo(w, k, p));
        pvp_average_cells(w, row, c.avg_sct_col, p);
        pvp_company_cells(w, row, p, ni_fmt, csm_fmt);
    }
    w->at.pvp_last_row = row - 1;
    if (ndesc == 0)
        row = pc_xlsx_note(w, ws, row, "No covered years.");

    row = pvp_name_notes(w, ws, row + 1, &c.slots, c.number, desc, ndesc);
    row = pvp_notes(w, row, &c);
    w->at.pvp_next_row = row + 1;
    pc_buf_fini(&c.slot_titles);
    pc_buf_fini(&c.csm_title);
}
