/*
 * Inline XBRL (SPEC section 15, Reading): the facts of a filed or draft
 * proxy's Pay versus Performance section, and the published tables of
 * SPEC section 8 built from them.
 *
 * The document is untrusted: it is parsed with no network, no DTD loading
 * and no entity substitution; a document that declares entities is refused
 * (external entities could read local files, nested ones blow up memory),
 * and its size, element depth and fact count are bounded.
 *
 * Example:
 *     pc_ixbrl_doc doc; pc_diags diags;
 *     pc_ixbrl_doc_init(&doc); pc_diags_init(&diags);
 *     if (pc_ixbrl_read_file("proxy.htm", &doc, &diags) == PC_OK) {
 *         pc_ixbrl_tables tables; pc_ixbrl_tables_init(&tables);
 *         pc_ixbrl_build(&doc, NULL, &tables);   // tables.rows: pc_reported rows
 *         ...
 *     }
 */
#ifndef PAYCALC_IXBRL_H
#define PAYCALC_IXBRL_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/model.h"
#include "paycalc/status.h"

/* The limits on a document (a real DEF 14A is 1-5 MB, 100-2,000 facts). */
#define PC_IXBRL_MAX_BYTES (64L * 1024 * 1024)
#define PC_IXBRL_MAX_DEPTH 256 /* elements nested in one another */
#define PC_IXBRL_MAX_FACTS 100000

/* One explicit dimension of a context: "ecd:ExecutiveCategoryAxis" =
 * "ecd:PeoMember". Names of the SEC and FASB taxonomies are written with
 * their usual prefixes (ecd, dei, us-gaap, srt) whatever prefix the document
 * binds; others as written. */
typedef struct pc_ixbrl_dim {
    char *axis;
    char *member; /* an explicit member, or the typed member's text */
} pc_ixbrl_dim;

typedef struct pc_ixbrl_context {
    char *id;
    char *entity;            /* the identifier's text (a CIK) */
    pc_date end;             /* endDate, or the instant */
    pc_date start;           /* startDate, or the instant */
    size_t first_dim, ndims; /* into pc_ixbrl_doc.dims */
    int line;
} pc_ixbrl_context;

typedef struct pc_ixbrl_fact {
    char *concept;       /* "ecd:PeoTotalCompAmt" */
    char *context;       /* contextRef */
    char *unit;          /* unitRef, NULL for a nonNumeric fact */
    char *displayed;     /* the text shown (nonNumeric: with its continuations, spaces collapsed) */
    bool numeric;        /* ix:nonFraction */
    bool nil;            /* xsi:nil="true" */
    bool hidden;         /* inside ix:hidden */
    bool negative;       /* sign="-" */
    bool in_parentheses; /* shown inside "(" ... ")" in its cell */
    int64_t value_micro; /* numeric: the value x 10^6, scale and sign applied */
    int decimals;        /* the decimals attribute, clamped to -9..6 (INF: the shown decimals) */
    /* Where the fact sits in a table (for missing_fact): the table's number
     * (1-based, 0 outside any table) and the column, counting colspans. */
    int table;
    int column;
    int line;
} pc_ixbrl_fact;

/* A number printed in a table cell with no tag (missing_fact candidates). */
typedef struct pc_ixbrl_cell {
    char *text; /* as shown, spaces collapsed */
    int table, column;
    int year; /* from the row's first cell, 0 when it holds no year */
    bool pvp; /* the table is the PvP table (inside ecd:PvpTableTextBlock) */
    int line;
} pc_ixbrl_cell;

typedef struct pc_ixbrl_doc {
    char *path;
    PC_ARRAY(pc_ixbrl_context) contexts; /* sorted by id once read */
    PC_ARRAY(pc_ixbrl_dim) dims;
    PC_ARRAY(char *) units;        /* unit ids */
    PC_ARRAY(pc_ixbrl_fact) facts; /* in document order */
    PC_ARRAY(pc_ixbrl_cell) cells;
    PC_ARRAY(int) pvp_tables; /* the table numbers that hold PvP facts or sit in the PvP block */
} pc_ixbrl_doc;

void pc_ixbrl_doc_init(pc_ixbrl_doc *doc);
void pc_ixbrl_doc_fini(pc_ixbrl_doc *doc);

/* Reads an iXBRL document. Every problem is an error in `diags` naming the
 * file, line and value: not XML, not Inline XBRL (no ix:header), a DTD with
 * entities, too large, too deep, too many facts, a fact whose text does
 * not fit its format, a contextRef or unitRef that resolves to nothing.
 * PC_ERR_INPUT then (the document cannot be verified), PC_ERR_NOMEM when
 * memory ran out. */
