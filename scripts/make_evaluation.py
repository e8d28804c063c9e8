"""Regenerate docs/EVALUATION.md: our scores on every open gold set under ../shared/reference.

    python scripts/make_evaluation.py [--shared ../shared] [--out docs/EVALUATION.md]

Gold sets that are absent are skipped (and say so in the document). PETRARCH2's numbers are computed
from its stored output with the same scorer where the reference folder has that output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from coder.api import Coder  # noqa: E402
from coder.corpus import Story, code_stories  # noqa: E402
from coder.evaluate import evaluate_file, load_gold, score  # noqa: E402

PENTA = {0: ("01", "02"), 1: ("03", "04", "05"), 2: ("06", "07", "08"), 3: ("09", "10", "11", "12", "13", "16"),
         4: ("14", "15", "17", "18", "19", "20")}
ROOT_TO_PENTA = {root: cls for cls, roots in PENTA.items() for root in roots}


def levels_table(rows: list[tuple[str, dict]]) -> list[str]:
    out = ["| system | records | exact records | level | P | R | F1 | TP | FP | FN |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for name, rep in rows:
        for level in ("exact", "root", "entity", "code"):
            s = rep["levels"][level]
            out.append(f"| {name} | {rep['records']} | {rep['exact_records']} | {level} | {s['precision']:.3f} | "
                       f"{s['recall']:.3f} | {s['f1']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} |")
    return out


def root_table(rep: dict) -> list[str]:
    out = ["| group | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    for key, s in rep["table"].items():
        out.append(f"| {key} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} |")
    return out


def petrarch_output_report(path: Path) -> dict | None:
    records = load_gold(path)
    if not any("p2_output" in r for r in records):
        return None
    produced = {str(r["id"]): [((e["source"], e["target"], e["code"]), "petrarch2") for e in r.get("p2_output") or []]
                for r in records}
    return score(records, produced)


def conflibert(coder: Coder, path: Path) -> dict:
    """Five-class agreement and source-span agreement on ConfliBERT's CAMEO sentences."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("pentaclass") is not None]
    stories = [Story(r["id"], "", r["text"], r["id"]) for r in records]
    coded = 0
    agree = 0
    span_hits = 0
    span_total = 0
    for rec, (_, events) in zip(records, code_stories(coder.nlp, stories)):
        if not events:
            continue
        coded += 1
        classes = [ROOT_TO_PENTA.get(e.root_code) for e in events]
        if rec["pentaclass"] in classes:
            agree += 1
        gold_spans = [(s["start"], s["end"]) for s in (rec.get("source_span") or []) + (rec.get("reciprocal_span") or [])
                      if s.get("start") is not None]
        if gold_spans:
            span_total += 1
            if any(e.source_start < end and start < e.source_end for e in events for start, end in gold_spans):
                span_hits += 1
    return {"records": len(records), "coded": coded, "class_agree": agree, "span_total": span_total,
            "span_hits": span_hits}


