/* site: the portfolio and journey pages of `cjm site`, HTML5 written by
 * hand through one escaping function (cjm_web_text), with the views
 * inline as SVG.  Nothing is loaded from elsewhere; the pages read without
 * JavaScript. */
#include "site.h"
#include "channels.h"
#include "diff.h"
#include "label.h"
#include "lang.h"
#include "web.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the stylesheet ---------------------------------------------------- */

static const char css[] =
    "*{box-sizing:border-box}\n"
    "body{font-family:\"DejaVu Sans\",Verdana,sans-serif;color:#1f2933;"
    "margin:0;line-height:1.45;background:#fff}\n"
    "header,main,footer{max-width:80rem;margin:0 auto;padding:0 1.25rem}\n"
    "header{padding-top:1.25rem}\n"
    "h1{font-size:1.7rem;margin:.3rem 0}h2{font-size:1.25rem;margin:1.6rem 0 .6rem}\n"
    "a{color:#1d5fa0}a:focus,[tabindex]:focus{outline:3px solid #e66101;"
    "outline-offset:2px}\n"
    ".sub{color:#3e4c59;margin:0}\n"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0}\n"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid "
    "#d9e2ec;vertical-align:top}\n"
    "th{background:#f3f5f8}td.num,th.num{text-align:right;"
    "font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".bar{display:inline-block;height:.8rem;background:#4575b4;"
    "vertical-align:middle;margin-right:.4rem}\n"
    ".strip{display:flex;gap:2px;min-width:8rem}\n"
    ".strip span{flex:1;height:1.1rem;border:1px solid #c5ced8}\n"
    ".sev-critical{color:#8b0000;font-weight:bold}.sev-high{color:#c0392b;"
    "font-weight:bold}\n"
    ".errors pre{background:#fff5f5;border:1px solid #f5c2c0;padding:.6rem;"
    "overflow:auto;white-space:pre-wrap}\n"
    /* On screen a view keeps its own size (its smallest text 8 pt, names
     * 10) and scrolls sideways; on paper it is fitted to the page. */
    "figure{margin:1rem 0;overflow-x:auto}figure svg{height:auto}\n"
    "figcaption{font-weight:bold;margin:.3rem 0}\n"
    "nav a{margin-right:1rem}\n"
    "footer{color:#52606d;font-size:.85rem;padding:2rem 1.25rem}\n"
    "@media print{@page{size:A4;margin:12mm}header,main,footer{max-width:"
    "none;padding:0}nav{display:none}figure{break-inside:avoid;overflow:visible}"
    "figure svg{max-width:100%}"
    "a{color:inherit;text-decoration:none}h2{break-after:avoid}}\n";

int cjm_site_css(FILE *out)
{
    return fputs(css, out) < 0 ? -1 : 0;
}

/* ---- shared pieces --------------------------------------------------- */

void cjm_site_head(cjm_str *s, const char *title, cjm_lang L)
{
    cjm_str_printf(s, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                      "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                      "content=\"width=device-width, initial-scale=1\"/>\n"
                      "<title>",
                   cjm_lang_name(L));
    cjm_web_text(s, title);
    cjm_str_puts(s, "</title>\n<link rel=\"stylesheet\" href=\"style.css\"/>\n"
                    "</head>\n<body>\n");
}

static void S_num(cjm_str *s, double v, int dec, cjm_lang L)
{
    char num[48];
    cjm_str_puts(s, cjm_num(num, v, dec, L));
}

/* A strip of the stages in order, each coloured by its mean on the
 * maps' scale, named in its title. */
static void S_strip(cjm_str *s, const cjm_journey *j, const cjm_figures *f)
{
    char num[48];
    cjm_str_puts(s, "<div class=\"strip\" role=\"img\" aria-label=\"");
    for (size_t k = 0; k < j->n_stages; k++) {
        cjm_str_printf(s, "%s", k ? "; " : "");
        cjm_web_text(s, j->stages[k].name);
        if (f->stage_has_mean[k])
            cjm_str_printf(s, " %s", cjm_num(num, f->stage_mean[k], 2, j->lang));
    }
    cjm_str_puts(s, "\">");
    for (size_t k = 0; k < j->n_stages; k++) {
        const char *fill = f->stage_has_mean[k]
                               ? cjm_score_fill(cjm_score_t(j, f->stage_mean[k]))
                               : "#eeeeee";
        cjm_str_printf(s, "<span style=\"background:%s\" title=\"", fill);
        cjm_web_text(s, j->stages[k].name);
        cjm_str_puts(s, "\"></span>");
    }
    cjm_str_puts(s, "</div>");
}

/* The trend of a journey's index over its history, as a small SVG line
 * with the figures in its title (a screen reader reads the title). */
static void S_spark(cjm_str *s, const cjm_site_entry *e, cjm_lang L)
{
    size_t n = 0;
    double lo = e->j->scale_min, hi = e->j->scale_max;
    for (size_t k = 0; k < e->n_hist; k++)
        n += e->hist[k].has_index;
    if (n < 2) {
        cjm_str_puts(s, "–");
        return;
    }
    cjm_str_puts(s, "<svg width=\"96\" height=\"24\" viewBox=\"0 0 96 24\" "
                    "role=\"img\"><title>");
    for (size_t k = 0, i = 0; k < e->n_hist; k++)
        if (e->hist[k].has_index) {
            cjm_str_printf(s, "%s%s ", i++ ? ", " : "", e->hist[k].date);
            S_num(s, e->hist[k].index, 2, L);
        }
    cjm_str_puts(s, "</title><polyline fill=\"none\" stroke=\"#1d5fa0\" "
                    "stroke-width=\"2\" points=\"");
    for (size_t k = 0, i = 0; k < e->n_hist; k++) {
        if (!e->hist[k].has_index)
            continue;
        double x = 4 + 88.0 * (double)i++ / (double)(n - 1);
        double y = 20 - 16 * (e->hist[k].index - lo) / (hi - lo);
        cjm_str_printf(s, "%s%.1f,%.1f", i > 1 ? " " : "", x, y);
    }
    cjm_str_puts(s, "\"/></svg>");
}

/* ---- the portfolio ------------------------------------------------- */

static void S_row(cjm_str *s, const cjm_site_entry *e, cjm_lang L)
{
    const cjm_journey *j = e->j;
    const cjm_figures *f = e->f;
    cjm_str_puts(s, "<tr><th scope=\"row\"><a href=\"");
    cjm_web_text(s, e->page);
    cjm_str_puts(s, "\">");
    cjm_web_text(s, j->title);
    cjm_str_puts(s, "</a></th><td>");
    cjm_web_text(s, j->persona ? j->persona : "");
    cjm_str_printf(s, "</td><td>%s</td><td class=\"num\">",
                   cjm_w(L, j->future ? W_STATE_FUTURE : W_STATE_CURRENT));
    if (f->has_index) {
        cjm_str_printf(s, "<span class=\"bar\" style=\"width:%.1fpx\"></span>",
                       fmax(2, f->index_pct * 0.8));
        S_num(s, f->index, 2, L);
    } else {
        cjm_str_puts(s, "–");
    }
    cjm_str_puts(s, "</td><td>");
    S_spark(s, e, L);
    cjm_str_printf(s, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu"
                      "</td><td class=\"num\">%zu</td><td>",
                   j->n_tps, f->friction[CJM_SEV_CRITICAL],
                   f->friction[CJM_SEV_HIGH]);
    if (f->n_weakest) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[0]];
        cjm_web_text(s, tp->name);
        cjm_str_puts(s, " (");
        S_num(s, tp->score, 2, L);
        cjm_str_puts(s, ")");
    }
    cjm_str_puts(s, "</td><td>");
    S_strip(s, j, f);
    cjm_str_puts(s, "</td></tr>\n");
}

