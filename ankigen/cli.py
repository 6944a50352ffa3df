"""The command line: the only module that imports click. A thin layer over `ankigen.build`.

Library errors (AnkigenError) become one line and exit code 1 in one place, `main`; `--debug` shows the
traceback instead.
"""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .errors import AnkigenError

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
DEBUG = "ankigen.debug"  # in the context's meta, shared by the group's context and its command's


class InternalError(click.ClickException):
    exit_code = 2


class _Group(click.Group):
    """Turns library errors into one clear line and a non-zero exit, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AnkigenError as exc:
            if ctx.meta.get(DEBUG):
                raise
            raise click.ClickException(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # never a traceback for a user
            if ctx.meta.get(DEBUG):
                raise
            raise InternalError(
                f"internal error: {exc.__class__.__name__}: {exc} (run `ankigen --debug ...` for details)"
            ) from exc


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[DEBUG] = True


# `--debug` where a user types it: before the command (`ankigen --debug build`) or after it.
DEBUG_OPTION = click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
                            help="Show the full traceback when something fails.")


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ankigen")
@DEBUG_OPTION
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Turn plain-text revision notes into Anki decks (.apkg) that update in place when rebuilt.

    Put notes files in source/, run `ankigen build`, and import build/<name>.apkg into Anki.
    Start a notes file with `ankigen new "Title"`.
    """
    if ctx.invoked_subcommand is None:  # bare `ankigen`: the help, and success
        click.echo(ctx.get_help())


