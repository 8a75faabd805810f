/* import: a Mermaid `journey` diagram turned into a journey file.  Reads
 * what Mermaid's own grammar reads (journey.jison: `title`, front matter
 * `title:`, accTitle / accDescr as the description, `section`, tasks
 * `name: score: actors`, `%%` and `#` comments, entity codes like #35;),
 * reports at the diagram's line what Mermaid would reject, and warns where
 * Mermaid would silently read something else than a person meant. */
#include "model.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { LEAD = -1 };

typedef struct {
    char *name, **actors;
    size_t n_actors;
    double score;
    bool unscored;
    long stage; /* section index, or LEAD */
    int line;
} task;

typedef struct {
    char *title, *descr;
    char **stages; /* names */
    int *stage_line;
    size_t n_stages;
    bool next_unscored;
    bool stop; /* not a journey: nothing more to read */
    task *tasks;
    size_t n_tasks, cap_tasks;
    cjm_diags *d;
    bool oom;
} diagram;

/* "#35;" -> '#', "#58;" -> ':' ...: Mermaid's entity codes, numeric ones
 * and the few names it knows. */
static char *S_decode(const char *s, size_t n)
{
    cjm_str out = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#' && i + 2 < n) {
            size_t k = i + 1;
            unsigned v = 0;
            while (k < n && k - i < 8 && s[k] >= '0' && s[k] <= '9')
                v = v * 10 + (unsigned)(s[k++] - '0');
            if (k > i + 1 && k < n && s[k] == ';' && v > 0 && v < 0x110000) {
                char buf[4];
                cjm_str_append(&out, buf, cjm_utf8_encode(v, buf));
                i = k;
                continue;
            }
        }
        cjm_str_append(&out, s + i, 1);
    }
    if (!out.data)
        cjm_str_puts(&out, "");
    return out.data;
}

static char *S_trimmed(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return S_decode(s, n);
}

/* Where "%%" is in s[0..n), or NULL (memmem is not standard C). */
static const char *S_pct(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '%' && s[i + 1] == '%')
            return s + i;
    return NULL;
}

static bool S_starts(const char *s, const char *word)
{
    size_t n = strlen(word);
    return strncasecmp(s, word, n) == 0 && (s[n] == ' ' || s[n] == '\t');
}

/* A task line (its indent already cut, `indent` columns wide). */
static void S_add_task(diagram *g, const char *line, size_t len, int ln,
                       int indent)
{
    const char *colon = memchr(line, ':', len);
    size_t rest = len - (size_t)(colon - line) - 1;
    const char *c2 = memchr(colon + 1, ':', rest);
    const char *data = colon + 1;
    size_t dlen = c2 ? (size_t)(c2 - data) : rest;
    char *score = S_trimmed(data, dlen), *end;
    if (g->n_tasks == g->cap_tasks) {
        size_t nc = g->cap_tasks ? 2 * g->cap_tasks : 16;
        task *t = realloc(g->tasks, nc * sizeof *t);
        if (!t) {
            g->oom = true;
            free(score);
            return;
        }
        g->tasks = t;
        g->cap_tasks = nc;
    }
    task *t = &g->tasks[g->n_tasks];
    memset(t, 0, sizeof *t);
    t->line = ln;
    t->unscored = g->next_unscored;
    g->next_unscored = false;
    t->stage = g->n_stages ? (long)g->n_stages - 1 : LEAD; /* before any section */
    t->name = S_trimmed(line, (size_t)(colon - line));
    errno = 0;
    t->score = cjm_strtod(score, &end);
    if (!*score || *end || errno || !isfinite(t->score))
        cjm_diags_add(g->d, CJM_RULE_SCHEMA, CJM_ERROR, ln,
                      indent + (int)(colon - line) + 2 +
                          (int)strspn(colon + 1, " \t"),
                      "the score '%s' of task '%s' is not a number; write "
                      "'name: score: actors', e.g. 'Pay: 3: Me'",
                      score, t->name);
    free(score);
    if (c2) {
        const char *a = c2 + 1, *e = line + len;
        const char *pct = S_pct(a, (size_t)(e - a));
        if (pct)
            cjm_diags_add(g->d, CJM_RULE_SCHEMA, CJM_WARNING, ln,
                          indent + (int)(pct - line) + 1,
                          "Mermaid does not treat '%%%%' after the actors as a "
                          "comment: it becomes part of an actor's name; move "
                          "the comment to a line of its own");
        while (a < e) {
            const char *comma = memchr(a, ',', (size_t)(e - a));
            const char *stop = comma ? comma : e;
            char **v = realloc(t->actors, (t->n_actors + 1) * sizeof *v);
            if (!v) {
                g->oom = true;
                break;
            }
            t->actors = v;
            t->actors[t->n_actors++] = S_trimmed(a, (size_t)(stop - a));
            a = comma ? comma + 1 : e;
        }
    }
    g->n_tasks++;
}

