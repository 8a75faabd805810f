/* cjm: customer journey maps as code.
 *
 * The library turns a YAML journey file into a checked model, figures and
 * reports.  Pipeline: cjm_journey_load() -> cjm_journey_check() ->
 * cjm_figures_new() -> cjm_report_write().  Every finding is a cjm_diag in a
 * cjm_diags list; the library never prints except to a FILE * it is given and
 * never exits the process.
 *
 * Ownership: every pointer returned by a *_new or *_load function belongs to
 * the caller and is released with the matching *_free, which accepts NULL.
 * Strings returned by getters belong to the object they came from and live as
 * long as it does. */
#ifndef CJM_H
#define CJM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CJM_VERSION "0.1.0"

/* Files larger than this are refused before parsing. */
#define CJM_MAX_FILE_SIZE (16u * 1024u * 1024u)

/* Exit codes of every command (the format spec fixes them). */
typedef enum {
    CJM_EXIT_OK = 0,     /* no errors (warnings allowed unless --strict) */
    CJM_EXIT_ERRORS = 1, /* errors found in at least one file */
    CJM_EXIT_USAGE = 2   /* usage error, or a file could not be read/written */
} cjm_exit;

/* ---- Diagnostics ------------------------------------------------------ */

typedef enum { CJM_WARNING = 0, CJM_ERROR = 1 } cjm_severity;

/* Rule names are part of the format spec; cjm_rule_name() spells them. */
typedef enum {
    CJM_RULE_SYNTAX,
    CJM_RULE_SCHEMA,
    CJM_RULE_UNKNOWN_KEY,
    CJM_RULE_DUPLICATE_KEY,
    CJM_RULE_DUPLICATE_ID,
    CJM_RULE_UNKNOWN_REFERENCE,
    CJM_RULE_EMPTY_STAGE,
    CJM_RULE_SCORE_RANGE,
    CJM_RULE_TOUCHPOINT_COUNT,
    CJM_RULE_MISSING_SCORE,
    CJM_RULE_MISSING_CHANNEL,
    CJM_RULE_UNREACHABLE,
    CJM_RULE_PAIN_WITHOUT_FRICTION,
    CJM_RULE_REQUIRED_STAGE,
    CJM_RULE_REQUIRED_TOUCHPOINT,
    CJM_RULE_REQUIRED_CHANNEL,
    CJM_RULE_UNKNOWN_CHANNEL,
    CJM_RULE_CHANNEL_ALIAS,
    CJM_RULE_COUNT
} cjm_rule;

/* One finding.  line and column are 1-based; column counts characters. */
typedef struct {
    cjm_rule rule;
    cjm_severity severity;
    int line;
    int column;
    const char *message; /* owned by the list */
} cjm_diag;

/* The findings about one file, kept in the order they were found until
 * cjm_diags_sort() orders them by position. */
typedef struct cjm_diags cjm_diags;

/* Returns a new empty list for the file named `file` (copied; used in output
 * only).  NULL on out-of-memory. */
cjm_diags *cjm_diags_new(const char *file);
void cjm_diags_free(cjm_diags *d);

/* Appends a finding; the message is formatted printf-style and copied.
 * Returns 0, or -1 on out-of-memory (the finding is then dropped). */
