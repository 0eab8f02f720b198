"""Benchmark `reconcile` on synthetic corpora: throughput, seconds per stage, memory, quality.

    python bench/run.py --sizes 1000 10000 [--jobs 2] [--json bench/out/results.json]

For each size the corpus bench/out/corpus-SIZE is generated if missing (bench/make_corpus.py,
same --seed), then measured in a fresh Python process, so each size's peak memory is its own.
The stages are the in-memory pipeline (`reconcile.pipeline.analyse`, step by step):

  read       read_articles on every file (always serial)
  extract    extract_claims on every article; with --jobs N a multiprocessing Pool where each
             worker reads and extracts a chunk of files (the seconds then include reading)
  events     reconcile.events.group_events
  relations  reconcile.relations.build_relations
  reconcile  reconcile.rules.reconcile
  render     reconcile.report.render.render(analysis, "md")

and, end to end through the CLI, `reconcile ingest` into a new store with the seconds of each
of its steps (extracting, storing, loading, grouping, relating, writing) and its CPU seconds;

plus a reference pass (read each file and split it into words with re.findall(r"\\w+", text)),
the floor any text tool pays, and a scoring pass against the generated gold with
reconcile.evaluate.score (one call per article: see README for why not one call in all).

Each stage runs under a time budget (--stage-budget) and the process under a memory cap
(--max-memory-gb); a stage that exceeds either is reported as DNF or OOM and the stages that
need its output are skipped. Nothing here asserts on timing.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import multiprocessing as mp
import os
import platform
import re
import resource
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

STAGES = ("read", "extract", "events", "relations", "reconcile", "render")
WORD_RE = re.compile(r"\w+")


class StageTimeout(Exception):
    """Raised by the interval timer when a stage runs past its budget."""


def _alarm(signum: int, frame: Any) -> None:
    raise StageTimeout


def rss_mb() -> float:
    """Return this process's peak resident set size so far, in MB (Linux reports KB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def children_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


# --------------------------------------------------------------------------------------------
# Workers (module level so multiprocessing can pickle them)
# --------------------------------------------------------------------------------------------


def _read_extract(paths: list[str]) -> tuple[list, list]:
    """Read and extract one chunk of files; return (articles, claims) in file order."""
    from reconcile.ingest import read_articles
    from reconcile.pipeline import extract_framed

    articles = [a for p in paths for a in read_articles(p)]
    claims = [c for a in articles for c in extract_framed(a)]
    return articles, claims


def _score_chunk(job: tuple[str, list[str], dict[str, list]]) -> dict:
    """Score one chunk of files, one `score` call per article; return summed counts."""
    from reconcile.evaluate import score
    from reconcile.ingest import read_articles

    corpus, paths, gold = job
    total = _empty_scores()
    for path in paths:
        rel = Path(path).relative_to(corpus).as_posix()
        for article in read_articles(path):
            _add_scores(total, score(gold.get(rel, []), [article]))
    return total


def _empty_scores() -> dict:
    return {
        "gold": 0,
        "predicted": 0,
        "matched": 0,
        "attributed_right": 0,
        "by_kind": defaultdict(Counter),
        "misses": [],
        "extras": [],
        "wrong_source": [],
    }


def _add_scores(total: dict, s: Any, keep: int = 20) -> None:
    """Add a reconcile.evaluate.Scores (or a dict of the same counts) into `total`."""
    get = s.get if isinstance(s, dict) else lambda k: getattr(s, k)
    for k in ("gold", "predicted", "matched", "attributed_right"):
        total[k] += get(k)
    for kind, counts in get("by_kind").items():
        total["by_kind"][kind].update(counts)
    for k in ("misses", "extras", "wrong_source"):
        room = keep - len(total[k])
        if room > 0:
            total[k].extend(get(k)[:room])


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, math.ceil(len(items) / n))
    return [items[i : i + size] for i in range(0, len(items), size)]


# --------------------------------------------------------------------------------------------
# One measurement (runs in its own process when called from the command line)
# --------------------------------------------------------------------------------------------


