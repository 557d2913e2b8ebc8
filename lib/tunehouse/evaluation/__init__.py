"""Batch evaluation of the fine-tuned model beside its base (and the champion) on Spark, the quality gate
and the report. Import the submodules you need; this package import stays light."""
