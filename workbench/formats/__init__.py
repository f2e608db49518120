"""File formats: one module per format, each with NAME, EXTENSIONS, read and (where it applies) write."""
