/* print_diff: the diffs of a run as text (a changelog), Markdown (a pull
 * request comment), JSON (the spec's shape) and GitHub workflow commands.
 * Figures are shown rounded (means and scores to 2 decimals, percentages
 * to 1) and every delta is the difference of the shown values. */
#include "diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[] = {"added", "removed", "changed",
                                           "unchanged"};

static const char *S_jid(const cjm_diff *d)
{
    return d->n ? d->n->id : d->o->id;
}

static const char *S_jtitle(const cjm_diff *d)
{
    return d->n ? d->n->title : d->o->title;
}

static double S_pct1(double x)
{
    return round(x * 10) / 10;
}

/* "+0.28", "-0.5", "0": decimals places, trailing zeros dropped. */
static const char *S_signed(char *buf, double delta, int decimals)
{
    char num[32];
    double r = round(delta * pow(10, decimals)) / pow(10, decimals);
    if (r == 0)
        return strcpy(buf, "0");
    snprintf(buf, 32, "%s%s", r > 0 ? "+" : "-", cjm_fmt_num(num, fabs(r), decimals));
    return buf;
}

/* "▲ +0.28", "▼ −0.5" or "=": the arrow carries the direction without
 * colour. */
static const char *S_arrow(char *buf, double delta, int decimals)
{
    char num[32];
    double r = round(delta * pow(10, decimals)) / pow(10, decimals);
    if (r == 0)
        return strcpy(buf, "=");
    snprintf(buf, 48, "%s %s%s", r > 0 ? "▲" : "▼", r > 0 ? "+" : "−",
             cjm_fmt_num(num, fabs(r), decimals));
    return buf;
}

static const char *S_stage_of(const cjm_journey *j, size_t t)
{
    return j->stages[j->tps[t].stage].id;
}

/* ---- JSON -------------------------------------------------------------- */

/* Percentages always with one decimal (53.0), other figures without
 * trailing zeros. */
static void S_jnum(FILE *out, bool has, double x, int decimals)
{
    cjm_json_num(out, has, decimals == 1 ? S_pct1(x) : x, decimals,
                 decimals == 1);
}

