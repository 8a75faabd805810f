/* print_diff_md: the diffs of a run as Markdown, the pull-request
 * comment. */
#include "print_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void S_mcell_mean(FILE *out, bool has, double v, cjm_lang L)
{
    char a[32];
    fputs(has ? cjm_num_plain(a, v, 2, false, L) : "–", out);
}

static void S_mtable(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const cjm_journey *o = d->o, *n = d->n;
    const cjm_figures *fo = d->fo, *fn = d->fn;
    char a[48], b[32];
    fprintf(out, "| | %s | %s | %s |\n|---|---:|---:|---:|\n| **%s** | ",
            cjm_w(L, W_D_OLD), cjm_w(L, W_D_NEW), cjm_w(L, W_D_CHANGE),
            cjm_w(L, W_D_JOURNEY_INDEX));
    if (fo->has_index)
        fprintf(out, "%s (%s %%)", cjm_num_plain(a, fo->index, 2, false, L), cjm_num_plain(b, fo->index_pct, 1, true, L));
    else
        fputs("–", out);
    fputs(" | ", out);
    if (fn->has_index)
        fprintf(out, "%s (%s %%)", cjm_num_plain(a, fn->index, 2, false, L), cjm_num_plain(b, fn->index_pct, 1, true, L));
    else
        fputs("–", out);
    fprintf(out, " | **%s** |\n",
            fo->has_index && fn->has_index
                ? cjm_dp_arrow(a, cjm_round2(fn->index) - cjm_round2(fo->index), 2, L)
                : "–");
    for (size_t s = 0; s < n->n_stages; s++) {
        long os = d->st_o_of_n[s];
        fputs("| ", out);
        cjm_md_text(out, n->stages[s].name);
        if (os < 0)
            fprintf(out, " *(%s)* | – | ", cjm_w(L, W_D_NEW_STAGE));
        else
            fputs(" | ", out);
        if (os >= 0) {
            S_mcell_mean(out, fo->stage_has_mean[os], fo->stage_mean[os], L);
            fputs(" | ", out);
        }
        S_mcell_mean(out, fn->stage_has_mean[s], fn->stage_mean[s], L);
        fprintf(out, " | %s |\n",
                os >= 0 && fo->stage_has_mean[os] && fn->stage_has_mean[s]
                    ? cjm_dp_arrow(a, cjm_round2(fn->stage_mean[s]) -
                                     cjm_round2(fo->stage_mean[os]), 2, L)
                    : os < 0 ? cjm_w(L, W_D_NEW_WORD) : "–");
    }
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0) {
            fputs("| ~~", out);
            cjm_md_text(out, o->stages[s].name);
            fprintf(out, "~~ *(%s)* | ",
                    cjm_w(L, cjm_diff_accepted(d, CJM_GATE_REMOVED_STAGE,
                                               o->stages[s].id)
                                 ? W_D_REMOVED_ACCEPTED
                                 : W_D_REMOVED));
            S_mcell_mean(out, fo->stage_has_mean[s], fo->stage_mean[s], L);
            fprintf(out, " | – | %s |\n", cjm_w(L, W_D_REMOVED));
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

static void S_mscores(FILE *out, const cjm_diff *d, cjm_lang L)
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
        fprintf(out, "**%s**, %s\n\n| %s | %s | %s | %s | %s |\n"
                     "|---|---|---:|---:|---:|\n",
                cjm_w(L, W_D_SCORE_CHANGES), cjm_w(L, W_D_LARGEST_FIRST),
                cjm_w(L, W_D_TOUCHPOINT), cjm_w(L, W_D_STAGE), cjm_w(L, W_D_OLD),
                cjm_w(L, W_D_NEW), cjm_w(L, W_D_CHANGE));
        for (size_t i = 0; i < k; i++) {
            const cjm_touchpoint *tp = &n->tps[v[i].t];
            fputs("| ", out);
            cjm_md_text(out, tp->name);
            fputs(" | ", out);
            cjm_md_text(out, n->stages[tp->stage].name);
            fprintf(out, " | %s | %s | %s |\n",
                    cjm_num_plain(a, o->tps[d->tp_o_of_n[v[i].t]].score, 2, false, L),
                    cjm_num_plain(b, tp->score, 2, false, L), cjm_dp_arrow(c, v[i].delta, 2, L));
        }
        putc('\n', out);
    }
    free(v);
}

