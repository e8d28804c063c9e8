"""Dask engine throughput: `coder code --n-process 2` vs `coder code --engine dask --workers 2`.

Both code the same corpus (sentences from ../shared/reference/conflibert/cameo_train.jsonl when present,
else the fixture corpus repeated; 8 sentences a story) in a fresh process each, and are timed by the
command's summary line, which excludes loading the model (and, for Dask, starting the local cluster and
loading the pipeline on every worker); the wall clock of the whole command is printed too. Best of
--repeats interleaved runs. Target (2 cores): dask / local >= 0.8 on coding time; the point of the Dask
engine is that it scales past one machine (README: "Scaling out with Dask").
Usage: python benchmarks/dask_throughput.py [--sentences 4000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO.parent / "shared" / "reference" / "conflibert" / "cameo_train.jsonl"
SUMMARY = re.compile(r"stories (\d+), sentences (\d+), events (\d+), errors (\d+), elapsed ([\d.]+) s")


def texts(n: int) -> list[str]:
    """n sentences: the ConfliBERT training sentences when present, else the fixture stories."""
    source = TRAIN if TRAIN.exists() else REPO / "fixtures" / "sample_corpus.jsonl"
    pool = [json.loads(line)["text"].strip() for line in source.open(encoding="utf-8") if line.strip()]
    pool = [t for t in pool if t]
    return [pool[i % len(pool)] for i in range(n)]


def write_corpus(sentences: list[str], path: Path, per_story: int = 8) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(0, len(sentences), per_story):
            story = {"id": f"b{i // per_story:05d}", "date": "2022-06-08", "text": " ".join(sentences[i:i + per_story])}
            fh.write(json.dumps(story) + "\n")


def run(corpus: Path, out: Path, engine_args: list[str]) -> tuple[float, float, int, int]:
    """(coding seconds from the summary line, wall seconds, sentences, events) of one fresh `coder code`."""
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "coder", "code", str(corpus), "-o", str(out), *engine_args],
                            capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - t0
    m = SUMMARY.search(result.stderr)
    if result.returncode != 0 or m is None:
        sys.exit(f"coder code {' '.join(engine_args)} failed:\n{result.stderr[-3000:]}")
    return float(m.group(5)), wall, int(m.group(2)), int(m.group(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=4000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.sentences < 2000:
        parser.error("use at least 2,000 sentences")
    configs = {"local --n-process 2": ["--n-process", "2"], "dask --workers 2": ["--engine", "dask", "--workers", "2"]}
    best: dict[str, tuple[float, float, int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(texts(args.sentences), corpus)
        outputs = {}
        for _ in range(args.repeats):
            for name, extra in configs.items():
                out = Path(tmp) / f"{name.split()[0]}.csv"
                result = run(corpus, out, extra)
                outputs[name] = out.read_bytes()
                if name not in best or result[0] < best[name][0]:
                    best[name] = result
        same = len(set(outputs.values())) == 1
    print(f"corpus: {args.sentences} input sentences ({'ConfliBERT train' if TRAIN.exists() else 'fixtures'}), "
          f"8 a story; best of {args.repeats}")
    for name, (coding, wall, sentences, events) in best.items():
        print(f"{name:22} {sentences / coding:7.1f} sentences/s coding ({coding:.2f} s); "
              f"{sentences / wall:7.1f} sentences/s wall clock ({wall:.2f} s incl. start-up); "
              f"{sentences} sentences, {events} events")
    local, dask = best["local --n-process 2"], best["dask --workers 2"]
    ratio = local[0] / dask[0]
    print(f"dask / local: {ratio:.2f} coding (target >= 0.8: {'met' if ratio >= 0.8 else 'NOT met'}); "
          f"{local[1] / dask[1]:.2f} wall clock; identical output files: {same}")


if __name__ == "__main__":
    main()
