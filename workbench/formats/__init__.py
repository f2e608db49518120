"""File formats: one module per format, each declaring ``FORMATS`` (see ``base.FileFormat``).

``registry`` collects them: ``registry.find("glossary", name, path)``, ``registry.names("alignment")``.
"""
