"""Coder overhead: time of the spaCy pipeline with the event_coder vs. the same pipeline without it.

Prints the ratio measured in one run (target: <= 1.15). Texts: the open reference sentences in
../shared when present (ConfliBERT, PLOVER, GigaWord), else the fixture corpus repeated.
Usage: python benchmarks/coder_overhead.py [--sentences 3000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import time

from throughput import sentences  # same texts as the corpus benchmark (this folder is on sys.path)

from coder.api import Coder
from coder.codebook.loader import check_codebook


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    check_codebook(None)
    print(f"codebook load + validate: {time.perf_counter() - start:.2f} s")

    nlp = Coder().nlp
    texts = sentences(args.sentences)
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:200]))  # warm up

    def timed(disable: list[str]) -> float:
        with nlp.select_pipes(disable=disable):
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            return time.perf_counter() - t0

    base, full = [], []
    for _ in range(args.repeats):  # interleaved, so machine noise hits both alike
        base.append(timed(["event_coder"]))
        full.append(timed([]))
    b, f = min(base), min(full)
    print(f"texts: {len(texts)}  words: {words}")
    print(f"spaCy pipeline alone: {b:.2f} s ({len(texts) / b:.0f} texts/s)")
    print(f"with event_coder:     {f:.2f} s ({len(texts) / f:.0f} texts/s)")
    print(f"ratio coder/spaCy:    {f / b:.3f}  (overhead {100 * (f / b - 1):.1f} %, target <= 15 %)")


if __name__ == "__main__":
    main()
