/* deck: the workshop deck (spec "Deck").  Each slide is a graph of pinned
 * nodes drawn for a 1920 x 1080 slide at about 1:1, so its type sizes are
 * what the room sees: no text under 11 pt (14.7 px), card names 16 pt.
 * The slides are drawn to SVG here; deck_pages.c numbers them and binds
 * them into a PDF, or PNG or SVG files. */
#include "channels.h"
#include "deck.h"
#include "diff.h"
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The slide's drawing area in points: 1440 x 810 less the page margin. */
#define SW 1404.0
#define SH 774.0
enum {
    BODY_PT = 13,
    SMALL_PT = 11, /* the least: 14.7 px at 1:1 */
    NAME_PT = 16,
    HEAD_PT = 26,
    BIG_PT = 16, /* "where it hurts" has room for larger type */
    CARDS_TOP = 150, /* from the slide's top */
    MAX_PER_SLIDE = 6
};
/* A stage slide's type: larger when it has few cards, so a slide of two
 * touchpoints fills the screen as one of six does. */
typedef struct {
    int body, small, name;
    double col_w; /* a card's column */
} type;

static type S_type(size_t cols)
{
    double k = cols <= 2 ? 1.5 : cols == 3 ? 1.3 : cols == 4 ? 1.15 : 1;
    type ty = {(int)lround(13 * k), (int)lround(11 * k), (int)lround(16 * k),
               fmin(320 * k, 1404.0 / (double)(cols ? cols : 1))};
    return ty;
}

/* A slide meets the floors when drawn at least this large: 11 pt at
 * 0.96 is 14 px. */
#define MIN_ZOOM 0.96

/* Text in a severity's colour on a slide: darker than the maps' inks
 * (cjm_sev_ink), which mark cards; a projector washes colour out. */
static const char *const sev_ink[CJM_SEV_COUNT] = {"#616e7c", "#b35806",
                                                   "#c0392b", "#8b0000"};

/* A slide's graph: white, no pad, with its corners pinned so it always
 * spans the whole slide. */
static cjm_graph *S_slide(void)
{
    cjm_graph *g = cjm_graph_new("slide");
    if (!g)
        return NULL;
    cjm_graph_defaults(g);
    cjm_graph_set(g, "pad", "0");
    cjm_graph_set(g, "outputorder", "nodesfirst");
    const double corners[2][2] = {{0, 0}, {SW, SH}};
    for (int k = 0; k < 2; k++) {
        cjm_gnode *n = cjm_graph_node(g, k ? "corner1" : "corner0");
        cjm_node_set(n, "shape", "point");
        cjm_node_set(n, "width", "0.01");
        cjm_node_set(n, "style", "invis");
        cjm_node_pin(n, corners[k][0], corners[k][1]);
    }
    return g;
}

/* How many times `what` occurs in s. */
static size_t S_count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* HTML text w wide whose top-left corner is at (x, top), y from the
 * slide's top.  A node is placed by its centre, and a cell taller than
 * its content spreads a table's rows over it, so the height is estimated
 * from the lines and rows (a line of 13 pt text is 17 pt, a row's padding
 * 8): a point or two off moves the text, never the size of the slide.
 * `most` caps the height (text that needs more room grows the slide,
 * which then comes out smaller: its fit is checked). */
static void S_text(cjm_graph *g, const char *name, const cjm_str *html,
                   double x, double top, double w, double most)
{
    if (html->failed)
        return;
    size_t rows = S_count(html->data, "<TR>");
    size_t lines = rows + S_count(html->data, "<BR/>");
    double h = fmin(17.0 * (double)lines + 8.0 * (double)rows, most);
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" "
                       "CELLSPACING=\"0\"><TR><TD WIDTH=\"%.0f\" "
                       "ALIGN=\"LEFT\" BALIGN=\"LEFT\">%s</TD></TR></TABLE>",
                   w, html->data);
    if (!s.failed)
        cjm_text_node(g, name, s.data, x + w / 2, SH - (top + h / 2));
    cjm_str_free(&s);
}

