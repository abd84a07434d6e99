/*
 * Opening a workbook as its readers do, for the tests and the fuzzing
 * harnesses: every part of the .xlsx (a zip archive) is inflated with zlib
 * and every XML part parsed with expat, which refuses what XML 1.0 forbids
 * (C0 controls, U+FFFE, U+FFFF, broken UTF-8, unbalanced tags). A workbook
 * that fails here is one Excel calls corrupt.
 */
#ifndef PAYCALC_TEST_XLSX_XML_H
#define PAYCALC_TEST_XLSX_XML_H

#include <stddef.h>

/* Checks the workbook at `path`. Returns the number of XML parts parsed
 * (at least one for a workbook) or -1, with a reason in `why` (`size`
 * bytes, the part's name and expat's message and line). */
int xlsx_xml_check(const char *path, char *why, size_t size);

/* The same for a workbook already in memory. */
int xlsx_xml_check_bytes(const unsigned char *zip, size_t zip_size, char *why, size_t size);

/* How many XML parts of the workbook at `path` hold `text` (its XML form:
 * escape & < > yourself); -1 when the workbook does not parse. */
int xlsx_xml_contains(const char *path, const char *text);

#endif
