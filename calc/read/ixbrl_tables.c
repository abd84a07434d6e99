/*
 * The published tables from an iXBRL document's facts (SPEC sections 8 and
 * 15): the PvP table and both reconciliations as reported.csv rows, and the
 * tagging issues found on the way (sign slips, PEO facts on the non-PEO
 * member, duplicates that differ, untagged figures, DQC_0177).
 *
 * Signs: a deduction (a `less_` line) is negative whatever its tag says,
 * and a figure shown in parentheses is negative; a tag that says otherwise
 * is one tagged_sign issue, and the row carries the sign it should have, so
 * one slip never cascades into footing and deduction findings.
 */
#include "paycalc/ixbrl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycalc/money.h"
#include "paycalc/parse.h"
#include "paycalc/report.h"
#include "paycalc/text.h"

#define SUBJECT_AVERAGE "non_peo_neo_average"
#define SUBJECT_COMPANY "company"

void pc_ixbrl_tables_init(pc_ixbrl_tables *t)
{
    memset(t, 0, sizeof *t);
}

static void issue_fini(pc_ixbrl_issue *i)
{
    free(i->subject);
    free(i->item);
    free(i->concept);
    free(i->context);
    free(i->displayed);
}

void pc_ixbrl_tables_fini(pc_ixbrl_tables *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->rows.count; i++) {
        free(t->rows.items[i].subject);
        free(t->rows.items[i].item);
    }
    free(t->rows.items);
    free(t->sources.items);
    free(t->measures.items);
    for (size_t i = 0; i < t->issues.count; i++)
        issue_fini(&t->issues.items[i]);
    free(t->issues.items);
    free(t->company);
    free(t->document);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ members */

static const struct {
    const char *member, *line;
} standard_members[] = {
    {"AggtChngPnsnValInSummryCompstnTblForAplblYrMember", "less_pension"},
    {"AggtPnsnAdjsSvcCstMember", "pension_adjustments"},
    {"PnsnAdjsSvcCstMember", "plus_pension_service"},
    {"PnsnAdjsPrrSvcCstMember", "plus_pension_prior_service"},
    {"EqtyAwrdsAdjsMember", "equity_adjustments"},
    {"EqtyAwrdsInSummryCompstnTblForAplblYrMember", "less_equity_awards"},
    {"EqtyAwrdsAdjsExclgValRprtdInSummryCompstnTblMember", "equity_award_adjustments"},
    {"YrEndFrValOfEqtyAwrdsGrntdInCvrdYrOutsdngAndUnvstdMember", "fye_fv_granted_in_year"},
    {"ChngInFrValOfOutsdngAndUnvstdEqtyAwrdsGrntdInPrrYrsMember", "change_fv_prior_unvested"},
    {"VstngDtFrValOfEqtyAwrdsGrntdAndVstdInCvrdYrMember", "fv_at_vest_granted_in_year"},
    {"ChngInFrValAsOfVstngDtOfPrrYrEqtyAwrdsVstdInCvrdYrMember", "change_fv_prior_vested"},
    {"FrValAsOfPrrYrEndOfEqtyAwrdsGrntdInPrrYrsFldVstngCondsDrngCvrdYrMember", "less_fv_forfeited"},
    {"DvddsOrOthrErngsPdOnEqtyAwrdsNtOthrwsRflctdInTtlCompForCvrdYrMember", "dividends"},
    {"AllAdjToCompMember", "all_adjustments"},
};

static bool has(const char *s, const char *word)
{
    return strstr(s, word) != NULL;
}

/* "vested" that is not "unvested". */
static bool has_vested(const char *s)
{
    for (const char *p = strstr(s, "vested"); p; p = strstr(p + 1, "vested"))
        if (p - s < 2 || strncmp(p - 2, "un", 2) != 0)
            return true;
    return false;
}

/* The taxonomy's abbreviations written out, so a company member named in
 * the SEC's style ("EqtyAwrdsInSummryCompstnTbl...") reads by its words. */
static void expand_abbreviations(char *s, size_t size)
{
    static const struct {
        const char *abbr, *word;
    } abbreviations[] = {
        {"eqty", "equity"},          {"awrd", "award"},      {"summry", "summary"},
        {"compstn", "compensation"}, {"tbl", "table"},       {"yrend", "yearend"},
        {"vstng", "vesting"},        {"vstd", "vested"},     {"fld", "failed"},
        {"dvdd", "dividend"},        {"prr", "prior"},       {"chng", "change"},
        {"grntd", "granted"},        {"frval", "fairvalue"}, {"pnsn", "pension"},
        {"svc", "service"},          {"cst", "cost"},        {"adjs", "adjustments"},
    };
    char out[256];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof out;) {
        size_t k = 0;
        for (; k < sizeof abbreviations / sizeof abbreviations[0]; k++)
            if (!strncmp(p, abbreviations[k].abbr, strlen(abbreviations[k].abbr)))
                break;
        if (k < sizeof abbreviations / sizeof abbreviations[0]) {
            for (const char *w = abbreviations[k].word; *w && n + 1 < sizeof out; w++)
                out[n++] = *w;
            p += strlen(abbreviations[k].abbr);
        } else {
            out[n++] = *p++;
        }
    }
    out[n] = '\0';
    snprintf(s, size, "%s", out);
}

