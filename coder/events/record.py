"""The `Event` record: one coded event with its provenance.

Events live on `doc._.events` as plain dicts inside `doc.user_data` (so a Doc still serialises for
`nlp.pipe(n_process=...)`), and are handed to users as this dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when — and which words and pattern said so."""

    story_id: str
    sentence_no: int  # 1-based within the story
    date: str  # ISO YYYY-MM-DD, "" when the story has no date
    source: str
    source_country: str
    source_role: str
    target: str
    target_country: str
    target_role: str
    code: str
    root_code: str
    quad_class: int
    goldstein: float
    source_text: str
    source_start: int
    source_end: int
    target_text: str
    target_start: int
    target_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern_id: str
    modality: str  # "" | intent | threat | refusal | demand | claim | consider
    speaker: str  # code of the reporting actor in "X said Y attacked Z", else ""
    sentence: str
    event_index: int = 0  # order of the event within its sentence

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        return cls(**{k: v for k, v in data.items() if k in _FIELDS})

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.code)


_FIELDS = tuple(f.name for f in fields(Event))
