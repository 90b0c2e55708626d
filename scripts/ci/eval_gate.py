#!/usr/bin/env python3
"""Compares `vigie eval --json` results with eval/baseline.json.

usage: eval_gate.py BASELINE [--readme README.md] [--update] NAME=RESULT.json...

Prints a table and exits 1 when a corpus' event F1 falls more than
TOLERANCE below its baseline, or the accuracy of a gated field (actor1,
actor2, location, fatalities) more than FIELD_TOLERANCE below it. A
corpus missing from the baseline is reported, not failed. `--update`
rewrites the baseline with the results (raise it when you improve).

With `--readme`, the quality table of the README (between the
`<!-- quality:begin -->` and `<!-- quality:end -->` lines) is generated
from the baseline: checked (exit 1 when stale), or rewritten with
`--update`. Each corpus' `label` in the baseline is its row's name.
"""
import json
import sys

TOLERANCE = 0.02
FIELD_TOLERANCE = 0.05
GATED_FIELDS = ["actor1", "actor2", "location", "fatalities"]
BEGIN = "<!-- quality:begin -->"
END = "<!-- quality:end -->"
FIELDS = ["sub_event_type", "actor1", "actor2", "event_date", "location", "fatalities"]


def fmt(v):
    return "  -  " if v is None else f"{v:.3f}"


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    readme = None
    if "--readme" in args:
        k = args.index("--readme")
        if k + 1 >= len(args):
            print(__doc__)
            return 2
        readme = args[k + 1]
        del args[k : k + 2]
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
        base_fa = baseline.get(name, {}).get("field_accuracy", {})
        for field in GATED_FIELDS:
            b, v = base_fa.get(field), fa.get(field)
            if b is not None and v is not None and v < b - FIELD_TOLERANCE:
                print(f"  FAIL: {name} {field} accuracy {v:.3f} is more than {FIELD_TOLERANCE} below the baseline {b:.3f}")
                failed = True
        label = baseline.get(name, {}).get("label")
        new[name] = {
            "precision": round(r["precision"], 4),
            "recall": round(r["recall"], 4),
            "f1": round(r["f1"], 4),
            "merge_f1": None if r.get("merge_f1") is None else round(r["merge_f1"], 4),
            "field_accuracy": {k: (None if fa.get(k) is None else round(fa[k], 4)) for k in FIELDS},
            "gold_events": r.get("gold_events"),
            "predicted_events": r.get("predicted_events"),
        }
        if label:
            new[name]["label"] = label
    if update:
        with open(baseline_path, "w") as f:
            json.dump(new, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"baseline written to {baseline_path}")
    if readme:
        if not check_readme(readme, new if update else baseline, write=update):
            failed = True
    return 1 if failed else 0


def table(baseline):
    """The README's quality table: one row per labelled corpus."""
    rows = [
        "| corpus | gold events | precision | recall | F1 | actor2 | location | fatalities |",
        "|---|---|---|---|---|---|---|---|",
    ]
    order = ["seeds", "dev", "seeds+dev", "tests/corpus", "tests/heldout", "tests/heldout2", "tests/heldout3", "samples"]
    names = sorted(baseline, key=lambda n: (order.index(n) if n in order else len(order), n))
    for name in names:
        r = baseline[name]
        if not isinstance(r, dict) or not r.get("label"):
            continue
        fa = r.get("field_accuracy", {})
        rows.append(
            f"| {r['label']} | {r.get('gold_events')} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            + " | ".join(fmt(fa.get(k)).strip() for k in ["actor2", "location", "fatalities"])
            + " |"
        )
    return "\n".join(rows)


def check_readme(path, baseline, write):
    with open(path) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        print(f"  FAIL: {path} has no {BEGIN} ... {END} table")
        return False
    head, rest = text.split(BEGIN, 1)
    old, tail = rest.split(END, 1)
    fresh = "\n" + table(baseline) + "\n"
    if old == fresh:
        print(f"{path}: quality table matches the baseline")
        return True
    if write:
        with open(path, "w") as f:
            f.write(head + BEGIN + fresh + END + tail)
        print(f"{path}: quality table rewritten from the baseline")
        return True
    print(f"  FAIL: the quality table of {path} is not the baseline's (run scripts/ci/eval_gate.py with --update --readme)")
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
