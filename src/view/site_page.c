/* site_page: a journey's page of `cjm site`: its three views inline, each
 * card reachable by keyboard and screen reader, its figures, its history
 * as a chart, and the comparison with a base revision. */
#include "site.h"
#include "channels.h"
#include "diff.h"
#include "label.h"
#include "lang.h"
#include "web.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz's SVG made part of the page: without its XML prolog and
 * doctype, each card's link (an <a> with the card's tooltip as its
 * title) focusable and named for a screen reader. */
static void S_inline_svg(cjm_str *s, const char *svg, size_t len)
{
    const char *p = strstr(svg, "<svg");
    const char *end = svg + len;
    if (!p)
        return;
    static const char a_title[] = "<a xlink:title=\"";
    while (p < end) {
        const char *a = strstr(p, a_title);
        if (!a || a >= end) {
            cjm_str_printf(s, "%.*s", (int)(end - p), p);
            break;
        }
        const char *v = a + sizeof a_title - 1;
        const char *q = strchr(v, '"');
        if (!q)
            q = v;
        /* The tooltip is already escaped for an attribute. */
        cjm_str_printf(s, "%.*s<a tabindex=\"0\" role=\"img\" aria-label=\"%.*s\" "
                          "xlink:title=\"",
                       (int)(a - p), p, (int)(q - v), v);
        p = v;
    }
}

static int S_view(cjm_str *s, cjm_renderer *r, const cjm_journey *j,
                  cjm_view view, cjm_word caption, char *err, size_t errsize)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return -1;
    int rc = cjm_render(r, j, view, "svg", mem, err, errsize);
    if (fclose(mem) != 0 && rc == 0)
        rc = -1;
    if (rc == 0) {
        cjm_str_printf(s, "<figure id=\"%s\">\n<figcaption>%s</figcaption>\n",
                       cjm_view_name(view), cjm_w(j->lang, caption));
        S_inline_svg(s, buf, len);
        cjm_str_puts(s, "</figure>\n");
    }
    free(buf);
    return rc;
}

static void S_num(cjm_str *s, double v, int dec, cjm_lang L)
{
    char num[48];
    cjm_str_puts(s, cjm_num(num, v, dec, L));
}

static void S_stages(cjm_str *s, const cjm_journey *j, const cjm_figures *f)
{
    cjm_lang L = j->lang;
    cjm_str_printf(s, "<h2 id=\"stages\">%s</h2>\n<table>\n<thead><tr>"
                      "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">"
                      "%s</th><th scope=\"col\" class=\"num\">%s</th><th "
                      "scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                   cjm_w(L, W_STAGES), cjm_w(L, W_STAGE), cjm_w(L, W_MEAN_H),
                   cjm_w(L, W_TOUCHPOINTS), cjm_w(L, W_KPIS));
    for (size_t k = 0; k < j->n_stages; k++) {
        cjm_str_puts(s, "<tr><th scope=\"row\">");
        cjm_web_text(s, j->stages[k].name);
        cjm_str_puts(s, "</th><td class=\"num\">");
        if (f->stage_has_mean[k])
            S_num(s, f->stage_mean[k], 2, L);
        else
            cjm_str_puts(s, "–");
        cjm_str_printf(s, "</td><td class=\"num\">%zu</td><td>",
                       j->stages[k].count);
        cjm_str k2 = {0};
        cjm_kpi_text(&k2, f->stage_kpis[k].value, f->stage_kpis[k].has, L);
        cjm_web_text(s, k2.data ? k2.data : "");
        cjm_str_free(&k2);
        cjm_str_puts(s, "</td></tr>\n");
    }
    cjm_str_puts(s, "</tbody>\n</table>\n");
}

