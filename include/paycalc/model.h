/*
 * The input set in memory: plain structs, filled by the readers (read.h) or
 * built directly by tests, and read by the engine.
 *
 * Units: money in cents (int64_t), prices, per-share values, rates and
 * fractions in micros (1,000,000 = 1), shares as whole numbers, dates as
 * pc_date. References between files are resolved to array indexes by the
 * readers; each row keeps the line it came from so the engine can point at
 * it in a message.
 *
 * Ownership: a pc_dataset owns every array and string in it;
 * pc_dataset_fini releases them all.
 */
#ifndef PAYCALC_MODEL_H
#define PAYCALC_MODEL_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/status.h"
#include "paycalc/text.h"

#define PC_MAX_YEARS 5

typedef enum pc_fx_method {
    PC_FX_ANNUAL_AVERAGE = 0,
    PC_FX_PAYMENT_DATE = 1,
    PC_FX_YEAR_END = 2
} pc_fx_method;

typedef enum pc_term_method {
    PC_TERM_REMAINING_CONTRACTUAL = 0,
    PC_TERM_SIMPLIFIED = 1
} pc_term_method;

/* The unit a figure is shown in on the workbook's disclosure sheets
 * (paycalc.json display_units); report.json stays in dollars. */
typedef enum pc_units { PC_UNITS_ONES = 0, PC_UNITS_THOUSANDS, PC_UNITS_MILLIONS } pc_units;

/* The language of the workbook's titles, headers and footnotes (--labels;
 * SPEC section 9): names and numbers are the same in all three. */
typedef enum pc_labels { PC_LABELS_EN = 0, PC_LABELS_ZH_HANT, PC_LABELS_ZH_HANS } pc_labels;

/* "en", "zh-Hant" or "zh-Hans" as --labels spells it; false for anything else. */
bool pc_labels_parse(const char *text, pc_labels *out);

/* paycalc.json "monte_carlo" (SPEC section 10). */
typedef struct pc_mc_config {
    size_t paths;     /* default 100,000 */
    uint64_t seed;    /* default 1 */
    bool antithetic;  /* default true */
    unsigned threads; /* 0 (default): every core; the results never depend on it */
} pc_mc_config;

/* paycalc.json */
typedef struct pc_config {
    char *company_name;
    char *ticker;
    pc_fiscal_calendar fiscal_year_end;
    int years[PC_MAX_YEARS]; /* PvP covered years, consecutive, ascending */
    int nyears;
    int sct_years; /* how many of the last covered years the SCT shows */
    bool smaller_reporting_company;
    pc_fx_method fx_method;
    pc_term_method expected_term;
    int cap_decimals;               /* 0 or 2 */
    char *company_selected_measure; /* NULL when there is none */
    pc_units net_income_units;      /* display_units.net_income */
    pc_units csm_units;             /* display_units.company_selected_measure */
    pc_labels labels;               /* not in paycalc.json: the --labels option */
    pc_mc_config monte_carlo;
    char *peer_group; /* the peers.csv set for the peer group TSR (section 11), or NULL */
    char cik[11];     /* the SEC Central Index Key, 10 digits; "" when not given (SPEC 15) */
    int ecd_year;     /* the ECD/DEI taxonomy year of the Inline XBRL section: 2023..2025 */
} pc_config;

/* The narrative texts of the Inline XBRL section (SPEC section 15), from
 * disclosure/<name>.md or .txt in the input set: pc_disclosure_name gives
 * the <name>. */
typedef enum pc_disclosure {
    PC_DISCLOSURE_CAP_TSR = 0,    /* relationship-cap-tsr: CAP and the company's TSR */
    PC_DISCLOSURE_CAP_NET_INCOME, /* relationship-cap-net-income */
    PC_DISCLOSURE_CAP_CSM,        /* relationship-cap-csm: CAP and the company-selected measure */
    PC_DISCLOSURE_TSR_PEER,       /* relationship-tsr-peer: the company's and the peers' TSR */
    PC_DISCLOSURE_PEER_GROUP,     /* peer-group: the peer group footnote's text */
    PC_DISCLOSURE_TABULAR_LIST,   /* tabular-list: the most important measures, one a line */
    PC_DISCLOSURE_COUNT
} pc_disclosure;

