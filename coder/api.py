"""The Python API for users who do not know spaCy.

    import coder
    events = coder.code_text("Russian troops attacked Ukraine.", date="2022-03-01")
    df = coder.code_frame(stories_df, text="text", date="date", id="id")

`Coder` holds one loaded pipeline (spaCy model + `event_coder` component); the module-level
functions share a default `Coder` built on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pandas as pd
from spacy.language import Language

import coder.component  # noqa: F401 - registers the "event_coder" factory
import coder.dateline  # noqa: F401 - registers the "dateline" component
from coder.corpus import BadRecord, Fields, Story, batches, code_stories, read_stories
from coder.events.record import Event
from coder.model import load_pipeline
from coder.output.rows import frame, one_a_day


class Coder:
    """A spaCy pipeline with the event coder, ready to code text, DataFrames and files."""

    def __init__(self, codebook: str | Path | None = None, model: str | None = None,
                 nlp: Language | None = None) -> None:
        # kept so worker processes can build the same Coder (coder.engines.local)
        self.codebook_path = str(codebook) if codebook else None
        self.model_name = model
        self.nlp_given = nlp is not None
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        if "dateline" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("dateline", before="parser")  # "BEIJING (Xinhua) --" parsed on its own
        if "event_coder" not in self.nlp.pipe_names:
            self.nlp.add_pipe("event_coder", config={"codebook": str(codebook) if codebook else ""})
        self.component = self.nlp.get_pipe("event_coder")
        self.component.codebook  # noqa: B018 - compile now: a bad codebook fails before any work

    @property
    def codebook(self):
        return self.component.codebook

    def code_text(self, text: str, date: Any = None, id: str = "") -> list[Event]:
        """Events of one story."""
        story = Story(str(id), "" if date is None else str(date), text, "text")
        return next(code_stories(self.nlp, [story]))[1]

    def code_frame(self, df: pd.DataFrame, text: str = "text", date: str | None = "date",
                   id: str | None = "id", one_per_day: bool = False) -> pd.DataFrame:
        """Event rows (the CLI's columns and dtypes) for a DataFrame of stories."""
        stories = []
        for n, record in enumerate(df.to_dict("records"), start=1):
            raw_date = record.get(date) if date else None
            if raw_date is not None and pd.isna(raw_date):
                raw_date = None
            stories.append(Story(str(record.get(id, n) if id else n), "" if raw_date is None else str(raw_date)[:10],
                                 str(record.get(text) or ""), f"row {n}"))
        return self._frame(stories, one_per_day)

    def code_file(self, path: str | Path | list[str | Path], fields: Fields = Fields(), date: str | None = None,
                  one_per_day: bool = False, n_process: int = 1, batch_size: int = 32) -> pd.DataFrame:
        """Event rows for corpus files, exactly the rows `coder code` writes; bad records are skipped
        (see `coder code --errors`)."""
        paths = [str(p) for p in path] if isinstance(path, list) else [str(path)]
        return self._frame(read_stories(paths, fields, date), one_per_day, n_process, batch_size)

    def _frame(self, stories: Iterable[Story | BadRecord], one_per_day: bool, n_process: int = 1,
               batch_size: int = 32) -> pd.DataFrame:
        from coder.engines.local import LocalEngine

        out: list[dict] = []
        with LocalEngine(self, n_process) as engine:
            for _, coded in engine.map(batches(stories, batch_size)):
                for story in coded:
                    out.extend(one_a_day(story.rows) if one_per_day else story.rows)
        return frame(out)


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT


def code_text(text: str, date: Any = None, id: str = "") -> list[Event]:
    return default_coder().code_text(text, date=date, id=id)


def code_frame(df: pd.DataFrame, text: str = "text", date: str | None = "date", id: str | None = "id") -> pd.DataFrame:
    return default_coder().code_frame(df, text=text, date=date, id=id)


def code_file(path: str | Path, **kwargs: Any) -> pd.DataFrame:
    return default_coder().code_file(path, **kwargs)
