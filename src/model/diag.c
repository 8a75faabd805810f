/* The diagnostics list: findings about one file, as data. */
#include "cjm.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct cjm_diags {
    char *file;
    cjm_diag *items;
    size_t n, cap;
    size_t errors, warnings;
};

static const char *const rule_names[CJM_RULE_COUNT] = {
    [CJM_RULE_SYNTAX] = "syntax",
    [CJM_RULE_SCHEMA] = "schema",
    [CJM_RULE_UNKNOWN_KEY] = "unknown-key",
    [CJM_RULE_DUPLICATE_KEY] = "duplicate-key",
    [CJM_RULE_DUPLICATE_ID] = "duplicate-id",
    [CJM_RULE_UNKNOWN_REFERENCE] = "unknown-reference",
    [CJM_RULE_EMPTY_STAGE] = "empty-stage",
    [CJM_RULE_SCORE_RANGE] = "score-range",
    [CJM_RULE_TOUCHPOINT_COUNT] = "touchpoint-count",
    [CJM_RULE_MISSING_SCORE] = "missing-score",
    [CJM_RULE_MISSING_CHANNEL] = "missing-channel",
    [CJM_RULE_UNREACHABLE] = "unreachable",
    [CJM_RULE_PAIN_WITHOUT_FRICTION] = "pain-without-friction",
    [CJM_RULE_REQUIRED_STAGE] = "required-stage",
    [CJM_RULE_REQUIRED_TOUCHPOINT] = "required-touchpoint",
    [CJM_RULE_REQUIRED_CHANNEL] = "required-channel",
    [CJM_RULE_UNKNOWN_CHANNEL] = "unknown-channel",
    [CJM_RULE_CHANNEL_ALIAS] = "channel-alias",
};

/* What each rule checks and how to fix a finding: SARIF rule metadata,
 * the man page and --help draw on the same words. */
static const char *const rule_help[CJM_RULE_COUNT][2] = {
    [CJM_RULE_SYNTAX] = {"The file is not valid YAML, not UTF-8, or holds more than one document.",
                         "Fix the YAML at the position shown; save the file as UTF-8 with one document."},
    [CJM_RULE_SCHEMA] = {"A required key is missing, or a value has the wrong type or an unknown value.",
                         "Add the key or change the value as the message says; see docs/journey-format.md."},
    [CJM_RULE_UNKNOWN_KEY] = {"A key this format does not know.",
                              "Fix the spelling (the message suggests the nearest key) or prefix your own keys with 'x-'."},
    [CJM_RULE_DUPLICATE_KEY] = {"The same key twice in one mapping.",
                                "Remove or rename one of them: YAML would silently keep only one."},
    [CJM_RULE_DUPLICATE_ID] = {"Two stages or two touchpoints share an id.",
                               "Give each stage and each touchpoint its own id."},
    [CJM_RULE_UNKNOWN_REFERENCE] = {"'next' or a policy names an id that does not exist.",
                                    "Fix the id (the message suggests the nearest) or add the missing touchpoint or stage."},
    [CJM_RULE_EMPTY_STAGE] = {"A stage has no touchpoints.",
                              "Add the touchpoints of this stage, or remove the stage."},
    [CJM_RULE_SCORE_RANGE] = {"A score or metric lies outside its range.",
                              "Keep scores within the journey's scale, CSAT in 1-5, CES in 1-7, NPS in -100..100, responses >= 0."},
    [CJM_RULE_TOUCHPOINT_COUNT] = {"Fewer or more touchpoints than allowed (default 12-20).",
                                   "Add the touchpoints the journey forgot, or split a journey that has grown too long."},
    [CJM_RULE_MISSING_SCORE] = {"A touchpoint has no score.",
                                "Add 'score:' so the touchpoint can be placed on the emotion curve."},
    [CJM_RULE_MISSING_CHANNEL] = {"A touchpoint has no channel.",
                                  "Add 'channel:' (web, app, email, phone, chat, store, ...)."},
    [CJM_RULE_UNREACHABLE] = {"No entry of the journey leads to this touchpoint.",
                              "List it in another touchpoint's 'next', or mark it 'entry: true'."},
    [CJM_RULE_PAIN_WITHOUT_FRICTION] = {"A touchpoint scores in the bottom quarter of the scale but documents no friction.",
                                        "Add 'friction:' saying what goes wrong for the customer here."},
    [CJM_RULE_REQUIRED_STAGE] = {"A stage the policy requires is missing.",
                                 "Add the stage, or fix its id."},
    [CJM_RULE_REQUIRED_TOUCHPOINT] = {"A touchpoint the policy's catalogue requires is missing from its stage.",
                                      "Add the touchpoint to that stage, or move it there."},
    [CJM_RULE_REQUIRED_CHANNEL] = {"A channel the policy requires appears nowhere.",
                                   "Add a touchpoint on that channel, or fix the channel's spelling."},
    [CJM_RULE_UNKNOWN_CHANNEL] = {"A channel outside the team's vocabulary (requires.allowed_channels), or a word a typo away from a channel of the catalogue.",
                                  "Use one of the allowed channels or the catalogue's, or add it to allowed_channels."},
    [CJM_RULE_CHANNEL_ALIAS] = {"A channel of the catalogue written as an alias or in another case ('E-Mail' for email).",
                                "Write the channel's id, as the message says: the figures already count it as that channel."},
};

