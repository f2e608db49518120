"""The review page in headless Chromium: mouse and keyboard editing that persists, a viewer who cannot
change anything, and two reviewers editing the same bead."""
from __future__ import annotations

import pytest
from browser_helpers import log_in, shot
from review_builders import KK, RU
from sqlalchemy import select

from workbench.models import Bead, Segment

pytestmark = pytest.mark.browser


def shapes(page) -> list[str]:
    return page.locator("tr.bead .shape").all_inner_texts()


def change(page, action) -> None:
    """Do ``action`` (a click or a key) and wait until the page has reloaded with the stored state."""
    with page.expect_navigation(wait_until="load"):
        action()


def key(page, name: str) -> None:
    change(page, lambda: page.keyboard.press(name))


def click(page, selector: str) -> None:
    change(page, lambda: page.locator(selector).click())


def stored(session, alignment_id):
    session.expire_all()
    return [(b.kk_start, b.kk_end, b.ru_start, b.ru_end, b.status) for b in session.scalars(
        select(Bead).where(Bead.alignment_id == alignment_id).order_by(Bead.position))]


def test_edit_with_mouse_and_keys_then_reload_keeps_everything(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "admin")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    assert shapes(page) == ["1-1", "1-1", "1-1", "1-1", "1-0", "1-1", "1-1"]
    shot(page, "review-demo")

    # Mouse: merge bead 1 with bead 2.
    click(page, "#b1 button[data-act=merge]")
    assert shapes(page)[0] == "2-2" and len(shapes(page)) == 6
    assert page.locator("#message").inner_text() == "Merged kk 1 · ru 1 with the next bead."

    # Keyboard: on bead 1, select its first Kazakh sentence (l) and split after it (s).
    page.locator("#b1 td.num").click()
    page.keyboard.press("l")
    key(page, "s")
    assert shapes(page)[:2] == ["1-1", "1-1"] and len(shapes(page)) == 7

    # Keyboard: go to bead 4 (j j j from bead 1) and merge it with the 1-0 bead 5 (m).
    page.locator("#b1 td.num").click()
    for _ in range(3):
        page.keyboard.press("j")
    key(page, "m")
    assert shapes(page)[3] == "2-1"

    # Mouse: select the first Kazakh sentence of bead 4 and split after it with the button.
    page.locator("#b4 .sent[data-side=kk][data-index='0']").click()
    click(page, "#b4 button[data-act=split]")
    assert shapes(page)[3:5] == ["1-1", "1-0"]

    # Confirm bead 2 with the key c, bead 3 with the mouse.
    page.locator("#b2 td.num").click()
    key(page, "c")
    assert page.locator("#b2.confirmed").count() == 1
    click(page, "#b3 button[data-act=confirm]")
    assert page.locator("#b3.confirmed").count() == 1

    # Edit the Russian sentence of bead 6 (e), save with Ctrl+Enter.
    page.locator("#b6 .sent[data-side=ru]").click()
    page.keyboard.press("e")
    page.fill("#edit-text", "Конституция принята в 1995 году (исправлено).")
    key(page, "Control+Enter")
    assert page.locator("#b6 .edited").count() == 1
    assert "(исправлено)" in page.locator("#b6 td.side[lang=ru]").inner_text()
    shot(page, "review-after-edits")

    # Undo (u) takes the text edit back; redo (Shift+U) and undo again.
    page.locator("#b6 td.num").click()
    key(page, "u")
    assert page.locator("#b6 .edited").count() == 0
    key(page, "Shift+U")
    assert page.locator("#b6 .edited").count() == 1
    key(page, "u")
    assert page.locator("#b6 .edited").count() == 0

    page.reload()
    assert shapes(page) == ["1-1", "1-1", "1-1", "1-1", "1-0", "1-1", "1-1"]
    assert page.locator("tr.bead.confirmed").count() == 2
    assert stored(session, demo.alignment_id)[1][4] == "confirmed"
    assert session.scalar(select(Segment.text).where(Segment.edition_id == demo.ru_edition_id,
                                                     Segment.position == 5)) == RU[4]


def test_history_and_help_dialogs(live, context):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    click(page, "#b2 button[data-act=confirm]")
    page.locator("#b2 td.num").click()
    page.keyboard.press("i")
    page.wait_for_selector("#history-dialog[open] td")
    text = page.locator("#history-dialog").inner_text()
    assert "translator" in text and "confirm" in text and "(auto)" in text and "(confirmed)" in text
    shot(page, "review-history")
    page.locator("#history-dialog .close").click()
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    shot(page, "review-help")


def test_viewer_cannot_change_anything(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "viewer")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    before = stored(session, demo.alignment_id)
    assert page.locator("button[data-act=merge]").count() == 0
    page.locator("#b1 td.num").click()
    page.keyboard.press("m")
    assert "may not change beads" in page.locator("#message").inner_text()
    # Even a hand-made call with the page's own CSRF token is refused by the server.
    bead_id = page.locator("#b1").get_attribute("data-id")
    status = page.evaluate("""async (id) => {
        const token = document.querySelector('meta[name=csrf-token]').content;
        const r = await fetch(`${location.pathname}/api/beads/${id}/merge`, {method: 'POST',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
            body: JSON.stringify({version: 1, next_version: 1})});
        return r.status; }""", bead_id)
    assert status == 403
    assert stored(session, demo.alignment_id) == before


def test_second_reviewer_on_the_same_bead_gets_the_conflict_message(live, browser, context, session):
    base, demo = live
    ann = context.new_page()
    log_in(ann, base, "translator")
    other = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        bob = other.new_page()
        log_in(bob, base, "admin")
        for page in (ann, bob):
            page.goto(f"{base}/alignments/{demo.alignment_id}")
        click(bob, "#b2 button[data-act=confirm]")
        assert bob.locator("#b2.confirmed").count() == 1
        # Ann's page still shows the old version of bead 2: her merge must not overwrite Bob's change.
        ann.locator("#b2 button[data-act=merge]").click()
        ann.wait_for_selector("#conflict:not([hidden])")
        message = ann.locator("#conflict").inner_text()
        assert "Conflict" in message and "changed by admin" in message and "nothing was saved" in message
        assert "confirmed" in message and KK[1] in message
        shot(ann, "review-conflict")
        assert stored(session, demo.alignment_id)[1] == (2, 3, 2, 3, "confirmed")
        assert len(stored(session, demo.alignment_id)) == 7
    finally:
        other.close()


def test_anonymous_visitor_of_a_public_project_reads_but_has_no_controls(app, live, context):
    base, demo = live
    app.config["PUBLIC_READ"] = True
    page = context.new_page()
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    assert page.locator("tr.bead").count() == 7 and page.locator("#undo").count() == 0
    page.goto(f"{base}/auth/login")
    shot(page, "login")


def test_move_and_detach_with_shortcuts(live, context, session):
    base, demo = live
    page = context.new_page()
    log_in(page, base, "translator")
    page.goto(f"{base}/alignments/{demo.alignment_id}")
    # Select bead 2's Russian sentence and move it to bead 1 ([): bead 1 becomes 1-2, bead 2 1-0.
    page.locator("#b2 .sent[data-side=ru]").click()
    key(page, "[")
    assert shapes(page)[:2] == ["1-2", "1-0"]
    # Detach (d) bead 1's second Russian sentence: 1-1 and a lone 0-1.
    page.locator("#b1 .sent[data-side=ru][data-index='1']").click()
    key(page, "d")
    assert shapes(page)[:3] == ["1-1", "0-1", "1-0"]
    assert stored(session, demo.alignment_id)[1] == (2, 2, 2, 3, "auto")
