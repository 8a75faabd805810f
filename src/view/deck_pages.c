/* deck_pages: a deck's slides drawn to SVG by Graphviz, numbered, and
 * bound into one PDF, or written as one PNG or SVG per slide.  Graphviz
 * 2.42's cairo device writes one page per graph, so the pages are bound
 * here: librsvg draws each slide's SVG onto a page of cairo's PDF surface
 * (the text stays text), or onto a 1920 x 1080 image for PNG. */
#include "deck.h"
#include "diff.h"
#include "lang.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The deck's pages: 960 x 540 pt (16:9); its slides' PNGs 1920 x 1080. */
#define PAGE_W 960.0
#define PAGE_H 540.0
enum { PNG_W = 1920, PNG_H = 1080 };

typedef struct {
    char **svg;
    size_t *len, n, cap;
} svgs;

static void S_svgs_free(svgs *v)
{
    for (size_t k = 0; k < v->n; k++)
        free(v->svg[k]);
    free(v->svg);
    free(v->len);
}

static int S_push(svgs *v, char *buf, size_t len)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 16;
        char **s = realloc(v->svg, cap * sizeof *s);
        if (s)
            v->svg = s;
        size_t *l = s ? realloc(v->len, cap * sizeof *l) : NULL;
        if (!l) {
            free(buf);
            return -1;
        }
        v->len = l;
        v->cap = cap;
    }
    v->svg[v->n] = buf;
    v->len[v->n++] = len;
    return 0;
}

/* Draws g for the slide as SVG into v; *zoom how large it came out. */
static int S_draw(cjm_renderer *r, cjm_graph *g, svgs *v, double *zoom,
                  char *err, size_t errsize)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    int rc = cjm_render_graph(r, g, "nop2", "svg", CJM_PAGE_SLIDE, zoom, mem,
                              err, errsize);
    if (fclose(mem) != 0 && rc == 0) {
        snprintf(err, errsize, "out of memory");
        rc = -1;
    }
    if (rc != 0) {
        free(buf);
        return rc;
    }
    return S_push(v, buf, len);
}

/* Numbers slide k of n in its bottom-right corner ("3 / 12", 15 pt: 20
 * px), in the SVG's own units (the slide's viewBox is in points). */
static int S_number(svgs *v, size_t k, size_t n)
{
    char *end = v->svg[k] ? strstr(v->svg[k], "</svg>") : NULL;
    if (!end)
        return 0;
    cjm_str s = {0};
    cjm_str_printf(&s, "%.*s<text class=\"slide-number\" x=\"1420\" y=\"798\" text-anchor=\"end\" "
                       "font-family=\"DejaVu Sans\" font-size=\"15\" "
                       "fill=\"#52606d\">%zu / %zu</text>\n</svg>\n",
                   (int)(end - v->svg[k]), v->svg[k], k + 1, n);
    if (s.failed) {
        cjm_str_free(&s);
        return -1;
    }
    free(v->svg[k]);
    v->svg[k] = s.data;
    v->len[k] = s.len;
    return 0;
}

/* Draws an SVG onto cr, filling w x h. */
static int S_paint(cairo_t *cr, const char *svg, size_t len, double w,
                   double h, char *err, size_t errsize)
{
    GError *gerr = NULL;
    RsvgHandle *hd = rsvg_handle_new_from_data((const guint8 *)svg, len, &gerr);
    RsvgRectangle vp = {0, 0, w, h};
    if (hd)
        rsvg_handle_render_document(hd, cr, &vp, &gerr);
    if (gerr)
        snprintf(err, errsize, "cannot draw a slide: %s", gerr->message);
    int rc = gerr || !hd ? -1 : 0;
    if (gerr)
        g_error_free(gerr);
    if (hd)
        g_object_unref(hd);
    return rc;
}

static cairo_status_t S_write(void *closure, const unsigned char *data,
                              unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                 : CAIRO_STATUS_WRITE_ERROR;
}

/* Binds the slides into one PDF in memory. */
static int S_pdf(const svgs *v, const cjm_journey *j, char **buf,
                 size_t *len, char *err, size_t errsize)
{
    FILE *mem = open_memstream(buf, len);
    if (!mem) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    cairo_surface_t *pdf =
        cairo_pdf_surface_create_for_stream(S_write, mem, PAGE_W, PAGE_H);
    /* The same journey gives the same bytes: no time of day. */
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
                                   "1970-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE,
                                   "1970-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE,
                                   j->title ? j->title : "");
    cairo_t *cr = cairo_create(pdf);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < v->n; k++) {
        rc = S_paint(cr, v->svg[k], v->len[k], PAGE_W, PAGE_H, err, errsize);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    if (rc == 0 && cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errsize, "cannot write the deck: %s",
                 cairo_status_to_string(cairo_surface_status(pdf)));
        rc = -1;
    }
    cairo_surface_destroy(pdf);
    if (fclose(mem) != 0 && rc == 0) {
        snprintf(err, errsize, "out of memory");
        rc = -1;
    }
    return rc;
}

