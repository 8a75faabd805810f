/* gate_cond: one condition of a diff gate ("index-drop:5"), as `--fail-on`
 * and a policy's `gate:` write it.  Part of the model, since the loader
 * reads `gate:` where the team wrote it; gate.c evaluates conditions. */
#include "model.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    cjm_gate_kind kind;
    char arg; /* 0 none, 'x' a number, 's' a severity */
} kinds[] = {
    {"removed-journey", CJM_GATE_REMOVED_JOURNEY, 0},
    {"removed-stage", CJM_GATE_REMOVED_STAGE, 0},
    {"removed-touchpoint", CJM_GATE_REMOVED_TOUCHPOINT, 0},
    {"index-drop", CJM_GATE_INDEX_DROP, 'x'},
    {"score-drop", CJM_GATE_SCORE_DROP, 'x'},
    {"new-friction", CJM_GATE_NEW_FRICTION, 's'},
};

#define N_KINDS (sizeof kinds / sizeof kinds[0])

static const char allowed[] =
    "use removed-journey, removed-stage, removed-touchpoint, index-drop:X, "
    "score-drop:X or new-friction:SEVERITY";

static int S_number(const char *s, size_t len, double *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (!((buf[i] >= '0' && buf[i] <= '9') || buf[i] == '.'))
            return -1;
    char *end;
    errno = 0;
    *out = cjm_strtod(buf, &end);
    return *end || errno || !isfinite(*out) ? -1 : 0;
}

static int S_arg(size_t k, const char *arg, size_t alen, cjm_gate_cond *out,
                 char *err, size_t errsize)
{
    if (kinds[k].arg == 'x') {
        if (S_number(arg, alen, &out->x) == 0 && out->x <= 100)
            return 0;
        snprintf(err, errsize, "'%s' needs a number of percentage points "
                               "from 0 to 100, e.g. %s:5",
                 kinds[k].name, kinds[k].name);
        return -1;
    }
    for (int s = 0; s < CJM_SEV_COUNT; s++)
        if (strlen(cjm_friction_severity_names[s]) == alen &&
            memcmp(cjm_friction_severity_names[s], arg, alen) == 0) {
            out->sev = (cjm_friction_severity)s;
            return 0;
        }
    snprintf(err, errsize, "'new-friction' needs a severity: "
                           "new-friction:low, :medium, :high or :critical");
    return -1;
}

int cjm_gate_cond_parse(const char *text, size_t len, cjm_gate_cond *out,
                        char *err, size_t errsize)
{
    if (len == 0) {
        snprintf(err, errsize, "an empty condition: %s", allowed);
        return -1;
    }
    const char *colon = memchr(text, ':', len);
    size_t nlen = colon ? (size_t)(colon - text) : len;
    memset(out, 0, sizeof *out);
    out->text = text;
    for (size_t k = 0; k < N_KINDS; k++) {
        if (strlen(kinds[k].name) != nlen ||
            memcmp(kinds[k].name, text, nlen) != 0)
            continue;
        out->kind = kinds[k].kind;
        if (!kinds[k].arg && !colon)
            return 0;
        if (!kinds[k].arg) {
            snprintf(err, errsize, "'%s' takes no value", kinds[k].name);
            return -1;
        }
        if (!colon) {
            snprintf(err, errsize, "'%s' needs a value, e.g. %s", kinds[k].name,
                     kinds[k].arg == 'x' ? (k == 3 ? "index-drop:5"
                                                   : "score-drop:10")
                                         : "new-friction:high");
            return -1;
        }
        return S_arg(k, colon + 1, len - nlen - 1, out, err, errsize);
    }
    const char *names[N_KINDS];
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(nlen < 63 ? nlen : 63), text);
    for (size_t k = 0; k < N_KINDS; k++)
        names[k] = kinds[k].name;
    const char *near = cjm_nearest(word, names, N_KINDS);
    if (near)
        snprintf(err, errsize, "unknown condition '%s' (did you mean '%s'?)",
                 word, near);
    else
        snprintf(err, errsize, "unknown condition '%s': %s", word, allowed);
    return -1;
}
