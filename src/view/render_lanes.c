/* The channels view's digest: channel lanes.  The full channels view
 * gives every touchpoint a card in its channel's row, a column per
 * touchpoint: twenty touchpoints over eight channels need twenty columns
 * and up to sixteen rows of cards, which no slide shows at a size a room
 * reads.  The digest turns it a quarter: a row per touchpoint (its name,
 * score and friction, on one line where it fits), a lane per channel,
 * and in each row a chip in its channel's lane.  The next steps join the
 * chips, a switch of channel heavy and orange; a branch or a loop is
 * named in its row ("↷ Refund"), as between the rows of a page. */
#include "channels.h"
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    STAGE_W = 150,  /* the stage column */
    NAME_W = 350,   /* the touchpoint column */
    LANE_MAX = 120, /* a channel's lane, at most */
    LANE_MIN = 84,
    CHIP_W = 50,
    CHIP_H = 16, /* a row is at least 27: between two chips in one lane
                    (a moment of truth's frame 4 more) the link leaves room
                    for its arrowhead */
    ROW_PAD = 4,
    HEAD_H = 38,    /* the lanes' heads */
    LEGEND_H = 30,
    NAME_WRAP = 31, /* 14 pt bold in NAME_W, with the score beside it */
    /* The width the lanes share with the two columns: on A4 at 7 pt
     * (11 pt drawn at 0.64), 1264 pt fit. */
    WIDE = 1230
};

/* Full detail's second line: the channel (the chip shows only its mark)
 * and the KPIs. */
static double S_detail_line(cjm_str *s, const cjm_journey *j,
                            const cjm_touchpoint *tp)
{
    cjm_lang L = j->lang;
    cjm_str line = {0};
    cjm_str_puts(&line, tp->channel ? cjm_channel_label(tp->channel, L)
                                    : cjm_w(L, W_NO_CHANNEL));
    if (tp->indirect)
        cjm_str_printf(&line, " (%s)", cjm_w(L, W_INDIRECT));
    cjm_str k = {0};
    cjm_kpi_text(&k, tp->metrics.value, tp->metrics.has, L);
    if (k.data && *k.data)
        cjm_str_printf(&line, " · %s", k.data);
    cjm_str_free(&k);
    cjm_str_puts(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                    "POINT-SIZE=\"8\" COLOR=\"#3e4c59\">");
    int lines = cjm_html_wrapped(s, line.failed ? "" : line.data, 60);
    cjm_str_puts(s, "</FONT></TD></TR>");
    cjm_str_free(&line);
    return lines * cjm_line_h(NULL, 8);
}

/* The label of row t: name, score, friction mark, in full detail the
 * channel and KPIs, and the links that are not drawn.  Returns its
 * height. */
static double S_row_label(cjm_str *s, const cjm_journey *j,
                          const cjm_look *look, size_t t)
{
    const cjm_touchpoint *tp = &j->tps[t];
    char num[48];
    int pt = look->digest ? 14 : (int)CJM_PAGE_NAME_PT;
    cjm_str_printf(s, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\">"
                      "<TR><TD WIDTH=\"340\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                      "<FONT POINT-SIZE=\"%d\"><B>",
                   pt);
    if (tp->moment_of_truth)
        cjm_str_puts(s, "★ ");
    double h = (pt * 1.2 + 1) *
               cjm_wrapped_lines(tp->name, look->digest ? NAME_WRAP : 40);
    cjm_html_wrapped(s, tp->name, look->digest ? NAME_WRAP : 40);
    cjm_str_printf(s, "</B>  %s", tp->has_score
                                      ? cjm_num(num, tp->score, 2, j->lang)
                                      : cjm_w(j->lang, W_NO_SCORE));
    if (tp->n_friction)
        cjm_str_printf(s, "  <FONT COLOR=\"%s\"><B>▲ %zu</B></FONT>",
                       cjm_sev_ink(cjm_tp_worst(tp)), tp->n_friction);
    cjm_str_puts(s, "</FONT></TD></TR>");
    if (!look->digest)
        h += S_detail_line(s, j, tp);
    for (size_t k = 0, u; k < tp->n_next; k++) {
        if (tp->next[k] < 0 || (u = (size_t)tp->next[k]) == t + 1)
            continue;
        cjm_str_puts(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
        cjm_link_label(s, j, look, t, u);
        cjm_str_puts(s, "</TD></TR>");
        h += cjm_line_h(look, 8);
    }
    cjm_str_puts(s, "</TABLE>");
    return h;
}

/* A chip: the touchpoint in its lane, coloured by its score, framed twice
 * for a moment of truth; named tpN, as every view's cards are. */
static cjm_gnode *S_chip(cjm_graph *g, const cjm_journey *j, size_t t,
                         double x, double y)
{
    const cjm_touchpoint *tp = &j->tps[t];
    const char *glyph, *accent;
    char name[32], html[160];
    cjm_channel_mark(tp->channel, &glyph, &accent);
    snprintf(html, sizeof html, "<FONT POINT-SIZE=\"11\" COLOR=\"%s\">%s</FONT>",
             tp->has_score ? "#1a1a1a" : accent, glyph);
    cjm_gnode *n = cjm_graph_node(g, cjm_node_name(name, "tp", t));
    cjm_node_set_html(n, html);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "fixedsize", "true");
    cjm_node_set(n, "width", "0.694");  /* CHIP_W */
    cjm_node_set(n, "height", "0.222"); /* CHIP_H */
    cjm_node_set(n, "style", tp->has_score ? "rounded,filled"
                                           : "rounded,filled,dashed");
    double st = tp->has_score ? cjm_score_t(j, tp->score) : -1;
    cjm_node_set(n, "fillcolor", st >= 0 ? cjm_score_fill(st) : "#eeeeee");
    cjm_node_set(n, "color", "#1f2933");
    cjm_node_set(n, "penwidth", tp->moment_of_truth ? "2.5" : "1");
    if (tp->moment_of_truth)
        cjm_node_set(n, "peripheries", "2");
    cjm_node_pin(n, x, y);
    return n;
}

