/*
 * The project's check of a written Inline XBRL section (ixbrl_check.h):
 * the document is read with libxml2 (no network, no entities), its facts,
 * contexts and units collected, and each rule run over them.
 */
#include "ixbrl_check.h"

#include <libxml/parser.h>
#include <stdarg.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/text.h"
#include "support.h"

#define IX_NS "http://www.xbrl.org/2013/inlineXBRL"
#define XBRLI_NS "http://www.xbrl.org/2003/instance"
#define XBRLDI_NS "http://xbrl.org/2006/xbrldi"
#define XS_NS "http://www.w3.org/2001/XMLSchema"

typedef struct qname {
    char ns[160];
    char local[160];
} qname;

typedef struct dim {
    qname axis;
    qname member; /* empty for a typed member */
} dim;

typedef struct context {
    char id[200];
    char end[16];
    dim dims[4];
    int ndims;
} context;

typedef struct fact {
    qname concept;
    char ctx[200];
    char unit[40];
    bool numeric;
    bool has_unit;
    char value[256]; /* numbers: sign and digits without separators; text: the first bytes */
    long long cents; /* numbers with at most 2 decimals */
} fact;

typedef struct doc {
    int year;
    char ecd[64];
    char ext_ns[200];
    context *ctx;
    size_t nctx;
    char units[8][40];
    int nunits;
    fact *facts;
    size_t nfacts;
    char **ecd_names; /* xs:element names of the ECD schema */
    size_t necd;
    char **ext_names; /* of the extension schema */
    size_t next;
    pc_buf out;
} doc;

static void finding(doc *d, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void finding(doc *d, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_buf_printf(&d->out, "%s: ", rule);
    pc_buf_vprintf(&d->out, fmt, ap);
    pc_buf_puts(&d->out, "\n");
    va_end(ap);
}

static bool is(const xmlNode *n, const char *ns, const char *local)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
           !strcmp((const char *)n->name, local);
}

/* "ecd:PeoMember" resolved in the scope of `at`. */
static qname resolve(xmlDoc *x, xmlNode *at, const char *text)
{
    qname q = {"", ""};
    while (*text == ' ' || *text == '\n')
        text++;
    const char *colon = strchr(text, ':');
    char prefix[64] = "";
    if (colon && (size_t)(colon - text) < sizeof prefix) {
        memcpy(prefix, text, (size_t)(colon - text));
        prefix[colon - text] = '\0';
        text = colon + 1;
    }
    xmlNs *ns = xmlSearchNs(x, at, colon ? (const xmlChar *)prefix : NULL);
    snprintf(q.ns, sizeof q.ns, "%s", ns ? (const char *)ns->href : "?");
    snprintf(q.local, sizeof q.local, "%s", text);
    size_t n = strcspn(q.local, " \n\t");
    q.local[n] = '\0';
    return q;
}

