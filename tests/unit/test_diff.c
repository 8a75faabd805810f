/* The diff: pairing (moved vs removed, stages by id, friction by text),
 * the changed-field bits, null sides, the gate and its boundaries, and the
 * order of the output. */
#include "support.h"

#include "diff.h"
#include "git.h"

#include <stdio.h>
#include <stdlib.h>

static const char old_yaml[] =
    "journey: J\n"
    "scale: [1, 5]\n"
    "stages:\n"
    "  - id: a\n"
    "    name: A\n"
    "    touchpoints:\n"
    "      - {id: a1, name: One, channel: web, score: 3}\n"
    "      - {id: a2, name: Two, channel: web, score: 3,\n"
    "         friction: [{text: Slow, severity: medium}, {text: Gone, severity: low}]}\n"
    "      - {id: a3, name: Three, channel: app, score: 4, metrics: {csat: 3}}\n"
    "  - id: b\n"
    "    name: B\n"
    "    touchpoints:\n"
    "      - {id: b1, name: Four, channel: store, score: 2}\n"
    "  - id: c\n"
    "    touchpoints:\n"
    "      - {id: c1, name: Five, channel: store, score: 2}\n";

/* a3 moves to b with a new csat; b is renamed; c and c1 are gone; a2's
 * friction: Slow raised, Gone resolved, New added; d and d1 are new and
 * d1 carries c1's name. */
static const char new_yaml[] =
    "journey: J\n"
    "scale: [1, 5]\n"
    "stages:\n"
    "  - id: a\n"
    "    name: A\n"
    "    touchpoints:\n"
    "      - {id: a1, name: One, channel: web, score: 3}\n"
    "      - {id: a2, name: Two, channel: web, score: 3,\n"
    "         friction: [{text: Slow, severity: high}, {text: New, severity: critical}]}\n"
    "  - id: b\n"
    "    name: Bee\n"
    "    touchpoints:\n"
    "      - {id: a3, name: Three, channel: app, score: 4, metrics: {csat: 3.5}}\n"
    "      - {id: b1, name: Four, channel: store, score: 2}\n"
    "  - id: d\n"
    "    touchpoints:\n"
    "      - {id: d1, name: Five, channel: store, score: 2}\n";

static cjm_journey *load(const char *text, const char *file)
{
    cjm_diags *d = cjm_diags_new(file);
    cjm_journey *j = cjm_journey_load(text, strlen(text), file, d);
    if (!j)
        fail_msg("%s", cjm_diags_get(d, 0)->message);
    cjm_diags_free(d);
    return j;
}

typedef struct {
    cjm_journey *o, *n;
    cjm_diff *d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->o = load(old_yaml, "old.yaml");
    f->n = load(new_yaml, "new.yaml");
    f->d = cjm_diff_new(f->o, f->n, "old.yaml", "new.yaml");
    *state = f;
    return f->d ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    cjm_diff_free(f->d);
    cjm_journey_free(f->o);
    cjm_journey_free(f->n);
    free(f);
    return 0;
}

static long new_index(const fixture *f, const char *id)
{
    return cjm_journey_find(f->n, id);
}

static void test_moved_is_not_removed(void **state)
{
    fixture *f = *state;
    long a3 = new_index(f, "a3");
    assert_true(a3 >= 0);
    assert_int_equal(f->d->tp_o_of_n[a3], cjm_journey_find(f->o, "a3"));
    assert_true(cjm_diff_tp_moved(f->d, (size_t)a3));
    assert_false(cjm_diff_tp_moved(f->d, (size_t)new_index(f, "b1")));
    /* removed: only c1 */
    size_t removed = 0;
    for (size_t t = 0; t < f->o->n_tps; t++)
        removed += f->d->tp_n_of_o[t] < 0;
    assert_int_equal(removed, 1);
    assert_int_equal(f->d->tp_n_of_o[cjm_journey_find(f->o, "c1")], -1);
}

