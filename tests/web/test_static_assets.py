"""Static files are kept by the browser until they change (tracker/static_assets.py)."""
from __future__ import annotations

import os
import re
import shutil

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


def test_a_browser_that_accepts_gzip_gets_the_text_files_compressed_and_the_same_bytes_unpacked(client, auth):
    import gzip

    auth.login("duban")
    links = static_links(client.get("/dashboard").text)
    packed_total = plain_total = 0
    for link in links:
        plain = client.get(link)
        packed = client.get(link, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert packed.status_code == 200 and "Accept-Encoding" in packed.headers.get("Vary", ""), link
        assert packed.headers["Cache-Control"] == plain.headers["Cache-Control"], link  # still kept a year
        assert "Content-Encoding" not in plain.headers, link  # no gzip asked, none sent
        if packed.headers.get("Content-Encoding") == "gzip":
            assert gzip.decompress(packed.data) == plain.data, link
            assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data), link
            assert packed.headers["ETag"].startswith('W/"'), link  # other bytes, same content
        else:
            assert packed.data == plain.data, link
        packed_total, plain_total = packed_total + len(packed.data), plain_total + len(plain.data)
    bootstrap = next(link for link in links if "bootstrap.min.css" in link)
    assert client.get(bootstrap, headers={"Accept-Encoding": "gzip"}).headers["Content-Encoding"] == "gzip"
    assert packed_total < plain_total / 3  # Bootstrap, Chart.js and the app's files: about 520 KB to 130 KB


def test_a_compressed_file_is_revalidated_by_its_etag_and_ranges_and_refusals_get_the_plain_file(client, auth):
    auth.login("zjj")
    link = next(link for link in static_links(client.get("/").text) if "bootstrap.min.css" in link)
    bare = link.split("?")[0]  # asked without its version: revalidated, not kept
    first = client.get(bare, headers={"Accept-Encoding": "gzip"})
    again = client.get(bare, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data
    assert "Accept-Encoding" in again.headers.get("Vary", "")
    part = client.get(bare, headers={"Accept-Encoding": "gzip", "Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.data) == 100 and "Content-Encoding" not in part.headers
    refused = client.get(bare, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers and refused.data.startswith(b"@charset")


def test_pages_are_never_compressed_they_carry_the_csrf_token_next_to_what_users_typed(client, auth):
    assert "Content-Encoding" not in client.get("/login", headers={"Accept-Encoding": "gzip"}).headers
    auth.login("duban")
    for path in ("/", "/plans/1", "/tasks/5"):
        page = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert page.status_code == 200, path
        assert "Content-Encoding" not in page.headers, path  # BREACH: no compression of secrets over TLS


def test_a_static_file_changed_while_the_server_runs_is_linked_by_its_new_version_on_the_next_page(
        app, client, auth, tmp_path, monkeypatch):
    """Each static address is built once per process and reused (static_assets.kept_static_url): the next page after
    an upgrade replaced a file must link it by its new content's version, or browsers would keep the old file for a
    year; and an office that serves the tracker under a path prefix gets its own prefix on every link."""
    shutil.copytree(app.static_folder, tmp_path / "static")
    monkeypatch.setattr(app, "static_folder", str(tmp_path / "static"))
    stylesheet = tmp_path / "static" / "css" / "tracker.css"
    auth.login("zjj")

    def link() -> str:
        return next(link for link in static_links(client.get("/").text) if "tracker.css" in link)

    before = link()
    assert link() == before
    stylesheet.write_text(stylesheet.read_text() + "\n/* upgraded */\n")
    os.utime(stylesheet, ns=(stylesheet.stat().st_atime_ns, stylesheet.stat().st_mtime_ns + 1_000_000_000))
    after = link()
    assert after != before and after.split("?")[0] == before.split("?")[0]
    assert client.get(after).headers["Cache-Control"] == f"public, max-age={MAX_AGE}, immutable"
    prefixed = client.get("/", base_url="http://localhost/duban/").text
    assert re.findall(r'href="(/duban/static/css/tracker\.css\?v=[0-9a-f]{12})"', prefixed) == ["/duban" + after]
    assert link() == after  # and the plain address again without the prefix
