/*
 * Internal: JSON text written straight to a file (or a buffer) without
 * building a jansson tree first, for the parts of report.json that grow with
 * the input (award_valuations: one object per tranche valuation, a million
 * of them for a large award ledger). A jansson tree costs about 4 KB and 40
 * allocations per valuation; this writer costs nothing per valuation but the
 * text itself.
 *
 * The text is byte for byte what json_dumps gives with PC_JSON_FLAGS
 * (json/util.h): the same indentation, the same string escapes, the same
 * number forms (integers with %lld, reals with 15 significant digits, ".0"
 * appended to a whole real, exponents without '+' or leading zeros), so the
 * streamed parts and the jansson parts of one document read as one.
 */
#ifndef PAYCALC_JSON_STREAM_H
#define PAYCALC_JSON_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PC_JW_MAX_DEPTH 16

typedef struct pc_jw {
    char *buf;
    size_t len, cap;
    size_t limit;  /* len may grow up to this without a flush or a realloc; 0 after a failure */
    int fd;        /* where full buffers go, or -1 to keep the whole text in buf */
    int error;     /* 0, or the errno of the first failure (ENOMEM, a write error) */
    bool bad_text; /* a string was not valid UTF-8 (jansson refuses those too) */
    int depth;     /* jansson's depth of the innermost open container */
    bool first[PC_JW_MAX_DEPTH]; /* no member written yet at that depth */
} pc_jw;

/* Starts a writer at jansson depth `depth` (1 for a value of a top-level
 * key). `fd` >= 0: the text goes to that descriptor as the buffer fills. */
void pc_jw_init(pc_jw *w, int fd, int depth);
/* Releases the buffer (not the descriptor). */
void pc_jw_fini(pc_jw *w);
/* Writes what is buffered to the descriptor; 0 or -1 (w->error set). */
int pc_jw_flush(pc_jw *w);
/* True when nothing has failed. */
bool pc_jw_ok(const pc_jw *w);

/* Room for `n` more bytes at w->buf + w->len, flushing or growing the
 * buffer when needed; NULL (and w->error) on failure. The caller adds what
 * it wrote to w->len. */
char *pc_jw_reserve_slow(pc_jw *w, size_t n);
static inline char *pc_jw_reserve(pc_jw *w, size_t n)
{
    return w->len + n <= w->limit ? w->buf + w->len : pc_jw_reserve_slow(w, n);
}

static inline void pc_jw_raw(pc_jw *w, const char *text, size_t len)
{
    char *p = pc_jw_reserve(w, len);
    if (p) {
        memcpy(p, text, len);
        w->len += len;
    }
}

/* Containers: '{' or '['; members: a key (objects) or the next element
 * (arrays) before each value. */
void pc_jw_open(pc_jw *w, char bracket);
void pc_jw_close(pc_jw *w, char bracket);
void pc_jw_key(pc_jw *w, const char *key); /* a plain ASCII name: no escapes needed */
void pc_jw_element(pc_jw *w);

/* Values, as json/util.h makes them. */
void pc_jw_string(pc_jw *w, const char *text); /* null for NULL */
void pc_jw_integer(pc_jw *w, long long value);
void pc_jw_real(pc_jw *w, double value);   /* a finite double */
void pc_jw_double(pc_jw *w, double value); /* null when not finite (pc_json_double) */
void pc_jw_money(pc_jw *w, int64_t cents); /* pc_json_money */
void pc_jw_micro(pc_jw *w, int64_t micro); /* pc_json_micro */
void pc_jw_date(pc_jw *w, int32_t date);   /* pc_json_date */

/* The text jansson writes for a real with JSON_REAL_PRECISION(15), into
 * out (at least 32 bytes, NUL-terminated); returns its length. */
size_t pc_json_format_real(double value, char *out);

#endif
