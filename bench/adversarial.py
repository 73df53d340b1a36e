"""Adversarial-input benchmark: do time and memory grow linearly with the size of hostile input?

Builds hostile documents (long runs of capitals, dots, quotes, titles,
abbreviations, trigger words; many lower-case lines without punctuation;
unclosed and deeply nested HTML constructs; realistic news for comparison)
and other hostile work (a block of the event store with many reports, a
gzip file that expands a hundredfold, a JSON line far larger than the
document size limit) at several sizes, times each in a fresh subprocess
under a time budget, and reports how time grows: the ratio for a tenfold
size step (about 10 means linear, about 100 quadratic) and the exponent it
implies, measured over the widest step that finished. A probe at twice the
smallest size gives the growth early, so that a size projected to overrun
the budget is not run at all; one that overruns anyway is stopped, and the
exponent is then a lower bound.

Memory is measured the same way: each run reports the peak memory its one
operation added (``ru_maxrss`` after, less the resident size before), and
the table gives its growth exponent and its peak per byte of input. Linear
cases stay near exponent 1; the ones that must stay *bounded* (``gzip-bomb``,
``jsonl-huge-line``: what exceeds the size limit is skipped as it is read)
stay near 0.

    python bench/adversarial.py                     # 10 KB, 100 KB and 1 MB, 60 s budget
    python bench/adversarial.py --sizes 10000,100000 --budget 20
    python bench/adversarial.py --only dots,news --json results.json
    nox -s adversarial -- --budget 30

This is a benchmark, not a test: timings depend on the machine. Exit status
0 always; read the verdicts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (repeated unit, closing text). The closing sentence end makes the whole run one body
# sentence of the article (a line without closing punctuation is skipped as a headline).
_TAIL = " met Rubio on Monday."
RULES_CASES: dict[str, tuple[str, str]] = {
    "capitals": ("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z ", _TAIL),
    "capital-words": ("WASHINGTON TOKYO SEOUL ", _TAIL),
    "mr": ("Mr. ", _TAIL),
    "quotes": ('" ', _TAIL),
    "unclosed-curly-quotes": ("\u201c", _TAIL),
    "quoted-sentences": ('"Abe met Lee" ', _TAIL),
    "titles": ("Secretary of State ", _TAIL),
    "titled-names": ("Foreign Minister Taro Kono ", _TAIL),
    "months": ("Jan. ", _TAIL),
    "dates": ("Jan. 16, ", _TAIL),
    "dots": (".", _TAIL),
    "ellipses": ("...", _TAIL),
    "question-marks": ("?", _TAIL),
    "spaced-dots": (". . ", _TAIL),
    "line-without-punctuation": ("officials discussed the alliance and ", ""),
    "lower-case-lines": ("officials discussed the alliance and\n", ""),
    "long-sentence": ("officials discussed the alliance and ", _TAIL),
    "trigger-met": ("met ", _TAIL),
    "trigger-visit": ("visit ", _TAIL),
    "meetings-in-one-sentence": ("Abe met Lee, ", _TAIL),
    "many-short-sentences": ("Foreign Minister Taro Kono met Secretary of State Marco Rubio in Tokyo. ", ""),
    "meetings-with-topics": (
        "Foreign Minister Taro Kono met Secretary of State Marco Rubio in Tokyo. They discussed China. ",
        "",
    ),
    "news": ("", ""),  # the seed articles, repeated
}
HTML_CASES: dict[str, str | tuple[str, str]] = {
    "html-unclosed-tags": "<a ",
    "html-unclosed-attributes": "<a b=c ",
    "html-unclosed-comments": "<!--",
    "html-end-tag-openers": "</",
    "html-processing-instructions": "<?",
    "html-paragraphs": "<p>Abe met <b>Lee</b> in Tokyo.</p>\n",
    # (opening unit, closing unit): n openings, then n closings
    "html-nested-svg": ("<svg>", "</svg>"),
    "html-hidden-never-closed": ("<svg>", "</math>"),
    "html-nested-hidden-mixed": ("<svg><template>", "</svg>"),
}
# Other hostile work, sized in bytes of input: the store's merge of one block (a report per 100
# bytes), and reading compressed files past the document size limit (read_documents).
OTHER_CASES = {
    "store-merge-block": "rebuild one block of the event store holding size/100 reports",
    "gzip-bomb": "read a .txt.gz that expands to 1,000 x size bytes",
    "jsonl-huge-line": "read a .jsonl.gz holding one line of 1,000 x size bytes, then a good one",
}
# Memory added below this is the interpreter's noise, not the operation's: no exponent from it.
_MEMORY_FLOOR = 1 << 20
CASES = [*RULES_CASES, *HTML_CASES, *OTHER_CASES]


def _seed_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))


def build(case: str, size: int) -> str:
    """The adversarial text of ``case``, about ``size`` characters long (plus its closing text)."""
    if case in HTML_CASES:
        html = HTML_CASES[case]
        if isinstance(html, tuple):
            opening, closing = html
            count = max(1, round(size / (len(opening) + len(closing))))
            return opening * count + closing * count + "<p>Abe met Lee in Tokyo.</p>"
        unit, tail = html, ""
    else:
        unit, tail = RULES_CASES[case]
    if case == "news":
        unit = _seed_text() + "\n\n"
    # Whole units only: a run of sentences cut mid-sentence would end in a "headline" that is skipped.
    return unit * max(1, round(size / len(unit))) + tail


def _store_block(size: int) -> Callable[[], object]:
    """Rebuilding one merge block of size/100 reports: one pair of people, a meeting every third day."""
    from alliancekit.model import Actor, Document, Event, Evidence, Participant, TimeSpan
    from alliancekit.store import AddSummary, EventStore

    store = EventStore(":memory:")
    people = [Participant(Actor("Marco Rubio")), Participant(Actor("Taro Kono"))]
    with store._transaction():
        for index in range(max(1, size // 100)):
            text = f"Rubio met Kono, report {index}."
            document = Document(f"d{index}", text, dt.date(2000, 1, 1))
            day = dt.date(2000, 1, 1) + dt.timedelta(days=3 * index)
            event = Event(
                "meeting" if index % 3 else "visit",
                "planned" if index % 2 else "occurred",
                people,
                time=TimeSpan.day(day) if index % 5 else None,
                evidence=[Evidence(0, len(text), text)],
                document_id=document.id,
                extractor="rules",
            )
            store._add_document(document, [event], AddSummary())
    blocks = [block for (block,) in store._db.execute("SELECT DISTINCT block FROM events")]

    def rebuild() -> object:
        with store._transaction():
            for block in blocks:
                store._rebuild_block(block)
        return blocks

    return rebuild


def _compressed_read(case: str, size: int) -> Callable[[], object]:
    """Reading a .gz that expands a thousandfold: an article, or one huge JSON line and a good one."""
    from alliancekit.io.readers import read_documents

    folder = Path(tempfile.mkdtemp(prefix="alliancekit-adversarial-"))
    chunk = b"x" * 100_000
    if case == "gzip-bomb":
        path = folder / "bomb.txt.gz"
        with gzip.open(path, "wb", compresslevel=9) as handle:
            for _ in range(max(1, size // 100)):
                handle.write(chunk)
    else:
        path = folder / "huge.jsonl.gz"
        with gzip.open(path, "wb", compresslevel=9) as handle:
            handle.write(b'{"id": "huge", "text": "')
            for _ in range(max(1, size // 100)):
                handle.write(chunk)
            handle.write(b'"}\n{"id": "good", "text": "Abe met Lee."}\n')

    def read() -> object:
        return list(read_documents([path]))

    return read


def _resident_bytes() -> int:
    """The resident memory of this process now, in bytes (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _peak_bytes() -> int:
    """The peak resident memory of this process, in bytes (``ru_maxrss`` is in KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def measure(case: str, size: int) -> tuple[float, int]:
    """Seconds for the one operation ``case`` exercises on ``size`` characters, and the memory it added."""
    sys.path.insert(0, str(ROOT / "src"))  # a benchmark script run from a checkout
    operation: Callable[[], object]
    if case == "store-merge-block":
        operation = _store_block(size)
    elif case in OTHER_CASES:
        operation = _compressed_read(case, size)
    elif case in HTML_CASES:
        text = build(case, size)
        from alliancekit.io.markup import html_to_text

        def operation() -> object:
            return html_to_text(text)
    else:
        text = build(case, size)
        from alliancekit.model import Document
        from alliancekit.pipeline import prepare_document
        from alliancekit.plugins import Plugins

        plugins = Plugins.create(load_entrypoints=False)
        extractor = plugins.extractor("rules")
        context = plugins.context()
        document = prepare_document(Document("bench", text, dt.date(2026, 1, 13)))
        extractor.extract(Document("warm-up", "Abe met Lee in Tokyo on Monday."), context)

        def operation() -> object:
            return extractor.extract(document, context)

    resident = _resident_bytes()
    started = time.perf_counter()
    operation()
    seconds = time.perf_counter() - started
    return seconds, max(0, _peak_bytes() - resident)


def _timed(case: str, size: int, budget: float) -> tuple[float | None, int | None]:
    """Seconds taken in a fresh process (``None`` when it overran the budget), and the memory added."""
    command = [sys.executable, __file__, "--measure", case, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget + 10, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    seconds_text, memory_text = done.stdout.strip().splitlines()[-1].split()
    seconds = float(seconds_text)
    return (seconds if seconds <= budget else None), int(memory_text)


OVERRAN = math.inf
"""A measurement stopped at the budget."""


def _exponent(earlier: float, later: float, step: float) -> float:
    return math.log(max(later, 1e-9) / max(earlier, 1e-9)) / math.log(step)


def _verdict(exponent: float, bound: bool) -> str:
    shown = f"exponent {'>= ' if bound else ''}{exponent:.2f}"
    if exponent < 0.3 and not bound:
        return f"bounded ({shown})"
    if exponent < 1.25:
        return f"linear ({shown})" if not bound else f"unclear ({shown})"
    return f"SUPERLINEAR ({shown})"


def measure_case(case: str, sizes: list[int], budget: float) -> dict[str, object]:
    """Time one case at each size (and at twice the smallest, a probe); the growth and its verdict.

    A size is not run when the smaller one projects past the budget (with
    the growth seen so far); a run that overruns is stopped and recorded as
    :data:`OVERRAN`.
    """
    probe_size = sizes[0] * 2
    points: list[tuple[int, float]] = []  # (size, seconds) measured, in size order
    times: dict[int, float | None] = {}
    memory: dict[int, int] = {}  # size -> bytes the operation added, where it finished
    for size in sorted({*sizes, probe_size}):
        if points and points[-1][1] is OVERRAN:
            times[size] = None
            continue
        if points:
            last_size, last_time = points[-1]
            growth = size / last_size
            if len(points) >= 2 and points[-2][1] > 0.005:
                seen = _exponent(points[-2][1], last_time, last_size / points[-2][0])
                growth = max(growth, growth ** max(seen, 1.0))
            if last_time * growth > budget:  # it would overrun: do not wait for it
                times[size] = None
                continue
        seconds, added = _timed(case, size, budget)
        measured = OVERRAN if seconds is None else seconds
        points.append((size, measured))
        times[size] = measured
        if seconds is not None and added is not None:
            memory[size] = added
    exponent, bound, between = _growth(points, budget)
    ratio = None if exponent is None else 10**exponent
    verdict = "linear (too fast to tell)" if exponent is None else _verdict(exponent, bound)
    return {
        "case": case,
        "seconds": {str(size): times[size] for size in sizes},
        "probe": {str(probe_size): times[probe_size]},
        "ratio_per_10x": ratio,
        "measured_between": between,
        "verdict": verdict,
        "memory_bytes": {str(size): memory.get(size) for size in sizes},
        **_memory_growth(memory),
    }


def _memory_growth(memory: dict[int, int]) -> dict[str, object]:
    """The growth exponent of the memory added, over the last step above the noise floor.

    The last step, where the asymptote shows: a bounded case grows until it
    reaches its limit, then stays flat.
    """
    measured = sorted((size, added) for size, added in memory.items() if added >= _MEMORY_FLOOR)
    largest = max(memory, default=None)
    per_byte = None if largest is None or not memory[largest] else memory[largest] / largest
    if len(measured) < 2:
        below = "too little to tell (under 1 MB added)" if memory else "not measured"
        return {"memory_exponent": None, "memory_per_byte": per_byte, "memory_verdict": below}
    (first, first_bytes), (last, last_bytes) = measured[-2], measured[-1]
    exponent = _exponent(first_bytes, last_bytes, last / first)
    if exponent < 0.3:
        verdict = f"bounded (exponent {exponent:.2f})"
    elif exponent < 1.25:
        verdict = f"linear (exponent {exponent:.2f})"
    else:
        verdict = f"SUPERLINEAR (exponent {exponent:.2f})"
    return {"memory_exponent": exponent, "memory_per_byte": per_byte, "memory_verdict": verdict}


def _growth(points: list[tuple[int, float]], budget: float) -> tuple[float | None, bool, str]:
    """The growth exponent over the widest measured step (a lower bound when it overran)."""
    finished = [(size, seconds) for size, seconds in points if seconds is not OVERRAN and seconds > 0.005]
    overran = [size for size, seconds in points if seconds is OVERRAN]
    if overran and finished:
        (size, seconds), stopped = finished[-1], overran[0]
        step = stopped / size
        return _exponent(seconds, budget, step), True, f"{_label(size)}-{_label(stopped)}"
    if len(finished) >= 2:
        (first, first_time), (last, last_time) = finished[-2], finished[-1]
        return _exponent(first_time, last_time, last / first), False, f"{_label(first)}-{_label(last)}"
    return None, False, ""


def run_all(cases: list[str], sizes: list[int], budget: float) -> list[dict[str, object]]:
    """Measure every case, printing a table row as each finishes."""
    width = max(len(case) for case in cases)
    header = f"{'case':<{width}}  " + "  ".join(f"{_label(size):>10}" for size in sizes)
    print(header + "  x10 size  verdict (measured between)", flush=True)
    rows = []
    for case in cases:
        row = measure_case(case, sizes, budget)
        seconds: dict[str, float | None] = row["seconds"]  # type: ignore[assignment]
        cells = "  ".join(f"{_seconds(value):>10}" for value in seconds.values())
        ratio = row["ratio_per_10x"]
        ratio_text = f"{ratio:>8.1f}" if isinstance(ratio, float) else f"{'-':>8}"
        between = f" ({row['measured_between']})" if row["measured_between"] else ""
        print(f"{case:<{width}}  {cells}  {ratio_text}  {row['verdict']}{between}", flush=True)
        print(f"{'':<{width}}  memory: {_memory(row)}", flush=True)
        rows.append(row)
    return rows


def _memory(row: dict[str, object]) -> str:
    """The memory cells of a row: MB added at each size, the verdict, and bytes per byte at the largest."""
    sizes: dict[str, int | None] = row["memory_bytes"]  # type: ignore[assignment]
    cells = ", ".join(
        f"{_label(int(size))}: {'-' if added is None else f'{added / 1e6:.1f} MB'}"
        for size, added in sizes.items()
    )
    per_byte = row["memory_per_byte"]
    linear = str(row["memory_verdict"]).startswith("linear")
    ratio = (
        f", {per_byte:.1f} bytes per byte at the largest" if isinstance(per_byte, float) and linear else ""
    )
    return f"{cells}; {row['memory_verdict']}{ratio}"


def _label(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    return f"{size / 1000:g} KB"


def _seconds(value: float | None) -> str:
    if value is None:
        return "not run"
    if value is OVERRAN:
        return "overran"
    return f"{value:.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated sizes in characters")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds one measurement may take")
    parser.add_argument("--only", default=None, help="comma-separated case names")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--measure", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        case, size = arguments.measure
        seconds, added = measure(case, int(size))
        print(f"{seconds:.6f} {added}")
        return
    cases = arguments.only.split(",") if arguments.only else CASES
    unknown = sorted(set(cases) - set(CASES))
    if unknown:
        parser.error(f"unknown cases {unknown}; known: {', '.join(CASES)}")
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    rows = run_all(cases, sizes, arguments.budget)
    if arguments.json is not None:
        text = json.dumps(rows, indent=2).replace("Infinity", '"overran"')
        arguments.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
