/*
 * The in-memory input set: lifetime, indexes and lookups (model.h).
 */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */

#include "paycalc/model.h"

#include <assert.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static const char *const file_names[PC_FILE_COUNT] = {"paycalc.json",
                                                      "people.csv",
                                                      "roles.csv",
                                                      "cash.csv",
                                                      "fx.csv",
                                                      "awards.csv",
                                                      "vesting.csv",
                                                      "prices.csv",
                                                      "assumptions.csv",
                                                      "outcomes.csv",
                                                      "fair_values.csv",
                                                      "performance.csv",
                                                      "reported.csv",
                                                      "market_conditions.csv",
                                                      "peers.csv",
                                                      "peer_prices.csv",
                                                      "market_assumptions.csv",
                                                      "correlations.csv",
                                                      "exercises.csv",
                                                      "separations.csv",
                                                      "corporate_actions.csv",
                                                      "modifications.csv",
                                                      "plan_targets.csv"};

const char *pc_file_name(pc_file file)
{
    return file < PC_FILE_COUNT ? file_names[file] : "?";
}

const char *pc_disclosure_name(pc_disclosure which)
{
    static const char *const names[PC_DISCLOSURE_COUNT] = {
        "relationship-cap-tsr", "relationship-cap-net-income",
        "relationship-cap-csm", "relationship-tsr-peer",
        "peer-group",           "tabular-list"};
    return which < PC_DISCLOSURE_COUNT ? names[which] : "?";
}

bool pc_labels_parse(const char *text, pc_labels *out)
{
    static const char *const names[] = {"en", "zh-Hant", "zh-Hans"};
    *out = PC_LABELS_EN;
    for (int i = 0; i < 3; i++)
        if (text && strcmp(text, names[i]) == 0) {
            *out = (pc_labels)i;
            return true;
        }
    return false;
}

const char *pc_component_name(pc_component component)
{
    switch (component) {
    case PC_COMP_SALARY:
        return "salary";
    case PC_COMP_BONUS:
        return "bonus";
    case PC_COMP_NON_EQUITY_INCENTIVE:
        return "non_equity_incentive";
    case PC_COMP_NQDC_EARNINGS:
        return "nqdc_earnings";
    case PC_COMP_ALL_OTHER:
        return "all_other";
    case PC_COMP_CHANGE_IN_PENSION_VALUE:
        return "change_in_pension_value";
    case PC_COMP_PENSION_SERVICE_COST:
        return "pension_service_cost";
    case PC_COMP_PENSION_PRIOR_SERVICE_COST:
        return "pension_prior_service_cost";
    case PC_COMP_UNVESTED_DIVIDENDS:
        return "unvested_dividends";
    case PC_COMP_FEES:
        return "fees";
    case PC_COMP_COUNT:
        break;
    }
    return "?";
}

/* Arrays of 2 MiB and more are placed on 2 MiB pages where the
 * kernel allows it (Linux transparent huge pages, madvise mode). The
 * report's valuations are the largest (about 20 MiB per 100,000): on 4 KiB
 * pages, the first touch of each page (a page fault, about 5,000 of them per
 * 100,000 valuations) took about half of the compute stage. */
#define HUGE_PAGE ((size_t)2 << 20)
#define HUGE_ARRAY HUGE_PAGE

/* `bytes` of memory (rounded up to whole 2 MiB pages) aligned on a 2 MiB
 * page and advised to be backed by huge pages, holding the first `keep`
 * bytes of `old`, which is freed; NULL (and `old` kept) when out of
 * memory. */
static void *huge_realloc(void *old, size_t keep, size_t bytes)
{
    if (bytes > SIZE_MAX - HUGE_PAGE)
        return NULL;
    bytes = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, bytes, MADV_HUGEPAGE); /* advice only: 4 KiB pages work too */
#endif
    if (keep)
        memcpy(p, old, keep);
    free(old);
    return p;
}