static void S_friction(cjm_str *s, const cjm_journey *j, const cjm_figures *f)
{
    cjm_lang L = j->lang;
    cjm_str_printf(s, "<h2 id=\"friction\">%s</h2>\n<p>",
                   cjm_w(L, W_FRICTION_COUNTS));
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_LOW; sev--)
        cjm_str_printf(s, "%s%s %zu", sev == CJM_SEV_CRITICAL ? "" : " · ",
                       cjm_w(L, W_SEVL_LOW + sev), f->friction[sev]);
    cjm_str_puts(s, "</p>\n<ul>\n");
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_LOW; sev--)
        for (size_t t = 0; t < j->n_tps; t++)
            for (size_t q = 0; q < j->tps[t].n_friction; q++) {
                const cjm_friction *fr = &j->tps[t].friction[q];
                if ((int)fr->severity != sev)
                    continue;
                cjm_str_printf(s, "<li><b>▲ %s</b> · ", cjm_w(L, W_SEVL_LOW + sev));
                cjm_web_text(s, j->tps[t].name);
                cjm_str_puts(s, ": ");
                cjm_web_text(s, fr->text);
                if (fr->evidence) {
                    cjm_str_puts(s, " <i>(");
                    cjm_web_text(s, fr->evidence);
                    cjm_str_puts(s, ")</i>");
                }
                cjm_str_puts(s, "</li>\n");
            }
    cjm_str_puts(s, "</ul>\n");
}

static void S_figures(cjm_str *s, const cjm_journey *j, const cjm_figures *f)
{
    cjm_lang L = j->lang;
    S_stages(s, j, f);
    cjm_str_printf(s, "<h2 id=\"weakest\">%s</h2>\n<ol>\n", cjm_w(L, W_WEAKEST));
    for (size_t k = 0; k < f->n_weakest; k++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[k]];
        cjm_str_puts(s, "<li>");
        cjm_web_text(s, tp->name);
        cjm_str_puts(s, " · ");
        S_num(s, tp->score, 2, L);
        cjm_str_puts(s, "</li>\n");
    }
    cjm_str_puts(s, "</ol>\n");
    S_friction(s, j, f);
    cjm_str_printf(s, "<h2 id=\"channels-mix\">%s</h2>\n<ul>\n",
                   cjm_w(L, W_CHANNELS));
    for (size_t c = 0; c < f->n_channels; c++) {
        cjm_str_puts(s, "<li>");
        cjm_web_text(s, cjm_channel_label(f->channels[c].name, L));
        cjm_str_printf(s, ": %zu</li>\n", f->channels[c].count);
    }
    cjm_str_printf(s, "</ul>\n<p>%s: %s %zu · %s %zu · %zu %s</p>\n",
                   cjm_w(L, W_CONTACT), cjm_w(L, W_DIRECT), f->contact[0],
                   cjm_w(L, W_INDIRECT), f->contact[1], f->channel_switches,
                   cjm_w(L, W_CHANNEL_SWITCHES));
    cjm_str k = {0};
    cjm_kpi_text(&k, f->kpis.value, f->kpis.has, L);
    if (k.data && *k.data) {
        cjm_str_printf(s, "<p>%s: ", cjm_w(L, W_KPIS));
        cjm_web_text(s, k.data);
        cjm_str_puts(s, "</p>\n");
    }
    cjm_str_free(&k);
}

/* The index over the commits that changed the file: an SVG chart with a
 * point per commit (its date, subject and index in the point's title) and
 * the same as a table. */
