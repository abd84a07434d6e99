/*
 * The fault suite of SPEC section 14, through the program: interrupts and
 * kills at random moments of a large run, concurrent runs into one folder,
 * special files and symlinks where a report goes, a FIFO as an input,
 * hostile but valid text, the umask, and standard output that cannot be
 * written. Each case ends with the promise it checks: the output folder
 * holds either the earlier pair or a complete new pair from one run, every
 * part of every workbook parses as XML, and nothing else is left behind.
 *
 * Bounded: 20 SIGINT, 20 SIGKILL, 20 concurrent pairs, each run under a
 * limit of processor time (a hang fails the test), a fixed seed for the
 * moments. Nothing depends on how fast the machine is: a moment is a step of
 * the run (tests/shim/stop_at.c stops paycalc at its Nth file call, where
 * the signal is delivered), not a time, and a hang is a run that used more
 * processor time than any run needs, which a busy machine does not change.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "paycalc/model.h"
#include "paycalc/output.h"
#include "support.h"
#include "xlsx_xml.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"
#define PYTHON "/usr/bin/python3" /* Debian's, installed by scripts/deps.sh --tests */

/* ---- running the program --------------------------------------------------------- */

/* The processor time (user and system) of the child reaped last. */
static double child_cpu_seconds;

/* Starts `program args...` with standard input from /dev/null, standard
 * output to `out_fd` and standard error to `err_fd` (-1: /dev/null). */
static pid_t spawn(const char *program, const char *const *args, int out_fd, int err_fd)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(out_fd >= 0 ? out_fd : null, 1);
        dup2(err_fd >= 0 ? err_fd : null, 2);
        size_t n = 0;
        while (args[n])
            n++;
        char **argv = calloc(n + 2, sizeof *argv);
        argv[0] = (char *)program;
        for (size_t i = 0; i < n; i++)
            argv[i + 1] = (char *)args[i];
        execv(program, argv);
        _exit(127);
    }
    return pid;
}

/* Waits for `pid` to end, allowing it `seconds` of processor time: a
 * process that uses more has hung (a loop), and the kernel ends it
 * (RLIMIT_CPU), which fails the test. Processor time, not the clock, so a
 * busy machine that runs paycalc slowly makes no test fail. Returns the wait
 * status; the child's peak memory in *max_rss_kb when not NULL. */
