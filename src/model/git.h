/* git: old versions of journeys, read with the git program.  git runs
 * without a shell (posix_spawnp with an argument vector), so no path or
 * revision is ever interpreted by a shell. */
#ifndef CJM_GIT_H
#define CJM_GIT_H

#include <stdbool.h>
#include <stddef.h>

/* Runs `git ARGV...` (argv[0] must be "git", NULL-terminated) and collects
 * its standard output, at most `cap` bytes.  Returns git's exit status (0
 * on success) with the output in *out (NUL-terminated, caller frees) and
 * *len; -1 when git could not be started or the output was over the cap,
 * with a message in err.  On a non-zero status err holds the first line
 * git wrote to stderr. */
int cjm_git_run(const char *const *argv, size_t cap, char **out, size_t *len,
                char *err, size_t errsize);

/* ---- journeys in a repository (git_files.c) ---- */

/* Whether a file name is YAML (.yaml or .yml). */
bool cjm_yaml_name(const char *p);
/* Whether buf holds a journey: a top-level `journey:` or `stages:` key.
 * A repository holds other YAML too (CI settings, tool configs). */
bool cjm_looks_like_journey(const char *buf, size_t len);
/* The files under paths (n of them; none: the whole tree) at revision
 * rev, or, for rev NULL, the working tree's files git knows or would add
 * (ignored ones, such as build output, left out).  Returns 0 with the
 * NUL-separated names in *names (caller frees) and their length in *len,
 * else as cjm_git_run. */
int cjm_git_files(const char *rev, char *const *paths, size_t n,
                  char **names, size_t *len, char *err, size_t errsize);
/* The content of path (relative to the current folder) at rev, in *buf
 * (caller frees).  Returns as cjm_git_run. */
int cjm_git_show(const char *rev, const char *path, char **buf, size_t *len,
                 char *err, size_t errsize);
/* 0 when the current folder is in a repository and rev names a commit;
 * 1 when it is not in a repository, 2 when rev is unknown, -1 when git
 * could not run (a message in err). */
int cjm_git_check_rev(const char *rev, char *err, size_t errsize);

#endif
