/* load: YAML tree -> journey model, enforcing the format's types.
 *
 * Every value is checked for its type here, so later stages can trust the
 * model: ids are slugs, numbers are finite, enums are known.  A file that
 * produced any error yields no model. */
#include "model.h"
#include "util.h"
#include "ytree.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cjm_friction_severity_names[CJM_SEV_COUNT] = {
    "low", "medium", "high", "critical"};
const char *const cjm_metric_names[CJM_METRIC_COUNT] = {"csat", "ces", "nps",
                                                        "responses"};

typedef struct {
    cjm_diags *d;
    cjm_arena *a;
    bool oom;
} lctx;

#define POS(n) ((cjm_pos){(n)->line, (n)->col})

static const char *const journey_keys[] = {
    "journey", "id",    "description", "persona", "owner",
    "state",   "scale", "requires",    "stages",  "lang"};
static const char *const persona_keys[] = {"name", "description", "goals"};
static const char *const stage_keys[] = {"id", "name", "description",
                                         "touchpoints"};
static const char *const tp_keys[] = {
    "id",      "name",    "channel",         "contact",  "description",
    "owner",   "actors",  "score",           "metrics",  "moment_of_truth",
    "weight",  "entry",   "next",            "friction", "opportunities",
    "quote"};
static const char *const friction_keys[] = {"text", "severity", "evidence"};
static const char *const policy_keys[] = {"touchpoints", "stages", "channels",
                                          "catalogue", "scored", "gate",
                                          "allowed_channels", "rules"};
static const char *const minmax_keys[] = {"min", "max"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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
static void S_err(lctx *c, const ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cjm_diags_vadd(c->d, CJM_RULE_SCHEMA, CJM_ERROR, n->line, n->col, fmt, ap);
    va_end(ap);
}

static const char *S_kind_name(const ynode *n)
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
static void S_known_keys(lctx *c, const ynode *map, const char *const *keys,
                         size_t n, const char *where)
{
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        if (k->kind != Y_SCALAR || strncmp(k->str, "x-", 2) == 0)
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

static bool S_is_map(lctx *c, const ynode *n, const char *what)
{
    if (n->kind == Y_MAP)
        return true;
    S_err(c, n, "%s must be a mapping of keys to values, not %s", what,
          S_kind_name(n));
    return false;
}

static bool S_is_seq(lctx *c, const ynode *n, const char *what)
{
    if (n->kind == Y_SEQ)
        return true;
    if (n->kind == Y_SCALAR && n->plain && n->len == 0)
        S_err(c, n, "'%s' has no value; write a list, or '%s: []' for none",
              what, what);
    else
        S_err(c, n, "'%s' must be a list (items starting with '- '), not %s",
              what, S_kind_name(n));
    return false;
}

/* Required key: reports its absence at the mapping's position, or at a
 * key that looks like a misspelling of it. */
static const ynode *S_need(lctx *c, const ynode *map, const char *key,
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
            S_err(c, k, "unknown key '%s' (did you mean '%s'?): %s is missing "
                        "the required key '%s'",
                  k->str, key, what, key);
            return NULL;
        }
    }
    S_err(c, map, "%s is missing the required key '%s'", what, key);
    return NULL;
}

static bool S_text(lctx *c, const ynode *n, const char *key, const char **out)
{
    if (n->kind != Y_SCALAR) {
        S_err(c, n, "'%s' must be text, not %s", key, S_kind_name(n));
        return false;
    }
    *out = n->str;
    return true;
}

/* Text that must not be empty (titles, names). */
static bool S_label(lctx *c, const ynode *n, const char *key, const char **out)
{
    if (!S_text(c, n, key, out))
        return false;
    if (n->len == 0) {
        S_err(c, n, "'%s' is empty; give it a value", key);
        return false;
    }
    return true;
}

/* An id; a bad one keeps what was written in *out (for messages) and, in
 * *fix when given, the id it was meant to be ("Kauf" -> "kauf"). */
static bool S_id(lctx *c, const ynode *n, const char *key, const char **out,
                 const char **fix)
{
    if (!S_text(c, n, key, out))
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
    S_err(c, n,
          "'%s' is not a valid id: use lower-case letters, digits, '-' and "
          "'_', starting with a letter or digit; write '%s'",
          n->str, f ? f : "first-purchase");
    return false;
}