static void S_heading(cjm_graph *g, const char *title, const char *sub)
{
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLPADDING=\"0\"><TR><TD "
                       "WIDTH=\"%.0f\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                       "POINT-SIZE=\"%d\"><B>",
                   SW - 40, HEAD_PT);
    cjm_html_wrapped(&s, title, 80);
    cjm_str_printf(&s, "</B></FONT>");
    if (sub)
        cjm_str_printf(&s, "<BR/><FONT POINT-SIZE=\"%d\" COLOR=\"#3e4c59\">%s"
                           "</FONT>",
                       BODY_PT + 3, sub);
    cjm_str_puts(&s, "</TD></TR></TABLE>");
    S_text(g, "heading", &s, 0, 0, SW, 64);
    cjm_str_free(&s);
}

/* n as a box w points wide labelled with the HTML s (freed). */
static void S_box(cjm_gnode *n, cjm_str *s, double w)
{
    if (!s->failed)
        cjm_node_set_html(n, s->data);
    cjm_str_free(s);
    char wd[32];
    cjm_snprintf(wd, sizeof wd, "%.3f", w / 72);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "width", wd);
}

/* Where stage `cur` sits in the journey: a box per stage in its mean's
 * colour, the current one framed. */
static void S_strip(cjm_graph *g, const cjm_journey *j, const cjm_figures *f,
                    size_t cur)
{
    double w = fmin(200, SW / (double)(j->n_stages ? j->n_stages : 1));
    char name[32], num[48];
    for (size_t s = 0; s < j->n_stages; s++) {
        cjm_gnode *n = cjm_graph_node(g, cjm_node_name(name, "strip", s));
        cjm_str h = {0};
        cjm_str_printf(&h, "<FONT POINT-SIZE=\"%d\">%s", SMALL_PT,
                       s == cur ? "<B>" : "");
        cjm_html_wrapped(&h, j->stages[s].name, (int)((w - 14) / 6.8));
        if (f->stage_has_mean[s])
            cjm_str_printf(&h, "<BR/>%s", cjm_num(num, f->stage_mean[s], 2,
                                                  j->lang));
        cjm_str_printf(&h, "%s</FONT>", s == cur ? "</B>" : "");
        S_box(n, &h, w - 6);
        cjm_node_set(n, "height", "0.6");
        cjm_node_set(n, "style", "rounded,filled");
        double t = f->stage_has_mean[s]
                       ? cjm_score_t(j, f->stage_mean[s])
                       : -1;
        cjm_node_set(n, "fillcolor", t >= 0 ? cjm_score_fill(t) : "#eeeeee");
        cjm_node_set(n, "fontcolor", t >= 0 ? cjm_score_ink(t) : "#333333");
        cjm_node_set(n, "color", s == cur ? "#1f2933" : "#c5ced8");
        cjm_node_set(n, "penwidth", s == cur ? "4" : "1");
        cjm_node_pin(n, w * ((double)s + 0.5), SH - 100);
    }
}

