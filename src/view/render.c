/* render: the public entry point of the views.  Builds the view's graph,
 * then writes it as DOT or lets Graphviz lay it out and draw it. */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


static const char *const view_names[] = {"map", "flow", "channels"};

int cjm_view_parse(const char *name, cjm_view *out)
{
    for (int v = 0; v < 3; v++)
        if (strcmp(name, view_names[v]) == 0) {
            *out = (cjm_view)v;
            return 0;
        }
    return -1;
}

const char *cjm_view_name(cjm_view view)
{
    return (unsigned)view < 3 ? view_names[view] : "map";
}

cjm_renderer *cjm_renderer_new(void)
{
    cjm_renderer *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->gv = cjm_gv_new();
    if (!r->gv) {
        free(r);
        return NULL;
    }
    return r;
}

int cjm_renderer_set_options(cjm_renderer *r, const cjm_output_opts *o)
{
    cjm_lang lang;
    if (cjm_output_lang(o, CJM_LANG_EN, &lang) != 0)
        return -1;
    r->has_lang = o->lang != NULL;
    r->lang = lang;
    r->look.owners = o->owners;
    return 0;
}

const cjm_journey *cjm_renderer_shown(const cjm_renderer *r,
                                      const cjm_journey *j, cjm_journey *copy)
{
    if (!r->has_lang || r->lang == j->lang)
        return j;
    *copy = *j;
    copy->lang = r->lang;
    return copy;
}

void cjm_renderer_free(cjm_renderer *r)
{
    if (!r)
        return;
    cjm_gv_free(r->gv);
    free(r);
}

/* Landscape ISO pages (mm, rounded to points by the ISO sizes) and a
 * 1920 x 1080 px slide (1440 x 810 pt at 96 dpi).  Margins: 5 mm on
 * paper, what printers leave anyway; 24 px on the slide. */
static const struct {
    const char *name;
    cjm_gv_page gv;
    const char *svg_w, *svg_h;
    double min_text, min_names; /* in pt, or px on the slide */
} pages[] = {
    {"auto", {0, 0, 0, 0}, NULL, NULL, 0, 0},
    {"a4", {841.89, 595.28, 14.17, 150}, "297mm", "210mm", 7, 9},
    {"a3", {1190.55, 841.89, 14.17, 150}, "420mm", "297mm", 7, 9},
    {"a2", {1683.78, 1190.55, 14.17, 150}, "594mm", "420mm", 7, 9},
    {"a1", {2383.94, 1683.78, 14.17, 150}, "841mm", "594mm", 7, 9},
    {"a0", {3370.39, 2383.94, 14.17, 150}, "1189mm", "841mm", 7, 9},
    {"slide", {1440, 810, 18, 96}, "1920px", "1080px", 14, 18},
};

static const char *const detail_names[] = {"auto", "full", "digest"};

int cjm_detail_parse(const char *name, cjm_detail *out)
{
    for (int d = 0; d < 3; d++)
        if (strcmp(name, detail_names[d]) == 0) {
            *out = (cjm_detail)d;
            return 0;
        }
    return -1;
}

const char *cjm_detail_name(cjm_detail detail)
{
    return (unsigned)detail < 3 ? detail_names[detail] : "auto";
}

void cjm_renderer_set_detail(cjm_renderer *r, cjm_detail detail)
{
    r->detail = detail;
}

int cjm_page_parse(const char *name, cjm_page *out)
{
    for (size_t p = 0; p < sizeof pages / sizeof *pages; p++)
        if (strcmp(name, pages[p].name) == 0) {
            *out = (cjm_page)p;
            return 0;
        }
    return -1;
}

const char *cjm_page_name(cjm_page page)
{
    return (unsigned)page < sizeof pages / sizeof *pages ? pages[page].name
                                                         : "auto";
}

const cjm_gv_page *cjm_page_size(cjm_page page)
{
    return page > CJM_PAGE_AUTO && (unsigned)page < sizeof pages / sizeof *pages
               ? &pages[page].gv
               : NULL;
}

/* Graphviz writes an SVG's size in points; a page's is given in its own
 * units (mm, or px for the slide), which is what a browser or Inkscape
 * shows.  The viewBox stays as it is, so the drawing keeps its scale. */
static void S_svg_page_units(char **buf, size_t *len, cjm_page page)
{
    const char *w = strstr(*buf, "<svg width=\"");
    const char *end = w ? strchr(w + 12, '\n') : NULL;
    if (!w || !end || !strstr(w, " height=\""))
        return;
    cjm_str s = {0};
    cjm_str_printf(&s, "%.*s<svg width=\"%s\" height=\"%s\"%s",
                   (int)(w - *buf), *buf, pages[page].svg_w, pages[page].svg_h,
                   end);
    if (s.failed) {
        cjm_str_free(&s);
        return;
    }
    free(*buf);
    *buf = s.data;
    *len = s.len;
}

