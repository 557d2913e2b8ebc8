-- Bronze at a glance: messages per day, role and channel; run with `tunehouse sql bronze_overview`.
SELECT date(created_at) AS day, role, channel, count(*) AS messages, count(DISTINCT conversation_id) AS conversations
FROM bronze.chat_messages
GROUP BY 1, 2, 3
ORDER BY day DESC, role, channel;

-- Totals per source file and ingestion batch (lineage).
SELECT source_file, source_format, ingest_batch_id, count(*) AS messages, min(ingested_at) AS ingested_at
FROM bronze.chat_messages
GROUP BY 1, 2, 3
ORDER BY ingested_at DESC;
