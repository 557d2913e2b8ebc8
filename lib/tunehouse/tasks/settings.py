"""Settings of the ``tasks`` section: the system prompt and instruction template of each task that
``tunehouse prepare`` renders into chat conversations (see :mod:`tunehouse.tasks`). A conversation is the system
prompt, one user message (the instruction template filled with the row's task columns, ``{Column}``) and the
expected output as the assistant's reply."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from tunehouse.config.base import Section

_SYSTEM = "System message of every conversation of this task."


class TaskPrompt(Section):
    system_prompt: str
    instruction: str


class TextClassificationPrompt(TaskPrompt):
    system_prompt: str = Field(
        "You are a text classifier. Reply with exactly one label from the list and nothing else.", description=_SYSTEM)
    instruction: str = Field(
        "Classify the text into one of these labels: {labels}.\n\nText: {Sentence}",
        description="User message: {Sentence}; {labels}: the distinct labels of the prepared rows, sorted.")


class TokenClassificationPrompt(TaskPrompt):
    system_prompt: str = Field(
        "You are a named-entity tagger. Reply with one IOB2 tag per token, in order, separated by single spaces, "
        "and nothing else.", description=_SYSTEM)
    instruction: str = Field(
        "Tag each of the {n_tokens} tokens. Tags: {tags}.\n\nTokens: {Token}",
        description="User message: {Token} the tokens joined by spaces, {n_tokens} how many, {tags} the distinct "
        "tags of the prepared rows, sorted.")


class QuestionAnsweringPrompt(TaskPrompt):
    system_prompt: str = Field(
        "You answer questions about a passage. Reply with the shortest span of the passage that answers the "
        "question, copied exactly, and nothing else.", description=_SYSTEM)
    instruction: str = Field("Passage: {Context}\n\nQuestion: {Question}",
                             description="User message: {Context}, {Question}.")


class SummarizationPrompt(TaskPrompt):
    system_prompt: str = Field("You write short, faithful summaries. Reply with the summary only.",
                               description=_SYSTEM)
    instruction: str = Field("Summarize the following document.\n\n{Document}", description="User message: {Document}.")


class TranslationPrompt(TaskPrompt):
    system_prompt: str = Field("You are a translator. Reply with the translation only.", description=_SYSTEM)
    instruction: str = Field(
        "Translate from {source_language} to {target_language}:\n\n{Source_language}",
        description="User message: {Source_language} (the source text), {source_language} and {target_language} "
        "(the language names below).")
    source_language: str = Field("English", description="Name of the source language, as the prompts say it.")
    target_language: str = Field("German", description="Name of the target language.")


class TasksSettings(Section):
    """`tunehouse prepare --task TASK`: per-task prompts, and where the rendered conversations are written."""

    out_dir: Path | None = Field(
        None, description="Folder of the chat JSONL and quarantine files prepare writes (one pair per task and "
        "input); null: <storage.root>/raw/tasks.")
    text_classification: TextClassificationPrompt = Field(default_factory=TextClassificationPrompt,
                                                          description="Sentence -> Label.")
    token_classification: TokenClassificationPrompt = Field(default_factory=TokenClassificationPrompt,
                                                            description="Token -> Tag (one row per sentence).")
    question_answering: QuestionAnsweringPrompt = Field(default_factory=QuestionAnsweringPrompt,
                                                        description="Question + Context -> the first answer's text.")
    summarization: SummarizationPrompt = Field(default_factory=SummarizationPrompt, description="Document -> Summary.")
    translation: TranslationPrompt = Field(default_factory=TranslationPrompt,
                                           description="Source_language -> Target_language (texts).")
