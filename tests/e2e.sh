#!/bin/sh
# End-to-end tests: run the cjm binary and compare stdout, stderr and the exit
# status with golden files under tests/e2e/golden.  Run from the repository
# root.  `tests/e2e.sh BIN --update` rewrites the goldens (review the diff!).
set -u
BIN=${1:?usage: tests/e2e.sh BIN [--update]}
UPDATE=${2:-}
G=tests/e2e/golden
. tests/e2e-lib.sh

# Every bad file: text and JSON diagnostics.
for f in tests/e2e/cases/*.yaml; do
    n=$(basename "$f" .yaml)
    golden "check-$n.txt" -- check "$f"
    golden "check-$n.json" -- check --format json "$f"
done

golden check-sarif.json -- check --format sarif tests/e2e/cases/unknown-reference.yaml tests/e2e/cases/warnings.yaml
golden check-junit.xml -- check --format junit tests/e2e/cases/unknown-reference.yaml journeys/online-shop.yaml
golden check-github.txt -- check --format github tests/e2e/cases/unknown-reference.yaml tests/e2e/cases/warnings.yaml
golden check-policy.txt -- check --policy tests/e2e/policy.yaml tests/e2e/cases/unknown-reference.yaml
golden check-policy-broken.txt -- check --policy tests/e2e/cases/schema-errors.yaml journeys/online-shop.yaml
golden check-strict.txt -- check --strict tests/e2e/cases/warnings.yaml
# --strict means the same in every format (issue 9): warnings fail.
for f in json github sarif junit; do
    golden "check-strict.$f" -- check --strict --format $f tests/e2e/cases/warnings.yaml
done
golden check-policy-vocab.txt -- check --policy tests/e2e/policy-vocab.yaml tests/e2e/cases/each-rule.yaml journeys/online-shop.yaml
golden check-policy-bad-rules.txt -- check --policy tests/e2e/policy-bad-rules.yaml journeys/online-shop.yaml
golden report-umlaut-stages.txt -- report tests/e2e/cases/umlaut-stages.yaml
golden check-dir.txt -- check tests/e2e/tree
golden check-stdin.txt tests/e2e/cases/unknown-reference.yaml -- check -
golden check-missing.txt -- check tests/e2e/no-such-file.yaml tests/e2e/cases/empty.yaml
golden check-examples.txt -- check --strict journeys
golden report-text.txt -- report journeys/online-shop.yaml
golden report-markdown.md -- report --format markdown journeys/girokonto-eroeffnung.yaml
golden report-json.json -- report --format json journeys
golden report-errors.txt -- report tests/e2e/cases/unknown-reference.yaml
golden report-markdown-en.md -- report --format markdown journeys/online-shop.yaml
golden report-markdown-no-mermaid.md -- report --format markdown --no-mermaid journeys/online-shop.yaml
golden report-text-de.txt -- report --lang de journeys/online-shop.yaml
# Channels of the catalogue by any alias or spelling are one channel
# (spec 1.2): warnings that name the id, a typo's "did you mean", an own
# word left alone, the mix and the switches counted by channel, German
# labels in the report and the channels view.
golden check-kanaele.txt -- check tests/e2e/cases/kanaele.yaml
# A usage error is one line that points to the command's help.
"$BIN" render --bogus journeys/online-shop.yaml >/dev/null 2>"$tmp/u.err"
[ $? = 2 ] && [ "$(wc -l <"$tmp/u.err")" = 1 ] &&
    grep -qx "cjm: unknown or incomplete option '--bogus'; see 'cjm render --help'" "$tmp/u.err"
check "usage error: one line and where the help is"
# Text tables pad by display width, as wide as the longest name: every
# stage row's count stands in one column, umlauts and long names alike.
sed 's/^  - id: awareness$/  - id: awareness\n    name: Kündigung beim Altanbieter und Wechsel/' journeys/online-shop.yaml >"$tmp/wide.yaml"
"$BIN" report "$tmp/wide.yaml" | awk '/^Stages/ { on = 1; next } on && /^$/ { exit } on { print }' >"$tmp/rows"
cols=$(while IFS= read -r line; do printf '%s' "${line%% tp *}" | LC_ALL=C.UTF-8 wc -m; done <"$tmp/rows" | sort -u)
[ "$(wc -l <"$tmp/rows")" = 6 ] && grep -q "Kündigung beim" "$tmp/rows" && [ "$(echo "$cols" | wc -l)" = 1 ]
check "report: the stage table's columns line up with a long German stage name"
# A decimal comma is an error at its value, never a figure of 4 (spec 1.2).
golden check-dezimalkomma.txt -- check tests/e2e/cases/dezimalkomma.yaml
[ "$("$BIN" check tests/e2e/cases/dezimalkomma.yaml | grep -c 'with a decimal comma.*write [0-9]*\.[0-9]* \[schema\]')" = 5 ] &&
    ! "$BIN" check tests/e2e/cases/dezimalkomma.yaml | grep -q "unknown key '19'"
check "decimal comma: five errors that say what to write, no unknown key '19'"
expect "decimal comma: no report from such a journey" 1 "$BIN" report tests/e2e/cases/dezimalkomma.yaml
golden report-kanaele-de.txt -- report tests/e2e/cases/kanaele.yaml
golden report-kanaele.json -- report --format json tests/e2e/cases/kanaele.yaml
golden render-kanaele.channels.dot -- render --view channels -T dot -o - tests/e2e/cases/kanaele.yaml
"$BIN" report tests/e2e/cases/kanaele.yaml | grep -qx 'Kanäle: Brief 1, E-Mail 2, Telefon 1, vor-ort 1, Web 1, emial 1' &&
    "$BIN" report tests/e2e/cases/kanaele.yaml | grep -qx 'Kanalwechsel: 5'
check "aliases: E-Mail and email are one channel, five switches (not six), German labels"
[ "$("$BIN" report --format json tests/e2e/cases/kanaele.yaml | grep -o '"channels": {[^}]*}')" = '"channels": {"letter": 1, "email": 2, "phone": 1, "vor-ort": 1, "web": 1, "emial": 1}' ]
check "aliases: JSON counts channels by id whatever the language"
[ "$("$BIN" render --view channels -T dot -o - tests/e2e/cases/kanaele.yaml | grep -c '^	row[0-9]')" = 6 ]
check "aliases: the channels view has one row per channel (6), not per spelling"
golden report-usage-lang.txt -- report --lang fr journeys/online-shop.yaml
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
# 900 KB line was quadratic (21 s).  The timeout only catches a hang (generous: ASan runs are slow).
awk 'BEGIN { printf "journey: x\nstages: ["; for (i = 0; i < 30000; i++) printf "%s{id: s%d, touchpoints: []}", (i ? "," : ""), i; print "]" }' >"$tmp/flow.yaml"
expect "30,000 findings on one long line" 0 sh -c "timeout 60 '$BIN' check '$tmp/flow.yaml' | grep -c empty-stage | grep -qx 30000"
awk 'BEGIN { print "journey: x"; print "stages: []"; for (i = 0; i < 100000; i++) print "x-k: " i }' >"$tmp/dups.yaml"
expect "100,000 duplicate keys" 0 sh -c "timeout 60 '$BIN' check '$tmp/dups.yaml' | grep -c duplicate-key | grep -qx 99999"

# ---- the hostile-input suite (tests/hostile/cases.tsv) -------------------

S_gen() { # makes generated input $1 in $tmp, prints its path
    case $1 in
    @deep-nesting) f=$tmp/deep.yaml; [ -f "$f" ] || head -c 1000000 /dev/zero | tr '\0' '[' >"$f" ;;
    @scalar-10mb) f=$tmp/scalar.yaml; [ -f "$f" ] || { printf 'journey: '; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } >"$f" ;;
    @over-size-cap) f=$tmp/cap.yaml; [ -f "$f" ] || head -c 17000000 /dev/zero | tr '\0' 'a' >"$f" ;;
    @touchpoints-10000) f=$tmp/tenk.yaml; [ -f "$f" ] || awk 'BEGIN { print "journey: Big"; print "stages:"; print "  - id: s"; print "    touchpoints:";
        for (i = 0; i < 10000; i++) printf "      - {id: t%d, name: T%d, channel: web, score: 3}\n", i, i }' >"$f" ;;
    @warnings-10000) f=$tmp/warn.yaml; [ -f "$f" ] || awk 'BEGIN { print "journey: W"; print "stages:"; print "  - id: s"; print "    touchpoints:";
        for (i = 0; i < 10000; i++) printf "      - {id: t%d, name: T}\n", i }' >"$f" ;;
    @directory) f=$tmp/no-journeys; mkdir -p "$f" ;;
    @missing) f=$tmp/does-not-exist.yaml ;;
    @unreadable) f=/proc/self/mem ;; # opens, then every read fails (EIO), even for root
    esac
    echo "$f"
}
hostile=0
while IFS='	' read -r input want rule line; do
    case $input in ''|'#'*) continue ;; esac
    f=$input
    case $input in @*) f=$(S_gen "$input") ;; esac
    timeout 20 "$BIN" check "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    ok=1
    [ "$rc" = "$want" ] || ok=0
    if [ "$rule" != - ]; then
        grep -Eq "^[^ ]*:$line:[0-9]+: (error|warning): .*\[$rule\]\$" "$tmp/out" || ok=0
    else
        [ -s "$tmp/err" ] || ok=0 # a message naming the problem
    fi
    hostile=$((hostile + 1))
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: hostile $input: exit $rc (want $want), rule $rule line $line"
        head -3 "$tmp/out" "$tmp/err"
    fi
done <tests/hostile/cases.tsv
[ $hostile -ge 27 ]; check "the hostile suite ran all its cases"

# Hidden characters never reach a terminal or CI log raw.
"$BIN" check --format json tests/hostile/zero-width-id.yaml | grep -q "'check\\\\u200bout'"; check "json escapes a zero-width space"
"$BIN" check tests/hostile/bidi-id.yaml | grep -q "'pay<U+202E>men' is not a valid id"; check "text shows a bidi override as <U+202E>"
"$BIN" check --format github tests/hostile/bidi-id.yaml | grep -q "pay<U+202E>men"; check "github shows a bidi override as <U+202E>"
! "$BIN" check tests/hostile/bidi-id.yaml | grep -q "$(printf '\342\200\256')"; check "no raw bidi override in the output"

# I/O faults: each a clear message and exit 2.
expect "stdout closed" 2 sh -c "'$BIN' check journeys >&-"
warn=$(S_gen @warnings-10000)
{ "$BIN" check "$warn" 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.rc"; } | head -1 >/dev/null
grep -q 'cannot write output: Broken pipe' "$tmp/pipe.err" && [ "$(cat "$tmp/pipe.rc")" = 2 ]
check "reader gone early (| head -1): a message and exit 2, not SIGPIPE"
expect "render with stdout closed still writes the map" 2 sh -c "'$BIN' render -o '$tmp/closed.svg' journeys/online-shop.yaml >&-; head -c 5 '$tmp/closed.svg' | grep -q '<?xml' && exit 2"

# Fuzz regressions: every input the fuzzer ever found a bug with, replayed
# as tests/fuzz-regressions/README.md says; each run ends in 0 or 1.
replay() { timeout 60 "$@" >/dev/null 2>&1; rc=$?; [ $rc -le 1 ] || echo "  exit $rc: $*"; [ $rc -le 1 ]; }
n_replayed=0
for f in tests/fuzz-regressions/*; do
    case $f in
    */journey-*.yaml)
        replay "$BIN" check "$f" && replay "$BIN" render -T dot -o - "$f" &&
            replay "$BIN" import "$f" ;;
    */mermaid-*.mmd) replay "$BIN" import "$f" && replay "$BIN" check "$f" ;;
    */survey-*.csv)
        cp tests/survey/cases/j.yaml "$tmp/replay.yaml" &&
            replay "$BIN" survey --write "$f" "$tmp/replay.yaml" ;;
    */diff-*.yaml)
        ok=0
        for fmt in text markdown json github; do
            replay "$BIN" diff --format $fmt --fail-on removed-touchpoint,removed-stage,index-drop:0.1,score-drop:0.1,new-friction:low tests/diff/base.yaml "$f" &&
                replay "$BIN" diff --format $fmt --fail-on removed-touchpoint,new-friction:low "$f" tests/diff/base.yaml || ok=1
        done
        [ $ok = 0 ] ;;
    */README.md) continue ;;
    *) echo "  $f: name it journey-, mermaid-, survey- or diff- (README.md)"; false ;;
    esac
    check "fuzz regression $f"
    n_replayed=$((n_replayed + 1))
