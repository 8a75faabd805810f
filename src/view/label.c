#include "label.h"

#include <string.h>
#include <strings.h>

int cjm_longest_word(const char *text)
{
    int w = 0, run = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned cp;
        p += cjm_utf8_decode(p, &cp);
        if (cp == ' ' || cp == '\n' || cp == '\t') {
            run = 0;
            continue;
        }
        run += cjm_char_width(cp);
        if (run > w)
            w = run;
        if (cp == '-') /* a line may end after a hyphen */
            run = 0;
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
        w += cjm_char_width(cp);
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
        if (w + cjm_char_width(cp) > width && i > 0)
            break;
        w += cjm_char_width(cp);
        i += len;
    }
    return i;
}

/* Letters of the scripts that hyphenate; CJK breaks between any two
 * characters, without a hyphen. */
static bool S_letter(unsigned cp)
{
    return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
           (cp >= 0xC0 && cp < 0x530 && cp != 0xD7 && cp != 0xF7);
}

/* Plausible joints of German compounds: a break after "Erhöhungs" in
 * "Preiserhöhungsschreiben" reads as two words, a break at a fixed column
 * does not. */
static bool S_joint(const char *seg, size_t cut)
{
    static const char *const ends[] = {"ungs", "heits", "keits", "schafts",
                                       "ions", "täts", "ings", "lings"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (cut >= m + 3 && strncasecmp(seg + cut - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* Letters in a row from text[0..n), counting up to `most`. */
static int S_letters(const char *text, size_t n, int most)
{
    int count = 0;
    for (size_t i = 0; i < n && count < most;) {
        unsigned cp;
        i += cjm_utf8_decode((const unsigned char *)text + i, &cp);
        if (!S_letter(cp))
            break;
        count++;
    }
    return count;
}

static bool S_vowel(unsigned cp)
{
    if (cp < 0x80)
        return cp && strchr("aeiouyAEIOUY", (int)cp) != NULL;
    return (cp >= 0xC0 && cp <= 0xC6) || (cp >= 0xC8 && cp <= 0xCF) ||
           (cp >= 0xD2 && cp <= 0xD6) || (cp >= 0xD9 && cp <= 0xDD) ||
           (cp >= 0xE0 && cp <= 0xE6) || (cp >= 0xE8 && cp <= 0xEF) ||
           (cp >= 0xF2 && cp <= 0xF6) || (cp >= 0xF9 && cp <= 0xFD);
}

/* Characters in the consonant that starts text: "sch", "ch", "ck", "ph"
 * and "th" are one sound and never split. */
static int S_consonant_len(const char *text, size_t n)
{
    static const char *const units[] = {"sch", "ch", "ck", "ph", "th"};
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t m = strlen(units[k]);
        if (n >= m && strncasecmp(text, units[k], m) == 0)
            return (int)m;
    }
    return 1;
}

/* A candidate break: its byte offset and the columns before it. */
typedef struct {
    size_t at;
    int w;
} place;

/* Where to break a word that does not fit: at most `room` columns on this
 * line (the hyphen included), or `slack` for a compound's joint.  A break
 * inside a run of letters gets a hyphen and leaves at least three of its
 * letters on each side.  Best is a compound's joint ("Preiserhöhungs-"),
 * then a syllable by the German rule (of the consonants between two vowels
 * only the last goes to the next line: "war-te", "ein-gangs"; "sch" before
 * l, r, w, m or n goes whole: "Warte-schleife"), then the last column;
 * without any, the word is cut where the line ends, as CJK text is. */
enum { MIN_PART = 3 };

static bool S_ok(const char *seg, size_t n, size_t at, int run)
{
    return run >= MIN_PART && S_letters(seg + at, n - at, MIN_PART) >= MIN_PART;
}

static size_t S_break(const char *seg, size_t n, int room, int slack,
                      bool *hyphen)
{
    size_t i = 0, best = 0, joint = 0, syllable = 0;
    int w = 0, run = 0, skip = 0, units = 0, run_at[2] = {0, 0};
    bool vowel_before = false, sch_last = false;
    place unit[2] = {{0, 0}, {0, 0}}; /* the cluster's last two units */
    while (i < n && w <= slack) {
        unsigned cp;
        size_t at = i;
        i += cjm_utf8_decode((const unsigned char *)seg + i, &cp);
        if (S_letter(cp) && !S_vowel(cp) && skip-- <= 0) {
            int len = S_consonant_len(seg + at, n - at);
            bool sch_before = units > 0 && sch_last;
            unit[0] = unit[1];
            run_at[0] = run_at[1];
            unit[1] = (place){at, w};
            run_at[1] = run;
            sch_last = len == 3;
            skip = len - 1;
            /* "sch" keeps l, r, w, m, n with it. */
            if (sch_before && cp < 0x80 &&
                strchr("lrwmnLRWMN", (int)cp) != NULL) {
                unit[1] = unit[0];
                run_at[1] = run_at[0];
            }
            units++;
        } else if (S_vowel(cp)) {
            if (vowel_before && units > 0 && unit[1].w + 1 <= room &&
                2 * unit[1].w >= room && S_ok(seg, n, unit[1].at, run_at[1]))
                syllable = unit[1].at;
            vowel_before = true;
            units = 0;
            sch_last = false;
        } else if (!S_letter(cp)) {
            vowel_before = false;
            units = 0;
        }
        w += cjm_char_width(cp);
        run = S_letter(cp) ? run + 1 : 0;
        if (i >= n || !S_ok(seg, n, i, run))
            continue;
        if (w + 1 <= room)
            best = i;
        if (w + 1 <= slack && 2 * w >= room && S_joint(seg, i))
            joint = i;
    }
    size_t cut = joint ? joint : syllable ? syllable : best;
    *hyphen = cut > 0;
    return cut ? cut : S_fit(seg, n, room);
}

/* A word may run this many columns past the line before it is broken:
 * "Einwilligung" on one slightly long line reads better than "g" alone. */
enum { WRAP_SLACK = CJM_WRAP_SLACK };

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
        bool hyphen;
        size_t cut = S_break(seg, n, w->width - w->col,
                             w->width + WRAP_SLACK - w->col, &hyphen);
        S_html_n(w->s, seg, cut);
        if (hyphen)
            cjm_str_puts(w->s, "-");
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

int cjm_wrapped_lines(const char *text, int width)
{
    cjm_str s = {0};
    int lines = cjm_html_wrapped(&s, text ? text : "", width);
    cjm_str_free(&s);
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
