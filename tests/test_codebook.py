"""Codebook loading and validation: valid fixtures load; each kind of breakage is reported with file:line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coder.codebook.loader import CodebookError, check_codebook, load_codebook, pluralize
from tests.conftest import MINI, write_codebook


def problems_of(path: Path) -> list[str]:
    _, problems = check_codebook(path)
    return [str(p) for p in problems]


def with_file(tmp_path: Path, name: str, text: str, folder: str = "broken") -> Path:
    """The mini codebook with one file replaced."""
    return write_codebook(tmp_path / folder, {**MINI, name: text})


def broken(tmp_path: Path, name: str, text: str) -> list[str]:
    return problems_of(with_file(tmp_path, name, text))


def test_valid_fixture_loads(mini_codebook):
    book = load_codebook(mini_codebook)
    assert set(book.events) == {"04", "040", "042", "043", "19", "190"}
    assert book.events["042"].quad_class == 1 and book.events["042"].goldstein == 1.9
    assert [p.id for p in book.patterns] == ["meet", "visit", "attack"]
    assert book.patterns[0].lemmas == frozenset({"meet", "confer"})  # $meeting expanded
    summary = book.summary()
    assert summary["patterns"] == 3 and summary["examples"] == 3 and summary["persons"] == 1


def test_malformed_yaml_names_file_and_line(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", "patterns:\n  - id: x\n    code: [unclosed\n")
    assert any(m.startswith("broken/verbs.yaml:") and "malformed YAML" in m for m in msgs), msgs


def test_python_tag_is_rejected_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"events: !!python/object/apply:os.system ['touch {marker}']\n"
    msgs = broken(tmp_path, "events.yaml", text)
    assert not marker.exists()
    assert any("events.yaml:1" in m and "malformed YAML" in m for m in msgs), msgs


def test_unknown_key_is_an_error(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", """
patterns:
  - id: meet
    verb: meet
    code: "040"
    targt: prep:with
""")
    assert any("verbs.yaml:5: pattern meet: unknown key 'targt'" in m for m in msgs), msgs


def test_subject_constraint_loads_and_an_unknown_word_set_in_it_is_reported(tmp_path):
    book = load_codebook(with_file(tmp_path, "verbs.yaml", """
patterns:
  - id: troops_leave
    verb: leave
    subject: [troop, soldier]
    code: "190"
""", folder="ok"))
    assert book.patterns[0].subject == frozenset({"troop", "soldier"})
    msgs = broken(tmp_path, "verbs.yaml", """
patterns:
  - id: troops_leave
    verb: leave
    subject: $no_such_set
    code: "190"
""")
    assert any("verbs.yaml:4" in m and "subject" in m and "no_such_set" in m for m in msgs), msgs


def test_misspelt_key_in_a_rules_block_is_an_error(tmp_path):
    msgs = broken(tmp_path, "rules.yaml", """
negation:
  words: [not]
places:
  roots: ["19"]
  prep: [in]
""")
    assert any("rules.yaml:5: places: unknown key 'prep'" in m for m in msgs), msgs


def test_bad_values_in_the_new_rule_blocks_are_errors(tmp_path):
    msgs = broken(tmp_path, "rules.yaml", """
people:
  counted_role: civilians
aerial:
  nouns: [jet]
  map:
    "190": "999"
""")
    assert any("rules.yaml:2: people counted_role: must be a three-letter role code" in m for m in msgs), msgs
    assert any("rules.yaml:6: aerial map 190: '999' is not a quoted code of the taxonomy" in m for m in msgs), msgs


def test_bad_crowd_and_document_rules_are_errors(tmp_path):
    msgs = broken(tmp_path, "rules.yaml", """
stand_ins:
  crowds: [protest]
  crowd_role: protesters
  document_roots: ["99"]
places:
  institution_roots: ["98"]
  bare_state_roots: ["97"]
  own_country_roots: ["95"]
unasserted:
  participle_acts: ["96"]
""")
    assert any("rules.yaml:7: places bare_state_roots: '97' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs
    assert any("rules.yaml:10: unasserted participle_acts: '96' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs
    assert any("rules.yaml:6: places institution_roots: '98' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs
    assert any("rules.yaml:8: places own_country_roots: '95' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs
    assert any("rules.yaml:3: stand_ins crowd_role: must be a three-letter role code" in m for m in msgs), msgs
    assert any("rules.yaml:4: stand_ins document_roots: '99' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs


def test_bad_codes_in_the_session_15_rules_are_errors(tmp_path):
    msgs = broken(tmp_path, "rules.yaml", """
