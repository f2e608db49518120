"""editions.source_format and segments.page_label: editions read from PDF and DOCX

Revision ID: 0004a
Revises: 0003
Create Date: 2026-12-05 12:40:00

``source_format`` says what a sentence's ``line`` counts (text: the file's line; pdf: the line within
the page; docx: the paragraph number); existing editions were all text files, hence the server default.
``page_label`` is the page as printed (a PDF's page label, such as ``xii``), beside the page's position.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004a'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('editions', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('source_format', sa.String(length=10), server_default='text', nullable=False))
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('page_label', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_column('page_label')
    with op.batch_alter_table('editions', schema=None) as batch_op:
        batch_op.drop_column('source_format')