/* "relationship-cap-tsr" and so on: the file name without .md or .txt. */
const char *pc_disclosure_name(pc_disclosure which);

/* The measures of a tabular list text (disclosure/tabular-list): one a
 * line, a leading "-", "*", "1." or "1)" marker and surrounding blanks
 * dropped, blank lines skipped. Fills item/len (pointers into `text`) with
 * the first `max` and returns how many there are in all. */
size_t pc_tabular_list_items(const char *text, const char **item, size_t *len, size_t max);

/* Item 402(v)(6): the tabular list names at most this many measures. */
#define PC_TABULAR_LIST_MAX 7

/* The newest ECD taxonomy year paycalc writes, the default of ecd_year. */
#define PC_ECD_YEAR_DEFAULT 2025

/* The input files, for messages and column lookups. */
typedef enum pc_file {
    PC_FILE_CONFIG = 0, /* paycalc.json */
    PC_FILE_PEOPLE,
    PC_FILE_ROLES,
    PC_FILE_CASH,
    PC_FILE_FX,
    PC_FILE_AWARDS,
    PC_FILE_VESTING,
    PC_FILE_PRICES,
    PC_FILE_ASSUMPTIONS,
    PC_FILE_OUTCOMES,
    PC_FILE_FAIR_VALUES,
    PC_FILE_PERFORMANCE,
    PC_FILE_REPORTED,
    PC_FILE_MARKET_CONDITIONS,
    PC_FILE_PEERS,
    PC_FILE_PEER_PRICES,
    PC_FILE_MARKET_ASSUMPTIONS,
    PC_FILE_CORRELATIONS,
    PC_FILE_EXERCISES,
    PC_FILE_SEPARATIONS,
    PC_FILE_CORPORATE_ACTIONS,
    PC_FILE_MODIFICATIONS,
    PC_FILE_PLAN_TARGETS,
    PC_FILE_COUNT
} pc_file;

/* The file name of each input file ("cash.csv"). */
const char *pc_file_name(pc_file file);

typedef struct pc_person {
    char *id;
    char *name; /* UTF-8, any script */
    char *position;
    bool retirement_eligible;         /* a retirement_eligible_date is given */
    pc_date retirement_eligible_date; /* when retirement_eligible (SPEC section 13) */
    int line;
} pc_person;

/* PC_ROLE_DIRECTOR: a non-employee director (Item 402(k)); those rows are
 * kept apart, in pc_dataset.directors, so that no executive table sees them. */
typedef enum pc_role_kind { PC_ROLE_PEO = 0, PC_ROLE_NEO = 1, PC_ROLE_DIRECTOR = 2 } pc_role_kind;

typedef struct pc_role {
    int year;
    size_t person; /* index into people */
    pc_role_kind role;
    char *position; /* overrides the person's position for that year; NULL if none */
    int line;
} pc_role;

typedef enum pc_component {
    PC_COMP_SALARY = 0,
    PC_COMP_BONUS,
    PC_COMP_NON_EQUITY_INCENTIVE,
    PC_COMP_NQDC_EARNINGS,
    PC_COMP_ALL_OTHER,
    PC_COMP_CHANGE_IN_PENSION_VALUE,
    PC_COMP_PENSION_SERVICE_COST,
    PC_COMP_PENSION_PRIOR_SERVICE_COST,
    PC_COMP_UNVESTED_DIVIDENDS,
    PC_COMP_FEES, /* a director's fees earned or paid in cash (Item 402(k)(2)(ii)) */
    PC_COMP_COUNT
} pc_component;