/* {"old": …, "new": …, "delta": …} of two optional figures. */
static void S_jtriple(FILE *out, bool ho, double o, bool hn, double n,
                      int decimals)
{
    double ro = decimals == 1 ? S_pct1(o) : cjm_round2(o);
    double rn = decimals == 1 ? S_pct1(n) : cjm_round2(n);
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

static void S_jtp_ref(FILE *out, bool first, const cjm_journey *j, size_t t)
{
    fputs(first ? "{\"id\": " : ", {\"id\": ", out);
    cjm_json_string(out, j->tps[t].id);
    fputs(", \"stage\": ", out);
    cjm_json_string(out, S_stage_of(j, t));
    putc('}', out);
}

static void S_jtouchpoints(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    bool both = o && n, first = true;
    fputs("\"touchpoints\": {\"added\": [", out);
    for (size_t t = 0; both && t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0) {
            S_jtp_ref(out, first, n, t);
            first = false;
        }
    fputs("], \"removed\": [", out);
    first = true;
    for (size_t t = 0; both && t < o->n_tps; t++)
        if (d->tp_n_of_o[t] < 0) {
            S_jtp_ref(out, first, o, t);
            first = false;
        }
    fputs("], \"moved\": [", out);
    first = true;
    for (size_t t = 0; both && t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t)) {
            fputs(first ? "{\"id\": " : ", {\"id\": ", out);
            cjm_json_string(out, n->tps[t].id);
            fputs(", \"from\": ", out);
            cjm_json_string(out, S_stage_of(o, (size_t)d->tp_o_of_n[t]));
            fputs(", \"to\": ", out);
            cjm_json_string(out, S_stage_of(n, t));
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
        cjm_json_string(out, S_stage_of(n, t));
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
    cjm_json_string(out, S_jid(d));
    fputs(", \"old\": ", out);
    S_jname(out, d->o ? d->old_name : NULL);
    fputs(", \"new\": ", out);
    S_jname(out, d->n ? d->new_name : NULL);
    fprintf(out, ", \"status\": \"%s\", \"index\": ",
            status_names[cjm_diff_get_status(d)]);
    S_jtriple(out, fo && fo->has_index, fo ? fo->index : 0,
              fn && fn->has_index, fn ? fn->index : 0, 2);
    fputs(", \"index_pct\": ", out);
    S_jtriple(out, fo && fo->has_index, fo ? fo->index_pct : 0,
              fn && fn->has_index, fn ? fn->index_pct : 0, 1);
    fputs(", ", out);
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

static size_t S_trips(cjm_diff *const *diffs, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += diffs[i]->n_trips;
    return k;
}

static void S_json(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors)
{
    fputs("{\"journeys\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  " : "\n  ", out);
        S_json_one(out, diffs[i]);
    }
    fprintf(out, "%s], \"errors\": %zu, \"failed\": %s}\n", n ? "\n" : "",
            errors, S_trips(diffs, n) || errors ? "true" : "false");
}

/* ---- text -------------------------------------------------------------- */

static void S_value(cjm_str *s, const cjm_touchpoint *tp, int f)
{
    char num[32];
    switch (f) {
    case CJM_F_NAME: cjm_str_printf(s, "\"%s\"", tp->name); break;
    case CJM_F_CHANNEL: cjm_str_puts(s, tp->channel ? tp->channel : "(none)"); break;
    case CJM_F_CONTACT: cjm_str_puts(s, tp->indirect ? "indirect" : "direct"); break;
    case CJM_F_SCORE:
        cjm_str_puts(s, tp->has_score ? cjm_fmt_num(num, tp->score, 2) : "(none)");
        break;
    case CJM_F_MOT: cjm_str_puts(s, tp->moment_of_truth ? "yes" : "no"); break;
    case CJM_F_WEIGHT: cjm_str_puts(s, cjm_fmt_num(num, tp->weight, 2)); break;
    case CJM_F_NEXT:
        if (!tp->has_next)
            cjm_str_puts(s, "(the following touchpoint)");
        else if (tp->n_next == 0)
            cjm_str_puts(s, "[] (exit)");
        for (size_t k = 0; tp->has_next && k < tp->n_next; k++)
            cjm_str_printf(s, "%s%s", k ? ", " : "", tp->next_ids[k]);
        break;
    default: {
        int m = f - CJM_F_CSAT;
        cjm_str_puts(s, tp->metrics.has[m]
                            ? cjm_fmt_num(num, tp->metrics.value[m], 2)
                            : "(none)");
    }
    }
}

/* "score 1.8 → 3.6 (+1.8); channel phone → app" for new touchpoint t,
 * leaving out the fields in `skip` (bits). */
static void S_summary(cjm_str *s, const cjm_diff *d, size_t t, unsigned skip)
{
    const cjm_touchpoint *tp = &d->n->tps[t], *was = &d->o->tps[d->tp_o_of_n[t]];
    char buf[32];
    bool first = true;
    for (int f = 0; f < CJM_F_COUNT; f++) {
        if (!(d->tp_fields[t] & (1u << f)) || (skip & (1u << f)))
            continue;
        cjm_str_printf(s, "%s%s ", first ? "" : "; ", cjm_diff_field_names[f]);
        S_value(s, was, f);
        cjm_str_puts(s, " → ");
        S_value(s, tp, f);
        if (f == CJM_F_SCORE && tp->has_score && was->has_score)
            cjm_str_printf(s, " (%s)", S_signed(buf, cjm_round2(tp->score) -
                                                         cjm_round2(was->score),
                                                2));
        first = false;
    }
}

static void S_tfields(FILE *out, const cjm_diff *d, size_t t)
{
    cjm_str s = {0};
    S_summary(&s, d, t, 0);
    fputs(s.data ? s.data : "", out);
    cjm_str_free(&s);
}

static void S_tindex(FILE *out, const cjm_diff *d)
{
    const cjm_figures *fo = d->fo, *fn = d->fn;
    const cjm_journey *j = d->n ? d->n : d->o;
    char a[32], b[32], c[32], e[32];
    bool ho = fo && fo->has_index, hn = fn && fn->has_index;
    fputs("  index: ", out);
    fputs(ho ? cjm_fmt_num(a, fo->index, 2) : "-", out);
    fputs(" → ", out);
    fputs(hn ? cjm_fmt_num(b, fn->index, 2) : "-", out);
    fprintf(out, " / %s", cjm_fmt_num(c, j->scale_max, 2));
    if (ho && hn)
        fprintf(out, " (%s)",
                S_signed(e, cjm_round2(fn->index) - cjm_round2(fo->index), 2));
    if (ho || hn) {
        fputs(", ", out);
        if (ho)
            fprintf(out, "%s %%", cjm_fmt_fixed(a, fo->index_pct, 1));
        else
            fputs("-", out);
        fputs(" → ", out);
        if (hn)
            fprintf(out, "%s %%", cjm_fmt_fixed(a, fn->index_pct, 1));
        else
            fputs("-", out);
        if (ho && hn)
            fprintf(out, " (%s points)",
                    S_signed(e, S_pct1(fn->index_pct) - S_pct1(fo->index_pct), 1));
    }
    putc('\n', out);
}

static void S_tstages(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    char a[32], b[32], c[32];
    for (size_t s = 0; s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0)
            fprintf(out, "    + %s \"%s\"\n", n->stages[s].id, n->stages[s].name);
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0)
            fprintf(out, "    - %s \"%s\"\n", o->stages[s].id, o->stages[s].name);
    for (size_t s = 0; s < n->n_stages; s++) {
        if (!cjm_diff_stage_changed(d, s))
            continue;
        long os = d->st_o_of_n[s];
        fprintf(out, "    ~ %s:", n->stages[s].id);
        if (strcmp(o->stages[os].name, n->stages[s].name) != 0)
            fprintf(out, " name \"%s\" → \"%s\";", o->stages[os].name,
                    n->stages[s].name);
        bool ho = d->fo->stage_has_mean[os], hn = d->fn->stage_has_mean[s];
        if (ho == hn && (!ho || cjm_round2(d->fo->stage_mean[os]) ==
                                    cjm_round2(d->fn->stage_mean[s]))) {
            fprintf(out, " mean %s\n", ho ? cjm_fmt_num(a, d->fn->stage_mean[s], 2)
                                           : "-");
            continue;
        }
        fprintf(out, " mean %s → %s",
                ho ? cjm_fmt_num(a, d->fo->stage_mean[os], 2) : "-",
                hn ? cjm_fmt_num(b, d->fn->stage_mean[s], 2) : "-");
        if (ho && hn)
            fprintf(out, " (%s)",
                    S_signed(c, cjm_round2(d->fn->stage_mean[s]) -
                                    cjm_round2(d->fo->stage_mean[os]), 2));
        putc('\n', out);
    }
}

