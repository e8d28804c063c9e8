"""Verb and noun patterns compiled into an index keyed by trigger lemma.

Thousands of patterns never run per sentence: each token looks up its lemma (and surface form) in a
dict and only that lemma's few patterns are checked against its dependency shape. The most specific
pattern that fits wins (more constraints first, then file order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from coder.codebook.schema import VerbPattern
from coder.match.syntax import complements, direct_object, is_passive, lemma, particles, preposition_objects

VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Trigger:
    """A token a pattern fired on; `words` are the tokens of a multi-word trigger."""

    token: Token
    pattern: VerbPattern
    particle: Token | None = None
    first: int = -1  # first token index of a multi-word noun trigger

    @property
    def span(self) -> tuple[int, int]:
        start = min(self.token.i, self.first if self.first >= 0 else self.token.i)
        end = self.token.i + 1
        if self.particle is not None:
            end = max(end, self.particle.i + 1)
        return start, end


@dataclass(frozen=True)
class _Entry:
    pattern: VerbPattern
    prefix: tuple[str, ...] = ()  # words before a multi-word noun head ("air" strike)
    particle: str = ""  # second word of a multi-word verb ("carry out")


class VerbIndex:
    """Patterns of a codebook grouped by (trigger kind, lemma)."""

    def __init__(self, patterns: list[VerbPattern]) -> None:
        self.verbs: dict[str, list[_Entry]] = defaultdict(list)
        self.nouns: dict[str, list[_Entry]] = defaultdict(list)
        for pattern in patterns:
            table = self.verbs if pattern.trigger_kind == "verb" else self.nouns
            for text in pattern.lemmas:
                words = text.replace("_", " ").split()
                if pattern.trigger_kind == "verb":
                    table[words[0]].append(_Entry(pattern, particle=" ".join(words[1:])))
                else:
                    table[words[-1]].append(_Entry(pattern, prefix=tuple(words[:-1])))
        self.lemmas = set(self.verbs) | set(self.nouns)

    def candidates(self, token: Token) -> list[_Entry]:
        if token.pos_ in VERB_POS or token.tag_.startswith("VB"):
            table = self.verbs
        elif token.pos_ in NOUN_POS:
            table = self.nouns
        else:
            return []
        key = lemma(token)
        found = table.get(key, [])
        if token.lower_ != key:
            found = found + table.get(token.lower_, [])
        return found

    def match(self, token: Token) -> Trigger | None:
        """The most specific pattern whose constraints the token's dependency shape meets."""
        best: tuple[tuple[int, int], Trigger] | None = None
        for entry in self.candidates(token):
            trigger = _fits(token, entry)
            if trigger is None:
                continue
            pattern = entry.pattern
            rank = (-(pattern.specificity + (2 if entry.particle or entry.prefix else 0)), pattern.order)
            if best is None or rank < best[0]:
                best = (rank, trigger)
        return best[1] if best else None


def _lemma_in(token: Token | None, allowed: frozenset[str]) -> bool:
    return token is not None and (lemma(token) in allowed or token.lower_ in allowed)


def _fits(token: Token, entry: _Entry) -> Trigger | None:
    p = entry.pattern
    first = -1
    if entry.prefix:
        words = [w.lower() for w in entry.prefix]
        start = token.i - len(words)
        if start < 0 or [t.lower_ for t in token.doc[start:token.i]] != words:
            return None
        first = start
    particle_tok = None
    wanted = ({entry.particle} if entry.particle else set()) | set(p.particle)
    if wanted:
        found = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in wanted]
        if not found:
            return None
        particle_tok = found[0]
    if p.voice != "any" and (p.voice == "passive") != is_passive(token):
        return None
    obj = direct_object(token) if p.trigger_kind == "verb" else None
    if p.object_none and obj is not None:
        return None
    if p.object is not None and not _lemma_in(obj, p.object):
        return None
    if p.not_object and obj is not None and _lemma_in(obj, p.not_object):
        return None
    for prep, objects in p.prep.items():
        holders = [token] + ([obj] if obj is not None else [])
        pobjs = [o for h in holders for o in preposition_objects(h, prep)]
        if not pobjs:
            return None
        if objects is not None and not any(_lemma_in(o, objects) for o in pobjs):
            return None
    if p.complement and not any(_lemma_in(c, p.complement) for c in complements(token)):
        return None
    return Trigger(token, p, particle_tok, first)
