/*
 * Internal: the equity award disclosure sheets (xlsx_equity.c), each written
 * top to bottom into the worksheet the workbook gives it.
 */
#ifndef PAYCALC_XLSX_EQUITY_H
#define PAYCALC_XLSX_EQUITY_H

#include "xlsx_internal.h"

#define XW_SHEET_OEA "Equity Awards at FYE"
#define XW_SHEET_OESV "Exercises and Vesting"
#define XW_SHEET_GPBA "Plan-Based Awards"

void xw_write_equity_oea(xw *w, lxw_worksheet *ws);
void xw_write_equity_oesv(xw *w, lxw_worksheet *ws);
/* Only for a company that is not a smaller reporting company (Item 402(d)). */
void xw_write_equity_gpba(xw *w, lxw_worksheet *ws);

#endif