/* The cash.csv spelling of a component ("non_equity_incentive"). */
const char *pc_component_name(pc_component component);

typedef struct pc_cash {
    size_t person;
    int year;
    pc_component component;
    int64_t amount_cents; /* in `currency` */
    char currency[4];     /* ISO 4217, RMB already mapped to CNY */
    pc_date pay_date;     /* PC_DATE_NONE when blank */
    int line;
} pc_cash;

typedef struct pc_fx_rate {
    char currency[4];
    int fiscal_year; /* a published fiscal-year average when > 0 ... */
    pc_date date;    /* ... or a daily observation (then fiscal_year == 0) */
    int64_t per_usd_micro;
    int line;
} pc_fx_rate;

typedef enum pc_award_type {
    PC_AWARD_OPTION = 0,
    PC_AWARD_SAR = 1,
    PC_AWARD_STOCK = 2
} pc_award_type;

typedef enum pc_condition {
    PC_CONDITION_SERVICE = 0,
    PC_CONDITION_PERFORMANCE = 1,
    PC_CONDITION_MARKET = 2
} pc_condition;

typedef struct pc_award {
    char *id;
    size_t person;
    pc_award_type type;
    pc_condition condition;
    pc_date grant_date;
    int64_t shares;               /* target shares or options */
    int64_t exercise_price_micro; /* options and SARs */
    pc_date expiration_date;      /* options and SARs; PC_DATE_NONE for stock */
    bool has_grant_fv;            /* grant_fv_per_share given */
    int64_t grant_fv_micro;       /* grant-date fair value per share */
    bool dividend_rights;         /* default yes */
    bool has_threshold;           /* threshold_shares given (Item 402(d) column (f)) */
    int64_t threshold_shares;
    bool has_maximum; /* maximum_shares given (Item 402(d) column (h)) */
    int64_t maximum_shares;
    char *schedule;          /* the vesting pattern (SPEC section 13), NULL when none */
    bool retirement_vesting; /* vests in full on retirement once eligible (default no) */
    /* Options and SARs: the end of the post-termination exercise window of
     * the holder's separation (separations.csv exercise_window), after
     * which the vested options expire; see pc_award_expires_on. */
    bool has_window_end;
    pc_date window_end;
    pc_date separated_on; /* the separation's date, when has_window_end */
    /* 1 + the index of the award's row in pc_dataset.modifications, 0 when
     * it was never modified (set by pc_dataset_index). */
    size_t modification;
    size_t first_tranche; /* tranches of this award: */
    size_t ntranches;     /* tranches[first_tranche .. +ntranches) */
    int line;
} pc_award;

typedef enum pc_tranche_status {
    PC_TRANCHE_UNVESTED = 0,
    PC_TRANCHE_VESTED = 1,
    PC_TRANCHE_FORFEITED = 2
} pc_tranche_status;

typedef struct pc_tranche {
    size_t award;      /* index into awards */
    int number;        /* the `tranche` column */
    pc_date vest_date; /* scheduled vest date */
    int64_t shares;
    pc_tranche_status status; /* as of the last covered fiscal year end */
    pc_date status_date;      /* vested: the vest date unless given; forfeited: required */
    /* Laid out from the award's `schedule`: `line` is then the awards.csv
     * line, and the status was derived (SPEC section 13). */
    bool scheduled;
    /* A `continue` separation of a service-condition tranche: it keeps its
     * schedule, but for CAP it is vested on cap_vested_on, no substantive
     * condition remaining (C&DI 128D.18). */
    bool cap_vested_early;
    pc_date cap_vested_on;
    /* The tranche's shares from its award's modification on, when the
     * modification gives the award a new number of shares (set by
     * pc_dataset_index; see pc_tranche_shares_at). */
    int64_t modified_shares;
    /* A modification gave the tranche a new vest_date; this was its date
     * before (for the original award's value just before the change). */
    bool vest_modified;
    pc_date original_vest_date;
    int line;
} pc_tranche;

