"""A JupyterHub on one machine for a pilot: one instructor, a class of students, nbgrader's course service.

    dlcourse hub [--dir DIR] [--port 8000] [--course-id ID] [--instructor NAME] [--students N|a,b,c]

The first run makes ``DIR`` (``make_hub``):

- ``course/``: the course directory (``dlcourse init``), whose nbgrader_config.py names the exchange;
- ``exchange/``: nbgrader's exchange (one folder every server of the hub writes);
- ``accounts.json`` and ``passwords.txt``: a password for each user (``accounts``), hashed for the hub and
  in clear for the instructor to hand out (both readable by their owner only);
- ``homes/<user>/``: each user's home, where their server starts;
- ``config/``: what every user's server reads (``JUPYTER_CONFIG_PATH``): ``common/nbgrader_config.py`` (the
  exchange; a student's id is their hub login), ``server/`` (terminals keep ``PATH``; the course service's
  too), ``student/`` and ``instructor/`` (which nbgrader tools their JupyterLab loads: a student's as
  ``make lab``'s, lab/student/; an instructor's adds the Course List);
- ``hub.json``: the class and the ports; ``jupyterhub_config.py``: JupyterHub's settings (``configure``),
  the file a real deployment starts from.

Every run then starts JupyterHub there (``run``) on 127.0.0.1, with its proxy (configurable-http-proxy,
from npm) and the course service: the course directory served to the instructor at
``/services/<course id>/`` with nbgrader's formgrader (nbgrader's "one class, multiple graders" setup).

A pilot, not a class: every server runs as the operating-system user that started the hub, so users
are told apart by their logins, not by the system (a student's code can read the course directory and
the others' homes). README: "Running a class" says what a deployment changes.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..nbgrader_ext.commands import COURSE_ID_PATTERN, REPO_ROOT, init_course, kill_tree, make_exchange, process_tree
from . import accounts

HUB_FILE = "hub.json"
ACCOUNTS_FILE = "accounts.json"
PASSWORDS_FILE = "passwords.txt"
CONFIG_FILE = "jupyterhub_config.py"
BIN = Path(sys.executable).parent  # jupyterhub, jupyterhub-singleuser, nbgrader, dlcourse: this environment's
STUDENT_LAB = REPO_ROOT / "lab" / "student" / "labconfig" / "page_config.json"  # make lab's: a learner's tools
LAB_SETTINGS = REPO_ROOT / "lab" / "settings"  # JupyterLab's defaults for the course (no news pop-up)
PROXY = "configurable-http-proxy"
# Every server's options, as make lab's: the course's JupyterLab defaults; as root (a container), allowed to run.
SERVER_ARGS = [f"--LabApp.app_settings_dir={LAB_SETTINGS}", *(["--allow-root"] if os.geteuid() == 0 else [])]
USER_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}\Z")


class HubError(ValueError):
    """``dlcourse hub`` cannot make or start the hub; the message says why and what to do."""


@dataclass
class Hub:
    """The pilot's settings (hub.json)."""
    course_id: str
    instructor: str
    students: list[str]
    port: int = 8000
    # Where the hub, its proxy's API and the course service listen on 127.0.0.1 (chosen free at each start).
    internal_ports: dict[str, int] = field(default_factory=dict)

    @property
    def users(self) -> list[str]:
        return [self.instructor, *self.students]


def read(folder: Path) -> Hub:
    return Hub(**json.loads((Path(folder) / HUB_FILE).read_text()))


def write(folder: Path, hub: Hub) -> None:
    (Path(folder) / HUB_FILE).write_text(json.dumps(asdict(hub), indent=1) + "\n")


def is_hub(folder: Path) -> bool:
    return (Path(folder) / HUB_FILE).is_file()


