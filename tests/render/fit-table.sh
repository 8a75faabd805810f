#!/bin/sh
# fit-table.sh BIN [RENDER-OPTIONS...]: how every example and test journey
# sits on every page, in every view, as a Markdown table: the smallest
# text, the smallest card name, the share of the page covered, links
# through cards and arrowheads inside cards (tests/render/*.awk measure
# them).  For the README and issue notes; tests/page.sh asserts the same
# figures.
BIN=${1:?usage: tests/render/fit-table.sh BIN [render options]}
shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "| journey | view | page | smallest text | card names | coverage | crossings | arrowheads in cards |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for j in journeys/*.yaml tests/render/*.yaml; do
    id=$(basename "$j" .yaml)
    for v in map flow channels; do
        for p in a4 a3 a2 slide; do
            "$BIN" render "$@" --view $v --page $p -o "$tmp/m.svg" "$j" >/dev/null 2>&1 || continue
            set -- $(awk -f tests/render/pagefit.awk "$tmp/m.svg") "$@"
            unit=$4 text=$6 cover=$8 names=${12}
            shift 12
            x=$(awk -f tests/render/crossings.awk "$tmp/m.svg" | tail -2)
            heads=$(echo "$x" | head -1 | cut -d' ' -f1)
            cross=$(echo "$x" | tail -1 | cut -d' ' -f1)
            echo "| $id | $v | $p | $text $unit | $names $unit | $(awk "BEGIN{printf \"%d %%\", $cover*100}") | $cross | $heads |"
        done
    done
done
