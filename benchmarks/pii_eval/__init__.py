"""Labelled evaluation sets for the PII scrubber that its authors did not write the values of, and a scorer.

``build.py`` writes the sets under ``data/`` (other-generator, real-text, false-positive; each split into
dev and held-out by a hash of the record id); ``score.py`` runs ``tunehouse scrub`` on them and reports
recall, keep-survival and false replacements. See README.md in this folder.
"""
