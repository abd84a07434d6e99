/*
 * The verify findings alone as JSON (SPEC section 8), for `paycalc verify
 * --json FILE`:
 *
 *   {"findings": [{check, severity, table, year, subject, item, published,
 *                  expected, difference}],
 *    "skipped": [{check, year, subject, reason}],
 *    "summary": {checked, errors, rounding}}
 *
 * Keys in that order (jansson keeps insertion order; no key sorting),
 * two-space indentation, deterministic. Figures are exact decimals: a whole
 * amount is a JSON integer (293557), anything else a real printed with 15
 * significant digits, which gives back the decimal exactly (jansson's
 * default of 17 digits would print 911229.67 as 911229.67000000004). Exact
 * up to 15 significant digits: amounts below ten trillion dollars shown in
 * cents, and means shown to the micro below one billion.
 *
 * The file is written atomically (SPEC section 1): a temporary file in the
 * same folder, flushed to disk, then renamed over the target.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/money.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"

#define JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(15))

/* A micros figure as a JSON number that reads back as the same decimal. */
static json_t *figure(int64_t micro)
{
    if (micro % PC_MICRO == 0)
        return json_integer(micro / PC_MICRO);
    /* The one conversion to double, at the moment of writing: micro and
     * 10^6 are exact doubles and the division is correctly rounded, so
     * printing 15 significant digits recovers the decimal. */
    return json_real((double)micro / (double)PC_MICRO);
}

/* Sets `key` to `value` (stolen); false when either is missing. */
static bool put(json_t *object, const char *key, json_t *value)
{
    return value && json_object_set_new(object, key, value) == 0;
}

static json_t *finding_json(const pc_finding *f)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (put(o, "check", json_string(f->check ? f->check : "")) &&
        put(o, "severity", json_string(pc_check_severity_name(f->severity))) &&
        put(o, "table", json_string(pc_reported_table_name(f->table))) &&
        put(o, "year", json_integer(f->year)) &&
        put(o, "subject", json_string(f->subject ? f->subject : "")) &&
        put(o, "item", json_string(f->item ? f->item : "")) &&
        put(o, "published", figure(f->published_micro)) &&
        put(o, "expected", figure(f->expected_micro)) &&
        put(o, "difference", figure(f->difference_micro)))
        return o;
    json_decref(o);
    return NULL;
}

static json_t *skipped_json(const pc_skipped *s)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (put(o, "check", json_string(s->check ? s->check : "")) &&
        put(o, "year", json_integer(s->year)) &&
        put(o, "subject", json_string(s->subject ? s->subject : "")) &&
        put(o, "reason", json_string(s->reason ? s->reason : "")))
        return o;
    json_decref(o);
    return NULL;
}

static json_t *checks_json(const pc_checks *checks)
{
    /* The containers go into the root first, in the key order of SPEC
     * section 8; the root owns them from then on (json_object_set_new
     * releases the value even when it fails). */
    json_t *root = json_object();
    json_t *findings = json_array(), *skipped = NULL, *summary = NULL;
    size_t errors = 0, rounding = 0;
    if (!root || !put(root, "findings", findings))
        goto fail;
    if (!put(root, "skipped", skipped = json_array()))
        goto fail;
    if (!put(root, "summary", summary = json_object()))
        goto fail;
    for (size_t i = 0; i < checks->findings.count; i++) {
        const pc_finding *f = &checks->findings.items[i];
        if (json_array_append_new(findings, finding_json(f)) != 0)
            goto fail;
        if (f->severity == PC_CHECK_ERROR)
            errors++;
        else
            rounding++;
    }
    for (size_t i = 0; i < checks->skipped.count; i++)
        if (json_array_append_new(skipped, skipped_json(&checks->skipped.items[i])) != 0)
            goto fail;
    if (put(summary, "checked", json_integer((json_int_t)checks->checked)) &&
        put(summary, "errors", json_integer((json_int_t)errors)) &&
        put(summary, "rounding", json_integer((json_int_t)rounding)))
        return root;
fail:
    if (!root)
        json_decref(findings);
    json_decref(root);
    return NULL;
}

char *pc_checks_dumps(const pc_checks *checks)
{
    if (!checks)
        return NULL;
    json_t *root = checks_json(checks);
    if (!root)
        return NULL;
    char *body = json_dumps(root, JSON_FLAGS);
    json_decref(root);
    if (!body)
        return NULL;
    /* A text file ends with a newline. */
    size_t n = strlen(body);
    char *out = malloc(n + 2);
    if (out) {
        memcpy(out, body, n);
        out[n] = '\n';
        out[n + 1] = '\0';
    }
    free(body);
    return out;
}

/* Writes `data` to `path` through a temporary file in the same folder and a
 * rename, so readers see the old file or the new one, never a part. */
static pc_status write_atomically(const char *path, const char *data, size_t size, pc_diags *diags)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t tmp_size = dir_len + strlen(base) + 16;
    char *tmp = malloc(tmp_size);
    if (!tmp)
        return PC_ERR_NOMEM;
    snprintf(tmp, tmp_size, "%.*s.%s.XXXXXX", (int)dir_len, path, base);

    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        pc_error(diags, path, 0, 0, "write_failed", "cannot create a file next to '%s': %s", path,
                 strerror(err));
        free(tmp);
        return PC_ERR_WRITE;
    }
    int err = 0;
    size_t done = 0;
    while (done < size && !err) {
        ssize_t n = write(fd, data + done, size - done);
        if (n < 0 && errno != EINTR)
            err = errno;
        else if (n > 0)
            done += (size_t)n;
    }
    /* mkstemp creates the file readable by its owner only; a report is an
     * ordinary file. */
    if (!err && fchmod(fd, 0644) != 0)
        err = errno;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        unlink(tmp);
        pc_error(diags, path, 0, 0, "write_failed", "cannot write '%s': %s", path, strerror(err));
        free(tmp);
        return PC_ERR_WRITE;
    }
    free(tmp);
    return PC_OK;
}

pc_status pc_write_checks_json(const pc_checks *checks, const char *path, pc_diags *diags)
{
    if (!checks || !path)
        return PC_ERR_USAGE;
    char *text = pc_checks_dumps(checks);
    if (!text)
        return PC_ERR_NOMEM;
    pc_status st = write_atomically(path, text, strlen(text), diags);
    free(text);
    return st;
}