static char *attr(xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static void read_context(doc *d, xmlDoc *x, xmlNode *n)
{
    context *c = &d->ctx[d->nctx++];
    memset(c, 0, sizeof *c);
    char *id = attr(n, "id");
    snprintf(c->id, sizeof c->id, "%s", id ? id : "");
    xmlFree(id);
    for (xmlNode *e = n->children; e; e = e->next) {
        for (xmlNode *s = e->children; s; s = s->next) {
            if (is(s, XBRLI_NS, "endDate")) {
                char *t = (char *)xmlNodeGetContent(s);
                snprintf(c->end, sizeof c->end, "%s", t);
                xmlFree(t);
            }
            if (!is(s, XBRLI_NS, "segment"))
                continue;
            for (xmlNode *m = s->children; m; m = m->next) {
                bool typed = is(m, XBRLDI_NS, "typedMember");
                if ((!typed && !is(m, XBRLDI_NS, "explicitMember")) || c->ndims == 4)
                    continue;
                dim *dm = &c->dims[c->ndims++];
                char *axis = attr(m, "dimension");
                dm->axis = resolve(x, m, axis ? axis : "");
                xmlFree(axis);
                if (!typed) {
                    char *t = (char *)xmlNodeGetContent(m);
                    dm->member = resolve(x, m, t);
                    xmlFree(t);
                } else {
                    dm->member = (qname){"", ""};
                }
            }
        }
    }
}

/* The number shown, with the sign attribute: "-60000.00" and its cents. */
static void number_value(fact *f, const char *text, bool negative)
{
    char digits[256];
    size_t k = 0;
    for (const char *p = text; *p && k + 1 < sizeof digits; p++)
        if ((*p >= '0' && *p <= '9') || *p == '.')
            digits[k++] = *p;
    digits[k] = '\0';
    snprintf(f->value, sizeof f->value, "%s%s", negative ? "-" : "", digits);
    long long whole = 0, frac = 0;
    int nfrac = 0;
    bool point = false;
    for (const char *p = digits; *p; p++) {
        if (*p == '.')
            point = true;
        else if (!point)
            whole = whole * 10 + (*p - '0');
        else if (nfrac < 2)
            frac = frac * 10 + (*p - '0'), nfrac++;
    }
    while (nfrac < 2)
        frac *= 10, nfrac++;
    f->cents = (whole * 100 + frac) * (negative ? -1 : 1);
}

static void read_facts(doc *d, xmlDoc *x, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, XBRLI_NS, "context")) {
            read_context(d, x, n);
            continue;
        }
        if (is(n, XBRLI_NS, "unit") && d->nunits < 8) {
            char *id = attr(n, "id");
            snprintf(d->units[d->nunits++], 40, "%s", id ? id : "");
            xmlFree(id);
            continue;
        }
        bool nf = is(n, IX_NS, "nonFraction");
        if (nf || is(n, IX_NS, "nonNumeric")) {
            fact *f = &d->facts[d->nfacts++];
            memset(f, 0, sizeof *f);
            char *name = attr(n, "name"), *ctx = attr(n, "contextRef"), *unit = attr(n, "unitRef");
            char *sign = attr(n, "sign");
            f->concept = resolve(x, n, name ? name : "");
            snprintf(f->ctx, sizeof f->ctx, "%s", ctx ? ctx : "");
            f->has_unit = unit != NULL;
            snprintf(f->unit, sizeof f->unit, "%s", unit ? unit : "");
            f->numeric = nf;
            char *text = (char *)xmlNodeGetContent(n);
            if (nf)
                number_value(f, text ? text : "", sign && !strcmp(sign, "-"));
            else
                snprintf(f->value, sizeof f->value, "%s", text ? text : "");
            xmlFree(text);
            xmlFree(name);
            xmlFree(ctx);
            xmlFree(unit);
            xmlFree(sign);
        }
        read_facts(d, x, n->children);
    }
}

static size_t count_elements(xmlNode *n)
{
    size_t c = 0;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            c += 1 + count_elements(n->children);
    return c;
}

/* The xs:element names of a schema file, and its targetNamespace. */
static char **schema_names(const char *path, size_t *count, char *target, size_t target_size)
{
    *count = 0;
    xmlDoc *x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!x)
        return NULL;
    xmlNode *root = xmlDocGetRootElement(x);
    char *tns = attr(root, "targetNamespace");
    if (target)
        snprintf(target, target_size, "%s", tns ? tns : "");
    xmlFree(tns);
    char **names = calloc(count_elements(root) + 1, sizeof *names);
    for (xmlNode *n = root->children; n && names; n = n->next)
        if (is(n, XS_NS, "element")) {
            char *name = attr(n, "name");
            if (name)
                names[(*count)++] = pc_strdup(name);
            xmlFree(name);
        }
    xmlFreeDoc(x);
    return names;
}

static bool listed(char **names, size_t n, const char *local)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], local))
            return true;
    return false;
}

/* The 13 standard AdjToCompAxis members of ECD 2024/2025 (the kit's list). */
static bool standard_member(const doc *d, const qname *q)
{
    if (d->year < 2024 || strcmp(q->ns, d->ecd))
        return false;
    char *list = read_file(PAYCALC_IXBRL_KIT "/ecd-adj-to-comp-members-2024-2025.txt", NULL);
    char want[400];
    snprintf(want, sizeof want, "{%s}%s\n", q->ns, q->local);
    bool found = list && strstr(list, want) && strcmp(q->local, "AllAdjToCompMember");
    free(list);
    return found;
}

static bool ecd(const doc *d, const qname *q, const char *local)
{
    return !strcmp(q->ns, d->ecd) && !strcmp(q->local, local);
}

