/*
 * Inline XBRL reader (SPEC section 15, Reading): the contexts, units and
 * facts of a proxy's iXBRL with libxml2, as untrusted input.
 *
 * Parsing: XML_PARSE_NONET, no DTD loading (XML_PARSE_DTDLOAD off), no
 * entity substitution (XML_PARSE_NOENT off); an entity declaration stops the
 * parser at once (XXE and "billion laughs" both need one), libxml2's own
 * depth limit (256, no XML_PARSE_HUGE) refuses deep nesting, and the file
 * size and fact count are bounded. Every refusal is an error naming the
 * file and line.
 *
 * Facts: ix:nonFraction (scale, sign, decimals and the formats filings use:
 * TR4/TR3 num-dot-decimal, num-comma-decimal, fixed-zero, zerodash, and SEC
 * numwordsen "none"/"no"), ix:nonNumeric with its ix:continuation chain,
 * the text inside ix:exclude left out of a fact's value, ix:hidden read. Facts nested in text
 * blocks and spans are read where they stand.
 */
#define _POSIX_C_SOURCE 200809L /* fileno */

#include "paycalc/ixbrl.h"

#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "paycalc/parse.h"
#include "paycalc/text.h"

#define NS_IX11 "http://www.xbrl.org/2013/inlineXBRL"
#define NS_IX10 "http://www.xbrl.org/2008/inlineXBRL"
#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

void pc_ixbrl_doc_init(pc_ixbrl_doc *doc)
{
    memset(doc, 0, sizeof *doc);
}

void pc_ixbrl_doc_fini(pc_ixbrl_doc *doc)
{
    if (!doc)
        return;
    free(doc->path);
    for (size_t i = 0; i < doc->contexts.count; i++) {
        free(doc->contexts.items[i].id);
        free(doc->contexts.items[i].entity);
    }
    free(doc->contexts.items);
    for (size_t i = 0; i < doc->dims.count; i++) {
        free(doc->dims.items[i].axis);
        free(doc->dims.items[i].member);
    }
    free(doc->dims.items);
    for (size_t i = 0; i < doc->units.count; i++)
        free(doc->units.items[i]);
    free(doc->units.items);
    for (size_t i = 0; i < doc->facts.count; i++) {
        pc_ixbrl_fact *f = &doc->facts.items[i];
        free(f->concept);
        free(f->context);
        free(f->unit);
        free(f->displayed);
    }
    free(doc->facts.items);
    for (size_t i = 0; i < doc->cells.count; i++)
        free(doc->cells.items[i].text);
    free(doc->cells.items);
    free(doc->pvp_tables.items);
    memset(doc, 0, sizeof *doc);
}

/* ------------------------------------------------------------ the parser */

/* What the parser callbacks record. */
typedef struct parse_guard {
    bool entity_declared;
    int entity_line;
    char *entity_name;
    bool failed; /* the first error below is set */
    int error_line;
    int error_code;
    char *error_message;
} parse_guard;

/* Any entity declaration stops the parse: an iXBRL document needs none
 * (characters are written as &#160;), and every entity attack needs one. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)type, (void)public_id, (void)system_id, (void)content;
    xmlParserCtxtPtr c = ctx;
    parse_guard *g = c->_private;
    if (!g->entity_declared) {
        g->entity_declared = true;
        g->entity_line = xmlSAX2GetLineNumber(ctx);
        g->entity_name = pc_strdup(name ? (const char *)name : "");
    }
    xmlStopParser(c);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    parse_guard *g = ((xmlParserCtxtPtr)ctx)->_private;
    if (g->failed || !e || e->level < XML_ERR_ERROR)
        return;
    g->failed = true;
    g->error_line = e->line;
    g->error_code = e->code;
    g->error_message = pc_strdup(e->message ? e->message : "unreadable XML");
    if (g->error_message) { /* libxml2 messages end with a newline */
        size_t n = strlen(g->error_message);
        while (n && (g->error_message[n - 1] == '\n' || g->error_message[n - 1] == ' '))
            g->error_message[--n] = '\0';
    }
}

static xmlDocPtr parse(const char *data, size_t size, parse_guard *g)
{
    if (size > (size_t)INT_MAX)
        return NULL;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)size);
    if (!ctxt)
        return NULL;
    ctxt->_private = g;
    ctxt->sax->entityDecl = on_entity_decl;
    /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or
     * XML_PARSE_HUGE: entities stay unsubstituted, no DTD is fetched, and
     * libxml2 keeps its depth and size limits. */
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    /* Both handlers receive ctxt->userData, the context itself. */
    ctxt->userData = ctxt;
    ctxt->sax->serror = on_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    xmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    bool ok = ctxt->wellFormed && !g->entity_declared && !g->failed;
    if (!ok && !g->failed && !g->entity_declared && ctxt->lastError.code) {
        g->failed = true;
        g->error_line = ctxt->lastError.line;
        g->error_code = ctxt->lastError.code;
        g->error_message =
            pc_strdup(ctxt->lastError.message ? ctxt->lastError.message : "not well-formed XML");
    }
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* ------------------------------------------------------------ the walk */

