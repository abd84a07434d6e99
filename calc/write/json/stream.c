/*
 * Streaming JSON text in jansson's format (json/stream.h).
 *
 * Reals are the costly part: glibc's printf("%.15g") rounds the exact binary
 * value with multi-precision arithmetic, about 0.4 microseconds a number,
 * and a Black-Scholes valuation carries a dozen of them. The fast path
 * (digits15) scales the double by an exact power of ten, keeps the product
 * exactly as the sum of two doubles, and rounds it to 15 digits itself; at a
 * tie, or a magnitude outside its powers of ten (below 1e-8 or from 1e15
 * on), printf decides. Either way the digits are those of the correctly
 * rounded "%.15g", laid out as printf and jansson lay them out.
 */
#define _POSIX_C_SOURCE 200809L
#include "stream.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paycalc/date.h"
#include "number.h"

/* Full buffers go to the descriptor in pieces of this size. */
#define FLUSH_BYTES (1u << 20)

void pc_jw_init(pc_jw *w, int fd, int depth)
{
    memset(w, 0, sizeof *w);
    w->fd = fd;
    w->depth = depth;
}

void pc_jw_fini(pc_jw *w)
{
    free(w->buf);
    w->buf = NULL;
    w->len = w->cap = w->limit = 0;
}

bool pc_jw_ok(const pc_jw *w)
{
    return w->error == 0 && !w->bad_text;
}

static void fail(pc_jw *w, int error)
{
    if (!w->error)
        w->error = error;
    w->limit = 0; /* every later write takes the slow path, which refuses */
}

int pc_jw_flush(pc_jw *w)
{
    if (w->error)
        return -1;
    if (w->fd < 0)
        return 0;
    const char *p = w->buf;
    size_t left = w->len;
    while (left > 0) {
        ssize_t n = write(w->fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fail(w, n < 0 ? errno : EIO);
            return -1;
        }
        p += n;
        left -= (size_t)n;
    }
    w->len = 0;
    return 0;
}

char *pc_jw_reserve_slow(pc_jw *w, size_t n)
{
    if (w->error)
        return NULL;
    /* To a file: write out what is there and start again at the front. */
    if (w->fd >= 0 && w->len > 0 && w->len + n > w->cap && pc_jw_flush(w))
        return NULL;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : (w->fd >= 0 ? FLUSH_BYTES : 4096);
        while (cap < w->len + n)
            cap *= 2;
        char *b = realloc(w->buf, cap);
        if (!b) {
            fail(w, ENOMEM);
            return NULL;
        }
        w->buf = b;
        w->cap = cap;
    }
    w->limit = w->cap;
    return w->buf + w->len;
}

static void newline_indent(pc_jw *w, bool comma)
{
    size_t spaces = (size_t)w->depth * 2;
    char *p = pc_jw_reserve(w, spaces + 2);
    if (!p)
        return;
    if (comma)
        *p++ = ',';
    *p++ = '\n';
    memset(p, ' ', spaces);
    w->len += spaces + 1 + (comma ? 1 : 0);
}

void pc_jw_open(pc_jw *w, char bracket)
{
    pc_jw_raw(w, &bracket, 1);
    if (w->depth + 1 >= PC_JW_MAX_DEPTH) {
        fail(w, EINVAL);
        return;
    }
    w->depth++;
    w->first[w->depth] = true;
}

void pc_jw_close(pc_jw *w, char bracket)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty)
        newline_indent(w, false);
    pc_jw_raw(w, &bracket, 1);
}

void pc_jw_element(pc_jw *w)
{
    newline_indent(w, !w->first[w->depth]);
    w->first[w->depth] = false;
}

void pc_jw_key(pc_jw *w, const char *key)
{
    size_t klen = strlen(key), spaces = (size_t)w->depth * 2;
    char *p = pc_jw_reserve(w, spaces + klen + 6);
    if (!p)
        return;
    char *start = p;
    if (!w->first[w->depth])
        *p++ = ',';
    w->first[w->depth] = false;
    *p++ = '\n';
    memset(p, ' ', spaces);
    p += spaces;
    *p++ = '"';
    memcpy(p, key, klen);
    p += klen;
    memcpy(p, "\": ", 3);
    p += 3;
    w->len += (size_t)(p - start);
}

/* Length of the UTF-8 sequence at s (jansson's utf8_check_first and
 * utf8_check_full: no overlong forms, no surrogates, nothing above
 * U+10FFFF), its code point in *cp; 0 when invalid. The string's
 * terminator is not a continuation byte, so a sequence cut short by it is
 * refused before anything past it is read. */
