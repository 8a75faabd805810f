/* load_policy: a policy file, and the `requires:` of a journey, read into
 * a cjm_policy (the spec's "Policy" section). */
#include "yread.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const policy_keys[] = {"touchpoints", "stages", "channels",
                                          "catalogue", "scored", "gate",
                                          "allowed_channels", "rules"};
static const char *const minmax_keys[] = {"min", "max"};

static bool S_refs(cjm_yr *c, const ynode *n, const char *key, bool slugs,
                   cjm_ref **out, size_t *count)
{
    if (!cjm_yr_is_seq(c, n, key))
        return false;
    cjm_ref *v = cjm_arena_array(c->a, n->n, sizeof *v);
    if (!v)
        return c->oom = true, false;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *it = n->items[i];
        v[i].pos = POS(it);
        ok = (slugs ? cjm_yr_slug(c, it, key, &v[i].id)
                    : cjm_yr_text(c, it, key, &v[i].id)) && ok;
    }
    *out = v;
    *count = n->n;
    return ok;
}

static bool S_count_limit(cjm_yr *c, const ynode *n, const char *key, long *out)
{
    double v;
    if (!cjm_yr_number(c, n, key, &v))
        return false;
    if (v < 0 || v != floor(v) || v > 1e9) {
        cjm_yr_err(c, n, "'%s' must be a whole number of touchpoints, not '%s'",
              key, n->str);
        return false;
    }
    *out = (long)v;
    return true;
}

static void S_catalogue(cjm_yr *c, const ynode *n, cjm_policy *p)
{
    if (!cjm_yr_is_map(c, n, "'catalogue'"))
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
        if (!cjm_yr_slug(c, k, "catalogue", &e->stage))
            continue;
        if (S_refs(c, v, e->stage, true, &e->touchpoints, &e->n))
            p->n_catalogue++;
    }
    p->has_catalogue = true;
}

/* `gate:` takes the conditions of `cjm diff --fail-on`, one per item; a
 * bad one is a schema error here, where the team wrote it. */
static void S_gate(cjm_yr *c, const ynode *n, cjm_policy *p)
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
static void S_rules(cjm_yr *c, const ynode *n, cjm_policy *p)
{
    if (!cjm_yr_is_map(c, n, "'rules'"))
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
            cjm_yr_err(c, k, "rules: '%s' is not a rule%s%s%s",
                  k->kind == Y_SCALAR ? k->str : "?", near ? " (did you mean '" : "",
                  near ? near : "", near ? "'?)" : "; the rules are listed under Diagnostics in the format's spec");
            continue;
        }
        if (s->rule == CJM_RULE_SYNTAX || s->rule == CJM_RULE_SCHEMA ||
            s->rule == CJM_RULE_DUPLICATE_KEY) {
            cjm_yr_err(c, k, "rules: '%s' cannot be changed: a file with such an "
                        "error cannot be checked any further",
                  k->str);
            continue;
        }
        int w = cjm_yr_enum(c, v, k->str, setting_words, 3);
        if (w < 0)
            continue;
        s->off = w == 0;
        s->sev = w == 2 ? CJM_ERROR : CJM_WARNING;
        p->n_rules++;
    }
    p->has_rules = true;
}

/* Reads the keys of `requires:` (or a policy file's top level) into p. */
void cjm_yr_policy(cjm_yr *c, const ynode *map, cjm_policy *p,
                     const char *where)
{
    cjm_yr_known_keys(c, map, policy_keys, COUNT(policy_keys), where);
    const ynode *v;
    if ((v = cjm_ymap_get(map, "touchpoints")) && cjm_yr_is_map(c, v, "'touchpoints'")) {
        cjm_yr_known_keys(c, v, minmax_keys, COUNT(minmax_keys), "'touchpoints'");
        const ynode *m;
        if ((m = cjm_ymap_get(v, "min")))
            p->has_min = S_count_limit(c, m, "min", &p->min);
        if ((m = cjm_ymap_get(v, "max")))
            p->has_max = S_count_limit(c, m, "max", &p->max);
        if (p->has_min && p->has_max && p->min > p->max)
            cjm_yr_err(c, v, "touchpoints: 'min' is larger than 'max'");
    }
    if ((v = cjm_ymap_get(map, "stages")))
        p->has_stages = S_refs(c, v, "stages", true, &p->stages, &p->n_stages);
    if ((v = cjm_ymap_get(map, "channels")))
        p->has_channels =
            S_refs(c, v, "channels", false, &p->channels, &p->n_channels);
    if ((v = cjm_ymap_get(map, "catalogue")))
        S_catalogue(c, v, p);
    if ((v = cjm_ymap_get(map, "scored")))
        p->has_scored = cjm_yr_bool(c, v, "scored", &p->scored);
    if ((v = cjm_ymap_get(map, "gate")))
        S_gate(c, v, p);
    if ((v = cjm_ymap_get(map, "allowed_channels")))
        p->has_allowed = S_refs(c, v, "allowed_channels", false, &p->allowed,
                                &p->n_allowed);
    if ((v = cjm_ymap_get(map, "rules")))
        S_rules(c, v, p);
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
    cjm_yr c = {diags, &p->arena, false};
    if (cjm_ytree_parse(&p->arena, buf, len, diags, &tree) == 0 &&
        cjm_yr_root(tree, diags, "a policy holds keys such as 'stages:' and "
                            "'catalogue:'"))
        cjm_yr_policy(&c, tree, p, "policy");
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
