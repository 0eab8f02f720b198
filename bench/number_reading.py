"""Number reading: how many of the public suites' cases (bench/number_cases.py) reconcile reads
right, how many negatives it wrongly reads a figure in, and what the candidate libraries do.

    python bench/number_reading.py                       # reconcile's reader
    python bench/number_reading.py --libraries           # and text2num, number-parser, word2number
    python bench/number_reading.py --corpus /tmp/c1000   # and the speed over a corpus's articles
    python bench/number_reading.py --hostile             # and the time on 1-4 MB hostile input
    git show 50d0aa7:reconcile/extract/numbers.py > /tmp/old_numbers.py
    python bench/number_reading.py --corpus /tmp/c1000 --against /tmp/old_numbers.py

A library is tried as it would be adopted: text2num's `alpha2digit` and number-parser's `parse`
rewrite the sentence's number words as digits, then a digits-only reader takes the figures;
word2number (which reads one phrase, not a sentence) gives the value of each span reconcile's
grammar finds. A sentence is read right when the figures found are exactly the expected ones, in
order; a false claim is a negative (a sentence with no count) in which a figure is found.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from number_cases import PHRASES, SENTENCES  # noqa: E402

from reconcile.extract.numbers import QUANTITY_RE, find_quantities, parse_number  # noqa: E402

Reader = Callable[[str], list[float]]

_DIGITS = re.compile(r"(?<![\w$€£.,^*/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w%^*/]|[.,]\d)")
_MAX_DIGITS = 11


def _digit_figures(text: str) -> list[float]:
    """Return the figures written in digits (what a library's rewritten text is read with)."""
    out = []
    for m in _DIGITS.finditer(text):
        s = m.group(0).replace(",", "")
        if len(s.split(".")[0]) <= _MAX_DIGITS:
            out.append(float(s))
    return out


def reconcile_reader(sentence: str) -> list[float]:
    return [q.figure for q in find_quantities(sentence)]


def library_readers() -> dict[str, Reader]:
    """Return a reader per installed library (the ones not installed are left out)."""
    readers: dict[str, Reader] = {}
    try:
        from text_to_num import alpha2digit

        readers["text2num"] = lambda s: _digit_figures(alpha2digit(s, "en"))
    except ImportError:
        pass
    try:
        from number_parser import parse

        readers["number-parser"] = lambda s: _digit_figures(parse(s, "en"))
    except ImportError:
        pass
    try:
        from word2number import w2n

        def w2n_reader(s: str) -> list[float]:
            out = []
            for m in QUANTITY_RE.finditer(s):
                with contextlib.suppress(ValueError, IndexError):
                    out.append(float(w2n.word_to_num(m.group(0))))
            return out

        readers["word2number"] = w2n_reader
    except ImportError:
        pass
    return readers


def score(reader: Reader) -> dict[str, object]:
    """Return the counts a reader scores on the sentence table, with the cases it got wrong."""
    right = negatives = false_claims = misreads = 0
    wrong: list[tuple[str, tuple[float, ...], list[float]]] = []
    for _suite, sentence, expected in SENTENCES:
        try:
            got = reader(sentence)
        except Exception:  # a library that raises has read nothing
            got = []
        ok = len(got) == len(expected) and all(
            float(g) == float(e) for g, e in zip(got, expected, strict=True)
        )
        right += ok
        if not expected:
            negatives += 1
            false_claims += bool(got)
        elif not ok and got:
            misreads += 1
        if not ok:
            wrong.append((sentence, expected, got))
    return {
        "right": right,
        "total": len(SENTENCES),
        "negatives": negatives,
        "false_claims": false_claims,
        "misreads": misreads,
        "wrong": wrong,
    }


def phrase_score() -> tuple[int, int, list[tuple[str, float | None, float | None]]]:
    """Return (right, total, wrong cases) of parse_number on the phrase table."""
    wrong = []
    for _suite, words, value in PHRASES:
        got = parse_number(words)
        if got != value:
            wrong.append((words[:60], value, got))
    return len(PHRASES) - len(wrong), len(PHRASES), wrong


def corpus_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def time_reader(reader: Reader, texts: Iterable[str]) -> float:
    """Return the seconds a reader takes over every paragraph of the texts."""
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    start = time.perf_counter()
    for p in paragraphs:
        reader(p)
    return time.perf_counter() - start


def time_extraction(folder: Path) -> tuple[float, int]:
    """Return (seconds, claims) for extract_claims over the corpus, reading excluded."""
    from reconcile.extract.claims import extract_claims
    from reconcile.ingest import read_articles

    articles = [a for p in sorted(folder.rglob("*.txt")) for a in read_articles(p)]
    start = time.perf_counter()
    claims = sum(len(extract_claims(a)) for a in articles)
    return time.perf_counter() - start, claims


def hostile_times() -> list[str]:
    """Return lines timing the reader on hostile input of growing size, in CPU seconds (linear
    if doubling the input doubles the time)."""
    lines = []
    makers = {
        "digits": lambda n: "9" * n + " people",
        "word chain": lambda n: ("one thousand " * (n // 13)) + "people",
        "figure list": lambda n: "1, " * (n // 3),
    }
    for name, make in makers.items():
        cells = []
        for mb in (1, 2, 4):
            text = make(mb * 1_000_000)
            start = time.process_time()
            sum(1 for _ in find_quantities(text))
            cells.append(f"{mb} MB {time.process_time() - start:.2f} s")
        lines.append(f"hostile {name:12} " + ", ".join(cells) + " (CPU)")
    return lines


def compare_extraction(folder: Path, other: Path, rounds: int = 4) -> str:
    """Return the CPU seconds of extract_claims (and find_quantities) over a corpus with this
    numbers.py and with another version of it, interleaved in one process (best of `rounds`),
    so that the machine's load falls on both alike."""
    import importlib.util

    from reconcile.extract import claims
    from reconcile.extract import numbers as current
    from reconcile.ingest import read_articles

    spec = importlib.util.spec_from_file_location("other_numbers", other)
    assert spec is not None and spec.loader is not None
    previous = importlib.util.module_from_spec(spec)
    sys.modules["other_numbers"] = previous
    spec.loader.exec_module(previous)
    articles = [a for p in sorted(folder.rglob("*.txt")) for a in read_articles(p)]
    saved = claims.QUANTITY_RE, claims.quantity_from_match
    best: dict[str, list[float]] = {"this": [9e9, 9e9, 0], "other": [9e9, 9e9, 0]}
    try:
        for i in range(rounds):
            order = [("this", current), ("other", previous)]
            for name, module in order if i % 2 == 0 else order[::-1]:
                claims.QUANTITY_RE, claims.quantity_from_match = (
                    module.QUANTITY_RE,
                    module.quantity_from_match,
                )
                start = time.process_time()
                found = sum(len(claims.extract_claims(a)) for a in articles)
                best[name][0] = min(best[name][0], time.process_time() - start)
                start = time.process_time()
                sum(1 for a in articles for _ in module.find_quantities(a.text))
                best[name][1] = min(best[name][1], time.process_time() - start)
                best[name][2] = found
    finally:
        claims.QUANTITY_RE, claims.quantity_from_match = saved
    return "\n".join(
        f"{name:6} extract_claims {b[0]:.2f} s CPU, find_quantities {b[1]:.3f} s CPU, {b[2]} claims"
        for name, b in best.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--libraries", action="store_true", help="also score the libraries")
    parser.add_argument("--corpus", type=Path, help="a bench corpus folder to time readers on")
    parser.add_argument(
        "--against", type=Path, help="another numbers.py to time extraction against (--corpus)"
    )
    parser.add_argument("--hostile", action="store_true", help="time hostile input of 1-4 MB")
    parser.add_argument("--show-wrong", action="store_true", help="list the cases read wrong")
    args = parser.parse_args(argv)

    readers: dict[str, Reader] = {"reconcile": reconcile_reader}
    if args.libraries:
        readers.update(library_readers())
    texts = corpus_texts(args.corpus) if args.corpus else []
    mb = sum(len(t.encode()) for t in texts) / 1e6
    for name, reader in readers.items():
        s = score(reader)
        line = (
            f"{name:14} sentences read right {s['right']}/{s['total']} "
            f"({s['right'] / s['total']:.3f}); false claims {s['false_claims']}/{s['negatives']} "
            f"negatives; wrong figure in {s['misreads']} positives"
        )
        if texts:
            seconds = time_reader(reader, texts)
            line += f"; {mb:.1f} MB in {seconds:.2f} s ({mb / seconds:.1f} MB/s)"
        print(line)
        if args.show_wrong:
            for sentence, expected, got in s["wrong"]:
                print(f"    {sentence[:90]!r}: expected {expected}, read {got}")
    right, total, wrong = phrase_score()
    print(f"{'parse_number':14} phrases right {right}/{total} ({right / total:.3f})")
    if args.show_wrong:
        for words, value, got in wrong:
            print(f"    {words!r}: expected {value}, read {got}")
    if args.hostile:
        print("\n".join(hostile_times()))
    if texts and args.against:
        print(compare_extraction(args.corpus, args.against))
    if texts:
        seconds, claims = time_extraction(args.corpus)
        print(
            f"extract_claims {mb:.1f} MB in {seconds:.2f} s ({mb / seconds:.2f} MB/s), {claims} claims"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