done
[ $n_replayed -ge 4 ]; check "fuzz regressions: every kind is replayed ($n_replayed inputs)"

# ---- render -----------------------------------------------------------

# Golden DOT: the graph cjm builds, before layout.
for v in map flow channels; do
    golden "render-online-shop.$v.dot" -- render --view $v -T dot -o - journeys/online-shop.yaml
    golden "render-edge-cases.$v.dot" -- render --view $v -T dot -o - tests/render/edge-cases.yaml
done
golden render-hostile.map.dot -- render -T dot -o - tests/render/hostile.yaml
golden render-girokonto.map.dot -- render -T dot -o - journeys/girokonto-eroeffnung.yaml
golden render-girokonto-en.channels.dot -- render --view channels --lang en -T dot -o - journeys/girokonto-eroeffnung.yaml
golden render-errors.txt -- render -o "$tmp/never.svg" tests/e2e/cases/unknown-reference.yaml
golden render-usage-view.txt -- render --view poster journeys/online-shop.yaml


"$BIN" render -o "$tmp/shop.svg" journeys/online-shop.yaml >/dev/null
xmllint --noout "$tmp/shop.svg"; check "map SVG is well-formed"
T="//*[local-name()='g'][@class='node'][*[local-name()='title']"
[ "$(xcount "$tmp/shop.svg" "$T[starts-with(., 'tp')]]")" = 14 ]; check "map: one card per touchpoint"
[ "$(xcount "$tmp/shop.svg" "$T[starts-with(., 'fr')]]")" = 5 ]; check "map: a friction callout per touchpoint with friction"
[ "$(xcount "$tmp/shop.svg" "$T[starts-with(., 'opp')]]")" = 3 ]; check "map: opportunities"
[ "$(xcount "$tmp/shop.svg" "$T[starts-with(., 'stage')]]")" = 6 ]; check "map: a header per stage"
fill() { xmllint --xpath "string(($T='$2']//*[local-name()='path'])[1]/@fill)" "$1"; }
[ "$(fill "$tmp/shop.svg" tp5)" = "#fc8d59" ]; check "map: checkout (1.8 of 1-5) is orange"
[ "$(fill "$tmp/shop.svg" tp1)" = "#91bfdb" ]; check "map: friend referral (4.6) is light blue"
[ "$(fill "$tmp/shop.svg" tp10)" = "#fc8d59" ]; check "map: return request (1.5) is orange, like 1.7 in the legend"
[ "$(fill "$tmp/shop.svg" tp2)" = "#ffffbf" ]; check "map: product page (3.2) is neutral"
[ "$(xcount "$tmp/shop.svg" "//*[local-name()='text'][.='★ MOMENT OF TRUTH']")" = 4 ]; check "map: moments of truth are labelled (3 + legend)"

for v in map flow channels; do
    "$BIN" render --view $v -o "$tmp/h.$v.svg" tests/render/hostile.yaml >/dev/null
    xmllint --noout "$tmp/h.$v.svg"; check "hostile $v: well-formed XML"
    [ "$(xcount "$tmp/h.$v.svg" "//*[local-name()='script' or local-name()='image' or local-name()='foreignObject']")" = 0 ]; check "hostile $v: no script, image or foreignObject"
    [ "$(xcount "$tmp/h.$v.svg" "//@*[starts-with(local-name(), 'on') or local-name()='href' or local-name()='src']")" = 0 ]; check "hostile $v: no event handler or link attribute"
done
[ "$(xcount "$tmp/h.map.svg" "//*[local-name()='text'][contains(., '<script>alert(1)</script> & \"quotes\" ]]> \\N \\G trailing\\')]")" = 1 ]; check "hostile: the title is drawn literally"
[ "$(xcount "$tmp/h.map.svg" "//@*[local-name()='title'][contains(., 'javascript:void(0)') and contains(., '\\L \\E')]")" = 1 ]; check "hostile: tooltips keep their text"

# The customer's voice: quotes reach the map, escaped, in the language's
# marks; owners only when asked for.
"$BIN" render -o "$tmp/hq.svg" tests/render/hostile.yaml >/dev/null
grep -q '>“&quot;&#39; &amp; &lt; &gt;</text>' "$tmp/hq.svg" && grep -q '>javascript:void(0)”</text>' "$tmp/hq.svg"; check "hostile: the quote is drawn literally, escaped, in quotation marks"
"$BIN" render -o "$tmp/own.svg" journeys/girokonto-eroeffnung.yaml >/dev/null
"$BIN" render --show owner -o "$tmp/own2.svg" journeys/girokonto-eroeffnung.yaml >/dev/null
[ "$(xcount "$tmp/own.svg" "//*[local-name()='text'][starts-with(., 'verantwortlich: ')]")" = 0 ] &&
[ "$(xcount "$tmp/own2.svg" "//*[local-name()='text'][starts-with(., 'verantwortlich: ')]")" -gt 0 ]; check "render --show owner puts owners on the cards, and only then"
[ "$(xcount "$tmp/own.svg" "//*[local-name()='g'][@class='node'][*[local-name()='title'][starts-with(., 'tp')]]//*[local-name()='path'][@stroke-dasharray='1,5']")" = 2 ]; check "the two indirect touchpoints are dotted"

# No link runs through a card other than its own two ends (issue 10):
# every view of every example and of the render fixtures.  The control is
# a hand-made SVG with one link straight through a card, so a checker that
# sees nothing fails here.
crossings() { "$BIN" render --view "$1" -o "$tmp/x.svg" "$2" >/dev/null && awk -f tests/render/crossings.awk "$tmp/x.svg" | tail -n 1; }
for f in journeys/*.yaml tests/render/*.yaml; do for v in map flow channels; do
    [ "$(crossings $v "$f")" = "0 edges cross a card" ]; check "no edge through a card: $f $v"
done; done
[ "$(awk -f tests/render/crossings.awk tests/render/crossing-control.svg)" = "$(printf 'arrowhead of tp1->tp2 inside tp1 \n1 arrowheads inside a card\ntp0->tp2 crosses tp1 \n1 edges cross a card')" ]
check "the crossing check finds the control's one crossing and one arrowhead inside a card"
"$BIN" render -o "$tmp/j.svg" tests/render/channel-jumps.yaml >/dev/null
[ "$(xcount "$tmp/j.svg" "//*[local-name()='g'][@class='edge'][*[local-name()='title'][starts-with(., 'way')]]")" = 8 ]; check "map: the branch and the loop each run through four waypoints"

# Long German compounds (issue 10): every card name of lange-woerter.yaml
# is one word, so every line break in it is inside the word: each gets a
# hyphen and leaves at least three letters on either side, and joining the
# lines gives the name back.
sed -n 's/.*name: \([A-Za-zÄÖÜäöüß]*\), channel.*/\1/p' tests/render/lange-woerter.yaml | sort >"$tmp/lw.want"
for v in map flow channels; do
    "$BIN" render --view $v -T dot -o "$tmp/lw.$v.dot" tests/render/lange-woerter.yaml >/dev/null
    grep -o '<TD>\(<FONT POINT-SIZE="[0-9]*">\)\{0,1\}<B>[^/]*\(<BR/>[^<]*\)*</B>' "$tmp/lw.$v.dot" |
        sed 's/<TD>//; s/<FONT POINT-SIZE="[0-9]*">//; s/<B>//; s/<\/B>//' |
        grep -v '^★\|^Bewertung$\|^Reibung$' >"$tmp/lw.$v.names"
    [ "$(wc -l <"$tmp/lw.$v.names")" -ge 20 ] &&
    ! grep -q '[^-]<BR/>' "$tmp/lw.$v.names" &&
    ! grep -Eq '(^|<BR/>)[^<]{1,2}-?(<BR/>|$)' "$tmp/lw.$v.names" &&
    [ "$(sed 's|-<BR/>||g' "$tmp/lw.$v.names" | sort | comm -3 - "$tmp/lw.want" | wc -l)" = 0 ]; check "$v: long German words break with a hyphen, three letters a side"
    # A word a little too long for the card steps the name down to 9 or
    # 8 pt instead of breaking; a longer one stays at 10 pt and breaks.
    grep -q '<TD><FONT POINT-SIZE="9"><B>Preiserhöhungsschreiben</B>' "$tmp/lw.$v.dot" &&
    grep -q '<TD><FONT POINT-SIZE="8"><B>Tarifrechnerergebnisseite</B>' "$tmp/lw.$v.dot" &&
    grep -q '<TD><B>Kundenportalanmel-' "$tmp/lw.$v.dot"; check "$v: a name steps down to 9 or 8 pt before a word is broken"
done
# Unscored touchpoints stand in a lane above "best", never below "worst"
# where the curve would dive to them (issue 10).
"$BIN" render -o "$tmp/u.svg" tests/render/edge-cases.yaml >/dev/null
cy() { xmllint --xpath "string(($T='$2']//*[local-name()='text'])[1]/@y)" "$1" | sed 's/^-//'; }
best=$(xmllint --xpath "string(//*[local-name()='text'][.='best']/@y)" "$tmp/u.svg" | sed 's/^-//')
lane=$(xmllint --xpath "string(//*[local-name()='text'][.='NO SCORE']/@y)" "$tmp/u.svg" | sed 's/^-//')
awk -v b="$best" -v l="$lane" -v a="$(cy "$tmp/u.svg" tp1)" -v c="$(cy "$tmp/u.svg" tp3)" 'BEGIN { exit !(b != "" && l > b + 40 && a > b + 40 && c > b + 40) }'; check "map: the unscored lane and its cards stand above 'best'"
"$BIN" render --view channels -o "$tmp/j.svg" tests/render/channel-jumps.yaml >/dev/null
[ "$(xcount "$tmp/j.svg" "//*[local-name()='g'][@class='edge'][*[local-name()='title'][starts-with(., 'way')]]")" = 8 ]; check "channels: the branch and the loop each run through four waypoints"

# A journey of 200 touchpoints with branches and loops is drawn in every
# view without blowing up: the channels view once took 513 s here because
# of splines=curved (issue 10).  The timeout is a hang guard, far above
# the 0.1-1 s this takes; the speed itself is measured by make bench.
sh tests/bench/bigjourney.sh 200 10 >"$tmp/big.yaml"
for v in map flow channels; do
    expect "200 touchpoints draw in bounded time: $v" 0 timeout 60 "$BIN" render --view $v -o "$tmp/big.$v.svg" "$tmp/big.yaml"
done
# Too wide for a PNG at full size: refused in our words, with the file's
# name, never Graphviz's "(null): graph is too large ... Scaling by".
"$BIN" render -T png -o "$tmp/big.png" "$tmp/big.yaml" 2>"$tmp/big.err"
[ $? = 1 ] && grep -q "^cjm: $tmp/big.yaml: the picture would be [0-9]* x [0-9]* px, more than the 32767 px a PNG can hold at full size; draw it as SVG or PDF instead\$" "$tmp/big.err" &&
    [ "$(wc -l <"$tmp/big.err")" = 1 ] && [ ! -e "$tmp/big.png" ]; check "a PNG too large for cairo is refused with our message"
sh tests/bench/bigjourney.sh 100 5 >"$tmp/big100.yaml"
"$BIN" render -T png -o "$tmp/big100.png" "$tmp/big100.yaml" 2>"$tmp/big100.err" >/dev/null
[ $? = 0 ] && [ ! -s "$tmp/big100.err" ]; check "a PNG of 100 touchpoints is drawn at full size, silently"

for v in map flow channels; do for t in svg png pdf dot; do
    expect "hostile text renders: $v $t" 0 "$BIN" render --view $v -T $t -o "$tmp/hostile.$v.$t" tests/render/hostile.yaml
done; done
for t in svg png pdf; do
    "$BIN" render -T $t -o "$tmp/a.$t" journeys/car-insurance-claim.yaml >/dev/null
    "$BIN" render -T $t -o "$tmp/b.$t" journeys/car-insurance-claim.yaml >/dev/null
    cmp -s "$tmp/a.$t" "$tmp/b.$t"; check "render -T $t is deterministic"
done
[ "$(head -c 8 "$tmp/a.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; check "PNG magic"
[ "$(head -c 5 "$tmp/a.pdf")" = "%PDF-" ]; check "PDF magic"

# -o dir/ always means a folder, made if missing, even for one input;
# never a file named after it, never "dir//x.svg" (issue 9).
"$BIN" render -o "$tmp/slash/" journeys/online-shop.yaml >"$tmp/slash.out"
[ -s "$tmp/slash/online-shop.svg" ] && [ "$(cat "$tmp/slash.out")" = "$tmp/slash/online-shop.svg" ]; check "render -o dir/ with one input writes into the folder"
"$BIN" render -o "$tmp/slash2//" journeys/online-shop.yaml >"$tmp/slash2.out"
[ "$(cat "$tmp/slash2.out")" = "$tmp/slash2/online-shop.svg" ]; check "render -o dir// prints no double slash"

# Several inputs to a folder: <id>.<view>.<ext>; the folder is made.
"$BIN" render --view flow -T svg -o "$tmp/maps" journeys/online-shop.yaml journeys/city-break-trip.yaml >/dev/null
[ -s "$tmp/maps/online-shop.flow.svg" ] && [ -s "$tmp/maps/city-break-trip.flow.svg" ]; check "render names files <id>.<view>.<ext>"

# A journey with errors is not drawn and the old file stays as it was.
echo "old map" >"$tmp/keep.svg"
"$BIN" render -o "$tmp/keep.svg" tests/e2e/cases/unknown-reference.yaml >/dev/null 2>&1
[ $? = 1 ] && [ "$(cat "$tmp/keep.svg")" = "old map" ]; check "render: errors leave the old file untouched"
# A read-only folder: root writes anywhere chmod allows, so root uses /sys,
# where even root may not create files.
if [ "$(id -u)" = 0 ]; then ro=/sys; else ro=$tmp/ro; mkdir -p "$ro"; chmod 555 "$ro"; fi
expect "render into a read-only folder" 2 "$BIN" render -o "$ro/x.svg" journeys/online-shop.yaml
# Missing folders of an output path are made, by every command alike.
expect "render into a missing folder" 0 "$BIN" render -o "$tmp/missing/deeper/x.svg" journeys/online-shop.yaml
[ -s "$tmp/missing/deeper/x.svg" ]; check "render made the missing folders"
expect "export into a missing folder" 0 "$BIN" export --to mermaid -o "$tmp/x/y/" journeys/online-shop.yaml
[ -s "$tmp/x/y/online-shop.mmd" ]; check "export -o x/y/ made the folders and named the file"
expect "diff map into a missing folder" 0 "$BIN" diff -T svg -o "$tmp/d/e/m.svg" journeys/online-shop.yaml journeys/online-shop-future.yaml
[ -s "$tmp/d/e/m.svg" ]; check "diff -o made the missing folders"
expect "import into a missing folder" 0 "$BIN" import -o "$tmp/i/j/k.yaml" tests/mermaid/cases/docs-example.mmd
[ -s "$tmp/i/j/k.yaml" ]; check "import -o made the missing folders"
rm -rf "$tmp/missing" "$tmp/x" "$tmp/d" "$tmp/i"
expect "render to /dev/full" 2 "$BIN" render -o /dev/full journeys/online-shop.yaml
[ -z "$(ls "$tmp" | grep tmp)" ]; check "no temporary files left behind"
awk 'BEGIN { print "journey: Sixty"; print "stages:";
  for (s = 0; s < 6; s++) { print "  - id: s" s; print "    touchpoints:";
    for (i = 0; i < 10; i++) printf "      - {id: t%d-%d, name: Touchpoint %d of stage %d, channel: c%d, score: %d}\n", s, i, i, s, i % 4, 1 + (i + s) % 5 } }' >"$tmp/sixty.yaml"
for v in map flow channels; do
    expect "60 touchpoints, $v" 0 "$BIN" render --view $v -o "$tmp/sixty.$v.svg" "$tmp/sixty.yaml"
done

# A suite that cannot run a check says so outside CI and fails under it.
(CI=; failed=0; . tests/skip.sh; skip demo "no tool" >/dev/null; [ "$failed" = 0 ] && [ "$skipped" = 1 ]); check "skip: counted as skipped outside CI"
(CI=true; failed=0; . tests/skip.sh; skip demo "no tool" >/dev/null; [ "$failed" = 1 ]); check "skip: a failure under CI=true"
mkdir -p "$tmp/bin" && for c in dirname mkdir tar; do ln -sf "$(command -v $c)" "$tmp/bin/$c"; done # no node, no npm
CI=true PATH=$tmp/bin /bin/sh tests/yaml-suite/run.sh "$BIN" "$tmp/no-cache" >"$tmp/yts.out" 2>&1
[ $? != 0 ] && tail -1 "$tmp/yts.out" | grep -q "1 failed"; check "yaml-suite without npm fails under CI=true"
CI= PATH=$tmp/bin /bin/sh tests/yaml-suite/run.sh "$BIN" "$tmp/no-cache2" >"$tmp/yts.out" 2>&1
[ $? = 0 ] && tail -1 "$tmp/yts.out" | grep -q "1 skipped"; check "yaml-suite without npm says it skipped, on its last line"

# The golden helper itself: a difference fails; --update shows it and
# rewrites the golden; under CI=true --update fails instead.
mkdir -p "$tmp/gold" && echo stale >"$tmp/gold/v"
meta() { (cd "$(dirname "$0")/.." && G=$tmp/gold BIN=$BIN UPDATE=$1 CI=$2 sh -c '. tests/e2e-lib.sh; golden v -- --version; echo "failed=$failed"'); }
meta "" "" | grep -q "^failed=1$"; check "golden: a difference fails"
meta --update true | grep -q "^FAIL: --update .*CI=true" && grep -q stale "$tmp/gold/v"; check "golden: --update fails under CI and rewrites nothing"
meta --update "" >"$tmp/meta.out" && grep -q "^UPDATED: v" "$tmp/meta.out" && grep -q "^-stale" "$tmp/meta.out" &&
    grep -q "^failed=0$" "$tmp/meta.out" && ! grep -q stale "$tmp/gold/v"; check "golden: --update says what changed, then rewrites"
meta "" "" | grep -q "^failed=0$"; check "golden: the rewritten golden passes"

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
