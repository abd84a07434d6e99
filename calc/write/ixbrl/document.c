/*
 * The tagged Pay versus Performance section (SPEC section 15): one XHTML
 * Inline XBRL document holding the PvP table with its footnotes, the PEO
 * and NEO-average reconciliations, the company's narrative texts and (not
 * for smaller reporting companies) the tabular list, each inside its ECD
 * text block, every figure tagged from the report's exact integers.
 *
 * Money: whole-dollar SCT totals are decimals="0"; CAP, the averages and
 * the reconciliation lines have cap_decimals; TSR is the value of $100 to
 * the cent (decimals="2"). A negative figure is its magnitude with
 * sign="-", shown in parentheses outside the tag, as filers print it.
 */
#include <stdlib.h>
#include <string.h>

#include "ixbrl.h"
#include "paycalc/money.h"

typedef struct doc {
    const ix_plan *plan;
    const pc_dataset *ds;
    const pc_report *r;
    pc_buf *b;
} doc;

/* ---- context ids ------------------------------------------------------------ */

/* Executive category of a reconciliation fact. */
typedef enum ix_cat { CAT_NONE = 0, CAT_PEO, CAT_NEO } ix_cat;

/* "D2024", "D2024_WuDiMember", "D2024_Peo_less_equity_awards",
 * "D2024_Peo_WuDiMember_dividends", "D2024_Neo_cap"...: one spelling,
 * written where a context is declared and where a fact refers to it. */
static void put_ctx_id(pc_buf *b, int year, ix_cat cat, const char *member, const ix_line *line)
{
    pc_buf_printf(b, "D%d", year);
    if (cat != CAT_NONE)
        pc_buf_puts(b, cat == CAT_PEO ? "_Peo" : "_Neo");
    if (member)
        pc_buf_printf(b, "_%s", member);
    if (line)
        pc_buf_printf(b, "_%s", pc_cap_key(line->line));
}

/* The member of the PEO `person` in `year` when that year has several PEOs
 * (SPEC section 15: IndividualAxis only then), else NULL. */
static const char *peo_member(const doc *d, const pc_pvp_row *row, size_t person)
{
    return row->npeo > 1 && person < d->ds->people.count ? d->plan->member[person] : NULL;
}

static void put_context(doc *d, int year, ix_cat cat, const char *member, const ix_line *line,
                        int measure)
{
    pc_buf *b = d->b;
    const pc_config *cfg = &d->ds->config;
    char start[11], end[11];
    pc_date_format(pc_fiscal_year_start(cfg->fiscal_year_end, year), start);
    pc_date_format(pc_fiscal_year_end(cfg->fiscal_year_end, year), end);
    pc_buf_puts(b, "<xbrli:context id=\"");
    put_ctx_id(b, year, cat, member, line);
    if (measure)
        pc_buf_printf(b, "_Measure%d", measure);
    pc_buf_printf(b,
                  "\">\n<xbrli:entity>\n<xbrli:identifier "
                  "scheme=\"http://www.sec.gov/CIK\">%s</xbrli:identifier>\n",
                  d->plan->cik);
    if (cat != CAT_NONE || member || measure) {
        pc_buf_puts(b, "<xbrli:segment>\n");
        if (cat != CAT_NONE)
            pc_buf_printf(
                b,
                "<xbrldi:explicitMember "
                "dimension=\"ecd:ExecutiveCategoryAxis\">ecd:%s</xbrldi:explicitMember>\n",
                cat == CAT_PEO ? "PeoMember" : "NonPeoNeoMember");
        if (member)
            pc_buf_printf(b,
                          "<xbrldi:explicitMember "
                          "dimension=\"ecd:IndividualAxis\">%s:%s</xbrldi:explicitMember>\n",
                          d->plan->prefix, member);
        if (line) {
            pc_buf_puts(b, "<xbrldi:explicitMember dimension=\"ecd:AdjToCompAxis\">");
            pc_ix_put_line_member(d->plan, b, line);
            pc_buf_puts(b, "</xbrldi:explicitMember>\n");
        }
        if (measure)
            pc_buf_printf(
                b,
                "<xbrldi:typedMember dimension=\"ecd:MeasureAxis\"><ecd:MeasureAxis.domain>"
                "%d</ecd:MeasureAxis.domain></xbrldi:typedMember>\n",
                measure);
        pc_buf_puts(b, "</xbrli:segment>\n");
    }
    pc_buf_printf(b,
                  "</xbrli:entity>\n<xbrli:period>\n<xbrli:startDate>%s</xbrli:startDate>\n"
                  "<xbrli:endDate>%s</xbrli:endDate>\n</xbrli:period>\n</xbrli:context>\n",
                  start, end);
}

