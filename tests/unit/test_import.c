/* cjm import reads exactly the bytes it is given: the buffer is not
 * NUL-terminated (a fuzzer found a read past the end), and a diagram that
 * is not a journey stops at its first line. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

static int import_bytes(const char *text, size_t len, cjm_diags *d)
{
    char *buf = malloc(len ? len : 1); /* no room for a NUL: ASan watches */
    memcpy(buf, text, len);
    FILE *out = fopen("/dev/null", "w");
    int rc = cjm_import_mermaid(buf, len, out, NULL, d);
    fclose(out);
    free(buf);
    return rc;
}

static void test_reads_only_its_bytes(void **state)
{
    (void)state;
    /* Each ends where its bytes end: not a journey, no tasks, or (the
     * last) a task whose entity code runs to the end of the buffer. */
    static const struct {
        const char *text;
        int rc;
        const char *says;
    } cases[] = {
        {"\x89", -1, "another kind of diagram"},
        {"#", -1, "must start with 'journey'"},
        {"#3", -1, "must start with 'journey'"},
        {"journey\n#35", -1, "no tasks"},
        {"journey\n  accDescr", -1, "no tasks"},
        {"journey\n   ", -1, "no tasks"},
        {"journey\nsection a\nx: 1: #44", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cjm_diags *d = cjm_diags_new("x.mmd");
        assert_int_equal(import_bytes(cases[i].text, strlen(cases[i].text), d),
                         cases[i].rc);
        if (cases[i].says) {
            assert_int_equal(cjm_diags_get(d, 0)->line, 1);
            assert_non_null(strstr(cjm_diags_get(d, 0)->message, cases[i].says));
        } else {
            assert_int_equal(cjm_diags_count(d), 0);
        }
        cjm_diags_free(d);
    }
}

static void test_not_a_journey(void **state)
{
    (void)state;
    cjm_diags *d = cjm_diags_new("x.mmd");
    const char t[] = "flowchart LR\n  A --> B\n  C --> D\n";
    assert_int_equal(import_bytes(t, sizeof t - 1, d), -1);
    assert_int_equal(cjm_diags_count(d), 1);
    assert_int_equal(cjm_diags_get(d, 0)->line, 1);
    cjm_diags_free(d);
}

static void test_entity_codes_and_comments(void **state)
{
    (void)state;
    const char t[] = "journey\n  title T #35;1\n  section S#58; one\n"
                     "    #35;2 first: 4: Me#44; you # a comment\n";
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    cjm_diags *d = cjm_diags_new("x.mmd");
    assert_int_equal(cjm_import_mermaid(t, sizeof t - 1, m, NULL, d), 0);
    fclose(m);
    assert_non_null(strstr(out, "journey: \"T #1\""));
    assert_non_null(strstr(out, "name: \"S: one\""));
    assert_non_null(strstr(out, "name: \"#2 first\""));
    assert_non_null(strstr(out, "actors: [\"Me, you\"]"));
    free(out);
    cjm_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_only_its_bytes),
        cmocka_unit_test(test_not_a_journey),
        cmocka_unit_test(test_entity_codes_and_comments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
