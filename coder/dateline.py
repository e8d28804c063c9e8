"""Wire-story datelines ("BEIJING, March 6 (Xinhua) --", "KABUL, Afghanistan (AP) —", "LYON:") as their own
sentence, and no sentence break inside a name with a quoted nickname.

Left in the first sentence, a dateline is parsed as its subject or an apposition of it: "GAZA CITY, Palestinian
Territories: Israeli tanks shelled the Gaza Strip" came out as the Palestinian Territories shelling Gaza. This
component runs before spaCy's parser, which keeps sentence starts that are already set, so the dateline
becomes a verbless sentence of its own and the story's first sentence is parsed as written.

The parser also broke sentences at a quoted nickname: "Mexico extradited drug lord Joaquin "El Chapo" Guzman to
the United States" became two sentences and lost its event; the quote and the name around it are marked as no
sentence start.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# an upper-case place ("GAZA CITY"), optional ", Region" parts, an optional date ("March 6", "Jan. 5"), an
# optional agency in brackets, then a dash or colon
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+)*"          # BEIJING / GAZA CITY / ST. PETERSBURG
    r"(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)*"           # , Palestinian Territories / , Afghanistan
    r"(?:,?\s*(?:[A-Z][a-z]{2,}\.?|[A-Z][a-z]{2}\.) \d{1,2})?"  # , March 6 / Jan. 5
    r"\s*(?:\([A-Za-z .&/-]{2,30}\))?"                     # (Xinhua) / (AP)
    r"\s*(?:--|—|–|-|:)\s+(?=\S)"
)


def dateline_end(text: str) -> int:
    """Character offset where the story proper starts after a dateline, or 0 when there is none."""
    m = DATELINE.match(text[:160])
    return m.end() if m else 0


@Language.component("dateline")
def mark_dateline(doc: Doc) -> Doc:
    """Start a new sentence after a leading dateline, and none inside a quoted nickname (before the parser,
    which keeps both)."""
    end = dateline_end(doc.text)
    if end:
        for token in doc:
            if token.idx >= end:
                if token.i > 0:
                    token.is_sent_start = True
                break
    for start, stop in quoted_nicknames(doc):
        for i in range(start, stop + 1):
            doc[i].is_sent_start = False
    return doc


QUOTES = {'"', "“", "”", "'", "‘", "’"}


def quoted_nicknames(doc: Doc) -> list[tuple[int, int]]:
    """(opening quote, word after the closing quote) of each `Name "Nick Name" Name`: one to four capitalised
    words in quotes between two capitalised words."""
    found = []
    for tok in doc:
        i = tok.i
        if tok.text not in QUOTES or i == 0 or not doc[i - 1].text[:1].isupper():
            continue
        close = next((j for j in range(i + 2, min(i + 6, len(doc))) if doc[j].text in QUOTES), None)
        if close is None or close + 1 >= len(doc) or not doc[close + 1].text[:1].isupper():
            continue
        if all(doc[j].text[:1].isupper() for j in range(i + 1, close)):
            found.append((i, close + 1))
    return found