/* ---- what the section shows --------------------------------------------------- */

static const pc_cap_row *cap_row(const doc *d, int year, size_t subject)
{
    for (size_t i = 0; i < d->r->cap.count; i++)
        if (d->r->cap.items[i].year == year && d->r->cap.items[i].subject == subject)
            return &d->r->cap.items[i];
    return NULL;
}

static bool any_average(const doc *d)
{
    for (size_t i = 0; i < d->r->pvp.count; i++)
        if (d->r->pvp.items[i].has_average &&
            cap_row(d, d->r->pvp.items[i].year, PC_SUBJECT_AVERAGE))
            return true;
    return false;
}

static bool shows_peer(const doc *d)
{
    if (d->plan->src)
        return false;
    for (size_t i = 0; i < d->r->pvp.count; i++)
        if (d->r->pvp.items[i].has_peer_tsr)
            return true;
    return false;
}

static bool shows_csm(const doc *d)
{
    return !d->plan->src && d->ds->config.company_selected_measure;
}

/* The people who were PEO in any covered year, in order of first
 * appearance (pvp rows ascending); `out` has room for every person. */
static size_t peo_people(const doc *d, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < d->r->pvp.count; i++) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        for (size_t k = 0; k < row->npeo; k++) {
            bool seen = false;
            for (size_t j = 0; j < n && !seen; j++)
                seen = out[j] == row->peo[k].person;
            if (!seen)
                out[n++] = row->peo[k].person;
        }
    }
    return n;
}

static const pc_pvp_peo *peo_of(const pc_pvp_row *row, size_t person)
{
    for (size_t k = 0; k < row->npeo; k++)
        if (row->peo[k].person == person)
            return &row->peo[k];
    return NULL;
}

/* Tabular list measures: disclosure/tabular-list, at most 7 (the reader
 * warns of more); without the file, the company-selected measure alone.
 * Returns how many; each is a pointer and length into the text. */
#define IX_MAX_MEASURES PC_TABULAR_LIST_MAX
static int measures(const doc *d, const char *item[IX_MAX_MEASURES], size_t len[IX_MAX_MEASURES])
{
    const char *text = d->ds->disclosure[PC_DISCLOSURE_TABULAR_LIST];
    if (text) {
        size_t n = pc_tabular_list_items(text, item, len, IX_MAX_MEASURES);
        return (int)(n < IX_MAX_MEASURES ? n : IX_MAX_MEASURES);
    }
    const char *csm = d->ds->config.company_selected_measure;
    if (!csm)
        return 0;
    item[0] = csm;
    len[0] = strlen(csm);
    return 1;
}

/* ---- the header ------------------------------------------------------------------ */

static void put_contexts(doc *d, int nmeasures)
{
    const ix_plan *plan = d->plan;
    for (size_t i = d->r->pvp.count; i-- > 0;) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        put_context(d, row->year, CAT_NONE, NULL, NULL, 0);
        for (size_t k = 0; row->npeo > 1 && k < row->npeo; k++)
            put_context(d, row->year, CAT_NONE, peo_member(d, row, row->peo[k].person), NULL, 0);
        for (size_t k = 0; k < row->npeo; k++) {
            if (!cap_row(d, row->year, row->peo[k].person))
                continue;
            for (int l = 0; l < IX_NLINES; l++)
                if (pc_ix_line_shown(plan, pc_ix_lines[l].line))
                    put_context(d, row->year, CAT_PEO, peo_member(d, row, row->peo[k].person),
                                &pc_ix_lines[l], 0);
        }
        if (row->has_average && cap_row(d, row->year, PC_SUBJECT_AVERAGE))
            for (int l = 0; l < IX_NLINES; l++)
                if (pc_ix_line_shown(plan, pc_ix_lines[l].line))
                    put_context(d, row->year, CAT_NEO, NULL, &pc_ix_lines[l], 0);
    }
    for (int m = 1; m <= nmeasures; m++)
        put_context(d, plan->last_year, CAT_NONE, NULL, NULL, m);
}

