"""Verb and noun patterns compiled into an index keyed by trigger lemma.

Thousands of patterns never run per sentence: each token looks up its lemma (and surface form) in a
dict and only that lemma's few patterns are checked against its dependency shape. The most specific
pattern that fits wins (more constraints first, then file order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from coder.codebook.schema import VerbPattern
from coder.match.syntax import (complements, direct_object, first_conjunct, is_passive, kids, naming_predicates,
                                nested_preposition_objects, nominal_gerund, preposition_objects, shared_object)

VERB_POS = {"VERB", "AUX"}
ANY = "any"  # `complement: any`: some open or clausal complement, whatever its verb
NOUN_POS = {"NOUN", "PROPN"}
AUXILIARY_DEPS = ("aux", "auxpass")
NAMING_VERBS = {"call", "name", "label", "brand", "dub", "term"}  # with an object predicate they only name


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
    rank: tuple[int, int] = (0, 0)  # sort key: most specific first, then file order
    needs: frozenset[str] = frozenset()  # words the sentence must contain: the required prepositions
    needs_any: frozenset[str] = frozenset()  # ... and one of the particles, if any are required

    @staticmethod
    def make(pattern: VerbPattern, prefix: tuple[str, ...] = (), particle: str = "") -> "_Entry":
        bonus = 2 if particle or prefix else 0
        particles = frozenset(({particle} if particle else set()) | set(pattern.particle))
        return _Entry(pattern, prefix, particle, (-(pattern.specificity + bonus), pattern.order),
                      frozenset(pattern.prep), particles)

    def possible_in(self, words: frozenset[str] | set[str]) -> bool:
        """False when a required preposition or particle is not among the sentence's words."""
        return self.needs <= words and (not self.needs_any or not self.needs_any.isdisjoint(words))


MONTH_WORDS = {"in", "on", "since", "until", "till", "by", "from", "through", "before", "after", "during", "early",
               "late", "mid", "last", "next", "this", "of"}


def _month(token: Token) -> bool:
    """'March' the month (the NER that would say so is not loaded): capitalised inside a sentence, next to a
    day number or after a time word ("on March 27", "27 March", "in early March"), never "the Great March"."""
    if token.text != "March" or token.i == token.sent.start:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1]
    return (after is not None and after.like_num) or before.like_num or before.lower_ in MONTH_WORDS