const char *pc_ixbrl_member_line(const char *member)
{
    if (!member)
        return NULL;
    const char *colon = strchr(member, ':');
    const char *local = colon ? colon + 1 : member;
    if (!strncmp(member, "ecd:", 4))
        for (size_t i = 0; i < sizeof standard_members / sizeof standard_members[0]; i++)
            if (!strcmp(local, standard_members[i].member))
                return standard_members[i].line;
    /* A company member by its name's words, lower case and run together
     * ("DeductForGrantDateValuesMember" -> "deductforgrantdatevalues"). */
    char s[256];
    size_t n = 0;
    for (const char *p = local; *p && n + 1 < sizeof s; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            s[n++] = *p;
        else if (*p >= 'A' && *p <= 'Z')
            s[n++] = (char)(*p - 'A' + 'a');
    s[n] = '\0';
    if (n > 6 && !strcmp(s + n - 6, "member"))
        s[n - 6] = '\0';
    expand_abbreviations(s, sizeof s);
    if (has(s, "dividend") || has(s, "earningspaid"))
        return "dividends";
    if (has(s, "forfeit") || has(s, "fail"))
        return "less_fv_forfeited";
    if (has(s, "pension") || has(s, "pnsn")) {
        if (has(s, "service") || has(s, "svc"))
            return has(s, "prior") || has(s, "prr") ? "plus_pension_prior_service"
                                                    : "plus_pension_service";
        return "less_pension";
    }
    if (has(s, "servicecost"))
        return has(s, "prior") ? "plus_pension_prior_service" : "plus_pension_service";
    bool equity_word = has(s, "equity") || has(s, "award") || has(s, "stock") || has(s, "option");
    bool specific = has(s, "yearend") || has(s, "fye") || has(s, "endofyear") || has(s, "vest") ||
                    has(s, "grantdate") || has(s, "deduct") || has(s, "less") || has(s, "prior") ||
                    has(s, "change") || has(s, "minus");
    if (has(s, "adjust") && equity_word && !specific)
        return "equity_award_adjustments";
    if (has(s, "grantdate") || has(s, "deduct") || has(s, "less") || has(s, "minus") ||
        has(s, "summarycompensation") || has(s, "reportedin"))
        return "less_equity_awards";
    bool prior = has(s, "prior") || has(s, "prr");
    if ((has(s, "yearend") || has(s, "fye") || has(s, "endofyear") || has(s, "yrend")) && !prior)
        return "fye_fv_granted_in_year";
    if (prior && (has(s, "unvested") || has(s, "outstanding")))
        return "change_fv_prior_unvested";
    if (prior && has_vested(s))
        return "change_fv_prior_vested";
    if (has(s, "vest") && (has(s, "granted") || has(s, "inyear") || has(s, "during") ||
                           has(s, "same") || has(s, "covered")))
        return "fv_at_vest_granted_in_year";
    if (has(s, "change") && has(s, "unvested"))
        return "change_fv_prior_unvested";
    if (has(s, "change") && has_vested(s))
        return "change_fv_prior_vested";
    if (has(s, "granted") && (has(s, "unvested") || has(s, "outstanding")))
        return "fye_fv_granted_in_year";
    return NULL;
}

char *pc_ixbrl_name_id(const char *name)
{
    pc_buf b = {0};
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        bool word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || *p >= 0x80;
        /* a no-break space separates words too */
        if (*p == 0xC2 && p[1] == 0xA0) {
            gap = true;
            p++;
            continue;
        }
        if (!word) {
            gap = true;
            continue;
        }
        if (gap && b.len)
            pc_buf_puts(&b, "_");
        gap = false;
        char ch = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        pc_buf_append(&b, &ch, 1);
    }
    if (!b.len)
        pc_buf_puts(&b, "peo");
    return pc_buf_take(&b);
}

/* "bcov:JeffRayMember" -> "Jeff Ray". */
static char *member_words(const char *member)
{
    const char *colon = strchr(member, ':');
    const char *local = colon ? colon + 1 : member;
    size_t n = strlen(local);
    if (n > 6 && !strcmp(local + n - 6, "Member"))
        n -= 6;
    pc_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i && local[i] >= 'A' && local[i] <= 'Z' && local[i - 1] >= 'a' && local[i - 1] <= 'z')
            pc_buf_puts(&b, " ");
        pc_buf_append(&b, local + i, 1);
    }
    if (!b.len)
        pc_buf_puts(&b, "peo");
    return pc_buf_take(&b);
}

/* ------------------------------------------------------------ years */