def petrarch_validation(coder_shared: Path) -> tuple[dict | None, str]:
    """PETRARCH's unit-test suite with its own dictionaries imported (needs `coder import-petrarch`)."""
    ref = coder_shared / "reference" / "petrarch2"
    try:
        import coder.codebook.petrarch  # noqa: F401
    except ImportError:
        return None, "skipped: this version has no PETRARCH importer"
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "petr_validate"
        cmd = [sys.executable, "-m", "coder", "import-petrarch", "--verbs", str(ref / "PETR.Validate.verbs.txt"),
               "--actors", str(ref / "PETR.Validate.actors.txt"), "--agents", str(ref / "PETR.Validate.agents.txt"),
               "--discards", str(ref / "PETR.Validate.discards.txt"), "-o", str(book)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            return None, f"skipped: import failed ({done.stderr.strip().splitlines()[-1:]})"
        report = evaluate_file(Coder(codebook=book), ref / "validation.jsonl", by="category")
        return report, ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "EVALUATION.md")
    args = parser.parse_args()
    ref = args.shared / "reference"
    started = time.perf_counter()
    coder = Coder()
    book = coder.codebook
    lines = [
        "# Evaluation",
        "",
        f"Generated by `python scripts/make_evaluation.py` on {dt.date.today().isoformat()} with codebook "
        f"`{book.name}` {book.version} ({len(book.patterns)} patterns, {len(book.actors)} actors) and the "
        "spaCy model `en_core_web_sm` 3.8 (NER excluded). Scoring rules: README, section *Scoring*.",
        "",
        "These are open sets, useful for regression and comparison; they are not samples of real news (see each",
        "set's caveats). The project is also scored on a held-out set of real news sentences that nobody here sees.",
        "",
    ]
    gw = ref / "petrarch2" / "gigaword_gsr.jsonl"
    if gw.exists():
        ours = evaluate_file(coder, gw)
        theirs = petrarch_output_report(gw)
        lines += ["## PETRARCH2 GigaWord sample (`petrarch2/gigaword_gsr.jsonl`)", "",
                  "73 sentences with expected codings (16 AFP GigaWord sentences, 23 news headlines, 37 constructed",
                  "feature probes). The expected codings were made by correcting PETRARCH2's own output, so they favour it.",
                  ""]
        lines += levels_table([("cameo-coder", ours)] + ([("PETRARCH2 (stored output)", theirs)] if theirs else []))
        lines += ["", "By root code (cameo-coder, exact level):", ""] + root_table(ours) + [""]
    else:
        lines += ["## PETRARCH2 GigaWord sample", "", "skipped: file absent", ""]
    plover = ref / "plover" / "cameo_examples.jsonl"
    if plover.exists():
        rep = evaluate_file(coder, plover)
        lines += ["## CAMEO manual examples (`plover/cameo_examples.jsonl`)", "",
                  "322 example sentences of the CAMEO 1.1b3 manual, one or two per code, with actors coded by PLOVER",
                  "conventions (ISO-3 codes, sectors), so actor codes differ from CAMEO's in places (IGO sub-codes,",
                  "`None` targets): the `code` level is the fairest comparison.", ""]
        lines += levels_table([("cameo-coder", rep)])
        lines += ["", "By root code (exact level):", ""] + root_table(rep) + [""]
    else:
        lines += ["## CAMEO manual examples", "", "skipped: file absent", ""]
    for split in ("train", "test"):
        path = ref / "conflibert" / f"cameo_{split}.jsonl"
        if not path.exists():
            lines += [f"## ConfliBERT CAMEO {split}", "", "skipped: file absent", ""]
            continue
        c = conflibert(coder, path)
        lines += [f"## ConfliBERT CAMEO {split} (`conflibert/cameo_{split}.jsonl`)", "",
                  "Only a five-way event class (Phoenix-style pentaclass) and source/target text spans are gold; no codes.",
                  ("Train is mostly 2017-18 news." if split == "train" else
                   "Test is mostly CAMEO-manual sentences and the PETRARCH2 GSR (overlaps the sets above)."), "",
                  "| records | coded (≥ 1 event) | class agrees (of coded) | source span found (of coded with a gold span) |",
                  "|---|---|---|---|",
                  f"| {c['records']} | {c['coded']} ({c['coded'] / c['records']:.1%}) | {c['class_agree']} "
                  f"({c['class_agree'] / max(c['coded'], 1):.1%}) | {c['span_hits']} / {c['span_total']} "
                  f"({c['span_hits'] / max(c['span_total'], 1):.1%}) |", ""]
    if (ref / "petrarch2" / "validation.jsonl").exists():
        rep, why = petrarch_validation(args.shared)
        lines += ["## PETRARCH unit-test suite (`petrarch2/validation.jsonl`)", "",
                  "284 records with fictional actors, coded with the `PETR.Validate.*` dictionaries imported by",
                  "`coder import-petrarch`. PETRARCH2 itself: 89/284 records exact, P 0.534, R 0.331, F1 0.409",
                  "(exact triples; figures from the reference folder's README).", ""]
        if rep is None:
            lines += [why, ""]
        else:
            lines += levels_table([("cameo-coder + imported PETR.Validate", rep)])
            lines += ["", "By category (exact level):", ""] + root_table(rep) + [""]
    lines += ["## Rerun", "", "```bash", "python scripts/make_evaluation.py", "```", "",
              f"(took {time.perf_counter() - started:.0f} s here)"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
