/* The map view: the classic journey-map poster.  Stages are columns, each
 * touchpoint sits in its own slot, placed vertically by its score (the
 * emotion curve); friction hangs below, opportunities at the bottom.  All
 * positions are ours (pinned, laid out by Graphviz's nop2), so the scale on
 * the left lines up with the cards exactly. */
#include "channels.h"
#include "label.h"
#include "render.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

enum {
    PLOT_H = 340,
    PLOT_PAD = 52,  /* from the plot's edge to the best/worst score line */
    ROW_GAP = 12,
    /* On a page the map is drawn tighter, as a printed poster is: */
    PAGE_PLOT_MIN = 150, /* the least height of the score band */
    PAGE_PLOT_PAD = 34,
    PAGE_ROW_GAP = 4,
    DIGEST_PLOT_PAD = 40, /* half a digest card, and a little */
    DIGEST_PLOT_MIN = 110, /* the pads and a 30 pt spread */
    SHEET_GAP = 10, /* between the rows of stages */
    UNSCORED_H = 96,
    UNSCORED_GAP = 12, /* between the unscored lane and the plot */
    CALLOUT_WRAP = 24,
    LEGEND_H = 44,
    LEGEND_X = 10, /* the legend's left edge */
    MAX_ROWS = 6
};

/* One row of stages: on a page the stages wrap into rows like lines of
 * text, each with its own header, score band and callout rows.  All ys
 * are from the picture's top. */
typedef struct {
    size_t s0, s1, t0, t1; /* its stages and touchpoints */
    double header_top, plot_top, plot_h, unscored_top, friction_top,
        friction_h, opp_top, opp_h, voice_top, voice_h, bands_bottom, right;
    double pad, gap; /* the plot's pad, the gap around callout rows */
    bool unscored, friction, opportunities, voice;
} layout;

typedef struct {
    layout rows[MAX_ROWS];
    size_t n_rows;
    const cjm_look *look;
    double title_h, legend_top, legend_w, height, width;
    double pad, gap; /* each row's */
} sheet;

