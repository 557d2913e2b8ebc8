-- Diversity sampling: cluster sizes, how many were kept, and an example opening message.
SELECT cluster, conversations, quota, kept, example
FROM gold.cluster_report
ORDER BY conversations DESC;
