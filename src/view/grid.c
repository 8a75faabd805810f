/* grid: the stage columns of the pinned views (bands, headers with their
 * means) and the split of stages into rows on a page. */
#include "label.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* A header's bold name is about 7.5 pt a character at 10 pt (the node
 * default), 10 pt at a digest's 13. */
static double S_header_char_w(const cjm_look *look)
{
    return look && look->digest ? 10 : 7.5;
}

/* Columns per header line for a column w wide.  A digest's header (13
 * pt bold in the column less 10 pt) keeps its width: a word may run
 * CJM_WRAP_SLACK columns over a line, so that much is held back. */
static int S_header_wrap(const cjm_look *look, double w)
{
    if (look && look->digest) {
        int n = (int)((w - 10) / 10.5) - CJM_WRAP_SLACK;
        return n > 8 ? n : 8;
    }
    int min = HEADER_WRAP_MIN;
    int per_line = (int)(w / S_header_char_w(look));
    return per_line > min ? per_line : min;
}

int cjm_grid_init(cjm_grid *gr, const cjm_journey *j, const cjm_look *look,
                  double slot)
{
    memset(gr, 0, sizeof *gr);
    gr->look = look;
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
        int per_line = S_header_wrap(look, w);
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
    if (gr->look && gr->look->digest)
        return 8 + cjm_line_h(gr->look, 11) + 16.0 * gr->header_lines + 4;
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
        bool digest = gr->look && gr->look->digest;
        cjm_str_puts(&html, digest ? "<FONT POINT-SIZE=\"13\"><B>" : "<B>");
        cjm_html_wrapped(&html, st->name, S_header_wrap(gr->look, gr->width[s]));
        cjm_str_printf(&html, "</B>%s<BR/><FONT POINT-SIZE=\"%d\">",
                       digest ? "</FONT>" : "", cjm_pt(gr->look, 9));
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
