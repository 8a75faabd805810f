#include "label.h"

#include <string.h>

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
        p += cjm_utf8_decode(p, &cp);
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

/* Display width of text[0..n). */
static int S_width_n(const char *text, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += cjm_utf8_decode((const unsigned char *)text + i, &cp);
        w += S_cp_width(cp);
    }
    return w;
}

/* The longest prefix of text[0..n) that fits `width` columns (at least one
 * character). */
static size_t S_fit(const char *text, size_t n, int width)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        unsigned cp;
        size_t len = cjm_utf8_decode((const unsigned char *)text + i, &cp);
        if (w + S_cp_width(cp) > width && i > 0)
            break;
        w += S_cp_width(cp);
        i += len;
    }
    return i;
}

/* A word may run this many columns past the line before it is broken:
 * "Einwilligung" on one slightly long line reads better than "g" alone. */
enum { WRAP_SLACK = 3 };

typedef struct {
    cjm_str *s;
    int width, col, lines;
} wrapper;

static void S_newline(wrapper *w)
{
    cjm_str_puts(w->s, "<BR/>");
    w->lines++;
    w->col = 0;
}

/* Places one segment; `glue` is true when it continues the previous one
 * without a space (after a hyphen). */
static void S_place(wrapper *w, const char *seg, size_t n, bool glue)
{
    int sw = S_width_n(seg, n);
    int sep = w->col && !glue ? 1 : 0;
    if (w->col && w->col + sep + sw > w->width) {
        S_newline(w);
        sep = 0;
    }
    if (sep)
        cjm_str_puts(w->s, " ");
    while (sw > w->width + WRAP_SLACK - w->col) {
        size_t cut = S_fit(seg, n, w->width - w->col);
        S_html_n(w->s, seg, cut);
        S_newline(w);
        seg += cut;
        n -= cut;
        sw = S_width_n(seg, n);
    }
    S_html_n(w->s, seg, n);
    w->col += sep + sw;
}

int cjm_html_wrapped(cjm_str *s, const char *text, int width)
{
    wrapper w = {s, width, 0, 1};
    const char *p = text;
    while (*p) {
        while (*p && S_space(*p))
            p++;
        bool glue = false;
        /* A word, in segments that end after each hyphen: lines may
         * break there. */
        while (*p && !S_space(*p)) {
            const char *seg = p;
            /* "E-Mail" stays whole: no break after a one- or two-letter
             * part. */
            do {
                while (*p && !S_space(*p) && *p != '-')
                    p++;
                if (*p == '-')
                    p++;
            } while (*p && !S_space(*p) && S_width_n(seg, (size_t)(p - seg)) <= 3);
            S_place(&w, seg, (size_t)(p - seg), glue);
            glue = true;
        }
    }
    return w.lines;
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
