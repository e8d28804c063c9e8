"""The bundled CAMEO taxonomy is complete and consistent (and agrees with the reference table when present)."""

from __future__ import annotations

import csv

from coder.codebook.loader import load_codebook


def test_all_316_codes():
    events = load_codebook(None).events
    assert len(events) == 316
    assert sum(len(c) == 2 for c in events) == 20
    assert sum(len(c) == 3 for c in events) == 149
    assert sum(len(c) == 4 for c in events) == 147
    assert all(isinstance(c, str) for c in events)
    assert "010" in events and "0211" in events  # leading zeros kept


def test_quad_classes_follow_roots():
    for code, event in load_codebook(None).events.items():
        root = int(code[:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert event.quad_class == expected, code
        assert event.root == code[:2]


def test_matches_reference_table(shared):
    events = load_codebook(None).events
    with open(shared / "reference" / "cameo_codes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            event = events[row["code"]]
            assert event.quad_class == int(row["quad_class"]), row["code"]
            assert abs(event.goldstein - float(row["goldstein"])) < 1e-9, row["code"]
