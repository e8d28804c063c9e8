"""`coder import-petrarch`: PETRARCH/TABARI dictionaries into our codebook format.

Unit tests read the small dictionaries in tests/fixtures/petrarch/ (written for these tests, fictional
entries), one construct each. The integration tests import the real Phoenix and unit-test dictionaries
from ../shared/reference/petrarch2/ into a temporary directory (never into the repository) and run
`coder validate` and `coder evaluate` on them; they skip when ../shared is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coder.codebook.loader import check_codebook
from coder.codebook.petrarch import FileReport, ImportReport, import_petrarch
from coder.codebook.schema import Codebook, VerbPattern
from tests.conftest import REPO, SHARED

FIX = REPO / "tests" / "fixtures" / "petrarch"
PETR = SHARED / "reference" / "petrarch2"
PHOENIX_ACTORS = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coder", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, ImportReport]:
    out = tmp_path_factory.mktemp("petrarch") / "book"
    report = import_petrarch(out, verbs=[FIX / "verbs.txt"], actors=[FIX / "actors.txt"], agents=[FIX / "agents.txt"],
                             discards=[FIX / "discards.txt"], issues=[FIX / "issues.txt"])
    return out, report


@pytest.fixture(scope="module")
def book(imported) -> Codebook:
    loaded, problems = check_codebook(imported[0])
    assert loaded is not None, "\n".join(str(p) for p in problems if p.severity == "error")
    return loaded


def part(report: ImportReport, name: str) -> FileReport:
    return next(f for f in report.files if f.name == name)


def skipped(report: ImportReport, name: str) -> list[str]:
    return [str(s) for s in part(report, name).skipped]


def pattern(book: Codebook, pid: str) -> VerbPattern:
    return next(p for p in book.patterns if p.id == pid)


def actor(book: Codebook, name: str):
    return next(a for a in book.actors if any(n.text == name for n in a.names))


# ------------------------------------------------------------------------------------------ whole codebook
def test_imported_codebook_validates_with_taxonomy_and_extra_codes(imported, book):
    out, report = imported
    assert {"codebook.yaml", "events.yaml", "rules.yaml", "agents.yaml", "wordsets.yaml", "discards.yaml",
            "issues.yaml", "IMPORT_REPORT.txt"} <= {p.name for p in out.iterdir()}
    assert "042" in book.events and len(book.events) > 300  # the bundled CAMEO taxonomy was copied
    # 903 (a WEIS-era code) is not dropped: it becomes an extra event code with a warning
    assert book.events["903"].root == "90" and "90" in book.events
    assert "903" in report.extra_codes and "903" in report.format()
    assert pattern(book, "sign.48").code == "903"
    assert "actors.txt:29" in (out / "IMPORT_REPORT.txt").read_text()


# ------------------------------------------------------------------------------------------ actors
def test_actor_synonyms_underscores_and_codes_below(book):
    freedonia = actor(book, "Freedonia")
    assert freedonia.code == "FRD" and freedonia.kind == "country"
    assert {n.text for n in freedonia.names} == {"Freedonia", "Freedonian", "Republic of Freedonia"}
    assert actor(book, "Sylvania").code == "SYL"  # code on the base line, comment after it
    assert actor(book, "Grand Fenwick").code == "GFW"  # code on the line below
    assert actor(book, "Duck Soup Alliance").code == "FRD"  # [FRD/SYL]: the first code


def test_actor_date_restrictions(book):
    firefly = actor(book, "Rufus T. Firefly")
    assert firefly.kind == "person" and firefly.code == "FRD" and firefly.country == "FRD"
    on = lambda *ymd: firefly.code_on(dt.date(*ymd))[0]  # noqa: E731
    assert on(1933, 10, 31) == "FRDELI"  # <331101: before the day
    assert on(1933, 11, 1) == "FRDGOV"  # 331101-351231, inclusive
    assert on(1933, 11, 17) == "FRDMIL"  # 19331115-19331120: the narrowest range wins
    assert on(1935, 12, 31) == "FRDGOV"
    assert on(1990, 1, 1) == "FRD"  # no range: the undated code
    assert on(2005, 1, 1) == "FRDREB"  # >050101: 05 -> 2005
    trentino = actor(book, "Ambassador Trentino")  # 310101-301231: 31 -> 1931, 30 -> 2030
    assert [(c.valid.start, c.valid.end) for c in trentino.codes] == [(dt.date(1931, 1, 1), dt.date(2030, 12, 31))]
    assert trentino.code == "SYL"  # only dated codes: the entity part outside them


def test_actor_malformed_lines_are_reported_and_the_rest_imported(imported, book):
    _, report = imported
    lines = skipped(report, "actors.txt")
    assert any(s.startswith("actors.txt:29: malformed date") for s in lines)  # 200231: Feb 31
    assert any(s.startswith("actors.txt:30: malformed date") for s in lines)  # 7 digits
    assert any(s.startswith("actors.txt:33:") and "no (usable) code" in s for s in lines)  # [---]
    gloriana = actor(book, "Gloriana XII")
    assert gloriana.code == "GFWELI" and len(gloriana.codes) == 1
    unsupported = part(report, "actors.txt").unsupported
    assert unsupported["null code [---] (our format has no blocking entry)"] == 1
    # FENWICK is defined again at the end: PETRARCH2 keeps the last definition
    assert actor(book, "Fenwick").code == "GFWGOV"
    assert {n.text for n in actor(book, "Grand Fenwick").names} == {"Grand Fenwick"}


# ------------------------------------------------------------------------------------------ agents
def test_agents_plurals_compound_prefix_and_substitution(imported, book):
    _, report = imported
    words = {a.phrase: a for a in book.agents}
    assert words["ambassador"].role == "GOV" and words["ambassador"].plural == "ambassadors"
    assert words["chancellor"].plural == "chancellors"
    assert words["troops"].plural is None  # {}: no plural
    assert words["defense minister"].role == "GOVMIL" and "GOVMIL" in book.roles  # compound kept whole
    assert words["relief agency"].role == "NGO"  # NGO~ prefix: imported as a suffix role, and reported
    assert part(report, "agents.txt").unsupported["prefix agent code XXX~ (imported as a suffix role)"] == 1
    assert {"congressman", "congresswoman"} <= set(words) and words["congressman"].plural is None  # !PERSON!
    lines = skipped(report, "agents.txt")
    assert any(s.startswith("agents.txt:10:") for s in lines) and any(s.startswith("agents.txt:11:") for s in lines)


# ------------------------------------------------------------------------------------------ verbs
def test_synsets_become_word_sets(book):
    assert book.wordsets["pact_word"] == {"pact", "accord", "trade agreement", "protocol"}  # PROTOCOL_: no plural
    assert book.wordsets["aid_word"] == {"aid", "relief"}  # &AID_WORD_
    assert book.wordsets["any_deal"] == book.wordsets["pact_word"] | {"bargain"}  # embedded &PACT_WORD


def test_verb_lines_blocks_and_multiword_verbs(imported, book):
    _, report = imported
    visit = pattern(book, "visit.26.042:043")
    assert visit.lemmas == {"visit", "tour"} and visit.code == "042" and visit.reverse == "043"  # block code
    assert pattern(book, "visit.26.040").lemmas == {"call on"}  # +CALL_ON {...} [040]: own code, particle
    tribute = pattern(book, "visit.30")  # +PAY_TRIBUTE: verb + object noun
    assert tribute.lemmas == {"pay"} and tribute.object == {"tribute"} and tribute.code == "043"
    assert not any(p.id.startswith("sign.35") and p.lemmas == {"sign"} for p in book.patterns)  # [---] block
    notes = part(report, "verbs.txt").notes
    assert notes["irregular verb forms {...} collapsed to the lemma"] >= 3
    lines = skipped(report, "verbs.txt")
    assert any(s.startswith("verbs.txt:31:") and "before the verb" in s for s in lines)  # RE_+VISIT
    assert any(s.startswith("verbs.txt:65:") and "already in block VISIT" in s for s in lines)


def test_patterns_map_to_objects_prepositions_and_slots(book):
    assert pattern(book, "sign.39").object == book.wordsets["pact_word"]  # &SYNSET object
    assert pattern(book, "sign.39").lemmas == {"sign", "ink"}  # block patterns cover every verb of the block
    assert pattern(book, "sign.40").object == {"plan"}  # {PEACE PLAN}: head only
    scheme = pattern(book, "sign.41")
    assert scheme.particle == {"out"} and scheme.object == {"scheme"}
    talks = pattern(book, "visit.32")  # (FOR TALKS) [046:046]
    assert talks.prep == {"for": {"talks"}} and talks.mutual and talks.code == "046"
    to = pattern(book, "visit.33")  # (TO) [042:043]: the target is the object of TO
    assert to.prep == {"to": None} and to.target == "prep:to" and to.reverse == "043"
    rescue = pattern(book, "rescue.56")  # - + * (FROM $)
    assert (rescue.source, rescue.target) == ("prep:from", "subject")
    assert pattern(book, "rescue.57").target == "prep:against"  # (AGAINST +)
    blame = pattern(book, "rescue.59")  # [:112]: only the reciprocal event
    assert (blame.code, blame.source, blame.target) == ("112", "object", "subject")
    assert pattern(book, "sign.35.057").not_object == {"draft"}  # - * DRAFT [---] under INK [057]
    assert pattern(book, "sign.47").code == "0311"  # the later of two identical patterns


def test_unsupported_and_malformed_patterns_are_counted_with_lines(imported):
    _, report = imported
    verbs = part(report, "verbs.txt")
    assert verbs.unsupported["transformation (~ a (b . X) SAY = ...)"] == 1
    assert verbs.unsupported["pre-verb words (would constrain the subject)"] == 1
    assert verbs.unsupported["alternative prepositions (BY/WITH)"] == 1
    assert verbs.unsupported["non-coding [---] pattern with a preposition, particle or modifier"] == 1
    assert verbs.unsupported["noun-phrase modifiers that distinguish patterns ({ARMS SHIPMENT} vs {RELIEF SHIPMENT})"] == 2
    lines = skipped(report, "verbs.txt")
    for line, words in ((46, "later identical"), (49, "pre-verb"), (50, "undefined synset &NO_SUCH_SET"),
                        (51, "[12x] is not an event code"), (68, "transformation")):
        assert any(s.startswith(f"verbs.txt:{line}:") and words in s for s in lines), (line, lines)
    assert verbs.read == verbs.imported + len([s for s in verbs.skipped if not s.reason.startswith("malformed verb")])


# ------------------------------------------------------------------------------------------ discards, issues
def test_discards_and_issues(imported, book):
    _, report = imported
    assert {(d.phrase, d.scope) for d in book.discards} == {("duck soup", "sentence"), ("opera night", "story")}
    phrases = {(i.phrase, i.theme, i.negative) for i in book.issues}
    assert {("tariff", "TARIFFS", False), ("tariffs", "TARIFFS", False)} <= phrases  # n:
    assert {("free trade", "FREE_TRADE", False), ("free-trade", "FREE_TRADE", False)} <= phrases  # +
    assert {("exported", "EXPORTS", False), ("exporting", "EXPORTS", False)} <= phrases  # v:
    assert ("tariff of abominations", "EXPORTS", True) in phrases  # ~: excludes the block's issues
    assert any(s.startswith("issues.txt:8:") for s in skipped(report, "issues.txt"))


# ------------------------------------------------------------------------------------------ coding, CLI
def test_the_coder_runs_the_imported_codebook(imported):
    from coder.api import Coder
    from coder.model import load_pipeline

    engine = Coder(codebook=imported[0], nlp=load_pipeline())

    def code(text: str, date: str = "2001-01-01") -> set[str]:
        return {f"{e.source} {e.target} {e.code}" for e in engine.code_text(text, date=date)}

    assert code("The Freedonian ambassador visited Sylvania.") == {"FRDGOV SYL 042", "SYL FRDGOV 043"}
    assert code("The Freedonian defense minister visited Sylvania.") >= {"FRDGOVMIL SYL 042"}
    assert code("Rufus T. Firefly visited Sylvania.", "1933-11-17") >= {"FRDMIL SYL 042"}
    assert code("Rufus T. Firefly visited Sylvania.", "1934-06-01") >= {"FRDGOV SYL 042"}
    assert code("Freedonia signed a pact with Sylvania.") == {"FRD SYL 057"}
    assert code("Sylvania rescued hostages from Freedonia.") == {"FRD SYL 0233"}
    assert code("Freedonia inked a draft with Sylvania.") == set()  # not_object from a [---] pattern
    assert code("Freedonia visited Sylvania after the Duck Soup premiere.") == set()  # discard


def test_cli_import_several_actor_files_and_clear_errors(tmp_path):
    extra = tmp_path / "more.actors.txt"
    extra.write_text("OSTERLICH [OST]\n+OSTERLICHER\n", encoding="utf-8")
    out = tmp_path / "book"
    result = cli("import-petrarch", "--verbs", str(FIX / "verbs.txt"), "--actors", str(FIX / "actors.txt"), str(extra),
                 "--agents", str(FIX / "agents.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "actors.txt" in result.stdout and "more.actors.txt" in result.stdout and "verbs.txt:51" in result.stdout
    book, problems = check_codebook(out)
    assert book is not None and any(a.code == "OST" for a in book.actors)
    again = cli("import-petrarch", "--actors", str(extra), "-o", str(out))  # our own output may be rewritten
    assert again.returncode == 0, again.stderr
    refused = cli("import-petrarch", "--actors", str(extra), "-o", str(REPO / "codebooks" / "cameo"))
    assert refused.returncode == 2 and "not written by import-petrarch" in refused.stderr
    missing = cli("import-petrarch", "--verbs", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


# ------------------------------------------------------------------------------------------ integration
def test_phoenix_dictionaries_import_validate_and_code_the_gsr(shared, tmp_path):
    out = tmp_path / "phoenix"
    started = time.perf_counter()
    report = import_petrarch(out, verbs=[PETR / "CAMEO.2.0.txt"], actors=[PETR / name for name in PHOENIX_ACTORS],
                             agents=[PETR / "Phoenix.agents.txt"], discards=[PETR / "Phoenix.discards.txt"],
                             issues=[PETR / "Phoenix.IssueCoding.txt"])
    assert time.perf_counter() - started < 30
    countries = part(report, "Phoenix.Countries.actors.txt")
    assert countries.read > 18000 and countries.imported > 18000
    assert part(report, "CAMEO.2.0.txt").imported > 4000
    validated = cli("validate", str(out), "--quiet")
    assert validated.returncode == 0, validated.stderr[-2000:]
    scores = tmp_path / "gsr.json"
    result = cli("evaluate", str(PETR / "gigaword_gsr.jsonl"), "--codebook", str(out), "--json", str(scores), "--worst", "0")
    assert result.returncode == 0, result.stderr[-2000:]
    numbers = json.loads(scores.read_text())
    assert numbers["records"] == 73
    assert numbers["levels"]["exact"]["tp"] >= 10  # PETRARCH2 itself: TP 55 (P 0.809, R 0.743)


def test_petrarch_unit_suite_with_its_own_dictionaries(shared, tmp_path):
    out = tmp_path / "validate"
    import_petrarch(out, verbs=[PETR / "PETR.Validate.verbs.txt"], actors=[PETR / "PETR.Validate.actors.txt"],
                    agents=[PETR / "PETR.Validate.agents.txt"], discards=[PETR / "PETR.Validate.discards.txt"])
    scores = tmp_path / "suite.json"
    result = cli("evaluate", str(PETR / "validation.jsonl"), "--codebook", str(out), "--by", "category",
                 "--json", str(scores), "--worst", "0")
    assert result.returncode == 0, result.stderr[-2000:]
    numbers = json.loads(scores.read_text())
    assert numbers["records"] == 284
    assert {"DEMO", "DATE", "PATTERN", "COMPOUND", "AGENT", "SYNSET"} <= set(numbers["table"])
    assert numbers["levels"]["exact"]["tp"] >= 10  # PETRARCH2 itself: 89/284 records exact
