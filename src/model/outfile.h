/* outfile: output written atomically.  Data goes to a temporary file beside
 * the target and is renamed into place only when complete, so a reader
 * never sees a half-written or empty file and a failed run leaves the old
 * file untouched. */
#ifndef CJM_OUTFILE_H
#define CJM_OUTFILE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* While a temporary file exists, Ctrl-C, SIGTERM and SIGHUP wait: they are
 * blocked from open to commit or abort, so a run they end has renamed or
 * removed its temporary file first (threads Graphviz starts meanwhile
 * inherit the block).  A drawing takes milliseconds; the wait is not felt. */
typedef struct {
    FILE *f;   /* write here */
    char *tmp; /* the temporary file's path; NULL when writing in place */
    char *path;
    bool blocked;
    sigset_t old; /* the signal mask to restore */
} cjm_outfile;

/* Returns 0, or -1 with a message naming the path in err. */
int cjm_outfile_open(cjm_outfile *o, const char *path, char *err,
                     size_t errsize);
/* Flushes, closes and renames into place.  Returns 0, or -1 with a message
 * (the temporary file is removed). */
int cjm_outfile_commit(cjm_outfile *o, char *err, size_t errsize);
/* The same, but never replaces an existing file: it fails with "exists"
 * instead (link(2) is atomic where rename is not exclusive). */
int cjm_outfile_commit_new(cjm_outfile *o, char *err, size_t errsize);
/* Closes and removes the temporary file; the target is untouched. */
void cjm_outfile_abort(cjm_outfile *o);

/* Makes the missing folders of path's parent, as `mkdir -p` would; a
 * folder that cannot be made shows when path is opened. */
void cjm_make_parents(const char *path);

#endif
