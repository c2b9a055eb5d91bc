"""导入方案 in the top bar: whoever may import a plan (services/permissions.can_manage_plans: the supervising office and
the admin) finds it on every page, not only on the plans list; a liaison never sees it, and the page itself still
says no to one who types its address."""
from __future__ import annotations

import re

NAV_IMPORT = re.compile(r'<a class="nav-link[^"]*" id="nav-import-plan" href="/plans/import"[^>]*>导入方案</a>')


def test_the_supervising_office_finds_import_plan_in_the_top_bar_of_any_page_and_it_opens_the_upload(signed_in):
    duban = signed_in("duban")
    for address in ("/", "/plans", "/notifications"):
        page = duban.get(address).get_data(as_text=True)
        assert NAV_IMPORT.search(page), f"{address} has no 导入方案 in its top bar"

    upload = duban.get("/plans/import").get_data(as_text=True)
    assert 'id="nav-import-plan"' in upload and 'aria-current="page">导入方案</a>' in upload  # marked as the page
    assert "粘贴" in upload  # the upload form: a file or pasted text


def test_the_admin_may_import_too_and_sees_it(signed_in):
    assert NAV_IMPORT.search(signed_in("guanli").get("/plans").get_data(as_text=True))


def test_a_liaison_does_not_see_import_plan_and_is_told_who_imports_when_typing_the_address(signed_in):
    zjj = signed_in("zjj")
    for address in ("/", "/plans", "/my-tasks"):
        page = zjj.get(address).get_data(as_text=True)
        assert "nav-import-plan" not in page and "导入方案</a>" not in page, address

    refused = zjj.get("/plans/import")
    assert refused.status_code == 403
    assert "只有督办部门可以导入方案" in refused.get_data(as_text=True)