static void S_lane_heads(cjm_graph *g, const cjm_journey *j,
                         const cjm_figures *f, size_t lanes, double x0,
                         double lane_w, double top, double height)
{
    char name[32];
    for (size_t c = 0; c < lanes; c++) {
        const char *ch = c < f->n_channels ? f->channels[c].name : NULL;
        const char *glyph, *accent;
        cjm_channel_mark(ch, &glyph, &accent);
        cjm_str s = {0};
        cjm_str_printf(&s, "<FONT POINT-SIZE=\"12\" COLOR=\"%s\"><B>%s ",
                       accent, glyph);
        cjm_html_wrapped(&s, ch ? cjm_channel_label(ch, j->lang)
                                : cjm_w(j->lang, W_NO_CHANNEL),
                         (int)(lane_w / 8.5));
        cjm_str_puts(&s, "</B></FONT>");
        if (!s.failed)
            cjm_text_node(g, cjm_node_name(name, "lane", c), s.data,
                          x0 + lane_w * ((double)c + 0.5),
                          height - (top + HEAD_H / 2.0));
        cjm_str_free(&s);
    }
}

/* The stage column: a band per stage over its rows, its name and mean. */
static void S_stages(cjm_graph *g, const cjm_journey *j,
                     const cjm_figures *f, const double *row_top,
                     const double *row_h, double right, double height)
{
    char name[32], num[48];
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        if (!st->count)
            continue;
        double top = row_top[st->first];
        size_t last = st->first + st->count - 1;
        double bottom = row_top[last] + row_h[last];
        cjm_gnode *band = cjm_graph_node(g, cjm_node_name(name, "band", s));
        char w[32], h[32];
        cjm_snprintf(w, sizeof w, "%.3f", right / 72);
        cjm_snprintf(h, sizeof h, "%.3f", (bottom - top) / 72);
        cjm_node_set(band, "shape", "box");
        cjm_node_set(band, "fixedsize", "true");
        cjm_node_set(band, "width", w);
        cjm_node_set(band, "height", h);
        cjm_node_set(band, "style", "filled");
        cjm_node_set(band, "color", s % 2 ? "#e4e9f0" : "#f3f5f8");
        cjm_node_set(band, "fillcolor", s % 2 ? "#e4e9f0" : "#f3f5f8");
        cjm_node_set(band, "label", "");
        cjm_node_pin(band, right / 2, height - (top + bottom) / 2);
        cjm_str l = {0};
        cjm_str_puts(&l, "<FONT POINT-SIZE=\"13\" COLOR=\"#1f2933\"><B>");
        cjm_html_wrapped(&l, st->name, 13);
        cjm_str_printf(&l, "</B></FONT><BR/><FONT POINT-SIZE=\"11\" "
                           "COLOR=\"#3e4c59\">%s %s</FONT>",
                       cjm_w(j->lang, W_MEAN),
                       f->stage_has_mean[s]
                           ? cjm_num(num, f->stage_mean[s], 2, j->lang)
                           : cjm_w(j->lang, W_NO_SCORE));
        if (!l.failed)
            cjm_text_node(g, cjm_node_name(name, "stage", s), l.data,
                          STAGE_W / 2.0, height - (top + 8 + 15));
        cjm_str_free(&l);
    }
}

/* A stage's name and mean take this much of its first rows. */
static double S_stage_h(const cjm_stage *st)
{
    return 17.0 * cjm_wrapped_lines(st->name, 13) + 14 + 10;
}

static void S_link_style(cjm_gedge *e, const cjm_journey *j, size_t t,
                         size_t u)
{
    const char *a = j->tps[t].channel, *b = j->tps[u].channel;
    bool sw = a && b && strcmp(a, b) != 0;
    cjm_edge_set(e, "color", sw ? "#e66101" : "#8c96a0");
    cjm_edge_set(e, "penwidth", sw ? "2.8" : "1.6");
    cjm_edge_set(e, "arrowsize", CJM_ARROW_SIZE);
}

