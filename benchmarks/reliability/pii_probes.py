"""PII safety-net probes (issue 13, part 5): PII planted where a stage could miss it, through the real pipeline.

Hand-written values (no generator, no evaluation-set value) are planted in places each stage could overlook: a
system message, a URL path and an e-mail local part, split across a line break, in another script (Cyrillic,
Greek, CJK, Arabic names; Arabic-Indic and full-width digits), a first name that is also a city, a tool call's
arguments, a tool message, a JSON blob in a message, and the conversation's metadata columns (its id, the agent).
The raw records go through ``ingest`` -> ``curate``; then every string of every table past bronze (silver.*,
gold.*) and of the chat JSONL export is searched for the planted values. A value found there is a leak, counted by
PII type and by position class. Bronze (raw by design, readable only by the pipeline) is not searched.

The same run also logs a training job's inputs to MLflow (the driver's params, tags, lineage and mask-audit
artifacts, :func:`log_training_inputs`) and searches the MLflow store and the captured log output for raw values:
a planted value there that the export does not hold is raw bronze content where it must never be.

``run`` returns ``pii_planted``/``pii_leaked`` (leaks past bronze), per-type and per-position counts
(``leaked.type.EMAIL``, ``leaked.position.system_message``...) and ``mlflow_raw_values``.
"""

from __future__ import annotations

import io
import json
import logging
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

# --------------------------------------------------------------------------- what is planted


@dataclass(frozen=True)
class Plant:
    """One planted value: its PII type, where it sits, and the strings whose presence downstream is a leak
    (the value, or for a value split or embedded in a larger token the distinctive part that must go)."""

    key: str
    pii_type: str
    position: str
    needles: tuple[str, ...]


P = Plant  # short rows below
PLANTS: tuple[Plant, ...] = (
    # baseline: plain user text (the scrubber's home ground)
    P("base_email", "EMAIL", "user_text", ("lena.whitford@mailbox.example",)),
    P("base_phone", "PHONE", "user_text", ("+1 415 555 0143",)),
    # a system message the data brings (the instructions of the tool that logged the chat)
    P("sys_person", "PERSON", "system_message", ("Margaret Okonkwo", "Okonkwo")),
    P("sys_email", "EMAIL", "system_message", ("m.okonkwo@corpmail.example",)),
    P("sys_phone", "PHONE", "system_message", ("+1 312 555 0187",)),
    # inside a URL path and an e-mail local part
    P("url_user", "PERSON", "url", ("jane.doe-1984",)),
    P("url_query_email", "EMAIL", "url", ("rupert.vance@webmail.example",)),
    P("email_plus_tag", "EMAIL", "email_local_part", ("jane.doe+travel@inbox.example", "jane.doe+travel")),
    # split across a line break
    P("split_name", "PERSON", "line_break", ("Harriet\nBlackwood", "Blackwood")),
    P("split_phone", "PHONE", "line_break", ("+44 20 7946\n0958", "7946\n0958")),
    P("split_card", "CREDIT_CARD", "line_break", ("4539 1488 0343\n6467", "4539 1488 0343")),
    # another script
    P("cyrillic_name", "PERSON", "other_script", ("Анна Кузнецова", "Кузнецова")),
    P("greek_name", "PERSON", "other_script", ("Νικόλαος Παπαδόπουλος", "Παπαδόπουλος")),
    P("cjk_name", "PERSON", "other_script", ("王秀英",)),
    P("arabic_name", "PERSON", "other_script", ("فاطمة الزهراوي", "الزهراوي")),
    P("arabic_digits_phone", "PHONE", "other_script", ("+٤٤ ٢٠ ٧٩٤٦ ٠٨٧١",)),
    P("fullwidth_phone", "PHONE", "other_script", ("０７７００ ９００１２３",)),
    # a first name that is also a city
    P("city_florence", "PERSON", "name_is_city", ("Florence Whitaker", "Whitaker")),
    P("city_austin", "PERSON", "name_is_city", ("Austin Delgado", "Delgado")),
    P("city_paris", "PERSON", "name_is_city", ("Paris Hilton", "Hilton")),
    P("city_sydney", "PERSON", "name_is_city", ("Sydney Marchetti", "Marchetti")),
    # a tool call's arguments, a tool message, a JSON blob in a message
    P("toolcall_name", "PERSON", "tool_call_arguments", ("Oskar Lindqvist", "Lindqvist")),
    P("toolcall_email", "EMAIL", "tool_call_arguments", ("oskar.lindqvist@fastmail.example",)),
    P("tool_msg_phone", "PHONE", "tool_message", ("+46 70 123 45 67",)),
    P("tool_msg_name", "PERSON", "tool_message", ("Ebba Sjöström", "Sjöström")),
    P("json_name", "PERSON", "json_in_message", ("Ingrid Solberg", "Solberg")),
    P("json_email", "EMAIL", "json_in_message", ("ingrid.solberg@post.example",)),
    P("json_phone", "PHONE", "json_in_message", ("+47 912 34 567",)),
    # conversation metadata columns carried into silver/gold
    P("meta_conversation_id", "EMAIL", "metadata", ("priya.raman@helpdesk.example",)),
    P("meta_agent_id", "PERSON", "metadata", ("Tobias Ferreira",)),
)

