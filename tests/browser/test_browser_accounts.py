"""In Chromium: a user logs in and changes the password; an admin disables a user, whose open page stops
working at once; pages in Russian from the browser's language; no page breaks its Content-Security-Policy."""
from __future__ import annotations

import pytest
from browser_helpers import log_in, shot
from review_builders import PASSWORD

pytestmark = pytest.mark.browser


def test_log_in_then_change_the_password(live, context):
    base, _demo = live
    page = context.new_page()
    page.goto(f"{base}/alignments/")
    assert "/auth/login" in page.url  # private by default
    log_in(page, base, "translator")
    page.click("a.who")
    page.fill("input[name=current]", PASSWORD)
    page.fill("input[name=new]", "a brand new password")
    page.fill("input[name=repeat]", "a brand new password")
    page.click("form.password button")
    assert "Your password is changed" in page.locator("p.flash").inner_text()
    shot(page, "account-password-changed")
    page.click("header.top button.link")  # log out
    page.fill("input[name=name]", "translator")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button")
    assert "Wrong user name or password" in page.locator("p.flash.error").inner_text()
    page.fill("input[name=name]", "translator")
    page.fill("input[name=password]", "a brand new password")
    page.click("form.login button")
    page.wait_for_url(f"{base}/")


def test_admin_disables_a_user_whose_session_ends_at_once(live, browser):
    base, demo = live
    admin_ctx, user_ctx = browser.new_context(), browser.new_context()
    try:
        user = user_ctx.new_page()
        log_in(user, base, "editor")
        user.goto(f"{base}/alignments/{demo.alignment_id}")
        assert user.locator("tr.bead").count() == 7
        admin = admin_ctx.new_page()
        log_in(admin, base, "admin")
        admin.click("text=Users")
        admin.locator("tr[data-user=editor] button.disable").click()
        assert "editor is disabled" in admin.locator("p.flash").inner_text()
        assert "disabled" in admin.locator("tr[data-user=editor]").inner_text()
        shot(admin, "users-disabled")
        admin.click("header.top >> text=Audit")
        assert "disable user" in admin.locator("table.audit tbody tr").first.inner_text()
        user.reload()
        assert "/auth/login" in user.url  # the open session ended at once
        user.fill("input[name=name]", "editor")
        user.fill("input[name=password]", PASSWORD)
        user.click("form.login button")
        assert "Wrong user name or password" in user.locator("p.flash.error").inner_text()
    finally:
        admin_ctx.close()
        user_ctx.close()


def test_russian_pages_from_the_browser_language_and_no_csp_violations(live, browser):
    base, demo = live
    ctx = browser.new_context(locale="ru-RU")
    try:
        page = ctx.new_page()
        violations = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"{base}/auth/login")
        assert page.locator("h1").inner_text() == "Войти"
        log_in(page, base, "admin")
        for path in ("/", f"/alignments/{demo.alignment_id}", "/glossary/", "/auth/users", "/auth/account"):
            page.goto(base + path)
        assert page.locator("h1").inner_text() == "Ваша учётная запись"
        page.goto(f"{base}/alignments/{demo.alignment_id}")
        with page.expect_navigation(wait_until="load"):  # the review page's script works under the policy
            page.locator("#b1 button[data-act=confirm]").click()
        assert page.locator("#b1.confirmed").count() == 1
        assert violations == []
    finally:
        ctx.close()
