/*
 * Text utilities every stage shares (calc/core/text.c): the growable text
 * buffer, formatted strings, UTF-8 checks and display width, and digit
 * grouping. One implementation each: the readers, the workbook, verify's
 * table and the command line all measure and build text here, so that a
 * name in any script is measured the same way and is never cut inside a
 * UTF-8 sequence.
 */
#ifndef PAYCALC_TEXT_H
#define PAYCALC_TEXT_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* A growable, always NUL-terminated text buffer. Initialise with
 * pc_buf_init (or `pc_buf b = {0}`), release with pc_buf_fini. Out of
 * memory sets `failed` and keeps what was there: callers check it once at
 * the end instead of after every append. */
typedef struct pc_buf {
    char *data; /* NULL until something is appended */
    size_t len; /* bytes, without the terminating NUL */
    size_t cap;
    bool failed;
} pc_buf;

void pc_buf_init(pc_buf *b);
void pc_buf_fini(pc_buf *b); /* accepts NULL */
/* Empties the buffer, keeping its memory (and clearing `failed`). */
void pc_buf_clear(pc_buf *b);
bool pc_buf_append(pc_buf *b, const char *s, size_t n);
bool pc_buf_puts(pc_buf *b, const char *s);
bool pc_buf_printf(pc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool pc_buf_vprintf(pc_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* `n` spaces. */
bool pc_buf_pad(pc_buf *b, size_t n);
/* The text so far ("" when empty); borrowed, valid until the next append. */
const char *pc_buf_text(const pc_buf *b);
/* The text as a malloc'ed string the caller frees (NULL when out of memory
 * or `failed`); the buffer is left empty. */
char *pc_buf_take(pc_buf *b);

/* A copy of `s` (malloc'ed; NULL when out of memory; NULL for NULL). */
char *pc_strdup(const char *s);
/* A formatted string, malloc'ed (NULL when out of memory). */
char *pc_text_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *pc_text_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Byte offset of the first byte of s[0..len) that is not valid UTF-8
 * (overlong forms, surrogates and code points above U+10FFFF are invalid),
 * or len when all of it is valid. */
size_t pc_text_utf8_invalid_at(const char *s, size_t len);

/* Byte offset of the first character of the UTF-8 text s[0..len) that XML
 * 1.0 forbids (a C0 control other than tab, LF and CR; U+FFFE; U+FFFF),
 * with its code point in *cp; len (and *cp 0) when there is none. A
 * workbook is XML: such text cannot go into it (SPEC section 9). */
size_t pc_text_xml_forbidden_at(const char *s, size_t len, unsigned *cp);

/* The length of the longest prefix of s[0..len) of at most `max` bytes that
 * does not end inside a UTF-8 sequence. */
size_t pc_text_utf8_prefix(const char *s, size_t len, size_t max);

/* Copies `text` (NULL: "") into buf[0..size), NUL-terminated, shortened
 * between characters, never inside one, when it does not fit. Nothing when
 * size is 0. */
void pc_text_copy_cut(char *buf, size_t size, const char *text);

/* Columns the UTF-8 text takes on a screen or in a fixed-pitch cell: East
 * Asian wide and fullwidth characters (Unicode East_Asian_Width W and F:
 * CJK ideographs, kana, hangul, fullwidth forms) count 2, combining marks
 * 0, everything else 1 ("€" and "’" are 1); a malformed byte counts 1. */
size_t pc_text_width(const char *s);
size_t pc_text_width_n(const char *s, size_t len);

/* The decimal digits of `magnitude` with a comma every three digits from
 * the right ("1,234,567"), into `out`, which it returns. */
#define PC_TEXT_GROUPED_SIZE 32
char *pc_text_group_digits(unsigned long long magnitude, char out[PC_TEXT_GROUPED_SIZE]);

PC_API_END

#endif
