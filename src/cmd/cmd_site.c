/* cjm site: a static web site of every journey and the portfolio (spec
 * "Site").  The journeys are loaded and their history read from git here;
 * the pages are drawn by -j worker processes (each with a Graphviz
 * context of its own: Graphviz is not thread-safe), into a folder beside
 * the target that is renamed into place whole. */
/* nftw() and renameat2() (glibc 2.28): GNU extensions. */
#define _GNU_SOURCE
#include "cli.h"
#include "git.h"
#include "outfile.h"
#include "site.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage[] =
    "usage: cjm site [--base REV] [--history N] [--lang en|de] [-j N]\n"
    "                [-o DIR] PATH...\n"
    "\n"
    "Writes a static web site of the journeys: index.html, the portfolio\n"
    "(a row per journey, the top friction across them, files with errors and\n"
    "their diagnostics), and a page per journey (its map, flow and channels\n"
    "views, its figures, its history).  The site loads nothing from\n"
    "elsewhere and works from file:// and any static host.\n"
    "\n"
    "  --base REV     each journey's page shows what changed since REV\n"
    "  --history N    the index over the last N commits that changed each\n"
    "                 file (default 20; 0: none; only in a git repository)\n"
    "  --lang LANG    the portfolio's words, en (default) or de; a journey's\n"
    "                 page speaks the journey's own language\n"
    "  -j N           N worker processes draw the pages (default: one per\n"
    "                 core)\n"
    "  -o DIR         the site's folder (default site/); it is built beside\n"
    "                 DIR and renamed into place whole\n"
    "  -h, --help     this help\n"
    "\n"
    "exit status: 0 the site is written, 1 written but a journey has errors\n"
    "(listed on the portfolio), 2 usage or I/O error\n";

typedef struct {
    const char *base, *lang, *output;
    long history, jobs;
} opts;

typedef struct {
    cli_input in;
    cjm_figures *f;
    char page[80];
    cjm_site_point *hist;
    size_t n_hist;
    cjm_journey *old; /* at --base */
    char *old_buf;
    cjm_diff *d;
} journey;

/* The index of path at each of the last n commits that changed it, oldest
 * first.  Nothing when git has no history for it. */
static void S_history(journey *e, const char *path, long n)
{
    char num[32], *out = NULL, err[256];
    size_t len = 0;
    snprintf(num, sizeof num, "-n%ld", n);
    const char *argv[] = {"git", "log", num, "--format=%H%x1f%cs%x1f%s", "--",
                          path, NULL};
    if (cjm_git_run(argv, 1 << 20, &out, &len, err, sizeof err) != 0) {
        free(out);
        return;
    }
    size_t lines = 0;
    for (size_t k = 0; k < len; k++)
        lines += out[k] == '\n';
    e->hist = calloc(lines ? lines : 1, sizeof *e->hist);
    char *save = NULL;
    for (char *line = e->hist ? strtok_r(out, "\n", &save) : NULL; line;
         line = strtok_r(NULL, "\n", &save)) {
        char *date = strchr(line, '\x1f'), *subject = date ? strchr(date + 1, '\x1f') : NULL;
        if (!subject)
            continue;
        *date++ = '\0';
        *subject++ = '\0';
        cjm_site_point *p = &e->hist[e->n_hist++];
        snprintf(p->date, sizeof p->date, "%.10s", date);
        p->subject = strdup(subject);
        char *buf = NULL;
        size_t blen = 0;
        if (cjm_git_show(line, path, &buf, &blen, err, sizeof err) == 0) {
            cjm_diags *d = cjm_diags_new(path);
            cjm_journey *j = d ? cjm_journey_load(buf, blen, path, d) : NULL;
            cjm_figures *f = j ? cjm_figures_new(j) : NULL;
            p->has_index = f && cjm_figures_index(f, &p->index) == 0;
            cjm_figures_free(f);
            cjm_journey_free(j);
            cjm_diags_free(d);
        }
        free(buf);
    }
    free(out);
    /* git log gives the newest first. */
    for (size_t a = 0, b = e->n_hist; a + 1 < b; a++, b--) {
        cjm_site_point t = e->hist[a];
        e->hist[a] = e->hist[b - 1];
        e->hist[b - 1] = t;
    }
}

