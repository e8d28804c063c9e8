"""A corpus run's output that survives being killed: staged rows, a checkpoint, one atomic rename.

While a run codes, each completed batch's rows are appended to a staging file (`<output>.partial`;
for Parquet and Stata a JSON Lines `<output>.partial.jsonl`, converted at the end), its bad records
to `<errors>.partial`, and only after both are flushed and fsynced does `<output>.checkpoint.json`
(replaced atomically) record how many input records are done and how long each staging file was.
A resumed run truncates the staging files to those lengths and skips that many input records, so
whatever moment the process died at — even under `kill -9` — no row is lost or written twice. The
output file itself appears only by `os.replace` once every batch is in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from coder.output.writers import OutputError, write_rows, write_text_rows

CHECKPOINT_VERSION = 1


@dataclass
class Progress:
    """What the checkpoint says is done: input records consumed and running totals for the summary."""

    records: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"stories": 0, "sentences": 0, "events": 0, "errors": 0})


class ResumableOutput:
    """Staging files plus checkpoint for one run; `open()`, `commit()` per batch, then `finish()`."""

    def __init__(self, output: str | Path, fmt: str, errors: str | Path | None, settings: dict) -> None:
        self.output = Path(output)
        self.fmt = fmt
        self.errors = Path(errors) if errors is not None else None
        self.settings = settings  # what must match for a resume to be valid (inputs, fields, format, ...)
        self.text = fmt in ("csv", "tsv", "jsonl")
        self.staging = self.output.with_name(self.output.name + (".partial" if self.text else ".partial.jsonl"))
        self.errors_staging = self.errors.with_name(self.errors.name + ".partial") if self.errors else None
        self.checkpoint = self.output.with_name(self.output.name + ".checkpoint.json")
        self.progress = Progress()
        self.complete = False  # a resumed run that had already coded everything (only `finish()` was left)
        self._rows: IO[str] | None = None
        self._bad: IO[str] | None = None

    # -- start -------------------------------------------------------------------------------
    def open(self, state: dict | None) -> bool:
        """Start fresh, or continue from `state` (see `read_checkpoint`); True if continuing."""
        if state is None:
            self.checkpoint.unlink(missing_ok=True)  # first, so a crash below cannot pair it with new files
            for path in (self.staging, self.errors_staging):
                if path is not None:
                    open(path, "w").close()
            self._open_files()
            if self.fmt in ("csv", "tsv"):
                write_text_rows([], self._rows, self.fmt, header=True)
            self._sync_and_checkpoint(done=False)
            return False
        self.progress = Progress(state["records"], dict(state["counts"]))
        if state.get("done"):
            self.complete = True
            return True
        for path, length in ((self.staging, state["output_bytes"]), (self.errors_staging, state["errors_bytes"])):
            if path is None:
                continue
            if not path.exists() or path.stat().st_size < length:
                raise OutputError(f"{path} is missing or shorter than {self.checkpoint} records; "
                                  "cannot resume - run again without --resume")
            os.truncate(path, length)
        self._open_files()
        return True

    def read_checkpoint(self) -> dict | None:
        """The checkpoint of an interrupted run with the same settings; None if there is none."""
        if not self.checkpoint.exists():
            return None
        try:
            state = json.loads(self.checkpoint.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise OutputError(f"{self.checkpoint}: unreadable checkpoint ({err}); run again without --resume")
        if state.get("version") != CHECKPOINT_VERSION or state.get("settings") != self.settings:
            changed = sorted(k for k in set(self.settings) | set(state.get("settings", {}))
                             if self.settings.get(k) != state.get("settings", {}).get(k))
            raise OutputError(f"{self.checkpoint} was written by a run with other options "
                              f"({', '.join(changed) or 'version'}); run again without --resume to start over")
        return state

    def _open_files(self) -> None:
        self._rows = open(self.staging, "a", encoding="utf-8", newline="")
        if self.errors_staging is not None:
            self._bad = open(self.errors_staging, "a", encoding="utf-8", newline="")

    # -- per batch ---------------------------------------------------------------------------
    def commit(self, records: int, row_dicts: list[dict], bad: Iterable[dict], counts: dict[str, int]) -> None:
        """Make one finished batch durable: its rows, its bad records, then the checkpoint."""
        assert self._rows is not None, "open() first"
        write_text_rows(row_dicts, self._rows, self.fmt if self.text else "jsonl", header=False)
        if self._bad is not None:
            for record in bad:
                self._bad.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.progress.records += records
        for key, value in counts.items():
            self.progress.counts[key] += value
        self._sync_and_checkpoint(done=False)

    def _sync_and_checkpoint(self, done: bool) -> None:
        sizes = []
        for fh in (self._rows, self._bad):
            if fh is not None:
                fh.flush()
                os.fsync(fh.fileno())
            sizes.append(os.fstat(fh.fileno()).st_size if fh is not None else 0)
        state = {"version": CHECKPOINT_VERSION, "settings": self.settings, "records": self.progress.records,
                 "output_bytes": sizes[0], "errors_bytes": sizes[1], "counts": self.progress.counts, "done": done}
        tmp = self.checkpoint.with_name(self.checkpoint.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(state))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.checkpoint)

    # -- end ---------------------------------------------------------------------------------
    def finish(self) -> None:
        """Every batch is in: move the staged files into place, then drop the checkpoint.

        Marked `done` first, so a kill in between leaves a checkpoint whose resume only redoes this.
        """
        if self._rows is not None:
            self._sync_and_checkpoint(done=True)
            self.close()
        if self.errors_staging is not None and self.errors_staging.exists():
            os.replace(self.errors_staging, self.errors)
        if self.staging.exists():
            if self.text:
                os.replace(self.staging, self.output)
            else:
                with open(self.staging, encoding="utf-8") as fh:
                    write_rows((json.loads(line) for line in fh), self.output, self.fmt)
                self.staging.unlink()
        self.checkpoint.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the staging files, keeping them and the checkpoint for a later --resume."""
        for fh in (self._rows, self._bad):
            if fh is not None:
                fh.close()
        self._rows = self._bad = None
