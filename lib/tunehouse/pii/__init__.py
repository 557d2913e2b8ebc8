"""PII detection and scrubbing for chat logs. Import the submodules you need (``tunehouse.pii.scrubber``);
this package import stays light."""
