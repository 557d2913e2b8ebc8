"""Import path kept for callers outside curation: conversation scrubbing and the residual-PII scan.

The scrubbing stage is :mod:`tunehouse.curation.stages.scrub`; the residual-PII scan belongs to
the export (:mod:`tunehouse.curation.export`).
"""

from tunehouse.curation.export import residual_pii
from tunehouse.curation.stages.scrub import pii_report, scrub_conversations

__all__ = ["pii_report", "residual_pii", "scrub_conversations"]