/* exercises.csv: options or SARs of an award exercised on a date. */
typedef struct pc_exercise {
    size_t award; /* index into awards (an option or a SAR) */
    pc_date date;
    int64_t shares;
    int line;
} pc_exercise;

/* separations.csv: what happens on a departure to the tranches still
 * unvested (SPEC section 13). */
typedef enum pc_separation_kind {
    PC_SEPARATION_FORFEIT = 0,    /* forfeited on the date */
    PC_SEPARATION_ACCELERATE = 1, /* vested on the date */
    PC_SEPARATION_CONTINUE = 2    /* keeps vesting on schedule, no service required */
} pc_separation_kind;

typedef struct pc_separation {
    size_t person;
    pc_date date;
    pc_separation_kind unvested;
    bool has_award; /* a row for one award; else every award of the person */
    size_t award;
    /* exercise_window: vested options and SARs expire at the end of this
     * day (a number of days or months after `date`, or a date). */
    bool has_window;
    pc_date window_end;
    int line;
} pc_separation;

/* modifications.csv: a change of an award's terms on a date (ASC
 * 718-20-35-3): a new exercise price, new vesting dates of the tranches
 * still unvested (`accelerate`: on the date itself), a new number of shares.
 * The award's own fields keep its original terms; pc_award_exercise_price_at
 * and pc_tranche_shares_at give the terms in force at a date, and the
 * readers apply the new vesting dates to the tranches. */
typedef enum pc_modified_vesting {
    PC_MODIFIED_VESTING_NONE = 0,       /* vesting unchanged */
    PC_MODIFIED_VESTING_ACCELERATE = 1, /* every unvested tranche vests on the date */
    PC_MODIFIED_VESTING_DATE = 2        /* every unvested tranche vests on vest_date */
} pc_modified_vesting;

typedef struct pc_modification {
    size_t award; /* index into awards */
    pc_date date;
    bool has_exercise_price; /* options and SARs */
    int64_t exercise_price_micro;
    pc_modified_vesting vesting;
    pc_date vest_date; /* PC_MODIFIED_VESTING_DATE */
    bool has_shares;
    int64_t shares; /* the award's new number of shares or options */
    int line;
} pc_modification;

/* plan_targets.csv: the threshold, target and maximum payouts of a
 * non-equity incentive plan award granted to a person in a fiscal year
 * (Item 402(d)(2)(iii), Grants of Plan-Based Awards columns (c)-(e)), in
 * the currency of the plan; converted to US dollars as cash is (SPEC
 * section 4). */
typedef struct pc_plan_target {
    size_t person;      /* index into people */
    int year;           /* the fiscal year of the grant */
    char *plan;         /* the plan's name, UTF-8 */
    pc_date grant_date; /* PC_DATE_NONE when blank */
    bool has_threshold;
    int64_t threshold_cents; /* in `currency` */
    int64_t target_cents;
    bool has_maximum;
    int64_t maximum_cents;
    char currency[4]; /* ISO 4217, RMB already mapped to CNY */
    int line;
} pc_plan_target;

typedef struct pc_price {
    pc_date date;
    int64_t close_micro;    /* USD */
    int64_t dividend_micro; /* cash dividend per share, ex-date `date`; 0 if none */
    int line;
} pc_price;

typedef struct pc_assumption {
    pc_date date;
    int64_t volatility_micro; /* annualised, 850000 = 85% */
    int64_t rate_micro;       /* risk-free rate, continuously compounded */
    int64_t yield_micro;      /* dividend yield, continuous */
    bool has_term;
    int64_t term_micro; /* expected term in years, when given */
    int line;
} pc_assumption;

/* A tranche number of 0 in outcomes and fair values means "every tranche of
 * the award" (a blank `tranche`). */
typedef struct pc_outcome {
    size_t award;
    int tranche;
    pc_date date;
    int64_t probable_micro; /* fraction of target shares */
    int line;
} pc_outcome;