static void S_ttouchpoints(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    for (size_t t = 0; t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0)
            fprintf(out, "    + %s (%s) \"%s\"\n", n->tps[t].id,
                    S_stage_of(n, t), n->tps[t].name);
    for (size_t t = 0; t < o->n_tps; t++) {
        if (d->tp_n_of_o[t] >= 0)
            continue;
        fprintf(out, "    - %s (%s) \"%s\"", o->tps[t].id, S_stage_of(o, t),
                o->tps[t].name);
        long h = cjm_diff_rename_hint(d, t);
        if (h >= 0)
            fprintf(out, "  [renamed to '%s'? it has the same name]",
                    n->tps[h].id);
        putc('\n', out);
    }
    for (size_t t = 0; t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t))
            fprintf(out, "    > %s: %s → %s\n", n->tps[t].id,
                    S_stage_of(o, (size_t)d->tp_o_of_n[t]), S_stage_of(n, t));
    for (size_t t = 0; t < n->n_tps; t++) {
        if (!d->tp_fields[t])
            continue;
        fprintf(out, "    ~ %s (%s): ", n->tps[t].id, S_stage_of(n, t));
        S_tfields(out, d, t);
        putc('\n', out);
    }
}

static void S_tfriction(FILE *out, const cjm_diff *d)
{
    static const char marks[] = {'+', '-', '~'};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < d->n_fr; i++) {
            const cjm_fr_change *c = &d->fr[i];
            if ((int)c->kind != k)
                continue;
            const cjm_journey *j = c->kind == CJM_FR_RESOLVED ? d->o : d->n;
            fprintf(out, "    %c %s: ", marks[k], j->tps[c->tp].id);
            if (c->kind == CJM_FR_SEVERITY)
                fprintf(out, "%s → %s", cjm_friction_severity_names[c->old_sev],
                        cjm_friction_severity_names[c->fr->severity]);
            else
                fputs(cjm_friction_severity_names[c->fr->severity], out);
            fprintf(out, ": \"%s\"%s\n", c->fr->text,
                    c->kind == CJM_FR_RESOLVED ? " (resolved)" : "");
        }
}

