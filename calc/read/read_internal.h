/*
 * What the input readers share (calc/read.c, calc/read_csv.c,
 * calc/read_config.c); not a public header.
 *
 * Three layers: the diagnostics of one read with the error ceiling of
 * read.h (PC_LIMIT_ERRORS), loading a whole file with the size and text
 * checks, and a CSV layer over libcsv that counts physical lines itself
 * (libcsv only sees bytes), maps the header to the expected columns and
 * hands each data row to a callback with the line and 1-based column of
 * every value.
 */
#ifndef PAYCALC_READ_INTERNAL_H
#define PAYCALC_READ_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "paycalc/model.h"
#include "paycalc/status.h"

/* The diagnostics of one read. Once PC_LIMIT_ERRORS errors have been added
 * (counted from `base_errors`, so a caller's earlier errors do not count),
 * one last error says the list stops there and `stop` is set: readers check
 * pc_read_halted() and read no further. Out of memory sets `nomem` and halts too. */
typedef struct pc_read_ctx {
    pc_diags *diags;
    size_t base_errors;
    size_t base_warnings;
    bool stop;
    bool nomem;
    char *shown[4]; /* pc_read_show's strings, reused in turn */
    unsigned nshown;
} pc_read_ctx;

void pc_read_init(pc_read_ctx *rd, pc_diags *diags);
/* Frees what the context holds (pc_read_show's strings). */
void pc_read_fini(pc_read_ctx *rd);
bool pc_read_halted(const pc_read_ctx *rd);
void pc_read_error(pc_read_ctx *rd, const char *file, int line, int column, const char *code,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void pc_read_warning(pc_read_ctx *rd, const char *file, int line, int column, const char *code,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A value as it is quoted in a message: at most about 60 bytes (cut at a
 * character boundary, "..." added), line breaks and tabs shown as spaces.
 * The result lives until the fourth call after this one, or pc_read_fini;
 * out of memory, it is "(a value)" and the read halts. */
const char *pc_read_show(pc_read_ctx *rd, const char *value);

/* Outcome of opening an input file. */
typedef enum pc_read_open {
    PC_READ_READ = 0,   /* read (the file may still have had errors) */
    PC_READ_ABSENT = 1, /* there is no such file; nothing was reported */
    PC_READ_FAILED = 2  /* it exists but could not be read; the error is reported */
} pc_read_open;

/* Loads a whole file into a NUL-terminated malloc'ed buffer, refusing one
 * larger than PC_LIMIT_FILE_BYTES before reading it, and one holding a NUL
 * byte (not a text file). A UTF-8 byte-order mark is skipped: *text points
 * past it, *to_free is what to free. */
pc_read_open pc_read_load(pc_read_ctx *rd, const char *path, char **to_free, const char **text,
                          size_t *len);

/* One expected column of a CSV file: its lower-case name and whether the
 * header must name it. */
typedef struct pc_read_column {
    const char *name;
    bool required;
} pc_read_column;

/* One data row, by expected column (the order of the pc_read_column array).
 * `value[c]` is the trimmed text ("" when blank or when the column is
 * absent); `line[c]` the line where that value starts (a quoted value may
 * span lines); `column[c]` its 1-based field position (0 when the header does
 * not name the column). `silent[c]` marks a value whose problem is already
 * reported (invalid UTF-8, too long, or a missing required column): it reads
 * as blank and must not raise a second error. */
typedef struct pc_read_row {
    int line; /* where the row starts */
    const char *value[PC_MAX_COLUMNS];
    int line_of[PC_MAX_COLUMNS];
    int column[PC_MAX_COLUMNS];
    bool silent[PC_MAX_COLUMNS];
} pc_read_row;

typedef void (*pc_read_row_fn)(void *ctx, const pc_read_row *row);

/* Reads the CSV file `path` (SPEC section 2: UTF-8, optional BOM, RFC 4180
 * quoting, CRLF or LF, header row in any order, blank lines ignored), calls
 * `fn` for each data row, and fills `out` with the header as read (known
 * columns under their canonical names). A row whose every value is blank is
 * a blank line. PC_READ_ABSENT when the file does not exist (the caller decides
 * whether that is an error). *rows_lost is set when rows could not be
 * delivered or lack a required column (malformed quoting, a limit, a
 * missing column, an empty file): the error is reported. */
pc_read_open pc_read_csv(pc_read_ctx *rd, const char *path, const pc_read_column *columns,
                         int ncolumns, pc_file_columns *out, pc_read_row_fn fn, void *ctx,
                         bool *rows_lost);

/* Reads and checks paycalc.json into `config`. A setting is filled only
 * when it is valid (nyears stays 0 when `years` is wrong, the fiscal year end
 * month 0 when it is wrong), so checks that depend on it can tell. */
pc_read_open pc_read_config(pc_read_ctx *rd, const char *path, pc_config *config);

/* ASCII case-insensitive equality of two words (column names, word lists). */
bool pc_read_same_word(const char *a, const char *b);

#endif
