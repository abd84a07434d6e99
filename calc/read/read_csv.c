/*
 * The lower layers of the input readers (read_internal.h): diagnostics with
 * the error ceiling, loading a file with the limits of read.h, UTF-8
 * validation, and the CSV layer over libcsv.
 *
 * libcsv reports fields and rows but not where they are, so the file is fed
 * to it one physical line at a time: every callback then happens while a
 * known line is being parsed. A field starts on the line where the previous
 * field of its row ended (right after the comma) or, for the first field of
 * a row, on the first line after the previous row that holds anything but
 * blanks; that way a quoted value spanning lines is reported at the line
 * where it starts.
 */
#define _POSIX_C_SOURCE 200809L

#include "read_internal.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/read.h"

/* ---- diagnostics -------------------------------------------------------- */

void pc_read_init(pc_read_ctx *rd, pc_diags *diags)
{
    memset(rd, 0, sizeof *rd);
    rd->diags = diags;
    rd->base_errors = diags->errors;
    rd->base_warnings = diags->warnings;
}

bool pc_read_halted(const pc_read_ctx *rd)
{
    return rd->stop || rd->nomem;
}

static void add(pc_read_ctx *rd, pc_severity severity, const char *file, int line, int column,
                const char *code, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

static void add(pc_read_ctx *rd, pc_severity severity, const char *file, int line, int column,
                const char *code, const char *fmt, va_list ap)
{
    if (pc_read_halted(rd))
        return;
    /* Warnings are capped like errors, but reading goes on: the last one
     * says how many more there would have been (one warning more). */
    size_t warnings = rd->diags->warnings - rd->base_warnings;
    if (severity == PC_SEVERITY_WARNING && warnings >= PC_LIMIT_WARNINGS) {
        if (warnings == PC_LIMIT_WARNINGS &&
            pc_warning(rd->diags, file, 0, 0, "too_many_warnings",
                       "more than %d warnings: the rest are not listed",
                       PC_LIMIT_WARNINGS) != PC_OK)
            rd->nomem = true;
        return;
    }
    if (pc_diags_addv(rd->diags, severity, file, line, column, code, fmt, ap) != PC_OK) {
        rd->nomem = true;
        return;
    }
    if (severity == PC_SEVERITY_ERROR && rd->diags->errors - rd->base_errors >= PC_LIMIT_ERRORS) {
        if (pc_error(rd->diags, file, 0, 0, "too_many_errors",
                     "too many errors: stopped after %d; correct these and check again",
                     PC_LIMIT_ERRORS) != PC_OK)
            rd->nomem = true;
        rd->stop = true;
    }
}

void pc_read_error(pc_read_ctx *rd, const char *file, int line, int column, const char *code,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(rd, PC_SEVERITY_ERROR, file, line, column, code, fmt, ap);
    va_end(ap);
}

void pc_read_warning(pc_read_ctx *rd, const char *file, int line, int column, const char *code,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(rd, PC_SEVERITY_WARNING, file, line, column, code, fmt, ap);
    va_end(ap);
}

void pc_read_fini(pc_read_ctx *rd)
{
    for (size_t i = 0; i < sizeof rd->shown / sizeof rd->shown[0]; i++) {
        free(rd->shown[i]);
        rd->shown[i] = NULL;
    }
}

const char *pc_read_show(pc_read_ctx *rd, const char *value)
{
    enum { MAX_SHOWN = 60 };
    size_t n = strlen(value);
    /* Cut between characters, never inside one (pc_text_utf8_prefix). */
    size_t cut = n > MAX_SHOWN ? pc_text_utf8_prefix(value, n, MAX_SHOWN) : n;
    char *out = malloc(cut + 4);
    if (!out) {
        rd->nomem = true;
        return "(a value)";
    }
    char **slot = &rd->shown[rd->nshown++ % (sizeof rd->shown / sizeof rd->shown[0])];
    free(*slot);
    *slot = out;
    size_t o = 0;
    for (size_t i = 0; i < cut; i++) {
        char c = value[i];
        out[o++] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    if (cut < n) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* ---- files -------------------------------------------------------------- */

static int line_of_offset(const char *data, size_t offset)
{
    int line = 1;
    for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + offset - p))) != NULL; p++)
        line++;
    return line;
}