static void put_header(doc *d, int nmeasures)
{
    pc_buf *b = d->b;
    const ix_plan *plan = d->plan;
    pc_buf_printf(b,
                  "<div style=\"display:none\">\n<ix:header>\n<ix:hidden>\n"
                  "<ix:nonNumeric name=\"dei:DocumentType\" contextRef=\"D%d\">DEF "
                  "14A</ix:nonNumeric>\n"
                  "<ix:nonNumeric name=\"dei:AmendmentFlag\" "
                  "contextRef=\"D%d\">false</ix:nonNumeric>\n",
                  plan->last_year, plan->last_year);
    if (d->ds->config.cik[0])
        pc_buf_printf(b,
                      "<ix:nonNumeric name=\"dei:EntityCentralIndexKey\" "
                      "contextRef=\"D%d\">%s</ix:nonNumeric>\n",
                      plan->last_year, plan->cik);
    pc_buf_printf(b,
                  "</ix:hidden>\n<ix:references>\n<link:schemaRef xlink:type=\"simple\" "
                  "xlink:href=\"%s.xsd\"/>\n</ix:references>\n<ix:resources>\n",
                  plan->stem);
    put_contexts(d, nmeasures);
    pc_buf_puts(b, "<xbrli:unit id=\"USD\">\n<xbrli:measure>iso4217:USD</xbrli:measure>\n"
                   "</xbrli:unit>\n</ix:resources>\n</ix:header>\n</div>\n");
}

/* ---- facts ----------------------------------------------------------------------- */

/* A money fact: "$" and, when negative, the parentheses outside the tag. */
static void put_money(doc *d, const char *concept, int year, ix_cat cat, const char *member,
                      const ix_line *line, int64_t cents, int decimals)
{
    pc_buf *b = d->b;
    bool negative = cents < 0;
    int64_t magnitude = negative ? -cents : cents;
    char shown[64];
    pc_money_format_display(magnitude, decimals, shown, sizeof shown);
    pc_buf_puts(b, negative ? "$(" : "$");
    pc_buf_printf(b, "<ix:nonFraction name=\"%s\" contextRef=\"", concept);
    put_ctx_id(b, year, cat, member, line);
    pc_buf_printf(b, "\" unitRef=\"USD\" decimals=\"%d\" format=\"ixt:num-dot-decimal\"%s>%s",
                  decimals, negative ? " sign=\"-\"" : "", shown);
    pc_buf_puts(b, "</ix:nonFraction>");
    if (negative)
        pc_buf_puts(b, ")");
}

/* The company-selected measure (micros) to the digits it has. */
static void put_csm(doc *d, int year, int64_t micro)
{
    pc_buf *b = d->b;
    bool negative = micro < 0;
    uint64_t magnitude = negative ? (uint64_t)0 - (uint64_t)micro : (uint64_t)micro;
    char grouped[PC_TEXT_GROUPED_SIZE];
    pc_text_group_digits(magnitude / (uint64_t)PC_MICRO, grouped);
    unsigned long frac = (unsigned long)(magnitude % (uint64_t)PC_MICRO);
    int decimals = 6;
    while (decimals > 0 && frac % 10 == 0) {
        frac /= 10;
        decimals--;
    }
    pc_buf_puts(b, negative ? "(" : "");
    pc_buf_printf(b,
                  "<ix:nonFraction name=\"ecd:CoSelectedMeasureAmt\" contextRef=\"D%d\" "
                  "unitRef=\"USD\" decimals=\"%d\" format=\"ixt:num-dot-decimal\"%s>%s",
                  year, decimals, negative ? " sign=\"-\"" : "", grouped);
    if (decimals)
        pc_buf_printf(b, ".%0*lu", decimals, frac);
    pc_buf_puts(b, "</ix:nonFraction>");
    pc_buf_puts(b, negative ? ")" : "");
}

static void put_name_fact(doc *d, const char *concept, int year, const char *member,
                          const char *text)
{
    pc_buf_printf(d->b, "<ix:nonNumeric name=\"%s\" contextRef=\"", concept);
    put_ctx_id(d->b, year, CAT_NONE, member, NULL);
    pc_buf_puts(d->b, "\">");
    pc_ix_put_escaped(d->b, text);
    pc_buf_puts(d->b, "</ix:nonNumeric>");
}

static const char *const TD = "<td style=\"text-align:right;padding:2pt 6pt\">";
static const char *const TH = "<th style=\"text-align:center;padding:2pt 6pt;border-bottom:1px "
                              "solid #000;vertical-align:bottom\">";

static void open_block(doc *d, const char *concept)
{
    pc_buf_printf(d->b, "<ix:nonNumeric name=\"%s\" contextRef=\"D%d\" escape=\"true\">\n", concept,
                  d->plan->last_year);
}

/* ---- the PvP table and its footnotes ------------------------------------------------ */

