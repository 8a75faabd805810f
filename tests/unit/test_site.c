/* The site's pages: the one escaping function, the portfolio's row and
 * top friction, files with errors, and a journey's page (focusable cards,
 * the history chart, German words). */
#include "support.h"
#include "journey_fixture.h"

#include "site.h"
#include "web.h"

#include <stdio.h>
#include <stdlib.h>

static char *web(const char *text)
{
    cjm_str s = {0};
    cjm_web_text(&s, text);
    return s.data ? s.data : calloc(1, 1);
}

static void test_web_escapes_everything(void **state)
{
    (void)state;
    char *h = web("<script>&\"'\x01tab\tline\nü");
    assert_string_equal(h, "&lt;script&gt;&amp;&quot;&#39; tab\tline\nü");
    free(h);
    h = web(NULL);
    assert_string_equal(h, "");
    free(h);
}

static cjm_journey *S_load(const char *top, const char *last, cjm_diags **d)
{
    const char *y = fixture(top, last, "");
    *d = cjm_diags_new("t.yaml");
    cjm_journey *j = cjm_journey_load(y, strlen(y), "t.yaml", *d);
    assert_non_null(j);
    return j;
}

/* What a writer put out, as a string (caller frees). */
typedef int (*writer)(FILE *, void *);

static int S_index(FILE *out, void *ctx)
{
    const void **c = ctx;
    return cjm_site_index(out, c[0], 1, c[1], 1, CJM_LANG_EN);
}

static char *S_capture(writer w, void *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_non_null(mem);
    assert_int_equal(w(mem, ctx), 0);
    fclose(mem);
    return buf;
}

static void test_portfolio(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = S_load("persona: {name: \"<b>Pat</b>\"}\n",
                            "        channel: web\n        score: 1\n"
                            "        friction: [{text: \"Waits & waits\", "
                            "severity: critical, evidence: \"9 min\"}]\n",
                            &d);
    cjm_figures *f = cjm_figures_new(j);
    cjm_site_point hist[2] = {{"2026-01-02", "a", true, 3.5},
                              {"2026-02-03", "b", true, 3.9}};
    cjm_site_entry e = {j, f, "test.html", hist, 2};
    cjm_site_broken b = {"bad.yaml", "bad.yaml:1:1: error: <x> [rule]"};
    const void *ctx[2] = {&e, &b};
    char *html = S_capture(S_index, ctx);
    assert_non_null(strstr(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_non_null(strstr(html, "<a href=\"test.html\">Test journey</a>"));
    assert_non_null(strstr(html, "&lt;b&gt;Pat&lt;/b&gt;"));
    assert_null(strstr(html, "<b>Pat"));
    /* The trend: two points, dates and figures in its title. */
    assert_non_null(strstr(html, "<title>2026-01-02 3.5, 2026-02-03 3.9</title>"));
    /* Top friction: the critical point, escaped, with its evidence. */
    assert_non_null(strstr(html, "Waits &amp; waits<br/><i>9 min</i>"));
    /* The broken file, with its diagnostics escaped. */
    assert_non_null(strstr(html, "<h3>bad.yaml</h3>\n<pre>bad.yaml:1:1: error: "
                                 "&lt;x&gt; [rule]</pre>"));
    free(html);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_journey_page(void **state)
{
    cjm_renderer *r = *state;
    cjm_diags *d;
    cjm_journey *j = S_load("lang: de\n", LAST_OK, &d);
    cjm_figures *f = cjm_figures_new(j);
    cjm_site_point hist[3] = {{"2026-01-02", "eins <1>", true, 3.5},
                              {"2026-02-03", "zwei", false, 0},
                              {"2026-03-04", "drei", true, 4.0}};
    cjm_site_entry e = {j, f, "test.html", hist, 3};
    char err[512], *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_int_equal(cjm_site_page(mem, r, &e, NULL, NULL, err, sizeof err), 0);
    fclose(mem);
    assert_non_null(strstr(buf, "<html lang=\"de\">"));
    assert_non_null(strstr(buf, ">Phasen<"));
    /* Three views inline, without their XML prolog. */
    assert_non_null(strstr(buf, "<figure id=\"map\">"));
    assert_non_null(strstr(buf, "<figure id=\"flow\">"));
    assert_non_null(strstr(buf, "<figure id=\"channels\">"));
    assert_null(strstr(buf, "<?xml"));
    assert_non_null(strstr(buf, "<a tabindex=\"0\" role=\"img\" aria-label=\"Twelve"));
    /* Two of the three commits had an index: two points, titled. */
    size_t circles = 0;
    for (const char *p = buf; (p = strstr(p, "<circle ")); p++)
        circles++;
    assert_int_equal(circles, 2);
    assert_non_null(strstr(buf, "<title>2026-01-02: eins &lt;1&gt; · 3,5</title>"));
    free(buf);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static int S_setup(void **state)
{
    *state = cjm_renderer_new();
    return *state ? 0 : -1;
}

static int S_teardown(void **state)
{
    cjm_renderer_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_escapes_everything),
        cmocka_unit_test(test_portfolio),
        cmocka_unit_test(test_journey_page),
    };
    return cmocka_run_group_tests_name("site", tests, S_setup, S_teardown);
}
