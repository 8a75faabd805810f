/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
/* cli: helpers the commands share (see cli.h). */
#include "cli.h"
#include "lang.h"
#include "outfile.h"
#include "util.h"

#include <stdlib.h>
#include <unistd.h>

#ifndef CJM_SCHEMA_DEFAULT
#define CJM_SCHEMA_DEFAULT "/usr/local/share/cjm/journey.schema.json"
#endif
#include <string.h>
#include <sys/stat.h>

void cli_worse(int *status, int s)
{
    if (s > *status)
        *status = s;
}

/* One line that says what is wrong and where the usage is: the whole
 * usage would bury the line in a CI log.  The command's name is the word
 * after "cjm " in its usage text. */
int cli_usage_error(const char *usage, const char *fmt, const char *arg)
{
    const char *cmd = strstr(usage, "cjm ");
    size_t n = cmd && cmd[4] >= 'a' && cmd[4] <= 'z' ? strcspn(cmd + 4, " \n")
                                                    : 0; /* not COMMAND */
    fputs("cjm: ", stderr);
    fprintf(stderr, fmt, arg);
    if (n)
        fprintf(stderr, "; see 'cjm %.*s --help'\n", (int)n, cmd + 4);
    else
        fputs("; see 'cjm --help'\n", stderr);
    return CJM_EXIT_USAGE;
}

int cli_lang(const char *usage, const char *arg, const char **out)
{
    cjm_lang l;
    if (cjm_lang_parse(arg, &l) != 0)
        return cli_usage_error(usage, "unknown language '%s' (en or de)", arg);
    *out = arg;
    return 0;
}

int cli_bad_option(const char *usage, char **argv)
{
    return cli_usage_error(usage, "unknown or incomplete option '%s'",
                           argv[optind - 1]);
}

int cli_add_paths(const char *usage, cjm_paths *paths, int argc, char **argv,
                  int first, int *status)
{
    if (first == argc)
        return cli_usage_error(usage, "no PATH given%s", "");
    char err[512];
    for (int i = first; i < argc; i++) {
        size_t before = paths->n;
        if (cjm_paths_add(paths, argv[i], err, sizeof err) != 0) {
            fprintf(stderr, "cjm: %s\n", err);
            cli_worse(status, CJM_EXIT_USAGE);
        } else if (paths->n == before) {
            /* A CI job pointed at the wrong folder must not pass quietly. */
            fprintf(stderr, "cjm: no *.yaml or *.yml files under '%s'\n",
                    argv[i]);
            cli_worse(status, CJM_EXIT_USAGE);
        }
    }
    return 0;
}

