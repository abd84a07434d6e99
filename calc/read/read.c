/*
 * Reading an input set (SPEC section 2) into a pc_dataset: the order of the
 * files, the columns each must have, the files one file makes necessary, and
 * the checks that span files. Each file's rows are read by its reader
 * (read_people.c, read_cash.c, read_awards.c, read_market.c, read_mc.c,
 * read_reported.c) over the cell helpers of read_cells.c; the CSV and JSON
 * mechanics are in read_csv.c and read_config.c.
 *
 * Every problem is reported with file, line, column (the 1-based position of
 * the value in its row) and the value, and reading goes on, so that
 * `paycalc check` lists them all. Lookups go through the dataset's sorted
 * indexes (pc_dataset_index) and duplicates are found by sorting keys, so a
 * file of a million rows reads in linear-logarithmic time.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "paycalc/read.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "paycalc/text.h"
#include "read_set.h"

/* The columns of each CSV file, in the order of its reader's enum. */
static const pc_read_column vesting_columns[] = {{"award_id", true},  {"tranche", true},
                                                 {"vest_date", true}, {"shares", true},
                                                 {"status", true},    {"status_date", false}};
static const pc_read_column awards_columns[] = {
    {"award_id", true},         {"person_id", true},          {"type", true},
    {"condition", true},        {"grant_date", true},         {"shares", true},
    {"exercise_price", false},  {"expiration_date", false},   {"grant_fv_per_share", false},
    {"dividend_rights", false}, {"threshold_shares", false},  {"maximum_shares", false},
    {"schedule", false},        {"retirement_vesting", false}};
static const pc_read_column exercises_columns[] = {
    {"award_id", true}, {"date", true}, {"shares", true}};
static const pc_read_column separations_columns[] = {{"person_id", true},
                                                     {"date", true},
                                                     {"unvested", true},
                                                     {"award_id", false},
                                                     {"exercise_window", false}};
static const pc_read_column corporate_actions_columns[] = {{"date", true}, {"ratio", true}};
static const pc_read_column modifications_columns[] = {{"award_id", true},
                                                       {"date", true},
                                                       {"exercise_price", false},
                                                       {"vesting", false},
                                                       {"shares", false}};
static const pc_read_column plan_targets_columns[] = {
    {"person_id", true}, {"year", true},     {"plan", true},     {"threshold", false},
    {"target", true},    {"maximum", false}, {"currency", true}, {"grant_date", false}};
static const pc_read_column fx_columns[] = {
    {"currency", true}, {"period", true}, {"per_usd", true}};
static const pc_read_column cash_columns[] = {{"person_id", true}, {"year", true},
                                              {"component", true}, {"amount", true},
                                              {"currency", true},  {"pay_date", false}};
static const pc_read_column performance_columns[] = {{"year", true},
                                                     {"net_income", true},
                                                     {"company_selected_measure", false},
                                                     {"peer_group_tsr", false}};
static const pc_read_column fair_values_columns[] = {
    {"award_id", true}, {"tranche", true}, {"date", true}, {"fv_per_share", true}, {"note", false}};
static const pc_read_column outcomes_columns[] = {
    {"award_id", true}, {"tranche", true}, {"date", true}, {"probable", true}};
static const pc_read_column assumptions_columns[] = {{"date", true},
                                                     {"volatility", true},
                                                     {"risk_free_rate", true},
                                                     {"dividend_yield", true},
                                                     {"expected_term", false}};
static const pc_read_column prices_columns[] = {
    {"date", true}, {"close", true}, {"dividend", false}};
static const pc_read_column roles_columns[] = {
    {"year", true}, {"person_id", true}, {"role", true}, {"position", false}};
static const pc_read_column people_columns[] = {
    {"person_id", true}, {"name", true}, {"position", true}, {"retirement_eligible_date", false}};
static const pc_read_column market_conditions_columns[] = {
    {"award_id", true},        {"metric", true},           {"performance_start", true},
    {"performance_end", true}, {"payout_curve", true},     {"averaging_days", false},
    {"peer_set", false},       {"negative_tsr_cap", false}};
static const pc_read_column peers_columns[] = {
    {"peer_set", true}, {"ticker", true}, {"market_cap", false}};
static const pc_read_column market_assumptions_columns[] = {
    {"date", true}, {"ticker", true}, {"volatility", true}, {"dividend_yield", true}};