/* Room for one more element (the capacity doubles), counted; NULL when out
 * of memory. */
static void *array_grow(void **items, size_t *count, size_t *capacity, size_t elem_size)
{
    if (*count == *capacity) {
        size_t cap = *capacity ? *capacity * 2 : 16;
        if (cap > SIZE_MAX / elem_size)
            return NULL;
        void *p = cap * elem_size >= HUGE_ARRAY
                      ? huge_realloc(*items, *count * elem_size, cap * elem_size)
                      : realloc(*items, cap * elem_size);
        if (!p)
            return NULL;
        *items = p;
        *capacity = cap;
    }
    return (char *)*items + (*count)++ * elem_size;
}

bool pc_array_reserve(void **items, size_t count, size_t *capacity, size_t elem_size, size_t n)
{
    if (n <= *capacity)
        return true;
    if (n > SIZE_MAX / elem_size)
        return false;
    void *p = n * elem_size >= HUGE_ARRAY ? huge_realloc(*items, count * elem_size, n * elem_size)
                                          : realloc(*items, n * elem_size);
    if (!p)
        return false;
    *items = p;
    *capacity = n;
    return true;
}

void *pc_array_push(void **items, size_t *count, size_t *capacity, size_t elem_size)
{
    void *elem = array_grow(items, count, capacity, elem_size);
    if (elem)
        memset(elem, 0, elem_size);
    return elem;
}

void *pc_array_append(void **items, size_t *count, size_t *capacity, size_t elem_size,
                      const void *elem)
{
    void *slot = array_grow(items, count, capacity, elem_size);
    if (slot)
        memcpy(slot, elem, elem_size);
    return slot;
}

size_t pc_tabular_list_items(const char *text, const char **item, size_t *len, size_t max)
{
    size_t n = 0;
    for (const char *p = text; p && *p;) {
        const char *eol = strchr(p, '\n');
        const char *stop = eol ? eol : p + strlen(p);
        const char *s = p, *e = stop;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s < e && (*s == '-' || *s == '*')) {
            s++;
        } else if (s < e && *s >= '0' && *s <= '9') {
            const char *q = s;
            while (q < e && *q >= '0' && *q <= '9')
                q++;
            if (q < e && (*q == '.' || *q == ')'))
                s = q + 1;
        }
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        if (e > s) {
            if (n < max) {
                item[n] = s;
                len[n] = (size_t)(e - s);
            }
            n++;
        }
        p = eol ? eol + 1 : stop;
    }
    return n;
}

void pc_dataset_init(pc_dataset *ds)
{
    memset(ds, 0, sizeof *ds);
    ds->config.cap_decimals = 2;
    ds->config.ecd_year = PC_ECD_YEAR_DEFAULT;
    ds->config.monte_carlo = (pc_mc_config){100000, 1, true, 0};
}

