#!/bin/sh
# Every command, view, page and format under valgrind.  A run passes only
# when cjm exits with a status the command may give (0, or 1 for findings
# and tripped gates): valgrind's own error status (99), a crash (a signal,
# 128 + N) or anything else fails, with valgrind's log.  The only
# suppressions are Graphviz / font-stack internals (tests/valgrind.supp
# says why for each).
# Usage: tests/valgrind.sh BIN
set -u
BIN=$1
UPDATE=
. tests/e2e-lib.sh
VG="valgrind -q --num-callers=40 --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --suppressions=tests/valgrind.supp"

# judge RC: whether a command's exit status is one cjm may give.
judge() { [ "$1" = 0 ] || [ "$1" = 1 ]; }
# vg CMD...: runs "$BIN" CMD... under valgrind.
vg() {
    $VG "$BIN" "$@" >/dev/null 2>"$tmp/log"
    rc=$?
    if judge $rc; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: exit $rc: cjm $*"
        head -60 "$tmp/log"
    fi
}

# The guard can fail: valgrind's error status and a crash are not passes.
! judge 99 && ! judge 139 && ! judge 134 && ! judge 2 && judge 0 && judge 1 &&
    passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the guard passes a crash"; }

for f in check report; do for o in text json; do
    vg $f --format $o journeys tests/e2e/cases tests/hostile
done; done
for v in map flow channels; do for t in svg png pdf dot; do
    vg render --view $v -T $t -o "$tmp" journeys tests/render
done; done
for v in map flow channels; do for pt in a3:svg a4:pdf slide:png; do
    vg render --view $v --page ${pt%:*} -T ${pt#*:} -o "$tmp" journeys tests/render
done; done
for o in text markdown json github; do
    vg diff --format $o --fail-on removed-touchpoint,index-drop:1,new-friction:low tests/diff/v1 tests/diff/v2
    for p in removed moved stages friction broken; do
        vg diff --format $o --fail-on removed-stage,removed-touchpoint,new-friction:low,score-drop:1 \
            tests/diff/base.yaml tests/diff/$p.yaml
    done
done
for f in tests/survey/cases/*.csv journeys/online-shop-survey.csv; do
    vg survey --format json --min-responses 1 "$f" tests/survey/cases/j.yaml
done
cp tests/survey/cases/styles.yaml "$tmp/styles.yaml"
vg survey --score-from nps --write tests/survey/cases/styles.csv "$tmp/styles.yaml"
for t in svg png pdf dot; do
    vg diff -T $t -o "$tmp/d.$t" journeys/online-shop.yaml journeys/online-shop-future.yaml
    vg diff -T $t -o "$tmp/s.$t" tests/diff/base.yaml tests/diff/stages.yaml
done
for t in pdf png svg; do
    vg deck -T $t -o "$tmp/deck-$t/" journeys/online-shop.yaml tests/render/acht-phasen.yaml
done
vg deck --compare journeys/online-shop.yaml -o "$tmp/cmp.pdf" journeys/online-shop-future.yaml
vg site -j 2 -o "$tmp/site" journeys/online-shop.yaml journeys/girokonto-eroeffnung.yaml tests/render/hostile.yaml tests/e2e/cases/unknown-reference.yaml
for d in full digest; do
    vg render --detail $d --page a3 -o "$tmp" journeys/online-shop.yaml tests/render/acht-phasen.yaml
done
for f in tests/fuzz-regressions/mermaid-*.mmd; do vg import "$f"; done
for t in mermaid json; do vg export --to $t journeys/online-shop.yaml; done

echo "valgrind: $passed passed, $failed failed"
[ "$failed" = 0 ]
