/* render: the public entry point of the views.  Builds the view's graph,
 * then writes it as DOT or lets Graphviz lay it out and draw it. */
#include "render.h"

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
    } else if (strcmp(format, "dot") == 0) {
        rc = cjm_graph_write(g, out);
        if (rc != 0)
            snprintf(err, errsize, "cannot write the graph");
    } else {
        const char *engine = view == CJM_VIEW_FLOW ? "dot" : "nop2";
        rc = cjm_gv_render(r->gv, g, engine, format, out, err, errsize);
    }
    cjm_graph_free(g);
    cjm_figures_free(f);
    return rc;
}