static void S_add_stage(diagram *g, char *name, int ln)
{
    char **v = realloc(g->stages, (g->n_stages + 1) * sizeof *v);
    if (v)
        g->stages = v;
    int *l = v ? realloc(g->stage_line, (g->n_stages + 1) * sizeof *l) : NULL;
    if (!v || !l) {
        g->oom = true;
        free(name);
        return;
    }
    g->stage_line = l;
    g->stage_line[g->n_stages] = ln;
    g->stages[g->n_stages++] = name;
}

/* Where a statement ends: the first ';' or '#' that is not part of an
 * entity code such as "#35;". */
static size_t S_statement_end(const char *s)
{
    size_t i = 0;
    while (s[i]) {
        if (s[i] == '#') {
            size_t k = i + 1;
            while (s[k] >= '0' && s[k] <= '9')
                k++;
            if (k > i + 1 && s[k] == ';') {
                i = k + 1;
                continue;
            }
            return i;
        }
        if (s[i] == ';')
            return i;
        i++;
    }
    return i;
}

/* Whether a line of n bytes is a comment (or an empty statement): it
 * starts with ';', or with '#' that begins no entity code.  Bounded by n:
 * the line is not NUL-terminated. */
static bool S_comment(const char *s, size_t n)
{
    if (s[0] == ';')
        return true;
    if (s[0] != '#')
        return false;
    size_t k = 1;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    return !(k > 1 && k < n && s[k] == ';');
}

/* One line of the diagram (without its line break). */
static void S_line(diagram *g, const char *s, size_t len, int ln, bool *body)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i, len -= i;
    /* cjm's own export marks an unscored touchpoint with this comment:
     * read it back as unscored, so import and export go round. */
    if (len >= 19 && strncmp(s, "%% unscored in cjm", 18) == 0) {
        g->next_unscored = true;
        return;
    }
    if (len == 0 || (len >= 2 && s[0] == '%' && s[1] == '%') ||
        S_comment(s, len))
        return;
    if (!*body) {
        if (len >= 7 && strncasecmp(s, "journey", 7) == 0) {
            *body = true;
            return;
        }
        cjm_diags_add(g->d, CJM_RULE_SYNTAX, CJM_ERROR, ln, (int)i + 1,
                      "a Mermaid journey starts with the line 'journey', not "
                      "'%.*s'; this is another kind of diagram",
                      (int)(len < 40 ? len : 40), s);
        g->stop = true;
        return;
    }
    char *line = strndup(s, len);
    if (!line) {
        g->oom = true;
        return;
    }
    /* Mermaid stops a statement at ';' and drops what follows '#', but not
     * inside an entity code ("#59;"), which it replaces before it reads. */
    line[S_statement_end(line)] = '\0';
    len = strlen(line);
    if (S_starts(line, "title")) {
        if (strchr(line, ':'))
            cjm_diags_add(g->d, CJM_RULE_SCHEMA, CJM_WARNING, ln, (int)i + 1,
                          "Mermaid reads this line as the diagram's title, "
                          "not as a task: a task name cannot start with "
                          "'title'; write its first letter as an entity "
                          "code (#116;itle…)");
        free(g->title);
        g->title = S_trimmed(line + 6, len - 6);
    } else if (strncasecmp(line, "accTitle", 8) == 0 ||
               strncasecmp(line, "accDescr", 8) == 0) {
        const char *c = strchr(line, ':');
        if (c && strncasecmp(line, "accDescr", 8) == 0) {
            free(g->descr);
            g->descr = S_trimmed(c + 1, strlen(c + 1));
        }
    } else if (S_starts(line, "section")) {
        if (strchr(line, ':')) {
            cjm_diags_add(g->d, CJM_RULE_SYNTAX, CJM_ERROR, ln, (int)i + 1,
                          "Mermaid rejects this line: it starts a section "
                          "and then has ':'; a task name cannot start with "
                          "'section' (write #115;ection…)");
            free(line);
            return;
        }
        S_add_stage(g, S_trimmed(line + 8, len - 8), ln);
    } else if (strchr(line, ':')) {
        S_add_task(g, line, len, ln, (int)i);
    } else {
        cjm_diags_add(g->d, CJM_RULE_SYNTAX, CJM_ERROR, ln, (int)i + 1,
                      "Mermaid cannot read this line: a task is 'name: "
                      "score: actors', a section 'section Name'");
    }
    free(line);
}

