/* gate: the conditions `cjm diff` fails on, parsed from `--fail-on` or a
 * policy's `gate:`, and evaluated against a diff.  Drops are compared at
 * the precision the outputs show (one decimal of a percentage), so a
 * change of exactly X never trips `index-drop:X` because of binary
 * rounding. */
#include "diff.h"

#include <errno.h>
#include <stdbool.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

cjm_gate *cjm_gate_parse(const char *list, char *err, size_t errsize)
{
    cjm_gate *g = calloc(1, sizeof *g);
    size_t len = strlen(list), cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += list[i] == ',';
    if (!g || !(g->text = strdup(list)) ||
        !(g->c = calloc(cap, sizeof *g->c))) {
        cjm_gate_free(g);
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    /* Each comma-separated piece is one condition; conditions point into
     * g->text, whose commas become NULs. */
    for (char *p = g->text;; p++) {
        char *end = p + strcspn(p, ",");
        bool last = *end == '\0';
        *end = '\0';
        if (cjm_gate_cond_parse(p, (size_t)(end - p), &g->c[g->n], err,
                                errsize) != 0) {
            cjm_gate_free(g);
            return NULL;
        }
        g->n++;
        if (last)
            return g;
        p = end;
    }
}

cjm_gate *cjm_gate_from_policy(const cjm_policy *p)
{
    if (!p || !p->has_gate)
        return NULL;
    cjm_gate *g = calloc(1, sizeof *g);
    if (!g || !(g->c = calloc(p->n_gate ? p->n_gate : 1, sizeof *g->c))) {
        free(g);
        return NULL;
    }
    memcpy(g->c, p->gate, p->n_gate * sizeof *g->c);
    g->n = p->n_gate;
    return g;
}

cjm_gate *cjm_gate_from_journey(const cjm_journey *j)
{
    return j ? cjm_gate_from_policy(&j->requires) : NULL;
}

void cjm_gate_free(cjm_gate *g)
{
    if (!g)
        return;
    free(g->c);
    free(g->text);
    free(g);
}

/* ---- evaluation --------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void S_trip(cjm_diff *d, const cjm_gate_cond *c, cjm_pos pos,
                   const char *fmt, ...)
{
    cjm_trip *t = realloc(d->trips, (d->n_trips + 1) * sizeof *t);
    if (!t)
        return;
    d->trips = t;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    cjm_vsnprintf(buf, sizeof buf, fmt, ap); /* "%.1f" as 4.5, always */
    va_end(ap);
    char *msg = strdup(buf), *cond = strdup(c->text);
    if (msg && cond)
        t[d->n_trips++] = (cjm_trip){c->kind, cond, msg, pos};
    else {
        free(msg);
        free(cond);
    }
}

/* A fall of a percentage, in tenths of a point as the outputs round it. */
static bool S_fell_more(double from_pct, double to_pct, double x)
{
    return (double)llround((from_pct - to_pct) * 10) > x * 10 + 1e-9;
}

static double S_pct(const cjm_journey *j, double score)
{
    return (score - j->scale_min) / (j->scale_max - j->scale_min) * 100;
}

static void S_removed(cjm_diff *d, const cjm_gate_cond *c)
{
    const cjm_journey *o = d->o;
    if (c->kind == CJM_GATE_REMOVED_STAGE) {
        for (size_t s = 0; s < o->n_stages; s++)
            if (d->st_n_of_o[s] < 0 &&
                !cjm_diff_accepted(d, c->kind, o->stages[s].id))
                S_trip(d, c, cjm_diff_gone_pos(d, s), "stage '%s' was removed",
                       o->stages[s].id);
        return;
    }
    for (size_t t = 0; t < o->n_tps; t++) {
        if (d->tp_n_of_o[t] >= 0 ||
            cjm_diff_accepted(d, c->kind, o->tps[t].id))
            continue;
        const cjm_touchpoint *tp = &o->tps[t];
        long h = cjm_diff_rename_hint(d, t);
        if (h >= 0)
            S_trip(d, c, cjm_diff_gone_pos(d, tp->stage),
                   "touchpoint '%s' (stage '%s') was removed; the added "
                   "'%s' has the same name: if it is the same touchpoint, "
                   "keep its id",
                   tp->id, o->stages[tp->stage].id, d->n->tps[h].id);
        else
            S_trip(d, c, cjm_diff_gone_pos(d, tp->stage),
                   "touchpoint '%s' (stage '%s') was removed", tp->id,
                   o->stages[tp->stage].id);
    }
}

