"""The lakehouse tables, by ``schema.table`` name: one owner for names that several jobs (and sql/) use.

On Databricks they become ``<lakehouse.catalog>.<schema_prefix><schema>.<table>``
(:meth:`tunehouse.lakehouse.delta.Lakehouse.qualified`); locally ``<storage.root>/lakehouse/<schema>/<table>``.
"""

# bronze: raw messages as exported, and every record that could not be read, with its reason
BRONZE_MESSAGES = "bronze.chat_messages"
BRONZE_QUARANTINE = "bronze.quarantine"
# silver: one scrubbed conversation per row, and every conversation a curation stage dropped, with its reason
SILVER_CONVERSATIONS = "silver.conversations"
SILVER_DROPPED = "silver.dropped"
# gold: what training reads and what people query
GOLD_EXAMPLES = "gold.training_examples"
GOLD_PII_REPORT = "gold.pii_report"
GOLD_CLUSTERS = "gold.cluster_report"
GOLD_RUNS = "gold.curation_runs"
GOLD_EVAL_PREDICTIONS = "gold.eval_predictions"