static bool S_has_stage_changes(const cjm_diff *d)
{
    if (d->o->n_stages != d->n->n_stages)
        return true;
    for (size_t s = 0; s < d->n->n_stages; s++)
        if (d->st_o_of_n[s] < 0 || cjm_diff_stage_changed(d, s))
            return true;
    return false;
}

static bool S_has_tp_changes(const cjm_diff *d)
{
    if (d->o->n_tps != d->n->n_tps)
        return true;
    for (size_t t = 0; t < d->n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0 || d->tp_fields[t] || cjm_diff_tp_moved(d, t))
            return true;
    return false;
}

static void S_text_one(FILE *out, const cjm_diff *d)
{
    cjm_diff_status st = cjm_diff_get_status(d);
    fprintf(out, "%s (%s): %s\n", S_jtitle(d), S_jid(d), status_names[st]);
    if (d->o)
        fprintf(out, "  old: %s\n", d->old_name);
    if (d->n)
        fprintf(out, "  new: %s\n", d->new_name);
    if (st == CJM_DIFF_UNCHANGED)
        return;
    S_tindex(out, d);
    for (size_t i = 0; i < d->n_trips; i++)
        fprintf(out, "  FAILED %s: %s\n", d->trips[i].cond,
                d->trips[i].message);
    if (!d->o || !d->n)
        return;
    if (S_has_stage_changes(d)) {
        fputs("  stages:\n", out);
        S_tstages(out, d);
    }
    if (S_has_tp_changes(d)) {
        fputs("  touchpoints:\n", out);
        S_ttouchpoints(out, d);
    }
    if (d->n_fr) {
        fputs("  friction:\n", out);
        S_tfriction(out, d);
    }
}

static void S_counts(cjm_diff *const *diffs, size_t n, size_t counts[4])
{
    memset(counts, 0, 4 * sizeof *counts);
    for (size_t i = 0; i < n; i++)
        counts[cjm_diff_get_status(diffs[i])]++;
}

static void S_text(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors)
{
    size_t counts[4], trips = S_trips(diffs, n);
    for (size_t i = 0; i < n; i++) {
        S_text_one(out, diffs[i]);
        putc('\n', out);
    }
    S_counts(diffs, n, counts);
    fprintf(out, "%zu journey%s: %zu changed, %zu added, %zu removed, %zu "
                 "unchanged; ",
            n, n == 1 ? "" : "s", counts[CJM_DIFF_CHANGED],
            counts[CJM_DIFF_ADDED], counts[CJM_DIFF_REMOVED],
            counts[CJM_DIFF_UNCHANGED]);
    if (errors)
        fprintf(out, "%zu not compared (errors); ", errors);
    size_t conds = 0;
    for (size_t i = 0; i < n; i++)
        conds += diffs[i]->n_conds;
    if (trips)
        fprintf(out, "gate FAILED: %zu condition%s tripped\n", trips,
                trips == 1 ? "" : "s");
    else if (conds)
        fputs("gate passed\n", out);
    else
        fputs("no gate set\n", out);
}

/* ---- Markdown ---------------------------------------------------------- */

static void S_mcell_mean(FILE *out, bool has, double v)
{
    char a[32];
    fputs(has ? cjm_fmt_num(a, v, 2) : "–", out);
}

static void S_mtable(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    const cjm_figures *fo = d->fo, *fn = d->fn;
    char a[48], b[32];
    fputs("| | Old | New | Change |\n|---|---:|---:|---:|\n| **Journey index** | ",
          out);
    if (fo->has_index)
        fprintf(out, "%s (%s %%)", cjm_fmt_num(a, fo->index, 2), cjm_fmt_fixed(b, fo->index_pct, 1));
    else
        fputs("–", out);
    fputs(" | ", out);
    if (fn->has_index)
        fprintf(out, "%s (%s %%)", cjm_fmt_num(a, fn->index, 2), cjm_fmt_fixed(b, fn->index_pct, 1));
    else
        fputs("–", out);
    fprintf(out, " | **%s** |\n",
            fo->has_index && fn->has_index
                ? S_arrow(a, cjm_round2(fn->index) - cjm_round2(fo->index), 2)
                : "–");
    for (size_t s = 0; s < n->n_stages; s++) {
        long os = d->st_o_of_n[s];
        fputs("| ", out);
        cjm_md_text(out, n->stages[s].name);
        fputs(os < 0 ? " *(new stage)* | – | " : " | ", out);
        if (os >= 0) {
            S_mcell_mean(out, fo->stage_has_mean[os], fo->stage_mean[os]);
            fputs(" | ", out);
        }
        S_mcell_mean(out, fn->stage_has_mean[s], fn->stage_mean[s]);
        fprintf(out, " | %s |\n",
                os >= 0 && fo->stage_has_mean[os] && fn->stage_has_mean[s]
                    ? S_arrow(a, cjm_round2(fn->stage_mean[s]) -
                                     cjm_round2(fo->stage_mean[os]), 2)
                    : os < 0 ? "new" : "–");
    }
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0) {
            fputs("| ~~", out);
            cjm_md_text(out, o->stages[s].name);
            fputs("~~ *(removed)* | ", out);
            S_mcell_mean(out, fo->stage_has_mean[s], fo->stage_mean[s]);
            fputs(" | – | removed |\n", out);
        }
    putc('\n', out);
}

