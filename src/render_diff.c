#include "diff.h"
#include "render.h"
int cjm_diff_render(cjm_renderer *r, const cjm_diff *d, const char *format,
                    FILE *out, char *err, size_t errsize)
{ (void)r; (void)d; (void)format; (void)out; snprintf(err, errsize, "todo"); return -1; }