typedef struct pc_supplied_fv {
    size_t award;
    int tranche;
    pc_date date;
    int64_t fv_micro;
    char *note; /* NULL when blank */
    int line;
} pc_supplied_fv;

typedef struct pc_performance {
    int year;
    int64_t net_income_cents;
    bool has_csm;
    int64_t csm_micro; /* company-selected measure */
    bool has_peer_tsr;
    int64_t peer_tsr_micro; /* value of $100 */
    int line;
} pc_performance;

/* The metric of a market condition (SPEC section 10). */
typedef enum pc_market_metric {
    PC_METRIC_RELATIVE_TSR = 0, /* percentile rank among the peer set */
    PC_METRIC_INDEX_TSR = 1,    /* TSR minus the index's, percentage points */
    PC_METRIC_ABSOLUTE_TSR = 2, /* TSR in percent */
    PC_METRIC_PRICE_HURDLE = 3  /* moving average close reaching a price */
} pc_market_metric;

/* One point of a payout curve: metric value x (micros: 25000000 = 25, a
 * percentile, percentage points, percent or a price) and payout (micros of
 * the target: 1000000 = 100%). */
typedef struct pc_payout_point {
    int64_t x_micro;
    int64_t payout_micro;
} pc_payout_point;

/* A market_conditions.csv row. */
typedef struct pc_market_condition {
    size_t award;
    pc_market_metric metric;
    pc_date performance_start, performance_end;
    pc_payout_point *curve; /* owned, ascending in x */
    size_t curve_points;
    int averaging_days; /* default 1 */
    char *peer_set;     /* NULL when blank */
    bool has_negative_tsr_cap;
    int64_t negative_tsr_cap_micro;
    int line;
} pc_market_condition;

/* The most tickers one peers.csv set may hold. Valuing a relative-TSR award
 * costs paths x days x peers^2 (the correlated shocks), and a set larger than
 * the trading days of its lookback has a singular correlation matrix, whose
 * repair costs peers^3 per iteration: 300 covers the broad indexes' largest
 * members and keeps a valuation to seconds. */
#define PC_MAX_PEERS_IN_SET 300

/* A peers.csv row: a member of a named set. */
typedef struct pc_peer {
    char *set;
    char *ticker;
    bool has_market_cap;
    int64_t market_cap_cents; /* USD at the start of the measurement period */
    int line;
} pc_peer;

/* A peer_prices.csv row. */
typedef struct pc_peer_price {
    char *ticker;
    pc_date date;
    int64_t close_micro;
    int64_t dividend_micro;
    int line;
} pc_peer_price;

/* A market_assumptions.csv row: a volatility and dividend yield for one
 * ticker from `date` on (either may be blank: then it is estimated). */
typedef struct pc_market_assumption {
    pc_date date;
    char *ticker;
    bool has_volatility;
    int64_t volatility_micro; /* annualised */
    bool has_yield;
    int64_t yield_micro; /* continuous */
    int line;
} pc_market_assumption;

/* A correlations.csv row: the correlation of two tickers from `date` on. */
typedef struct pc_correlation {
    pc_date date;
    char *ticker_a, *ticker_b;
    int64_t correlation_micro; /* -1000000 to 1000000 */
    int line;
} pc_correlation;

/* corporate_actions.csv: a stock split (a reverse split when new_shares <
 * old_shares) effective on `date`, the first day the shares trade split:
 * each `old_shares` shares became `new_shares` (in lowest terms; a 2-for-1
 * split is 2:1, a 1-for-10 reverse split 1:10). The reader restates every
 * figure dated before `date` into post-split terms (read_splits.c, README
 * "Stock splits") and counts here what it restated. */
typedef struct pc_split {
    pc_date date;
    int64_t new_shares, old_shares; /* both > 0 */
    size_t prices;                  /* prices.csv closes divided by the ratio */
    size_t dividends;               /* of them, with a dividend divided too */
    size_t exercises;               /* exercises.csv rows whose shares were multiplied */
    size_t fair_values;             /* fair_values.csv per-share values divided */
    int line;
} pc_split;

