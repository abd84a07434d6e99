/*
 * The fair value of one tranche at one date (SPEC section 5) and its amount
 * in cents (R2).
 *
 * The rules are tried in a fixed order: the award's grant_fv_per_share for
 * the grant-date value; a value supplied in fair_values.csv for exactly that
 * date; for a market-condition award the Monte Carlo valuation of its
 * market_conditions.csv row (mc_value.c, SPEC section 10), or an error;
 * the closing price for stock (discounted for dividends the holder does not
 * receive); Black-Scholes-Merton for options and SARs. A performance-
 * condition award is then taken at its probable outcome at the date.
 *
 * Every valuation records what it used (price and its date, the assumptions
 * row, T and its parts, d1, d2, the outcome row, the supplied row), so that a
 * reader of the report can redo the figure by hand. Missing market data is
 * an error in the diagnostics that points at the tranche's vesting.csv line
 * and says which value needed it.
 */
#include "paycalc/ledger.h"
#include "paycalc/mc_value.h"
#include "paycalc/value.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"

__extension__ typedef __int128 i128;

/* What the helpers below share about the valuation under way. */
typedef struct job {
    const pc_dataset *ds;
    const pc_tranche *tranche;
    const pc_award *award;
    pc_date date;
    pc_purpose purpose;
    pc_diags *diags;
    /* The date whose terms apply (modifications.csv): the valuation date,
     * or the day before a modification for the original award's value
     * immediately before it (ASC 718-20-35-3). */
    pc_date terms_date;
    int64_t strike_micro; /* the exercise price in force on terms_date */
} job;

/* The value a purpose stands for, in plain words, for messages. */
static const char *purpose_words(pc_purpose purpose)
{
    switch (purpose) {
    case PC_PURPOSE_GRANT:
        return "the grant-date value on";
    case PC_PURPOSE_PRIOR_FYE:
        return "the value at the prior fiscal year end";
    case PC_PURPOSE_FYE:
        return "the value at the fiscal year end";
    case PC_PURPOSE_VEST:
        return "the value at vesting on";
    case PC_PURPOSE_BEFORE_MODIFICATION:
        return "the value just before the modification on";
    case PC_PURPOSE_MODIFIED:
        return "the value of the modified terms on";
    }
    assert(!"a valuation purpose"); /* every enumerator has its case */
    return "the value on";
}

/* The cell a tranche's problems point at: its vesting.csv vest_date (the
 * tranche's row is what asks for a value on that date), or, for a tranche
 * laid out from a pattern, the award's awards.csv schedule (SPEC section
 * 13). */
static pc_file tranche_file(const pc_tranche *t)
{
    return t->scheduled ? PC_FILE_AWARDS : PC_FILE_VESTING;
}

static int tranche_column(const pc_dataset *ds, const pc_tranche *t)
{
    int column = t->scheduled ? pc_dataset_column(ds, PC_FILE_AWARDS, "schedule")
                              : pc_dataset_column(ds, PC_FILE_VESTING, "vest_date");
    return column > 0 ? column : 1;
}

/* Records an error about the tranche: "award A tranche N: <what>, needed for
 * the value at the fiscal year end 2021-12-31". Returns `status`, or
 * PC_ERR_NOMEM when the message could not be kept. */
static pc_status __attribute__((format(printf, 4, 5)))
fail(const job *j, pc_status status, const char *code, const char *fmt, ...)
{
    char day[11];
    va_list ap;
    va_start(ap, fmt);
    char *what = pc_text_vformat(fmt, ap);
    va_end(ap);
    if (!what)
        return PC_ERR_NOMEM;
    pc_status st =
        pc_error(j->diags, pc_dataset_path(j->ds, tranche_file(j->tranche)), j->tranche->line,
                 tranche_column(j->ds, j->tranche), code,
                 "award %s tranche %d: %s, needed for %s %s", j->award->id, j->tranche->number,
                 what, purpose_words(j->purpose), pc_date_format(j->date, day));
    free(what);
    return st == PC_OK ? status : st;
}