static bool S_slug(lctx *c, const ynode *n, const char *key, const char **out)
{
    return S_id(c, n, key, out, NULL);
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

static bool S_number(lctx *c, const ynode *n, const char *key, double *out)
{
    if (n->kind != Y_SCALAR) {
        S_err(c, n, "'%s' must be a number, not %s", key, S_kind_name(n));
        return false;
    }
    if (!n->plain) {
        S_err(c, n, "'%s' must be a number, but \"%s\" is quoted; remove the "
                    "quotes",
              key, n->str);
        return false;
    }
    if (n->len != strlen(n->str) || !S_decimal_syntax(n->str)) {
        S_err(c, n, "'%s' must be a decimal number like 3 or 4.5, not '%s'",
              key, n->str);
        return false;
    }
    errno = 0;
    double v = strtod(n->str, NULL);
    if (!isfinite(v) || errno == ERANGE) {
        if (!isfinite(v) || fabs(v) > 1) {
            S_err(c, n, "'%s' is too large to be a number here: '%s'", key,
                  n->str);
            return false;
        }
        v = 0; /* underflow: as good as zero */
    }
    *out = v;
    return true;
}

static bool S_bool(lctx *c, const ynode *n, const char *key, bool *out)
{
    if (n->kind == Y_SCALAR && n->plain) {
        if (strcmp(n->str, "true") == 0)
            return *out = true, true;
        if (strcmp(n->str, "false") == 0)
            return *out = false, true;
    }
    S_err(c, n, "'%s' must be true or false, not '%s'", key,
          n->kind == Y_SCALAR ? n->str : S_kind_name(n));
    return false;
}

/* One of a fixed set of words; returns its index or -1. */
static int S_enum(lctx *c, const ynode *n, const char *key,
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
            S_err(c, n, "'%s' must be written in lower case: '%s'", key, near);
        else if (near)
            S_err(c, n, "'%s' is '%s'; did you mean '%s'?", key, n->str, near);
        cjm_str_free(&low);
        if (near)
            return -1;
    }
    cjm_str all = {0};
    for (size_t i = 0; i < nwords; i++)
        cjm_str_printf(&all, "%s'%s'", i ? (i + 1 == nwords ? " or " : ", ") : "",
                       words[i]);
    S_err(c, n, "'%s' must be %s", key, all.failed ? "?" : all.data);
    cjm_str_free(&all);
    return -1;
}

static bool S_text_list(lctx *c, const ynode *n, const char *key,
                        const char ***out, size_t *count)
{
    if (!S_is_seq(c, n, key))
        return false;
    const char **v = cjm_arena_array(c->a, n->n, sizeof *v);
    if (!v)
        return c->oom = true, false;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++)
        ok = S_text(c, n->items[i], key, &v[i]) && ok;
    *out = v;
    *count = n->n;
    return ok;
}

/* ---- policy ------------------------------------------------------------ */

static bool S_refs(lctx *c, const ynode *n, const char *key, bool slugs,
                   cjm_ref **out, size_t *count)
{
    if (!S_is_seq(c, n, key))
        return false;
    cjm_ref *v = cjm_arena_array(c->a, n->n, sizeof *v);
    if (!v)
        return c->oom = true, false;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *it = n->items[i];
        v[i].pos = POS(it);
        ok = (slugs ? S_slug(c, it, key, &v[i].id)
                    : S_text(c, it, key, &v[i].id)) && ok;
    }
    *out = v;
    *count = n->n;
    return ok;
}

static bool S_count_limit(lctx *c, const ynode *n, const char *key, long *out)
{
    double v;
    if (!S_number(c, n, key, &v))
        return false;
    if (v < 0 || v != floor(v) || v > 1e9) {
        S_err(c, n, "'%s' must be a whole number of touchpoints, not '%s'",
              key, n->str);
        return false;
    }
    *out = (long)v;
    return true;
}

static void S_catalogue(lctx *c, const ynode *n, cjm_policy *p)
{
    if (!S_is_map(c, n, "'catalogue'"))
        return;
    p->catalogue = cjm_arena_array(c->a, n->n, sizeof *p->catalogue);
    if (!p->catalogue) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->items[2 * i], *v = n->items[2 * i + 1];
        cjm_catalogue_entry *e = &p->catalogue[p->n_catalogue];
        e->pos = POS(k);
        if (!S_slug(c, k, "catalogue", &e->stage))
            continue;
        if (S_refs(c, v, e->stage, true, &e->touchpoints, &e->n))
            p->n_catalogue++;
    }
    p->has_catalogue = true;
}