static void S_mtp(FILE *out, const cjm_journey *j, size_t t)
{
    cjm_md_text(out, j->tps[t].name);
    fputs(" (`", out);
    cjm_md_text(out, j->tps[t].id);
    fputs("`, ", out);
    cjm_md_text(out, j->stages[j->tps[t].stage].name);
    putc(')', out);
}

typedef struct {
    size_t t;
    double delta;
} score_change;

static int S_by_size(const void *a, const void *b)
{
    const score_change *x = a, *y = b;
    double ax = fabs(x->delta), ay = fabs(y->delta);
    if (ax != ay)
        return ax < ay ? 1 : -1;
    return x->t < y->t ? -1 : x->t > y->t;
}

static void S_mscores(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    score_change *v = malloc((n->n_tps ? n->n_tps : 1) * sizeof *v);
    size_t k = 0;
    char a[32], b[32], c[48];
    for (size_t t = 0; v && t < n->n_tps; t++) {
        long ot = d->tp_o_of_n[t];
        if (ot >= 0 && (d->tp_fields[t] & (1u << CJM_F_SCORE)) &&
            n->tps[t].has_score && o->tps[ot].has_score)
            v[k++] = (score_change){
                t, cjm_round2(n->tps[t].score) - cjm_round2(o->tps[ot].score)};
    }
    if (k) {
        qsort(v, k, sizeof *v, S_by_size);
        fputs("**Score changes**, largest first\n\n| Touchpoint | Stage | Old | "
              "New | Change |\n|---|---|---:|---:|---:|\n",
              out);
        for (size_t i = 0; i < k; i++) {
            const cjm_touchpoint *tp = &n->tps[v[i].t];
            fputs("| ", out);
            cjm_md_text(out, tp->name);
            fputs(" | ", out);
            cjm_md_text(out, n->stages[tp->stage].name);
            fprintf(out, " | %s | %s | %s |\n",
                    cjm_fmt_num(a, o->tps[d->tp_o_of_n[v[i].t]].score, 2),
                    cjm_fmt_num(b, tp->score, 2), S_arrow(c, v[i].delta, 2));
        }
        putc('\n', out);
    }
    free(v);
}

static void S_mlists(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    bool any = false;
    for (size_t t = 0; t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0) {
            fputs(any ? "\n- " : "**Added touchpoints**\n\n- ", out);
            S_mtp(out, n, t);
            any = true;
        }
    fputs(any ? "\n\n" : "", out);
    any = false;
    for (size_t t = 0; t < o->n_tps; t++)
        if (d->tp_n_of_o[t] < 0) {
            fputs(any ? "\n- " : "**Removed touchpoints**\n\n- ", out);
            S_mtp(out, o, t);
            long h = cjm_diff_rename_hint(d, t);
            if (h >= 0) {
                fputs(": renamed to `", out);
                cjm_md_text(out, n->tps[h].id);
                fputs("`? It has the same name", out);
            }
            any = true;
        }
    fputs(any ? "\n\n" : "", out);
    any = false;
    for (size_t t = 0; t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t)) {
            fputs(any ? "\n- " : "**Moved touchpoints**\n\n- ", out);
            cjm_md_text(out, n->tps[t].name);
            fputs(": ", out);
            cjm_md_text(out, o->stages[o->tps[d->tp_o_of_n[t]].stage].name);
            fputs(" → ", out);
            cjm_md_text(out, n->stages[n->tps[t].stage].name);
            any = true;
        }
    fputs(any ? "\n\n" : "", out);
}

