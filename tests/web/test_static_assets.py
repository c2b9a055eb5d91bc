"""Static files are kept by the browser until they change (tracker/static_assets.py)."""
from __future__ import annotations

import re

from tracker.static_assets import MAX_AGE


def static_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_files_of_a_signed_in_page_are_versioned_and_kept_by_the_browser(client, auth):
    auth.login("zjj")
    page = client.get("/")
    assert page.headers["Cache-Control"] == "no-store"  # the page itself stays private
    links = static_links(page.text)
    assert any("bootstrap.min.css" in link for link in links)
    for link in links:
        assert re.search(r"\?v=[0-9a-f]{12}$", link), link
        response = client.get(link)
        assert response.status_code == 200, link
        assert response.headers["Cache-Control"] == f"public, max-age={MAX_AGE}, immutable", link


def test_static_file_asked_for_with_an_old_version_or_none_is_revalidated_not_kept(client, auth):
    auth.login("zjj")
    link = next(link for link in static_links(client.get("/").text) if "tracker.css" in link)
    bare = link.split("?")[0]
    for path in (bare, bare + "?v=000000000000"):
        response = client.get(path)
        assert response.status_code == 200
        assert "max-age=31536000" not in response.headers["Cache-Control"], path
        assert "no-store" not in response.headers["Cache-Control"], path  # same for every visitor


def test_warm_up_compiles_every_page_template_before_the_first_request(app, client, auth):
    from tracker.warmup import warm_up

    compiled = warm_up(app)
    assert compiled == len(app.jinja_env.list_templates(filter_func=lambda name: name.endswith(".html")))
    assert compiled > 20
    auth.login("zjj")
    assert client.get("/").status_code == 200  # the warmed app still serves
