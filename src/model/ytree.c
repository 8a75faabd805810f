/* libyaml events -> ytree.  The event API (not yaml_parser_load) lets us stop
 * at a fixed depth, count nodes, and bound alias expansion before any of
 * them can cost time or memory. */
#include "ytree.h"
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct {
    ynode *node;
    ynode **kids;
    size_t n, cap;
    const char *anchor; /* copied into the tree arena */
} frame;

typedef struct {
    const char *name;
    ynode *node;
} anchor;

typedef struct {
    cjm_arena *arena;
    ynode *root;
    cjm_diags *diags;
    const char *buf;
    size_t len;
    frame stack[CJM_MAX_DEPTH];
    size_t depth;
    anchor anchors[CJM_MAX_ANCHORS];
    size_t n_anchors;
    size_t nodes;
    size_t alias_weight;
    bool have_root;
    bool failed; /* a syntax error was reported: stop */
    size_t mark_chars, mark_bytes; /* see S_offset() */
} builder;

/* libyaml's marks count characters; edits need bytes.  Marks only grow
 * along the event stream, so one cursor walks the buffer once. */
static size_t S_offset(builder *b, size_t chars)
{
    if (chars < b->mark_chars) { /* never expected: start over */
        b->mark_chars = 0;
        b->mark_bytes = b->len >= 3 && memcmp(b->buf, "\xEF\xBB\xBF", 3) == 0
                            ? 3 : 0;
    }
    while (b->mark_chars < chars && b->mark_bytes < b->len) {
        unsigned char c = (unsigned char)b->buf[b->mark_bytes];
        size_t w = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        b->mark_bytes += w;
        b->mark_chars++;
    }
    return b->mark_bytes < b->len ? b->mark_bytes : b->len;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void S_syntax(builder *b, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cjm_diags_vadd(b->diags, CJM_RULE_SYNTAX, CJM_ERROR, line, col, fmt, ap);
    va_end(ap);
    b->failed = true;
}

static size_t S_add_sat(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Position of byte `off` as 1-based line and character column. */
static void S_offset_pos(const char *buf, size_t len, size_t off, int *line,
                         int *col)
{
    if (off > len)
        off = len;
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)cjm_utf8_chars(buf + start, off - start) + 1;
}

/* The byte at a 0-based (line, character column) mark, or -1. */
static int S_byte_at(const char *buf, size_t len, size_t line, size_t col)
{
    size_t i = 0;
    for (size_t l = 0; l < line && i < len; i++)
        if (buf[i] == '\n')
            l++;
    for (size_t c = 0; i < len && buf[i] != '\n'; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        if (c++ == col)
            return (unsigned char)buf[i];
    }
    return -1;
}

/* One line of the source: where it starts, its indent, where its key
 * starts (after any "- "), and whether it is a list item. */
typedef struct {
    const char *s;
    size_t len;
    int indent, key_col; /* 0-based columns */
    bool dash, content;
} src_line;

static src_line S_line(const char *buf, size_t len, size_t want)
{
    src_line l = {0};
    size_t i = 0, line = 0;
    while (line < want && i < len)
        if (buf[i++] == '\n')
            line++;
    if (line < want)
        return l;
    l.s = buf + i;
    while (i + l.len < len && buf[i + l.len] != '\n')
        l.len++;
    size_t k = 0;
    while (k < l.len && l.s[k] == ' ')
        k++;
    l.indent = (int)k;
    l.content = k < l.len && l.s[k] != '#' && l.s[k] != '\r';
    l.dash = k + 1 < l.len && l.s[k] == '-' && l.s[k + 1] == ' ';
    while (k + 1 < l.len && l.s[k] == '-' && l.s[k + 1] == ' ') {
        k += 2;
        while (k < l.len && l.s[k] == ' ')
            k++;
    }
    l.key_col = (int)k;
    return l;
}

/* The key a line starts with ("name"), for messages. */
static void S_key_name(cjm_str *s, const src_line *l)
{
    size_t k = (size_t)l->key_col, e = k;
    while (e < l->len && l->s[e] != ':' && e - k < 40)
        e++;
    cjm_str_append(s, l->s + k, e - k);
}

/* libyaml's "mapping values are not allowed", "did not find expected key"
 * and "did not find expected '-' indicator" mostly mean a line indented
 * wrongly.  Compare it with the lines above and say by how much, and
 * where it should start.  Returns false when the lines tell nothing. */
static bool S_indent_hint(builder *b, size_t line0, cjm_str *msg, int *col)
{
    src_line l = S_line(b->buf, b->len, line0), p = {0};
    size_t pl = line0;
    if (!l.s || !l.content)
        return false;
    while (pl-- > 0) { /* the nearest line above with content */
        p = S_line(b->buf, b->len, pl);
        if (p.content)
            break;
    }
    if (!p.content)
        return false;
    if (l.dash) {
        /* A list item: line it up with the nearest item above. */
        src_line q = p;
        size_t ql = pl;
        while (!q.dash && ql-- > 0)
            q = S_line(b->buf, b->len, ql);
        if (!q.dash || q.indent == l.indent)
            return false;
        int d = q.indent - l.indent;
        cjm_str_printf(msg, "this list item is indented %d space%s %s than "
                            "the '-' on line %zu; indent it to column %d",
                       d < 0 ? -d : d, d == 1 || d == -1 ? "" : "s",
                       d > 0 ? "less" : "more", ql + 1, q.indent + 1);
        *col = l.indent + 1;
        return true;
    }
    if (l.indent == p.key_col) {
        /* Lined up: then it is "key: text: more" on one line. */
        const char *c1 = memchr(l.s, ':', l.len);
        size_t rest = c1 ? l.len - (size_t)(c1 - l.s) - 1 : 0;
        if (!c1 || !memchr(c1 + 1, ':', rest))
            return false;
        cjm_str_puts(msg, "the value after '");
        S_key_name(msg, &l);
        cjm_str_puts(msg, ":' holds ': '; put the whole value in quotes");
        *col = l.key_col + 1;
        return true;
    }
    int d = p.key_col - l.indent;
    cjm_str_printf(msg, "this line is indented %d space%s %s than '",
                   d < 0 ? -d : d, d == 1 || d == -1 ? "" : "s",
                   d > 0 ? "less" : "more");
    S_key_name(msg, &p);
    cjm_str_printf(msg, ":' on line %zu; indent it to column %d", pl + 1,
                   p.key_col + 1);
    *col = l.indent + 1;
    return true;
}

static void S_parser_error(builder *b, const yaml_parser_t *p)
{
    int line, col;
    cjm_str msg = {0};
    if (p->error == YAML_MEMORY_ERROR) {
        S_syntax(b, 1, 1, "out of memory while parsing");
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        S_offset_pos(b->buf, b->len, p->problem_offset, &line, &col);
        if (p->problem && strstr(p->problem, "control"))
            cjm_str_printf(&msg, "the file holds control character U+%04X; "
                                 "remove it (only tab and newline are "
                                 "allowed)", (unsigned)p->problem_value);
        else
            cjm_str_printf(&msg, "the file is not valid UTF-8 (%s); save it "
                                 "as UTF-8", p->problem ? p->problem : "?");
    } else {
        line = (int)p->problem_mark.line + 1;
        col = (int)p->problem_mark.column + 1;
        int ch = S_byte_at(b->buf, b->len, p->problem_mark.line,
                           p->problem_mark.column);
        bool indent = p->problem &&
                      (strstr(p->problem, "mapping values are not allowed") ||
                       strstr(p->problem, "did not find expected key") ||
                       strstr(p->problem, "did not find expected '-'"));
        size_t at = p->problem_mark.line;
        /* "did not find expected key" points at the first token after the
         * mapping: the line that broke it. */
        if (ch != '\t' && indent && S_indent_hint(b, at, &msg, &col)) {
            line = (int)at + 1;
            cjm_str_printf(&msg, " (YAML: %s)", p->problem);
            S_syntax(b, line, col, "%s", msg.failed ? "parse error" : msg.data);
            cjm_str_free(&msg);
            return;
        }
        if (ch == '\t')
            cjm_str_puts(&msg, "a tab cannot indent YAML, use spaces: ");
        else
            cjm_str_puts(&msg, "invalid YAML: ");
        cjm_str_puts(&msg, p->problem ? p->problem : "parse error");
        if (p->context) {
            cjm_str_printf(&msg, " %s", p->context);
            if (p->context_mark.line != p->problem_mark.line)
                cjm_str_printf(&msg, " that starts at line %zu",
                               p->context_mark.line + 1);
        }
    }
    S_syntax(b, line, col, "%s", msg.failed ? "parse error" : msg.data);
    cjm_str_free(&msg);
}

static ynode *S_node(builder *b, ykind kind, const yaml_mark_t *m)
{
    if (++b->nodes > CJM_MAX_NODES) {
        S_syntax(b, (int)m->line + 1, (int)m->column + 1,
                 "the file holds more than %d YAML nodes; a journey needs "
                 "far fewer",
                 CJM_MAX_NODES);
        return NULL;
    }
    ynode *n = cjm_arena_alloc(b->arena, sizeof *n);
    if (!n) {
        S_syntax(b, 1, 1, "out of memory");
        return NULL;
    }
    n->kind = kind;
    n->line = (int)m->line + 1;
    n->col = (int)m->column + 1;
    n->weight = 1;
    return n;
}

/* Explicit tags are never needed and `!!python/object` style tags are a
 * known attack on other loaders: report them all. */
static void S_check_tag(builder *b, const yaml_char_t *tag, const ynode *n)
{
    if (tag)
        cjm_diags_add(b->diags, CJM_RULE_SCHEMA, CJM_ERROR, n->line, n->col,
                      "explicit tag '%s' is not allowed; remove it (values "
                      "are typed by their key)",
                      (const char *)tag);
}

static void S_check_text(builder *b, const ynode *n)
{
    const unsigned char *s = (const unsigned char *)n->str;
    for (size_t i = 0; i < n->len; i++) {
        unsigned c = s[i];
        bool c1 = c == 0xC2 && i + 1 < n->len && s[i + 1] >= 0x80 &&
                  s[i + 1] <= 0x9F;
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c1) {
            cjm_diags_add(b->diags, CJM_RULE_SCHEMA, CJM_ERROR, n->line,
                          n->col,
                          "text holds control character U+%04X; remove it "
                          "(only tab and newline are allowed)",
                          c1 ? s[i + 1] : c);
            return;
        }
    }
}

