/*
 * jansson helpers shared by the JSON writers (json/util.h).
 */
#include "util.h"

#include "number.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/date.h"
#include "paycalc/write.h"

static json_t *number(int64_t amount, int64_t scale)
{
    pc_json_number n = pc_json_number_of(amount, scale);
    return n.whole ? json_integer(n.integer) : json_real(n.real);
}

json_t *pc_json_money(int64_t cents)
{
    return number(cents, 100);
}

json_t *pc_json_micro(int64_t micro)
{
    return number(micro, 1000000);
}

json_t *pc_json_double(double value)
{
    return isfinite(value) ? json_real(value) : json_null();
}

json_t *pc_json_string(const char *text)
{
    return text ? json_string(text) : json_null();
}

json_t *pc_json_date(int32_t date)
{
    if (date == PC_DATE_NONE)
        return json_null();
    char buf[11];
    return json_string(pc_date_format(date, buf));
}

int pc_json_set(json_t *obj, const char *key, json_t *value)
{
    if (!value)
        return -1;
    return json_object_set_new(obj, key, value);
}

pc_status pc_json_write_atomic(const json_t *root, const char *path, pc_diags *diags)
{
    char *text = json_dumps(root, PC_JSON_FLAGS);
    if (!text)
        return PC_ERR_NOMEM;
    size_t n = strlen(text);
    /* End with a newline, as text files do. */
    char *with_newline = realloc(text, n + 2);
    if (!with_newline) {
        free(text);
        return PC_ERR_NOMEM;
    }
    with_newline[n] = '\n';
    with_newline[n + 1] = '\0';
    pc_status st = pc_write_file_atomic(path, with_newline, n + 1, diags);
    free(with_newline);
    return st;
}
