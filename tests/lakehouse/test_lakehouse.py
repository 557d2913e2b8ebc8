"""Lakehouse layer on real Delta tables: Spark writes through delta-rs, plain deltalake reads them."""

import pytest
from deltalake import DeltaTable
from tunehouse.lakehouse.delta import LakehouseError


def _df(spark, rows):
    return spark.createDataFrame(rows, "id long, name string")


def test_append_overwrite_and_plain_deltalake_reads(spark, lakehouse):
    t = "bronze.people"
    assert not lakehouse.exists(t) and lakehouse.version(t) is None
    v0 = lakehouse.write(_df(spark, [(1, "a"), (2, "b")]).repartition(2), t)
    v1 = lakehouse.write(_df(spark, [(3, "c")]), t, mode="append")
    assert (v0, v1) == (0, 1)
    path = lakehouse.path(t)
    assert path == lakehouse.root / "bronze" / "people"
    plain = DeltaTable(str(path))
    assert plain.version() == 1
    assert sorted(plain.to_pyarrow_table().column("id").to_pylist()) == [1, 2, 3]
    v2 = lakehouse.write(_df(spark, [(9, "z")]), t, mode="overwrite")
    assert v2 == 2
    assert [r.id for r in lakehouse.read(t).collect()] == [9]


def test_time_travel_and_history(spark, lakehouse):
    t = "silver.tt"
    lakehouse.write(_df(spark, [(1, "a")]), t)
    lakehouse.write(_df(spark, [(2, "b")]), t)
    assert lakehouse.read(t, version=0).count() == 1
    assert lakehouse.read(t, version=1).count() == 2
    hist = lakehouse.history(t)
    assert [h["version"] for h in hist][:2] == [1, 0]


def test_merge_insert_only_is_idempotent(spark, lakehouse):
    t = "bronze.m"
    src = _df(spark, [(1, "a"), (2, "b"), (2, "b-dup")])
    r1 = lakehouse.merge(src, t, keys=["id"])
    assert (r1.source_rows, r1.inserted) == (3, 2)
    r2 = lakehouse.merge(_df(spark, [(2, "changed"), (3, "c")]), t, keys=["id"])
    assert (r2.inserted, r2.skipped) == (1, 1)
    again = lakehouse.merge(_df(spark, [(2, "changed"), (3, "c")]), t, keys=["id"])
    assert again.inserted == 0 and again.version == r2.version
    rows = dict((r.id, r.name) for r in lakehouse.read(t).collect())
    assert rows[2] in ("b", "b-dup") and rows[3] == "c" and len(rows) == 3


def test_merge_with_update(spark, lakehouse):
    t = "gold.u"
    lakehouse.write(_df(spark, [(1, "a"), (2, "b")]), t)
    r = lakehouse.merge(_df(spark, [(2, "B"), (3, "C")]), t, keys=["id"], update_existing=True)
    assert (r.inserted, r.updated) == (1, 1)
    assert dict((x.id, x.name) for x in lakehouse.read(t).collect()) == {1: "a", 2: "B", 3: "C"}
    assert DeltaTable(str(lakehouse.path(t))).version() == r.version


def test_sql_sees_tables_by_schema_table_and_latest_version(spark, lakehouse):
    t = "bronze.sqlt"
    lakehouse.write(_df(spark, [(1, "a")]), t)
    assert spark.sql("SELECT count(*) AS n FROM bronze.sqlt").first().n == 1
    lakehouse.write(_df(spark, [(2, "b")]), t)
    assert spark.sql("SELECT count(*) AS n FROM bronze.sqlt").first().n == 2
    assert "bronze.sqlt" in lakehouse.tables()


def test_format_delta_roundtrip_like_databricks(spark, tmp_path):
    p = str(tmp_path / "raw_delta")
    spark.range(100).selectExpr("id", "id * 2 AS twice").write.format("delta").mode("append").save(p)
    back = spark.read.format("delta").load(p)
    assert back.count() == 100 and back.agg({"twice": "sum"}).first()[0] == 9900
    assert DeltaTable(p).to_pyarrow_table().num_rows == 100


def test_append_with_different_schema_is_a_clear_error(spark, lakehouse):
    t = "bronze.schema_check"
    lakehouse.write(_df(spark, [(1, "a")]), t)
    with pytest.raises(Exception, match="schema differs"):
        lakehouse.write(spark.createDataFrame([(1,)], "other long"), t)
    assert lakehouse.version(t) == 0


def test_bad_table_names_and_missing_table(lakehouse):
    with pytest.raises(LakehouseError, match="schema.table"):
        lakehouse.path("no_schema")
    with pytest.raises(LakehouseError, match="does not exist"):
        lakehouse.read("bronze.never_written")


def test_databricks_names(spark, settings):
    from tunehouse.lakehouse.delta import Lakehouse

    s = settings.model_copy(deep=True)
    s.lakehouse.mode = "databricks"
    s.lakehouse.catalog = "main"
    s.lakehouse.schema_prefix = "dev_"
    assert Lakehouse(spark, s).full_name("bronze.chat_messages") == "main.dev_bronze.chat_messages"


def test_a_table_without_data_files_reads_empty_and_takes_a_merge(spark, lakehouse):
    """A table that exists but holds no data file (written empty, or every file removed) has no partition for
    the local delta source; Spark then hands the reader a bare partition. It must read as empty, and a merge into
    it must insert (it failed with "'InputPartition' object has no attribute 'uri'")."""
    t = "bronze.empty"
    lakehouse.write(_df(spark, []), t)
    assert lakehouse.exists(t) and lakehouse.read(t).count() == 0
    r = lakehouse.merge(_df(spark, [(1, "a"), (2, "b")]), t, keys=["id"])
    assert r.inserted == 2 and sorted(x.id for x in lakehouse.read(t).collect()) == [1, 2]
