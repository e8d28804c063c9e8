"""The Dask engine on a real LocalCluster (2 worker processes): the local engine's rows, in its order,
for CLI and API; a worker SIGKILLed mid-run loses and duplicates nothing; --resume skips finished parts."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed", reason='needs dask[distributed]: pip install -e ".[dask]"')

from typer.testing import CliRunner  # noqa: E402

from coder.cli import app  # noqa: E402
from coder.engines.dask import code_dataframe, code_files, connect, staging_dir  # noqa: E402
from tests.test_cli import FIXTURE  # noqa: E402

N_STORIES = 240


def sentences() -> list[str]:
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        for s in re.split(r"(?<=\.)\s+", json.loads(line)["text"]):
            out.append(s.strip())
    return [s for s in out if s]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """240 stories of two fixture sentences, plus a bad JSON line, a record without text and blank lines,
    so partition boundaries fall among bad records and line numbers must survive the split."""
    pool = sentences()
    path = tmp_path_factory.mktemp("dask_corpus") / "stories.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_STORIES):
            if i == 30:
                fh.write("{not json\n\n")
            if i == 101:
                fh.write(json.dumps({"id": "notext", "date": "2022-01-01"}) + "\n")
            text = f"{pool[i % len(pool)]} {pool[(3 * i + 1) % len(pool)]}"
            fh.write(json.dumps({"id": f"d{i:04d}", "date": f"2022-04-{1 + i % 28:02d}", "text": text}) + "\n")
    return path


def records(path: Path) -> pd.DataFrame:
    """The corpus's good records as a DataFrame of strings."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("text"):
            rows.append(record)
    return pd.DataFrame(rows, dtype=str)


def local_run(inputs: list[str], out: Path, errors: Path) -> None:
    result = CliRunner().invoke(app, ["code", *inputs, "-o", str(out), "--errors", str(errors), "--quiet"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[Path, Path]:
    out_dir = tmp_path_factory.mktemp("dask_reference")
    out, errors = out_dir / "events.csv", out_dir / "errors.jsonl"
    local_run([str(corpus)], out, errors)
    return out, errors


@pytest.fixture(scope="module")
def client():
    with connect(None, workers=2) as c:
        yield c


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_rows_and_errors_are_the_local_engines_in_order(client, corpus, reference, tmp_path):
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    counts = code_files(client, [str(corpus)], out, "csv", errors=errors, partition_size=17)
    assert set(lines(out)) == set(lines(reference[0]))  # as a set ...
    assert out.read_bytes() == reference[0].read_bytes()  # ... and in order, byte for byte
    assert errors.read_bytes() == reference[1].read_bytes()
    assert [json.loads(l)["line"] for l in lines(errors)] == [31, 104]
    assert counts["stories"] == N_STORIES and counts["errors"] == 2 and counts["events"] == len(lines(out)) - 1
    assert not staging_dir(out).exists()
    assert set(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == {None}  # ~20 % faster spaCy


def test_cli_with_scheduler_address_csv_input_and_parquet_outputs(client, corpus, tmp_path):
    table = tmp_path / "stories.csv"
    records(corpus).iloc[:90].to_csv(table, index=False)
    ref, ref_errors = tmp_path / "ref.csv", tmp_path / "ref_errors.jsonl"
    local_run([str(table)], ref, ref_errors)
    address = client.scheduler.address
    for out, extra in ((tmp_path / "events.csv", []), (tmp_path / "events.parquet", []),
                       (tmp_path / "events_dir", ["--format", "parquet-dir"])):
        result = CliRunner().invoke(app, ["code", str(table), "-o", str(out), "--engine", "dask", "--scheduler", address,
                                          "--partition-size", "20", *extra])
        assert result.exit_code == 0, result.output
        assert re.search(r"stories \d+, sentences \d+, events \d+, errors 0", result.output)
    assert (tmp_path / "events.csv").read_bytes() == ref.read_bytes()
    expected = pd.read_csv(ref, dtype=str, keep_default_na=False)
    for out in (tmp_path / "events.parquet", tmp_path / "events_dir"):
        got = pd.read_parquet(out)
        assert got["code"].dtype == "string" and got["sentence_no"].dtype == "int64"
        pd.testing.assert_frame_equal(got.astype(str).reset_index(drop=True), expected)
    assert len(list((tmp_path / "events_dir").glob("part-*.parquet"))) == 5


def test_code_dataframe_has_the_columns_and_dtypes_of_code_frame(client, coder_api, corpus):
    import dask.dataframe as dd

    stories = records(corpus).iloc[:60]
    got = code_dataframe(dd.from_pandas(stories, npartitions=4))
    expected = coder_api.code_frame(stories)
    assert list(got.columns) == list(expected.columns)
    assert got.dtypes.equals(expected.dtypes)  # the lazy meta already says it
    computed = got.compute()
    assert computed.dtypes.equals(expected.dtypes)
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), expected.reset_index(drop=True))


def test_worker_killed_mid_run_every_row_exactly_once(client, corpus, reference, tmp_path):
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    staging = staging_dir(out)
    result: dict = {}

    def job() -> None:
        try:
            result["counts"] = code_files(client, [str(corpus)], out, "csv", errors=errors, partition_size=4)
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            result["error"] = err

    pids = client.run(os.getpid)
    thread = threading.Thread(target=job)
    thread.start()
    deadline = time.monotonic() + 60
    while not list(staging.glob("*.done.json")) and time.monotonic() < deadline:
        time.sleep(0.01)
    finished_before = len(list(staging.glob("*.done.json")))
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)  # partitions are running on both workers now
    thread.join(timeout=120)
    assert not thread.is_alive() and "error" not in result, result.get("error")
    assert 0 < finished_before < 61  # the kill really came mid-run (61 partitions in all)
    assert victim not in client.run(os.getpid).values()  # the worker died (and its nanny started a new one)
    assert out.read_bytes() == reference[0].read_bytes()  # no row lost, none twice, same order
    assert errors.read_bytes() == reference[1].read_bytes()
    assert result["counts"]["stories"] == N_STORIES


