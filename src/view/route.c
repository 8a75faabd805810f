/* route: the `next` links between cards: drawn around the cards when they
 * would cross one, and marked with "▸" / "↷" / "↶" where a page splits
 * the stages into rows. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A jumping link leaves its card vertically, runs along y = run and drops
 * vertically into its target.  Each touchpoint has a column of its own,
 * so the legs meet no other card, and the run lies in a gap between cards.
 * We route these ourselves: Graphviz's splines=curved looks for the
 * centroid of every cycle through each edge by enumerating all paths of
 * the graph, which took minutes for 200 touchpoints (issue 10). */
enum { CHAMFER = 10 };

static cjm_gnode *S_waypoint(cjm_graph *g, size_t *n_way, double x, double y)
{
    char name[32];
    cjm_gnode *w = cjm_graph_node(g, cjm_node_name(name, "way", (*n_way)++));
    cjm_node_set(w, "shape", "point");
    cjm_node_set(w, "width", "0");
    cjm_node_set(w, "style", "invis");
    cjm_node_set(w, "label", "");
    cjm_node_pin(w, x, y);
    return w;
}

static void S_jump(cjm_graph *g, cjm_gnode **cards, const cjm_journey *j,
                   size_t t, size_t u, const double *x, const double *y,
                   double run, size_t *n_way, cjm_link_style style)
{
    double up = run > y[t] ? 1 : -1, down = run > y[u] ? 1 : -1;
    double dir = x[u] > x[t] ? 1 : -1;
    double pts[4][2] = {
        {x[t], run - up * CHAMFER},
        {x[t] + dir * CHAMFER, run},
        {x[u] - dir * CHAMFER, run},
        {x[u], run - down * CHAMFER},
    };
    cjm_gnode *prev = cards[t];
    for (size_t k = 0; k <= 4; k++) {
        cjm_gnode *next =
            k < 4 ? S_waypoint(g, n_way, pts[k][0], pts[k][1]) : cards[u];
        cjm_gedge *e = cjm_graph_edge(g, prev, next);
        style(e, j, t, u);
        if (k < 4)
            cjm_edge_set(e, "arrowhead", "none");
        prev = next;
    }
}

bool cjm_link_next(const cjm_journey *j, size_t *t, size_t *k, size_t *u)
{
    for (; *t < j->n_tps; (*t)++, *k = 0) {
        const cjm_touchpoint *tp = &j->tps[*t];
        while (*k < tp->n_next) {
            int next = tp->next[(*k)++];
            if (next >= 0) {
                *u = (size_t)next;
                return true;
            }
        }
    }
    return false;
}

void cjm_link_label(cjm_str *s, const cjm_journey *j, const cjm_look *look,
                    size_t t, size_t u)
{
    bool step = u == t + 1;
    cjm_str_printf(s, "<FONT POINT-SIZE=\"%d\" COLOR=\"%s\">%s ",
                   cjm_pt(look, 8), step ? "#1f2933" : "#7b3294",
                   step ? "▸" : u > t ? "↷" : "↶");
    cjm_html_wrapped(s, j->tps[u].name ? j->tps[u].name : "",
                     CJM_NAME_WRAP + 4);
    cjm_str_puts(s, "</FONT>");
}

void cjm_draw_routed(cjm_graph *g, cjm_gnode **cards, const cjm_journey *j,
                     cjm_link_style style, const cjm_router *router)
{
    size_t n_way = 0;
    for (size_t t = 0, k = 0, u; cjm_link_next(j, &t, &k, &u);) {
        double run =
            router ? router->run(router->ctx, j, t, u, n_way / 4) : NAN;
        if (isinf(run))
            continue;
        if (isnan(run))
            style(cjm_graph_edge(g, cards[t], cards[u]), j, t, u);
        else
            S_jump(g, cards, j, t, u, router->x, router->y, run, &n_way,
                   style);
    }
}

void cjm_mark_row_links(cjm_graph *g, const cjm_journey *j,
                        const cjm_look *look, const double *x,
                        const double *y, const size_t *row)
{
    double half = cjm_card_w(look) / 2;
    char name[32];
    size_t n_mark = 0;
    for (size_t t = 0, k = 0, u; cjm_link_next(j, &t, &k, &u);) {
        if (row[t] == row[u])
            continue;
        if (u == t + 1) {
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++),
                          CJM_ROW_ARROW, x[t] + half + 9, y[t]);
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++),
                          CJM_ROW_ARROW, x[u] - half - 9, y[u]);
            continue;
        }
        cjm_str s = {0};
        cjm_link_label(&s, j, look, t, u);
        if (!s.failed)
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++), s.data,
                          x[t], y[t] - (look && look->digest ? 44 : 34));
        cjm_str_free(&s);
    }
}
