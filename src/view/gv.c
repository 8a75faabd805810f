/* The Graphviz adapter: the only file that includes Graphviz headers. */
#include "gv.h"
#include "util.h"

#include <gvc.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct cjm_gv {
    GVC_t *ctx;
};

/* cjm_graph, cjm_gnode and cjm_gedge are never defined: they are the
 * Graphviz objects themselves, cast at this boundary. */
#define G(g) ((Agraph_t *)(g))
#define N(n) ((Agnode_t *)(n))
#define E(e) ((Agedge_t *)(e))

cjm_gv *cjm_gv_new(void)
{
    cjm_gv *gv = malloc(sizeof *gv);
    if (!gv)
        return NULL;
    /* Graphviz prints its errors to stderr by default; we collect them with
     * agerrors()/aglasterr() and report them ourselves. */
    agseterr(AGMAX);
    gv->ctx = gvContext();
    if (!gv->ctx) {
        free(gv);
        return NULL;
    }
    return gv;
}

void cjm_gv_free(cjm_gv *gv)
{
    if (!gv)
        return;
    gvFreeContext(gv->ctx);
    free(gv);
}

cjm_graph *cjm_graph_new(const char *name)
{
    return (cjm_graph *)agopen((char *)name, Agdirected, NULL);
}

void cjm_graph_free(cjm_graph *g)
{
    if (g)
        agclose(G(g));
}

cjm_graph *cjm_graph_cluster(cjm_graph *g, const char *name)
{
    return (cjm_graph *)agsubg(G(g), (char *)name, 1);
}

void cjm_graph_set(cjm_graph *g, const char *key, const char *value)
{
    agsafeset(G(g), (char *)key, (char *)value, "");
}

void cjm_graph_set_html(cjm_graph *g, const char *key, const char *html)
{
    char *s = agstrdup_html(agroot(G(g)), (char *)html);
    agsafeset(G(g), (char *)key, s, "");
    agstrfree(agroot(G(g)), s);
}

void cjm_graph_default(cjm_graph *g, const char *key, const char *value)
{
    agattr(agroot(G(g)), AGRAPH, (char *)key, (char *)value);
}

void cjm_graph_node_default(cjm_graph *g, const char *key, const char *value)
{
    agattr(agroot(G(g)), AGNODE, (char *)key, (char *)value);
}

void cjm_graph_edge_default(cjm_graph *g, const char *key, const char *value)
{
    agattr(agroot(G(g)), AGEDGE, (char *)key, (char *)value);
}

cjm_gnode *cjm_graph_node(cjm_graph *g, const char *name)
{
    return (cjm_gnode *)agnode(G(g), (char *)name, 1);
}

void cjm_node_set(cjm_gnode *n, const char *key, const char *value)
{
    agsafeset(N(n), (char *)key, (char *)value, "");
}

void cjm_node_set_html(cjm_gnode *n, const char *html)
{
    Agraph_t *g = agroot(agraphof(N(n)));
    char *s = agstrdup_html(g, (char *)html);
    agsafeset(N(n), "label", s, "");
    agstrfree(g, s);
}

const char *cjm_graph_node_attr(cjm_graph *g, const char *node,
                                const char *key)
{
    Agnode_t *n = agnode(G(g), (char *)node, 0);
    return n ? agget(n, (char *)key) : NULL;
}

cjm_gedge *cjm_graph_edge(cjm_graph *g, cjm_gnode *a, cjm_gnode *b)
{
    /* An unnamed edge: several edges between the same two nodes stay
     * distinct. */
    return (cjm_gedge *)agedge(G(g), N(a), N(b), NULL, 1);
}

void cjm_edge_set(cjm_gedge *e, const char *key, const char *value)
{
    agsafeset(E(e), (char *)key, (char *)value, "");
}

/* Graphviz ends its messages with a newline (and "Warning: "/"Error: "
 * before them); ours have neither. */
static void S_trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
}

static void S_last_error(char *err, size_t errsize, const char *what)
{
    char *msg = aglasterr(); /* malloc'd by cgraph */
    snprintf(err, errsize, "Graphviz could not %s: %s", what,
             msg && *msg ? msg : "unknown error");
    free(msg);
    S_trim(err);
}

/* A message Graphviz kept (we keep them all, agseterr(AGMAX)) that was
 * not there before: the text of its last one.  cgraph only gives the last
 * message, so `before` is what it gave before drawing. */
static void S_new_warning(const char *before, char *err, size_t errsize)
{
    char *msg = aglasterr();
    if (msg && *msg && (!before || strcmp(before, msg) != 0)) {
        const char *text = msg;
        if (strncmp(text, "Warning: ", 9) == 0)
            text += 9;
        snprintf(err, errsize, "Graphviz: %s", text);
        S_trim(err);
    }
    free(msg);
}

/* Cairo cannot make a bitmap wider or taller than 32767 px; past that
 * Graphviz shrinks the picture until the text is unreadable and says so
 * on stderr under a "(null)" name.  We refuse instead, with a way out. */
enum { PNG_MAX_PX = 32767 };

