/*
 * The cell toolkit of report.xlsx (SPEC section 9), used by every sheet
 * writer: errors mapped from libxlsxwriter, cells (text always as text,
 * money from the exact value, dates, formulas with their stored values),
 * wrapped notes, column widths by display width, page setup, and the words
 * the sheets use for methods, purposes and lines.
 */
#define _POSIX_C_SOURCE 200809L

#include "cells.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paycalc/write.h"

/* Excel's longest string, in characters. */
#define PC_XLSX_MAX_STRING 32767

/* Excel's date serial of 1970-01-01 (pc_date 0). */
#define PC_XLSX_EXCEL_EPOCH 25569

/* ---------------------------------------------------------------- errors */

void pc_xlsx_check(pc_xlsx *w, lxw_error err)
{
    if (err != LXW_NO_ERROR && w->err == LXW_NO_ERROR)
        w->err = err;
}

void pc_xlsx_fail(pc_xlsx *w, pc_status status, const char *fmt, ...)
{
    if (w->status != PC_OK)
        return;
    w->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->problem, sizeof w->problem, fmt, ap);
    va_end(ap);
}

bool pc_xlsx_ok(const pc_xlsx *w)
{
    return w->err == LXW_NO_ERROR && w->status == PC_OK;
}

/* ----------------------------------------------------------- cell writers */

/* Whether text[i..] is an OOXML escape "_xHHHH_", which Excel would turn
 * into the character HHHH when it reads the file. */
static bool is_escape_at(const char *text, size_t i)
{
    if (text[i] != '_' || text[i + 1] != 'x')
        return false;
    for (size_t k = 2; k < 6; k++) {
        char c = text[i + k];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return text[i + 6] == '_';
}

/* The text as Excel must receive it to show it unchanged: at most 32,767
 * characters (Excel's limit; only a pathological note is longer, and it is
 * cut at a character boundary), and a literal "_x0041_" written with its
 * underscore escaped ("_x005F_x0041_"). libxlsxwriter escapes control
 * characters itself. Returns `text` itself, a malloc'ed copy in *copy, or
 * NULL when out of memory. */
static const char *fit_text(const char *text, char **copy)
{
    size_t chars = 0, escapes = 0, end = 0;
    *copy = NULL;
    for (; text[end]; end++) {
        bool escape = is_escape_at(text, end);
        size_t add = (((unsigned char)text[end] & 0xC0) != 0x80) + (escape ? 6 : 0);
        if (chars + add > PC_XLSX_MAX_STRING)
            break;
        chars += add;
        escapes += escape;
    }
    if (!text[end] && escapes == 0)
        return text;
    *copy = malloc(end + escapes * 6 + 1);
    if (!*copy)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < end; i++) {
        if (is_escape_at(text, i)) {
            memcpy(*copy + n, "_x005F", 6);
            n += 6;
        }
        (*copy)[n++] = text[i];
    }
    (*copy)[n] = '\0';
    return *copy;
}

void pc_xlsx_text(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *text,
                  lxw_format *fmt)
{
    if (!text || !*text) {
        pc_xlsx_blank(w, ws, row, col, fmt);
        return;
    }
    char *copy;
    const char *fitted = fit_text(text, &copy);
    if (!fitted) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    pc_xlsx_check(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, fitted, fmt));
    w->cells.texts++;
    free(copy);
}

void pc_xlsx_textf(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt,
                   const char *fmtstr, ...)
{
    pc_buf b = {0};
    va_list ap;
    va_start(ap, fmtstr);
    pc_buf_vprintf(&b, fmtstr, ap);
    va_end(ap);
    if (b.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_xlsx_text(w, ws, row, col, pc_buf_text(&b), fmt);
    pc_buf_fini(&b);
}

void pc_xlsx_number(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, double value,
                    lxw_format *fmt)
{
    pc_xlsx_check(w, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, value, fmt));
    w->cells.numbers++;
}

void pc_xlsx_cents(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t cents,
                   lxw_format *fmt)
{
    pc_xlsx_number(w, ws, row, col, (double)cents / 100.0, fmt);
}

double pc_xlsx_micros_value(int64_t micros)
{
    return (double)micros / 1e6;
}

void pc_xlsx_micros(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int64_t micros,
                    lxw_format *fmt)
{
    pc_xlsx_number(w, ws, row, col, pc_xlsx_micros_value(micros), fmt);
}

bool pc_xlsx_date_serial(pc_date date, double *serial)
{
    /* Excel's serials count 1900-02-29, which never was: before March 1900
     * they would be a day off. */
    if (date == PC_DATE_NONE || date < pc_date_from_ymd(1900, 3, 1))
        return false;
    *serial = (double)date + PC_XLSX_EXCEL_EPOCH;
    return true;
}

void pc_xlsx_date(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                  lxw_format *fmt)
{
    double serial;
    if (date == PC_DATE_NONE) {
        pc_xlsx_blank(w, ws, row, col, fmt);
    } else if (pc_xlsx_date_serial(date, &serial)) {
        pc_xlsx_number(w, ws, row, col, serial, fmt);
    } else {
        /* No serial (before March 1900): written as text. */
        char buf[16];
        pc_xlsx_text(w, ws, row, col, pc_date_format(date, buf), w->f.text);
    }
}

