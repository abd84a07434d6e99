/*
 * The project's own check of a written Inline XBRL section (SPEC section
 * 15), beyond the syntax the kit's schemas check: what no XML Schema can
 * say about the facts. Used by tests/test_ixbrl.c on every section run
 * writes, and on seeded defects, each of which must fail its rule.
 *
 * Rules (the first word of each finding):
 *   syntax                 the kit's check-ixbrl-syntax.sh fails
 *   unresolved_ref         a contextRef or unitRef names no context or unit
 *   unknown_concept        a fact is not an ECD/DEI/us-gaap concept of SPEC 15's
 *                          table (or a relationship text block), or not in ECD
 *   unknown_member         a member is not ECD's or declared in the extension
 *   dimension_not_allowed  a fact's context has a dimension its concept may not have
 *   duplicate_differs      two facts of one concept, context and unit differ
 *   dqc_0177               the top-level adjustments of a year, category and PEO do
 *                          not sum to CAP minus the SCT total (or are missing)
 *   dqc_0191               a PEO concept on ecd:NonPeoNeoMember
 *   dqc_0188               ECD 2024 or later and no standard AdjToCompAxis member
 */
#ifndef PAYCALC_TEST_IXBRL_CHECK_H
#define PAYCALC_TEST_IXBRL_CHECK_H

/* The kit: ../shared/ixbrl beside the checkout unless CMake was told
 * another place (PAYCALC_IXBRL_KIT). */
#ifndef PAYCALC_IXBRL_KIT
#define PAYCALC_IXBRL_KIT PAYCALC_SOURCE_DIR "/../shared/ixbrl"
#endif

/* Every finding of the section `htm` (its extension schema beside it), one
 * a line "rule: message"; "" when there is none. Malloc'ed. */
char *ixbrl_check(const char *htm);

/* How many findings of `rule` the text of ixbrl_check holds. */
int ixbrl_count(const char *findings, const char *rule);

#endif
