/* cjm init: write the commented skeleton of a new journey. */
#include "cli.h"
#include "outfile.h"

#include <getopt.h>
#include <string.h>

#ifndef CJM_SCHEMA_DEFAULT
#define CJM_SCHEMA_DEFAULT "/usr/local/share/cjm/journey.schema.json"
#endif

static const char usage[] =
    "usage: cjm init [--stages ID,ID,...] [--persona NAME] [--schema REF] FILE\n"
    "\n"
    "Writes the skeleton of a new journey to FILE: one example touchpoint per\n"
    "stage, with comments explaining each key.  It passes 'cjm check'.  An\n"
    "existing FILE is never overwritten.\n"
    "\n"
    "  --stages IDS    the stages, comma-separated ids (default: awareness,\n"
    "                  consideration, purchase, delivery, service, loyalty)\n"
    "  --persona NAME  whose journey it is\n"
    "  --schema REF    the JSON Schema for editors, written into the\n"
    "                  '# yaml-language-server: $schema=' line (default: the\n"
    "                  installed " CJM_SCHEMA_DEFAULT ")\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 written, 2 usage error or FILE exists or cannot be written\n";

static bool S_slug(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return false;
    return true;
}

/* Splits "a,b,c" into ids in place; returns how many, or -1 when one is
 * not a valid id (named in *bad). */
static int S_split_stages(char *list, const char **ids, int cap,
                          const char **bad)
{
    int n = 0;
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        if (n == cap || !S_slug(tok)) {
            *bad = tok;
            return -1;
        }
        ids[n++] = tok;
    }
    return n;
}

int cjm_cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"stages", required_argument, NULL, 's'},
        {"persona", required_argument, NULL, 'p'},
        {"schema", required_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *ids[64], *persona = NULL, *schema = CJM_SCHEMA_DEFAULT;
    char *stages = NULL;
    int n = 0, ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 's': stages = optarg; break;
        case 'p': persona = optarg; break;
        case 'S': schema = *optarg ? optarg : NULL; break;
        default:
            return cli_usage_error(usage, "unknown or incomplete option '%s'",
                                 argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error(usage, "give exactly one FILE%s", "");
    const char *bad = "";
    if (stages && (n = S_split_stages(stages, ids, 64, &bad)) <= 0)
        return cli_usage_error(usage,
                             "'%s' is not a stage id: use lower-case letters, "
                             "digits, '-' and '_' (at most 64 stages)",
                             bad);
    char err[1024];
    cjm_outfile o;
    if (cjm_outfile_open(&o, argv[optind], err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    if (o.tmp == NULL) { /* a device: there is nothing to protect */
        cjm_journey_skeleton(o.f, ids, (size_t)n, persona, schema);
        return cjm_outfile_commit(&o, err, sizeof err) ? CJM_EXIT_USAGE
                                                       : CJM_EXIT_OK;
    }
    cjm_journey_skeleton(o.f, ids, (size_t)n, persona, schema);
    if (cjm_outfile_commit_new(&o, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    printf("%s\n", argv[optind]);
    return CJM_EXIT_OK;
}
