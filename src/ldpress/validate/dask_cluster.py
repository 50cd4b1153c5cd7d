"""Connect to a Dask cluster for validation, or start one on this machine, and check that
its workers would report exactly what this process reports.

Everything Dask is imported here lazily, behind :func:`require_dask`, so ldpress works
without the optional ``ldpress[dask]`` extra and says how to install it when it is needed.
A local cluster listens on 127.0.0.1 only and has no dashboard: validating a site must not
open a port to the network.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ldpress.errors import UsageError
from ldpress.validate.cache import run_key
from ldpress.validate.model import Layer, Options

DASK_EXTRA = "pip install 'ldpress[dask]'"
CONNECT_TIMEOUT = "10s"
LOOPBACK = "127.0.0.1"


def require_dask() -> None:
    """Raise a :class:`UsageError` naming the extra when dask or distributed is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"distributed validation needs Dask: {DASK_EXTRA}") from exc


def cluster_failures() -> tuple[type[BaseException], ...]:
    """What a broken cluster raises while computing: a worker killed (by the OOM killer,
    say) too often, a cancelled future, a lost connection, a timeout."""
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    return (KilledWorker, CancelledError, OSError, TimeoutError)


def check_workers(client: Any, options: Options, layers: Sequence[Layer]) -> None:
    """Abort unless every worker computes the same run key as this process: the same
    ldpress code and version, vocabulary, options and rule packs (see
    :func:`ldpress.validate.cache.run_key`), without which the report could differ."""
    mine = run_key(options, layers)
    theirs: dict[str, str] = client.run(run_key, options, layers)
    if not theirs:
        raise UsageError("the Dask cluster has no workers")
    odd = sorted(addr for addr, key in theirs.items() if key != mine)
    if odd:
        raise UsageError(
            f"{len(odd)} Dask worker(s) would not give the same findings as this process "
            f"(another ldpress version, vocabulary or rule-pack directory): {', '.join(odd)}"
        )


@contextmanager
def open_client(scheduler: str | None = None, local_workers: int = 1) -> Iterator[Any]:
    """A ``distributed.Client`` connected to ``scheduler`` (``tcp://HOST:PORT``), or to a
    new ``LocalCluster`` of ``local_workers`` single-threaded worker processes listening on
    127.0.0.1 only (no dashboard), closed on exit.  An unreachable scheduler is a
    :class:`UsageError`."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot connect to the Dask scheduler {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=local_workers,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=None,
            # The scheduler's HTTP endpoints (health, metrics) stay up without a dashboard;
            # a free loopback port avoids both the network and a clash on 8787.
            scheduler_kwargs={"dashboard_address": f"{LOOPBACK}:0"},
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client
