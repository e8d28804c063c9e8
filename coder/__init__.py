"""cameo-coder: a spaCy pipeline component that codes news text into CAMEO events."""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"
__all__ = ["Coder", "Event", "code_text", "code_frame", "code_file", "load_codebook"]


def __getattr__(name: str) -> Any:
    # Lazy: `import coder` stays cheap, and the package root imports no later stage eagerly.
    if name in ("Coder", "code_text", "code_frame", "code_file"):
        from coder import api

        return getattr(api, name)
    if name == "Event":
        from coder.events.record import Event

        return Event
    if name == "load_codebook":
        from coder.codebook.loader import load_codebook

        return load_codebook
    raise AttributeError(name)
