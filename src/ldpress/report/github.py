"""The ``--format github`` report: GitHub Actions workflow commands, one annotation a finding.

``::error file=F,line=L,col=C,title=CODE::MESSAGE`` (``warning`` for warnings, ``notice``
for infos).  GitHub's runner decodes ``%25``, ``%0D`` and ``%0A`` in the message, and also
``%3A`` and ``%2C`` in property values, where a raw ``:`` or ``,`` would end the value; the
escaping below is the one of ``@actions/core`` (``escapeData`` / ``escapeProperty``).
"""

from __future__ import annotations

from ldpress.findings import Finding, Report, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_annotation(f: Finding) -> str:
    props: list[tuple[str, str]] = []
    if f.file and f.file != "-":
        props.append(("file", f.file))
    if f.line is not None:
        props.append(("line", str(f.line)))
    if f.column is not None:
        props.append(("col", str(f.column)))
    props.append(("title", f.code))
    message = f.message
    if f.path:
        message += f" (at {f.path})"
    if f.hint:
        message += f"\nhint: {f.hint}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMAND[f.severity]} {head}::{escape_data(message)}"


def render_github(report: Report) -> str:
    lines = [render_annotation(f) for f in report.findings]
    return "".join(line + "\n" for line in lines)