const char *cjm_rule_description(cjm_rule rule)
{
    return (unsigned)rule < CJM_RULE_COUNT ? rule_help[rule][0] : "";
}

const char *cjm_rule_help(cjm_rule rule)
{
    return (unsigned)rule < CJM_RULE_COUNT ? rule_help[rule][1] : "";
}

cjm_severity cjm_rule_severity(cjm_rule rule)
{
    switch (rule) {
    case CJM_RULE_UNKNOWN_KEY:
    case CJM_RULE_TOUCHPOINT_COUNT:
    case CJM_RULE_MISSING_SCORE:
    case CJM_RULE_MISSING_CHANNEL:
    case CJM_RULE_UNREACHABLE:
    case CJM_RULE_PAIN_WITHOUT_FRICTION:
    case CJM_RULE_CHANNEL_ALIAS: return CJM_WARNING;
    default: return CJM_ERROR;
    }
}

const char *cjm_rule_name(cjm_rule rule)
{
    return (unsigned)rule < CJM_RULE_COUNT ? rule_names[rule] : "unknown";
}

int cjm_rule_parse(const char *name, cjm_rule *out)
{
    for (int r = 0; r < CJM_RULE_COUNT; r++)
        if (strcmp(name, rule_names[r]) == 0) {
            *out = (cjm_rule)r;
            return 0;
        }
    return -1;
}

const char *cjm_severity_name(cjm_severity sev)
{
    return sev == CJM_ERROR ? "error" : "warning";
}

cjm_diags *cjm_diags_new(const char *file)
{
    cjm_diags *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->file = strdup(file ? file : "<input>");
    if (!d->file) {
        free(d);
        return NULL;
    }
    return d;
}

void cjm_diags_free(cjm_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free((char *)d->items[i].message);
    free(d->items);
    free(d->file);
    free(d);
}

int cjm_diags_vadd(cjm_diags *d, cjm_rule rule, cjm_severity sev, int line,
                   int column, const char *fmt, va_list ap)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        cjm_diag *p = realloc(d->items, cap * sizeof *p);
        if (!p)
            return -1;
        d->items = p;
        d->cap = cap;
    }
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text)
        return -1;
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    d->items[d->n++] = (cjm_diag){rule, sev, line > 0 ? line : 1,
                                  column > 0 ? column : 1, text};
    if (sev == CJM_ERROR)
        d->errors++;
    else
        d->warnings++;
    return 0;
}

int cjm_diags_add(cjm_diags *d, cjm_rule rule, cjm_severity sev, int line,
                  int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = cjm_diags_vadd(d, rule, sev, line, column, fmt, ap);
    va_end(ap);
    return rc;
}

size_t cjm_diags_count(const cjm_diags *d) { return d->n; }
const cjm_diag *cjm_diags_get(const cjm_diags *d, size_t i)
{
    return i < d->n ? &d->items[i] : NULL;
}
const char *cjm_diags_file(const cjm_diags *d) { return d->file; }
size_t cjm_diags_errors(const cjm_diags *d) { return d->errors; }
size_t cjm_diags_warnings(const cjm_diags *d) { return d->warnings; }

static bool S_before(const cjm_diag *a, const cjm_diag *b)
{
    return a->line < b->line || (a->line == b->line && a->column < b->column);
}

void cjm_diags_sort(cjm_diags *d)
{
    /* Bottom-up merge sort: stable, and O(n log n) even for the thousands of
     * findings a generated file can produce. */
    if (d->n < 2)
        return;
    cjm_diag *tmp = malloc(d->n * sizeof *tmp);
    if (!tmp)
        return; /* unsorted output is still correct output */
    cjm_diag *src = d->items, *dst = tmp;
    for (size_t w = 1; w < d->n; w *= 2) {
        for (size_t lo = 0; lo < d->n; lo += 2 * w) {
            size_t mid = lo + w < d->n ? lo + w : d->n;
            size_t hi = lo + 2 * w < d->n ? lo + 2 * w : d->n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = S_before(&src[j], &src[i]) ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        cjm_diag *t = src;
        src = dst;
        dst = t;
    }
    if (src != d->items)
        memcpy(d->items, src, d->n * sizeof *src);
    free(tmp);
}

void cjm_diags_override(cjm_diags *d, size_t from, const bool *set,
                        const bool *off, const cjm_severity *sev)
{
    size_t k = from;
    for (size_t i = from; i < d->n; i++) {
        cjm_diag g = d->items[i];
        if (g.severity == CJM_ERROR)
            d->errors--;
        else
            d->warnings--;
        if (set[g.rule] && off[g.rule]) {
            free((char *)g.message);
            continue;
        }
        if (set[g.rule])
            g.severity = sev[g.rule];
        if (g.severity == CJM_ERROR)
            d->errors++;
        else
            d->warnings++;
        d->items[k++] = g;
    }
    d->n = k;
}
