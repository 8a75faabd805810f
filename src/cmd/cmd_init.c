/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
/* cjm init: write the commented skeleton of a new journey. */
#include "cli.h"
#include "outfile.h"
#include "util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef CJM_SCHEMA_DEFAULT
#define CJM_SCHEMA_DEFAULT "/usr/local/share/cjm/journey.schema.json"
#endif

static const char usage[] =
    "usage: cjm init [--title TEXT] [--stages NAME,NAME,...] [--persona NAME]\n"
    "                [--schema REF] FILE\n"
    "\n"
    "Writes the skeleton of a new journey to FILE: one example touchpoint per\n"
    "stage, with comments explaining each key.  It passes 'cjm check'.  An\n"
    "existing FILE is never overwritten.\n"
    "\n"
    "  --title TEXT    the journey's title (default: New customer journey)\n"
    "  --stages NAMES  the stages, comma-separated names as the map shows\n"
    "                  them (\"Aufmerksamkeit,Kauf\"); their ids are made\n"
    "                  from them (aufmerksamkeit, kauf).  Default: awareness,\n"
    "                  consideration, purchase, delivery, service, loyalty\n"
    "  --persona NAME  whose journey it is\n"
    "  --schema REF    the JSON Schema for editors, written into the\n"
    "                  '# yaml-language-server: $schema=' line; default: the\n"
    "                  repository's schema/ found above FILE (as a relative\n"
    "                  path), else the installed\n"
    "                  " CJM_SCHEMA_DEFAULT ",\n"
    "                  else none; empty for none\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 written, 2 usage error or FILE exists or cannot be written\n";

/* Splits "Aufmerksamkeit,Kauf" into ids ("aufmerksamkeit", "kauf") and
 * the names as written, kept where they are more than the capitalised id.
 * Ids are made unique ("kauf", "kauf-2").  Returns how many, or -1 when
 * there are more than `cap` or none. */
static int S_split_stages(const char *list, char **ids, char **names, int cap)
{
    int n = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        char *name = strndup(p, len);
        p += len + (p[len] == ',');
        if (!name)
            return -1;
        size_t a = strspn(name, " "), z = strlen(name);
        while (z > a && name[z - 1] == ' ')
            name[--z] = '\0';
        if (z == a) { /* ",," or a blank */
            free(name);
            continue;
        }
        if (n == cap) {
            free(name);
            return -1;
        }
        memmove(name, name + a, z - a + 1);
        cjm_str s = {0};
        cjm_slugify(&s, name);
        for (int k = 0, dup = 1; !s.failed && k < n; k++)
            if (strcmp(ids[k], s.data) == 0) {
                char num[16];
                snprintf(num, sizeof num, "-%d", ++dup);
                cjm_str_puts(&s, num);
                k = -1;
            }
        if (s.failed) {
            free(name);
            cjm_str_free(&s);
            return -1;
        }
        ids[n] = s.data;
        names[n++] = name;
    }
    return n ? n : -1;
}

static int S_write(const char *path, const cjm_skeleton *sk)
{
    char err[1024];
    cjm_outfile o;
    if (cjm_outfile_open(&o, path, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    cjm_journey_skeleton(o.f, sk);
    /* A device has nothing to protect; a file is never overwritten. */
    int rc = o.tmp == NULL ? cjm_outfile_commit(&o, err, sizeof err)
                           : cjm_outfile_commit_new(&o, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    if (o.tmp != NULL)
        printf("%s\n", path);
    return CJM_EXIT_OK;
}

int cjm_cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"stages", required_argument, NULL, 's'},
        {"persona", required_argument, NULL, 'p'},
        {"schema", required_argument, NULL, 'S'},
        {"title", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    char *ids[64], *names[64];
    const char *persona = NULL, *schema = NULL, *title = NULL;
    bool schema_given = false;
    char *stages = NULL;
    int n = 0, ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 's': stages = optarg; break;
        case 'p': persona = optarg; break;
        case 'S':
            schema = *optarg ? optarg : NULL;
            schema_given = true;
            break;
        case 't': title = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error(usage, "give exactly one FILE%s", "");
    if (stages && (n = S_split_stages(stages, ids, names, 64)) <= 0)
        return cli_usage_error(usage,
                               "--stages '%s': give 1 to 64 stage names, "
                               "separated by commas",
                               stages);
    char *found = schema_given ? NULL : cli_find_schema(argv[optind]);
    if (!schema_given) {
        schema = found;
        if (!found)
            fprintf(stderr, "cjm: no journey.schema.json found (not in a "
                            "cjm repository, cjm not installed); the file has "
                            "no schema line: give one with --schema\n");
    }
    cjm_skeleton sk = {(const char *const *)ids, (const char *const *)names,
                       (size_t)(n > 0 ? n : 0), persona, schema, title};
    int rc = S_write(argv[optind], &sk);
    free(found);
    for (int i = 0; i < n; i++) {
        free(ids[i]);
        free(names[i]);
    }
    return rc;
}