/* "accDescr {" opens a description over several lines. */
static bool S_is_multi_descr(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return n - i >= 8 && strncmp(s + i, "accDescr", 8) == 0 && memchr(s, '{', n);
}

/* Front matter (---\ntitle: …\n---) and accDescr { … } blocks first. */
static void S_parse(diagram *g, const char *buf, size_t len)
{
    size_t i = 0;
    int ln = 1;
    bool body = false, front = false, multi = false;
    while (i < len && !g->stop) {
        size_t e = i;
        while (e < len && buf[e] != '\n')
            e++;
        const char *s = buf + i;
        size_t n = e - i;
        if (ln == 1 && n >= 3 && strncmp(s, "---", 3) == 0) {
            front = true;
        } else if (front) {
            if (n >= 3 && strncmp(s, "---", 3) == 0)
                front = false;
            else if (n > 6 && strncmp(s, "title:", 6) == 0) {
                free(g->title);
                g->title = S_trimmed(s + 6, n - 6);
            }
        } else if (multi) {
            const char *close = memchr(s, '}', n);
            cjm_str d = {0};
            if (g->descr)
                cjm_str_printf(&d, "%s ", g->descr);
            char *part = S_trimmed(s, close ? (size_t)(close - s) : n);
            cjm_str_puts(&d, part);
            free(part);
            free(g->descr);
            g->descr = d.data;
            multi = !close;
        } else if (body && S_is_multi_descr(s, n)) {
            multi = true;
        } else {
            S_line(g, s, n, ln, &body);
        }
        i = e + 1;
        ln++;
    }
    if (!body && !g->stop)
        cjm_diags_add(g->d, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1,
                      "not a Mermaid journey: the diagram must start with "
                      "'journey'");
}

/* ---- the journey file ----------------------------------------------------- */

static void S_yaml_str(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\x%02x", *p);
        else
            putc(*p, out);
    }
    putc('"', out);
}

enum { ID_WORDS = 3, ID_MAX = 24 };

/* An id is for typing in `next:` and policies: a name's first three words,
 * at most 24 characters, cut at a word ("Rückruf Kundenservice zur
 * Nachzahlung" -> "rueckruf-kundenservice"). */
static void S_short(cjm_str *s)
{
    size_t words = 1, keep = s->len;
    for (size_t i = 0; i < s->len; i++)
        if (s->data[i] == '-' && ++words > ID_WORDS) {
            keep = i;
            break;
        }
    if (keep > ID_MAX) {
        keep = ID_MAX;
        while (keep > 0 && s->data[keep] != '-' && s->data[keep - 1] != '-')
            keep--; /* back to a word's end */
        if (keep == 0)
            keep = ID_MAX; /* one long word: cut it */
        while (keep > 0 && s->data[keep - 1] == '-')
            keep--;
    }
    s->len = keep;
    s->data[keep] = '\0';
}

