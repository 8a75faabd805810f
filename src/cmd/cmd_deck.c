/* cjm deck: a workshop deck per journey (spec "Deck"). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cjm deck [--lang en|de] [--compare OLD] [-T pdf|png|svg]\n"
    "                [-o PATH] PATH...\n"
    "\n"
    "Makes a workshop deck of each journey: a title slide with the digest\n"
    "map, a slide per stage (more when a stage has more than six\n"
    "touchpoints) with its cards in full, its friction, opportunities and\n"
    "quotes, and 'where it hurts'.  Every slide is 16:9 and readable from\n"
    "the back of the room.  A journey with errors gets no deck: its\n"
    "diagnostics are printed instead.\n"
    "\n"
    "  --compare OLD  add the comparison with an older version (a file):\n"
    "                 the comparison map and what changed\n"
    "  -T FORMAT      pdf (default): one PDF of 960x540 pt pages; png or\n"
    "                 svg: one 1920x1080 px file per slide\n"
    "  --lang LANG    the words the deck adds, in en or de (default: the\n"
    "                 journey's 'lang:', else en)\n"
    "  -o PATH        the PDF (one input), or the folder of the slides (png,\n"
    "                 svg) or of the decks (several inputs); default\n"
    "                 out/<id>.deck.pdf or out/<id>.deck/01.png ...\n"
    "  -h, --help     this help\n"
    "\n"
    "exit status: 0 all made, 1 a journey has errors, 2 usage or I/O error\n";

typedef struct {
    const char *type, *output, *lang, *compare;
} opts;

/* One slide's bytes, kept until every slide is made. */
typedef struct {
    char **data;
    size_t *len, n;
} slides;

static int S_keep(void *ctx, size_t slide, size_t n, const char *data,
                  size_t len)
{
    slides *s = ctx;
    if (!s->data) {
        s->data = calloc(n, sizeof *s->data);
        s->len = calloc(n, sizeof *s->len);
        s->n = s->data && s->len ? n : 0;
    }
    if (slide == 0 || slide > s->n || !(s->data[slide - 1] = malloc(len ? len : 1)))
        return -1;
    memcpy(s->data[slide - 1], data, len);
    s->len[slide - 1] = len;
    return 0;
}

static void S_slides_free(slides *s)
{
    for (size_t k = 0; k < s->n; k++)
        free(s->data[k]);
    free(s->data);
    free(s->len);
}

typedef struct {
    const char *data;
    size_t len;
} bytes;

static int S_copy(void *ctx, FILE *out, char *err, size_t errsize)
{
    const bytes *b = ctx;
    if (fwrite(b->data, 1, b->len, out) != b->len || fflush(out) != 0) {
        snprintf(err, errsize, "cannot write the deck");
        return -2;
    }
    return 0;
}

/* The deck of one journey: its slides in memory, then each file written
 * whole (cli_write_drawing renames it into place). */
static int S_deck(cjm_renderer *r, const cli_input *in, const cjm_journey *old,
                  const opts *o, bool one)
{
    slides s = {0};
    char err[1024] = "";
    size_t n = 0;
    int rc = cjm_deck_render(r, in->j, old, o->type, S_keep, &s, &n, err,
                             sizeof err);
    const char *file = cjm_journey_file(in->j);
    if (rc != 0) {
        fprintf(stderr, "cjm: %s: %s\n", file, err);
        S_slides_free(&s);
        return rc == -2 ? CJM_EXIT_USAGE : CJM_EXIT_ERRORS;
    }
    bool pdf = strcmp(o->type, "pdf") == 0;
    /* -o names the PDF of one journey, or the folder of its slides. */
    char *target = !pdf && one && o->output
                       ? strdup(o->output)
                       : cli_target(o->output, one, cjm_journey_id(in->j),
                                    ".deck", pdf ? "pdf" : NULL);
    int status = target ? CJM_EXIT_OK : CJM_EXIT_USAGE;
    for (size_t k = 0; k < s.n && status == CJM_EXIT_OK; k++) {
        bytes b = {s.data[k], s.len[k]};
        char *p = target;
        if (!pdf) {
            size_t len = strlen(target) + 16;
            if ((p = malloc(len)))
                snprintf(p, len, "%s%s%02zu.%s", target,
                         target[strlen(target) - 1] == '/' ? "" : "/", k + 1,
                         o->type);
        }
        status = p ? cli_write_drawing(p, file, S_copy, &b) : CJM_EXIT_USAGE;
        if (p != target)
            free(p);
    }
    free(target);
    S_slides_free(&s);
    return status;
}

/* The older version to compare with, or NULL when none was asked for;
 * *status says whether it loaded cleanly. */
static int S_old(const opts *o, cli_input *old, int *status)
{
    if (!o->compare)
        return 0;
    if (cli_input_open(o->compare, NULL, old, status) != 0)
        return -1;
    if (!old->j || cjm_diags_errors(old->d)) {
        if (old->d)
            cjm_diags_write(stdout, old->d, CJM_FORMAT_TEXT, old->buf, old->len);
        cli_worse(status, CJM_EXIT_ERRORS);
        return -1;
    }
    return 0;
}

static int S_run(const cjm_paths *paths, const opts *o, int status)
{
    cjm_renderer *r = cjm_renderer_new();
    cjm_output_opts oo = {.lang = o->lang};
    if (!r || cjm_renderer_set_options(r, &oo) != 0) {
        fprintf(stderr, "cjm: cannot start Graphviz\n");
        cjm_renderer_free(r);
        return CJM_EXIT_USAGE;
    }
    cli_input old = {0};
    if (S_old(o, &old, &status) != 0) {
        cli_input_close(&old);
        cjm_renderer_free(r);
        return status > CJM_EXIT_OK ? status : CJM_EXIT_USAGE;
    }
    for (size_t i = 0; i < paths->n; i++) {
        cli_input in;
        int s = CJM_EXIT_OK;
        if (cli_input_open(paths->items[i], NULL, &in, &s) != 0) {
            cli_worse(&status, CJM_EXIT_USAGE);
            break;
        }
        if (cjm_diags_errors(in.d)) {
            /* A journey with errors gets no deck. */
            cjm_diags_write(stdout, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
            cli_worse(&s, CJM_EXIT_ERRORS);
        } else if (in.j) {
            cli_worse(&s, S_deck(r, &in, old.j, o, paths->n == 1));
        }
        cli_input_close(&in);
        cli_worse(&status, s);
    }
    cli_input_close(&old);
    cjm_renderer_free(r);
    return status;
}

int cjm_cmd_deck(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"compare", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    opts o = {"pdf", NULL, NULL, NULL};
    int ch, status = CJM_EXIT_OK;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "hT:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'l':
            if (cli_lang(usage, optarg, &o.lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        case 'c': o.compare = optarg; break;
        case 'T':
            if (strcmp(optarg, "pdf") && strcmp(optarg, "png") &&
                strcmp(optarg, "svg"))
                return cli_usage_error(usage, "unknown deck format '%s' (pdf, "
                                              "png or svg)",
                                       optarg);
            o.type = optarg;
            break;
        case 'o': o.output = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    if (paths.n)
        status = S_run(&paths, &o, status);
    cjm_paths_free(&paths);
    return status;
}