static bool S_keys_equal(const ynode *a, const ynode *b)
{
    return a->kind == Y_SCALAR && b->kind == Y_SCALAR && a->len == b->len &&
           memcmp(a->str, b->str, a->len) == 0;
}

static int S_key_cmp(const void *pa, const void *pb)
{
    const ynode *a = *(ynode *const *)pa, *b = *(ynode *const *)pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->str, b->str, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    /* Same key: earlier position first, so the first is the one kept. */
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return (a->col > b->col) - (a->col < b->col);
}

static void S_dup_report(builder *b, const ynode *first, const ynode *again)
{
    cjm_diags_add(b->diags, CJM_RULE_DUPLICATE_KEY, CJM_ERROR, again->line,
                  again->col,
                  "key '%s' appears twice in this mapping (first at line %d); "
                  "remove or rename one",
                  again->str, first->line);
}

/* libyaml accepts duplicate keys silently; a journey must not. */
static void S_check_keys(builder *b, const ynode *map)
{
    size_t n = map->n;
    for (size_t i = 0; i < n; i++) {
        const ynode *k = map->items[2 * i];
        if (k->kind != Y_SCALAR)
            cjm_diags_add(b->diags, CJM_RULE_SCHEMA, CJM_ERROR, k->line,
                          k->col, "a mapping key must be plain text, not a "
                                  "list or mapping");
    }
    if (n < 2)
        return;
    if (n <= 16) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (S_keys_equal(map->items[2 * j], map->items[2 * i])) {
                    S_dup_report(b, map->items[2 * j], map->items[2 * i]);
                    break;
                }
        return;
    }
    ynode **keys = malloc(n * sizeof *keys);
    if (!keys)
        return;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (map->items[2 * i]->kind == Y_SCALAR)
            keys[m++] = map->items[2 * i];
    qsort(keys, m, sizeof *keys, S_key_cmp);
    for (size_t i = 1, first = 0; i < m; i++) {
        if (S_keys_equal(keys[first], keys[i]))
            S_dup_report(b, keys[first], keys[i]);
        else
            first = i;
    }
    free(keys);
}