/* `gate:` takes the conditions of `cjm diff --fail-on`, one per item; a
 * bad one is a schema error here, where the team wrote it. */
static void S_gate(lctx *c, const ynode *n, cjm_policy *p)
{
    cjm_ref *items;
    size_t count;
    if (!S_refs(c, n, "gate", false, &items, &count))
        return;
    p->gate = cjm_arena_array(c->a, count ? count : 1, sizeof *p->gate);
    if (!p->gate) {
        c->oom = true;
        return;
    }
    char err[256];
    for (size_t i = 0; i < count; i++) {
        cjm_gate_cond *g = &p->gate[p->n_gate];
        if (cjm_gate_cond_parse(items[i].id, strlen(items[i].id), g, err,
                                sizeof err) != 0) {
            cjm_diags_add(c->d, CJM_RULE_SCHEMA, CJM_ERROR, items[i].pos.line,
                          items[i].pos.col, "gate: %s", err);
            continue;
        }
        g->pos = items[i].pos;
        p->n_gate++;
    }
    p->has_gate = true;
}

static const char *const setting_words[] = {"off", "warning", "error"};

/* `rules:` maps a rule to off, warning or error.  The rules that say the
 * file could not be read as a journey cannot be changed: there would be
 * nothing sound left to check. */
static void S_rules(lctx *c, const ynode *n, cjm_policy *p)
{
    if (!S_is_map(c, n, "'rules'"))
        return;
    p->rules = cjm_arena_array(c->a, n->n ? n->n : 1, sizeof *p->rules);
    if (!p->rules) {
        c->oom = true;
        return;
    }
    const char *names[CJM_RULE_COUNT];
    for (int r = 0; r < CJM_RULE_COUNT; r++)
        names[r] = cjm_rule_name((cjm_rule)r);
    for (size_t i = 0; i < n->n; i++) {
        const ynode *k = n->items[2 * i], *v = n->items[2 * i + 1];
        cjm_rule_setting *s = &p->rules[p->n_rules];
        if (k->kind != Y_SCALAR || cjm_rule_parse(k->str, &s->rule) != 0) {
            const char *near = k->kind == Y_SCALAR
                                   ? cjm_nearest(k->str, names, CJM_RULE_COUNT)
                                   : NULL;
            S_err(c, k, "rules: '%s' is not a rule%s%s%s",
                  k->kind == Y_SCALAR ? k->str : "?", near ? " (did you mean '" : "",
                  near ? near : "", near ? "'?)" : "; see 'cjm check --help'");
            continue;
        }
        if (s->rule == CJM_RULE_SYNTAX || s->rule == CJM_RULE_SCHEMA ||
            s->rule == CJM_RULE_DUPLICATE_KEY) {
            S_err(c, k, "rules: '%s' cannot be changed: a file with such an "
                        "error cannot be checked any further",
                  k->str);
            continue;
        }
        int w = S_enum(c, v, k->str, setting_words, 3);
        if (w < 0)
            continue;
        s->off = w == 0;
        s->sev = w == 2 ? CJM_ERROR : CJM_WARNING;
        p->n_rules++;
    }
    p->has_rules = true;
}

/* Reads the keys of `requires:` (or a policy file's top level) into p. */
static void S_policy(lctx *c, const ynode *map, cjm_policy *p,
                     const char *where)
{
    S_known_keys(c, map, policy_keys, COUNT(policy_keys), where);
    const ynode *v;
    if ((v = cjm_ymap_get(map, "touchpoints")) && S_is_map(c, v, "'touchpoints'")) {
        S_known_keys(c, v, minmax_keys, COUNT(minmax_keys), "'touchpoints'");
        const ynode *m;
        if ((m = cjm_ymap_get(v, "min")))
            p->has_min = S_count_limit(c, m, "min", &p->min);
        if ((m = cjm_ymap_get(v, "max")))
            p->has_max = S_count_limit(c, m, "max", &p->max);
        if (p->has_min && p->has_max && p->min > p->max)
            S_err(c, v, "touchpoints: 'min' is larger than 'max'");
    }
    if ((v = cjm_ymap_get(map, "stages")))
        p->has_stages = S_refs(c, v, "stages", true, &p->stages, &p->n_stages);
    if ((v = cjm_ymap_get(map, "channels")))
        p->has_channels =
            S_refs(c, v, "channels", false, &p->channels, &p->n_channels);
    if ((v = cjm_ymap_get(map, "catalogue")))
        S_catalogue(c, v, p);
    if ((v = cjm_ymap_get(map, "scored")))
        p->has_scored = S_bool(c, v, "scored", &p->scored);
    if ((v = cjm_ymap_get(map, "gate")))
        S_gate(c, v, p);
    if ((v = cjm_ymap_get(map, "allowed_channels")))
        p->has_allowed = S_refs(c, v, "allowed_channels", false, &p->allowed,
                                &p->n_allowed);
    if ((v = cjm_ymap_get(map, "rules")))
        S_rules(c, v, p);
}