typedef struct continuation {
    const char *id;
    xmlNodePtr node;
} continuation;

typedef struct walker {
    pc_ixbrl_doc *doc;
    pc_diags *diags;
    const char *name; /* the file, for messages */
    bool nomem;
    bool failed; /* an input error was recorded */
    bool has_header;
    continuation *conts;
    size_t nconts, conts_cap;
    int tables; /* tables seen so far */
    /* The cell being read: its text outside facts, whether a fact is in
     * it, and its place. */
    int cell_table, cell_column;
    bool in_cell, cell_has_fact;
    bool cell_header; /* a <th>: a column's heading, never a figure */
    bool muted;       /* inside a superscript: text that is not the cell's figure */
    pc_buf cell_text;
    int cell_line;
    int row_year;  /* the current row's year (its first cell) */
    int row_cells; /* cells of the current row so far */
    int row_column;
} walker;

static bool is_ix(xmlNodePtr n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           (!strcmp((const char *)n->ns->href, NS_IX11) ||
            !strcmp((const char *)n->ns->href, NS_IX10)) &&
           !strcmp((const char *)n->name, local);
}

static bool is_ns(xmlNodePtr n, const char *ns, const char *local)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, ns) && !strcmp((const char *)n->name, local);
}

static bool is_html(xmlNodePtr n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local) &&
           (!n->ns || !strcmp((const char *)n->ns->href, "http://www.w3.org/1999/xhtml"));
}

static int line_of(xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    return l > 0 && l < INT_MAX ? (int)l : 0;
}

static void fail(walker *w, int line, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(walker *w, int line, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!msg || pc_error(w->diags, w->name, line, 0, code, "%s", msg) != PC_OK)
        w->nomem = true;
    free(msg);
    w->failed = true;
}

/* An attribute's value (caller frees), or NULL. */
static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = pc_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* The usual prefix of a taxonomy namespace, or NULL. */
static const char *known_prefix(const char *href)
{
    static const struct {
        const char *start, *prefix;
    } known[] = {{"http://xbrl.sec.gov/ecd/", "ecd"},
                 {"http://xbrl.sec.gov/dei/", "dei"},
                 {"http://fasb.org/us-gaap/", "us-gaap"},
                 {"http://fasb.org/srt/", "srt"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strncmp(href, known[i].start, strlen(known[i].start)))
            return known[i].prefix;
    return NULL;
}

/* A QName written in `n`'s scope, with the usual prefix of a known
 * taxonomy ("ecd:PeoMember" whatever the document calls ecd). */
static char *qname(xmlNodePtr n, const char *text)
{
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n' ||
                   text[len - 1] == '\r'))
        len--;
    const char *colon = memchr(text, ':', len);
    if (colon) {
        char *prefix = malloc((size_t)(colon - text) + 1);
        if (!prefix)
            return NULL;
        memcpy(prefix, text, (size_t)(colon - text));
        prefix[colon - text] = '\0';
        xmlNsPtr ns = xmlSearchNs(n->doc, n, (const xmlChar *)prefix);
        free(prefix);
        const char *p = ns && ns->href ? known_prefix((const char *)ns->href) : NULL;
        if (p)
            return pc_text_format("%s:%.*s", p, (int)(len - (size_t)(colon + 1 - text)), colon + 1);
    }
    return pc_text_format("%.*s", (int)len, text);
}

/* Appends the text under `n` (ix:exclude skipped) to `b`. */
static void gather_text(xmlNodePtr n, pc_buf *b, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < PC_IXBRL_MAX_DEPTH; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            pc_buf_puts(b, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE && !is_ix(c, "exclude"))
            gather_text(c, b, depth + 1);
    }
}

/* Whitespace (and no-break spaces) collapsed to single spaces, trimmed. */
static char *collapse(const char *s)
{
    pc_buf b = {0};
    bool space = false;
    for (const char *p = s; *p; p++) {
        bool ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        size_t nb = 0;
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
            nb = 1;
        if (ws || nb) {
            space = true;
            p += nb;
            continue;
        }
        if (space && b.len)
            pc_buf_puts(&b, " ");
        space = false;
        pc_buf_append(&b, p, 1);
    }
    if (!b.len)
        pc_buf_puts(&b, "");
    return pc_buf_take(&b);
}

