/*
 * `paycalc init DIR` (SPEC section 1): a new input set to start from
 * instead of a copy of the reference case. Every file of SPEC section 2
 * with its header and one example row, consistent with each other so that
 * `check` accepts the set and `run` computes it: one chief executive paid
 * in RMB, one performance-condition option whose grant-date value comes
 * from the model (assumptions.csv, outcomes.csv) and whose year-end value
 * is supplied (fair_values.csv), three closing prices (the TSR base date,
 * the grant date, the fiscal year end), restricted stock vesting by a
 * pattern (awards.csv `schedule`, SPEC section 13) with a departure after the
 * covered year in separations.csv, one relative-TSR award valued by Monte
 * Carlo (SPEC section 10) against two peers whose volatilities and
 * correlations are supplied (1,000 paths: fast, and enough to show the
 * method), and one published figure in reported.csv that agrees with the
 * computation. README.txt says what each file holds.
 *
 * The files are written into a private folder beside DIR, which is then
 * renamed into place (over DIR when DIR is an empty folder): a full disk or
 * an interruption leaves no half-written set, and init can simply be run
 * again. init never overwrites anything.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paycalc/output.h"
#include "paycalc/text.h"
#include "paycalc/write.h"

typedef struct starter_file {
    const char *name;
    const char *text;
    const char *more; /* the rest of the text, or NULL */
} starter_file;