/* ---- touchpoints ------------------------------------------------------- */

static void S_metrics(lctx *c, const ynode *n, cjm_metrics *m)
{
    if (!S_is_map(c, n, "'metrics'"))
        return;
    S_known_keys(c, n, cjm_metric_names, CJM_METRIC_COUNT, "'metrics'");
    for (int i = 0; i < CJM_METRIC_COUNT; i++) {
        const ynode *v = cjm_ymap_get(n, cjm_metric_names[i]);
        if (v) {
            m->has[i] = S_number(c, v, cjm_metric_names[i], &m->value[i]);
            m->pos[i] = POS(v);
        }
    }
}

static void S_friction_one(lctx *c, const ynode *n, cjm_friction *f)
{
    f->pos = POS(n);
    f->severity = CJM_SEV_MEDIUM;
    if (n->kind == Y_SCALAR) {
        S_label(c, n, "friction", &f->text);
        return;
    }
    if (!S_is_map(c, n, "a friction point"))
        return;
    S_known_keys(c, n, friction_keys, COUNT(friction_keys), "friction point");
    const ynode *v;
    if ((v = S_need(c, n, "text", "friction point")))
        S_label(c, v, "text", &f->text);
    if ((v = cjm_ymap_get(n, "severity"))) {
        int s = S_enum(c, v, "severity", cjm_friction_severity_names,
                       CJM_SEV_COUNT);
        if (s >= 0)
            f->severity = (cjm_friction_severity)s;
    }
    if ((v = cjm_ymap_get(n, "evidence")))
        S_text(c, v, "evidence", &f->evidence);
}

static void S_friction(lctx *c, const ynode *n, cjm_touchpoint *t)
{
    if (!S_is_seq(c, n, "friction"))
        return;
    t->friction = cjm_arena_array(c->a, n->n, sizeof *t->friction);
    if (!t->friction) {
        c->oom = true;
        return;
    }
    t->n_friction = n->n;
    for (size_t i = 0; i < n->n; i++)
        S_friction_one(c, n->items[i], &t->friction[i]);
}

static void S_next(lctx *c, const ynode *n, cjm_touchpoint *t)
{
    if (!S_is_seq(c, n, "next")) {
        t->bad |= CJM_BAD_NEXT;
        return;
    }
    t->next_ids = cjm_arena_array(c->a, n->n, sizeof *t->next_ids);
    t->next_pos = cjm_arena_array(c->a, n->n, sizeof *t->next_pos);
    if (!t->next_ids || !t->next_pos) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        t->next_pos[i] = POS(n->items[i]);
        if (!S_slug(c, n->items[i], "next", &t->next_ids[i])) {
            t->bad |= CJM_BAD_NEXT;
            if (!t->next_ids[i])
                t->next_ids[i] = "";
        }
    }
    t->n_next = n->n;
    t->has_next = true;
}

static const char *const contact_words[] = {"direct", "indirect"};

/* A channel is lower case by Unicode's rules, so the channel mix never
 * counts "Filiale" and "filiale" apart. */
static void S_channel(lctx *c, const ynode *v, cjm_touchpoint *t)
{
    if (!S_label(c, v, "channel", &t->channel)) {
        t->channel = NULL;
        t->bad |= CJM_BAD_CHANNEL;
        return;
    }
    cjm_str low = {0};
    if (cjm_lower(&low, t->channel)) {
        S_err(c, v, "channel '%s' must be lower-case: write '%s'", t->channel,
              low.failed ? "?" : low.data);
        t->channel_fix = low.failed ? NULL : cjm_arena_strdup(c->a, low.data);
        t->channel = NULL;
        t->bad |= CJM_BAD_CHANNEL;
    }
    cjm_str_free(&low);
}

