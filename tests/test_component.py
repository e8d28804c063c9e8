"""The event_coder as a spaCy component: factory, extensions, serialisation, multiprocessing."""

from __future__ import annotations

import spacy

import coder.component  # noqa: F401
from coder.model import load_pipeline

TEXTS = [
    "Russian troops attacked Ukraine. China and Russia signed an agreement.",
    "Iran refused to meet American officials.",
    "The weather was fine.",
    "Turkey condemned Israel.",
]


def triples(doc):
    return sorted((e.source, e.target, e.code) for e in doc._.events)


def test_add_pipe_and_extensions(nlp):
    doc = nlp("Russian troops attacked Ukraine. China and Russia signed an agreement.")
    assert ("RUSMIL", "UKR", "190") in triples(doc)
    sents = list(doc.sents)
    assert [(e.source, e.code) for e in sents[0]._.events] == [("RUSMIL", "190")]
    assert {e.code for e in sents[1]._.events} == {"057"}


def test_story_date_extension_changes_codes(nlp):
    doc = nlp.make_doc("Wang Yi visited Kazakhstan.")
    doc._.story_date = "2022-06-08"
    assert ("CHNGOV", "KAZ", "042") in triples(nlp(doc))
    doc = nlp.make_doc("Wang Yi visited Kazakhstan.")
    doc._.story_date = "2001-01-01"
    assert ("CHNELI", "KAZ", "042") in triples(nlp(doc))


def test_to_disk_and_spacy_load(tmp_path, mini_codebook):
    nlp = load_pipeline()
    nlp.add_pipe("event_coder", config={"codebook": str(mini_codebook)})
    nlp.to_disk(tmp_path / "pipeline")
    # the codebook travels with the pipeline: delete the original and load anywhere
    for f in sorted(mini_codebook.rglob("*"), reverse=True):
        f.unlink() if f.is_file() else f.rmdir()
    loaded = spacy.load(tmp_path / "pipeline")
    assert "event_coder" in loaded.pipe_names
    assert (tmp_path / "pipeline" / "event_coder" / "codebook" / "codebook.yaml").exists()
    doc = loaded("Chinese troops attacked Kazakhstan.")
    assert triples(doc) == [("CHNMIL", "KAZ", "190")]


def test_n_process_two_gives_same_events(nlp):
    single = [triples(d) for d in nlp.pipe(TEXTS)]
    multi = [triples(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
    assert multi == single
    assert single[0] and single[1] == [("IRN", "USAGOV", "125")]


def test_component_never_raises(nlp):
    component = nlp.get_pipe("event_coder")
    doc = nlp("Russia attacked Ukraine.")
    doc._.story_date = "not a date"
    assert component(doc) is doc  # a bad date is treated as undated, not an exception
