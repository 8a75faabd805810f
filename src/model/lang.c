/* lang: the words of maps and reports, English and German.  German uses
 * the words German CX practitioners use ("Reibungspunkte", "Chancen",
 * "Ist-Zustand" / "Soll-Zustand"); "Moment of Truth" is common in German
 * CX and stays. */
#include "lang.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const words[W_WORDS][CJM_LANGS] = {
    [W_PERSONA] = {"Persona", "Persona"},
    [W_CURRENT_STATE] = {"current state (as-is)", "Ist-Zustand"},
    [W_FUTURE_STATE] = {"future state (to-be)", "Soll-Zustand"},
    [W_JOURNEY_INDEX] = {"journey index", "Journey-Index"},
    [W_NO_SCORE_YET] = {"no score yet", "noch keine Bewertung"},
    [W_MEAN] = {"mean", "Mittel"},
    [W_NO_SCORE] = {"no score", "ohne Bewertung"},
    [W_NO_SCORE_ROW] = {"NO SCORE", "OHNE BEWERTUNG"},
    [W_BEST] = {"best", "sehr gut"},
    [W_WORST] = {"worst", "sehr schlecht"},
    [W_FRICTION_ROW] = {"FRICTION", "REIBUNGSPUNKTE"},
    [W_OPPORTUNITIES_ROW] = {"OPPORTUNITIES", "CHANCEN"},
    [W_OPPORTUNITY] = {"OPPORTUNITY", "CHANCE"},
    [W_VOICE_ROW] = {"CUSTOMER VOICE", "KUNDENSTIMMEN"},
    [W_SEV_LOW] = {"LOW", "GERING"},
    [W_SEV_MEDIUM] = {"MEDIUM", "MITTEL"},
    [W_SEV_HIGH] = {"HIGH", "HOCH"},
    [W_SEV_CRITICAL] = {"CRITICAL", "KRITISCH"},
    [W_MOMENT_OF_TRUTH] = {"MOMENT OF TRUTH", "MOMENT OF TRUTH"},
    [W_ENTRY] = {"ENTRY", "EINSTIEG"},
    [W_EXIT] = {"EXIT", "AUSSTIEG"},
    [W_SCORE] = {"Score", "Bewertung"},
    [W_FRICTION] = {"Friction", "Reibung"},
    [W_NEXT_STEP] = {"next step", "nächster Schritt"},
    [W_BRANCH] = {"branch, loop or unscored step",
                  "Abzweigung, Schleife oder Schritt ohne Bewertung"},
    [W_NO_CHANNEL] = {"no channel", "ohne Kanal"},
    [W_START] = {"start", "Start"},
    /* cjm survey's table */
    [W_S_ROWS] = {"%s (%s): %zu answer rows", "%s (%s): %zu Antwortzeilen"},
    [W_S_OTHER] = {" (%zu more for other journeys, left out)", " (%zu weitere für andere Journeys, nicht berücksichtigt)"},
    [W_S_WITH] = {"; %zu touchpoint%s with figures, %zu under the minimum of %zu responses", "; %zu Touchpoint%s mit Kennzahlen, %zu unter dem Minimum von %zu Antworten"},
    [W_S_BRACKETS] = {"In brackets: the change against the figures the journey holds now.", "In Klammern: die Änderung gegenüber den Kennzahlen, die die Journey jetzt hat."},
    [W_S_TOUCHPOINT] = {"touchpoint", "Touchpoint"},
    [W_S_TOP2] = {"top-2", "Top-2"},
    [W_S_UNDER] = {"under the minimum of %zu: no figures", "unter dem Minimum von %zu: keine Kennzahlen"},
    [W_S_NEW] = {"new", "neu"},
    /* cjm diff's changelog and pull-request comment */
    [W_D_OLD] = {"Old", "Alt"},
    [W_D_NEW] = {"New", "Neu"},
    [W_D_CHANGE] = {"Change", "Änderung"},
    [W_D_JOURNEY_INDEX] = {"Journey index", "Journey-Index"},
    [W_D_NEW_STAGE] = {"new stage", "neue Phase"},
    [W_D_NEW_WORD] = {"new", "neu"},
    [W_D_REMOVED] = {"removed", "entfernt"},
    [W_D_REMOVED_ACCEPTED] = {"removed, accepted", "entfernt, akzeptiert"},
    [W_D_ACCEPTED] = {"accepted", "akzeptiert"},
    [W_D_SCORE_CHANGES] = {"Score changes", "Geänderte Bewertungen"},
    [W_D_LARGEST_FIRST] = {"largest first", "größte zuerst"},
    [W_D_TOUCHPOINT] = {"Touchpoint", "Touchpoint"},
    [W_D_STAGE] = {"Stage", "Phase"},
    [W_D_ADDED_TPS] = {"Added touchpoints", "Neue Touchpoints"},
    [W_D_REMOVED_TPS] = {"Removed touchpoints", "Entfernte Touchpoints"},
    [W_D_RENAMED] = {"renamed to", "umbenannt in"},
    [W_D_SAME_NAME] = {"It has the same name", "Er hat denselben Namen"},
    [W_D_MOVED_TPS] = {"Moved touchpoints", "Verschobene Touchpoints"},
    [W_D_FR_ADDED] = {"Friction added", "Neue Reibungspunkte"},
    [W_D_FR_RESOLVED] = {"Friction resolved", "Behobene Reibungspunkte"},
    [W_D_FR_SEVERITY] = {"Friction severity changed", "Geänderte Schwere von Reibungspunkten"},
    [W_D_AT] = {"at", "bei"},
    [W_D_OTHER] = {"Other changes", "Weitere Änderungen"},
    [W_D_OLD_LC] = {"old", "alt"},
    [W_D_NEW_LC] = {"new", "neu"},
    [W_D_JOURNEY] = {"Journey", "Journey"},
    [W_D_FAILED_ERRORS] = {"Journey diff failed: %zu journey file%s with errors", "Journey-Vergleich fehlgeschlagen: %zu Journey-Datei%s mit Fehlern"},
    [W_D_SEE_CHECK] = {"see the check output", "siehe die Ausgabe von check"},
    [W_D_FAILED_TRIPS] = {"Journey diff failed: %zu gate condition%s tripped", "Journey-Vergleich fehlgeschlagen: %zu Gate-Bedingung%s ausgelöst"},
    [W_D_PASSED] = {"Journey diff passed: no gate condition tripped", "Journey-Vergleich bestanden: keine Gate-Bedingung ausgelöst"},
    [W_D_DIFF] = {"Journey diff", "Journey-Vergleich"},
    [W_D_COUNTS_MD] = {"%zu of %zu journey%s changed, %zu added, %zu removed", "%zu von %zu Journey%s geändert, %zu neu, %zu entfernt"},
    [W_D_ST_ADDED] = {"added", "neu"},
    [W_D_ST_REMOVED] = {"removed", "entfernt"},
    [W_D_ST_CHANGED] = {"changed", "geändert"},
    [W_D_ST_UNCHANGED] = {"unchanged", "unverändert"},
    [W_D_INDEX] = {"index", "Index"},
    [W_D_POINTS] = {"points", "Punkte"},
    [W_D_FAILED] = {"FAILED", "FEHLGESCHLAGEN"},
    [W_D_STAGES] = {"stages", "Phasen"},
    [W_D_TOUCHPOINTS] = {"touchpoints", "Touchpoints"},
    [W_D_FRICTION] = {"friction", "Reibungspunkte"},
    [W_D_RESOLVED] = {"resolved", "behoben"},
    [W_D_RENAMED_TEXT] = {"renamed to '%s'? it has the same name", "umbenannt in '%s'? er hat denselben Namen"},
    [W_D_COUNTS_TEXT] = {"%zu journey%s: %zu changed, %zu added, %zu removed, %zu unchanged; ", "%zu Journey%s: %zu geändert, %zu neu, %zu entfernt, %zu unverändert; "},
    [W_D_NOT_COMPARED] = {"%zu not compared (errors); ", "%zu nicht verglichen (Fehler); "},
    [W_D_GATE_FAILED] = {"gate FAILED: %zu condition%s tripped", "Gate FEHLGESCHLAGEN: %zu Bedingung%s ausgelöst"},
    [W_D_GATE_PASSED] = {"gate passed", "Gate bestanden"},
    [W_D_NO_GATE] = {"no gate set", "kein Gate gesetzt"},
    [W_D_PLURAL_S] = {"s", "s"},
    [W_D_PLURAL_EN] = {"s", "en"},
    [W_END] = {"end", "Ende"},
    [W_INDIRECT] = {"indirect", "indirekt"},
    [W_DIRECT] = {"direct", "direkt"},
    [W_OWNER] = {"owner", "verantwortlich"},
    [W_CHANNEL_SWITCH] = {"channel switch", "Kanalwechsel"},
    [W_CHANNEL_SWITCHES] = {"channel switches", "Kanalwechsel"},
    [W_ONE_CHANNEL_SWITCH] = {"channel switch", "Kanalwechsel"},
    [W_SAME_CHANNEL] = {"same channel", "gleicher Kanal"},
    [W_BRANCH_OR_LOOP] = {"branch or loop", "Abzweigung oder Schleife"},
    [W_CARD_COLOUR] = {"card colour = score, as on the map",
                       "Kartenfarbe = Bewertung, wie auf der Karte"},
    [W_CHANNEL_MARKS] = {"Channels", "Kanäle"},
    [W_FILE] = {"file", "Datei"},
    [W_STATE] = {"state", "Zustand"},
    [W_SCALE] = {"scale", "Skala"},
    [W_FROM_OF] = {"from %zu of %zu touchpoints", "aus %zu von %zu Touchpoints"},
    [W_STAGES] = {"Stages", "Phasen"},
    [W_TP] = {"tp", "TP"},
    [W_WEAKEST] = {"Weakest touchpoints", "Schwächste Touchpoints"},
    [W_NONE_SCORED] = {"none scored", "keine bewertet"},
    [W_FRICTION_COUNTS] = {"Friction", "Reibungspunkte"},
    [W_CHANNELS] = {"Channels", "Kanäle"},
    [W_NONE] = {"none", "keine"},
    [W_CONTACT] = {"Contact", "Kontakt"},
    [W_KPIS] = {"KPIs", "KPIs"},
    [W_RESPONSES] = {"responses", "Antworten"},
    [W_STAGE] = {"Stage", "Phase"},
    [W_TOUCHPOINTS] = {"Touchpoints", "Touchpoints"},
    [W_COUNT_ROW] = {"count", "Anzahl"},
    [W_STATE_CURRENT] = {"current", "Ist"},
    [W_STATE_FUTURE] = {"future", "Soll"},
    [W_TOUCHPOINTS_SCORED] = {"%zu of %zu touchpoints scored",
                              "%zu von %zu Touchpoints bewertet"},
    [W_SEVL_LOW] = {"low", "gering"},
    [W_SEVL_MEDIUM] = {"medium", "mittel"},
    [W_SEVL_HIGH] = {"high", "hoch"},
    [W_SEVL_CRITICAL] = {"critical", "kritisch"},
    [W_CHANNEL_SWITCHES_H] = {"Channel switches", "Kanalwechsel"},
    [W_MEAN_H] = {"Mean", "Mittel"},
    [W_INDIRECT_CONTACT] = {"indirect contact", "indirekter Kontakt"},
    [W_REMOVED] = {"REMOVED", "ENTFERNT"},
    [W_REMOVED_LOWER] = {"removed", "entfernt"},
    [W_NEW] = {"NEW", "NEU"},
    [W_WAS] = {"was", "vorher"},
    [W_MOVED_FROM] = {"moved from", "verschoben aus"},
    [W_NEWLY_SCORED] = {"newly scored", "neu bewertet"},
    [W_SCORE_REMOVED] = {"score removed", "Bewertung entfernt"},
    [W_NO_CHANGE] = {"no change", "unverändert"},
    [W_AS_IS] = {"as-is", "Ist"},
    [W_TO_BE] = {"to-be", "Soll"},
    [W_OLD_NEW_VERSION] = {"old → new version", "alte → neue Fassung"},
    [W_NOT_COMPARABLE] = {"not comparable (a side has no score)",
                          "nicht vergleichbar (eine Seite ohne Bewertung)"},
    [W_OLD_CURVE] = {"old curve", "alte Kurve"},
    [W_BETTER] = {"better", "besser"},
    [W_WORSE] = {"worse", "schlechter"},
    [W_WHERE_IT_HURTS] = {"Where it hurts", "Wo es wehtut"},
    [W_WHAT_CHANGED] = {"What changed", "Was sich geändert hat"},
    [W_ADDED_H] = {"Added", "Neu"},
    [W_REMOVED_H] = {"Removed", "Entfernt"},
    [W_LARGEST_CHANGES] = {"Largest score changes", "Größte Änderungen der Bewertung"},
    [W_PORTFOLIO] = {"Journey portfolio", "Journey-Portfolio"},
    [W_JOURNEYS_H] = {"Journey", "Journey"},
    [W_JOURNEYS_LOWER] = {"%zu journeys", "%zu Journeys"},
    [W_JOURNEYS_TITLE] = {"Journeys", "Journeys"},
    [W_FILES_WITH_ERRORS] = {"Files with errors", "Dateien mit Fehlern"},
    [W_FILES_WITH_ERRORS_LOWER] = {"files with errors", "Dateien mit Fehlern"},
    [W_STATE_H] = {"State", "Zustand"},
    [W_JOURNEY_INDEX_H] = {"Index", "Index"},
    [W_TREND] = {"Trend", "Verlauf"},
    [W_SEVL_CRITICAL_H] = {"Critical", "Kritisch"},
    [W_SEVL_HIGH_H] = {"High", "Hoch"},
    [W_WEAKEST_H] = {"Weakest touchpoint", "Schwächster Touchpoint"},
    [W_TOP_FRICTION] = {"Top friction across journeys", "Größte Reibungspunkte aller Journeys"},
    [W_SEVERITY] = {"Severity", "Schwere"},
    [W_TOUCHPOINT_H] = {"Touchpoint", "Touchpoint"},
    [W_HISTORY] = {"History", "Verlauf"},
    [W_CHANGES_SINCE] = {"Changes since", "Änderungen seit"},
    [W_VIEW_MAP] = {"Map", "Karte"},
    [W_VIEW_FLOW] = {"Flow", "Ablauf"},
    [W_VIEW_CHANNELS] = {"Channels", "Kanäle"},
    [W_DATE] = {"Date", "Datum"},
    [W_COMMIT] = {"Commit", "Commit"},
};

