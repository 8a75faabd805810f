/* Pieces shared by the views: touchpoint cards, friction callouts, titles,
 * stage columns.  All user text goes through label.h. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Estimated line heights (points) of the fonts used in cards; the pinned
 * views use them to stack rows before Graphviz measures anything. */
#define LINE_NAME 13.0
#define LINE_SMALL 11.0
#define CARD_PAD 14.0

static const cjm_word sev_words[CJM_SEV_COUNT] = {W_SEV_LOW, W_SEV_MEDIUM,
                                                  W_SEV_HIGH, W_SEV_CRITICAL};

/* The channels the spec names: a glyph DejaVu Sans has (the shape tells
 * the channel in black and white too) and an accent from a qualitative
 * palette, never used for scores.  Others get a neutral mark. */
static const struct {
    const char *channel, *glyph, *accent;
} marks[] = {
    {"web", "⊕", "#1b7f6a"},     {"app", "▣", "#5e4fa2"},
    {"email", "✉", "#c45100"},   {"phone", "☎", "#b3206b"},
    {"chat", "❝", "#4d8a12"},    {"store", "⌂", "#8a5a14"},
    {"social", "♥", "#1f5fa8"},  {"courier", "➜", "#7a3b00"},
    {"word-of-mouth", "☺", "#6a3d9a"}, {"letter", "✍", "#3b5b00"},
    {"event", "⚑", "#a1152b"},
};

void cjm_channel_mark(const char *channel, const char **glyph,
                      const char **accent)
{
    *glyph = "•";
    *accent = "#52606d";
    for (size_t i = 0; channel && i < sizeof marks / sizeof marks[0]; i++)
        if (strcmp(channel, marks[i].channel) == 0) {
            *glyph = marks[i].glyph;
            *accent = marks[i].accent;
        }
}
static const char *const sev_border[CJM_SEV_COUNT] = {"#8c8c8c", "#e08214",
                                                      "#d6604d", "#a50f15"};
static const char *const sev_fill[CJM_SEV_COUNT] = {"#f7f7f7", "#fff3e0",
                                                    "#fde0d2", "#fcc5b5"};
static const char *const sev_pen[CJM_SEV_COUNT] = {"1", "1.5", "2.2", "3.2"};

void cjm_graph_defaults(cjm_graph *g)
{
    cjm_graph_default(g, "fontname", "DejaVu Sans");
    cjm_graph_set(g, "bgcolor", "white");
    cjm_graph_set(g, "pad", "0.3");
    cjm_graph_node_default(g, "fontname", "DejaVu Sans");
    cjm_graph_node_default(g, "fontsize", "10");
    cjm_graph_edge_default(g, "fontname", "DejaVu Sans");
    cjm_graph_edge_default(g, "fontsize", "9");
}

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

void cjm_link_label(cjm_str *s, const cjm_journey *j, size_t t, size_t u)
{
    bool step = u == t + 1;
    cjm_str_printf(s, "<FONT POINT-SIZE=\"8\" COLOR=\"%s\">%s ",
                   step ? "#1f2933" : "#7b3294",
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

void cjm_mark_row_links(cjm_graph *g, const cjm_journey *j, const double *x,
                        const double *y, const size_t *row)
{
    char name[32];
    size_t n_mark = 0;
    for (size_t t = 0, k = 0, u; cjm_link_next(j, &t, &k, &u);) {
        if (row[t] == row[u])
            continue;
        if (u == t + 1) {
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++),
                          CJM_ROW_ARROW, x[t] + CJM_NODE_W / 2.0 + 9, y[t]);
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++),
                          CJM_ROW_ARROW, x[u] - CJM_NODE_W / 2.0 - 9, y[u]);
            continue;
        }
        cjm_str s = {0};
        cjm_link_label(&s, j, t, u);
        if (!s.failed)
            cjm_text_node(g, cjm_node_name(name, "cont", n_mark++), s.data,
                          x[t], y[t] - 34);
        cjm_str_free(&s);
    }
}

double cjm_score_t(const cjm_journey *j, double score)
{
    return (score - j->scale_min) / (j->scale_max - j->scale_min);
}

const char *cjm_row_name(char buf[32], const char *base, size_t k, int i)
{
    if (i >= 0)
        cjm_node_name(buf, base, (size_t)i);
    else
        snprintf(buf, 32, "%s", base);
    size_t len = strlen(buf);
    if (k > 0)
        snprintf(buf + len, 32 - len, "_r%zu", k);
    return buf;
}

