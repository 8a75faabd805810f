/* The journey model: plain arrays of structs, every string and array owned by
 * the journey's arena.  Touchpoints of all stages sit in one array in file
 * order; a stage owns the range [first, first + count). */
#ifndef CJM_MODEL_H
#define CJM_MODEL_H

#include "arena.h"
#include "cjm.h"
#include "lang.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int line, col; /* 1-based; 0 when the node is absent */
} cjm_pos;

typedef enum {
    CJM_SEV_LOW,
    CJM_SEV_MEDIUM,
    CJM_SEV_HIGH,
    CJM_SEV_CRITICAL,
    CJM_SEV_COUNT
} cjm_friction_severity;

extern const char *const cjm_friction_severity_names[CJM_SEV_COUNT];

typedef struct {
    const char *text;
    cjm_friction_severity severity;
    const char *evidence; /* may be NULL */
    cjm_pos pos;
} cjm_friction;

enum {
    CJM_METRIC_CSAT,
    CJM_METRIC_CES,
    CJM_METRIC_NPS,
    CJM_METRIC_RESPONSES,
    CJM_METRIC_COUNT
};

extern const char *const cjm_metric_names[CJM_METRIC_COUNT];

typedef struct {
    bool has[CJM_METRIC_COUNT];
    double value[CJM_METRIC_COUNT];
    cjm_pos pos[CJM_METRIC_COUNT];
} cjm_metrics;

/* Keys whose value had a schema error (or that are missing): absent for
 * the rules, which also leave out the findings that would only follow
 * from that (check recovers and reports everything else in one run). */
enum {
    CJM_BAD_ID = 1u << 0,       /* id missing or not a valid id */
    CJM_BAD_CHANNEL = 1u << 1,
    CJM_BAD_SCORE = 1u << 2,
    CJM_BAD_NEXT = 1u << 3,     /* `next` or one of its items */
    CJM_BAD_ENTRY = 1u << 4,
    CJM_BAD_TOUCHPOINTS = 1u << 5, /* a stage's list */
    CJM_BAD_SCALE = 1u << 6,
    CJM_BAD_STAGES = 1u << 7
};

typedef struct {
    const char *id; /* never NULL: a bad or missing one is shown as written
                       or as "<line N>" (then `bad` has CJM_BAD_ID) */
    const char *fix;     /* for a bad id: the id it was meant to be */
    unsigned bad;
    const char *name;
    const char *channel; /* NULL when absent */
    const char *channel_fix; /* a channel written in capitals, lower-cased */
    const char *channel_written; /* the catalogue channel's alias or other
                                    spelling, as written; else NULL */
    const char *description, *owner, *quote; /* NULL when absent */
    bool indirect;
    const char **actors;
    size_t n_actors;
    bool has_score;
    double score;
    const char *score_text; /* as written, for exact decimal comparisons */
    cjm_metrics metrics;
    bool moment_of_truth;
    bool entry;
    double weight; /* explicit or default (2 for a moment of truth, else 1) */
    bool has_next; /* `next` written; else the following touchpoint */
    const char **next_ids; /* as written (has_next only) */
    cjm_pos *next_pos;
    long *next;            /* resolved: touchpoint index, -1 when unknown */
    size_t n_next;
    cjm_friction *friction;
    size_t n_friction;
    const char **opportunities;
    size_t n_opportunities;
    size_t stage; /* index into journey->stages */
    cjm_pos pos, id_pos, score_pos, channel_pos;
} cjm_touchpoint;

typedef struct {
    const char *id;  /* never NULL; see the touchpoint's id */
    const char *fix;
    unsigned bad;
    const char *name;
    const char *description;
    size_t first, count; /* touchpoints */
    cjm_pos pos, id_pos, touchpoints_pos;
} cjm_stage;

typedef struct {
    const char *id;
    cjm_pos pos;
} cjm_ref;

typedef struct {
    const char *stage;
    cjm_pos pos;
    cjm_ref *touchpoints;
    size_t n;
} cjm_catalogue_entry;

/* One condition of `cjm diff`'s gate (`--fail-on` or a policy's `gate:`). */
typedef enum {
    CJM_GATE_REMOVED_JOURNEY,
    CJM_GATE_REMOVED_STAGE,
    CJM_GATE_REMOVED_TOUCHPOINT,
    CJM_GATE_INDEX_DROP,   /* x: points of index_pct */
    CJM_GATE_SCORE_DROP,   /* x: % of the scale */
    CJM_GATE_NEW_FRICTION, /* sev: the lowest severity that trips */
    CJM_GATE_KINDS
} cjm_gate_kind;

typedef struct {
    cjm_gate_kind kind;
    double x;
    cjm_friction_severity sev;
    const char *text; /* as written, e.g. "index-drop:5" */
    cjm_pos pos;
} cjm_gate_cond;

/* Parses one condition ("removed-stage", "index-drop:2.5",
 * "new-friction:high") of length len; text must outlive out.  Returns 0,
 * or -1 with a message saying what is allowed in err. */
int cjm_gate_cond_parse(const char *text, size_t len, cjm_gate_cond *out,
                        char *err, size_t errsize);

/* The keys of `requires:` / a policy file; has_* tells which were written. */
/* A `rules:` entry: the rule's severity, or off. */
typedef struct {
    cjm_rule rule;
    bool off;
    cjm_severity sev;
} cjm_rule_setting;

struct cjm_policy {
    bool has_min, has_max, has_stages, has_channels, has_catalogue, has_scored;
    bool has_allowed, has_rules;
    cjm_ref *allowed;
    size_t n_allowed;
    cjm_rule_setting *rules;
    size_t n_rules;
    bool has_gate;
    cjm_gate_cond *gate;
    size_t n_gate;
    long min, max;
    cjm_ref *stages;
    size_t n_stages;
    cjm_ref *channels;
    size_t n_channels;
    cjm_catalogue_entry *catalogue;
    size_t n_catalogue;
    bool scored;
    cjm_arena arena; /* used only by a policy loaded on its own */
};

struct cjm_journey {
    const char *file;
    const char *title;
    const char *id;
    const char *description;
    const char *persona;      /* name; NULL when absent */
    const char *persona_description;
    const char **goals;
    size_t n_goals;
    const char *owner;
    bool future; /* state: future */
    double scale_min, scale_max;
    const char *scale_text[2]; /* as written */
    struct cjm_policy requires;
    cjm_stage *stages;
    size_t n_stages;
    cjm_touchpoint *tps;
    size_t n_tps;
    size_t *by_id; /* touchpoint indices sorted by id */
    cjm_pos pos, stages_pos;
    unsigned bad;  /* CJM_BAD_SCALE, CJM_BAD_STAGES */
    cjm_lang lang; /* `lang:`; a drawing or report may be asked for
                      another */
    cjm_arena arena;
};

/* Loads what can be loaded of a journey whose file is valid YAML, even
 * when values have schema errors: those count as absent and `bad` says
 * which.  NULL only when the YAML itself is broken (or out of memory).
 * Only cjm_journey_check() may see such a model; it is never drawn or
 * reported. */
cjm_journey *cjm_journey_load_partial(const char *buf, size_t len,
                                      const char *file, const char *path,
                                      cjm_diags *diags);

/* Index of the touchpoint with this id, or -1 (binary search in the sorted
 * index built by the loader). */
long cjm_journey_find(const cjm_journey *j, const char *id);


#endif