/* A touchpoint's card in full: name, channel, score, KPIs. */
static void S_card(cjm_graph *g, const cjm_journey *j, size_t t, double x,
                   const type *ty)
{
    double w = ty->col_w;
    const cjm_touchpoint *tp = &j->tps[t];
    cjm_lang L = j->lang;
    char name[32], num[48];
    const char *glyph, *accent;
    cjm_channel_mark(tp->channel, &glyph, &accent);
    cjm_str s = {0};
    cjm_str_puts(&s, "<TABLE BORDER=\"0\" CELLPADDING=\"2\">");
    if (tp->moment_of_truth)
        cjm_str_printf(&s, "<TR><TD><FONT POINT-SIZE=\"%d\"><B>★ %s</B></FONT>"
                           "</TD></TR>",
                       ty->small, cjm_w(L, W_MOMENT_OF_TRUTH));
    cjm_str_printf(&s, "<TR><TD><FONT POINT-SIZE=\"%d\"><B>", ty->name);
    cjm_html_wrapped(&s, tp->name, (int)((w - 24) / (ty->name * 0.72)) - 2);
    cjm_str_printf(&s, "</B></FONT></TD></TR><TR><TD><FONT POINT-SIZE=\"%d\">"
                       "<FONT COLOR=\"%s\">%s</FONT> ",
                   ty->body, accent, glyph);
    cjm_html_text(&s, tp->channel ? cjm_channel_label(tp->channel, L)
                                  : cjm_w(L, W_NO_CHANNEL));
    if (tp->indirect)
        cjm_str_printf(&s, " (%s)", cjm_w(L, W_INDIRECT));
    cjm_str_printf(&s, " · <B>%s</B></FONT></TD></TR>",
                   tp->has_score ? cjm_num(num, tp->score, 2, L)
                                 : cjm_w(L, W_NO_SCORE));
    cjm_str k = {0};
    cjm_kpi_text(&k, tp->metrics.value, tp->metrics.has, L);
    if (k.data && *k.data) {
        cjm_str_printf(&s, "<TR><TD><FONT POINT-SIZE=\"%d\">", ty->small + 1);
        cjm_html_wrapped(&s, k.data, (int)((w - 24) / ((ty->small + 1) * 0.57)));
        cjm_str_puts(&s, "</FONT></TD></TR>");
    }
    cjm_str_free(&k);
    cjm_str_puts(&s, "</TABLE>");
    cjm_gnode *n = cjm_graph_node(g, cjm_node_name(name, "tp", t));
    S_box(n, &s, w - 16);
    double st = tp->has_score ? cjm_score_t(j, tp->score) : -1;
    cjm_node_set(n, "style", tp->has_score ? "rounded,filled"
                                           : "rounded,filled,dashed");
    cjm_node_set(n, "fillcolor", st >= 0 ? cjm_score_fill(st) : "#eeeeee");
    cjm_node_set(n, "fontcolor", st >= 0 ? cjm_score_ink(st) : "#333333");
    cjm_node_set(n, "color", "#1f2933");
    cjm_node_set(n, "penwidth", tp->moment_of_truth ? "3" : "1");
    if (tp->moment_of_truth)
        cjm_node_set(n, "peripheries", "2");
    /* Cards hang from CARDS_TOP: pinned by their centre, so a first
     * guess of their height is corrected by the details placed below. */
    cjm_node_pin(n, x, SH - (CARDS_TOP + 60));
}

/* A labelled block: a small heading in `ink`, then the cell(s) `body`. */
static void S_block_head(cjm_str *s, int pt, const char *ink,
                         const char *word)
{
    cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\" "
                      "COLOR=\"%s\"><B>%s</B></FONT></TD></TR>",
                   pt, ink, word);
}

/* Under the card: its friction with severity and evidence, its
 * opportunities and its quote.  Returns the number of text lines. */
