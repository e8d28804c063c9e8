"""The `coder` command line: validate, code, explain, evaluate.

Every failure a user can cause (missing input, unwritable output, bad codebook, missing model) is one
clear line on stderr and exit code 2, before any work starts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Code news text into CAMEO political events (who did what to whom, when).")
codebook_app = typer.Typer(help="Codebook tools.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")


def fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def validate(codebook: Optional[Path] = typer.Argument(None, help="Codebook directory (default: bundled CAMEO)."),
             quiet: bool = typer.Option(False, "--quiet", "-q", help="Print problems only.")) -> None:
    """Check a codebook: every problem as file:line: entry: message; exit 2 on any error."""
    from coder.codebook.loader import check_codebook

    start = time.perf_counter()
    book, problems = check_codebook(codebook)
    elapsed = time.perf_counter() - start
    for p in problems:
        typer.echo(str(p), err=p.severity == "error")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        typer.echo(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)", err=True)
        raise typer.Exit(2)
    assert book is not None
    if not quiet:
        typer.echo(f"codebook {book.name} {book.version}: valid ({len(problems)} warning(s), read in {elapsed:.2f} s)")
        for key, value in book.summary().items():
            typer.echo(f"  {key:22} {value}")
        covered = {p.code for p in book.patterns}
        missing = sorted(c for c in book.events if c not in covered)
        no_examples = [p.id for p in book.patterns if not p.examples]
        typer.echo(f"  codes without patterns ({len(missing)}): {' '.join(missing) if missing else '-'}")
        typer.echo(f"  patterns without examples ({len(no_examples)}): {' '.join(no_examples[:50]) or '-'}"
                   + (" ..." if len(no_examples) > 50 else ""))


def _coder(codebook: Optional[Path], model: Optional[str]):
    from coder.api import Coder
    from coder.codebook.loader import CodebookError
    from coder.model import ModelNotFound

    try:
        return Coder(codebook=codebook, model=model)
    except CodebookError as err:
        fail(str(err))
    except ModelNotFound as err:
        fail(str(err))


@app.command()
def code(
    inputs: List[str] = typer.Argument(..., help="JSONL, CSV/TSV, Parquet, .txt files, directories of .txt, or - for stdin."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file; the extension sets the format."),
    fmt: Optional[str] = typer.Option(None, "--format", help="csv, tsv, jsonl, parquet or dta."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook directory (default: bundled CAMEO)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path."),
    id_field: str = typer.Option("id", "--id-field"),
    date_field: str = typer.Option("date", "--date-field"),
    text_field: str = typer.Option("text", "--text-field"),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for stories that have none."),
    batch_size: int = typer.Option(32, "--batch-size"),
    errors: Optional[Path] = typer.Option(None, "--errors", help="JSONL file for records that could not be coded."),
    one_a_day: bool = typer.Option(False, "--one-a-day", help="Drop repeated (date, source, target, code) rows within a story."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any record was bad."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Code a corpus into event rows (one row per event)."""
    from coder.component import parse_date
    from coder.corpus import BadRecord, Fields, InputError, check_inputs, code_stories, read_stories
    from coder.output.rows import one_a_day as dedupe
    from coder.output.rows import rows
    from coder.output.writers import OutputError, check_writable, format_for, write_rows

    try:
        out_format = format_for(output, fmt)
        check_writable(output)
        if errors is not None:
            check_writable(errors)
        check_inputs(inputs)
        if date is not None:
            parse_date(date)
    except (OutputError, InputError) as err:
        fail(str(err))
    except ValueError:
        fail(f"--date {date!r} is not a date (YYYY-MM-DD)")
    engine = _coder(codebook, model)
    started = time.perf_counter()
    bad: list[BadRecord] = []
    counts = {"stories": 0, "sentences": 0, "events": 0}

    def good_stories():
        for item in read_stories(inputs, Fields(id_field, date_field, text_field), date):
            if isinstance(item, BadRecord):
                bad.append(item)
                if not quiet:
                    typer.echo(f"skipped {item.file}:{item.line}: {item.reason}", err=True)
                continue
            yield item

    all_rows: list[dict] = []
    progress = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit=" stories", file=sys.stderr)
    try:
        for story, events in code_stories(engine.nlp, good_stories(), batch_size=batch_size):
            counts["stories"] += 1
            story_rows = rows(events)
            all_rows.extend(dedupe(story_rows) if one_a_day else story_rows)
            if progress is not None:
                progress.update(1)
                progress.set_postfix(events=len(all_rows), errors=len(bad))
    except InputError as err:
        fail(str(err))
    finally:
        if progress is not None:
            progress.close()
    counts["events"] = len(all_rows)
    write_rows(all_rows, output, out_format)
    if errors is not None:
        with open(errors, "w", encoding="utf-8") as fh:
            for b in bad:
                fh.write(json.dumps(b.to_dict(), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    if not quiet:
        typer.echo(f"stories {counts['stories']}, events {counts['events']}, errors {len(bad)}, "
                   f"elapsed {elapsed:.1f} s -> {output}", err=True)
    if strict and bad:
        raise typer.Exit(1)


@app.command()
def explain(text: str = typer.Argument(..., help="Text to code (one story)."),
            date: Optional[str] = typer.Option(None, "--date", help="Story date YYYY-MM-DD."),
            codebook: Optional[Path] = typer.Option(None, "--codebook"),
            model: Optional[str] = typer.Option(None, "--model"),
            as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text.")) -> None:
    """Show how a text is coded: sentences, actors and why, patterns considered, events."""
    from coder.explain import explain_text

    engine = _coder(codebook, model)
    report = explain_text(engine.nlp, text, date)
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for sent in report["sentences"]:
        typer.echo(f"[{sent['n']}] {sent['text']}")
        for a in sent["actors"]:
            typer.echo(f"    actor  {a['text']!r} -> {a['code']}   because {a['why']}")
        for c in sent["considered"]:
            typer.echo(f"    verb   {c['trigger']!r} pattern {c['pattern_id'] or '-'}: {c['outcome']}")
        for e in sent["events"]:
            typer.echo(f"    EVENT  {e['source']} -> {e['target']}  {e['code']} ({e['name']})  "
                       f"[{e['pattern_id']}{', ' + e['modality'] if e['modality'] else ''}]")
    if not report["sentences"]:
        typer.echo("(no sentences)")


@app.command()
def evaluate(gold: Path = typer.Argument(..., help="Gold JSONL: {id, date, text, expected: [{source, target, code}]}"),
             codebook: Optional[Path] = typer.Option(None, "--codebook"),
             model: Optional[str] = typer.Option(None, "--model"),
             json_out: Optional[Path] = typer.Option(None, "--json", help="Write the numbers and per-record details here."),
             by: str = typer.Option("root", "--by", help="Breakdown: root, code or category."),
             worst: int = typer.Option(10, "--worst", help="How many worst records to print.")) -> None:
    """Precision, recall and F1 of the coder against gold-coded sentences."""
    from coder.evaluate import evaluate_file, format_report

    if not gold.is_file():
        fail(f"{gold}: no such file")
    if by not in ("root", "code", "category"):
        fail("--by must be root, code or category")
    engine = _coder(codebook, model)
    report = evaluate_file(engine, gold, by=by)
    typer.echo(format_report(report, worst=worst))
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
