/*
 * The extension taxonomy of the tagged section (SPEC section 15): the
 * schema declaring the company's members (the PEOs of a year with several,
 * and for ECD 2023 the reconciliation lines) and importing the ECD and DEI
 * schemas of the chosen year, and its definition, presentation and label
 * linkbases. Company members hang only in the ECD "...Only" roles
 * (IndividualsOnly, PvpAdjustmentsOnly), under the ECD domains, as the
 * taxonomy's own dimensional relationships expect.
 */
#include <string.h>

#include "ixbrl.h"

#define ARC_DOMAIN_MEMBER "http://xbrl.org/int/dim/arcrole/domain-member"
#define ARC_DIMENSION_DOMAIN "http://xbrl.org/int/dim/arcrole/dimension-domain"
#define ARC_PARENT_CHILD "http://www.xbrl.org/2003/arcrole/parent-child"

static bool company_lines(const ix_plan *plan)
{
    return plan->ecd_year < 2024;
}

static bool any_person(const ix_plan *plan)
{
    for (size_t i = 0; i < plan->ds->people.count; i++)
        if (plan->member[i])
            return true;
    return false;
}

static void put_ecd_href(const ix_plan *plan, pc_buf *b, const char *fragment)
{
    pc_buf_printf(b, "https://xbrl.sec.gov/ecd/%d/ecd-%d.xsd#%s", plan->ecd_year, plan->ecd_year,
                  fragment);
}

static void put_element(const ix_plan *plan, pc_buf *b, const char *name)
{
    pc_buf_printf(b,
                  "<xs:element name=\"%s\" id=\"%s_%s\" type=\"dtr-types:domainItemType\" "
                  "substitutionGroup=\"xbrli:item\" abstract=\"true\" nillable=\"true\" "
                  "xbrli:periodType=\"duration\"/>\n",
                  name, plan->prefix, name);
}

static void put_schema(const ix_plan *plan, pc_buf *b)
{
    int y = plan->ecd_year;
    const char *types = pc_ix_dtr_types(y);
    pc_buf_printf(b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                  "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" "
                  "xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "
                  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                  "xmlns:dtr-types=\"http://www.xbrl.org/dtr/type/%s\" xmlns:%s=\"%s\" "
                  "targetNamespace=\"%s\" elementFormDefault=\"qualified\" "
                  "attributeFormDefault=\"unqualified\">\n<xs:annotation>\n<xs:appinfo>\n",
                  types, plan->prefix, plan->ns, plan->ns);
    static const char *const kinds[] = {"definition", "presentation", "label"};
    static const char *const endings[] = {"_def.xml", "_pre.xml", "_lab.xml"};
    for (int i = 0; i < 3; i++)
        pc_buf_printf(b,
                      "<link:linkbaseRef xlink:type=\"simple\" xlink:href=\"%s%s\" "
                      "xlink:role=\"http://www.xbrl.org/2003/role/%sLinkbaseRef\" "
                      "xlink:arcrole=\"http://www.w3.org/1999/xlink/properties/linkbase\"/>\n",
                      plan->stem, endings[i], kinds[i]);
    pc_buf_printf(b,
                  "<link:roleType roleURI=\"%s/role/PayVersusPerformance\" "
                  "id=\"PayVersusPerformance\">\n<link:definition>995000 - Disclosure - Pay "
                  "versus Performance</link:definition>\n"
                  "<link:usedOn>link:presentationLink</link:usedOn>\n"
                  "<link:usedOn>link:definitionLink</link:usedOn>\n</link:roleType>\n"
                  "</xs:appinfo>\n</xs:annotation>\n"
                  "<xs:import namespace=\"http://www.xbrl.org/2003/instance\" "
                  "schemaLocation=\"http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd\"/>\n"
                  "<xs:import namespace=\"http://www.xbrl.org/dtr/type/%s\" "
                  "schemaLocation=\"https://www.xbrl.org/dtr/type/%s/types.xsd\"/>\n"
                  "<xs:import namespace=\"http://xbrl.sec.gov/ecd/%d\" "
                  "schemaLocation=\"https://xbrl.sec.gov/ecd/%d/ecd-%d.xsd\"/>\n"
                  "<xs:import namespace=\"http://xbrl.sec.gov/dei/%d\" "
                  "schemaLocation=\"https://xbrl.sec.gov/dei/%d/dei-%d.xsd\"/>\n",
                  plan->ns, types, types, y, y, y, y, y, y);
    for (size_t i = 0; i < plan->ds->people.count; i++)
        if (plan->member[i])
            put_element(plan, b, plan->member[i]);
    for (int l = 0; company_lines(plan) && l < IX_NLINES; l++)
        if (pc_ix_line_shown(plan, pc_ix_lines[l].line))
            put_element(plan, b, pc_ix_lines[l].company);
    pc_buf_puts(b, "</xs:schema>\n");
}

