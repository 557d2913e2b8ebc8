-- Distribution of assistant-message weights in the curated data, per split.
SELECT split, m.weight AS weight, count(*) AS assistant_messages
FROM (SELECT split, explode(messages) AS m FROM gold.training_examples)
WHERE m.role = 'assistant'
GROUP BY split, m.weight
ORDER BY split, weight;

-- Learned replies per agent: who the model will imitate.
SELECT agent_id, count(*) AS conversations, sum(n_trainable_messages) AS trainable_replies, round(avg(csat), 2) AS avg_csat
FROM gold.training_examples
GROUP BY agent_id
ORDER BY trainable_replies DESC;
