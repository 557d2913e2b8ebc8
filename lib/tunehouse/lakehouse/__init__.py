"""The lakehouse: a Spark session, one API over Delta tables (local delta-rs or native Databricks Delta),
the delta-rs Python data source, and the SQL runner with its ready-made queries (``queries/*.sql``).

Import the submodules you need; this package import stays light (no pyspark)."""
