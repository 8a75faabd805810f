/* print_diff_parts: what the four formats of a diff share (names,
 * rounding, signed deltas, a changed touchpoint's summary).  Figures are shown rounded (means and scores to
 * 2 decimals, percentages to 1) and every delta is the difference of the
 * shown values. */
#include "print_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cjm_dp_status_names[] = {"added", "removed", "changed",
                                           "unchanged"};

const char *cjm_dp_id(const cjm_diff *d)
{
    return d->n ? d->n->id : d->o->id;
}

const char *cjm_dp_title(const cjm_diff *d)
{
    return d->n ? d->n->title : d->o->title;
}

double cjm_dp_pct1(double x)
{
    return round(x * 10) / 10;
}

/* "+0.28", "-0.5", "0": decimals places, trailing zeros dropped. */
const char *cjm_dp_signed(char *buf, double delta, int decimals, cjm_lang L)
{
    char num[32];
    double r = round(delta * pow(10, decimals)) / pow(10, decimals);
    if (r == 0)
        return strcpy(buf, "0");
    snprintf(buf, 32, "%s%s", r > 0 ? "+" : "-",
             cjm_num_plain(num, fabs(r), decimals, false, L));
    return buf;
}

/* "▲ +0.28", "▼ −0.5" or "=": the arrow carries the direction without
 * colour. */
const char *cjm_dp_arrow(char *buf, double delta, int decimals, cjm_lang L)
{
    char num[32];
    double r = round(delta * pow(10, decimals)) / pow(10, decimals);
    if (r == 0)
        return strcpy(buf, "=");
    snprintf(buf, 48, "%s %s%s", r > 0 ? "▲" : "▼", r > 0 ? "+" : "−",
             cjm_num_plain(num, fabs(r), decimals, false, L));
    return buf;
}

const char *cjm_dp_stage_of(const cjm_journey *j, size_t t)
{
    return j->stages[j->tps[t].stage].id;
}


size_t cjm_dp_trips(cjm_diff *const *diffs, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += diffs[i]->n_trips;
    return k;
}

void cjm_dp_counts(cjm_diff *const *diffs, size_t n, size_t counts[4])
{
    memset(counts, 0, 4 * sizeof *counts);
    for (size_t i = 0; i < n; i++)
        counts[cjm_diff_get_status(diffs[i])]++;
}

void cjm_dp_value(cjm_str *s, const cjm_touchpoint *tp, int f, cjm_lang L)
{
    char num[32];
    switch (f) {
    case CJM_F_NAME: cjm_str_printf(s, "\"%s\"", tp->name); break;
    case CJM_F_CHANNEL: cjm_str_puts(s, tp->channel ? tp->channel : "(none)"); break;
    case CJM_F_CONTACT: cjm_str_puts(s, tp->indirect ? "indirect" : "direct"); break;
    case CJM_F_SCORE:
        cjm_str_puts(s, tp->has_score ? cjm_num_plain(num, tp->score, 2, false, L) : "(none)");
        break;
    case CJM_F_MOT: cjm_str_puts(s, tp->moment_of_truth ? "yes" : "no"); break;
    case CJM_F_WEIGHT: cjm_str_puts(s, cjm_num_plain(num, tp->weight, 2, false, L)); break;
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
                            ? cjm_num_plain(num, tp->metrics.value[m], 2, false, L)
                            : "(none)");
    }
    }
}

/* "score 1.8 → 3.6 (+1.8); channel phone → app" for new touchpoint t,
 * leaving out the fields in `skip` (bits). */
void cjm_dp_summary(cjm_str *s, const cjm_diff *d, size_t t, unsigned skip,
                    cjm_lang L)
{
    const cjm_touchpoint *tp = &d->n->tps[t], *was = &d->o->tps[d->tp_o_of_n[t]];
    char buf[32];
    bool first = true;
    for (int f = 0; f < CJM_F_COUNT; f++) {
        if (!(d->tp_fields[t] & (1u << f)) || (skip & (1u << f)))
            continue;
        cjm_str_printf(s, "%s%s ", first ? "" : "; ", cjm_diff_field_names[f]);
        cjm_dp_value(s, was, f, L);
        cjm_str_puts(s, " → ");
        cjm_dp_value(s, tp, f, L);
        if (f == CJM_F_SCORE && tp->has_score && was->has_score)
            cjm_str_printf(s, " (%s)", cjm_dp_signed(buf, cjm_round2(tp->score) -
                                                         cjm_round2(was->score),
                                                2, L));
        first = false;
    }
}

void cjm_dp_journey_summary(cjm_str *s, const cjm_diff *d)
{
    char a[64], b[64];
    bool first = true;
    for (int f = 0; f < CJM_J_COUNT; f++) {
        if (!(d->j_fields & (1u << f)))
            continue;
        const char *x = cjm_diff_journey_value(d->o, f, a),
                   *y = cjm_diff_journey_value(d->n, f, b);
        cjm_str_printf(s, "%s%s %s → %s", first ? "" : "; ",
                       cjm_diff_journey_field_names[f], x ? x : "(none)",
                       y ? y : "(none)");
        first = false;
    }
}

cjm_lang cjm_dp_lang(const cjm_diff *d, const cjm_output_opts *o)
{
    cjm_lang own = !d ? CJM_LANG_EN : d->n ? d->n->lang
                                    : d->o ? d->o->lang : CJM_LANG_EN, L;
    return cjm_output_lang(o, own, &L) == 0 ? L : own;
}
