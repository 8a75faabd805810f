/* gv: the one place that talks to Graphviz (libcgraph + libgvc).
 *
 * Views build a graph through these calls and never see a Graphviz type.
 * Attribute values are passed through unchanged: callers escape user text
 * with the helpers in label.h first.  Only fixed, program-made strings may
 * go into attributes other than `label` and `tooltip`. */
#ifndef CJM_GV_H
#define CJM_GV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cjm_gv cjm_gv;       /* a Graphviz context, reused */
typedef struct cjm_graph cjm_graph; /* a graph (or a cluster of one) */
typedef struct cjm_gnode cjm_gnode;
typedef struct cjm_gedge cjm_gedge;

/* NULL on failure.  Loads Graphviz's plugins once; reuse it for every
 * journey of a run. */
cjm_gv *cjm_gv_new(void);
void cjm_gv_free(cjm_gv *gv);

/* A directed graph; free with cjm_graph_free (clusters go with it). */
cjm_graph *cjm_graph_new(const char *name);
void cjm_graph_free(cjm_graph *g);
/* A cluster inside g, owned by g.  Its name should start with "cluster". */
cjm_graph *cjm_graph_cluster(cjm_graph *g, const char *name);

/* Sets a graph attribute, or the default of all nodes / edges. */
void cjm_graph_set(cjm_graph *g, const char *key, const char *value);
/* Sets a graph attribute to an HTML-like value built from escaped text. */
void cjm_graph_set_html(cjm_graph *g, const char *key, const char *html);
void cjm_graph_node_default(cjm_graph *g, const char *key, const char *value);
/* The default of a graph attribute for the graph and all its clusters. */
void cjm_graph_default(cjm_graph *g, const char *key, const char *value);
void cjm_graph_edge_default(cjm_graph *g, const char *key, const char *value);

/* A node with a program-made name (never user text), created in g. */
cjm_gnode *cjm_graph_node(cjm_graph *g, const char *name);
void cjm_node_set(cjm_gnode *n, const char *key, const char *value);
/* Sets `label` to an HTML-like label; `html` must be built from escaped
 * text (label.h). */
void cjm_node_set_html(cjm_gnode *n, const char *html);

/* The value of a node's attribute, or NULL (for tests and checks). */
const char *cjm_graph_node_attr(cjm_graph *g, const char *node,
                                const char *key);

cjm_gedge *cjm_graph_edge(cjm_graph *g, cjm_gnode *a, cjm_gnode *b);
void cjm_edge_set(cjm_gedge *e, const char *key, const char *value);

/* A fixed page the drawing is fitted onto, centred and scaled to fill it
 * up to `margin`: all lengths in points; `dpi` only for PNG. */
typedef struct {
    double w, h, margin, dpi;
} cjm_gv_page;

/* The scale that fits a drawing w x h points inside the page's margins. */
double cjm_gv_page_zoom(const cjm_gv_page *page, double w, double h);

/* Lays g out with `engine` ("dot", "nop2") and renders it as `format`
 * ("svg", "png", "pdf") to out, sized to its content or fitted onto page
 * (NULL: sized to content; zoom, if not NULL, gets the scale it was drawn
 * at).  Returns 0, with a warning Graphviz gave in err ("" if none), or -1
 * with Graphviz's own message in err. */
int cjm_gv_render(cjm_gv *gv, cjm_graph *g, const char *engine,
                  const char *format, const cjm_gv_page *page, double *zoom,
                  FILE *out, char *err, size_t errsize);

/* Lays g out with `engine` and gives the drawing's size in points, then
 * drops the layout (to choose between ways of drawing a view).  Returns 0
 * or -1. */
int cjm_gv_measure(cjm_gv *gv, cjm_graph *g, const char *engine, double *w,
                   double *h);

/* Writes g as DOT source, before any layout.  Returns 0 or -1. */
int cjm_graph_write(cjm_graph *g, FILE *out);

#endif
