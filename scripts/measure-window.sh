#!/usr/bin/env bash
# Measures the window beside a bare bevy_egui window (examples/bare_window.rs), in one
# run under one Xvfb: time from process start to the first rendered frame, peak RSS,
# CPU use while idle for 10 s, and the frame times of the tour (its Play phase is the
# busy Play screen). `bare+idlefix` is the bare window with the app's IdlePlugin
# (src/app/idle.rs), which stops bevy_egui 0.42 from redrawing an idle window on every
# frame. Debug builds (the profile the tests use; deps at opt-level 2).
#
#   scripts/measure-window.sh            # prints a table
#
# Needs Xvfb and GNU time (`apt-get install xvfb time`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
command -v Xvfb >/dev/null || { echo "Xvfb is needed: apt-get install xvfb" >&2; exit 1; }

cargo build -q --bin panmunjom --example bare_window --features bare-window
APP=target/debug/panmunjom
BARE=target/debug/examples/bare_window
HZ=$(getconf CLK_TCK)
IDLE_SECONDS=${IDLE_SECONDS:-10}

TMP=$(mktemp -d)
DISPLAY_NUM=97
while [ -e /tmp/.X11-unix/X$DISPLAY_NUM ] || [ -e /tmp/.X$DISPLAY_NUM-lock ]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
Xvfb :$DISPLAY_NUM -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB=$!
cleanup() { kill "$XVFB" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
export DISPLAY=:$DISPLAY_NUM
unset WAYLAND_DISPLAY
sleep 1
export PANMUNJOM_DATA_DIR="$TMP/data"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME BINARY: start-up, idle CPU, peak RSS of one program.
measure() {
    local name=$1 bin=$2
    local err="$TMP/$name.err" tv="$TMP/$name.time"
    local t0 line pid first inproc a b cpu rss
    t0=$(date +%s%3N)
    PANMUNJOM_TIMING=1 /usr/bin/time -v -o "$tv" "$bin" 2>"$err" &
    local timer=$!
    for _ in $(seq 600); do
        line=$(grep -m1 'first_frame_unix_ms' "$err" || true)
        [ -n "$line" ] && break
        sleep 0.1
    done
    [ -n "$line" ] || { echo "$name: no first frame within 60 s" >&2; cat "$err" >&2; kill "$timer"; return 1; }
    first=$(sed -E 's/.*first_frame_unix_ms=([0-9]+).*/\1/' <<<"$line")
    inproc=$(sed -E 's/.*first_frame_ms=([0-9?]+).*/\1/' <<<"$line")
    pid=$(sed -E 's/.*pid=([0-9]+).*/\1/' <<<"$line")
    sleep 3 # let start-up work finish
    a=$(ticks "$pid")
    sleep "$IDLE_SECONDS"
    b=$(ticks "$pid")
    cpu=$(awk -v d=$((b - a)) -v hz="$HZ" -v s="$IDLE_SECONDS" 'BEGIN { printf "%.2f", 100 * d / hz / s }')
    kill -INT "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$timer" 2>/dev/null || true
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tv")
    printf '%-14s %10s ms %12s ms %10s MiB %9s %%\n' "$name" "$((first - t0))" "$inproc" "$rss" "$cpu"
}

echo "Under Xvfb :$DISPLAY_NUM 1280x800x24, $(nproc) cores, debug build; idle CPU over ${IDLE_SECONDS} s"
printf '%-14s %13s %15s %14s %11s\n' program "first frame" "(in process)" "peak RSS" "idle CPU"
BARE_IDLE_FIX=0 measure bare_window "$BARE"
BARE_IDLE_FIX=1 measure bare+idlefix "$BARE"
measure panmunjom "$APP"

echo
echo "Frame times of the tour (continuous updates; the Play phase takes decisions and saves):"
PANMUNJOM_TIMING=1 /usr/bin/time -v -o "$TMP/tour.time" "$APP" tour --screenshots "$TMP/shots" 2>"$TMP/tour.err" >/dev/null \
    || { echo "the tour failed:" >&2; cat "$TMP/tour.err" >&2; exit 1; }
grep 'PANMUNJOM_TIMING frames' "$TMP/tour.err" | sed 's/^PANMUNJOM_TIMING frames /  /'
awk -F': ' '/Maximum resident set size/ {printf "  tour peak RSS: %.0f MiB\n", $2 / 1024}' "$TMP/tour.time"