/* An award granted before a split, restated by it: its terms just before
 * and just after (several splits after one grant give one row each, in
 * date order). */
typedef struct pc_split_award {
    size_t split; /* index into splits (date order) */
    size_t award; /* index into awards */
    int64_t shares_before, shares_after;
    int64_t exercise_price_before_micro, exercise_price_after_micro; /* options and SARs */
    int64_t grant_fv_before_micro, grant_fv_after_micro;             /* when has_grant_fv */
} pc_split_award;

typedef enum pc_reported_table {
    PC_REPORTED_SCT = 0,
    PC_REPORTED_PVP = 1,
    PC_REPORTED_CAP = 2,
    PC_REPORTED_OEA = 3,  /* Outstanding Equity Awards at FYE (SPEC section 12) */
    PC_REPORTED_OESV = 4, /* Option Exercises and Stock Vested */
    PC_REPORTED_GPBA = 5, /* Grants of Plan-Based Awards */
    PC_REPORTED_DCT = 6   /* Director Compensation (Item 402(k), 402(r)) */
} pc_reported_table;

typedef struct pc_reported {
    pc_reported_table table;
    int year;
    char *subject;       /* a person_id, "non_peo_neo_average" or "company" */
    char *item;          /* a key of SPEC sections 7, 9 and 12, or "count" */
    int64_t value_micro; /* as printed, negatives from '-' or parentheses */
    int decimals;        /* the last shown digit: 2 cents, 0 dollars, -6 millions ("445 M") */
    bool percent;        /* printed as a percentage ("14.51%"): value_micro counts percent */
    int line;
} pc_reported;

/* A growing array of T with a count. */
#define PC_ARRAY(T)                                                                                \
    struct {                                                                                       \
        T *items;                                                                                  \
        size_t count;                                                                              \
        size_t capacity;                                                                           \
    }

/* Column positions of each file as read (1-based; 0 when absent), so the
 * engine can point at a cell: columns[file][name]. */
#define PC_MAX_COLUMNS 16
typedef struct pc_file_columns {
    bool present; /* the file was read */
    char *path;   /* the path used in messages */
    char *names[PC_MAX_COLUMNS];
    int count;
} pc_file_columns;

typedef struct pc_dataset {
    char *name; /* the input set's folder name ("cbak-fy2022") */
    pc_config config;
    PC_ARRAY(pc_person) people;
    PC_ARRAY(pc_role) roles;     /* PEO and NEO rows of roles.csv */
    PC_ARRAY(pc_role) directors; /* its `director` rows (role PC_ROLE_DIRECTOR) */
    PC_ARRAY(pc_cash) cash;
    PC_ARRAY(pc_fx_rate) fx;
    PC_ARRAY(pc_award) awards;
    PC_ARRAY(pc_tranche) tranches;
    PC_ARRAY(pc_price) prices;
    PC_ARRAY(pc_assumption) assumptions;
    PC_ARRAY(pc_outcome) outcomes;
    PC_ARRAY(pc_supplied_fv) fair_values;
    PC_ARRAY(pc_performance) performance;
    PC_ARRAY(pc_reported) reported;
    PC_ARRAY(pc_market_condition) market_conditions; /* by award once indexed */
    PC_ARRAY(pc_peer) peers;                         /* by set, then ticker once indexed */
    PC_ARRAY(pc_peer_price) peer_prices;             /* by ticker, then date once indexed */
    PC_ARRAY(pc_market_assumption) market_assumptions;
    PC_ARRAY(pc_correlation) correlations;
    PC_ARRAY(pc_exercise) exercises;
    PC_ARRAY(pc_separation) separations;
    PC_ARRAY(pc_split) splits;               /* corporate_actions.csv, in date order */
    PC_ARRAY(pc_split_award) split_awards;   /* by split, then awards.csv order */
    PC_ARRAY(pc_modification) modifications; /* at most one per award */
    PC_ARRAY(pc_plan_target) plan_targets;   /* plan_targets.csv, in its order */
    pc_file_columns files[PC_FILE_COUNT];
    char *disclosure[PC_DISCLOSURE_COUNT]; /* UTF-8 text of disclosure/ files, NULL when absent */
    char *disclosure_path[PC_DISCLOSURE_COUNT]; /* the file each came from, for messages */
    /* Valuations already made on this input set (value.h), that
     * pc_value_tranche returns instead of valuing again; NULL (the default)
     * but for price scenarios (scenarios.h). Borrowed. */
    const struct pc_valuation_memo *memo;
    /* Built by pc_dataset_index: people and awards in id order. */
    size_t *people_by_id;
    size_t *awards_by_id;
    bool indexed; /* pc_dataset_index has run since the last change */
} pc_dataset;

