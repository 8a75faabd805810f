/* cjm diff: what changed between two versions of journeys, as a changelog,
 * a pull-request comment, JSON, GitHub annotations or a comparison map;
 * and a CI gate on regressions.  Sides are two files, two folders (paired
 * by journey id), or the working tree against a git revision (--base). */
#include "cli.h"
#include "git.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: cjm diff [--format text|markdown|json|github] [--fail-on COND,...]\n"
    "                [--accept REMOVAL,...] [--lang en|de] [--policy FILE]\n"
    "                [-T svg|png|pdf|dot [-o PATH]] OLD NEW\n"
    "       cjm diff --base REV [options] [PATH...]\n"
    "\n"
    "Compares two versions of journeys: two files, two folders (journeys\n"
    "pair by id), or every journey under PATH (default .) with its version\n"
    "at git revision REV.  A journey with errors is not compared: its\n"
    "diagnostics are printed instead.\n"
    "\n"
    "  --format FMT     text (default, a changelog), markdown (a pull-request\n"
    "                   comment), json, or github (annotations)\n"
    "  --lang LANG      text and Markdown in en or de (default: the new\n"
    "                   journey's 'lang:'); JSON and github never change\n"
    "  --accept LIST    removals meant (also from CJM_ACCEPT): comma-separated\n"
    "                   removed-touchpoint:ID, removed-stage:ID,\n"
    "                   removed-journey:ID; they are listed as accepted and\n"
    "                   never trip the gate\n"
    "  --fail-on CONDS  fail (exit 1) when any of these trips, comma-separated:\n"
    "                   removed-journey, removed-stage, removed-touchpoint,\n"
    "                   index-drop:X (index_pct fell by more than X points),\n"
    "                   score-drop:X (a touchpoint fell by more than X % of\n"
    "                   the scale), new-friction:SEVERITY; default: the\n"
    "                   journey's 'requires: gate:', else the policy's\n"
    "  --policy FILE    a policy file: its 'gate:' and its checks\n"
    "  --base REV       compare with git revision REV (read with git)\n"
    "  -T FORMAT        draw the comparison map instead (svg, png, pdf, or\n"
    "                   dot for the graph cjm builds): the old curve behind\n"
    "                   the new one, score deltas, removed touchpoints as\n"
    "                   ghosts, added ones marked new\n"
    "  -o PATH          the map's file (one pair) or folder; default\n"
    "                   out/<id>.diff.<ext>\n"
    "  -h, --help       this help\n"
    "\n"
    "exit status: 0 no gate condition tripped, 1 a condition tripped or a\n"
    "journey has errors, 2 usage error, unreadable file, or git failed\n";

/* One side's journeys.  key is the path that pairs a file with the other
 * side when it has errors (relative to the folder, or to the repository
 * checkout for --base). */
typedef struct {
    cli_input *in;
    const char **key;
    size_t n, cap;
} side;

typedef struct {
    cjm_format format;
    const char *fail_on, *policy_path, *type, *output, *base, *accept_list;
    const char *lang; /* --lang: text and Markdown, over the journeys' own */
    cjm_gate *gate; /* --fail-on */
    cjm_accept *accept; /* --accept and CJM_ACCEPT */
    cjm_policy *policy;
    int status;
} opts;

static int S_side_push(side *s, cli_input in, const char *key)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16;
        cli_input *a = realloc(s->in, nc * sizeof *a);
        if (a)
            s->in = a;
        const char **k = a ? realloc(s->key, nc * sizeof *k) : NULL;
        if (!a || !k)
            return -1;
        s->key = k;
        s->cap = nc;
    }
    s->in[s->n] = in;
    s->key[s->n++] = key;
    return 0;
}

static void S_side_free(side *s)
{
    for (size_t i = 0; i < s->n; i++)
        cli_input_close(&s->in[i]);
    free(s->in);
    free(s->key);
}

static const char *S_strip_dot(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return p;
}

/* Loads the files of a folder or a single file into s. */
static int S_load_paths(opts *o, side *s, const cjm_paths *paths,
                        const char *root)
{
    size_t rl = root ? strlen(root) : 0;
    for (size_t i = 0; i < paths->n; i++) {
        cli_input in;
        const char *p = paths->items[i];
        if (cli_input_open(p, o->policy, &in, &o->status) != 0)
            return -1;
        const char *key = rl && strncmp(p, root, rl) == 0 ? p + rl : p;
        while (*key == '/')
            key++;
        if (S_side_push(s, in, S_strip_dot(key)) != 0) {
            cli_input_close(&in);
            return -1;
        }
    }
    return 0;
}

