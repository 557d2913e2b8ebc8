"""Curation: bronze chat messages -> scrubbed, deduplicated, filtered, weighted, split training data.

    frame.py     the conversation frame every stage reads and writes, and split_by_reason
    stages/      one module per stage and STAGES, their order (assemble ... split)
    signals/     per-message and per-conversation signals (language, garbage, house style)
    runner.py    the loop over the stages: caches, counts, collects drops for silver.dropped
    export.py    the gold row, the residual-PII gate, the dataset version, the chat JSONL
    pipeline.py  curate(): the stages, then the gate, the tables and the export

A stage is a name and ``run(df, settings) -> StageResult(kept, dropped, tables)``; the runner
counts rows per stage and writes every dropped conversation with its stage and reason to
``silver.dropped``.
"""
