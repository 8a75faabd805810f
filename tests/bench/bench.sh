#!/bin/sh
# make bench: cjm check on 1,000 generated journeys of 16 touchpoints, in one
# process, against a bare libyaml event parse of the same files.  Prints the
# best of 10 runs of each and their ratio.  Targets (issue 2): cjm under 1 s,
# and within 2x of the bare parse.
set -eu
BUILD=$1
corpus=$BUILD/bench/corpus
if [ ! -f "$corpus/j0999.yaml" ]; then
    mkdir -p "$corpus"
    awk -v dir="$corpus" 'BEGIN {
      split("awareness consideration purchase delivery service loyalty", st, " ")
      split("web app email phone store chat", ch, " ")
      for (j = 0; j < 1000; j++) {
        f = sprintf("%s/j%04d.yaml", dir, j)
        print "journey: Generated journey " j > f
        print "persona: {name: Persona " j ", goals: [Fast, Cheap]}" > f
        print "requires: {stages: [awareness, purchase], channels: [web]}" > f
        print "stages:" > f
        t = 0
        for (s = 1; s <= 6; s++) {
          print "  - id: " st[s] > f
          print "    name: Stage " st[s] > f
          print "    touchpoints:" > f
          n = (s <= 4) ? 3 : 2
          for (k = 0; k < n; k++) {
            print "      - id: tp-" t > f
            print "        name: Touchpoint number " t " of journey " j > f
            print "        channel: " ch[(t + j) % 6 + 1] > f
            sc = 1 + ((t * 7 + j) % 40) / 10
            print "        score: " sc > f
            if (sc <= 2) { print "        friction:" > f
              print "          - {text: Something goes wrong here, severity: high}" > f }
            print "        metrics: {csat: 3.5, responses: 120}" > f
            t++
          }
        }
        close(f)
      } }'
