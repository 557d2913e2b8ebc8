"""Tasks through column mapping: rows of a table (JSONL, CSV/TSV, Parquet or Delta) with user-named columns
mapped onto a task's columns, checked, and rendered into chat conversations that ingest, curation and training
take as they are; evaluation scores the replies with the task's own metrics."""
