"""Import PETRARCH/TABARI dictionaries (verbs, actors, agents, discards, issues) into a codebook directory.

Researchers have years of work in these text dictionaries; `coder import-petrarch` turns them into our
YAML so they can keep it. Each dictionary kind has one reader that maps what our format can say
faithfully and reports the rest: every skipped line with its `file:line` and reason, every construct our
format cannot express with a count. A malformed line never stops the import. The taxonomy (events.yaml,
rules.yaml) is copied from an existing codebook; codes the dictionaries use that it lacks are added as
extra event codes, with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.codebook.loader import DEFAULT_CODEBOOK, MANIFEST
from coder.codebook.yamlio import LineDict, YamlError, read_yaml

CODE_RE = re.compile(r"^\d{2,4}$")
ACTOR_CODE_RE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
NULL = "---"
# Words that follow a verb as a particle ("set up", "put forward") rather than as its object.
PARTICLES = {"up", "down", "out", "off", "in", "on", "over", "back", "away", "forward", "aside", "around",
             "through", "together", "apart", "ahead", "along", "across", "about", "by", "at", "for", "with",
             "to", "into", "from", "upon", "against", "after", "before", "behind", "under", "onto", "toward",
             "towards", "of", "without", "within", "between", "among", "beyond", "past"}
# Of those, the ones that stand alone after a verb (not inside a prepositional phrase).
ADVERB_PARTICLES = {"up", "down", "out", "off", "over", "back", "away", "forward", "aside", "around",
                    "together", "apart", "ahead", "along"}
SMALL_WORDS = {"of", "the", "and", "for", "de", "la", "le", "del", "al", "el", "on", "in", "du", "des", "da"}


class PetrarchImportError(Exception):
    """The import cannot start (a missing input file, an output that is not ours to overwrite)."""


# ------------------------------------------------------------------------------------------ report
@dataclass(frozen=True)
class Skipped:
    """One dictionary line (or entry) that was not imported, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class FileReport:
    """What one dictionary file gave: entries read, imported, skipped, and constructs not mapped."""

    path: str
    kind: str
    name: str = field(init=False)
    read: int = 0
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    unsupported: Counter = field(default_factory=Counter)  # construct -> count (not imported)
    notes: Counter = field(default_factory=Counter)  # imported with an approximation -> count

    def __post_init__(self) -> None:
        self.name = Path(self.path).name

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Skipped(self.name, line, reason))


@dataclass
class ImportReport:
    """The whole import: per-file reports, extra event codes, where it went and how long it took."""

    output: Path
    files: list[FileReport] = field(default_factory=list)
    extra_codes: dict[str, str] = field(default_factory=dict)  # code -> how its weights were chosen
    seconds: float = 0.0

    def format(self, limit: int = 20) -> str:
        """Summary table, unsupported constructs, and the first `limit` skipped lines of each file."""
        out = [f"imported into {self.output} in {self.seconds:.1f} s", "",
               f"{'file':40} {'kind':9} {'read':>7} {'imported':>9} {'skipped':>8}"]
        for f in self.files:
            out.append(f"{f.name:40} {f.kind:9} {f.read:7} {f.imported:9} {len(f.skipped):8}")
        for title, attr in (("unsupported (not imported)", "unsupported"), ("approximations", "notes")):
            rows = [(f.name, what, n) for f in self.files for what, n in getattr(f, attr).most_common()]
            if rows:
                out += ["", f"{title}:"] + [f"  {name}: {what}: {n}" for name, what, n in rows]
        if self.extra_codes:
            out += ["", f"warning: {len(self.extra_codes)} code(s) not in the taxonomy were added to events.yaml:"]
            out += [f"  {code}: {how}" for code, how in sorted(self.extra_codes.items())]
        for f in self.files:
            if f.skipped:
                shown = sorted(f.skipped, key=lambda x: x.line)[:limit]
                out += ["", f"skipped in {f.name} ({len(f.skipped)}{', first ' + str(limit) if len(f.skipped) > limit else ''}):"]
                out += [f"  {s}" for s in shown]
        return "\n".join(out)

    def full_text(self) -> str:
        return self.format(limit=10**9)


# ------------------------------------------------------------------------------------------ reading
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) with PETRARCH comments removed: `#...`, `<!-- ... -->` (also multi-line)."""
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if line.startswith("<!"):
                in_comment = "<!--" in line and "-->" not in line
                continue
            while "<!--" in line:
                head, _, rest = line.partition("<!--")
                if "-->" in rest:
                    line = head + rest.split("-->", 1)[1]
                else:
                    line, in_comment = head, True
            if "#" in line:
                line = line[:line.index("#")]
            if line.strip():
                yield n, line


def _words(raw: str) -> str:
    """A dictionary phrase as plain words: underscores are spaces, a trailing `_` (word end) is dropped."""
    return " ".join(raw.replace("_", " ").split())


def _display(phrase: str) -> str:
    """Readable case for an upper-case dictionary name; short words and dotted ones stay acronyms.

    A one-word name of three letters or with dots (US, UN, U.S.) stays upper case so it is matched with
    its case (the pronoun "us" is not the United States); everything else is matched case-insensitively.
    """
    words = phrase.split()
    if len(words) == 1 and (len(phrase.replace(".", "").replace("-", "")) <= 3 or "." in phrase):
        return phrase.upper()
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif re.match(r"^[IVX]+$", w) and i:  # regnal numbers: Gloriana XII
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def _petr_date(text: str) -> dt.date:
    """YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD; anything else raises ValueError."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"date {text!r}: {err}") from None


def _parse_code(text: str) -> tuple[str | None, str | None]:
    """An event code `[a]`, `[a:b]`, `[:b]`, `[---]` as (code, reciprocal code); ValueError if malformed."""
    text = text.strip()
    first, colon, second = text.partition(":")
    a = first.strip() or None
    b = second.strip() or None if colon else None
    for value in (a, b):
        if value is not None and value != NULL and not CODE_RE.match(value):
            raise ValueError(f"code [{text}] is not an event code (2-4 digits, --- or a:b)")
    return (None if a == NULL else a), (None if b == NULL else b)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


