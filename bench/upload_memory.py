"""Memory of a gunicorn worker after large plan uploads (issue 19's last row; issue 14's hostile input).

Seeds a new SQLite database as `flask init-db` does (bench/seed_clicks.seed), starts gunicorn with one
worker (so every request meets the same process), signs in as the supervising office and uploads
files of about 20 MB through the import page (``/plans/import``), as a person would:

- ``numbered.txt``: the 重庆 plan's text repeated to 20 MB (some 200,000 numbered items; refused by
  the upload budget's item or line limit);
- ``one-line.txt``: 20 MB of prose without a line break (no numbering at all);
- ``paragraphs.docx``: a Word file of 40,000 numbered paragraphs of random text (about 20 MB on disk);
- ``plan.txt``: a plan under the budget (3,000 numbered items, about 220,000 characters), which is read and
  kept as a draft;
- ``shared-strings.xlsx``: issue 14's hostile workbook (2.2 million shared strings, 5.5 MB zipped),
  uploaded to the work-ledger page (``/imports/new``).

After each upload the worker's resident memory (VmRSS from /proc, 1 MB = 2**20 bytes) is read once at
once and once after ``--settle`` seconds; the target is "back to idle + 50 MB". Prints one line per upload:
HTTP status, seconds, the worker's RSS after it and its growth over the idle worker.

    python bench/upload_memory.py [--settle 2]

Loopback only; the server is stopped at the end. Linux only (/proc).
"""
from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import TOKEN_RE, _Client  # noqa: E402
from bench.pages import serving  # noqa: E402
from bench.seed_clicks import seed  # noqa: E402

MB = 2 ** 20
TARGET_GROWTH_MB = 50
SIZE = 20 * MB - 64 * 1024  # under MAX_CONTENT_LENGTH (20 MB) with room for the form's other fields


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def worker_pid(master: int) -> int:
    """The one gunicorn worker of ``master`` (its only child process)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one worker, found {children}")
    return int(children[0])


def files() -> list[tuple[str, bytes]]:
    """The uploads, as (file name, bytes), each about 20 MB but ``plan.txt``."""
    plan = (ROOT / "seed_data" / "chongqing_plan.txt").read_text(encoding="utf-8")
    numbered = (plan * (SIZE // len(plan.encode()) + 1)).encode()[:SIZE]
    rng = random.Random(19)
    words = ["加强", "金融", "风险", "防控", "推进", "改革", "完善", "机制", "落实", "责任", "监管", "服务"]
    one_line = "".join(rng.choice(words) for _ in range(SIZE // 6)).encode()[:SIZE]
    items = "\n".join(f"{n}.{''.join(rng.choice(words) for _ in range(30))}（牵头单位：市金融办）"
                      for n in range(1, 3001))
    from tests.hostile.make_files import many_shared_strings_xlsx  # the hostile workbook of issue 14

    return [("numbered.txt", numbered), ("one-line.txt", one_line), ("paragraphs.docx", docx(rng, words)),
            ("plan.txt", items.encode()), ("shared-strings.xlsx", many_shared_strings_xlsx())]


def docx(rng: random.Random, words: list[str]) -> bytes:
    """A Word file of numbered paragraphs of random characters, about 20 MB (python-docx)."""
    import docx as python_docx

    document = python_docx.Document()
    alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)]
    size, n = 0, 0
    while size < 12 * MB:  # random characters compress poorly: the file ends near 20 MB
        n += 1
        text = f"{n}.{''.join(rng.choice(alphabet) for _ in range(200))}"
        document.add_paragraph(text)
        size += len(text.encode())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()[:SIZE] if len(out.getvalue()) > SIZE else out.getvalue()


def upload(client: _Client, name: str, data: bytes) -> tuple[int, float]:
    """POST ``data`` as the file of the plan import form (a workbook: of the ledger upload form);
    return (HTTP status, seconds)."""
    import urllib.error
    import urllib.request

    path, fields = ("/imports/new", {"plan": "0"}) if name.endswith(".xlsx") else ("/plans/import", {})
    status, page = client.request(path)
    match = TOKEN_RE.search(page)
    fields["csrf_token"] = match.group(1) or match.group(2)
    boundary = uuid.uuid4().hex
    body = b"".join([
        *(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
          for key, value in fields.items()),
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode(), data, b"\r\n",
        f"--{boundary}--\r\n".encode()])
    request = urllib.request.Request(client.base + path, data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    started = time.perf_counter()
    try:
        with client.opener.open(request, timeout=300) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to wait before the second reading")
    args = parser.parse_args()
    uploads = files()
    with tempfile.TemporaryDirectory() as folder:
        url, accounts = seed(Path(folder))
        supervisor = next(name for name in accounts if name != "admin" and not name.startswith("lly"))
        with serving(url, Path(folder), workers=1) as (server, base):
            client = _Client(base, supervisor, accounts[supervisor])
            client.login()
            worker = worker_pid(server.pid)
            for _ in range(3):  # warm the import page: templates, the parser's imports
                client.request("/plans/import")
                client.request("/dashboard")
            idle = rss_mb(worker)
            print(f"idle worker: {idle:.0f} MB (target after each upload: ≤ idle + {TARGET_GROWTH_MB} MB)")
            print("| upload | MB | HTTP | s | RSS at once | RSS after settle | growth | target |")
            print("|---|---|---|---|---|---|---|---|")
            for name, data in uploads:
                status, seconds = upload(client, name, data)
                at_once = rss_mb(worker)
                time.sleep(args.settle)
                client.request("/livez")
                after = rss_mb(worker)
                growth = after - idle
                print(f"| {name} | {len(data) / MB:.1f} | {status} | {seconds:.2f} | {at_once:.0f} | {after:.0f} "
                      f"| {growth:+.0f} | {'met' if growth <= TARGET_GROWTH_MB else 'NOT met'} |")


if __name__ == "__main__":
    main()
