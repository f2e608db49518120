"""editions, blocks, segments, alignments, beads, users, changes

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 00:42:43.456698
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=80), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('alignment_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_changes'))
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_changes_alignment_id'), ['alignment_id'], unique=False)
        batch_op.create_index('ix_changes_target', ['target_type', 'target_id'], unique=False)

    op.create_table('editions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('line_count', sa.Integer(), nullable=False),
    sa.Column('page_count', sa.Integer(), nullable=False),
    sa.Column('block_count', sa.Integer(), nullable=False),
    sa.Column('segment_count', sa.Integer(), nullable=False),
    sa.Column('headers_removed', sa.Integer(), nullable=False),
    sa.Column('hyphenations_joined', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_editions')),
    sa.UniqueConstraint('title', 'lang', 'version', name=op.f('uq_editions_title'))
    )
    with op.batch_alter_table('editions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_editions_sha256'), ['sha256'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('alignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kk_edition_id', sa.Integer(), nullable=False),
    sa.Column('ru_edition_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('aligned_at', sa.DateTime(), nullable=False),
    sa.Column('bead_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['kk_edition_id'], ['editions.id'], name=op.f('fk_alignments_kk_edition_id_editions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ru_edition_id'], ['editions.id'], name=op.f('fk_alignments_ru_edition_id_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alignments'))
    )
    op.create_table('blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edition_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start_line', sa.Integer(), nullable=False),
    sa.Column('end_line', sa.Integer(), nullable=False),
    sa.Column('anchors', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['edition_id'], ['editions.id'], name=op.f('fk_blocks_edition_id_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blocks'))
    )
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.create_index('ix_blocks_edition_position', ['edition_id', 'position'], unique=True)

    op.create_table('beads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alignment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kk_start', sa.Integer(), nullable=False),
    sa.Column('kk_end', sa.Integer(), nullable=False),
    sa.Column('ru_start', sa.Integer(), nullable=False),
    sa.Column('ru_end', sa.Integer(), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['alignment_id'], ['alignments.id'], name=op.f('fk_beads_alignment_id_alignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beads'))
    )
    with op.batch_alter_table('beads', schema=None) as batch_op:
        batch_op.create_index('ix_beads_alignment_position', ['alignment_id', 'position'], unique=False)

    op.create_table('segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edition_id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('original', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start_line', sa.Integer(), nullable=False),
    sa.Column('end_line', sa.Integer(), nullable=False),
    sa.Column('is_heading', sa.Boolean(), nullable=False),
    sa.Column('opens_block', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['blocks.id'], name=op.f('fk_segments_block_id_blocks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['edition_id'], ['editions.id'], name=op.f('fk_segments_edition_id_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments'))
    )
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_segments_block_id'), ['block_id'], unique=False)
        batch_op.create_index('ix_segments_edition_position', ['edition_id', 'position'], unique=True)




def downgrade() -> None:

    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_index('ix_segments_edition_position')
        batch_op.drop_index(batch_op.f('ix_segments_block_id'))

    op.drop_table('segments')
    with op.batch_alter_table('beads', schema=None) as batch_op:
        batch_op.drop_index('ix_beads_alignment_position')

    op.drop_table('beads')
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_index('ix_blocks_edition_position')

    op.drop_table('blocks')
    op.drop_table('alignments')
    op.drop_table('users')
    with op.batch_alter_table('editions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_editions_sha256'))

    op.drop_table('editions')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_target')
        batch_op.drop_index(batch_op.f('ix_changes_alignment_id'))

    op.drop_table('changes')

