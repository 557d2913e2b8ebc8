"""Stage 5: quality filters over the conversation frame.

``quality_filter(df, cfg) -> (kept, dropped)``. Before filtering, trailing user turns (messages
after the last assistant reply) are trimmed when ``trailing_user_turns="trim"`` (the default).
Then each filter below is one small function ``f(cfg) -> Column`` whose value is null to keep the
conversation, else a human-readable detail; the reason code is the filter's name. The stage is
their composition in this fixed order, and the first filter that fires names the reason:

    too_short, too_long, no_assistant_turn, no_user_turn, ends_without_assistant,
    garbage_text, agent_error_reply, canned_replies_only, language_not_allowed

Kept rows get ``language_detected`` and a ``quality`` struct (chars, n_user, n_assistant,
garbage_ratio, language_detected, language_confidence) for later stages and the gold table.
Dropped rows are the input rows (messages as they came in, before trimming) plus ``reason`` and
``detail``, so kept + dropped == input.

Work that needs Python (garbage classification per message, language identification) runs in
one pandas UDF per conversation that returns a struct of signals (:mod:`tunehouse.curation.signals`);
everything else (counts, regex checks on replies, thresholds, details) is Spark SQL, here. Nothing
is collected.

How "garbage" is judged, for real human chat: an assistant reply is held to a strict standard
(empty, no letters / emoji-only, one repeated character, keyboard mash, mojibake all count, and by
default one such reply drops the conversation), while customers' messages are judged leniently
("ok", "👍", "??", an order number alone are normal chat and do not count; empty messages,
keyboard mash, one repeated letter and mojibake do) and only a conversation that is mostly garbage
(``max_garbage_ratio``) or mostly non-letters (``min_letter_ratio``) is dropped for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from tunehouse.curation.frame import split_by_reason
from tunehouse.curation.settings import FILTER_ORDER, QualitySettings
from tunehouse.curation.signals.conversation import signals_udf
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings

# --------------------------------------------------------------------------------------------
# Signals: computed once per conversation as separate columns (so Spark evaluates each heavy
# expression once), then read by the filters. All names start with "_q_" and are dropped at the end.
# --------------------------------------------------------------------------------------------
PY = "_q_py"  # the pandas-UDF struct (SIGNALS_TYPE)


def _py(field: str) -> Column:
    return F.col(PY)[field]


def _q(name: str) -> Column:
    return F.col(f"_q_{name}")


def _nonblank(m: Column) -> Column:
    return F.trim(F.coalesce(m["content"], F.lit(""))) != ""


def _alternation(patterns: list[str], flags: str = "") -> str:
    return flags + "|".join(f"(?:{p})" for p in patterns)


def _leftover_words(c: Column, cfg: QualitySettings) -> Column:
    """Words (2+ letters) left in a reply once canned and filler text is removed."""
    rest = F.regexp_replace(c, _alternation(cfg.canned_reply_patterns, "(?iu)"), " ")
    if cfg.canned_filler_patterns:
        rest = F.regexp_replace(rest, _alternation(cfg.canned_filler_patterns, "(?iu)"), " ")
    words = F.split(F.trim(F.regexp_replace(rest, r"[^\p{L}]+", " ")), " ")
    return F.size(F.filter(words, lambda w: F.length(w) >= 2))


def add_quality_signals(df: DataFrame, cfg: QualitySettings | None = None) -> DataFrame:
    """Add the ``_q_*`` signal columns the filters read (one pandas UDF + Spark SQL)."""
    cfg = cfg or QualitySettings()
    udf = signals_udf(cfg.language_min_confidence)
    turns = F.filter("messages", lambda m: m["role"].isin("user", "assistant") & _nonblank(m))
    out = (
        df.withColumn("_q_turns", turns)
        .withColumn("_q_n", F.size("_q_turns"))
        .withColumn("_q_n_user", F.size(F.filter("_q_turns", lambda m: m["role"] == "user")))
        .withColumn("_q_chars", F.aggregate("_q_turns", F.lit(0).cast("long"),
                                            lambda acc, m: acc + F.length(m["content"])))
        .withColumn("_q_replies", F.transform(F.filter("_q_turns", lambda m: m["role"] == "assistant"),
                                              lambda m: m["content"]))
        .withColumn("_q_n_assistant", F.size("_q_replies"))
    )
    # messages after the last non-empty assistant reply (system notes aside)
    flags = F.transform(F.filter("messages", lambda m: m["role"] != "system"),
                        lambda m: (m["role"] == "assistant") & _nonblank(m))
    after = F.array_position(F.reverse(flags), True) - 1
    out = out.withColumn("_q_trailing", F.when(after < 0, F.size(flags)).otherwise(after))
    if cfg.error_reply_patterns:
        pattern = _alternation(cfg.error_reply_patterns)
        out = out.withColumn("_q_errors", F.filter("_q_replies", lambda c: c.rlike(pattern)))
    else:
        out = out.withColumn("_q_errors", F.array().cast("array<string>"))
    if cfg.canned_reply_patterns:
        canned = _alternation(cfg.canned_reply_patterns, "(?iu)")
        out = (out.withColumn("_q_canned", F.filter("_q_replies", lambda c: c.rlike(canned)))
               .withColumn("_q_contentless", F.forall(
                   "_q_replies", lambda c: _leftover_words(c, cfg) <= cfg.canned_max_leftover_words)))
    else:
        out = (out.withColumn("_q_canned", F.array().cast("array<string>"))
               .withColumn("_q_contentless", F.lit(False)))
    roles = F.transform("messages", lambda m: m["role"])
    contents = F.transform("messages", lambda m: m["content"])
    return out.withColumn(PY, udf(roles, contents))


def _plural(n: Column, one: str, many: str) -> Column:
    return F.when(n == 1, F.lit(one)).otherwise(F.lit(many))


def _quote(c: Column, n: int = 80) -> Column:
    text = F.regexp_replace(F.trim(c), r"\s+", " ")
    return F.when(F.length(text) > n, F.concat(F.substring(text, 1, n - 1), F.lit("…"))).otherwise(text)


def _none() -> Column:
    return F.lit(None).cast("string")


# --------------------------------------------------------------------------------------------
# Filters: f(cfg) -> Column over the signal columns; null = keep, else a human-readable detail.
# The reason code is the function's name.
# --------------------------------------------------------------------------------------------
def too_short(cfg: QualitySettings) -> Column:
    return (F.when(_q("n") < cfg.min_messages,
                   F.format_string(f"%d non-empty user/assistant message(s), minimum {cfg.min_messages}", _q("n")))
            .when(_q("chars") < cfg.min_chars,
                  F.format_string(f"%d characters of user/assistant text, minimum {cfg.min_chars}", _q("chars"))))


def too_long(cfg: QualitySettings) -> Column:
    return (F.when(_q("n") > cfg.max_messages,
                   F.format_string(f"%d user/assistant messages, maximum {cfg.max_messages}", _q("n")))
            .when(_q("chars") > cfg.max_chars,
                  F.format_string(f"%d characters of user/assistant text, maximum {cfg.max_chars}", _q("chars"))))


def no_assistant_turn(cfg: QualitySettings) -> Column:
    return F.when(_q("n_assistant") == 0, F.lit("no non-empty assistant reply"))


def no_user_turn(cfg: QualitySettings) -> Column:
    if not cfg.require_user_turn:
        return _none()
    return F.when(_q("n_user") == 0, F.lit("no non-empty user message"))


def ends_without_assistant(cfg: QualitySettings) -> Column:
    """Only with trailing_user_turns="drop" (with "trim" those messages are removed first)."""
    if cfg.trailing_user_turns != "drop":
        return _none()
    return F.when(_q("trailing") > 0,
                  F.format_string("ends with %d message(s) after the last assistant reply", _q("trailing")))


def garbage_text(cfg: QualitySettings) -> Column:
    n_a, g_a = _py("n_assistant_checked"), _py("n_assistant_garbage")
    n, g = _py("n_checked"), _py("n_garbage")
    letters, visible = _py("letters"), _py("visible")
    return (
        F.when((n_a > 0) & (g_a / n_a > cfg.max_assistant_garbage_ratio),
               F.concat(F.format_string("%d of %d assistant %s %s garbage (", g_a, n_a,
                                        _plural(n_a, "reply", "replies"), _plural(g_a, "is", "are")),
                        _py("assistant_garbage_example"), F.lit(")")))
        .when((n > 0) & (g / n > cfg.max_garbage_ratio),
              F.concat(F.format_string("%d of %d messages are garbage (", g, n), _py("garbage_kinds"),
                       F.lit("), e.g. "), _py("garbage_example")))
        .when((visible > 0) & (letters / visible < cfg.min_letter_ratio),
              F.format_string(f"only %.0f%% of the text is letters, minimum {cfg.min_letter_ratio * 100:.0f}%%",
                              letters / visible * 100))
    )


def agent_error_reply(cfg: QualitySettings) -> Column:
    n_err, n_all = F.size(_q("errors")), _q("n_assistant")
    return F.when(n_err > 0, F.concat(
        F.format_string("%d of %d assistant %s %s an error: '", n_err, n_all,
                        _plural(n_all, "reply", "replies"), _plural(n_err, "is", "are")),
        _quote(F.element_at(_q("errors"), 1)), F.lit("'")))


def canned_replies_only(cfg: QualitySettings) -> Column:
    n = _q("n_assistant")
    return F.when((n > 0) & _q("contentless") & (F.size(_q("canned")) > 0), F.concat(
        F.format_string("%s %d assistant %s canned: '", F.when(n == 1, F.lit("the")).otherwise(F.lit("all")), n,
                        _plural(n, "reply is", "replies are")),
        _quote(F.element_at(_q("canned"), 1)), F.lit("'")))


# Language names and ISO 639-2 codes exports use instead of ISO 639-1 ("English", "eng", "Deutsch").
_LANGUAGE_NAMES = {
    "english": "en", "eng": "en", "spanish": "es", "español": "es", "espanol": "es", "castellano": "es",
    "spa": "es", "french": "fr", "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr", "german": "de",
    "deutsch": "de", "deu": "de", "ger": "de", "italian": "it", "italiano": "it", "ita": "it",
    "portuguese": "pt", "português": "pt", "portugues": "pt", "por": "pt", "dutch": "nl", "nederlands": "nl",
    "nld": "nl", "dut": "nl", "polish": "pl", "polski": "pl", "pol": "pl",
}


def _source_language() -> Column:
    """The source's language column as an ISO 639-1 code: 'en-US', 'EN', 'English (UK)', 'eng' -> 'en'."""
    code = F.lower(F.split(F.trim(F.col("language")), r"[-_\s(]").getItem(0))
    names = F.create_map(*[F.lit(x) for kv in _LANGUAGE_NAMES.items() for x in kv])
    return F.coalesce(F.element_at(names, code), code)