/* The next item of a list, the first one under the list's heading. */
static void S_item(FILE *out, bool *any, cjm_word head, cjm_lang L)
{
    if (*any)
        fputs("\n- ", out);
    else
        fprintf(out, "**%s**\n\n- ", cjm_w(L, head));
    *any = true;
}

static void S_mlists(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const cjm_journey *o = d->o, *n = d->n;
    bool any = false;
    for (size_t t = 0; t < n->n_tps; t++)
        if (d->tp_o_of_n[t] < 0) {
            S_item(out, &any, W_D_ADDED_TPS, L);
            S_mtp(out, n, t);
        }
    fputs(any ? "\n\n" : "", out);
    any = false;
    for (size_t t = 0; t < o->n_tps; t++)
        if (d->tp_n_of_o[t] < 0) {
            S_item(out, &any, W_D_REMOVED_TPS, L);
            S_mtp(out, o, t);
            if (cjm_diff_accepted(d, CJM_GATE_REMOVED_TOUCHPOINT, o->tps[t].id))
                fprintf(out, " *(%s)*", cjm_w(L, W_D_ACCEPTED));
            long h = cjm_diff_rename_hint(d, t);
            if (h >= 0) {
                fprintf(out, ": %s `", cjm_w(L, W_D_RENAMED));
                cjm_md_text(out, n->tps[h].id);
                fprintf(out, "`? %s", cjm_w(L, W_D_SAME_NAME));
            }
        }
    fputs(any ? "\n\n" : "", out);
    any = false;
    for (size_t t = 0; t < n->n_tps; t++)
        if (cjm_diff_tp_moved(d, t)) {
            S_item(out, &any, W_D_MOVED_TPS, L);
            cjm_md_text(out, n->tps[t].name);
            fputs(": ", out);
            cjm_md_text(out, o->stages[o->tps[d->tp_o_of_n[t]].stage].name);
            fputs(" → ", out);
            cjm_md_text(out, n->stages[n->tps[t].stage].name);
        }
    fputs(any ? "\n\n" : "", out);
}

static void S_mfriction(FILE *out, const cjm_diff *d, cjm_lang L)
{
    static const cjm_word heads[] = {W_D_FR_ADDED, W_D_FR_RESOLVED,
                                     W_D_FR_SEVERITY};
    for (int k = 0; k < 3; k++) {
        bool any = false;
        for (size_t i = 0; i < d->n_fr; i++) {
            const cjm_fr_change *c = &d->fr[i];
            if ((int)c->kind != k)
                continue;
            const cjm_journey *j = c->kind == CJM_FR_RESOLVED ? d->o : d->n;
            if (!any)
                fprintf(out, "**%s**\n\n", cjm_w(L, heads[k]));
            if (c->kind == CJM_FR_SEVERITY)
                fprintf(out, "- %s → **%s**", cjm_w(L, W_SEVL_LOW + c->old_sev),
                        cjm_w(L, W_SEVL_LOW + c->fr->severity));
            else
                fprintf(out, "- **%s**", cjm_w(L, W_SEVL_LOW + c->fr->severity));
            fprintf(out, " %s ", cjm_w(L, W_D_AT));
            cjm_md_text(out, j->tps[c->tp].name);
            fputs(": ", out);
            cjm_md_text(out, c->fr->text);
            putc('\n', out);
            any = true;
        }
        fputs(any ? "\n" : "", out);
    }
}

