# bash completion for cjm: commands, options, views, formats, then files.
# Installed by `make install` to PREFIX/share/bash-completion/completions/cjm.
_cjm()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "check report render init --help --version" -- "$cur"))
        return
    fi
    case $cmd:$prev in
        check:--format) COMPREPLY=($(compgen -W "text json github sarif junit" -- "$cur")); return ;;
        report:--format) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
        render:--view) COMPREPLY=($(compgen -W "map flow channels" -- "$cur")); return ;;
        render:-T) COMPREPLY=($(compgen -W "svg png pdf dot" -- "$cur")); return ;;
        init:--stages | init:--persona) return ;;
        check:--policy | init:--schema | render:-o)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        case $cmd in
            check) COMPREPLY=($(compgen -W "--policy --format --strict --help" -- "$cur")) ;;
            report) COMPREPLY=($(compgen -W "--format --help" -- "$cur")) ;;
            render) COMPREPLY=($(compgen -W "--view -T -o --help" -- "$cur")) ;;
            init) COMPREPLY=($(compgen -W "--stages --persona --schema --help" -- "$cur")) ;;
        esac
        return
    fi
    # Journeys: YAML files and the folders that may hold them.
    COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _cjm cjm
