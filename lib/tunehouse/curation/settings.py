"""The ``curate`` configuration section: one sub-section per stage, in the order the stages run.

Every stage's knobs and their defaults live here (plain pydantic), so loading the configuration never
imports Spark; the stage modules import their section from this module.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from tunehouse.config.base import Section

MAX_HASHES = 1024


DEFAULT_SHINGLE_SIZE = {"word": 3, "char": 5}
FilterName = Literal[
    "too_short", "too_long", "no_assistant_turn", "no_user_turn", "ends_without_assistant",
    "garbage_text", "agent_error_reply", "canned_replies_only", "language_not_allowed",
]


FILTER_ORDER: tuple[str, ...] = (
    "too_short", "too_long", "no_assistant_turn", "no_user_turn", "ends_without_assistant",
    "garbage_text", "agent_error_reply", "canned_replies_only", "language_not_allowed",
)


class AssembleSettings(Section):
    system_message: str | None = Field(
        None, description="Your instructions, used as the system message where system_message_policy says; null "
        "(the default): none is added, and a conversation keeps the system message it came with, if any. The "
        "curation summary says which conversations got theirs from the data, from this setting or have none.")
    system_message_policy: Literal["replace", "add_if_missing", "keep"] = Field(
        "add_if_missing",
        description="add_if_missing (default): a conversation that opens with a system message keeps it, the others "
        "start with system_message (when set); replace: drop the logs' own system rows and start every conversation "
        "with system_message (for helpdesk exports whose system rows are events such as 'Customer joined the "
        "chat', not instructions: the model is trained with the prompt it will be served with); keep: leave system "
        "rows as logged and add nothing.",
    )
    merge_consecutive: bool = Field(
        True, description="Merge consecutive messages of the same role (a customer typing three lines in a row) "
        "into one, joined by a newline: chat templates expect alternating turns.")
    unicode_form: Literal["NFC", "NFKC", "none"] = Field(
        "NFKC", description="Unicode normalisation of every message (NFKC folds full-width and compatibility forms)."
    )


class ExactDedupSettings(Section):
    enabled: bool = Field(True, description="Drop exact duplicates (after scrubbing and normalisation).")
    ignore_system: bool = Field(True, description="Leave system messages out of the hash (they are usually the "
                                "same company instructions everywhere).")


class NearDedupSettings(Section):
    """Near-duplicate removal (curation stage 4): MinHash LSH with banding, verified by real Jaccard."""

    enabled: bool = Field(True, description="Run near-duplicate removal; when false every conversation is kept.")
    shingle: Literal["word", "char"] = Field(
        "word", description="Shingle unit: word n-grams (default; robust for chat text, few shingles) or "
        "character n-grams (more tolerant of typos and of languages written without spaces, ~5x the shingles).")
    shingle_size: int | None = Field(
        None, ge=1, le=32, description="Shingle length n in words or characters; null picks 3 for word, 5 for char.")
    roles: list[Literal["system", "user", "assistant"]] = Field(
        ["user", "assistant"], min_length=1, description="Messages whose contents are compared. The system "
        "message is left out by default: it is the same company instruction everywhere.")
    num_bands: int = Field(
        25, ge=1, le=MAX_HASHES, description="LSH bands b. With rows r a pair of Jaccard s becomes a candidate "
        "with probability 1-(1-s^r)^b: 25x8 gives 0.99 at s=0.8 and 0.09 at s=0.5.")
    rows_per_band: int = Field(
        8, ge=1, le=64, description="Minhashes per band r; b*r minhashes per conversation (at most 1024).")
    threshold: float = Field(
        0.8, gt=0.0, le=1.0, description="Candidate pairs are merged only when the real Jaccard of their "
        "shingle sets is at least this.")
    seed: int = Field(20240501, ge=0, description="Seed of the minhash coefficients: the same seed, the same result.")
    max_bucket_size: int = Field(
        1000, ge=2, description="LSH buckets with more members than this (boilerplate shared by many "
        "conversations) are skipped with a warning, bounding the pairs any bucket can produce.")
    max_iterations: int = Field(
        30, ge=1, le=1000, description="Bound on connected-components rounds (each roughly halves the "
        "distance to a component's smallest id); if reached, a warning is logged and components may stay split.")

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError(f"roles must not repeat, got {v}")
        return v

    @model_validator(mode="after")
    def _hash_budget(self) -> "NearDedupSettings":
        if self.num_bands * self.rows_per_band > MAX_HASHES:
            raise ValueError(f"num_bands * rows_per_band must be <= {MAX_HASHES}, got "
                             f"{self.num_bands} * {self.rows_per_band} = {self.num_bands * self.rows_per_band}")
        return self

    @property
    def num_hashes(self) -> int:
        return self.num_bands * self.rows_per_band

    @property
    def effective_shingle_size(self) -> int:
        return self.shingle_size or DEFAULT_SHINGLE_SIZE[self.shingle]

    def candidate_probability(self, jaccard: float) -> float:
        """P(a pair with this Jaccard shares at least one band) = 1 - (1 - s^r)^b."""
        return 1.0 - (1.0 - jaccard ** self.rows_per_band) ** self.num_bands

    def s_curve(self, points=(0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)) -> dict[float, float]:
        return {s: self.candidate_probability(s) for s in points}


# Replies that show a broken template/bot instead of an answer. Java regex syntax (Spark rlike),
# kept to the subset Python's re shares. Matched against each assistant reply as written.
DEFAULT_ERROR_PATTERNS = [
    r"\[\s*(?:ERROR|Error|error|ERR|EXCEPTION|Exception|FATAL)\s*\]",             # [ERROR] ...
    r"^\s*(?:ERROR|Error|Exception|FATAL|Fatal error)\s*:",                       # Error: macro missing
    r"(?i)^\s*(?:undefined|null|none|nan|nil|n/a|#n/a|\[object object\]|true|false)\s*$",  # a bare value
    r"\[object Object\]",
    r"\bNaN\b",
    r"Traceback \(most recent call last\)",
    r"^\s*[A-Z]\w*(?:Error|Exception)\s*:",                                       # KeyError: 'name'
    r"\bat [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)",                            # Java stack frame
    r"(?i)\b(?:template|macro|snippet|partial)\b[^.\n]{0,40}\b(?:not found|missing|undefined|does not exist)",
    r"(?i)\b(?:missing|unknown|undefined)\s+(?:template|macro|variable|placeholder)\b",
    r"\{\{[^{}\n]{1,80}\}\}",                                                     # {{ customer.name }}
    r"\{%[^%\n]{1,80}%\}",                                                        # {% if x %}
    r"\$\{[^{}\s]{1,60}\}",                                                       # ${first_name}
    r"%[A-Z][A-Z0-9_]{2,}%",                                                      # %CUSTOMER_NAME%
    r"%\(\w+\)[sd]",                                                              # %(name)s
    r"(?<![\w%])%[sd](?!\w)",                                                     # a lone %s / %d
    r"<template:[^<>]{1,60}>",
    r"\{[a-z_]+\.[a-z_.]+\}",                                                     # {customer.first_name}
    r"(?i)^\s*(?:hi|hello|hey|dear|hola|bonjour|hallo|ciao|ol[aá])\s+(?:undefined|null|none|nan)\b",
    r"(?:[:=])\s*(?:undefined|null|NaN)\s*(?:[.,;!]|$)",  # ref: undefined. ("Fees: None." is an answer)
]


# Canned apologies / stock lines. A reply is "canned" when it matches one of these and nothing but
# filler (greetings, thanks, sign-offs, placeholders) is left once they are removed.
# Case-insensitive (matched with (?iu)).
DEFAULT_CANNED_PATTERNS = [
    # en
    r"(?:we|i)(?: do| would like to)? (?:sincerely |truly )?apologi[sz]e for (?:the|any|this) (?:inconvenience|trouble|delay)s?(?: (?:this|that) (?:may have |has )?caused)?",
    r"(?:we are|we're|i am|i'm) (?:very |so |truly )?sorry for (?:the|any|this) (?:inconvenience|trouble)(?: caused)?",
    r"(?:sorry|apologies) for (?:the|any) (?:inconvenience|trouble)(?: caused)?",
    r"please try again later",
    r"thank you for your (?:patience|understanding)(?: and (?:understanding|patience|cooperation))?",
    r"thank you for (?:contacting|reaching out to|writing to) us",
    r"your (?:request|case|ticket|query|inquiry|enquiry|complaint|message) has been (?:forwarded|escalated|passed on|sent|transferred) to the (?:relevant|appropriate|responsible|right) (?:department|team)",
    r"(?:we|i) will get back to you (?:as soon as possible|shortly|soon|asap)",
    r"we are (?:currently )?experiencing (?:a )?(?:high|higher than usual|unusually high) (?:volume|number) of (?:requests|contacts|calls|enquiries|inquiries)",
    # es
    r"(?:disculpe|disculpen|perdone|perdonen) las molestias(?: ocasionadas)?",
    r"(?:lamentamos|sentimos|le pedimos disculpas por) (?:las|cualquier|los) (?:molestias?|inconvenientes?)(?: ocasionad[oa]s?| causad[oa]s?)?",
    r"(?:por favor,? )?(?:inténtelo|vuelva a intentarlo|intente|inténtalo) (?:de nuevo |otra vez )?más tarde",
    r"gracias por su (?:paciencia|comprensión)(?: y (?:comprensión|paciencia))?",
    r"su (?:solicitud|consulta|caso|petición|reclamación) (?:ha sido|se ha) (?:remitid[oa]|enviad[oa]|transferid[oa]|escalad[oa]|derivad[oa]) al (?:departamento|equipo) (?:correspondiente|responsable|competente)",
    # fr
    r"(?:nous vous prions de |veuillez )?(?:nous )?excuser (?:pour )?(?:la gêne|le désagrément|les désagréments)(?: occasionnée?s?)?",
    r"(?:nous sommes|je suis) (?:vraiment )?désolée?s? pour (?:la gêne|le désagrément|ce désagrément|les désagréments)(?: occasionnée?s?)?",
    r"(?:désolée?s?|toutes nos excuses) pour (?:la gêne|le désagrément|les désagréments)(?: occasionnée?s?)?",
    r"(?:veuillez |merci de )?réessayer plus tard",
    r"merci (?:pour|de) votre (?:patience|compréhension)(?: et (?:de )?votre (?:compréhension|patience))?",
    r"votre demande a été transmise au service (?:compétent|concerné)",
    # de
    r"(?:wir bitten(?: sie)?,? )?(?:die|etwaige) unannehmlichkeiten zu entschuldigen",
    r"(?:bitte )?entschuldigen sie (?:bitte )?(?:die|etwaige) unannehmlichkeiten",
    r"wir entschuldigen uns für (?:die|etwaige) unannehmlichkeiten",
    r"(?:bitte )?versuchen sie es später (?:noch einmal|erneut)",
    r"(?:vielen )?dank für ihre geduld(?: und ihr verständnis)?",
    r"(?:vielen )?dank für ihr verständnis",
    r"ihre anfrage wurde an die zuständige abteilung weitergeleitet",
    # it
    r"ci scusiamo per (?:il|l'|qualsiasi) ?(?:disagio|inconveniente)(?: arrecato| causato)?",
    r"(?:ci )?scus(?:i|ate) (?:per )?il disagio",
    r"(?:la preghiamo di |si prega di )?riprovare più tardi",
    r"grazie per la (?:sua |vostra )?(?:pazienza|comprensione)",
    r"la (?:sua|vostra) richiesta è stata inoltrata al reparto (?:competente|responsabile)",
    # pt
    r"(?:pedimos )?desculpe?(?:a)? (?:pelo|o|pelos|os|qualquer) (?:incómodo|incômodo|transtorno|inconveniente)s?(?: causados?)?",
    r"lamentamos (?:o|pelo|qualquer|os) (?:incómodo|incômodo|transtorno|inconveniente)s?",
    r"(?:por favor,? )?tente (?:novamente|de novo) mais tarde",
    r"obrigad[oa] pela (?:sua )?(?:paciência|compreensão)(?: e (?:compreensão|paciência))?",
    r"o seu pedido foi encaminhado para o (?:departamento|setor|sector) (?:responsável|competente)",
    # nl
    r"(?:onze )?excuses voor het ongemak",
    r"(?:sorry|wij bieden onze excuses aan|we bieden onze excuses aan) voor het ongemak",
    r"probeer het later (?:nog eens|opnieuw)",
    r"bedankt voor (?:uw|je) (?:geduld|begrip)(?: en (?:begrip|geduld))?",
    r"(?:uw|je) (?:verzoek|vraag) is doorgestuurd naar de (?:juiste|betreffende|verantwoordelijke) afdeling",
]


# Greetings, thanks and sign-offs that may surround a canned line without adding content.
DEFAULT_FILLER_PATTERNS = [
    r"\b(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b",
    r"\b(?:thanks|thank you|many thanks|regards|best regards|kind regards|best wishes|cheers|sincerely)\b",
    r"\bhave a (?:nice|good|great|lovely) (?:day|evening|weekend|trip)\b",
    r"\b(?:customer )?(?:service|support|care) team\b",
    r"\b(?:hola|buenas|buenos días|buenas tardes|estimad[oa]|saludos|gracias|muchas gracias|atentamente|un saludo)\b",
    r"\b(?:bonjour|bonsoir|salut|madame|monsieur|cher|chère|merci|cordialement|bien à vous|bonne journée)\b",
    r"\b(?:hallo|guten (?:tag|morgen|abend)|sehr geehrte[r]?|liebe[r]?|danke|vielen dank|viele grüße|mit freundlichen grüßen|grüße)\b",
    r"\b(?:ciao|buongiorno|buonasera|gentile|salve|grazie|cordiali saluti|saluti)\b",
    r"\b(?:olá|ola|bom dia|boa tarde|boa noite|caro|cara|obrigad[oa]|cumprimentos|atenciosamente)\b",
    r"\b(?:hoi|goedemorgen|goedemiddag|goedenavond|beste|bedankt|dank je|dank u|met vriendelijke groet|groeten)\b",
    r"<[A-Za-z][A-Za-z0-9_]*>",  # placeholders left by PII scrubbing
]


class QualitySettings(Section):
    """Stage 5 settings: which conversations are good enough to train on."""

    enabled_filters: list[FilterName] = Field(
        list(FILTER_ORDER),
        description="Filters to run (they always run in the fixed order: too_short, too_long, no_assistant_turn, "
        "no_user_turn, ends_without_assistant, garbage_text, agent_error_reply, canned_replies_only, "
        "language_not_allowed). Remove a name to switch that filter off.",
    )
    min_messages: int = Field(2, ge=1, description="Fewer non-empty user+assistant messages than this: too_short.")
    min_chars: int = Field(20, ge=0, description="Fewer characters of user+assistant text than this: too_short.")
    max_messages: int = Field(200, ge=1, description="More non-empty user+assistant messages than this: too_long.")
    max_chars: int = Field(
        32_000, ge=1, description="More characters of user+assistant text than this: too_long (about 8k tokens; "
        "set it from your base model's context length).")
    require_user_turn: bool = Field(True, description="Drop conversations with no non-empty user message (no_user_turn).")
    trailing_user_turns: Literal["trim", "drop"] = Field(
        "trim",
        description="Messages after the last assistant reply (a customer who wrote again and got no answer): 'trim' "
        "removes them before filtering; 'drop' keeps them and drops conversations that do not end with an "
        "assistant reply (ends_without_assistant).",
    )
    languages: list[str] = Field(
        ["en", "es", "fr", "de"], min_length=1,
        description="Allowed languages (ISO 639-1). Detection covers en, es, fr, de, it, pt, nl fully, names other "
        "European languages and non-Latin scripts, and says 'unsure' for text too short to tell.",
    )
    language_min_confidence: float = Field(
        0.5, ge=0.0, le=1.0, description="Detections below this confidence count as undetermined.")
    language_check_roles: list[Literal["user", "assistant"]] = Field(
        ["user", "assistant"],
        description="Besides the whole conversation, the text of each listed role must not be confidently in a "
        "language outside `languages` (catches a customer writing Italian answered in English).",
    )
    undetermined_language: Literal["keep", "drop", "use_source"] = Field(
        "use_source",
        description="When the language cannot be detected (emoji, numbers, a few words): 'use_source' trusts the "
        "source's `language` column (kept when it is null), 'keep' keeps, 'drop' drops.",
    )
    max_assistant_garbage_ratio: float = Field(
        0.0, ge=0.0, le=1.0,
        description="Share of assistant replies that may be garbage (empty, no letters/emoji-only, one repeated "
        "character, keyboard mash, mojibake); above it: garbage_text. 0 = any garbage reply drops the conversation.",
    )
    max_garbage_ratio: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Share of all user+assistant messages that may be garbage; above it: garbage_text. Customers' "
        "'ok', '👍', '??' or an order number alone are not garbage; empty messages, keyboard mash, one repeated "
        "letter and mojibake are.",
    )
    min_letter_ratio: float = Field(
        0.25, ge=0.0, le=1.0,
        description="Minimum share of letters among the non-space characters of the whole conversation; below "
        "it (dumps of numbers, symbols, emoji): garbage_text.",
    )
    error_reply_patterns: list[str] = Field(
        DEFAULT_ERROR_PATTERNS,
        description="Regexes (Java syntax, as Spark's rlike; case-sensitive unless (?i)) that mark an assistant "
        "reply as a system/template error; any matching reply drops the conversation (agent_error_reply).",
    )
    canned_reply_patterns: list[str] = Field(
        DEFAULT_CANNED_PATTERNS,
        description="Regexes (case-insensitive) of canned apologies and stock lines. When every assistant reply is "
        "such a line plus filler, the conversation is dropped (canned_replies_only).",
    )
    canned_filler_patterns: list[str] = Field(
        DEFAULT_FILLER_PATTERNS,
        description="Regexes (case-insensitive) of greetings, thanks, sign-offs and placeholders that may surround "
        "a canned line without making it a real answer.",
    )
    canned_max_leftover_words: int = Field(
        1, ge=0,
        description="Words (2+ letters) that may remain in a reply once canned and filler text is removed for it "
        "to still count as canned (an agent's name, say).",
    )

    @field_validator("languages")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        out = [c.strip().lower() for c in v]
        bad = [c for c in out if not re.fullmatch(r"[a-z]{2,3}", c)]
        if bad:
            raise ValueError(f"language codes must be ISO 639-1 like 'en', got {bad}")
        return out

    @field_validator("error_reply_patterns", "canned_reply_patterns", "canned_filler_patterns")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"invalid regex {p!r}: {e}") from None
        return v

    @model_validator(mode="after")
    def _ranges(self) -> "QualitySettings":
        if self.min_messages > self.max_messages:
            raise ValueError(f"min_messages ({self.min_messages}) > max_messages ({self.max_messages})")
        if self.min_chars > self.max_chars:
            raise ValueError(f"min_chars ({self.min_chars}) > max_chars ({self.max_chars})")
        return self


class DiversitySettings(Section):
    enabled: bool = Field(True, description="Cluster and cap; when false every conversation is kept (cluster 0).")
    method: Literal["minilm", "hashed_tfidf"] = Field("minilm", description="Representation used for clustering.")
    text: Literal["first_user", "conversation"] = Field(
        "first_user", description="What is embedded: the customer's first message (carries the topic, cheap) or "
        "the whole conversation (truncated to max_chars).")
    max_chars: int = Field(512, ge=16, description="Characters of text embedded per conversation.")
    num_clusters: int | None = Field(None, ge=2, le=1000, description="KMeans k; null = ~sqrt(n/2) in [2, 64].")
    target_size: int | None = Field(None, ge=1, description="At most this many conversations kept; null = no target.")
    max_cluster_fraction: float = Field(0.25, gt=0, le=1, description="No cluster takes more than this share of "
                                        "the kept set.")
    min_cluster_quota: int = Field(1, ge=0, description="Every cluster keeps at least this many (if it has them).")
    batch_size: int = Field(64, ge=1, description="Embedding batch size.")
    hashing_features: int = Field(4096, ge=64, description="hashed_tfidf: feature dimensions.")
    seed: int = Field(13, description="Seed of KMeans and of the within-cluster sample.")


DEFAULT_STYLE_MARKERS = [
    r"(?i)^\W*(hi|hello|hey|dear|good (morning|afternoon|evening)|hola|bonjour|hallo|buenos d[ií]as|guten tag)\b",
    r"(?i)\b(thank(s| you)|gracias|merci|danke|I understand|sorry to hear|happy to help|glad to help|"
    r"I('| a)m sorry|lo siento|d[ée]sol[ée]|es tut mir leid)\b",
    r"(?i)(\n\s*[-*\d][.)]?\s+\w|\b(first|then|next|step|you can|please (send|check|confirm|reply)|I('| ha)ve "
    r"(updated|changed|booked|sent|processed|cancelled|canceled))\b)",
    r"(?i)\b(let me know|anything else|have a (great|nice|good|wonderful)|best regards|kind regards|safe travels|"
    r"bon voyage|buen viaje|gute reise)\b",
]


class WeightSettings(Section):
    min_csat: int = Field(4, ge=1, le=5, description="Replies in conversations rated at least this are learned (weight 1).")
    unrated_policy: Literal["agent", "style", "learn", "context"] = Field(
        "agent", description="Unrated conversations: agent = learn replies unless the agent's rated conversations "
        "average below min_agent_mean_csat; style = learn replies that follow the house style (style_markers); "
        "learn = learn all; context = learn none.")
    min_agent_mean_csat: float = Field(4.0, ge=1, le=5, description="unrated_policy=agent: agents whose rated "
                                       "conversations average below this are not learned from when unrated (the "
                                       "same bar as min_csat by default: learn unrated replies of agents whose "
                                       "typical conversation would itself be learned).")
    min_agent_ratings: int = Field(5, ge=1, description="unrated_policy=agent: ratings an agent needs before "
                                   "their average counts (fewer: no evidence, replies are learned).")
    style_markers: list[str] = Field(DEFAULT_STYLE_MARKERS, description="House-style markers (Java regexes); "
                                     "a reply's style score is the share it matches.")
    min_style_score: float = Field(0.5, ge=0, le=1, description="Style score needed to learn an unrated reply.")
    min_reply_chars: int = Field(20, ge=0, description="Shorter replies stay as context (weight 0).")
    exclude_agents: list[str] = Field([], description="Agents whose replies are never learned.")
    include_agents: list[str] = Field([], description="If set, only these agents' replies are learned.")
    respect_source_weights: bool = Field(True, description="Keep weights that came with imported chat JSONL.")
    fractional: bool = Field(False, description="Weights in [0, 1] from rating and style instead of exactly 0/1.")


class SplitSettings(Section):
    train: float = Field(0.8, ge=0, le=1, description="Share of conversations in train.")
    validation: float = Field(0.1, ge=0, le=1, description="Share in validation (per-epoch validation loss).")
    test: float = Field(0.1, ge=0, le=1, description="Share in test (batch evaluation, never trained on).")
    seed: int = Field(17, description="Salt of the hash: change it to draw a different split.")
    validation_data: str | None = Field(
        None, description="Your own validation set: a chat JSONL file (one {\"messages\": [...]} per line) or a "
        "Delta table (with a messages column, or message rows like bronze.chat_messages). Its conversations go "
        "through the same assembly, PII scrubbing, deduplication, quality filters and weights, and are the "
        "validation split; the random split's validation share goes to train, and training conversations that "
        "duplicate one of them are dropped (silver.dropped, reason duplicate_of_validation). Null: the random split.")
    test_data: str | None = Field(
        None, description="Your own test set (evaluation), as validation_data: a chat JSONL file or a Delta table. "
        "It replaces the random split's test share (which goes to train); training conversations that duplicate "
        "one of it are dropped (reason duplicate_of_test). Null: the random split.")

    @property
    def own_data(self) -> dict[str, str]:
        """The splits the user supplies data for: split name -> file or table."""
        return {split: source for split, source in (("validation", self.validation_data), ("test", self.test_data))
                if source}

    @model_validator(mode="after")
    def _sums_to_one(self):
        total = self.train + self.validation + self.test
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"train + validation + test must be 1.0, got {total:.3f}")
        return self


class ExportSettings(Section):
    max_residual_entities: int = Field(
        0, ge=0, description="Residual-PII gate: detections allowed in the exported text before the job fails.")
    gate_entities: list[str] | None = Field(
        None, description="Entity types the gate counts; null = every type the scrubber detects.")
    exports_dir: Path | None = Field(None, description="Where dataset folders go; default storage.root/exports.")


class CurateSettings(Section):
    """Curation stages in the order they run; each section configures one stage."""

    assemble: AssembleSettings = Field(default_factory=AssembleSettings)
    exact_dedup: ExactDedupSettings = Field(default_factory=ExactDedupSettings)
    near_dedup: NearDedupSettings = Field(default_factory=NearDedupSettings)
    quality: QualitySettings = Field(default_factory=QualitySettings)
    diversity: DiversitySettings = Field(default_factory=DiversitySettings)
    weights: WeightSettings = Field(default_factory=WeightSettings)
    split: SplitSettings = Field(default_factory=SplitSettings)
    export: ExportSettings = Field(default_factory=ExportSettings)
