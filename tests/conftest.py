"""Shared fixtures: one real spaCy pipeline with the bundled codebook, and paths to ../shared."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def coder_api():
    from coder.api import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp(coder_api):
    return coder_api.nlp


@pytest.fixture(scope="session")
def code(coder_api):
    """code(text, date) -> set of 'SOURCE TARGET CODE' strings."""

    def run(text: str, date: str | None = "2022-06-08") -> set[str]:
        return {f"{e.source} {e.target} {e.code}" for e in coder_api.code_text(text, date=date)}

    return run


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def write_codebook(root: Path, files: dict[str, str]) -> Path:
    """Write a small codebook directory (file name -> YAML text) and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


MINI = {
    "codebook.yaml": """
        name: mini
        version: "1"
        events: events.yaml
        agents: [agents.yaml]
        actors: [actors.yaml]
        wordsets: [wordsets.yaml]
        verbs: [verbs.yaml]
        rules: rules.yaml
    """,
    "events.yaml": """
        events:
          - {code: "04", name: CONSULT, root: "04", quad_class: 1, goldstein: 1.0}
          - {code: "040", name: Consult, root: "04", quad_class: 1, goldstein: 1.0}
          - {code: "042", name: Make a visit, root: "04", quad_class: 1, goldstein: 1.9}
          - {code: "043", name: Host a visit, root: "04", quad_class: 1, goldstein: 2.8}
          - {code: "19", name: FIGHT, root: "19", quad_class: 4, goldstein: -10.0}
          - {code: "190", name: Use conventional military force, root: "19", quad_class: 4, goldstein: -10.0}
    """,
    "agents.yaml": """
        roles: {GOV: Government, MIL: Military}
        agents:
          - role: GOV
            words: [minister, foreign minister]
          - role: MIL
            words: [{phrase: troops, plural: none}, soldier]
    """,
    "actors.yaml": """
        actors:
          - code: KAZ
            kind: country
            iso3: KAZ
            cow: 705
            names: [Kazakhstan]
            adjectives: [Kazakh]
            capitals:
              - {name: Astana, to: 2019-03-19}
              - {name: Nur-Sultan, from: 2019-03-20, to: 2022-09-16}
              - {name: Astana, from: 2022-09-17}
          - code: CHN
            kind: country
            names: [China]
            adjectives: [Chinese]
            capitals: [Beijing]
          - code: CHNELI
            kind: person
            country: CHN
            names: [Wang Yi]
            codes:
              - {code: CHNGOV, from: 2013-03-16, to: 2022-12-30}
              - {code: CHNGOV, from: 2023-07-25}
    """,
    "wordsets.yaml": """
        wordsets:
          meeting: [meet, confer]
    """,
    "verbs.yaml": """
        patterns:
          - id: meet
            verb: $meeting
            code: "040"
            target: prep:with
            mutual: true
            examples:
              - text: China met with Kazakhstan.
                events: [CHN KAZ 040, KAZ CHN 040]
          - id: visit
            verb: visit
            code: "042"
            reverse: "043"
            examples:
              - text: Wang Yi visited Kazakhstan.
                date: 2022-06-08
                events: [CHNGOV KAZ 042, KAZ CHNGOV 043]
          - id: attack
            verb: attack
            code: "190"
            examples:
              - text: Chinese troops attacked Kazakhstan.
                events: [CHNMIL KAZ 190]
    """,
    "rules.yaml": """
        negation:
          words: [not, "n't", never]
        intent:
          verbs: [agree]
          map: {"04": "040"}
    """,
}


@pytest.fixture
def mini_codebook(tmp_path: Path) -> Path:
    return write_codebook(tmp_path / "mini", MINI)
