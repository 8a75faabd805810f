/* survey: reads survey answers with libcsv (RFC 4180: quotes, embedded
 * commas, quotes and newlines), streamed in chunks, so memory does not grow
 * with the number of rows.  libcsv reports fields but not where they are,
 * so bytes are fed one at a time and every finding gets the line and column
 * of its cell. */
#include "survey.h"

#include <csv.h>
#include <stdarg.h>
#include <strings.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cjm_instrument_names[CJM_INSTRUMENTS] = {"csat", "ces",
                                                            "nps"};
static const int lo[CJM_INSTRUMENTS] = {1, 1, 0}, hi[CJM_INSTRUMENTS] = {5, 7, 10};

enum { COL_TOUCHPOINT = CJM_INSTRUMENTS, COL_JOURNEY, COLS };
enum { MAX_FINDINGS = 100 };

/* One cell of the row being read. */
typedef struct {
    char *text;
    size_t len, cap;
    cjm_pos pos;
    bool seen;
} cell;

typedef struct {
    cjm_survey *s;
    cjm_diags *d;
    const char **ids; /* for suggestions */
    int col_of[COLS];       /* column index of each known column, or -1 */
    cell cells[COLS];
    size_t field; /* index of the field being read in this row */
    size_t row;   /* 0: the header */
    cjm_pos at, start;
    bool at_row_start, oom;
    size_t findings, more;
} reader;

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void S_find(reader *r, cjm_severity sev, cjm_pos p, const char *fmt, ...)
{
    if (r->findings >= MAX_FINDINGS) {
        r->more++;
        return;
    }
    r->findings++;
    va_list ap;
    va_start(ap, fmt);
    cjm_diags_vadd(r->d, CJM_RULE_SCHEMA, sev, p.line, p.col, fmt, ap);
    va_end(ap);
}

static void S_header(reader *r, const char *f, size_t len, size_t idx)
{
    static const char *const names[COLS] = {"csat", "ces", "nps", "touchpoint",
                                            "journey"};
    while (len && (*f == ' ' || *f == '\t'))
        f++, len--;
    while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
        len--;
    for (int c = 0; c < COLS; c++)
        if (strlen(names[c]) == len && strncasecmp(f, names[c], len) == 0 &&
            r->col_of[c] < 0)
            r->col_of[c] = (int)idx;
}

static void S_keep(reader *r, int c, const char *f, size_t len)
{
    cell *x = &r->cells[c];
    if (len + 1 > x->cap) {
        char *p = realloc(x->text, len + 1);
        if (!p) {
            r->oom = true;
            return;
        }
        x->text = p;
        x->cap = len + 1;
    }
    memcpy(x->text, f, len);
    x->text[len] = '\0';
    x->len = len;
    x->pos = r->start;
    x->seen = true;
}

static void S_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    const char *f = data ? data : "";
    if (r->row == 0) {
        S_header(r, f, len, r->field);
    } else {
        for (int c = 0; c < COLS; c++)
            if (r->col_of[c] == (int)r->field)
                S_keep(r, c, f, len);
    }
    r->field++;
    r->start.line = 0; /* the next byte starts the next field */
}

/* A cell's text without surrounding blanks (in place). */
static char *S_trim(cell *x)
{
    char *p = x->text;
    size_t n = x->len;
    while (n && (*p == ' ' || *p == '\t'))
        p++, n--;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    p[n] = '\0';
    return p;
}

/* Reads one answer; -1 for an empty cell, -2 for a bad one (reported). */
static int S_answer(reader *r, int inst)
{
    cell *x = &r->cells[inst];
    if (!x->seen)
        return -1;
    char *t = S_trim(x);
    if (!*t)
        return -1;
    int v = 0;
    bool ok = strlen(t) <= 3;
    for (const char *p = t; ok && *p; p++)
        ok = *p >= '0' && *p <= '9', v = v * 10 + (*p - '0');
    if (ok && v >= lo[inst] && v <= hi[inst])
        return v;
    S_find(r, CJM_ERROR, x->pos,
           "%s must be a whole number from %d to %d, not '%s'",
           cjm_instrument_names[inst], lo[inst], hi[inst], t);
    return -2;
}

