"""Lemma repair: regular inflections of the codebook's verbs (a unit of coder/match/lemmas.py)."""

from __future__ import annotations

import spacy

from coder.match.lemmas import LemmaRepair, inflections


def test_inflections_cover_regular_forms():
    assert {"hopes", "hoped", "hoping"} <= inflections("hope")
    assert {"bans", "banned", "banning"} <= inflections("ban")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"lambastes", "lambasted", "lambasting"} <= inflections("lambaste")


def test_only_unknown_lemmas_of_one_known_verb_are_repaired():
    repair = LemmaRepair(["hope", "tap", "tape", "use"])
    assert repair.forms["hopes"] == "hope"
    assert "taped" not in repair.forms  # tap or tape: left to the model
    doc = spacy.blank("en")("He hopes they used it")
    for token, tag, lemma in zip(doc, ["PRP", "VBZ", "PRP", "VBD", "PRP"], ["he", "hop", "they", "use", "it"]):
        token.tag_, token.lemma_ = tag, lemma
    repair(doc)
    assert [t.lemma_ for t in doc] == ["he", "hope", "they", "use", "it"]
