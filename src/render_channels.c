/* The channels view: one row per channel (in order of first use), the
 * stage columns of the map, each touchpoint in its channel's row.  `next`
 * links that change channel are drawn heavy and orange, so every switch
 * (research online, buy in store) jumps out. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ROW_H = 100,
    LEGEND_H = 40,
    LEGEND_W = CJM_GUTTER - 60 + 720, /* the legend's right edge */
    ROW_WRAP = 14,
    SHEET_GAP = 12,
    MAX_SHEETS = 6,
    PAGE_SLOT = CJM_NODE_W + 7
};

/* On a page the stages wrap into sheets, stacked; each sheet has a row
 * for each channel its touchpoints use, in the journey's order.  All ys
 * from the picture's top. */
typedef struct {
    size_t s0, s1;
    size_t *local; /* per channel row: this sheet's row, or SIZE_MAX */
    size_t n_rows;
    double header_top, rows_top, bottom, right;
} sheet;

typedef struct {
    sheet sheets[MAX_SHEETS];
    size_t n, *of_stage; /* each stage's sheet */
    size_t *local;       /* storage for the sheets' local rows */
    double row_h, title_h, height, width;
} layout;

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

/* Node names of sheet k's pieces: the first sheet keeps the plain ones. */
static const char *S_name(char buf[32], const char *base, size_t r, size_t k)
{
    if (k == 0)
        return cjm_node_name(buf, base, r);
    snprintf(buf, 32, "%s%zu_s%zu", base, r, k);
    return buf;
}

