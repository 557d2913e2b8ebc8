-- Why records were quarantined at ingestion, and where to look first.
SELECT reason_code, count(*) AS records, min(source_file) AS example_file, min(source_line) AS example_line
FROM bronze.quarantine
GROUP BY reason_code
ORDER BY records DESC;

SELECT source_file, source_line, reason, substring(raw_payload, 1, 120) AS raw_payload
FROM bronze.quarantine
ORDER BY source_file, source_line
LIMIT 20;
