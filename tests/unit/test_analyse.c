/* Figures: the journey index and stage means as the spec defines them,
 * weakest touchpoints, friction, channels and switches. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

static const char yaml[] =
    "journey: Figures\n"
    "scale: [0, 10]\n"
    "stages:\n"
    "  - id: a\n"
    "    touchpoints:\n"
    "      - {id: a1, name: A1, channel: web, score: 8}\n"
    "      - {id: a2, name: A2, channel: web, score: 2, moment_of_truth: true,\n"
    "         friction: [Slow, {text: Lost, severity: critical}]}\n"
    "      - {id: a3, name: A3, channel: app}\n"
    "  - id: b\n"
    "    touchpoints:\n"
    "      - {id: b1, name: B1, channel: store, score: 5, weight: 3,\n"
    "         next: [b2, a1], friction: [{text: Queue, severity: high}]}\n"
    "      - {id: b2, name: B2, channel: web, score: 2, next: []}\n"
    "  - id: c\n"
    "    touchpoints:\n"
    "      - {id: c1, name: C1, score: 1, entry: true,\n"
    "         friction: [{text: x, severity: low}]}\n";

static cjm_journey *load_named(const char *text, const char *file,
                               cjm_diags **d)
{
    *d = cjm_diags_new(file);
    cjm_journey *j = cjm_journey_load(text, strlen(text), file, *d);
    if (!j)
        fail_msg("%s", cjm_diags_get(*d, 0)->message);
    return j;
}

static cjm_journey *load(cjm_diags **d)
{
    return load_named(yaml, "figures.yaml", d);
}

static char *report(const cjm_journey *j, cjm_format fmt)
{
    cjm_figures *f = cjm_figures_new(j);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(cjm_report_write(out, j, f, fmt, NULL), 0);
    fclose(out);
    cjm_figures_free(f);
    return buf;
}

static void test_index_and_means(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load(&d);
    cjm_figures *f = cjm_figures_new(j);
    double x;
    /* Weights: a2 is a moment of truth (2), b1 says 3, the rest 1; a3 is
     * unscored and counts nowhere. */
    assert_int_equal(cjm_figures_index(f, &x), 0);
    assert_float_equal(x, (8 + 2 * 2 + 5 * 3 + 2 + 1) / 8.0, 1e-9);
    assert_int_equal(cjm_figures_index_pct(f, &x), 0);
    assert_float_equal(x, (30.0 / 8.0) / 10 * 100, 1e-9);
    assert_int_equal(cjm_figures_stage_mean(f, 0, &x), 0);
    assert_float_equal(x, (8 + 4) / 3.0, 1e-9);
    assert_int_equal(cjm_figures_stage_mean(f, 1, &x), 0);
    assert_float_equal(x, 17 / 4.0, 1e-9);
    assert_int_equal(cjm_figures_stage_mean(f, 2, &x), 0);
    assert_float_equal(x, 1, 1e-9);
    assert_int_equal(cjm_figures_stage_mean(f, 3, &x), -1);
    /* a2 -> a3 (web -> app), a3 -> b1 (app -> store), b1 -> b2 and b1 -> a1
     * (store -> web); c1 has no channel, b2 ends. */
    assert_int_equal(cjm_figures_channel_switches(f), 4);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_report_json_shape(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load(&d);
    char *buf = report(j, CJM_FORMAT_JSON);
    assert_string_equal(
        buf,
        "{\"file\": \"figures.yaml\", \"id\": \"figures\", \"journey\": "
        "\"Figures\", \"scale\": [0, 10], \"touchpoints\": 6, \"scored\": 5, "
        "\"index\": 3.75, \"index_pct\": 37.5, \"stages\": [{\"id\": \"a\", "
        "\"name\": \"A\", \"touchpoints\": 3, \"mean\": 4, \"metrics\": "
        "{\"csat\": null, \"ces\": null, \"nps\": null, \"responses\": null}}, "
        "{\"id\": \"b\", \"name\": \"B\", \"touchpoints\": 2, \"mean\": 4.25, "
        "\"metrics\": {\"csat\": null, \"ces\": null, \"nps\": null, "
        "\"responses\": null}}, {\"id\": \"c\", \"name\": \"C\", "
        "\"touchpoints\": 1, \"mean\": 1, \"metrics\": {\"csat\": null, "
        "\"ces\": null, \"nps\": null, \"responses\": null}}], \"weakest\": "
        "[{\"id\": \"c1\", \"stage\": \"c\", \"score\": 1}, {\"id\": \"a2\", "
        "\"stage\": \"a\", \"score\": 2}, {\"id\": \"b2\", \"stage\": \"b\", "
        "\"score\": 2}], \"friction\": {\"low\": 1, \"medium\": 1, \"high\": 1, "
        "\"critical\": 1}, \"channels\": {\"web\": 3, \"app\": 1, \"store\": 1}, "
        "\"channel_switches\": 4, \"contact\": {\"direct\": 6, \"indirect\": 0}, "
        "\"metrics\": {\"csat\": null, \"ces\": null, \"nps\": null, "
        "\"responses\": null}}");
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

/* The spec's weighting rule: each figure the mean of the touchpoints that
 * carry it, weighted by responses where all of them have responses, else
 * unweighted; responses their sum; contact counted. */
static void test_kpis_weighting(void **state)
{
    (void)state;
    const char *y =
        "journey: KPIs\nstages:\n"
        "  - id: a\n    touchpoints:\n"
        "      - {id: a1, name: A1, metrics: {csat: 4, nps: 10, responses: 300}}\n"
        "      - {id: a2, name: A2, contact: indirect, metrics: {csat: 2, responses: 100}}\n"
        "  - id: b\n    touchpoints:\n"
        "      - {id: b1, name: B1, metrics: {csat: 5, ces: 3}}\n"
        "      - {id: b2, name: B2, metrics: {csat: 1, ces: 6, responses: 20}}\n";
    cjm_diags *d;
    cjm_journey *j = load_named(y, "k.yaml", &d);
    char *buf = report(j, CJM_FORMAT_JSON);
    /* a: weighted, (4 x 300 + 2 x 100) / 400 = 3.5; nps only a1: 10. */
    assert_non_null(strstr(buf, "\"id\": \"a\", \"name\": \"A\", \"touchpoints\": 2, "
                                "\"mean\": null, \"metrics\": {\"csat\": 3.5, "
                                "\"ces\": null, \"nps\": 10, \"responses\": 400}"));
    /* b: b1 has no responses, so unweighted: (5 + 1) / 2 = 3, ces 4.5. */
    assert_non_null(strstr(buf, "\"metrics\": {\"csat\": 3, \"ces\": 4.5, "
                                "\"nps\": null, \"responses\": 20}}]"));
    /* journey: b1 lacks responses, so csat is the plain mean of 4 values. */
    assert_non_null(strstr(buf, "\"contact\": {\"direct\": 3, \"indirect\": 1}, "
                                "\"metrics\": {\"csat\": 3, \"ces\": 4.5, "
                                "\"nps\": 10, \"responses\": 420}}"));
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_nothing_scored(void **state)
{
    (void)state;
    const char *y = "journey: Empty\nstages:\n  - id: a\n    touchpoints:\n"
                    "      - {id: x, name: X}\n";
    cjm_diags *d;
    cjm_journey *j = load_named(y, "e.yaml", &d);
    cjm_figures *f = cjm_figures_new(j);
    double x = 42;
    assert_int_equal(cjm_figures_index(f, &x), -1);
    assert_int_equal(cjm_figures_stage_mean(f, 0, &x), -1);
    cjm_figures_free(f);
    char *buf = report(j, CJM_FORMAT_JSON);
    assert_non_null(strstr(buf, "\"index\": null, \"index_pct\": null"));
    assert_non_null(strstr(buf, "\"mean\": null"));
    assert_non_null(strstr(buf, "\"weakest\": []"));
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_markdown_escapes_user_text(void **state)
{
    (void)state;
    const char *y = "journey: \"A | <b>bold</b> [x](javascript:y)\"\nstages:\n"
                    "  - id: a\n    touchpoints:\n      - {id: x, name: X}\n";
    cjm_diags *d;
    cjm_journey *j = load_named(y, "m.yaml", &d);
    char *buf = report(j, CJM_FORMAT_MARKDOWN);
    assert_non_null(strstr(
        buf, "### A \\| &lt;b&gt;bold&lt;/b&gt; \\[x\\](javascript:y)\n"));
    assert_null(strstr(buf, "<b>"));
    free(buf);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_and_means),
        cmocka_unit_test(test_report_json_shape),
        cmocka_unit_test(test_kpis_weighting),
        cmocka_unit_test(test_nothing_scored),
        cmocka_unit_test(test_markdown_escapes_user_text),
    };
    return cmocka_run_group_tests_name("analyse", tests, NULL, NULL);
}
