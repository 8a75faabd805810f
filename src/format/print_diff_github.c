/* print_diff_github: the diffs of a run as GitHub workflow commands
 * (annotations on the pull request's files). */
#include "print_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    if (d->j_fields) {
        cjm_str s = {0};
        cjm_dp_journey_summary(&s, d);
        S_gh(out, "notice", f, n->pos, t, "journey changed: %s%s",
             s.data ? s.data : "", NULL);
        cjm_str_free(&s);
    }
    for (size_t s = 0; s < n->n_stages; s++)
        if (d->st_o_of_n[s] < 0)
            S_gh(out, "notice", f, n->stages[s].pos, t, "stage '%s' added%s",
                 n->stages[s].id, NULL);
    for (size_t s = 0; s < o->n_stages; s++)
        if (d->st_n_of_o[s] < 0)
            S_gh(out, "notice", f, cjm_diff_gone_pos(d, s), t, "stage '%s' removed%s",
                 o->stages[s].id,
                 cjm_diff_accepted(d, CJM_GATE_REMOVED_STAGE, o->stages[s].id)
                     ? " (accepted)" : NULL);
    for (size_t k = 0; k < n->n_tps; k++) {
        const cjm_touchpoint *tp = &n->tps[k];
        if (d->tp_o_of_n[k] < 0)
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' added%s", tp->id,
                 NULL);
        else if (cjm_diff_tp_moved(d, k))
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' moved from stage '%s'",
                 tp->id, cjm_dp_stage_of(o, (size_t)d->tp_o_of_n[k]));
        else if (d->tp_fields[k]) {
            cjm_str sum = {0};
            cjm_dp_summary(&sum, d, k, 0, CJM_LANG_EN); /* never translated */
            S_gh(out, "notice", f, tp->pos, t, "touchpoint '%s' changed: %s",
                 tp->id, sum.data ? sum.data : "");
            cjm_str_free(&sum);
        }
    }
    for (size_t k = 0; k < o->n_tps; k++)
        if (d->tp_n_of_o[k] < 0)
            S_gh(out, "notice", f, cjm_diff_gone_pos(d, o->tps[k].stage), t,
                 "touchpoint '%s' removed%s", o->tps[k].id,
                 cjm_diff_accepted(d, CJM_GATE_REMOVED_TOUCHPOINT, o->tps[k].id)
                     ? " (accepted)" : NULL);
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

void cjm_dp_github(FILE *out, cjm_diff *const *diffs, size_t n)
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
