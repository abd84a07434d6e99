/*
 * The tagged section's five files (SPEC section 15), from the plan
 * (plan.c): the document (document.c) and its extension taxonomy
 * (taxonomy.c). The entry the report set calls (reports.c); the parts below
 * it never call back up.
 */
#include "ixbrl.h"

#include <string.h>

pc_status pc_ixbrl_section_build(const pc_dataset *ds, const pc_report *report,
                                 pc_ixbrl_files *files, pc_diags *diags)
{
    (void)diags; /* every problem of the input was reported when it was read */
    memset(files, 0, sizeof *files);
    ix_plan plan;
    pc_status st = pc_ix_plan_init(&plan, ds, report);
    static const char *const endings[IX_NFILES] = {".htm", ".xsd", "_def.xml", "_pre.xml",
                                                   "_lab.xml"};
    for (int i = 0; i < IX_NFILES && !st; i++) {
        pc_buf_init(&files->text[i]);
        files->name[i] = pc_text_format("%s%s", plan.stem, endings[i]);
        if (!files->name[i])
            st = PC_ERR_NOMEM;
    }
    if (!st &&
        (!pc_ix_write_document(&plan, &files->text[IX_HTM]) || !pc_ix_write_taxonomy(&plan, files)))
        st = PC_ERR_NOMEM;
    for (int i = 0; i < IX_NFILES && !st; i++)
        if (files->text[i].failed)
            st = PC_ERR_NOMEM;
    pc_ix_plan_fini(&plan);
    if (st)
        pc_ixbrl_files_fini(files);
    return st;
}
