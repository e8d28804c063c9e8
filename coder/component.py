"""The `event_coder` spaCy pipeline component.

    nlp = spacy.load("en_core_web_sm", exclude=["ner"])
    nlp.add_pipe("event_coder", config={"codebook": "codebooks/cameo"})
    doc = nlp.make_doc(text); doc._.story_date = "2022-06-08"; doc = nlp(doc)
    doc._.events            # list[Event]; per sentence: sent._.events

Like spaCy's EntityRuler, the component compiles its data (here, a codebook directory) once, and
`to_disk` copies that data into the saved pipeline so `spacy.load` restores it anywhere. Events are
stored as plain dicts in `doc.user_data`, which survives `nlp.pipe(..., n_process=N)`.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from coder import dateline as _dateline  # noqa: F401 - registers "dateline": saved pipelines load with one import
from coder.codebook.loader import MANIFEST, find_codebook_dir, load_codebook
from coder.codebook.schema import UNKNOWN_COUNTRY, Codebook
from coder.events.extract import Considered, StoryCoder, Trace
from coder.events.record import Event
from coder.events.rules import RuleBook
from coder.match.actors import ActorIndex
from coder.match.lemmas import irregular_verbs
from coder.match.verbs import VerbIndex

log = logging.getLogger(__name__)

EVENTS_KEY = "event_coder.events"
ERROR_KEY = "event_coder.error"


def _doc_events(doc: Doc) -> list[Event]:
    return [Event.from_dict(d) for d in doc.user_data.get(EVENTS_KEY, [])]


def _span_events(span: Span) -> list[Event]:
    """Events of the sentence(s) this span covers."""
    doc = span.doc
    numbers = {i for i, s in enumerate(doc.sents, start=1) if s.start < span.end and span.start < s.end}
    return [e for e in _doc_events(doc) if e.sentence_no in numbers]


def register_extensions() -> None:
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=_doc_events)
    if not Span.has_extension("events"):
        Span.set_extension("events", getter=_span_events)
    if not Doc.has_extension("story_date"):
        Doc.set_extension("story_date", default=None)
    if not Doc.has_extension("story_id"):
        Doc.set_extension("story_id", default="")
    if not Doc.has_extension("issues"):
        Doc.set_extension("issues", default=None)
    if not Doc.has_extension("coder_error"):
        Doc.set_extension("coder_error", getter=lambda doc: doc.user_data.get(ERROR_KEY, ""))


register_extensions()


def parse_date(value: Any) -> dt.date | None:
    """A story date from a date, datetime, or string (YYYY-MM-DD, YYYYMMDD); None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return dt.date.fromisoformat(text[:10])


