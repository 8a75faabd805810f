/* print_diff_text: the diffs of a run as a changelog. */
#include "print_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void S_tfields(FILE *out, const cjm_diff *d, size_t t, cjm_lang L)
{
    cjm_str s = {0};
    cjm_dp_summary(&s, d, t, 0, L);
    fputs(s.data ? s.data : "", out);
    cjm_str_free(&s);
}

static void S_tindex(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const cjm_figures *fo = d->fo, *fn = d->fn;
    const cjm_journey *j = d->n ? d->n : d->o;
    char a[32], b[32], c[32], e[32];
    bool ho = fo && fo->has_index, hn = fn && fn->has_index;
    fprintf(out, "  %s: ", cjm_w(L, W_D_INDEX));
    fputs(ho ? cjm_num_plain(a, fo->index, 2, false, L) : "-", out);
    fputs(" → ", out);
    fputs(hn ? cjm_num_plain(b, fn->index, 2, false, L) : "-", out);
    fprintf(out, " / %s", cjm_num_plain(c, j->scale_max, 2, false, L));
    if (ho && hn)
        fprintf(out, " (%s)",
                cjm_dp_signed(e, cjm_round2(fn->index) - cjm_round2(fo->index), 2, L));
    if (ho || hn) {
        fputs(", ", out);
        if (ho)
            fprintf(out, "%s %%", cjm_num_plain(a, fo->index_pct, 1, true, L));
        else
            fputs("-", out);
        fputs(" → ", out);
        if (hn)
            fprintf(out, "%s %%", cjm_num_plain(a, fn->index_pct, 1, true, L));
        else
            fputs("-", out);
        if (ho && hn)
            fprintf(out, " (%s %s)",
                    cjm_dp_signed(e, cjm_dp_pct1(fn->index_pct) - cjm_dp_pct1(fo->index_pct), 1, L),
                    cjm_w(L, W_D_POINTS));
    }
    putc('\n', out);
}

static void S_tstages(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const cjm_journey *o = d->o, *n = d->n;
    char a[32], b[32], c[32];
    for (size_t s = 0; s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0)
            fprintf(out, "    + %s \"%s\"\n", n->stages[s].id, n->stages[s].name);
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0)
        {
            bool acc = cjm_diff_accepted(d, CJM_GATE_REMOVED_STAGE, o->stages[s].id);
            fprintf(out, "    - %s \"%s\"%s%s%s\n", o->stages[s].id,
                    o->stages[s].name, acc ? " (" : "",
                    acc ? cjm_w(L, W_D_ACCEPTED) : "", acc ? ")" : "");
        }
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
            fprintf(out, " mean %s\n", ho ? cjm_num_plain(a, d->fn->stage_mean[s], 2, false, L)
                                           : "-");
            continue;
        }
        fprintf(out, " mean %s → %s",
                ho ? cjm_num_plain(a, d->fo->stage_mean[os], 2, false, L) : "-",
                hn ? cjm_num_plain(b, d->fn->stage_mean[s], 2, false, L) : "-");
        if (ho && hn)
            fprintf(out, " (%s)",
                    cjm_dp_signed(c, cjm_round2(d->fn->stage_mean[s]) -
                                    cjm_round2(d->fo->stage_mean[os]), 2, L));
        putc('\n', out);
    }
}

static void S_ttouchpoints(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const cjm_journey *o = d->o, *n = d->n;
    for (size_t t = 0; t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0)
            fprintf(out, "    + %s (%s) \"%s\"\n", n->tps[t].id,
                    cjm_dp_stage_of(n, t), n->tps[t].name);
    for (size_t t = 0; t < o->n_tps; t++) {
        if (d->tp_n_of_o[t] >= 0)
            continue;
        bool acc = cjm_diff_accepted(d, CJM_GATE_REMOVED_TOUCHPOINT, o->tps[t].id);
        fprintf(out, "    - %s (%s) \"%s\"%s%s%s", o->tps[t].id,
                cjm_dp_stage_of(o, t), o->tps[t].name, acc ? " (" : "",
                acc ? cjm_w(L, W_D_ACCEPTED) : "", acc ? ")" : "");
        long h = cjm_diff_rename_hint(d, t);
        if (h >= 0)
        {
            fputs("  [", out);
            fprintf(out, cjm_w(L, W_D_RENAMED_TEXT), n->tps[h].id);
            putc(']', out);
        }
        putc('\n', out);
    }
    for (size_t t = 0; t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t))
            fprintf(out, "    > %s: %s → %s\n", n->tps[t].id,
                    cjm_dp_stage_of(o, (size_t)d->tp_o_of_n[t]), cjm_dp_stage_of(n, t));
    for (size_t t = 0; t < n->n_tps; t++) {
        if (!d->tp_fields[t])
            continue;
        fprintf(out, "    ~ %s (%s): ", n->tps[t].id, cjm_dp_stage_of(n, t));
        S_tfields(out, d, t, L);
        putc('\n', out);
    }
}

