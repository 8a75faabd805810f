/* diff: pairs two versions of a journey and records what changed, as the
 * spec's Diff section defines it.  Stages pair by id; touchpoints pair by
 * id across the whole journey (so a touchpoint that changed stage is
 * moved, not removed and added); friction pairs by text within a paired
 * touchpoint. */
#include "diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cjm_diff_field_names[CJM_F_COUNT] = {
    "name",   "channel",      "contact",     "score",
    "moment_of_truth", "weight", "next", "metrics.csat",
    "metrics.ces", "metrics.nps", "metrics.responses"};

double cjm_round2(double x)
{
    return round(x * 100) / 100;
}

static bool S_str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool S_num_eq(bool ha, double a, bool hb, double b)
{
    return ha == hb && (!ha || a == b);
}

/* `next` as written: absent, or the same ids in the same order. */
static bool S_next_eq(const cjm_touchpoint *a, const cjm_touchpoint *b)
{
    if (a->has_next != b->has_next || (a->has_next && a->n_next != b->n_next))
        return false;
    for (size_t k = 0; a->has_next && k < a->n_next; k++)
        if (strcmp(a->next_ids[k], b->next_ids[k]) != 0)
            return false;
    return true;
}

static unsigned S_fields(const cjm_touchpoint *a, const cjm_touchpoint *b)
{
    unsigned f = 0;
    f |= (unsigned)!S_str_eq(a->name, b->name) << CJM_F_NAME;
    f |= (unsigned)!S_str_eq(a->channel, b->channel) << CJM_F_CHANNEL;
    f |= (unsigned)(a->indirect != b->indirect) << CJM_F_CONTACT;
    f |= (unsigned)!S_num_eq(a->has_score, a->score, b->has_score, b->score)
         << CJM_F_SCORE;
    f |= (unsigned)(a->moment_of_truth != b->moment_of_truth) << CJM_F_MOT;
    f |= (unsigned)(a->weight != b->weight) << CJM_F_WEIGHT;
    f |= (unsigned)!S_next_eq(a, b) << CJM_F_NEXT;
    for (int m = 0; m < CJM_METRIC_COUNT; m++)
        f |= (unsigned)!S_num_eq(a->metrics.has[m], a->metrics.value[m],
                                 b->metrics.has[m], b->metrics.value[m])
             << (CJM_F_CSAT + m);
    return f;
}

static long S_stage_find(const cjm_journey *j, const char *id)
{
    for (size_t s = 0; s < j->n_stages; s++)
        if (strcmp(j->stages[s].id, id) == 0)
            return (long)s;
    return -1;
}

static int S_push_fr(cjm_diff *d, cjm_fr_change c, size_t *cap)
{
    if (d->n_fr == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        cjm_fr_change *p = realloc(d->fr, nc * sizeof *p);
        if (!p)
            return -1;
        d->fr = p;
        *cap = nc;
    }
    d->fr[d->n_fr++] = c;
    return 0;
}

static const cjm_friction *S_fr_find(const cjm_touchpoint *tp, const char *text)
{
    for (size_t k = 0; k < tp->n_friction; k++)
        if (strcmp(tp->friction[k].text, text) == 0)
            return &tp->friction[k];
    return NULL;
}

/* Friction of new touchpoint t: added, or severity changed; then what the
 * old side had that is gone.  An added touchpoint's friction is all new
 * (the gate must see it); a removed touchpoint's is not "resolved": the
 * touchpoint itself is reported. */
static int S_friction(cjm_diff *d, size_t t, size_t *cap)
{
    const cjm_touchpoint *tn = &d->n->tps[t];
    long ot = d->tp_o_of_n[t];
    const cjm_touchpoint *to = ot >= 0 ? &d->o->tps[ot] : NULL;
    for (size_t k = 0; k < tn->n_friction; k++) {
        const cjm_friction *fr = &tn->friction[k];
        const cjm_friction *was = to ? S_fr_find(to, fr->text) : NULL;
        if (!was && S_push_fr(d, (cjm_fr_change){CJM_FR_ADDED, t, fr, 0}, cap))
            return -1;
        if (was && was->severity != fr->severity &&
            S_push_fr(d, (cjm_fr_change){CJM_FR_SEVERITY, t, fr, was->severity},
                      cap))
            return -1;
    }
    for (size_t k = 0; to && k < to->n_friction; k++) {
        const cjm_friction *fr = &to->friction[k];
        if (!S_fr_find(tn, fr->text) &&
            S_push_fr(d, (cjm_fr_change){CJM_FR_RESOLVED, (size_t)ot, fr, 0},
                      cap))
            return -1;
    }
    return 0;
}

static long *S_pairs(size_t n)
{
    long *p = malloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; p && i < n; i++)
        p[i] = -1;
    return p;
}

static int S_pair(cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    d->st_n_of_o = S_pairs(o->n_stages);
    d->st_o_of_n = S_pairs(n->n_stages);
    d->tp_n_of_o = S_pairs(o->n_tps);
    d->tp_o_of_n = S_pairs(n->n_tps);
    d->tp_fields = calloc(n->n_tps ? n->n_tps : 1, sizeof *d->tp_fields);
    if (!d->st_n_of_o || !d->st_o_of_n || !d->tp_n_of_o || !d->tp_o_of_n ||
        !d->tp_fields)
        return -1;
    for (size_t s = 0; s < n->n_stages; s++) {
        long os = S_stage_find(o, n->stages[s].id);
        d->st_o_of_n[s] = os;
        if (os >= 0)
            d->st_n_of_o[os] = (long)s;
    }
    for (size_t t = 0; t < n->n_tps; t++) {
        long ot = cjm_journey_find(o, n->tps[t].id);
        d->tp_o_of_n[t] = ot;
        if (ot >= 0) {
            d->tp_n_of_o[ot] = (long)t;
            d->tp_fields[t] = S_fields(&o->tps[ot], &n->tps[t]);
        }
    }
    size_t cap = 0;
    for (size_t t = 0; t < n->n_tps; t++)
        if (S_friction(d, t, &cap) != 0)
            return -1;
    return 0;
}