void pc_dataset_fini(pc_dataset *ds)
{
    if (!ds)
        return;
    free(ds->name);
    free(ds->config.company_name);
    free(ds->config.ticker);
    free(ds->config.company_selected_measure);
    for (size_t i = 0; i < ds->people.count; i++) {
        free(ds->people.items[i].id);
        free(ds->people.items[i].name);
        free(ds->people.items[i].position);
    }
    free(ds->people.items);
    for (size_t i = 0; i < ds->roles.count; i++)
        free(ds->roles.items[i].position);
    free(ds->roles.items);
    for (size_t i = 0; i < ds->directors.count; i++)
        free(ds->directors.items[i].position);
    free(ds->directors.items);
    free(ds->cash.items);
    free(ds->fx.items);
    for (size_t i = 0; i < ds->awards.count; i++) {
        free(ds->awards.items[i].id);
        free(ds->awards.items[i].schedule);
    }
    free(ds->awards.items);
    free(ds->tranches.items);
    free(ds->prices.items);
    free(ds->assumptions.items);
    free(ds->outcomes.items);
    for (size_t i = 0; i < ds->fair_values.count; i++)
        free(ds->fair_values.items[i].note);
    free(ds->fair_values.items);
    free(ds->performance.items);
    free(ds->exercises.items);
    for (size_t i = 0; i < ds->reported.count; i++) {
        free(ds->reported.items[i].subject);
        free(ds->reported.items[i].item);
    }
    free(ds->reported.items);
    for (size_t i = 0; i < ds->market_conditions.count; i++) {
        free(ds->market_conditions.items[i].curve);
        free(ds->market_conditions.items[i].peer_set);
    }
    free(ds->market_conditions.items);
    for (size_t i = 0; i < ds->peers.count; i++) {
        free(ds->peers.items[i].set);
        free(ds->peers.items[i].ticker);
    }
    free(ds->peers.items);
    for (size_t i = 0; i < ds->peer_prices.count; i++)
        free(ds->peer_prices.items[i].ticker);
    free(ds->peer_prices.items);
    for (size_t i = 0; i < ds->market_assumptions.count; i++)
        free(ds->market_assumptions.items[i].ticker);
    free(ds->market_assumptions.items);
    for (size_t i = 0; i < ds->correlations.count; i++) {
        free(ds->correlations.items[i].ticker_a);
        free(ds->correlations.items[i].ticker_b);
    }
    free(ds->correlations.items);
    free(ds->config.peer_group);
    for (int d = 0; d < PC_DISCLOSURE_COUNT; d++) {
        free(ds->disclosure[d]);
        free(ds->disclosure_path[d]);
    }
    free(ds->separations.items);
    free(ds->splits.items);
    free(ds->split_awards.items);
    free(ds->modifications.items);
    for (size_t i = 0; i < ds->plan_targets.count; i++)
        free(ds->plan_targets.items[i].plan);
    free(ds->plan_targets.items);
    for (int f = 0; f < PC_FILE_COUNT; f++) {
        free(ds->files[f].path);
        for (int c = 0; c < ds->files[f].count; c++)
            free(ds->files[f].names[c]);
    }
    free(ds->people_by_id);
    free(ds->awards_by_id);
    memset(ds, 0, sizeof *ds);
}

const char *pc_dataset_path(const pc_dataset *ds, pc_file file)
{
    if (file < PC_FILE_COUNT && ds->files[file].path)
        return ds->files[file].path;
    return pc_file_name(file);
}

int pc_dataset_column(const pc_dataset *ds, pc_file file, const char *name)
{
    if (file >= PC_FILE_COUNT)
        return 0;
    const pc_file_columns *fc = &ds->files[file];
    for (int c = 0; c < fc->count; c++)
        if (fc->names[c] && strcmp(fc->names[c], name) == 0)
            return c + 1;
    return 0;
}

int pc_config_year_index(const pc_config *config, int year)
{
    for (int i = 0; i < config->nyears; i++)
        if (config->years[i] == year)
            return i;
    return -1;
}

/* qsort has no context argument: sort (key, index) pairs instead. */
typedef struct id_ref {
    const char *id;
    size_t index;
} id_ref;