void pc_dataset_init(pc_dataset *ds);
void pc_dataset_fini(pc_dataset *ds);

/* Makes room for `n` elements in all (a capacity never shrinks), so an
 * array whose size is known or bounded ahead grows once instead of copying
 * itself at each doubling; false when out of memory (the array unchanged).
 * Usage: PC_ARRAY_RESERVE(&report->valuations, n) */
bool pc_array_reserve(void **items, size_t count, size_t *capacity, size_t elem_size, size_t n);
#define PC_ARRAY_RESERVE(arr, n)                                                                   \
    pc_array_reserve((void **)&(arr)->items, (arr)->count, &(arr)->capacity, sizeof *(arr)->items, \
                     (n))
/* Grows an array by one zeroed element; returns it, or NULL when out of
 * memory. Usage: pc_person *p = PC_ARRAY_PUSH(&ds->people); */
void *pc_array_push(void **items, size_t *count, size_t *capacity, size_t elem_size);
#define PC_ARRAY_PUSH(arr)                                                                         \
    pc_array_push((void **)&(arr)->items, &(arr)->count, &(arr)->capacity, sizeof *(arr)->items)
/* Grows an array by a copy of `*elem` (of the array's element type), writing
 * the element once rather than zeroing it first; returns the new element, or
 * NULL when out of memory. Usage: PC_ARRAY_APPEND(&report->valuations, &v) */
void *pc_array_append(void **items, size_t *count, size_t *capacity, size_t elem_size,
                      const void *elem);
#define PC_ARRAY_APPEND(arr, elem)                                                                 \
    pc_array_append((void **)&(arr)->items, &(arr)->count, &(arr)->capacity, sizeof *(arr)->items, \
                    (elem))

/* The path of a file for messages ("inputs/x/cash.csv"), or its bare name
 * when it was not read from disk. */
const char *pc_dataset_path(const pc_dataset *ds, pc_file file);
/* The 1-based column of `name` in `file` as read, or 0. */
int pc_dataset_column(const pc_dataset *ds, pc_file file, const char *name);

/* Sorts what the engine looks up by date or key, so every lookup is a binary
 * search: prices and assumptions by date; tranches by award and number (and
 * sets each award's first_tranche/ntranches); outcomes and fair values by
 * award, tranche and date; fx by currency, then fiscal years, then dates;
 * market conditions by award, peers by set and ticker, peer prices by
 * ticker and date.
 * Idempotent. Only PC_OK or PC_ERR_NOMEM. */
pc_status pc_dataset_index(pc_dataset *ds);

/* Lookups over an indexed dataset. Each returns NULL when there is none. */
const pc_person *pc_dataset_person(const pc_dataset *ds, const char *id, size_t *index);
const pc_award *pc_dataset_award(const pc_dataset *ds, const char *id, size_t *index);

/* Index of the covered year `year` in config.years, or -1. */
int pc_config_year_index(const pc_config *config, int year);

PC_API_END

#endif