const char *cjm_node_name(char buf[32], const char *prefix, size_t i)
{
    snprintf(buf, 32, "%s%zu", prefix, i);
    return buf;
}

void cjm_node_pin(cjm_gnode *n, double x, double y)
{
    char buf[64];
    cjm_snprintf(buf, sizeof buf, "%.1f,%.1f!", x, y);
    cjm_node_set(n, "pos", buf);
}

static void S_metrics_text(cjm_str *s, const cjm_metrics *m)
{
    static const char *const labels[CJM_METRIC_COUNT] = {"CSAT", "CES", "NPS",
                                                         "responses"};
    char num[48];
    bool any = false;
    for (int i = 0; i < CJM_METRIC_COUNT; i++) {
        if (!m->has[i])
            continue;
        cjm_str_printf(s, "%s%s %s", any ? " · " : "\n", labels[i],
                       cjm_fmt_num(num, m->value[i], 2));
        any = true;
    }
}

/* Tooltip: everything the card has no room for. */
static void S_tp_tooltip(cjm_gnode *n, const cjm_touchpoint *tp)
{
    cjm_str raw = {0}, esc = {0};
    cjm_str_puts(&raw, tp->name);
    if (tp->description)
        cjm_str_printf(&raw, "\n%s", tp->description);
    if (tp->owner)
        cjm_str_printf(&raw, "\nOwner: %s", tp->owner);
    for (size_t a = 0; a < tp->n_actors; a++)
        cjm_str_printf(&raw, "%s%s", a ? ", " : "\nActors: ", tp->actors[a]);
    S_metrics_text(&raw, &tp->metrics);
    if (tp->quote)
        cjm_str_printf(&raw, "\n“%s”", tp->quote);
    if (!raw.failed) {
        cjm_attr_text(&esc, raw.data);
        if (!esc.failed)
            cjm_node_set(n, "tooltip", esc.data);
    }
    cjm_str_free(&raw);
    cjm_str_free(&esc);
}

/* The measured KPIs (and the owner, when asked for) under the channel:
 * what workshops print, so it must not live in hover text only. */
static void S_card_extras(cjm_str *s, const cjm_journey *j,
                          const cjm_touchpoint *tp, int *lines)
{
    cjm_str k = {0};
    cjm_kpi_text(&k, tp->metrics.value, tp->metrics.has, j->lang);
    if (k.data && *k.data) {
        cjm_str_puts(s, "<TR><TD><FONT POINT-SIZE=\"8\">");
        cjm_html_wrapped(s, k.data, 30);
        cjm_str_puts(s, "</FONT></TD></TR>");
        (*lines)++;
    }
    cjm_str_free(&k);
    if (j->show_owner && tp->owner) {
        cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><I>%s: ",
                       cjm_w(j->lang, W_OWNER));
        cjm_html_text(s, tp->owner);
        cjm_str_puts(s, "</I></FONT></TD></TR>");
        (*lines)++;
    }
}

/* Writes the card's HTML; *name_lines and *badges count its lines. */
/* A card's name is set in 10 pt and wraps at CJM_NAME_WRAP columns.  A
 * word too long for that steps the name down to 9 or 8 pt (the floor),
 * where more columns fit, rather than break the word (issue 10); a word
 * too long even at 8 pt stays at 10 pt and is broken with a hyphen. */
enum { NAME_PT = 10, NAME_PT_FLOOR = 8 };

static int S_name_size(const char *name)
{
    int w = cjm_longest_word(name ? name : "");
    for (int pt = NAME_PT; pt >= NAME_PT_FLOOR; pt--)
        if (w <= CJM_NAME_WRAP * NAME_PT / pt + CJM_WRAP_SLACK)
            return pt;
    return NAME_PT;
}

