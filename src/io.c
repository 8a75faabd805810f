/* io: reading input files under the size cap. */
#include "cjm.h"

#include <errno.h>
#include <sys/stat.h>
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
