"""The command line: the only module that imports click. A thin layer over `ankigen.build`.

Library errors (AnkigenError) become one line and exit code 1 in one place, `main`; `--debug` shows the
traceback instead.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from . import __version__
from .errors import AnkigenError

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


class InternalError(click.ClickException):
    exit_code = 2


class _Group(click.Group):
    """Turns library errors into one clear line and a non-zero exit, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AnkigenError as exc:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # never a traceback for a user
            if ctx.params.get("debug"):
                raise
            raise InternalError(
                f"internal error: {exc.__class__.__name__}: {exc} (run `ankigen --debug ...` for details)"
            ) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ankigen")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
def cli(debug: bool) -> None:
    """Turn plain-text revision notes into Anki decks (.apkg) that update in place when rebuilt.

    Put notes files in source/, run `ankigen build`, and import build/<name>.apkg into Anki.
    """


def _report(findings, err: bool = True) -> None:
    for finding in findings:
        click.echo(str(finding), err=err)


@cli.command()
@PATHS
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Folder to write the .apkg files to.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def build(paths: tuple[Path, ...], out: Path, quiet: bool) -> None:
    """Build build/<name>.apkg from each notes file (default: every .txt in source/).

    Runs the same checks as `ankigen check` first and refuses to write a deck that has errors. The lock
    file beside each notes file (<name>.lock) keeps each card's modification time: commit it with the notes.
    """
    # A build makes many small objects and no reference cycles: the cyclic collector only costs time
    # (about 5% at 100,000 cards, bench/run.py). Reference counting still frees everything.
    gc.disable()
    try:
        _build(paths, out, quiet)
    finally:
        gc.enable()


def _build(paths: tuple[Path, ...], out: Path, quiet: bool) -> None:
    from .build import buildable, notes_files, package_all, prepare
    from .check import count
    from .findings import plural

    inputs = notes_files(paths)
    files = inputs.files
    for line in inputs.skipped:
        click.echo(line, err=True)
    show = not quiet and _interactive() and _total_size(files) > PROGRESS_BYTES
    with _bar(show, files, "Parsing notes") as bar:
        prepared = [prepare(p, out) for p in bar]
    total = sum(len(p.deck.notes) for p in buildable(prepared) if p.deck is not None)
    with _bar(show, None, "Packaging cards", length=total) as bar:
        tick = _Batched(bar.update)
        built = package_all(prepared, out, progress=tick)
        tick.flush()
    failed = 0
    for p in prepared:
        errors, _ = count(p.findings)
        shown = p.findings if not quiet else p.errors
        _report(shown)
        if errors:
            failed += 1
            click.echo(f"{p.path}: not built: {plural(errors, 'error')} (see above)", err=True)
    for b in built:
        if not quiet:
            _report_built(b)
    if failed:
        raise SystemExit(1)


def _report_built(b) -> None:
    d = b.deck
    retired = f", {b.retired} retired (tag {d.notes[-1].tags[0]})" if b.retired else ""
    click.echo(
        f"{b.path} -> {b.output}: deck “{d.name}”, {len(d.notes)} notes, {b.cards} cards "
        f"({d.count('essay')} essay plan, {d.count('qa')} questions, {d.count('cloze')} evidence, "
        f"{d.count('judgement')} judgements); {b.new} new, {b.changed} changed, {b.unchanged} unchanged{retired}"
    )
    for line in b.kept:
        click.echo(f"  kept: {line}")
    for line in b.notices:
        click.echo(line)


PROGRESS_BYTES = 256 * 1024  # notes of this size take about a second: show progress beyond it


def _interactive() -> bool:
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def _total_size(files) -> int:
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


class _NoBar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return iter(self.items or ())

    def update(self, n: int) -> None:
        pass


def _bar(show: bool, items, label: str, length: int | None = None):
    if not show:
        return _NoBar(items)
    return click.progressbar(items, length=length, label=label, file=sys.stderr)


class _Batched:
    """Progress callbacks per note, passed on to the bar in batches (a bar redraw per note is slow)."""

    def __init__(self, update, every: int = 500):
        self.update, self.every, self.pending = update, every, 0

    def __call__(self, n: int) -> None:
        self.pending += n
        if self.pending >= self.every:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.update(self.pending)
            self.pending = 0


@cli.command()
@PATHS
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
def check(paths: tuple[Path, ...], strict: bool) -> None:
    """Check notes files without building: report problems as path:line: level: message.

    Exits 0 when there are no errors, 1 when there are (with --strict, warnings count too).
    """
    from .build import notes_files, prepare
    from .check import count, summary

    inputs = notes_files(paths)
    files = inputs.files
    for line in inputs.skipped:
        click.echo(line)
    findings = [f for path in files for f in prepare(path).findings]
    _report(findings, err=False)
    click.echo(summary(len(files), findings))
    errors, warnings = count(findings)
    if errors or (strict and warnings):
        raise SystemExit(1)


@cli.command()
@PATHS
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Folder to write the .html pages to.")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
def preview(paths: tuple[Path, ...], out: Path, open_: bool) -> None:
    """Write build/<name>.html showing every card as Anki renders it (needs the `anki` package)."""
    from .preview import preview_paths

    for page in preview_paths(list(paths), out):
        click.echo(f"{page.source} -> {page.output}: {page.cards} cards")
        if open_:
            click.launch(str(page.output))


def main() -> None:
    """Entry point of the `ankigen` console script."""
    cli(prog_name="ankigen")


if __name__ == "__main__":
    main()
