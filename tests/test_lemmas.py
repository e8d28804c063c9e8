"""Lemma repair: regular inflections of the codebook's verbs (a unit of coder/match/lemmas.py)."""

from __future__ import annotations

import spacy

from coder.match.lemmas import LemmaRepair, inflections


def test_inflections_cover_regular_forms():
    assert {"hopes", "hoped", "hoping"} <= inflections("hope")
    assert {"bans", "banned", "banning"} <= inflections("ban") and "baned" not in inflections("ban")
    assert {"visited", "targeted"} <= inflections("visit") | inflections("target")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"lambastes", "lambasted", "lambasting"} <= inflections("lambaste")


def test_a_form_of_one_known_verb_not_of_the_models_lemma_is_repaired():
    repair = LemmaRepair(["hope", "wage", "wag", "use", "die", "dye"])
    assert repair.forms["hopes"] == "hope" and repair.forms["waged"] == "wage"  # "wag" makes "wagged"
    assert "dying" not in repair.forms  # die or dye: left to the model
    doc = spacy.blank("en")("He hopes they used it")
    for token, tag, lemma in zip(doc, ["PRP", "VBZ", "PRP", "VBD", "PRP"], ["he", "hop", "they", "use", "it"]):
        token.tag_, token.lemma_ = tag, lemma
    repair(doc)
    assert [t.lemma_ for t in doc] == ["he", "hope", "they", "use", "it"]


def test_an_irregular_past_tagged_as_a_present_gets_the_lemma_of_the_models_table():
    # "Boko Haram jihadists overran a military base": tagged VBP, the model keeps "overran"
    repair = LemmaRepair(["overrun", "lay", "lie"], {"overran": "overrun", "lay": "lie", "went": "go"})
    assert repair.irregular == {"overran": "overrun"}  # "lay" is a known verb itself; "go" is not known
    doc = spacy.blank("en")("jihadists overran a base and lay mines")
    for token, tag in zip(doc, ["NNS", "VBP", "DT", "NN", "CC", "VBP", "NNS"]):
        token.tag_, token.lemma_ = tag, token.lower_
    repair(doc)
    assert [t.lemma_ for t in doc][1::4] == ["overrun", "lay"]


def test_the_pipeline_repairs_an_irregular_past(code):
    assert code("Boko Haram jihadists overran a military base in northeast Nigeria after a ferocious firefight.") \
        == {"NGAREB NGAMIL 190"}