/* The journey at --base, and the diff against it. */
static void S_base(journey *e, const char *rev, const char *path)
{
    char err[256], name[512];
    size_t len = 0;
    cjm_diags *d = cjm_diags_new(path);
    if (d && cjm_git_show(rev, path, &e->old_buf, &len, err, sizeof err) == 0) {
        e->old = cjm_journey_load(e->old_buf, len, path, d);
        if (e->old && cjm_diags_errors(d)) {
            cjm_journey_free(e->old);
            e->old = NULL;
        }
    }
    cjm_diags_free(d);
    snprintf(name, sizeof name, "%s:%s", rev, path);
    e->d = cjm_diff_new(e->old, e->in.j, name, path);
}

static void S_journey_free(journey *e)
{
    for (size_t k = 0; k < e->n_hist; k++)
        free(e->hist[k].subject);
    free(e->hist);
    cjm_diff_free(e->d);
    cjm_journey_free(e->old);
    free(e->old_buf);
    cjm_figures_free(e->f);
    cli_input_close(&e->in);
}

static int S_rm(const char *path, const struct stat *st, int flag,
                struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void S_rm_rf(const char *dir)
{
    nftw(dir, S_rm, 16, FTW_DEPTH | FTW_PHYS);
}

static char *S_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* One page, drawn in a process of its own: Graphviz 2.42 keeps state
 * from one layout to the next (a flow laid out after others can come out
 * differently), so a fresh process per page gives the same bytes whatever
 * -j is; it is also the Graphviz context of its own that -j needs. */
static int S_page(journey *e, const char *dir, const opts *o)
{
    cjm_renderer *r = cjm_renderer_new();
    if (!r)
        return 2;
    cjm_site_entry se = {e->in.j, e->f, e->page, e->hist, e->n_hist};
    char *path = S_join(dir, e->page), err[1024] = "";
    FILE *out = path ? fopen(path, "w") : NULL;
    int rc = out ? cjm_site_page(out, r, &se, e->d, o->base, err, sizeof err)
                 : -2;
    if (out && fclose(out) != 0 && rc == 0)
        rc = -2;
    if (rc != 0)
        fprintf(stderr, "cjm: %s: %s\n", cjm_journey_file(e->in.j),
                *err ? err : strerror(errno));
    free(path);
    cjm_renderer_free(r);
    return rc == 0 ? 0 : 2;
}

/* Draws every page, at most o->jobs at a time; 0 when all were written. */
static int S_pages(journey *js, size_t n_js, const char *dir, const opts *o)
{
    size_t running = 0, next = 0;
    int rc = 0;
    fflush(NULL);
    while (next < n_js || running > 0) {
        if (next < n_js && running < (size_t)o->jobs && rc == 0) {
            pid_t pid = fork();
            if (pid == 0)
                _exit(S_page(&js[next], dir, o));
            if (pid < 0) {
                rc = -1;
            } else {
                running++;
            }
            next++;
            continue;
        }
        int st;
        if (wait(&st) < 0)
            break;
        running--;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            rc = -1;
    }
    return rc;
}

static int S_write_file(const char *dir, const char *name,
                        int (*write)(FILE *, void *), void *ctx)
{
    char *path = S_join(dir, name);
    FILE *out = path ? fopen(path, "w") : NULL;
    int rc = out ? write(out, ctx) : -1;
    if (out && fclose(out) != 0)
        rc = -1;
    free(path);
    return rc;
}

typedef struct {
    cjm_site_entry *e;
    size_t n;
    cjm_site_broken *b;
    size_t nb;
    cjm_lang lang;
} index_ctx;

static int S_index(FILE *out, void *ctx)
{
    index_ctx *c = ctx;
    return cjm_site_index(out, c->e, c->n, c->b, c->nb, c->lang);
}

static int S_css(FILE *out, void *ctx)
{
    (void)ctx;
    return cjm_site_css(out);
}

/* Puts the new site in place of the old, whole: exchanged in one step
 * where the file system can, else the old moved aside first. */
static int S_swap(const char *tmp, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return rename(tmp, dir);
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
        S_rm_rf(tmp);
        return 0;
    }
    char old[4200];
    snprintf(old, sizeof old, "%s.old", tmp);
    if (rename(dir, old) != 0)
        return -1;
    if (rename(tmp, dir) != 0) {
        rename(old, dir);
        return -1;
    }
    S_rm_rf(old);
    return 0;
}

