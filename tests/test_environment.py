"""environment.yml and requirements.txt pin the same versions; the package metadata is sane."""
import re

from helpers import REPO


def pins(lines):
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([^\s]+)", line)
        if m:
            out[m.group(1).lower()] = m.group(2)
    return out


def test_environment_yml_pins_equal_requirements_txt():
    req = pins((REPO / "requirements.txt").read_text().splitlines())
    env_text = (REPO / "environment.yml").read_text()
    pip_section = env_text.split("- pip:", 1)[1]
    env = pins(pip_section.splitlines())
    assert req, "requirements.txt pins nothing"
    assert env == req


def test_every_requirement_is_pinned_exactly():
    for path in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO / path).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][^\s]*", line), f"{path}: {line!r} is not pinned with =="


def test_installed_versions_match_pins():
    from importlib.metadata import version
    for name, pinned in pins((REPO / "requirements.txt").read_text().splitlines()).items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}; run `make .venv`"
