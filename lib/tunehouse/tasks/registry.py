"""The tasks by name, and the task of a prepared conversation (its ``channel``, ``task:<name>``)."""

from __future__ import annotations

from tunehouse.errors import UserError
from tunehouse.tasks import (
    question_answering,
    summarization,
    text_classification,
    token_classification,
    translation,
)
from tunehouse.tasks.base import TASK_CHANNEL_PREFIX, Task

TASKS: dict[str, Task] = {m.TASK.name: m.TASK for m in (text_classification, token_classification,
                                                        question_answering, summarization, translation)}


def get_task(name: str) -> Task:
    try:
        return TASKS[name.replace("-", "_")]
    except KeyError:
        raise UserError(f"unknown task {name!r}; tasks: {', '.join(TASKS)}") from None


def task_of_channel(channel: str | None) -> Task | None:
    """The task a conversation was prepared for, from its channel; None for ordinary chat logs."""
    if channel and channel.startswith(TASK_CHANNEL_PREFIX):
        return TASKS.get(channel[len(TASK_CHANNEL_PREFIX):])
    return None
