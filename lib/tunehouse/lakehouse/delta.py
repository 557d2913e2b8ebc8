"""The lakehouse layer: one API over Delta tables, native on Databricks, delta-rs locally.

Tables are addressed as ``schema.table`` everywhere in tunehouse (``bronze.chat_messages``).

- databricks mode: native Delta through Spark, Unity Catalog names ``catalog.schema.table``
  (``lakehouse.catalog``), MERGE with delta-spark.
- local mode: real Delta tables at ``<storage.root>/lakehouse/<schema>/<table>`` read and written
  through Spark's ``format("delta")`` (our delta-rs data source, :mod:`tunehouse.lakehouse.delta_source`), so
  writes are distributed over Spark tasks and committed in one transaction. Every table is also put
  into Spark's session catalog, so ``spark.sql("SELECT * FROM bronze.chat_messages")`` works the same
  in both places. Tables are plain Delta: ``deltalake.DeltaTable(path)`` reads them.

Crash safety (local): a write is one Delta commit, so a killed job leaves each table at its last committed
version (parquet files written before the kill are orphans no version references). Delta has no transaction
over several tables: a job killed between two writes leaves the first table new and the second old, and its
re-run rewrites both (benchmarks/reliability/crash.py kills ingest and curate at those points). Concurrent
jobs: :meth:`Lakehouse.exclusive` (one writer per table, :mod:`tunehouse.lakehouse.locks`); a commit delta-rs
refuses as conflicting is reported as :class:`TableConflictError` naming the table.
"""

from __future__ import annotations

import re
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from tunehouse.config import Settings
from tunehouse.errors import UserError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")


class LakehouseError(RuntimeError):
    pass


@dataclass
class MergeResult:
    source_rows: int
    inserted: int
    updated: int
    version: int | None

    @property
    def skipped(self) -> int:
        return self.source_rows - self.inserted - self.updated


