"""The per-article stages: clean, language, publication date, sentences, mentions, names within the
article, events and their dates and modality (each a small module; ``pipeline`` runs them in order)."""
