/* The channels view: one row per channel (in order of first use), the
 * stage columns of the map, each touchpoint in its channel's row.  `next`
 * links that change channel are drawn heavy and orange, so every switch
 * (research online, buy in store) jumps out. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { ROW_H = 100, LEGEND_H = 40, ROW_WRAP = 14 };

/* Row of touchpoint t: its channel's index, or the last row when it has
 * none. */
static size_t S_row(const cjm_figures *f, const cjm_touchpoint *tp)
{
    if (tp->channel)
        for (size_t c = 0; c < f->n_channels; c++)
            if (strcmp(f->channels[c].name, tp->channel) == 0)
                return c;
    return f->n_channels;
}

static bool S_has_unchanneled(const cjm_journey *j)
{
    for (size_t t = 0; t < j->n_tps; t++)
        if (!j->tps[t].channel)
            return true;
    return false;
}

static void S_rows(cjm_graph *g, const cjm_figures *f, const cjm_grid *gr,
                   size_t rows, double top, double height, cjm_lang lang)
{
    char name[32];
    for (size_t r = 0; r < rows; r++) {
        double y = height - (top + (r + 0.5) * ROW_H);
        cjm_guide_line(g, cjm_node_name(name, "guide", r), CJM_GUTTER - 16,
                       gr->right, y);
        cjm_str s = {0};
        const char *glyph, *accent;
        cjm_channel_mark(r < f->n_channels ? f->channels[r].name : NULL, &glyph,
                         &accent);
        /* The row label carries the channel's mark in its accent, as every
         * card on the row does. */
        cjm_str_printf(&s, "<FONT POINT-SIZE=\"10\" COLOR=\"%s\"><B>%s ",
                       accent, glyph);
        if (r < f->n_channels)
            cjm_html_wrapped(&s, f->channels[r].name, ROW_WRAP);
        else
            cjm_str_puts(&s, cjm_w(lang, W_NO_CHANNEL));
        cjm_str_puts(&s, "</B></FONT>");
        if (!s.failed)
            cjm_text_node(g, cjm_node_name(name, "row", r), s.data,
                          CJM_GUTTER / 2.0 - 8, y);
        cjm_str_free(&s);
    }
}

/* Channel switches heavy and orange, the rest grey; jumps dashed. */
static void S_link_style(cjm_gedge *e, const cjm_journey *j, size_t t,
                         size_t u)
{
    const char *a = j->tps[t].channel, *b = j->tps[u].channel;
    bool sw = a && b && strcmp(a, b) != 0;
    cjm_edge_set(e, "color", sw ? "#e66101" : "#8c96a0");
    cjm_edge_set(e, "penwidth", sw ? "2.8" : "1.4");
    if (u != t + 1)
        cjm_edge_set(e, "style", "dashed");
}

/* A link that jumps (a branch ahead, a loop back) runs along the gap
 * between two rows: branches above the rows they join, loops below, so the
 * two never share a path; jumps that share a gap sit a few points apart. */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    const double *y = ctx;
    (void)j;
    if (u == t + 1)
        return NAN;
    bool ahead = u > t;
    /* Graphviz's y grows upwards: "above" is the larger y. */
    double run = ahead ? fmax(y[t], y[u]) + ROW_H / 2.0
                       : fmin(y[t], y[u]) - ROW_H / 2.0;
    return run + (ahead ? -1 : 1) * (double)(jumps % 3) * 5;
}

static void S_legend(cjm_graph *g, double x, double y, cjm_lang lang)
{
    cjm_str s = {0};
    cjm_str_printf(&s,
                   "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\"><TR>"
                   "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#e66101\"><B>━━ %s"
                   "</B></FONT></TD><TD WIDTH=\"12\"></TD>"
                   "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#616e7c\">━━ %s"
                   "</FONT></TD><TD WIDTH=\"12\"></TD>"
                   "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#616e7c\">╍╍ %s"
                   "</FONT></TD><TD WIDTH=\"12\"></TD>"
                   "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#616e7c\">%s</FONT></TD>"
                   "<TD WIDTH=\"12\"></TD><TD><FONT POINT-SIZE=\"9\" "
                   "COLOR=\"#616e7c\">┈┈ %s</FONT></TD></TR></TABLE>",
                   cjm_w(lang, W_CHANNEL_SWITCH), cjm_w(lang, W_SAME_CHANNEL),
                   cjm_w(lang, W_BRANCH_OR_LOOP), cjm_w(lang, W_CARD_COLOUR),
                   cjm_w(lang, W_INDIRECT_CONTACT));
    if (!s.failed)
        cjm_text_node(g, "legend", s.data, x, y);
    cjm_str_free(&s);
}

cjm_graph *cjm_view_channels(const cjm_journey *j, const cjm_figures *f,
                             const cjm_gv_page *page)
{
    (void)page;
    cjm_grid gr;
    size_t n = j->n_tps ? j->n_tps : 1;
    cjm_gnode **cards = calloc(n, sizeof *cards);
    double *ys = calloc(n, sizeof *ys);
    cjm_graph *g = cjm_graph_new("journey_channels");
    if (!cards || !ys || !g || cjm_grid_init(&gr, j, CJM_SLOT) != 0) {
        free(cards);
        free(ys);
        cjm_graph_free(g);
        return NULL;
    }
    size_t rows = f->n_channels + (S_has_unchanneled(j) ? 1 : 0);
    double title_h = cjm_title_h(j), header_top = title_h + 8;
    double rows_top = header_top + cjm_grid_header_h(&gr) + 4;
    double bands_bottom = rows_top + (double)rows * ROW_H + 6;
    double height = bands_bottom + 14 + LEGEND_H, width = gr.right + 24;

    cjm_graph_defaults(g);
    cjm_graph_set(g, "splines", "line");
    cjm_graph_set(g, "outputorder", "nodesfirst");
    cjm_grid_draw(g, &gr, j, f, NULL, 0, j->n_stages, header_top, bands_bottom,
                  height);
    S_rows(g, f, &gr, rows, rows_top, height, j->lang);
    char extra[96], name[32];
    snprintf(extra, sizeof extra, "<B>%zu %s</B>", f->channel_switches,
             cjm_w(j->lang, f->channel_switches == 1 ? W_ONE_CHANNEL_SWITCH
                                                     : W_CHANNEL_SWITCHES));
    cjm_title_node(g, j, f, extra, NULL, width, height - title_h / 2);
    for (size_t t = 0; t < j->n_tps; t++) {
        cards[t] = cjm_graph_node(g, cjm_node_name(name, "tp", t));
        cjm_tp_card(cards[t], j, t);
        size_t r = S_row(f, &j->tps[t]);
        ys[t] = height - (rows_top + (r + 0.5) * ROW_H);
        cjm_node_pin(cards[t], gr.x[t], ys[t]);
    }
    cjm_router router = {gr.x, ys, S_run, ys};
    cjm_draw_routed(g, cards, j, S_link_style, &router);
    S_legend(g, CJM_GUTTER - 60 + 360, height - (bands_bottom + 14 + LEGEND_H / 2.0),
             j->lang);
    cjm_grid_free(&gr);
    free(cards);
    free(ys);
    return g;
}
