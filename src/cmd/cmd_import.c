/* cjm import: a Mermaid `journey` diagram turned into a journey file that
 * passes `cjm check` (count warnings aside). */
#include "cli.h"
#include "outfile.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cjm import [-o FILE] FILE.mmd\n"
    "\n"
    "Reads a Mermaid 'journey' diagram (title, sections, tasks 'name: score:\n"
    "actors', comments, entity codes) and writes a journey: a stage per\n"
    "section, a touchpoint per task (ids made from the names), the scores on\n"
    "a [1, 5] scale (widened to hold every score) and the actors.  What\n"
    "Mermaid would reject is an error at its line; what Mermaid would read\n"
    "differently than meant is a warning.\n"
    "\n"
    "  -o FILE       the new journey file (never overwritten); default\n"
    "                standard output\n"
    "  -h, --help    this help\n"
    "\n"
    "exit status: 0 written, 1 the diagram has errors, 2 usage or I/O error\n";

int cjm_cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *output = NULL;
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'o': output = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(usage, "give one Mermaid file%s", "");
    const char *in = argv[optind];
    char *buf, err[1024];
    size_t len;
    if (cjm_file_read(in, &buf, &len, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    cjm_diags *d = cjm_diags_new(strcmp(in, "-") == 0 ? "<stdin>" : in);
    /* On standard output the file's place is unknown: only the installed
     * schema, whose path is absolute, can be named. */
    char *schema = cli_find_schema(output ? output : "/journey.yaml");
    int status = CJM_EXIT_OK;
    cjm_outfile o;
    if (!d) {
        status = CJM_EXIT_USAGE;
    } else if (!output) {
        if (cjm_import_mermaid(buf, len, stdout, schema, d) == -1)
            status = CJM_EXIT_ERRORS;
    } else if (cjm_outfile_open(&o, output, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        status = CJM_EXIT_USAGE;
    } else if (cjm_import_mermaid(buf, len, o.f, schema, d) != 0) {
        cjm_outfile_abort(&o);
        status = cjm_diags_errors(d) ? CJM_EXIT_ERRORS : CJM_EXIT_USAGE;
    } else if ((o.tmp ? cjm_outfile_commit_new(&o, err, sizeof err)
                      : cjm_outfile_commit(&o, err, sizeof err)) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        status = CJM_EXIT_USAGE;
    } else {
        fprintf(stderr, "cjm: wrote %s\n", output);
    }
    if (d) {
        cjm_diags_sort(d);
        cjm_diags_write(stderr, d, CJM_FORMAT_TEXT, buf, len);
    }
    cjm_diags_free(d);
    free(schema);
    free(buf);
    return status;
}