/* ---- --base: the old side from git -------------------------------------- */

/* Says what git said and marks the run failed. */
static int S_git_failed(opts *o, const char *err)
{
    fprintf(stderr, "cjm: %s\n", err);
    cli_worse(&o->status, CJM_EXIT_USAGE);
    return -1;
}

/* Every journey at REV under the paths. */
static int S_load_old_git(opts *o, side *s, char **paths, size_t n_paths,
                          char **names_out)
{
    char err[512];
    size_t len;
    if (cjm_git_files(o->base, paths, n_paths, names_out, &len, err,
                      sizeof err) != 0)
        return S_git_failed(o, err);
    const char *names = *names_out;
    for (size_t i = 0; i < len; i += strlen(names + i) + 1) {
        const char *p = names + i;
        char *buf;
        size_t blen;
        if (!cjm_yaml_name(p))
            continue;
        if (cjm_git_show(o->base, p, &buf, &blen, err, sizeof err) != 0)
            return S_git_failed(o, err);
        if (!cjm_looks_like_journey(buf, blen)) {
            free(buf);
            continue;
        }
        size_t sl = strlen(o->base) + strlen(p) + 2;
        char *name = malloc(sl); /* shown as "REV:path" */
        cli_input in;
        if (name)
            snprintf(name, sl, "%s:%s", o->base, p);
        int rc = name ? cli_input_take(buf, blen, name, p, o->policy, &in) : -1;
        free(name);
        if (rc != 0)
            return -1;
        if (S_side_push(s, in, p) != 0) {
            cli_input_close(&in);
            return -1;
        }
    }
    return 0;
}

/* The working tree's journeys under the paths that git knows or would
 * add. */
