"""The one registry of formats: every module's declaration, and the command line's choices come from it."""
from __future__ import annotations

from click.testing import CliRunner

from workbench.cli.main import cli
from workbench.formats import registry


def test_the_registry_holds_every_glossary_and_alignment_format():
    assert registry.names("glossary") == ["tbx", "tsv", "csv", "omegat", "po", "json"]
    assert registry.names("alignment") == ["tmx", "xliff", "po", "tsv"]
    assert registry.names("alignment", readable=True) == ["tmx", "tsv"]


def test_formats_are_found_by_name_or_extension():
    assert registry.find("glossary", path="x/terms.utf8").name == "omegat"
    assert registry.find("glossary", path="terms.pot").name == "po"
    assert registry.find("alignment", path="a.xlf").name == "xliff"
    assert registry.find("alignment", "po").write is not None


def test_an_unknown_extension_names_the_choices():
    import pytest

    from workbench.errors import InputError

    with pytest.raises(InputError, match="tbx|tsv"):
        registry.find("glossary", path="terms.docx")


def test_command_line_choices_come_from_the_registry():
    out = CliRunner().invoke(cli, ["glossary", "export", "--help"]).output
    assert "tbx|tsv|csv|omegat|po|json" in out
    out = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "tmx|xliff|po|tsv" in out
