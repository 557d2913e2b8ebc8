"""Import path kept for callers outside curation (evaluation scores replies with ``style_score``).

The weighting stage is :mod:`tunehouse.curation.stages.weights`; the style score is
:mod:`tunehouse.curation.signals.style`.
"""

from tunehouse.curation.signals.style import style_score
from tunehouse.curation.stages.weights import assign_weights, with_agent_mean_csat

__all__ = ["assign_weights", "style_score", "with_agent_mean_csat"]
