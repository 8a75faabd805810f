/* The flow view: the touchpoint graph laid out by Graphviz's dot, left to
 * right, one cluster per stage, for journeys with branches and loops.
 * Entries come from a start marker, exits lead to an end marker, friction
 * notes sit beside their touchpoint. */
#include "label.h"
#include "render.h"

#include <stdlib.h>

enum { NOTE_WRAP = 26 };

static cjm_graph **S_clusters(cjm_graph *g, const cjm_journey *j,
                              const cjm_figures *f)
{
    cjm_graph **cl = calloc(j->n_stages ? j->n_stages : 1, sizeof *cl);
    if (!cl)
        return NULL;
    char name[32], num[32];
    for (size_t s = 0; s < j->n_stages; s++) {
        cl[s] = cjm_graph_cluster(g, cjm_node_name(name, "cluster_stage", s));
        cjm_str html = {0};
        cjm_str_puts(&html, "<B>");
        cjm_html_wrapped(&html, j->stages[s].name, 24);
        cjm_str_puts(&html, "</B>  <FONT POINT-SIZE=\"9\">");
        if (f->stage_has_mean[s])
            cjm_str_printf(&html, "%s %s", cjm_w(j->lang, W_MEAN),
                           cjm_num(num, f->stage_mean[s], 2, j->lang));
        else
            cjm_str_puts(&html, cjm_w(j->lang, W_NO_SCORE));
        cjm_str_puts(&html, "</FONT>");
        cjm_graph_set(cl[s], "style", "filled,rounded");
        cjm_graph_set(cl[s], "fillcolor", s % 2 ? "#e4e9f0" : "#f3f5f8");
        cjm_graph_set(cl[s], "color", "#c5ced8");
        cjm_graph_set(cl[s], "labeljust", "l");
        cjm_graph_set(cl[s], "fontsize", "12");
        if (!html.failed)
            cjm_graph_set_html(cl[s], "label", html.data);
        cjm_str_free(&html);
    }
    return cl;
}

static void S_markers(cjm_graph *g, cjm_gnode **cards, const cjm_journey *j)
{
    cjm_gnode *start = cjm_graph_node(g, "start");
    cjm_node_set(start, "shape", "circle");
    cjm_node_set(start, "label", "start");
    cjm_node_set(start, "style", "filled");
    cjm_node_set(start, "fillcolor", "#1f2933");
    cjm_node_set(start, "fontcolor", "white");
    cjm_node_set(start, "fontsize", "9");
    cjm_gnode *end = NULL;
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (t == 0 || tp->entry)
            cjm_edge_set(cjm_graph_edge(g, start, cards[t]), "style", "bold");
        if (tp->n_next > 0)
            continue;
        if (!end) {
            end = cjm_graph_node(g, "end");
            cjm_node_set(end, "shape", "doublecircle");
            cjm_node_set(end, "label", "end");
            cjm_node_set(end, "fontsize", "9");
        }
        cjm_edge_set(cjm_graph_edge(g, cards[t], end), "style", "bold");
    }
}

static void S_friction_notes(cjm_graph **cl, cjm_gnode **cards,
                             const cjm_journey *j)
{
    char name[32];
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (!tp->n_friction)
            continue;
        cjm_graph *c = cl[tp->stage];
        cjm_gnode *n = cjm_graph_node(c, cjm_node_name(name, "fr", t));
        cjm_friction_card(n, tp, NOTE_WRAP, j->lang);
        /* minlen 0 lets the note share its touchpoint's rank: it sits
         * beside the card instead of pushing the flow one step right. */
        cjm_gedge *e = cjm_graph_edge(c, cards[t], n);
        cjm_edge_set(e, "minlen", "0");
        cjm_edge_set(e, "style", "dashed");
        cjm_edge_set(e, "arrowhead", "none");
        cjm_edge_set(e, "color", "#b2182b");
    }
}

/* Loops back dashed, so the forward flow reads first. */
static void S_link_style(cjm_gedge *e, const cjm_journey *j, size_t t,
                         size_t u)
{
    (void)j;
    cjm_edge_set(e, "color", "#1f2933");
    cjm_edge_set(e, "penwidth", "1.6");
    if (u <= t)
        cjm_edge_set(e, "style", "dashed");
}

cjm_graph *cjm_view_flow(const cjm_journey *j, const cjm_figures *f,
                         const cjm_gv_page *page)
{
    (void)page;
    cjm_graph *g = cjm_graph_new("journey_flow");
    cjm_gnode **cards = calloc(j->n_tps ? j->n_tps : 1, sizeof *cards);
    cjm_graph **cl = g ? S_clusters(g, j, f) : NULL;
    if (!g || !cards || !cl) {
        free(cards);
        free(cl);
        cjm_graph_free(g);
        return NULL;
    }
    cjm_graph_defaults(g);
    cjm_graph_set(g, "rankdir", "LR");
    cjm_graph_set(g, "nodesep", "0.3");
    cjm_graph_set(g, "ranksep", "0.45");
    cjm_str title = {0};
    cjm_title_html(&title, j, f, NULL, NULL, 90);
    if (!title.failed) {
        cjm_graph_set_html(g, "label", title.data);
        cjm_graph_set(g, "labelloc", "t");
        cjm_graph_set(g, "labeljust", "l");
    }
    cjm_str_free(&title);
    char name[32];
    for (size_t t = 0; t < j->n_tps; t++) {
        cards[t] = cjm_graph_node(cl[j->tps[t].stage], cjm_node_name(name, "tp", t));
        cjm_tp_card(cards[t], j, t);
    }
    cjm_draw_links(g, cards, j, S_link_style);
    S_markers(g, cards, j);
    S_friction_notes(cl, cards, j);
    free(cards);
    free(cl);
    return g;
}
