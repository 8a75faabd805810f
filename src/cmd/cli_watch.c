/* cjm render --watch: redraw a journey whenever it is saved.
 *
 * We watch the folders, not the files: editors that save by writing a new
 * file and renaming it over the old one (vim's backup copy, most IDEs)
 * replace the inode a file watch would hold, and it would go quiet after
 * the first save.  A folder reports both kinds of save by name, as
 * IN_CLOSE_WRITE or IN_MOVED_TO.
 *
 * Ctrl-C arrives through a signalfd, not a handler: SIGINT and SIGTERM
 * are blocked before the first drawing, so while we draw the signal
 * waits, a drawing's temporary file is always renamed or removed before
 * we exit, and no global flag is needed.  The signal is read from the
 * signalfd before the old mask comes back, or unblocking would deliver
 * it and end us with 130 after all. */
#include "cli.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

/* Saves come in bursts (write, close, rename): wait this long for the
 * burst to end before drawing, well inside the 200 ms a facilitator
 * notices. */
enum { SETTLE_MS = 40 };

typedef struct {
    int fd;
    int *wd;          /* per path: the watch of its folder */
    const char **base; /* per path: its name within the folder */
    bool *dirty;
} watcher;

static int S_add(watcher *w, const cjm_paths *paths, size_t i)
{
    const char *path = paths->items[i];
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1)
                      : strdup(".");
    if (!dir)
        return -1;
    w->base[i] = slash ? slash + 1 : path;
    w->wd[i] = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO);
    if (w->wd[i] < 0)
        fprintf(stderr, "cjm: cannot watch '%s': %s\n", dir, strerror(errno));
    free(dir);
    return w->wd[i] < 0 ? -1 : 0;
}

/* Marks the paths the pending events name; returns how many. */
static size_t S_read(watcher *w, size_t n)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    size_t marked = 0;
    ssize_t len;
    while ((len = read(w->fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            for (size_t i = 0; ev->len && i < n; i++)
                if (w->wd[i] == ev->wd && strcmp(w->base[i], ev->name) == 0 &&
                    !w->dirty[i]) {
                    w->dirty[i] = true;
                    marked++;
                }
            p += sizeof *ev + ev->len;
        }
    }
    return marked;
}

static int S_loop(watcher *w, int sfd, const cjm_paths *paths,
                  cli_redraw_fn redraw, void *ctx)
{
    struct pollfd fds[2] = {{w->fd, POLLIN, 0}, {sfd, POLLIN, 0}};
    size_t pending = 0;
    for (;;) {
        int ready = poll(fds, 2, pending ? SETTLE_MS : -1);
        if (ready < 0 && errno != EINTR)
            return CJM_EXIT_USAGE;
        if (fds[1].revents & POLLIN) {
            struct signalfd_siginfo si;
            while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si)
                ;
            return CJM_EXIT_OK;
        }
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            pending += S_read(w, paths->n);
            continue;
        }
        if (ready == 0 && pending) {
            for (size_t i = 0; i < paths->n; i++)
                if (w->dirty[i]) {
                    w->dirty[i] = false;
                    redraw(ctx, i);
                }
            fflush(stdout);
            pending = 0;
        }
    }
}

int cli_watch(const cjm_paths *paths, cli_redraw_fn redraw, void *ctx)
{
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    watcher w = {inotify_init1(IN_NONBLOCK | IN_CLOEXEC),
                 calloc(paths->n, sizeof *w.wd),
                 calloc(paths->n, sizeof *w.base),
                 calloc(paths->n, sizeof *w.dirty)};
    int sfd = -1, status = CJM_EXIT_USAGE;
    if (w.fd < 0 || !w.wd || !w.base || !w.dirty ||
        pthread_sigmask(SIG_BLOCK, &mask, &old) != 0) {
        fprintf(stderr, "cjm: cannot watch files: %s\n", strerror(errno));
        goto done;
    }
    sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    /* The first drawing, under the block (Graphviz's threads, started
     * now, inherit it). */
    for (size_t i = 0; i < paths->n; i++)
        redraw(ctx, i);
    fflush(stdout);
    bool ok = sfd >= 0;
    for (size_t i = 0; ok && i < paths->n; i++)
        ok = S_add(&w, paths, i) == 0;
    if (ok) {
        fprintf(stderr, "cjm: watching %zu file%s; Ctrl-C stops\n", paths->n,
                paths->n == 1 ? "" : "s");
        status = S_loop(&w, sfd, paths, redraw, ctx);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
done:
    if (sfd >= 0)
        close(sfd);
    if (w.fd >= 0)
        close(w.fd);
    free(w.wd);
    free(w.base);
    free(w.dirty);
    return status;
}
