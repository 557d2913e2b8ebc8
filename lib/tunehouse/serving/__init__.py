"""Serving: the registered chat model behind MLflow's scoring server (`tunehouse serve`) and a terminal chat
client (`tunehouse chat`)."""