class Stages:
    """Run stages under a time budget; record seconds, status and memory; skip after a failure."""

    def __init__(self, budget: float, log: Any = None):
        self.budget = budget
        self.results: dict[str, dict] = {}
        self.failed: str = ""
        self.log = log or (lambda msg: None)

    def run(self, name: str, fn: Any, needs_ok: bool = True) -> Any:
        if needs_ok and self.failed:
            self.results[name] = {"status": "skipped", "seconds": None, "after": self.failed}
            self.log(f"  {name:<10} skipped ({self.failed} did not finish)")
            return None
        gc.collect()
        use_timer = self.budget > 0 and hasattr(signal, "setitimer")
        if use_timer:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, self.budget)
        start = time.perf_counter()
        status, value = "ok", None
        try:
            value = fn()
        except StageTimeout:
            status = "timeout"
        except MemoryError:
            status = "memory"
        except Exception as exc:  # keep the figures measured so far
            status = f"error: {type(exc).__name__}: {exc}"[:300]
        finally:
            seconds = time.perf_counter() - start
            if use_timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        if status != "ok" and needs_ok:
            self.failed = name
        self.results[name] = {
            "status": status,
            "seconds": round(seconds, 3),
            "peak_rss_mb": round(rss_mb(), 1),
        }
        shown = f"{seconds:8.2f} s" if status == "ok" else f"{status} after {seconds:.1f} s"
        self.log(f"  {name:<10} {shown}   peak RSS {rss_mb():,.0f} MB")
        return value


