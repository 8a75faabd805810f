#!/bin/bash
# Asks the bash completion what it offers, as bash would when TAB is hit.
# Usage: tests/completion.sh WORD... (the last word is the one completed)
set -u
shopt -s extglob
source "$(dirname "$0")/../completion/cjm.bash"
COMP_WORDS=(cjm "$@")
COMP_CWORD=$#
_cjm
printf '%s\n' "${COMPREPLY[@]}"