FILLER = ("Could you also confirm the baggage allowance and whether seat selection is included in the fare? "
          "Thanks a lot for the quick help with the booking.")
REPLY = ("Of course. Your booking is confirmed and the fare includes one checked bag of 23 kg plus free seat "
         "selection. Is there anything else I can help you with today?")


def _conv(cid: str, messages: list[dict], **meta: Any) -> dict:
    return {"conversation_id": cid, "csat": 5, "created_at": "2024-05-01T10:00:00Z", "channel": "chat",
            "language": "en", "messages": messages, **meta}


def _u(text: str) -> dict:
    return {"role": "user", "content": text}


def _a(text: str = REPLY, **extra: Any) -> dict:
    return {"role": "assistant", "content": text, **extra}


def records() -> list[dict]:
    """The raw conversations carrying every plant of :data:`PLANTS` (one chat JSONL record each)."""
    tool_args = json.dumps({"passenger": "Oskar Lindqvist", "email": "oskar.lindqvist@fastmail.example"})
    blob = json.dumps({"customer": {"name": "Ingrid Solberg", "email": "ingrid.solberg@post.example",
                                    "phone": "+47 912 34 567"}, "booking": "TRV-55821"})
    return [
        _conv("probe-baseline", [_u("Hi, I want to change my flight. Reach me at lena.whitford@mailbox.example or "
                                    "+1 415 555 0143. " + FILLER), _a()]),
        _conv("probe-system", [
            {"role": "system", "content": "You are the travel desk assistant of Margaret Okonkwo "
             "(m.okonkwo@corpmail.example, +1 312 555 0187). Be brief and polite."},
            _u("Please move my hotel booking in Lisbon to next Friday. " + FILLER), _a()]),
        _conv("probe-url", [_u("My profile is https://example.com/users/jane.doe-1984 and the receipt link is "
                               "https://travel.example/receipt?user=rupert.vance@webmail.example. " + FILLER),
                            _a()]),
        _conv("probe-plus", [_u("Send the invoice to jane.doe+travel@inbox.example please. " + FILLER), _a()]),
        _conv("probe-split", [_u("The ticket is for Harriet\nBlackwood, phone +44 20 7946\n0958, card "
                                 "4539 1488 0343\n6467. " + FILLER), _a()]),
        _conv("probe-scripts", [_u("Passengers: Анна Кузнецова, Νικόλαος Παπαδόπουλος, 王秀英 and فاطمة الزهراوي. "
                                   "Call +٤٤ ٢٠ ٧٩٤٦ ٠٨٧١ or ０７７００ ９００１２３. " + FILLER), _a()]),
        _conv("probe-cities", [_u("The booking is for Florence Whitaker and Austin Delgado; Sydney Marchetti "
                                  "travels too. " + FILLER),
                               _a("Thanks. I have added Paris Hilton to the waiting list as you asked, and your "
                                  "booking is confirmed with one checked bag of 23 kg. Anything else today?")]),
        _conv("probe-toolcall", [_u("Book me on the 9:40 to Oslo. " + FILLER),
                                 _a(tool_calls=[{"id": "call_1", "type": "function", "function": {
                                     "name": "book_flight", "arguments": tool_args}}])]),
        _conv("probe-toolmsg", [_u("Who is on booking TRV-55822? " + FILLER),
                                {"role": "tool", "content": json.dumps({"name": "Ebba Sjöström",
                                                                        "phone": "+46 70 123 45 67"})},
                                _a()]),
        _conv("probe-json", [_u("Here is my record: " + blob + " " + FILLER), _a()]),
        _conv("conv-priya.raman@helpdesk.example", [_u("Can I add a bike to my booking? " + FILLER), _a()],
              agent_id="Tobias Ferreira"),
    ]


