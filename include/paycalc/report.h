/*
 * The computed results of one run: what the writers (JSON, XLSX) and the
 * command line show. Filled by the engine (engine.h); plain structs, owned by
 * the pc_report and released by pc_report_fini.
 *
 * Units: SCT figures in cents holding whole dollars (R3); CAP lines and
 * averages in cents rounded to cap_decimals (R4, R5); TSR in cents of the
 * $100 value (R6); per-share model values in double, tranche values in cents
 * (R2); rates and prices in micros.
 */
#ifndef PAYCALC_REPORT_H
#define PAYCALC_REPORT_H

#include "paycalc/api.h"
PC_API_BEGIN

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "paycalc/date.h"
#include "paycalc/equity.h"
#include "paycalc/model.h"

/* An exchange rate used (SPEC section 4). */
typedef struct pc_rate_used {
    char currency[4];
    int fiscal_year;
    pc_fx_method method;
    int64_t per_usd_micro; /* the rate used (a daily mean is already rounded to 4 decimals) */
    pc_date date;          /* observation date for payment_date / year_end; else NONE */
    int observations;      /* how many fx.csv rows are behind the rate */
    char *source;          /* "fx.csv line 3" or "mean of 250 daily rates, fx.csv lines 2-251" */
    /* The source as data, for the workbook's words in other languages: the
     * fx.csv lines behind the rate (one line: first == last), and whether
     * it is a fiscal-year average fx.csv gives as such. */
    int first_line, last_line;
    bool published_average;
} pc_rate_used;

/* SCT columns, in table order (SPEC section 6). */
typedef enum pc_sct_column {
    PC_SCT_SALARY = 0,
    PC_SCT_BONUS,
    PC_SCT_STOCK_AWARDS,
    PC_SCT_OPTION_AWARDS,
    PC_SCT_NON_EQUITY_INCENTIVE,
    PC_SCT_PENSION_NQDC,
    PC_SCT_ALL_OTHER,
    PC_SCT_TOTAL,
    PC_SCT_NCOLUMNS
} pc_sct_column;

/* The JSON key of an SCT column ("stock_awards"). */
const char *pc_sct_key(pc_sct_column column);

/* One person's SCT figures for one year (computed for every PvP year and for
 * every SCT year; `in_table` says whether the row is shown in the SCT). */
typedef struct pc_sct_row {
    size_t person;
    int year;
    pc_role_kind role;
    const char *position;            /* borrowed from the dataset */
    int64_t column[PC_SCT_NCOLUMNS]; /* cents, whole dollars (R3) */
    int64_t pension_change;          /* cents, whole dollars, floored at 0 (as the SCT shows it) */
    int64_t pension_service_cost;    /* cents, exact sum */
    int64_t pension_prior_service_cost;
    int64_t unvested_dividends;
    bool in_table;
} pc_sct_row;

/* CAP reconciliation lines, in order (SPEC section 7). */
typedef enum pc_cap_line {
    PC_CAP_SCT_TOTAL = 0,
    PC_CAP_LESS_EQUITY_AWARDS,
    PC_CAP_LESS_PENSION,
    PC_CAP_PLUS_PENSION_SERVICE,
    PC_CAP_PLUS_PENSION_PRIOR_SERVICE,
    PC_CAP_FYE_FV_GRANTED_IN_YEAR,
    PC_CAP_CHANGE_FV_PRIOR_UNVESTED,
    PC_CAP_FV_AT_VEST_GRANTED_IN_YEAR,
    PC_CAP_CHANGE_FV_PRIOR_VESTED,
    PC_CAP_LESS_FV_FORFEITED,
    PC_CAP_DIVIDENDS,
    PC_CAP_CAP,
    PC_CAP_NLINES
} pc_cap_line;

/* The JSON key of a reconciliation line ("fye_fv_granted_in_year"). */
const char *pc_cap_key(pc_cap_line line);

