-- PII entities replaced by the scrubber, by type (counts only: no PII values are stored).
SELECT entity_type, sum(n) AS entities, count(DISTINCT conversation_id) AS conversations
FROM (SELECT conversation_id, explode(entity_counts) AS (entity_type, n) FROM gold.pii_report)
GROUP BY entity_type
ORDER BY entities DESC;