typedef struct builder {
    const pc_ixbrl_doc *doc;
    const pc_dataset *ds;
    pc_ixbrl_tables *t;
    int fye_month, fye_day;
    bool nomem;
    /* PEO names: year, IndividualAxis member (NULL for none), name */
    struct peo_name {
        int year;
        const char *member;
        const char *name;
        size_t order;        /* document order, the last key of both sorts */
    } * peos, *peos_by_year; /* by member (none first), then year; and by year */
    size_t npeos;
    /* the input set's people by their names written as ids */
    struct person_key {
        char *name_id;
        const char *id;
    } * people;
    size_t npeople;
    /* the PvP rows, by year, subject and item (once they are all read) */
    struct pvp_ref {
        int year;
        const char *subject, *item;
        size_t index;
    } * pvp;
    size_t npvp;
    /* ecd:MeasureName facts: year, rank on ecd:MeasureAxis, name */
    PC_ARRAY(struct measure {
        int year;
        long rank;
        const char *name;
        size_t order;
    })
    measures;
} builder;

/* The covered fiscal year in which `end` falls. A 52/53-week year ends
 * within 6 days of its nominal end. */
static int year_of(const builder *b, pc_date end)
{
    int y, m, d;
    pc_date_to_ymd(end, &y, &m, &d);
    for (int year = y - 1; year <= y + 1; year++) {
        int day = b->fye_day;
        while (day > 28 && !pc_date_valid_ymd(year, b->fye_month, day))
            day--;
        if (end <= pc_date_from_ymd(year, b->fye_month, day) + 6)
            return year;
    }
    return y + 1;
}

/* The fiscal year end's month and day: the end of the document type's
 * context, else the latest end of a context with no dimensions. */
static void find_year_end(builder *b)
{
    const pc_ixbrl_doc *doc = b->doc;
    const pc_ixbrl_context *c = NULL;
    for (size_t i = 0; i < doc->facts.count && !c; i++)
        if (!strcmp(doc->facts.items[i].concept, "dei:DocumentType"))
            c = pc_ixbrl_context_of(doc, doc->facts.items[i].context);
    for (size_t i = 0; i < doc->contexts.count && !c; i++) {
        const pc_ixbrl_context *x = &doc->contexts.items[i];
        if (x->ndims == 0 && (!c || x->end > c->end))
            c = x;
    }
    int y = 0;
    b->fye_month = 12;
    b->fye_day = 31;
    if (c)
        pc_date_to_ymd(c->end, &y, &b->fye_month, &b->fye_day);
}

/* ------------------------------------------------------------ subjects */

static int compare_person_keys(const void *a, const void *b)
{
    return strcmp(((const struct person_key *)a)->name_id, ((const struct person_key *)b)->name_id);
}

/* The input set's people by their names as ids, for person_named. */
static pc_status index_people(builder *b)
{
    if (!b->ds || !b->ds->people.count)
        return PC_OK;
    b->people = calloc(b->ds->people.count, sizeof *b->people);
    if (!b->people)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < b->ds->people.count; i++) {
        const pc_person *p = &b->ds->people.items[i];
        if (!p->name || !p->id)
            continue;
        char *name_id = pc_ixbrl_name_id(p->name);
        if (!name_id)
            return PC_ERR_NOMEM;
        b->people[b->npeople++] = (struct person_key){name_id, p->id};
    }
    if (b->npeople > 1)
        qsort(b->people, b->npeople, sizeof *b->people, compare_person_keys);
    return PC_OK;
}

/* A person of the input set whose name is `name` (case and spacing aside). */
static const char *person_named(const builder *b, const char *name)
{
    if (!b->npeople)
        return NULL;
    char *want = pc_ixbrl_name_id(name);
    if (!want)
        return NULL;
    struct person_key key = {want, NULL};
    const struct person_key *hit =
        b->npeople ? bsearch(&key, b->people, b->npeople, sizeof *b->people, compare_person_keys)
                   : NULL;
    free(want);
    return hit ? hit->id : NULL;
}

