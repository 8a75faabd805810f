#!/bin/sh
# End-to-end tests of `cjm site` (issue 20, spec "Site"): the portfolio and
# a page per journey, every internal link resolving, nothing loaded from
# elsewhere, every user string escaped, every page well-formed (XHTML
# syntax: xmllint parses it as XML) and valid HTML5 (html-validate), the
# same bytes for the same input whatever -j, German pages, files with errors
# listed, history and --base read from git, the site replaced whole (also
# on Ctrl-C), and every page in Chromium with axe-core.
set -u
BIN=${1:?usage: tests/site.sh BIN}
UPDATE=
. tests/e2e-lib.sh
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

"$BIN" site -o "$tmp/s" journeys tests/e2e/cases/unknown-reference.yaml tests/render/hostile.yaml >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && [ -s "$tmp/s/index.html" ] && [ -s "$tmp/s/style.css" ] && grep -q "$tmp/s/index.html" "$tmp/out"
check "site: written, exit 1 for the journey with errors"
[ "$(ls "$tmp/s"/*.html | wc -l)" = 9 ]; check "site: the portfolio and a page per journey (8)"
grep -q 'unknown-reference.yaml' "$tmp/s/index.html" && grep -q '\[unknown-reference\]' "$tmp/s/index.html"
check "site: a file with errors is listed with its diagnostics"
for f in "$tmp/s"/*.html; do
    xmllint --noout "$f" 2>>"$tmp/xml" || echo "$f" >>"$tmp/badxml"
done
[ ! -s "$tmp/badxml" ]; check "site: every page is well-formed"
[ ! -s "$tmp/badxml" ] || head -5 "$tmp/xml"
# Internal links: every href names a file of the site, and every #fragment
# an id on that page.
: >"$tmp/links"
for f in "$tmp/s"/*.html; do
    grep -o ' href="[^"]*"' "$f" | sed 's/ href="//; s/"$//' | while IFS= read -r h; do
        file=${h%%#*}; frag=; case $h in *'#'*) frag=${h#*#} ;; esac
        [ -n "$file" ] || file=$(basename "$f")
        [ -f "$tmp/s/$file" ] || { echo "$f: $h" >>"$tmp/links"; continue; }
        [ -z "$frag" ] || grep -q " id=\"$frag\"" "$tmp/s/$file" || echo "$f: $h" >>"$tmp/links"
    done
done
[ ! -s "$tmp/links" ] && [ "$(cat "$tmp/s"/*.html | grep -o ' href="' | wc -l)" -ge 50 ]
check "site: every internal link resolves"
head -5 "$tmp/links"
! grep -q -E '(src|href)="(https?:)?//' "$tmp/s"/*.html "$tmp/s/style.css" && ! grep -q '@import\|url(' "$tmp/s/style.css"
check "site: nothing is loaded from elsewhere"
! grep -q -i '<script' "$tmp/s"/*.html && grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/s/index.html" "$tmp/s/hostile.html"
check "site: user strings are escaped (the hostile journey's script is text)"
grep -q 'tabindex="0" role="img" aria-label="Checkout' "$tmp/s/online-shop.html"
check "site: each card is focusable and named for a screen reader"
grep -q '<html lang="de">' "$tmp/s/girokonto-eroeffnung.html" && grep -q '>Phasen<' "$tmp/s/girokonto-eroeffnung.html" &&
grep -q '<html lang="en">' "$tmp/s/index.html"
check "site: a German journey's page speaks German; the portfolio English"
"$BIN" site --lang de -j 1 -o "$tmp/de" journeys >/dev/null 2>&1
grep -q 'Journey-Portfolio' "$tmp/de/index.html"; check "site --lang de: the portfolio in German"

# ---- the same bytes, whatever -j; the site replaced whole ---------------
"$BIN" site -j 1 -o "$tmp/j1" journeys >/dev/null 2>&1
"$BIN" site -j 2 -o "$tmp/j2" journeys >/dev/null 2>&1
"$BIN" site -j 2 -o "$tmp/j2b" journeys >/dev/null 2>&1
diff -r "$tmp/j1" "$tmp/j2" >/dev/null && diff -r "$tmp/j2" "$tmp/j2b" >/dev/null
check "site: the same bytes for the same input, with -j 1 or -j 2"
: >"$tmp/j1/stale.html"
"$BIN" site -o "$tmp/j1" journeys >/dev/null 2>&1
[ ! -e "$tmp/j1/stale.html" ] && [ -s "$tmp/j1/index.html" ] && [ -z "$(ls -d "$tmp"/j1.tmp-* 2>/dev/null)" ]
check "site: a rebuild replaces the old site whole and leaves no temporary folder"
# Interrupted: forty journeys take a few seconds; Ctrl-C after a moment
# leaves the old site as it was and no temporary folder.
mkdir -p "$tmp/many"
for k in $(seq 1 40); do sed "s/^id: .*//; s/^journey: .*/journey: Shop $k/" journeys/online-shop.yaml >"$tmp/many/shop$k.yaml"; done
"$BIN" site -j 1 -o "$tmp/int" journeys/online-shop.yaml >/dev/null 2>&1 && : >"$tmp/int/old-marker"
env --default-signal=INT "$BIN" site -j 1 --history 0 -o "$tmp/int" "$tmp/many" >/dev/null 2>&1 &
pid=$!
sleep 0.5
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
[ $rc = 130 ] && [ -e "$tmp/int/old-marker" ] && [ -z "$(ls -d "$tmp"/int.tmp-* 2>/dev/null)" ]
check "site: Ctrl-C leaves the old site and no temporary folder (exit $rc)"
mkdir -p "$tmp/ro" && : >"$tmp/ro/keep" && chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    expect "site: a folder that cannot be written is an I/O error" 2 "$BIN" site -o "$tmp/ro/site" journeys
    [ -z "$(ls -d "$tmp"/ro/site.tmp-* 2>/dev/null)" ]; check "site: no temporary folder after a failed build"
