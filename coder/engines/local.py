"""The local engine: code batches of stories in this process or in a pool of worker processes.

spaCy's own `nlp.pipe(n_process=N)` pickles every parsed Doc back to the parent; here each worker
loads the pipeline and codebook once (pool initializer) and returns only event rows, which measured
11-22 % faster (../shared/notes/performance.md). Batches are submitted in input order and their
results handed back in that same order, so the rows are identical for any number of processes.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from coder.corpus import BadRecord, Story, code_stories_counted
from coder.output.rows import rows

if TYPE_CHECKING:
    from coder.api import Coder

Batch = list[Story | BadRecord]  # consecutive input records, see coder.corpus.batches


@dataclass(frozen=True)
class Coded:
    """One story's result as it travels back from a worker: plain rows, no Doc."""

    story_id: str
    sentences: int
    rows: list[dict]


def code_batch(coder: "Coder", stories: list[Story]) -> list[Coded]:
    """Rows and sentence counts of `stories`, in order (the one place rows are made, for CLI and API)."""
    return [Coded(story.id, sentences, rows(events))
            for story, events, sentences in code_stories_counted(coder.nlp, stories, batch_size=max(1, len(stories)))]


# -- worker side -------------------------------------------------------------------------------
# With "fork" the parent's loaded Coder is inherited (copy-on-write), so workers start at once;
# with "spawn" each worker builds its own from the same codebook and model arguments.
_INHERITED: tuple[tuple[str, str], "Coder"] | None = None
_WORKER: "Coder | None" = None


def _key(codebook: str | Path | None, model: str | None) -> tuple[str, str]:
    return (str(codebook or ""), str(model or ""))


def _init_worker(codebook: str | None, model: str | None, parent: int) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (it keeps the checkpoint)
    _die_with_parent(parent)
    if _INHERITED is not None and _INHERITED[0] == _key(codebook, model):
        _WORKER = _INHERITED[1]
    else:
        from coder.api import Coder

        _WORKER = Coder(codebook=codebook, model=model)
    gc.freeze()  # a worker process is ours: see coder.cli.code


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a parent killed with SIGKILL (it would wait on its queue forever)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _work(stories: list[Story]) -> list[Coded]:
    assert _WORKER is not None, "worker not initialised"
    return code_batch(_WORKER, stories)


def _ready() -> bool:
    return _WORKER is not None


# -- parent side -------------------------------------------------------------------------------
class LocalEngine:
    """Codes batches with `n_process` processes (1: in this process, no pool); use as a context manager."""

    def __init__(self, coder: "Coder", n_process: int = 1, start_method: str | None = None) -> None:
        if n_process < 1:
            raise ValueError("n_process must be at least 1")
        self.coder = coder
        self.n_process = n_process
        self.start_method = start_method or ("fork" if sys.platform.startswith("linux") else "spawn")
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "LocalEngine":
        if self.n_process > 1:
            if self.coder.nlp_given and self.start_method != "fork":
                raise ValueError("a Coder built from an nlp object can only use worker processes with 'fork'")
            global _INHERITED
            _INHERITED = (_key(self.coder.codebook_path, self.coder.model_name), self.coder)
            self._pool = ProcessPoolExecutor(
                max_workers=self.n_process, mp_context=get_context(self.start_method), initializer=_init_worker,
                initargs=(self.coder.codebook_path, self.coder.model_name, os.getpid()))
            # start every worker now, before the caller opens threads (progress bar) that fork would copy,
            # and so a worker that cannot load the pipeline fails here rather than mid-corpus
            for f in [self._pool.submit(_ready) for _ in range(self.n_process)]:
                f.result()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)
            self._pool = None

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Coded]]]:
        """Each batch with its stories' results, in the order the batches came in."""
        if self._pool is None:
            for batch in batches:
                yield batch, code_batch(self.coder, _stories(batch))
            return
        window: deque[tuple[Batch, Future]] = deque()
        limit = 2 * self.n_process  # enough to keep every worker busy; bounded so a huge corpus is not read ahead
        for batch in batches:
            window.append((batch, self._pool.submit(_work, _stories(batch))))
            if len(window) >= limit:
                done, future = window.popleft()
                yield done, future.result()
        while window:
            done, future = window.popleft()
            yield done, future.result()


def _stories(batch: Batch) -> list[Story]:
    return [item for item in batch if not isinstance(item, BadRecord)]
