/* diff: the change model of one journey pair, shared by the comparison
 * (diff.c), its printers (print_diff.c) and the comparison map
 * (render_diff.c). */
#ifndef CJM_DIFF_H
#define CJM_DIFF_H

#include "analyse.h"
#include "util.h"

/* Touchpoint fields compared, in the order the spec lists them; a bit each
 * in cjm_diff.tp_fields. */
enum {
    CJM_F_NAME,
    CJM_F_CHANNEL,
    CJM_F_CONTACT,
    CJM_F_SCORE,
    CJM_F_MOT,
    CJM_F_WEIGHT,
    CJM_F_NEXT,
    CJM_F_CSAT,
    CJM_F_CES,
    CJM_F_NPS,
    CJM_F_RESPONSES,
    CJM_F_COUNT
};

extern const char *const cjm_diff_field_names[CJM_F_COUNT];

/* The journey's own fields a diff reports (spec 1.2), as bits in
 * cjm_diff.j_fields, named as the format writes them. */
enum {
    CJM_J_TITLE,
    CJM_J_STATE,
    CJM_J_PERSONA,
    CJM_J_SCALE,
    CJM_J_LANG,
    CJM_J_OWNER,
    CJM_J_COUNT
};
extern const char *const cjm_diff_journey_field_names[CJM_J_COUNT];
/* Journey field f of j as the outputs show it: text, or NULL when the
 * journey does not have it ("state" is "current" or "future", "scale"
 * "1-5"). buf holds 64 bytes. */
const char *cjm_diff_journey_value(const cjm_journey *j, int f, char *buf);

typedef enum { CJM_FR_ADDED, CJM_FR_RESOLVED, CJM_FR_SEVERITY } cjm_fr_kind;

/* A friction point added (new side), resolved (old side) or whose severity
 * changed (new side; old_sev is what it was). */
typedef struct {
    cjm_fr_kind kind;
    size_t tp; /* touchpoint index on the side the friction is from */
    const cjm_friction *fr;
    cjm_friction_severity old_sev;
} cjm_fr_change;

/* A tripped gate condition, at a line of the new file (or of the old one
 * for a removed journey). */
typedef struct {
    cjm_gate_kind kind;
    char *cond; /* the condition as written; the gate may be gone */
    char *message;
    cjm_pos pos;
} cjm_trip;

typedef struct {
    cjm_gate_kind kind; /* one of the three removals */
    const char *id;
} cjm_accepted;

struct cjm_accept {
    cjm_accepted *a;
    size_t n;
    char *text; /* the parsed list; ids point into it */
};

/* Whether d's accept list names this removal. */
bool cjm_diff_accepted(const cjm_diff *d, cjm_gate_kind kind, const char *id);

struct cjm_gate {
    cjm_gate_cond *c;
    size_t n;
    char *text; /* the parsed list; conditions point into it */
};

struct cjm_diff {
    const cjm_journey *o, *n; /* either may be NULL */
    char *old_name, *new_name;
    cjm_figures *fo, *fn;
    /* Pairings: index on the other side, or -1. */
    long *st_n_of_o, *st_o_of_n, *tp_n_of_o, *tp_o_of_n;
    unsigned *tp_fields; /* per new touchpoint: changed-field bits */
    unsigned j_fields;   /* the journey's own changed fields (CJM_J_*) */
    cjm_fr_change *fr;
    size_t n_fr;
    cjm_trip *trips;
    size_t n_trips;
    size_t n_conds; /* gate conditions evaluated */
    const cjm_accept *accept; /* removals meant, or NULL */
    bool changed;
};

/* Whether paired touchpoint nt (new index) moved to another stage. */
bool cjm_diff_tp_moved(const cjm_diff *d, size_t nt);
/* Whether paired stage ns (new index) changed its name or mean. */
bool cjm_diff_stage_changed(const cjm_diff *d, size_t ns);
/* Where a finding about something gone from old stage os is shown in the
 * new file: that stage, else the `stages:` key. */
cjm_pos cjm_diff_gone_pos(const cjm_diff *d, size_t os);
/* The added touchpoint of the same name as removed old touchpoint ot (a
 * likely renamed id), or -1. */
long cjm_diff_rename_hint(const cjm_diff *d, size_t ot);

/* A value rounded as the outputs show it (2 decimals), so that deltas add
 * up to what a reader sees. */
double cjm_round2(double x);

#endif
