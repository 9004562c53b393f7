"""`dlcourse hub`'s folder and settings, and its class list's logins (the hub itself runs in test_hub.py)."""
import asyncio
import json
import stat

import pytest
from traitlets.config import Config

from autograder import cli
from autograder.hub import accounts, pilot
from autograder.nbgrader_ext import commands


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hub") / "pilot"
    passwords = pilot.make_hub(folder, "nndl-x", "lee", ["ana", "ben"])
    return folder, passwords


def test_the_hub_folder_holds_the_course_its_exchange_the_logins_and_the_settings(made):
    folder, passwords = made
    assert sorted(passwords) == ["ana", "ben", "lee"]
    assert commands.gradebook_of(folder / "course") == (f"sqlite:///{folder / 'course' / 'gradebook.db'}", "nndl-x")
    assert f"c.Exchange.root = {str(folder / 'exchange')!r}" in (folder / "course" / "nbgrader_config.py").read_text()
    assert stat.S_IMODE((folder / "exchange").stat().st_mode) == 0o1777
    for name in (pilot.ACCOUNTS_FILE, pilot.PASSWORDS_FILE):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert (folder / pilot.PASSWORDS_FILE).read_text() == "".join(f"{u} {p}\n" for u, p in passwords.items())
    stored = json.loads((folder / pilot.ACCOUNTS_FILE).read_text())
    assert all(stored[u].startswith("scrypt$") and passwords[u] not in stored[u] for u in passwords)
    assert sorted(p.name for p in (folder / "homes").iterdir()) == ["ana", "ben", "grader-nndl-x", "lee"]
    student = json.loads((folder / "config" / "student" / "labconfig" / "page_config.json").read_text())
    instructor = json.loads((folder / "config" / "instructor" / "labconfig" / "page_config.json").read_text())
    assert student["disabledExtensions"]["@jupyter/nbgrader:course-list"] is True
    assert "@jupyter/nbgrader:course-list" not in instructor["disabledExtensions"]
    assert instructor["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True


def test_jupyterhub_is_configured_for_the_class_on_loopback(made):
    folder, _ = made
    hub = pilot.read(folder)
    hub.internal_ports = {"hub": 1001, "proxy_api": 1002, "service": 1003}
    pilot.write(folder, hub)
    c = Config()
    pilot.configure(c, folder)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert c.JupyterHub.hub_bind_url == "http://127.0.0.1:1001"
    assert c.ConfigurableHTTPProxy.api_url == "http://127.0.0.1:1002"
    assert c.Authenticator.allowed_users == {"lee", "ana", "ben"} and c.Authenticator.admin_users == {"lee"}
    [service] = c.JupyterHub.services
    assert (service["name"], service["url"], service["cwd"]) == ("nndl-x", "http://127.0.0.1:1003", str(folder / "course"))
    assert c.JupyterHub.load_groups == {"formgrade-nndl-x": {"users": ["lee"]}}

    class User:
        def __init__(self, name):
            self.name = name

    class Spawner:
        def __init__(self, name):
            self.user = User(name)

    config_path = c.Spawner.environment["JUPYTER_CONFIG_PATH"]
    assert config_path(Spawner("ana")).split(":") == [str(folder / "config" / p) for p in ("common", "server", "student")]
    assert config_path(Spawner("lee")).split(":")[-1] == str(folder / "config" / "instructor")


def test_a_login_needs_the_users_own_password(made):
    folder, passwords = made
    auth = accounts.ClassListAuthenticator(accounts_file=str(folder / pilot.ACCOUNTS_FILE))

    def login(user, password):
        return asyncio.run(auth.authenticate(None, {"username": user, "password": password}))

    assert login("ana", passwords["ana"]) == "ana"
    assert login("ana", passwords["ben"]) is None  # another student's password is not hers
    assert login("ana", "") is None
    assert login("zoe", passwords["ana"]) is None  # not in the class


@pytest.mark.parametrize("args,message", [
    (["--course-id", "bad id"], "'bad id' is not a course id nbgrader accepts"),
    (["--students", "Ana,ben"], "user names must be distinct, start with a small letter"),
    (["--students", "ana,ana"], "user names must be distinct"),
])
def test_dlcourse_hub_refuses_a_bad_class_and_makes_nothing(tmp_path, capsys, args, message):
    folder = tmp_path / "hub"
    assert cli.main(["hub", "--dir", str(folder), *args]) == 1
    assert message in capsys.readouterr().err
    assert not folder.exists()


def test_dlcourse_hub_refuses_a_folder_that_is_not_a_hub(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert cli.main(["hub", "--dir", str(tmp_path)]) == 1
    assert "already exists and is not a hub's folder nor empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
