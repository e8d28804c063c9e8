"""`coder codebook coverage`: verbs that link two known actors but that no pattern codes.

The tool for growing a verb dictionary (PETRARCH's `null_verbs` mode, made useful): over a corpus,
every verb whose subject and object (or prepositional object) both resolve to dictionary actors, and
that fired no pattern, is counted by lemma (with the preposition when there is one), most frequent
first, each with one example sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from spacy.language import Language

from coder.corpus import Story, split_long
from coder.events.roles import effective_subject, passive_agent
from coder.match.phrases import PhraseResolver, StoryMemory
from coder.match.syntax import direct_object, is_passive, preposition_objects


@dataclass
class Uncoded:
    key: str  # "lemma" or "lemma prep"
    count: int
    example: str
    actors: str  # "SOURCE -> TARGET" of the example


def uncoded_verbs(nlp: Language, stories: Iterable[Story], limit: int = 100) -> list[Uncoded]:
    component = nlp.get_pipe("event_coder")
    coder = component.story_coder
    counts: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    texts = ((piece, story) for story in stories for piece in split_long(story.text, nlp.max_length - 10))
    for doc, story in nlp.pipe(texts, as_tuples=True):
        day = None
        fired = {e.trigger_start for e in doc._.events}
        mentions = coder.actors.find_mentions(doc, day)
        resolver = PhraseResolver(coder.actors, doc, mentions, day, StoryMemory(), coder.book.rules, "")
        for token in doc:
            if token.pos_ != "VERB" or token.idx in fired:
                continue
            subj = passive_agent(token) if is_passive(token) else effective_subject(token)
            sources = resolver.resolve(subj)
            if not sources:
                continue
            candidates = [("", direct_object(token))]
            candidates += [(c.lower_, p) for c in token.children if c.dep_ == "prep"
                           for p in preposition_objects(token, c.lower_)]
            for prep, obj in candidates:
                targets = [t for t in resolver.resolve(obj, loose=False) if t.code != sources[0].code]
                if not targets:
                    continue
                key = f"{token.lemma_.lower()} {prep}".strip()
                counts[key] += 1
                if key not in examples:
                    sent = token.sent.text.strip()
                    examples[key] = (sent, f"{sources[0].code} -> {targets[0].code}")
                break
    return [Uncoded(k, n, *examples[k]) for k, n in counts.most_common(limit)]