static const context *find_context(const doc *d, const char *id)
{
    for (size_t i = 0; i < d->nctx; i++)
        if (!strcmp(d->ctx[i].id, id))
            return &d->ctx[i];
    return NULL;
}

/* The member of `axis` in a context, or NULL. */
static const qname *member_of(const doc *d, const context *c, const char *axis)
{
    for (int k = 0; c && k < c->ndims; k++)
        if (ecd(d, &c->dims[k].axis, axis))
            return &c->dims[k].member;
    return NULL;
}

/* SPEC section 15's table: the concepts and the dimensions each may have. */
static bool concept_allowed(const doc *d, const qname *q, const char **dims)
{
    static const char *const plain[] = {"NonPeoNeoAvgTotalCompAmt",
                                        "NonPeoNeoAvgCompActuallyPaidAmt",
                                        "TotalShareholderRtnAmt",
                                        "PeerGroupTotalShareholderRtnAmt",
                                        "CoSelectedMeasureAmt",
                                        "CoSelectedMeasureName",
                                        "PvpTableTextBlock",
                                        "AdjToPeoCompFnTextBlock",
                                        "AdjToNonPeoNeoCompFnTextBlock",
                                        "NamedExecutiveOfficersFnTextBlock",
                                        "PeerGroupIssuersFnTextBlock",
                                        "TabularListTableTextBlock",
                                        "CompActuallyPaidVsTotalShareholderRtnTextBlock",
                                        "CompActuallyPaidVsNetIncomeTextBlock",
                                        "CompActuallyPaidVsCoSelectedMeasureTextBlock",
                                        "TotalShareholderRtnVsPeerGroupTextBlock"};
    *dims = "";
    char dei[64], gaap[64];
    snprintf(dei, sizeof dei, "http://xbrl.sec.gov/dei/%d", d->year);
    snprintf(gaap, sizeof gaap, "http://fasb.org/us-gaap/%d", d->year);
    if (!strcmp(q->ns, dei))
        return !strcmp(q->local, "DocumentType") || !strcmp(q->local, "AmendmentFlag") ||
               !strcmp(q->local, "EntityRegistrantName") ||
               !strcmp(q->local, "EntityCentralIndexKey");
    if (!strcmp(q->ns, gaap))
        return !strcmp(q->local, "NetIncomeLoss");
    if (strcmp(q->ns, d->ecd) || !listed(d->ecd_names, d->necd, q->local))
        return false;
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        if (!strcmp(q->local, plain[i]))
            return true;
    if (!strcmp(q->local, "PeoTotalCompAmt") || !strcmp(q->local, "PeoActuallyPaidCompAmt") ||
        !strcmp(q->local, "PeoName")) {
        *dims = "IndividualAxis";
        return true;
    }
    if (!strcmp(q->local, "AdjToCompAmt")) {
        *dims = "ExecutiveCategoryAxis AdjToCompAxis IndividualAxis";
        return true;
    }
    if (!strcmp(q->local, "MeasureName")) {
        *dims = "MeasureAxis";
        return true;
    }
    return false;
}

static void check_members(doc *d)
{
    for (size_t i = 0; i < d->nctx; i++) {
        const context *c = &d->ctx[i];
        for (int k = 0; k < c->ndims; k++) {
            const dim *dm = &c->dims[k];
            const qname *m = &dm->member;
            bool ok;
            if (ecd(d, &dm->axis, "ExecutiveCategoryAxis"))
                ok = ecd(d, m, "PeoMember") || ecd(d, m, "NonPeoNeoMember");
            else if (ecd(d, &dm->axis, "AdjToCompAxis"))
                ok = standard_member(d, m) ||
                     (!strcmp(m->ns, d->ext_ns) && listed(d->ext_names, d->next, m->local));
            else if (ecd(d, &dm->axis, "IndividualAxis"))
                ok = !strcmp(m->ns, d->ext_ns) && listed(d->ext_names, d->next, m->local);
            else if (ecd(d, &dm->axis, "MeasureAxis"))
                ok = m->local[0] == '\0';
            else
                ok = false;
            if (!ok)
                finding(d, "unknown_member",
                        "context %s: %s on %s is not an ECD member nor one "
                        "the extension schema declares",
                        c->id, m->local[0] ? m->local : "(typed)", dm->axis.local);
        }
    }
}

