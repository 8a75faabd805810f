/* check: the rules of the format spec over a loaded journey.
 *
 * The loader already guarantees types; these rules look at the journey as a
 * whole: ids, references, ranges, reachability and the policy. */
#include "channels.h"
#include "model.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Suggestions cost an edit-distance scan over every id; a generated file
 * with thousands of bad references gets them for the first few only. */
enum { MAX_SUGGESTIONS = 100 };

typedef struct {
    const cjm_journey *j;
    const cjm_policy *policy; /* may be NULL */
    cjm_diags *d;
    const char **tp_ids;    /* for suggestions */
    const char **stage_ids; /* for suggestions */
    size_t suggestions;
} cctx;

/* Which policy supplies a key: the journey's own `requires:` wins. */
#define PICK(c, field)                                                        \
    ((c)->j->requires.field ? &(c)->j->requires                              \
     : ((c)->policy && (c)->policy->field) ? (c)->policy                     \
                                           : NULL)

#define ADD(c, rule, sev, pos, ...)                                           \
    cjm_diags_add((c)->d, rule, sev, (pos).line, (pos).col, __VA_ARGS__)

/* " (did you mean 'x'?)" or "" */
static const char *S_hint(cctx *c, char *buf, size_t size, const char *word,
                          const char *const *cands, size_t n)
{
    buf[0] = '\0';
    if (c->suggestions >= MAX_SUGGESTIONS)
        return buf;
    c->suggestions++;
    const char *near = cjm_nearest(word, cands, n);
    /* A shortened id ("rueckruf-kundenservice" for an imported
     * "rueckruf-kundenservice-zur-nachzahlung"): the one id it begins. */
    size_t len = strlen(word), begun = 0;
    const char *only = NULL;
    for (size_t i = 0; !near && i < n; i++)
        if (cands[i] && strncmp(cands[i], word, len) == 0 &&
            cands[i][len] == '-') {
            only = cands[i];
            begun++;
        }
    if (!near && begun == 1) /* several: no guess */
        near = only;
    if (near)
        snprintf(buf, size, " (did you mean '%s'?)", near);
    return buf;
}

static const char *S_num(char *buf, double x)
{
    cjm_snprintf(buf, 32, "%g", x);
    return buf;
}

/* ---- ids and references ------------------------------------------------ */

static void S_duplicate_stages(cctx *c)
{
    const cjm_journey *j = c->j;
    cjm_keyed *k = malloc((j->n_stages ? j->n_stages : 1) * sizeof *k);
    if (!k)
        return;
    size_t n = 0;
    for (size_t i = 0; i < j->n_stages; i++)
        if (!(j->stages[i].bad & CJM_BAD_ID))
            k[n++] = (cjm_keyed){j->stages[i].id, i};
    qsort(k, n, sizeof *k, cjm_keyed_cmp);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (strcmp(k[first].s, k[i].s) != 0) {
            first = i;
            continue;
        }
        const cjm_stage *s = &j->stages[k[i].i];
        ADD(c, CJM_RULE_DUPLICATE_ID, CJM_ERROR, s->id_pos,
            "stage id '%s' is used twice (first at line %d); stage ids must "
            "be unique",
            s->id, j->stages[k[first].i].id_pos.line);
    }
    free(k);
}

static void S_duplicate_tps(cctx *c)
{
    const cjm_journey *j = c->j;
    for (size_t i = 1, first = 0; i < j->n_tps; i++) {
        const cjm_touchpoint *a = &j->tps[j->by_id[first]];
        const cjm_touchpoint *b = &j->tps[j->by_id[i]];
        if (strcmp(a->id, b->id) != 0 || (a->bad & CJM_BAD_ID)) {
            first = i;
            continue;
        }
        ADD(c, CJM_RULE_DUPLICATE_ID, CJM_ERROR, b->id_pos,
            "touchpoint id '%s' is used twice (first at line %d); touchpoint "
            "ids must be unique across the journey",
            b->id, a->id_pos.line);
    }
}

