"""Facts every layer agrees on, each with one owner: the chat format, placeholder grammar, table names,
the export layout. Plain Python, no heavy imports."""
