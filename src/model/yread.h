/* yread: reading the journey format's values out of the YAML tree.  Each
 * reader checks one value's type and, when it is wrong, adds a schema
 * error at the value saying what to write instead; it returns false then
 * and leaves *out alone. */
#ifndef CJM_YREAD_H
#define CJM_YREAD_H

#include "model.h"
#include "util.h"
#include "ytree.h"

/* What the readers share: where findings go, where strings live, and
 * whether memory ran out (then the caller gives up on the file). */
typedef struct {
    cjm_diags *d;
    cjm_arena *a;
    bool oom;
} cjm_yr;

#define POS(n) ((cjm_pos){(n)->line, (n)->col})
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A schema error at n. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void cjm_yr_err(cjm_yr *c, const ynode *n, const char *fmt, ...);
/* "a list", "a mapping" or "text", for messages. */
const char *cjm_yr_kind_name(const ynode *n);
/* Warns about keys of map the format does not know (`x-` keys are
 * extensions), with a "did you mean" when one is near a known key. */
void cjm_yr_known_keys(cjm_yr *c, const ynode *map, const char *const *keys,
                       size_t n, const char *where);
bool cjm_yr_is_map(cjm_yr *c, const ynode *n, const char *what);
bool cjm_yr_is_seq(cjm_yr *c, const ynode *n, const char *what);
/* A required key's value, or NULL after reporting it missing (at a key
 * that looks like a misspelling of it, when there is one). */
const ynode *cjm_yr_need(cjm_yr *c, const ynode *map, const char *key,
                         const char *what);
bool cjm_yr_text(cjm_yr *c, const ynode *n, const char *key,
                 const char **out);
/* Text that must not be empty (titles, names). */
bool cjm_yr_label(cjm_yr *c, const ynode *n, const char *key,
                  const char **out);
/* An id; a bad one keeps what was written in *out (for messages) and, in
 * *fix when given, the id it was meant to be ("Kauf" -> "kauf"). */
bool cjm_yr_id(cjm_yr *c, const ynode *n, const char *key, const char **out,
               const char **fix);
bool cjm_yr_slug(cjm_yr *c, const ynode *n, const char *key,
                 const char **out);
/* A plain decimal number, read the same under every locale. */
bool cjm_yr_number(cjm_yr *c, const ynode *n, const char *key, double *out);
bool cjm_yr_bool(cjm_yr *c, const ynode *n, const char *key, bool *out);
/* One of a fixed set of words; returns its index or -1. */
int cjm_yr_enum(cjm_yr *c, const ynode *n, const char *key,
                const char *const *words, size_t nwords);
bool cjm_yr_text_list(cjm_yr *c, const ynode *n, const char *key,
                      const char ***out, size_t *count);
/* The top level of a file, which must be a mapping; NULL after an error
 * that ends with `what` (how such a file starts). */
const ynode *cjm_yr_root(const ynode *root, cjm_diags *d, const char *what);

/* Reads the keys of `requires:` (or a policy file's top level) into p
 * (load_policy.c). */
void cjm_yr_policy(cjm_yr *c, const ynode *map, cjm_policy *p,
                   const char *where);

#endif
