/* canvas: what every picture has: graph defaults, node names and pinned
 * positions, plain text nodes, guide lines and the title block. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

int cjm_pt(const cjm_look *look, int pt)
{
    if (!look || !look->digest)
        return pt;
    return pt <= 9 ? 11 : pt == 10 ? 14 : pt < 16 ? pt + 3 : pt + 4;
}

/* DejaVu Sans: a line is about 1.2 times its size. */
double cjm_line_h(const cjm_look *look, int pt)
{
    return cjm_pt(look, pt) * 1.2 + 1;
}

/* A digest card sets its name in 14 pt: it is a little wider, so names
 * of two common words still share a line. */
enum { DIGEST_CARD_W = 126 };

double cjm_card_w(const cjm_look *look)
{
    return look && look->digest ? DIGEST_CARD_W : CJM_NODE_W;
}

double cjm_slot(const cjm_look *look)
{
    if (!look || !look->page)
        return CJM_SLOT;
    return cjm_card_w(look) + CJM_PAGE_GAP;
}

void cjm_digest_type(cjm_str *s, const cjm_look *look)
{
    static const char key[] = "POINT-SIZE=\"";
    if (!look || !look->digest || s->failed || !s->data)
        return;
    cjm_str out = {0};
    const char *p = s->data, *k;
    while ((k = strstr(p, key)) != NULL) {
        k += sizeof key - 1;
        char *end;
        long pt = strtol(k, &end, 10);
        cjm_str_printf(&out, "%.*s%ld", (int)(k - p), p,
                       pt > 0 && pt < 11 ? 11 : pt);
        p = end;
    }
    cjm_str_puts(&out, p);
    cjm_str_free(s);
    *s = out;
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

void cjm_title_html(cjm_str *s, const cjm_journey *j, const cjm_figures *f,
                    const cjm_look *look, const char *extra,
                    const char *index_html, int wrap)
{
    char a[48], b[48], c[48];
    cjm_str_printf(s, "<FONT POINT-SIZE=\"%d\"><B>", cjm_pt(look, 20));
    cjm_html_wrapped(s, j->title, wrap);
    cjm_str_printf(s, "</B></FONT><BR/><FONT POINT-SIZE=\"%d\" "
                      "COLOR=\"#3e4c59\">",
                   cjm_pt(look, 11));
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

/* Columns of a title line: 90 at 20 pt; a digest's 24 pt title wraps
 * sooner, so it is no wider than a slide's cards. */
enum { TITLE_WRAP = 90, DIGEST_TITLE_WRAP = 60 };

static int S_title_wrap(const cjm_look *look)
{
    return look && look->digest ? DIGEST_TITLE_WRAP : TITLE_WRAP;
}

double cjm_title_h(const cjm_journey *j, const cjm_look *look)
{
    int lines = cjm_wrapped_lines(j->title, S_title_wrap(look));
    if (look && look->digest)
        return cjm_pt(look, 20) * (double)lines + cjm_line_h(look, 11) + 6;
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
                    const cjm_look *look, const char *extra,
                    const char *index_html, double width, double y)
{
    cjm_str s = {0};
    cjm_str_printf(&s, "<TABLE BORDER=\"0\" CELLPADDING=\"0\"><TR><TD "
                       "WIDTH=\"%.0f\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">",
                   width - 40);
    cjm_title_html(&s, j, f, look, extra, index_html, S_title_wrap(look));
    cjm_str_puts(&s, "</TD></TR></TABLE>");
    if (!s.failed)
        cjm_text_node(g, "title", s.data, width / 2, y);
    cjm_str_free(&s);
}
