#!/bin/sh
# End-to-end tests: run the cjm binary and compare stdout, stderr and the exit
# status with golden files under tests/e2e/golden.  Run from the repository
# root.  `tests/e2e.sh BIN --update` rewrites the goldens (review the diff!).
set -u
BIN=${1:?usage: tests/e2e.sh BIN [--update]}
UPDATE=${2:-}
G=tests/e2e/golden
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# golden NAME [STDIN_FILE] -- ARGS...: stdout, stderr and "exit: N" must match.
golden() {
    name=$1; shift
    input=/dev/null
    if [ "$1" != "--" ]; then input=$1; shift; fi
    shift
    "$BIN" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit: $rc"; } >"$tmp/got"
    if [ "$UPDATE" = --update ]; then
        cp "$tmp/got" "$G/$name"
    fi
    if cmp -s "$tmp/got" "$G/$name"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name (cjm $*)"
        diff -u "$G/$name" "$tmp/got" | head -30
    fi
}

# expect NAME STATUS CMD...: a shell-level check with an exact status.
expect() {
    name=$1; want=$2; shift 2
    "$@" >"$tmp/out" 2>&1
    rc=$?
    if [ "$rc" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name: exit $rc, expected $want"; head -5 "$tmp/out"
    fi
}

# Every bad file: text and JSON diagnostics.
for f in tests/e2e/cases/*.yaml; do
    n=$(basename "$f" .yaml)
    golden "check-$n.txt" -- check "$f"
    golden "check-$n.json" -- check --format json "$f"
done

golden check-github.txt -- check --format github tests/e2e/cases/unknown-reference.yaml tests/e2e/cases/warnings.yaml
golden check-policy.txt -- check --policy tests/e2e/policy.yaml tests/e2e/cases/unknown-reference.yaml
golden check-policy-broken.txt -- check --policy tests/e2e/cases/schema-errors.yaml journeys/online-shop.yaml
golden check-strict.txt -- check --strict tests/e2e/cases/warnings.yaml
golden check-dir.txt -- check tests/e2e/tree
golden check-stdin.txt tests/e2e/cases/unknown-reference.yaml -- check -
golden check-missing.txt -- check tests/e2e/no-such-file.yaml tests/e2e/cases/empty.yaml
golden check-examples.txt -- check --strict journeys
golden report-text.txt -- report journeys/online-shop.yaml
golden report-markdown.md -- report --format markdown journeys/girokonto-eroeffnung.yaml
golden report-json.json -- report --format json journeys
golden report-errors.txt -- report tests/e2e/cases/unknown-reference.yaml
golden help.txt -- --help
golden help-check.txt -- check --help
golden help-report.txt -- report --help
golden version.txt -- --version
golden usage-no-command.txt -- 
golden usage-unknown-command.txt -- frobnicate
golden usage-bad-format.txt -- check --format xml journeys
golden usage-no-path.txt -- check

expect "strict passes on clean examples" 0 "$BIN" check --strict journeys
expect "warnings alone exit 0" 0 "$BIN" check tests/e2e/cases/warnings.yaml --format json
expect "a directory that does not exist" 2 "$BIN" check tests/e2e/nope/
expect "write error on /dev/full" 2 sh -c "'$BIN' report journeys >/dev/full"

# Big inputs stay fast and bounded: a 10,000-touchpoint file and a file
# over the 16 MiB cap.
awk 'BEGIN { print "journey: Big"; print "stages:"; print "  - id: s"; print "    touchpoints:";
  for (i = 0; i < 10000; i++) printf "      - {id: t%d, name: T%d, channel: web, score: 3}\n", i, i }' >"$tmp/big.yaml"
expect "10,000 touchpoints: count error only" 0 sh -c "'$BIN' check '$tmp/big.yaml' | grep -q '10000 touchpoints, more than the 20 expected'"
head -c 17000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.yaml"
expect "file over the size cap" 1 "$BIN" check "$tmp/huge.yaml"

# Regression: echoing the source line for each of 30,000 findings on one
# 900 KB line was quadratic (21 s).  The timeout only catches a hang.
awk 'BEGIN { printf "journey: x\nstages: ["; for (i = 0; i < 30000; i++) printf "%s{id: s%d, touchpoints: []}", (i ? "," : ""), i; print "]" }' >"$tmp/flow.yaml"
expect "30,000 findings on one long line" 0 sh -c "timeout 10 '$BIN' check '$tmp/flow.yaml' | grep -c empty-stage | grep -qx 30000"
awk 'BEGIN { print "journey: x"; print "stages: []"; for (i = 0; i < 100000; i++) print "x-k: " i }' >"$tmp/dups.yaml"
expect "100,000 duplicate keys" 0 sh -c "timeout 10 '$BIN' check '$tmp/dups.yaml' | grep -c duplicate-key | grep -qx 99999"

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
