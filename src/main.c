/* cjm: the command line.  Parses arguments, walks paths, and hands buffers to
 * the library; everything else lives in libcjm. */
#include "cjm.h"
#include "outfile.h"
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    "  init     write the skeleton of a new journey\n"
    "\n"
    "PATH is a file, a directory (every *.yaml and *.yml below it, sorted)\n"
    "or - for standard input.\n"
    "\n"
    "  cjm COMMAND --help   options of a command\n"
    "  cjm --version        the version\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O error\n";

static const char usage_check[] =
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

static const char usage_report[] =
    "usage: cjm report [--format text|markdown|json] PATH...\n"
    "\n"
    "Prints the figures of each journey: the journey index, stage means,\n"
    "the weakest touchpoints, friction by severity and the channel mix.\n"
    "A journey with errors gets its diagnostics (on stderr) instead.\n"
    "\n"
    "  --format FMT    text (default), markdown (for pull-request comments)\n"
    "                  or json (one object per file; an array for several)\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O error\n";

#ifndef CJM_SCHEMA_DEFAULT
#define CJM_SCHEMA_DEFAULT "/usr/local/share/cjm/journey.schema.json"
#endif

static const char usage_init[] =
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

static const char usage_render[] =
    "usage: cjm render [--view map|flow|channels] [-T svg|png|pdf|dot]\n"
    "                  [-o PATH] PATH...\n"
    "\n"
    "Draws each journey.  A journey with errors is not drawn: its\n"
    "diagnostics are printed instead, as by 'cjm check'.\n"
    "\n"
    "  --view VIEW   map (default): stages as columns, touchpoints placed by\n"
    "                score, friction and opportunities below;\n"
    "                flow: the touchpoint graph, for branches and loops;\n"
    "                channels: one row per channel, switches highlighted\n"
    "  -T FORMAT     svg (default), png, pdf, or dot (the graph cjm builds)\n"
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
    cjm_format format;
    cjm_view view;
    const char *type;   /* render -T */
    const char *output; /* render -o */
    bool strict;
    const char *policy_path;
    cjm_policy *policy;
    cjm_paths paths;
    int status; /* worst cjm_exit so far */
} cli;

static void S_worse(cli *c, int status)
{
    if (status > c->status)
        c->status = status;
}

static int S_usage_error(const char *usage, const char *fmt, const char *arg)
{
    fputs("cjm: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    fputs(usage, stderr);
    return CJM_EXIT_USAGE;
}

static int S_format(const char *s, bool report, cjm_format *out)
{
    static const struct {
        const char *name;
        cjm_format f;
        bool check, report;
    } formats[] = {
        {"text", CJM_FORMAT_TEXT, true, true},
        {"json", CJM_FORMAT_JSON, true, true},
        {"github", CJM_FORMAT_GITHUB, true, false},
        {"sarif", CJM_FORMAT_SARIF, true, false},
        {"junit", CJM_FORMAT_JUNIT, true, false},
        {"markdown", CJM_FORMAT_MARKDOWN, false, true},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i].name) == 0 &&
            (report ? formats[i].report : formats[i].check)) {
            *out = formats[i].f;
            return 0;
        }
    return -1;
}

/* Parses options common to check and report; returns -1 to go on, else an
 * exit status. */
static int S_options(cli *c, int argc, char **argv, const char *cmd,
                     const char *usage)
{
    bool report = strcmp(cmd, "report") == 0;
    bool render = strcmp(cmd, "render") == 0;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"policy", required_argument, NULL, 'p'},
        {"strict", no_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {"view", required_argument, NULL, 'v'},
        {NULL, 0, NULL, 0}};
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, render ? "hT:o:" : "h", longopts,
                             NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'v':
            if (!render || cjm_view_parse(optarg, &c->view) != 0)
                return S_usage_error(usage, render ? "unknown view '%s'"
                                                   : "unknown option '%s'",
                                     render ? optarg : "--view");
            break;
        case 'T':
            if (strcmp(optarg, "svg") && strcmp(optarg, "png") &&
                strcmp(optarg, "pdf") && strcmp(optarg, "dot"))
                return S_usage_error(usage, "unknown output format '%s'",
                                     optarg);
            c->type = optarg;
            break;
        case 'o': c->output = optarg; break;
        case 'f':
            if (render)
                return S_usage_error(usage, "unknown option '%s'", "--format");
            if (S_format(optarg, report, &c->format) != 0)
                return S_usage_error(usage, "unknown format '%s'", optarg);
            break;
        case 'p':
            if (report || render)
                return S_usage_error(usage, "unknown option '%s'", "--policy");
            c->policy_path = optarg;
            break;
        case 's':
            if (report || render)
                return S_usage_error(usage, "unknown option '%s'", "--strict");
            c->strict = true;
            break;
        default:
            return S_usage_error(usage, "unknown or incomplete option '%s'",
                                 argv[optind - 1]);
        }
    }
    if (optind == argc)
        return S_usage_error(usage, "no PATH given%s", "");
    char err[512];
    for (int i = optind; i < argc; i++) {
        size_t before = c->paths.n;
        if (cjm_paths_add(&c->paths, argv[i], err, sizeof err) != 0) {
            fprintf(stderr, "cjm: %s\n", err);
            S_worse(c, CJM_EXIT_USAGE);
        } else if (c->paths.n == before) {
            /* A CI job pointed at the wrong folder must not pass quietly. */
            fprintf(stderr, "cjm: no *.yaml or *.yml files under '%s'\n",
                    argv[i]);
            S_worse(c, CJM_EXIT_USAGE);
        }
    }
    return -1;
}

