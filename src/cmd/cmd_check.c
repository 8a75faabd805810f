/* cjm check: load, validate and lint journeys; findings for people,
 * editors and CI servers. */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char usage[] =
    "usage: cjm check [--policy FILE] [--format text|json|github|sarif|junit]\n"
    "                 [--strict] PATH...\n"
    "\n"
    "Loads, validates and lints each journey; diagnostics go to stdout as\n"
    "file:line:col: severity: message [rule].\n"
    "\n"
    "  --policy FILE   apply a policy file (the keys of 'requires:') to every\n"
    "                  journey; a journey's own 'requires:' wins key by key\n"
    "  --format FMT    text (default, with the source line and a caret),\n"
    "                  json, github (workflow commands for annotations),\n"
    "                  sarif (SARIF 2.1.0 for code scanning) or junit (JUnit\n"
    "                  XML for GitLab and Jenkins)\n"
    "  --strict        warnings count as errors for the exit status\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O error\n";

static const unsigned formats =
    CLI_FMT(CJM_FORMAT_TEXT) | CLI_FMT(CJM_FORMAT_JSON) |
    CLI_FMT(CJM_FORMAT_GITHUB) | CLI_FMT(CJM_FORMAT_SARIF) |
    CLI_FMT(CJM_FORMAT_JUNIT);

static int S_run(const cjm_paths *paths, const cjm_policy *policy,
                 cjm_format format, bool strict, int status)
{
    cjm_printer *pr = cjm_printer_new(stdout, format);
    if (!pr)
        return CJM_EXIT_USAGE;
    cjm_printer_set_strict(pr, strict);
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < paths->n; i++) {
        cli_input in;
        if (cli_input_open(paths->items[i], policy, &in, &status) != 0) {
            cli_worse(&status, CJM_EXIT_USAGE);
            break;
        }
        if (in.buf || cjm_diags_count(in.d)) {
            cjm_printer_file(pr, in.d, in.buf, in.len);
            errors += cjm_diags_errors(in.d);
            warnings += cjm_diags_warnings(in.d);
        } else {
            cjm_printer_unread(pr, paths->items[i]);
        }
        cli_input_close(&in);
    }
    cjm_printer_finish(pr);
    if (errors || (strict && warnings))
        cli_worse(&status, CJM_EXIT_ERRORS);
    return status;
}

int cjm_cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"policy", required_argument, NULL, 'p'},
        {"strict", no_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    cjm_format format = CJM_FORMAT_TEXT;
    const char *policy_path = NULL;
    bool strict = false;
    int ch, status = CJM_EXIT_OK;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'f':
            if (cli_format(optarg, formats, &format) != 0)
                return cli_usage_error(usage, "unknown format '%s'", optarg);
            break;
        case 'p': policy_path = optarg; break;
        case 's': strict = true; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    cjm_policy *policy = NULL;
    if (paths.n && cli_load_policy(policy_path, &policy) != 0)
        status = CJM_EXIT_USAGE;
    else if (paths.n)
        status = S_run(&paths, policy, format, strict, status);
    cjm_policy_free(policy);
    cjm_paths_free(&paths);
    return status;
}
