#include "util.h"

#include <locale.h>
#include <wctype.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

locale_t cjm_c_locale_enter(locale_t *old)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    *old = c ? uselocale(c) : (locale_t)0;
    return c;
}

void cjm_c_locale_leave(locale_t c, locale_t old)
{
    if (c) {
        uselocale(old);
        freelocale(c);
    }
}

static bool S_reserve(cjm_str *s, size_t extra)
{
    if (s->failed)
        return false;
    if (extra > SIZE_MAX - s->len - 1) {
        s->failed = true;
        return false;
    }
    size_t need = s->len + extra + 1;
    if (need <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(s->data, cap);
    if (!p) {
        s->failed = true;
        return false;
    }
    s->data = p;
    s->cap = cap;
    return true;
}

void cjm_str_append(cjm_str *s, const char *p, size_t n)
{
    if (!S_reserve(s, n))
        return;
    if (n)
        memcpy(s->data + s->len, p, n);
    s->len += n;
    s->data[s->len] = '\0';
}

void cjm_str_puts(cjm_str *s, const char *p)
{
    cjm_str_append(s, p, strlen(p));
}

void cjm_str_printf(cjm_str *s, const char *fmt, ...)
{
    va_list ap;
    locale_t old, c = cjm_c_locale_enter(&old);
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0 && S_reserve(s, (size_t)n)) {
        va_start(ap, fmt);
        vsnprintf(s->data + s->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
        s->len += (size_t)n;
    } else {
        s->failed = true;
    }
    cjm_c_locale_leave(c, old);
}

void cjm_str_free(cjm_str *s)
{
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
    s->failed = false;
}

size_t cjm_edit_distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > max)
        return max + 1;
    /* Identifiers we compare are short; longer ones are never typos of each
     * other worth suggesting. */
    if (lb > 255)
        return max + 1;
    /* Optimal string alignment: a swap of neighbours ("scroe") costs one
     * edit, like an insertion or a deletion. */
    size_t rows[3][256];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t best = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] > max ? max + 1 : prev[lb];
}

const char *cjm_nearest(const char *word, const char *const *candidates,
                        size_t n)
{
    size_t len = strlen(word);
    /* A third of the word may be wrong, at least one and at most three
     * edits: "paymnt" finds "payment", "x" does not find "web". */
    size_t max = len / 3;
    if (max < 1)
        max = 1;
    if (max > 3)
        max = 3;
    const char *best = NULL;
    size_t best_d = max + 1;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i])
            continue;
        size_t d = cjm_edit_distance(word, candidates[i], best_d - 1);
        if (d < best_d && d > 0) {
            best = candidates[i];
            best_d = d;
        }
    }
    return best;
}

int cjm_keyed_cmp(const void *pa, const void *pb)
{
    const cjm_keyed *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

size_t cjm_utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

double cjm_strtod(const char *s, char **end)
{
    locale_t old, c = cjm_c_locale_enter(&old);
    double v = strtod(s, end);
    int e = errno;
    cjm_c_locale_leave(c, old);
    errno = e;
    return v;
}

int cjm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    locale_t old, c = cjm_c_locale_enter(&old);
    int n = vsnprintf(buf, size, fmt, ap);
    cjm_c_locale_leave(c, old);
    return n;
}

int cjm_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = cjm_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

const char *cjm_fmt_fixed(char *buf, double x, int decimals)
{
    cjm_snprintf(buf, 32, "%.*f", decimals, x);
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf)); /* no "-0.0" */
    return buf;
}

const char *cjm_fmt_num(char *buf, double x, int decimals)
{
    double scale = pow(10, decimals);
    double r = round(x * scale) / scale;
    if (r == 0)
        r = 0; /* no "-0.0" */
    cjm_snprintf(buf, 32, "%.*f", decimals, r);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    return buf;
}

void cjm_json_num(FILE *out, bool has, double x, int decimals, bool fixed)
{
    char buf[32];
    if (!has)
        fputs("null", out);
    else
        fputs(fixed ? cjm_fmt_fixed(buf, x, decimals)
                    : cjm_fmt_num(buf, x, decimals), out);
}

unsigned cjm_hidden_char(const unsigned char *p)
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

void cjm_json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (*p < 0x20 || *p == 0x7F) {
                fprintf(out, "\\u%04x", *p);
            } else if (cjm_hidden_char(p)) {
                /* Bidi controls and zero-width characters travel escaped,
                 * so no reader of the JSON is fooled by them. */
                fprintf(out, "\\u%04x", cjm_hidden_char(p));
                p += 2;
            } else {
                putc(*p, out);
            }
        }
    }
    putc('"', out);
}

/* User text inside a table cell: nothing may open HTML, links or break the
 * table. */
void cjm_md_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '|': fputs("\\|", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '\n':
        case '\t': putc(' ', out); break;
        case '\\': case '*': case '_': case '`': case '[': case ']':
        case '#': case '!':
            putc('\\', out);
            putc(*s, out);
            break;
        default: putc(*s, out);
        }
    }
}

/* Workflow-command escaping: data escapes % CR LF; properties also : and ,. */
void cjm_gh_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        unsigned cp = cjm_hidden_char((const unsigned char *)s);
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

