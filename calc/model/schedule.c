/*
 * Vesting patterns (SPEC section 13): parsing `STEP[ then STEP...][ from
 * YYYY-MM-DD]` and laying the pattern out as tranches, dates by month
 * arithmetic and shares by the months each instalment covers.
 *
 * The parser is a small state machine over space-separated words; it never
 * copies the text, and reports the byte range of the word at fault so the
 * reader can quote it in a FILE:LINE:COLUMN message.
 */
#include "paycalc/schedule.h"

#include <string.h>

__extension__ typedef __int128 i128;

const char *pc_schedule_problem_text(pc_schedule_problem problem)
{
    switch (problem) {
    case PC_SCHEDULE_OK:
        return "a valid schedule";
    case PC_SCHEDULE_EMPTY:
        return "the schedule has no step: use cliff Ny, cliff Nm, annual N, semiannual N, "
               "quarterly N or monthly N";
    case PC_SCHEDULE_UNKNOWN_STEP:
        return "is not a step: use cliff Ny, cliff Nm, annual N, semiannual N, quarterly N or "
               "monthly N (N instalments)";
    case PC_SCHEDULE_MISSING_COUNT:
        return "needs its number of instalments (annual 4) or, for a cliff, its length (cliff "
               "1y, cliff 18m)";
    case PC_SCHEDULE_BAD_COUNT:
        return "is not a number of instalments: a whole number from 1";
    case PC_SCHEDULE_BAD_CLIFF:
        return "is not a cliff length: a whole number of years or months from 1, as in 1y or "
               "18m";
    case PC_SCHEDULE_EXPECTED_THEN:
        return "cannot follow a step: steps are joined by 'then', and 'from YYYY-MM-DD' may "
               "end the schedule";
    case PC_SCHEDULE_MISSING_STEP:
        return "'then' must be followed by another step";
    case PC_SCHEDULE_MISSING_DATE:
        return "'from' must be followed by the first vest date (YYYY-MM-DD)";
    case PC_SCHEDULE_BAD_DATE:
        return "is not a first vest date: dates are YYYY-MM-DD";
    case PC_SCHEDULE_TRAILING:
        return "follows the first vest date, which must end the schedule";
    case PC_SCHEDULE_TOO_MANY_STEPS:
        return "is one step too many: a schedule has at most 24 steps";
    case PC_SCHEDULE_TOO_LONG:
        return "makes the schedule longer than 1,200 months (100 years)";
    }
    return "an unknown problem";
}

/* A word of the pattern: text[at .. at+len). */
typedef struct word {
    size_t at, len;
} word;

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The next word at or after *pos (len 0 at the end); moves *pos past it. */
static word next_word(const char *text, size_t *pos)
{
    size_t i = *pos;
    while (is_space(text[i]))
        i++;
    word w = {i, 0};
    while (text[i] && !is_space(text[i]))
        i++;
    w.len = i - w.at;
    *pos = i;
    return w;
}

static bool lower_eq(const char *text, word w, const char *keyword)
{
    if (w.len != strlen(keyword))
        return false;
    for (size_t i = 0; i < w.len; i++) {
        char c = text[w.at + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != keyword[i])
            return false;
    }
    return true;
}

/* Leading decimal digits of w as a number, capped just above the month
 * limit (so a long run of digits cannot overflow); *ndigits their count. */
static int leading_number(const char *text, word w, size_t *ndigits)
{
    int value = 0;
    size_t i = 0;
    while (i < w.len && text[w.at + i] >= '0' && text[w.at + i] <= '9') {
        value = value * 10 + (text[w.at + i] - '0');
        if (value > PC_SCHEDULE_MAX_MONTHS)
            value = PC_SCHEDULE_MAX_MONTHS + 1;
        i++;
    }
    *ndigits = i;
    return value;
}

static pc_status fail(pc_schedule *out, pc_schedule_error *err, pc_schedule_problem problem, word w)
{
    memset(out, 0, sizeof *out);
    out->from = PC_DATE_NONE;
    *err = (pc_schedule_error){problem, w.at, w.len};
    return problem == PC_SCHEDULE_TOO_LONG || problem == PC_SCHEDULE_TOO_MANY_STEPS ? PC_ERR_RANGE
                                                                                    : PC_ERR_SYNTAX;
}

/* Months between instalments for a repeating step word, 0 if it is none. */
static int period_of(const char *text, word w)
{
    if (lower_eq(text, w, "annual"))
        return 12;
    if (lower_eq(text, w, "semiannual"))
        return 6;
    if (lower_eq(text, w, "quarterly"))
        return 3;
    if (lower_eq(text, w, "monthly"))
        return 1;
    return 0;
}

/* One STEP starting at the word `kind`; its count or length is read from
 * *pos. PC_SCHEDULE_OK or the problem, with *bad the word at fault (the
 * step word itself when its number is missing). */
static pc_schedule_problem read_step(const char *text, word kind, size_t *pos,
                                     pc_schedule_step *step, word *bad)
{
    bool cliff = lower_eq(text, kind, "cliff");
    int period = period_of(text, kind);
    *bad = kind;
    if (!cliff && period == 0)
        return PC_SCHEDULE_UNKNOWN_STEP;
    word n = next_word(text, pos);
    if (n.len == 0)
        return PC_SCHEDULE_MISSING_COUNT;
    *bad = n;
    size_t ndigits = 0;
    int value = leading_number(text, n, &ndigits);
    if (cliff) {
        /* "1y" or "18m": digits and one unit letter. */
        if (ndigits == 0 || ndigits + 1 != n.len || value == 0)
            return PC_SCHEDULE_BAD_CLIFF;
        char unit = text[n.at + ndigits];
        if (unit == 'y' || unit == 'Y')
            step->period_months = value > 100 ? PC_SCHEDULE_MAX_MONTHS + 1 : value * 12;
        else if (unit == 'm' || unit == 'M')
            step->period_months = value;
        else
            return PC_SCHEDULE_BAD_CLIFF;
        step->count = 1;
    } else {
        if (ndigits == 0 || ndigits != n.len || value == 0)
            return PC_SCHEDULE_BAD_COUNT;
        step->period_months = period;
        step->count = value;
    }
    return PC_SCHEDULE_OK;
}

