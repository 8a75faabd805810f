/* Arena: a bump allocator whose blocks are freed together.  The journey model
 * and the YAML tree live in arenas, so freeing either is one call. */
#ifndef CJM_ARENA_H
#define CJM_ARENA_H

#include <stddef.h>

typedef struct cjm_arena_block cjm_arena_block;

typedef struct {
    cjm_arena_block *head;
    size_t used;  /* bytes used in head */
    size_t avail; /* capacity of head */
} cjm_arena;

void cjm_arena_init(cjm_arena *a);
/* Frees every block; the arena is empty and reusable afterwards. */
void cjm_arena_release(cjm_arena *a);
/* Zeroed, max-aligned memory owned by the arena; NULL on out-of-memory. */
void *cjm_arena_alloc(cjm_arena *a, size_t size);
/* Allocates n elements of size each, checking for overflow. */
void *cjm_arena_array(cjm_arena *a, size_t n, size_t size);
/* Copies len bytes of s and adds a NUL. */
char *cjm_arena_strndup(cjm_arena *a, const char *s, size_t len);
char *cjm_arena_strdup(cjm_arena *a, const char *s);

#endif
