/* load: YAML tree -> journey model, enforcing the format's types.
 *
 * Every value is checked for its type here, so later stages can trust the
 * model: ids are slugs, numbers are finite, enums are known.  A file that
 * produced any error yields no model. */
#include "channels.h"
#include "yread.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const journey_keys[] = {
    "journey", "id",    "description", "persona", "owner",
    "state",   "scale", "requires",    "stages",  "lang"};
static const char *const persona_keys[] = {"name", "description", "goals"};
static const char *const stage_keys[] = {"id", "name", "description",
                                         "touchpoints"};
static const char *const tp_keys[] = {
    "id",      "name",    "channel",         "contact",  "description",
    "owner",   "actors",  "score",           "metrics",  "moment_of_truth",
    "weight",  "entry",   "next",            "friction", "opportunities",
    "quote"};
static const char *const friction_keys[] = {"text", "severity", "evidence"};

/* ---- touchpoints ------------------------------------------------------- */

static void S_metrics(cjm_yr *c, const ynode *n, cjm_metrics *m)
{
    if (!cjm_yr_is_map(c, n, "'metrics'"))
        return;
    cjm_yr_known_keys(c, n, cjm_metric_names, CJM_METRIC_COUNT, "'metrics'");
    for (int i = 0; i < CJM_METRIC_COUNT; i++) {
        const ynode *v = cjm_ymap_get(n, cjm_metric_names[i]);
        if (v) {
            m->has[i] = cjm_yr_number(c, v, cjm_metric_names[i], &m->value[i]);
            m->pos[i] = POS(v);
        }
    }
}

static void S_friction_one(cjm_yr *c, const ynode *n, cjm_friction *f)
{
    f->pos = POS(n);
    f->severity = CJM_SEV_MEDIUM;
    if (n->kind == Y_SCALAR) {
        cjm_yr_label(c, n, "friction", &f->text);
        return;
    }
    if (!cjm_yr_is_map(c, n, "a friction point"))
        return;
    cjm_yr_known_keys(c, n, friction_keys, COUNT(friction_keys), "friction point");
    const ynode *v;
    if ((v = cjm_yr_need(c, n, "text", "friction point")))
        cjm_yr_label(c, v, "text", &f->text);
    if ((v = cjm_ymap_get(n, "severity"))) {
        int s = cjm_yr_enum(c, v, "severity", cjm_friction_severity_names,
                       CJM_SEV_COUNT);
        if (s >= 0)
            f->severity = (cjm_friction_severity)s;
    }
    if ((v = cjm_ymap_get(n, "evidence")))
        cjm_yr_text(c, v, "evidence", &f->evidence);
}

static void S_friction(cjm_yr *c, const ynode *n, cjm_touchpoint *t)
{
    if (!cjm_yr_is_seq(c, n, "friction"))
        return;
    t->friction = cjm_arena_array(c->a, n->n, sizeof *t->friction);
    if (!t->friction) {
        c->oom = true;
        return;
    }
    t->n_friction = n->n;
    for (size_t i = 0; i < n->n; i++)
        S_friction_one(c, n->items[i], &t->friction[i]);
}

static void S_next(cjm_yr *c, const ynode *n, cjm_touchpoint *t)
{
    if (!cjm_yr_is_seq(c, n, "next")) {
        t->bad |= CJM_BAD_NEXT;
        return;
    }
    t->next_ids = cjm_arena_array(c->a, n->n, sizeof *t->next_ids);
    t->next_pos = cjm_arena_array(c->a, n->n, sizeof *t->next_pos);
    if (!t->next_ids || !t->next_pos) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        t->next_pos[i] = POS(n->items[i]);
        if (!cjm_yr_slug(c, n->items[i], "next", &t->next_ids[i])) {
            t->bad |= CJM_BAD_NEXT;
            if (!t->next_ids[i])
                t->next_ids[i] = "";
        }
    }
    t->n_next = n->n;
    t->has_next = true;
}

static const char *const contact_words[] = {"direct", "indirect"};

/* A channel of the catalogue, in whatever spelling or alias, is held by
 * its id, so the channel mix, switches, marks and diffs never count
 * "E-Mail" and "email" apart (check warns about the spelling).  Any other
 * word is the team's own, and must be lower case by Unicode's rules. */
