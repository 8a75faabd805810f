/* cjm report: the figures of each journey as text, Markdown or JSON. */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char usage[] =
    "usage: cjm report [--format text|markdown|json] [--lang en|de]\n"
    "                  [--no-mermaid] PATH...\n"
    "\n"
    "Prints the figures of each journey: the journey index, stage means,\n"
    "the weakest touchpoints, friction by severity and the channel mix.\n"
    "A journey with errors gets its diagnostics (on stderr) instead.\n"
    "\n"
    "  --format FMT    text (default), markdown (for pull-request comments)\n"
    "                  or json (one object per file; an array for several)\n"
    "  --no-mermaid    no Mermaid diagram at the end of the Markdown (which\n"
    "                  GitHub and GitLab draw inline in a comment)\n"
    "  --lang LANG     the words and numbers of text and Markdown in en or de\n"
    "                  (default: the journey's 'lang:', else en; JSON keys\n"
    "                  stay English)\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O error\n";

static const unsigned formats = CLI_FMT(CJM_FORMAT_TEXT) |
                                CLI_FMT(CJM_FORMAT_MARKDOWN) |
                                CLI_FMT(CJM_FORMAT_JSON);

static void S_one(const cjm_journey *j, cjm_format format,
                  const cjm_output_opts *oo, bool first, bool array,
                  int *status)
{
    cjm_figures *f = cjm_figures_new(j);
    if (!f) {
        fprintf(stderr, "cjm: out of memory\n");
        cli_worse(status, CJM_EXIT_USAGE);
        return;
    }
    if (!first)
        fputs(format == CJM_FORMAT_JSON       ? ", "
              : format == CJM_FORMAT_MARKDOWN ? "\n---\n\n"
                                              : "\n",
              stdout);
    cjm_report_write(stdout, j, f, format, oo);
    if (format == CJM_FORMAT_JSON && !array)
        putc('\n', stdout);
    cjm_figures_free(f);
}

static int S_run(const cjm_paths *paths, cjm_format format, const char *lang,
                 bool mermaid, int status)
{
    bool array = format == CJM_FORMAT_JSON && paths->n > 1;
    size_t shown = 0;
    cjm_output_opts oo = {.lang = lang, .no_mermaid = !mermaid};
    if (array)
        fputs("[", stdout);
    for (size_t i = 0; i < paths->n; i++) {
        cli_input in;
        if (cli_input_open(paths->items[i], NULL, &in, &status) != 0)
            return CJM_EXIT_USAGE;
        if (cjm_diags_errors(in.d)) {
            /* Only errors stop a report; the figures need a sound model. */
            cjm_diags_write(stderr, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
            cli_worse(&status, CJM_EXIT_ERRORS);
        } else if (in.j) {
            S_one(in.j, format, &oo, shown++ == 0, array, &status);
        }
        cli_input_close(&in);
    }
    if (array)
        fputs("]\n", stdout);
    return status;
}

int cjm_cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"no-mermaid", no_argument, NULL, 'M'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    cjm_format format = CJM_FORMAT_TEXT;
    const char *lang = NULL;
    bool mermaid = true;
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
        case 'M': mermaid = false; break;
        case 'l':
            if (cli_lang(usage, optarg, &lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    if (paths.n)
        status = S_run(&paths, format, lang, mermaid, status);
    cjm_paths_free(&paths);
    return status;
}
