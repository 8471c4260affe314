"""Data flows discover -> fetch -> archive -> extract -> claims -> targets -> store -> publish: a lower layer never
imports an upper one (README "Layers"). This scans every import statement, including imports inside functions."""
import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# package -> packages it must not import
FORBIDDEN = {
    "db": {"crawlers", "extract", "pantau"},
    "nlp_models": {"crawlers", "extract", "pantau"},
    "crawlers": {"extract", "pantau"},
    "extract": {"crawlers", "pantau"},
}


def imported_packages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def violations(root: Path = REPO):
    found = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package).rglob("*.py")):
            for line, name in imported_packages(path):
                if name in forbidden:
                    found.append(f"{path.relative_to(root)}:{line} imports {name}")
    return found


def test_no_lower_layer_imports_an_upper_one():
    assert violations() == []


def test_the_scan_catches_an_upward_import(tmp_path):
    (tmp_path / "crawlers").mkdir()
    (tmp_path / "crawlers" / "x.py").write_text("def f():\n    from pantau import mirror\n")
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "y.py").write_text("import pantau.progress\n")
    assert violations(tmp_path) == ["crawlers/x.py:2 imports pantau", "extract/y.py:1 imports pantau"]
