/* The map view: the classic journey-map poster.  Stages are columns, each
 * touchpoint sits in its own slot, placed vertically by its score (the
 * emotion curve); friction hangs below, opportunities at the bottom.  All
 * positions are ours (pinned, laid out by Graphviz's nop2), so the scale on
 * the left lines up with the cards exactly. */
#include "label.h"
#include "render.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

enum {
    PLOT_H = 340,
    PLOT_PAD = 52,  /* from the plot's edge to the best/worst score line */
    ROW_GAP = 12,
    UNSCORED_H = 96,
    UNSCORED_GAP = 12, /* between the unscored lane and the plot */
    CALLOUT_WRAP = 24,
    LEGEND_H = 64
};

typedef struct {
    double title_h, header_top, plot_top, unscored_top, friction_top,
        friction_h, opp_top, opp_h, voice_top, voice_h, bands_bottom,
        legend_top, height, width;
    bool unscored, friction, opportunities, voice;
} layout;

/* Top-down y of a place on the scale, 0 (worst) to 1 (best). */
static double S_t_y(const layout *L, double t)
{
    return L->plot_top + PLOT_PAD + (1 - t) * (PLOT_H - 2 * PLOT_PAD);
}

/* Top-down y of a score. */
static double S_score_y(const layout *L, const cjm_journey *j, double score)
{
    return S_t_y(L, cjm_score_t(j, score));
}

/* A removed touchpoint of the comparison map stands at its old score. */
static bool S_at_old(const cjm_map_overlay *ov, size_t t)
{
    return ov && ov->cards[t].kind == CJM_CARD_GHOST && ov->old_has[t];
}

static double S_est_lines(int lines, double line_h, double pad)
{
    return lines * line_h + pad;
}

/* Rows exist only when something fills them. */
static void S_measure(layout *L, const cjm_journey *j, const cjm_grid *gr,
                      const cjm_map_overlay *ov)
{
    L->title_h = cjm_title_h(j);
    L->header_top = L->title_h + 8;
    L->plot_top = L->header_top + cjm_grid_header_h(gr) + 4;
    for (size_t t = 0; t < j->n_tps; t++)
        L->unscored |= !j->tps[t].has_score && !S_at_old(ov, t);
    /* Unscored touchpoints get a lane of their own above "best": below
     * "worst" the curve would dive to them and they would read as the
     * journey's low point (issue 10). */
    L->unscored_top = L->plot_top;
    if (L->unscored)
        L->plot_top += UNSCORED_H + UNSCORED_GAP;
    double y = L->plot_top + PLOT_H;
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (tp->n_friction) {
            int lines = 0;
            for (size_t k = 0; k < tp->n_friction; k++) {
                const cjm_friction *fr = &tp->friction[k];
                lines += 1 + (cjm_text_width(fr->text) + CALLOUT_WRAP - 1) /
                                 CALLOUT_WRAP;
                if (fr->evidence)
                    lines += (cjm_text_width(fr->evidence) + CALLOUT_WRAP + 1) /
                             (CALLOUT_WRAP + 2);
            }
            double h = S_est_lines(lines, 11.5, 20);
            L->friction = true;
            if (h > L->friction_h)
                L->friction_h = h;
        }
        if (tp->quote) {
            int lines = (cjm_text_width(tp->quote) + 2 + CALLOUT_WRAP - 1) /
                        CALLOUT_WRAP;
            double h = S_est_lines(lines, 11.5, 14);
            L->voice = true;
            if (h > L->voice_h)
                L->voice_h = h;
        }
        if (tp->n_opportunities) {
            int lines = 1;
            for (size_t k = 0; k < tp->n_opportunities; k++)
                lines += (cjm_text_width(tp->opportunities[k]) + 2 +
                          CALLOUT_WRAP - 1) / CALLOUT_WRAP;
            double h = S_est_lines(lines, 11.5, 20);
            L->opportunities = true;
            if (h > L->opp_h)
                L->opp_h = h;
        }
    }
    L->friction_top = y + ROW_GAP;
    if (L->friction)
        y = L->friction_top + L->friction_h + ROW_GAP;
    L->opp_top = y + ROW_GAP;
    if (L->opportunities)
        y = L->opp_top + L->opp_h + ROW_GAP;
    L->voice_top = y + ROW_GAP;
    if (L->voice)
        y = L->voice_top + L->voice_h + ROW_GAP;
    L->bands_bottom = y + 6;
    L->legend_top = L->bands_bottom + 14;
    L->height = L->legend_top + LEGEND_H;
    L->width = gr->right + 24;
}

