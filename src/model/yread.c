/* yread: the values of the journey format read from the YAML tree, each
 * checked for its type, with a schema error at the value's line and column
 * that says what to write instead.  Shared by the journey and the policy
 * loaders. */
#include "yread.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Keys some mapping of the format cannot do without. */
static bool S_required(const char *key)
{
    static const char *const req[] = {"journey", "stages", "id", "name",
                                      "touchpoints", "text"};
    for (size_t i = 0; i < COUNT(req); i++)
        if (strcmp(key, req[i]) == 0)
            return true;
    return false;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void cjm_yr_err(cjm_yr *c, const ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cjm_diags_vadd(c->d, CJM_RULE_SCHEMA, CJM_ERROR, n->line, n->col, fmt, ap);
    va_end(ap);
}

const char *cjm_yr_kind_name(const ynode *n)
{
    return n->kind == Y_SEQ ? "a list" : n->kind == Y_MAP ? "a mapping"
                                                          : "text";
}

/* Whether `word` is a near miss of a required key that the map lacks. */
static bool S_near_missing(const ynode *map, const char *word,
                           const char *const *keys, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        const char *one[] = {keys[j]};
        if (S_required(keys[j]) && !cjm_ymap_get(map, keys[j]) &&
            cjm_nearest(word, one, 1))
            return true;
    }
    return false;
}

/* Warns about keys the format does not know; `x-` keys are extensions.  A
 * near miss of a required key that is missing ('stage:' for 'stages:') is
 * left to S_need, which reports both in one error. */
/* Whether s is a run of digits, with a sign when `sign`. */
static bool S_digits(const ynode *n, bool sign)
{
    const char *p = n->str;
    if (n->kind != Y_SCALAR || !n->plain)
        return false;
    if (sign && (*p == '-' || *p == '+'))
        p++;
    if (!*p)
        return false;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '\0';
}

/* A German decimal comma in a flow mapping: YAML reads {ces: 4,19} as
 * ces: 4 and a key 19 without a value, so CES would be 4.  Key i is such
 * a split when it is digits with no value that starts right after the
 * comma ending the previous pair's whole-number value.  Reported as an
 * error at that value, which names what to write. */
static bool S_decimal_comma(cjm_yr *c, const ynode *map, size_t i)
{
    const ynode *k = map->items[2 * i], *v = map->items[2 * i + 1];
    if (i == 0 || !map->flow || !S_digits(k, false) || v->kind != Y_SCALAR ||
        !v->plain || v->len != 0)
        return false;
    const ynode *pk = map->items[2 * i - 2], *pv = map->items[2 * i - 1];
    if (!S_digits(pv, true) || k->start != pv->end + 1)
        return false;
    cjm_yr_err(c, pv, "'%s' is written with a decimal comma (%s,%s), which "
                      "YAML reads as %s and a key '%s'; write %s.%s",
               pk->kind == Y_SCALAR ? pk->str : "?", pv->str, k->str, pv->str,
               k->str, pv->str, k->str);
    return true;
}

void cjm_yr_known_keys(cjm_yr *c, const ynode *map, const char *const *keys,
                         size_t n, const char *where)
{
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        if (k->kind != Y_SCALAR || strncmp(k->str, "x-", 2) == 0)
            continue;
        if (S_decimal_comma(c, map, i))
            continue;
        bool known = false;
        for (size_t j = 0; j < n && !known; j++)
            known = strcmp(k->str, keys[j]) == 0;
        if (known)
            continue;
        if (S_near_missing(map, k->str, keys, n))
            continue;
        const char *near = cjm_nearest(k->str, keys, n);
        if (near)
            cjm_diags_add(c->d, CJM_RULE_UNKNOWN_KEY, CJM_WARNING, k->line,
                          k->col,
                          "unknown key '%s' in %s (did you mean '%s'?)",
                          k->str, where, near);
        else
            cjm_diags_add(c->d, CJM_RULE_UNKNOWN_KEY, CJM_WARNING, k->line,
                          k->col,
                          "unknown key '%s' in %s; extension keys start "
                          "with 'x-'",
                          k->str, where);
    }
}