static void check_facts(doc *d)
{
    for (size_t i = 0; i < d->nfacts; i++) {
        const fact *f = &d->facts[i];
        const context *c = find_context(d, f->ctx);
        if (!c)
            finding(d, "unresolved_ref", "%s: contextRef %s names no context", f->concept.local,
                    f->ctx);
        bool unit_ok = !f->has_unit;
        for (int u = 0; u < d->nunits && !unit_ok; u++)
            unit_ok = !strcmp(d->units[u], f->unit);
        if (!unit_ok)
            finding(d, "unresolved_ref", "%s: unitRef %s names no unit", f->concept.local, f->unit);
        const char *dims;
        if (!concept_allowed(d, &f->concept, &dims)) {
            finding(d, "unknown_concept", "%s {%s} is not a concept of the section",
                    f->concept.local, f->concept.ns);
            continue;
        }
        for (int k = 0; c && k < c->ndims; k++) {
            const char *axis = c->dims[k].axis.local;
            const char *at = strstr(dims, axis);
            bool ok = !strcmp(c->dims[k].axis.ns, d->ecd) && at &&
                      (at[strlen(axis)] == ' ' || at[strlen(axis)] == '\0');
            if (!ok)
                finding(d, "dimension_not_allowed", "%s in context %s: %s", f->concept.local, c->id,
                        axis);
        }
        /* AdjToCompAmt needs its category and line; MeasureName its number. */
        bool needs =
            !strcmp(f->concept.local, "AdjToCompAmt") &&
            (!member_of(d, c, "ExecutiveCategoryAxis") || !member_of(d, c, "AdjToCompAxis"));
        if (needs || (!strcmp(f->concept.local, "MeasureName") && !member_of(d, c, "MeasureAxis")))
            finding(d, "dimension_not_allowed", "%s in context %s lacks a dimension it needs",
                    f->concept.local, f->ctx);
        /* DQC_0191 */
        const qname *cat = member_of(d, c, "ExecutiveCategoryAxis");
        if (!strncmp(f->concept.local, "Peo", 3) && cat && ecd(d, cat, "NonPeoNeoMember"))
            finding(d, "dqc_0191", "%s in context %s is on NonPeoNeoMember", f->concept.local,
                    f->ctx);
    }
}

static int by_key(const void *a, const void *b)
{
    const fact *x = *(const fact *const *)a, *y = *(const fact *const *)b;
    int c = strcmp(x->concept.local, y->concept.local);
    if (!c)
        c = strcmp(x->concept.ns, y->concept.ns);
    if (!c)
        c = strcmp(x->ctx, y->ctx);
    return c ? c : strcmp(x->unit, y->unit);
}

static void check_duplicates(doc *d)
{
    const fact **sorted = malloc((d->nfacts + 1) * sizeof *sorted);
    for (size_t i = 0; i < d->nfacts; i++)
        sorted[i] = &d->facts[i];
    qsort(sorted, d->nfacts, sizeof *sorted, by_key);
    for (size_t i = 1; i < d->nfacts; i++) {
        const fact *a = sorted[i - 1], *b = sorted[i];
        if (by_key(&a, &b) != 0)
            continue;
        bool same = a->numeric ? a->cents == b->cents : !strcmp(a->value, b->value);
        if (!same)
            finding(d, "duplicate_differs", "%s in context %s: %s and %s", a->concept.local, a->ctx,
                    a->value, b->value);
    }
    free(sorted);
}

/* The parent of a standard member in the SEC's tree (SPEC section 15). */
static const char *parent_of(const char *local)
{
    static const char *const tree[][2] = {
        {"EqtyAwrdsInSummryCompstnTblForAplblYrMember", "EqtyAwrdsAdjsMember"},
        {"EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember", "EqtyAwrdsAdjsMember"},
        {"YrEndFrValOfEqtyAwrdsGrntdInCvrdYrOutsdngAndUnvstdMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"ChngInFrValOfOutsdngAndUnvstdEqtyAwrdsGrntdInPrrYrsMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"VstngDtFrValOfEqtyAwrdsGrntdAndVstdInCvrdYrMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"ChngInFrValAsOfVstngDtOfPrrYrEqtyAwrdsVstdInCvrdYrMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"FrValAsOfPrrYrEndOfEqtyAwrdsGrntdInPrrYrsFldVstngCondsDrngCvrdYrMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember",
         "EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember"},
        {"PnsnAdjsSvcCstMember", "AggtPnsnAdjsSvcCstMember"},
        {"PnsnAdjsPrrSvcCstMember", "AggtPnsnAdjsSvcCstMember"}};
    for (size_t i = 0; i < sizeof tree / sizeof *tree; i++)
        if (!strcmp(tree[i][0], local))
            return tree[i][1];
    return NULL;
}

