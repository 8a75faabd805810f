/* cjm render: draw each journey as a map, flow or channels view. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cjm render [--view map|flow|channels] [-T svg|png|pdf|dot]\n"
    "                  [--page auto|a4|a3|a2|a1|a0|slide]\n"
    "                  [--detail auto|full|digest] [--lang en|de]\n"
    "                  [--show owner] [--watch] [-o PATH] PATH...\n"
    "\n"
    "Draws each journey.  A journey with errors is not drawn: its\n"
    "diagnostics are printed instead, as by 'cjm check'.\n"
    "\n"
    "  --view VIEW   map (default): stages as columns, touchpoints placed by\n"
    "                score, friction and opportunities below;\n"
    "                flow: the touchpoint graph, for branches and loops;\n"
    "                channels: one row per channel, switches highlighted\n"
    "  -T FORMAT     svg (default), png, pdf, or dot (the graph cjm builds)\n"
    "  --page PAGE   lay the drawing out for a landscape ISO page a4 ... a0\n"
    "                (a PDF of that size, PNG at 150 dpi, SVG in mm) or a\n"
    "                1920x1080 px slide; auto (default) sizes it to the\n"
    "                content\n"
    "  --detail D    on a page: full (everything), digest (stage headers,\n"
    "                cards with one friction mark, the curve: what a room\n"
    "                reads from across it), or auto (default): the digest\n"
    "                on a4 and the slide, elsewhere full where it is large\n"
    "                enough to read, else the digest with a note\n"
    "  --lang LANG   the words the map adds, in en or de (default: the\n"
    "                journey's 'lang:', else en)\n"
    "  --show owner  each touchpoint's owner on its card\n"
    "  --watch       keep running and redraw a journey each time it is saved\n"
    "                (errors are printed instead, and watching goes on);\n"
    "                Ctrl-C stops with status 0\n"
    "  -o PATH       the output file (one input), a folder (several inputs,\n"
    "                or an existing folder), or - for standard output;\n"
    "                default out/<id>.<ext>, or out/<id>.<view>.<ext> for\n"
    "                the flow and channels views\n"
    "  -h, --help    this help\n"
    "\n"
    "Files are written to a temporary file and renamed into place, so a\n"
    "failed run never leaves a half-written file.  Each path written is\n"
    "printed.\n"
    "\n"
    "exit status: 0 all drawn, 1 a journey has errors, 2 usage or I/O error\n";

typedef struct {
    cjm_renderer *r;
    const cjm_journey *j;
    cjm_view view;
    cjm_page page;
    const char *type;
    cjm_page_fit fit;
} draw_ctx;

static int S_draw(void *ctx, FILE *out, char *err, size_t errsize)
{
    draw_ctx *c = ctx;
    return cjm_render_page(c->r, c->j, c->view, c->page, c->type, out,
                           &c->fit, err, errsize);
}

/* A page too small for the journey still gets its drawing, with a
 * warning: the facilitator decides whether to print larger.  (Values
 * within a hundredth of the floor meet it: they print as the floor.) */
static void S_warn_small(const draw_ctx *c, const char *file)
{
    const cjm_page_fit *fit = &c->fit;
    const char *what = fit->text + 0.005 < fit->min_text ? "smallest text"
                       : fit->names + 0.005 < fit->min_names ? "smallest card name"
                                                             : NULL;
    if (fit->text <= 0 || !what)
        return;
    bool text = what[9] == 't';
    fprintf(stderr,
            "cjm: %s: warning: on %s the %s is %.2f %s, less than the %.0f %s "
            "a reader needs; %s\n",
            file, cjm_page_name(c->page), what, text ? fit->text : fit->names,
            fit->unit, text ? fit->min_text : fit->min_names, fit->unit,
            fit->detail == CJM_DETAIL_FULL
                ? "draw the digest (--detail digest) or use a larger --page"
            : c->page == CJM_PAGE_SLIDE
                ? "make a deck of it ('cjm deck'), or print it (--page a3 or "
                  "larger)"
                : "use a larger --page, or make a deck of it ('cjm deck')");
}

/* auto drew the digest because full detail does not fit this page. */
static void S_note_digest(const draw_ctx *c, const char *file)
{
    if (c->fit.full_page != CJM_PAGE_AUTO)
        fprintf(stderr,
                "cjm: %s: note: on %s the %s is drawn as a digest; the full "
                "drawing takes %s (--page %s), or ask for it with --detail "
                "full\n",
                file, cjm_page_name(c->page), cjm_view_name(c->view),
                cjm_page_name(c->fit.full_page), cjm_page_name(c->fit.full_page));
}

typedef struct {
    cjm_view view;
    cjm_page page;
    cjm_detail detail;
    const char *type, *output, *lang;
    bool owner, watch;
} opts;

/* One run's state: shared by the first drawing and every redraw. */
typedef struct {
    const cjm_paths *paths;
    const opts *o;
    cjm_renderer *r;
    int status;
} run;

