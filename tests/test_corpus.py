"""Coding a corpus: same rows for any process count, resume after kill -9, every input kind, the API.

Real files and real parses; the kill test kills a real `python -m coder code` mid-run.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from coder.corpus import Fields, Story, code_stories, count_records, read_stories
from coder.output.rows import COLUMN_NAMES, DTYPES
from tests.test_cli import FIXTURE, run

SENTENCES = [
    "Russia condemned Ukraine.",
    "China and Russia signed an agreement on trade cooperation.",
    "Turkish troops attacked Kurdish rebels in northern Syria.",
    "Iran refused to meet American officials.",
    "The United States imposed new sanctions on Moscow.",
    "Chinese Foreign Minister Wang Yi visited Kazakhstan.",
    "Iraqi police arrested dozens of protesters in Baghdad.",
    "France praised Germany for its help.",
]
N_STORIES = 400


def csv_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def as_text(df: pd.DataFrame) -> pd.DataFrame:
    """A typed frame as the strings a CSV holds, to compare it with one read back with dtype=str."""
    return df.astype(str).reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, int]:
    """400 short stories of 1-3 sentences, with a bad line every 97 records; (path, sentence count)."""
    rng = random.Random(6)
    path = tmp_path_factory.mktemp("corpus") / "stories.jsonl"
    sentences = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_STORIES):
            if i % 97 == 50:
                fh.write("{not json\n")
                continue
            picked = [rng.choice(SENTENCES) for _ in range(rng.randint(1, 3))]
            sentences += len(picked)
            fh.write(json.dumps({"id": f"s{i:04d}", "date": f"2022-03-{1 + i % 28:02d}", "text": " ".join(picked)}) + "\n")
    return path, sentences


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[Path, Path, str]:
    """An uninterrupted single-process run: (events.csv, errors.jsonl, summary totals)."""
    path, sentences = corpus
    out_dir = tmp_path_factory.mktemp("reference")
    out, errors = out_dir / "events.csv", out_dir / "errors.jsonl"
    result = run("code", str(path), "-o", str(out), "--errors", str(errors), "--batch-size", "4")
    assert result.returncode == 0, result.stderr
    totals = f"stories {N_STORIES - 4}, sentences {sentences}, events {len(csv_frame(out))}, errors 4"
    assert totals + ", elapsed" in result.stderr
    assert len(csv_frame(out)) > N_STORIES
    return out, errors, totals


def test_two_processes_write_the_same_rows_in_the_same_order(corpus, reference, tmp_path):
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    result = run("code", str(corpus[0]), "-o", str(out), "--errors", str(errors), "--batch-size", "4",
                 "--n-process", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference[0].read_bytes()
    assert errors.read_bytes() == reference[1].read_bytes()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _kill_mid_run(args: list[str], checkpoint: Path, at_least: int) -> dict:
    """Start `coder code`, SIGKILL it once the checkpoint shows `at_least` records; its last checkpoint."""
    proc = subprocess.Popen([sys.executable, "-m", "coder", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    state: dict = {}
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            state = json.loads(checkpoint.read_text())
        except (OSError, ValueError):
            state = {}
        if state.get("records", 0) >= at_least:
            break
        time.sleep(0.005)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"finished before it could be killed: {proc.stderr.read()}"
    for pid in workers:  # workers die with their parent instead of waiting on their queue forever
        for _ in range(200):
            if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
                break
            time.sleep(0.025)
        else:
            pytest.fail(f"worker {pid} outlived its killed parent")
    return json.loads(checkpoint.read_text())  # it may have committed another batch before the kill landed


def test_resume_after_kill_9_gives_exactly_the_uninterrupted_rows(corpus, reference, tmp_path):
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    args = ["code", str(corpus[0]), "-o", str(out), "--errors", str(errors), "--batch-size", "4"]
    state = _kill_mid_run(args, tmp_path / "events.csv.checkpoint.json", at_least=60)
    assert 60 <= state["records"] < N_STORIES and not state["done"]
    assert not out.exists() and not errors.exists()  # nothing that looks complete
    assert (tmp_path / "events.csv.partial").exists()
    resumed = run(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming after {state['records']} input records" in resumed.stderr
    assert out.read_bytes() == reference[0].read_bytes()  # no duplicates, no gaps, same order
    assert errors.read_bytes() == reference[1].read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.jsonl", "events.csv"]
    assert reference[2] + ", elapsed" in resumed.stderr  # the summary counts both runs


def test_resume_parquet_with_two_processes_after_kill_9(corpus, reference, tmp_path):
    out = tmp_path / "events.parquet"
    args = ["code", str(corpus[0]), "-o", str(out), "--batch-size", "4", "--n-process", "2", "--quiet"]
    _kill_mid_run(args, tmp_path / "events.parquet.checkpoint.json", at_least=60)
    assert not out.exists() and (tmp_path / "events.parquet.partial.jsonl").exists()
    resumed = run(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    df = pd.read_parquet(out)
    assert {c: str(t) for c, t in df.dtypes.items()} == DTYPES
    pd.testing.assert_frame_equal(as_text(df), csv_frame(reference[0]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.parquet"]


def test_resume_refuses_a_checkpoint_from_other_options(tmp_path):
    out = tmp_path / "events.csv"
    checkpoint = tmp_path / "events.csv.checkpoint.json"
    state = {"version": 1, "settings": {"inputs": ["/elsewhere/other.jsonl"]}, "records": 7, "output_bytes": 9,
             "errors_bytes": 0, "counts": {}, "done": False}
    checkpoint.write_text(json.dumps(state))
    result = run("code", str(FIXTURE), "-o", str(out), "--resume")
    assert result.returncode == 2 and "other options (" in result.stderr and "inputs" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(checkpoint.read_text()) == state and not out.exists()  # left for the right command


def test_api_code_file_returns_the_cli_rows(coder_api, tmp_path):
    out = tmp_path / "events.parquet"
    result = run("code", "-", "-o", str(out), "--quiet", stdin=FIXTURE.read_text())  # stdin JSONL
    assert result.returncode == 0, result.stderr
    api = coder_api.code_file(FIXTURE)
    assert list(api.columns) == COLUMN_NAMES and {c: str(t) for c, t in api.dtypes.items()} == DTYPES
    cli = pd.read_parquet(out)
    pd.testing.assert_frame_equal(api, cli)
    assert api["code"].str.fullmatch(r"\d{3,4}").all()
    assert coder_api.code_file(FIXTURE, n_process=2).equals(api)


def test_gzip_input_format_override_and_fresh_start_over_a_stale_run(coder_api, tmp_path):
    packed = tmp_path / "stories.jsonl.gz"
    packed.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    out = tmp_path / "events.txt"
    (tmp_path / "events.txt.partial").write_text("stale rows of a killed run\n")
    (tmp_path / "events.txt.checkpoint.json").write_text(json.dumps({"version": 1, "records": 7}))
    result = run("code", str(packed), "-o", str(out), "--format", "tsv", "--quiet")  # no --resume: start over
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith('"event_id"\t"story_id"\t')
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(df, as_text(coder_api.code_file(FIXTURE)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.txt", "stories.jsonl.gz"]


def test_csv_input_with_custom_field_names(tmp_path):
    stories = tmp_path / "stories.csv"
    pd.DataFrame({
        "doc": ["a1", "a2", "a3"],
        "published": ["2022-03-01", "20210914", ""],
        "body": ["Russian troops shelled Kharkiv.\nUkraine condemned Russia.", "Iraqi police arrested protesters.",
                 "Turkey condemned Israel."],
        "text": ["ignored", "ignored", "ignored"],
    }).to_csv(stories, index=False)
    out = tmp_path / "events.csv"
    result = run("code", str(stories), "-o", str(out), "--id-field", "doc", "--date-field", "published",
                 "--text-field", "body", "--quiet")
    assert result.returncode == 0, result.stderr
    df = csv_frame(out)
    assert set(zip(df["story_id"], df["date"])) == {("a1", "2022-03-01"), ("a2", "2021-09-14"), ("a3", "")}
    assert {"RUSMIL UKR", "UKR RUS", "IRQPOL ---"} & set(df["source"] + " " + df["target"])
    assert df.loc[df["story_id"] == "a1", "sentence_no"].tolist()[-1] == "2"  # the quoted newline stayed in


def run_on_terminal(*args: str) -> tuple[int, str]:
    """Run `coder` with stderr on a 120x40 pseudo-terminal; (exit code, what it drew there)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "coder", *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


