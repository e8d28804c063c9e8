"""The user's own example: an IANS report (2022-06-08) on Wang Yi meeting Mukhtar Tleuberdi.

Read from ../shared at run time (never copied into the repository); skipped when absent.
"""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def seed_events(shared, coder_api):
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("no seed article")
    raw = files[0].read_text(encoding="utf-8").strip()
    m = re.match(r"date (\d{4}-\d{2}-\d{2})\s+(.*)", raw, re.S)
    date, text = (m.group(1), m.group(2)) if m else (None, raw)
    return coder_api.code_text(text, date=date, id="seed")


def pairs(events, root):
    return {(e.source, e.target) for e in events if e.root_code == root}


def test_meeting_between_the_ministers(seed_events):
    assert {("CHNGOV", "KAZGOV"), ("KAZGOV", "CHNGOV")} <= pairs(seed_events, "04")


def test_intentions_to_cooperate_between_the_countries(seed_events):
    intents = pairs(seed_events, "03")
    assert ("CHN", "KAZ") in intents and ("KAZ", "CHN") in intents


def test_thanks_and_praise(seed_events):
    praise = pairs(seed_events, "05")
    assert any(s.startswith("KAZ") and t.startswith("CHN") for s, t in praise)


def test_two_sides_resolve_to_both_countries(seed_events):
    two_sides = [e for e in seed_events if e.source_text.lower() in ("the two sides", "both sides", "both the nations")]
    assert two_sides
    assert {e.source for e in two_sides} == {"CHN", "KAZ"}
    assert all({e.source, e.target} == {"CHN", "KAZ"} for e in two_sides)


def test_only_the_two_parties_and_no_conflict(seed_events):
    entities = {e.source_country for e in seed_events} | {e.target_country for e in seed_events}
    assert entities <= {"CHN", "KAZ", ""}
    assert all(e.quad_class in (1, 2) for e in seed_events)
