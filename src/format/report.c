/* report: a journey's figures as text, Markdown (for pull-request comments)
 * and JSON (the shape the format spec fixes). */
#include "analyse.h"
#include "channels.h"
#include "lang.h"
#include "util.h"

#include <math.h>

#include <string.h>


/* ---- JSON -------------------------------------------------------------- */

static void S_json_kpis(FILE *out, const cjm_kpis *k)
{
    static const int decimals[CJM_METRIC_COUNT] = {2, 2, 1, 0};
    fputs("{", out);
    for (int m = 0; m < CJM_METRIC_COUNT; m++) {
        fprintf(out, "%s\"%s\": ", m ? ", " : "", cjm_metric_names[m]);
        cjm_json_num(out, k->has[m], k->value[m], decimals[m], false);
    }
    fputs("}", out);
}

static void S_json(FILE *out, const cjm_journey *j, const cjm_figures *f)
{
    char a[32], b[32];
    fputs("{\"file\": ", out);
    cjm_json_string(out, j->file);
    fputs(", \"id\": ", out);
    cjm_json_string(out, j->id);
    fputs(", \"journey\": ", out);
    cjm_json_string(out, j->title);
    fprintf(out, ", \"scale\": [%s, %s], \"touchpoints\": %zu, \"scored\": %zu",
            cjm_fmt_num(a, j->scale_min, 2), cjm_fmt_num(b, j->scale_max, 2),
            j->n_tps, f->scored);
    fputs(", \"index\": ", out);
    cjm_json_num(out, f->has_index, f->index, 2, false);
    fputs(", \"index_pct\": ", out);
    /* always one decimal, as the spec shows: 53.0 */
    cjm_json_num(out, f->has_index, f->index_pct, 1, true);
    fputs(", \"stages\": [", out);
    for (size_t s = 0; s < j->n_stages; s++) {
        fputs(s ? ", {\"id\": " : "{\"id\": ", out);
        cjm_json_string(out, j->stages[s].id);
        fputs(", \"name\": ", out);
        cjm_json_string(out, j->stages[s].name);
        fprintf(out, ", \"touchpoints\": %zu, \"mean\": ", j->stages[s].count);
        cjm_json_num(out, f->stage_has_mean[s], f->stage_mean[s], 2, false);
        fputs(", \"metrics\": ", out);
        S_json_kpis(out, &f->stage_kpis[s]);
        putc('}', out);
    }
    fputs("], \"weakest\": [", out);
    for (size_t w = 0; w < f->n_weakest; w++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[w]];
        fputs(w ? ", {\"id\": " : "{\"id\": ", out);
        cjm_json_string(out, tp->id);
        fputs(", \"stage\": ", out);
        cjm_json_string(out, j->stages[tp->stage].id);
        fprintf(out, ", \"score\": %s}", cjm_fmt_num(a, tp->score, 2));
    }
    fputs("], \"friction\": {", out);
    for (int s = 0; s < CJM_SEV_COUNT; s++)
        fprintf(out, "%s\"%s\": %zu", s ? ", " : "",
                cjm_friction_severity_names[s], f->friction[s]);
    fputs("}, \"channels\": {", out);
    for (size_t c = 0; c < f->n_channels; c++) {
        fputs(c ? ", " : "", out);
        cjm_json_string(out, f->channels[c].name);
        fprintf(out, ": %zu", f->channels[c].count);
    }
    fprintf(out, "}, \"channel_switches\": %zu, \"contact\": {\"direct\": %zu, "
                 "\"indirect\": %zu}, \"metrics\": ",
            f->channel_switches, f->contact[0], f->contact[1]);
    S_json_kpis(out, &f->kpis);
    putc('}', out);
}

/* ---- text ---------------------------------------------------------- */

/* "3.12 / 5 (53.0 %)" or "no score yet", in the journey's language. */
static const char *S_index_text(char *buf, size_t size, const cjm_journey *j,
                                const cjm_figures *f)
{
    char a[48], b[48], c[48];
    if (!f->has_index)
        snprintf(buf, size, "%s", cjm_w(j->lang, W_NO_SCORE_YET));
    else
        snprintf(buf, size, "%s / %s (%s %%)", cjm_num(a, f->index, 2, j->lang),
                 cjm_num(b, j->scale_max, 2, j->lang),
                 cjm_num(c, round(f->index_pct * 10) / 10, 1, j->lang));
    return buf;
}

/* A ten-cell bar for a value on the journey's scale. */
static void S_bar(FILE *out, const cjm_journey *j, double v)
{
    int full = (int)((v - j->scale_min) / (j->scale_max - j->scale_min) * 10 +
                     0.5);
    for (int i = 0; i < 10; i++)
        fputs(i < full ? "#" : ".", out);
}

/* "CSAT 2.2 · CES 2.9 · NPS −10 · n = 1,240", or "" (the map says it the
 * same way). */
