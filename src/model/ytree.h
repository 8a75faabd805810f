/* YAML tree: libyaml events turned into a small tree of scalars, sequences
 * and mappings with 1-based positions, under fixed limits (nesting depth,
 * node count, alias expansion).  The loader reads the model from this tree.
 * Aliases become shared pointers to the anchored node, so the tree is a DAG
 * whose expanded size (`weight`) is bounded. */
#ifndef CJM_YTREE_H
#define CJM_YTREE_H

#include "arena.h"
#include "cjm.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    CJM_MAX_DEPTH = 32,          /* a journey needs about 8 levels */
    CJM_MAX_NODES = 1000000,     /* bounds memory for any 16 MiB input */
    CJM_MAX_ANCHORS = 1000,
    CJM_MAX_ALIAS_WEIGHT = 100000 /* nodes that aliases may add in total */
};

typedef enum { Y_SCALAR, Y_SEQ, Y_MAP } ykind;

typedef struct ynode ynode;
struct ynode {
    ykind kind;
    bool plain;  /* scalar written without quotes or block style */
    int line;    /* 1-based */
    int col;     /* 1-based, in characters */
    const char *str; /* scalar text, NUL-terminated; may hold NULs inside */
    size_t len;      /* scalar length in bytes */
    ynode **items;   /* SEQ: n items; MAP: n pairs as items[2i], items[2i+1] */
    size_t n;
    size_t weight; /* nodes in the subtree, aliases expanded (saturating) */
    /* Byte offsets in the source: where the node starts, and where its
     * last event ends (a scalar's end; after ']' or '}' for a flow
     * collection; for a block collection libyaml's end mark, which lies at
     * the next token, so use cjm_ynode_content_end()). */
    size_t start, end;
    bool flow; /* a flow collection: [...] or {...} */
};

/* Where the text of a node really ends: a scalar's or flow collection's
 * end, or for a block collection the end of its last item. */
size_t cjm_ynode_content_end(const ynode *n);

/* Parses buf[0..len) and returns the root through *root (NULL for an empty
 * document).  Nodes and scalar text are allocated in `arena`, so the model
 * built from the tree can point at its strings without copying them: the
 * tree lives as long as the model does.  Findings (syntax, schema for tags
 * and control characters, duplicate-key) go to diags.  Returns 0 when a tree
 * was built (it may still carry schema findings), -1 on a syntax error. */
int cjm_ytree_parse(cjm_arena *arena, const char *buf, size_t len,
                    cjm_diags *diags, ynode **root);

/* Value for key in a mapping, or NULL. */
const ynode *cjm_ymap_get(const ynode *map, const char *key);

#endif
