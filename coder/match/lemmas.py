"""Lemma repair for the verbs a codebook knows.

The small English model's rule lemmatizer gets some regular verbs wrong: "hopes" -> "hop", "slated" ->
"slat", "fined" -> "fin", "lambasted" -> "lambast", "staged" -> "stag". Patterns and rules match lemmas,
so such a verb silently matches nothing. Every verb the codebook names gets its regular inflections
(-s/-es/-ies, -d/-ed/-ied, a doubled final consonant, -ing); a verb token whose form is an inflection of
exactly one verb the codebook knows, and not of the model's own lemma, gets that verb as its lemma.
An irregular form the tagger takes for a present ("overran" tagged VBP keeps "overran") gets its lemma from the
model's own exception table when that lemma is a verb the codebook knows.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of a verb (over-generated: a form no one writes is never looked up)."""
    v = lemma.lower()
    if not v.isalpha() or len(v) < 3:
        return set()
    forms = {v + "ing", v + "s"}
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(v + "es")
    if v.endswith("e"):
        forms |= {v + "d", v[:-1] + "ing"}
        if v.endswith("ie"):
            forms.add(v[:-2] + "ying")  # die -> dying
    elif v.endswith("y") and v[-2] not in VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    else:
        cvc = v[-1] not in VOWELS | {"w", "x", "y"} and v[-2] in VOWELS and v[-3] not in VOWELS
        if cvc:
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}  # ban -> banned, regret -> regretted
        if not cvc or _syllables(v) > 1:  # "waged" is no form of "wag", "visited" is one of "visit"
            forms.add(v + "ed")
    return forms


def _syllables(word: str) -> int:
    return sum(1 for i, ch in enumerate(word) if ch in VOWELS and (i == 0 or word[i - 1] not in VOWELS))


class LemmaRepair:
    """Maps the inflected forms of known verbs back to them; applied to a Doc before matching."""

    def __init__(self, known: Iterable[str], irregular: Mapping[str, str] | None = None) -> None:
        verbs = {w.lower() for w in known if w and " " not in w}
        # "overran" -> overrun, "withdrew" -> withdraw: irregular forms of known verbs (the model's table)
        # ("lay", "wound", themselves verbs the codebook knows, stay)
        self.irregular = {form: lemma for form, lemma in (irregular or {}).items()
                          if lemma in verbs and form != lemma and form not in verbs}
        owners: dict[str, set[str]] = {}
        for lemma in verbs:
            for form in inflections(lemma):
                owners.setdefault(form, set()).add(lemma)
        # a form that is itself a known verb ("rapes" listed as its own lemma) or belongs to two ("taped": tap or
        # tape) is left to the model
        self.forms = {form: next(iter(lemmas)) for form, lemmas in owners.items()
                      if len(lemmas) == 1 and form not in verbs}

    def __call__(self, doc: Doc) -> Doc:
        forms = self.forms
        for token in doc:
            if token.tag_.startswith("VB"):
                if token.tag_ in ("VB", "VBP") and token.lemma_.lower() == token.lower_ \
                        and token.lower_ in self.irregular:
                    token.lemma_ = self.irregular[token.lower_]  # the tagger's "present" kept the past form
                    continue
                lemma = forms.get(token.lower_)
                # the model's lemma stands when the form is one of its own inflections ("used": use)
                if lemma is not None and lemma != token.lemma_ and token.lower_ not in inflections(token.lemma_):
                    token.lemma_ = lemma
        return doc


def irregular_verbs(nlp: Language) -> dict[str, str]:
    """Irregular verb forms -> lemma from the pipeline's rule lemmatizer (empty when it has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    verbs = lookups.get_table("lemma_exc").get("verb", {})
    return {form: lemmas[0] for form, lemmas in verbs.items() if lemmas}
