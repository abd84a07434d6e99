/*
 * The verify findings alone as JSON (SPEC section 8), for `paycalc verify
 * --json FILE`:
 *
 *   {"findings": [{check, severity, table, year, subject, item, published,
 *                  expected, difference, related, note}],
 *    "skipped": [{check, year, subject, reason}],
 *    "summary": {checked, errors, rounding}}
 *
 * `note` only when the finding has one (how a figure was read, or what its
 * difference suggests).
 * Keys in that order (jansson keeps insertion order; no key sorting),
 * two-space indentation, deterministic. Figures are exact decimals: a whole
 * amount is a JSON integer (293557), anything else a real printed with 15
 * significant digits, which gives back the decimal exactly (jansson's
 * default of 17 digits would print 911229.67 as 911229.67000000004). Exact
 * up to 15 significant digits: amounts below ten trillion dollars shown in
 * cents, and means shown to the micro below one billion.
 *
 * The file is written atomically (SPEC section 1) by pc_write_file_atomic.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "paycalc/money.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"

/* Sets `key` to `value` (stolen); false when either is missing. */
static bool put(json_t *object, const char *key, json_t *value)
{
    return value && json_object_set_new(object, key, value) == 0;
}

/* The other checks the same published cell failed (SPEC section 8). */
static json_t *related_json(const pc_finding *f)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < f->related.count; i++)
        if (json_array_append_new(a, json_string(f->related.items[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
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
        put(o, "published", pc_json_micro(f->published_micro)) &&
        put(o, "expected", pc_json_micro(f->expected_micro)) &&
        put(o, "difference", pc_json_micro(f->difference_micro)) &&
        put(o, "related", related_json(f)) && (!f->note || put(o, "note", json_string(f->note))) &&
        /* a figure read from Inline XBRL names its fact (SPEC section 15) */
        (!f->concept || (put(o, "concept", json_string(f->concept)) &&
                         put(o, "context", json_string(f->context ? f->context : "")) &&
                         put(o, "displayed", json_string(f->displayed ? f->displayed : "")))))
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

json_t *pc_json_findings(const pc_checks *checks)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < checks->findings.count; i++)
        if (json_array_append_new(a, finding_json(&checks->findings.items[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

char *pc_checks_dumps(const pc_checks *checks)
{
    if (!checks)
        return NULL;
    json_t *root = checks_json(checks);
    if (!root)
        return NULL;
    char *body = json_dumps(root, PC_JSON_FLAGS);
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

char *pc_checks_json_line(const pc_checks *checks, const char *file, const char *company, int year,
                          const char *error)
{
    json_t *root = json_object();
    if (!root)
        return NULL;
    bool ok = put(root, "file", json_string(file ? file : "")) &&
              put(root, "company", company ? json_string(company) : json_null()) &&
              put(root, "year", year ? json_integer(year) : json_null());
    if (ok && error) {
        ok = put(root, "status", json_string("unreadable")) &&
             put(root, "error", json_string(error));
    } else if (ok) {
        json_t *body = checks ? checks_json(checks) : NULL;
        const char *key;
        json_t *value;
        ok = body && put(root, "status", json_string("read"));
        json_object_foreach(body, key, value)
        {
            if (ok)
                ok = json_object_set(root, key, value) == 0;
        }
        json_decref(body);
    }
    char *line = ok ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    json_decref(root);
    return line;
}

pc_status pc_write_checks_json(const pc_checks *checks, const char *path, pc_diags *diags)
{
    if (!checks || !path)
        return PC_ERR_USAGE;
    char *text = pc_checks_dumps(checks);
    if (!text)
        return PC_ERR_NOMEM;
    pc_status st = pc_write_file_atomic(path, text, strlen(text), diags);
    free(text);
    return st;
}
