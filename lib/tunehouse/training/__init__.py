"""Fine-tuning: an offline tiny base model, weight-masked tokenisation, a Ray Train loop, MLflow tracking.

Import the submodules you need; this package import stays light (no torch/ray/mlflow) so the CLI starts fast.
"""