static void S_rows(cjm_graph *g, const cjm_figures *f, const layout *L,
                   size_t k, size_t rows, cjm_lang lang)
{
    char name[32];
    const sheet *S = &L->sheets[k];
    for (size_t r = 0; r < rows; r++) {
        if (S->local[r] == SIZE_MAX)
            continue;
        double y = L->height - (S->rows_top + (S->local[r] + 0.5) * L->row_h);
        cjm_guide_line(g, S_name(name, "guide", S->local[r], k),
                       CJM_GUTTER - 16, S->right, y);
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
            cjm_text_node(g, S_name(name, "row", S->local[r], k), s.data,
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

/* Where the cards stand: pinned centres (bottom-up) and each one's
 * sheet. */
typedef struct {
    const double *ys;
    const size_t *sheet;
    double row_h;
} placed;

/* A link that jumps (a branch ahead, a loop back) runs along the gap
 * between two rows: branches above the rows they join, loops below, so the
 * two never share a path; jumps that share a gap sit a few points apart.
 * A link between two sheets is marked, not drawn. */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    const placed *P = ctx;
    const double *y = P->ys;
    (void)j;
    if (P->sheet[t] != P->sheet[u])
        return INFINITY;
    if (u == t + 1)
        return NAN;
    bool ahead = u > t;
    /* Graphviz's y grows upwards: "above" is the larger y. */
    double run = ahead ? fmax(y[t], y[u]) + P->row_h / 2
                       : fmin(y[t], y[u]) - P->row_h / 2;
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

/* Stacks the sheets from the title down; returns the picture's height. */
static void S_measure(layout *L, const cjm_journey *j, const cjm_figures *f,
                      const cjm_grid *gr, size_t rows)
{
    double y = L->title_h + 8;
    L->width = LEGEND_W + 24; /* the legend spans a narrow journey */
    for (size_t k = 0; k < L->n; k++) {
        sheet *S = &L->sheets[k];
        S->local = L->local + k * rows;
        for (size_t r = 0; r < rows; r++)
            S->local[r] = SIZE_MAX;
        for (size_t t = 0; t < j->n_tps; t++)
            if (L->of_stage[j->tps[t].stage] == k)
                S->local[S_row(f, &j->tps[t])] = 0;
        S->n_rows = 0;
        for (size_t r = 0; r < rows; r++)
            if (S->local[r] != SIZE_MAX)
                S->local[r] = S->n_rows++;
        S->s0 = j->n_stages;
        S->s1 = 0;
        for (size_t s = 0; s < j->n_stages; s++)
            if (L->of_stage[s] == k) {
                S->s0 = S->s0 < s ? S->s0 : s;
                S->s1 = s + 1;
            }
        S->right = S->s1 ? gr->left[S->s1 - 1] + gr->width[S->s1 - 1] -
                               (gr->left[S->s0] - CJM_GUTTER)
                         : CJM_GUTTER;
        S->header_top = y;
        S->rows_top = y + cjm_grid_header_h(gr) + 4;
        S->bottom = S->rows_top + (double)S->n_rows * L->row_h + 6;
        y = S->bottom + SHEET_GAP;
        L->width = fmax(L->width, S->right + 24);
    }
    L->height = y - SHEET_GAP + 14 + LEGEND_H;
}

/* For a page: rows as tall as the tallest card needs, and the number of
 * sheets that draws the view largest on the page. */
static void S_fit(layout *L, const cjm_journey *j, const cjm_figures *f,
                  const cjm_grid *gr, size_t rows, const cjm_gv_page *page,
                  double card_h)
{
    /* Cards of neighbouring rows stand in different columns, so a row
     * needs the tallest card's height (estimated a little high) and a
     * few points for the links running between rows. */
    L->row_h = card_h + 2;
    size_t best = 1;
    double best_z = 0;
    for (size_t n = 1; n <= MAX_SHEETS && n <= j->n_stages; n++) {
        L->n = cjm_stage_rows(j, n, L->of_stage);
        S_measure(L, j, f, gr, rows);
        double z = fmin((page->w - 2 * page->margin) / L->width,
                        (page->h - 2 * page->margin) / L->height);
        if (L->n == n && z > best_z * 1.02) {
            best = n;
            best_z = z;
        }
    }
    L->n = cjm_stage_rows(j, best, L->of_stage);
    S_measure(L, j, f, gr, rows);
    /* Height the page has to spare goes to the rows, so links between
     * them get room; the width decides the size then. */
    size_t n_rows = 0;
    for (size_t k = 0; k < L->n; k++)
        n_rows += L->sheets[k].n_rows;
    double spare = (page->h - 2 * page->margin) / best_z - L->height;
    if (spare > 0 && n_rows > 0) {
        L->row_h = fmin(L->row_h + spare / (double)n_rows, 1.5 * ROW_H);
        S_measure(L, j, f, gr, rows);
    }
}

/* The room per touchpoint that spreads the widest sheet over the width
 * the page has to spare once the height decided the size. */
static double S_spread_slot(const layout *L, const cjm_journey *j,
                            const cjm_gv_page *page)
{
    double z = fmin((page->w - 2 * page->margin) / L->width,
                    (page->h - 2 * page->margin) / L->height);
    double spare = (page->w - 2 * page->margin) / z - L->width;
    size_t most = 1;
    for (size_t k = 0; k < L->n; k++) {
        size_t c = 0;
        for (size_t s = L->sheets[k].s0; s < L->sheets[k].s1; s++)
            c += j->stages[s].count ? j->stages[s].count : 1;
        most = c > most ? c : most;
    }
    return fmin(PAGE_SLOT + fmax(spare, 0) / (double)most, 1.5 * CJM_SLOT);
}

/* Each sheet's stages start at the gutter. */
static void S_shift(const layout *L, const cjm_journey *j, cjm_grid *gr)
{
    for (size_t k = 0; k < L->n; k++) {
        const sheet *S = &L->sheets[k];
        if (S->s1 <= S->s0)
            continue;
        double dx = gr->left[S->s0] - CJM_GUTTER;
        for (size_t s = S->s0; s < S->s1; s++) {
            gr->left[s] -= dx;
            for (size_t t = 0; t < j->stages[s].count; t++)
                gr->x[j->stages[s].first + t] -= dx;
        }
    }
}

static double S_tallest_card(const cjm_journey *j)
{
    double h = 0;
    cjm_graph *g = cjm_graph_new("measure");
    for (size_t t = 0; g && t < j->n_tps; t++)
        h = fmax(h, cjm_tp_card(cjm_graph_node(g, "m"), j, t));
    cjm_graph_free(g);
    return h;
}

/* The grid and sheets: one sheet sized to the content, or on a page the
 * sheets that draw largest there, spread over the page's spare width.
 * Returns 0 or -1 (out of memory; gr is then freed). */
static int S_lay_out(layout *L, cjm_grid *gr, const cjm_journey *j,
                     const cjm_figures *f, size_t rows,
                     const cjm_gv_page *page)
{
    L->title_h = cjm_title_h(j);
    if (cjm_grid_init(gr, j, page ? PAGE_SLOT : CJM_SLOT) != 0)
        return -1;
    if (!page) {
        L->row_h = ROW_H;
        L->n = 1;
        S_measure(L, j, f, gr, rows);
        return 0;
    }
    double card_h = S_tallest_card(j);
    S_fit(L, j, f, gr, rows, page, card_h);
    double slot = S_spread_slot(L, j, page);
    cjm_grid_free(gr);
    if (cjm_grid_init(gr, j, slot) != 0)
        return -1;
    S_fit(L, j, f, gr, rows, page, card_h);
    S_shift(L, j, gr);
    return 0;
}

cjm_graph *cjm_view_channels(const cjm_journey *j, const cjm_figures *f,
                             const cjm_gv_page *page)
{
    cjm_grid gr;
    size_t n = j->n_tps ? j->n_tps : 1;
    size_t rows = f->n_channels + (S_has_unchanneled(j) ? 1 : 0);
    cjm_gnode **cards = calloc(n, sizeof *cards);
    double *ys = calloc(n, sizeof *ys);
    size_t *tp_sheet = calloc(n, sizeof *tp_sheet);
    layout L = {.of_stage = calloc(j->n_stages ? j->n_stages : 1,
                                   sizeof *L.of_stage),
                .local = calloc(MAX_SHEETS * (rows ? rows : 1),
                                sizeof *L.local)};
    cjm_graph *g = cjm_graph_new("journey_channels");
    if (!cards || !ys || !tp_sheet || !L.of_stage || !L.local || !g ||
        S_lay_out(&L, &gr, j, f, rows, page) != 0) {
        free(cards);
        free(ys);
        free(tp_sheet);
        free(L.of_stage);
        free(L.local);
        cjm_graph_free(g);
        return NULL;
    }
    double height = L.height;

    cjm_graph_defaults(g);
    cjm_graph_set(g, "splines", "line");
    cjm_graph_set(g, "outputorder", "nodesfirst");
    for (size_t k = 0; k < L.n; k++) {
        const sheet *S = &L.sheets[k];
        cjm_grid_draw(g, &gr, j, f, NULL, S->s0, S->s1, S->header_top,
                      S->bottom, height);
        S_rows(g, f, &L, k, rows, j->lang);
    }
    char extra[96], name[32];
    snprintf(extra, sizeof extra, "<B>%zu %s</B>", f->channel_switches,
             cjm_w(j->lang, f->channel_switches == 1 ? W_ONE_CHANNEL_SWITCH
                                                     : W_CHANNEL_SWITCHES));
    cjm_title_node(g, j, f, extra, NULL, L.width, height - L.title_h / 2);
    for (size_t t = 0; t < j->n_tps; t++) {
        cards[t] = cjm_graph_node(g, cjm_node_name(name, "tp", t));
        cjm_tp_card(cards[t], j, t);
        tp_sheet[t] = L.of_stage[j->tps[t].stage];
        const sheet *S = &L.sheets[tp_sheet[t]];
        size_t r = S->local[S_row(f, &j->tps[t])];
        ys[t] = height - (S->rows_top + ((double)r + 0.5) * L.row_h);
        cjm_node_pin(cards[t], gr.x[t], ys[t]);
    }
    placed P = {ys, tp_sheet, L.row_h};
    cjm_router router = {gr.x, ys, S_run, &P};
    cjm_draw_routed(g, cards, j, S_link_style, &router);
    cjm_mark_row_links(g, j, gr.x, ys, tp_sheet);
    S_legend(g, CJM_GUTTER - 60 + 360,
             height - (L.height - LEGEND_H / 2.0), j->lang);
    cjm_grid_free(&gr);
    free(cards);
    free(ys);
    free(tp_sheet);
    free(L.of_stage);
    free(L.local);
    return g;
}
