/* site: the pages of the static portfolio site (spec "Site"), written to
 * streams the caller gives: the portfolio (index.html), a page per
 * journey and the one stylesheet.  cmd_site.c makes the folder, reads the
 * history from git and runs the workers. */
#ifndef CJM_SITE_H
#define CJM_SITE_H

#include "analyse.h"
#include "render.h"

#include <stdio.h>

/* A journey's index at one commit that changed its file. */
typedef struct {
    char date[11];  /* YYYY-MM-DD, the commit's */
    char *subject;  /* the commit's subject */
    bool has_index; /* the file loaded and had scores */
    double index;
} cjm_site_point;

/* One journey of the site. */
typedef struct {
    const cjm_journey *j;
    const cjm_figures *f;
    const char *page;            /* its page's file name: "<id>.html" */
    const cjm_site_point *hist;  /* oldest first; may be empty */
    size_t n_hist;
} cjm_site_entry;

/* A file that could not be loaded, with its diagnostics as text. */
typedef struct {
    const char *file, *diags;
} cjm_site_broken;

/* The head of a page: doctype, language, title, the stylesheet. */
void cjm_site_head(cjm_str *s, const char *title, cjm_lang lang);

/* The stylesheet, style.css (screen and print). */
int cjm_site_css(FILE *out);
/* The portfolio in `lang`.  Returns 0, or -1 when writing failed. */
int cjm_site_index(FILE *out, const cjm_site_entry *e, size_t n,
                   const cjm_site_broken *b, size_t nb, cjm_lang lang);
/* A journey's page, in its own language: its three views (inline SVG, each
 * card focusable), its figures, its history, and with d (may be NULL) the
 * comparison with `base`.  Returns 0, or as cjm_render. */
int cjm_site_page(FILE *out, cjm_renderer *r, const cjm_site_entry *e,
                  const cjm_diff *d, const char *base, char *err,
                  size_t errsize);

#endif
