/* Checks: every rule fires where it should, with its severity and position,
 * and stays quiet on a sound journey. */
#include "support.h"
#include "journey_fixture.h"

typedef struct {
    cjm_diags *d;
    cjm_journey *j;
} run;

static run check_with(const char *yaml, const char *policy_yaml)
{
    run r = {cjm_diags_new("test.yaml"), NULL};
    cjm_policy *p = NULL;
    if (policy_yaml) {
        cjm_diags *pd = cjm_diags_new("policy.yaml");
        p = cjm_policy_load(policy_yaml, strlen(policy_yaml), pd);
        assert_non_null(p);
        cjm_diags_free(pd);
    }
    r.j = cjm_journey_load_checked(yaml, strlen(yaml), "test.yaml", p, r.d);
    cjm_policy_free(p);
    if (!r.j)
        fail_msg("did not load: %s", cjm_diags_get(r.d, 0)->message);
    return r;
}

static void done(run *r)
{
    cjm_journey_free(r->j);
    cjm_diags_free(r->d);
}

/* Asserts exactly `n` findings of `rule`, the first with this severity and
 * position and a message holding `needle`. */
static void expect(const char *yaml, const char *policy, cjm_rule rule,
                   size_t n, cjm_severity sev, int line, int col,
                   const char *needle)
{
    run r = check_with(yaml, policy);
    size_t got = count_rule(r.d, rule);
    if (got != n)
        fail_msg("%zu %s findings, expected %zu", got, cjm_rule_name(rule), n);
    if (n) {
        const cjm_diag *g = find_rule(r.d, rule);
        assert_int_equal(g->severity, sev);
        assert_int_equal(g->line, line);
        assert_int_equal(g->column, col);
        if (needle && !strstr(g->message, needle))
            fail_msg("message '%s' lacks '%s'", g->message, needle);
    }
    done(&r);
}

static void test_sound_journey_is_clean(void **state)
{
    (void)state;
    run r = check_with(fixture("", LAST_OK, ""), NULL);
    assert_int_equal(cjm_diags_count(r.d), 0);
    done(&r);
}

static void test_duplicate_touchpoint_id(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK, "      - {id: t3, name: Again, channel: web, "
                                "score: 4}\n"),
           NULL, CJM_RULE_DUPLICATE_ID, 1, CJM_ERROR, 22, 14,
           "'t3' is used twice (first at line 7)");
}

static void test_duplicate_stage_id(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK, "  - id: first\n    touchpoints: [{id: t13, "
                                "name: X, channel: web, score: 4}]\n"),
           NULL, CJM_RULE_DUPLICATE_ID, 1, CJM_ERROR, 22, 9,
           "stage id 'first'");
}

static void test_unknown_reference_suggests(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK "        next: [t1, t11x]\n", ""), NULL,
           CJM_RULE_UNKNOWN_REFERENCE, 1, CJM_ERROR, LAST_LINE + 2, 20,
           "'t12' lists unknown touchpoint 't11x' in next (did you mean "
           "'t11'?)");
    expect(fixture("", LAST_OK "        next: [t1]\n", ""), NULL,
           CJM_RULE_UNKNOWN_REFERENCE, 0, CJM_ERROR, 0, 0, NULL);
}

static void test_empty_stage(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK, "  - id: third\n    touchpoints: []\n"), NULL,
           CJM_RULE_EMPTY_STAGE, 1, CJM_ERROR, 23, 18, "'third'");
}

static void test_score_range(void **state)
{
    (void)state;
    expect(fixture("", "        channel: web\n        score: 5.5\n", ""), NULL,
           CJM_RULE_SCORE_RANGE, 1, CJM_ERROR, LAST_LINE + 1, 16,
           "outside the journey's scale [1, 5]");
    expect(fixture("scale: [0, 10]\n", "        channel: web\n        score: "
                                       "9.5\n",
                   ""),
           NULL, CJM_RULE_SCORE_RANGE, 0, CJM_ERROR, 0, 0, NULL);
}

static void test_metric_ranges(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK "        metrics: {csat: 5, ces: 8, nps: -100, "
                               "responses: 10}\n",
                   ""),
           NULL, CJM_RULE_SCORE_RANGE, 1, CJM_ERROR, LAST_LINE + 2, 33,
           "ces 8");
    expect(fixture("", LAST_OK "        metrics: {nps: 101, responses: 2.5}\n",
                   ""),
           NULL, CJM_RULE_SCORE_RANGE, 2, CJM_ERROR, LAST_LINE + 2, 24, "nps");
}

