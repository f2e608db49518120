"""Web pages: one blueprint per area, registered here with the error handlers and template helpers.

Also installed here for the whole app: the logged-in user (``g.user``), private-by-default (only the
login page, static files and ``/healthz`` are open), the CSRF check on every mutating request, security
headers, and cookie settings (HttpOnly, SameSite=Lax, Secure over https).
"""
from __future__ import annotations


from flask import Flask, render_template, request
from werkzeug.exceptions import RequestEntityTooLarge

from workbench.db import get_session


def register(app: Flask) -> None:
    from workbench.web import alignments, api, auth, editions, errata, glossary, i18n, jobs, security, starting

    i18n.install(app)
    app.session_interface = auth.SessionInterface()
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.before_request(auth.load_user)
    app.before_request(auth.require_login)
    app.before_request(auth.check_csrf)
    security.install(app)
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
        return api.json_error(404, i18n.gettext("no such resource")) or (render_template("errors/404.html", error=error), 404)

    @app.errorhandler(405)
    def wrong_method(error):
        return api.json_error(405, i18n.gettext("%(method)s is not allowed here", method=request.method)) or error

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error):
        limit = app.config["MAX_CONTENT_LENGTH"]
        return (api.json_error(413, i18n.gettext("the request is over the size limit of %(n)s bytes", n=f"{limit:,}"))
                or auth.refuse(i18n.gettext("the request is larger than %(n)s MiB and was refused",
                                            n=limit // (1024 * 1024)), 413))

    @app.errorhandler(500)
    def server_error(error):
        get_session().rollback()
        return api.json_error(500, i18n.gettext("internal error; it was logged")) or (render_template("errors/500.html"), 500)
