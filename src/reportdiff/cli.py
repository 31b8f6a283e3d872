"""NAME
    reportdiff - compare Chinese government documents (work reports and
    task-division plans) and report what changed and what is missing.

SYNOPSIS
    reportdiff inspect FILE [--json]
    reportdiff compare A B [options]
    reportdiff eval [--gold DIR]

EXIT CODES
    0  compared or inspected (with or without findings)
    1  --fail-on matched at least one finding
    2  bad usage or unusable input (one line on stderr)
"""

from __future__ import annotations

import sys

import click

from .errors import ExitStatus, ReportdiffError

__all__ = ("cli", "main")


def _echo_err(msg: str) -> None:
    click.echo(f"错误：{msg}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportdiff")
def cli() -> None:
    """Compare Chinese government documents: work reports (政府工作报告) and
    task-division plans (重点工作任务分工方案).

    \b
    Exit codes: 0 compared; 1 --fail-on matched; 2 bad usage or input.
    """


encoding_option = click.option("--encoding", default=None, help="Force the input encoding (e.g. gb18030); detected when omitted.")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the whole document model as JSON.")
@encoding_option
def inspect(file: str, as_json: bool, encoding: str | None) -> None:
    """Show how FILE is understood: kind, government, year, encoding,
    sections, the commitments part of a report, and a plan's items with owners.

    \b
    Example:
        reportdiff inspect examples/chiping-2024-plan.txt
    """
    from .api import load_document
    from .export import document_dict, to_json
    from .model import Options
    from .summary import inspect_text

    doc = load_document(file, Options(encoding=encoding))
    if as_json:
        click.echo(to_json(document_dict(doc)), nl=False)
    else:
        click.echo(inspect_text(doc))


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning library errors into one line and exit 2."""
    try:
        cli.main(args=argv, prog_name="reportdiff", standalone_mode=False)
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
    return ExitStatus.OK


def run() -> None:
    """Console-script wrapper."""
    sys.exit(main())
