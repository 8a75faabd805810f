/* The flow view: the touchpoint graph laid out by Graphviz's dot, left to
 * right, one cluster per stage, for journeys with branches and loops.
 * Entries come from a start marker, exits lead to an end marker, friction
 * notes sit beside their touchpoint. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { NOTE_WRAP = 26, FLOW_MAX_ROWS = 6 };

/* One cluster per stage; on a page the stages wrap into rows (rows[s]
 * says which), each an invisible cluster of its own so dot keeps a row's
 * stages together and stacks the rows. */
static cjm_graph **S_clusters(cjm_graph *g, const cjm_journey *j,
                              const cjm_figures *f, const cjm_look *look,
                              size_t *rows, size_t n_rows)
{
    cjm_graph **cl = calloc(j->n_stages ? j->n_stages : 1, sizeof *cl);
    if (!cl)
        return NULL;
    char name[32], num[32];
    n_rows = cjm_stage_rows(j, n_rows < FLOW_MAX_ROWS ? n_rows : FLOW_MAX_ROWS,
                            rows);
    cjm_graph *row_cl[FLOW_MAX_ROWS] = {0};
    for (size_t k = 0; n_rows > 1 && k < n_rows; k++) {
        row_cl[k] = cjm_graph_cluster(g, cjm_node_name(name, "cluster_row", k));
        cjm_graph_set(row_cl[k], "style", "invis");
    }
    for (size_t s = 0; s < j->n_stages; s++) {
        cjm_graph *parent = n_rows > 1 ? row_cl[rows[s]] : g;
        cl[s] = cjm_graph_cluster(parent,
                                  cjm_node_name(name, "cluster_stage", s));
        cjm_str html = {0};
        cjm_str_puts(&html, "<B>");
        cjm_html_wrapped(&html, j->stages[s].name, 24);
        cjm_str_printf(&html, "</B>  <FONT POINT-SIZE=\"%d\">",
                       cjm_pt(look, 9));
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
        char pt[16];
        snprintf(pt, sizeof pt, "%d", cjm_pt(look, 12));
        cjm_graph_set(cl[s], "fontsize", pt);
        if (!html.failed)
            cjm_graph_set_html(cl[s], "label", html.data);
        cjm_str_free(&html);
    }
    return cl;
}

/* Where each touchpoint's row is: the stage's. */
static size_t S_row(const cjm_journey *j, const size_t *rows, size_t t)
{
    return rows[j->tps[t].stage];
}

static void S_markers(cjm_graph *g, cjm_gnode **cards, const cjm_journey *j,
                      const cjm_look *look, const size_t *rows)
{
    char pt[16];
    snprintf(pt, sizeof pt, "%d", cjm_pt(look, 9));
    cjm_gnode *start = cjm_graph_node(g, "start");
    cjm_node_set(start, "shape", "circle");
    cjm_node_set(start, "label", cjm_w(j->lang, W_START));
    cjm_node_set(start, "style", "filled");
    cjm_node_set(start, "fillcolor", "#1f2933");
    cjm_node_set(start, "fontcolor", "white");
    cjm_node_set(start, "fontsize", pt);
    /* One end marker per row, so no exit reaches across the rows. */
    cjm_gnode *ends[FLOW_MAX_ROWS] = {0};
    char name[32];
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (t == 0 || tp->entry)
            cjm_edge_set(cjm_graph_edge(g, start, cards[t]), "style", "bold");
        if (tp->n_next > 0)
            continue;
        size_t k = S_row(j, rows, t);
        if (!ends[k]) {
            ends[k] = cjm_graph_node(g, k ? cjm_node_name(name, "end", k)
                                          : "end");
            cjm_node_set(ends[k], "shape", "doublecircle");
            cjm_node_set(ends[k], "label", cjm_w(j->lang, W_END));
            cjm_node_set(ends[k], "fontsize", pt);
        }
        cjm_edge_set(cjm_graph_edge(g, cards[t], ends[k]), "style", "bold");
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

/* A plain-text stub beside a card, for a link to another row. */
static cjm_gnode *S_stub(cjm_graph *c, size_t *n_stub, const char *html)
{
    char name[32];
    cjm_gnode *n = cjm_graph_node(c, cjm_node_name(name, "cont", (*n_stub)++));
    cjm_node_set(n, "shape", "plaintext");
    cjm_node_set(n, "margin", "0");
    cjm_node_set_html(n, html);
    return n;
}

/* Links within a row are edges; a link to another row would cross the
 * whole picture, so it is not drawn (S_row_stubs marks it). */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    (void)jumps;
    return S_row(j, ctx, t) == S_row(j, ctx, u) ? NAN : INFINITY;
}

