"""Benchmark the PII scrubber against Microsoft Presidio, side by side on the same messages.

    .venv/bin/python benchmarks/bench_scrubber.py            # ~1,000 messages, both scrubbers
    .venv/bin/python benchmarks/bench_scrubber.py --n 5000   # more messages
    .venv/bin/python benchmarks/bench_scrubber.py --no-presidio

Throughput: messages per second to scrub (detect + replace) the hand-labelled chat utterances of
``tests/pii_cases.py`` repeated to ``--n`` messages, one core, after a warm-up. Wall-clock and CPU
(process time) figures are both printed: on a shared machine the CPU figure is the steadier one.

Quality: recall (share of labelled PII values removed), recall by type, place-name survival,
hard negatives kept (flight numbers, prices, dates of travel, ...) and false-positive spans, from
``tunehouse.pii.scrubber.evaluate`` on the same labelled set; "residual": labelled texts in which the
engine's own detector still finds something after scrubbing (the curation pipeline's residual-PII
gate; 0 when scrubbing is idempotent).

Presidio (``pip install presidio-analyzer==2.2.366 presidio-anonymizer==2.2.366``, the ``bench``
extra) runs with its ``no_op`` NLP engine: the regex/checksum recognizers only, since a spaCy model
cannot be downloaded here. It is skipped with a message when not installed.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "lib"))

from fixtures.pii_cases import CASES, PLACE_KEEP  # noqa: E402
from tunehouse.pii.scrubber import Scrubber, evaluate  # noqa: E402
from tunehouse.pii.settings import PiiSettings  # noqa: E402

# Presidio entity names -> ours, for the "typed" figures
PRESIDIO_TYPES = {
    "PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN", "US_SSN": "SSN", "IP_ADDRESS": "IP_ADDRESS", "URL": "URL", "US_PASSPORT": "PASSPORT",
    "UK_PASSPORT": "PASSPORT", "DATE_TIME": "DATE_OF_BIRTH", "LOCATION": "STREET_ADDRESS",
    "US_DRIVER_LICENSE": "ID_NUMBER", "ES_NIF": "ID_NUMBER", "ES_NIE": "ID_NUMBER", "UK_NINO": "ID_NUMBER",
    "UK_NHS": "ID_NUMBER", "US_ITIN": "ID_NUMBER", "US_BANK_NUMBER": "ID_NUMBER", "IT_FISCAL_CODE": "ID_NUMBER",
}


def _messages(n: int) -> list[str]:
    texts = [c["text"] for c in CASES]
    return (texts * (n // len(texts) + 1))[:n]


def _throughput(fn, messages: list[str], warmup: int = 50) -> tuple[float, float]:
    for m in messages[:warmup]:
        fn(m)
    gc.collect()
    gc.disable()
    try:
        w0, c0 = time.perf_counter(), time.process_time()
        for m in messages:
            fn(m)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    finally:
        gc.enable()
    return len(messages) / wall, len(messages) / max(cpu, 1e-9)


def _presidio():
    """(analyze_fn, scrub_fn) for Presidio with the no-op NLP engine, or None when not installed."""
    try:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine
    except ImportError as exc:
        print(f"Presidio not installed ({exc.name}); skipping the comparison. "
              "Install the 'bench' extra: pip install -e .[bench]")
        return None
    for name in ("presidio-analyzer", "tldextract", "filelock", "urllib3"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "no_op",
        "models": [{"lang_code": "en", "model_name": "none"}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def analyze(text: str):
        return [(r.start, r.end, PRESIDIO_TYPES.get(r.entity_type, r.entity_type))
                for r in analyzer.analyze(text=text, language="en")]

    def scrub(text: str) -> str:
        results = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=results).text

    return analyze, scrub


def _residual(scrub, detect) -> int:
    """Labelled texts with detections left after scrubbing."""
    return sum(1 for c in CASES if detect(scrub(c["text"])))


def _row(name: str, rate: tuple[float, float] | None, rep: dict, residual: int | None = None) -> list[str]:
    return [name,
            f"{rate[0]:,.0f}" if rate else "-",
            f"{rate[1]:,.0f}" if rate else "-",
            f"{rep['recall']:.1%}",
            f"{rep['recall_by_type'].get('PERSON', 0):.1%}",
            f"{rep['place_survival']:.1%}",
            f"{rep['negatives_kept']:.1%}",
            str(rep["false_positives"]),
            "-" if residual is None else str(residual)]


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    fmt = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="messages to scrub per engine (default 1000)")
    ap.add_argument("--no-presidio", action="store_true", help="benchmark only tunehouse")
    args = ap.parse_args(argv)

    messages = _messages(args.n)
    t0 = time.perf_counter()
    ours = Scrubber(PiiSettings())
    ours.detect("warm up the tables")
    print(f"tunehouse scrubber built in {time.perf_counter() - t0:.2f} s "
          f"({len(CASES)} labelled cases, {sum(len(c['pii']) for c in CASES)} PII values)")
    headers = ["engine", "msg/s wall", "msg/s cpu", "recall", "PERSON", "places kept", "negatives kept", "FP spans",
               "residual"]
    our_rate = _throughput(lambda m: ours.scrub_text(m), messages)
    our_rep = evaluate(CASES, ours.detect, PLACE_KEEP)
    rows = [_row("tunehouse", our_rate, our_rep, _residual(lambda t: ours.scrub_text(t)[0], ours.detect))]
    reports = {"tunehouse": our_rep}

    presidio = None if args.no_presidio else _presidio()
    if presidio:
        analyze, scrub = presidio
        p_rate = _throughput(scrub, messages)
        p_rep = evaluate(CASES, analyze, PLACE_KEEP)
        rows.append(_row("presidio (regex, no_op NLP)", p_rate, p_rep, _residual(scrub, analyze)))
        reports["presidio"] = p_rep

    print(f"\n{len(messages)} messages, one process\n")
    print(_table(headers, rows))

    types = sorted(our_rep["recall_by_type"])
    print("\nrecall by type (support)\n")
    print(_table(["type", "n"] + list(reports),
                 [[t, str(our_rep["support_by_type"][t])] + [f"{r['recall_by_type'].get(t, 0):.0%}" for r in reports.values()]
                  for t in types]))
    for name, rep in reports.items():
        if rep["missed"]:
            print(f"\n{name}: missed {len(rep['missed'])} value(s), e.g.")
            for typ, value, _text in rep["missed"][:8]:
                print(f"  {typ:15s} {value!r}")
        if rep["broken_places"] or rep["broken_negatives"]:
            lost = rep["broken_places"] + rep["broken_negatives"]
            print(f"{name}: scrubbed {len(lost)} kept string(s), e.g. " + ", ".join(repr(k) for k, _ in lost[:10]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