class VerbIndex:
    """Patterns of a codebook grouped by (trigger kind, lemma), most specific first."""

    def __init__(self, patterns: list[VerbPattern]) -> None:
        self.verbs: dict[str, list[_Entry]] = defaultdict(list)
        self.nouns: dict[str, list[_Entry]] = defaultdict(list)
        for pattern in patterns:
            table = self.verbs if pattern.trigger_kind == "verb" else self.nouns
            for text in pattern.lemmas:
                words = text.replace("_", " ").split()
                if pattern.trigger_kind == "verb":
                    table[words[0]].append(_Entry.make(pattern, particle=" ".join(words[1:])))
                else:
                    table[words[-1]].append(_Entry.make(pattern, prefix=tuple(words[:-1])))
        for table in (self.verbs, self.nouns):
            for entries in table.values():
                entries.sort(key=_rank)
        # per lemma: patterns that need a particular object word, indexed by that word, so a token only
        # checks the object-constrained patterns its own object could satisfy
        self.by_object: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self.free: dict[tuple[str, str], list[_Entry]] = {}
        self.object_keys: set[tuple[str, str]] = set()  # (kind, lemma) with object-constrained patterns
        for kind, table in (("verb", self.verbs), ("noun", self.nouns)):
            for lemma_key, entries in table.items():
                self.free[(kind, lemma_key)] = [e for e in entries if e.pattern.object is None]
                for e in entries:
                    for word in e.pattern.object or ():
                        self.by_object[(kind, lemma_key, word)].append(e)
                        self.object_keys.add((kind, lemma_key))
        self.lemmas = set(self.verbs) | set(self.nouns)
        self._hashes: numpy.ndarray | None = None

    def candidate_indexes(self, doc: Doc) -> set[int]:
        """Token indexes whose lemma or lower-case form has patterns: one vectorised pass per Doc."""
        if self._hashes is None:
            self._hashes = numpy.array(sorted(doc.vocab.strings.add(w) for w in self.lemmas), dtype=numpy.uint64)
        if len(doc) == 0:
            return set()
        # numpy membership on the 64-bit hashes: no Python int per token
        keys = doc.to_array([LEMMA, LOWER])
        found = self._hashes[numpy.minimum(numpy.searchsorted(self._hashes, keys), len(self._hashes) - 1)]
        hits = (found == keys).any(axis=1)
        return set(numpy.flatnonzero(hits).tolist())

    def trigger_kind(self, token: Token) -> str:
        """'verb' or 'noun' when the token's lemma (or form) has patterns of that kind, else ''."""
        if token.dep_ in AUXILIARY_DEPS:  # "has met", "was attacked": the auxiliary is never the event
            return ""
        if nominal_gerund(token) and token.lower_ in self.nouns:
            return "noun"  # "killed in Israeli tank shelling": the -ing word names the event
        if token.pos_ in VERB_POS or token.tag_.startswith("VB") or (token.pos_ == "ADJ" and token.dep_ == "acomp"):
            kind, table = "verb", self.verbs  # a predicate adjective acts like a verb: "Japan is concerned about"
        elif token.pos_ in NOUN_POS:
            if _month(token):
                return ""  # "on March 27": a month, not a protest march
            kind, table = "noun", self.nouns
        else:
            return ""
        return kind if token.lemma_.lower() in table or token.lower_ in table else ""

    def has_patterns(self, token: Token) -> bool:
        return bool(self.trigger_kind(token))

    def match(self, token: Token) -> Trigger | None:
        """The most specific pattern whose constraints the token's dependency shape meets."""
        return next(self.matches(token), None)

    def matches(self, token: Token, words: frozenset[str] | set[str] | None = None) -> Iterator[Trigger]:
        """Every fitting pattern, most specific first (the coder falls back to the next one when a
        pattern finds no actors where it looks: "met with X in Y" is not "X and Y met in Z").

        `words`, the lower-case words of the token's sentence, lets a pattern whose preposition or
        particle is not in the sentence at all be passed over without looking at the tree."""
        kind = self.trigger_kind(token)
        if not kind:
            return
        lemma, lower = token.lemma_.lower(), token.lower_
        shape = _Shape(token)
        entries: list[_Entry] = []
        for key in (lemma,) if lemma == lower else (lemma, lower):
            entries += self.free.get((kind, key), ())
            if (kind, key) in self.object_keys:  # the object's words are only looked at when they can matter
                for word in shape.obj_words:
                    entries += self.by_object.get((kind, key, word), ())
        entries.sort(key=_rank)
        seen: set[str] = set()
        for entry in entries:  # most specific first
            if entry.pattern.id in seen:
                continue
            if words is not None and not entry.possible_in(words):
                continue
            trigger = _fits(token, entry, shape)
            if trigger is not None:
                seen.add(entry.pattern.id)
                yield trigger


def _rank(entry: _Entry) -> tuple[int, int]:
    return entry.rank


