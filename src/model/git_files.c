/* git_files: which journeys a repository holds at a revision or in its
 * working tree, and their contents at a revision (cjm diff --base).  All
 * through cjm_git_run: git runs without a shell. */
#include "cjm.h"
#include "git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cjm_yaml_name(const char *p)
{
    size_t n = strlen(p);
    return (n > 5 && strcmp(p + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(p + n - 4, ".yml") == 0);
}

bool cjm_looks_like_journey(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i = i + strcspn(buf + i, "\n") + 1) {
        if (strncmp(buf + i, "journey:", 8) == 0 ||
            strncmp(buf + i, "stages:", 7) == 0)
            return true;
        if (i + strcspn(buf + i, "\n") >= len)
            break;
    }
    return false;
}

int cjm_git_files(const char *rev, char *const *paths, size_t n,
                  char **names, size_t *len, char *err, size_t errsize)
{
    static const char *const tree[] = {"git", "ls-tree", "-r", "-z",
                                       "--name-only"};
    static const char *const work[] = {"git", "ls-files", "-z", "--cached",
                                       "--others", "--exclude-standard"};
    size_t fixed = 6; /* both lists of fixed words hold 6 */
    const char **a = calloc(fixed + n + 2, sizeof *a);
    *names = NULL;
    if (!a) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    if (rev) {
        memcpy(a, tree, 5 * sizeof *a);
        a[5] = rev;
    } else {
        memcpy(a, work, 6 * sizeof *a);
    }
    a[fixed] = "--";
    for (size_t i = 0; i < n; i++)
        a[fixed + 1 + i] = paths[i];
    int rc = cjm_git_run(a, CJM_MAX_FILE_SIZE, names, len, err, errsize);
    free(a);
    if (rc != 0) {
        free(*names);
        *names = NULL;
    }
    return rc;
}

int cjm_git_show(const char *rev, const char *path, char **buf, size_t *len,
                 char *err, size_t errsize)
{
    size_t sl = strlen(rev) + strlen(path) + 4;
    char *spec = malloc(sl);
    *buf = NULL;
    if (!spec) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    snprintf(spec, sl, "%s:./%s", rev, path);
    const char *cat[] = {"git", "cat-file", "blob", spec, NULL};
    int rc = cjm_git_run(cat, CJM_MAX_FILE_SIZE, buf, len, err, errsize);
    free(spec);
    if (rc != 0) {
        free(*buf);
        *buf = NULL;
    }
    return rc;
}

int cjm_git_check_rev(const char *rev, char *err, size_t errsize)
{
    char *out;
    size_t len;
    const char *top[] = {"git", "rev-parse", "--show-toplevel", NULL};
    int rc = cjm_git_run(top, 4096, &out, &len, err, errsize);
    free(out);
    if (rc != 0)
        return rc < 0 ? -1 : 1;
    size_t n = strlen(rev) + 10;
    char *commit = malloc(n);
    if (!commit) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    snprintf(commit, n, "%s^{commit}", rev);
    const char *verify[] = {"git", "rev-parse", "--verify", "--quiet", commit,
                            NULL};
    rc = cjm_git_run(verify, 4096, &out, &len, err, errsize);
    free(commit);
    free(out);
    return rc < 0 ? -1 : rc > 0 ? 2 : 0;
}