bool cjm_diff_tp_moved(const cjm_diff *d, size_t nt)
{
    long ot = d->tp_o_of_n[nt];
    return ot >= 0 && strcmp(d->o->stages[d->o->tps[ot].stage].id,
                             d->n->stages[d->n->tps[nt].stage].id) != 0;
}

bool cjm_diff_stage_changed(const cjm_diff *d, size_t ns)
{
    long os = d->st_o_of_n[ns];
    if (os < 0)
        return false;
    const cjm_figures *fo = d->fo, *fn = d->fn;
    return !S_str_eq(d->o->stages[os].name, d->n->stages[ns].name) ||
           !S_num_eq(fo->stage_has_mean[os], cjm_round2(fo->stage_mean[os]),
                     fn->stage_has_mean[ns], cjm_round2(fn->stage_mean[ns]));
}

cjm_pos cjm_diff_gone_pos(const cjm_diff *d, size_t os)
{
    long ns = d->st_n_of_o[os];
    if (ns >= 0)
        return d->n->stages[ns].pos;
    return d->n->stages_pos.line ? d->n->stages_pos : d->n->pos;
}

long cjm_diff_rename_hint(const cjm_diff *d, size_t ot)
{
    const char *name = d->o->tps[ot].name;
    for (size_t t = 0; t < d->n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0 && strcmp(d->n->tps[t].name, name) == 0)
            return (long)t;
    return -1;
}

const char *const cjm_diff_journey_field_names[CJM_J_COUNT] = {
    "journey", "state", "persona", "scale", "lang", "owner"};

const char *cjm_diff_journey_value(const cjm_journey *j, int f, char *buf)
{
    char a[32], b[32];
    switch (f) {
    case CJM_J_TITLE: return j->title;
    case CJM_J_STATE: return j->future ? "future" : "current";
    case CJM_J_PERSONA: return j->persona;
    case CJM_J_SCALE:
        snprintf(buf, 64, "%s-%s", cjm_fmt_num(a, j->scale_min, 6),
                 cjm_fmt_num(b, j->scale_max, 6));
        return buf;
    case CJM_J_LANG: return cjm_lang_name(j->lang);
    default: return j->owner;
    }
}

static unsigned S_journey_fields(const cjm_journey *o, const cjm_journey *n)
{
    unsigned bits = 0;
    char a[64], b[64];
    for (int f = 0; f < CJM_J_COUNT; f++) {
        const char *x = cjm_diff_journey_value(o, f, a),
                   *y = cjm_diff_journey_value(n, f, b);
        if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
            bits |= 1u << f;
    }
    return bits;
}

static bool S_any_change(const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    if (d->n_fr || d->j_fields || o->n_tps != n->n_tps || o->n_stages != n->n_stages)
        return true;
    for (size_t s = 0; s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0 || cjm_diff_stage_changed(d, s))
            return true;
    for (size_t t = 0; t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0 || d->tp_fields[t] || cjm_diff_tp_moved(d, t))
            return true;
    return !S_num_eq(d->fo->has_index, cjm_round2(d->fo->index),
                     d->fn->has_index, cjm_round2(d->fn->index));
}

cjm_diff *cjm_diff_new(const cjm_journey *old_j, const cjm_journey *new_j,
                       const char *old_name, const char *new_name)
{
    cjm_diff *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->o = old_j;
    d->n = new_j;
    d->old_name = old_name ? strdup(old_name) : NULL;
    d->new_name = new_name ? strdup(new_name) : NULL;
    if ((old_name && !d->old_name) || (new_name && !d->new_name) ||
        (old_j && !(d->fo = cjm_figures_new(old_j))) ||
        (new_j && !(d->fn = cjm_figures_new(new_j))) ||
        (old_j && new_j && S_pair(d) != 0)) {
        cjm_diff_free(d);
        return NULL;
    }
    if (old_j && new_j)
        d->j_fields = S_journey_fields(old_j, new_j);
    d->changed = !old_j || !new_j || S_any_change(d);
    return d;
}

void cjm_diff_free(cjm_diff *d)
{
    if (!d)
        return;
    free(d->old_name);
    free(d->new_name);
    cjm_figures_free(d->fo);
    cjm_figures_free(d->fn);
    free(d->st_n_of_o);
    free(d->st_o_of_n);
    free(d->tp_n_of_o);
    free(d->tp_o_of_n);
    free(d->tp_fields);
    free(d->fr);
    for (size_t i = 0; i < d->n_trips; i++) {
        free(d->trips[i].message);
        free(d->trips[i].cond);
    }
    free(d->trips);
    free(d);
}

cjm_diff_status cjm_diff_get_status(const cjm_diff *d)
{
    return !d->o ? CJM_DIFF_ADDED
           : !d->n ? CJM_DIFF_REMOVED
           : d->changed ? CJM_DIFF_CHANGED
                        : CJM_DIFF_UNCHANGED;
}
