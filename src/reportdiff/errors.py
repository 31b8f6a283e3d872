"""The library's exceptions and the CLI's exit statuses.

The CLI catches :class:`ReportdiffError` only, prints its message as one line
and exits with :attr:`ExitStatus.BAD_INPUT`; any other exception is a bug and
keeps its traceback.
"""

from __future__ import annotations

import enum
import re

__all__ = (
    "ExitStatus",
    "ReportdiffError",
    "InputNotFound",
    "NotAFile",
    "EmptyInput",
    "BinaryInput",
    "UndecodableInput",
    "InputTooLarge",
    "InputExpandsTooMuch",
    "UnreadablePdfText",
    "NeedsOCR",
    "UnsupportedFormat",
    "NoStructure",
    "ReviewUnreadable",
    "BadManifest",
    "NoPairs",
    "SchedulerError",
    "TooManyUnits",
    "CannotWrite",
    "OutputOutsideFolder",
    "OutputIsInput",
    "BadPath",
    "ReviewMismatch",
    "shown",
)


class ExitStatus(enum.IntEnum):
    """Exit codes of the ``reportdiff`` command."""

    OK = 0  #: compared (with or without findings)
    FINDINGS = 1  #: ``--fail-on`` matched at least one finding
    BAD_INPUT = 2  #: bad usage or unusable input
    PARTIAL = 3  #: ``batch`` finished, but some pairs failed (see the summary table)
    INTERNAL = 70  #: a defect of reportdiff itself (EX_SOFTWARE): one line, the traceback with REPORTDIFF_DEBUG=1


class ReportdiffError(Exception):
    """Base class: a problem with the input or the environment, not a bug."""

    template = "{path}：无法处理"

    def __init__(self, path: str = "", **fields: object) -> None:
        self.path = path
        self.fields = fields
        super().__init__(self.template.format(path=shown(path), **{k: shown(v) if isinstance(v, str) else v for k, v in fields.items()}))

    def __reduce__(self):
        # picklable (sent to and from batch workers) although __init__ takes fields
        return _rebuild, (type(self), self.path, self.fields)


def _rebuild(cls: type, path: str, fields: dict) -> "ReportdiffError":
    return cls(path, **fields)


_UNPRINTABLE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")


def shown(text: str, limit: int = 300) -> str:
    """A path or name as it may be printed on one line: control and bidi
    characters shown as ``\\xNN`` / ``\\uNNNN`` escapes (a terminal never runs
    them), and a very long text cut in the middle."""
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text))
    if len(text) > limit:
        text = f"{text[: limit // 2]}…（共 {len(text)} 个字符）…{text[-limit // 4 :]}"
    return text


class InputNotFound(ReportdiffError):
    """The input path does not exist."""

    template = "{path}：文件不存在，请检查路径"


class NotAFile(ReportdiffError):
    """The input path is a directory or another non-regular file."""

    template = "{path}：是目录而不是文件，请指定一个文档文件"


class EmptyInput(ReportdiffError):
    """The file is empty or holds only whitespace."""

    template = "{path}：文件为空（或只有空白），没有可比对的内容"


class BinaryInput(ReportdiffError):
    """The file is binary data, not text or a supported document format."""

    template = "{path}：是二进制文件，不是文本；支持 .txt .md .docx .pdf"


class UndecodableInput(ReportdiffError):
    """No supported encoding decodes the file."""

    template = "{path}：无法解码（已尝试 {tried}），请用 --encoding 指定编码"


class InputTooLarge(ReportdiffError):
    """The file exceeds the configured size limit."""

    template = "{path}：文件过大（{size} 字节，上限 {limit} 字节），请拆分后再比对或用 --max-size（MB）调高上限"


class InputExpandsTooMuch(ReportdiffError):
    """A compressed or paged file (.docx, .pdf) whose content goes past the limits when read."""

    template = "{path}：内容展开后过大（{what}，上限 {limit}），可能是损坏或特意构造的文件；请检查文件或另存为较小的文件"


class UnreadablePdfText(ReportdiffError):
    """A PDF whose text layer maps to no characters ("(cid:N)")."""

    template = "{path}：PDF 的文字无法提取（字体没有字符映射，只得到 (cid:N) 编码，常见于禁止复制的 PDF）；请用原始文档或先做 OCR 识别"


class NeedsOCR(ReportdiffError):
    """A PDF without a text layer."""

    template = "{path}：PDF 没有文字层（可能是扫描件），需要先做 OCR 识别"


class UnsupportedFormat(ReportdiffError):
    """A file that cannot be read as the format its name says."""

    template = "{path}：无法读取 {fmt} 文件（{reason}）"


class NoStructure(ReportdiffError):
    """The text has no recognizable document structure (no sentences)."""

    template = "{path}：没有可识别的文档结构（找不到完整的句子或条目）"


class ReviewUnreadable(ReportdiffError):
    """A review sheet that is not an alignment table of reportdiff."""

    template = "{path}：无法读取审核表（{reason}）；请使用 reportdiff 生成的比对表（CSV 或 xlsx）"


class BadManifest(ReportdiffError):
    """A batch manifest that cannot be used."""

    template = "{path}：批量清单无法使用（{reason}）；需要 CSV，列为 a,b[,name]"


class NoPairs(ReportdiffError):
    """A batch source that yields no pair of documents."""

    template = "{path}：没有找到可以配对的文件（{reason}）"


class SchedulerError(ReportdiffError):
    """The Dask scheduler of a batch cannot be used."""

    template = "Dask 调度器 {path}：{reason}"


class CannotWrite(ReportdiffError):
    """An output that cannot be written (read-only folder, full disk, too long a name)."""

    template = "{path}：无法写入（{reason}）"


class OutputOutsideFolder(ReportdiffError):
    """An output path (option or batch name) that leaves the output folder."""

    template = "{path}：输出路径不在输出文件夹 {folder} 之内，未写入；请把输出放在 --out-dir 指定的文件夹里"


class OutputIsInput(ReportdiffError):
    """An output path that is an input file, or another output."""

    template = "{path}：输出路径与 {other} 是同一个文件，未写入（不会覆盖输入文件）"


class BadPath(ReportdiffError):
    """A path that cannot name a file (a NUL byte, too long)."""

    template = "{path}：路径无效（{reason}）"


class ReviewMismatch(ReportdiffError):
    """A review sheet made for other documents than the ones compared."""

    template = "{path}：这份审核表是为另一对文件做的（{reason}），未应用；请指定为本次比对的这两份文件所做的审核表"


class TooManyUnits(ReportdiffError):
    """Two documents whose alignment would take longer than allowed (``--max-pairs``)."""

    template = (
        "{path}：句子太多（A {n_a} 句 × B {n_b} 句 = {pairs} 对，上限 {limit} 对），一次比对用时过长；"
        "请把文件拆分成单独的报告或方案后再比对，或用 --max-pairs（百万）调高上限"
    )