static void S_references(cctx *c)
{
    const cjm_journey *j = c->j;
    char hint[300];
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (!tp->has_next)
            continue;
        for (size_t k = 0; k < tp->n_next; k++) {
            if (tp->next[k] >= 0 || !cjm_is_slug(tp->next_ids[k]))
                continue; /* found, or already a schema error */
            ADD(c, CJM_RULE_UNKNOWN_REFERENCE, CJM_ERROR, tp->next_pos[k],
                "'%s' lists unknown touchpoint '%s' in next%s", tp->id,
                tp->next_ids[k],
                S_hint(c, hint, sizeof hint, tp->next_ids[k], c->tp_ids,
                       j->n_tps));
        }
    }
}

/* ---- per-touchpoint rules ---------------------------------------------- */

static const double metric_lo[CJM_METRIC_COUNT] = {1, 1, -100, 0};
static const double metric_hi[CJM_METRIC_COUNT] = {5, 7, 100, HUGE_VAL};

static void S_ranges(cctx *c, const cjm_touchpoint *tp)
{
    const cjm_journey *j = c->j;
    char a[32], b[32], v[32];
    if (tp->has_score && !(j->bad & CJM_BAD_SCALE) &&
        (tp->score < j->scale_min || tp->score > j->scale_max))
        ADD(c, CJM_RULE_SCORE_RANGE, CJM_ERROR, tp->score_pos,
            "score %s of '%s' is outside the journey's scale [%s, %s]",
            S_num(v, tp->score), tp->id, S_num(a, j->scale_min),
            S_num(b, j->scale_max));
    for (int m = 0; m < CJM_METRIC_COUNT; m++) {
        if (!tp->metrics.has[m])
            continue;
        double x = tp->metrics.value[m];
        if (m == CJM_METRIC_RESPONSES && (x < 0 || x != floor(x)))
            ADD(c, CJM_RULE_SCORE_RANGE, CJM_ERROR, tp->metrics.pos[m],
                "responses %s of '%s' must be a whole number >= 0",
                S_num(v, x), tp->id);
        else if (x < metric_lo[m] || x > metric_hi[m])
            ADD(c, CJM_RULE_SCORE_RANGE, CJM_ERROR, tp->metrics.pos[m],
                "%s %s of '%s' is outside its range %s to %s",
                cjm_metric_names[m], S_num(v, x), tp->id,
                S_num(a, metric_lo[m]), S_num(b, metric_hi[m]));
    }
}

static bool S_scored_required(const cctx *c)
{
    const cjm_policy *p = PICK(c, has_scored);
    return p && p->scored;
}

/* score <= min + (max - min) / 4, that is 4 score - 3 min - max <= 0,
 * decided on the decimals as written: binary floating point misses
 * -0.975 on [-3, 5.1]. */
static bool S_painful(const cjm_journey *j, const cjm_touchpoint *tp)
{
    cjm_decimal v[3];
    static const int coef[3] = {4, -3, -1};
    int sign;
    if (tp->score_text && cjm_decimal_parse(tp->score_text, &v[0]) == 0 &&
        cjm_decimal_parse(j->scale_text[0], &v[1]) == 0 &&
        cjm_decimal_parse(j->scale_text[1], &v[2]) == 0 &&
        cjm_decimal_sum_sign(v, coef, 3, &sign) == 0)
        return sign <= 0;
    return tp->score <= j->scale_min + (j->scale_max - j->scale_min) / 4;
}

static void S_touchpoint(cctx *c, const cjm_touchpoint *tp)
{
    const cjm_journey *j = c->j;
    char a[32], b[32];
    S_ranges(c, tp);
    if (!tp->has_score && !(tp->bad & CJM_BAD_SCORE)) {
        bool must = S_scored_required(c);
        ADD(c, CJM_RULE_MISSING_SCORE, must ? CJM_ERROR : CJM_WARNING, tp->pos,
            "touchpoint '%s' has no score%s; add 'score:' between %s and %s "
            "to place it on the emotion curve",
            tp->id, must ? " but the policy requires one (scored: true)" : "",
            S_num(a, j->scale_min), S_num(b, j->scale_max));
    }
    if (!tp->channel && !(tp->bad & CJM_BAD_CHANNEL))
        ADD(c, CJM_RULE_MISSING_CHANNEL, CJM_WARNING, tp->pos,
            "touchpoint '%s' has no channel; add 'channel:' (web, app, email, "
            "phone, chat, store, social, courier, ...)",
            tp->id);
    if (tp->has_score && !(j->bad & CJM_BAD_SCALE) && tp->n_friction == 0 &&
        S_painful(j, tp))
        ADD(c, CJM_RULE_PAIN_WITHOUT_FRICTION, CJM_WARNING, tp->score_pos,
            "touchpoint '%s' scores %s (painful: <= %s) but documents no "
            "friction; add 'friction:' saying what goes wrong",
            tp->id, S_num(a, tp->score),
            S_num(b, j->scale_min + (j->scale_max - j->scale_min) / 4));
}