/* Where each reconciliation line comes from (SPEC section 7): the one table
 * by which the engine computes the lines (engine/cap.c) and the workbook
 * writes them as formulas (write/xlsx/cap.c), so the two cannot disagree. */
typedef enum pc_cap_source {
    PC_CAP_FROM_SCT,         /* the sum of SCT columns of the year, times `sign` */
    PC_CAP_FROM_COMPONENT,   /* a cash.csv component of the year, times `sign` */
    PC_CAP_FROM_FAIR_VALUES, /* the tranches' fair values, Item 402(v)(2)(iii)(C)(1)(i)-(v) */
    PC_CAP_FROM_LINES        /* the sum of the lines above it (CAP) */
} pc_cap_source;

typedef struct pc_cap_rule {
    pc_cap_source source;
    int sign;               /* +1, or -1 for a deduction */
    pc_sct_column sct[2];   /* PC_CAP_FROM_SCT: the columns added */
    int nsct;               /* ... how many */
    pc_component component; /* PC_CAP_FROM_COMPONENT */
    bool floored_whole;     /* the component as the SCT shows it: floored at 0, whole dollars */
    bool not_for_src;       /* 0 for smaller reporting companies (Item 402(v)(8)) */
} pc_cap_rule;

/* The rule of a line (any pc_cap_line but PC_CAP_NLINES). */
const pc_cap_rule *pc_cap_rule_of(pc_cap_line line);

/* The figure a PC_CAP_FROM_COMPONENT rule takes from an SCT row (before its
 * sign): the change in pension value as the SCT shows it, the pension
 * service costs, the dividends on unvested awards. */
int64_t pc_sct_component(const pc_sct_row *row, pc_component component);

#define PC_SUBJECT_AVERAGE ((size_t)-1)

typedef struct pc_cap_row {
    int year;
    size_t subject;              /* person index, or PC_SUBJECT_AVERAGE */
    int64_t line[PC_CAP_NLINES]; /* cents, each rounded to cap_decimals; CAP is their sum */
} pc_cap_row;

#define PC_MAX_PEOS 4

typedef struct pc_pvp_peo {
    size_t person;
    int64_t sct_total; /* cents (whole dollars) */
    int64_t cap;       /* cents */
} pc_pvp_peo;

typedef struct pc_pvp_row {
    int year;
    pc_pvp_peo peo[PC_MAX_PEOS];
    size_t npeo;
    bool has_average; /* false: no NEO that year (null average) */
    size_t avg_count;
    size_t *avg_people;    /* person indexes, in roles.csv order (owned) */
    int64_t avg_sct_total; /* cents, rounded to cap_decimals (R5) */
    int64_t avg_cap;       /* cents: the sum of the averaged lines (R5) */
    int64_t tsr;           /* cents of the value of $100 (R6) */
    bool has_peer_tsr;
    int64_t peer_tsr; /* cents */
    bool has_net_income;
    int64_t net_income; /* cents */
    bool has_csm;
    int64_t csm_micro;
} pc_pvp_row;

typedef enum pc_purpose {
    PC_PURPOSE_GRANT = 0,     /* grant-date value for the SCT */
    PC_PURPOSE_PRIOR_FYE = 1, /* value at the prior fiscal year end */
    PC_PURPOSE_FYE = 2,       /* value at the fiscal year end */
    PC_PURPOSE_VEST = 3,      /* value at the vesting date */
    /* modifications.csv (ASC 718-20-35-3): the value of the original terms
     * immediately before the modification, and of the modified terms, both
     * on its date; their difference is the incremental fair value. */
    PC_PURPOSE_BEFORE_MODIFICATION = 4,
    PC_PURPOSE_MODIFIED = 5
} pc_purpose;

typedef enum pc_method {
    PC_METHOD_SUPPLIED = 0,      /* fair_values.csv, or grant_fv_per_share */
    PC_METHOD_STOCK_PRICE = 1,   /* the closing price (possibly discounted for dividends) */
    PC_METHOD_BLACK_SCHOLES = 2, /* Black-Scholes-Merton */
    PC_METHOD_MONTE_CARLO = 3,   /* a market condition simulated (SPEC section 10) */
    PC_METHOD_MARKET_OUTCOME = 4 /* a market condition after its period: the payout known */
} pc_method;