static void S_row(reader *r)
{
    cjm_survey *s = r->s;
    cell *tp = &r->cells[COL_TOUCHPOINT], *jr = &r->cells[COL_JOURNEY];
    if (r->col_of[COL_JOURNEY] >= 0 && jr->seen && *S_trim(jr) &&
        strcmp(jr->text, s->j->id) != 0) {
        s->other_journeys++;
        return;
    }
    s->rows++;
    const char *id = tp->seen ? S_trim(tp) : "";
    long t = *id ? cjm_journey_find(s->j, id) : -1;
    if (!*id)
        S_find(r, CJM_ERROR, tp->seen ? tp->pos : r->start,
               "the row names no touchpoint; fill in the 'touchpoint' column");
    else if (t < 0) {
        const char *near = cjm_nearest(id, r->ids, s->j->n_tps);
        S_find(r, CJM_ERROR, tp->pos,
               "'%s' is not a touchpoint of '%s'%s%s%s", id, s->j->id,
               near ? " (did you mean '" : "", near ? near : "",
               near ? "'?)" : "");
    }
    int v[CJM_INSTRUMENTS];
    bool any = false, bad = false;
    for (int i = 0; i < CJM_INSTRUMENTS; i++) {
        v[i] = r->col_of[i] >= 0 ? S_answer(r, i) : -1;
        any |= v[i] >= 0;
        bad |= v[i] == -2;
    }
    if (t < 0 || bad || !any)
        return;
    cjm_tally *x = &s->t[t];
    if (!x->responses)
        x->first = tp->pos;
    x->responses++;
    for (int i = 0; i < CJM_INSTRUMENTS; i++)
        if (v[i] >= 0) {
            x->count[i][v[i]]++;
            x->answers[i]++;
        }
}

static void S_check_header(reader *r)
{
    cjm_pos top = {1, 1};
    if (r->col_of[COL_TOUCHPOINT] < 0)
        S_find(r, CJM_ERROR, top, "the header has no 'touchpoint' column; "
                                  "name one column touchpoint (the ids of the "
                                  "journey's touchpoints)");
    bool any = false;
    for (int i = 0; i < CJM_INSTRUMENTS; i++) {
        r->s->column[i] = r->col_of[i] >= 0;
        any |= r->s->column[i];
    }
    if (!any)
        S_find(r, CJM_ERROR, top, "the header has no answer column; name at "
                                  "least one of csat, ces and nps");
}

static void S_row_end(int c, void *ctx)
{
    (void)c;
    reader *r = ctx;
    if (r->row == 0)
        S_check_header(r);
    else if (r->col_of[COL_TOUCHPOINT] >= 0)
        S_row(r);
    for (int k = 0; k < COLS; k++)
        r->cells[k].seen = false;
    r->row++;
    r->field = 0;
    r->at_row_start = true;
    r->start.line = 0;
}

/* The position of every byte as it is fed (columns count characters). */
static void S_advance(reader *r, unsigned char b)
{
    if (r->start.line == 0 && !(r->at_row_start && (b == '\r' || b == '\n'))) {
        r->start = r->at;
        r->at_row_start = false;
    }
    if (b == '\n') {
        r->at.line++;
        r->at.col = 1;
    } else if ((b & 0xC0) != 0x80) {
        r->at.col++;
    }
}

/* Bytes that are not UTF-8 are an error where they start. */
typedef struct {
    int need;
} utf8_state;

static bool S_utf8_ok(utf8_state *u, unsigned char b)
{
    if (u->need) {
        if ((b & 0xC0) != 0x80)
            return false;
        u->need--;
        return true;
    }
    if (b < 0x80)
        return true;
    u->need = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2
              : (b & 0xF8) == 0xF0 ? 3 : -1;
    return u->need > 0 && b >= 0xC2 && b <= 0xF4;
}

/* The first line decides the delimiter: ';' when it has no ',' (German
 * spreadsheet exports), else ','. */
static unsigned char S_delimiter(const char *buf, size_t len)
{
    size_t n = 0;
    while (n < len && buf[n] != '\n')
        n++;
    bool comma = memchr(buf, ',', n), semi = memchr(buf, ';', n);
    return !comma && semi ? ';' : ',';
}

static int S_feed(reader *r, struct csv_parser *p, utf8_state *u,
                  const unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!S_utf8_ok(u, buf[i])) {
            S_find(r, CJM_ERROR, r->at, "the file is not UTF-8 here; save it "
                                        "as UTF-8 (CSV UTF-8 in spreadsheets)");
            return -1;
        }
        S_advance(r, buf[i]);
        if (csv_parse(p, buf + i, 1, S_field, S_row_end, r) != 1) {
            S_find(r, CJM_ERROR, r->at, "the CSV cannot be read here: %s",
                   csv_strerror(csv_error(p)));
            return -1;
        }
        if (r->oom)
            return -1;
    }
    return 0;
}

