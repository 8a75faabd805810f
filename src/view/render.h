/* Shared pieces of the three views (map, flow, channels).  Each view turns
 * a journey into a cjm_graph; render.c lays it out and writes it. */
#ifndef CJM_RENDER_H
#define CJM_RENDER_H

#include "analyse.h"
#include "gv.h"
#include "util.h"

/* The smallest font any view uses in full detail, in points, and the
 * size of card names on a page: what a page's floors are checked against
 * (tests/render/pagefit.awk measures both).  A digest's are cjm_pt's. */
#define CJM_MIN_FONT_PT 8.0
#define CJM_PAGE_NAME_PT 11.0

/* Geometry of the pinned views, in points (1/72 in). */
enum {
    CJM_SLOT = 150,   /* horizontal room per touchpoint */
    CJM_NODE_W = 132, /* touchpoint card width */
    CJM_GUTTER = 120, /* left margin for the scale and row labels */
    CJM_COL_GAP = 8,  /* between stage columns */
    CJM_NAME_WRAP = 18 /* columns of a touchpoint name per line */
};

/* How a drawing speaks: the output options the caller chose
 * (cjm_renderer_set_options), never part of the model.  The language is
 * applied before the views see the journey (j->lang is the one to draw
 * in); the rest reaches the views here. */
typedef struct {
    bool owners; /* cards show each touchpoint's owner */
    /* The digest (spec "Pages and detail"): what a room reads from across
     * it.  Stage headers, the cards (name, channel mark, score, moment of
     * truth frame and one friction mark), the curve; no callouts, KPI
     * lines or owners, and the text set larger (cjm_pt). */
    bool digest;
    bool page; /* laid out for a page: see CJM_PAGE_GAP */
    bool free_width; /* cards may grow wider (the flow: dot spaces them) */
    double min_zoom; /* on a page: the least zoom that meets its floors */
    const char *index_html; /* replaces the title's state and index */
} cjm_look;

/* The size a view sets text in, given its full-detail size in points.  A
 * digest has room for larger type, and needs it: on a 1920 x 1080 slide
 * its drawing comes out near 1:1, where 14 px (10.5 pt) is the least a
 * room reads and card names need 18 px.  So no digest text is under 11 pt
 * and card names (10 pt in full) are 14 pt. */
int cjm_pt(const cjm_look *look, int pt);
/* Raises every POINT-SIZE under 11 in the HTML s to 11 when look is a
 * digest: for labels built in full detail's sizes (legends, the
 * comparison map's badges). */
void cjm_digest_type(cjm_str *s, const cjm_look *look);
/* Line height of text set at cjm_pt(look, pt), as Graphviz draws it (to
 * a point or so). */
double cjm_line_h(const cjm_look *look, int pt);

/* On a page, linked cards stand at least this far apart: a link's
 * arrowhead (CJM_ARROW_PT long) fits between them, wholly outside both
 * cards (a moment of truth's outer frame takes 4 of the gap), with a
 * point of pen to spare. */
#define CJM_ARROW_SIZE "0.5"
enum { CJM_ARROW_PT = 5, CJM_PAGE_GAP = 10 };

/* The renderer: one Graphviz context, and the output options it draws
 * with. */
struct cjm_renderer {
    cjm_gv *gv;
    bool has_lang; /* lang: over the journey's own */
    cjm_lang lang;
    cjm_look look;
    cjm_detail detail;
};

/* j as the renderer draws it: j itself, or *copy (a shallow copy) in the
 * renderer's language.  The model is never changed. */
const cjm_journey *cjm_renderer_shown(const cjm_renderer *r,
                                      const cjm_journey *j, cjm_journey *copy);

/* What the comparison map adds to a card (NULL: a plain card). */
typedef enum { CJM_CARD_PLAIN, CJM_CARD_NEW, CJM_CARD_GHOST } cjm_card_kind;
typedef struct {
    cjm_card_kind kind;
    const char *badge;      /* escaped HTML under the score, or NULL */
    int badge_lines;
    const char *score_text; /* replaces the score, or NULL */
} cjm_card_extra;
double cjm_tp_card_ex(cjm_gnode *n, const cjm_journey *j,
                      const cjm_look *look, size_t t,
                      const cjm_card_extra *x);

/* The size of a page, or NULL for auto (sized to the content). */
const cjm_gv_page *cjm_page_size(cjm_page page);

/* Each view is laid out for `page` (NULL: sized to its content). */
cjm_graph *cjm_view_map(const cjm_journey *j, const cjm_figures *f,
                        const cjm_look *look, const cjm_gv_page *page);

/* What the comparison map draws on top of the map view (render_diff.c):
 * per touchpoint a card extra and where it stood on the old curve. */
