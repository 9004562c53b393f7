"""Where the sandboxed runs happen: a Dask cluster, local by default.

``start`` gives a ``Cluster``: by default a ``distributed.LocalCluster`` on this machine (worker
processes, one per core, one sandbox slot each; nothing to set up); with ``scheduler``
("tcp://HOST:PORT") an existing cluster, whose workers offer sandbox slots as the worker resource
``SLOT`` (``dask worker tcp://HOST:PORT --nthreads 1 --nworkers N --resources sandbox=1``, one
slot per worker process). Every job asks for one slot, so a worker never runs more sandboxes at once
than it has slots. Workers only run ``jobs.run``: they get a job's files and send back the raw
outcome; they need the ``dlcourse`` package installed (for the runner and the sandbox), no course
directory, gradebook, reference or hidden-input generator.

Before anything is graded, ``start`` checks that the scheduler answers, that some worker offers
slots, and (unless grading without the sandbox) that the sandbox works on every worker: each worker
probes it (``sandbox.unavailable_reason``) and a clear error names those where it does not. A worker
that joins later and has no sandbox fails its first job with ``SandboxUnavailable``, which stops
the run the same way.

A worker that dies while running a job (killed, out of memory) loses nothing, and costs only the
job it was running: each job tells the scheduler when it starts on a worker (an event,
``STARTED``), so the coordinator (autograder.batch.grading) counts a job's runs itself and sends again a
job whose worker died while it was only queued there, without counting that against it. A job
whose worker died each of ``ATTEMPTS`` times it ran gets 0 with a clear message. Dask's own count
(``allowed-failures``) cannot tell a running job from one queued behind it; on a local cluster it is
0, so every death comes straight to the coordinator; a cluster of your own may retry first, and
the coordinator still counts only real runs (see the README).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import dask
from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.client import Future

from ..sandbox import jobs, bubblewrap

SLOT = "sandbox"                 # the worker resource: sandboxes a worker may run at once
ATTEMPTS = 3                     # runs of a job whose worker dies each time, then it gets 0
REQUEUES = 20                    # sends of a job that lost its worker before it started, then it gets 0
STARTED = "dlcourse-started-"    # + a job's key: the event a job logs when it starts on a worker
CONNECT_SECONDS = 10             # to reach a scheduler given with --scheduler
WORKER_SECONDS = 30              # for its first worker to appear


class ClusterUnavailable(RuntimeError):
    """The cluster cannot grade: unreachable scheduler, no worker with sandbox slots, or workers
    without a working sandbox. The message says which and what to do."""


@dataclass
class Cluster:
    client: Client
    local: LocalCluster | None
    slots: int                   # sandbox slots of the workers connected at the start

    @property
    def where(self) -> str:
        workers = len(self.client.scheduler_info(n_workers=-1)["workers"])
        kind = "a local Dask cluster" if self.local else f"the Dask cluster at {self.client.scheduler.address}"
        return f"{kind} ({workers} workers, {self.slots} sandbox slots)"

    def submit(self, job: jobs.Job) -> Future:
        # pure=False: a job is a new run even if the same bytes were sent before (a new seed, a retry).
        return self.client.submit(_run_telling_start, job, resources={SLOT: 1}, pure=False,
                                  key=f"grade-{job.student}-{os.urandom(4).hex()}")

    def runs_started(self, future: Future) -> int:
        """How many times the job of ``future`` started on a worker (see the module's docstring)."""
        return len(self.client.get_events(STARTED + str(future.key)))

    def as_completed(self) -> as_completed:
        """An iterator over futures as they finish, to which more can be added while it runs."""
        return as_completed(loop=self.client.loop)

    def close(self) -> None:
        """Cancel what is still queued and disconnect; a local cluster's workers are stopped (their
        sandboxes die with them). Jobs already running on a remote worker end at their limits."""
        try:
            self.client.close()
        finally:
            if self.local is not None:
                self.local.close()


def start(scheduler: str | None = None, workers: int | None = None, use_sandbox: bool = True) -> Cluster:
    """Connect to ``scheduler``, or start a LocalCluster of ``workers`` processes (default: one per
    core); then check it as the module's docstring says. Raises ClusterUnavailable."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise ClusterUnavailable(
                f"could not reach the Dask scheduler at {scheduler} within {CONNECT_SECONDS} s ({e}). Nothing was "
                "graded or written. Check the address and that `dask scheduler` runs there (README: "
                "\"Grading on a cluster\"), or leave out --scheduler to grade on this machine.") from None
        local = None
    else:
        n = max(1, workers or os.cpu_count() or 1)
        try:
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # the coordinator counts
                # No dashboard; the scheduler's HTTP server (health checks) on a free port, not 8787.
                local = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, resources={SLOT: 1},
                                     dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                     silence_logs=logging.ERROR, memory_limit=0)
        except Exception as e:  # noqa: BLE001 - whatever stops Dask here, the instructor reads one sentence
            raise ClusterUnavailable(f"could not start a local Dask cluster of {n} worker processes "
                                     f"({type(e).__name__}: {e}). Nothing was graded or written. Try fewer with "
                                     "--jobs, or start a cluster yourself and pass --scheduler.") from None
        client = Client(local, set_as_default=False)
    try:
        slots = _check(client, scheduler, use_sandbox)
    except BaseException:
        client.close()
        if local is not None:
            local.close()
        raise
    return Cluster(client, local, slots)


def _run_telling_start(job: jobs.Job) -> bubblewrap.Outcome:
    """On a worker: tell the scheduler this job starts here (``STARTED``), then run it."""
    worker = get_worker()
    worker.log_event(STARTED + str(worker.get_current_task()), {"worker": worker.address})
    return jobs.run(job)


def _check(client: Client, scheduler: str | None, use_sandbox: bool) -> int:
    try:
        client.wait_for_workers(1, timeout=WORKER_SECONDS)
    except TimeoutError:
        raise ClusterUnavailable(f"no Dask worker joined the scheduler at {scheduler} within {WORKER_SECONDS} s. "
                                 "Start workers with `dask worker " + (scheduler or "tcp://HOST:PORT")
                                 + " --nthreads 1 --nworkers N --resources sandbox=1`.") from None
    offers = {addr: int(w.get("resources", {}).get(SLOT, 0))
              for addr, w in client.scheduler_info(n_workers=-1)["workers"].items()}
    slotted = [addr for addr, n in offers.items() if n > 0]
    if not slotted:
        raise ClusterUnavailable(
            f"the {'worker' if len(offers) == 1 else f'{len(offers)} workers'} of the scheduler at {scheduler} "
            f"{'offers' if len(offers) == 1 else 'offer'} no sandbox slots, so no job could "
            f"run. Start each worker with `--nthreads 1 --resources {SLOT}=1` (one slot per worker process).")
    if use_sandbox:
        reasons = client.run(bubblewrap.unavailable_reason, workers=slotted)
        broken = {addr: why for addr, why in reasons.items() if why}
        if broken:
            listed = "; ".join(f"{addr}: {why}" for addr, why in sorted(broken.items()))
            raise ClusterUnavailable(f"the sandbox does not work on {len(broken)} of {len(slotted)} workers, which "
                                     f"refuse to grade: {listed}. Nothing was graded or written.")
    return sum(offers.values())
