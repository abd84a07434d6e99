/*
 * The workbook's words in the --labels language (labels.c), below the cell
 * toolkit, which writes every title and header through them.
 */
#ifndef PAYCALC_XLSX_LABELS_H
#define PAYCALC_XLSX_LABELS_H

#include "context.h"

/* The workbook's words in the --labels language (calc/write/xlsx/labels.c):
 * the translation of an English title, header or footnote format, or the
 * English itself. Borrowed, static. */
const char *pc_xlsx_words(const pc_xlsx *w, const char *en) __attribute__((format_arg(2)));

#endif
