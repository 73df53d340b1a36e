"""Adversarial-input benchmark: does extraction time grow linearly with document size?

Builds hostile documents (long runs of capitals, dots, quotes, titles,
abbreviations, trigger words; unclosed HTML constructs; realistic news for
comparison) at several sizes, times each in a fresh subprocess under a time
budget, and reports how time grows: the ratio for a tenfold size step (about
10 means linear, about 100 quadratic) and the exponent it implies, measured
over the widest step that finished. A probe at twice the smallest size
gives the growth early, so that a size projected to overrun the budget is
not run at all; one that overruns anyway is stopped, and the exponent is
then a lower bound.

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
import json
import math
import subprocess
import sys
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
HTML_CASES: dict[str, str] = {
    "html-unclosed-tags": "<a ",
    "html-unclosed-attributes": "<a b=c ",
    "html-unclosed-comments": "<!--",
    "html-end-tag-openers": "</",
    "html-processing-instructions": "<?",
    "html-paragraphs": "<p>Abe met <b>Lee</b> in Tokyo.</p>\n",
}
CASES = [*RULES_CASES, *HTML_CASES]


def _seed_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))


def build(case: str, size: int) -> str:
    """The adversarial text of ``case``, about ``size`` characters long (plus its closing text)."""
    if case in HTML_CASES:
        unit, tail = HTML_CASES[case], ""
    else:
        unit, tail = RULES_CASES[case]
    if case == "news":
        unit = _seed_text() + "\n\n"
    # Whole units only: a run of sentences cut mid-sentence would end in a "headline" that is skipped.
    return unit * max(1, round(size / len(unit))) + tail


def measure(case: str, size: int) -> float:
    """Seconds for the one operation ``case`` exercises, on a document of ``size`` characters."""
    sys.path.insert(0, str(ROOT / "src"))  # a benchmark script run from a checkout
    text = build(case, size)
    operation: Callable[[], object]
    if case in HTML_CASES:
        from alliancekit.io.markup import html_to_text

        def operation() -> object:
            return html_to_text(text)
    else:
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

    started = time.perf_counter()
    operation()
    return time.perf_counter() - started


def _timed(case: str, size: int, budget: float) -> float | None:
    """Seconds taken in a fresh process, or ``None`` when it overran the budget."""
    command = [sys.executable, __file__, "--measure", case, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget + 10, check=True)
    except subprocess.TimeoutExpired:
        return None
    seconds = float(done.stdout.strip().splitlines()[-1])
    return seconds if seconds <= budget else None


OVERRAN = math.inf
"""A measurement stopped at the budget."""


def _exponent(earlier: float, later: float, step: float) -> float:
    return math.log(max(later, 1e-9) / max(earlier, 1e-9)) / math.log(step)


def _verdict(exponent: float, bound: bool) -> str:
    shown = f"exponent {'>= ' if bound else ''}{exponent:.2f}"
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
        seconds = _timed(case, size, budget)
        measured = OVERRAN if seconds is None else seconds
        points.append((size, measured))
        times[size] = measured
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
    }


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
        rows.append(row)
    return rows


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
        print(f"{measure(case, int(size)):.6f}")
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
