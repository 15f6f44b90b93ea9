"""Catalogs are validated once per content, shared by every language's process."""

from __future__ import annotations

import pytest

from helpcenter.catalog import validated
from helpcenter.problems import ContentError


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(validated, "_memory", {})
    catalog, code = tmp_path / "catalog.yml", tmp_path / "check.py"
    catalog.write_text("a: 1\n")
    code.write_text("# version 1\n")
    return catalog, code, tmp_path / ".cache"


def counting(result):
    calls = []

    def compute():
        calls.append(1)
        if isinstance(result, Exception):
            raise result
        return result

    return compute, calls


def test_the_same_bytes_are_validated_once_even_in_another_process(files, monkeypatch):
    catalog, code, folder = files
    compute, calls = counting({"a": 1})
    assert validated.cached("catalog", [catalog], [code], folder, compute) == {"a": 1}
    assert validated.cached("catalog", [catalog], [code], folder, compute) == {"a": 1}
    monkeypatch.setattr(validated, "_memory", {})  # what a new process starts with
    assert validated.cached("catalog", [catalog], [code], folder, compute) == {"a": 1}
    assert len(calls) == 1
    assert len(list(folder.glob("catalog-*.pickle"))) == 1


@pytest.mark.parametrize("changed", ["catalog", "code"])
def test_any_change_of_the_catalog_or_the_code_validates_again(files, monkeypatch, changed):
    catalog, code, folder = files
    compute, calls = counting("ok")
    validated.cached("catalog", [catalog], [code], folder, compute)
    (catalog if changed == "catalog" else code).write_text("changed\n")
    monkeypatch.setattr(validated, "_memory", {})
    validated.cached("catalog", [catalog], [code], folder, compute)
    assert len(calls) == 2
    assert len(list(folder.glob("catalog-*.pickle"))) == 1, "the older entry is dropped"


def test_a_catalog_that_fails_is_never_stored(files):
    catalog, code, folder = files
    compute, calls = counting(ContentError("data/catalog.yml: bad"))
    for _ in range(2):
        with pytest.raises(ContentError, match="bad"):
            validated.cached("catalog", [catalog], [code], folder, compute)
    assert len(calls) == 2
    assert not list(folder.glob("*.pickle"))


def test_a_damaged_copy_is_validated_again(files, monkeypatch):
    catalog, code, folder = files
    compute, calls = counting([1, 2])
    validated.cached("catalog", [catalog], [code], folder, compute)
    for stored in folder.glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    monkeypatch.setattr(validated, "_memory", {})
    assert validated.cached("catalog", [catalog], [code], folder, compute) == [1, 2]
    assert len(calls) == 2


def test_a_missing_file_is_left_to_the_validation_to_report(files):
    catalog, code, folder = files
    compute, _calls = counting(ContentError("data/missing.yml is missing"))
    with pytest.raises(ContentError, match="is missing"):
        validated.cached("missing", [catalog.with_name("missing.yml")], [code], folder, compute)
