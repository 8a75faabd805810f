/* channels: the channel catalogue as data, and looking words up in it. */
#include "channels.h"
#include "util.h"

#include <string.h>

#define ALIASES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* The marks: shapes DejaVu Sans has (the shape tells the channel in black
 * and white too), accents from a qualitative palette never used for
 * scores. */
static const cjm_channel_def catalogue[] = {
    {"web", ALIASES("website", "webseite", "online", "internet", "homepage"),
     {"Web", "Web"}, "⊕", "#1b7f6a"},
    {"app", ALIASES("mobile-app", "smartphone-app"), {"App", "App"}, "▣",
     "#5e4fa2"},
    {"email", ALIASES("e-mail"), {"Email", "E-Mail"}, "✉", "#c45100"},
    {"phone",
     ALIASES("telephone", "telefon", "call", "anruf", "hotline",
             "call-center", "callcenter"),
     {"Phone", "Telefon"}, "☎", "#b3206b"},
    {"chat", ALIASES("live-chat", "livechat", "chatbot", "messenger"),
     {"Chat", "Chat"}, "❝", "#4d8a12"},
    {"store", ALIASES("shop", "branch", "filiale", "laden", "geschaeft"),
     {"Store", "Filiale"}, "⌂", "#8a5a14"},
    {"social", ALIASES("social-media", "soziale-medien"),
     {"Social media", "Social Media"}, "♥", "#1f5fa8"},
    {"courier",
     ALIASES("delivery", "parcel", "kurier", "paketdienst", "lieferung",
             "zustellung"),
     {"Courier", "Zustellung"}, "➜", "#7a3b00"},
    {"word-of-mouth",
     ALIASES("referral", "recommendation", "empfehlung", "mundpropaganda"),
     {"Word of mouth", "Empfehlung"}, "☺", "#6a3d9a"},
    {"letter", ALIASES("post", "brief", "postbrief"), {"Letter", "Brief"},
     "✍", "#3b5b00"},
    {"event", ALIASES("fair", "trade-show", "veranstaltung", "messe"),
     {"Event", "Veranstaltung"}, "⚑", "#a1152b"},
};

#define N_CHANNELS (sizeof catalogue / sizeof catalogue[0])

/* Calls match(word, spelling, ctx) for every id and alias until it says
 * stop; returns the channel it stopped at. */
static const cjm_channel_def *S_each(const char *word,
                                     bool (*match)(const char *, const char *,
                                                   void *),
                                     void *ctx)
{
    for (size_t i = 0; i < N_CHANNELS; i++) {
        if (match(word, catalogue[i].id, ctx))
            return &catalogue[i];
        for (const char *const *a = catalogue[i].aliases; *a; a++)
            if (match(word, *a, ctx))
                return &catalogue[i];
    }
    return NULL;
}

static bool S_same(const char *word, const char *spelling, void *ctx)
{
    (void)ctx;
    return strcmp(word, spelling) == 0;
}

const cjm_channel_def *cjm_channel_find(const char *word)
{
    cjm_str slug = {0};
    cjm_slugify(&slug, word);
    const cjm_channel_def *c =
        slug.failed ? NULL : S_each(slug.data, S_same, NULL);
    cjm_str_free(&slug);
    return c;
}

/* The best distance so far, and the channel it belongs to. */
typedef struct {
    size_t best;
    const char *id;
} nearest;

static bool S_closer(const char *word, const char *spelling, void *ctx)
{
    nearest *n = ctx;
    size_t d = cjm_edit_distance(word, spelling, n->best - 1);
    if (d < n->best) {
        n->best = d;
        n->id = spelling;
    }
    return false;
}

const cjm_channel_def *cjm_channel_near(const char *word)
{
    /* Within two edits; one for a word of four letters or fewer, where two
     * make another word ("fax" is no typo of "fair"). */
    size_t len = strlen(word);
    nearest n = {len <= 4 ? 2 : 3, NULL};
    if (len < 3)
        return NULL;
    S_each(word, S_closer, &n);
    return n.id ? cjm_channel_find(n.id) : NULL;
}

const char *cjm_channel_label(const char *channel, cjm_lang lang)
{
    for (size_t i = 0; channel && i < N_CHANNELS; i++)
        if (strcmp(channel, catalogue[i].id) == 0)
            return catalogue[i].label[lang];
    return channel;
}
