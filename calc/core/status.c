/*
 * Status messages and the diagnostics list (see include/paycalc/status.h).
 */
#include "paycalc/status.h"

#include "paycalc/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/text.h"

/* No default: the compiler warns when a code has no message. */
const char *pc_status_message(pc_status status)
{
    switch (status) {
    case PC_OK:
        return "success";
    case PC_ERR_NOMEM:
        return "out of memory";
    case PC_ERR_IO:
        return "a file could not be read";
    case PC_ERR_SYNTAX:
        return "a value is not in the form its column needs";
    case PC_ERR_RANGE:
        return "a value is out of range";
    case PC_ERR_OVERFLOW:
        return "an amount is too large for exact arithmetic";
    case PC_ERR_INPUT:
        return "the input set has errors";
    case PC_ERR_MISSING:
        return "market data or an exchange rate needed for a date is missing";
    case PC_ERR_WRITE:
        return "an output could not be written";
    case PC_ERR_LIMIT:
        return "an input exceeds a size limit";
    case PC_ERR_USAGE:
        return "invalid arguments";
    }
    return "unknown status";
}

void pc_diags_init(pc_diags *diags)
{
    memset(diags, 0, sizeof *diags);
}

void pc_diags_fini(pc_diags *diags)
{
    if (!diags)
        return;
    for (size_t i = 0; i < diags->count; i++) {
        free(diags->items[i].file);
        free(diags->items[i].code);
        free(diags->items[i].message);
    }
    free(diags->items);
    memset(diags, 0, sizeof *diags);
}

pc_status pc_diags_addv(pc_diags *diags, pc_severity severity, const char *file, int line,
                        int column, const char *code, const char *fmt, va_list ap)
{
    if (diags->count == diags->capacity) {
        size_t cap = diags->capacity ? diags->capacity * 2 : 16;
        pc_diag *items = realloc(diags->items, cap * sizeof *items);
        if (!items)
            return PC_ERR_NOMEM;
        diags->items = items;
        diags->capacity = cap;
    }
    /* As long as the message is: a fixed buffer once cut a long name
     * inside a UTF-8 character. */
    char *text = pc_text_vformat(fmt, ap);
    pc_diag d = {severity, pc_strdup(file), line, column, pc_strdup(code), text};
    if ((file && !d.file) || (code && !d.code) || !d.message) {
        free(d.file);
        free(d.code);
        free(d.message);
        return PC_ERR_NOMEM;
    }
    diags->items[diags->count++] = d;
    if (severity == PC_SEVERITY_ERROR)
        diags->errors++;
    else
        diags->warnings++;
    return PC_OK;
}

pc_status pc_diags_add(pc_diags *diags, pc_severity severity, const char *file, int line,
                       int column, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_status st = pc_diags_addv(diags, severity, file, line, column, code, fmt, ap);
    va_end(ap);
    return st;
}

pc_status pc_error(pc_diags *diags, const char *file, int line, int column, const char *code,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_status st = pc_diags_addv(diags, PC_SEVERITY_ERROR, file, line, column, code, fmt, ap);
    va_end(ap);
    return st;
}

pc_status pc_warning(pc_diags *diags, const char *file, int line, int column, const char *code,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_status st = pc_diags_addv(diags, PC_SEVERITY_WARNING, file, line, column, code, fmt, ap);
    va_end(ap);
    return st;
}

static int compare_diag(const pc_diag *a, const pc_diag *b)
{
    const char *fa = a->file ? a->file : "";
    const char *fb = b->file ? b->file : "";
    int c = strcmp(fa, fb);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

typedef struct indexed_diag {
    pc_diag diag;
    size_t order;
} indexed_diag;

static int compare_indexed(const void *pa, const void *pb)
{
    const indexed_diag *a = pa, *b = pb;
    int c = compare_diag(&a->diag, &b->diag);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

void pc_diags_sort(pc_diags *diags)
{
    if (diags->count < 2)
        return;
    indexed_diag *tmp = malloc(diags->count * sizeof *tmp);
    if (!tmp)
        return; /* unsorted but complete: order is cosmetic */
    for (size_t i = 0; i < diags->count; i++)
        tmp[i] = (indexed_diag){diags->items[i], i};
    qsort(tmp, diags->count, sizeof *tmp, compare_indexed);
    for (size_t i = 0; i < diags->count; i++)
        diags->items[i] = tmp[i].diag;
    free(tmp);
}

char *pc_diag_text(const pc_diag *diag)
{
    const char *sev = diag->severity == PC_SEVERITY_ERROR ? "error" : "warning";
    if (diag->file && diag->line > 0 && diag->column > 0)
        return pc_text_format("%s:%d:%d: %s: %s", diag->file, diag->line, diag->column, sev,
                              diag->message);
    if (diag->file && diag->line > 0)
        return pc_text_format("%s:%d: %s: %s", diag->file, diag->line, sev, diag->message);
    if (diag->file)
        return pc_text_format("%s: %s: %s", diag->file, sev, diag->message);
    return pc_text_format("%s: %s", sev, diag->message);
}

char *pc_diag_format(const pc_diag *diag, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    char *text = pc_diag_text(diag);
    pc_text_copy_cut(buf, size, text);
    free(text);
    return buf;
}
