-- Every conversation the curation dropped, by stage and reason (silver.dropped keeps them all).
SELECT stage, reason, count(*) AS conversations, min(detail) AS example_detail
FROM silver.dropped
GROUP BY stage, reason
ORDER BY conversations DESC;

-- Stage-by-stage counts of the latest curation runs.
SELECT dataset_version, stage, rows_in, kept, dropped_by_reason, round(seconds, 1) AS seconds, finished_at
FROM gold.curation_runs
ORDER BY finished_at DESC, rows_in DESC
LIMIT 30;
