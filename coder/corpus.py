"""Reading a corpus of stories and coding it, losing nothing.

Inputs: JSON Lines, CSV/TSV with a header, Parquet, a directory of `.txt` stories, or `-` (stdin
JSONL); `.gz` files are read transparently. A record that cannot be used (bad JSON, no text,
undecodable bytes, a date that does not parse) becomes a :class:`BadRecord` with its file and line,
and the rest of the corpus is still coded. Stories longer than spaCy's `max_length` are coded in
pieces at paragraph or sentence boundaries, never dropped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from spacy.language import Language

from coder.component import parse_date
from coder.events.record import Event

DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class Story:
    id: str
    date: str  # ISO or ""
    text: str
    origin: str  # file:line, for error messages


@dataclass(frozen=True)
class BadRecord:
    file: str
    line: int
    story_id: str
    reason: str

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "story_id": self.story_id, "reason": self.reason}


class InputError(Exception):
    """An input that cannot be read at all (missing file, unknown format): reported before any work."""


@dataclass(frozen=True)
class Fields:
    id: str = "id"
    date: str = "date"
    text: str = "text"


def input_kind(path: str) -> str:
    if path == "-":
        return "jsonl"
    p = Path(path)
    if p.is_dir():
        return "txtdir"
    name = p.name.lower().removesuffix(".gz")
    for ext, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"), (".csv", "csv"),
                      (".tsv", "tsv"), (".tab", "tsv"), (".parquet", "parquet"), (".pq", "parquet"),
                      (".txt", "txt")):
        if name.endswith(ext):
            return kind
    raise InputError(f"{path}: cannot tell the input format (use .jsonl, .csv, .tsv, .parquet, .txt or a directory)")


def check_inputs(paths: Iterable[str], fields: Fields | None = None) -> None:
    """Fail early, with one clear message, on inputs that do not exist, have no known format or
    (tables, when `fields` is given) lack the text column — not after hours of coding."""
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise InputError(f"{path}: no such file or directory")
        kind = input_kind(path)
        if fields is None or path == "-" or kind not in ("csv", "tsv", "parquet"):
            continue
        if kind == "parquet":
            import pyarrow.parquet as pq

            columns = pq.read_schema(path).names
        else:
            with _open_text(path) as raw:
                header = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
                columns = next(csv.reader(header, delimiter="," if kind == "csv" else "\t"), [])
        if fields.text not in columns:
            raise InputError(f"{path}: no column {fields.text!r} (columns: {', '.join(columns)}); use --text-field")


def count_records(paths: Iterable[str]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (for the progress bar's ETA):
    plain JSONL lines, Parquet rows, .txt files; None for stdin, gzip and CSV/TSV (quoted newlines)."""
    total = 0
    for path in paths:
        kind = "stdin" if path == "-" or path.endswith(".gz") else input_kind(path)
        if kind == "jsonl":
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif kind == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(path).metadata.num_rows
        elif kind == "txt":
            total += 1
        elif kind == "txtdir":
            total += sum(1 for _ in Path(path).rglob("*.txt"))
        else:
            return None
    return total


