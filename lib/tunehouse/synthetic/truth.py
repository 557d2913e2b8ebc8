"""The ground truth of a run (``truth/truth.json``): every PII span, place and kept value with exact
offsets, the duplicate groups, malformed rows, conversations and garbage, all computed over the
well-formed rows only (a malformed row's content is not expected downstream)."""

from __future__ import annotations

import json
from collections import defaultdict

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.records import Conv, Msg
from tunehouse.synthetic.segments import spans, text_of


def _groups(keys: dict[str, tuple]) -> list[list[str]]:
    by_key = defaultdict(list)
    for cid, key in keys.items():
        by_key[key].append(cid)
    return sorted(sorted(g) for g in by_key.values() if len(g) > 1)


class _Spans:
    """The truth lists filled message by message, and each conversation's duplicate keys."""

    def __init__(self):
        self.pii, self.places, self.non_pii, self.garbage = [], [], [], []
        self.exact_keys: dict[str, tuple] = {}
        self.scrub_keys: dict[str, tuple] = {}

    def add_message(self, conv_id: str, seq: int, m: Msg) -> tuple[tuple, tuple]:
        """Record one message's spans; returns its (sender, text) and (sender, scrubbed text)."""
        text = text_of(m.segs)
        scrubbed, cut = [], 0
        for cat, label, who, value, start, end in spans(m.segs):
            rec = {"conv_id": conv_id, "seq": seq}
            if cat == "pii":
                self.pii.append({**rec, "type": label, "value": value, "start": start, "end": end, "who": who})
                scrubbed += [text[cut:start], f"<{label}>"]
                cut = end
            else:
                (self.places if cat == "place" else self.non_pii).append({**rec, "value": value, "kind": label,
                                                                          "start": start, "end": end})
        if m.tag:
            self.garbage.append({"conv_id": conv_id, "seq": seq, "kind": m.tag})
        # null and "" count as the same empty message: a CSV export cannot tell them apart
        return (m.sender, text or ""), (m.sender, "".join(scrubbed) + (text or "")[cut:])


def _conversation_row(c: Conv, convs: list[Conv]) -> dict:
    agents = list(dict.fromkeys(m.agent_id for m in c.msgs if m.sender == "agent"))
    agent = next((a for a in D.AGENTS if agents and a["id"] == agents[0]), None)
    return {
        "conv_id": c.conv_id, "topic": c.spec.topic, "agent_id": agents[0] if agents else None,
        "agent_ids": agents, "house_style": bool(agent and agent["style"] in D.HOUSE_STYLES),
        "csat": c.csat, "language": c.spec.tag, "true_language": c.spec.foreign or c.spec.lang,
        "channel": c.spec.channel, "files": c.files, "messages": len(c.msgs), "ends_with": c.msgs[-1].sender,
        "kind": c.kind, "duplicate_of": convs[c.source].conv_id if c.source is not None else None,
    }


def build_truth(convs: list[Conv], malformed: list[dict], args: dict, files: list[str]) -> dict:
    bad = {(m["conv_id"], m["seq"]) for m in malformed}
    found = _Spans()
    conv_rows = []
    for c in sorted(convs, key=lambda c: c.conv_id):
        exact, scrub = [], []
        for seq, m in enumerate(c.msgs):
            if (c.conv_id, seq) in bad:
                continue
            e, s = found.add_message(c.conv_id, seq, m)
            exact.append(e)
            scrub.append(s)
        found.exact_keys[c.conv_id], found.scrub_keys[c.conv_id] = tuple(exact), tuple(scrub)
        conv_rows.append(_conversation_row(c, convs))
    near = defaultdict(list)
    for c in convs:
        if c.kind == "near_copy":
            near[convs[c.source].conv_id].append(c.conv_id)
    return {
        "generator": {**args, "module": "tunehouse.synthetic.generator", "files": files},
        "agents": {a["id"]: {"name": a["name"], "style": a["style"], "house_style": a["style"] in D.HOUSE_STYLES,
                             "languages": list(a["langs"])} for a in D.AGENTS},
        "topic_weights": D.TOPIC_WEIGHTS,
        "exact_duplicates": _groups(found.exact_keys),
        "scrub_duplicates": _groups(found.scrub_keys),
        "near_duplicates": sorted([src, *sorted(cps)] for src, cps in near.items()),
        "reexported": sorted(c.conv_id for c in convs if len(c.files) > 1),
        "malformed": malformed,
        "conversations": conv_rows,
        "pii": found.pii,
        "places": found.places,
        "non_pii": found.non_pii,
        "garbage": found.garbage,
    }


def dump_truth(truth: dict) -> str:
    """JSON with one list item per line: valid for json.load, readable with grep and diff."""
    parts = []
    for key, value in truth.items():
        if isinstance(value, list) and value:
            body = "[\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in value) + "\n]"
        else:
            body = json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