static pc_status need_price(const job *j, const pc_price **out)
{
    *out = pc_market_price_at(j->ds, j->date);
    if (*out)
        return PC_OK;
    char day[11];
    pc_date_format(j->date, day);
    return fail(j, PC_ERR_MISSING, "missing_price",
                "no closing price on %s or in the %d days before it (prices.csv)", day,
                PC_STALE_DAYS);
}

static pc_status need_assumptions(const job *j, const char *why, const pc_assumption **out)
{
    *out = pc_market_assumptions_at(j->ds, j->date);
    if (*out)
        return PC_OK;
    char day[11];
    pc_date_format(j->date, day);
    return fail(j, PC_ERR_MISSING, "missing_assumptions",
                "no valuation assumptions dated on or before %s (assumptions.csv) for %s", day,
                why);
}

static void use_price(pc_valuation_inputs *in, const pc_price *p)
{
    in->has_price = true;
    in->price_date = p->date;
    in->price_micro = p->close_micro;
}

static void use_assumptions(pc_valuation_inputs *in, const pc_assumption *a)
{
    in->has_assumptions = true;
    in->assumption_date = a->date;
    in->volatility = pc_micro_to_double(a->volatility_micro);
    in->rate = pc_micro_to_double(a->rate_micro);
    in->yield = pc_micro_to_double(a->yield_micro);
}

/* Years from the valuation date to `later`, 0 once it has passed (SPEC
 * section 5: years of 365 days). */
static double years_until(pc_date date, pc_date later)
{
    return later > date ? pc_years_between(date, later) : 0.0;
}

/* Whether S lies outside 90%-110% of K, in exact micros. */
static bool away_from_the_money(int64_t spot_micro, int64_t strike_micro)
{
    i128 s10 = (i128)spot_micro * 10;
    return s10 < (i128)strike_micro * 9 || s10 > (i128)strike_micro * 11;
}

/* Stock: the closing price at the date. A holder without dividend rights does
 * not receive the dividends paid before vesting, so the share is worth the
 * price less their present value, price x exp(-q t_v) with the continuous
 * yield q at the date (SPEC section 5). */
/* The date a tranche vests for t_v: the date it actually vested when it has
 * (an accelerated vesting on a departure, say, or a `continue` separation,
 * which CAP takes as vesting: SPEC section 13), else its scheduled date. */
static pc_date vest_date_of(const job *j)
{
    const pc_tranche *t = j->tranche;
    /* The original award just before a modification of its vesting vests
     * on its original schedule (ASC 718-20-35-3). */
    if (j->purpose == PC_PURPOSE_BEFORE_MODIFICATION && t->vest_modified)
        return t->original_vest_date;
    pc_date v = pc_tranche_cap_vested_on(t);
    return v != PC_DATE_NONE ? v : t->vest_date;
}

static pc_status value_stock(const job *j, pc_valuation *out)
{
    const pc_price *price;
    pc_status st = need_price(j, &price);
    if (st != PC_OK)
        return st;
    use_price(&out->inputs, price);
    out->method = PC_METHOD_STOCK_PRICE;
    out->per_share_exact = true;
    out->per_share_micro = price->close_micro;
    out->per_share = pc_micro_to_double(price->close_micro);

    double t_v = years_until(j->date, vest_date_of(j));
    /* On or after the vest date nothing is left to discount, and the yield
     * is not needed at all. */
    if (j->award->dividend_rights || t_v == 0)
        return PC_OK;

    const pc_assumption *a;
    st = need_assumptions(j, "the dividend yield (the award has no dividend rights)", &a);
    if (st != PC_OK)
        return st;
    use_assumptions(&out->inputs, a);
    if (a->yield_micro <= 0)
        return PC_OK; /* the price as it is, still exact */
    out->inputs.vest_time = t_v;
    out->per_share_exact = false;
    out->per_share_micro = 0;
    out->per_share = out->per_share * exp(-out->inputs.yield * t_v);
    return PC_OK;
}

