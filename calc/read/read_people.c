/*
 * people.csv and roles.csv (SPEC section 2): who the people are, and who is
 * a PEO or NEO in each covered year, or a non-employee director (Item
 * 402(k): the Director Compensation table).
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "read_set.h"

/* ---- people.csv ------------------------------------------------------------- */

enum { PEOPLE_ID, PEOPLE_NAME, PEOPLE_POSITION, PEOPLE_RETIREMENT };

void pc_read_people_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    if (!pc_read_need(r, row, PEOPLE_ID, NULL))
        return;
    pc_read_need(r, row, PEOPLE_NAME, NULL);
    pc_person *p = pc_read_push(r, PC_ARRAY_PUSH(&r->ds->people));
    if (!p)
        return;
    p->line = row->line;
    p->id = pc_read_dup_text(r, pc_read_val(row, PEOPLE_ID));
    p->name = pc_read_dup_text(r, pc_read_val(row, PEOPLE_NAME));
    p->position = pc_read_dup_text(r, pc_read_val(row, PEOPLE_POSITION)); /* "" when blank */
    /* SPEC section 13: eligible to retire from this date (blank: never). */
    p->retirement_eligible_date = PC_DATE_NONE;
    if (pc_read_has(row, PEOPLE_RETIREMENT) &&
        pc_read_get_date(r, row, PEOPLE_RETIREMENT, &p->retirement_eligible_date))
        p->retirement_eligible = true;
    else
        p->retirement_eligible_date = PC_DATE_NONE;
}

static void person_duplicate(reader *r, size_t index, int first_line)
{
    const pc_person *p = &r->ds->people.items[index];
    pc_read_file_error(r, PC_FILE_PEOPLE, p->line, "person_id", "duplicate",
                       "duplicate person '%s' (first at line %d)", pc_read_show(&r->rd, p->id),
                       first_line);
}

void pc_read_check_people(reader *r)
{
    size_t n = r->ds->people.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){r->ds->people.items[i].id, 0, 0, 0, i, r->ds->people.items[i].line};
    pc_read_report_duplicates(r, keys, n, person_duplicate);
}

/* ---- roles.csv ----------------------------------------------------------- */

enum { ROLES_YEAR, ROLES_PERSON, ROLES_ROLE, ROLES_POSITION };

void pc_read_roles_row(void *ctx, const pc_read_row *row)
{
    reader *r = ctx;
    int year = 0;
    bool ok = pc_read_get_year(r, row, ROLES_YEAR, &year);
    if (ok && !pc_read_year_kept(r, year))
        return;
    size_t person = 0;
    ok &= pc_read_get_person(r, row, ROLES_PERSON, &person);
    static const char *const roles[] = {"PEO", "NEO", "director"};
    int role = pc_read_get_choice(r, row, ROLES_ROLE, roles, 3);
    /* The year has a PEO row even when its person_id is wrong (that error is
     * reported), so "no PEO for the year" does not follow. */
    int y = pc_read_years_known(r) ? pc_config_year_index(&r->ds->config, year) : -1;
    if (y >= 0 && role == 0)
        r->peo_seen[y] = true;
    if (!ok || role < 0)
        return;
    /* Directors are kept apart from the executives: the SCT, PvP, CAP and
     * equity tables read `roles` only (a director is not an NEO). */
    pc_role *ro = pc_read_push(r, role == 2 ? PC_ARRAY_PUSH(&r->ds->directors)
                                            : PC_ARRAY_PUSH(&r->ds->roles));
    if (!ro)
        return;
    ro->year = year;
    ro->person = person;
    ro->role = role == 0 ? PC_ROLE_PEO : role == 1 ? PC_ROLE_NEO : PC_ROLE_DIRECTOR;
    ro->position = pc_read_has(row, ROLES_POSITION)
                       ? pc_read_dup_text(r, pc_read_val(row, ROLES_POSITION))
                       : NULL;
    ro->line = row->line;
}

static void director_duplicate(reader *r, size_t index, int first_line)
{
    const pc_role *ro = &r->ds->directors.items[index];
    pc_read_file_error(r, PC_FILE_ROLES, ro->line, "person_id", "duplicate",
                       "'%s' is already a director in %d (line %d): one row per person and year",
                       pc_read_show(&r->rd, r->ds->people.items[ro->person].id), ro->year,
                       first_line);
}

