"""findings and glossary

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 00:45:22.235096
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('glossary_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('kk', sa.String(length=400), nullable=False),
    sa.Column('ru', sa.String(length=400), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('examples', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by', sa.String(length=80), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_candidates'))
    )
    op.create_table('glossary_entries',
    sa.Column('id', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('approval', sa.String(length=20), nullable=False),
    sa.Column('approved_by', sa.String(length=80), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_entries'))
    )
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.String(length=60), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('text', sa.String(length=400), nullable=False),
    sa.Column('folded', sa.String(length=400), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('pos', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['entry_id'], ['glossary_entries.id'], name=op.f('fk_glossary_terms_entry_id_glossary_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms'))
    )
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_glossary_terms_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index('ix_glossary_terms_folded', ['lang', 'folded'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edition_id', sa.Integer(), nullable=False),
    sa.Column('alignment_id', sa.Integer(), nullable=True),
    sa.Column('check_id', sa.String(length=60), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=False),
    sa.Column('suggestion', sa.Text(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('segment_position', sa.Integer(), nullable=True),
    sa.Column('bead_position', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('changed_by', sa.String(length=80), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['alignment_id'], ['alignments.id'], name=op.f('fk_findings_alignment_id_alignments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['edition_id'], ['editions.id'], name=op.f('fk_findings_edition_id_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_edition_id'), ['edition_id'], unique=False)
        batch_op.create_index('ix_findings_edition_key', ['edition_id', 'alignment_id', 'key'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_edition_key')
        batch_op.drop_index(batch_op.f('ix_findings_edition_id'))

    op.drop_table('findings')
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_glossary_terms_folded')
        batch_op.drop_index(batch_op.f('ix_glossary_terms_entry_id'))

    op.drop_table('glossary_terms')
    op.drop_table('glossary_entries')
    op.drop_table('glossary_candidates')