@contextmanager
def _no_collector():
    """The cyclic garbage collector held off (and left as it was after): a build or a check makes many small
    objects and no reference cycles, so collecting only costs time (about 5% of a build at 100,000 cards,
    bench/run.py). Reference counting still frees everything."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _report(findings, err: bool = True) -> None:
    for finding in findings:
        click.echo(str(finding), err=err)


OUT_HELP = "Folder to write the {} to.  [default: build/ beside source/]"


@cli.command()
@PATHS
@click.option("-o", "--out", type=click.Path(path_type=Path), help=OUT_HELP.format(".apkg files"))
@click.option("-c", "--course", metavar="NAME",
              help="Write one package, <name>.apkg, with a subdeck per notes file (NAME::<deck>).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@DEBUG_OPTION
def build(paths: tuple[Path, ...], out: Path | None, course: str | None, quiet: bool) -> None:
    """Build build/<name>.apkg from each notes file (default: every .txt in source/).

    Runs the same checks as `ankigen check` first and refuses to write a deck that has errors. The lock
    file beside each notes file (<name>.lock) keeps each card's identity: commit it with the notes.
    With --course, every deck goes into one package; each keeps its own lock and cards.
    """
    with _no_collector():
        _build(paths, out, course, quiet)


def _build(paths: tuple[Path, ...], out: Path | None, course: str | None, quiet: bool) -> None:
    from .files import ensure_out_dir
    from .inputs import default_out, notes_files

    inputs = notes_files(paths)
    out = default_out(inputs.files) if out is None else out
    ensure_out_dir(out)  # a build folder that cannot be made stops the build before any work
    for line in inputs.skipped:
        click.echo(line, err=True)
    files, fresh = _stale(inputs.files, out, course)
    if not quiet:
        for line in fresh:
            click.echo(line)
    if files:  # only now the parser, the rules and genanki are imported: an unchanged rebuild needs none
        _build_stale(files, out, course, quiet)


def _stale(files: list[Path], out: Path, course: str | None) -> tuple[list[Path], list[str]]:
    """The notes files whose decks must be built, and a line for each deck (or the course) that is up to
    date: nothing it is built from has changed since it was written (`uptodate.py`)."""
    from .inputs import course_name, course_output
    from .uptodate import is_up_to_date

    if course is not None:
        output = course_output(out, course)
        if is_up_to_date(files, output, f"course:{course_name(course)}"):
            return [], [f"{output}: course “{course}” up to date: nothing changed since it was built"]
        return files, []
    stale = [f for f in files if not is_up_to_date([f], out / f"{f.stem}.apkg")]
    return stale, [f"{f} -> {out / f'{f.stem}.apkg'}: up to date: nothing changed since it was built"
                   for f in files if f not in stale]


def _build_stale(files: list[Path], out: Path, course: str | None, quiet: bool) -> None:
    from .build import buildable, prepare
    from .check import count
    from .findings import plural

    show = not quiet and _interactive() and _total_size(files) > PROGRESS_BYTES
    with _bar(show, files, "Parsing notes") as bar:
        prepared = [prepare(p, out) for p in bar]
    failed = 0
    for p in prepared:
        errors, _ = count(p.findings)
        _report(p.findings if not quiet else p.errors)
        if errors:
            failed += 1
            click.echo(f"{p.path}: not built: {plural(errors, 'error')} (see above)", err=True)
    total = sum(len(p.deck.notes) for p in buildable(prepared) if p.deck is not None)
    with _bar(show, None, "Packaging cards", length=total) as bar:
        tick = _Batched(bar.update)
        lines = _package(prepared, out, course, failed, tick)
        tick.flush()
    if not quiet:
        for line in lines:
            click.echo(line)
    if failed:
        raise SystemExit(1)


def _package(prepared, out: Path, course: str | None, failed: int, progress) -> list[str]:
    """Write the decks (or the course); the lines that say what was written."""
    from .build import package_all

    if course is None:
        return [line for b in package_all(prepared, out, progress=progress) for line in _built_lines(b)]
    from .course import package_course

    if failed:
        click.echo(f"{out}: course “{course}” not written: every notes file must build (see above)", err=True)
        return []
    result = package_course(prepared, course, out, progress=progress)
    return [*(line for b in result.decks for line in _built_lines(b)), result.summary()]


def _built_lines(b) -> list[str]:
    from .findings import plural

    d = b.deck
    kinds = ", ".join(plural(d.count(key), noun) for key, noun in BUILT_KINDS)
    retired = f", {b.retired} retired (tag {b.retired_tag})" if b.retired else ""
    summary = (f"{b.path} -> {b.output}: deck “{d.name}”, {plural(len(d.notes), 'note')} ({kinds}) making "
               f"{plural(b.cards, 'card')}; {b.new} new, {b.changed} changed, {b.unchanged} unchanged notes{retired}")
    return [summary, *(f"  kept: {line}" for line in b.kept), *b.notices]


# The build line's count of each kind of note: note type key, and what a person calls one.
BUILT_KINDS = (("essay", "essay plan"), ("qa", "question"), ("cloze", "evidence cloze"), ("judgement", "judgement"))


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
@DEBUG_OPTION
def check(paths: tuple[Path, ...], strict: bool) -> None:
    """Check notes files without building: report problems as path:line: level: message.

    Exits 0 when there are no errors, 1 when there are (with --strict, warnings count too).
    """
    with _no_collector():
        _check(paths, strict)


def _check(paths: tuple[Path, ...], strict: bool) -> None:
    from .build import notes_files, prepare
    from .check import count, summary
    from .findings import plural

    inputs = notes_files(paths)
    files = inputs.files
    for line in inputs.skipped:
        click.echo(line)
    prepared = [prepare(path) for path in files]
    findings = [f for p in prepared for f in p.findings]
    _report(findings, err=False)
    for p in prepared:
        if p.build is not None and p.build.retired:
            click.echo(f"{p.path}: {plural(p.build.retired, 'note')} retired (gone from the notes, kept in the "
                       f"deck): students find them with tag:{p.build.retired_tag} to suspend or delete them")
    click.echo(summary(len(files), findings))
    errors, warnings = count(findings)
    if errors or (strict and warnings):
        raise SystemExit(1)


@cli.command()
@PATHS
@click.option("-o", "--out", type=click.Path(path_type=Path), help=OUT_HELP.format(".html pages"))
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@DEBUG_OPTION
def preview(paths: tuple[Path, ...], out: Path | None, open_: bool) -> None:
    """Write build/<name>.html showing every card as Anki renders it (needs the `anki` package)."""
    from .findings import plural
    from .preview import preview_paths

    for page in preview_paths(list(paths), out):
        click.echo(f"{page.source} -> {page.output}: {plural(page.cards, 'card')}")
        if open_:
            click.launch(str(page.output))


@cli.command("new")
@click.argument("title")
@click.option("-s", "--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True,
              help="Folder to write the notes file to.")
@DEBUG_OPTION
def new(title: str, source: Path) -> None:
    """Start a notes file: write source/<title>.txt, a short example of the notes format to fill in.

    It builds as it is; replace its lines with your own notes. An existing file is never overwritten.
    """
    from .skeleton import write_skeleton

    if source == Path("source") and not source.is_dir() and Path.cwd().name == "source":
        source = Path(".")  # run from inside source/: never source/source/
    path = write_skeleton(title, source)
    click.echo(f"{path}: written: replace its lines with your notes, then run `ankigen build`")


def main() -> None:
    """Entry point of the `ankigen` console script."""
    # The process ends with its command, so the collector is held off for good: as Python tears its modules
    # down at exit it would otherwise collect, going over every object left (cachegrind, `ankigen check` of the
    # shipped notes: 519 -> 507 M instructions). `preview` turns it on while Anki renders (anki's objects are
    # not ankigen's).
    gc.disable()
    cli(prog_name="ankigen")


if __name__ == "__main__":
    main()
