"""A plain `pip install .` (not editable) must ship every file the code reads at run time: lexicons, gazetteers, the
trained NER model's weight files (which have no extension), Datasette's templates and CSS. Setuptools copies only what
`[tool.setuptools.package-data]` matches, so a data file outside those globs works in a checkout and fails after
install. This test applies the same globs to the packages' folders."""
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("pantau", "crawlers", "extract", "nlp_models", "db")


def _shipped(package_dir: Path, patterns: list[str]) -> set[Path]:
    return {p for pattern in patterns for p in package_dir.glob(pattern) if p.is_file()}


def _data_files(package_dir: Path) -> set[Path]:
    return {
        p for p in package_dir.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


def test_every_runtime_data_file_is_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    missing = []
    for package in PACKAGES:
        package_dir = REPO / package
        patterns = package_data.get("*", []) + package_data.get(package, [])
        # `packages.find` in pyproject.toml finds namespace packages too, so every folder is a sub-package and gets
        # the "*" globs relative to itself
        shipped = set()
        folders = [d for d in package_dir.rglob("*") if d.is_dir() and "__pycache__" not in d.parts]
        for sub in [package_dir, *folders]:
            shipped |= _shipped(sub, package_data.get("*", []))
        shipped |= _shipped(package_dir, patterns)
        missing += sorted(str(p.relative_to(REPO)) for p in _data_files(package_dir) - shipped)
    assert not missing, f"not shipped by a plain `pip install .`: {missing[:20]}"


def test_datasette_assets_live_inside_the_package():
    from pantau import serve

    assert (serve.TEMPLATES / "index.html").is_file()
    assert (serve.STATIC / "pantau.css").is_file()
    assert REPO / "pantau" in serve.TEMPLATES.parents
