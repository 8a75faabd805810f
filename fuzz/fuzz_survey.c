/* libFuzzer harness for cjm survey: arbitrary bytes as the CSV of answers
 * about a fixed journey, read (every finding), printed in both formats and
 * written into the journey (flow and block touchpoints, an existing block
 * metrics), whose result must load again.  `make fuzz-survey`. */
#include "cjm.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const char journey[] =
    "journey: Fuzz\n"
    "stages:\n"
    "  - id: s\n"
    "    touchpoints:\n"
    "      - {id: a, name: A, channel: web, score: 3}\n"
    "      - id: b\n"
    "        name: B\n"
    "        metrics:\n"
    "          csat: 2\n"
    "      - {id: checkout, name: C, metrics: {ces: 4, responses: 2}}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    cjm_diags *jd = cjm_diags_new("j.yaml"), *d = cjm_diags_new("fuzz.csv");
    cjm_journey *j = jd ? cjm_journey_load(journey, sizeof journey - 1,
                                           "j.yaml", jd)
                        : NULL;
    FILE *in = size ? fmemopen((void *)data, size, "rb") : NULL;
    char err[256];
    cjm_survey *s = j && d && in ? cjm_survey_read(in, j, 1, d, err, sizeof err)
                                 : NULL;
    if (s && sink) {
        cjm_diags_write(sink, d, CJM_FORMAT_TEXT, NULL, 0);
        cjm_survey_write(sink, s, CJM_FORMAT_TEXT, &(cjm_output_opts){.lang = "de"});
        cjm_survey_write(sink, s, CJM_FORMAT_JSON, NULL);
        size_t len;
        char *out = cjm_survey_apply(s, journey, sizeof journey - 1,
                                     CJM_SCORE_NPS, &len, err, sizeof err);
        if (out) {
            cjm_diags *ad = cjm_diags_new("out.yaml");
            cjm_journey *again = cjm_journey_load(out, len, "out.yaml", ad);
            if (!again && cjm_diags_errors(d) == 0)
                abort(); /* a valid survey must give a journey that loads */
            cjm_journey_free(again);
            cjm_diags_free(ad);
            free(out);
        }
    }
    cjm_survey_free(s);
    if (in)
        fclose(in);
    cjm_journey_free(j);
    cjm_diags_free(d);
    cjm_diags_free(jd);
    return 0;
}
