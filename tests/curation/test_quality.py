"""Stage 5 quality filters on small hand-made conversation frames (one Spark job per test)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from tunehouse.curation.settings import FILTER_ORDER, QualitySettings
from tunehouse.curation.signals.garbage import message_garbage
from tunehouse.curation.stages.quality import quality_filter, trim_trailing_user_turns


def U(text):
    return {"role": "user", "content": text}


def A(text):
    return {"role": "assistant", "content": text}


def S(text):
    return {"role": "system", "content": text}


HELLO = U("Hi, my parcel has not arrived yet, can you check please?")
ANSWER = A("Of course! I checked the tracking and it will be delivered tomorrow before noon.")


def conv(cid, *messages, **extra):
    return {"conversation_id": cid, "messages": list(messages), **extra}


def run(spark, rows, **settings):
    """quality_filter over the rows; one job: {conversation_id: Row(reason, detail, messages, ...)}."""
    from pyspark.sql import functions as F
    from tunehouse.curation.frame import make_conversations

    df = make_conversations(spark, rows)
    kept, dropped = quality_filter(df, QualitySettings(**settings))
    both = kept.select(
        "conversation_id", F.lit(None).cast("string").alias("reason"), F.lit(None).cast("string").alias("detail"),
        "messages", "language_detected", "quality",
    ).unionByName(dropped.select(
        "conversation_id", "reason", "detail", "messages",
        F.lit(None).cast("string").alias("language_detected"),
        F.lit(None).cast(kept.schema["quality"].dataType).alias("quality"),
    ))
    out = {r.conversation_id: r for r in both.collect()}
    assert sorted(out) == sorted(r["conversation_id"] for r in rows)  # kept + dropped == input, no duplicates
    return out


def reasons(out):
    return {cid: r.reason for cid, r in out.items()}


# ------------------------------------------------------------------------------------ settings
def test_settings_defaults_and_validation():
    cfg = QualitySettings()
    assert cfg.enabled_filters == list(FILTER_ORDER)
    assert cfg.languages == ["en", "es", "fr", "de"] and cfg.trailing_user_turns == "trim"
    for name, field in QualitySettings.model_fields.items():
        assert field.description, name
    with pytest.raises(ValidationError):
        QualitySettings(min_chars_typo=3)
    with pytest.raises(ValidationError):
        QualitySettings(enabled_filters=["too_short", "nonsense"])
    with pytest.raises(ValidationError):
        QualitySettings(error_reply_patterns=["(unclosed"])
    with pytest.raises(ValidationError):
        QualitySettings(min_messages=5, max_messages=3)
    with pytest.raises(ValidationError):
        cfg.trailing_user_turns = "keep"  # validate_assignment
    assert QualitySettings(languages=["EN", " fr "]).languages == ["en", "fr"]


# ------------------------------------------------------------------------------ message garbage
@pytest.mark.parametrize("text", ["ok", "👍", "??", "48213", "thanks!", "Ok 👍🏽", "hahaha", "Hmm", "pffff", "...",
                                  "strengths", "Bewertung der Lieferung", "the property is nice", "rhythm",
                                  "[attachment: IMG_2034.jpg]"])
def test_normal_customer_messages_are_not_garbage(text):
    assert message_garbage(text, "user") is None


@pytest.mark.parametrize("text,kind", [
    ("", "empty"), ("  \n\t", "empty"), ("asdfghjkl", "keyboard_mash"), ("jkljkl", "keyboard_mash"),
    ("sdfsdf sdfsdf", "keyboard_mash"), ("qwertzuiop", "keyboard_mash"), ("fjdkslafjdkslajfkd", "keyboard_mash"),
    ("aaaaaaa", "repeated_char"), ("Ã©tÃ© trÃ¨s bien", "mojibake"), ("Thatâ€™s fine", "mojibake"),
])
def test_garbage_customer_messages(text, kind):
    assert message_garbage(text, "user") == kind


def test_assistant_replies_are_judged_strictly():
    assert message_garbage("👍", "assistant") == "emoji_only"
    assert message_garbage("48213", "assistant") == "no_letters"
    assert message_garbage("👍", "user") is None
    assert message_garbage("Sure, done 👍", "assistant") is None


# ---------------------------------------------------------------------------------- size / turns
def test_size_and_turn_filters(spark):
    long_legit = A(" ".join(["To change your booking, open the app, choose the trip, tap 'Change' and pick "
                             "the new date; any fare difference is shown before you confirm."] * 20))
    out = run(spark, [
        conv("one_message", U("Hello, is anyone there to help me with my booking?")),
        conv("tiny", U("hi"), A("hey")),
        conv("long_but_fine", HELLO, long_legit),
        conv("too_many", *([HELLO, ANSWER] * 4)),
        conv("too_many_chars", HELLO, A("The details are as follows. " * 200)),
        conv("no_assistant", HELLO, U("Hello??"), S("Customer left the chat.")),
        conv("empty_assistant", HELLO, U("Hello? Is anybody there?"), A("   ")),
        conv("no_user", S("Conversation assigned."), A("Hello! How can I help you today with your booking?"),
             A("It seems you left, have a nice day and write back any time.")),
        conv("fine", HELLO, ANSWER),
    ], max_messages=6, max_chars=3000)
    r = reasons(out)
    assert r["one_message"] == "too_short" and r["tiny"] == "too_short"
    assert "minimum 2" in out["one_message"].detail and "characters" in out["tiny"].detail
    assert r["long_but_fine"] is None and r["fine"] is None
    assert r["too_many"] == "too_long" and "8 user/assistant messages, maximum 6" == out["too_many"].detail
    assert r["too_many_chars"] == "too_long"
    assert r["no_assistant"] == "no_assistant_turn" and r["empty_assistant"] == "no_assistant_turn"
    assert r["no_user"] == "no_user_turn"


def test_no_user_turn_can_be_allowed(spark):
    out = run(spark, [conv("no_user", A("Your refund for the cancelled flight has been issued today."),
                           A("It will show on your card statement within five working days."))],
              require_user_turn=False)
    assert out["no_user"].reason is None


# ---------------------------------------------------------------------------------- trailing turns
def test_trim_trailing_user_turns(spark):
    from tunehouse.curation.frame import make_conversations

    df = make_conversations(spark, [
        conv("trailing", HELLO, ANSWER, U("ok thanks"), U("👍"), S("Customer left the chat.")),
        conv("ends_ok", HELLO, ANSWER),
        conv("no_assistant", HELLO, U("hello?")),
        conv("empty_last_reply", HELLO, ANSWER, U("and the invoice?"), A(" ")),
    ])
    got = {r.conversation_id: [m.role for m in r.messages] for r in trim_trailing_user_turns(df).collect()}
    assert got == {"trailing": ["user", "assistant"], "ends_ok": ["user", "assistant"],
                   "no_assistant": ["user", "user"], "empty_last_reply": ["user", "assistant"]}


def test_trailing_turns_trim_vs_drop(spark):
    rows = [conv("trailing", HELLO, ANSWER, U("ok thanks"), U("👍")), conv("ends_ok", HELLO, ANSWER)]
    trimmed = run(spark, rows)
    assert trimmed["trailing"].reason is None and len(trimmed["trailing"].messages) == 2
    # the cut is recorded with the kept conversation (gold quality.trimmed_messages), not silent
    assert trimmed["trailing"].quality.trimmed_messages == 2 and trimmed["ends_ok"].quality.trimmed_messages == 0
    dropped = run(spark, rows, trailing_user_turns="drop")
    assert dropped["trailing"].reason == "ends_without_assistant"
    assert dropped["trailing"].detail == "ends with 2 message(s) after the last assistant reply"
    assert len(dropped["trailing"].messages) == 4  # dropped rows keep the messages as they came in
    assert dropped["ends_ok"].reason is None


# ---------------------------------------------------------------------------------------- garbage
def test_garbage_text(spark):
    out = run(spark, [
        conv("customer_ok_emoji", HELLO, ANSWER, U("ok"), A("Anything else I can do for you?"), U("👍"),
             A("Great, have a nice day!")),
        conv("customer_some_mash", HELLO, U("asdfghjkl"), ANSWER),
        conv("customer_mostly_garbage", U("sdfsdf"), U("qwertyuiop"), U("aaaaaaa"), ANSWER),
        conv("assistant_mash", HELLO, A("asdfghjkl")),
        conv("assistant_emoji_only", HELLO, ANSWER, U("thanks a lot"), A("👍👍")),
        conv("assistant_mojibake", HELLO, A("Weâ€™ve sent the rÃ©servation to your address.")),
        conv("numbers_dump", U("48213 48214 48215 48216 48217 48218 ref"), A("Ok, 48213 / 48214 — 12:30")),
    ])
    r = reasons(out)
    assert r["customer_ok_emoji"] is None and r["customer_some_mash"] is None
    assert r["customer_mostly_garbage"] == "garbage_text"
    assert out["customer_mostly_garbage"].detail == ("3 of 4 messages are garbage (keyboard mash, one repeated "
                                                     "character), e.g. user message 1, keyboard mash: 'sdfsdf'")
    assert r["assistant_mash"] == "garbage_text"
    assert out["assistant_mash"].detail == \
        "1 of 1 assistant reply is garbage (assistant reply 1, keyboard mash: 'asdfghjkl')"
    assert r["assistant_emoji_only"] == "garbage_text" and "emoji only" in out["assistant_emoji_only"].detail
    assert r["assistant_mojibake"] == "garbage_text" and "mojibake" in out["assistant_mojibake"].detail
    assert r["numbers_dump"] == "garbage_text" and "of the text is letters" in out["numbers_dump"].detail


def test_garbage_thresholds_are_settings(spark):
    rows = [conv("one_bad_reply", HELLO, ANSWER, U("and the invoice?"), A("👍"))]
    assert run(spark, rows)["one_bad_reply"].reason == "garbage_text"
    assert run(spark, rows, max_assistant_garbage_ratio=0.5)["one_bad_reply"].reason is None


# ------------------------------------------------------------------------------- error / canned
ERROR_REPLIES = [
    "[ERROR] template not found", "undefined", "null", "None", "NaN", "[object Object]",
    "Hi {{customer.first_name}}, thank you for contacting us!", "%CUSTOMER_NAME%, your request has been received.",
    "Dear ${first_name}, your booking is confirmed.", "Your total is %s.", "Error: macro 'greeting_default' missing",
    "Traceback (most recent call last):\n  File \"bot.py\", line 3", "<template:refund_steps_v2>",
    "Hello undefined, how can I help?", "Your booking reference: undefined.", "Total: NaN EUR",
]
NOT_ERRORS = [
    "Unfortunately the clause is null and void once the ticket has been used.",
    "The return date is still undefined, we will confirm it by email.",
    "None of today's flights to Lisbon are delayed.",
    "You get a 100% refund if you cancel within 24 hours.",
    "Error messages in the app usually disappear after an update; please update and try again.",
    "Your booking <BOOKING_REF_1> for <PERSON_1> is confirmed.",
    "Change fee: None. Fare difference: 0 EUR.",
]


@pytest.mark.parametrize("batch", [0, 1])
def test_agent_error_reply(spark, batch):
    rows = []
    if batch == 0:
        for i, reply in enumerate(ERROR_REPLIES):
            rows.append(conv(f"err{i}", HELLO, ANSWER, U("and the invoice?"), A(reply), U("hello?"),
                             A("Sorry, the invoice is attached to your booking email.")))
    else:
        for i, reply in enumerate(NOT_ERRORS):
            rows.append(conv(f"ok{i}", HELLO, A(reply)))
    out = run(spark, rows)
    for cid, row in out.items():
        if cid.startswith("err"):
            assert row.reason == "agent_error_reply", (cid, row.messages[3].content, row.reason, row.detail)
            assert row.detail.startswith("1 of 3 assistant replies is an error: '")
        else:
            assert row.reason is None, (row.messages[1].content, row.reason, row.detail)
    if batch == 0:
        assert out["err0"].detail == "1 of 3 assistant replies is an error: '[ERROR] template not found'"


def test_canned_replies_only(spark):
    out = run(spark, [
        conv("en_canned", U("My flight was cancelled and nobody told me!"), A("We apologize for the inconvenience."),
             U("That is not an answer."), A("Thank you for your patience. We apologize for the inconvenience.")),
        conv("greeting_plus_canned", U("Where is my refund? It has been three weeks."),
             A("Hi <PERSON_1>, sorry for the inconvenience. Kind regards, <PERSON_2>")),
        conv("unscrubbed_name", U("Where is my refund? It has been three weeks."),
             A("Hi Anna, we apologize for the inconvenience.")),
        conv("es_canned", U("Mi maleta no ha llegado a Madrid."), A("Disculpe las molestias.")),
        conv("fr_canned", U("Mon vol a été annulé, que faire ?"),
             A("Nous vous prions de nous excuser pour la gêne occasionnée.")),
        conv("de_canned", U("Mein Koffer ist nicht angekommen."), A("Wir bitten die Unannehmlichkeiten zu entschuldigen.")),
        conv("canned_plus_answer", U("My flight was cancelled and nobody told me!"),
             A("Sorry for the inconvenience. I have rebooked you on the 9:40 flight tomorrow at no cost.")),
        conv("one_canned_one_real", U("My flight was cancelled and nobody told me!"),
             A("We apologize for the inconvenience."), U("So what now?"),
             A("I can rebook you tomorrow morning or refund the ticket in full, which do you prefer?")),
        conv("thanks_only", U("Thanks for the quick refund, all good now."), A("Thank you, have a nice day!")),
    ])
    r = reasons(out)
    for cid in ("en_canned", "greeting_plus_canned", "unscrubbed_name", "es_canned", "fr_canned", "de_canned"):
        assert r[cid] == "canned_replies_only", (cid, r[cid], out[cid].detail)
    assert out["en_canned"].detail == "all 2 assistant replies are canned: 'We apologize for the inconvenience.'"
    assert out["es_canned"].detail == "the 1 assistant reply is canned: 'Disculpe las molestias.'"
    assert r["canned_plus_answer"] is None and r["one_canned_one_real"] is None and r["thanks_only"] is None


# --------------------------------------------------------------------------------------- language
def test_language_not_allowed(spark):
    out = run(spark, [
        conv("es", U("Hola, mi pedido no ha llegado todavía, ¿me pueden ayudar?"),
             A("Claro, ahora mismo reviso el estado de su pedido.")),
        conv("it", U("Buongiorno, la mia valigia non è arrivata a Roma, potete aiutarmi?"),
             A("Certo, mi può dare il numero della pratica?")),
        conv("wrong_source", U("Hallo, meine Bestellung ist noch nicht angekommen, können Sie helfen?"),
             A("Natürlich, ich schaue sofort nach Ihrer Bestellung."), language="en"),
        conv("user_pt_reply_en", U("Olá, preciso de cancelar a minha viagem para Lisboa, podem ajudar?"),
             A("Sorry, we only support English, Spanish, French and German. Could you write in one of these?")),
        conv("undetermined_src_pl", U("👍👍 48213 ???"), A("OK 👍 48213"), language="pl"),
        conv("undetermined_src_null", U("👍👍 48213 ???"), A("OK 👍 48213")),
        conv("undetermined_src_en", U("👍👍 48213 ???"), A("OK 👍 48213"), language="en-GB"),
        # language names and 3-letter codes as exports write them
        conv("undetermined_src_english", U("👍👍 48213 ???"), A("OK 👍 48213"), language="English (UK)"),
        conv("undetermined_src_deu", U("👍👍 48213 ???"), A("OK 👍 48213"), language="DEU"),
        conv("undetermined_src_polski", U("👍👍 48213 ???"), A("OK 👍 48213"), language="Polski"),
    ], min_letter_ratio=0.0, max_assistant_garbage_ratio=1.0)
    r = reasons(out)
    assert r["es"] is None and out["es"].language_detected == "es"
    assert out["es"].quality.language_detected == "es" and out["es"].quality.language_confidence > 0.9
    assert r["it"] == "language_not_allowed" and out["it"].detail.startswith("detected it (confidence ")
    assert out["it"].detail.endswith("allowed: de, en, es, fr")
    assert r["wrong_source"] is None and out["wrong_source"].language_detected == "de"
    assert r["user_pt_reply_en"] == "language_not_allowed"
    assert out["user_pt_reply_en"].detail.startswith("user text is pt")
    assert r["undetermined_src_pl"] == "language_not_allowed" and "source says 'pl'" in out["undetermined_src_pl"].detail
    assert r["undetermined_src_null"] is None and out["undetermined_src_null"].language_detected is None
    assert r["undetermined_src_en"] is None
    assert r["undetermined_src_english"] is None and r["undetermined_src_deu"] is None
    assert r["undetermined_src_polski"] == "language_not_allowed"


def test_language_settings(spark):
    rows = [conv("de", U("Hallo, meine Bestellung ist noch nicht angekommen, können Sie helfen?"),
                 A("Natürlich, ich schaue sofort nach Ihrer Bestellung.")),
            conv("undetermined", U("👍👍 48213 ???"), A("OK 👍 48213"), language="pl")]
    out = run(spark, rows, languages=["en"], undetermined_language="keep", min_letter_ratio=0.0,
              max_assistant_garbage_ratio=1.0)
    assert out["de"].reason == "language_not_allowed" and out["undetermined"].reason is None
    out = run(spark, rows, undetermined_language="drop", min_letter_ratio=0.0, max_assistant_garbage_ratio=1.0)
    assert out["de"].reason is None and out["undetermined"].detail == "language undetermined"


# ------------------------------------------------------------------------------ composition
def test_order_composition_and_enabled_filters(spark):
    rows = [
        conv("short_and_error", U("hi"), A("undefined")),
        conv("error_and_canned_and_it", U("Buongiorno, il mio volo è stato cancellato."), A("[ERROR] template not found"),
             A("Ci scusiamo per il disagio.")),
        conv("fine", HELLO, ANSWER),
    ]
    out = run(spark, rows)
    assert reasons(out) == {"short_and_error": "too_short", "error_and_canned_and_it": "agent_error_reply",
                            "fine": None}
    out = run(spark, rows, enabled_filters=["canned_replies_only", "language_not_allowed", "agent_error_reply"])
    assert reasons(out) == {"short_and_error": "agent_error_reply", "error_and_canned_and_it": "agent_error_reply",
                            "fine": None}
    out = run(spark, rows, enabled_filters=[])
    assert reasons(out) == {"short_and_error": None, "error_and_canned_and_it": None, "fine": None}


def test_kept_and_dropped_frames(spark):
    from tunehouse.curation.frame import make_conversations

    df = make_conversations(spark, [conv("fine", HELLO, ANSWER, U("ok thanks"), csat=5, agent_id="a1"),
                                    conv("short", U("hi"))])
    kept, dropped = quality_filter(df)
    input_columns = df.columns
    assert kept.columns == input_columns + ["language_detected", "quality"]
    assert dropped.columns == input_columns + ["reason", "detail"]
    assert kept.schema["quality"].dataType.simpleString() == (
        "struct<chars:bigint,n_user:int,n_assistant:int,garbage_ratio:double,"
        "language_detected:string,language_confidence:double,trimmed_messages:int>")
    (row,) = kept.collect()
    assert row.csat == 5 and row.agent_id == "a1" and [m.role for m in row.messages] == ["user", "assistant"]
    q = row.quality
    assert (q.n_user, q.n_assistant, q.garbage_ratio, q.language_detected) == (1, 1, 0.0, "en")
    assert q.chars == len(HELLO["content"]) + len(ANSWER["content"])
