#!/usr/bin/env python3
"""Compares `vigie eval --json` results with eval/baseline.json.

usage: eval_gate.py BASELINE NAME=RESULT.json...

Prints a table and exits 1 when a corpus' event F1 falls more than
TOLERANCE below its baseline. A corpus missing from the baseline is
reported, not failed. `--update` rewrites the baseline with the results
(raise it when you improve).
"""
import json
import sys

TOLERANCE = 0.02
FIELDS = ["sub_event_type", "actor1", "actor2", "event_date", "location", "fatalities"]


def fmt(v):
    return "  -  " if v is None else f"{v:.3f}"


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    if len(args) < 2:
        print(__doc__)
        return 2
    baseline_path, results = args[0], args[1:]
    try:
        with open(baseline_path) as f:
            baseline = json.load(f)
    except FileNotFoundError:
        baseline = {}
    failed = False
    new = dict(baseline)
    print(f"{'corpus':<14} {'P':>6} {'R':>6} {'F1':>6} {'base':>6}  " + " ".join(f"{x[:8]:>8}" for x in FIELDS) + "   merge")
    for item in results:
        name, path = item.split("=", 1)
        with open(path) as f:
            r = json.load(f)
        base = baseline.get(name, {}).get("f1")
        fa = r.get("field_accuracy", {})
        print(
            f"{name:<14} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {fmt(base):>6}  "
            + " ".join(f"{fmt(fa.get(x)):>8}" for x in FIELDS)
            + f"   {fmt(r.get('merge_f1'))}"
        )
        if base is not None and r["f1"] < base - TOLERANCE:
            print(f"  FAIL: {name} F1 {r['f1']:.3f} is more than {TOLERANCE} below the baseline {base:.3f}")
            failed = True
        new[name] = {
            "precision": round(r["precision"], 4),
            "recall": round(r["recall"], 4),
            "f1": round(r["f1"], 4),
            "merge_f1": None if r.get("merge_f1") is None else round(r["merge_f1"], 4),
            "field_accuracy": {k: (None if fa.get(k) is None else round(fa[k], 4)) for k in FIELDS},
            "gold_events": r.get("gold_events"),
            "predicted_events": r.get("predicted_events"),
        }
    if update:
        with open(baseline_path, "w") as f:
            json.dump(new, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"baseline written to {baseline_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