static const pc_read_column correlations_columns[] = {
    {"date", true}, {"ticker_a", true}, {"ticker_b", true}, {"correlation", true}};
static const pc_read_column peer_prices_columns[] = {
    {"ticker", true}, {"date", true}, {"close", true}, {"dividend", false}};
static const pc_read_column reported_columns[] = {
    {"table", true}, {"year", true}, {"subject", true}, {"item", true}, {"value", true}};

/* ---- the input set ------------------------------------------------------------ */

typedef struct file_spec {
    pc_file file;
    const pc_read_column *columns;
    int ncolumns;
    pc_read_row_fn row;
    bool required;
    const char *purpose; /* for the missing-file message */
} file_spec;

#define COLUMNS(a) a, (int)(sizeof a / sizeof a[0])

/* Reads one CSV file of the set. */
static pc_read_open read_file(reader *r, const file_spec *spec)
{
    if (pc_read_halted(&r->rd))
        return PC_READ_FAILED;
    r->file = spec->file;
    r->columns = spec->columns;
    pc_file_columns *out = &r->ds->files[spec->file];
    bool lost = false;
    pc_read_open opened =
        pc_read_csv(&r->rd, out->path, spec->columns, spec->ncolumns, out, spec->row, r, &lost);
    /* Rows lost (malformed quoting, a missing column): references to what
     * they held would only repeat that error, file after file. */
    if (lost && spec->file == PC_FILE_PEOPLE)
        r->people_failed = true;
    if (lost && spec->file == PC_FILE_AWARDS)
        r->awards_failed = true;
    if (lost && spec->file == PC_FILE_ROLES)
        r->roles_failed = true;
    if (opened == PC_READ_ABSENT && spec->required)
        pc_read_error(&r->rd, out->path, 0, 0, "missing_file", "required file missing: %s",
                      spec->purpose);
    return opened;
}

static bool index_dataset(reader *r)
{
    /* After a failed allocation some ids may be missing: nothing to index. */
    if (r->rd.nomem)
        return false;
    if (pc_dataset_index(r->ds) != PC_OK) {
        r->rd.nomem = true;
        return false;
    }
    return true;
}

/* The name the root folder goes by: it has no name of its own, and "/"
 * (or "." run there) would put the reports into reports/ itself. */
#define ROOT_FOLDER_NAME "root"

/* The folder's last path component, without trailing slashes ("inputs/x/"
 * is "x"); "." and ".." are resolved to the folder they stand for; the root
 * folder is ROOT_FOLDER_NAME. */
static char *folder_name(const char *dir)
{
    size_t end = strlen(dir);
    while (end > 1 && dir[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && dir[start - 1] != '/')
        start--;
    size_t n = end - start;
    if ((n == 1 && dir[start] == '.') || (n == 2 && dir[start] == '.' && dir[start + 1] == '.')) {
        char *resolved = realpath(dir, NULL);
        if (resolved) {
            char *name = folder_name(resolved);
            free(resolved);
            return name;
        }
    }
    if (n == 0) /* "/" */
        return pc_strdup(ROOT_FOLDER_NAME);
    char *name = malloc(n + 1);
    if (name) {
        memcpy(name, dir + start, n);
        name[n] = '\0';
    }
    return name;
}

static bool set_paths(pc_dataset *ds, const char *dir)
{
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        const char *name = pc_file_name((pc_file)f);
        size_t n = len + 1 + strlen(name) + 1;
        char *path = malloc(n);
        if (!path)
            return false;
        if (len == 1 && dir[0] == '/')
            snprintf(path, n, "/%s", name);
        else
            snprintf(path, n, "%.*s/%s", (int)len, dir, name);
        free(ds->files[f].path);
        ds->files[f].path = path;
    }
    return true;
}

static pc_status finish(reader *r)
{
    free(r->award_unsure.items);
    free(r->performance_award);
    pc_read_fini(&r->rd);
    if (!r->rd.nomem && pc_dataset_index(r->ds) != PC_OK)
        r->rd.nomem = true;
    if (r->rd.nomem)
        return PC_ERR_NOMEM;
    return r->rd.diags->errors > r->rd.base_errors ? PC_ERR_INPUT : PC_OK;
}

