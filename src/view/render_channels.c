/* The channels view: one row per channel (in order of first use), the
 * stage columns of the map, each touchpoint in its channel's row.  `next`
 * links that change channel are drawn heavy and orange, so every switch
 * (research online, buy in store) jumps out. */
#include "channels.h"
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
    ROW_SLACK = 6, /* over and under a page row's cards, for link runs */
    MAX_SHEETS = 6
};

/* On a page the stages wrap into sheets, stacked; each sheet has a row
 * for each channel its touchpoints use, in the journey's order.  All ys
 * from the picture's top. */
typedef struct {
    size_t s0, s1;
    size_t *local; /* per channel row: this sheet's row, or SIZE_MAX */
    double *top, *h; /* per sheet row: its top and height */
    size_t n_rows;
    double header_top, rows_top, bottom, right;
} sheet;

typedef struct {
    sheet sheets[MAX_SHEETS];
    size_t n, *of_stage; /* each stage's sheet */
    size_t *local;       /* storage for the sheets' local rows */
    double *top, *h;     /* storage for the sheets' row tops and heights */
    const double *card_h; /* on a page: each card's height, else NULL */
    const cjm_look *look;
    double extra;         /* spare height given to every row */
    double title_h, height, width;
} layout;


static void S_rows(cjm_graph *g, const cjm_figures *f, const layout *L,
                   size_t k, size_t rows, cjm_lang lang)
{
    /* A digest's label is in its smallest type: the gutter is no wider. */
    int pt = L->look->digest ? 11 : 10;
    char name[32];
    const sheet *S = &L->sheets[k];
    for (size_t r = 0; r < rows; r++) {
        if (S->local[r] == SIZE_MAX)
            continue;
        size_t lr = S->local[r];
        double y = L->height - (S->top[lr] + S->h[lr] / 2);
        cjm_guide_line(g, cjm_row_name(name, "guide", k, (int)lr),
                       CJM_GUTTER - 16, S->right, y);
        cjm_str s = {0};
        const char *glyph, *accent;
        cjm_channel_mark(r < f->n_channels ? f->channels[r].name : NULL, &glyph,
                         &accent);
        /* The row label carries the channel's mark in its accent, as every
         * card on the row does. */
        cjm_str_printf(&s, "<FONT POINT-SIZE=\"%d\" COLOR=\"%s\"><B>%s ",
                       pt, accent, glyph);
        if (r < f->n_channels)
            cjm_html_wrapped(&s, cjm_channel_label(f->channels[r].name, lang),
                             ROW_WRAP);
        else
            cjm_str_puts(&s, cjm_w(lang, W_NO_CHANNEL));
        cjm_str_puts(&s, "</B></FONT>");
        if (!s.failed)
            cjm_text_node(g, cjm_row_name(name, "row", k, (int)lr), s.data,
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

/* Where the cards stand: pinned centres, and the top and bottom of each
 * card's row (all bottom-up), and each card's sheet. */
typedef struct {
    const double *ys, *up, *down;
    const size_t *sheet;
} placed;

/* A link that jumps (a branch ahead, a loop back) runs along the gap
 * between two rows: branches above the rows they join, loops below, so the
 * two never share a path; jumps that share a gap sit a few points apart.
 * A link between two sheets is marked, not drawn. */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    const placed *P = ctx;
    (void)j;
    if (P->sheet[t] != P->sheet[u])
        return INFINITY;
    if (u == t + 1)
        return NAN;
    bool ahead = u > t;
    /* Graphviz's y grows upwards: "above" is the larger y.  A row keeps
     * ROW_SLACK points over and under its cards for these offsets. */
    double run = ahead ? fmax(P->up[t], P->up[u]) : fmin(P->down[t], P->down[u]);
    return run + (ahead ? -1 : 1) * (double)(jumps % 3) * 5;
}

/* The legend's size in the look's type. */
static double S_legend_k(const cjm_look *look)
{
    return look->digest ? 11.0 / 9 : 1;
}

static void S_legend(cjm_graph *g, const cjm_look *look, double x, double y,
                     cjm_lang lang)
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
    cjm_digest_type(&s, look);
    if (!s.failed)
        cjm_text_node(g, "legend", s.data, x, y);
    cjm_str_free(&s);
}

/* A sheet's rows: ROW_H each, or on a page as tall as their tallest card
 * plus room for the links that run between rows (and the spare height). */
static void S_row_heights(layout *L, sheet *S, size_t k, const cjm_journey *j,
                          const cjm_figures *f, size_t rows)
{
    S->top = L->top + k * rows;
    S->h = L->h + k * rows;
    for (size_t r = 0; r < S->n_rows; r++)
        S->h[r] = L->card_h ? 0 : ROW_H;
    for (size_t t = 0; L->card_h && t < j->n_tps; t++)
        if (L->of_stage[j->tps[t].stage] == k) {
            size_t lr = S->local[cjm_channel_row(f, &j->tps[t])];
            S->h[lr] = fmax(S->h[lr], L->card_h[t]);
        }
    double y = S->rows_top;
    for (size_t r = 0; r < S->n_rows; r++) {
        if (L->card_h)
            S->h[r] += 2 * ROW_SLACK + L->extra;
        S->top[r] = y;
        y += S->h[r];
    }
}

/* Stacks the sheets from the title down; returns the picture's height. */
static void S_measure(layout *L, const cjm_journey *j, const cjm_figures *f,
                      const cjm_grid *gr, size_t rows)
{
    double y = L->title_h + 8;
    /* The legend spans a narrow journey. */
    L->width = CJM_GUTTER - 60 + (LEGEND_W - CJM_GUTTER + 60) * S_legend_k(L->look) + 24;
    for (size_t k = 0; k < L->n; k++) {
        sheet *S = &L->sheets[k];
        S->local = L->local + k * rows;
        for (size_t r = 0; r < rows; r++)
            S->local[r] = SIZE_MAX;
        for (size_t t = 0; t < j->n_tps; t++)
            if (L->of_stage[j->tps[t].stage] == k)
                S->local[cjm_channel_row(f, &j->tps[t])] = 0;
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
        S_row_heights(L, S, k, j, f, rows);
        S->bottom = S->top[S->n_rows ? S->n_rows - 1 : 0] +
                    (S->n_rows ? S->h[S->n_rows - 1] : 0) + 6;
        y = S->bottom + SHEET_GAP;
        L->width = fmax(L->width, S->right + 24);
    }
    L->height = y - SHEET_GAP + 14 + LEGEND_H * S_legend_k(L->look);
}

/* For a page: the number of sheets that draws the view largest on the
 * page. */
static void S_fit(layout *L, const cjm_journey *j, const cjm_figures *f,
                  const cjm_grid *gr, size_t rows, const cjm_gv_page *page)
{
    L->extra = 0;
    size_t best = 1;
    double best_z = 0;
    for (size_t n = 1; n <= MAX_SHEETS && n <= j->n_stages; n++) {
        L->n = cjm_stage_rows(j, n, L->of_stage);
        S_measure(L, j, f, gr, rows);
        double z = cjm_gv_page_zoom(page, L->width, L->height);
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
        L->extra = fmin(spare / (double)n_rows, ROW_H / 2.0);
        S_measure(L, j, f, gr, rows);
    }
}

/* The room per touchpoint that spreads the widest sheet over the width
 * the page has to spare once the height decided the size. */
static double S_spread_slot(const layout *L, const cjm_journey *j,
                            const cjm_gv_page *page)
{
    double z = cjm_gv_page_zoom(page, L->width, L->height);
    double spare = (page->w - 2 * page->margin) / z - L->width;
    size_t most = 1;
    for (size_t k = 0; k < L->n; k++) {
        size_t c = 0;
        for (size_t s = L->sheets[k].s0; s < L->sheets[k].s1; s++)
            c += j->stages[s].count ? j->stages[s].count : 1;
        most = c > most ? c : most;
    }
    return fmin(cjm_slot(L->look) + fmax(spare, 0) / (double)most,
                1.5 * CJM_SLOT);
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

/* Each card's estimated height, for the rows on a page. */
static void S_card_heights(const cjm_journey *j, const cjm_look *look,
                           double *card_h)
{
    cjm_graph *g = cjm_graph_new("measure");
    for (size_t t = 0; t < j->n_tps; t++)
        card_h[t] = g ? cjm_tp_card(cjm_graph_node(g, "m"), j, look, t) : 80;
    cjm_graph_free(g);
}

/* The grid and sheets: one sheet sized to the content, or on a page the
 * sheets that draw largest there, spread over the page's spare width.
 * Returns 0 or -1 (out of memory; gr is then freed). */
static int S_lay_out(layout *L, cjm_grid *gr, const cjm_journey *j,
                     const cjm_figures *f, size_t rows,
                     const cjm_gv_page *page)
{
    L->title_h = cjm_title_h(j, L->look);
    if (cjm_grid_init(gr, j, L->look, cjm_slot(L->look)) != 0)
        return -1;
    if (!page) {
        L->card_h = NULL;
        L->n = 1;
        S_measure(L, j, f, gr, rows);
        return 0;
    }
    S_fit(L, j, f, gr, rows, page);
    double slot = S_spread_slot(L, j, page);
    cjm_grid_free(gr);
    if (cjm_grid_init(gr, j, L->look, slot) != 0)
        return -1;
    S_fit(L, j, f, gr, rows, page);
    S_shift(L, j, gr);
    return 0;
}

/* What the view allocates, freed in one place. */
typedef struct {
    cjm_gnode **cards;
    double *ys, *up, *down, *card_h, *top, *h;
    size_t *tp_sheet, *of_stage, *local;
} bufs;

static void S_bufs_free(bufs *b)
{
    free(b->cards);
    free(b->ys);
    free(b->up);
    free(b->down);
    free(b->card_h);
    free(b->top);
    free(b->h);
    free(b->tp_sheet);
    free(b->of_stage);
    free(b->local);
}

static bool S_bufs_new(bufs *b, const cjm_journey *j, size_t rows)
{
    size_t n = j->n_tps ? j->n_tps : 1, sheet_rows = MAX_SHEETS * (rows ? rows : 1);
    *b = (bufs){calloc(n, sizeof *b->cards),    calloc(n, sizeof *b->ys),
                calloc(n, sizeof *b->up),       calloc(n, sizeof *b->down),
                calloc(n, sizeof *b->card_h),   calloc(sheet_rows, sizeof *b->top),
                calloc(sheet_rows, sizeof *b->h), calloc(n, sizeof *b->tp_sheet),
                calloc(j->n_stages ? j->n_stages : 1, sizeof *b->of_stage),
                calloc(sheet_rows, sizeof *b->local)};
    return b->cards && b->ys && b->up && b->down && b->card_h && b->top &&
           b->h && b->tp_sheet && b->of_stage && b->local;
}

cjm_graph *cjm_view_channels(const cjm_journey *j, const cjm_figures *f,
                             const cjm_look *look, const cjm_gv_page *page)
{
    cjm_grid gr;
    size_t rows = f->n_channels + (cjm_has_unchanneled(j) ? 1 : 0);
    bufs b;
    bool ok = S_bufs_new(&b, j, rows);
    cjm_look lk = *look;
    lk.page = page != NULL;
    look = &lk;
    layout L = {.of_stage = b.of_stage, .local = b.local, .top = b.top,
                .h = b.h, .card_h = b.card_h, .look = look};
    if (ok && page)
        S_card_heights(j, look, b.card_h);
    cjm_graph *g = ok ? cjm_graph_new("journey_channels") : NULL;
    if (!g || S_lay_out(&L, &gr, j, f, rows, page) != 0) {
        S_bufs_free(&b);
        cjm_graph_free(g);
        return NULL;
    }
    double height = L.height;

    cjm_graph_defaults(g);
    if (page)
        cjm_graph_edge_default(g, "arrowsize", CJM_ARROW_SIZE);
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
    cjm_title_node(g, j, f, look, extra, NULL, L.width,
                   height - L.title_h / 2);
    for (size_t t = 0; t < j->n_tps; t++) {
        b.cards[t] = cjm_graph_node(g, cjm_node_name(name, "tp", t));
        cjm_tp_card(b.cards[t], j, look, t);
        b.tp_sheet[t] = L.of_stage[j->tps[t].stage];
        const sheet *S = &L.sheets[b.tp_sheet[t]];
        size_t r = S->local[cjm_channel_row(f, &j->tps[t])];
        b.ys[t] = height - (S->top[r] + S->h[r] / 2);
        b.up[t] = height - S->top[r];
        b.down[t] = height - (S->top[r] + S->h[r]);
        cjm_node_pin(b.cards[t], gr.x[t], b.ys[t]);
    }
    placed P = {b.ys, b.up, b.down, b.tp_sheet};
    cjm_router router = {gr.x, b.ys, S_run, &P};
    cjm_draw_routed(g, b.cards, j, S_link_style, &router);
    cjm_mark_row_links(g, j, look, gr.x, b.ys, b.tp_sheet);
    double lw = (LEGEND_W - CJM_GUTTER + 60) * S_legend_k(look);
    S_legend(g, look, CJM_GUTTER - 60 + lw / 2,
             height - (L.height - LEGEND_H * S_legend_k(look) / 2), j->lang);
    cjm_grid_free(&gr);
    S_bufs_free(&b);
    return g;
}