def measure(
    corpus: Path,
    jobs: int = 1,
    budget: float = 0,
    do_score: bool = True,
    score_whole: bool = False,
    log: Any = None,
) -> dict:
    """Return the benchmark figures for one corpus folder (articles/*.txt and gold.csv)."""
    from reconcile.cli.app import DEFAULT_MAX_FINDINGS
    from reconcile.evaluate import read_gold, score
    from reconcile.events import group_events
    from reconcile.ingest import read_articles
    from reconcile.pipeline import Analysis, extract_framed
    from reconcile.relations import build_relations
    from reconcile.report.render import render
    from reconcile.rules import reconcile

    out: dict[str, Any] = {"code": code_fingerprint()}
    corpus = corpus.resolve()
    paths = [str(p) for p in sorted((corpus / "articles").glob("*.txt"))]
    total_bytes = sum(os.path.getsize(p) for p in paths)
    mb = total_bytes / 1e6
    # Warm the page cache, so the reference pass and reconcile both read from memory.
    for p in paths:
        with open(p, "rb") as handle:
            handle.read()

    stages = Stages(budget, log)
    out |= {
        "corpus": str(corpus),
        "articles_files": len(paths),
        "bytes": total_bytes,
        "jobs": jobs,
        "stage_budget_s": budget,
    }

    # Reference pass: read and split into words, the floor for any tool reading this text.
    start = time.perf_counter()
    words = 0
    for p in paths:
        with open(p, "rb") as handle:
            words += len(WORD_RE.findall(handle.read().decode("utf-8")))
    floor_s = time.perf_counter() - start
    out["floor"] = {
        "seconds": round(floor_s, 3),
        "words": words,
        "mb_per_s": round(mb / floor_s, 2) if floor_s else None,
    }

    articles = stages.run("read", lambda: [a for p in paths for a in read_articles(p)])
    if jobs <= 1:
        claims = stages.run(
            "extract", lambda: [c for a in articles for c in extract_framed(a)], needs_ok=True
        )
        read_s = stages.results["read"]["seconds"] or 0
        extract_s = stages.results["extract"]["seconds"]
        ingest_s = read_s + extract_s if stages.results["extract"]["status"] == "ok" else None
    else:
        del articles  # the workers read again; keep one copy in memory
        gc.collect()

        def parallel() -> tuple[list, list]:
            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp
            with ctx.Pool(jobs) as pool:
                parts = pool.map(_read_extract, _chunks(paths, jobs * 4))
            return [a for p in parts for a in p[0]], [c for p in parts for c in p[1]]

        pair = stages.run("extract", parallel)
        articles, claims = pair if pair else (None, None)
        ingest_s = stages.results["extract"]["seconds"] if pair else None
    out["stage_notes"] = {"extract": "read+extract in a Pool" if jobs > 1 else "extract only"}
    n_articles = len(articles) if articles is not None else len(paths)
    out["articles"] = n_articles
    out["claims"] = len(claims) if claims is not None else None
    out["ingest_extract"] = {
        "seconds": round(ingest_s, 3) if ingest_s else None,
        "articles_per_s": round(n_articles / ingest_s, 1) if ingest_s else None,
        "mb_per_s": round(mb / ingest_s, 3) if ingest_s else None,
    }
    floor_rate = out["floor"]["mb_per_s"]
    rate = out["ingest_extract"]["mb_per_s"]
    out["ratio_to_floor"] = round(rate / floor_rate, 4) if rate and floor_rate else None

    events = stages.run("events", lambda: group_events(articles, claims, framed=True))
    if events is not None:
        out["events"] = len(events)
        out.update(_group_shape(claims, articles))
    relations = stages.run("relations", lambda: build_relations(claims, articles))
    out["relations"] = len(relations) if relations is not None else None
    if relations is not None:
        out["relation_types"] = dict(Counter(r.type for r in relations).most_common())
    reconciled = stages.run("reconcile", lambda: reconcile(claims, relations, articles))
    out["reconciled"] = len(reconciled) if reconciled is not None else None
    report = stages.run(
        "render",
        lambda: render(
            Analysis(articles, claims, events, relations, reconciled), "md", DEFAULT_MAX_FINDINGS
        ),
    )
    out["report_mb"] = round(len(report.encode("utf-8")) / 1e6, 2) if report is not None else None
    report = reconciled = relations = events = None  # free memory before scoring
    out["peak_rss_mb"] = round(rss_mb(), 1)
    out["workers_peak_rss_mb"] = round(children_rss_mb(), 1) if jobs > 1 else None
    articles = claims = None
    gc.collect()
    out["store"] = measure_store(corpus, jobs, mb, log or (lambda m: None))
    gold = None

    if do_score and (corpus / "gold.csv").exists():
        try:
            gold, out["gold_reader"] = load_gold(corpus / "gold.csv", read_gold)
        except Exception as exc:  # report the pipeline figures even if the gold cannot be read
            out["gold_reader"] = f"failed: {type(exc).__name__}: {exc}"
            gold = None
    if gold is not None:
        by_file: dict[str, list] = defaultdict(list)
        for row in gold:
            by_file[row.article_file].append(row)

        def score_all() -> dict:
            jobs_list = []
            for chunk in _chunks(paths, max(1, jobs) * 4):
                rels = [Path(p).relative_to(corpus).as_posix() for p in chunk]
                jobs_list.append((str(corpus), chunk, {r: by_file.get(r, []) for r in rels}))
            total = _empty_scores()
            if jobs > 1:
                ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp
                with ctx.Pool(jobs) as pool:
                    for part in pool.imap(_score_chunk, jobs_list):
                        _add_scores(total, part)
            else:
                for job in jobs_list:
                    _add_scores(total, _score_chunk(job))
            return total

        scores = stages.run("score", score_all, needs_ok=False)
        if scores is not None:
            out["quality"] = _quality(scores)
        if score_whole and articles is not None:
            # What `reconcile eval` does: one score() call over the whole corpus.
            stages.run("score_whole", lambda: score(gold, articles), needs_ok=False)
    out["stages"] = stages.results
    return out


