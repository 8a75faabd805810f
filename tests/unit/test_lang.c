/* Language: with lang: de no English word of the table is left in any view
 * or report, numbers have decimal commas, and the figures are the English
 * ones; channel marks, contact and KPIs reach every card. */
#include "support.h"

#include "lang.h"

#include <stdio.h>
#include <stdlib.h>

/* The German example, read from the repository. */
static char *slurp(const char *path, size_t *len)
{
    char *buf, err[256];
    if (cjm_file_read(path, &buf, len, err, sizeof err) != 0)
        fail_msg("%s", err);
    return buf;
}

static cjm_journey *load_file(const char *path, cjm_diags **d, char **src)
{
    size_t len;
    *src = slurp(path, &len);
    *d = cjm_diags_new(path);
    cjm_journey *j = cjm_journey_load(*src, len, path, *d);
    if (!j)
        fail_msg("%s did not load", path);
    return j;
}

/* Everything a reader sees in an SVG: the contents of its <text>s. */
static char *svg_text(const char *svg)
{
    size_t cap = strlen(svg) + 1, n = 0;
    char *out = malloc(cap);
    for (const char *p = svg; (p = strstr(p, "<text"));) {
        p = strchr(p, '>');
        if (!p)
            break;
        const char *e = strstr(++p, "</text>");
        if (!e)
            break;
        memcpy(out + n, p, (size_t)(e - p));
        n += (size_t)(e - p);
        out[n++] = '\n';
        p = e;
    }
    out[n] = '\0';
    return out;
}

static char *render(cjm_renderer *r, const cjm_journey *j, cjm_view v)
{
    char *buf = NULL, err[256];
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(cjm_render(r, j, v, "svg", m, err, sizeof err), 0);
    fclose(m);
    char *t = svg_text(buf);
    free(buf);
    return t;
}

static char *report_in(const cjm_journey *j, cjm_format fmt, const char *lang)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cjm_figures *f = cjm_figures_new(j);
    cjm_output_opts o = {.lang = lang};
    cjm_report_write(m, j, f, fmt, &o);
    cjm_figures_free(f);
    fclose(m);
    return buf;
}

static char *report(const cjm_journey *j, cjm_format fmt)
{
    return report_in(j, fmt, NULL);
}

/* Whether word stands in text as a word of its own: German words hold
 * English ones ("Ende" is no "end", but "Versendet" holds one). */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; (p = strstr(p, word)); p++) {
        unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
        unsigned char after = (unsigned char)p[n];
        bool letter_before = before >= 0x80 || (unsigned)((before | 32) - 'a') < 26;
        bool letter_after = after >= 0x80 || (unsigned)((after | 32) - 'a') < 26;
        if (!letter_before && !letter_after)
            return true;
    }
    return false;
}

/* No word of the English column that differs from the German one. */
static void assert_no_english(const char *text, const char *where)
{
    for (int w = 0; w < W_WORDS; w++) {
        const char *en = cjm_w(CJM_LANG_EN, (cjm_word)w);
        const char *de = cjm_w(CJM_LANG_DE, (cjm_word)w);
        char word[128];
        /* Running-text templates: the part before the first '%'. */
        snprintf(word, sizeof word, "%.*s", (int)strcspn(en, "%"), en);
        size_t n = strlen(word);
        while (n && word[n - 1] == ' ')
            word[--n] = '\0';
        if (strcmp(en, de) == 0 || n < 3 || strstr(de, word))
            continue;
        if (has_word(text, word))
            fail_msg("%s still says '%s' (%s)", where, word, text);
    }
}

/* One renderer for the whole process: Graphviz 2.42's pango plugin keeps
 * a pointer into the first context's font cache, so a second context after
 * the first is freed reads freed memory (ASan found it here). */
static int group_setup(void **state)
{
    *state = cjm_renderer_new();
    return *state ? 0 : -1;
}

static int group_teardown(void **state)
{
    cjm_renderer_free(*state);
    return 0;
}