static int wait_for(pid_t pid, double seconds, long *max_rss_kb)
{
    struct rlimit cpu = {(rlim_t)seconds, (rlim_t)seconds + 1};
    prlimit(pid, RLIMIT_CPU, &cpu, NULL); /* fails only once it has ended */
    int status;
    struct rusage ru;
    pid_t got;
    while ((got = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
        ;
    cr_assert(got == pid, "wait4: %s", strerror(errno));
    child_cpu_seconds = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    cr_assert(
        !(WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) &&
            !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && child_cpu_seconds >= seconds),
        "the program used over %.0f s of processor time without finishing (hang)", seconds);
    if (max_rss_kb)
        *max_rss_kb = ru.ru_maxrss;
    return status;
}

static int exit_code(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Runs paycalc to the end; standard error (malloc'ed) in *err when not NULL. */
static int paycalc(const char *const *args, double seconds, char **err)
{
    char path[] = "/tmp/paycalc-faults-err-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    unlink(path);
    int status = wait_for(spawn(PAYCALC, args, -1, fd), seconds, NULL);
    if (err) {
        off_t n = lseek(fd, 0, SEEK_END);
        *err = calloc(1, (size_t)n + 1);
        cr_assert(pread(fd, *err, (size_t)n, 0) == n);
    }
    close(fd);
    return exit_code(status);
}

/* ---- input sets -------------------------------------------------------------- */

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Sets company.name of the input set in `dir`. */
static void set_company(const char *dir, const char *name)
{
    char *file = path_in(dir, "paycalc.json");
    json_error_t e;
    json_t *root = json_load_file(file, 0, &e);
    cr_assert_not_null(root, "%s: %s", file, e.text);
    json_object_set_new(json_object_get(root, "company"), "name", json_string(name));
    cr_assert_eq(json_dump_file(root, file, JSON_INDENT(2)), 0);
    json_decref(root);
    free(file);
}

/* A synthetic input set (tests/gen_inputs.py) of `neos` people with 8
 * awards of 12 tranches each over 5 years, its company named `company`. */
static char *generated_set(int neos, const char *company)
{
    cr_assert_eq(access(PYTHON, X_OK), 0, "%s is needed (scripts/deps.sh --tests installs it)",
                 PYTHON);
    char *dir = make_temp_dir();
    char count[16];
    snprintf(count, sizeof count, "%d", neos);
    const char *args[] = {GENERATOR, dir,          "--neos", count,     "--awards-per-person",
                          "8",       "--tranches", "12",     "--years", "5",
                          "--seed",  "13",         NULL};
    cr_assert_eq(exit_code(wait_for(spawn(PYTHON, args, -1, -1), 120, NULL)), 0,
                 "the generator failed");
    set_company(dir, company);
    return dir;
}

static char *copy_of_cbak(void)
{
    char *dir = make_temp_dir();
    cr_assert_eq(copy_dir(CBAK, dir), 0);
    return dir;
}

/* ---- what an output folder may hold ---------------------------------------------- */

/* The company named in report.json, malloc'ed. */
static char *json_company(const char *path)
{
    json_error_t e;
    json_t *root = json_load_file(path, 0, &e);
    cr_assert_not_null(root, "%s does not parse: %s", path, e.text);
    const char *name = json_string_value(json_object_get(json_object_get(root, "company"), "name"));
    cr_assert_not_null(name, "%s: no company name", path);
    char *copy = strdup(name);
    json_decref(root);
    return copy;
}

static void assert_workbook_parses(const char *path)
{
    char why[512];
    int parts = xlsx_xml_check(path, why, sizeof why);
    cr_assert(parts > 0, "%s: %s", path, why);
}

/* The one .htm of the ixbrl/ folder in `out`, read whole (the test fails
 * when there is not exactly one). */
static char *ixbrl_document(const char *out)
{
    char *folder = path_in(out, "ixbrl");
    DIR *d = opendir(folder);
    cr_assert_not_null(d, "no ixbrl/ folder beside the reports");
    char *text = NULL;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 4 && !strcmp(e->d_name + n - 4, ".htm")) {
            char *path = path_in(folder, e->d_name);
            free(text);
            text = read_file(path, NULL);
            free(path);
            found++;
        }
    }
    closedir(d);
    free(folder);
    cr_assert_eq(found, 1, "ixbrl/ holds %d documents", found);
    cr_assert_not_null(text);
    return text;
}

/* The folder holds a complete set from one run: report.json names one of
 * `companies`, and the workbook parses and names the same company, as does
 * the Inline XBRL section in ixbrl/ (SPEC sections 14 and 15). */
static void assert_one_pair(const char *out, const char *const companies[2])
{
    char *json = path_in(out, "report.json"), *xlsx = path_in(out, "report.xlsx");
    char *company = json_company(json);
    cr_assert(!strcmp(company, companies[0]) || !strcmp(company, companies[1]), "company %s",
              company);
    assert_workbook_parses(xlsx);
    const char *other = strcmp(company, companies[0]) ? companies[0] : companies[1];
    cr_assert_gt(xlsx_xml_contains(xlsx, company), 0, "the workbook is not %s's", company);
    cr_assert_eq(xlsx_xml_contains(xlsx, other), 0, "the workbook is %s's, the JSON %s's", other,
                 company);
    char *htm = ixbrl_document(out);
    cr_assert_not_null(strstr(htm, company), "the Inline XBRL section is not %s's", company);
    cr_assert_null(strstr(htm, other), "the Inline XBRL section is %s's, the JSON %s's", other,
                   company);
    free(htm);
    free(company);
    free(json);
    free(xlsx);
}

/* Counts what is in `out` besides the pair and the lock file; private
 * temporary folders counted apart. */
static void count_extra(const char *out, int *temp_folders, int *others)
{
    *temp_folders = 0;
    *others = 0;
    DIR *d = opendir(out);
    cr_assert_not_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, "report.json") ||
            !strcmp(n, "report.xlsx") || !strcmp(n, "ixbrl") || !strcmp(n, PC_OUTPUT_LOCK_NAME))
            continue;
        if (!strncmp(n, PC_OUTPUT_TEMP_PREFIX, strlen(PC_OUTPUT_TEMP_PREFIX)))
            ++*temp_folders;
        else
            ++*others;
    }
    closedir(d);
}

/* ---- interrupts and kills ------------------------------------------------------ */

/* Starts `paycalc args...` with tests/shim/stop_at.c preloaded: stopped
 * (SIGSTOP) just before its file call number `stop_at` (0: never), and
 * writing its number of file calls into `count_file` at exit (NULL: not). */
static pid_t spawn_stepped(const char *const *args, long stop_at, const char *count_file)
{
    char at[32];
    snprintf(at, sizeof at, "%ld", stop_at);
    setenv("LD_PRELOAD", PAYCALC_STOP_AT_SHIM, 1);
    setenv("PAYCALC_STOP_AT", at, 1);
    if (count_file)
        setenv("PAYCALC_STOP_COUNT", count_file, 1);
    /* An AddressSanitizer build wants its runtime first; the shim is
     * loaded ahead of it on purpose. */
    setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
    pid_t pid = spawn(PAYCALC, args, -1, -1);
    unsetenv("LD_PRELOAD");
    unsetenv("PAYCALC_STOP_AT");
    unsetenv("PAYCALC_STOP_COUNT");
    unsetenv("ASAN_OPTIONS");
    return pid;
}

/* One full run of `set` into `out`; returns how many steps (file calls) it
 * took. */
static long full_run(const char *set, const char *out)
{
    char count_file[] = "/tmp/paycalc-faults-steps-XXXXXX";
    int fd = mkstemp(count_file);
    cr_assert(fd >= 0);
    close(fd);
    const char *args[] = {"run", set, "--out", out, "--quiet", NULL};
    cr_assert_eq(exit_code(wait_for(spawn_stepped(args, 0, count_file), 120, NULL)), 0);
    char *text = read_file(count_file, NULL);
    unlink(count_file);
    long steps = text ? atol(text) : 0;
    free(text);
    cr_assert_gt(steps, 0, "no steps counted: is %s loaded?", PAYCALC_STOP_AT_SHIM);
    return steps;
}

/* Runs alternately set a and set b into `out`, each hit by `sig` at a
 * random moment of its run, `count` times; checks the folder after each.
 * A moment is a step: the run is stopped at its Nth file call, N drawn from
 * 1 to a tenth past the steps of a whole run, and gets the signal there. */
