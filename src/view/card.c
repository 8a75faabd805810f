/* card: a touchpoint's card (name, channel mark, score, KPIs, moment of
 * truth, tooltip) and its friction callout, as every view draws them.
 * All user text goes through label.h. */
#include "channels.h"
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
/* Columns of an 8 pt line that fit a card (132 pt less its margins). */
enum { CARD_LINE_WRAP = 24 };

/* The catalogue's channels have marks of their own (channels.c); others
 * get a neutral one.  The model holds a catalogue channel by its id. */
void cjm_channel_mark(const char *channel, const char **glyph,
                      const char **accent)
{
    const cjm_channel_def *def = channel ? cjm_channel_find(channel) : NULL;
    *glyph = def ? def->glyph : "•";
    *accent = def ? def->accent : "#52606d";
}

size_t cjm_channel_row(const cjm_figures *f, const cjm_touchpoint *tp)
{
    if (tp->channel)
        for (size_t c = 0; c < f->n_channels; c++)
            if (strcmp(f->channels[c].name, tp->channel) == 0)
                return c;
    return f->n_channels;
}

bool cjm_has_unchanneled(const cjm_journey *j)
{
    for (size_t t = 0; t < j->n_tps; t++)
        if (!j->tps[t].channel)
            return true;
    return false;
}

static const char *const sev_border[CJM_SEV_COUNT] = {"#8c8c8c", "#e08214",
                                                      "#d6604d", "#a50f15"};
static const char *const sev_fill[CJM_SEV_COUNT] = {"#f7f7f7", "#fff3e0",
                                                    "#fde0d2", "#fcc5b5"};

const char *cjm_sev_ink(cjm_friction_severity sev)
{
    return sev_border[(unsigned)sev < CJM_SEV_COUNT ? sev : CJM_SEV_LOW];
}

const char *cjm_sev_fill(cjm_friction_severity sev)
{
    return sev_fill[(unsigned)sev < CJM_SEV_COUNT ? sev : CJM_SEV_LOW];
}
static const char *const sev_pen[CJM_SEV_COUNT] = {"1", "1.5", "2.2", "3.2"};

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
                          const cjm_look *look, const cjm_touchpoint *tp,
                          int *lines)
{
    bool owners = look->owners;
    cjm_str k = {0};
    cjm_kpi_text(&k, tp->metrics.value, tp->metrics.has, j->lang);
    if (k.data && *k.data) {
        cjm_str_puts(s, "<TR><TD><FONT POINT-SIZE=\"8\">");
        cjm_html_wrapped(s, k.data, look->page ? CARD_LINE_WRAP : 30);
        cjm_str_puts(s, "</FONT></TD></TR>");
        (*lines)++;
    }
    cjm_str_free(&k);
    if (owners && tp->owner) {
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
enum { NAME_PT = 10, NAME_PT_FLOOR = 8, PAGE_NAME_PT = (int)CJM_PAGE_NAME_PT };

static int S_name_size(const char *name)
{
    int w = cjm_longest_word(name ? name : "");
    for (int pt = NAME_PT; pt >= NAME_PT_FLOOR; pt--)
        if (w <= CJM_NAME_WRAP * NAME_PT / pt + CJM_WRAP_SLACK)
            return pt;
    return NAME_PT;
}

/* A digest card's one line under the name: the channel's mark, the
 * score and, when the touchpoint has friction, "▲ n" in the colour of its
 * highest severity (the legend names the colours). */
static void S_digest_line(cjm_str *s, const cjm_journey *j,
                          const cjm_touchpoint *tp, const cjm_card_extra *x)
{
    const char *glyph, *accent;
    char num[48];
    cjm_channel_mark(tp->channel, &glyph, &accent);
    cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"11\"><FONT COLOR=\"%s\">"
                      "%s</FONT> ",
                   accent, glyph);
    cjm_str_puts(s, x && x->score_text ? x->score_text
                    : tp->has_score    ? cjm_num(num, tp->score, 2, j->lang)
                                       : cjm_w(j->lang, W_NO_SCORE));
    if (tp->n_friction)
        cjm_str_printf(s, "   <FONT COLOR=\"%s\"><B>▲ %zu</B></FONT>",
                       sev_border[cjm_tp_worst(tp)], tp->n_friction);
    cjm_str_puts(s, "</FONT></TD></TR>");
}

/* The channel with its mark and contact, and the score. */
static void S_channel_line(cjm_str *s, const cjm_journey *j,
                           const cjm_look *look, const cjm_touchpoint *tp,
                           const cjm_card_extra *x)
{
    const char *glyph, *accent;
    char num[48];
    cjm_lang L = j->lang;
    cjm_channel_mark(tp->channel, &glyph, &accent);
    cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><FONT COLOR=\"%s\">"
                      "%s</FONT> ",
                   accent, glyph);
    cjm_str line = {0};
    cjm_str_puts(&line, tp->channel ? cjm_channel_label(tp->channel, L)
                                    : cjm_w(L, W_NO_CHANNEL));
    if (tp->indirect)
        cjm_str_printf(&line, " (%s)", cjm_w(L, W_INDIRECT));
    /* On a page a card keeps its width, so the gap its link's arrowhead
     * needs stays free: a long line wraps instead of widening it. */
    if (look->page)
        cjm_html_wrapped(s, line.failed ? "" : line.data, CARD_LINE_WRAP);
    else
        cjm_html_text(s, line.failed ? "" : line.data);
    cjm_str_free(&line);
    cjm_str_puts(s, " · ");
    cjm_str_puts(s, x && x->score_text ? x->score_text
                    : tp->has_score    ? cjm_num(num, tp->score, 2, L)
                                       : cjm_w(L, W_NO_SCORE));
    cjm_str_puts(s, "</FONT></TD></TR>");
}

