/* cjm survey: raw survey answers (CSV) turned into each touchpoint's CSAT,
 * CES and NPS, shown beside the journey's figures and, with --write, set in
 * the journey file itself. */
#include "cli.h"
#include "outfile.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: cjm survey [--format text|json] [--lang en|de] [--min-responses N]\n"
    "                  [--score-from csat|ces|nps] [--write] CSV JOURNEY\n"
    "\n"
    "Reads survey answers, one row per answer set: a 'touchpoint' column\n"
    "(the touchpoint's id) and any of 'csat' (1-5), 'ces' (1-7) and 'nps'\n"
    "(0-10); an optional 'journey' column leaves out rows of other journeys.\n"
    "Prints each touchpoint's figures beside those the journey holds now.\n"
    "\n"
    "  --format FMT        text (default) or json\n"
    "  --lang LANG         the text in en or de (default: the journey's\n"
    "                      'lang:'); JSON never changes\n"
    "  --min-responses N   touchpoints with fewer answer rows get no figures\n"
    "                      (default 5)\n"
    "  --score-from M      with --write, also set each score from csat, ces\n"
    "                      or nps, mapped onto the journey's scale\n"
    "  --write             set 'metrics:' of each touchpoint with figures in\n"
    "                      JOURNEY itself; every other byte stays as it was\n"
    "  -h, --help          this help\n"
    "\n"
    "exit status: 0 done, 1 the CSV or the journey has errors (nothing is\n"
    "written), 2 usage error or a file that cannot be read or written\n";

typedef struct {
    cjm_format format;
    size_t min;
    cjm_score_from from;
    bool write;
    const char *lang;
} opts;

/* Writes the new journey text in place of the old, atomically, keeping the
 * file's permissions; a read-only file is refused, not replaced. */
static int S_replace(const char *path, const char *text, size_t len)
{
    char err[1024];
    struct stat st;
    /* A file without write bits is read-only for us even as root, who
     * could replace it: someone made it so on purpose. */
    if (stat(path, &st) != 0 || access(path, W_OK) != 0 ||
        !(st.st_mode & 0222)) {
        fprintf(stderr, "cjm: cannot write '%s': %s; nothing was changed\n",
                path, strerror(errno ? errno : EACCES));
        return CJM_EXIT_USAGE;
    }
    cjm_outfile o;
    if (cjm_outfile_open(&o, path, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s\n", err);
        return CJM_EXIT_USAGE;
    }
    if (o.tmp)
        fchmod(fileno(o.f), st.st_mode & 07777);
    if (fwrite(text, 1, len, o.f) != len) {
        cjm_outfile_abort(&o);
        fprintf(stderr, "cjm: cannot write '%s': %s; nothing was changed\n",
                path, strerror(errno ? errno : EIO));
        return CJM_EXIT_USAGE;
    }
    if (cjm_outfile_commit(&o, err, sizeof err) != 0) {
        fprintf(stderr, "cjm: %s; nothing was changed\n", err);
        return CJM_EXIT_USAGE;
    }
    fprintf(stderr, "cjm: wrote the figures into %s\n", path);
    return CJM_EXIT_OK;
}

/* The edited text must load as cleanly as the original did. */
static int S_write(const opts *o, const cjm_survey *s, const cli_input *in)
{
    char err[512];
    size_t len;
    char *text = cjm_survey_apply(s, in->buf, in->len, o->from, &len, err,
                                  sizeof err);
    if (!text) {
        fprintf(stderr, "cjm: %s: %s; nothing was changed\n",
                cjm_diags_file(in->d), err);
        return CJM_EXIT_ERRORS;
    }
    cjm_diags *d = cjm_diags_new(cjm_diags_file(in->d));
    cjm_journey *j = d ? cjm_journey_load(text, len, cjm_diags_file(in->d), d)
                       : NULL;
    int rc;
    if (!j) {
        fprintf(stderr, "cjm: %s: the edited journey would not load; nothing "
                        "was changed (please report this)\n",
                cjm_diags_file(in->d));
        if (d)
            cjm_diags_write(stderr, d, CJM_FORMAT_TEXT, text, len);
        rc = CJM_EXIT_ERRORS;
    } else {
        rc = S_replace(cjm_diags_file(in->d), text, len);
    }
    cjm_journey_free(j);
    cjm_diags_free(d);
    free(text);
    return rc;
}

/* A new wave with fewer answers than the figures it replaces may be a
 * partial export: --write goes on, but says so. */
static void S_warn_fewer(const cjm_survey *s, const cjm_journey *j,
                         const char *journey)
{
    for (size_t t = 0; t < cjm_journey_touchpoint_count(j); t++) {
        size_t had, now;
        if (cjm_survey_fewer(s, t, &had, &now))
            fprintf(stderr, "cjm: %s: warning: '%s' had figures from %zu "
                            "answers; the new ones rest on %zu\n",
                    journey, cjm_survey_touchpoint_id(s, t), had, now);
    }
}

static int S_run(const opts *o, const char *csv, const char *journey)
{
    int status = CJM_EXIT_OK;
    cli_input in;
    if (cli_input_open(journey, NULL, &in, &status) != 0)
        return CJM_EXIT_USAGE;
    if (!in.j || cjm_diags_errors(in.d)) {
        /* Figures are never put into a journey that does not check. */
        if (cjm_diags_count(in.d))
            cjm_diags_write(stderr, in.d, CJM_FORMAT_TEXT, in.buf, in.len);
        if (in.buf)
            fprintf(stderr, "cjm: %s has errors; fix them first, nothing was "
                            "read or changed\n",
                    journey);
        cli_input_close(&in);
        return status ? status : CJM_EXIT_ERRORS;
    }
    FILE *f = strcmp(csv, "-") == 0 ? stdin : fopen(csv, "rb");
    if (!f) {
        fprintf(stderr, "cjm: cannot read '%s': %s\n", csv, strerror(errno));
        cli_input_close(&in);
        return CJM_EXIT_USAGE;
    }
    char err[512];
    cjm_diags *d = cjm_diags_new(strcmp(csv, "-") == 0 ? "<stdin>" : csv);
    cjm_survey *s = d ? cjm_survey_read(f, in.j, o->min, d, err, sizeof err)
                      : NULL;
    if (f != stdin)
        fclose(f);
    if (!s) {
        fprintf(stderr, "cjm: %s: %s\n", csv, d ? err : "out of memory");
        status = CJM_EXIT_USAGE;
    } else {
        cjm_diags_sort(d);
        cjm_diags_write(stderr, d, CJM_FORMAT_TEXT, NULL, 0);
        if (cjm_diags_errors(d)) {
            status = CJM_EXIT_ERRORS;
            if (o->write)
                fprintf(stderr, "cjm: the CSV has errors; %s was not "
                                "changed\n",
                        journey);
        } else {
            cjm_survey_write(stdout, s, o->format,
                             &(cjm_output_opts){.lang = o->lang});
            if (o->write) {
                S_warn_fewer(s, in.j, journey);
                status = S_write(o, s, &in);
            }
        }
    }
    cjm_survey_free(s);
    cjm_diags_free(d);
    cli_input_close(&in);
    return status;
}

static int S_number(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v < 1 || v > 1000000)
        return -1;
    *out = (size_t)v;
    return 0;
}

