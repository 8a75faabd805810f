/* libFuzzer harness: load + check + every diagnostics format + report + the
 * graph of every view (no layout) of arbitrary bytes, the diff against a
 * fixed journey both ways (every format, every gate condition, the
 * comparison map's graph), plus the policy loader and the --fail-on
 * parser, the Mermaid and JSON exports, and the same bytes read as a
 * Mermaid diagram by cjm import.  Build and run with `make fuzz`. */
#include "cjm.h"
#include "analyse.h"
#include "gv.h"
#include "render.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The other side of every diff: stages and touchpoints an input is likely
 * to share (the seeds use these ids), friction, metrics and a branch. */
static const char reference[] =
    "journey: Reference\n"
    "stages:\n"
    "  - id: awareness\n"
    "    touchpoints:\n"
    "      - {id: ad, name: Ad, channel: social, score: 4}\n"
    "      - {id: checkout, name: Checkout, channel: web, score: 2,\n"
    "         friction: [{text: Slow, severity: high}], next: [payment, ad]}\n"
    "  - id: purchase\n"
    "    touchpoints:\n"
    "      - {id: payment, name: Payment, channel: web, score: 3,\n"
    "         metrics: {csat: 3, responses: 10}}\n";
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
    cjm_report_write(out, j, f, CJM_FORMAT_TEXT, NULL);
    cjm_report_write(out, j, f, CJM_FORMAT_MARKDOWN, NULL);
    cjm_report_write(out, j, f, CJM_FORMAT_JSON, NULL);
    cjm_export_mermaid(out, j);
    cjm_export_json(out, j, f);
    /* Every view sized to its content and laid out for a page (the
     * wrapping into rows is the page's own code). */
    const cjm_gv_page *pages[3] = {NULL, cjm_page_size(CJM_PAGE_A3),
                                   cjm_page_size(CJM_PAGE_SLIDE)};
    for (int p = 0; p < 3; p++) {
        cjm_look look = {.owners = p == 1};
        cjm_graph *g[3] = {cjm_view_map(j, f, &look, pages[p]),
                           cjm_view_flow(j, f, &look, (size_t)p * 2 + 1, pages[p]),
                           cjm_view_channels(j, f, &look, pages[p])};
        for (int v = 0; v < 3; v++) {
            if (g[v])
                cjm_graph_write(g[v], out);
            cjm_graph_free(g[v]);
        }
    }
    cjm_figures_free(f);
}

static void S_diff(const cjm_journey *a, const cjm_journey *b, FILE *out)
{
    static cjm_renderer *r;
    if (!r)
        r = cjm_renderer_new();
    char err[256];
    cjm_gate *g = cjm_gate_parse("removed-journey,removed-stage,"
                                 "removed-touchpoint,index-drop:0,"
                                 "score-drop:0,new-friction:low",
                                 err, sizeof err);
    cjm_diff *d = cjm_diff_new(a, b, "old.yaml", "new.yaml");
    if (d && g) {
        cjm_diff_gate(d, g);
        for (int fmt = CJM_FORMAT_TEXT; fmt <= CJM_FORMAT_GITHUB; fmt++)
            cjm_diffs_write(out, &d, 1, 0, (cjm_format)fmt, NULL);
        if (a && b && r &&
            cjm_journey_touchpoint_count(a) + cjm_journey_touchpoint_count(b) <=
                CJM_MAX_RENDER_TOUCHPOINTS)
            cjm_diff_render(r, d, "dot", out, err, sizeof err);
    }
    cjm_diff_free(d);
    cjm_gate_free(g);
}

static void S_diffs(const cjm_journey *j, FILE *out)
{
    cjm_diags *d = cjm_diags_new("reference.yaml");
    cjm_journey *ref = d ? cjm_journey_load(reference, sizeof reference - 1,
                                            "reference.yaml", d)
                         : NULL;
    if (ref) {
        S_diff(ref, j, out);
        S_diff(j, ref, out);
        S_diff(NULL, j, out);
        S_diff(j, NULL, out);
    }
    cjm_journey_free(ref);
    cjm_diags_free(d);
}

/* The --fail-on parser on the input's first line. */
static void S_gate_text(const char *buf, size_t size)
{
    size_t n = 0;
    while (n < size && n < 256 && buf[n] != '\n' && buf[n] != '\0')
        n++;
    char *s = malloc(n + 1);
    if (!s)
        return;
    memcpy(s, buf, n);
    s[n] = '\0';
    char err[256];
    cjm_gate_free(cjm_gate_parse(s, err, sizeof err));
    free(s);
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
        cjm_journey_touchpoint_count(j) <= CJM_MAX_RENDER_TOUCHPOINTS) {
        S_views(j, out);
        S_diffs(j, out);
    }
    cjm_journey_free(j);
    cjm_diags_free(d);

    cjm_diags *pd = cjm_diags_new("policy.yaml");
    if (pd)
        cjm_policy_free(cjm_policy_load(buf, size, pd));
    cjm_diags_free(pd);
    S_gate_text(buf, size);
    /* The same bytes as a Mermaid diagram for cjm import. */
    cjm_diags *md = cjm_diags_new("fuzz.mmd");
    if (md)
        cjm_import_mermaid(buf, size, out, NULL, md);
    cjm_diags_free(md);
    return 0;
}