static size_t utf8_next(const unsigned char *s, long *cp)
{
    unsigned char c = s[0];
    size_t n;
    long v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (n == 3 && v < 0x800) ||
        (n == 4 && v < 0x10000))
        return 0;
    *cp = v;
    return n;
}

void pc_jw_string(pc_jw *w, const char *text)
{
    if (!text) {
        pc_jw_raw(w, "null", 4);
        return;
    }
    pc_jw_raw(w, "\"", 1);
    const unsigned char *s = (const unsigned char *)text, *run = s;
    for (;;) {
        /* Plain ASCII goes out as it is, in one piece. */
        while (*s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
            s++;
        if (*s >= 0x80) {
            long cp;
            size_t n = utf8_next(s, &cp);
            if (n == 0) {
                w->bad_text = true;
                return;
            }
            s += n;
            continue;
        }
        pc_jw_raw(w, (const char *)run, (size_t)(s - run));
        if (*s == '\0')
            break;
        char esc[8];
        switch (*s) {
        case '\\':
            pc_jw_raw(w, "\\\\", 2);
            break;
        case '"':
            pc_jw_raw(w, "\\\"", 2);
            break;
        case '\b':
            pc_jw_raw(w, "\\b", 2);
            break;
        case '\f':
            pc_jw_raw(w, "\\f", 2);
            break;
        case '\n':
            pc_jw_raw(w, "\\n", 2);
            break;
        case '\r':
            pc_jw_raw(w, "\\r", 2);
            break;
        case '\t':
            pc_jw_raw(w, "\\t", 2);
            break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned)*s);
            pc_jw_raw(w, esc, 6);
            break;
        }
        run = ++s;
    }
    pc_jw_raw(w, "\"", 1);
}

/* Decimal digits of v, into the end of buf; returns where they start. */
static char *digits_of(unsigned long long v, char *end)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

void pc_jw_integer(pc_jw *w, long long value)
{
    char buf[24], *end = buf + sizeof buf;
    unsigned long long mag =
        value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    char *p = digits_of(mag, end);
    if (value < 0)
        *--p = '-';
    pc_jw_raw(w, p, (size_t)(end - p));
}

/* printf's "%.15g" as jansson post-processes it (jsonp_dtostr): the
 * locale's decimal point made '.', ".0" added when there is neither '.' nor
 * 'e', and the exponent without '+' or leading zeros. */
static size_t real_by_printf(double value, char *out)
{
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, "%.15g", value);
    if (n < 0 || (size_t)n >= sizeof tmp)
        n = 0;
    size_t len = 0;
    bool point = false;
    for (int i = 0; i < n; i++) {
        char c = tmp[i];
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != 'e') {
            c = '.';
            point = true;
        }
        if (c == 'e') {
            out[len++] = 'e';
            i++;
            if (tmp[i] == '-')
                out[len++] = '-';
            else if (tmp[i] != '+')
                i--;
            while (i + 1 < n - 1 && tmp[i + 1] == '0')
                i++;
            point = true; /* an exponent needs no ".0" */
            continue;
        }
        out[len++] = c;
    }
    if (!point) {
        out[len++] = '.';
        out[len++] = '0';
    }
    out[len] = '\0';
    return len;
}

/* n (15 digits) into d[0..14], two digits at a time from two 32-bit
 * halves: shorter chains of dependent divisions than one digit at a time
 * over 64 bits. */
static void fifteen_digits(unsigned long long n, char *d)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    uint32_t high = (uint32_t)(n / 100000000u), low = (uint32_t)(n % 100000000u);
    for (int i = 14; i > 7; i -= 2) {
        uint32_t r = low % 100;
        low /= 100;
        d[i - 1] = pairs[2 * r];
        d[i] = pairs[2 * r + 1];
    }
    for (int i = 6; i > 0; i -= 2) {
        uint32_t r = high % 100;
        high /= 100;
        d[i - 1] = pairs[2 * r];
        d[i] = pairs[2 * r + 1];
    }
    d[0] = (char)('0' + high);
}

/* 10^0 .. 10^22: every one exact in a double (5^22 < 2^53). */
static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The 15 significant digits of a (> 0, normal) correctly rounded, and the
 * decimal exponent of the first. a x 10^k is held exactly as hi + lo (fma
 * gives the rounding error of the product exactly), so the only error left
 * is the last addition's, below 1e-15; a fraction within 1e-9 of one half is
 * treated as a tie the caller must leave to printf. False then, and for
 * magnitudes that need a power of ten above 10^22 or below 1. */
