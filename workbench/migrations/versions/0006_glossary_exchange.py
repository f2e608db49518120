"""glossary_terms.context: where a term counts for its concept (a polysemous word's other senses)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 12:30:00

One nullable column; existing terms count everywhere, as before.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('context', sa.String(length=400), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.drop_column('context')