/* ---- number formats (Inline XBRL Transformation Registry 3/4, SEC) ---- */

/* Parses `text` by `format` (its local name) into micros before scale.
 * Returns false with `why` set when the text does not fit. */
static bool read_number(const char *format, const char *text, int64_t *micro, int *shown_decimals,
                        char *why, size_t why_size)
{
    *micro = 0;
    *shown_decimals = 0;
    if (format && (!strcmp(format, "fixed-zero") || !strcmp(format, "fixedzero")))
        return true;
    if (format && (!strcmp(format, "zerodash") || !strcmp(format, "zero-dash"))) {
        /* a dash of any kind, alone */
        for (const char *p = text; *p; p++) {
            unsigned char ch = (unsigned char)*p;
            if (ch == '-' || ch == ' ')
                continue;
            if (ch == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] >= 0x90 &&
                (unsigned char)p[2] <= 0x95) {
                p += 2;
                continue;
            }
            snprintf(why, why_size, "zerodash expects a dash");
            return false;
        }
        return true;
    }
    if (format && (!strcmp(format, "numwordsen") || !strcmp(format, "num-words-en"))) {
        char low[16];
        size_t n = 0;
        for (const char *p = text; *p && n + 1 < sizeof low; p++)
            if (*p != ' ')
                low[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        low[n] = '\0';
        if (!strcmp(low, "no") || !strcmp(low, "none") || !strcmp(low, "zero"))
            return true;
        snprintf(why, why_size, "numwordsen reads \"none\", \"no\" or \"zero\"");
        return false;
    }
    char group = 0, point = '.';
    if (!format) {
        group = 0;
    } else if (!strcmp(format, "num-dot-decimal") || !strcmp(format, "numdotdecimal") ||
               !strcmp(format, "numcommadot")) {
        group = ',';
    } else if (!strcmp(format, "num-comma-decimal") || !strcmp(format, "numcommadecimal") ||
               !strcmp(format, "numdotcomma")) {
        group = '.';
        point = ',';
    } else {
        snprintf(why, why_size,
                 "format '%s' is not one paycalc reads (num-dot-decimal, "
                 "num-comma-decimal, fixed-zero, zerodash, numwordsen)",
                 format);
        return false;
    }
    int64_t v = 0;
    int decimals = -1, digits = 0;
    for (const char *p = text; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch >= '0' && ch <= '9') {
            if (decimals >= 6 || v > (INT64_MAX / 10 - 9) / 1000000) {
                snprintf(why, why_size, "too many digits");
                return false;
            }
            v = v * 10 + (ch - '0');
            digits++;
            if (decimals >= 0)
                decimals++;
        } else if (ch == (unsigned char)point && decimals < 0) {
            decimals = 0;
        } else if (group && decimals < 0 && digits && (ch == (unsigned char)group || ch == ' ')) {
            continue;
        } else if (group && decimals < 0 && digits && ch == 0xC2 && (unsigned char)p[1] == 0xA0) {
            p++;
        } else {
            snprintf(why, why_size, "'%c' is not part of a number in format %s", ch,
                     format ? format : "xs:decimal");
            return false;
        }
    }
    if (!digits) {
        snprintf(why, why_size, "no digits");
        return false;
    }
    int d = decimals < 0 ? 0 : decimals;
    for (int i = d; i < 6; i++)
        v *= 10;
    *micro = v;
    *shown_decimals = d;
    return true;
}

/* The local name of a format QName ("ixt:num-dot-decimal" -> "num-dot-decimal"). */
static const char *format_local(const char *format)
{
    const char *colon = format ? strrchr(format, ':') : NULL;
    return colon ? colon + 1 : format;
}

/* ---- contexts and units ---- */

static bool read_date(xmlNodePtr n, pc_date *out)
{
    xmlChar *t = xmlNodeGetContent(n);
    bool ok = false;
    if (t) {
        char *s = collapse((const char *)t);
        /* dateTime values keep their date part */
        if (s && strlen(s) >= 10) {
            s[10] = '\0';
            ok = pc_date_parse(s, out) == PC_OK;
        }
        free(s);
        xmlFree(t);
    }
    return ok;
}

