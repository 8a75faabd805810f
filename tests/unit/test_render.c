/* Labels and views: escaping, wrapping, the palette, and the geometry of
 * the pinned map (the scale lines up with the cards). */
#include "support.h"
#include "journey_fixture.h"

#include "label.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>

static char *html(const char *text)
{
    cjm_str s = {0};
    cjm_html_text(&s, text);
    return s.data;
}

static void test_html_escapes_everything(void **state)
{
    (void)state;
    char *h = html("<script>&\"'\\N]]>\ttab\nline\x01");
    assert_string_equal(h, "&lt;script&gt;&amp;&quot;&#39;\\\\N]]&gt; tab"
                           "<BR/>line");
    free(h);
}

static void test_attr_text(void **state)
{
    (void)state;
    cjm_str s = {0};
    cjm_attr_text(&s, "a&b\\L\nc\x02");
    assert_string_equal(s.data, "a&amp;b\\\\\\\\L&#10;c ");
    cjm_str_free(&s);
}

/* Wrapped text minus the line breaks is the original text (spaces between
 * words aside): nothing is ever cut off. */
static void expect_wrap(const char *text, int width, int lines,
                        const char *want)
{
    cjm_str s = {0};
    int got = cjm_html_wrapped(&s, text, width);
    const char *out = s.data ? s.data : ""; /* nothing appended */
    if (strcmp(out, want) != 0)
        fail_msg("wrapped '%s' as '%s', expected '%s'", text, out, want);
    assert_int_equal(got, lines);
    cjm_str_free(&s);
}

static void test_wrapping(void **state)
{
    (void)state;
    expect_wrap("Live chat about sizes", 18, 2, "Live chat about<BR/>sizes");
    expect_wrap("Schufa-Einwilligung", 18, 2, "Schufa-<BR/>Einwilligung");
    expect_wrap("Bestätigung per E-Mail", 18, 2, "Bestätigung per<BR/>E-Mail");
    /* A break inside a word gets a hyphen, counted in the line (issue 10). */
    expect_wrap("Supercalifragilisticexpialidocious", 10, 4,
                "Superca-<BR/>lifragi-<BR/>listicex-<BR/>pialidocious");
    /* Without a vowel to find syllables by, the last column. */
    expect_wrap("Bcdfghjklmnpqrstvwxz", 10, 2, "Bcdfghjkl-<BR/>mnpqrstvwxz");
    /* Syllables by the German rule: only the last consonant between two
     * vowels moves on; "sch" is one and keeps l, r, w, m, n with it. */
    expect_wrap("Rückrufbitteneingangsbestätigung", 18, 2,
                "Rückrufbittenein-<BR/>gangsbestätigung");
    expect_wrap("Wärmepumpentarifwechselangebot", 18, 2,
                "Wärmepumpentarif-<BR/>wechselangebot");
    expect_wrap("Warteschleifenmusik", 10, 3, "Warte-<BR/>schleifen-<BR/>musik");
    /* The hyphen takes a column of the line. */
    expect_wrap("Abcdefghijkl", 8, 2, "Abcdefg-<BR/>hijkl");
    expect_wrap("Abcdefghijklmn", 10, 2, "Abcdefg-<BR/>hijklmn");
    /* A compound breaks at a joint that fits (within the slack) rather
     * than at the last column. */
    expect_wrap("Preiserhöhungsschreiben", 14, 2,
                "Preiserhöhungs-<BR/>schreiben");
    expect_wrap("Kontoeröffnungsantrag bestätigt", 16, 2,
                "Kontoeröffnungs-<BR/>antrag bestätigt");
    expect_wrap("Sicherheitsüberprüfungsergebnis", 16, 3,
                "Sicherheits-<BR/>überprüfungs-<BR/>ergebnis");
    /* Up to three columns of slack before a word is broken. */
    expect_wrap("Kontowechselservice", 18, 1, "Kontowechselservice");
    /* CJK characters are two columns wide. */
    expect_wrap("顧客サポートへの問い合わせ電話", 18, 2,
                "顧客サポートへの問<BR/>い合わせ電話");
    expect_wrap("  ", 10, 1, "");
    assert_int_equal(cjm_text_width("顧客 ab"), 7);
}