static void S_attach(builder *b, ynode *n)
{
    if (b->depth == 0) {
        b->root = n;
        b->have_root = true;
        return;
    }
    frame *f = &b->stack[b->depth - 1];
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        ynode **k = realloc(f->kids, cap * sizeof *k);
        if (!k) {
            S_syntax(b, n->line, n->col, "out of memory");
            return;
        }
        f->kids = k;
        f->cap = cap;
    }
    f->kids[f->n++] = n;
    f->node->weight = S_add_sat(f->node->weight, n->weight);
}

static void S_anchor_add(builder *b, const char *name, ynode *n)
{
    if (!name)
        return;
    if (b->n_anchors == CJM_MAX_ANCHORS) {
        S_syntax(b, n->line, n->col,
                 "more than %d anchors; a journey needs only a few",
                 CJM_MAX_ANCHORS);
        return;
    }
    b->anchors[b->n_anchors++] = (anchor){name, n};
}

static const char *S_anchor_name(builder *b, const yaml_char_t *a)
{
    return a ? cjm_arena_strdup(b->arena, (const char *)a) : NULL;
}

static void S_scalar(builder *b, const yaml_event_t *e)
{
    ynode *n = S_node(b, Y_SCALAR, &e->start_mark);
    if (!n)
        return;
    n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    n->start = S_offset(b, e->start_mark.index);
    n->end = S_offset(b, e->end_mark.index);
    n->len = e->data.scalar.length;
    n->str = cjm_arena_strndup(b->arena,
                               (const char *)e->data.scalar.value, n->len);
    if (!n->str) {
        S_syntax(b, n->line, n->col, "out of memory");
        return;
    }
    S_check_tag(b, e->data.scalar.tag, n);
    S_check_text(b, n);
    S_anchor_add(b, S_anchor_name(b, e->data.scalar.anchor), n);
    S_attach(b, n);
}

