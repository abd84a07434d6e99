/*
 * The workbook's cell toolkit (cells.c, labels.c, lookup.c): cell writers
 * that keep the first error, footnotes, headings and headers, print setup,
 * column widths, the words for report values in the --labels language, and
 * the report lookups every sheet shares. The sheets use it; it calls no
 * sheet.
 */
#ifndef PAYCALC_XLSX_CELLS_H
#define PAYCALC_XLSX_CELLS_H

#include "context.h"
#include "labels.h"

/* Cell writers. Text is always written as text (worksheet_write_string), so
 * "=1+1" or "@x" from an input stays what it is; NULL or "" is a blank. */
void pc_xlsx_text(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *text,
                  lxw_format *fmt);
void pc_xlsx_textf(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt,
                   const char *fmtstr, ...) __attribute__((format(printf, 6, 7)));
void pc_xlsx_number(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, double value,
                    lxw_format *fmt);
/* An exact amount in cents, converted to dollars only here (STYLE.md, "Money"). */
void pc_xlsx_cents(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t cents,
                   lxw_format *fmt);
void pc_xlsx_micros(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t micros,
                    lxw_format *fmt);
/* The number pc_xlsx_micros writes, for a formula's stored value. */
double pc_xlsx_micros_value(int64_t micros);
/* A date's Excel serial, as pc_xlsx_date writes it; false for no date or a
 * date before March 1900 (written as text). */
bool pc_xlsx_date_serial(pc_date date, double *serial);
/* A calendar date as an Excel date; PC_DATE_NONE is a blank. */
void pc_xlsx_date(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                  lxw_format *fmt);
void pc_xlsx_blank(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt);
/* Merges columns first_col..last_col of a row into one cell in `fmt`
 * (nothing for one column); the text then goes into first_col through
 * pc_xlsx_text. */
void pc_xlsx_merge(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col, int last_col,
                   lxw_format *fmt);
/* A formula with its computed value stored (formula starts with '='). */
void pc_xlsx_formula(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                     lxw_format *fmt, double value);

/* A footnote paragraph under the table: one cell merged across the table's
 * width (the columns of the last pc_xlsx_headers), wrapped, in a row tall enough
 * for its lines, so a long note neither runs off the page nor hides behind
 * the next cell. Returns the next row. pc_xlsx_note_more indents a paragraph
 * that continues the numbered note above it. */