static void interrupt_runs(int sig, int count)
{
    const char *companies[2] = {"Earlier Pair Inc.", "Later Pair Inc."};
    char *sets[2] = {generated_set(6, companies[0]), generated_set(6, companies[1])};
    char *out = make_temp_dir();
    long steps = (full_run(sets[0], out) + full_run(sets[1], out)) / 2;
    srand(13);
    int before = 0, after = 0;
    for (int i = 0; i < count; i++) {
        const char *args[] = {"run", sets[(i + 1) % 2], "--out", out, "--quiet", NULL};
        long at = 1 + (long)((double)steps * 1.1 * rand() / RAND_MAX);
        pid_t pid = spawn_stepped(args, at, NULL);
        int status;
        pid_t got;
        while ((got = waitpid(pid, &status, WUNTRACED)) < 0 && errno == EINTR)
            ;
        cr_assert_eq(got, pid, "waitpid: %s", strerror(errno));
        if (WIFSTOPPED(status)) {
            kill(pid, sig);
            kill(pid, SIGCONT);
            status = wait_for(pid, 120, NULL);
        }
        cr_assert(WIFSIGNALED(status) || exit_code(status) == 0, "run %d: status %d", i, status);
        if (WIFSIGNALED(status))
            before++;
        else
            after++;
        assert_one_pair(out, companies);
        int temp_folders, others;
        count_extra(out, &temp_folders, &others);
        cr_assert_eq(others, 0, "run %d left a stray file", i);
        if (sig == SIGKILL)
            cr_assert_leq(temp_folders, 1, "run %d: more than one private folder", i);
        else
            cr_assert_eq(temp_folders, 0, "run %d left its temporary folder", i);
    }
    /* The next complete run removes what a killed one left. */
    full_run(sets[0], out);
    int temp_folders, others;
    count_extra(out, &temp_folders, &others);
    cr_assert_eq(temp_folders + others, 0);
    cr_log_info("%d interrupted, %d finished first", before, after);
    cr_assert_gt(before, 0, "no run was interrupted: the steps are all past the end");
    for (int i = 0; i < 2; i++) {
        remove_dir(sets[i]);
        free(sets[i]);
    }
    remove_dir(out);
    free(out);
}

Test(faults, sigint_at_random_moments_leaves_one_complete_pair_and_no_temporary_file)
{
    interrupt_runs(SIGINT, 20);
}

Test(faults, sigterm_and_sighup_remove_the_temporary_files_too)
{
    interrupt_runs(SIGTERM, 4);
    interrupt_runs(SIGHUP, 4);
}

Test(faults, sigkill_at_random_moments_leaves_at_most_the_private_folder)
{
    interrupt_runs(SIGKILL, 20);
}

Test(faults, concurrent_runs_into_one_folder_leave_a_pair_from_one_run)
{
    const char *companies[2] = {"Alpha Pair Inc.", "Beta Pair Inc."};
    char *sets[2] = {generated_set(2, companies[0]), generated_set(2, companies[1])};
    char *out = make_temp_dir();
    for (int i = 0; i < 20; i++) {
        pid_t pids[2];
        for (int k = 0; k < 2; k++) {
            const char *args[] = {"run", sets[k], "--out", out, "--quiet", NULL};
            pids[k] = spawn(PAYCALC, args, -1, -1);
        }
        for (int k = 0; k < 2; k++)
            cr_assert_eq(exit_code(wait_for(pids[k], 120, NULL)), 0);
        assert_one_pair(out, companies);
        int temp_folders, others;
        count_extra(out, &temp_folders, &others);
        cr_assert_eq(temp_folders + others, 0, "pair %d left files", i);
    }
    for (int i = 0; i < 2; i++) {
        remove_dir(sets[i]);
        free(sets[i]);
    }
    remove_dir(out);
    free(out);
}

/* ---- special files at the targets --------------------------------------------- */

/* A device of our own in `dir` (a copy of /dev/null's numbers), never the
 * system's: a paycalc that wrongly replaced it would break the machine. Where
 * devices cannot be made (not root), a UNIX socket: special all the same. */
static char *special_file(const char *dir, const char *name)
{
    char *path = path_in(dir, name);
    if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) == 0)
        return path;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    cr_assert_lt(strlen(path), sizeof addr.sun_path);
    strcpy(addr.sun_path, path);
    cr_assert_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0, "%s", strerror(errno));
    close(fd);
    return path;
}

/* Runs CBAK with `target_flag` naming `target` (the other report in
 * `out`): exit 4, a message naming the target, and neither report written. */
static void assert_target_refused(const char *target_flag, const char *target, const char *out)
{
    const char *args[] = {"run", CBAK, "--out", out, target_flag, target, "--quiet", NULL};
    char *err;
    cr_assert_eq(paycalc(args, 60, &err), 4, "%s %s: %s", target_flag, target, err);
    cr_assert_not_null(strstr(err, target), "%s", err);
    cr_assert_not_null(strstr(err, "left it as it is"), "%s", err);
    free(err);
    int temp_folders, others;
    count_extra(out, &temp_folders, &others);
    cr_assert_eq(temp_folders, 0);
    char *json = path_in(out, "report.json"), *xlsx = path_in(out, "report.xlsx");
    cr_assert(strcmp(target_flag, "--xlsx") || access(json, F_OK) != 0,
              "report.json written without its workbook");
    cr_assert(strcmp(target_flag, "--json") || access(xlsx, F_OK) != 0,
              "report.xlsx written without its JSON");
    free(json);
    free(xlsx);
}

