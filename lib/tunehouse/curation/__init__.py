"""Curation: bronze chat messages -> scrubbed, deduplicated, filtered, weighted, split training data.

Every stage is a small function over a *conversation frame* (see :mod:`tunehouse.curation.frame`):
``DataFrame -> DataFrame`` for transforms, ``DataFrame -> (kept, dropped)`` for filters. The runner
(:mod:`tunehouse.curation.pipeline`) counts rows per stage and writes every dropped conversation
with its stage and reason to ``silver.dropped``.
"""