typedef struct {
    const cjm_card_extra *cards;
    const bool *old_has;  /* on the old curve */
    const double *old_t;  /* its old score, 0 (worst) to 1 (best) */
    const size_t (*old_links)[2];
    size_t n_old_links;
    const char *const *stage_notes; /* per stage, or NULL */
    const char *index_html;         /* replaces the title's state and index */
    const char *legend_html;        /* more legend cells, <TD>...</TD> */
} cjm_map_overlay;

/* The map view with an overlay (NULL: the plain map). */
cjm_graph *cjm_view_map_with(const cjm_journey *j, const cjm_figures *f,
                             const cjm_look *look, const cjm_map_overlay *ov,
                             const cjm_gv_page *page);
/* The flow view with its stages wrapped into n_rows rows (1: one row;
 * at most 6), spread by dot to the shape of the page `spread` (NULL: as
 * it comes). */
cjm_graph *cjm_view_flow(const cjm_journey *j, const cjm_figures *f,
                         const cjm_look *look, size_t n_rows, const cjm_gv_page *spread);
/* Splits the stages into at most n contiguous rows with touchpoint
 * counts as even as can be: rows[s] is stage s's row.  Returns the number
 * of rows made. */
size_t cjm_stage_rows(const cjm_journey *j, size_t n, size_t *rows);
cjm_graph *cjm_view_channels(const cjm_journey *j, const cjm_figures *f,
                             const cjm_look *look, const cjm_gv_page *page);
/* The channels view's digest (render_lanes.c): a row per touchpoint, a
 * lane per channel. */
cjm_graph *cjm_view_lanes(const cjm_journey *j, const cjm_figures *f,
                          const cjm_look *look, const cjm_gv_page *page);

/* The comparison map of d (render_diff.c) in `look`, laid out for `page`
 * (its drawing is one row: the old curve runs through it); *zoom (may be
 * NULL) is how large it came out.  Returns as cjm_render does. */
int cjm_diff_render_look(cjm_renderer *r, const cjm_diff *d,
                         const cjm_look *look, const char *format,
                         cjm_page page, FILE *out, double *zoom, char *err,
                         size_t errsize);

/* The least zoom at which a drawing in `look` meets the floors of `page`
 * (its smallest text and card names). */
double cjm_floor_zoom(const cjm_look *look, cjm_page page);

/* Lays out and writes a view's graph with `engine`, or writes it as DOT
 * (format "dot").  Returns as cjm_render does. */
int cjm_render_graph(cjm_renderer *r, cjm_graph *g, const char *engine,
                     const char *format, cjm_page page, double *zoom,
                     FILE *out, char *err, size_t errsize);

/* Where a score lies on the journey's scale, 0 (min) to 1 (max). */
double cjm_score_t(const cjm_journey *j, double score);

/* The card of touchpoint t: label, fill by score, moment-of-truth border,
 * tooltip.  Returns the estimated card height in points. */
double cjm_tp_card(cjm_gnode *n, const cjm_journey *j, const cjm_look *look,
                   size_t t);

/* Styles the edge of one `next` link, from touchpoint `from` to `to`. */
typedef void (*cjm_link_style)(cjm_gedge *e, const cjm_journey *j,
                               size_t from, size_t to);
/* Where a link that must not run straight is routed: `run` gives the y
 * (bottom-up points) of the stretch between its legs, NAN to draw it
 * straight, or INFINITY not to draw it (the view marks it otherwise); x
 * and y are the cards' pinned centres. */
typedef struct {
    const double *x, *y;
    double (*run)(const void *ctx, const cjm_journey *j, size_t from,
                  size_t to, size_t n_jumps);
    const void *ctx;
} cjm_router;
/* Draws every resolved `next` link between the cards, styled per view; a
 * link the router places (router may be NULL) is drawn around the cards
 * instead of through them: up or down from its card to y = run, along it,
 * then into its target, through invisible waypoint nodes named way<n>. */
void cjm_draw_routed(cjm_graph *g, cjm_gnode **cards, const cjm_journey *j,
                     cjm_link_style style, const cjm_router *router);

/* Steps through the resolved `next` links in journey order: start with
 * *t = *k = 0; each call gives the next link t -> u, false when done. */
bool cjm_link_next(const cjm_journey *j, size_t *t, size_t *k, size_t *u);
/* The label of a link t -> u that is not drawn as a line: "▸ name" for
 * the next step, "↷ name" for a branch ahead, "↶ name" for a loop back. */
void cjm_link_label(cjm_str *s, const cjm_journey *j, const cjm_look *look,
                    size_t t, size_t u);
/* The mark where the curve leaves a row and picks up on the next. */
#define CJM_ROW_ARROW "<FONT POINT-SIZE=\"16\" COLOR=\"#1f2933\">▸</FONT>"