static void open_linkbase(pc_buf *b)
{
    pc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "
                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                   "xmlns:xbrldt=\"http://xbrl.org/2005/xbrldt\">\n");
}

/* A locator labelled `label` for the ECD concept `name` ("AllIndividualsMember"). */
static void put_ecd_loc(const ix_plan *plan, pc_buf *b, const char *ns_prefix, const char *name)
{
    pc_buf_printf(b, "<link:loc xlink:type=\"locator\" xlink:href=\"");
    if (!strcmp(ns_prefix, "us-gaap")) {
        pc_buf_printf(b, "https://xbrl.fasb.org/us-gaap/%d/elts/us-gaap-%d.xsd#us-gaap_%s",
                      plan->ecd_year, plan->ecd_year, name);
    } else {
        pc_buf_printf(b, "https://xbrl.sec.gov/ecd/%d/ecd-%d.xsd#ecd_%s", plan->ecd_year,
                      plan->ecd_year, name);
    }
    pc_buf_printf(b, "\" xlink:label=\"%s_%s\"/>\n", ns_prefix, name);
}

static void put_own_loc(const ix_plan *plan, pc_buf *b, const char *name)
{
    pc_buf_printf(b,
                  "<link:loc xlink:type=\"locator\" xlink:href=\"%s.xsd#%s_%s\" "
                  "xlink:label=\"%s_%s\"/>\n",
                  plan->stem, plan->prefix, name, plan->prefix, name);
}

static void put_arc(pc_buf *b, const char *kind, const char *arcrole, const char *from,
                    const char *to, int order)
{
    pc_buf_printf(b,
                  "<link:%sArc xlink:type=\"arc\" xlink:arcrole=\"%s\" xlink:from=\"%s\" "
                  "xlink:to=\"%s\" order=\"%d\"/>\n",
                  kind, arcrole, from, to, order);
}

static void put_definition(const ix_plan *plan, pc_buf *b)
{
    open_linkbase(b);
    bool people = any_person(plan), lines = company_lines(plan);
    static const char *const roles[] = {"IndividualsOnly", "PvpAdjustmentsOnly"};
    for (int r = 0; r < 2; r++) {
        if (r == 0 ? !people : !lines)
            continue;
        pc_buf_printf(b,
                      "<link:roleRef roleURI=\"http://xbrl.sec.gov/ecd/role/%s\" "
                      "xlink:type=\"simple\" xlink:href=\"",
                      roles[r]);
        put_ecd_href(plan, b, roles[r]);
        pc_buf_puts(b, "\"/>\n");
    }
    if (people) {
        pc_buf_puts(b, "<link:definitionLink xlink:type=\"extended\" "
                       "xlink:role=\"http://xbrl.sec.gov/ecd/role/IndividualsOnly\">\n");
        put_ecd_loc(plan, b, "ecd", "AllIndividualsMember");
        int order = 1;
        for (size_t i = 0; i < plan->ds->people.count; i++) {
            if (!plan->member[i])
                continue;
            put_own_loc(plan, b, plan->member[i]);
            pc_buf *to = &(pc_buf){0};
            pc_buf_printf(to, "%s_%s", plan->prefix, plan->member[i]);
            put_arc(b, "definition", ARC_DOMAIN_MEMBER, "ecd_AllIndividualsMember", pc_buf_text(to),
                    order++);
            b->failed |= to->failed;
            pc_buf_fini(to);
        }
        pc_buf_puts(b, "</link:definitionLink>\n");
    }
    if (lines) {
        pc_buf_puts(b, "<link:definitionLink xlink:type=\"extended\" "
                       "xlink:role=\"http://xbrl.sec.gov/ecd/role/PvpAdjustmentsOnly\">\n");
        put_ecd_loc(plan, b, "ecd", "AllAdjToCompMember");
        int order = 1;
        for (int l = 0; l < IX_NLINES; l++) {
            if (!pc_ix_line_shown(plan, pc_ix_lines[l].line))
                continue;
            put_own_loc(plan, b, pc_ix_lines[l].company);
            pc_buf *to = &(pc_buf){0};
            pc_buf_printf(to, "%s_%s", plan->prefix, pc_ix_lines[l].company);
            put_arc(b, "definition", ARC_DOMAIN_MEMBER, "ecd_AllAdjToCompMember", pc_buf_text(to),
                    order++);
            b->failed |= to->failed;
            pc_buf_fini(to);
        }
        pc_buf_puts(b, "</link:definitionLink>\n");
    }
    pc_buf_puts(b, "</link:linkbase>\n");
}

