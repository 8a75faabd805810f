#!/bin/sh
# Integration with the CX team's tools, checked by tools we did not write:
#  - ajv-cli (npm) validates every example against schema/journey.schema.json,
#    and agrees with cjm on which files are rejected (tests/schema/);
#  - ajv validates `check --format sarif` against the SARIF 2.1.0 schema
#    Microsoft publishes (npm @microsoft/sarif-multitool-linux);
#  - xmllint checks `--format junit`; man checks the man page;
#  - the CI recipes in docs/ci parse as YAML and their cjm commands work;
#  - cjm init, the bash completion, make install/uninstall and pkg-config.
# npm packages are fetched at test time into a cache (never committed).
# Usage: tests/integration.sh BIN NODE_CACHE
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CACHE=$2
passed=0
failed=0
skipped=0
. "$(dirname "$0")/skip.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { if [ $? = 0 ]; then ok; else bad "$1"; fi; }

AJV_VERSION=5.0.0
SARIF_PKG=@microsoft/sarif-multitool-linux@5.7.0
mkdir -p "$CACHE"
if [ ! -x "$CACHE/node_modules/.bin/ajv" ]; then
    (cd "$CACHE" && npm install --no-audit --no-fund --prefix . "ajv-cli@$AJV_VERSION" >/dev/null 2>&1)
fi
if [ ! -f "$CACHE/sarif-2.1.0.json" ]; then
    (cd "$CACHE" && npm pack "$SARIF_PKG" >/dev/null 2>&1 &&
        tar xzf microsoft-sarif-multitool-linux-*.tgz package/sarif-2.1.0.json &&
        mv package/sarif-2.1.0.json . && rm -rf package microsoft-sarif-multitool-linux-*.tgz)
fi
AJV=$CACHE/node_modules/.bin/ajv
if [ -x "$AJV" ] && [ -f "$CACHE/sarif-2.1.0.json" ]; then
    have_npm=1
else
    have_npm=0
    skip integration "ajv-cli or the SARIF schema could not be fetched from npm; the schema, SARIF and action checks did not run"
fi
validate() { # SPEC SCHEMA FILE
    "$AJV" validate --spec="$1" --allow-union-types --strict=false -s "$2" -d "$3" >/dev/null 2>&1
}

