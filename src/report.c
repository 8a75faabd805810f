/* report: a journey's figures as text, Markdown (for pull-request comments)
 * and JSON (the shape the format spec fixes). */
#include "analyse.h"
#include "label.h"
#include "util.h"

#include <string.h>

static const char *S_state(const cjm_journey *j)
{
    return j->future ? "future" : "current";
}

/* ---- JSON -------------------------------------------------------------- */

static void S_json_num(FILE *out, bool has, double x, int decimals)
{
    char buf[32];
    fputs(has ? cjm_fmt_num(buf, x, decimals) : "null", out);
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
    S_json_num(out, f->has_index, f->index, 2);
    fputs(", \"index_pct\": ", out);
    if (f->has_index) /* always one decimal, as the spec shows: 53.0 */
        fprintf(out, "%.1f", f->index_pct == 0 ? 0.0 : f->index_pct);
    else
        fputs("null", out);
    fputs(", \"stages\": [", out);
    for (size_t s = 0; s < j->n_stages; s++) {
        fputs(s ? ", {\"id\": " : "{\"id\": ", out);
        cjm_json_string(out, j->stages[s].id);
        fputs(", \"name\": ", out);
        cjm_json_string(out, j->stages[s].name);
        fprintf(out, ", \"touchpoints\": %zu, \"mean\": ", j->stages[s].count);
        S_json_num(out, f->stage_has_mean[s], f->stage_mean[s], 2);
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
    fprintf(out, "}, \"channel_switches\": %zu}", f->channel_switches);
}

/* ---- text -------------------------------------------------------------- */

/* "3.12 / 5 (53.0 %)" or "no score yet" */
static const char *S_index_text(char *buf, size_t size, const cjm_journey *j,
                                const cjm_figures *f)
{
    char a[32], b[32];
    if (!f->has_index)
        snprintf(buf, size, "no score yet");
    else
        snprintf(buf, size, "%s / %s (%.1f %%)", cjm_fmt_num(a, f->index, 2),
                 cjm_fmt_num(b, j->scale_max, 2), f->index_pct);
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

static void S_text(FILE *out, const cjm_journey *j, const cjm_figures *f)
{
    char buf[128], a[32], b[32];
    fprintf(out, "%s (%s)\n", j->title, j->id);
    fprintf(out, "  file: %s\n", j->file);
    if (j->persona)
        fprintf(out, "  persona: %s\n", j->persona);
    fprintf(out, "  state: %s, scale %s to %s\n", S_state(j),
            cjm_fmt_num(a, j->scale_min, 2), cjm_fmt_num(b, j->scale_max, 2));
    fprintf(out, "  journey index: %s from %zu of %zu touchpoints\n\n",
            S_index_text(buf, sizeof buf, j, f), f->scored, j->n_tps);
    fputs("Stages\n", out);
    for (size_t s = 0; s < j->n_stages; s++) {
        /* Padded by what the eye sees: "Übergabe" is 8 wide, not 9. */
        int w = cjm_text_width(j->stages[s].name);
        fprintf(out, "  %s%*s %3zu tp  ", j->stages[s].name, w < 24 ? 24 - w : 0,
                "", j->stages[s].count);
        if (f->stage_has_mean[s]) {
            fprintf(out, "%5s  ", cjm_fmt_num(a, f->stage_mean[s], 2));
            S_bar(out, j, f->stage_mean[s]);
        } else {
            fputs("    -", out);
        }
        putc('\n', out);
    }
    fputs("\nWeakest touchpoints\n", out);
    if (f->n_weakest == 0)
        fputs("  (none scored)\n", out);
    for (size_t w = 0; w < f->n_weakest; w++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[w]];
        fprintf(out, "  %zu. %s [%s, %s] %s\n", w + 1, tp->name, tp->id,
                j->stages[tp->stage].id, cjm_fmt_num(a, tp->score, 2));
    }
    fprintf(out, "\nFriction: %zu critical, %zu high, %zu medium, %zu low\n",
            f->friction[CJM_SEV_CRITICAL], f->friction[CJM_SEV_HIGH],
            f->friction[CJM_SEV_MEDIUM], f->friction[CJM_SEV_LOW]);
    fputs("Channels:", out);
    for (size_t c = 0; c < f->n_channels; c++)
        fprintf(out, "%s %s %zu", c ? "," : "", f->channels[c].name,
                f->channels[c].count);
    fprintf(out, "%s\nChannel switches: %zu\n", f->n_channels ? "" : " none",
            f->channel_switches);
}

/* ---- Markdown ---------------------------------------------------------- */

static void S_markdown(FILE *out, const cjm_journey *j, const cjm_figures *f)
{
    char buf[128], a[32];
    fputs("### ", out);
    cjm_md_text(out, j->title);
    fputs("\n\n", out);
    fputs("`", out);
    cjm_md_text(out, j->file);
    fputs("`", out);
    if (j->persona) {
        fputs(" · persona: ", out);
        cjm_md_text(out, j->persona);
    }
    fprintf(out, " · %s state · **journey index %s** · %zu of %zu "
                 "touchpoints scored\n\n",
            S_state(j), S_index_text(buf, sizeof buf, j, f), f->scored,
            j->n_tps);
    fputs("| Stage | Touchpoints | Mean |\n|---|---:|---:|\n", out);
    for (size_t s = 0; s < j->n_stages; s++) {
        fputs("| ", out);
        cjm_md_text(out, j->stages[s].name);
        fprintf(out, " | %zu | %s |\n", j->stages[s].count,
                f->stage_has_mean[s] ? cjm_fmt_num(a, f->stage_mean[s], 2)
                                     : "–");
    }
    fputs("\n**Weakest touchpoints**\n\n", out);
    if (f->n_weakest == 0)
        fputs("none scored\n", out);
    for (size_t w = 0; w < f->n_weakest; w++) {
        const cjm_touchpoint *tp = &j->tps[f->weakest[w]];
        fprintf(out, "%zu. ", w + 1);
        cjm_md_text(out, tp->name);
        fputs(" (", out);
        cjm_md_text(out, j->stages[tp->stage].name);
        fprintf(out, "): %s\n", cjm_fmt_num(a, tp->score, 2));
    }
    fputs("\n| Friction | critical | high | medium | low |\n"
          "|---|---:|---:|---:|---:|\n",
          out);
    fprintf(out, "| count | %zu | %zu | %zu | %zu |\n\n",
            f->friction[CJM_SEV_CRITICAL], f->friction[CJM_SEV_HIGH],
            f->friction[CJM_SEV_MEDIUM], f->friction[CJM_SEV_LOW]);
    fputs("**Channels:** ", out);
    for (size_t c = 0; c < f->n_channels; c++) {
        fputs(c ? ", " : "", out);
        cjm_md_text(out, f->channels[c].name);
        fprintf(out, " %zu", f->channels[c].count);
    }
    fprintf(out, "%s · **channel switches:** %zu\n",
            f->n_channels ? "" : "none", f->channel_switches);
}

int cjm_report_write(FILE *out, const cjm_journey *j, const cjm_figures *f,
                     cjm_format fmt)
{
    switch (fmt) {
    case CJM_FORMAT_JSON: S_json(out, j, f); break;
    case CJM_FORMAT_MARKDOWN: S_markdown(out, j, f); break;
    default: S_text(out, j, f); break;
    }
    return ferror(out) ? -1 : 0;
}
