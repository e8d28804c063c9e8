"""`coder evaluate`: precision, recall and F1 against gold-coded sentences.

Scoring rules (also in the README):
- A record is one line of the gold file (a sentence or a story); records without gold
  (`expected` null or `has_gold: false`) are skipped.
- Produced events are deduplicated per record on (source, target, code): a gold file lists an event once.
- Matching is one-to-one: each expected event can be matched by at most one produced event. An
  expected event matches when source and target are equal and the produced code is its `code` or one
  of its `alternatives`.
- Levels: exact (source, target, code); root (source, target, root code); entity (country or
  organisation part of each actor, full code); code only (codes as a multiset, actors ignored).
- A record is exact when every expected event is produced and nothing else is.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

from coder.corpus import Story, code_stories

Key = tuple[str, str, str]
ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def entity(code: str) -> str:
    """Country part of an actor code (first 3 letters), or an organisation's first 6."""
    if code.startswith(ORG_PREFIXES):
        return code[:6]
    return code[:3]


LEVELS: dict[str, Callable[[str, str, str], Key]] = {
    "exact": lambda s, t, c: (s, t, c),
    "root": lambda s, t, c: (s, t, c[:2]),
    "entity": lambda s, t, c: (entity(s), entity(t), c),
    "code": lambda s, t, c: ("", "", c),
}


def _match(expected: list[dict], produced: list[Key], level: str) -> tuple[int, list[int], list[int]]:
    """One-to-one matches; returns (tp, indexes of unmatched expected, indexes of unmatched produced)."""
    key = LEVELS[level]
    free = list(range(len(produced)))
    missed: list[int] = []
    tp = 0
    for i, exp in enumerate(expected):
        codes = [exp["code"], *exp.get("alternatives", [])]
        wanted = {key(exp["source"] or "", exp["target"] or "", c) for c in codes}
        hit = next((j for j in free if key(*produced[j]) in wanted), None)
        if hit is None:
            missed.append(i)
        else:
            free.remove(hit)
            tp += 1
    return tp, missed, free


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def load_gold(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("has_gold") is False or rec.get("expected") is None or not rec.get("text"):
                continue
            rec.setdefault("id", f"line{n}")
            records.append(rec)
    return records


def score(records: list[dict], produced: dict[str, list[tuple[Key, str]]], by: str = "root",
          record_keys: list[str] | None = None) -> dict[str, Any]:
    """Scores for `records` given produced (triple, pattern_id) lists keyed by record id (or `record_keys`)."""
    totals = {level: Counter() for level in LEVELS}
    table: dict[str, Counter] = defaultdict(Counter)
    details = []
    exact_records = 0
    for n, rec in enumerate(records):
        rid = str(rec["id"])
        seen: dict[Key, str] = {}
        for triple, pid in produced.get(record_keys[n] if record_keys else rid, []):
            seen.setdefault(triple, pid)
        keys = list(seen)
        expected = [e for e in rec["expected"] if e.get("code")]
        for level in LEVELS:
            tp, missed, extra = _match(expected, keys, level)
            totals[level].update(tp=tp, fp=len(extra), fn=len(missed))
            if level == "exact":
                group = (lambda code: code[:2]) if by == "root" else (lambda code: code)
                if by == "category":
                    group = lambda code: str(rec.get("category") or "-")  # noqa: E731
                matched = [i for i in range(len(expected)) if i not in missed]
                for i in matched:
                    table[group(expected[i]["code"])]["tp"] += 1
                for i in missed:
                    table[group(expected[i]["code"])]["fn"] += 1
                for j in extra:
                    table[group(keys[j][2])]["fp"] += 1
                ok = not missed and not extra
                exact_records += ok
                details.append({
                    "id": rid, "text": rec["text"], "category": rec.get("category"), "exact": ok,
                    "expected": [f"{e['source']} {e['target']} {e['code']}" for e in expected],
                    "produced": [f"{s} {t} {c} [{seen[(s, t, c)]}]" for s, t, c in keys],
                    "missed": [f"{expected[i]['source']} {expected[i]['target']} {expected[i]['code']}" for i in missed],
                    "extra": [f"{keys[j][0]} {keys[j][1]} {keys[j][2]} [{seen[keys[j]]}]" for j in extra],
                })
    return {
        "records": len(records),
        "exact_records": exact_records,
        "exact_record_rate": round(exact_records / len(records), 3) if records else 0.0,
        "levels": {level: _prf(c["tp"], c["fp"], c["fn"]) for level, c in totals.items()},
        "by": by,
        "table": {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(table.items())},
        "details": details,
    }


def evaluate_file(coder, gold: Path, by: str = "root") -> dict[str, Any]:
    """Code every gold record with `coder` (a `coder.api.Coder`) and score it."""
    records = load_gold(gold)
    # each record is its own story, keyed by position: gold files may repeat an id (PETRARCH's suite does)
    stories = [Story(f"#{n}", _iso(r.get("date")), r["text"], f"{gold}:{r['id']}") for n, r in enumerate(records)]
    produced: dict[str, list[tuple[Key, str]]] = {}
    for story, events in code_stories(coder.nlp, stories):
        produced.setdefault(story.id, []).extend(((e.source, e.target, e.code), e.pattern_id) for e in events)
    report = score(records, produced, by=by, record_keys=[f"#{n}" for n in range(len(records))])
    report["gold"] = str(gold)
    return report


def _iso(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) == 6 and text.isdigit():  # YYMMDD
        year = int(text[:2])
        return f"{2000 + year if year <= 30 else 1900 + year}-{text[2:4]}-{text[4:]}"
    return text[:10]


def format_report(report: dict[str, Any], worst: int = 10) -> str:
    lines = [f"gold: {report.get('gold', '')}",
             f"records: {report['records']}   exact records: {report['exact_records']} ({report['exact_record_rate']:.1%})",
             "", f"{'level':8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for level, s in report["levels"].items():
        lines.append(f"{level:8} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5} {s['fp']:5} {s['fn']:5}")
    lines += ["", f"by {report['by']} (exact level)", f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for key, s in report["table"].items():
        lines.append(f"{key:8} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5} {s['fp']:5} {s['fn']:5}")
    bad = sorted((d for d in report["details"] if not d["exact"]), key=lambda d: -(len(d["missed"]) + len(d["extra"])))
    if bad and worst:
        lines += ["", f"worst {min(worst, len(bad))} records"]
        for d in bad[:worst]:
            lines.append(f"- {d['id']}: {d['text'][:160]}")
            lines.append(f"    expected: {', '.join(d['expected']) or '(none)'}")
            lines.append(f"    produced: {', '.join(d['produced']) or '(none)'}")
    return "\n".join(lines)
