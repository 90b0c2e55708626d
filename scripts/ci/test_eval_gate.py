#!/usr/bin/env python3
"""Tests of eval_gate.py: the F1 and field gates, the README table."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_gate  # noqa: E402


def result(f1=0.8, actor2=0.8, location=0.9):
    return {
        "precision": f1,
        "recall": f1,
        "f1": f1,
        "merge_f1": None,
        "gold_events": 10,
        "predicted_events": 10,
        "field_accuracy": {
            "sub_event_type": 1.0,
            "actor1": 0.9,
            "actor2": actor2,
            "event_date": 1.0,
            "location": location,
            "fatalities": 0.7,
        },
    }


class Gate(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.baseline = os.path.join(self.dir, "baseline.json")
        base = {"c": dict(eval_gate_entry(result()), label="`c` (ten events)")}
        with open(self.baseline, "w") as f:
            json.dump(base, f)
        self.readme = os.path.join(self.dir, "README.md")
        with open(self.readme, "w") as f:
            f.write("# t\n\n<!-- quality:begin -->\nold table\n<!-- quality:end -->\n\nafter\n")

    def run_gate(self, r, *extra):
        path = os.path.join(self.dir, "r.json")
        with open(path, "w") as f:
            json.dump(r, f)
        return eval_gate.main([self.baseline, *extra, f"c={path}"])

    def test_small_f1_drop_passes_and_large_fails(self):
        self.assertEqual(self.run_gate(result(f1=0.79)), 0)
        self.assertEqual(self.run_gate(result(f1=0.75)), 1)

    def test_field_drop_fails_beyond_tolerance(self):
        self.assertEqual(self.run_gate(result(actor2=0.77)), 0)
        self.assertEqual(self.run_gate(result(actor2=0.70)), 1)
        self.assertEqual(self.run_gate(result(location=0.80)), 1)

    def test_readme_table_is_checked_then_written(self):
        self.assertEqual(self.run_gate(result(), "--readme", self.readme), 1)
        self.assertEqual(self.run_gate(result(f1=0.85), "--update", "--readme", self.readme), 0)
        text = open(self.readme).read()
        self.assertIn("| `c` (ten events) | 10 | 0.850 | 0.850 | 0.850 | 0.800 | 0.900 | 0.700 |", text)
        self.assertTrue(text.endswith("<!-- quality:end -->\n\nafter\n"))
        # The label survives the update, and the table now matches.
        self.assertEqual(json.load(open(self.baseline))["c"]["label"], "`c` (ten events)")
        self.assertEqual(self.run_gate(result(f1=0.85), "--readme", self.readme), 0)


def eval_gate_entry(r):
    return {k: r[k] for k in ["precision", "recall", "f1", "merge_f1", "field_accuracy", "gold_events", "predicted_events"]}


if __name__ == "__main__":
    unittest.main()
