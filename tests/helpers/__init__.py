"""Helpers shared by the test modules; test modules import these, never each other.

- ``paths``: the repository root, the plan corpus, the 重庆 plan and its expected parse, test-artifacts/.
- ``app``: ``make_app`` (an app on a given instance folder and database), ``POSTGRES_URL``; the demo's first start
  (``start_demo``), a client signed in as a demo account (``demo_client``) or as the supervising office (``demo_office``).
- ``forms``: ``csrf_token``, ``form_version`` read from a page; ``Auth`` signs a test client in.
- ``reports``: ``task_id`` of the seeded plan, ``post_report`` and ``report_with_files`` through the task page.
- ``workflow``: open a task page and post one of its forms (``act``), snapshots, the stored status (``status_of``)
  and journal rows; the demo plan given the office's deadlines (``with_office_deadlines``), this month as a period
  (``current_month``).
- ``ledger``: export, edit in openpyxl, upload and confirm a ledger (``reimport``: upload, preview, confirm,
  with snapshots before and after); read its rows (``data_rows``, ``read_csv``).
- ``xlsx``: hand-built (hostile) workbooks for the ledger reader and the security tests; ``write_rows``, ``xlsx_bytes``:
  a workbook of rows (an indicator or bank table, a ledger) as another office's tool saves it.
- ``time_cells``: ``deadlines_by_path`` (each measure's deadline as written and due date of a typed plan) and
  ``one_cell_a_line`` (a task table as a saved page copies it, one cell a line between pipes).
- ``layouts``: the layout matrix of work ledgers and indicator tables offices send (``LedgerCase``, ``IndicatorCase``:
  one value per dimension), their files, the rows the readers must give, ``matrix_cases`` and the outcomes.
- ``plans``: a Word plan to upload through the import page, its preview form, the revised 重庆 plan.
- ``signed_plans``: ``deadlines_of_signed_plan``, each measure's deadline of a signed plan typed in a unit story.
- ``persons``: whether a person word is seen by the ledger reader, a task table's cells and an annotation.
- ``routes``: sample values for every URL parameter (the permission matrix and the security sweeps).
- ``small_world``: the small, hand-checkable world of the dashboard, bulletin and API tests.
- ``servers``: ``free_port``, ``fetch`` and ``gunicorn`` (the app under gunicorn on a loopback port) for tests that start
  a server process.
- ``browser``: sign in, open the top bar and its menus (waiting, as a person does, until they are open), sign out and
  take screenshots in a Playwright page.

Fixtures stay in the conftest.py files (tests/conftest.py, tests/system/conftest.py).
"""