static void S_mfriction(FILE *out, const cjm_diff *d)
{
    static const char *const heads[] = {"**Friction added**",
                                        "**Friction resolved**",
                                        "**Friction severity changed**"};
    for (int k = 0; k < 3; k++) {
        bool any = false;
        for (size_t i = 0; i < d->n_fr; i++) {
            const cjm_fr_change *c = &d->fr[i];
            if ((int)c->kind != k)
                continue;
            const cjm_journey *j = c->kind == CJM_FR_RESOLVED ? d->o : d->n;
            if (!any)
                fprintf(out, "%s\n\n", heads[k]);
            if (c->kind == CJM_FR_SEVERITY)
                fprintf(out, "- %s → **%s**",
                        cjm_friction_severity_names[c->old_sev],
                        cjm_friction_severity_names[c->fr->severity]);
            else
                fprintf(out, "- **%s**",
                        cjm_friction_severity_names[c->fr->severity]);
            fputs(" at ", out);
            cjm_md_text(out, j->tps[c->tp].name);
            fputs(": ", out);
            cjm_md_text(out, c->fr->text);
            putc('\n', out);
            any = true;
        }
        fputs(any ? "\n" : "", out);
    }
}

static void S_mother(FILE *out, const cjm_diff *d)
{
    const unsigned score = 1u << CJM_F_SCORE;
    bool any = false;
    for (size_t t = 0; t < d->n->n_tps; t++) {
        if (!(d->tp_fields[t] & ~score))
            continue;
        fputs(any ? "- " : "**Other changes**\n\n- ", out);
        cjm_md_text(out, d->n->tps[t].name);
        fputs(": ", out);
        cjm_str s = {0};
        S_summary(&s, d, t, score);
        cjm_md_text(out, s.data ? s.data : "");
        cjm_str_free(&s);
        putc('\n', out);
        any = true;
    }
    fputs(any ? "\n" : "", out);
}

static void S_markdown_one(FILE *out, const cjm_diff *d)
{
    cjm_diff_status st = cjm_diff_get_status(d);
    fputs("### ", out);
    cjm_md_text(out, S_jtitle(d));
    fprintf(out, ": %s\n\n", status_names[st]);
    if (d->o) {
        fputs("old `", out);
        cjm_md_text(out, d->old_name);
        fputs(d->n ? "` · " : "`\n\n", out);
    }
    if (d->n) {
        fputs("new `", out);
        cjm_md_text(out, d->new_name);
        fputs("`\n\n", out);
    }
    if (!d->o || !d->n || st == CJM_DIFF_UNCHANGED)
        return;
    S_mtable(out, d);
    S_mlists(out, d);
    S_mscores(out, d);
    S_mother(out, d);
    S_mfriction(out, d);
}

static void S_markdown(FILE *out, cjm_diff *const *diffs, size_t n,
                       size_t errors)
{
    size_t counts[4], trips = S_trips(diffs, n);
    S_counts(diffs, n, counts);
    size_t conds = 0;
    for (size_t i = 0; i < n; i++)
        conds += diffs[i]->n_conds;
    if (errors)
        fprintf(out, "❌ **Journey diff failed: %zu journey file%s with "
                     "errors** (see the check output)",
                errors, errors == 1 ? "" : "s");
    else if (trips)
        fprintf(out, "❌ **Journey diff failed: %zu gate condition%s tripped**",
                trips, trips == 1 ? "" : "s");
    else if (conds)
        fputs("✅ **Journey diff passed: no gate condition tripped**", out);
    else
        fputs("**Journey diff**", out);
    fprintf(out, " · %zu of %zu journey%s changed, %zu added, %zu removed\n\n",
            counts[CJM_DIFF_CHANGED], n, n == 1 ? "" : "s",
            counts[CJM_DIFF_ADDED], counts[CJM_DIFF_REMOVED]);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < diffs[i]->n_trips; k++) {
            fputs("- ❌ `", out);
            cjm_md_text(out, diffs[i]->trips[k].cond);
            fputs("` ", out);
            cjm_md_text(out, S_jid(diffs[i]));
            fputs(": ", out);
            cjm_md_text(out, diffs[i]->trips[k].message);
            putc('\n', out);
        }
    fputs(trips ? "\n" : "", out);
    for (size_t i = 0; i < n; i++)
        S_markdown_one(out, diffs[i]);
}

/* ---- GitHub workflow commands ------------------------------------------- */

