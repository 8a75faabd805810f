# skip SUITE REASON: a part of a suite could not run (no tool, no registry).
# Outside CI that is reported on the suite's last line ("…, 1 skipped"); under
# CI=true it fails the suite, so a green CI run means every check ran.
# Sourced by the suites; adds to $skipped or $failed.
skip() {
    if [ "${CI:-}" = true ]; then
        failed=$((failed + 1))
        echo "FAIL: $1: $2 (a skipped check fails under CI=true)"
    else
        skipped=$((${skipped:-0} + 1))
        echo "SKIPPED: $1: $2"
    fi
}