def language_not_allowed(cfg: QualitySettings) -> Column:
    allowed = sorted(set(cfg.languages))
    allowed_text = ", ".join(allowed)
    lang, conf = _py("language"), _py("language_confidence")
    out = F.when(lang.isNotNull() & ~lang.isin(*allowed),
                 F.format_string(f"detected %s (confidence %.2f); allowed: {allowed_text}", lang, conf))
    for role in cfg.language_check_roles:
        rl, rc = _py(f"{role}_language"), _py(f"{role}_language_confidence")
        out = out.when(rl.isNotNull() & ~rl.isin(*allowed),
                       F.format_string(f"{role} text is %s (confidence %.2f); allowed: {allowed_text}", rl, rc))
    if cfg.undetermined_language == "drop":
        out = out.when(lang.isNull(), F.lit("language undetermined"))
    elif cfg.undetermined_language == "use_source":
        src = _source_language()
        out = out.when(lang.isNull() & src.isNotNull() & (src != "") & ~src.isin(*allowed),
                       F.format_string(f"language undetermined; source says '%s'; allowed: {allowed_text}",
                                       F.col("language")))
    return out


FILTERS: dict[str, Callable[[QualitySettings], Column]] = {
    "too_short": too_short,
    "too_long": too_long,
    "no_assistant_turn": no_assistant_turn,
    "no_user_turn": no_user_turn,
    "ends_without_assistant": ends_without_assistant,
    "garbage_text": garbage_text,
    "agent_error_reply": agent_error_reply,
    "canned_replies_only": canned_replies_only,
    "language_not_allowed": language_not_allowed,
}
assert tuple(FILTERS) == FILTER_ORDER