size_t cjm_utf8_decode(const unsigned char *s, unsigned *cp)
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

size_t cjm_utf8_encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Full Unicode lower case comes from the C library's C.UTF-8 locale (in
 * glibc since 2.35), opened only for text that is not plain ASCII, so the
 * common case costs nothing. */
bool cjm_lower(cjm_str *out, const char *s)
{
    bool ascii = true, changed = false;
    for (const char *p = s; *p; p++)
        ascii &= (unsigned char)*p < 0x80;
    locale_t loc = ascii ? (locale_t)0 : newlocale(LC_CTYPE_MASK, "C.UTF-8",
                                                   (locale_t)0);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp, lo;
        p += cjm_utf8_decode(p, &cp);
        if (cp < 0x80)
            lo = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        else
            lo = loc ? (unsigned)towlower_l((wint_t)cp, loc) : cp;
        char buf[4];
        cjm_str_append(out, buf, cjm_utf8_encode(lo, buf));
        changed |= lo != cp;
    }
    if (loc)
        freelocale(loc);
    if (!out->data)
        cjm_str_puts(out, "");
    return changed;
}

/* German letters as German writers transliterate them; other accented
 * Latin letters lose the accent. */
static const char *S_translit(unsigned cp)
{
    static const struct {
        unsigned cp;
        const char *s;
    } map[] = {
        {0xE4, "ae"}, {0xF6, "oe"}, {0xFC, "ue"}, {0xDF, "ss"},
        {0xE0, "a"},  {0xE1, "a"},  {0xE2, "a"},  {0xE3, "a"},  {0xE5, "a"},
        {0xE6, "ae"}, {0xE7, "c"},  {0xE8, "e"},  {0xE9, "e"},  {0xEA, "e"},
        {0xEB, "e"},  {0xEC, "i"},  {0xED, "i"},  {0xEE, "i"},  {0xEF, "i"},
        {0xF1, "n"},  {0xF2, "o"},  {0xF3, "o"},  {0xF4, "o"},  {0xF5, "o"},
        {0xF8, "o"},  {0xF9, "u"},  {0xFA, "u"},  {0xFB, "u"},  {0xFD, "y"},
        {0xFF, "y"},  {0x153, "oe"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cp == cp)
            return map[i].s;
    return NULL;
}

void cjm_slugify(cjm_str *out, const char *s)
{
    cjm_str low = {0};
    cjm_lower(&low, s);
    bool dash = false;
    size_t start = out->len;
    const unsigned char *p = (const unsigned char *)(low.data ? low.data : "");
    while (*p) {
        unsigned cp;
        p += cjm_utf8_decode(p, &cp);
        const char *t = S_translit(cp);
        char one[2] = {(char)cp, 0};
        if (!t && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
                   cp == '_'))
            t = one;
        if (!t) { /* spaces, punctuation, other scripts: one dash */
            dash = out->len > start;
            continue;
        }
        if (dash)
            cjm_str_puts(out, "-");
        dash = false;
        cjm_str_puts(out, t);
    }
    if (out->len == start)
        cjm_str_puts(out, "stage");
    cjm_str_free(&low);
}

int cjm_decimal_parse(const char *s, cjm_decimal *out)
{
    long long m = 0;
    int e = 0, digits = 0;
    bool neg = *s == '-', any = false;
    if (*s == '-' || *s == '+')
        s++;
    for (bool frac = false;; s++) {
        if (*s == '.' && !frac) {
            frac = true;
            continue;
        }
        if (*s < '0' || *s > '9')
            break;
        any = true;
        if (m == 0 && *s == '0') { /* leading zeros carry no digits */
            e -= frac;
            continue;
        }
        if (++digits > 18)
            return -1;
        m = m * 10 + (*s - '0');
        e -= frac;
    }
    if (!any)
        return -1;
    if (*s == 'e' || *s == 'E') {
        char *end;
        long x = strtol(s + 1, &end, 10);
        if (*end || x > 400 || x < -400)
            return -1;
        e += (int)x;
    } else if (*s) {
        return -1;
    }
    out->m = neg ? -m : m;
    out->e = e;
    return 0;
}

int cjm_decimal_sum_sign(const cjm_decimal *v, const int *coef, size_t n,
                         int *sign)
{
    int emin = 0;
    bool have = false;
    for (size_t i = 0; i < n; i++)
        if (v[i].m && (!have || v[i].e < emin)) {
            emin = v[i].e;
            have = true;
        }
    __int128 sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!v[i].m)
            continue;
        int shift = v[i].e - emin;
        if (shift > 18) /* beyond 128 bits: let the caller decide */
            return -1;
        __int128 x = v[i].m;
        for (int k = 0; k < shift; k++)
            x *= 10;
        sum += x * coef[i];
    }
    *sign = sum > 0 ? 1 : sum < 0 ? -1 : 0;
    return 0;
}

bool cjm_is_slug(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-'))
            return false;
    return true;
}

int cjm_char_width(unsigned c)
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
        w += cjm_char_width(cp);
    }
    return w;
}