static int S_load_policy(cli *c)
{
    if (!c->policy_path)
        return 0;
    char *buf, err[512];
    size_t len;
    if (cjm_file_read(c->policy_path, &buf, &len, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: policy: %s\n", err);
        return -1;
    }
    cjm_diags *d = cjm_diags_new(c->policy_path);
    c->policy = d ? cjm_policy_load(buf, len, d) : NULL;
    if (d && cjm_diags_count(d)) {
        cjm_diags_sort(d);
        cjm_diags_write(stderr, d, CJM_FORMAT_TEXT, buf, len);
    }
    cjm_diags_free(d);
    free(buf);
    if (!c->policy) {
        fprintf(stderr, "cjm: the policy file '%s' has errors; fix them "
                        "first\n",
                c->policy_path);
        return -1;
    }
    return 0;
}

/* Reads one input.  Returns the buffer or NULL; an oversized file becomes a
 * diagnostic in d, an unreadable one a message on stderr. */
static char *S_read(cli *c, const char *path, size_t *len, cjm_diags *d)
{
    char *buf, err[512];
    int rc = cjm_file_read(path, &buf, len, err, sizeof err);
    if (rc == -2) {
        cjm_diags_add(d, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "%s", err);
    } else if (rc != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        S_worse(c, CJM_EXIT_USAGE);
    }
    return buf;
}

static const char *S_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* One input file, loaded and checked.  buf is NULL when it could not be
 * read; j is NULL when it did not load. */
typedef struct {
    cjm_diags *d;
    char *buf;
    size_t len;
    cjm_journey *j;
} input;

static int S_input_open(cli *c, const char *path, input *in)
{
    const char *name = S_display_name(path);
    *in = (input){cjm_diags_new(name), NULL, 0, NULL};
    if (!in->d)
        return -1;
    in->buf = S_read(c, path, &in->len, in->d);
    if (in->buf)
        in->j = cjm_journey_load_checked(in->buf, in->len, name, c->policy,
                                         in->d);
    return 0;
}

static void S_input_close(input *in)
{
    cjm_journey_free(in->j);
    free(in->buf);
    cjm_diags_free(in->d);
}

static int S_check(cli *c)
{
    cjm_printer *pr = cjm_printer_new(stdout, c->format);
    if (!pr)
        return CJM_EXIT_USAGE;
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < c->paths.n; i++) {
        input in;
        if (S_input_open(c, c->paths.items[i], &in) != 0) {
            S_worse(c, CJM_EXIT_USAGE);
            break;
        }
        if (in.buf || cjm_diags_count(in.d)) {
            cjm_printer_file(pr, in.d, in.buf, in.len);
            errors += cjm_diags_errors(in.d);
            warnings += cjm_diags_warnings(in.d);
        }
        S_input_close(&in);
    }
    cjm_printer_finish(pr);
    if (errors || (c->strict && warnings))
        S_worse(c, CJM_EXIT_ERRORS);
    return c->status;
}

static void S_report_one(cli *c, const cjm_journey *j, bool first, bool array)
{
    cjm_figures *f = cjm_figures_new(j);
    if (!f) {
        fprintf(stderr, "cjm: out of memory\n");
        S_worse(c, CJM_EXIT_USAGE);
        return;
    }
    if (!first)
        fputs(c->format == CJM_FORMAT_JSON       ? ", "
              : c->format == CJM_FORMAT_MARKDOWN ? "\n---\n\n"
                                                 : "\n",
              stdout);
    cjm_report_write(stdout, j, f, c->format);
    if (c->format == CJM_FORMAT_JSON && !array)
        putc('\n', stdout);
    cjm_figures_free(f);
}

static int S_report(cli *c)
{
    bool array = c->format == CJM_FORMAT_JSON && c->paths.n > 1;
    size_t shown = 0;
    if (array)
        fputs("[", stdout);
    for (size_t i = 0; i < c->paths.n; i++) {
        input in;
        if (S_input_open(c, c->paths.items[i], &in) != 0)
            return CJM_EXIT_USAGE;
        if (cjm_diags_errors(in.d)) {
            /* Only errors stop a report; the figures need a sound model. */
            cjm_diags_write(stderr, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
            S_worse(c, CJM_EXIT_ERRORS);
        } else if (in.j) {
            S_report_one(c, in.j, shown++ == 0, array);
        }
        S_input_close(&in);
    }
    if (array)
        fputs("]\n", stdout);
    return c->status;
}

/* The output path of one journey: -o as a file (one input) or a folder
 * (several), else out/.  Caller frees. */
static char *S_target(const cli *c, const cjm_journey *j, bool *made_dir)
{
    struct stat st;
    bool into_dir = c->output && stat(c->output, &st) == 0 && S_ISDIR(st.st_mode);
    bool one = c->paths.n == 1 && c->output && !into_dir;
    const char *dir = c->output ? c->output : "out";
    if (one)
        return strdup(c->output);
    /* A missing output folder is made, but only one level: a typo in a
     * deeper path is reported, not silently created. */
    if (!*made_dir) {
        mkdir(dir, 0777);
        *made_dir = true;
    }
    const char *view = c->view == CJM_VIEW_MAP ? "" : cjm_view_name(c->view);
    size_t n = strlen(dir) + strlen(cjm_journey_id(j)) + strlen(view) +
               strlen(c->type) + 4;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s.%s", dir, cjm_journey_id(j), *view ? "." : "",
                 view, c->type);
    return p;
}