static void put_person_name(doc *d, size_t person)
{
    pc_ix_put_escaped(d->b, person < d->ds->people.count ? d->ds->people.items[person].name : "?");
}

static void put_pvp_table(doc *d, const size_t *peos, size_t npeos)
{
    pc_buf *b = d->b;
    const pc_config *cfg = &d->ds->config;
    bool peer = shows_peer(d), csm = shows_csm(d);
    int cap_dec = cfg->cap_decimals;
    bool ni_cents = false;
    for (size_t i = 0; i < d->r->pvp.count; i++)
        ni_cents |= d->r->pvp.items[i].has_net_income && d->r->pvp.items[i].net_income % 100 != 0;

    pc_buf_puts(b, "<table style=\"border-collapse:collapse;font-size:9pt\">\n<tr>");
    pc_buf_printf(b, "%sYear</th>", TH);
    for (size_t k = 0; k < npeos; k++) {
        pc_buf_printf(b, "%sSummary Compensation Table Total for ", TH);
        put_person_name(d, peos[k]);
        pc_buf_puts(b, " (PEO)<sup>(1)</sup></th>");
    }
    for (size_t k = 0; k < npeos; k++) {
        pc_buf_printf(b, "%sCompensation Actually Paid to ", TH);
        put_person_name(d, peos[k]);
        pc_buf_puts(b, " (PEO)<sup>(1)(2)</sup></th>");
    }
    pc_buf_printf(b,
                  "%sAverage Summary Compensation Table Total for Non-PEO NEOs<sup>(3)</sup></th>"
                  "%sAverage Compensation Actually Paid to Non-PEO NEOs<sup>(2)(3)</sup></th>"
                  "%sValue of Initial Fixed $100 Investment Based On Total Shareholder "
                  "Return<sup>(4)</sup></th>",
                  TH, TH, TH);
    if (peer)
        pc_buf_printf(b,
                      "%sValue of Initial Fixed $100 Investment Based On Peer Group Total "
                      "Shareholder Return<sup>(5)</sup></th>",
                      TH);
    pc_buf_printf(b, "%sNet Income</th>", TH);
    if (csm) {
        pc_buf_puts(b, TH);
        pc_ix_put_escaped(b, cfg->company_selected_measure);
        pc_buf_puts(b, "<sup>(6)</sup></th>");
    }
    pc_buf_puts(b, "</tr>\n");

    for (size_t i = d->r->pvp.count; i-- > 0;) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        int y = row->year;
        pc_buf_printf(b, "<tr><td style=\"padding:2pt 6pt\">%d</td>", y);
        for (int pass = 0; pass < 2; pass++) {
            for (size_t k = 0; k < npeos; k++) {
                const pc_pvp_peo *peo = peo_of(row, peos[k]);
                pc_buf_puts(b, TD);
                if (!peo)
                    pc_buf_puts(b, "N/A");
                else if (pass == 0)
                    put_money(d, "ecd:PeoTotalCompAmt", y, CAT_NONE, peo_member(d, row, peos[k]),
                              NULL, peo->sct_total, 0);
                else
                    put_money(d, "ecd:PeoActuallyPaidCompAmt", y, CAT_NONE,
                              peo_member(d, row, peos[k]), NULL, peo->cap, cap_dec);
                pc_buf_puts(b, "</td>");
            }
        }
        pc_buf_puts(b, TD);
        if (row->has_average)
            put_money(d, "ecd:NonPeoNeoAvgTotalCompAmt", y, CAT_NONE, NULL, NULL,
                      row->avg_sct_total, cap_dec);
        else
            pc_buf_puts(b, "N/A");
        pc_buf_printf(b, "</td>%s", TD);
        if (row->has_average)
            put_money(d, "ecd:NonPeoNeoAvgCompActuallyPaidAmt", y, CAT_NONE, NULL, NULL,
                      row->avg_cap, cap_dec);
        else
            pc_buf_puts(b, "N/A");
        pc_buf_printf(b, "</td>%s", TD);
        put_money(d, "ecd:TotalShareholderRtnAmt", y, CAT_NONE, NULL, NULL, row->tsr, 2);
        pc_buf_puts(b, "</td>");
        if (peer) {
            pc_buf_puts(b, TD);
            if (row->has_peer_tsr)
                put_money(d, "ecd:PeerGroupTotalShareholderRtnAmt", y, CAT_NONE, NULL, NULL,
                          row->peer_tsr, 2);
            else
                pc_buf_puts(b, "N/A");
            pc_buf_puts(b, "</td>");
        }
        pc_buf_puts(b, TD);
        if (row->has_net_income)
            put_money(d, "us-gaap:NetIncomeLoss", y, CAT_NONE, NULL, NULL, row->net_income,
                      ni_cents ? 2 : 0);
        else
            pc_buf_puts(b, "N/A");
        pc_buf_puts(b, "</td>");
        if (csm) {
            pc_buf_puts(b, TD);
            if (row->has_csm)
                put_csm(d, y, row->csm_micro);
            else
                pc_buf_puts(b, "N/A");
            pc_buf_puts(b, "</td>");
        }
        pc_buf_puts(b, "</tr>\n");
    }
    pc_buf_puts(b, "</table>\n");
}

