/* cli: what the commands of the cjm binary share.  Each command lives in
 * its own src/cmd_<name>.c (as git's builtin/ does) and main.c only
 * dispatches.  None of this is part of libcjm: these functions print to
 * stdout and stderr. */
#ifndef CJM_CLI_H
#define CJM_CLI_H

#include "cjm.h"
#include "paths.h"

#include <stdbool.h>

/* Every command: argc/argv start at the command's name. */
int cjm_cmd_check(int argc, char **argv);
int cjm_cmd_report(int argc, char **argv);
int cjm_cmd_render(int argc, char **argv);
int cjm_cmd_init(int argc, char **argv);
int cjm_cmd_diff(int argc, char **argv);
int cjm_cmd_survey(int argc, char **argv);
int cjm_cmd_export(int argc, char **argv);
int cjm_cmd_import(int argc, char **argv);
int cjm_cmd_deck(int argc, char **argv);
int cjm_cmd_site(int argc, char **argv);

/* Raises *status to s when s is worse (exit codes grow with badness). */
void cli_worse(int *status, int s);

/* Prints "cjm: <fmt with arg>", a blank line and the usage to stderr;
 * returns CJM_EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, const char *arg);

/* Looks up --format NAME among the formats whose bits (1 << cjm_format)
 * are in `allowed`.  Returns 0, or -1 when the command has no such
 * format. */
#define CLI_FMT(f) (1u << (f))
int cli_format(const char *name, unsigned allowed, cjm_format *out);

/* The usage error for the option getopt just rejected (argv[optind - 1]). */
int cli_bad_option(const char *usage, char **argv);

/* Adds argv[first..argc) to paths; a missing path or a folder without
 * journeys is reported and makes *status a usage error.  With no PATH at
 * all, prints the usage and returns CJM_EXIT_USAGE; else 0. */
int cli_add_paths(const char *usage, cjm_paths *paths, int argc, char **argv,
                  int first, int *status);

/* Reads and loads a policy file; NULL path is no policy.  Returns 0, or -1
 * after printing why. */
int cli_load_policy(const char *path, cjm_policy **out);

/* One input file, loaded and checked.  buf is NULL when it could not be
 * read; j is NULL when it did not load. */
typedef struct {
    cjm_diags *d;
    char *buf;
    size_t len;
    cjm_journey *j;
} cli_input;

/* Reads, loads and checks `path` ("-" is standard input).  An unreadable
 * file is reported on stderr and raises *status.  Returns -1 only on
 * out-of-memory. */
int cli_input_open(const char *path, const cjm_policy *policy, cli_input *in,
                   int *status);
/* The same for a buffer already in memory (taken over: freed on close);
 * `name` is how diagnostics name it, `path` gives its default id. */
int cli_input_take(char *buf, size_t len, const char *name, const char *path,
                   const cjm_policy *policy, cli_input *in);
void cli_input_close(cli_input *in);

/* Writes one drawing atomically to `path` ("-": standard output) and
 * prints the path.  draw() writes the picture to the stream it is given and
 * returns 0 (err, which starts empty, may then hold a warning, printed with
 * `what`), -1 (the journey cannot be drawn) or -2 (a write failed), with a
 * message in err.  Returns the exit status of the attempt. */
typedef int (*cli_draw_fn)(void *ctx, FILE *out, char *err, size_t errsize);
int cli_write_drawing(const char *path, const char *what, cli_draw_fn draw,
                      void *ctx);

/* The output path for a journey: `output` as a file when `one` is set,
 * else `<output or out>/<id><suffix>.<ext>` (ext NULL: no extension, for
 * a folder of files), making that folder (one level) when missing.  A path ending in '/' is always a folder.  Caller frees;
 * NULL on out-of-memory. */
char *cli_target(const char *output, bool one, const char *id,
                 const char *suffix, const char *ext);

/* --lang: a language the library knows (en, de), else a usage error.
 * Returns 0 with *out = arg, or the exit status of the usage error. */
int cli_lang(const char *usage, const char *arg, const char **out);

/* Redraws paths->items[index] (cli_watch). */
typedef void (*cli_redraw_fn)(void *ctx, size_t index);
/* With SIGINT and SIGTERM blocked, draws every path once, then waits for
 * the signal, calling redraw for each of paths saved meanwhile (in place
 * or by rename).  Diagnostics are shown and then fixed, so a drawing's
 * status does not end the watch.  Returns CJM_EXIT_OK on the signal,
 * CJM_EXIT_USAGE when the files cannot be watched. */
int cli_watch(const cjm_paths *paths, cli_redraw_fn redraw, void *ctx);

/* The schema line that works for a new journey file at `file`: the
 * repository's schema/journey.schema.json found upward from its folder,
 * as a relative path; else the installed copy; else NULL.  Caller frees. */
char *cli_find_schema(const char *file);

#endif