static void S_channel(cjm_yr *c, const ynode *v, cjm_touchpoint *t)
{
    if (!cjm_yr_label(c, v, "channel", &t->channel)) {
        t->channel = NULL;
        t->bad |= CJM_BAD_CHANNEL;
        return;
    }
    const cjm_channel_def *def = cjm_channel_find(t->channel);
    if (def) {
        if (strcmp(t->channel, def->id) != 0)
            t->channel_written = t->channel;
        t->channel = def->id;
        return;
    }
    cjm_str low = {0};
    if (cjm_lower(&low, t->channel)) {
        cjm_yr_err(c, v, "channel '%s' must be lower-case: write '%s'", t->channel,
              low.failed ? "?" : low.data);
        t->channel_fix = low.failed ? NULL : cjm_arena_strdup(c->a, low.data);
        t->channel = NULL;
        t->bad |= CJM_BAD_CHANNEL;
    }
    cjm_str_free(&low);
}

/* The simple scalar fields of a touchpoint. */
static void S_tp_fields(cjm_yr *c, const ynode *n, cjm_touchpoint *t)
{
    const ynode *v;
    if ((v = cjm_yr_need(c, n, "id", "touchpoint"))) {
        t->id_pos = POS(v);
        const char *id = NULL;
        if (cjm_yr_id(c, v, "id", &id, &t->fix))
            t->id = id;
        else {
            t->bad |= CJM_BAD_ID;
            if (id)
                t->id = id;
        }
    } else {
        t->bad |= CJM_BAD_ID;
    }
    if ((v = cjm_yr_need(c, n, "name", "touchpoint")))
        cjm_yr_label(c, v, "name", &t->name);
    if ((v = cjm_ymap_get(n, "channel"))) {
        t->channel_pos = POS(v);
        S_channel(c, v, t);
    }
    if ((v = cjm_ymap_get(n, "contact")))
        t->indirect = cjm_yr_enum(c, v, "contact", contact_words, 2) == 1;
    if ((v = cjm_ymap_get(n, "description")))
        cjm_yr_text(c, v, "description", &t->description);
    if ((v = cjm_ymap_get(n, "owner")))
        cjm_yr_text(c, v, "owner", &t->owner);
    if ((v = cjm_ymap_get(n, "quote")))
        cjm_yr_text(c, v, "quote", &t->quote);
    if ((v = cjm_ymap_get(n, "actors")))
        cjm_yr_text_list(c, v, "actors", &t->actors, &t->n_actors);
    if ((v = cjm_ymap_get(n, "opportunities")))
        cjm_yr_text_list(c, v, "opportunities", &t->opportunities,
                    &t->n_opportunities);
    if ((v = cjm_ymap_get(n, "score"))) {
        t->has_score = cjm_yr_number(c, v, "score", &t->score);
        t->score_pos = POS(v);
        if (t->has_score)
            t->score_text = v->str;
        else
            t->bad |= CJM_BAD_SCORE;
    }
    if ((v = cjm_ymap_get(n, "moment_of_truth")))
        cjm_yr_bool(c, v, "moment_of_truth", &t->moment_of_truth);
    if ((v = cjm_ymap_get(n, "entry")) && !cjm_yr_bool(c, v, "entry", &t->entry))
        t->bad |= CJM_BAD_ENTRY;
    t->weight = t->moment_of_truth ? 2 : 1;
    if ((v = cjm_ymap_get(n, "weight")) && cjm_yr_number(c, v, "weight", &t->weight) &&
        t->weight <= 0)
        cjm_yr_err(c, v, "'weight' must be greater than 0, not %s", v->str);
}

/* What a stage or touchpoint without a usable id is called in messages:
 * never a valid id, so it can match no reference. */
static const char *S_no_id(cjm_yr *c, const ynode *n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "<line %d>", n->line);
    const char *s = cjm_arena_strdup(c->a, buf);
    if (!s)
        c->oom = true;
    return s ? s : "<?>";
}

