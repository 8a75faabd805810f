/* lang: every word cjm adds to maps and reports, in one table with a
 * column per language (a third language is one column more), and the
 * number style of each.  Diagnostics and JSON keys stay English. */
#ifndef CJM_LANG_H
#define CJM_LANG_H

#include "cjm.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { CJM_LANG_EN, CJM_LANG_DE, CJM_LANGS } cjm_lang;

typedef enum {
    W_PERSONA,        /* "Persona" */
    W_CURRENT_STATE,  /* "current state (as-is)" */
    W_FUTURE_STATE,
    W_JOURNEY_INDEX,  /* "journey index" */
    W_NO_SCORE_YET,
    W_MEAN,           /* stage header: "mean 3.07" */
    W_NO_SCORE,       /* on a card or header */
    W_NO_SCORE_ROW,   /* the map's row label */
    W_BEST,
    W_WORST,
    W_FRICTION_ROW,
    W_OPPORTUNITIES_ROW,
    W_OPPORTUNITY,
    W_VOICE_ROW,
    W_SEV_LOW,
    W_SEV_MEDIUM,
    W_SEV_HIGH,
    W_SEV_CRITICAL,
    W_MOMENT_OF_TRUTH,
    W_ENTRY,
    W_EXIT,
    W_SCORE,          /* legend */
    W_FRICTION,       /* legend */
    W_NEXT_STEP,
    W_BRANCH,
    W_NO_CHANNEL,
    W_START,
    W_S_ROWS,
    W_S_OTHER,
    W_S_WITH,
    W_S_BRACKETS,
    W_S_TOUCHPOINT,
    W_S_TOP2,
    W_S_UNDER,
    W_S_NEW,
    W_D_OLD,
    W_D_NEW,
    W_D_CHANGE,
    W_D_JOURNEY_INDEX,
    W_D_NEW_STAGE,
    W_D_NEW_WORD,
    W_D_REMOVED,
    W_D_REMOVED_ACCEPTED,
    W_D_ACCEPTED,
    W_D_SCORE_CHANGES,
    W_D_LARGEST_FIRST,
    W_D_TOUCHPOINT,
    W_D_STAGE,
    W_D_ADDED_TPS,
    W_D_REMOVED_TPS,
    W_D_RENAMED,
    W_D_SAME_NAME,
    W_D_MOVED_TPS,
    W_D_FR_ADDED,
    W_D_FR_RESOLVED,
    W_D_FR_SEVERITY,
    W_D_AT,
    W_D_OTHER,
    W_D_OLD_LC,
    W_D_NEW_LC,
    W_D_JOURNEY,
    W_D_FAILED_ERRORS,
    W_D_SEE_CHECK,
    W_D_FAILED_TRIPS,
    W_D_PASSED,
    W_D_DIFF,
    W_D_COUNTS_MD,
    W_D_ST_ADDED,
    W_D_ST_REMOVED,
    W_D_ST_CHANGED,
    W_D_ST_UNCHANGED,
    W_D_INDEX,
    W_D_POINTS,
    W_D_FAILED,
    W_D_STAGES,
    W_D_TOUCHPOINTS,
    W_D_FRICTION,
    W_D_RESOLVED,
    W_D_RENAMED_TEXT,
    W_D_COUNTS_TEXT,
    W_D_NOT_COMPARED,
    W_D_GATE_FAILED,
    W_D_GATE_PASSED,
    W_D_NO_GATE,
    W_D_PLURAL_S,
    W_D_PLURAL_EN,
    W_END,
    W_INDIRECT,       /* card and legend */
    W_DIRECT,
    W_OWNER,
    W_CHANNEL_SWITCH,   /* "channel switch" (legend) */
    W_CHANNEL_SWITCHES, /* "%zu channel switches" (title), plural */
    W_ONE_CHANNEL_SWITCH,
    W_SAME_CHANNEL,
    W_BRANCH_OR_LOOP,
    W_CARD_COLOUR,
    W_CHANNEL_MARKS,  /* legend: "channels" */
    /* reports */
    W_FILE,
    W_STATE,
    W_SCALE,          /* "scale %s to %s" */
    W_FROM_OF,        /* "from %zu of %zu touchpoints" */
    W_STAGES,
    W_TP,             /* column: "tp" */
    W_WEAKEST,
    W_NONE_SCORED,
    W_FRICTION_COUNTS, /* "Friction" */
    W_CHANNELS,
    W_NONE,
    W_CONTACT,        /* "Contact" */
    W_KPIS,           /* "KPIs" */
    W_RESPONSES,      /* "responses" */
    W_STAGE,
    W_TOUCHPOINTS,
    W_COUNT_ROW,      /* markdown friction table: "count" */
    W_STATE_CURRENT,  /* "current" (report) */
    W_STATE_FUTURE,
    W_TOUCHPOINTS_SCORED, /* "%zu of %zu touchpoints scored" */
    W_SEVL_LOW,           /* severities in running text */
    W_SEVL_MEDIUM,
    W_SEVL_HIGH,
    W_SEVL_CRITICAL,
    W_CHANNEL_SWITCHES_H, /* "Channel switches" */
    W_MEAN_H,             /* "Mean" (column) */
    W_INDIRECT_CONTACT,   /* legend */
    /* the comparison map */
    W_REMOVED,
    W_REMOVED_LOWER,
    W_NEW,
    W_WAS,
    W_MOVED_FROM,
    W_NEWLY_SCORED,
    W_SCORE_REMOVED,
    W_NO_CHANGE,
    W_AS_IS,
    W_TO_BE,
    W_OLD_NEW_VERSION,
    W_NOT_COMPARABLE,
    W_OLD_CURVE,
    W_BETTER,
    W_WORSE,
    W_WHERE_IT_HURTS, /* the deck's slides */
    W_WHAT_CHANGED,
    W_ADDED_H,
    W_REMOVED_H,
    W_LARGEST_CHANGES,
    W_PORTFOLIO, /* the site's */
    W_JOURNEYS_H,
    W_JOURNEYS_LOWER,
    W_JOURNEYS_TITLE,
    W_FILES_WITH_ERRORS,
    W_FILES_WITH_ERRORS_LOWER,
    W_STATE_H,
    W_JOURNEY_INDEX_H,
    W_TREND,
    W_SEVL_CRITICAL_H,
    W_SEVL_HIGH_H,
    W_WEAKEST_H,
    W_TOP_FRICTION,
    W_SEVERITY,
    W_TOUCHPOINT_H,
    W_HISTORY,
    W_CHANGES_SINCE,
    W_VIEW_MAP,
    W_VIEW_FLOW,
    W_VIEW_CHANNELS,
    W_DATE,
    W_COMMIT,
    W_WORDS
} cjm_word;

