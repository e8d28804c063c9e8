"""Wire-story datelines ("BEIJING, March 6 (Xinhua) --", "KABUL, Afghanistan (AP) —", "LYON:") as their own
sentence.

Left in the first sentence, a dateline is parsed as its subject or an apposition of it: "GAZA CITY, Palestinian
Territories: Israeli tanks shelled the Gaza Strip" came out as the Palestinian Territories shelling Gaza. This
component runs before spaCy's parser, which keeps sentence starts that are already set, so the dateline
becomes a verbless sentence of its own and the story's first sentence is parsed as written.
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
    """Start a new sentence after a leading dateline (before the parser, which keeps it)."""
    end = dateline_end(doc.text)
    if end:
        for token in doc:
            if token.idx >= end:
                if token.i > 0:
                    token.is_sent_start = True
                break
    return doc
