/* print_diff: cjm_diffs_write, which writes the diffs of a run in the
 * format asked for (print_diff_<format>.c). */
#include "print_diff.h"

int cjm_diffs_write(FILE *out, cjm_diff *const *diffs, size_t n,
                    size_t errors, cjm_format fmt, const cjm_output_opts *o)
{
    switch (fmt) {
    case CJM_FORMAT_JSON: cjm_dp_json(out, diffs, n, errors); break;
    case CJM_FORMAT_MARKDOWN: cjm_dp_markdown(out, diffs, n, errors, o); break;
    case CJM_FORMAT_GITHUB: cjm_dp_github(out, diffs, n); break;
    default: cjm_dp_text(out, diffs, n, errors, o); break;
    }
    return ferror(out) ? -1 : 0;
}
