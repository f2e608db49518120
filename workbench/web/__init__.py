"""Web pages: one blueprint per area, registered here with the error handlers and template helpers."""
from __future__ import annotations

from flask import Flask, render_template

from workbench.db import get_session


def register(app: Flask) -> None:
    from workbench.web import editions

    app.register_blueprint(editions.bp)
    app.add_url_rule("/", endpoint="index", view_func=editions.index)

    @app.errorhandler(404)
    def not_found(error):
        return render_template("errors/404.html", error=error), 404

    @app.errorhandler(500)
    def server_error(error):
        get_session().rollback()
        return render_template("errors/500.html"), 500