third_party: ["0459"]
owners:
  roots: ["97"]
places:
  sole_country: ["96"]
""")
    assert any("rules.yaml:1: third_party: '0459' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert any("rules.yaml:3: owners roots: '97' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert any("rules.yaml:5: places sole_country: '96' is not a quoted code of the taxonomy" in m
               for m in msgs), msgs


def test_bad_topics_are_errors_with_file_and_line(tmp_path):
    msgs = broken(tmp_path, "rules.yaml", """
topics:
  "190":
    "0421": [war]
    "1900": [war]
    "19": [$no_such_set]
  "9999":
    "99991": [x]
""")
    assert any("rules.yaml:3: topics 190: '0421' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert any("rules.yaml:4: topics 190: '1900' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert any("rules.yaml:5: topics 190 19: 'words' refers to unknown word set $no_such_set" in m for m in msgs), msgs
    assert any("rules.yaml:6: topics: '9999' is not a quoted code of the taxonomy" in m for m in msgs), msgs


def test_bad_recasts_are_errors_with_file_and_line(tmp_path):
    # (the mini taxonomy has 04, 040, 042, 043, 19 and 190; a recast may leave the root, unlike a topic)
    msgs = broken(tmp_path, "rules.yaml", """
recast:
  "190":
    "190": [peacekeeping]
    "0749": [peacekeeping]
    "042": [$no_such_set]
  "9999":
    "040": [x]
""")
    assert any("rules.yaml:3: recast 190: '190' is the code itself" in m for m in msgs), msgs
    assert any("rules.yaml:4: recast 190: '0749' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert any("rules.yaml:5: recast 190 042: 'words' refers to unknown word set $no_such_set" in m for m in msgs), msgs
    assert any("rules.yaml:6: recast: '9999' is not a quoted code of the taxonomy" in m for m in msgs), msgs
    assert not any("not a sub-code" in m for m in msgs), msgs


def test_a_role_a_rule_names_must_be_a_role_of_agents_yaml(tmp_path):
    # a misspelt role in a rule's role list would silently match nothing
    msgs = broken(tmp_path, "rules.yaml", """
places:
  state_roles: [GOV, MLI]
visits:
  not_roles: [MIL]
""")
    assert any("rules.yaml:2: places state_roles: warning: role 'MLI' is not a role of agents.yaml" in m
               for m in msgs), msgs
    assert not any("not_roles" in m or "'GOV'" in m for m in msgs), msgs


def test_pattern_code_not_in_taxonomy(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", """
patterns:
  - id: meet
    verb: meet
    code: "999"
""")
    assert any("verbs.yaml:4: pattern meet: code 999 is not in the taxonomy" in m for m in msgs), msgs


def test_unquoted_code_is_reported(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", "patterns:\n  - id: meet\n    verb: meet\n    code: 040\n")
    assert any("verbs.yaml:4: pattern meet: code must be a quoted string" in m for m in msgs), msgs


def test_duplicate_pattern_id(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", """
patterns:
  - {id: meet, verb: meet, code: "040"}
  - {id: meet, verb: confer, code: "040"}
""")
    assert any("verbs.yaml:3: pattern meet: duplicate id" in m for m in msgs), msgs


def test_date_range_end_before_start(tmp_path):
    msgs = broken(tmp_path, "actors.yaml", """
actors:
  - code: CHNELI
    kind: person
    country: CHN
    names: [Wang Yi]
    codes:
      - {code: CHNGOV, from: 2022-12-30, to: 2013-03-16}
""")
    assert any("actors.yaml:7: actor CHNELI (Wang Yi): date range ends (2013-03-16) before it starts" in m
               for m in msgs), msgs


def test_agent_role_outside_role_set(tmp_path):
    msgs = broken(tmp_path, "agents.yaml", """
roles: {GOV: Government}
agents:
  - role: XYZ
    words: [wizard]
""")
    assert any("agents.yaml:3: agents XYZ: role 'XYZ' is not in the role set" in m for m in msgs), msgs


def test_every_error_is_reported_not_just_the_first(tmp_path):
    msgs = broken(tmp_path, "verbs.yaml", """
patterns:
  - {id: a, verb: meet, code: "999"}
  - {id: b, verb: meet, code: "998"}
  - {id: c, verb: meet, code: "040", voice: sideways}
