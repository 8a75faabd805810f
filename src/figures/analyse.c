/* analyse: the figures the spec defines (journey index, stage means, weakest
 * touchpoints, friction by severity, channel mix, channel switches). */
#include "analyse.h"

#include <stdlib.h>
#include <string.h>

static void S_means(cjm_figures *f)
{
    const cjm_journey *j = f->j;
    double sum = 0, wsum = 0;
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        double ssum = 0, sw = 0;
        for (size_t t = st->first; t < st->first + st->count; t++) {
            const cjm_touchpoint *tp = &j->tps[t];
            if (!tp->has_score)
                continue;
            ssum += tp->score * tp->weight;
            sw += tp->weight;
            f->scored++;
        }
        if (sw > 0) {
            f->stage_has_mean[s] = true;
            f->stage_mean[s] = ssum / sw;
        }
        sum += ssum;
        wsum += sw;
    }
    if (wsum > 0) {
        f->has_index = true;
        f->index = sum / wsum;
        f->index_pct =
            (f->index - j->scale_min) / (j->scale_max - j->scale_min) * 100;
    }
}

/* Lowest scores first; ties keep journey order. */
static void S_weakest(cjm_figures *f)
{
    const cjm_journey *j = f->j;
    for (size_t t = 0; t < j->n_tps; t++) {
        if (!j->tps[t].has_score)
            continue;
        double s = j->tps[t].score;
        size_t k = f->n_weakest;
        while (k > 0 && j->tps[f->weakest[k - 1]].score > s) {
            if (k < CJM_WEAKEST)
                f->weakest[k] = f->weakest[k - 1];
            k--;
        }
        if (k < CJM_WEAKEST) {
            f->weakest[k] = t;
            if (f->n_weakest < CJM_WEAKEST)
                f->n_weakest++;
        }
    }
}

/* One pass over the touchpoints: channel mix, switches and friction. */
static int S_counts(cjm_figures *f)
{
    const cjm_journey *j = f->j;
    f->channels = calloc(j->n_tps ? j->n_tps : 1, sizeof *f->channels);
    if (!f->channels)
        return -1;
    for (size_t t = 0; t < j->n_tps; t++) {
        const cjm_touchpoint *tp = &j->tps[t];
        if (tp->channel) {
            size_t c = 0;
            while (c < f->n_channels && strcmp(f->channels[c].name, tp->channel))
                c++;
            if (c == f->n_channels)
                f->channels[f->n_channels++].name = tp->channel;
            f->channels[c].count++;
        }
        for (size_t k = 0; k < tp->n_next; k++) {
            long n = tp->next[k];
            const char *other = n >= 0 ? j->tps[n].channel : NULL;
            if (tp->channel && other && strcmp(tp->channel, other) != 0)
                f->channel_switches++;
        }
        for (size_t k = 0; k < tp->n_friction; k++)
            f->friction[tp->friction[k].severity]++;
        f->contact[tp->indirect]++;
    }
    return 0;
}

/* The spec's weighting rule over touchpoints [first, first + n). */
static void S_kpis(const cjm_journey *j, size_t first, size_t n, cjm_kpis *k)
{
    memset(k, 0, sizeof *k);
    const int R = CJM_METRIC_RESPONSES;
    for (int m = 0; m < CJM_METRIC_COUNT; m++) {
        double sum = 0, wsum = 0, plain = 0;
        size_t carry = 0;
        bool all_weighted = true;
        for (size_t t = first; t < first + n; t++) {
            const cjm_metrics *mt = &j->tps[t].metrics;
            if (!mt->has[m])
                continue;
            carry++;
            plain += mt->value[m];
            if (m == R)
                continue;
            if (mt->has[R] && mt->value[R] > 0) {
                sum += mt->value[m] * mt->value[R];
                wsum += mt->value[R];
            } else {
                all_weighted = false;
            }
        }
        if (!carry)
            continue;
        k->has[m] = true;
        k->value[m] = m == R ? plain
                      : all_weighted && wsum > 0 ? sum / wsum
                                                 : plain / (double)carry;
    }
}

cjm_figures *cjm_figures_new(const cjm_journey *j)
{
    cjm_figures *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->j = j;
    size_t ns = j->n_stages ? j->n_stages : 1;
    f->stage_has_mean = calloc(ns, sizeof *f->stage_has_mean);
    f->stage_mean = calloc(ns, sizeof *f->stage_mean);
    f->stage_kpis = calloc(ns, sizeof *f->stage_kpis);
    if (!f->stage_has_mean || !f->stage_mean || !f->stage_kpis ||
        S_counts(f) != 0) {
        cjm_figures_free(f);
        return NULL;
    }
    S_kpis(j, 0, j->n_tps, &f->kpis);
    for (size_t s = 0; s < j->n_stages; s++)
        S_kpis(j, j->stages[s].first, j->stages[s].count, &f->stage_kpis[s]);
    S_means(f);
    S_weakest(f);
    return f;
}

void cjm_figures_free(cjm_figures *f)
{
    if (!f)
        return;
    free(f->stage_has_mean);
    free(f->stage_mean);
    free(f->stage_kpis);
    free(f->channels);
    free(f);
}

int cjm_figures_index(const cjm_figures *f, double *out)
{
    if (!f->has_index)
        return -1;
    *out = f->index;
    return 0;
}

int cjm_figures_index_pct(const cjm_figures *f, double *out)
{
    if (!f->has_index)
        return -1;
    *out = f->index_pct;
    return 0;
}

int cjm_figures_stage_mean(const cjm_figures *f, size_t stage, double *out)
{
    if (stage >= f->j->n_stages || !f->stage_has_mean[stage])
        return -1;
    *out = f->stage_mean[stage];
    return 0;
}

size_t cjm_figures_channel_switches(const cjm_figures *f)
{
    return f->channel_switches;
}