def test_directory_of_txt_stories_dates_from_file_names(tmp_path):
    stories = tmp_path / "stories"
    (stories / "sub").mkdir(parents=True)
    (stories / "2022-03-01_kharkiv.txt").write_text("Russian troops attacked Ukraine.")
    (stories / "sub" / "20210914-baghdad.txt").write_text("Iraqi police arrested dozens of protesters.")
    (stories / "undated.txt").write_text("Turkey condemned Israel.")
    (stories / "notes.md").write_text("Russia condemned Ukraine.")
    out = tmp_path / "events.csv"
    code, terminal = run_on_terminal("code", str(stories), "-o", str(out), "--date", "2020-01-01")
    assert code == 0, terminal
    dates = dict(zip(csv_frame(out)["story_id"], csv_frame(out)["date"]))
    assert dates == {"2022-03-01_kharkiv": "2022-03-01", "20210914-baghdad": "2021-09-14", "undated": "2020-01-01"}
    # on a terminal: a progress bar with a known total (3 files), rate, events and errors
    assert "3/3 [" in terminal and "stories/s" in terminal and "errors=0" in terminal and "events=" in terminal
    assert "stories 3, sentences 3, events" in terminal


def test_long_story_is_coded_in_pieces(coder_api):
    text = " ".join(f"Russia condemned Ukraine on day {i}." for i in range(60))  # ~2,100 characters
    nlp = coder_api.nlp
    whole = list(code_stories(nlp, [Story("long", "2022-03-01", text, "t")]))[0][1]
    saved, nlp.max_length = nlp.max_length, 1000
    try:
        pieces = list(code_stories(nlp, [Story("long", "2022-03-01", text, "t")]))[0][1]
    finally:
        nlp.max_length = saved
    assert len(pieces) == len(whole) == 60
    assert [e.sentence_no for e in pieces] == list(range(1, 61))  # numbers run on across pieces
    assert all(text[e.trigger_start:e.trigger_end] == e.trigger for e in pieces)  # offsets in the whole story


