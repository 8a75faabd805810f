/* render_diff: the comparison map.  Both versions go onto one map view:
 * the new journey's stages and cards, each removed touchpoint as a ghost
 * card in its old stage at its old score, each added one marked new, a
 * score delta on every card whose score moved, and the old curve behind
 * the new one.  It is built as a merged journey (the new one plus the
 * ghosts) and an overlay that the map view draws on top. */
#include "diff.h"
#include "label.h"
#include "lang.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An entry of a merged stage: a new touchpoint (>= 0) or the ghost of a
 * removed old one (-1 - its old index). */
typedef long entry;

typedef struct {
    const cjm_diff *d;
    cjm_journey m; /* the merged journey; its arena holds what it needs */
    entry *src;    /* per merged touchpoint */
    long *m_of_old;
    cjm_card_extra *cards;
    bool *old_has;
    double *old_t;
    size_t (*links)[2];
    size_t n_links;
    const char **notes;
    cjm_str index_html, legend;
} merged;

static bool S_gone(const cjm_diff *d, size_t ot)
{
    return d->tp_n_of_o[ot] < 0;
}

/* Puts removed old touchpoint r right after where its predecessor in its
 * old stage went in this merged stage, else first. */
static void S_insert_ghost(const cjm_diff *d, entry *e, size_t *n, size_t r)
{
    const cjm_stage *os = &d->o->stages[d->o->tps[r].stage];
    size_t at = 0;
    for (size_t p = r; p-- > os->first && at == 0;) {
        entry want = S_gone(d, p) ? -1 - (entry)p : d->tp_n_of_o[p];
        for (size_t k = 0; k < *n; k++)
            if (e[k] == want)
                at = k + 1;
    }
    memmove(e + at + 1, e + at, (*n - at) * sizeof *e);
    e[at] = -1 - (entry)r;
    (*n)++;
}

/* The entries of merged stage for new stage ns (or, ns < 0, the removed
 * old stage os).  Returns how many. */
static size_t S_stage_entries(const cjm_diff *d, long ns, long os, entry *e)
{
    size_t n = 0;
    if (ns >= 0) {
        const cjm_stage *st = &d->n->stages[ns];
        for (size_t t = st->first; t < st->first + st->count; t++)
            e[n++] = (entry)t;
        os = d->st_o_of_n[ns];
    }
    if (os < 0)
        return n;
    const cjm_stage *st = &d->o->stages[os];
    for (size_t t = st->first; t < st->first + st->count; t++)
        if (S_gone(d, t))
            S_insert_ghost(d, e, &n, t);
    return n;
}

/* Stages in the new order, each removed old stage right after the stage
 * its old predecessor became.  order[k] is a new index, or -1 - old. */
static size_t S_stage_order(const cjm_diff *d, long *order)
{
    size_t k = 0;
    for (long ns = -1; ns < (long)d->n->n_stages; ns++) {
        if (ns >= 0)
            order[k++] = ns;
        long anchor = -1;
        for (size_t os = 0; os < d->o->n_stages; os++) {
            if (d->st_n_of_o[os] >= 0)
                anchor = d->st_n_of_o[os];
            else if (anchor == ns)
                order[k++] = -1 - (long)os;
        }
    }
    return k;
}

static const cjm_touchpoint *S_src_tp(const merged *g, entry e)
{
    return e >= 0 ? &g->d->n->tps[e] : &g->d->o->tps[-1 - e];
}

/* Copies the touchpoints of one merged stage into the merged journey. */
static void S_fill_stage(merged *g, size_t s, const entry *e, size_t n,
                         size_t *next)
{
    cjm_stage *st = &g->m.stages[s];
    st->first = *next;
    st->count = n;
    for (size_t k = 0; k < n; k++) {
        cjm_touchpoint *tp = &g->m.tps[*next];
        *tp = *S_src_tp(g, e[k]);
        tp->stage = s;
        g->src[*next] = e[k];
        if (e[k] < 0) {
            /* A ghost is not scored (the figures stay the new ones), has
             * no links, no badges of its own and no callouts. */
            tp->has_score = false;
            tp->has_next = false;
            tp->n_next = 0;
            tp->entry = false;
            tp->n_friction = 0;
            tp->n_opportunities = 0;
            g->m_of_old[-1 - e[k]] = (long)*next;
        } else if (g->d->tp_o_of_n[e[k]] >= 0) {
            g->m_of_old[g->d->tp_o_of_n[e[k]]] = (long)*next;
        }
        (*next)++;
    }
}

