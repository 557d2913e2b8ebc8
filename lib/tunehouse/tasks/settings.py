"""Settings of the ``tasks`` section: the system prompt and instruction template of each task that
``tunehouse prepare`` renders into chat conversations (see :mod:`tunehouse.tasks`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from tunehouse.config.base import Section


class TaskPrompt(Section):
    """How one task's rows become a conversation: a system message, then one user message (the instruction
    template filled with the row's task columns, ``{Column}``) answered by the assistant (the expected output)."""

    system_prompt: str = Field(description="System message of every conversation of this task.")
    instruction: str = Field(
        description="User message template: {Column} placeholders name the task's columns (after mapping); "
        "some tasks offer more placeholders (see the task's description).")


class TranslationPrompt(TaskPrompt):
    source_language: str = Field("English", description="Name of the source language, as the prompt says it "
                                 "({source_language} in the templates).")
    target_language: str = Field("German", description="Name of the target language ({target_language}).")


class TasksSettings(Section):
    """`tunehouse prepare --task TASK`: per-task prompts, and where the rendered conversations are written."""

    out_dir: Path | None = Field(
        None, description="Folder of the chat JSONL and quarantine files prepare writes (one pair per task and "
        "input); null: <storage.root>/raw/tasks.")
    text_classification: TaskPrompt = Field(
        default_factory=lambda: TaskPrompt(
            system_prompt="You are a text classifier. Reply with exactly one label from the list and nothing else.",
            instruction="Classify the text into one of these labels: {labels}.\n\nText: {Sentence}"),
        description="Sentence -> Label. {labels}: the distinct labels of the prepared rows, sorted, comma-separated.")
    token_classification: TaskPrompt = Field(
        default_factory=lambda: TaskPrompt(
            system_prompt="You are a named-entity tagger. Reply with one IOB2 tag per token, in order, separated "
            "by single spaces, and nothing else.",
            instruction="Tag each of the {n_tokens} tokens. Tags: {tags}.\n\nTokens: {Token}"),
        description="Token -> Tag. {Token}: the tokens joined by spaces; {n_tokens}: how many; {tags}: the distinct "
        "tags of the prepared rows, sorted.")
    question_answering: TaskPrompt = Field(
        default_factory=lambda: TaskPrompt(
            system_prompt="You answer questions about a passage. Reply with the shortest span of the passage that "
            "answers the question, copied exactly, and nothing else.",
            instruction="Passage: {Context}\n\nQuestion: {Question}"),
        description="Question + Context -> the first answer's text.")
    summarization: TaskPrompt = Field(
        default_factory=lambda: TaskPrompt(
            system_prompt="You write short, faithful summaries. Reply with the summary only.",
            instruction="Summarize the following document.\n\n{Document}"),
        description="Document -> Summary.")
    translation: TranslationPrompt = Field(
        default_factory=lambda: TranslationPrompt(
            system_prompt="You are a translator. Reply with the translation only.",
            instruction="Translate from {source_language} to {target_language}:\n\n{Source_language}"),
        description="Source_language (the source text) -> Target_language (the target text).")
