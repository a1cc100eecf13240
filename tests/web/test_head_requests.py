"""The public pages answer HEAD as they answer GET (what link checkers and uptime monitors send).

Regression: every page guarded by ``require_GET`` answered HEAD with 405 'method not allowed', so a
checker reported the region's published pages as broken."""

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/kabupaten-banjar/",
        "/kabupaten-banjar/{agency}/2016/",
        "/kabupaten-banjar/buku/2016.pdf",
        "/kabupaten-banjar/data-terbuka/",
        "/nasional/",
    ],
)
def test_a_public_page_answers_head_like_get(agency, client, path):
    path = path.format(agency=agency.slug)
    got, head = client.get(path), client.head(path)
    assert (head.status_code, got.status_code) == (200, 200)
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""  # the headers only