""")
    assert sum("not in the taxonomy" in m for m in msgs) == 2
    assert any("voice must be" in m for m in msgs)


def test_shared_alias_is_a_warning(tmp_path):
    files = dict(MINI)
    files["actors.yaml"] = MINI["actors.yaml"] + """
          - code: GEO
            kind: country
            names: [Georgia]
          - code: USA
            kind: country
            names: [United States, Georgia]
    """
    book, problems = check_codebook(write_codebook(tmp_path / "geo", files))
    assert book is not None  # warnings do not stop loading
    warnings = [str(p) for p in problems if p.severity == "warning"]
    assert any("'georgia' is also claimed by GEO" in w for w in warnings), warnings


def test_load_codebook_raises_with_all_problems(tmp_path):
    bad = with_file(tmp_path, "verbs.yaml", 'patterns:\n  - {id: a, verb: meet, code: "999"}\n', folder="bad")
    with pytest.raises(CodebookError) as err:
        load_codebook(bad)
    assert "verbs.yaml:2: pattern a: code 999 is not in the taxonomy" in str(err.value)


def test_dated_codes_pick_narrowest_and_most_recent(mini_codebook):
    book = load_codebook(mini_codebook)
    wang = next(a for a in book.actors if a.code == "CHNELI")
    assert wang.code_on(dt.date(2022, 6, 8))[0] == "CHNGOV"
    assert wang.code_on(dt.date(2010, 1, 1))[0] == "CHNELI"  # outside every range: the base code
    assert wang.code_on(dt.date(2023, 1, 15))[0] == "CHNELI"
    assert wang.code_on(None)[1].valid.start == dt.date(2023, 7, 25)  # undated story: most recent range


def test_narrowest_range_wins(tmp_path):
    book = load_codebook(with_file(tmp_path, "actors.yaml", """
actors:
  - code: KAZELI
    kind: person
    country: KAZ
    names: [Mukhtar Tleuberdi]
    codes:
      - {code: KAZELI, from: 2000-01-01}
      - {code: KAZGOV, from: 2019-12-18, to: 2023-04-01}
""", folder="narrow"))
    assert book.actors[0].code_on(dt.date(2022, 6, 8))[0] == "KAZGOV"
    assert book.actors[0].code_on(dt.date(2024, 6, 8))[0] == "KAZELI"


def test_pluralize():
    assert pluralize("minister") == "ministers"
    assert pluralize("army") == "armies"
    assert pluralize("policeman") == "policemen"
    assert pluralize("foreign minister") == "foreign ministers"
    assert pluralize("embassy") == "embassies"
    assert pluralize("boss") == "bosses"


def test_bundled_codebook_is_valid_and_loads_fast():
    start = time.perf_counter()
    book, problems = check_codebook(None)
    elapsed = time.perf_counter() - start
    assert book is not None, [str(p) for p in problems if p.severity == "error"][:20]
    assert elapsed < 60  # a blow-up guard only (< 2 s on an idle machine; shared CI machines are noisy)
    summary = book.summary()
    assert summary["actors"] >= 300
    assert summary["persons"] >= 400
    assert summary["agent phrases"] >= 200
    kinds = {a.kind for a in book.actors}
    assert {"country", "igo", "armed_group", "person"} <= kinds
    assert sum(a.kind == "igo" for a in book.actors) >= 40
    assert sum(a.kind == "armed_group" for a in book.actors) >= 40


def test_bundled_roles_cover_cameo_role_set():
    book = load_codebook(None)
    for role in "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LEG ELI HLH REF AGR LAB IGO NGO UAF".split():
        assert role in book.roles, role
    assert {a.role for a in book.agents} >= {"GOV", "MIL", "REB", "COP", "JUD", "MED", "BUS", "LEG", "CVL"}


def test_validate_cli_exit_codes(mini_codebook, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "coder", "validate", str(mini_codebook)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "valid" in ok.stdout and "patterns" in ok.stdout
    book_dir = with_file(tmp_path, "verbs.yaml",
                         'patterns:\n  - {id: a, verb: meet, code: "999"}\n  - {id: a, verb: meet, code: "040"}\n',
                         folder="b")
    bad = subprocess.run([sys.executable, "-m", "coder", "validate", str(book_dir)],
                         capture_output=True, text=True)
    assert bad.returncode == 2
    assert "b/verbs.yaml:2: pattern a: code 999 is not in the taxonomy" in bad.stderr
    assert "b/verbs.yaml:3: pattern a: duplicate id" in bad.stderr