/* Points the new touchpoints' links at their merged indices. */
static int S_relink(merged *g, const long *m_of_new)
{
    for (size_t t = 0; t < g->m.n_tps; t++) {
        cjm_touchpoint *tp = &g->m.tps[t];
        if (g->src[t] < 0 || tp->n_next == 0)
            continue;
        long *nx = cjm_arena_array(&g->m.arena, tp->n_next, sizeof *nx);
        if (!nx)
            return -1;
        for (size_t k = 0; k < tp->n_next; k++)
            nx[k] = tp->next[k] >= 0 ? m_of_new[tp->next[k]] : -1;
        tp->next = nx;
    }
    return 0;
}

static int S_merge(merged *g)
{
    const cjm_diff *d = g->d;
    size_t n_st = d->n->n_stages + d->o->n_stages;
    size_t n_tp = d->n->n_tps + d->o->n_tps;
    cjm_arena *a = &g->m.arena;
    long *order = cjm_arena_array(a, n_st + 1, sizeof *order);
    entry *e = cjm_arena_array(a, n_tp + 1, sizeof *e);
    long *m_of_new = cjm_arena_array(a, d->n->n_tps + 1, sizeof *m_of_new);
    g->m.stages = cjm_arena_array(a, n_st + 1, sizeof *g->m.stages);
    g->m.tps = cjm_arena_array(a, n_tp + 1, sizeof *g->m.tps);
    g->src = cjm_arena_array(a, n_tp + 1, sizeof *g->src);
    g->m_of_old = cjm_arena_array(a, d->o->n_tps + 1, sizeof *g->m_of_old);
    if (!order || !e || !m_of_new || !g->m.stages || !g->m.tps || !g->src ||
        !g->m_of_old)
        return -1;
    for (size_t t = 0; t < d->o->n_tps; t++)
        g->m_of_old[t] = -1;
    g->m.n_stages = S_stage_order(d, order);
    size_t next = 0;
    for (size_t s = 0; s < g->m.n_stages; s++) {
        long ns = order[s] >= 0 ? order[s] : -1;
        long os = order[s] < 0 ? -1 - order[s] : -1;
        g->m.stages[s] = ns >= 0 ? d->n->stages[ns] : d->o->stages[os];
        S_fill_stage(g, s, e, S_stage_entries(d, ns, os, e), &next);
    }
    g->m.n_tps = next;
    for (size_t t = 0; t < next; t++)
        if (g->src[t] >= 0)
            m_of_new[g->src[t]] = (long)t;
    return S_relink(g, m_of_new);
}

/* ---- the overlay --------------------------------------------------------- */

static char *S_dup(merged *g, const cjm_str *s)
{
    return s->failed || !s->data ? NULL
                                 : cjm_arena_strdup(&g->m.arena, s->data);
}

/* "▲ +0.8" in blue or "▼ −0.5" in orange-brown: the two ends of a
 * colour-blind-safe diverging pair, and the arrow says it without
 * colour. */
static void S_delta_html(cjm_str *s, double delta, int decimals, bool dark,
                         cjm_lang lang)
{
    char num[32];
    double r = round(delta * pow(10, decimals)) / pow(10, decimals);
    if (r == 0) {
        cjm_str_printf(s, "<FONT COLOR=\"%s\"><B>= %s</B></FONT>",
                       dark ? "#cbd2d9" : "#52606d", cjm_w(lang, W_NO_CHANGE));
        return;
    }
    /* On the dark stage headers, light tints of the same two hues. */
    const char *up = dark ? "#9ecae1" : "#1d5fa0";
    const char *down = dark ? "#fdb863" : "#a14b00";
    cjm_str_printf(s, "<FONT COLOR=\"%s\"><B>%s %s%s</B></FONT>",
                   r > 0 ? up : down, r > 0 ? "▲" : "▼", r > 0 ? "+" : "−",
                   cjm_num(num, fabs(r), decimals, lang));
}

