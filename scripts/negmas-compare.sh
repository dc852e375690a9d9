#!/usr/bin/env bash
# NegMAS anchor: on OUR scenario's outcome space and preferences (8 June 1953), times
# NegMAS 0.16's Pareto frontier and one 100-step alternating-offers negotiation (SAO,
# aspiration negotiators), and in the same run our own figures (release benchmarks):
# the whole bargaining analysis, and one whole game at the table (the UN side's
# conceder strategy against the adaptive agents, every meeting of the war's last year).
# Prints both side by side with their ratios.
# Usage: scripts/negmas-compare.sh   (needs python3 with venv, network for pip once)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/negmas-venv
SPACE=target/negmas-space.json
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet 'negmas==0.16.*'
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# the outcome space and the armistice parties' preferences on 8 June 1953
cargo run --quiet -- bargain --export-space "$SPACE" --format json > /dev/null
echo "== NegMAS $("$VENV/bin/python" -c 'import negmas; print(negmas.__version__)')"
NEGMAS=$("$VENV/bin/python" scripts/negmas_compare.py "$SPACE")
echo "$NEGMAS"
PARETO_MS=$(awk -F= '/^pareto_ms=/{print $2}' <<<"$NEGMAS")
SAO_MS=$(awk '/^sao_100_steps_ms=/{sub("sao_100_steps_ms=",""); print $1}' <<<"$NEGMAS")
echo "== Panmunjom (cargo bench -p panmunjom-core -- 'bargain_analysis|full_game_table_adaptive')"
BENCH=$(cargo bench -q -p panmunjom-core --bench core -- 'bargain_analysis|full_game_table_adaptive' 2>/dev/null)
echo "$BENCH"
# divan's table: name fastest │ slowest │ median │ …; a figure in µs.
us() { awk -v v="$1" -v u="$2" 'BEGIN{ if (u=="ns") v/=1000; else if (u=="ms") v*=1000; else if (u=="s") v*=1000000; print v }'; }
field() { # case, column (1 fastest, 3 median)
    awk -F'│' -v c="$1" -v k="$2" '$0 ~ c { n = split($k, m, " "); print m[n-1], m[n] }' <<<"$BENCH"
}
ANALYSIS_US=$(us $(field bargain_analysis 3))
GAME_US=$(us $(field full_game_table_adaptive 3))
GAME_FAST_US=$(us $(field full_game_table_adaptive 1))
python3 - "$PARETO_MS" "$SAO_MS" "$ANALYSIS_US" "$GAME_US" "$GAME_FAST_US" <<'PY'
import sys
pareto, sao, analysis, game, fast = map(float, sys.argv[1:])
print(f"NegMAS Pareto frontier {pareto:.2f} ms / our whole analysis {analysis:.1f} µs (median) = {pareto * 1000 / analysis:.0f}x")
print(f"NegMAS one 100-step SAO negotiation {sao:.2f} ms / our whole game at the table {game:.1f} µs median ({fast:.1f} µs fastest) = {sao * 1000 / game:.0f}x")
PY