static int compare_members(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int compare_peo_names(const void *a, const void *b)
{
    const struct peo_name *x = a, *y = b;
    int c = compare_members(x->member, y->member);
    if (c)
        return c;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int compare_peo_years(const void *a, const void *b)
{
    const struct peo_name *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The first PEO name of `member` (and `year` unless any_year), or NULL. */
static const struct peo_name *peo_by_member(const builder *b, const char *member, int year,
                                            bool any_year)
{
    size_t lo = 0, hi = b->npeos;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_members(b->peos[mid].member, member);
        if (c < 0 || (c == 0 && !any_year && b->peos[mid].year < year))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == b->npeos || compare_members(b->peos[lo].member, member) != 0)
        return NULL;
    return any_year || b->peos[lo].year == year ? &b->peos[lo] : NULL;
}

/* The PEO names of `year`, whatever their member: the first, and how many. */
static const struct peo_name *peos_of_year(const builder *b, int year, size_t *count)
{
    size_t lo = 0, hi = b->npeos;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->peos_by_year[mid].year < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < b->npeos && b->peos_by_year[end].year == year && end - lo < 2)
        end++;
    *count = end - lo;
    return end > lo ? &b->peos_by_year[lo] : NULL;
}

/* The subject of a PEO fact of `year` with IndividualAxis `member`. */
static char *peo_subject(const builder *b, int year, const char *member)
{
    const struct peo_name *p = peo_by_member(b, member, year, false);
    if (!p && member)
        p = peo_by_member(b, member, 0, true);
    if (!p && !member) {
        size_t found = 0;
        p = peos_of_year(b, year, &found);
        if (found > 1)
            p = NULL; /* two PEOs that year: which one is not said */
    }
    const char *name = p ? p->name : NULL;
    if (name) {
        const char *id = person_named(b, name);
        return id ? pc_strdup(id) : pc_ixbrl_name_id(name);
    }
    if (member) {
        char *words = member_words(member);
        const char *id = words ? person_named(b, words) : NULL;
        char *out = id ? pc_strdup(id) : words ? pc_ixbrl_name_id(words) : NULL;
        free(words);
        return out;
    }
    return pc_strdup("peo");
}

/* ------------------------------------------------------------ rows */

static pc_status add_issue(builder *b, pc_ixbrl_issue_kind kind, pc_reported_table table, int year,
                           const char *subject, const char *item, const pc_ixbrl_fact *f,
                           int64_t published, int64_t expected, int decimals, int line)
{
    pc_ixbrl_issue *i = PC_ARRAY_PUSH(&b->t->issues);
    if (!i)
        return PC_ERR_NOMEM;
    i->kind = kind;
    i->table = table;
    i->year = year;
    i->subject = pc_strdup(subject ? subject : "");
    i->item = pc_strdup(item ? item : "");
    i->concept = pc_strdup(f && f->concept ? f->concept : "");
    i->context = pc_strdup(f && f->context ? f->context : "");
    i->displayed = pc_strdup(f && f->displayed ? f->displayed : "");
    i->published_micro = published;
    i->expected_micro = expected;
    i->decimals = decimals;
    i->line = line;
    if (!i->subject || !i->item || !i->concept || !i->context || !i->displayed)
        return PC_ERR_NOMEM;
    return PC_OK;
}

static pc_status add_row(builder *b, pc_reported_table table, int year, const char *subject,
                         const char *item, int64_t value, size_t fact)
{
    pc_reported *r = PC_ARRAY_PUSH(&b->t->rows);
    pc_ixbrl_source *s = PC_ARRAY_PUSH(&b->t->sources);
    if (!r || !s)
        return PC_ERR_NOMEM;
    const pc_ixbrl_fact *f = &b->doc->facts.items[fact];
    r->table = table;
    r->year = year;
    r->subject = pc_strdup(subject);
    r->item = pc_strdup(item);
    r->value_micro = value;
    r->decimals = f->decimals;
    r->line = f->line;
    s->fact = fact;
    if (!r->subject || !r->item)
        return PC_ERR_NOMEM;
    return PC_OK;
}

static bool is_deduction(const char *line)
{
    return line && !strncmp(line, "less_", 5);
}

/* The value a fact should have: a deduction is negative, a figure shown
 * in parentheses is negative; a tag that disagrees is a tagged_sign issue. */
static pc_status signed_value(builder *b, const pc_ixbrl_fact *f, pc_reported_table table, int year,
                              const char *subject, const char *item, int64_t *value)
{
    *value = f->value_micro;
    bool should_be_negative = is_deduction(item) || f->in_parentheses;
    if (should_be_negative && f->value_micro > 0) {
        *value = -f->value_micro;
        return add_issue(b, PC_IXBRL_TAGGED_SIGN, table, year, subject, item, f, f->value_micro,
                         -f->value_micro, f->decimals, f->line);
    }
    return PC_OK;
}

typedef struct pvp_concept {
    const char *concept, *item;
    int who; /* 0 PEO, 1 average, 2 company */
} pvp_concept;

static const pvp_concept pvp_concepts[] = {
    {"ecd:PeoTotalCompAmt", "sct_total", 0},
    {"ecd:PeoActuallyPaidCompAmt", "cap", 0},
    {"ecd:NonPeoNeoAvgTotalCompAmt", "sct_total", 1},
    {"ecd:NonPeoNeoAvgCompActuallyPaidAmt", "cap", 1},
    {"ecd:TotalShareholderRtnAmt", "tsr", 2},
    {"ecd:PeerGroupTotalShareholderRtnAmt", "peer_group_tsr", 2},
    {"us-gaap:NetIncomeLoss", "net_income", 2},
    {"ecd:CoSelectedMeasureAmt", "company_selected_measure", 2},
};

static const pvp_concept *pvp_concept_of(const char *concept)
{
    for (size_t i = 0; i < sizeof pvp_concepts / sizeof pvp_concepts[0]; i++)
        if (!strcmp(concept, pvp_concepts[i].concept))
            return &pvp_concepts[i];
    return NULL;
}

static bool is_peo_concept(const char *concept)
{
    return !strncmp(concept, "ecd:Peo", 7);
}

static pc_status read_peo_names(builder *b)
{
    const pc_ixbrl_doc *doc = b->doc;
    b->peos = calloc(doc->facts.count ? doc->facts.count : 1, sizeof *b->peos);
    b->peos_by_year = calloc(doc->facts.count ? doc->facts.count : 1, sizeof *b->peos);
    if (!b->peos || !b->peos_by_year)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < doc->facts.count; i++) {
        const pc_ixbrl_fact *f = &doc->facts.items[i];
        const pc_ixbrl_context *c = pc_ixbrl_context_of(doc, f->context);
        if (!c)
            continue;
        if (!strcmp(f->concept, "dei:EntityRegistrantName") && !b->t->company &&
            !(b->t->company = pc_strdup(f->displayed)))
            return PC_ERR_NOMEM;
        if (!strcmp(f->concept, "dei:DocumentType") && !b->t->document &&
            !(b->t->document = pc_strdup(f->displayed)))
            return PC_ERR_NOMEM;
        if (!strcmp(f->concept, "ecd:MeasureName") && !f->numeric && f->displayed &&
            *f->displayed) {
            const char *rank = pc_ixbrl_member(doc, c, "ecd:MeasureAxis");
            struct measure *m = PC_ARRAY_PUSH(&b->measures);
            if (!m)
                return PC_ERR_NOMEM;
            *m = (struct measure){year_of(b, c->end), rank ? strtol(rank, NULL, 10) : 0,
                                  f->displayed, i};
            continue;
        }
        if (strcmp(f->concept, "ecd:PeoName") || f->numeric || !f->displayed || !*f->displayed)
            continue;
        const char *category = pc_ixbrl_member(doc, c, "ecd:ExecutiveCategoryAxis");
        if (category && !strcmp(category, "ecd:NonPeoNeoMember"))
            continue; /* reported as peo_fact_on_non_peo */
        b->peos[b->npeos++] = (struct peo_name){
            year_of(b, c->end), pc_ixbrl_member(doc, c, "ecd:IndividualAxis"), f->displayed, i};
    }
    memcpy(b->peos_by_year, b->peos, b->npeos * sizeof *b->peos);
    if (b->npeos > 1)
        qsort(b->peos, b->npeos, sizeof *b->peos, compare_peo_names);
    if (b->npeos > 1)
        qsort(b->peos_by_year, b->npeos, sizeof *b->peos, compare_peo_years);
    return PC_OK;
}