int cli_load_policy(const char *path, cjm_policy **out)
{
    *out = NULL;
    if (!path)
        return 0;
    char *buf, err[512];
    size_t len;
    if (cjm_file_read(path, &buf, &len, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: policy: %s\n", err);
        return -1;
    }
    cjm_diags *d = cjm_diags_new(path);
    *out = d ? cjm_policy_load(buf, len, d) : NULL;
    if (d && cjm_diags_count(d)) {
        cjm_diags_sort(d);
        cjm_diags_write(stderr, d, CJM_FORMAT_TEXT, buf, len);
    }
    cjm_diags_free(d);
    free(buf);
    if (!*out) {
        fprintf(stderr, "cjm: the policy file '%s' has errors; fix them "
                        "first\n",
                path);
        return -1;
    }
    return 0;
}

int cli_input_take(char *buf, size_t len, const char *name, const char *path,
                   const cjm_policy *policy, cli_input *in)
{
    *in = (cli_input){cjm_diags_new(name), buf, len, NULL};
    if (!in->d)
        return -1;
    in->j = cjm_journey_load_checked_as(buf, len, name, path, policy, in->d);
    return 0;
}

int cli_input_open(const char *path, const cjm_policy *policy, cli_input *in,
                   int *status)
{
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *buf, err[512];
    size_t len;
    int rc = cjm_file_read(path, &buf, &len, err, sizeof err);
    if (rc == 0)
        return cli_input_take(buf, len, name, name, policy, in);
    *in = (cli_input){cjm_diags_new(name), NULL, 0, NULL};
    if (!in->d)
        return -1;
    if (rc == -2) {
        /* Over the size cap: a fault of the file, reported like one. */
        cjm_diags_add(in->d, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "%s", err);
    } else {
        fprintf(stderr, "cjm: %s\n", err);
        cli_worse(status, CJM_EXIT_USAGE);
    }
    return 0;
}

void cli_input_close(cli_input *in)
{
    cjm_journey_free(in->j);
    free(in->buf);
    cjm_diags_free(in->d);
}

/* A drawing made with a warning (Graphviz's, in our words and with the
 * journey's file name): it is still written. */
static void S_warning(const char *what, const char *err)
{
    if (*err)
        fprintf(stderr, "cjm: %s: warning: %s\n", what, err);
}

int cli_write_drawing(const char *path, const char *what, cli_draw_fn draw,
                      void *ctx)
{
    char err[1024] = "";
    int rc;
    if (strcmp(path, "-") == 0) {
        /* -o - : standard output, for pipes; nothing to rename. */
        if ((rc = draw(ctx, stdout, err, sizeof err)) == 0) {
            S_warning(what, err);
            return CJM_EXIT_OK;
        }
        fprintf(stderr, "cjm: %s: %s\n", what, err);
        return rc == -2 ? CJM_EXIT_USAGE : CJM_EXIT_ERRORS;
    }
    cjm_outfile o;
    if (cjm_outfile_open(&o, path, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    if ((rc = draw(ctx, o.f, err, sizeof err)) != 0) {
        cjm_outfile_abort(&o);
        fprintf(stderr, "cjm: %s: %s\n", what, err);
        return rc == -2 ? CJM_EXIT_USAGE : CJM_EXIT_ERRORS;
    }
    S_warning(what, err);
    if (cjm_outfile_commit(&o, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    printf("%s\n", path);
    return CJM_EXIT_OK;
}

char *cli_target(const char *output, bool one, const char *id,
                 const char *suffix, const char *ext)
{
    struct stat st;
    size_t olen = output ? strlen(output) : 0;
    bool slash = olen && output[olen - 1] == '/';
    bool into_dir = slash || (output && stat(output, &st) == 0 &&
                              S_ISDIR(st.st_mode));
    if (output && one && !into_dir)
        return strdup(output);
    const char *dir = output ? output : "out";
    size_t dlen = strlen(dir);
    while (dlen > 1 && dir[dlen - 1] == '/') /* never "out//x.svg" */
        dlen--;
    /* Missing folders are made when the file is written (io.c). */
    char *d = strndup(dir, dlen);
    if (!d)
        return NULL;
    size_t n = dlen + strlen(id) + strlen(suffix) + (ext ? strlen(ext) : 0) + 4;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s%s", d, id, suffix, ext ? "." : "",
                 ext ? ext : "");
    free(d);
    return p;
}

int cli_format(const char *name, unsigned allowed, cjm_format *out)
{
    static const struct {
        const char *name;
        cjm_format f;
    } formats[] = {
        {"text", CJM_FORMAT_TEXT},     {"markdown", CJM_FORMAT_MARKDOWN},
        {"json", CJM_FORMAT_JSON},     {"github", CJM_FORMAT_GITHUB},
        {"sarif", CJM_FORMAT_SARIF},   {"junit", CJM_FORMAT_JUNIT},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(name, formats[i].name) == 0 &&
            (allowed & (1u << formats[i].f))) {
            *out = formats[i].f;
            return 0;
        }
    return -1;
}

static bool S_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The schema line that works where the file is written: the repository's
 * schema/ found upward from the file's folder, as a relative path; else
 * the installed copy (beside this binary, or under PREFIX); else none.
 * Caller frees. */
char *cli_find_schema(const char *file)
{
    char *copy = strdup(file);
    if (!copy)
        return NULL;
    char *slash = strrchr(copy, '/');
    const char *dir = slash ? (slash == copy ? "/" : (*slash = '\0', copy)) : ".";
    char *real = realpath(dir, NULL);
    free(copy);
    cjm_str up = {0}, probe = {0};
    char *found = NULL;
    for (char *at = real; at && !found;) {
        probe.len = 0;
        cjm_str_printf(&probe, "%s/schema/journey.schema.json", at);
        if (!probe.failed && S_exists(probe.data)) {
            cjm_str_puts(&up, "schema/journey.schema.json");
            found = up.failed ? NULL : strdup(up.data);
            break;
        }
        char *s = strrchr(at, '/');
        if (!s || s == at)
            break;
        *s = '\0';
        cjm_str_puts(&up, "../");
    }
    free(real);
    cjm_str_free(&up);
    if (!found) {
        char *self = realpath("/proc/self/exe", NULL);
        char *b = self ? strrchr(self, '/') : NULL;
        if (b) {
            *b = '\0';
            probe.len = 0;
            cjm_str_printf(&probe, "%s/../share/cjm/journey.schema.json", self);
        }
        if ((b && !probe.failed && S_exists(probe.data)) ||
            S_exists(CJM_SCHEMA_DEFAULT))
            found = strdup(CJM_SCHEMA_DEFAULT);
        free(self);
    }
    cjm_str_free(&probe);
    return found;
}