Test(faults, a_device_a_fifo_a_symlink_or_a_folder_at_a_target_is_refused_and_kept)
{
    char *out = make_temp_dir();
    char *fifo = path_in(out, "pipe.xlsx"), *link = path_in(out, "link.json");
    char *victim = path_in(out, "victim.txt"), *folder = path_in(out, "folder.xlsx");
    cr_assert_eq(mkfifo(fifo, 0644), 0);
    cr_assert_eq(mkdir(folder, 0755), 0);
    write_text(victim, "precious");
    cr_assert_eq(symlink(victim, link), 0);

    char *device = special_file(out, "device");
    assert_target_refused("--json", device, out);
    assert_target_refused("--xlsx", device, out);
    assert_target_refused("--xlsx", fifo, out);
    assert_target_refused("--json", link, out);
    assert_target_refused("--xlsx", link, out);
    assert_target_refused("--xlsx", folder, out);

    struct stat st;
    cr_assert_eq(lstat(device, &st), 0);
    cr_assert(!S_ISREG(st.st_mode), "the device became a regular file");
    free(device);
    cr_assert_eq(lstat(fifo, &st), 0);
    cr_assert(S_ISFIFO(st.st_mode));
    cr_assert_eq(lstat(link, &st), 0);
    cr_assert(S_ISLNK(st.st_mode));
    cr_assert_eq(lstat(folder, &st), 0);
    cr_assert(S_ISDIR(st.st_mode));
    char *text = read_file(victim, NULL);
    cr_assert_str_eq(text, "precious");
    free(text);
    remove_dir(out);
    free(fifo);
    free(link);
    free(victim);
    free(folder);
    free(out);
}

Test(faults, the_same_file_for_both_reports_is_a_usage_error)
{
    char *out = make_temp_dir();
    char *same = path_in(out, "both");
    const char *args[] = {"run", CBAK, "--json", same, "--xlsx", same, "--quiet", NULL};
    char *err;
    cr_assert_eq(paycalc(args, 60, &err), 2, "%s", err);
    cr_assert_not_null(strstr(err, "same file"), "%s", err);
    cr_assert_eq(access(same, F_OK), -1);
    free(err);
    remove_dir(out);
    free(same);
    free(out);
}

Test(faults, an_empty_or_overlong_output_folder_is_refused_with_its_reason)
{
    const char *empty[] = {"run", CBAK, "--out", "", "--quiet", NULL};
    char *err;
    cr_assert_eq(paycalc(empty, 60, &err), 2, "%s", err);
    cr_assert_null(strstr(err, "Success"), "%s", err);
    free(err);

    char *base = make_temp_dir();
    size_t n = strlen(base) + 5000;
    char *longer = malloc(n + 1);
    strcpy(longer, base);
    for (size_t i = strlen(base); i < n; i++)
        longer[i] = (i % 200 == 0) ? '/' : 'a';
    longer[n] = '\0';
    const char *args[] = {"run", CBAK, "--out", longer, "--quiet", NULL};
    cr_assert_eq(paycalc(args, 60, &err), 4, "%s", err);
    cr_assert_null(strstr(err, "Success"), "%s", err);
    cr_assert_eq(count_entries(base), 0, "a truncated folder was created");
    free(err);
    /* Short names, but more of them than a path holds: nothing is created
     * (2,048 nested folders were left behind). */
    for (size_t i = strlen(base); i < n; i++)
        longer[i] = (i % 2 == 0) ? '/' : 'a';
    cr_assert_eq(paycalc(args, 60, &err), 4, "%s", err);
    cr_assert(strstr(err, "a path may have at most"), "%s", err);
    cr_assert_eq(count_entries(base), 0, "nested folders were created");
    free(err);
    remove_dir(base);
    free(base);
    free(longer);
}

/* ---- inputs that are not regular files ----------------------------------------- */

/* A writer at the FIFO `path`: a child that opens it for writing (waiting
 * for a reader) and writes `text`, the file the FIFO replaced. A paycalc
 * that refuses the FIFO lets the writer wait until the test ends it; one
 * that opened the FIFO and waited for data (the hang guarded against) would
 * get the whole valid file instead and pass or fail on it, so the test tells
 * the two apart by the message, with no clock. */
static pid_t fifo_writer(const char *path, const char *text)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        int fd = open(path, O_WRONLY);
        size_t n = strlen(text);
        for (size_t done = 0; fd >= 0 && done < n;) {
            ssize_t w = write(fd, text + done, n - done);
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        _exit(0);
    }
    return pid;
}

Test(faults, a_fifo_as_an_input_file_is_an_error_not_a_hang)
{
    const char *files[] = {"people.csv", "paycalc.json", "prices.csv"};
    for (size_t i = 0; i < 3; i++) {
        char *set = copy_of_cbak();
        char *file = path_in(set, files[i]);
        char *text = read_file(file, NULL);
        cr_assert_not_null(text);
        unlink(file);
        cr_assert_eq(mkfifo(file, 0644), 0);
        for (int cmd = 0; cmd < 2; cmd++) {
            char *out = make_temp_dir();
            const char *check[] = {"check", set, NULL};
            const char *run[] = {"run", set, "--out", out, "--quiet", NULL};
            char *err;
            pid_t writer = fifo_writer(file, text);
            int status = paycalc(cmd ? run : check, 20, &err);
            kill(writer, SIGKILL);
            waitpid(writer, NULL, 0);
            cr_assert_eq(status, 3, "%s: %s", files[i], err);
            cr_assert_not_null(strstr(err, files[i]), "%s", err);
            cr_assert_not_null(strstr(err, "not a regular file"), "%s", err);
            cr_assert_eq(count_entries(out), 0);
            free(err);
            remove_dir(out);
            free(out);
        }
        remove_dir(set);
        free(text);
        free(file);
        free(set);
    }
}