/* The `from` date at *pos and the end of the text after it; a missing
 * date is blamed on the `from` keyword. */
static pc_schedule_problem read_from(const char *text, word keyword, size_t *pos, pc_date *from,
                                     word *bad)
{
    word d = next_word(text, pos);
    *bad = d.len ? d : keyword;
    if (d.len == 0)
        return PC_SCHEDULE_MISSING_DATE;
    char day[11];
    if (d.len != 10)
        return PC_SCHEDULE_BAD_DATE;
    memcpy(day, text + d.at, 10);
    day[10] = '\0';
    if (pc_date_parse(day, from) != PC_OK)
        return PC_SCHEDULE_BAD_DATE;
    word rest = next_word(text, pos);
    if (rest.len > 0) {
        *bad = rest;
        return PC_SCHEDULE_TRAILING;
    }
    return PC_SCHEDULE_OK;
}

pc_status pc_schedule_parse(const char *text, pc_schedule *out, pc_schedule_error *err)
{
    memset(out, 0, sizeof *out);
    out->from = PC_DATE_NONE;
    *err = (pc_schedule_error){PC_SCHEDULE_OK, 0, 0};
    size_t pos = 0;
    word w = next_word(text, &pos);
    if (w.len == 0)
        return fail(out, err, PC_SCHEDULE_EMPTY, w);
    pc_schedule s;
    memset(&s, 0, sizeof s);
    s.from = PC_DATE_NONE;
    for (;;) {
        /* w is the word that should start a step. */
        if (s.nsteps == PC_SCHEDULE_MAX_STEPS)
            return fail(out, err, PC_SCHEDULE_TOO_MANY_STEPS, w);
        pc_schedule_step step;
        word bad;
        pc_schedule_problem p = read_step(text, w, &pos, &step, &bad);
        if (p != PC_SCHEDULE_OK)
            return fail(out, err, p, bad);
        /* Both factors are at most PC_SCHEDULE_MAX_MONTHS + 1. */
        long months = (long)step.period_months * step.count;
        if (months > PC_SCHEDULE_MAX_MONTHS - s.months)
            return fail(out, err, PC_SCHEDULE_TOO_LONG, bad);
        s.steps[s.nsteps++] = step;
        s.months += (int)months;
        s.instalments += step.count;

        word joint = next_word(text, &pos);
        if (joint.len == 0)
            break;
        if (lower_eq(text, joint, "from")) {
            p = read_from(text, joint, &pos, &s.from, &bad);
            if (p != PC_SCHEDULE_OK)
                return fail(out, err, p, bad);
            break;
        }
        if (!lower_eq(text, joint, "then"))
            return fail(out, err, PC_SCHEDULE_EXPECTED_THEN, joint);
        w = next_word(text, &pos);
        if (w.len == 0)
            return fail(out, err, PC_SCHEDULE_MISSING_STEP, joint);
    }
    *out = s;
    return PC_OK;
}

/* m_k: the months covered through instalment k (0 for k = 0). */
static int months_through(const pc_schedule *s, int k)
{
    int months = 0;
    for (int i = 0; i < s->nsteps && k > 0; i++) {
        int n = k < s->steps[i].count ? k : s->steps[i].count;
        months += n * s->steps[i].period_months;
        k -= n;
    }
    return months;
}

/* The vest date of instalment k: the anchor plus its months. */
static pc_date date_of(const pc_schedule *s, pc_date grant, int k)
{
    if (s->from == PC_DATE_NONE)
        return pc_date_add_months(grant, months_through(s, k));
    return pc_date_add_months(s->from, months_through(s, k) - months_through(s, 1));
}

/* floor(S m / M), in 128 bits: S m can pass 64 bits. */
static int64_t shares_through(int64_t shares, int months, int total)
{
    return (int64_t)((i128)shares * months / total);
}

pc_schedule_fit pc_schedule_check(const pc_schedule *s, pc_date grant, int64_t shares, int *tranche)
{
    *tranche = 0;
    if (s->from != PC_DATE_NONE && s->from < grant)
        return PC_SCHEDULE_BEFORE_GRANT;
    if (shares < s->instalments)
        return PC_SCHEDULE_TOO_FEW_SHARES;
    if (date_of(s, grant, s->instalments) == PC_DATE_NONE)
        return PC_SCHEDULE_PAST_CALENDAR;
    int64_t before = 0;
    for (int k = 1; k <= s->instalments; k++) {
        int64_t through = shares_through(shares, months_through(s, k), s->months);
        if (through == before) {
            *tranche = k;
            return PC_SCHEDULE_EMPTY_TRANCHE;
        }
        before = through;
    }
    return PC_SCHEDULE_FITS;
}

void pc_schedule_instalment(const pc_schedule *s, pc_date grant, int64_t shares, int k,
                            pc_date *date, int64_t *tranche_shares)
{
    *date = date_of(s, grant, k);
    *tranche_shares = shares_through(shares, months_through(s, k), s->months) -
                      shares_through(shares, months_through(s, k - 1), s->months);
}