def _run_cli(args: list[str], steps: dict | None = None) -> tuple[float, float, str]:
    """Run `reconcile ARGS` in a fresh interpreter; return (seconds, peak RSS MB, stderr).

    The peak is the command's main process's own (VmHWM, which starts afresh at exec, unlike
    getrusage's maxrss, which a child inherits from this large process); its extraction
    workers are measured in the stages above. `steps`, when given, receives an ingest's
    seconds per step (`Store.ingest`'s progress stages, in the process that holds the store)
    and its CPU seconds, its workers' included.
    """
    cmd = [sys.executable, "-c", _CLI_WITH_PEAK, *args]
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    seconds = time.perf_counter() - start
    lines = proc.stderr.splitlines()
    peaks = [line for line in lines if line.startswith(_PEAK_TAG)]
    said = "\n".join(line for line in lines if not line.startswith((_PEAK_TAG, _STEPS_TAG)))
    if steps is not None:
        for line in lines:
            if line.startswith(_STEPS_TAG):
                steps.update(json.loads(line[len(_STEPS_TAG) :]))
    if proc.returncode != 0:
        raise RuntimeError(f"reconcile {args[0]} exited {proc.returncode}: {said.strip()[-300:]}")
    peak_kb = int(peaks[-1].split()[-1]) if peaks else 0
    return seconds, peak_kb / 1024, said


_PEAK_TAG = "bench-peak-kb:"
_STEPS_TAG = "bench-steps:"
# The steps of `Store.ingest` (its progress stages) in the order they run.
INGEST_STEPS = ("extracting", "storing", "loading", "grouping", "relating", "writing")
# The CLI, with the process's peak resident memory (Linux VmHWM) printed to stderr at exit,
# and an ingest's seconds per step (from the progress stages `Store.ingest` reports, which the
# CLI draws as its bar) and CPU seconds of the process and its reaped workers.
_CLI_WITH_PEAK = f"""
import atexit, json, resource, sys, time
import reconcile.store

_steps, _at = {{}}, [time.perf_counter(), None]
_ingest = reconcile.store.Store.ingest

def _timed_ingest(self, paths, progress=None, **options):
    def step(stage, done, total):
        now = time.perf_counter()
        if stage != _at[1]:
            # The first stage reports once its first chunk is done: it began with the ingest.
            if _at[1] is not None:
                _steps[_at[1]] = _steps.get(_at[1], 0) + now - _at[0]
                _at[0] = now
            _at[1] = stage
        if progress:
            progress(stage, done, total)
    _at[0] = time.perf_counter()
    return _ingest(self, paths, progress=step, **options)

reconcile.store.Store.ingest = _timed_ingest

def _report_steps():
    if not _steps:
        return
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    print("{_STEPS_TAG}" + json.dumps({{"steps": _steps, "cpu_s": round(cpu, 2)}}),
          file=sys.stderr)

atexit.register(_report_steps)

def _peak():
    try:
        with open("/proc/self/status") as f:
            kb = next(line.split()[1] for line in f if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        return
    print("{_PEAK_TAG}", kb, file=sys.stderr)

atexit.register(_peak)
from reconcile.cli import main
main()
"""


# The seed of the day's batch: other events and places than the corpus it is added to.
DAY_SEED = 1007


