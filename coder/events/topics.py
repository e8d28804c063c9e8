"""What an act is about names its sub-code (rules.yaml `topics`).

CAMEO splits many codes by the matter at stake: an accusation (112) of war crimes is 1124, a demonstration (141)
for independence is 1414, a demand for political reform (104) that asks for rights is 1043. Verb patterns name
the sub-code when the matter sits in the slot they test ("accused X of war crimes"); the many other shapes the
matter comes in -- a that-clause ("accusations that its army is guilty of ethnic cleansing"), a participle
("demonstrated calling for independence"), a purpose clause ("staged demonstrations to demand political
reforms") -- leave the generic code. This step reads the words of the act's content and, when one of them is
a topic word of the codebook, gives the sub-code.

The content is the trigger's dependents, and theirs, a few levels down: never the act's own subject, by-agent or
conjoined acts, never a circumstance ("after the attack", "when ..."), and never a word of an actor's name
("Human Rights Watch" is no matter of rights). The nearest topic word wins; on one word, the longest phrase.
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterator

from spacy.tokens import Token

from coder.match.syntax import SUBJECT_DEPS, kids, object_by_phrases, that_marked, to_infinitive
from coder.match.verbs import word_forms

# dependents that never say what the act is about (a modifier is read as part of its head's phrase, "human rights
# abuse", never as a matter of its own: "an investigation into rights abuses" is no demand for rights)
NOT_CONTENT = {"punct", "cc", "det", "aux", "auxpass", "neg", "mark", "case", "predet", "expl", "dep", "appos",
               "relcl", "parataxis", "npadvmod", "nummod", "quantmod", "compound", "amod"}
# ... nor, on the trigger itself, its own actors, its other acts and its circumstances
NOT_OWN = set(SUBJECT_DEPS) | {"agent", "conj", "advmod", "poss"}
CIRCUMSTANCES = {"after", "before", "during", "following", "amid", "amidst", "since", "despite", "until", "ahead",
                 "by", "in", "near", "outside", "inside", "across", "throughout", "under", "within"}
TIMES = {"day", "night", "morning", "evening", "afternoon", "weekend", "occasion", "sideline", "eve", "anniversary",
         "summit", "meeting", "conference", "time", "moment", "end", "start", "beginning", "outset"}
# the preposition that opens a protest's matter: "in protest against/at/over X"
PROTEST_OPENERS = {"protest", "defiance", "support", "solidarity", "opposition"}
DEPTH = 4


def topic_code(token: Token, governor: Token | None, code: str, topics: dict[str, list[tuple[str, frozenset[str]]]],
               is_actor_word: Callable[[Token], bool]) -> tuple[str, str]:
    """The sub-code of `code` that the content of the act at `token` names and the topic word that named it, or
    (`code`, ""). `governor` is the verb whose object a noun trigger is ("staged demonstrations to demand
    reforms": the purpose hangs on it)."""
    choices = topics.get(code)
    if not choices:
        return code, ""
    best: tuple[int, int, str, str] | None = None  # (depth, -phrase length, sub-code, word)
    for depth, tok in _content(token, governor):
        if best is not None and depth > best[0]:
            break
        if is_actor_word(tok):
            continue
        forms = sorted(word_forms(tok), key=len, reverse=True)
        for sub, words in choices:
            hit = next((w for w in forms if w in words), None)
            if hit is not None and (best is None or (depth, -len(hit)) < best[:2]):
                best = (depth, -len(hit), sub, hit)
    return (best[2], best[3]) if best is not None else (code, "")


def _content(token: Token, governor: Token | None) -> Iterator[tuple[int, Token]]:
    """(depth, token) over the act's content, breadth first."""
    start = [c for c in kids(token) if _own_content(c)]
    if governor is not None:  # the light verb's purpose, manner or protest: "staged a sit-in to demand ...",
        # "began a hunger strike in protest against ..."
        start += [c for c in kids(governor) if c.i != token.i and (
            (c.dep_ in ("advcl", "xcomp") and _purpose(c)) or (c.dep_ == "prep" and _opens_protest(c)))]
        if token.dep_ == "dobj":
            # what the parser hangs on the verb after its object belongs to the object: "denied charges by the
            # Chamber of Commerce that its rules constitute theft", "rejected accusations by the US of genocide"
            start += [c for c in kids(governor) if c.i > token.i and c.dep_ == "ccomp" and that_marked(c)]
            start += [p for o in object_by_phrases(token, governor) for p in kids(o)
                      if p.dep_ == "prep" and p.lower_ == "of"]
    seen = {token.i}
    queue = deque((1, c) for c in start)
    while queue:
        depth, tok = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        yield depth, tok
        if depth < DEPTH:
            queue.extend((depth + 1, c) for c in kids(tok) if c.dep_ not in NOT_CONTENT)


def _own_content(dep: Token) -> bool:
    if dep.dep_ in NOT_CONTENT or dep.dep_ in NOT_OWN:
        return False
    if dep.dep_ == "prep" and dep.lower_ in ("on", "at"):
        # "went on strike for better wages" holds the matter; "on Sunday", "at the summit in Paris" do not
        return any(o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.like_num and o.lemma_.lower() not in TIMES
                   for o in kids(dep))
    if dep.dep_ == "prep" and dep.lower_ in CIRCUMSTANCES:
        # "in protest against the ban" opens the matter; "in Kirkuk", "after the attack" do not
        return _opens_protest(dep)
    if dep.dep_ == "advcl":
        return _purpose(dep)
    return True


def _opens_protest(prep: Token) -> bool:
    return prep.lower_ == "in" and any(c.lemma_.lower() in PROTEST_OPENERS for c in kids(prep))


def _purpose(clause: Token) -> bool:
    """A purpose or manner clause ("to demand ...", "calling for ..."), or a predicate the parser hangs on the verb as
    a clause ("held Pakistan responsible for the attack"); not a circumstance ("as ...", "after ...")."""
    return to_infinitive(clause) or (clause.tag_ in ("VBG", "JJ") and not any(c.dep_ == "mark" for c in kids(clause)))