# ---- JSON Schema --------------------------------------------------------
if [ $have_npm = 1 ]; then
    "$AJV" compile --spec=draft7 --allow-union-types -s schema/journey.schema.json >/dev/null 2>&1; check "journey schema compiles"
    "$AJV" compile --spec=draft7 --allow-union-types -s schema/policy.schema.json >/dev/null 2>&1; check "policy schema compiles"
    for f in journeys/*.yaml; do
        validate draft7 schema/journey.schema.json "$f"; check "schema accepts $f"
        head -1 "$f" | grep -q '^# yaml-language-server: \$schema=../schema/journey.schema.json$'; check "$f names the schema for editors"
    done
    validate draft7 schema/policy.schema.json tests/e2e/policy.yaml; check "policy schema accepts tests/e2e/policy.yaml"
    "$AJV" compile --spec=draft7 --allow-union-types -s schema/model.schema.json >/dev/null 2>&1; check "model schema compiles"
    for f in journeys/*.yaml tests/render/hostile.yaml tests/mermaid/special.yaml; do
        "$BIN" export --to json "$f" >"$tmp/model.json"
        validate draft7 schema/model.schema.json "$tmp/model.json"; check "model schema accepts cjm export --to json of $f"
    done
    "$BIN" export --to json journeys/online-shop.yaml | sed 's/"format": "cjm-journey\/1.1"/"format": "other"/' >"$tmp/model.json"
    ! validate draft7 schema/model.schema.json "$tmp/model.json"; check "model schema rejects a wrong format"
    validate draft7 schema/policy.schema.json tests/diff/gate-policy.yaml; check "policy schema accepts a diff gate"
    ! validate draft7 schema/policy.schema.json tests/diff/bad-gate-policy.yaml; check "policy schema rejects a bad diff gate"
    validate draft7 schema/journey.schema.json tests/diff/own-gate.yaml; check "journey schema accepts requires: gate:"
    # Agreement: the schema rejects exactly the files cjm rejects with a
    # finding the schema can express (schema, unknown-key, empty-stage,
    # score-range of a metric).
    for f in tests/schema/*.yaml journeys/*.yaml; do
        if validate draft7 schema/journey.schema.json "$f"; then s=accept; else s=reject; fi
        if "$BIN" check --format json "$f" | grep -qE '"rule": "(schema|unknown-key|empty-stage|score-range)"'; then c=reject; else c=accept; fi
        [ $s = $c ]; check "schema and cjm agree on $f (schema: $s, cjm: $c)"
        case $f in tests/schema/ok-*) [ $s = accept ]; check "$f is accepted" ;; tests/schema/bad-*) [ $s = reject ]; check "$f is rejected" ;; esac
    done
fi

# ---- SARIF and JUnit ----------------------------------------------------
"$BIN" check --format sarif journeys tests/e2e/cases tests/hostile/bidi-id.yaml >"$tmp/cjm.sarif.json"
[ $? = 1 ]; check "sarif: exit 1 with errors"
if [ $have_npm = 1 ]; then
    validate draft2020 "$CACHE/sarif-2.1.0.json" "$tmp/cjm.sarif.json"; check "sarif: valid against the published SARIF 2.1.0 schema"
    "$BIN" check --format sarif journeys >"$tmp/clean.sarif.json"
    validate draft2020 "$CACHE/sarif-2.1.0.json" "$tmp/clean.sarif.json"; check "sarif: a clean run is valid too"
fi
want=$("$BIN" check --format json journeys tests/e2e/cases | sed -n 's/.*"errors": \([0-9]*\), "warnings": \([0-9]*\)}$/\1 \2/p')
got=$(grep -c '"level": "error"' "$tmp/cjm.sarif.json")
[ "$got" -ge "${want% *}" ]; check "sarif: every error is a result ($got >= ${want% *})"
grep -q '"uri": "tests/e2e/cases/unknown-reference.yaml"}, "region": {"startLine": 9, "startColumn": 16}' "$tmp/cjm.sarif.json"; check "sarif: 1-based physical locations"
[ "$(grep -o '"id": "[a-z-]*"' "$tmp/cjm.sarif.json" | sort -u | wc -l)" = 18 ]; check "sarif: a rule entry per rule (the 18 of the spec)"

"$BIN" check --format junit journeys tests/e2e/cases >"$tmp/junit.xml"
xmllint --noout "$tmp/junit.xml"; check "junit: well-formed XML"
x() { xmllint --xpath "$1" "$tmp/junit.xml"; }
[ "$(x 'count(//testsuite)')" = "$(ls journeys/*.yaml tests/e2e/cases/*.yaml | wc -l)" ]; check "junit: one test suite per file"
[ "$(x 'count(//testcase/failure)')" = "${want% *}" ]; check "junit: one failing test case per error (${want% *})"
[ "$(x 'count(//testcase/skipped)')" = "${want#* }" ]; check "junit: warnings as skipped test cases (${want#* })"
[ "$(x 'sum(//testsuite/@failures)')" = "${want% *}" ]; check "junit: suite failure counts add up"

# ---- cjm init -----------------------------------------------------------
cd "$tmp" || exit 1
"$BIN" init --persona 'Größe "Kundin" \ ' new.yaml >/dev/null 2>"$tmp/init.err"; check "init writes a file"
grep -q 'no schema line: give one with --schema' "$tmp/init.err"; check "init says when it writes no schema line"; rm -f "$tmp/init.err"
"$BIN" check new.yaml >/dev/null; check "init: the skeleton passes cjm check"
[ "$("$BIN" report --format json new.yaml | grep -o '"touchpoints": 6,')" = '"touchpoints": 6,' ]; check "init: one touchpoint per default stage"
cp new.yaml before.yaml
"$BIN" init new.yaml >/dev/null 2>&1; [ $? = 2 ] && cmp -s new.yaml before.yaml; check "init never overwrites"
"$BIN" init --stages ' , ,' x.yaml >/dev/null 2>&1; [ $? = 2 ] && [ ! -e x.yaml ]; check "init rejects --stages without a name"
"$BIN" init --title 'Konto eröffnen' --stages 'Aufmerksamkeit,Kauf,Übergabe an DHL,Kauf' de.yaml >/dev/null 2>&1
[ "$(grep '^  - id: ' de.yaml | tr -d ' ' | tr '\n' ' ')" = "-id:aufmerksamkeit -id:kauf -id:uebergabe-an-dhl -id:kauf-2 " ] &&
    grep -q '^    name: "Übergabe an DHL"' de.yaml && grep -q '^journey: "Konto eröffnen"' de.yaml &&
    "$BIN" check de.yaml >/dev/null; check "init --stages takes display names and makes unique ids; --title"
! grep -q 'yaml-language-server' new.yaml; check "init outside a repository and an installation writes no schema line"
"$BIN" init --stages find,buy,use --schema ../schema/journey.schema.json three.yaml >/dev/null
[ "$(grep -c '^  - id: ' three.yaml)" = 3 ] && "$BIN" check three.yaml >/dev/null; check "init --stages"
cd - >/dev/null || exit 1
mkdir -p "$tmp/repo-init/journeys/deep" "$tmp/repo-init/schema" && cp schema/journey.schema.json "$tmp/repo-init/schema/"
"$BIN" init "$tmp/repo-init/journeys/deep/j.yaml" >/dev/null
[ "$(head -1 "$tmp/repo-init/journeys/deep/j.yaml")" = "# yaml-language-server: \$schema=../../schema/journey.schema.json" ]; check "init names the repository's schema relative to the new file"
rm -rf "$tmp/repo-init"
if [ $have_npm = 1 ]; then
    validate draft7 schema/journey.schema.json "$tmp/new.yaml"; check "init: the schema accepts the skeleton"
    validate draft7 schema/journey.schema.json "$tmp/de.yaml"; check "init: the schema accepts a skeleton with stage names"
fi
# io.c's temporary files are NAME.tmpXXXXXX: only whole .yaml/.json/.xml
# names may be left (the control shows the check sees such a file).
left() { ls "$1" | grep -v -E '\.(yaml|json|xml)$'; }
[ -z "$(left "$tmp")" ]; check "init leaves no temporary file"
mkdir "$tmp/ctl" && : >"$tmp/ctl/new.yaml.tmpAb12Cd"
[ -n "$(left "$tmp/ctl")" ]; check "control: a left temporary file is seen"; rm -rf "$tmp/ctl"

# ---- man page and --help ------------------------------------------------
[ -z "$(MANWIDTH=80 man --warnings -l docs/cjm.1 2>&1 >/dev/null)" ]; check "man page renders without warnings"
for cmd in check report render deck site diff survey export import init; do
    for opt in $("$BIN" $cmd --help | grep -oE -- '--[a-z]+|-[To]\b' | sort -u); do
        grep -q -- "$(echo "$opt" | sed 's/-/\\\\-/g')" docs/cjm.1; check "man page documents $cmd $opt"
    done
done

# ---- bash completion ----------------------------------------------------
c() { bash tests/completion.sh "$@" | tr '\n' ' '; }
[ "$(c '')" = "check report render deck site diff survey export import init --help --version " ]; check "completion: commands"
[ "$(c export --to '')" = "mermaid json " ]; check "completion: export formats"
[ "$(c survey journeys/online-shop-s)" = "journeys/online-shop-survey.csv " ]; check "completion: survey takes the CSV first"
[ "$(c survey journeys/online-shop-survey.csv journeys/online-shop.)" = "journeys/online-shop.yaml " ]; check "completion: then the journey"
[ "$(c diff --format '')" = "text markdown json github " ]; check "completion: diff formats"
[ "$(c diff --fail-on removed-s)" = "removed-stage " ]; check "completion: diff conditions"
[ "$(c render --view '')" = "map flow channels " ]; check "completion: views"
[ "$(c render -T '')" = "svg png pdf dot " ]; check "completion: render formats"
[ "$(c render --page '')" = "auto a4 a3 a2 a1 a0 slide " ]; check "completion: pages"
[ "$(c render --detail '')" = "auto full digest " ]; check "completion: details"
[ "$(c deck -T '')" = "pdf png svg " ]; check "completion: deck formats"
[ "$(c check --format '')" = "text json github sarif junit " ]; check "completion: check formats"
[ "$(c report --format m)" = "markdown " ]; check "completion: report formats"
[ "$(c check --s)" = "--strict " ]; check "completion: options"
[ "$(c check journeys/online | tr " " "\n" | sort | tr "\n" " ")" = "journeys/online-shop-future.yaml journeys/online-shop.yaml " ]; check "completion: journey files"

# ---- install, uninstall, pkg-config -------------------------------------
dest=$tmp/dest
make -s install DESTDIR="$dest" PREFIX=/usr/local BUILD="$(dirname "$1")" >/dev/null 2>&1; check "make install"
for f in bin/cjm lib/libcjm.a include/cjm.h lib/pkgconfig/cjm.pc share/man/man1/cjm.1 \
    share/bash-completion/completions/cjm share/cjm/journey.schema.json share/cjm/policy.schema.json; do
    [ -f "$dest/usr/local/$f" ]; check "installed $f"
done
"$dest/usr/local/bin/cjm" init "$tmp/inst.yaml" >/dev/null && head -1 "$tmp/inst.yaml" | grep -q 'schema=/usr/local/share/cjm/journey.schema.json'; check "the installed cjm init names the installed schema"
cat >"$tmp/use.c" <<'C'
#include <cjm.h>
#include <string.h>
int main(void)
{
    const char *y = "journey: x\nstages: [{id: a, touchpoints: [{id: t, name: T, channel: web, score: 3}]}]\n";
    cjm_diags *d = cjm_diags_new("x.yaml");
    cjm_journey *j = cjm_journey_load_checked(y, strlen(y), "x.yaml", NULL, d);
    int rc = j && cjm_diags_errors(d) == 0 ? 0 : 1;
    cjm_journey_free(j);
    cjm_diags_free(d);
    return rc;
}
C
# A sanitizer build's library needs the sanitizer runtime (clang's) too.
if nm "$dest/usr/local/lib/libcjm.a" 2>/dev/null | grep -q __asan; then
    cc="clang -fsanitize=address,undefined"
else
    cc=cc
fi
PKG_CONFIG_PATH=$dest/usr/local/lib/pkgconfig $cc -o "$tmp/use" "$tmp/use.c" \
    $(PKG_CONFIG_PATH=$dest/usr/local/lib/pkgconfig pkg-config --define-variable=prefix="$dest/usr/local" --cflags --libs cjm) &&
    "$tmp/use"; check "a program builds against the installed library with pkg-config"
make -s uninstall DESTDIR="$dest" PREFIX=/usr/local BUILD="$(dirname "$1")" >/dev/null 2>&1
[ -z "$(find "$dest" -type f)" ]; check "make uninstall removes every installed file"

# ---- the CI recipes ------------------------------------------------------
if [ $have_npm = 1 ]; then
    JSYAML=$CACHE/node_modules/js-yaml
    for r in docs/ci/github-actions.yml docs/ci/gitlab-ci.yml; do
        NODE_PATH=$CACHE/node_modules node -e '
            const y = require("js-yaml"), fs = require("fs");
            const doc = y.load(fs.readFileSync(process.argv[1], "utf8"));
            const lines = [];
            const walk = (v) => { if (typeof v === "string") v.split("\n").forEach((l) => { l = l.trim(); if (l.startsWith("cjm ")) lines.push(l); });
                                  else if (v && typeof v === "object") Object.values(v).forEach(walk); };
            walk(doc);
            fs.writeFileSync(process.argv[2], lines.join("\n") + "\n");' "$r" "$tmp/cmds" 2>/dev/null
        check "$r parses as YAML"
        [ -s "$tmp/cmds" ]; check "$r runs cjm"
        mkdir -p "$tmp/repo" && cp -r journeys "$tmp/repo/"
        # A pull request's checkout: a repository with the base branch.
        (cd "$tmp/repo" && { [ -d .git ] || { git init -q && git config user.email ci@example.com &&
            git config user.name ci && git add -A && git commit -qm base &&
            git update-ref refs/remotes/origin/main HEAD; }; }) >/dev/null 2>&1
        while read -r line; do
            (cd "$tmp/repo" && PATH=$(dirname "$BIN"):$PATH GITHUB_STEP_SUMMARY=$tmp/summary.md GITHUB_BASE_REF=main CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main sh -c "$line" >/dev/null 2>&1)
            check "$r: '$line' works on the examples"
        done <"$tmp/cmds"
    done
    validate draft2020 "$CACHE/sarif-2.1.0.json" "$tmp/repo/cjm.sarif" 2>/dev/null || cp "$tmp/repo/cjm.sarif" "$tmp/repo/cjm.sarif.json"
    validate draft2020 "$CACHE/sarif-2.1.0.json" "$tmp/repo/cjm.sarif.json"; check "recipe: the uploaded SARIF is valid"
    xmllint --noout "$tmp/repo/cjm-junit.xml"; check "recipe: the JUnit report is XML"
    grep -q '^### ' "$tmp/summary.md"; check "recipe: the job summary holds the report"
    grep -q '^\*\*Journey diff\*\*' "$tmp/summary.md"; check "recipe: the job summary holds the pull request's diff"
    [ "$(ls "$tmp/repo/maps" | grep -c '\.svg$')" = "$(ls journeys/*.yaml | wc -l)" ]; check "recipe: a map per journey"
fi

# ---- pre-commit hooks and the GitHub Action ---------------------------
ROOT=$PWD
if ! command -v pre-commit >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pre-commit >/dev/null 2>&1 ||
        { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pre-commit >/dev/null 2>&1; }
fi
if command -v pre-commit >/dev/null 2>&1; then
    P=$tmp/precommit
    mkdir -p "$P/journeys" && cp journeys/online-shop.yaml "$P/journeys/" && cp tests/e2e/cases/warnings.yaml "$P/journeys/draft.yaml"
    cp tests/e2e/cases/unknown-reference.yaml "$P/journeys/broken.yaml"; printf 'a: b\n' >"$P/other.yaml"
    (cd "$P" && git init -q && git add -A) >/dev/null 2>&1
    pc() { (cd "$P" && PATH=$(dirname "$BIN"):$PATH PRE_COMMIT_HOME=$tmp/pc-home pre-commit try-repo "$ROOT" "$@" >"$tmp/pc.out" 2>&1); }
    pc cjm-check --files journeys/online-shop.yaml journeys/draft.yaml other.yaml; check "pre-commit cjm-check passes journeys with warnings only"
    pc cjm-check-strict --files journeys/draft.yaml; [ $? != 0 ] && grep -q 'pain-without-friction' "$tmp/pc.out"; check "pre-commit cjm-check-strict fails on warnings"
    pc cjm-check --files journeys/broken.yaml; [ $? != 0 ] && grep -q 'unknown-reference' "$tmp/pc.out"; check "pre-commit cjm-check fails on errors and shows them"
    pc cjm-check --files other.yaml; check "pre-commit leaves YAML outside journeys/ alone"
else
    skip integration "pre-commit is not installed; its hook tests did not run"
fi
if [ $have_npm = 1 ]; then
    NODE_PATH=$CACHE/node_modules node -e '
        const y = require("js-yaml"), fs = require("fs");
        const a = y.load(fs.readFileSync("action.yml", "utf8"));
        if (a.runs.using !== "composite") throw new Error("not composite");
        const out = [];
        for (const s of a.runs.steps) {
            if (!s.run || !/^(Check|Report|Draw|What the pull request)/.test(s.name)) continue;
            const env = {};
            for (const [k, v] of Object.entries(s.env || {}))
                env[k] = String(v).replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, n) => a.inputs[n].default)
                                  .replace(/\$\{\{ github\.base_ref \}\}/g, "main");
            out.push({ name: s.name, env, run: s.run });
        }
        fs.writeFileSync(process.argv[1], JSON.stringify(out));' "$tmp/steps.json" 2>/dev/null
    check "action.yml parses as a composite action"
    A=$tmp/action-repo
    mkdir -p "$A" && cp -r journeys "$A/"
    (cd "$A" && git init -q && git config user.email ci@example.com && git config user.name ci && git add -A &&
        git commit -qm base && git update-ref refs/remotes/origin/main HEAD) >/dev/null 2>&1
    n=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).length)' "$tmp/steps.json")
    [ "$n" = 4 ]; check "action.yml: the four cjm steps are found"
    i=0
    while [ $i -lt "$n" ]; do
        node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]];
            for (const [k, v] of Object.entries(s.env)) console.log(`export ${k}=${JSON.stringify(v)}`);
            console.log(s.run);' "$tmp/steps.json" $i >"$tmp/step.sh"
        (cd "$A" && PATH=$(dirname "$BIN"):$PATH GITHUB_STEP_SUMMARY=$tmp/action-summary.md bash -e "$tmp/step.sh" >/dev/null 2>&1)
        check "action.yml step $i works on the examples: $(grep -v '^export' "$tmp/step.sh" | head -1 | cut -c1-60)"
        i=$((i + 1))
    done
    grep -q '^### ' "$tmp/action-summary.md" && grep -q '^```mermaid' "$tmp/action-summary.md"; check "action: the job summary holds the report with its diagram"
    [ "$(ls "$A/cjm-maps" | grep -c '\.svg$')" = "$(ls journeys/*.yaml | wc -l)" ]; check "action: a map per journey"
fi

echo "integration: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" = 0 ]