/* Three thin guide lines (best, middle, worst) and their labels. */
static void S_scale(cjm_graph *g, const layout *L, const cjm_journey *j,
                    const cjm_grid *gr)
{
    double mid = (j->scale_min + j->scale_max) / 2;
    const double values[3] = {j->scale_max, mid, j->scale_min};
    const char *const words[3] = {cjm_w(j->lang, W_BEST), "",
                                  cjm_w(j->lang, W_WORST)};
    char name[32], num[48], html[200];
    for (int i = 0; i < 3; i++) {
        double y = L->height - S_score_y(L, j, values[i]);
        cjm_guide_line(g, cjm_node_name(name, "guide", (size_t)i),
                       CJM_GUTTER - 16, gr->right, y);
        /* HTML labels reject an empty <FONT>: the middle line has none. */
        snprintf(html, sizeof html,
                 "<FONT POINT-SIZE=\"13\" COLOR=\"#3e4c59\"><B>%s</B></FONT>"
                 "%s%s%s",
                 cjm_num(num, values[i], 2, j->lang),
                 *words[i] ? "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#616e7c\">" : "",
                 words[i], *words[i] ? "</FONT>" : "");
        cjm_text_node(g, cjm_node_name(name, "scale", (size_t)i), html,
                    CJM_GUTTER / 2 - 8, y);
    }
}

static void S_row_label(cjm_graph *g, const char *name, const char *text,
                        double x, double y)
{
    char html[200];
    snprintf(html, sizeof html,
             "<FONT POINT-SIZE=\"8.5\" COLOR=\"#52606d\"><B>%s</B></FONT>", text);
    cjm_text_node(g, name, html, x, y);
}

/* The customer's voice: the quote in the language's quotation marks,
 * wrapped, in a speech-like callout under its touchpoint. */
static void S_quote(cjm_graph *g, const cjm_touchpoint *tp, size_t t,
                    double x, double top, double height, cjm_lang lang)
{
    char name[32];
    cjm_str s = {0}, q = {0};
    cjm_str_printf(&q, "%s%s%s", cjm_quote_open(lang), tp->quote,
                   cjm_quote_close(lang));
    cjm_str_puts(&s, "<I>");
    int lines = cjm_html_wrapped(&s, q.failed ? "" : q.data, CALLOUT_WRAP);
    cjm_str_puts(&s, "</I>");
    cjm_gnode *n = cjm_graph_node(g, cjm_node_name(name, "voice", t));
    if (!s.failed)
        cjm_node_set_html(n, s.data);
    cjm_str_free(&s);
    cjm_str_free(&q);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "style", "rounded,filled");
    cjm_node_set(n, "fillcolor", "#f0f4f8");
    cjm_node_set(n, "color", "#9aa5b1");
    cjm_node_set(n, "fontsize", "9");
    cjm_node_set(n, "fontcolor", "#1f2933");
    cjm_node_set(n, "margin", "0.08,0.05");
    double h = S_est_lines(lines, 11.5, 14);
    cjm_node_pin(n, x, height - (top + h / 2));
}

static void S_opportunity(cjm_graph *g, const cjm_touchpoint *tp, size_t t,
                          double x, double top, double height, cjm_lang lang)
{
    char name[32];
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                       "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"7.5\" "
                       "COLOR=\"#238b45\"><B>%s</B></FONT></TD></TR>",
                   cjm_w(lang, W_OPPORTUNITY));
    int lines = 1;
    for (size_t k = 0; k < tp->n_opportunities; k++) {
        cjm_str_puts(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">• ");
        lines += cjm_html_wrapped(&s, tp->opportunities[k], CALLOUT_WRAP - 2);
        cjm_str_puts(&s, "</TD></TR>");
    }
    cjm_str_puts(&s, "</TABLE>");
    cjm_gnode *n = cjm_graph_node(g, cjm_node_name(name, "opp", t));
    if (!s.failed)
        cjm_node_set_html(n, s.data);
    cjm_str_free(&s);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "style", "rounded,filled");
    cjm_node_set(n, "fillcolor", "#e5f5e0");
    cjm_node_set(n, "color", "#41ab5d");
    cjm_node_set(n, "fontsize", "9");
    cjm_node_set(n, "margin", "0.08,0.05");
    double h = S_est_lines(lines, 11.5, 16);
    cjm_node_pin(n, x, height - (top + h / 2));
}

