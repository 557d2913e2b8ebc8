"""Serving and evaluation: the registered chat model behind MLflow's scoring server (`tunehouse serve`), a
terminal chat (`tunehouse chat`), and batch evaluation of fine-tuned vs base on Spark with a quality gate
for promotion (`tunehouse evaluate [--promote]`)."""
