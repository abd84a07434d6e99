/*
 * One published cell, one finding (SPEC section 8): findings on the same
 * cell, and checks between two cells, come together under the cell that
 * slipped, with the other checks named in `related`.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "paycalc/report.h"
#include "paycalc/verify.h"

#define SCT PC_REPORTED_SCT
#define PVP PC_REPORTED_PVP
#define CAP PC_REPORTED_CAP

static pc_finding *add(pc_checks *c, const char *check, pc_check_severity severity,
                       pc_reported_table table, int year, const char *subject, const char *item)
{
    pc_finding *f = PC_ARRAY_PUSH(&c->findings);
    cr_assert_not_null(f);
    f->check = pc_strdup(check);
    f->severity = severity;
    f->table = table;
    f->year = year;
    f->subject = pc_strdup(subject);
    f->item = pc_strdup(item);
    return f;
}

static void other(pc_finding *f, pc_reported_table table, const char *subject, const char *item)
{
    f->other_table = table;
    f->other_subject = pc_strdup(subject);
    f->other_item = pc_strdup(item);
}

static bool names(const pc_finding *f, const char *check)
{
    for (size_t i = 0; i < f->related.count; i++)
        if (!strcmp(f->related.items[i], check))
            return true;
    return false;
}

Test(related, a_misfooted_sct_total_is_one_finding_with_its_related_checks)
{
    pc_checks c;
    pc_checks_init(&c);
    add(&c, "sct_does_not_foot", PC_CHECK_ERROR, SCT, 2023, "ceo", "total");
    other(add(&c, "pvp_sct_total_differs", PC_CHECK_ERROR, PVP, 2023, "ceo", "sct_total"), SCT,
          "ceo", "total");
    add(&c, "mismatch", PC_CHECK_ERROR, SCT, 2023, "ceo", "total");
    add(&c, "mismatch", PC_CHECK_ERROR, CAP, 2023, "ceo", "cap"); /* another cause */
    cr_assert_eq(pc_verify_relate(&c), PC_OK);
    cr_assert_eq(c.findings.count, 2);
    const pc_finding *f = &c.findings.items[0];
    cr_assert_str_eq(f->check, "sct_does_not_foot");
    cr_assert_eq(f->related.count, 2);
    cr_assert(names(f, "pvp_sct_total_differs") && names(f, "mismatch"));
    cr_assert_str_eq(c.findings.items[1].item, "cap");
    cr_assert_eq(c.findings.items[1].related.count, 0);
    cr_assert_eq(c.errors, 2);
    pc_checks_fini(&c);
}

Test(related, an_error_is_kept_before_a_rounding_difference_on_the_same_cell)
{
    pc_checks c;
    pc_checks_init(&c);
    add(&c, "sct_does_not_foot", PC_CHECK_ROUNDING, SCT, 2021, "li", "total");
    add(&c, "mismatch", PC_CHECK_ERROR, SCT, 2021, "li", "total");
    cr_assert_eq(pc_verify_relate(&c), PC_OK);
    cr_assert_eq(c.findings.count, 1);
    cr_assert_str_eq(c.findings.items[0].check, "mismatch");
    cr_assert(names(&c.findings.items[0], "sct_does_not_foot"));
    cr_assert_eq(c.errors, 1);
    cr_assert_eq(c.rounding, 0);
    pc_checks_fini(&c);
}

Test(related, a_check_between_two_cells_stays_when_neither_failed_anything_else)
{
    pc_checks c;
    pc_checks_init(&c);
    other(add(&c, "cap_sct_total_differs", PC_CHECK_ERROR, CAP, 2023, "ceo", "sct_total"), PVP,
          "ceo", "sct_total");
    other(add(&c, "pvp_sct_total_differs", PC_CHECK_ERROR, PVP, 2023, "ceo", "sct_total"), SCT,
          "ceo", "total");
    cr_assert_eq(pc_verify_relate(&c), PC_OK);
    cr_assert_eq(c.findings.count, 2);
    cr_assert_eq(c.findings.items[0].related.count, 0);
    cr_assert_eq(c.findings.items[1].related.count, 0);
    pc_checks_fini(&c);
}

Test(related, a_check_between_cells_keeps_its_own_cell_when_that_cell_failed_more)
{
    pc_checks c;
    pc_checks_init(&c);
    add(&c, "sct_does_not_foot", PC_CHECK_ERROR, SCT, 2023, "ceo", "total");
    other(add(&c, "pvp_sct_total_differs", PC_CHECK_ERROR, PVP, 2023, "ceo", "sct_total"), SCT,
          "ceo", "total");
    add(&c, "mismatch", PC_CHECK_ERROR, PVP, 2023, "ceo", "sct_total");
    cr_assert_eq(pc_verify_relate(&c), PC_OK);
    cr_assert_eq(c.findings.count, 2);
    cr_assert_eq(c.findings.items[0].related.count, 0);
    cr_assert_str_eq(c.findings.items[1].check, "pvp_sct_total_differs");
    cr_assert(names(&c.findings.items[1], "mismatch"));
    pc_checks_fini(&c);
}
