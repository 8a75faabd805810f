# bash completion for cjm: commands, options, views, formats, then files.
# Installed by `make install` to PREFIX/share/bash-completion/completions/cjm.
_cjm()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "check report render deck site diff survey export import init --help --version" -- "$cur"))
        return
    fi
    case $cmd:$prev in
        check:--format) COMPREPLY=($(compgen -W "text json github sarif junit" -- "$cur")); return ;;
        report:--format) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
        render:--view) COMPREPLY=($(compgen -W "map flow channels" -- "$cur")); return ;;
        render:--lang | report:--lang | deck:--lang | site:--lang) COMPREPLY=($(compgen -W "en de" -- "$cur")); return ;;
        render:--show) COMPREPLY=($(compgen -W "owner" -- "$cur")); return ;;
        render:--page) COMPREPLY=($(compgen -W "auto a4 a3 a2 a1 a0 slide" -- "$cur")); return ;;
        render:--detail) COMPREPLY=($(compgen -W "auto full digest" -- "$cur")); return ;;
        deck:-T) COMPREPLY=($(compgen -W "pdf png svg" -- "$cur")); return ;;
        deck:--compare) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")); return ;;
        render:-T | diff:-T) COMPREPLY=($(compgen -W "svg png pdf dot" -- "$cur")); return ;;
        export:--to) COMPREPLY=($(compgen -W "mermaid json" -- "$cur")); return ;;
        export:-o | import:-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        survey:--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
        survey:--score-from) COMPREPLY=($(compgen -W "csat ces nps" -- "$cur")); return ;;
        survey:--min-responses) return ;;
        diff:--format) COMPREPLY=($(compgen -W "text markdown json github" -- "$cur")); return ;;
        diff:--fail-on) COMPREPLY=($(compgen -W "removed-journey removed-stage removed-touchpoint index-drop: score-drop: new-friction:high new-friction:critical" -- "$cur")); return ;;
        diff:--base | site:--base) COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null) HEAD" -- "$cur")); return ;;
        init:--stages | init:--persona) return ;;
        check:--policy | diff:--policy | init:--schema | render:-o | diff:-o | deck:-o)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        case $cmd in
            check) COMPREPLY=($(compgen -W "--policy --format --strict --help" -- "$cur")) ;;
            report) COMPREPLY=($(compgen -W "--format --lang --no-mermaid --help" -- "$cur")) ;;
            render) COMPREPLY=($(compgen -W "--view -T --page --detail --lang --show --watch -o --help" -- "$cur")) ;;
            deck) COMPREPLY=($(compgen -W "--compare -T --lang -o --help" -- "$cur")) ;;
            site) COMPREPLY=($(compgen -W "--base --history --lang -j -o --help" -- "$cur")) ;;
            init) COMPREPLY=($(compgen -W "--stages --persona --schema --help" -- "$cur")) ;;
            diff) COMPREPLY=($(compgen -W "--format --fail-on --accept --lang --policy --base -T -o --help" -- "$cur")) ;;
            survey) COMPREPLY=($(compgen -W "--format --lang --min-responses --score-from --write --help" -- "$cur")) ;;
            export) COMPREPLY=($(compgen -W "--to -o --help" -- "$cur")) ;;
            import) COMPREPLY=($(compgen -W "-o --help" -- "$cur")) ;;
        esac
        return
    fi
    if [ "$cmd" = import ]; then
        COMPREPLY=($(compgen -f -X '!*.mmd' -- "$cur") $(compgen -d -- "$cur"))
        return
    fi
    # Journeys: YAML files and the folders that may hold them; for survey,
    # the answers come first, as CSV.
    if [ "$cmd" = survey ] && [[ $(printf '%s ' "${COMP_WORDS[@]:2:COMP_CWORD-2}") != *.csv\ * ]]; then
        COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _cjm cjm