void pc_xlsx_blank(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, lxw_format *fmt)
{
    if (fmt) {
        pc_xlsx_check(w, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, fmt));
        w->cells.blanks++;
    }
}

void pc_xlsx_merge(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col, int last_col,
                   lxw_format *fmt)
{
    if (last_col <= first_col)
        return;
    pc_xlsx_check(w, worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)first_col, (lxw_row_t)row,
                                           (lxw_col_t)last_col, "", fmt));
    /* The first cell is the caller's to write; the others stay blank. */
    w->cells.blanks += (size_t)(last_col - first_col);
}

void pc_xlsx_formula(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                     lxw_format *fmt, double value)
{
    pc_xlsx_check(
        w, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, formula, fmt, value));
    w->cells.formulas++;
}

void pc_xlsx_formula_link(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const char *formula,
                          lxw_format *fmt, double value, const char *sheet, int32_t to_row,
                          int to_col)
{
    if (to_row == PC_XLSX_NONE || to_col == PC_XLSX_NONE) {
        pc_xlsx_formula(w, ws, row, col, formula, fmt, value);
        return;
    }
    char ref[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(ref, sizeof ref, sheet, to_row, to_col);
    if (ws->hlink_count < LXW_MAX_NUMBER_URLS) {
        /* The link first; the formula then takes the cell and keeps the link
         * (libxlsxwriter: "overwrite the displayed link text"). */
        char url[PC_XLSX_REF_SIZE + 16];
        snprintf(url, sizeof url, "internal:%s", ref);
        pc_xlsx_check(w, worksheet_write_url(ws, (lxw_row_t)row, (lxw_col_t)col, url, fmt));
        w->cells.links++;
        pc_xlsx_formula(w, ws, row, col, formula, fmt, value);
        return;
    }
    /* A sheet holds at most 65,530 links (libxlsxwriter refuses more, as
     * Excel does): past them the link is the formula's own, HYPERLINK with
     * the figure as the text it shows, which a click follows the same way
     * and which is still the number the other formulas add up. */
    pc_buf f = {0};
    pc_buf_printf(&f, "=HYPERLINK(\"#%s\",%s)", ref, formula[0] == '=' ? formula + 1 : formula);
    if (f.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    else
        pc_xlsx_formula(w, ws, row, col, pc_buf_text(&f), fmt, value);
    pc_buf_fini(&f);
}

void pc_xlsx_put_uint(pc_buf *b, unsigned long long n)
{
    char digits[24];
    size_t d = sizeof digits;
    do {
        digits[--d] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    pc_buf_append(b, digits + d, sizeof digits - d);
}

/* "AB123": the cell's column letters and row number, without printf (the
 * valuation rows name a dozen cells each). `out` holds at least
 * CELL_NAME_SIZE bytes; returns the length. */
#define CELL_NAME_SIZE 32
static size_t cell_name(char *out, int32_t row, int col)
{
    char letters[4];
    int n = 0;
    /* Column letters, least significant first: A..Z, AA..XFD. */
    for (int c = col + 1; c > 0 && n < 3; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    size_t len = 0;
    while (n > 0)
        out[len++] = letters[--n];
    long number = (long)row + 1;
    unsigned long u = number < 0 ? 0UL - (unsigned long)number : (unsigned long)number;
    if (number < 0)
        out[len++] = '-';
    char digits[24];
    size_t d = 0;
    do {
        digits[d++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (d > 0)
        out[len++] = digits[--d];
    out[len] = '\0';
    return len;
}

/* Copies s[0..n) to buf[at..] as far as `size` leaves room for the NUL. */
static size_t put_cut(char *buf, size_t size, size_t at, const char *s, size_t n)
{
    if (at + 1 >= size)
        return at;
    size_t room = size - 1 - at;
    if (n > room)
        n = room;
    memcpy(buf + at, s, n);
    return at + n;
}

void pc_xlsx_ref(char *buf, size_t size, const char *sheet, int32_t row, int col)
{
    if (size == 0)
        return;
    char cell[CELL_NAME_SIZE];
    size_t n = cell_name(cell, row, col), at = 0;
    if (sheet) {
        at = put_cut(buf, size, at, "'", 1);
        at = put_cut(buf, size, at, sheet, strlen(sheet));
        at = put_cut(buf, size, at, "'!", 2);
    }
    at = put_cut(buf, size, at, cell, n);
    buf[at] = '\0';
}

const char *pc_xlsx_formula_text(pc_xlsx *w, const char *first, ...)
{
    pc_buf *b = &w->formula;
    pc_buf_clear(b);
    va_list ap;
    va_start(ap, first);
    for (const char *piece = first; piece; piece = va_arg(ap, const char *))
        pc_buf_puts(b, piece);
    va_end(ap);
    if (b->failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    return pc_buf_text(b);
}

/* A format in the workbook's font, top-aligned (make_formats in xlsx/workbook.c
 * and the sheets that need their own formats use it). */
lxw_format *pc_xlsx_add_format(pc_xlsx *w, const char *num_format)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (!f) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    format_set_font_name(f, "Calibri");
    if (num_format)
        format_set_num_format(f, num_format);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* Whether two formats have every property equal, by libxlsxwriter's own
 * test (the format struct compared byte for byte with its pointers left
 * out; format.c, _get_format_key): then they get the same style index. */
static bool same_format(const lxw_format *a, const lxw_format *b)
{
    lxw_format x = *a, y = *b;
    lxw_format *both[] = {&x, &y};
    for (size_t i = 0; i < 2; i++) {
        both[i]->file = NULL;
        both[i]->xf_format_indices = NULL;
        both[i]->dxf_format_indices = NULL;
        both[i]->num_xf_formats = NULL;
        both[i]->num_dxf_formats = NULL;
        both[i]->list_pointers.stqe_next = NULL;
    }
    return memcmp(&x, &y, sizeof x) == 0;
}

lxw_format *pc_xlsx_share_format(pc_xlsx *w, lxw_format *f)
{
    if (!f)
        return NULL;
    for (size_t i = 0; i < w->nshared; i++)
        if (w->shared[i] == f || same_format(w->shared[i], f))
            return w->shared[i];
    if (w->nshared < sizeof w->shared / sizeof w->shared[0])
        w->shared[w->nshared++] = f;
    return f;
}

/* ---------------------------------------------------------- sheet layout */

double pc_xlsx_award_id_width(const pc_xlsx *w, double min, double max)
{
    double width = min;
    for (size_t i = 0; i < w->ds->awards.count; i++) {
        const char *id = w->ds->awards.items[i].id;
        double need = (double)pc_text_width(id ? id : "") + 1.5;
        if (need > width)
            width = need < max ? need : max;
    }
    return width;
}

double pc_xlsx_name_width(pc_xlsx *w, double min, double max)
{
    double width = min;
    for (size_t i = 0; i < w->ds->people.count; i++) {
        const char *name = w->ds->people.items[i].name;
        double need = (double)pc_text_width(name ? name : "") + 2;
        if (need > width)
            width = need;
    }
    return width > max ? max : width;
}

/* How many lines a text takes when wrapped at word boundaries into lines
 * of `capacity` characters, as a spreadsheet wraps a cell: a line break
 * starts a line, a word longer than a line is broken across lines. */
static size_t wrapped_lines_used(const char *text, double capacity, size_t *last);

static size_t wrapped_lines(const char *text, double capacity)
{
    size_t last = 0;
    return wrapped_lines_used(text, capacity, &last);
}

/* The same, and in *last the characters its last line takes. */
static size_t wrapped_lines_used(const char *text, double capacity, size_t *last)
{
    size_t cap = capacity >= 1 ? (size_t)capacity : 1;
    /* A character is never wider than its bytes (pc_text_width_n: 1 or 2
     * for 1 to 4 bytes), so a text of one line with no more bytes than a
     * line holds is one line, found without measuring each character (most
     * cells of a long sheet). */
    size_t bytes = strcspn(text, "\n");
    if (!text[bytes] && bytes <= cap) {
        *last = pc_text_width_n(text, bytes);
        return 1;
    }
    size_t lines = 1, used = 0;
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            lines++;
            used = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            if (used > 0 && used < cap)
                used++;
            continue;
        }
        size_t n = strcspn(p, " \n");
        size_t word = pc_text_width_n(p, n);
        p += n;
        if (used > 0 && used + word > cap) {
            lines++;
            used = 0;
        }
        while (word > cap) {
            lines++;
            word -= cap;
        }
        used += word;
    }
    *last = used;
    return lines;
}

/* The widest run of a text that a line cannot break: the characters
 * between spaces and line breaks, where a Chinese (wide) character is a run
 * of its own, since a spreadsheet wraps Chinese between any two characters.
 * An English title's runs are its words; in "reported.csv 行" the run is
 * "reported.csv". */
static size_t longest_run(const char *text)
{
    size_t most = 0, run = 0;
    for (const char *p = text; *p;) {
        if (*p == ' ' || *p == '\n') {
            most = run > most ? run : most;
            run = 0;
            p++;
            continue;
        }
        /* One character: its lead byte and its continuation bytes. */
        size_t n = 1;
        while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        size_t width = pc_text_width_n(p, n);
        if (width > 1) {
            most = run > most ? run : most;
            most = width > most ? width : most;
            run = 0;
        } else {
            run += width;
        }
        p += n;
    }
    return run > most ? run : most;
}

/* The widest line of a text, in characters. */
static size_t widest_line(const char *text)
{
    size_t most = 0;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        size_t width = pc_text_width_n(p, n);
        if (width > most)
            most = width;
        p += n;
        if (*p)
            p++;
    }
    return most;
}

/* Characters of text per unit of column width (a unit is the width of a
 * digit in the workbook's 11-point font). Measured in LibreOffice, with
 * Carlito (Calibri's metrics) and with DejaVu Sans standing in for Calibri:
 * bold 11-point headers fit about 1.0, 11-point text about 1.2, 10-point
 * footnotes about 1.35. The figures below leave some room, so a wrapped
 * line is never cut off; at worst a row has a line to spare. */
#define HEADER_CHARS_PER_UNIT 0.95
#define NOTE_CHARS_PER_UNIT 1.3
#define TEXT_CHARS_PER_UNIT 1.15
/* Points per line: 11-point headers and text, 10-point notes; a row holds at
 * most 409. */
#define HEADER_LINE_HEIGHT 15.0
#define TEXT_LINE_HEIGHT 15.0
#define NOTE_LINE_HEIGHT 13.5
#define MAX_ROW_HEIGHT 409.0

/* A column title in the labels' language with its footnote marker right
 * after it when it has one ("Net Income ($)(5)", the style of the Summary
 * Compensation titles); points into `own` or at the title. */
static const char *marked_title(pc_xlsx *w, const char *en, int marker, pc_buf *own)
{
    const char *title = pc_xlsx_words(w, en);
    if (marker <= 0)
        return title;
    pc_buf_clear(own);
    pc_buf_printf(own, "%s(%d)", title, marker);
    if (own->failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    return pc_buf_text(own);
}

/* How many characters (not bytes) a UTF-8 text has. */
static size_t char_count(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return n;
}

/* The widest line of a Chinese header that has a place to break: 8
 * characters. */
#define HEADER_CJK_LINE 16

/* Whether a Chinese header may break at `at` in the title that starts at
 * `start`: after a full-width colon, comma, enumeration comma or closing
 * bracket, and before an opening bracket or a word that starts a phrase
 * (的, 和, 及, 或, 且, 於, 給, 並, 所, 截至 and their simplified forms), so a
 * line never ends inside a word. */
static bool chinese_break(const char *start, const char *at)
{
    static const char *const after[] = {"：", "，", "、", "）"};
    static const char *const before[] = {"（", "的", "和", "及", "或", "且", "於",
                                         "于", "給", "给", "並", "并", "所", "截至"};
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
        size_t n = strlen(after[i]);
        if ((size_t)(at - start) >= n && memcmp(at - n, after[i], n) == 0)
            return true;
    }
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
        if (strncmp(at, before[i], strlen(before[i])) == 0)
            return true;
    return false;
}

/* A column title as it is printed. Chinese has no spaces to wrap at, so a
 * spreadsheet breaks a Chinese title between any two characters, mid-word,
 * and a title that just fits its column runs into the next one. A Chinese
 * title (under --labels) is therefore broken only where its words
 * meet: at its spaces (before a unit, "股票獎勵\n($)", or around a file
 * name, "outcomes.csv\n行") and where the translation breaks its lines; its
 * column is then made as wide as its widest line (pc_xlsx_headers_marked).
 * Sets *chinese; points into `own` or at the title. */
static const char *header_title(pc_xlsx *w, const char *en, int marker, pc_buf *own, bool *chinese)
{
    const char *words = pc_xlsx_words(w, en);
    /* Some sheets pass titles already translated: a title with a wide
     * character under Chinese labels is a Chinese one. */
    *chinese = w->ds->config.labels != PC_LABELS_EN && pc_text_width(words) > char_count(words);
    if (!*chinese)
        return marked_title(w, en, marker, own);
    pc_buf_clear(own);
    /* Each line is a run of pieces, a piece ending where a word may end;
     * a piece that would take a line past HEADER_CJK_LINE starts a new
     * one. */
    size_t used = 0;
    for (const char *p = words; *p;) {
        if (*p == ' ' || *p == '\n') {
            pc_buf_append(own, "\n", 1);
            used = 0;
            p++;
            continue;
        }
        size_t n = 1;
        while (p[n] && p[n] != ' ' && p[n] != '\n' && !chinese_break(p, p + n))
            n++;
        size_t width = pc_text_width_n(p, n);
        if (used > 0 && used + width > HEADER_CJK_LINE) {
            pc_buf_append(own, "\n", 1);
            used = 0;
        }
        pc_buf_append(own, p, n);
        used += width;
        p += n;
    }
    if (marker > 0)
        pc_buf_printf(own, "(%d)", marker);
    if (own->failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    return pc_buf_text(own);
}

void pc_xlsx_headers(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *const *titles,
                     const double *widths, size_t count)
{
    pc_xlsx_headers_marked(w, ws, row, titles, NULL, widths, count);
}

void pc_xlsx_headers_marked(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *const *titles,
                            const int *markers, const double *widths, size_t count)
{
    pc_buf own = {0};
    size_t lines = 1;
    w->ncols = count < PC_XLSX_MAX_COLS ? count : PC_XLSX_MAX_COLS;
    for (size_t i = 0; i < count; i++) {
        /* A word is not broken across lines: the column takes the longest
         * word ("reported.csv") and the cell's padding, up to 60 characters
         * (a longer word, from an input, is broken). */
        double width = widths[i];
        /* A Chinese title (--labels) wraps between any two of its Chinese
         * characters: only an English word in it ("reported.csv") widens
         * its column. Where the translation breaks its lines itself, at
         * the words, each line is whole ("差額：\n已公佈－預期"). The
         * footnote marker follows the title and widens nothing. */
        const char *words = pc_xlsx_words(w, titles[i]);
        bool chinese = false;
        const char *title = header_title(w, titles[i], markers ? markers[i] : 0, &own, &chinese);
        size_t longest = chinese                                     ? widest_line(title)
                         : words != titles[i] && strchr(words, '\n') ? widest_line(words)
                                                                     : longest_run(words);
        /* A Chinese line keeps a character's width clear of the next
         * column's title. */
        double word = (double)longest / HEADER_CHARS_PER_UNIT + (chinese ? 2.5 : 1.0);
        if (word > width)
            width = word < 60 ? word : (widths[i] > 60 ? widths[i] : 60);
        /* An English title's footnote marker stays on the line of the
         * words before it: a spreadsheet breaks between ")" and "(", and
         * "(3)" alone under "Non-PEO NEOs ($)" reads as a stray figure.
         * Where the last line (at about a character a unit, as bold
         * headers print) has no room for it, the column widens by it. */
        int marker = markers ? markers[i] : 0;
        if (!chinese && marker > 0) {
            size_t last = 0;
            wrapped_lines_used(words, width - 1.0, &last);
            size_t mark = marker < 10 ? 3 : 4;
            if ((double)(last + mark) > width - 1.0)
                width += (double)mark + 1.0;
        }
        if (i < PC_XLSX_MAX_COLS)
            w->col_width[i] = width;
        pc_xlsx_check(w, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width, NULL));
        size_t need = wrapped_lines(title, (width - 1.0) * HEADER_CHARS_PER_UNIT);
        if (need > lines)
            lines = need;
    }
    double height = HEADER_LINE_HEIGHT * (double)lines + 3.0;
    if (height > MAX_ROW_HEIGHT)
        height = MAX_ROW_HEIGHT;
    pc_xlsx_check(w, worksheet_set_row(ws, (lxw_row_t)row, height, NULL));
    for (size_t i = 0; i < count; i++) {
        bool chinese = false;
        pc_xlsx_text(w, ws, row, (int)i,
                     header_title(w, titles[i], markers ? markers[i] : 0, &own, &chinese),
                     w->f.header);
    }
    pc_buf_fini(&own);
}

double pc_xlsx_header_height(double width, const char *text)
{
    size_t lines = wrapped_lines(text ? text : "", (width - 1.0) * HEADER_CHARS_PER_UNIT);
    double height = HEADER_LINE_HEIGHT * (double)(lines ? lines : 1) + 3.0;
    return height > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : height;
}

size_t pc_xlsx_cell_lines(const pc_xlsx *w, int col, const char *text)
{
    double width = col >= 0 && (size_t)col < w->ncols ? w->col_width[col] : LXW_DEF_COL_WIDTH;
    return wrapped_lines(text ? text : "", (width - 1.0) * TEXT_CHARS_PER_UNIT);
}

void pc_xlsx_row_lines(pc_xlsx *w, lxw_worksheet *ws, int32_t row, size_t lines)
{
    if (lines <= 1)
        return;
    double height = TEXT_LINE_HEIGHT * (double)lines + 2.0;
    if (height > MAX_ROW_HEIGHT)
        height = MAX_ROW_HEIGHT;
    pc_xlsx_check(w, worksheet_set_row(ws, (lxw_row_t)row, height, NULL));
}

int32_t pc_xlsx_wrapped(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col, const char *text,
                        lxw_format *fmt)
{
    return pc_xlsx_wrapped_beside(w, ws, row, first_col, text, fmt, 1);
}

int32_t pc_xlsx_wrapped_beside(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int first_col,
                               const char *text, lxw_format *fmt, size_t beside)
{
    int last_col = w->ncols > 0 ? (int)w->ncols - 1 : 0;
    if (last_col < first_col)
        last_col = first_col;
    double width = 0;
    for (int c = first_col; c <= last_col; c++)
        width += (size_t)c < w->ncols ? w->col_width[c] : LXW_DEF_COL_WIDTH;
    /* Footnotes are 10-point, other text 11-point. */
    bool small = fmt == w->f.note || fmt == w->f.note_more;
    double per_unit = small ? NOTE_CHARS_PER_UNIT : TEXT_CHARS_PER_UNIT;
    size_t lines = wrapped_lines(text ? text : "", (width - 1.0) * per_unit);
    lines = beside > lines ? beside : lines;
    double height = (small ? NOTE_LINE_HEIGHT : TEXT_LINE_HEIGHT) * (double)lines + 2.0;
    if (height > MAX_ROW_HEIGHT)
        height = MAX_ROW_HEIGHT;
    pc_xlsx_check(w, worksheet_set_row(ws, (lxw_row_t)row, height, NULL));
    /* The merge writes blanks across the row; the text then goes into its
     * first cell through pc_xlsx_text, which keeps it text and within Excel's
     * limits. */
    pc_xlsx_merge(w, ws, row, first_col, last_col, fmt);
    pc_xlsx_text(w, ws, row, first_col, text, fmt);
    return row + 1;
}

int32_t pc_xlsx_note(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text)
{
    return pc_xlsx_wrapped(w, ws, row, 0, pc_xlsx_words(w, text), w->f.note);
}

int32_t pc_xlsx_note_more(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *text)
{
    return pc_xlsx_wrapped(w, ws, row, 0, pc_xlsx_words(w, text), w->f.note_more);
}

bool pc_xlsx_fit_group(int32_t *next, int32_t last, size_t rows)
{
    if (*next > last || rows > (size_t)(last - *next) + 1)
        return false;
    *next += (int32_t)rows;
    return true;
}

int32_t pc_xlsx_notef(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const char *fmt, ...)
{
    /* The format in the labels' language; the text grows as it needs. */
    pc_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    pc_buf_vprintf(&b, pc_xlsx_words(w, fmt), ap);
    va_end(ap);
    if (b.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    row = pc_xlsx_wrapped(w, ws, row, 0, pc_buf_text(&b), w->f.note);
    pc_buf_fini(&b);
    return row;
}

/* The footer: the company on the left (each '&' doubled, as footer codes
 * need), the sheet's name in the middle, the page ("Page &P of &N" in the
 * labels' language) on the right. A footer holds at most 255 characters, so
 * a very long name is cut at a character boundary. */
static void footer_text(const char *company, const char *page, char *buf, size_t size)
{
    static const char middle[] = "&C&A&R";
    size_t tail = sizeof middle - 1 + strlen(page);
    size_t room = size - (tail + 1); /* what "&L" and the name may take */
    size_t n = 0;
    buf[n++] = '&';
    buf[n++] = 'L';
    for (const unsigned char *p = (const unsigned char *)(company ? company : ""); *p;) {
        size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        size_t add = *p == '&' ? 2 : len;
        if (n + add > room || strnlen((const char *)p, len) < len)
            break;
        if (*p == '&')
            buf[n++] = '&';
        memcpy(buf + n, p, len);
        n += len;
        p += len;
    }
    memcpy(buf + n, middle, sizeof middle - 1);
    memcpy(buf + n + sizeof middle - 1, page, strlen(page) + 1);
}

void pc_xlsx_page_setup(pc_xlsx *w, lxw_worksheet *ws, uint16_t pages_wide, bool repeat_header)
{
    worksheet_set_landscape(ws);
    /* Inches: left, right, top, bottom. */
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    if (repeat_header)
        pc_xlsx_check(w, worksheet_repeat_rows(ws, PC_XLSX_HEADER_ROW, PC_XLSX_HEADER_ROW));
    if (pages_wide > 0)
        worksheet_fit_to_pages(ws, pages_wide, 0);
    char footer[LXW_HEADER_FOOTER_MAX + 1];
    footer_text(w->ds->config.company_name, pc_xlsx_words(w, "Page &P of &N"), footer,
                sizeof footer);
    pc_xlsx_check(w, worksheet_set_footer(ws, footer));
}

void pc_xlsx_fiscal_year_end_words(const pc_config *config, char *buf, size_t size)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int m = config->fiscal_year_end.month;
    if (m < 1 || m > 12)
        m = 12;
    snprintf(buf, size, "%s %d", months[m - 1], config->fiscal_year_end.day);
}

void pc_xlsx_date_words(const pc_xlsx *w, pc_date date, char *buf, size_t size)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int y, m, d;
    pc_date_to_ymd(date, &y, &m, &d);
    if (m < 1 || m > 12)
        m = 1;
    if (w->ds->config.labels == PC_LABELS_EN)
        snprintf(buf, size, "%s %d, %d", months[m - 1], d, y);
    else
        snprintf(buf, size, "%d\xe5\xb9\xb4%d\xe6\x9c\x88%d\xe6\x97\xa5", y, m,
                 d); /* "2022年12月31日" */
}

const char *pc_xlsx_day_text(const pc_xlsx *w, pc_date date, char *buf, size_t size)
{
    char day[11];
    if (w->ds->config.labels == PC_LABELS_EN)
        snprintf(buf, size, "%s", pc_date_format(date, day));
    else
        pc_xlsx_date_words(w, date, buf, size);
    return buf;
}

void pc_xlsx_put_line(const pc_xlsx *w, pc_buf *b, const char *sep, const char *file, int line)
{
    if (w->ds->config.labels == PC_LABELS_EN) {
        pc_buf_puts(b, sep);
        pc_buf_puts(b, file);
        pc_buf_puts(b, " line ");
        if (line < 0)
            pc_buf_puts(b, "-");
        pc_xlsx_put_uint(b, line < 0 ? 0ULL - (unsigned long long)line : (unsigned long long)line);
        return;
    }
    pc_buf_puts(b, pc_xlsx_words(w, sep));
    pc_buf_printf(b, pc_xlsx_words(w, "%s line %d"), file, line);
}

const char *pc_xlsx_rate_source(const pc_xlsx *w, const pc_rate_used *rt, pc_buf *b)
{
    /* English, or a rate whose lines are not known: the engine's words. */
    if (w->ds->config.labels == PC_LABELS_EN || rt->first_line <= 0)
        return rt->source ? rt->source : "";
    const char *file = pc_file_name(PC_FILE_FX);
    char a[32], c[32];
    pc_buf_clear(b);
    if (rt->published_average) {
        pc_buf_printf(b, pc_xlsx_words(w, "published fiscal %d average, %s line %d"),
                      rt->fiscal_year, file, rt->first_line);
    } else if (rt->method == PC_FX_ANNUAL_AVERAGE) {
        const pc_config *config = &w->ds->config;
        pc_xlsx_date_words(w, pc_fiscal_year_start(config->fiscal_year_end, rt->fiscal_year), a,
                           sizeof a);
        pc_xlsx_date_words(w, pc_fiscal_year_end(config->fiscal_year_end, rt->fiscal_year), c,
                           sizeof c);
        pc_buf_printf(b,
                      pc_xlsx_words(w, "mean of %d daily rates from %s to %s, rounded to 4 "
                                       "decimals, %s lines %d-%d"),
                      rt->observations, a, c, file, rt->first_line, rt->last_line);
    } else {
        pc_xlsx_date_words(w, rt->date, a, sizeof a);
        pc_buf_printf(b, pc_xlsx_words(w, "rate of %s, %s line %d"), a, file, rt->first_line);
    }
    return b->failed ? (rt->source ? rt->source : "") : pc_buf_text(b);
}

void pc_xlsx_heading(pc_xlsx *w, lxw_worksheet *ws, const char *title, int first_year,
                     int last_year)
{
    const pc_config *config = &w->ds->config;
    pc_xlsx_text(w, ws, 0, 0, pc_xlsx_words(w, title), w->f.title);
    if (config->ticker && *config->ticker)
        pc_xlsx_textf(w, ws, 1, 0, w->f.subtitle, "%s (%s)",
                      config->company_name ? config->company_name : "", config->ticker);
    else
        pc_xlsx_text(w, ws, 1, 0, config->company_name, w->f.subtitle);
    char end[32];
    if (config->labels == PC_LABELS_EN)
        pc_xlsx_fiscal_year_end_words(config, end, sizeof end);
    else
        snprintf(end, sizeof end, "%d\xe6\x9c\x88%d\xe6\x97\xa5", config->fiscal_year_end.month,
                 config->fiscal_year_end.day); /* "12月31日" */
    if (first_year <= 0)
        pc_xlsx_textf(w, ws, 2, 0, w->f.subtitle, "No covered fiscal years (fiscal year ends %s)",
                      end);
    else if (first_year == last_year)
        pc_xlsx_textf(w, ws, 2, 0, w->f.subtitle,
                      pc_xlsx_words(w, "Fiscal year %d (fiscal year ends %s)"), first_year, end);
    else
        pc_xlsx_textf(w, ws, 2, 0, w->f.subtitle,
                      pc_xlsx_words(w, "Fiscal years %d to %d (fiscal year ends %s)"), first_year,
                      last_year, end);
}

/* --------------------------------------------------------------- words */

const char *pc_xlsx_person_name(pc_xlsx *w, size_t person)
{
    if (person >= w->ds->people.count) {
        pc_xlsx_fail(w, PC_ERR_USAGE,
                     "the report refers to person %zu, but the input set has %zu people", person,
                     w->ds->people.count);
        return "";
    }
    const char *name = w->ds->people.items[person].name;
    return name ? name : "";
}

const char *pc_xlsx_fx_method_words(pc_fx_method method)
{
    switch (method) {
    case PC_FX_ANNUAL_AVERAGE:
        return "Fiscal-year average";
    case PC_FX_PAYMENT_DATE:
        return "Rate on the payment date";
    case PC_FX_YEAR_END:
        return "Rate at the fiscal year end";
    }
    assert(!"an exchange rate method"); /* every enumerator has its case */
    return "?";
}

const char *pc_xlsx_purpose_words(pc_purpose purpose)
{
    switch (purpose) {
    case PC_PURPOSE_GRANT:
        return "Grant date";
    case PC_PURPOSE_PRIOR_FYE:
        return "Prior fiscal year end";
    case PC_PURPOSE_FYE:
        return "Fiscal year end";
    case PC_PURPOSE_VEST:
        return "Vesting date";
    case PC_PURPOSE_BEFORE_MODIFICATION:
        return "Just before the modification";
    case PC_PURPOSE_MODIFIED:
        return "Modified terms";
    }
    assert(!"a valuation purpose"); /* every enumerator has its case */
    return "?";
}

const char *pc_xlsx_method_words(pc_method method)
{
    switch (method) {
    case PC_METHOD_SUPPLIED:
        return "Supplied fair value";
    case PC_METHOD_STOCK_PRICE:
        return "Closing stock price";
    case PC_METHOD_BLACK_SCHOLES:
        return "Black-Scholes-Merton";
    case PC_METHOD_MONTE_CARLO:
        return "Monte Carlo simulation";
    case PC_METHOD_MARKET_OUTCOME:
        return "Market condition outcome";
    }
    assert(!"a valuation method"); /* every enumerator has its case */
    return "?";
}

/* The reconciliation lines as filings word them (Item 402(v)(2)(iii)). */
const char *pc_xlsx_cap_line_words(pc_cap_line line)
{
    switch (line) {
    case PC_CAP_SCT_TOTAL:
        return "Summary Compensation Table Total";
    case PC_CAP_LESS_EQUITY_AWARDS:
        return "Less: Stock Awards and Option Awards Reported in the Summary Compensation Table";
    case PC_CAP_LESS_PENSION:
        return "Less: Change in Pension Value Reported in the Summary Compensation Table";
    case PC_CAP_PLUS_PENSION_SERVICE:
        return "Plus: Pension Service Cost";
    case PC_CAP_PLUS_PENSION_PRIOR_SERVICE:
        return "Plus: Pension Prior Service Cost";
    case PC_CAP_FYE_FV_GRANTED_IN_YEAR:
        return "Plus: Year-End Fair Value of Awards Granted in the Year and Unvested at Year End";
    case PC_CAP_CHANGE_FV_PRIOR_UNVESTED:
        return "Plus: Change in Fair Value of Prior-Year Awards Unvested at Year End";
    case PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR:
        return "Plus: Fair Value at Vesting of Awards Granted and Vested in the Year";
    case PC_CAP_CHANGE_FV_PRIOR_VESTED:
        return "Plus: Change in Fair Value of Prior-Year Awards Vested in the Year";
    case PC_CAP_LESS_FV_FORFEITED:
        return "Less: Prior Year-End Fair Value of Awards Forfeited in the Year";
    case PC_CAP_DIVIDENDS:
        return "Plus: Dividends or Earnings Paid on Unvested Awards";
    case PC_CAP_CAP:
        return "Compensation Actually Paid";
    case PC_CAP_NLINES:
        break;
    }
    assert(!"a reconciliation line"); /* every enumerator has its case */
    return "?";
}

void pc_xlsx_decimal_format(int decimals, char *buf, size_t size)
{
    int d = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    if (d == 0)
        snprintf(buf, size, "%s", PC_XLSX_FMT_DOLLARS);
    else
        snprintf(buf, size, "#,##0.%.*s;(#,##0.%.*s)", d, "000000", d, "000000");
}

void pc_xlsx_rate_text(int64_t per_usd_micro, char *buf, size_t size)
{
    pc_micro_format(per_usd_micro, 4, buf, size);
}

bool pc_xlsx_has_checks_sheet(const pc_report *report)
{
    return report->has_checks &&
           (report->checks.findings.count > 0 || report->checks.skipped.count > 0);
}

/* awards.csv's words for a type and a condition: the SCT's SUMIFS select
 * stock awards and option awards by them. */
const char *pc_xlsx_type_key(pc_award_type type)
{
    switch (type) {
    case PC_AWARD_OPTION:
        return "option";
    case PC_AWARD_SAR:
        return "sar";
    case PC_AWARD_STOCK:
        return "stock";
    }
    assert(!"an award type"); /* every enumerator has its case */
    return "?";
}

const char *pc_xlsx_condition_key(pc_condition condition)
{
    switch (condition) {
    case PC_CONDITION_SERVICE:
        return "service";
    case PC_CONDITION_PERFORMANCE:
        return "performance";
    case PC_CONDITION_MARKET:
        return "market";
    }
    assert(!"a vesting condition"); /* every enumerator has its case */
    return "?";
}

/* "3 from fair values supplied by the company, 2 at the closing stock
 * price, ...)." : how many valuations each method gave, for a footnote. */
void pc_xlsx_add_method_counts(const pc_xlsx *w, pc_buf *b, const size_t *by_method)
{
    const char *sep = "";
    if (by_method[PC_METHOD_SUPPLIED]) {
        pc_buf_printf(b, pc_xlsx_words(w, " %zu from fair values supplied by the company"),
                      by_method[PC_METHOD_SUPPLIED]);
        sep = pc_xlsx_words(w, ",");
    }
    if (by_method[PC_METHOD_STOCK_PRICE]) {
        pc_buf_puts(b, sep);
        pc_buf_printf(b, pc_xlsx_words(w, " %zu at the closing stock price"),
                      by_method[PC_METHOD_STOCK_PRICE]);
        sep = pc_xlsx_words(w, ",");
    }
    if (by_method[PC_METHOD_BLACK_SCHOLES]) {
        pc_buf_puts(b, sep);
        pc_buf_printf(b, pc_xlsx_words(w, " %zu with the Black-Scholes-Merton model"),
                      by_method[PC_METHOD_BLACK_SCHOLES]);
        sep = pc_xlsx_words(w, ",");
    }
    if (by_method[PC_METHOD_MONTE_CARLO]) {
        pc_buf_puts(b, sep);
        pc_buf_printf(b,
                      pc_xlsx_words(w, " %zu by a Monte Carlo simulation of the market condition"),
                      by_method[PC_METHOD_MONTE_CARLO]);
        sep = pc_xlsx_words(w, ",");
    }
    if (by_method[PC_METHOD_MARKET_OUTCOME]) {
        pc_buf_puts(b, sep);
        pc_buf_printf(b, pc_xlsx_words(w, " %zu at the payout the market condition earned"),
                      by_method[PC_METHOD_MARKET_OUTCOME]);
    }
    pc_buf_puts(b, pc_xlsx_words(w, ")."));
}
