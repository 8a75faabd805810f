/* Helpers shared by the unit tests. */
#ifndef CJM_TEST_SUPPORT_H
#define CJM_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cjm.h"

/* Loads and checks YAML text; the diagnostics land in *d (caller frees). */
static inline cjm_journey *load_text(const char *yaml, cjm_diags **d)
{
    *d = cjm_diags_new("test.yaml");
    return cjm_journey_load_checked(yaml, strlen(yaml), "test.yaml", NULL, *d);
}

/* How many findings of this rule the list holds. */
static inline size_t count_rule(const cjm_diags *d, cjm_rule rule)
{
    size_t n = 0;
    for (size_t i = 0; i < cjm_diags_count(d); i++)
        n += cjm_diags_get(d, i)->rule == rule;
    return n;
}

/* The first finding of this rule, or NULL. */
static inline const cjm_diag *find_rule(const cjm_diags *d, cjm_rule rule)
{
    for (size_t i = 0; i < cjm_diags_count(d); i++)
        if (cjm_diags_get(d, i)->rule == rule)
            return cjm_diags_get(d, i);
    return NULL;
}

#endif