/* Loads every input: a journey without errors goes on the site with its
 * figures, history and base; one with errors is listed with its
 * diagnostics.  Returns the worst status. */
static int S_load(const cjm_paths *paths, const opts *o, journey *js,
                  size_t *n_js, cjm_site_broken *bs, size_t *nb)
{
    int status = CJM_EXIT_OK;
    bool git = cjm_git_check_rev("HEAD", (char[64]){0}, 64) == 0;
    for (size_t i = 0; i < paths->n; i++) {
        journey *e = &js[*n_js];
        memset(e, 0, sizeof *e);
        int s = CJM_EXIT_OK;
        if (cli_input_open(paths->items[i], NULL, &e->in, &s) != 0)
            return CJM_EXIT_USAGE;
        cli_worse(&status, s);
        if (!e->in.j || cjm_diags_errors(e->in.d)) {
            char *buf = NULL;
            size_t len = 0;
            FILE *mem = open_memstream(&buf, &len);
            if (mem && e->in.d)
                cjm_diags_write(mem, e->in.d, CJM_FORMAT_TEXT, e->in.buf,
                                e->in.len);
            if (mem)
                fclose(mem);
            bs[*nb].file = strdup(paths->items[i]);
            bs[(*nb)++].diags = buf ? buf : strdup("");
            cli_input_close(&e->in);
            cli_worse(&status, CJM_EXIT_ERRORS);
            continue;
        }
        e->f = cjm_figures_new(e->in.j);
        /* Page names never hold user text beyond the id's [a-z0-9-]; a
         * repeated id gets its position added. */
        snprintf(e->page, sizeof e->page, "%s.html", cjm_journey_id(e->in.j));
        for (size_t k = 0; k < *n_js; k++)
            if (strcmp(js[k].page, e->page) == 0)
                snprintf(e->page, sizeof e->page, "%s-%zu.html",
                         cjm_journey_id(e->in.j), i + 1);
        if (git && o->history > 0 && strcmp(paths->items[i], "-") != 0)
            S_history(e, paths->items[i], o->history);
        if (git && o->base && strcmp(paths->items[i], "-") != 0)
            S_base(e, o->base, paths->items[i]);
        (*n_js)++;
    }
    return status;
}

/* A signal that asked us to stop while the site was being built: the
 * temporary folder goes, the old site stays. */
static bool S_stopped(void)
{
    sigset_t pending;
    return sigpending(&pending) == 0 &&
           (sigismember(&pending, SIGINT) || sigismember(&pending, SIGTERM) ||
            sigismember(&pending, SIGHUP));
}

