/* libFuzzer harness: load + check + every diagnostics format + report + the
 * graph of every view (no layout) of arbitrary bytes, plus the policy
 * loader.  Build and run with
 * `make fuzz`. */
#include "cjm.h"
#include "analyse.h"
#include "gv.h"
#include "render.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One sink for everything the printers write; opened once per process. */
static FILE *S_sink(void)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    return sink;
}

static void S_views(const cjm_journey *j, FILE *out)
{
    cjm_figures *f = cjm_figures_new(j);
    if (!f)
        return;
    cjm_report_write(out, j, f, CJM_FORMAT_TEXT);
    cjm_report_write(out, j, f, CJM_FORMAT_MARKDOWN);
    cjm_report_write(out, j, f, CJM_FORMAT_JSON);
    cjm_graph *(*const views[3])(const cjm_journey *, const cjm_figures *) = {
        cjm_view_map, cjm_view_flow, cjm_view_channels};
    for (int v = 0; v < 3; v++) {
        cjm_graph *g = views[v](j, f);
        if (g)
            cjm_graph_write(g, out);
        cjm_graph_free(g);
    }
    cjm_figures_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *out = S_sink();
    const char *buf = (const char *)data;
    cjm_diags *d = cjm_diags_new("fuzz.yaml");
    if (!d || !out)
        return 0;
    cjm_journey *j = cjm_journey_load_checked(buf, size, "fuzz.yaml", NULL, d);
    cjm_diags_write(out, d, CJM_FORMAT_TEXT, buf, size);
    cjm_diags_write(out, d, CJM_FORMAT_JSON, buf, size);
    cjm_diags_write(out, d, CJM_FORMAT_GITHUB, buf, size);
    for (int fmt = CJM_FORMAT_SARIF; fmt <= CJM_FORMAT_JUNIT; fmt++) {
        cjm_printer *p = cjm_printer_new(out, (cjm_format)fmt);
        if (p) {
            cjm_printer_file(p, d, buf, size);
            cjm_printer_finish(p);
        }
    }
    if (j && cjm_diags_errors(d) == 0 &&
        cjm_journey_touchpoint_count(j) <= CJM_MAX_RENDER_TOUCHPOINTS)
        S_views(j, out);
    cjm_journey_free(j);
    cjm_diags_free(d);

    cjm_diags *pd = cjm_diags_new("policy.yaml");
    if (pd)
        cjm_policy_free(cjm_policy_load(buf, size, pd));
    cjm_diags_free(pd);
    return 0;
}