/* Columns of a name line on a page, where a card keeps its width: a line
 * may run CJM_WRAP_SLACK columns over, and DejaVu Sans Bold takes about
 * 0.63 em a letter, so 13 letters at 14 pt fill a digest card's 121 pt
 * of text and 17 at 11 pt a full card's 123. */
enum { DIGEST_NAME_PT = 14, DIGEST_NAME_WRAP = 10, PAGE_NAME_WRAP = 14 };

static void S_card_html(cjm_str *s, const cjm_journey *j,
                        const cjm_look *look, size_t t,
                        const cjm_card_extra *x, int *name_lines, int *badges)
{
    const cjm_touchpoint *tp = &j->tps[t];
    int lines = 0;
    cjm_str_puts(s, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                        "CELLPADDING=\"1\">");
    if (tp->moment_of_truth && !look->digest) {
        cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"8\"><B>★ %s</B>"
                          "</FONT></TD></TR>",
                       cjm_w(j->lang, W_MOMENT_OF_TRUTH));
        lines++;
    }
    bool ghost = x && x->kind == CJM_CARD_GHOST;
    /* On a page a name is set larger and keeps its size: the page's
     * floor for names (9 pt) is above its floor for text (7 pt), so a
     * name must be 9/7 of the smallest text.  A long word is broken. */
    int pt = look->digest ? DIGEST_NAME_PT
             : look->page ? PAGE_NAME_PT
                          : S_name_size(tp->name);
    int wrap = look->free_width ? CJM_NAME_WRAP * NAME_PT / pt
               : look->digest ? DIGEST_NAME_WRAP
               : look->page   ? PAGE_NAME_WRAP
                              : CJM_NAME_WRAP * NAME_PT / pt;
    cjm_str_puts(s, "<TR><TD>");
    if (pt != NAME_PT)
        cjm_str_printf(s, "<FONT POINT-SIZE=\"%d\">", pt);
    cjm_str_puts(s, ghost ? "<S>" : "<B>");
    *name_lines = cjm_html_wrapped(s, tp->name, wrap);
    cjm_str_puts(s, ghost ? "</S>" : "</B>");
    if (pt != NAME_PT)
        cjm_str_puts(s, "</FONT>");
    cjm_str_puts(s, "</TD></TR>");
    if (look->digest) {
        S_digest_line(s, j, tp, x);
    } else {
        S_channel_line(s, j, look, tp, x);
        if (!ghost)
            S_card_extras(s, j, look, tp, &lines);
    }
    if (x && x->badge) {
        cjm_str_printf(s, "<TR><TD>%s</TD></TR>", x->badge);
        lines += x->badge_lines;
    }
    bool entry = t > 0 && tp->entry;
    bool exit = tp->has_next && tp->n_next == 0 && t + 1 < j->n_tps;
    if (entry || exit) {
        cjm_str_printf(s, "<TR><TD><FONT POINT-SIZE=\"%d\"><B>%s%s%s%s%s"
                              "</B></FONT></TD></TR>",
                       cjm_pt(look, 8), entry ? "▶ " : "", entry ? cjm_w(j->lang, W_ENTRY) : "",
                       entry && exit ? "  " : "",
                       exit ? cjm_w(j->lang, W_EXIT) : "", exit ? " ■" : "");
        lines++;
    }
    cjm_str_puts(s, "</TABLE>");
    *badges = lines;
}

double cjm_tp_card(cjm_gnode *n, const cjm_journey *j, const cjm_look *look,
                   size_t t)
{
    return cjm_tp_card_ex(n, j, look, t, NULL);
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

double cjm_tp_card_ex(cjm_gnode *n, const cjm_journey *j,
                      const cjm_look *look, size_t t,
                      const cjm_card_extra *x)
{
    const cjm_touchpoint *tp = &j->tps[t];
    cjm_str html = {0};
    int name_lines, badges;
    S_card_html(&html, j, look, t, x, &name_lines, &badges);
    cjm_digest_type(&html, look);
    if (!html.failed)
        cjm_node_set_html(n, html.data);
    cjm_str_free(&html);
    char w[32];
    cjm_snprintf(w, sizeof w, "%.3f", cjm_card_w(look) / 72.0);
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
    if (look->page && !look->digest)
        return name_lines * (LINE_NAME + 1.5) + (badges + 1) * LINE_SMALL +
               CARD_PAD + (tp->moment_of_truth ? 8 : 0);
    if (look->digest)
        return name_lines * cjm_line_h(look, 10) +
               (badges + 1) * cjm_line_h(look, 8) + CARD_PAD +
               (tp->moment_of_truth ? 8 : 0);
    return name_lines * LINE_NAME + (badges + 1) * LINE_SMALL + CARD_PAD +
           (tp->moment_of_truth ? 8 : 0);
}

cjm_friction_severity cjm_tp_worst(const cjm_touchpoint *tp)
{
    cjm_friction_severity w = CJM_SEV_LOW;
    for (size_t k = 0; k < tp->n_friction; k++)
        if (tp->friction[k].severity > w)
            w = tp->friction[k].severity;
    return w;
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
                       cjm_w(lang, W_SEV_LOW + fr->severity));
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
    cjm_friction_severity w = cjm_tp_worst(tp);
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