/* The inputs of market-condition awards (SPEC sections 10 and 11). */
static void read_market_condition_files(reader *r)
{
    const file_spec peers = {PC_FILE_PEERS, COLUMNS(peers_columns), pc_read_peers_row, false, ""};
    const file_spec peer_prices = {PC_FILE_PEER_PRICES, COLUMNS(peer_prices_columns),
                                   pc_read_peer_prices_row, false, ""};
    const file_spec conditions = {PC_FILE_MARKET_CONDITIONS, COLUMNS(market_conditions_columns),
                                  pc_read_market_conditions_row, false, ""};
    if (read_file(r, &peers) == PC_READ_READ)
        pc_read_check_peers(r);
    if (read_file(r, &peer_prices) == PC_READ_READ)
        pc_read_check_peer_prices(r);
    if (!r->awards_failed && read_file(r, &conditions) == PC_READ_READ)
        pc_read_check_market_conditions(r);
    const file_spec assumptions = {PC_FILE_MARKET_ASSUMPTIONS, COLUMNS(market_assumptions_columns),
                                   pc_read_market_assumptions_row, false, ""};
    const file_spec correlations = {PC_FILE_CORRELATIONS, COLUMNS(correlations_columns),
                                    pc_read_correlations_row, false, ""};
    read_file(r, &assumptions);
    read_file(r, &correlations);
    if (r->ds->config.peer_group && !pc_read_halted(&r->rd) && index_dataset(r)) {
        bool found = false;
        for (size_t i = 0; i < r->ds->peers.count && !found; i++)
            found = strcmp(r->ds->peers.items[i].set, r->ds->config.peer_group) == 0;
        if (!found)
            pc_read_error(&r->rd, r->ds->files[PC_FILE_CONFIG].path, 0, 0, "unknown_peer_set",
                          "peer_group: no set '%s' in peers.csv (peer_set,ticker,market_cap)",
                          pc_read_show(&r->rd, r->ds->config.peer_group));
    }
}

/* paycalc.json first: the covered years and the FX method decide what the
 * CSV files must hold. */
static void read_config_file(reader *r)
{
    pc_dataset *ds = r->ds;
    r->file = PC_FILE_CONFIG;
    pc_read_open config = pc_read_config(&r->rd, ds->files[PC_FILE_CONFIG].path, &ds->config);
    if (config == PC_READ_ABSENT)
        pc_read_error(&r->rd, ds->files[PC_FILE_CONFIG].path, 0, 0, "missing_file",
                      "required file missing: paycalc.json gives the company, its fiscal year end "
                      "and the covered years");
    ds->files[PC_FILE_CONFIG].present = config == PC_READ_READ;
}

/* People first: every other file refers to them. */
static void read_people_and_roles(reader *r)
{
    static const file_spec people = {PC_FILE_PEOPLE, COLUMNS(people_columns), pc_read_people_row,
                                     true,
                                     "people.csv lists each person (person_id,name,position)"};
    static const file_spec roles = {PC_FILE_ROLES, COLUMNS(roles_columns), pc_read_roles_row, true,
                                    "roles.csv says who is PEO or NEO in each covered year "
                                    "(year,person_id,role)"};
    if (read_file(r, &people) != PC_READ_READ)
        r->people_failed = true;
    if (!r->people_failed && index_dataset(r))
        pc_read_check_people(r);
    if (read_file(r, &roles) == PC_READ_READ)
        pc_read_check_roles(r);
}

