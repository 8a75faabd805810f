/* The figures of a journey (struct shared by the report and the renderers). */
#ifndef CJM_ANALYSE_H
#define CJM_ANALYSE_H

#include "model.h"
#include "util.h"

enum { CJM_WEAKEST = 3 };

typedef struct {
    const char *name;
    size_t count;
} cjm_channel_count;

/* KPIs of a set of touchpoints (a stage, the journey): each figure the
 * mean of the touchpoints that carry it, weighted by their responses where
 * every one of them has responses, else unweighted; responses their sum. */
typedef struct {
    bool has[CJM_METRIC_COUNT];
    double value[CJM_METRIC_COUNT];
} cjm_kpis;

struct cjm_figures {
    const cjm_journey *j;
    size_t scored;
    bool has_index;
    double index, index_pct;
    bool *stage_has_mean; /* per stage */
    double *stage_mean;
    size_t weakest[CJM_WEAKEST]; /* touchpoint indices, lowest first */
    size_t n_weakest;
    size_t friction[CJM_SEV_COUNT];
    cjm_channel_count *channels; /* in order of first use */
    size_t n_channels;
    size_t channel_switches;
    size_t contact[2]; /* direct, indirect */
    cjm_kpis kpis;
    cjm_kpis *stage_kpis; /* per stage */
};

/* "CSAT 2.2 · CES 2.9 · NPS −10 · n = 1,240" of the metrics present, in
 * the language's number style (report.c; the map's cards say the same). */
void cjm_kpi_text(cjm_str *s, const double *value, const bool *has,
                  cjm_lang lang);

#endif
