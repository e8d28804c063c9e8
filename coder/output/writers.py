"""Writing event rows as CSV, TSV, JSON Lines, Parquet or Stata, always atomically.

Each writer writes to `<output>.partial` and renames it into place only when complete, so a crash
never leaves a file that looks finished. CSV quotes every string field (RFC 4180), so R's
`read.csv(colClasses = "character")`, readr and Stata's `import delimited, stringcols(_all)` keep
`042` as text.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Iterable

from coder.output.rows import COLUMN_NAMES, STRING_COLUMNS, frame

FORMATS = ("csv", "tsv", "jsonl", "parquet", "dta")


class OutputError(Exception):
    pass


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The output format: `explicit`, else from the file extension."""
    if explicit:
        if explicit not in FORMATS:
            raise OutputError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit
    name = str(path).lower()
    for ext, fmt in ((".csv", "csv"), (".tsv", "tsv"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                     (".parquet", "parquet"), (".pq", "parquet"), (".dta", "dta")):
        if name.endswith(ext):
            return fmt
    raise OutputError(f"cannot tell the format of {path}; use --format ({', '.join(FORMATS)})")


def check_writable(path: str | Path) -> None:
    """Fail before any work if the output cannot be created (a probe file, since `os.access` says
    yes to root on a read-only mount)."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"output directory {parent} does not exist")
    if target.is_dir():
        raise OutputError(f"output {target} is a directory; give a file name")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"output directory {parent} is not writable")
    probe = parent / f".{target.name}.{os.getpid()}.probe"
    try:
        probe.touch()
        probe.unlink()
    except OSError as err:
        raise OutputError(f"cannot write in {parent}: {err.strerror}") from None


def stata_names(columns: list[str]) -> dict[str, str]:
    """Stata-safe variable names (<= 32 chars, letters/digits/underscore)."""
    out = {}
    for c in columns:
        safe = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in c)[:32]
        out[c] = safe
    return out


def write_rows(row_dicts: Iterable[dict], path: str | Path, fmt: str) -> int:
    """Write all rows to `path` in `fmt` atomically; returns the number of rows."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    count = 0
    if fmt in ("csv", "tsv", "jsonl"):
        with open(partial, "w", encoding="utf-8", newline="") as fh:
            count = write_text_rows(row_dicts, fh, fmt, header=True)
            fh.flush()
            os.fsync(fh.fileno())
    else:
        df = frame(list(row_dicts))
        count = len(df)
        if fmt == "parquet":
            df.to_parquet(partial, index=False)
        elif fmt == "dta":
            out = df.rename(columns=stata_names(list(df.columns)))
            for col in STRING_COLUMNS:
                out[col] = out[col].astype(object)
            out.to_stata(partial, write_index=False, version=118)
        else:
            raise OutputError(f"unknown format {fmt!r}")
    os.replace(partial, path)
    return count


def write_text_rows(row_dicts: Iterable[dict], fh, fmt: str, header: bool) -> int:
    """Append rows to an open text file (used by resumable runs too)."""
    count = 0
    if fmt == "jsonl":
        for row in row_dicts:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(fh, fieldnames=COLUMN_NAMES, delimiter="," if fmt == "csv" else "\t",
                            quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    for row in row_dicts:
        writer.writerow(row)
        count += 1
    return count