/* cash.csv, and fx.csv when any amount is not in USD (SPEC section 4). */
static void read_cash_and_fx(reader *r)
{
    pc_dataset *ds = r->ds;
    /* pay_date is a required column when every foreign amount is converted
     * at its payment date. */
    pc_read_column cash_cols[sizeof cash_columns / sizeof cash_columns[0]];
    memcpy(cash_cols, cash_columns, sizeof cash_columns);
    cash_cols[CASH_PAY_DATE].required = ds->config.fx_method == PC_FX_PAYMENT_DATE;
    const file_spec cash = {PC_FILE_CASH, COLUMNS(cash_cols), pc_read_cash_row, true,
                            "cash.csv holds salaries and other cash compensation "
                            "(person_id,year,component,amount,currency)"};
    static const file_spec fx = {PC_FILE_FX, COLUMNS(fx_columns), pc_read_fx_row, false, ""};
    read_file(r, &cash);
    pc_read_open have_fx = read_file(r, &fx);
    if (have_fx == PC_READ_READ)
        pc_read_check_fx(r);
    if (r->foreign_line && have_fx == PC_READ_ABSENT && !pc_read_halted(&r->rd))
        pc_read_error(&r->rd, ds->files[PC_FILE_CASH].path, r->foreign_line, r->foreign_column,
                      "missing_file",
                      "currency: amounts in %s need exchange rates, but fx.csv is missing "
                      "(currency,period,per_usd)",
                      r->foreign_currency);
    /* plan_targets.csv (Item 402(d)(2)(iii)): optional; its amounts are
     * converted as cash is. */
    static const file_spec plan_targets = {PC_FILE_PLAN_TARGETS, COLUMNS(plan_targets_columns),
                                           pc_read_plan_targets_row, false, ""};
    if (read_file(r, &plan_targets) == PC_READ_READ)
        pc_read_check_plan_targets(r);
    if (r->plan_foreign_line && have_fx == PC_READ_ABSENT && !pc_read_halted(&r->rd))
        pc_read_error(&r->rd, ds->files[PC_FILE_PLAN_TARGETS].path, r->plan_foreign_line,
                      r->plan_foreign_column, "missing_file",
                      "currency: amounts in %s need exchange rates, but fx.csv is missing "
                      "(currency,period,per_usd)",
                      r->plan_foreign_currency);
}

/* separations.csv (SPEC section 13). */
static void read_separations(reader *r)
{
    static const file_spec separations = {PC_FILE_SEPARATIONS, COLUMNS(separations_columns),
                                          pc_read_separations_row, false, ""};
    if (read_file(r, &separations) == PC_READ_READ)
        pc_read_check_separations(r);
}

/* awards.csv; vesting.csv, which the awards without a schedule make
 * required; separations.csv; then the tranches of the schedules are laid
 * out (SPEC section 13); exercises.csv (SPEC section 12), whose awards
 * awards.csv lists; and modifications.csv. */
static void read_awards_and_vesting(reader *r)
{
    static const file_spec awards = {PC_FILE_AWARDS, COLUMNS(awards_columns), pc_read_awards_row,
                                     false, ""};
    static const file_spec vesting = {PC_FILE_VESTING, COLUMNS(vesting_columns),
                                      pc_read_vesting_row, false, ""};
    static const file_spec exercises = {PC_FILE_EXERCISES, COLUMNS(exercises_columns),
                                        pc_read_exercises_row, false, ""};
    static const file_spec modifications = {PC_FILE_MODIFICATIONS, COLUMNS(modifications_columns),
                                            pc_read_modifications_row, false, ""};
    size_t errors_before = r->rd.diags->errors;
    pc_read_open have_awards = read_file(r, &awards);
    r->awards_erred = r->rd.diags->errors != errors_before;
    if (have_awards == PC_READ_FAILED)
        r->awards_failed = true;
    /* Without awards.csv every exercise names an unknown award. */
    if (have_awards == PC_READ_ABSENT) {
        read_file(r, &exercises);
        read_file(r, &modifications);
    }
    if (have_awards != PC_READ_READ || !index_dataset(r)) {
        read_separations(r);
        return;
    }
    pc_read_check_awards(r);
    pc_read_open have_vesting = read_file(r, &vesting);
    bool vesting_missing = have_vesting == PC_READ_ABSENT && r->unscheduled_line;
    if (vesting_missing)
        pc_read_error(&r->rd, r->ds->files[PC_FILE_VESTING].path, 0, 0, "missing_file",
                      "required file missing: vesting.csv gives the tranches of the awards in "
                      "awards.csv without a schedule (award_id,tranche,vest_date,shares,status); "
                      "the first is at awards.csv line %d",
                      r->unscheduled_line);
    read_separations(r);
    pc_read_lay_out_schedules(r);
    /* Indexed in any case: outcomes.csv and fair_values.csv look tranches
     * up. Checked only when vesting.csv could be read in full. */
    bool tranches_sound = index_dataset(r) && have_vesting != PC_READ_FAILED && !vesting_missing;
    if (tranches_sound)
        pc_read_check_tranches(r);
    read_file(r, &exercises);
    /* modifications.csv (ASC 718-20-35-3): its new vesting dates change the
     * tranches, which are indexed again for the new shares. */
    if (read_file(r, &modifications) == PC_READ_READ) {
        pc_read_check_modifications(r);
        if (tranches_sound && !pc_read_halted(&r->rd)) {
            pc_read_apply_modifications(r);
            index_dataset(r);
        }
    }
}

