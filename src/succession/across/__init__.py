"""The cross-article work: stories, names resolved across articles, dates read from a story."""
