/* print_diff_json: the diffs of a run in the spec's JSON shape. */
#include "print_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Percentages always with one decimal (53.0), other figures without
 * trailing zeros. */
static void S_jnum(FILE *out, bool has, double x, int decimals)
{
    cjm_json_num(out, has, decimals == 1 ? cjm_dp_pct1(x) : x, decimals,
                 decimals == 1);
}

/* {"old": …, "new": …, "delta": …} of two optional figures. */
static void S_jtriple(FILE *out, bool ho, double o, bool hn, double n,
                      int decimals)
{
    double ro = decimals == 1 ? cjm_dp_pct1(o) : cjm_round2(o);
    double rn = decimals == 1 ? cjm_dp_pct1(n) : cjm_round2(n);
    fputs("{\"old\": ", out);
    S_jnum(out, ho, o, decimals);
    fputs(", \"new\": ", out);
    S_jnum(out, hn, n, decimals);
    fputs(", \"delta\": ", out);
    S_jnum(out, ho && hn, rn - ro, decimals);
    putc('}', out);
}

static void S_jfield(FILE *out, const cjm_touchpoint *tp, int f)
{
    char num[32];
    switch (f) {
    case CJM_F_NAME:
        cjm_json_string(out, tp->name);
        break;
    case CJM_F_CHANNEL:
        if (tp->channel)
            cjm_json_string(out, tp->channel);
        else
            fputs("null", out);
        break;
    case CJM_F_CONTACT:
        fputs(tp->indirect ? "\"indirect\"" : "\"direct\"", out);
        break;
    case CJM_F_SCORE: S_jnum(out, tp->has_score, tp->score, 2); break;
    case CJM_F_MOT: fputs(tp->moment_of_truth ? "true" : "false", out); break;
    case CJM_F_WEIGHT: fputs(cjm_fmt_num(num, tp->weight, 2), out); break;
    case CJM_F_NEXT:
        if (!tp->has_next) {
            fputs("null", out);
            break;
        }
        putc('[', out);
        for (size_t k = 0; k < tp->n_next; k++) {
            fputs(k ? ", " : "", out);
            cjm_json_string(out, tp->next_ids[k]);
        }
        putc(']', out);
        break;
    default: {
        int m = f - CJM_F_CSAT;
        S_jnum(out, tp->metrics.has[m], tp->metrics.value[m], 2);
    }
    }
}

static void S_jstages(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    bool first = true;
    fputs("\"stages\": {\"added\": [", out);
    for (size_t s = 0; n && o && s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0) {
            fputs(first ? "" : ", ", out);
            cjm_json_string(out, n->stages[s].id);
            first = false;
        }
    fputs("], \"removed\": [", out);
    first = true;
    for (size_t s = 0; n && o && s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0) {
            fputs(first ? "" : ", ", out);
            cjm_json_string(out, o->stages[s].id);
            first = false;
        }
    /* Removed stages the team meant (diff --accept), when there are any. */
    first = true;
    for (size_t s = 0; n && o && s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0 &&
            cjm_diff_accepted(d, CJM_GATE_REMOVED_STAGE, o->stages[s].id)) {
            fputs(first ? "], \"accepted\": [" : ", ", out);
            cjm_json_string(out, o->stages[s].id);
            first = false;
        }
    fputs("], \"changed\": [", out);
    first = true;
    for (size_t s = 0; n && o && s < n->n_stages; s++) {
        if (!cjm_diff_stage_changed(d, s))
            continue;
        long os = d->st_o_of_n[s];
        fputs(first ? "{\"id\": " : ", {\"id\": ", out);
        cjm_json_string(out, n->stages[s].id);
        if (strcmp(o->stages[os].name, n->stages[s].name) != 0) {
            fputs(", \"name\": {\"old\": ", out);
            cjm_json_string(out, o->stages[os].name);
            fputs(", \"new\": ", out);
            cjm_json_string(out, n->stages[s].name);
            putc('}', out);
        }
        fputs(", \"mean\": ", out);
        S_jtriple(out, d->fo->stage_has_mean[os], d->fo->stage_mean[os],
                  d->fn->stage_has_mean[s], d->fn->stage_mean[s], 2);
        putc('}', out);
        first = false;
    }
    fputs("]}", out);
}

static void S_jtp_ref(FILE *out, bool first, const cjm_journey *j, size_t t,
                      bool accepted)
{
    fputs(first ? "{\"id\": " : ", {\"id\": ", out);
    cjm_json_string(out, j->tps[t].id);
    fputs(", \"stage\": ", out);
    cjm_json_string(out, cjm_dp_stage_of(j, t));
    fputs(accepted ? ", \"accepted\": true}" : "}", out);
}