/* The language of a name ("en", "de"); -1 when unknown. */
int cjm_lang_parse(const char *name, cjm_lang *out);
const char *cjm_lang_name(cjm_lang lang);

const char *cjm_w(cjm_lang lang, cjm_word w);

/* x with `decimals` places, trailing zeros dropped, in the language's
 * style: "3.12" / "3,12".  buf holds 32 bytes. */
const char *cjm_num(char *buf, double x, int decimals, cjm_lang lang);
/* A figure as changelogs and text tables show it: English as plainly as
 * JSON ("1240.5", trailing zeros dropped), other languages as cjm_num.
 * With `fixed`, English keeps every decimal ("53.0"). */
const char *cjm_num_plain(char *buf, double x, int decimals, bool fixed,
                          cjm_lang lang);
/* The language an output speaks: o->lang when o gives one, else `own`.
 * Returns 0, or -1 when o->lang is unknown. */
int cjm_output_lang(const cjm_output_opts *o, cjm_lang own, cjm_lang *out);
/* A count with thousands grouped: "1,240" / "1.240"; buf holds 32 bytes. */
const char *cjm_count(char *buf, double n, cjm_lang lang);
/* Quotation marks around a quote: “…” / „…“. */
const char *cjm_quote_open(cjm_lang lang);
const char *cjm_quote_close(cjm_lang lang);

#endif