int cjm_cmd_survey(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"min-responses", required_argument, NULL, 'm'},
        {"score-from", required_argument, NULL, 's'},
        {"write", no_argument, NULL, 'w'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    opts o = {CJM_FORMAT_TEXT, 5, CJM_SCORE_NONE, false, NULL};
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'h': fputs(usage, stdout); return CJM_EXIT_OK;
        case 'f':
            if (cli_format(optarg, CLI_FMT(CJM_FORMAT_TEXT) |
                                       CLI_FMT(CJM_FORMAT_JSON),
                           &o.format) != 0)
                return cli_usage_error(usage, "unknown format '%s'", optarg);
            break;
        case 'm':
            if (S_number(optarg, &o.min) != 0)
                return cli_usage_error(usage, "--min-responses takes a whole "
                                              "number from 1, not '%s'",
                                       optarg);
            break;
        case 's':
            o.from = strcmp(optarg, "csat") == 0  ? CJM_SCORE_CSAT
                     : strcmp(optarg, "ces") == 0 ? CJM_SCORE_CES
                     : strcmp(optarg, "nps") == 0 ? CJM_SCORE_NPS
                                                  : CJM_SCORE_NONE;
            if (o.from == CJM_SCORE_NONE)
                return cli_usage_error(usage, "--score-from takes csat, ces or "
                                              "nps, not '%s'",
                                       optarg);
            break;
        case 'w': o.write = true; break;
        case 'l':
            if (cli_lang(usage, optarg, &o.lang) != 0)
                return CJM_EXIT_USAGE;
            break;
        default:
            return cli_bad_option(usage, argv);
        }
    }
    if (argc - optind != 2)
        return cli_usage_error(usage, "give the CSV and the JOURNEY%s", "");
    if (o.from != CJM_SCORE_NONE && !o.write)
        return cli_usage_error(usage, "--score-from sets scores: give --write "
                                      "too%s",
                               "");
    return S_run(&o, argv[optind], argv[optind + 1]);
}
