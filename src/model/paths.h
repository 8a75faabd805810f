/* paths: the command line's PATH arguments turned into a sorted file list. */
#ifndef CJM_PATHS_H
#define CJM_PATHS_H

#include <stddef.h>

typedef struct {
    char **items;
    size_t n, cap;
} cjm_paths;

/* Adds `path`: a file as is, "-" for standard input, a directory as every
 * *.yaml / *.yml file below it, sorted.  Returns 0, or -1 with a message in
 * err when the path does not exist or a directory cannot be read. */
int cjm_paths_add(cjm_paths *p, const char *path, char *err, size_t errsize);
void cjm_paths_free(cjm_paths *p);

#endif