/* One slide as a 1920 x 1080 PNG in memory. */
static int S_png(const char *svg, size_t svg_len, char **buf, size_t *len,
                 char *err, size_t errsize)
{
    FILE *mem = open_memstream(buf, len);
    if (!mem) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, PNG_W, PNG_H);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    int rc = S_paint(cr, svg, svg_len, PNG_W, PNG_H, err, errsize);
    cairo_destroy(cr);
    if (rc == 0 && cairo_surface_write_to_png_stream(img, S_write, mem) !=
                       CAIRO_STATUS_SUCCESS) {
        snprintf(err, errsize, "cannot write a slide's PNG");
        rc = -1;
    }
    cairo_surface_destroy(img);
    if (fclose(mem) != 0 && rc == 0) {
        snprintf(err, errsize, "out of memory");
        rc = -1;
    }
    return rc;
}

/* The comparison slides: the comparison map (a digest) when it is large
 * enough to read on the slide (it is one row: a journey of more than
 * about eight touchpoints is not), and what changed. */
static int S_compare(cjm_renderer *r, const cjm_journey *j,
                     const cjm_journey *old, svgs *v, char *err,
                     size_t errsize)
{
    cjm_diff *d = cjm_diff_new(old, j, old->file, j->file);
    if (!d) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    cjm_look digest = r->look;
    digest.digest = true;
    char *buf = NULL;
    size_t len = 0;
    double zoom = 0;
    FILE *mem = open_memstream(&buf, &len);
    int rc = mem ? cjm_diff_render_look(r, d, &digest, "svg", CJM_PAGE_SLIDE,
                                        mem, &zoom, err, errsize)
                 : -1;
    if (mem && fclose(mem) != 0)
        rc = -1;
    if (rc == 0 && zoom * 11 * 96 / 72 >= 14)
        rc = S_push(v, buf, len);
    else
        free(buf);
    cjm_graph *g = rc == 0 ? cjm_slide_changes(d, 10) : NULL;
    if (rc == 0)
        rc = g ? S_draw(r, g, v, NULL, err, errsize) : -1;
    cjm_graph_free(g);
    cjm_diff_free(d);
    return rc;
}

/* Every slide of the deck as SVG, numbered. */
static int S_slides(cjm_renderer *r, const cjm_journey *j,
                    const cjm_journey *old, svgs *v, char *err,
                    size_t errsize)
{
    cjm_figures *f = cjm_figures_new(j);
    cjm_slides *sl = f ? cjm_slides_new(r->gv, j, f, &r->look) : NULL;
    int rc = sl ? 0 : -1;
    if (!sl)
        snprintf(err, errsize, "out of memory while drawing '%s'", j->file);
    for (size_t k = 0; rc == 0 && sl && k < cjm_slides_count(sl); k++)
        rc = S_draw(r, cjm_slides_get(sl, k), v, NULL, err, errsize);
    cjm_slides_free(sl);
    cjm_figures_free(f);
    if (rc == 0 && old)
        rc = S_compare(r, j, old, v, err, errsize);
    for (size_t k = 0; rc == 0 && k < v->n; k++)
        rc = S_number(v, k, v->n);
    return rc;
}

int cjm_deck_render(cjm_renderer *r, const cjm_journey *j,
                    const cjm_journey *old, const char *format,
                    cjm_slide_sink sink, void *ctx, size_t *n_slides,
                    char *err, size_t errsize)
{
    if (errsize)
        err[0] = '\0';
    if (n_slides)
        *n_slides = 0;
    bool pdf = strcmp(format, "pdf") == 0, png = strcmp(format, "png") == 0;
    if (!pdf && !png && strcmp(format, "svg") != 0) {
        snprintf(err, errsize, "unknown deck format '%s' (pdf, png or svg)",
                 format);
        return -1;
    }
    cjm_journey copy, old_copy;
    j = cjm_renderer_shown(r, j, &copy);
    if (old) {
        /* Both sides speak the new journey's language. */
        old_copy = *old;
        old_copy.lang = j->lang;
        old = &old_copy;
    }
    svgs v = {0};
    int rc = S_slides(r, j, old, &v, err, errsize);
    if (rc == 0 && n_slides)
        *n_slides = v.n;
    char *buf = NULL;
    size_t len = 0;
    if (rc == 0 && pdf) {
        rc = S_pdf(&v, j, &buf, &len, err, errsize);
        if (rc == 0 && sink(ctx, 1, 1, buf, len) != 0)
            rc = -2;
        free(buf);
    }
    for (size_t k = 0; rc == 0 && !pdf && k < v.n; k++) {
        const char *data = v.svg[k];
        size_t n = v.len[k];
        buf = NULL;
        if (png) {
            rc = S_png(v.svg[k], v.len[k], &buf, &len, err, errsize);
            data = buf;
            n = len;
        }
        if (rc == 0 && sink(ctx, k + 1, v.n, data, n) != 0)
            rc = -2;
        free(buf);
    }
    if (rc == -2 && !*err)
        snprintf(err, errsize, "cannot write the deck: %s",
                 strerror(errno ? errno : EIO));
    S_svgs_free(&v);
    return rc;
}
