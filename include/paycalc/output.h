/*
 * Atomic output of a set of reports written together (SPEC section 14): the
 * one implementation behind report.json, report.xlsx and the verify findings.
 *
 * A run's reports are a pair: each is written to a temporary file inside a
 * private folder (mode 0700, made in the report's own folder, so the final
 * rename stays on one file system), and all of them are renamed into place
 * only when every one is complete, under a lock on each output folder
 * (`.paycalc.lock`, an empty file that stays). Concurrent runs into one
 * folder therefore never leave the JSON of one beside the workbook of the
 * other, and a failed or interrupted run leaves the earlier reports as they
 * were.
 *
 * - Only a regular file (or nothing) is replaced; a symlink, folder, FIFO,
 *   device or socket at a target is an error and is left as it is.
 * - Temporary files are created with O_EXCL in the private folder and never
 *   reopened through a name anyone else can change.
 * - A new report gets the mode the umask gives; a replaced report keeps its
 *   mode (permission bits).
 * - A private folder left by a process that was killed (SIGKILL) is removed
 *   by the next output into the same folder.
 *
 * Typical use:
 *
 *     const char *paths[] = {"reports/x/report.json", "reports/x/report.xlsx"};
 *     pc_output *out;
 *     if (pc_output_open(&out, paths, 2, diags) == PC_OK) {
 *         int fd;
 *         st = pc_output_create(out, 0, &fd, diags);     // write JSON to fd
 *         ... pc_output_temp_path(out, 1) ...           // libxlsxwriter's file
 *         if (st == PC_OK)
 *             st = pc_output_commit(out, diags);
 *     }
 *     pc_output_free(out);                             // removes what is left
 *
 * Signals: the library installs no handler. A program that wants an
 * interrupted run to remove its temporary files installs its own handler
 * for SIGINT, SIGTERM and SIGHUP and calls pc_output_cleanup_after_signal()
 * from it. For that hook alone the library keeps one piece of mutable global
 * state: a small table of the outputs in progress (atomic pointers, set by
 * pc_output_open and cleared by pc_output_free). While the renames of a
 * commit run, those three signals are held back, so a signal gives either
 * the earlier pair or the new one, never one of each.
 */
#ifndef PAYCALC_OUTPUT_H
#define PAYCALC_OUTPUT_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/status.h"

/* At most this many reports are committed together. */
#define PC_OUTPUT_MAX 4

/* At most this many files go into one folder report (pc_output_create_in). */
#define PC_OUTPUT_FOLDER_FILES 8

/* The name of the lock file made in each output folder. */
#define PC_OUTPUT_LOCK_NAME ".paycalc.lock"

/* The prefix of the private temporary folders made in output folders. */
#define PC_OUTPUT_TEMP_PREFIX ".paycalc-tmp-"

/* An output in progress (opaque). */
typedef struct pc_output pc_output;

/* Starts writing `count` reports (1..PC_OUTPUT_MAX) to `paths`: checks each
 * target is a regular file or absent, that no two paths name one file, and
 * that each folder exists; removes private folders left by killed runs;
 * makes the private folder(s). On success *out is a new output the caller
 * frees with pc_output_free; on failure *out is NULL, a message is in
 * `diags`, and the status is PC_ERR_USAGE (two paths naming one file),
 * PC_ERR_WRITE (anything else) or PC_ERR_NOMEM. */
pc_status pc_output_open(pc_output **out, const char *const *paths, size_t count, pc_diags *diags);

/* The same, where folders[i] marks report i as a folder of files (the
 * Inline XBRL section's ixbrl/): it is made in the private folder, filled
 * with pc_output_create_in, and committed with the others, replacing the
 * folder there as a whole (only a folder holding nothing but regular files
 * is replaced; anything else there is an error and is left as it is).
 * `folders` may be NULL (no folder reports). */
pc_status pc_output_open_set(pc_output **out, const char *const *paths, const bool *folders,
                             size_t count, pc_diags *diags);

/* Creates the file `name` (no '/') inside folder report `index` (O_EXCL,
 * mode 0666 less the umask); the descriptor stays owned by the output. */
pc_status pc_output_create_in(pc_output *out, size_t index, const char *name, int *fd,
                              pc_diags *diags);

/* Creates the temporary file of report `index` (O_EXCL, mode 0666 less the
 * umask) and returns its descriptor in *fd (-1 on failure). The descriptor
 * stays owned by the output: write to it, never close it. */
pc_status pc_output_create(pc_output *out, size_t index, int *fd, pc_diags *diags);

/* Creates the temporary file of report `index` and writes `size` bytes of
 * `data` to it (PC_ERR_WRITE with a message naming the report when the
 * system refuses). */
pc_status pc_output_write(pc_output *out, size_t index, const void *data, size_t size,
                          pc_diags *diags);

/* The name under which a writer that opens files itself (libxlsxwriter)
 * creates report `index`: inside the private folder, reached through the
 * folder's open descriptor (/proc/self/fd) where the system offers that.
 * Borrowed; valid until pc_output_free. */
const char *pc_output_temp_path(const pc_output *out, size_t index);

/* Flushes every temporary file to disk, gives each the mode of the report
 * it replaces, and renames all of them into place under the folder locks.
 * If any rename fails, the ones already made are undone. PC_ERR_WRITE with
 * a message when a report is missing, a target has become something other
 * than a regular file, or the system refuses. */
pc_status pc_output_commit(pc_output *out, pc_diags *diags);

/* Removes the private folder(s) and whatever is left in them, releases the
 * locks and frees the output. Accepts NULL. */
void pc_output_free(pc_output *out);

/* For a signal handler: removes the temporary files and private folders of
 * every output in progress. Async-signal-safe (only unlinkat on descriptors
 * opened beforehand); leaves the outputs themselves untouched. */
void pc_output_cleanup_after_signal(void);

PC_API_END

#endif
