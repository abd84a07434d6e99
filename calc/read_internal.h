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
 * rd_halted() and read no further. Out of memory sets `nomem` and halts too. */
typedef struct rd_ctx {
    pc_diags *diags;
    size_t base_errors;
    bool stop;
    bool nomem;
    char shown[4][200]; /* rd_show's buffers, used in turn */
    unsigned nshown;
} rd_ctx;

void rd_init(rd_ctx *rd, pc_diags *diags);
bool rd_halted(const rd_ctx *rd);
void rd_error(rd_ctx *rd, const char *file, int line, int column, const char *code, const char *fmt,
              ...) __attribute__((format(printf, 6, 7)));
void rd_warning(rd_ctx *rd, const char *file, int line, int column, const char *code,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A value as it is quoted in a message: at most about 60 bytes (cut at a
 * character boundary, "..." added), line breaks and tabs shown as spaces.
 * The result lives until the fourth call after this one. */
const char *rd_show(rd_ctx *rd, const char *value);

/* Outcome of opening an input file. */
typedef enum rd_open {
    RD_READ = 0,   /* read (the file may still have had errors) */
    RD_ABSENT = 1, /* there is no such file; nothing was reported */
    RD_FAILED = 2  /* it exists but could not be read; the error is reported */
} rd_open;

/* Loads a whole file into a NUL-terminated malloc'ed buffer, refusing one
 * larger than PC_LIMIT_FILE_BYTES before reading it, and one holding a NUL
 * byte (not a text file). A UTF-8 byte-order mark is skipped: *text points
 * past it, *to_free is what to free. */
rd_open rd_load(rd_ctx *rd, const char *path, char **to_free, const char **text, size_t *len);

/* Byte offset of the first byte of `s[0..len)` that is not valid UTF-8
 * (overlong forms, surrogates and code points above U+10FFFF are invalid),
 * or len when all of it is valid. */
size_t rd_utf8_invalid_at(const char *s, size_t len);

/* One expected column of a CSV file: its lower-case name and whether the
 * header must name it. */
typedef struct rd_column {
    const char *name;
    bool required;
} rd_column;

/* One data row, by expected column (the order of the rd_column array).
 * `value[c]` is the trimmed text ("" when blank or when the column is
 * absent); `line[c]` the line where that value starts (a quoted value may
 * span lines); `column[c]` its 1-based field position (0 when the header does
 * not name the column). `silent[c]` marks a value whose problem is already
 * reported (invalid UTF-8, too long, or a missing required column): it reads
 * as blank and must not raise a second error. */
typedef struct rd_row {
    int line; /* where the row starts */
    const char *value[PC_MAX_COLUMNS];
    int line_of[PC_MAX_COLUMNS];
    int column[PC_MAX_COLUMNS];
    bool silent[PC_MAX_COLUMNS];
} rd_row;

typedef void (*rd_row_fn)(void *ctx, const rd_row *row);

/* Reads the CSV file `path` (SPEC section 2: UTF-8, optional BOM, RFC 4180
 * quoting, CRLF or LF, header row in any order, blank lines ignored), calls
 * `fn` for each data row, and fills `out` with the header as read (known
 * columns under their canonical names). A row whose every value is blank is
 * a blank line. RD_ABSENT when the file does not exist (the caller decides
 * whether that is an error). *rows_lost is set when rows could not be
 * delivered or lack a required column (malformed quoting, a limit, a
 * missing column): the error is reported. */
rd_open rd_read_csv(rd_ctx *rd, const char *path, const rd_column *columns, int ncolumns,
                    pc_file_columns *out, rd_row_fn fn, void *ctx, bool *rows_lost);

/* Reads and checks paycalc.json into `config`. A setting is filled only
 * when it is valid (nyears stays 0 when `years` is wrong, the fiscal year end
 * month 0 when it is wrong), so checks that depend on it can tell. */
rd_open rd_read_config(rd_ctx *rd, const char *path, pc_config *config);

/* ASCII case-insensitive equality of two words (column names, word lists). */
bool pc_read_same_word(const char *a, const char *b);

#endif