static int S_details(cjm_str *s, const cjm_journey *j,
                     const cjm_touchpoint *tp, const type *ty)
{
    int wrap = (int)((ty->col_w - 30) / (ty->body * 0.54));
    cjm_lang L = j->lang;
    int lines = 0;
    cjm_str_puts(s, "<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"4\">");
    for (size_t k = 0; k < tp->n_friction; k++) {
        const cjm_friction *fr = &tp->friction[k];
        cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"%s\">"
                          "<FONT POINT-SIZE=\"%d\" COLOR=\"%s\"><B>▲ %s</B>"
                          "</FONT><BR/><FONT POINT-SIZE=\"%d\">",
                       cjm_sev_fill(fr->severity), ty->small, sev_ink[fr->severity],
                       cjm_w(L, W_SEV_LOW + fr->severity), ty->body);
        lines += 1 + cjm_html_wrapped(s, fr->text, wrap);
        cjm_str_puts(s, "</FONT>");
        if (fr->evidence) {
            cjm_str_printf(s, "<BR/><FONT POINT-SIZE=\"%d\" COLOR=\"#3e4c59\">"
                              "<I>",
                           ty->small + 1);
            lines += cjm_html_wrapped(s, fr->evidence, wrap + 2);
            cjm_str_puts(s, "</I></FONT>");
        }
        cjm_str_puts(s, "</TD></TR>");
    }
    if (tp->n_opportunities)
        S_block_head(s, ty->small, "#1e7b3a", cjm_w(L, W_OPPORTUNITY));
    for (size_t k = 0; k < tp->n_opportunities; k++) {
        cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
                          "BGCOLOR=\"#e5f5e0\"><FONT POINT-SIZE=\"%d\">• ",
                       ty->body);
        lines += 1 + cjm_html_wrapped(s, tp->opportunities[k], wrap - 2);
        cjm_str_puts(s, "</FONT></TD></TR>");
    }
    if (tp->quote) {
        S_block_head(s, ty->small, "#3e4c59", cjm_w(L, W_VOICE_ROW));
        cjm_str q = {0};
        cjm_str_printf(&q, "%s%s%s", cjm_quote_open(L), tp->quote,
                       cjm_quote_close(L));
        cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
                          "BGCOLOR=\"#f0f4f8\"><FONT POINT-SIZE=\"%d\"><I>",
                       ty->body);
        lines += 1 + cjm_html_wrapped(s, q.failed ? "" : q.data, wrap);
        cjm_str_puts(s, "</I></FONT></TD></TR>");
        cjm_str_free(&q);
    }
    cjm_str_puts(s, "</TABLE>");
    return lines;
}

/* One slide of stage s: its touchpoints t0 .. t1 - 1 (part `part` of
 * `parts`). */
static cjm_graph *S_stage_slide(const cjm_journey *j, const cjm_figures *f,
                                size_t s, size_t t0, size_t t1, size_t part,
                                size_t parts)
{
    cjm_graph *g = S_slide();
    if (!g)
        return NULL;
    const cjm_stage *st = &j->stages[s];
    char sub[160], num[48], name[32];
    int n = snprintf(sub, sizeof sub, "%s %s", cjm_w(j->lang, W_MEAN),
                     f->stage_has_mean[s]
                         ? cjm_num(num, f->stage_mean[s], 2, j->lang)
                         : cjm_w(j->lang, W_NO_SCORE));
    if (parts > 1 && n > 0 && (size_t)n < sizeof sub)
        snprintf(sub + n, sizeof sub - (size_t)n, "  ·  %zu / %zu", part + 1,
                 parts);
    cjm_str title = {0}, esc = {0};
    cjm_html_text(&esc, st->name);
    S_heading(g, esc.failed ? "" : esc.data, sub);
    cjm_str_free(&esc);
    cjm_str_free(&title);
    S_strip(g, j, f, s);
    type ty = S_type(t1 - t0);
    double w = ty.col_w;
    for (size_t t = t0; t < t1; t++) {
        double x = w * ((double)(t - t0) + 0.5);
        S_card(g, j, t, x, &ty);
        cjm_str d = {0};
        if (S_details(&d, j, &j->tps[t], &ty) > 0)
            S_text(g, cjm_node_name(name, "detail", t), &d, x - w / 2 + 4,
                   CARDS_TOP + 150, w - 8, SH - CARDS_TOP - 160);
        cjm_str_free(&d);
    }
    return g;
}

/* "Where it hurts": the weakest touchpoints, friction by severity (each
 * critical and high point with its touchpoint and evidence), channel
 * switches.  `from` is the first friction point listed (a long list goes
 * on over several slides); *next where the next slide starts. */