/* The simple scalar fields of a touchpoint. */
static void S_tp_fields(lctx *c, const ynode *n, cjm_touchpoint *t)
{
    const ynode *v;
    if ((v = S_need(c, n, "id", "touchpoint"))) {
        t->id_pos = POS(v);
        const char *id = NULL;
        if (S_id(c, v, "id", &id, &t->fix))
            t->id = id;
        else {
            t->bad |= CJM_BAD_ID;
            if (id)
                t->id = id;
        }
    } else {
        t->bad |= CJM_BAD_ID;
    }
    if ((v = S_need(c, n, "name", "touchpoint")))
        S_label(c, v, "name", &t->name);
    if ((v = cjm_ymap_get(n, "channel"))) {
        t->channel_pos = POS(v);
        S_channel(c, v, t);
    }
    if ((v = cjm_ymap_get(n, "contact")))
        t->indirect = S_enum(c, v, "contact", contact_words, 2) == 1;
    if ((v = cjm_ymap_get(n, "description")))
        S_text(c, v, "description", &t->description);
    if ((v = cjm_ymap_get(n, "owner")))
        S_text(c, v, "owner", &t->owner);
    if ((v = cjm_ymap_get(n, "quote")))
        S_text(c, v, "quote", &t->quote);
    if ((v = cjm_ymap_get(n, "actors")))
        S_text_list(c, v, "actors", &t->actors, &t->n_actors);
    if ((v = cjm_ymap_get(n, "opportunities")))
        S_text_list(c, v, "opportunities", &t->opportunities,
                    &t->n_opportunities);
    if ((v = cjm_ymap_get(n, "score"))) {
        t->has_score = S_number(c, v, "score", &t->score);
        t->score_pos = POS(v);
        if (t->has_score)
            t->score_text = v->str;
        else
            t->bad |= CJM_BAD_SCORE;
    }
    if ((v = cjm_ymap_get(n, "moment_of_truth")))
        S_bool(c, v, "moment_of_truth", &t->moment_of_truth);
    if ((v = cjm_ymap_get(n, "entry")) && !S_bool(c, v, "entry", &t->entry))
        t->bad |= CJM_BAD_ENTRY;
    t->weight = t->moment_of_truth ? 2 : 1;
    if ((v = cjm_ymap_get(n, "weight")) && S_number(c, v, "weight", &t->weight) &&
        t->weight <= 0)
        S_err(c, v, "'weight' must be greater than 0, not %s", v->str);
}

/* What a stage or touchpoint without a usable id is called in messages:
 * never a valid id, so it can match no reference. */
static const char *S_no_id(lctx *c, const ynode *n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "<line %d>", n->line);
    const char *s = cjm_arena_strdup(c->a, buf);
    if (!s)
        c->oom = true;
    return s ? s : "<?>";
}

static void S_touchpoint(lctx *c, const ynode *n, cjm_touchpoint *t)
{
    t->pos = POS(n);
    t->id = S_no_id(c, n);
    if (!S_is_map(c, n, "a touchpoint")) {
        t->bad |= CJM_BAD_ID;
        return;
    }
    S_known_keys(c, n, tp_keys, COUNT(tp_keys), "touchpoint");
    S_tp_fields(c, n, t);
    const ynode *v;
    if ((v = cjm_ymap_get(n, "metrics")))
        S_metrics(c, v, &t->metrics);
    if ((v = cjm_ymap_get(n, "friction")))
        S_friction(c, v, t);
    if ((v = cjm_ymap_get(n, "next")))
        S_next(c, v, t);
}

/* ---- stages and journey ------------------------------------------------ */