def measure_store(corpus: Path, jobs: int, mb: float, log: Any) -> dict:
    """Time what a newsroom runs: `reconcile ingest FOLDER --db` into a new store, a second
    ingest of the same folder (nothing new), a day's batch of new articles (a fiftieth of the
    corpus, other incidents, generated with another seed), and `reconcile report`."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as tmp:
        db = str(Path(tmp) / "bench.db")
        folder = str(corpus / "articles")
        result: dict[str, Any] = {}
        try:
            steps: dict[str, Any] = {}
            seconds, rss, said = _run_cli(
                ["ingest", folder, "--db", db, "--jobs", str(jobs)], steps
            )
            result |= {
                # Seconds per step in the process that holds the store (extracting and
                # relating run on the --jobs workers), and CPU seconds of all processes.
                "ingest_steps": {k: round(v, 2) for k, v in steps.get("steps", {}).items()},
                "ingest_cpu_s": steps.get("cpu_s"),
                "ingest_s": round(seconds, 2),
                "articles_per_s": round(len(os.listdir(folder)) / seconds, 1),
                "mb_per_s": round(mb / seconds, 3),
                "ingest_rss_mb": round(rss, 1),
                "db_mb": round(os.path.getsize(db) / 1e6, 1),
                # The store as a multiple of the article files it holds (lean store: <= 3).
                "db_x_text": round(os.path.getsize(db) / 1e6 / mb, 2) if mb else None,
                "summary": said.strip().splitlines()[-1] if said.strip() else "",
            }
            log(f"  store ingest {seconds:8.2f} s   peak RSS {rss:,.0f} MB")
            seconds, _, _ = _run_cli(["ingest", folder, "--db", db, "--jobs", str(jobs)])
            result["reingest_s"] = round(seconds, 2)
            log(f"  re-ingest    {seconds:8.2f} s   (nothing new)")
            size = len(os.listdir(folder))
            day = ensure_corpus(corpus.parent / "day", max(20, size // 50), DAY_SEED, False)
            seconds, rss, _ = _run_cli(["ingest", str(day / "articles"), "--db", db])
            result |= {"day_articles": max(20, size // 50), "day_s": round(seconds, 2),
                       "day_rss_mb": round(rss, 1)}  # fmt: skip
            log(f"  day's batch  {seconds:8.2f} s   ({max(20, size // 50)} new articles)"
                f"   peak RSS {rss:,.0f} MB")  # fmt: skip
            seconds, rss, _ = _run_cli(["report", "--db", db, "--format", "md"])
            result |= {"report_s": round(seconds, 2), "report_rss_mb": round(rss, 1)}
            log(f"  store report {seconds:8.2f} s   peak RSS {rss:,.0f} MB")
        except RuntimeError as exc:
            result["error"] = str(exc)
            log(f"  store: {exc}")
    return result


def load_gold(path: Path, read_gold: Any, rows_per_part: int = 40_000) -> tuple[list, str]:
    """Return the gold rows read by reconcile.evaluate.read_gold, and how they were read.

    read_gold refuses files over the article size cap (20 MB), and the gold of 10,000 articles
    is larger; such a file is split into parts (header repeated) that read_gold reads in turn.
    """
    import csv
    import tempfile

    from reconcile.errors import InputError

    try:
        return read_gold(path), "read_gold"
    except InputError as exc:
        if "too large" not in str(exc):
            raise
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    gold: list = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, start in enumerate(range(0, len(body), rows_per_part)):
            part = Path(tmp) / f"gold-{n}.csv"
            with open(part, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(body[start : start + rows_per_part])
            gold.extend(read_gold(part))
    return gold, "read_gold in parts (the file is over read_gold's size cap)"


def _group_shape(claims: list, articles: list) -> dict:
    """Return the size of the largest (event, kind) group and the pairs build_relations compares.

    The pair count mirrors graph.build_relations: inside each (event, kind) group, every pair
    of claims of one article, plus each distinct figure (interval, source, group, day) against
    its next MAX_FIGURE_NEIGHBOURS figures by date.
    """
    from reconcile.relations import MAX_FIGURE_NEIGHBOURS, subject_group

    published = {a.id: a.published for a in articles}
    per_article: Counter = Counter()
    figures: dict[tuple[str, str], set] = defaultdict(set)
    sizes: Counter = Counter()
    for c in claims:
        if c.event and not c.part_of:
            sizes[(c.event, c.kind)] += 1
            per_article[(c.event, c.kind, c.article)] += 1
            figures[(c.event, c.kind)].add(
                (c.low, c.high, c.source_norm, subject_group(c), published.get(c.article))
            )
    within = sum(n * (n - 1) // 2 for n in per_article.values())
    across = sum(
        min(MAX_FIGURE_NEIGHBOURS, len(f) - 1 - i) for f in figures.values() for i in range(len(f))
    )
    return {
        "event_kind_groups": len(sizes),
        "largest_group_claims": max(sizes.values(), default=0),
        "pairs_compared": within + across,
    }


def _quality(s: dict) -> dict:
    p = s["matched"] / s["predicted"] if s["predicted"] else 0.0
    r = s["matched"] / s["gold"] if s["gold"] else 0.0
    return {
        "gold": s["gold"],
        "predicted": s["predicted"],
        "matched": s["matched"],
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "attribution": round(s["attributed_right"] / s["matched"], 4) if s["matched"] else 0.0,
        "by_kind": {k: dict(v) for k, v in sorted(s["by_kind"].items())},
        "sample_misses": s["misses"][:5],
        "sample_extras": s["extras"][:5],
    }


# --------------------------------------------------------------------------------------------
# Driver: corpora, child processes, tables, JSON
# --------------------------------------------------------------------------------------------


def ensure_corpus(out_dir: Path, size: int, seed: int, regenerate: bool) -> Path:
    """Return the corpus folder for a size, generating it when missing or made differently."""
    corpus = out_dir / f"corpus-{size}"
    manifest = corpus / "manifest.json"
    if not regenerate and manifest.exists():
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        same = (meta.get("articles"), meta.get("seed"), meta.get("generator_version"))
        if same == (size, seed, make_corpus.GENERATOR_VERSION):
            return corpus
    print(f"generating {corpus} ({size} articles, seed {seed}) ...", file=sys.stderr, flush=True)
    meta = make_corpus.generate(size, corpus, seed=seed)
    print(
        f"  done in {meta['seconds']} s: {meta['bytes'] / 1e6:.1f} MB, "
        f"{meta['gold_rows']} gold rows, {meta['events']} events",
        file=sys.stderr,
    )
    return corpus


def run_child(corpus: Path, args: argparse.Namespace) -> dict:
    """Measure one corpus in a fresh interpreter; return its figures (or the failure)."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--measure",
        str(corpus),
        "--jobs",
        str(args.jobs),
        "--stage-budget",
        str(args.stage_budget),
        "--max-memory-gb",
        str(args.max_memory_gb),
    ]
    if args.no_score:
        cmd.append("--no-score")
    if args.score_whole:
        cmd.append("--score-whole")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"corpus": str(corpus), "error": f"measurement process exited {proc.returncode}"}
    return json.loads(lines[-1])