/* The stretch a line cannot end in: lines end at spaces and after
 * hyphens; CJK characters are two columns wide. */
static void test_longest_word(void **state)
{
    (void)state;
    assert_int_equal(cjm_longest_word(""), 0);
    assert_int_equal(cjm_longest_word("Preis an Kunden"), 6);
    assert_int_equal(cjm_longest_word("Schufa-Einwilligung"), 12);
    assert_int_equal(cjm_longest_word("Preiserhöhungsschreiben"), 23);
    assert_int_equal(cjm_longest_word("顧客 サポート"), 8);
}

static void test_palette(void **state)
{
    (void)state;
    assert_int_equal(cjm_score_class(0), 0);
    assert_int_equal(cjm_score_class(0.5), 3);
    assert_int_equal(cjm_score_class(1), 6);
    assert_int_equal(cjm_score_class(-3), 0);
    assert_int_equal(cjm_score_class(7), 6);
    assert_string_equal(cjm_score_fill(0), "#d73027");
    assert_string_equal(cjm_score_fill(1), "#4575b4");
    assert_string_equal(cjm_score_ink(0), "#ffffff");
    assert_string_equal(cjm_score_ink(0.5), "#1a1a1a");
}

static cjm_journey *load_fixture(const char *top, const char *last,
                                 cjm_diags **d)
{
    const char *y = fixture(top, last, "");
    *d = cjm_diags_new("t.yaml");
    cjm_journey *j = cjm_journey_load(y, strlen(y), "t.yaml", *d);
    assert_non_null(j);
    return j;
}

static double pos_y(cjm_graph *g, const char *node)
{
    const char *pos = cjm_graph_node_attr(g, node, "pos");
    assert_non_null(pos);
    const char *comma = strchr(pos, ',');
    assert_non_null(comma);
    return atof(comma + 1);
}

