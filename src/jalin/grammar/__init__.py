"""The grammar layer: word classes, chunks, clauses and references shared by the later layers."""
