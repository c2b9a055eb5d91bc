"""Ids and numbers past 64 bits, and JSON nested too deep, get 404/400, never 500; API links never
carry a forged Host (issue 14 items 10 and 13,
SECURITY-TESTS H6).

Stories: someone types /tasks/99999999999999999999999, or a filter ?plan= with 25 digits, or posts a JSON body of 100,000 "[" to the API: the page says not found or
ignores the filter with a message, the API answers 400, no OverflowError or RecursionError.
"""
from __future__ import annotations

from tracker.ids import MAX_ID, parse_id

HUGE = "99999999999999999999999"


def test_parse_id_takes_plain_digits_up_to_63_bits():
    assert parse_id("42") == 42 and parse_id(str(MAX_ID)) == MAX_ID
    for text in (HUGE, str(MAX_ID + 1), "²", "１２", "-1", "", None, "1 2"):
        assert parse_id(text) is None, text


def test_ids_past_64_bits_in_the_path_are_404(app, client, auth):
    auth.login("duban")
    for path in (f"/tasks/{HUGE}", f"/plans/{HUGE}", f"/attachments/{HUGE}", f"/plans/{HUGE}/ledger.xlsx"):
        assert client.get(path).status_code == 404, path


def test_filters_past_64_bits_are_ignored_with_a_message(app, client, auth):
    auth.login("duban")
    response = client.get(f"/dashboard?plan={HUGE}")
    assert response.status_code in (200, 400)
    assert f"“方案”应为编号，已忽略“{HUGE}”" in response.get_data(as_text=True)
    assert client.get(f"/dashboard/ledger.xlsx?plan={HUGE}").status_code in (200, 400)


def test_api_numbers_past_64_bits_and_deep_json_get_400_or_404(api, world):  # noqa: F811
    client, bearer = api
    headers = bearer("la")
    assert client.get(f"/api/v1/tasks/{HUGE}", headers=headers).status_code == 404
    assert client.get(f"/api/v1/tasks?plan={HUGE}", headers=headers).status_code == 400
    assert client.get(f"/api/v1/tasks?page={HUGE}", headers=headers).status_code == 400
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(f"/api/v1/tasks/{world.tasks['T2']}/reports", data=deep,
                           headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert "请求体应为 JSON 对象" in response.get_json()["error"]


def test_api_links_never_carry_a_forged_host(api, world, empty_app):  # noqa: F811
    client, bearer = api
    headers = {**bearer("sup"), "Host": "evil.example"}
    empty_app.config["BASE_URL"] = "https://duban.example.gov.cn/"
    body = client.get("/api/v1/tasks?per_page=1", headers=headers).get_json()
    assert body["next"].startswith("https://duban.example.gov.cn/api/v1/tasks?")
    assert body["items"][0]["url"].startswith("https://duban.example.gov.cn/api/v1/tasks/")
    empty_app.config["BASE_URL"] = None
    empty_app.config["TRUSTED_HOSTS"] = ["duban.example.gov.cn", "localhost"]
    response = client.get("/api/v1/tasks?per_page=1", headers=headers)
    assert response.status_code == 400 and b"evil.example" not in response.data
    assert client.get("/api/v1/tasks?per_page=1", headers=bearer("sup")).status_code == 200
