/* The channel catalogue (spec 1.2): aliases and spellings find their
 * channel, typos find the channel they were meant to be, labels per
 * language, and a loaded journey holds catalogue channels by id. */
#include "support.h"
#include "channels.h"

#include <stdio.h>
#include <stdlib.h>

static void test_find(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"email", "email"},   {"E-Mail", "email"},      {"Email", "email"},
        {"WEB", "web"},       {"Webseite", "web"},      {"Telefon", "phone"},
        {"Call Center", "phone"}, {"GESCHÄFT", "store"}, {"Brief", "letter"},
        {"Mundpropaganda", "word-of-mouth"}, {"Soziale Medien", "social"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const cjm_channel_def *c = cjm_channel_find(cases[i][0]);
        assert_non_null(c);
        assert_string_equal(c->id, cases[i][1]);
    }
    assert_null(cjm_channel_find("kiosk"));
    assert_null(cjm_channel_find("emial"));
}

static void test_near(void **state)
{
    (void)state;
    assert_string_equal(cjm_channel_near("emial")->id, "email");
    assert_string_equal(cjm_channel_near("telefn")->id, "phone");
    assert_string_equal(cjm_channel_near("filale")->id, "store");
    assert_null(cjm_channel_near("kiosk"));
    assert_null(cjm_channel_near("ab"));
    assert_null(cjm_channel_near("fax"));
}

static void test_labels(void **state)
{
    (void)state;
    assert_string_equal(cjm_channel_label("email", CJM_LANG_DE), "E-Mail");
    assert_string_equal(cjm_channel_label("email", CJM_LANG_EN), "Email");
    assert_string_equal(cjm_channel_label("store", CJM_LANG_DE), "Filiale");
    assert_string_equal(cjm_channel_label("kiosk", CJM_LANG_DE), "kiosk");
}

/* One channel in the figures, whatever the spelling: JSON counts by id. */
static void test_loaded_by_id(void **state)
{
    (void)state;
    cjm_diags *d;
    cjm_journey *j = load_text(
        "journey: J\nstages:\n  - id: s\n    touchpoints:\n"
        "      - {id: a, name: A, channel: E-Mail, score: 3, next: [b]}\n"
        "      - {id: b, name: B, channel: email, score: 3, next: [c]}\n"
        "      - {id: c, name: C, channel: Email, score: 3}\n", &d);
    assert_non_null(j);
    assert_int_equal(cjm_diags_errors(d), 0);
    assert_int_equal(count_rule(d, CJM_RULE_CHANNEL_ALIAS), 2);
    cjm_figures *f = cjm_figures_new(j);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cjm_report_write(m, j, f, CJM_FORMAT_JSON, NULL);
    fclose(m);
    assert_non_null(strstr(buf, "\"channels\": {\"email\": 3}, \"channel_switches\": 0"));
    free(buf);
    cjm_figures_free(f);
    cjm_journey_free(j);
    cjm_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_near),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_loaded_by_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