static void S_mother(FILE *out, const cjm_diff *d, cjm_lang L)
{
    const unsigned score = 1u << CJM_F_SCORE;
    bool any = false;
    for (size_t t = 0; t < d->n->n_tps; t++) {
        if (!(d->tp_fields[t] & ~score))
            continue;
        if (any)
            fputs("- ", out);
        else
            fprintf(out, "**%s**\n\n- ", cjm_w(L, W_D_OTHER));
        cjm_md_text(out, d->n->tps[t].name);
        fputs(": ", out);
        cjm_str s = {0};
        cjm_dp_summary(&s, d, t, score, L);
        cjm_md_text(out, s.data ? s.data : "");
        cjm_str_free(&s);
        putc('\n', out);
        any = true;
    }
    fputs(any ? "\n" : "", out);
}

static void S_markdown_one(FILE *out, const cjm_diff *d, cjm_lang L)
{
    cjm_diff_status st = cjm_diff_get_status(d);
    fputs("### ", out);
    cjm_md_text(out, cjm_dp_title(d));
    fprintf(out, ": %s\n\n", cjm_w(L, W_D_ST_ADDED + st));
    if (d->o) {
        fprintf(out, "%s `", cjm_w(L, W_D_OLD_LC));
        cjm_md_text(out, d->old_name);
        fputs(d->n ? "` · " : "`\n\n", out);
    }
    if (d->n) {
        fprintf(out, "%s `", cjm_w(L, W_D_NEW_LC));
        cjm_md_text(out, d->new_name);
        fputs("`\n\n", out);
    }
    if (!d->o || !d->n || st == CJM_DIFF_UNCHANGED)
        return;
    S_mtable(out, d, L);
    if (d->j_fields) {
        cjm_str s = {0};
        cjm_dp_journey_summary(&s, d);
        fprintf(out, "**%s:** ", cjm_w(L, W_D_JOURNEY));
        cjm_md_text(out, s.data ? s.data : "");
        fputs("\n\n", out);
        cjm_str_free(&s);
    }
    S_mlists(out, d, L);
    S_mscores(out, d, L);
    S_mother(out, d, L);
    S_mfriction(out, d, L);
}

void cjm_dp_markdown(FILE *out, cjm_diff *const *diffs, size_t n,
                     size_t errors, const cjm_output_opts *o)
{
    size_t counts[4], trips = cjm_dp_trips(diffs, n);
    /* The comment's head speaks the first journey's language. */
    cjm_lang L = cjm_dp_lang(n ? diffs[0] : NULL, o);
    cjm_dp_counts(diffs, n, counts);
    size_t conds = 0;
    for (size_t i = 0; i < n; i++)
        conds += diffs[i]->n_conds;
    if (errors) {
        fputs("❌ **", out);
        fprintf(out, cjm_w(L, W_D_FAILED_ERRORS), errors,
                errors == 1 ? "" : cjm_w(L, W_D_PLURAL_EN));
        fprintf(out, "** (%s)", cjm_w(L, W_D_SEE_CHECK));
    } else if (trips) {
        fputs("❌ **", out);
        fprintf(out, cjm_w(L, W_D_FAILED_TRIPS), trips,
                trips == 1 ? "" : cjm_w(L, W_D_PLURAL_EN));
        fputs("**", out);
    } else {
        fprintf(out, "%s**%s**", conds ? "✅ " : "",
                cjm_w(L, conds ? W_D_PASSED : W_D_DIFF));
    }
    fputs(" · ", out);
    fprintf(out, cjm_w(L, W_D_COUNTS_MD), counts[CJM_DIFF_CHANGED], n,
            n == 1 ? "" : cjm_w(L, W_D_PLURAL_S), counts[CJM_DIFF_ADDED],
            counts[CJM_DIFF_REMOVED]);
    fputs("\n\n", out);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < diffs[i]->n_trips; k++) {
            fputs("- ❌ `", out);
            cjm_md_text(out, diffs[i]->trips[k].cond);
            fputs("` ", out);
            cjm_md_text(out, cjm_dp_id(diffs[i]));
            fputs(": ", out);
            cjm_md_text(out, diffs[i]->trips[k].message);
            putc('\n', out);
        }
    fputs(trips ? "\n" : "", out);
    for (size_t i = 0; i < n; i++)
        S_markdown_one(out, diffs[i], cjm_dp_lang(diffs[i], o));
}
