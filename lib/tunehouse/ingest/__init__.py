"""Ingestion: raw chat-log exports (JSONL, JSON, CSV/TSV, Parquet, chat JSONL) -> bronze.chat_messages;
bad records -> bronze.quarantine with their reason."""