static void read_context(walker *w, xmlNodePtr n)
{
    pc_ixbrl_doc *doc = w->doc;
    pc_ixbrl_context *c = PC_ARRAY_PUSH(&doc->contexts);
    if (!c) {
        w->nomem = true;
        return;
    }
    c->id = attr(n, "id");
    c->line = line_of(n);
    c->first_dim = doc->dims.count;
    if (!c->id) {
        fail(w, c->line, "ixbrl_context", "a context has no id");
        return;
    }
    bool have_end = false;
    for (xmlNodePtr e = n->children; e; e = e->next) {
        if (is_ns(e, NS_XBRLI, "entity")) {
            for (xmlNodePtr x = e->children; x; x = x->next) {
                if (is_ns(x, NS_XBRLI, "identifier") && !c->entity) {
                    xmlChar *t = xmlNodeGetContent(x);
                    c->entity = collapse(t ? (const char *)t : "");
                    xmlFree(t);
                } else if (is_ns(x, NS_XBRLI, "segment")) {
                    for (xmlNodePtr m = x->children; m; m = m->next) {
                        bool explicit_ = is_ns(m, NS_XBRLDI, "explicitMember");
                        if (!explicit_ && !is_ns(m, NS_XBRLDI, "typedMember"))
                            continue;
                        pc_ixbrl_dim *d = PC_ARRAY_PUSH(&doc->dims);
                        if (!d) {
                            w->nomem = true;
                            return;
                        }
                        char *axis = attr(m, "dimension");
                        d->axis = qname(m, axis ? axis : "");
                        free(axis);
                        xmlChar *t = xmlNodeGetContent(m);
                        d->member = explicit_ ? qname(m, t ? (const char *)t : "")
                                              : collapse(t ? (const char *)t : "");
                        xmlFree(t);
                        if (!d->axis || !d->member)
                            w->nomem = true;
                    }
                }
            }
        } else if (is_ns(e, NS_XBRLI, "period")) {
            for (xmlNodePtr p = e->children; p; p = p->next) {
                if (is_ns(p, NS_XBRLI, "endDate") || is_ns(p, NS_XBRLI, "instant")) {
                    have_end = read_date(p, &c->end);
                    if (is_ns(p, NS_XBRLI, "instant"))
                        c->start = c->end;
                } else if (is_ns(p, NS_XBRLI, "startDate")) {
                    read_date(p, &c->start);
                }
            }
        }
    }
    c->ndims = doc->dims.count - c->first_dim;
    if (!have_end)
        fail(w, c->line, "ixbrl_context",
             "context '%s' has no readable endDate or instant (YYYY-MM-DD)", c->id);
}

/* ---- facts ---- */

static pc_ixbrl_fact *new_fact(walker *w, xmlNodePtr n, bool hidden)
{
    if (w->doc->facts.count >= PC_IXBRL_MAX_FACTS) {
        if (!w->failed)
            fail(w, line_of(n), "ixbrl_too_many_facts",
                 "more than %d facts: not a proxy's Pay versus Performance section "
                 "(paycalc reads at most %d)",
                 PC_IXBRL_MAX_FACTS, PC_IXBRL_MAX_FACTS);
        return NULL;
    }
    pc_ixbrl_fact *f = PC_ARRAY_PUSH(&w->doc->facts);
    if (!f) {
        w->nomem = true;
        return NULL;
    }
    char *name = attr(n, "name");
    f->concept = name ? qname(n, name) : NULL;
    free(name);
    f->context = attr(n, "contextRef");
    f->hidden = hidden;
    f->line = line_of(n);
    if (!f->concept || !f->context) {
        fail(w, f->line, "ixbrl_fact", "a fact has no %s", f->concept ? "contextRef" : "name");
        return NULL;
    }
    xmlChar *nilv = xmlGetNsProp(n, (const xmlChar *)"nil", (const xmlChar *)NS_XSI);
    f->nil = nilv && (!strcmp((const char *)nilv, "true") || !strcmp((const char *)nilv, "1"));
    xmlFree(nilv);
    if (w->in_cell) {
        f->table = w->cell_table;
        f->column = w->cell_column;
        w->cell_has_fact = true;
        /* "(" just before the fact in its cell: shown as a negative */
        const char *t = pc_buf_text(&w->cell_text);
        size_t len = w->cell_text.len;
        while (len && (t[len - 1] == ' ' || t[len - 1] == '$' || t[len - 1] == '\n' ||
                       t[len - 1] == '\t' || t[len - 1] == '\r' ||
                       ((unsigned char)t[len - 1] == 0xA0 && len >= 2 &&
                        (unsigned char)t[len - 2] == 0xC2))) {
            len -= (unsigned char)t[len - 1] == 0xA0 ? 2 : 1;
        }
        f->in_parentheses = len && t[len - 1] == '(';
    }
    return f;
}