/* The dated inputs of the valuations and the PvP, and the published figures. */
static void read_market_files(reader *r)
{
    static const file_spec prices = {
        PC_FILE_PRICES, COLUMNS(prices_columns), pc_read_prices_row, true,
        "prices.csv holds the closing stock prices (date,close) for the TSR and the fair values"};
    static const file_spec assumptions = {PC_FILE_ASSUMPTIONS, COLUMNS(assumptions_columns),
                                          pc_read_assumptions_row, false, ""};
    static const file_spec outcomes = {PC_FILE_OUTCOMES, COLUMNS(outcomes_columns),
                                       pc_read_outcomes_row, false, ""};
    static const file_spec fair_values = {PC_FILE_FAIR_VALUES, COLUMNS(fair_values_columns),
                                          pc_read_fair_values_row, false, ""};
    static const file_spec performance = {
        PC_FILE_PERFORMANCE, COLUMNS(performance_columns), pc_read_performance_row, true,
        "performance.csv holds net income for each covered year (year,net_income)"};
    static const file_spec reported = {PC_FILE_REPORTED, COLUMNS(reported_columns),
                                       pc_read_reported_row, false, ""};
    if (read_file(r, &prices) == PC_READ_READ)
        pc_read_check_prices(r);
    if (read_file(r, &assumptions) == PC_READ_READ)
        pc_read_check_assumptions(r);
    pc_read_open have_outcomes = read_file(r, &outcomes);
    if (have_outcomes == PC_READ_READ)
        pc_read_check_outcomes(r);
    else if (have_outcomes == PC_READ_ABSENT && r->performance_line)
        pc_read_error(
            &r->rd, r->ds->files[PC_FILE_AWARDS].path, r->performance_line, r->performance_column,
            "missing_file",
            "condition: award '%s' has a performance condition and is valued at its "
            "probable outcome, but outcomes.csv is missing (award_id,tranche,date,probable)",
            pc_read_show(&r->rd, r->performance_award ? r->performance_award : ""));
    if (read_file(r, &fair_values) == PC_READ_READ)
        pc_read_check_fair_values(r);
    if (read_file(r, &performance) == PC_READ_READ)
        pc_read_check_performance(r);
    read_market_condition_files(r);
    if (read_file(r, &reported) == PC_READ_READ)
        pc_read_check_reported(r);
}

/* corporate_actions.csv: stock splits, applied to everything dated before
 * each once the whole set has been read without an error (read_splits.c). */
static void read_corporate_actions(reader *r)
{
    static const file_spec actions = {PC_FILE_CORPORATE_ACTIONS, COLUMNS(corporate_actions_columns),
                                      pc_read_corporate_actions_row, false, ""};
    if (read_file(r, &actions) != PC_READ_READ)
        return;
    pc_read_check_corporate_actions(r);
    if (r->ds->splits.count && r->rd.diags->errors == r->rd.base_errors && index_dataset(r))
        pc_read_restate_splits(r);
}

/* A narrative text of the Inline XBRL section may be at most this long. */
#define DISCLOSURE_MAX_BYTES (1024L * 1024)

/* One disclosure/ text: NAME.md or NAME.txt (not both), UTF-8 text that XML
 * can hold (SPEC section 15). */