/* Top-down y of a place on the scale, 0 (worst) to 1 (best). */
static double S_t_y(const layout *L, double t)
{
    return L->plot_top + L->pad + (1 - t) * (L->plot_h - 2 * L->pad);
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

/* Heights as Graphviz draws these callouts (see cjm_friction_h): an
 * 8 pt heading 10 pt, 9 pt lines 11 pt, at least half an inch. */
static double S_opp_h(const cjm_touchpoint *tp)
{
    double h = 22;
    for (size_t k = 0; k < tp->n_opportunities; k++)
        h += 11 * cjm_wrapped_lines(tp->opportunities[k], CALLOUT_WRAP - 2);
    return fmax(h, 36);
}

static double S_voice_h(const cjm_touchpoint *tp, cjm_lang lang)
{
    cjm_str q = {0};
    cjm_str_printf(&q, "%s%s%s", cjm_quote_open(lang), tp->quote,
                   cjm_quote_close(lang));
    double h = 10 + 11 * cjm_wrapped_lines(q.failed ? "" : q.data,
                                           CALLOUT_WRAP);
    cjm_str_free(&q);
    return fmax(h, 36);
}

/* Lays out one row from `top` with a score band plot_h high; rows exist
 * only when something in this row fills them.  Returns its bottom. */
static double S_measure_row(layout *L, const cjm_journey *j,
                            const cjm_grid *gr, const cjm_map_overlay *ov,
                            const cjm_look *look, double top, double plot_h)
{
    L->friction_h = L->opp_h = L->voice_h = 0;
    L->unscored = L->friction = L->opportunities = L->voice = false;
    L->plot_h = plot_h;
    L->header_top = top;
    L->plot_top = L->header_top + cjm_grid_header_h(gr) + 4;
    for (size_t t = L->t0; t < L->t1; t++)
        L->unscored |= !j->tps[t].has_score && !S_at_old(ov, t);
    /* Unscored touchpoints get a lane of their own above "best": below
     * "worst" the curve would dive to them and they would read as the
     * journey's low point (issue 10). */
    L->unscored_top = L->plot_top;
    if (L->unscored)
        L->plot_top += UNSCORED_H + UNSCORED_GAP;
    for (size_t t = L->t0; t < L->t1 && !look->digest; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (tp->n_friction) {
            L->friction = true;
            L->friction_h =
                fmax(L->friction_h, cjm_friction_h(tp, CALLOUT_WRAP));
        }
        if (tp->quote) {
            L->voice = true;
            L->voice_h = fmax(L->voice_h, S_voice_h(tp, j->lang));
        }
        if (tp->n_opportunities) {
            L->opportunities = true;
            L->opp_h = fmax(L->opp_h, S_opp_h(tp));
        }
    }
    double y = L->plot_top + L->plot_h, gap = L->gap;
    L->friction_top = y + gap;
    if (L->friction)
        y = L->friction_top + L->friction_h + gap;
    L->opp_top = y + gap;
    if (L->opportunities)
        y = L->opp_top + L->opp_h + gap;
    L->voice_top = y + gap;
    if (L->voice)
        y = L->voice_top + L->voice_h + gap;
    L->bands_bottom = y + 6;
    return L->bands_bottom;
}

/* Two rows of legend, in the type of the look. */
static double S_legend_h(const cjm_look *look)
{
    return look->digest ? 1.2 * LEGEND_H * 11.0 / 8 : LEGEND_H;
}

/* The legend's width, from its words (DejaVu Sans at 8 pt is about 5.4
 * pt a character; the rest is its fixed cells, measured once): it is
 * placed by its left edge and widens the picture when it must.  A
 * digest's legend is set in 11 pt and has no link or contact cells. */
static double S_legend_w(const cjm_journey *j, const cjm_look *look)
{
    double k = look->digest ? 11.0 / 8 : 1; /* the type's size */
    cjm_lang L = j->lang;
    int scale = cjm_text_width(cjm_w(L, W_SCORE)) +
                cjm_text_width(cjm_w(L, W_MOMENT_OF_TRUTH)) + 2 +
                cjm_text_width(cjm_w(L, W_NO_SCORE));
    int friction = cjm_text_width(cjm_w(L, W_FRICTION)) +
                   cjm_text_width(cjm_w(L, W_NEXT_STEP)) +
                   cjm_text_width(cjm_w(L, W_BRANCH)) + 11;
    for (int sev = CJM_SEV_LOW; sev <= CJM_SEV_CRITICAL; sev++)
        friction += cjm_text_width(cjm_w(L, W_SEV_LOW + sev)) + 2;
    int row1 = scale + friction;
    int row2 = cjm_text_width(cjm_w(L, W_CHANNEL_MARKS)) +
               cjm_text_width(cjm_w(L, W_INDIRECT_CONTACT)) + 9;
    for (size_t t = 0; t < j->n_tps; t++) {
        const char *ch = j->tps[t].channel;
        bool seen = !ch;
        for (size_t u = 0; u < t && !seen; u++)
            seen = j->tps[u].channel && strcmp(j->tps[u].channel, ch) == 0;
        if (!seen)
            row2 += cjm_text_width(cjm_channel_label(ch, L)) + 6;
    }
    if (look->digest) /* scale, friction and channels each a row */
        return k * fmax(fmax(250 + 5.4 * scale, 60 + 5.4 * friction),
                        20 + 5.4 * row2);
    return fmax(k * (284 + 5.4 * row1), k * (20 + 5.4 * row2));
}

/* Stacks the rows from the title down with the same score band height,
 * and finds the picture's size. */
static void S_measure(sheet *S, const cjm_journey *j, const cjm_grid *gr,
                      const cjm_map_overlay *ov, double plot_h)
{
    S->title_h = cjm_title_h(j, S->look);
    double y = S->title_h + 8;
    /* The legend under the rows is as wide as a narrow journey's
     * columns may not be; the title block spans the picture. */
    S->width = LEGEND_X + S->legend_w + 24;
    for (size_t k = 0; k < S->n_rows; k++) {
        layout *L = &S->rows[k];
        L->pad = S->pad;
        L->gap = S->gap;
        y = S_measure_row(L, j, gr, ov, S->look, y, plot_h) + SHEET_GAP;
        S->width = fmax(S->width, L->right + 24);
    }
    S->legend_top = y - SHEET_GAP + 14;
    S->height = S->legend_top + S_legend_h(S->look);
}

/* The stages in n rows of touchpoint counts as even as can be (so of
 * widths: a stage is a slot per touchpoint wide); of_stage is scratch. */
static void S_rows(sheet *S, const cjm_journey *j, const cjm_grid *gr,
                   size_t n, size_t *of_stage)
{
    S->n_rows = cjm_stage_rows(j, n, of_stage);
    for (size_t k = 0; k < S->n_rows; k++) {
        layout *L = &S->rows[k];
        L->s0 = j->n_stages;
        L->s1 = 0;
        for (size_t s = 0; s < j->n_stages; s++)
            if (of_stage[s] == k) {
                L->s0 = L->s0 < s ? L->s0 : s;
                L->s1 = s + 1;
            }
        L->t0 = j->stages[L->s0].first;
        L->t1 = j->stages[L->s1 - 1].first + j->stages[L->s1 - 1].count;
        L->right = CJM_GUTTER + gr->left[L->s1 - 1] + gr->width[L->s1 - 1] -
                   gr->left[L->s0];
    }
}

/* For a page: the number of rows that lets the drawing be largest on it
 * (so its text is), then the score band takes the height left over. */
static void S_fit(sheet *S, const cjm_journey *j, const cjm_grid *gr,
                  const cjm_map_overlay *ov, const cjm_gv_page *page,
                  size_t *of_stage)
{
    double plot_min = S->look->digest ? DIGEST_PLOT_MIN : PAGE_PLOT_MIN;
    size_t best = 1;
    double best_z = 0, zs[MAX_ROWS + 1] = {0};
    for (size_t n = 1; n <= MAX_ROWS && n <= j->n_stages; n++) {
        S_rows(S, j, gr, n, of_stage);
        if (S->n_rows != n)
            continue;
        S_measure(S, j, gr, ov, plot_min);
        double z = zs[n] = cjm_gv_page_zoom(page, S->width, S->height);
        if (z > best_z * 1.02) {
            best = n;
            best_z = z;
        }
    }
    /* Fewer rows leave each a taller score band, so a clearer emotion
     * curve: the fewest that draw within a tenth of the largest, and
     * over the page's floors, win. */
    for (size_t n = 1; n < best; n++)
        if (zs[n] >= 0.9 * best_z && zs[n] >= S->look->min_zoom) {
            best = n;
            best_z = zs[n];
            break;
        }
    S_rows(S, j, gr, best, of_stage);
    S_measure(S, j, gr, ov, plot_min);
    double spare = (page->h - 2 * page->margin) / best_z - S->height;
    if (spare > 0)
        S_measure(S, j, gr, ov,
                  plot_min + fmin(spare / (double)S->n_rows, 2 * PLOT_H));
}

/* Shifts each row's stages to start at the gutter. */
static void S_shift(const sheet *S, cjm_grid *gr)
{
    for (size_t k = 0; k < S->n_rows; k++) {
        const layout *L = &S->rows[k];
        double dx = gr->left[L->s0] - CJM_GUTTER;
        for (size_t s = L->s0; s < L->s1; s++)
            gr->left[s] -= dx;
        for (size_t t = L->t0; t < L->t1; t++)
            gr->x[t] -= dx;
    }
}

/* Three thin guide lines (best, middle, worst) and their labels. */
static void S_scale(cjm_graph *g, const sheet *S, size_t k,
                    const cjm_journey *j)
{
    const cjm_look *look = S->look;
    const layout *L = &S->rows[k];
    double mid = (j->scale_min + j->scale_max) / 2;
    const double values[3] = {j->scale_max, mid, j->scale_min};
    const char *const words[3] = {cjm_w(j->lang, W_BEST), "",
                                  cjm_w(j->lang, W_WORST)};
    char name[32], num[48], html[200];
    for (int i = 0; i < 3; i++) {
        double y = S->height - S_score_y(L, j, values[i]);
        cjm_guide_line(g, cjm_row_name(name, "guide", k, i),
                       CJM_GUTTER - 16, L->right, y);
        /* HTML labels reject an empty <FONT>: the middle line has none. */
        /* A digest's score band can be short: its word goes beside the
         * number, so the three labels never overlap. */
        char small[80];
        snprintf(small, sizeof small,
                 "%s<FONT POINT-SIZE=\"%d\" COLOR=\"#616e7c\">%s",
                 look->digest ? "" : "<BR/>", cjm_pt(look, 8),
                 look->digest ? " " : "");
        snprintf(html, sizeof html,
                 "<FONT POINT-SIZE=\"%d\" COLOR=\"#3e4c59\"><B>%s</B></FONT>"
                 "%s%s%s",
                 cjm_pt(look, 13), cjm_num(num, values[i], 2, j->lang),
                 *words[i] ? small : "", words[i], *words[i] ? "</FONT>" : "");
        cjm_text_node(g, cjm_row_name(name, "scale", k, i), html,
                      CJM_GUTTER / 2 - 8, y);
    }
}

static void S_row_label(cjm_graph *g, const cjm_look *look, const char *name,
                        const char *text, double x, double y)
{
    char html[200];
    snprintf(html, sizeof html,
             "<FONT POINT-SIZE=\"%d\" COLOR=\"#52606d\"><B>%s</B></FONT>",
             cjm_pt(look, 8), text);
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
    cjm_html_wrapped(&s, q.failed ? "" : q.data, CALLOUT_WRAP);
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
    double h = S_voice_h(tp, lang);
    cjm_node_pin(n, x, height - (top + h / 2));
}

static void S_opportunity(cjm_graph *g, const cjm_touchpoint *tp, size_t t,
                          double x, double top, double height, cjm_lang lang)
{
    char name[32];
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                       "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" "
                       "COLOR=\"#238b45\"><B>%s</B></FONT></TD></TR>",
                   cjm_w(lang, W_OPPORTUNITY));
    for (size_t k = 0; k < tp->n_opportunities; k++) {
        cjm_str_puts(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">• ");
        cjm_html_wrapped(&s, tp->opportunities[k], CALLOUT_WRAP - 2);
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
    double h = S_opp_h(tp);
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
        cjm_html_text(s, cjm_channel_label(ch, L));
        cjm_str_puts(s, "    ");
    }
    cjm_str_printf(s, "   ┈┈ %s</FONT></TD></TR>", cjm_w(L, W_INDIRECT_CONTACT));
}

