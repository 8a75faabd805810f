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

/* Echoes source text with invalid UTF-8 bytes shown as '?' and hidden or
 * bidi characters as U+FFFD (one column each, so the caret still lines
 * up): a finding about a bad byte does not itself print one. */
static void S_put_valid(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = S_utf8_len(p + i, n - i);
        if (len == 3 && cjm_hidden_char(p + i)) {
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

/* Messages show hidden characters as <U+XXXX>: a bidi override in an id
 * must not reorder the terminal line or CI log that reports it. */
static void S_put_msg(FILE *out, const char *msg)
{
    const unsigned char *p = (const unsigned char *)msg;
    while (*p) {
        unsigned cp = cjm_hidden_char(p);
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

static void S_github(FILE *out, const cjm_diags *d, bool strict)
{
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        fprintf(out, "::%s file=",
                strict ? "error" : cjm_severity_name(g->severity));
        cjm_gh_escape(out, cjm_diags_file(d), true);
        fprintf(out, ",line=%d,col=%d,title=%s::", g->line, g->column,
                cjm_rule_name(g->rule));
        cjm_gh_escape(out, g->message, false);
        putc('\n', out);
    }
}

int cjm_diags_write(FILE *out, const cjm_diags *d, cjm_format fmt,
                    const char *src, size_t len)
{
    switch (fmt) {
    case CJM_FORMAT_JSON: S_json(out, d); break;
    case CJM_FORMAT_GITHUB: S_github(out, d, false); break;
    default: S_text(out, d, src, len); break;
    }
    return ferror(out) ? -1 : 0;
}

/* ---- whole runs: JSON, SARIF 2.1.0, JUnit XML --------------------------- */

struct cjm_printer {
    FILE *out;
    cjm_format fmt;
    bool strict; /* warnings fail the run: every format says so */
    size_t files, errors, warnings, results;
    size_t unread;
    char *first_unread;
};

void cjm_printer_unread(cjm_printer *p, const char *path)
{
    if (p->unread++ == 0)
        p->first_unread = strdup(path);
}

/* The level a finding is shown at: under --strict a warning fails the run
 * like an error, so CI servers must show it as one. */
static const char *S_level(const cjm_printer *p, const cjm_diag *g)
{
    return p->strict ? "error" : cjm_severity_name(g->severity);
}

/* A path as a URI reference: unreserved characters and '/' stay, the rest
 * (spaces, umlauts, '%', '#', ...) is percent-encoded. */
static void S_uri(FILE *out, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            putc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}

static void S_sarif_begin(FILE *out)
{
    fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", "
          "\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {"
          "\"name\": \"cjm\", \"version\": \"" CJM_VERSION "\", "
          "\"semanticVersion\": \"" CJM_VERSION "\", "
          "\"rules\": [",
          out);
    for (int r = 0; r < CJM_RULE_COUNT; r++) {
        fprintf(out, "%s\n  {\"id\": \"%s\", \"name\": \"%s\", "
                     "\"shortDescription\": {\"text\": ",
                r ? "," : "", cjm_rule_name((cjm_rule)r),
                cjm_rule_name((cjm_rule)r));
        cjm_json_string(out, cjm_rule_description((cjm_rule)r));
        fputs("}, \"fullDescription\": {\"text\": ", out);
        cjm_json_string(out, cjm_rule_description((cjm_rule)r));
        fputs("}, \"help\": {\"text\": ", out);
        cjm_json_string(out, cjm_rule_help((cjm_rule)r));
        fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
                cjm_severity_name(cjm_rule_severity((cjm_rule)r)));
    }
    /* Our columns count characters, not UTF-16 code units. */
    fputs("]}}, \"columnKind\": \"unicodeCodePoints\", \"results\": [", out);
}

static void S_sarif_file(cjm_printer *p, const cjm_diags *d)
{
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        fprintf(p->out, "%s\n  {\"ruleId\": \"%s\", \"ruleIndex\": %d, "
                        "\"level\": \"%s\", \"message\": {\"text\": ",
                p->results++ ? "," : "", cjm_rule_name(g->rule), (int)g->rule,
                S_level(p, g));
        cjm_json_string(p->out, g->message);
        fputs("}, \"locations\": [{\"physicalLocation\": {"
              "\"artifactLocation\": {\"uri\": \"",
              p->out);
        S_uri(p->out, cjm_diags_file(d));
        fprintf(p->out, "\"}, \"region\": {\"startLine\": %d, "
                        "\"startColumn\": %d}}}]}",
                g->line, g->column);
    }
}

static void S_xml(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\n': fputs("&#10;", out); break;
        case '\t': fputs("&#9;", out); break;
        default:
            /* XML 1.0 allows no other control characters at all. */
            putc(*p < 0x20 || *p == 0x7F ? '?' : *p, out);
        }
    }
}

