"""The Spark Python data source ``tunehouse_raw``: reads raw chat-log files in parallel on the executors
and yields raw rows (canonical columns + ok/reason + lineage, :data:`RAW_SCHEMA`) as Arrow batches.

The driver plans the partitions (:func:`plan_partitions`): JSONL in newline-aligned byte chunks, so
big files are parallel and line numbers stay exact; CSV and JSON documents one task per file (quoted
fields may span lines); Parquet one task per row group. Each task runs a reader of
:mod:`tunehouse.ingest.readers`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.datasource import DataSource, DataSourceReader, InputPartition

from tunehouse.errors import UserError
from tunehouse.ingest.readers import (
    detect_format,
    read_csv_file,
    read_json_document,
    read_jsonl_chunk,
    read_parquet_row_group,
)
from tunehouse.ingest.settings import IngestSettings

CHUNK_BYTES = 8 * 1024 * 1024  # JSONL split size: parallel reads without tiny tasks
ARROW_BATCH_ROWS = 4096

# Schema the raw reader yields: canonical columns + record status + lineage.
RAW_SCHEMA = (
    "conversation_id string, message_index long, role string, content string, created_at timestamp, "
    "csat int, agent_id string, channel string, language string, weight double, "
    "ok boolean, reason_code string, reason string, raw_payload string, "
    "source_file string, source_line long, source_format string"
)


@dataclass
class _Chunk(InputPartition):
    path: str
    fmt: str
    start: int = 0
    end: int = -1
    first_line: int = 1
    row_group: int = -1


def plan_partitions(files: list[tuple[Path, str]]) -> list[_Chunk]:
    """Split work: JSONL by newline-aligned byte ranges (with their first line number)."""
    import pyarrow.parquet as pq

    parts: list[_Chunk] = []
    for path, fmt in files:
        p = str(path.resolve())
        if fmt in ("jsonl", "chat_jsonl"):
            parts.extend(_jsonl_chunks(p, fmt))
        elif fmt in ("csv", "json"):
            parts.append(_Chunk(p, fmt))
        elif fmt == "parquet":
            meta = pq.ParquetFile(p).metadata
            first = 1
            for rg in range(meta.num_row_groups):
                parts.append(_Chunk(p, fmt, first_line=first, row_group=rg))
                first += meta.row_group(rg).num_rows
        else:
            raise UserError(f"{path}: unsupported format {fmt!r}")
    return parts


def _jsonl_chunks(p: str, fmt: str) -> list[_Chunk]:
    """Byte ranges of about CHUNK_BYTES that end after a newline, each with the number of its first line."""
    parts: list[_Chunk] = []
    size = os.path.getsize(p)
    start, line = 0, 1
    with open(p, "rb") as f:
        while start < size:
            f.seek(start)
            block = f.read(CHUNK_BYTES)
            if start + len(block) >= size:
                end = size
            else:
                cut = block.rfind(b"\n")
                end = start + (cut + 1 if cut >= 0 else len(block))
                if cut < 0:  # a single line longer than a chunk: extend to its end
                    rest = f.read()
                    nl = rest.find(b"\n")
                    end = start + len(block) + (nl + 1 if nl >= 0 else len(rest))
            parts.append(_Chunk(p, fmt, start, end, line))
            f.seek(start)
            line += f.read(end - start).count(b"\n")
            start = end
    return parts


_ARROW_TYPES = {"string": "string", "long": "int64", "int": "int32", "double": "float64", "boolean": "bool"}


def raw_arrow_schema():
    """RAW_SCHEMA as Arrow (built without a SparkContext: this runs in Python workers)."""
    import pyarrow as pa

    fields = []
    for part in RAW_SCHEMA.split(", "):
        name, typ = part.split()
        t = pa.timestamp("us", tz="UTC") if typ == "timestamp" else pa.type_for_alias(_ARROW_TYPES[typ])
        fields.append(pa.field(name, t, nullable=True))
    return pa.schema(fields)


class RawChatLogSource(DataSource):
    """Spark data source ``tunehouse_raw``: options ``plan`` (JSON list of chunks) and ``ingest`` (settings JSON)."""

    @classmethod
    def name(cls) -> str:
        return "tunehouse_raw"

    def schema(self) -> str:
        return RAW_SCHEMA

    def reader(self, schema) -> DataSourceReader:
        return _RawReader(self.options)


class _RawReader(DataSourceReader):
    def __init__(self, options: dict):
        self.chunks = [_Chunk(**c) for c in json.loads(options["plan"])]
        self.cfg_json = options["ingest"]

    def partitions(self):
        return self.chunks

    def read(self, chunk: _Chunk):
        cfg = IngestSettings.model_validate_json(self.cfg_json)
        if chunk.fmt in ("jsonl", "chat_jsonl"):
            rows = read_jsonl_chunk(chunk.path, chunk.fmt, chunk.start, chunk.end, chunk.first_line, cfg)
        elif chunk.fmt == "csv":
            rows = read_csv_file(chunk.path, cfg)
        elif chunk.fmt == "json":
            rows = read_json_document(chunk.path, cfg)
        else:
            rows = read_parquet_row_group(chunk.path, chunk.row_group, chunk.first_line, cfg)
        # Arrow batches, not tuples: far less per-row overhead between Python and the JVM.
        import pyarrow as pa

        schema = raw_arrow_schema()
        buf: list[dict] = []
        for r in rows:
            buf.append(r)
            if len(buf) >= ARROW_BATCH_ROWS:
                yield pa.RecordBatch.from_pylist(buf, schema=schema)
                buf = []
        if buf:
            yield pa.RecordBatch.from_pylist(buf, schema=schema)


def read_raw(spark: SparkSession, files: list[Path], cfg: IngestSettings) -> DataFrame:
    """All records of the given files as one DataFrame with canonical columns + ok/reason + lineage."""
    typed = [(p, detect_format(p, cfg.format)) for p in files]
    plan = [c.__dict__ for c in plan_partitions(typed)]
    spark.dataSource.register(RawChatLogSource)
    return (
        spark.read.format("tunehouse_raw")
        .option("plan", json.dumps(plan))
        .option("ingest", cfg.model_dump_json())
        .load()
    )