fi
files=$(ls "$corpus"/*.yaml)
best() { # best wall time in ms of 10 runs of "$@"
    b=999999
    for i in 1 2 3 4 5 6 7 8 9 10; do
        s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
        t=$(( (e - s) / 1000000 )); [ "$t" -lt "$b" ] && b=$t
    done
    echo "$b"
}
$BUILD/cjm check --strict "$corpus" >/dev/null || { echo "bench corpus does not pass check"; exit 1; }
cjm_ms=$(best "$BUILD/cjm" check "$corpus")
# shellcheck disable=SC2086
yaml_ms=$(best "$BUILD/bench/yamlparse" $files)
echo "cjm check, 1000 journeys x 16 touchpoints: ${cjm_ms} ms (target < 1000 ms)"
echo "bare libyaml event parse of the same files: ${yaml_ms} ms"
awk -v a="$cjm_ms" -v b="$yaml_ms" 'BEGIN { printf "ratio cjm / libyaml: %.2f (target <= 2.00)\n", (b > 0 ? a / b : 0) }'

# ---- diff (issue 8): two folders of 1,000 journeys each, a tenth of them
# changed, in one process, against two cjm check runs over the same
# folders.  Targets: under 1 s, within 2.5x of the two checks.
corpus2=$BUILD/bench/corpus2
if [ ! -f "$corpus2/j0999.yaml" ]; then
    mkdir -p "$corpus2"
    cp "$corpus"/*.yaml "$corpus2/"
    for f in "$corpus2"/j0*0.yaml; do # every tenth journey
        sed -i -e 's/score: 1$/score: 1.5/' -e 's/id: tp-3$/id: tp-3x/' "$f"
    done
fi
two_checks() { "$BUILD/cjm" check "$corpus" >/dev/null; "$BUILD/cjm" check "$corpus2" >/dev/null; }
gated_diff() { # exit 1 is the gate tripping, as it must here
    "$BUILD/cjm" diff --fail-on removed-touchpoint "$corpus" "$corpus2" >/dev/null || [ $? = 1 ]
}
diff_ms=$(best gated_diff)
check_ms=$(best two_checks)
changed=$("$BUILD/cjm" diff "$corpus" "$corpus2" | tail -1)
echo "cjm diff, 2 x 1000 journeys, a tenth changed: ${diff_ms} ms (target < 1000 ms); $changed"
echo "two cjm check runs over the same folders: ${check_ms} ms"
awk -v a="$diff_ms" -v b="$check_ms" 'BEGIN { printf "ratio diff / two checks: %.2f (target <= 2.50)\n", (b > 0 ? a / b : 0) }'

# ---- survey (issue 12): answer rows across 20 touchpoints, streamed:
# 1,000,000 rows in under 1 s, and peak memory that does not grow with the
# rows (printed for 10,000 and 1,000,000).
j20s=$BUILD/bench/survey20.yaml
awk 'BEGIN { print "journey: Bench survey"; print "stages:";
  for (s = 0; s < 5; s++) { print "  - id: s" s; print "    touchpoints:";
    for (i = 0; i < 4; i++) printf "      - {id: t%d-%d, name: T%d-%d, channel: web, score: 3}\n", s, i, s, i } }' >"$j20s"
for rows in 10000 1000000; do
    [ -f "$BUILD/bench/answers$rows.csv" ] || awk -v n=$rows 'BEGIN { print "touchpoint,csat,ces,nps";
      for (r = 0; r < n; r++) printf "t%d-%d,%d,%d,%d\n", r % 5, (r / 5) % 4, 1 + r % 5, 1 + r % 7, r % 11 }' >"$BUILD/bench/answers$rows.csv"
done
survey_ms=$(best "$BUILD/cjm" survey --format json "$BUILD/bench/answers1000000.csv" "$j20s")
echo "cjm survey, 1,000,000 answer rows across 20 touchpoints: ${survey_ms} ms (target < 1000 ms)"
if [ -x /usr/bin/time ]; then
    for rows in 10000 1000000; do
        /usr/bin/time -f "peak memory, cjm survey of $rows rows: %M KB" \
            "$BUILD/cjm" survey --format json "$BUILD/bench/answers$rows.csv" "$j20s" 2>&1 >/dev/null | tail -1
    done
fi

# ---- render (issue 3): a 20-touchpoint journey, whole process, against
# Graphviz's own command-line tool on the DOT cjm emits, same engine (map:
# nop2 = neato -n2; flow: dot).  Target: ratio <= 1.25.
j20=$BUILD/bench/twenty.yaml
awk 'BEGIN { print "journey: Bench twenty"; print "persona: Bench"; print "stages:";
  for (s = 0; s < 5; s++) { print "  - id: s" s; print "    touchpoints:";
    for (i = 0; i < 4; i++) { printf "      - id: t%d-%d\n        name: Touchpoint %d of stage %d with a longer name\n        channel: c%d\n        score: %d\n", s, i, i, s, i % 3, 1 + (i * 3 + s) % 5;
      if ((i + s) % 3 == 0) printf "        friction: [{text: Something goes wrong here for the customer, severity: high, evidence: 12%% drop off}]\n" } } }' >"$j20"
# ---- scale (issue 10): every view of generated journeys of 20 to 200
# touchpoints (10 stages, branches and loops), whole process, SVG.  Target:
# 200 touchpoints under 1 s, and the 200/20 ratio at most 15.
for v in map flow channels; do
    line="render $v, SVG:"
    for n in 20 50 100 140 200; do
        sh tests/bench/bigjourney.sh $n 10 >"$BUILD/bench/big$n.yaml"
        ms=$(best "$BUILD/cjm" render --view $v -o "$BUILD/bench/big.svg" "$BUILD/bench/big$n.yaml")
        line="$line $n tp ${ms} ms,"
        [ $n = 20 ] && t20=$ms
        [ $n = 200 ] && t200=$ms
    done
    echo "$line"
    awk -v a="$t200" -v b="$t20" -v v=$v 'BEGIN { printf "ratio 200 / 20 touchpoints (%s): %.1f (target <= 15, and 200 under 1000 ms)\n", v, (b > 0 ? a / b : 0) }'
done

# ---- watch (issue 10): from a save to the redrawn SVG of online-shop, ten
# saves, best and worst.  Target: within 200 ms.
w=$BUILD/bench/watch
rm -rf "$w"; mkdir -p "$w"
cp journeys/online-shop.yaml "$w/j.yaml"
"$BUILD/cjm" render --watch -o "$w/j.svg" "$w/j.yaml" >/dev/null 2>&1 &
wpid=$!
i=0; while [ ! -s "$w/j.svg" ] && [ $i -lt 200 ]; do sleep 0.01; i=$((i + 1)); done
lo=999999; hi=0
for k in 1 2 3 4 5 6 7 8 9 10; do
    s=$(date +%s%N)
    sed "s/^journey: .*/journey: Bench save $k/" journeys/online-shop.yaml >"$w/j.yaml"
    i=0; while ! grep -q "Bench save $k<" "$w/j.svg" 2>/dev/null && [ $i -lt 2000 ]; do sleep 0.002; i=$((i + 1)); done
    t=$(( ($(date +%s%N) - s) / 1000000 ))
    [ "$t" -lt "$lo" ] && lo=$t; [ "$t" -gt "$hi" ] && hi=$t
done
kill -INT $wpid; wait $wpid
echo "render --watch, save to redrawn SVG (online-shop, 10 saves): best ${lo} ms, worst ${hi} ms (target <= 200 ms)"

# ---- pages (issues 10, 19): how online-shop and the 20-touchpoint German
# fixtures come out on each page, every view (auto detail), measured on
# the SVG (tests/render/pagefit.awk).  Floors (spec 1.2): text >= 7 pt and
# card names >= 9 pt on paper, 14 px and 18 px on a slide; the drawing
# covering >= 60 % of the page.
echo "pages: smallest text / card names / share of the page covered (floors in brackets; ! under)"
for j in journeys/online-shop.yaml tests/render/lange-woerter.yaml tests/render/acht-phasen.yaml; do
    for v in map flow channels; do
        line="$(basename "$j" .yaml) $v:"
        for p in a4 a3 a2 a1 a0 slide; do
            "$BUILD/cjm" render --view $v --page $p -o "$BUILD/bench/page.svg" "$j" >/dev/null 2>&1
            line="$line $(awk -f tests/render/pagefit.awk "$BUILD/bench/page.svg" | awk -v p=$p '{
                t = p == "slide" ? 14 : 7; n = p == "slide" ? 18 : 9
                printf "%s %s/%s %s [%d/%d]%s / %d %%,", p, $6, $12, $4, t, n,
                    ($6 < t * 0.99 || $12 < n * 0.99 ? "!" : ""), $8 * 100 }')"
        done
        echo "$line"
    done