fi
chmod u+w "$tmp/ro"
expect "site: -j 0 is a usage error" 2 "$BIN" site -j 0 journeys
expect "site: --history takes a number" 2 "$BIN" site --history many journeys

# ---- history and --base, in a repository of our own --------------------
repo=$tmp/repo
mkdir -p "$repo" && cd "$repo" && git init -q && git config user.email t@example.org && git config user.name t
cp "$OLDPWD/journeys/online-shop.yaml" shop.yaml
g() { GIT_COMMITTER_DATE="$1T12:00:00Z" GIT_AUTHOR_DATE="$1T12:00:00Z" git commit -q -am "$2"; }
git add shop.yaml && g 2026-01-05 "First map of the shop"
sed -i 's/score: 1.8/score: 2.6/' shop.yaml && g 2026-02-10 "Guest checkout <b>live</b>"
sed -i 's/score: 1.5/score: 3.1/' shop.yaml && g 2026-03-15 "Self-service returns"
sed -i 's/score: 2.1/score: 1.2/' shop.yaml
"$BIN" site --history 5 --base HEAD~1 -o site shop.yaml >/dev/null 2>"$tmp/gerr"
cd "$OLDPWD"
p=$repo/site/online-shop.html
[ "$(grep -c '<circle ' "$p")" = 3 ] && grep -q '2026-02-10: Guest checkout &lt;b&gt;live&lt;/b&gt;' "$p" &&
grep -q '>2026-01-05<' "$p"
check "site --history: the index at each of the three commits, with its date and subject"
grep -q 'points="' "$repo/site/index.html" && grep -c '<polyline' "$repo/site/index.html" | grep -q 1
check "site: the portfolio draws the trend"
grep -q 'id="changes"' "$p" && grep -q 'Changes since HEAD~1' "$p" && grep -q 'id="comparison"' "$p" &&
grep -q 'Live chat about sizes' "$p"
check "site --base: the changes since the revision and the comparison map"
expect "site --base: an unknown revision is a usage error" 2 sh -c "cd '$repo' && '$BIN' site --base nosuch shop.yaml"