/* Item 402(k) covers the directors who are not named executive officers:
 * an executive's pay for board service is part of their Summary
 * Compensation Table row (Item 402(c)(2)), so a person is a director or an executive in a year, not
 * both. Linear: the executives' (person, year) cells are marked first. */
static void check_directors(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->directors.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] =
            (dup_key){NULL, ds->directors.items[i].year, (int64_t)ds->directors.items[i].person, 0,
                      i,    ds->directors.items[i].line};
    pc_read_report_duplicates(r, keys, n, director_duplicate);
    if (n == 0 || !pc_read_years_known(r) || r->people_failed || ds->config.nyears < 1)
        return;
    size_t ny = (size_t)ds->config.nyears, cells = ds->people.count * ny;
    int *exec_line = calloc(cells ? cells : 1, sizeof *exec_line);
    if (!exec_line) {
        r->rd.nomem = true;
        return;
    }
    for (size_t i = 0; i < ds->roles.count; i++) {
        const pc_role *ro = &ds->roles.items[i];
        int y = pc_config_year_index(&ds->config, ro->year);
        if (y >= 0 && ro->person < ds->people.count)
            exec_line[ro->person * ny + (size_t)y] = ro->line;
    }
    for (size_t i = 0; i < n; i++) {
        const pc_role *ro = &ds->directors.items[i];
        int y = pc_config_year_index(&ds->config, ro->year);
        if (y < 0 || ro->person >= ds->people.count || !exec_line[ro->person * ny + (size_t)y])
            continue;
        pc_read_file_error(r, PC_FILE_ROLES, ro->line, "role", "director_is_executive",
                           "'%s' is a PEO or NEO in %d (line %d): an executive's pay for board "
                           "service belongs in the Summary Compensation Table, and the Director "
                           "Compensation table lists the other directors; remove one of the rows",
                           pc_read_show(&r->rd, ds->people.items[ro->person].id), ro->year,
                           exec_line[ro->person * ny + (size_t)y]);
    }
    free(exec_line);
}

static void role_duplicate(reader *r, size_t index, int first_line)
{
    const pc_role *ro = &r->ds->roles.items[index];
    pc_read_file_error(r, PC_FILE_ROLES, ro->line, "person_id", "duplicate",
                       "'%s' already has a role for %d (line %d): one row per person and year; a "
                       "person who was PEO at any time in the year is PEO for that year",
                       pc_read_show(&r->rd, r->ds->people.items[ro->person].id), ro->year,
                       first_line);
}

void pc_read_check_roles(reader *r)
{
    pc_dataset *ds = r->ds;
    size_t n = ds->roles.count;
    dup_key *keys = pc_read_new_keys(n);
    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (dup_key){NULL, ds->roles.items[i].year, (int64_t)ds->roles.items[i].person, 0,
                            i,    ds->roles.items[i].line};
    pc_read_report_duplicates(r, keys, n, role_duplicate);
    check_directors(r);
    if (!pc_read_years_known(r) || r->people_failed || r->roles_failed)
        return;
    /* Item 402(v) shows a PEO column per PEO of the year: every covered year
     * needs one, and the report has room for PC_MAX_PEOS. */
    int peos[PC_MAX_YEARS] = {0};
    for (size_t i = 0; i < n; i++) {
        const pc_role *ro = &ds->roles.items[i];
        int y = pc_config_year_index(&ds->config, ro->year);
        if (y < 0 || ro->role != PC_ROLE_PEO)
            continue;
        if (++peos[y] == PC_MAX_PEOS + 1)
            pc_read_file_error(r, PC_FILE_ROLES, ro->line, "role", "too_many_peos",
                               "more than %d PEOs in %d", PC_MAX_PEOS, ro->year);
    }
    for (int y = 0; y < ds->config.nyears; y++)
        if (!r->peo_seen[y])
            pc_read_file_error(r, PC_FILE_ROLES, 0, NULL, "no_peo",
                               "no PEO for covered year %d: add a row with role PEO",
                               ds->config.years[y]);
}