/* The concepts the section uses, under the ECD line items, then the axes
 * with their members. */
static void put_presentation(const ix_plan *plan, pc_buf *b)
{
    open_linkbase(b);
    pc_buf_printf(b,
                  "<link:roleRef roleURI=\"%s/role/PayVersusPerformance\" xlink:type=\"simple\" "
                  "xlink:href=\"%s.xsd#PayVersusPerformance\"/>\n"
                  "<link:presentationLink xlink:type=\"extended\" "
                  "xlink:role=\"%s/role/PayVersusPerformance\">\n",
                  plan->ns, plan->stem, plan->ns);
    put_ecd_loc(plan, b, "ecd", "PayVsPerformanceDisclosureLineItems");
    const char *items[] = {"PvpTableTextBlock",
                           "PeoName",
                           "PeoTotalCompAmt",
                           "PeoActuallyPaidCompAmt",
                           "NonPeoNeoAvgTotalCompAmt",
                           "NonPeoNeoAvgCompActuallyPaidAmt",
                           "TotalShareholderRtnAmt",
                           "PeerGroupTotalShareholderRtnAmt",
                           "CoSelectedMeasureName",
                           "CoSelectedMeasureAmt",
                           "AdjToCompAmt",
                           "AdjToPeoCompFnTextBlock",
                           "AdjToNonPeoNeoCompFnTextBlock",
                           "NamedExecutiveOfficersFnTextBlock",
                           "PeerGroupIssuersFnTextBlock",
                           "TabularListTableTextBlock",
                           "MeasureName"};
    int order = 1;
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        bool non_src_only = !strcmp(items[i], "PeerGroupTotalShareholderRtnAmt") ||
                            !strcmp(items[i], "CoSelectedMeasureName") ||
                            !strcmp(items[i], "CoSelectedMeasureAmt") ||
                            !strcmp(items[i], "PeerGroupIssuersFnTextBlock") ||
                            !strcmp(items[i], "TabularListTableTextBlock") ||
                            !strcmp(items[i], "MeasureName");
        if (plan->src && non_src_only)
            continue;
        put_ecd_loc(plan, b, "ecd", items[i]);
        pc_buf *to = &(pc_buf){0};
        pc_buf_printf(to, "ecd_%s", items[i]);
        put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_PayVsPerformanceDisclosureLineItems",
                pc_buf_text(to), order++);
        b->failed |= to->failed;
        pc_buf_fini(to);
    }
    put_ecd_loc(plan, b, "us-gaap", "NetIncomeLoss");
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_PayVsPerformanceDisclosureLineItems",
            "us-gaap_NetIncomeLoss", order++);
    /* ExecutiveCategoryAxis with its two members */
    put_ecd_loc(plan, b, "ecd", "ExecutiveCategoryAxis");
    put_ecd_loc(plan, b, "ecd", "PeoMember");
    put_ecd_loc(plan, b, "ecd", "NonPeoNeoMember");
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_PayVsPerformanceDisclosureLineItems",
            "ecd_ExecutiveCategoryAxis", order++);
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_ExecutiveCategoryAxis", "ecd_PeoMember", 1);
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_ExecutiveCategoryAxis", "ecd_NonPeoNeoMember",
            2);
    /* AdjToCompAxis: the line members under the domain */
    put_ecd_loc(plan, b, "ecd", "AdjToCompAxis");
    put_ecd_loc(plan, b, "ecd", "AllAdjToCompMember");
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_PayVsPerformanceDisclosureLineItems",
            "ecd_AdjToCompAxis", order++);
    put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_AdjToCompAxis", "ecd_AllAdjToCompMember", 1);
    int m = 1;
    for (int l = 0; l < IX_NLINES; l++) {
        const ix_line *line = &pc_ix_lines[l];
        if (!pc_ix_line_shown(plan, line->line))
            continue;
        pc_buf *to = &(pc_buf){0};
        if (company_lines(plan)) {
            put_own_loc(plan, b, line->company);
            pc_buf_printf(to, "%s_%s", plan->prefix, line->company);
        } else {
            put_ecd_loc(plan, b, "ecd", line->standard);
            pc_buf_printf(to, "ecd_%s", line->standard);
        }
        put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_AllAdjToCompMember", pc_buf_text(to),
                m++);
        b->failed |= to->failed;
        pc_buf_fini(to);
    }
    if (any_person(plan)) {
        put_ecd_loc(plan, b, "ecd", "IndividualAxis");
        put_ecd_loc(plan, b, "ecd", "AllIndividualsMember");
        put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_PayVsPerformanceDisclosureLineItems",
                "ecd_IndividualAxis", order++);
        put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_IndividualAxis",
                "ecd_AllIndividualsMember", 1);
        int p = 1;
        for (size_t i = 0; i < plan->ds->people.count; i++) {
            if (!plan->member[i])
                continue;
            put_own_loc(plan, b, plan->member[i]);
            pc_buf *to = &(pc_buf){0};
            pc_buf_printf(to, "%s_%s", plan->prefix, plan->member[i]);
            put_arc(b, "presentation", ARC_PARENT_CHILD, "ecd_AllIndividualsMember",
                    pc_buf_text(to), p++);
            b->failed |= to->failed;
            pc_buf_fini(to);
        }
    }
    pc_buf_puts(b, "</link:presentationLink>\n</link:linkbase>\n");
}