static const char *const names[CJM_LANGS] = {"en", "de"};

int cjm_lang_parse(const char *name, cjm_lang *out)
{
    for (int l = 0; l < CJM_LANGS; l++)
        if (strcmp(name, names[l]) == 0) {
            *out = (cjm_lang)l;
            return 0;
        }
    return -1;
}

const char *cjm_lang_name(cjm_lang lang)
{
    return names[(unsigned)lang < CJM_LANGS ? lang : 0];
}

const char *cjm_w(cjm_lang lang, cjm_word w)
{
    if ((unsigned)lang >= CJM_LANGS || (unsigned)w >= W_WORDS)
        return "";
    return words[w][lang];
}

const char *cjm_num(char *buf, double x, int decimals, cjm_lang lang)
{
    char tmp[32];
    cjm_fmt_num(tmp, x, decimals);
    if (lang == CJM_LANG_DE)
        for (char *p = tmp; *p; p++)
            if (*p == '.')
                *p = ',';
    snprintf(buf, 32, "%s", tmp);
    return buf;
}

const char *cjm_count(char *buf, double n, cjm_lang lang)
{
    char digits[32];
    cjm_snprintf(digits, sizeof digits, "%.0f", fabs(n));
    size_t len = strlen(digits), k = 0;
    const char sep = lang == CJM_LANG_DE ? '.' : ',';
    if (n < 0)
        buf[k++] = '-';
    for (size_t i = 0; i < len && k < 30; i++) {
        if (i && (len - i) % 3 == 0)
            buf[k++] = sep;
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

const char *cjm_quote_open(cjm_lang lang)
{
    return lang == CJM_LANG_DE ? "„" : "“";
}

const char *cjm_quote_close(cjm_lang lang)
{
    return lang == CJM_LANG_DE ? "“" : "”";
}

const char *cjm_num_plain(char *buf, double x, int decimals, bool fixed,
                          cjm_lang lang)
{
    if (lang != CJM_LANG_EN)
        return cjm_num(buf, x, decimals, lang);
    return fixed ? cjm_fmt_fixed(buf, x, decimals)
                 : cjm_fmt_num(buf, x, decimals);
}

int cjm_output_lang(const cjm_output_opts *o, cjm_lang own, cjm_lang *out)
{
    *out = own;
    return o && o->lang ? cjm_lang_parse(o->lang, out) : 0;
}
