#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Symlinked directories could loop; no real tree of journeys is this deep. */
enum { MAX_WALK_DEPTH = 32 };

static int S_push(cjm_paths *p, const char *path)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        char **v = realloc(p->items, cap * sizeof *v);
        if (!v)
            return -1;
        p->items = v;
        p->cap = cap;
    }
    char *s = strdup(path);
    if (!s)
        return -1;
    p->items[p->n++] = s;
    return 0;
}

static bool S_is_yaml(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_walk(cjm_paths *p, const char *dir, int depth, char *err,
                  size_t errsize)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errsize, "cannot read directory '%s': %s", dir,
                 strerror(errno));
        return -1;
    }
    cjm_paths names = {0};
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0)
        if (e->d_name[0] != '.')
            rc = S_push(&names, e->d_name);
    closedir(d);
    if (names.n > 1) /* an empty folder has no array: qsort(NULL) is UB */
        qsort(names.items, names.n, sizeof *names.items, S_cmp);
    for (size_t i = 0; i < names.n && rc == 0; i++) {
        size_t len = strlen(dir) + strlen(names.items[i]) + 2;
        char *full = malloc(len);
        if (!full) {
            rc = -1;
            break;
        }
        bool slash = dir[strlen(dir) - 1] == '/';
        snprintf(full, len, "%s%s%s", dir, slash ? "" : "/", names.items[i]);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < MAX_WALK_DEPTH)
                rc = S_walk(p, full, depth + 1, err, errsize);
        } else if (S_is_yaml(names.items[i])) {
            rc = S_push(p, full);
        }
        free(full);
    }
    cjm_paths_free(&names);
    if (rc != 0 && !err[0])
        snprintf(err, errsize, "out of memory while listing '%s'", dir);
    return rc;
}

int cjm_paths_add(cjm_paths *p, const char *path, char *err, size_t errsize)
{
    err[0] = '\0';
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return S_walk(p, path, 0, err, errsize);
    /* Files (and unreadable paths) are passed on: reading them reports the
     * OS error with the path. */
    if (S_push(p, path) != 0) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    return 0;
}

void cjm_paths_free(cjm_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    p->items = NULL;
    p->n = p->cap = 0;
}