static void test_map_scale_lines_up(void **state)
{
    (void)state;
    cjm_diags *d;
    /* t5 scores 5 (the best), t12 scores 1 (the worst). */
    cjm_journey *j = load_fixture("", "        channel: web\n        score: 1\n"
                                      "        friction: [Slow]\n",
                                  &d);
    cjm_figures *f = cjm_figures_new(j);
    cjm_graph *g = cjm_view_map(j, f, &(cjm_look){0}, NULL);
    assert_non_null(g);
    assert_float_equal(pos_y(g, "tp4"), pos_y(g, "guide0"), 1e-6);
    assert_float_equal(pos_y(g, "tp11"), pos_y(g, "guide2"), 1e-6);
    assert_float_equal(pos_y(g, "tp2"), pos_y(g, "guide1"), 1e-6);
    /* The friction callout hangs below its card. */
    assert_true(pos_y(g, "fr11") < pos_y(g, "tp11"));
    /* Fill by score. */
    assert_string_equal(cjm_graph_node_attr(g, "tp11", "fillcolor"), "#d73027");
    assert_string_equal(cjm_graph_node_attr(g, "tp4", "fillcolor"), "#4575b4");
    cjm_graph_free(g);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_unscored_sit_on_their_own_row(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load_fixture("", "        channel: web\n", &d);
    cjm_figures *f = cjm_figures_new(j);
    cjm_graph *g = cjm_view_map(j, f, &(cjm_look){0}, NULL);
    /* Above "best" (issue 10): below "worst" the curve dived to it and it
     * read as the journey's low point. */
    assert_true(pos_y(g, "tp11") > pos_y(g, "guide0") + 40);
    assert_non_null(cjm_graph_node_attr(g, "row_unscored", "label"));
    assert_non_null(strstr(cjm_graph_node_attr(g, "tp11", "style"), "dashed"));
    cjm_graph_free(g);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static char *render(cjm_renderer *r, const cjm_journey *j, cjm_view v,
                    const char *fmt, size_t *len, int *rc, char *err)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    *rc = cjm_render(r, j, v, fmt, out, err, 512);
    fclose(out);
    return buf;
}

static void test_formats_have_their_magic(void **state)
{
    cjm_diags *d;
    cjm_journey *j = load_fixture("", LAST_OK, &d);
    cjm_renderer *r = *state;
    char err[512];
    size_t len;
    int rc;
    static const struct {
        const char *fmt;
        const char *magic;
        size_t n;
    } cases[] = {{"svg", "<?xml", 5},
                 {"png", "\x89PNG\r\n\x1a\n", 8},
                 {"pdf", "%PDF-", 5},
                 {"dot", "digraph journey_map", 19}};
    for (size_t i = 0; i < 4; i++) {
        char *buf = render(r, j, CJM_VIEW_MAP, cases[i].fmt, &len, &rc, err);
        if (rc != 0)
            fail_msg("%s: %s", cases[i].fmt, err);
        assert_true(len > cases[i].n);
        assert_memory_equal(buf, cases[i].magic, cases[i].n);
        free(buf);
    }
    char *buf = render(r, j, CJM_VIEW_MAP, "gif", &len, &rc, err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "unknown output format 'gif'"));
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_too_many_touchpoints_refused(void **state)
{
    cjm_str y = {0};
    cjm_str_puts(&y, "journey: Big\nstages:\n  - id: s\n    touchpoints:\n");
    for (int i = 0; i < 201; i++)
        cjm_str_printf(&y, "      - {id: t%d, name: T, channel: web, score: 3}\n", i);
    cjm_diags *d = cjm_diags_new("big.yaml");
    cjm_journey *j = cjm_journey_load(y.data, y.len, "big.yaml", d);
    assert_non_null(j);
    cjm_renderer *r = *state;
    char err[512];
    size_t len;
    int rc;
    char *buf = render(r, j, CJM_VIEW_FLOW, "svg", &len, &rc, err);
    assert_int_equal(rc, -1);
    assert_int_equal(len, 0);
    assert_non_null(strstr(err, "201 touchpoints; cjm draws at most 200"));
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
    cjm_str_free(&y);
}

static cjm_journey *S_stages(const int *counts, size_t n, cjm_diags **d,
                              cjm_str *y)
{
    cjm_str_puts(y, "journey: Rows\nstages:\n");
    for (size_t s = 0; s < n; s++) {
        cjm_str_printf(y, "  - id: s%zu\n    touchpoints:\n", s);
        for (int t = 0; t < counts[s]; t++)
            cjm_str_printf(y, "      - {id: t%zu-%d, name: T, channel: web, "
                              "score: 3}\n", s, t);
    }
    *d = cjm_diags_new("rows.yaml");
    return cjm_journey_load(y->data, y->len, "rows.yaml", *d);
}

static void test_pages_and_rows(void **state)
{
    (void)state;
    static const char *const names[] = {"auto", "a4", "a3", "a2",
                                        "a1", "a0", "slide"};
    for (size_t i = 0; i < 7; i++) {
        cjm_page p;
        assert_int_equal(cjm_page_parse(names[i], &p), 0);
        assert_int_equal(p, (cjm_page)i);
        assert_string_equal(cjm_page_name(p), names[i]);
    }
    cjm_page p = CJM_PAGE_A3;
    assert_int_equal(cjm_page_parse("A3", &p), -1);
    assert_int_equal(cjm_page_parse("letter", &p), -1);
    assert_null(cjm_page_size(CJM_PAGE_AUTO));
    assert_true(cjm_page_size(CJM_PAGE_A4)->w > 841 &&
                cjm_page_size(CJM_PAGE_A4)->w < 842.5);

    /* Stages wrap into rows of even touchpoint counts, in order. */
    static const int counts[] = {2, 3, 3, 2, 2, 2};
    cjm_str y = {0};
    cjm_diags *d;
    cjm_journey *j = S_stages(counts, 6, &d, &y);
    assert_non_null(j);
    size_t rows[6];
    assert_int_equal(cjm_stage_rows(j, 1, rows), 1);
    for (size_t s = 0; s < 6; s++)
        assert_int_equal(rows[s], 0);
    assert_int_equal(cjm_stage_rows(j, 2, rows), 2);
    static const size_t two[] = {0, 0, 0, 1, 1, 1};
    assert_memory_equal(rows, two, sizeof two);
    assert_int_equal(cjm_stage_rows(j, 3, rows), 3);
    static const size_t three[] = {0, 0, 1, 1, 2, 2};
    assert_memory_equal(rows, three, sizeof three);
    /* More rows asked for than stages: one stage a row. */
    assert_int_equal(cjm_stage_rows(j, 10, rows), 6);
    for (size_t s = 0; s < 6; s++)
        assert_int_equal(rows[s], s);
    cjm_journey_free(j);
    cjm_diags_free(d);
    cjm_str_free(&y);
}

/* cjm_render_page says how large the smallest text came out, against the
 * page's floor; nothing for auto or for DOT, which is not laid out. */
static void test_page_fit(void **state)
{
    cjm_diags *d;
    cjm_journey *j = load_fixture("", LAST_OK, &d);
    cjm_renderer *r = *state;
    char err[512], *buf = NULL;
    size_t len;
    cjm_page_fit fit;
    static const struct {
        cjm_page page;
        const char *fmt;
        double min_text, min_names;
        const char *unit;
        cjm_detail detail; /* what auto drew */
    } cases[] = {{CJM_PAGE_A1, "svg", 7, 9, "pt", CJM_DETAIL_FULL},
                 {CJM_PAGE_A4, "svg", 7, 9, "pt", CJM_DETAIL_DIGEST},
                 {CJM_PAGE_SLIDE, "svg", 14, 18, "px", CJM_DETAIL_DIGEST},
                 {CJM_PAGE_AUTO, "svg", 0, 0, "pt", CJM_DETAIL_FULL},
                 {CJM_PAGE_A3, "dot", 0, 0, "pt", CJM_DETAIL_FULL}};
    for (size_t i = 0; i < 5; i++) {
        FILE *out = open_memstream(&buf, &len);
        int rc = cjm_render_page(r, j, CJM_VIEW_MAP, cases[i].page,
                                 cases[i].fmt, out, &fit, err, sizeof err);
        fclose(out);
        free(buf);
        buf = NULL;
        if (rc != 0)
            fail_msg("%s: %s", cjm_page_name(cases[i].page), err);
        assert_true(fit.min_text == cases[i].min_text);
        assert_true(fit.min_names == cases[i].min_names);
        assert_string_equal(fit.unit, cases[i].unit);
        assert_int_equal(fit.detail, cases[i].detail);
        if (cases[i].min_text > 0) {
            /* Names are set larger than the smallest text: 11 to 8 pt in
             * full detail, 14 to 11 in a digest. */
            assert_true(fit.text > 1 && fit.text < 100);
            assert_true(fit.names > fit.text * 1.25);
        } else {
            assert_true(fit.text == 0);
        }
    }
    cjm_journey_free(j);
    cjm_diags_free(d);
}

/* Graphviz's warnings come back in our err with the drawing made, not on
 * stderr (issue 10). */
static void test_graphviz_warning_is_ours(void **state)
{
    cjm_renderer *r = *state;
    cjm_graph *g = cjm_graph_new("w");
    cjm_gnode *n = cjm_graph_node(g, "a");
    cjm_node_set(n, "shape", "no-such-shape");
    char err[256] = "stale", *buf = NULL;
    size_t len;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(cjm_render_graph(r, g, "dot", "svg", CJM_PAGE_AUTO, NULL,
                                      out, err, sizeof err), 0);
    fclose(out);
    assert_true(len > 0);
    if (!strstr(err, "Graphviz: ") || !strstr(err, "no-such-shape"))
        fail_msg("warning: '%s'", err);
    assert_null(strchr(err, '\n'));
    free(buf);
    /* The next drawing without trouble has no warning left over. */
    cjm_node_set(n, "shape", "box");
    out = open_memstream(&buf, &len);
    assert_int_equal(cjm_render_graph(r, g, "dot", "svg", CJM_PAGE_AUTO, NULL,
                                      out, err, sizeof err), 0);
    fclose(out);
    assert_string_equal(err, "");
    free(buf);
    cjm_graph_free(g);
}

/* Graphviz 2.42 keeps pango state in its first context: one renderer for
 * the whole group, as for a whole run of cjm. */
/* Details by name, and a digest's type: every size under 11 pt raised to
 * 11, names 14, nothing changed in full detail. */
static void test_detail_and_digest_type(void **state)
{
    (void)state;
    cjm_detail d;
    assert_int_equal(cjm_detail_parse("digest", &d), 0);
    assert_int_equal(d, CJM_DETAIL_DIGEST);
    assert_int_equal(cjm_detail_parse("full", &d), 0);
    assert_int_equal(d, CJM_DETAIL_FULL);
    assert_int_equal(cjm_detail_parse("Full", &d), -1);
    assert_string_equal(cjm_detail_name(CJM_DETAIL_AUTO), "auto");
    cjm_look full = {0}, digest = {.digest = true};
    assert_int_equal(cjm_pt(&full, 8), 8);
    assert_int_equal(cjm_pt(&digest, 8), 11);
    assert_int_equal(cjm_pt(&digest, 10), 14);
    assert_int_equal(cjm_pt(&digest, 13), 16);
    cjm_str s = {0};
    cjm_str_puts(&s, "<FONT POINT-SIZE=\"8\">a</FONT><FONT POINT-SIZE=\"12\">"
                     "b</FONT><FONT POINT-SIZE=\"10\">c</FONT>");
    cjm_digest_type(&s, &full);
    assert_string_equal(s.data, "<FONT POINT-SIZE=\"8\">a</FONT><FONT "
                                "POINT-SIZE=\"12\">b</FONT><FONT "
                                "POINT-SIZE=\"10\">c</FONT>");
    cjm_digest_type(&s, &digest);
    assert_string_equal(s.data, "<FONT POINT-SIZE=\"11\">a</FONT><FONT "
                                "POINT-SIZE=\"12\">b</FONT><FONT "
                                "POINT-SIZE=\"11\">c</FONT>");
    cjm_str_free(&s);
}

/* What a deck's sink is given: each slide in turn, numbered of n. */
typedef struct {
    size_t calls, last, n, bytes;
    bool fail;
} sink_log;

static int S_sink(void *ctx, size_t slide, size_t n, const char *data,
                  size_t len)
{
    sink_log *l = ctx;
    l->calls++;
    l->last = slide;
    l->n = n;
    l->bytes += len;
    (void)data;
    return l->fail ? -1 : 0;
}

static void test_deck_render(void **state)
{
    cjm_diags *d;
    cjm_journey *j = load_fixture("", LAST_OK, &d);
    cjm_renderer *r = *state;
    char err[512];
    size_t n = 0;
    sink_log svg = {0}, pdf = {0}, broken = {.fail = true};
    assert_int_equal(cjm_deck_render(r, j, NULL, "svg", S_sink, &svg, &n, err,
                                     sizeof err), 0);
    /* The title, a slide per stage, where it hurts. */
    assert_int_equal(n, 1 + j->n_stages + 1);
    assert_int_equal(svg.calls, n);
    assert_int_equal(svg.last, n);
    assert_int_equal(svg.n, n);
    assert_int_equal(cjm_deck_render(r, j, NULL, "pdf", S_sink, &pdf, NULL, err,
                                     sizeof err), 0);
    assert_int_equal(pdf.calls, 1);
    assert_int_equal(pdf.n, 1);
    assert_true(pdf.bytes > 1000);
    assert_int_equal(cjm_deck_render(r, j, NULL, "svg", S_sink, &broken, NULL,
                                     err, sizeof err), -2);
    assert_int_equal(broken.calls, 1);
    assert_int_equal(cjm_deck_render(r, j, NULL, "gif", S_sink, &svg, NULL, err,
                                     sizeof err), -1);
    assert_non_null(strstr(err, "unknown deck format 'gif'"));
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static int S_group_setup(void **state)
{
    *state = cjm_renderer_new();
    return *state ? 0 : -1;
}

static int S_group_teardown(void **state)
{
    cjm_renderer_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_escapes_everything),
        cmocka_unit_test(test_attr_text),
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_longest_word),
        cmocka_unit_test(test_palette),
        cmocka_unit_test(test_map_scale_lines_up),
        cmocka_unit_test(test_unscored_sit_on_their_own_row),
        cmocka_unit_test(test_formats_have_their_magic),
        cmocka_unit_test(test_too_many_touchpoints_refused),
        cmocka_unit_test(test_pages_and_rows),
        cmocka_unit_test(test_page_fit),
        cmocka_unit_test(test_graphviz_warning_is_ours),
        cmocka_unit_test(test_detail_and_digest_type),
        cmocka_unit_test(test_deck_render),
    };
    return cmocka_run_group_tests_name("render", tests, S_group_setup,
                                       S_group_teardown);
}
