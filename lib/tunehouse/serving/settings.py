"""Settings of the ``serve`` section (the scoring server) and its ``chat`` client defaults."""

from __future__ import annotations

from pydantic import Field

from tunehouse.config.base import Section


class ChatCliSettings(Section):
    """Defaults of the interactive `tunehouse chat` session (changeable in the session with /set)."""

    system_prompt: str | None = Field(None, description="System message that opens every conversation; null: none.")
    max_tokens: int = Field(128, ge=1, le=32768, description="Longest reply, in tokens.")
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature; 0 is greedy (deterministic).")
    top_p: float = Field(1.0, gt=0.0, le=1.0, description="Nucleus sampling mass when temperature > 0.")
    request_timeout_s: float = Field(120.0, gt=0, description="Seconds to wait for one reply from an endpoint.")


class ServeSettings(Section):
    """`tunehouse serve`: the registered chat model behind MLflow's scoring server (`tunehouse.serving.asgi`)."""

    model: str | None = Field(
        None,
        description="Model URI to serve (models:/NAME@ALIAS, models:/NAME/VERSION, runs:/...). Default: "
        "models:/<tracking.registered_model>@<tracking.champion_alias>.",
    )
    fallback_alias: str | None = Field(
        "candidate",
        description="When the default champion alias does not exist yet (nothing promoted), serve this alias "
        "instead and say so; null: fail instead.",
    )
    host: str = Field("127.0.0.1", description="Interface to bind; 127.0.0.1 is this machine only, 0.0.0.0 all.")
    port: int = Field(5001, ge=0, le=65535, description="Port to listen on; 0 picks a free one.")
    workers: int = Field(1, ge=1, le=64, description="Uvicorn worker processes (each loads the model).")
    torch_threads: int | None = Field(
        None, ge=1, le=256,
        description="torch threads per request in the server (OMP_NUM_THREADS); null: torch's default (all cores). "
        "On a small CPU box 1 lets concurrent requests use the cores side by side instead of oversubscribing them.")
    request_timeout_s: int = Field(120, ge=1, description="Per-request limit of the scoring server (504 after it).")
    startup_timeout_s: float = Field(300.0, gt=0, description="Seconds to wait for the server to answer /ping.")
    chat: ChatCliSettings = Field(default_factory=ChatCliSettings, description="`tunehouse chat` defaults.")
