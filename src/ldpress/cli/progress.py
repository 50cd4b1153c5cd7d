"""The validate progress bar: rich on stderr, shown only on a TTY and only for runs > 1 s.

The pipeline calls :class:`ProgressBar` after each file; the bar appears on the first call
after :data:`DELAY` seconds, so short runs and CI logs stay clean, and disappears when done.
rich is imported only when a bar is shown: a cached re-run is mostly interpreter start-up.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ldpress.validate.pipeline import Progress as Step

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0


def _rate_column() -> object:
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Files per second."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f} files/s")

    return RateColumn()


class ProgressBar:
    """A progress callback for :func:`ldpress.validate.pipeline.validate_paths`."""

    def __init__(self, *, enabled: bool, delay: float = DELAY) -> None:
        self.enabled = enabled
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        rate = _rate_column()
        assert isinstance(rate, ProgressColumn)
        self.bar = Progress(
            TextColumn("validating"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[findings]:,} findings"),
            rate,
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("validate", total=total, findings=0)

    def __call__(self, step: Step) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            self._start(step.total)
        assert self.bar is not None and self.task is not None
        self.bar.update(self.task, completed=step.done, findings=step.findings)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