#define PC_METHOD_COUNT 5

const char *pc_purpose_name(pc_purpose purpose); /* "grant", "prior_fye", "fye", "vest",
                                                    "before_modification", "modified" */
const char *pc_method_name(pc_method method);    /* "supplied", "stock_price", "black_scholes",
                                                    "monte_carlo", "market_outcome" */

/* What a market-condition valuation used, per company (the award's company
 * first, then the peers): owned by the report (pc_report.market_details). */
typedef struct pc_market_detail {
    size_t count;
    const char **tickers; /* borrowed from the dataset; owned array */
    double *volatilities; /* annualised */
    double *yields;       /* continuous dividend yields */
    double *correlations; /* count x count, row-major (as used, after any repair) */
    double *tsr_to_date;  /* fractions: TSR from the start window to the valuation date */
    double *tsr;          /* market_outcome: the TSR over the whole period */
} pc_market_detail;

/* What a valuation used and computed along the way (SPEC section 5). A
 * report holds one per valuation, so the struct is kept small: the narrow
 * fields come first with no padding between them, and the figures only one
 * kind of model computes share their storage (a valuation has one method;
 * writers read the Black-Scholes figures only for black_scholes, and
 * vest_time also for stock_price, the simulation's only for monte_carlo and
 * market_outcome). */
typedef struct pc_valuation_inputs {
    bool has_price;
    bool has_assumptions;
    bool has_outcome;
    pc_date price_date;      /* the trading day whose close was used */
    pc_date assumption_date; /* the assumptions.csv row used */
    pc_date outcome_date;    /* the outcomes.csv assessment used */
    int supplied_line;       /* fair_values.csv line, or 0 */
    int condition_line;      /* market_conditions.csv line (monte_carlo, market_outcome) */
    uint32_t detail;         /* 1 + index into pc_report.market_details, or 0 */
    int64_t price_micro;
    double volatility, rate, yield;
    double term;      /* T in years */
    const char *note; /* fair_values.csv note (borrowed), or NULL */
    union {
        /* black_scholes (vest_time also stock_price): */
        struct {
            double vest_time;   /* t_v in years, when used */
            double contractual; /* t_c in years, when used */
            double strike;
            double d1, d2, nd1, nd2;
        };
        /* monte_carlo and market_outcome (SPEC section 10): */
        struct {
            size_t paths;
            uint64_t seed;
            double standard_error;      /* of the value per target share, dollars */
            double ci95_low, ci95_high; /* per target share */
            double expected_payout;     /* fraction of target (the payout, for market_outcome) */
            double metric; /* market_outcome: the rank, TSR difference or TSR achieved */
        };
    };
} pc_valuation_inputs;

/* One tranche valued at one date (narrow fields first, as above). */
typedef struct pc_valuation {
    size_t tranche; /* index into dataset tranches */
    pc_date date;
    pc_purpose purpose;
    pc_method method;
    int year;             /* the fiscal year the value feeds */
    int line;             /* the pc_cap_line it feeds, or -1 for the SCT */
    bool per_share_exact; /* per_share_micro holds the exact decimal */
    double per_share;     /* per-share fair value (before the probable outcome) */
    int64_t per_share_micro;
    int64_t shares;
    int64_t probable_micro; /* PC_MICRO (100%) unless a performance award */
    int64_t value;          /* cents (R2) */
    pc_valuation_inputs inputs;
} pc_valuation;

typedef struct pc_tsr_point {
    int year;
    pc_date date; /* fiscal year end */
    pc_date price_date;
    int64_t price_micro;
    double units;  /* shares held, dividends reinvested */
    int64_t value; /* cents of the value of $100 (R6) */
} pc_tsr_point;