static void S_gh(FILE *out, const char *level, const char *file, cjm_pos pos,
                 const char *title, const char *fmt, const char *a,
                 const char *b)
{
    fprintf(out, "::%s ", level);
    if (file) {
        fputs("file=", out);
        cjm_gh_escape(out, file, true);
        fprintf(out, ",line=%d,col=%d,", pos.line ? pos.line : 1,
                pos.col ? pos.col : 1);
    }
    fputs("title=", out);
    cjm_gh_escape(out, title, true);
    fputs("::", out);
    char buf[1024];
    snprintf(buf, sizeof buf, fmt, a, b ? b : "");
    cjm_gh_escape(out, buf, false);
    putc('\n', out);
}

static void S_github_notices(FILE *out, const cjm_diff *d)
{
    const cjm_journey *o = d->o, *n = d->n;
    const char *f = d->new_name, *t = "cjm diff";
    for (size_t s = 0; s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0)
            S_gh(out, "notice", f, n->stages[s].pos, t, "stage '%s' added%s",
                 n->stages[s].id, NULL);
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0)
            S_gh(out, "notice", f, cjm_diff_gone_pos(d, s), t, "stage '%s' removed%s",
                 o->stages[s].id, NULL);
    for (size_t k = 0; k < n->n_tps; k++) {
        const cjm_touchpoint *tp = &n->tps[k];
        if (d->tp_o_of_n[k] < 0)
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' added%s", tp->id,
                 NULL);
        else if (cjm_diff_tp_moved(d, k))
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' moved from stage '%s'",
                 tp->id, S_stage_of(o, (size_t)d->tp_o_of_n[k]));
        else if (d->tp_fields[k]) {
            cjm_str sum = {0};
            S_summary(&sum, d, k, 0);
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' changed: %s",
                 tp->id, sum.data ? sum.data : "");
            cjm_str_free(&sum);
        }
    }
    for (size_t k = 0; k < o->n_tps; k++)
        if (d->tp_n_of_o[k] < 0)
            S_gh(out, "notice", f, cjm_diff_gone_pos(d, o->tps[k].stage), t,
                 "touchpoint '%s' removed%s", o->tps[k].id, NULL);
    for (size_t i = 0; i < d->n_fr; i++) {
        const cjm_fr_change *c = &d->fr[i];
        if (c->kind == CJM_FR_RESOLVED)
            S_gh(out, "notice", f, n->tps[d->tp_n_of_o[c->tp]].pos, t,
                 "friction resolved: %s%s", c->fr->text, NULL);
        else
            S_gh(out, "notice", f, c->fr->pos, t,
                 c->kind == CJM_FR_ADDED ? "friction added: %s%s"
                                         : "friction severity changed: %s%s",
                 c->fr->text, NULL);
    }
}

static void S_github(FILE *out, cjm_diff *const *diffs, size_t n)
{
    char title[128];
    for (size_t i = 0; i < n; i++) {
        const cjm_diff *d = diffs[i];
        /* A removed journey has no file left to point into. */
        const char *file = d->n ? d->new_name : NULL;
        for (size_t k = 0; k < d->n_trips; k++) {
            snprintf(title, sizeof title, "cjm diff: %s", d->trips[k].cond);
            S_gh(out, "error", file, d->trips[k].pos, title, "%s%s",
                 d->trips[k].message, NULL);
        }
        if (cjm_diff_get_status(d) == CJM_DIFF_ADDED)
            S_gh(out, "notice", file, d->n->pos, "cjm diff",
                 "journey '%s' added%s", d->n->id, NULL);
        else if (cjm_diff_get_status(d) == CJM_DIFF_REMOVED && !d->n_trips)
            S_gh(out, "notice", NULL, d->o->pos, "cjm diff",
                 "journey '%s' removed (%s)", d->o->id, d->old_name);
        else if (d->o && d->n)
            S_github_notices(out, d);
    }
}

int cjm_diffs_write(FILE *out, cjm_diff *const *diffs, size_t n,
                    size_t errors, cjm_format fmt)
{
    switch (fmt) {
    case CJM_FORMAT_JSON: S_json(out, diffs, n, errors); break;
    case CJM_FORMAT_MARKDOWN: S_markdown(out, diffs, n, errors); break;
    case CJM_FORMAT_GITHUB: S_github(out, diffs, n); break;
    default: S_text(out, diffs, n, errors); break;
    }
    return ferror(out) ? -1 : 0;
}