static void S_touchpoint(cjm_yr *c, const ynode *n, cjm_touchpoint *t)
{
    t->pos = POS(n);
    t->id = S_no_id(c, n);
    if (!cjm_yr_is_map(c, n, "a touchpoint")) {
        t->bad |= CJM_BAD_ID;
        return;
    }
    cjm_yr_known_keys(c, n, tp_keys, COUNT(tp_keys), "touchpoint");
    S_tp_fields(c, n, t);
    const ynode *v;
    if ((v = cjm_ymap_get(n, "metrics")))
        S_metrics(c, v, &t->metrics);
    if ((v = cjm_ymap_get(n, "friction")))
        S_friction(c, v, t);
    if ((v = cjm_ymap_get(n, "next")))
        S_next(c, v, t);
}

/* ---- stages and journey ------------------------------------------------ */

static char *S_capitalised(cjm_yr *c, const char *id)
{
    char *s = cjm_arena_strdup(c->a, id);
    if (s && s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* Reads stage i; its touchpoints go to j->tps starting at *next_tp. */
static void S_stage(cjm_yr *c, const ynode *n, cjm_journey *j, size_t i,
                    size_t *next_tp)
{
    cjm_stage *s = &j->stages[i];
    s->pos = POS(n);
    s->first = *next_tp;
    s->id = S_no_id(c, n);
    if (!cjm_yr_is_map(c, n, "a stage")) {
        s->bad |= CJM_BAD_ID | CJM_BAD_TOUCHPOINTS;
        return;
    }
    cjm_yr_known_keys(c, n, stage_keys, COUNT(stage_keys), "stage");
    const ynode *v;
    if ((v = cjm_yr_need(c, n, "id", "stage"))) {
        s->id_pos = POS(v);
        const char *id = NULL;
        if (cjm_yr_id(c, v, "id", &id, &s->fix)) {
            s->id = id;
            s->name = S_capitalised(c, s->id);
        } else {
            s->bad |= CJM_BAD_ID;
            if (id)
                s->id = id;
        }
    } else {
        s->bad |= CJM_BAD_ID;
    }
    if ((v = cjm_ymap_get(n, "name")))
        cjm_yr_label(c, v, "name", &s->name);
    if ((v = cjm_ymap_get(n, "description")))
        cjm_yr_text(c, v, "description", &s->description);
    if ((v = cjm_yr_need(c, n, "touchpoints", "stage"))) {
        s->touchpoints_pos = POS(v);
        if (v->kind == Y_SEQ) {
            for (size_t k = 0; k < v->n; k++) {
                j->tps[*next_tp].stage = i;
                S_touchpoint(c, v->items[k], &j->tps[(*next_tp)++]);
            }
            s->count = v->n;
        } else if (!(v->kind == Y_SCALAR && v->plain && v->len == 0)) {
            cjm_yr_is_seq(c, v, "touchpoints");
            s->bad |= CJM_BAD_TOUCHPOINTS;
        } /* `touchpoints:` with no value: reported as empty-stage */
    } else {
        s->bad |= CJM_BAD_TOUCHPOINTS;
    }
}

static size_t S_count_tps(const ynode *stages)
{
    size_t n = 0;
    for (size_t i = 0; i < stages->n; i++) {
        const ynode *tps = cjm_ymap_get(stages->items[i], "touchpoints");
        if (tps && tps->kind == Y_SEQ)
            n += tps->n;
    }
    return n;
}

static void S_stages(cjm_yr *c, const ynode *n, cjm_journey *j)
{
    if (!cjm_yr_is_seq(c, n, "stages")) {
        j->bad |= CJM_BAD_STAGES;
        return;
    }
    if (n->n == 0) {
        cjm_yr_err(c, n, "'stages' is empty; a journey needs at least one stage");
        j->bad |= CJM_BAD_STAGES;
        return;
    }
    j->n_tps = S_count_tps(n);
    j->stages = cjm_arena_array(c->a, n->n, sizeof *j->stages);
    j->tps = cjm_arena_array(c->a, j->n_tps, sizeof *j->tps);
    if (!j->stages || !j->tps) {
        c->oom = true;
        return;
    }
    j->n_stages = n->n;
    size_t next_tp = 0;
    for (size_t i = 0; i < n->n; i++)
        S_stage(c, n->items[i], j, i, &next_tp);
}

static void S_persona(cjm_yr *c, const ynode *n, cjm_journey *j)
{
    if (n->kind == Y_SCALAR) {
        cjm_yr_label(c, n, "persona", &j->persona);
        return;
    }
    if (!cjm_yr_is_map(c, n, "'persona'"))
        return;
    cjm_yr_known_keys(c, n, persona_keys, COUNT(persona_keys), "persona");
    const ynode *v;
    if ((v = cjm_yr_need(c, n, "name", "persona")))
        cjm_yr_label(c, v, "name", &j->persona);
    if ((v = cjm_ymap_get(n, "description")))
        cjm_yr_text(c, v, "description", &j->persona_description);
    if ((v = cjm_ymap_get(n, "goals")))
        cjm_yr_text_list(c, v, "goals", &j->goals, &j->n_goals);
}

static void S_scale(cjm_yr *c, const ynode *n, cjm_journey *j)
{
    j->bad |= CJM_BAD_SCALE; /* until it proves good */
    if (n->kind != Y_SEQ || n->n != 2) {
        cjm_yr_err(c, n, "'scale' must be a list of two numbers [min, max], e.g. "
                    "[1, 5]");
        return;
    }
    double lo, hi;
    if (!cjm_yr_number(c, n->items[0], "scale", &lo) ||
        !cjm_yr_number(c, n->items[1], "scale", &hi))
        return;
    if (lo >= hi) {
        cjm_yr_err(c, n, "'scale' must have min < max, e.g. [1, 5]");
        return;
    }
    if (!isfinite(hi - lo) || hi - lo < 1e-9 || fabs(lo) > 1e9 || fabs(hi) > 1e9) {
        cjm_yr_err(c, n, "'scale' must lie within -1e9 and 1e9 and span more "
                    "than 1e-9, e.g. [1, 5]");
        return;
    }
    j->scale_min = lo;
    j->scale_max = hi;
    j->scale_text[0] = n->items[0]->str;
    j->scale_text[1] = n->items[1]->str;
    j->bad &= ~(unsigned)CJM_BAD_SCALE;
}

/* The default id: the file's base name without its extension. */
static const char *S_default_id(cjm_yr *c, const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (strcmp(file, "-") == 0 || strcmp(file, "<stdin>") == 0)
        base = "stdin";
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return cjm_arena_strndup(c->a, base, len);
}

static const char *const state_words[] = {"current", "future"};

static void S_journey(cjm_yr *c, const ynode *root, cjm_journey *j,
                      const char *id_path)
{
    j->pos = POS(root);
    cjm_yr_known_keys(c, root, journey_keys, COUNT(journey_keys), "journey");
    const ynode *v;
    if ((v = cjm_yr_need(c, root, "journey", "the journey file")))
        cjm_yr_label(c, v, "journey", &j->title);
    j->id = S_default_id(c, id_path);
    if ((v = cjm_ymap_get(root, "id")))
        cjm_yr_slug(c, v, "id", &j->id);
    if ((v = cjm_ymap_get(root, "description")))
        cjm_yr_text(c, v, "description", &j->description);
    if ((v = cjm_ymap_get(root, "persona")))
        S_persona(c, v, j);
    if ((v = cjm_ymap_get(root, "owner")))
        cjm_yr_text(c, v, "owner", &j->owner);
    if ((v = cjm_ymap_get(root, "state")))
        j->future = cjm_yr_enum(c, v, "state", state_words, 2) == 1;
    if ((v = cjm_ymap_get(root, "lang"))) {
        static const char *const langs[] = {"en", "de"};
        int k = cjm_yr_enum(c, v, "lang", langs, 2);
        j->lang = k == 1 ? CJM_LANG_DE : CJM_LANG_EN;
    }
    j->scale_min = 1;
    j->scale_max = 5;
    j->scale_text[0] = "1";
    j->scale_text[1] = "5";
    if ((v = cjm_ymap_get(root, "scale")))
        S_scale(c, v, j);
    if ((v = cjm_ymap_get(root, "requires")) && cjm_yr_is_map(c, v, "'requires'"))
        cjm_yr_policy(c, v, &j->requires, "'requires'");
    j->bad |= CJM_BAD_STAGES; /* until they are read */
    if ((v = cjm_yr_need(c, root, "stages", "the journey file"))) {
        j->bad &= ~(unsigned)CJM_BAD_STAGES;
        S_stages(c, v, j);
        /* Journey-wide findings point at the `stages:` key itself. */
        for (size_t i = 0; i < root->n; i++)
            if (root->items[2 * i + 1] == v)
                j->stages_pos = POS(root->items[2 * i]);
    }
}

/* ---- id index and next resolution -------------------------------------- */

/* A reference finds its touchpoint, or one whose id was written wrongly
 * but means it ("Kauf" for kauf): that id is already an error, and the
 * reference is not a second one. */
static long S_resolve(const cjm_journey *j, const char *id)
{
    long t = cjm_journey_find(j, id);
    for (size_t k = 0; t < 0 && k < j->n_tps; k++)
        if (j->tps[k].fix && strcmp(j->tps[k].fix, id) == 0)
            t = (long)k;
    return t;
}

static bool S_index(cjm_journey *j)
{
    j->by_id = cjm_arena_array(&j->arena, j->n_tps, sizeof *j->by_id);
    cjm_keyed *keys = malloc((j->n_tps ? j->n_tps : 1) * sizeof *keys);
    if (!j->by_id || !keys) {
        free(keys);
        return false;
    }
    for (size_t i = 0; i < j->n_tps; i++)
        keys[i] = (cjm_keyed){j->tps[i].id, i};
    qsort(keys, j->n_tps, sizeof *keys, cjm_keyed_cmp);
    for (size_t i = 0; i < j->n_tps; i++)
        j->by_id[i] = keys[i].i;
    free(keys);
    for (size_t t = 0; t < j->n_tps; t++) {
        cjm_touchpoint *tp = &j->tps[t];
        if (!tp->has_next) {
            tp->n_next = t + 1 < j->n_tps ? 1 : 0;
            tp->next = cjm_arena_array(&j->arena, 1, sizeof *tp->next);
            if (!tp->next)
                return false;
            tp->next[0] = (long)t + 1;
            continue;
        }
        tp->next = cjm_arena_array(&j->arena, tp->n_next, sizeof *tp->next);
        if (!tp->next)
            return false;
        for (size_t k = 0; k < tp->n_next; k++)
            tp->next[k] = S_resolve(j, tp->next_ids[k]);
    }
    return true;
}

/* ---- entry points ------------------------------------------------------ */
static const char journey_hint[] =
    "a journey starts with 'journey: <title>' and 'stages:'";

cjm_journey *cjm_journey_load(const char *buf, size_t len, const char *file,
                              cjm_diags *diags)
{
    return cjm_journey_load_as(buf, len, file, file, diags);
}

cjm_journey *cjm_journey_load_partial(const char *buf, size_t len,
                                      const char *file, const char *path,
                                      cjm_diags *diags)
{
    cjm_journey *j = calloc(1, sizeof *j);
    if (!j) {
        cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "out of memory");
        return NULL;
    }
    cjm_arena_init(&j->arena);
    ynode *tree;
    cjm_yr c = {diags, &j->arena, false};
    bool parsed = cjm_ytree_parse(&j->arena, buf, len, diags, &tree) == 0 &&
                  cjm_yr_root(tree, diags, journey_hint);
    if (parsed) {
        j->file = cjm_arena_strdup(&j->arena, file ? file : "<input>");
        c.oom = j->file == NULL;
        if (!c.oom)
            S_journey(&c, tree, j, path ? path : j->file);
        if (c.oom)
            cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1,
                          "out of memory while loading");
    }
    if (!parsed || c.oom || !S_index(j)) {
        cjm_journey_free(j);
        return NULL;
    }
    return j;
}

cjm_journey *cjm_journey_load_as(const char *buf, size_t len, const char *file,
                                 const char *path, cjm_diags *diags)
{
    size_t errors_before = cjm_diags_errors(diags);
    cjm_journey *j = cjm_journey_load_partial(buf, len, file, path, diags);
    if (j && cjm_diags_errors(diags) > errors_before) {
        cjm_journey_free(j);
        return NULL;
    }
    return j;
}