static void read_disclosure(reader *r, const char *dir, pc_disclosure which)
{
    pc_dataset *ds = r->ds;
    static const char *const extensions[] = {"md", "txt"};
    for (int e = 0; e < 2 && !pc_read_halted(&r->rd); e++) {
        char *path =
            pc_text_format("%s/disclosure/%s.%s", dir, pc_disclosure_name(which), extensions[e]);
        char *data;
        const char *text;
        size_t len;
        pc_read_open opened =
            path ? pc_read_load(&r->rd, path, &data, &text, &len) : PC_READ_FAILED;
        if (!path)
            r->rd.nomem = true;
        if (opened != PC_READ_READ) {
            free(path);
            continue;
        }
        unsigned cp = 0;
        if (ds->disclosure[which]) {
            pc_read_error(&r->rd, path, 0, 0, "duplicate_file",
                          "%s and %s hold the same text; keep one", ds->disclosure_path[which],
                          path);
        } else if (len > (size_t)DISCLOSURE_MAX_BYTES) {
            pc_read_error(&r->rd, path, 0, 0, "limit",
                          "the text has %zu bytes; a disclosure text may have at most %ld", len,
                          (long)DISCLOSURE_MAX_BYTES);
        } else if (pc_text_utf8_invalid_at(text, len) < len) {
            pc_read_error(&r->rd, path, 0, 0, "bad_encoding",
                          "not UTF-8 text at byte %zu; save the file as UTF-8",
                          pc_text_utf8_invalid_at(text, len) + 1);
        } else if (pc_text_xml_forbidden_at(text, len, &cp) < len) {
            pc_read_error(&r->rd, path, 0, 0, "bad_character",
                          "a control character (U+%04X) at byte %zu cannot be written into the "
                          "Inline XBRL section",
                          cp, pc_text_xml_forbidden_at(text, len, &cp) + 1);
        } else {
            ds->disclosure[which] = pc_strdup(text);
            ds->disclosure_path[which] = path;
            path = NULL;
            if (!ds->disclosure[which])
                r->rd.nomem = true;
        }
        free(path);
        free(data);
    }
}

static void read_disclosures(reader *r, const char *dir)
{
    for (int d = 0; d < PC_DISCLOSURE_COUNT; d++)
        read_disclosure(r, dir, (pc_disclosure)d);
    const pc_dataset *ds = r->ds;
    const pc_config *cfg = &ds->config;
    /* What a smaller reporting company does not show (Item 402(v)(8)). */
    static const pc_disclosure not_for_src[] = {PC_DISCLOSURE_CAP_CSM, PC_DISCLOSURE_TSR_PEER,
                                                PC_DISCLOSURE_PEER_GROUP,
                                                PC_DISCLOSURE_TABULAR_LIST};
    static const char *const what[] = {"company-selected measure", "peer group return",
                                       "peer group", "tabular list"};
    for (size_t w = 0; cfg->smaller_reporting_company && w < sizeof what / sizeof *what; w++)
        if (ds->disclosure[not_for_src[w]])
            pc_read_warning(&r->rd, ds->disclosure_path[not_for_src[w]], 0, 0, "not_for_src",
                            "a smaller reporting company shows no %s; this text is not used",
                            what[w]);
    const char *list = ds->disclosure[PC_DISCLOSURE_TABULAR_LIST];
    size_t n = list ? pc_tabular_list_items(list, NULL, NULL, 0) : 0;
    if (!cfg->smaller_reporting_company && n > PC_TABULAR_LIST_MAX)
        pc_read_warning(&r->rd, ds->disclosure_path[PC_DISCLOSURE_TABULAR_LIST], 0, 0,
                        "tabular_list_long",
                        "%zu measures; the tabular list shows at most %d, the first ones", n,
                        PC_TABULAR_LIST_MAX);
}

pc_status pc_read_input_set(const char *dir, pc_dataset *ds, pc_diags *diags)
{
    reader r;
    memset(&r, 0, sizeof r);
    pc_read_init(&r.rd, diags);
    r.ds = ds;
    if (!dir[0])
        dir = ".";
    free(ds->name);
    ds->name = folder_name(dir);
    if (!ds->name || !set_paths(ds, dir)) {
        r.rd.nomem = true;
        return finish(&r);
    }
    read_config_file(&r);
    read_people_and_roles(&r);
    read_cash_and_fx(&r);
    read_awards_and_vesting(&r);
    read_market_files(&r);
    read_corporate_actions(&r);
    read_disclosures(&r, dir);
    return finish(&r);
}

pc_status pc_read_reported_file(const char *path, pc_dataset *ds, pc_diags *diags)
{
    reader r;
    memset(&r, 0, sizeof r);
    pc_read_init(&r.rd, diags);
    r.ds = ds;
    r.standalone = true;
    free(ds->files[PC_FILE_REPORTED].path);
    ds->files[PC_FILE_REPORTED].path = pc_strdup(path);
    if (!ds->files[PC_FILE_REPORTED].path) {
        r.rd.nomem = true;
        return finish(&r);
    }
    const file_spec reported = {PC_FILE_REPORTED, COLUMNS(reported_columns), pc_read_reported_row,
                                true, "the figures as published (table,year,subject,item,value)"};
    if (read_file(&r, &reported) == PC_READ_READ)
        pc_read_check_reported(&r);
    return finish(&r);
}
