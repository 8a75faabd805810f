/* web: text made safe for HTML, the one escaping function of the web
 * pages cjm writes (cjm site). */
#ifndef CJM_WEB_H
#define CJM_WEB_H

#include "util.h"

/* Appends text to s with & < > " ' escaped, so it is safe in an element
 * and in a quoted attribute; control characters but tab and newline
 * become spaces. */
void cjm_web_text(cjm_str *s, const char *text);

#endif