/* The warning of SPEC section 5: the simplified expected term assumes a
 * "plain vanilla" option granted at the money; SEC staff guidance (Regulation
 * S-K C&DI 128D.21) says it does not suit an option re-measured when it is no
 * longer at the money. The message leaves out the purpose so the same tranche
 * and date give the same text whatever value asked for it. */
static pc_status warn_simplified(const job *j, int64_t spot_micro, int64_t strike_micro,
                                 pc_report *report)
{
    /* In a run, one warning per award naming every date (SPEC section 1):
     * noted here, written when the run ends. */
    if (report) {
        pc_term_note *note = PC_ARRAY_PUSH(&report->term_notes);
        if (!note)
            return PC_ERR_NOMEM;
        *note = (pc_term_note){(size_t)(j->tranche - j->ds->tranches.items), j->date, spot_micro};
        return PC_OK;
    }
    char day[11], spot[40], strike[40], text[640];
    snprintf(text, sizeof text,
             "award %s tranche %d: the simplified expected term is used on %s for an option "
             "that is not at the money (stock price %s, outside 90%%-110%% of the exercise "
             "price %s); SEC staff guidance (Regulation S-K C&DI 128D.21) says the simplified "
             "method does not suit such an option: give an expected_term in assumptions.csv or "
             "a fair value in fair_values.csv",
             j->award->id, j->tranche->number, pc_date_format(j->date, day),
             pc_micro_format(spot_micro, 2, spot, sizeof spot),
             pc_micro_format(strike_micro, 2, strike, sizeof strike));
    return pc_warning(j->diags, pc_dataset_path(j->ds, tranche_file(j->tranche)), j->tranche->line,
                      tranche_column(j->ds, j->tranche), "simplified_term_not_at_the_money", "%s",
                      text);
}

/* Options and SARs: Black-Scholes-Merton (SPEC section 5). A SAR settled in
 * shares or cash pays the same spread as an option, so it is valued the same
 * way. */
static pc_status value_option(const job *j, pc_valuation *out, pc_report *report)
{
    const pc_award *aw = j->award;
    if (aw->expiration_date == PC_DATE_NONE) {
        int column = pc_dataset_column(j->ds, PC_FILE_AWARDS, "expiration_date");
        pc_status st = pc_error(j->diags, pc_dataset_path(j->ds, PC_FILE_AWARDS), aw->line,
                                column > 0 ? column : 1, "missing_expiration_date",
                                "expiration_date: award %s is an option or SAR and needs an "
                                "expiration date to be valued",
                                aw->id);
        return st == PC_OK ? PC_ERR_MISSING : st;
    }

    const pc_price *price;
    const pc_assumption *a;
    pc_status st = need_price(j, &price);
    if (st != PC_OK)
        return st;
    st = need_assumptions(j, "the option model", &a);
    if (st != PC_OK)
        return st;

    pc_valuation_inputs *in = &out->inputs;
    use_price(in, price);
    use_assumptions(in, a);
    in->strike = pc_micro_to_double(j->strike_micro);
    in->contractual = years_until(j->date, aw->expiration_date);

    /* T: the configured method, unless the assumptions row used gives an
     * expected term; never beyond the remaining contractual term, since the
     * option cannot be held longer than that. */
    bool simplified = false;
    double term;
    if (a->has_term) {
        term = pc_micro_to_double(a->term_micro);
    } else if (j->ds->config.expected_term == PC_TERM_SIMPLIFIED) {
        simplified = true;
        in->vest_time = years_until(j->date, vest_date_of(j));
        term = (in->vest_time + in->contractual) / 2;
    } else {
        term = in->contractual;
    }
    if (term > in->contractual)
        term = in->contractual;
    if (term < 0)
        term = 0;
    in->term = term;

    pc_bsm_inputs model = {.spot = pc_micro_to_double(price->close_micro),
                           .strike = in->strike,
                           .volatility = in->volatility,
                           .rate = in->rate,
                           .yield = in->yield,
                           .term = term};
    pc_bsm_result res = pc_bsm_call(&model);
    in->d1 = res.d1;
    in->d2 = res.d2;
    in->nd1 = res.nd1;
    in->nd2 = res.nd2;
    out->method = PC_METHOD_BLACK_SCHOLES;
    out->per_share = res.value;
    out->per_share_exact = false;

    if (simplified && away_from_the_money(price->close_micro, j->strike_micro))
        return warn_simplified(j, price->close_micro, j->strike_micro, report);
    return PC_OK;
}

