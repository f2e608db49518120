"""Security headers on every answer, and ``/healthz`` (the database answers a trivial query).

The Content-Security-Policy allows scripts and styles only from the workbench's own static files (no
inline script, no inline style, no ``on…=`` handlers), and no page may be framed by another site.
"""
from __future__ import annotations

from flask import Flask, Response, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def healthz():
    """200 {"status": "ok"} when the database answers; 503 with the problem otherwise."""
    from flask import current_app

    try:
        with current_app.extensions["workbench.engine"].connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as error:  # any failure to reach the database is what this endpoint reports
        return jsonify(status="error", database=str(error).splitlines()[0][:200]), 503
    return jsonify(status="ok", database="ok")


def install(app: Flask) -> None:
    app.after_request(add_headers)
    app.add_url_rule("/healthz", endpoint="healthz", view_func=healthz)
