"""A Spark data source named ``delta`` backed by delta-rs, for machines without the Delta jars.

On Databricks (or wherever the Delta JVM connector is installed) Spark's own ``delta`` format is
used and this module is never registered. Locally Maven is unreachable, so the Delta jars cannot
be fetched; Spark 4's Python Data Source API lets us provide the same ``format("delta")`` so job
code is identical in both places:

    spark.read.format("delta").load(path)                     # optional .option("versionAsOf", 3)
    df.write.format("delta").mode("append"|"overwrite").save(path)

Reads: one input partition per live data file of the snapshot, yielding Arrow batches.
Writes: every Spark task writes its own parquet file into the table folder and returns an
``AddAction``; the driver commits all of them in ONE Delta transaction, so no data funnels
through the driver and a failed job leaves no partial commit (orphan files are cleaned by
``abort`` or by a later VACUUM).

Limits (documented, checked): no filter pushdown, no deletion vectors, no column mapping, no
partitioned tables (tunehouse's local tables are unpartitioned); MERGE goes through delta-rs
directly in :mod:`tunehouse.lakehouse.delta`.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql.datasource import (
    DataSource,
    DataSourceArrowWriter,
    DataSourceReader,
    InputPartition,
    WriterCommitMessage,
)
from pyspark.sql.types import StructType

NAME = "delta"


def _path_of(options: dict, default: str | None = None) -> str:
    path = options.get("path") or default
    if not path:
        raise ValueError(f"delta data source needs a path: .load(PATH) / .save(PATH); got options {dict(options)}")
    return path[len("file://"):] if path.startswith("file://") else path


def arrow_to_spark_schema(schema: pa.Schema) -> StructType:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def spark_to_arrow_schema(schema: StructType) -> pa.Schema:
    from pyspark.sql.pandas.types import to_arrow_schema

    # Delta timestamps are UTC microseconds; plain (non large_) strings keep the parquet files
    # readable by every Delta reader.
    return to_arrow_schema(schema, timezone="UTC")


def _nullable(schema: pa.Schema) -> pa.Schema:
    return pa.schema([f.with_nullable(True) for f in schema])


class DeltaRsDataSource(DataSource):
    # Set on per-table subclasses (see table_source) so SQL catalog tables, whose OPTIONS/LOCATION
    # Spark does not pass to Python data sources, still know their folder.
    table_path: str | None = None

    @classmethod
    def name(cls) -> str:
        return NAME

    def _table(self):
        from deltalake import DeltaTable

        version = self.options.get("versionAsOf") or self.options.get("versionasof")
        path = _path_of(self.options, self.table_path)
        return DeltaTable(path, version=int(version)) if version is not None else DeltaTable(path)

    def schema(self) -> StructType:
        return arrow_to_spark_schema(_nullable(pa.schema(self._table().schema().to_arrow())))

    def reader(self, schema: StructType) -> DataSourceReader:
        return _DeltaReader(self._table(), schema)

    def writer(self, schema: StructType, overwrite: bool) -> DataSourceArrowWriter:
        return _DeltaWriter(_path_of(self.options, self.table_path), schema, overwrite)


def table_source(path: str, source_name: str) -> type[DeltaRsDataSource]:
    """A data source class bound to one table folder, registered as ``source_name``.

    Lets ``CREATE TABLE bronze.chat_messages USING <source_name>`` put a live Delta table into the
    local Spark catalog, so SQL sees it as ``schema.table`` and every query reads the latest version.
    """
    return type(
        f"DeltaTable_{source_name}",
        (DeltaRsDataSource,),
        {"table_path": path, "name": classmethod(lambda cls: source_name), "__module__": __name__},
    )


@dataclass
class _FilePartition(InputPartition):
    uri: str


class _DeltaReader(DataSourceReader):
    def __init__(self, table, schema: StructType):
        meta = table.metadata()
        if meta.partition_columns:
            raise ValueError(f"partitioned Delta tables are not supported by the local delta source: {table.table_uri}")
        self.uris = list(table.file_uris())
        self.schema = schema

    def partitions(self):
        return [_FilePartition(u) for u in self.uris]

    def read(self, partition: _FilePartition) -> Iterator[pa.RecordBatch]:
        if not isinstance(partition, _FilePartition):
            # a table with no data file: partitions() is empty and Spark then reads one bare InputPartition
            return
        target = _nullable(spark_to_arrow_schema(self.schema))
        path = partition.uri[len("file://"):] if partition.uri.startswith("file://") else partition.uri
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=8192):
            # Files written by older table versions may lack newer (nullable) columns.
            cols = []
            for field in target:
                if field.name in batch.schema.names:
                    cols.append(batch.column(field.name).cast(field.type))
                else:
                    cols.append(pa.nulls(batch.num_rows, type=field.type))
            yield pa.RecordBatch.from_arrays(cols, schema=target)


@dataclass
class _AddMessage(WriterCommitMessage):
    path: str  # relative to the table root
    size: int
    num_records: int


class _DeltaWriter(DataSourceArrowWriter):
    def __init__(self, path: str, schema: StructType, overwrite: bool):
        self.path = path
        self.schema = schema
        self.overwrite = overwrite

    def write(self, iterator: Iterator[pa.RecordBatch]) -> _AddMessage:
        target = _nullable(spark_to_arrow_schema(self.schema))
        os.makedirs(self.path, exist_ok=True)
        rel = f"part-{uuid.uuid4().hex}.snappy.parquet"
        full = os.path.join(self.path, rel)
        rows = 0
        with pq.ParquetWriter(full, target, compression="snappy") as w:
            for batch in iterator:
                if batch.num_rows:
                    w.write_batch(batch.cast(target) if batch.schema != target else batch)
                    rows += batch.num_rows
        return _AddMessage(rel, os.path.getsize(full), rows)

    def commit(self, messages: list[_AddMessage]) -> None:
        commit_files(self.path, [m for m in messages if m is not None], _nullable(spark_to_arrow_schema(self.schema)),
                     "overwrite" if self.overwrite else "append")

    def abort(self, messages: list[_AddMessage]) -> None:
        for m in messages:
            if m is not None:
                try:
                    os.remove(os.path.join(self.path, m.path))
                except OSError:
                    pass


def commit_files(path: str, files: list[_AddMessage], schema: pa.Schema, mode: str) -> None:
    """Add already-written parquet files to the Delta table at ``path`` in one transaction."""
    from deltalake import DeltaTable
    from deltalake.schema import Schema
    from deltalake.transaction import AddAction, create_table_with_add_actions

    now = int(time.time() * 1000)
    actions = [
        AddAction(m.path, m.size, {}, now, True, json.dumps({"numRecords": m.num_records}))
        for m in files
        if m.num_records > 0
    ]
    for m in files:  # empty task outputs are not part of the table
        if m.num_records == 0:
            try:
                os.remove(os.path.join(path, m.path))
            except OSError:
                pass
    if DeltaTable.is_deltatable(path):
        dt = DeltaTable(path)
        if mode == "append":
            _check_append_schema(dt, schema, path)
        dt.create_write_transaction(actions, mode=mode, schema=schema)
    else:
        create_table_with_add_actions(path, Schema.from_arrow(schema), actions, mode="append")


def _check_append_schema(dt, schema: pa.Schema, path: str) -> None:
    current = pa.schema(dt.schema().to_arrow())
    cur = {f.name: f.type for f in current}
    new = {f.name: f.type for f in schema}
    missing = sorted(set(cur) - set(new))
    extra = sorted(set(new) - set(cur))
    changed = sorted(k for k in set(cur) & set(new) if cur[k] != new[k])
    if missing or extra or changed:
        raise ValueError(
            f"append to {path}: schema differs from the table's "
            f"(missing columns {missing}, new columns {extra}, changed types {changed}); "
            "use mode('overwrite') to replace the schema"
        )