static void S_drops(cjm_diff *d, const cjm_gate_cond *c)
{
    char a[32], b[32], x[32];
    if (c->kind == CJM_GATE_INDEX_DROP) {
        if (d->fo->has_index && d->fn->has_index &&
            S_fell_more(d->fo->index_pct, d->fn->index_pct, c->x))
            S_trip(d, c, d->n->pos,
                   "the journey index fell by %.1f points (%.1f %% → "
                   "%.1f %%), more than the %s allowed",
                   fabs((double)llround((d->fo->index_pct - d->fn->index_pct) *
                                        10) / 10),
                   d->fo->index_pct, d->fn->index_pct, cjm_fmt_num(x, c->x, 2));
        return;
    }
    for (size_t t = 0; t < d->n->n_tps; t++) {
        long ot = d->tp_o_of_n[t];
        const cjm_touchpoint *tn = &d->n->tps[t];
        if (ot < 0 || !tn->has_score || !d->o->tps[ot].has_score)
            continue;
        double po = S_pct(d->o, d->o->tps[ot].score), pn = S_pct(d->n, tn->score);
        if (S_fell_more(po, pn, c->x))
            S_trip(d, c, tn->pos,
                   "touchpoint '%s' fell by %.1f %% of the scale (%s → %s), "
                   "more than the %s %% allowed",
                   tn->id, (double)llround((po - pn) * 10) / 10,
                   cjm_fmt_num(a, d->o->tps[ot].score, 2),
                   cjm_fmt_num(b, tn->score, 2), cjm_fmt_num(x, c->x, 2));
    }
}

static void S_friction(cjm_diff *d, const cjm_gate_cond *c)
{
    for (size_t i = 0; i < d->n_fr; i++) {
        const cjm_fr_change *fc = &d->fr[i];
        if (fc->kind != CJM_FR_ADDED || fc->fr->severity < c->sev)
            continue;
        S_trip(d, c, fc->fr->pos, "new %s friction at '%s': %s",
               cjm_friction_severity_names[fc->fr->severity],
               d->n->tps[fc->tp].id, fc->fr->text);
    }
}

cjm_accept *cjm_accept_parse(const char *list, char *err, size_t errsize)
{
    static const struct {
        const char *name;
        cjm_gate_kind kind;
    } kinds[] = {{"removed-touchpoint", CJM_GATE_REMOVED_TOUCHPOINT},
                 {"removed-stage", CJM_GATE_REMOVED_STAGE},
                 {"removed-journey", CJM_GATE_REMOVED_JOURNEY}};
    cjm_accept *a = calloc(1, sizeof *a);
    size_t cap = 1;
    for (const char *p = list; *p; p++)
        cap += *p == ',';
    if (!a || !(a->text = strdup(list)) || !(a->a = calloc(cap, sizeof *a->a))) {
        cjm_accept_free(a);
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    for (char *tok = a->text, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next)
            *next++ = '\0';
        while (*tok == ' ')
            tok++;
        if (!*tok) /* "a,,b" and a trailing comma, as CI variables come */
            continue;
        char *colon = strchr(tok, ':');
        size_t k = 0;
        if (colon)
            *colon = '\0';
        while (colon && k < 3 && strcmp(tok, kinds[k].name) != 0)
            k++;
        if (!colon || k == 3 || !colon[1]) {
            snprintf(err, errsize,
                     "'%s' is not a removal to accept: write "
                     "removed-touchpoint:ID, removed-stage:ID or "
                     "removed-journey:ID",
                     tok);
            cjm_accept_free(a);
            return NULL;
        }
        a->a[a->n++] = (cjm_accepted){kinds[k].kind, colon + 1};
    }
    return a;
}

void cjm_accept_free(cjm_accept *a)
{
    if (!a)
        return;
    free(a->a);
    free(a->text);
    free(a);
}

void cjm_diff_accept(cjm_diff *d, const cjm_accept *a)
{
    d->accept = a;
}

bool cjm_diff_accepted(const cjm_diff *d, cjm_gate_kind kind, const char *id)
{
    for (size_t i = 0; d->accept && i < d->accept->n; i++)
        if (d->accept->a[i].kind == kind && strcmp(d->accept->a[i].id, id) == 0)
            return true;
    return false;
}

size_t cjm_diff_gate(cjm_diff *d, const cjm_gate *g)
{
    size_t before = d->n_trips;
    d->n_conds += g ? g->n : 0;
    for (size_t i = 0; g && i < g->n; i++) {
        const cjm_gate_cond *c = &g->c[i];
        if (c->kind == CJM_GATE_REMOVED_JOURNEY) {
            if (d->o && !d->n && !cjm_diff_accepted(d, c->kind, d->o->id))
                S_trip(d, c, (cjm_pos){1, 1}, "journey '%s' (%s) was removed",
                       d->o->id, d->old_name);
            continue;
        }
        if (!d->o || !d->n)
            continue;
        if (c->kind == CJM_GATE_REMOVED_STAGE ||
            c->kind == CJM_GATE_REMOVED_TOUCHPOINT)
            S_removed(d, c);
        else if (c->kind == CJM_GATE_NEW_FRICTION)
            S_friction(d, c);
        else
            S_drops(d, c);
    }
    return d->n_trips - before;
}