static void S_empty_stages(cctx *c)
{
    for (size_t s = 0; s < c->j->n_stages; s++) {
        const cjm_stage *st = &c->j->stages[s];
        if (st->count == 0 && !(st->bad & CJM_BAD_TOUCHPOINTS))
            ADD(c, CJM_RULE_EMPTY_STAGE, CJM_ERROR,
                st->touchpoints_pos.line ? st->touchpoints_pos : st->pos,
                "stage '%s' has no touchpoints; add at least one or remove "
                "the stage",
                st->id);
    }
}

/* The touchpoint an unknown reference most likely meant (the one its
 * "did you mean" names), so that it is not also called unreachable; with
 * no such guess, reachability is unknown. */
static long S_meant(const cctx *c, const char *id, bool *unsure)
{
    const char *near = cjm_nearest(id, c->tp_ids, c->j->n_tps);
    long t = near ? cjm_journey_find(c->j, near) : -1;
    if (t < 0)
        *unsure = true;
    return t;
}

static void S_unreachable(cctx *c)
{
    const cjm_journey *j = c->j;
    if (j->n_tps == 0)
        return;
    bool *seen = calloc(j->n_tps, sizeof *seen);
    size_t *queue = malloc(j->n_tps * sizeof *queue);
    if (!seen || !queue) {
        free(seen);
        free(queue);
        return;
    }
    size_t head = 0, tail = 0;
    bool unsure = false;
    for (size_t t = 0; t < j->n_tps; t++) {
        if (t == 0 || j->tps[t].entry) {
            seen[t] = true;
            queue[tail++] = t;
        }
        unsure |= (j->tps[t].bad & (CJM_BAD_NEXT | CJM_BAD_ENTRY)) != 0;
    }
    while (head < tail) {
        const cjm_touchpoint *tp = &j->tps[queue[head++]];
        for (size_t k = 0; k < tp->n_next; k++) {
            long n = tp->next[k] >= 0 ? tp->next[k]
                                      : S_meant(c, tp->next_ids[k], &unsure);
            if (n >= 0 && !seen[n]) {
                seen[n] = true;
                queue[tail++] = (size_t)n;
            }
        }
    }
    /* A link whose target is a guess, or a broken `next` or `entry`, leaves
     * reachability unknown: no finding rather than a wrong one. */
    for (size_t t = 0; t < j->n_tps && !unsure; t++)
        if (!seen[t])
            ADD(c, CJM_RULE_UNREACHABLE, CJM_WARNING, j->tps[t].pos,
                "no entry leads to touchpoint '%s'; list it in another "
                "touchpoint's 'next' or mark it 'entry: true'",
                j->tps[t].id);
    free(seen);
    free(queue);
}

/* ---- policy ------------------------------------------------------------ */

/* Where to report a policy finding: at the requirement when the journey
 * wrote it, else at the journey's `stages:` (the policy file is elsewhere). */
static cjm_pos S_where(const cctx *c, const cjm_policy *p, cjm_pos own)
{
    return p == &c->j->requires ? own : c->j->stages_pos;
}

static const char *S_source(const cctx *c, const cjm_policy *p)
{
    return p == &c->j->requires ? "its 'requires:'" : "the policy";
}

/* Bounds from a policy are checked as given, each on its own (a journey's
 * `{max: 1}` is an error at 2 touchpoints, whatever the default minimum);
 * the defaults 12-20 only warn, and give way to a policy bound that
 * contradicts them. */