/* The legend's cells for the score colours and card frames. */
static void S_legend_scale(cjm_str *s, const cjm_journey *j)
{
    cjm_lang lang = j->lang;
    char num[48];
    cjm_str_printf(s, "<TD><FONT POINT-SIZE=\"9\"><B>%s</B></FONT></TD>",
                   cjm_w(lang, W_SCORE));
    for (int k = 0; k < 7; k++) {
        double t = k / 6.0;
        double v = j->scale_min + t * (j->scale_max - j->scale_min);
        cjm_str_printf(s, "<TD BGCOLOR=\"%s\" WIDTH=\"30\"><FONT "
                           "POINT-SIZE=\"8\" COLOR=\"%s\">%s</FONT></TD>",
                       cjm_score_fill(t), cjm_score_ink(t),
                       cjm_num(num, v, 1, lang));
    }
    cjm_str_printf(s,
                   "<TD WIDTH=\"12\"></TD>"
                   "<TD BORDER=\"2\" STYLE=\"ROUNDED\"><FONT POINT-SIZE=\"8\">"
                   "<B>★ %s</B></FONT></TD>"
                   "<TD BORDER=\"1\" BGCOLOR=\"#eeeeee\" STYLE=\"DASHED\"><FONT "
                   "POINT-SIZE=\"8\">%s</FONT></TD>",
                   cjm_w(lang, W_MOMENT_OF_TRUTH), cjm_w(lang, W_NO_SCORE));
}

