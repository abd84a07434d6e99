/*
 * The text utilities of text.h: one growable buffer, one formatter, one
 * UTF-8 decoder behind the validity check, the safe prefix and the display
 * width, and one digit grouper.
 */
#include "paycalc/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pc_buf_init(pc_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = false;
}

void pc_buf_fini(pc_buf *b)
{
    if (!b)
        return;
    free(b->data);
    pc_buf_init(b);
}

void pc_buf_clear(pc_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    b->failed = false;
}

/* Room for `more` bytes and the NUL; doubling keeps appends linear. */
static bool reserve(pc_buf *b, size_t more)
{
    if (b->failed)
        return false;
    if (more > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + more + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

bool pc_buf_append(pc_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool pc_buf_puts(pc_buf *b, const char *s)
{
    return pc_buf_append(b, s ? s : "", s ? strlen(s) : 0);
}

bool pc_buf_vprintf(pc_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0 || !reserve(b, (size_t)n)) {
        va_end(again);
        b->failed = true;
        return false;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    b->len += (size_t)n;
    return true;
}

bool pc_buf_printf(pc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = pc_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

bool pc_buf_pad(pc_buf *b, size_t n)
{
    if (!reserve(b, n))
        return false;
    memset(b->data + b->len, ' ', n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

const char *pc_buf_text(const pc_buf *b)
{
    return b->data ? b->data : "";
}

char *pc_buf_take(pc_buf *b)
{
    if (b->failed) {
        pc_buf_fini(b);
        return NULL;
    }
    char *s = b->data ? b->data : pc_strdup("");
    pc_buf_init(b);
    return s;
}

char *pc_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *pc_text_vformat(const char *fmt, va_list ap)
{
    pc_buf b;
    pc_buf_init(&b);
    pc_buf_vprintf(&b, fmt, ap);
    return pc_buf_take(&b);
}

char *pc_text_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = pc_text_vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* Decodes one UTF-8 character at s[0..len): its length, or 0 when the
 * bytes there are not a valid sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). */
static size_t decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n > len)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t pc_text_utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = decode(p + i, len - i, &cp);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

size_t pc_text_xml_forbidden_at(const char *s, size_t len, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') {
            *cp = p[i];
            return i;
        }
        /* U+FFFE and U+FFFF: EF BF BE and EF BF BF. */
        if (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBF && (p[i + 2] & 0xFE) == 0xBE) {
            *cp = p[i + 2] == 0xBE ? 0xFFFEu : 0xFFFFu;
            return i;
        }
    }
    *cp = 0;
    return len;
}

size_t pc_text_utf8_prefix(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    const unsigned char *p = (const unsigned char *)s;
    size_t cut = max;
    /* Back up over continuation bytes to the start of the character that
     * crosses `max`. */
    while (cut > 0 && (p[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
}

void pc_text_copy_cut(char *buf, size_t size, const char *text)
{
    if (size == 0)
        return;
    size_t n = text ? pc_text_utf8_prefix(text, strlen(text), size - 1) : 0;
    if (n)
        memcpy(buf, text, n);
    buf[n] = '\0';
}

/* Unicode East_Asian_Width W or F (the blocks names and labels use). */
static bool is_wide(uint32_t cp)
{
    static const uint32_t ranges[][2] = {
        {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF}, {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
        {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return false;
}

/* Combining marks take no column of their own. */
static bool is_combining(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

size_t pc_text_width_n(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t width = 0, i = 0;
    while (i < len && p[i]) {
        uint32_t cp;
        size_t n = decode(p + i, len - i, &cp);
        if (!n) {
            width++;
            i++;
            continue;
        }
        width += is_combining(cp) ? 0 : is_wide(cp) ? 2 : 1;
        i += n;
    }
    return width;
}

size_t pc_text_width(const char *s)
{
    return s ? pc_text_width_n(s, strlen(s)) : 0;
}

char *pc_text_group_digits(unsigned long long magnitude, char out[PC_TEXT_GROUPED_SIZE])
{
    char digits[24]; /* 2^64 has 20 digits */
    int n = snprintf(digits, sizeof digits, "%llu", magnitude);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = digits[i];
    }
    out[k] = '\0';
    return out;
}