static void S_open(builder *b, const yaml_event_t *e, ykind kind)
{
    const yaml_char_t *tag, *anc;
    if (kind == Y_SEQ) {
        tag = e->data.sequence_start.tag;
        anc = e->data.sequence_start.anchor;
    } else {
        tag = e->data.mapping_start.tag;
        anc = e->data.mapping_start.anchor;
    }
    if (b->depth == CJM_MAX_DEPTH) {
        S_syntax(b, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1,
                 "lists and mappings nest deeper than %d levels; a journey "
                 "needs no more than 8",
                 CJM_MAX_DEPTH);
        return;
    }
    ynode *n = S_node(b, kind, &e->start_mark);
    if (!n)
        return;
    n->start = S_offset(b, e->start_mark.index);
    n->flow = kind == Y_SEQ
                  ? e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                  : e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    S_check_tag(b, tag, n);
    /* Child vectors stay allocated per depth and are reused by the next
     * collection at that depth: no malloc per mapping. */
    frame *f = &b->stack[b->depth++];
    f->node = n;
    f->n = 0;
    f->anchor = S_anchor_name(b, anc);
}

static void S_close(builder *b, const yaml_event_t *e)
{
    frame *f = &b->stack[b->depth - 1];
    ynode *n = f->node;
    n->end = S_offset(b, e->end_mark.index);
    n->n = n->kind == Y_MAP ? f->n / 2 : f->n;
    n->items = cjm_arena_array(b->arena, f->n, sizeof *n->items);
    if (!n->items) {
        S_syntax(b, n->line, n->col, "out of memory");
        return;
    }
    if (f->n)
        memcpy(n->items, f->kids, f->n * sizeof *f->kids);
    const char *anc = f->anchor;
    b->depth--;
    if (n->kind == Y_MAP)
        S_check_keys(b, n);
    /* Registered only now, so an alias inside its own anchor's node finds
     * nothing: self-reference is an error, never a loop. */
    S_anchor_add(b, anc, n);
    S_attach(b, n);
}