/* The legend's cells for friction and the curve's lines. */
static void S_legend_friction(cjm_str *s, const cjm_journey *j,
                              const cjm_map_overlay *ov)
{
    cjm_lang lang = j->lang;
    cjm_str_printf(s, "<TD><FONT POINT-SIZE=\"8\"><B>%s</B></FONT></TD>",
                   cjm_w(lang, W_FRICTION));
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_LOW; sev--)
        cjm_str_printf(s, "<TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"8\" "
                           "COLOR=\"%s\"><B>▲ %s</B></FONT></TD>",
                       cjm_sev_fill(sev), cjm_sev_ink(sev),
                       cjm_w(lang, W_SEV_LOW + sev));
    cjm_str_printf(s, "<TD WIDTH=\"12\"></TD>"
                       "<TD><FONT POINT-SIZE=\"8\">━━ %s    ╍╍ %s</FONT></TD>",
                   cjm_w(lang, W_NEXT_STEP), cjm_w(lang, W_BRANCH));
    if (ov && ov->legend_html)
        cjm_str_puts(s, ov->legend_html);
}

#define LEGEND_TABLE "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">"

/* Full detail's legend is two rows; a digest's, in larger type, three
 * (scale, friction, channels), so it is no wider than its cards. */
static void S_legend(cjm_graph *g, const sheet *L, const cjm_journey *j,
                     const cjm_map_overlay *ov)
{
    cjm_str s = {0};
    if (L->look->digest) {
        cjm_str_puts(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" "
                         "CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">"
                         LEGEND_TABLE "<TR>");
        S_legend_scale(&s, j);
        cjm_str_puts(&s, "</TR></TABLE></TD></TR><TR><TD ALIGN=\"LEFT\">"
                         LEGEND_TABLE "<TR>");
        S_legend_friction(&s, j, ov);
        cjm_str_puts(&s, "</TR></TABLE></TD></TR><TR><TD ALIGN=\"LEFT\">"
                         LEGEND_TABLE);
        S_legend_channels(&s, j);
        cjm_str_puts(&s, "</TABLE></TD></TR></TABLE>");
        cjm_digest_type(&s, L->look);
    } else {
        cjm_str_puts(&s, LEGEND_TABLE "<TR>");
        S_legend_scale(&s, j);
        cjm_str_puts(&s, "<TD WIDTH=\"12\"></TD>");
        S_legend_friction(&s, j, ov);
        cjm_str_puts(&s, "</TR>");
        S_legend_channels(&s, j);
        cjm_str_puts(&s, "</TABLE>");
    }
    if (!s.failed)
        cjm_text_node(g, "legend", s.data, LEGEND_X + L->legend_w / 2,
                      L->height - (L->legend_top + S_legend_h(L->look) / 2));
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
 * pinned centres (bottom-up); per row, top and bottom are the plot's
 * highest card top and lowest card bottom (top-down) and runs the ys
 * (bottom-up) of the stretches above and below the cards. */
typedef struct {
    double *ys;
    size_t *row; /* each touchpoint's row */
    double top[MAX_ROWS], bottom[MAX_ROWS], runs[MAX_ROWS][2];
} placed;

/* The next step of the curve is a straight line; a branch ahead runs
 * above every card of the plot and a loop back below them all, so neither
 * passes through a card (issue 10).  A link between two rows of a page is
 * not drawn as a line: it is marked at both cards (S_row_links). */
static double S_run(const void *ctx, const cjm_journey *j, size_t t,
                    size_t u, size_t jumps)
{
    const placed *P = ctx;
    (void)jumps;
    if (P->row[t] != P->row[u])
        return INFINITY;
    return S_step(j, t, u) ? NAN : P->runs[P->row[t]][u > t ? 0 : 1];
}

static void S_touchpoints(cjm_graph *g, const sheet *S, const cjm_journey *j,
                          const cjm_look *look, const cjm_grid *gr, cjm_gnode **cards,
                          const cjm_map_overlay *ov, placed *P)
{
    char name[32];
    for (size_t k = 0; k < S->n_rows; k++) {
        const layout *L = &S->rows[k];
        P->top[k] = L->plot_top + L->pad;
        P->bottom[k] = L->plot_top + L->plot_h - L->pad;
        for (size_t t = L->t0; t < L->t1; t++)
            P->row[t] = k;
    }
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        size_t k = P->row[t];
        const layout *L = &S->rows[k];
        cards[t] = cjm_graph_node(g, cjm_node_name(name, "tp", t));
        double card_h =
            cjm_tp_card_ex(cards[t], j, look, t, ov ? &ov->cards[t] : NULL);
        bool in_plot = tp->has_score || S_at_old(ov, t);
        double y = tp->has_score    ? S_score_y(L, j, tp->score)
                   : S_at_old(ov, t) ? S_t_y(L, ov->old_t[t])
                                     : L->unscored_top + UNSCORED_H / 2.0;
        if (in_plot) {
            P->top[k] = fmin(P->top[k], y - card_h / 2);
            P->bottom[k] = fmax(P->bottom[k], y + card_h / 2);
        }
        P->ys[t] = S->height - y;
        cjm_node_pin(cards[t], gr->x[t], P->ys[t]);
        if (look->digest)
            continue;
        if (tp->n_friction) {
            cjm_gnode *c = cjm_graph_node(g, cjm_node_name(name, "fr", t));
            double h = cjm_friction_card(c, tp, CALLOUT_WRAP, j->lang);
            cjm_node_pin(c, gr->x[t], S->height - (L->friction_top + 6 + h / 2));
            cjm_gedge *e = cjm_graph_edge(g, cards[t], c);
            cjm_edge_set(e, "style", "dashed");
            cjm_edge_set(e, "arrowhead", "none");
            cjm_edge_set(e, "color", "#b2182b");
        }
        if (tp->n_opportunities)
            S_opportunity(g, tp, t, gr->x[t], L->opp_top + 6, S->height,
                          j->lang);
        if (tp->quote && !(ov && ov->cards[t].kind == CJM_CARD_GHOST))
            S_quote(g, tp, t, gr->x[t], L->voice_top + 6, S->height, j->lang);
    }
    for (size_t k = 0; k < S->n_rows; k++) {
        P->runs[k][0] = S->height - (P->top[k] - 6);
        P->runs[k][1] = S->height - (P->bottom[k] + 6);
    }
}