static bool S_too_large(cjm_graph *g, const char *format, char *err,
                        size_t errsize)
{
    if (strcmp(format, "png") != 0)
        return false;
    boxf bb = GD_bb(G(g));
    /* The pad around the drawing, as the graph sets it (Graphviz default:
     * 4 pt). */
    const char *pad_in = agget(G(g), "pad");
    double pad = 2 * (pad_in && *pad_in ? cjm_strtod(pad_in, NULL) : 0.0555) * 72;
    double w = (bb.UR.x - bb.LL.x + pad) * 96 / 72;
    double h = (bb.UR.y - bb.LL.y + pad) * 96 / 72;
    if (w <= PNG_MAX_PX && h <= PNG_MAX_PX)
        return false;
    snprintf(err, errsize,
             "the picture would be %.0f x %.0f px, more than the %d px a PNG "
             "can hold at full size; draw it as SVG or PDF instead",
             w, h, PNG_MAX_PX);
    return true;
}

/* A page of fixed size: no pad or device margin of Graphviz's own (cairo
 * adds 36 pt around a PDF), and the PNG resolution, which Graphviz reads
 * at layout time. */
static void S_page_before(cjm_graph *g, const char *format,
                          const cjm_gv_page *page)
{
    char num[32];
    agsafeset(G(g), "pad", "0", "");
    agsafeset(G(g), "margin", "0", "");
    if (strcmp(format, "png") == 0) {
        cjm_snprintf(num, sizeof num, "%g", page->dpi);
        agsafeset(G(g), "dpi", num, "");
    }
}

double cjm_gv_page_zoom(const cjm_gv_page *page, double w, double h)
{
    double zw = (page->w - 2 * page->margin) / (w > 1 ? w : 1);
    double zh = (page->h - 2 * page->margin) / (h > 1 ? h : 1);
    return zw < zh ? zw : zh;
}

/* The viewport is the page: the drawing is zoomed to fill it up to the
 * margin and centred on it. */
static double S_page_after(cjm_graph *g, const cjm_gv_page *page)
{
    boxf bb = GD_bb(G(g));
    double z = cjm_gv_page_zoom(page, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    char vp[160];
    cjm_snprintf(vp, sizeof vp, "%.2f,%.2f,%.5f,%.2f,%.2f", page->w, page->h, z,
             (bb.LL.x + bb.UR.x) / 2, (bb.LL.y + bb.UR.y) / 2);
    agsafeset(G(g), "viewport", vp, "");
    return z;
}

static int S_render(cjm_gv *gv, cjm_graph *g, const char *engine,
                    const char *format, const cjm_gv_page *page, double *z,
                    FILE *out, char *err, size_t errsize);

int cjm_gv_render(cjm_gv *gv, cjm_graph *g, const char *engine,
                  const char *format, const cjm_gv_page *page, double *zoom,
                  FILE *out, char *err, size_t errsize)
{
    double z = 1;
    char *before = aglasterr();
    if (errsize)
        err[0] = '\0';
    /* Graphviz reads our attributes and prints coordinates with the C
     * library's number functions, which follow the program's locale. */
    locale_t old, c = cjm_c_locale_enter(&old);
    int rc = S_render(gv, g, engine, format, page, &z, out, err, errsize);
    cjm_c_locale_leave(c, old);
    if (rc == 0) {
        S_new_warning(before, err, errsize);
        if (zoom)
            *zoom = z;
    }
    free(before);
    return rc;
}

static int S_render(cjm_gv *gv, cjm_graph *g, const char *engine,
                    const char *format, const cjm_gv_page *page, double *z,
                    FILE *out, char *err, size_t errsize)
{
    if (page)
        S_page_before(g, format, page);
    /* gvLayout returns 0 even when an HTML label fell back to the node
     * name, so the error count decides. */
    agreseterrors();
    if (gvLayout(gv->ctx, G(g), engine) != 0 || agerrors() >= AGERR) {
        S_last_error(err, errsize, "lay out the map");
        gvFreeLayout(gv->ctx, G(g));
        return -1;
    }
    if (page)
        *z = S_page_after(g, page);
    else if (S_too_large(g, format, err, errsize)) {
        gvFreeLayout(gv->ctx, G(g));
        return -1;
    }
    int rc = gvRender(gv->ctx, G(g), format, out);
    if (rc != 0 || agerrors() >= AGERR) {
        S_last_error(err, errsize, "draw the map");
        rc = -1;
    }
    gvFreeLayout(gv->ctx, G(g));
    return rc;
}

int cjm_gv_measure(cjm_gv *gv, cjm_graph *g, const char *engine, double *w,
                   double *h)
{
    agreseterrors();
    locale_t old, c = cjm_c_locale_enter(&old);
    int rc = gvLayout(gv->ctx, G(g), engine);
    cjm_c_locale_leave(c, old);
    if (rc != 0 || agerrors() >= AGERR) {
        gvFreeLayout(gv->ctx, G(g));
        return -1;
    }
    boxf bb = GD_bb(G(g));
    *w = bb.UR.x - bb.LL.x;
    *h = bb.UR.y - bb.LL.y;
    gvFreeLayout(gv->ctx, G(g));
    return 0;
}

int cjm_graph_write(cjm_graph *g, FILE *out)
{
    return agwrite(G(g), out) == 0 && !ferror(out) ? 0 : -1;
}