bool cjm_yr_is_map(cjm_yr *c, const ynode *n, const char *what)
{
    if (n->kind == Y_MAP)
        return true;
    cjm_yr_err(c, n, "%s must be a mapping of keys to values, not %s", what,
          cjm_yr_kind_name(n));
    return false;
}

bool cjm_yr_is_seq(cjm_yr *c, const ynode *n, const char *what)
{
    if (n->kind == Y_SEQ)
        return true;
    if (n->kind == Y_SCALAR && n->plain && n->len == 0)
        cjm_yr_err(c, n, "'%s' has no value; write a list, or '%s: []' for none",
              what, what);
    else
        cjm_yr_err(c, n, "'%s' must be a list (items starting with '- '), not %s",
              what, cjm_yr_kind_name(n));
    return false;
}

/* Required key: reports its absence at the mapping's position, or at a
 * key that looks like a misspelling of it. */
const ynode *cjm_yr_need(cjm_yr *c, const ynode *map, const char *key,
                           const char *what)
{
    const ynode *v = cjm_ymap_get(map, key);
    if (v)
        return v;
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        const char *one[] = {key};
        if (k->kind == Y_SCALAR && strcmp(k->str, key) != 0 &&
            cjm_nearest(k->str, one, 1)) {
            cjm_yr_err(c, k, "unknown key '%s' (did you mean '%s'?): %s is missing "
                        "the required key '%s'",
                  k->str, key, what, key);
            return NULL;
        }
    }
    cjm_yr_err(c, map, "%s is missing the required key '%s'", what, key);
    return NULL;
}

bool cjm_yr_text(cjm_yr *c, const ynode *n, const char *key, const char **out)
{
    if (n->kind != Y_SCALAR) {
        cjm_yr_err(c, n, "'%s' must be text, not %s", key, cjm_yr_kind_name(n));
        return false;
    }
    *out = n->str;
    return true;
}

/* Text that must not be empty (titles, names). */
bool cjm_yr_label(cjm_yr *c, const ynode *n, const char *key, const char **out)
{
    if (!cjm_yr_text(c, n, key, out))
        return false;
    if (n->len == 0) {
        cjm_yr_err(c, n, "'%s' is empty; give it a value", key);
        return false;
    }
    return true;
}

/* An id; a bad one keeps what was written in *out (for messages) and, in
 * *fix when given, the id it was meant to be ("Kauf" -> "kauf"). */
bool cjm_yr_id(cjm_yr *c, const ynode *n, const char *key, const char **out,
                 const char **fix)
{
    if (!cjm_yr_text(c, n, key, out))
        return false;
    if (n->len == strlen(n->str) && cjm_is_slug(n->str))
        return true;
    cjm_str s = {0};
    cjm_slugify(&s, n->str);
    const char *f = s.failed ? NULL : cjm_arena_strdup(c->a, s.data);
    cjm_str_free(&s);
    if (!f)
        c->oom = true;
    if (fix)
        *fix = f;
    cjm_yr_err(c, n,
          "'%s' is not a valid id: use lower-case letters, digits, '-' and "
          "'_', starting with a letter or digit; write '%s'",
          n->str, f ? f : "first-purchase");
    return false;
}

bool cjm_yr_slug(cjm_yr *c, const ynode *n, const char *key, const char **out)
{
    return cjm_yr_id(c, n, key, out, NULL);
}

static bool S_decimal_syntax(const char *s)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    bool digits = false;
    while (*p >= '0' && *p <= '9')
        p++, digits = true;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, digits = true;
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