# ---- in a real browser -------------------------------------------------
# Chromium (Debian's) driven by puppeteer-core, with axe-core, both from
# npm into a cache at test time: every page without a console error or a
# failed request, nothing loaded from elsewhere, every link resolving, a
# card reached with the keyboard, and no serious or critical axe finding.
# The portfolio's screenshot is left in build/ (docs/portfolio.png is one).
CACHE=${SITE_CACHE:-build/browser}
CHROMIUM=$(command -v chromium || true)
if [ "${SITE_BROWSER:-}" != no ] && [ -z "$CHROMIUM" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    # As tests/deps.sh does: a stale package index is refreshed once.
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 ||
        { apt-get update >/dev/null 2>&1 &&
          apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; }
    CHROMIUM=$(command -v chromium || true)
fi
if [ "${SITE_BROWSER:-}" != no ] && [ ! -d "$CACHE/node_modules/html-validate" ] && command -v npm >/dev/null 2>&1; then
    mkdir -p "$CACHE"
    (cd "$CACHE" && { [ -f package.json ] || echo '{"private": true}' >package.json; } &&
     timeout 300 npm install --no-audit --no-fund --silent puppeteer-core@24.43.1 axe-core@4.14.1 html-validate@9.7.1) >/dev/null 2>&1
fi
. tests/skip.sh
if [ "${SITE_BROWSER:-}" = no ]; then
    : # make check-deep runs the suite under the sanitizers: the pages were
      # opened in the browser by make test already.
elif [ -z "$CHROMIUM" ] || [ ! -d "$CACHE/node_modules/axe-core" ] || ! command -v node >/dev/null 2>&1; then
    skip "site: in a browser" "needs chromium, node and npm (puppeteer-core, axe-core)"
else
    browse() { NODE_PATH=$CACHE/node_modules timeout 300 node tests/site/browse.js "$CHROMIUM" "$@"; }
    browse "$tmp/s" "$CACHE/portfolio.png" >"$tmp/browse" 2>&1
    rc=$?
    [ $rc = 0 ] && grep -q '^ok 9 pages' "$tmp/browse"; check "site in Chromium: no console error, failed request or broken link; cards keyboard-reachable; axe finds nothing serious or critical"
    [ $rc = 0 ] || head -20 "$tmp/browse"
    browse "$repo/site" "" >"$tmp/browse2" 2>&1 && grep -q '^ok 2 pages' "$tmp/browse2"
    check "site in Chromium: the history and --base pages too"
    head -5 "$tmp/browse2" | grep -v '^ok' || :
    # Valid HTML5, by html-validate's standard rules (a control must fail).
    echo '{"extends": ["html-validate:standard"]}' >"$tmp/hv.json"
    hv() { timeout 300 "$CACHE/node_modules/.bin/html-validate" -c "$tmp/hv.json" "$@"; }
    hv "$tmp/s"/*.html "$repo/site"/*.html >"$tmp/hv" 2>&1; check "site: every page is valid HTML5 (html-validate)"
    head -10 "$tmp/hv" | grep -v '^$' || :
    printf '<!DOCTYPE html>\n<html lang="en"><head><title>x</title></head><body><p id="a"><div id="a"></div></p></body></html>\n' >"$tmp/bad.html"
    ! hv "$tmp/bad.html" >/dev/null 2>&1; check "control: html-validate refuses a page with a duplicate id and a misplaced div"
    # The control: a page with a broken link, an outside script and an
    # image without text is caught.
    cp -r "$tmp/s" "$tmp/bad"
    sed -i 's|</main>|<a href="gone.html">x</a><img src="https://example.org/x.png"/></main>|' "$tmp/bad/index.html"
    browse "$tmp/bad" "" >"$tmp/browse3" 2>&1
    [ $? = 1 ] && grep -q 'link to a missing file: gone.html' "$tmp/browse3" &&
    grep -q 'loads from elsewhere: https://example.org/x.png' "$tmp/browse3" && grep -q 'axe critical: image-alt' "$tmp/browse3"
    check "control: the browser test catches a broken link, an outside request and an image without text"
    [ $? = 0 ] || head -5 "$tmp/browse3"
fi

echo "site: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" = 0 ]
