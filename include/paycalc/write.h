/*
 * Writing the reports: report.json (jansson) and report.xlsx
 * (libxlsxwriter). The only code that touches those libraries on the output
 * side.
 *
 * Both writers are deterministic (same inputs, same bytes) and atomic: they
 * write a temporary file in the target folder and rename it into place, so a
 * failed run leaves an earlier report untouched and no partial file.
 * Failures return PC_ERR_WRITE with a message in `diags`.
 */
#ifndef PAYCALC_WRITE_H
#define PAYCALC_WRITE_H

#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* report.json (SPEC section 9). */
pc_status pc_write_json(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags);

/* The JSON text itself (malloc'ed, NUL-terminated; caller frees), for
 * tests and for writing to standard output. NULL when out of memory. */
char *pc_json_dumps(const pc_dataset *ds, const pc_report *report);

/* report.xlsx (SPEC section 9). */
pc_status pc_write_xlsx(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags);

/* The verify findings alone as JSON (SPEC section 8), to `path`. */
pc_status pc_write_checks_json(const pc_checks *checks, const char *path, pc_diags *diags);

/* The same JSON text (malloc'ed, NUL-terminated, ending in a newline;
 * caller frees), for tests and for standard output. NULL when out of
 * memory. */
char *pc_checks_dumps(const pc_checks *checks);

/* Atomic file output: writes `size` bytes of `data` to a temporary file in
 * the folder of `path`, flushes it, and renames it to `path`. */
pc_status pc_write_file_atomic(const char *path, const void *data, size_t size, pc_diags *diags);

/* `paycalc init DIR`: writes a starter input set (every file of SPEC
 * section 2 with its header and one example row that `check` accepts, and a
 * README.txt) into `dir`, which must be new or empty: a folder that holds
 * anything is refused with PC_ERR_WRITE and left as it is. */
pc_status pc_write_starter(const char *dir, pc_diags *diags);

#endif