class _Shape:
    """A trigger token's dependency facts, computed at most once and shared by its candidate patterns."""

    def __init__(self, token: Token) -> None:
        self.token = token
        self._preps: dict[str, list[set[str]]] = {}

    @cached_property
    def obj(self) -> Token | None:
        return direct_object(self.token)

    @cached_property
    def obj_words(self) -> set[str]:
        obj = self.obj if self.obj is not None else shared_object(self.token)  # "seized and searched a tanker"
        return word_forms(obj) | _measured_words(obj)

    @cached_property
    def subject_words(self) -> set[str]:
        """Words of the grammatical subject's head, also one the verb shares with the verbs it depends on ("American
        troops have begun leaving": the troops leave)."""
        node = self.token
        for _ in range(4):
            subj = next((c for c in kids(node) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return word_forms(subj) | _measured_words(subj)
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                break
            if node.dep_ == "xcomp":
                # "urged US troops to leave", "called on US troops to leave": the controller's object does it
                ctrl = node.head
                doer = next((c for c in kids(ctrl) if c.dep_ == "dobj"), None) or next(
                    (o for c in kids(ctrl) if c.dep_ == "prep" and c.lower_ == "on" and ctrl.lemma_.lower() == "call"
                     for o in kids(c) if o.dep_ == "pobj"), None)
                if doer is not None:
                    return word_forms(doer) | _measured_words(doer)
            node = node.head
        return set()

    @cached_property
    def passive(self) -> bool:
        return is_passive(self.token)

    @cached_property
    def particles(self) -> dict[str, Token]:
        found = {c.lower_: c for c in kids(self.token) if c.dep_ in ("prt", "prep", "advmod")}
        for clause in kids(self.token):  # "called for Russia to withdraw": "for" parsed as the clause's conjunction
            if clause.dep_ == "advcl":
                found.update({m.lower_: m for m in kids(clause) if m.dep_ == "mark" and m.lower_ == "for"})
        return found

    @cached_property
    def complements(self) -> list[str]:
        # (and an adjective predicate of the object: "held Iran RESPONSIBLE for the attack", also when parsed as
        # an adverbial clause after the object; and what a naming verb calls its object, or that name's modifiers:
        # "called Netanyahu a TERRORIST", "called the ambassador a very STUPID guy", "a TERRORIST leader")
        has_object = self.obj is not None
        return [w for c in complements(self.token) for w in word_forms(c)] + [
            c.lemma_.lower() for c in kids(self.token) if c.pos_ == "ADJ" and (
                c.dep_ == "oprd" or (c.dep_ == "advcl" and has_object and c.i > self.token.i))] + (
            [c.lemma_.lower() for c in self.naming] +
            [m.lemma_.lower() for c in self.naming for m in kids(c) if m.dep_ in ("amod", "compound")])

    @cached_property
    def naming(self) -> list[Token]:
        """What a naming verb calls its object (computed once, not once per candidate pattern)."""
        return naming_predicates(self.token) if self.token.lemma_.lower() in NAMING_VERBS else []

    def prep_objects(self, prep: str) -> list[set[str]]:
        if prep not in self._preps:
            holders = [self.token]
            noun = first_conjunct(self.token)
            if self.token.pos_ in NOUN_POS and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                holders.append(noun.head)  # "launched air and artillery strikes on X" (the verb holds "on X")
            if self.obj is not None:  # "lift sanctions on Iran", "lift sanctions imposed on Iran"
                holders += [self.obj] + [c for c in kids(self.obj) if c.dep_ == "acl"]
            objects = [o for h in holders for o in preposition_objects(h, prep)]
            if not objects and self.obj is not None:  # "signed an agreement on trade with China"
                objects = nested_preposition_objects(self.obj, prep)
            if not objects and prep == "by" and self.token.pos_ in NOUN_POS:  # "the arrest of a journalist BY the police"
                objects = nested_preposition_objects(self.token, prep)
            self._preps[prep] = [word_forms(o) | _measured_words(o) | _deed_words(o) for o in objects]
        return self._preps[prep]


# nouns of quantity, partitives and bodies of people or vehicles: "tons of food aid", "expelled some of the
# U.N. peacekeepers", "sent a team of paratroopers" -- what is measured is the object too
QUANTITIES = {"ton", "tonne", "million", "billion", "thousand", "hundred", "dozen", "lot", "number", "amount",
              "shipment", "consignment", "batch", "package", "load", "truckload", "planeload", "cargo", "supply",
              "quantity", "kind", "type", "round", "wave", "series", "set", "unit", "contingent", "worth",
              "kg", "kilogram", "kilo", "pound", "litre", "liter", "gallon", "barrel", "bag", "box", "crate", "sack",
              "container", "vial", "pallet", "carton", "parcel", "shipload", "truck", "plane", "planeload",
              "some", "all", "many", "most", "several", "part", "rest", "remainder", "half", "majority", "percent",
              "%", "proportion", "share", "portion", "third", "quarter", "fraction", "bulk",
              "team", "group", "squad", "platoon", "detachment", "convoy", "column", "fleet", "flotilla",
              "squadron", "handful", "pair", "couple",
              "day", "week", "night", "month", "act"}  # "staged a ninth day of strikes", "after a week of talks"
# nouns of handing over or prolonging: "asked for the delivery of aid", "agreed to an extension of the
# mandate" -- what is delivered or prolonged (the of-phrase only) is the object too
DELIVERIES = {"delivery", "provision", "transfer", "sale", "flow", "dispatch", "extension", "continuation",
              "resumption", "renewal", "expansion", "increase"}


def measured_nouns(obj: Token | None) -> list[Token]:
    """'tons of food aid', 'millions of dollars in aid', 'the delivery of aid': the measured or delivered
    noun, which counts as the object too."""
    if obj is None:
        return []
    lemma = obj.lemma_.lower()
    preps = ("of", "in") if lemma in QUANTITIES else ("of",) if lemma in DELIVERIES else ()
    return [p for c in kids(obj) if c.dep_ == "prep" and c.lower_ in preps for p in kids(c) if p.dep_ == "pobj"]


# gerunds that only say a deed was done: "accused X of committing war crimes / carrying out extrajudicial killings /
# planning acts of genocide" is about the deed, the gerund's object
DEEDS = {"commit", "carry", "perpetrate", "plan", "conduct", "orchestrate", "stage", "mastermind", "engage",
         "wage", "launch", "sponsor", "support", "fund", "finance"}


def _deed_words(token: Token) -> set[str]:
    """The words of a light gerund's deed ("committing war crimes" -> war crime), also through its "in"
    ("engaging in espionage")."""
    if token.tag_ != "VBG" or token.lemma_.lower() not in DEEDS:
        return set()
    deed = direct_object(token)
    if deed is None:
        deed = next(iter(preposition_objects(token, "in")), None)
    return word_forms(deed) | _measured_words(deed) if deed is not None else set()


def _measured_words(obj: Token | None) -> set[str]:
    return {w for p in measured_nouns(obj) for w in word_forms(p)}


def word_forms(token: Token | None) -> set[str]:
    """The head's lemma and form, the head with its modifier ("hunger strike", "humanitarian aid",
    "air defense system") and a verb with its particle ("step down" apart from "step up"), so that multi-word
    entries of a word set can match."""
    if token is None:
        return set()
    lemma = token.lemma_.lower()
    words = {lemma, token.lower_}
    words.update(f"{lemma} {c.lower_}" for c in kids(token) if c.dep_ == "prt")
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i >= token.i - 2]
    for m in mods:
        words.add(f"{m.lower_} {lemma}")
        if m.i == token.i - 2 and token.doc[token.i - 1].dep_ in ("compound", "amod"):
            words.add(f"{m.lower_} {token.doc[token.i - 1].lower_} {lemma}")
    return words


def _attached(shape: _Shape, word: str) -> bool:
    """A particle, or a preposition that is not only a time phrase ("called on Tuesday" is still a call)."""
    tok = shape.particles[word]
    if tok.dep_ != "prep":
        return True
    if not any(c.dep_ in ("pobj", "pcomp") for c in kids(tok)):
        return True  # dangling: the parser gave its object to the verb ("called on NAME to resign")
    return bool(preposition_objects(shape.token, word))


def _fits(token: Token, entry: _Entry, shape: _Shape) -> Trigger | None:
    p = entry.pattern
    first = -1
    if entry.prefix:
        words = [w.lower() for w in entry.prefix]
        start = token.i - len(words)
        if start < 0 or [t.lower_ for t in token.doc[start:token.i]] != words:
            return None
        first = start
    particle_tok = None
    if entry.particle or p.particle:
        wanted = ({entry.particle} if entry.particle else set()) | set(p.particle)
        hits = [shape.particles[w] for w in wanted if w in shape.particles and _attached(shape, w)]
        if not hits:
            return None
        particle_tok = hits[0]
    if p.voice != "any" and (p.voice == "passive") != shape.passive:
        return None
    if p.not_prep and any(_attached(shape, w) for w in p.not_prep if w in shape.particles):
        return None
    if p.trigger_kind == "verb":
        if shape.naming and not (
                p.complement and ANY not in p.complement and any(w in p.complement for w in shape.complements)):
            return None  # "called the sanctions illegal": a naming, not a call -- unless the pattern names the
            # predicate ("called Netanyahu a terrorist": an insult); "was shot dead" is a shooting
        if p.object_none and shape.obj is not None:
            return None
        if p.object is not None and not (shape.obj_words & p.object):
            return None
        if p.not_object and shape.obj_words & p.not_object:
            return None
    elif p.object is not None:
        return None
    for prep, objects in p.prep.items():
        pobjs = shape.prep_objects(prep)
        if not pobjs and prep != "for" and "for" in p.prep:
            # a preposition the pattern names inside its for-phrase: "claimed responsibility on Saturday FOR
            # attacks ON Israeli troops" (not "blamed Ukraine for the attack on Moscow" for "blame X on Y")
            pobjs = [word_forms(o) for held in preposition_objects(token, "for") for o in preposition_objects(held, prep)]
        if not pobjs:
            return None
        if objects is not None and not any(words & objects for words in pobjs):
            return None
    if p.complement and not (shape.complements if ANY in p.complement
                             else any(w in p.complement for w in shape.complements)):
        return None
    if p.subject and not (shape.subject_words & p.subject):
        return None
    return Trigger(token, p, particle_tok, first)