/* The second legend row: the mark of every channel the journey uses, and
 * how indirect contact looks. */
static void S_legend_channels(cjm_str *s, const cjm_journey *j)
{
    cjm_lang L = j->lang;
    cjm_str_printf(s, "<TR><TD COLSPAN=\"30\" ALIGN=\"LEFT\"><FONT "
                      "POINT-SIZE=\"8\"><B>%s</B>  ",
                   cjm_w(L, W_CHANNEL_MARKS));
    for (size_t t = 0; t < j->n_tps; t++) {
        const char *ch = j->tps[t].channel, *glyph, *accent;
        bool seen = false;
        for (size_t u = 0; u < t && !seen; u++)
            seen = j->tps[u].channel && ch && strcmp(j->tps[u].channel, ch) == 0;
        if (!ch || seen)
            continue;
        cjm_channel_mark(ch, &glyph, &accent);
        cjm_str_printf(s, "<FONT COLOR=\"%s\">%s</FONT> ", accent, glyph);
        cjm_html_text(s, ch);
        cjm_str_puts(s, "    ");
    }
    cjm_str_printf(s, "   ┈┈ %s</FONT></TD></TR>", cjm_w(L, W_INDIRECT_CONTACT));
}

static void S_legend(cjm_graph *g, const layout *L, const cjm_journey *j,
                     const cjm_map_overlay *ov)
{
    cjm_str s = {0};
    cjm_lang lang = j->lang;
    char num[48];
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
                       "<TR><TD><FONT POINT-SIZE=\"9\"><B>%s</B></FONT></TD>",
                   cjm_w(lang, W_SCORE));
    for (int k = 0; k < 7; k++) {
        double t = k / 6.0;
        double v = j->scale_min + t * (j->scale_max - j->scale_min);
        cjm_str_printf(&s, "<TD BGCOLOR=\"%s\" WIDTH=\"30\"><FONT "
                           "POINT-SIZE=\"8\" COLOR=\"%s\">%s</FONT></TD>",
                       cjm_score_fill(t), cjm_score_ink(t),
                       cjm_num(num, v, 1, lang));
    }
    cjm_str_printf(&s,
                   "<TD WIDTH=\"12\"></TD>"
                   "<TD BORDER=\"2\" STYLE=\"ROUNDED\"><FONT POINT-SIZE=\"8\">"
                   "<B>★ %s</B></FONT></TD>"
                   "<TD BORDER=\"1\" BGCOLOR=\"#eeeeee\" STYLE=\"DASHED\"><FONT "
                   "POINT-SIZE=\"8\">%s</FONT></TD>"
                   "<TD WIDTH=\"12\"></TD>"
                   "<TD><FONT POINT-SIZE=\"8\"><B>%s</B></FONT></TD>",
                   cjm_w(lang, W_MOMENT_OF_TRUTH), cjm_w(lang, W_NO_SCORE),
                   cjm_w(lang, W_FRICTION));
    static const char *const fills[] = {"#f7f7f7", "#fff3e0", "#fde0d2",
                                        "#fcc5b5"};
    static const char *const inks[] = {"#8c8c8c", "#e08214", "#d6604d",
                                       "#a50f15"};
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_LOW; sev--)
        cjm_str_printf(&s, "<TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"8\" "
                           "COLOR=\"%s\"><B>▲ %s</B></FONT></TD>",
                       fills[sev], inks[sev], cjm_w(lang, W_SEV_LOW + sev));
    cjm_str_printf(&s, "<TD WIDTH=\"12\"></TD>"
                       "<TD><FONT POINT-SIZE=\"8\">━━ %s    ╍╍ %s</FONT></TD>",
                   cjm_w(lang, W_NEXT_STEP), cjm_w(lang, W_BRANCH));
    if (ov && ov->legend_html)
        cjm_str_puts(&s, ov->legend_html);
    cjm_str_puts(&s, "</TR>");
    S_legend_channels(&s, j);
    cjm_str_puts(&s, "</TABLE>");
    if (!s.failed) {
        /* Left-aligned under the gutter; the legend is about 860 points
         * wide. */
        cjm_text_node(g, "legend", s.data, CJM_GUTTER - 60 + 430,
                    L->height - (L->legend_top + LEGEND_H / 2));
    }
    cjm_str_free(&s);
}

