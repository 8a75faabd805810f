# crossings.awk FILE.svg: prints one line per drawn edge that passes
# through a touchpoint card other than its own two ends, then the count.
# Reads Graphviz's SVG, whose groups are one element per line: a card is a
# node titled tpN, an edge is titled "a->b" with one path.  Each cubic
# segment is sampled at 20 points; a card is its shape's bounding box,
# shrunk by 2 pt so an arrow that stops on the border does not count.
# Before that count it prints each arrowhead that lies (partly) inside a
# card, and their count ("N arrowheads inside a card").
function nums(s, out,    n, m) {
    n = 0
    while (match(s, /-?[0-9]+(\.[0-9]+)?/)) {
        out[++n] = substr(s, RSTART, RLENGTH) + 0
        s = substr(s, RSTART + RLENGTH)
    }
    return n
}
/<g id=".*" class="node"/ { kind = "node"; next }
/<g id=".*" class="edge"/ { kind = "edge"; next }
/<title>/ {
    title = $0
    sub(/.*<title>/, "", title); sub(/<\/title>.*/, "", title)
    gsub(/&#45;/, "-", title); gsub(/&gt;/, ">", title)
    next
}
kind == "node" && title ~ /^tp[0-9]+$/ && /<(path|polygon) / {
    s = $0
    if (s ~ / d="/) { sub(/.* d="/, "", s) } else { sub(/.* points="/, "", s) }
    sub(/".*/, "", s)
    n = nums(s, v)
    if (!(title in x0)) {
        x0[title] = 1e9; x1[title] = -1e9; y0[title] = 1e9; y1[title] = -1e9
        cards[++ncards] = title
    }
    for (i = 1; i + 1 <= n; i += 2) {
        if (v[i] < x0[title]) x0[title] = v[i]
        if (v[i] > x1[title]) x1[title] = v[i]
        if (v[i+1] < y0[title]) y0[title] = v[i+1]
        if (v[i+1] > y1[title]) y1[title] = v[i+1]
    }
    next
}
# An arrowhead is the polygon of an edge: each of its corners must lie
# outside every card (a moment of truth's outer border counts), 1 pt of
# pen allowed.
kind == "edge" && /<polygon / {
    s = $0; sub(/.* points="/, "", s); sub(/".*/, "", s)
    heads[++nheads] = title; headpts[nheads] = s
    next
}
kind == "edge" && /<path / {
    s = $0; sub(/.* d="M/, "", s); sub(/".*/, "", s); gsub(/C/, " ", s)
    edges[++nedges] = title; paths[nedges] = s
    next
}
END {
    inside = 0
    for (a = 1; a <= nheads; a++) {
        n = nums(headpts[a], v)
        hit = ""
        for (i = 1; i + 1 <= n; i += 2)
            for (c = 1; c <= ncards; c++) {
                t = cards[c]
                if (!index(hit, " " t " ") && v[i] > x0[t] + 1 && v[i] < x1[t] - 1 &&
                    v[i+1] > y0[t] + 1 && v[i+1] < y1[t] - 1)
                    hit = hit " " t " "
            }
        if (hit != "") { print "arrowhead of " heads[a] " inside" hit; inside++ }
    }
    print inside " arrowheads inside a card"
    bad = 0
    for (e = 1; e <= nedges; e++) {
        split(edges[e], ends, "->")
        n = nums(paths[e], v)
        hit = ""
        for (i = 1; i + 7 <= n; i += 6) {
            for (k = 0; k <= 20; k++) {
                s = k / 20; r = 1 - s
                px = r*r*r*v[i] + 3*r*r*s*v[i+2] + 3*r*s*s*v[i+4] + s*s*s*v[i+6]
                py = r*r*r*v[i+1] + 3*r*r*s*v[i+3] + 3*r*s*s*v[i+5] + s*s*s*v[i+7]
                for (c = 1; c <= ncards; c++) {
                    t = cards[c]
                    if (t == ends[1] || t == ends[2] || index(hit, " " t " "))
                        continue
                    if (px > x0[t] + 2 && px < x1[t] - 2 && py > y0[t] + 2 && py < y1[t] - 2)
                        hit = hit " " t " "
                }
            }
        }
        if (hit != "") { print edges[e] " crosses" hit; bad++ }
    }
    print bad " edges cross a card"
}