cjm_survey *cjm_survey_read(FILE *in, const cjm_journey *j,
                            size_t min_responses, cjm_diags *d, char *err,
                            size_t errsize)
{
    cjm_survey *s = calloc(1, sizeof *s);
    reader r = {.s = s, .d = d, .at = {1, 1}, .at_row_start = true};
    struct csv_parser p;
    unsigned char buf[65536];
    if (!s || !(s->t = calloc(j->n_tps ? j->n_tps : 1, sizeof *s->t)) ||
        !(r.ids = malloc((j->n_tps ? j->n_tps : 1) * sizeof *r.ids)) ||
        csv_init(&p, CSV_APPEND_NULL) != 0) {
        snprintf(err, errsize, "out of memory");
        free(r.ids);
        cjm_survey_free(s);
        return NULL;
    }
    s->j = j;
    s->min_responses = min_responses;
    for (size_t t = 0; t < j->n_tps; t++)
        r.ids[t] = j->tps[t].id;
    for (int c = 0; c < COLS; c++)
        r.col_of[c] = -1;
    utf8_state u = {0};
    size_t n, total = 0;
    int rc = 0;
    bool first = true;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        const unsigned char *b = buf;
        if (first && n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
            b += 3, n -= 3; /* a BOM is not part of the first cell */
        if (first)
            csv_set_delim(&p, S_delimiter((const char *)b, n));
        first = false;
        total += n;
        rc = S_feed(&r, &p, &u, b, n);
    }
    if (rc == 0 && ferror(in)) {
        snprintf(err, errsize, "cannot read the CSV");
        rc = -2;
    }
    if (rc == 0) {
        csv_fini(&p, S_field, S_row_end, &r);
        if (total == 0 || r.row == 0)
            S_find(&r, CJM_ERROR, (cjm_pos){1, 1},
                   "the CSV is empty; it needs a header row with "
                   "'touchpoint' and at least one of csat, ces and nps");
    }
    for (size_t t = 0; rc == 0 && t < j->n_tps; t++) {
        const cjm_tally *x = &s->t[t];
        if (x->responses && x->responses < min_responses)
            S_find(&r, CJM_WARNING, x->first,
                   "touchpoint '%s' has %zu answer row%s, fewer than the "
                   "minimum of %zu: it gets no figures",
                   j->tps[t].id, x->responses, x->responses == 1 ? "" : "s",
                   min_responses);
    }
    if (r.more)
        cjm_diags_add(d, CJM_RULE_SCHEMA, CJM_ERROR, r.at.line, 1,
                      "and %zu more findings like the ones above", r.more);
    csv_free(&p);
    for (int c = 0; c < COLS; c++)
        free(r.cells[c].text);
    free(r.ids);
    if (r.oom || rc == -2) {
        if (r.oom)
            snprintf(err, errsize, "out of memory");
        cjm_survey_free(s);
        return NULL;
    }
    return s;
}

void cjm_survey_free(cjm_survey *s)
{
    if (!s)
        return;
    free(s->t);
    free(s);
}

/* round(p / q, decimals), half away from zero, exactly: p and q are counts. */
static double S_ratio(long long p, long long q, int decimals)
{
    long long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    bool neg = p < 0;
    __int128 a = (__int128)(neg ? -p : p) * scale * 2 + q;
    long long r = (long long)(a / (2 * (__int128)q));
    return (neg ? -(double)r : (double)r) / (double)scale;
}

bool cjm_survey_figures_of(const cjm_survey *s, size_t t,
                           cjm_survey_figures *f)
{
    const cjm_tally *x = &s->t[t];
    memset(f, 0, sizeof *f);
    f->responses = x->responses;
    if (x->responses == 0 || x->responses < s->min_responses)
        return false;
    for (int i = 0; i < CJM_INSTRUMENTS; i++)
        f->has[i] = x->answers[i] > 0;
    long long n, sum = 0;
    if (f->has[CJM_CSAT]) {
        n = (long long)x->answers[CJM_CSAT];
        for (int v = 1; v <= 5; v++)
            sum += v * (long long)x->count[CJM_CSAT][v];
        f->csat = S_ratio(sum, n, 2);
        f->csat_top2 = S_ratio(100 * (long long)(x->count[CJM_CSAT][4] +
                                                  x->count[CJM_CSAT][5]),
                               n, 1);
    }
    if (f->has[CJM_CES]) {
        n = (long long)x->answers[CJM_CES];
        sum = 0;
        for (int v = 1; v <= 7; v++)
            sum += v * (long long)x->count[CJM_CES][v];
        f->ces = S_ratio(sum, n, 2);
    }
    if (f->has[CJM_NPS]) {
        n = (long long)x->answers[CJM_NPS];
        long long pro = (long long)(x->count[CJM_NPS][9] + x->count[CJM_NPS][10]);
        long long det = 0;
        for (int v = 0; v <= 6; v++)
            det += (long long)x->count[CJM_NPS][v];
        f->nps = (long)S_ratio(100 * (pro - det), n, 0);
        double p = (double)pro / (double)n, dd = (double)det / (double)n;
        f->nps_moe = round(1.96 * 100 * sqrt((p + dd - (p - dd) * (p - dd)) /
                                             (double)n) * 10) / 10;
    }
    return true;
}

bool cjm_survey_fewer(const cjm_survey *s, size_t t, size_t *had,
                      size_t *now)
{
    cjm_survey_figures f;
    const cjm_metrics *m = &s->j->tps[t].metrics;
    if (!cjm_survey_figures_of(s, t, &f) || !m->has[CJM_METRIC_RESPONSES] ||
        m->value[CJM_METRIC_RESPONSES] <= (double)f.responses)
        return false;
    *had = (size_t)m->value[CJM_METRIC_RESPONSES];
    *now = f.responses;
    return true;
}

const char *cjm_survey_touchpoint_id(const cjm_survey *s, size_t t)
{
    return s->j->tps[t].id;
}