static int S_load_new_git(opts *o, side *s, char **paths, size_t n_paths,
                          char **names_out)
{
    char err[512];
    size_t len;
    if (cjm_git_files(NULL, paths, n_paths, names_out, &len, err,
                      sizeof err) != 0)
        return S_git_failed(o, err);
    const char *names = *names_out;
    for (size_t i = 0; i < len; i += strlen(names + i) + 1) {
        const char *p = names + i;
        struct stat st;
        /* A file deleted but not yet committed is still --cached. */
        if (!cjm_yaml_name(p) || stat(p, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        cli_input in;
        if (cli_input_open(p, o->policy, &in, &o->status) != 0)
            return -1;
        if (in.buf && !cjm_looks_like_journey(in.buf, in.len)) {
            cli_input_close(&in);
            continue;
        }
        if (S_side_push(s, in, p) != 0) {
            cli_input_close(&in);
            return -1;
        }
    }
    return 0;
}

static int S_check_base(opts *o)
{
    char err[512];
    switch (cjm_git_check_rev(o->base, err, sizeof err)) {
    case 0: return 0;
    case 1:
        fprintf(stderr, "cjm: --base needs a git repository, and '.' is "
                        "not inside one; run cjm there, or compare two "
                        "files or folders\n");
        break;
    case 2:
        fprintf(stderr, "cjm: unknown revision '%s' (a branch, tag or "
                        "commit; in CI fetch it first, e.g. git fetch "
                        "origin main)\n",
                o->base);
        break;
    default: fprintf(stderr, "cjm: %s\n", err); break;
    }
    cli_worse(&o->status, CJM_EXIT_USAGE);
    return -1;
}

/* ---- pairing ------------------------------------------------------------ */

/* A file with errors cannot be paired by id: its diagnostics are printed,
 * and the file at the same path on the other side is left out too, so a
 * broken journey never reads as a removed or added one. */
static size_t S_report_errors(opts *o, side *s, bool *skip, const side *other,
                              bool *other_skip)
{
    size_t bad = 0;
    for (size_t i = 0; i < s->n; i++) {
        cli_input *in = &s->in[i];
        if (!cjm_diags_errors(in->d) && in->j)
            continue;
        skip[i] = true;
        if (cjm_diags_errors(in->d)) {
            /* Only the errors: they are why it is not compared; warnings
             * are cjm check's business. */
            cjm_diags *errs = cjm_diags_new(cjm_diags_file(in->d));
            for (size_t k = 0; errs && k < cjm_diags_count(in->d); k++) {
                const cjm_diag *g = cjm_diags_get(in->d, k);
                if (g->severity == CJM_ERROR)
                    cjm_diags_add(errs, g->rule, g->severity, g->line,
                                  g->column, "%s", g->message);
            }
            if (errs && o->format == CJM_FORMAT_GITHUB)
                cjm_diags_write(stdout, errs, CJM_FORMAT_GITHUB, NULL, 0);
            else if (errs)
                cjm_diags_write(stderr, errs, CJM_FORMAT_TEXT, in->buf,
                                in->len);
            cjm_diags_free(errs);
            cli_worse(&o->status, CJM_EXIT_ERRORS);
            bad++;
        }
        for (size_t k = 0; k < other->n; k++)
            if (strcmp(other->key[k], s->key[i]) == 0)
                other_skip[k] = true;
    }
    return bad;
}

/* A second journey with the id of another on its side is an error. */
static size_t S_duplicates(opts *o, const side *s,
                           const cjm_journey *const *js, bool *skip)
{
    size_t bad = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (skip[i])
            continue;
        long first = cjm_journeys_find(js, skip, s->n, cjm_journey_id(js[i]));
        if (first >= 0 && (size_t)first < i) {
            fprintf(stderr, "cjm: %s: the id '%s' is also the id of %s; "
                            "journeys pair by id, so give each its own\n",
                    cjm_journey_file(s->in[i].j), cjm_journey_id(s->in[i].j),
                    cjm_journey_file(s->in[first].j));
            cli_worse(&o->status, CJM_EXIT_ERRORS);
            skip[i] = true;
            bad++;
        }
    }
    return bad;
}

/* --fail-on wins; else the journey's own `requires: gate:`; else the
 * policy file's. */
static cjm_gate *S_gate_for(const opts *o, const cjm_journey *oj,
                            const cjm_journey *nj, bool *owned)
{
    *owned = false;
    if (o->gate)
        return o->gate;
    cjm_gate *g = cjm_gate_from_journey(nj ? nj : oj);
    if (!g)
        g = cjm_gate_from_policy(o->policy);
    *owned = g != NULL;
    return g;
}

/* ---- output ------------------------------------------------------------- */

typedef struct {
    cjm_renderer *r;
    const cjm_diff *d;
    const char *type;
} draw_ctx;

static int S_draw(void *ctx, FILE *out, char *err, size_t errsize)
{
    draw_ctx *c = ctx;
    return cjm_diff_render(c->r, c->d, c->type, out, err, errsize);
}

static void S_maps(opts *o, cjm_diff **diffs, const cjm_pair *pairs, size_t n,
                   const side *ns)
{
    size_t drawable = 0;
    for (size_t i = 0; i < n; i++)
        drawable += pairs[i].o >= 0 && pairs[i].n >= 0;
    cjm_renderer *r = drawable ? cjm_renderer_new() : NULL;
    if (drawable && !r) {
        fprintf(stderr, "cjm: cannot start Graphviz\n");
        cli_worse(&o->status, CJM_EXIT_USAGE);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (pairs[i].o < 0 || pairs[i].n < 0)
            continue;
        const cjm_journey *j = ns->in[pairs[i].n].j;
        char *path = o->output && strcmp(o->output, "-") == 0
                         ? strdup("-")
                         : cli_target(o->output, drawable == 1,
                                      cjm_journey_id(j), ".diff", o->type);
        draw_ctx c = {r, diffs[i], o->type};
        if (!path) {
            fprintf(stderr, "cjm: out of memory\n");
            cli_worse(&o->status, CJM_EXIT_USAGE);
            continue;
        }
        cli_worse(&o->status, cli_write_drawing(path, cjm_journey_file(j),
                                                S_draw, &c));
        free(path);
    }
    cjm_renderer_free(r);
}

static void S_compare(opts *o, side *os, side *ns, bool by_id)
{
    bool *oskip = calloc(os->n + 1, 1), *nskip = calloc(ns->n + 1, 1);
    const cjm_journey **oj = calloc(os->n + 1, sizeof *oj);
    const cjm_journey **nj = calloc(ns->n + 1, sizeof *nj);
    cjm_pair *pairs = calloc(os->n + ns->n + 1, sizeof *pairs);
    cjm_diff **diffs = calloc(os->n + ns->n + 1, sizeof *diffs);
    long n = -1;
    size_t bad = 0;
    if (oskip && nskip && oj && nj && pairs && diffs) {
        for (size_t i = 0; i < os->n; i++)
            oj[i] = os->in[i].j;
        for (size_t i = 0; i < ns->n; i++)
            nj[i] = ns->in[i].j;
        bad += S_report_errors(o, os, oskip, ns, nskip);
        bad += S_report_errors(o, ns, nskip, os, oskip);
        if (by_id) {
            bad += S_duplicates(o, os, oj, oskip);
            bad += S_duplicates(o, ns, nj, nskip);
            n = cjm_journeys_pair(oj, oskip, os->n, nj, nskip, ns->n, pairs);
        } else { /* two files pair whatever their ids (as-is / to-be) */
            n = !oskip[0] && !nskip[0];
            pairs[0] = (cjm_pair){0, 0};
        }
    }
    size_t trips = 0;
    for (long i = 0; i < n; i++) {
        const cli_input *oi = pairs[i].o >= 0 ? &os->in[pairs[i].o] : NULL;
        const cli_input *ni = pairs[i].n >= 0 ? &ns->in[pairs[i].n] : NULL;
        diffs[i] = cjm_diff_new(oi ? oi->j : NULL, ni ? ni->j : NULL,
                                oi ? cjm_diags_file(oi->d) : NULL,
                                ni ? cjm_diags_file(ni->d) : NULL);
        if (!diffs[i]) {
            n = -1;
            break;
        }
        cjm_diff_accept(diffs[i], o->accept);
        bool owned;
        cjm_gate *g = S_gate_for(o, oi ? oi->j : NULL, ni ? ni->j : NULL, &owned);
        trips += cjm_diff_gate(diffs[i], g);
        if (owned)
            cjm_gate_free(g);
    }
    if (n < 0) {
        fprintf(stderr, "cjm: out of memory\n");
        cli_worse(&o->status, CJM_EXIT_USAGE);
    } else if (o->type) {
        S_maps(o, diffs, pairs, (size_t)n, ns);
    } else {
        cjm_output_opts oo = {.lang = o->lang};
        cjm_diffs_write(stdout, diffs, (size_t)n, bad, o->format, &oo);
    }
    if (trips)
        cli_worse(&o->status, CJM_EXIT_ERRORS);
    for (long i = 0; i < n; i++)
        cjm_diff_free(diffs[i]);
    free(diffs);
    free(pairs);
    free(oj);
    free(nj);
    free(oskip);
    free(nskip);
}

/* ---- the three ways to name the sides ----------------------------------- */

static int S_run_base(opts *o, char **paths, size_t n_paths)
{
    static char dot[] = ".";
    char *def[] = {dot};
    if (n_paths == 0) {
        paths = def;
        n_paths = 1;
    }
    if (S_check_base(o) != 0)
        return o->status;
    side os = {0}, ns = {0};
    char *onames = NULL, *nnames = NULL;
    if (S_load_old_git(o, &os, paths, n_paths, &onames) == 0 &&
        S_load_new_git(o, &ns, paths, n_paths, &nnames) == 0) {
        if (os.n == 0 && ns.n == 0) {
            fprintf(stderr, "cjm: no journeys under the given paths, neither "
                            "in the working tree nor at '%s'\n", o->base);
            cli_worse(&o->status, CJM_EXIT_USAGE);
        } else {
            S_compare(o, &os, &ns, true);
        }
    } else {
        cli_worse(&o->status, CJM_EXIT_USAGE);
    }
    S_side_free(&os);
    S_side_free(&ns);
    free(onames);
    free(nnames);
    return o->status;
}

static int S_run_two(opts *o, char *old_path, char *new_path)
{
    struct stat so, sn;
    bool od = stat(old_path, &so) == 0 && S_ISDIR(so.st_mode);
    bool nd = stat(new_path, &sn) == 0 && S_ISDIR(sn.st_mode);
    if (od != nd)
        return cli_usage_error(usage, "compare two files or two folders, "
                                      "not a file with a folder ('%s')",
                               od ? old_path : new_path);
    cjm_paths po = {0}, pn = {0};
    side os = {0}, ns = {0};
    char err[512];
    if (cjm_paths_add(&po, old_path, err, sizeof err) != 0 ||
        cjm_paths_add(&pn, new_path, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        cli_worse(&o->status, CJM_EXIT_USAGE);
    } else if (S_load_paths(o, &os, &po, od ? old_path : NULL) != 0 ||
               S_load_paths(o, &ns, &pn, nd ? new_path : NULL) != 0) {
        fprintf(stderr, "cjm: out of memory\n");
        cli_worse(&o->status, CJM_EXIT_USAGE);
    } else if (o->status < CJM_EXIT_USAGE) {
        if (!od) /* a broken file leaves its counterpart out too */
            ns.key[0] = os.key[0];
        S_compare(o, &os, &ns, od);
    }
    S_side_free(&os);
    S_side_free(&ns);
    cjm_paths_free(&po);
    cjm_paths_free(&pn);
    return o->status;
}

static const unsigned formats =
    CLI_FMT(CJM_FORMAT_TEXT) | CLI_FMT(CJM_FORMAT_MARKDOWN) |
    CLI_FMT(CJM_FORMAT_JSON) | CLI_FMT(CJM_FORMAT_GITHUB);

/* Returns -1 to go on, else the exit status. */
static int S_options(opts *o, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"fail-on", required_argument, NULL, 'F'},
        {"accept", required_argument, NULL, 'a'},
        {"lang", required_argument, NULL, 'l'},
        {"policy", required_argument, NULL, 'p'},
        {"base", required_argument, NULL, 'b'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int ch;
    char err[512];
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "hT:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'f':
            if (cli_format(optarg, formats, &o->format) != 0)
                return cli_usage_error(usage, "unknown format '%s'", optarg);
            break;
        case 'F':
            cjm_gate_free(o->gate);
            if (!(o->gate = cjm_gate_parse(optarg, err, sizeof err)))
                return cli_usage_error(usage, "--fail-on: %s", err);
            break;
        case 'a': o->accept_list = optarg; break;
        case 'l':
            if (cli_lang(usage, optarg, &o->lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        case 'p': o->policy_path = optarg; break;
        case 'b': o->base = optarg; break;
        case 'T':
            if (strcmp(optarg, "svg") && strcmp(optarg, "png") &&
                strcmp(optarg, "pdf") && strcmp(optarg, "dot"))
                return cli_usage_error(usage, "unknown map format '%s' (svg, "
                                              "png, pdf or dot)", optarg);
            o->type = optarg;
            break;
        case 'o': o->output = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    /* CJM_ACCEPT (a CI variable, from the pull request) and --accept add
     * up. */
    const char *env = getenv("CJM_ACCEPT");
    size_t n = (env ? strlen(env) : 0) +
               (o->accept_list ? strlen(o->accept_list) : 0) + 2;
    char *all = malloc(n);
    if (all)
        snprintf(all, n, "%s,%s", env ? env : "",
                 o->accept_list ? o->accept_list : "");
    o->accept = all ? cjm_accept_parse(all, err, sizeof err) : NULL;
    free(all);
    if (!o->accept)
        return cli_usage_error(usage, "--accept: %s", err);
    if (o->output && !o->type)
        return cli_usage_error(usage, "-o names the map: give -T svg, png or "
                                      "pdf too%s", "");
    if (!o->base && argc - optind != 2)
        return cli_usage_error(usage, "give OLD and NEW (two files or two "
                                      "folders), or --base REV%s", "");
    return -1;
}

int cjm_cmd_diff(int argc, char **argv)
{
    opts o = {.format = CJM_FORMAT_TEXT};
    int rc = S_options(&o, argc, argv);
    if (rc < 0) {
        if (cli_load_policy(o.policy_path, &o.policy) != 0)
            rc = CJM_EXIT_USAGE;
        else if (o.base)
            rc = S_run_base(&o, argv + optind, (size_t)(argc - optind));
        else
            rc = S_run_two(&o, argv[optind], argv[optind + 1]);
    }
    cjm_gate_free(o.gate);
    cjm_accept_free(o.accept);
    cjm_policy_free(o.policy);
    return rc;
}
