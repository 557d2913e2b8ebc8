"""Signals of single messages and conversations that the stages filter on (plain Python, no Spark
except the UDF wrappers): language identification (:mod:`.language`, lexicons in ``data/``),
per-message garbage (:mod:`.garbage`), the per-conversation signals UDF (:mod:`.conversation`) and
the house-style score of a reply (:mod:`.style`).
"""