static void S_count(cctx *c)
{
    if (c->j->bad & CJM_BAD_STAGES)
        return; /* the stages themselves are the error */
    const cjm_policy *pmin = PICK(c, has_min), *pmax = PICK(c, has_max);
    long n = (long)c->j->n_tps;
    long dmin = 12, dmax = 20;
    if (pmax && dmin > pmax->max)
        dmin = pmax->max;
    if (pmin && dmax < pmin->min)
        dmax = pmin->min;
    if (pmax && n > pmax->max)
        ADD(c, CJM_RULE_TOUCHPOINT_COUNT, CJM_ERROR, c->j->stages_pos,
            "the journey has %ld touchpoint%s, more than the %ld allowed by "
            "%s; split it into several journeys",
            n, n == 1 ? "" : "s", pmax->max, S_source(c, pmax));
    else if (pmin && n < pmin->min)
        ADD(c, CJM_RULE_TOUCHPOINT_COUNT, CJM_ERROR, c->j->stages_pos,
            "the journey has %ld touchpoint%s, fewer than the %ld required by "
            "%s; a complete journey usually has 12-20",
            n, n == 1 ? "" : "s", pmin->min, S_source(c, pmin));
    else if (!pmin && n < dmin)
        ADD(c, CJM_RULE_TOUCHPOINT_COUNT, CJM_WARNING, c->j->stages_pos,
            "the journey has %ld touchpoint%s, fewer than the %ld expected; a "
            "complete journey usually has 12-20",
            n, n == 1 ? "" : "s", dmin);
    else if (!pmax && n > dmax)
        ADD(c, CJM_RULE_TOUCHPOINT_COUNT, CJM_WARNING, c->j->stages_pos,
            "the journey has %ld touchpoints, more than the %ld expected; "
            "split it into several journeys",
            n, dmax);
}

/* A stage by id, or by the id a wrongly written one means. */
static long S_stage_index(const cjm_journey *j, const char *id)
{
    for (size_t s = 0; s < j->n_stages; s++)
        if (strcmp(j->stages[s].id, id) == 0 ||
            (j->stages[s].fix && strcmp(j->stages[s].fix, id) == 0))
            return (long)s;
    return -1;
}

static void S_required_stages(cctx *c)
{
    const cjm_policy *p = (c->j->bad & CJM_BAD_STAGES) ? NULL
                                                       : PICK(c, has_stages);
    char hint[300];
    for (size_t i = 0; p && i < p->n_stages; i++) {
        const cjm_ref *r = &p->stages[i];
        if (S_stage_index(c->j, r->id) < 0)
            ADD(c, CJM_RULE_REQUIRED_STAGE, CJM_ERROR, S_where(c, p, r->pos),
                "the journey has no stage '%s', required by %s%s", r->id,
                S_source(c, p),
                S_hint(c, hint, sizeof hint, r->id, c->stage_ids,
                       c->j->n_stages));
    }
}

static bool S_in_stage(const cjm_journey *j, long s, const char *id)
{
    const cjm_stage *st = &j->stages[s];
    for (size_t t = st->first; t < st->first + st->count; t++)
        if (strcmp(j->tps[t].id, id) == 0 ||
            (j->tps[t].fix && strcmp(j->tps[t].fix, id) == 0))
            return true;
    return false;
}