class Lakehouse:
    def __init__(self, spark: SparkSession, settings: Settings):
        self.spark = spark
        self.settings = settings
        self.mode = settings.lakehouse.resolved_mode()
        self.root = Path(settings.storage.lakehouse).resolve()
        self._registered: dict[str, tuple] = {}

    # ------------------------------------------------------------------ names and paths
    def _split(self, table: str) -> tuple[str, str]:
        if not _NAME.match(table):
            raise LakehouseError(f"table names are schema.table (letters, digits, _), got {table!r}")
        schema, name = table.split(".")
        return self.settings.lakehouse.schema_prefix + schema, name

    def full_name(self, table: str) -> str:
        """The name Spark SQL uses: ``schema.table`` locally, ``catalog.schema.table`` in UC."""
        schema, name = self._split(table)
        cat = self.settings.lakehouse.catalog
        return f"{cat}.{schema}.{name}" if (cat and self.mode == "databricks") else f"{schema}.{name}"

    def path(self, table: str) -> Path:
        """Folder of a local Delta table (local mode only)."""
        if self.mode != "local":
            raise LakehouseError("table paths exist only in local mode; use full_name() on Databricks")
        schema, name = self._split(table)
        return self.root / schema / name

    # ------------------------------------------------------------------ metadata
    def exists(self, table: str) -> bool:
        if self.mode == "local":
            from deltalake import DeltaTable

            return DeltaTable.is_deltatable(str(self.path(table)))
        return self.spark.catalog.tableExists(self.full_name(table))

    def version(self, table: str) -> int | None:
        """Current Delta version, or None when the table does not exist."""
        if not self.exists(table):
            return None
        if self.mode == "local":
            from deltalake import DeltaTable

            return DeltaTable(str(self.path(table))).version()
        row = self.spark.sql(f"DESCRIBE HISTORY {self.full_name(table)} LIMIT 1").select("version").first()
        return int(row[0])

    def history(self, table: str) -> list[dict]:
        """Commits, newest first: version, timestamp, operation, and our commit metadata."""
        if self.mode == "local":
            from deltalake import DeltaTable

            out = []
            for h in DeltaTable(str(self.path(table))).history():
                out.append(
                    {
                        "version": h.get("version"),
                        "timestamp": h.get("timestamp"),
                        "operation": h.get("operation"),
                        "parameters": h.get("operationParameters"),
                    }
                )
            return out
        rows = self.spark.sql(f"DESCRIBE HISTORY {self.full_name(table)}").collect()
        return [
            {"version": r["version"], "timestamp": r["timestamp"], "operation": r["operation"],
             "parameters": r["operationParameters"]}
            for r in rows
        ]

    # ------------------------------------------------------------------ one writer per table
    def exclusive(self, tables: list[str], job: str):
        """Context manager: hold the write locks of ``tables`` for a whole job (local mode, see
        :mod:`tunehouse.lakehouse.locks`); a second job fails with a message naming the table, after
        ``lakehouse.lock_wait_s``. On Databricks, Delta's own commit protocol arbitrates: no lock here."""
        if self.mode != "local":
            return nullcontext()
        from tunehouse.lakehouse.locks import table_locks

        for t in tables:
            self._split(t)  # validate names before touching the file system
        return table_locks(self.root, tables, job, self.settings.lakehouse.lock_wait_s)

    # ------------------------------------------------------------------ read / write
    def read(self, table: str, version: int | None = None) -> DataFrame:
        if not self.exists(table):
            raise LakehouseError(f"table {table} does not exist yet (looked for {self._where(table)})")
        if self.mode == "local":
            reader = self.spark.read.format("delta")
            if version is not None:
                reader = reader.option("versionAsOf", str(version))
            return reader.load(str(self.path(table)))
        if version is not None:
            return self.spark.read.option("versionAsOf", version).table(self.full_name(table))
        return self.spark.read.table(self.full_name(table))

    def write(self, df: DataFrame, table: str, mode: str = "append") -> int:
        """Append to or overwrite a table (created if missing); returns the new version."""
        if mode not in ("append", "overwrite"):
            raise LakehouseError(f"write mode must be append or overwrite, got {mode!r}")
        if self.mode == "local":
            with _commit_conflicts_named(table):
                df.write.format("delta").mode(mode).save(str(self.path(table)))
            self.register(table, force=True)
        else:
            schema, _ = self._split(table)
            cat = self.settings.lakehouse.catalog
            self.spark.sql(f"CREATE SCHEMA IF NOT EXISTS {cat + '.' if cat else ''}{schema}")
            writer = df.write.format("delta").mode(mode)
            if mode == "overwrite":
                writer = writer.option("overwriteSchema", "true")
            writer.saveAsTable(self.full_name(table))
        return self.version(table)

    def merge(self, df: DataFrame, table: str, keys: list[str], update_existing: bool = False) -> MergeResult:
        """MERGE ``df`` into ``table`` on ``keys``: insert rows whose key is new; with
        ``update_existing`` also replace rows whose key exists. Source rows with the same key are
        collapsed to one first, so the result never depends on the source's duplicates.
        Idempotent: merging the same rows again inserts nothing."""
        src = df.dropDuplicates(keys)
        if not self.exists(table):
            src = src.cache()
            n = src.count()
            version = self.write(src, table, "append")
            src.unpersist()
            return MergeResult(df.count(), n, 0, version)
        if self.mode == "databricks":
            return self._merge_native(df, src, table, keys, update_existing)
        if update_existing:
            return self._merge_deltars(df, src, table, keys)
        # Insert-only MERGE as a distributed anti-join + append: nothing goes through the driver.
        existing = self.read(table).select(*keys)
        new = src.join(existing, on=keys, how="left_anti").cache()
        inserted = new.count()
        version = self.version(table)
        if inserted:
            version = self.write(new.select(*self.read(table).columns), table, "append")
        new.unpersist()
        return MergeResult(df.count(), inserted, 0, version)

    def _merge_native(self, df, src, table, keys, update_existing) -> MergeResult:
        from delta.tables import DeltaTable as SparkDeltaTable

        target = SparkDeltaTable.forName(self.spark, self.full_name(table))
        cond = " AND ".join(f"t.`{k}` <=> s.`{k}`" for k in keys)
        m = target.alias("t").merge(src.alias("s"), cond)
        if update_existing:
            m = m.whenMatchedUpdateAll()
        m.whenNotMatchedInsertAll().execute()
        metrics = self.spark.sql(f"DESCRIBE HISTORY {self.full_name(table)} LIMIT 1").first()["operationMetrics"]
        return MergeResult(
            df.count(),
            int(metrics.get("numTargetRowsInserted", 0)),
            int(metrics.get("numTargetRowsUpdated", 0)),
            self.version(table),
        )

    def _merge_deltars(self, df, src, table, keys) -> MergeResult:
        # delta-rs needs the source in this process: only the incoming batch, never the table.
        from deltalake import DeltaTable

        dt = DeltaTable(str(self.path(table)))
        source = src.toArrow()
        cond = " AND ".join(f"t.{k} = s.{k}" for k in keys)
        with _commit_conflicts_named(table):
            metrics = (
                dt.merge(source, predicate=cond, source_alias="s", target_alias="t")
                .when_matched_update_all()
                .when_not_matched_insert_all()
                .execute()
            )
        self.register(table, force=True)
        return MergeResult(
            df.count(),
            int(metrics.get("num_target_rows_inserted", 0)),
            int(metrics.get("num_target_rows_updated", 0)),
            DeltaTable(str(self.path(table))).version(),
        )

    # ------------------------------------------------------------------ SQL names (local)
    def register(self, table: str, force: bool = False) -> None:
        """Put a local table into Spark's session catalog as ``schema.table`` (no-op on Databricks)."""
        if self.mode != "local" or not self.exists(table):
            return
        from tunehouse.lakehouse.delta_source import table_source

        schema, name = self._split(table)
        path = str(self.path(table))
        key = (path, self.version(table))
        if not force and self._registered.get(table) == key:
            return
        source_name = "delta_tbl_" + re.sub(r"[^A-Za-z0-9_]", "_", f"{abs(hash(path))}_{schema}_{name}")
        self.spark.dataSource.register(table_source(path, source_name))
        self.spark.sql(f"CREATE DATABASE IF NOT EXISTS `{schema}`")
        self.spark.sql(f"DROP TABLE IF EXISTS `{schema}`.`{name}`")
        self.spark.sql(f"CREATE TABLE `{schema}`.`{name}` USING {source_name}")
        self._registered[table] = key

    def tables(self) -> list[str]:
        """All tables under the local lakehouse root, as schema.table."""
        if self.mode != "local":
            return []
        from deltalake import DeltaTable

        prefix = self.settings.lakehouse.schema_prefix
        out = []
        if self.root.exists():
            for sdir in sorted(p for p in self.root.iterdir() if p.is_dir()):
                for tdir in sorted(p for p in sdir.iterdir() if p.is_dir()):
                    if DeltaTable.is_deltatable(str(tdir)):
                        schema = sdir.name[len(prefix):] if prefix and sdir.name.startswith(prefix) else sdir.name
                        out.append(f"{schema}.{tdir.name}")
        return out

    def register_all(self) -> list[str]:
        names = self.tables()
        for t in names:
            self.register(t)
        return names

    def _where(self, table: str) -> str:
        return str(self.path(table)) if self.mode == "local" else self.full_name(table)


class TableConflictError(LakehouseError, UserError):
    """Another writer committed to the table between this job's read and its commit."""


@contextmanager
def _commit_conflicts_named(table: str):
    """delta-rs refuses a commit that conflicts with one made since the snapshot was read (its message says
    CommitFailed / concurrent / version already exists); say which table, and that nothing of this write
    was committed, instead of a Py4J stack trace."""
    try:
        yield
    except Exception as e:
        text = str(e)
        if any(s in text for s in ("CommitFailed", "concurrent transaction", "version already exists")):
            first = next((ln for ln in text.splitlines() if "ommit" in ln or "oncurrent" in ln), text[:300])
            raise TableConflictError(
                f"{table}: another writer committed to this table while this job was writing; this write was not "
                f"committed (the table is at the other writer's version). Re-run the job. ({first.strip()})") from e
        raise


def add_constant_columns(df: DataFrame, **cols) -> DataFrame:
    """Attach literal lineage columns (batch id, versions) in one select."""
    return df.select("*", *[F.lit(v).alias(k) for k, v in cols.items()])
