-- Curated dataset size per split: conversations, messages, trainable (weight > 0) replies.
SELECT split, count(*) AS conversations, sum(n_messages) AS messages, sum(n_trainable_messages) AS trainable_replies,
       round(avg(n_messages), 1) AS avg_messages
FROM gold.training_examples
GROUP BY split
ORDER BY split;