# ------------------------------------------------------------------------------------------ actors
@dataclass
class _ActorEntry:
    file: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, dt.date | None, dt.date | None, int]] = field(default_factory=list)


def _actor_codes(entry: _ActorEntry, text: str, line: int, rep: FileReport) -> None:
    """Parse every `[CODE]`, `[CODE <d]`, `[CODE >d]`, `[CODE d1-d2]` on a line into the entry."""
    for inner in re.findall(r"\[([^\]]*)\]?", text):
        parts = inner.split()
        if not parts:
            rep.skip(line, "empty code []")
            continue
        code, restriction = parts[0], "".join(parts[1:])
        if code == NULL:
            rep.unsupported["null code [---] (our format has no blocking entry)"] += 1
            continue
        if "/" in code:
            rep.unsupported["several codes in one entry (A/B): only the first imported"] += 1
            code = code.split("/")[0]
        if code != code.upper():
            rep.notes["lower-case actor code upper-cased"] += 1
            code = code.upper()
        if not ACTOR_CODE_RE.match(code):
            rep.skip(line, f"malformed actor code {code!r}")
            continue
        start = end = None
        try:
            if restriction.startswith("<"):
                end = _petr_date(restriction[1:]) - dt.timedelta(days=1)
            elif restriction.startswith(">"):  # PETRARCH2 codes the day itself too (>=)
                start = _petr_date(restriction[1:])
            elif "-" in restriction:
                lo, _, hi = restriction.partition("-")
                start, end = _petr_date(lo), _petr_date(hi)
                if end < start:
                    raise ValueError(f"date range {restriction} ends before it starts")
            elif restriction:
                raise ValueError(f"date restriction {restriction!r} is not <d, >d or d1-d2")
        except ValueError as err:
            rep.skip(line, f"malformed date in [{inner.strip()}]: {err}")
            continue
        entry.codes.append((code, start, end, line))


def read_actors(path: Path, rep: FileReport) -> list[_ActorEntry]:
    """Base phrases with `+synonyms` and codes on the base line or on the lines below."""
    entries: list[_ActorEntry] = []
    current: _ActorEntry | None = None
    for n, text in _lines(path):
        stripped = text.strip()
        if stripped.startswith("["):
            if current is None:
                rep.skip(n, "code line before any actor phrase")
            else:
                _actor_codes(current, stripped, n, rep)
            continue
        phrase, bracket, rest = stripped.partition("[")
        if stripped.startswith("+"):
            if current is None:
                rep.skip(n, "synonym before any actor phrase")
                continue
            name = _words(phrase[1:])
            if name:
                current.names.append(name)
        else:
            rep.read += 1
            current = _ActorEntry(rep.name, n)
            entries.append(current)
            name = _words(phrase)
            if name:
                current.names.append(name)
            else:
                rep.skip(n, "actor line without a phrase")
        if bracket:
            _actor_codes(current, bracket + rest, n, rep)
    return entries


def _actor_record(entry: _ActorEntry, names: list[str], rep: FileReport) -> dict[str, Any] | None:
    """One of our actor entries: default code, kind, dated codes (the loader picks the narrowest range)."""
    undated = [c for c in entry.codes if c[1] is None and c[2] is None]
    dated = [c for c in entry.codes if c[1] is not None or c[2] is not None]
    if not entry.codes:
        rep.skip(entry.line, f"actor {names[0] if names else '?'!r} has no (usable) code")
        return None
    if len({c[0] for c in undated}) > 1:
        rep.notes["entry with several undated codes: the first is the default"] += 1
    if undated:
        default = undated[0][0]
    else:  # PETRARCH2 codes nothing outside the ranges; our format needs a default: the entity part
        recent = max(dated, key=lambda c: (c[2] or dt.date.max, c[1] or dt.date.min))[0]
        default = recent[:6] if recent.startswith(ORG_PREFIXES) else recent[:3]
        rep.notes["only dated codes: outside them the entity part of the most recent code applies"] += 1
    all_codes = {c[0] for c in entry.codes}
    if dated and any(len(c) > 3 for c in all_codes):
        kind = "person"
    elif default.startswith("IGO"):
        kind = "igo"
    elif default.startswith("NGO"):
        kind = "ngo"
    elif default.startswith("IMG"):
        kind = "armed_group"
    elif len(default) == 3:
        kind = "country"
    else:
        kind = "group"
    record: dict[str, Any] = {"code": default, "kind": kind}
    if kind == "person" and not default.startswith(ORG_PREFIXES):
        record["country"] = default[:3]
    record["names"] = [_display(n) for n in names]
    if dated:
        record["codes"] = [{"code": c, **({"from": s} if s else {}), **({"to": e} if e else {})}
                           for c, s, e, _ in dated]
    record["note"] = f"{entry.file}:{entry.line}"
    return record


def convert_actors(files: list[tuple[list[_ActorEntry], FileReport]]) -> list[list[dict[str, Any]]]:
    """Actor records per file. A name defined again later is dropped here: PETRARCH2 keeps the last."""
    owner: set[str] = set()
    keep: dict[tuple[int, int], list[str]] = {}
    for fi in range(len(files) - 1, -1, -1):
        entries, rep = files[fi]
        for ei in range(len(entries) - 1, -1, -1):
            names: dict[str, str] = {}  # lower case -> as written
            for name in entries[ei].names:
                key = name.lower()
                if key in owner and key not in names:
                    rep.notes["name defined again later (PETRARCH2 keeps the last definition)"] += 1
                elif key not in names:
                    names[key] = name
            owner.update(names)
            keep[(fi, ei)] = list(names.values())
    out: list[list[dict[str, Any]]] = []
    for fi, (entries, rep) in enumerate(files):
        records = []
        for ei, entry in enumerate(entries):
            names = keep[(fi, ei)]
            if not names:
                if entry.names:
                    rep.skip(entry.line, f"every name of {entry.names[0]!r} is defined again later")
                continue
            record = _actor_record(entry, names, rep)
            if record is not None:
                records.append(record)
                rep.imported += 1
        out.append(records)
    return out


