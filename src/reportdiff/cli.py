"""NAME
    reportdiff - compare Chinese government documents (work reports and
    task-division plans) and report what changed and what is missing.

SYNOPSIS
    reportdiff inspect FILE [--json]
    reportdiff compare A B [options]
    reportdiff batch MANIFEST.csv|FOLDER [options]
    reportdiff targets PATH... [options]
    reportdiff eval [--gold DIR]

EXIT CODES
    0    compared or inspected (with or without findings)
    1    --fail-on matched at least one finding
    2    bad usage, unusable input or environment (one line on stderr)
    3    batch finished, but some pairs failed (listed in the summary)
    70   a defect of reportdiff itself (one line; REPORTDIFF_DEBUG=1 shows the traceback)
    130  interrupted (Ctrl-C); outputs already written stay whole
"""

from __future__ import annotations

import os
import re
import sys

import click

from .errors import ExitStatus, ReportdiffError

__all__ = ("cli", "main")


def _echo_err(msg: str) -> None:
    click.echo(f"错误：{_terminal(msg)}", err=True)


#: control characters (an ESC that starts a terminal escape sequence, a BEL) and bidi controls (U+202E)
_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _terminal(text: str) -> str:
    """Text made safe to print: control and bidi characters shown as escapes; newlines and tabs kept."""
    return _UNSAFE_ON_TERMINAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportdiff")
def cli() -> None:
    """Compare Chinese government documents: work reports (政府工作报告) and
    task-division plans (重点工作任务分工方案).

    \b
    Exit codes:
      0    compared or inspected (with or without findings)
      1    --fail-on matched at least one finding
      2    bad usage, unusable input (missing, empty, binary, undecodable,
           too large or expanding too much, unreadable PDF text, bad review
           sheet or manifest) or environment (read-only folder, full disk,
           too long a name, output outside --out-dir or equal to an input):
           one line on stderr
      3    batch finished, but some pairs failed (listed in the summary)
      70   a defect of reportdiff itself (one line on stderr; set
           REPORTDIFF_DEBUG=1 for the traceback)
      130  interrupted (Ctrl-C); outputs already written stay whole
    """


encoding_option = click.option("--encoding", default=None, help="Force the input encoding (e.g. gb18030); detected when omitted.")
max_pairs_option = click.option(
    "--max-pairs", default=2000, show_default=True, type=click.IntRange(1, 100_000), help="Refuse comparisons of more than this many million sentence pairs (time grows with it; memory stays bounded)."
)
max_size_option = click.option("--max-size", default=20, show_default=True, type=click.IntRange(1, 2048), help="Refuse input files larger than this many MB.")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the whole document model as JSON.")
@click.option("--summary", "summary", is_flag=True, help="FILE is a folder: read every document in it (a manifest.csv is used when present) and print what was understood, with totals.")
@click.option("--split", "split_file", default=None, type=click.Path(dir_okay=False, path_type=str), help="With --summary: a CSV (government,split) naming dev and held-out governments.")
@encoding_option
@max_size_option
def inspect(file: str, as_json: bool, summary: bool, split_file: str | None, encoding: str | None, max_size: int) -> None:
    """Show how FILE is understood: kind, government and year with their
    evidence, encoding, sections, the parts of a report, its headline targets,
    and a plan's items with owners and deadlines.

    \b
    Example:
        reportdiff inspect examples/chiping-2024-plan.txt
        reportdiff inspect --summary ../shared/corpus --split benchmarks/corpus_split.csv
    """
    from .api import load_document
    from .export import document_dict, to_json
    from .model import Options
    from .summary import inspect_text

    if summary:
        from .corpus import check_corpus, summary_text

        click.echo(summary_text(check_corpus(file, split_file)))
        return

    doc = load_document(file, Options(encoding=encoding, max_bytes=max_size * 1024 * 1024))
    if as_json:
        click.echo(to_json(document_dict(doc)), nl=False)
    else:
        click.echo(_terminal(inspect_text(doc)))


