/* init: the skeleton of a new journey, commented for a first-time author.
 * It passes `cjm check` as written (with one touchpoint-count warning: a
 * complete journey has 12-20 touchpoints, the skeleton one per stage). */
#include "cjm.h"
#include "util.h"
#include "util.h"

#include <stdbool.h>
#include <string.h>

static const char *const default_stages[] = {
    "awareness", "consideration", "purchase", "delivery", "service", "loyalty"};

/* A YAML double-quoted scalar. */
static void S_quote(cjm_str *s, const char *text)
{
    cjm_str_puts(s, "\"");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            cjm_str_printf(s, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            cjm_str_printf(s, "\\x%02x", *p);
        else
            cjm_str_append(s, (const char *)p, 1);
    }
    cjm_str_puts(s, "\"");
}

static void S_quoted(FILE *out, const char *text)
{
    cjm_str s = {0};
    S_quote(&s, text);
    fputs(s.failed ? "\"\"" : s.data, out);
    cjm_str_free(&s);
}

/* "key: "value"" with its comment at column 41 (or after the value). */
static void S_keyed(FILE *out, const char *key, const char *value,
                    const char *note)
{
    cjm_str s = {0};
    cjm_str_puts(&s, key);
    S_quote(&s, value);
    if (note) {
        int w = cjm_text_width(s.failed ? "" : s.data);
        cjm_str_printf(&s, "%*s # %s", w < 40 ? 40 - w : 0, "", note);
    }
    fprintf(out, "%s\n", s.failed ? "" : s.data);
    cjm_str_free(&s);
}

/* One line of YAML with its comment aligned at column 41 (first stage
 * only: the others stay bare so the file does not drown in comments). */
static void S_line(FILE *out, bool comment, const char *yaml,
                   const char *note)
{
    if (comment && note)
        fprintf(out, "%-40s # %s\n", yaml, note);
    else
        fprintf(out, "%s\n", yaml);
}

static void S_stage(FILE *out, const char *id, const char *given, bool first)
{
    char name[64], line[192];
    snprintf(name, sizeof name, "%s", id);
    if (name[0] >= 'a' && name[0] <= 'z')
        name[0] = (char)(name[0] - 'a' + 'A');
    fprintf(out, "%s  - id: %s\n", first ? "" : "\n", id);
    if (given && strcmp(given, name) != 0) {
        S_keyed(out, "    name: ", given, first ? "column header on the map" : NULL);
        snprintf(name, sizeof name, "%s", given);
    } else if (first) {
        snprintf(line, sizeof line, "    # name: %s", name);
        S_line(out, true, line, "column header (default: id, capitalised)");
    }
    fputs("    touchpoints:\n", out);
    if (first)
        fputs("      # One contact the customer has with you, in journey order.\n"
              "      # Add two to four per stage: a complete journey has 12-20.\n",
              out);
    snprintf(line, sizeof line, "      - id: %s-1", id);
    S_line(out, first, line, "unique; 'next' and policies use it");
    snprintf(line, sizeof line, "First touchpoint of %s", name);
    S_keyed(out, "        name: ", line, first ? "the label on the map" : NULL);
    S_line(out, first, "        channel: web", "web, app, email, phone, chat, store, ...");
    S_line(out, first, "        score: 3", "the experience, on the scale above");
    if (!first)
        return;
    S_line(out, true, "        # description: What happens here", "a tooltip on the map");
    S_line(out, true, "        # moment_of_truth: true", "decides the relationship");
    S_line(out, true, "        # metrics: {csat: 4.1, responses: 300}", "also ces, nps");
    S_line(out, true, "        # friction:", "where it hurts, and the proof");
    S_line(out, true, "        #   - text: Forced account creation", NULL);
    S_line(out, true, "        #     severity: high", "low, medium, high, critical");
    S_line(out, true, "        #     evidence: 38% of sessions drop off", NULL);
    S_line(out, true, "        # opportunities: [Guest checkout]", NULL);
    S_line(out, true, "        # next: [other-id]", "default: the next touchpoint");
}

int cjm_journey_skeleton(FILE *out, const cjm_skeleton *sk)
{
    const char *const *stages = sk->stages, *const *names = sk->names;
    size_t n = sk->n;
    if (n == 0) {
        stages = default_stages;
        names = NULL;
        n = sizeof default_stages / sizeof default_stages[0];
    }
    if (sk->schema)
        fprintf(out, "# yaml-language-server: $schema=%s\n", sk->schema);
    fputs("# A customer journey for cjm.  Check it:  cjm check FILE\n"
          "# Draw it:  cjm render FILE    Figures:  cjm report FILE\n"
          "\n",
          out);
    S_keyed(out, "journey: ",
            sk->title && *sk->title ? sk->title : "New customer journey",
            "the title of the map");
    S_line(out, true, "persona:", "whose journey it is");
    fputs("  name: ", out);
    S_quoted(out, sk->persona && *sk->persona ? sk->persona : "Our customer");
    fputs("\n  goals:\n    - What they want to achieve\n", out);
    S_line(out, true, "state: current", "current (as-is) or future (to-be)");
    S_line(out, true, "scale: [1, 5]", "range of every score; higher is better");
    S_line(out, true, "# requires:", "rules CI enforces for this journey");
    S_line(out, true, "#   stages: [awareness, purchase]", NULL);
    S_line(out, true, "#   scored: true", NULL);
    fputs("\n", out);
    fputs("stages:", out);
    fputs("                                  # in journey order\n", out);
    for (size_t i = 0; i < n; i++)
        S_stage(out, stages[i], names ? names[i] : NULL, i == 0);
    return ferror(out) ? -1 : 0;
}