static void S_card_html(cjm_str *s, const cjm_journey *j, size_t t,
                        const cjm_card_extra *x, int *name_lines, int *badges)
{
    const cjm_touchpoint *tp = &j->tps[t];
    char num[48];
    int lines = 0;
    cjm_str_puts(s, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                        "CELLPADDING=\"1\">");
    if (tp->moment_of_truth) {
        cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><B>★ %s</B>"
                          "</FONT></TD></TR>",
                       cjm_w(j->lang, W_MOMENT_OF_TRUTH));
        lines++;
    }
    bool ghost = x && x->kind == CJM_CARD_GHOST;
    cjm_lang L = j->lang;
    int pt = S_name_size(tp->name);
    cjm_str_puts(s, "<TR><TD>");
    if (pt != NAME_PT)
        cjm_str_printf(s, "<FONT POINT-SIZE=\"%d\">", pt);
    cjm_str_puts(s, ghost ? "<S>" : "<B>");
    *name_lines = cjm_html_wrapped(s, tp->name, CJM_NAME_WRAP * NAME_PT / pt);
    cjm_str_puts(s, ghost ? "</S>" : "</B>");
    if (pt != NAME_PT)
        cjm_str_puts(s, "</FONT>");
    cjm_str_puts(s, "</TD></TR>");
    /* The channel with its mark, contact, score. */
    const char *glyph, *accent;
    cjm_channel_mark(tp->channel, &glyph, &accent);
    cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><FONT COLOR=\"%s\">"
                      "%s</FONT> ",
                   accent, glyph);
    cjm_html_text(s, tp->channel ? tp->channel : cjm_w(L, W_NO_CHANNEL));
    if (tp->indirect)
        cjm_str_printf(s, " (%s)", cjm_w(L, W_INDIRECT));
    cjm_str_puts(s, " · ");
    cjm_str_puts(s, x && x->score_text ? x->score_text
                    : tp->has_score    ? cjm_num(num, tp->score, 2, L)
                                       : cjm_w(L, W_NO_SCORE));
    cjm_str_puts(s, "</FONT></TD></TR>");
    if (!ghost)
        S_card_extras(s, j, tp, &lines);
    if (x && x->badge) {
        cjm_str_printf(s, "<TR><TD>%s</TD></TR>", x->badge);
        lines += x->badge_lines;
    }
    bool entry = t > 0 && tp->entry;
    bool exit = tp->has_next && tp->n_next == 0 && t + 1 < j->n_tps;
    if (entry || exit) {
        cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><B>%s%s%s%s%s"
                              "</B></FONT></TD></TR>",
                       entry ? "▶ " : "", entry ? cjm_w(j->lang, W_ENTRY) : "",
                       entry && exit ? "  " : "",
                       exit ? cjm_w(j->lang, W_EXIT) : "", exit ? " ■" : "");
        lines++;
    }
    cjm_str_puts(s, "</TABLE>");
    *badges = lines;
}

double cjm_tp_card(cjm_gnode *n, const cjm_journey *j, size_t t)
{
    return cjm_tp_card_ex(n, j, t, NULL);
}

/* A removed touchpoint on the comparison map: no fill, dashed and grey,
 * so it reads as "was here" in colour and in black and white. */
static void S_ghost_style(cjm_gnode *n)
{
    cjm_node_set(n, "style", "rounded,filled,dashed");
    cjm_node_set(n, "fillcolor", "white");
    cjm_node_set(n, "fontcolor", "#616e7c");
    cjm_node_set(n, "color", "#7b8794");
    cjm_node_set(n, "penwidth", "1.5");
}

double cjm_tp_card_ex(cjm_gnode *n, const cjm_journey *j, size_t t,
                      const cjm_card_extra *x)
{
    const cjm_touchpoint *tp = &j->tps[t];
    cjm_str html = {0};
    int name_lines, badges;
    S_card_html(&html, j, t, x, &name_lines, &badges);
    if (!html.failed)
        cjm_node_set_html(n, html.data);
    cjm_str_free(&html);
    char w[32];
    cjm_snprintf(w, sizeof w, "%.3f", CJM_NODE_W / 72.0);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "width", w);
    cjm_node_set(n, "margin", "0.06,0.04");
    if (tp->has_score) {
        double st = cjm_score_t(j, tp->score);
        cjm_node_set(n, "style", "rounded,filled");
        cjm_node_set(n, "fillcolor", cjm_score_fill(st));
        cjm_node_set(n, "fontcolor", cjm_score_ink(st));
    } else {
        cjm_node_set(n, "style", "rounded,filled,dashed");
        cjm_node_set(n, "fillcolor", "#eeeeee");
        cjm_node_set(n, "fontcolor", "#333333");
    }
    /* Indirect contact (an ad, a friend's word): a dotted outline, and the
     * word on the card. */
    if (tp->indirect)
        cjm_node_set(n, "style", tp->has_score ? "rounded,filled,dotted"
                                               : "rounded,filled,dotted");
    /* Moments of truth stand out in black and white too: a double, heavy
     * border and the words on the card. */
    cjm_node_set(n, "color", "#1f2933");
    cjm_node_set(n, "penwidth", tp->moment_of_truth ? "2.5" : "1");
    if (tp->moment_of_truth)
        cjm_node_set(n, "peripheries", "2");
    if (x && x->kind == CJM_CARD_GHOST)
        S_ghost_style(n);
    else if (x && x->kind == CJM_CARD_NEW)
        cjm_node_set(n, "penwidth", tp->moment_of_truth ? "2.5" : "2");
    S_tp_tooltip(n, tp);
    return name_lines * LINE_NAME + (badges + 1) * LINE_SMALL + CARD_PAD +
           (tp->moment_of_truth ? 8 : 0);
}

