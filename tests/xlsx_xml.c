/*
 * See xlsx_xml.h. The zip reader follows the central directory (PKWARE
 * APPNOTE 4.3.12 and 4.3.16): names, methods and sizes from there, data
 * after each local header; only "stored" (0) and "deflate" (8) occur in a
 * workbook.
 */
#include "xlsx_xml.h"

#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static int fail(char *why, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (why && size)
        vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return -1;
}

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return le16(p) | le16(p + 2) << 16;
}

/* Inflates one member; the result (malloc'ed) in *out. */
static int inflate_member(const unsigned char *data, size_t csize, size_t usize, int method,
                          unsigned char **out)
{
    *out = malloc(usize + 1);
    if (!*out)
        return -1;
    if (method == 0) {
        if (csize != usize)
            return -1;
        memcpy(*out, data, usize);
        return 0;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return -1;
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)csize;
    z.next_out = *out;
    z.avail_out = (uInt)usize + 1;
    int rc = inflate(&z, Z_FINISH);
    size_t got = z.total_out;
    inflateEnd(&z);
    return rc == Z_STREAM_END && got == usize ? 0 : -1;
}

static int parse_xml(const char *name, const unsigned char *text, size_t n, char *why, size_t size)
{
    XML_Parser p = XML_ParserCreate(NULL);
    if (!p)
        return fail(why, size, "out of memory");
    int rc = 0;
    if (XML_Parse(p, (const char *)text, (int)n, 1) == XML_STATUS_ERROR)
        rc = fail(why, size, "%s: line %lu: %s", name, (unsigned long)XML_GetCurrentLineNumber(p),
                  XML_ErrorString(XML_GetErrorCode(p)));
    XML_ParserFree(p);
    return rc;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Parses every XML part; counts in *found the parts holding `needle` (when
 * not NULL). */
static int walk(const unsigned char *zip, size_t zsize, const char *needle, int *found, char *why,
                size_t size)
{
    /* The end of central directory record: the last "PK\5\6". */
    size_t eocd = zsize >= 22 ? zsize - 22 : 0;
    while (zsize >= 22 && eocd > 0 && le32(zip + eocd) != 0x06054b50)
        eocd--;
    if (zsize < 22 || le32(zip + eocd) != 0x06054b50)
        return fail(why, size, "not a zip archive");
    size_t entries = le16(zip + eocd + 10), at = le32(zip + eocd + 16);
    int parsed = 0;
    for (size_t i = 0; i < entries; i++) {
        if (at + 46 > zsize || le32(zip + at) != 0x02014b50)
            return fail(why, size, "broken central directory");
        int method = (int)le16(zip + at + 10);
        size_t csize = le32(zip + at + 20), usize = le32(zip + at + 24);
        size_t nlen = le16(zip + at + 28), elen = le16(zip + at + 30), clen = le16(zip + at + 32);
        size_t local = le32(zip + at + 42);
        const char *name = (const char *)zip + at + 46;
        if (at + 46 + nlen > zsize || local + 30 > zsize || le32(zip + local) != 0x04034b50)
            return fail(why, size, "broken entry %zu", i);
        size_t data = local + 30 + le16(zip + local + 26) + le16(zip + local + 28);
        if (data + csize > zsize || (method != 0 && method != 8))
            return fail(why, size, "%.*s: unreadable member", (int)nlen, name);
        char *part = malloc(nlen + 1);
        if (!part)
            return fail(why, size, "out of memory");
        memcpy(part, name, nlen);
        part[nlen] = '\0';
        int rc = 0;
        if (ends_with(name, nlen, ".xml") || ends_with(name, nlen, ".rels")) {
            unsigned char *text = NULL;
            if (inflate_member(zip + data, csize, usize, method, &text) != 0)
                rc = fail(why, size, "%s: does not inflate", part);
            else
                rc = parse_xml(part, text, usize, why, size);
            if (rc == 0 && needle && text) {
                text[usize] = '\0';
                *found += strstr((const char *)text, needle) != NULL;
            }
            free(text);
            parsed += rc == 0;
        }
        free(part);
        if (rc)
            return -1;
        at += 46 + nlen + elen + clen;
    }
    return parsed > 0 ? parsed : fail(why, size, "no XML part");
}

int xlsx_xml_check_bytes(const unsigned char *zip, size_t zip_size, char *why, size_t size)
{
    return walk(zip, zip_size, NULL, NULL, why, size);
}

/* The whole file, malloc'ed; NULL when unreadable. */
static unsigned char *load(const char *path, size_t *size)
{
    *size = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    *size = n;
    return buf;
}

int xlsx_xml_check(const char *path, char *why, size_t size)
{
    size_t n;
    unsigned char *zip = load(path, &n);
    if (!zip)
        return fail(why, size, "%s: cannot read", path);
    int rc = walk(zip, n, NULL, NULL, why, size);
    free(zip);
    return rc;
}

int xlsx_xml_contains(const char *path, const char *text)
{
    size_t n;
    unsigned char *zip = load(path, &n);
    char why[256];
    int found = 0;
    int rc = zip ? walk(zip, n, text, &found, why, sizeof why) : -1;
    free(zip);
    return rc < 0 ? -1 : found;
}
