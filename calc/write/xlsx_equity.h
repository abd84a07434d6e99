/*
 * Internal: the equity award disclosure sheets (xlsx_equity.c), each written
 * top to bottom into the worksheet the workbook gives it.
 */
#ifndef PAYCALC_XLSX_EQUITY_H
#define PAYCALC_XLSX_EQUITY_H

#include "xlsx_internal.h"

#define PC_XLSX_SHEET_OEA "Equity Awards at FYE"
#define PC_XLSX_SHEET_OESV "Exercises and Vesting"
#define PC_XLSX_SHEET_GPBA "Plan-Based Awards"

void pc_xlsx_write_equity_oea(pc_xlsx *w, lxw_worksheet *ws);
void pc_xlsx_write_equity_oesv(pc_xlsx *w, lxw_worksheet *ws);
/* Only for a company that is not a smaller reporting company (Item 402(d)). */
void pc_xlsx_write_equity_gpba(pc_xlsx *w, lxw_worksheet *ws);

#endif
