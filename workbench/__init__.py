"""The Kazakh–Russian alignment workbench: ``create_app`` builds the Flask application."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import config as settings

if TYPE_CHECKING:
    from flask import Flask


def _secret_key(instance: Path) -> str:
    """A random key kept in the instance folder, so sessions survive a restart."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults → instance/config.py → environment → ``test_config``."""
    # Imported here so that the pure packages (workbench.text, .align, …) never pull Flask in.
    from flask import Flask

    app = Flask(__name__, instance_path=str(settings.PROJECT_ROOT / "instance"), instance_relative_config=True,
                template_folder="web/templates", static_folder="web/static")
    app.config.from_mapping(settings.DEFAULTS)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_mapping(settings.from_environment())
    else:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(Path(app.instance_path))
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = f"sqlite:///{Path(app.instance_path) / 'workbench.sqlite'}"
    # Progress is printed by the CLI; the log shows warnings, and the server's request lines.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.INFO)

    from workbench import db

    engine = db.make_engine(app.config["DATABASE_URL"])
    app.extensions["workbench.engine"] = engine
    app.extensions["workbench.sessions"] = db.session_factory(engine)
    app.teardown_appcontext(db.close_session)

    from workbench import web

    web.register(app)
    return app