static cjm_graph *S_hurts_slide(const cjm_journey *j, const cjm_figures *f,
                                size_t from, size_t most, size_t *next)
{
    cjm_graph *g = S_slide();
    if (!g)
        return NULL;
    cjm_lang L = j->lang;
    char num[48];
    S_heading(g, cjm_w(L, W_WHERE_IT_HURTS), NULL);
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"4\">"
                       "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\"><B>%s"
                       "</B></FONT></TD></TR>",
                   BIG_PT + 3, cjm_w(L, W_WEAKEST));
    for (size_t k = 0; k < f->n_weakest; k++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[k]];
        double t = cjm_score_t(j, tp->score);
        cjm_str_printf(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
                           "BGCOLOR=\"%s\"><FONT POINT-SIZE=\"%d\" COLOR=\"%s\">"
                           "<B>%s</B> · ",
                       cjm_score_fill(t), BIG_PT + 1, cjm_score_ink(t),
                       cjm_num(num, tp->score, 2, L));
        cjm_html_wrapped(&s, tp->name, 40);
        cjm_str_puts(&s, "</FONT></TD></TR>");
    }
    cjm_str_printf(&s, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\"><B>%s"
                       "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\"><FONT "
                       "POINT-SIZE=\"%d\">%zu</FONT></TD></TR>",
                   BIG_PT + 3, cjm_w(L, W_CHANNEL_SWITCHES_H), BIG_PT + 8,
                   f->channel_switches);
    cjm_str_puts(&s, "</TABLE>");
    S_text(g, "weakest", &s, 0, 90, 460, 300);
    cjm_str_free(&s);

    /* Friction: counts by severity, then critical and high in turn. */
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"4\">"
                       "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\"><B>%s"
                       "</B>   ",
                   BIG_PT + 3, cjm_w(L, W_FRICTION_COUNTS));
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_LOW; sev--)
        cjm_str_printf(&s, "<FONT COLOR=\"%s\">▲ %s %zu</FONT>   ",
                       sev_ink[sev], cjm_w(L, W_SEV_LOW + sev), f->friction[sev]);
    cjm_str_puts(&s, "</FONT></TD></TR>");
    size_t seen = 0, shown = 0;
    *next = 0;
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_HIGH; sev--)
        for (size_t t = 0; t < j->n_tps; t++)
            for (size_t k = 0; k < j->tps[t].n_friction; k++) {
                const cjm_friction *fr = &j->tps[t].friction[k];
                if ((int)fr->severity != sev || seen++ < from)
                    continue;
                if (shown == most) {
                    *next = seen - 1;
                    continue;
                }
                shown++;
                cjm_str_printf(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
                                   "BGCOLOR=\"%s\"><FONT POINT-SIZE=\"%d\" "
                                   "COLOR=\"%s\"><B>▲ %s · ",
                               cjm_sev_fill(sev), BIG_PT - 2, sev_ink[sev],
                               cjm_w(L, W_SEV_LOW + sev));
                cjm_html_text(&s, j->tps[t].name);
                cjm_str_printf(&s, "</B></FONT><BR/><FONT POINT-SIZE=\"%d\">",
                               BIG_PT);
                cjm_html_wrapped(&s, fr->text, 60);
                cjm_str_puts(&s, "</FONT>");
                if (fr->evidence) {
                    cjm_str_printf(&s, "<BR/><FONT POINT-SIZE=\"%d\" "
                                       "COLOR=\"#3e4c59\"><I>",
                                   BIG_PT - 2);
                    cjm_html_wrapped(&s, fr->evidence, 66);
                    cjm_str_puts(&s, "</I></FONT>");
                }
                cjm_str_puts(&s, "</TD></TR>");
            }
    cjm_str_puts(&s, "</TABLE>");
    S_text(g, "friction", &s, 500, 90, SW - 500, SH - 100);
    cjm_str_free(&s);
    return g;
}

/* ---- the deck ------------------------------------------------------------ */

struct cjm_slides {
    cjm_graph **g;
    size_t n, cap;
};

static int S_add(cjm_slides *sl, cjm_graph *g)
{
    if (!g)
        return -1;
    if (sl->n == sl->cap) {
        size_t cap = sl->cap ? 2 * sl->cap : 16;
        cjm_graph **p = realloc(sl->g, cap * sizeof *p);
        if (!p) {
            cjm_graph_free(g);
            return -1;
        }
        sl->g = p;
        sl->cap = cap;
    }
    sl->g[sl->n++] = g;
    return 0;
}

