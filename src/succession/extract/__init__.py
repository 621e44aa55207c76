"""The per-article stages: clean, language, publication date, sentences, mentions, names within the
article, events and their dates and modality (each a small module). ``components`` wraps them as named
components over one document (``doc.ArticleDoc``), ``components.default_pipeline()`` lists them in order,
and ``pipeline`` holds the library's entry points into it (docs/architecture.md)."""