bool cjm_yr_number(cjm_yr *c, const ynode *n, const char *key, double *out)
{
    if (n->kind != Y_SCALAR) {
        cjm_yr_err(c, n, "'%s' must be a number, not %s", key, cjm_yr_kind_name(n));
        return false;
    }
    if (!n->plain) {
        cjm_yr_err(c, n, "'%s' must be a number, but \"%s\" is quoted; remove the "
                    "quotes",
              key, n->str);
        return false;
    }
    if (n->len != strlen(n->str) || !S_decimal_syntax(n->str)) {
        const char *comma = strchr(n->str, ',');
        char fixed[64];
        if (comma && strlen(n->str) < sizeof fixed) {
            strcpy(fixed, n->str);
            fixed[comma - n->str] = '.';
        }
        if (comma && strlen(n->str) < sizeof fixed && S_decimal_syntax(fixed))
            cjm_yr_err(c, n, "'%s' is written with a decimal comma ('%s'); "
                             "write %s",
                       key, n->str, fixed);
        else
            cjm_yr_err(c, n, "'%s' must be a decimal number like 3 or 4.5, "
                             "not '%s'",
                       key, n->str);
        return false;
    }
    errno = 0;
    double v = cjm_strtod(n->str, NULL);
    if (!isfinite(v) || errno == ERANGE) {
        if (!isfinite(v) || fabs(v) > 1) {
            cjm_yr_err(c, n, "'%s' is too large to be a number here: '%s'", key,
                  n->str);
            return false;
        }
        v = 0; /* underflow: as good as zero */
    }
    *out = v;
    return true;
}

bool cjm_yr_bool(cjm_yr *c, const ynode *n, const char *key, bool *out)
{
    if (n->kind == Y_SCALAR && n->plain) {
        if (strcmp(n->str, "true") == 0)
            return *out = true, true;
        if (strcmp(n->str, "false") == 0)
            return *out = false, true;
    }
    cjm_yr_err(c, n, "'%s' must be true or false, not '%s'", key,
          n->kind == Y_SCALAR ? n->str : cjm_yr_kind_name(n));
    return false;
}

/* One of a fixed set of words; returns its index or -1. */
int cjm_yr_enum(cjm_yr *c, const ynode *n, const char *key,
                  const char *const *words, size_t nwords)
{
    if (n->kind == Y_SCALAR)
        for (size_t i = 0; i < nwords; i++)
            if (strcmp(n->str, words[i]) == 0)
                return (int)i;
    if (n->kind == Y_SCALAR) { /* "High": say the word to write */
        cjm_str low = {0};
        cjm_lower(&low, n->str);
        const char *near = NULL;
        for (size_t i = 0; !low.failed && i < nwords && !near; i++)
            if (strcmp(low.data, words[i]) == 0)
                near = words[i];
        if (!near && !low.failed)
            near = cjm_nearest(low.data, words, nwords);
        if (near && strcmp(near, low.data) == 0)
            cjm_yr_err(c, n, "'%s' must be written in lower case: '%s'", key, near);
        else if (near)
            cjm_yr_err(c, n, "'%s' is '%s'; did you mean '%s'?", key, n->str, near);
        cjm_str_free(&low);
        if (near)
            return -1;
    }
    cjm_str all = {0};
    for (size_t i = 0; i < nwords; i++)
        cjm_str_printf(&all, "%s'%s'", i ? (i + 1 == nwords ? " or " : ", ") : "",
                       words[i]);
    cjm_yr_err(c, n, "'%s' must be %s", key, all.failed ? "?" : all.data);
    cjm_str_free(&all);
    return -1;
}

bool cjm_yr_text_list(cjm_yr *c, const ynode *n, const char *key,
                        const char ***out, size_t *count)
{
    if (!cjm_yr_is_seq(c, n, key))
        return false;
    const char **v = cjm_arena_array(c->a, n->n, sizeof *v);
    if (!v)
        return c->oom = true, false;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++)
        ok = cjm_yr_text(c, n->items[i], key, &v[i]) && ok;
    *out = v;
    *count = n->n;
    return ok;
}

const ynode *cjm_yr_root(const ynode *root, cjm_diags *d, const char *what)
{
    if (!root) {
        cjm_diags_add(d, CJM_RULE_SCHEMA, CJM_ERROR, 1, 1,
                      "the file is empty; %s", what);
        return NULL;
    }
    if (root->kind != Y_MAP) {
        cjm_diags_add(d, CJM_RULE_SCHEMA, CJM_ERROR, root->line, root->col,
                      "the top level must be a mapping of keys to values, "
                      "not %s; %s",
                      cjm_yr_kind_name(root), what);
        return NULL;
    }
    return root;
}

