/* cjm export: a journey as a Mermaid `journey` diagram (for README files,
 * pull requests and wikis that draw Mermaid inline) or as JSON (the whole
 * checked model, for dashboards and scripts). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cjm export --to mermaid|json [-o PATH] PATH...\n"
    "\n"
    "Writes each journey as a Mermaid 'journey' diagram (sections are stages,\n"
    "tasks touchpoints, scores mapped onto Mermaid's 1-5) or as JSON: every\n"
    "key of the format with defaults filled in, the position of each element\n"
    "and the journey's figures (schema/model.schema.json).  A journey with\n"
    "errors is not exported: its diagnostics are printed instead.\n"
    "\n"
    "  --to FORMAT   mermaid or json\n"
    "  -o PATH       the output file (one input) or folder (several, or a\n"
    "                path ending in '/'): <id>.mmd or <id>.json; default\n"
    "                standard output\n"
    "  -h, --help    this help\n"
    "\n"
    "exit status: 0 exported, 1 a journey has errors, 2 usage or I/O error\n";

typedef struct {
    const cjm_journey *j;
    bool json;
} export_ctx;

static int S_write(void *ctx, FILE *out, char *err, size_t errsize)
{
    export_ctx *c = ctx;
    int rc;
    if (c->json) {
        cjm_figures *f = cjm_figures_new(c->j);
        rc = f ? cjm_export_json(out, c->j, f) : -1;
        cjm_figures_free(f);
    } else {
        rc = cjm_export_mermaid(out, c->j);
    }
    if (rc != 0)
        snprintf(err, errsize, "cannot write the export");
    return rc ? -2 : 0;
}

int cjm_cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"to", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *to = NULL, *output = NULL;
    int ch, status = CJM_EXIT_OK;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 't':
            if (strcmp(optarg, "mermaid") && strcmp(optarg, "json"))
                return cli_usage_error(usage, "unknown export '%s' (mermaid "
                                              "or json)",
                                       optarg);
            to = optarg;
            break;
        case 'o': output = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (!to)
        return cli_usage_error(usage, "say what to export to: --to mermaid or "
                                      "--to json%s",
                               "");
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    bool json = strcmp(to, "json") == 0;
    for (size_t i = 0; i < paths.n; i++) {
        cli_input in;
        if (cli_input_open(paths.items[i], NULL, &in, &status) != 0) {
            status = CJM_EXIT_USAGE;
            break;
        }
        if (cjm_diags_errors(in.d)) {
            cjm_diags_write(stderr, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
            cli_worse(&status, CJM_EXIT_ERRORS);
        } else if (in.j) {
            export_ctx c = {in.j, json};
            char *path = output ? cli_target(output, paths.n == 1,
                                             cjm_journey_id(in.j), "",
                                             json ? "json" : "mmd")
                                : strdup("-");
            if (!path) {
                cli_worse(&status, CJM_EXIT_USAGE);
            } else if (strcmp(path, "-") == 0) {
                char err[256];
                if (i)
                    putc('\n', stdout);
                if (S_write(&c, stdout, err, sizeof err) != 0)
                    cli_worse(&status, CJM_EXIT_USAGE);
            } else {
                cli_worse(&status, cli_write_drawing(path, cjm_journey_file(in.j),
                                                     S_write, &c));
            }
            free(path);
        }
        cli_input_close(&in);
    }
    cjm_paths_free(&paths);
    return status;
}
