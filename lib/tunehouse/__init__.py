"""tunehouse: turn historical chat logs into a fine-tuned chat model."""

__version__ = "0.1.0"
