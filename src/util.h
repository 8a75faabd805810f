/* Small helpers shared by the stages: growable strings, edit distance,
 * UTF-8 and escaping for the output formats. */
#ifndef CJM_UTIL_H
#define CJM_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A growable NUL-terminated byte string.  Zero-initialise, then append.
 * On out-of-memory `failed` is set and further appends do nothing. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} cjm_str;

void cjm_str_append(cjm_str *s, const char *p, size_t n);
void cjm_str_puts(cjm_str *s, const char *p);
void cjm_str_printf(cjm_str *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cjm_str_free(cjm_str *s);

/* Levenshtein distance between a and b, or max + 1 when it exceeds max
 * (cheaper than the full distance for far-apart strings). */
size_t cjm_edit_distance(const char *a, const char *b, size_t max);

/* The candidate closest to `word` if it is close enough to be a plausible
 * typo, else NULL. */
const char *cjm_nearest(const char *word, const char *const *candidates,
                        size_t n);

/* A string with the index it came from, for sorting ids with qsort (which
 * takes no context argument): ties keep index order. */
typedef struct {
    const char *s;
    size_t i;
} cjm_keyed;

int cjm_keyed_cmp(const void *a, const void *b);

/* Number of UTF-8 characters in s[0..n) (continuation bytes not counted). */
size_t cjm_utf8_chars(const char *s, size_t n);

/* Formats x rounded to `decimals` places without trailing zeros ("3.12",
 * "1.8", "5").  buf must hold 32 bytes. */
const char *cjm_fmt_num(char *buf, double x, int decimals);

/* The code point of an invisible or direction-changing character at p
 * (zero-width spaces and joiners, bidi embeddings, overrides and isolates,
 * the BOM; all three bytes in UTF-8), else 0.  Output that people read
 * shows these escaped, so they cannot reorder or hide text. */
unsigned cjm_hidden_char(const unsigned char *p);

/* Writes s as a JSON string literal (with quotes); control and hidden
 * characters as \uXXXX. */
void cjm_json_string(FILE *out, const char *s);

/* Writes user text for Markdown (also inside a table cell): nothing may
 * open HTML, a link or emphasis, or break the table. */
void cjm_md_text(FILE *out, const char *s);

/* Writes text for a GitHub workflow command: data escapes % CR LF;
 * a property (file=, title=) also : and ,.  Hidden characters are shown
 * as <U+XXXX>. */
void cjm_gh_escape(FILE *out, const char *s, bool property);

/* Writes user text for Markdown (also inside a table cell): nothing may
 * open HTML, a link or emphasis, or break the table. */
void cjm_md_text(FILE *out, const char *s);

/* Writes text for a GitHub workflow command: data escapes % CR LF;
 * a property (file=, title=) also : and ,.  Hidden characters are shown
 * as <U+XXXX>. */
void cjm_gh_escape(FILE *out, const char *s, bool property);

#endif
