"""Curation stages written as DataFrame functions, each on a small hand-made frame."""

from datetime import datetime, timezone

import pytest
from pyspark.sql import functions as F
from tunehouse.curation.frame import make_conversations
from tunehouse.curation.settings import (
    AssembleSettings,
    DiversitySettings,
    ExactDedupSettings,
    SplitSettings,
    WeightSettings,
)
from tunehouse.curation.stages.assemble import assemble_conversations, normalize_text
from tunehouse.curation.stages.diversity import cluster_quotas, diversity_sample
from tunehouse.curation.stages.exact_dedup import exact_dedup
from tunehouse.curation.stages.split import assign_split
from tunehouse.curation.stages.weights import assign_weights


def conv(cid, *turns, **kw):
    roles = ["user", "assistant"]
    msgs = [t if isinstance(t, dict) else {"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]
    return {"conversation_id": cid, "messages": msgs, **kw}


def by_id(df):
    return {r["conversation_id"]: r for r in df.collect()}


# ----------------------------------------------------------------------------- assemble
def test_normalize_text():
    assert normalize_text("Ｈｅｌｌｏ\u00a0 world\r\n\r\n\r\n\r\nbye\x07 ") == "Hello world\n\nbye"
    assert normalize_text("café", "NFC") == "café"


def test_assemble_orders_messages_and_adds_system(spark):
    ts = datetime(2024, 5, 1, tzinfo=timezone.utc)
    rows = [  # out of order, two conversations, one already with a system row
        ("k2", "A", 1, "assistant", "Sure,   which date?", ts, 5, "agent_1", "web", "en", None),
        ("k1", "A", 0, "user", "Change my  flight", ts, 5, None, "web", "en", None),
        ("k3", "B", 0, "system", "Be brief.", ts, None, None, "app", None, None),
        ("k4", "B", 1, "user", "Hi", ts, None, None, "app", None, None),
    ]
    bronze = spark.createDataFrame(rows, "message_key string, conversation_id string, message_index long, role string, "
                                         "content string, created_at timestamp, csat int, agent_id string, channel string,"
                                         " language string, weight double")
    out = by_id(assemble_conversations(bronze, AssembleSettings(system_message="SYS", system_message_policy="add_if_missing")))
    a = out["A"]
    assert [(m.role, m.content) for m in a.messages] == [("system", "SYS"), ("user", "Change my flight"),
                                                         ("assistant", "Sure, which date?")]
    assert a.bronze_keys == ["k1", "k2"] and a.csat == 5 and a.agent_id == "agent_1"
    assert [m.content for m in out["B"].messages] == ["Be brief.", "Hi"]  # has its own system message
    replaced = by_id(assemble_conversations(bronze, AssembleSettings(system_message="SYS",
                                                                     system_message_policy="replace")))
    assert [m.content for m in replaced["B"].messages] == ["SYS", "Hi"]


def test_assemble_merges_consecutive_same_role_turns(spark):
    ts = datetime(2024, 5, 1, tzinfo=timezone.utc)
    rows = [(f"k{i}", "A", i, role, text, ts, None, None, None, None, None) for i, (role, text) in enumerate([
        ("user", "Hi"), ("user", "my bag is lost"), ("system", "Agent joined"), ("assistant", "Sorry!"),
        ("assistant", "Send me the tag number."), ("user", "ok")])]
    bronze = spark.createDataFrame(rows, "message_key string, conversation_id string, message_index long, role string, "
                                         "content string, created_at timestamp, csat int, agent_id string, channel string,"
                                         " language string, weight double")
    a = by_id(assemble_conversations(bronze, AssembleSettings(system_message="SYS", system_message_policy="replace")))["A"]
    assert [(m.role, m.content) for m in a.messages] == [
        ("system", "SYS"), ("user", "Hi\nmy bag is lost"), ("assistant", "Sorry!\nSend me the tag number."), ("user", "ok")]
    assert len(a.bronze_keys) == 6  # lineage keeps every source row
    kept = by_id(assemble_conversations(bronze, AssembleSettings(system_message=None, merge_consecutive=False,
                                                                 system_message_policy="keep")))["A"]
    assert len(kept.messages) == 6


# ----------------------------------------------------------------------------- exact dedup
def test_exact_dedup_keeps_best_copy_and_ignores_case_space_punct(spark):
    t1 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    t2 = datetime(2024, 6, 1, tzinfo=timezone.utc)
    df = make_conversations(spark, [
        conv("low", "Hi, I'm <PERSON_1>.", "Hello <PERSON_1>!", csat=2, ended_at=t2),
        conv("high_old", "hi i'm <PERSON_1>", "Hello <PERSON_1>", csat=5, ended_at=t1),
        conv("high_new", "Hi,  I'm <PERSON_1>!", "hello <person_1>", csat=5, ended_at=t2),
        conv("other", "Hi, I'm <PERSON_1>.", "Goodbye", csat=5),
        conv("swapped_roles", {"role": "assistant", "content": "Hi, I'm <PERSON_1>."},
             {"role": "user", "content": "Hello <PERSON_1>!"}),
    ])
    kept, dropped = exact_dedup(df, ExactDedupSettings())
    assert sorted(by_id(kept)) == ["high_new", "other", "swapped_roles"]
    d = by_id(dropped)
    assert set(d) == {"low", "high_old"}
    assert all(r.reason == "exact_duplicate" and "high_new" in r.detail for r in d.values())


# ----------------------------------------------------------------------------- weights
def test_weights_rules(spark):
    good = "Hello! Thanks for reaching out. I have updated your booking; let me know if anything else is needed."
    df = make_conversations(spark, [
        conv("rated_high", "Q", good, csat=5, agent_id="a1"),
        conv("rated_low", "Q", good, csat=2, agent_id="a1"),
        conv("unrated_styled", "Q", good, agent_id="a1"),
        conv("unrated_terse", "Q", "No. Not possible, read the website.", agent_id="a1"),
        conv("excluded_agent", "Q", good, csat=5, agent_id="bad_agent"),
        conv("mixed", "Q", "ok", "Q2", good, csat=5, agent_id="a1"),
        conv("error_reply", "Q", "[ERROR] template not found", csat=5, agent_id="a1"),
    ])
    cfg = WeightSettings(exclude_agents=["bad_agent"], unrated_policy="style")
    kept, dropped = assign_weights(df, cfg, bad_reply_patterns=[r"\[ERROR\]"])
    k = by_id(kept)
    assert set(k) == {"rated_high", "unrated_styled", "mixed"}
    assert [m.weight for m in k["mixed"].messages] == [None, 0.0, None, 1.0]
    assert [m.weight for m in k["rated_high"].messages] == [None, 1.0]
    d = by_id(dropped)
    assert set(d) == {"rated_low", "unrated_terse", "excluded_agent", "error_reply"}
    assert all(r.reason == "no_trainable_reply" for r in d.values())
    assert "csat 2" in d["rated_low"].detail


def test_unrated_replies_follow_the_agents_ratings(spark):
    """Default policy: unrated replies are learned unless their agent is rated poorly elsewhere."""
    reply = "Your refund was processed today; it reaches your card within five working days."
    rows = [conv(f"good{i}", "Q", reply, csat=5, agent_id="good") for i in range(5)]
    rows += [conv(f"poor{i}", "Q", reply, csat=2, agent_id="poor") for i in range(5)]
    rows += [conv("few0", "Q", reply, csat=1, agent_id="new")]  # one rating: no evidence yet
    rows += [conv(f"u_{a}", "Q", reply, agent_id=a) for a in ("good", "poor", "new", None)]
    df = make_conversations(spark, rows)
    kept, dropped = assign_weights(df, WeightSettings())
    assert kept.columns == df.columns and dropped.columns[: len(df.columns)] == df.columns
    k = {c for c in by_id(kept) if c.startswith("u_")}
    assert k == {"u_good", "u_new", "u_None"}
    assert "u_poor" in by_id(dropped)
    # no ratings anywhere (a plain export): every fit reply is learned
    plain = make_conversations(spark, [conv(f"p{i}", "Q", reply, agent_id=f"a{i % 2}") for i in range(4)])
    kept, dropped = assign_weights(plain, WeightSettings())
    assert kept.count() == 4 and dropped.count() == 0
    kept, _ = assign_weights(df, WeightSettings(fractional=True))
    w = {r.conversation_id: r.messages[1].weight for r in kept.collect()}
    assert w["u_poor"] < w["u_good"] <= 1.0 and w["u_new"] == 1.0


def test_fractional_weights_and_source_weights(spark):
    df = make_conversations(spark, [
        conv("r3", "Q", "Hello! Thank you, I have updated it. Let me know if anything else.", csat=3),
        conv("src", "Q", {"role": "assistant", "content": "short", "weight": 0.0}, "Q2",
             {"role": "assistant", "content": "also short", "weight": 1.0}),
    ])
    kept, _ = assign_weights(df, WeightSettings(fractional=True))
    k = by_id(kept)
    w = k["r3"].messages[1].weight
    assert 0 < w < 1
    assert [m.weight for m in k["src"].messages if m.role == "assistant"] == [0.0, 1.0]


# ----------------------------------------------------------------------------- split
def test_split_deterministic_stable_and_close_to_ratios(spark):
    df = make_conversations(spark, [conv(f"c{i}", "Q", "A") for i in range(2000)])
    cfg = SplitSettings()
    a = {r.conversation_id: r.split for r in assign_split(df, cfg).select("conversation_id", "split").collect()}
    sub = df.filter(F.col("conversation_id").isin([f"c{i}" for i in range(0, 2000, 7)]))
    b = {r.conversation_id: r.split for r in assign_split(sub, cfg).select("conversation_id", "split").collect()}
    assert all(a[c] == s for c, s in b.items())  # adding/removing data never moves a conversation
    share = {s: sum(1 for v in a.values() if v == s) / 2000 for s in ("train", "validation", "test")}
    assert 0.76 < share["train"] < 0.84 and 0.07 < share["validation"] < 0.13
    other = {r.conversation_id: r.split for r in assign_split(df, SplitSettings(seed=99)).collect()}
    assert other != a


def test_split_ratios_must_sum_to_one():
    with pytest.raises(ValueError, match="must be 1.0"):
        SplitSettings(train=0.9, validation=0.2, test=0.1)


# ----------------------------------------------------------------------------- diversity
def test_cluster_quotas_water_filling():
    # the rare cluster is kept whole, the two big ones share the rest evenly (cap 47, one left over)
    q = cluster_quotas({0: 1000, 1: 50, 2: 5}, target=100, max_fraction=0.6)
    assert q == {0: 47, 1: 48, 2: 5}
    # the per-cluster fraction bounds even a single dominant cluster
    q = cluster_quotas({0: 1000, 1: 10}, target=100, max_fraction=0.3)
    assert q == {0: 30, 1: 10}
    # no target: only the per-cluster cap applies
    q = cluster_quotas({0: 90, 1: 10}, target=None, max_fraction=0.5)
    assert q == {0: 50, 1: 10}
    assert cluster_quotas({}, 10, 0.5) == {}


def test_diversity_caps_frequent_topic(spark):
    # two unmistakable topics (KMeans quality is not what is tested here; the sampling is)
    rows = [conv(f"refund{i}", "I want a refund of my money, the booking was cancelled", f"ok {i}")
            for i in range(40)]
    rows += [conv(f"visa{i}", "Do I need a visa to enter Japan as a tourist?", f"ok {i}") for i in range(6)]
    df = make_conversations(spark, rows)
    cfg = DiversitySettings(method="hashed_tfidf", num_clusters=2, max_cluster_fraction=0.5, target_size=20)
    kept, dropped, report = diversity_sample(df, cfg)
    k = by_id(kept)
    # the big cluster is capped at half of the target (10); the rare one is kept whole (6)
    assert len(k) == 16
    assert sum(1 for c in k if c.startswith("visa")) == 6  # the rare topic is kept whole
    assert kept.count() + dropped.count() == 46
    assert set(r.reason for r in dropped.collect()) == {"diversity_cap"}
    rep = report.collect()
    assert sorted(r.conversations for r in rep) == [6, 40] and sorted(r.kept for r in rep) == [6, 10]
    again = by_id(diversity_sample(df, cfg)[0])
    assert sorted(again) == sorted(k)  # deterministic


def test_minilm_embeddings_load_offline():
    from tunehouse.curation.stages.diversity import embed_texts

    v = embed_texts(["Where is my refund?", "I want my money back", "Do I need a visa for Japan?"])
    assert v.shape == (3, 384)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])  # a real semantic model, not noise