/* ---- hostile but valid text ---------------------------------------------------- */

/* `count` copies of a CJK character (3 UTF-8 bytes each), malloc'ed. */
static char *cjk(size_t count, const char *ch)
{
    char *s = malloc(count * 3 + 1);
    for (size_t i = 0; i < count; i++)
        memcpy(s + 3 * i, ch, 3);
    s[count * 3] = '\0';
    return s;
}

Test(faults, thousand_character_cjk_names_and_company_give_a_workbook_that_parses)
{
    char *set = copy_of_cbak();
    char *company = cjk(1000, "中");
    set_company(set, company);
    /* Every person's name becomes 1,000 characters of one script. */
    char *people = path_in(set, "people.csv");
    char *text = read_file(people, NULL);
    char *name = cjk(1000, "雲");
    size_t cap = strlen(text) * 2 + 64 * 3000;
    char *edited = calloc(1, cap);
    char *line = strtok(text, "\n");
    strcat(edited, line); /* the header */
    strcat(edited, "\n");
    int n = 0;
    while ((line = strtok(NULL, "\n"))) {
        char *first = strchr(line, ','), *second = first ? strchr(first + 1, ',') : NULL;
        cr_assert_not_null(second, "people.csv row '%s'", line);
        strncat(edited, line, (size_t)(first - line) + 1);
        strcat(edited, name);
        sprintf(edited + strlen(edited), "%d", n++);
        strcat(edited, second);
        strcat(edited, "\n");
    }
    write_text(people, edited);
    char *out = make_temp_dir();
    const char *args[] = {"run", set, "--out", out, NULL};
    char *err;
    cr_assert_eq(paycalc(args, 60, &err), 0, "%s", err);
    char *xlsx = path_in(out, "report.xlsx");
    assert_workbook_parses(xlsx);
    cr_assert_gt(xlsx_xml_contains(xlsx, company), 0, "the company name was cut");
    char *whole = malloc(strlen(name) + 8);
    sprintf(whole, "%s0", name);
    cr_assert_gt(xlsx_xml_contains(xlsx, whole), 0, "a name was cut");
    char *json = path_in(out, "report.json");
    char *back = json_company(json);
    cr_assert_str_eq(back, company);
    free(back);
    free(whole);
    free(json);
    free(xlsx);
    free(err);
    free(edited);
    free(text);
    free(name);
    free(people);
    free(company);
    remove_dir(out);
    remove_dir(set);
    free(out);
    free(set);
}

/* ---- the umask and modes ------------------------------------------------------- */

