/* Printers for diagnostics: text (compiler style, with the source line and a
 * caret), JSON (one element of the "files" array) and GitHub workflow
 * commands. */
#include "cjm.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Source lines longer than this are not echoed (a 10 MB scalar would drown
 * the message). */
enum { MAX_ECHO = 240 };

/* Byte offsets of each line start, so echoing N findings costs O(file + N). */
typedef struct {
    size_t *start;
    size_t n;
} line_index;

static void S_index_lines(line_index *li, const char *src, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += src[i] == '\n';
    li->start = malloc(n * sizeof *li->start);
    li->n = li->start ? n : 0;
    if (!li->start)
        return;
    size_t k = 0;
    li->start[k++] = 0;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n')
            li->start[k++] = i + 1;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t S_utf8_len(const unsigned char *p, size_t n)
{
    size_t len = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2
                               : (p[0] & 0xF0) == 0xE0   ? 3
                               : (p[0] & 0xF8) == 0xF0   ? 4
                                                         : 0;
    if (len == 0 || len > n || (len == 2 && p[0] < 0xC2))
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

static unsigned S_hidden_at(const unsigned char *p);

/* Echoes source text with invalid UTF-8 bytes shown as '?' and hidden or
 * bidi characters as U+FFFD (one column each, so the caret still lines
 * up): a finding about a bad byte does not itself print one. */
static void S_put_valid(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = S_utf8_len(p + i, n - i);
        if (len == 3 && S_hidden_at(p + i)) {
            fputs("\xEF\xBF\xBD", out);
            i += 3;
        } else if (len == 0) {
            putc('?', out);
            i++;
        } else {
            fwrite(p + i, 1, len, out);
            i += len;
        }
    }
}

static void S_echo(FILE *out, const line_index *li, const char *src,
                   size_t len, int line, int col)
{
    if (line < 1 || (size_t)line > li->n)
        return;
    /* The line's end comes from the index, never from a scan: a finding on
     * a megabyte-long line must cost nothing. */
    size_t s = li->start[line - 1];
    size_t e = (size_t)line < li->n ? li->start[line] - 1 : len;
    if (e > s && src[e - 1] == '\r')
        e--;
    if (e - s > MAX_ECHO || e == s)
        return;
    fprintf(out, "%5d | ", line);
    S_put_valid(out, src + s, e - s);
    fputs("\n      | ", out);
    /* Copy tabs so the caret lines up whatever the tab width. */
    int c = 1;
    for (size_t i = s; i < e && c < col; i++) {
        if (((unsigned char)src[i] & 0xC0) == 0x80)
            continue;
        putc(src[i] == '\t' ? '\t' : ' ', out);
        c++;
    }
    fputs("^\n", out);
}

/* The code point of an invisible or direction-changing character at p
 * (zero-width spaces and joiners, bidi embeddings, overrides and isolates,
 * the BOM), else 0.  Messages show them as <U+XXXX>: a bidi override in an
 * id must not reorder the terminal line or CI log that reports it. */
static unsigned S_hidden_at(const unsigned char *p)
{
    unsigned cp = 0;
    if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2])
        cp = (p[1] == 0x80 ? 0x2000u : 0x2040u) + (p[2] & 0x3Fu);
    else if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        cp = 0xFEFF;
    bool hidden = (cp >= 0x200B && cp <= 0x200F) ||
                  (cp >= 0x202A && cp <= 0x202E) ||
                  (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    return hidden ? cp : 0;
}

static void S_put_msg(FILE *out, const char *msg)
{
    const unsigned char *p = (const unsigned char *)msg;
    while (*p) {
        unsigned cp = S_hidden_at(p);
        if (cp) {
            fprintf(out, "<U+%04X>", cp);
            p += 3;
        } else {
            putc(*p++, out);
        }
    }
}

static void S_text(FILE *out, const cjm_diags *d, const char *src, size_t len)
{
    line_index li = {0};
    if (src && cjm_diags_count(d))
        S_index_lines(&li, src, len);
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        fprintf(out, "%s:%d:%d: %s: ", cjm_diags_file(d), g->line, g->column,
                cjm_severity_name(g->severity));
        S_put_msg(out, g->message);
        fprintf(out, " [%s]\n", cjm_rule_name(g->rule));
        if (li.n)
            S_echo(out, &li, src, len, g->line, g->column);
    }
    free(li.start);
}

static void S_json(FILE *out, const cjm_diags *d)
{
    fputs("{\"file\": ", out);
    cjm_json_string(out, cjm_diags_file(d));
    fprintf(out, ", \"errors\": %zu, \"warnings\": %zu, \"diagnostics\": [",
            cjm_diags_errors(d), cjm_diags_warnings(d));
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        fprintf(out, "%s{\"rule\": \"%s\", \"severity\": \"%s\", \"line\": %d, "
                     "\"column\": %d, \"message\": ",
                i ? ", " : "", cjm_rule_name(g->rule),
                cjm_severity_name(g->severity), g->line, g->column);
        cjm_json_string(out, g->message);
        putc('}', out);
    }
    fputs("]}", out);
}

/* Workflow-command escaping: data escapes % CR LF; properties also : and ,. */
static void S_gh_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        unsigned cp = S_hidden_at((const unsigned char *)s);
        if (cp) {
            fprintf(out, "<U+%04X>", cp);
            s += 2;
            continue;
        }
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': fputs(property ? "%3A" : ":", out); break;
        case ',': fputs(property ? "%2C" : ",", out); break;
        default: putc(*s, out);
        }
    }
}

static void S_github(FILE *out, const cjm_diags *d)
{
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        fprintf(out, "::%s file=", cjm_severity_name(g->severity));
        S_gh_escape(out, cjm_diags_file(d), true);
        fprintf(out, ",line=%d,col=%d,title=%s::", g->line, g->column,
                cjm_rule_name(g->rule));
        S_gh_escape(out, g->message, false);
        putc('\n', out);
    }
}

int cjm_diags_write(FILE *out, const cjm_diags *d, cjm_format fmt,
                    const char *src, size_t len)
{
    switch (fmt) {
    case CJM_FORMAT_JSON: S_json(out, d); break;
    case CJM_FORMAT_GITHUB: S_github(out, d); break;
    default: S_text(out, d, src, len); break;
    }
    return ferror(out) ? -1 : 0;
}