static cjm_friction_severity S_worst(const cjm_touchpoint *tp)
{
    cjm_friction_severity w = CJM_SEV_LOW;
    for (size_t k = 0; k < tp->n_friction; k++)
        if (tp->friction[k].severity > w)
            w = tp->friction[k].severity;
    return w;
}

int cjm_wrapped_lines(const char *text, int wrap)
{
    cjm_str s = {0};
    int lines = cjm_html_wrapped(&s, text ? text : "", wrap);
    cjm_str_free(&s);
    return lines;
}

/* Graphviz's line heights at our sizes: a bold 8 pt heading 10 pt, 9 pt
 * text 11 pt, 8 pt evidence 10 pt; a node is at least half an inch. */
double cjm_friction_h(const cjm_touchpoint *tp, int wrap)
{
    double h = 12;
    for (size_t k = 0; k < tp->n_friction; k++) {
        const cjm_friction *fr = &tp->friction[k];
        h += 10 + 11 * cjm_wrapped_lines(fr->text, wrap);
        if (fr->evidence)
            h += 10 * cjm_wrapped_lines(fr->evidence, wrap + 2);
    }
    return h > 36 ? h : 36;
}

double cjm_friction_card(cjm_gnode *n, const cjm_touchpoint *tp, int wrap,
                         cjm_lang lang)
{
    cjm_str s = {0};
    cjm_str_puts(&s, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                     "CELLPADDING=\"1\">");
    for (size_t k = 0; k < tp->n_friction; k++) {
        const cjm_friction *fr = &tp->friction[k];
        cjm_str_printf(&s, "<TR><TD ALIGN=\"LEFT\"%s><FONT POINT-SIZE=\"8\" "
                           "COLOR=\"%s\"><B>▲ %s</B></FONT></TD></TR>",
                       k ? " CELLPADDING=\"1\"" : "", sev_border[fr->severity],
                       cjm_w(lang, sev_words[fr->severity]));
        cjm_str_puts(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
        cjm_html_wrapped(&s, fr->text, wrap);
        cjm_str_puts(&s, "</TD></TR>");
        if (fr->evidence) {
            cjm_str_puts(&s, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                             "POINT-SIZE=\"8\" COLOR=\"#444444\"><I>");
            cjm_html_wrapped(&s, fr->evidence, wrap + 2);
            cjm_str_puts(&s, "</I></FONT></TD></TR>");
        }
    }
    cjm_str_puts(&s, "</TABLE>");
    if (!s.failed)
        cjm_node_set_html(n, s.data);
    cjm_str_free(&s);
    cjm_friction_severity w = S_worst(tp);
    cjm_node_set(n, "shape", "note");
    cjm_node_set(n, "style", w == CJM_SEV_LOW ? "filled,dashed" : "filled");
    cjm_node_set(n, "fillcolor", sev_fill[w]);
    cjm_node_set(n, "color", sev_border[w]);
    cjm_node_set(n, "penwidth", sev_pen[w]);
    cjm_node_set(n, "fontsize", "9");
    cjm_node_set(n, "fontcolor", "#1a1a1a");
    cjm_node_set(n, "margin", "0.08,0.05");
    return cjm_friction_h(tp, wrap);
}

void cjm_title_html(cjm_str *s, const cjm_journey *j, const cjm_figures *f,
                    const char *extra, const char *index_html, int wrap)
{
    char a[48], b[48], c[48];
    cjm_str_puts(s, "<FONT POINT-SIZE=\"20\"><B>");
    cjm_html_wrapped(s, j->title, wrap);
    cjm_str_puts(s, "</B></FONT><BR/><FONT POINT-SIZE=\"11\" "
                    "COLOR=\"#3e4c59\">");
    cjm_lang L = j->lang;
    if (j->persona) {
        cjm_str_printf(s, "%s: ", cjm_w(L, W_PERSONA));
        cjm_html_text(s, j->persona);
        cjm_str_puts(s, "  ·  ");
    }
    if (index_html) {
        cjm_str_puts(s, index_html);
    } else {
        cjm_str_puts(s, cjm_w(L, j->future ? W_FUTURE_STATE : W_CURRENT_STATE));
        cjm_str_printf(s, "  ·  %s ", cjm_w(L, W_JOURNEY_INDEX));
        /* One rounding rule for map and report: the index to 2 decimals,
         * the percentage to 1. */
        if (f->has_index)
            cjm_str_printf(s, "<B>%s / %s · %s %%</B>",
                           cjm_num(a, f->index, 2, L),
                           cjm_num(b, j->scale_max, 2, L),
                           cjm_num(c, round(f->index_pct * 10) / 10, 1, L));
        else
            cjm_str_printf(s, "<B>%s</B>", cjm_w(L, W_NO_SCORE_YET));
    }
    if (extra)
        cjm_str_printf(s, "  ·  %s", extra);
    cjm_str_puts(s, "</FONT>");
}

enum { TITLE_WRAP = 90 };

double cjm_title_h(const cjm_journey *j)
{
    int lines = (cjm_text_width(j->title) + TITLE_WRAP - 1) / TITLE_WRAP;
    return 20.0 * lines + 20;
}

cjm_gnode *cjm_text_node(cjm_graph *g, const char *name, const char *html,
                         double x, double y)
{
    cjm_gnode *n = cjm_graph_node(g, name);
    cjm_node_set(n, "shape", "plaintext");
    cjm_node_set(n, "margin", "0");
    cjm_node_set_html(n, html);
    cjm_node_pin(n, x, y);
    return n;
}

void cjm_guide_line(cjm_graph *g, const char *name, double x0, double x1,
                    double y)
{
    char wd[32];
    cjm_snprintf(wd, sizeof wd, "%.3f", (x1 - x0) / 72.0);
    cjm_gnode *line = cjm_graph_node(g, name);
    cjm_node_set(line, "shape", "box");
    cjm_node_set(line, "fixedsize", "true");
    cjm_node_set(line, "width", wd);
    cjm_node_set(line, "height", "0.01");
    cjm_node_set(line, "style", "filled");
    cjm_node_set(line, "color", "#b8c2cc");
    cjm_node_set(line, "fillcolor", "#b8c2cc");
    cjm_node_set(line, "label", "");
    cjm_node_pin(line, (x0 + x1) / 2, y);
}

void cjm_title_node(cjm_graph *g, const cjm_journey *j, const cjm_figures *f,
                    const char *extra, const char *index_html, double width,
                    double y)
{
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLPADDING=\"0\"><TR><TD "
                       "WIDTH=\"%.0f\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">",
                   width - 40);
    cjm_title_html(&s, j, f, extra, index_html, TITLE_WRAP);
    cjm_str_puts(&s, "</TD></TR></TABLE>");
    if (!s.failed)
        cjm_text_node(g, "title", s.data, width / 2, y);
    cjm_str_free(&s);
}