/* How large a flow graph comes out on the page (its zoom) and how much of
 * the page it covers, laid out with or without dot's `ratio` set to the
 * page's shape; zoom 0 on failure. */
static double S_flow_zoom(const cjm_renderer *r, const cjm_journey *j,
                          const cjm_figures *f, const cjm_look *look,
                          const cjm_gv_page *page, size_t n,
                          const cjm_gv_page *shape, double *cover,
                          double *aspect)
{
    cjm_gv *gv = r->gv;
    cjm_graph *g = cjm_view_flow(j, f, look, n, shape);
    double w, h, z = 0;
    *cover = 0;
    if (g && cjm_gv_measure(gv, g, "dot", &w, &h) == 0) {
        z = cjm_gv_page_zoom(page, w, h);
        *cover = w * h * z * z / (page->w * page->h);
        if (aspect)
            *aspect = h / (w > 1 ? w : 1);
    }
    cjm_graph_free(g);
    return z;
}

/* dot decides the flow view's size, so on a page each number of rows is
 * laid out and the one drawn largest there wins.  Spreading it to the
 * page's shape fills the page but can cost some size: it is kept when it
 * costs under 10 %, or under 15 % when the drawing would cover less than
 * 70 % of the page (dot's bounding box, which the coverage is estimated
 * from, is about a tenth larger than what is drawn in it). */
static size_t S_flow_rows(const cjm_renderer *r, const cjm_journey *j,
                          const cjm_figures *f, const cjm_look *look,
                          const cjm_gv_page *page, double floor_z,
                          cjm_gv_page *shape, bool *spread)
{
    size_t best = 1;
    double best_z = 0, best_cover = 0, best_aspect = 1, cover, aspect;
    *spread = false;
    for (size_t n = 1; page && n <= 6 && n <= j->n_stages; n++) {
        double z = S_flow_zoom(r, j, f, look, page, n, NULL, &cover, &aspect);
        if (z > best_z * 1.02) {
            best = n;
            best_z = z;
            best_cover = cover;
            best_aspect = aspect;
        }
    }
    if (!page)
        return best;
    /* The page's own shape first; when that costs too much, or takes a
     * drawing that meets the page's floors under them, a shape halfway
     * (geometrically) between the drawing's and the page's. */
    double want = page->h / page->w;
    for (int k = 0; k < 2 && !*spread; k++) {
        *shape = *page;
        shape->h = page->w * (k ? sqrt(want * best_aspect) : want);
        double z = S_flow_zoom(r, j, f, look, page, best, shape, &cover, NULL);
        /* A drawing covering little of the page may give up more of
         * its size for the page, as long as it stays over the floor. */
        double keep = best_cover < 0.6 ? 0.6 : best_cover < 0.7 ? 0.85 : 0.9;
        *spread = z >= keep * best_z && (z >= floor_z || best_z < floor_z);
    }
    return best;
}

static bool S_format_ok(const char *format)
{
    return strcmp(format, "svg") == 0 || strcmp(format, "png") == 0 ||
           strcmp(format, "pdf") == 0 || strcmp(format, "dot") == 0;
}

/* cairo stamps PDFs with the time of day; a fixed date (same length, so
 * the cross-reference offsets stay valid) makes the same journey give the
 * same bytes. */
static void S_pdf_fix_dates(char *buf, size_t len)
{
    static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t i = 0; i + kl + 14 <= len; i++) {
            if (memcmp(buf + i, keys[k], kl) != 0)
                continue;
            char *d = buf + i + kl;
            size_t n = 0;
            while (n < 14 && i + kl + n < len && d[n] >= '0' && d[n] <= '9')
                n++;
            if (n == 14)
                memcpy(d, "19700101000000", 14);
        }
    }
}

/* Graphviz calls exit() when a write fails (gvwrite_no_z in 2.42), so it
 * only ever writes to memory; we copy the result out and report a failed
 * write ourselves.  The memory copy is also where PDF dates are fixed. */
