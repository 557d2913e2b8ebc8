"""A Spark job that runs out of JVM memory ends with one line naming the setting to raise, not a page of Java
stack trace (the curation benchmark hit ``OutOfMemoryError: Java heap space`` at 100k conversations with
the default 4g driver in local mode)."""

from __future__ import annotations

import pytest
from tunehouse.lakehouse.spark import out_of_memory_advice


def real_jvm_out_of_memory(spark) -> BaseException:
    """A real ``java.lang.OutOfMemoryError`` through py4j: an array larger than the JVM allows."""
    jvm = spark.sparkContext._jvm  # noqa: SLF001
    with pytest.raises(Exception) as caught:
        jvm.java.lang.reflect.Array.newInstance(jvm.java.lang.Long.TYPE, 2**31 - 2)
    return caught.value


def test_a_jvm_out_of_memory_error_is_explained_with_the_setting_to_raise(spark, settings):
    advice = out_of_memory_advice(real_jvm_out_of_memory(spark), settings)
    assert advice is not None and advice.startswith("Spark ran out of memory (java.lang.OutOfMemoryError")
    assert f"spark.driver_memory (now {settings.spark.driver_memory}" in advice
    assert "spark.executor.memory" in advice and "run the job again" in advice
    assert spark.range(3).count() == 3  # the session itself is still usable


def test_other_errors_are_left_alone():
    assert out_of_memory_advice(ValueError("bad input"), None) is None


def test_the_cli_prints_one_line_and_exits_1(spark, monkeypatch, capsys, tmp_path):
    """`tunehouse curate` whose Spark work hits a real JVM OutOfMemoryError: one line on stderr, exit 1."""
    from tunehouse import cli
    from tunehouse.commands import curate

    def curate_out_of_memory(args, settings):
        jvm = spark.sparkContext._jvm  # noqa: SLF001
        jvm.java.lang.reflect.Array.newInstance(jvm.java.lang.Long.TYPE, 2**31 - 2)

    monkeypatch.setattr(curate, "cmd_curate", curate_out_of_memory)
    rc = cli.main(["curate", "--set", f"storage.root={tmp_path}"])
    err = capsys.readouterr().err
    assert rc == 1
    assert err.count("\n") == 1 and err.startswith("tunehouse curate: error: Spark ran out of memory (java.lang.")
    assert "spark.driver_memory (now 4g" in err