/* Draws paths->items[i], or prints its diagnostics; returns the status. */
static int S_draw_one(run *rn, size_t i)
{
    const opts *o = rn->o;
    int status = CJM_EXIT_OK;
    cli_input in;
    if (cli_input_open(rn->paths->items[i], NULL, &in, &status) != 0)
        return CJM_EXIT_USAGE;
    if (cjm_diags_errors(in.d)) {
        /* A journey with errors is never drawn. */
        cjm_diags_write(stdout, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
        cli_worse(&status, CJM_EXIT_ERRORS);
    } else if (in.j) {
        const char *suffix = o->view == CJM_VIEW_MAP    ? ""
                             : o->view == CJM_VIEW_FLOW ? ".flow"
                                                        : ".channels";
        bool to_stdout = o->output && strcmp(o->output, "-") == 0;
        char *path = to_stdout ? NULL
                               : cli_target(o->output, rn->paths->n == 1,
                                            cjm_journey_id(in.j), suffix,
                                            o->type);
        draw_ctx c = {rn->r, in.j, o->view, o->page, o->type, {.unit = NULL}};
        if (!path && !to_stdout) {
            fprintf(stderr, "cjm: out of memory\n");
            cli_worse(&status, CJM_EXIT_USAGE);
        } else {
            cli_worse(&status, cli_write_drawing(path ? path : "-",
                                                 cjm_journey_file(in.j),
                                                 S_draw, &c));
            S_warn_small(&c, cjm_journey_file(in.j));
            S_note_digest(&c, cjm_journey_file(in.j));
        }
        free(path);
    }
    cli_input_close(&in);
    return status;
}

static void S_redraw(void *ctx, size_t i)
{
    S_draw_one(ctx, i);
}

static int S_run(const cjm_paths *paths, const opts *o, int status)
{
    /* One Graphviz context for every journey of the run. */
    run rn = {paths, o, cjm_renderer_new(), status};
    cjm_output_opts oo = {.lang = o->lang, .owners = o->owner};
    if (!rn.r || cjm_renderer_set_options(rn.r, &oo) != 0) {
        fprintf(stderr, "cjm: cannot start Graphviz\n");
        cjm_renderer_free(rn.r);
        return CJM_EXIT_USAGE;
    }
    cjm_renderer_set_detail(rn.r, o->detail);
    if (o->watch) {
        /* A facilitator's live preview: errors are shown and then fixed,
         * so only a failure to watch ends it with an error. */
        rn.status = cli_watch(paths, S_redraw, &rn);
    } else {
        for (size_t i = 0; i < paths->n; i++) {
            int s = S_draw_one(&rn, i);
            cli_worse(&rn.status, s);
            if (s == CJM_EXIT_USAGE)
                break;
        }
    }
    cjm_renderer_free(rn.r);
    return rn.status;
}

/* Standard input or output: a stream cannot be watched or redrawn. */
static bool S_uses_stdio(const opts *o, int argc, char **argv, int first)
{
    if (o->output && strcmp(o->output, "-") == 0)
        return true;
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], "-") == 0)
            return true;
    return false;
}

int cjm_cmd_render(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"view", required_argument, NULL, 'v'},
        {"lang", required_argument, NULL, 'l'},
        {"page", required_argument, NULL, 'p'},
        {"detail", required_argument, NULL, 'd'},
        {"show", required_argument, NULL, 's'},
        {"watch", no_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    opts o = {CJM_VIEW_MAP, CJM_PAGE_AUTO, CJM_DETAIL_AUTO, "svg", NULL, NULL,
              false, false};
    int ch, status = CJM_EXIT_OK;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "hT:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'v':
            if (cjm_view_parse(optarg, &o.view) != 0)
                return cli_usage_error(usage, "unknown view '%s'", optarg);
            break;
        case 'p':
            if (cjm_page_parse(optarg, &o.page) != 0)
                return cli_usage_error(usage, "unknown page '%s' (auto, a4, "
                                              "a3, a2, a1, a0 or slide)",
                                       optarg);
            break;
        case 'd':
            if (cjm_detail_parse(optarg, &o.detail) != 0)
                return cli_usage_error(usage, "unknown detail '%s' (auto, full "
                                              "or digest)",
                                       optarg);
            break;
        case 'l':
            if (cli_lang(usage, optarg, &o.lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        case 's':
            if (strcmp(optarg, "owner") != 0)
                return cli_usage_error(usage, "--show takes 'owner', not '%s'",
                                       optarg);
            o.owner = true;
            break;
        case 'T':
            if (strcmp(optarg, "svg") && strcmp(optarg, "png") &&
                strcmp(optarg, "pdf") && strcmp(optarg, "dot"))
                return cli_usage_error(usage, "unknown output format '%s'",
                                       optarg);
            o.type = optarg;
            break;
        case 'o': o.output = optarg; break;
        case 'w': o.watch = true; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (o.watch && S_uses_stdio(&o, argc, argv, optind))
        return cli_usage_error(usage, "--watch needs files on both sides, "
                                      "not '%s'", "-");
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    if (paths.n)
        status = S_run(&paths, &o, status);
    cjm_paths_free(&paths);
    return status;
}
