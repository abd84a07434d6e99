/*
 * Helpers shared by the Criterion tests: running the paycalc program,
 * reading files, making scratch folders.
 */
#ifndef PAYCALC_TEST_SUPPORT_H
#define PAYCALC_TEST_SUPPORT_H

#include <stddef.h>

/* The source tree and the built program (set by CMake). */
#define SOURCE_DIR PAYCALC_SOURCE_DIR
#define PAYCALC PAYCALC_BINARY

/* The result of running the program. Strings are malloc'ed. */
typedef struct run_result {
    int status; /* exit status, or -1 if it did not exit normally */
    char *out;  /* standard output */
    char *err;  /* standard error */
} run_result;

/* Runs `PAYCALC args...` (args is a NULL-terminated list) with no shell. */
run_result run_paycalc(const char *const *args);
/* Runs `program args...` (an absolute path; args as above) with no shell. */
run_result run_program(const char *program, const char *const *args);

/* Debian's Python, the one scripts/deps.sh --tests installs openpyxl and numpy for
 * (a python3 earlier on PATH may lack them). */
#define PYTHON "/usr/bin/python3"

/* Runs `PYTHON args...` like run_paycalc. */
run_result run_python(const char *const *args);

/* Fails the running test (never skips it: a check that quietly does not run
 * proves nothing) when PYTHON or the module is missing, naming the Debian
 * package scripts/deps.sh --tests installs. */
void require_python_module(const char *module);
void run_result_free(run_result *r);

/* Whole file into a NUL-terminated malloc'ed buffer (NULL if unreadable);
 * its length in *size when size is not NULL. */
char *read_file(const char *path, size_t *size);

/* Writes text to a file (creating or truncating it); returns 0 on success. */
int write_text(const char *path, const char *text);

/* "dir/name" (malloc'ed; the test fails when memory runs out), so that no
 * path is cut short by a fixed-size buffer. */
char *path_join(const char *dir, const char *name);

/* A new empty folder under /tmp (malloc'ed path). */
char *make_temp_dir(void);

/* Copies every regular file of folder `from` into folder `to`. */
int copy_dir(const char *from, const char *to);

/* Removes a folder and everything in it (one level of files). */
void remove_dir(const char *dir);

/* Counts the entries of a folder (not . and .., nor the lock file an output
 * folder keeps, PC_OUTPUT_LOCK_NAME). */
int count_entries(const char *dir);

#endif