/* Only the next step is drawn: a branch or a loop is named in its row. */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    (void)ctx, (void)j, (void)jumps;
    return u == t + 1 ? NAN : INFINITY;
}

static void S_legend(cjm_graph *g, const cjm_journey *j, double x, double y)
{
    cjm_lang L = j->lang;
    cjm_str s = {0};
    cjm_str_printf(&s,
                   "<FONT POINT-SIZE=\"11\"><FONT COLOR=\"#e66101\"><B>━━ %s"
                   "</B></FONT>     <FONT COLOR=\"#616e7c\">━━ %s     %s     "
                   "★ %s</FONT></FONT>",
                   cjm_w(L, W_CHANNEL_SWITCH), cjm_w(L, W_SAME_CHANNEL),
                   cjm_w(L, W_CARD_COLOUR), cjm_w(L, W_MOMENT_OF_TRUTH));
    if (!s.failed)
        cjm_text_node(g, "legend", s.data, x, y);
    cjm_str_free(&s);
}

cjm_graph *cjm_view_lanes(const cjm_journey *j, const cjm_figures *f,
                          const cjm_look *look, const cjm_gv_page *page)
{
    size_t lanes = f->n_channels + (cjm_has_unchanneled(j) ? 1 : 0), n = j->n_tps;
    double lane_w = fmax(LANE_MIN, fmin(LANE_MAX, (WIDE - STAGE_W - NAME_W) /
                                                      (double)(lanes ? lanes : 1)));
    double *row_top = calloc(n + 1, sizeof *row_top);
    double *row_h = calloc(n + 1, sizeof *row_h);
    cjm_gnode **chips = calloc(n + 1, sizeof *chips);
    cjm_graph *g = cjm_graph_new("journey_channels");
    if (!row_top || !row_h || !chips || !g) {
        free(row_top);
        free(row_h);
        free(chips);
        cjm_graph_free(g);
        return NULL;
    }
    double x0 = STAGE_W + NAME_W, right = x0 + lane_w * (double)lanes;
    double title_h = cjm_title_h(j, look);
    double y = title_h + 8 + HEAD_H;
    /* Rows as tall as their labels; a stage's rows at least as tall as
     * its name.  On a page the rows take the height the page has to
     * spare, up to four times their own. */
    for (size_t t = 0; t < n; t++) {
        cjm_str s = {0};
        row_h[t] = fmax(S_row_label(&s, j, look, t) + 2 * ROW_PAD, 27);
        cjm_str_free(&s);
    }
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        double sum = 0, need = S_stage_h(st);
        for (size_t k = 0; k < st->count; k++)
            sum += row_h[st->first + k];
        for (size_t k = 0; st->count && sum < need && k < st->count; k++)
            row_h[st->first + k] += (need - sum) / (double)st->count;
    }
    double rows = 0;
    for (size_t t = 0; t < n; t++)
        rows += row_h[t];
    double height = y + rows + 10 + LEGEND_H, width = right + 24;
    if (page && rows > 0) {
        double z = cjm_gv_page_zoom(page, width, height);
        double spare = (page->h - 2 * page->margin) / z - height;
        double k = spare > 0 ? fmin(1 + spare / rows, 4) : 1;
        for (size_t t = 0; t < n; t++)
            row_h[t] *= k;
        height += rows * (k - 1);
    }
    for (size_t t = 0; t < n; t++) {
        row_top[t] = y;
        y += row_h[t];
    }
    cjm_graph_defaults(g);
    cjm_graph_set(g, "splines", "line");
    cjm_graph_set(g, "outputorder", "nodesfirst");
    S_stages(g, j, f, row_top, row_h, right, height);
    char extra[96], name[32];
    snprintf(extra, sizeof extra, "<B>%zu %s</B>", f->channel_switches,
             cjm_w(j->lang, f->channel_switches == 1 ? W_ONE_CHANNEL_SWITCH
                                                     : W_CHANNEL_SWITCHES));
    cjm_title_node(g, j, f, look, extra, NULL, width, height - title_h / 2);
    S_lane_heads(g, j, f, lanes, x0, lane_w, title_h + 8, height);
    for (size_t t = 0; t < n; t++) {
        double cy = height - (row_top[t] + row_h[t] / 2);
        cjm_str s = {0};
        S_row_label(&s, j, look, t);
        if (!s.failed)
            cjm_text_node(g, cjm_node_name(name, "label", t), s.data,
                          STAGE_W + NAME_W / 2.0, cy);
        cjm_str_free(&s);
        chips[t] = S_chip(g, j, t,
                          x0 + lane_w * ((double)cjm_channel_row(f, &j->tps[t]) + 0.5),
                          cy);
    }
    cjm_router router = {NULL, NULL, S_run, NULL};
    cjm_draw_routed(g, chips, j, S_link_style, &router);
    S_legend(g, j, right / 2, height - (height - LEGEND_H / 2.0));
    free(row_top);
    free(row_h);
    free(chips);
    return g;
}
