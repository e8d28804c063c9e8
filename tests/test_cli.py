"""The command line: `coder code`, `coder explain`, `coder evaluate`, and the README's commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.conftest import REPO

FIXTURE = REPO / "fixtures" / "sample_corpus.jsonl"


def run(*args: str, cwd: Path = REPO, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coder", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin, timeout=600)


def test_code_sample_corpus_to_csv(tmp_path):
    out = tmp_path / "events.csv"
    result = run("code", str(FIXTURE), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    for column in ("event_id", "story_id", "sentence_no", "date", "source", "source_country", "source_role",
                   "target", "target_country", "target_role", "code", "root_code", "quad_class", "goldstein",
                   "source_text", "target_text", "trigger", "pattern_id", "sentence"):
        assert column in df.columns
    assert len(df) >= 10
    assert df["event_id"].is_unique
    assert df["code"].str.fullmatch(r"\d{3,4}").all()  # leading zeros kept as text
    assert "None" not in set(df["source_role"]) | set(df["target_role"])
    assert set(df["story_id"]) <= {json.loads(l)["id"] for l in FIXTURE.read_text().splitlines()}
    assert "sample-010" not in set(df.loc[df["sentence"].str.contains("football"), "story_id"])


def test_code_reports_bad_records_and_codes_the_rest(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_bytes(b'{"id": "ok1", "date": "2022-01-01", "text": "Russia condemned Ukraine."}\n'
                       b'{not json\n'
                       b'{"id": "nodate", "date": "31/31/2022", "text": "Russia condemned Ukraine."}\n'
                       b'{"id": "notext", "date": "2022-01-01"}\n'
                       b'{"id": "bytes", "text": "\xff\xfe bad"}\n'
                       b'{"id": "ok2", "text": "Turkey condemned Israel."}\n')
    out, errors = tmp_path / "out.csv", tmp_path / "errors.jsonl"
    result = run("code", str(corpus), "-o", str(out), "--errors", str(errors), "--quiet")
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(df["story_id"]) == {"ok1", "ok2"}
    assert df.loc[df["story_id"] == "ok2", "date"].tolist() == [""]
    bad = [json.loads(l) for l in errors.read_text().splitlines()]
    assert [b["line"] for b in bad] == [2, 3, 4, 5]
    assert all(b["file"] == str(corpus) and b["reason"] for b in bad)
    assert run("code", str(corpus), "-o", str(out), "--quiet", "--strict").returncode == 1


def test_clear_errors_before_work(tmp_path):
    missing = run("code", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.csv"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    unwritable = run("code", str(FIXTURE), "-o", str(tmp_path / "no" / "dir" / "o.csv"))
    assert unwritable.returncode == 2 and "does not exist" in unwritable.stderr
    fmt = run("code", str(FIXTURE), "-o", str(tmp_path / "o.xyz"))
    assert fmt.returncode == 2 and "format" in fmt.stderr
    bad_book = tmp_path / "book"
    bad_book.mkdir()
    (bad_book / "codebook.yaml").write_text("name: x\nevents: missing.yaml\n")
    book = run("code", str(FIXTURE), "-o", str(tmp_path / "o.csv"), "--codebook", str(bad_book))
    assert book.returncode == 2 and "codebook.yaml" in book.stderr


def test_clear_errors_before_work_for_options_and_columns(tmp_path):
    fmt = run("code", str(FIXTURE), "-o", str(tmp_path / "o.csv"), "--format", "xlsx")
    assert fmt.returncode == 2 and "unknown format 'xlsx'" in fmt.stderr
    processes = run("code", str(FIXTURE), "-o", str(tmp_path / "o.csv"), "--n-process", "0")
    assert processes.returncode == 2 and "--n-process" in processes.stderr
    (tmp_path / "taken").mkdir()
    directory = run("code", str(FIXTURE), "-o", str(tmp_path / "taken"), "--format", "csv")
    assert directory.returncode == 2 and "is a directory" in directory.stderr
    table = tmp_path / "stories.csv"
    table.write_text("id,body\n1,Russia condemned Ukraine.\n")
    column = run("code", str(table), "-o", str(tmp_path / "o.csv"))
    assert column.returncode == 2 and "no column 'text'" in column.stderr and "--text-field" in column.stderr
    for result in (fmt, processes, directory, column):
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stories.csv", "taken"]  # nothing written


def test_other_formats(tmp_path):
    for ext in ("tsv", "jsonl", "parquet", "dta"):
        out = tmp_path / f"events.{ext}"
        result = run("code", str(FIXTURE), "-o", str(out), "--quiet")
        assert result.returncode == 0, result.stderr
        assert out.exists() and not (tmp_path / f"events.{ext}.partial").exists()
    df = pd.read_parquet(tmp_path / "events.parquet")
    assert df["code"].dtype == "string" or df["code"].dtype == object
    assert df["code"].str.len().min() >= 3
    stata = pd.read_stata(tmp_path / "events.dta")
    assert stata["code"].str.len().min() >= 3


def test_explain_shows_actors_patterns_and_events():
    result = run("explain", "Chinese Foreign Minister Wang Yi visited Kazakhstan.", "--date", "2022-06-08")
    assert result.returncode == 0, result.stderr
    assert "Wang Yi" in result.stdout and "CHNGOV" in result.stdout
    assert "persons" in result.stdout or "person" in result.stdout  # why: the dictionary entry
    assert "04.visit" in result.stdout or "visit" in result.stdout
    assert re.search(r"EVENT\s+CHNGOV -> KAZ\s+042", result.stdout)
    as_json = json.loads(run("explain", "Russia condemned Ukraine.", "--json").stdout)
    assert as_json["sentences"][0]["events"][0]["code"] == "111"


def test_explain_says_why_an_act_toward_ones_own_country_is_dropped():
    result = run("explain", "Vice-President Hamilton Mourao defended Brazil's environmental policies.",
                 "--date", "2020-07-01")
    assert result.returncode == 0, result.stderr
    assert "own_country_roots" in result.stdout and "EVENT" not in result.stdout


def test_explain_lists_known_actors_no_pattern_looked_at():
    """A sentence no pattern codes still shows which dictionary names were found, so a user can tell a
    missing verb pattern from a missing actor."""
    result = run("explain", "Russia and Armenia share a long history.")
    assert result.returncode == 0, result.stderr
    assert re.search(r"known\s+'Russia': name -> RUS", result.stdout)
    assert re.search(r"known\s+'Armenia': name -> ARM", result.stdout)
    assert "EVENT" not in result.stdout


def test_evaluate_on_small_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "date": "2022-01-01", "text": "Russia condemned Ukraine.",
         "expected": [{"source": "RUS", "target": "UKR", "code": "111"}]},
        {"id": "b", "text": "Iran refused to meet American officials.",
         "expected": [{"source": "IRN", "target": "USAGOV", "code": "120", "alternatives": ["125"]}]},
        {"id": "c", "text": "Turkey condemned Israel.", "expected": [{"source": "TUR", "target": "ISR", "code": "112"}]},
        {"id": "d", "text": "skipped", "expected": None},
    ]) + "\n")
    out = tmp_path / "scores.json"
    result = run("evaluate", str(gold), "--json", str(out))
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    assert report["records"] == 3
    exact = report["levels"]["exact"]
    assert (exact["tp"], exact["fp"], exact["fn"]) == (2, 1, 1)
    assert report["levels"]["root"]["tp"] == 3  # 111 vs 112 share root 11
    assert "exact" in result.stdout and "worst" in result.stdout


def test_readme_commands_are_what_ci_runs():
    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    install, tests = blocks[0].strip(), blocks[1].strip()
    assert "fixtures/" in install and "coder code" in install and "pip install" in install
    assert tests == "python -m pytest"
    ci = (REPO / ".ci" / "run").read_text()
    assert tests in ci.splitlines()
    # the coding half of the first command works as written (the install half is what CI does)
    coding = install.split("&&", 1)[1].strip()
    assert coding.startswith("coder code ")
