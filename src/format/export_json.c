/* export_json: the whole checked model as JSON (schema/model.schema.json),
 * with the report's figures. */
#include "cjm.h"
#include "analyse.h"
#include "lang.h"
#include "util.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static void S_str(FILE *out, const char *key, const char *s)
{
    fprintf(out, "\"%s\": ", key);
    if (s)
        cjm_json_string(out, s);
    else
        fputs("null", out);
}

static void S_pos(FILE *out, cjm_pos p)
{
    fprintf(out, "\"position\": {\"line\": %d, \"column\": %d}", p.line, p.col);
}

static void S_strings(FILE *out, const char *key, const char *const *v,
                      size_t n)
{
    fprintf(out, "\"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        cjm_json_string(out, v[i]);
    }
    putc(']', out);
}

static void S_num(FILE *out, const char *key, bool has, double x)
{
    fprintf(out, "\"%s\": ", key);
    cjm_json_num(out, has, x, 6, false);
}

static void S_refs(FILE *out, const char *key, const cjm_ref *r, size_t n)
{
    if (*key)
        fprintf(out, "\"%s\": ", key);
    fputs("[", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        cjm_json_string(out, r[i].id);
    }
    putc(']', out);
}

/* The policy a journey's own `requires:` states, defaults filled in. */
static void S_requires(FILE *out, const cjm_policy *p)
{
    fprintf(out, "\"requires\": {\"touchpoints\": {\"min\": %ld, \"max\": %ld}, ",
            p->has_min ? p->min : 12, p->has_max ? p->max : 20);
    S_refs(out, "stages", p->stages, p->has_stages ? p->n_stages : 0);
    fputs(", ", out);
    S_refs(out, "channels", p->channels, p->has_channels ? p->n_channels : 0);
    fputs(", \"catalogue\": {", out);
    for (size_t e = 0; p->has_catalogue && e < p->n_catalogue; e++) {
        fputs(e ? ", " : "", out);
        cjm_json_string(out, p->catalogue[e].stage);
        fputs(": ", out);
        S_refs(out, "", p->catalogue[e].touchpoints, p->catalogue[e].n);
    }
    fprintf(out, "}, \"scored\": %s, ", p->has_scored && p->scored ? "true" : "false");
    if (p->has_allowed)
        S_refs(out, "allowed_channels", p->allowed, p->n_allowed);
    else
        fputs("\"allowed_channels\": null", out);
    fputs(", \"rules\": {", out);
    for (size_t i = 0; p->has_rules && i < p->n_rules; i++)
        fprintf(out, "%s\"%s\": \"%s\"", i ? ", " : "",
                cjm_rule_name(p->rules[i].rule),
                p->rules[i].off ? "off" : cjm_severity_name(p->rules[i].sev));
    fputs("}, \"gate\": [", out);
    for (size_t i = 0; p->has_gate && i < p->n_gate; i++) {
        fputs(i ? ", " : "", out);
        cjm_json_string(out, p->gate[i].text);
    }
    fputs("]}", out);
}

static void S_touchpoint(FILE *out, const cjm_journey *j, size_t t)
{
    const cjm_touchpoint *tp = &j->tps[t];
    fputs("{", out);
    S_str(out, "id", tp->id);
    fputs(", ", out);
    S_str(out, "name", tp->name);
    fputs(", ", out);
    S_str(out, "channel", tp->channel);
    fprintf(out, ", \"contact\": \"%s\", ", tp->indirect ? "indirect" : "direct");
    S_str(out, "description", tp->description);
    fputs(", ", out);
    S_str(out, "owner", tp->owner);
    fputs(", ", out);
    S_strings(out, "actors", tp->actors, tp->n_actors);
    fputs(", ", out);
    S_num(out, "score", tp->has_score, tp->score);
    fputs(", \"metrics\": {", out);
    for (int m = 0; m < CJM_METRIC_COUNT; m++) {
        fputs(m ? ", " : "", out);
        S_num(out, cjm_metric_names[m], tp->metrics.has[m], tp->metrics.value[m]);
    }
    fprintf(out, "}, \"moment_of_truth\": %s, ", tp->moment_of_truth ? "true" : "false");
    S_num(out, "weight", true, tp->weight);
    fprintf(out, ", \"entry\": %s, \"next\": [", tp->entry ? "true" : "false");
    for (size_t k = 0; k < tp->n_next; k++) {
        fputs(k ? ", " : "", out);
        cjm_json_string(out, j->tps[tp->next[k]].id);
    }
    fprintf(out, "], \"next_written\": %s, \"friction\": [",
            tp->has_next ? "true" : "false");
    for (size_t k = 0; k < tp->n_friction; k++) {
        const cjm_friction *fr = &tp->friction[k];
        fputs(k ? ", {" : "{", out);
        S_str(out, "text", fr->text);
        fprintf(out, ", \"severity\": \"%s\", ",
                cjm_friction_severity_names[fr->severity]);
        S_str(out, "evidence", fr->evidence);
        fputs(", ", out);
        S_pos(out, fr->pos);
        putc('}', out);
    }
    fputs("], ", out);
    S_strings(out, "opportunities", tp->opportunities, tp->n_opportunities);
    fputs(", ", out);
    S_str(out, "quote", tp->quote);
    fputs(", ", out);
    S_pos(out, tp->pos);
    putc('}', out);
}

int cjm_export_json(FILE *out, const cjm_journey *j, const cjm_figures *f)
{
    char a[32], b[32];
    fputs("{\"format\": \"cjm-journey/1.1\", ", out);
    S_str(out, "file", j->file);
    fputs(", ", out);
    S_str(out, "id", j->id);
    fputs(", ", out);
    S_str(out, "journey", j->title);
    fputs(", ", out);
    S_str(out, "description", j->description);
    fputs(", \"persona\": ", out);
    if (j->persona) {
        fputs("{", out);
        S_str(out, "name", j->persona);
        fputs(", ", out);
        S_str(out, "description", j->persona_description);
        fputs(", ", out);
        S_strings(out, "goals", j->goals, j->n_goals);
        fputs("}", out);
    } else {
        fputs("null", out);
    }
    fputs(", ", out);
    S_str(out, "owner", j->owner);
    fprintf(out, ", \"state\": \"%s\", \"scale\": [%s, %s], \"lang\": \"%s\", ",
            j->future ? "future" : "current", cjm_fmt_num(a, j->scale_min, 6),
            cjm_fmt_num(b, j->scale_max, 6), cjm_lang_name(j->lang));
    S_requires(out, &j->requires);
    fputs(", \"stages\": [", out);
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        fputs(s ? ",\n  {" : "\n  {", out);
        S_str(out, "id", st->id);
        fputs(", ", out);
        S_str(out, "name", st->name);
        fputs(", ", out);
        S_str(out, "description", st->description);
        fputs(", ", out);
        S_pos(out, st->pos);
        fputs(", \"touchpoints\": [", out);
        for (size_t t = st->first; t < st->first + st->count; t++) {
            fputs(t > st->first ? ",\n    " : "\n    ", out);
            S_touchpoint(out, j, t);
        }
        fputs("]}", out);
    }
    fputs("],\n \"figures\": ", out);
    cjm_report_write(out, j, f, CJM_FORMAT_JSON, NULL);
    fputs("}\n", out);
    return ferror(out) ? -1 : 0;
}