/* The old curve of the comparison map: muted, dashed, thinner, and drawn
 * before the cards so it passes behind them. */
static void S_old_curve(cjm_graph *g, const sheet *S, const cjm_grid *gr,
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
        cjm_node_pin(pts[t], gr->x[t],
                     S->height - S_t_y(&S->rows[0], ov->old_t[t]));
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

/* The row labels in the gutter, for the rows this row of stages has. */
static void S_row_labels(cjm_graph *g, const sheet *S, size_t k,
                         const cjm_journey *j)
{
    const layout *L = &S->rows[k];
    char name[32];
    double gx = CJM_GUTTER / 2.0 - 8, h = S->height;
    if (L->unscored)
        S_row_label(g, S->look, cjm_row_name(name, "row_unscored", k, -1),
                    cjm_w(j->lang, W_NO_SCORE_ROW), gx,
                    h - (L->unscored_top + UNSCORED_H / 2.0));
    if (L->friction)
        S_row_label(g, S->look, cjm_row_name(name, "row_friction", k, -1),
                    cjm_w(j->lang, W_FRICTION_ROW), gx,
                    h - (L->friction_top + 14));
    if (L->opportunities)
        S_row_label(g, S->look, cjm_row_name(name, "row_opportunities", k, -1),
                    cjm_w(j->lang, W_OPPORTUNITIES_ROW), gx,
                    h - (L->opp_top + 14));
    if (L->voice)
        S_row_label(g, S->look, cjm_row_name(name, "row_voice", k, -1),
                    cjm_w(j->lang, W_VOICE_ROW), gx, h - (L->voice_top + 14));
}

cjm_graph *cjm_view_map(const cjm_journey *j, const cjm_figures *f,
                        const cjm_look *look, const cjm_gv_page *page)
{
    return cjm_view_map_with(j, f, look, NULL, page);
}

/* The sheet: one row of stages sized to the content, or on a page as
 * many rows as draw it largest there.  The comparison map stays one row:
 * its old curve runs across all stages. */
static void S_sheet(sheet *S, const cjm_journey *j, cjm_grid *gr,
                    const cjm_map_overlay *ov, const cjm_gv_page *page)
{
    S->legend_w = S_legend_w(j, S->look);
    size_t *of_stage = page && !ov && j->n_stages
                           ? calloc(j->n_stages, sizeof *of_stage)
                           : NULL;
    if (of_stage) {
        S->pad = S->look->digest ? DIGEST_PLOT_PAD : PAGE_PLOT_PAD;
        S->gap = PAGE_ROW_GAP;
        S_fit(S, j, gr, ov, page, of_stage);
        S_shift(S, gr);
        free(of_stage);
        return;
    }
    S->pad = PLOT_PAD;
    S->gap = ROW_GAP;
    S->n_rows = 1;
    S->rows[0].s0 = 0;
    S->rows[0].s1 = j->n_stages;
    S->rows[0].t0 = 0;
    S->rows[0].t1 = j->n_tps;
    S->rows[0].right = gr->right;
    S_measure(S, j, gr, ov, PLOT_H);
}

cjm_graph *cjm_view_map_with(const cjm_journey *j, const cjm_figures *f,
                             const cjm_look *look, const cjm_map_overlay *ov,
                             const cjm_gv_page *page)
{
    cjm_grid gr;
    size_t n = j->n_tps ? j->n_tps : 1;
    cjm_gnode **cards = calloc(n, sizeof *cards);
    placed P = {calloc(n, sizeof *P.ys), calloc(n, sizeof *P.row), {0}, {0},
                {{0}}};
    sheet *S = calloc(1, sizeof *S);
    cjm_graph *g = cjm_graph_new("journey_map");
    cjm_look lk = *look;
    lk.page = page && !ov;
    look = &lk;
    if (!cards || !P.ys || !P.row || !S || !g ||
        cjm_grid_init(&gr, j, look, cjm_slot(look)) != 0) {
        free(cards);
        free(P.ys);
        free(P.row);
        free(S);
        cjm_graph_free(g);
        return NULL;
    }
    S->look = look;
    S_sheet(S, j, &gr, ov, page);
    cjm_graph_defaults(g);
    if (look->page)
        cjm_graph_edge_default(g, "arrowsize", CJM_ARROW_SIZE);
    cjm_graph_set(g, "splines", "line");
    /* Bands first, then cards, then lines over both.  The comparison map
     * draws in the order things are made instead, so the old curve made
     * before the cards passes behind them. */
    cjm_graph_set(g, "outputorder", ov ? "breadthfirst" : "nodesfirst");
    for (size_t k = 0; k < S->n_rows; k++) {
        const layout *L = &S->rows[k];
        cjm_grid_draw(g, &gr, j, f, ov ? ov->stage_notes : NULL, L->s0, L->s1,
                      L->header_top, L->bands_bottom, S->height);
        S_scale(g, S, k, j);
        S_row_labels(g, S, k, j);
    }
    cjm_title_node(g, j, f, look, NULL,
                   ov ? ov->index_html : look->index_html, S->width,
                   S->height - S->title_h / 2);
    if (ov)
        S_old_curve(g, S, &gr, ov, j->n_tps);
    S_touchpoints(g, S, j, look, &gr, cards, ov, &P);
    cjm_router router = {gr.x, P.ys, S_run, &P};
    cjm_draw_routed(g, cards, j, S_curve_style, &router);
    cjm_mark_row_links(g, j, look, gr.x, P.ys, P.row);
    S_legend(g, S, j, ov);
    cjm_grid_free(&gr);
    free(cards);
    free(P.ys);
    free(P.row);
    free(S);
    return g;
}