static void S_render_one(cli *c, cjm_renderer *r, const cjm_journey *j,
                         bool *made_dir)
{
    char err[1024];
    int rc;
    if (c->output && strcmp(c->output, "-") == 0) {
        /* -o - : standard output, for pipes; nothing to rename. */
        rc = cjm_render(r, j, c->view, c->type, stdout, err, sizeof err);
        if (rc != 0) {
            fprintf(stderr, "cjm: %s: %s\n", cjm_journey_file(j), err);
            S_worse(c, rc == -2 ? CJM_EXIT_USAGE : CJM_EXIT_ERRORS);
        }
        return;
    }
    char *path = S_target(c, j, made_dir);
    cjm_outfile o;
    if (!path || cjm_outfile_open(&o, path, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", path ? err : "out of memory");
        S_worse(c, CJM_EXIT_USAGE);
    } else if ((rc = cjm_render(r, j, c->view, c->type, o.f, err,
                                sizeof err)) != 0) {
        cjm_outfile_abort(&o);
        fprintf(stderr, "cjm: %s: %s\n", cjm_journey_file(j), err);
        S_worse(c, rc == -2 ? CJM_EXIT_USAGE : CJM_EXIT_ERRORS);
    } else if (cjm_outfile_commit(&o, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        S_worse(c, CJM_EXIT_USAGE);
    } else {
        printf("%s\n", path);
    }
    free(path);
}

static int S_render(cli *c)
{
    /* One Graphviz context for every journey of the run. */
    cjm_renderer *r = cjm_renderer_new();
    if (!r) {
        fprintf(stderr, "cjm: cannot start Graphviz\n");
        return CJM_EXIT_USAGE;
    }
    bool made_dir = false;
    for (size_t i = 0; i < c->paths.n; i++) {
        input in;
        if (S_input_open(c, c->paths.items[i], &in) != 0) {
            S_worse(c, CJM_EXIT_USAGE);
            break;
        }
        if (cjm_diags_errors(in.d)) {
            /* A journey with errors is never drawn. */
            cjm_diags_write(stdout, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
            S_worse(c, CJM_EXIT_ERRORS);
        } else if (in.j) {
            S_render_one(c, r, in.j, &made_dir);
        }
        S_input_close(&in);
    }
    cjm_renderer_free(r);
    return c->status;
}

static int S_run(const char *cmd, int argc, char **argv)
{
    cli c = {.format = CJM_FORMAT_TEXT, .view = CJM_VIEW_MAP, .type = "svg"};
    bool report = strcmp(cmd, "report") == 0;
    bool render = strcmp(cmd, "render") == 0;
    int rc = S_options(&c, argc, argv, cmd,
                       render ? usage_render
                       : report ? usage_report
                                : usage_check);
    if (rc < 0) {
        if (c.paths.n == 0)
            rc = c.status;
        else if (S_load_policy(&c) != 0)
            rc = CJM_EXIT_USAGE;
        else
            rc = render ? S_render(&c) : report ? S_report(&c) : S_check(&c);
    }
    cjm_policy_free(c.policy);
    cjm_paths_free(&c.paths);
    return rc;
}

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

static int S_init(int argc, char **argv)
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
        case 'h': fputs(usage_init, stdout); return CJM_EXIT_OK;
        case 's': stages = optarg; break;
        case 'p': persona = optarg; break;
        case 'S': schema = *optarg ? optarg : NULL; break;
        default:
            return S_usage_error(usage_init, "unknown or incomplete option '%s'",
                                 argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return S_usage_error(usage_init, "give exactly one FILE%s", "");
    const char *bad = "";
    if (stages && (n = S_split_stages(stages, ids, 64, &bad)) <= 0)
        return S_usage_error(usage_init,
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

/* A failed write to stdout (full disk, closed pipe) is an error, not
 * silence. */
static int S_finish(int rc)
{
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
    if (argc < 2)
        return S_usage_error(usage_main, "no command given%s", "");
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
    if (strcmp(cmd, "init") == 0)
        return S_finish(S_init(argc - 1, argv + 1));
    if (strcmp(cmd, "check") == 0 || strcmp(cmd, "report") == 0 ||
        strcmp(cmd, "render") == 0)
        return S_finish(S_run(cmd, argc - 1, argv + 1));
    return S_usage_error(usage_main, "unknown command '%s'", cmd);
}