static const starter_file files[] = {
    {"paycalc.json",
     "{\n"
     "  \"company\": {\"name\": \"Example Company, Inc.\", \"ticker\": \"EXMP\"},\n"
     "  \"fiscal_year_end\": \"12-31\",\n"
     "  \"years\": [2024],\n"
     "  \"smaller_reporting_company\": true,\n"
     "  \"fx_method\": \"annual_average\",\n"
     "  \"expected_term\": \"remaining_contractual\",\n"
     "  \"cap_decimals\": 2,\n"
     "  \"company_selected_measure\": null,\n"
     "  \"monte_carlo\": {\"paths\": 1000, \"seed\": 1, \"antithetic\": true}\n"
     "}\n",
     NULL},
    {"people.csv",
     "person_id,name,position,retirement_eligible_date\n"
     "ceo,Jane Example,Chief Executive Officer,\n",
     NULL},
    {"roles.csv",
     "year,person_id,role,position\n"
     "2024,ceo,PEO,\n",
     NULL},
    {"cash.csv",
     "person_id,year,component,amount,currency,pay_date\n"
     "ceo,2024,salary,\"1,200,000.00\",RMB,\n",
     NULL},
    {"fx.csv",
     "currency,period,per_usd\n"
     "CNY,2024,7.1876\n",
     NULL},
    {"awards.csv",
     "award_id,person_id,type,condition,grant_date,shares,exercise_price,"
     "expiration_date,grant_fv_per_share,dividend_rights,threshold_shares,"
     "maximum_shares,schedule,retirement_vesting\n"
     "opt-2024,ceo,option,performance,2024-03-01,10000,5.00,2034-02-28,,no,5000,"
     "15000,,\n"
     "rsu-2024,ceo,stock,service,2024-03-01,4000,,,5.00,yes,,,annual 4,no\n"
     "tsr-2024,ceo,stock,market,2024-03-01,4000,,,,no,,,,\n",
     NULL},
    {"vesting.csv",
     "award_id,tranche,vest_date,shares,status,status_date\n"
     "opt-2024,1,2024-09-03,5000,vested,\n"
     "opt-2024,2,2026-03-02,5000,unvested,\n"
     "tsr-2024,1,2027-02-26,4000,unvested,\n",
     NULL},
    {"exercises.csv",
     "award_id,date,shares\n"
     "opt-2024,2024-12-31,1000\n",
     NULL},
    {"separations.csv",
     "person_id,date,unvested,award_id,exercise_window\n"
     "ceo,2025-06-30,forfeit,,90d\n",
     NULL},
    {"modifications.csv",
     "award_id,date,exercise_price,vesting,shares\n"
     "rsu-2024,2025-06-30,,accelerate,\n",
     NULL},
    {"plan_targets.csv",
     "person_id,year,plan,threshold,target,maximum,currency,grant_date\n"
     "ceo,2024,Annual Incentive Plan,\"600,000.00\",\"1,200,000.00\",\"2,400,000.00\",RMB,"
     "2024-03-01\n",
     NULL},
    {"corporate_actions.csv",
     "date,ratio\n"
     "2021-06-01,2\n",
     NULL},
    {"prices.csv",
     "date,close,dividend\n"
     "2023-12-29,4.60,\n"
     "2024-03-01,5.00,\n"
     "2024-09-03,5.40,\n"
     "2024-12-31,5.80,\n",
     NULL},
    {"assumptions.csv",
     "date,volatility,risk_free_rate,dividend_yield,expected_term\n"
     "2024-03-01,55%,4.2%,0,\n",
     NULL},
    {"outcomes.csv",
     "award_id,tranche,date,probable\n"
     "opt-2024,,2024-03-01,100%\n",
     NULL},
    {"fair_values.csv",
     "award_id,tranche,date,fv_per_share,note\n"
     "opt-2024,,2024-12-31,3.10,Valuation firm's year-end report\n",
     NULL},
    {"performance.csv",
     "year,net_income\n"
     "2024,\"(1,250,000.00)\"\n",
     NULL},
    {"reported.csv",
     "table,year,subject,item,value\n"
     "sct,2024,ceo,salary,\"$166,954\"\n",
     NULL},
    {"market_conditions.csv",
     "award_id,metric,performance_start,performance_end,payout_curve,averaging_days,peer_set,"
     "negative_tsr_cap\n"
     "tsr-2024,relative_tsr,2024-03-01,2027-02-26,25:50%;50:100%;75:200%,1,example_peers,100%\n",
     NULL},
    {"peers.csv",
     "peer_set,ticker,market_cap\n"
     "example_peers,PEER1,\"2,500,000,000\"\n"
     "example_peers,PEER2,\"1,800,000,000\"\n",
     NULL},
    {"peer_prices.csv",
     "ticker,date,close,dividend\n"
     "PEER1,2023-12-29,31.20,\n"
     "PEER1,2024-03-01,32.05,\n"
     "PEER1,2024-12-31,30.40,0.25\n"
     "PEER2,2023-12-29,12.80,\n"
     "PEER2,2024-03-01,13.10,\n"
     "PEER2,2024-12-31,14.25,\n",
     NULL},
    {"market_assumptions.csv",
     "date,ticker,volatility,dividend_yield\n"
     "2024-03-01,EXMP,55%,0\n"
     "2024-03-01,PEER1,32%,1.5%\n"
     "2024-03-01,PEER2,41%,0\n",
     NULL},
    {"correlations.csv",
     "date,ticker_a,ticker_b,correlation\n"
     "2024-03-01,EXMP,PEER1,0.45\n"
     "2024-03-01,EXMP,PEER2,0.38\n"
     "2024-03-01,PEER1,PEER2,0.52\n",
     NULL},
    {"README.txt",
     "A paycalc input set. Replace the example rows with the company's own;\n"
     "`paycalc check DIR` lists every problem, `paycalc run DIR` writes the\n"
     "reports. The full description of every column is in paycalc's README.\n"
     "\n"
     "paycalc.json     the company, fiscal year end, covered years, smaller\n"
     "                 reporting company or not, exchange-rate and expected-term\n"
     "                 methods, CAP decimals, the company-selected measure\n"
     "people.csv       one row per person: person_id (the key every other file\n"
     "                 uses), name, position, the date the person may retire\n"
     "roles.csv        who is PEO, NEO (another named executive officer) or\n"
     "                 director (not an executive) in each covered year\n"
     "cash.csv         salary, bonus, fees (directors), non-equity incentive,\n"
     "                 pension and other pay, in the currency paid (RMB is CNY)\n"
     "fx.csv           units of each currency for one US dollar: a fiscal-year\n"
     "                 average (period YYYY) or daily rates (period YYYY-MM-DD)\n"
     "awards.csv       equity awards: options, SARs and stock, with a service,\n"
     "                 performance or market condition; a blank\n"
     "                 grant_fv_per_share is computed; threshold and maximum\n"
     "                 shares of performance and market awards; a schedule such\n"
     "                 as 'annual 4' or 'cliff 1y then monthly 36' gives the\n"
     "                 tranches instead of vesting.csv\n"
     "vesting.csv      the tranches of each award without a schedule: vest date,\n"
     "                 shares, status as of the last covered fiscal year end\n"
     "exercises.csv    options and SARs exercised: award, date, shares (never\n"
     "                 more than is vested and not yet exercised that day)\n"
     "separations.csv  departures: on the date, the unvested tranches of the\n"
     "                 person (or of one award) are forfeited, accelerated or\n"
     "                 continue on schedule; vested options expire when the\n"
     "                 exercise_window ends (the example's date is after the\n"
     "                 covered year, so it changes nothing yet)\n"
     "modifications.csv changes of an award's terms on a date: a new exercise\n"
     "                 price, new vesting dates ('accelerate': on the date) or\n"
     "                 new shares; the incremental fair value goes into the\n"
     "                 SCT (the example, the usual acceleration on retirement,\n"
     "                 is after the covered year, so it changes nothing yet)\n",
     /* ISO C guarantees string literals of 4,095 characters only: the rest
      * of the text follows. */
     "plan_targets.csv the threshold, target and maximum payouts of each\n"
     "                 non-equity incentive plan award granted in a year, in\n"
     "                 its currency, for Grants of Plan-Based Awards (not shown\n"
     "                 for a smaller reporting company, as here: delete it)\n"
     "corporate_actions.csv  stock splits: the date the shares first trade\n"
     "                 split and the ratio, new shares per old share (2, or\n"
     "                 3:2; 0.1 or 1:10 for a reverse split); prices, awards,\n"
     "                 exercises and fair values dated before it are restated\n"
     "                 (the example's split is before every row, so it changes\n"
     "                 nothing; delete the row when the company has not split)\n"
     "prices.csv       the company's closing price on trading days, with\n"
     "                 dividends on their ex-dates; the first row is the TSR\n"
     "                 base (the last trading day before the first covered year)\n"
     "assumptions.csv  volatility, risk-free rate, dividend yield (fractions or\n"
     "                 percentages) for option values computed by the model\n"
     "outcomes.csv     the probable outcome of performance-condition awards,\n"
     "                 as assessed on a date\n"
     "fair_values.csv  fair values per share from the company's valuation; they\n"
     "                 replace the model on exactly that date\n"
     "performance.csv  net income per year (and the company-selected measure and\n"
     "                 peer group TSR when not a smaller reporting company)\n"
     "reported.csv     the figures as the proxy prints them, for `paycalc verify`\n"
     "                 (optional: delete it until there is a proxy draft)\n"
     "\n"
     "Market-condition awards (relative TSR and the like), valued by Monte Carlo\n"
     "simulation; delete these files and the example award tsr-2024 when the\n"
     "company has none:\n"
     "\n"
     "market_conditions.csv   each market-condition award's metric (relative_tsr,\n"
     "                 index_tsr, absolute_tsr or price_hurdle), performance\n"
     "                 period, payout curve (x:payout points), averaging days,\n"
     "                 peer set and the cap on the payout when TSR is negative\n"
     "peers.csv        the members of each named peer set, with their market\n"
     "                 capitalisation in USD (weights for the peer group TSR)\n"
     "peer_prices.csv  the peers' closing prices and dividends, like prices.csv\n"
     "                 (the company's own are in prices.csv)\n"
     "market_assumptions.csv  volatility and dividend yield per ticker and date\n"
     "                 (optional: otherwise estimated from the prices)\n"
     "correlations.csv the correlation of each pair of tickers on a date\n"
     "                 (optional: otherwise estimated from the prices)\n"
     "\n"
     "paycalc.json's monte_carlo sets the number of paths (1,000 here to stay\n"
     "fast; the default 100,000 gives a smaller standard error) and the seed.\n"},
};

