/*
 * Writing the reports: report.json (jansson) and report.xlsx
 * (libxlsxwriter). The only code that touches those libraries on the output
 * side.
 *
 * Both writers are deterministic (same inputs, same bytes) and atomic
 * (paycalc/output.h): a temporary file in a private folder of the target's
 * folder, renamed into place when complete, so a failed run leaves an
 * earlier report untouched and no partial file; only a regular file is
 * replaced, and a replaced report keeps its mode. pc_write_reports commits
 * the two reports of a run together, as a pair (SPEC section 14).
 * Failures return PC_ERR_WRITE with a message in `diags` (PC_ERR_USAGE when
 * both paths name one file).
 */
#ifndef PAYCALC_WRITE_H
#define PAYCALC_WRITE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/scenarios.h"
#include "paycalc/status.h"

/* report.json and report.xlsx of one run, renamed into place together under
 * a lock on their folder(s) only when both are complete: concurrent runs
 * never leave the JSON of one beside the workbook of the other.
 * Example: pc_write_reports(&ds, &report, "out/report.json", "out/report.xlsx", &diags); */
pc_status pc_write_reports(const pc_dataset *ds, const pc_report *report, const char *json_path,
                           const char *xlsx_path, pc_diags *diags);

/* The same with the Inline XBRL section (SPEC section 15) as a third
 * member of the set: the folder `ixbrl_dir` ("out/ixbrl") holding
 * <ticker>-<fiscal year end>.htm and its extension taxonomy (.xsd,
 * _def.xml, _pre.xml, _lab.xml), replaced as a whole. `ixbrl_dir` NULL
 * writes the pair alone. Same inputs, same bytes. */
pc_status pc_write_report_set(const pc_dataset *ds, const pc_report *report, const char *json_path,
                              const char *xlsx_path, const char *ixbrl_dir, pc_diags *diags);

/* scenarios.json and scenarios.xlsx of `paycalc scenarios` (README,
 * Scenarios), committed together like the reports (SPEC section 14). */
pc_status pc_write_scenarios(const pc_dataset *ds, const pc_scenario_report *r,
                             const char *json_path, const char *xlsx_path, pc_diags *diags);

/* report.json alone (SPEC section 9). */
pc_status pc_write_json(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags);

/* The JSON text itself (malloc'ed, NUL-terminated; caller frees), for
 * tests and for writing to standard output. NULL when out of memory. */
char *pc_json_dumps(const pc_dataset *ds, const pc_report *report);

/* report.xlsx alone (SPEC section 9). */
pc_status pc_write_xlsx(const pc_dataset *ds, const pc_report *report, const char *path,
                        pc_diags *diags);

/* How many cells of each kind report.xlsx holds, over every sheet: numbers
 * (dates among them), texts, formulas (each with its computed value
 * stored), formatted blanks (the cells a merged range covers among them),
 * and the formulas that are also links to the cell they come from (counted
 * in `formulas` too). The benchmark (bench/bench_pipeline.c) has
 * libxlsxwriter alone write as many cells of each kind, for a like-for-like
 * rate. */
typedef struct pc_xlsx_cell_counts {
    size_t numbers, texts, formulas, blanks, links;
} pc_xlsx_cell_counts;

/* pc_write_xlsx, and the cells it wrote in *counts (zeroed first; left
 * zeroed when nothing was written). The same bytes as pc_write_xlsx. */
pc_status pc_write_xlsx_counted(const pc_dataset *ds, const pc_report *report, const char *path,
                                pc_diags *diags, pc_xlsx_cell_counts *counts);

/* The verify findings alone as JSON (SPEC section 8), to `path`. */
pc_status pc_write_checks_json(const pc_checks *checks, const char *path, pc_diags *diags);

/* The same JSON text (malloc'ed, NUL-terminated, ending in a newline;
 * caller frees), for tests and for standard output. NULL when out of
 * memory. */
char *pc_checks_dumps(const pc_checks *checks);

/* One filing's checks as one line of JSON Lines (verify --ixbrl with
 * --json, SPEC section 15): {"file", "company", "year", "status": "read",
 * "findings", "skipped", "summary"}, or with `error` set {"file", "company",
 * "year", "status": "unreadable", "error"}; `company` NULL and `year` 0 when
 * unknown. Malloc'ed, no newline; NULL when out of memory. */
char *pc_checks_json_line(const pc_checks *checks, const char *file, const char *company, int year,
                          const char *error);

/* Atomic file output (paycalc/output.h): writes `size` bytes of `data` to a
 * temporary file, flushes it, and renames it to `path`. */
pc_status pc_write_file_atomic(const char *path, const void *data, size_t size, pc_diags *diags);

/* `paycalc init DIR`: writes a starter input set (every file of SPEC
 * section 2 with its header and one example row that `check` accepts, and a
 * README.txt) into `dir`, which must be new or empty: a folder that holds
 * anything is refused with PC_ERR_WRITE and left as it is. */
pc_status pc_write_starter(const char *dir, pc_diags *diags);

PC_API_END

#endif
