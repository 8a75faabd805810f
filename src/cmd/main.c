/* cjm: the command line.  main() only dispatches: each command parses its
 * own options and prints its own output in src/cmd_<name>.c. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char usage_main[] =
    "usage: cjm COMMAND [OPTIONS] PATH...\n"
    "\n"
    "Customer journey maps as code: check, report on and draw journeys\n"
    "written in YAML.\n"
    "\n"
    "commands:\n"
    "  check    validate and lint journeys; diagnostics for editors and CI\n"
    "  report   the figures of each journey: index, stage means, weakest\n"
    "           touchpoints, friction, channel mix\n"
    "  render   draw each journey as a map (SVG, PNG, PDF or DOT)\n"
    "  deck     a workshop deck of each journey (PDF, or PNG or SVG slides)\n"
    "  site     a static web site of every journey and the portfolio\n"
    "  diff     what changed between two versions of journeys: a changelog,\n"
    "           a CI gate and an as-is / to-be map\n"
    "  survey   survey answers (CSV) into each touchpoint's CSAT, CES and\n"
    "           NPS, written into the journey with --write\n"
    "  export   a journey as a Mermaid diagram or as JSON (the whole model)\n"
    "  import   a journey from a Mermaid 'journey' diagram\n"
    "  init     write the skeleton of a new journey\n"
    "\n"
    "PATH is a file, a directory (every *.yaml and *.yml below it, sorted)\n"
    "or - for standard input.\n"
    "\n"
    "  cjm COMMAND --help   options of a command\n"
    "  cjm --version        the version\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O error\n";

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"check", cjm_cmd_check}, {"report", cjm_cmd_report},
    {"render", cjm_cmd_render}, {"diff", cjm_cmd_diff},
    {"survey", cjm_cmd_survey}, {"export", cjm_cmd_export},
    {"import", cjm_cmd_import}, {"deck", cjm_cmd_deck},
    {"site", cjm_cmd_site},
    {"init", cjm_cmd_init},
};

/* Under LeakSanitizer, look for leaks now, while pango's font threads
 * (Graphviz starts them) sit idle: at exit, when they are torn down, its
 * stop-the-world tracer can crash on them (google/sanitizers#1353), which
 * failed about one test run in two. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define CJM_LSAN 1
#endif
#endif
static void S_leak_check(void)
{
#ifdef CJM_LSAN
    __lsan_do_leak_check();
#endif
}

/* A failed write to stdout (full disk, closed pipe) is an error, not
 * silence. */
static int S_finish(int rc)
{
    S_leak_check();
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "cjm: cannot write output: %s\n", strerror(errno));
        return CJM_EXIT_USAGE;
    }
    return rc;
}

/* A closed stdout or stderr would be handed to the next file we open, and
 * a map would receive our messages.  Hold those slots with a read-only
 * /dev/null instead, so writing to them fails and is reported. */
static void S_guard_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int nfd = open("/dev/null", O_RDONLY);
            if (nfd >= 0 && nfd != fd) {
                dup2(nfd, fd);
                close(nfd);
            }
        }
}

int main(int argc, char **argv)
{
    S_guard_std_fds();
    /* A reader that goes away (`cjm check | head -1`) is a write error we
     * report with exit 2, not a silent death by SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    /* Likewise a file-size limit: the write fails and is reported. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2)
        return cli_usage_error(usage_main, "no command given%s", "");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return S_finish(CJM_EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("cjm %s\n", CJM_VERSION);
        return S_finish(CJM_EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return S_finish(commands[i].run(argc - 1, argv + 1));
    return cli_usage_error(usage_main, "unknown command '%s'", cmd);
}