/* Every critical, then every high friction point of every journey. */
static void S_top_friction(cjm_str *s, const cjm_site_entry *e, size_t n,
                           cjm_lang L)
{
    cjm_str_printf(s, "<h2 id=\"friction\">%s</h2>\n<table>\n<thead><tr>"
                      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "</tr></thead>\n<tbody>\n",
                   cjm_w(L, W_TOP_FRICTION), cjm_w(L, W_SEVERITY),
                   cjm_w(L, W_JOURNEYS_H), cjm_w(L, W_TOUCHPOINT_H),
                   cjm_w(L, W_FRICTION_COUNTS));
    size_t shown = 0;
    for (int sev = CJM_SEV_CRITICAL; sev >= CJM_SEV_HIGH; sev--)
        for (size_t k = 0; k < n; k++)
            for (size_t t = 0; t < e[k].j->n_tps; t++) {
                const cjm_touchpoint *tp = &e[k].j->tps[t];
                for (size_t q = 0; q < tp->n_friction; q++) {
                    const cjm_friction *fr = &tp->friction[q];
                    if ((int)fr->severity != sev)
                        continue;
                    shown++;
                    cjm_str_printf(s, "<tr><td class=\"sev-%s\">▲ %s</td><td>"
                                      "<a href=\"",
                                   sev == CJM_SEV_CRITICAL ? "critical" : "high",
                                   cjm_w(L, W_SEVL_LOW + sev));
                    cjm_web_text(s, e[k].page);
                    cjm_str_puts(s, "\">");
                    cjm_web_text(s, e[k].j->title);
                    cjm_str_puts(s, "</a></td><td>");
                    cjm_web_text(s, tp->name);
                    cjm_str_puts(s, "</td><td>");
                    cjm_web_text(s, fr->text);
                    if (fr->evidence) {
                        cjm_str_puts(s, "<br/><i>");
                        cjm_web_text(s, fr->evidence);
                        cjm_str_puts(s, "</i>");
                    }
                    cjm_str_puts(s, "</td></tr>\n");
                }
            }
    if (!shown)
        cjm_str_printf(s, "<tr><td colspan=\"4\">%s</td></tr>\n",
                       cjm_w(L, W_NONE));
    cjm_str_puts(s, "</tbody>\n</table>\n");
}

