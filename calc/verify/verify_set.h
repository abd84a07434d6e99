/*
 * What the verify files share (not a public header): the sorted index of the
 * published rows (verify_published.c), the finding helpers, and the types
 * both the internal checks (verify_tables.c) and the checks against the
 * computed report (verify.c) use.
 */
#ifndef PAYCALC_VERIFY_SET_H
#define PAYCALC_VERIFY_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/money.h"
#include "paycalc/equity.h"
#include "paycalc/verify.h"

#define AVERAGE_SUBJECT "non_peo_neo_average"
#define COMPANY_SUBJECT "company"
/* Published values are micros: at most 6 decimals are meaningful. A unit
 * suffix moves the last shown digit left of the point: "1.2 billion" shows
 * hundreds of millions (decimals -8), "445 B" billions (-9). */
#define MAX_DECIMALS 6
#define MIN_DECIMALS (-9)

/* CAP items rank 2 x the line, so that `equity_award_adjustments` (the
 * total of the five equity lines, published instead of them) sorts right
 * after the last of the five. */
#define CAP_RANK(line) (2 * (int)(line))
#define CAP_EQUITY_ADJUSTMENTS_RANK (CAP_RANK(PC_CAP_LESS_FV_FORFEITED) + 1)
#define FIRST_EQUITY_LINE PC_CAP_FYE_FV_GRANTED_IN_YEAR
#define LAST_EQUITY_LINE PC_CAP_LESS_FV_FORFEITED
#define UNKNOWN_RANK 1000

typedef pc_i128 i128;

/* PvP items of reported.csv (SPEC section 2), in the order of the table. */
enum {
    PVP_SCT_TOTAL = 0,
    PVP_CAP,
    PVP_COUNT,
    PVP_TSR,
    PVP_PEER_TSR,
    PVP_NET_INCOME,
    PVP_CSM,
    PVP_NITEMS
};

typedef struct ref {
    const pc_reported *row;
    size_t order;   /* position in reported.csv */
    size_t subject; /* the subject's rank: position of its first appearance */
    int item;       /* item_rank */
} ref;

typedef struct subject_name {
    const char *name;
    size_t rank;
} subject_name;

typedef struct published {
    pc_reported *rows; /* copies of reported.csv's rows (strings borrowed) */
    ref *refs;         /* by table, year, subject rank, item rank, order */
    size_t count;
    subject_name *names; /* one per subject, by name */
    size_t nnames;
} published;

pc_status pc_verify_add_skipped(pc_checks *checks, const char *check, int year, const char *subject,
                                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* An expected value: num / den micros (den > 0: a mean divides by the
 * number of NEOs), with the decimals of the figures it comes from. */
typedef struct expected {
    i128 num;
    int64_t den;
    int decimals;
    /* true: the same figure shown independently (computed, or in another
     * table), so the coarser precision sets the tolerance. */
    bool independent;
    /* true: a count of people, never rounded, so any difference is an
     * error. */
    bool whole_count;
    /* For a check between two published cells: the other cell (the finding
     * names it, so that it can join that cell's finding). NULL otherwise. */
    const pc_reported *other;
} expected;

typedef struct person_ref {
    const char *id;
    size_t index;
} person_ref;

typedef struct row_key {
    size_t subject; /* person index, or PC_SUBJECT_AVERAGE */
    int year;
    size_t index;
} row_key;

typedef struct computed_index {
    person_ref *people; /* by id */
    size_t npeople;
    row_key *sct; /* by person, year */
    size_t nsct;
    row_key *cap; /* by subject, year */
    size_t ncap;
    row_key *dct; /* director rows, by person, year */
    size_t ndct;
    pc_equity_totals equity; /* each person's equity table totals, by year */
} computed_index;

const char *pc_check_severity_name(pc_check_severity severity);

const char *pc_reported_table_name(pc_reported_table table);

bool pc_verify_is_person(const char *subject);

/* A reconciliation line whose label makes it a deduction (`less_...`). */
bool pc_verify_is_deduction(const pc_reported *row);

void pc_verify_published_fini(published *pub);

pc_status pc_verify_published_build(const pc_dataset *ds, published *pub);

/* The rank of a subject name; false when reported.csv never names it. */
bool pc_verify_subject_rank(const published *pub, const char *name, size_t *rank);

/* First position whose key is not below (table, year, subject, item). */
size_t pc_verify_lower_bound(const published *pub, pc_reported_table table, int year,
                             size_t subject, int item);

/* The rows of one table, year and subject: [*begin, *end). */
void pc_verify_find_group(const published *pub, pc_reported_table table, int year, size_t subject,
                          size_t *begin, size_t *end);

size_t pc_verify_group_end(const published *pub, size_t begin);

/* The first published row of an item in a group (duplicates: the first in
 * reported.csv wins), or NULL. */
const pc_reported *pc_verify_group_item(const published *pub, size_t begin, size_t end, int item);

const pc_reported *pc_verify_find_item(const published *pub, pc_reported_table table, int year,
                                       size_t subject, int item);

/* Decimals to show, 0 to 6 (a figure in millions is shown in dollars). */
int pc_verify_clamp_decimals(int decimals);

/* The fewest decimals that show `micro` exactly. */
int pc_verify_decimals_needed(int64_t micro);

pc_status pc_verify_add_skipped(pc_checks *checks, const char *check, int year, const char *subject,
                                const char *fmt, ...);

expected pc_verify_exact(i128 micro, int decimals, bool independent);

/* Counts one comparison of `pub` against `exp` and records a finding when
 * they differ (see the top of the file for the rule). */
pc_status pc_verify_compare(pc_checks *checks, const char *check, const pc_reported *pub,
                            expected exp);

pc_status pc_verify_internal(const pc_dataset *ds, pc_checks *checks);

/* Gives the finding the last comparison recorded a note (`before`: the
 * number of findings before it; nothing when it recorded none). */
pc_status pc_verify_note(pc_checks *checks, size_t before, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* SPEC section 8: whether a reconciliation (the group [begin, end) of the
 * CAP table) prints dividends outside its `equity_award_adjustments`
 * subtotal, as a line beside it (true), or inside it (false). */
bool pc_verify_dividends_outside(const published *pub, size_t begin, size_t end);

/* Whether the reading of pc_verify_dividends_outside changes a figure:
 * the group publishes both the subtotal and a dividends line that is not 0. */
bool pc_verify_dividends_matter(const published *pub, size_t begin, size_t end);

int pc_verify_compare_person_ref(const void *a, const void *b);

bool pc_verify_find_person(const computed_index *ix, const char *id, size_t *index);

#endif
