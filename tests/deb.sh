#!/bin/sh
# make package: builds the Debian package with dpkg-buildpackage (make deb),
# then checks it: lintian reports no errors, the package holds the files
# `make install` installs (under /usr), and the cjm in it runs and has a
# man page.  Needs dpkg-dev, debhelper and lintian (installed as root when
# missing, else skipped with a message).
set -u
BUILD=${1:-build}
passed=0
failed=0
check() { if [ $? = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }
if ! command -v dpkg-buildpackage >/dev/null || ! command -v lintian >/dev/null ||
    ! dpkg -s debhelper >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            dpkg-dev debhelper lintian fakeroot >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive \
              apt-get install -y --no-install-recommends dpkg-dev debhelper lintian fakeroot >/dev/null 2>&1; }
    fi
fi
if ! command -v dpkg-buildpackage >/dev/null || ! command -v lintian >/dev/null; then
    skipped=0
    . "$(dirname "$0")/skip.sh"
    skip package "dpkg-dev, debhelper and lintian are missing"
    echo "package: 0 passed, $failed failed${skipped:+, $skipped skipped}"
    [ "$failed" = 0 ]
    exit
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$BUILD/deb"
make --no-print-directory deb BUILD="$BUILD" >"$tmp/build.log" 2>&1; check "make deb builds the package"
deb=$(ls "$BUILD"/deb/cjm_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat "$tmp/build.log" | tail -20; echo "package: $passed passed, $((failed + 1)) failed"; exit 1; }
lintian --fail-on error "$deb" >"$tmp/lintian" 2>&1; check "lintian reports no errors ($(grep -c '^W:' "$tmp/lintian") warnings)"
grep '^E:' "$tmp/lintian"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$tmp/files"
for f in usr/bin/cjm usr/lib/libcjm.a usr/include/cjm.h usr/lib/pkgconfig/cjm.pc \
    usr/share/man/man1/cjm.1.gz usr/share/bash-completion/completions/cjm \
    usr/share/cjm/journey.schema.json usr/share/cjm/policy.schema.json \
    usr/share/cjm/model.schema.json usr/share/cjm/journey-format.md; do
    grep -qx "$f" "$tmp/files"; check "the package holds $f"
done
dpkg-deb -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/cjm" --version | grep -q "^cjm "; check "the packaged cjm runs"
[ -z "$(MANWIDTH=80 man --warnings -l "$tmp/root/usr/share/man/man1/cjm.1.gz" 2>&1 >/dev/null)" ]; check "the packaged man page renders without warnings"
echo "package: $passed passed, $failed failed"
[ "$failed" = 0 ]