static int S_build(const cjm_paths *paths, const opts *o, int status)
{
    const char *dir = o->output ? o->output : "site";
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%.*s.tmp-XXXXXX", (int)dl, dir);
    char target[4096];
    snprintf(target, sizeof target, "%.*s", (int)dl, dir);
    journey *js = calloc(paths->n + 1, sizeof *js);
    cjm_site_broken *bs = calloc(paths->n + 1, sizeof *bs);
    cjm_site_entry *es = calloc(paths->n + 1, sizeof *es);
    size_t n_js = 0, nb = 0;
    if (!js || !bs || !es) {
        free(js), free(bs), free(es);
        fprintf(stderr, "cjm: out of memory\n");
        return CJM_EXIT_USAGE;
    }
    cli_worse(&status, S_load(paths, o, js, &n_js, bs, &nb));
    cjm_lang lang = CJM_LANG_EN;
    if (o->lang)
        cjm_lang_parse(o->lang, &lang);
    for (size_t k = 0; k < n_js; k++)
        es[k] = (cjm_site_entry){js[k].in.j, js[k].f, js[k].page, js[k].hist,
                                 js[k].n_hist};
    /* From here until the site is in place a signal waits, so no
     * temporary folder is left behind; it is looked at between steps. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    cjm_make_parents(tmp);
    int rc = status == CJM_EXIT_USAGE || !mkdtemp(tmp) ? -1 : 0;
    bool made = rc == 0;
    if (rc == 0)
        rc = S_pages(js, n_js, tmp, o);
    index_ctx ic = {es, n_js, bs, nb, lang};
    if (rc == 0 && !S_stopped())
        rc = S_write_file(tmp, "index.html", S_index, &ic) |
             S_write_file(tmp, "style.css", S_css, NULL);
    if (rc == 0 && !S_stopped())
        rc = S_swap(tmp, target);
    else if (rc == 0)
        rc = -1;
    if (rc != 0 && made)
        S_rm_rf(tmp);
    if (rc == 0)
        printf("%s/index.html\n", target);
    else if (!S_stopped())
        fprintf(stderr, "cjm: cannot write the site in %s: %s\n", target,
                strerror(errno ? errno : EIO));
    for (size_t k = 0; k < n_js; k++)
        S_journey_free(&js[k]);
    for (size_t k = 0; k < nb; k++) {
        free((char *)bs[k].file);
        free((char *)bs[k].diags);
    }
    free(js), free(bs), free(es);
    fflush(NULL);
    sigprocmask(SIG_SETMASK, &old, NULL); /* a waiting signal ends us here */
    return rc == 0 ? status : CJM_EXIT_USAGE;
}

static int S_count(const char *usage_, const char *opt, const char *arg,
                   long *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || *end || end == arg || v < 0 || v > 100000)
        return cli_usage_error(usage_, opt, arg);
    *out = v;
    return 0;
}

int cjm_cmd_site(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"base", required_argument, NULL, 'b'},
        {"history", required_argument, NULL, 'H'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    opts o = {NULL, NULL, NULL, 20, cores > 0 ? cores : 1};
    int ch, status = CJM_EXIT_OK;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "hj:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'b': o.base = optarg; break;
        case 'H':
            if (S_count(usage, "--history takes a number of commits, not '%s'",
                        optarg, &o.history) != 0)
                return CJM_EXIT_USAGE;
            break;
        case 'j':
            if (S_count(usage, "-j takes a number of processes, not '%s'",
                        optarg, &o.jobs) != 0 || o.jobs == 0)
                return o.jobs == 0 ? cli_usage_error(usage, "-j takes at least "
                                                            "%s process", "1")
                                   : CJM_EXIT_USAGE;
            break;
        case 'l':
            if (cli_lang(usage, optarg, &o.lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        case 'o': o.output = optarg; break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (o.base) {
        char err[256];
        int r = cjm_git_check_rev(o.base, err, sizeof err);
        if (r != 0)
            return cli_usage_error(usage, r == 1 ? "--base needs a git "
                                                   "repository (%s)"
                                                 : "unknown revision '%s'",
                                   o.base);
    }
    cjm_paths paths = {0};
    if (cli_add_paths(usage, &paths, argc, argv, optind, &status) != 0)
        return CJM_EXIT_USAGE;
    if (paths.n)
        status = S_build(&paths, &o, status);
    cjm_paths_free(&paths);
    return status;
}