static void S_jtouchpoints(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    bool both = o && n, first = true;
    fputs("\"touchpoints\": {\"added\": [", out);
    for (size_t t = 0; both && t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0) {
            S_jtp_ref(out, first, n, t, false);
            first = false;
        }
    fputs("], \"removed\": [", out);
    first = true;
    for (size_t t = 0; both && t < o->n_tps; t++)
        if (d->tp_n_of_o[t] < 0) {
            S_jtp_ref(out, first, o, t,
                      cjm_diff_accepted(d, CJM_GATE_REMOVED_TOUCHPOINT,
                                        o->tps[t].id));
            first = false;
        }
    fputs("], \"moved\": [", out);
    first = true;
    for (size_t t = 0; both && t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t)) {
            fputs(first ? "{\"id\": " : ", {\"id\": ", out);
            cjm_json_string(out, n->tps[t].id);
            fputs(", \"from\": ", out);
            cjm_json_string(out, cjm_dp_stage_of(o, (size_t)d->tp_o_of_n[t]));
            fputs(", \"to\": ", out);
            cjm_json_string(out, cjm_dp_stage_of(n, t));
            putc('}', out);
            first = false;
        }
    fputs("], \"changed\": [", out);
    first = true;
    for (size_t t = 0; both && t < n->n_tps; t++) {
        if (!d->tp_fields[t])
            continue;
        const cjm_touchpoint *tp = &n->tps[t], *was = &o->tps[d->tp_o_of_n[t]];
        fputs(first ? "{\"id\": " : ", {\"id\": ", out);
        cjm_json_string(out, tp->id);
        fputs(", \"stage\": ", out);
        cjm_json_string(out, cjm_dp_stage_of(n, t));
        fputs(", \"fields\": {", out);
        bool ff = true;
        for (int f = 0; f < CJM_F_COUNT; f++) {
            if (!(d->tp_fields[t] & (1u << f)))
                continue;
            fprintf(out, "%s\"%s\": {\"old\": ", ff ? "" : ", ",
                    cjm_diff_field_names[f]);
            S_jfield(out, was, f);
            fputs(", \"new\": ", out);
            S_jfield(out, tp, f);
            putc('}', out);
            ff = false;
        }
        fputs("}}", out);
        first = false;
    }
    fputs("]}", out);
}

static void S_jfriction(FILE *out, const cjm_diff *d)
{
    static const char *const keys[] = {"added", "resolved", "changed"};
    fputs("\"friction\": {", out);
    for (int k = 0; k < 3; k++) {
        fprintf(out, "%s\"%s\": [", k ? "], " : "", keys[k]);
        bool first = true;
        for (size_t i = 0; i < d->n_fr; i++) {
            const cjm_fr_change *c = &d->fr[i];
            if ((int)c->kind != k)
                continue;
            const cjm_journey *j = c->kind == CJM_FR_RESOLVED ? d->o : d->n;
            fputs(first ? "{\"touchpoint\": " : ", {\"touchpoint\": ", out);
            cjm_json_string(out, j->tps[c->tp].id);
            fputs(", \"text\": ", out);
            cjm_json_string(out, c->fr->text);
            if (c->kind == CJM_FR_SEVERITY)
                fprintf(out, ", \"severity\": {\"old\": \"%s\", \"new\": \"%s\"}}",
                        cjm_friction_severity_names[c->old_sev],
                        cjm_friction_severity_names[c->fr->severity]);
            else
                fprintf(out, ", \"severity\": \"%s\"}",
                        cjm_friction_severity_names[c->fr->severity]);
            first = false;
        }
    }
    fputs("]}", out);
}

static void S_jname(FILE *out, const char *s)
{
    if (s)
        cjm_json_string(out, s);
    else
        fputs("null", out);
}

static void S_json_one(FILE *out, const cjm_diff *d)
{
    const cjm_figures *fo = d->fo, *fn = d->fn;
    fputs("{\"id\": ", out);
    cjm_json_string(out, cjm_dp_id(d));
    fputs(", \"old\": ", out);
    S_jname(out, d->o ? d->old_name : NULL);
    fputs(", \"new\": ", out);
    S_jname(out, d->n ? d->new_name : NULL);
    fprintf(out, ", \"status\": \"%s\"%s, \"index\": ",
            cjm_dp_status_names[cjm_diff_get_status(d)],
            d->o && !d->n &&
                    cjm_diff_accepted(d, CJM_GATE_REMOVED_JOURNEY, d->o->id)
                ? ", \"accepted\": true"
                : "");
    S_jtriple(out, fo && fo->has_index, fo ? fo->index : 0,
              fn && fn->has_index, fn ? fn->index : 0, 2);
    fputs(", \"index_pct\": ", out);
    S_jtriple(out, fo && fo->has_index, fo ? fo->index_pct : 0,
              fn && fn->has_index, fn ? fn->index_pct : 0, 1);
    fputs(", \"journey_fields\": {", out);
    char a[64], b[64];
    for (int f = 0, k = 0; f < CJM_J_COUNT; f++) {
        if (!(d->j_fields & (1u << f)))
            continue;
        const char *x = cjm_diff_journey_value(d->o, f, a),
                   *y = cjm_diff_journey_value(d->n, f, b);
        fprintf(out, "%s\"%s\": {\"old\": ", k++ ? ", " : "",
                cjm_diff_journey_field_names[f]);
        S_jname(out, x);
        fputs(", \"new\": ", out);
        S_jname(out, y);
        putc('}', out);
    }
    fputs("}, ", out);
    S_jstages(out, d);
    fputs(", ", out);
    S_jtouchpoints(out, d);
    fputs(", ", out);
    S_jfriction(out, d);
    fputs(", \"gate\": [", out);
    for (size_t i = 0; i < d->n_trips; i++) {
        fputs(i ? ", {\"condition\": " : "{\"condition\": ", out);
        cjm_json_string(out, d->trips[i].cond);
        fputs(", \"message\": ", out);
        cjm_json_string(out, d->trips[i].message);
        putc('}', out);
    }
    fputs("]}", out);
}

void cjm_dp_json(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors)
{
    fputs("{\"journeys\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  " : "\n  ", out);
        S_json_one(out, diffs[i]);
    }
    fprintf(out, "%s], \"errors\": %zu, \"failed\": %s}\n", n ? "\n" : "",
            errors, cjm_dp_trips(diffs, n) || errors ? "true" : "false");
}