int32_t pc_xlsx_note(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text);
int32_t pc_xlsx_notef(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int32_t pc_xlsx_note_more(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text);
/* Past the row limit a long workpaper keeps whole groups of rows (Cash
 * and FX, Award Valuations): whether a group of `rows` rows fits in the
 * rows from *next to `last`, in which case *next moves past it. A group
 * that does not fit is left out whole, and the groups after it that fit
 * still go in, so every group shown is complete and a SUMIFS over the
 * sheet gives its exact sum. */
bool pc_xlsx_fit_group(int32_t *next, int32_t last, size_t rows);
/* Wrapped text in a data cell: spreadsheets do not size a row for it when
 * they open a file (LibreOffice keeps the default height and the lines
 * overlap the next row), so the writer sets the height itself.
 * pc_xlsx_cell_lines is how many lines a text takes in column `col` of the table
 * (11-point text); pc_xlsx_row_lines makes the row tall enough for that many
 * (nothing for one line). */
size_t pc_xlsx_cell_lines(const pc_xlsx *w, int col, const char *text);
/* The height of a row that shows a header text (bold, wrapped) whole in
 * cells `width` characters wide (column units). */
double pc_xlsx_header_height(double width, const char *text);
void pc_xlsx_row_lines(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t lines);
/* The same from column `first_col` to the table's last column, in `fmt`. */
int32_t pc_xlsx_wrapped(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col, const char *text,
                        lxw_format *fmt);
/* The same in a row at least `beside` lines tall, for a wrapped cell to its
 * left. */
int32_t pc_xlsx_wrapped_beside(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col,
                               const char *text, lxw_format *fmt, size_t beside);

/* "C7"; "'CAP Reconciliation'!C7" when sheet is not NULL (cut to fit
 * `size` bytes with its NUL). */
void pc_xlsx_ref(char *buf, size_t size, const char *sheet, int32_t row, int col);
/* A formula's text, its pieces (a NULL-terminated list) joined in the
 * writer's one reused buffer (w->formula): no printf and no allocation a
 * cell. Borrowed until the next call. */
const char *pc_xlsx_formula_text(pc_xlsx *w, const char *first, ...) __attribute__((sentinel));
/* `n` in decimal digits at the end of `b`. */
void pc_xlsx_put_uint(pc_buf *b, unsigned long long n);

/* The title block of a sheet: title, company name, fiscal years. */
void pc_xlsx_heading(pc_xlsx *w, lxw_worksheet *ws, const char *title, int first_year,
                     int last_year);
/* A header row of wrapped column titles, tall enough for the longest; a
 * column is widened where a single word of its title would not fit. Sets the
 * column widths and records them for the footnotes (w->col_width). */
void pc_xlsx_headers(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *const *titles,
                     const double *widths, size_t count);
/* The same, each title followed by its footnote marker as proxies print
 * it: "(3)" right after the translated title ("Salary ($)(1)") where
 * markers[i] > 0 (markers may be NULL: none). A marker is the number of a
 * footnote under the table. */
void pc_xlsx_headers_marked(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *const *titles,
                            const int *markers, const double *widths, size_t count);
/* Print setup of a sheet: landscape, narrow margins, a footer with the
 * company, sheet and page, the header row repeated on every page when
 * `repeat_header`, and scaled to `pages_wide` pages across (0: not fitted;
 * the caller may set a scale). */
void pc_xlsx_page_setup(pc_xlsx *w, lxw_worksheet *ws, uint16_t pages_wide, bool repeat_header);

/* A column width for the people's names: the longest name, within
 * [min, max] characters. */
double pc_xlsx_name_width(pc_xlsx *w, double min, double max);
/* A column width for the award IDs (a cut-off ID reads as another award):
 * the longest, within [min, max] characters. */
double pc_xlsx_award_id_width(const pc_xlsx *w, double min, double max);

/* The name of a person, or "" for a bad index (flagged as an error). */
const char *pc_xlsx_person_name(pc_xlsx *w, size_t person);
/* "December 31" for a fiscal year end. */
void pc_xlsx_fiscal_year_end_words(const pc_config *config, char *buf, size_t size);
/* A date as proxies print it: "December 31, 2022", or "2022年12月31日"
 * under Chinese labels. */
void pc_xlsx_date_words(const pc_xlsx *w, pc_date date, char *buf, size_t size);
/* A date printed inside a text: "2022-12-31" under English labels,
 * "2022年12月31日" under Chinese ones (a proxy's Chinese dates); returns buf
 * (32 bytes hold either). */
const char *pc_xlsx_day_text(const pc_xlsx *w, pc_date date, char *buf, size_t size);
/* "prices.csv line 12" after `sep` ("; " or ", "), into b; under Chinese
 * labels "prices.csv 第12行" after "；" or "、". */
void pc_xlsx_put_line(const pc_xlsx *w, pc_buf *b, const char *sep, const char *file, int line);
/* Where an exchange rate comes from (the Source of Exchange Rates and Audit
 * Notes): the engine's words under English labels, the same built from the
 * rate's lines under Chinese ones, in `b`. Borrowed. */
const char *pc_xlsx_rate_source(const pc_xlsx *w, const pc_rate_used *rt, pc_buf *b);
/* Human words for report enums. */
const char *pc_xlsx_fx_method_words(pc_fx_method method);
const char *pc_xlsx_purpose_words(pc_purpose purpose);
const char *pc_xlsx_method_words(pc_method method);
const char *pc_xlsx_cap_line_words(pc_cap_line line);
/* awards.csv's words for a type ("stock", "option", "sar") and a condition
 * ("service", "performance", "market"), which the SUMIFS select by. */
const char *pc_xlsx_type_key(pc_award_type type);
const char *pc_xlsx_condition_key(pc_condition condition);
/* "#,##0.00;(#,##0.00)" for 2 decimals: an amount with that many decimals
 * (0 to 6), negatives in parentheses. */
void pc_xlsx_decimal_format(int decimals, char *buf, size_t size);
/* "6.7264" (at least 4 decimals, as many as the rate has). */
void pc_xlsx_rate_text(int64_t per_usd_micro, char *buf, size_t size);

/* A formula that is also an internal hyperlink to the cell it comes from
 * (SPEC section 9: each disclosure figure links to its support). */
void pc_xlsx_formula_link(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                          lxw_format *fmt, double value, const char *sheet, int32_t to_row,
                          int to_col);

/* A new format in the workbook's font, top-aligned, with `num_format`
 * (NULL: general); NULL (and the writer failed) when out of memory. */
lxw_format *pc_xlsx_add_format(pc_xlsx *w, const char *num_format);

/* The format the cells use for `f`, once its properties are all set: the
 * first format given here with the same properties, else `f` itself.
 * libxlsxwriter gives a format its style index when a cell first uses it,
 * but a second format with the same properties never gets one of its own:
 * each cell written with it hashes the whole format again (about a tenth
 * of the workbook's time when the text cells did). One format for each set
 * of properties keeps the lookup to a field read, and the workbook's bytes
 * as they were (the index is the same either way). */
lxw_format *pc_xlsx_share_format(pc_xlsx *w, lxw_format *f);

/* "3 from fair values supplied by the company, 2 at the closing stock
 * price, ...)." : how many valuations each method gave, for a footnote. */
void pc_xlsx_add_method_counts(const pc_xlsx *w, pc_buf *b, const size_t *by_method);

/* What the sheets look up in the report (lookup.c). */
int pc_xlsx_year_cmp_desc(const void *a, const void *b);

const pc_pvp_row *pc_xlsx_pvp_for_year(const pc_report *r, int year);

/* The index of the CAP row of a subject in a year, or PC_XLSX_NONE. */
long pc_xlsx_cap_index(const pc_report *r, int year, size_t subject);

bool pc_xlsx_is_peo(const pc_pvp_row *p, size_t person);

#endif
