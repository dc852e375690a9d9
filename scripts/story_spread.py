#!/usr/bin/env python3
"""The explorer's spread per role, and which decisions change the outcome when varied alone.

Issue 13, "choices matter": rerun before/after a scenario change.
Usage: scripts/story_spread.py [--scenario FILE] [--runs N] [--policy historical|adaptive]
                               [--vary-runs N] [--bin target/debug/panmunjom]
"""
import argparse, json, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--scenario", default="scenarios/korea-1952-1953.ron")
ap.add_argument("--runs", type=int, default=3000)
ap.add_argument("--vary-runs", type=int, default=60)
ap.add_argument("--policy", default="historical")
ap.add_argument("--bin", default="target/debug/panmunjom")
ap.add_argument("--no-vary", action="store_true")
a = ap.parse_args()
text = open(a.scenario).read()


def explore(*args):
    out = subprocess.run([a.bin, "explore", "--scenario", a.scenario, "--policy", a.policy,
                          "--format", "json", *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


roles = re.findall(r'\(\s*id: "([a-z_]+)",\s*name: "[^"]*",(?:\s*aliases: \[[^\]]*\],)?\s*playable: true', text)
print(f"== spread per role: {a.runs} games with random choices, other sides {a.policy} ({a.scenario})")
for role in roles:
    r = explore("--role", role, "--runs", str(a.runs))
    months = [m for m in r["months"] if m["count"]]
    ends = ", ".join(f"{e[0]} {e[1]}" for e in r["endings"])
    print(f"{role:5} armistice {r['armistice']}/{r['runs']}; {len(r['terms'])} term sets; "
          f"{len(months)} months ({' '.join(m['month'] + ':' + str(m['count']) for m in months)}); endings: {ends}")
if a.no_vary:
    sys.exit(0)
print(f"== each decision varied alone (others historical; other sides {a.policy}; {a.vary_runs} games)")
total = matter = on_path = on_path_matter = 0
for did, role in re.findall(r'Decision\(\s*id: "([^"]+)",\s*role: "([^"]+)"', text):
    r = explore("--role", role, "--vary", did, "--runs", str(a.vary_runs))
    d = r.get("dates") or {}
    changes = len(r["endings"]) > 1 or len(r["terms"]) > 1 or d.get("min") != d.get("max")
    total += 1
    matter += changes
    # A decision that never arises in these games (with the others historical: off the historical path).
    arises = any(o["games"] for o in r["by_option"])
    on_path += arises
    on_path_matter += changes and arises
    opts = "; ".join(f"{o['option']} {o['armistice']}/{o['games']} {o.get('earliest') or '-'}" for o in r["by_option"])
    print(f"{'MATTERS ' if changes else 'no-change'} {did:46} {opts}")
print(f"== {matter} of {total} decisions change the armistice date, terms or ending when varied alone"
      f" ({on_path_matter} of the {on_path} that arise in these games)")