static void test_german_views_and_reports(void **state)
{
    cjm_diags *d;
    char *src;
    cjm_journey *j = load_file("journeys/girokonto-eroeffnung.yaml", &d, &src);
    cjm_renderer *r = *state;
    static const char *const names[] = {"map", "flow", "channels"};
    for (int v = 0; v < 3; v++) {
        char *t = render(r, j, (cjm_view)v);
        assert_no_english(t, names[v]);
        free(t);
    }
    char *map = render(r, j, CJM_VIEW_MAP);
    assert_non_null(strstr(map, "Mittel 3,25"));    /* decimal comma */
    assert_null(strstr(map, "3.25"));
    assert_non_null(strstr(map, "3,33 / 5 · 58,3 %"));
    assert_non_null(strstr(map, "n = 1.020"));      /* German grouping */
    assert_non_null(strstr(map, "„"));              /* German quotes */
    free(map);
    char *txt = report(j, CJM_FORMAT_TEXT), *md = report(j, CJM_FORMAT_MARKDOWN);
    assert_no_english(txt, "text report");
    assert_no_english(md, "markdown report");
    /* The same figures in English, but for the decimal point. */
    char *en = report_in(j, CJM_FORMAT_TEXT, "en");
    assert_non_null(strstr(en, "3.33 / 5 (58.3 %)"));
    assert_non_null(strstr(txt, "3,33 / 5 (58,3 %)"));
    free(en);
    free(txt);
    free(md);
    cjm_journey_free(j);
    cjm_diags_free(d);
    free(src);
}

/* Every card carries its channel's mark; indirect ones are dotted and say
 * so; measured KPIs are printed on the card, exactly as in the YAML. */
static void test_cards_carry_marks_contact_kpis(void **state)
{
    cjm_diags *d;
    char *src;
    cjm_journey *j = load_file("journeys/online-shop.yaml", &d, &src);
    cjm_renderer *r = *state;
    char *svg = NULL, err[256];
    size_t len = 0;
    FILE *m = open_memstream(&svg, &len);
    assert_int_equal(cjm_render(r, j, CJM_VIEW_MAP, "svg", m, err, sizeof err), 0);
    fclose(m);
    char *t = svg_text(svg);
    size_t marks = 0;
    static const char *const glyphs[] = {"⊕", "▣", "✉", "☎", "❝", "⌂", "♥",
                                         "➜", "☺", "✍", "⚑"};
    for (const char *p = t; *p; p++)
        for (size_t g = 0; g < sizeof glyphs / sizeof glyphs[0]; g++)
            if (strncmp(p, glyphs[g], strlen(glyphs[g])) == 0)
                marks++;
    /* 14 cards, and the legend names the 8 channels used. */
    assert_int_equal(marks, 14 + 8);
    assert_non_null(strstr(t, "CSAT 2.2 · CES 2.9 · n = 1,240"));
    assert_non_null(strstr(t, "NPS −42"));
    assert_non_null(strstr(t, "Social media (indirect)"));
    assert_non_null(strstr(t, "“My sister said their"));
    assert_non_null(strstr(svg, "stroke-dasharray=\"1,5\"")); /* dotted */
    free(t);
    free(svg);
    cjm_journey_free(j);
    cjm_diags_free(d);
    free(src);
}

static void test_numbers(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(cjm_num(buf, 3.125, 2, CJM_LANG_DE), "3,13");
    assert_string_equal(cjm_num(buf, -10, 1, CJM_LANG_DE), "-10");
    assert_string_equal(cjm_count(buf, 1240, CJM_LANG_DE), "1.240");
    assert_string_equal(cjm_count(buf, 1234567, CJM_LANG_EN), "1,234,567");
    assert_string_equal(cjm_count(buf, 999, CJM_LANG_EN), "999");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german_views_and_reports),
        cmocka_unit_test(test_cards_carry_marks_contact_kpis),
        cmocka_unit_test(test_numbers),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
