/*
 * Diagnostics (paycalc/status.h): messages are kept as long as they are, and
 * a message formatted into a caller's buffer is cut only between UTF-8
 * characters. A fixed 1,024-byte buffer once cut a long name inside a
 * character; the warning carrying it then failed report.json's UTF-8 check
 * after the workbook was already in place.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/status.h"
#include "paycalc/text.h"

/* `count` copies of 雲 (3 bytes each), malloc'ed. */
static char *clouds(size_t count)
{
    char *s = malloc(count * 3 + 1);
    cr_assert_not_null(s);
    for (size_t i = 0; i < count; i++)
        memcpy(s + 3 * i, "\xE9\x9B\xB2", 3);
    s[count * 3] = '\0';
    return s;
}

Test(status, a_message_longer_than_any_buffer_is_kept_whole)
{
    char *name = clouds(1000);
    pc_diags d;
    pc_diags_init(&d);
    cr_assert_eq(pc_warning(&d, "people.csv", 2, 2, "long", "name: %s", name), PC_OK);
    cr_assert_eq(strlen(d.items[0].message), 6 + strlen(name));
    cr_assert_str_eq(d.items[0].message + 6, name);
    char *text = pc_diag_text(&d.items[0]);
    cr_assert_not_null(text);
    cr_assert_not_null(strstr(text, name), "the formatted diagnostic holds the whole name");
    cr_assert_eq(strncmp(text, "people.csv:2:2: warning: name: ", 31), 0, "%s", text);
    free(text);
    pc_diags_fini(&d);
    free(name);
}

Test(status, a_diagnostic_formatted_into_a_small_buffer_is_cut_between_characters)
{
    char *name = clouds(100);
    pc_diags d;
    pc_diags_init(&d);
    cr_assert_eq(pc_error(&d, NULL, 0, 0, "long", "%s", name), PC_OK);
    for (size_t size = 1; size < 40; size++) {
        char buf[40];
        pc_diag_format(&d.items[0], buf, size);
        size_t n = strlen(buf);
        cr_assert_lt(n, size);
        cr_assert_eq(pc_text_utf8_invalid_at(buf, n), n, "size %zu cut inside a character", size);
    }
    pc_diags_fini(&d);
    free(name);
}