void cjm_kpi_text(cjm_str *s, const double *value, const bool *has,
                  cjm_lang lang)
{
    static const char *const labels[] = {"CSAT", "CES", "NPS"};
    static const int decimals[] = {2, 2, 1};
    char num[48];
    bool first = true;
    for (int m = 0; m < CJM_METRIC_RESPONSES; m++) {
        if (!has[m])
            continue;
        cjm_num(num, value[m], decimals[m], lang);
        cjm_str_printf(s, "%s%s %s%s", first ? "" : " · ", labels[m],
                       num[0] == '-' ? "−" : "", num[0] == '-' ? num + 1 : num);
        first = false;
    }
    if (has[CJM_METRIC_RESPONSES])
        cjm_str_printf(s, "%sn = %s", first ? "" : " · ",
                       cjm_count(num, value[CJM_METRIC_RESPONSES], lang));
}

static void S_kpi_line(FILE *out, const cjm_kpis *k, cjm_lang lang)
{
    cjm_str s = {0};
    cjm_kpi_text(&s, k->value, k->has, lang);
    fputs(s.data && *s.data ? s.data : "-", out);
    cjm_str_free(&s);
}

static void S_text(FILE *out, const cjm_journey *j, const cjm_figures *f)
{
    cjm_lang L = j->lang;
    char buf[160], a[48], b[48];
    fprintf(out, "%s (%s)\n", j->title, j->id);
    fprintf(out, "  %s: %s\n", cjm_w(L, W_FILE), j->file);
    if (j->persona)
        fprintf(out, "  %s: %s\n", cjm_w(L, W_PERSONA), j->persona);
    fprintf(out, "  %s: %s, %s %s – %s\n", cjm_w(L, W_STATE),
            cjm_w(L, j->future ? W_STATE_FUTURE : W_STATE_CURRENT),
            cjm_w(L, W_SCALE), cjm_num(a, j->scale_min, 2, L),
            cjm_num(b, j->scale_max, 2, L));
    fprintf(out, "  %s: %s ", cjm_w(L, W_JOURNEY_INDEX),
            S_index_text(buf, sizeof buf, j, f));
    fprintf(out, cjm_w(L, W_FROM_OF), f->scored, j->n_tps);
    fprintf(out, "\n  %s: ", cjm_w(L, W_KPIS));
    S_kpi_line(out, &f->kpis, L);
    fprintf(out, "\n  %s: %zu %s, %zu %s\n\n", cjm_w(L, W_CONTACT), f->contact[0],
            cjm_w(L, W_DIRECT), f->contact[1], cjm_w(L, W_INDIRECT));
    fprintf(out, "%s\n", cjm_w(L, W_STAGES));
    /* Padded by what the eye sees ("Übergabe" is 8 wide, not 9), as wide
     * as the longest name ("Kündigung beim Altanbieter"). */
    int col = 24;
    for (size_t s = 0; s < j->n_stages; s++) {
        int w = cjm_text_width(j->stages[s].name);
        col = w + 1 > col ? w + 1 : col;
    }
    for (size_t s = 0; s < j->n_stages; s++) {
        int w = cjm_text_width(j->stages[s].name);
        fprintf(out, "  %s%*s %3zu %s  ", j->stages[s].name, col - w, "",
                j->stages[s].count, cjm_w(L, W_TP));
        if (f->stage_has_mean[s]) {
            fprintf(out, "%5s  ", cjm_num(a, f->stage_mean[s], 2, L));
            S_bar(out, j, f->stage_mean[s]);
        } else {
            fputs("    -           ", out);
        }
        cjm_str k = {0};
        cjm_kpi_text(&k, f->stage_kpis[s].value, f->stage_kpis[s].has, L);
        if (k.data && *k.data)
            fprintf(out, "  %s", k.data);
        cjm_str_free(&k);
        putc('\n', out);
    }
    fprintf(out, "\n%s\n", cjm_w(L, W_WEAKEST));
    if (f->n_weakest == 0)
        fprintf(out, "  (%s)\n", cjm_w(L, W_NONE_SCORED));
    for (size_t w = 0; w < f->n_weakest; w++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[w]];
        fprintf(out, "  %zu. %s [%s, %s] %s\n", w + 1, tp->name, tp->id,
                j->stages[tp->stage].id, cjm_num(a, tp->score, 2, L));
    }
    fprintf(out, "\n%s: %zu %s, %zu %s, %zu %s, %zu %s\n",
            cjm_w(L, W_FRICTION_COUNTS), f->friction[CJM_SEV_CRITICAL],
            cjm_w(L, W_SEVL_CRITICAL), f->friction[CJM_SEV_HIGH],
            cjm_w(L, W_SEVL_HIGH), f->friction[CJM_SEV_MEDIUM],
            cjm_w(L, W_SEVL_MEDIUM), f->friction[CJM_SEV_LOW],
            cjm_w(L, W_SEVL_LOW));
    fprintf(out, "%s:", cjm_w(L, W_CHANNELS));
    for (size_t c = 0; c < f->n_channels; c++)
        fprintf(out, "%s %s %zu", c ? "," : "",
                cjm_channel_label(f->channels[c].name, L), f->channels[c].count);
    fprintf(out, "%s%s\n%s: %zu\n", f->n_channels ? "" : " ",
            f->n_channels ? "" : cjm_w(L, W_NONE),
            cjm_w(L, W_CHANNEL_SWITCHES_H), f->channel_switches);
}