/* The per-share value before the probable outcome, by the rules in order. */
static pc_status value_per_share(const job *j, pc_valuation *out, pc_report *report)
{
    /* The company's ASC 718 grant-date value is the SCT figure as it is. */
    if (j->purpose == PC_PURPOSE_GRANT && j->award->has_grant_fv) {
        out->method = PC_METHOD_SUPPLIED;
        out->per_share_exact = true;
        out->per_share_micro = j->award->grant_fv_micro;
        out->per_share = pc_micro_to_double(j->award->grant_fv_micro);
        out->inputs.note = "grant_fv_per_share in awards.csv";
        return PC_OK;
    }

    const pc_supplied_fv *fv = pc_market_supplied_at(j->ds, out->tranche, j->date);
    if (fv) {
        out->method = PC_METHOD_SUPPLIED;
        out->per_share_exact = true;
        out->per_share_micro = fv->fv_micro;
        out->per_share = pc_micro_to_double(fv->fv_micro);
        out->inputs.supplied_line = fv->line;
        out->inputs.note = fv->note;
        return PC_OK;
    }

    /* SPEC section 10: a market condition is simulated (or, after its
     * period, read from the prices) when market_conditions.csv has it. */
    if (j->award->condition == PC_CONDITION_MARKET) {
        const pc_market_condition *mc = pc_mc_condition_of(j->ds, j->tranche->award);
        if (mc)
            return pc_mc_value_tranche(j->ds, mc, out->tranche, j->date, out, report, j->diags);
        char day[11];
        return fail(j, PC_ERR_MISSING, "missing_fair_value",
                    "a market-condition award needs its condition in market_conditions.csv or a "
                    "supplied fair value on %s (fair_values.csv)",
                    pc_date_format(j->date, day));
    }

    switch (j->award->type) {
    case PC_AWARD_STOCK:
        return value_stock(j, out);
    case PC_AWARD_OPTION:
    case PC_AWARD_SAR:
        return value_option(j, out, report);
    }
    return PC_ERR_USAGE;
}

/* A model value that is not a number at all (an infinite or undefined
 * Black-Scholes value) comes from the assumptions it used, not from the
 * tranche (a finite value too large to hold is the shares' doing): the error names the
 * assumptions.csv row and the column of its most extreme value, the one most likely mistyped. */
static pc_status absurd_assumptions(const job *j, const pc_valuation *out, pc_status status)
{
    const pc_assumption *a = pc_market_assumptions_at(j->ds, out->inputs.assumption_date);
    if (!a)
        return status;
    double vol = fabs(out->inputs.volatility), rate = fabs(out->inputs.rate),
           yield = fabs(out->inputs.yield);
    const char *column = rate >= vol && rate >= yield ? "risk_free_rate"
                         : yield >= vol               ? "dividend_yield"
                                                      : "volatility";
    char day[11], on[11];
    pc_status st = pc_error(
        j->diags, pc_dataset_path(j->ds, PC_FILE_ASSUMPTIONS), a->line,
        pc_dataset_column(j->ds, PC_FILE_ASSUMPTIONS, column), "absurd_assumptions",
        "%s: the assumptions of %s (volatility %.6g, risk-free rate %.6g, dividend yield %.6g) "
        "give award %s tranche %d no fair value in dollars and cents on %s: check these values",
        column, pc_date_format(a->date, day), out->inputs.volatility, out->inputs.rate,
        out->inputs.yield, j->award->id, j->tranche->number, pc_date_format(j->date, on));
    return st == PC_OK ? status : st;
}