/* A unique id made from a name. */
static char *S_id(const char *name, char **taken, size_t n, const char *fallback)
{
    cjm_str s = {0};
    cjm_slugify(&s, *name ? name : fallback);
    if (!s.failed && s.data)
        S_short(&s);
    size_t base = s.len;
    for (int k = 2;; k++) {
        bool used = false;
        for (size_t i = 0; i < n && !used; i++)
            used = taken[i] && s.data && strcmp(taken[i], s.data) == 0;
        if (!used)
            break;
        /* The number goes within the 24 characters too. */
        char suffix[16];
        int sl = snprintf(suffix, sizeof suffix, "-%d", k);
        s.len = base + (size_t)sl > ID_MAX ? ID_MAX - (size_t)sl : base;
        while (s.len > 1 && s.data[s.len - 1] == '-')
            s.len--;
        s.data[s.len] = '\0';
        cjm_str_puts(&s, suffix);
    }
    return s.data;
}

/* Whether text reads as German: an umlaut or ß, or a common German word
 * standing on its own. */
static bool S_german_text(const char *text)
{
    static const char *const words[] = {
        "und", "der", "die", "das", "mit", "für", "zur", "zum", "bei",
        "von", "nicht", "ist", "ein", "eine", "auf", "im", "den", "dem"};
    if (!text)
        return false;
    if (strstr(text, "ä") || strstr(text, "ö") || strstr(text, "ü") ||
        strstr(text, "Ä") || strstr(text, "Ö") || strstr(text, "Ü") ||
        strstr(text, "ß"))
        return true;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t n = strlen(words[w]);
        for (const char *p = text; (p = strstr(p, words[w])); p += n)
            if ((p == text || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
                return true;
    }
    return false;
}

static bool S_german(const diagram *g)
{
    bool de = S_german_text(g->title) || S_german_text(g->descr);
    for (size_t s = 0; !de && s < g->n_stages; s++)
        de = S_german_text(g->stages[s]);
    for (size_t t = 0; !de && t < g->n_tasks; t++)
        de = S_german_text(g->tasks[t].name);
    return de;
}

static void S_write(FILE *out, const diagram *g, const char *schema)
{
    double lo = 1, hi = 5;
    for (size_t t = 0; t < g->n_tasks; t++) {
        if (g->tasks[t].unscored)
            continue;
        if (g->tasks[t].score < lo)
            lo = floor(g->tasks[t].score);
        if (g->tasks[t].score > hi)
            hi = ceil(g->tasks[t].score);
    }
    char a[32], b[32];
    if (schema)
        fprintf(out, "# yaml-language-server: $schema=%s\n", schema);
    fputs("# Imported from a Mermaid journey by cjm import.  Check it:  cjm check FILE\n"
          "# Mermaid knows sections, tasks, scores and actors; add what it cannot\n"
          "# say: channels, friction, moments of truth, metrics.\n\n", out);
    fputs("journey: ", out);
    S_yaml_str(out, g->title && *g->title ? g->title : "Imported journey");
    putc('\n', out);
    if (S_german(g))
        fputs("lang: de                     # the diagram reads as German\n",
              out);
    if (g->descr && *g->descr) {
        fputs("description: ", out);
        S_yaml_str(out, g->descr);
        putc('\n', out);
    }
    fprintf(out, "scale: [%s, %s]%s\n", cjm_fmt_num(a, lo, 2), cjm_fmt_num(b, hi, 2),
            lo < 1 || hi > 5 ? "                # widened to hold every score"
                             : "                # Mermaid's 1-5");
    fputs("requires:\n"
          "  rules:\n"
          "    # Mermaid has no channels and no friction: switch these back on\n"
          "    # (delete the lines) once the journey says them.\n"
          "    missing-channel: off\n"
          "    pain-without-friction: off\n"
          "\nstages:\n", out);
    /* Tasks before the first section go into a stage "journey"; a
     * section without tasks has no place in a journey (empty-stage). */
    bool lead = false;
    for (size_t t = 0; t < g->n_tasks; t++)
        lead |= g->tasks[t].stage == LEAD;
    size_t ns = g->n_stages + 1;
    char **sids = calloc(ns + 1, sizeof *sids);
    char **tids = calloc(g->n_tasks + 1, sizeof *tids);
    bool first = true;
    for (long s = lead ? LEAD : 0; sids && tids && s < (long)g->n_stages; s++) {
        size_t count = 0;
        for (size_t t = 0; t < g->n_tasks; t++)
            count += g->tasks[t].stage == s;
        if (!count)
            continue;
        const char *name = s == LEAD ? "Journey" : g->stages[s];
        size_t slot = (size_t)(s + 1);
        sids[slot] = S_id(name, sids, ns, "stage");
        fprintf(out, "%s  - id: %s\n    name: ", first ? "" : "\n", sids[slot]);
        first = false;
        S_yaml_str(out, *name ? name : "Stage");
        fputs("\n    touchpoints:\n", out);
        for (size_t t = 0; t < g->n_tasks; t++) {
            const task *k = &g->tasks[t];
            if (k->stage != s)
                continue;
            tids[t] = S_id(k->name, tids, g->n_tasks, "touchpoint");
            fprintf(out, "      - id: %s\n        name: ", tids[t]);
            S_yaml_str(out, k->name);
            if (k->unscored)
                fputs("\n        # score: no score in cjm (Mermaid showed 3)\n", out);
            else
                fprintf(out, "\n        score: %s\n", cjm_fmt_num(a, k->score, 2));
            if (k->n_actors) {
                fputs("        actors: [", out);
                for (size_t x = 0; x < k->n_actors; x++) {
                    fputs(x ? ", " : "", out);
                    S_yaml_str(out, k->actors[x]);
                }
                fputs("]\n", out);
            }
        }
    }
    for (size_t s = 0; sids && s < ns; s++)
        free(sids[s]);
    for (size_t t = 0; tids && t < g->n_tasks; t++)
        free(tids[t]);
    free(sids);
    free(tids);
}

int cjm_import_mermaid(const char *buf, size_t len, FILE *out,
                       const char *schema, cjm_diags *d)
{
    diagram g = {.d = d};
    S_parse(&g, buf, len);
    for (size_t st = 0; st < g.n_stages; st++) {
        bool any = false;
        for (size_t t = 0; t < g.n_tasks && !any; t++)
            any = g.tasks[t].stage == (long)st;
        if (!any)
            cjm_diags_add(d, CJM_RULE_SCHEMA, CJM_WARNING, g.stage_line[st], 1,
                          "section '%s' has no tasks; a journey's stage needs "
                          "a touchpoint, so it is left out",
                          g.stages[st]);
    }
    if (!g.oom && g.n_tasks == 0 && !cjm_diags_errors(d))
        cjm_diags_add(d, CJM_RULE_SCHEMA, CJM_ERROR, 1, 1,
                      "the diagram has no tasks: a journey needs at least one "
                      "'name: score: actors' line");
    if (g.oom)
        cjm_diags_add(d, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "out of memory");
    bool ok = !cjm_diags_errors(d);
    if (ok)
        S_write(out, &g, schema);
    free(g.title);
    free(g.descr);
    for (size_t s = 0; s < g.n_stages; s++)
        free(g.stages[s]);
    free(g.stages);
    free(g.stage_line);
    for (size_t t = 0; t < g.n_tasks; t++) {
        free(g.tasks[t].name);
        for (size_t x = 0; x < g.tasks[t].n_actors; x++)
            free(g.tasks[t].actors[x]);
        free(g.tasks[t].actors);
    }
    free(g.tasks);
    return ok ? (ferror(out) ? -2 : 0) : -1;
}
