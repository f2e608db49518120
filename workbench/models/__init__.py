"""Typed SQLAlchemy models, one module per area; everything is importable from ``workbench.models``."""
from workbench.models.accounts import AuditEvent, Change, LoginFailure, User
from workbench.models.alignments import Alignment, Bead
from workbench.models.editions import Block, Edition, Segment, utcnow
from workbench.models.findings import Finding
from workbench.models.glossary import GlossaryCandidate, GlossaryEntry, GlossaryTerm

__all__ = ["Alignment", "AuditEvent", "LoginFailure", "Bead", "Block", "Change", "Edition", "Finding", "GlossaryCandidate",
           "GlossaryEntry", "GlossaryTerm", "Segment", "User", "utcnow"]
