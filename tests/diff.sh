#!/bin/sh
# End-to-end tests of `cjm diff`: golden outputs in every format for pairs
# covering every change kind and gate condition (tests/diff/*.yaml), the
# comparison map, and --base in a git repository made here.  Run from the
# repository root; `tests/diff.sh BIN --update` rewrites the goldens.
set -u
BIN=${1:?usage: tests/diff.sh BIN [--update]}
UPDATE=${2:-}
G=tests/diff/golden
D=tests/diff
. tests/e2e-lib.sh
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac

# Every pair in every format; each tripping the conditions it is about.
pair() { # NAME NEW GATE
    for f in text markdown json github; do
        golden "diff-$1.$f" -- diff --format $f --fail-on "$3" $D/base.yaml "$2"
    done
}
pair same $D/same.yaml removed-journey,removed-stage,removed-touchpoint,index-drop:0,score-drop:0,new-friction:low
pair removed $D/removed.yaml removed-touchpoint
pair moved $D/moved.yaml removed-touchpoint,removed-stage
pair stages $D/stages.yaml removed-stage,removed-touchpoint
pair friction $D/friction.yaml new-friction:high
pair index-drop $D/index-drop.yaml index-drop:4.9
pair score-drop $D/score-drop.yaml score-drop:9.9
for f in text markdown json github; do
    golden "diff-folders.$f" -- diff --format $f --fail-on removed-journey $D/v1 $D/v2
    golden "diff-online-shop.$f" -- diff --format $f journeys/online-shop.yaml journeys/online-shop-future.yaml
done

# Boundaries: a drop of exactly X does not trip; one tenth less does.
golden diff-index-drop-exactly.text -- diff --fail-on index-drop:5 $D/base.yaml $D/index-drop.yaml
golden diff-score-drop-exactly.text -- diff --fail-on score-drop:10 $D/base.yaml $D/score-drop.yaml
expect "index-drop:5.0 does not trip on a drop of 5.0" 0 "$BIN" diff --fail-on index-drop:5.0 $D/base.yaml $D/index-drop.yaml
expect "score-drop:9.95 trips on a drop of 10.0" 1 "$BIN" diff --fail-on score-drop:9.95 $D/base.yaml $D/score-drop.yaml
expect "new-friction:critical trips on a critical one" 1 "$BIN" diff --fail-on new-friction:critical $D/base.yaml $D/friction.yaml
expect "a raised severity is not new friction" 0 "$BIN" diff --fail-on new-friction:high $D/base.yaml $D/score-drop.yaml
expect "moved touchpoints are not removed" 0 "$BIN" diff --fail-on removed-touchpoint $D/base.yaml $D/moved.yaml
expect "no gate: changes alone pass" 0 "$BIN" diff $D/base.yaml $D/stages.yaml

# Where the gate comes from: --fail-on, else the journey's own, else the
# policy file's.
golden diff-policy-gate.text -- diff --policy $D/gate-policy.yaml $D/base.yaml $D/stages.yaml
golden diff-own-gate.text -- diff $D/base.yaml $D/own-gate.yaml
expect "--fail-on wins over the journey's gate" 0 "$BIN" diff --fail-on removed-stage $D/base.yaml $D/own-gate.yaml
expect "the journey's gate wins over the policy's" 1 "$BIN" diff --policy $D/gate-policy.yaml $D/base.yaml $D/own-gate.yaml
golden diff-bad-gate-policy.text -- diff --policy $D/bad-gate-policy.yaml $D/base.yaml $D/same.yaml
golden diff-bad-fail-on.text -- diff --fail-on removed-touchpoints $D/base.yaml $D/same.yaml
golden diff-bad-fail-on-value.text -- diff --fail-on score-drop:lots $D/base.yaml $D/same.yaml