/* R2: shares x per-share value x probable outcome, rounded to the cent;
 * exact when the per-share value is an exact decimal, otherwise in double
 * precision from the unrounded model value. */
static pc_status tranche_amount(const job *j, pc_valuation *out)
{
    pc_status st;
    if (out->per_share_exact) {
        st = pc_tranche_value_exact(out->shares, out->per_share_micro, out->probable_micro,
                                    &out->value);
    } else {
        double dollars =
            (double)out->shares * out->per_share * pc_micro_to_double(out->probable_micro);
        st = pc_money_from_double(dollars, &out->value);
    }
    if (st == PC_OK)
        return PC_OK;
    if (!out->per_share_exact && out->inputs.has_assumptions && !isfinite(out->per_share))
        return absurd_assumptions(j, out, st);
    char per_share[64];
    snprintf(per_share, sizeof per_share, "%.10g", out->per_share);
    return fail(j, st, "value_out_of_range",
                "%lld shares at a fair value of %s per share do not give an amount in dollars "
                "and cents that can be held exactly",
                (long long)out->shares, per_share);
}

int pc_valuation_memo_compare(const void *a, const void *b)
{
    const pc_valuation *x = a, *y = b;
    if (x->tranche != y->tranche)
        return x->tranche < y->tranche ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->purpose > y->purpose) - (x->purpose < y->purpose);
}

pc_status pc_value_tranche(const pc_dataset *ds, size_t tranche, pc_date date, pc_purpose purpose,
                           pc_valuation *out, pc_report *report, pc_diags *diags)
{
    /* Every field but year and line, which belong to the caller, on every
     * path. */
    out->tranche = tranche;
    out->date = date;
    out->purpose = purpose;
    out->method = PC_METHOD_SUPPLIED;
    out->per_share = 0;
    out->per_share_exact = false;
    out->per_share_micro = 0;
    out->shares = 0;
    out->probable_micro = PC_MICRO;
    out->value = 0;
    memset(&out->inputs, 0, sizeof out->inputs);
    out->inputs.note = NULL;
    if (!ds->indexed || tranche >= ds->tranches.count ||
        ds->tranches.items[tranche].award >= ds->awards.count)
        return PC_ERR_USAGE;

    if (ds->memo && date < ds->memo->before) {
        pc_valuation key = {.tranche = tranche, .date = date, .purpose = purpose};
        const pc_valuation *known =
            bsearch(&key, ds->memo->items, ds->memo->count, sizeof key, pc_valuation_memo_compare);
        if (known) {
            *out = *known;
            return PC_OK;
        }
    }

    job j = {ds, &ds->tranches.items[tranche], NULL, date, purpose, diags, date, 0};
    j.award = &ds->awards.items[j.tranche->award];
    if (purpose == PC_PURPOSE_BEFORE_MODIFICATION)
        j.terms_date = date - 1;
    j.strike_micro = pc_award_exercise_price_at(ds, j.award, j.terms_date);
    out->shares = pc_tranche_shares_at(ds, j.tranche, j.terms_date);

    pc_status st = value_per_share(&j, out, report);
    if (st != PC_OK)
        return st;

    /* Performance conditions: the probable outcome at the date (ASC 718's
     * probable-outcome measure, SPEC section 5), on top of any method. */
    if (j.award->condition == PC_CONDITION_PERFORMANCE) {
        const pc_outcome *o = pc_market_outcome_at(ds, tranche, date);
        if (!o) {
            char day[11];
            return fail(&j, PC_ERR_MISSING, "missing_outcome",
                        "no probable outcome assessed on or before %s (outcomes.csv)",
                        pc_date_format(date, day));
        }
        out->probable_micro = o->probable_micro;
        out->inputs.has_outcome = true;
        out->inputs.outcome_date = o->date;
    }
    return tranche_amount(&j, out);
}