done

# ---- the deck (issue 19): a workshop deck (PDF, 8 slides) against one A3
# render of the same journey, whole process each.
deck_ms=$(best "$BUILD/cjm" deck -o "$BUILD/bench/deck.pdf" journeys/online-shop.yaml)
a3_ms=$(best "$BUILD/cjm" render --page a3 -T pdf -o "$BUILD/bench/a3.pdf" journeys/online-shop.yaml)
slides=$(grep -a -c '/Type /Page\b' "$BUILD/bench/deck.pdf")
awk -v a="$deck_ms" -v b="$a3_ms" -v n="$slides" 'BEGIN {
    printf "cjm deck, online-shop (%d slides, PDF): %d ms; one A3 PDF render: %d ms; ratio %.1f (%.0f ms a slide)\n",
        n, a, b, (b > 0 ? a / b : 0), (n > 0 ? a / n : 0) }'

# ---- the site (issue 20): 100 journeys of 16 touchpoints, without and
# with history (three commits each, in a repository of their own), with
# -j 1 and -j 2.  Targets: without history under 10 s; -j 2 at most 0.75x
# the time of -j 1.
repo=$BUILD/bench/siterepo
if [ ! -d "$repo/.git" ]; then
    mkdir -p "$repo/j"
    cp "$corpus"/j00[0-9][0-9].yaml "$repo/j/"
    (cd "$repo" && git init -q && git config user.email b@example.org && git config user.name bench &&
     git add j && git commit -q -m "100 journeys" &&
     sed -i 's/score: 1$/score: 1.5/' j/*.yaml && git commit -q -am "Fixes" &&
     sed -i 's/score: 1.5$/score: 2/' j/*.yaml && git commit -q -am "More fixes")
fi
once() { s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
bin=$(cd "$BUILD" && pwd)/cjm
s1=$(cd "$repo" && once "$bin" site --history 0 -j 1 -o "$PWD/../site1" j)
s2=$(cd "$repo" && once "$bin" site --history 0 -j 2 -o "$PWD/../site2" j)
h2=$(cd "$repo" && once "$bin" site --history 20 -j 2 -o "$PWD/../site3" j)
awk -v a="$s1" -v b="$s2" -v h="$h2" 'BEGIN {
    printf "cjm site, 100 journeys, no history: -j 1 %d ms, -j 2 %d ms (target < 10000 ms), ratio %.2f (target <= 0.75)\n",
        a, b, (a > 0 ? b / a : 0)
    printf "cjm site, 100 journeys, history of 3 commits each, -j 2: %d ms\n", h }'

if ! command -v dot >/dev/null 2>&1; then
    echo "render: Graphviz's command-line tools (package graphviz) are not installed; skipping the comparison"
    exit 0
fi
for v in map flow channels; do
    eng=$([ $v = flow ] && echo dot || echo "neato -n2")
    "$BUILD/cjm" render --view $v -T dot -o "$BUILD/bench/twenty.$v.dot" "$j20" >/dev/null
    for t in svg png pdf; do
        cjm_ms=$(best "$BUILD/cjm" render --view $v -T $t -o "$BUILD/bench/cjm.$v.$t" "$j20")
        # shellcheck disable=SC2086
        gv_ms=$(best $eng -T$t -o "$BUILD/bench/gv.$v.$t" "$BUILD/bench/twenty.$v.dot")
        awk -v a="$cjm_ms" -v b="$gv_ms" -v v=$v -v t=$t -v e="$eng" 'BEGIN {
            printf "render %s, 20 touchpoints to %s: cjm %d ms, %s %d ms, ratio %.2f (target <= 1.25)\n",
                v, t, a, e, b, (b > 0 ? a / b : 0) }'
    done
done
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak memory, cjm render of all examples in all views: %M KB" \
        sh -c "for v in map flow channels; do '$BUILD/cjm' render --view \$v -o '$BUILD/bench/all' journeys >/dev/null; done" 2>&1 | tail -1
    /usr/bin/time -f "peak memory, one cjm render -T png of all examples: %M KB" \
        "$BUILD/cjm" render -T png -o "$BUILD/bench/all" journeys 2>&1 >/dev/null | tail -1
fi

