/* deck: the slides of a workshop deck (deck.c) as graphs, and how they
 * are bound into a PDF or written as PNG or SVG files (deck_pages.c). */
#ifndef CJM_DECK_H
#define CJM_DECK_H

#include "render.h"

/* The slides of j in order: the title slide with the digest map, a slide
 * per stage (or several: as many touchpoints on each as meet the slide's
 * floors, at most six), and "where it hurts" (over several slides when
 * its friction list is long).  Each is drawn for the slide at about 1:1.
 * NULL when out of memory.  gv lays out trial slides. */
typedef struct cjm_slides cjm_slides;
cjm_slides *cjm_slides_new(cjm_gv *gv, const cjm_journey *j,
                           const cjm_figures *f, const cjm_look *look);
void cjm_slides_free(cjm_slides *sl);
size_t cjm_slides_count(const cjm_slides *sl);
/* Slide k's graph, owned by sl. */
cjm_graph *cjm_slides_get(const cjm_slides *sl, size_t k);

/* The "what changed" slide of d (both sides present): the index old ->
 * new, added and removed touchpoints and the largest score changes, at
 * most `most` of each.  Caller frees. */
cjm_graph *cjm_slide_changes(const cjm_diff *d, size_t most);

#endif
