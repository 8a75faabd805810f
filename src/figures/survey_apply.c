/* survey_write: the figures written into the journey file itself, byte for
 * byte: each touchpoint's `metrics:` (and `score:` with --score-from) is
 * set or replaced where it stands, in the style it is written in (a flow
 * touchpoint {id: a, ...} gets `metrics` inside its braces), and every
 * other byte (comments, blank lines, key order, quoting, anchors) stays.
 * Positions come from the YAML tree; the document is never re-emitted. */
#include "survey.h"
#include "ytree.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t at, cut; /* replace [at, at + cut) */
    size_t seq;     /* edits at one place go in in the order they were made */
    char *text;
} edit;

typedef struct {
    edit *e;
    size_t n, cap;
    bool oom;
} edits;

static void S_edit(edits *es, size_t at, size_t cut, cjm_str *text)
{
    if (es->n == es->cap) {
        size_t nc = es->cap ? es->cap * 2 : 32;
        edit *p = realloc(es->e, nc * sizeof *p);
        if (!p) {
            es->oom = true;
            cjm_str_free(text);
            return;
        }
        es->e = p;
        es->cap = nc;
    }
    if (text->failed)
        es->oom = true;
    es->e[es->n] = (edit){at, cut, es->n, text->data ? text->data : NULL};
    es->n++;
    *text = (cjm_str){0};
}

/* The key node of `key` in a mapping, or NULL. */
static const ynode *S_key(const ynode *map, const char *key)
{
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        if (k->kind == Y_SCALAR && strcmp(k->str, key) == 0)
            return k;
    }
    return NULL;
}

/* metrics as a flow mapping: the new figures, and a metric the CSV has no
 * column for as it was written; `responses` is the CSV's. */
static void S_metrics_text(cjm_str *s, const cjm_survey_figures *f,
                           const bool *column, const ynode *old)
{
    char num[32];
    static const char *const order[] = {"csat", "ces", "nps", "responses"};
    cjm_str_puts(s, "{");
    bool first = true;
    for (int k = 0; k < 4; k++) {
        const char *v = NULL;
        if (k == CJM_CSAT && f->has[CJM_CSAT])
            v = cjm_fmt_num(num, f->csat, 2);
        else if (k == CJM_CES && f->has[CJM_CES])
            v = cjm_fmt_num(num, f->ces, 2);
        else if (k == CJM_NPS && f->has[CJM_NPS])
            snprintf(num, sizeof num, "%ld", f->nps), v = num;
        else if (k == 3)
            snprintf(num, sizeof num, "%zu", f->responses), v = num;
        else if (k < 3 && column[k])
            v = NULL; /* the CSV asked, nobody answered: no figure */
        else if (old && old->kind == Y_MAP) {
            const ynode *o = cjm_ymap_get(old, order[k]);
            if (o && o->kind == Y_SCALAR)
                v = o->str;
        }
        if (!v)
            continue;
        cjm_str_printf(s, "%s%s: %s", first ? "" : ", ", order[k], v);
        first = false;
    }
    cjm_str_puts(s, "}");
}

/* Where a new key goes in a touchpoint mapping, and how it is written. */
static void S_add_key(edits *es, const char *src, size_t len, const ynode *tp,
                      const char *key, cjm_str *value)
{
    cjm_str s = {0};
    if (tp->flow) {
        size_t at = tp->end; /* after '}': insert before it */
        while (at > tp->start && src[at - 1] != '}')
            at--;
        at--;
        while (at > tp->start && (src[at - 1] == ' ' || src[at - 1] == '\t'))
            at--;
        cjm_str_printf(&s, "%s%s: %s", tp->n ? ", " : "", key,
                       value->data ? value->data : "");
        S_edit(es, at, 0, &s);
        return;
    }
    /* Block: a line of its own after the touchpoint's last line, at the
     * column of its keys. */
    size_t at = cjm_ynode_content_end(tp);
    while (at < len && src[at] != '\n')
        at++;
    const ynode *k0 = tp->items[0];
    cjm_str_printf(&s, "\n%*s%s: %s", k0->col - 1, "", key,
                   value->data ? value->data : "");
    S_edit(es, at, 0, &s);
}