static const char *const FN = "<p style=\"font-size:8pt;margin:3pt 0\">";

/* Narrative text of the company (disclosure/NAME.md or .txt): paragraphs at
 * blank lines, "- " or "* " lines as a list, "#" lines as headings; all of
 * it escaped, nothing of it read as markup. */
static void put_narrative(doc *d, const char *text)
{
    pc_buf *b = d->b;
    bool in_p = false, in_list = false;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char *line = malloc(n + 1);
        if (!line) {
            b->failed = true;
            return;
        }
        memcpy(line, p, n);
        line[n] = '\0';
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        const char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        bool item = (s[0] == '-' || s[0] == '*') && s[1] == ' ';
        bool heading = s[0] == '#';
        if (!*s || item || heading) {
            if (in_p)
                pc_buf_puts(b, "</p>\n");
            in_p = false;
        }
        if (in_list && !item) {
            pc_buf_puts(b, "</ul>\n");
            in_list = false;
        }
        if (item) {
            if (!in_list)
                pc_buf_puts(b, "<ul>\n");
            in_list = true;
            pc_buf_puts(b, "<li>");
            pc_ix_put_escaped(b, s + 2);
            pc_buf_puts(b, "</li>\n");
        } else if (heading) {
            while (*s == '#')
                s++;
            while (*s == ' ')
                s++;
            pc_buf_puts(b, "<p style=\"font-weight:bold;margin:9pt 0 3pt 0\">");
            pc_ix_put_escaped(b, s);
            pc_buf_puts(b, "</p>\n");
        } else if (*s) {
            pc_buf_puts(b, in_p ? "\n" : "<p style=\"margin:3pt 0\">");
            in_p = true;
            pc_ix_put_escaped(b, s);
        }
        free(line);
        p = eol ? eol + 1 : p + n;
    }
    if (in_p)
        pc_buf_puts(b, "</p>\n");
    if (in_list)
        pc_buf_puts(b, "</ul>\n");
}

