"""The words pages show for stored values — job states and kinds, finding statuses and severities, correction and review actions,
candidate statuses, approvals, glossary term types and statuses, review filters, sort orders — listed here so that the translation catalogues
carry them (``scripts/update-translations`` extracts ``N_``). Templates translate the value itself:
``{{ _(job.state) }}``; a value missing from the catalogue is shown as it is."""
from __future__ import annotations


from workbench.errors import N_


JOB_STATES = (N_("queued"), N_("running"), N_("done"), N_("failed"))
JOB_KINDS = (N_("import"), N_("align"), N_("realign"), N_("check"), N_("harvest"))
FINDING_STATUSES = (N_("open"), N_("fixed"), N_("intended"), N_("false-alarm"))
SEVERITIES = (N_("error"), N_("warning"), N_("info"))
CORRECTION_ACTIONS = (N_("edit"), N_("delete"), N_("merge"), N_("split"))
REVIEW_ACTIONS = (N_("confirm"), N_("unconfirm"), N_("merge"), N_("split"), N_("move"), N_("detach"), N_("comment"),
                  N_("pair"), N_("confirm-above"), N_("edit-text"), N_("realign"), N_("undo"), N_("redo"))
CANDIDATE_STATUSES = (N_("pending"), N_("accepted"), N_("rejected"))
APPROVALS = (N_("approved"), N_("proposed"))
TERM_TYPES = (N_("full-form"), N_("abbreviation"), N_("short-form"), N_("variant"))
TERM_STATUSES = (N_("preferred"), N_("admitted"), N_("deprecated"), N_("forbidden"))
REVIEW_FILTERS = (N_("unconfirmed"), N_("1-0 / 0-1 only"), N_("2-1, 1-2 …"))
HARVEST_SORTS = (N_("best evidence first"), N_("Kazakh A–Я"), N_("Russian А–Я"), N_("kind"), N_("newest"))