/* A reconciliation group: one year and subject's adjustment facts. */
typedef struct adj_ref {
    int year;
    char *subject;
    const char *line; /* NULL: unmapped */
    size_t fact;
    int64_t value; /* signed as it should read */
} adj_ref;

static int compare_adj(const void *a, const void *b)
{
    const adj_ref *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    if (c)
        return c;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int compare_pvp_refs(const void *a, const void *b)
{
    const struct pvp_ref *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    return c ? c : strcmp(x->item, y->item);
}

/* The PvP rows by year, subject and item; they are unique once
 * drop_duplicates has run. */
static pc_status index_pvp(builder *b)
{
    const pc_ixbrl_tables *t = b->t;
    b->pvp = calloc(t->rows.count ? t->rows.count : 1, sizeof *b->pvp);
    if (!b->pvp)
        return PC_ERR_NOMEM;
    for (size_t i = 0; i < t->rows.count; i++) {
        const pc_reported *r = &t->rows.items[i];
        if (r->table == PC_REPORTED_PVP)
            b->pvp[b->npvp++] = (struct pvp_ref){r->year, r->subject, r->item, i};
    }
    if (b->npvp > 1)
        qsort(b->pvp, b->npvp, sizeof *b->pvp, compare_pvp_refs);
    return PC_OK;
}

/* The PvP row of `year`, `subject`, `item`, or NULL. */
static const pc_reported *find_pvp(const builder *b, int year, const char *subject,
                                   const char *item, size_t *index)
{
    struct pvp_ref key = {year, subject, item, 0};
    const struct pvp_ref *hit =
        b->npvp ? bsearch(&key, b->pvp, b->npvp, sizeof *b->pvp, compare_pvp_refs) : NULL;
    if (!hit)
        return NULL;
    *index = hit->index;
    return &b->t->rows.items[hit->index];
}

/* The index of row keys, for duplicates and lookups. */
typedef struct row_key {
    const pc_reported *row;
    size_t index;
    bool hidden; /* its fact is in ix:hidden */
} row_key;

static int compare_row_keys(const void *a, const void *b)
{
    const pc_reported *x = ((const row_key *)a)->row, *y = ((const row_key *)b)->row;
    if (x->table != y->table)
        return x->table < y->table ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    if (c)
        return c;
    c = strcmp(x->item, y->item);
    if (c)
        return c;
    /* the figure shown is kept before a hidden one */
    if (((const row_key *)a)->hidden != ((const row_key *)b)->hidden)
        return ((const row_key *)a)->hidden ? 1 : -1;
    size_t i = ((const row_key *)a)->index, j = ((const row_key *)b)->index;
    return i < j ? -1 : i > j;
}

static bool same_figure(const pc_reported *x, const pc_reported *y)
{
    return x->table == y->table && x->year == y->year && !strcmp(x->subject, y->subject) &&
           !strcmp(x->item, y->item);
}

/* Two facts for one figure: the first is kept; a later one that differs
 * is duplicate_fact_differs. */
static pc_status drop_duplicates(builder *b)
{
    pc_ixbrl_tables *t = b->t;
    size_t n = t->rows.count;
    if (n < 2)
        return PC_OK;
    row_key *keys = malloc(n * sizeof *keys);
    bool *drop = calloc(n, sizeof *drop);
    if (!keys || !drop) {
        free(keys);
        free(drop);
        return PC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] =
            (row_key){&t->rows.items[i], i, b->doc->facts.items[t->sources.items[i].fact].hidden};
    if (n > 1)
        qsort(keys, n, sizeof *keys, compare_row_keys);
    pc_status st = PC_OK;
    size_t run = 0; /* where the run of keys equal to keys[i] starts */
    for (size_t i = 1; i < n && !st; i++) {
        if (!same_figure(keys[run].row, keys[i].row))
            run = i;
        if (run == i)
            continue;
        const pc_reported *first = keys[run].row;
        const pc_reported *dup = keys[i].row;
        drop[keys[i].index] = true;
        if (dup->value_micro != first->value_micro) {
            const pc_ixbrl_fact *f = &b->doc->facts.items[t->sources.items[keys[i].index].fact];
            st = add_issue(b, PC_IXBRL_DUPLICATE_DIFFERS, dup->table, dup->year, dup->subject,
                           dup->item, f, dup->value_micro, first->value_micro, dup->decimals,
                           dup->line);
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop[i]) {
            free(t->rows.items[i].subject);
            free(t->rows.items[i].item);
            continue;
        }
        t->rows.items[k] = t->rows.items[i];
        t->sources.items[k] = t->sources.items[i];
        k++;
    }
    t->rows.count = t->sources.count = k;
    free(keys);
    free(drop);
    return st;
}

/* The lines of a reconciliation group by name. */
enum {
    G_LESS_EQUITY,
    G_LESS_PENSION,
    G_SERVICE,
    G_PRIOR_SERVICE,
    G_FYE,
    G_CHANGE_UNVESTED,
    G_VEST,
    G_CHANGE_VESTED,
    G_FORFEITED,
    G_DIVIDENDS,
    G_EAE,    /* equity_award_adjustments: the equity lines without the SCT deduction */
    G_EQUITY, /* equity_adjustments: with it */
    G_PENSION,
    G_ALL,
    G_COUNT
};
static const char *const group_lines[G_COUNT] = {
    "less_equity_awards",         "less_pension",
    "plus_pension_service",       "plus_pension_prior_service",
    "fye_fv_granted_in_year",     "change_fv_prior_unvested",
    "fv_at_vest_granted_in_year", "change_fv_prior_vested",
    "less_fv_forfeited",          "dividends",
    "equity_award_adjustments",   "equity_adjustments",
    "pension_adjustments",        "all_adjustments"};

static int group_slot(const char *line)
{
    for (int i = 0; line && i < G_COUNT; i++)
        if (!strcmp(line, group_lines[i]))
            return i;
    return -1;
}

/* DQC_0177 for one group: CAP - SCT total = the sum of the highest-level
 * adjustment facts (unmapped members count at the top). Pushes the
 * reconciliation rows: the leaf lines, the equity subtotal when no leaf
 * stands for it, and sct_total and cap from the PvP table. */
static pc_status finish_group(builder *b, const adj_ref *g, size_t n)
{
    bool present[G_COUNT] = {false};
    pc_i128 value[G_COUNT] = {0};
    size_t fact[G_COUNT] = {0};
    pc_i128 unmapped = 0;
    int decimals = -9;
    pc_status st = PC_OK;
    for (size_t i = 0; i < n; i++) {
        int s = group_slot(g[i].line);
        const pc_ixbrl_fact *f = &b->doc->facts.items[g[i].fact];
        if (f->decimals > decimals)
            decimals = f->decimals;
        if (s < 0) {
            unmapped += g[i].value;
            continue;
        }
        if (present[s]) {
            /* two facts for one line: the first is kept */
            if (g[i].value != (int64_t)value[s])
                st = add_issue(b, PC_IXBRL_DUPLICATE_DIFFERS, PC_REPORTED_CAP, g[i].year,
                               g[i].subject, group_lines[s], f, g[i].value, (int64_t)value[s],
                               f->decimals, f->line);
            if (st)
                return st;
            continue;
        }
        present[s] = true;
        value[s] = g[i].value;
        fact[s] = g[i].fact;
    }
    bool leaves = false;
    for (int s = G_FYE; s <= G_DIVIDENDS; s++)
        leaves |= present[s];
    for (int s = 0; s < G_COUNT && !st; s++) {
        if (!present[s])
            continue;
        if (s <= G_DIVIDENDS || (s == G_EAE && !leaves))
            st = add_row(b, PC_REPORTED_CAP, g[0].year, g[0].subject, group_lines[s],
                         (int64_t)value[s], fact[s]);
    }
    if (st)
        return st;
    pc_i128 eae = present[G_EAE]
                      ? value[G_EAE]
                      : value[G_FYE] + value[G_CHANGE_UNVESTED] + value[G_VEST] +
                            value[G_CHANGE_VESTED] + value[G_FORFEITED] + value[G_DIVIDENDS];
    pc_i128 equity = present[G_EQUITY] ? value[G_EQUITY] : value[G_LESS_EQUITY] + eae;
    pc_i128 pension =
        present[G_PENSION] ? value[G_PENSION] : value[G_SERVICE] + value[G_PRIOR_SERVICE];
    pc_i128 all =
        present[G_ALL] ? value[G_ALL] : value[G_LESS_PENSION] + pension + equity + unmapped;

    size_t sct_i, cap_i;
    const pc_reported *sct = find_pvp(b, g[0].year, g[0].subject, "sct_total", &sct_i);
    const pc_reported *cap = find_pvp(b, g[0].year, g[0].subject, "cap", &cap_i);
    if (!sct || !cap)
        return PC_OK; /* nothing to sum to: the PvP table does not give both */
    size_t sct_fact = b->t->sources.items[sct_i].fact, cap_fact = b->t->sources.items[cap_i].fact;
    int64_t sct_v = sct->value_micro, cap_v = cap->value_micro;
    st = add_row(b, PC_REPORTED_CAP, g[0].year, g[0].subject, "sct_total", sct_v, sct_fact);
    if (!st)
        st = add_row(b, PC_REPORTED_CAP, g[0].year, g[0].subject, "cap", cap_v, cap_fact);
    if (st)
        return st;
    pc_i128 expected = (pc_i128)sct_v + all;
    if (expected != cap_v && expected < INT64_MAX && expected > INT64_MIN) {
        const pc_ixbrl_fact *f = &b->doc->facts.items[cap_fact];
        if (f->decimals > decimals)
            decimals = f->decimals;
        st = add_issue(b, PC_IXBRL_ADJUSTMENTS_DO_NOT_SUM, PC_REPORTED_CAP, g[0].year, g[0].subject,
                       "cap", f, cap_v, (int64_t)expected, decimals, f->line);
    }
    return st;
}

/* The PvP figures and the reconciliation facts. */
static pc_status read_facts(builder *b)
{
    const pc_ixbrl_doc *doc = b->doc;
    adj_ref *adj = calloc(doc->facts.count ? doc->facts.count : 1, sizeof *adj);
    size_t nadj = 0;
    if (!adj)
        return PC_ERR_NOMEM;
    pc_status st = PC_OK;
    for (size_t i = 0; i < doc->facts.count && !st; i++) {
        const pc_ixbrl_fact *f = &doc->facts.items[i];
        const pc_ixbrl_context *c = pc_ixbrl_context_of(doc, f->context);
        if (!c)
            continue;
        int year = year_of(b, c->end);
        if (b->t->fiscal_year < year)
            b->t->fiscal_year = year;
        const char *category = pc_ixbrl_member(doc, c, "ecd:ExecutiveCategoryAxis");
        const char *individual = pc_ixbrl_member(doc, c, "ecd:IndividualAxis");
        bool non_peo = category && !strcmp(category, "ecd:NonPeoNeoMember");
        if (is_peo_concept(f->concept) && non_peo) {
            st = add_issue(b, PC_IXBRL_PEO_ON_NON_PEO, PC_REPORTED_PVP, year, SUBJECT_AVERAGE,
                           f->concept, f, f->value_micro, 0, f->decimals, f->line);
            continue;
        }
        if (!f->numeric || f->nil)
            continue;
        const pvp_concept *pc = pvp_concept_of(f->concept);
        if (pc) {
            /* company figures and averages carry no dimension; a PEO's at most
             * IndividualAxis */
            if ((pc->who != 0 && c->ndims) || (pc->who == 0 && c->ndims > (individual ? 1u : 0u)))
                continue;
            char *subject = pc->who == 0   ? peo_subject(b, year, individual)
                            : pc->who == 1 ? pc_strdup(SUBJECT_AVERAGE)
                                           : pc_strdup(SUBJECT_COMPANY);
            if (!subject)
                st = PC_ERR_NOMEM;
            int64_t v = 0;
            if (!st)
                st = signed_value(b, f, PC_REPORTED_PVP, year, subject, pc->item, &v);
            if (!st)
                st = add_row(b, PC_REPORTED_PVP, year, subject, pc->item, v, i);
            b->t->tagged++;
            free(subject);
            continue;
        }
        if (strcmp(f->concept, "ecd:AdjToCompAmt") != 0 || !category)
            continue;
        const char *member = pc_ixbrl_member(doc, c, "ecd:AdjToCompAxis");
        const char *line = pc_ixbrl_member_line(member);
        char *subject = non_peo ? pc_strdup(SUBJECT_AVERAGE) : peo_subject(b, year, individual);
        if (!subject) {
            st = PC_ERR_NOMEM;
            break;
        }
        int64_t v = 0;
        st = signed_value(b, f, PC_REPORTED_CAP, year, subject, line ? line : member, &v);
        if (!st && !line)
            st = add_issue(b, PC_IXBRL_UNMAPPED_MEMBER, PC_REPORTED_CAP, year, subject,
                           member ? member : "(no ecd:AdjToCompAxis member)", f, v, 0, f->decimals,
                           f->line);
        adj[nadj++] = (adj_ref){year, subject, line, i, v};
        b->t->tagged++;
    }
    if (!st)
        st = drop_duplicates(b);
    if (!st)
        st = index_pvp(b);
    if (!st && nadj)
        if (nadj > 1)
            qsort(adj, nadj, sizeof *adj, compare_adj);
    for (size_t i = 0, end; i < nadj && !st; i = end) {
        for (end = i + 1; end < nadj && adj[end].year == adj[i].year &&
                          !strcmp(adj[end].subject, adj[i].subject);
             end++)
            ;
        st = finish_group(b, adj + i, end - i);
    }
    for (size_t i = 0; i < nadj; i++)
        free(adj[i].subject);
    free(adj);
    return st;
}

/* ------------------------------------------------------------ missing_fact */

typedef struct column_ref {
    int table, column;
    size_t fact;
} column_ref;

static int compare_columns(const void *a, const void *b)
{
    const column_ref *x = a, *y = b;
    if (x->table != y->table)
        return x->table < y->table ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

/* doc->pvp_tables is sorted and unique once read. */
static bool pvp_table(const pc_ixbrl_doc *doc, int table)
{
    return doc->pvp_tables.count &&
           bsearch(&table, doc->pvp_tables.items, doc->pvp_tables.count, sizeof(int), compare_ints);
}

/* A number printed in the PvP table with no tag; "N/A" and empty cells are
 * not published, so never missing. The concept is the one tagged in the
 * same column of another row. */
static pc_status find_missing(builder *b)
{
    const pc_ixbrl_doc *doc = b->doc;
    column_ref *cols = malloc((doc->facts.count ? doc->facts.count : 1) * sizeof *cols);
    if (!cols)
        return PC_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < doc->facts.count; i++)
        if (doc->facts.items[i].table && doc->facts.items[i].numeric)
            cols[n++] = (column_ref){doc->facts.items[i].table, doc->facts.items[i].column, i};
    if (n > 1)
        qsort(cols, n, sizeof *cols, compare_columns);
    pc_status st = PC_OK;
    for (size_t i = 0; i < doc->cells.count && !st; i++) {
        const pc_ixbrl_cell *cell = &doc->cells.items[i];
        if (!pvp_table(doc, cell->table))
            continue;
        pc_printed p;
        if (pc_parse_printed(cell->text, &p, NULL, 0) != PC_OK || !p.published)
            continue;
        /* the first fact of the same column */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cols[mid].table < cell->table ||
                (cols[mid].table == cell->table && cols[mid].column < cell->column))
                lo = mid + 1;
            else
                hi = mid;
        }
        const pc_ixbrl_fact *like =
            lo < n && cols[lo].table == cell->table && cols[lo].column == cell->column
                ? &doc->facts.items[cols[lo].fact]
                : NULL;
        const pvp_concept *pc = like ? pvp_concept_of(like->concept) : NULL;
        char *subject = !pc || pc->who == 0 ? peo_subject(b, cell->year, NULL)
                        : pc->who == 1      ? pc_strdup(SUBJECT_AVERAGE)
                                            : pc_strdup(SUBJECT_COMPANY);
        if (!subject)
            return PC_ERR_NOMEM;
        pc_ixbrl_fact shown = {
            .concept = like ? like->concept : "", .context = "", .displayed = cell->text};
        st = add_issue(b, PC_IXBRL_MISSING_FACT, PC_REPORTED_PVP, cell->year, subject,
                       pc ? pc->item : "", &shown, p.value_micro, 0, p.decimals, cell->line);
        free(subject);
    }
    free(cols);
    return st;
}