# A journey with errors on either side: its diagnostics, exit 1, nothing
# compared, nothing drawn.
golden diff-errors.text -- diff $D/base.yaml $D/broken.yaml
golden diff-errors.json -- diff --format json $D/broken.yaml $D/base.yaml
golden diff-errors.github -- diff --format github $D/base.yaml $D/broken.yaml
expect "errors: no map drawn" 1 "$BIN" diff -T svg -o "$tmp/never.svg" $D/base.yaml $D/broken.yaml
[ ! -e "$tmp/never.svg" ]; check "errors: the map file was not written"

# Usage.
golden diff-help.txt -- diff --help
golden diff-usage-one-path.txt -- diff $D/base.yaml
golden diff-usage-file-and-folder.txt -- diff $D/base.yaml $D/v1
golden diff-usage-o-without-T.txt -- diff -o x.svg $D/base.yaml $D/same.yaml
expect "missing file" 2 "$BIN" diff $D/base.yaml $D/no-such.yaml

# ---- the comparison map --------------------------------------------------

golden diff-online-shop.dot -- diff -T dot -o - journeys/online-shop.yaml journeys/online-shop-future.yaml
golden diff-stages.dot -- diff -T dot -o - $D/base.yaml $D/stages.yaml

"$BIN" diff -T svg -o "$tmp/shop.svg" journeys/online-shop.yaml journeys/online-shop-future.yaml >/dev/null
xmllint --noout "$tmp/shop.svg"; check "comparison map SVG is well-formed"
T="//*[local-name()='g'][@class='node'][*[local-name()='title']"
E="//*[local-name()='g'][@class='edge'][*[local-name()='title']"
[ "$(xcount "$tmp/shop.svg" "$T[starts-with(., 'tp')]]")" = 15 ]; check "map: 14 cards and 1 ghost"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='✖ REMOVED']")" = 1 ]; check "map: the removed live chat is a ghost"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='Live chat about']")" = 1 ]; check "map: the ghost keeps its name"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='✚ NEW']")" = 2 ]; check "map: the size finder is marked new (and the legend)"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='▲ +2.4']")" = 1 ]; check "map: the return's delta"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='▼ −0.3']")" = 1 ]; check "map: the newsletter's drop"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][starts-with(., '▲ +') or starts-with(., '▼ −')]")" = 14 ]; check "map: a delta on the 8 cards and 5 stages whose score moved, and in the title"
[ "$(xcount "$tmp/shop.svg" "$E[starts-with(., 'old')]]")" = 13 ]; check "map: the old curve has the old journey's 13 steps"
[ "$(xcount "$tmp/shop.svg" "$E[starts-with(., 'old')]]/*[local-name()='path'][@stroke-dasharray]")" = 13 ]; check "map: the old curve is dashed"
[ "$(grep -c '<title>tp[0-9]*&#45;&gt;tp' "$tmp/shop.svg")" = 13 ]; check "map: the new curve has the new journey's 13 steps"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][contains(., '3.23 → 3.93 / 5 · 55.7 % → 73.3 %')]")" = 1 ]; check "map: the title gives both indices"
# The old curve passes behind the cards: every old-curve edge comes
# before the first card in the drawing order.
first_card=$(grep -n "<title>tp0</title>" "$tmp/shop.svg" | cut -d: -f1)
last_old=$(grep -n "<title>old[0-9]*&#45;&gt;old" "$tmp/shop.svg" | tail -1 | cut -d: -f1)
[ -n "$first_card" ] && [ -n "$last_old" ] && [ "$last_old" -lt "$first_card" ]; check "map: the old curve is drawn before (behind) the cards"

"$BIN" diff -T svg -o "$tmp/stages.svg" $D/base.yaml $D/stages.yaml >/dev/null
[ "$(xcount "$tmp/stages.svg" "$T[starts-with(., 'stage')]]")" = 5 ]; check "stages map: 4 new stages and the removed one"
[ "$(xcount "$tmp/stages.svg" "//*[local-name()='text'][.='↪ moved from Receive']")" = 1 ]; check "stages map: parcel moved"

# Hostile labels on both sides.
sed -e 's/score: 1$/score: 2/' -e 's/- id: t2$/- id: t2x/' tests/render/hostile.yaml >"$tmp/hostile-new.yaml"
for t in svg png pdf dot; do
    expect "hostile comparison map: $t" 0 "$BIN" diff -T $t -o "$tmp/h.$t" tests/render/hostile.yaml "$tmp/hostile-new.yaml"
done
xmllint --noout "$tmp/h.svg"; check "hostile comparison map: well-formed XML"
[ "$(xcount "$tmp/h.svg" "//*[local-name()='script' or local-name()='image' or local-name()='foreignObject']")" = 0 ]; check "hostile comparison map: no script, image or foreignObject"
[ "$(xcount "$tmp/h.svg" "//@*[starts-with(local-name(), 'on') or local-name()='href' or local-name()='src']")" = 0 ]; check "hostile comparison map: no event handler or link attribute"
for f in text markdown json github; do
    expect "hostile diff: $f" 0 "$BIN" diff --format $f tests/render/hostile.yaml "$tmp/hostile-new.yaml"
done
"$BIN" diff --format json tests/render/hostile.yaml "$tmp/hostile-new.yaml" | python3 -m json.tool >/dev/null; check "hostile diff: JSON parses"
! "$BIN" diff --format markdown tests/render/hostile.yaml "$tmp/hostile-new.yaml" | grep -q '<script>'; check "hostile diff: no raw HTML in the Markdown"

# Output naming: out/<id>.diff.<ext>, or a folder for several pairs.
ROOT=$PWD
(mkdir -p "$tmp/names" && cd "$tmp/names" && "$BIN" diff -T svg "$ROOT/$D/v1" "$ROOT/$D/v2" >/dev/null)
[ -s "$tmp/names/out/a.diff.svg" ] && [ -s "$tmp/names/out/gamma.diff.svg" ] && [ ! -e "$tmp/names/out/b.diff.svg" ]
check "maps of two folders: out/<id>.diff.svg for each pair with both sides"

# ---- --base REV ------------------------------------------------------------

if ! command -v git >/dev/null 2>&1; then
    echo "diff: git is missing; the --base tests need it"; failed=$((failed + 1))
else
    R=$tmp/repo
    mkdir -p "$R/journeys" && cp $D/base.yaml $D/v1/a.yaml $D/v1/b.yaml $D/v1/c.yaml "$R/journeys/"
    printf 'name: ci\non: push\n' >"$R/ci.yml" # YAML that is not a journey
    ( cd "$R" && git init -q && git config user.email t@example.com && git config user.name t &&
      git add -A && git commit -qm one && git branch release/one ) >/dev/null 2>&1
    ( cd "$R" && sed -i 's/score: 2}/score: 1.2}/' journeys/base.yaml && git rm -q journeys/b.yaml &&
      git mv journeys/c.yaml journeys/c-moved.yaml && cp "$ROOT/$D/v2/d.yaml" journeys/ )
    (cd "$R" && "$BIN" diff --base HEAD --fail-on removed-journey,score-drop:10) >"$tmp/base.out" 2>&1
    [ $? = 1 ]; check "--base: tripped conditions exit 1"
    grep -q "^Beta (b): removed" "$tmp/base.out"; check "--base: a deleted file is a removed journey"
    grep -q "old: HEAD:journeys/b.yaml" "$tmp/base.out"; check "--base: the old side is named REV:path"
    grep -q "^Gamma (gamma): unchanged" "$tmp/base.out" && grep -q "new: journeys/c-moved.yaml" "$tmp/base.out"; check "--base: a renamed file pairs by id"
    grep -q "^Delta (d): added" "$tmp/base.out"; check "--base: an untracked new journey is added"
    grep -q "touchpoint 'account' fell by 20.0 % of the scale" "$tmp/base.out"; check "--base: the edit is seen"
    ! grep -q "ci.yml" "$tmp/base.out"; check "--base: YAML that is not a journey is left alone"
    (cd "$R/journeys" && "$BIN" diff --base HEAD --format json a.yaml) >"$tmp/sub.json" 2>&1
    grep -q '"old": "HEAD:a.yaml", "new": "a.yaml", "status": "unchanged"' "$tmp/sub.json"; check "--base: paths relative to a subfolder"
    (cd "$R" && "$BIN" diff --base release/one --format json journeys/a.yaml) >"$tmp/slash.json" 2>&1
    grep -q '"id": "a", "old": "release/one:journeys/a.yaml"' "$tmp/slash.json"; check "--base: a revision with a slash keeps ids from file names"
    (cd "$R" && "$BIN" diff --base HEAD journeys/b.yaml) >"$tmp/del.out" 2>&1
    [ $? = 0 ] && grep -q "removed" "$tmp/del.out"; check "--base: a deleted path still compares"
    (cd "$R" && "$BIN" diff --base no-such-rev) >"$tmp/rev.out" 2>&1
    [ $? = 2 ] && grep -q "unknown revision 'no-such-rev'" "$tmp/rev.out"; check "--base: unknown revision, exit 2"
    mkdir -p "$tmp/plain" && cp $D/base.yaml "$tmp/plain/"
    (cd "$tmp/plain" && GIT_CEILING_DIRECTORIES=$tmp "$BIN" diff --base HEAD) >"$tmp/norepo.out" 2>&1
    [ $? = 2 ] && grep -q "needs a git repository" "$tmp/norepo.out"; check "--base: outside a repository, exit 2"
    (cd "$R" && "$BIN" diff --base HEAD no/such/path) >"$tmp/nopath.out" 2>&1
    [ $? = 2 ] && grep -q "no journeys under the given paths" "$tmp/nopath.out"; check "--base: a path git does not know, exit 2"
    (cd "$R" && PATH=/nonexistent "$BIN" diff --base HEAD) >"$tmp/nogit.out" 2>&1
    [ $? = 2 ] && grep -q "git is not installed" "$tmp/nogit.out"; check "--base: git missing, exit 2"
    (cd "$R" && "$BIN" diff --base 'HEAD;touch pwned' ) >/dev/null 2>&1
    [ ! -e "$R/pwned" ]; check "--base: the revision never reaches a shell"
fi

# --accept and CJM_ACCEPT (spec 1.2): a removal the team means no longer
# trips the gate and is listed as removed and accepted.
B=tests/diff/base.yaml R=tests/diff/removed.yaml
golden diff-accept.text -- diff --fail-on removed-touchpoint --accept removed-touchpoint:hotline $B $R
golden diff-accept.json -- diff --format json --fail-on removed-touchpoint --accept removed-touchpoint:hotline,removed-touchpoint:account $B $R
CJM_ACCEPT=removed-touchpoint:hotline,removed-touchpoint:account "$BIN" diff --fail-on removed-touchpoint $B $R >"$tmp/acc.out" 2>&1
[ $? = 0 ] && grep -q '^    - hotline (receive) "Hotline" (accepted)$' "$tmp/acc.out"; check "CJM_ACCEPT: both removals accepted, exit 0"
CJM_ACCEPT=removed-touchpoint:hotline "$BIN" diff --fail-on removed-touchpoint --accept removed-touchpoint:account $B $R >/dev/null 2>&1
[ $? = 0 ]; check "CJM_ACCEPT and --accept add up"
"$BIN" diff --fail-on removed-touchpoint --accept removed-touchpoint:hotline $B $R >/dev/null 2>&1
[ $? = 1 ]; check "an accepted removal does not excuse another one"
"$BIN" diff --format markdown --accept removed-touchpoint:hotline $B $R | grep -q 'Hotline.*\*(accepted)\*'; check "markdown lists the removal as accepted"
"$BIN" diff --format github --accept removed-touchpoint:hotline $B $R | grep -q "touchpoint 'hotline' removed (accepted)"; check "github notice says accepted"
"$BIN" diff --format json --fail-on removed-stage --accept removed-stage:receive $B tests/diff/stages.yaml >"$tmp/st.json"; rc=$?
[ $rc = 0 ] && grep -q '"removed": \["receive"\], "accepted": \["receive"\]' "$tmp/st.json" &&
    grep -q '"failed": false' "$tmp/st.json"; check "an accepted stage: listed as removed and accepted, the gate passes"
expect "--accept: a bad entry is a usage error" 2 "$BIN" diff --accept removed-step:x $B $R
CJM_ACCEPT=bogus "$BIN" diff $B $R >/dev/null 2>"$tmp/acc.err"
[ $? = 2 ] && grep -q "'bogus' is not a removal to accept" "$tmp/acc.err"; check "CJM_ACCEPT: a bad entry is a usage error too"
# Journey-level changes: state, title, persona, scale, lang, owner.
"$BIN" diff --format json journeys/online-shop.yaml journeys/online-shop-future.yaml | grep -q '"journey_fields": {"state": {"old": "current", "new": "future"}}'
check "journey_fields: state current → future in JSON"
sed -e 's/^journey: .*/journey: Renamed/' -e 's/^lang: .*//' $B | sed '1a lang: de' >"$tmp/jf.yaml"
"$BIN" diff --format json $B "$tmp/jf.yaml" | grep -o '"journey_fields": {[^}]*}[^}]*}' >"$tmp/jf.out"
grep -q '"journey": {"old": "Diff test journey", "new": "Renamed"}' "$tmp/jf.out" && grep -q '"lang": {"old": "en", "new": "de"}' "$tmp/jf.out"
check "journey_fields: title and lang"
"$BIN" diff --lang en $B "$tmp/jf.yaml" | grep -q '^  journey: journey Diff test journey → Renamed; lang en → de$'; check "journey_fields in the text changelog"
# German (spec 1.2): --lang, or the new journey's lang: by default, for
# text and Markdown; JSON and github never change with the language.
"$BIN" diff $B "$tmp/jf.yaml" | grep -q '^  Journey: journey Diff test journey → Renamed; lang en → de$'; check "diff speaks the new journey's language by default"
golden diff-online-shop-de.markdown -- diff --format markdown --lang de journeys/online-shop.yaml journeys/online-shop-future.yaml
golden diff-online-shop-de.text -- diff --lang de --fail-on removed-touchpoint,new-friction:high journeys/online-shop.yaml journeys/online-shop-future.yaml
for f in json github; do
    "$BIN" diff --format $f journeys/online-shop.yaml journeys/online-shop-future.yaml >"$tmp/en.$f"
    "$BIN" diff --format $f --lang de journeys/online-shop.yaml journeys/online-shop-future.yaml >"$tmp/de.$f"
    cmp -s "$tmp/en.$f" "$tmp/de.$f"; check "diff --lang de leaves $f as it is"
done
"$BIN" diff --format markdown --lang de journeys/online-shop.yaml journeys/online-shop-future.yaml >"$tmp/de.md"
grep -q '| | Alt | Neu | Änderung |' "$tmp/de.md" && grep -q '3,23 (55,7 %)' "$tmp/de.md" && ! grep -qE 'Journey index|Score changes|Old \| New' "$tmp/de.md"
check "German pull-request comment: German words and decimal commas"
expect "diff --lang fr is a usage error" 2 "$BIN" diff --lang fr $B $B
"$BIN" diff --format json $B $B | grep -q '"status": "unchanged", "index"' && "$BIN" diff --format json $B $B | grep -q '"journey_fields": {}'
check "journey_fields: empty when nothing changed"

echo "diff: $passed passed, $failed failed"
[ "$failed" = 0 ]