def test_resume_skips_partitions_already_written(client, corpus, reference, tmp_path):
    out = tmp_path / "events.jsonl"
    first: list[int] = []

    def stop_after_three(index: int, counts: dict, bad: list) -> None:
        first.append(index)
        if len(first) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        code_files(client, [str(corpus)], out, "jsonl", partition_size=20, settings={"run": 1},
                   on_part=stop_after_three)
    assert not out.exists() and staging_dir(out).is_dir()
    time.sleep(1.0)  # tasks already running when interrupted may still finish and write their parts
    done_before = {int(p.name[5:10]) for p in staging_dir(out).glob("*.done.json")}
    with pytest.raises(Exception, match="other options"):
        code_files(client, [str(corpus)], out, "jsonl", resume=True, settings={"run": 2})
    second: list[int] = []
    code_files(client, [str(corpus)], out, "jsonl", partition_size=20, resume=True, settings={"run": 1},
               on_part=lambda index, counts, bad: second.append(index))
    assert set(first) <= done_before and not done_before & set(second)
    assert len(done_before) + len(second) == 13
    expected = pd.read_csv(reference[0], dtype=str, keep_default_na=False)
    got = pd.DataFrame([json.loads(line) for line in lines(out)]).astype(str)
    pd.testing.assert_frame_equal(got, expected)


def test_without_dask_one_clear_error(tmp_path):
    script = ("import sys; sys.modules['distributed'] = None; from coder.cli import main; "
              f"sys.argv = ['coder', 'code', {str(FIXTURE)!r}, '-o', {str(tmp_path / 'o.csv')!r}, '--engine', 'dask']; "
              "main()")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ['error: --engine dask needs Dask: pip install -e ".[dask]"']


def test_partitions_of_a_txt_directory_read_from_the_clients_directory(tmp_path, monkeypatch):
    from coder.corpus import Fields, read_stories
    from coder.engines.dask import plan_parts, read_part

    for i in range(7):
        (tmp_path / "news" / "sub").mkdir(parents=True, exist_ok=True)
        (tmp_path / "news" / ("sub" if i % 2 else "") / f"2022-01-0{i + 1}-s{i}.txt").write_bytes(
            b"Russia condemned Ukraine." if i != 3 else b"\xff bad")
    monkeypatch.chdir(tmp_path)
    expected = list(read_stories(["news"], Fields(), None))
    parts, size = plan_parts(["news"], Fields(), None, size=3)
    assert size == 3 and [len(p.files) for p in parts] == [3, 3, 1]
    monkeypatch.chdir(tmp_path.parent)  # a worker elsewhere: relative names resolved from the client's cwd
    got = [item for p in parts for item in read_part(p, Fields(), None, cwd=str(tmp_path))]
    assert [getattr(i, "file", None) for i in got] == [getattr(i, "file", None) for i in expected]
    assert [getattr(i, "id", None) or i.story_id for i in got] == [getattr(i, "id", None) or i.story_id for i in expected]
