/* web: HTML escaping for the site's pages. */
#include "web.h"

#include <string.h>

void cjm_web_text(cjm_str *s, const char *text)
{
    const char *p = text ? text : "";
    while (*p) {
        size_t run = strcspn(p, "&<>\"'\x01\x02\x03\x04\x05\x06\x07\x08"
                                "\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14"
                                "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e"
                                "\x1f");
        cjm_str_append(s, p, run);
        p += run;
        switch (*p) {
        case '\0': return;
        case '&': cjm_str_puts(s, "&amp;"); break;
        case '<': cjm_str_puts(s, "&lt;"); break;
        case '>': cjm_str_puts(s, "&gt;"); break;
        case '"': cjm_str_puts(s, "&quot;"); break;
        case '\'': cjm_str_puts(s, "&#39;"); break;
        default: cjm_str_puts(s, " "); break; /* a control character */
        }
        p++;
    }
}
