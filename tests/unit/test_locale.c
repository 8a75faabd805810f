/* The library reads and writes numbers the same under every locale: a
 * program that links libcjm and sets de_DE.UTF-8 (whose decimal mark is
 * a comma) gets the figures, JSON and drawings a C program gets.  The
 * Makefile builds the German locale into build/locale and points LOCPATH
 * at it, so no system locale is needed. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "support.h"
#include "model.h"

static char *slurp_report(const cjm_journey *j, cjm_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cjm_figures *f = cjm_figures_new(j);
    assert_int_equal(cjm_report_write(m, j, f, fmt, NULL), 0);
    cjm_figures_free(f);
    fclose(m);
    return buf;
}

static cjm_journey *load_file(const char *path)
{
    char *buf, err[256];
    size_t len;
    assert_int_equal(cjm_file_read(path, &buf, &len, err, sizeof err), 0);
    cjm_diags *d = cjm_diags_new(path);
    cjm_journey *j = cjm_journey_load_checked(buf, len, path, NULL, d);
    assert_non_null(j);
    cjm_diags_free(d);
    free(buf);
    return j;
}

static char *draw(cjm_renderer *r, const cjm_journey *j, const char *format)
{
    char *buf = NULL, err[512];
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(cjm_render(r, j, CJM_VIEW_MAP, format, m, err, sizeof err),
                     0);
    fclose(m);
    return buf;
}

/* Every pos="x,y!" holds exactly one comma: numbers with a decimal point. */
static void assert_positions_c(const char *dot)
{
    size_t seen = 0;
    for (const char *p = strstr(dot, "pos=\""); p; p = strstr(p + 1, "pos=\"")) {
        const char *end = strchr(p + 5, '"');
        size_t commas = 0;
        for (const char *c = p + 5; c < end; c++)
            commas += *c == ',';
        assert_int_equal(commas, 1);
        seen++;
    }
    assert_true(seen > 10);
}

static void test_german_locale(void **state)
{
    (void)state;
    /* What a C program sees... */
    cjm_journey *j = load_file("journeys/online-shop.yaml");
    cjm_figures *f = cjm_figures_new(j);
    double index_c;
    assert_int_equal(cjm_figures_index(f, &index_c), 0);
    cjm_figures_free(f);
    char *json_c = slurp_report(j, CJM_FORMAT_JSON);
    cjm_journey_free(j);

    /* ... and a German one: the locale must really be German. */
    assert_non_null(setlocale(LC_ALL, "de_DE.UTF-8"));
    assert_string_equal(localeconv()->decimal_point, ",");

    j = load_file("journeys/online-shop.yaml");
    f = cjm_figures_new(j);
    double index_de;
    assert_int_equal(cjm_figures_index(f, &index_de), 0);
    cjm_figures_free(f);
    assert_true(index_de == index_c);
    assert_true(index_de > 3.22 && index_de < 3.24); /* 3.23, not 2.82 */

    char *json_de = slurp_report(j, CJM_FORMAT_JSON);
    assert_string_equal(json_de, json_c);
    assert_non_null(strstr(json_de, "\"scale\": [1, 5]"));
    assert_non_null(strstr(json_de, "\"index_pct\": 55.7"));

    /* A policy's gate condition with a decimal. */
    cjm_gate_cond c;
    char err[256];
    assert_int_equal(cjm_gate_cond_parse("index-drop:2.5", 14, &c, err,
                                         sizeof err), 0);
    assert_true(c.x == 2.5);

    /* Our graph, and Graphviz's layout of it. */
    cjm_renderer *r = cjm_renderer_new();
    assert_non_null(r);
    char *dot = draw(r, j, "dot");
    assert_positions_c(dot);
    char *svg = draw(r, j, "svg");
    assert_non_null(strstr(svg, "viewBox=\"0.00 0.00 "));
    assert_null(strstr(svg, "viewBox=\"0,00"));
    cjm_renderer_free(r);

    /* The program's own locale is left as it set it. */
    assert_string_equal(localeconv()->decimal_point, ",");
    setlocale(LC_ALL, "C");
    free(dot);
    free(svg);
    free(json_c);
    free(json_de);
    cjm_journey_free(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
