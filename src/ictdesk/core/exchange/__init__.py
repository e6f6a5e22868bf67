"""Exchange with other offices and systems: exports, fill-in templates, imports and merges."""
