"""Typed SQLAlchemy models, one module per area; everything is importable from ``workbench.models``."""
from workbench.models.accounts import AuditEvent, Change, LoginFailure, User
from workbench.models.alignments import Alignment, Bead
from workbench.models.corrections import Correction
from workbench.models.editions import Block, Edition, Segment, utcnow
from workbench.models.findings import Finding
from workbench.models.glossary import GlossaryCandidate, GlossaryEntry, GlossaryTerm
from workbench.models.jobs import ApiToken, Job

__all__ = ["Alignment", "ApiToken", "AuditEvent", "Bead", "Block", "Change", "Correction", "Edition", "Finding",
           "GlossaryCandidate", "GlossaryEntry", "GlossaryTerm", "Job", "LoginFailure", "Segment", "User", "utcnow"]