static void S_required_tps(cctx *c)
{
    const cjm_policy *p = (c->j->bad & CJM_BAD_STAGES) ? NULL
                                                       : PICK(c, has_catalogue);
    const cjm_journey *j = c->j;
    char hint[300];
    for (size_t e = 0; p && e < p->n_catalogue; e++) {
        const cjm_catalogue_entry *ce = &p->catalogue[e];
        long s = S_stage_index(j, ce->stage);
        if (s < 0) {
            ADD(c, CJM_RULE_UNKNOWN_REFERENCE, CJM_ERROR,
                S_where(c, p, ce->pos),
                "the catalogue in %s names stage '%s', which the journey does "
                "not have%s",
                S_source(c, p), ce->stage,
                S_hint(c, hint, sizeof hint, ce->stage, c->stage_ids,
                       j->n_stages));
            continue;
        }
        const cjm_stage *st = &j->stages[s];
        if (st->bad & CJM_BAD_TOUCHPOINTS)
            continue; /* its list is the error */
        for (size_t k = 0; k < ce->n; k++) {
            const cjm_ref *r = &ce->touchpoints[k];
            if (S_in_stage(j, s, r->id))
                continue;
            long t = cjm_journey_find(j, r->id);
            cjm_pos at = p == &j->requires ? r->pos : st->id_pos;
            if (t >= 0)
                ADD(c, CJM_RULE_REQUIRED_TOUCHPOINT, CJM_ERROR, at,
                    "touchpoint '%s' must be in stage '%s' (required by "
                    "%s), but it is in stage '%s'; move it",
                    r->id, st->id, S_source(c, p),
                    j->stages[j->tps[t].stage].id);
            else
                ADD(c, CJM_RULE_REQUIRED_TOUCHPOINT, CJM_ERROR, at,
                    "stage '%s' has no touchpoint '%s', required by %s%s",
                    st->id, r->id, S_source(c, p),
                    S_hint(c, hint, sizeof hint, r->id,
                           c->tp_ids + st->first, st->count));
        }
    }
}

/* A channel as meant: a capitalised one counts as its lower case here
 * (its spelling is already an error). */
static const char *S_channel(const cjm_touchpoint *tp)
{
    return tp->channel ? tp->channel : tp->channel_fix;
}

/* A policy's channel as meant: an alias counts as its channel. */
static const char *S_policy_channel(const char *word)
{
    const cjm_channel_def *def = cjm_channel_find(word);
    return def ? def->id : word;
}

/* The catalogue's channels by their ids: an alias or another spelling is
 * a warning that names the id; an own word a typo away from the
 * catalogue is a warning with "did you mean" (unless the team's
 * allowed_channels decide what is a channel). */
static void S_channel_words(cctx *c)
{
    bool vocabulary = PICK(c, has_allowed) != NULL;
    for (size_t t = 0; t < c->j->n_tps; t++) {
        const cjm_touchpoint *tp = &c->j->tps[t];
        const cjm_channel_def *near;
        if (tp->channel && tp->channel_written)
            ADD(c, CJM_RULE_CHANNEL_ALIAS, CJM_WARNING, tp->channel_pos,
                "'%s' is the channel '%s'; write '%s'", tp->channel_written,
                tp->channel, tp->channel);
        else if (tp->channel && !vocabulary && !cjm_channel_find(tp->channel) &&
                 (near = cjm_channel_near(tp->channel)))
            ADD(c, CJM_RULE_UNKNOWN_CHANNEL, CJM_WARNING, tp->channel_pos,
                "channel '%s' of '%s' is no channel of the catalogue (did you "
                "mean '%s'?); a word of the team's own is fine as it is",
                tp->channel, tp->id, near->id);
    }
}

static void S_required_channels(cctx *c)
{
    const cjm_policy *p = (c->j->bad & CJM_BAD_STAGES) ? NULL
                                                       : PICK(c, has_channels);
    const cjm_journey *j = c->j;
    const char **chans = malloc((j->n_tps ? j->n_tps : 1) * sizeof *chans);
    if (!chans)
        return;
    for (size_t t = 0; t < j->n_tps; t++)
        chans[t] = S_channel(&j->tps[t]);
    char hint[300];
    for (size_t i = 0; p && i < p->n_channels; i++) {
        const cjm_ref *r = &p->channels[i];
        bool found = false;
        for (size_t t = 0; t < j->n_tps && !found; t++)
            found = chans[t] && strcmp(chans[t], S_policy_channel(r->id)) == 0;
        if (!found)
            ADD(c, CJM_RULE_REQUIRED_CHANNEL, CJM_ERROR, S_where(c, p, r->pos),
                "no touchpoint uses channel '%s', required by %s%s", r->id,
                S_source(c, p),
                S_hint(c, hint, sizeof hint, r->id, chans, j->n_tps));
    }
    free(chans);
}

