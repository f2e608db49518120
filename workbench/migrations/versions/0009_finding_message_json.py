"""finding messages (and prose suggestions) as msgid and values, so each reader sees a finding in their
own language

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:30:00

Findings stored before keep their English message (``message_json`` stays empty and the pages show it
as it is) until the checks run again and find them anew. The ``key`` that keeps a verdict across re-runs
does not involve the message, so no verdict is lost.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_json', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('suggestion_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_column('suggestion_json')
        batch_op.drop_column('message_json')