int cjm_diags_add(cjm_diags *d, cjm_rule rule, cjm_severity sev, int line,
                  int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* The same with a va_list, for functions that forward their arguments. */
int cjm_diags_vadd(cjm_diags *d, cjm_rule rule, cjm_severity sev, int line,
                   int column, const char *fmt, va_list ap);

size_t cjm_diags_count(const cjm_diags *d);
const cjm_diag *cjm_diags_get(const cjm_diags *d, size_t i);
const char *cjm_diags_file(const cjm_diags *d);
size_t cjm_diags_errors(const cjm_diags *d);
size_t cjm_diags_warnings(const cjm_diags *d);
/* Stable sort by line, then column. */
void cjm_diags_sort(cjm_diags *d);
/* From finding `from` on, drops the findings of rules set off and gives
 * the others the severity set for their rule (a team's `rules:`).
 * `off[r]` and `sev[r]` hold the setting of rule r when set[r]. */
void cjm_diags_override(cjm_diags *d, size_t from, const bool *set,
                        const bool *off, const cjm_severity *sev);

const char *cjm_rule_name(cjm_rule rule);
/* The rule of that name; -1 when there is none. */
int cjm_rule_parse(const char *name, cjm_rule *out);
/* One sentence on what the rule checks, and one on how to fix a finding. */
const char *cjm_rule_description(cjm_rule rule);
const char *cjm_rule_help(cjm_rule rule);
/* The rule's default severity (some become errors under a policy). */
cjm_severity cjm_rule_severity(cjm_rule rule);
const char *cjm_severity_name(cjm_severity sev);

/* ---- Loading ---------------------------------------------------------- */

typedef struct cjm_journey cjm_journey;
typedef struct cjm_policy cjm_policy;

/* Reads a whole file (or standard input when path is "-") into a new
 * NUL-terminated buffer of at most CJM_MAX_FILE_SIZE bytes.  On success returns
 * 0 and sets *buf (caller frees) and *len.  On failure sets *buf to NULL,
 * writes a message naming the path into err and returns -1 when the file
 * cannot be read (an I/O error) or -2 when it is over the size cap (a fault
 * of the file itself). */
int cjm_file_read(const char *path, char **buf, size_t *len, char *err,
                  size_t errsize);

/* Parses and validates one journey document from buf[0..len).  `file` names
 * it in diagnostics and gives the default id (its base name without
 * extension).  Findings go to diags.  Returns the journey (caller frees with
 * cjm_journey_free) when the file loaded without errors, else NULL. The buffer
 * is not kept. */
cjm_journey *cjm_journey_load(const char *buf, size_t len, const char *file,
                              cjm_diags *diags);
/* The same for a file shown under another name (a version read from git,
 * "REV:path"): the default id comes from `path`, messages name `file`. */
cjm_journey *cjm_journey_load_as(const char *buf, size_t len, const char *file,
                                 const char *path, cjm_diags *diags);
void cjm_journey_free(cjm_journey *j);

/* Parses a policy file (the keys of `requires:` at its top level).  Returns
 * the policy (caller frees with cjm_policy_free) or NULL with errors in
 * diags. */
cjm_policy *cjm_policy_load(const char *buf, size_t len, cjm_diags *diags);
void cjm_policy_free(cjm_policy *p);

/* ---- Checking --------------------------------------------------------- */

/* Runs every rule on a loaded journey.  `policy` may be NULL; the journey's
 * own `requires:` wins over it key by key.  Returns the number of errors
 * added to diags. */
size_t cjm_journey_check(const cjm_journey *j, const cjm_policy *policy,
                         cjm_diags *diags);

/* Convenience used by the CLI and tests: read-free load + check of a buffer.
 * Returns the journey (caller frees) or NULL when it did not load. */
cjm_journey *cjm_journey_load_checked(const char *buf, size_t len,
                                      const char *file,
                                      const cjm_policy *policy,
                                      cjm_diags *diags);

/* The same as cjm_journey_load_as() followed by the checks. */
cjm_journey *cjm_journey_load_checked_as(const char *buf, size_t len,
                                         const char *file, const char *path,
                                         const cjm_policy *policy,
                                         cjm_diags *diags);

/* ---- Figures ---------------------------------------------------------- */

typedef struct cjm_figures cjm_figures;

/* Computes the journey's figures (index, stage means, weakest touchpoints,
 * friction by severity, channel mix, channel switches).  The figures refer to
 * the journey, which must outlive them.  NULL on out-of-memory. */
cjm_figures *cjm_figures_new(const cjm_journey *j);
void cjm_figures_free(cjm_figures *f);

/* Journey index on the journey's scale; returns 0 and sets *out, or -1 when
 * nothing is scored. */
int cjm_figures_index(const cjm_figures *f, double *out);
/* The index as a percentage of the scale. -1 when nothing is scored. */
int cjm_figures_index_pct(const cjm_figures *f, double *out);
/* The weighted mean of stage i; -1 when the stage has no score. */
int cjm_figures_stage_mean(const cjm_figures *f, size_t stage, double *out);
size_t cjm_figures_channel_switches(const cjm_figures *f);

/* ---- Output ----------------------------------------------------------- */

typedef enum {
    CJM_FORMAT_TEXT,
    CJM_FORMAT_MARKDOWN,
    CJM_FORMAT_JSON,
    CJM_FORMAT_GITHUB,
    CJM_FORMAT_SARIF,
    CJM_FORMAT_JUNIT
} cjm_format;

/* Writes the diagnostics of one file on their own: text (with `src`/`len`,
 * which may be NULL/0, each finding shows its source line with a caret),
 * JSON (one element of the "files" array) or GitHub workflow commands.
 * Returns 0, or -1 when writing failed. */
int cjm_diags_write(FILE *out, const cjm_diags *d, cjm_format fmt,
                    const char *src, size_t len);

/* A printer writes the findings of a whole run in one format: the
 * envelope (JSON object, SARIF log, JUnit <testsuites>) around the files,
 * and the text summary line.  The stream must outlive the printer. */
typedef struct cjm_printer cjm_printer;

/* fmt: text, json, github, sarif or junit.  NULL on out-of-memory. */
cjm_printer *cjm_printer_new(FILE *out, cjm_format fmt);
/* Under --strict warnings fail the run, and every format says so: JUnit
 * failures, GitHub ::error, SARIF level "error", and the text summary
 * ("failed: 2 warnings under --strict").  Off by default. */
void cjm_printer_set_strict(cjm_printer *p, bool strict);
/* A path that could not be read at all: the text summary names it, so a
 * run over a missing file never reads "0 files checked" alone. */
void cjm_printer_unread(cjm_printer *p, const char *path);
/* Adds one file's findings (src/len as for cjm_diags_write). */
int cjm_printer_file(cjm_printer *p, const cjm_diags *d, const char *src,
                     size_t len);
/* Closes the envelope and frees the printer; returns -1 when any write
 * failed. */
int cjm_printer_finish(cjm_printer *p);

/* How a report or a drawing comes out: options of the output, never part
 * of the journey.  Zero-initialise for the defaults. */
typedef struct {
    const char *lang; /* "en" or "de" over the journey's own `lang:`; NULL:
                         the journey's */
    bool owners;      /* cards show each touchpoint's owner */
    bool no_mermaid;  /* Markdown reports end without the Mermaid diagram */
} cjm_output_opts;

/* Writes the report of one journey (text, Markdown or JSON object) with
 * the options o (NULL: the defaults).  The Markdown ends with the journey
 * as a ```mermaid block, which GitHub and GitLab draw in a pull-request
 * comment, unless o->no_mermaid.  Returns 0, or -1 when writing failed or
 * o->lang is unknown. */
int cjm_report_write(FILE *out, const cjm_journey *j, const cjm_figures *f,
                     cjm_format fmt, const cjm_output_opts *o);

/* ---- New journeys ------------------------------------------------------ */

/* What a new journey's skeleton holds.  `stages` (n ids, which must be
 * slugs) may be empty for the usual six; `names` (may be NULL, or hold
 * NULLs) are the stages' display names; persona, schema (the
 * yaml-language-server line) and title may be NULL. */
typedef struct {
    const char *const *stages;
    const char *const *names;
    size_t n;
    const char *persona, *schema, *title;
} cjm_skeleton;

/* Writes the skeleton of a new journey: one example touchpoint per stage,
 * with comments explaining each key.  Returns 0 or -1. */
int cjm_journey_skeleton(FILE *out, const cjm_skeleton *sk);

/* ---- Rendering -------------------------------------------------------- */

typedef enum { CJM_VIEW_MAP, CJM_VIEW_FLOW, CJM_VIEW_CHANNELS } cjm_view;

/* Journeys with more touchpoints than this are refused: Graphviz's layout
 * time grows steeply and such a map is unreadable anyway. */
#define CJM_MAX_RENDER_TOUCHPOINTS 200

/* A renderer holds one Graphviz context; reuse it for every journey of a
 * run, and make one per process: with Graphviz 2.42 a second context,
 * made after the first was freed, reads the first one's freed font cache.
 * NULL on failure. */
typedef struct cjm_renderer cjm_renderer;
cjm_renderer *cjm_renderer_new(void);
void cjm_renderer_free(cjm_renderer *r);
/* The options every later drawing of r follows (the default: none set).
 * Returns 0, or -1 when o->lang is unknown (nothing changed). */
int cjm_renderer_set_options(cjm_renderer *r, const cjm_output_opts *o);

/* Draws a loaded journey (which must have no errors) as `view` in `format`
 * ("svg", "png", "pdf", or "dot" for the graph we build, before layout) to
 * out.  Returns 0, with a warning Graphviz gave in err ("" when none); -1
 * when the journey cannot be drawn (too many touchpoints, a Graphviz
 * error); -2 when writing to out failed.  Either way err holds the
 * message. */
int cjm_render(cjm_renderer *r, const cjm_journey *j, cjm_view view,
               const char *format, FILE *out, char *err, size_t errsize);

/* The medium a drawing is laid out for: sized to its content (auto), a
 * landscape ISO page (PDF of exactly that size, PNG at 150 dpi, SVG in
 * mm) or a 16:9 slide (1920 x 1080 px). */
typedef enum {
    CJM_PAGE_AUTO,
    CJM_PAGE_A4,
    CJM_PAGE_A3,
    CJM_PAGE_A2,
    CJM_PAGE_A1,
    CJM_PAGE_A0,
    CJM_PAGE_SLIDE
} cjm_page;

/* How much a drawing on a page shows (spec "Pages and detail"): full
 * detail, the digest (stage headers, cards with one friction mark, the
 * curve; no callouts, KPI lines or quotes), or auto: the digest on A4
 * and the slide, elsewhere full detail where it meets the page's floor,
 * else the digest.  Without a page a drawing is always in full. */
typedef enum { CJM_DETAIL_AUTO, CJM_DETAIL_FULL, CJM_DETAIL_DIGEST } cjm_detail;

/* Looks up a detail by name ("auto", "full", "digest"); -1 if unknown. */
int cjm_detail_parse(const char *name, cjm_detail *out);
const char *cjm_detail_name(cjm_detail detail);
/* The detail every later drawing of r on a page is drawn in (default
 * auto). */
void cjm_renderer_set_detail(cjm_renderer *r, cjm_detail detail);

/* How a drawing sits on its page, in the page's units (pt on paper, px on
 * a slide): its smallest text and smallest card name, and the least a
 * reader needs there (7 pt text and 9 pt names on paper, 14 px and 18 px
 * on a slide).  detail is what was drawn; full_page, when auto drew a
 * digest because full detail is too small on this page, the smallest page
 * that takes the full drawing (CJM_PAGE_AUTO: none does).  Text figures
 * are 0 when nothing was laid out on a page (auto, or -T dot). */
typedef struct {
    double text, min_text, names, min_names;
    const char *unit; /* "pt" or "px" */
    cjm_detail detail;
    cjm_page full_page;
} cjm_page_fit;

/* Like cjm_render, laid out for `page`; fit (may be NULL) says how the
 * drawing came out on it. */
int cjm_render_page(cjm_renderer *r, const cjm_journey *j, cjm_view view,
                    cjm_page page, const char *format, FILE *out,
                    cjm_page_fit *fit, char *err, size_t errsize);

/* Looks up a page by name ("auto", "a4" ... "a0", "slide"); -1 if
 * unknown. */
int cjm_page_parse(const char *name, cjm_page *out);
const char *cjm_page_name(cjm_page page);

/* Looks up a view by name ("map", "flow", "channels"); -1 if unknown. */
int cjm_view_parse(const char *name, cjm_view *out);
const char *cjm_view_name(cjm_view view);

/* ---- The workshop deck (cjm deck) -------------------------------------- */

/* Takes a deck's output: the whole PDF at once (slide 1 of 1), or each
 * slide's PNG or SVG in turn (slide k of n, from 1).  Returns 0, or -1 to
 * stop: the deck then fails with -2. */
typedef int (*cjm_slide_sink)(void *ctx, size_t slide, size_t n,
                              const char *data, size_t len);

/* Draws the workshop deck of j (spec "Deck"; j must have no errors):
 * format "pdf" gives one document of 960 x 540 pt pages, "png" and "svg"
 * a 1920 x 1080 px file per slide; every slide is numbered.  old (may be
 * NULL: no comparison) adds the comparison map, when it is large enough
 * to read on a slide, and what changed.  *n_slides (may be NULL) is how
 * many slides were made.  Returns as cjm_render does. */
int cjm_deck_render(cjm_renderer *r, const cjm_journey *j,
                    const cjm_journey *old, const char *format,
                    cjm_slide_sink sink, void *ctx, size_t *n_slides,
                    char *err, size_t errsize);

/* ---- Comparing versions (cjm diff) ------------------------------------- */

/* The conditions `cjm diff` fails on (the spec's gate table). */
typedef struct cjm_gate cjm_gate;

/* Parses a comma-separated list such as "removed-touchpoint,index-drop:5".
 * Returns a new gate (caller frees), or NULL with a message in err. */
cjm_gate *cjm_gate_parse(const char *list, char *err, size_t errsize);
/* The gate a policy (a file, or a journey's `requires:`) carries, or NULL
 * when it has no `gate:` key.  Caller frees. */
cjm_gate *cjm_gate_from_policy(const cjm_policy *p);
/* The gate of a loaded journey's own `requires:`, or NULL.  Caller frees. */
cjm_gate *cjm_gate_from_journey(const cjm_journey *j);
void cjm_gate_free(cjm_gate *g);

/* What changed from one version of a journey to another. */
/* Two sets of journeys (two folders, or a revision and the working tree)
 * pair by id, so a renamed file is still the same journey.  A pair holds
 * the index on each side, -1 when absent from it. */
typedef struct {
    long o, n;
} cjm_pair;

/* The index of the first journey with this id among js[0..n) not
 * skipped, or -1. */
long cjm_journeys_find(const cjm_journey *const *js, const bool *skip,
                       size_t n, const char *id);
/* Pairs the journeys of two sides by id (skipped ones take no part), in
 * the new side's order; a removed journey goes right after the journey
 * its predecessor on the old side paired with, so a changelog keeps the
 * files' order.  out holds on + nn pairs.  Returns how many, or -1 when
 * out of memory. */
long cjm_journeys_pair(const cjm_journey *const *os, const bool *oskip,
                       size_t on, const cjm_journey *const *ns,
                       const bool *nskip, size_t nn, cjm_pair *out);

typedef struct cjm_diff cjm_diff;

typedef enum {
    CJM_DIFF_ADDED,
    CJM_DIFF_REMOVED,
    CJM_DIFF_CHANGED,
    CJM_DIFF_UNCHANGED
} cjm_diff_status;

/* Compares two loaded journeys (without errors).  Either side may be NULL:
 * an added or a removed journey.  old_name and new_name say where each side
 * came from ("REV:journeys/shop.yaml"); they are copied.  The journeys must
 * outlive the diff.  NULL on out-of-memory. */
cjm_diff *cjm_diff_new(const cjm_journey *old_j, const cjm_journey *new_j,
                       const char *old_name, const char *new_name);
void cjm_diff_free(cjm_diff *d);
cjm_diff_status cjm_diff_get_status(const cjm_diff *d);

/* Evaluates the gate (NULL: none) against the diff and records every
 * tripped condition in it.  Returns how many tripped. */
size_t cjm_diff_gate(cjm_diff *d, const cjm_gate *g);

/* Removals a team means (`diff --accept`, CJM_ACCEPT): a list of
 * removed-touchpoint:ID, removed-stage:ID and removed-journey:ID, comma-
 * separated.  NULL with a message in err when a piece is not one of
 * these.  Caller frees. */
typedef struct cjm_accept cjm_accept;
cjm_accept *cjm_accept_parse(const char *list, char *err, size_t errsize);
void cjm_accept_free(cjm_accept *a);
/* Before cjm_diff_gate: the removals a names no longer trip the gate,
 * and every output lists them as removed and accepted.  a must outlive
 * d; NULL: none. */
void cjm_diff_accept(cjm_diff *d, const cjm_accept *a);

/* Writes the diffs of a whole run: text (a changelog), Markdown (a pull
 * request comment), JSON (the spec's shape) or GitHub workflow commands.
 * `errors` counts the journey files that could not be compared (their
 * diagnostics are the caller's to print); the run then counts as failed.
 * o->lang (o may be NULL) puts text and Markdown in that language, over
 * each journey's own; JSON and GitHub commands never change with it.
 * Returns 0, or -1 when writing failed. */
int cjm_diffs_write(FILE *out, cjm_diff *const *diffs, size_t n,
                    size_t errors, cjm_format fmt, const cjm_output_opts *o);

/* Draws the comparison map of a diff whose two sides exist: the new map
 * with the old curve behind it, score deltas, removed touchpoints as ghosts
 * and added ones marked new.  Returns as cjm_render does. */
int cjm_diff_render(cjm_renderer *r, const cjm_diff *d, const char *format,
                    FILE *out, char *err, size_t errsize);

/* ---- Survey answers (cjm survey) --------------------------------------- */

/* Survey answers tallied per touchpoint of a journey. */
typedef struct cjm_survey cjm_survey;

/* Reads survey answers (CSV: a header row, a `touchpoint` column and any of
 * `csat`, `ces`, `nps`; see the spec) from `in`, streamed, and tallies them
 * for the touchpoints of j, which must outlive the survey.  Findings go to
 * d at the CSV's line and column (errors: bad values, unknown touchpoints,
 * missing columns; a warning for each touchpoint with fewer than
 * min_responses rows).  Returns the survey (caller frees), or NULL when the
 * CSV could not be read (message in err). */
cjm_survey *cjm_survey_read(FILE *in, const cjm_journey *j,
                            size_t min_responses, cjm_diags *d, char *err,
                            size_t errsize);
void cjm_survey_free(cjm_survey *s);

/* Writes each touchpoint's figures: text (a table per stage, beside the
 * journey's figures) in o->lang, else the journey's language, or JSON (the
 * spec's shape, whatever the language).  o may be NULL.  Returns 0, or -1
 * when writing failed or o->lang is unknown. */
int cjm_survey_write(FILE *out, const cjm_survey *s, cjm_format fmt,
                     const cjm_output_opts *o);

/* Whether touchpoint t's new figures rest on fewer answers than the
 * `responses` its current figures rest on (*had and *now say how many).
 * The figures are still written; a caller warns. */
bool cjm_survey_fewer(const cjm_survey *s, size_t t, size_t *had,
                      size_t *now);
/* The id of the survey journey's touchpoint t. */
const char *cjm_survey_touchpoint_id(const cjm_survey *s, size_t t);

typedef enum {
    CJM_SCORE_NONE,
    CJM_SCORE_CSAT,
    CJM_SCORE_CES,
    CJM_SCORE_NPS
} cjm_score_from;

/* Returns the journey source src[0..len) with `metrics:` of every
 * touchpoint with figures set (and `score:` from a metric, unless
 * CJM_SCORE_NONE), every other byte as it was.  The text is new (caller
 * frees, *out_len its length), or NULL with a message in err. */
char *cjm_survey_apply(const cjm_survey *s, const char *src, size_t len,
                       cjm_score_from from, size_t *out_len, char *err,
                       size_t errsize);

/* ---- Mermaid and JSON (cjm export, cjm import) ------------------------- */

/* Writes the journey as a Mermaid `journey` diagram (the spec's Mermaid
 * section).  Returns 0 or -1. */
int cjm_export_mermaid(FILE *out, const cjm_journey *j);
/* Writes the whole checked model as JSON (schema/model.schema.json), with
 * the figures f of the journey.  Returns 0 or -1. */
int cjm_export_json(FILE *out, const cjm_journey *j, const cjm_figures *f);
/* Reads a Mermaid `journey` diagram from buf[0..len) and writes a journey
 * file for it to out (`schema`, when not NULL, goes into the
 * yaml-language-server line).  Findings at the diagram's lines go to d.
 * Returns 0, -1 when the diagram has errors (nothing written), -2 when
 * writing failed. */
int cjm_import_mermaid(const char *buf, size_t len, FILE *out,
                       const char *schema, cjm_diags *d);

/* ---- Accessors for the model ------------------------------------------ */

const char *cjm_journey_id(const cjm_journey *j);
const char *cjm_journey_title(const cjm_journey *j);
const char *cjm_journey_file(const cjm_journey *j);
size_t cjm_journey_stage_count(const cjm_journey *j);
size_t cjm_journey_touchpoint_count(const cjm_journey *j);

#ifdef __cplusplus
}
#endif
#endif