static void put_footnotes(doc *d)
{
    pc_buf *b = d->b;
    /* (1) the PEO of each year, tagged. */
    pc_buf_printf(b, "%s(1)&#160;The principal executive officer (PEO) ", FN);
    for (size_t i = d->r->pvp.count; i-- > 0;) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        pc_buf_printf(b, "%sfor %d: ", i + 1 == d->r->pvp.count ? "" : "; ", row->year);
        for (size_t k = 0; k < row->npeo; k++) {
            size_t p = row->peo[k].person;
            if (k)
                pc_buf_puts(b, " and ");
            put_name_fact(d, "ecd:PeoName", row->year, peo_member(d, row, p),
                          p < d->ds->people.count ? d->ds->people.items[p].name : "?");
        }
        if (row->npeo == 0)
            pc_buf_puts(b, "none");
    }
    pc_buf_puts(b, ". The Summary Compensation Table totals are as reported in the Summary "
                   "Compensation Table for each year.</p>\n");
    /* (2) CAP */
    pc_buf_printf(b,
                  "%s(2)&#160;Compensation actually paid is computed under Item&#160;402(v) of "
                  "Regulation S-K from the Summary Compensation Table total as shown in the "
                  "reconciliations below. Amounts in parentheses are negative.</p>\n",
                  FN);
    /* (3) the NEOs of each year */
    pc_buf_printf(b, "%s(3)&#160;", FN);
    open_block(d, "ecd:NamedExecutiveOfficersFnTextBlock");
    pc_buf_puts(b, "The non-PEO named executive officers (NEOs) whose compensation is averaged "
                   "are, ");
    for (size_t i = d->r->pvp.count; i-- > 0;) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        pc_buf_printf(b, "%sfor %d: ", i + 1 == d->r->pvp.count ? "" : "; ", row->year);
        if (!row->has_average || row->avg_count == 0)
            pc_buf_puts(b, "none");
        for (size_t k = 0; row->has_average && k < row->avg_count; k++) {
            if (k)
                pc_buf_puts(b, ", ");
            put_person_name(d, row->avg_people[k]);
        }
    }
    pc_buf_puts(b, ".</ix:nonNumeric></p>\n");
    /* (4) TSR */
    pc_buf_printf(b, "%s(4)&#160;Cumulative total shareholder return of $100 invested", FN);
    if (d->r->tsr.computed) {
        char base[11];
        pc_buf_printf(b, " at the close of %s", pc_date_format(d->r->tsr.base_date, base));
    }
    pc_buf_puts(b, ", the last trading day before the first covered year, with dividends "
                   "reinvested on their ex-dividend dates.</p>\n");
    /* (5) peer group */
    if (shows_peer(d)) {
        pc_buf_printf(b, "%s(5)&#160;", FN);
        open_block(d, "ecd:PeerGroupIssuersFnTextBlock");
        if (d->ds->config.peer_group) {
            pc_buf_puts(b, "The peer group is the set &#8220;");
            pc_ix_put_escaped(b, d->ds->config.peer_group);
            pc_buf_puts(b, "&#8221;");
            size_t shown = 0;
            for (size_t i = 0; i < d->ds->peers.count; i++) {
                const pc_peer *peer = &d->ds->peers.items[i];
                if (strcmp(peer->set, d->ds->config.peer_group) != 0)
                    continue;
                pc_buf_puts(b, shown++ ? ", " : ": ");
                pc_ix_put_escaped(b, peer->ticker);
            }
            pc_buf_puts(b, "; its total shareholder return is computed as the company&#8217;s, "
                           "over the same period.");
        } else {
            pc_buf_puts(b, "Peer group total shareholder return as the company provides it for "
                           "each year.");
        }
        if (d->ds->disclosure[PC_DISCLOSURE_PEER_GROUP])
            put_narrative(d, d->ds->disclosure[PC_DISCLOSURE_PEER_GROUP]);
        pc_buf_puts(b, "</ix:nonNumeric></p>\n");
    }
    /* (6) the company-selected measure */
    if (shows_csm(d)) {
        pc_buf_printf(b, "%s(6)&#160;", FN);
        put_name_fact(d, "ecd:CoSelectedMeasureName", d->plan->last_year, NULL,
                      d->ds->config.company_selected_measure);
        pc_buf_printf(b,
                      " is the company-selected measure: in the company&#8217;s assessment the "
                      "most important financial performance measure used to link compensation "
                      "actually paid to performance for %d.</p>\n",
                      d->plan->last_year);
    }
}

/* ---- the reconciliations ------------------------------------------------------------- */

/* One reconciliation table: the years of `subject` (a PEO's person index
 * or PC_SUBJECT_AVERAGE), newest first, one row per shown line. */
