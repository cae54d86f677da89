"""One module per extraction layer; each exposes `extract(doc) -> list of its records`."""