def code_fingerprint() -> dict:
    """Return which reconcile code is measured: its folder, a digest of its sources, git state.

    The digest tells runs apart when the working tree changes between them; measure a frozen
    copy by putting it first on PYTHONPATH (see README).
    """
    import hashlib

    import reconcile

    package = Path(reconcile.__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    found = {"package": str(package), "digest": digest.hexdigest()[:12]}
    if package.parent == ROOT:
        found |= git_state()
    return found


def git_state() -> dict:
    def git(*a: str) -> str:
        try:
            return subprocess.run(
                ["git", *a], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    dirty = git("status", "--porcelain", "--", "reconcile")
    return {"commit": git("rev-parse", "--short", "HEAD"), "reconcile_dirty": bool(dirty)}


def _cell(stage: dict | None) -> str:
    if not stage:
        return "-"
    if stage["status"] == "ok":
        return f"{stage['seconds']:.2f}"
    if stage["status"] == "timeout":
        return f"DNF>{stage['seconds']:.0f}"
    if stage["status"] == "memory":
        return f"OOM@{stage['seconds']:.0f}"
    return stage["status"].split(":")[0]


def _f(x: Any, fmt: str = "{:,.1f}") -> str:
    return "-" if x is None else fmt.format(x)


def tables(results: list[dict]) -> str:
    from tabulate import tabulate

    ok = [r for r in results if "error" not in r]
    out = []
    rows = []
    for r in ok:
        ie = r["ingest_extract"]
        rows.append(
            [
                r["articles"],
                f"{r['bytes'] / 1e6:.1f}",
                r["jobs"],
                _f(ie["seconds"], "{:.1f}"),
                _f(ie["articles_per_s"]),
                _f(ie["mb_per_s"], "{:.3f}"),
                _f(r["floor"]["mb_per_s"]),
                _f(r["ratio_to_floor"], "{:.4f}"),
                _f(r["peak_rss_mb"], "{:,.0f}"),
                _f(r.get("workers_peak_rss_mb"), "{:,.0f}"),
            ]
        )
    out.append("Throughput (ingest = read_articles + extract_claims)")
    out.append(
        tabulate(
            rows,
            headers=[
                "articles",
                "MB",
                "jobs",
                "ingest s",
                "articles/s",
                "MB/s",
                "floor MB/s",
                "ratio",
                "peak RSS MB",
                "worker RSS MB",
            ],
            tablefmt="github",
        )
    )
    rows = []
    for r in ok:
        st = r.get("store") or {}
        rows.append(
            [
                r["articles"],
                _f(st.get("ingest_s"), "{:.1f}"),
                _f(st.get("articles_per_s")),
                _f(st.get("mb_per_s"), "{:.3f}"),
                _f(st.get("ingest_rss_mb"), "{:,.0f}"),
                _f(st.get("db_mb"), "{:,.1f}"),
                _f(st.get("db_x_text"), "{:.2f}"),
                _f(st.get("reingest_s"), "{:.1f}"),
                f"{_f(st.get('day_s'), '{:.1f}')} ({st.get('day_articles', '-')})",
                _f(st.get("day_rss_mb"), "{:,.0f}"),
                _f(st.get("report_s"), "{:.1f}"),
                st.get("error", "")[:60],
            ]
        )
    out.append("")
    out.append(
        "End to end through the CLI: `reconcile ingest FOLDER --db NEW.db` (read, extract, "
        "store, group, relate, reconcile), the same again, a day's batch of new articles, "
        "`reconcile report --db`"
    )
    out.append(
        tabulate(
            rows,
            headers=[
                "articles",
                "ingest s",
                "articles/s",
                "MB/s",
                "peak RSS MB",
                "db MB",
                "db x text",
                "re-ingest s",
                "day's batch s (articles)",
                "day's peak MB",
                "report s",
                "error",
            ],
            tablefmt="github",
        )
    )
    rows = []
    for r in ok:
        st = r.get("store") or {}
        steps = st.get("ingest_steps") or {}
        if not steps:
            continue
        rows.append(
            [
                r["articles"],
                r["jobs"],
                *[_f(steps.get(s), "{:.1f}") for s in INGEST_STEPS],
                _f(st.get("ingest_s"), "{:.1f}"),
                _f(st.get("ingest_cpu_s"), "{:.1f}"),
            ]
        )
    if rows:
        out.append("")
        out.append(
            "Where `reconcile ingest FOLDER --db NEW.db --jobs N` spends its time: seconds per "
            "step in the process that holds the store (extracting and relating run on the N "
            "workers, writing the events overlaps relating), and CPU seconds of all processes"
        )
        out.append(
            tabulate(
                rows,
                headers=["articles", "jobs", *INGEST_STEPS, "wall s", "CPU s"],
                tablefmt="github",
            )
        )
    rows = []
    for r in ok:
        st = r["stages"]
        done = [st[s]["seconds"] for s in STAGES if st.get(s, {}).get("status") == "ok"]
        complete = all(st.get(s, {}).get("status") == "ok" for s in STAGES)
        total = f"{sum(done):.2f}" if complete else f">{sum(x or 0 for x in done):.0f}"
        slow = max(STAGES, key=lambda s: st.get(s, {}).get("seconds") or 0)
        rows.append([r["articles"], *[_cell(st.get(s)) for s in STAGES], total, slow])
    out.append("")
    out.append("Seconds per stage (extract includes reading when jobs > 1; DNF = over budget)")
    out.append(tabulate(rows, headers=["articles", *STAGES, "total", "slowest"], tablefmt="github"))
    rows = []
    for r in ok:
        q = r.get("quality") or {}
        rows.append(
            [
                r["articles"],
                _f(r["claims"], "{:,}"),
                _f(r.get("events"), "{:,}"),
                _f(r.get("largest_group_claims"), "{:,}"),
                _f(r.get("pairs_compared"), "{:,}"),
                _f(r.get("relations"), "{:,}"),
                _f(r.get("report_mb"), "{:,.1f}"),
                _f(q.get("gold"), "{:,}"),
                _f(q.get("precision"), "{:.3f}"),
                _f(q.get("recall"), "{:.3f}"),
                _f(q.get("f1"), "{:.3f}"),
                _f(q.get("attribution"), "{:.3f}"),
            ]
        )
    out.append("")
    out.append("Counts and extraction quality (scored on the generated gold)")
    out.append(
        tabulate(
            rows,
            headers=[
                "articles",
                "claims",
                "events",
                "largest group",
                "pairs compared",
                "relations",
                "report MB",
                "gold",
                "precision",
                "recall",
                "f1",
                "attribution",
            ],
            tablefmt="github",
        )
    )
    if len(ok) >= 2:
        out.append("")
        out.append(
            "Scaling exponent between sizes: log(t2/t1) / log(n2/n1); 1 = linear, "
            "2 = quadratic; '>=' when the larger run did not finish"
        )
        rows = []
        for a, b in zip(ok, ok[1:], strict=False):
            if b["articles"] == a["articles"]:
                continue
            growth = math.log(b["articles"] / a["articles"])
            row = [f"{a['articles']} -> {b['articles']}"]
            for s in (*STAGES, "score"):
                sa, sb = a["stages"].get(s, {}), b["stages"].get(s, {})
                if sa.get("status") != "ok" or not sb.get("seconds") or not sa.get("seconds"):
                    row.append("-")
                    continue
                k = math.log(sb["seconds"] / sa["seconds"]) / growth
                row.append(f"{k:.2f}" if sb["status"] == "ok" else f">={k:.2f}")
            for key in ("pairs_compared", "relations"):
                if a.get(key) and b.get(key):
                    row.append(f"{math.log(b[key] / a[key]) / growth:.2f}")
                else:
                    row.append("-")
            rows.append(row)
        out.append(
            tabulate(
                rows, headers=["sizes", *STAGES, "score", "pairs", "relations"], tablefmt="github"
            )
        )
    for r in results:
        if "error" in r:
            out.append(f"\n{r['corpus']}: {r['error']}")
    return "\n".join(out)


def _memory_default() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        return round(kb / 1024 / 1024 * 0.75, 1)
    except (OSError, StopIteration, ValueError):
        return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for extraction")
    parser.add_argument("--json", type=Path, help="write all figures to this JSON file")
    parser.add_argument("--out-dir", type=Path, default=HERE / "out", help="where corpora live")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--regenerate", action="store_true", help="rebuild corpora")
    parser.add_argument(
        "--stage-budget",
        type=float,
        default=600,
        help="seconds a stage may run before it is stopped (0 = no limit)",
    )
    parser.add_argument(
        "--max-memory-gb",
        type=float,
        default=_memory_default(),
        help="address-space cap for the measuring process (0 = none)",
    )
    parser.add_argument("--no-score", action="store_true", help="skip scoring on the gold")
    parser.add_argument(
        "--score-whole",
        action="store_true",
        help="also time one reconcile.evaluate.score call over the whole "
        "corpus (what `reconcile eval` does)",
    )
    parser.add_argument("--label", default="", help="a note stored in the JSON meta")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:  # the child: measure one corpus, print one JSON line
        if args.max_memory_gb > 0 and hasattr(resource, "RLIMIT_AS"):
            cap = int(args.max_memory_gb * 1024**3)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        print(f"measuring {args.measure} (jobs {args.jobs})", file=sys.stderr, flush=True)
        result = measure(
            args.measure,
            args.jobs,
            args.stage_budget,
            not args.no_score,
            args.score_whole,
            log=lambda m: print(m, file=sys.stderr, flush=True),
        )
        print(json.dumps(result))
        return 0

    started = git_state()
    results = []
    for size in args.sizes:
        corpus = ensure_corpus(args.out_dir, size, args.seed, args.regenerate)
        results.append(run_child(corpus, args))
    print(tables(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "seed": args.seed,
            "jobs": args.jobs,
            "stage_budget_s": args.stage_budget,
            "max_memory_gb": args.max_memory_gb,
            "repo_at_start": started,
            "label": args.label,
        }
        args.json.write_text(
            json.dumps({"meta": meta, "results": results}, indent=2) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