static void read_non_fraction(walker *w, xmlNodePtr n, bool hidden)
{
    pc_ixbrl_fact *f = new_fact(w, n, hidden);
    if (!f)
        return;
    f->numeric = true;
    f->unit = attr(n, "unitRef");
    pc_buf b = {0};
    gather_text(n, &b, 0);
    f->displayed = collapse(b.len ? pc_buf_text(&b) : "");
    pc_buf_fini(&b);
    if (!f->displayed) {
        w->nomem = true;
        return;
    }
    if (!f->unit) {
        fail(w, f->line, "ixbrl_fact", "fact %s (context %s) has no unitRef", f->concept,
             f->context);
        return;
    }
    char *sign = attr(n, "sign");
    char *scale = attr(n, "scale");
    char *decimals = attr(n, "decimals");
    char *format = attr(n, "format");
    f->negative = sign && !strcmp(sign, "-");
    if (sign && strcmp(sign, "-"))
        fail(w, f->line, "ixbrl_sign", "fact %s (context %s): sign '%s' is not \"-\"", f->concept,
             f->context, sign);
    int shown = 0;
    char why[200] = "";
    if (!f->nil && !read_number(format_local(format), f->displayed, &f->value_micro, &shown, why,
                                sizeof why)) {
        fail(w, f->line, "ixbrl_format",
             "fact %s (context %s): text '%s' does not fit its format: %s", f->concept, f->context,
             f->displayed, why);
    } else {
        long sc = 0;
        if (scale) {
            char *end;
            errno = 0;
            sc = strtol(scale, &end, 10);
            if (errno || *end || end == scale || sc < -12 || sc > 12) {
                fail(w, f->line, "ixbrl_scale",
                     "fact %s (context %s): scale '%s' is not a whole "
                     "number from -12 to 12",
                     f->concept, f->context, scale);
                sc = 0;
            }
        }
        int64_t v = f->value_micro;
        for (long i = 0; i < sc && !w->failed; i++) {
            if (v > INT64_MAX / 10) {
                fail(w, f->line, "ixbrl_scale",
                     "fact %s (context %s): '%s' at scale %ld is too "
                     "large",
                     f->concept, f->context, f->displayed, sc);
                break;
            }
            v *= 10;
        }
        for (long i = 0; i < -sc; i++)
            v /= 10; /* a percentage scaled -2: below a micro is dropped */
        f->value_micro = f->negative ? -v : v;
        if (decimals && !strcmp(decimals, "INF")) {
            f->decimals = shown - (int)sc;
        } else if (decimals) {
            char *end;
            long d = strtol(decimals, &end, 10);
            f->decimals = *end || end == decimals ? 0 : (int)(d < -9 ? -9 : d > 6 ? 6 : d);
        } else {
            f->decimals = shown - (int)sc;
        }
        if (f->decimals > 6)
            f->decimals = 6;
        if (f->decimals < -9)
            f->decimals = -9;
    }
    free(sign);
    free(scale);
    free(decimals);
    free(format);
}

static xmlNodePtr find_continuation(walker *w, const char *id)
{
    size_t lo = 0, hi = w->nconts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w->conts[mid].id, id);
        if (c == 0)
            return w->conts[mid].node;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static void read_non_numeric(walker *w, xmlNodePtr n, bool hidden)
{
    pc_ixbrl_fact *f = new_fact(w, n, hidden);
    if (!f)
        return;
    pc_buf b = {0};
    gather_text(n, &b, 0);
    /* The continuation chain, each link once (a loop is an error). */
    char *next = attr(n, "continuedAt");
    size_t links = 0;
    while (next && !w->failed) {
        xmlNodePtr c = find_continuation(w, next);
        if (!c) {
            fail(w, f->line, "ixbrl_continuation",
                 "fact %s (context %s): continuedAt '%s' names no ix:continuation", f->concept,
                 f->context, next);
            break;
        }
        if (++links > w->nconts) {
            fail(w, f->line, "ixbrl_continuation",
                 "fact %s (context %s): its ix:continuation chain loops at '%s'", f->concept,
                 f->context, next);
            break;
        }
        pc_buf_puts(&b, " ");
        gather_text(c, &b, 0);
        free(next);
        next = attr(c, "continuedAt");
    }
    free(next);
    f->displayed = collapse(b.len ? pc_buf_text(&b) : "");
    if (b.failed || !f->displayed)
        w->nomem = true;
    pc_buf_fini(&b);
}

/* A year printed as a column heading ("2022"): four digits, no separator. */
static bool is_year(const char *text)
{
    char *end;
    long y = strtol(text, &end, 10);
    return !*end && end - text == 4 && y >= 1900 && y <= 2200;
}

/* The table cells: a number printed with no tag is a missing_fact
 * candidate (the checks keep those of the PvP table). */