static void S_tfriction(FILE *out, const cjm_diff *d, cjm_lang L)
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
                fprintf(out, "%s → %s", cjm_w(L, W_SEVL_LOW + c->old_sev),
                        cjm_w(L, W_SEVL_LOW + c->fr->severity));
            else
                fputs(cjm_w(L, W_SEVL_LOW + c->fr->severity), out);
            fprintf(out, ": \"%s\"%s%s%s\n", c->fr->text,
                    c->kind == CJM_FR_RESOLVED ? " (" : "",
                    c->kind == CJM_FR_RESOLVED ? cjm_w(L, W_D_RESOLVED) : "",
                    c->kind == CJM_FR_RESOLVED ? ")" : "");
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

static void S_text_one(FILE *out, const cjm_diff *d, cjm_lang L)
{
    cjm_diff_status st = cjm_diff_get_status(d);
    fprintf(out, "%s (%s): %s\n", cjm_dp_title(d), cjm_dp_id(d),
            cjm_w(L, W_D_ST_ADDED + st));
    if (d->o)
        fprintf(out, "  %s: %s\n", cjm_w(L, W_D_OLD_LC), d->old_name);
    if (d->n)
        fprintf(out, "  %s: %s\n", cjm_w(L, W_D_NEW_LC), d->new_name);
    if (st == CJM_DIFF_UNCHANGED)
        return;
    S_tindex(out, d, L);
    if (d->j_fields) {
        cjm_str s = {0};
        cjm_dp_journey_summary(&s, d);
        fprintf(out, "  %s: %s\n", L == CJM_LANG_EN ? "journey" : "Journey",
                s.data ? s.data : "");
        cjm_str_free(&s);
    }
    for (size_t i = 0; i < d->n_trips; i++)
        fprintf(out, "  %s %s: %s\n", cjm_w(L, W_D_FAILED), d->trips[i].cond,
                d->trips[i].message);
    if (!d->o || !d->n)
        return;
    if (S_has_stage_changes(d)) {
        fprintf(out, "  %s:\n", cjm_w(L, W_D_STAGES));
        S_tstages(out, d, L);
    }
    if (S_has_tp_changes(d)) {
        fprintf(out, "  %s:\n", cjm_w(L, W_D_TOUCHPOINTS));
        S_ttouchpoints(out, d, L);
    }
    if (d->n_fr) {
        fprintf(out, "  %s:\n", cjm_w(L, W_D_FRICTION));
        S_tfriction(out, d, L);
    }
}

void cjm_dp_text(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors,
                 const cjm_output_opts *o)
{
    size_t counts[4], trips = cjm_dp_trips(diffs, n);
    /* The run's summary speaks the first journey's language. */
    cjm_lang L = n ? cjm_dp_lang(diffs[0], o) : cjm_dp_lang(NULL, o);
    for (size_t i = 0; i < n; i++) {
        S_text_one(out, diffs[i], cjm_dp_lang(diffs[i], o));
        putc('\n', out);
    }
    cjm_dp_counts(diffs, n, counts);
    fprintf(out, cjm_w(L, W_D_COUNTS_TEXT),
            n, n == 1 ? "" : cjm_w(L, W_D_PLURAL_S), counts[CJM_DIFF_CHANGED],
            counts[CJM_DIFF_ADDED], counts[CJM_DIFF_REMOVED],
            counts[CJM_DIFF_UNCHANGED]);
    if (errors)
        fprintf(out, cjm_w(L, W_D_NOT_COMPARED), errors);
    size_t conds = 0;
    for (size_t i = 0; i < n; i++)
        conds += diffs[i]->n_conds;
    if (trips)
    {
        fprintf(out, cjm_w(L, W_D_GATE_FAILED), trips,
                trips == 1 ? "" : cjm_w(L, W_D_PLURAL_EN));
        putc('\n', out);
    } else
        fprintf(out, "%s\n", cjm_w(L, conds ? W_D_GATE_PASSED : W_D_NO_GATE));
}
