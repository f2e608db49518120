"""changes.state: the per-user undo/redo stack of the review workspace

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 00:47:54.142455

Generated with ``alembic revision --autogenerate`` against a scratch SQLite database at 0002 and
reviewed: one column with a server default (so existing rows become "done") and one index.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.String(length=10), server_default='done', nullable=False))
        batch_op.create_index('ix_changes_user_alignment', ['user', 'alignment_id', 'state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_user_alignment')
        batch_op.drop_column('state')
