/* print_diff: the pieces the diff's four formats share (print_diff_parts.c)
 * and the four writers cjm_diffs_write picks from (print_diff_<format>.c). */
#ifndef CJM_PRINT_DIFF_H
#define CJM_PRINT_DIFF_H

#include "diff.h"
#include "lang.h"

/* "added", "removed", "changed", "unchanged", by cjm_diff_status. */
extern const char *const cjm_dp_status_names[];

/* The journey's id and title, from its new side when it has one. */
const char *cjm_dp_id(const cjm_diff *d);
const char *cjm_dp_title(const cjm_diff *d);
/* x rounded to one decimal, as percentages are shown. */
double cjm_dp_pct1(double x);
/* "+0.28", "-0.5", "0": decimals places, trailing zeros dropped.  buf
 * holds 32 bytes. */
const char *cjm_dp_signed(char *buf, double delta, int decimals, cjm_lang L);
/* "▲ +0.28", "▼ −0.5" or "=": the arrow carries the direction without
 * colour.  buf holds 48 bytes. */
const char *cjm_dp_arrow(char *buf, double delta, int decimals, cjm_lang L);
/* The id of touchpoint t's stage. */
const char *cjm_dp_stage_of(const cjm_journey *j, size_t t);
/* Gate conditions tripped over all diffs. */
size_t cjm_dp_trips(cjm_diff *const *diffs, size_t n);
/* How many diffs have each status. */
void cjm_dp_counts(cjm_diff *const *diffs, size_t n, size_t counts[4]);
/* Field f (CJM_F_*) of tp as the outputs show it. */
void cjm_dp_value(cjm_str *s, const cjm_touchpoint *tp, int f, cjm_lang L);
/* "score 1.8 → 3.6 (+1.8); channel phone → app" for new touchpoint t,
 * leaving out the fields in `skip` (bits). */
void cjm_dp_summary(cjm_str *s, const cjm_diff *d, size_t t, unsigned skip,
                    cjm_lang L);
/* The language text and Markdown speak for d: o->lang when set, else the
 * new journey's (the old one's for a removed journey). */
cjm_lang cjm_dp_lang(const cjm_diff *d, const cjm_output_opts *o);

/* "state current → future; owner (none) → Team CX": the journey's own
 * changed fields, or nothing. */
void cjm_dp_journey_summary(cjm_str *s, const cjm_diff *d);

void cjm_dp_json(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors);
void cjm_dp_text(FILE *out, cjm_diff *const *diffs, size_t n, size_t errors,
                 const cjm_output_opts *o);
void cjm_dp_markdown(FILE *out, cjm_diff *const *diffs, size_t n,
                     size_t errors, const cjm_output_opts *o);
void cjm_dp_github(FILE *out, cjm_diff *const *diffs, size_t n);

#endif
