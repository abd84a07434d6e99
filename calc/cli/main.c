/*
 * paycalc: the program. Everything happens in cli.c and the library; this
 * file sets up the process as a command-line tool needs it (SPEC section 14):
 *
 * - SIGINT, SIGTERM and SIGHUP remove the temporary files of the reports
 *   being written (pc_output_cleanup_after_signal, which is async-signal-
 *   safe), then end the program as the signal would have;
 * - SIGPIPE is ignored, so a reader of standard output that goes away
 *   (`paycalc run ... | head -1`) becomes a write error the command line
 *   reports (exit 4), after the reports are in place, instead of a silent
 *   death;
 * - SIGXFSZ (a file size limit, `ulimit -f`) is ignored too, so a write
 *   past the limit fails with EFBIG like a full disk: the writer reports
 *   it, removes its private folder and exits 4, instead of dying silently
 *   and leaving the folder behind.
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stddef.h>

#include "paycalc/cli.h"
#include "paycalc/output.h"

static void on_signal(int sig)
{
    pc_output_cleanup_after_signal();
    /* SA_RESETHAND restored the default action; the signal, held back while
     * this handler runs, ends the program when it returns. */
    raise(sig);
}

static void install_handlers(void)
{
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sa.sa_handler = on_signal;
    static const int cleanup_on[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof cleanup_on / sizeof *cleanup_on; i++) {
        /* A signal ignored by whoever started us stays ignored (nohup). */
        struct sigaction old;
        if (sigaction(cleanup_on[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(cleanup_on[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
    install_handlers();
    return pc_cli_main(argc, argv);
}