def make_hub(folder: Path, course_id: str, instructor: str, students: list[str]) -> dict[str, str]:
    """Make the pilot's folder at ``folder`` (new or empty); returns each user's password."""
    folder = Path(folder).resolve()
    if not COURSE_ID_PATTERN.match(course_id):
        raise HubError(f"{course_id!r} is not a course id nbgrader accepts: use letters, digits, '.', '-' and '_'.")
    bad = [u for u in [instructor, *students] if not USER_NAME.match(u)]
    if bad or len({instructor, *students}) != 1 + len(students) or not students:
        raise HubError(f"user names must be distinct, start with a small letter and hold only small letters, digits, "
                       f"'-' and '_' (at most 32), with at least one student{': not ' + ', '.join(map(repr, bad)) if bad else ''}.")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HubError(f"{folder} already exists and is not a hub's folder nor empty: choose another (--dir).")
    if not STUDENT_LAB.is_file():
        raise HubError(f"{STUDENT_LAB} is missing: dlcourse hub runs from a clone of the course's repository.")
    folder.mkdir(parents=True, exist_ok=True)
    exchange = folder / "exchange"
    make_exchange(exchange)
    init_course(folder / "course", course_id, exchange)
    for user in [instructor, *students]:
        (folder / "homes" / user).mkdir(parents=True)
    (folder / "homes" / grader(course_id)).mkdir()
    common = folder / "config" / "common"
    common.mkdir(parents=True)
    (common / "nbgrader_config.py").write_text(textwrap.dedent(f"""\
        # Every user's nbgrader settings on the pilot hub (made by dlcourse hub): the exchange, and the user's id.
        import os

        c = get_config()  # noqa: F821 (provided by nbgrader)
        c.Exchange.root = {str(exchange)!r}
        # Every server of the pilot runs as one operating-system user, so nbgrader cannot take a student's id from
        # it: it is their login on the hub. (With a user account each, as in a deployment, drop this line.)
        c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
        """))
    server = folder / "config" / "server"
    server.mkdir()
    (server / "jupyter_server_config.py").write_text(textwrap.dedent("""\
        # Every server's settings on the pilot hub (made by dlcourse hub), the course service's too.
        c = get_config()  # noqa: F821 (provided by Jupyter)
        # A terminal's shell is not a login shell, which would reset PATH: dlcourse and nbgrader stay on it.
        c.ServerApp.terminado_settings = {"shell_command": ["/bin/bash"]}
        """))
    for role, page_config in (("student", _page_config(course_list=False)), ("instructor", _page_config(course_list=True))):
        labconfig = folder / "config" / role / "labconfig"
        labconfig.mkdir(parents=True)
        (labconfig / "page_config.json").write_text(json.dumps(page_config, indent=2) + "\n")
    passwords = accounts.write_accounts(folder / ACCOUNTS_FILE, [instructor, *students])
    accounts.write_private(folder / PASSWORDS_FILE, "".join(f"{u} {p}\n" for u, p in passwords.items()))
    write(folder, Hub(course_id, instructor, students))
    (folder / CONFIG_FILE).write_text(CONFIG_TEXT)
    return passwords


def grader(course_id: str) -> str:
    """The home of the course service (its JupyterLab's settings)."""
    return f"grader-{course_id}"


def _page_config(course_list: bool) -> dict:
    """The JupyterLab extensions a student (as in ``make lab``) or the instructor's own server turns off."""
    config = json.loads(STUDENT_LAB.read_text())
    if course_list:  # the instructor's server links to the course service's formgrader
        config["disabledExtensions"].pop("@jupyter/nbgrader:course-list", None)
    return config


CONFIG_TEXT = '''\
# JupyterHub's settings for a pilot of the course on this machine, made by `dlcourse hub` from hub.json
# (autograder/hub/pilot.py: configure). For a deployment, change below what README "Running a class" lists:
# the authenticator (PAM, OAuth), the spawner (one user account or container each), the exchange on a
# network file system, and a public address with HTTPS.
import os

from autograder.hub.pilot import configure

c = get_config()  # noqa: F821 (provided by JupyterHub)
configure(c, os.path.dirname(os.path.abspath(__file__)))
'''


