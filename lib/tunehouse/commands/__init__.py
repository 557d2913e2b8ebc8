"""The subcommands of the ``tunehouse`` CLI, one module per area; each provides ``register(sub, common)``.
They only parse arguments, call the library and print summaries."""