static char *S_capitalised(lctx *c, const char *id)
{
    char *s = cjm_arena_strdup(c->a, id);
    if (s && s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* Reads stage i; its touchpoints go to j->tps starting at *next_tp. */
static void S_stage(lctx *c, const ynode *n, cjm_journey *j, size_t i,
                    size_t *next_tp)
{
    cjm_stage *s = &j->stages[i];
    s->pos = POS(n);
    s->first = *next_tp;
    s->id = S_no_id(c, n);
    if (!S_is_map(c, n, "a stage")) {
        s->bad |= CJM_BAD_ID | CJM_BAD_TOUCHPOINTS;
        return;
    }
    S_known_keys(c, n, stage_keys, COUNT(stage_keys), "stage");
    const ynode *v;
    if ((v = S_need(c, n, "id", "stage"))) {
        s->id_pos = POS(v);
        const char *id = NULL;
        if (S_id(c, v, "id", &id, &s->fix)) {
            s->id = id;
            s->name = S_capitalised(c, s->id);
        } else {
            s->bad |= CJM_BAD_ID;
            if (id)
                s->id = id;
        }
    } else {
        s->bad |= CJM_BAD_ID;
    }
    if ((v = cjm_ymap_get(n, "name")))
        S_label(c, v, "name", &s->name);
    if ((v = cjm_ymap_get(n, "description")))
        S_text(c, v, "description", &s->description);
    if ((v = S_need(c, n, "touchpoints", "stage"))) {
        s->touchpoints_pos = POS(v);
        if (v->kind == Y_SEQ) {
            for (size_t k = 0; k < v->n; k++) {
                j->tps[*next_tp].stage = i;
                S_touchpoint(c, v->items[k], &j->tps[(*next_tp)++]);
            }
            s->count = v->n;
        } else if (!(v->kind == Y_SCALAR && v->plain && v->len == 0)) {
            S_is_seq(c, v, "touchpoints");
            s->bad |= CJM_BAD_TOUCHPOINTS;
        } /* `touchpoints:` with no value: reported as empty-stage */
    } else {
        s->bad |= CJM_BAD_TOUCHPOINTS;
    }
}

static size_t S_count_tps(const ynode *stages)
{
    size_t n = 0;
    for (size_t i = 0; i < stages->n; i++) {
        const ynode *tps = cjm_ymap_get(stages->items[i], "touchpoints");
        if (tps && tps->kind == Y_SEQ)
            n += tps->n;
    }
    return n;
}

static void S_stages(lctx *c, const ynode *n, cjm_journey *j)
{
    if (!S_is_seq(c, n, "stages")) {
        j->bad |= CJM_BAD_STAGES;
        return;
    }
    if (n->n == 0) {
        S_err(c, n, "'stages' is empty; a journey needs at least one stage");
        j->bad |= CJM_BAD_STAGES;
        return;
    }
    j->n_tps = S_count_tps(n);
    j->stages = cjm_arena_array(c->a, n->n, sizeof *j->stages);
    j->tps = cjm_arena_array(c->a, j->n_tps, sizeof *j->tps);
    if (!j->stages || !j->tps) {
        c->oom = true;
        return;
    }
    j->n_stages = n->n;
    size_t next_tp = 0;
    for (size_t i = 0; i < n->n; i++)
        S_stage(c, n->items[i], j, i, &next_tp);
}

static void S_persona(lctx *c, const ynode *n, cjm_journey *j)
{
    if (n->kind == Y_SCALAR) {
        S_label(c, n, "persona", &j->persona);
        return;
    }
    if (!S_is_map(c, n, "'persona'"))
        return;
    S_known_keys(c, n, persona_keys, COUNT(persona_keys), "persona");
    const ynode *v;
    if ((v = S_need(c, n, "name", "persona")))
        S_label(c, v, "name", &j->persona);
    if ((v = cjm_ymap_get(n, "description")))
        S_text(c, v, "description", &j->persona_description);
    if ((v = cjm_ymap_get(n, "goals")))
        S_text_list(c, v, "goals", &j->goals, &j->n_goals);
}

static void S_scale(lctx *c, const ynode *n, cjm_journey *j)
{
    j->bad |= CJM_BAD_SCALE; /* until it proves good */
    if (n->kind != Y_SEQ || n->n != 2) {
        S_err(c, n, "'scale' must be a list of two numbers [min, max], e.g. "
                    "[1, 5]");
        return;
    }
    double lo, hi;
    if (!S_number(c, n->items[0], "scale", &lo) ||
        !S_number(c, n->items[1], "scale", &hi))
        return;
    if (lo >= hi) {
        S_err(c, n, "'scale' must have min < max, e.g. [1, 5]");
        return;
    }
    if (!isfinite(hi - lo) || hi - lo < 1e-9 || fabs(lo) > 1e9 || fabs(hi) > 1e9) {
        S_err(c, n, "'scale' must lie within -1e9 and 1e9 and span more "
                    "than 1e-9, e.g. [1, 5]");
        return;
    }
    j->scale_min = lo;
    j->scale_max = hi;
    j->scale_text[0] = n->items[0]->str;
    j->scale_text[1] = n->items[1]->str;
    j->bad &= ~(unsigned)CJM_BAD_SCALE;
}

/* The default id: the file's base name without its extension. */
static const char *S_default_id(lctx *c, const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (strcmp(file, "-") == 0 || strcmp(file, "<stdin>") == 0)
        base = "stdin";
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return cjm_arena_strndup(c->a, base, len);
}

static const char *const state_words[] = {"current", "future"};

static void S_journey(lctx *c, const ynode *root, cjm_journey *j,
                      const char *id_path)
{
    j->pos = POS(root);
    S_known_keys(c, root, journey_keys, COUNT(journey_keys), "journey");
    const ynode *v;
    if ((v = S_need(c, root, "journey", "the journey file")))
        S_label(c, v, "journey", &j->title);
    j->id = S_default_id(c, id_path);
    if ((v = cjm_ymap_get(root, "id")))
        S_slug(c, v, "id", &j->id);
    if ((v = cjm_ymap_get(root, "description")))
        S_text(c, v, "description", &j->description);
    if ((v = cjm_ymap_get(root, "persona")))
        S_persona(c, v, j);
    if ((v = cjm_ymap_get(root, "owner")))
        S_text(c, v, "owner", &j->owner);
    if ((v = cjm_ymap_get(root, "state")))
        j->future = S_enum(c, v, "state", state_words, 2) == 1;
    if ((v = cjm_ymap_get(root, "lang"))) {
        static const char *const langs[] = {"en", "de"};
        int k = S_enum(c, v, "lang", langs, 2);
        j->lang = k == 1 ? CJM_LANG_DE : CJM_LANG_EN;
    }
    j->scale_min = 1;
    j->scale_max = 5;
    j->scale_text[0] = "1";
    j->scale_text[1] = "5";
    if ((v = cjm_ymap_get(root, "scale")))
        S_scale(c, v, j);
    if ((v = cjm_ymap_get(root, "requires")) && S_is_map(c, v, "'requires'"))
        S_policy(c, v, &j->requires, "'requires'");
    j->bad |= CJM_BAD_STAGES; /* until they are read */
    if ((v = S_need(c, root, "stages", "the journey file"))) {
        j->bad &= ~(unsigned)CJM_BAD_STAGES;
        S_stages(c, v, j);
        /* Journey-wide findings point at the `stages:` key itself. */
        for (size_t i = 0; i < root->n; i++)
            if (root->items[2 * i + 1] == v)
                j->stages_pos = POS(root->items[2 * i]);
    }
}

/* ---- id index and next resolution -------------------------------------- */

long cjm_journey_find(const cjm_journey *j, const char *id)
{
    size_t lo = 0, hi = j->n_tps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(j->tps[j->by_id[mid]].id, id);
        if (c == 0) {
            /* The first of equal ids, so lookups are deterministic. */
            while (mid > 0 && strcmp(j->tps[j->by_id[mid - 1]].id, id) == 0)
                mid--;
            return (long)j->by_id[mid];
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* A reference finds its touchpoint, or one whose id was written wrongly
 * but means it ("Kauf" for kauf): that id is already an error, and the
 * reference is not a second one. */
static long S_resolve(const cjm_journey *j, const char *id)
{
    long t = cjm_journey_find(j, id);
    for (size_t k = 0; t < 0 && k < j->n_tps; k++)
        if (j->tps[k].fix && strcmp(j->tps[k].fix, id) == 0)
            t = (long)k;
    return t;
}

static bool S_index(cjm_journey *j)
{
    j->by_id = cjm_arena_array(&j->arena, j->n_tps, sizeof *j->by_id);
    cjm_keyed *keys = malloc((j->n_tps ? j->n_tps : 1) * sizeof *keys);
    if (!j->by_id || !keys) {
        free(keys);
        return false;
    }
    for (size_t i = 0; i < j->n_tps; i++)
        keys[i] = (cjm_keyed){j->tps[i].id, i};
    qsort(keys, j->n_tps, sizeof *keys, cjm_keyed_cmp);
    for (size_t i = 0; i < j->n_tps; i++)
        j->by_id[i] = keys[i].i;
    free(keys);
    for (size_t t = 0; t < j->n_tps; t++) {
        cjm_touchpoint *tp = &j->tps[t];
        if (!tp->has_next) {
            tp->n_next = t + 1 < j->n_tps ? 1 : 0;
            tp->next = cjm_arena_array(&j->arena, 1, sizeof *tp->next);
            if (!tp->next)
                return false;
            tp->next[0] = (long)t + 1;
            continue;
        }
        tp->next = cjm_arena_array(&j->arena, tp->n_next, sizeof *tp->next);
        if (!tp->next)
            return false;
        for (size_t k = 0; k < tp->n_next; k++)
            tp->next[k] = S_resolve(j, tp->next_ids[k]);
    }
    return true;
}

/* ---- entry points ------------------------------------------------------ */

static const ynode *S_root(const ynode *root, cjm_diags *d, const char *what)
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
                      S_kind_name(root), what);
        return NULL;
    }
    return root;
}

static const char journey_hint[] =
    "a journey starts with 'journey: <title>' and 'stages:'";

cjm_journey *cjm_journey_load(const char *buf, size_t len, const char *file,
                              cjm_diags *diags)
{
    return cjm_journey_load_as(buf, len, file, file, diags);
}

cjm_journey *cjm_journey_load_partial(const char *buf, size_t len,
                                      const char *file, const char *path,
                                      cjm_diags *diags)
{
    cjm_journey *j = calloc(1, sizeof *j);
    if (!j) {
        cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "out of memory");
        return NULL;
    }
    cjm_arena_init(&j->arena);
    ynode *tree;
    lctx c = {diags, &j->arena, false};
    bool parsed = cjm_ytree_parse(&j->arena, buf, len, diags, &tree) == 0 &&
                  S_root(tree, diags, journey_hint);
    if (parsed) {
        j->file = cjm_arena_strdup(&j->arena, file ? file : "<input>");
        c.oom = j->file == NULL;
        if (!c.oom)
            S_journey(&c, tree, j, path ? path : j->file);
        if (c.oom)
            cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1,
                          "out of memory while loading");
    }
    if (!parsed || c.oom || !S_index(j)) {
        cjm_journey_free(j);
        return NULL;
    }
    return j;
}