/* The team's channel vocabulary: any other channel is an error. */
static void S_allowed_channels(cctx *c)
{
    const cjm_policy *p = PICK(c, has_allowed);
    if (!p)
        return;
    const char **words = malloc((p->n_allowed ? p->n_allowed : 1) * sizeof *words);
    if (!words)
        return;
    for (size_t i = 0; i < p->n_allowed; i++)
        words[i] = p->allowed[i].id;
    char hint[300];
    for (size_t t = 0; t < c->j->n_tps; t++) {
        const cjm_touchpoint *tp = &c->j->tps[t];
        bool ok = !tp->channel;
        for (size_t i = 0; i < p->n_allowed && !ok; i++)
            ok = strcmp(tp->channel, S_policy_channel(words[i])) == 0;
        if (ok)
            continue;
        ADD(c, CJM_RULE_UNKNOWN_CHANNEL, CJM_ERROR, tp->channel_pos,
            "channel '%s' of '%s' is not in the allowed_channels of %s%s",
            tp->channel, tp->id, S_source(c, p),
            S_hint(c, hint, sizeof hint, tp->channel, words, p->n_allowed));
    }
    free(words);
}

/* A team's `rules:` switch rules off or change their severity, for every
 * finding about this journey (the loader's too). */
static void S_rule_settings(cctx *c, size_t from)
{
    const cjm_policy *p = PICK(c, has_rules);
    if (!p)
        return;
    bool set[CJM_RULE_COUNT] = {0}, off[CJM_RULE_COUNT] = {0};
    cjm_severity sev[CJM_RULE_COUNT] = {0};
    for (size_t i = 0; i < p->n_rules; i++) {
        cjm_rule r = p->rules[i].rule;
        set[r] = true;
        off[r] = p->rules[i].off;
        sev[r] = p->rules[i].sev;
    }
    cjm_diags_override(c->d, from, set, off, sev);
}

/* ---- entry points ------------------------------------------------------ */

size_t cjm_journey_check(const cjm_journey *j, const cjm_policy *policy,
                         cjm_diags *diags)
{
    size_t before = cjm_diags_errors(diags);
    cctx c = {j, policy, diags, NULL, NULL, 0};
    c.tp_ids = malloc((j->n_tps ? j->n_tps : 1) * sizeof *c.tp_ids);
    c.stage_ids = malloc((j->n_stages ? j->n_stages : 1) * sizeof *c.stage_ids);
    if (!c.tp_ids || !c.stage_ids) {
        free(c.tp_ids);
        free(c.stage_ids);
        cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1,
                      "out of memory while checking");
        return cjm_diags_errors(diags) - before;
    }
    for (size_t t = 0; t < j->n_tps; t++)
        c.tp_ids[t] = j->tps[t].id;
    for (size_t s = 0; s < j->n_stages; s++)
        c.stage_ids[s] = j->stages[s].id;

    S_duplicate_stages(&c);
    S_duplicate_tps(&c);
    S_references(&c);
    S_empty_stages(&c);
    for (size_t t = 0; t < j->n_tps; t++)
        S_touchpoint(&c, &j->tps[t]);
    S_unreachable(&c);
    S_count(&c);
    S_required_stages(&c);
    S_required_tps(&c);
    S_required_channels(&c);
    S_allowed_channels(&c);
    S_channel_words(&c);
    S_rule_settings(&c, 0);

    free(c.tp_ids);
    free(c.stage_ids);
    cjm_diags_sort(diags);
    return cjm_diags_errors(diags) - before;
}

cjm_journey *cjm_journey_load_checked(const char *buf, size_t len,
                                      const char *file,
                                      const cjm_policy *policy,
                                      cjm_diags *diags)
{
    return cjm_journey_load_checked_as(buf, len, file, file, policy, diags);
}

cjm_journey *cjm_journey_load_checked_as(const char *buf, size_t len,
                                         const char *file, const char *path,
                                         const cjm_policy *policy,
                                         cjm_diags *diags)
{
    /* Every rule runs on what loaded, errors or not; only a journey with
     * no errors is handed out. */
    size_t errors_before = cjm_diags_errors(diags);
    cjm_journey *j = cjm_journey_load_partial(buf, len, file, path, diags);
    bool loaded = j && cjm_diags_errors(diags) == errors_before;
    if (j)
        cjm_journey_check(j, policy, diags);
    else
        cjm_diags_sort(diags);
    if (!loaded) {
        cjm_journey_free(j);
        return NULL;
    }
    return j;
}