typedef struct pc_tsr {
    bool computed;
    pc_date base_date;
    int64_t base_price_micro;
    pc_tsr_point points[PC_MAX_YEARS];
    size_t npoints;
} pc_tsr;

/* A verify finding (SPEC section 8). */
typedef enum pc_check_severity { PC_CHECK_ERROR = 0, PC_CHECK_ROUNDING = 1 } pc_check_severity;

typedef struct pc_finding {
    char *check; /* "mismatch", "sct_does_not_foot", ... */
    pc_check_severity severity;
    pc_reported_table table;
    int year;
    char *subject;
    char *item;
    int64_t published_micro;
    int64_t expected_micro;
    int64_t difference_micro; /* published - expected */
    int decimals;             /* decimals to show */
    bool percent;             /* the figure is a percentage (printed with "%") */
    int line;                 /* reported.csv line */
    /* A check between two published cells (the PvP SCT total against the
     * SCT total, say) names the other one: same year, `other_table`,
     * `other_subject`, `other_item` (owned; NULL for other checks). */
    pc_reported_table other_table;
    char *other_subject;
    char *other_item;
    /* The other checks the same published cell failed for the same cause
     * (SPEC section 8: one published cell, one finding); owned names. */
    PC_ARRAY(char *) related;
    /* A figure read from Inline XBRL (verify --ixbrl, SPEC section 15): the
     * concept, context id and displayed text of its fact (owned; NULL for
     * figures from reported.csv). */
    char *concept;
    char *context;
    char *displayed;
    /* A word for the reader about how the figure was read or what its
     * difference suggests ("published in thousands?"); owned, NULL when
     * there is none. */
    char *note;
} pc_finding;

typedef struct pc_skipped {
    char *check;
    int year;
    char *subject;
    char *reason;
} pc_skipped;

typedef struct pc_checks {
    PC_ARRAY(pc_finding) findings;
    PC_ARRAY(pc_skipped) skipped;
    size_t checked; /* figures and relations checked */
    size_t errors;
    size_t rounding;
} pc_checks;

typedef struct pc_warning_entry {
    char *code;
    char *message;
    char *source; /* "cash.csv:12" or NULL */
} pc_warning_entry;

/* A tranche that compensation actually paid treats as vested because its
 * holder became eligible to retire with it (C&DI 128D.18, SPEC section 13). */
typedef struct pc_retirement_entry {
    size_t tranche;            /* index into dataset tranches */
    pc_date eligible_date;     /* the holder's retirement_eligible_date */
    pc_date treated_vested_on; /* the later of the grant date and eligible_date */
} pc_retirement_entry;

/* One option valued with the simplified expected term away from the money
 * (SPEC section 5), kept until the engine run ends so that the warning is
 * one per award naming every date (pc_engine_group_warnings). */
typedef struct pc_term_note {
    size_t tranche; /* index into dataset tranches */
    pc_date date;
    int64_t spot_micro; /* the stock price used */
} pc_term_note;

/* A correlation matrix repaired for one Monte Carlo valuation (SPEC
 * section 10), kept like the term notes so that the warning is one per
 * award naming every date (pc_engine_group_warnings). */
typedef struct pc_repair_note {
    size_t tranche; /* index into dataset tranches */
    pc_date date;   /* the valuation date */
    double change;  /* the largest change made to one correlation */
    int line;       /* the award's market_conditions.csv row */
} pc_repair_note;

/* Director Compensation columns, in table order (Item 402(k)(2); 402(r)(2)
 * for a smaller reporting company, whose column (f) holds NQDC earnings
 * only). */
typedef enum pc_dct_column {
    PC_DCT_FEES = 0, /* (b) fees earned or paid in cash */
    PC_DCT_STOCK_AWARDS,
    PC_DCT_OPTION_AWARDS,
    PC_DCT_NON_EQUITY_INCENTIVE,
    PC_DCT_PENSION_NQDC,
    PC_DCT_ALL_OTHER,
    PC_DCT_TOTAL,
    PC_DCT_NCOLUMNS
} pc_dct_column;

