/*
 * What the sheets look up in the report (cells.h): the Pay vs Performance
 * row of a year, a subject's CAP row, whether a person is a PEO.
 */
#include "cells.h"

int pc_xlsx_year_cmp_desc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

const pc_pvp_row *pc_xlsx_pvp_for_year(const pc_report *r, int year)
{
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].year == year)
            return &r->pvp.items[i];
    return NULL;
}

/* The index of the CAP row of a subject in a year, or PC_XLSX_NONE. */
long pc_xlsx_cap_index(const pc_report *r, int year, size_t subject)
{
    for (size_t i = 0; i < r->cap.count; i++)
        if (r->cap.items[i].year == year && r->cap.items[i].subject == subject)
            return (long)i;
    return PC_XLSX_NONE;
}

bool pc_xlsx_is_peo(const pc_pvp_row *p, size_t person)
{
    if (!p)
        return false;
    for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++)
        if (p->peo[k].person == person)
            return true;
    return false;
}
