"""Load a codebook directory and check it, collecting every problem before giving up.

`load_codebook` returns a :class:`Codebook` or raises :class:`CodebookError` listing all problems as
`file:line: entry: message`. `check_codebook` returns the problems without raising, for
`coder validate`. Warnings (ambiguities that may be intended) never stop loading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from coder.codebook.schema import (
    ACTOR_KINDS,
    Actor,
    ActorName,
    AgentWord,
    Codebook,
    DateRange,
    DatedCode,
    Discard,
    EventType,
    Example,
    ExpectedEvent,
    IssuePhrase,
    ModalityRule,
    Problem,
    Rules,
    VerbPattern,
)
from coder.codebook.yamlio import LineDict, LineList, YamlError, read_yaml

DEFAULT_CODEBOOK = Path(__file__).resolve().parent.parent.parent / "codebooks" / "cameo"

MANIFEST = "codebook.yaml"
MANIFEST_KEYS = {
    "name", "version", "description", "events", "agents", "actors", "wordsets", "rules",
    "verbs", "discards", "issues", "notice",
}
EVENT_KEYS = {"code", "name", "root", "quad_class", "goldstein", "description"}
ACTOR_KEYS = {"code", "kind", "iso3", "cow", "country", "names", "adjectives", "people", "capitals",
              "aliases", "codes", "note"}
PATTERN_KEYS = {"id", "code", "verb", "noun", "particle", "object", "not_object", "prep", "not_prep",
                "complement", "subject", "source", "target", "voice", "reverse", "mutual", "examples", "note"}
EXAMPLE_KEYS = {"text", "date", "events", "note"}
ROLE_SLOTS = {"subject", "object", "iobj", "possessor", "clause", "none"}
CODE_RE = re.compile(r"^\d{2,4}$")


def find_codebook_dir(path: str | Path | None) -> Path:
    """Resolve a codebook argument (None = the bundled CAMEO codebook)."""
    return DEFAULT_CODEBOOK if path is None else Path(path)


class CodebookError(Exception):
    """A codebook has errors; `problems` holds every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        head = f"codebook has {len(errors)} error(s):"
        super().__init__("\n".join([head, *(str(p) for p in errors[:50])]))