/* The subject of a context: "end|category|individual". */
static void subject_of(const doc *d, const context *c, char *out, size_t size)
{
    const qname *cat = member_of(d, c, "ExecutiveCategoryAxis");
    const qname *ind = member_of(d, c, "IndividualAxis");
    snprintf(out, size, "%s|%s|%s", c ? c->end : "?", cat ? cat->local : "", ind ? ind->local : "");
}

static bool group_has(const doc *d, const char *subject, const char *member)
{
    for (size_t i = 0; i < d->nfacts; i++) {
        const fact *f = &d->facts[i];
        const context *c = find_context(d, f->ctx);
        const qname *m = member_of(d, c, "AdjToCompAxis");
        char s[600];
        subject_of(d, c, s, sizeof s);
        if (ecd(d, &f->concept, "AdjToCompAmt") && m && !strcmp(s, subject) &&
            !strcmp(m->local, member) && !strcmp(m->ns, d->ecd))
            return true;
    }
    return false;
}

/* DQC_0177 for every year, executive category and PEO that has a CAP. */
static void check_dqc_0177(doc *d)
{
    for (size_t i = 0; i < d->nfacts; i++) {
        const fact *cap = &d->facts[i];
        bool peo = ecd(d, &cap->concept, "PeoActuallyPaidCompAmt");
        if (!peo && !ecd(d, &cap->concept, "NonPeoNeoAvgCompActuallyPaidAmt"))
            continue;
        const context *cc = find_context(d, cap->ctx);
        if (!cc)
            continue;
        const char *sct_name = peo ? "PeoTotalCompAmt" : "NonPeoNeoAvgTotalCompAmt";
        const fact *sct = NULL;
        for (size_t k = 0; k < d->nfacts && !sct; k++)
            if (ecd(d, &d->facts[k].concept, sct_name) && !strcmp(d->facts[k].ctx, cap->ctx))
                sct = &d->facts[k];
        const qname *ind = member_of(d, cc, "IndividualAxis");
        char subject[600];
        snprintf(subject, sizeof subject, "%s|%s|%s", cc->end,
                 peo ? "PeoMember" : "NonPeoNeoMember", ind ? ind->local : "");
        long long sum = 0;
        int n = 0;
        for (size_t k = 0; k < d->nfacts; k++) {
            const fact *f = &d->facts[k];
            if (!ecd(d, &f->concept, "AdjToCompAmt"))
                continue;
            const context *c = find_context(d, f->ctx);
            char s[600];
            subject_of(d, c, s, sizeof s);
            const qname *m = member_of(d, c, "AdjToCompAxis");
            if (strcmp(s, subject) || !m)
                continue;
            bool top = true;
            for (const char *p = parent_of(m->local); p && top; p = parent_of(p))
                top = !group_has(d, subject, p);
            if (top) {
                sum += f->cents;
                n++;
            }
        }
        if (!sct)
            finding(d, "dqc_0177", "%s %s: no %s beside compensation actually paid", cc->end,
                    subject, sct_name);
        else if (n == 0)
            finding(d, "dqc_0177", "%s: no adjustments for compensation actually paid", subject);
        else if (sum != cap->cents - sct->cents)
            finding(d, "dqc_0177",
                    "%s: the adjustments sum to %lld cents, compensation actually paid less the "
                    "Summary Compensation Table total is %lld",
                    subject, sum, cap->cents - sct->cents);
    }
}

