"""Independent mistake corpora, written from learners' public reports without reading the known-mistake catalogues."""