static void put_reconciliation(doc *d, size_t subject)
{
    pc_buf *b = d->b;
    int cap_dec = d->ds->config.cap_decimals;
    bool average = subject == PC_SUBJECT_AVERAGE;
    const pc_pvp_row *rows[PC_MAX_YEARS];
    const pc_cap_row *caps[PC_MAX_YEARS];
    size_t n = 0;
    for (size_t i = d->r->pvp.count; i-- > 0 && n < PC_MAX_YEARS;) {
        const pc_pvp_row *row = &d->r->pvp.items[i];
        const pc_cap_row *c = cap_row(d, row->year, subject);
        if (!c || (average ? !row->has_average : !peo_of(row, subject)))
            continue;
        rows[n] = row;
        caps[n++] = c;
    }
    if (n == 0)
        return;
    pc_buf_puts(b, "<table style=\"border-collapse:collapse;font-size:9pt\">\n<tr>");
    pc_buf_puts(b, TH);
    if (average) {
        pc_buf_puts(b, "Average for the non-PEO NEOs");
    } else {
        put_person_name(d, subject);
        pc_buf_puts(b, " (PEO)");
    }
    pc_buf_puts(b, "</th>");
    for (size_t k = 0; k < n; k++)
        pc_buf_printf(b, "%s%d</th>", TH, rows[k]->year);
    pc_buf_puts(b, "</tr>\n");
    ix_cat cat = average ? CAT_NEO : CAT_PEO;
    /* Summary Compensation Table total */
    pc_buf_printf(b, "<tr><td style=\"padding:2pt 6pt\">Summary Compensation Table total</td>");
    for (size_t k = 0; k < n; k++) {
        pc_buf_puts(b, TD);
        if (average)
            put_money(d, "ecd:NonPeoNeoAvgTotalCompAmt", rows[k]->year, CAT_NONE, NULL, NULL,
                      rows[k]->avg_sct_total, cap_dec);
        else
            put_money(d, "ecd:PeoTotalCompAmt", rows[k]->year, CAT_NONE,
                      peo_member(d, rows[k], subject), NULL, peo_of(rows[k], subject)->sct_total,
                      0);
        pc_buf_puts(b, "</td>");
    }
    pc_buf_puts(b, "</tr>\n");
    for (int l = 0; l < IX_NLINES; l++) {
        const ix_line *line = &pc_ix_lines[l];
        if (!pc_ix_line_shown(d->plan, line->line))
            continue;
        pc_buf_puts(b, "<tr><td style=\"padding:2pt 6pt\">");
        pc_ix_put_escaped(b, line->label);
        pc_buf_puts(b, "</td>");
        for (size_t k = 0; k < n; k++) {
            pc_buf_puts(b, TD);
            put_money(d, "ecd:AdjToCompAmt", rows[k]->year, cat,
                      average ? NULL : peo_member(d, rows[k], subject), line,
                      caps[k]->line[line->line], cap_dec);
            pc_buf_puts(b, "</td>");
        }
        pc_buf_puts(b, "</tr>\n");
    }
    pc_buf_printf(b, "<tr><td style=\"padding:2pt 6pt;font-weight:bold\">Compensation actually "
                     "paid</td>");
    for (size_t k = 0; k < n; k++) {
        pc_buf_puts(b, TD);
        if (average)
            put_money(d, "ecd:NonPeoNeoAvgCompActuallyPaidAmt", rows[k]->year, CAT_NONE, NULL, NULL,
                      rows[k]->avg_cap, cap_dec);
        else
            put_money(d, "ecd:PeoActuallyPaidCompAmt", rows[k]->year, CAT_NONE,
                      peo_member(d, rows[k], subject), NULL, peo_of(rows[k], subject)->cap,
                      cap_dec);
        pc_buf_puts(b, "</td>");
    }
    pc_buf_puts(b, "</tr>\n</table>\n");
}

/* ---- the document ---------------------------------------------------------------- */

static void put_relationship(doc *d, pc_disclosure which, const char *concept, const char *title)
{
    const char *text = d->ds->disclosure[which];
    if (!text)
        return;
    pc_buf_puts(d->b, "<div>");
    open_block(d, concept);
    pc_buf_printf(d->b, "<p style=\"font-weight:bold;margin:12pt 0 3pt 0\">%s</p>\n", title);
    put_narrative(d, text);
    pc_buf_puts(d->b, "</ix:nonNumeric></div>\n");
}

