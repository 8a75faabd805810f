#!/bin/sh
# The layout keeps its promises, read off the compiled objects (what each
# file defines and uses, from nm), not off the source:
#  - the layers model < figures < format < view < cmd: a file uses only
#    its own layer and the ones below it;
#  - no two files depend on each other in a circle (tsort finds loops);
#  - library code never exits and never prints but to a stream it was given;
#  - no source file is over 800 lines.
# Usage: tests/layers.sh BUILD_DIR
set -u
B=$1
UPDATE=
. tests/e2e-lib.sh

layers="model figures format view cmd"
rank() { i=0; for l in $layers; do [ "$l" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done; echo 99; }

# defs: symbol file; uses: file symbol
for l in $layers; do
    for o in "$B"/obj/$l/*.o; do
        f=$l/$(basename "$o" .o)
        nm --defined-only "$o" | awk -v f="$f" '$2 ~ /^[TDRB]$/ {print $3, f}' >>"$tmp/defs"
        nm -u "$o" | awk -v f="$f" '{print f, $2}' >>"$tmp/uses"
    done
done
[ -s "$tmp/defs" ] && [ -s "$tmp/uses" ]; check "objects found under $B/obj"
sort -k1,1 "$tmp/defs" >"$tmp/defs.s"
sort -k2,2 "$tmp/uses" | join -1 2 -2 1 -o 1.1,2.2,0 - "$tmp/defs.s" |
    awk '$1 != $2' | sort -u >"$tmp/edges"
[ -s "$tmp/edges" ]; check "files use each other (the check sees dependencies)"

up=$(while read -r from to sym; do
    a=$(rank "${from%%/*}"); b=$(rank "${to%%/*}")
    [ "$b" -gt "$a" ] && echo "$from -> $to ($sym)"
done <"$tmp/edges")
[ -z "$up" ]; check "no file calls a layer above its own${up:+: $up}"

# Headers too: a file includes its own layer's and lower layers' headers.
upinc=$(for l in $layers; do for f in src/$l/*.[ch]; do
    sed -n 's/^#include "\(.*\)"/\1/p' "$f" | while read -r h; do
        for d in $layers; do [ -f "src/$d/$h" ] &&
            [ "$(rank $d)" -gt "$(rank $l)" ] && echo "$f includes $d/$h"; done
    done
done; done)
[ -z "$upinc" ]; check "no file includes a header of a layer above its own${upinc:+: $upinc}"

awk '{print $1, $2}' "$tmp/edges" | sort -u | tsort >/dev/null 2>"$tmp/loops"
[ ! -s "$tmp/loops" ]; check "no circle between files$(tr '\n' ' ' <"$tmp/loops" | sed 's/^./: &/')"

lib=$(awk '$1 !~ /^cmd\// && $2 ~ /^(exit|_exit|abort|printf|puts|putchar|perror|stdout|stderr)$/ {print $1 ": " $2}' "$tmp/uses" | sort -u)
[ -z "$lib" ]; check "library code neither exits nor prints on its own${lib:+: $lib}"

# The library's messages speak of journeys, not of the command line: no
# cjm option in a string of a library file (git's own options are fine).
flags=$(grep -n -E '"[^"]*(--(fail-on|base|strict|min-responses|lang|page|view|format|show|no-mermaid|policy|output|write|score-from|watch|accept|detail)([^a-z-]|$)|-T (svg|png|pdf))' \
    src/model/*.c src/figures/*.c src/format/*.c src/view/*.c | grep -v -E '^[^:]*:[0-9]+:[[:space:]]*(/\*|\*)')
[ -z "$flags" ]; check "library messages name no command-line option${flags:+: $flags}"

big=$(wc -l src/*/*.[ch] include/*.h | awk '$2 != "total" && $1 > 800 {print $2 " (" $1 ")"}')
[ -z "$big" ]; check "no source file over 800 lines${big:+: $big}"

# The check itself can fail: an upward call and a circle, made up.
printf 'model/a figures/b x\n' | while read -r from to sym; do
    [ "$(rank "${to%%/*}")" -gt "$(rank "${from%%/*}")" ]; done; check "control: an upward call is seen"
! printf 'a b\nb a\n' | tsort >/dev/null 2>&1; check "control: a circle is seen"

echo "layers: $passed passed, $failed failed"
[ "$failed" = 0 ]
