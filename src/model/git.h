/* git: old versions of journeys, read with the git program.  git runs
 * without a shell (posix_spawnp with an argument vector), so no path or
 * revision is ever interpreted by a shell. */
#ifndef CJM_GIT_H
#define CJM_GIT_H

#include <stddef.h>

/* Runs `git ARGV...` (argv[0] must be "git", NULL-terminated) and collects
 * its standard output, at most `cap` bytes.  Returns git's exit status (0
 * on success) with the output in *out (NUL-terminated, caller frees) and
 * *len; -1 when git could not be started or the output was over the cap,
 * with a message in err.  On a non-zero status err holds the first line
 * git wrote to stderr. */
int cjm_git_run(const char *const *argv, size_t cap, char **out, size_t *len,
                char *err, size_t errsize);

#endif
