"""Corpus throughput: spaCy alone vs. `coder code` end to end with 1 and 2 processes.

Codes news-style stories (sentences from ../shared/reference when present, else the fixture corpus
repeated, grouped into articles of 8 sentences) and prints sentences/s for:
  - the spaCy pipeline alone (same model, NER excluded, no event_coder): `nlp.pipe` over the stories;
  - `coder code` with --n-process 1 and --n-process 2, writing CSV.
Each runs in a fresh process, so all three pay the same first-pass costs (a process's first pass over
a corpus is ~15 % slower: the vocabulary grows, buffers are allocated) and none counts the model load;
`coder code` is timed by its summary line (reading, coding, writing), and also by the wall clock of
the whole command. Best of --repeats interleaved runs, so noise from other work on the machine hits
all three alike. Targets (2 cores): n=1 >= 0.85 x spaCy; n=2 >= 1.6 x n=1.
Usage: python benchmarks/throughput.py [--sentences 4000] [--repeats 3]
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

from coder.model import load_pipeline

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "reference"
SUMMARY = re.compile(r"stories (\d+), sentences (\d+), events (\d+), errors (\d+), elapsed ([\d.]+) s "
                     r"\(\+([\d.]+) s loading")


def sentences(n: int) -> list[str]:
    texts: list[str] = []
    for path in (SHARED / "conflibert" / "cameo_train.jsonl", SHARED / "plover" / "cameo_examples.jsonl",
                 SHARED / "petrarch2" / "gigaword_gsr.jsonl"):
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    if not texts:
        texts = [json.loads(line)["text"] for line in (REPO / "fixtures" / "sample_corpus.jsonl").open()]
    out: list[str] = []
    while len(out) < n:
        out.extend(t.strip() for t in texts if t.strip())
    return out[:n]


def write_corpus(texts: list[str], path: Path, per_story: int = 8) -> int:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(0, len(texts), per_story):
            story = {"id": f"b{i // per_story:05d}", "date": "2022-06-08", "text": " ".join(texts[i:i + per_story])}
            fh.write(json.dumps(story) + "\n")
    return (len(texts) + per_story - 1) // per_story


def spacy_alone(corpus: Path) -> tuple[float, int]:
    """(seconds, sentences) of `nlp.pipe` over the corpus in a fresh process."""
    result = subprocess.run([sys.executable, __file__, "--spacy-alone", str(corpus)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"spaCy run failed:\n{result.stderr}")
    seconds, count = result.stdout.split()
    return float(seconds), int(count)


def _spacy_alone_here(corpus: Path) -> None:
    stories = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = load_pipeline()  # NER excluded, as the coder loads it; no event_coder
    t0 = time.perf_counter()
    count = sum(1 for doc in nlp.pipe(stories, batch_size=32) for _ in doc.sents)
    print(time.perf_counter() - t0, count)


def coder_code(corpus: Path, out: Path, n_process: int) -> tuple[float, float, int]:
    """(coding seconds from the summary line, wall seconds of the command, sentences)."""
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "coder", "code", str(corpus), "-o", str(out),
                             "--n-process", str(n_process), "--batch-size", "32"],
                            capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - t0
    m = SUMMARY.search(result.stderr)
    if result.returncode != 0 or m is None:
        sys.exit(f"coder code failed:\n{result.stderr}")
    return float(m.group(5)), wall, int(m.group(2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=4000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--spacy-alone", type=Path, help=argparse.SUPPRESS)  # the child process of spacy_alone()
    args = parser.parse_args()
    if args.spacy_alone:
        return _spacy_alone_here(args.spacy_alone)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n_stories = write_corpus(sentences(args.sentences), corpus)
        words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
        runs: dict[str, list[tuple[float, float]]] = {"spacy": [], "n1": [], "n2": []}
        n_sents = 0
        for _ in range(args.repeats):  # interleaved
            seconds, n_sents = spacy_alone(corpus)
            runs["spacy"].append((seconds, seconds))
            for n in (1, 2):
                coding, wall, counted = coder_code(corpus, Path(tmp) / f"out{n}.csv", n)
                assert counted == n_sents, (counted, n_sents)
                runs[f"n{n}"].append((coding, wall))
        same = (Path(tmp) / "out1.csv").read_bytes() == (Path(tmp) / "out2.csv").read_bytes()

    best = {k: min(v) for k, v in runs.items()}
    rate = {k: n_sents / v[0] for k, v in best.items()}
    print(f"corpus: {n_stories} stories, {n_sents} sentences, {words} words; best of {args.repeats}")
    print(f"spaCy pipeline alone (no NER, no coder): {rate['spacy']:7.0f} sentences/s")
    for n in (1, 2):
        coding, wall = best[f"n{n}"]
        print(f"coder code --n-process {n}:              {rate[f'n{n}']:7.0f} sentences/s "
              f"({coding:.1f} s coding; {n_sents / wall:.0f} sentences/s over {wall:.1f} s wall, with start-up)")
    print(f"ratio n=1 / spaCy alone: {rate['n1'] / rate['spacy']:.2f}  (target >= 0.85)")
    paired = sorted(s[0] / c[0] for s, c in zip(runs["spacy"], runs["n1"]))  # each repeat's own pair
    print(f"  per-repeat ratios (same minute, so the same machine load): {', '.join(f'{r:.2f}' for r in paired)};"
          f" median {paired[len(paired) // 2]:.2f}")
    print(f"ratio n=2 / n=1:         {rate['n2'] / rate['n1']:.2f}  (target >= 1.6)")
    print(f"n=1 and n=2 outputs byte-identical: {same}")


if __name__ == "__main__":
    main()