# --------------------------------------------------------------------------------------------
# Transforms and the stage
# --------------------------------------------------------------------------------------------
def trim_trailing_user_turns(df: DataFrame) -> DataFrame:
    """Remove the messages after the last non-empty assistant reply (trailing user messages, and any
    system notes or empty replies among them). Conversations with no assistant reply are unchanged."""
    flags = F.transform("messages", lambda m: (m["role"] == "assistant") & _nonblank(m))
    pos = F.array_position(F.reverse(flags), True)  # 1-based from the end; 0 = none
    keep = F.size("messages") - pos + 1
    return df.withColumn("messages", F.when(pos > 0, F.slice("messages", F.lit(1), keep))
                         .otherwise(F.col("messages")))


def quality_verdict(cfg: QualitySettings) -> Column:
    """struct<reason, detail> of the first enabled filter that fires (fixed order), or null (keep).
    Needs the columns of :func:`add_quality_signals`."""
    enabled = set(cfg.enabled_filters)
    verdict: Column | None = None
    for name in FILTER_ORDER:
        if name not in enabled:
            continue
        detail = FILTERS[name](cfg)
        hit = F.struct(F.lit(name).alias("reason"), F.coalesce(detail, F.lit("")).alias("detail"))
        verdict = F.when(detail.isNotNull(), hit) if verdict is None else verdict.when(detail.isNotNull(), hit)
    if verdict is None:
        return F.lit(None).cast("struct<reason: string, detail: string>")
    return verdict


