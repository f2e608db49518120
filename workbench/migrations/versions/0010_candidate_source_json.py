"""harvest candidates' source (where found, and the figures behind the score) as msgid and values, so
each reader sees it in their own language

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 03:40:00

Candidates stored before keep their English source (``source_json`` stays empty and the pages show it
as it is).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('glossary_candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('glossary_candidates', schema=None) as batch_op:
        batch_op.drop_column('source_json')
