/*
 * Internal: the two halves of atomic output, for writers that cannot hand
 * over a buffer (libxlsxwriter writes to a file name itself).
 */
#ifndef PAYCALC_ATOMIC_H
#define PAYCALC_ATOMIC_H

#include "paycalc/status.h"

/* Creates an empty temporary file next to `path` (".NAME.XXXXXX"); returns
 * its malloc'ed name in *temp and an open descriptor in *fd. */
pc_status pc_atomic_temp(const char *path, char **temp, int *fd, pc_diags *diags);

/* Renames `temp` over `path`; on failure removes `temp`. */
pc_status pc_atomic_commit(const char *temp, const char *path, pc_diags *diags);

#endif
