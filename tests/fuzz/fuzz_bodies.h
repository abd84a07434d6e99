/*
 * The entry logic of the fuzzing harnesses (tests/fuzz/fuzz_*.c), shared
 * with the Criterion test that replays every input the fuzzers once crashed
 * on (tests/test_fuzz_regressions.c), so a regression file is checked by
 * exactly the code that found it.
 *
 * Each body takes the fuzzer's bytes, runs them through the library, checks
 * the properties that must hold for any input, and abort()s when one does
 * not (libFuzzer reports an abort as a crash, Criterion as a crashed test).
 * A sanitizer report is the other way a body fails.
 */
#ifndef PAYCALC_FUZZ_BODIES_H
#define PAYCALC_FUZZ_BODIES_H

#include <stddef.h>
#include <stdint.h>

/* fuzz_csv: the first byte chooses one CSV file of the input set: its value
 * modulo 12 counts from people.csv to reported.csv in the order of pc_file,
 * so the seeds use '0' (people.csv) to ';' (reported.csv); a first byte of
 * 0xF0 or more also writes the workbook. The rest replaces that file in a
 * scratch copy of a small valid input set (tests/fuzz/base), which is then
 * read, computed, verified and written as JSON. */
void fuzz_csv_body(const uint8_t *data, size_t size);

/* fuzz_config: the bytes are paycalc.json of the scratch input set; an
 * input whose length is a multiple of 8 also writes the workbook. */
void fuzz_config_body(const uint8_t *data, size_t size);

/* fuzz_values: the value parsers of parse.h on one field's text (the first
 * byte picks decimal places and limits), with round trips through the
 * money and date formatting. */
void fuzz_values_body(const uint8_t *data, size_t size);

/* fuzz_reported: the bytes are a reported.csv read on its own
 * (paycalc verify --reported FILE): read, internal checks, both outputs;
 * then the same file as last year's figures (pc_read_prior: a report.json
 * when it opens a JSON object). */
void fuzz_reported_body(const uint8_t *data, size_t size);

/* fuzz_cli: the whole command line on an input set, as `paycalc run DIR
 * --out OUT --quiet` runs it. The bytes are split at form feeds ('\f');
 * section k, when not empty, replaces file k of the scratch input set in
 * the order of pc_file (paycalc.json first), so "\f\f\fTEXT" replaces
 * cash.csv. Exit 0 must leave a report.json that parses and a workbook
 * whose every part parses as XML; exit 3 must leave no report. */
void fuzz_cli_body(const uint8_t *data, size_t size);

/* fuzz_ixbrl: the bytes are an Inline XBRL document (verify --ixbrl):
 * read, tables built, every check run, the JSON line written and parsed
 * back; every finding names its fact. */
void fuzz_ixbrl_body(const uint8_t *data, size_t size);

#endif
