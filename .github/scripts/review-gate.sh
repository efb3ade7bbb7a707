#!/usr/bin/env bash
# The maintainer-review gate: does this pull request change anything other than annotations and
# articles?
#
#   review-gate.sh BASE_SHA HEAD_SHA
#
# An allow-list. A contributor's pull request may add or edit regular files (mode 100644) at
#   briefings/NAME.yml  briefings/actors/NAME.yml  briefings/stories/NAME.yml
#   briefings/outlets/NAME.yml  seeds/NAME.txt
# where NAME is letters, digits, '.', '_' and '-', starting with a letter or a digit. Anything else
# (build code, configuration, tests, docs/, package manifests, compiled files, new folders, file
# names with spaces, newlines or leading dashes, deletions, symbolic links, submodules, executable
# files) needs a maintainer: each such file is listed with the reason, and the script exits 1.
# Exit status: 0 nothing to review, 1 a maintainer must review (or the changes could not be listed).
#
# The workflow runs the copy of this script from the base branch, so a pull request cannot relax
# the gate that judges it. It reads only git's output; file names are never evaluated.
set -euo pipefail

readonly NAME='[A-Za-z0-9][A-Za-z0-9._-]*'
readonly ALLOWED="^(briefings/((actors|stories|outlets)/)?${NAME}\\.yml|seeds/${NAME}\\.txt)\$"
readonly REGULAR_FILE=100644

fail() {
    echo "::error title=Maintainer review required::$1; a maintainer must review this pull request."
    exit 1
}

# The reason a change needs a maintainer, or nothing when it is an annotation or article edit.
# Arguments: status letter, new mode, path (as git prints them with --raw -z).
reason() {
    local status=$1 mode=$2 path=$3
    if ! [[ $path =~ $ALLOWED ]]; then
        echo "not an annotation or article"
    elif [[ $status == D ]]; then
        echo "deleted"
    elif [[ $mode == 120000 ]]; then
        echo "symbolic link"
    elif [[ $mode == 160000 ]]; then
        echo "submodule"
    elif [[ $mode != "$REGULAR_FILE" ]]; then
        echo "file mode $mode (annotations and articles are plain files, $REGULAR_FILE)"
    elif [[ $status != [AM] ]]; then
        echo "changed in an unusual way (git status $status)"
    fi
}

main() {
    [[ $# -eq 2 && $1 =~ ^[0-9a-f]{40}([0-9a-f]{24})?$ && $2 =~ ^[0-9a-f]{40}([0-9a-f]{24})?$ ]] ||
        fail "The review gate needs the base and head commits of the pull request"
    local base=$1 head=$2
    LISTING="$(mktemp)"
    trap 'rm -f -- "$LISTING"' EXIT
    # the changes since the pull request left the base branch, as "Files changed" shows them:
    # --no-renames lists both sides of a move, -z keeps odd names intact, --raw gives the modes
    if ! git diff --raw -z --no-renames --no-abbrev --no-ext-diff --ignore-submodules=none \
        "$base...$head" -- >"$LISTING"; then
        fail "Could not list the files this pull request changes"
    fi
    local -a paths=() reasons=()
    local meta path status mode why
    # each change is ":old-mode new-mode old-sha new-sha status" NUL path NUL
    while IFS= read -r -d '' meta && IFS= read -r -d '' path; do
        read -r _ mode _ _ status <<<"$meta"
        why="$(reason "$status" "$mode" "$path")"
        if [[ -n $why ]]; then
            paths+=("$path")
            reasons+=("$why")
        fi
    done <"$LISTING"
    if [[ ${#paths[@]} -eq 0 ]]; then
        echo "This pull request changes only annotations under briefings/ and articles under seeds/."
        exit 0
    fi
    report "${#paths[@]}"
    exit 1
}

# Print the flagged files (the arrays `paths` and `reasons` of main) to the log and the job summary.
report() {
    local count=$1 i token
    # file names come from the pull request: print them with workflow commands switched off, and
    # quoted (%q) so that a newline or an escape sequence cannot forge a line
    token="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    echo "::stop-commands::$token"
    echo "Files that need a maintainer's review:"
    for i in "${!paths[@]}"; do
        printf '  %q  (%s)\n' "${paths[i]}" "${reasons[i]}"
    done
    echo "::$token::"
    if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
        {
            echo "### Maintainer review required"
            echo
            echo "A contributor's pull request may only add or edit annotations (briefings/) and articles (seeds/)."
            echo "These changes need a maintainer:"
            echo
            echo '```'
            for i in "${!paths[@]}"; do
                printf '%q  (%s)\n' "${paths[i]}" "${reasons[i]}"
            done
            echo '```'
        } >>"$GITHUB_STEP_SUMMARY"
    fi
    echo "::error title=Maintainer review required::This pull request changes $count file(s) other than annotations under briefings/ and articles under seeds/ (build code, configuration, tests, docs/, package manifests, deletions, links or unusual file names). Building and testing the site can run such files, and once merged they are published or run by the publishing workflow. A maintainer must review and approve them before merging; until then this check fails on purpose. The files are listed in the log and the job summary."
}

main "$@"
