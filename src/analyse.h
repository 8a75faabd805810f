/* The figures of a journey (struct shared by the report and the renderers). */
#ifndef CJM_ANALYSE_H
#define CJM_ANALYSE_H

#include "model.h"

enum { CJM_WEAKEST = 3 };

typedef struct {
    const char *name;
    size_t count;
} cjm_channel_count;

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
};

#endif
