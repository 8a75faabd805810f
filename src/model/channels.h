/* channels: the catalogue of channels (spec 1.2, "Channels"): eleven
 * channels, their English and German aliases, their labels, and the mark
 * a drawing gives them.  It is data, kept in one place: a channel, an
 * alias or a language is a row or a column in channels.c, not code. */
#ifndef CJM_CHANNELS_H
#define CJM_CHANNELS_H

#include "lang.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *id;                    /* how the format writes it */
    const char *const *aliases;        /* NULL-terminated */
    const char *label[CJM_LANGS]; /* what maps and reports show */
    const char *glyph, *accent;        /* its mark: a DejaVu Sans glyph and
                                          a colour of a qualitative palette */
} cjm_channel_def;

/* The catalogue's channel that `word` names: its id or an alias, in any
 * case, with ä/ö/ü/ß read as ae/oe/ue/ss and spaces as '-' ("E-Mail",
 * "Telefon", "Call Center"); NULL for the team's own words. */
const cjm_channel_def *cjm_channel_find(const char *word);
/* The catalogue's channel within two edits of an own word's spelling
 * (of its id or an alias: "emial", "telefn"; one edit for words of four
 * letters or fewer), or NULL. */
const cjm_channel_def *cjm_channel_near(const char *word);
/* What maps and reports show for a channel (the model holds ids): the
 * catalogue's label in lang, or an own word as written. */
const char *cjm_channel_label(const char *channel, cjm_lang lang);

#endif