static void test_touchpoint_count(void **state)
{
    (void)state;
    /* Default limits warn; limits from requires or a policy are errors. */
    expect(fixture("", LAST_OK, ""), NULL, CJM_RULE_TOUCHPOINT_COUNT, 0,
           CJM_WARNING, 0, 0, NULL);
    expect(fixture("requires: {touchpoints: {min: 13}}\n", LAST_OK, ""), NULL,
           CJM_RULE_TOUCHPOINT_COUNT, 1, CJM_ERROR, 3, 1,
           "12 touchpoints, fewer than the 13 required");
    expect(fixture("", LAST_OK, ""), "touchpoints: {max: 11}\n",
           CJM_RULE_TOUCHPOINT_COUNT, 1, CJM_ERROR, 2, 1, "more than the 11");
    const char *small = "journey: Small\nstages:\n  - id: a\n    touchpoints:\n"
                        "      - {id: x, name: X, channel: web, score: 3}\n";
    expect(small, NULL, CJM_RULE_TOUCHPOINT_COUNT, 1, CJM_WARNING, 2, 1,
           "1 touchpoint, fewer than the 12 expected");
}

/* Regression (issue 9): a bound below the default minimum is checked as
 * given; the default 12 gives way to it. */
static void test_touchpoint_count_bounds_as_given(void **state)
{
    (void)state;
    const char *two = "journey: Two\nrequires: {touchpoints: {max: 1}}\n"
                      "stages:\n  - id: a\n    touchpoints:\n"
                      "      - {id: x, name: X, channel: web, score: 3}\n"
                      "      - {id: y, name: Y, channel: web, score: 3}\n";
    expect(two, NULL, CJM_RULE_TOUCHPOINT_COUNT, 1, CJM_ERROR, 3, 1,
           "2 touchpoints, more than the 1 allowed by its 'requires:'");
    const char *ok = "journey: Two\nrequires: {touchpoints: {max: 2}}\n"
                     "stages:\n  - id: a\n    touchpoints:\n"
                     "      - {id: x, name: X, channel: web, score: 3}\n"
                     "      - {id: y, name: Y, channel: web, score: 3}\n";
    expect(ok, NULL, CJM_RULE_TOUCHPOINT_COUNT, 0, CJM_WARNING, 0, 0, NULL);
    /* Bound by bound: the journey's min keeps the policy file's max. */
    expect(fixture("requires: {touchpoints: {min: 2}}\n", LAST_OK, ""),
           "touchpoints: {max: 11}\n", CJM_RULE_TOUCHPOINT_COUNT, 1, CJM_ERROR,
           3, 1, "more than the 11 allowed by the policy");
}

static void test_missing_score(void **state)
{
    (void)state;
    expect(fixture("", "        channel: web\n", ""), NULL,
           CJM_RULE_MISSING_SCORE, 1, CJM_WARNING, 18, 9, "'t12' has no score");
    expect(fixture("requires: {scored: true}\n", "        channel: web\n", ""),
           NULL, CJM_RULE_MISSING_SCORE, 1, CJM_ERROR, 19, 9, "scored: true");
    /* The journey's own `scored: false` wins over the policy. */
    expect(fixture("requires: {scored: false}\n", "        channel: web\n", ""),
           "scored: true\n", CJM_RULE_MISSING_SCORE, 1, CJM_WARNING, 19, 9,
           NULL);
}

static void test_missing_channel(void **state)
{
    (void)state;
    expect(fixture("", "        score: 4\n", ""), NULL, CJM_RULE_MISSING_CHANNEL,
           1, CJM_WARNING, 18, 9, "'t12' has no channel");
    expect(fixture("", LAST_OK, ""), NULL, CJM_RULE_MISSING_CHANNEL, 0,
           CJM_WARNING, 0, 0, NULL);
}

static void test_unreachable(void **state)
{
    (void)state;
    /* t5 ends the journey, so t6 and everything after is unreachable... */
    const char *yaml = fixture("", LAST_OK, "");
    char buf[8192];
    strcpy(buf, yaml);
    char *t5 = strstr(buf, "score: 5}");
    memcpy(t5, "next: []}", 9);
    expect(buf, NULL, CJM_RULE_UNREACHABLE, 7, CJM_WARNING, 10, 9, "'t6'");
    /* ...unless t7 is an alternative entry. */
    char *t7 = strstr(buf, "{id: t7,");
    memmove(t7 + 13, t7 + 1, strlen(t7 + 1) + 1);
    memcpy(t7, "{entry: true,", 13);
    expect(buf, NULL, CJM_RULE_UNREACHABLE, 1, CJM_WARNING, 10, 9, "'t6'");
}