static void put_label(const ix_plan *plan, pc_buf *b, const char *name, const char *text)
{
    put_own_loc(plan, b, name);
    pc_buf_printf(b,
                  "<link:label xlink:type=\"resource\" xlink:label=\"lab_%s\" "
                  "xlink:role=\"http://www.xbrl.org/2003/role/label\" xml:lang=\"en-US\" "
                  "id=\"lab_%s\">",
                  name, name);
    pc_ix_put_escaped(b, text);
    pc_buf_printf(b,
                  "</link:label>\n<link:labelArc xlink:type=\"arc\" "
                  "xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/concept-label\" "
                  "xlink:from=\"%s_%s\" xlink:to=\"lab_%s\"/>\n",
                  plan->prefix, name, name);
}

static void put_labels(const ix_plan *plan, pc_buf *b)
{
    open_linkbase(b);
    pc_buf_puts(b, "<link:labelLink xlink:type=\"extended\" "
                   "xlink:role=\"http://www.xbrl.org/2003/role/link\">\n");
    for (size_t i = 0; i < plan->ds->people.count; i++)
        if (plan->member[i])
            put_label(plan, b, plan->member[i], plan->ds->people.items[i].name);
    for (int l = 0; company_lines(plan) && l < IX_NLINES; l++)
        if (pc_ix_line_shown(plan, pc_ix_lines[l].line))
            put_label(plan, b, pc_ix_lines[l].company, pc_ix_lines[l].label);
    pc_buf_puts(b, "</link:labelLink>\n</link:linkbase>\n");
}

bool pc_ix_write_taxonomy(const ix_plan *plan, pc_ixbrl_files *files)
{
    put_schema(plan, &files->text[IX_XSD]);
    put_definition(plan, &files->text[IX_DEF]);
    put_presentation(plan, &files->text[IX_PRE]);
    put_labels(plan, &files->text[IX_LAB]);
    for (int i = IX_XSD; i <= IX_LAB; i++)
        if (files->text[i].failed)
            return false;
    return true;
}