static void S_broken(cjm_str *s, const cjm_site_broken *b, size_t nb,
                     cjm_lang L)
{
    if (!nb)
        return;
    cjm_str_printf(s, "<section class=\"errors\">\n<h2 id=\"errors\">%s</h2>\n",
                   cjm_w(L, W_FILES_WITH_ERRORS));
    for (size_t k = 0; k < nb; k++) {
        cjm_str_puts(s, "<h3>");
        cjm_web_text(s, b[k].file);
        cjm_str_puts(s, "</h3>\n<pre>");
        cjm_web_text(s, b[k].diags);
        cjm_str_puts(s, "</pre>\n");
    }
    cjm_str_puts(s, "</section>\n");
}

static int S_flush(FILE *out, cjm_str *s)
{
    int rc = s->failed || (s->len && fwrite(s->data, 1, s->len, out) != s->len)
                 ? -1
                 : 0;
    cjm_str_free(s);
    return rc;
}

int cjm_site_index(FILE *out, const cjm_site_entry *e, size_t n,
                   const cjm_site_broken *b, size_t nb, cjm_lang L)
{
    cjm_str s = {0};
    cjm_site_head(&s, cjm_w(L, W_PORTFOLIO), L);
    cjm_str_printf(&s, "<header>\n<h1>%s</h1>\n<p class=\"sub\">",
                   cjm_w(L, W_PORTFOLIO));
    cjm_str_printf(&s, cjm_w(L, W_JOURNEYS_LOWER), n);
    if (nb)
        cjm_str_printf(&s, " · <a href=\"#errors\">%zu %s</a>", nb,
                       cjm_w(L, W_FILES_WITH_ERRORS_LOWER));
    cjm_str_printf(&s, "</p>\n</header>\n<main>\n<h2 id=\"journeys\">%s</h2>\n"
                       "<table>\n<thead><tr>",
                   cjm_w(L, W_JOURNEYS_TITLE));
    const cjm_word cols[] = {W_JOURNEYS_H, W_PERSONA, W_STATE_H,
                             W_JOURNEY_INDEX_H, W_TREND, W_TOUCHPOINTS,
                             W_SEVL_CRITICAL_H, W_SEVL_HIGH_H, W_WEAKEST_H,
                             W_STAGES};
    for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
        cjm_str_printf(&s, "<th scope=\"col\"%s>%s</th>",
                       k == 3 || (k >= 5 && k <= 7) ? " class=\"num\"" : "",
                       cjm_w(L, cols[k]));
    cjm_str_puts(&s, "</tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < n; k++)
        S_row(&s, &e[k], L);
    cjm_str_puts(&s, "</tbody>\n</table>\n");
    S_top_friction(&s, e, n, L);
    S_broken(&s, b, nb, L);
    cjm_str_puts(&s, "</main>\n<footer>cjm</footer>\n</body>\n</html>\n");
    return S_flush(out, &s);
}