/* The following touchpoint is a step even across the ghost cards of the
 * comparison map. */
static bool S_step(const cjm_journey *j, size_t t, size_t u)
{
    return u == t + 1 || (!j->tps[t].has_next && u > t);
}

/* The emotion curve: the next step solid and dark; branches, loops and
 * links to unscored steps dashed purple. */
static void S_curve_style(cjm_gedge *e, const cjm_journey *j, size_t t,
                          size_t u)
{
    bool step = S_step(j, t, u);
    bool scored = j->tps[t].has_score && j->tps[u].has_score;
    /* A link to an unscored step says nothing about feelings: it is
     * faint, so the curve reads as broken there. */
    cjm_edge_set(e, "penwidth", !scored ? "1.2" : step ? "2.6" : "1.6");
    cjm_edge_set(e, "color", !scored ? "#c2a5cf" : step ? "#1f2933" : "#7b3294");
    if (!(step && scored))
        cjm_edge_set(e, "style", "dashed");
}

/* Where the cards stand, for routing the links around them: ys are the
 * pinned centres (bottom-up), top and bottom the plot's highest card top
 * and lowest card bottom (top-down). */
typedef struct {
    double *ys, top, bottom;
} placed;

/* The next step of the curve is a straight line; a branch ahead runs
 * above every card of the plot and a loop back below them all, so neither
 * passes through a card (issue 10).  ctx: the two runs' y, bottom-up. */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    const double *runs = ctx;
    (void)jumps;
    return S_step(j, t, u) ? NAN : u > t ? runs[0] : runs[1];
}

static void S_touchpoints(cjm_graph *g, const layout *L, const cjm_journey *j,
                          const cjm_grid *gr, cjm_gnode **cards,
                          const cjm_map_overlay *ov, placed *P)
{
    char name[32];
    P->top = L->plot_top + PLOT_PAD;
    P->bottom = L->plot_top + PLOT_H - PLOT_PAD;
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        cards[t] = cjm_graph_node(g, cjm_node_name(name, "tp", t));
        double card_h =
            cjm_tp_card_ex(cards[t], j, t, ov ? &ov->cards[t] : NULL);
        bool in_plot = tp->has_score || S_at_old(ov, t);
        double y = tp->has_score    ? S_score_y(L, j, tp->score)
                   : S_at_old(ov, t) ? S_t_y(L, ov->old_t[t])
                                     : L->unscored_top + UNSCORED_H / 2.0;
        if (in_plot) {
            P->top = fmin(P->top, y - card_h / 2);
            P->bottom = fmax(P->bottom, y + card_h / 2);
        }
        P->ys[t] = L->height - y;
        cjm_node_pin(cards[t], gr->x[t], P->ys[t]);
        if (tp->n_friction) {
            cjm_gnode *c = cjm_graph_node(g, cjm_node_name(name, "fr", t));
            double h = cjm_friction_card(c, tp, CALLOUT_WRAP, j->lang);
            cjm_node_pin(c, gr->x[t], L->height - (L->friction_top + 6 + h / 2));
            cjm_gedge *e = cjm_graph_edge(g, cards[t], c);
            cjm_edge_set(e, "style", "dashed");
            cjm_edge_set(e, "arrowhead", "none");
            cjm_edge_set(e, "color", "#b2182b");
        }
        if (tp->n_opportunities)
            S_opportunity(g, tp, t, gr->x[t], L->opp_top + 6, L->height,
                          j->lang);
        if (tp->quote && !(ov && ov->cards[t].kind == CJM_CARD_GHOST))
            S_quote(g, tp, t, gr->x[t], L->voice_top + 6, L->height, j->lang);
    }
}

/* The old curve of the comparison map: muted, dashed, thinner, and drawn
 * before the cards so it passes behind them. */