void cjm_slides_free(cjm_slides *sl)
{
    if (!sl)
        return;
    for (size_t k = 0; k < sl->n; k++)
        cjm_graph_free(sl->g[k]);
    free(sl->g);
    free(sl);
}

size_t cjm_slides_count(const cjm_slides *sl)
{
    return sl->n;
}

cjm_graph *cjm_slides_get(const cjm_slides *sl, size_t k)
{
    return sl->g[k];
}

/* How large g comes out on the slide. */
static double S_zoom(cjm_gv *gv, cjm_graph *g)
{
    double w, h;
    if (cjm_gv_measure(gv, g, "nop2", &w, &h) != 0)
        return 0;
    return cjm_gv_page_zoom(cjm_page_size(CJM_PAGE_SLIDE), w, h);
}

/* Stage s's slides: as many touchpoints on each as fit at the floors,
 * at most six. */
static int S_stage(cjm_slides *sl, cjm_gv *gv, const cjm_journey *j,
                   const cjm_figures *f, size_t s)
{
    const cjm_stage *st = &j->stages[s];
    size_t per = st->count < MAX_PER_SLIDE ? st->count : MAX_PER_SLIDE;
    if (per == 0)
        return S_add(sl, S_stage_slide(j, f, s, st->first, st->first, 0, 1));
    for (;; per--) {
        size_t parts = (st->count + per - 1) / per;
        size_t start = sl->n;
        bool fits = true;
        for (size_t p = 0; p < parts; p++) {
            size_t t0 = st->first + p * per;
            size_t t1 = t0 + per < st->first + st->count ? t0 + per
                                                         : st->first + st->count;
            cjm_graph *g = S_stage_slide(j, f, s, t0, t1, p, parts);
            if (S_add(sl, g) != 0)
                return -1;
            fits = fits && S_zoom(gv, g) >= MIN_ZOOM;
        }
        if (fits || per == 1)
            return 0;
        while (sl->n > start)
            cjm_graph_free(sl->g[--sl->n]);
    }
}

static int S_hurts(cjm_slides *sl, cjm_gv *gv, const cjm_journey *j,
                   const cjm_figures *f)
{
    size_t from = 0, next = 0;
    do {
        size_t most = 8;
        cjm_graph *g;
        for (;;) {
            g = S_hurts_slide(j, f, from, most, &next);
            if (!g || most == 1 || S_zoom(gv, g) >= MIN_ZOOM)
                break;
            cjm_graph_free(g);
            most /= 2;
        }
        if (S_add(sl, g) != 0)
            return -1;
        from = next;
    } while (next > 0);
    return 0;
}

cjm_slides *cjm_slides_new(cjm_gv *gv, const cjm_journey *j,
                           const cjm_figures *f, const cjm_look *look)
{
    cjm_slides *sl = calloc(1, sizeof *sl);
    if (!sl)
        return NULL;
    cjm_look digest = *look;
    digest.digest = digest.page = true;
    digest.min_zoom = cjm_floor_zoom(&digest, CJM_PAGE_SLIDE);
    int rc = S_add(sl, cjm_view_map(j, f, &digest, cjm_page_size(CJM_PAGE_SLIDE)));
    for (size_t s = 0; rc == 0 && s < j->n_stages; s++)
        rc = S_stage(sl, gv, j, f, s);
    if (rc == 0)
        rc = S_hurts(sl, gv, j, f);
    if (rc != 0) {
        cjm_slides_free(sl);
        return NULL;
    }
    return sl;
}

/* ---- what changed (--compare) --------------------------------------- */

