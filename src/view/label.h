/* label: user text made safe for Graphviz and laid out for the maps.
 *
 * Every user string that reaches a graph goes through one of these: HTML
 * escaping (& < > " '), doubled backslashes (Graphviz expands \N, \G, ...
 * even inside HTML labels), control characters dropped, and word wrapping by
 * display width (CJK and emoji count double) so labels never overflow. */
#ifndef CJM_LABEL_H
#define CJM_LABEL_H

#include "util.h"

/* Appends text escaped for an HTML-like label; newlines become <BR/>. */
void cjm_html_text(cjm_str *s, const char *text);

/* Appends text word-wrapped at `width` columns, escaped, lines joined by
 * <BR/>.  A word may run CJM_WRAP_SLACK columns past the line; longer ones
 * are broken, never cut off.  Returns the number of lines. */
#define CJM_WRAP_SLACK 3
int cjm_html_wrapped(cjm_str *s, const char *text, int width);
/* How many lines cjm_html_wrapped makes of text. */
int cjm_wrapped_lines(const char *text, int width);

/* Appends text for a plain attribute such as `tooltip`: '&' and
 * backslashes escaped (four for one: Graphviz expands tooltips twice), newlines as &#10;, other control characters as
 * spaces.  Graphviz escapes < > " itself. */
void cjm_attr_text(cjm_str *s, const char *text);

/* Display width of its longest word: the longest stretch a line cannot
 * end in without breaking a word (lines end at spaces and after hyphens). */
int cjm_longest_word(const char *text);

/* Colour-blind-safe diverging fill for t in [0, 1] (0 worst, 1 best):
 * ColorBrewer RdYlBu, 7 classes; and a text colour readable on it. */
const char *cjm_score_fill(double t);
const char *cjm_score_ink(double t);
int cjm_score_class(double t);

#endif