static void S_history(cjm_str *s, const cjm_site_entry *e)
{
    const cjm_journey *j = e->j;
    cjm_lang L = j->lang;
    if (e->n_hist == 0)
        return;
    cjm_str_printf(s, "<h2 id=\"history\">%s</h2>\n", cjm_w(L, W_HISTORY));
    double w = 640, h = 200, lo = j->scale_min, hi = j->scale_max;
    size_t n = e->n_hist;
    cjm_str_printf(s, "<figure><svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 "
                      "%.0f %.0f\" role=\"img\" aria-labelledby=\"hist-t\">"
                      "<title id=\"hist-t\">%s</title>\n"
                      "<rect x=\"40\" y=\"10\" width=\"%.0f\" height=\"%.0f\" "
                      "fill=\"#f3f5f8\"/>\n",
                   w, h + 40, w, h + 40, cjm_w(L, W_HISTORY), w - 50, h - 20);
    for (int k = 0; k <= 2; k++) {
        double v = lo + (hi - lo) * k / 2.0, y = 10 + (h - 20) * (1 - k / 2.0);
        cjm_str_printf(s, "<text x=\"34\" y=\"%.1f\" text-anchor=\"end\" "
                          "font-size=\"12\">",
                       y + 4);
        S_num(s, v, 2, L);
        cjm_str_printf(s, "</text><line x1=\"40\" x2=\"%.0f\" y1=\"%.1f\" "
                          "y2=\"%.1f\" stroke=\"#c5ced8\"/>\n",
                       w - 10, y, y);
    }
    cjm_str_puts(s, "<polyline fill=\"none\" stroke=\"#1d5fa0\" stroke-width=\"2\" "
                    "points=\"");
    for (size_t k = 0, i = 0; k < n; k++)
        if (e->hist[k].has_index) {
            double x = 50 + (w - 70) * (n > 1 ? (double)k / (double)(n - 1) : 0.5);
            double y = 10 + (h - 20) * (1 - (e->hist[k].index - lo) / (hi - lo));
            cjm_str_printf(s, "%s%.1f,%.1f", i++ ? " " : "", x, y);
        }
    cjm_str_puts(s, "\"/>\n");
    for (size_t k = 0; k < n; k++) {
        double x = 50 + (w - 70) * (n > 1 ? (double)k / (double)(n - 1) : 0.5);
        if (e->hist[k].has_index) {
            double y = 10 + (h - 20) * (1 - (e->hist[k].index - lo) / (hi - lo));
            cjm_str_printf(s, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
                              "fill=\"#1d5fa0\" tabindex=\"0\"><title>%s: ",
                           x, y, e->hist[k].date);
            cjm_web_text(s, e->hist[k].subject);
            cjm_str_puts(s, " · ");
            S_num(s, e->hist[k].index, 2, L);
            cjm_str_puts(s, "</title></circle>\n");
        }
        /* The first and last dates hang inwards, so neither is cut. */
        if (k == 0 || k + 1 == n || n <= 6)
            cjm_str_printf(s, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"%s\" "
                              "font-size=\"12\">%s</text>\n",
                           x, h + 10,
                           n > 1 && k == 0       ? "start"
                           : n > 1 && k + 1 == n ? "end"
                                                 : "middle",
                           e->hist[k].date);
    }
    cjm_str_printf(s, "</svg></figure>\n<table>\n<thead><tr><th scope=\"col\">"
                      "%s</th><th scope=\"col\">%s</th><th scope=\"col\" "
                      "class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                   cjm_w(L, W_DATE), cjm_w(L, W_COMMIT),
                   cjm_w(L, W_JOURNEY_INDEX_H));
    for (size_t k = n; k-- > 0;) {
        cjm_str_printf(s, "<tr><td>%s</td><td>", e->hist[k].date);
        cjm_web_text(s, e->hist[k].subject);
        cjm_str_puts(s, "</td><td class=\"num\">");
        if (e->hist[k].has_index)
            S_num(s, e->hist[k].index, 2, L);
        else
            cjm_str_puts(s, "–");
        cjm_str_puts(s, "</td></tr>\n");
    }
    cjm_str_puts(s, "</tbody>\n</table>\n");
}

/* The comparison with the base revision: the changelog and the map. */
static int S_compare(cjm_str *s, cjm_renderer *r, const cjm_journey *j,
                     const cjm_diff *d, const char *base, char *err,
                     size_t errsize)
{
    cjm_lang L = j->lang;
    cjm_str_printf(s, "<h2 id=\"changes\">%s ", cjm_w(L, W_CHANGES_SINCE));
    cjm_web_text(s, base);
    cjm_str_puts(s, "</h2>\n");
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return -1;
    cjm_diff *const one[1] = {(cjm_diff *)d};
    cjm_output_opts o = {.lang = cjm_lang_name(L), .no_mermaid = true};
    int rc = cjm_diffs_write(mem, one, 1, 0, CJM_FORMAT_TEXT, &o);
    if (fclose(mem) != 0)
        rc = -1;
    if (rc == 0) {
        cjm_str_puts(s, "<pre>");
        cjm_web_text(s, buf ? buf : "");
        cjm_str_puts(s, "</pre>\n");
    }
    free(buf);
    if (rc != 0 || !d->o || !d->n)
        return rc;
    buf = NULL;
    mem = open_memstream(&buf, &len);
    if (!mem)
        return -1;
    rc = cjm_diff_render(r, d, "svg", mem, err, errsize);
    if (fclose(mem) != 0 && rc == 0)
        rc = -1;
    if (rc == 0) {
        cjm_str_printf(s, "<figure id=\"comparison\">\n<figcaption>%s"
                          "</figcaption>\n",
                       cjm_w(L, W_OLD_NEW_VERSION));
        S_inline_svg(s, buf, len);
        cjm_str_puts(s, "</figure>\n");
    }
    free(buf);
    return rc;
}