static bool digits15(double a, unsigned long long *digits, int *exp10)
{
    /* A first guess from the binary exponent (log10(2) = 0.30103), at
     * most one off, which the loop corrects. */
    int e2;
    frexp(a, &e2);
    int e = (int)floor((e2 - 1) * 0.30102999566398120);
    for (int tries = 0; tries < 3; tries++) {
        int k = 14 - e;
        if (k < 0 || k > 22)
            return false;
        double p = pow10_exact[k];
        double hi = a * p, lo = fma(a, p, -hi);
        if (!(hi < 9e18))
            return false;
        unsigned long long n = (unsigned long long)hi;
        double frac = (hi - (double)n) + lo; /* hi - n is exact */
        if (frac < 0) {
            n--;
            frac += 1;
        } else if (frac >= 1) {
            n++;
            frac -= 1;
        }
        if (fabs(frac - 0.5) < 1e-9)
            return false;
        if (frac > 0.5)
            n++;
        if (n < 100000000000000ULL)
            e--;
        else if (n >= 1000000000000000ULL)
            e++;
        else {
            *digits = n;
            *exp10 = e;
            return true;
        }
    }
    return false;
}

size_t pc_json_format_real(double value, char *out)
{
    if (value == 0) {
        if (signbit(value)) {
            memcpy(out, "-0.0", 5);
            return 4;
        }
        memcpy(out, "0.0", 4);
        return 3;
    }
    double a = fabs(value);
    unsigned long long n;
    int x;
    if (!isfinite(a) || a < 1e-300 || !digits15(a, &n, &x))
        return real_by_printf(value, out);

    char d[16];
    fifteen_digits(n, d);
    int nd = 15; /* significant digits left after dropping trailing zeros */
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    size_t len = 0;
    if (value < 0)
        out[len++] = '-';
    if (x < -4 || x >= 15) {
        /* %e form: d.ddd then the exponent, as jansson trims it. */
        out[len++] = d[0];
        if (nd > 1) {
            out[len++] = '.';
            memcpy(out + len, d + 1, (size_t)nd - 1);
            len += (size_t)nd - 1;
        }
        out[len++] = 'e';
        if (x < 0)
            out[len++] = '-';
        char eb[8], *ee = eb + sizeof eb;
        char *ep = digits_of((unsigned long long)(x < 0 ? -x : x), ee);
        memcpy(out + len, ep, (size_t)(ee - ep));
        len += (size_t)(ee - ep);
    } else if (x >= 0) {
        /* %f form with 14 - x decimals, trailing zeros dropped. */
        memcpy(out + len, d, (size_t)x + 1);
        len += (size_t)x + 1;
        out[len++] = '.';
        if (nd > x + 1) {
            memcpy(out + len, d + x + 1, (size_t)(nd - x - 1));
            len += (size_t)(nd - x - 1);
        } else {
            out[len++] = '0'; /* jansson's ".0" for a whole number */
        }
    } else {
        out[len++] = '0';
        out[len++] = '.';
        for (int i = 0; i < -x - 1; i++)
            out[len++] = '0';
        memcpy(out + len, d, (size_t)nd);
        len += (size_t)nd;
    }
    out[len] = '\0';
    return len;
}

void pc_jw_real(pc_jw *w, double value)
{
    if (!isfinite(value)) { /* json_real refuses these too */
        fail(w, EINVAL);
        return;
    }
    char buf[64];
    size_t n = pc_json_format_real(value, buf);
    pc_jw_raw(w, buf, n);
}

void pc_jw_double(pc_jw *w, double value)
{
    if (isfinite(value))
        pc_jw_real(w, value);
    else
        pc_jw_raw(w, "null", 4);
}

static void number(pc_jw *w, int64_t amount, int64_t scale)
{
    pc_json_number n = pc_json_number_of(amount, scale);
    if (n.whole)
        pc_jw_integer(w, n.integer);
    else
        pc_jw_real(w, n.real);
}

void pc_jw_money(pc_jw *w, int64_t cents)
{
    number(w, cents, 100);
}

void pc_jw_micro(pc_jw *w, int64_t micro)
{
    number(w, micro, 1000000);
}

void pc_jw_date(pc_jw *w, int32_t date)
{
    if (date == PC_DATE_NONE) {
        pc_jw_raw(w, "null", 4);
        return;
    }
    char buf[16];
    pc_date_format(date, buf);
    pc_jw_raw(w, "\"", 1);
    pc_jw_raw(w, buf, strlen(buf));
    pc_jw_raw(w, "\"", 1);
}