def configure(c, folder: str | Path) -> None:
    """Fill JupyterHub's config ``c`` for the pilot in ``folder``."""
    folder = Path(folder).resolve()
    hub = read(folder)
    ports = hub.internal_ports
    course = folder / "course"
    c.JupyterHub.bind_url = f"http://127.0.0.1:{hub.port}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{ports['hub']}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{ports['proxy_api']}"
    c.ConfigurableHTTPProxy.command = [find_proxy() or PROXY]  # run() has checked that it is there
    c.ConfigurableHTTPProxy.pid_file = str(folder / "jupyterhub-proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{folder / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(folder / "jupyterhub_cookie_secret")
    c.JupyterHub.authenticator_class = "autograder.hub.accounts.ClassListAuthenticator"
    c.ClassListAuthenticator.accounts_file = str(folder / ACCOUNTS_FILE)
    c.Authenticator.allowed_users = set(hub.users)
    c.Authenticator.admin_users = {hub.instructor}
    c.JupyterHub.spawner_class = "simple"  # every server as this user, in homes/<user> (see the module's doc)
    c.SimpleLocalProcessSpawner.home_dir_template = str(folder / "homes" / "{username}")
    c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
    c.Spawner.args = SERVER_ARGS
    c.Spawner.default_url = "/lab"
    path = os.pathsep.join([str(BIN), os.environ.get("PATH", "/usr/bin:/bin")])
    c.Spawner.environment = {
        "PATH": path,
        "JUPYTER_CONFIG_PATH": lambda spawner: os.pathsep.join(
            str(folder / "config" / part)
            for part in ("common", "server", "instructor" if spawner.user.name == hub.instructor else "student")),
    }
    # nbgrader's course service: the course directory in a JupyterLab with the formgrader, for the instructor.
    group = f"formgrade-{hub.course_id}"
    c.JupyterHub.load_groups = {group: {"users": [hub.instructor]}}
    c.JupyterHub.load_roles = [
        {"name": group, "groups": [group],
         "scopes": [f"access:services!service={hub.course_id}", "list:services", f"read:services!service={hub.course_id}"]},
        {"name": "server", "scopes": ["inherit"]},  # the Course List asks the hub which services its user may open
    ]
    c.JupyterHub.services = [{
        "name": hub.course_id,
        "url": f"http://127.0.0.1:{ports['service']}",
        "command": [str(BIN / "jupyterhub-singleuser"), *SERVER_ARGS],
        "cwd": str(course),
        "environment": {"PATH": path, "HOME": str(folder / "homes" / grader(hub.course_id)),
                        "JUPYTER_CONFIG_PATH": str(folder / "config" / "server"), "JUPYTERHUB_DEFAULT_URL": "/lab"},
        "oauth_no_confirm": True,
    }]


def find_proxy() -> str | None:
    """configurable-http-proxy: this environment's (``make proxy`` installs it with npm into .venv, at the versions
    autograder/hub/npm/package-lock.json pins), else one on PATH."""
    local = BIN.parent / "node_modules" / ".bin" / PROXY
    return str(local) if local.exists() else shutil.which(PROXY)


def proxy_command() -> str:
    found = find_proxy()
    if not found:
        raise HubError(f"{PROXY} (JupyterHub's proxy, from npm) is not installed: `make hub` installs it (npm is "
                       "needed: apt-get install npm).")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(folder: Path, port: int | None = None) -> int:
    """Run JupyterHub for the pilot in ``folder`` until it exits, or until this process gets SIGINT (Ctrl-C) or
    SIGTERM: then JupyterHub stops its servers and its proxy, and whatever is left of them is killed."""
    folder = Path(folder).resolve()
    hub = read(folder)
    proxy_command()  # fail before starting anything
    hub.port = port or hub.port
    hub.internal_ports = {name: _free_port() for name in ("hub", "proxy_api", "service")}
    write(folder, hub)
    env = {**os.environ, "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")])}
    env.pop("JUPYTER_CONFIG_PATH", None)
    process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(folder / CONFIG_FILE)], cwd=folder, env=env,
                               start_new_session=True)  # out of the terminal's Ctrl-C: this process stops it

    def stop(signum, frame):
        raise _Stop

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return process.wait()
    except _Stop:
        for sig in previous:  # a second Ctrl-C does not cut the stopping short
            signal.signal(sig, signal.SIG_IGN)
        started = process_tree([process.pid])  # the servers, their kernels and terminals, what those run
        process.terminate()  # JupyterHub stops the users' servers, the course service and the proxy, ...
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:  # ... unless one is slow to: then they are all killed
            pass
        kill_tree(list(started))  # and what outlived them (a command left running in a terminal)
        process.wait()
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _stop_proxy(folder)


# How long JupyterHub may take to stop its servers before they are killed (it would wait for the course service,
# whose Jupyter server may not answer its SIGINT, 30 s, then as long again after a SIGTERM).
STOP_SECONDS = 10


class _Stop(Exception):
    pass


def _stop_proxy(folder: Path) -> None:
    """Kill the proxy JupyterHub started, if it outlived it (as when JupyterHub fails to start)."""
    try:
        pid = int((folder / "jupyterhub-proxy.pid").read_text())
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if PROXY.encode() in f.read():
                os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError):
        pass