static int S_render_buffered(cjm_gv *gv, cjm_graph *g, const char *engine,
                             const char *format, cjm_page page, double *zoom,
                             FILE *out, char *err, size_t errsize)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    int rc = cjm_gv_render(gv, g, engine, format, cjm_page_size(page), zoom,
                           mem, err, errsize);
    if (fclose(mem) != 0 && rc == 0) {
        snprintf(err, errsize, "out of memory");
        rc = -1;
    }
    if (rc == 0) {
        if (strcmp(format, "pdf") == 0)
            S_pdf_fix_dates(buf, len);
        if (strcmp(format, "svg") == 0 && cjm_page_size(page))
            S_svg_page_units(&buf, &len, page);
        if (fwrite(buf, 1, len, out) != len || fflush(out) != 0) {
            snprintf(err, errsize, "cannot write the %s: %s", format,
                     strerror(errno ? errno : EIO));
            rc = -2;
        }
    }
    free(buf);
    return rc;
}

int cjm_render_graph(cjm_renderer *r, cjm_graph *g, const char *engine,
                     const char *format, cjm_page page, double *zoom,
                     FILE *out, char *err, size_t errsize)
{
    if (!S_format_ok(format)) {
        snprintf(err, errsize, "unknown output format '%s' (svg, png, pdf or "
                               "dot)", format);
        return -1;
    }
    if (strcmp(format, "dot") != 0)
        return S_render_buffered(r->gv, g, engine, format, page, zoom, out,
                                 err, errsize);
    if (cjm_graph_write(g, out) != 0 || fflush(out) != 0) {
        snprintf(err, errsize, "cannot write the graph: %s",
                 strerror(errno ? errno : EIO));
        return -2;
    }
    return 0;
}

int cjm_render(cjm_renderer *r, const cjm_journey *j, cjm_view view,
               const char *format, FILE *out, char *err, size_t errsize)
{
    return cjm_render_page(r, j, view, CJM_PAGE_AUTO, format, out, NULL, err,
                           errsize);
}

/* The smallest text and the card names of a look, in points. */
static double S_text_pt(const cjm_look *look)
{
    return look->digest ? cjm_pt(look, 8) : CJM_MIN_FONT_PT;
}

static double S_names_pt(const cjm_look *look)
{
    return look->digest ? cjm_pt(look, 10) : CJM_PAGE_NAME_PT;
}

/* Page units per point: a slide is measured in its px, 96 per inch. */
static double S_unit(cjm_page page)
{
    return page == CJM_PAGE_SLIDE ? 96.0 / 72 : 1;
}

/* Whether a drawing in `look` at `zoom` meets the page's floors (to a
 * hundredth: the figures are printed to two decimals). */
static bool S_meets(const cjm_look *look, double zoom, cjm_page page)
{
    double k = zoom * S_unit(page);
    return S_text_pt(look) * k >= pages[page].min_text - 0.005 &&
           S_names_pt(look) * k >= pages[page].min_names - 0.005;
}

double cjm_floor_zoom(const cjm_look *look, cjm_page page)
{
    double k = S_unit(page);
    return fmax(pages[page].min_text / (S_text_pt(look) * k),
                pages[page].min_names / (S_names_pt(look) * k));
}

/* The view's graph of j in `look`, laid out for `page`. */
static cjm_graph *S_view(const cjm_renderer *r, const cjm_journey *j,
                         const cjm_figures *f, cjm_view view,
                         const cjm_look *look, cjm_page page)
{
    const cjm_gv_page *size = cjm_page_size(page);
    cjm_look lk = *look;
    lk.min_zoom = size ? cjm_floor_zoom(look, page) : 0;
    look = &lk;
    if (view == CJM_VIEW_FLOW) {
        bool spread = false;
        cjm_gv_page shape;
        size_t rows = S_flow_rows(r, j, f, look, size,
                                  cjm_floor_zoom(look, page), &shape, &spread);
        return cjm_view_flow(j, f, look, rows, spread ? &shape : NULL);
    }
    /* On a page the channels view is drawn as channel lanes: the grid of
     * a column per touchpoint and a row per channel is too sparse for any
     * page to hold fourteen touchpoints at a readable size. */
    if (view == CJM_VIEW_CHANNELS)
        return size ? cjm_view_lanes(j, f, look, size)
                    : cjm_view_channels(j, f, look, NULL);
    return cjm_view_map(j, f, look, size);
}

static const char *S_engine(cjm_view view)
{
    return view == CJM_VIEW_FLOW ? "dot" : "nop2";
}

/* How large g comes out on the page; 0 when it cannot be laid out. */
static double S_zoom(cjm_renderer *r, cjm_graph *g, cjm_view view,
                     cjm_page page)
{
    double w, h;
    if (!g || cjm_gv_measure(r->gv, g, S_engine(view), &w, &h) != 0)
        return 0;
    return cjm_gv_page_zoom(cjm_page_size(page), w, h);
}