static void S_old_curve(cjm_graph *g, const layout *L, const cjm_grid *gr,
                        const cjm_map_overlay *ov, size_t n_tps)
{
    char name[32];
    cjm_gnode **pts = calloc(n_tps ? n_tps : 1, sizeof *pts);
    if (!pts)
        return;
    for (size_t t = 0; t < n_tps; t++) {
        if (!ov->old_has[t])
            continue;
        pts[t] = cjm_graph_node(g, cjm_node_name(name, "old", t));
        cjm_node_set(pts[t], "shape", "point");
        cjm_node_set(pts[t], "width", "0.07");
        cjm_node_set(pts[t], "color", "#7b8794");
        cjm_node_pin(pts[t], gr->x[t], L->height - S_t_y(L, ov->old_t[t]));
    }
    for (size_t k = 0; k < ov->n_old_links; k++) {
        size_t a = ov->old_links[k][0], b = ov->old_links[k][1];
        if (!pts[a] || !pts[b])
            continue;
        cjm_gedge *e = cjm_graph_edge(g, pts[a], pts[b]);
        cjm_edge_set(e, "color", "#9aa5b1");
        cjm_edge_set(e, "style", "dashed");
        cjm_edge_set(e, "penwidth", "2");
        cjm_edge_set(e, "arrowhead", "none");
    }
    free(pts);
}

cjm_graph *cjm_view_map(const cjm_journey *j, const cjm_figures *f,
                        const cjm_gv_page *page)
{
    return cjm_view_map_with(j, f, NULL, page);
}

cjm_graph *cjm_view_map_with(const cjm_journey *j, const cjm_figures *f,
                             const cjm_map_overlay *ov,
                             const cjm_gv_page *page)
{
    (void)page;
    cjm_grid gr;
    cjm_gnode **cards = calloc(j->n_tps ? j->n_tps : 1, sizeof *cards);
    placed P = {calloc(j->n_tps ? j->n_tps : 1, sizeof *P.ys), 0, 0};
    cjm_graph *g = cjm_graph_new("journey_map");
    if (!cards || !P.ys || !g || cjm_grid_init(&gr, j) != 0) {
        free(cards);
        free(P.ys);
        cjm_graph_free(g);
        return NULL;
    }
    layout L = {0};
    S_measure(&L, j, &gr, ov);
    cjm_graph_defaults(g);
    cjm_graph_set(g, "splines", "line");
    /* Bands first, then cards, then lines over both.  The comparison map
     * draws in the order things are made instead, so the old curve made
     * before the cards passes behind them. */
    cjm_graph_set(g, "outputorder", ov ? "breadthfirst" : "nodesfirst");
    cjm_grid_draw(g, &gr, j, f, ov ? ov->stage_notes : NULL, L.header_top,
                  L.bands_bottom, L.height);
    S_scale(g, &L, j, &gr);
    double gx = CJM_GUTTER / 2.0 - 8;
    if (L.unscored)
        S_row_label(g, "row_unscored", cjm_w(j->lang, W_NO_SCORE_ROW),
                    gx, L.height - (L.unscored_top + UNSCORED_H / 2.0));
    if (L.friction)
        S_row_label(g, "row_friction", cjm_w(j->lang, W_FRICTION_ROW), gx,
                    L.height - (L.friction_top + 14));
    if (L.opportunities)
        S_row_label(g, "row_opportunities", cjm_w(j->lang, W_OPPORTUNITIES_ROW), gx,
                    L.height - (L.opp_top + 14));
    if (L.voice)
        S_row_label(g, "row_voice", cjm_w(j->lang, W_VOICE_ROW), gx,
                    L.height - (L.voice_top + 14));
    cjm_title_node(g, j, f, NULL, ov ? ov->index_html : NULL, L.width,
                   L.height - L.title_h / 2);
    if (ov)
        S_old_curve(g, &L, &gr, ov, j->n_tps);
    S_touchpoints(g, &L, j, &gr, cards, ov, &P);
    const double runs[2] = {L.height - (P.top - 6), L.height - (P.bottom + 6)};
    cjm_router router = {gr.x, P.ys, S_run, runs};
    cjm_draw_routed(g, cards, j, S_curve_style, &router);
    S_legend(g, &L, j, ov);
    cjm_grid_free(&gr);
    free(cards);
    free(P.ys);
    return g;
}