/* The JSON key (and reported.csv `dct` item) of a column ("fees"). */
const char *pc_dct_key(pc_dct_column column);

/* One non-employee director's row for the last covered fiscal year. */
typedef struct pc_director_row {
    size_t person;
    int year;
    const char *position;            /* borrowed from the dataset */
    int64_t column[PC_DCT_NCOLUMNS]; /* cents, whole dollars (R3, as the SCT) */
    /* The footnote of Instruction to Item 402(k)(2)(iii) and (iv): the
     * aggregate awards outstanding at the fiscal year end. */
    int64_t stock_outstanding;   /* stock shares not vested (service, performance or market) */
    int64_t options_outstanding; /* options and SARs not exercised, expired or forfeited */
    size_t first_grant, ngrants; /* pc_report.director_grants of the year */
} pc_director_row;

/* An award granted to a director in the year, with its grant-date fair value
 * (the exact sum of its tranche values, R2; the same engine as the SCT). */
typedef struct pc_director_grant {
    size_t award;  /* index into dataset awards */
    int64_t value; /* cents */
} pc_director_grant;

/* The incremental fair value of a modification (ASC 718-20-35-3): the
 * modified award's value on the modification date less the original's
 * immediately before, over the tranches it changed (pc_tranche_modified);
 * both from the valuations of that date (purposes before_modification and
 * modified). A decrease is no compensation: `incremental` is then 0 and the
 * SCT is unchanged. */
typedef struct pc_modification_result {
    size_t modification; /* index into the dataset's modifications */
    int year;            /* the fiscal year of the modification */
    int64_t before;      /* cents: the original terms just before */
    int64_t after;       /* cents: the modified terms */
    int64_t incremental; /* cents: after - before, at least 0 */
    bool in_sct;         /* reported in that year's SCT (the holder is a PEO or NEO then) */
} pc_modification_result;

/* A performance award at the highest level of performance (Instruction 3
 * to Item 402(c)(2)(v) and (vi)): the SCT reports the grant-date value at
 * the probable outcome and a footnote gives this one. The per-share values
 * are the grant-date valuations' own (before the probable outcome); the
 * highest level is awards.csv maximum_shares, or, without it, the target
 * (the larger of 100% and the probable outcome at the grant date). A
 * market-condition award's grant-date value already reflects every outcome
 * and has none (SCT-6). */
typedef struct pc_maximum_value {
    size_t award;           /* index into dataset awards (condition performance) */
    int year;               /* the fiscal year of the grant */
    bool from_maximum;      /* awards.csv maximum_shares gave the level, else the target */
    int64_t maximum_shares; /* the shares earned at that level */
    int64_t value;          /* cents: sum over tranches of shares at maximum x per share (R2) */
} pc_maximum_value;

typedef struct pc_report {
    PC_ARRAY(pc_rate_used) rates;
    /* By person (in order of first appearance in roles.csv, PEOs first),
     * then year ascending, as a proxy prints the SCT. */
    PC_ARRAY(pc_sct_row) sct;
    PC_ARRAY(pc_pvp_row) pvp; /* one per covered year, ascending */
    PC_ARRAY(pc_cap_row) cap; /* by year ascending: the year's PEOs, then NEOs, then the average */
    PC_ARRAY(pc_valuation) valuations;
    /* Where two kinds of valuation are in `valuations`, in the order they
     * were added (pc_report_add_valuation records them), so the steps after
     * the valuations find them without reading every valuation: the
     * grant-date valuations (purpose grant) and the payouts known once a
     * market condition's period has ended (method market_outcome). */
    PC_ARRAY(size_t) grant_valuations;
    PC_ARRAY(size_t) outcome_valuations;
    /* The fair_values.csv line of each valuation that used one
     * (inputs.supplied_line), in the order the valuations were added. */
    PC_ARRAY(int) supplied_lines;
    pc_equity_tables equity; /* SPEC section 12, for every SCT year */
    PC_ARRAY(pc_market_detail) market_details;
    pc_tsr tsr;
    PC_ARRAY(pc_warning_entry) warnings;
    /* Tranches CAP treats as vested on retirement eligibility (SPEC section
     * 13), in tranche order. */
    PC_ARRAY(pc_retirement_entry) retirement;
    PC_ARRAY(pc_term_note) term_notes;     /* emptied by pc_engine_group_warnings */
    PC_ARRAY(pc_repair_note) repair_notes; /* emptied by pc_engine_group_warnings */
    /* The Director Compensation table (Item 402(k)): one row per director
     * of the last covered year, in roles.csv order; empty without directors. */
    PC_ARRAY(pc_director_row) directors;
    PC_ARRAY(pc_director_grant) director_grants;
    /* modifications.csv, in its order: one per modification in or before
     * the covered years. */
    PC_ARRAY(pc_modification_result) modifications;
    /* The performance awards granted in a covered year to a PEO or NEO of
     * that year, at the highest level of performance, in awards.csv order. */
    PC_ARRAY(pc_maximum_value) maximum_values;
    bool has_checks;
    pc_checks checks;
} pc_report;