/* Marks the links between two rows of stages on a page, which are not
 * drawn as lines (they would cross the picture): the next step ends at
 * its card in "▸" and picks up at the next card with another; a branch or
 * loop names its target under its card ("↷ name", "↶ name").  x and y
 * are the cards' pinned centres, row each touchpoint's row. */
void cjm_mark_row_links(cjm_graph *g, const cjm_journey *j,
                        const cjm_look *look, const double *x,
                        const double *y, const size_t *row);

/* Graph-wide defaults every view shares (fonts, margins). */
void cjm_graph_defaults(cjm_graph *g);

/* Title and subtitle (persona, state, index, and `extra`) as HTML;
 * index_html, when not NULL, replaces the state and index. */
void cjm_title_html(cjm_str *s, const cjm_journey *j, const cjm_figures *f,
                    const cjm_look *look, const char *extra,
                    const char *index_html, int wrap);

/* The height of touchpoint t's friction callout, as Graphviz will draw
 * it (to a point or two over). */
double cjm_friction_h(const cjm_touchpoint *tp, int wrap);
/* The friction callout of touchpoint t; returns its estimated height. */
double cjm_friction_card(cjm_gnode *n, const cjm_touchpoint *tp, int wrap,
                         cjm_lang lang);

/* The row (channels view) or lane of touchpoint tp: its channel's index
 * in f->channels, or f->n_channels for a touchpoint without a channel;
 * and whether the journey has such a touchpoint (an extra row). */
size_t cjm_channel_row(const cjm_figures *f, const cjm_touchpoint *tp);
bool cjm_has_unchanneled(const cjm_journey *j);
/* A friction severity's colours, as cards, callouts and legends draw
 * it: its ink (text and border) and its pale fill. */
const char *cjm_sev_ink(cjm_friction_severity sev);
const char *cjm_sev_fill(cjm_friction_severity sev);
/* The highest severity of tp's friction (low when it has none). */
cjm_friction_severity cjm_tp_worst(const cjm_touchpoint *tp);

/* The mark of a channel: a glyph and an accent colour (a neutral one for
 * channels the spec does not name). */
void cjm_channel_mark(const char *channel, const char **glyph,
                      const char **accent);

/* A plain HTML text node pinned at (x, y). */
cjm_gnode *cjm_text_node(cjm_graph *g, const char *name, const char *html,
                         double x, double y);
/* A thin horizontal guide line from x0 to x1 at height y, drawn as a flat
 * node so it stays under the cards. */
void cjm_guide_line(cjm_graph *g, const char *name, double x0, double x1,
                    double y);
/* The title block, left-aligned across `width`, centred at height y. */
void cjm_title_node(cjm_graph *g, const cjm_journey *j, const cjm_figures *f,
                    const cjm_look *look, const char *extra,
                    const char *index_html, double width, double y);
/* The title block's height. */
double cjm_title_h(const cjm_journey *j, const cjm_look *look);

/* Name of a piece of row k of a page (a row of stages, or a sheet): i
 * numbers pieces a row has several of (i < 0: one).  Row 0 keeps the
 * plain names, so a drawing sized to its content is named as before. */
const char *cjm_row_name(char buf[32], const char *base, size_t k, int i);

/* Sets pos="x,y!" (Graphviz y grows upwards). */
void cjm_node_pin(cjm_gnode *n, double x, double y);
/* Node name from a prefix and an index: names never hold user text. */
const char *cjm_node_name(char buf[32], const char *prefix, size_t i);

/* The columns of the pinned views: one per stage, one slot per
 * touchpoint, wide enough for the stage's header. */
typedef struct {
    double *x;      /* centre of each touchpoint's slot */
    double *left;   /* left edge of each stage column */
    double *width;  /* width of each stage column */
    double right;   /* right edge of the last column */
    int header_lines;
    const cjm_look *look; /* the headers' type */
} cjm_grid;

/* slot: the room per touchpoint (cjm_slot). */
int cjm_grid_init(cjm_grid *gr, const cjm_journey *j, const cjm_look *look,
                  double slot);
/* The room per touchpoint: CJM_SLOT, or on a page the card and the gap
 * its link's arrowhead needs (a digest's cards are a little wider). */
double cjm_slot(const cjm_look *look);
/* A card's width. */
double cjm_card_w(const cjm_look *look);
void cjm_grid_free(cjm_grid *gr);
/* Height of the stage header row. */
double cjm_grid_header_h(const cjm_grid *gr);
/* Draws the alternating bands of stages s0 to s1 - 1 from `top` to
 * `bottom` and the stage headers at the top of them (coordinates from the
 * top of a picture `height` points high).  notes (per stage escaped HTML,
 * or NULL) go after each stage's mean. */
void cjm_grid_draw(cjm_graph *g, const cjm_grid *gr, const cjm_journey *j,
                   const cjm_figures *f, const char *const *notes, size_t s0,
                   size_t s1, double top, double bottom, double height);

#endif
