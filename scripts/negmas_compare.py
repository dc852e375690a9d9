"""Times NegMAS on Panmunjom's outcome space (the JSON of `panmunjom bargain --export-space`).

Prints the median of several runs of: the Pareto frontier of the parties' linear-additive
utilities over every deal, and one 100-step alternating-offers negotiation (SAO) between
aspiration negotiators. Run by scripts/negmas-compare.sh.
"""
import json
import statistics
import sys
import time

from negmas import AspirationNegotiator, SAOMechanism, make_issue, make_os
from negmas.preferences import LinearAdditiveUtilityFunction, pareto_frontier


def main(path):
    space = json.load(open(path))
    issues = [make_issue(values=i["positions"], name=i["id"]) for i in space["issues"]]
    os_ = make_os(issues)
    outcomes = list(os_.enumerate())
    ufuns = []
    for p in space["parties"]:
        values = [
            {pos: float(u) for pos, u in zip(issue["positions"], table)}
            for issue, table in zip(space["issues"], p["utility"])
        ]
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=values,
                weights=[1.0] * len(values),
                outcome_space=os_,
                reserved_value=float(p["reservation"]),
                name=p["id"],
            )
        )
    print(f"deals={len(outcomes)} parties={len(ufuns)}")

    def pareto():
        return pareto_frontier(ufuns, outcomes=outcomes)

    times = []
    for _ in range(7):
        t = time.perf_counter()
        front = pareto()
        times.append((time.perf_counter() - t) * 1000)
    print(f"pareto frontier: {len(front[0])} utility points")
    print(f"pareto_ms={statistics.median(times):.3f}")

    times = []
    for _ in range(5):
        m = SAOMechanism(outcome_space=os_, n_steps=100)
        for u in ufuns:
            m.add(AspirationNegotiator(name=u.name), ufun=u)
        t = time.perf_counter()
        m.run()
        times.append((time.perf_counter() - t) * 1000)
    steps = m.state.step
    print(f"sao_100_steps_ms={statistics.median(times):.3f} (agreement: {m.agreement}, after {steps} steps)")


if __name__ == "__main__":
    main(sys.argv[1])