static void S_card_badges(merged *g, size_t t)
{
    const cjm_diff *d = g->d;
    cjm_card_extra *x = &g->cards[t];
    cjm_lang L = d->n->lang;
    cjm_str s = {0};
    char num[48];
    entry e = g->src[t];
    if (e < 0) {
        const cjm_touchpoint *was = &d->o->tps[-1 - e];
        x->kind = CJM_CARD_GHOST;
        cjm_str_printf(&s, "<FONT POINT-SIZE=\"8\"><B>✖ %s</B></FONT>",
                       cjm_w(L, W_REMOVED));
        x->badge_lines = 1;
        if (was->has_score) {
            char v[32];
            snprintf(num, sizeof num, "%s %s", cjm_w(L, W_WAS),
                     cjm_num(v, was->score, 2, L));
            x->score_text = cjm_arena_strdup(&g->m.arena, num);
        }
    } else if (d->tp_o_of_n[e] < 0) {
        x->kind = CJM_CARD_NEW;
        cjm_str_printf(&s, "<FONT POINT-SIZE=\"8\" COLOR=\"#1d5fa0\"><B>✚ %s"
                           "</B></FONT>",
                       cjm_w(L, W_NEW));
        x->badge_lines = 1;
    } else {
        const cjm_touchpoint *tp = &d->n->tps[e];
        const cjm_touchpoint *was = &d->o->tps[d->tp_o_of_n[e]];
        cjm_str_puts(&s, "<FONT POINT-SIZE=\"9\">");
        if (tp->has_score && was->has_score && tp->score != was->score) {
            S_delta_html(&s, cjm_round2(tp->score) - cjm_round2(was->score), 2,
                         false, L);
            x->badge_lines++;
        } else if (tp->has_score != was->has_score) {
            cjm_str_printf(&s, "<B>%s</B>",
                           cjm_w(L, tp->has_score ? W_NEWLY_SCORED
                                                  : W_SCORE_REMOVED));
            x->badge_lines++;
        }
        if (cjm_diff_tp_moved(d, (size_t)e)) {
            cjm_str_puts(&s, x->badge_lines ? "<BR/>" : "");
            cjm_str_printf(&s, "<FONT POINT-SIZE=\"8\">↪ %s ",
                           cjm_w(L, W_MOVED_FROM));
            cjm_html_text(&s, d->o->stages[was->stage].name);
            cjm_str_puts(&s, "</FONT>");
            x->badge_lines++;
        }
        cjm_str_puts(&s, "</FONT>");
    }
    if (x->badge_lines)
        x->badge = S_dup(g, &s);
    cjm_str_free(&s);
}

/* Where each touchpoint stood on the old curve, and the old links. */
static int S_old_curve(merged *g)
{
    const cjm_journey *o = g->d->o;
    size_t n_links = 0;
    for (size_t t = 0; t < o->n_tps; t++)
        n_links += o->tps[t].n_next;
    g->links = cjm_arena_array(&g->m.arena, n_links + 1, sizeof *g->links);
    if (!g->links)
        return -1;
    for (size_t t = 0; t < o->n_tps; t++) {
        long mt = g->m_of_old[t];
        if (mt < 0 || !o->tps[t].has_score)
            continue;
        g->old_has[mt] = true;
        g->old_t[mt] = cjm_score_t(o, o->tps[t].score);
    }
    for (size_t t = 0; t < o->n_tps; t++)
        for (size_t k = 0; k < o->tps[t].n_next; k++) {
            long u = o->tps[t].next[k];
            long a = g->m_of_old[t], b = u >= 0 ? g->m_of_old[u] : -1;
            if (a >= 0 && b >= 0 && g->old_has[a] && g->old_has[b]) {
                g->links[g->n_links][0] = (size_t)a;
                g->links[g->n_links++][1] = (size_t)b;
            }
        }
    return 0;
}

static void S_stage_notes(merged *g)
{
    const cjm_diff *d = g->d;
    for (size_t s = 0; s < g->m.n_stages; s++) {
        const cjm_stage *st = &g->m.stages[s];
        long ns = -1;
        for (size_t k = 0; k < d->n->n_stages && ns < 0; k++)
            if (strcmp(d->n->stages[k].id, st->id) == 0)
                ns = (long)k;
        long os = ns >= 0 ? d->st_o_of_n[ns] : 0;
        cjm_str h = {0};
        cjm_lang L = d->n->lang;
        if (ns < 0)
            cjm_str_printf(&h, "<B>✖ %s</B>", cjm_w(L, W_REMOVED));
        else if (os < 0)
            cjm_str_printf(&h, "<B>✚ %s</B>", cjm_w(L, W_NEW));
        else if (d->fo->stage_has_mean[os] && d->fn->stage_has_mean[ns])
            S_delta_html(&h, cjm_round2(d->fn->stage_mean[ns]) -
                                 cjm_round2(d->fo->stage_mean[os]), 2, true, L);
        g->notes[s] = S_dup(g, &h);
        cjm_str_free(&h);
    }
}

/* "as-is → to-be · journey index 3.2 → 3.9 / 5 · 56 % → 73 % ▲ +0.7" */
static void S_index_html(merged *g)
{
    const cjm_diff *d = g->d;
    cjm_str *s = &g->index_html;
    char a[32], b[32], c[32];
    cjm_lang L = d->n->lang;
    if (d->o->future != d->n->future)
        cjm_str_printf(s, "<B>%s → %s</B>",
                       cjm_w(L, d->o->future ? W_TO_BE : W_AS_IS),
                       cjm_w(L, d->n->future ? W_TO_BE : W_AS_IS));
    else
        cjm_str_printf(s, "<B>%s</B>", cjm_w(L, W_OLD_NEW_VERSION));
    cjm_str_printf(s, "  ·  %s ", cjm_w(L, W_JOURNEY_INDEX));
    if (!d->fo->has_index || !d->fn->has_index) {
        cjm_str_printf(s, "<B>%s</B>", cjm_w(L, W_NOT_COMPARABLE));
        return;
    }
    char e[32], f[32];
    /* The map's one rounding rule: index to 2 decimals, % to 1. */
    cjm_str_printf(s, "<B>%s → %s / %s · %s %% → %s %%</B>  ",
                   cjm_num(a, d->fo->index, 2, L), cjm_num(b, d->fn->index, 2, L),
                   cjm_num(c, d->n->scale_max, 2, L),
                   cjm_num(e, round(d->fo->index_pct * 10) / 10, 1, L),
                   cjm_num(f, round(d->fn->index_pct * 10) / 10, 1, L));
    S_delta_html(s, cjm_round2(d->fn->index) - cjm_round2(d->fo->index), 2,
                 false, L);
}