/* Greedy fill up to `cap` touchpoints a row (a stage always fits an
 * empty row); returns the rows used. */
static size_t S_fill_rows(const cjm_journey *j, size_t cap, size_t *rows)
{
    size_t k = 0, used = 0;
    for (size_t s = 0; s < j->n_stages; s++) {
        size_t c = j->stages[s].count ? j->stages[s].count : 1;
        if (used > 0 && used + c > cap) {
            k++;
            used = 0;
        }
        used += c;
        rows[s] = k;
    }
    return j->n_stages ? k + 1 : 0;
}

size_t cjm_stage_rows(const cjm_journey *j, size_t n, size_t *rows)
{
    size_t lo = 1, hi = j->n_tps + j->n_stages + 1;
    if (n < 1)
        n = 1;
    /* The least capacity that packs the stages into n rows. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (S_fill_rows(j, mid, rows) <= n)
            hi = mid;
        else
            lo = mid + 1;
    }
    return S_fill_rows(j, lo, rows);
}

/* ---- stage columns ------------------------------------------------------ */

/* Columns of a stage header line, so a long stage name widens its column
 * instead of overflowing. */
enum { HEADER_WRAP_MIN = 18 };

int cjm_grid_init(cjm_grid *gr, const cjm_journey *j, double slot)
{
    memset(gr, 0, sizeof *gr);
    gr->x = calloc(j->n_tps ? j->n_tps : 1, sizeof *gr->x);
    gr->left = calloc(j->n_stages ? j->n_stages : 1, sizeof *gr->left);
    gr->width = calloc(j->n_stages ? j->n_stages : 1, sizeof *gr->width);
    if (!gr->x || !gr->left || !gr->width) {
        cjm_grid_free(gr);
        return -1;
    }
    double x = CJM_GUTTER;
    gr->header_lines = 1;
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        size_t slots = st->count ? st->count : 1;
        double w = (double)slots * slot;
        int name_w = cjm_text_width(st->name);
        int per_line = (int)(w / 7.5) > HEADER_WRAP_MIN ? (int)(w / 7.5)
                                                        : HEADER_WRAP_MIN;
        int lines = (name_w + per_line - 1) / per_line;
        if (lines > gr->header_lines)
            gr->header_lines = lines;
        gr->left[s] = x;
        gr->width[s] = w;
        for (size_t k = 0; k < st->count; k++)
            gr->x[st->first + k] = x + ((double)k + 0.5) * w / (double)slots;
        x += w + CJM_COL_GAP;
    }
    gr->right = x - CJM_COL_GAP;
    return 0;
}

