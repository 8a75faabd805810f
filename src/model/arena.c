#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cjm_arena_block {
    cjm_arena_block *next;
    alignas(max_align_t) unsigned char data[];
};

/* Small enough that a typical journey fits in one or two blocks without
 * touching pages it never uses. */
enum { BLOCK_SIZE = 16 * 1024 };

void cjm_arena_init(cjm_arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->avail = 0;
}

void cjm_arena_release(cjm_arena *a)
{
    cjm_arena_block *b = a->head;
    while (b) {
        cjm_arena_block *next = b->next;
        free(b);
        b = next;
    }
    cjm_arena_init(a);
}

void *cjm_arena_alloc(cjm_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size_t need = (size + align - 1) & ~(align - 1);
    if (need < size)
        return NULL;
    if (!a->head || a->avail - a->used < need) {
        /* Big requests get a block of their own so they waste nothing. */
        size_t cap = need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE;
        if (cap > SIZE_MAX - sizeof(cjm_arena_block))
            return NULL;
        cjm_arena_block *b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        if (cap == need && a->head) {
            /* Keep filling the current block; chain the big one behind it. */
            b->next = a->head->next;
            a->head->next = b;
            memset(b->data, 0, need);
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->avail = cap;
    }
    void *p = a->head->data + a->used;
    a->used += need;
    memset(p, 0, need);
    return p;
}

void *cjm_arena_array(cjm_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    return cjm_arena_alloc(a, bytes ? bytes : 1);
}

char *cjm_arena_strndup(cjm_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = cjm_arena_alloc(a, len + 1);
    if (p) {
        if (len)
            memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *cjm_arena_strdup(cjm_arena *a, const char *s)
{
    return cjm_arena_strndup(a, s, strlen(s));
}