class _Reader:
    """Collects problems while reading the files of one codebook."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.directory.parent))
        except ValueError:
            return str(path)

    def error(self, path: Path, line: int, entry: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, entry, message))

    def warn(self, path: Path, line: int, entry: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, entry, message, "warning"))

    # -- files -------------------------------------------------------------------------------
    def read(self, path: Path) -> Any:
        try:
            return read_yaml(path)
        except YamlError as err:
            self.error(path, err.line, path.name, err.message)
            return None

    def expand(self, manifest_path: Path, spec: Any, key: str, line: int) -> list[Path]:
        """File names (globs allowed) from a manifest entry, in a stable order."""
        if spec is None:
            return []
        items = [spec] if isinstance(spec, str) else spec
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            self.error(manifest_path, line, key, "must be a file name or a list of file names")
            return []
        paths: list[Path] = []
        for item in items:
            if any(ch in item for ch in "*?["):
                hits = sorted(self.directory.glob(item))
                if not hits:
                    self.warn(manifest_path, line, key, f"pattern {item!r} matches no file")
                paths.extend(hits)
            else:
                path = self.directory / item
                if not path.is_file():
                    self.error(manifest_path, line, key, f"file {item!r} does not exist")
                    continue
                paths.append(path)
        return paths

    def section(self, path: Path, key: str, kind: type) -> tuple[Any, int]:
        """The top-level `key` of a file, checked to be of `kind`."""
        data = self.read(path)
        if data is None:
            return None, 0
        if not isinstance(data, LineDict) or key not in data:
            self.error(path, getattr(data, "line", 1), path.name, f"expected a top-level '{key}:'")
            return None, 0
        value = data[key]
        if not isinstance(value, kind):
            self.error(path, data.line_of(key), key, f"'{key}' must be a {kind.__name__}")
            return None, 0
        return value, data.line_of(key)


# -- small value checkers ----------------------------------------------------------------------
def _is_code(value: Any) -> bool:
    return isinstance(value, str) and bool(CODE_RE.match(value))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


def _date_range(r: _Reader, path: Path, item: LineDict, entry: str) -> DateRange | None:
    try:
        start = _as_date(item["from"]) if item.get("from") is not None else None
        end = _as_date(item["to"]) if item.get("to") is not None else None
    except ValueError as err:
        r.error(path, item.line, entry, str(err))
        return None
    if start and end and end < start:
        r.error(path, item.line, entry, f"date range ends ({end}) before it starts ({start})")
        return None
    return DateRange(start, end)


def _string_list(r: _Reader, path: Path, value: Any, line: int, entry: str, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        r.error(path, line, entry, f"'{what}' must be a list of non-empty strings")
        return []
    return [v.strip() for v in value]


def _unknown_keys(r: _Reader, path: Path, item: LineDict, allowed: set[str], entry: str) -> None:
    for key in item:
        if key not in allowed:
            r.error(path, item.line_of(key), entry, f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")


# -- sections ----------------------------------------------------------------------------------
def _load_events(r: _Reader, path: Path) -> dict[str, EventType]:
    items, _ = r.section(path, "events", list)
    events: dict[str, EventType] = {}
    for item in items or []:
        if not isinstance(item, LineDict):
            r.error(path, items.line, "events", "each event must be a mapping")
            continue
        code = item.get("code")
        entry = f"event {code}"
        _unknown_keys(r, path, item, EVENT_KEYS, entry)
        if not _is_code(code):
            r.error(path, item.line_of("code"), entry,
                    "code must be a quoted string of 2-4 digits (e.g. \"040\"), or a leading zero is lost")
            continue
        if code in events:
            r.error(path, item.line, entry, "duplicate event code")
            continue
        root = item.get("root", code[:2])
        if root != code[:2]:
            r.error(path, item.line_of("root"), entry, f"root {root!r} is not the first two digits of the code")
        quad = item.get("quad_class")
        if quad not in (1, 2, 3, 4):
            r.error(path, item.line_of("quad_class"), entry, "quad_class must be 1, 2, 3 or 4")
            continue
        gold = item.get("goldstein")
        if not isinstance(gold, (int, float)) or isinstance(gold, bool) or not -10 <= gold <= 10:
            r.error(path, item.line_of("goldstein"), entry, "goldstein must be a number from -10 to 10")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            r.error(path, item.line, entry, "name is required")
            continue
        events[code] = EventType(code, name.strip(), code[:2], int(quad), float(gold))
    for code in events:
        if len(code) > 2 and code[:-1] not in events and code[:2] not in events:
            r.error(path, 0, f"event {code}", f"parent code {code[:-1]} is missing")
    return events


def _load_agents(r: _Reader, paths: list[Path]) -> tuple[dict[str, str], list[AgentWord]]:
    roles: dict[str, str] = {}
    raw: list[tuple[Path, LineDict]] = []
    for path in paths:
        data = r.read(path)
        if data is None:
            continue
        if not isinstance(data, LineDict):
            r.error(path, 1, path.name, "expected 'roles:' and 'agents:' mappings")
            continue
        for key in data:
            if key not in ("roles", "agents"):
                r.error(path, data.line_of(key), path.name, f"unknown key '{key}' (allowed: agents, roles)")
        role_map = data.get("roles") or {}
        if not isinstance(role_map, LineDict):
            r.error(path, data.line_of("roles"), "roles", "roles must map a role code to its description")
        else:
            for code, desc in role_map.items():
                if not re.match(r"^(?:[A-Z]{3})+$", code):  # GOV, or a compound role such as GOVMIL
                    r.error(path, role_map.line_of(code), f"role {code}",
                            "a role code is three capital letters (or several such codes joined: GOVMIL)")
                roles[code] = str(desc)
        groups = data.get("agents") or []
        if not isinstance(groups, LineList):
            r.error(path, data.line_of("agents"), "agents", "agents must be a list of {role, words}")
            continue
        raw.extend((path, g) for g in groups)
    agents: list[AgentWord] = []
    seen: dict[str, str] = {}
    for path, group in raw:
        if not isinstance(group, LineDict):
            r.error(path, 0, "agents", "each agent group must be a mapping with 'role' and 'words'")
            continue
        role = group.get("role")
        entry = f"agents {role}"
        _unknown_keys(r, path, group, {"role", "words", "note"}, entry)
        if role not in roles:
            r.error(path, group.line_of("role"), entry, f"role {role!r} is not in the role set")
            continue
        words = group.get("words") or []
        if not isinstance(words, LineList):
            r.error(path, group.line_of("words"), entry, "words must be a list")
            continue
        for i, word in enumerate(words):
            line = word.line if isinstance(word, LineDict) else words.line_of(i)
            plural: str | None = ""
            if isinstance(word, LineDict):
                _unknown_keys(r, path, word, {"phrase", "plural"}, entry)
                phrase, plural = word.get("phrase"), word.get("plural", "")
                if plural == "none" or plural is False:
                    plural = None
            else:
                phrase = word
            if not isinstance(phrase, str) or not phrase.strip():
                r.error(path, line, entry, "an agent phrase must be a non-empty string")
                continue
            phrase = " ".join(phrase.split())
            key = phrase.lower()
            if key in seen:
                r.warn(path, line, f"agent {phrase!r}", f"listed again (first: {seen[key]})")
                continue
            seen[key] = f"{r.rel(path)}:{line}"
            if plural == "":
                plural = pluralize(phrase)
            agents.append(AgentWord(phrase, role, plural, f"{r.rel(path)}:{line}"))
    return roles, agents


_ES = ("s", "x", "z", "ch", "sh")


def pluralize(phrase: str) -> str:
    """Regular English plural of the last word (minister -> ministers, army -> armies)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("man") and not low.endswith(("human", "german", "ottoman")):
        plural = last[:-3] + ("men" if last[-3:].islower() else "MEN")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif low.endswith(_ES):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def _names(r: _Reader, path: Path, value: Any, line: int, entry: str, form: str) -> list[ActorName]:
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    out: list[ActorName] = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            out.append(ActorName(" ".join(item.split()), form))
        elif isinstance(item, LineDict) and isinstance(item.get("name"), str):
            _unknown_keys(r, path, item, {"name", "from", "to", "note"}, entry)
            valid = _date_range(r, path, item, entry)
            if valid is not None:
                out.append(ActorName(" ".join(item["name"].split()), form, valid))
        else:
            item_line = value.line_of(i) if isinstance(value, LineList) else line
            r.error(path, item_line, entry, f"each of '{form}s' must be a string or {{name, from, to}}")
    return out