void cjm_grid_free(cjm_grid *gr)
{
    free(gr->x);
    free(gr->left);
    free(gr->width);
    memset(gr, 0, sizeof *gr);
}

double cjm_grid_header_h(const cjm_grid *gr)
{
    return 22 + 15.0 * gr->header_lines;
}

static void S_box(cjm_gnode *n, double w, double h)
{
    char a[32], b[32];
    cjm_snprintf(a, sizeof a, "%.3f", w / 72.0);
    cjm_snprintf(b, sizeof b, "%.3f", h / 72.0);
    cjm_node_set(n, "shape", "box");
    cjm_node_set(n, "fixedsize", "true");
    cjm_node_set(n, "width", a);
    cjm_node_set(n, "height", b);
}

void cjm_grid_draw(cjm_graph *g, const cjm_grid *gr, const cjm_journey *j,
                   const cjm_figures *f, const char *const *notes, size_t s0,
                   size_t s1, double top, double bottom, double height)
{
    char name[32], num[32];
    double hh = cjm_grid_header_h(gr);
    for (size_t s = s0; s < s1; s++) {
        const cjm_stage *st = &j->stages[s];
        double cx = gr->left[s] + gr->width[s] / 2;
        cjm_gnode *band = cjm_graph_node(g, cjm_node_name(name, "band", s));
        S_box(band, gr->width[s], bottom - top);
        cjm_node_set(band, "style", "filled");
        cjm_node_set(band, "color", s % 2 ? "#e4e9f0" : "#f3f5f8");
        cjm_node_set(band, "fillcolor", s % 2 ? "#e4e9f0" : "#f3f5f8");
        cjm_node_set(band, "label", "");
        cjm_node_pin(band, cx, height - (top + bottom) / 2);

        cjm_gnode *head = cjm_graph_node(g, cjm_node_name(name, "stage", s));
        S_box(head, gr->width[s] - 10, hh - 8);
        cjm_node_set(head, "style", "rounded,filled");
        cjm_node_set(head, "fillcolor", "#2f4157");
        cjm_node_set(head, "color", "#2f4157");
        cjm_node_set(head, "fontcolor", "white");
        cjm_str html = {0};
        cjm_str_puts(&html, "<B>");
        int per_line = (int)(gr->width[s] / 7.5);
        cjm_html_wrapped(&html, st->name,
                         per_line > HEADER_WRAP_MIN ? per_line : HEADER_WRAP_MIN);
        cjm_str_puts(&html, "</B><BR/><FONT POINT-SIZE=\"9\">");
        if (f->stage_has_mean[s])
            cjm_str_printf(&html, "%s %s", cjm_w(j->lang, W_MEAN),
                           cjm_num(num, f->stage_mean[s], 2, j->lang));
        else
            cjm_str_puts(&html, cjm_w(j->lang, W_NO_SCORE));
        if (notes && notes[s])
            cjm_str_printf(&html, "  %s", notes[s]);
        cjm_str_puts(&html, "</FONT>");
        if (!html.failed)
            cjm_node_set_html(head, html.data);
        cjm_str_free(&html);
        cjm_node_pin(head, cx, height - (top + hh / 2));
    }
}
