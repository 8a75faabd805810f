# pagefit.awk FILE.svg: how a drawing made with --page sits on its page.
# Prints "page W H unit text T coverage C clipped K names N": the page in its own
# units (pt, or px for a slide, whose SVG is 1920px wide), the smallest
# text on the page in those units (font size times the drawing's scale),
# the share of the page the drawing covers (its extent over every drawn
# point, text anchor and box), how many drawn points fall off the page,
# and the smallest card name (a touchpoint card's largest bold text).
# Reads Graphviz's SVG: the drawing is the group graph0 with one
# scale(...) translate(...) transform; its first polygon is the page's
# background and does not count.
function nums(s, out,    n) {
    n = 0
    while (match(s, /-?[0-9]+(\.[0-9]+)?/)) {
        out[++n] = substr(s, RSTART, RLENGTH) + 0
        s = substr(s, RSTART + RLENGTH)
    }
    return n
}
function point(x, y,    px, py) {
    px = (x + tx) * sc; py = (y + ty) * sc
    if (px < x0) x0 = px; if (px > x1) x1 = px
    if (py < y0) y0 = py; if (py > y1) y1 = py
    if (px < -0.5 || px > vw + 0.5 || py < -0.5 || py > vh + 0.5) clipped++
}
# A card's name is its largest bold text (the moment of truth's label is
# bold too, but smaller); the smallest name on the page is reported.
function flush() {
    if (cardname > 0 && cardname < minname) minname = cardname
    cardname = 0
}
BEGIN { x0 = y0 = 1e12; x1 = y1 = -1e12; minfont = minname = 1e9 }
/<svg width=/ {
    unit = $0; sub(/.*<svg width="[0-9.]+/, "", unit); sub(/".*/, "", unit)
    w = $0; sub(/.*<svg width="/, "", w); w += 0
}
/viewBox="/ {
    s = $0; sub(/.*viewBox="/, "", s); sub(/".*/, "", s)
    nums(s, v); vw = v[3]; vh = v[4]
}
/<g id="graph0"/ {
    s = $0; sub(/.*scale\(/, "", s); nums(s, v); sc = v[1]
    s = $0; sub(/.*translate\(/, "", s); nums(s, v); tx = v[1]; ty = v[2]
    next
}
/<polygon / && !background { background = 1; next }
/ points="/ {
    s = $0; sub(/.* points="/, "", s); sub(/".*/, "", s)
    n = nums(s, v)
    for (i = 1; i + 1 <= n; i += 2) point(v[i], v[i + 1])
}
/<path / && / d="/ {
    s = $0; sub(/.* d="/, "", s); sub(/".*/, "", s)
    n = nums(s, v)
    for (i = 1; i + 1 <= n; i += 2) point(v[i], v[i + 1])
}
# A deck's slide number sits outside the drawing, in the page's units.
/class="slide-number"/ { next }
/<g id=".*" class="(node|edge|cluster)"/ { flush(); intp = 0 }
/<title>(tp|label)[0-9]+<\/title>/ { intp = 1 }
/<text / {
    s = $0; sub(/.*font-size="/, "", s); f = s + 0
    if (intp && / font-weight="bold"/ && f > cardname) cardname = f
}
/<text / {
    s = $0; sub(/.* x="/, "", s); x = s + 0
    s = $0; sub(/.* y="/, "", s); y = s + 0
    point(x, y)
    s = $0; sub(/.*font-size="/, "", s); f = s + 0
    if (f > 0 && f < minfont) minfont = f
}
END {
    # Units per viewBox unit: 1 for pt (mm pages are given in pt), 4/3
    # for a slide's px.
    flush()
    if (minname == 1e9) minname = 0
    k = unit == "px" ? w / vw : 1
    if (unit == "mm") unit = "pt"
    printf "page %.0f %.0f %s text %.1f coverage %.2f clipped %d names %.1f\n",
        vw * k, vh * k, unit, minfont * sc * k,
        (x1 - x0) * (y1 - y0) / (vw * vh), clipped, minname * sc * k
}
