/* render: the public entry point of the views.  Builds the view's graph,
 * then writes it as DOT or lets Graphviz lay it out and draw it. */
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct cjm_renderer {
    cjm_gv *gv;
};

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
    cjm_renderer *r = malloc(sizeof *r);
    if (!r)
        return NULL;
    r->gv = cjm_gv_new();
    if (!r->gv) {
        free(r);
        return NULL;
    }
    return r;
}

void cjm_renderer_free(cjm_renderer *r)
{
    if (!r)
        return;
    cjm_gv_free(r->gv);
    free(r);
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
                             const char *format, FILE *out, char *err,
                             size_t errsize)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    int rc = cjm_gv_render(gv, g, engine, format, mem, err, errsize);
    if (fclose(mem) != 0 && rc == 0) {
        snprintf(err, errsize, "out of memory");
        rc = -1;
    }
    if (rc == 0) {
        if (strcmp(format, "pdf") == 0)
            S_pdf_fix_dates(buf, len);
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
                     const char *format, FILE *out, char *err, size_t errsize)
{
    if (!S_format_ok(format)) {
        snprintf(err, errsize, "unknown output format '%s' (svg, png, pdf or "
                               "dot)", format);
        return -1;
    }
    if (strcmp(format, "dot") != 0)
        return S_render_buffered(r->gv, g, engine, format, out, err, errsize);
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
    cjm_figures *f = cjm_figures_new(j);
    cjm_graph *g = !f                       ? NULL
                   : view == CJM_VIEW_FLOW     ? cjm_view_flow(j, f)
                   : view == CJM_VIEW_CHANNELS ? cjm_view_channels(j, f)
                                               : cjm_view_map(j, f);
    int rc;
    if (!g) {
        snprintf(err, errsize, "out of memory while drawing '%s'", j->file);
        rc = -1;
    } else {
        rc = cjm_render_graph(r, g, view == CJM_VIEW_FLOW ? "dot" : "nop2",
                              format, out, err, errsize);
    }
    cjm_graph_free(g);
    cjm_figures_free(f);
    return rc;
}
