/* git: run the git program and collect what it prints (see git.h). */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct {
    char *data;
    size_t len, cap, limit;
    bool over;
} sink;

static void S_take(sink *s, const char *p, size_t n)
{
    if (s->len + n > s->limit) {
        s->over = true;
        return;
    }
    if (s->len + n + 1 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 4096;
        while (nc < s->len + n + 1)
            nc *= 2;
        char *d = realloc(s->data, nc);
        if (!d) {
            s->over = true;
            return;
        }
        s->data = d;
        s->cap = nc;
    }
    memcpy(s->data + s->len, p, n);
    s->len += n;
    s->data[s->len] = '\0';
}

/* Reads both pipes until both close; poll keeps a chatty stderr from
 * blocking git while we wait on stdout. */
static void S_drain(int fo, int fe, sink *out, sink *errs)
{
    struct pollfd p[2] = {{fo, POLLIN, 0}, {fe, POLLIN, 0}};
    sink *to[2] = {out, errs};
    char buf[65536];
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(p[i].fd, buf, sizeof buf);
            if (n > 0) {
                S_take(to[i], buf, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(p[i].fd);
                p[i].fd = -1;
                open_fds--;
            }
        }
    }
}

static int S_spawn(const char *const *argv, int po[2], int pe[2], pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return ENOMEM;
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    posix_spawn_file_actions_addclose(&fa, po[0]);
    posix_spawn_file_actions_addclose(&fa, pe[0]);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    int rc = posix_spawnp(pid, argv[0], &fa, NULL, (char *const *)argv,
                          environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

int cjm_git_run(const char *const *argv, size_t cap, char **out, size_t *len,
                char *err, size_t errsize)
{
    int po[2], pe[2];
    *out = NULL;
    *len = 0;
    if (pipe(po) != 0) {
        snprintf(err, errsize, "cannot run git: %s", strerror(errno));
        return -1;
    }
    if (pipe(pe) != 0) {
        snprintf(err, errsize, "cannot run git: %s", strerror(errno));
        close(po[0]);
        close(po[1]);
        return -1;
    }
    pid_t pid;
    int rc = S_spawn(argv, po, pe, &pid);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        if (rc == ENOENT)
            snprintf(err, errsize, "git is not installed (old versions of "
                                   "journeys are read with it; apt-get "
                                   "install git)");
        else
            snprintf(err, errsize, "cannot run git: %s", strerror(rc));
        return -1;
    }
    sink so = {NULL, 0, 0, cap, false}, se = {NULL, 0, 0, 4096, false};
    S_drain(po[0], pe[0], &so, &se);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    if (so.over) {
        free(so.data);
        free(se.data);
        snprintf(err, errsize, "git printed more than %zu bytes", cap);
        return -1;
    }
    if (code != 0) {
        const char *msg = se.data ? se.data : "";
        size_t n = strcspn(msg, "\n");
        snprintf(err, errsize, "%.*s", (int)(n < 400 ? n : 400), msg);
    }
    free(se.data);
    *out = so.data ? so.data : calloc(1, 1);
    *len = so.len;
    if (!*out) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    return code;
}