def _load_actors(r: _Reader, paths: list[Path], roles: dict[str, str]) -> list[Actor]:
    actors: list[Actor] = []
    for path in paths:
        items, _ = r.section(path, "actors", list)
        for item in items or []:
            if not isinstance(item, LineDict):
                r.error(path, items.line, "actors", "each actor must be a mapping")
                continue
            code = item.get("code")
            first = item.get("names")
            label = first[0] if isinstance(first, list) and first and isinstance(first[0], str) else code
            entry = f"actor {code} ({label})" if label != code else f"actor {code}"
            _unknown_keys(r, path, item, ACTOR_KEYS, entry)
            if not isinstance(code, str) or not re.match(r"^[A-Z-]{3}[A-Z0-9]*$", code):
                r.error(path, item.line_of("code"), entry, "code must be capital letters, starting with 3")
                continue
            kind = item.get("kind", "group")
            if kind not in ACTOR_KINDS:
                r.error(path, item.line_of("kind"), entry, f"kind must be one of {', '.join(ACTOR_KINDS)}")
                continue
            names: list[ActorName] = []
            for key, form in (("names", "name"), ("aliases", "alias"), ("adjectives", "adjective"), ("people", "people"),
                              ("capitals", "capital")):
                names += _names(r, path, item.get(key), item.line_of(key), entry, form)
            if not names:
                r.error(path, item.line, entry, "an actor needs at least one name")
                continue
            cow = item.get("cow")
            if cow is not None and (not isinstance(cow, int) or isinstance(cow, bool)):
                r.error(path, item.line_of("cow"), entry, "cow must be an integer (Correlates of War number)")
                cow = None
            codes: list[DatedCode] = []
            raw_codes = item.get("codes") or []
            if not isinstance(raw_codes, list):
                r.error(path, item.line_of("codes"), entry, "codes must be a list of {code, from, to}")
                raw_codes = []
            for c in raw_codes:
                if not isinstance(c, LineDict) or not isinstance(c.get("code"), str):
                    r.error(path, item.line_of("codes"), entry, "each dated code needs 'code'")
                    continue
                _unknown_keys(r, path, c, {"code", "from", "to", "note"}, entry)
                valid = _date_range(r, path, c, entry)
                if valid is not None:
                    codes.append(DatedCode(c["code"], valid, str(c.get("note", ""))))
            country = item.get("country") or ""
            if kind in ("country",):
                country = code
            actors.append(Actor(
                code=code, kind=kind, names=names, country=str(country), iso3=str(item.get("iso3") or ""),
                cow=cow, codes=codes, note=str(item.get("note") or ""), source=f"{r.rel(path)}:{item.line}",
            ))
    _check_alias_clashes(r, actors)
    return actors


def _check_alias_clashes(r: _Reader, actors: list[Actor]) -> None:
    """Warn when two actors claim the same name over overlapping dates (e.g. 'Georgia')."""
    owners: dict[str, list[tuple[Actor, ActorName]]] = defaultdict(list)
    for actor in actors:
        for name in actor.names:
            owners[name.text.lower()].append((actor, name))
    for text, claims in owners.items():
        distinct = {a.code for a, _ in claims}
        if len(distinct) < 2:
            continue
        for i, (a1, n1) in enumerate(claims):
            for a2, n2 in claims[i + 1:]:
                if a1.code == a2.code or not _overlap(n1.valid, n2.valid):
                    continue
                path, _, line = a2.source.rpartition(":")
                r.problems.append(Problem(path, int(line), f"actor {a2.code}",
                                          f"name {text!r} is also claimed by {a1.code} ({a1.source}) "
                                          "over overlapping dates; the first listed wins", "warning"))


def _overlap(a: DateRange, b: DateRange) -> bool:
    lo = max(a.start or dt.date.min, b.start or dt.date.min)
    hi = min(a.end or dt.date.max, b.end or dt.date.max)
    return lo <= hi


def _load_wordsets(r: _Reader, paths: list[Path]) -> dict[str, frozenset[str]]:
    sets: dict[str, frozenset[str]] = {}
    for path in paths:
        mapping, _ = r.section(path, "wordsets", dict)
        for name, words in (mapping or {}).items():
            line = mapping.line_of(name)
            if name in sets:
                r.error(path, line, f"wordset {name}", "defined twice")
                continue
            values = _string_list(r, path, words, line, f"wordset {name}", name)
            sets[name] = frozenset(w.lower() for w in values)
    return sets