pc_status pc_ixbrl_read_file(const char *path, pc_ixbrl_doc *doc, pc_diags *diags);
/* The same over bytes in memory; `name` is used in messages. */
pc_status pc_ixbrl_read_memory(const char *data, size_t size, const char *name, pc_ixbrl_doc *doc,
                               pc_diags *diags);

/* The context of `id`, or NULL. */
const pc_ixbrl_context *pc_ixbrl_context_of(const pc_ixbrl_doc *doc, const char *id);
/* The member a context has on `axis` ("ecd:IndividualAxis"), or NULL. */
const char *pc_ixbrl_member(const pc_ixbrl_doc *doc, const pc_ixbrl_context *c, const char *axis);

/* ---- the published tables (SPEC sections 8 and 15) ---- */

/* What the tagging checks find while the tables are built. */
typedef enum pc_ixbrl_issue_kind {
    PC_IXBRL_TAGGED_SIGN = 0,   /* a deduction tagged positive, or a sign against its parentheses */
    PC_IXBRL_PEO_ON_NON_PEO,    /* DQC_0191 */
    PC_IXBRL_DUPLICATE_DIFFERS, /* two facts for one figure with different values */
    PC_IXBRL_MISSING_FACT,      /* a printed figure of the PvP table with no tag */
    PC_IXBRL_ADJUSTMENTS_DO_NOT_SUM, /* DQC_0177 */
    PC_IXBRL_UNMAPPED_MEMBER         /* an AdjToCompAxis member no section 7 line fits (a note) */
} pc_ixbrl_issue_kind;

typedef struct pc_ixbrl_issue {
    pc_ixbrl_issue_kind kind;
    pc_reported_table table;
    int year;
    char *subject;
    char *item; /* the section 7/8 key, or the member's name when unmapped */
    char *concept, *context, *displayed;
    int64_t published_micro; /* as tagged (sign attribute applied) */
    int64_t expected_micro;  /* as it should read */
    int decimals;
    int line;
} pc_ixbrl_issue;

/* Which fact gave each row, so findings name the concept, context and
 * displayed text. */
typedef struct pc_ixbrl_source {
    size_t fact; /* index into doc->facts */
} pc_ixbrl_source;

typedef struct pc_ixbrl_tables {
    PC_ARRAY(pc_reported) rows;        /* the published figures, signs as they should read */
    PC_ARRAY(pc_ixbrl_source) sources; /* one per row */
    PC_ARRAY(pc_ixbrl_issue) issues;
    char *company;   /* dei:EntityRegistrantName, or NULL */
    char *document;  /* dei:DocumentType, or NULL */
    int fiscal_year; /* the latest covered year */
    int first_year;  /* the earliest covered year */
    size_t tagged;   /* facts read into the tables */
    /* The tabular list (Item 402(v)(6)): each ecd:MeasureName of the latest
     * covered year, in the order of its typed ecd:MeasureAxis member (1, 2,
     * ...); borrowed from the document. Empty for a smaller reporting
     * company, which has none. */
    PC_ARRAY(const char *) measures;
} pc_ixbrl_tables;

void pc_ixbrl_tables_init(pc_ixbrl_tables *t);
void pc_ixbrl_tables_fini(pc_ixbrl_tables *t);

/* Builds the PvP table, both reconciliations and the tagging issues from
 * the facts. With `ds` (an input set), a PEO whose ecd:PeoName matches a
 * person's name (letter case and spacing aside) takes that person's id;
 * otherwise a PEO subject is the name written as an id ("marc_debevoise").
 * A context belongs to the covered fiscal year in which its end date falls.
 * Only PC_OK or PC_ERR_NOMEM. */
pc_status pc_ixbrl_build(const pc_ixbrl_doc *doc, const pc_dataset *ds, pc_ixbrl_tables *t);

/* The section 7 line of an ecd:AdjToCompAxis member ("ecd:EqtyAwrdsIn...",
 * or a company member by its name's words): a pc_cap_key, or
 * "equity_award_adjustments", or a subtotal the tree of SPEC 15 sums
 * ("all_adjustments", "pension_adjustments", "equity_adjustments"), or NULL
 * when no line fits. */
const char *pc_ixbrl_member_line(const char *member);

/* A name as an id: lower case, words joined by '_' ("Marc DeBevoise" ->
 * "marc_debevoise"); letters beyond ASCII are kept. Caller frees; NULL
 * when out of memory. */
char *pc_ixbrl_name_id(const char *name);

PC_API_END

#endif
