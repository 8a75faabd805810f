#!/bin/sh
# Makes sure the build's Debian packages are present: installs them when run
# as root with apt-get, else prints the exact command and fails.
pkgs="libyaml-dev libgraphviz-dev librsvg2-dev libcairo2-dev libcmocka-dev libcsv-dev pkg-config libxml2-utils locales"
missing=""
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"
# libcsv (no pkg-config file) reads survey answers.
[ -f /usr/include/csv.h ] || missing="$missing libcsv-dev"
# The German locale's sources, for the unit test that runs under it.
[ -f /usr/share/i18n/locales/de_DE ] || missing="$missing locales"
# xmllint checks the SVG maps in the tests.
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
for mod in yaml-0.1 libgvc libcgraph librsvg-2.0 cairo cmocka; do
    if ! pkg-config --exists "$mod" 2>/dev/null; then
        case $mod in
            yaml-0.1) missing="$missing libyaml-dev" ;;
            libgvc|libcgraph) missing="$missing libgraphviz-dev" ;;
            librsvg-2.0) missing="$missing librsvg2-dev" ;;
            cairo) missing="$missing libcairo2-dev" ;;
            cmocka) missing="$missing libcmocka-dev" ;;
        esac
    fi
done
# Emoji in PNG and PDF maps need a colour emoji font; optional, so only
# installed when we can, never a reason to stop.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 &&
    ! fc-list 2>/dev/null | grep -qi "emoji"; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        fonts-noto-color-emoji >/dev/null 2>&1 || true
fi
[ -z "$missing" ] && exit 0
missing=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing missing packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends $missing >/dev/null ||
        { apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; } ||
        { echo "could not install: $missing" >&2; exit 1; }
    exit 0
fi
echo "missing packages: $missing" >&2
echo "install them with:  sudo apt-get install -y $pkgs" >&2
exit 1