def _lemmas(r: _Reader, path: Path, value: Any, line: int, entry: str, what: str,
            wordsets: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A lemma, a list of lemmas and $wordset references, as one lowercase set."""
    items = _string_list(r, path, value, line, entry, what)
    if value is not None and not items:
        return None
    out: set[str] = set()
    for item in items:
        if item.startswith("$"):
            ws = wordsets.get(item[1:])
            if ws is None:
                r.error(path, line, entry, f"'{what}' refers to unknown word set {item}")
                continue
            out |= ws
        else:
            out.add(item.lower())
    return frozenset(out)


def _parse_expected(text: str) -> ExpectedEvent:
    parts = text.replace("->", " ").replace(":", " ").split()
    if len(parts) != 3 or not _is_code(parts[2]):
        raise ValueError(f"expected event {text!r} must be 'SOURCE TARGET CODE'")
    return ExpectedEvent(parts[0], parts[1], parts[2])


def _load_patterns(r: _Reader, paths: list[Path], events: dict[str, EventType],
                   wordsets: dict[str, frozenset[str]]) -> list[VerbPattern]:
    patterns: list[VerbPattern] = []
    ids: dict[str, str] = {}
    for path in paths:
        items, _ = r.section(path, "patterns", list)
        for item in items or []:
            if not isinstance(item, LineDict):
                r.error(path, items.line, "patterns", "each pattern must be a mapping")
                continue
            pid = item.get("id")
            if isinstance(pid, str) and pid in ids:
                r.error(path, item.line, f"pattern {pid}", f"duplicate id (first: {ids[pid]})")
                continue
            if isinstance(pid, str):
                ids[pid] = f"{r.rel(path)}:{item.line}"
            pattern = _load_pattern(r, path, item, events, wordsets, len(patterns))
            if pattern is not None:
                patterns.append(pattern)
    return patterns


def _role_slot(value: Any) -> bool:
    return isinstance(value, str) and (value in ROLE_SLOTS or bool(re.match(r"^prep:[a-z]+$", value)))


def _load_pattern(r: _Reader, path: Path, item: LineDict, events: dict[str, EventType],
                  wordsets: dict[str, frozenset[str]], order: int) -> VerbPattern | None:
    pid = item.get("id")
    entry = f"pattern {pid}"
    ok = True
    _unknown_keys(r, path, item, PATTERN_KEYS, entry)
    if not isinstance(pid, str) or not pid.strip():
        r.error(path, item.line, "pattern", "every pattern needs an 'id'")
        return None
    line = item.line_of
    code = item.get("code")
    if not _is_code(code):
        r.error(path, line("code"), entry, "code must be a quoted string of 2-4 digits (e.g. \"040\")")
        ok = False
    elif code not in events:
        r.error(path, line("code"), entry, f"code {code} is not in the taxonomy")
        ok = False
    for key in ("reverse",):
        value = item.get(key)
        if value is not None and (not _is_code(value) or value not in events):
            r.error(path, line(key), entry, f"{key} code {value!r} is not a quoted code of the taxonomy")
            ok = False
    if ("verb" in item) == ("noun" in item):
        r.error(path, item.line, entry, "a pattern needs exactly one of 'verb' or 'noun'")
        return None
    kind = "verb" if "verb" in item else "noun"
    lemmas = _lemmas(r, path, item.get(kind), line(kind), entry, kind, wordsets)
    if not lemmas:
        r.error(path, line(kind), entry, f"'{kind}' must name at least one lemma")
        return None
    obj_raw = item.get("object")
    object_none = obj_raw == "none"
    obj = None if object_none or obj_raw is None else _lemmas(r, path, obj_raw, line("object"), entry, "object", wordsets)
    prep: dict[str, frozenset[str] | None] = {}
    raw_prep = item.get("prep")
    if raw_prep is not None:
        if isinstance(raw_prep, str):
            prep[raw_prep.lower()] = None
        elif isinstance(raw_prep, dict):
            for p, objs in raw_prep.items():
                prep[p.lower()] = None if objs is None else _lemmas(r, path, objs, line("prep"), entry, "prep", wordsets)
        else:
            r.error(path, line("prep"), entry, "prep must be a preposition or {preposition: lemmas}")
            ok = False
    for slot in ("source", "target"):
        value = item.get(slot, "subject" if slot == "source" else "object")
        if not _role_slot(value):
            r.error(path, line(slot), entry, f"{slot} must be one of {', '.join(sorted(ROLE_SLOTS))} or prep:WORD")
            ok = False
    voice = item.get("voice", "any")
    if voice not in ("active", "passive", "any"):
        r.error(path, line("voice"), entry, "voice must be active, passive or any")
        ok = False
    mutual = item.get("mutual", False)
    if not isinstance(mutual, bool):
        r.error(path, line("mutual"), entry, "mutual must be true or false")
        ok = False
    examples: list[Example] = []
    raw_examples = item.get("examples") or []
    if not isinstance(raw_examples, list):
        r.error(path, line("examples"), entry, "examples must be a list of {text, events}")
        raw_examples = []
    for ex in raw_examples:
        if not isinstance(ex, LineDict) or not isinstance(ex.get("text"), str):
            r.error(path, line("examples"), entry, "each example needs 'text' and 'events'")
            ok = False
            continue
        _unknown_keys(r, path, ex, EXAMPLE_KEYS, entry)
        raw_events = ex.get("events")
        if not isinstance(raw_events, list):
            r.error(path, ex.line, entry, "an example's 'events' must be a list ([] for none)")
            ok = False
            continue
        expected: list[ExpectedEvent] = []
        for ev in raw_events:
            try:
                parsed = _parse_expected(str(ev))
            except ValueError as err:
                r.error(path, ex.line_of("events"), entry, str(err))
                ok = False
                continue
            if parsed.code not in events:
                r.error(path, ex.line_of("events"), entry, f"example code {parsed.code} is not in the taxonomy")
                ok = False
            expected.append(parsed)
        try:
            day = _as_date(ex["date"]) if ex.get("date") is not None else None
        except ValueError as err:
            r.error(path, ex.line_of("date"), entry, str(err))
            day = None
        examples.append(Example(ex["text"], expected, day, pid, f"{r.rel(path)}:{ex.line}"))
    if not ok:
        return None
    return VerbPattern(
        id=pid, code=code, trigger_kind=kind, lemmas=lemmas,
        particle=_lemmas(r, path, item.get("particle"), line("particle"), entry, "particle", wordsets) or frozenset(),
        object=obj, object_none=object_none,
        not_object=_lemmas(r, path, item.get("not_object"), line("not_object"), entry, "not_object", wordsets) or frozenset(),
        prep=prep,
        not_prep=_lemmas(r, path, item.get("not_prep"), line("not_prep"), entry, "not_prep", wordsets) or frozenset(),
        complement=_lemmas(r, path, item.get("complement"), line("complement"), entry, "complement", wordsets) or frozenset(),
        subject=_lemmas(r, path, item.get("subject"), line("subject"), entry, "subject", wordsets) or frozenset(),
        source=item.get("source", "subject"), target=item.get("target", "object"), voice=voice,
        reverse=item.get("reverse"), mutual=mutual, examples=examples, note=str(item.get("note") or ""),
        order=order, origin=f"{r.rel(path)}:{item.line}",
    )


def _modality(r: _Reader, path: Path, data: LineDict, key: str, events: dict[str, EventType]) -> ModalityRule:
    block = data.get(key)
    if block is None:
        return ModalityRule([], {})
    if not isinstance(block, LineDict):
        r.error(path, data.line_of(key), key, "must be a mapping with 'verbs' and 'map'")
        return ModalityRule([], {})
    _unknown_keys(r, path, block, {"verbs", "nouns", "map", "auxiliaries"}, key)
    mapping: dict[str, str] = {}
    raw = block.get("map") or {}
    for prefix, code in raw.items():
        if code == "same":
            mapping[str(prefix)] = code
            continue
        if not _is_code(code) or code not in events:
            r.error(path, raw.line_of(prefix), f"{key} map {prefix}", f"{code!r} is not a quoted code of the taxonomy")
            continue
        mapping[str(prefix)] = code
    return ModalityRule(
        verbs=_string_list(r, path, block.get("verbs"), block.line_of("verbs"), key, "verbs"),
        mapping=mapping,
        auxiliaries=_string_list(r, path, block.get("auxiliaries"), block.line_of("auxiliaries"), key, "auxiliaries"),
        nouns=[w.lower() for w in _string_list(r, path, block.get("nouns"), block.line_of("nouns"), key, "nouns")],
    )


# the keys of the rule blocks that hold word lists (modality blocks and `claims` are checked where they are read)
LIST_BLOCK_KEYS = {
    "negation": {"words", "denial_verbs"},
    "hedges": {"modals", "verbs", "conditionals", "hopes", "words"},
    "discourse": {"both_parties", "side_words", "person_pronouns", "group_pronouns"},
    "unasserted": {"verbs", "reasons", "participle_acts"},
    "observers": {"verbs", "factive", "answers", "answered"},
    "places": {"roots", "preps", "in_object", "targets", "sources", "authorities", "authorities_home_roots",
               "authorities_home_roles", "home", "domestic", "bare_state_roots", "own_country_roots", "state_roles",
               "sole_country", "sole_country_not_sources",
               "institutions", "institution_roots"},
    "stand_ins": {"words", "crowds", "crowd_role", "crowd_roots", "documents", "document_roots"},
    "purposes": {"roots", "aims", "subcode_digits", "acts"},
    "visits": {"codes", "not_roles"},
    "press": {"roots", "roles"},
    "people": {"counted_role", "quantities", "nations"},
    "beneficiaries": {"roots", "verbs"},
    "owners": {"roots"},
}
RULE_KEYS = {"negation", "hedges", "intent", "threat", "refusal", "discourse", "mutual_roots", "third_party",
             "unasserted", "claims",
             "observers", "obligation", "attempt", "places", "stand_ins", "purposes", "appeal",
             "appeal_to_target", "visits", "press", "offer", "aerial", "remote", "people", "third_place", "artillery",
             "suicide", "vehicle_bomb", "roadside_bomb", "beneficiaries", "consider", "owners", "topics",
             "recast"}


def _load_rules(r: _Reader, path: Path | None, events: dict[str, EventType],
                wordsets: dict[str, frozenset[str]], roles: dict[str, str]) -> Rules:
    if path is None:
        return Rules()
    data = r.read(path)
    if data is None:
        return Rules()
    if not isinstance(data, LineDict):
        r.error(path, 1, path.name, "rules must be a mapping")
        return Rules()
    _unknown_keys(r, path, data, RULE_KEYS, "rules")
    for block, allowed in LIST_BLOCK_KEYS.items():  # a misspelt key would otherwise be ignored silently
        if isinstance(data.get(block), LineDict):
            _unknown_keys(r, path, data[block], allowed, block)
    _check_rule_roles(r, path, data, roles)

    def get(block: str, key: str) -> list[str]:
        sub = data.get(block)
        if sub is None:
            return []
        if not isinstance(sub, LineDict):
            r.error(path, data.line_of(block), block, "must be a mapping")
            return []
        return [w.lower() for w in _string_list(r, path, sub.get(key), sub.line_of(key), block, key)]

    claims = data.get("claims")
    claim_codes = {}
    if claims is not None:
        if not isinstance(claims, LineDict):
            r.error(path, data.line_of("claims"), "claims", "must be a mapping")
            claims = LineDict()
        _unknown_keys(r, path, claims, {"verbs", "own_action", "other_action"}, "claims")
        for key in ("own_action", "other_action"):
            code = claims.get(key)
            if code is not None and (not _is_code(code) or code not in events):
                r.error(path, claims.line_of(key), f"claims {key}", f"{code!r} is not a quoted code of the taxonomy")
            else:
                claim_codes[key] = code or ""
    codes_in = {("places", "roots"): get("places", "roots"), ("places", "in_object"): get("places", "in_object"),
                ("places", "sources"): get("places", "sources"), ("places", "targets"): get("places", "targets"),
                ("observers", "answered"): get("observers", "answered"),
                ("places", "authorities"): get("places", "authorities"),
                ("places", "authorities_home_roots"): get("places", "authorities_home_roots"),
                ("places", "home"): get("places", "home"), ("places", "domestic"): get("places", "domestic"),
                ("places", "bare_state_roots"): get("places", "bare_state_roots"),
                ("places", "own_country_roots"): get("places", "own_country_roots"),
                ("unasserted", "participle_acts"): get("unasserted", "participle_acts"),
                ("places", "institution_roots"): get("places", "institution_roots"),
                ("places", "sole_country"): get("places", "sole_country"),
                ("places", "sole_country_not_sources"): get("places", "sole_country_not_sources"),
                ("purposes", "roots"): get("purposes", "roots"), ("purposes", "aims"): get("purposes", "aims"),
                ("beneficiaries", "roots"): get("beneficiaries", "roots"),
                ("owners", "roots"): get("owners", "roots"),
                ("visits", "codes"): get("visits", "codes"), ("press", "roots"): get("press", "roots"),
                ("stand_ins", "crowd_roots"): get("stand_ins", "crowd_roots"),
                ("stand_ins", "document_roots"): get("stand_ins", "document_roots")}
    for (block, key), codes in codes_in.items():
        for root in codes:
            if root not in events:
                r.error(path, data[block].line_of(key), f"{block} {key}", f"{root!r} is not a quoted code of the taxonomy")
    for key in ("mutual_roots", "third_party"):  # top-level code lists
        for root in data.get(key) or []:
            if str(root) not in events:
                r.error(path, data.line_of(key), key, f"{root!r} is not a quoted code of the taxonomy")
    purpose_digits = _digit_map(r, path, data.get("purposes"), events)
    counted_role = _role_code(r, path, data, "people", "counted_role", "CVL")
    crowd_role = _role_code(r, path, data, "stand_ins", "crowd_role", "OPP")
    intent = _modality(r, path, data, "intent", events)
    offer = _modality(r, path, data, "offer", events)
    offer = replace(offer, mapping={**intent.mapping, **offer.mapping})  # an offer is an intention, but kinder
    return Rules(
        claim_verbs=get("claims", "verbs"),
        claim_own=claim_codes.get("own_action", ""),
        claim_other=claim_codes.get("other_action", ""),
        negation_words=get("negation", "words"),
        denial_verbs=get("negation", "denial_verbs"),
        hedge_modals=get("hedges", "modals"),
        hedge_verbs=get("hedges", "verbs"),
        hedge_words=get("hedges", "words"),
        conditionals=get("hedges", "conditionals"),
        hopes=get("hedges", "hopes"),
        unasserted_verbs=get("unasserted", "verbs"),
        reason_verbs=get("unasserted", "reasons"),
        observer_verbs=get("observers", "verbs"),
        factive_verbs=get("observers", "factive"),
        answer_verbs=get("observers", "answers"),
        answered_codes=codes_in["observers", "answered"],
        intent=intent,
        offer=offer,
        threat=_modality(r, path, data, "threat", events),
        refusal=_modality(r, path, data, "refusal", events),
        obligation=_modality(r, path, data, "obligation", events),
        appeal=_modality(r, path, data, "appeal", events),
        appeal_to_target=_modality(r, path, data, "appeal_to_target", events),
        attempt=_modality(r, path, data, "attempt", events),
        aerial=_modality(r, path, data, "aerial", events),
        third_place=_modality(r, path, data, "third_place", events),
        remote=_modality(r, path, data, "remote", events),
        artillery=_modality(r, path, data, "artillery", events),
        suicide=_modality(r, path, data, "suicide", events),
        vehicle_bomb=_modality(r, path, data, "vehicle_bomb", events),
        roadside_bomb=_modality(r, path, data, "roadside_bomb", events),
        consider=_modality(r, path, data, "consider", events),
        both_parties=get("discourse", "both_parties"),
        side_words=get("discourse", "side_words"),
        person_pronouns=get("discourse", "person_pronouns"),
        group_pronouns=get("discourse", "group_pronouns"),
        mutual_roots=[str(x) for x in (data.get("mutual_roots") or [])],
        third_party_codes=[str(x) for x in (data.get("third_party") or [])],
        place_roots=codes_in["places", "roots"],
        place_preps=get("places", "preps"),
        place_object_codes=codes_in["places", "in_object"],
        place_source_roots=codes_in["places", "sources"],
        place_target_roots=codes_in["places", "targets"],
        home_codes=codes_in["places", "home"],
        sole_country_roots=codes_in["places", "sole_country"],
        sole_country_not_sources=codes_in["places", "sole_country_not_sources"],
        domestic_codes=codes_in["places", "domestic"],
        bare_state_roots=codes_in["places", "bare_state_roots"],
        own_country_roots=codes_in["places", "own_country_roots"],
        participle_act_roots=codes_in["unasserted", "participle_acts"],
        state_roles=[w.upper() for w in get("places", "state_roles")],
        institution_roles=[w.upper() for w in get("places", "institutions")],
        institution_roots=codes_in["places", "institution_roots"],
        place_authority_roots=codes_in["places", "authorities"],
        authority_home_roots=codes_in["places", "authorities_home_roots"],
        authority_home_roles=[w.upper() for w in get("places", "authorities_home_roles")],
        stand_ins=get("stand_ins", "words"),
        crowds=get("stand_ins", "crowds"),
        documents=get("stand_ins", "documents"),
        document_roots=codes_in["stand_ins", "document_roots"],
        crowd_role=crowd_role,
        crowd_roots=codes_in["stand_ins", "crowd_roots"],
        visit_codes=codes_in["visits", "codes"],
        non_visitor_roles=[w.upper() for w in get("visits", "not_roles")],
        press_roots=codes_in["press", "roots"],
        press_roles=[w.upper() for w in get("press", "roles")],
        purpose_roots=codes_in["purposes", "roots"],
        purpose_aims=codes_in["purposes", "aims"],
        purpose_digits=purpose_digits,
        purpose_acts=get("purposes", "acts"),
        beneficiary_roots=codes_in["beneficiaries", "roots"],
        owner_roots=codes_in["owners", "roots"],
        beneficiary_verbs=get("beneficiaries", "verbs"),
        counted_people_role=counted_role,
        people_quantities=get("people", "quantities"),
        people_nations=get("people", "nations"),
        topics=_topics(r, path, data.get("topics"), data.line_of("topics"), events, wordsets),
        recast=_topics(r, path, data.get("recast"), data.line_of("recast"), events, wordsets, key="recast"),
    )


def _topics(r: _Reader, path: Path, block: object, line: int, events: dict[str, EventType],
            wordsets: dict[str, frozenset[str]], key: str = "topics") -> dict[str, list[tuple[str, frozenset[str]]]]:
    """`topics`: generic code -> {sub-code: topic words}. Each sub-code must be a code of the taxonomy below its
    generic code's root ("112": {"1124": [$war_crime]}). `recast`: the same shape, but the new code may be of any
    root ("154": {"074": [peacekeeping]}: a deployment for peacekeeping is peacekeeping)."""
    if block is None:
        return {}
    if not isinstance(block, LineDict):
        r.error(path, line, key, "must be a mapping of quoted codes to {code: words}")
        return {}
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for code, subs in block.items():
        at = block.line_of(code)
        if not _is_code(code) or code not in events:
            r.error(path, at, key, f"{code!r} is not a quoted code of the taxonomy")
            continue
        if not isinstance(subs, LineDict) or not subs:
            r.error(path, at, f"{key} {code}", "must be a mapping of quoted codes to word lists")
            continue
        for sub, words in subs.items():
            sub_line = subs.line_of(sub)
            if not _is_code(sub) or sub not in events:
                r.error(path, sub_line, f"{key} {code}", f"{sub!r} is not a quoted code of the taxonomy")
            elif sub == code or (key == "topics" and sub[:2] != code[:2]):
                r.error(path, sub_line, f"{key} {code}", f"{sub!r} is not a sub-code of root {code[:2]}"
                        if key == "topics" else f"{sub!r} is the code itself")
            else:
                found = _lemmas(r, path, words, sub_line, f"{key} {code} {sub}", "words", wordsets)
                if found:
                    out.setdefault(code, []).append((sub, found))
    return out


# the rule keys that name roles of agents.yaml: a misspelt role would silently match nothing
ROLE_KEYS = {("places", "state_roles"), ("places", "institutions"), ("places", "authorities_home_roles"),
             ("visits", "not_roles"), ("press", "roles"), ("people", "counted_role"), ("stand_ins", "crowd_role")}


def _check_rule_roles(r: _Reader, path: Path, data: LineDict, roles: dict[str, str]) -> None:
    """Every role a rule names is one of agents.yaml's roles (a warning naming the file, line and key)."""
    if not roles:
        return
    for block, key in sorted(ROLE_KEYS):
        sub = data.get(block)
        value = sub.get(key) if isinstance(sub, LineDict) else None
        for role in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            if isinstance(role, str) and role.upper() not in roles:
                r.problems.append(Problem(str(path), sub.line_of(key), f"{block} {key}",
                                          f"role {role!r} is not a role of agents.yaml", "warning"))


def _role_code(r: _Reader, path: Path, data: LineDict, block: str, key: str, example: str) -> str:
    """A rule key holding one three-letter role code (`people: counted_role`, `stand_ins: crowd_role`); "" if absent
    or wrong (reported with file and line)."""
    sub = data.get(block)
    value = sub.get(key) if isinstance(sub, LineDict) else None
    if value is not None and (not isinstance(value, str) or not re.match(r"^[A-Z]{3}$", value)):
        r.error(path, sub.line_of(key), f"{block} {key}", f"must be a three-letter role code ({example})")
        return ""
    return value or ""


def _digit_map(r: _Reader, path: Path, block: object, events: dict[str, EventType]) -> dict[str, str]:
    """`purposes: subcode_digits`: aim code -> the digit it adds to a protest code ("1041": "1")."""
    if not isinstance(block, LineDict) or block.get("subcode_digits") is None:
        return {}
    digits = block["subcode_digits"]
    line = block.line_of("subcode_digits")
    if not isinstance(digits, LineDict):
        r.error(path, line, "purposes subcode_digits", "must be a mapping of quoted codes to one digit")
        return {}
    out = {}
    for code, digit in digits.items():
        if not _is_code(code) or code not in events:
            r.error(path, digits.line_of(code), "purposes subcode_digits", f"{code!r} is not a quoted code of the taxonomy")
        elif not (isinstance(digit, str) and len(digit) == 1 and digit.isdigit()):
            r.error(path, digits.line_of(code), f"purposes subcode_digits {code}", f"{digit!r} is not one quoted digit")
        else:
            out[code] = digit
    return out


def _load_discards(r: _Reader, paths: list[Path]) -> list[Discard]:
    out: list[Discard] = []
    for path in paths:
        items, _ = r.section(path, "discards", list)
        for i, item in enumerate(items or []):
            if isinstance(item, str):
                out.append(Discard(item.lower(), "sentence"))
            elif isinstance(item, LineDict) and isinstance(item.get("phrase"), str):
                _unknown_keys(r, path, item, {"phrase", "scope", "note"}, "discard")
                scope = item.get("scope", "sentence")
                if scope not in ("sentence", "story"):
                    r.error(path, item.line_of("scope"), f"discard {item['phrase']!r}", "scope must be sentence or story")
                    continue
                out.append(Discard(item["phrase"].lower(), scope))
            else:
                r.error(path, items.line_of(i), "discard", "a discard is a phrase or {phrase, scope}")
    return out


def _load_issues(r: _Reader, paths: list[Path]) -> list[IssuePhrase]:
    out: list[IssuePhrase] = []
    for path in paths:
        items, _ = r.section(path, "issues", list)
        for item in items or []:
            if not isinstance(item, LineDict) or not isinstance(item.get("theme"), str):
                r.error(path, getattr(item, "line", 0), "issue", "each issue needs 'theme' and 'phrases'")
                continue
            _unknown_keys(r, path, item, {"theme", "phrases", "exclude", "note"}, f"issue {item['theme']}")
            for phrase in _string_list(r, path, item.get("phrases"), item.line_of("phrases"), item["theme"], "phrases"):
                out.append(IssuePhrase(phrase.lower(), item["theme"]))
            for phrase in _string_list(r, path, item.get("exclude"), item.line_of("exclude"), item["theme"], "exclude"):
                out.append(IssuePhrase(phrase.lower(), item["theme"], negative=True))
    return out


def _read_codebook(directory: Path) -> tuple[Codebook | None, list[Problem]]:
    r = _Reader(directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        r.error(manifest_path, 0, MANIFEST, f"no {MANIFEST} in {directory} (is this a codebook directory?)")
        return None, r.problems
    manifest = r.read(manifest_path)
    if not isinstance(manifest, LineDict):
        if manifest is not None:
            r.error(manifest_path, 1, MANIFEST, "the manifest must be a mapping")
        return None, r.problems
    _unknown_keys(r, manifest_path, manifest, MANIFEST_KEYS, MANIFEST)
    for key in ("name", "events"):
        if key not in manifest:
            r.error(manifest_path, manifest.line, MANIFEST, f"'{key}' is required")

    def files(key: str) -> list[Path]:
        return r.expand(manifest_path, manifest.get(key), key, manifest.line_of(key))

    event_files = files("events")
    events: dict[str, EventType] = {}
    for path in event_files:
        events.update(_load_events(r, path))
    roles, agents = _load_agents(r, files("agents"))
    actors = _load_actors(r, files("actors"), roles)
    wordsets = _load_wordsets(r, files("wordsets"))
    patterns = _load_patterns(r, files("verbs"), events, wordsets)
    rule_files = files("rules")
    rules = _load_rules(r, rule_files[0] if rule_files else None, events, wordsets, roles)
    discards = _load_discards(r, files("discards"))
    issues = _load_issues(r, files("issues"))
    for actor in actors:
        for dated in actor.codes:
            role = dated.code[len(actor.entity):] if actor.entity and dated.code.startswith(actor.entity) else ""
            if len(role) == 3 and roles and role not in roles and role.isalpha():
                path, _, line = actor.source.rpartition(":")
                r.problems.append(Problem(path, int(line), f"actor {actor.code}",
                                          f"dated code {dated.code}: role {role} is not in the role set", "warning"))
    if any(p.severity == "error" for p in r.problems):
        return None, r.problems
    book = Codebook(
        name=str(manifest.get("name")), version=str(manifest.get("version", "")),
        description=str(manifest.get("description", "")), directory=directory, events=events, roles=roles,
        agents=agents, actors=actors, wordsets=wordsets, patterns=patterns, rules=rules, discards=discards,
        issues=issues, warnings=[p for p in r.problems if p.severity == "warning"],
    )
    return book, r.problems


def check_codebook(directory: str | Path | None = None) -> tuple[Codebook | None, list[Problem]]:
    """Read and check a codebook; returns it (None on errors) and every problem found."""
    return _read_codebook(find_codebook_dir(directory))


_CACHE: dict[tuple[str, str], Codebook] = {}
DISK_CACHE = Path(os.environ.get("CODER_CACHE_DIR", Path.home() / ".cache" / "cameo-coder"))


def _fingerprint(path: Path) -> str:
    """Changes whenever any file of the codebook (or of this package's loader and schema) changes."""
    parts = [str(path)] + [f"{f.name}:{f.stat().st_mtime_ns}" for f in sorted(Path(__file__).parent.glob("*.py"))]
    if path.is_dir():
        for f in sorted(path.rglob("*")):
            if f.is_file() and f.suffix in (".yaml", ".yml"):
                st = f.stat()
                parts.append(f"{f.relative_to(path)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def load_codebook(directory: str | Path | None = None) -> Codebook:
    """Load a codebook or raise :class:`CodebookError` naming every error (file:line: entry: message).

    A valid codebook is also kept, parsed, in a disk cache keyed by its files' names, sizes and times,
    so a large imported dictionary (tens of thousands of actors) loads in a fraction of a second the
    next time. `coder validate` always reads the YAML; set CODER_NO_CACHE=1 to bypass the cache.
    """
    path = find_codebook_dir(directory).resolve()
    key = (str(path), _fingerprint(path))
    if key in _CACHE:
        return _CACHE[key]
    use_disk = not os.environ.get("CODER_NO_CACHE")
    cached = DISK_CACHE / f"{key[1]}.pickle"
    if use_disk and cached.is_file():
        try:
            with open(cached, "rb") as fh:
                book = pickle.load(fh)  # noqa: S301 - our own cache file, written below
            if isinstance(book, Codebook):
                _CACHE.clear()
                _CACHE[key] = book
                return book
        except Exception:  # a stale or broken cache is ignored, never fatal
            pass
    book, problems = _read_codebook(path)
    if book is None:
        raise CodebookError(problems or [Problem(str(path), 0, MANIFEST, "codebook could not be read")])
    if use_disk:
        try:
            DISK_CACHE.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(book, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
            for stale in sorted(DISK_CACHE.glob("*.pickle"), key=lambda f: f.stat().st_mtime)[:-20]:
                stale.unlink(missing_ok=True)  # keep the 20 most recent codebooks
        except OSError:
            pass
    _CACHE.clear()
    _CACHE[key] = book
    return book