cjm_journey *cjm_journey_load_as(const char *buf, size_t len, const char *file,
                                 const char *path, cjm_diags *diags)
{
    size_t errors_before = cjm_diags_errors(diags);
    cjm_journey *j = cjm_journey_load_partial(buf, len, file, path, diags);
    if (j && cjm_diags_errors(diags) > errors_before) {
        cjm_journey_free(j);
        return NULL;
    }
    return j;
}

void cjm_journey_free(cjm_journey *j)
{
    if (!j)
        return;
    cjm_arena_release(&j->arena);
    free(j);
}

cjm_policy *cjm_policy_load(const char *buf, size_t len, cjm_diags *diags)
{
    size_t errors_before = cjm_diags_errors(diags);
    cjm_policy *p = calloc(1, sizeof *p);
    if (!p) {
        cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "out of memory");
        return NULL;
    }
    cjm_arena_init(&p->arena);
    ynode *tree;
    lctx c = {diags, &p->arena, false};
    if (cjm_ytree_parse(&p->arena, buf, len, diags, &tree) == 0 &&
        S_root(tree, diags, "a policy holds keys such as 'stages:' and "
                            "'catalogue:'"))
        S_policy(&c, tree, p, "policy");
    if (c.oom || cjm_diags_errors(diags) > errors_before) {
        cjm_policy_free(p);
        return NULL;
    }
    return p;
}

void cjm_policy_free(cjm_policy *p)
{
    if (!p)
        return;
    cjm_arena_release(&p->arena);
    free(p);
}

int cjm_journey_set_lang(cjm_journey *j, const char *lang)
{
    return cjm_lang_parse(lang, &j->lang);
}

void cjm_journey_mermaid_in_reports(cjm_journey *j, bool on)
{
    j->no_mermaid = !on;
}

void cjm_journey_show_owners(cjm_journey *j, bool show)
{
    j->show_owner = show;
}

const char *cjm_journey_id(const cjm_journey *j) { return j->id; }
const char *cjm_journey_title(const cjm_journey *j) { return j->title; }
const char *cjm_journey_file(const cjm_journey *j) { return j->file; }
size_t cjm_journey_stage_count(const cjm_journey *j) { return j->n_stages; }
size_t cjm_journey_touchpoint_count(const cjm_journey *j) { return j->n_tps; }
