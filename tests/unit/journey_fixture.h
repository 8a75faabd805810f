/* A valid 12-touchpoint journey that tests bend one key at a time. */
#ifndef CJM_TEST_FIXTURE_H
#define CJM_TEST_FIXTURE_H

#include <stdio.h>

/* `top` goes after the title (top-level keys), `last` into the last
 * touchpoint (8 spaces of indent), `tail` after the last stage. */
static inline const char *fixture(const char *top, const char *last,
                                  const char *tail)
{
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "journey: Test journey\n"
             "%s"
             "stages:\n"
             "  - id: first\n"
             "    touchpoints:\n"
             "      - {id: t1, name: One, channel: web, score: 4}\n"
             "      - {id: t2, name: Two, channel: web, score: 4}\n"
             "      - {id: t3, name: Three, channel: email, score: 3}\n"
             "      - {id: t4, name: Four, channel: email, score: 3}\n"
             "      - {id: t5, name: Five, channel: app, score: 5}\n"
             "      - {id: t6, name: Six, channel: app, score: 5}\n"
             "  - id: second\n"
             "    touchpoints:\n"
             "      - {id: t7, name: Seven, channel: web, score: 4}\n"
             "      - {id: t8, name: Eight, channel: web, score: 4}\n"
             "      - {id: t9, name: Nine, channel: web, score: 4}\n"
             "      - {id: t10, name: Ten, channel: web, score: 4}\n"
             "      - {id: t11, name: Eleven, channel: web, score: 4}\n"
             "      - id: t12\n"
             "        name: Twelve\n"
             "%s"
             "%s",
             top, last, tail);
    return buf;
}

/* The last touchpoint's usual keys, for tests that change other ones. */
#define LAST_OK "        channel: web\n        score: 4\n"

/* Line of the last touchpoint's first extra key. */
#define LAST_LINE 20

#endif
