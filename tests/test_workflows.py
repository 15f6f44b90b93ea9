"""The hosted CI and publishing workflows: valid, and running the same Makefile targets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def makefile_targets():
    text = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_workflow_is_valid_and_uses_make_targets_that_exist(name):
    workflow = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    assert workflow["name"] and workflow["jobs"]
    triggers = workflow.get("on", workflow.get(True))
    assert triggers, "a workflow needs triggers"
    commands = " ".join(step.get("run", "") for step in steps(workflow))
    if "bash .ci/run" in commands:
        commands += (ROOT / ".ci" / "run").read_text("utf-8")
    used = set(re.findall(r"\bmake ([a-z][\w-]*)", commands))
    assert used, "workflows run the Makefile's targets"
    assert used <= makefile_targets(), used - makefile_targets()


def test_pull_requests_run_the_tests_and_the_checks_through_ci_run():
    workflow = yaml.safe_load((WORKFLOWS / "ci.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    commands = [step.get("run", "") for step in steps(workflow)]
    assert any(command.strip() == "bash .ci/run" for command in commands)
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in script and "make check" in script


def test_main_is_built_with_make_release_and_published_to_pages():
    workflow = yaml.safe_load((WORKFLOWS / "pages.yml").read_text("utf-8"))
    runs = [step.get("run", "").strip() for step in steps(workflow)]
    assert "make release" in runs and "make build" not in runs
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for step in steps(workflow)]
    assert any(use.startswith("actions/upload-pages-artifact") for use in uses)
    assert any(use.startswith("actions/deploy-pages") for use in uses)
    upload = next(
        s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert upload["with"]["path"] == "site"


def test_the_site_is_also_rebuilt_every_day_so_that_statuses_follow_the_calendar():
    workflow = yaml.safe_load((WORKFLOWS / "pages.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))
    [schedule] = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "runs every day"
    assert minute.isdigit() and hour.isdigit(), "once a day, at a fixed time"
    build = next(step for step in steps(workflow) if "make release" in step.get("run", ""))
    env = {
        **workflow.get("env", {}),
        **workflow["jobs"]["build"].get("env", {}),
        **build.get("env", {}),
    }
    assert "SOURCE_DATE_EPOCH" not in env, "the build day must be the day of the run"


def test_ci_fails_when_no_browser_test_ran(tmp_path):
    from ran_browser_tests import passed_browser_tests

    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert 'export CI="${CI:-true}"' in script
    assert "--junitxml=" in script and "tests/ran_browser_tests.py" in script
    report = tmp_path / "report.xml"
    cases = [
        '<testcase classname="tests.browser.test_reading" name="a"/>',
        '<testcase classname="tests.browser.test_reading" name="b"><skipped/></testcase>',
        '<testcase classname="tests.browser.test_hostile" name="c"><failure/></testcase>',
        '<testcase classname="tests.test_browsers_elsewhere" name="d"/>',
        '<testcase classname="tests.test_checks" name="e"/>',
    ]
    report.write_text(f"<testsuites><testsuite>{''.join(cases)}</testsuite></testsuites>")
    assert passed_browser_tests(str(report)) == 1
    report.write_text(f"<testsuites><testsuite>{''.join(cases[1:])}</testsuite></testsuites>")
    assert passed_browser_tests(str(report)) == 0


@pytest.mark.parametrize(("ci", "code"), [("true", 4), ("", 0)])
def test_without_chromium_the_browser_tests_fail_under_ci_and_skip_elsewhere(ci, code):
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key not in ("CHROMIUM", "CI")}
    env.update(PATH=str(Path(sys.executable).parent), CI=ci)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--co", "tests/browser"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code, result.stdout + result.stderr
    if ci:
        assert "CI=true but Chromium is not found" in result.stdout + result.stderr