def write_raw(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "probes.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- the pipeline and what it wrote
# Keep every conversation: the probe asks what the scrubber misses, not what quality/dedup/diversity drop
# (dropped conversations are searched too, in silver.dropped).
PIPELINE_SETTINGS = ("curate.near_dedup.enabled=false", "curate.exact_dedup.enabled=false",
                     "curate.diversity.enabled=false", "curate.quality.enabled_filters=[]")


def probe_settings(root: Path, extra: Iterable[str] = ()):
    from tunehouse.config import load_settings

    return load_settings(overrides=[f"storage.root={root}", "spark.master=local[2]", "spark.shuffle_partitions=4",
                                    *PIPELINE_SETTINGS, *extra])


def run_pipeline(spark, settings, raw: Path):
    """ingest -> curate with the caller's SparkSession; returns (ingest summary, curation result)."""
    from tunehouse.curation.pipeline import curate
    from tunehouse.ingest.job import ingest
    from tunehouse.lakehouse.delta import Lakehouse

    lh = Lakehouse(spark, settings)
    summary = ingest(spark, settings, [raw], lakehouse=lh)
    return summary, curate(spark, settings, lakehouse=lh, progress=False)


def strings_of(value: Any) -> Iterator[str]:
    """Every string inside a value (dicts, lists, Arrow rows), JSON strings decoded too."""
    if isinstance(value, str):
        yield value
        if value[:1] in "{[":
            try:
                yield from strings_of(json.loads(value))
            except ValueError:
                pass
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings_of(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings_of(v)


def table_texts(settings, *, bronze: bool) -> dict[str, list[str]]:
    """Table -> its strings: the bronze tables, or every other Delta table."""
    from deltalake import DeltaTable

    out: dict[str, list[str]] = {}
    for log in sorted(Path(settings.storage.lakehouse).glob("*/*/_delta_log")):
        table = log.parent
        if (table.parent.name == "bronze") == bronze:
            rows = DeltaTable(str(table)).to_pyarrow_table().to_pylist()
            out[f"{table.parent.name}.{table.name}"] = list(strings_of(rows))
    return out


def downstream_texts(settings) -> dict[str, list[str]]:
    """Location -> its strings: every Delta table past bronze and every file of the export folder."""
    out = table_texts(settings, bronze=False)
    for f in sorted(Path(settings.storage.exports).rglob("*")):
        if f.is_file():
            text = f.read_text(encoding="utf-8", errors="replace")
            lines = [json.loads(line) for line in text.splitlines() if line.strip()] if f.suffix == ".jsonl" else []
            out[f"export/{f.name}"] = [text, *strings_of(lines)] if lines else [text, *strings_of(_json_or(text))]
    return out


def _json_or(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


@dataclass
class Leak:
    plant: Plant
    needle: str
    places: list[str]

    @property
    def where(self) -> str:
        return ", ".join(self.places)


def find_leaks(texts: dict[str, list[str]], plants: Iterable[Plant] = PLANTS) -> list[Leak]:
    """One Leak per plant found: its first needle found, and every place that holds it."""
    leaks = []
    for plant in plants:
        for needle in plant.needles:
            places = [where for where, strings in texts.items() if any(needle in s for s in strings)]
            if places:
                leaks.append(Leak(plant, needle, places))
                break
    return leaks


# --------------------------------------------------------------------------- MLflow: no raw bronze content
def log_training_inputs(settings, base_model: Path) -> str:
    """What a training job's driver logs before Ray starts (tags, params, lineage, settings, the mask audit),
    for the latest export, into a new MLflow run; returns its id. The cheapest real path that logs a job's
    inputs: ``run_training`` minus the Ray fit and the model upload (weights hold no text)."""
    from tunehouse.model import registry
    from tunehouse.model import tracking as mlflow_store
    from tunehouse.training import job as train_job

    import mlflow

    settings = settings.model_copy(update={"train": settings.train.model_copy(
        update={"base_model": str(base_model), "max_seq_length": 128, "num_workers": 1})})
    job = train_job._prepare(settings)
    exp_id = mlflow_store.setup_mlflow(settings)
    job.client = registry.client()
    with mlflow.start_run(run_name="pii-probe", experiment_id=exp_id) as run:
        job.run_id = run.info.run_id
        job.ray_run_name = f"train-{job.run_id}"
        train_job._log_new_job(job, False, "fp32")
    return job.run_id


def mlflow_texts(settings) -> dict[str, list[str]]:
    """Location -> strings of the MLflow store: run params, tags, metric names, every artifact file (text and
    JSON decoded) and the raw bytes of the SQLite store."""
    from tunehouse.model import registry

    mlflow_root = Path(settings.storage.mlflow)
    client = registry.client(tracking_uri=settings.mlflow_tracking_uri())
    out: dict[str, list[str]] = {}
    for exp in client.search_experiments():
        for run in client.search_runs([exp.experiment_id]):
            d = run.data
            out[f"run {run.info.run_id} params"] = [*d.params, *d.params.values()]
            out[f"run {run.info.run_id} tags"] = [*d.tags, *d.tags.values()]
            out[f"run {run.info.run_id} metrics"] = list(d.metrics)
    for f in sorted(mlflow_root.rglob("*")):
        if f.is_file():
            text = f.read_bytes().decode("utf-8", errors="replace")
            out[f"mlflow/{f.relative_to(mlflow_root)}"] = [text, *strings_of(_json_or(text))]
    return out


@contextmanager
def captured_logs() -> Iterator[io.StringIO]:
    """Every log record of every logger, at every level, written to the yielded buffer while inside."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    logger = logging.getLogger()
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


@dataclass
class ProbeReport:
    planted: list[Plant]
    leaks: list[Leak]
    mlflow_raw: list[Leak] = field(default_factory=list)
    log_raw: list[Leak] = field(default_factory=list)
    quarantined: int = 0
    kept: int = 0
    settings: Any = None  # the probe's settings (its storage root holds what the pipeline wrote)
    result: Any = None  # the CurationResult
    log_text: str = ""  # the log output captured during the run

    def leaked(self, key: str) -> Leak | None:
        return next((x for x in self.leaks if x.plant.key == key), None)

    def figures(self) -> dict[str, int]:
        out = {"pii_planted": len(self.planted), "pii_leaked": len(self.leaks),
               "mlflow_raw_values": len(self.mlflow_raw), "log_raw_values": len(self.log_raw),
               "conversations_quarantined": self.quarantined, "conversations_kept": self.kept}
        for name, attr in (("type", "pii_type"), ("position", "position")):
            planted = Counter(getattr(p, attr) for p in self.planted)
            leaked = Counter(getattr(x.plant, attr) for x in self.leaks)
            for k in sorted(planted):
                out[f"planted.{name}.{k}"] = planted[k]
                out[f"leaked.{name}.{k}"] = leaked[k]
        return out


def probe(spark, root: Path, base_model: Path | None = None, *, mlflow: bool = True) -> ProbeReport:
    """Plant, ingest, curate, search; with ``mlflow`` also log a training job's inputs (on ``base_model``, or a
    tiny base built from the probe's own export) and search the MLflow store. Log output of the whole run (every
    logger, every level) is captured and searched too."""
    settings = probe_settings(root)
    with captured_logs() as buffer:
        summary, result = run_pipeline(spark, settings, write_raw(root / "raw"))
        if mlflow:
            log_training_inputs(settings, base_model or build_tiny_base(settings))
    texts = downstream_texts(settings)
    report = ProbeReport(list(PLANTS), find_leaks(texts), quarantined=summary.quarantined, kept=result.kept,
                         settings=settings, result=result, log_text=buffer.getvalue())
    in_export = {x.plant.key for x in report.leaks}  # what the export holds may be logged as scrubbed data
    raw_only = [p for p in PLANTS if p.key not in in_export]
    if mlflow:
        report.mlflow_raw = find_leaks(mlflow_texts(settings), raw_only)
    report.log_raw = find_leaks({"log": [report.log_text]}, raw_only)
    return report


def build_tiny_base(settings) -> Path:
    """The offline tiny base model (the test suite's size) built from the probe's own export."""
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    tiny = dict(vocab_size=400, hidden_size=32, num_layers=2, num_heads=2, num_kv_heads=1, intermediate_size=64,
                max_position_embeddings=256, warmup_steps=5, warmup_batch_size=4, warmup_seq_length=128,
                warmup_learning_rate=1e-2, threads=1, overwrite=True)
    build_base_model(settings, bs=BaseModelSettings(**tiny))
    return Path(settings.storage.models) / "base"


def run(workdir: Path, *, quick: bool = False) -> dict[str, int]:
    """The probe on its own SparkSession (the probe set is small: quick and full are the same run)."""
    from tunehouse import runtime
    from tunehouse.lakehouse.spark import get_spark

    runtime.configure_process()  # the CLI's environment: offline hubs, no telemetry
    workdir = Path(workdir)
    spark = get_spark(probe_settings(workdir / "spark"))
    try:
        report = probe(spark, workdir / "probe")
    finally:
        spark.stop()
    for leak in report.leaks:
        print(f"  leak: {leak.plant.key} ({leak.plant.pii_type}, {leak.plant.position}) "
              f"{leak.needle!r} in {leak.where}")
    return report.figures()