/* The smallest page after `page` that takes j in full detail, or
 * CJM_PAGE_AUTO when none does. */
static cjm_page S_full_page(cjm_renderer *r, const cjm_journey *j,
                            const cjm_figures *f, cjm_view view,
                            const cjm_look *full, cjm_page page)
{
    for (int p = (int)page + 1; p <= (int)CJM_PAGE_A0; p++) {
        cjm_graph *g = S_view(r, j, f, view, full, (cjm_page)p);
        double z = S_zoom(r, g, view, (cjm_page)p);
        cjm_graph_free(g);
        if (z > 0 && S_meets(full, z, (cjm_page)p))
            return (cjm_page)p;
    }
    return CJM_PAGE_AUTO;
}

/* The graph to draw for the renderer's detail: full or digest as asked,
 * or for auto the digest on A4 and the slide, elsewhere full detail when
 * it meets the page's floors, else the digest (and *full_page says where
 * full detail fits). */
static cjm_graph *S_detailed(cjm_renderer *r, const cjm_journey *j,
                             const cjm_figures *f, cjm_view view,
                             cjm_page page, bool fresh, cjm_look *look,
                             cjm_page *full_page)
{
    const cjm_gv_page *size = cjm_page_size(page);
    cjm_detail want = size ? r->detail : CJM_DETAIL_FULL;
    if (want == CJM_DETAIL_AUTO &&
        (page == CJM_PAGE_A4 || page == CJM_PAGE_SLIDE))
        want = CJM_DETAIL_DIGEST;
    look->digest = want == CJM_DETAIL_DIGEST;
    cjm_graph *g = S_view(r, j, f, view, look, page);
    if (want != CJM_DETAIL_AUTO || !g)
        return g;
    double z = S_zoom(r, g, view, page);
    if (z <= 0 || S_meets(look, z, page)) {
        if (!fresh)
            return g;
        /* Measuring laid g out; DOT is the graph before layout. */
        cjm_graph_free(g);
        return S_view(r, j, f, view, look, page);
    }
    cjm_graph_free(g);
    *full_page = S_full_page(r, j, f, view, look, page);
    look->digest = true;
    return S_view(r, j, f, view, look, page);
}

int cjm_render_page(cjm_renderer *r, const cjm_journey *j, cjm_view view,
                    cjm_page page, const char *format, FILE *out,
                    cjm_page_fit *fit, char *err, size_t errsize)
{
    if (fit)
        *fit = (cjm_page_fit){0, 0, 0, 0, "pt", CJM_DETAIL_FULL,
                              CJM_PAGE_AUTO};
    if (errsize)
        err[0] = '\0';
    if (!S_format_ok(format)) {
        snprintf(err, errsize, "unknown output format '%s' (svg, png, pdf or "
                               "dot)", format);
        return -1;
    }
    if (j->n_tps > CJM_MAX_RENDER_TOUCHPOINTS) {
        snprintf(err, errsize,
                 "'%s' has %zu touchpoints; cjm draws at most %d (split the "
                 "journey, or use 'cjm report' for its figures)",
                 j->file, j->n_tps, CJM_MAX_RENDER_TOUCHPOINTS);
        return -1;
    }
    cjm_journey copy;
    j = cjm_renderer_shown(r, j, &copy);
    const cjm_gv_page *size = cjm_page_size(page);
    cjm_figures *f = cjm_figures_new(j);
    cjm_look look = r->look;
    look.page = size != NULL;
    cjm_page full_page = CJM_PAGE_AUTO;
    cjm_graph *g = f ? S_detailed(r, j, f, view, page,
                                  strcmp(format, "dot") == 0, &look,
                                  &full_page)
                     : NULL;
    int rc;
    if (!g) {
        snprintf(err, errsize, "out of memory while drawing '%s'", j->file);
        rc = -1;
    } else {
        double zoom = 0;
        rc = cjm_render_graph(r, g, S_engine(view), format, page, &zoom, out,
                              err, errsize);
        if (rc == 0 && fit && size && zoom > 0) {
            double k = zoom * S_unit(page);
            *fit = (cjm_page_fit){S_text_pt(&look) * k,
                                  pages[page].min_text,
                                  S_names_pt(&look) * k,
                                  pages[page].min_names,
                                  page == CJM_PAGE_SLIDE ? "px" : "pt",
                                  look.digest ? CJM_DETAIL_DIGEST
                                              : CJM_DETAIL_FULL,
                                  full_page};
        }
    }
    cjm_graph_free(g);
    cjm_figures_free(f);
    return rc;
}