bool pc_ix_write_document(const ix_plan *plan, pc_buf *b)
{
    doc d = {plan, plan->ds, plan->report, b};
    const pc_config *cfg = &d.ds->config;
    const char *item[IX_MAX_MEASURES];
    size_t len[IX_MAX_MEASURES];
    int nmeasures = plan->src ? 0 : measures(&d, item, len);
    int ey = plan->ecd_year;
    pc_buf_printf(b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                  "xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
                  "xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" "
                  "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" "
                  "xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
                  "xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "
                  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                  "xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" "
                  "xmlns:dei=\"http://xbrl.sec.gov/dei/%d\" "
                  "xmlns:ecd=\"http://xbrl.sec.gov/ecd/%d\" "
                  "xmlns:us-gaap=\"http://fasb.org/us-gaap/%d\" "
                  "xmlns:%s=\"%s\">\n<head>\n<meta http-equiv=\"Content-Type\" "
                  "content=\"text/html; charset=UTF-8\"/>\n<title>Pay versus Performance: ",
                  ey, ey, ey, plan->prefix, plan->ns);
    pc_ix_put_escaped(b, cfg->company_name ? cfg->company_name : "");
    pc_buf_puts(b, "</title>\n</head>\n<body style=\"font-family:'Times New "
                   "Roman',serif;font-size:10pt;margin:24pt\">\n");
    put_header(&d, nmeasures);

    pc_buf_printf(b,
                  "<p style=\"font-weight:bold;text-align:center\"><ix:nonNumeric "
                  "name=\"dei:EntityRegistrantName\" contextRef=\"D%d\">",
                  plan->last_year);
    pc_ix_put_escaped(b, cfg->company_name ? cfg->company_name : "");
    pc_buf_puts(b, "</ix:nonNumeric></p>\n");

    size_t *peos = malloc((d.ds->people.count ? d.ds->people.count : 1) * sizeof *peos);
    if (!peos)
        return false;
    size_t npeos = peo_people(&d, peos);

    pc_buf_puts(b, "<div>");
    open_block(&d, "ecd:PvpTableTextBlock");
    pc_buf_puts(b, "<p style=\"font-size:12pt;font-weight:bold;margin:0 0 6pt 0\">Pay Versus "
                   "Performance</p>\n<p style=\"margin:0 0 6pt 0\">As required by Item&#160;402(v) "
                   "of Regulation S-K, the following table shows compensation actually paid to "
                   "the principal executive officer (PEO) and, on average, to the other named "
                   "executive officers (NEOs), and the company&#8217;s financial performance");
    pc_buf_puts(b, plan->src ? " (as a smaller reporting company, for the years shown).</p>\n"
                             : ".</p>\n");
    put_pvp_table(&d, peos, npeos);
    put_footnotes(&d);
    pc_buf_puts(b, "</ix:nonNumeric></div>\n");

    pc_buf_puts(b, "<div>");
    open_block(&d, "ecd:AdjToPeoCompFnTextBlock");
    pc_buf_puts(b, "<p style=\"font-weight:bold;margin:12pt 0 3pt 0\">Reconciliation of the "
                   "Summary Compensation Table total to compensation actually paid: PEO</p>\n");
    for (size_t k = 0; k < npeos; k++)
        put_reconciliation(&d, peos[k]);
    pc_buf_puts(b, "</ix:nonNumeric></div>\n");
    free(peos);

    if (any_average(&d)) {
        pc_buf_puts(b, "<div>");
        open_block(&d, "ecd:AdjToNonPeoNeoCompFnTextBlock");
        pc_buf_puts(b, "<p style=\"font-weight:bold;margin:12pt 0 3pt 0\">Reconciliation of the "
                       "Summary Compensation Table total to compensation actually paid: average "
                       "of the non-PEO NEOs</p>\n");
        put_reconciliation(&d, PC_SUBJECT_AVERAGE);
        pc_buf_puts(b, "</ix:nonNumeric></div>\n");
    }

    put_relationship(&d, PC_DISCLOSURE_CAP_TSR,
                     "ecd:CompActuallyPaidVsTotalShareholderRtnTextBlock",
                     "Compensation Actually Paid and Total Shareholder Return");
    put_relationship(&d, PC_DISCLOSURE_CAP_NET_INCOME, "ecd:CompActuallyPaidVsNetIncomeTextBlock",
                     "Compensation Actually Paid and Net Income");
    if (!plan->src) {
        put_relationship(&d, PC_DISCLOSURE_CAP_CSM,
                         "ecd:CompActuallyPaidVsCoSelectedMeasureTextBlock",
                         "Compensation Actually Paid and the Company-Selected Measure");
        if (shows_peer(&d))
            put_relationship(&d, PC_DISCLOSURE_TSR_PEER,
                             "ecd:TotalShareholderRtnVsPeerGroupTextBlock",
                             "Total Shareholder Return of the Company and of the Peer Group");
    }

    if (nmeasures > 0) {
        pc_buf_puts(b, "<div>");
        open_block(&d, "ecd:TabularListTableTextBlock");
        pc_buf_printf(b,
                      "<p style=\"font-weight:bold;margin:12pt 0 3pt 0\">Tabular List of the "
                      "Most Important Financial Performance Measures</p>\n<p "
                      "style=\"margin:0 0 3pt 0\">The measures the company considers most "
                      "important to link compensation actually paid to performance for %d:</p>\n"
                      "<table style=\"border-collapse:collapse\">\n",
                      plan->last_year);
        for (int m = 0; m < nmeasures; m++) {
            char *text = malloc(len[m] + 1);
            if (!text)
                return false;
            memcpy(text, item[m], len[m]);
            text[len[m]] = '\0';
            pc_buf_printf(b,
                          "<tr><td style=\"padding:1pt 6pt\">&#8226;</td><td><ix:nonNumeric "
                          "name=\"ecd:MeasureName\" contextRef=\"D%d_Measure%d\">",
                          plan->last_year, m + 1);
            pc_ix_put_escaped(b, text);
            pc_buf_puts(b, "</ix:nonNumeric></td></tr>\n");
            free(text);
        }
        pc_buf_puts(b, "</table>\n</ix:nonNumeric></div>\n");
    }
    pc_buf_puts(b, "</body>\n</html>\n");
    return !b->failed;
}