static void S_tp_line(cjm_str *s, const cjm_touchpoint *tp, const char *mark,
                      const char *ink)
{
    cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                      "POINT-SIZE=\"%d\" COLOR=\"%s\"><B>%s</B> ",
                   BODY_PT, ink, mark);
    cjm_html_wrapped(s, tp->name, 60);
    cjm_str_puts(s, "</FONT></TD></TR>");
}

static void S_list_head(cjm_str *s, const char *word)
{
    cjm_str_printf(s, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%d\"><B>%s"
                      "</B></FONT></TD></TR>",
                   BODY_PT + 3, word);
}

cjm_graph *cjm_slide_changes(const cjm_diff *d, size_t most)
{
    const cjm_journey *o = d->o, *n = d->n;
    cjm_lang L = n->lang;
    char a[48], b[48];
    cjm_graph *g = S_slide();
    if (!g)
        return NULL;
    char sub[200];
    snprintf(sub, sizeof sub, "%s %s → %s", cjm_w(L, W_JOURNEY_INDEX),
             d->fo->has_index ? cjm_num(a, d->fo->index, 2, L) : "–",
             d->fn->has_index ? cjm_num(b, d->fn->index, 2, L) : "–");
    S_heading(g, cjm_w(L, W_WHAT_CHANGED), sub);
    cjm_str s = {0};
    cjm_str_puts(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">");
    S_list_head(&s, cjm_w(L, W_ADDED_H));
    size_t shown = 0;
    for (size_t t = 0; t < n->n_tps && shown < most; t++)
        if (d->tp_o_of_n[t] < 0 && ++shown)
            S_tp_line(&s, &n->tps[t], "✚", "#1d5fa0");
    if (!shown)
        S_tp_line(&s, &(cjm_touchpoint){.name = cjm_w(L, W_NONE)}, "", "#3e4c59");
    S_list_head(&s, cjm_w(L, W_REMOVED_H));
    shown = 0;
    for (size_t t = 0; t < o->n_tps && shown < most; t++)
        if (d->tp_n_of_o[t] < 0 && ++shown)
            S_tp_line(&s, &o->tps[t], "✖", "#a14b00");
    if (!shown)
        S_tp_line(&s, &(cjm_touchpoint){.name = cjm_w(L, W_NONE)}, "", "#3e4c59");
    cjm_str_puts(&s, "</TABLE>");
    S_text(g, "lists", &s, 0, 90, 640, SH - 100);
    cjm_str_free(&s);

    /* The largest score changes, up to `most`, largest first. */
    cjm_str_puts(&s, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">");
    S_list_head(&s, cjm_w(L, W_LARGEST_CHANGES));
    bool *used = calloc(n->n_tps + 1, sizeof *used);
    for (size_t k = 0; used && k < most; k++) {
        long best = -1;
        double bd = 0;
        for (size_t t = 0; t < n->n_tps; t++) {
            long ot = d->tp_o_of_n[t];
            if (used[t] || ot < 0 || !n->tps[t].has_score ||
                !o->tps[ot].has_score)
                continue;
            double dd = fabs(n->tps[t].score - o->tps[ot].score);
            if (dd > bd + 1e-9) {
                bd = dd;
                best = (long)t;
            }
        }
        if (best < 0)
            break;
        used[best] = true;
        const cjm_touchpoint *nt = &n->tps[best];
        const cjm_touchpoint *ot = &o->tps[d->tp_o_of_n[best]];
        bool up = nt->score > ot->score;
        cjm_str_printf(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                           "POINT-SIZE=\"%d\" COLOR=\"%s\"><B>%s %s → %s</B> ",
                       BODY_PT, up ? "#1d5fa0" : "#a14b00", up ? "▲" : "▼",
                       cjm_num(a, ot->score, 2, L), cjm_num(b, nt->score, 2, L));
        cjm_html_wrapped(&s, nt->name, 60);
        cjm_str_puts(&s, "</FONT></TD></TR>");
    }
    free(used);
    cjm_str_puts(&s, "</TABLE>");
    S_text(g, "changes", &s, 680, 90, SW - 680, SH - 100);
    cjm_str_free(&s);
    return g;
}
