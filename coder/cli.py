"""The `coder` command line: validate, code, explain, evaluate.

Every failure a user can cause (missing input, unwritable output, bad codebook, missing model) is one
clear line on stderr and exit code 2, before any work starts.
"""

from __future__ import annotations

import gc
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


def _finish(counts: dict, started: float, begun: float, output: Path, quiet: bool, strict: bool) -> None:
    """The summary line both engines end with; exit 1 under --strict when records were skipped."""
    if not quiet:
        typer.echo(f"stories {counts['stories']}, sentences {counts['sentences']}, events {counts['events']}, "
                   f"errors {counts['errors']}, elapsed {time.perf_counter() - started:.1f} s "
                   f"(+{started - begun:.1f} s loading the model) -> {output}", err=True)
    if strict and counts["errors"]:
        raise typer.Exit(1)


def _say_skipped(progress, file: str, line: int, reason: str) -> None:
    """One line per skipped record, printed above the progress bar (not through it) when there is one."""
    message = f"skipped {file}:{line}: {reason}"
    if progress is not None:
        progress.write(message, file=sys.stderr)
    else:
        typer.echo(message, err=True)


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
    batch_size: int = typer.Option(32, "--batch-size", help="Stories per batch: spaCy's batch, and the unit --resume restarts from."),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes, each loading the model once; same rows for any N."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run of the same command from its last batch."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="JSONL file for records that could not be coded."),
    one_a_day: bool = typer.Option(False, "--one-a-day", help="Drop repeated (date, source, target, code) rows within a story."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any record was bad."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
    engine: str = typer.Option("local", "--engine", help="local (this machine's processes) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://...); default: a local cluster."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Worker processes of the local Dask cluster (default: CPU count)."),
    partition_size: Optional[int] = typer.Option(None, "--partition-size", help="Dask: input records per partition (default: ~4 per worker, at most 1000)."),
) -> None:
    """Code a corpus into event rows (one row per event); a killed run continues with --resume."""
    from concurrent.futures.process import BrokenProcessPool
    from itertools import islice

    from coder.component import parse_date
    from coder.corpus import BadRecord, Fields, InputError, batches, check_inputs, count_records, read_stories
    from coder.engines.local import LocalEngine
    from coder.output.resumable import ResumableOutput
    from coder.output.rows import one_a_day as dedupe
    from coder.output.writers import OutputError, check_writable, format_for

    begun = time.perf_counter()
    fields = Fields(id_field, date_field, text_field)
    try:
        if n_process < 1 or batch_size < 1:
            raise OutputError("--n-process and --batch-size must be at least 1")
        if engine not in ("local", "dask"):
            raise OutputError(f"--engine must be local or dask, not {engine!r}")
        if (workers is not None and workers < 1) or (partition_size is not None and partition_size < 1):
            raise OutputError("--workers and --partition-size must be at least 1")
        if fmt == "parquet-dir" and engine != "dask":
            raise OutputError("--format parquet-dir needs --engine dask")
        out_format = "parquet-dir" if fmt == "parquet-dir" else format_for(output, fmt)
        check_writable(output if out_format != "parquet-dir" else output.with_name(output.name + ".new"))
        if errors is not None:
            check_writable(errors)
        check_inputs(inputs, fields)
        if date is not None:
            parse_date(date)
        # everything that changes the rows; a checkpoint from other settings cannot be resumed
        settings = {"inputs": [i if i == "-" else str(Path(i).resolve()) for i in inputs], "format": out_format,
                    "fields": [id_field, date_field, text_field], "date": date, "one_a_day": one_a_day,
                    "errors": str(errors.resolve()) if errors else None,
                    "codebook": str(codebook.resolve()) if codebook else None, "model": model}
        sink = ResumableOutput(output, out_format, errors, settings)
        state = sink.read_checkpoint() if resume and engine == "local" else None
    except (OutputError, InputError) as err:
        fail(str(err))
    except ValueError:
        fail(f"--date {date!r} is not a date (YYYY-MM-DD)")
    if engine == "dask":
        _code_on_dask(inputs, output, out_format, settings, fields, date, errors, codebook, model, one_a_day,
                      batch_size, resume, scheduler, workers, partition_size, quiet, strict, begun)
        return
    coder = _coder(codebook, model)
    # the loaded model and codebook are hundreds of thousands of long-lived objects; this process only
    # codes from here on, so take them out of the cyclic garbage collector's repeated walks
    gc.freeze()
    started = time.perf_counter()
    try:
        sink.open(state)
    except OutputError as err:
        fail(str(err))
    done = sink.progress.records
    if resume and not quiet:
        typer.echo(f"resuming after {done} input records" if state else "nothing to resume: coding from the start",
                   err=True)
    progress = None
    try:
        if not sink.complete:
            with LocalEngine(coder, n_process) as local:
                if not quiet and sys.stderr.isatty():
                    from tqdm import tqdm

                    progress = tqdm(total=count_records(inputs), initial=done, unit=" stories", file=sys.stderr)
                items = islice(read_stories(inputs, fields, date), done, None)
                for batch, coded in local.map(batches(items, batch_size)):
                    bad = [item for item in batch if isinstance(item, BadRecord)]
                    for item in bad if not quiet else ():
                        _say_skipped(progress, item.file, item.line, item.reason)
                    batch_rows = [row for story in coded for row in (dedupe(story.rows) if one_a_day else story.rows)]
                    sink.commit(len(batch), batch_rows, [item.to_dict() for item in bad],
                                {"stories": len(coded), "sentences": sum(story.sentences for story in coded),
                                 "events": len(batch_rows), "errors": len(bad)})
                    if progress is not None:
                        progress.set_postfix(events=sink.progress.counts["events"],
                                             errors=sink.progress.counts["errors"], refresh=False)
                        progress.update(len(batch))
    except InputError as err:
        sink.close()
        fail(str(err))
    except (KeyboardInterrupt, BrokenProcessPool, OSError) as err:
        sink.close()
        reason = "interrupted" if isinstance(err, KeyboardInterrupt) else f"error: {err or type(err).__name__}"
        typer.echo(f"{reason}; {sink.progress.records} input records are saved - run the same command with "
                   "--resume to continue", err=True)
        raise typer.Exit(130 if isinstance(err, KeyboardInterrupt) else 1)
    finally:
        if progress is not None:
            progress.close()
    sink.finish()
    counts = sink.progress.counts
    _finish(counts, started, begun, output, quiet, strict)


def _code_on_dask(inputs: List[str], output: Path, out_format: str, settings: dict, fields, date: Optional[str],
                  errors: Optional[Path], codebook: Optional[Path], model: Optional[str], one_a_day: bool,
                  batch_size: int, resume: bool, scheduler: Optional[str], workers: Optional[int],
                  partition_size: Optional[int], quiet: bool, strict: bool, begun: float) -> None:
    """`coder code --engine dask`: partitions coded on a Dask cluster, merged into the same output."""
    try:
        from coder.engines.dask import code_files, connect, preload, staging_dir, worker_args
    except ImportError:
        fail('--engine dask needs Dask: pip install -e ".[dask]"')
    from coder.corpus import InputError
    from coder.output.writers import OutputError

    if "-" in inputs:
        fail("--engine dask reads files on the workers; it cannot read stdin (write it to a file)")
    if resume and not quiet:
        done = len(list(staging_dir(output).glob("*.done.json")))
        typer.echo(f"resuming: {done} partitions already coded" if done else "nothing to resume: coding from the start",
                   err=True)
    _coder(codebook, model)  # a bad codebook or missing model is one clear error here, not one per worker
    progress = None
    try:
        with connect(scheduler, workers) as client:
            client.run(preload, *worker_args(codebook, model))  # every worker loads the pipeline now, at once
            started = time.perf_counter()
            if not quiet and sys.stderr.isatty():
                from tqdm import tqdm

                progress = tqdm(unit=" stories", file=sys.stderr)

            def on_part(index: int, counts: dict, bad: list) -> None:
                for item in bad if not quiet else ():
                    _say_skipped(progress, item["file"], item["line"], item["reason"])
                if progress is not None:
                    progress.update(counts["records"])

            counts = code_files(client, inputs, output, out_format, fields=fields, date=date, errors=errors,
                                codebook=codebook, model=model, one_a_day=one_a_day, batch_size=batch_size,
                                partition_size=partition_size, resume=resume, settings=settings, on_part=on_part)
    except (InputError, OutputError) as err:
        fail(str(err))
    except KeyboardInterrupt:
        typer.echo(f"interrupted; finished partitions are saved in {output}.parts - run the same command with "
                   "--resume to continue", err=True)
        raise typer.Exit(130)
    except Exception as err:  # a task failed for good (e.g. its worker was killed too often)
        typer.echo(f"error: {type(err).__name__}: {err}; finished partitions are saved - run the same command "
                   "with --resume to continue", err=True)
        raise typer.Exit(1)
    finally:
        if progress is not None:
            progress.close()
    _finish(counts, started, begun, output, quiet, strict)


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
        for m in sent["unused_mentions"]:
            typer.echo(f"    known  {m['text']!r}: {m['why']}; in no phrase an event pattern looked at")
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


@codebook_app.command("coverage")
def coverage(inputs: List[str] = typer.Argument(..., help="Corpus files (as for `coder code`)."),
             codebook: Optional[Path] = typer.Option(None, "--codebook"),
             model: Optional[str] = typer.Option(None, "--model"),
             text_field: str = typer.Option("text", "--text-field"),
             top: int = typer.Option(50, "--top", help="How many verbs to list.")) -> None:
    """Verbs between two known actors that no pattern codes, most frequent first, with an example."""
    from coder.corpus import BadRecord, Fields, InputError, check_inputs, read_stories
    from coder.coverage import uncoded_verbs

    try:
        check_inputs(inputs)
    except InputError as err:
        fail(str(err))
    engine = _coder(codebook, model)
    stories = (s for s in read_stories(inputs, Fields(text=text_field)) if not isinstance(s, BadRecord))
    rows = uncoded_verbs(engine.nlp, stories, limit=top)
    if not rows:
        typer.echo("no uncoded verbs between two known actors")
    for row in rows:
        typer.echo(f"{row.count:6}  {row.key:24} {row.actors:28} {row.example[:140]}")


@app.command("import-petrarch")
def import_petrarch(
    more_actors: Optional[List[Path]] = typer.Argument(None, help="More actor files: --actors A B C.", show_default=False),
    verbs: Optional[List[Path]] = typer.Option(None, "--verbs", help="Verb dictionary (e.g. CAMEO.2.0.txt)."),
    actors: Optional[List[Path]] = typer.Option(None, "--actors", help="Actor dictionaries (one or more)."),
    agents: Optional[List[Path]] = typer.Option(None, "--agents", help="Agent dictionary."),
    discards: Optional[List[Path]] = typer.Option(None, "--discards", help="Discard list."),
    issues: Optional[List[Path]] = typer.Option(None, "--issues", help="Issue coding file."),
    output: Path = typer.Option(..., "-o", "--output", help="Codebook directory to write."),
    taxonomy: Optional[Path] = typer.Option(None, "--taxonomy", help="Codebook whose events.yaml and rules.yaml "
                                            "are copied (default: the bundled CAMEO codebook)."),
) -> None:
    """Import PETRARCH/TABARI dictionaries into a codebook directory and report what could not be imported."""
    from coder.codebook.petrarch import PetrarchImportError, import_petrarch as run_import

    if more_actors and not actors:
        fail(f"unexpected argument {more_actors[0]} (actor files follow --actors)")
    try:
        report = run_import(output, verbs=verbs, actors=[*(actors or []), *(more_actors or [])], agents=agents,
                            discards=discards, issues=issues, taxonomy=taxonomy)
    except PetrarchImportError as err:
        fail(str(err))
    typer.echo(report.format())
    typer.echo(f"\nfull report: {output / 'IMPORT_REPORT.txt'}; check the codebook with: coder validate {output}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