static void test_pain_without_friction(void **state)
{
    (void)state;
    expect(fixture("", "        channel: web\n        score: 2\n", ""), NULL,
           CJM_RULE_PAIN_WITHOUT_FRICTION, 1, CJM_WARNING, LAST_LINE + 1, 16,
           "scores 2 (painful: <= 2)");
    expect(fixture("", "        channel: web\n        score: 2.1\n", ""), NULL,
           CJM_RULE_PAIN_WITHOUT_FRICTION, 0, CJM_WARNING, 0, 0, NULL);
    expect(fixture("", "        channel: web\n        score: 1\n        "
                       "friction: [Slow]\n",
                   ""),
           NULL, CJM_RULE_PAIN_WITHOUT_FRICTION, 0, CJM_WARNING, 0, 0, NULL);
    /* Regression (issue 9): the threshold is decided on the decimals as
     * written; -3 + 8.1 / 4 is -0.975 exactly, not -0.97499... */
    expect(fixture("scale: [-3, 5.1]\n", "        channel: web\n        score: "
                                         "-0.975\n",
                   ""),
           NULL, CJM_RULE_PAIN_WITHOUT_FRICTION, 1, CJM_WARNING, LAST_LINE + 2,
           16, "scores -0.975");
    expect(fixture("scale: [-3, 5.1]\n", "        channel: web\n        score: "
                                         "-0.974\n",
                   ""),
           NULL, CJM_RULE_PAIN_WITHOUT_FRICTION, 0, CJM_WARNING, 0, 0, NULL);
    /* On a 0-10 scale the threshold is 2.5. */
    expect(fixture("scale: [0, 10]\n", "        channel: web\n        score: "
                                       "2.5\n",
                   ""),
           NULL, CJM_RULE_PAIN_WITHOUT_FRICTION, 1, CJM_WARNING, 22, 16,
           "<= 2.5");
}

static void test_required_stage(void **state)
{
    (void)state;
    expect(fixture("requires: {stages: [first, secnd, third]}\n", LAST_OK, ""),
           NULL, CJM_RULE_REQUIRED_STAGE, 2, CJM_ERROR, 2, 28,
           "no stage 'secnd', required by its 'requires:' (did you "
           "mean 'second'?)");
    /* From a policy file, the finding points at the journey's stages. */
    expect(fixture("", LAST_OK, ""), "stages: [first, delivery]\n",
           CJM_RULE_REQUIRED_STAGE, 1, CJM_ERROR, 2, 1, "'delivery'");
    expect(fixture("", LAST_OK, ""), "stages: [first, second]\n",
           CJM_RULE_REQUIRED_STAGE, 0, CJM_ERROR, 0, 0, NULL);
}

static void test_required_touchpoint(void **state)
{
    (void)state;
    expect(fixture("", LAST_OK, ""), "catalogue: {second: [t7, t1, t99]}\n",
           CJM_RULE_REQUIRED_TOUCHPOINT, 2, CJM_ERROR, 11, 9,
           "'t1' must be in stage 'second'");
    expect(fixture("", LAST_OK, ""), "catalogue: {second: [t7, t8]}\n",
           CJM_RULE_REQUIRED_TOUCHPOINT, 0, CJM_ERROR, 0, 0, NULL);
    /* A catalogue naming a stage the journey lacks is a bad reference. */
    expect(fixture("", LAST_OK, ""), "catalogue: {secnd: [t7]}\n",
           CJM_RULE_UNKNOWN_REFERENCE, 1, CJM_ERROR, 2, 1,
           "(did you mean 'second'?)");
}

static void test_required_channel(void **state)
{
    (void)state;
    expect(fixture("requires:\n  channels: [web, store]\n", LAST_OK, ""), NULL,
           CJM_RULE_REQUIRED_CHANNEL, 1, CJM_ERROR, 3, 19,
           "no touchpoint uses channel 'store'");
    expect(fixture("", LAST_OK, ""), "channels: [web, app, email]\n",
           CJM_RULE_REQUIRED_CHANNEL, 0, CJM_ERROR, 0, 0, NULL);
}

static void test_journey_requires_wins_over_policy(void **state)
{
    (void)state;
    expect(fixture("requires: {channels: [web]}\n", LAST_OK, ""),
           "channels: [phone]\n", CJM_RULE_REQUIRED_CHANNEL, 0, CJM_ERROR, 0,
           0, NULL);
}

static void test_findings_sorted_by_position(void **state)
{
    (void)state;
    run r = check_with(fixture("", "        next: [nope]\n", ""), NULL);
    for (size_t i = 1; i < cjm_diags_count(r.d); i++) {
        const cjm_diag *a = cjm_diags_get(r.d, i - 1), *b = cjm_diags_get(r.d, i);
        assert_true(a->line < b->line ||
                    (a->line == b->line && a->column <= b->column));
    }
    assert_int_equal(cjm_diags_count(r.d), 3);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sound_journey_is_clean),
        cmocka_unit_test(test_duplicate_touchpoint_id),
        cmocka_unit_test(test_duplicate_stage_id),
        cmocka_unit_test(test_unknown_reference_suggests),
        cmocka_unit_test(test_empty_stage),
        cmocka_unit_test(test_score_range),
        cmocka_unit_test(test_metric_ranges),
        cmocka_unit_test(test_touchpoint_count),
        cmocka_unit_test(test_touchpoint_count_bounds_as_given),
        cmocka_unit_test(test_missing_score),
        cmocka_unit_test(test_missing_channel),
        cmocka_unit_test(test_unreachable),
        cmocka_unit_test(test_pain_without_friction),
        cmocka_unit_test(test_required_stage),
        cmocka_unit_test(test_required_touchpoint),
        cmocka_unit_test(test_required_channel),
        cmocka_unit_test(test_journey_requires_wins_over_policy),
        cmocka_unit_test(test_findings_sorted_by_position),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
