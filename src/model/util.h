/* Small helpers shared by the stages: growable strings, edit distance,
 * UTF-8 and escaping for the output formats. */
#ifndef CJM_UTIL_H
#define CJM_UTIL_H

#include <locale.h>
#include <stdarg.h>
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

/* Display width of a character in columns: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide ones and emoji, else 1. */
int cjm_char_width(unsigned cp);
/* Display width of a UTF-8 string in columns, for padding text tables. */
int cjm_text_width(const char *text);

/* Number of UTF-8 characters in s[0..n) (continuation bytes not counted). */
size_t cjm_utf8_chars(const char *s, size_t n);

/* Numbers read and written by the library look the same under every
 * locale: a program that links libcjm and sets de_DE.UTF-8 still reads
 * "4.5" as 4.5 and writes 4.5 into JSON.  These run in the "C" locale for
 * the calling thread only (uselocale), leaving the program's own alone. */
double cjm_strtod(const char *s, char **end);
/* Makes the C locale current for this thread (glibc hands out its built-in
 * one, nothing is allocated); *old gets what cjm_c_locale_leave restores.
 * For whole passes through code that reads or prints numbers, such as a
 * Graphviz layout. */
locale_t cjm_c_locale_enter(locale_t *old);
void cjm_c_locale_leave(locale_t c, locale_t old);
int cjm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int cjm_snprintf(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Formats x rounded to `decimals` places without trailing zeros ("3.12",
 * "1.8", "5").  buf must hold 32 bytes. */
const char *cjm_fmt_num(char *buf, double x, int decimals);
/* Formats x with exactly `decimals` places ("53.0"), never "-0.0".  buf
 * must hold 32 bytes. */
const char *cjm_fmt_fixed(char *buf, double x, int decimals);

/* Writes a JSON number: null when !has, else x at `decimals` places,
 * trailing zeros dropped ("3.12", "4"), or kept when `fixed` ("53.0"). */
void cjm_json_num(FILE *out, bool has, double x, int decimals, bool fixed);

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

/* Decodes one UTF-8 character at s (valid UTF-8, as libyaml guarantees);
 * returns its length and sets *cp (U+FFFD for a broken sequence). */
size_t cjm_utf8_decode(const unsigned char *s, unsigned *cp);
/* Writes cp as UTF-8 to out (room for 4 bytes); returns the length. */
size_t cjm_utf8_encode(unsigned cp, char *out);

/* Appends s in lower case by Unicode's rules ("Über" -> "über"); returns
 * whether anything changed. */
bool cjm_lower(cjm_str *out, const char *s);

/* Appends an id made from a display name: lower case, German umlauts as
 * ae/oe/ue/ss, accents dropped, every other run of characters one '-'
 * ("Übergabe an DHL" -> "uebergabe-an-dhl"); "stage" when nothing is
 * left. */
void cjm_slugify(cjm_str *out, const char *s);

/* A number as written in decimal: m x 10^e, exactly. */
typedef struct {
    long long m;
    int e;
} cjm_decimal;

/* Parses a decimal as the loader accepts it ("-0.975", "5.1", "1e2").
 * Returns 0, or -1 when it is not one or has more than 18 digits. */
int cjm_decimal_parse(const char *s, cjm_decimal *out);
/* The sign (-1, 0, 1) of coef[0] v[0] + ... + coef[n-1] v[n-1], computed
 * exactly.  Returns 0, or -1 when the exponents lie too far apart. */
int cjm_decimal_sum_sign(const cjm_decimal *v, const int *coef, size_t n,
                         int *sign);

/* Whether s is a valid id: lower-case letters, digits, '-' and '_',
 * starting with a letter or digit. */
bool cjm_is_slug(const char *s);

#endif
