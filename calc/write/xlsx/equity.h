/*
 * Internal: the equity award disclosure sheets (xlsx/equity.c) and their
 * workpaper, Equity Award Detail (xlsx/equity_detail.c), each written top
 * to bottom into the worksheet the workbook gives it.
 */
#ifndef PAYCALC_XLSX_EQUITY_H
#define PAYCALC_XLSX_EQUITY_H

#include "cells.h"

#include "paycalc/equity.h"

#define PC_XLSX_SHEET_OEA "Equity Awards at FYE"
#define PC_XLSX_SHEET_OESV "Exercises and Vesting"
#define PC_XLSX_SHEET_GPBA "Plan-Based Awards"

/* The three tables, in the order of the workbook and of the detail sheet. */
typedef enum pc_xlsx_eq_table {
    PC_XLSX_EQ_OEA = 0,
    PC_XLSX_EQ_OESV,
    PC_XLSX_EQ_GPBA,
    PC_XLSX_EQ_NTABLES
} pc_xlsx_eq_table;

/* The columns of Equity Award Detail the disclosure figures reference. */
typedef enum pc_xlsx_eq_col {
    PC_XLSX_EQ_COL_NAME = 0,
    PC_XLSX_EQ_COL_AWARD,
    PC_XLSX_EQ_COL_TYPE,
    PC_XLSX_EQ_COL_CONDITION,
    PC_XLSX_EQ_COL_TRANCHE,
    PC_XLSX_EQ_COL_STEP,
    PC_XLSX_EQ_COL_DATE,
    PC_XLSX_EQ_COL_FIGURE,
    PC_XLSX_EQ_COL_SHARES,
    PC_XLSX_EQ_COL_OUTCOME,
    PC_XLSX_EQ_COL_COUNTED,
    PC_XLSX_EQ_COL_PRICE,
    PC_XLSX_EQ_COL_PRICE_DATE,
    PC_XLSX_EQ_COL_STRIKE,
    PC_XLSX_EQ_COL_EXPIRES,
    PC_XLSX_EQ_COL_VALUE,
    PC_XLSX_EQ_COL_SOURCE,
    PC_XLSX_EQ_NCOLS
} pc_xlsx_eq_col;

/* The fiscal year the equity sheets show: the last covered one. */
int pc_xlsx_equity_year(const pc_xlsx *w);

/* Lays out Equity Award Detail (w->at.equity_first, equity_last) before
 * any equity sheet is written, so the disclosure figures can point at its
 * rows: per table a title row, then one row per step of the rows of the
 * year, then a blank row. */
void pc_xlsx_plan_equity_detail(pc_xlsx *w);
/* The figure an equity item adds to, in the labels' words ("Unearned
 * options (#)"). */
const char *pc_xlsx_equity_item_words(const pc_xlsx *w, pc_equity_item item);
void pc_xlsx_write_equity_detail(pc_xlsx *w, lxw_worksheet *ws);

void pc_xlsx_write_equity_oea(pc_xlsx *w, lxw_worksheet *ws);
void pc_xlsx_write_equity_oesv(pc_xlsx *w, lxw_worksheet *ws);
/* Only for a company that is not a smaller reporting company (Item 402(d)). */
void pc_xlsx_write_equity_gpba(pc_xlsx *w, lxw_worksheet *ws);

#endif