static int compare_measures(const void *a, const void *b)
{
    const struct measure *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The tabular list of Item 402(v)(6): the measures of the latest covered
 * year, in their MeasureAxis order. */
static pc_status tabular_list(builder *b)
{
    if (b->measures.count > 1)
        qsort(b->measures.items, b->measures.count, sizeof *b->measures.items, compare_measures);
    for (size_t i = 0; i < b->measures.count; i++) {
        if (b->measures.items[i].year != b->t->fiscal_year)
            continue;
        const char **slot = PC_ARRAY_PUSH(&b->t->measures);
        if (!slot)
            return PC_ERR_NOMEM;
        *slot = b->measures.items[i].name;
    }
    return PC_OK;
}

pc_status pc_ixbrl_build(const pc_ixbrl_doc *doc, const pc_dataset *ds, pc_ixbrl_tables *t)
{
    builder b = {.doc = doc, .ds = ds, .t = t};
    find_year_end(&b);
    pc_status st = index_people(&b);
    if (!st)
        st = read_peo_names(&b);
    if (!st)
        st = read_facts(&b);
    if (!st)
        st = find_missing(&b);
    if (!st)
        st = tabular_list(&b);
    t->first_year = t->fiscal_year;
    for (size_t i = 0; i < t->rows.count; i++)
        if (t->rows.items[i].year < t->first_year)
            t->first_year = t->rows.items[i].year;
    free(b.peos);
    free(b.peos_by_year);
    for (size_t i = 0; i < b.npeople; i++)
        free(b.people[i].name_id);
    free(b.people);
    free(b.pvp);
    free(b.measures.items);
    return st;
}
