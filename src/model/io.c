/* io: reading input files under the size cap. */
#include "cjm.h"
#include "outfile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

int cjm_file_read(const char *path, char **buf, size_t *len, char *err,
                  size_t errsize)
{
    *buf = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err, errsize, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    /* Regular files are read in one go into a buffer of their size (one
     * byte more shows whether they grew); pipes grow the buffer.  Reading
     * stops one buffer past the cap, so memory stays bounded. */
    struct stat st;
    size_t cap = 64 * 1024, n = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_size <= (off_t)CJM_MAX_FILE_SIZE)
        cap = (size_t)st.st_size + 1;
    char *p = malloc(cap + 1);
    int rc = p ? 0 : -1;
    while (rc == 0 && n <= CJM_MAX_FILE_SIZE) {
        if (n == cap) {
            char *q = realloc(p, cap * 2 + 1);
            if (!q) {
                rc = -1;
                break;
            }
            p = q;
            cap *= 2;
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                rc = -3;
            break;
        }
    }
    if (rc == 0 && n > CJM_MAX_FILE_SIZE)
        rc = -2;
    if (rc == -1)
        snprintf(err, errsize, "cannot read '%s': out of memory", path);
    else if (rc == -2)
        snprintf(err, errsize,
                 "'%s' is larger than %u MiB; a journey file is far smaller",
                 path, CJM_MAX_FILE_SIZE / (1024u * 1024u));
    else if (rc == -3)
        snprintf(err, errsize, "cannot read '%s': %s", path,
                 strerror(errno ? errno : EIO));
    if (!is_stdin)
        fclose(f);
    if (rc != 0) {
        free(p);
        return rc == -2 ? -2 : -1;
    }
    p[n] = '\0';
    *buf = p;
    *len = n;
    return 0;
}

/* ---- atomic output ------------------------------------------------------ */

static void S_outfile_clear(cjm_outfile *o)
{
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    o->f = NULL;
    if (o->blocked)
        pthread_sigmask(SIG_SETMASK, &o->old, NULL);
    o->blocked = false;
}

/* Makes the missing folders of path's parent, as `mkdir -p` would, so
 * every command writes "-o new/folder/map.png" alike.  A folder that
 * cannot be made shows when the file is opened, with the OS's reason. */
void cjm_make_parents(const char *path)
{
    char *p = strdup(path);
    for (char *s = p ? strchr(p + 1, '/') : NULL; s; s = strchr(s + 1, '/')) {
        *s = '\0';
        (void)mkdir(p, 0777);
        *s = '/';
    }
    free(p);
}

int cjm_outfile_open(cjm_outfile *o, const char *path, char *err,
                     size_t errsize)
{
    *o = (cjm_outfile){0};
    /* A device or pipe (/dev/stdout, /dev/full, a FIFO) is written in
     * place: renaming a temporary file over it would replace the device. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errsize, "cannot write '%s': it is a folder", path);
            return -1;
        }
        o->path = strdup(path);
        o->f = o->path ? fopen(path, "wb") : NULL;
        if (!o->f) {
            snprintf(err, errsize, "cannot write '%s': %s", path,
                     o->path ? strerror(errno) : "out of memory");
            S_outfile_clear(o);
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path);
    cjm_make_parents(path);
    o->path = strdup(path);
    o->tmp = malloc(n + sizeof ".tmpXXXXXX");
    if (!o->path || !o->tmp) {
        S_outfile_clear(o);
        snprintf(err, errsize, "cannot write '%s': out of memory", path);
        return -1;
    }
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    o->blocked = pthread_sigmask(SIG_BLOCK, &stop, &o->old) == 0;
    /* Beside the target: same file system, so the rename is atomic. */
    snprintf(o->tmp, n + sizeof ".tmpXXXXXX", "%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        snprintf(err, errsize, "cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        S_outfile_clear(o);
        return -1;
    }
    /* mkstemp makes the file private; outputs are ordinary files. */
    fchmod(fd, 0644);
    return 0;
}

static int S_commit(cjm_outfile *o, bool replace, char *err, size_t errsize)
{
    int rc = 0;
    if (fflush(o->f) != 0 || ferror(o->f) ||
        (o->tmp && fsync(fileno(o->f)) != 0)) {
        snprintf(err, errsize, "cannot write '%s': %s", o->path,
                 strerror(errno ? errno : EIO));
        rc = -1;
    }
    if (fclose(o->f) != 0 && rc == 0) {
        snprintf(err, errsize, "cannot write '%s': %s", o->path,
                 strerror(errno));
        rc = -1;
    }
    if (rc == 0 && o->tmp) {
        if (replace ? rename(o->tmp, o->path) != 0
                    : link(o->tmp, o->path) != 0) {
            snprintf(err, errsize, "cannot write '%s': %s", o->path,
                     errno == EEXIST ? "it exists, and is never overwritten"
                                     : strerror(errno));
            rc = -1;
        }
    }
    if (o->tmp && (rc != 0 || !replace))
        unlink(o->tmp);
    S_outfile_clear(o);
    return rc;
}

int cjm_outfile_commit(cjm_outfile *o, char *err, size_t errsize)
{
    return S_commit(o, true, err, errsize);
}

int cjm_outfile_commit_new(cjm_outfile *o, char *err, size_t errsize)
{
    return S_commit(o, false, err, errsize);
}

void cjm_outfile_abort(cjm_outfile *o)
{
    if (!o->f)
        return;
    fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    S_outfile_clear(o);
}
