"""Event rows: the flat, documented table every output format shares.

Codes are strings everywhere (leading zeros kept); unknown actor parts are empty strings, never
"None". `event_id` is `<story_id>-<sentence_no>-<event_index>`, so it is unique and stable across
runs and process counts.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from coder.events.record import Event

# (name, pandas dtype, meaning) — the README's column table is generated from this list.
COLUMNS: list[tuple[str, str, str]] = [
    ("event_id", "string", "unique, stable id: story_id-sentence_no-event_index"),
    ("story_id", "string", "the input story's id"),
    ("sentence_no", "int64", "sentence number within the story, from 1"),
    ("date", "string", "story date, ISO YYYY-MM-DD; empty when the story has none"),
    ("source", "string", "source actor code, e.g. CHNGOV (--- = country unknown)"),
    ("source_country", "string", "country or organisation part of the source, e.g. CHN, IGOUNO; PSE for Hamas"),
    ("source_role", "string", "role part of the source, e.g. GOV, MIL, REBHMS; empty for none"),
    ("target", "string", "target actor code"),
    ("target_country", "string", "country or organisation part of the target"),
    ("target_role", "string", "role part of the target"),
    ("code", "string", "CAMEO event code, a string with leading zeros (e.g. 042)"),
    ("root_code", "string", "the two-digit CAMEO root (e.g. 04)"),
    ("quad_class", "int64", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    ("goldstein", "float64", "Goldstein conflict-cooperation weight, -10 to +10"),
    ("source_text", "string", "the words that named the source"),
    ("target_text", "string", "the words that named the target"),
    ("trigger", "string", "the verb or noun that triggered the event"),
    ("pattern_id", "string", "id of the codebook pattern that fired"),
    ("modality", "string", "intent, threat, refusal, demand or consider when a modal verb changed the code; else empty"),
    ("speaker", "string", "actor who reported the event (X said Y attacked Z); else empty"),
    ("source_start", "int64", "character offset of source_text in the story"),
    ("source_end", "int64", "end offset of source_text"),
    ("target_start", "int64", "character offset of target_text in the story"),
    ("target_end", "int64", "end offset of target_text"),
    ("trigger_start", "int64", "character offset of the trigger in the story"),
    ("trigger_end", "int64", "end offset of the trigger"),
    ("sentence", "string", "the sentence text"),
]
COLUMN_NAMES = [name for name, _, _ in COLUMNS]
DTYPES = {name: dtype for name, dtype, _ in COLUMNS}
STRING_COLUMNS = [name for name, dtype, _ in COLUMNS if dtype == "string"]


def event_row(event: Event) -> dict:
    """One event as a row dict in column order."""
    data = event.to_dict()
    data["event_id"] = f"{event.story_id}-{event.sentence_no}-{event.event_index}"
    return {name: ("" if data.get(name) is None else data.get(name)) for name in COLUMN_NAMES}


def rows(events: Iterable[Event]) -> list[dict]:
    return [event_row(e) for e in events]


def one_a_day(row_dicts: list[dict]) -> list[dict]:
    """Drop repeated (story, date, source, target, code) rows, keeping the first (Phoenix's rule)."""
    seen: set[tuple] = set()
    kept = []
    for row in row_dicts:
        key = (row["story_id"], row["date"], row["source"], row["target"], row["code"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def frame(row_dicts: list[dict]) -> pd.DataFrame:
    """Rows as a DataFrame with the documented dtypes (codes stay strings)."""
    df = pd.DataFrame(row_dicts, columns=COLUMN_NAMES)
    return df.astype(DTYPES)
