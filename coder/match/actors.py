"""Actor matching: dictionary names, adjectives, capitals and role words compiled into PhraseMatchers.

The codebook's thousands of names compile once into two `PhraseMatcher`s (exact case for acronyms such
as `US` or `UN`, so the pronoun "us" is not the United States; lower case for everything else).
Per document, `find_mentions` runs them and keeps the longest non-overlapping spans. Deciding which
mentions make up one actor (composition along the dependency tree) is the events stage's job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ASCII
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from coder.codebook.schema import ALWAYS, Actor, ActorName, Codebook, DateRange
from coder.match.syntax import hyphen_prefix

ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*$")


def demonym_plural(adjective: str) -> str | None:
    """'Palestinian' -> 'Palestinians', 'Iraqi' -> 'Iraqis', 'South Korean' -> 'South Koreans'; None for
    'Chinese', 'British', 'Swiss' (irregular people nouns are listed under an actor's `people:`)."""
    if not adjective.replace(" ", "").isalpha() or not adjective.lower().endswith(("an", "i")):
        return None
    return adjective + "s"


QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """Lower case without accents or typographic apostrophes, so 'Erdoğan' in text matches 'Erdogan' in a
    dictionary and 'Cote d’Ivoire' matches "Cote d'Ivoire" (and back)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower().translate(QUOTES))
                   if not unicodedata.combining(ch))


def fold_norms(doc: Doc) -> Doc:
    """Give non-ASCII tokens a folded NORM (ASCII tokens keep spaCy's own norm on both sides)."""
    if len(doc) == 0:
        return doc
    # one vectorised pass over the lexeme flag; only tokens holding non-ASCII characters are visited
    for i in numpy.flatnonzero(doc.to_array(IS_ASCII) == 0).tolist():
        token = doc[i]
        token.norm_ = fold(token.text)
    return doc


@dataclass(frozen=True)
class Mention:
    """A span of the document that names an actor, a role, or 'both parties'."""

    start: int  # token offsets in the Doc
    end: int
    kind: str  # "actor" | "agent" | "both"
    actor: int = -1  # index into ActorIndex.actors
    form: str = ""  # name | alias | adjective | capital (for kind == actor)
    role: str = ""  # for kind == agent
    name: ActorName | None = None
    why: str = ""  # dictionary entry, for explain


class ActorIndex:
    """Compiled actor, agent and discourse phrases of one codebook."""

    def __init__(self, nlp: Language, book: Codebook) -> None:
        self.actors: list[Actor] = book.actors
        self.roles = book.roles
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="NORM")  # NORM: lower case, accents folded (see fold)
        self.keys: dict[int, tuple[str, int, str, ActorName | None, str]] = {}
        self.agent_words: dict[str, str] = {}
        self.dated: dict[int, DateRange] = {}  # match key -> validity, for names that are not always valid
        self._compile(nlp, book)

    def _key(self, label: str, value: tuple[str, int, str, ActorName | None, str]) -> str:
        key_hash = self.exact.vocab.strings.add(label)
        self.keys[key_hash] = value
        name = value[3]
        if name is not None and name.valid != ALWAYS:
            self.dated[key_hash] = name.valid
        return label

    def _add(self, nlp: Language, label: str, texts: list[str]) -> None:
        exact = [t for t in texts if ACRONYM.match(t) and len(t.replace(".", "")) <= 5]
        other = [t for t in texts if t not in exact]
        if exact:
            self.exact.add(label, [nlp.make_doc(t) for t in exact])
        if other:
            self.lower.add(label, [fold_norms(nlp.make_doc(t)) for t in other])

    def _compile(self, nlp: Language, book: Codebook) -> None:
        for i, actor in enumerate(book.actors):
            for j, name in enumerate(actor.names):
                label = self._key(f"ACTOR|{i}|{j}", ("actor", i, name.form, name, actor.source))
                self._add(nlp, label, [name.text])
                people = demonym_plural(name.text) if name.form == "adjective" else None
                if people:  # "the Palestinians", "Afghans": the people of a country stand for it
                    plural = ActorName(people, "people", name.valid)
                    label = self._key(f"PEOPLE|{i}|{j}", ("actor", i, "people", plural, actor.source))
                    self._add(nlp, label, [people])
        by_role: dict[str, list[str]] = {}
        for agent in book.agents:
            forms = [agent.phrase] + ([agent.plural] if agent.plural else [])
            by_role.setdefault(agent.role, []).extend(forms)
            for form in forms:
                self.agent_words[form.lower()] = agent.role
        for role, forms in by_role.items():
            label = self._key(f"AGENT|{role}", ("agent", -1, role, None, "agents"))
            self._add(nlp, label, forms)
        if book.rules.both_parties:
            label = self._key("BOTH", ("both", -1, "", None, "rules.discourse.both_parties"))
            self._add(nlp, label, book.rules.both_parties)

    def find_mentions(self, doc: Doc | Span, day: dt.date | None) -> list[Mention]:
        """Longest non-overlapping mentions valid on `day`, in document order.

        Like spaCy's `filter_spans` (longest first, then earliest), but on (start, end, key) tuples:
        no Span objects are built for the thousands of candidate matches of a long story.
        """
        fold_norms(doc if isinstance(doc, Doc) else doc.doc)
        found = self.exact(doc) + self.lower(doc)
        if day is not None:  # only dated names (officials in office) need a look at the story date
            dated = self.dated
            found = [m for m in found if m[0] not in dated or dated[m[0]].contains(day)]
        keys = self.keys  # a name beats a role word of the same span ("Lok Sabha": INDLEG, not ---LEG)
        found.sort(key=lambda m: (m[1] - m[2], m[1], keys[m[0]][0] == "agent"))
        taken: set[int] = set()
        kept: list[tuple[int, int, int]] = []
        for key, start, end in found:
            if not taken.isdisjoint(range(start, end)):
                continue
            taken.update(range(start, end))
            kept.append((start, end, key))
        mentions: list[Mention] = []
        for start, end, key in sorted(kept):
            if hyphen_prefix(doc[start]) == "non":
                continue  # "non-Muslims", "non-Iraqi fighters": everyone but them
            kind, idx, form, name, why = self.keys[key]
            if kind == "actor" and _names_water(doc, start, end):
                continue  # "the Gulf of Aden", "the South China Sea": a sea is no country
            if kind == "agent":
                mentions.append(Mention(start, end, "agent", role=form, why=f"role word ({form})"))
            elif kind == "both":
                mentions.append(Mention(start, end, "both", why=why))
            else:
                mentions.append(Mention(start, end, "actor", idx, form, name=name, why=why))
        return mentions


WATERS = {"sea", "gulf", "bay", "ocean", "channel"}  # not "the Taiwan Strait": crossing it is a show of force at Taiwan


def _names_water(doc: Doc | Span, start: int, end: int) -> bool:
    """A place name inside the name of a sea: "Gulf of Aden", "Sea of Japan", "South China Sea"."""
    before = doc[start - 2:start] if start >= 2 else None
    if before is not None and before[1].lower_ == "of" and before[0].lower_ in WATERS and before[0].text[0].isupper():
        return True
    return end < len(doc) and doc[end].lower_ in WATERS and doc[end].text[0].isupper()
