"""Where a conversation's system message comes from: the data, the configuration, or nowhere (none is invented)."""

from datetime import datetime, timezone

import pytest
from tunehouse.curation.settings import AssembleSettings
from tunehouse.curation.stages.assemble import SYSTEM_SOURCE, assemble_conversations

TS = datetime(2024, 5, 1, tzinfo=timezone.utc)
SCHEMA = ("message_key string, conversation_id string, message_index long, role string, content string, "
          "created_at timestamp, csat int, agent_id string, channel string, language string, weight double")


@pytest.fixture(scope="module")
def bronze(spark):
    rows = [  # A opens with the user's own instructions, B has no system message at all
        ("a0", "A", 0, "system", "You answer in rhymes.", TS, None, None, None, None, None),
        ("a1", "A", 1, "user", "How late is the shop open?", TS, None, None, None, None, None),
        ("a2", "A", 2, "assistant", "Until nine, my friend of mine.", TS, None, None, None, None, None),
        ("b0", "B", 0, "user", "hey whats up", TS, None, None, None, None, None),
        ("b1", "B", 1, "assistant", "not much, you?", TS, None, None, None, None, None),
    ]
    return spark.createDataFrame(rows, SCHEMA)


def _assembled(bronze, cfg: AssembleSettings) -> dict:
    return {r.conversation_id: ([(m.role, m.content) for m in r.messages], r[SYSTEM_SOURCE])
            for r in assemble_conversations(bronze, cfg).collect()}


def test_defaults_keep_the_datas_system_message_and_add_none(bronze):
    assert AssembleSettings().system_message is None
    out = _assembled(bronze, AssembleSettings())
    assert out["A"] == ([("system", "You answer in rhymes."), ("user", "How late is the shop open?"),
                         ("assistant", "Until nine, my friend of mine.")], "data")
    assert out["B"] == ([("user", "hey whats up"), ("assistant", "not much, you?")], "none")
    assert not any("travel agency" in c for msgs, _ in out.values() for _, c in msgs)


def test_a_configured_message_fills_in_where_the_data_has_none(bronze):
    out = _assembled(bronze, AssembleSettings(system_message="Be kind."))
    assert out["A"][0][0] == ("system", "You answer in rhymes.") and out["A"][1] == "data"
    assert out["B"] == ([("system", "Be kind."), ("user", "hey whats up"), ("assistant", "not much, you?")], "config")


def test_replace_gives_every_conversation_the_configured_message(bronze):
    out = _assembled(bronze, AssembleSettings(system_message="Be kind.", system_message_policy="replace"))
    assert {cid: (msgs[0], src) for cid, (msgs, src) in out.items()} == {
        "A": (("system", "Be kind."), "config"), "B": (("system", "Be kind."), "config")}
    assert ("system", "You answer in rhymes.") not in out["A"][0]


def test_the_demo_alone_sets_the_travel_agency_message(capsys):
    from tunehouse.commands.demo import DEMO_SETTINGS, DEMO_SYSTEM_MESSAGE
    from tunehouse.config import load_settings

    assert "travel agency" in DEMO_SYSTEM_MESSAGE
    s = load_settings(overrides=DEMO_SETTINGS)  # what the demo (and the golden dataset capture) curate with
    assert (s.curate.assemble.system_message, s.curate.assemble.system_message_policy) == (DEMO_SYSTEM_MESSAGE,
                                                                                           "replace")
    assert load_settings().curate.assemble.system_message is None


def test_the_curation_summary_says_where_system_messages_came_from(capsys):
    from tunehouse.commands.curate import _system_message_line

    line = _system_message_line({"none": 1800, "data": 200})
    assert line == "none 1800, from the data 200"
    assert _system_message_line({"config": 5}) == "from curate.assemble.system_message 5"