/* A link to another row ends in a stub naming its target ("▸ Checkout",
 * "↷ Refund"); the next step also starts the next row with "▸". */
static void S_row_stubs(cjm_graph **cl, cjm_gnode **cards,
                        const cjm_journey *j, const cjm_look *look,
                        const size_t *rows, cjm_graph *g)
{
    size_t n_stub = 0;
    for (size_t t = 0, k = 0, u; cjm_link_next(j, &t, &k, &u);) {
        if (S_row(j, rows, t) == S_row(j, rows, u))
            continue;
        cjm_str s = {0};
        cjm_link_label(&s, j, look, t, u);
        if (!s.failed) {
            cjm_gnode *out = S_stub(cl[j->tps[t].stage], &n_stub, s.data);
            S_link_style(cjm_graph_edge(g, cards[t], out), j, t, u);
        }
        cjm_str_free(&s);
        if (u == t + 1) {
            cjm_gnode *in =
                S_stub(cl[j->tps[u].stage], &n_stub, CJM_ROW_ARROW);
            S_link_style(cjm_graph_edge(g, in, cards[u]), j, t, u);
        }
    }
}

cjm_graph *cjm_view_flow(const cjm_journey *j, const cjm_figures *f,
                         const cjm_look *look, size_t n_rows, const cjm_gv_page *spread)
{
    cjm_look lk = *look;
    lk.free_width = true;
    look = &lk;
    cjm_graph *g = cjm_graph_new("journey_flow");
    size_t *rows = calloc(j->n_stages ? j->n_stages : 1, sizeof *rows);
    cjm_gnode **cards = calloc(j->n_tps ? j->n_tps : 1, sizeof *cards);
    cjm_graph **cl = g && rows ? S_clusters(g, j, f, look, rows, n_rows) : NULL;
    if (!g || !rows || !cards || !cl) {
        free(rows);
        free(cards);
        free(cl);
        cjm_graph_free(g);
        return NULL;
    }
    cjm_graph_defaults(g);
    cjm_graph_set(g, "rankdir", "LR");
    /* A page's rows are drawn tighter, as a printed poster is; a digest,
     * with nothing beside its cards, tighter still. */
    cjm_graph_set(g, "nodesep", look->digest ? "0.15" : "0.3");
    cjm_graph_set(g, "ranksep", look->digest ? "0.25"
                                : n_rows > 1 ? "0.3"
                                             : "0.45");
    if (spread) {
        char ratio[32];
        cjm_snprintf(ratio, sizeof ratio, "%.4f", spread->h / spread->w);
        cjm_graph_set(g, "ratio", ratio);
    }
    cjm_str title = {0};
    /* dot spreads the drawing, not its label: on a page a long title
     * wraps sooner, so it does not make the page's drawing narrow. */
    cjm_title_html(&title, j, f, look, NULL, NULL, look->page ? 50 : 90);
    if (!title.failed) {
        cjm_graph_set_html(g, "label", title.data);
        cjm_graph_set(g, "labelloc", "t");
        cjm_graph_set(g, "labeljust", "l");
    }
    cjm_str_free(&title);
    char name[32];
    /* dot stacks the rows in the reverse of the order their cards are
     * made: the last row's first puts the first row on top. */
    size_t last = j->n_stages ? rows[j->n_stages - 1] : 0;
    for (size_t k = last + 1; k-- > 0;)
        for (size_t t = 0; t < j->n_tps; t++) {
            if (S_row(j, rows, t) != k)
                continue;
            cards[t] = cjm_graph_node(cl[j->tps[t].stage],
                                      cjm_node_name(name, "tp", t));
            cjm_tp_card(cards[t], j, look, t);
        }
    cjm_router router = {NULL, NULL, S_run, rows};
    cjm_draw_routed(g, cards, j, S_link_style, &router);
    S_row_stubs(cl, cards, j, look, rows, g);
    S_markers(g, cards, j, look, rows);
    if (!look->digest)
        S_friction_notes(cl, cards, j);
    free(rows);
    free(cards);
    free(cl);
    return g;
}