def test_count_records_for_the_progress_bar(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "x"}\n\n{"text": "y"}\n{bad\n')
    (tmp_path / "d").mkdir()
    for name in ("1.txt", "2.txt"):
        (tmp_path / "d" / name).write_text("x")
    assert count_records([str(jsonl), str(tmp_path / "d")]) == 5
    assert count_records([str(jsonl)]) == sum(1 for _ in read_stories([str(jsonl)], Fields()))
    assert count_records([str(FIXTURE), "-"]) is None  # stdin: unknown, so no ETA
    (tmp_path / "a.csv").write_text('text\n"two\nlines"\n')
    assert count_records([str(tmp_path / "a.csv")]) is None


def test_workers_started_with_spawn_rebuild_the_coder_from_its_arguments(mini_codebook):
    from coder.api import Coder
    from coder.corpus import batches
    from coder.engines.local import LocalEngine

    mini = Coder(codebook=mini_codebook)
    stories = [Story(f"k{i}", "2022-06-08", text, "t") for i, text in
               enumerate(["Wang Yi visited Kazakhstan.", "Chinese troops attacked Kazakhstan."] * 3)]
    with LocalEngine(mini, n_process=1) as engine:
        here = [c for _, coded in engine.map(batches(stories, 2)) for c in coded]
    with LocalEngine(mini, n_process=2, start_method="spawn") as engine:
        spawned = [c for _, coded in engine.map(batches(stories, 2)) for c in coded]
    assert spawned == here
    assert {r["pattern_id"] for c in here for r in c.rows} <= {"meet", "visit", "attack"}  # the mini codebook's


def test_truncated_gzip_is_reported_and_the_rest_kept(tmp_path):
    data = b"".join(json.dumps({"id": f"s{i}", "text": "Russia condemned Ukraine."}).encode() + b"\n"
                    for i in range(200))
    packed = gzip.compress(data)
    corpus = tmp_path / "cut.jsonl.gz"
    corpus.write_bytes(packed[: len(packed) // 2])
    out, errors = tmp_path / "o.csv", tmp_path / "e.jsonl"
    result = subprocess.run([sys.executable, "-m", "coder", "code", str(corpus), "-o", str(out), "--errors",
                             str(errors), "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    [bad] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert "unreadable" in bad["reason"] and bad["line"] > 1
    assert len(out.read_text().splitlines()) == bad["line"]  # header + every story before the cut