int cjm_site_page(FILE *out, cjm_renderer *r, const cjm_site_entry *e,
                  const cjm_diff *d, const char *base, char *err,
                  size_t errsize)
{
    const cjm_journey *j = e->j;
    const cjm_figures *f = e->f;
    cjm_lang L = j->lang;
    cjm_str s = {0};
    cjm_site_head(&s, j->title, L);
    cjm_str_printf(&s, "<header>\n<nav><a href=\"index.html\">%s</a>"
                       "<a href=\"#map\">%s</a><a href=\"#flow\">%s</a>"
                       "<a href=\"#channels\">%s</a><a href=\"#stages\">%s</a>",
                   cjm_w(L, W_PORTFOLIO), cjm_w(L, W_VIEW_MAP),
                   cjm_w(L, W_VIEW_FLOW), cjm_w(L, W_VIEW_CHANNELS),
                   cjm_w(L, W_STAGES));
    if (e->n_hist)
        cjm_str_printf(&s, "<a href=\"#history\">%s</a>", cjm_w(L, W_HISTORY));
    if (d)
        cjm_str_printf(&s, "<a href=\"#changes\">%s</a>",
                       cjm_w(L, W_CHANGES_SINCE));
    cjm_str_puts(&s, "</nav>\n<h1>");
    cjm_web_text(&s, j->title);
    cjm_str_puts(&s, "</h1>\n<p class=\"sub\">");
    if (j->persona) {
        cjm_str_printf(&s, "%s: ", cjm_w(L, W_PERSONA));
        cjm_web_text(&s, j->persona);
        cjm_str_puts(&s, " · ");
    }
    cjm_str_printf(&s, "%s · %s ", cjm_w(L, j->future ? W_FUTURE_STATE
                                                       : W_CURRENT_STATE),
                   cjm_w(L, W_JOURNEY_INDEX));
    if (f->has_index) {
        S_num(&s, f->index, 2, L);
        cjm_str_puts(&s, " · ");
        S_num(&s, round(f->index_pct * 10) / 10, 1, L);
        cjm_str_puts(&s, " %");
    } else {
        cjm_str_puts(&s, cjm_w(L, W_NO_SCORE_YET));
    }
    cjm_str_puts(&s, "</p>\n</header>\n<main>\n");
    /* dot's layout depends on what Graphviz laid out before it in the
     * process (2.42 keeps state between layouts), so the flow is drawn
     * first, in the page's fresh process, and placed second. */
    cjm_str flow = {0};
    int rc = S_view(&flow, r, j, CJM_VIEW_FLOW, W_VIEW_FLOW, err, errsize);
    if (rc == 0)
        rc = S_view(&s, r, j, CJM_VIEW_MAP, W_VIEW_MAP, err, errsize);
    if (rc == 0 && !flow.failed)
        cjm_str_append(&s, flow.data, flow.len);
    cjm_str_free(&flow);
    if (rc == 0)
        rc = S_view(&s, r, j, CJM_VIEW_CHANNELS, W_VIEW_CHANNELS, err, errsize);
    if (rc == 0) {
        S_figures(&s, j, f);
        S_history(&s, e);
    }
    if (rc == 0 && d)
        rc = S_compare(&s, r, j, d, base, err, errsize);
    cjm_str_puts(&s, "</main>\n<footer>cjm</footer>\n</body>\n</html>\n");
    if (rc != 0) {
        cjm_str_free(&s);
        return rc;
    }
    rc = s.failed || (s.len && fwrite(s.data, 1, s.len, out) != s.len) ? -2 : 0;
    if (rc)
        snprintf(err, errsize, "cannot write the page");
    cjm_str_free(&s);
    return rc;
}
