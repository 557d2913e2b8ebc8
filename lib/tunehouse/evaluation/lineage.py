"""Which version of the replayed table an evaluation reads: the one the candidate was trained on.

Curation rewrites ``gold.training_examples`` (a new Delta version) whenever the data changes, and training
records the version its export came from (``data.gold_table`` / ``data.gold_table_version`` in the training
run's params, see :func:`tunehouse.training.tracking.log_job_inputs`). The candidate's test split is the
one at that version: the latest version may have been curated after training, with other conversations in
each split. So the evaluation reads the table as of the recorded version (Delta time travel), and reads
the latest version only when the candidate has no such lineage, saying so in the log and in the run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model import registry as mref

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from tunehouse.lakehouse.delta import Lakehouse

log = logging.getLogger(__name__)

TRAINED_ON = "candidate's training run"
LATEST = "latest"


@dataclass
class ReplaySource:
    """The table version an evaluation replays, and where that version came from."""

    table: str
    version: int | None         # the Delta version read
    latest_version: int | None  # the table's version when the evaluation started
    chosen_by: str              # TRAINED_ON or LATEST
    note: str | None = None     # why the latest version was read (None when it is the trained-on one)

    def describe(self) -> str:
        return f"{self.table} (version {self.version})"

    def read(self, lh: "Lakehouse") -> "DataFrame":
        return lh.read(self.table, version=self.version)


def replay_source(lh: "Lakehouse", es: EvaluateSettings, candidate: mref.ModelRef) -> ReplaySource:
    """The version of ``es.table`` the candidate was trained on, else the latest one with a note saying why."""
    latest = lh.version(es.table)
    params = mref.training_params(candidate)
    recorded_table = params.get("data.gold_table")
    recorded = params.get("data.gold_table_version", "")
    if not candidate.run_id:
        why = f"{candidate.label} names no training run"
    elif not recorded.isdigit():
        why = f"the training run {candidate.run_id} of {candidate.label} recorded no version of {es.table}"
    elif recorded_table != es.table:
        why = f"{candidate.label} was trained on {recorded_table}, not on {es.table}"
    elif latest is None or int(recorded) > latest:
        why = f"{candidate.label} was trained on version {recorded} of {es.table}, which this table does not have"
    else:
        return ReplaySource(es.table, int(recorded), latest, TRAINED_ON)
    note = f"{why}: evaluating on the latest version ({latest}), which may differ from the data it was trained on"
    log.warning(note)
    return ReplaySource(es.table, latest, latest, LATEST, note)


def log_replay_source(source: ReplaySource, run_id: str) -> None:
    """Params of the version read and how it was chosen; the fallback's reason as a tag and a run event."""
    import mlflow

    from tunehouse.model import tracking as mlflow_store

    mlflow.log_params({"data.table_version_from": source.chosen_by,
                       "data.latest_table_version": str(source.latest_version)})
    if source.note:
        mlflow.set_tag("tunehouse.data_version_note", source.note[:4900])
        mlflow_store.append_event(mref.client(), run_id, source.note)
