"""job messages as msgid and values, so each reader sees a job's progress in their own language

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 16:30:00

Jobs stored before keep their English message (``message_json`` stays empty and the pages show it as
it is).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('message_json')
