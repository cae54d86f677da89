"""The extraction layers: a package per layer that spans several modules (actors, agreements,
events, times), a module per small one (statements, quantities, gatherings, topics), and `common`
for what they share. Each layer exposes `extract(doc) -> list of its records`; see
docs/architecture.md for the import rule."""
