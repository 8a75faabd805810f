/* print_survey: the figures of a survey for a person (a table per stage,
 * with the figures the journey holds now beside them) and as JSON (the
 * spec's shape). */
#include "lang.h"
#include "util.h"
#include "survey.h"

#include <math.h>
#include <string.h>


static void S_json(FILE *out, const cjm_survey *s)
{
    const cjm_journey *j = s->j;
    fputs("{\"journey\": ", out);
    cjm_json_string(out, j->id);
    fputs(", \"touchpoints\": [", out);
    bool first = true;
    for (size_t t = 0; t < j->n_tps; t++) {
        cjm_survey_figures f;
        if (!cjm_survey_figures_of(s, t, &f))
            continue;
        fputs(first ? "\n  {\"id\": " : ",\n  {\"id\": ", out);
        cjm_json_string(out, j->tps[t].id);
        fprintf(out, ", \"responses\": %zu, \"csat\": ", f.responses);
        cjm_json_num(out, f.has[CJM_CSAT], f.csat, 2, false);
        fputs(", \"csat_top2\": ", out);
        cjm_json_num(out, f.has[CJM_CSAT], f.csat_top2, 1, true);
        fputs(", \"ces\": ", out);
        cjm_json_num(out, f.has[CJM_CES], f.ces, 2, false);
        fputs(", \"nps\": ", out);
        if (f.has[CJM_NPS])
            fprintf(out, "%ld", f.nps);
        else
            fputs("null", out);
        fputs(", \"nps_moe\": ", out);
        cjm_json_num(out, f.has[CJM_NPS], f.nps_moe, 1, true);
        putc('}', out);
        first = false;
    }
    fputs(first ? "], \"skipped\": [" : "\n], \"skipped\": [", out);
    first = true;
    for (size_t t = 0; t < j->n_tps; t++) {
        cjm_survey_figures f;
        if (cjm_survey_figures_of(s, t, &f) || f.responses == 0)
            continue;
        fputs(first ? "{\"id\": " : ", {\"id\": ", out);
        cjm_json_string(out, j->tps[t].id);
        fprintf(out, ", \"responses\": %zu}", f.responses);
        first = false;
    }
    fputs("]}\n", out);
}

/* "2.41 (+0.21)": the new figure and its change against the journey. */
static void S_cell(FILE *out, int width, bool has, double x, int decimals,
                   bool had, double was, cjm_lang L)
{
    char a[32], b[48], cell[96];
    if (!has) {
        fprintf(out, "%*s", width, "-");
        return;
    }
    cjm_num_plain(a, x, decimals, false, L);
    if (had && round(x * 100) != round(was * 100)) {
        double d = x - was;
        snprintf(b, sizeof b, " (%s%s)", d > 0 ? "+" : "-",
                 cjm_num_plain(cell, d > 0 ? d : -d, decimals, false, L));
    } else if (had) {
        snprintf(b, sizeof b, " (=)");
    } else {
        snprintf(b, sizeof b, " (%s)", cjm_w(L, W_S_NEW));
    }
    snprintf(cell, sizeof cell, "%s%s", a, b);
    fprintf(out, "%*s", width, cell);
}

static void S_text(FILE *out, const cjm_survey *s, cjm_lang L)
{
    const cjm_journey *j = s->j;
    size_t with = 0, skipped = 0;
    for (size_t t = 0; t < j->n_tps; t++) {
        cjm_survey_figures f;
        if (cjm_survey_figures_of(s, t, &f))
            with++;
        else if (f.responses)
            skipped++;
    }
    fprintf(out, cjm_w(L, W_S_ROWS), j->title, j->id, s->rows);
    if (s->other_journeys)
        fprintf(out, cjm_w(L, W_S_OTHER), s->other_journeys);
    fprintf(out, cjm_w(L, W_S_WITH), with, with == 1 ? "" : "s", skipped,
            s->min_responses);
    fprintf(out, "\n%s\n", cjm_w(L, W_S_BRACKETS));
    for (size_t st = 0; st < j->n_stages; st++) {
        const cjm_stage *g = &j->stages[st];
        bool any = false;
        for (size_t t = g->first; t < g->first + g->count; t++)
            any |= s->t[t].responses > 0;
        if (!any)
            continue;
        /* The id column as wide as the longest id on display. */
        int idw = 22;
        for (size_t t = g->first; t < g->first + g->count; t++) {
            int w = cjm_text_width(j->tps[t].id);
            idw = w > idw ? w : idw;
        }
        fprintf(out, "\n%s\n  %-*s %7s %16s %7s %14s %16s\n", g->name, idw,
                cjm_w(L, W_S_TOUCHPOINT), "n", "CSAT", cjm_w(L, W_S_TOP2), "CES",
                "NPS");
        for (size_t t = g->first; t < g->first + g->count; t++) {
            const cjm_touchpoint *tp = &j->tps[t];
            const cjm_metrics *m = &tp->metrics;
            cjm_survey_figures f;
            char num[32];
            bool has = cjm_survey_figures_of(s, t, &f);
            if (!f.responses)
                continue;
            int w = cjm_text_width(tp->id);
            fprintf(out, "  %s%*s %7zu ", tp->id, idw - w, "", f.responses);
            if (!has) {
                fputs("  ", out);
                fprintf(out, cjm_w(L, W_S_UNDER), s->min_responses);
                putc('\n', out);
                continue;
            }
            S_cell(out, 16, f.has[CJM_CSAT], f.csat, 2, m->has[CJM_METRIC_CSAT],
                   m->value[CJM_METRIC_CSAT], L);
            if (f.has[CJM_CSAT])
                fprintf(out, " %5s %%",
                        cjm_num_plain(num, f.csat_top2, 1, true, L));
            else
                fprintf(out, " %7s", "-");
            S_cell(out, 15, f.has[CJM_CES], f.ces, 2, m->has[CJM_METRIC_CES],
                   m->value[CJM_METRIC_CES], L);
            S_cell(out, 12, f.has[CJM_NPS], (double)f.nps, 0,
                   m->has[CJM_METRIC_NPS], m->value[CJM_METRIC_NPS], L);
            if (f.has[CJM_NPS])
                fprintf(out, " ± %s", cjm_num_plain(num, f.nps_moe, 1, true, L));
            putc('\n', out);
        }
    }
}

int cjm_survey_write(FILE *out, const cjm_survey *s, cjm_format fmt,
                     const cjm_output_opts *o)
{
    cjm_lang L;
    if (cjm_output_lang(o, s->j->lang, &L) != 0)
        return -1;
    if (fmt == CJM_FORMAT_JSON)
        S_json(out, s);
    else
        S_text(out, s, L);
    return ferror(out) ? -1 : 0;
}
