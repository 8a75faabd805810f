/* Loader: YAML faults and type errors become positioned diagnostics. */
#include "support.h"
#include "journey_fixture.h"

#include <stdlib.h>

static void expect_one(const char *yaml, cjm_rule rule, int line, int col,
                       const char *needle)
{
    cjm_diags *d;
    cjm_journey *j = load_text(yaml, &d);
    const cjm_diag *g = find_rule(d, rule);
    if (!g)
        fail_msg("no %s finding", cjm_rule_name(rule));
    assert_int_equal(g->line, line);
    assert_int_equal(g->column, col);
    if (needle && !strstr(g->message, needle))
        fail_msg("message '%s' lacks '%s'", g->message, needle);
    if (g->severity == CJM_ERROR)
        assert_null(j);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_valid_fixture_loads_clean(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load_text(fixture("", LAST_OK, ""), &d);
    assert_non_null(j);
    assert_int_equal(cjm_diags_count(d), 0);
    assert_int_equal(cjm_journey_touchpoint_count(j), 12);
    assert_int_equal(cjm_journey_stage_count(j), 2);
    assert_string_equal(cjm_journey_id(j), "test");
    assert_string_equal(cjm_journey_title(j), "Test journey");
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_syntax_error_has_position(void **state)
{
    (void)state;
    expect_one("journey: \"open\nstages: []\n", CJM_RULE_SYNTAX, 3, 1,
               "quoted scalar");
}

static void test_tab_indentation_is_explained(void **state)
{
    (void)state;
    expect_one("journey: x\nstages:\n\t- id: a\n", CJM_RULE_SYNTAX, 3, 1,
               "tab");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    expect_one("journey: ok\nname: a\xff\n", CJM_RULE_SYNTAX, 2, 8, "UTF-8");
}

static void test_utf16_bom(void **state)
{
    (void)state;
    cjm_diags *d = cjm_diags_new("t");
    const char buf[] = "\xff\xfej\0o\0";
    assert_null(cjm_journey_load(buf, sizeof buf - 1, "t", d));
    assert_int_equal(count_rule(d, CJM_RULE_SYNTAX), 1);
    assert_non_null(strstr(cjm_diags_get(d, 0)->message, "UTF-16"));
    cjm_diags_free(d);
}

static void test_two_documents(void **state)
{
    (void)state;
    expect_one("journey: a\n---\njourney: b\n", CJM_RULE_SYNTAX, 2, 1,
               "second YAML document");
}

static void test_duplicate_key(void **state)
{
    (void)state;
    expect_one(fixture("", "        channel: web\n        channel: app\n", ""),
               CJM_RULE_DUPLICATE_KEY, LAST_LINE + 1, 9, "first at line 20");
}

static void test_duplicate_key_in_large_mapping(void **state)
{
    (void)state;
    /* Over 16 keys takes the sorting path. */
    char yaml[1024] = "journey: x\nstages: []\n";
    for (int i = 0; i < 20; i++)
        sprintf(yaml + strlen(yaml), "x-k%d: 1\n", i);
    strcat(yaml, "x-k7: 2\n");
    expect_one(yaml, CJM_RULE_DUPLICATE_KEY, 23, 1, "first at line 10");
}

static void test_unknown_key_suggests(void **state)
{
    (void)state;
    expect_one(fixture("", LAST_OK "        scroe: 3\n", ""),
               CJM_RULE_UNKNOWN_KEY, LAST_LINE + 2, 9, "did you mean 'score'");
}

static void test_extension_keys_are_quiet(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load_text(
        fixture("x-team: {a: [1, 2]}\n", LAST_OK "        x-jira: CX-12\n", ""),
        &d);
    assert_non_null(j);
    assert_int_equal(cjm_diags_count(d), 0);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_missing_required_key(void **state)
{
    (void)state;
    expect_one("stages: []\n", CJM_RULE_SCHEMA, 1, 1, "'journey'");
    expect_one(fixture("", "        channel: web\n", "  - name: Third\n"
                                                      "    touchpoints: []\n"),
               CJM_RULE_SCHEMA, 21, 5, "required key 'id'");
}

static void test_quoted_number_is_schema_error(void **state)
{
    (void)state;
    expect_one(fixture("", "        channel: web\n        score: \"4\"\n", ""),
               CJM_RULE_SCHEMA, LAST_LINE + 1, 16, "quoted");
}

static void test_number_forms(void **state)
{
    (void)state;
    const char *bad[] = {".nan", ".inf", "0x3", "1e400", "4,5", "four", "1_0"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char extra[128];
        snprintf(extra, sizeof extra,
                 "        channel: web\n        score: %s\n", bad[i]);
        expect_one(fixture("", extra, ""), CJM_RULE_SCHEMA, LAST_LINE + 1, 16,
                   "score");
    }
    const char *good[] = {"3", "4.5", "+2", "1e0", "2.", ".5e1"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char extra[128];
        snprintf(extra, sizeof extra,
                 "        channel: web\n        score: %s\n", good[i]);
        cjm_diags *d;
        cjm_journey *j = load_text(fixture("", extra, ""), &d);
        if (!j)
            fail_msg("'%s' was rejected: %s", good[i],
                     cjm_diags_get(d, 0)->message);
        cjm_journey_free(j);
        cjm_diags_free(d);
    }
}

static void test_yes_is_not_a_boolean(void **state)
{
    (void)state;
    expect_one(fixture("", LAST_OK "        moment_of_truth: yes\n", ""),
               CJM_RULE_SCHEMA, LAST_LINE + 2, 26, "true or false");
}

static void test_channel_no_stays_a_string(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j =
        load_text(fixture("", "        channel: no\n        score: 4\n", ""), &d);
    assert_non_null(j);
    assert_int_equal(cjm_diags_errors(d), 0);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_enum_lists_choices(void **state)
{
    (void)state;
    expect_one(fixture("state: planned\n", LAST_OK, ""), CJM_RULE_SCHEMA, 2, 8,
               "'current' or 'future'");
}

static void test_bad_slug(void **state)
{
    (void)state;
    expect_one(fixture("id: My Journey\n", LAST_OK, ""), CJM_RULE_SCHEMA, 2, 5,
               "not a valid id");
}

static void test_explicit_tag(void **state)
{
    (void)state;
    expect_one(fixture("description: !!str hello\n", LAST_OK, ""),
               CJM_RULE_SCHEMA, 2, 14, "explicit tag");
}

static void test_embedded_nul(void **state)
{
    (void)state;
    expect_one(fixture("description: \"a\\0b\"\n", LAST_OK, ""),
               CJM_RULE_SCHEMA, 2, 14, "U+0000");
}

static void test_self_alias_is_rejected(void **state)
{
    (void)state;
    expect_one("journey: x\nx-a: &x [1, *x]\nstages: []\n", CJM_RULE_SYNTAX, 2,
               13, "contains it");
}

static void test_undefined_alias(void **state)
{
    (void)state;
    expect_one("journey: *nope\nstages: []\n", CJM_RULE_SYNTAX, 1, 10,
               "no anchor");
}

static void test_alias_bomb_is_bounded(void **state)
{
    (void)state;
    char yaml[2048] = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; i++) {
        char line[128];
        snprintf(line, sizeof line,
                 "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
                 i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
        strcat(yaml, line);
    }
    cjm_diags *d;
    cjm_journey *j = load_text(yaml, &d);
    assert_null(j);
    const cjm_diag *g = find_rule(d, CJM_RULE_SYNTAX);
    assert_non_null(g);
    assert_non_null(strstr(g->message, "aliases expand"));
    cjm_diags_free(d);
}

static void test_aliases_expand(void **state)
{
    (void)state;
    /* An anchored friction list reused by a second touchpoint. */
    cjm_diags *d;
    cjm_journey *j = load_text(
        fixture("", LAST_OK "        friction: &f [Slow, {text: Rude, "
                    "severity: high}]\n",
                "x-copy: *f\n"),
        &d);
    assert_non_null(j);
    assert_int_equal(cjm_diags_count(d), 0);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_deep_nesting_stops_early(void **state)
{
    (void)state;
    size_t n = 200000;
    char *yaml = malloc(n + 1);
    memset(yaml, '[', n);
    yaml[n] = '\0';
    cjm_diags *d = cjm_diags_new("deep");
    assert_null(cjm_journey_load(yaml, n, "deep", d));
    const cjm_diag *g = find_rule(d, CJM_RULE_SYNTAX);
    assert_non_null(g);
    assert_int_equal(g->column, 33);
    assert_non_null(strstr(g->message, "deeper than 32"));
    cjm_diags_free(d);
    free(yaml);
}

static void test_empty_and_scalar_roots(void **state)
{
    (void)state;
    expect_one("", CJM_RULE_SCHEMA, 1, 1, "empty");
    expect_one("# only a comment\n", CJM_RULE_SCHEMA, 1, 1, "empty");
    expect_one("- a\n- b\n", CJM_RULE_SCHEMA, 1, 1, "not a list");
}

static void test_default_id_from_file_name(void **state)
{
    (void)state;
    const char *yaml = fixture("", LAST_OK, "");
    cjm_diags *d = cjm_diags_new("x");
    cjm_journey *j = cjm_journey_load(yaml, strlen(yaml), "dir/my-shop.v2.yaml", d);
    assert_non_null(j);
    assert_string_equal(cjm_journey_id(j), "my-shop.v2");
    cjm_journey_free(j);
    cjm_diags_free(d);
}

static void test_policy_file(void **state)
{
    (void)state;
    const char *yaml = "stages: [first]\ntouchpoints: {min: 3, max: 2}\n";
    cjm_diags *d = cjm_diags_new("policy.yaml");
    assert_null(cjm_policy_load(yaml, strlen(yaml), d));
    const cjm_diag *g = find_rule(d, CJM_RULE_SCHEMA);
    assert_non_null(g);
    assert_int_equal(g->line, 2);
    assert_non_null(strstr(g->message, "larger than 'max'"));
    cjm_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_fixture_loads_clean),
        cmocka_unit_test(test_syntax_error_has_position),
        cmocka_unit_test(test_tab_indentation_is_explained),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_utf16_bom),
        cmocka_unit_test(test_two_documents),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_duplicate_key_in_large_mapping),
        cmocka_unit_test(test_unknown_key_suggests),
        cmocka_unit_test(test_extension_keys_are_quiet),
        cmocka_unit_test(test_missing_required_key),
        cmocka_unit_test(test_quoted_number_is_schema_error),
        cmocka_unit_test(test_number_forms),
        cmocka_unit_test(test_yes_is_not_a_boolean),
        cmocka_unit_test(test_channel_no_stays_a_string),
        cmocka_unit_test(test_enum_lists_choices),
        cmocka_unit_test(test_bad_slug),
        cmocka_unit_test(test_explicit_tag),
        cmocka_unit_test(test_embedded_nul),
        cmocka_unit_test(test_self_alias_is_rejected),
        cmocka_unit_test(test_undefined_alias),
        cmocka_unit_test(test_alias_bomb_is_bounded),
        cmocka_unit_test(test_aliases_expand),
        cmocka_unit_test(test_deep_nesting_stops_early),
        cmocka_unit_test(test_empty_and_scalar_roots),
        cmocka_unit_test(test_default_id_from_file_name),
        cmocka_unit_test(test_policy_file),
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
