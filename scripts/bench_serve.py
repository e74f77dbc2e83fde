#!/usr/bin/env python3
"""Author's loop benchmark: from saving a session file to the rebuilt page being served by `mkdocs serve`.

    python scripts/bench_serve.py [--modules 0] [--edits 5] [--dirty] [--timeout 300] [--out reports/bench-serve]

Two arms, each a real `mkdocs serve` on its own free loopback port, started once and kept running:
*ours* (the project with our hooks: this repository's default site when `--modules 0`, else a synthetic corpus of that
many modules from `scripts/corpus.py`) and *plain* (plain Material, no hook and no `custom_dir`, serving the same final
Markdown pages captured from our build, with the same nav, theme options, extensions and assets). Each edit appends
a unique word to one session file (ours: `modules/<m>/<session>.md`; plain: the captured page made from it) and polls
the served page over HTTP until the word appears: that is the save-to-page latency (MkDocs holds page requests back
while it builds). The arms alternate, the first arm changing every edit, and the script waits for each server to be
idle (ours: its PDFs written, the `PDF:` log line) before the next edit, so neither arm's leftovers load the other.
The wall and CPU time (user+sys of the serve process and its waited-for children, from /proc) of each edit are recorded;
the verdict is the median of the per-edit ratios ours / plain. Bounded: every wait has a timeout.
Never part of `make test` (tests/test_bench.py runs a smoke size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from bench import code_path  # noqa: E402

LIMIT = 1.3   # save-to-page under serve at most 1.3x plain Material
CLOCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu(pid: int) -> float:
    """CPU seconds of a live process: user+sys of itself and of its children it has waited for (/proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime + cutime + cstime) / CLOCK


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and of its live descendants (PDF workers, the quiz helper) at this moment."""
    total, todo, seen = 0.0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        total += process_cpu(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return total


class Server:
    """A real `mkdocs serve` of the project at `root` on a free loopback port; its log goes to `root/serve.log`."""

    def __init__(self, root: Path, config: str = "mkdocs.yml", args=(), env=None) -> None:
        self.root, self.port = Path(root), free_port()
        site_url = (yaml.load((self.root / config).read_text(encoding="utf-8"), Loader=_Quiet) or {}).get("site_url")
        self.base = f"http://127.0.0.1:{self.port}{urlsplit(site_url or '/').path.rstrip('/')}/"
        self.log_path = self.root / "serve.log"
        self.log = open(self.log_path, "w", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", **code_path(self.root), **(env or {})}
        self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", config,
                                      "-a", f"127.0.0.1:{self.port}", *args],
                                     cwd=self.root, stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def get(self, path: str, timeout: float = 120) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, b""
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return 0, b""

    def wait_for(self, path: str, test=lambda body: True, timeout: float = 300, every: float = 0.05) -> float:
        """Poll `path` until it is served with a body `test` accepts; returns the seconds waited (raises on timeout)."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve ended ({self.proc.returncode}):\n{self.text()[-3000:]}")
            status, body = self.get(path, timeout=max(1.0, timeout - (time.perf_counter() - started)))
            if status == 200 and test(body):
                return time.perf_counter() - started
            time.sleep(every)
        raise TimeoutError(f"{self.base}{path} not as expected after {timeout:.0f} s:\n{self.text()[-3000:]}")

    def text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def count(self, pattern: str) -> int:
        return len(re.findall(pattern, self.text()))

    def wait_log(self, pattern: str, at_least: int, timeout: float = 300) -> None:
        """Wait until `pattern` occurs `at_least` times in the log (e.g. one `PDF:` line per build)."""
        deadline = time.monotonic() + timeout
        while self.count(pattern) < at_least:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise TimeoutError(f"{pattern!r} x{at_least} not in the serve log:\n{self.text()[-3000:]}")
            time.sleep(0.1)

    def cpu(self) -> float:
        return tree_cpu(self.proc.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class _Quiet(yaml.SafeLoader):
    """Reads a mkdocs.yml without failing on its Python tags (`!!python/name:`) or `!ENV`."""


_Quiet.add_multi_constructor("", lambda loader, suffix, node: None)


# --- the two projects -------------------------------------------------------------------------------------------------

def prepare(tmp: Path, modules: int, code: Path = REPO) -> tuple[Path, Path, str]:
    """Ours (a copy of the checkout at `code` for the default site, or a corpus of `modules` modules using that
    checkout's hooks) and the plain twin made from its captured pages; returns (ours, plain, session) with `session`
    the edited file under modules/."""
    import bench
    from corpus import _Loader, site_config, write_corpus

    code = Path(code).resolve()
    if modules:
        ours = write_corpus(tmp / "ours", modules, 4, 8, 7)
        config = site_config(hooks=True, code=code)
    else:
        ours = tmp / "ours"
        ignore = shutil.ignore_patterns("site", "site-*", ".cache", ".venv", "reports", "build", ".git", "tests",
                                        "__pycache__", ".pytest_cache")
        shutil.copytree(code, ours, ignore=ignore)
        config = yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    bench.write_yaml(ours / "mkdocs.yml", config)
    plain = tmp / "plain"
    hook = tmp / "capture_hook.py"
    hook.write_text(bench.CAPTURE_HOOK.replace("__OUT__", repr(str(plain))), encoding="utf-8")
    bench.write_yaml(ours / "mkdocs-capture.yml", {**config, "hooks": list(config.get("hooks") or []) + [str(hook)]})
    bench.run_build(ours, tmp / "site-capture", "mkdocs-capture.yml")
    (ours / "mkdocs-capture.yml").unlink()
    shutil.rmtree(tmp / "site-capture", ignore_errors=True)
    for static in (ours / "docs").rglob("*"):
        if static.is_file() and static.suffix != ".md" and ".overrides" not in static.parts:
            target = plain / "docs" / static.relative_to(ours / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(static, target)
    plain_config = site_config(hooks=False)
    plain_config["nav"] = json.loads((plain / "nav.json").read_text(encoding="utf-8"))
    bench.write_yaml(plain / "mkdocs.yml", plain_config)
    return ours, plain, pick_session(ours)


def pick_session(ours: Path) -> str:
    """The first session of the first module (by folder name), as `<module>/<file>.md`."""
    for module in sorted(p for p in (ours / "modules").iterdir() if p.is_dir()):
        sessions = sorted(module.glob("*.md"))
        if sessions:
            return f"{module.name}/{sessions[0].name}"
    raise SystemExit(f"no session file under {ours / 'modules'}")


def page_of(session: str, directory_urls: bool) -> tuple[str, str]:
    """The generated page (under docs/) and the served path of a session `<module>/<file>.md`."""
    module, name = session.split("/")
    src = f"modul/{module}/{name}"
    stem = src[:-3]
    return src, (stem + "/" if directory_urls else stem + ".html")


def append_word(path: Path, word: str) -> None:
    """Add a paragraph holding `word` at the end of a Markdown file (a real save: new bytes and a new mtime)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nSimpan {word}.\n", encoding="utf-8")


# --- measuring ---------------------------------------------------------------------------------------------------------

def one_edit(server: Server, source: Path, served: str, word: str, ours: bool, timeout: float) -> dict:
    builds = server.count(r"Building documentation")
    pdf_lines = server.count(r"PDF: ")
    cpu_before = server.cpu()
    started = time.perf_counter()
    append_word(source, word)
    server.wait_for(served, lambda body: word.encode() in body, timeout=timeout)
    seconds = time.perf_counter() - started
    cpu_page = server.cpu() - cpu_before
    # Idle before the next edit: the build that served the word, and (ours) the PDF run after it.
    server.wait_log(r"Building documentation", builds + 1, timeout)
    pdf_seconds = None
    if ours:
        server.wait_log(r"PDF: ", pdf_lines + 1, timeout)
        pdf_seconds = time.perf_counter() - started
    time.sleep(0.5)  # the watcher's own settling
    return {"seconds": seconds, "cpu": cpu_page, "pdf_ready_seconds": pdf_seconds}


def measure(modules: int, edits: int, dirty: bool, timeout: float, code: Path = REPO) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"modules={modules or 'default site'}: preparing both projects ...", flush=True)
        ours, plain, session = prepare(tmp, modules, code)
        directory_urls = bool(yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Quiet)
                              .get("use_directory_urls", True))
        src, served = page_of(session, directory_urls)
        sources = {"ours": ours / "modules" / session, "plain": plain / "docs" / src}
        args = ["--dirty"] if dirty else []
        runs: dict = {"ours": [], "plain": []}
        servers = {}
        try:
            started = time.perf_counter()
            servers["ours"] = Server(ours, args=args)
            servers["ours"].wait_for(served, timeout=timeout)
            first_ours = time.perf_counter() - started
            servers["ours"].wait_log(r"PDF: ", 1, timeout)
            started = time.perf_counter()
            servers["plain"] = Server(plain, args=args)
            servers["plain"].wait_for(served, timeout=timeout)
            first_plain = time.perf_counter() - started
            for edit in range(edits):
                order = ("ours", "plain") if edit % 2 == 0 else ("plain", "ours")
                for name in order:
                    word = f"kata{edit}x{name}x{int(time.time() * 1000)}"
                    result = one_edit(servers[name], sources[name], served, word, name == "ours", timeout)
                    runs[name].append(result)
                    print(f"  edit {edit + 1}/{edits} {name}: {result['seconds']:.2f} s wall, "
                          f"{result['cpu']:.2f} s CPU", flush=True)
            first_log = servers["ours"].text()
        finally:
            for server in servers.values():
                server.stop()
        pdf_start = re.findall(r"PDF: (\d+) dibuat, (\d+) dari cache", first_log)
    return summarise({"modules": modules, "code": str(code), "edits": edits, "dirty": dirty, "session": session, "page": served,
                      "first_build_seconds": {"ours": first_ours, "plain": first_plain},
                      "pdf_on_start": {"rendered": int(pdf_start[0][0]), "cached": int(pdf_start[0][1])}
                      if pdf_start else None, "runs": runs})


def spread(values) -> list:
    return [round(min(values), 2), round(max(values), 2)] if values else []


def summarise(result: dict) -> dict:
    ours, plain = result["runs"]["ours"], result["runs"]["plain"]
    wall = [o["seconds"] / p["seconds"] for o, p in zip(ours, plain) if p["seconds"]]
    cpu = [o["cpu"] / p["cpu"] for o, p in zip(ours, plain) if p["cpu"]]
    result["median"] = {
        "ours_seconds": statistics.median(o["seconds"] for o in ours),
        "plain_seconds": statistics.median(p["seconds"] for p in plain),
        "ours_cpu": statistics.median(o["cpu"] for o in ours), "plain_cpu": statistics.median(p["cpu"] for p in plain),
        "ratio_wall": statistics.median(wall) if wall else None, "ratio_cpu": statistics.median(cpu) if cpu else None,
        "ours_pdf_ready": statistics.median(o["pdf_ready_seconds"] for o in ours),
    }
    result["spread"] = {"ratio_wall": spread(wall), "ratio_cpu": spread(cpu),
                        "ours_seconds": spread([o["seconds"] for o in ours]),
                        "plain_seconds": spread([p["seconds"] for p in plain])}
    result["met"] = result["median"]["ratio_wall"] is not None and result["median"]["ratio_wall"] <= LIMIT
    return result


def render(report: dict) -> str:
    lines = [f"# Save-to-page under mkdocs serve ({report['date']})", "", f"Command: `{report['command']}`", "",
             f"Machine: {report['machine']}", "",
             "| site | edits | ours s (range) | plain s (range) | ours / plain wall (range) | CPU ours / plain s | "
             "CPU ratio (range) | ours PDF ready s | first build ours / plain s | PDFs on start | met (<= "
             f"{LIMIT}x) |", "|---" * 11 + "|"]
    for r in report["results"]:
        m, s = r["median"], r["spread"]
        site = f"{r['modules']} modules" if r["modules"] else "default site"
        site += " --dirty" if r["dirty"] else ""
        pdf = r["pdf_on_start"]
        lines.append(
            f"| {site} | {r['edits']} | {m['ours_seconds']:.2f} ({s['ours_seconds'][0]}–{s['ours_seconds'][1]}) | "
            f"{m['plain_seconds']:.2f} ({s['plain_seconds'][0]}–{s['plain_seconds'][1]}) | "
            f"**{m['ratio_wall']:.2f}x** ({s['ratio_wall'][0]}–{s['ratio_wall'][1]}) | "
            f"{m['ours_cpu']:.2f} / {m['plain_cpu']:.2f} | "
            + (f"{m['ratio_cpu']:.2f}x ({s['ratio_cpu'][0]}–{s['ratio_cpu'][1]})" if m["ratio_cpu"] else "-")
            + f" | {m['ours_pdf_ready']:.2f} | {r['first_build_seconds']['ours']:.1f} / "
            f"{r['first_build_seconds']['plain']:.1f} | "
            + (f"{pdf['rendered']} made, {pdf['cached']} cached" if pdf else "-")
            + f" | {'yes' if r['met'] else '**no**'} |")
    lines += ["", "Wall: from the save to the first served page holding the new word. CPU: user+sys of the serve "
              "process and its children over the same span (the PDF thread that runs after the page is served is "
              "not in it; `ours PDF ready` is the save-to-PDF time). Ratios are medians of per-edit ratios."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default="0", help="0 for the default site, or corpus sizes, comma-separated")
    parser.add_argument("--edits", type=int, default=5, help="edits per arm (alternating)")
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--code", type=Path, default=REPO,
                        help="the checkout whose hooks are measured (e.g. another branch, for a before/after figure)")
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "bench-serve")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.modules.split(",") if s.strip()]
    results = [measure(size, args.edits, args.dirty, args.timeout, args.code) for size in sizes]
    report = {"date": dt.datetime.now().isoformat(timespec="seconds"),
              "command": "python scripts/bench_serve.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "machine": f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
                         f"load {os.getloadavg()[0]:.1f}", "results": results}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (args.out / "report.md").write_text(render(report), encoding="utf-8")
    print(render(report))
    return 0 if all(r["met"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
