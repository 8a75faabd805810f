/* export_mermaid: a journey as a Mermaid `journey` diagram (the spec's
 * Mermaid section), which GitHub and GitLab draw in Markdown. */
#include "cjm.h"
#include "analyse.h"
#include "lang.h"
#include "util.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* Text for Mermaid's journey grammar: '#' starts a comment, ';' ends a
 * statement, ':' separates fields, ',' separates actors, "%%" starts a
 * comment; all are written as Mermaid entity codes (#35; ...), which
 * Mermaid turns back into the characters, and so are < > & `.  Line breaks become spaces.  A
 * word the lexer would take for a keyword at the start ("section …") gets
 * its first letter encoded. */
static void S_mmd_text(FILE *out, const char *s, bool actor)
{
    static const char *const keywords[] = {"title", "section", "journey",
                                           "accTitle", "accDescr"};
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
        size_t n = strlen(keywords[k]);
        if (strncasecmp(s, keywords[k], n) == 0) {
            fprintf(out, "#%d;", (unsigned char)*s);
            s++;
            break;
        }
    }
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                   s[len - 1] == '\r'))
        len--;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        /* < > & ` as codes too: no HTML, and nothing that could close a
         * Markdown fence, reaches a pull-request comment raw. */
        if (c == '#' || c == ':' || c == ';' || (c == ',' && actor) ||
            (c == '%' && i + 1 < len && s[i + 1] == '%') || c == '{' ||
            c == '}' || c == '<' || c == '>' || c == '&' || c == '`')
            fprintf(out, "#%d;", (unsigned char)c);
        else if (c == '\n' || c == '\r' || c == '\t')
            putc(' ', out);
        else
            putc(c, out);
    }
}

/* A score on Mermaid's 1-5, one decimal. */
double cjm_mermaid_score(const cjm_journey *j, double score)
{
    double t = (score - j->scale_min) / (j->scale_max - j->scale_min);
    return round((1 + 4 * t) * 10) / 10;
}

int cjm_export_mermaid(FILE *out, const cjm_journey *j)
{
    char num[32];
    fputs("journey\n    title ", out);
    S_mmd_text(out, j->title, false);
    putc('\n', out);
    for (size_t s = 0; s < j->n_stages; s++) {
        const cjm_stage *st = &j->stages[s];
        fputs("    section ", out);
        S_mmd_text(out, st->name, false);
        putc('\n', out);
        for (size_t t = st->first; t < st->first + st->count; t++) {
            const cjm_touchpoint *tp = &j->tps[t];
            if (!tp->has_score)
                fputs("      %% unscored in cjm: shown at the middle, 3\n", out);
            fputs("      ", out);
            S_mmd_text(out, tp->name, false);
            fprintf(out, ": %s", tp->has_score
                                     ? cjm_fmt_num(num, cjm_mermaid_score(j, tp->score), 1)
                                     : "3");
            if (tp->n_actors || j->persona) {
                fputs(": ", out);
                for (size_t a = 0; a < tp->n_actors; a++) {
                    fputs(a ? ", " : "", out);
                    S_mmd_text(out, tp->actors[a], true);
                }
                if (!tp->n_actors)
                    S_mmd_text(out, j->persona, true);
            }
            putc('\n', out);
        }
    }
    return ferror(out) ? -1 : 0;
}
