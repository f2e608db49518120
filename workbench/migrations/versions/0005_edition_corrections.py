"""edition_corrections: the editor's record of an edition; segments.deleted; blocks.doubled_spaces

Revision ID: 0005
Revises: 0004b
Create Date: 2026-12-05 12:30:00

Written by hand after the models: one table and two columns with server defaults (existing
sentences are not deleted; existing blocks record no doubled space).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'edition_corrections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('edition_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('user', sa.String(length=80), nullable=True),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=True),
        sa.Column('line', sa.Integer(), nullable=True),
        sa.Column('before', sa.Text(), nullable=False),
        sa.Column('after', sa.Text(), nullable=False),
        sa.Column('finding_id', sa.Integer(), nullable=True),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.Column('undone_by', sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(['edition_id'], ['editions.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_edition_corrections_edition', 'edition_corrections', ['edition_id', 'id'], unique=False)
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False))
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('doubled_spaces', sa.Text(), server_default='[]', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_column('doubled_spaces')
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_column('deleted')
    op.drop_index('ix_edition_corrections_edition', table_name='edition_corrections')
    op.drop_table('edition_corrections')
