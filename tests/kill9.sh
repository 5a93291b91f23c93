#!/usr/bin/env bash
# The kill -9 campaign: the release binary runs in tmux while notes and plan rows are
# typed into it, and is killed with SIGKILL at a random instant; after every kill the
# session and its backup must parse whole (checked by convene itself), and no
# temporary file may outlive the next opening.
#
# Not run by `cargo test` (it takes a few minutes). Run it from the repository:
#
#     tests/kill9.sh [KILLS]        # default 100 kills; needs tmux and python3
#
# It prints one line per kill and the figures at the end, and exits non-zero if any
# file was found broken. Everything happens in a fresh folder under /tmp.
set -u

KILLS=${1:-100}
cd "$(dirname "$0")/.."
cargo build --release -q || exit 1
BIN=$PWD/target/release/convene
WORK=$(mktemp -d /tmp/convene-kill9.XXXXXX)
DIR=$WORK/sessions
TMUX_SESSION=convene-kill9-$$
FILE=$DIR/campaign.json

cleanup() { tmux kill-session -t "$TMUX_SESSION" 2>/dev/null; }
trap cleanup EXIT

# Waits (up to 10 s) until the pane shows $1.
wait_for() {
    for _ in $(seq 200); do
        tmux capture-pane -p -t "$TMUX_SESSION" 2>/dev/null | grep -q -- "$1" && return 0
        sleep 0.05
    done
    echo "never saw '$1'" >&2
    tmux capture-pane -p -t "$TMUX_SESSION" >&2
    return 1
}

start() {
    tmux new-session -d -s "$TMUX_SESSION" -x 120 -y 35 "exec $BIN --dir $DIR $*"
    wait_for "STEP" || exit 1
}

keys() { tmux send-keys -t "$TMUX_SESSION" "$@" 2>/dev/null; }
text() { tmux send-keys -t "$TMUX_SESSION" -l "$1" 2>/dev/null; }

# Counts of notes and plan rows in a session file (python's json, independent of convene).
counts() {
    python3 -c 'import json,sys
s=json.load(open(sys.argv[1]))
notes=sum(len(p["notes"]) for b in s["boards"].values() for p in b["panes"])
print(notes, sum(len(t["rows"]) for t in s["tables"].values()))' "$1"
}

# Types notes on the board of step 3 or rows into the table of step 4, without end.
typing() {
    local n=$1
    while true; do
        keys Escape Escape
        if (( RANDOM % 2 )); then
            keys 3 a
            for i in $(seq 1 $(( RANDOM % 6 + 1 ))); do
                text "note $n.$i about the permit office and the data"
                keys Enter
            done
        else
            keys 4 o
            text "Publish dataset $n"; keys Enter
            text "Ana Lopez"; keys Enter
            keys Enter
            text "2027-0$(( RANDOM % 9 + 1 ))-15"; keys Enter
            text "Two people for a week"; keys Enter
        fi
        keys Escape
        sleep 0.0$(( RANDOM % 10 ))
    done
}

mkdir -p "$DIR"
# Set-up, quit cleanly: two initiatives, so the board has panes and the table rows.
start new --title Campaign
keys i a; text Alpha; keys Enter; text Beta; keys Enter Escape Escape q y
for _ in $(seq 200); do tmux has-session -t "$TMUX_SESSION" 2>/dev/null || break; sleep 0.05; done
[ -f "$FILE" ] || { echo "no session file after set-up" >&2; exit 1; }

broken=0; empty_backups=0; stale_seen=0; stale_left=0
for kill in $(seq 1 "$KILLS"); do
    start open campaign
    # What a previous kill left behind must be gone once the session is open again.
    stale_left=$(( stale_left + $(find "$DIR" -maxdepth 1 -name '.campaign.json.*' | wc -l) ))
    pid=$(tmux display -p -t "$TMUX_SESSION" '#{pane_pid}')
    typing "$kill" &
    typist=$!
    sleep "$(( RANDOM % 2 )).$(printf '%03d' $(( RANDOM % 1000 )))"
    kill -9 "$pid"
    kill "$typist"; wait "$typist" 2>/dev/null
    cleanup
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done

    verdict=ok
    for f in "$FILE" "$FILE.bak"; do
        [ -e "$f" ] || continue
        if [ ! -s "$f" ]; then empty_backups=$(( empty_backups + 1 )); verdict="EMPTY $f"; fi
        if ! "$BIN" --dir "$DIR" export "$f" --format json -o /dev/null 2>"$WORK/err"; then
            broken=$(( broken + 1 )); verdict="BROKEN $f: $(cat "$WORK/err")"
            cp "$f" "$WORK/broken-$kill-$(basename "$f")"
        fi
    done
    stale=$(find "$DIR" -maxdepth 1 -name '.campaign.json.*' | wc -l)
    stale_seen=$(( stale_seen + stale ))
    echo "kill $kill: $(counts "$FILE" | awk '{print $1 " notes, " $2 " rows"}'), backup $(stat -c %s "$FILE.bak" 2>/dev/null || echo none) bytes, $stale stale temporaries: $verdict"
done

echo
echo "$KILLS kills: $broken broken files, $empty_backups empty files, $stale_seen temporary files left by kills, $stale_left still there after reopening"
echo "final session: $(counts "$FILE" | awk '{print $1 " notes, " $2 " rows"}'), $(stat -c %s "$FILE") bytes; work folder $WORK"
[ "$broken" -eq 0 ] && [ "$empty_backups" -eq 0 ] && [ "$stale_left" -eq 0 ]
