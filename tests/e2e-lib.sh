# Helpers shared by the end-to-end scripts (sourced; BIN, UPDATE and G set
# by the caller).  Each check adds to $passed or $failed.
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# --update rewrites goldens that differ, after showing how; it is for a
# person reviewing the change, never for CI.
if [ "${UPDATE:-}" = --update ] && [ "${CI:-}" = true ]; then
    echo "FAIL: --update rewrites goldens and never runs under CI=true"
    failed=1
    UPDATE=
fi

# golden NAME [STDIN_FILE] -- ARGS...: stdout, stderr and "exit: N" must match.
golden() {
    name=$1; shift
    input=/dev/null
    if [ "$1" != "--" ]; then input=$1; shift; fi
    shift
    "$BIN" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit: $rc"; } >"$tmp/got"
    if cmp -s "$tmp/got" "$G/$name"; then
        passed=$((passed + 1))
    elif [ "$UPDATE" = --update ]; then
        echo "UPDATED: $name (cjm $*)"
        diff -u "$G/$name" "$tmp/got" 2>/dev/null | head -30
        cp "$tmp/got" "$G/$name"
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

# xcount FILE XPATH: an XPath count over an SVG, namespaces ignored.
xcount() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
# check NAME: the last command's status must be 0.
check() { if [ $? = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