/* ---- Markdown ---------------------------------------------------------- */

static void S_markdown(FILE *out, const cjm_journey *j, const cjm_figures *f,
                       bool no_mermaid)
{
    cjm_lang L = j->lang;
    char buf[160], a[48];
    fputs("### ", out);
    cjm_md_text(out, j->title);
    fputs("\n\n", out);
    fputs("`", out);
    cjm_md_text(out, j->file);
    fputs("`", out);
    if (j->persona) {
        fprintf(out, " · %s: ", cjm_w(L, W_PERSONA));
        cjm_md_text(out, j->persona);
    }
    fprintf(out, " · %s · **%s %s** · ",
            cjm_w(L, j->future ? W_FUTURE_STATE : W_CURRENT_STATE),
            cjm_w(L, W_JOURNEY_INDEX), S_index_text(buf, sizeof buf, j, f));
    fprintf(out, cjm_w(L, W_TOUCHPOINTS_SCORED), f->scored, j->n_tps);
    fputs("\n\n", out);
    fprintf(out, "| %s | %s | %s | %s |\n|---|---:|---:|---|\n",
            cjm_w(L, W_STAGE), cjm_w(L, W_TOUCHPOINTS), cjm_w(L, W_MEAN_H),
            cjm_w(L, W_KPIS));
    for (size_t s = 0; s < j->n_stages; s++) {
        fputs("| ", out);
        cjm_md_text(out, j->stages[s].name);
        fprintf(out, " | %zu | %s | ", j->stages[s].count,
                f->stage_has_mean[s] ? cjm_num(a, f->stage_mean[s], 2, L) : "–");
        cjm_str k = {0};
        cjm_kpi_text(&k, f->stage_kpis[s].value, f->stage_kpis[s].has, L);
        fputs(k.data && *k.data ? k.data : "–", out);
        cjm_str_free(&k);
        fputs(" |\n", out);
    }
    fprintf(out, "\n**%s:** ", cjm_w(L, W_KPIS));
    S_kpi_line(out, &f->kpis, L);
    fprintf(out, " · **%s:** %zu %s, %zu %s\n", cjm_w(L, W_CONTACT),
            f->contact[0], cjm_w(L, W_DIRECT), f->contact[1],
            cjm_w(L, W_INDIRECT));
    fprintf(out, "\n**%s**\n\n", cjm_w(L, W_WEAKEST));
    if (f->n_weakest == 0)
        fprintf(out, "%s\n", cjm_w(L, W_NONE_SCORED));
    for (size_t w = 0; w < f->n_weakest; w++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[w]];
        fprintf(out, "%zu. ", w + 1);
        cjm_md_text(out, tp->name);
        fputs(" (", out);
        cjm_md_text(out, j->stages[tp->stage].name);
        fprintf(out, "): %s\n", cjm_num(a, tp->score, 2, L));
    }
    fprintf(out, "\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
            cjm_w(L, W_FRICTION_COUNTS), cjm_w(L, W_SEVL_CRITICAL),
            cjm_w(L, W_SEVL_HIGH), cjm_w(L, W_SEVL_MEDIUM), cjm_w(L, W_SEVL_LOW));
    fprintf(out, "| %s | %zu | %zu | %zu | %zu |\n\n", cjm_w(L, W_COUNT_ROW),
            f->friction[CJM_SEV_CRITICAL], f->friction[CJM_SEV_HIGH],
            f->friction[CJM_SEV_MEDIUM], f->friction[CJM_SEV_LOW]);
    fprintf(out, "**%s:** ", cjm_w(L, W_CHANNELS));
    for (size_t c = 0; c < f->n_channels; c++) {
        fputs(c ? ", " : "", out);
        cjm_md_text(out, cjm_channel_label(f->channels[c].name, L));
        fprintf(out, " %zu", f->channels[c].count);
    }
    fprintf(out, "%s · **%s:** %zu\n", f->n_channels ? "" : cjm_w(L, W_NONE),
            cjm_w(L, W_CHANNEL_SWITCHES), f->channel_switches);
    /* A picture in the pull-request comment itself: GitHub and GitLab
     * draw Mermaid inline, no artefact to download. */
    if (!no_mermaid) {
        fputs("\n```mermaid\n", out);
        cjm_export_mermaid(out, j);
        fputs("```\n", out);
    }
}

int cjm_report_write(FILE *out, const cjm_journey *j, const cjm_figures *f,
                     cjm_format fmt, const cjm_output_opts *o)
{
    static const cjm_output_opts none = {0};
    o = o ? o : &none;
    cjm_journey shown = *j; /* the model stays as loaded */
    if (cjm_output_lang(o, j->lang, &shown.lang) != 0)
        return -1;
    j = &shown;
    switch (fmt) {
    case CJM_FORMAT_JSON: S_json(out, j, f); break;
    case CJM_FORMAT_MARKDOWN: S_markdown(out, j, f, o->no_mermaid); break;
    default: S_text(out, j, f); break;
    }
    return ferror(out) ? -1 : 0;
}