class _progress_after:
    """Say on stderr that work is going on when it takes longer than ``delay`` seconds
    (a terminal only: scripts and pipes see nothing)."""

    def __init__(self, delay: float, message: str, enabled: bool = True) -> None:
        import threading

        self.enabled = enabled and sys.stderr.isatty()
        self.timer = threading.Timer(delay, lambda: click.echo(message, err=True))
        self.timer.daemon = True

    def __enter__(self) -> "_progress_after":
        if self.enabled:
            self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()


def _parse_fail_on(ctx, param, value: str | None) -> tuple[str, ...]:
    from .model import FindingType

    if not value:
        return ()
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    known = {t.value for t in FindingType}
    bad = [n for n in names if n not in known]
    if bad:
        raise click.BadParameter(f"未知的发现类型：{', '.join(bad)}；可用：{', '.join(sorted(known))}")
    return names


@cli.command()
@click.argument("a", type=click.Path(path_type=str))
@click.argument("b", type=click.Path(path_type=str))
@click.option("--out-dir", default=".", show_default=True, type=click.Path(file_okay=False, path_type=str), help="Base folder for alignments/ and reports/.")
@click.option("--csv", "csv_path", default=None, type=click.Path(dir_okay=False, path_type=str), help="Alignment table path (default alignments/<A>__<B>.csv).")
@click.option("-o", "--html", "html_path", default=None, type=click.Path(dir_okay=False, path_type=str), help="HTML report path (default reports/<A>__<B>.html).")
@click.option("--json", "json_path", default=None, type=click.Path(dir_okay=False, path_type=str), help="Also write the whole result as JSON here.")
@click.option("--xlsx", "xlsx_path", default=None, type=click.Path(dir_okay=False, path_type=str), help="Also write the alignment and findings as an Excel workbook.")
@click.option("--lang", default="zh", type=click.Choice(["zh", "en"]), show_default=True, help="Language of the HTML report.")
@click.option("--threshold", default=0.0, type=click.FloatRange(0.0, 1.0), help="Accept aligned pairs from this score (0..1); default per mode.")
@click.option("--tokenizer", default="bigram", type=click.Choice(["bigram", "jieba"]), show_default=True, help="Clause tokens: character bigrams (fast) or jieba words.")
@click.option("--fail-on", default=None, callback=_parse_fail_on, help="Exit 1 when findings of these types exist (comma-separated, e.g. missing_owner,uncovered).")
@click.option("--review", "review_path", default=None, type=click.Path(dir_okay=False, path_type=str), help="Apply the review marks of this alignment sheet (CSV or xlsx). Default: the existing alignments/<A>__<B>.csv when it holds marks.")
@click.option("--force", is_flag=True, help="Ignore and overwrite an existing reviewed alignment file (no review applied unless --review).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@encoding_option
@max_size_option
@max_pairs_option
def compare(a, b, out_dir, csv_path, html_path, json_path, xlsx_path, lang, threshold, tokenizer, fail_on, review_path, force, quiet, encoding, max_size, max_pairs) -> None:
    """Compare documents A and B: align their clauses, list findings, write
    the HTML report (reports/), the alignment table (alignments/) and print
    a summary.

    \b
    Example:
        reportdiff compare examples/chiping-2024-report.txt examples/chiping-2024-plan.txt
    """
    from pathlib import Path

    from . import api, export, output, render, summary, tables
    from .errors import ReviewMismatch
    from .model import Options
    from .review import bind, mismatch, read_review

    opts = Options(threshold=threshold, encoding=encoding, tokenizer=tokenizer, max_bytes=max_size * 1024 * 1024, max_pairs=max_pairs * 1_000_000)
    # output options stay inside the output folder and never name an input
    explicit = [output.confined(out_dir, p) for p in (csv_path, html_path, json_path, xlsx_path) if p]
    output.check_targets(explicit, [a, b])
    with _progress_after(1.0, "正在比对，请稍候……", enabled=not quiet):
        doc_a, doc_b = api.load_document(a, opts), api.load_document(b, opts)
        base = output.pair_stem(a, b, doc_b.government or doc_a.government, doc_a.government)
        notes: list[str] = []
        # the output name: the first candidate whose sheet is absent or was made for these documents
        if csv_path:
            candidates, legacy = [(base, csv_path)], []
        else:
            candidates = [(s, output.sheet_path(out_dir, s)) for s in output.candidate_stems(base, a, b)]
            legacy = [(s, output.sheet_path(out_dir, s)) for s in output.legacy_stems(base, a, b)]
            # before session 9, two governments' reports were named by B's government alone
            old = output.pair_stem(a, b, doc_b.government or doc_a.government)
            legacy += [(s, output.sheet_path(out_dir, s)) for s in output.candidate_stems(old, a, b)] if old != base else []
        stem, sheet, note = bind(output.read_sheets(candidates), doc_a, doc_b, force, output.read_sheets(legacy))
        notes += [note] if note else []
        csv_target = Path(csv_path) if csv_path else output.sheet_path(out_dir, stem)
        html_target = Path(html_path) if html_path else output.report_path(out_dir, stem)
        output.check_targets([csv_target, html_target, *(p for p in (json_path, xlsx_path) if p)], [a, b])
        if review_path:
            review = read_review(review_path)
            why = mismatch(review, doc_a, doc_b)
            if why:
                raise ReviewMismatch(review_path, reason=why)
            review_source = review_path
        else:
            review = sheet if sheet is not None and sheet.rows and not force else None
            review_source = sheet.path if sheet is not None and sheet.has_content and not force else None
        result = api.compare_documents(doc_a, doc_b, opts, review)
    csv_out, note = tables.table_target(csv_target, review_source, force)
    notes += [note] if note else []
    written = [
        str(output.atomic_write_text(html_target, render.render_html(result, lang))),
        str(output.atomic_write_text(csv_out, tables.alignment_csv(result), bom=True)),
    ]
    if xlsx_path:
        xlsx_out, note = tables.table_target(xlsx_path, review_source, force)
        notes += [note] if note else []
        written.append(str(output.atomic_write_bytes(xlsx_out, tables.workbook_bytes(result))))
    if json_path:
        written.append(str(output.atomic_write_text(json_path, export.to_json(export.comparison_dict(result)))))
    if not quiet:
        click.echo(_terminal(summary.compare_text(result, written, notes)))
    elif result.review is not None and result.review.stale:
        click.echo(f"注意：有 {result.review.stale} 条审核记录找不到对应内容，见比对表末尾“未对应”的行", err=True)
    if fail_on and any(f.type.value in fail_on for f in result.findings):
        raise click.exceptions.Exit(int(ExitStatus.FINDINGS))


class _Bar:
    """A one-line progress bar on stderr (a terminal only)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, res, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        fill = int(width * done / max(total, 1))
        state = "" if res.ok else "  失败"
        click.echo(f"\r比对进度 [{'#' * fill}{'-' * (width - fill)}] {done}/{total}{state}\033[K", nl=False, err=True)
        if done == total:
            click.echo("", err=True)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=str))
@click.option("--out-dir", default=".", show_default=True, type=click.Path(file_okay=False, path_type=str), help="Base folder for reports/ and alignments/.")
@click.option("-j", "--workers", default=0, type=click.IntRange(0, 512), help="Parallel workers (default: all cores; 1 = in this process).")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786), or 'local' for a local Dask cluster; default $REPORTDIFF_SCHEDULER.")
@click.option("--lang", default="zh", type=click.Choice(["zh", "en"]), show_default=True, help="Language of the HTML reports.")
@click.option("--threshold", default=0.0, type=click.FloatRange(0.0, 1.0), help="Accept aligned pairs from this score (0..1); default per mode.")
@click.option("--force", is_flag=True, help="Ignore and overwrite reviewed alignment sheets.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@encoding_option
@max_size_option
@max_pairs_option
def batch(source, out_dir, workers, scheduler, lang, threshold, force, quiet, encoding, max_size, max_pairs) -> None:
    """Compare many pairs: SOURCE is a CSV manifest of pairs (columns a, b,
    optional name), or a folder or a manifest of files (a path column, as a
    corpus' manifest.csv) whose documents are paired by the kind, government
    and year read from their text, not their file names (each report with its
    plan, and with the previous year's report).  Files that get no pair are
    listed with the reason.

    Writes one report and alignment sheet per pair, reports/index.html and
    reports/batch-summary.csv/.xlsx.  A pair that fails is listed in the
    summary and does not stop the batch (exit 3 when any failed).

    \b
    Examples:
        reportdiff batch examples/
        reportdiff batch ../shared/corpus/manifest.csv
        reportdiff batch pairs.csv -j 4
        reportdiff batch pairs.csv --scheduler tcp://10.0.0.5:8786
    """
    import os
    import time
    from pathlib import Path

    from . import batch as batch_mod
    from .model import Options

    opts = Options(threshold=threshold, encoding=encoding, max_bytes=max_size * 1024 * 1024, max_pairs=max_pairs * 1_000_000)
    is_dir = Path(source).is_dir()
    files = None if is_dir else batch_mod.manifest_files(source)
    jobs = None if is_dir or files is not None else batch_mod.jobs_from_manifest(source)
    t0 = time.perf_counter()
    res = batch_mod.run_batch(
        jobs,
        out_dir,
        opts,
        folder=source if is_dir else None,
        files=files,
        workers=workers,
        scheduler=scheduler,
        lang=lang,
        force=force,
        progress=_Bar(not quiet),
    )
    took = time.perf_counter() - t0
    if not quiet:
        n = len(res.results)
        address = scheduler or os.environ.get(batch_mod.SCHEDULER_ENV)
        engine = f"Dask（{address}）" if address else f"本机 {workers or os.cpu_count()} 个进程"
        click.echo(f"批量比对：{n} 对文件，完成 {n - res.failed}，失败 {res.failed}；读取 {res.files} 个文件，去重后解析 {res.parsed} 份；{engine}，用时 {took:.1f} 秒")
        lines = []
        for r in res.results:
            if not r.ok:
                lines.append(f"  ✗ {r.job.name}：{r.error}")
            elif r.warnings:
                lines.append(f"  ⚠ {r.job.name}：{'；'.join(r.warnings)}")
        if res.unpaired:
            # every one, with why: no file of a folder is passed over silently
            lines.append(f"未配对的文件 {len(res.unpaired)} 个：" + "；".join(f"{p}（{why}）" for p, why in res.unpaired))
        lines.extend(res.notes)
        lines.append("输出：" + "  ".join(res.written))
        for line in lines:
            click.echo(_terminal(line))
    if res.failed:
        raise click.exceptions.Exit(int(ExitStatus.PARTIAL))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--out-dir", default="targets", show_default=True, type=click.Path(file_okay=False, path_type=str), help="Folder for targets.csv, targets.xlsx and targets.html.")
@click.option("--lang", default="zh", type=click.Choice(["zh", "en"]), show_default=True, help="Language of the page and the table headers.")
@click.option("-j", "--workers", default=0, type=click.IntRange(0, 512), help="Parallel workers (default: all cores; 1 = in this process).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def targets(paths, out_dir, lang, workers, quiet) -> None:
    """Headline targets (主要预期目标) of work reports across years and
    governments, each held against the next year's review: met, missed, met
    within 左右, qualitative or not reported.  PATHS are files or folders.

    Writes targets.csv (UTF-8 with BOM), targets.xlsx (long table and pivots)
    and targets.html (charts and tables; works offline and without JavaScript).
    Exit 3 when some files could not be read (listed); 2 when no report was read.

    \b
    Example:
        reportdiff targets corpus/national/国务院 corpus/province/山东省
    """
    from pathlib import Path

    from . import output, targets_table

    with _progress_after(1.0, "正在读取报告，请稍候……", enabled=not quiet):
        run = targets_table.collect(list(paths), workers)
    if not run.reports:
        raise ReportdiffError("没有读到带政府和年份的工作报告：" + "；".join(f"{p}（{e}）" for p, e in run.failed[:3]) if run.failed else "没有读到带政府和年份的工作报告")
    out = Path(out_dir)
    written = [
        str(output.atomic_write_text(out / "targets.csv", targets_table.csv_text(run.checks, lang, out), bom=True)),
        str(output.atomic_write_bytes(out / "targets.xlsx", targets_table.xlsx_bytes(run.checks, lang, out))),
        str(output.atomic_write_text(out / "targets.html", targets_table.render_page(run, lang, out))),
    ]
    if not quiet:
        resolved, due = run.resolved
        click.echo(
            f"读取报告 {run.reports} 份，抽取到主要预期目标 {run.with_targets} 份；目标 {len(run.checks)} 项，"
            f"有下一年报告 {due} 项，找到完成情况 {resolved} 项"
        )
        for p, err in run.failed:
            click.echo(f"  ✗ {p}：{err}")
        click.echo("输出：" + "  ".join(written))
    if run.failed:
        raise click.exceptions.Exit(int(ExitStatus.PARTIAL))


@cli.command(name="eval")
@click.option("--gold", "gold_dir", default="tests/gold", show_default=True, type=click.Path(file_okay=False, path_type=str), help="Folder of gold files <A>__<B>.tsv.")
@click.option("--docs", "docs_dir", default="examples", show_default=True, type=click.Path(file_okay=False, path_type=str), help="Folder holding the documents named in the gold files.")
@click.option("--corpus", "corpus_dir", default="../shared/corpus", show_default=True, type=click.Path(path_type=str), help="Corpus of the targets key (<gold>/targets); skipped when absent.")
@click.option("--split", "split_file", default="benchmarks/corpus_split.csv", show_default=True, type=click.Path(path_type=str), help="government,split file: each government's split (dev / held-out).")
def eval_cmd(gold_dir: str, docs_dir: str, corpus_dir: str, split_file: str) -> None:
    """Score the alignment and the findings against hand-made gold files and
    print precision, recall and F1 per pair of documents, with the difflib
    baseline for the alignment.

    \b
    Example:
        reportdiff eval --gold tests/gold --docs examples
    """
    from .report_eval import run_eval

    click.echo(run_eval(gold_dir, docs_dir, corpus_dir, split_file))


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning library errors into one line and exit 2."""
    try:
        # with standalone_mode=False click returns the code of a ctx.exit / Exit
        code = cli.main(args=argv, prog_name="reportdiff", standalone_mode=False)
    except ReportdiffError as exc:
        _echo_err(str(exc))
        return ExitStatus.BAD_INPUT
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        click.echo("已中断", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return ExitStatus.BAD_INPUT
    except BrokenPipeError:
        return ExitStatus.OK
    except (OSError, UnicodeError) as exc:
        # the environment (a read-only folder, a full disk, too long a name…) met
        # somewhere no specific error covers: still one line, same exit code
        where = getattr(exc, "filename", None)
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        _echo_err(f"{where}：{why}" if where else why)
        return ExitStatus.BAD_INPUT
    except Exception as exc:  # a defect of reportdiff, not of the input: say so in one line
        if os.environ.get("REPORTDIFF_DEBUG") == "1":
            raise
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        _echo_err(f"内部错误（{detail}）：这是 reportdiff 的缺陷，不是输入的问题；请连同所用命令报告。设置环境变量 REPORTDIFF_DEBUG=1 可看到完整调用栈")
        return ExitStatus.INTERNAL
    return int(code) if isinstance(code, int) else ExitStatus.OK


def run() -> None:
    """Console-script wrapper."""
    sys.exit(main())
