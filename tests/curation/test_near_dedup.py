"""Stage 4, near-duplicate removal: planted near copies, chains, look-alikes that must stay, tiny inputs.

One module-scoped run over a hand-made frame serves most assertions (each run is a dozen Spark
jobs); the numpy minhash and the settings are tested without Spark.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from pydantic import ValidationError
from tunehouse.curation.settings import NearDedupSettings
from tunehouse.curation.stages.near_dedup import (
    minhash_coefficients,
    minhash_signatures,
    near_dedup,
    near_dedup_with_stats,
    with_shingle_hashes,
)

T0 = datetime(2024, 3, 1, tzinfo=timezone.utc)

# A booking change, ~105 words over two turns.
USER = ("Hi, I booked a flight from Lisbon to Berlin for the twelfth of May and I need to move it to the "
        "following Friday because my conference was rescheduled. Is there a fee for changing the date, and can "
        "I keep my seat by the window?")
AGENT = ("Thanks for reaching out, <PERSON_1>. I can see your booking <BOOKING_REF_1>. Moving the flight to "
         "Friday the seventeenth is possible; the fare difference is 42 euros and there is no change fee on your "
         "ticket type. Your window seat 14A is still free on that flight, so I have kept it for you. Shall I "
         "confirm the change?")
# Same topic, different customer and wording: must be kept.
USER_2 = ("Hello there. My husband and I are flying Madrid to Berlin on the 3rd of June but his passport "
          "renewal is late, so we would like to push both tickets back by a week. What would that cost us?")
AGENT_2 = ("Hi <PERSON_1>, sorry to hear about the passport delay. Both tickets on <BOOKING_REF_1> can move to "
           "the 10th of June. The new fare is 65 euros higher per person, and the change fee is waived this "
           "time. Would you like me to go ahead with the new date for both of you?")
# Jaccard ~0.5: shared middle S1, different endings.
S1 = ("I am writing about the refund for my cancelled hotel stay in Florence last month. The hotel closed the "
      "pool and the restaurant without telling us, and the manager agreed on the phone that we should get part of "
      "the money back for the five nights we stayed there with the children")
S2 = ("but so far nothing has arrived on my card and nobody answers the emails I keep sending to the hotel "
      "reception desk every single morning")
S3 = ("and I would like to know whether the travel insurance covers the difference if the hotel refuses to pay "
      "anything at all in the end")
# The chain: A, B = A + sentence, C = B + sentence. J(A,B), J(B,C) >= 0.8 > J(A,C).
CHAIN = ("Our flight to Sydney was delayed by nine hours and we missed the connection to Brisbane, so the airline "
         "put us on a bus and we arrived in the middle of the night. The hotel we had booked near the airport had "
         "given our room away by then, and we had to pay for another one ourselves. I kept every receipt, can I")
ADD_1 = "Also the bus had no air conditioning for the whole trip up north."
ADD_2 = "My daughter was sick the next day and we lost a full day of holiday."


def conv(cid, user, agent=None, csat=None, ended=0, system=None):
    msgs = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": user}]
    if agent is not None:
        msgs.append({"role": "assistant", "content": agent})
    return {"conversation_id": cid, "messages": msgs, "csat": csat, "ended_at": T0 + timedelta(days=ended)}


ROWS = [
    # Group 1: an original and three planted near copies. Best copy: csat 5, most recent -> g1-word.
    conv("g1-orig", USER, AGENT, csat=3, ended=1),
    conv("g1-word", USER.replace("Friday", "Thursday", 1), AGENT, csat=5, ended=5),
    conv("g1-punct", USER.replace(",", "").replace("?", "."), AGENT.replace(";", ","), csat=5, ended=2),
    conv("g1-sentence", USER + " Also, could you send the new itinerary to my email address please?", AGENT),
    # Same topic, different conversation.
    conv("topic", USER_2, AGENT_2, csat=4),
    # Jaccard ~0.5.
    conv("half-a", S1 + " " + S2, csat=2),
    conv("half-b", S1 + " " + S3, csat=2),
    # Chain A-B-C; C has the best rating.
    conv("chain-a", CHAIN, csat=2),
    conv("chain-b", CHAIN + " " + ADD_1, csat=3),
    conv("chain-c", CHAIN + " " + ADD_1 + " " + ADD_2, csat=4),
    # The same long system message and different short chats: the system message is not compared.
    conv("sys-1", "Where is my bag? It did not arrive in Oslo.", "Let me file a report.",
         system="You are Wanderly's assistant. " * 30),
    conv("sys-2", "Can I bring a dog on the train to Vienna?", "Yes, small dogs travel free.",
         system="You are Wanderly's assistant. " * 30),
    # Too small to shingle, or empty: kept, never an error.
    conv("tiny-1", "thanks"),
    conv("tiny-2", "thanks"),
    conv("tiny-3", "ok bye", "!!!"),
    {"conversation_id": "empty", "messages": []},
    {"conversation_id": "nulltext", "messages": [{"role": "user", "content": None}]},
    conv("system-only", "", system="You are Wanderly's assistant. " * 30),
]


def frame(spark, rows):
    from tunehouse.curation.frame import make_conversations

    return make_conversations(spark, rows)


@pytest.fixture(scope="module")
def result(spark):
    df = frame(spark, ROWS)
    kept, dropped, stats = near_dedup_with_stats(df, NearDedupSettings())
    return df, kept, dropped, stats


def jaccard(spark, a, b, cfg=NearDedupSettings()):
    sh = {r["conversation_id"]: set(r["sh"]) for r in with_shingle_hashes(
        frame(spark, [x for x in ROWS if x["conversation_id"] in (a, b)]), cfg.roles, cfg.shingle,
        cfg.effective_shingle_size).select("conversation_id", "sh").collect()}
    return len(sh[a] & sh[b]) / len(sh[a] | sh[b])


def test_planted_near_duplicates_dropped_for_best_copy(spark, result):
    _, kept, dropped, _ = result
    drops = {r["conversation_id"]: r for r in dropped.collect()}
    assert {"g1-orig", "g1-punct", "g1-sentence"} <= set(drops)
    assert "g1-word" in {r["conversation_id"] for r in kept.collect()}  # csat 5 and the most recent
    for cid in ("g1-orig", "g1-punct", "g1-sentence"):
        assert drops[cid]["reason"] == "near_duplicate"
        assert drops[cid]["detail"].endswith("with g1-word (kept)"), drops[cid]["detail"]
    # the detail quotes the real Jaccard with the kept copy; punctuation is normalised away
    assert jaccard(spark, "g1-punct", "g1-orig") == 1.0
    j = jaccard(spark, "g1-punct", "g1-word")
    assert 0.9 < j < 1 and drops["g1-punct"]["detail"] == f"jaccard {j:.2f} with g1-word (kept)"


def test_lookalikes_and_half_overlap_are_kept(spark, result):
    _, kept, dropped, _ = result
    kept_ids = {r["conversation_id"] for r in kept.collect()}
    assert {"topic", "half-a", "half-b", "sys-1", "sys-2"} <= kept_ids
    assert 0.4 <= jaccard(spark, "half-a", "half-b") <= 0.6


def test_chain_is_one_component(spark, result):
    _, kept, dropped, _ = result
    drops = {r["conversation_id"]: r["detail"] for r in dropped.collect()}
    assert jaccard(spark, "chain-a", "chain-c") < 0.8 <= jaccard(spark, "chain-a", "chain-b")
    assert "chain-c" in {r["conversation_id"] for r in kept.collect()}
    assert drops["chain-b"].endswith("with chain-c (kept)")
    # A is not similar enough to C itself: reached through B
    assert drops["chain-a"].startswith("jaccard 0.8") and "with chain-b, cluster of 3 kept chain-c" in drops["chain-a"]


def test_tiny_and_empty_kept_and_counts_reconcile(result):
    df, kept, dropped, stats = result
    kept_ids = [r["conversation_id"] for r in kept.collect()]
    dropped_ids = [r["conversation_id"] for r in dropped.collect()]
    assert {"tiny-1", "tiny-2", "tiny-3", "empty", "nulltext", "system-only"} <= set(kept_ids)
    assert len(kept_ids) + len(dropped_ids) == df.count() == len(ROWS)
    assert not set(kept_ids) & set(dropped_ids)
    assert sorted(dropped_ids) == ["chain-a", "chain-b", "g1-orig", "g1-punct", "g1-sentence"]
    assert kept.columns == df.columns and dropped.columns == df.columns + ["reason", "detail"]
    assert stats.conversations == len(ROWS) and stats.too_short == 6
    assert (stats.components, stats.clustered, stats.dropped) == (2, 7, 5)
    assert stats.candidate_pairs >= stats.verified_pairs >= 6  # 6 pairs in group 1, 2 in the chain
    assert stats.converged


def test_deterministic_and_seed_independent(spark, result):
    df, _, dropped, _ = result
    first = sorted((r["conversation_id"], r["detail"]) for r in dropped.collect())
    again = sorted((r["conversation_id"], r["detail"]) for r in near_dedup(df, NearDedupSettings())[1].collect())
    char = near_dedup(df, NearDedupSettings(seed=1, shingle="char"))[1]
    assert first == again
    # LSH only picks which pairs are checked; at these similarities another seed and char 5-grams
    # agree, and "thanks" (2 char shingles) is now long enough to compare: tiny-2 repeats tiny-1
    assert sorted(r["conversation_id"] for r in char.collect()) == sorted([c for c, _ in first] + ["tiny-2"])


def test_giant_bucket_skipped_with_warning(spark, caplog):
    rows = [conv(f"boiler-{i}", USER + "!" * i, AGENT) for i in range(3)]  # identical once normalised
    with caplog.at_level(logging.WARNING, logger="tunehouse.curation.stages.near_dedup"):
        kept, dropped, stats = near_dedup_with_stats(frame(spark, rows), NearDedupSettings(max_bucket_size=2))
    assert stats.skipped_buckets == 25 and stats.largest_bucket == 3 and stats.candidate_pairs == 0
    assert dropped.count() == 0 and kept.count() == 3
    assert "skipped 25 LSH bucket(s)" in caplog.text


def test_disabled_keeps_everything(spark):
    df = frame(spark, ROWS[:3])
    kept, dropped = near_dedup(df, NearDedupSettings(enabled=False))
    assert kept.count() == 3 and dropped.count() == 0 and "reason" in dropped.columns


# --------------------------------------------------------------------------- no Spark
def test_minhash_estimates_jaccard_without_bias():
    rng = np.random.default_rng(0)
    a, b = minhash_coefficients(200, seed=3)
    errors = []
    for target in (0.2, 0.5, 0.8, 0.95):
        for _ in range(20):
            universe = rng.integers(-2**63, 2**63 - 1, size=400, dtype=np.int64)
            n_shared = int(round(2 * 150 * target / (1 + target)))  # |A|=|B|=150, J=shared/(300-shared)
            x = universe[:150]
            y = np.concatenate([universe[:n_shared], universe[150:150 + 150 - n_shared]])
            true = n_shared / (300 - n_shared)
            sx, sy = minhash_signatures([x, y], a, b)
            errors.append(np.mean(sx == sy) - true)
    errors = np.array(errors)
    assert abs(errors.mean()) < 0.01 and np.abs(errors).max() < 0.15  # std at 200 hashes is <= 0.035


def test_minhash_empty_and_null_rows_and_chunking():
    a, b = minhash_coefficients(16, seed=1)
    big = np.arange(300_000, dtype=np.int64)  # larger than one numpy chunk on its own
    out = minhash_signatures([None, np.array([], dtype=np.int64), np.array([5, 7]), big, np.array([7, 5])], a, b)
    assert out[0] is None and out[1] is None
    assert out[3].shape == (16,) and np.array_equal(out[2], out[4])
    assert (out[2] >= 0).all() and (out[2] < 2**32).all()
    # the same values whatever the batch: a row's signature depends on its set only
    assert np.array_equal(minhash_signatures([big], a, b)[0], out[3])


def test_settings_defaults_meet_the_s_curve_and_validate():
    cfg = NearDedupSettings()
    assert cfg.num_hashes == 200 and cfg.effective_shingle_size == 3
    assert NearDedupSettings(shingle="char").effective_shingle_size == 5
    assert cfg.candidate_probability(0.8) >= 0.985 and cfg.candidate_probability(0.5) <= 0.1
    assert round(cfg.candidate_probability(0.8), 4) == 0.9899 and round(cfg.candidate_probability(0.5), 4) == 0.0932
    with pytest.raises(ValidationError, match="<= 1024"):
        NearDedupSettings(num_bands=64, rows_per_band=20)
    with pytest.raises(ValidationError):
        NearDedupSettings(threshold=0)
    with pytest.raises(ValidationError):
        NearDedupSettings(shingle="sentence")
    with pytest.raises(ValidationError):
        NearDedupSettings(bands=3)  # extra keys are errors
    with pytest.raises(ValidationError, match="repeat"):
        NearDedupSettings(roles=["user", "user"])
    with pytest.raises(ValidationError):
        cfg.max_bucket_size = 1  # validated on assignment
    for name, field in NearDedupSettings.model_fields.items():
        assert field.description, name
