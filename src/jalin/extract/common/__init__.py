"""What several extraction layers share: the phrase matcher, cues, numbers, units, speech cues and
the read-only queries over earlier layers' records. Nothing here imports a layer."""
