"""The Dask engine: code a corpus on a Dask cluster (a local one, or SLURM/PBS/cloud via a scheduler address).

The input is cut into partitions (each input file; large files in ranges of records), each partition is
coded on a worker and written as its own part file, atomically (temp file + `os.replace`), with a
`.done.json` marker written last. So a worker killed mid-partition loses nothing and duplicates nothing:
Dask re-runs the task elsewhere and the retry simply overwrites the same part. `--resume` skips partitions
whose marker exists. A final step concatenates the parts in partition order into the one file the local
engine writes (byte-identical for CSV/TSV/JSONL), or a directory of Parquet parts (`parquet-dir`).

Each worker process loads the spaCy pipeline and codebook once (a module-level cache keyed by
(codebook, model)); the pipeline is never shipped through the scheduler (~16 MB pickled). Local clusters
start without Dask's `MALLOC_TRIM_THRESHOLD_`, which cost spaCy ~20 % CPU
(../shared/notes/performance.md).
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import threading
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import pandas as pd

try:
    import dask
    from distributed import Client, LocalCluster, as_completed
except ImportError as _err:  # pragma: no cover - exercised without the extra installed
    raise ImportError('the Dask engine needs dask[distributed]: pip install -e ".[dask]"') from _err

from coder.corpus import BadRecord, Fields, InputError, Story, batches, input_kind, jsonl_record, read_stories
from coder.engines.local import code_batch
from coder.output.rows import frame, one_a_day as dedupe
from coder.output.writers import OutputError, write_rows, write_text_rows

if TYPE_CHECKING:
    import dask.dataframe as dd

    from coder.api import Coder

MANIFEST_VERSION = 1
DEFAULT_PARTITION_CAP = 1000  # records per partition at most, when --partition-size is not given


# -- worker side: one Coder per worker process ----------------------------------------------------
_CODERS: dict[tuple[str, str], "Coder"] = {}
_LOCK = threading.Lock()


def worker_coder(codebook: str | None = None, model: str | None = None) -> "Coder":
    """This process's Coder for (codebook, model), built on first use: loading costs ~1 s and 16 MB
    would have to be shipped per task otherwise."""
    key = (str(codebook or ""), str(model or ""))
    with _LOCK:  # threads_per_worker > 1 must not load it twice
        if key not in _CODERS:
            from coder.api import Coder

            _CODERS[key] = Coder(codebook=codebook, model=model)
        return _CODERS[key]


def worker_args(codebook: str | Path | None, model: str | None) -> tuple[str | None, str | None]:
    """(codebook, model) as workers must be given them: absolute paths, since a remote worker runs in
    another directory (a model name that is not a path stays a name); also the cache key, so use it
    for `preload` too."""
    book = str(Path(codebook).resolve()) if codebook else None
    if model and Path(model).exists():
        model = str(Path(model).resolve())
    return book, model


def preload(codebook: str | None = None, model: str | None = None) -> bool:
    """Load the Coder on a worker now (`client.run(preload, ...)`), returning nothing big: the Coder
    itself would be pickled back to the client."""
    worker_coder(codebook, model)
    return True


# -- Python API -----------------------------------------------------------------------------------
def _code_pandas(pdf: pd.DataFrame, text: str, date: str | None, id: str | None,
                 codebook: str | None, model: str | None) -> pd.DataFrame:
    if id is None or id not in pdf.columns:
        # ids must stay unique across partitions: use the row's index label (+1 for integer indexes,
        # which is what coder.code_frame gives a DataFrame with a default RangeIndex)
        ids = [str(i + 1) if isinstance(i, int) else str(i) for i in pdf.index]
        pdf = pdf.assign(__coder_id=ids)
        id = "__coder_id"
    return worker_coder(codebook, model).code_frame(pdf, text=text, date=date, id=id)


def code_dataframe(ddf: "dd.DataFrame", text: str = "text", date: str | None = "date", id: str | None = "id",
                   codebook: str | Path | None = None, model: str | None = None) -> "dd.DataFrame":
    """Event rows of a Dask DataFrame of stories, lazily: same columns and dtypes as `coder.code_frame`
    (codes are strings). Each worker loads the pipeline once; compute with any scheduler."""
    return ddf.map_partitions(_code_pandas, text=text, date=date, id=id,
                              codebook=str(codebook) if codebook else None, model=model,
                              meta=frame([]), align_dataframes=False)


# -- partitions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Part:
    """One unit of work: records [start, stop) of one input (or a list of .txt files)."""

    index: int
    path: str
    start: int = 0
    stop: int | None = None
    byte_start: int | None = None  # plain JSONL: read by seeking, not by skipping records
    byte_stop: int | None = None
    line: int = 0  # lines before byte_start (JSONL line numbers for the errors file)
    files: tuple[str, ...] = ()  # a chunk of a .txt directory


def plan_parts(inputs: list[str], fields: Fields, date: str | None, size: int | None,
               workers: int = 2) -> tuple[list[Part], int]:
    """Partitions of the inputs in input order, and the partition size used. Without `size`, about
    four partitions per worker (for balance), at most DEFAULT_PARTITION_CAP records each."""
    counts: dict[str, Any] = {}
    for path in inputs:
        if path == "-":
            raise InputError("--engine dask reads files on the workers; it cannot read stdin (write it to a file)")
        counts[path] = _scan(path, fields, date)
    total = sum(c[0] for c in counts.values())
    if size is None:
        size = max(1, min(DEFAULT_PARTITION_CAP, math.ceil(total / (4 * max(workers, 1)))))
    parts: list[Part] = []
    for path in inputs:
        n, extra = counts[path]
        if input_kind(path) == "txtdir":
            files = extra
            for i in range(0, max(len(files), 1), size):
                parts.append(Part(len(parts), path, i, i + size, files=tuple(files[i:i + size])))
        elif extra is not None:  # plain JSONL: (byte offset, lines before) of every record, end sentinel
            for i in range(0, max(n, 1), size):
                b0, l0 = extra[min(i, n)]
                b1, _ = extra[min(i + size, n)]
                parts.append(Part(len(parts), path, i, min(i + size, n), b0, b1, l0))
        elif n <= size:
            parts.append(Part(len(parts), path))
        else:
            for i in range(0, n, size):
                parts.append(Part(len(parts), path, i, i + size))
    return parts, size


def _scan(path: str, fields: Fields, date: str | None) -> tuple[int, Any]:
    kind = input_kind(path)
    if kind == "jsonl" and not path.endswith(".gz"):
        marks: list[tuple[int, int]] = []
        offset = lines = 0
        with open(path, "rb") as fh:
            for raw in fh:
                if raw.strip():
                    marks.append((offset, lines))
                offset += len(raw)
                lines += 1
        marks.append((offset, lines))
        return len(marks) - 1, marks
    if kind == "txtdir":
        files = [str(f) for f in sorted(Path(path).rglob("*.txt"))]
        return len(files), files
    if kind == "txt":
        return 1, None
    if kind == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows, None
    return sum(1 for _ in read_stories([path], fields, date)), None  # CSV/TSV/gzip: exact record count


def read_part(part: Part, fields: Fields, date: str | None, cwd: str | None = None) -> Iterator[Story | BadRecord]:
    """The records of one partition, exactly as `read_stories` gives them for the whole input.

    Relative paths are opened from `cwd` (the client's directory: a remote worker runs elsewhere) but
    reported in the errors file as given, as the local engine reports them."""
    names = list(part.files) or [part.path]
    opened = {str(Path(cwd) / n) if cwd and not Path(n).is_absolute() else n: n for n in names}
    if part.byte_start is not None:
        items = _jsonl_range(part, next(iter(opened)), fields, date)
    elif part.files:
        items = read_stories(list(opened), fields, date)
    else:
        items = islice(read_stories(list(opened), fields, date), part.start, part.stop)
    for item in items:
        if isinstance(item, BadRecord) and opened.get(item.file, item.file) != item.file:
            item = replace(item, file=opened[item.file])
        yield item


def _jsonl_range(part: Part, opened: str, fields: Fields, default_date: str | None) -> Iterator[Story | BadRecord]:
    # the same line reader as coder.corpus, but seeking to the partition instead of reading earlier lines
    assert part.byte_start is not None and part.byte_stop is not None
    with open(opened, "rb") as fh:
        fh.seek(part.byte_start)
        pos, line_no = part.byte_start, part.line
        while pos < part.byte_stop:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            line_no += 1
            item = jsonl_record(part.path, line_no, raw, fields, default_date)
            if item is not None:
                yield item


# -- one partition, on a worker ---------------------------------------------------------------------
@dataclass(frozen=True)
class Job:
    """What every partition task needs besides its Part (small; sent with each task)."""

    staging: str
    part_format: str  # csv, tsv, jsonl (text parts, concatenated) or parquet
    fields: Fields = field(default_factory=Fields)
    date: str | None = None
    codebook: str | None = None
    model: str | None = None
    one_a_day: bool = False
    batch_size: int = 32
    cwd: str | None = None  # where relative input paths are, for workers that run elsewhere


def _names(staging: Path, index: int, part_format: str) -> tuple[Path, Path, Path]:
    stem = staging / f"part-{index:05d}"
    ext = "parquet" if part_format == "parquet" else part_format
    return stem.with_suffix(f".{ext}"), stem.with_suffix(".errors.jsonl"), stem.with_suffix(".done.json")


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    # a unique temp name per attempt: a retried task may overlap a presumed-dead one
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def code_part(part: Part, job: Job) -> dict[str, int]:
    """Code one partition and write its rows, bad records and (last) its done marker; returns counts."""
    coder = worker_coder(job.codebook, job.model)
    out_rows: list[dict] = []
    bad: list[dict] = []
    counts = {"records": 0, "stories": 0, "sentences": 0, "events": 0, "errors": 0}
    for batch in batches(read_part(part, job.fields, job.date, job.cwd), job.batch_size):
        stories = [item for item in batch if not isinstance(item, BadRecord)]
        coded = code_batch(coder, stories) if stories else []
        for story in coded:
            out_rows.extend(dedupe(story.rows) if job.one_a_day else story.rows)
        bad.extend(item.to_dict() for item in batch if isinstance(item, BadRecord))
        counts["records"] += len(batch)
        counts["stories"] += len(coded)
        counts["sentences"] += sum(story.sentences for story in coded)
    counts["events"], counts["errors"] = len(out_rows), len(bad)
    rows_path, errors_path, done_path = _names(Path(job.staging), part.index, job.part_format)

    def write_part_rows(tmp: Path) -> None:
        if job.part_format == "parquet":
            frame(out_rows).to_parquet(tmp, index=False)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                write_text_rows(out_rows, fh, job.part_format, header=False)

    def write_bad(tmp: Path) -> None:
        tmp.write_text("".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bad), encoding="utf-8")

    _atomic(rows_path, write_part_rows)
    _atomic(errors_path, write_bad)
    _atomic(done_path, lambda tmp: tmp.write_text(json.dumps(counts), encoding="utf-8"))  # last: the part is whole
    return counts


# -- the cluster ---------------------------------------------------------------------------------
@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a new LocalCluster of `workers` single-threaded
    processes started without MALLOC_TRIM_THRESHOLD_ (20 % faster spaCy)."""
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    # None unsets a variable (distributed's documented override); nannies read this when they are made
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, processes=True, threads_per_worker=1,
                               dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def worker_count(client: Client) -> int:
    return len(client.scheduler_info().get("workers", {}))


# -- a whole corpus run (the CLI's `--engine dask`) ---------------------------------------------------
def staging_dir(output: str | Path) -> Path:
    output = Path(output)
    return output.with_name(output.name + ".parts")


def code_files(client: Client, inputs: list[str], output: str | Path, fmt: str, *, fields: Fields = Fields(),
               date: str | None = None, errors: str | Path | None = None, codebook: str | Path | None = None,
               model: str | None = None, one_a_day: bool = False, batch_size: int = 32,
               partition_size: int | None = None, resume: bool = False, settings: dict | None = None,
               on_part: Callable[[int, dict[str, int], list[dict]], None] | None = None) -> dict[str, int]:
    """Code `inputs` on the cluster into `output` (csv, tsv, jsonl, parquet, dta or parquet-dir) and
    `errors`; the same rows, in the same order, as the local engine. Returns the summary counts.

    `on_part(index, counts, bad_records)` is called in the client as each partition finishes. Part files
    stay in `<output>.parts/` until the final merge, so an interrupted run continues with `resume=True`.
    """
    staging = staging_dir(output)
    settings = dict(settings or {})
    manifest_path = staging / "manifest.json"
    manifest = _read_manifest(manifest_path, settings) if resume else None
    if manifest is None:
        if staging.exists():
            shutil.rmtree(staging)
        parts, size = plan_parts(inputs, fields, date, partition_size, max(worker_count(client), 1))
        staging.mkdir(parents=True)
        manifest = {"version": MANIFEST_VERSION, "settings": settings, "partition_size": size,
                    "parts": [asdict(p) for p in parts]}
        _atomic(manifest_path, lambda tmp: tmp.write_text(json.dumps(manifest), encoding="utf-8"))
    parts = [Part(**{**p, "files": tuple(p["files"])}) for p in manifest["parts"]]
    # text formats concatenate their parts byte for byte; Parquet parts are Parquet; Stata goes via JSONL
    part_format = fmt if fmt in ("csv", "tsv", "jsonl") else "parquet" if fmt.startswith("parquet") else "jsonl"
    codebook, model = worker_args(codebook, model)
    job = Job(str(staging.resolve()), part_format, fields, date, codebook, model, one_a_day, batch_size, os.getcwd())
    todo = [p for p in parts if not _names(staging, p.index, part_format)[2].exists()]
    if todo:
        token = uuid.uuid4().hex[:8]
        futures = [client.submit(code_part, p, job, key=f"coder-part-{p.index:05d}-{token}", pure=False)
                   for p in todo]
        by_key = {f.key: p for f, p in zip(futures, todo)}
        try:
            for future in as_completed(futures):
                counts = future.result()  # a task that raised re-raises here; finished parts are kept
                if on_part is not None:
                    index = by_key[future.key].index
                    on_part(index, counts, _read_bad(staging, index, part_format))
        finally:
            client.cancel([f for f in futures if not f.done()])
    return merge(staging, parts, output, fmt, errors, part_format)


def _read_manifest(path: Path, settings: dict) -> dict | None:
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise OutputError(f"{path}: unreadable ({err}); run again without --resume")
    if manifest.get("version") != MANIFEST_VERSION or manifest.get("settings") != settings:
        old = manifest.get("settings", {})
        changed = sorted(k for k in set(settings) | set(old) if settings.get(k) != old.get(k))
        raise OutputError(f"{path} was written by a run with other options ({', '.join(changed) or 'version'}); "
                          "run again without --resume to start over")
    return manifest


def _read_bad(staging: Path, index: int, part_format: str) -> list[dict]:
    text = _names(staging, index, part_format)[1].read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def merge(staging: Path, parts: list[Part], output: str | Path, fmt: str, errors: str | Path | None,
          part_format: str) -> dict[str, int]:
    """Concatenate every part, in partition order, into the output (and errors) file; atomic; then
    remove the parts. Re-running it after a kill is safe: the parts stay until the very end."""
    output = Path(output)
    names = [_names(staging, p.index, part_format) for p in parts]
    missing = [str(done) for _, _, done in names if not done.exists()]
    if missing:
        raise OutputError(f"{len(missing)} partitions are not finished (e.g. {missing[0]})")
    counts = {"records": 0, "stories": 0, "sentences": 0, "events": 0, "errors": 0}
    for _, _, done in names:
        for key, value in json.loads(done.read_text(encoding="utf-8")).items():
            counts[key] = counts.get(key, 0) + value
    if fmt in ("csv", "tsv", "jsonl"):
        def concat(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                if fmt != "jsonl":
                    write_text_rows([], fh, fmt, header=True)
                fh.flush()
                for rows_path, _, _ in names:
                    with open(rows_path, "r", encoding="utf-8", newline="") as part:
                        shutil.copyfileobj(part, fh)

        _atomic(output, concat)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        def concat_parquet(tmp: Path) -> None:
            schema = pq.read_schema(names[0][0]) if names else None
            with pq.ParquetWriter(tmp, schema or _empty_schema()) as writer:
                for rows_path, _, _ in names:
                    writer.write_table(pq.read_table(rows_path, schema=schema))

        _atomic(output, concat_parquet)
    elif fmt == "parquet-dir":
        _publish_dir(output, [rows_path for rows_path, _, _ in names])
    else:  # dta: through the local engine's writer, from the JSONL parts
        def all_rows() -> Iterator[dict]:
            for rows_path, _, _ in names:
                with open(rows_path, encoding="utf-8") as fh:
                    yield from (json.loads(line) for line in fh)

        write_rows(all_rows(), output, fmt)
    if errors is not None:
        def concat_errors(tmp: Path) -> None:
            with open(tmp, "wb") as fh:
                for _, errors_path, _ in names:
                    with open(errors_path, "rb") as part:
                        shutil.copyfileobj(part, fh)

        _atomic(Path(errors), concat_errors)
    shutil.rmtree(staging)
    return counts


def _empty_schema():
    import pyarrow as pa

    return pa.Schema.from_pandas(frame([]), preserve_index=False)


def _publish_dir(output: Path, part_files: list[Path]) -> None:
    """A directory of Parquet parts that replaces `output` in one rename (an old one only if it holds
    nothing but our parts)."""
    if output.exists():
        if not output.is_dir() or any(not f.name.startswith("part-") for f in output.iterdir()):
            raise OutputError(f"{output} exists and is not a parquet-dir output of this tool; remove it first")
    partial = output.with_name(output.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir()
    for i, src in enumerate(part_files):
        dst = partial / f"part-{i:05d}.parquet"
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
    if output.exists():
        shutil.rmtree(output)
    os.replace(partial, output)


__all__ = ["code_dataframe", "code_files", "connect", "worker_coder", "worker_args", "preload", "plan_parts", "read_part", "code_part",
           "merge", "Part", "Job"]