static void end_cell(walker *w)
{
    char *text = collapse(w->cell_text.len ? pc_buf_text(&w->cell_text) : "");
    if (!text) {
        w->nomem = true;
        return;
    }
    if (w->row_cells == 1) {
        /* the row's first cell: its year, if it is one */
        w->row_year = is_year(text) ? (int)strtol(text, NULL, 10) : 0;
    } else if (!w->cell_has_fact && !w->cell_header && !is_year(text) &&
               strpbrk(text, "0123456789")) {
        pc_printed p;
        if (pc_parse_printed(text, &p, NULL, 0) == PC_OK && p.published) {
            pc_ixbrl_cell *c = PC_ARRAY_PUSH(&w->doc->cells);
            if (!c) {
                w->nomem = true;
                free(text);
                return;
            }
            c->text = text;
            text = NULL;
            c->table = w->cell_table;
            c->column = w->cell_column;
            c->year = w->row_year;
            c->line = w->cell_line;
        }
    }
    free(text);
}

/* Notes a PvP table; the list is sorted and made unique once read. */
static bool mark_pvp_table(walker *w, int table)
{
    size_t n = w->doc->pvp_tables.count;
    if (n && w->doc->pvp_tables.items[n - 1] == table)
        return true;
    int *slot = PC_ARRAY_PUSH(&w->doc->pvp_tables);
    if (!slot)
        return false;
    *slot = table;
    return true;
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void sort_pvp_tables(pc_ixbrl_doc *doc)
{
    size_t n = doc->pvp_tables.count, k = 0;
    if (!n)
        return;
    if (n > 1)
        qsort(doc->pvp_tables.items, n, sizeof(int), compare_ints);
    for (size_t i = 0; i < n; i++)
        if (!k || doc->pvp_tables.items[k - 1] != doc->pvp_tables.items[i])
            doc->pvp_tables.items[k++] = doc->pvp_tables.items[i];
    doc->pvp_tables.count = k;
}

static void walk(walker *w, xmlNodePtr n, int depth, bool hidden, bool pvp_block);

static void walk_children(walker *w, xmlNodePtr n, int depth, bool hidden, bool pvp_block)
{
    for (xmlNodePtr c = n->children; c && !w->nomem; c = c->next)
        walk(w, c, depth + 1, hidden, pvp_block);
}

static void walk(walker *w, xmlNodePtr n, int depth, bool hidden, bool pvp_block)
{
    if (depth > PC_IXBRL_MAX_DEPTH) {
        if (!w->failed)
            fail(w, line_of(n), "ixbrl_too_deep", "elements nested more than %d deep",
                 PC_IXBRL_MAX_DEPTH);
        return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (w->in_cell && !w->muted && n->content)
            pc_buf_puts(&w->cell_text, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (is_html(n, "sup")) { /* footnote markers are no figures */
        bool saved = w->muted;
        w->muted = true;
        walk_children(w, n, depth, hidden, pvp_block);
        w->muted = saved;
        return;
    }
    if (is_ix(n, "header")) {
        w->has_header = true;
        walk_children(w, n, depth, hidden, pvp_block);
        return;
    }
    if (is_ix(n, "hidden")) {
        walk_children(w, n, depth, true, pvp_block);
        return;
    }
    if (is_ns(n, NS_XBRLI, "context")) {
        read_context(w, n);
        return;
    }
    if (is_ns(n, NS_XBRLI, "unit")) {
        char **slot = PC_ARRAY_PUSH(&w->doc->units);
        if (!slot || !(*slot = attr(n, "id")))
            w->nomem = true;
        return;
    }
    if (is_ix(n, "nonFraction")) {
        size_t before = w->doc->facts.count;
        read_non_fraction(w, n, hidden);
        if (w->doc->facts.count > before && w->in_cell) {
            const char *c = w->doc->facts.items[before].concept;
            if (c && (!strncmp(c, "ecd:Peo", 7) || !strncmp(c, "ecd:NonPeoNeo", 13)) &&
                !mark_pvp_table(w, w->cell_table))
                w->nomem = true;
        }
        return; /* its text is the fact's, not the cell's */
    }
    if (is_ix(n, "nonNumeric")) {
        read_non_numeric(w, n, hidden);
        char *name = attr(n, "name");
        char *q = name ? qname(n, name) : NULL;
        bool block = q && !strcmp(q, "ecd:PvpTableTextBlock");
        free(name);
        free(q);
        walk_children(w, n, depth, hidden, pvp_block || block);
        return;
    }
    if (is_html(n, "table")) {
        w->tables++;
        int saved_year = w->row_year, saved_cells = w->row_cells;
        if (pvp_block && !mark_pvp_table(w, w->tables))
            w->nomem = true;
        walk_children(w, n, depth, hidden, pvp_block);
        w->row_year = saved_year;
        w->row_cells = saved_cells;
        return;
    }
    if (is_html(n, "tr")) {
        w->row_year = 0;
        w->row_cells = 0;
        w->row_column = 0;
        walk_children(w, n, depth, hidden, pvp_block);
        return;
    }
    if ((is_html(n, "td") || is_html(n, "th")) && !w->in_cell) {
        char *span = attr(n, "colspan");
        long cols = span ? strtol(span, NULL, 10) : 1;
        free(span);
        if (cols < 1 || cols > 1000)
            cols = 1;
        w->in_cell = true;
        w->cell_has_fact = false;
        w->cell_header = is_html(n, "th");
        w->cell_table = w->tables;
        w->cell_column = w->row_column;
        w->cell_line = line_of(n);
        w->row_cells++;
        pc_buf_clear(&w->cell_text);
        walk_children(w, n, depth, hidden, pvp_block);
        end_cell(w);
        w->in_cell = false;
        w->row_column += (int)cols;
        return;
    }
    walk_children(w, n, depth, hidden, pvp_block);
}

/* The ix:continuation elements, by id, before the facts are read. */
static void collect_continuations(walker *w, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && !w->nomem && depth < PC_IXBRL_MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlAttrPtr id = is_ix(c, "continuation") ? xmlHasProp(c, (const xmlChar *)"id") : NULL;
        if (id && id->children && id->children->content) {
            if (w->nconts == w->conts_cap) {
                size_t cap = w->conts_cap ? 2 * w->conts_cap : 16;
                continuation *p = realloc(w->conts, cap * sizeof *p);
                if (!p) {
                    w->nomem = true;
                    return;
                }
                w->conts = p;
                w->conts_cap = cap;
            }
            /* the id's text lives in the tree, which outlives the walk */
            w->conts[w->nconts++] = (continuation){(const char *)id->children->content, c};
        }
        collect_continuations(w, c, depth + 1);
    }
}

static int compare_continuations(const void *a, const void *b)
{
    return strcmp(((const continuation *)a)->id, ((const continuation *)b)->id);
}

static int compare_contexts(const void *a, const void *b)
{
    return strcmp(((const pc_ixbrl_context *)a)->id, ((const pc_ixbrl_context *)b)->id);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

const pc_ixbrl_context *pc_ixbrl_context_of(const pc_ixbrl_doc *doc, const char *id)
{
    size_t lo = 0, hi = doc->contexts.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(doc->contexts.items[mid].id, id);
        if (c == 0)
            return &doc->contexts.items[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *pc_ixbrl_member(const pc_ixbrl_doc *doc, const pc_ixbrl_context *c, const char *axis)
{
    for (size_t i = 0; c && i < c->ndims; i++)
        if (!strcmp(doc->dims.items[c->first_dim + i].axis, axis))
            return doc->dims.items[c->first_dim + i].member;
    return NULL;
}

static bool has_unit(const pc_ixbrl_doc *doc, const char *id)
{
    char *const *hit = doc->units.count ? bsearch(&id, doc->units.items, doc->units.count,
                                                  sizeof(char *), compare_strings)
                                        : NULL;
    return hit != NULL;
}

/* Every contextRef and unitRef resolves; contexts have unique ids. */
static void resolve(walker *w)
{
    pc_ixbrl_doc *doc = w->doc;
    for (size_t i = 0; i < doc->contexts.count; i++)
        if (!doc->contexts.items[i].id)
            return;
    if (doc->contexts.count > 1)
        qsort(doc->contexts.items, doc->contexts.count, sizeof *doc->contexts.items,
              compare_contexts);
    for (size_t i = 1; i < doc->contexts.count; i++)
        if (!strcmp(doc->contexts.items[i].id, doc->contexts.items[i - 1].id))
            fail(w, doc->contexts.items[i].line, "ixbrl_context", "two contexts have the id '%s'",
                 doc->contexts.items[i].id);
    for (size_t i = 0; i < doc->units.count; i++)
        if (!doc->units.items[i])
            return;
    if (doc->units.count > 1)
        qsort(doc->units.items, doc->units.count, sizeof(char *), compare_strings);
    for (size_t i = 0; i < doc->facts.count; i++) {
        const pc_ixbrl_fact *f = &doc->facts.items[i];
        if (!f->context || !f->concept)
            continue;
        if (!pc_ixbrl_context_of(doc, f->context))
            fail(w, f->line, "ixbrl_context", "fact %s: contextRef '%s' names no context",
                 f->concept, f->context);
        if (f->unit && !has_unit(doc, f->unit))
            fail(w, f->line, "ixbrl_unit", "fact %s (context %s): unitRef '%s' names no unit",
                 f->concept, f->context, f->unit);
    }
}

pc_status pc_ixbrl_read_memory(const char *data, size_t size, const char *name, pc_ixbrl_doc *doc,
                               pc_diags *diags)
{
    if (!doc->path && !(doc->path = pc_strdup(name)))
        return PC_ERR_NOMEM;
    if (size > (size_t)PC_IXBRL_MAX_BYTES) {
        pc_error(diags, name, 0, 0, "ixbrl_too_large",
                 "the document is %zu bytes; paycalc reads Inline XBRL documents of at most %ld "
                 "bytes",
                 size, PC_IXBRL_MAX_BYTES);
        return PC_ERR_INPUT;
    }
    parse_guard g = {0};
    xmlDocPtr x = parse(data, size, &g);
    pc_status st = PC_OK;
    if (!x) {
        if (g.entity_declared)
            st = pc_error(diags, name, g.entity_line, 0, "ixbrl_entity",
                          "the document declares the entity '%s': entities are refused (they can "
                          "read local files or expand without bound), Inline XBRL needs none",
                          g.entity_name ? g.entity_name : "");
        else if (g.failed && g.error_message && strstr(g.error_message, "depth"))
            st = pc_error(diags, name, g.error_line, 0, "ixbrl_too_deep",
                          "elements nested more than %d deep: refused", PC_IXBRL_MAX_DEPTH);
        else if (g.failed)
            st = pc_error(diags, name, g.error_line, 0, "ixbrl_not_xml",
                          "not well-formed XML (Inline XBRL is XHTML): %s",
                          g.error_message ? g.error_message : "unreadable");
        else
            st = pc_error(diags, name, 0, 0, "ixbrl_not_xml", "not well-formed XML");
        free(g.entity_name);
        free(g.error_message);
        return st == PC_ERR_NOMEM ? st : PC_ERR_INPUT;
    }
    free(g.entity_name);
    free(g.error_message);

    walker w = {.doc = doc, .diags = diags, .name = name};
    xmlNodePtr root = xmlDocGetRootElement(x);
    if (x->intSubset && x->intSubset->entities) {
        fail(&w, 0, "ixbrl_entity", "the document declares entities: refused");
    } else if (root) {
        collect_continuations(&w, root, 0);
        if (w.nconts)
            if (w.nconts > 1)
                qsort(w.conts, w.nconts, sizeof *w.conts, compare_continuations);
        walk(&w, root, 0, false, false);
    }
    if (!w.nomem && !w.failed && !w.has_header)
        fail(&w, 0, "ixbrl_not_inline",
             "not an Inline XBRL document: it has no ix:header (namespace " NS_IX11 ")");
    if (!w.nomem && !w.failed)
        resolve(&w);
    sort_pvp_tables(doc);
    pc_buf_fini(&w.cell_text);
    free(w.conts);
    xmlFreeDoc(x);
    if (w.nomem)
        return PC_ERR_NOMEM;
    return w.failed ? PC_ERR_INPUT : PC_OK;
}

pc_status pc_ixbrl_read_file(const char *path, pc_ixbrl_doc *doc, pc_diags *diags)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        pc_error(diags, path, 0, 0, "ixbrl_unreadable", "cannot open: %s", strerror(errno));
        return PC_ERR_INPUT;
    }
    struct stat sb;
    if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(fp);
        pc_error(diags, path, 0, 0, "ixbrl_unreadable", "not a regular file");
        return PC_ERR_INPUT;
    }
    if (sb.st_size > PC_IXBRL_MAX_BYTES) {
        fclose(fp);
        pc_error(diags, path, 0, 0, "ixbrl_too_large",
                 "the document is %lld bytes; paycalc reads Inline XBRL documents of at most %ld "
                 "bytes",
                 (long long)sb.st_size, PC_IXBRL_MAX_BYTES);
        return PC_ERR_INPUT;
    }
    size_t size = (size_t)sb.st_size;
    char *data = malloc(size ? size : 1);
    if (!data) {
        fclose(fp);
        return PC_ERR_NOMEM;
    }
    size_t got = fread(data, 1, size, fp);
    fclose(fp);
    if (got != size) {
        free(data);
        pc_error(diags, path, 0, 0, "ixbrl_unreadable", "could not read the whole file");
        return PC_ERR_INPUT;
    }
    pc_status st = pc_ixbrl_read_memory(data, size, path, doc, diags);
    free(data);
    return st;
}
