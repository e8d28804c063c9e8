"""`coder explain`: how one text was coded, for a person checking a coding.

Lists per sentence the actors found (text -> code, and the dictionary entry, role word and date
range that gave it), the dictionary mentions no event pattern looked at, every trigger considered with
the pattern that fired or why nothing did, and the final events.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language


def explain_text(nlp: Language, text: str, date: str | None = None) -> dict[str, Any]:
    component = nlp.get_pipe("event_coder")
    doc = nlp.make_doc(text)
    doc._.story_date = date
    doc = nlp(doc)
    trace = component.trace(doc)
    events = doc._.events
    taxonomy = component.codebook.events
    sentences = []
    for n, sent in enumerate(doc.sents, start=1):
        seen = set()
        actors = []
        for sent_no, actor in trace.actors:
            key = (actor.start, actor.code)
            if sent_no == n and key not in seen:
                seen.add(key)
                actors.append({"text": actor.text, "code": actor.code, "why": actor.why})
        sentences.append({
            "n": n,
            "text": sent.text.strip(),
            "actors": actors,
            "unused_mentions": [{"text": text, "why": why} for no, text, why in trace.unused if no == n],
            "considered": [{"trigger": c.trigger, "pattern_id": c.pattern_id, "outcome": c.outcome}
                           for c in trace.considered if c.sentence_no == n],
            "events": [{**e.to_dict(), "name": taxonomy[e.code].name} for e in events if e.sentence_no == n],
        })
    return {"date": date or "", "sentences": sentences, "issues": doc._.issues or {}}
