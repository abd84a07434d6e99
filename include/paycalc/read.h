/*
 * Reading an input set (SPEC section 2) from a folder into a pc_dataset.
 * The only code that touches libcsv and (for paycalc.json) jansson on the
 * input side.
 *
 * Every problem is appended to `diags` with file, line, column and the
 * offending value; reading goes on after an error so that `paycalc check`
 * can list them all. Warnings (an unknown column) do not fail the read.
 *
 * Example:
 *     pc_dataset ds; pc_diags diags;
 *     pc_dataset_init(&ds); pc_diags_init(&diags);
 *     pc_status st = pc_read_input_set("inputs/cbak-fy2022", &ds, &diags);
 *     // st == PC_ERR_INPUT when diags.errors > 0
 */
#ifndef PAYCALC_READ_H
#define PAYCALC_READ_H

#include "paycalc/api.h"
PC_API_BEGIN

#include "paycalc/model.h"
#include "paycalc/status.h"

/* Documented limits (an input beyond them is refused with PC_ERR_LIMIT and
 * a message, not read into memory). */
#define PC_LIMIT_FILE_BYTES (512L * 1024 * 1024) /* one input file */
#define PC_LIMIT_ROWS 5000000L                   /* rows in one file */
#define PC_LIMIT_FIELD_BYTES 4096                /* one field */
#define PC_LIMIT_ERRORS 1000                     /* errors listed before stopping */
#define PC_LIMIT_WARNINGS 1000 /* warnings listed while reading; the rest counted as one */

/* Reads the whole input set in `dir`: paycalc.json and every CSV file,
 * checks values, cross-file references and the rules of SPEC section 2, and
 * indexes the dataset (pc_dataset_index). Returns PC_OK, PC_ERR_INPUT (the
 * input has errors: see diags), or PC_ERR_NOMEM. `ds` must be initialised;
 * on error it holds what could be read and must still be released. */
pc_status pc_read_input_set(const char *dir, pc_dataset *ds, pc_diags *diags);

/* Reads only a reported.csv (for `paycalc verify --reported FILE`), into
 * ds->reported; people and years are not checked. */
pc_status pc_read_reported_file(const char *path, pc_dataset *ds, pc_diags *diags);

/* Reads last year's figures for --prior (SPEC section 8) into
 * prior->reported: the report.json of last year's run (recognised by its
 * content, a JSON object) or the reported.csv of last year's proxy. Every
 * SCT, PvP and reconciliation figure it holds becomes one row (subject a
 * person_id, "non_peo_neo_average" or "company"). Problems go to `diags`
 * naming the file; returns PC_OK, PC_ERR_INPUT or PC_ERR_NOMEM. */
pc_status pc_read_prior(const char *path, pc_dataset *prior, pc_diags *diags);

PC_API_END

#endif
