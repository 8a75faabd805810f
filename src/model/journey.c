/* journey: the model's fixed names, finding a touchpoint by id, the
 * accessors of the public API, and freeing. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

const char *const cjm_friction_severity_names[CJM_SEV_COUNT] = {
    "low", "medium", "high", "critical"};
const char *const cjm_metric_names[CJM_METRIC_COUNT] = {"csat", "ces", "nps",
                                                        "responses"};

long cjm_journey_find(const cjm_journey *j, const char *id)
{
    size_t lo = 0, hi = j->n_tps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(j->tps[j->by_id[mid]].id, id);
        if (c == 0) {
            /* The first of equal ids, so lookups are deterministic. */
            while (mid > 0 && strcmp(j->tps[j->by_id[mid - 1]].id, id) == 0)
                mid--;
            return (long)j->by_id[mid];
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

void cjm_journey_free(cjm_journey *j)
{
    if (!j)
        return;
    cjm_arena_release(&j->arena);
    free(j);
}

const char *cjm_journey_id(const cjm_journey *j) { return j->id; }
const char *cjm_journey_title(const cjm_journey *j) { return j->title; }
const char *cjm_journey_file(const cjm_journey *j) { return j->file; }
size_t cjm_journey_stage_count(const cjm_journey *j) { return j->n_stages; }
size_t cjm_journey_touchpoint_count(const cjm_journey *j) { return j->n_tps; }