static void S_alias(builder *b, const yaml_event_t *e)
{
    const char *name = (const char *)e->data.alias.anchor;
    int line = (int)e->start_mark.line + 1, col = (int)e->start_mark.column + 1;
    for (size_t i = b->n_anchors; i-- > 0;) {
        if (strcmp(b->anchors[i].name, name) != 0)
            continue;
        ynode *target = b->anchors[i].node;
        b->alias_weight = S_add_sat(b->alias_weight, target->weight);
        if (b->alias_weight > CJM_MAX_ALIAS_WEIGHT) {
            S_syntax(b, line, col,
                     "aliases expand to more than %d nodes; expand them by "
                     "hand or use fewer",
                     CJM_MAX_ALIAS_WEIGHT);
            return;
        }
        S_attach(b, target);
        return;
    }
    for (size_t d = 0; d < b->depth; d++)
        if (b->stack[d].anchor && strcmp(b->stack[d].anchor, name) == 0) {
            S_syntax(b, line, col,
                     "alias '*%s' refers to the node that contains it; a "
                     "node cannot include itself",
                     name);
            return;
        }
    S_syntax(b, line, col,
             "alias '*%s' names no anchor defined before it; define "
             "'&name' first",
             name);
}

/* Handles one event; returns false when parsing should stop. */
static bool S_event(builder *b, const yaml_event_t *e, int *docs)
{
    switch (e->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++*docs > 1) {
            S_syntax(b, (int)e->start_mark.line + 1,
                     (int)e->start_mark.column + 1,
                     "a second YAML document; a journey file holds exactly "
                     "one (remove the '---' or split the file)");
            return false;
        }
        break;
    case YAML_SCALAR_EVENT: S_scalar(b, e); break;
    case YAML_SEQUENCE_START_EVENT: S_open(b, e, Y_SEQ); break;
    case YAML_MAPPING_START_EVENT: S_open(b, e, Y_MAP); break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: S_close(b, e); break;
    case YAML_ALIAS_EVENT: S_alias(b, e); break;
    case YAML_STREAM_END_EVENT: return false;
    default: break;
    }
    return !b->failed;
}

static bool S_utf16(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                        (u[0] == 0xFE && u[1] == 0xFF));
}

int cjm_ytree_parse(cjm_arena *arena, const char *buf, size_t len,
                    cjm_diags *diags, ynode **root)
{
    *root = NULL;
    builder *b = calloc(1, sizeof *b);
    if (!b) {
        cjm_diags_add(diags, CJM_RULE_SYNTAX, CJM_ERROR, 1, 1, "out of memory");
        return -1;
    }
    *b = (builder){.arena = arena, .diags = diags, .buf = buf, .len = len};
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        b->mark_bytes = 3; /* libyaml skips a BOM without counting it */
    if (S_utf16(buf, len)) {
        S_syntax(b, 1, 1, "the file is UTF-16; save it as UTF-8");
    } else {
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
        int docs = 0;
        for (;;) {
            yaml_event_t e;
            if (!yaml_parser_parse(&p, &e)) {
                S_parser_error(b, &p);
                break;
            }
            bool more = S_event(b, &e, &docs);
            yaml_event_delete(&e);
            if (!more)
                break;
        }
        yaml_parser_delete(&p);
    }
    for (size_t d = 0; d < CJM_MAX_DEPTH; d++)
        free(b->stack[d].kids);
    int rc = b->failed ? -1 : 0;
    *root = b->root;
    free(b);
    return rc;
}

const ynode *cjm_ymap_get(const ynode *map, const char *key)
{
    if (!map || map->kind != Y_MAP)
        return NULL;
    size_t klen = strlen(key);
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->items[2 * i];
        if (k->kind == Y_SCALAR && k->len == klen &&
            memcmp(k->str, key, klen) == 0)
            return map->items[2 * i + 1];
    }
    return NULL;
}

size_t cjm_ynode_content_end(const ynode *n)
{
    while (n->kind != Y_SCALAR && !n->flow && n->n)
        n = n->items[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
    return n->end;
}