static void test_stages_pair_by_id(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->d->st_o_of_n[0], 0);   /* a */
    assert_int_equal(f->d->st_o_of_n[1], 1);   /* b, renamed */
    assert_int_equal(f->d->st_o_of_n[2], -1);  /* d, new */
    assert_int_equal(f->d->st_n_of_o[2], -1);  /* c, removed */
    assert_true(cjm_diff_stage_changed(f->d, 1));  /* name B -> Bee */
    assert_false(cjm_diff_stage_changed(f->d, 2)); /* new, not changed */
}

static void test_fields_and_metrics(void **state)
{
    fixture *f = *state;
    unsigned bits = f->d->tp_fields[new_index(f, "a3")];
    assert_int_equal(bits, 1u << CJM_F_CSAT);
    assert_int_equal(f->d->tp_fields[new_index(f, "a1")], 0);
    assert_string_equal(cjm_diff_field_names[CJM_F_CSAT], "metrics.csat");
}

static void test_friction_pairs_by_text(void **state)
{
    fixture *f = *state;
    int kinds[3] = {0};
    for (size_t i = 0; i < f->d->n_fr; i++) {
        const cjm_fr_change *c = &f->d->fr[i];
        kinds[c->kind]++;
        if (c->kind == CJM_FR_SEVERITY) {
            assert_string_equal(c->fr->text, "Slow");
            assert_int_equal(c->old_sev, CJM_SEV_MEDIUM);
            assert_int_equal(c->fr->severity, CJM_SEV_HIGH);
        } else if (c->kind == CJM_FR_ADDED) {
            assert_string_equal(c->fr->text, "New");
        } else {
            assert_string_equal(c->fr->text, "Gone");
        }
    }
    assert_int_equal(kinds[CJM_FR_ADDED], 1);
    assert_int_equal(kinds[CJM_FR_RESOLVED], 1);
    assert_int_equal(kinds[CJM_FR_SEVERITY], 1);
}

static void test_rename_hint(void **state)
{
    fixture *f = *state;
    long h = cjm_diff_rename_hint(f->d, (size_t)cjm_journey_find(f->o, "c1"));
    assert_int_equal(h, new_index(f, "d1"));
}

