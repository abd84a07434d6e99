/*
 * Internal to calc/write: the two report writers without their atomic
 * output, which reports.c wraps around them (paycalc/output.h). `path` is
 * the report's final name, for messages only.
 */
#ifndef PAYCALC_REPORT_FILES_H
#define PAYCALC_REPORT_FILES_H

#include <stdint.h>

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"
#include "paycalc/write.h"

/* report.json streamed to the open descriptor `fd` (not closed). */
pc_status pc_json_write_fd(const pc_dataset *ds, const pc_report *report, int fd, const char *path,
                           pc_diags *diags);

/* report.xlsx written by libxlsxwriter under the name `file`, with the
 * cells written counted in *counts when not NULL (pc_write_xlsx_counted). */
pc_status pc_xlsx_write_file_counted(const pc_dataset *ds, const pc_report *report,
                                     const char *file, const char *path,
                                     pc_xlsx_cell_counts *counts, pc_diags *diags);

/* The same with the Award Valuations sheet ending at row `last_row`
 * (0-based) instead of Excel's last row (PC_XLSX_LAST_ROW): the tests reach
 * the row limit with a small report. */
pc_status pc_xlsx_write_file_rows(const pc_dataset *ds, const pc_report *report, const char *file,
                                  const char *path, int32_t last_row, pc_diags *diags);

#endif
