/* survey: raw CSAT, CES and NPS answers (a CSV) tallied per touchpoint of
 * a journey, the figures the spec defines, and the edit that writes them
 * into the journey file. */
#ifndef CJM_SURVEY_H
#define CJM_SURVEY_H

#include "model.h"
#include "util.h"

enum { CJM_CSAT, CJM_CES, CJM_NPS, CJM_INSTRUMENTS };

/* Exact counts per answer value; every figure is computed from them and
 * rounded once, at the end. */
typedef struct {
    size_t count[CJM_INSTRUMENTS][11]; /* [instrument][value] */
    size_t answers[CJM_INSTRUMENTS];
    size_t responses; /* rows with at least one answer */
    cjm_pos first;    /* the first row about this touchpoint */
} cjm_tally;

/* The figures of one touchpoint, rounded as they are shown and written. */
typedef struct {
    bool has[CJM_INSTRUMENTS];
    double csat, csat_top2, ces, nps_moe;
    long nps;
    size_t responses;
} cjm_survey_figures;

struct cjm_survey {
    const cjm_journey *j;
    cjm_tally *t; /* per touchpoint of j */
    size_t min_responses;
    size_t rows, other_journeys;
    bool column[CJM_INSTRUMENTS];
};

extern const char *const cjm_instrument_names[CJM_INSTRUMENTS];

/* Whether touchpoint t has figures (enough responses), and them. */
bool cjm_survey_figures_of(const cjm_survey *s, size_t t,
                           cjm_survey_figures *f);

#endif