static size_t trips_for(cjm_diff *d, const char *list)
{
    char err[256];
    cjm_gate *g = cjm_gate_parse(list, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    size_t n = cjm_diff_gate(d, g);
    cjm_gate_free(g);
    return n;
}

static void test_gate_conditions(void **state)
{
    fixture *f = *state;
    assert_int_equal(trips_for(f->d, "removed-stage"), 1);      /* c */
    assert_int_equal(trips_for(f->d, "removed-touchpoint"), 1); /* c1 */
    assert_int_equal(trips_for(f->d, "new-friction:critical"), 1);
    assert_int_equal(trips_for(f->d, "new-friction:high"), 1); /* Slow is raised, not new */
    assert_int_equal(trips_for(f->d, "removed-journey"), 0);
    assert_int_equal(f->d->n_trips, 4);
    assert_string_equal(f->d->trips[0].cond, "removed-stage");
    assert_int_equal(f->d->trips[3].kind, CJM_GATE_NEW_FRICTION);
}

static void test_null_sides(void **state)
{
    fixture *f = *state;
    cjm_diff *added = cjm_diff_new(NULL, f->n, NULL, "new.yaml");
    cjm_diff *removed = cjm_diff_new(f->o, NULL, "old.yaml", NULL);
    assert_int_equal(cjm_diff_get_status(added), CJM_DIFF_ADDED);
    assert_int_equal(cjm_diff_get_status(removed), CJM_DIFF_REMOVED);
    assert_int_equal(trips_for(added, "removed-journey,removed-stage,removed-touchpoint"), 0);
    assert_int_equal(trips_for(removed, "removed-journey,removed-stage,removed-touchpoint"), 1);
    cjm_diff_free(added);
    cjm_diff_free(removed);
}

static void test_unchanged(void **state)
{
    fixture *f = *state;
    cjm_journey *again = load(new_yaml, "again.yaml");
    cjm_diff *d = cjm_diff_new(f->n, again, "new.yaml", "again.yaml");
    assert_int_equal(cjm_diff_get_status(d), CJM_DIFF_UNCHANGED);
    assert_int_equal(d->n_fr, 0);
    cjm_diff_free(d);
    cjm_journey_free(again);
}

/* index_pct 50.0 -> 45.0 (a1 3 -> 1.8 over 7 equal weights is not exact;
 * so use one touchpoint): a drop of exactly 5.0 never trips index-drop:5. */
static void test_drop_boundaries(void **state)
{
    (void)state;
    cjm_journey *o = load("journey: X\nstages:\n  - id: s\n    touchpoints:\n"
                          "      - {id: t, name: T, channel: web, score: 3}\n",
                          "o.yaml");
    cjm_journey *n = load("journey: X\nstages:\n  - id: s\n    touchpoints:\n"
                          "      - {id: t, name: T, channel: web, score: 2.6}\n",
                          "n.yaml");
    cjm_diff *d = cjm_diff_new(o, n, "o", "n");
    assert_int_equal(trips_for(d, "index-drop:10"), 0);  /* 50.0 -> 40.0 */
    assert_int_equal(trips_for(d, "index-drop:9.9"), 1);
    assert_int_equal(trips_for(d, "score-drop:10"), 0);
    assert_int_equal(trips_for(d, "score-drop:9.99"), 1);
    cjm_diff_free(d);
    cjm_journey_free(o);
    cjm_journey_free(n);
}

static void test_gate_parse_errors(void **state)
{
    (void)state;
    char err[256];
    assert_null(cjm_gate_parse("removed-touchpoints", err, sizeof err));
    assert_string_equal(err, "unknown condition 'removed-touchpoints' (did you "
                             "mean 'removed-touchpoint'?)");
    assert_null(cjm_gate_parse("index-drop", err, sizeof err));
    assert_string_equal(err, "'index-drop' needs a value, e.g. index-drop:5");
    assert_null(cjm_gate_parse("removed-stage:3", err, sizeof err));
    assert_string_equal(err, "'removed-stage' takes no value");
    assert_null(cjm_gate_parse("new-friction:High", err, sizeof err));
    assert_null(cjm_gate_parse("score-drop:-1", err, sizeof err));
    assert_null(cjm_gate_parse("score-drop:101", err, sizeof err));
    assert_null(cjm_gate_parse("", err, sizeof err));
    assert_null(cjm_gate_parse("removed-stage,", err, sizeof err));
    cjm_gate *g = cjm_gate_parse("removed-stage,score-drop:2.5,new-friction:low",
                                 err, sizeof err);
    assert_non_null(g);
    assert_int_equal(g->n, 3);
    assert_true(g->c[1].x == 2.5);
    assert_int_equal(g->c[2].sev, CJM_SEV_LOW);
    cjm_gate_free(g);
}

static void test_policy_gate(void **state)
{
    (void)state;
    const char text[] = "gate: [removed-journey, 'index-drop:2']\n";
    cjm_diags *d = cjm_diags_new("p.yaml");
    cjm_policy *p = cjm_policy_load(text, strlen(text), d);
    assert_non_null(p);
    cjm_gate *g = cjm_gate_from_policy(p);
    assert_int_equal(g->n, 2);
    assert_int_equal(g->c[1].kind, CJM_GATE_INDEX_DROP);
    assert_true(g->c[1].x == 2);
    assert_int_equal(g->c[1].pos.line, 1);
    cjm_gate_free(g);
    cjm_policy_free(p);
    cjm_diags_free(d);
}

/* JSON lists follow the new side's order, and the shape has every key. */
static void test_json_order(void **state)
{
    fixture *f = *state;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cjm_diff *const list[] = {f->d};
    assert_int_equal(cjm_diffs_write(m, list, 1, 0, CJM_FORMAT_JSON, NULL), 0);
    fclose(m);
    assert_non_null(strstr(buf, "\"stages\": {\"added\": [\"d\"], \"removed\": [\"c\"]"));
    assert_non_null(strstr(buf, "\"moved\": [{\"id\": \"a3\", \"from\": \"a\", \"to\": \"b\"}]"));
    assert_non_null(strstr(buf, "\"metrics.csat\": {\"old\": 3, \"new\": 3.5}"));
    assert_non_null(strstr(buf, "\"name\": {\"old\": \"B\", \"new\": \"Bee\"}"));
    assert_non_null(strstr(buf, "\"errors\": 0, \"failed\": false}"));
    free(buf);
}

/* A journey with this id and one touchpoint. */
static cjm_journey *with_id(const char *id)
{
    char yaml[256];
    snprintf(yaml, sizeof yaml,
             "journey: J\nid: %s\nstages:\n  - id: s\n    touchpoints:\n"
             "      - {id: t, name: T, channel: web, score: 3}\n", id);
    cjm_diags *d;
    cjm_journey *j = load_text(yaml, &d);
    assert_non_null(j);
    cjm_diags_free(d);
    return j;
}

/* Old a b c x, new c a d (x skipped: it had errors): b goes right after
 * a's pair, the removed-and-skipped x nowhere, d is new. */
static void test_journeys_pair_by_id(void **state)
{
    (void)state;
    const char *oid[] = {"a", "b", "c", "x"}, *nid[] = {"c", "a", "d"};
    cjm_journey *o[4], *n[3];
    for (int i = 0; i < 4; i++)
        o[i] = with_id(oid[i]);
    for (int i = 0; i < 3; i++)
        n[i] = with_id(nid[i]);
    bool oskip[4] = {false, false, false, true}, nskip[3] = {false};
    cjm_pair out[7];
    long k = cjm_journeys_pair((const cjm_journey *const *)o, oskip, 4,
                               (const cjm_journey *const *)n, nskip, 3, out);
    const cjm_pair want[] = {{2, 0}, {0, 1}, {1, -1}, {-1, 2}};
    assert_int_equal(k, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(out[i].o, want[i].o);
        assert_int_equal(out[i].n, want[i].n);
    }
    assert_int_equal(cjm_journeys_find((const cjm_journey *const *)n, nskip, 3, "a"), 1);
    nskip[1] = true;
    assert_int_equal(cjm_journeys_find((const cjm_journey *const *)n, nskip, 3, "a"), -1);
    for (int i = 0; i < 4; i++)
        cjm_journey_free(o[i]);
    for (int i = 0; i < 3; i++)
        cjm_journey_free(n[i]);
}

/* Which YAML in a repository is a journey (cjm diff --base). */
static void test_repository_files(void **state)
{
    (void)state;
    assert_true(cjm_yaml_name("a.yaml") && cjm_yaml_name("b/c.yml"));
    assert_false(cjm_yaml_name(".yaml") || cjm_yaml_name("a.yaml.bak"));
    static const char ci[] = "on: push\njobs:\n  stages: 1\n";
    static const char j1[] = "# yaml-language-server: x\njourney: T\n";
    static const char j2[] = "id: x\nstages: []";
    assert_false(cjm_looks_like_journey(ci, sizeof ci - 1));
    assert_true(cjm_looks_like_journey(j1, sizeof j1 - 1));
    assert_true(cjm_looks_like_journey(j2, sizeof j2 - 1));
    /* Only the bytes given count: "stages:" lies past len. */
    assert_false(cjm_looks_like_journey(j2, 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_moved_is_not_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stages_pair_by_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fields_and_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_friction_pairs_by_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gate_conditions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_sides, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unchanged, setup, teardown),
        cmocka_unit_test(test_drop_boundaries),
        cmocka_unit_test(test_gate_parse_errors),
        cmocka_unit_test(test_policy_gate),
        cmocka_unit_test_setup_teardown(test_json_order, setup, teardown),
        cmocka_unit_test(test_journeys_pair_by_id),
        cmocka_unit_test(test_repository_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
