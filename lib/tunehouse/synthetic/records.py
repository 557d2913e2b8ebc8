"""What a generator run is made of: a message (:class:`Msg`), the plan of one conversation (:class:`Spec`,
fixed by the main RNG) and a built conversation (:class:`Conv`) with where it is exported."""

from __future__ import annotations

from dataclasses import dataclass, field

from tunehouse.synthetic.personas import Persona


class Msg:
    __slots__ = ("sender", "agent_id", "gap", "segs", "tag")

    def __init__(self, sender: str, agent_id: str | None, gap: int, segs: list[tuple] | None, tag: str | None = None):
        self.sender, self.agent_id, self.gap, self.segs, self.tag = sender, agent_id, gap, segs, tag


@dataclass
class Spec:
    seed: int
    topic: str
    lang: str                 # language the conversation is written in
    tag: str                  # the exported `lang` column (sometimes wrong)
    channel: str
    agent: dict
    start: int                # seconds after START
    persona: Persona
    shape: str = "normal"     # normal | no_agent | unanswered
    handoff: bool = False
    long_message: bool = False
    foreign: str | None = None  # it/pt/nl/pl: customer writes in a language the desk doesn't support
    force_garbage: str | None = None  # guarantees every garbage kind shows up in small runs


@dataclass
class Conv:
    spec: Spec
    msgs: list[Msg]
    csat: int | None
    start: int
    kind: str = "original"    # original | exact_copy | scrub_copy | near_copy
    source: int | None = None
    files: list[str] = field(default_factory=list)
    conv_id: str = ""
