/*
 * Internal to calc/write: the tagged Pay versus Performance section (SPEC
 * section 15) as the five files of the ixbrl/ folder, built in memory so
 * that reports.c commits them with report.json and report.xlsx as one set.
 *
 * plan.c decides the names everything shares (the file stem, the company
 * prefix and namespace, the ECD namespaces of the chosen year, the members
 * of people and reconciliation lines and the context ids); document.c
 * writes the .htm from the report's exact integers; taxonomy.c writes the
 * extension schema and its three linkbases. Same inputs, same bytes.
 */
#ifndef PAYCALC_WRITE_IXBRL_H
#define PAYCALC_WRITE_IXBRL_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"
#include "paycalc/text.h"

/* The files of the folder: the document, its schema and the linkbases. */
typedef enum ix_file { IX_HTM = 0, IX_XSD, IX_DEF, IX_PRE, IX_LAB, IX_NFILES } ix_file;

typedef struct pc_ixbrl_files {
    char *name[IX_NFILES]; /* "cbat-20221231.htm", ... */
    pc_buf text[IX_NFILES];
} pc_ixbrl_files;

/* Builds the five files; PC_ERR_NOMEM or PC_OK. What the input set lacks
 * for the section is warned about by the reader, so that every warning is
 * also in report.json. */
pc_status pc_ixbrl_section_build(const pc_dataset *ds, const pc_report *report,
                                 pc_ixbrl_files *files, pc_diags *diags);
void pc_ixbrl_files_fini(pc_ixbrl_files *files);

/* ---- shared by plan.c, document.c and taxonomy.c ---------------------------- */

/* One line of the reconciliation as tagged: the section 7 line, its ECD
 * 2024+ standard member and, for ECD 2023, the company member and label. */
typedef struct ix_line {
    pc_cap_line line;
    const char *standard; /* local name in the ECD 2024/2025 namespace */
    const char *company;  /* local name of the company member (ECD 2023) */
    const char *label;    /* the row's label, and the company member's */
} ix_line;

#define IX_NLINES 10
extern const ix_line pc_ix_lines[IX_NLINES];

typedef struct ix_plan {
    const pc_dataset *ds;
    const pc_report *report;
    int ecd_year;
    bool src;
    char *stem;   /* "cbat-20221231": the file names without their endings */
    char *prefix; /* "cbat" */
    char *ns;     /* "http://www.cbat.com/20221231" */
    char cik[11]; /* the entity identifier ("0000000000" when paycalc.json has none) */
    /* Per person (dataset index): the IndividualAxis member's local name,
     * NULL for a person who is never one of several PEOs in a year. */
    char **member;
    int last_year; /* the covered year of the cover facts and text blocks */
} ix_plan;

pc_status pc_ix_plan_init(ix_plan *plan, const pc_dataset *ds, const pc_report *report);
void pc_ix_plan_fini(ix_plan *plan);

/* Whether a reconciliation line is shown (pension lines are not for SRCs). */
bool pc_ix_line_shown(const ix_plan *plan, pc_cap_line line);
/* The QName of a line's AdjToCompAxis member ("ecd:PnsnAdjsSvcCstMember" or
 * "cbat:PensionServiceCostMember"), appended to `b`. */
void pc_ix_put_line_member(const ix_plan *plan, pc_buf *b, const ix_line *line);

/* XML text with &, <, > and " escaped. */
void pc_ix_put_escaped(pc_buf *b, const char *text);

/* The ECD/DEI/us-gaap namespaces and schema locations of the plan's year. */
const char *pc_ix_dtr_types(int ecd_year);

bool pc_ix_write_taxonomy(const ix_plan *plan, pc_ixbrl_files *files);
bool pc_ix_write_document(const ix_plan *plan, pc_buf *b);

#endif
