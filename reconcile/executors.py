"""Where per-article work runs: this process, a process pool, or a Dask cluster.

Each executor maps a picklable function over work items and yields the results in the items'
order, taking items from an iterator only as workers free up (a few per worker in flight), so
a corpus read chunk by chunk is never all in memory before it is extracted. The function and
its arguments carry everything a worker needs (the run's `Settings` travel with each chunk),
so the results are the same whichever executor runs them and however its workers started.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from reconcile.errors import ReconcileError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("processes", "dask")
DASK_INSTALL = "pip install 'reconcile[dask]' (or: pip install 'dask[distributed]')"
# Chunks in flight per worker: enough that a worker never waits for the next one, few enough
# that a stream of chunks is not all read ahead into memory.
IN_FLIGHT_PER_WORKER = 3
# Seconds a run waits for a running cluster to have a worker.
WAIT_FOR_WORKERS = 10


class Executor(Protocol):
    """Runs `fn` over items, yielding results in order; `workers` says how many run at once."""

    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class Serial:
    """Everything in this process, one item after another."""

    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        pass


class Pool:
    """A pool of `jobs` processes on this machine (`--jobs N`); `start_method` is fork, spawn or
    forkserver (default: the platform's)."""

    def __init__(self, jobs: int, start_method: str | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = jobs
        context = multiprocessing.get_context(start_method) if start_method else None
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return _windowed(lambda item: self._pool.submit(fn, item), items, self.workers)

    def close(self) -> None:
        self._pool.shutdown()


class Dask:
    """A Dask cluster: the scheduler at `address`, or a LocalCluster of `workers` processes
    with one thread each (the work is pure Python: threads would share one interpreter lock)."""

    def __init__(self, address: str | None = None, workers: int = 0) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ReconcileError(f"--executor dask needs Dask: {DASK_INSTALL}") from exc
        self._cluster = None
        self._where = f"--scheduler {address}" if address else "the Dask LocalCluster"
        if address:
            try:
                self._client = Client(address, timeout="10s")
            except OSError as exc:
                raise ReconcileError(f"--scheduler {address}: cannot connect ({exc})") from exc
            try:
                # A scheduler with no workers would take the chunks and never answer.
                self._client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            except TimeoutError as exc:
                self._client.close()
                raise ReconcileError(
                    f"--scheduler {address}: no workers joined in {WAIT_FOR_WORKERS} s "
                    "(start some with: dask worker " + address + " --nthreads 1)"
                ) from exc
        else:
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=":0",
            )  # fmt: skip
            self._client = Client(self._cluster)
        self.workers = max(1, sum(self._client.nthreads().values()))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        from distributed import KilledWorker
        from distributed.comm import CommClosedError

        # pure=False: two equal chunks are still two tasks (each article's claims come back).
        results = _windowed(
            lambda item: self._client.submit(fn, item, pure=False), items, self.workers
        )
        try:
            yield from results
        except (KilledWorker, CommClosedError) as exc:
            # The cluster failed, not the input: one line saying so (a bad input file, read
            # as chunks are sent, and a bug in extraction still raise as themselves).
            raise ReconcileError(f"{self._where}: {type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a batch of work, then restore it as it was.

    Extracting and relating allocate millions of small objects that live until the batch is
    done (claims, matches' groups, relations) and make no reference cycles, so the collector's
    passes over them find nothing: at 10,000 articles they were a sixth of an ingest's CPU
    time. Reference counting still frees everything as usual; cycles left meanwhile are
    collected once it runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _windowed(submit: Callable[[Any], Any], items: Iterable[Any], workers: int) -> Iterator[Any]:
    """Yield the results of futures in submission order, keeping a few per worker in flight."""
    pending: deque[Any] = deque()
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    for item in items:
        pending.append(submit(item))
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def make_executor(
    name: str = "processes",
    jobs: int = 1,
    scheduler: str | None = None,
    start_method: str | None = None,
) -> Executor:
    """Return the executor a run asked for: `processes` runs `jobs` processes (one: this one),
    `dask` a LocalCluster of `jobs` workers (0: one per core) or the cluster at `scheduler`."""
    if name == "dask" or scheduler:
        return Dask(scheduler, jobs)
    if name != "processes":
        raise ReconcileError(f"--executor {name}: one of {', '.join(EXECUTORS)}")
    return Serial() if jobs <= 1 else Pool(jobs, start_method)