static void check_dqc_0188(doc *d)
{
    if (d->year < 2024)
        return;
    bool any = false, standard = false;
    for (size_t i = 0; i < d->nfacts; i++) {
        if (!ecd(d, &d->facts[i].concept, "AdjToCompAmt"))
            continue;
        any = true;
        const qname *m = member_of(d, find_context(d, d->facts[i].ctx), "AdjToCompAxis");
        standard |= m && standard_member(d, m);
    }
    if (any && !standard)
        finding(d, "dqc_0188", "ECD %d: no adjustment uses a standard AdjToCompAxis member",
                d->year);
}

static void syntax(doc *d, const char *htm)
{
    const char *args[] = {htm, NULL};
    run_result r = run_program(PAYCALC_IXBRL_KIT "/check-ixbrl-syntax.sh", args);
    if (r.status != 0) {
        size_t n = strcspn(r.err ? r.err : "", "\n");
        finding(d, "syntax", "check-ixbrl-syntax.sh exit %d: %.*s", r.status, (int)n,
                r.err ? r.err : "");
    }
    run_result_free(&r);
}

char *ixbrl_check(const char *htm)
{
    doc d;
    memset(&d, 0, sizeof d);
    pc_buf_init(&d.out);
    syntax(&d, htm);
    xmlDoc *x = xmlReadFile(htm, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!x) {
        finding(&d, "syntax", "%s is not XML", htm);
        return pc_buf_take(&d.out);
    }
    xmlNode *root = xmlDocGetRootElement(x);
    xmlNs *ecd_ns = xmlSearchNs(x, root, (const xmlChar *)"ecd");
    snprintf(d.ecd, sizeof d.ecd, "%s", ecd_ns ? (const char *)ecd_ns->href : "");
    const char *slash = strrchr(d.ecd, '/');
    d.year = slash ? atoi(slash + 1) : 0;
    /* ECD 2024/2025 have the 2023 concepts under the same names (the kit
     * holds only ecd-2023.xsd; its README). */
    d.ecd_names = schema_names(PAYCALC_IXBRL_KIT "/https/xbrl.sec.gov/ecd/2023/ecd-2023.xsd",
                               &d.necd, NULL, 0);
    /* The extension schema named by link:schemaRef, beside the document. */
    char *dir = pc_strdup(htm);
    char *cut = strrchr(dir, '/');
    if (cut)
        cut[1] = '\0';
    else
        dir[0] = '\0';
    size_t n = count_elements(root);
    d.ctx = calloc(n + 1, sizeof *d.ctx);
    d.facts = calloc(n + 1, sizeof *d.facts);
    char xsd[4096] = "";
    for (xmlNode *e = root; e;) {
        /* depth-first search for link:schemaRef */
        if (e->type == XML_ELEMENT_NODE && !strcmp((const char *)e->name, "schemaRef")) {
            char *href = (char *)xmlGetNsProp(e, (const xmlChar *)"href",
                                              (const xmlChar *)"http://www.w3.org/1999/xlink");
            snprintf(xsd, sizeof xsd, "%s%s", dir, href ? href : "");
            xmlFree(href);
            break;
        }
        if (e->children)
            e = e->children;
        else {
            while (e && !e->next)
                e = e->parent;
            if (e)
                e = e->next;
        }
    }
    free(dir);
    d.ext_names = schema_names(xsd, &d.next, d.ext_ns, sizeof d.ext_ns);
    if (!d.ext_names)
        finding(&d, "unknown_member", "the extension schema %s cannot be read", xsd);
    read_facts(&d, x, root);
    check_members(&d);
    check_facts(&d);
    check_duplicates(&d);
    check_dqc_0177(&d);
    check_dqc_0188(&d);
    xmlFreeDoc(x);
    for (size_t i = 0; i < d.necd; i++)
        free(d.ecd_names[i]);
    for (size_t i = 0; i < d.next; i++)
        free(d.ext_names[i]);
    free(d.ecd_names);
    free(d.ext_names);
    free(d.ctx);
    free(d.facts);
    char *out = pc_buf_take(&d.out);
    return out ? out : pc_strdup("");
}

int ixbrl_count(const char *findings, const char *rule)
{
    int n = 0;
    size_t len = strlen(rule);
    for (const char *p = findings; p && *p;) {
        if (!strncmp(p, rule, len) && p[len] == ':')
            n++;
        const char *eol = strchr(p, '\n');
        p = eol ? eol + 1 : p + strlen(p);
    }
    return n;
}