void pc_report_init(pc_report *report);
void pc_report_fini(pc_report *report);
void pc_checks_init(pc_checks *checks);
void pc_checks_fini(pc_checks *checks);
/* Frees what one finding owns. */
void pc_finding_fini(pc_finding *finding);

/* Adds a warning (printf-style message); `source` may be NULL. */
pc_status pc_report_warn(pc_report *report, const char *code, const char *source, const char *fmt,
                         ...) __attribute__((format(printf, 4, 5)));

/* Appends a copy of `v` to report->valuations and records it in the
 * report's indexes it belongs to (grant_valuations, outcome_valuations,
 * supplied_lines). PC_ERR_NOMEM when out of memory. */
pc_status pc_report_add_valuation(pc_report *report, const pc_valuation *v);

/* The SCT row of a person and year, or NULL. It scans the SCT: a caller
 * asking for many people or rows builds a pc_sct_index instead. */
const pc_sct_row *pc_report_sct(const pc_report *report, size_t person, int year);

/* The SCT row of each person and covered year, looked up in constant time
 * (rows[person * nyears + year index], -1 when there is none): asking
 * pc_report_sct once per role or per cash row would be quadratic. */
typedef struct pc_sct_index {
    long *rows;
    size_t npeople, nyears;
} pc_sct_index;

/* Builds the index of report->sct; the first row of a person and year wins,
 * as with pc_report_sct. PC_ERR_NOMEM when out of memory. */
pc_status pc_sct_index_build(pc_sct_index *index, const pc_dataset *ds, const pc_report *report);
/* The SCT row of a person and year, or NULL (also for a year that is not
 * covered or a person the dataset does not have). */
const pc_sct_row *pc_sct_index_find(const pc_sct_index *index, const pc_dataset *ds,
                                    const pc_report *report, size_t person, int year);
void pc_sct_index_fini(pc_sct_index *index);

/* A warning of the computation, in both places it belongs: the report's
 * `warnings` (with source "file:line" when line > 0) and the diagnostics.
 * `file` is an input file or PC_FILE_COUNT for none. */
pc_status pc_report_warn_at(pc_report *report, pc_diags *diags, const pc_dataset *ds, pc_file file,
                            int line, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Removes repeated warnings (same code, message and source), keeping the
 * first of each: a tranche valued twice on one date warns once. */
void pc_report_dedupe_warnings(pc_report *report);

/* The signed amount a valuation adds to the line it feeds (report.json
 * `contribution`, the Award Valuations sheet's Contribution column): its
 * value, negative for a value at the prior fiscal year end, which the CAP
 * lines take away. */
int64_t pc_valuation_contribution(const pc_valuation *v);
/* Whether its line takes the value away (a value at the prior year end). */
bool pc_valuation_deducted(const pc_valuation *v);

PC_API_END

#endif
