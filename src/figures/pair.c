/* pair: which journeys of two sets (two folders, or a revision and the
 * working tree) are the same journey.  They pair by id, so a renamed file
 * is still the same journey. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

long cjm_journeys_find(const cjm_journey *const *js, const bool *skip,
                       size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!skip[i] && strcmp(js[i]->id, id) == 0)
            return (long)i;
    return -1;
}

long cjm_journeys_pair(const cjm_journey *const *os, const bool *oskip,
                       size_t on, const cjm_journey *const *ns,
                       const bool *nskip, size_t nn, cjm_pair *out)
{
    long *n_of_o = malloc((on ? on : 1) * sizeof *n_of_o);
    long *anchor = malloc((on ? on : 1) * sizeof *anchor);
    if (!n_of_o || !anchor) {
        free(n_of_o);
        free(anchor);
        return -1;
    }
    long last = -1;
    for (size_t i = 0; i < on; i++) {
        n_of_o[i] = oskip[i] ? -2 : cjm_journeys_find(ns, nskip, nn, os[i]->id);
        anchor[i] = last;
        if (n_of_o[i] >= 0)
            last = n_of_o[i];
    }
    size_t k = 0;
    for (long ni = -1; ni < (long)nn; ni++) {
        if (ni >= 0 && !nskip[ni]) {
            long oi = -1;
            for (size_t i = 0; i < on && oi < 0; i++)
                if (n_of_o[i] == ni)
                    oi = (long)i;
            out[k++] = (cjm_pair){oi, ni};
        }
        for (size_t i = 0; i < on; i++)
            if (n_of_o[i] == -1 && anchor[i] == ni)
                out[k++] = (cjm_pair){(long)i, -1};
    }
    free(n_of_o);
    free(anchor);
    return (long)k;
}