static void S_legend_cells(cjm_str *s, cjm_lang L)
{
    cjm_str_printf(s,
                   "<TD WIDTH=\"12\"></TD>"
                   "<TD><FONT POINT-SIZE=\"8\" COLOR=\"#7b8794\">╍╍ %s</FONT></TD>"
                   "<TD><FONT POINT-SIZE=\"8\" COLOR=\"#1d5fa0\"><B>▲ %s</B></FONT></TD>"
                   "<TD><FONT POINT-SIZE=\"8\" COLOR=\"#a14b00\"><B>▼ %s</B></FONT></TD>"
                   "<TD BORDER=\"2\"><FONT POINT-SIZE=\"8\" COLOR=\"#1d5fa0\"><B>✚ %s</B>"
                   "</FONT></TD>"
                   "<TD BORDER=\"1\" STYLE=\"DASHED\"><FONT POINT-SIZE=\"8\" "
                   "COLOR=\"#616e7c\"><S>%s</S></FONT></TD>",
                   cjm_w(L, W_OLD_CURVE), cjm_w(L, W_BETTER), cjm_w(L, W_WORSE),
                   cjm_w(L, W_NEW), cjm_w(L, W_REMOVED_LOWER));
}

static int S_overlay(merged *g, cjm_map_overlay *ov)
{
    cjm_arena *a = &g->m.arena;
    size_t n = g->m.n_tps + 1;
    g->cards = cjm_arena_array(a, n, sizeof *g->cards);
    g->old_has = cjm_arena_array(a, n, sizeof *g->old_has);
    g->old_t = cjm_arena_array(a, n, sizeof *g->old_t);
    g->notes = cjm_arena_array(a, g->m.n_stages + 1, sizeof *g->notes);
    if (!g->cards || !g->old_has || !g->old_t || !g->notes ||
        S_old_curve(g) != 0)
        return -1;
    for (size_t t = 0; t < g->m.n_tps; t++)
        S_card_badges(g, t);
    S_stage_notes(g);
    S_index_html(g);
    S_legend_cells(&g->legend, g->d->n->lang);
    *ov = (cjm_map_overlay){g->cards,   g->old_has,          g->old_t,
                            g->links,   g->n_links,          g->notes,
                            g->index_html.data, g->legend.data};
    return g->index_html.failed || g->legend.failed ? -1 : 0;
}

int cjm_diff_render(cjm_renderer *r, const cjm_diff *d, const char *format,
                    FILE *out, char *err, size_t errsize)
{
    return cjm_diff_render_look(r, d, &r->look, format, CJM_PAGE_AUTO, out,
                                NULL, err, errsize);
}

int cjm_diff_render_look(cjm_renderer *r, const cjm_diff *d,
                         const cjm_look *look, const char *format,
                         cjm_page page, FILE *out, double *zoom, char *err,
                         size_t errsize)
{
    if (!d->o || !d->n) {
        snprintf(err, errsize, "a comparison map needs both versions");
        return -1;
    }
    cjm_journey shown;
    merged g = {.d = d, .m = *cjm_renderer_shown(r, d->n, &shown)};
    cjm_arena_init(&g.m.arena);
    g.m.by_id = NULL;
    cjm_map_overlay ov;
    cjm_figures *f = NULL;
    cjm_graph *gr = NULL;
    int rc = -1;
    if (S_merge(&g) == 0 && S_overlay(&g, &ov) == 0 &&
        (f = cjm_figures_new(&g.m)) &&
        (gr = cjm_view_map_with(&g.m, f, look, &ov, NULL)))
        rc = cjm_render_graph(r, gr, "nop2", format, page, zoom, out, err,
                              errsize);
    else
        snprintf(err, errsize, "out of memory while drawing '%s'", d->n->file);
    cjm_graph_free(gr);
    cjm_figures_free(f);
    cjm_str_free(&g.index_html);
    cjm_str_free(&g.legend);
    cjm_arena_release(&g.m.arena);
    return rc;
}