# ------------------------------------------------------------------------------------------ agents
@dataclass
class _Agent:
    phrase: str
    roles: str
    plural: str | None | bool  # True = derive; None = no plural; str = given
    line: int


def read_agents(path: Path, rep: FileReport) -> list[_Agent]:
    """`PHRASE {plural} [~ROLE]` lines, `XXX~` prefix codes, `!MARKER! = A, B` substitution lists."""
    markers: dict[str, list[str]] = {}
    agents: list[_Agent] = []
    for n, text in _lines(path):
        s = text.strip()
        if "!" in s and "=" in s:
            m = re.match(r"^!([^!]+)!\s*=\s*(.+)$", s)
            if m is None:
                rep.skip(n, "malformed substitution marker definition")
            else:
                markers[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        rep.read += 1
        phrase, bracket, rest = s.partition("[")
        if not bracket:
            rep.skip(n, "agent without a code [~XXX]")
            continue
        if "]" not in rest:
            rep.skip(n, f"malformed code [{rest.strip()}: no closing ]")
            continue
        code = rest.split("]", 1)[0].replace(" ", "")
        if code.startswith("~"):
            roles = code[1:]
        elif code.endswith("~"):
            roles = code[:-1]
            rep.unsupported["prefix agent code XXX~ (imported as a suffix role)"] += 1
        else:
            rep.skip(n, f"agent code [{code}] has no ~ (expected ~XXX or XXX~)")
            continue
        if not re.match(r"^(?:[A-Z]{3})+$", roles):
            rep.skip(n, f"agent code [{code}]: roles must be 3-letter codes")
            continue
        if len(roles) > 3:
            rep.notes["compound role (e.g. ~GOVMIL) kept whole"] += 1
        plural: str | None | bool = True
        if "{" in phrase:
            if "}" not in phrase:
                rep.skip(n, "missing '}' after the plural")
                continue
            plural_text = _words(phrase[phrase.index("{") + 1:phrase.index("}")])
            plural = plural_text.lower() or None
            phrase = phrase[:phrase.index("{")]
        if "!" in phrase:
            m = re.search(r"!([^!]+)!", phrase)
            if m is None or m.group(1) not in markers:
                rep.skip(n, f"unknown or malformed substitution marker in {phrase.strip()!r}")
                continue
            for subst in markers[m.group(1)]:
                word = _words(phrase[:m.start()] + subst + phrase[m.end():]).lower()
                agents.append(_Agent(word, roles, None, n))
            rep.notes["substitution-marker lines expanded"] += 1
            continue
        word = _words(phrase).lower()
        if not word:
            rep.skip(n, "agent without a phrase")
            continue
        agents.append(_Agent(word, roles, plural, n))
    return agents


def convert_agents(files: list[tuple[list[_Agent], FileReport]], known_roles: dict[str, str]
                   ) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Our role set and role-word groups; a phrase listed again replaces the earlier (PETRARCH2 keeps the last)."""
    last: dict[str, tuple[int, int]] = {}
    for fi, (agents, _) in enumerate(files):
        for ai, agent in enumerate(agents):
            last[agent.phrase] = (fi, ai)
    groups: dict[str, list[Any]] = defaultdict(list)
    for fi, (agents, rep) in enumerate(files):
        lines: set[int] = set()
        for ai, agent in enumerate(agents):
            if last[agent.phrase] != (fi, ai):
                rep.skip(agent.line, f"agent {agent.phrase!r} is listed again later (PETRARCH2 keeps the last)")
                continue
            if agent.plural is True:
                groups[agent.roles].append(agent.phrase)
            else:
                groups[agent.roles].append({"phrase": agent.phrase, "plural": agent.plural or "none"})
            lines.add(agent.line)
            rep.notes["agent phrases written (substitution lists expanded)"] += 1
        rep.imported += len(lines)
    roles = {}
    for role in sorted(groups):
        parts = [role[i:i + 3] for i in range(0, len(role), 3)]
        roles[role] = " + ".join(known_roles.get(p, f"{p} (imported)").split(" - ")[0] for p in parts)
    return roles, [{"role": r, "words": groups[r]} for r in sorted(groups)]


# ------------------------------------------------------------------------------------------ verbs
@dataclass
class _Block:
    name: str
    code: str | None
    reverse: str | None
    line: int
    verbs: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)  # lemma, code, rev, line
    noun_verbs: list[tuple[str, str, str | None, str | None, int]] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line, raw pattern text)


@dataclass
class _Verbs:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[_Block] = field(default_factory=list)


def _raw_comment(path: Path) -> dict[int, str]:
    """Inline comments of pattern lines (`# RUSH`): kept as the pattern's note."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if line.startswith("-") and "#" in line:
                out[n] = " ".join(line.split("#", 1)[1].split())
    return out


def read_verbs(path: Path, rep: FileReport) -> _Verbs:
    """Synsets, verb blocks with their verb lines and patterns; transformations are counted, not imported."""
    result = _Verbs()
    block: _Block | None = None
    synset: str | None = None
    seen_verbs: dict[str, str] = {}
    for n, text in _lines(path):
        s = text.strip()
        if s.startswith("&"):
            rep.read += 1
            synset = s[1:].strip().rstrip("_").strip()
            if not synset or " " in synset:
                rep.skip(n, f"malformed synset name {s!r}")
                synset = None
                continue
            result.synsets.setdefault(synset, [])
            rep.imported += 1
            continue
        if s.startswith("+") and synset is not None:  # members follow their &NAME line
            raw = s[1:].strip()
            member = raw.rstrip("_").upper() if raw.startswith("&") else _words(raw).lower()
            if member:
                result.synsets[synset].append(member)
            continue
        synset = None
        if s.startswith("---"):
            m = re.match(r"^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*(?:---)?\s*$", s)  # a comment may eat the ---
            if m is None or not m.group(1):
                rep.skip(n, "malformed verb block header (expected --- NAME [code] ---)")
                block = None
                continue
            try:
                code, rev = _parse_code(m.group(2) or NULL)
            except ValueError as err:
                rep.skip(n, f"block {m.group(1)}: {err}; block not coded by default")
                code, rev = None, None
            block = _Block(m.group(1), code, rev, n)
            result.blocks.append(block)
            continue
        if s.startswith("~"):
            rep.read += 1
            rep.unsupported["transformation (~ a (b . X) SAY = ...)"] += 1
            rep.skip(n, "unsupported: transformation (our patterns code one verb at a time)")
            continue
        if s.startswith("-"):
            rep.read += 1
            if block is None:
                rep.skip(n, "pattern outside a verb block")
                continue
            block.patterns.append((n, s[1:]))
            continue
        rep.read += 1
        if block is None:
            rep.skip(n, f"verb line outside a verb block: {s!r}")
            continue
        _verb_line(block, s, n, rep, seen_verbs)
    return result


def _verb_line(block: _Block, s: str, n: int, rep: FileReport, seen: dict[str, str]) -> None:
    """One verb (or multi-word verb) line: its lemma and its own code, if any."""
    code, rev = block.code, block.reverse
    if "[" in s:
        head, _, rest = s.partition("[")
        try:
            code, rev = _parse_code(rest.split("]", 1)[0])
        except ValueError as err:
            rep.skip(n, f"verb line: {err}")
            return
        s = head
    base = s.split("{", 1)[0].strip()
    if "{" in s:
        rep.notes["irregular verb forms {...} collapsed to the lemma"] += 1
    if not base:
        rep.skip(n, "verb line without a verb")
        return
    if "+" in base or "_" in base or " " in base:
        words = [w for w in re.split(r"[_\s]+", base) if w]
        plus = [i for i, w in enumerate(words) if w.startswith("+")]
        verb_at = plus[0] if plus else 0
        if verb_at != 0:
            rep.unsupported["multi-word verb with words before the verb (RE_+ARREST)"] += 1
            rep.skip(n, f"multi-word verb {base!r}: words before the verb are not supported")
            return
        words = [w.lstrip("+").lower() for w in words]
        if len(words) > 2:
            rep.unsupported["multi-word verb of three or more words"] += 1
            rep.skip(n, f"multi-word verb {base!r}: more than one word after the verb")
            return
        lemma = " ".join(words)
        if len(words) == 2 and words[1] not in PARTICLES:
            key = lemma
            if key in seen:
                rep.skip(n, f"verb {lemma!r} is already in block {seen[key]} (PETRARCH2 keeps the first)")
                return
            seen[key] = block.name
            block.noun_verbs.append((words[0], words[1], code, rev, n))
            rep.notes["multi-word verb whose second word is a noun (verb + object)"] += 1
            rep.imported += 1
            return
    else:
        lemma = base.lower()
    if lemma in seen:
        where = "this block" if seen[lemma] == block.name else f"block {seen[lemma]}"
        rep.skip(n, f"verb {lemma!r} is already in {where} (PETRARCH2 keeps the first)")
        return
    seen[lemma] = block.name
    block.verbs.append((lemma, code, rev, n))
    rep.imported += 1


@dataclass
class _Parsed:
    """A pattern's post-verb part in our terms."""

    particle: str | None = None
    obj: str | None = None
    preps: list[tuple[str, str | None]] = field(default_factory=list)  # (prep, object lemma or $set or None)
    source: str = "subject"
    target: str = "object"
    reduced: bool = False  # noun-phrase modifiers dropped


def _tokens(text: str) -> list[str]:
    """Split a pattern part into words, `{...}` noun phrases and `(...)` prepositional phrases."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "({":
            close = ")" if ch == "(" else "}"
            depth, j = 0, i
            while j < len(text):
                if text[j] == ch:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= len(text):
                raise ValueError(f"unbalanced {ch} in pattern")
            out.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "({":
            j += 1
        out.append(text[i:j])
        i = j
    return out


def _noun(tok: str, synsets: dict[str, str], parsed: _Parsed) -> str:
    """The head of a noun or `{MOD ... HEAD}` phrase: a lemma or a $wordset; modifiers are dropped."""
    if tok.startswith("{"):
        words = _tokens(tok[1:-1])
        if not words:
            raise ValueError("empty noun phrase {}")
        if len(words) > 1:
            parsed.reduced = True
        tok = words[-1]
    if tok.startswith("&"):
        name = tok[1:].rstrip("_")
        if name not in synsets:
            raise KeyError(f"undefined synset &{name}")
        return "$" + synsets[name]
    words = _words(tok).lower().split()
    if not words or not re.match(r"^[\w.'&-]+$", words[-1]):
        raise ValueError(f"unreadable word {tok!r}")
    if len(words) > 1:
        parsed.reduced = True
    return words[-1]


def _parse_post(tokens: list[str], synsets: dict[str, str]) -> _Parsed:
    """Map post-verb elements; raises NotImplementedError(construct) for what our patterns cannot say."""
    parsed = _Parsed()
    nouns: list[str] = []
    bare_preps: list[str] = []
    for k, tok in enumerate(tokens):
        low = tok.lower()
        if tok == "$":
            parsed.source = "object"
        elif tok == "+":
            parsed.target = "object"
        elif tok in ("^", "%") or "*" in tok:
            raise NotImplementedError(f"TABARI token {tok!r} (skip / compound marker)")
        elif tok.startswith("("):
            inner = _tokens(tok[1:-1])
            if not inner:
                raise ValueError("empty prepositional phrase ()")
            prep = inner[0].lower()
            if "/" in prep:
                raise NotImplementedError("alternative prepositions (BY/WITH)")
            if not re.match(r"^[a-z-]+$", prep):
                raise ValueError(f"unreadable preposition {inner[0]!r}")
            rest = inner[1:]
            if rest == ["$"]:
                parsed.source = f"prep:{prep}"
                parsed.preps.append((prep, None))
            elif rest == ["+"]:
                parsed.target = f"prep:{prep}"
                parsed.preps.append((prep, None))
            elif not rest:
                bare_preps.append(prep)
                parsed.preps.append((prep, None))
            elif len(rest) == 1 or (len(rest) == 2 and rest[1] in ("$", "+")):
                parsed.preps.append((prep, _noun(rest[0], synsets, parsed)))
                if len(rest) == 2:
                    raise NotImplementedError("actor marker after a noun inside a prepositional phrase")
            else:
                raise NotImplementedError("several nouns in one prepositional phrase")
        elif k == 0 and low in ADVERB_PARTICLES and not tok.startswith(("{", "&")):
            parsed.particle = low
        else:
            nouns.append(_noun(tok, synsets, parsed))
    if len(nouns) > 1:
        raise NotImplementedError("several bare post-verb words (TABARI word sequence; PETRARCH2 reads each as a "
                                  "separate noun phrase)")
    if nouns:
        parsed.obj = nouns[0]
    elif bare_preps and parsed.target == "object":
        parsed.target = f"prep:{bare_preps[0]}"  # "- * (TO)": the object of the preposition is the target
    return parsed


def convert_verbs(parsed_files: list[tuple[_Verbs, FileReport, dict[int, str]]]
                  ) -> tuple[dict[str, list[str]], list[dict[str, Any]], set[str]]:
    """Word sets and patterns for all verb files; returns also every event code used."""
    wordsets: dict[str, list[str]] = {}
    names: dict[str, str] = {}  # PETRARCH synset name -> our word set name
    for verbs, _, _ in parsed_files:
        for name in verbs.synsets:
            names.setdefault(name, _slug(name))
    for verbs, rep, _ in parsed_files:
        for name in verbs.synsets:
            expanded = _expand(name, verbs.synsets, set())
            slug = names[name]
            wordsets[slug] = sorted(set(wordsets.get(slug, [])) | set(expanded))
            multi = sum(" " in m for m in expanded)
            if multi:
                rep.notes["multi-word synset members (an object test sees the head word only)"] += multi
    patterns: list[dict[str, Any]] = []
    used: set[str] = set()
    for i, (verbs, rep, comments) in enumerate(parsed_files):
        prefix = f"f{i + 1}." if len(parsed_files) > 1 else ""
        for block in verbs.blocks:
            patterns.extend(_block_patterns(block, names, wordsets, rep, comments, used, prefix))
    return wordsets, patterns, used


def _expand(name: str, synsets: dict[str, list[str]], stack: set[str]) -> list[str]:
    """Members of a synset with embedded `&OTHER` synsets expanded (TABARI allowed them)."""
    out: list[str] = []
    for m in synsets.get(name, []):
        if m.startswith("&"):  # an embedded synset: TABARI allowed them, PETRARCH2 does not
            inner = m[1:]
            if inner in synsets and inner not in stack and inner != name:
                out.extend(_expand(inner, synsets, stack | {name}))
            continue
        out.append(m)
    return out


def _block_patterns(block: _Block, names: dict[str, str], wordsets: dict[str, list[str]], rep: FileReport,
                    comments: dict[int, str], used: set[str], prefix: str) -> list[dict[str, Any]]:
    """Our patterns for one verb block: one per verb code, plus the block's patterns over all its verbs."""
    base_id = prefix + _slug(block.name)
    lemmas = [v[0] for v in block.verbs]
    set_name = f"verbs_{base_id.replace('.', '_')}_{block.line}"
    if lemmas:
        wordsets[set_name] = lemmas
    mapped: list[tuple[tuple, dict[str, Any], bool, int]] = []
    vetoes: list[str] = []
    for line, raw in block.patterns:
        text = raw.strip()
        try:
            code, rev, parsed = _parse_pattern(text, names)
        except NotImplementedError as err:
            rep.unsupported[str(err)] += 1
            rep.skip(line, f"pattern {text!r}: unsupported: {err}")
            continue
        except (ValueError, KeyError) as err:
            rep.skip(line, f"pattern {text!r}: {err.args[0] if err.args else err}")
            continue
        if not lemmas:
            rep.skip(line, f"pattern {text!r}: its block has no verb the pattern can attach to")
            continue
        if code is None and rev is None:
            if parsed.obj and not parsed.preps and not parsed.particle and not parsed.reduced:
                vetoes.append(parsed.obj)
                rep.notes["non-coding [---] pattern imported as not_object of the verb's own code"] += 1
                rep.imported += 1
            else:
                rep.unsupported["non-coding [---] pattern with a preposition, particle or modifier"] += 1
                rep.skip(line, f"pattern {text!r}: unsupported: non-coding [---] pattern with a preposition, "
                               "particle or modifier (only a plain object can be excluded)")
            continue
        pattern: dict[str, Any] = {"id": f"{base_id}.{line}", "verb": f"${set_name}"}
        pattern.update(_coding(code, rev, parsed.source, parsed.target, used))
        if parsed.particle:
            pattern["particle"] = parsed.particle
        if parsed.obj:
            pattern["object"] = parsed.obj
        if parsed.preps:
            preps = dict(parsed.preps)
            pattern["prep"] = next(iter(preps)) if len(preps) == 1 and None in preps.values() else preps
        note = comments.get(line, "")
        pattern["note"] = f"{rep.name}:{line}" + (f" ({note})" if note else "")
        key = (pattern.get("particle"), pattern.get("object"), repr(pattern.get("prep")),
               pattern.get("source"), pattern.get("target"))
        mapped.append((key, pattern, parsed.reduced, line))
    out = _bare_patterns(block, base_id, vetoes, used, rep)
    return out + _resolve_duplicates(mapped, rep)


def _parse_pattern(text: str, synsets: dict[str, str]) -> tuple[str | None, str | None, _Parsed]:
    """`<pre> * <post> [code]` -> (code, reciprocal code, post-verb constraints and actor slots)."""
    m = re.match(r"^(.*)\[([^\]]*)\]\s*$", text)
    if m is None:
        raise ValueError("pattern without a [code]")
    body = m.group(1)
    code, rev = _parse_code(m.group(2))
    pre, star, post = body.partition("*")
    if not star:
        raise ValueError("pattern without * (the verb)")
    if "_*" in body or "*_" in body:
        raise NotImplementedError("words joined to the verb with _ (PETRARCH-1 consecutive words)")
    pre_tokens = _tokens(pre)
    parsed = _parse_post(_tokens(post), synsets)
    if pre_tokens == ["+"]:
        parsed.target = "subject"
    elif pre_tokens not in ([], ["$"]):
        raise NotImplementedError("pre-verb words (would constrain the subject)")
    if parsed.source == parsed.target:
        raise NotImplementedError("source and target marked in the same place")
    return code, rev, parsed


def _coding(code: str | None, rev: str | None, source: str, target: str, used: set[str]) -> dict[str, Any]:
    """`code`/`reverse`/`mutual` and actor slots for `[a]`, `[a:b]`, `[a:a]` and `[:b]`."""
    out: dict[str, Any] = {}
    if code is None:  # "[:b]": only the reciprocal event, target -> source
        code, rev, source, target = rev, None, target, source
    out["code"] = code
    used.add(code)
    if rev is not None:
        used.add(rev)
        if rev == code:
            out["mutual"] = True
        else:
            out["reverse"] = rev
    if source != "subject":
        out["source"] = source
    if target != "object":
        out["target"] = target
    return out


def _bare_patterns(block: _Block, base_id: str, vetoes: list[str], used: set[str], rep: FileReport
                   ) -> list[dict[str, Any]]:
    """A verb alone codes its own code (or the block's): one pattern per distinct code."""
    by_code: dict[tuple[str | None, str | None], list[str]] = defaultdict(list)
    for lemma, code, rev, _ in block.verbs:
        if code is not None or rev is not None:
            by_code[(code, rev)].append(lemma)
    out = []
    for (code, rev), lemmas in by_code.items():
        pattern: dict[str, Any] = {"id": f"{base_id}.{block.line}.{code or ''}{':' + rev if rev else ''}",
                                   "verb": lemmas}
        pattern.update(_coding(code, rev, "subject", "object", used))
        if vetoes:
            pattern["not_object"] = sorted(set(vetoes))
        pattern["note"] = f"{rep.name}:{block.line} (verb block {block.name})"
        out.append(pattern)
    for verb, obj, code, rev, line in block.noun_verbs:
        if code is None and rev is None:
            continue
        pattern = {"id": f"{base_id}.{line}", "verb": verb, "object": obj}
        pattern.update(_coding(code, rev, "subject", "object", used))
        pattern["note"] = f"{rep.name}:{line} (multi-word verb {verb} {obj})"
        out.append(pattern)
    return out


def _resolve_duplicates(mapped: list[tuple[tuple, dict[str, Any], bool, int]], rep: FileReport
                        ) -> list[dict[str, Any]]:
    """Patterns of one block that say the same thing in our terms: keep one, report the rest.

    PETRARCH2 stores patterns in a tree where a later identical pattern replaces the earlier, so the
    last exact duplicate wins. A pattern reduced by dropping noun-phrase modifiers yields to an exact one
    with the same constraints; reduced ones that disagree on the code are all dropped (the modifier was
    what told them apart).
    """
    groups: dict[tuple, list[tuple[dict[str, Any], bool, int]]] = defaultdict(list)
    for key, pattern, reduced, line in mapped:
        groups[key].append((pattern, reduced, line))
    keep: set[int] = set()
    for items in groups.values():
        exact = [it for it in items if not it[1]]
        if exact:
            winner = exact[-1]
            keep.add(winner[2])
            for pattern, reduced, line in items:
                if line == winner[2]:
                    continue
                why = ("a later identical pattern replaces it (PETRARCH2 keeps the last)" if not reduced else
                       "noun-phrase modifiers dropped, and a plain pattern has the same constraints")
                rep.skip(line, f"pattern {pattern['id']}: {why}")
        else:
            codes = {(p.get("code"), p.get("reverse"), p.get("mutual")) for p, _, _ in items}
            if len(codes) == 1:
                winner = items[-1]
                keep.add(winner[2])
                rep.notes["noun-phrase modifiers dropped ({ADJ HEAD} -> HEAD)"] += 1
                for pattern, _, line in items[:-1]:
                    rep.skip(line, f"pattern {pattern['id']}: same as a later one once modifiers are dropped")
            else:
                for pattern, _, line in items:
                    rep.unsupported["noun-phrase modifiers that distinguish patterns ({ARMS SHIPMENT} vs {RELIEF SHIPMENT})"] += 1
                    rep.skip(line, f"pattern {pattern['id']}: its noun-phrase modifiers are what tell it from "
                                   "another pattern; our object constraint tests the head word only")
    out = []
    for _, pattern, _, line in mapped:
        if line in keep:
            out.append(pattern)
            rep.imported += 1
    return out


# ------------------------------------------------------------------------------------------ discards
def read_discards(path: Path, rep: FileReport) -> list[dict[str, str]]:
    """One phrase a line; a leading `+` discards the whole story."""
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for n, text in _lines(path):
        s = text.strip()
        rep.read += 1
        scope = "story" if s.startswith("+") else "sentence"
        phrase = _words(s.lstrip("+")).lower()
        if not phrase:
            rep.skip(n, "discard without a phrase")
            continue
        if (phrase, scope) in seen:
            rep.skip(n, f"discard {phrase!r} listed twice")
            continue
        seen.add((phrase, scope))
        out.append({"phrase": phrase, "scope": scope})
        rep.imported += 1
    return out


# ------------------------------------------------------------------------------------------ issues
def _issue_forms(phrase: str) -> list[str]:
    """Expand `n:` (singular, plural), `v:` (verb forms) and `+` (space or hyphen), as PETRARCH does."""
    forms = [phrase]
    changed = True
    while changed:
        changed = False
        nxt: list[str] = []
        for form in forms:
            if "+" in form:
                nxt += [form.replace("+", " ", 1), form.replace("+", "-", 1)]
                changed = True
            elif "n:" in form:
                head, _, tail = form.partition("n:")
                word, sep, rest = tail.partition(" ")
                plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
                nxt += [head + word + sep + rest, head + plural + sep + rest]
                changed = True
            elif "v:" in form:
                head, _, tail = form.partition("v:")
                word, sep, rest = tail.partition(" ")
                stem = word[:-1] if word.endswith("e") else word
                past = word + "d" if word.endswith("e") else word + "ed"
                nxt += [head + w + sep + rest for w in (word, word + "s", past, stem + "ing")]
                changed = True
            else:
                nxt.append(form)
        forms = nxt
    return [" ".join(f.split()) for f in forms if f.strip()]


def read_issues(path: Path, rep: FileReport) -> list[dict[str, Any]]:
    """`<ISSUE CATEGORY=...>` blocks of `phrase [CODE]`; `~phrase` stops the block's issues."""
    phrases: dict[str, list[str]] = defaultdict(list)
    excludes: dict[str, list[str]] = defaultdict(list)
    block_codes: list[str] = []
    block_excludes: list[tuple[int, str]] = []

    def close_block() -> None:
        for _, phrase in block_excludes:
            for code in dict.fromkeys(block_codes):
                excludes[code].extend(_issue_forms(phrase))
        block_codes.clear()
        block_excludes.clear()

    for n, text in _lines(path):
        s = text.strip()
        if s.upper().startswith("<ISSUE"):
            close_block()
            continue
        if s.upper().startswith("</ISSUE"):
            close_block()
            continue
        rep.read += 1
        if s.startswith("~"):
            if s.startswith("~~"):
                rep.notes["story-level ~~ exclusion imported as an exclude phrase"] += 1
            phrase = s.lstrip("~").strip().lower()
            if phrase:
                block_excludes.append((n, phrase))
                rep.imported += 1
            else:
                rep.skip(n, "empty ~ exclusion")
            continue
        if "[" not in s or "]" not in s:
            rep.skip(n, "issue phrase without a [CODE]")
            continue
        phrase, _, rest = s.partition("[")
        code = rest.split("]", 1)[0].strip()
        if not re.match(r"^[A-Za-z0-9_]+$", code):
            rep.skip(n, f"malformed issue code [{code}]")
            continue
        phrase = phrase.strip().lower()
        if not phrase:
            rep.skip(n, "issue code without a phrase")
            continue
        phrases[code].extend(_issue_forms(phrase))
        block_codes.append(code)
        rep.imported += 1
    close_block()
    out = []
    for code in phrases:
        item: dict[str, Any] = {"theme": code, "phrases": list(dict.fromkeys(phrases[code]))}
        if excludes.get(code):
            item["exclude"] = list(dict.fromkeys(excludes[code]))
        out.append(item)
    return out


# ------------------------------------------------------------------------------------------ taxonomy
def _taxonomy_files(taxonomy: Path) -> tuple[Path, Path | None, Path | None]:
    """events.yaml, rules.yaml and agents.yaml (for role descriptions) of a codebook directory."""
    events, rules, agents = taxonomy / "events.yaml", taxonomy / "rules.yaml", taxonomy / "agents.yaml"
    manifest = taxonomy / MANIFEST
    if manifest.is_file():
        data = read_yaml(manifest)
        if isinstance(data, LineDict):
            ev = data.get("events")
            if isinstance(ev, list) and ev:
                ev = ev[0]
            if isinstance(ev, str):
                events = taxonomy / ev
            if isinstance(data.get("rules"), str):
                rules = taxonomy / data["rules"]
            ag = data.get("agents")
            if isinstance(ag, list) and ag and isinstance(ag[0], str):
                agents = taxonomy / ag[0]
    if not events.is_file():
        raise FileNotFoundError(f"{taxonomy}: no events file (events.yaml)")
    return events, (rules if rules.is_file() else None), (agents if agents.is_file() else None)


def _extra_event(code: str, events: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """An event entry for a code the taxonomy lacks: weights of its nearest ancestor, else neutral."""
    parent = next((code[:k] for k in range(len(code) - 1, 1, -1) if code[:k] in events), None)
    if parent is not None:
        quad, gold = events[parent]["quad_class"], events[parent]["goldstein"]
        how = f"quad class {quad} and Goldstein {gold} of {parent}"
    else:
        root = int(code[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 if root <= 20 else 1
        gold = 0.0
        how = f"no ancestor in the taxonomy: neutral Goldstein 0.0, quad class {quad}" + (
            "" if root <= 20 else " (assumed: not a CAMEO root)")
    name = f"Imported code {code} (not in the taxonomy)"
    return {"code": code, "root": code[:2], "quad_class": quad, "goldstein": gold, "name": name}, how


# ------------------------------------------------------------------------------------------ writing
_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _scalar(value: Any) -> str:
    """A YAML scalar: strings always double-quoted (codes keep leading zeros, `no`/`on` stay strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key not in _YAML_WORDS else json.dumps(key, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _yaml(data: dict[str, Any], one_line_items: bool = False) -> str:
    """Our files' shape: top-level keys whose values are scalars, flow lists, mappings or lists of mappings.

    Written by hand rather than with yaml.dump: PyYAML's representer took ~10 s for the Phoenix actors.
    `one_line_items` writes each item of a list as one flow mapping (events, discards).
    """
    out: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            out.append(f"{_key(key)}:")
            for item in value:
                if one_line_items:
                    out.append("  - " + _flow(item))
                    continue
                lines = [f"{_key(k)}: {_flow(v)}" for k, v in item.items()]
                out.append("  - " + lines[0])
                out.extend("    " + line for line in lines[1:])
        elif isinstance(value, dict) and value:
            out.append(f"{_key(key)}:")
            out.extend(f"  {_key(k)}: {_flow(v)}" for k, v in value.items())
        else:
            out.append(f"{_key(key)}: {_flow(value)}")
    return "\n".join(out) + "\n"


def _dump(path: Path, header: str, data: dict[str, Any], one_line_items: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    path.write_text(comment + _yaml(data, one_line_items), encoding="utf-8")


def _check_paths(output: Path, inputs: list[Path]) -> None:
    """Fail before writing anything: every input must exist, and `output` must not be someone's codebook."""
    missing = [str(p) for p in inputs if not p.is_file()]
    if missing:
        raise PetrarchImportError(f"no such file: {', '.join(missing)}")
    if output.exists() and not output.is_dir():
        raise PetrarchImportError(f"{output} exists and is not a directory")
    manifest = output / MANIFEST
    if manifest.is_file() and "Codebook written by `coder import-petrarch`" not in manifest.read_text(encoding="utf-8",
                                                                                                       errors="replace"):
        raise PetrarchImportError(f"{output} holds a codebook not written by import-petrarch; "
                                  "choose another output directory")


def import_petrarch(output: Path, verbs: list[Path] | None = None, actors: list[Path] | None = None,
                    agents: list[Path] | None = None, discards: list[Path] | None = None,
                    issues: list[Path] | None = None, taxonomy: Path | None = None) -> ImportReport:
    """Read PETRARCH dictionaries and write a complete codebook directory at `output`."""
    started = time.perf_counter()
    output = Path(output)
    report = ImportReport(output)
    _check_paths(output, [Path(p) for group in (verbs, actors, agents, discards, issues) for p in group or []])
    try:
        events_path, rules_path, agents_path = _taxonomy_files(Path(taxonomy) if taxonomy else DEFAULT_CODEBOOK)
    except (OSError, ValueError) as err:
        raise PetrarchImportError(f"--taxonomy: {err}") from err
    output.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"name": _slug(output.name) or "imported", "version": "imported",
                                "description": "", "events": "events.yaml"}
    sources: list[str] = []

    def new_report(path: Path, kind: str) -> FileReport:
        rep = FileReport(str(path), kind)
        report.files.append(rep)
        sources.append(f"{kind}: {Path(path).name}")
        return rep

    verb_files = [(read_verbs(Path(p), r := new_report(p, "verbs")), r, _raw_comment(Path(p))) for p in verbs or []]
    actor_files = [(read_actors(Path(p), r := new_report(p, "actors")), r) for p in actors or []]
    agent_files = [(read_agents(Path(p), r := new_report(p, "agents")), r) for p in agents or []]
    discard_lists = [read_discards(Path(p), new_report(p, "discards")) for p in discards or []]
    issue_lists = [read_issues(Path(p), new_report(p, "issues")) for p in issues or []]

    # events: the taxonomy plus any code the patterns use that it lacks
    try:
        tax = read_yaml(events_path)
    except YamlError as err:
        raise PetrarchImportError(f"--taxonomy: {err}") from err
    tax_events = [dict(e) for e in (tax.get("events") or [])] if isinstance(tax, dict) else []
    by_code = {str(e.get("code")): e for e in tax_events}
    wordsets, patterns, used = convert_verbs(verb_files) if verb_files else ({}, [], set())
    for code in sorted(used):
        for needed in ([code[:2]] if len(code) > 2 else []) + [code]:
            if needed not in by_code:
                entry, how = _extra_event(needed, by_code)
                by_code[needed] = entry
                tax_events.append(entry)
                report.extra_codes[needed] = how
    _dump(output / "events.yaml",
          f"Event taxonomy copied from {events_path}"
          + (f"\nplus {len(report.extra_codes)} code(s) the imported dictionaries use that it lacks (at the end)."
             if report.extra_codes else ""),
          {"events": tax_events}, one_line_items=True)
    if rules_path is not None:
        shutil.copyfile(rules_path, output / "rules.yaml")
        manifest["rules"] = "rules.yaml"

    if agent_files:
        known = {}
        if agents_path is not None:
            data = read_yaml(agents_path)
            if isinstance(data, dict) and isinstance(data.get("roles"), dict):
                known = {str(k): str(v) for k, v in data["roles"].items()}
        roles, groups = convert_agents(agent_files, known)
        _dump(output / "agents.yaml", "Role words imported from PETRARCH agents dictionaries.\n"
              "Compound codes (~GOVMIL) are kept as one compound role; XXX~ prefix codes became suffix roles.",
              {"roles": roles, "agents": groups})
        manifest["agents"] = ["agents.yaml"]
    if actor_files:
        files = []
        for i, records in enumerate(convert_actors(actor_files), start=1):
            name = f"actors/{i:02d}_{_slug(Path(actor_files[i - 1][1].path).stem)}.yaml"
            _dump(output / name, f"Actors imported from {actor_files[i - 1][1].name}.\n"
                  "Dated codes: the narrowest range containing the story date wins.", {"actors": records})
            files.append(name)
        manifest["actors"] = files
    if verb_files:
        _dump(output / "wordsets.yaml", "Synsets and verb-block verb lists imported from PETRARCH verbs.",
              {"wordsets": wordsets})
        _dump(output / "verbs" / "patterns.yaml", "Verb patterns imported from PETRARCH verbs dictionaries.\n"
              "Pattern ids are BLOCK.LINE of the source file; `note` names the source line.",
              {"patterns": patterns})
        manifest["wordsets"] = ["wordsets.yaml"]
        manifest["verbs"] = ["verbs/*.yaml"]
    if discard_lists:
        _dump(output / "discards.yaml", "Discards imported from PETRARCH.",
              {"discards": [d for lst in discard_lists for d in lst]}, one_line_items=True)
        manifest["discards"] = ["discards.yaml"]
    if issue_lists:
        _dump(output / "issues.yaml", "Issues imported from PETRARCH (themes are the issue codes).",
              {"issues": [i for lst in issue_lists for i in lst]})
        manifest["issues"] = ["issues.yaml"]
    manifest["description"] = "Imported from PETRARCH dictionaries: " + "; ".join(sources)
    _dump(output / MANIFEST, "Codebook written by `coder import-petrarch`.", manifest)
    report.seconds = time.perf_counter() - started
    (output / "IMPORT_REPORT.txt").write_text(report.full_text() + "\n", encoding="utf-8")
    return report
