"""Event rows: CSV readable by pandas with codes as strings; stable ids; one-a-day."""

from __future__ import annotations

import pandas as pd

from coder.output.rows import COLUMN_NAMES, frame, one_a_day, rows
from coder.output.writers import format_for, write_rows


def sample_rows(coder_api):
    events = coder_api.code_text("Russian troops attacked Ukraine. Russian troops attacked Ukraine again. "
                                 "Iran refused to meet American officials.", date="2022-03-01", id="s1")
    return rows(events)


def test_csv_roundtrip_keeps_codes_as_strings(coder_api, tmp_path):
    out = tmp_path / "e.csv"
    data = sample_rows(coder_api)
    assert write_rows(data, out, "csv") == len(data)
    text = out.read_text()
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(df.columns) == COLUMN_NAMES
    assert set(df["code"]) >= {"190", "125"}
    assert df["root_code"].str.len().eq(2).all()
    # R/Stata-friendly: every text field is quoted, so '042' cannot lose its zero
    assert all(line.startswith('"') for line in text.splitlines())


def test_leading_zero_codes_survive(tmp_path, coder_api):
    data = rows(coder_api.code_text("China visited Russia.", date="2022-01-01", id="v"))
    out = tmp_path / "v.csv"
    write_rows(data, out, "csv")
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(df["code"]) == {"042", "043"} and set(df["root_code"]) == {"04"}


def test_event_ids_stable_and_unique(coder_api):
    first, second = sample_rows(coder_api), sample_rows(coder_api)
    assert [r["event_id"] for r in first] == [r["event_id"] for r in second]
    assert len({r["event_id"] for r in first}) == len(first)
    assert first[0]["event_id"] == "s1-1-0"


def test_one_a_day_drops_repeats_within_story(coder_api):
    data = sample_rows(coder_api)
    attacks = [r for r in data if r["code"] == "190"]
    assert len(attacks) == 2
    kept = one_a_day(data)
    assert len([r for r in kept if r["code"] == "190"]) == 1
    assert len(kept) == len(data) - 1


def test_frame_dtypes(coder_api):
    df = frame(sample_rows(coder_api))
    assert str(df["code"].dtype) == "string" and str(df["sentence_no"].dtype) == "int64"
    assert df["source_role"].isna().sum() == 0


def test_format_from_extension():
    assert format_for("x.csv") == "csv" and format_for("x.parquet") == "parquet" and format_for("x.dta") == "dta"
    assert format_for("x.out", "tsv") == "tsv"