static int compare_id_ref(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static size_t *index_ids(const void *items, size_t count, size_t stride, size_t id_offset)
{
    size_t *order = malloc((count ? count : 1) * sizeof *order);
    id_ref *refs = malloc((count ? count : 1) * sizeof *refs);
    if (!order || !refs) {
        free(order);
        free(refs);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        const char *elem = (const char *)items + i * stride;
        refs[i].id = *(char *const *)(elem + id_offset);
        refs[i].index = i;
    }
    qsort(refs, count, sizeof *refs, compare_id_ref);
    for (size_t i = 0; i < count; i++)
        order[i] = refs[i].index;
    free(refs);
    return order;
}

static int compare_price(const void *a, const void *b)
{
    const pc_price *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

static int compare_assumption(const void *a, const void *b)
{
    const pc_assumption *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

static int compare_tranche(const void *a, const void *b)
{
    const pc_tranche *x = a, *y = b;
    if (x->award != y->award)
        return x->award < y->award ? -1 : 1;
    return (x->number > y->number) - (x->number < y->number);
}

/* The order of outcomes.csv and fair_values.csv rows: award, tranche,
 * date, then line. */
typedef struct tranche_date_key {
    size_t award;
    int tranche;
    pc_date date;
    int line;
} tranche_date_key;

static int compare_tranche_date(tranche_date_key x, tranche_date_key y)
{
    if (x.award != y.award)
        return x.award < y.award ? -1 : 1;
    if (x.tranche != y.tranche)
        return x.tranche < y.tranche ? -1 : 1;
    if (x.date != y.date)
        return x.date < y.date ? -1 : 1;
    return (x.line > y.line) - (x.line < y.line);
}

static int compare_outcome(const void *a, const void *b)
{
    const pc_outcome *x = a, *y = b;
    return compare_tranche_date((tranche_date_key){x->award, x->tranche, x->date, x->line},
                                (tranche_date_key){y->award, y->tranche, y->date, y->line});
}

static int compare_fv(const void *a, const void *b)
{
    const pc_supplied_fv *x = a, *y = b;
    return compare_tranche_date((tranche_date_key){x->award, x->tranche, x->date, x->line},
                                (tranche_date_key){y->award, y->tranche, y->date, y->line});
}

static int compare_fx(const void *a, const void *b)
{
    const pc_fx_rate *x = a, *y = b;
    int c = strcmp(x->currency, y->currency);
    if (c)
        return c;
    /* Fiscal-year rows first (date NONE is the minimum), then daily rows. */
    if (x->fiscal_year != y->fiscal_year)
        return x->fiscal_year > y->fiscal_year ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static int compare_condition(const void *a, const void *b)
{
    const pc_market_condition *x = a, *y = b;
    if (x->award != y->award)
        return x->award < y->award ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static int compare_peer(const void *a, const void *b)
{
    const pc_peer *x = a, *y = b;
    int c = strcmp(x->set, y->set);
    if (!c)
        c = strcmp(x->ticker, y->ticker);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int compare_peer_price(const void *a, const void *b)
{
    const pc_peer_price *x = a, *y = b;
    int c = strcmp(x->ticker, y->ticker);
    if (c)
        return c;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* Each award's modification (the reader allows one per award; a later row
 * would replace an earlier one), and the shares of each tranche under a
 * modification that gives the award a new number of shares: spread over
 * the tranches as the schedules spread shares (SPEC section 13), tranche k
 * getting floor(S'*c_k/S) - floor(S'*c_(k-1)/S), where c_k is the shares of
 * tranches 1..k and S the award's shares before. */
__extension__ typedef __int128 i128;

static void index_modifications(pc_dataset *ds)
{
    for (size_t a = 0; a < ds->awards.count; a++)
        ds->awards.items[a].modification = 0;
    for (size_t t = 0; t < ds->tranches.count; t++)
        ds->tranches.items[t].modified_shares = ds->tranches.items[t].shares;
    for (size_t m = 0; m < ds->modifications.count; m++) {
        const pc_modification *mod = &ds->modifications.items[m];
        assert(mod->award < ds->awards.count); /* the reader resolved every award_id */
        pc_award *a = &ds->awards.items[mod->award];
        a->modification = m + 1;
        if (!mod->has_shares)
            continue;
        i128 total = 0, before = 0;
        for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches; t++)
            total += ds->tranches.items[t].shares;
        int64_t given = 0;
        for (size_t t = a->first_tranche; t < a->first_tranche + a->ntranches && total > 0; t++) {
            before += ds->tranches.items[t].shares;
            int64_t upto = (int64_t)((i128)mod->shares * before / total);
            ds->tranches.items[t].modified_shares = upto - given;
            given = upto;
        }
    }
}

pc_status pc_dataset_index(pc_dataset *ds)
{
    size_t *people =
        index_ids(ds->people.items, ds->people.count, sizeof(pc_person), offsetof(pc_person, id));
    size_t *awards =
        index_ids(ds->awards.items, ds->awards.count, sizeof(pc_award), offsetof(pc_award, id));
    if (!people || !awards) {
        free(people);
        free(awards);
        return PC_ERR_NOMEM;
    }
    free(ds->people_by_id);
    free(ds->awards_by_id);
    ds->people_by_id = people;
    ds->awards_by_id = awards;

    if (ds->prices.count)
        qsort(ds->prices.items, ds->prices.count, sizeof(pc_price), compare_price);
    if (ds->assumptions.count)
        qsort(ds->assumptions.items, ds->assumptions.count, sizeof(pc_assumption),
              compare_assumption);
    if (ds->tranches.count)
        qsort(ds->tranches.items, ds->tranches.count, sizeof(pc_tranche), compare_tranche);
    if (ds->outcomes.count)
        qsort(ds->outcomes.items, ds->outcomes.count, sizeof(pc_outcome), compare_outcome);
    if (ds->fair_values.count)
        qsort(ds->fair_values.items, ds->fair_values.count, sizeof(pc_supplied_fv), compare_fv);
    if (ds->fx.count)
        qsort(ds->fx.items, ds->fx.count, sizeof(pc_fx_rate), compare_fx);
    if (ds->market_conditions.count)
        qsort(ds->market_conditions.items, ds->market_conditions.count, sizeof(pc_market_condition),
              compare_condition);
    if (ds->peers.count)
        qsort(ds->peers.items, ds->peers.count, sizeof(pc_peer), compare_peer);
    if (ds->peer_prices.count)
        qsort(ds->peer_prices.items, ds->peer_prices.count, sizeof(pc_peer_price),
              compare_peer_price);

    for (size_t a = 0; a < ds->awards.count; a++) {
        ds->awards.items[a].first_tranche = 0;
        ds->awards.items[a].ntranches = 0;
    }
    for (size_t t = 0; t < ds->tranches.count; t++) {
        size_t a = ds->tranches.items[t].award;
        assert(a < ds->awards.count); /* the reader resolved every award_id */
        if (ds->awards.items[a].ntranches++ == 0)
            ds->awards.items[a].first_tranche = t;
    }
    index_modifications(ds);
    ds->indexed = true;
    return PC_OK;
}

static size_t find_id(const void *items, const size_t *order, size_t count, size_t stride,
                      size_t id_offset, const char *id, bool *found)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *elem = (const char *)items + order[mid] * stride;
        int c = strcmp(*(char *const *)(elem + id_offset), id);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    if (lo < count) {
        const char *elem = (const char *)items + order[lo] * stride;
        *found = strcmp(*(char *const *)(elem + id_offset), id) == 0;
        return order[lo];
    }
    return 0;
}

const pc_person *pc_dataset_person(const pc_dataset *ds, const char *id, size_t *index)
{
    bool found;
    if (!ds->people_by_id)
        return NULL;
    size_t i = find_id(ds->people.items, ds->people_by_id, ds->people.count, sizeof(pc_person),
                       offsetof(pc_person, id), id, &found);
    if (!found)
        return NULL;
    if (index)
        *index = i;
    return &ds->people.items[i];
}

const pc_award *pc_dataset_award(const pc_dataset *ds, const char *id, size_t *index)
{
    bool found;
    if (!ds->awards_by_id)
        return NULL;
    size_t i = find_id(ds->awards.items, ds->awards_by_id, ds->awards.count, sizeof(pc_award),
                       offsetof(pc_award, id), id, &found);
    if (!found)
        return NULL;
    if (index)
        *index = i;
    return &ds->awards.items[i];
}
