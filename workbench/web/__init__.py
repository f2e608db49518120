"""Web pages: one blueprint per area, registered here with the error handlers and template helpers.

Also installed here for the whole app: the logged-in user (``g.user``), the CSRF check on every
mutating request, and cookie settings (HttpOnly, SameSite=Lax, Secure over https).
"""
from __future__ import annotations


from flask import Flask, render_template, request

from workbench.db import get_session


def register(app: Flask) -> None:
    from workbench.web import alignments, api, auth, editions, errata, glossary, i18n, jobs, starting

    i18n.install(app)
    app.session_interface = auth.SessionInterface()
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.before_request(auth.load_user)
    app.before_request(auth.check_csrf)
    app.jinja_env.globals.update(csrf_token=auth.csrf_token, csrf_field=auth.csrf_field, may=auth.may)

    app.register_blueprint(editions.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(alignments.bp)
    app.register_blueprint(errata.bp)
    app.register_blueprint(glossary.bp)
    app.register_blueprint(jobs.bp)
    app.register_blueprint(starting.bp)
    app.register_blueprint(api.bp)
    app.add_url_rule("/", endpoint="index", view_func=editions.index)

    @app.errorhandler(404)
    def not_found(error):
        return api.json_error(404, "no such resource") or (render_template("errors/404.html", error=error), 404)

    @app.errorhandler(405)
    def wrong_method(error):
        return api.json_error(405, f"{request.method} is not allowed here") or error

    @app.errorhandler(413)
    def too_large(error):
        limit = app.config.get("MAX_CONTENT_LENGTH") or 0
        return api.json_error(413, f"the request is over the size limit of {limit:,} bytes") or error

    @app.errorhandler(500)
    def server_error(error):
        get_session().rollback()
        return api.json_error(500, "internal error; it was logged") or (render_template("errors/500.html"), 500)
