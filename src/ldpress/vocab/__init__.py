"""The pinned schema.org vocabulary: compiled index, derived context and look-ups."""

from __future__ import annotations

from ldpress.vocab.index import Vocabulary, load_vocabulary, term_from_iri

__all__ = ["Vocabulary", "load_vocabulary", "term_from_iri"]