QUALITY_TYPE = ("struct<chars: bigint, n_user: int, n_assistant: int, garbage_ratio: double, "
                "language_detected: string, language_confidence: double, trimmed_messages: int>")


def quality_filter(df: DataFrame, cfg: QualitySettings | None = None) -> tuple[DataFrame, DataFrame]:
    """Stage 5. Returns (kept, dropped); see the module docstring."""
    cfg = cfg or QualitySettings()
    columns = df.columns
    work = df.withColumn("_q_original_messages", F.col("messages"))
    if cfg.trailing_user_turns == "trim":
        work = trim_trailing_user_turns(work)
    # cached: kept and dropped are two plans over it, and the signals UDF is the expensive part
    work = add_quality_signals(work, cfg).withColumn("_q_verdict", quality_verdict(cfg)).cache()
    kept, dropped = split_by_reason(work, F.col("_q_verdict.reason"), F.col("_q_verdict.detail"))
    quality = F.struct(
        _q("chars").alias("chars"),
        _q("n_user").alias("n_user"),
        _q("n_assistant").alias("n_assistant"),
        F.when(_py("n_checked") > 0, _py("n_garbage") / _py("n_checked")).otherwise(F.lit(0.0))
        .alias("garbage_ratio"),
        _py("language").alias("language_detected"),
        _py("language_confidence").alias("language_confidence"),
        # messages removed by trailing_user_turns="trim" (kept conversations only; nothing is lost silently)
        (F.size("_q_original_messages") - F.size("messages")).cast("int").alias("trimmed_messages"),
    )
    kept = (kept.withColumn("language_detected", _py("language"))
            .withColumn("quality", quality)
            .select(*columns, "language_detected", "quality"))
    dropped = (dropped.withColumn("messages", F.col("_q_original_messages"))
               .select(*columns, "reason", "detail"))
    return kept, dropped


class Quality:
    name = "quality"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(*quality_filter(df, settings.curate.quality))