def _open_text(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _make_story(file: str, line: int, raw_id, raw_date, text, default_date: str | None) -> Story | BadRecord:
    sid = "" if raw_id is None else str(raw_id)
    if not sid:
        sid = f"{Path(file).name}:{line}"
    if not isinstance(text, str) or not text.strip():
        return BadRecord(file, line, sid, "missing or empty text")
    date_value = raw_date if raw_date not in (None, "") else default_date
    try:
        day = parse_date(date_value)
    except (ValueError, TypeError):
        return BadRecord(file, line, sid, f"date {raw_date!r} does not parse (want YYYY-MM-DD)")
    return Story(sid, day.isoformat() if day else "", text, f"{file}:{line}")


def jsonl_record(path: str, line_no: int, raw: bytes, fields: Fields, default_date: str | None
                 ) -> Story | BadRecord | None:
    """One line of a JSON Lines input as a story, a bad record, or None for a blank line.

    Shared by the whole-file reader and the Dask engine's byte-range reader, so both judge lines alike.
    """
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return BadRecord(path, line_no, "", f"undecodable bytes (not UTF-8): {err.reason}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return BadRecord(path, line_no, "", f"bad JSON: {err.msg}")
    if not isinstance(record, dict):
        return BadRecord(path, line_no, "", "a line must be a JSON object")
    return _make_story(path, line_no, record.get(fields.id), record.get(fields.date), record.get(fields.text),
                       default_date)


def _jsonl(path: str, fields: Fields, default_date: str | None) -> Iterator[Story | BadRecord]:
    line_no = 0
    with _open_text(path) as fh:
        try:
            for line_no, raw in enumerate(fh, start=1):
                item = jsonl_record(path, line_no, raw, fields, default_date)
                if item is not None:
                    yield item
        except (EOFError, OSError) as err:  # a truncated or corrupt .gz: report it, keep what was read
            yield BadRecord(path, line_no + 1, "", f"unreadable from here on ({type(err).__name__}: {err})")


def _table(path: str, fields: Fields, default_date: str | None, delimiter: str) -> Iterator[Story | BadRecord]:
    with _open_text(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        reader = csv.DictReader(text, delimiter=delimiter)
        row_no = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as err:
                yield BadRecord(path, row_no + 1, "", f"undecodable bytes (not UTF-8): {err.reason}; rest of file skipped")
                break
            except (EOFError, OSError) as err:  # a truncated or corrupt .gz
                yield BadRecord(path, row_no + 1, "", f"unreadable from here on ({type(err).__name__}: {err})")
                break
            except csv.Error as err:
                yield BadRecord(path, reader.line_num, "", f"bad CSV: {err}")
                continue
            row_no += 1
            if fields.text not in row:
                raise InputError(f"{path}: no column {fields.text!r} (columns: {', '.join(reader.fieldnames or [])})")
            yield _make_story(path, reader.line_num, row.get(fields.id), row.get(fields.date), row.get(fields.text),
                              default_date)


def _parquet(path: str, fields: Fields, default_date: str | None) -> Iterator[Story | BadRecord]:
    import pandas as pd

    df = pd.read_parquet(path)
    if fields.text not in df.columns:
        raise InputError(f"{path}: no column {fields.text!r}")
    for i, row in enumerate(df.to_dict("records"), start=1):
        yield _make_story(path, i, row.get(fields.id), row.get(fields.date), row.get(fields.text), default_date)


def _txt(path: Path, default_date: str | None) -> Story | BadRecord:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return BadRecord(str(path), 1, path.stem, f"undecodable bytes (not UTF-8): {err.reason}")
    m = DATE_IN_NAME.search(path.name)
    date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None  # the file's own date wins over --date
    return _make_story(str(path), 1, path.stem, date, text, default_date)


def read_stories(paths: Iterable[str], fields: Fields = Fields(), default_date: str | None = None
                 ) -> Iterator[Story | BadRecord]:
    """Stories (and bad records) from every input, in order."""
    for path in paths:
        kind = input_kind(path)
        if kind == "jsonl":
            yield from _jsonl(path, fields, default_date)
        elif kind in ("csv", "tsv"):
            yield from _table(path, fields, default_date, "," if kind == "csv" else "\t")
        elif kind == "parquet":
            yield from _parquet(path, fields, default_date)
        elif kind == "txt":
            yield _txt(Path(path), default_date)
        else:
            for file in sorted(Path(path).rglob("*.txt")):
                yield _txt(file, default_date)


def batches(items: Iterable[Story | BadRecord], size: int) -> Iterator[list[Story | BadRecord]]:
    """Consecutive runs of input records holding `size` stories each (bad records ride along), so a
    batch is also the unit a resumed run restarts from."""
    batch: list[Story | BadRecord] = []
    stories = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Story):
            stories += 1
            if stories == size:
                yield batch
                batch, stories = [], 0
    if batch:
        yield batch


def split_long(text: str, max_chars: int) -> list[str]:
    """Pieces of at most `max_chars`, cut at paragraph, then sentence, then space boundaries."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > max_chars:
        window = rest[:max_chars]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < max_chars // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > 0 else -1
        if cut < max_chars // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = max_chars
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def code_stories(nlp: Language, stories: Iterable[Story], batch_size: int = 32
                 ) -> Iterator[tuple[Story, list[Event]]]:
    """Events of each story, in input order, coding in batches with `nlp.pipe`."""
    for story, events, _ in code_stories_counted(nlp, stories, batch_size):
        yield story, events


def code_stories_counted(nlp: Language, stories: Iterable[Story], batch_size: int = 32
                         ) -> Iterator[tuple[Story, list[Event], int]]:
    """Like `code_stories`, plus the number of sentences spaCy found in each story (for the summary)."""
    limit = max(1000, nlp.max_length - 10)

    def docs():
        for story in stories:
            for piece_no, piece in enumerate(split_long(story.text, limit)):
                doc = nlp.make_doc(piece)
                doc._.story_date = story.date or None
                doc._.story_id = story.id
                yield (doc, (story, piece_no))

    current: Story | None = None
    events: list[Event] = []
    sentence_offset = 0
    char_offset = 0
    for doc, (story, piece_no) in nlp.pipe(docs(), batch_size=batch_size, as_tuples=True):
        if piece_no == 0:
            if current is not None:
                yield current, events, sentence_offset
            current, events, sentence_offset, char_offset = story, [], 0, 0
        for e in doc._.events:
            if sentence_offset or char_offset:
                e = _shift(e, sentence_offset, char_offset)
            events.append(e)
        sentence_offset += sum(1 for _ in doc.sents)
        char_offset += len(doc.text)
    if current is not None:
        yield current, events, sentence_offset


def _shift(event: Event, sentences: int, chars: int) -> Event:
    data = event.to_dict()
    data["sentence_no"] += sentences
    for key in ("source_start", "source_end", "target_start", "target_end", "trigger_start", "trigger_end"):
        data[key] += chars
    return Event.from_dict(data)
