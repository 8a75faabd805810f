#include "label.h"

#include <string.h>

/* Decodes one UTF-8 character at s (already validated by libyaml);
 * returns its length and sets *cp. */
static size_t S_decode(const unsigned char *s, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : 4;
    unsigned v = s[0] & (0xFF >> (len + 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return i;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

static int S_cp_width(unsigned c)
{
    if ((c >= 0x300 && c <= 0x36F) || (c >= 0x200B && c <= 0x200F) ||
        c == 0xFE0F)
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
        (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

int cjm_text_width(const char *text)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned cp;
        p += S_decode(p, &cp);
        w += S_cp_width(cp);
    }
    return w;
}

/* Escapes n bytes of text for an HTML-like label. */
static void S_html_n(cjm_str *s, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        switch (c) {
        case '&': cjm_str_puts(s, "&amp;"); break;
        case '<': cjm_str_puts(s, "&lt;"); break;
        case '>': cjm_str_puts(s, "&gt;"); break;
        case '"': cjm_str_puts(s, "&quot;"); break;
        case '\'': cjm_str_puts(s, "&#39;"); break;
        case '\\': cjm_str_puts(s, "\\\\"); break;
        case '\n': cjm_str_puts(s, "<BR/>"); break;
        case '\t': cjm_str_puts(s, " "); break;
        default:
            if (c >= 0x20 && c != 0x7F)
                cjm_str_append(s, (const char *)&text[i], 1);
        }
    }
}

void cjm_html_text(cjm_str *s, const char *text)
{
    S_html_n(s, text, strlen(text));
}

static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

int cjm_html_wrapped(cjm_str *s, const char *text, int width)
{
    int lines = 1, col = 0;
    const char *p = text;
    while (*p) {
        while (*p && S_space(*p))
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && !S_space(*p))
            p++;
        /* The word, cut into pieces that fit a line. */
        const char *q = w;
        while (q < p) {
            int piece_w = 0;
            const char *e = q;
            while (e < p) {
                unsigned cp;
                size_t len = S_decode((const unsigned char *)e, &cp);
                int cw = S_cp_width(cp);
                if (piece_w + cw > width && piece_w > 0)
                    break;
                piece_w += cw;
                e += len;
            }
            int need = piece_w + (col ? 1 : 0);
            if (col && col + need > width) {
                cjm_str_puts(s, "<BR/>");
                lines++;
                col = 0;
                need = piece_w;
            }
            if (col) {
                cjm_str_puts(s, " ");
            }
            S_html_n(s, q, (size_t)(e - q));
            col += need;
            q = e;
            if (q < p) { /* a word longer than a line continues below */
                cjm_str_puts(s, "<BR/>");
                lines++;
                col = 0;
            }
        }
    }
    return lines;
}

void cjm_attr_text(cjm_str *s, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        switch (*p) {
        case '&': cjm_str_puts(s, "&amp;"); break;
        /* Graphviz 2.42 expands escapes in a tooltip twice (\\L becomes
         * \L becomes the label), so a literal backslash takes four. */
        case '\\': cjm_str_puts(s, "\\\\\\\\"); break;
        case '\n': cjm_str_puts(s, "&#10;"); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                cjm_str_puts(s, " ");
            else
                cjm_str_append(s, (const char *)p, 1);
        }
    }
}

static const char *const fills[7] = {"#d73027", "#fc8d59", "#fee090",
                                     "#ffffbf", "#e0f3f8", "#91bfdb",
                                     "#4575b4"};

int cjm_score_class(double t)
{
    if (!(t >= 0))
        t = 0;
    if (t > 1)
        t = 1;
    return (int)(t * 6 + 0.5);
}

const char *cjm_score_fill(double t)
{
    return fills[cjm_score_class(t)];
}

const char *cjm_score_ink(double t)
{
    int c = cjm_score_class(t);
    return c == 0 || c == 6 ? "#ffffff" : "#1a1a1a";
}