/* The folder exists and holds something: init refuses it. */
static bool holds_files(const char *dir, bool *exists)
{
    *exists = false;
    DIR *d = opendir(dir);
    if (!d)
        return false;
    *exists = true;
    struct dirent *e;
    bool any = false;
    while (!any && (e = readdir(d)) != NULL)
        any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return any;
}

/* Removes the private folder and everything in it (the files written so
 * far and the atomic writer's lock file): it is init's own. */
static void remove_private(const char *tmp)
{
    DIR *d = opendir(tmp);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *path = pc_text_format("%s/%s", tmp, e->d_name);
            if (path)
                unlink(path);
            free(path);
        }
        closedir(d);
    }
    rmdir(tmp);
}

pc_status pc_write_starter(const char *dir, pc_diags *diags)
{
    if (!dir || !diags)
        return PC_ERR_USAGE;
    if (!dir[0]) {
        pc_error(diags, dir, 0, 0, "write_failed", "the folder name is empty");
        return PC_ERR_USAGE;
    }
    bool exists;
    if (holds_files(dir, &exists)) {
        pc_error(diags, dir, 0, 0, "not_empty",
                 "the folder already holds files; init writes a new input set only into a new "
                 "or empty folder, so nothing was written");
        return PC_ERR_WRITE;
    }
    /* The private folder: ".<name>.init-XXXXXX" in the same parent, so the
     * final rename stays within one file system. */
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    size_t base = len;
    while (base > 0 && dir[base - 1] != '/')
        base--;
    char *tmp =
        pc_text_format("%.*s.%.*s.init-XXXXXX", (int)base, dir, (int)(len - base), dir + base);
    char *target = pc_text_format("%.*s", (int)len, dir);
    if (!tmp || !target) {
        free(tmp);
        free(target);
        return PC_ERR_NOMEM;
    }
    pc_status st = PC_OK;
    bool made = mkdtemp(tmp) != NULL;
    if (!made) {
        pc_error(diags, dir, 0, 0, "write_failed", "cannot create the folder: %s", strerror(errno));
        st = PC_ERR_WRITE;
    }
    for (size_t i = 0; st == PC_OK && i < sizeof files / sizeof files[0]; i++) {
        char *path = pc_text_format("%s/%s", tmp, files[i].name);
        if (!path) {
            st = PC_ERR_NOMEM;
            break;
        }
        char *text = pc_text_format("%s%s", files[i].text, files[i].more ? files[i].more : "");
        if (!text) {
            free(path);
            st = PC_ERR_NOMEM;
            break;
        }
        st = pc_write_file_atomic(path, text, strlen(text), diags);
        free(text);
        free(path);
    }
    if (st == PC_OK) {
        /* Each file was written under the atomic writer's folder lock; the
         * private folder is init's alone, so its lock file can go before the
         * set is renamed into place, leaving only the set's own files. */
        char *lock = pc_text_format("%s/%s", tmp, PC_OUTPUT_LOCK_NAME);
        if (!lock)
            st = PC_ERR_NOMEM;
        else if (unlink(lock) != 0 && errno != ENOENT) {
            pc_error(diags, dir, 0, 0, "write_failed", "cannot create the folder: %s",
                     strerror(errno));
            st = PC_ERR_WRITE;
        }
        free(lock);
    }
    if (st == PC_OK) {
        /* mkdtemp made it private (0700); the set gets a new folder's mode. */
        mode_t mask = umask(0);
        umask(mask);
        if (chmod(tmp, 0777 & ~mask) != 0 || rename(tmp, target) != 0) {
            pc_error(diags, dir, 0, 0, "write_failed", "cannot create the folder: %s",
                     strerror(errno));
            st = PC_ERR_WRITE;
        }
    }
    if (st != PC_OK && made)
        remove_private(tmp);
    free(tmp);
    free(target);
    return st;
}
