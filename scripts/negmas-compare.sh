#!/usr/bin/env bash
# NegMAS anchor: times NegMAS 0.16's Pareto frontier and one 100-step alternating-offers
# negotiation on OUR scenario's outcome space and preferences, times our own analysis
# (the core benchmark, release) in the same run, and prints the ratio.
# Usage: scripts/negmas-compare.sh   (needs python3 with venv, network for pip once)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/negmas-venv
SPACE=target/negmas-space.json
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet 'negmas==0.16.*'
fi
# the outcome space and the armistice parties' preferences on 8 June 1953
cargo run --quiet -- bargain --export-space "$SPACE" --format json > /dev/null
echo "== NegMAS $("$VENV/bin/python" -c 'import negmas; print(negmas.__version__)')"
NEGMAS_MS=$("$VENV/bin/python" scripts/negmas_compare.py "$SPACE" | tee /dev/stderr | awk '/^pareto_ms=/{sub("pareto_ms=","");print}')
echo "== Panmunjom (cargo bench -p panmunjom-core -- bargain_analysis)"
# divan's table: fastest │ slowest │ median │ …; the median, in µs.
OURS_US=$(cargo bench -q -p panmunjom-core --bench core -- bargain_analysis 2>/dev/null | tee /dev/stderr |
    awk -F'│' '/bargain_analysis/{split($3, m, " "); v = m[1]; if (m[2] == "ns") v /= 1000; else if (m[2] == "ms") v *= 1000; else if (m[2] == "s") v *= 1000000; print v}')
python3 -c "print(f'ratio: NegMAS Pareto {float(\"$NEGMAS_MS\"):.2f} ms / our whole analysis {float(\"$OURS_US\"):.1f} µs = {float(\"$NEGMAS_MS\")*1000/float(\"$OURS_US\"):.0f}x')"