/* One <testsuite> per file: a failing test case per error, a skipped one
 * per warning (GitLab and Jenkins list both; under --strict a warning
 * fails too), and one passing case when nothing failed, so clean files
 * count as passed tests. */
static void S_junit_file(cjm_printer *p, const cjm_diags *d)
{
    FILE *out = p->out;
    size_t e = cjm_diags_errors(d), w = cjm_diags_warnings(d);
    if (p->strict) {
        e += w;
        w = 0;
    }
    size_t tests = e + w + (e == 0);
    fputs("  <testsuite name=\"", out);
    S_xml(out, cjm_diags_file(d));
    fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                 "skipped=\"%zu\">\n",
            tests, e, w);
    if (e == 0) {
        fputs("    <testcase classname=\"", out);
        S_xml(out, cjm_diags_file(d));
        fputs("\" name=\"journey is valid\"/>\n", out);
    }
    for (size_t i = 0; i < cjm_diags_count(d); i++) {
        const cjm_diag *g = cjm_diags_get(d, i);
        bool err = g->severity == CJM_ERROR || p->strict;
        fputs("    <testcase classname=\"", out);
        S_xml(out, cjm_diags_file(d));
        fprintf(out, "\" name=\"%s at %d:%d\">\n      <%s type=\"%s\" "
                     "message=\"",
                cjm_rule_name(g->rule), g->line, g->column,
                err ? "failure" : "skipped", cjm_rule_name(g->rule));
        S_xml(out, g->message);
        fputs("\">", out);
        S_xml(out, cjm_diags_file(d));
        fprintf(out, ":%d:%d: %s: ", g->line, g->column,
                cjm_severity_name(g->severity));
        S_xml(out, g->message);
        fprintf(out, " [%s]</%s>\n    </testcase>\n", cjm_rule_name(g->rule),
                err ? "failure" : "skipped");
    }
    fputs("  </testsuite>\n", out);
}

void cjm_printer_set_strict(cjm_printer *p, bool strict)
{
    p->strict = strict;
}

cjm_printer *cjm_printer_new(FILE *out, cjm_format fmt)
{
    cjm_printer *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->out = out;
    p->fmt = fmt;
    if (fmt == CJM_FORMAT_JSON)
        fputs("{\"files\": [", out);
    else if (fmt == CJM_FORMAT_SARIF)
        S_sarif_begin(out);
    else if (fmt == CJM_FORMAT_JUNIT)
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<testsuites name=\"cjm check\">\n",
              out);
    return p;
}

int cjm_printer_file(cjm_printer *p, const cjm_diags *d, const char *src,
                     size_t len)
{
    switch (p->fmt) {
    case CJM_FORMAT_SARIF: S_sarif_file(p, d); break;
    case CJM_FORMAT_JUNIT: S_junit_file(p, d); break;
    case CJM_FORMAT_GITHUB: S_github(p->out, d, p->strict); break;
    case CJM_FORMAT_JSON:
        if (p->files)
            fputs(", ", p->out);
        /* fall through */
    default: cjm_diags_write(p->out, d, p->fmt, src, len); break;
    }
    p->files++;
    p->errors += cjm_diags_errors(d);
    p->warnings += cjm_diags_warnings(d);
    return ferror(p->out) ? -1 : 0;
}

int cjm_printer_finish(cjm_printer *p)
{
    FILE *out = p->out;
    size_t e = p->errors, w = p->warnings;
    switch (p->fmt) {
    case CJM_FORMAT_JSON:
        fprintf(out, "], \"errors\": %zu, \"warnings\": %zu}\n", e, w);
        break;
    case CJM_FORMAT_SARIF: fputs("\n]}]}\n", out); break;
    case CJM_FORMAT_JUNIT: fputs("</testsuites>\n", out); break;
    case CJM_FORMAT_TEXT:
        fprintf(out, "%zu file%s checked: %zu error%s, %zu warning%s",
                p->files, p->files == 1 ? "" : "s", e, e == 1 ? "" : "s", w,
                w == 1 ? "" : "s");
        if (p->strict && w && !e)
            fprintf(out, "; failed: %zu warning%s, which count as errors here", w,
                    w == 1 ? "" : "s");
        if (p->unread == 1)
            fprintf(out, "; '%s' could not be read", p->first_unread ? p->first_unread : "?");
        else if (p->unread)
            fprintf(out, "; %zu files could not be read ('%s' and others)",
                    p->unread, p->first_unread ? p->first_unread : "?");
        putc('\n', out);
        break;
    default: break;
    }
    free(p->first_unread);
    free(p);
    return ferror(out) ? -1 : 0;
}