pc_read_open pc_read_load(pc_read_ctx *rd, const char *path, char **to_free, const char **text,
                          size_t *len)
{
    *to_free = NULL;
    *text = NULL;
    *len = 0;
    /* Opened without blocking and checked before reading: a FIFO or a
     * device is an error, never a wait (SPEC section 14). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return PC_READ_ABSENT;
        pc_read_error(rd, path, 0, 0, "unreadable", "cannot read the file: %s", strerror(errno));
        return PC_READ_FAILED;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        pc_read_error(rd, path, 0, 0, "unreadable", "cannot read the file: %s", strerror(errno));
        close(fd);
        return PC_READ_FAILED;
    }
    if (!S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            pc_read_error(rd, path, 0, 0, "unreadable", "this is a folder, not a file");
        else
            pc_read_error(rd, path, 0, 0, "not_a_regular_file",
                          "not a regular file (a named pipe, a device or a socket); an input "
                          "must be a file saved on disk");
        close(fd);
        return PC_READ_FAILED;
    }
    if (st.st_size > PC_LIMIT_FILE_BYTES) {
        pc_read_error(rd, path, 0, 0, "limit",
                      "the file has %lld bytes; an input file may have at most %ld (%ld MB)",
                      (long long)st.st_size, (long)PC_LIMIT_FILE_BYTES,
                      (long)(PC_LIMIT_FILE_BYTES / (1024 * 1024)));
        close(fd);
        return PC_READ_FAILED;
    }
    /* One read of the whole file (the size is known); one byte more to see
     * whether it grew past the limit meanwhile. */
    size_t size = (size_t)st.st_size;
    char *data = malloc(size + 2);
    if (!data) {
        close(fd);
        rd->nomem = true;
        return PC_READ_FAILED;
    }
    size_t got = 0;
    int failed = 0; /* errno of a failed read */
    while (got < size + 1) {
        ssize_t n = read(fd, data + got, size + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            failed = n < 0 ? errno : 0;
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    if (failed) {
        free(data);
        pc_read_error(rd, path, 0, 0, "unreadable", "cannot read the file: %s", strerror(failed));
        return PC_READ_FAILED;
    }
    if (got > size) {
        free(data);
        pc_read_error(rd, path, 0, 0, "unreadable", "the file changed while it was being read");
        return PC_READ_FAILED;
    }
    data[got] = '\0';
    const char *nul = memchr(data, '\0', got);
    if (nul) {
        pc_read_error(
            rd, path, line_of_offset(data, (size_t)(nul - data)), 0, "not_text",
            "not a text file: it holds a NUL byte (binary data); save it as CSV in UTF-8");
        free(data);
        return PC_READ_FAILED;
    }
    const char *start = data;
    if (got >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    *to_free = data;
    *text = start;
    *len = got - (size_t)(start - data);
    return PC_READ_READ;
}

/* ---- CSV ------------------------------------------------------------------ */

typedef struct field {
    size_t offset; /* into csv_state.text */
    size_t len;
    int line;
    bool damaged; /* invalid UTF-8 or too long: reported, read as blank */
} field;

typedef struct csv_state {
    pc_read_ctx *rd;
    const char *path;
    const pc_read_column *columns;
    int ncolumns;
    pc_file_columns *out;
    pc_read_row_fn fn;
    void *ctx;

    /* The row being collected: trimmed field texts, each NUL-terminated. */
    char *text;
    size_t text_len, text_cap;
    field *fields;
    size_t nfields, fields_cap;

    int line;            /* the physical line being fed to libcsv */
    int next_field_line; /* where the next field starts */
    bool awaiting_row;   /* between rows: the next line with content starts one */

    bool have_header;
    int header_line;
    int nheader;
    int position[PC_MAX_COLUMNS]; /* expected column -> 1-based field position, 0 if absent */
    bool missing[PC_MAX_COLUMNS]; /* required and absent */
    bool columns_missing;
    long rows;
    size_t extra_fields; /* fields of this row beyond PC_MAX_COLUMNS, not stored */
    bool rows_lost;      /* a row was refused whole */
    bool abort;          /* read no further in this file */
} csv_state;

static bool is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Surrounding white space, including the no-break space (U+00A0) that
 * values copied from a filing often carry. */
static void trim(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len;
    for (;;) {
        if (n > 0 && is_blank_byte(p[0])) {
            p++;
            n--;
        } else if (n > 1 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            p += 2;
            n -= 2;
        } else {
            break;
        }
    }
    for (;;) {
        if (n > 0 && is_blank_byte(p[n - 1])) {
            n--;
        } else if (n > 1 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xA0) {
            n -= 2;
        } else {
            break;
        }
    }
    *s = p;
    *len = n;
}

/* The name of field position `pos` (1-based) for messages. */
static const char *field_name(const csv_state *st, size_t pos, char *buf, size_t size)
{
    if (!st->have_header)
        return "header";
    if (pos >= 1 && (int)pos <= st->out->count && st->out->names[pos - 1] &&
        st->out->names[pos - 1][0])
        return st->out->names[pos - 1];
    snprintf(buf, size, "column %zu", pos);
    return buf;
}

static bool grow_text(csv_state *st, size_t more)
{
    if (st->text_len + more + 1 <= st->text_cap)
        return true;
    size_t cap = st->text_cap ? st->text_cap : 256;
    while (cap < st->text_len + more + 1)
        cap *= 2;
    char *p = realloc(st->text, cap);
    if (!p)
        return false;
    st->text = p;
    st->text_cap = cap;
    return true;
}

static void on_field(void *data, size_t len, void *ctx)
{
    csv_state *st = ctx;
    if (st->abort)
        return;
    /* The column limit holds for every row, while it is read: a row of
     * millions of commas is counted, never stored. */
    if (st->nfields >= PC_MAX_COLUMNS) {
        st->extra_fields++;
        return;
    }
    if (st->nfields == st->fields_cap) {
        size_t cap = st->fields_cap ? st->fields_cap * 2 : 16;
        field *p = realloc(st->fields, cap * sizeof *p);
        if (!p) {
            st->rd->nomem = true;
            st->abort = true;
            return;
        }
        st->fields = p;
        st->fields_cap = cap;
    }
    field *f = &st->fields[st->nfields++];
    f->line = st->next_field_line;
    f->damaged = false;
    /* The next field starts right after this one's comma, on this line. */
    st->next_field_line = st->line;

    const char *s = data ? data : "";
    char name[32];
    if (len > PC_LIMIT_FIELD_BYTES) {
        pc_read_error(st->rd, st->path, f->line, (int)st->nfields, "limit",
                      "%s: the value is %zu bytes long; a value may have at most %d",
                      field_name(st, st->nfields, name, sizeof name), len, PC_LIMIT_FIELD_BYTES);
        f->damaged = true;
        len = 0;
    } else {
        size_t bad = pc_text_utf8_invalid_at(s, len);
        if (bad < len) {
            /* The line of the bad byte itself, inside a value that may span lines. */
            int line = f->line;
            for (size_t i = 0; i < bad; i++)
                line += s[i] == '\n';
            pc_read_error(st->rd, st->path, line, (int)st->nfields, "bad_utf8",
                          "%s: invalid UTF-8 (byte 0x%02X at byte %zu of the value); save the file "
                          "as CSV UTF-8",
                          field_name(st, st->nfields, name, sizeof name), (unsigned char)s[bad],
                          bad + 1);
            f->damaged = true;
            len = 0;
        }
    }
    unsigned cp;
    size_t forbidden = pc_text_xml_forbidden_at(s, len, &cp);
    if (forbidden < len) {
        int line = f->line;
        for (size_t i = 0; i < forbidden; i++)
            line += s[i] == '\n';
        pc_read_error(st->rd, st->path, line, (int)st->nfields, "forbidden_character",
                      "%s: the value holds the character U+%04X (%s), which a workbook cannot "
                      "hold; remove it",
                      field_name(st, st->nfields, name, sizeof name), cp,
                      cp < 0x20 ? "a control character" : "a noncharacter");
        f->damaged = true;
        len = 0;
    }
    trim(&s, &len);
    if (!grow_text(st, len)) {
        st->rd->nomem = true;
        st->abort = true;
        return;
    }
    f->offset = st->text_len;
    f->len = len;
    memcpy(st->text + st->text_len, s, len);
    st->text_len += len;
    st->text[st->text_len++] = '\0';
}

bool pc_read_same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return *a == *b;
}

static void read_header(csv_state *st)
{
    st->have_header = true;
    st->header_line = st->fields[0].line;
    if (st->nfields > PC_MAX_COLUMNS) {
        pc_read_error(st->rd, st->path, st->header_line, PC_MAX_COLUMNS + 1, "limit",
                      "header: %zu columns; a file may have at most %d", st->nfields,
                      PC_MAX_COLUMNS);
        st->abort = true;
        return;
    }
    st->nheader = (int)st->nfields;
    pc_file_columns *out = st->out;
    for (int i = 0; i < out->count; i++)
        free(out->names[i]);
    out->count = 0;
    for (int i = 0; i < st->nheader; i++) {
        const field *f = &st->fields[i];
        const char *name = st->text + f->offset;
        int match = -1;
        for (int c = 0; c < st->ncolumns; c++)
            if (pc_read_same_word(name, st->columns[c].name)) {
                match = c;
                break;
            }
        out->names[i] = pc_strdup(match >= 0 ? st->columns[match].name : name);
        out->count = i + 1;
        if (!out->names[i]) {
            st->rd->nomem = true;
            st->abort = true;
            return;
        }
        if (f->damaged)
            continue;
        if (match < 0) {
            if (name[0])
                pc_read_warning(
                    st->rd, st->path, f->line, i + 1, "unknown_column",
                    "%s: unknown column, its values are ignored (a misspelt column name?)",
                    pc_read_show(st->rd, name));
            else
                pc_read_warning(st->rd, st->path, f->line, i + 1, "unknown_column",
                                "column %d has no name in the header; its values are ignored",
                                i + 1);
        } else if (st->position[match]) {
            pc_read_error(st->rd, st->path, f->line, i + 1, "duplicate_column",
                          "%s: the column appears twice in the header (first as column %d)",
                          st->columns[match].name, st->position[match]);
        } else {
            st->position[match] = i + 1;
        }
    }
    for (int c = 0; c < st->ncolumns; c++)
        if (st->columns[c].required && !st->position[c]) {
            st->missing[c] = true;
            st->columns_missing = true;
            /* Line of the header, column 0: the column is nowhere. */
            pc_read_error(st->rd, st->path, st->header_line, 0, "missing_column",
                          "%s: required column missing from the header", st->columns[c].name);
        }
    st->out->present = true;
}

/* Whether field `i` can be part `part` (0 first) of `parts` of a number
 * whose thousands separators split it into fields: "90" then "000", or
 * "(1" "234" "567.89)". The first part is an optional '-' or '(' and one to
 * three digits, every later one exactly three digits, the last with an
 * optional fraction and closing parenthesis. */
static bool number_part(const char *s, size_t part, size_t parts)
{
    size_t digits = 0;
    if (part == 0 && (*s == '-' || *s == '('))
        s++;
    while (s[digits] >= '0' && s[digits] <= '9')
        digits++;
    if (part == 0 ? digits < 1 || digits > 3 : digits != 3)
        return false;
    s += digits;
    if (part + 1 == parts && *s == '.' && s[1] >= '0' && s[1] <= '9')
        for (s++; *s >= '0' && *s <= '9'; s++)
            ;
    if (part + 1 == parts && *s == ')')
        s++;
    return *s == '\0';
}

/* Whether exactly one run of fields among the first `n` reads as one
 * number split at its unquoted thousands separators, the run one field
 * longer than the `n` values exceed the header: its first field, 0-based,
 * in `*at`. Rows are at most PC_MAX_COLUMNS wide, so the search is
 * bounded. */
static bool find_split_number(const csv_state *st, size_t n, size_t *at)
{
    if (n <= (size_t)st->nheader)
        return false;
    size_t parts = n - (size_t)st->nheader + 1, found = 0;
    for (size_t i = 0; i + parts <= n; i++) {
        bool fits = true;
        for (size_t k = 0; k < parts && fits; k++)
            fits = !st->fields[i + k].damaged &&
                   number_part(st->text + st->fields[i + k].offset, k, parts);
        if (fits && found++ == 0)
            *at = i;
    }
    return found == 1;
}

/* A row with more values than the header names, where one number split at
 * its unquoted thousands separators (`salary,2022,90,000,USD`) explains
 * them: reported as the one mistake it is, and the row delivered with the
 * number joined, so the columns after it are read where they belong
 * instead of each failing in turn. The row's values are all counted first
 * (`90,000,USD,` under a header whose last column is empty); then less its
 * trailing empty values one by one (`90,000,USD,,` from a spreadsheet).
 * False when no such number explains the row (or out of memory: the read
 * stops). */
static bool deliver_joined(csv_state *st, pc_read_row *row)
{
    size_t at = 0, n = st->nfields;
    while (!find_split_number(st, n, &at)) {
        if (n <= (size_t)st->nheader || st->fields[n - 1].len || st->fields[n - 1].damaged)
            return false;
        n--;
    }
    size_t parts = n - (size_t)st->nheader + 1, len = 0;
    for (size_t k = 0; k < parts; k++)
        len += st->fields[at + k].len + 1;
    if (!grow_text(st, len)) {
        st->rd->nomem = true;
        st->abort = true;
        return true;
    }
    size_t offset = st->text_len;
    for (size_t k = 0; k < parts; k++) {
        if (k)
            st->text[st->text_len++] = ',';
        memcpy(st->text + st->text_len, st->text + st->fields[at + k].offset,
               st->fields[at + k].len);
        st->text_len += st->fields[at + k].len;
    }
    st->text[st->text_len++] = '\0';
    const char *joined = st->text + offset;
    char name[32];
    pc_read_error(st->rd, st->path, st->fields[at].line, (int)at + 1, "unquoted_separator",
                  "%s: the row has %zu values but the header names %d columns: '%s' is one "
                  "number split at an unquoted thousands separator, which shifts the columns "
                  "after it; did you mean \"%s\"? (a value with a comma must be in quotes)",
                  field_name(st, at + 1, name, sizeof name), st->nfields, st->nheader, joined,
                  joined);
    for (int c = 0; c < st->ncolumns; c++) {
        size_t pos = (size_t)st->position[c];
        if (pos > at + 1)
            pos += parts - 1; /* after the number: shifted right */
        row->column[c] = (int)pos;
        if (pos && pos <= n) {
            const field *f = &st->fields[pos - 1];
            row->value[c] = pos == at + 1 ? joined : st->text + f->offset;
            row->line_of[c] = f->line;
            row->silent[c] = f->damaged;
        } else {
            row->value[c] = "";
            row->line_of[c] = row->line;
            row->silent[c] = st->missing[c];
        }
    }
    st->fn(st->ctx, row);
    return true;
}

static void deliver_row(csv_state *st)
{
    if (++st->rows > PC_LIMIT_ROWS) {
        pc_read_error(st->rd, st->path, st->fields[0].line, 0, "limit",
                      "more than %ld rows; a file may have at most %ld", (long)PC_LIMIT_ROWS,
                      (long)PC_LIMIT_ROWS);
        st->abort = true;
        return;
    }
    pc_read_row row;
    row.line = st->fields[0].line;
    if (st->nfields > (size_t)st->nheader && deliver_joined(st, &row))
        return;
    for (int c = 0; c < st->ncolumns; c++) {
        int pos = st->position[c];
        row.column[c] = pos;
        if (pos && (size_t)pos <= st->nfields) {
            const field *f = &st->fields[pos - 1];
            row.value[c] = st->text + f->offset;
            row.line_of[c] = f->line;
            row.silent[c] = f->damaged;
        } else {
            /* An absent column, or a row shorter than the header. */
            row.value[c] = "";
            row.line_of[c] = row.line;
            row.silent[c] = st->missing[c];
        }
    }
    /* Values beyond the header: most often a number with a thousands
     * separator that was not quoted, shifting the columns after it. */
    for (size_t i = (size_t)st->nheader; i < st->nfields; i++) {
        if (st->fields[i].len == 0 && !st->fields[i].damaged)
            continue;
        pc_read_error(st->rd, st->path, st->fields[i].line, (int)i + 1, "extra_field",
                      "column %zu: the row has %zu values but the header names %d columns (a value "
                      "with a comma, such as 1,234.56, must be in quotes)",
                      i + 1, st->nfields, st->nheader);
        break;
    }
    st->fn(st->ctx, &row);
}

static void on_row(int c, void *ctx)
{
    (void)c;
    csv_state *st = ctx;
    if (st->abort)
        return;
    st->awaiting_row = true;
    bool blank = true;
    for (size_t i = 0; i < st->nfields && blank; i++)
        if (st->fields[i].len || st->fields[i].damaged)
            blank = false;
    if (st->extra_fields > 0) {
        int line = st->fields[0].line;
        size_t count = st->nfields + st->extra_fields;
        if (!st->have_header) {
            pc_read_error(st->rd, st->path, line, PC_MAX_COLUMNS + 1, "limit",
                          "header: %zu columns; a file may have at most %d", count, PC_MAX_COLUMNS);
            st->abort = true;
        } else {
            pc_read_error(st->rd, st->path, line, PC_MAX_COLUMNS + 1, "limit",
                          "the row has %zu values; a row may have at most %d (the row was not "
                          "read)",
                          count, PC_MAX_COLUMNS);
        }
        st->rows_lost = true;
    } else if (!blank) {
        if (!st->have_header)
            read_header(st);
        else
            deliver_row(st);
    }
    st->nfields = 0;
    st->extra_fields = 0;
    st->text_len = 0;
}

static bool has_content(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_blank_byte(s[i]))
            return true;
    return false;
}

/* Where the line starting at `pos` ends: just after its LF, CRLF or CR, or
 * at the end of the text. The next CR and LF are remembered, so the whole
 * text is scanned once however many lines it has. */
static size_t line_end(const char *text, size_t len, size_t pos, size_t *next_cr, size_t *next_lf)
{
    if (*next_cr == SIZE_MAX || *next_cr < pos) {
        const char *p = memchr(text + pos, '\r', len - pos);
        *next_cr = p ? (size_t)(p - text) : len;
    }
    if (*next_lf == SIZE_MAX || *next_lf < pos) {
        const char *p = memchr(text + pos, '\n', len - pos);
        *next_lf = p ? (size_t)(p - text) : len;
    }
    size_t e = *next_cr < *next_lf ? *next_cr : *next_lf;
    if (e == len)
        return len;
    if (text[e] == '\r' && e + 1 < len && text[e + 1] == '\n')
        return e + 2;
    return e + 1;
}

static const unsigned char csv_options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;

static void report_quote_error(csv_state *st, char offending)
{
    char name[32];
    const char *col = field_name(st, st->nfields + 1, name, sizeof name);
    if (offending == '"')
        pc_read_error(
            st->rd, st->path, st->line, (int)st->nfields + 1, "bad_quote",
            "%s: a quote inside a value that is not enclosed in quotes; enclose the whole "
            "value in quotes and double the quotes inside it (\"Robert \"\"Bob\"\" Li\")",
            col);
    else
        pc_read_error(st->rd, st->path, st->line, (int)st->nfields + 1, "bad_quote",
                      "%s: text after the closing quote of a quoted value; enclose the whole value "
                      "in quotes and double the quotes inside it",
                      col);
}

/* Malformed quoting (strict RFC 4180): reports it, drops the row and
 * starts a new parser for the next line. False when memory ran out. */
static bool restart_after_bad_quote(csv_state *st, struct csv_parser *parser, char at)
{
    report_quote_error(st, at);
    csv_free(parser);
    if (csv_init(parser, csv_options) != 0) {
        st->rd->nomem = true;
        return false;
    }
    /* Without a header the columns are unknown: stop there. */
    if (!st->have_header)
        st->abort = true;
    st->nfields = 0;
    st->extra_fields = 0;
    st->text_len = 0;
    st->awaiting_row = true;
    return true;
}

/* The last row (a file need not end in a line break), then the parser's
 * release; a quote still open at the end is an error. */
static void finish_parse(csv_state *st, struct csv_parser *parser, bool *rows_lost)
{
    if (!st->abort && !pc_read_halted(st->rd) && csv_fini(parser, on_field, on_row, st) != 0 &&
        !st->abort) {
        *rows_lost = true;
        char name[32];
        pc_read_error(st->rd, st->path, st->next_field_line, (int)st->nfields + 1, "bad_quote",
                      "%s: a quote opened here is never closed",
                      field_name(st, st->nfields + 1, name, sizeof name));
    }
    csv_free(parser);
}

pc_read_open pc_read_csv(pc_read_ctx *rd, const char *path, const pc_read_column *columns,
                         int ncolumns, pc_file_columns *out, pc_read_row_fn fn, void *ctx,
                         bool *rows_lost)
{
    *rows_lost = false;
    char *data;
    const char *text;
    size_t len;
    pc_read_open opened = pc_read_load(rd, path, &data, &text, &len);
    if (opened != PC_READ_READ)
        return opened;

    csv_state st;
    memset(&st, 0, sizeof st);
    st.rd = rd;
    st.path = path;
    st.columns = columns;
    st.ncolumns = ncolumns < PC_MAX_COLUMNS ? ncolumns : PC_MAX_COLUMNS;
    st.out = out;
    st.fn = fn;
    st.ctx = ctx;
    st.awaiting_row = true;
    st.next_field_line = 1;

    struct csv_parser parser;
    bool parser_ok = csv_init(&parser, csv_options) == 0;
    if (!parser_ok)
        rd->nomem = true;
    /* Lines end in LF, CRLF or CR alone (the old Macintosh CSV of some
     * spreadsheets), even mixed in one file, as libcsv ends rows. */
    size_t pos = 0, next_cr = SIZE_MAX, next_lf = SIZE_MAX;
    while (parser_ok && pos < len && !st.abort && !pc_read_halted(rd)) {
        size_t end = line_end(text, len, pos, &next_cr, &next_lf);
        size_t n = end - pos;
        st.line++;
        if (st.awaiting_row && has_content(text + pos, n)) {
            st.next_field_line = st.line;
            st.awaiting_row = false;
        }
        size_t used = csv_parse(&parser, text + pos, n, on_field, on_row, &st);
        if (used < n && !st.abort) {
            if (csv_error(&parser) == CSV_ENOMEM) {
                rd->nomem = true;
                break;
            }
            *rows_lost = true;
            parser_ok = restart_after_bad_quote(&st, &parser, text[pos + used]);
            if (!parser_ok)
                break;
        } else if (parser.entry_pos > PC_LIMIT_FIELD_BYTES && !st.abort) {
            /* A value still open at the end of a line is quoted: this long,
             * its closing quote is most likely missing. */
            char name[32];
            pc_read_error(
                rd, path, st.next_field_line, (int)st.nfields + 1, "limit",
                "%s: a quoted value longer than %d bytes starts here (is its closing quote "
                "missing?)",
                field_name(&st, st.nfields + 1, name, sizeof name), PC_LIMIT_FIELD_BYTES);
            st.abort = true;
        }
        pos = end;
    }
    if (parser_ok)
        finish_parse(&st, &parser, rows_lost);
    if (st.abort || st.columns_missing || st.rows_lost)
        *rows_lost = true;
    if (!st.have_header && !st.abort && !pc_read_halted(rd)) {
        /* No header, no rows: what other files refer to is not there, and
         * that is this one error, not one per reference. */
        *rows_lost = true;
        pc_read_error(rd, path, 0, 0, "empty_file",
                      "the file is empty: it needs at least a header row naming its columns");
    }
    free(st.text);
    free(st.fields);
    free(data);
    return PC_READ_READ;
}
