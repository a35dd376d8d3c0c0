"""Password reset: the link is emailed, and in development the email is printed on the
console; following it sets a new password that then signs in."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

RESET_LINK = re.compile(r"https?://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)")


def test_the_reset_link_is_printed_in_the_console_email(client, focal_point_a, settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    response = client.post(reverse("accounts:password_reset"), {"email": "Focal.CHE@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    printed = capsys.readouterr().out
    assert "To: focal.che@example.org" in printed
    assert RESET_LINK.search(printed)


def test_following_the_link_sets_a_new_password_that_signs_in(client, focal_point_a):
    client.post(reverse("accounts:password_reset"), {"email": focal_point_a.email})
    (email,) = mail.outbox
    path = RESET_LINK.search(email.body).group(1)
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "Another-long-passphrase-2005"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    assert client.login(username=focal_point_a.username, password=new)


def test_a_used_reset_link_is_refused(client, focal_point_a):
    client.post(reverse("accounts:password_reset"), {"email": focal_point_a.email})
    path = RESET_LINK.search(mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    new = "Another-long-passphrase-2005"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    again = client.get(path, follow=True)
    assert "This link is not valid" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