class EventCoder:
    """Pipeline component: codes CAMEO events into `doc._.events`."""

    def __init__(self, nlp: Language, name: str = "event_coder", codebook: str = "",
                 unknown_country: str = UNKNOWN_COUNTRY, code_issues: bool = True) -> None:
        self.nlp = nlp
        self.name = name
        self.codebook_path = codebook
        self.unknown_country = unknown_country
        self.code_issues = code_issues
        self._compiled: tuple[Codebook, StoryCoder, PhraseMatcher, PhraseMatcher] | None = None
        if (find_codebook_dir(codebook or None) / MANIFEST).is_file():
            self._compile()  # a broken codebook fails here, before any story is read
        # else: spacy.load() builds the component before from_disk() restores the saved codebook;
        # a path that is still missing fails on first use (and `coder` checks it up front)

    # -- compile -----------------------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None) -> None:
        self._compile()

    def _compile(self, directory: Path | None = None) -> tuple[Codebook, StoryCoder, PhraseMatcher, PhraseMatcher]:
        if self._compiled is None or directory is not None:
            book = load_codebook(directory or find_codebook_dir(self.codebook_path or None))
            discards = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            scopes: dict[int, str] = {}
            for scope in ("sentence", "story"):
                phrases = [d.phrase for d in book.discards if d.scope == scope]
                if phrases:
                    discards.add(f"DISCARD_{scope}", [self.nlp.make_doc(p) for p in phrases])
                    scopes[self.nlp.vocab.strings[f"DISCARD_{scope}"]] = scope
            issues = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            for issue in book.issues:
                issues.add(f"ISSUE|{'-' if issue.negative else '+'}|{issue.theme}", [self.nlp.make_doc(issue.phrase)])
            coder = StoryCoder(book, ActorIndex(self.nlp, book), VerbIndex(book.patterns), RuleBook(book.rules),
                               self.unknown_country, irregular_verbs(self.nlp))
            self._compiled = (book, coder, discards, issues)
        return self._compiled

    @property
    def codebook(self) -> Codebook:
        return self._compile()[0]

    @property
    def story_coder(self) -> StoryCoder:
        """The compiled matchers and rules (for tools such as `coder codebook coverage`)."""
        return self._compile()[1]

    # -- call --------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        try:
            self._code(doc, None)
        except Exception as err:  # a story must never take the pipeline down
            log.warning("event_coder: story %r not coded: %s", doc._.story_id, err)
            doc.user_data[EVENTS_KEY] = []
            doc.user_data[ERROR_KEY] = f"{type(err).__name__}: {err}"
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def trace(self, doc: Doc) -> Trace:
        """Code `doc` again and return what was considered (for `coder explain`)."""
        trace = Trace()
        self._code(doc, trace)
        return trace

    def _code(self, doc: Doc, trace: Trace | None) -> None:
        book, coder, discards, issues = self._compile()
        try:
            day = parse_date(doc._.story_date)
        except ValueError:
            day = None
        sentence_vetoes: list[tuple[int, int]] = []
        story_veto = False
        for key, start, end in discards(doc):
            if self.nlp.vocab.strings[key] == "DISCARD_story":
                story_veto = True
            else:
                sentence_vetoes.append((start, end))
        if self.code_issues and len(issues):
            themes: dict[str, int] = {}
            blocked: set[str] = set()
            for key, _, _ in issues(doc):
                _, sign, theme = self.nlp.vocab.strings[key].split("|", 2)
                if sign == "-":
                    blocked.add(theme)
                else:
                    themes[theme] = themes.get(theme, 0) + 1
            doc._.issues = {t: n for t, n in themes.items() if t not in blocked}
        if story_veto:
            doc.user_data[EVENTS_KEY] = []
            if trace is not None:
                trace.considered.append(Considered(0, "", "", "story discarded"))
            return
        events = coder.code(doc, day, str(doc._.story_id or ""), trace, frozenset(s for s, _ in sentence_vetoes))
        doc.user_data[EVENTS_KEY] = [e.to_dict() for e in events]

    # -- serialisation -----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        """Save the codebook with the pipeline, so the saved pipeline codes the same anywhere."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        book = self.codebook
        target = path / "codebook"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(book.directory, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        srsly.write_json(path / "cfg.json", {"unknown_country": self.unknown_country,
                                             "code_issues": self.code_issues})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "EventCoder":
        path = Path(path)
        cfg = srsly.read_json(path / "cfg.json") if (path / "cfg.json").exists() else {}
        self.unknown_country = cfg.get("unknown_country", self.unknown_country)
        self.code_issues = cfg.get("code_issues", self.code_issues)
        if (path / "codebook" / MANIFEST).exists():
            self._compiled = None
            self._compile(path / "codebook")
        return self


@Language.factory(
    "event_coder",
    default_config={"codebook": "", "unknown_country": UNKNOWN_COUNTRY, "code_issues": True},
    assigns=["doc._.events", "doc._.issues"],
    requires=["token.lemma", "token.dep", "token.pos", "doc.sents"],
)
def make_event_coder(nlp: Language, name: str, codebook: str, unknown_country: str,
                     code_issues: bool) -> EventCoder:
    """Factory: `nlp.add_pipe("event_coder", config={"codebook": "path/to/codebook"})`."""
    return EventCoder(nlp, name, codebook, unknown_country, code_issues)
