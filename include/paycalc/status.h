/*
 * Status codes and diagnostics.
 *
 * Every fallible library function returns a pc_status. Detail (file, line,
 * column, the offending value) travels in a caller-owned pc_diags list, so a
 * reader can collect every problem of an input set instead of stopping at the
 * first. The library never prints: the command line decides what to show.
 */
#ifndef PAYCALC_STATUS_H
#define PAYCALC_STATUS_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdarg.h>
#include <stddef.h>

/* Status codes. Values are stable: never renumber, only append. */
typedef enum pc_status {
    PC_OK = 0,
    PC_ERR_NOMEM = 1,    /* out of memory */
    PC_ERR_IO = 2,       /* a file could not be read */
    PC_ERR_SYNTAX = 3,   /* a value is not of the form its column needs */
    PC_ERR_RANGE = 4,    /* a value is well formed but out of range */
    PC_ERR_OVERFLOW = 5, /* an amount does not fit the exact money type */
    PC_ERR_INPUT = 6,    /* the input set has errors (see the diagnostics) */
    PC_ERR_MISSING = 7,  /* market data or a rate needed for a date is missing */
    PC_ERR_WRITE = 8,    /* an output could not be written */
    PC_ERR_LIMIT = 9,    /* an input exceeds a documented size limit */
    PC_ERR_USAGE = 10    /* a caller passed arguments that do not fit */
} pc_status;

#define PC_STATUS_LAST PC_ERR_USAGE

/* A short English description of a status code (static storage, never NULL). */
const char *pc_status_message(pc_status status);

typedef enum pc_severity { PC_SEVERITY_ERROR = 0, PC_SEVERITY_WARNING = 1 } pc_severity;

/* One problem found in the input or during the computation.
 * `file` is the path as the user gave it (or NULL when no file is concerned),
 * `line` and `column` are 1-based (0 when they do not apply), `code` a short
 * stable identifier (for example "bad_date", "negative_pension_change") and
 * `message` the English text, starting with the column name when there is one:
 * "amount: invalid amount '12,34O.00'". All strings are owned by the list. */
typedef struct pc_diag {
    pc_severity severity;
    char *file;
    int line;
    int column;
    char *code;
    char *message;
} pc_diag;

/* A growing list of diagnostics, owned by the caller. */
typedef struct pc_diags {
    pc_diag *items;
    size_t count;
    size_t capacity;
    size_t errors;   /* how many items are errors */
    size_t warnings; /* how many items are warnings */
} pc_diags;

void pc_diags_init(pc_diags *diags);
void pc_diags_fini(pc_diags *diags);

/* Appends a diagnostic; `fmt` is printf-style. Returns PC_ERR_NOMEM if the
 * list cannot grow (the diagnostic is then lost, the list stays valid). */
pc_status pc_diags_add(pc_diags *diags, pc_severity severity, const char *file, int line,
                       int column, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
pc_status pc_diags_addv(pc_diags *diags, pc_severity severity, const char *file, int line,
                        int column, const char *code, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/* Shorthands for the two severities. */
pc_status pc_error(pc_diags *diags, const char *file, int line, int column, const char *code,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
pc_status pc_warning(pc_diags *diags, const char *file, int line, int column, const char *code,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Sorts the list by file, line and column (stable), so messages come out in
 * the order of the input whatever order they were found in. */
void pc_diags_sort(pc_diags *diags);

/* Formats one diagnostic the way compilers do:
 * "cash.csv:12:4: error: amount: invalid amount '12,34O.00'".
 * Malloc'ed, as long as it is (the caller frees); NULL when out of memory. */
char *pc_diag_text(const pc_diag *diag);

/* The same into `buf`: at most `size` bytes including the terminator, cut
 * only between UTF-8 characters; returns `buf`. */
char *pc_diag_format(const pc_diag *diag, char *buf, size_t size);

PC_API_END

#endif