Test(faults, under_umask_077_reports_are_private_and_a_replaced_report_keeps_its_mode)
{
    char *out = make_temp_dir();
    char *json = path_in(out, "report.json"), *xlsx = path_in(out, "report.xlsx");
    const char *args[] = {"run", CBAK, "--out", out, "--quiet", NULL};
    mode_t saved = umask(077);
    cr_assert_eq(paycalc(args, 60, NULL), 0);
    struct stat st;
    cr_assert_eq(stat(json, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "report.json mode %o", st.st_mode & 0777);
    cr_assert_eq(stat(xlsx, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "report.xlsx mode %o", st.st_mode & 0777);
    umask(022);
    cr_assert_eq(chmod(json, 0640), 0);
    cr_assert_eq(paycalc(args, 60, NULL), 0);
    cr_assert_eq(stat(json, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0640, "replaced report.json mode %o", st.st_mode & 0777);
    cr_assert_eq(stat(xlsx, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "replaced report.xlsx mode %o", st.st_mode & 0777);
    umask(saved);
    remove_dir(out);
    free(json);
    free(xlsx);
    free(out);
}

/* ---- standard output ---------------------------------------------------------- */

/* `run` with standard output going to `fd`: exit 4 with a message about
 * standard output, and a complete pair in place. */
static void assert_stdout_failure(int fd)
{
    char *out = make_temp_dir();
    const char *args[] = {"run", CBAK, "--out", out, NULL};
    char path[] = "/tmp/paycalc-faults-err-XXXXXX";
    int err_fd = mkstemp(path);
    unlink(path);
    int status = wait_for(spawn(PAYCALC, args, fd, err_fd), 60, NULL);
    off_t n = lseek(err_fd, 0, SEEK_END);
    char *err = calloc(1, (size_t)n + 1);
    cr_assert(pread(err_fd, err, (size_t)n, 0) == n);
    close(err_fd);
    cr_assert_eq(exit_code(status), 4, "status %d: %s", status, err);
    cr_assert_not_null(strstr(err, "standard output"), "%s", err);
    char *json = path_in(out, "report.json"), *xlsx = path_in(out, "report.xlsx");
    char *company = json_company(json);
    free(company);
    assert_workbook_parses(xlsx);
    free(json);
    free(xlsx);
    free(err);
    remove_dir(out);
    free(out);
}

Test(faults, a_closed_pipe_or_a_full_disk_on_stdout_exits_4_after_the_reports_are_in_place)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    close(p[0]); /* `| head -c0`: the reader is gone */
    assert_stdout_failure(p[1]);
    close(p[1]);
    int full = open("/dev/full", O_WRONLY);
    cr_assert(full >= 0, "/dev/full: %s", strerror(errno));
    assert_stdout_failure(full);
    close(full);
}

/* ---- limits per row, linear reading ------------------------------------------- */

Test(faults, a_row_of_twenty_million_commas_is_refused_in_bounded_memory)
{
    char *set = copy_of_cbak();
    char *people = path_in(set, "people.csv");
    FILE *f = fopen(people, "a");
    cr_assert_not_null(f);
    fputs("huge,", f);
    static char commas[1 << 20];
    memset(commas, ',', sizeof commas);
    for (int i = 0; i < 20; i++)
        fwrite(commas, 1, sizeof commas, f);
    fputs("\n", f);
    fclose(f);
    const char *args[] = {"check", set, NULL};
    char path[] = "/tmp/paycalc-faults-err-XXXXXX";
    int err_fd = mkstemp(path);
    unlink(path);
    long rss_kb = 0;
    int status = wait_for(spawn(PAYCALC, args, -1, err_fd), 60, &rss_kb);
    off_t n = lseek(err_fd, 0, SEEK_END);
    char *err = calloc(1, (size_t)n + 1);
    cr_assert(pread(err_fd, err, (size_t)n, 0) == n);
    close(err_fd);
    cr_assert_eq(exit_code(status), 3, "%s", err);
    cr_assert_not_null(strstr(err, "people.csv:7:17: error: the row has 20971522 values; a row "
                                   "may have at most 16"),
                       "%s", err);
    /* The file itself is 20 MB; the fields of the row are never stored
     * (stored, they took 24 bytes each: half a gigabyte). */
    cr_assert_lt(rss_kb, 200 * 1024, "peak memory %ld MB", rss_kb / 1024);
    free(err);
    free(people);
    remove_dir(set);
    free(set);
}

Test(faults, sixty_thousand_unknown_settings_are_read_quickly_and_listed_briefly)
{
    char *set = copy_of_cbak();
    char *config = path_in(set, "paycalc.json");
    json_error_t e;
    json_t *root = json_load_file(config, 0, &e);
    cr_assert_not_null(root);
    for (int i = 0; i < 60000; i++) {
        char key[16];
        snprintf(key, sizeof key, "extra%05d", i);
        json_object_set_new(root, key, json_integer(i));
    }
    cr_assert_eq(json_dump_file(root, config, JSON_INDENT(2)), 0);
    json_decref(root);
    const char *args[] = {"check", set, NULL};
    char *err;
    cr_assert_eq(paycalc(args, 60, &err), 0, "%s", err);
    /* Processor time, which a busy machine does not stretch as it does the
     * clock: a search of every key for every other takes minutes. */
    cr_assert_lt(child_cpu_seconds, 10.0,
                 "%.1f s of processor time for 60,000 keys: reading is not linear",
                 child_cpu_seconds);
    int listed = 0;
    for (const char *p = err; (p = strstr(p, ": unknown setting, ignored")); p++)
        listed++;
    cr_assert_eq(listed, 20, "%d unknown settings listed", listed);
    cr_assert_not_null(strstr(err, "59980 more unknown settings, ignored"), "%s", err);
    free(err);
    free(config);
    remove_dir(set);
    free(set);
}

/* ---- an input whose fstat fails ---------------------------------------------------- */

/* An fstat that fails on an open input (tests/shim/fail_rename.c fails the
 * second call, people.csv's) is an error naming the file and the reason,
 * exit 3 and nothing written; before, the reader went on with the unset
 * struct stat (read/read_csv.c) and its verdict depended on stack garbage. */
Test(faults, an_input_whose_fstat_fails_is_an_error_naming_it)
{
    char *out = make_temp_dir();
    setenv("LD_PRELOAD", PAYCALC_FAIL_RENAME, 1);
    setenv("PAYCALC_FAIL_FSTAT", "2", 1);
    setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
    const char *args[] = {"run", CBAK, "--out", out, NULL};
    run_result r = run_paycalc(args);
    unsetenv("LD_PRELOAD");
    unsetenv("PAYCALC_FAIL_FSTAT");
    unsetenv("ASAN_OPTIONS");
    cr_assert_eq(r.status, 3, "exit %d: %s", r.status, r.err);
    cr_assert_str_eq(r.err, "paycalc: " CBAK "/people.csv: error: cannot read the file: "
                            "Input/output error\n"
                            "paycalc: 1 error in " CBAK "; nothing was written\n");
    run_result_free(&r);
    DIR *d = opendir(out);
    cr_assert_not_null(d);
    size_t entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    cr_assert_eq(entries, 0, "the run left something in its output folder");
    remove_dir(out);
    free(out);
}

/* ---- a failed rename in the middle of the pair ------------------------------------ */

/* `paycalc run CBAK --out out` with the Nth renameat failing (the preloaded
 * tests/shim/fail_rename.c); returns the exit status. */
static int run_failing_rename(const char *out, int n)
{
    char nth[16];
    snprintf(nth, sizeof nth, "%d", n);
    setenv("LD_PRELOAD", PAYCALC_FAIL_RENAME, 1);
    setenv("PAYCALC_FAIL_RENAMEAT", nth, 1);
    /* An AddressSanitizer build wants its runtime first; the shim is
     * loaded ahead of it on purpose. */
    setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 1);
    const char *args[] = {"run", CBAK, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    unsetenv("LD_PRELOAD");
    unsetenv("PAYCALC_FAIL_RENAMEAT");
    unsetenv("ASAN_OPTIONS");
    int status = r.status;
    if (status != 4)
        cr_log_error("exit %d: %s", status, r.err);
    else
        cr_expect(strstr(r.err, "could not write") != NULL, "%s", r.err);
    run_result_free(&r);
    return status;
}

/* SPEC section 14: the set is replaced together or not at all. When a
 * later rename of the set fails, after the first ones have put the new
 * report.json (and workbook) in place, they are undone: the earlier set
 * comes back byte for byte, the ixbrl/ folder too, with no temporary file
 * left; with no earlier set there is none after. Each rename failing in
 * turn (1: report.json, 2: report.xlsx, 3: the ixbrl/ folder, swapped in
 * by renameat2). */
Test(faults, a_failed_second_rename_puts_the_earlier_pair_back)
{
    char *out = make_temp_dir();
    const char *args[] = {"run", CBAK, "--out", out, "--quiet", NULL};
    run_result first = run_paycalc(args);
    cr_assert_eq(first.status, 0, "%s", first.err);
    run_result_free(&first);
    /* An earlier pair that differs from what this run writes. */
    char json[4096], xlsx[4096];
    snprintf(json, sizeof json, "%s/report.json", out);
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", out);
    cr_assert_eq(write_text(json, "{\"earlier\": true}\n"), 0);
    cr_assert_eq(write_text(xlsx, "earlier workbook\n"), 0);
    char *ixbrl = path_in(out, "ixbrl");
    remove_dir(ixbrl);
    cr_assert_eq(mkdir(ixbrl, 0755), 0);
    char *earlier_htm = path_in(ixbrl, "earlier.htm");
    cr_assert_eq(write_text(earlier_htm, "earlier section\n"), 0);
    for (int n = 1; n <= 3; n++) {
        cr_assert_eq(run_failing_rename(out, n), 4, "renameat %d failing", n);
        size_t len = 0;
        char *j = read_file(json, &len);
        char *x = read_file(xlsx, NULL);
        cr_assert_not_null(j);
        cr_assert_not_null(x);
        cr_expect_str_eq(j, "{\"earlier\": true}\n", "renameat %d failing", n);
        cr_expect_str_eq(x, "earlier workbook\n", "renameat %d failing", n);
        char *h = read_file(earlier_htm, NULL);
        cr_assert_not_null(h, "renameat %d failing: the earlier ixbrl/ folder is gone", n);
        cr_expect_str_eq(h, "earlier section\n", "renameat %d failing", n);
        cr_expect_eq(count_entries(ixbrl), 1, "renameat %d failing: ixbrl/ changed", n);
        free(h);
        free(j);
        free(x);
        int temp_folders, others;
        count_extra(out, &temp_folders, &others);
        cr_expect_eq(temp_folders + others, 0, "renameat %d failing left files", n);
    }
    /* No earlier set: a later rename failing leaves no report at all. */
    cr_assert_eq(unlink(json), 0);
    cr_assert_eq(unlink(xlsx), 0);
    remove_dir(ixbrl);
    for (int n = 2; n <= 3; n++) {
        cr_assert_eq(run_failing_rename(out, n), 4);
        cr_expect_eq(access(json, F_OK), -1, "a report.json without its workbook");
        cr_expect_eq(access(xlsx, F_OK), -1, "a workbook without its report.json");
        cr_expect_eq(access(ixbrl, F_OK), -1, "an ixbrl/ folder without its reports");
    }
    /* Without the fault the same run writes the pair. */
    run_result last = run_paycalc(args);
    cr_assert_eq(last.status, 0, "%s", last.err);
    run_result_free(&last);
    cr_expect_eq(access(json, F_OK), 0);
    cr_expect_eq(access(xlsx, F_OK), 0);
    cr_expect_eq(access(earlier_htm, F_OK), -1, "the earlier ixbrl/ folder was not replaced");
    free(earlier_htm);
    free(ixbrl);
    remove_dir(out);
    free(out);
}

/* ---- last year's report (--prior) ----------------------------------------------- */

#define MERIDIAN SOURCE_DIR "/inputs/meridian-fy2024"

/* Runs `set` into a new folder; the path of its report.json (malloc'ed). */
static char *report_of(const char *set, char **folder)
{
    *folder = make_temp_dir();
    const char *args[] = {"run", set, "--out", *folder, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_result_free(&r);
    return path_in(*folder, "report.json");
}

Test(faults, another_companys_report_as_prior_is_refused_unless_told_so)
{
    char *folder;
    char *meridian = report_of(MERIDIAN, &folder);
    /* Compared with CBAK's figures, Meridian's report gave 14 false
     * `restated` findings and exit status 1. */
    char *err = NULL;
    const char *args[] = {"verify", CBAK, "--prior", meridian, NULL};
    cr_assert_eq(paycalc(args, 60, &err), 3, "%s", err);
    cr_assert(strstr(err, "error: last year's report is of Meridian Freight Systems, Inc. (MRDN), "
                          "this input set of CBAK Energy Technology, Inc. (CBAT)"),
              "%s", err);
    cr_assert(strstr(err, "--prior-any-company"), "%s", err);
    free(err);
    const char *run_args[] = {"run", CBAK, "--out", folder, "--prior", meridian, "--quiet", NULL};
    cr_assert_eq(paycalc(run_args, 60, &err), 3, "%s", err);
    cr_assert(strstr(err, "nothing was written"), "%s", err);
    free(err);
    /* Told that the company is the same one, the figures are compared. */
    const char *any[] = {"verify", CBAK, "--prior", meridian, "--prior-any-company", NULL};
    cr_assert_eq(paycalc(any, 60, &err), 1, "%s", err);
    free(err);
    /* Its own report is accepted, and nothing moved. */
    const char *own[] = {"verify", MERIDIAN, "--prior", meridian, NULL};
    cr_assert_eq(paycalc(own, 60, &err), 0, "%s", err);
    free(err);
    free(meridian);
    remove_dir(folder);
    free(folder);
}

Test(faults, a_large_prior_report_is_read_in_memory_near_its_size)
{
    char *folder;
    char *report = report_of(CBAK, &folder);
    size_t len = 0;
    char *text = read_file(report, &len);
    cr_assert_not_null(text);
    /* Last year's report with 40 MB of detail (under a key of its own) ahead of its
     * tables. */
    char *big = path_in(folder, "big.json");
    FILE *f = fopen(big, "w");
    cr_assert_not_null(f);
    fputs("{\"detail\": [", f);
    const char *one = "{\"award_id\": \"A-1\", \"tranche\": 1, \"person_id\": \"li\", \"value\": "
                      "1234.56, \"inputs\": {\"price\": 1.5, \"vol\": 0.85}},\n";
    size_t n = 40u * 1024 * 1024 / strlen(one);
    for (size_t i = 0; i < n; i++)
        fputs(one, f);
    fputs("{}],\n", f);
    fputs(strchr(text, '{') + 1, f);
    cr_assert_eq(fclose(f), 0);
    free(text);
    char *out = path_in(folder, "again");
    const char *args[] = {"run", CBAK, "--prior", big, "--out", out, "--quiet", NULL};
    long rss_kb = 0;
    int status = wait_for(spawn(PAYCALC, args, -1, -1), 240, &rss_kb);
    cr_assert_eq(exit_code(status), 0);
    /* Read as one JSON tree it took ten times its size (400 MB); read
     * value by value it takes its own size and a little more. Under the
     * sanitizers every allocation carries redzones and freed memory waits
     * in a quarantine, so the bound there only catches a runaway. */
#ifdef PAYCALC_SANITIZED
    const long bound_mb = 1024;
#else
    const long bound_mb = 160;
#endif
    cr_assert_lt(rss_kb, bound_mb * 1024, "peak memory %ld MB", rss_kb / 1024);
    free(out);
    free(big);
    free(report);
    remove_dir(folder);
    free(folder);
}

/* ---- a file size limit (ulimit -f) ------------------------------------------ */

/* Runs `paycalc ARGS` under a file size limit of `blocks` 512-byte blocks
 * (the shell's ulimit -f); standard error (malloc'ed) in *err. */
static int paycalc_limited(int blocks, const char *args, char **err)
{
    char *cmd = NULL;
    cr_assert(asprintf(&cmd, "ulimit -f %d; exec %s %s", blocks, PAYCALC, args) > 0);
    const char *sh[] = {"-c", cmd, NULL};
    run_result r = run_program("/bin/sh", sh);
    free(cmd);
    *err = r.err;
    r.err = NULL;
    int status = r.status;
    run_result_free(&r);
    return status;
}

Test(faults, a_file_size_limit_is_a_write_error_that_leaves_no_private_folder)
{
    char *out = make_temp_dir();
    char *args = NULL;
    cr_assert(asprintf(&args, "run %s --out %s --quiet", CBAK, out) > 0);
    char *err = NULL;
    /* SIGXFSZ killed the run silently, leaving its private folder. */
    int status = paycalc_limited(16, args, &err);
    cr_assert_eq(status, 4, "%s", err);
    cr_assert(strstr(err, "File too large"), "%s", err);
    int temp_folders, others;
    count_extra(out, &temp_folders, &others);
    cr_assert_eq(temp_folders + others, 0);
    cr_assert_eq(count_entries(out), 0, "a report was left");
    free(err);
    free(args);
    remove_dir(out);
    free(out);
}

Test(faults, init_on_a_full_disk_leaves_nothing_and_can_be_run_again)
{
    char *parent = make_temp_dir();
    char *dir = path_in(parent, "acme");
    char *args = NULL;
    cr_assert(asprintf(&args, "init %s", dir) > 0);
    char *err = NULL;
    /* 2 KB: the first files fit, a later one does not (it once left 3 of
     * its files, and then init refused the folder as not empty). */
    cr_assert_eq(paycalc_limited(4, args, &err), 4, "%s", err);
    free(err);
    cr_assert_eq(count_entries(parent), 0, "init left something behind");
    const char *again[] = {"init", dir, NULL};
    run_result r = run_paycalc(again);
    cr_assert_eq(r.status, 0, "%s", r.err);
    /* Every input file and README.txt. */
    cr_assert_eq(count_entries(dir), PC_FILE_COUNT + 1);
    cr_assert_eq(count_entries(parent), 1);
    run_result_free(&r);
    const char *empty[] = {"init", "", NULL};
    r = run_paycalc(empty);
    cr_assert_eq(r.status, 2, "%s", r.err);
    cr_assert(strstr(r.err, "init needs a folder name"), "%s", r.err);
    run_result_free(&r);
    remove_dir(dir);
    free(dir);
    free(args);
    remove_dir(parent);
    free(parent);
}
