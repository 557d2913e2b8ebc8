"""Errors that tunehouse reports as one clear line (exit code 2) rather than a stack trace."""


class UserError(Exception):
    """Bad input or configuration: the message says what and where."""
