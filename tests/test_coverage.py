"""`coder codebook coverage`: verbs between two known actors that no pattern codes."""

from __future__ import annotations

import json

from coder.corpus import Story
from coder.coverage import uncoded_verbs
from tests.test_cli import run


def test_uncoded_verbs_are_listed_most_frequent_first(coder_api):
    stories = [Story("a", "", "China flummoxed Japan. Russia flummoxed Ukraine.", "a"),
               Story("b", "", "India bamboozled Pakistan. Russian troops attacked Ukraine.", "b")]
    rows = uncoded_verbs(coder_api.nlp, stories)
    keys = [r.key for r in rows]
    assert keys[0] == "flummox" and rows[0].count == 2
    assert "bamboozle" in keys
    assert "attack" not in keys  # coded by a pattern
    assert rows[0].example == "China flummoxed Japan." and rows[0].actors == "CHN -> JPN"


def test_coverage_command(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "China flummoxed Japan."}) + "\n")
    result = run("codebook", "coverage", str(corpus))
    assert result.returncode == 0, result.stderr
    assert "flummox" in result.stdout and "CHN -> JPN" in result.stdout
