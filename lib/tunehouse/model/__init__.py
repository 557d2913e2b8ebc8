"""The served chat model: the self-contained MLflow pyfunc (``chat``) and the registry (``registry``, the one
owner of MlflowClient)."""