static void S_set(edits *es, const char *src, size_t len, const ynode *tp,
                  const char *key, cjm_str *value)
{
    const ynode *k = S_key(tp, key);
    if (!k) {
        S_add_key(es, src, len, tp, key, value);
        cjm_str_free(value);
        return;
    }
    const ynode *v = cjm_ymap_get(tp, key);
    if (v->kind == Y_SCALAR && v->start > k->start) {
        S_edit(es, v->start, v->end - v->start, value);
        return;
    }
    /* A block or flow mapping (or an alias): from the end of the key to the
     * end of the value, written as " {…}" after the colon. */
    size_t colon = k->end;
    while (colon < len && src[colon] != ':')
        colon++;
    size_t end = v->start > k->start ? cjm_ynode_content_end(v) : v->end;
    if (v->start < k->start) { /* an alias: replace just "*name" */
        end = colon + 1;
        while (end < len && (src[end] == ' ' || src[end] == '\t'))
            end++;
        while (end < len && src[end] != '\n' && src[end] != ',' &&
               src[end] != '}' && src[end] != ' ' && src[end] != '#')
            end++;
    }
    /* A comment after "metrics:" on its line stays, after the new value. */
    size_t hash = colon + 1;
    while (hash < end && hash < len && src[hash] != '\n' && src[hash] != '#')
        hash++;
    bool comment = hash < end && hash < len && src[hash] == '#' &&
                   (src[hash - 1] == ' ' || src[hash - 1] == '\t');
    size_t eol = hash;
    while (comment && eol < len && src[eol] != '\n')
        eol++;
    cjm_str s = {0};
    cjm_str_printf(&s, ": %s", value->data ? value->data : "");
    if (comment)
        cjm_str_printf(&s, "  %.*s", (int)(eol - hash), src + hash);
    cjm_str_free(value);
    S_edit(es, colon, end - colon, &s);
}

static const double range_lo[CJM_INSTRUMENTS] = {1, 1, -100};
static const double range_hi[CJM_INSTRUMENTS] = {5, 7, 100};

static int S_cmp(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? 1 : -1;
    return x->seq < y->seq ? 1 : x->seq > y->seq ? -1 : 0;
}

/* Copies the source with the edits in, walking them in ascending order
 * (sorted descending, read from the end). */
static char *S_apply(edits *es, const char *src, size_t len, size_t *out_len)
{
    if (es->n) /* qsort must not see a NULL array */
        qsort(es->e, es->n, sizeof *es->e, S_cmp);
    cjm_str out = {0};
    size_t pos = 0;
    for (size_t i = es->n; i-- > 0;) {
        const edit *e = &es->e[i];
        cjm_str_append(&out, src + pos, e->at - pos);
        if (e->text)
            cjm_str_puts(&out, e->text);
        pos = e->at + e->cut;
    }
    cjm_str_append(&out, src + pos, len - pos);
    if (out.failed) {
        cjm_str_free(&out);
        return NULL;
    }
    *out_len = out.len;
    return out.data ? out.data : calloc(1, 1);
}

char *cjm_survey_apply(const cjm_survey *s, const char *src, size_t len,
                       cjm_score_from from, size_t *out_len, char *err,
                       size_t errsize)
{
    cjm_arena a;
    cjm_arena_init(&a);
    cjm_diags *d = cjm_diags_new("journey");
    ynode *root = NULL;
    edits es = {0};
    char *out = NULL;
    if (!d || cjm_ytree_parse(&a, src, len, d, &root) != 0 || !root ||
        root->kind != Y_MAP) {
        snprintf(err, errsize, "the journey file cannot be read as YAML");
        goto done;
    }
    const ynode *stages = cjm_ymap_get(root, "stages");
    for (size_t i = 0; stages && stages->kind == Y_SEQ && i < stages->n; i++) {
        const ynode *tps = cjm_ymap_get(stages->items[i], "touchpoints");
        for (size_t k = 0; tps && tps->kind == Y_SEQ && k < tps->n; k++) {
            const ynode *tp = tps->items[k], *id = cjm_ymap_get(tp, "id");
            long t = id && id->kind == Y_SCALAR ? cjm_journey_find(s->j, id->str)
                                                : -1;
            cjm_survey_figures f;
            if (t < 0 || tp->kind != Y_MAP || tp->n == 0 ||
                !cjm_survey_figures_of(s, (size_t)t, &f))
                continue;
            if (tp->start < stages->start) { /* an alias of an earlier node */
                snprintf(err, errsize, "touchpoint '%s' is an alias (*name); "
                                       "write its metrics by hand", id->str);
                goto done;
            }
            cjm_str v = {0};
            S_metrics_text(&v, &f, s->column, cjm_ymap_get(tp, "metrics"));
            S_set(&es, src, len, tp, "metrics", &v);
            int m = from == CJM_SCORE_CSAT ? CJM_CSAT
                    : from == CJM_SCORE_CES ? CJM_CES
                    : from == CJM_SCORE_NPS ? CJM_NPS
                                            : -1;
            if (m >= 0 && f.has[m]) {
                double x = m == CJM_CSAT ? f.csat : m == CJM_CES ? f.ces
                                                                 : (double)f.nps;
                double sc = s->j->scale_min + (x - range_lo[m]) /
                                                  (range_hi[m] - range_lo[m]) *
                                                  (s->j->scale_max - s->j->scale_min);
                char num[32];
                cjm_str_puts(&v, cjm_fmt_num(num, round(sc * 10) / 10, 1));
                S_set(&es, src, len, tp, "score", &v);
            }
        }
    }
    if (es.oom || !(out = S_apply(&es, src, len, out_len)))
        snprintf(err, errsize, "out of memory");
done:
    for (size_t i = 0; i < es.n; i++)
        free(es.e[i].text);
    free(es.e);
    cjm_diags_free(d);
    cjm_arena_release(&a);
    return out;
}
