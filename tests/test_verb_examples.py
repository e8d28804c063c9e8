"""Every worked example in the bundled codebook's verb patterns, run through the real pipeline.

An example passes when the events produced for its sentence are exactly the events it lists (as
'SOURCE TARGET CODE' strings). Failures are reported by pattern id with expected vs produced.
"""

from __future__ import annotations

import pytest

from coder.codebook.loader import load_codebook

BOOK = load_codebook(None)
FILES = sorted({p.origin.rsplit(":", 1)[0] for p in BOOK.patterns})


def run_examples(coder_api, patterns) -> list[str]:
    failures = []
    for pattern in patterns:
        for ex in pattern.examples:
            produced = {f"{e.source} {e.target} {e.code}"
                        for e in coder_api.code_text(ex.text, date=ex.date.isoformat() if ex.date else None)}
            expected = {str(e) for e in ex.events}
            if produced != expected:
                failures.append(f"{pattern.id} ({ex.origin}): {ex.text!r}\n"
                                f"    expected {sorted(expected)}\n    produced {sorted(produced)}")
    return failures


@pytest.mark.parametrize("origin", FILES)
def test_pattern_examples(coder_api, origin):
    patterns = [p for p in BOOK.patterns if p.origin.rsplit(":", 1)[0] == origin]
    failures = run_examples(coder_api, patterns)
    total = sum(len(p.examples) for p in patterns)
    assert not failures, f"{len(failures)}/{total} examples fail in {origin}:\n" + "\n".join(failures)


def test_every_pattern_has_an_example():
    assert [p.id for p in BOOK.patterns if not p.examples] == []
