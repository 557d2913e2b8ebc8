"""Synthetic historical support-chat exports of "Wanderly Travel": the test data for curation.

``generate_logs(out_dir, conversations=1000, seed=7)`` writes what a helpdesk export looks like,
plus a ground-truth file to measure every curation stage against::

    out_dir/chat_export_part-0001.jsonl   one JSON object per message row (most conversations)
    out_dir/chat_export_part-0002.csv     the same columns as CSV (``csv_fraction`` of them)
    out_dir/truth/truth.json              ground truth (kept in a subfolder so a directory ingest
                                          of out_dir does not pick it up)

Row columns: conv_id, seq, sender (customer|agent|bot|system), agent_id (on agent rows, else null),
text, sent_at (``2024-03-05T10:22:31Z``), channel (web|app|whatsapp|email), lang, csat (1-5 or
null; a conversation attribute repeated on every row). JSONL rows are sorted by sent_at, so
conversations interleave; CSV rows are grouped by conversation, RFC 4180 quoting (doubled quotes,
newlines inside quoted fields; Spark needs ``multiLine`` and ``escape='"'``), nulls as empty fields.

What is planted (rates are of conversations unless said otherwise; quotas, not coin flips, so
small runs still contain every kind):

* Topics, skewed (exact shares of the originals): booking_change 30%, refund 20%, baggage 15%,
  visa 10%, destination_info 10%, insurance 5%, loyalty 4%, complaint 4%, payment_issue 1%,
  accessibility 0.6%, pet_travel 0.4%.
* Languages: en 70%, es 12%, fr 9%, de 9% (renormalised over ``languages``); 2% of non-English
  conversations are tagged "en" (mislabelled); 1% are customers writing it/pt/nl/pl, tagged "en".
* Channels web 45%, app 25%, whatsapp 18% (lower case, emoji), email 12% (salutations,
  signatures with name/phone, quoted replies).
* 11 agents (generate_data.AGENTS): 4 house style (greet by name, empathy, numbered steps,
  "— Wanderly Travel Support"), 2 ok, 2 terse, 1 rude, 1 canned ("We apologize for the
  inconvenience."), 1 broken (~35% of replies are "[ERROR] template not found", "undefined", ...).
  CSAT follows the agent's style (house mostly 4-5, poor 1-3), missing for ~30%.
* 2-14 messages; bot greeting ~35% of web/app chats, system rows in ~40%; 4% of conversations get
  no agent reply at all, 10% end with an unanswered customer question (~38% end on a customer
  row overall, e.g. a closing "thanks" nobody answers); 3% are handed over to a
  second (house style) agent.
* PII in natural sentences, recorded with exact offsets: PERSON (customer names from 16 Faker
  locales + tricky names, titles, typed in lower case; agents' own names in sign-offs), EMAIL,
  PHONE (national/international formats of 16 countries), CREDIT_CARD (Luhn-valid Visa/MC/Amex,
  grouped or not), IBAN (mod-97-valid, 10 countries, grouped or compact), SSN (US customers),
  IP_ADDRESS (v4, ~20% v6; also inside pasted logs), STREET_ADDRESS, PASSPORT, BOOKING_REF
  ("WT-8K3J9Q" and airline PNRs "X7QF2M"), DATE_OF_BIRTH (many formats, next to travel dates).
* Non-PII that must survive, also with offsets: cities (some are first names: Charlotte,
  Florence, Sydney...), countries, airlines ("Delta", "Swiss"), hotels ("Hilton Garden Inn
  Munich"), and flight numbers, prices, travel dates, times, gates, terminals, seats.
* Duplicates: 2% exact copies (same texts, new conv_id and time), 1% copies where only the
  customer's name and email differ (exact after scrubbing), 5% near copies (a word swapped,
  punctuation, a sentence added, a typo), 0.5% re-exported in both files under the same conv_id.
* Garbage messages (of customer messages): ~0.6% empty, 0.4% whitespace, 0.5% keyboard mash,
  1% emoji-only, 0.6% attachment placeholders, 0.2% null text (attachment-only rows, not
  malformed), 1% mojibake (3% in es/fr/de); every kind at least once from 50 conversations on;
  0.3% of conversations (at least one) hold a pasted log of >20k characters. Web chats may open
  with a system row carrying the visitor's IP address.
* Malformed rows (~1% of rows) for the ingestion quarantine, recorded with file and line:
  JSONL truncated_json, missing_sender, unknown_sender, seq_not_int, text_wrong_type,
  missing_conv_id, invalid_utf8; CSV unknown_sender, missing_sender, seq_not_int,
  missing_conv_id, wrong_column_count, invalid_utf8, repeated_header. A malformed row replaces
  the real row (its PII is then left out of the truth); duplicated conversations are never hit.
* Timestamps over 18 months (2023-07-01 .. 2024-12-31), business-hour heavy, strictly
  increasing inside a conversation.

truth.json (one list item per line) holds:

* ``pii``: ``{conv_id, seq, type, value, start, end, who}``; ``text[start:end] == value`` on the
  exported row (Python str offsets). ``who`` is "customer" or "agent" (an agent's own name).
  Titles are outside the span ("Dr. " + PERSON "Anna Schmidt"), so is "the " before a country.
* ``places``: ``{conv_id, seq, value, kind, start, end}``, kind city|country|airline|hotel;
  ``non_pii``: same shape, kind flight|price|date|time|gate|terminal|seat|last4.
* ``exact_duplicates``: groups of conv_ids whose (sender, text) sequences are identical;
  ``scrub_duplicates``: groups identical once every PII span is replaced by ``<TYPE>`` (a superset);
  ``near_duplicates``: planted ``[original, copy...]``; ``reexported``: conv_ids in both files.
  All computed over well-formed rows only.
* ``malformed``: ``{file, line, kind, conv_id, seq}``; line is 1-based and physical (for CSV the
  line a record starts on, the header being line 1).
* ``conversations``: ``{conv_id, topic, agent_id (first agent), agent_ids, house_style, csat,
  language (the column), true_language, channel, files, messages, ends_with, kind, duplicate_of}``.
* ``garbage``: ``{conv_id, seq, kind}``; ``agents``: id -> name, style, house_style, languages.

Deterministic: the same arguments give byte-identical files (one ``random.Random(seed)``, Faker
seeded per locale; no global RNG, no clock).

This module owns the run (``generate_logs``, the CLI ``main``); the parts are: :mod:`.pools` (the data
files under ``synthetic/data/``), :mod:`.rates`, :mod:`.values` and :mod:`.personas` (PII values),
:mod:`.segments` (labelled text pieces), :mod:`.builder` (one conversation), :mod:`.edits` (typos,
garbage, near-duplicate edits), :mod:`.planning` (who/what/when, the copies), :mod:`.export` (the
files, malformed rows) and :mod:`.truth` (truth.json).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Sequence

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.builder import build
from tunehouse.synthetic.export import (
    CSV_MALFORMED,
    CSV_NAME,
    JSONL_MALFORMED,
    JSONL_NAME,
    pick_malformed,
    rows_of,
    write_csv,
    write_jsonl,
)
from tunehouse.synthetic.personas import PersonaPools
from tunehouse.synthetic.planning import plan, plant_copies, quota
from tunehouse.synthetic.rates import (
    EXACT_DUP_RATE,
    NEAR_DUP_RATE,
    REEXPORT_RATE,
    SCRUB_DUP_RATE,
    START,
)
from tunehouse.synthetic.records import Conv
from tunehouse.synthetic.truth import build_truth, dump_truth
from tunehouse.synthetic.values import iban_ok, luhn_ok

__all__ = ["CSV_NAME", "JSONL_NAME", "GenerateResult", "generate_logs", "iban_ok", "luhn_ok"]


@dataclass
class GenerateResult:
    files: list[Path]          # raw export files written (jsonl, csv)
    truth_file: Path           # ground truth json
    conversations: int         # conversations generated (incl. planted dup copies)
    messages: int              # message rows written (incl. malformed ones)
    stats: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {"files": [str(p) for p in self.files], "truth_file": str(self.truth_file),
                "conversations": self.conversations, "messages": self.messages, **self.stats}


def _check_arguments(conversations: int, csv_fraction: float, languages: tuple[str, ...]) -> None:
    unknown = sorted(set(languages) - set(D.TEXTS))
    if unknown or not languages:
        raise ValueError(f"languages must be a non-empty subset of {sorted(D.TEXTS)}, got {list(languages)}")
    if conversations < 1:
        raise ValueError("conversations must be >= 1")
    if not 0.0 <= csv_fraction <= 1.0:
        raise ValueError("csv_fraction must be between 0 and 1")


def _conversations(rng: random.Random, seed: int, n: int, languages: tuple[str, ...], progress: bool) -> list[Conv]:
    """The originals, then the planted copies (n in all)."""
    from tqdm import tqdm

    pools = PersonaPools(seed)
    n_exact, n_scrub, n_near = (round(n * r) for r in (EXACT_DUP_RATE, SCRUB_DUP_RATE, NEAR_DUP_RATE))
    n_orig = max(1, n - n_exact - n_scrub - n_near)
    n_exact = n - n_orig - n_scrub - n_near
    with tqdm(total=n, disable=not progress, desc="conversations", unit="conv") as bar:
        convs = []
        for spec in plan(rng, pools, n_orig, languages):
            convs.append(build(spec))
            bar.update(1)
        plant_copies(rng, pools, convs, n_exact, n_scrub, n_near, lambda: bar.update(1))
    return convs


def _assign_files_and_ids(rng: random.Random, convs: list[Conv], csv_fraction: float) -> set[int]:
    """Which file each conversation goes to (a few in both: re-exports), and conversation ids that
    follow time, with gaps as in a real ticketing system. Returns the indexes of conversations that
    are copies or copied (nothing else is planted on them)."""
    n = len(convs)
    in_csv = quota(rng, list(range(n)), round(csv_fraction * n))
    for i, c in enumerate(convs):
        c.files = [CSV_NAME if i in in_csv else JSONL_NAME]
    duplicated = {c.source for c in convs if c.source is not None} | {i for i, c in enumerate(convs) if c.kind != "original"}
    if 0 < len(in_csv) < n:
        cands = [i for i in range(n) if i not in duplicated]
        for i in quota(rng, cands, max(1 if n >= 100 else 0, round(n * REEXPORT_RATE))):
            convs[i].files = [JSONL_NAME, CSV_NAME]
    counter = rng.randint(1000, 4000)
    for i in sorted(range(n), key=lambda i: (convs[i].start, i)):
        counter += rng.choice((1, 1, 1, 2, 3))
        convs[i].conv_id = f"WT-{(START + timedelta(seconds=convs[i].start)).year}-{counter:06d}"
    return duplicated


def _write_exports(rng: random.Random, out: Path, convs: list[Conv], duplicated: set[int],
                   malformed: list[dict]) -> tuple[list[Path], int, dict[str, int]]:
    """Both export files, malformed rows recorded into `malformed`; returns (files, messages, rows per file)."""
    jsonl_rows = sorted((r for c in convs if JSONL_NAME in c.files for r in rows_of(c)),
                        key=lambda r: (r["sent_at"], r["conv_id"], r["seq"]))
    csv_rows = [r for c in sorted(convs, key=lambda c: c.conv_id) if CSV_NAME in c.files for r in rows_of(c)]
    # Malformed rows go to conversations that carry nothing else planted (dups, re-exports, quotas).
    eligible = {c.conv_id for i, c in enumerate(convs) if i not in duplicated and len(c.files) == 1
                and not c.spec.long_message and not c.spec.force_garbage}
    files, messages = [], 0
    if jsonl_rows:
        bad = pick_malformed(rng, jsonl_rows, eligible, JSONL_MALFORMED)
        messages += write_jsonl(rng, out / JSONL_NAME, jsonl_rows, bad, malformed)
        files.append(out / JSONL_NAME)
    if csv_rows:
        bad = pick_malformed(rng, csv_rows, eligible, CSV_MALFORMED)
        messages += write_csv(rng, out / CSV_NAME, csv_rows, bad, malformed)
        files.append(out / CSV_NAME)
    rows = {p.name: (len(jsonl_rows) if p.name == JSONL_NAME else len(csv_rows)) for p in files}
    return files, messages, rows


def _stats(truth: dict, convs: list[Conv], rows: dict[str, int]) -> dict:
    return {
        "rows": rows,
        "pii": dict(sorted(Counter(x["type"] for x in truth["pii"]).items())),
        "places": len(truth["places"]), "non_pii": len(truth["non_pii"]),
        "exact_duplicate_groups": len(truth["exact_duplicates"]), "scrub_duplicate_groups": len(truth["scrub_duplicates"]),
        "near_duplicate_groups": len(truth["near_duplicates"]), "reexported": len(truth["reexported"]),
        "malformed": dict(sorted(Counter(x["kind"] for x in truth["malformed"]).items())),
        "garbage": dict(sorted(Counter(x["kind"] for x in truth["garbage"]).items())),
        "topics": dict(Counter(c.spec.topic for c in convs).most_common()),
        "languages": dict(Counter(c.spec.tag for c in convs).most_common()),
    }


def generate_logs(out_dir: str | Path, conversations: int = 1000, seed: int = 7, csv_fraction: float = 0.2,
                  languages: Sequence[str] = ("en", "es", "fr", "de"), progress: bool = False) -> GenerateResult:
    """Write synthetic Wanderly Travel chat exports and their ground truth to `out_dir`."""
    languages = tuple(languages)
    _check_arguments(conversations, csv_fraction, languages)
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for stale in (out / JSONL_NAME, out / CSV_NAME):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    convs = _conversations(rng, seed, conversations, languages, progress)
    duplicated = _assign_files_and_ids(rng, convs, csv_fraction)
    malformed: list[dict] = []
    files, messages, rows = _write_exports(rng, out, convs, duplicated, malformed)

    args = {"conversations": conversations, "seed": seed, "csv_fraction": csv_fraction, "languages": list(languages)}
    truth = build_truth(convs, malformed, args, [p.name for p in files])
    truth_file = out / "truth" / "truth.json"
    truth_file.write_text(dump_truth(truth), encoding="utf-8")
    return GenerateResult(files=files, truth_file=truth_file, conversations=len(convs), messages=messages,
                          stats=_stats(truth, convs, rows))
